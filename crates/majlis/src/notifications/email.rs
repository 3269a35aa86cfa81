//! Notifications by email: at once, or gathered in a daily or weekly digest,
//! per kind and person (`notification_setting`, defaults in
//! [`NoticeKind::default_delivery`]). A round takes every notification whose
//! time has come (at once: now; daily: created before the last 06:00 UTC;
//! weekly: before the last Monday 06:00 UTC) and not yet emailed, and for
//! each person moves their watermarks (`notification_mailed`, one per kind:
//! everything up to it is done) and queues one message in one transaction.
//! The move is conditional on the watermark as read, so when two nodes
//! build the same digest only one queues it; the mail queue then sends each
//! message once. Nothing due, no message: an empty digest is never sent.
//! Kinds set to "never" have their watermark moved without a message.
//! Notifications older than the round's window (two days; eight for the
//! weekly digest) are passed over: they stay on the person's page.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

use super::entities::{mailed, notification, setting};
use super::rules::group;
use super::unsubscribe;
use super::{Delivery, NoticeKind};
use crate::accounts::person;
use crate::accounts::secrets::SecretKey;
use crate::db::Db;
use crate::i18n::{FluentArg, Locale};
use crate::mail::{Outgoing, queue};

/// The hour (UTC) digests are made.
const DIGEST_HOUR: u32 = 6;
/// People handled per read.
const PEOPLE_PER_READ: usize = 200;

/// What one round queued.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sent {
    /// Messages queued.
    pub messages: usize,
    /// Notifications they carried.
    pub notifications: usize,
}

impl std::ops::AddAssign for Sent {
    fn add_assign(&mut self, o: Sent) {
        self.messages += o.messages;
        self.notifications += o.notifications;
    }
}

/// The last daily digest time at or before `now`.
pub fn daily_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    let today = now
        .date_naive()
        .and_time(NaiveTime::from_hms_opt(DIGEST_HOUR, 0, 0).unwrap_or_default())
        .and_utc();
    if today <= now {
        today
    } else {
        today - Duration::days(1)
    }
}

/// The last weekly digest time (Monday) at or before `now`.
pub fn weekly_cutoff(now: DateTime<Utc>) -> DateTime<Utc> {
    let mut day = daily_cutoff(now);
    while day.weekday() != chrono::Weekday::Mon {
        day -= Duration::days(1);
    }
    day
}

/// How far back a round looks: older notifications are left to the page.
fn window(delivery: Delivery) -> Duration {
    match delivery {
        Delivery::Weekly => Duration::days(8),
        _ => Duration::days(2),
    }
}

/// How a notification of kind `kind` reaches its person: the stored setting
/// (`stored`), or without one the kind's default ([`delivered_by`] in Rust).
fn reaches_by(kind: &str, stored: Option<&str>) -> Option<Delivery> {
    match stored {
        Some(code) => Delivery::from_code(code),
        None => NoticeKind::from_code(kind).map(NoticeKind::default_delivery),
    }
}

/// Watermark rows whose kind reaches their person by `delivery`: a stored
/// setting, or no setting and the kind's default. (Codes are this file's
/// constants, never input.)
fn delivered_by(delivery: Delivery) -> Condition {
    let stored = |d: &str| {
        format!(
            r#"EXISTS (SELECT 1 FROM "notification_setting" s WHERE s."person_id" = "notification_mailed"."person_id" AND s."kind" = "notification_mailed"."kind"{d})"#
        )
    };
    let defaults: Vec<&str> = NoticeKind::ALL
        .into_iter()
        .filter(|k| k.default_delivery() == delivery)
        .map(|k| k.code())
        .collect();
    let mut c = Condition::any().add(Expr::cust(stored(&format!(
        r#" AND s."delivery" = '{}'"#,
        delivery.code()
    ))));
    if !defaults.is_empty() {
        c = c.add(
            Condition::all()
                .add(mailed::Column::Kind.is_in(defaults))
                .add(Expr::cust(format!("NOT {}", stored("")))),
        );
    }
    c
}

/// Watermark rows with something waiting since `cutoff` or before, for `delivery`.
fn due(delivery: Delivery, cutoff: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(Expr::col(mailed::Column::LatestId).gt(Expr::col(mailed::Column::UptoId)))
        .add(mailed::Column::PendingSince.lte(cutoff))
        .add(delivered_by(delivery))
}

/// One round of email at `now`: what is due at once, the daily and weekly
/// digests whose time has come, and notifications set to "never" put aside.
pub async fn send_due(
    db: &Db,
    key: &SecretKey,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Sent, DbErr> {
    let mut sent = Sent::default();
    sent += deliver(db, key, public_url, Delivery::Now, now, now).await?;
    sent += deliver(db, key, public_url, Delivery::Daily, daily_cutoff(now), now).await?;
    sent += deliver(
        db,
        key,
        public_url,
        Delivery::Weekly,
        weekly_cutoff(now),
        now,
    )
    .await?;
    let tx = db.begin_write().await?;
    mailed::Entity::update_many()
        .col_expr(mailed::Column::UptoId, Expr::col(mailed::Column::LatestId))
        .col_expr(
            mailed::Column::PendingSince,
            Expr::value(None::<DateTime<Utc>>),
        )
        .filter(due(Delivery::Never, now))
        .exec(&tx)
        .await?;
    tx.commit().await?;
    Ok(sent)
}

/// Queue the messages of one delivery whose notifications were made up to `cutoff`.
pub async fn deliver(
    db: &Db,
    key: &SecretKey,
    public_url: &str,
    delivery: Delivery,
    cutoff: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Sent, DbErr> {
    let people: Vec<i32> = mailed::Entity::find()
        .select_only()
        .column(mailed::Column::PersonId)
        .distinct()
        .filter(due(delivery, cutoff))
        .order_by_asc(mailed::Column::PersonId)
        .into_tuple::<i32>()
        .all(db.read())
        .await?;
    let mut sent = Sent::default();
    for chunk in people.chunks(PEOPLE_PER_READ) {
        let stored: HashMap<(i32, String), String> = setting::Entity::find()
            .filter(setting::Column::PersonId.is_in(chunk.to_vec()))
            .all(db.read())
            .await?
            .into_iter()
            .map(|s| ((s.person_id, s.kind), s.delivery))
            .collect();
        let marks: Vec<mailed::Model> = mailed::Entity::find()
            .filter(mailed::Column::PersonId.is_in(chunk.to_vec()))
            .filter(Expr::col(mailed::Column::LatestId).gt(Expr::col(mailed::Column::UptoId)))
            .filter(mailed::Column::PendingSince.lte(cutoff))
            .order_by_asc(mailed::Column::PersonId)
            .all(db.read())
            .await?;
        // Everything of the window, waiting or not: what is after a
        // watermark is picked below (by person, through their index).
        let rows = notification::Entity::find()
            .filter(notification::Column::PersonId.is_in(chunk.to_vec()))
            .filter(notification::Column::CreatedAt.gt(cutoff - window(delivery)))
            .order_by_asc(notification::Column::PersonId)
            .order_by_desc(notification::Column::Id)
            .all(db.read())
            .await?;
        let mut by_mark: HashMap<(i32, String), Vec<notification::Model>> = HashMap::new();
        for n in rows {
            by_mark
                .entry((n.person_id, n.kind.clone()))
                .or_default()
                .push(n);
        }
        let persons: BTreeMap<i32, person::Model> = person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.to_vec()))
            .all(db.read())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        // Per person: the watermarks to move and the notifications they pass.
        let mut plans: BTreeMap<i32, (Vec<Move>, Vec<notification::Model>)> = BTreeMap::new();
        for m in marks {
            let by = reaches_by(
                &m.kind,
                stored
                    .get(&(m.person_id, m.kind.clone()))
                    .map(String::as_str),
            );
            if by != Some(delivery) {
                continue;
            }
            let waiting = by_mark
                .remove(&(m.person_id, m.kind.clone()))
                .unwrap_or_default();
            let (to, items) = passed(&m, waiting, cutoff);
            let plan = plans.entry(m.person_id).or_default();
            plan.0.push(Move {
                kind: m.kind,
                from: m.upto_id,
                to,
            });
            plan.1.extend(items);
        }
        let tx = db.begin_write().await?;
        for (person_id, (moves, mut items)) in plans {
            // Each person on their own savepoint: what another node took
            // meanwhile undoes this person's part only.
            let sp = tx.begin().await?;
            let mut all_moved = true;
            for mv in &moves {
                if !mv.apply(&sp, person_id).await? {
                    all_moved = false;
                    break;
                }
            }
            if !all_moved {
                sp.rollback().await?;
                continue;
            }
            // An account switched off gets nothing; its notifications are done.
            if let Some(p) = persons
                .get(&person_id)
                .filter(|p| p.active && !items.is_empty())
            {
                items.sort_by_key(|n| std::cmp::Reverse(n.id));
                let count = items.len();
                let (msg, unsubscribe) = message(p, delivery, items, key, public_url);
                queue::enqueue_unsubscribable(
                    &sp,
                    &msg,
                    &format!("notifications-{}", delivery.code()),
                    now,
                    Some(&unsubscribe),
                )
                .await?;
                sent.messages += 1;
                sent.notifications += count;
            }
            sp.commit().await?;
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Where one watermark goes, and the notifications it passes that a
/// message carries: those made up to `cutoff` after the watermark
/// (`window` holds the round's window, newest first). Waiting
/// notifications older than the window are passed over without a message.
fn passed(
    m: &mailed::Model,
    window: Vec<notification::Model>,
    cutoff: DateTime<Utc>,
) -> (i32, Vec<notification::Model>) {
    let waiting: Vec<notification::Model> =
        window.into_iter().filter(|n| n.id > m.upto_id).collect();
    // Up to the newest made by the cutoff; ids above it were made after
    // (a node whose clock is behind may have made one a little later with
    // a lower id: it goes now, early rather than never).
    match waiting
        .iter()
        .filter(|n| n.created_at <= cutoff)
        .map(|n| n.id)
        .max()
    {
        Some(to) => (to, waiting.into_iter().filter(|n| n.id <= to).collect()),
        // Nothing of the window waits: what waits is older; pass it.
        None => match waiting.iter().map(|n| n.id).min() {
            Some(first) => (Ord::max(first - 1, m.upto_id), Vec::new()),
            None => (m.latest_id, Vec::new()),
        },
    }
}

/// One watermark's move.
struct Move {
    kind: String,
    from: i32,
    to: i32,
}

impl Move {
    /// Move the watermark if it is still where it was read (false when
    /// another node moved it first), and note when the oldest notification
    /// still waiting after it was made.
    async fn apply<C: sea_orm::ConnectionTrait>(
        &self,
        c: &C,
        person_id: i32,
    ) -> Result<bool, DbErr> {
        let since = sea_orm::sea_query::Query::select()
            .expr(sea_orm::sea_query::Func::min(Expr::col(
                notification::Column::CreatedAt,
            )))
            .from(notification::Entity)
            .and_where(notification::Column::PersonId.eq(person_id))
            .and_where(notification::Column::Kind.eq(self.kind.as_str()))
            .and_where(notification::Column::Id.gt(self.to))
            .to_owned();
        Ok(mailed::Entity::update_many()
            .col_expr(mailed::Column::UptoId, Expr::value(self.to))
            .col_expr(mailed::Column::PendingSince, since.into())
            .filter(mailed::Column::PersonId.eq(person_id))
            .filter(mailed::Column::Kind.eq(self.kind.as_str()))
            .filter(mailed::Column::UptoId.eq(self.from))
            .exec(c)
            .await?
            .rows_affected
            == 1)
    }
}

/// The message to `p` carrying `items` (newest first), and its
/// unsubscribe address (the kinds it carries).
fn message(
    p: &person::Model,
    delivery: Delivery,
    items: Vec<notification::Model>,
    key: &SecretKey,
    public_url: &str,
) -> (Outgoing, String) {
    let l: Locale = p.locale.parse().unwrap_or_default();
    let count = items.len() as i64;
    let mut kinds: Vec<NoticeKind> = items
        .iter()
        .filter_map(|n| NoticeKind::from_code(&n.kind))
        .collect();
    kinds.sort();
    kinds.dedup();
    let unsubscribe = unsubscribe::url(public_url, &unsubscribe::token(key, p.id, &kinds));
    let mut body = String::new();
    body.push_str(&l.t("mail-notice-intro"));
    body.push_str("\n\n");
    for g in group(items) {
        body.push_str(&g.heading(l));
        body.push('\n');
        for n in &g.items {
            body.push_str(&format!(
                "- {}\n  {public_url}{}?lang={}\n",
                n.title.text(l),
                n.url,
                l.code()
            ));
        }
        body.push('\n');
    }
    let kind_names: Vec<String> = kinds
        .iter()
        .map(|k| l.t(&format!("notice-kind-{}", k.code())))
        .collect();
    let args: [(&'static str, FluentArg); 4] = [
        ("count", count.into()),
        (
            "settings",
            format!("{public_url}/account/notifications?lang={}", l.code()).into(),
        ),
        ("kinds", kind_names.join(", ").into()),
        ("unsubscribe", unsubscribe.clone().into()),
    ];
    body.push_str(&l.t_args("mail-notice-footer", &args));
    let subject = l.t_args(&format!("mail-notice-subject-{}", delivery.code()), &args);
    (
        Outgoing {
            to_email: p.email.clone(),
            to_name: p.display_name.clone(),
            subject,
            body,
            key: None,
        },
        unsubscribe,
    )
}
