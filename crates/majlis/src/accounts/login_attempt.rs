//! Attempts counted for rate limits (sign-in, second factor, password
//! resets), one row per attempt under a key (`ip:…`, `account-ip:…`, …), so
//! the limits hold across every node.
//!
//! A limit is checked and the attempt recorded in one write transaction that
//! first takes the keys' locks (advisory locks on PostgreSQL; SQLite has one
//! writer and `BEGIN IMMEDIATE`), so concurrent requests, on one node or
//! several, never pass more than the limit: the next request counts the rows
//! the previous one wrote.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::{
    ConnectionTrait, DatabaseBackend, DatabaseTransaction, QueryOrder, QuerySelect, Statement,
};
use sha2::{Digest, Sha256};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "login_attempt")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub key: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The longest key the column holds; longer ones are stored hashed.
const KEY_MAX: usize = 400;

/// A key from a kind and its parts (`account-ip`, [email, ip]).
pub fn key(kind: &str, parts: &[&str]) -> String {
    let k = format!("{kind}:{}", parts.join("|"));
    if k.len() <= KEY_MAX {
        k
    } else {
        format!("{kind}:#{}", super::signin::hash_token(&k))
    }
}

/// Lock the keys until the transaction ends (PostgreSQL; on SQLite the
/// write transaction already excludes every other writer). Locks are taken
/// in one order, so two transactions cannot wait for each other.
pub async fn lock(tx: &DatabaseTransaction, keys: &[&str]) -> Result<(), DbErr> {
    if tx.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    let mut ids: Vec<i64> = keys
        .iter()
        .map(|k| {
            let h = Sha256::digest(k.as_bytes());
            let mut b = [0u8; 8];
            b.copy_from_slice(&h[..8]);
            i64::from_be_bytes(b)
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        tx.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [id.into()],
        ))
        .await?;
    }
    Ok(())
}

/// Attempts under `key` after `since`.
pub async fn count<C: ConnectionTrait>(
    conn: &C,
    key: &str,
    since: DateTime<Utc>,
) -> Result<u64, DbErr> {
    Entity::find()
        .filter(Column::Key.eq(key))
        .filter(Column::At.gt(since))
        .count(conn)
        .await
}

/// The latest attempt under `key` after `since`.
pub async fn latest<C: ConnectionTrait>(
    conn: &C,
    key: &str,
    since: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, DbErr> {
    Ok(Entity::find()
        .filter(Column::Key.eq(key))
        .filter(Column::At.gt(since))
        .order_by_desc(Column::At)
        .limit(1)
        .one(conn)
        .await?
        .map(|m| m.at))
}

/// Record an attempt; returns its row id (to withdraw it if it succeeds).
pub async fn add<C: ConnectionTrait>(
    conn: &C,
    key: String,
    now: DateTime<Utc>,
) -> Result<i64, DbErr> {
    Ok(ActiveModel {
        key: Set(key),
        at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?
    .id)
}

/// Record an attempt under `key` unless `max` were recorded after `since`:
/// checked and written under the key's lock, so concurrent requests never get
/// past the limit. Returns whether the attempt is allowed.
pub async fn admit_one(
    db: &crate::db::Db,
    key: &str,
    since: DateTime<Utc>,
    max: u64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let tx = db.begin_write().await?;
    lock(&tx, &[key]).await?;
    if count(&tx, key, since).await? >= max {
        tx.rollback().await?;
        return Ok(false);
    }
    add(&tx, key.to_owned(), now).await?;
    prune(&tx, now).await?;
    tx.commit().await?;
    Ok(true)
}

/// Withdraw attempts recorded ahead of a check that then succeeded.
pub async fn withdraw(db: &crate::db::Db, ids: &[i64]) -> Result<(), DbErr> {
    if ids.is_empty() {
        return Ok(());
    }
    let tx = db.begin_write().await?;
    Entity::delete_many()
        .filter(Column::Id.is_in(ids.iter().copied()))
        .exec(&tx)
        .await?;
    tx.commit().await
}

/// Keys whose rows are kept longer than a day (addresses a person signed in
/// from, remembered for [`super::signin::KNOWN_ADDRESS_DAYS`]).
pub const KEPT_PREFIX: &str = "signed-in:";

/// Forget attempts that no longer count for anything.
pub async fn prune<C: ConnectionTrait>(conn: &C, now: DateTime<Utc>) -> Result<(), DbErr> {
    Entity::delete_many()
        .filter(Column::At.lt(now - Duration::days(1)))
        .filter(Column::Key.not_like(format!("{KEPT_PREFIX}%")))
        .exec(conn)
        .await?;
    Entity::delete_many()
        .filter(Column::At.lt(now - Duration::days(super::signin::KNOWN_ADDRESS_DAYS)))
        .exec(conn)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_keys_are_hashed_to_fit() {
        assert_eq!(super::key("ip", &["10.0.0.1"]), "ip:10.0.0.1");
        let long = "a".repeat(500);
        let k = super::key("account-ip", &[&long, "10.0.0.1"]);
        assert!(k.len() <= super::KEY_MAX && k.starts_with("account-ip:#"));
        assert_ne!(k, super::key("account-ip", &[&long, "10.0.0.2"]));
    }
}
