//! What the plan forms parse into: typed inputs the changing rules take
//! (the demo loader builds them directly). A form that does not parse
//! returns every field's problem, each with the Fluent id of its message.

use chrono::{Datelike, NaiveDate};

use super::super::StepStatus;
use super::super::error::FieldError;
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};

/// A step as a form gives it.
#[derive(Clone, Debug, PartialEq)]
pub struct StepInput {
    pub title: TrText,
    /// Who carries it, as free text…
    pub owner_text: Option<String>,
    /// …or a municipality of the network.
    pub owner_municipality_id: Option<i32>,
    pub starts_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub status: StepStatus,
    pub percent: u8,
    pub weight: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneInput {
    pub title: TrText,
    pub due_on: NaiveDate,
    pub reached_on: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorInput {
    pub name: TrText,
    pub unit: String,
    pub baseline_value: f64,
    pub baseline_on: NaiveDate,
    pub target_value: f64,
    pub target_on: NaiveDate,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MeasurementInput {
    pub measured_on: NaiveDate,
    pub value: f64,
    pub source: String,
}

/// The problems found so far.
struct Problems(Vec<FieldError>);

impl Problems {
    fn add(&mut self, field: &'static str, message: &'static str) {
        self.0.push(FieldError { field, message });
    }

    /// The value when every field parsed (`value` is `Some` then).
    fn done<T>(self, value: Option<T>) -> Result<T, Vec<FieldError>> {
        match value {
            Some(v) if self.0.is_empty() => Ok(v),
            _ => Err(self.0),
        }
    }
}

/// A translatable text written in `lang`: the stored one with its `lang`
/// value replaced (other languages kept), or a new one.
fn text(
    raw: &RawForm,
    field: &'static str,
    lang: Locale,
    stored: Option<&TrText>,
    p: &mut Problems,
) -> Option<TrText> {
    let typed = raw.get(field).trim();
    if typed.chars().count() > 300 {
        p.add(field, "plan-error-too-long");
        return None;
    }
    match stored {
        Some(t) if t.orig() != lang => {
            let mut t = t.clone();
            t.set(lang, typed);
            Some(t)
        }
        Some(t) if !typed.is_empty() => {
            let mut t = t.clone();
            t.set(lang, typed);
            Some(t)
        }
        None if !typed.is_empty() => TrText::new(lang, typed).ok(),
        _ => {
            p.add(field, "plan-error-required");
            None
        }
    }
}

/// The years a plan's dates may fall in.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2100;

/// A day written `YYYY-MM-DD` (what `<input type="date">` sends).
fn date(raw: &RawForm, field: &'static str, required: bool, p: &mut Problems) -> Option<NaiveDate> {
    let v = raw.get(field).trim();
    if v.is_empty() {
        if required {
            p.add(field, "plan-error-required");
        }
        return None;
    }
    match NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        Ok(d) if (FIRST_YEAR..=LAST_YEAR).contains(&d.year()) => Some(d),
        Ok(_) => {
            p.add(field, "plan-error-year");
            None
        }
        Err(_) => {
            p.add(field, "plan-error-date");
            None
        }
    }
}

/// A number, with a decimal point or comma: digits, at most one separator,
/// an optional leading minus. Refused: thousands grouping ("1,500" would
/// otherwise read 1.5, see [`grouped`]), both separators, exponents.
pub fn number(v: &str) -> Option<f64> {
    let v = v.trim();
    if v.is_empty() || v.len() > 30 || grouped(v) {
        return None;
    }
    let digits = v.strip_prefix('-').unwrap_or(v);
    let separators = digits.chars().filter(|c| matches!(c, '.' | ',')).count();
    let plain = separators <= 1
        && digits.chars().any(|c| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    if !plain {
        return None;
    }
    let n = digits.replace(',', ".").parse::<f64>().ok()?;
    let n = if v.starts_with('-') { -n } else { n };
    // Bounded, so that what an edit form fills back in (`f64::to_string`,
    // never an exponent) stays within the field's 30 characters.
    (n.is_finite() && n.abs() < MAX_MAGNITUDE).then_some(n)
}

/// A stored number as a form shows it, in a way [`number`] reads back:
/// plain digits (no exponent), and a trailing zero when it would look
/// like grouped thousands (4.125 → "4.1250").
pub fn written(n: f64) -> String {
    let s = n.to_string();
    if grouped(&s) { s + "0" } else { s }
}

/// Numbers are below this in absolute value (fifteen integer digits).
pub const MAX_MAGNITUDE: f64 = 1e15;

/// Whether `v` looks like thousands written in groups (`1,500`, `12.000`,
/// `1,234,567`: `^-?[1-9]\d{0,2}([.,]\d{3})+$`; `0,125` is a decimal) or mixes both separators
/// (`1,234.5`): ambiguous between languages, so refused with a message
/// asking for `1500` or `1.5`.
pub fn grouped(v: &str) -> bool {
    let v = v.trim();
    let digits = v.strip_prefix('-').unwrap_or(v);
    if digits.contains('.') && digits.contains(',') {
        return true;
    }
    let mut parts = digits.split(['.', ',']);
    let head = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    (1..=3).contains(&head.len())
        && all_digits(head)
        && !head.starts_with('0')
        && !rest.is_empty()
        && rest.iter().all(|g| g.len() == 3 && all_digits(g))
}

fn value(raw: &RawForm, field: &'static str, p: &mut Problems) -> Option<f64> {
    let v = raw.get(field);
    if v.trim().is_empty() {
        p.add(field, "plan-error-required");
        return None;
    }
    let n = number(v);
    if n.is_none() {
        p.add(
            field,
            if grouped(v) {
                "plan-error-number-grouped"
            } else {
                "plan-error-number"
            },
        );
    }
    n
}

fn plain(raw: &RawForm, field: &'static str, max: usize, p: &mut Problems) -> Option<String> {
    let v = raw.get(field).trim();
    if v.chars().count() > max {
        p.add(field, "plan-error-too-long");
        return None;
    }
    (!v.is_empty()).then(|| v.to_owned())
}

fn ordered(from: Option<NaiveDate>, to: Option<NaiveDate>, field: &'static str, p: &mut Problems) {
    if let (Some(a), Some(b)) = (from, to)
        && b < a
    {
        p.add(field, "plan-error-date-order");
    }
}

/// The step form (`title` in `lang`, `owner_text`, `owner_municipality`,
/// `starts_on`, `due_on`, `status`, `percent`, `weight`), against the
/// stored title when editing and the municipalities one may choose.
pub fn parse_step(
    raw: &RawForm,
    lang: Locale,
    stored: Option<&TrText>,
    municipalities: &[i32],
) -> Result<StepInput, Vec<FieldError>> {
    let mut p = Problems(Vec::new());
    let title = text(raw, "title", lang, stored, &mut p);
    let owner_text = plain(raw, "owner_text", 200, &mut p);
    let owner_municipality_id = match raw.get("owner_municipality").trim() {
        "" => None,
        v => match v.parse::<i32>().ok().filter(|m| municipalities.contains(m)) {
            Some(m) => Some(m),
            None => {
                p.add("owner_municipality", "plan-error-choice");
                None
            }
        },
    };
    let starts_on = date(raw, "starts_on", false, &mut p);
    let due_on = date(raw, "due_on", false, &mut p);
    ordered(starts_on, due_on, "due_on", &mut p);
    let status = StepStatus::from_code(raw.get("status").trim());
    if status.is_none() {
        p.add("status", "plan-error-choice");
    }
    let percent = match raw.get("percent").trim() {
        "" => Some(0),
        v => {
            let n = v.parse::<u8>().ok().filter(|n| *n <= 100);
            if n.is_none() {
                p.add("percent", "plan-error-percent");
            }
            n
        }
    };
    let weight = match raw.get("weight").trim() {
        "" => Some(1),
        v => {
            let n = v.parse::<u32>().ok().filter(|n| *n <= 1000);
            if n.is_none() {
                p.add("weight", "plan-error-weight");
            }
            n
        }
    };
    let input = (|| {
        Some(StepInput {
            title: title?,
            owner_text,
            owner_municipality_id,
            starts_on,
            due_on,
            status: status?,
            percent: percent?,
            weight: weight?,
        })
    })();
    p.done(input)
}

/// The milestone form (`title`, `due_on`, `reached_on`).
pub fn parse_milestone(
    raw: &RawForm,
    lang: Locale,
    stored: Option<&TrText>,
) -> Result<MilestoneInput, Vec<FieldError>> {
    let mut p = Problems(Vec::new());
    let title = text(raw, "title", lang, stored, &mut p);
    let due_on = date(raw, "due_on", true, &mut p);
    let reached_on = date(raw, "reached_on", false, &mut p);
    let input = (|| {
        Some(MilestoneInput {
            title: title?,
            due_on: due_on?,
            reached_on,
        })
    })();
    p.done(input)
}

/// The indicator form (`name`, `unit`, `baseline_value`, `baseline_on`,
/// `target_value`, `target_on`): the target after the baseline, in date
/// and different in value.
pub fn parse_indicator(
    raw: &RawForm,
    lang: Locale,
    stored: Option<&TrText>,
) -> Result<IndicatorInput, Vec<FieldError>> {
    let mut p = Problems(Vec::new());
    let name = text(raw, "name", lang, stored, &mut p);
    let unit = plain(raw, "unit", 40, &mut p);
    if unit.is_none() && !p.0.iter().any(|e| e.field == "unit") {
        p.add("unit", "plan-error-required");
    }
    let baseline_value = value(raw, "baseline_value", &mut p);
    let baseline_on = date(raw, "baseline_on", true, &mut p);
    let target_value = value(raw, "target_value", &mut p);
    let target_on = date(raw, "target_on", true, &mut p);
    ordered(baseline_on, target_on, "target_on", &mut p);
    if let (Some(b), Some(t)) = (baseline_value, target_value)
        && b == t
    {
        p.add("target_value", "plan-error-target-equals-baseline");
    }
    let input = (|| {
        Some(IndicatorInput {
            name: name?,
            unit: unit?,
            baseline_value: baseline_value?,
            baseline_on: baseline_on?,
            target_value: target_value?,
            target_on: target_on?,
        })
    })();
    p.done(input)
}

/// The measurement form (`measured_on`, `value`, `source`).
pub fn parse_measurement(raw: &RawForm) -> Result<MeasurementInput, Vec<FieldError>> {
    let mut p = Problems(Vec::new());
    let measured_on = date(raw, "measured_on", true, &mut p);
    let value = value(raw, "value", &mut p);
    let source = plain(raw, "source", 500, &mut p);
    if source.is_none() && !p.0.iter().any(|e| e.field == "source") {
        p.add("source", "plan-error-required");
    }
    let input = (|| {
        Some(MeasurementInput {
            measured_on: measured_on?,
            value: value?,
            source: source?,
        })
    })();
    p.done(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> RawForm {
        RawForm(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    fn fields(e: Vec<FieldError>) -> Vec<(&'static str, &'static str)> {
        e.into_iter().map(|e| (e.field, e.message)).collect()
    }

    #[test]
    fn a_step_needs_dates_in_order_and_a_percent_up_to_100() {
        let raw = form(&[
            ("title", "Kurs"),
            ("starts_on", "2019-05-01"),
            ("due_on", "2019-04-01"),
            ("status", "in-progress"),
            ("percent", "101"),
            ("weight", "x"),
        ]);
        assert_eq!(
            fields(parse_step(&raw, Locale::De, None, &[]).unwrap_err()),
            [
                ("due_on", "plan-error-date-order"),
                ("percent", "plan-error-percent"),
                ("weight", "plan-error-weight"),
            ]
        );
        let raw = form(&[("title", "Kurs"), ("status", "done"), ("percent", "100")]);
        let s = parse_step(&raw, Locale::De, None, &[]).unwrap();
        assert_eq!((s.status, s.percent, s.weight), (StepStatus::Done, 100, 1));
    }

    #[test]
    fn a_translation_keeps_the_other_languages() {
        let stored = TrText::new(Locale::Tr, "Dil kursu").unwrap();
        let raw = form(&[("title", "Language course"), ("status", "not-started")]);
        let s = parse_step(&raw, Locale::En, Some(&stored), &[]).unwrap();
        assert_eq!(s.title.get(Locale::Tr), Some("Dil kursu"));
        assert_eq!(s.title.get(Locale::En), Some("Language course"));
        // Emptying the original is refused; emptying a translation removes it.
        let empty = form(&[("title", ""), ("status", "not-started")]);
        assert!(parse_step(&empty, Locale::Tr, Some(&stored), &[]).is_err());
        let s = parse_step(&empty, Locale::En, Some(&s.title), &[]).unwrap();
        assert_eq!(s.title.get(Locale::En), None);
    }

    #[test]
    fn an_indicator_needs_a_target_other_than_its_baseline() {
        let raw = form(&[
            ("name", "Waiting weeks"),
            ("unit", "weeks"),
            ("baseline_value", "12"),
            ("baseline_on", "2019-01-01"),
            ("target_value", "12,0"),
            ("target_on", "2018-12-31"),
        ]);
        assert_eq!(
            fields(parse_indicator(&raw, Locale::En, None).unwrap_err()),
            [
                ("target_on", "plan-error-date-order"),
                ("target_value", "plan-error-target-equals-baseline"),
            ]
        );
        let raw = form(&[
            ("measured_on", "2019-13-01"),
            ("value", "1e400"),
            ("source", ""),
        ]);
        assert_eq!(
            fields(parse_measurement(&raw).unwrap_err()),
            [
                ("measured_on", "plan-error-date"),
                ("value", "plan-error-number"),
                ("source", "plan-error-required"),
            ]
        );
        let raw = form(&[
            ("measured_on", "0001-01-01"),
            ("value", "3"),
            ("source", "Census"),
        ]);
        assert_eq!(
            fields(parse_measurement(&raw).unwrap_err()),
            [("measured_on", "plan-error-year")]
        );
        assert_eq!(number("4,5"), Some(4.5));
        assert_eq!(number("NaN"), None);
        assert_eq!(number("-2.25"), Some(-2.25));
        assert_eq!(number("1500"), Some(1500.0));
        assert_eq!(number("12,5"), Some(12.5));
        assert_eq!(number("1e3"), None);
        assert_eq!(number("inf"), None);
        assert_eq!(number("1000000000000000"), None);
    }

    #[test]
    fn a_stored_number_fills_back_into_a_form_that_accepts_it() {
        for v in [
            "999999999999999.9",
            "-999999999999999",
            "0.000000000000000000000000001",
            "123456.7890123456789",
            "0,1",
            "-0",
            "4.1250",
            "-12.5000",
        ] {
            let n = number(v).unwrap_or_else(|| panic!("{v}"));
            let shown = written(n);
            assert!(shown.len() <= 30, "{v} → {shown}");
            assert_eq!(number(&shown), Some(n), "{v} → {shown}");
        }
    }

    #[test]
    fn grouped_thousands_are_refused_not_read_as_decimals() {
        for v in [
            "1,500",
            "1.500",
            "12,000",
            "1,234,567",
            "-1,500",
            "1,234.5",
            "1.234,5",
        ] {
            assert_eq!(number(v), None, "{v}");
            assert!(grouped(v), "{v}");
        }
        for v in ["1500", "1,5", "1.50", "1234,5", "0,125"] {
            assert!(!grouped(v), "{v}");
        }
    }
}
