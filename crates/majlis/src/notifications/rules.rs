//! The notifications' rules: following with the activities' visibility,
//! what one follows described, the notifications page (grouped), marking
//! read, and the email settings. No HTTP: failures are [`NoticeError`].

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::entities::{notification, setting};
use super::subjects::{self, Described};
use super::{Delivery, NoticeKind};
use crate::accounts::person;
use crate::db::Db;
use crate::follows::{Target, TargetKind};
use crate::i18n::{FluentArg, Locale, TrText};
use crate::policy::{Action, Actor, authorize, can};

/// What the notifications' rules refuse.
#[derive(Debug, thiserror::Error)]
pub enum NoticeError {
    /// Nothing of the kind, or nothing the person may see.
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("second factor required")]
    SecondFactorRequired,
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(NoticeError);

/// The most notifications the page shows.
pub const PAGE: u64 = 100;

/// Whether `actor` may see `target`, by its activity's own rules.
async fn visible<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    target: Target,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    use crate::consultations::entities::dilemma;
    use crate::directory::entities::{municipality, organisation, theme};
    use crate::events::entities::{event, event_series};
    use crate::library::entities::practice;
    let id = target.id;
    Ok(match target.kind {
        TargetKind::Theme => theme::Entity::find_by_id(id).one(db).await?.is_some(),
        TargetKind::Municipality => municipality::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some(),
        TargetKind::Organisation => organisation::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some(),
        TargetKind::Series => event_series::Entity::find_by_id(id)
            .one(db)
            .await?
            .is_some(),
        TargetKind::Event => match event::Entity::find_by_id(id).one(db).await? {
            Some(e) => crate::events::rules::find_event(db, Some(actor), &e.slug)
                .await?
                .is_some(),
            None => false,
        },
        TargetKind::Dilemma => match dilemma::Entity::find_by_id(id).one(db).await? {
            Some(d) => crate::consultations::rules::find(db, Some(actor), &d.slug, now)
                .await?
                .is_some(),
            None => false,
        },
        TargetKind::Practice => match practice::Entity::find_by_id(id).one(db).await? {
            Some(p) => can(Some(actor), Action::ViewPractice(p.policy_ref())),
            None => false,
        },
    })
}

/// Follow `target` by hand: only what the person may see.
pub async fn follow(
    db: &Db,
    actor: &Actor,
    target: Target,
    now: DateTime<Utc>,
) -> Result<(), NoticeError> {
    authorize(Some(actor), Action::Follow)?;
    if !visible(db.read(), actor, target, now).await? {
        return Err(NoticeError::NotFound);
    }
    crate::follows::rules::follow(db, actor.person_id, target, now).await?;
    Ok(())
}

/// Stop following `target` (whatever it has become since).
pub async fn unfollow(db: &Db, actor: &Actor, target: Target) -> Result<(), NoticeError> {
    authorize(Some(actor), Action::Follow)?;
    crate::follows::rules::unfollow(db, actor.person_id, target).await?;
    Ok(())
}

/// What a person follows, described, by kind in [`TargetKind::ALL`]'s
/// order, and within a kind as followed (at most eight queries however
/// much is followed). Things gone are left out.
pub async fn following<C: ConnectionTrait>(
    db: &C,
    person_id: i32,
) -> Result<Vec<(TargetKind, Vec<(Target, Described)>)>, DbErr> {
    let rows = crate::follows::rules::following_of(db, person_id).await?;
    let targets: Vec<Target> = rows
        .iter()
        .filter_map(|r| TargetKind::from_code(&r.target_kind).map(|k| Target::new(k, r.target_id)))
        .collect();
    let mut names = subjects::describe(db, &targets).await?;
    Ok(TargetKind::ALL
        .into_iter()
        .map(|kind| {
            let items: Vec<(Target, Described)> = targets
                .iter()
                .filter(|t| t.kind == kind)
                .filter_map(|t| names.remove(t).map(|d| (*t, d)))
                .collect();
            (kind, items)
        })
        .filter(|(_, items)| !items.is_empty())
        .collect())
}

/// Notifications shown together: news through one followed thing ("3 new
/// practices on Language learning"), or the changes of one thing.
#[derive(Clone, Debug)]
pub struct Group {
    pub kind: NoticeKind,
    pub items: Vec<notification::Model>,
}

impl Group {
    pub fn unread(&self) -> bool {
        self.items.iter().any(|n| n.read_at.is_none())
    }

    /// The group's heading in `l`.
    pub fn heading(&self, l: Locale) -> String {
        let first = &self.items[0];
        let count = self.items.len() as i64;
        let args: [(&'static str, FluentArg); 4] = [
            ("count", count.into()),
            (
                "via",
                first
                    .via_title
                    .as_ref()
                    .map(|t| t.text(l).to_owned())
                    .unwrap_or_default()
                    .into(),
            ),
            ("on", first.via_kind.clone().unwrap_or_default().into()),
            ("title", first.title.text(l).to_owned().into()),
        ];
        l.t_args(&format!("notice-{}", self.kind.code()), &args)
    }
}

fn group_key(n: &notification::Model) -> (String, String, i32) {
    match NoticeKind::from_code(&n.kind) {
        Some(k) if k.is_new() => (
            n.kind.clone(),
            n.via_kind.clone().unwrap_or_default(),
            n.via_id.unwrap_or_default(),
        ),
        _ => (n.kind.clone(), n.entity.clone(), n.entity_id),
    }
}

/// `rows` (newest first) in groups, each where its newest item falls.
pub fn group(rows: Vec<notification::Model>) -> Vec<Group> {
    let mut at: HashMap<(String, String, i32), usize> = HashMap::new();
    let mut out: Vec<Group> = Vec::new();
    for n in rows {
        let Some(kind) = NoticeKind::from_code(&n.kind) else {
            continue;
        };
        let key = group_key(&n);
        match at.get(&key) {
            Some(i) => out[*i].items.push(n),
            None => {
                at.insert(key, out.len());
                out.push(Group {
                    kind,
                    items: vec![n],
                });
            }
        }
    }
    out
}

/// A person's newest notifications, grouped (one query).
pub async fn page<C: ConnectionTrait>(db: &C, person_id: i32) -> Result<Vec<Group>, DbErr> {
    let rows = notification::Entity::find()
        .filter(notification::Column::PersonId.eq(person_id))
        .order_by_desc(notification::Column::Id)
        .limit(PAGE)
        .all(db)
        .await?;
    Ok(group(rows))
}

/// Mark every notification of the person read.
pub async fn mark_all_read(db: &Db, person_id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    notification::Entity::update_many()
        .col_expr(notification::Column::ReadAt, now.into())
        .filter(notification::Column::PersonId.eq(person_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(&tx)
        .await?;
    person::Entity::update_many()
        .col_expr(person::Column::UnreadNotifications, 0.into())
        .filter(person::Column::Id.eq(person_id))
        .exec(&tx)
        .await?;
    tx.commit().await
}

/// How each kind reaches the person by email (defaults filled in; one query).
pub async fn settings_of<C: ConnectionTrait>(
    db: &C,
    person_id: i32,
) -> Result<Vec<(NoticeKind, Delivery)>, DbErr> {
    let stored: HashMap<String, String> = setting::Entity::find()
        .filter(setting::Column::PersonId.eq(person_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.kind, s.delivery))
        .collect();
    Ok(NoticeKind::ALL
        .into_iter()
        .map(|k| {
            let d = stored
                .get(k.code())
                .and_then(|c| Delivery::from_code(c))
                .unwrap_or(k.default_delivery());
            (k, d)
        })
        .collect())
}

/// Store how each kind reaches the person (every kind given is written).
pub async fn save_settings(
    db: &Db,
    person_id: i32,
    chosen: &[(NoticeKind, Delivery)],
) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    write_settings(&tx, person_id, chosen).await?;
    tx.commit().await
}

/// [`save_settings`] inside the caller's transaction.
pub async fn write_settings<C: ConnectionTrait>(
    tx: &C,
    person_id: i32,
    chosen: &[(NoticeKind, Delivery)],
) -> Result<(), DbErr> {
    for (kind, delivery) in chosen {
        setting::Entity::insert(setting::ActiveModel {
            person_id: Set(person_id),
            kind: Set(kind.code().to_owned()),
            delivery: Set(delivery.code().to_owned()),
        })
        .on_conflict(
            OnConflict::columns([setting::Column::PersonId, setting::Column::Kind])
                .update_column(setting::Column::Delivery)
                .to_owned(),
        )
        .exec_without_returning(tx)
        .await?;
    }
    Ok(())
}

/// A theme as the following page offers it.
#[derive(Clone, Debug)]
pub struct ThemeChoice {
    pub id: i32,
    pub label: TrText,
    pub following: bool,
}
