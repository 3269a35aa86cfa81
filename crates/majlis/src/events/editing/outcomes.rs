//! What an event leaves behind: attached materials, and its outcomes
//! (report, takeaways, practices, figures).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel,
    QueryFilter, QueryOrder,
};

use super::{EditError, MAX_PROSE, MAX_SHORT, err, merged, pick_ids, text, touch};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::events::Figures;
use crate::events::entities::{event, event_material, event_practice};
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, can};

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
    let (by_country, listed) = counted(raw, countries, &mut errors);
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
    let before = outcome_fields(
        e.report_id,
        e.takeaways.as_ref(),
        e.figures.as_ref(),
        &practices,
    );
    let after = outcome_fields(
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
    set_practices(&tx, event_id, input.practices).await?;
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

/// The figures by country (`CODE count`, one a line) and the countries
/// listed without counts, each known to the network.
fn counted(
    raw: &RawForm,
    countries: &[String],
    errors: &mut Vec<FieldError>,
) -> (BTreeMap<String, i64>, Vec<String>) {
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
            _ => err(errors, "by_country", "form-error-country-lines"),
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
            err(errors, "countries", "form-error-choose");
        }
    }
    (by_country, listed)
}

/// What an event's outcomes audit entries compare.
fn outcome_fields(
    report: Option<i32>,
    takeaways: Option<&TrText>,
    figures: Option<&Figures>,
    practices: &BTreeSet<i32>,
) -> audit::Fields {
    let mut out = audit::Fields::new();
    out.opt("report", report)
        .text("takeaways", takeaways)
        .opt(
            "figures",
            figures.and_then(|f| serde_json::to_string(f).ok()),
        )
        .list("practices", practices);
    out
}

/// Replace the practices an event is linked to.
async fn set_practices(
    tx: &DatabaseTransaction,
    event_id: i32,
    practices: BTreeSet<i32>,
) -> Result<(), DbErr> {
    event_practice::Entity::delete_many()
        .filter(event_practice::Column::EventId.eq(event_id))
        .exec(tx)
        .await?;
    for p in practices {
        event_practice::ActiveModel {
            event_id: Set(event_id),
            practice_id: Set(p),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}
