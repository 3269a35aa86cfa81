//! What coordinators change: the event itself (written one language at a
//! time, the original kept), its programme (sessions, working groups, people
//! in roles), materials, outcomes, and clones of it for the next edition.
//! Every parse returns typed input or the fields in error; every change runs
//! in one transaction with its audit entry and outbox row.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use sea_orm::{DatabaseTransaction, DbErr};

use crate::audit::{self, Origin};
use crate::db::outbox::{self, Op};
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;

mod event_form;
mod event_save;
mod outcomes;
mod programme;

pub use event_form::{EventInput, Known, parse_event};
pub use event_save::{EventLinks, clone_event, create, links_of, update};
pub use outcomes::{
    OutcomesInput, attach_material, detach_material, parse_outcomes, save_outcomes,
};
pub use programme::{
    PersonInput, SessionInput, add_person, delete_session, parse_person, parse_session,
    remove_person, save_session,
};

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

pub fn languages_column(langs: &BTreeSet<Locale>) -> String {
    if langs.is_empty() {
        return String::new();
    }
    let codes: Vec<&str> = langs.iter().map(|l| l.code()).collect();
    format!(",{},", codes.join(","))
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
