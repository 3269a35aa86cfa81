//! A municipality's cohesion index on its directory page (registered at
//! the top as one of the directory's `MunicipalityLinks`): its latest
//! scored wave, linked to the dashboard, for readers who may see it. One
//! query.

use sea_orm::{DatabaseConnection, DbBackend, DbErr, FromQueryResult, Statement};

use super::scoring::WaveScores;
use crate::directory::linked::{Item, Linked};
use crate::i18n::{FluentArg, Locale, TrText};
use crate::policy::{Action, Actor, CohesionRef, can};

#[derive(FromQueryResult)]
struct Latest {
    slug: String,
    label: String,
    scores: serde_json::Value,
    synthetic: bool,
    published: Option<bool>,
}

/// The section, empty when the municipality has no scored wave or the
/// reader may not see its dashboard.
pub async fn section(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    municipality_id: i32,
) -> Result<Linked, DbErr> {
    let backend = db.get_database_backend();
    let param = if backend == DbBackend::Postgres {
        "$1"
    } else {
        "?"
    };
    let sql = format!(
        r#"SELECT m."slug", w."label", w."scores", w."synthetic", s."published"
           FROM "cohesion_wave" w
           JOIN "municipality" m ON m."id" = w."municipality_id"
           LEFT JOIN "cohesion_setting" s ON s."municipality_id" = w."municipality_id"
           WHERE w."municipality_id" = {param} AND w."scores" IS NOT NULL
           ORDER BY w."number" DESC LIMIT 1"#
    );
    let latest = Latest::find_by_statement(Statement::from_sql_and_values(
        backend,
        sql,
        [municipality_id.into()],
    ))
    .one(db)
    .await?;
    let mut items = Vec::new();
    if let Some(l) = latest {
        let view = CohesionRef::for_actor(actor, l.published == Some(true), municipality_id);
        let score = serde_json::from_value::<WaveScores>(l.scores)
            .ok()
            .and_then(|s| s.index.score);
        if can(actor, Action::ViewCohesion(view)) {
            let title = Locale::ALL.map(|loc| {
                let text = match score {
                    Some(v) => loc.t_args(
                        "cohesion-link-index",
                        &[
                            ("score", FluentArg::from(v.round() as i64)),
                            ("wave", FluentArg::from(l.label.as_str())),
                        ],
                    ),
                    None => loc.t("cohesion-link"),
                };
                (loc, text)
            });
            if let Ok(title) = TrText::from_values(Locale::En, title) {
                items.push(Item {
                    title,
                    url: format!("/municipalities/{}/cohesion", l.slug),
                    percent: None,
                    note: l.synthetic.then_some("cohesion-synthetic-short"),
                    status: None,
                });
            }
        }
    }
    Ok(Linked {
        section: "cohesion",
        heading: "cohesion-title",
        no_percent: None,
        items,
    })
}
