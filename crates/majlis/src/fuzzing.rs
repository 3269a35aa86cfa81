//! What the fuzz targets (`crates/majlis/fuzz/`) reach of the app: the
//! parsers of untrusted input, called as the request path calls them. Not
//! part of the app's interface. When a parser moves, only this file changes.

use std::collections::BTreeMap;
use std::path::Path;

use bytes::Bytes;
use chrono::Utc;
use futures_util::stream;

use crate::config::{Settings, SettingsError};
use crate::db::{Db, PoolSizes};
use crate::fields::form::RawForm;
use crate::i18n::Locale;
use crate::library::files::{FormError, UploadForm, Uploads};
use crate::library::practices::Step;

pub use crate::web::input::{is_unwanted, kept_as_typed};
pub use crate::web::redirect::{local_or, see_other};

// ------------------------------------------------------------ urlencoded

/// An urlencoded body as `CsrfForm` reads it: cleaned by `web::input`, then
/// deserialised. `None` where the app answers 400.
pub fn form_pairs(body: &[u8]) -> Option<Vec<(String, String)>> {
    deserialize(body)
}

/// The same body into a map, as the forms that take `BTreeMap` read it.
pub fn form_map(body: &[u8]) -> Option<BTreeMap<String, String>> {
    deserialize(body)
}

// The two lines of `web::extract::parse_form`, which is private there.
fn deserialize<T: serde::de::DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_urlencoded::from_bytes(&crate::web::input::clean_form(body)).ok()
}

/// Runs every rule that parses a submitted form (or a list page's query)
/// into typed values on `pairs`: practices (each step), events and their
/// sessions, people and outcomes, dilemmas, contributions and clinic
/// queues, compendium editions, and the list filters. Returns how many
/// accepted the form; refusals are the expected answer to most inputs.
pub fn run_form_rules(pairs: Vec<(String, String)>) -> usize {
    let raw = RawForm(pairs);
    let themes = [1, 2, 3];
    let ids = [1, 2, 3];
    let countries = vec!["TR".to_owned(), "DE".to_owned(), "FR".to_owned()];
    let this_year = 2026;
    let mut accepted = 0;
    let mut count = |ok: bool| accepted += usize::from(ok);

    let practices = crate::library::practices::Known {
        themes: &themes,
        countries: &countries,
        municipalities: &ids,
        organisations: &ids,
        this_year,
    };
    for lang in [Locale::En, Locale::Ar] {
        let mut current = None;
        for step in Step::ALL {
            match crate::library::practices::apply_step(
                current.as_ref(),
                step,
                lang,
                &raw,
                &practices,
            ) {
                Ok(snapshot) => {
                    count(true);
                    current = Some(snapshot);
                }
                Err(_) => count(false),
            }
        }
    }

    let events = crate::events::editing::Known {
        themes: &themes,
        countries: &countries,
        organisations: &ids,
        series: &ids,
        venue_unknown: false,
    };
    use crate::events::editing as ev;
    count(ev::parse_event(&raw, Locale::Tr, None, &events).is_ok());
    count(ev::parse_event(&raw, Locale::Ar, Some(Locale::En), &events).is_ok());
    count(ev::parse_session(&raw, Locale::En, 3, &ids, None).is_ok());
    count(ev::parse_person(&raw, &ids, &ids, Some(1)).is_ok());
    count(ev::parse_outcomes(&raw, Locale::De, &ids, &ids, &countries).is_ok());
    let tz: chrono_tz::Tz = chrono_tz::Europe::Istanbul;
    let _ = ev::parse_local(raw.get("start"), tz);
    let _ = ev::parse_hhmm(raw.get("time"));

    let dilemmas = crate::consultations::online::Known {
        themes: &themes,
        countries: &countries,
        municipalities: &ids,
    };
    use crate::consultations::{clinics, online};
    count(online::parse_dilemma(&raw, Locale::Fr, &dilemmas).is_ok());
    count(online::parse_contribution(&raw, Locale::En, &ids, &ids).is_ok());
    count(clinics::parse_queued(&raw, Locale::Ar, &countries).is_ok());

    let get = |k: &str| raw.get(k).to_owned();
    count(crate::library::compendium::parse_edition(get, this_year).is_ok());
    let _ = crate::fields::parse_link(raw.get("link"));

    let query = |k: &str| raw.has(k).then(|| raw.get(k).to_owned());
    count(crate::library::rules::LibraryFilter::parse(query).is_ok());
    count(crate::events::rules::EventFilter::parse(query).is_ok());
    count(crate::consultations::rules::DilemmaFilter::parse(query).is_ok());
    accepted
}

// ------------------------------------------------------------ settings

/// `Settings::load`: defaults, then the TOML file, then `MAJLIS_*`.
pub fn load_settings(config_file: &Path) -> Result<Settings, SettingsError> {
    Settings::load(config_file)
}

/// The names of the settings (the keys `MAJLIS_<NAME>` is read for).
pub fn setting_names() -> Vec<String> {
    match serde_json::to_value(Settings::default()) {
        Ok(serde_json::Value::Object(map)) => map.keys().cloned().collect(),
        _ => Vec::new(),
    }
}

/// What start-up derives from loaded settings, as the server does it;
/// returns the redacted database URL (which must not show a password).
pub fn use_settings(settings: &Settings) -> String {
    let url = settings.database_url();
    let _ = (url.is_sqlite(), url.is_postgres(), format!("{url:?}"));
    let _ = settings.session_limits();
    let _ = settings.secure_cookies();
    let _ = settings.proxies();
    let _ = settings.hsts();
    let _ = (settings.session_cookie(), settings.csrf_cookie());
    let _ = settings.public_url();
    let _ = format!("{settings:?}");
    let _ = Settings::unknown_env_vars();
    url.redacted()
}

// ------------------------------------------------------------ multipart

/// The upload form reader (`library::files::read_form`) with its limits, on
/// a SQLite database in a scratch folder, files kept in memory, and one
/// signed-in member who uploads.
pub struct Uploading {
    db: Db,
    uploads: Uploads,
    person_id: i32,
}

/// The multipart boundary of the bodies [`Uploading::read`] takes.
pub const BOUNDARY: &str = "majlisfuzz";
/// The anti-forgery token the forms must carry first.
pub const TOKEN: &str = "0123456789abcdef0123456789abcdef";

impl Uploading {
    /// Limits: 64 KiB a file, 3 files, 12 fields, 256 KiB a form, a quota of
    /// 1 MiB (small, so that every limit is reachable). The database and
    /// scratch files go in `dir`.
    pub async fn new(dir: &Path) -> anyhow::Result<Uploading> {
        let settings = Settings {
            data_dir: dir.to_owned(),
            files_url: Some("memory://".into()),
            upload_max_mb: 1,
            upload_max_files: 3,
            form_max_fields: 12,
            request_max_mb: 1,
            upload_quota_mb: 1,
            ..Settings::default()
        };
        let db = Db::connect(&settings.database_url(), PoolSizes::default()).await?;
        db.migrate().await?;
        let person = crate::accounts::people::create(
            &db,
            &crate::accounts::Email::parse("uploader@example.org")?,
            "Uploader",
            crate::policy::Role::Member,
            Locale::En,
            &crate::accounts::Password::parse("correct horse battery staple".into())?,
            Utc::now(),
        )
        .await?;
        let mut uploads = Uploads::from_settings(&settings)?;
        uploads.max_bytes = 64 * 1024;
        uploads.request_max_bytes = 256 * 1024;
        Ok(Uploading {
            db,
            uploads,
            person_id: person.id,
        })
    }

    /// Reads `body` as a `multipart/form-data` body with [`BOUNDARY`],
    /// arriving in chunks of `chunk` bytes; then runs the resource form's
    /// parsers on what was read.
    pub async fn read(&self, body: &[u8], chunk: usize) -> Result<UploadForm, FormError> {
        let chunks: Vec<Result<Bytes, std::io::Error>> = body
            .chunks(chunk.max(1))
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let request = axum::http::Request::builder()
            .method("POST")
            .header(
                "content-type",
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(axum::body::Body::from_stream(stream::iter(chunks)))
            .map_err(|_| FormError::Malformed)?;
        use axum::extract::FromRequest;
        let multipart = axum::extract::Multipart::from_request(request, &())
            .await
            .map_err(|_| FormError::Malformed)?;
        let upload = crate::web::extract::CsrfMultipart {
            multipart,
            expected: TOKEN.into(),
            person_id: self.person_id,
            staff: false,
        };
        let mut form = crate::library::files::read_form(&self.uploads, &self.db, upload).await?;
        let themes = [1, 2];
        let countries = vec!["TR".to_owned()];
        let known = crate::library::resources::Known {
            themes: &themes,
            countries: &countries,
            organisations: &[1],
            this_year: 2026,
        };
        let _ = crate::library::resources::parse_resource(&form, &known);
        let _ = crate::library::resources::parse_version(&mut form);
        Ok(form)
    }

    /// The most bytes a form may carry, files and values together.
    pub fn request_max_bytes(&self) -> u64 {
        self.uploads.request_max_bytes
    }

    /// The most bytes of one file.
    pub fn max_file_bytes(&self) -> u64 {
        self.uploads.max_bytes
    }

    /// The most files in one form.
    pub fn max_files(&self) -> usize {
        self.uploads.max_files
    }
}
