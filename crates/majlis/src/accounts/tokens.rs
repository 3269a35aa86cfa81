//! Personal API tokens: `Authorization: Bearer majlis_…` acts as the person.
//! The token is shown once; only its SHA-256 is stored; revoking deletes it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::signin::hash_token;
use super::{api_token, person};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::token::random_token;

/// Tokens carry a prefix so that secret scanners can recognise them.
pub const PREFIX: &str = "majlis_";

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("the name must be 1 to 100 characters")]
    BadName,
    #[error("no such token")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Create a token; the returned string is the only time it is seen.
pub async fn create(
    db: &Db,
    origin: &Origin,
    person_id: i32,
    name: &str,
    now: DateTime<Utc>,
) -> Result<String, TokenError> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(TokenError::BadName);
    }
    let token = format!("{PREFIX}{}{}", random_token(), random_token());
    let tx = db.begin_write().await?;
    let t = api_token::ActiveModel {
        person_id: Set(person_id),
        name: Set(name.to_owned()),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now),
        last_used_at: Set(None),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        origin,
        "api-token-created",
        "api-token",
        t.id,
        Some(name.to_owned()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// A person's tokens, newest first.
pub async fn list(db: &Db, person_id: i32) -> Result<Vec<api_token::Model>, DbErr> {
    api_token::Entity::find()
        .filter(api_token::Column::PersonId.eq(person_id))
        .order_by_desc(api_token::Column::Id)
        .all(db.read())
        .await
}

/// Revoke one of one's own tokens.
pub async fn revoke(
    db: &Db,
    origin: &Origin,
    person_id: i32,
    token_id: i32,
    now: DateTime<Utc>,
) -> Result<(), TokenError> {
    let tx = db.begin_write().await?;
    let res = api_token::Entity::delete_many()
        .filter(api_token::Column::Id.eq(token_id))
        .filter(api_token::Column::PersonId.eq(person_id))
        .exec(&tx)
        .await?;
    if res.rows_affected == 0 {
        return Err(TokenError::NotFound);
    }
    audit::record(
        &tx,
        origin,
        "api-token-revoked",
        "api-token",
        token_id,
        None,
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The active person a bearer token stands for.
pub async fn resolve(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<person::Model>, DbErr> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let found = api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(hash_token(token)))
        .one(db.read())
        .await?;
    let Some(t) = found else {
        return Ok(None);
    };
    let p = person::Entity::find_by_id(t.person_id)
        .one(db.read())
        .await?
        .filter(|p| p.active);
    // Record use at most hourly, to keep API reads from turning into writes.
    if p.is_some()
        && t.last_used_at
            .is_none_or(|at| now - at > Duration::hours(1))
    {
        let tx = db.begin_write().await?;
        let mut am: api_token::ActiveModel = t.into();
        am.last_used_at = Set(Some(now));
        am.update(&tx).await?;
        tx.commit().await?;
    }
    Ok(p)
}
