//! The outbox: every content change writes a row here in the same transaction,
//! so consumers (search indexing, notifications) never miss one. Each consumer
//! (one per node and purpose, e.g. `search@node-a`) follows it with its own cursor.

use chrono::Utc;
use sea_orm::entity::prelude::*;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseBackend, DatabaseTransaction, QueryOrder,
    QuerySelect, Statement,
};
use serde::Serialize;

/// What happened to an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Op {
    Created,
    Updated,
    Deleted,
}

impl Op {
    fn as_str(self) -> &'static str {
        match self {
            Op::Created => "created",
            Op::Updated => "updated",
            Op::Deleted => "deleted",
        }
    }
}

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbox")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        /// The kind of object, e.g. `municipality`.
        pub entity: String,
        /// The object's id, as text.
        pub entity_id: String,
        /// `created`, `updated` or `deleted`.
        pub op: String,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod cursor {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "outbox_cursor")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub consumer: String,
        /// The id of the last outbox row this consumer has handled.
        pub position: i64,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Arbitrary constant naming the PostgreSQL advisory lock that orders outbox writes.
const PG_OUTBOX_LOCK: i64 = 0x6d61_6a6c_6973; // "majlis"

/// Record a change inside the writing transaction.
///
/// On PostgreSQL, a transaction-scoped advisory lock makes outbox rows commit
/// in id order, so a consumer reading `id > cursor` cannot skip a row that
/// committed late with a smaller id. (SQLite has one writer: already in order.)
pub async fn record(
    tx: &DatabaseTransaction,
    entity_name: &str,
    entity_id: impl ToString,
    op: Op,
) -> Result<(), DbErr> {
    if tx.get_database_backend() == DatabaseBackend::Postgres {
        tx.execute_raw(Statement::from_sql_and_values(
            DatabaseBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [PG_OUTBOX_LOCK.into()],
        ))
        .await?;
    }
    entity::ActiveModel {
        entity: Set(entity_name.to_owned()),
        entity_id: Set(entity_id.to_string()),
        op: Set(op.as_str().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// The next changes a consumer has not handled yet, oldest first.
pub async fn pending<C: ConnectionTrait>(
    conn: &C,
    consumer: &str,
    limit: u64,
) -> Result<Vec<entity::Model>, DbErr> {
    let position = cursor::Entity::find_by_id(consumer.to_owned())
        .one(conn)
        .await?
        .map_or(0, |c| c.position);
    entity::Entity::find()
        .filter(entity::Column::Id.gt(position))
        .order_by_asc(entity::Column::Id)
        .limit(limit)
        .all(conn)
        .await
}

/// Mark every change up to `id` as handled by `consumer`. The cursor never moves back.
pub async fn acknowledge(tx: &DatabaseTransaction, consumer: &str, id: i64) -> Result<(), DbErr> {
    let now = Utc::now();
    match cursor::Entity::find_by_id(consumer.to_owned())
        .one(tx)
        .await?
    {
        Some(c) if c.position >= id => Ok(()),
        Some(_) => {
            cursor::ActiveModel {
                consumer: Set(consumer.to_owned()),
                position: Set(id),
                updated_at: Set(now),
            }
            .update(tx)
            .await?;
            Ok(())
        }
        None => {
            cursor::ActiveModel {
                consumer: Set(consumer.to_owned()),
                position: Set(id),
                updated_at: Set(now),
            }
            .insert(tx)
            .await?;
            Ok(())
        }
    }
}
