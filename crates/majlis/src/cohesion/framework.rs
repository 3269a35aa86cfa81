//! A framework's definition: domains → indicators → items, each item tied
//! to a question of the resident perception survey (by the form's question
//! name), with its direction, scale, weight and the instrument it comes
//! from. Stored whole as JSON in `cohesion_framework.definition`; written
//! in TOML for the frameworks the network ships (`demo/cohesion/`).
//!
//! The questionnaire is built from the definition
//! ([`Definition::questionnaire`]): an XLSForm (markdown tables) that the
//! surveys activity takes like any uploaded form, one page per domain, the
//! item texts as labels in every language the framework gives.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{Direction, Scale};
use crate::i18n::{Locale, TrText};

/// What a framework measures and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// The question whose answer is the respondent's stratum (host
    /// resident, refugee…), used when a wave gives stratum weights.
    pub stratum: Stratum,
    /// Shown at the top of the questionnaire.
    pub intro: TrText,
    pub domain: Vec<Domain>,
    /// The answers offered for each scale in the questionnaire, as the
    /// framework's file gives them (stored with the definition; frameworks
    /// stored before carry none and use [`default_scales`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scale: Vec<ScaleChoices>,
    /// The municipal questionnaire (frameworks stored before carry none
    /// and use the shipped framework's: [`Definition::municipal_or_shipped`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipal: Option<Municipal>,
}

/// The second instrument: a questionnaire the municipality's focal point
/// answers once a wave about its policies, services and data, in the style
/// of the Intercultural Cities Index questionnaire: each question answered
/// yes, partly or no (scored 100, 50 and 0 as MIPEX scores its
/// indicators), each citing the instrument it follows. Evidence (a
/// document) can be attached to any answer (`cohesion::evidence`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Municipal {
    /// Shown at the top of the questionnaire; its locales are the form's.
    pub intro: TrText,
    /// The answers offered (`yes`, `partly`, `no`), with their labels.
    pub choice: Vec<Choice>,
    pub section: Vec<MunicipalSection>,
}

/// A page of the municipal questionnaire (policies, services, data).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalSection {
    pub key: String,
    pub name: TrText,
    pub question: Vec<MunicipalQuestion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MunicipalQuestion {
    /// The question's name in the municipal questionnaire's form.
    pub question: String,
    pub text: TrText,
    /// The instrument the question follows (ICC Index, MIPEX…).
    pub instrument: String,
}

impl Municipal {
    pub fn questions(&self) -> impl Iterator<Item = (&MunicipalSection, &MunicipalQuestion)> {
        self.section
            .iter()
            .flat_map(|s| s.question.iter().map(move |q| (s, q)))
    }

    /// The municipal questionnaire as an XLSForm in markdown tables: one
    /// page per section, every question a required `select_one` of the
    /// answers, labels in each locale the introduction is written in.
    pub fn questionnaire(&self) -> String {
        let (locales, heads, mut out) = sheet_start(&self.intro);
        let labels = |t: Option<&TrText>| label_cells(&locales, t);
        for (k, s) in self.section.iter().enumerate() {
            let _ = writeln!(
                out,
                "|  | begin_group | {} |{} | field-list |",
                s.key,
                labels(Some(&s.name))
            );
            if k == 0 {
                let _ = writeln!(out, "|  | note | intro |{} | |", labels(Some(&self.intro)));
            }
            for q in &s.question {
                let _ = writeln!(
                    out,
                    "|  | select_one {MUNICIPAL_LIST} | {} |{} yes | |",
                    q.question,
                    labels(Some(&q.text))
                );
            }
            let _ = writeln!(out, "|  | end_group | |{} | |", labels(None));
        }
        out.push_str("| choices |\n");
        let _ = writeln!(out, "|  | list_name | name |{heads}");
        for c in &self.choice {
            let _ = writeln!(
                out,
                "|  | {MUNICIPAL_LIST} | {} |{}",
                c.name,
                labels(Some(&c.label))
            );
        }
        out
    }
}

/// The choice list of the municipal questionnaire's answers.
const MUNICIPAL_LIST: &str = "yes_partly_no";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stratum {
    pub question: String,
    /// The title of the questionnaire's first page.
    pub page: TrText,
    pub label: TrText,
    pub choice: Vec<Choice>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub name: String,
    pub label: TrText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub key: String,
    pub name: TrText,
    pub weight: f64,
    pub indicator: Vec<Indicator>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub key: String,
    pub name: TrText,
    pub weight: f64,
    pub item: Vec<Item>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The question's name in the resident survey's form.
    pub question: String,
    /// The statement or question as respondents read it.
    pub text: TrText,
    pub direction: Direction,
    pub scale: Scale,
    pub weight: f64,
    /// The instrument the item comes from (SCORE, ARK tension monitoring…).
    pub instrument: String,
}

/// A framework as written in its TOML file: the network ships one
/// (`demo/cohesion/framework-v1.toml`), coordinators add others
/// (`cohesion::frameworks`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkFile {
    pub slug: String,
    pub version: i32,
    pub title: TrText,
    pub description: TrText,
    pub scale: Vec<ScaleChoices>,
    pub definition: Definition,
}

impl FrameworkFile {
    /// The questionnaire as an XLSForm (markdown tables).
    pub fn questionnaire(&self) -> String {
        self.definition.questionnaire(&self.scale)
    }
}

/// The framework the network ships, as its file is written.
pub const SHIPPED: &str = include_str!("../demo/cohesion/framework-v1.toml");

/// The answers the shipped framework offers for each scale: what a stored
/// definition without its own scales is asked with.
pub fn default_scales() -> Vec<ScaleChoices> {
    toml::from_str::<FrameworkFile>(SHIPPED)
        .map(|f| f.scale)
        .unwrap_or_default()
}

/// Why a definition is refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum DefinitionError {
    #[error("{0}: a key or question name may use only a-z, 0-9 and _ (1 to 60 characters)")]
    BadName(String),
    #[error("{0} is used twice")]
    Duplicate(String),
    #[error("{0}: a weight must be a positive number")]
    BadWeight(String),
    #[error("{0} has nothing in it")]
    Empty(String),
}

fn name_ok(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Definition {
    /// Keys and question names well formed and unique, weights positive,
    /// nothing empty.
    pub fn check(&self) -> Result<(), DefinitionError> {
        let mut seen = BTreeSet::new();
        let mut name = |s: &str| {
            if !name_ok(s) {
                Err(DefinitionError::BadName(s.to_owned()))
            } else if !seen.insert(s.to_owned()) {
                Err(DefinitionError::Duplicate(s.to_owned()))
            } else {
                Ok(())
            }
        };
        let weight = |w: f64, what: &str| {
            if w.is_finite() && w > 0.0 {
                Ok(())
            } else {
                Err(DefinitionError::BadWeight(what.to_owned()))
            }
        };
        name(&self.stratum.question)?;
        if self.domain.is_empty() {
            return Err(DefinitionError::Empty("the framework".into()));
        }
        for d in &self.domain {
            name(&d.key)?;
            weight(d.weight, &d.key)?;
            if d.indicator.is_empty() {
                return Err(DefinitionError::Empty(d.key.clone()));
            }
            for i in &d.indicator {
                name(&i.key)?;
                weight(i.weight, &i.key)?;
                if i.item.is_empty() {
                    return Err(DefinitionError::Empty(i.key.clone()));
                }
                for it in &i.item {
                    name(&it.question)?;
                    weight(it.weight, &it.question)?;
                }
            }
        }
        // The municipal questionnaire is a form of its own: its names are
        // unique among themselves.
        if let Some(m) = &self.municipal {
            let mut seen = BTreeSet::new();
            if m.section.is_empty() || m.choice.is_empty() {
                return Err(DefinitionError::Empty("the municipal questionnaire".into()));
            }
            for s in &m.section {
                if s.question.is_empty() {
                    return Err(DefinitionError::Empty(s.key.clone()));
                }
                let names = std::iter::once(&s.key).chain(s.question.iter().map(|q| &q.question));
                for n in names {
                    if !name_ok(n) {
                        return Err(DefinitionError::BadName(n.clone()));
                    }
                    if !seen.insert(n.clone()) {
                        return Err(DefinitionError::Duplicate(n.clone()));
                    }
                }
            }
        }
        Ok(())
    }

    /// The municipal questionnaire of this framework, or the shipped
    /// framework's for a definition stored without one.
    pub fn municipal_or_shipped(&self) -> Option<Municipal> {
        self.municipal.clone().or_else(|| {
            toml::from_str::<FrameworkFile>(SHIPPED)
                .ok()
                .and_then(|f| f.definition.municipal)
        })
    }

    pub fn indicators(&self) -> impl Iterator<Item = (&Domain, &Indicator)> {
        self.domain
            .iter()
            .flat_map(|d| d.indicator.iter().map(move |i| (d, i)))
    }

    pub fn items(&self) -> impl Iterator<Item = (&Indicator, &Item)> {
        self.indicators()
            .flat_map(|(_, i)| i.item.iter().map(move |it| (i, it)))
    }

    /// The questionnaire as an XLSForm in markdown tables: the stratum
    /// question and one page per domain, every item a `select_one` of its
    /// scale (with "don't know", never scored), labels in each locale the
    /// framework's introduction is written in.
    /// The questionnaire with the definition's own scales, or the shipped
    /// framework's when it has none.
    pub fn own_questionnaire(&self) -> String {
        if self.scale.is_empty() {
            self.questionnaire(&default_scales())
        } else {
            self.questionnaire(&self.scale)
        }
    }

    pub fn questionnaire(&self, scales: &[ScaleChoices]) -> String {
        let (locales, heads, mut out) = sheet_start(&self.intro);
        let labels = |t: Option<&TrText>| label_cells(&locales, t);
        let mut row =
            |kind: &str, name: &str, label: Option<&TrText>, required: &str, appearance: &str| {
                let _ = writeln!(
                    out,
                    "|  | {kind} | {name} |{} {required} | {appearance} |",
                    labels(label)
                );
            };
        row(
            "begin_group",
            "about",
            Some(&self.stratum.page),
            "",
            "field-list",
        );
        row("note", "intro", Some(&self.intro), "", "");
        let q = &self.stratum.question;
        row(
            &format!("select_one {q}"),
            q,
            Some(&self.stratum.label),
            "yes",
            "",
        );
        row("end_group", "", None, "", "");
        for d in &self.domain {
            row("begin_group", &d.key, Some(&d.name), "", "field-list");
            for i in &d.indicator {
                for it in &i.item {
                    let list = format!("select_one {}", list_name(it.scale));
                    row(&list, &it.question, Some(&it.text), "", "");
                }
            }
            row("end_group", "", None, "", "");
        }
        out.push_str("| choices |\n");
        let _ = writeln!(out, "|  | list_name | name |{heads}");
        let lists = std::iter::once((q.clone(), &self.stratum.choice))
            .chain(scales.iter().map(|s| (list_name(s.scale), &s.choice)));
        for (list, choices) in lists {
            for c in choices {
                let _ = writeln!(out, "|  | {list} | {} |{}", c.name, labels(Some(&c.label)));
            }
        }
        out
    }
}

/// The choice list of a scale in the questionnaire.
fn list_name(s: Scale) -> String {
    s.code().replace('-', "_")
}

/// Language names as XLSForm columns write them (`label::Arabic (ar)`).
/// The locales a questionnaire is written in (those of its introduction),
/// the label columns' headings (one per locale; the choices sheet has them
/// too), and the survey sheet's heading rows.
fn sheet_start(intro: &TrText) -> (Vec<Locale>, String, String) {
    let locales: Vec<Locale> = Locale::ALL
        .iter()
        .copied()
        .filter(|l| intro.get(*l).is_some())
        .collect();
    let heads: String = locales
        .iter()
        .map(|l| format!(" label::{} ({}) |", language_name(*l), l.code()))
        .collect();
    let mut out = String::from("| survey |\n");
    let _ = writeln!(out, "|  | type | name |{heads} required | appearance |");
    (locales, heads, out)
}

/// One label cell per locale of `locales` (empty cells without a label).
fn label_cells(locales: &[Locale], t: Option<&TrText>) -> String {
    locales
        .iter()
        .map(|l| match t {
            Some(t) => format!(" {} |", clean(t.get(*l).unwrap_or(t.original()))),
            None => " |".to_owned(),
        })
        .collect()
}

fn language_name(l: Locale) -> &'static str {
    match l {
        Locale::En => "English",
        Locale::Ar => "Arabic",
        Locale::Tr => "Turkish",
        Locale::Fr => "French",
        Locale::De => "German",
    }
}

/// The answers offered for a scale in the questionnaire.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleChoices {
    pub scale: Scale,
    pub choice: Vec<Choice>,
}

/// Text fit for a markdown table cell.
fn clean(s: &str) -> String {
    s.replace(['|', '\n', '\r'], " ")
}

/// What makes an indicator's score comparable with another's: its items'
/// questions, directions, scales and weights. A new framework version that
/// changes any of them makes the indicator not comparable across versions.
pub fn fingerprint(i: &Indicator) -> String {
    let mut parts: Vec<String> = i
        .item
        .iter()
        .map(|it| {
            format!(
                "{}:{}:{}:{}",
                it.question,
                it.direction.code(),
                it.scale.code(),
                it.weight
            )
        })
        .collect();
    parts.sort();
    parts.join(",")
}

/// A domain is comparable when its indicators (keys, weights and
/// fingerprints) are the same.
pub fn domain_fingerprint(d: &Domain) -> String {
    let mut parts: Vec<String> = d
        .indicator
        .iter()
        .map(|i| format!("{}*{}[{}]", i.key, i.weight, fingerprint(i)))
        .collect();
    parts.sort();
    parts.join(";")
}

/// The index is comparable when its domains are.
pub fn index_fingerprint(def: &Definition) -> String {
    let mut parts: Vec<String> = def
        .domain
        .iter()
        .map(|d| format!("{}*{}{{{}}}", d.key, d.weight, domain_fingerprint(d)))
        .collect();
    parts.sort();
    parts.join("|")
}
