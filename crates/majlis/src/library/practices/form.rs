//! The "submit a practice" form, one step at a time: parsing a step into
//! the snapshot, and what a practice still lacks before review.

use std::collections::BTreeSet;

use super::content::{PracticeContent, Snapshot, Step};
use super::{FieldError, MAX_SHORT, MAX_TITLE, TextField, err};
use crate::accounts::Email;
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};

/// What a step may refer to, and who is writing.
pub struct Known<'a> {
    pub themes: &'a [i32],
    pub countries: &'a [String],
    /// Municipalities the writer may act for (all, for staff).
    pub municipalities: &'a [i32],
    /// Organisations the writer may submit for (staff only).
    pub organisations: &'a [i32],
    pub this_year: i32,
}

pub(super) fn short(raw: &RawForm, name: &'static str, errors: &mut Vec<FieldError>) -> String {
    let v = raw.get(name).trim();
    if v.chars().count() > MAX_SHORT {
        err(errors, name, "form-error-too-long");
    }
    v.to_owned()
}

pub(super) fn year(
    raw: &RawForm,
    name: &'static str,
    this_year: i32,
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    let v = raw.get(name).trim();
    if v.is_empty() {
        return None;
    }
    let y = v
        .parse::<i32>()
        .ok()
        .filter(|y| (1950..=this_year + 5).contains(y));
    if y.is_none() {
        err(errors, name, "form-error-year");
    }
    y
}

/// A new practice's first snapshot: its title in the original language (a
/// placeholder while the title is still to be written, checked afterwards).
pub(super) fn first_snapshot(orig: Locale, title: &str) -> Result<Snapshot, Vec<FieldError>> {
    Ok(Snapshot {
        title: TrText::new(orig, if title.is_empty() { "-" } else { title }).map_err(|_| {
            vec![FieldError {
                field: "title",
                message: "form-error-required",
            }]
        })?,
        municipality_id: None,
        organisation_id: None,
        country_code: None,
        themes: BTreeSet::new(),
        content: PracticeContent::default(),
    })
}

/// The first step's fields that only the original language carries: who
/// owns the practice, where, its contact, themes and period.
pub(super) fn about_in_original(
    next: &mut Snapshot,
    raw: &RawForm,
    known: &Known<'_>,
    errors: &mut Vec<FieldError>,
) {
    let (mut m, mut o) = (None, None);
    let owner = raw.get("owner").trim();
    if let Some(id) = owner.strip_prefix("m:").and_then(|s| s.parse::<i32>().ok()) {
        if known.municipalities.contains(&id) {
            m = Some(id);
        } else {
            err(errors, "owner", "form-error-choose");
        }
    } else if let Some(id) = owner.strip_prefix("o:").and_then(|s| s.parse::<i32>().ok()) {
        if known.organisations.contains(&id) {
            o = Some(id);
        } else {
            err(errors, "owner", "form-error-choose");
        }
    } else if !owner.is_empty() {
        err(errors, "owner", "form-error-choose");
    }
    next.municipality_id = m;
    next.organisation_id = o;
    let country = raw.get("country").trim().to_uppercase();
    next.country_code = if country.is_empty() {
        None
    } else if known.countries.contains(&country) {
        Some(country)
    } else {
        err(errors, "country", "form-error-choose");
        None
    };
    next.content.city = short(raw, "city", errors);
    next.content.department = short(raw, "department", errors);
    next.content.contact_name = short(raw, "contact_name", errors);
    let email = raw.get("contact_email").trim();
    next.content.contact_email = if email.is_empty() {
        String::new()
    } else {
        match Email::parse(email) {
            Ok(e) => e.as_str().to_owned(),
            Err(_) => {
                err(errors, "contact_email", "form-error-email");
                email.to_owned()
            }
        }
    };
    let mut themes = BTreeSet::new();
    for t in raw.all("theme") {
        match t.parse::<i32>().ok().filter(|id| known.themes.contains(id)) {
            Some(id) => {
                themes.insert(id);
            }
            None => err(errors, "themes", "form-error-choose"),
        }
    }
    next.themes = themes;
    let start = year(raw, "start_year", known.this_year, errors);
    let end = year(raw, "end_year", known.this_year, errors);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        err(errors, "end_year", "form-error-period");
    }
    next.content.start_year = start;
    next.content.end_year = end;
    next.content.ongoing = raw.has("ongoing");
}

/// Apply one step of the form, written in `lang`, to a practice (`None`
/// for a new one). Nothing changes unless the whole step is valid.
pub fn apply_step(
    current: Option<&Snapshot>,
    step: Step,
    lang: Locale,
    raw: &RawForm,
    known: &Known<'_>,
) -> Result<Snapshot, Vec<FieldError>> {
    let mut errors = Vec::new();
    // The original language is chosen when the practice is started.
    let orig = match current {
        Some(c) => c.orig(),
        None => match raw.get("orig").parse::<Locale>() {
            Ok(l) => l,
            Err(_) => {
                err(&mut errors, "orig", "form-error-choose");
                lang
            }
        },
    };
    let in_original = lang == orig;
    let title_value = raw.get("title").trim().to_owned();
    let mut next = match current {
        Some(c) => c.clone(),
        None if step == Step::About => first_snapshot(orig, &title_value)?,
        None => {
            return Err(vec![FieldError {
                field: "title",
                message: "form-error-required",
            }]);
        }
    };

    for f in step.text_fields() {
        let v = raw.get(f.name());
        if v.trim().chars().count() > f.max_len() {
            err(&mut errors, f.name(), "form-error-too-long");
        } else {
            next.content.set_text(*f, lang, v);
        }
    }

    if step == Step::About {
        if title_value.chars().count() > MAX_TITLE {
            err(&mut errors, "title", "form-error-too-long");
        } else if title_value.is_empty() && in_original {
            err(&mut errors, "title", "form-error-required");
        } else {
            next.title.set(lang, title_value);
        }
        if in_original {
            about_in_original(&mut next, raw, known, &mut errors);
        }
    }
    if step == Step::Results && in_original {
        next.content.presenter = short(raw, "presenter", &mut errors);
        next.content.presented_at = short(raw, "presented_at", &mut errors);
    }
    if errors.is_empty() {
        Ok(next)
    } else {
        Err(errors)
    }
}

/// What a practice still lacks before it can be sent for review.
pub fn missing_for_review(s: &Snapshot) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let orig = s.orig();
    if s.municipality_id.is_none() && s.organisation_id.is_none() {
        err(&mut errors, "owner", "form-error-required");
    }
    if s.country_code.is_none() {
        err(&mut errors, "country", "form-error-required");
    }
    if s.themes.is_empty() {
        err(&mut errors, "themes", "form-error-required");
    }
    for f in [
        TextField::Summary,
        TextField::Challenge,
        TextField::Approach,
    ] {
        if s.content.text(f, orig).is_none() {
            err(&mut errors, f.name(), "form-error-required");
        }
    }
    errors
}
