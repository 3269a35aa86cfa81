//! Answers as a table, for coordinators to take away (CSV and XLSX): one row
//! per submitted response, one column per question of the current form, a
//! `select_multiple` as one column plus a 0/1 column per choice; values as
//! choice names or as labels in a language of the form.

use std::collections::HashMap;

use majlis_xlsform::{Form, Kind};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::answering::to_answers;
use super::results::choice_labels;
use super::{Survey, current_form, find};
use crate::directory::entities::municipality;
use crate::fields::table::{Table, Workbook};
use crate::i18n::Locale;
use crate::policy::{Action, Actor, authorize};
use crate::surveys::entities::response;
use crate::surveys::error::SurveyError;

pub use crate::fields::table::Column;

/// The answers as rows of text.
pub struct AnswerTable {
    pub header: Vec<String>,
    pub kinds: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

/// Every submitted response of a survey (staff only).
pub async fn answers(
    conn: &impl ConnectionTrait,
    actor: &Actor,
    slug: &str,
    labels: Option<&str>,
    locale: Locale,
) -> Result<(Survey, AnswerTable), SurveyError> {
    authorize(Some(actor), Action::ManageSurveys)?;
    let survey = find(conn, slug).await?;
    let (_, form) = current_form(conn, survey.row.id).await?;
    let rows = response::Entity::find()
        .filter(response::Column::SurveyId.eq(survey.row.id))
        .filter(response::Column::SubmittedAt.is_not_null())
        .order_by_asc(response::Column::Id)
        .all(conn)
        .await?;
    let ids: Vec<i32> = rows.iter().filter_map(|r| r.municipality_id).collect();
    let towns: HashMap<i32, municipality::Model> = municipality::Entity::find()
        .filter(municipality::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    Ok((survey, table(&form, &rows, &towns, labels, locale)))
}

fn table(
    form: &Form,
    rows: &[response::Model],
    towns: &HashMap<i32, municipality::Model>,
    labels: Option<&str>,
    locale: Locale,
) -> AnswerTable {
    let names = choice_labels(form, labels);
    let questions: Vec<_> = form
        .questions()
        .into_iter()
        .map(|(q, _)| q)
        .filter(|q| q.kind.is_input() || q.kind == Kind::Calculate)
        .collect();
    let mut header = vec![
        "municipality".to_owned(),
        "country".to_owned(),
        "submitted".to_owned(),
    ];
    let mut kinds = vec![Column::Text; 3];
    for q in &questions {
        let title = match labels {
            Some(_) => q.label.get(labels, form).unwrap_or(&q.name).to_owned(),
            None => q.name.clone(),
        };
        header.push(title);
        kinds.push(match q.kind {
            Kind::Integer | Kind::Decimal | Kind::Range { .. } => Column::Number,
            _ => Column::Text,
        });
        if let Kind::SelectMultiple { list } = &q.kind
            && let Some(l) = form.list(list)
        {
            for c in &l.choices {
                let choice = match labels {
                    Some(_) => c.label.get(labels, form).unwrap_or(&c.name).to_owned(),
                    None => c.name.clone(),
                };
                header.push(format!("{}/{choice}", q.name));
                kinds.push(Column::Number);
            }
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let answers = r.answers.as_ref().map(to_answers).unwrap_or_default();
        let town = r.municipality_id.and_then(|id| towns.get(&id));
        let mut row = vec![
            town.map(|m| m.name.text(locale).to_owned())
                .unwrap_or_default(),
            r.country_code.clone(),
            r.submitted_at
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        ];
        for q in &questions {
            let v = answers.get(&q.name).cloned().unwrap_or_default();
            let label = |c: &str| {
                if labels.is_some() {
                    names
                        .get(&q.name)
                        .and_then(|m| m.get(c))
                        .cloned()
                        .unwrap_or_else(|| c.to_owned())
                } else {
                    c.to_owned()
                }
            };
            match &q.kind {
                Kind::SelectOne { .. } if !v.is_empty() => row.push(label(&v)),
                Kind::SelectMultiple { list } => {
                    let picked: Vec<&str> = v.split_whitespace().collect();
                    row.push(
                        picked
                            .iter()
                            .map(|c| label(c))
                            .collect::<Vec<_>>()
                            .join(if labels.is_some() { "; " } else { " " }),
                    );
                    if let Some(l) = form.list(list) {
                        for c in &l.choices {
                            let on = picked.contains(&c.name.as_str());
                            row.push(if v.is_empty() {
                                String::new()
                            } else if on {
                                "1".to_owned()
                            } else {
                                "0".to_owned()
                            });
                        }
                    }
                }
                _ => row.push(v),
            }
        }
        out.push(row);
    }
    AnswerTable {
        header,
        kinds,
        rows: out,
    }
}

impl AnswerTable {
    fn table(&self) -> Table {
        Table {
            header: self.header.clone(),
            kinds: self.kinds.clone(),
            rows: self.rows.clone(),
        }
    }

    /// The table as CSV (UTF-8 with a byte-order mark).
    pub fn to_csv(&self) -> Result<Vec<u8>, csv::Error> {
        self.table().to_csv()
    }

    /// The table as an Excel workbook (numbers as numbers).
    pub fn to_xlsx(&self) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        self.table().to_xlsx(&Workbook {
            sheet: "answers",
            right_to_left: false,
            about: None,
        })
    }
}
