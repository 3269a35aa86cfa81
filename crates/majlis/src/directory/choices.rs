//! What other folders' forms offer from the directory: municipalities and
//! organisations by name in the reader's language, and whether a chosen one
//! exists. Accounts sit below the directory, so the invitation form gets
//! [`municipality_names`] through `accounts::invitations::Municipalities`,
//! registered at the top.

use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryOrder};

use super::entities::{municipality, organisation};
use crate::accounts::invitations::Naming;
use crate::i18n::Locale;

/// Every municipality as (id, name in `locale`), by name (one query).
pub fn municipality_names(db: &DatabaseConnection, locale: Locale) -> Naming<'_> {
    Box::pin(async move {
        let rows = municipality::Entity::find()
            .order_by_asc(municipality::Column::Slug)
            .all(db)
            .await?;
        Ok(by_name(
            rows.into_iter()
                .map(|m| (m.id, m.name.text(locale).to_owned())),
        ))
    })
}

/// Every organisation as (id, name in `locale`), by name (one query).
pub async fn organisation_names<C: ConnectionTrait>(
    db: &C,
    locale: Locale,
) -> Result<Vec<(i32, String)>, DbErr> {
    let rows = organisation::Entity::find()
        .order_by_asc(organisation::Column::Slug)
        .all(db)
        .await?;
    Ok(by_name(
        rows.into_iter()
            .map(|o| (o.id, o.name.text(locale).to_owned())),
    ))
}

fn by_name(rows: impl Iterator<Item = (i32, String)>) -> Vec<(i32, String)> {
    let mut out: Vec<(i32, String)> = rows.collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// Whether a municipality with this id exists (one query).
pub async fn municipality_exists<C: ConnectionTrait>(db: &C, id: i32) -> Result<bool, DbErr> {
    Ok(municipality::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some())
}

/// Whether an organisation with this id exists (one query).
pub async fn organisation_exists<C: ConnectionTrait>(db: &C, id: i32) -> Result<bool, DbErr> {
    Ok(organisation::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some())
}
