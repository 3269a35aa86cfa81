//! The queries consultation pages run. Who may read a dilemma is decided in
//! the query for lists (so totals never count what the reader may not see)
//! and by the policy for a single dilemma.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::entities::dilemma_theme;
use crate::accounts::person;
use crate::directory::entities::theme;
use crate::directory::reference::Reference;

mod detail;
mod list;
mod suggestions;

pub use detail::{
    ContributionView, DilemmaDetail, ParticipantView, detail, details, dilemmas_linking, page,
    parts_of,
};
pub use list::{
    DilemmaCard, DilemmaFilter, dilemma_ref, find, list, part_of, readable, taking_contributions,
};
pub use suggestions::{Suggestion, suggestions};

/// What a former member's contributions are shown as.
pub const FORMER_MEMBER: &str = "consultation-former-member";

async fn names_of<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, DbErr> {
    let ids: HashSet<i32> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(person::Entity::find()
        .filter(person::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.display_name))
        .collect())
}

async fn themes_of<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    ids: &[i32],
) -> Result<HashMap<i32, Vec<theme::Model>>, DbErr> {
    let mut out: HashMap<i32, Vec<theme::Model>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for t in dilemma_theme::Entity::find()
        .filter(dilemma_theme::Column::DilemmaId.is_in(ids.to_vec()))
        .all(db)
        .await?
    {
        if let Some(th) = reference.theme(t.theme_id) {
            out.entry(t.dilemma_id).or_default().push(th.clone());
        }
    }
    Ok(out)
}
