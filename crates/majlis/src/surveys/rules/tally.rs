//! Tallies: what each submitted response adds to the counts results are
//! read from. A submission adds its answers, a changed submission takes the
//! old ones away first, in the same transaction.

use std::collections::BTreeMap;

use majlis_xlsform::{Answers, Form, Kind};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

use crate::surveys::entities::tally;

/// The groups a respondent belongs to ("" when unknown).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Groups {
    pub country: String,
    pub population: String,
    pub refugees: String,
}

/// The longest value kept in a tally (longer numbers are not counted as
/// values, only as answered).
const MAX_VALUE: usize = 200;

/// The pair every submitted response counts once: its respondent (question
/// names are never empty), so the respondents of each group are read with
/// the other tallies.
pub const RESPONDENT: (&str, &str) = ("", "");

/// The (question, value) pairs an answer set counts: [`RESPONDENT`] once,
/// `(q, "")` for every answered question, and `(q, choice)` for selects,
/// `(q, number)` for numbers (normalised, so `7.0` and `7` count together).
pub fn contributions(form: &Form, answers: &Answers) -> Vec<(String, String)> {
    let mut out = vec![(RESPONDENT.0.to_owned(), RESPONDENT.1.to_owned())];
    for (q, _) in form.questions() {
        if !(q.kind.is_input() || q.kind == Kind::Calculate) {
            continue;
        }
        let Some(v) = answers.get(&q.name).map(|v| v.trim()) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        out.push((q.name.clone(), String::new()));
        match &q.kind {
            Kind::SelectOne { .. } => out.push((q.name.clone(), v.to_owned())),
            Kind::SelectMultiple { .. } => {
                let mut seen: Vec<&str> = v.split_whitespace().collect();
                seen.sort_unstable();
                seen.dedup();
                out.extend(seen.into_iter().map(|c| (q.name.clone(), c.to_owned())));
            }
            Kind::Integer | Kind::Decimal | Kind::Range { .. } => {
                if let Some(n) = number(v) {
                    out.push((q.name.clone(), n));
                }
            }
            _ => {}
        }
    }
    out.retain(|(q, v)| q.len() <= 120 && v.len() <= MAX_VALUE);
    out
}

/// A number as tallies store it, or `None` when it is not one.
pub fn number(v: &str) -> Option<String> {
    let n: f64 = v.parse().ok().filter(|n: &f64| n.is_finite())?;
    Some(if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    })
}

/// Add `delta` (1 or -1) to the tallies of `pairs` for a respondent in
/// `groups`.
pub async fn apply(
    conn: &impl ConnectionTrait,
    survey_id: i32,
    pairs: &[(String, String)],
    groups: &Groups,
    delta: i64,
) -> Result<(), DbErr> {
    for chunk in pairs.chunks(1000) {
        let rows = chunk.iter().map(|(q, v)| tally::ActiveModel {
            survey_id: Set(survey_id),
            question: Set(q.clone()),
            value: Set(v.clone()),
            country_code: Set(groups.country.clone()),
            population_band: Set(groups.population.clone()),
            refugee_band: Set(groups.refugees.clone()),
            count: Set(delta),
        });
        upsert(conn, rows.collect()).await?;
    }
    Ok(())
}

/// Move a respondent's counts from `old` (what their response counted
/// before, if anything) to `new`, in one statement: the changes are summed
/// per tally row first, and rows whose count does not change are left
/// alone.
pub async fn replace(
    conn: &impl ConnectionTrait,
    survey_id: i32,
    old: Option<(&[(String, String)], &Groups)>,
    new: (&[(String, String)], &Groups),
) -> Result<(), DbErr> {
    let mut deltas: BTreeMap<(&str, &str, &Groups), i64> = BTreeMap::new();
    if let Some((pairs, groups)) = old {
        for (q, v) in pairs {
            *deltas.entry((q.as_str(), v.as_str(), groups)).or_default() -= 1;
        }
    }
    let (pairs, groups) = new;
    for (q, v) in pairs {
        *deltas.entry((q.as_str(), v.as_str(), groups)).or_default() += 1;
    }
    let rows: Vec<tally::ActiveModel> = deltas
        .into_iter()
        .filter(|(_, d)| *d != 0)
        .map(|((q, v, g), d)| tally::ActiveModel {
            survey_id: Set(survey_id),
            question: Set(q.to_owned()),
            value: Set(v.to_owned()),
            country_code: Set(g.country.clone()),
            population_band: Set(g.population.clone()),
            refugee_band: Set(g.refugees.clone()),
            count: Set(d),
        })
        .collect();
    // 7 values a row: well under either database's limit on parameters.
    for chunk in rows.chunks(1000) {
        upsert(conn, chunk.to_vec()).await?;
    }
    Ok(())
}

/// Insert `rows`, adding their counts to the rows already there.
async fn upsert(conn: &impl ConnectionTrait, rows: Vec<tally::ActiveModel>) -> Result<(), DbErr> {
    tally::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::columns([
                tally::Column::SurveyId,
                tally::Column::Question,
                tally::Column::Value,
                tally::Column::CountryCode,
                tally::Column::PopulationBand,
                tally::Column::RefugeeBand,
            ])
            .value(
                tally::Column::Count,
                Expr::col((tally::Entity, tally::Column::Count)).add(Expr::cust("excluded.count")),
            )
            .to_owned(),
        )
        .exec_without_returning(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_count_once_per_question_and_choice() {
        let form = Form::from_markdown(
            "| survey |\n| | type | name | label |\n| | select_multiple s | m | M |\n| | integer | n | N |\n| | text | t | T |\n| | note | x | X |\n| choices |\n| | list_name | name | label |\n| | s | a | A |\n| | s | b | B |\n",
        )
        .expect("form");
        let answers: Answers = [
            ("m".to_owned(), "b a b".to_owned()),
            ("n".to_owned(), " 7.0".to_owned()),
            ("t".to_owned(), "".to_owned()),
        ]
        .into();
        let c = contributions(&form, &answers);
        let want: Vec<(String, String)> = [
            ("", ""),
            ("m", ""),
            ("m", "a"),
            ("m", "b"),
            ("n", ""),
            ("n", "7"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
        assert_eq!(c, want);
        assert_eq!(number("2.50").as_deref(), Some("2.5"));
        assert_eq!(number("x"), None);
    }
}
