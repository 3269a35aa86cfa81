//! A form cut into the pages a respondent fills one after another, and one
//! page as a person sees it (labels in their language, what they typed,
//! the message beside a refused answer). Pure: no storage, no HTTP.
//!
//! Each top-level group is one page (groups inside it are headings on that
//! page); questions outside any group are gathered into pages of their own,
//! in form order. A page none of whose questions is relevant is skipped.

use std::collections::BTreeMap;

use majlis_xlsform::{Evaluation, Form, Group, Item, Kind, Question, Text};

/// A page of the form: the group it shows (if any) and its entries.
#[derive(Debug)]
pub struct FormPage<'a> {
    pub group: Option<&'a Group>,
    pub entries: Vec<Entry<'a>>,
}

#[derive(Debug)]
pub enum Entry<'a> {
    /// A group inside the page's group: a heading before its questions.
    Heading(&'a Group),
    Question(&'a Question),
}

impl FormPage<'_> {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.entries.iter().filter_map(|e| match e {
            Entry::Question(q) => Some(*q),
            Entry::Heading(_) => None,
        })
    }

    /// Whether a respondent sees this page: one of its questions is
    /// relevant (a calculation alone does not make a page).
    pub fn shown(&self, eval: &Evaluation) -> bool {
        self.questions()
            .any(|q| q.kind != Kind::Calculate && eval.relevant.get(&q.name) != Some(&false))
    }
}

/// The form's pages, in order.
pub fn pages(form: &Form) -> Vec<FormPage<'_>> {
    let mut out: Vec<FormPage<'_>> = Vec::new();
    let mut loose: Vec<Entry<'_>> = Vec::new();
    for item in &form.items {
        match item {
            Item::Question(q) => loose.push(Entry::Question(q)),
            Item::Group(g) => {
                if !loose.is_empty() {
                    out.push(FormPage {
                        group: None,
                        entries: std::mem::take(&mut loose),
                    });
                }
                let mut entries = Vec::new();
                flatten(&g.items, &mut entries);
                out.push(FormPage {
                    group: Some(g),
                    entries,
                });
            }
        }
    }
    if !loose.is_empty() {
        out.push(FormPage {
            group: None,
            entries: loose,
        });
    }
    out
}

fn flatten<'a>(items: &'a [Item], out: &mut Vec<Entry<'a>>) {
    for item in items {
        match item {
            Item::Question(q) => out.push(Entry::Question(q)),
            Item::Group(g) => {
                out.push(Entry::Heading(g));
                flatten(&g.items, out);
            }
        }
    }
}

/// The first shown page at or after `from`, if any.
pub fn next_shown(pages: &[FormPage<'_>], eval: &Evaluation, from: usize) -> Option<usize> {
    (from..pages.len()).find(|&i| pages[i].shown(eval))
}

/// The last shown page before `before`, if any.
pub fn previous_shown(pages: &[FormPage<'_>], eval: &Evaluation, before: usize) -> Option<usize> {
    (0..before.min(pages.len()))
        .rev()
        .find(|&i| pages[i].shown(eval))
}

/// The page holding a question.
pub fn page_of(pages: &[FormPage<'_>], name: &str) -> Option<usize> {
    pages
        .iter()
        .position(|p| p.questions().any(|q| q.name == name))
}

/// What kind of input a question shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Text,
    Whole,
    Number,
    Date,
    One,
    Many,
    Range { min: f64, max: f64, step: f64 },
    Acknowledge,
    Note,
}

/// A choice as shown: its name, label, and whether it is picked.
#[derive(Clone, Debug)]
pub struct ShownChoice {
    pub name: String,
    pub label: String,
    pub picked: bool,
}

/// A heading or a question as the page shows it.
#[derive(Clone, Debug)]
pub struct ShownEntry {
    /// A group heading (only `label` and `hint` are used).
    pub heading: bool,
    pub name: String,
    pub input: Input,
    pub label: String,
    pub hint: String,
    pub required: bool,
    pub value: String,
    pub choices: Vec<ShownChoice>,
    pub error: Option<String>,
}

/// How the page speaks: the form language chosen, and today's date for
/// expressions.
pub struct Speech<'a> {
    pub language: Option<&'a str>,
    pub today: chrono::NaiveDate,
}

fn text(t: &Text, form: &Form, speech: &Speech<'_>, values: &BTreeMap<String, String>) -> String {
    t.get(speech.language, form)
        .map(|s| majlis_xlsform::answers::interpolate(s, values))
        .unwrap_or_default()
}

/// The page as shown: relevant questions only, with `typed` (what the person
/// typed, or what was saved) as values, and `problems` beside their question.
pub fn show(
    form: &Form,
    page: &FormPage<'_>,
    eval: &Evaluation,
    typed: &BTreeMap<String, String>,
    problems: &BTreeMap<String, String>,
    speech: &Speech<'_>,
) -> Vec<ShownEntry> {
    let ctx = majlis_xlsform::Context {
        language: speech.language,
        today: speech.today,
    };
    let mut out = Vec::new();
    for entry in &page.entries {
        match entry {
            Entry::Heading(g) => {
                if eval.relevant.get(&g.name) == Some(&false) {
                    continue;
                }
                out.push(ShownEntry {
                    heading: true,
                    name: g.name.clone(),
                    input: Input::Note,
                    label: text(&g.label, form, speech, &eval.values),
                    hint: text(&g.hint, form, speech, &eval.values),
                    required: false,
                    value: String::new(),
                    choices: Vec::new(),
                    error: None,
                });
            }
            Entry::Question(q) => {
                if q.kind == Kind::Calculate || eval.relevant.get(&q.name) == Some(&false) {
                    continue;
                }
                let value = typed
                    .get(&q.name)
                    .or_else(|| eval.values.get(&q.name))
                    .cloned()
                    .unwrap_or_default();
                let picked: Vec<&str> = value.split_whitespace().collect();
                let input = match &q.kind {
                    Kind::Text | Kind::Calculate => Input::Text,
                    Kind::Integer => Input::Whole,
                    Kind::Decimal => Input::Number,
                    Kind::Date => Input::Date,
                    Kind::SelectOne { .. } => Input::One,
                    Kind::SelectMultiple { .. } => Input::Many,
                    Kind::Range { start, end, step } => Input::Range {
                        min: start.min(*end),
                        max: start.max(*end),
                        step: *step,
                    },
                    Kind::Acknowledge => Input::Acknowledge,
                    Kind::Note => Input::Note,
                };
                let choices = form
                    .choices_for(q, &eval.values, &ctx)
                    .into_iter()
                    .map(|c| ShownChoice {
                        name: c.name.clone(),
                        label: text(&c.label, form, speech, &eval.values),
                        picked: picked.contains(&c.name.as_str()),
                    })
                    .collect();
                out.push(ShownEntry {
                    heading: false,
                    name: q.name.clone(),
                    input,
                    label: text(&q.label, form, speech, &eval.values),
                    hint: text(&q.hint, form, speech, &eval.values),
                    required: q.required.is_some(),
                    value,
                    choices,
                    error: problems.get(&q.name).cloned(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORM: &str = "\
| survey |
| | type | name | label | relevant |
| | integer | intro | Residents | |
| | begin_group | g1 | First | |
| | select_one yn | tense | Tensions? | |
| | begin_group | inner | Inner | |
| | text | why | Why? | ${tense} = 'yes' |
| | end_group | | | |
| | end_group | | | |
| | begin_group | g2 | Second | ${intro} > 10 |
| | text | more | More | |
| | end_group | | | |
| | note | bye | Thanks | |
| choices |
| | list_name | name | label |
| | yn | yes | Yes |
| | yn | no | No |
";

    #[test]
    fn groups_are_pages_and_loose_questions_gather() {
        let form = Form::from_markdown(FORM).expect("valid form");
        let p = pages(&form);
        assert_eq!(p.len(), 4);
        assert!(p[0].group.is_none());
        assert_eq!(p[1].group.map(|g| g.name.as_str()), Some("g1"));
        assert_eq!(
            p[1].questions().count(),
            2,
            "the inner group's question is on g1's page"
        );
        assert_eq!(page_of(&p, "why"), Some(1));
        assert_eq!(page_of(&p, "bye"), Some(3));
    }

    #[test]
    fn pages_whose_questions_are_not_relevant_are_skipped() {
        let form = Form::from_markdown(FORM).expect("valid form");
        let p = pages(&form);
        let ctx = majlis_xlsform::Context {
            language: None,
            today: chrono::NaiveDate::from_ymd_opt(2016, 5, 1).expect("date"),
        };
        let few = form.evaluate(&[("intro".to_owned(), "3".to_owned())].into(), &ctx);
        assert_eq!(next_shown(&p, &few, 2), Some(3), "g2 is skipped");
        let many = form.evaluate(&[("intro".to_owned(), "30".to_owned())].into(), &ctx);
        assert_eq!(next_shown(&p, &many, 2), Some(2));
        assert_eq!(previous_shown(&p, &few, 3), Some(1));
        let speech = Speech {
            language: None,
            today: ctx.today,
        };
        let shown = show(
            &form,
            &p[1],
            &few,
            &BTreeMap::new(),
            &BTreeMap::new(),
            &speech,
        );
        assert_eq!(
            shown.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
            vec!["tense", "inner"],
            "`why` is hidden until tensions are `yes`"
        );
    }
}
