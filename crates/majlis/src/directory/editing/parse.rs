//! Parsing the parts the directory's forms share: figures and years,
//! names and long texts per language, themes, lines, slugs, countries.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::{FieldError, MAX_FIGURE, MAX_NAME, MAX_PROFILE};
use crate::directory::rules::{CountryCode, Slug};
use crate::i18n::{Locale, TrText};

pub(super) fn figure(
    value: &str,
    year: &str,
    field: &'static str,
    year_field: &'static str,
    now: DateTime<Utc>,
    errors: &mut Vec<FieldError>,
) -> Option<(i64, i32)> {
    let (value, year) = (value.trim(), year.trim());
    if value.is_empty() && year.is_empty() {
        return None;
    }
    let n = value.replace([',', '.', ' ', '\u{202f}', '\u{a0}', '٬'], "");
    let parsed = n
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=MAX_FIGURE).contains(n));
    if parsed.is_none() {
        errors.push(FieldError {
            field,
            message: "edit-error-figure",
        });
    }
    let y = year_in_range(year, now);
    if y.is_none() {
        errors.push(FieldError {
            field: year_field,
            message: "edit-error-year",
        });
    }
    parsed.zip(y)
}

/// A position: both coordinates or neither, in decimal degrees (a comma
/// taken for the decimal point), latitude within ±90 and longitude within
/// ±180, kept in millionths of a degree.
pub(super) fn position(
    latitude: &str,
    longitude: &str,
    errors: &mut Vec<FieldError>,
) -> Option<(i32, i32)> {
    let (latitude, longitude) = (latitude.trim(), longitude.trim());
    if latitude.is_empty() && longitude.is_empty() {
        return None;
    }
    let lat = degrees(latitude, 90.0);
    let lon = degrees(longitude, 180.0);
    if lat.is_none() {
        errors.push(FieldError {
            field: "latitude",
            message: "edit-error-latitude",
        });
    }
    if lon.is_none() {
        errors.push(FieldError {
            field: "longitude",
            message: "edit-error-longitude",
        });
    }
    lat.zip(lon)
}

/// Decimal degrees within ±`max`, in millionths (rounded).
fn degrees(value: &str, max: f64) -> Option<i32> {
    let value = value.replace('\u{2212}', "-").replace(',', ".");
    let d = value.parse::<f64>().ok().filter(|d| d.is_finite())?;
    (d.abs() <= max).then(|| (d * 1_000_000.0).round() as i32)
}

/// A position in millionths of a degree as a form shows it.
pub fn degrees_text(micro: i32) -> String {
    let sign = if micro < 0 { "-" } else { "" };
    let abs = micro.unsigned_abs();
    let text = format!("{sign}{}.{:06}", abs / 1_000_000, abs % 1_000_000);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A year from 1900 to this year.
pub(super) fn year_in_range(year: &str, now: DateTime<Utc>) -> Option<i32> {
    let this_year = now.format("%Y").to_string().parse::<i32>().unwrap_or(2100);
    year.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=this_year).contains(y))
}

/// An optional year (empty is `None`).
pub(super) fn year(
    value: &str,
    field: &'static str,
    now: DateTime<Utc>,
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    if value.trim().is_empty() {
        return None;
    }
    let y = year_in_range(value, now);
    if y.is_none() {
        errors.push(FieldError {
            field,
            message: "edit-error-year",
        });
    }
    y
}

/// The original language chosen on a form.
pub(super) fn parse_orig(orig: &str, errors: &mut Vec<FieldError>) -> Option<Locale> {
    let orig = orig.parse::<Locale>().ok();
    if orig.is_none() {
        errors.push(FieldError {
            field: "orig",
            message: "edit-error-orig",
        });
    }
    orig
}

pub(super) fn too_long(values: &[(Locale, String)], max: usize) -> bool {
    values.iter().any(|(_, v)| v.trim().chars().count() > max)
}

/// A required name per locale, written at least in the original language.
pub(super) fn parse_name(
    orig: Option<Locale>,
    names: &[(Locale, String)],
    errors: &mut Vec<FieldError>,
) -> Option<TrText> {
    if too_long(names, MAX_NAME) {
        errors.push(FieldError {
            field: "name",
            message: "edit-error-too-long",
        });
    }
    let name = orig.and_then(|o| TrText::from_values(o, names.iter().cloned()).ok());
    if orig.is_some() && name.is_none() {
        errors.push(FieldError {
            field: "name",
            message: "edit-error-name-original",
        });
    }
    name
}

/// An optional longer text per locale (a profile, a description). When
/// given, it keeps the language it was first written in (`kept`, from the
/// stored record) if that language's text is still there, else it is
/// written in the form's original language; so a text whose original
/// differs from the name's is saved unchanged.
pub(super) fn parse_long_text(
    orig: Option<Locale>,
    kept: Option<Locale>,
    values: &[(Locale, String)],
    field: &'static str,
    original_message: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<TrText> {
    if too_long(values, MAX_PROFILE) {
        errors.push(FieldError {
            field,
            message: "edit-error-too-long",
        });
    }
    let orig = orig?;
    if values.iter().all(|(_, v)| v.trim().is_empty()) {
        return None;
    }
    // A stored text keeps the language it was first written in while that
    // language's text is there (saving the form unchanged changes nothing).
    let text = kept
        .and_then(|k| TrText::from_values(k, values.iter().cloned()).ok())
        .or_else(|| TrText::from_values(orig, values.iter().cloned()).ok());
    if text.is_none() {
        errors.push(FieldError {
            field,
            message: original_message,
        });
    }
    text
}

/// Theme ids among the known ones.
pub(super) fn parse_themes(
    themes: &[String],
    known_themes: &[i32],
    errors: &mut Vec<FieldError>,
) -> BTreeSet<i32> {
    let mut out = BTreeSet::new();
    for t in themes {
        match t.parse::<i32>().ok().filter(|id| known_themes.contains(id)) {
            Some(id) => {
                out.insert(id);
            }
            None => errors.push(FieldError {
                field: "themes",
                message: "edit-error-theme",
            }),
        }
    }
    out
}

/// An optional single line of at most `max` characters.
pub(super) fn parse_line(
    value: &str,
    max: usize,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let value = value.trim();
    if value.chars().count() > max {
        errors.push(FieldError {
            field,
            message: "edit-error-too-long",
        });
    }
    (!value.is_empty()).then(|| value.to_owned())
}

/// The address of a new municipality or organisation; whether it is free
/// is decided when saving.
pub(super) fn parse_slug(value: &str, errors: &mut Vec<FieldError>) -> Option<Slug> {
    let slug = Slug::parse(value.trim());
    if slug.is_none() {
        errors.push(FieldError {
            field: "slug",
            message: "edit-error-slug",
        });
    }
    slug
}

/// A country the reference data knows; empty is `None` when `required` is false.
pub(super) fn parse_country(
    value: &str,
    required: bool,
    known_country: &dyn Fn(&str) -> bool,
    errors: &mut Vec<FieldError>,
) -> Result<Option<CountryCode>, ()> {
    let value = value.trim();
    if value.is_empty() && !required {
        return Ok(None);
    }
    match CountryCode::parse(value).filter(|c| known_country(c.as_str())) {
        Some(c) => Ok(Some(c)),
        None => {
            errors.push(FieldError {
                field: "country",
                message: "edit-error-country",
            });
            Err(())
        }
    }
}

pub(super) fn kind_error(errors: &mut Vec<FieldError>) {
    errors.push(FieldError {
        field: "kind",
        message: "edit-error-kind",
    });
}
