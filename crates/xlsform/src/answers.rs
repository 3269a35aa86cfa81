//! Evaluating a form against answers: what is relevant, what calculations
//! give, which constraints fail and which required answers are missing.
//! The server runs this after each page; it always has the last word.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;

use crate::expr::eval::{number_string, parse_date};
use crate::expr::{Env, Node, Value, evaluate};
use crate::form::{Choice, Default, Form, Group, Kind, Question};

/// Answers as ODK submissions carry them: text per question name
/// (`select_multiple` as space-separated choice names, dates `YYYY-MM-DD`).
pub type Answers = BTreeMap<String, String>;

/// A refused answer, with the form's own message in the chosen language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConstraintError {
    pub name: String,
    pub row: usize,
    pub message: String,
    /// What is wrong, so an application can say it in its own words when
    /// the message is not the form's own.
    pub problem: Problem,
}

/// Why an answer was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not a whole number (`integer`).
    NotWhole,
    /// Not a number (`decimal`, `range`).
    NotNumber,
    /// Not a date `YYYY-MM-DD`.
    NotDate,
    /// Outside a `range` or off its step.
    OutOfRange,
    /// More than one choice for a `select_one`.
    TooManyChoices,
    /// A choice the question does not offer (after its `choice_filter`).
    NotAChoice,
    /// The question's `constraint` failed; `own_message` tells whether the
    /// message is the form's `constraint_message` (else a generic one).
    Constraint { own_message: bool },
}

/// The result of [`evaluate_form`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    /// Every question and group by name: shown (true) or skipped.
    pub relevant: BTreeMap<String, bool>,
    /// The value of every `calculate` question ("" when not relevant).
    pub calculated: BTreeMap<String, String>,
    pub constraint_errors: Vec<ConstraintError>,
    /// Relevant required questions left without an answer, in form order.
    pub required_missing: Vec<String>,
    /// The answers with defaults filled and skipped questions emptied.
    pub values: BTreeMap<String, String>,
}

/// Options of an evaluation.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// Language name or code for messages (else the form's default).
    pub language: Option<&'a str>,
    pub today: NaiveDate,
}

struct Scope<'a> {
    form: &'a Form,
    kinds: &'a HashMap<&'a str, &'a Question>,
    values: &'a HashMap<&'a str, Value>,
    current: Value,
    choice: Option<&'a Choice>,
    ctx: &'a Context<'a>,
}

impl Env for Scope<'_> {
    fn reference(&self, name: &str) -> Value {
        self.values
            .get(name)
            .cloned()
            .unwrap_or(Value::Str(String::new()))
    }
    fn current(&self) -> Value {
        self.current.clone()
    }
    fn property(&self, name: &str) -> Value {
        let Some(c) = self.choice else {
            return Value::Str(String::new());
        };
        Value::Str(match name {
            "name" => c.name.clone(),
            "label" => c
                .label
                .get(self.ctx.language, self.form)
                .unwrap_or("")
                .to_owned(),
            other => c.properties.get(other).cloned().unwrap_or_default(),
        })
    }
    fn choice_label(&self, question: &str, choice: &str) -> Option<String> {
        let q = self.kinds.get(question)?;
        let list = match &q.kind {
            Kind::SelectOne { list } | Kind::SelectMultiple { list } => list,
            _ => return None,
        };
        let c = self
            .form
            .list(list)?
            .choices
            .iter()
            .find(|c| c.name == choice)?;
        c.label.get(self.ctx.language, self.form).map(str::to_owned)
    }
    fn today(&self) -> NaiveDate {
        self.ctx.today
    }
}

/// The typed value of an answer: numbers for numeric questions, dates for
/// dates, text otherwise (an answer that does not fit stays text).
fn typed(kind: &Kind, text: &str) -> Value {
    let t = text.trim();
    if t.is_empty() {
        return Value::Str(String::new());
    }
    match kind {
        Kind::Integer | Kind::Decimal | Kind::Range { .. } => t
            .parse::<f64>()
            .map_or_else(|_| Value::Str(text.to_owned()), Value::Num),
        Kind::Date => parse_date(t).map_or_else(|| Value::Str(text.to_owned()), Value::Date),
        _ => Value::Str(text.to_owned()),
    }
}

impl Form {
    /// Evaluates the form against `answers`. Answers to unknown names are
    /// ignored; questions without an answer take their default.
    pub fn evaluate(&self, answers: &Answers, ctx: &Context<'_>) -> Evaluation {
        evaluate_form(self, answers, ctx)
    }

    /// The choices a select question offers, after its `choice_filter`.
    pub fn choices_for<'a>(
        &'a self,
        question: &Question,
        values: &BTreeMap<String, String>,
        ctx: &Context<'_>,
    ) -> Vec<&'a Choice> {
        let list = match &question.kind {
            Kind::SelectOne { list } | Kind::SelectMultiple { list } => list,
            _ => return Vec::new(),
        };
        let Some(list) = self.list(list) else {
            return Vec::new();
        };
        let questions = self.questions();
        let kinds: HashMap<&str, &Question> = questions
            .iter()
            .map(|(q, _)| (q.name.as_str(), *q))
            .collect();
        let typed_values: HashMap<&str, Value> = values
            .iter()
            .map(|(k, v)| {
                let value = kinds
                    .get(k.as_str())
                    .map_or(Value::Str(v.clone()), |q| typed(&q.kind, v));
                (k.as_str(), value)
            })
            .collect();
        filter_choices(self, question, &list.choices, &kinds, &typed_values, ctx)
    }
}

fn filter_choices<'a>(
    form: &Form,
    question: &Question,
    choices: &'a [Choice],
    kinds: &HashMap<&str, &Question>,
    values: &HashMap<&str, Value>,
    ctx: &Context<'_>,
) -> Vec<&'a Choice> {
    let Some(filter) = &question.choice_filter else {
        return choices.iter().collect();
    };
    choices
        .iter()
        .filter(|c| {
            let scope = Scope {
                form,
                kinds,
                values,
                current: Value::Str(String::new()),
                choice: Some(c),
                ctx,
            };
            evaluate(&filter.node, &scope).to_bool()
        })
        .collect()
}

/// See [`Form::evaluate`].
pub fn evaluate_form(form: &Form, answers: &Answers, ctx: &Context<'_>) -> Evaluation {
    let questions = form.questions();
    let kinds: HashMap<&str, &Question> = questions
        .iter()
        .map(|(q, _)| (q.name.as_str(), *q))
        .collect();
    // Every group with the groups around it (outermost first).
    let groups = form.groups_with_paths();

    // Answers as given, defaults where none was given (a dynamic default
    // sees the answers given and the defaults before it).
    let mut values: HashMap<&str, Value> = HashMap::with_capacity(questions.len());
    for (q, _) in &questions {
        if let Some(a) = answers.get(&q.name) {
            values.insert(q.name.as_str(), typed(&q.kind, a));
        }
    }
    for (q, _) in &questions {
        if answers.contains_key(&q.name) {
            continue;
        }
        match &q.default {
            Some(Default::Static(s)) => {
                values.insert(q.name.as_str(), typed(&q.kind, s));
            }
            Some(Default::Dynamic(e)) => {
                let v = eval_in(
                    form,
                    &kinds,
                    &values,
                    ctx,
                    &e.node,
                    Value::Str(String::new()),
                );
                values.insert(q.name.as_str(), typed(&q.kind, &v.to_text()));
            }
            None => {}
        }
    }

    // Relevance and calculations depend on each other; settle them by
    // passes until nothing changes (a form of n questions needs at most n).
    let mut relevant: HashMap<&str, bool> = HashMap::new();
    let base = values.clone();
    let passes = questions.len() + groups.len() + 2;
    // Calculations in form order (a repeated sweep settles their order).
    let calcs: Vec<&Question> = questions
        .iter()
        .map(|(q, _)| *q)
        .filter(|q| q.calculation.is_some())
        .collect();
    for _ in 0..passes {
        let mut next: HashMap<&str, bool> = HashMap::with_capacity(relevant.len());
        let mut current = base.clone();
        for (q, _) in &questions {
            if relevant.get(q.name.as_str()) == Some(&false) {
                current.insert(q.name.as_str(), Value::Str(String::new()));
            }
        }
        for _ in 0..calcs.len().min(50) + 1 {
            let mut changed = false;
            for q in &calcs {
                if relevant.get(q.name.as_str()) == Some(&false) {
                    continue;
                }
                if let Some(c) = &q.calculation {
                    let v = eval_in(
                        form,
                        &kinds,
                        &current,
                        ctx,
                        &c.node,
                        Value::Str(String::new()),
                    );
                    let v = typed(&q.kind, &v.to_text());
                    if current.get(q.name.as_str()) != Some(&v) {
                        current.insert(q.name.as_str(), v);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        for (g, _) in &groups {
            let own = g.relevant.as_ref().is_none_or(|e| {
                eval_in(
                    form,
                    &kinds,
                    &current,
                    ctx,
                    &e.node,
                    Value::Str(String::new()),
                )
                .to_bool()
            });
            next.insert(g.name.as_str(), own);
        }
        let shown = |next: &HashMap<&str, bool>, g: &Group| {
            next.get(g.name.as_str()).copied().unwrap_or(true)
        };
        for (q, path) in &questions {
            // Shown when every group around it is (by its own relevance).
            let parents = path.iter().all(|g| shown(&next, g));
            let own = q.relevant.as_ref().is_none_or(|e| {
                eval_in(
                    form,
                    &kinds,
                    &current,
                    ctx,
                    &e.node,
                    Value::Str(String::new()),
                )
                .to_bool()
            });
            next.insert(q.name.as_str(), parents && own);
        }
        // A group inside a skipped group is skipped too.
        let groups_final: Vec<(&str, bool)> = groups
            .iter()
            .map(|(g, path)| {
                let around = path.iter().all(|outer| shown(&next, outer));
                (g.name.as_str(), around && shown(&next, g))
            })
            .collect();
        for (n, r) in groups_final {
            next.insert(n, r);
        }
        // A pass depends only on which names were found not relevant, so
        // once the same names come out again (an absent name counts as
        // relevant, as on the first pass) the next pass would repeat this one.
        // Every pass names every question and group, so `next` holds every
        // name `relevant` does.
        let done = next
            .iter()
            .all(|(name, r)| relevant.get(name).copied().unwrap_or(true) == *r);
        relevant = next;
        values = current;
        if done {
            break;
        }
    }

    let mut out = Evaluation::default();
    for (name, r) in &relevant {
        out.relevant.insert((*name).to_owned(), *r);
    }
    for (q, _) in &questions {
        if !relevant.get(q.name.as_str()).copied().unwrap_or(true) {
            values.insert(q.name.as_str(), Value::Str(String::new()));
        }
    }
    for (q, _) in &questions {
        let value = values
            .get(q.name.as_str())
            .cloned()
            .unwrap_or(Value::Str(String::new()));
        let text = value.to_text();
        if q.kind == Kind::Calculate {
            out.calculated.insert(q.name.clone(), text.clone());
        }
        out.values.insert(q.name.clone(), text.clone());
        if !relevant.get(q.name.as_str()).copied().unwrap_or(true) || !q.kind.is_input() {
            continue;
        }
        if text.trim().is_empty() {
            let required = q.required.as_ref().is_some_and(|e| {
                eval_in(
                    form,
                    &kinds,
                    &values,
                    ctx,
                    &e.node,
                    Value::Str(String::new()),
                )
                .to_bool()
            });
            if required {
                out.required_missing.push(q.name.clone());
            }
            continue;
        }
        if let Some((problem, why)) = type_problem(form, q, &text, &kinds, &values, ctx) {
            out.constraint_errors.push(ConstraintError {
                name: q.name.clone(),
                row: q.row,
                message: why,
                problem,
            });
            continue;
        }
        if let Some(c) = &q.constraint
            && !eval_in(form, &kinds, &values, ctx, &c.node, value.clone()).to_bool()
        {
            let own = q.constraint_message.get(ctx.language, form);
            out.constraint_errors.push(ConstraintError {
                name: q.name.clone(),
                row: q.row,
                message: own
                    .map(str::to_owned)
                    .unwrap_or_else(|| "This answer is not accepted.".to_owned()),
                problem: Problem::Constraint {
                    own_message: own.is_some(),
                },
            });
        }
    }
    out
}

fn eval_in(
    form: &Form,
    kinds: &HashMap<&str, &Question>,
    values: &HashMap<&str, Value>,
    ctx: &Context<'_>,
    node: &Node,
    current: Value,
) -> Value {
    let scope = Scope {
        form,
        kinds,
        values,
        current,
        choice: None,
        ctx,
    };
    evaluate(node, &scope)
}

/// An answer that does not fit its question's type or choices.
fn type_problem(
    form: &Form,
    q: &Question,
    text: &str,
    kinds: &HashMap<&str, &Question>,
    values: &HashMap<&str, Value>,
    ctx: &Context<'_>,
) -> Option<(Problem, String)> {
    let t = text.trim();
    match &q.kind {
        Kind::Integer => (t.parse::<i64>().is_err())
            .then(|| (Problem::NotWhole, format!("`{t}` is not a whole number."))),
        Kind::Decimal => (!t.parse::<f64>().is_ok_and(f64::is_finite))
            .then(|| (Problem::NotNumber, format!("`{t}` is not a number."))),
        Kind::Date => parse_date(t).is_none().then(|| {
            (
                Problem::NotDate,
                format!("`{t}` is not a date (YYYY-MM-DD)."),
            )
        }),
        Kind::Range { start, end, step } => {
            let Ok(n) = t.parse::<f64>() else {
                return Some((Problem::NotNumber, format!("`{t}` is not a number.")));
            };
            let (lo, hi) = (start.min(*end), start.max(*end));
            let k = (n - start) / step;
            if n < lo || n > hi || (k - k.round()).abs() > 1e-9 {
                Some((
                    Problem::OutOfRange,
                    format!(
                        "`{t}` is not between {} and {} in steps of {}.",
                        number_string(*start),
                        number_string(*end),
                        number_string(*step)
                    ),
                ))
            } else {
                None
            }
        }
        Kind::SelectOne { list } | Kind::SelectMultiple { list } => {
            let choices = form.list(list).map(|l| l.choices.as_slice()).unwrap_or(&[]);
            let offered: HashSet<&str> = filter_choices(form, q, choices, kinds, values, ctx)
                .into_iter()
                .map(|c| c.name.as_str())
                .collect();
            let picked: Vec<&str> = t.split_whitespace().collect();
            if matches!(q.kind, Kind::SelectOne { .. }) && picked.len() > 1 {
                return Some((
                    Problem::TooManyChoices,
                    format!("`{t}` picks more than one choice."),
                ));
            }
            picked.iter().find(|p| !offered.contains(*p)).map(|p| {
                (
                    Problem::NotAChoice,
                    format!("`{p}` is not one of the choices."),
                )
            })
        }
        Kind::Text | Kind::Note | Kind::Calculate | Kind::Acknowledge => None,
    }
}

/// A label or hint with each `${name}` replaced by that answer (as a note
/// shows a calculation); an unknown name is left as written.
pub fn interpolate(text: &str, values: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find('}') {
            Some(end) if values.contains_key(&after[..end]) => {
                out.push_str(&values[&after[..end]]);
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str("${");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolate_replaces_known_references() {
        let mut v = BTreeMap::new();
        v.insert("share".to_owned(), "25".to_owned());
        assert_eq!(
            interpolate("Refugees are ${share}% (${other}) ${", &v),
            "Refugees are 25% (${other}) ${"
        );
    }
}
