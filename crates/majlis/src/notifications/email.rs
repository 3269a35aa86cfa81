//! Notifications by email: at once, or gathered in a daily or weekly digest,
//! per kind and person (`notification_setting`, defaults in
//! [`NoticeKind::default_delivery`]). A round takes every notification whose
//! time has come (at once: now; daily: created before the last 06:00 UTC;
//! weekly: before the last Monday 06:00 UTC) and not yet emailed, and for
//! each person marks them emailed and queues one message in one
//! transaction. The marking is conditional (`emailed_at IS NULL`), so when
//! two nodes build the same digest only one queues it; the mail queue then
//! sends each message once. Nothing due, no message: an empty digest is
//! never sent. Notifications of kinds set to "never" are marked as done
//! without a message.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Duration, NaiveTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

use super::entities::{notification, setting};
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

/// Notifications whose kind reaches their person by `delivery`: a stored
/// setting, or no setting and the kind's default. (Codes are this file's
/// constants, never input.)
fn delivered_by(delivery: Delivery) -> Condition {
    let stored = |d: &str| {
        format!(
            r#"EXISTS (SELECT 1 FROM "notification_setting" s WHERE s."person_id" = "notification"."person_id" AND s."kind" = "notification"."kind"{d})"#
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
                .add(notification::Column::Kind.is_in(defaults))
                .add(Expr::cust(format!("NOT {}", stored("")))),
        );
    }
    c
}

fn due(delivery: Delivery, cutoff: DateTime<Utc>) -> Condition {
    Condition::all()
        .add(notification::Column::EmailedAt.is_null())
        .add(notification::Column::CreatedAt.lte(cutoff))
        .add(notification::Column::CreatedAt.gt(cutoff - window(delivery)))
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
    notification::Entity::update_many()
        .col_expr(notification::Column::EmailedAt, Expr::value(now))
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
    let people: Vec<i32> = notification::Entity::find()
        .select_only()
        .column(notification::Column::PersonId)
        .distinct()
        .filter(due(delivery, cutoff))
        .order_by_asc(notification::Column::PersonId)
        .into_tuple::<i32>()
        .all(db.read())
        .await?;
    let mut sent = Sent::default();
    for chunk in people.chunks(PEOPLE_PER_READ) {
        // Read by person (their index), the time window in the query and the
        // rest of `due` here: with `emailed_at IS NULL` in the query, SQLite
        // walks every unemailed notification for each chunk instead.
        let stored: HashMap<(i32, String), String> = setting::Entity::find()
            .filter(setting::Column::PersonId.is_in(chunk.to_vec()))
            .all(db.read())
            .await?
            .into_iter()
            .map(|s| ((s.person_id, s.kind), s.delivery))
            .collect();
        let mut rows = notification::Entity::find()
            .filter(notification::Column::PersonId.is_in(chunk.to_vec()))
            .filter(notification::Column::CreatedAt.lte(cutoff))
            .filter(notification::Column::CreatedAt.gt(cutoff - window(delivery)))
            .order_by_asc(notification::Column::PersonId)
            .order_by_desc(notification::Column::Id)
            .all(db.read())
            .await?;
        rows.retain(|n| {
            n.emailed_at.is_none()
                && reaches_by(
                    &n.kind,
                    stored
                        .get(&(n.person_id, n.kind.clone()))
                        .map(String::as_str),
                ) == Some(delivery)
        });
        let persons: BTreeMap<i32, person::Model> = person::Entity::find()
            .filter(person::Column::Id.is_in(chunk.to_vec()))
            .all(db.read())
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let mut by_person: BTreeMap<i32, Vec<notification::Model>> = BTreeMap::new();
        for n in rows {
            by_person.entry(n.person_id).or_default().push(n);
        }
        let tx = db.begin_write().await?;
        for (person_id, items) in by_person {
            let ids: Vec<i32> = items.iter().map(|n| n.id).collect();
            // Each person on their own savepoint: what another node took
            // meanwhile undoes this person's part only.
            let sp = tx.begin().await?;
            // `person_id` leads SQLite to the person's own index; without it,
            // with more than a few ids it walks every unemailed notification
            // (the `emailed_at` index) for each person.
            let marked = notification::Entity::update_many()
                .col_expr(notification::Column::EmailedAt, Expr::value(now))
                .filter(notification::Column::PersonId.eq(person_id))
                .filter(notification::Column::Id.is_in(ids.clone()))
                .filter(notification::Column::EmailedAt.is_null())
                .exec(&sp)
                .await?
                .rows_affected;
            if marked != ids.len() as u64 {
                sp.rollback().await?;
                continue;
            }
            // An account switched off gets nothing; its notifications are done.
            if let Some(p) = persons.get(&person_id).filter(|p| p.active) {
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
                sent.notifications += ids.len();
            }
            sp.commit().await?;
        }
        tx.commit().await?;
    }
    Ok(sent)
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
