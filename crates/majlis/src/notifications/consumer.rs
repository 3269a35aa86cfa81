//! Turning the outbox into notifications. One cursor (`notifications`) is
//! shared by every node: a round reads the changes after it, works out who
//! is told what, and commits the notifications with the cursor's move. The
//! move is conditional on the position the round started from, so when two
//! nodes run the same round only the first to commit keeps its work; the
//! other's transaction is rolled back and it reads on from the new position.
//!
//! A change is about a subject (`subjects`). The first time a subject can
//! be seen by anyone, it is announced as new to the followers of what it is
//! on (its themes, municipality, organisations, series) and of itself;
//! later changes are told to the followers of the subject only. Nobody is
//! told about what they may not see: the subject's audiences (those of its
//! search document) must include one of the person's.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::NoticeKind;
use super::entities::{announced, mailed, notification};
use super::subjects::{self, Subject};
use crate::accounts::person;
use crate::db::Db;
use crate::db::outbox::{cursor, entity as outbox};
use crate::follows::Target;
use crate::policy::Actor;

/// The cursor's name in `outbox_cursor` (one for all nodes).
pub const CONSUMER: &str = "notifications";
/// Changes read per round.
const BATCH: u64 = 200;

/// Notifications to write for one change.
struct Planned {
    subject: Subject,
    kind: NoticeKind,
    /// Announces the subject (an `announced` row to write).
    announce: bool,
    /// Recipients and what brought it to each.
    recipients: Vec<(i32, Target)>,
    outbox_id: i64,
}

/// Read the outbox up to its end; returns how many notifications were made.
pub async fn catch_up(db: &Db, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let mut made = 0;
    while let Some(n) = round(db, now).await? {
        made += n;
    }
    Ok(made)
}

async fn position<C: ConnectionTrait>(db: &C) -> Result<Option<i64>, DbErr> {
    Ok(cursor::Entity::find_by_id(CONSUMER.to_owned())
        .one(db)
        .await?
        .map(|c| c.position))
}

/// One round: `None` when nothing was left to read.
async fn round(db: &Db, now: DateTime<Utc>) -> Result<Option<usize>, DbErr> {
    let start = position(db.read()).await?;
    let rows = outbox::Entity::find()
        .filter(outbox::Column::Id.gt(start.unwrap_or(0)))
        .order_by_asc(outbox::Column::Id)
        .limit(BATCH)
        .all(db.read())
        .await?;
    let Some(last) = rows.last().map(|r| r.id) else {
        return Ok(None);
    };
    let plans = plan(db, &rows).await?;
    let mut made = 0;
    let tx = db.begin_write().await?;
    if !move_cursor(&tx, start, last, now).await? {
        // Another node did this round first.
        tx.rollback().await?;
        return Ok(Some(0));
    }
    let before = newest_notification(&tx).await?;
    let mut unread: BTreeMap<i32, i32> = BTreeMap::new();
    let vias: Vec<Target> = plans
        .iter()
        .flat_map(|p| p.recipients.iter().map(|(_, t)| *t))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let names = subjects::describe(&tx, &vias).await?;
    for p in &plans {
        if p.announce {
            announced::Entity::insert(announced::ActiveModel {
                entity: Set(p.subject.entity.to_owned()),
                entity_id: Set(p.subject.id),
                created_at: Set(now),
            })
            .on_conflict(
                OnConflict::columns([announced::Column::Entity, announced::Column::EntityId])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&tx)
            .await?;
        }
        let rows: Vec<notification::ActiveModel> = p
            .recipients
            .iter()
            .map(|(person, via)| notification::ActiveModel {
                person_id: Set(*person),
                kind: Set(p.kind.code().to_owned()),
                entity: Set(p.subject.entity.to_owned()),
                entity_id: Set(p.subject.id),
                title: Set(p.subject.title.clone()),
                url: Set(p.subject.url.clone()),
                via_kind: Set(Some(via.kind.code().to_owned())),
                via_id: Set(Some(via.id)),
                via_title: Set(names.get(via).map(|d| d.title.clone())),
                outbox_id: Set(p.outbox_id),
                read_at: Set(None),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        for chunk in rows.chunks(500) {
            notification::Entity::insert_many(chunk.to_vec())
                .exec_without_returning(&tx)
                .await?;
        }
        for (person, _) in &p.recipients {
            *unread.entry(*person).or_default() += 1;
        }
        made += p.recipients.len();
    }
    if made > 0 {
        note_waiting(&tx, before).await?;
    }
    // The header's counts: one update per distinct increment.
    let mut by_step: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for (person, n) in unread {
        by_step.entry(n).or_default().push(person);
    }
    for (n, people) in by_step {
        for chunk in people.chunks(500) {
            person::Entity::update_many()
                .col_expr(
                    person::Column::UnreadNotifications,
                    Expr::col(person::Column::UnreadNotifications).add(n),
                )
                .filter(person::Column::Id.is_in(chunk.to_vec()))
                .exec(&tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(Some(made))
}

/// The highest notification id so far (0 when there is none).
async fn newest_notification<C: ConnectionTrait>(tx: &C) -> Result<i32, DbErr> {
    let newest: Option<Option<i32>> = notification::Entity::find()
        .select_only()
        .column_as(notification::Column::Id.max(), "newest")
        .into_tuple()
        .one(tx)
        .await?;
    Ok(newest.flatten().unwrap_or(0))
}

/// Tell email that notifications after `before` wait: each person and
/// kind's watermark row gets its newest id, and the time the oldest waiting
/// one was made when nothing waited before. One statement for the round.
async fn note_waiting<C: ConnectionTrait>(tx: &C, before: i32) -> Result<(), DbErr> {
    use sea_orm::sea_query::{Func, OnConflict, Query};
    let n = notification::Column::Id;
    let fresh = Query::select()
        .column(notification::Column::PersonId)
        .column(notification::Column::Kind)
        .expr(Expr::val(0))
        .expr(Func::max(Expr::col(n)))
        .expr(Func::min(Expr::col(notification::Column::CreatedAt)))
        .from(notification::Entity)
        .and_where(Expr::col(n).gt(before))
        .group_by_col(notification::Column::PersonId)
        .group_by_col(notification::Column::Kind)
        .to_owned();
    // A row that already had something waiting keeps its older time.
    let keep_since = Expr::cust(
        r#"CASE WHEN "notification_mailed"."latest_id" > "notification_mailed"."upto_id" THEN "notification_mailed"."pending_since" ELSE "excluded"."pending_since" END"#,
    );
    let insert = Query::insert()
        .into_table(mailed::Entity)
        .columns([
            mailed::Column::PersonId,
            mailed::Column::Kind,
            mailed::Column::UptoId,
            mailed::Column::LatestId,
            mailed::Column::PendingSince,
        ])
        .select_from(fresh)
        .map_err(|e| DbErr::Custom(e.to_string()))?
        .on_conflict(
            OnConflict::columns([mailed::Column::PersonId, mailed::Column::Kind])
                .update_column(mailed::Column::LatestId)
                .value(mailed::Column::PendingSince, keep_since)
                .to_owned(),
        )
        .to_owned();
    tx.execute(&insert).await?;
    Ok(())
}

/// Move the shared cursor from `from` to `to`; false when another node
/// moved it first.
async fn move_cursor<C: ConnectionTrait>(
    tx: &C,
    from: Option<i64>,
    to: i64,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    match from {
        Some(from) => Ok(cursor::Entity::update_many()
            .col_expr(cursor::Column::Position, Expr::value(to))
            .col_expr(cursor::Column::UpdatedAt, Expr::value(now))
            .filter(cursor::Column::Consumer.eq(CONSUMER))
            .filter(cursor::Column::Position.eq(from))
            .exec(tx)
            .await?
            .rows_affected
            == 1),
        None => {
            let inserted = cursor::Entity::insert(cursor::ActiveModel {
                consumer: Set(CONSUMER.to_owned()),
                position: Set(to),
                updated_at: Set(now),
            })
            .on_conflict(
                OnConflict::column(cursor::Column::Consumer)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(tx)
            .await?;
            Ok(inserted == 1)
        }
    }
}

/// Who is told what for a batch of changes (reads only).
async fn plan(db: &Db, rows: &[outbox::Model]) -> Result<Vec<Planned>, DbErr> {
    // Each object once per batch, at its last change.
    let mut last: Vec<(String, i32, i64)> = Vec::new();
    for r in rows {
        let Ok(id) = r.entity_id.parse::<i32>() else {
            continue;
        };
        if !matches!(
            r.entity.as_str(),
            "practice"
                | "resource"
                | "event"
                | "dilemma"
                | "project"
                | "survey"
                | "cohesion-setting"
        ) {
            continue;
        }
        match last.iter_mut().find(|(e, i, _)| *e == r.entity && *i == id) {
            Some(seen) => seen.2 = r.id,
            None => last.push((r.entity.clone(), id, r.id)),
        }
    }
    if last.is_empty() {
        return Ok(Vec::new());
    }
    let known: HashSet<(String, i32)> = announced::Entity::find()
        .filter(
            announced::Column::EntityId
                .is_in(last.iter().map(|(_, id, _)| *id).collect::<Vec<_>>()),
        )
        .all(db.read())
        .await?
        .into_iter()
        .map(|a| (a.entity, a.entity_id))
        .collect();
    let mut plans = Vec::new();
    for (entity, id, outbox_id) in last {
        let Some(subject) = subjects::load(db.read(), &entity, id).await? else {
            continue;
        };
        let announce = !known.contains(&(entity.clone(), id));
        let (kind, targets): (NoticeKind, Vec<Target>) = if announce {
            let mut t = subject.on.clone();
            t.extend(subject.itself);
            (subject.new_kind, t)
        } else {
            match (subject.changed_kind, subject.itself) {
                (Some(kind), Some(itself)) => (kind, vec![itself]),
                _ => continue,
            }
        };
        let followers = crate::follows::rules::followers_of(db.read(), &targets).await?;
        // Each person once, through the first of the targets they follow.
        let mut recipients: Vec<(i32, Target)> = Vec::new();
        let mut told: HashSet<i32> = HashSet::new();
        for t in &targets {
            for (person, followed) in &followers {
                if followed == t && told.insert(*person) {
                    recipients.push((*person, *t));
                }
            }
        }
        plans.push(Planned {
            subject,
            kind,
            announce,
            recipients,
            outbox_id,
        });
    }
    keep_allowed(db, &mut plans).await?;
    skip_pending(db, &mut plans).await?;
    Ok(plans)
}

/// Leave out people who may not see the subject, or whose account is off.
async fn keep_allowed(db: &Db, plans: &mut [Planned]) -> Result<(), DbErr> {
    let ids: Vec<i32> = plans
        .iter()
        .flat_map(|p| p.recipients.iter().map(|(id, _)| *id))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut audiences: HashMap<i32, Vec<String>> = HashMap::new();
    for chunk in ids.chunks(500) {
        for p in person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.to_vec()))
            .filter(person::Column::Active.eq(true))
            .all(db.read())
            .await?
        {
            // Focal points change nothing of what a person may read here.
            let actor = Actor::new(p.id, &p.role, p.totp_secret.is_some(), Vec::new());
            audiences.insert(p.id, crate::search::audience_of(Some(&actor)));
        }
    }
    for p in plans.iter_mut() {
        let audience = &p.subject.audience;
        p.recipients.retain(|(id, _)| {
            audiences
                .get(id)
                .is_some_and(|theirs| theirs.iter().any(|a| audience.contains(a)))
        });
    }
    Ok(())
}

/// A change of something followed is told once until it is read or
/// emailed: later changes meanwhile add nothing.
async fn skip_pending(db: &Db, plans: &mut [Planned]) -> Result<(), DbErr> {
    // One question per kind of object and 500 objects, not one per change.
    let mut ids: BTreeMap<&'static str, Vec<i32>> = BTreeMap::new();
    for p in plans
        .iter()
        .filter(|p| !p.announce && !p.recipients.is_empty())
    {
        ids.entry(p.subject.entity).or_default().push(p.subject.id);
    }
    let mut unread: Vec<(i32, &'static str, i32, String, i32)> = Vec::new();
    for (entity, ids) in ids {
        for chunk in ids.chunks(500) {
            let rows: Vec<(i32, i32, String, i32)> = notification::Entity::find()
                .select_only()
                .column(notification::Column::PersonId)
                .column(notification::Column::EntityId)
                .column(notification::Column::Kind)
                .column(notification::Column::Id)
                .filter(notification::Column::Entity.eq(entity))
                .filter(notification::Column::EntityId.is_in(chunk.to_vec()))
                .filter(notification::Column::ReadAt.is_null())
                .into_tuple()
                .all(db.read())
                .await?;
            unread.extend(
                rows.into_iter()
                    .map(|(person, id, kind, n)| (person, entity, id, kind, n)),
            );
        }
    }
    // Unread and not yet emailed: after the person's watermark for the kind.
    let people: Vec<i32> = unread
        .iter()
        .map(|u| u.0)
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut upto: HashMap<(i32, String), i32> = HashMap::new();
    for chunk in people.chunks(500) {
        for m in mailed::Entity::find()
            .filter(mailed::Column::PersonId.is_in(chunk.to_vec()))
            .all(db.read())
            .await?
        {
            upto.insert((m.person_id, m.kind), m.upto_id);
        }
    }
    let pending: HashSet<(i32, &'static str, i32, String)> = unread
        .into_iter()
        .filter(|(person, _, _, kind, n)| {
            upto.get(&(*person, kind.clone()))
                .is_none_or(|upto| n > upto)
        })
        .map(|(person, entity, id, kind, _)| (person, entity, id, kind))
        .collect();
    for p in plans.iter_mut().filter(|p| !p.announce) {
        let kind = p.kind.code();
        p.recipients.retain(|(person, _)| {
            !pending.contains(&(*person, p.subject.entity, p.subject.id, kind.to_owned()))
        });
    }
    Ok(())
}
