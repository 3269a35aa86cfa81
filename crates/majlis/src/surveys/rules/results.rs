//! A survey's results, read from its tallies (five queries, whatever the
//! number of responses): the response rate, and per question how many
//! answered, the share of each choice among those who answered (the base
//! shown), figures of numbers, optionally broken down by one predefined
//! grouping. Disclosure control is part of the rule, not of the page: every
//! count under `min_cell` is suppressed, with complementary suppression so
//! that no suppressed count can be recomputed from the totals shown
//! (`majlis_stats::suppress`), and 0% and 100% are hidden in groups under
//! `small_group`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use majlis_stats::suppress::{
    CellRef, Decision, Table, percent_hidden, suppress, suppress_keeping,
};
use majlis_stats::{Share, Summary};
use majlis_xlsform::{Form, Kind};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};
use serde::Serialize;

use super::tally;
use super::{Survey, current_form};
use crate::policy::{Action, Actor, authorize};
use crate::surveys::entities::{response, tally as tally_row, target};
use crate::surveys::error::SurveyError;
use crate::surveys::{Grouping, POPULATION_BANDS, REFUGEE_BANDS};

/// The privacy limits results are published under.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub min_cell: u64,
    pub small_group: u64,
}

/// A count and its share, each `None` when suppressed or hidden.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct Cell {
    pub count: Option<u64>,
    pub percent: Option<u64>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ChoiceFigures {
    pub name: String,
    pub label: String,
    /// Across all respondents.
    pub all: Cell,
    /// Per group column, when broken down.
    pub groups: Vec<Cell>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct NumberFigures {
    pub n: u64,
    pub mean: Option<f64>,
    pub q1: Option<f64>,
    pub median: Option<f64>,
    pub q3: Option<f64>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct QuestionFigures {
    pub name: String,
    pub label: String,
    /// `select_one`, `select_multiple`, `number`, or `other`.
    pub kind: &'static str,
    /// How many answered (the base of the percentages); `None` when suppressed.
    pub answered: Option<u64>,
    pub not_answered: Option<u64>,
    /// Answered per group column.
    pub groups_answered: Vec<Option<u64>>,
    pub choices: Vec<ChoiceFigures>,
    /// Shown when at least `min_cell` answered.
    pub numbers: Option<NumberFigures>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct GroupColumn {
    /// A country code or a band code; "" for respondents of unknown group.
    pub key: String,
    pub respondents: Option<u64>,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Results {
    pub slug: String,
    pub synthetic: bool,
    pub targeted: u64,
    pub responding: u64,
    /// Responding ÷ targeted municipalities, whole percent.
    pub response_rate: Option<u64>,
    /// Submitted responses (all counted in the figures).
    pub responses: u64,
    /// The grouping the figures are broken down by: `country`,
    /// `population` or `refugees`.
    #[schema(value_type = Option<String>)]
    pub grouping: Option<Grouping>,
    pub columns: Vec<GroupColumn>,
    pub min_cell: u64,
    pub small_group: u64,
    pub questions: Vec<QuestionFigures>,
    /// The form language the labels are in (its code), when the form has
    /// the reader's.
    pub language: Option<String>,
    #[serde(skip)]
    pub survey: Survey,
}

fn column_order(g: Grouping, keys: &BTreeSet<String>) -> Vec<String> {
    let rank = |k: &str| -> usize {
        if k.is_empty() {
            return usize::MAX;
        }
        match g {
            Grouping::Country => 0,
            Grouping::Population => POPULATION_BANDS.iter().position(|b| *b == k).unwrap_or(99),
            Grouping::Refugees => REFUGEE_BANDS.iter().position(|b| *b == k).unwrap_or(99),
        }
    };
    let mut v: Vec<String> = keys.iter().cloned().collect();
    v.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.cmp(b)));
    v
}

/// The results `actor` may read, in the form language `language`.
pub async fn results(
    conn: &impl ConnectionTrait,
    actor: Option<&Actor>,
    slug: &str,
    grouping: Option<Grouping>,
    language: impl Fn(&Form) -> Option<String>,
    limits: Limits,
) -> Result<Results, SurveyError> {
    let survey = super::readable(conn, actor, slug).await?;
    authorize(actor, Action::ViewSurveyResults(survey.policy_ref()))?;
    let (_, form) = current_form(conn, survey.row.id).await?;
    let lang = language(&form);
    let lang_code = lang
        .as_deref()
        .and_then(|n| form.language(n))
        .and_then(|l| l.code.clone());
    let lang = lang.as_deref();
    // Counted in the database: a campaign may target many municipalities.
    let targeted = target::Entity::find()
        .filter(target::Column::SurveyId.eq(survey.row.id))
        .count(conn)
        .await?;
    // Targeted municipalities with a submitted response (answered from the
    // index on survey, municipality and submission).
    let responding = target::Entity::find()
        .filter(target::Column::SurveyId.eq(survey.row.id))
        .filter(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(response::Entity)
                .and_where(
                    Expr::col((response::Entity, response::Column::SurveyId))
                        .equals((target::Entity, target::Column::SurveyId)),
                )
                .and_where(
                    Expr::col((response::Entity, response::Column::MunicipalityId))
                        .equals((target::Entity, target::Column::MunicipalityId)),
                )
                .and_where(
                    Expr::col((response::Entity, response::Column::SubmittedAt)).is_not_null(),
                )
                .to_owned(),
        ))
        .count(conn)
        .await?;

    // The tallies summed in the database per question, value and the
    // grouping's column: a few hundred rows however many responses. The
    // respondents per group are the rows of `tally::RESPONDENT`.
    let group_col = grouping.map(|g| match g {
        Grouping::Country => tally_row::Column::CountryCode,
        Grouping::Population => tally_row::Column::PopulationBand,
        Grouping::Refugees => tally_row::Column::RefugeeBand,
    });
    let mut sums = tally_row::Entity::find()
        .select_only()
        .column(tally_row::Column::Question)
        .column(tally_row::Column::Value)
        .filter(tally_row::Column::SurveyId.eq(survey.row.id))
        .group_by(tally_row::Column::Question)
        .group_by(tally_row::Column::Value);
    sums = match group_col {
        Some(c) => sums.column_as(c, "grp").group_by(c),
        None => sums.column_as(Expr::val(""), "grp"),
    };
    // SUM of a bigint is a numeric on PostgreSQL: cast back.
    let tallies: Vec<(String, String, String, i64)> = sums
        .column_as(Expr::cust(r#"CAST(SUM("count") AS BIGINT)"#), "n")
        .into_tuple()
        .all(conn)
        .await?;

    // Columns: one ("all") unless broken down.
    let keys: BTreeSet<String> = tallies
        .iter()
        .filter(|(q, v, _, n)| (q.as_str(), v.as_str()) == tally::RESPONDENT && *n > 0)
        .map(|(_, _, g, _)| g.clone())
        .collect();
    let order = match grouping {
        Some(g) => column_order(g, &keys),
        None => vec![String::new()],
    };
    let col_of: HashMap<&str, usize> = order
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i))
        .collect();
    let ncols = order.len().max(1);
    // (question, value) → counts per column; the respondents under RESPONDENT.
    let mut counts: HashMap<(&str, &str), Vec<u64>> = HashMap::new();
    for (q, v, g, n) in &tallies {
        if *n <= 0 {
            continue;
        }
        if let Some(&i) = col_of.get(g.as_str()) {
            counts
                .entry((q.as_str(), v.as_str()))
                .or_insert_with(|| vec![0; ncols])[i] += u64::try_from(*n).unwrap_or(0);
        }
    }
    let respondents = counts
        .get(&tally::RESPONDENT)
        .cloned()
        .unwrap_or_else(|| vec![0; ncols]);
    let responses: u64 = respondents.iter().sum();
    let zero = vec![0u64; ncols];
    let get = |q: &str, v: &str| counts.get(&(q, v)).unwrap_or(&zero).clone();

    let min_cell = std::cmp::max(limits.min_cell, 1);
    let columns: Vec<GroupColumn> = if grouping.is_some() {
        order
            .iter()
            .zip(&respondents)
            .map(|(k, n)| GroupColumn {
                key: k.clone(),
                respondents: (*n >= min_cell).then_some(*n),
            })
            .collect()
    } else {
        Vec::new()
    };

    let mut questions = Vec::new();
    for (q, _) in form.questions() {
        if !q.kind.is_input() {
            continue;
        }
        let label = q.label.get(lang, &form).unwrap_or(&q.name).to_owned();
        let answered = get(&q.name, "");
        let list = match &q.kind {
            Kind::SelectOne { list } | Kind::SelectMultiple { list } => form.list(list),
            _ => None,
        };
        let mut fig = QuestionFigures {
            name: q.name.clone(),
            label,
            kind: "other",
            answered: None,
            not_answered: None,
            groups_answered: Vec::new(),
            choices: Vec::new(),
            numbers: None,
        };
        match (&q.kind, list) {
            (Kind::SelectOne { .. }, Some(list)) => {
                fig.kind = "select_one";
                let rows: Vec<Vec<u64>> =
                    list.choices.iter().map(|c| get(&q.name, &c.name)).collect();
                let table = Table::new(rows).map_err(|e| {
                    tracing::error!(?e, "a results table");
                    SurveyError::NotFound
                })?;
                // The bases (answered, in all and per group) are printed
                // beside every figure: hide them last.
                let mut keep = vec![CellRef::GrandTotal];
                keep.extend((0..table.cols()).map(CellRef::ColTotal));
                let d = suppress_keeping(&table, min_cell, &keep);
                fill_totals(&mut fig, &table, &d, responses, grouping.is_some());
                for (i, c) in list.choices.iter().enumerate() {
                    fig.choices.push(ChoiceFigures {
                        name: c.name.clone(),
                        label: c.label.get(lang, &form).unwrap_or(&c.name).to_owned(),
                        all: cell(
                            &table,
                            &d,
                            CellRef::RowTotal(i),
                            CellRef::GrandTotal,
                            limits,
                        ),
                        groups: (0..table.cols())
                            .filter(|_| grouping.is_some())
                            .map(|col| {
                                cell(
                                    &table,
                                    &d,
                                    CellRef::Cell { row: i, col },
                                    CellRef::ColTotal(col),
                                    limits,
                                )
                            })
                            .collect(),
                    });
                }
            }
            (Kind::SelectMultiple { .. }, Some(list)) => {
                fig.kind = "select_multiple";
                // Each choice is its own table: picked / not picked, per group.
                let base = Table::new(vec![answered.clone()]).map_err(|_| SurveyError::NotFound)?;
                let bd = suppress(&base, min_cell);
                fill_totals(&mut fig, &base, &bd, responses, grouping.is_some());
                for c in &list.choices {
                    let picked = get(&q.name, &c.name);
                    let rest: Vec<u64> = answered
                        .iter()
                        .zip(&picked)
                        .map(|(a, p)| a.saturating_sub(*p))
                        .collect();
                    let table =
                        Table::new(vec![picked, rest]).map_err(|_| SurveyError::NotFound)?;
                    let mut d = suppress(&table, min_cell);
                    // The base is shown or not as the question's own table says.
                    hide_margins_like(&mut d, &table, &bd);
                    fig.choices.push(ChoiceFigures {
                        name: c.name.clone(),
                        label: c.label.get(lang, &form).unwrap_or(&c.name).to_owned(),
                        all: cell(
                            &table,
                            &d,
                            CellRef::RowTotal(0),
                            CellRef::GrandTotal,
                            limits,
                        ),
                        groups: (0..table.cols())
                            .filter(|_| grouping.is_some())
                            .map(|col| {
                                cell(
                                    &table,
                                    &d,
                                    CellRef::Cell { row: 0, col },
                                    CellRef::ColTotal(col),
                                    limits,
                                )
                            })
                            .collect(),
                    });
                }
            }
            (Kind::Integer | Kind::Decimal | Kind::Range { .. }, _) => {
                fig.kind = "number";
                let table =
                    Table::new(vec![answered.clone()]).map_err(|_| SurveyError::NotFound)?;
                let d = suppress(&table, min_cell);
                fill_totals(&mut fig, &table, &d, responses, grouping.is_some());
                let n: u64 = answered.iter().sum();
                if n >= min_cell {
                    let histogram: Vec<(f64, u64)> = counts
                        .iter()
                        .filter(|((qq, v), _)| *qq == q.name && !v.is_empty())
                        .filter_map(|((_, v), per)| {
                            v.parse::<f64>().ok().map(|x| (x, per.iter().sum()))
                        })
                        .collect();
                    let s = Summary::of(&histogram);
                    fig.numbers = Some(NumberFigures {
                        n: s.n,
                        mean: s.mean,
                        q1: s.q1,
                        median: s.median,
                        q3: s.q3,
                    });
                }
            }
            _ => {
                let table =
                    Table::new(vec![answered.clone()]).map_err(|_| SurveyError::NotFound)?;
                let d = suppress(&table, min_cell);
                fill_totals(&mut fig, &table, &d, responses, grouping.is_some());
            }
        }
        questions.push(fig);
    }
    let t = targeted;
    Ok(Results {
        slug: survey.row.slug.clone(),
        synthetic: survey.row.synthetic,
        targeted: t,
        responding,
        response_rate: Share::new(responding, t).percent(),
        responses,
        grouping,
        columns,
        min_cell,
        small_group: limits.small_group,
        questions,
        language: lang_code,
        survey,
    })
}

/// The question's answered count (the grand total) and per group.
fn fill_totals(
    fig: &mut QuestionFigures,
    table: &Table,
    d: &Decision,
    responses: u64,
    grouped: bool,
) {
    let shown = |r: CellRef| d.is_shown(r).then(|| table.value(r));
    fig.answered = shown(CellRef::GrandTotal);
    fig.not_answered = fig.answered.map(|a| responses.saturating_sub(a));
    if grouped {
        fig.groups_answered = (0..table.cols())
            .map(|c| shown(CellRef::ColTotal(c)))
            .collect();
    }
}

/// A choice table of a `select_multiple` shares its margins with the
/// question's base table (answered per group, answered in all): they are
/// shown exactly where that table shows them. If that would let a
/// suppressed count be recomputed, the choice's counts are all suppressed.
fn hide_margins_like(d: &mut Decision, table: &Table, base: &Decision) {
    use majlis_stats::suppress::{Reason, Status, exposed};
    let status = |shown: bool| {
        if shown {
            Status::Shown
        } else {
            Status::Suppressed(Reason::Complementary)
        }
    };
    for c in 0..table.cols() {
        d.set(
            CellRef::ColTotal(c),
            status(base.is_shown(CellRef::Cell { row: 0, col: c })),
        );
    }
    d.set(
        CellRef::GrandTotal,
        status(base.is_shown(CellRef::GrandTotal)),
    );
    if !exposed(table, d).is_empty() {
        for r in 0..table.rows() {
            d.set(CellRef::RowTotal(r), status(false));
            for c in 0..table.cols() {
                d.set(CellRef::Cell { row: r, col: c }, status(false));
            }
        }
    }
}

/// A count with its percentage of `base`, as disclosure control allows.
fn cell(table: &Table, d: &Decision, at: CellRef, base: CellRef, limits: Limits) -> Cell {
    if !d.is_shown(at) {
        return Cell::default();
    }
    let count = table.value(at);
    let b = table.value(base);
    let percent = if d.is_shown(base) && !percent_hidden(count, b, limits.small_group) {
        Share::new(count, b).percent()
    } else {
        None
    };
    Cell {
        count: Some(count),
        percent,
    }
}

/// Labels of a form's choices by question, for exports (unused names are
/// left out).
pub fn choice_labels(
    form: &Form,
    lang: Option<&str>,
) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (q, _) in form.questions() {
        if let Kind::SelectOne { list } | Kind::SelectMultiple { list } = &q.kind
            && let Some(l) = form.list(list)
        {
            out.insert(
                q.name.clone(),
                l.choices
                    .iter()
                    .map(|c| {
                        (
                            c.name.clone(),
                            c.label.get(lang, form).unwrap_or(&c.name).to_owned(),
                        )
                    })
                    .collect(),
            );
        }
    }
    out
}
