//! What a practice says: its prose per locale and its facts, the snapshot
//! each save keeps, and the steps of the form that writes it.

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::FromJsonQueryResult;
use serde::{Deserialize, Serialize};

use super::{MAX_SHORT, MAX_SUMMARY, MAX_TEXT, TextField};
use crate::i18n::{Locale, TrText};

impl TextField {
    /// Longest text accepted, in characters.
    pub fn max_len(self) -> usize {
        match self {
            TextField::Summary => MAX_SUMMARY,
            TextField::TargetGroups | TextField::Partners => MAX_SHORT * 5,
            _ => MAX_TEXT,
        }
    }

    /// The form field's name.
    pub fn name(self) -> &'static str {
        match self {
            TextField::Summary => "summary",
            TextField::TargetGroups => "target_groups",
            TextField::Challenge => "challenge",
            TextField::Approach => "approach",
            TextField::Partners => "partners",
            TextField::Results => "results",
            TextField::Lessons => "lessons",
            TextField::Transferability => "transferability",
        }
    }

    /// The Fluent id of its label.
    pub fn label_id(self) -> String {
        format!("practice-field-{}", self.code())
    }
}

/// The parts of a practice not needed to list it, stored as one JSON column.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
#[serde(default)]
pub struct PracticeContent {
    /// Prose, per field and locale.
    pub texts: BTreeMap<TextField, BTreeMap<Locale, String>>,
    pub city: String,
    pub department: String,
    pub contact_name: String,
    pub contact_email: String,
    pub start_year: Option<i32>,
    pub end_year: Option<i32>,
    pub ongoing: bool,
    /// Who presented it, e.g. "Şakir Aktar, External Relations Manager".
    pub presenter: String,
    /// Where it was presented, until events are linked.
    pub presented_at: String,
}

impl PracticeContent {
    pub fn text(&self, field: TextField, locale: Locale) -> Option<&str> {
        self.texts
            .get(&field)
            .and_then(|m| m.get(&locale))
            .map(String::as_str)
    }

    /// The text in the reader's locale, else in the original; and the locale shown.
    pub fn shown(&self, field: TextField, reader: Locale, orig: Locale) -> Option<(&str, Locale)> {
        self.text(field, reader)
            .map(|t| (t, reader))
            .or_else(|| self.text(field, orig).map(|t| (t, orig)))
    }

    pub(super) fn set_text(&mut self, field: TextField, locale: Locale, value: &str) {
        let value = crate::i18n::clean_text(value);
        let entry = self.texts.entry(field).or_default();
        if value.is_empty() {
            entry.remove(&locale);
        } else {
            entry.insert(locale, value);
        }
        if entry.is_empty() {
            self.texts.remove(&field);
        }
    }
}

/// Everything a person edits, as kept in each version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Snapshot {
    pub title: TrText,
    pub municipality_id: Option<i32>,
    pub organisation_id: Option<i32>,
    pub country_code: Option<String>,
    pub themes: BTreeSet<i32>,
    pub content: PracticeContent,
}

impl Snapshot {
    pub fn orig(&self) -> Locale {
        self.title.orig()
    }

    /// `,tr,en,`: the locales the title exists in.
    pub(super) fn langs(&self) -> String {
        let mut s = String::from(",");
        for l in self.title.locales() {
            s.push_str(l.code());
            s.push(',');
        }
        s
    }

    pub(super) fn summary(&self) -> Option<TrText> {
        let values = self.content.texts.get(&TextField::Summary)?;
        TrText::from_values(self.orig(), values.clone()).ok()
    }
}

/// The steps of the "submit a practice" form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Title, who, where, themes, period.
    About,
    /// Challenge, approach, partners.
    Story,
    /// Results, lessons, transferability, where presented.
    Results,
    /// Attachments, and sending for review.
    Finish,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::About, Step::Story, Step::Results, Step::Finish];

    pub fn code(self) -> &'static str {
        match self {
            Step::About => "about",
            Step::Story => "story",
            Step::Results => "results",
            Step::Finish => "finish",
        }
    }

    pub fn from_code(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|st| st.code() == s)
    }

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Step {
        Step::ALL
            .get(self.number())
            .copied()
            .unwrap_or(Step::Finish)
    }

    /// The prose fields this step asks for.
    pub fn text_fields(self) -> &'static [TextField] {
        match self {
            Step::About => &[TextField::Summary, TextField::TargetGroups],
            Step::Story => &[
                TextField::Challenge,
                TextField::Approach,
                TextField::Partners,
            ],
            Step::Results => &[
                TextField::Results,
                TextField::Lessons,
                TextField::Transferability,
            ],
            Step::Finish => &[],
        }
    }
}
