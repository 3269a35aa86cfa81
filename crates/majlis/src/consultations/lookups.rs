//! What the consultation forms offer and check against (municipalities,
//! practices and documents to link), and the coordinators' moderation queue.

use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, Order, QueryFilter, QueryOrder, QuerySelect,
};

use super::entities::{contribution, contribution_report, dilemma};
use crate::directory::entities::municipality;
use crate::i18n::Locale;
use crate::library::entities::{practice, practice_theme, resource, resource_theme};
use crate::library::{PracticeStatus, visible_codes};
use crate::policy::Actor;

/// Municipalities someone may present a dilemma for: `own` (their
/// affiliations), or any for staff; by name in `locale`.
pub async fn municipality_choices<C: ConnectionTrait>(
    db: &C,
    staff: bool,
    own: Vec<i32>,
    locale: Locale,
) -> Result<Vec<(i32, String)>, DbErr> {
    let mut q = municipality::Entity::find();
    if !staff {
        q = q.filter(municipality::Column::Id.is_in(own));
    }
    let mut out: Vec<(i32, String)> = q
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m.name.text(locale).to_owned()))
        .collect();
    locale.sort_by_name(&mut out, |r| &r.1);
    Ok(out)
}

/// Most practices, and most documents, a contribution form lists.
pub const CHOICES: u64 = 50;

/// What a contribution form lists to link: published practices and the
/// documents the reader may see, at most [`CHOICES`] of each, those on one
/// of `themes` first (a form stays small however large the library grows;
/// anything else can be shared by its address). Two queries.
pub async fn choices<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    locale: Locale,
    themes: &[i32],
) -> Result<(Vec<(i32, String)>, Vec<(i32, String)>), DbErr> {
    let practice_on_theme = practice::Column::Id.in_subquery(
        Query::select()
            .column(practice_theme::Column::PracticeId)
            .from(practice_theme::Entity)
            .and_where(practice_theme::Column::ThemeId.is_in(themes.to_vec()))
            .to_owned(),
    );
    let practices = practice::Entity::find()
        .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
        .order_by(practice_on_theme, Order::Desc)
        .order_by_asc(practice::Column::Slug)
        .limit(CHOICES)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title.text(locale).to_owned()))
        .collect();
    let resource_on_theme = resource::Column::Id.in_subquery(
        Query::select()
            .column(resource_theme::Column::ResourceId)
            .from(resource_theme::Entity)
            .and_where(resource_theme::Column::ThemeId.is_in(themes.to_vec()))
            .to_owned(),
    );
    let resources = resource::Entity::find()
        .filter(resource::Column::Visibility.is_in(visible_codes(actor)))
        .order_by(resource_on_theme, Order::Desc)
        .order_by_asc(resource::Column::Id)
        .limit(CHOICES)
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.title.text(locale).to_owned()))
        .collect();
    Ok((practices, resources))
}

/// The practice and the document a contribution form names, when they
/// exist and the reader may link them (a published practice, a document
/// they may see): each a list of at most one id, for
/// [`super::online::parse_contribution`] to check the form against.
pub async fn chosen<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    practice_id: Option<i32>,
    resource_id: Option<i32>,
) -> Result<(Vec<i32>, Vec<i32>), DbErr> {
    let practices = match practice_id {
        Some(id) => {
            practice::Entity::find_by_id(id)
                .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
                .select_only()
                .column(practice::Column::Id)
                .into_tuple::<i32>()
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let resources = match resource_id {
        Some(id) => {
            resource::Entity::find_by_id(id)
                .filter(resource::Column::Visibility.is_in(visible_codes(actor)))
                .select_only()
                .column(resource::Column::Id)
                .into_tuple::<i32>()
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    Ok((practices, resources))
}

/// A reported contribution in the coordinators' queue.
pub struct Flagged {
    pub c: contribution::Model,
    pub dilemma: dilemma::Model,
    pub reasons: Vec<String>,
}

/// Contributions with open reports (the oldest 500 reports), each with its
/// dilemma and the reasons given. Three queries.
pub async fn flagged<C: ConnectionTrait>(db: &C) -> Result<Vec<Flagged>, DbErr> {
    let reports = contribution_report::Entity::find()
        .filter(contribution_report::Column::HandledAt.is_null())
        .order_by_asc(contribution_report::Column::Id)
        .limit(500)
        .all(db)
        .await?;
    let ids: Vec<i32> = reports.iter().map(|r| r.contribution_id).collect();
    let contributions = contribution::Entity::find()
        .filter(contribution::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let dilemmas = dilemma::Entity::find()
        .filter(
            dilemma::Column::Id.is_in(
                contributions
                    .iter()
                    .map(|c| c.dilemma_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?;
    Ok(contributions
        .into_iter()
        .filter_map(|c| {
            let dilemma = dilemmas.iter().find(|d| d.id == c.dilemma_id)?.clone();
            let reasons = reports
                .iter()
                .filter(|r| r.contribution_id == c.id)
                .map(|r| r.reason.clone())
                .collect();
            Some(Flagged {
                c,
                dilemma,
                reasons,
            })
        })
        .collect())
}
