//! What the coordinators' forms offer and check against: organisations,
//! library resources, practices, members by email, and the sessions and
//! registrations of one event.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::super::entities::{event_session, registration};
use crate::accounts::person;
use crate::directory::entities::organisation;
use crate::i18n::Locale;
use crate::library::PracticeStatus;
use crate::library::entities::{practice, resource};

/// Every organisation as `(id, "Name (ACRONYM)")`, by name in `locale`.
pub async fn organisation_names<C: ConnectionTrait>(
    db: &C,
    locale: Locale,
) -> Result<Vec<(i32, String)>, DbErr> {
    let orgs = organisation::Entity::find()
        .order_by_asc(organisation::Column::Slug)
        .all(db)
        .await?;
    let mut out: Vec<(i32, String)> = orgs
        .into_iter()
        .map(|o| {
            let name = o.name.text(locale).to_owned();
            (
                o.id,
                match o.acronym {
                    Some(a) if !name.contains(&a) => format!("{name} ({a})"),
                    _ => name,
                },
            )
        })
        .collect();
    locale.sort_by_name(&mut out, |r| &r.1);
    Ok(out)
}

/// The ids of every organisation.
pub async fn organisation_ids<C: ConnectionTrait>(db: &C) -> Result<Vec<i32>, DbErr> {
    Ok(organisation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect())
}

/// Every library resource, newest year first.
pub async fn all_resources<C: ConnectionTrait>(db: &C) -> Result<Vec<resource::Model>, DbErr> {
    resource::Entity::find()
        .order_by_desc(resource::Column::Year)
        .order_by_asc(resource::Column::Slug)
        .all(db)
        .await
}

/// The ids of every library resource.
pub async fn resource_ids<C: ConnectionTrait>(db: &C) -> Result<Vec<i32>, DbErr> {
    Ok(resource::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.id)
        .collect())
}

/// Whether a library resource exists.
pub async fn resource_exists<C: ConnectionTrait>(db: &C, id: i32) -> Result<bool, DbErr> {
    Ok(resource::Entity::find_by_id(id).one(db).await?.is_some())
}

/// Published practices as `(id, title in locale)`, by slug.
pub async fn published_practices<C: ConnectionTrait>(
    db: &C,
    locale: Locale,
) -> Result<Vec<(i32, String)>, DbErr> {
    Ok(practice::Entity::find()
        .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
        .order_by_asc(practice::Column::Slug)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title.text(locale).to_owned()))
        .collect())
}

/// A member's id by email address (as typed: trimmed, lower case), active or not.
pub async fn member_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> Result<Option<i32>, DbErr> {
    if email.is_empty() {
        return Ok(None);
    }
    Ok(person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .one(db)
        .await?
        .map(|p| p.id))
}

/// An active member by email address.
pub async fn active_member_by_email<C: ConnectionTrait>(
    db: &C,
    email: &str,
) -> Result<Option<person::Model>, DbErr> {
    person::Entity::find()
        .filter(person::Column::Email.eq(email))
        .filter(person::Column::Active.eq(true))
        .one(db)
        .await
}

/// A registration of this event.
pub async fn registration_of_event<C: ConnectionTrait>(
    db: &C,
    event_id: i32,
    id: i32,
) -> Result<Option<registration::Model>, DbErr> {
    registration::Entity::find_by_id(id)
        .filter(registration::Column::EventId.eq(event_id))
        .one(db)
        .await
}

/// A session of this event.
pub async fn session_of_event<C: ConnectionTrait>(
    db: &C,
    event_id: i32,
    id: i32,
) -> Result<Option<event_session::Model>, DbErr> {
    event_session::Entity::find_by_id(id)
        .filter(event_session::Column::EventId.eq(event_id))
        .one(db)
        .await
}

/// The sessions of one event, which programme changes refer to.
#[derive(Clone, Debug, Default)]
pub struct ProgrammeSessions(pub Vec<event_session::Model>);

impl ProgrammeSessions {
    /// Every session of the event (one query).
    pub async fn load<C: ConnectionTrait>(db: &C, event_id: i32) -> Result<Self, DbErr> {
        Ok(ProgrammeSessions(
            event_session::Entity::find()
                .filter(event_session::Column::EventId.eq(event_id))
                .all(db)
                .await?,
        ))
    }
    pub fn ids(&self) -> Vec<i32> {
        self.0.iter().map(|s| s.id).collect()
    }
    /// Sessions that may hold working groups (those without a parent).
    pub fn parents(&self) -> Vec<i32> {
        self.0
            .iter()
            .filter(|s| s.parent_id.is_none())
            .map(|s| s.id)
            .collect()
    }
    pub fn contains(&self, id: i32) -> bool {
        self.0.iter().any(|s| s.id == id)
    }
    /// The original language of a session's title.
    pub fn original_lang(&self, id: i32) -> Option<Locale> {
        self.0.iter().find(|s| s.id == id).map(|s| s.title.orig())
    }
}
