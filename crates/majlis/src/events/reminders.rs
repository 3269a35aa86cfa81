//! Reminders a day before an event. A background task on every node queues
//! them and delivers the mail queue. Queuing a reminder marks the
//! registration (`reminded_at`) in the same transaction as the queued
//! message, by an update that only one node can win, so a reminder is queued
//! once whatever the number of nodes or restarts; delivery is the mail
//! queue's (claims, retries, a stable message identity).

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::entities::{event, registration};
use super::rules::tz_of;
use super::{EventStatus, RegistrationStatus};
use crate::accounts::person;
use crate::db::Db;
use crate::i18n::{FluentArg, Locale};
use crate::mail::{Mailer, Outgoing, queue};

/// How long before the start a reminder goes out.
pub const AHEAD: Duration = Duration::hours(24);
/// How often the background task looks for work.
pub const EVERY: StdDuration = StdDuration::from_secs(30);

fn message(p: &person::Model, e: &event::Model, public_url: &str) -> Outgoing {
    let l: Locale = p.locale.parse().unwrap_or_default();
    let when = l.date_time_in(e.starts_at, tz_of(e));
    let place = match (&e.city, &e.online_url) {
        (_, Some(link)) if e.online => link.clone(),
        (Some(city), _) => [e.address.clone(), Some(city.clone())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        _ => l.t("event-online"),
    };
    let args: [(&'static str, FluentArg); 4] = [
        ("event", e.title.text(l).to_owned().into()),
        ("when", when.into()),
        ("place", place.into()),
        (
            "link",
            format!("{public_url}/events/{}?lang={}", e.slug, l.code()).into(),
        ),
    ];
    Outgoing {
        to_email: p.email.clone(),
        to_name: p.display_name.clone(),
        subject: l.t_args("mail-event-reminder-subject", &args),
        body: l.t_args("mail-event-reminder-body", &args),
        key: None,
    }
}

/// Queue the reminders due at `now`: registered people of events that
/// start within [`AHEAD`] and have not been reminded. Returns how many.
pub async fn queue_due(db: &Db, public_url: &str, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let due = registration::Entity::find()
        .filter(registration::Column::Status.eq(RegistrationStatus::Registered.code()))
        .filter(registration::Column::RemindedAt.is_null())
        .filter(
            registration::Column::EventId.in_subquery(
                Query::select()
                    .column(event::Column::Id)
                    .from(event::Entity)
                    .and_where(event::Column::StartsAt.gt(now))
                    .and_where(event::Column::StartsAt.lte(now + AHEAD))
                    .and_where(event::Column::Status.ne(EventStatus::Cancelled.code()))
                    .to_owned(),
            ),
        )
        .order_by_asc(registration::Column::Id)
        .limit(500)
        .all(db.read())
        .await?;
    let mut queued = 0;
    for r in due {
        let tx = db.begin_write().await?;
        let won = registration::Entity::update_many()
            .col_expr(registration::Column::RemindedAt, Expr::value(now))
            .filter(registration::Column::Id.eq(r.id))
            .filter(registration::Column::RemindedAt.is_null())
            .filter(registration::Column::Status.eq(RegistrationStatus::Registered.code()))
            .exec(&tx)
            .await?
            .rows_affected
            == 1;
        if won {
            let p = person::Entity::find_by_id(r.person_id).one(&tx).await?;
            let e = event::Entity::find_by_id(r.event_id).one(&tx).await?;
            if let (Some(p), Some(e)) = (p, e) {
                queue::enqueue(&tx, &message(&p, &e, public_url), "event-reminder", now).await?;
                queued += 1;
            }
        }
        tx.commit().await?;
    }
    Ok(queued)
}

/// One round of the background work: queue due reminders, deliver mail.
pub async fn tick(
    db: &Db,
    mailer: &Mailer,
    node: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(usize, queue::Delivered), DbErr> {
    let queued = queue_due(db, public_url, now).await?;
    let delivered = queue::deliver(db, mailer, node, now, 100).await?;
    Ok((queued, delivered))
}

/// Run [`tick`] every [`EVERY`] until the process stops.
pub fn spawn(db: Db, mailer: Mailer, public_url: String) -> tokio::task::JoinHandle<()> {
    let node = format!(
        "{}-{}",
        std::process::id(),
        &crate::token::random_token()[..8]
    );
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match tick(&db, &mailer, &node, &public_url, Utc::now()).await {
                Ok((q, d)) if q > 0 || d.sent > 0 || d.failed > 0 => {
                    tracing::info!(
                        queued = q,
                        sent = d.sent,
                        failed = d.failed,
                        "reminders and mail"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "reminder round failed; will retry"),
            }
        }
    })
}
