//! Versions compared field by field, prose word by word.

use super::TextField;
use super::content::{PracticeContent, Snapshot};
use crate::i18n::Locale;

/// One changed value between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Fluent id of the field's label.
    pub label: String,
    pub locale: Option<Locale>,
    pub parts: Vec<DiffPart>,
}

/// A run of words: kept, removed or added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffKind {
    Same,
    Removed,
    Added,
}

pub(super) fn word_diff(before: &str, after: &str) -> Vec<DiffPart> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(before, after);
    let mut parts: Vec<DiffPart> = Vec::new();
    for c in diff.iter_all_changes() {
        let kind = match c.tag() {
            ChangeTag::Equal => DiffKind::Same,
            ChangeTag::Delete => DiffKind::Removed,
            ChangeTag::Insert => DiffKind::Added,
        };
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(c.value()),
            _ => parts.push(DiffPart {
                kind,
                text: c.value().to_owned(),
            }),
        }
    }
    parts
}

/// What changed from `a` to `b`, field by field and locale by locale.
pub fn compare(a: &Snapshot, b: &Snapshot) -> Vec<Change> {
    let mut changes = Vec::new();
    let mut push = |label: String, locale: Option<Locale>, x: &str, y: &str| {
        if x != y {
            changes.push(Change {
                label,
                locale,
                parts: word_diff(x, y),
            });
        }
    };
    for l in Locale::ALL {
        push(
            "practice-field-title".into(),
            Some(l),
            a.title.get(l).unwrap_or_default(),
            b.title.get(l).unwrap_or_default(),
        );
    }
    let id = |x: Option<i32>| x.map(|v| v.to_string()).unwrap_or_default();
    push(
        "practice-field-owner".into(),
        None,
        &format!("{}{}", id(a.municipality_id), id(a.organisation_id)),
        &format!("{}{}", id(b.municipality_id), id(b.organisation_id)),
    );
    push(
        "practice-field-country".into(),
        None,
        a.country_code.as_deref().unwrap_or_default(),
        b.country_code.as_deref().unwrap_or_default(),
    );
    let themes = |s: &Snapshot| {
        s.themes
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(" ")
    };
    push("practice-field-themes".into(), None, &themes(a), &themes(b));
    let (ca, cb) = (&a.content, &b.content);
    for (label, x, y) in [
        ("city", &ca.city, &cb.city),
        ("department", &ca.department, &cb.department),
        ("contact-name", &ca.contact_name, &cb.contact_name),
        ("contact-email", &ca.contact_email, &cb.contact_email),
        ("presenter", &ca.presenter, &cb.presenter),
        ("presented-at", &ca.presented_at, &cb.presented_at),
    ] {
        push(format!("practice-field-{label}"), None, x, y);
    }
    let period =
        |c: &PracticeContent| format!("{} {} {}", id(c.start_year), id(c.end_year), c.ongoing);
    push(
        "practice-field-period".into(),
        None,
        &period(ca),
        &period(cb),
    );
    for f in TextField::ALL {
        for l in Locale::ALL {
            push(
                f.label_id(),
                Some(l),
                ca.text(*f, l).unwrap_or_default(),
                cb.text(*f, l).unwrap_or_default(),
            );
        }
    }
    changes
}
