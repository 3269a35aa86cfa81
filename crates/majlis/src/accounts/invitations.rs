//! Joining by invitation: a coordinator invites an email address with a role
//! (and optionally as a municipality's focal point); the link works once, for
//! seven days, and lets the person choose a name and a password.

use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use super::signin::hash_token;
use super::{AccountError, Email, Password, affiliation, hash_password, invitation, person};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{FluentArg, Locale};
use crate::mail::{Outgoing, queue};
use crate::policy::{Action, Actor, Role, can};
use crate::token::random_token;

/// How long an invitation link works.
pub const VALID_DAYS: i64 = 7;

/// The municipalities the invitation form offers, as (id, name in the
/// reader's language) by name. They are the directory's, which sits above
/// accounts: it provides this function and the application registers it at
/// the top (`AppState::municipality_names`).
pub type Municipalities = for<'a> fn(&'a DatabaseConnection, Locale) -> Naming<'a>;

/// A read of (id, name) pairs in progress.
pub type Naming<'a> = Pin<Box<dyn Future<Output = Result<Vec<(i32, String)>, DbErr>> + Send + 'a>>;

/// What a coordinator fills in.
#[derive(Clone, Debug)]
pub struct InviteInput {
    pub email: Email,
    pub role: Role,
    pub municipality_id: Option<i32>,
    pub focal_point: bool,
    pub locale: Locale,
}

#[derive(Debug, thiserror::Error)]
pub enum InvitationError {
    #[error("not allowed")]
    Forbidden,
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("no such invitation")]
    NotFound,
    #[error("the invitation has expired")]
    Expired,
    #[error("the invitation has been used")]
    Used,
    #[error(transparent)]
    Account(#[from] AccountError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Who invites: as the policy sees them, as the message names them, and
/// where they act from.
pub struct Inviter<'a> {
    pub actor: &'a Actor,
    pub name: &'a str,
    pub origin: &'a Origin,
}

/// Create an invitation and queue its link (in the same transaction: the
/// mail queue sends it, from whichever node claims it).
pub async fn invite(
    db: &Db,
    inviter: &Inviter<'_>,
    input: &InviteInput,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<invitation::Model, InvitationError> {
    let (actor, inviter_name, origin) = (inviter.actor, inviter.name, inviter.origin);
    if !can(Some(actor), Action::Invite) || (input.role == Role::Admin && actor.role != Role::Admin)
    {
        return Err(InvitationError::Forbidden);
    }
    if person::Entity::find()
        .filter(person::Column::Email.eq(input.email.as_str()))
        .one(db.read())
        .await?
        .is_some()
    {
        return Err(InvitationError::EmailTaken);
    }
    let token = random_token();
    let expires_at = now + Duration::days(VALID_DAYS);
    let tx = db.begin_write().await?;
    let inv = invitation::ActiveModel {
        token_hash: Set(hash_token(&token)),
        email: Set(input.email.as_str().to_owned()),
        role: Set(input.role.code().to_owned()),
        municipality_id: Set(input.municipality_id),
        focal_point: Set(input.focal_point && input.municipality_id.is_some()),
        locale: Set(input.locale.code().to_owned()),
        invited_by: Set(Some(actor.person_id)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    audit::record(
        &tx,
        origin,
        "invited",
        "invitation",
        inv.id,
        Some(format!("{} as {}", input.email.as_str(), input.role.code())),
        now,
    )
    .await?;

    let message = invitation_mail(
        input.locale,
        input.email.as_str(),
        inviter_name,
        &format!("{public_url}/invitation/{token}"),
        expires_at,
    );
    queue::enqueue(&tx, &message, "invitation", now).await?;
    tx.commit().await?;
    queue::wake();
    Ok(inv)
}

/// The invitation message, in the language chosen for the invited person.
fn invitation_mail(
    l: Locale,
    email: &str,
    inviter_name: &str,
    link: &str,
    expires_at: DateTime<Utc>,
) -> Outgoing {
    let link = format!("{link}?lang={}", l.code());
    let args: [(&'static str, FluentArg); 3] = [
        ("inviter", inviter_name.into()),
        ("link", link.into()),
        ("until", l.date_time_utc(expires_at).into()),
    ];
    Outgoing {
        to_email: email.to_owned(),
        to_name: String::new(),
        subject: l.t_args("mail-invitation-subject", &args),
        body: l.t_args("mail-invitation-body", &args),
        key: None,
    }
}

/// An invitation not accepted yet, as coordinators see it.
#[derive(Clone, Debug)]
pub struct Pending {
    pub invitation: invitation::Model,
    /// Who invited (none when their account is gone).
    pub inviter: Option<String>,
    /// Its link no longer works (it can be sent again).
    pub expired: bool,
}

/// The invitations not accepted yet, newest first: two queries.
pub async fn pending<C: sea_orm::ConnectionTrait>(
    db: &C,
    actor: &Actor,
    now: DateTime<Utc>,
) -> Result<Vec<Pending>, InvitationError> {
    use sea_orm::QueryOrder;
    if !can(Some(actor), Action::Invite) {
        return Err(InvitationError::Forbidden);
    }
    let open = invitation::Entity::find()
        .filter(invitation::Column::UsedAt.is_null())
        .order_by_desc(invitation::Column::CreatedAt)
        .order_by_desc(invitation::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i32> = open.iter().filter_map(|i| i.invited_by).collect();
    let names: std::collections::HashMap<i32, String> = if ids.is_empty() {
        Default::default()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.display_name))
            .collect()
    };
    Ok(open
        .into_iter()
        .map(|i| Pending {
            inviter: i.invited_by.and_then(|id| names.get(&id).cloned()),
            expired: now > i.expires_at,
            invitation: i,
        })
        .collect())
}

/// An unaccepted invitation the inviter may act on: staff, and only an
/// administrator for an administrator's invitation.
async fn unaccepted(
    tx: &sea_orm::DatabaseTransaction,
    actor: &Actor,
    id: i32,
) -> Result<invitation::Model, InvitationError> {
    if !can(Some(actor), Action::Invite) {
        return Err(InvitationError::Forbidden);
    }
    let inv = invitation::Entity::find_by_id(id)
        .one(tx)
        .await?
        .filter(|i| i.used_at.is_none())
        .ok_or(InvitationError::NotFound)?;
    if inv.role == Role::Admin.code() && actor.role != Role::Admin {
        return Err(InvitationError::Forbidden);
    }
    Ok(inv)
}

/// Send an invitation again: a new link (the old one stops working), valid
/// for another seven days, queued in the same transaction.
pub async fn resend(
    db: &Db,
    inviter: &Inviter<'_>,
    id: i32,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<invitation::Model, InvitationError> {
    let tx = db.begin_write().await?;
    let inv = unaccepted(&tx, inviter.actor, id).await?;
    let token = random_token();
    let expires_at = now + Duration::days(VALID_DAYS);
    let locale = inv.locale.parse().unwrap_or_default();
    let message = invitation_mail(
        locale,
        &inv.email,
        inviter.name,
        &format!("{public_url}/invitation/{token}"),
        expires_at,
    );
    let mut am: invitation::ActiveModel = inv.into();
    am.token_hash = Set(hash_token(&token));
    am.expires_at = Set(expires_at);
    let inv = am.update(&tx).await?;
    audit::record(
        &tx,
        inviter.origin,
        "invitation-resent",
        "invitation",
        inv.id,
        Some(inv.email.clone()),
        now,
    )
    .await?;
    queue::enqueue(&tx, &message, "invitation", now).await?;
    tx.commit().await?;
    queue::wake();
    Ok(inv)
}

/// Withdraw an invitation: its link stops working and it leaves the list.
pub async fn revoke(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(), InvitationError> {
    let tx = db.begin_write().await?;
    let inv = unaccepted(&tx, actor, id).await?;
    let email = inv.email.clone();
    invitation::Entity::delete_by_id(inv.id).exec(&tx).await?;
    audit::record(
        &tx,
        origin,
        "invitation-revoked",
        "invitation",
        id,
        Some(email),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// An invitation that can still be accepted.
pub async fn find_open(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<invitation::Model, InvitationError> {
    let inv = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hash_token(token)))
        .one(db.read())
        .await?
        .ok_or(InvitationError::NotFound)?;
    check_open(&inv, now)?;
    Ok(inv)
}

fn check_open(inv: &invitation::Model, now: DateTime<Utc>) -> Result<(), InvitationError> {
    if inv.used_at.is_some() {
        Err(InvitationError::Used)
    } else if now > inv.expires_at {
        Err(InvitationError::Expired)
    } else {
        Ok(())
    }
}

/// Accept an invitation: create the account (and its affiliation) and mark
/// the invitation used, in one transaction.
pub async fn accept(
    db: &Db,
    ip: &str,
    token: &str,
    display_name: &str,
    password: &Password,
    now: DateTime<Utc>,
) -> Result<person::Model, InvitationError> {
    let display_name = display_name.trim();
    if display_name.is_empty() || display_name.chars().count() > 200 {
        return Err(AccountError::EmptyName.into());
    }
    let hash = hash_password(password)?;
    let tx = db.begin_write().await?;
    let inv = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(hash_token(token)))
        .one(&tx)
        .await?
        .ok_or(InvitationError::NotFound)?;
    check_open(&inv, now)?;
    if person::Entity::find()
        .filter(person::Column::Email.eq(&inv.email))
        .one(&tx)
        .await?
        .is_some()
    {
        return Err(InvitationError::EmailTaken);
    }
    let p = person::ActiveModel {
        email: Set(inv.email.clone()),
        display_name: Set(display_name.to_owned()),
        locale: Set(inv.locale.clone()),
        password_hash: Set(hash),
        role: Set(inv.role.clone()),
        active: Set(true),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    if let Some(m) = inv.municipality_id {
        affiliation::ActiveModel {
            person_id: Set(p.id),
            municipality_id: Set(Some(m)),
            organisation_id: Set(None),
            position: Set(None),
            focal_point: Set(inv.focal_point),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        affiliation::people_changed(&tx, m).await?;
    }
    let invitation_id = inv.id;
    let mut am: invitation::ActiveModel = inv.into();
    am.used_at = Set(Some(now));
    am.update(&tx).await?;
    outbox::record(&tx, "person", p.id, Op::Created).await?;
    let origin = Origin {
        actor_id: Some(p.id),
        ip: ip.to_owned(),
    };
    audit::record(
        &tx,
        &origin,
        "joined",
        "person",
        p.id,
        Some(format!("invitation {invitation_id}")),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}
