//! Reminders without a click: once a campaign has [`AHEAD`] or less left
//! before it closes, the focal points of every targeted municipality that
//! has not submitted are reminded once (a coordinator may also remind at
//! any time from the survey's page, at most once a day). A background task
//! on every node looks for such campaigns; the conditional update in
//! [`links::remind_not_since`] lets one node win each municipality, and the
//! mail queue delivers.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::SurveyStatus;
use super::entities::survey;
use super::error::SurveyError;
use super::rules::{Survey, links};
use crate::audit::Origin;
use crate::db::Db;

/// How long before a campaign closes its reminder goes out.
pub const AHEAD: Duration = Duration::days(3);
/// How often the background task looks for work.
pub const EVERY: StdDuration = StdDuration::from_secs(300);

/// Queue the reminders due at `now`; returns how many mails were queued.
pub async fn tick(db: &Db, public_url: &str, now: DateTime<Utc>) -> Result<usize, SurveyError> {
    let closing = survey::Entity::find()
        .filter(survey::Column::Status.eq(SurveyStatus::Open.code()))
        .filter(survey::Column::ClosesAt.gt(now))
        .filter(survey::Column::ClosesAt.lte(now + AHEAD))
        .all(db.read())
        .await?;
    let origin = Origin {
        actor_id: None,
        ip: "reminder schedule".into(),
    };
    let mut queued = 0;
    for row in closing {
        let s = Survey::of(row);
        let Some(closes) = s.row.closes_at else {
            continue;
        };
        if !s.accepting(now) {
            continue;
        }
        // Reminded before the final stretch began (or never): due.
        queued += links::remind_not_since(db, &origin, &s, public_url, now, closes - AHEAD).await?;
    }
    Ok(queued)
}

/// Run [`tick`] every [`EVERY`] until the process stops.
pub fn spawn(db: Db, public_url: String) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match tick(&db, &public_url, Utc::now()).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(queued = n, "survey reminders"),
                Err(e) => tracing::warn!(error = ?e, "survey reminder round failed; will retry"),
            }
        }
    })
}
