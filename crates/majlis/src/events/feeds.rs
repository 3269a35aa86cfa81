//! Personal calendar feeds: a secret address per person that lists the
//! events they are registered for. Only the token's hash is stored; making
//! a new address replaces the old one (which stops working).

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

use super::entities::calendar_feed;
use crate::accounts::person;
use crate::audit::{self, Origin};
use crate::db::Db;

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Whether a token has the form of one this module makes (32 hex digits).
pub fn well_formed(token: &str) -> bool {
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Make a new secret address for `person_id`, replacing any old one, with
/// its audit entry; returns the token (shown once, never stored).
pub async fn renew(
    db: &Db,
    origin: &Origin,
    person_id: i32,
    now: DateTime<Utc>,
) -> Result<String, DbErr> {
    let token = crate::token::random_token();
    let tx = db.begin_write().await?;
    calendar_feed::Entity::delete_by_id(person_id)
        .exec(&tx)
        .await?;
    calendar_feed::ActiveModel {
        person_id: Set(person_id),
        token_hash: Set(token_hash(&token)),
        created_at: Set(now),
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        origin,
        "calendar-feed-created",
        "person",
        person_id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// Whether a person has a feed address.
pub async fn has_feed<C: ConnectionTrait>(db: &C, person_id: i32) -> Result<bool, DbErr> {
    Ok(calendar_feed::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .is_some())
}

/// The active person a token belongs to, if any.
pub async fn person_of<C: ConnectionTrait>(
    db: &C,
    token: &str,
) -> Result<Option<person::Model>, DbErr> {
    if !well_formed(token) {
        return Ok(None);
    }
    let Some(feed) = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(token_hash(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(person::Entity::find_by_id(feed.person_id)
        .one(db)
        .await?
        .filter(|p| p.active))
}
