//! Following: a person follows themes, municipalities, organisations,
//! events, event series, consultations (dilemmas) and practices, by hand or
//! automatically when taking part. This folder only keeps the rows and
//! answers who follows what: it sits below the activities, which call
//! [`rules::follow_automatically`] inside their own transactions and show
//! [`Button`] on their pages. Deciding whether a person may see what they
//! ask to follow, the pages listing what one follows and the notifications
//! are the `notifications` folder's (above the activities).

pub mod entities;
pub mod rules;

use crate::web::PageCtx;

/// What can be followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetKind {
    Theme,
    Municipality,
    Organisation,
    Series,
    Event,
    Dilemma,
    Practice,
}

impl TargetKind {
    /// In the order `/account/following` lists them.
    pub const ALL: [TargetKind; 7] = [
        TargetKind::Theme,
        TargetKind::Municipality,
        TargetKind::Organisation,
        TargetKind::Series,
        TargetKind::Event,
        TargetKind::Dilemma,
        TargetKind::Practice,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TargetKind::Theme => "theme",
            TargetKind::Municipality => "municipality",
            TargetKind::Organisation => "organisation",
            TargetKind::Series => "series",
            TargetKind::Event => "event",
            TargetKind::Dilemma => "dilemma",
            TargetKind::Practice => "practice",
        }
    }

    pub fn from_code(code: &str) -> Option<TargetKind> {
        TargetKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One thing a person may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Target {
    pub kind: TargetKind,
    pub id: i32,
}

impl Target {
    pub fn new(kind: TargetKind, id: i32) -> Target {
        Target { kind, id }
    }
}

/// A follow button as a page shows it (signed-in readers only).
#[derive(Clone, Debug)]
pub struct Button {
    pub target: Target,
    pub following: bool,
    /// The form's anti-forgery token (the session's).
    pub csrf: String,
    /// Where to come back to after the change (the page's address).
    pub back: String,
}

impl Button {
    /// The form's address.
    pub fn action(&self) -> String {
        let verb = if self.following { "unfollow" } else { "follow" };
        format!("/{verb}/{}/{}", self.target.kind.code(), self.target.id)
    }

    /// The button's label id (`follow-{kind}` or `unfollow-{kind}`).
    pub fn label(&self) -> String {
        let verb = if self.following { "unfollow" } else { "follow" };
        format!("{verb}-{}", self.target.kind.code())
    }
}

/// The button for `target` on the page `ctx` renders: `None` for visitors
/// (no query), else one query.
pub async fn button<C: sea_orm::ConnectionTrait>(
    db: &C,
    ctx: &PageCtx,
    target: Target,
) -> Result<Option<Button>, sea_orm::DbErr> {
    Ok(buttons(db, ctx, &[target]).await?.pop())
}

/// The buttons for `targets` on the page `ctx` renders, in their order:
/// none for visitors (no query), else one query for them all.
pub async fn buttons<C: sea_orm::ConnectionTrait>(
    db: &C,
    ctx: &PageCtx,
    targets: &[Target],
) -> Result<Vec<Button>, sea_orm::DbErr> {
    let Some(v) = &ctx.viewer else {
        return Ok(Vec::new());
    };
    let followed = rules::followed_among(db, v.actor.person_id, targets).await?;
    Ok(targets
        .iter()
        .map(|t| Button {
            target: *t,
            following: followed.contains(t),
            csrf: v.csrf.clone(),
            back: ctx.address(),
        })
        .collect())
}
