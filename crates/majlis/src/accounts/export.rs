//! "Download my data": everything Majlis keeps about a person, as one
//! machine-readable JSON document. Secrets (password hash, two-step secret,
//! token hashes) are left out: they identify nothing and would only help an attacker.
//!
//! What activities above accounts keep about the person (follows,
//! notification settings, notifications) comes from the [`Gather`] parts the
//! application registers at the top (`app::person_export`), each under its
//! own key of the document.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use super::{affiliation, invitation, person, session};
use crate::audit;
use crate::db::Db;

#[derive(Serialize)]
pub struct Export {
    pub format: &'static str,
    pub exported_at: DateTime<Utc>,
    pub profile: Profile,
    pub affiliations: Vec<Affiliation>,
    pub sessions: Vec<Session>,
    pub invitations_sent: Vec<Invitation>,
    pub actions: Vec<Action>,
    /// The activities' parts, by key.
    #[serde(flatten)]
    pub more: BTreeMap<&'static str, serde_json::Value>,
}

/// An activity's part of a person's data, being read.
pub type PartFuture<'a> =
    Pin<Box<dyn Future<Output = Result<serde_json::Value, DbErr>> + Send + 'a>>;

/// How an activity above accounts reads what it keeps about a person.
pub type Gather = for<'a> fn(&'a DatabaseConnection, i32) -> PartFuture<'a>;

/// The activities' parts of "Download my data", registered at the top.
#[derive(Clone, Default)]
pub struct Registry(Arc<[(&'static str, Gather)]>);

impl Registry {
    pub fn new(parts: Vec<(&'static str, Gather)>) -> Self {
        Registry(parts.into())
    }
}

#[derive(Serialize)]
pub struct Profile {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub locale: String,
    pub time_zone: Option<String>,
    pub role: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub two_step_sign_in: bool,
}

#[derive(Serialize)]
pub struct Affiliation {
    pub municipality_id: Option<i32>,
    pub organisation_id: Option<i32>,
    pub focal_point: bool,
}

#[derive(Serialize)]
pub struct Session {
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub ip: String,
    pub user_agent: String,
}

#[derive(Serialize)]
pub struct Invitation {
    pub email: String,
    pub role: String,
    pub created_at: DateTime<Utc>,
    pub used: bool,
}

#[derive(Serialize)]
pub struct Action {
    pub at: DateTime<Utc>,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub ip: String,
}

/// Gather a person's data (five queries, and those of the registered parts).
pub async fn export(
    db: &Db,
    parts: &Registry,
    p: &person::Model,
    now: DateTime<Utc>,
) -> Result<Export, DbErr> {
    let r = db.read();
    let mut more = BTreeMap::new();
    for (key, gather) in parts.0.iter() {
        more.insert(*key, gather(r, p.id).await?);
    }
    let affiliations = affiliation::Entity::find()
        .filter(affiliation::Column::PersonId.eq(p.id))
        .all(r)
        .await?;
    let sessions = session::Entity::find()
        .filter(session::Column::PersonId.eq(p.id))
        .order_by_desc(session::Column::CreatedAt)
        .all(r)
        .await?;
    let invitations = invitation::Entity::find()
        .filter(invitation::Column::InvitedBy.eq(p.id))
        .order_by_desc(invitation::Column::CreatedAt)
        .all(r)
        .await?;
    let actions = audit::entity::Entity::find()
        .filter(audit::entity::Column::ActorId.eq(p.id))
        .order_by_desc(audit::entity::Column::Id)
        .all(r)
        .await?;
    Ok(Export {
        format: "majlis-personal-data/1",
        exported_at: now,
        profile: Profile {
            id: p.id,
            email: p.email.clone(),
            display_name: p.display_name.clone(),
            locale: p.locale.clone(),
            time_zone: p.time_zone.clone(),
            role: p.role.clone(),
            active: p.active,
            created_at: p.created_at,
            two_step_sign_in: p.totp_secret.is_some(),
        },
        affiliations: affiliations
            .into_iter()
            .map(|a| Affiliation {
                municipality_id: a.municipality_id,
                organisation_id: a.organisation_id,
                focal_point: a.focal_point,
            })
            .collect(),
        sessions: sessions
            .into_iter()
            .map(|s| Session {
                created_at: s.created_at,
                last_seen_at: s.last_seen_at,
                ip: s.ip,
                user_agent: s.user_agent,
            })
            .collect(),
        invitations_sent: invitations
            .into_iter()
            .map(|i| Invitation {
                email: i.email,
                role: i.role,
                created_at: i.created_at,
                used: i.used_at.is_some(),
            })
            .collect(),
        actions: actions
            .into_iter()
            .map(|a| Action {
                at: a.at,
                action: a.action,
                object_type: a.object_type,
                object_id: a.object_id,
                ip: a.ip,
            })
            .collect(),
        more,
    })
}
