//! Surveys in the search index, registered at the top as [`SURVEYS`]: the
//! title, the description and every question of the current form, in each
//! language the form has.

use std::collections::HashMap;

use majlis_search::Document;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::entities::{form, survey};
use super::rules::{Survey, parse_source};
use super::{ResultsAudience, SurveyStatus};
use crate::search::documents::{Loading, Source, ThemeSlugs, add_tr, summary, title};

/// Surveys past their preparation.
pub const SURVEYS: Source = Source {
    kind: "survey",
    load,
};

fn load<'a>(
    db: &'a DatabaseConnection,
    _themes: &'a ThemeSlugs,
    only: Option<i32>,
) -> Loading<'a, Vec<Document>> {
    Box::pin(surveys(db, only))
}

async fn surveys<C: ConnectionTrait>(db: &C, only: Option<i32>) -> Result<Vec<Document>, DbErr> {
    let mut q =
        survey::Entity::find().filter(survey::Column::Status.ne(SurveyStatus::Draft.code()));
    let mut fq = form::Entity::find();
    if let Some(id) = only {
        q = q.filter(survey::Column::Id.eq(id));
        fq = fq.filter(form::Column::SurveyId.eq(id));
    }
    let rows = q.all(db).await?;
    // The current (highest) version of each survey's form.
    let mut current: HashMap<i32, form::Model> = HashMap::new();
    for f in fq.all(db).await? {
        match current.get(&f.survey_id) {
            Some(c) if c.number >= f.number => {}
            _ => {
                current.insert(f.survey_id, f);
            }
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let s = Survey::of(row);
            // Members may read every survey's page; visitors those whose
            // results are public.
            let mut audience = vec!["members".to_owned()];
            if s.audience == ResultsAudience::Public {
                audience.push("public".to_owned());
            }
            let when = s.row.opens_at.unwrap_or(s.row.created_at);
            let mut doc = Document::new(format!("survey:{}", s.row.id), "survey")
                .url(format!("/surveys/{}", s.row.slug))
                .audience(audience)
                .languages(s.row.title.locales().map(|l| l.code().to_owned()))
                .date(when.timestamp())
                .year(chrono::Datelike::year(&when));
            doc = add_tr(doc, &s.row.title, title);
            if let Some(d) = &s.row.description {
                doc = add_tr(doc, d, summary);
            }
            if let Some(f) = current.get(&s.row.id)
                && let Ok(parsed) = parse_source(&f.source_kind, &f.source)
            {
                let code = |name: &str| {
                    parsed
                        .language(name)
                        .and_then(|l| l.code.clone())
                        .filter(|c| c.parse::<crate::i18n::Locale>().is_ok())
                };
                for (q, _) in parsed.questions() {
                    if let Some(t) = &q.label.default {
                        doc = doc.body(None, t.clone());
                    }
                    for (lang, t) in &q.label.translations {
                        doc = doc.body(code(lang).as_deref(), t.clone());
                    }
                }
            }
            doc
        })
        .collect())
}
