//! Personal API tokens: `Authorization: Bearer majlis_…` acts as the person.
//! The token is shown once; only its SHA-256 is stored; revoking deletes it.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use std::sync::LazyLock;

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, Statement,
};

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

/// The active person a bearer token stands for, with the municipalities
/// they are a focal point of.
#[derive(Clone, Debug)]
pub struct TokenPerson {
    pub person: person::Model,
    pub focal_point_of: Vec<i32>,
}

impl TokenPerson {
    /// The person as the policy sees them.
    pub fn actor(&self) -> crate::policy::Actor {
        crate::policy::Actor::new(
            self.person.id,
            &self.person.role,
            self.person.totp_secret.is_some(),
            self.focal_point_of.clone(),
        )
    }
}

/// The token named by the first parameter, its person, and (one row each)
/// the municipalities the person is a focal point of: one query.
fn resolve_sql(backend: DbBackend) -> &'static str {
    static SQLITE: LazyLock<String> = LazyLock::new(|| resolve_sql_for("?"));
    static POSTGRES: LazyLock<String> = LazyLock::new(|| resolve_sql_for("$1"));
    match backend {
        DbBackend::Postgres => &POSTGRES,
        _ => &SQLITE,
    }
}

fn resolve_sql_for(hash: &str) -> String {
    let person = crate::db::aliased_columns::<person::Entity>("p");
    format!(
        r#"SELECT "t"."id" AS "t_id", "t"."last_used_at" AS "t_last_used_at", {person},
             "a"."municipality_id" AS "a_municipality_id"
           FROM "api_token" AS "t" JOIN "person" AS "p" ON "p"."id" = "t"."person_id"
           LEFT JOIN "affiliation" AS "a" ON "a"."person_id" = "p"."id"
             AND "a"."focal_point" AND "a"."municipality_id" IS NOT NULL
           WHERE "t"."token_hash" = {hash}"#
    )
}

/// The active person a bearer token stands for (one query; a second, a
/// write, at most hourly to record the token's use).
pub async fn resolve(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<TokenPerson>, DbErr> {
    if !token.starts_with(PREFIX) {
        return Ok(None);
    }
    let backend = db.read().get_database_backend();
    let rows = db
        .read()
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            resolve_sql(backend),
            [hash_token(token).into()],
        ))
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let person = person::Model::from_query_result(first, "p_")?;
    if !person.active {
        return Ok(None);
    }
    let token_id: i32 = first.try_get("", "t_id")?;
    let last_used_at: Option<DateTime<Utc>> = first.try_get("", "t_last_used_at")?;
    let mut focal_point_of = Vec::new();
    for row in &rows {
        if let Some(m) = row.try_get::<Option<i32>>("", "a_municipality_id")? {
            focal_point_of.push(m);
        }
    }
    // Record use at most hourly, to keep API reads from turning into writes.
    if last_used_at.is_none_or(|at| now - at > Duration::hours(1)) {
        let tx = db.begin_write().await?;
        api_token::Entity::update_many()
            .col_expr(api_token::Column::LastUsedAt, Expr::value(Some(now)))
            .filter(api_token::Column::Id.eq(token_id))
            .exec(&tx)
            .await?;
        tx.commit().await?;
    }
    Ok(Some(TokenPerson {
        person,
        focal_point_of,
    }))
}
