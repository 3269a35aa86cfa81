//! Checks across the form once it is built: references, labels,
//! calculations.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::error::{ErrorKind, FormError, Location};
use crate::form::{self, CHOICES, Default, Form, Kind, SURVEY, Text};

/// `${…}` as pyxform finds it: a closed reference, or an unclosed one at the end.
static REFERENCE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\$\{([^}]+)\}|\$\{[^}]*$").ok());

pub(crate) fn check(form: &Form, errors: &mut Vec<FormError>) {
    let mut names: HashMap<&str, usize> = HashMap::new();
    for (q, _) in form.questions() {
        *names.entry(q.name.as_str()).or_default() += 1;
    }
    for g in form.groups() {
        *names.entry(g.name.as_str()).or_default() += 1;
    }
    let mut refs = |text: &str, loc: Location, errors: &mut Vec<FormError>| {
        references(text, &names, loc, errors);
    };
    for g in form.groups() {
        for t in [&g.label, &g.hint] {
            text_refs(t, SURVEY, g.row, "label", &mut refs, errors);
        }
        if let Some(e) = &g.relevant {
            refs(&e.source, Location::cell(SURVEY, g.row, "relevant"), errors);
        }
    }
    for (q, _) in form.questions() {
        for (col, t) in [
            ("label", &q.label),
            ("hint", &q.hint),
            ("constraint_message", &q.constraint_message),
            ("required_message", &q.required_message),
        ] {
            text_refs(t, SURVEY, q.row, col, &mut refs, errors);
        }
        for (col, e) in [
            ("required", &q.required),
            ("relevant", &q.relevant),
            ("constraint", &q.constraint),
            ("calculation", &q.calculation),
            ("choice_filter", &q.choice_filter),
        ] {
            if let Some(e) = e {
                refs(&e.source, Location::cell(SURVEY, q.row, col), errors);
            }
        }
        match &q.default {
            Some(Default::Dynamic(e)) => {
                refs(&e.source, Location::cell(SURVEY, q.row, "default"), errors)
            }
            Some(Default::Static(s)) => refs(s, Location::cell(SURVEY, q.row, "default"), errors),
            None => {}
        }
        let dynamic_default = matches!(q.default, Some(Default::Dynamic(_)));
        if q.kind == Kind::Calculate && q.calculation.is_none() && !dynamic_default {
            errors.push(FormError::new(
                Location::cell(SURVEY, q.row, "calculation"),
                ErrorKind::NoCalculation,
            ));
        }
        let hidden = q.kind == Kind::Calculate
            || (q.calculation.is_some() && q.label.is_empty() && q.hint.is_empty());
        if !hidden && q.label.is_empty() && q.hint.is_empty() {
            errors.push(FormError::new(
                Location::cell(SURVEY, q.row, "label"),
                ErrorKind::NoLabel {
                    name: q.name.clone(),
                },
            ));
        }
    }
    for list in &form.lists {
        for c in &list.choices {
            text_refs(&c.label, CHOICES, c.row, "label", &mut refs, errors);
        }
    }
}

fn text_refs(
    t: &Text,
    sheet: &str,
    row: usize,
    col: &str,
    refs: &mut impl FnMut(&str, Location, &mut Vec<FormError>),
    errors: &mut Vec<FormError>,
) {
    if let Some(d) = &t.default {
        refs(d, Location::cell(sheet, row, col), errors);
    }
    for (lang, v) in &t.translations {
        refs(
            v,
            Location::cell(sheet, row, &format!("{col}::{lang}")),
            errors,
        );
    }
}

fn references(
    text: &str,
    names: &HashMap<&str, usize>,
    loc: Location,
    errors: &mut Vec<FormError>,
) {
    if !text.contains("${") {
        return;
    }
    let Some(re) = REFERENCE.as_ref() else { return };
    for m in re.captures_iter(text) {
        let Some(inner) = m.get(1) else {
            errors.push(FormError::new(
                loc.clone(),
                ErrorKind::BadReference {
                    text: m[0].to_owned(),
                },
            ));
            continue;
        };
        let inner = inner.as_str();
        if let Some(rest) = inner.strip_prefix("last-saved#")
            && form::is_xml_name(rest)
            && !rest.contains(':')
        {
            errors.push(FormError::new(
                loc.clone(),
                ErrorKind::NotSupported {
                    feature: "`${last-saved#…}` references".into(),
                },
            ));
            continue;
        }
        if !form::is_xml_name(inner) || inner.contains(':') {
            errors.push(FormError::new(
                loc.clone(),
                ErrorKind::BadReference {
                    text: m[0].to_owned(),
                },
            ));
            continue;
        }
        match names.get(inner) {
            None => errors.push(FormError::new(
                loc.clone(),
                ErrorKind::UnknownReference {
                    name: inner.to_owned(),
                },
            )),
            Some(n) if *n > 1 => errors.push(FormError::new(
                loc.clone(),
                ErrorKind::AmbiguousReference {
                    name: inner.to_owned(),
                },
            )),
            Some(_) => {}
        }
    }
}
