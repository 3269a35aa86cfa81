//! The event form parsed into typed input: prose in the language being
//! written, dates in the venue's time zone, the choices checked against what
//! the form offered.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::{
    MAX_CAPACITY, MAX_DAYS, MAX_PROSE, MAX_QUESTIONS, MAX_SHORT, MAX_TITLE, PROSE, err,
    parse_local, pick_ids, text,
};
use crate::events::{EventKind, EventStatus};
use crate::fields::form::RawForm;
use crate::fields::parse_link;
use crate::i18n::Locale;
use crate::library::practices::FieldError;

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

/// Parse the event form. `existing_orig` is the original language of an
/// event being edited (its title must stay present in that language).
///
/// About 100 lines: dates, venue, capacity, registration window and
/// questions are parsed apart; what stays is the short checks in the form's
/// order (errors come out in that order) and the 24-field `EventInput`.
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
    let (tz, starts, ends) = when(raw, &mut errors);
    let Venue {
        city,
        address,
        country,
        online,
        online_url,
    } = venue(raw, known, &mut errors);
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
    let capacity = capacity(raw, &mut errors);
    let needs_approval = raw.get("needs_approval") == "on";
    let (registration_opens, registration_closes) = registration_window(raw, tz, &mut errors);
    let questions = questions(raw, &mut errors);
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

/// The event's time zone and its start and end in it (an event lasts less
/// than `MAX_DAYS`).
fn when(
    raw: &RawForm,
    errors: &mut Vec<FieldError>,
) -> (Tz, Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let tz: Option<Tz> = raw.get("timezone").trim().parse().ok();
    if tz.is_none() {
        err(errors, "timezone", "form-error-timezone");
    }
    let tz = tz.unwrap_or(Tz::UTC);
    let starts = parse_local(raw.get("starts"), tz);
    if starts.is_none() {
        err(errors, "starts", "form-error-datetime");
    }
    let ends = parse_local(raw.get("ends"), tz);
    if ends.is_none() {
        err(errors, "ends", "form-error-datetime");
    }
    if let (Some(s), Some(e)) = (starts, ends) {
        if e <= s {
            err(errors, "ends", "form-error-ends-before-starts");
        } else if (e - s).num_days() >= i64::from(MAX_DAYS) {
            err(errors, "ends", "form-error-too-long-event");
        }
    }
    (tz, starts, ends)
}

/// Where the event takes place.
struct Venue {
    city: Option<String>,
    address: Option<String>,
    country: Option<String>,
    online: bool,
    online_url: Option<String>,
}

/// The venue: a city (unless the event is online, or its place was never
/// known), a country from the form's list, an online address.
fn venue(raw: &RawForm, known: &Known<'_>, errors: &mut Vec<FieldError>) -> Venue {
    let city = text(raw, "city", 200, errors);
    let address = text(raw, "address", MAX_SHORT, errors);
    let country = match raw.get("country").trim() {
        "" => None,
        c => {
            let ok = known.countries.iter().any(|k| k == c);
            if !ok {
                err(errors, "country", "form-error-choose");
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
                err(errors, "online_url", "form-error-link");
            }
            u
        }
    };
    if !online && city.is_none() && !known.venue_unknown {
        err(errors, "city", "form-error-venue");
    }
    Venue {
        city,
        address,
        country,
        online,
        online_url,
    }
}

fn capacity(raw: &RawForm, errors: &mut Vec<FieldError>) -> Option<i32> {
    match raw.get("capacity").trim() {
        "" => None,
        c => {
            let c = c
                .parse::<i32>()
                .ok()
                .filter(|c| (1..=MAX_CAPACITY).contains(c));
            if c.is_none() {
                err(errors, "capacity", "form-error-capacity");
            }
            c
        }
    }
}

/// When registration opens and closes (both optional), in the event's zone.
fn registration_window(
    raw: &RawForm,
    tz: Tz,
    errors: &mut Vec<FieldError>,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let mut window = |name: &'static str| match raw.get(name).trim() {
        "" => None,
        v => {
            let t = parse_local(v, tz);
            if t.is_none() {
                err(errors, name, "form-error-datetime");
            }
            t
        }
    };
    let opens = window("registration_opens");
    let closes = window("registration_closes");
    if let (Some(o), Some(c)) = (opens, closes)
        && c <= o
    {
        err(
            errors,
            "registration_closes",
            "form-error-ends-before-starts",
        );
    }
    (opens, closes)
}

/// The registration questions: one a line, `*` first for a required one.
fn questions(raw: &RawForm, errors: &mut Vec<FieldError>) -> Vec<(String, bool)> {
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
            err(errors, "questions", "form-error-too-long");
        }
        questions.push((q.to_owned(), required));
    }
    if questions.len() > MAX_QUESTIONS {
        err(errors, "questions", "form-error-too-many-questions");
    }
    questions
}
