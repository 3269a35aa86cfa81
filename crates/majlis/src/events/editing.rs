//! What coordinators change: the event itself (written one language at a
//! time, the original kept), its programme (sessions, working groups, people
//! in roles), materials, outcomes, and clones of it for the next edition.
//! Every parse returns typed input or the fields in error; every change runs
//! in one transaction with its audit entry and outbox row.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder, TryIntoModel,
};

use super::entities::{
    event, event_material, event_organisation, event_practice, event_session, event_theme,
    session_person,
};
use super::{
    EventKind, EventStatus, Figures, OrganisationRole, Question, Questions, SessionKind,
    SessionRole, registration,
};
use crate::accounts::policy::{Action, Actor, can};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::fields::parse_link;
use crate::i18n::{Locale, TrText};
use crate::library::practices::{FieldError, RawForm};

pub const MAX_TITLE: usize = 300;
pub const MAX_PROSE: usize = 10_000;
pub const MAX_SHORT: usize = 500;
pub const MAX_QUESTIONS: usize = 10;
pub const MAX_DAYS: i32 = 31;
pub const MAX_CAPACITY: i32 = 100_000;

/// Time zones offered first in the form; any IANA name is accepted.
pub const COMMON_ZONES: &[&str] = &[
    "Asia/Amman",
    "Asia/Baghdad",
    "Asia/Beirut",
    "Asia/Hebron",
    "Europe/Istanbul",
    "Europe/Berlin",
    "Europe/Brussels",
    "Europe/Paris",
    "UTC",
];

/// The prose fields of an event, each translatable.
pub const PROSE: [&str; 6] = [
    "title",
    "summary",
    "context",
    "objectives",
    "expected_results",
    "audience",
];

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] DbErr),
}

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    errors.push(FieldError { field, message });
}

fn text(
    raw: &RawForm,
    name: &'static str,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let v = crate::i18n::clean_text(raw.get(name));
    if v.chars().count() > max {
        err(errors, name, "form-error-too-long");
    }
    (!v.is_empty()).then_some(v)
}

/// Parse `YYYY-MM-DDTHH:MM` (a `datetime-local` field) in `tz`.
pub fn parse_local(s: &str, tz: Tz) -> Option<DateTime<Utc>> {
    let s = s.trim();
    let naive = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    // A time skipped by a clock change is not a time at the venue.
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|d| d.with_timezone(&Utc))
}

/// The `datetime-local` value of an instant in `tz`.
pub fn local_value(t: DateTime<Utc>, tz: Tz) -> String {
    t.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string()
}

pub fn parse_hhmm(s: &str) -> Option<String> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .ok()
        .map(|t| t.format("%H:%M").to_string())
}

/// What the event form may refer to.
pub struct Known<'a> {
    pub themes: &'a [i32],
    pub countries: &'a [String],
    pub organisations: &'a [i32],
    pub series: &'a [i32],
    /// The event being edited has no venue on record (not online, no city:
    /// a past event whose place the sources do not give); it may stay so.
    pub venue_unknown: bool,
}

/// The event form, parsed: prose in the language being written.
#[derive(Clone, Debug)]
pub struct EventInput {
    /// The language the prose fields are written in.
    pub lang: Locale,
    /// For a new event: its original language (= `lang`).
    pub prose: BTreeMap<&'static str, Option<String>>,
    pub kind: EventKind,
    pub status: EventStatus,
    pub visibility: &'static str,
    pub series_id: Option<i32>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub timezone: Tz,
    pub city: Option<String>,
    pub country: Option<String>,
    pub address: Option<String>,
    pub online: bool,
    pub online_url: Option<String>,
    pub languages: BTreeSet<Locale>,
    pub interpretation: Option<String>,
    pub capacity: Option<i32>,
    pub needs_approval: bool,
    pub registration_opens: Option<DateTime<Utc>>,
    pub registration_closes: Option<DateTime<Utc>>,
    /// One question per line, `*` first for a required one (in `lang`).
    pub questions: Vec<(String, bool)>,
    pub themes: BTreeSet<i32>,
    pub organisers: Vec<i32>,
    pub partners: Vec<i32>,
}

fn pick_ids(
    raw: &RawForm,
    name: &str,
    field: &'static str,
    ok: &[i32],
    errors: &mut Vec<FieldError>,
) -> Vec<i32> {
    let mut out = Vec::new();
    for v in raw.all(name).map(str::trim).filter(|v| !v.is_empty()) {
        match v.parse::<i32>().ok().filter(|i| ok.contains(i)) {
            Some(i) if !out.contains(&i) => out.push(i),
            Some(_) => {}
            None => err(errors, field, "form-error-choose"),
        }
    }
    out
}

/// Parse the event form. `existing_orig` is the original language of an
/// event being edited (its title must stay present in that language).
pub fn parse_event(
    raw: &RawForm,
    lang: Locale,
    existing_orig: Option<Locale>,
    known: &Known<'_>,
) -> Result<EventInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut prose = BTreeMap::new();
    for f in PROSE {
        let max = if f == "title" { MAX_TITLE } else { MAX_PROSE };
        prose.insert(f, text(raw, f, max, &mut errors));
    }
    let orig = existing_orig.unwrap_or(lang);
    if orig == lang && prose.get("title").is_none_or(|t| t.is_none()) {
        err(&mut errors, "title", "form-error-required");
    }
    let kind = EventKind::from_code(raw.get("kind"));
    if kind.is_none() {
        err(&mut errors, "kind", "form-error-choose");
    }
    let status = EventStatus::from_code(raw.get("status"));
    if status.is_none() {
        err(&mut errors, "status", "form-error-choose");
    }
    let visibility = match raw.get("visibility") {
        "public" => Some("public"),
        "members" => Some("members"),
        _ => {
            err(&mut errors, "visibility", "form-error-choose");
            None
        }
    };
    let series_id = match raw.get("series").trim() {
        "" => None,
        s => {
            let id = s.parse::<i32>().ok().filter(|i| known.series.contains(i));
            if id.is_none() {
                err(&mut errors, "series", "form-error-choose");
            }
            id
        }
    };
    let tz: Option<Tz> = raw.get("timezone").trim().parse().ok();
    if tz.is_none() {
        err(&mut errors, "timezone", "form-error-timezone");
    }
    let tz = tz.unwrap_or(Tz::UTC);
    let starts = parse_local(raw.get("starts"), tz);
    if starts.is_none() {
        err(&mut errors, "starts", "form-error-datetime");
    }
    let ends = parse_local(raw.get("ends"), tz);
    if ends.is_none() {
        err(&mut errors, "ends", "form-error-datetime");
    }
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            err(&mut errors, "ends", "form-error-ends-before-starts");
        } else if (e - s).num_days() >= i64::from(MAX_DAYS) {
            err(&mut errors, "ends", "form-error-too-long-event");
        }
    }
    let city = text(raw, "city", 200, &mut errors);
    let address = text(raw, "address", MAX_SHORT, &mut errors);
    let country = match raw.get("country").trim() {
        "" => None,
        c => {
            let ok = known.countries.iter().any(|k| k == c);
            if !ok {
                err(&mut errors, "country", "form-error-choose");
            }
            ok.then(|| c.to_owned())
        }
    };
    let online = raw.get("online") == "on";
    let online_url = match raw.get("online_url").trim() {
        "" => None,
        u => {
            let u = parse_link(u);
            if u.is_none() {
                err(&mut errors, "online_url", "form-error-link");
            }
            u
        }
    };
    if !online && city.is_none() && !known.venue_unknown {
        err(&mut errors, "city", "form-error-venue");
    }
    let mut languages = BTreeSet::new();
    for l in raw.all("languages") {
        match l.parse::<Locale>() {
            Ok(l) => {
                languages.insert(l);
            }
            Err(_) => err(&mut errors, "languages", "form-error-choose"),
        }
    }
    let interpretation = text(raw, "interpretation", 200, &mut errors);
    let capacity = match raw.get("capacity").trim() {
        "" => None,
        c => {
            let c = c
                .parse::<i32>()
                .ok()
                .filter(|c| (1..=MAX_CAPACITY).contains(c));
            if c.is_none() {
                err(&mut errors, "capacity", "form-error-capacity");
            }
            c
        }
    };
    let needs_approval = raw.get("needs_approval") == "on";
    let mut window = |name: &'static str| match raw.get(name).trim() {
        "" => None,
        v => {
            let t = parse_local(v, tz);
            if t.is_none() {
                err(&mut errors, name, "form-error-datetime");
            }
            t
        }
    };
    let registration_opens = window("registration_opens");
    let registration_closes = window("registration_closes");
    if let (Some(o), Some(c)) = (registration_opens, registration_closes)
        && c <= o
    {
        err(
            &mut errors,
            "registration_closes",
            "form-error-ends-before-starts",
        );
    }
    let mut questions = Vec::new();
    for line in raw.get("questions").lines().map(str::trim) {
        if line.is_empty() {
            continue;
        }
        let (required, q) = match line.strip_prefix('*') {
            Some(q) => (true, q.trim()),
            None => (false, line),
        };
        if q.is_empty() {
            continue;
        }
        if q.chars().count() > MAX_SHORT {
            err(&mut errors, "questions", "form-error-too-long");
        }
        questions.push((q.to_owned(), required));
    }
    if questions.len() > MAX_QUESTIONS {
        err(&mut errors, "questions", "form-error-too-many-questions");
    }
    let themes: BTreeSet<i32> = pick_ids(raw, "theme", "themes", known.themes, &mut errors)
        .into_iter()
        .collect();
    let organisers = pick_ids(
        raw,
        "organiser",
        "organisers",
        known.organisations,
        &mut errors,
    );
    let partners = pick_ids(raw, "partner", "partners", known.organisations, &mut errors);
    match (errors.is_empty(), kind, status, visibility, starts, ends) {
        (true, Some(kind), Some(status), Some(visibility), Some(starts_at), Some(ends_at)) => {
            Ok(EventInput {
                lang,
                prose,
                kind,
                status,
                visibility,
                series_id,
                starts_at,
                ends_at,
                timezone: tz,
                city,
                country,
                address,
                online,
                online_url,
                languages,
                interpretation,
                capacity,
                needs_approval,
                registration_opens,
                registration_closes,
                questions,
                themes,
                organisers,
                partners,
            })
        }
        _ => Err(errors),
    }
}

/// A prose field's new value: the existing one with `lang` set (or a new
/// text in `lang` as its original).
fn merged(existing: Option<TrText>, lang: Locale, value: Option<String>) -> Option<TrText> {
    match (existing, value) {
        (Some(mut t), v) => {
            if v.is_none() && t.orig() == lang {
                // Emptying the original removes the field.
                return None;
            }
            t.set(lang, v.unwrap_or_default());
            Some(t)
        }
        (None, Some(v)) => TrText::new(lang, v).ok(),
        (None, None) => None,
    }
}

fn questions_of(
    existing: Option<&Questions>,
    lang: Locale,
    new: &[(String, bool)],
) -> Option<Questions> {
    let old = existing.map(|q| q.0.as_slice()).unwrap_or_default();
    let questions: Vec<Question> = new
        .iter()
        .enumerate()
        .filter_map(|(i, (label, required))| {
            // A question keeps its translations when edited in one language.
            let mut l = match old.get(i) {
                Some(q) => q.label.clone(),
                None => TrText::new(lang, label.clone()).ok()?,
            };
            // The form shows the original where a translation is missing:
            // sent back as it was, it is not a translation.
            if l.get(lang).is_some() || l.original() != label.as_str() {
                l.set(lang, label.clone());
            }
            Some(Question {
                id: format!("q{}", i + 1),
                label: l,
                required: *required,
            })
        })
        .collect();
    (!questions.is_empty()).then_some(Questions(questions))
}

fn slug_for(title: &str, starts: DateTime<Utc>) -> String {
    let base = crate::directory::rules::slug_base(title, 60);
    let nonce: u16 = rand::random();
    if base.is_empty() {
        format!("event-{}-{nonce:04x}", starts.format("%Y"))
    } else {
        format!("{base}-{}-{nonce:04x}", starts.format("%Y"))
    }
}

/// An event's themes, organisers and partners (in their order), as the form
/// shows them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventLinks {
    pub themes: BTreeSet<i32>,
    pub organisers: Vec<i32>,
    pub partners: Vec<i32>,
}

/// The stored links of an event.
pub async fn links_of<C: sea_orm::ConnectionTrait>(
    db: &C,
    event_id: i32,
) -> Result<EventLinks, DbErr> {
    let themes = event_theme::Entity::find()
        .filter(event_theme::Column::EventId.eq(event_id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let orgs = event_organisation::Entity::find()
        .filter(event_organisation::Column::EventId.eq(event_id))
        .order_by_asc(event_organisation::Column::Position)
        .order_by_asc(event_organisation::Column::OrganisationId)
        .all(db)
        .await?;
    let of = |role: OrganisationRole| {
        orgs.iter()
            .filter(|o| o.role == role.code())
            .map(|o| o.organisation_id)
            .collect()
    };
    Ok(EventLinks {
        themes,
        organisers: of(OrganisationRole::Organiser),
        partners: of(OrganisationRole::Partner),
    })
}

/// An event's fields as its audit entries compare them (themes and
/// organisations by slug).
async fn audit_fields<C: sea_orm::ConnectionTrait>(
    db: &C,
    e: &event::Model,
    links: &EventLinks,
) -> Result<audit::Fields, DbErr> {
    use crate::directory::entities::{organisation, theme};
    let theme_slugs: BTreeMap<i32, String> = theme::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|t| (t.id, t.slug))
        .collect();
    let org_ids: Vec<i32> = links
        .organisers
        .iter()
        .chain(&links.partners)
        .copied()
        .collect();
    let org_slugs: BTreeMap<i32, String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(org_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.slug))
        .collect();
    let name =
        |m: &BTreeMap<i32, String>, id: &i32| m.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut f = audit::Fields::new();
    f.text("title", Some(&e.title))
        .text("summary", e.summary.as_ref())
        .text("context", e.context.as_ref())
        .text("objectives", e.objectives.as_ref())
        .text("expected_results", e.expected_results.as_ref())
        .text("audience", e.audience.as_ref())
        .put("kind", &e.kind)
        .put("status", &e.status)
        .put("visibility", &e.visibility)
        .opt("series", e.series_id)
        .put("starts", e.starts_at.to_rfc3339())
        .put("ends", e.ends_at.to_rfc3339())
        .put("date_approximate", e.date_approximate)
        .put("timezone", &e.timezone)
        .opt("city", e.city.as_ref())
        .opt("country", e.country_code.as_ref())
        .opt("address", e.address.as_ref())
        .put("online", e.online)
        .opt("online_url", e.online_url.as_ref())
        .put("languages", e.languages.trim_matches(','))
        .opt("interpretation", e.interpretation.as_ref())
        .opt("capacity", e.capacity)
        .put("needs_approval", e.needs_approval)
        .opt(
            "registration_opens",
            e.registration_opens.map(|t| t.to_rfc3339()),
        )
        .opt(
            "registration_closes",
            e.registration_closes.map(|t| t.to_rfc3339()),
        );
    for (i, q) in e.questions.iter().flat_map(|q| q.0.iter()).enumerate() {
        let n = format!("question{}", i + 1);
        f.text(&n, Some(&q.label))
            .put(&format!("{n}.required"), q.required);
    }
    f.list("themes", links.themes.iter().map(|t| name(&theme_slugs, t)))
        .list(
            "organisers",
            links.organisers.iter().map(|o| name(&org_slugs, o)),
        )
        .list(
            "partners",
            links.partners.iter().map(|o| name(&org_slugs, o)),
        );
    Ok(f)
}

async fn set_links(
    tx: &DatabaseTransaction,
    event_id: i32,
    input: &EventInput,
) -> Result<(), DbErr> {
    event_theme::Entity::delete_many()
        .filter(event_theme::Column::EventId.eq(event_id))
        .exec(tx)
        .await?;
    for t in &input.themes {
        event_theme::ActiveModel {
            event_id: Set(event_id),
            theme_id: Set(*t),
        }
        .insert(tx)
        .await?;
    }
    event_organisation::Entity::delete_many()
        .filter(event_organisation::Column::EventId.eq(event_id))
        .exec(tx)
        .await?;
    for (role, ids) in [
        (OrganisationRole::Organiser, &input.organisers),
        (OrganisationRole::Partner, &input.partners),
    ] {
        for (i, o) in ids.iter().enumerate() {
            event_organisation::ActiveModel {
                event_id: Set(event_id),
                organisation_id: Set(*o),
                role: Set(role.code().to_owned()),
                position: Set(i as i32),
            }
            .insert(tx)
            .await?;
        }
    }
    Ok(())
}

pub fn languages_column(langs: &BTreeSet<Locale>) -> String {
    if langs.is_empty() {
        return String::new();
    }
    let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
    format!(",{},", codes.join(","))
}

fn apply(m: &mut event::ActiveModel, existing: Option<&event::Model>, input: &EventInput) {
    let prose = |name: &str, old: Option<TrText>| {
        merged(old, input.lang, input.prose.get(name).cloned().flatten())
    };
    if let Some(title) = prose("title", existing.map(|e| e.title.clone())) {
        m.title = Set(title);
    }
    m.summary = Set(prose("summary", existing.and_then(|e| e.summary.clone())));
    m.context = Set(prose("context", existing.and_then(|e| e.context.clone())));
    m.objectives = Set(prose(
        "objectives",
        existing.and_then(|e| e.objectives.clone()),
    ));
    m.expected_results = Set(prose(
        "expected_results",
        existing.and_then(|e| e.expected_results.clone()),
    ));
    m.audience = Set(prose("audience", existing.and_then(|e| e.audience.clone())));
    m.kind = Set(input.kind.code().to_owned());
    m.status = Set(input.status.code().to_owned());
    m.visibility = Set(input.visibility.to_owned());
    m.series_id = Set(input.series_id);
    m.starts_at = Set(input.starts_at);
    m.ends_at = Set(input.ends_at);
    // Only the month of a past event may be known; new dates are exact.
    m.date_approximate = Set(existing.is_some_and(|e| {
        e.date_approximate && e.starts_at == input.starts_at && e.ends_at == input.ends_at
    }));
    m.timezone = Set(input.timezone.name().to_owned());
    m.city = Set(input.city.clone());
    m.country_code = Set(input.country.clone());
    m.address = Set(input.address.clone());
    m.online = Set(input.online);
    m.online_url = Set(input.online_url.clone());
    m.languages = Set(languages_column(&input.languages));
    m.interpretation = Set(input.interpretation.clone());
    m.capacity = Set(input.capacity);
    m.needs_approval = Set(input.needs_approval);
    m.registration_opens = Set(input.registration_opens);
    m.registration_closes = Set(input.registration_closes);
    m.questions = Set(questions_of(
        existing.and_then(|e| e.questions.as_ref()),
        input.lang,
        &input.questions,
    ));
}

/// Create an event; returns its slug.
pub async fn create(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    input: EventInput,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let title = input
        .prose
        .get("title")
        .cloned()
        .flatten()
        .unwrap_or_default();
    let slug = slug_for(&title, input.starts_at);
    let mut m = event::ActiveModel {
        id: NotSet,
        slug: Set(slug.clone()),
        report_id: Set(None),
        takeaways: Set(None),
        figures: Set(None),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut m, None, &input);
    let tx = db.begin_write().await?;
    let e = m.insert(&tx).await?;
    set_links(&tx, e.id, &input).await?;
    audit::record(
        &tx,
        origin,
        "created",
        "event",
        e.id,
        Some(slug.clone()),
        now,
    )
    .await?;
    outbox::record(&tx, "event", e.id, Op::Created).await?;
    tx.commit().await?;
    Ok(slug)
}

/// Change an event. A larger capacity moves people up from the waiting list.
pub async fn update(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    input: EventInput,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let existing = registration::lock_event(&tx, event_id)
        .await
        .map_err(|_| EditError::NotFound)?;
    let mut m = existing.clone().into_active_model();
    apply(&mut m, Some(&existing), &input);
    let links = EventLinks {
        themes: input.themes.clone(),
        organisers: input.organisers.clone(),
        partners: input.partners.clone(),
    };
    let old_links = links_of(&tx, event_id).await?;
    let after = m.clone().try_into_model()?;
    // An address stored before it was normalised counts as sent back unchanged.
    let mut same = after.clone();
    same.online_url = crate::fields::keep_link(existing.online_url.as_deref(), same.online_url);
    if same == existing && links == old_links {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let changes = audit_fields(&tx, &existing, &old_links)
        .await?
        .changes(&audit_fields(&tx, &after, &links).await?)
        .unwrap_or_default();
    m.updated_at = Set(now);
    let e = m.update(&tx).await?;
    set_links(&tx, e.id, &input).await?;
    registration::promote(&tx, &e, public_url, now).await?;
    audit::record(
        &tx,
        origin,
        "updated",
        "event",
        e.id,
        Some(format!("in {}: {changes}", input.lang.code())),
        now,
    )
    .await?;
    outbox::record(&tx, "event", e.id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}

/// Copy an event as a new planned one: description, themes, organisations and
/// the programme with its people (not materials, registrations or outcomes).
pub async fn clone_event(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    now: DateTime<Utc>,
) -> Result<String, EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let e = event::Entity::find_by_id(event_id)
        .one(&tx)
        .await?
        .ok_or(EditError::NotFound)?;
    let slug = slug_for(e.title.original(), e.starts_at);
    let copy = event::ActiveModel {
        id: NotSet,
        slug: Set(slug.clone()),
        status: Set(EventStatus::Planned.code().to_owned()),
        report_id: Set(None),
        takeaways: Set(None),
        figures: Set(None),
        created_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..e.clone().into_active_model()
    };
    let copy = event::ActiveModel { id: NotSet, ..copy }
        .insert(&tx)
        .await?;
    for t in event_theme::Entity::find()
        .filter(event_theme::Column::EventId.eq(e.id))
        .all(&tx)
        .await?
    {
        event_theme::ActiveModel {
            event_id: Set(copy.id),
            theme_id: Set(t.theme_id),
        }
        .insert(&tx)
        .await?;
    }
    for o in event_organisation::Entity::find()
        .filter(event_organisation::Column::EventId.eq(e.id))
        .all(&tx)
        .await?
    {
        event_organisation::ActiveModel {
            event_id: Set(copy.id),
            ..o.into_active_model()
        }
        .insert(&tx)
        .await?;
    }
    let sessions = event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(e.id))
        .order_by_asc(event_session::Column::Id)
        .all(&tx)
        .await?;
    let people = session_person::Entity::find()
        .filter(session_person::Column::EventId.eq(e.id))
        .all(&tx)
        .await?;
    let mut new_ids = BTreeMap::new();
    // Parents come before their groups (a group is created after its parent).
    for s in sessions
        .iter()
        .filter(|s| s.parent_id.is_none())
        .chain(sessions.iter().filter(|s| s.parent_id.is_some()))
    {
        let n = event_session::ActiveModel {
            id: NotSet,
            event_id: Set(copy.id),
            parent_id: Set(s.parent_id.and_then(|p| new_ids.get(&p).copied())),
            ..s.clone().into_active_model()
        }
        .insert(&tx)
        .await?;
        new_ids.insert(s.id, n.id);
    }
    for p in people {
        if let Some(sid) = new_ids.get(&p.session_id) {
            session_person::ActiveModel {
                id: NotSet,
                session_id: Set(*sid),
                event_id: Set(copy.id),
                ..p.into_active_model()
            }
            .insert(&tx)
            .await?;
        }
    }
    audit::record(
        &tx,
        origin,
        "cloned",
        "event",
        copy.id,
        Some(format!("from {}", e.slug)),
        now,
    )
    .await?;
    outbox::record(&tx, "event", copy.id, Op::Created).await?;
    tx.commit().await?;
    Ok(slug)
}

// ------------------------------------------------------------------ programme

/// A session as the programme form sends it.
#[derive(Clone, Debug)]
pub struct SessionInput {
    pub lang: Locale,
    pub parent_id: Option<i32>,
    pub day: i32,
    pub position: i32,
    pub kind: SessionKind,
    /// Required in the session's original language (and for a new one).
    pub title: Option<String>,
    pub objectives: Option<String>,
    pub starts: Option<String>,
    pub ends: Option<String>,
}

/// Parse a session form; `days` is the number of days the event spans,
/// `existing_orig` the original language of the session being changed
/// (its title may be left empty in another language: no translation).
pub fn parse_session(
    raw: &RawForm,
    lang: Locale,
    days: i32,
    parents: &[i32],
    existing_orig: Option<Locale>,
) -> Result<SessionInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = SessionKind::from_code(raw.get("kind"));
    if kind.is_none() {
        err(&mut errors, "kind", "form-error-choose");
    }
    let title = text(raw, "title", MAX_TITLE, &mut errors);
    if title.is_none() && existing_orig.is_none_or(|o| o == lang) {
        err(&mut errors, "title", "form-error-required");
    }
    let objectives = text(raw, "objectives", MAX_PROSE, &mut errors);
    let day = raw
        .get("day")
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| (1..=days.max(1)).contains(d));
    if day.is_none() {
        err(&mut errors, "day", "form-error-choose");
    }
    let position = match raw.get("position").trim() {
        "" => Some(i32::MAX),
        p => p.parse::<i32>().ok().filter(|p| (0..=10_000).contains(p)),
    };
    if position.is_none() {
        err(&mut errors, "position", "form-error-number");
    }
    let mut time = |name: &'static str| match raw.get(name).trim() {
        "" => None,
        v => {
            let t = parse_hhmm(v);
            if t.is_none() {
                err(&mut errors, name, "form-error-time");
            }
            t
        }
    };
    let starts = time("starts");
    let ends = time("ends");
    if let (Some(s), Some(e)) = (&starts, &ends)
        && e <= s
    {
        err(&mut errors, "ends", "form-error-ends-before-starts");
    }
    let parent_id = match raw.get("parent").trim() {
        "" => None,
        p => {
            let p = p.parse::<i32>().ok().filter(|p| parents.contains(p));
            if p.is_none() {
                err(&mut errors, "parent", "form-error-choose");
            }
            p
        }
    };
    match (errors.is_empty(), kind, day, position) {
        (true, Some(kind), Some(day), Some(position)) => Ok(SessionInput {
            lang,
            parent_id,
            day,
            position,
            kind,
            title,
            objectives,
            starts,
            ends,
        }),
        _ => Err(errors),
    }
}

async fn touch(
    tx: &DatabaseTransaction,
    origin: &Origin,
    event_id: i32,
    what: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    audit::record(tx, origin, what, "event", event_id, None, now).await?;
    outbox::record(tx, "event", event_id, Op::Updated).await
}

/// What a session's audit entries compare.
fn session_fields(s: &event_session::Model) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.text("title", Some(&s.title))
        .text("objectives", s.objectives.as_ref())
        .put("kind", &s.kind)
        .put("day", s.day)
        .put("position", s.position)
        .opt("starts", s.starts.as_ref())
        .opt("ends", s.ends.as_ref())
        .opt("parent", s.parent_id);
    f
}

/// Add a session (or a working group, with a parent), or change one.
pub async fn save_session(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    session_id: Option<i32>,
    input: SessionInput,
    now: DateTime<Utc>,
) -> Result<i32, EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let position = if input.position == i32::MAX {
        let last = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(event_id))
            .filter(event_session::Column::Day.eq(input.day))
            .order_by_desc(event_session::Column::Position)
            .one(&tx)
            .await?;
        last.map(|s| s.position + 1).unwrap_or(1)
    } else {
        input.position
    };
    let id = match session_id {
        Some(sid) => {
            let s = event_session::Entity::find_by_id(sid)
                .filter(event_session::Column::EventId.eq(event_id))
                .one(&tx)
                .await?
                .ok_or(EditError::NotFound)?;
            if input.parent_id == Some(sid) {
                return Err(EditError::Invalid(vec![FieldError {
                    field: "parent",
                    message: "form-error-choose",
                }]));
            }
            let mut title = s.title.clone();
            title.set(input.lang, input.title.clone().unwrap_or_default());
            let objectives = merged(s.objectives.clone(), input.lang, input.objectives.clone());
            let mut m = s.clone().into_active_model();
            m.title = Set(title);
            m.objectives = Set(objectives);
            m.kind = Set(input.kind.code().to_owned());
            m.day = Set(input.day);
            m.position = Set(position);
            m.starts = Set(input.starts.clone());
            m.ends = Set(input.ends.clone());
            m.parent_id = Set(input.parent_id);
            let after = m.clone().try_into_model()?;
            if after == s {
                // Saved unchanged: nothing is written, logged or published.
                tx.rollback().await?;
                return Ok(sid);
            }
            let changes = session_fields(&s).changes(&session_fields(&after));
            let id = m.update(&tx).await?.id;
            audit::record(
                &tx,
                origin,
                "programme-changed",
                "event",
                event_id,
                changes.map(|c| format!("session {id}: {c}")),
                now,
            )
            .await?;
            outbox::record(&tx, "event", event_id, Op::Updated).await?;
            tx.commit().await?;
            return Ok(id);
        }
        None => {
            event_session::ActiveModel {
                id: NotSet,
                event_id: Set(event_id),
                parent_id: Set(input.parent_id),
                day: Set(input.day),
                position: Set(position),
                kind: Set(input.kind.code().to_owned()),
                title: Set(
                    TrText::new(input.lang, input.title.clone().unwrap_or_default())
                        .map_err(|_| EditError::Invalid(Vec::new()))?,
                ),
                objectives: Set(input
                    .objectives
                    .clone()
                    .and_then(|o| TrText::new(input.lang, o).ok())),
                starts: Set(input.starts.clone()),
                ends: Set(input.ends.clone()),
            }
            .insert(&tx)
            .await?
            .id
        }
    };
    touch(&tx, origin, event_id, "programme-changed", now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Remove a session (its groups, people and session materials go with it).
pub async fn delete_session(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    session_id: i32,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let res = event_session::Entity::delete_many()
        .filter(event_session::Column::Id.eq(session_id))
        .filter(event_session::Column::EventId.eq(event_id))
        .exec(&tx)
        .await?;
    if res.rows_affected == 0 {
        return Err(EditError::NotFound);
    }
    touch(&tx, origin, event_id, "session-removed", now).await?;
    tx.commit().await?;
    Ok(())
}

/// A person in a role: a member (by id) or a named guest.
#[derive(Clone, Debug)]
pub struct PersonInput {
    pub session_id: i32,
    pub role: SessionRole,
    pub person_id: Option<i32>,
    pub name: Option<String>,
    pub organisation_id: Option<i32>,
    pub affiliation: Option<String>,
}

/// Parse the "add a person" form. `member` resolves an email address to a
/// member's id (done by the caller, which holds the connection).
pub fn parse_person(
    raw: &RawForm,
    sessions: &[i32],
    organisations: &[i32],
    member: Option<i32>,
) -> Result<PersonInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let session_id = raw
        .get("session")
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|s| sessions.contains(s));
    if session_id.is_none() {
        err(&mut errors, "session", "form-error-choose");
    }
    let role = SessionRole::from_code(raw.get("role"));
    if role.is_none() {
        err(&mut errors, "role", "form-error-choose");
    }
    let name = text(raw, "name", 200, &mut errors);
    let email = raw.get("email").trim();
    if !email.is_empty() && member.is_none() {
        err(&mut errors, "email", "form-error-no-member");
    }
    if name.is_none() && email.is_empty() {
        err(&mut errors, "name", "form-error-name-or-member");
    }
    let organisation_id = match raw.get("organisation").trim() {
        "" => None,
        o => {
            let o = o.parse::<i32>().ok().filter(|o| organisations.contains(o));
            if o.is_none() {
                err(&mut errors, "organisation", "form-error-choose");
            }
            o
        }
    };
    let affiliation = text(raw, "affiliation", 300, &mut errors);
    match (errors.is_empty(), session_id, role) {
        (true, Some(session_id), Some(role)) => Ok(PersonInput {
            session_id,
            role,
            person_id: member,
            name: if member.is_some() { None } else { name },
            organisation_id,
            affiliation,
        }),
        _ => Err(errors),
    }
}

/// Add a person to a session.
pub async fn add_person(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    input: PersonInput,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let last = session_person::Entity::find()
        .filter(session_person::Column::SessionId.eq(input.session_id))
        .order_by_desc(session_person::Column::Position)
        .one(&tx)
        .await?;
    session_person::ActiveModel {
        id: NotSet,
        session_id: Set(input.session_id),
        event_id: Set(event_id),
        role: Set(input.role.code().to_owned()),
        person_id: Set(input.person_id),
        name: Set(input.name),
        organisation_id: Set(input.organisation_id),
        affiliation: Set(input.affiliation),
        position: Set(last.map(|p| p.position + 1).unwrap_or(1)),
    }
    .insert(&tx)
    .await?;
    touch(&tx, origin, event_id, "programme-changed", now).await?;
    tx.commit().await?;
    Ok(())
}

/// Remove a person from a session.
pub async fn remove_person(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    person_link: i32,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let res = session_person::Entity::delete_many()
        .filter(session_person::Column::Id.eq(person_link))
        .filter(session_person::Column::EventId.eq(event_id))
        .exec(&tx)
        .await?;
    if res.rows_affected == 0 {
        return Err(EditError::NotFound);
    }
    touch(&tx, origin, event_id, "programme-changed", now).await?;
    tx.commit().await?;
    Ok(())
}

/// Attach a library resource to the event, or to one of its sessions.
pub async fn attach_material(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    session_id: Option<i32>,
    resource_id: i32,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let last = event_material::Entity::find()
        .filter(event_material::Column::EventId.eq(event_id))
        .order_by_desc(event_material::Column::Position)
        .one(&tx)
        .await?;
    event_material::ActiveModel {
        id: NotSet,
        event_id: Set(event_id),
        session_id: Set(session_id),
        resource_id: Set(resource_id),
        position: Set(last.map(|m| m.position + 1).unwrap_or(1)),
    }
    .insert(&tx)
    .await?;
    touch(&tx, origin, event_id, "material-attached", now).await?;
    tx.commit().await?;
    Ok(())
}

/// Detach a material.
pub async fn detach_material(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    link_id: i32,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let res = event_material::Entity::delete_many()
        .filter(event_material::Column::Id.eq(link_id))
        .filter(event_material::Column::EventId.eq(event_id))
        .exec(&tx)
        .await?;
    if res.rows_affected == 0 {
        return Err(EditError::NotFound);
    }
    touch(&tx, origin, event_id, "material-detached", now).await?;
    tx.commit().await?;
    Ok(())
}

// ------------------------------------------------------------------- outcomes

/// The "after the event" form.
#[derive(Clone, Debug)]
pub struct OutcomesInput {
    pub lang: Locale,
    pub report_id: Option<i32>,
    pub takeaways: Option<String>,
    pub practices: BTreeSet<i32>,
    pub figures: Option<Figures>,
}

/// Parse the outcomes form: report (a resource id), take-away messages,
/// practices presented, and participant figures entered by hand
/// (`total`, `by_country` as lines "TR 38", `countries` as "JO LB TR").
pub fn parse_outcomes(
    raw: &RawForm,
    lang: Locale,
    resources: &[i32],
    practices: &[i32],
    countries: &[String],
) -> Result<OutcomesInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let report_id = match raw.get("report").trim() {
        "" => None,
        r => {
            let r = r.parse::<i32>().ok().filter(|r| resources.contains(r));
            if r.is_none() {
                err(&mut errors, "report", "form-error-choose");
            }
            r
        }
    };
    let takeaways = text(raw, "takeaways", MAX_PROSE, &mut errors);
    let chosen: BTreeSet<i32> = pick_ids(raw, "practice", "practices", practices, &mut errors)
        .into_iter()
        .collect();
    let total = match raw.get("total").trim() {
        "" => None,
        t => {
            let t = t
                .parse::<i64>()
                .ok()
                .filter(|t| (0..=1_000_000).contains(t));
            if t.is_none() {
                err(&mut errors, "total", "form-error-number");
            }
            t
        }
    };
    let known = |c: &str| countries.iter().any(|k| k == c);
    let mut by_country = BTreeMap::new();
    for line in raw
        .get("by_country")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let mut parts = line.split_whitespace();
        let code = parts.next().unwrap_or_default().to_ascii_uppercase();
        let n = parts.next().and_then(|n| n.parse::<i64>().ok());
        match n {
            Some(n) if known(&code) && (0..=1_000_000).contains(&n) && parts.next().is_none() => {
                by_country.insert(code, n);
            }
            _ => err(&mut errors, "by_country", "form-error-country-lines"),
        }
    }
    let mut listed = Vec::new();
    for c in raw
        .get("countries")
        .split([' ', ',', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let c = c.to_ascii_uppercase();
        if known(&c) {
            if !listed.contains(&c) {
                listed.push(c);
            }
        } else {
            err(&mut errors, "countries", "form-error-choose");
        }
    }
    if let Some(t) = total
        && by_country.values().sum::<i64>() > t
    {
        err(&mut errors, "by_country", "form-error-more-than-total");
    }
    let note = text(raw, "note", MAX_SHORT, &mut errors);
    let figures =
        (total.is_some() || !by_country.is_empty() || !listed.is_empty()).then(|| Figures {
            total,
            by_country,
            countries: listed,
            by_kind: BTreeMap::new(),
            note: note.and_then(|n| TrText::new(lang, n).ok()),
        });
    if errors.is_empty() {
        Ok(OutcomesInput {
            lang,
            report_id,
            takeaways,
            practices: chosen,
            figures,
        })
    } else {
        Err(errors)
    }
}

/// Save what came out of an event.
pub async fn save_outcomes(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    event_id: i32,
    input: OutcomesInput,
    now: DateTime<Utc>,
) -> Result<(), EditError> {
    if !can(Some(actor), Action::ManageEvents) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let e = event::Entity::find_by_id(event_id)
        .one(&tx)
        .await?
        .ok_or(EditError::NotFound)?;
    let takeaways = merged(e.takeaways.clone(), input.lang, input.takeaways.clone());
    let figures = input.figures.map(|mut f| {
        // Keep a translated note and the counts by kind entered earlier.
        if let Some(old) = &e.figures {
            f.by_kind = old.by_kind.clone();
            if f.note.is_none() {
                f.note = old.note.clone();
            }
        }
        f
    });
    let practices: BTreeSet<i32> = event_practice::Entity::find()
        .filter(event_practice::Column::EventId.eq(event_id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|p| p.practice_id)
        .collect();
    let fields =
        |report: Option<i32>, t: Option<&TrText>, f: Option<&Figures>, p: &BTreeSet<i32>| {
            let mut out = audit::Fields::new();
            out.opt("report", report)
                .text("takeaways", t)
                .opt("figures", f.and_then(|f| serde_json::to_string(f).ok()))
                .list("practices", p);
            out
        };
    let before = fields(
        e.report_id,
        e.takeaways.as_ref(),
        e.figures.as_ref(),
        &practices,
    );
    let after = fields(
        input.report_id,
        takeaways.as_ref(),
        figures.as_ref(),
        &input.practices,
    );
    if e.report_id == input.report_id
        && e.takeaways == takeaways
        && e.figures == figures
        && practices == input.practices
    {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let changes = before.changes(&after);
    let mut m = e.into_active_model();
    m.report_id = Set(input.report_id);
    m.takeaways = Set(takeaways);
    m.figures = Set(figures);
    m.updated_at = Set(now);
    m.update(&tx).await?;
    event_practice::Entity::delete_many()
        .filter(event_practice::Column::EventId.eq(event_id))
        .exec(&tx)
        .await?;
    for p in input.practices {
        event_practice::ActiveModel {
            event_id: Set(event_id),
            practice_id: Set(p),
        }
        .insert(&tx)
        .await?;
    }
    audit::record(
        &tx,
        origin,
        "outcomes-changed",
        "event",
        event_id,
        changes,
        now,
    )
    .await?;
    outbox::record(&tx, "event", event_id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}
