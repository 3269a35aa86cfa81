//! Settings: defaults, then `majlis.toml`, then `MAJLIS_*` environment variables,
//! then command-line options. One typed struct; secrets never appear in logs.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use serde::{Deserialize, Serialize};

/// Every setting of a Majlis node.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Address the web server listens on.
    pub bind: SocketAddr,
    /// Folder for the embedded database, files and outgoing mail.
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…`; empty means SQLite under `data_dir`.
    pub database_url: Option<DatabaseUrl>,
    /// The address people use to reach the platform, for links in the API and emails.
    pub public_url: Option<String>,
    /// SQLite only: how many read connections to keep besides the single writer.
    pub sqlite_readers: u32,
    /// PostgreSQL only: the size of the connection pool.
    pub postgres_pool: u32,
    /// `pretty` for a terminal, `json` for log collectors.
    pub log_format: LogFormat,
    /// Add an `x-majlis-db-queries` header with the number of queries a request ran.
    pub expose_query_count: bool,
    /// Signed out after this many minutes without a request.
    pub session_idle_minutes: u32,
    /// Signed out this many hours after signing in.
    pub session_absolute_hours: u32,
    /// Behind a reverse proxy: take the client's address from `X-Forwarded-For`.
    pub trust_forwarded_for: bool,
    /// `smtps://user:password@host:465` or `smtp://host:587` (STARTTLS); when
    /// empty, messages are written as `.eml` files under `data_dir/mail/`.
    pub smtp_url: Option<DatabaseUrl>,
    /// The sender of the platform's messages.
    pub mail_from: String,
    /// Where uploaded files go: empty for a folder under `data_dir/files/`,
    /// or `s3://bucket/prefix` for S3-compatible storage (with `files_options`).
    pub files_url: Option<String>,
    /// Options of the file store, e.g. `aws_endpoint`, `aws_region`,
    /// `aws_access_key_id`, `aws_secret_access_key`, `aws_allow_http`.
    pub files_options: StoreOptions,
    /// Largest upload accepted, in megabytes.
    pub upload_max_mb: u64,
    /// Most files one form may carry.
    pub upload_max_files: u32,
    /// Most fields (files included) one upload form may carry.
    pub form_max_fields: u32,
    /// Most megabytes one upload form may carry, all its files and values together.
    pub request_max_mb: u64,
    /// Megabytes of stored files each person may have (staff exempt); 0 for no quota.
    pub upload_quota_mb: u64,
    /// Hours an unused stored file is kept before it is removed.
    pub file_grace_hours: u32,
    /// Anyone may ask for an account at `/register`; a coordinator approves.
    pub open_registration: bool,
}

/// Options of the file store; values (which hold secrets) never reach a log.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoreOptions(pub std::collections::BTreeMap<String, String>);

impl std::fmt::Debug for StoreOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.0.keys()).finish()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Pretty,
    Json,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            data_dir: PathBuf::from("./majlis-data"),
            database_url: None,
            public_url: None,
            sqlite_readers: 4,
            postgres_pool: 10,
            log_format: LogFormat::Pretty,
            expose_query_count: false,
            session_idle_minutes: 30,
            session_absolute_hours: 12,
            trust_forwarded_for: false,
            smtp_url: None,
            mail_from: "Majlis <majlis@localhost>".into(),
            files_url: None,
            files_options: StoreOptions::default(),
            upload_max_mb: 50,
            upload_max_files: 10,
            form_max_fields: 200,
            request_max_mb: 100,
            upload_quota_mb: 500,
            file_grace_hours: 24,
            open_registration: false,
        }
    }
}

/// Field names, for warning about mistyped `MAJLIS_*` variables.
const KNOWN_KEYS: &[&str] = &[
    "bind",
    "data_dir",
    "database_url",
    "public_url",
    "sqlite_readers",
    "postgres_pool",
    "log_format",
    "expose_query_count",
    "session_idle_minutes",
    "session_absolute_hours",
    "trust_forwarded_for",
    "smtp_url",
    "mail_from",
    "files_url",
    "files_options",
    "upload_max_mb",
    "upload_max_files",
    "form_max_fields",
    "request_max_mb",
    "upload_quota_mb",
    "file_grace_hours",
    "open_registration",
];

/// Variables that start with `MAJLIS_` but are not settings.
const NOT_SETTINGS: &[&str] = &["MAJLIS_TEST_", "MAJLIS_ADMIN_PASSWORD", "MAJLIS_LOG"];

#[derive(Debug, thiserror::Error)]
#[error("invalid settings: {0}")]
pub struct SettingsError(#[from] Box<figment::Error>);

impl Settings {
    /// Load settings from defaults, then the TOML file (if it exists), then
    /// the environment.
    pub fn load(config_file: &Path) -> Result<Settings, SettingsError> {
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(config_file))
            .merge(
                Env::prefixed("MAJLIS_")
                    .filter(|k| KNOWN_KEYS.contains(&k.as_str().to_ascii_lowercase().as_str())),
            )
            .extract()
            .map_err(|e| SettingsError(Box::new(e)))
    }

    /// `MAJLIS_*` variables that match no setting: probably typos.
    pub fn unknown_env_vars() -> Vec<String> {
        std::env::vars()
            .map(|(k, _)| k)
            .filter(|k| k.starts_with("MAJLIS_"))
            .filter(|k| !NOT_SETTINGS.iter().any(|p| k.starts_with(p)))
            .filter(|k| {
                let key = k["MAJLIS_".len()..].to_ascii_lowercase();
                !KNOWN_KEYS.contains(&key.as_str())
            })
            .collect()
    }

    /// The database URL in force: the configured one, or SQLite in the data folder.
    pub fn database_url(&self) -> DatabaseUrl {
        self.database_url.clone().unwrap_or_else(|| {
            DatabaseUrl(format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("majlis.db").display()
            ))
        })
    }

    /// Session time-outs in force.
    pub fn session_limits(&self) -> crate::accounts::signin::SessionLimits {
        crate::accounts::signin::SessionLimits {
            idle: chrono::Duration::minutes(i64::from(self.session_idle_minutes.max(1))),
            absolute: chrono::Duration::hours(i64::from(self.session_absolute_hours.max(1))),
        }
    }

    /// Cookies carry `Secure` when people reach the platform over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url().starts_with("https://")
    }

    /// Base of absolute links, without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(u) => u.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
    }
}

/// A URL whose password never reaches a log or an error message (database, SMTP).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DatabaseUrl(pub String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_sqlite(&self) -> bool {
        self.0.starts_with("sqlite:")
    }

    pub fn is_postgres(&self) -> bool {
        self.0.starts_with("postgres://") || self.0.starts_with("postgresql://")
    }

    /// The URL with its password replaced by `***`.
    pub fn redacted(&self) -> String {
        match url::Url::parse(&self.0) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("***"));
                u.to_string()
            }
            Ok(_) => self.0.clone(),
            // Not parseable as a URL: hide anything between ':' and '@'.
            Err(_) => match (self.0.find("://"), self.0.rfind('@')) {
                (Some(s), Some(at)) if at > s => {
                    let userinfo = &self.0[s + 3..at];
                    let user = userinfo.split(':').next().unwrap_or_default();
                    format!("{}{}:***{}", &self.0[..s + 3], user, &self.0[at..])
                }
                _ => self.0.clone(),
            },
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        let u = DatabaseUrl("postgres://majlis:s3cret@db.example:5432/majlis".into());
        assert_eq!(u.redacted(), "postgres://majlis:***@db.example:5432/majlis");
        assert!(!format!("{u:?}").contains("s3cret"));
        let s = Settings {
            database_url: Some(u),
            ..Settings::default()
        };
        assert!(!format!("{s:?}").contains("s3cret"));
        let plain = DatabaseUrl("sqlite://./majlis-data/majlis.db?mode=rwc".into());
        assert_eq!(plain.redacted(), plain.0);
    }

    #[test]
    fn defaults_keep_everything_in_the_data_folder() {
        let s = Settings::default();
        assert_eq!(s.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(
            s.database_url().expose(),
            "sqlite://./majlis-data/majlis.db?mode=rwc"
        );
    }

    #[test]
    fn toml_file_overrides_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("majlis.toml");
        std::fs::write(&file, "bind = \"0.0.0.0:9000\"\nsqlite_readers = 2\n").unwrap();
        let s = Settings::load(&file).unwrap();
        assert_eq!(s.bind.port(), 9000);
        assert_eq!(s.sqlite_readers, 2);
        std::fs::write(&file, "bnd = \"0.0.0.0:9000\"\n").unwrap();
        assert!(Settings::load(&file).is_err(), "a mistyped key is refused");
    }
}
