//! The mail queue: a message is written as a row in the same transaction as
//! the decision to send it (a waiting-list promotion, a reminder), so nothing
//! decided is lost if the process stops. Any node may deliver: it claims a
//! row for a while (`claimed_until`), sends it, and marks it sent. A node that
//! dies after claiming leaves the row to be claimed again once the claim runs
//! out. The row id is the message's identity (`Message-ID`, and the file
//! name with the file transport), so a message sent again after a crash
//! between sending and marking replaces its file instead of adding one.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::entity::prelude::*;
use sea_orm::{ActiveModelTrait, Condition, ConnectionTrait, ExprTrait, QueryOrder, QuerySelect};

use super::{Mailer, Outgoing};
use crate::db::Db;

/// A queued message.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "mail_queue")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub to_address: String,
    pub to_name: String,
    pub subject: String,
    pub body: String,
    /// What the message is for (e.g. `event-reminder`), for logs and tests.
    pub purpose: String,
    pub created_at: DateTimeUtc,
    pub claimed_until: Option<DateTimeUtc>,
    pub claimed_by: Option<String>,
    pub attempts: i32,
    pub sent_at: Option<DateTimeUtc>,
    /// The one-click unsubscribe address (RFC 8058) of a notification
    /// message, sent as `List-Unsubscribe` with `List-Unsubscribe-Post`.
    pub unsubscribe_url: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// How long a claim holds before another node may try the message again.
pub const CLAIM: Duration = Duration::minutes(5);
/// Messages that failed this many times are left for a person to look at.
pub const MAX_ATTEMPTS: i32 = 10;

/// Queue a message inside the caller's transaction.
pub async fn enqueue<C: ConnectionTrait>(
    tx: &C,
    msg: &Outgoing,
    purpose: &str,
    now: DateTime<Utc>,
) -> Result<i32, DbErr> {
    enqueue_unsubscribable(tx, msg, purpose, now, None).await
}

/// Queue a message that carries a one-click unsubscribe address.
pub async fn enqueue_unsubscribable<C: ConnectionTrait>(
    tx: &C,
    msg: &Outgoing,
    purpose: &str,
    now: DateTime<Utc>,
    unsubscribe_url: Option<&str>,
) -> Result<i32, DbErr> {
    let row = ActiveModel {
        id: NotSet,
        to_address: Set(msg.to_email.clone()),
        to_name: Set(msg.to_name.clone()),
        subject: Set(msg.subject.clone()),
        body: Set(msg.body.clone()),
        purpose: Set(purpose.to_owned()),
        created_at: Set(now),
        claimed_until: Set(None),
        claimed_by: Set(None),
        attempts: Set(0),
        sent_at: Set(None),
        unsubscribe_url: Set(unsubscribe_url.map(str::to_owned)),
    }
    .insert(tx)
    .await?;
    Ok(row.id)
}

/// What one delivery round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivered {
    pub sent: usize,
    pub failed: usize,
}

fn claimable() -> Condition {
    Condition::all()
        .add(Column::SentAt.is_null())
        .add(Column::Attempts.lt(MAX_ATTEMPTS))
}

/// Claim one message for `node`: an update that succeeds for one node only.
async fn claim(db: &Db, id: i32, node: &str, now: DateTime<Utc>) -> Result<bool, DbErr> {
    let tx = db.begin_write().await?;
    let res = Entity::update_many()
        .col_expr(Column::ClaimedUntil, Expr::value(now + CLAIM))
        .col_expr(Column::ClaimedBy, Expr::value(node))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .filter(Column::Id.eq(id))
        .filter(claimable())
        .filter(
            Condition::any()
                .add(Column::ClaimedUntil.is_null())
                .add(Column::ClaimedUntil.lt(now)),
        )
        .exec(&tx)
        .await?;
    tx.commit().await?;
    Ok(res.rows_affected == 1)
}

/// Send up to `limit` due messages. Each is claimed before it is sent and
/// marked sent after, so several nodes may run this at once.
pub async fn deliver(
    db: &Db,
    mailer: &Mailer,
    node: &str,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Delivered, DbErr> {
    let due = Entity::find()
        .filter(claimable())
        .filter(
            Condition::any()
                .add(Column::ClaimedUntil.is_null())
                .add(Column::ClaimedUntil.lt(now)),
        )
        .order_by_asc(Column::Id)
        .limit(limit)
        .all(db.read())
        .await?;
    let mut done = Delivered::default();
    for m in due {
        if !claim(db, m.id, node, now).await? {
            continue;
        }
        let msg = Outgoing {
            to_email: m.to_address.clone(),
            to_name: m.to_name.clone(),
            subject: m.subject.clone(),
            body: m.body.clone(),
            key: Some(format!("majlis-mail-{}", m.id)),
        };
        match mailer.send_with(&msg, m.unsubscribe_url.as_deref()).await {
            Ok(_) => {
                let tx = db.begin_write().await?;
                Entity::update_many()
                    .col_expr(Column::SentAt, Expr::value(now))
                    .filter(Column::Id.eq(m.id))
                    .exec(&tx)
                    .await?;
                tx.commit().await?;
                done.sent += 1;
            }
            Err(e) => {
                tracing::warn!(id = m.id, purpose = %m.purpose, error = %e, "queued mail not sent; will retry");
                done.failed += 1;
            }
        }
    }
    Ok(done)
}

/// Wakes this node's delivery task when a message that people wait for (a
/// reset link, an invitation) has just been queued.
static WAKE: tokio::sync::Notify = tokio::sync::Notify::const_new();

/// Ask this node's delivery task to run now (after the queuing transaction
/// committed). Without a running task (tests, commands) it does nothing.
pub fn wake() {
    WAKE.notify_one();
}

/// Deliver the queue whenever [`wake`] is called (the regular round every
/// 30 seconds is the reminders task's).
pub fn spawn_on_wake(db: Db, mailer: Mailer, node: String) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            WAKE.notified().await;
            match deliver(&db, &mailer, &node, Utc::now(), 100).await {
                Ok(d) if d.sent > 0 || d.failed > 0 => {
                    tracing::info!(sent = d.sent, failed = d.failed, "mail delivered on demand");
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "mail delivery failed; the regular round retries")
                }
            }
        }
    })
}
