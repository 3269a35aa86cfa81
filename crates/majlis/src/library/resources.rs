//! Adding library resources and their language versions (coordinators).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use majlis_files::Stored;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait};

use super::entities::{
    resource, resource_country, resource_organisation, resource_theme, resource_version,
};
use super::files::{self, UploadForm};
use super::practices::FieldError;
use super::{ResourceKind, VisibilityCode};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::fields::parse_link;
use crate::i18n::{Locale, TrText};
use crate::policy::{Action, Actor, authorize};

pub const MAX_TITLE: usize = 300;
pub const MAX_SUMMARY: usize = 2_000;
pub const MAX_SHORT: usize = 500;

/// A new resource's description, valid by construction.
#[derive(Clone, Debug)]
pub struct ResourceInput {
    pub kind: ResourceKind,
    pub title: TrText,
    pub summary: Option<TrText>,
    pub authors: Option<String>,
    pub year: Option<i32>,
    pub month: Option<i32>,
    pub licence: Option<String>,
    pub visibility: VisibilityCode,
    pub themes: BTreeSet<i32>,
    pub countries: BTreeSet<String>,
    pub organisations: BTreeSet<i32>,
}

/// One language version: a stored file, a link, or announced (neither).
#[derive(Clone, Debug)]
pub struct VersionInput {
    pub lang: Locale,
    pub title: Option<String>,
    pub file: Option<(Stored, String)>,
    pub url: Option<String>,
}

/// What a resource form may refer to.
pub struct Known<'a> {
    pub themes: &'a [i32],
    pub countries: &'a [String],
    pub organisations: &'a [i32],
    pub this_year: i32,
}

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    errors.push(FieldError { field, message });
}

fn opt_short(
    form: &UploadForm,
    name: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let v = form.get(name).trim();
    if v.chars().count() > MAX_SHORT {
        err(errors, name, "form-error-too-long");
    }
    (!v.is_empty()).then(|| v.to_owned())
}

fn per_locale(form: &UploadForm, prefix: &str) -> Vec<(Locale, String)> {
    Locale::ALL
        .iter()
        .map(|l| (*l, form.get(&format!("{prefix}_{}", l.code())).to_owned()))
        .collect()
}

/// A resource's title and summary, each in the languages written (the
/// original must carry the title; a summary, if any, in the original too).
fn texts(
    form: &UploadForm,
    orig: Option<Locale>,
    errors: &mut Vec<FieldError>,
) -> (Option<TrText>, Option<TrText>) {
    let titles = per_locale(form, "title");
    let summaries = per_locale(form, "summary");
    if titles
        .iter()
        .any(|(_, v)| v.trim().chars().count() > MAX_TITLE)
    {
        err(errors, "title", "form-error-too-long");
    }
    if summaries
        .iter()
        .any(|(_, v)| v.trim().chars().count() > MAX_SUMMARY)
    {
        err(errors, "summary", "form-error-too-long");
    }
    let title = orig.and_then(|o| TrText::from_values(o, titles).ok());
    if orig.is_some() && title.is_none() {
        err(errors, "title", "form-error-original");
    }
    let summary = match orig {
        Some(o) if summaries.iter().any(|(_, v)| !v.trim().is_empty()) => {
            let s = TrText::from_values(o, summaries).ok();
            if s.is_none() {
                err(errors, "summary", "form-error-original");
            }
            s
        }
        _ => None,
    };
    (title, summary)
}

/// A resource's year (1950 to next year) and month, both optional.
fn date(
    form: &UploadForm,
    this_year: i32,
    errors: &mut Vec<FieldError>,
) -> (Option<i32>, Option<i32>) {
    let year = match form.get("year").trim() {
        "" => None,
        y => {
            let y = y
                .parse::<i32>()
                .ok()
                .filter(|y| (1950..=this_year + 1).contains(y));
            if y.is_none() {
                err(errors, "year", "form-error-year");
            }
            y
        }
    };
    let month = match form.get("month").trim() {
        "" => None,
        m => {
            let m = m.parse::<i32>().ok().filter(|m| (1..=12).contains(m));
            if m.is_none() {
                err(errors, "month", "form-error-choose");
            }
            m
        }
    };
    (year, month)
}

/// Parse the description part of a resource form.
pub fn parse_resource(
    form: &UploadForm,
    known: &Known<'_>,
) -> Result<ResourceInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = ResourceKind::from_code(form.get("kind"));
    if kind.is_none() {
        err(&mut errors, "kind", "form-error-choose");
    }
    let orig = form.get("orig").parse::<Locale>().ok();
    if orig.is_none() {
        err(&mut errors, "orig", "form-error-choose");
    }
    let (title, summary) = texts(form, orig, &mut errors);
    let authors = opt_short(form, "authors", &mut errors);
    let licence = opt_short(form, "licence", &mut errors);
    let (year, month) = date(form, known.this_year, &mut errors);
    let visibility = VisibilityCode::from_code(form.get("visibility"));
    if visibility.is_none() {
        err(&mut errors, "visibility", "form-error-choose");
    }
    let mut pick = |name: &'static str, field: &'static str, ok: &dyn Fn(&str) -> bool| {
        let mut out = BTreeSet::new();
        for (_, v) in form.values.iter().filter(|(k, _)| k == name) {
            let v = v.trim();
            if v.is_empty() {
                continue;
            }
            if ok(v) {
                out.insert(v.to_owned());
            } else {
                err(&mut errors, field, "form-error-choose");
            }
        }
        out
    };
    let themes = pick("theme", "themes", &|v| {
        v.parse().is_ok_and(|id| known.themes.contains(&id))
    });
    let countries = pick("country", "countries", &|v| {
        known.countries.iter().any(|c| c == v)
    });
    let organisations = pick("organisation", "organisations", &|v| {
        v.parse().is_ok_and(|id| known.organisations.contains(&id))
    });
    match (errors.is_empty(), kind, title, visibility) {
        (true, Some(kind), Some(title), Some(visibility)) => Ok(ResourceInput {
            kind,
            title,
            summary,
            authors,
            year,
            month,
            licence,
            visibility,
            themes: themes.iter().filter_map(|t| t.parse().ok()).collect(),
            countries,
            organisations: organisations
                .iter()
                .filter_map(|t| t.parse().ok())
                .collect(),
        }),
        _ => Err(errors),
    }
}

/// Parse the language-version part of a form (fields `version_lang`,
/// `version_title`, `version_url` and the file field `version_file`).
pub fn parse_version(form: &mut UploadForm) -> Result<VersionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    if let Some((_, message)) = form.refused.iter().find(|(n, _)| n == "version_file") {
        err(&mut errors, "version_file", message);
    }
    let lang = form.get("version_lang").parse::<Locale>().ok();
    if lang.is_none() {
        err(&mut errors, "version_lang", "form-error-choose");
    }
    let title = form.get("version_title").trim().to_owned();
    if title.chars().count() > MAX_TITLE {
        err(&mut errors, "version_title", "form-error-too-long");
    }
    let url = match form.get("version_url").trim() {
        "" => None,
        u => {
            let u = parse_link(u);
            if u.is_none() {
                err(&mut errors, "version_url", "form-error-link");
            }
            u
        }
    };
    let file = form
        .files
        .iter()
        .position(|(n, _, _)| n == "version_file")
        .map(|i| form.files.remove(i))
        .map(|(_, name, stored)| (stored, name));
    if file.is_some() && url.is_some() {
        err(&mut errors, "version_url", "form-error-file-or-link");
    }
    match (errors.is_empty(), lang) {
        (true, Some(lang)) => Ok(VersionInput {
            lang,
            title: (!title.is_empty()).then_some(title),
            file,
            url,
        }),
        _ => Err(errors),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("not allowed")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("no such resource")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(ResourceError);

/// A new document's address: its title's words and a random suffix.
fn slug_for(title: &TrText) -> String {
    let words = crate::fields::slug::from_title(title.original(), title.orig(), 80, "document");
    let nonce: u32 = rand::random();
    format!("{words}-{nonce:08x}")
}

async fn insert_version(
    tx: &sea_orm::DatabaseTransaction,
    resource_id: i32,
    v: &VersionInput,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if let Some((stored, _)) = &v.file {
        files::record(tx, stored, now).await?;
    }
    resource_version::ActiveModel {
        id: NotSet,
        resource_id: Set(resource_id),
        lang: Set(v.lang.code().to_owned()),
        title: Set(v.title.clone()),
        file_sha256: Set(v.file.as_ref().map(|(s, _)| s.sha256.to_string())),
        file_name: Set(v.file.as_ref().map(|(_, n)| n.clone())),
        url: Set(v.url.clone()),
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// A resource's themes, countries and organisations (after the old ones,
/// if any, were removed).
async fn write_links(
    tx: &impl ConnectionTrait,
    resource_id: i32,
    themes: BTreeSet<i32>,
    countries: BTreeSet<String>,
    organisations: BTreeSet<i32>,
) -> Result<(), DbErr> {
    for t in themes {
        resource_theme::ActiveModel {
            resource_id: Set(resource_id),
            theme_id: Set(t),
        }
        .insert(tx)
        .await?;
    }
    for c in countries {
        resource_country::ActiveModel {
            resource_id: Set(resource_id),
            country_code: Set(c),
        }
        .insert(tx)
        .await?;
    }
    for o in organisations {
        resource_organisation::ActiveModel {
            resource_id: Set(resource_id),
            organisation_id: Set(o),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

/// Add a resource (and its first language version, if any).
pub async fn create(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    input: ResourceInput,
    version: Option<VersionInput>,
    now: DateTime<Utc>,
) -> Result<i32, ResourceError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let r = resource::ActiveModel {
        id: NotSet,
        slug: Set(slug_for(&input.title)),
        kind: Set(input.kind.code().to_owned()),
        title: Set(input.title),
        summary: Set(input.summary),
        authors: Set(input.authors),
        year: Set(input.year),
        month: Set(input.month),
        licence: Set(input.licence),
        visibility: Set(input.visibility.code().to_owned()),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&tx)
    .await?;
    write_links(
        &tx,
        r.id,
        input.themes,
        input.countries,
        input.organisations,
    )
    .await?;
    if let Some(v) = &version {
        insert_version(&tx, r.id, v, now).await?;
    }
    outbox::record(&tx, "resource", r.id, Op::Created).await?;
    audit::record(&tx, origin, "resource-created", "resource", r.id, None, now).await?;
    tx.commit().await?;
    Ok(r.id)
}

/// A resource's themes, countries and organisations.
#[derive(Debug, PartialEq, Eq)]
struct ResourceLinks {
    themes: std::collections::BTreeSet<i32>,
    countries: std::collections::BTreeSet<String>,
    organisations: std::collections::BTreeSet<i32>,
}

impl ResourceLinks {
    async fn of(tx: &sea_orm::DatabaseTransaction, id: i32) -> Result<Self, sea_orm::DbErr> {
        use sea_orm::{ColumnTrait, QueryFilter};
        Ok(ResourceLinks {
            themes: resource_theme::Entity::find()
                .filter(resource_theme::Column::ResourceId.eq(id))
                .all(tx)
                .await?
                .into_iter()
                .map(|t| t.theme_id)
                .collect(),
            countries: resource_country::Entity::find()
                .filter(resource_country::Column::ResourceId.eq(id))
                .all(tx)
                .await?
                .into_iter()
                .map(|c| c.country_code)
                .collect(),
            organisations: resource_organisation::Entity::find()
                .filter(resource_organisation::Column::ResourceId.eq(id))
                .all(tx)
                .await?
                .into_iter()
                .map(|o| o.organisation_id)
                .collect(),
        })
    }
}

/// What a resource's audit entries compare (themes and organisations by id).
fn resource_fields(r: &resource::Model, links: &ResourceLinks) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.put("kind", &r.kind)
        .text("title", Some(&r.title))
        .text("summary", r.summary.as_ref())
        .opt("authors", r.authors.as_ref())
        .opt("year", r.year)
        .opt("month", r.month)
        .opt("licence", r.licence.as_ref())
        .put("visibility", &r.visibility)
        .list("themes", &links.themes)
        .list("countries", &links.countries)
        .list("organisations", &links.organisations);
    f
}

/// Change a resource's description (title and summary in every language,
/// kind, dates, licence, visibility, themes, countries, organisations).
/// Its language versions stay as they are.
pub async fn update(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    resource_id: i32,
    input: ResourceInput,
    now: DateTime<Utc>,
) -> Result<(), ResourceError> {
    use sea_orm::{ColumnTrait, IntoActiveModel, QueryFilter};
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let r = resource::Entity::find_by_id(resource_id)
        .one(&tx)
        .await?
        .ok_or(ResourceError::NotFound)?;
    let before_links = ResourceLinks::of(&tx, resource_id).await?;
    let after_links = ResourceLinks {
        themes: input.themes.iter().copied().collect(),
        countries: input.countries.iter().cloned().collect(),
        organisations: input.organisations.iter().copied().collect(),
    };
    let mut m = r.clone().into_active_model();
    m.kind = Set(input.kind.code().to_owned());
    m.title = Set(input.title);
    m.summary = Set(input.summary);
    m.authors = Set(input.authors);
    m.year = Set(input.year);
    m.month = Set(input.month);
    m.licence = Set(input.licence);
    m.visibility = Set(input.visibility.code().to_owned());
    let after = sea_orm::TryIntoModel::try_into_model(m.clone())?;
    if after == r && after_links == before_links {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let changes = resource_fields(&r, &before_links)
        .changes(&resource_fields(&after, &after_links))
        .filter(|c| !c.is_empty());
    m.updated_at = Set(now);
    m.update(&tx).await?;
    resource_theme::Entity::delete_many()
        .filter(resource_theme::Column::ResourceId.eq(resource_id))
        .exec(&tx)
        .await?;
    resource_country::Entity::delete_many()
        .filter(resource_country::Column::ResourceId.eq(resource_id))
        .exec(&tx)
        .await?;
    resource_organisation::Entity::delete_many()
        .filter(resource_organisation::Column::ResourceId.eq(resource_id))
        .exec(&tx)
        .await?;
    write_links(
        &tx,
        resource_id,
        input.themes,
        input.countries,
        input.organisations,
    )
    .await?;
    outbox::record(&tx, "resource", resource_id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "resource-updated",
        "resource",
        resource_id,
        changes,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Delete a resource: its language versions, and its places among event
/// materials and practice attachments, go with it (the database cascades);
/// an event whose report it was keeps no report. Stored files stay: the same
/// file may serve other documents.
pub async fn delete(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    resource_id: i32,
    now: DateTime<Utc>,
) -> Result<(), ResourceError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let r = resource::Entity::find_by_id(resource_id)
        .one(&tx)
        .await?
        .ok_or(ResourceError::NotFound)?;
    resource::Entity::delete_by_id(resource_id)
        .exec(&tx)
        .await?;
    outbox::record(&tx, "resource", resource_id, Op::Deleted).await?;
    audit::record(
        &tx,
        origin,
        "resource-deleted",
        "resource",
        resource_id,
        Some(r.title.original().to_owned()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Add a language version to a resource.
pub async fn add_version(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    resource_id: i32,
    version: VersionInput,
    now: DateTime<Utc>,
) -> Result<(), ResourceError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let r = resource::Entity::find_by_id(resource_id)
        .one(&tx)
        .await?
        .ok_or(ResourceError::NotFound)?;
    insert_version(&tx, r.id, &version, now).await?;
    let mut am: resource::ActiveModel = r.into();
    am.updated_at = Set(now);
    am.update(&tx).await?;
    outbox::record(&tx, "resource", resource_id, Op::Updated).await?;
    let detail = format!("language version {}", version.lang.code());
    audit::record(
        &tx,
        origin,
        "resource-version-added",
        "resource",
        resource_id,
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
