//! Who follows what. No HTTP, no activity: targets are plain kinds and ids.
//! Whether a person may see what they follow is decided above (the
//! `notifications` folder asks each activity before [`follow`]).

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder,
};

use super::entities::follow;
use super::{Target, TargetKind};
use crate::db::Db;

fn of(person_id: i32, target: Target) -> Condition {
    Condition::all()
        .add(follow::Column::PersonId.eq(person_id))
        .add(follow::Column::TargetKind.eq(target.kind.code()))
        .add(follow::Column::TargetId.eq(target.id))
}

/// Whether the person follows `target` now (one query).
pub async fn is_following<C: ConnectionTrait>(
    db: &C,
    person_id: i32,
    target: Target,
) -> Result<bool, DbErr> {
    Ok(!followed_among(db, person_id, &[target]).await?.is_empty())
}

/// Which of `targets` the person follows now (one query).
pub async fn followed_among<C: ConnectionTrait>(
    db: &C,
    person_id: i32,
    targets: &[Target],
) -> Result<Vec<Target>, DbErr> {
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let mut any = Condition::any();
    for t in targets {
        any = any.add(
            Condition::all()
                .add(follow::Column::TargetKind.eq(t.kind.code()))
                .add(follow::Column::TargetId.eq(t.id)),
        );
    }
    Ok(follow::Entity::find()
        .filter(follow::Column::PersonId.eq(person_id))
        .filter(follow::Column::Active.eq(true))
        .filter(any)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| TargetKind::from_code(&r.target_kind).map(|k| Target::new(k, r.target_id)))
        .collect())
}

/// Follow `target` by hand (again, if it was unfollowed). Returns whether
/// anything changed.
pub async fn follow(
    db: &Db,
    person_id: i32,
    target: Target,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let tx = db.begin_write().await?;
    let changed = match follow::Entity::find()
        .filter(of(person_id, target))
        .one(&tx)
        .await?
    {
        Some(row) if row.active => false,
        Some(row) => {
            follow::Entity::update_many()
                .col_expr(follow::Column::Active, true.into())
                .col_expr(follow::Column::Automatic, false.into())
                .filter(follow::Column::Id.eq(row.id))
                .exec(&tx)
                .await?;
            true
        }
        None => {
            insert(&tx, person_id, target, false, now).await?;
            true
        }
    };
    tx.commit().await?;
    Ok(changed)
}

/// Stop following `target`. The row stays (inactive), so taking part again
/// in the same thing does not follow it again silently. Returns whether
/// anything changed.
pub async fn unfollow(db: &Db, person_id: i32, target: Target) -> Result<bool, DbErr> {
    let tx = db.begin_write().await?;
    let res = follow::Entity::update_many()
        .col_expr(follow::Column::Active, false.into())
        .filter(of(person_id, target))
        .filter(follow::Column::Active.eq(true))
        .exec(&tx)
        .await?;
    tx.commit().await?;
    Ok(res.rows_affected > 0)
}

/// Inserts a follow row; a row already there (followed, or unfollowed on
/// purpose) is left as it is.
async fn insert<C: ConnectionTrait>(
    tx: &C,
    person_id: i32,
    target: Target,
    automatic: bool,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    follow::Entity::insert(follow::ActiveModel {
        person_id: Set(person_id),
        target_kind: Set(target.kind.code().to_owned()),
        target_id: Set(target.id),
        automatic: Set(automatic),
        active: Set(true),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            follow::Column::PersonId,
            follow::Column::TargetKind,
            follow::Column::TargetId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(tx)
    .await?;
    Ok(())
}

/// Follow the thing of `kind` and `id` because the person took part in it
/// (registered, contributed, presented, owns it), inside the caller's
/// transaction. A person who unfollowed it stays unfollowed.
pub async fn follow_automatically<C: ConnectionTrait>(
    tx: &C,
    person_id: i32,
    (kind, id): (TargetKind, i32),
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    insert(tx, person_id, Target::new(kind, id), true, now).await
}

/// What a person follows now, by kind, oldest first within a kind (one query).
pub async fn following_of<C: ConnectionTrait>(
    db: &C,
    person_id: i32,
) -> Result<Vec<follow::Model>, DbErr> {
    follow::Entity::find()
        .filter(follow::Column::PersonId.eq(person_id))
        .filter(follow::Column::Active.eq(true))
        .order_by_asc(follow::Column::TargetKind)
        .order_by_asc(follow::Column::Id)
        .all(db)
        .await
}

/// Who follows any of `targets` now, with the target they follow (one
/// query; a person following several of them appears once per target).
pub async fn followers_of<C: ConnectionTrait>(
    db: &C,
    targets: &[Target],
) -> Result<Vec<(i32, Target)>, DbErr> {
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let mut any = Condition::any();
    for kind in TargetKind::ALL {
        let ids: Vec<i32> = targets
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.id)
            .collect();
        if !ids.is_empty() {
            any = any.add(
                Condition::all()
                    .add(follow::Column::TargetKind.eq(kind.code()))
                    .add(follow::Column::TargetId.is_in(ids)),
            );
        }
    }
    let rows = follow::Entity::find()
        .filter(follow::Column::Active.eq(true))
        .filter(any)
        .order_by_asc(follow::Column::PersonId)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            TargetKind::from_code(&r.target_kind)
                .map(|k| (r.person_id, Target::new(k, r.target_id)))
        })
        .collect())
}
