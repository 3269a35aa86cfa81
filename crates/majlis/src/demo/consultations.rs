//! The demo consultations (`consultations.toml`): the dilemmas of the two
//! Urban Academy modules with their information, ideas and results, the
//! wrap-up messages, and the Istanbul clinic's summary. Dilemmas are matched
//! by their key (their slug); clinics and wrap-ups by their session. A second
//! load adds nothing and writes nothing to the outbox.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use serde::Deserialize;

use super::{DemoError, LoadReport, tr, tr_opt};
use crate::consultations::entities::{clinic, clinic_wrapup, contribution, dilemma, dilemma_theme};
use crate::consultations::{ContributionKind, DilemmaStatus, HelpSought};
use crate::db::outbox::{self, Op};
use crate::directory::entities::{municipality, organisation, theme};
use crate::directory::reference::TrDef;
use crate::events::SessionKind;
use crate::events::entities::{event, event_session};

const CONSULTATIONS_TOML: &str = include_str!("consultations.toml");

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    clinic: Vec<ClinicDef>,
    #[serde(default)]
    closing: Vec<ClosingDef>,
    #[serde(default)]
    dilemma: Vec<DilemmaDef>,
    #[serde(default)]
    online: Vec<OnlineDef>,
}

/// A dilemma put online (no clinic), open for questions, dated from the day
/// the demo is loaded: opened `opened_days_ago`, closing `closes_in_days`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OnlineDef {
    key: String,
    question: TrDef,
    information: Option<TrDef>,
    municipality: Option<String>,
    organisation: Option<String>,
    city: Option<String>,
    country: Option<String>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    help_sought: Vec<String>,
    opened_days_ago: i64,
    closes_in_days: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClinicDef {
    event: String,
    clinic: usize,
    summary: Option<TrDef>,
    #[serde(default)]
    wrapup: Vec<WrapupDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClosingDef {
    event: String,
    #[serde(default)]
    wrapup: Vec<WrapupDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrapupDef {
    author: Option<String>,
    organisation: Option<String>,
    affiliation: Option<String>,
    text: TrDef,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DilemmaDef {
    key: String,
    event: String,
    clinic: usize,
    position: i32,
    question: TrDef,
    presenter: String,
    municipality: Option<String>,
    organisation: Option<String>,
    affiliation: Option<String>,
    city: Option<String>,
    country: Option<String>,
    #[serde(default)]
    themes: Vec<String>,
    #[serde(default)]
    help_sought: Vec<String>,
    information: Option<TrDef>,
    result: Option<TrDef>,
    joint_with: Option<String>,
    #[serde(default)]
    idea: Vec<IdeaDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdeaDef {
    kind: String,
    text: TrDef,
}

/// Looks up what the file names, loading each table once.
struct Names {
    events: HashMap<String, event::Model>,
    sessions: HashMap<i32, Vec<event_session::Model>>,
    orgs: HashMap<String, i32>,
    munis: HashMap<String, i32>,
    themes: HashMap<String, i32>,
}

impl Names {
    async fn load(tx: &DatabaseTransaction) -> Result<Names, DemoError> {
        let mut sessions: HashMap<i32, Vec<event_session::Model>> = HashMap::new();
        for s in event_session::Entity::find()
            .filter(event_session::Column::ParentId.is_null())
            .order_by_asc(event_session::Column::Day)
            .order_by_asc(event_session::Column::Position)
            .order_by_asc(event_session::Column::Id)
            .all(tx)
            .await?
        {
            sessions.entry(s.event_id).or_default().push(s);
        }
        Ok(Names {
            events: event::Entity::find()
                .all(tx)
                .await?
                .into_iter()
                .map(|e| (e.slug.clone(), e))
                .collect(),
            sessions,
            orgs: organisation::Entity::find()
                .all(tx)
                .await?
                .into_iter()
                .map(|o| (o.slug, o.id))
                .collect(),
            munis: municipality::Entity::find()
                .all(tx)
                .await?
                .into_iter()
                .map(|m| (m.slug, m.id))
                .collect(),
            themes: theme::Entity::find()
                .all(tx)
                .await?
                .into_iter()
                .map(|t| (t.slug, t.id))
                .collect(),
        })
    }

    fn event(&self, slug: &str) -> Result<&event::Model, DemoError> {
        self.events
            .get(slug)
            .ok_or_else(|| DemoError::Invalid(format!("consultations.toml: unknown event {slug}")))
    }

    /// The `n`-th (1-based) session of `kind` of the event.
    fn session(&self, e: &event::Model, kind: SessionKind, n: usize) -> Result<i32, DemoError> {
        self.sessions
            .get(&e.id)
            .into_iter()
            .flatten()
            .filter(|s| s.kind == kind.code())
            .nth(n.saturating_sub(1))
            .map(|s| s.id)
            .ok_or_else(|| {
                DemoError::Invalid(format!(
                    "consultations.toml: {} has no {} session number {n}",
                    e.slug,
                    kind.code()
                ))
            })
    }

    fn org(&self, slug: &Option<String>) -> Result<Option<i32>, DemoError> {
        slug.as_ref()
            .map(|s| {
                self.orgs.get(s).copied().ok_or_else(|| {
                    DemoError::Invalid(format!("consultations.toml: unknown organisation {s}"))
                })
            })
            .transpose()
    }
}

/// Load the demo consultations (after the events they belong to).
pub async fn load(
    tx: &DatabaseTransaction,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let file: File = toml::from_str(CONSULTATIONS_TOML)
        .map_err(|e| DemoError::Invalid(format!("consultations.toml: {e}")))?;
    let names = Names::load(tx).await?;
    let mut seen = HashSet::new();

    for c in file.clinic {
        let e = names.event(&c.event)?;
        let sid = names.session(e, SessionKind::ConsultationClinic, c.clinic)?;
        let summary = tr_opt(c.summary, "clinic summary")?;
        ensure_clinic(tx, e, (sid, &mut seen), summary, now, report).await?;
        load_wrapups(tx, &names, e, sid, c.wrapup, report).await?;
    }
    for c in file.closing {
        let e = names.event(&c.event)?;
        let sid = names.session(e, SessionKind::Closing, 1)?;
        load_wrapups(tx, &names, e, sid, c.wrapup, report).await?;
    }

    let mut ids: HashMap<String, i32> = dilemma::Entity::find()
        .all(tx)
        .await?
        .into_iter()
        .map(|d| (d.slug, d.id))
        .collect();
    for d in file.dilemma {
        let e = names.event(&d.event)?;
        let sid = names.session(e, SessionKind::ConsultationClinic, d.clinic)?;
        ensure_clinic(tx, e, (sid, &mut seen), None, now, report).await?;
        if ids.contains_key(&d.key) {
            report.unchanged += 1;
            continue;
        }
        let what = format!("dilemma {}", d.key);
        let municipality =
            d.municipality
                .as_ref()
                .map(|s| {
                    names.munis.get(s).copied().ok_or_else(|| {
                        DemoError::Invalid(format!("{what}: unknown municipality {s}"))
                    })
                })
                .transpose()?;
        let mut help = Vec::new();
        for h in &d.help_sought {
            HelpSought::from_code(h)
                .ok_or_else(|| DemoError::Invalid(format!("{what}: unknown help {h}")))?;
            help.push(h.as_str());
        }
        let joint_with = match &d.joint_with {
            Some(k) => Some(*ids.get(k).ok_or_else(|| {
                DemoError::Invalid(format!("{what}: joint_with {k} must come first"))
            })?),
            None => None,
        };
        let result = tr_opt(d.result, &what)?;
        let status = if result.is_some() || joint_with.is_some() {
            DilemmaStatus::Concluded
        } else {
            DilemmaStatus::InDiscussion
        };
        let visibility = if e.visibility == "public" {
            "public"
        } else {
            "members"
        };
        let row = dilemma::ActiveModel {
            slug: Set(d.key.clone()),
            status: Set(status.code().to_owned()),
            visibility: Set(visibility.to_owned()),
            question: Set(tr(d.question, &what)?),
            information: Set(tr_opt(d.information, &what)?),
            result: Set(result),
            presenter_id: Set(None),
            presenter_name: Set(Some(d.presenter)),
            affiliation: Set(d.affiliation),
            municipality_id: Set(municipality),
            organisation_id: Set(names.org(&d.organisation)?),
            city: Set(d.city),
            country_code: Set(d.country),
            help_sought: Set(help.join(",")),
            languages: Set("en".to_owned()),
            session_id: Set(Some(sid)),
            event_id: Set(Some(e.id)),
            position: Set(d.position),
            joint_with: Set(joint_with),
            period_days: Set(1),
            opens_at: Set(Some(e.starts_at)),
            closes_at: Set(Some(e.ends_at)),
            ideas_open_at: Set(Some(e.starts_at)),
            concluded_at: Set((status == DilemmaStatus::Concluded).then_some(e.ends_at)),
            concluded_by: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        tag_themes(tx, &names.themes, row.id, &d.themes, &what).await?;
        for (i, idea) in d.idea.into_iter().enumerate() {
            let kind = ContributionKind::from_code(&idea.kind)
                .ok_or_else(|| DemoError::Invalid(format!("{what}: unknown kind {}", idea.kind)))?;
            contribution::ActiveModel {
                dilemma_id: Set(row.id),
                kind: Set(kind.code().to_owned()),
                body: Set(tr(idea.text, &what)?),
                author_id: Set(None),
                // Recorded by the rapporteur; the seed does not say who said it.
                author_name: Set(Some(String::new())),
                recorded_by: Set(None),
                practice_id: Set(None),
                resource_id: Set(None),
                url: Set(None),
                answer: Set(None),
                answered_by: Set(None),
                answered_at: Set(None),
                helped: Set(false),
                hidden: Set(false),
                hidden_reason: Set(None),
                client_key: Set(None),
                position: Set(i as i32 + 1),
                created_at: Set(e.starts_at),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        outbox::record(tx, "dilemma", row.id, Op::Created).await?;
        ids.insert(d.key, row.id);
        report.created += 1;
    }
    for d in file.online {
        if ids.contains_key(&d.key) {
            report.unchanged += 1;
            continue;
        }
        load_online(tx, &names, d, now).await?;
        report.created += 1;
    }
    Ok(())
}

/// An online dilemma open for questions, public, its period around `now`.
async fn load_online(
    tx: &DatabaseTransaction,
    names: &Names,
    d: OnlineDef,
    now: DateTime<Utc>,
) -> Result<(), DemoError> {
    let what = format!("dilemma {}", d.key);
    for h in &d.help_sought {
        HelpSought::from_code(h)
            .ok_or_else(|| DemoError::Invalid(format!("{what}: unknown help {h}")))?;
    }
    let municipality = d
        .municipality
        .as_ref()
        .map(|s| {
            names
                .munis
                .get(s)
                .copied()
                .ok_or_else(|| DemoError::Invalid(format!("{what}: unknown municipality {s}")))
        })
        .transpose()?;
    let opens = now - chrono::Duration::days(d.opened_days_ago);
    let closes = now + chrono::Duration::days(d.closes_in_days);
    let row = dilemma::ActiveModel {
        slug: Set(d.key.clone()),
        status: Set(DilemmaStatus::Open.code().to_owned()),
        visibility: Set("public".to_owned()),
        question: Set(tr(d.question, &what)?),
        information: Set(tr_opt(d.information, &what)?),
        result: Set(None),
        presenter_id: Set(None),
        presenter_name: Set(None),
        affiliation: Set(None),
        municipality_id: Set(municipality),
        organisation_id: Set(names.org(&d.organisation)?),
        city: Set(d.city),
        country_code: Set(d.country),
        help_sought: Set(d.help_sought.join(",")),
        languages: Set("en".to_owned()),
        session_id: Set(None),
        event_id: Set(None),
        position: Set(0),
        joint_with: Set(None),
        period_days: Set((d.opened_days_ago + d.closes_in_days) as i32),
        opens_at: Set(Some(opens)),
        closes_at: Set(Some(closes)),
        ideas_open_at: Set(None),
        concluded_at: Set(None),
        concluded_by: Set(None),
        created_by: Set(None),
        created_at: Set(opens),
        updated_at: Set(opens),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    tag_themes(tx, &names.themes, row.id, &d.themes, &what).await?;
    outbox::record(tx, "dilemma", row.id, Op::Created).await?;
    Ok(())
}

/// A dilemma's themes, by slug.
async fn tag_themes(
    tx: &DatabaseTransaction,
    themes: &HashMap<String, i32>,
    dilemma_id: i32,
    slugs: &[String],
    what: &str,
) -> Result<(), DemoError> {
    for t in slugs {
        let theme_id = *themes
            .get(t)
            .ok_or_else(|| DemoError::Invalid(format!("{what}: unknown theme {t}")))?;
        dilemma_theme::ActiveModel {
            dilemma_id: Set(dilemma_id),
            theme_id: Set(theme_id),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

/// The clinic record of a session, written once. The clinics of events
/// already held are published: their report exists (seed 004 is one).
async fn ensure_clinic(
    tx: &DatabaseTransaction,
    e: &event::Model,
    (sid, seen): (i32, &mut HashSet<i32>),
    summary: Option<crate::i18n::TrText>,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    if !seen.insert(sid) {
        return Ok(());
    }
    if clinic::Entity::find_by_id(sid).one(tx).await?.is_some() {
        report.unchanged += 1;
        return Ok(());
    }
    let held = e.ends_at < now;
    clinic::ActiveModel {
        session_id: Set(sid),
        event_id: Set(e.id),
        summary: Set(summary),
        published_at: Set(held.then_some(e.ends_at)),
        published_by: Set(None),
    }
    .insert(tx)
    .await?;
    outbox::record(tx, "clinic", sid, Op::Created).await?;
    report.created += 1;
    Ok(())
}

/// A session's wrap-ups, written only when it has none yet.
async fn load_wrapups(
    tx: &DatabaseTransaction,
    names: &Names,
    e: &event::Model,
    sid: i32,
    defs: Vec<WrapupDef>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    if defs.is_empty() {
        return Ok(());
    }
    let existing = clinic_wrapup::Entity::find()
        .filter(clinic_wrapup::Column::SessionId.eq(sid))
        .count(tx)
        .await?;
    if existing > 0 {
        report.unchanged += defs.len();
        return Ok(());
    }
    for (i, w) in defs.into_iter().enumerate() {
        let w = clinic_wrapup::ActiveModel {
            session_id: Set(sid),
            event_id: Set(e.id),
            person_id: Set(None),
            author_name: Set(w.author.unwrap_or_default()),
            organisation_id: Set(names.org(&w.organisation)?),
            affiliation: Set(w.affiliation),
            body: Set(tr(w.text, "wrap-up")?),
            position: Set(i as i32 + 1),
            created_at: Set(e.ends_at),
            ..Default::default()
        }
        .insert(tx)
        .await?;
        outbox::record(tx, "clinic_wrapup", w.id, Op::Created).await?;
        report.created += 1;
    }
    Ok(())
}
