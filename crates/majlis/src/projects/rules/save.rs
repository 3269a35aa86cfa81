//! Saving project ideas: the form parsed into typed input (prose in the
//! language being written, choices checked against what the form offered),
//! a new idea or the next version of one (an unchanged save writes
//! nothing), and status changes (one step forward, or dropped with a reason).

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, QueryOrder,
};

use super::{municipalities_of, project_ref};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::events::entities::{event, event_session};
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, authorize};
use crate::projects::entities::{followup, partner, project, project_theme, version};
use crate::projects::error::ProjectError;
use crate::projects::{
    PartnerKind, PartnerSought, PartnersSought, ProjectStatus, ProjectVisibility, Snapshot,
    codes_column, codes_of,
};

pub const MAX_TITLE: usize = 200;
pub const MAX_PROSE: usize = 5000;
pub const MAX_SHORT: usize = 200;
/// At most this many kinds of partner sought.
pub const MAX_PARTNERS_SOUGHT: usize = 10;

/// What the idea form may refer to.
pub struct Known<'a> {
    pub themes: &'a [i32],
    pub countries: &'a [String],
    /// Municipalities the writer may name as lead (their own; any for staff).
    pub municipalities: &'a [i32],
    pub events: &'a [i32],
    pub dilemmas: &'a [i32],
}

/// The idea form, parsed: prose in the language being written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProjectInput {
    pub lang: Locale,
    pub title: Option<String>,
    pub problem: Option<String>,
    pub objectives: Option<String>,
    pub activities: Option<String>,
    pub themes: BTreeSet<i32>,
    pub event_id: Option<i32>,
    pub session_id: Option<i32>,
    pub dilemma_id: Option<i32>,
    pub followups: BTreeSet<i32>,
    pub lead: i32,
    pub visibility: ProjectVisibility,
    pub programme: Option<String>,
    pub programme_countries: BTreeSet<String>,
    /// Kind, country and expertise (in `lang`) of each row.
    pub partners: Vec<(PartnerKind, Option<String>, Option<String>)>,
}

fn err(errors: &mut Vec<FieldError>, field: &'static str, message: &'static str) {
    if !errors.iter().any(|e| e.field == field) {
        errors.push(FieldError { field, message });
    }
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

fn pick(
    raw: &RawForm,
    name: &'static str,
    known: &[i32],
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    match raw.get(name).trim() {
        "" => None,
        v => {
            let id = v.parse::<i32>().ok().filter(|i| known.contains(i));
            if id.is_none() {
                err(errors, name, "form-error-choose");
            }
            id
        }
    }
}

/// Parse the idea form. `orig` is the original language of an idea being
/// edited (its title must stay present in that language).
pub fn parse(
    raw: &RawForm,
    lang: Locale,
    orig: Option<Locale>,
    known: &Known<'_>,
) -> Result<ProjectInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = text(raw, "title", MAX_TITLE, &mut errors);
    if orig.unwrap_or(lang) == lang && title.is_none() {
        err(&mut errors, "title", "form-error-required");
    }
    let problem = text(raw, "problem", MAX_PROSE, &mut errors);
    let objectives = text(raw, "objectives", MAX_PROSE, &mut errors);
    let activities = text(raw, "activities", MAX_PROSE, &mut errors);
    let mut themes = BTreeSet::new();
    for t in raw.all("theme") {
        match t.parse::<i32>().ok().filter(|id| known.themes.contains(id)) {
            Some(id) => {
                themes.insert(id);
            }
            None => err(&mut errors, "themes", "form-error-choose"),
        }
    }
    let event_id = pick(raw, "event", known.events, &mut errors);
    let session_id = match raw.get("session").trim() {
        "" => None,
        v => {
            let id = v.parse::<i32>().ok();
            if id.is_none() || event_id.is_none() {
                err(&mut errors, "session", "project-error-session");
            }
            id
        }
    };
    let dilemma_id = pick(raw, "dilemma", known.dilemmas, &mut errors);
    let mut followups = BTreeSet::new();
    for e in raw.all("followup") {
        match e.parse::<i32>().ok().filter(|id| known.events.contains(id)) {
            Some(id) => {
                followups.insert(id);
            }
            None => err(&mut errors, "followups", "form-error-choose"),
        }
    }
    let lead = pick(raw, "lead", known.municipalities, &mut errors);
    if lead.is_none() {
        err(&mut errors, "lead", "form-error-choose");
    }
    let visibility = ProjectVisibility::from_code(raw.get("visibility"));
    if visibility.is_none() {
        err(&mut errors, "visibility", "form-error-choose");
    }
    let programme = text(raw, "programme", MAX_SHORT, &mut errors);
    let mut programme_countries = BTreeSet::new();
    for c in raw
        .get("programme_countries")
        .split([',', ' ', ';'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let c = c.to_ascii_uppercase();
        if known.countries.contains(&c) {
            programme_countries.insert(c);
        } else {
            err(&mut errors, "programme_countries", "form-error-unknown");
        }
    }
    let partners = partners_sought(raw, known, &mut errors);
    match (errors.is_empty(), lead, visibility) {
        (true, Some(lead), Some(visibility)) => Ok(ProjectInput {
            lang,
            title,
            problem,
            objectives,
            activities,
            themes,
            event_id,
            session_id,
            dilemma_id,
            followups,
            lead,
            visibility,
            programme,
            programme_countries,
            partners,
        }),
        _ => Err(errors),
    }
}

/// The rows of partners sought: `partner_kind`, `partner_country` and
/// `partner_expertise` in order; a row without a kind and without text is
/// an empty row and left out.
fn partners_sought(
    raw: &RawForm,
    known: &Known<'_>,
    errors: &mut Vec<FieldError>,
) -> Vec<(PartnerKind, Option<String>, Option<String>)> {
    let kinds: Vec<&str> = raw.all("partner_kind").collect();
    let countries: Vec<&str> = raw.all("partner_country").collect();
    let expertise: Vec<&str> = raw.all("partner_expertise").collect();
    let rows = kinds.len().max(countries.len()).max(expertise.len());
    let mut out = Vec::new();
    for i in 0..rows {
        let kind = kinds.get(i).map(|k| k.trim()).unwrap_or_default();
        let country = countries.get(i).map(|c| c.trim()).unwrap_or_default();
        let exp = crate::i18n::clean_text(expertise.get(i).copied().unwrap_or_default());
        if kind.is_empty() && country.is_empty() && exp.is_empty() {
            continue;
        }
        let Some(kind) = PartnerKind::from_code(kind) else {
            err(errors, "partners", "project-error-partner-kind");
            continue;
        };
        let country = match country {
            "" => None,
            c if known.countries.iter().any(|k| k == c) => Some(c.to_owned()),
            _ => {
                err(errors, "partners", "form-error-unknown");
                None
            }
        };
        if exp.chars().count() > MAX_SHORT {
            err(errors, "partners", "form-error-too-long");
        }
        out.push((kind, country, (!exp.is_empty()).then_some(exp)));
    }
    if out.len() > MAX_PARTNERS_SOUGHT {
        err(errors, "partners", "form-error-too-long");
    }
    out
}

/// `existing` with `value` written in `lang` (emptying the original
/// removes the text).
fn merged(existing: Option<TrText>, lang: Locale, value: Option<String>) -> Option<TrText> {
    match (existing, value) {
        (Some(mut t), v) => {
            if v.is_none() && t.orig() == lang {
                return None;
            }
            t.set(lang, v.unwrap_or_default());
            Some(t)
        }
        (None, Some(v)) => TrText::new(lang, v).ok(),
        (None, None) => None,
    }
}

impl project::Model {
    /// The idea as its versions keep it (its themes given).
    pub fn snapshot(&self, themes: BTreeSet<i32>, followups: BTreeSet<i32>) -> Snapshot {
        Snapshot {
            title: self.title.clone(),
            problem: self.problem.clone(),
            objectives: self.objectives.clone(),
            activities: self.activities.clone(),
            themes,
            event_id: self.event_id,
            session_id: self.session_id,
            dilemma_id: self.dilemma_id,
            followups,
            lead_municipality_id: self.lead_municipality_id,
            visibility: self.visibility(),
            programme: self.programme.clone(),
            programme_countries: codes_of(&self.programme_countries),
            partners_sought: self.partners_sought.clone(),
            status: self.status(),
            drop_reason: self.drop_reason.clone(),
        }
    }
}

/// The snapshot an input makes of `before` (a new idea when `None`).
pub fn apply(before: Option<&Snapshot>, input: ProjectInput) -> Option<Snapshot> {
    let lang = input.lang;
    let title = merged(before.map(|b| b.title.clone()), lang, input.title)?;
    let old_rows = before
        .map(|b| b.partners_sought.0.clone())
        .unwrap_or_default();
    let partners = input
        .partners
        .into_iter()
        .enumerate()
        .map(|(i, (kind, country, expertise))| PartnerSought {
            kind,
            country,
            expertise: merged(
                old_rows.get(i).and_then(|r| r.expertise.clone()),
                lang,
                expertise,
            ),
        })
        .collect();
    Some(Snapshot {
        title,
        problem: merged(before.and_then(|b| b.problem.clone()), lang, input.problem),
        objectives: merged(
            before.and_then(|b| b.objectives.clone()),
            lang,
            input.objectives,
        ),
        activities: merged(
            before.and_then(|b| b.activities.clone()),
            lang,
            input.activities,
        ),
        themes: input.themes,
        event_id: input.event_id,
        session_id: input.session_id,
        dilemma_id: input.dilemma_id,
        followups: input.followups,
        lead_municipality_id: input.lead,
        visibility: input.visibility,
        programme: input.programme,
        programme_countries: input.programme_countries,
        partners_sought: PartnersSought(partners),
        status: before.map(|b| b.status).unwrap_or(ProjectStatus::Idea),
        drop_reason: before.and_then(|b| b.drop_reason.clone()),
    })
}

/// A new idea's address: its title's words and a random suffix.
pub(crate) fn slug_for(title: &TrText, nonce: u32) -> String {
    let words = crate::fields::slug::from_title(title.original(), title.orig(), 80, "project");
    format!("{words}-{nonce:08x}")
}

/// What an idea's audit entries compare.
fn fields(s: &Snapshot) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.text("title", Some(&s.title))
        .text("problem", s.problem.as_ref())
        .text("objectives", s.objectives.as_ref())
        .text("activities", s.activities.as_ref())
        .list("themes", &s.themes)
        .opt("event", s.event_id)
        .opt("session", s.session_id)
        .opt("consultation", s.dilemma_id)
        .list("followups", &s.followups)
        .put("lead", s.lead_municipality_id)
        .put("visibility", s.visibility.code())
        .opt("programme", s.programme.as_ref())
        .list("programme_countries", &s.programme_countries)
        .put("status", s.status.code())
        .text("drop_reason", s.drop_reason.as_ref());
    for (i, p) in s.partners_sought.0.iter().enumerate() {
        f.put(&format!("partner{i}.kind"), p.kind.code())
            .opt(&format!("partner{i}.country"), p.country.as_ref())
            .text(&format!("partner{i}.expertise"), p.expertise.as_ref());
    }
    f
}

/// The session must be one of the chosen event's.
async fn check_session<C: ConnectionTrait>(db: &C, s: &Snapshot) -> Result<(), ProjectError> {
    if let (Some(sid), Some(eid)) = (s.session_id, s.event_id) {
        let found = event_session::Entity::find_by_id(sid)
            .filter(event_session::Column::EventId.eq(eid))
            .one(db)
            .await?;
        if found.is_none() {
            return Err(ProjectError::field("session", "project-error-session"));
        }
    }
    Ok(())
}

/// Write `s` over the row (or a new row) and keep it as version `number`.
async fn write(
    tx: &DatabaseTransaction,
    existing: Option<project::Model>,
    s: &Snapshot,
    number: i32,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<project::Model, DbErr> {
    let mut am = match existing {
        Some(p) => p.into(),
        None => project::ActiveModel {
            id: NotSet,
            slug: Set(slug_for(&s.title, rand::random())),
            illustrative: Set(false),
            created_by: Set(Some(actor.person_id)),
            created_at: Set(now),
            ..Default::default()
        },
    };
    am.title = Set(s.title.clone());
    am.problem = Set(s.problem.clone());
    am.objectives = Set(s.objectives.clone());
    am.activities = Set(s.activities.clone());
    am.status = Set(s.status.code().to_owned());
    am.drop_reason = Set(s.drop_reason.clone());
    am.visibility = Set(s.visibility.code().to_owned());
    am.lead_municipality_id = Set(s.lead_municipality_id);
    am.event_id = Set(s.event_id);
    am.session_id = Set(s.session_id);
    am.dilemma_id = Set(s.dilemma_id);
    am.programme = Set(s.programme.clone());
    am.programme_countries = Set(codes_column(&s.programme_countries));
    am.partners_sought = Set(s.partners_sought.clone());
    am.version = Set(number);
    am.updated_at = Set(now);
    let p: project::Model = match am.id {
        sea_orm::ActiveValue::Unchanged(_) | sea_orm::ActiveValue::Set(_) => am.update(tx).await?,
        sea_orm::ActiveValue::NotSet => am.insert(tx).await?,
    };
    project_theme::Entity::delete_many()
        .filter(project_theme::Column::ProjectId.eq(p.id))
        .exec(tx)
        .await?;
    for t in &s.themes {
        project_theme::ActiveModel {
            project_id: Set(p.id),
            theme_id: Set(*t),
        }
        .insert(tx)
        .await?;
    }
    followup::Entity::delete_many()
        .filter(followup::Column::ProjectId.eq(p.id))
        .exec(tx)
        .await?;
    for e in &s.followups {
        followup::ActiveModel {
            project_id: Set(p.id),
            event_id: Set(*e),
        }
        .insert(tx)
        .await?;
    }
    version::ActiveModel {
        id: NotSet,
        project_id: Set(p.id),
        number: Set(number),
        snapshot: Set(s.clone()),
        author_id: Set(Some(actor.person_id)),
        created_at: Set(now),
    }
    .insert(tx)
    .await?;
    Ok(p)
}

/// An idea and its current snapshot, read inside a transaction.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    id: i32,
) -> Result<(project::Model, Snapshot), ProjectError> {
    let p = project::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ProjectError::NotFound)?;
    let themes = super::themes_of(db, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let followups = followups_of(db, id).await?;
    let s = p.snapshot(themes, followups);
    Ok((p, s))
}

/// The editing facts of idea `p` for `actor`.
async fn editing<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    p: &project::Model,
) -> Result<(Vec<i32>, crate::policy::ProjectRef), ProjectError> {
    let mine = municipalities_of(db, Some(actor)).await?;
    let partners = partner::Entity::find()
        .filter(partner::Column::ProjectId.eq(p.id))
        .all(db)
        .await?;
    let r = project_ref(p, Some(actor), &mine, &partners);
    Ok((mine, r))
}

/// Save the idea form: a new idea (status idea, version 1) when `id` is
/// `None`, else the next version of idea `id` (nothing is written when
/// nothing changed). Returns the idea's slug.
pub async fn save(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: Option<i32>,
    input: ProjectInput,
    now: DateTime<Utc>,
) -> Result<String, ProjectError> {
    let tx = db.begin_write().await?;
    let mine = municipalities_of(&tx, Some(actor)).await?;
    let (existing, before) = match id {
        Some(id) => {
            let (p, s) = load(&tx, id).await?;
            let (_, r) = editing(&tx, actor, &p).await?;
            authorize(Some(actor), Action::EditProject(r))?;
            (Some(p), Some(s))
        }
        None => {
            authorize(
                Some(actor),
                Action::CreateProject {
                    affiliated: !mine.is_empty(),
                },
            )?;
            (None, None)
        }
    };
    let lead_changes = before
        .as_ref()
        .is_none_or(|b| b.lead_municipality_id != input.lead);
    if lead_changes && !actor.is_staff() && !mine.contains(&input.lead) {
        return Err(ProjectError::field("lead", "form-error-choose"));
    }
    let next = apply(before.as_ref(), input)
        .ok_or_else(|| ProjectError::field("title", "form-error-required"))?;
    check_session(&tx, &next).await?;
    if before.as_ref() == Some(&next) {
        // Saved unchanged: nothing is written, logged or published.
        let slug = existing.map(|p| p.slug).unwrap_or_default();
        return Ok(slug);
    }
    let number = existing.as_ref().map(|p| p.version + 1).unwrap_or(1);
    let p = write(&tx, existing, &next, number, actor, now).await?;
    outbox::record(
        &tx,
        "project",
        p.id,
        if number == 1 {
            Op::Created
        } else {
            Op::Updated
        },
    )
    .await?;
    let mut detail = format!("version {number}");
    if let Some(changes) = before
        .as_ref()
        .and_then(|b| fields(b).changes(&fields(&next)))
    {
        detail.push_str(": ");
        detail.push_str(&changes);
    }
    audit::record(
        &tx,
        origin,
        "project-saved",
        "project",
        p.id,
        Some(detail),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(p.slug)
}

/// A status change as the form sends it.
pub struct StatusChange<'a> {
    /// `None` when no status was chosen.
    pub to: Option<ProjectStatus>,
    /// The language the reason is written in.
    pub lang: Locale,
    pub reason: &'a str,
}

/// Move idea `id` to `change.to` (one step forward, or dropped with a
/// reason): a new version. No status chosen, or a drop without a reason, is
/// refused.
pub async fn change_status(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    change: StatusChange<'_>,
    now: DateTime<Utc>,
) -> Result<(), ProjectError> {
    let tx = db.begin_write().await?;
    let (p, before) = load(&tx, id).await?;
    let (_, r) = editing(&tx, actor, &p).await?;
    authorize(Some(actor), Action::EditProject(r))?;
    let StatusChange { to, lang, reason } = change;
    let to = to.ok_or_else(|| ProjectError::field("status", "form-error-choose"))?;
    if !before.status.may_become(to) {
        return Err(ProjectError::field("status", "project-error-transition"));
    }
    let mut next = before.clone();
    next.status = to;
    if to == ProjectStatus::Dropped {
        let reason = crate::i18n::clean_text(reason);
        if reason.is_empty() {
            return Err(ProjectError::field("reason", "project-error-reason"));
        }
        if reason.chars().count() > MAX_PROSE {
            return Err(ProjectError::field("reason", "form-error-too-long"));
        }
        next.drop_reason = TrText::new(lang, reason).ok();
    }
    let number = p.version + 1;
    let p = write(&tx, Some(p), &next, number, actor, now).await?;
    outbox::record(&tx, "project", p.id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "project-status",
        "project",
        p.id,
        Some(format!("{} → {}", before.status.code(), to.code())),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The versions of an idea, newest first.
pub async fn versions<C: ConnectionTrait>(db: &C, id: i32) -> Result<Vec<version::Model>, DbErr> {
    version::Entity::find()
        .filter(version::Column::ProjectId.eq(id))
        .order_by_desc(version::Column::Number)
        .all(db)
        .await
}

/// What the idea form offers: events (newest first) and the sessions of one.
pub async fn event_choices<C: ConnectionTrait>(db: &C) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .order_by_desc(event::Column::StartsAt)
        .all(db)
        .await
}

pub async fn session_choices<C: ConnectionTrait>(
    db: &C,
    event_id: Option<i32>,
) -> Result<Vec<event_session::Model>, DbErr> {
    let Some(id) = event_id else {
        return Ok(Vec::new());
    };
    event_session::Entity::find()
        .filter(event_session::Column::EventId.eq(id))
        .order_by_asc(event_session::Column::Day)
        .order_by_asc(event_session::Column::Position)
        .all(db)
        .await
}

/// What the idea form offers, by id and name in the reader's language.
#[derive(Clone, Debug, Default)]
pub struct Choices {
    /// Municipalities the writer may name as lead (their own; any for staff).
    pub municipalities: Vec<(i32, String)>,
    pub events: Vec<(i32, String)>,
    /// The sessions of the chosen event.
    pub sessions: Vec<(i32, String)>,
    /// Consultations the writer may read, past their draft.
    pub dilemmas: Vec<(i32, String)>,
}

/// The form's choices for `actor`, with the sessions of `event_id` (four
/// queries, five with an event).
pub async fn choices<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    event_id: Option<i32>,
    locale: Locale,
) -> Result<Choices, DbErr> {
    use crate::consultations::entities::dilemma;
    use crate::directory::entities::municipality;
    let mine = municipalities_of(db, Some(actor)).await?;
    let mut q = municipality::Entity::find();
    if !actor.is_staff() {
        q = q.filter(municipality::Column::Id.is_in(mine));
    }
    let mut municipalities: Vec<(i32, String)> = q
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name.text(locale).to_owned()))
        .collect();
    locale.sort_by_name(&mut municipalities, |r| &r.1);
    let visible = crate::library::visible_codes(Some(actor));
    let events = event_choices(db)
        .await?
        .into_iter()
        .filter(|e| visible.contains(&e.visibility.as_str()))
        .map(|e| {
            let month = locale.month_year(
                chrono::Datelike::year(&e.starts_at),
                chrono::Datelike::month(&e.starts_at),
            );
            (e.id, format!("{} ({month})", e.title.text(locale)))
        })
        .collect();
    let sessions = session_choices(db, event_id)
        .await?
        .into_iter()
        .map(|s| (s.id, s.title.text(locale).to_owned()))
        .collect();
    let dilemmas = dilemma::Entity::find()
        .filter(crate::consultations::rules::readable(Some(actor)))
        .filter(dilemma::Column::Status.ne(crate::consultations::DilemmaStatus::Draft.code()))
        .order_by_desc(dilemma::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.question.text(locale).to_owned()))
        .collect();
    Ok(Choices {
        municipalities,
        events,
        sessions,
        dilemmas,
    })
}

/// The form's fields for `s` written in `lang` (what an edit form shows):
/// texts in that language only, and one empty row of partners sought.
pub fn form_of(s: &Snapshot, lang: Locale) -> RawForm {
    let t = |v: &Option<TrText>| {
        v.as_ref()
            .and_then(|t| t.get(lang))
            .unwrap_or_default()
            .to_owned()
    };
    let mut f: Vec<(String, String)> = vec![
        ("in".into(), lang.code().into()),
        ("title".into(), s.title.get(lang).unwrap_or_default().into()),
        ("problem".into(), t(&s.problem)),
        ("objectives".into(), t(&s.objectives)),
        ("activities".into(), t(&s.activities)),
        (
            "event".into(),
            s.event_id.map(|i| i.to_string()).unwrap_or_default(),
        ),
        (
            "session".into(),
            s.session_id.map(|i| i.to_string()).unwrap_or_default(),
        ),
        (
            "dilemma".into(),
            s.dilemma_id.map(|i| i.to_string()).unwrap_or_default(),
        ),
        ("lead".into(), s.lead_municipality_id.to_string()),
        ("visibility".into(), s.visibility.code().into()),
        ("programme".into(), s.programme.clone().unwrap_or_default()),
        (
            "programme_countries".into(),
            s.programme_countries
                .iter()
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
        ),
    ];
    for id in &s.themes {
        f.push(("theme".into(), id.to_string()));
    }
    for id in &s.followups {
        f.push(("followup".into(), id.to_string()));
    }
    for p in &s.partners_sought.0 {
        f.push(("partner_kind".into(), p.kind.code().into()));
        f.push((
            "partner_country".into(),
            p.country.clone().unwrap_or_default(),
        ));
        f.push(("partner_expertise".into(), t(&p.expertise)));
    }
    RawForm(f)
}

/// The later events idea `id` was worked on at (one query).
pub async fn followups_of<C: ConnectionTrait>(db: &C, id: i32) -> Result<BTreeSet<i32>, DbErr> {
    Ok(followup::Entity::find()
        .filter(followup::Column::ProjectId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.event_id)
        .collect())
}
