//! The audit log: every change to content, roles and settings records who,
//! what, when and from where, in the same transaction as the change.
//! Coordinators read it at `/audit`, filtered by person, object and date.

pub mod routes;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::entity::prelude::*;
use sea_orm::{DatabaseTransaction, QueryOrder, QuerySelect};

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "audit")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i64,
        pub at: DateTimeUtc,
        /// `None`: the command line, or an account since deleted.
        pub actor_id: Option<i32>,
        pub action: String,
        pub object_type: String,
        pub object_id: String,
        pub ip: String,
        pub detail: Option<String>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// Who acts, and from where.
#[derive(Clone, Debug)]
pub struct Origin {
    pub actor_id: Option<i32>,
    pub ip: String,
}

impl Origin {
    /// A change made with `majlis` on the command line.
    pub fn cli() -> Self {
        Origin {
            actor_id: None,
            ip: "command line".into(),
        }
    }
}

/// Record one change inside the transaction that makes it.
pub async fn record(
    tx: &DatabaseTransaction,
    origin: &Origin,
    action: &str,
    object_type: &str,
    object_id: impl ToString,
    detail: Option<String>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    entity::ActiveModel {
        at: Set(now),
        actor_id: Set(origin.actor_id),
        action: Set(action.chars().take(64).collect()),
        object_type: Set(object_type.chars().take(64).collect()),
        object_id: Set(object_id.to_string().chars().take(64).collect()),
        ip: Set(origin.ip.chars().take(64).collect()),
        detail: Set(detail.map(|d| d.chars().take(1000).collect())),
        ..Default::default()
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// What a coordinator filters by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub actor_id: Option<i32>,
    pub object_type: Option<String>,
    pub object_id: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Entries, newest first: one page and whether more follow.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &Filter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<entity::Model>, bool), DbErr> {
    use entity::Column as A;
    let mut q = entity::Entity::find();
    if let Some(a) = filter.actor_id {
        q = q.filter(A::ActorId.eq(a));
    }
    if let Some(t) = &filter.object_type {
        q = q.filter(A::ObjectType.eq(t.as_str()));
    }
    if let Some(o) = &filter.object_id {
        q = q.filter(A::ObjectId.eq(o.as_str()));
    }
    if let Some(from) = filter.from.and_then(|d| d.and_hms_opt(0, 0, 0)) {
        q = q.filter(A::At.gte(from.and_utc()));
    }
    if let Some(to) = filter
        .to
        .and_then(|d| d.succ_opt())
        .and_then(|d| d.and_hms_opt(0, 0, 0))
    {
        q = q.filter(A::At.lt(to.and_utc()));
    }
    let mut rows = q
        .order_by_desc(A::Id)
        .offset((page.max(1) - 1) * per_page)
        .limit(per_page + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > per_page;
    rows.truncate(per_page as usize);
    Ok((rows, more))
}
