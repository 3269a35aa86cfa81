//! Notifications: what people who follow something hear about it, in the
//! application (`/notifications`, the header's count) and by email (at once,
//! in a daily or weekly digest, or never, per kind).
//!
//! This folder sits above the activities: it reads their rows to learn what
//! a change is about (`subjects`), asks their search documents who may see
//! it (the same audiences search uses), and holds the pages about following
//! (`/account/following`, the follow buttons' forms). The follow rows
//! themselves are `follows`' (below the activities, which follow
//! automatically when someone takes part).
//!
//! - `consumer`: follows the outbox with one shared cursor; a round's
//!   notifications and the cursor's move commit together, and the move is
//!   conditional, so two nodes never notify twice.
//! - `email`: at-once messages and digests through the mail queue, with a
//!   one-click unsubscribe address (`unsubscribe`).

pub mod consumer;
pub mod email;
pub mod entities;
pub mod personal;
pub mod routes;
pub mod rules;
pub mod subjects;
pub mod unsubscribe;

/// What a notification says happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoticeKind {
    /// A practice was published on something one follows.
    PracticeNew,
    /// A practice one follows changed.
    PracticeChanged,
    /// A document was added on something one follows.
    ResourceNew,
    /// An event was announced on something one follows.
    EventNew,
    /// An event one follows changed (programme, registration, outcomes).
    EventChanged,
    /// A consultation was opened on something one follows.
    DilemmaNew,
    /// A consultation one follows moved on (contributions, conclusion).
    DilemmaChanged,
    /// A project idea was put forward on something one follows.
    ProjectNew,
    /// A survey campaign opened for a municipality one follows.
    SurveyNew,
    /// A municipality one follows published its social-cohesion dashboard.
    CohesionPublished,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 10] = [
        NoticeKind::PracticeNew,
        NoticeKind::PracticeChanged,
        NoticeKind::ResourceNew,
        NoticeKind::EventNew,
        NoticeKind::EventChanged,
        NoticeKind::DilemmaNew,
        NoticeKind::DilemmaChanged,
        NoticeKind::ProjectNew,
        NoticeKind::SurveyNew,
        NoticeKind::CohesionPublished,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::PracticeNew => "practice-new",
            NoticeKind::PracticeChanged => "practice-changed",
            NoticeKind::ResourceNew => "resource-new",
            NoticeKind::EventNew => "event-new",
            NoticeKind::EventChanged => "event-changed",
            NoticeKind::DilemmaNew => "dilemma-new",
            NoticeKind::DilemmaChanged => "dilemma-changed",
            NoticeKind::ProjectNew => "project-new",
            NoticeKind::SurveyNew => "survey-new",
            NoticeKind::CohesionPublished => "cohesion-published",
        }
    }

    pub fn from_code(code: &str) -> Option<NoticeKind> {
        NoticeKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// How it reaches people who chose nothing: what concerns their own
    /// consultations at once, changes of events they follow daily (places
    /// and deadlines), news on their themes weekly.
    pub fn default_delivery(self) -> Delivery {
        match self {
            NoticeKind::DilemmaChanged => Delivery::Now,
            NoticeKind::EventNew | NoticeKind::EventChanged | NoticeKind::SurveyNew => {
                Delivery::Daily
            }
            NoticeKind::PracticeNew
            | NoticeKind::PracticeChanged
            | NoticeKind::ResourceNew
            | NoticeKind::DilemmaNew
            | NoticeKind::ProjectNew
            | NoticeKind::CohesionPublished => Delivery::Weekly,
        }
    }

    /// Whether it announces something new (grouped by what it came
    /// through: "3 new practices on Language learning") rather than a
    /// change of one thing followed (grouped by that thing).
    pub fn is_new(self) -> bool {
        matches!(
            self,
            NoticeKind::PracticeNew
                | NoticeKind::ResourceNew
                | NoticeKind::EventNew
                | NoticeKind::DilemmaNew
                | NoticeKind::ProjectNew
                | NoticeKind::SurveyNew
                | NoticeKind::CohesionPublished
        )
    }
}

/// How a kind of notification reaches a person by email.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Delivery {
    Now,
    Daily,
    Weekly,
    Never,
}

impl Delivery {
    pub const ALL: [Delivery; 4] = [
        Delivery::Now,
        Delivery::Daily,
        Delivery::Weekly,
        Delivery::Never,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Delivery::Now => "now",
            Delivery::Daily => "daily",
            Delivery::Weekly => "weekly",
            Delivery::Never => "never",
        }
    }

    pub fn from_code(code: &str) -> Option<Delivery> {
        Delivery::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// How often each node's background task looks for work.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// One round of the background work: the outbox into notifications, then
/// the email that is due (at once, and digests whose time has come).
/// Returns (notifications made, email queued).
pub async fn tick(
    db: &crate::db::Db,
    key: &crate::accounts::secrets::SecretKey,
    public_url: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(usize, email::Sent), sea_orm::DbErr> {
    let made = consumer::catch_up(db, now).await?;
    let sent = email::send_due(db, key, public_url, now).await?;
    if sent.messages > 0 {
        crate::mail::queue::wake();
    }
    Ok((made, sent))
}

/// Run [`tick`] every [`EVERY`] until the process stops (every node may:
/// the cursor and the email marks let one node do each piece of work).
pub fn spawn(
    db: crate::db::Db,
    key: std::sync::Arc<crate::accounts::secrets::SecretKey>,
    public_url: String,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(EVERY);
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            match tick(&db, &key, &public_url, chrono::Utc::now()).await {
                Ok((made, sent)) if made > 0 || sent.messages > 0 => {
                    tracing::info!(
                        notifications = made,
                        messages = sent.messages,
                        "notifications"
                    );
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "notification round failed; will retry"),
            }
        }
    })
}
