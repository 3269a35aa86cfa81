//! Open registration (the `open_registration` setting, off by default):
//! anyone may ask for an account; a coordinator approves it (the account is
//! created, as a member) or declines it (the request is deleted). The answer
//! to the person asking never says whether an account exists: an existing
//! account's owner is told by email instead. Requests are limited per
//! address like sign-in attempts.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::{Email, Password, hash_password, person, signup_request};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{FluentArg, Locale};
use crate::mail::Outgoing;
use crate::mail::queue;
use crate::policy::{Action, Actor, Role, can};

/// Requests accepted from one address in an hour.
pub const PER_IP_HOUR: u64 = 5;

/// A request as the form gives it, valid by construction.
pub struct SignupInput {
    pub email: Email,
    pub name: String,
    pub password: Password,
    pub locale: Locale,
    pub affiliation: String,
    pub note: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SignupError {
    #[error("open registration is off")]
    Closed,
    #[error("too many requests from this address")]
    TooMany,
    #[error("not allowed")]
    Forbidden,
    #[error("no such request")]
    NotFound,
    #[error("cannot hash the password: {0}")]
    Hash(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

fn message(l: Locale, to: (&str, &str), id: &str, link: String) -> Outgoing {
    let args: [(&'static str, FluentArg); 1] = [("link", link.into())];
    Outgoing {
        to_email: to.0.to_owned(),
        to_name: to.1.to_owned(),
        subject: l.t_args(&format!("mail-{id}-subject"), &args),
        body: l.t_args(&format!("mail-{id}-body"), &args),
        key: None,
    }
}

/// Ask for an account. Whatever the outcome for an address (new request,
/// request already waiting, existing account), the caller shows the same
/// answer.
pub async fn request(
    db: &Db,
    open: bool,
    ip: &str,
    input: SignupInput,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), SignupError> {
    if !open {
        return Err(SignupError::Closed);
    }
    let key = format!("signup-ip:{ip}");
    if !super::login_attempt::admit_one(db, &key, now - Duration::hours(1), PER_IP_HOUR, now)
        .await?
    {
        return Err(SignupError::TooMany);
    }
    let hash = hash_password(&input.password).map_err(|e| SignupError::Hash(e.to_string()))?;
    let email = input.email.as_str().to_owned();
    let tx = db.begin_write().await?;
    let origin = Origin {
        actor_id: None,
        ip: ip.to_owned(),
    };
    if let Some(p) = person::Entity::find()
        .filter(person::Column::Email.eq(&email))
        .one(&tx)
        .await?
    {
        let l: Locale = p.locale.parse().unwrap_or_default();
        let msg = message(
            l,
            (&p.email, &p.display_name),
            "signup-existing",
            format!("{public_url}/password/forgot?lang={}", l.code()),
        );
        queue::enqueue(&tx, &msg, "signup-existing", now).await?;
    } else if signup_request::Entity::find()
        .filter(signup_request::Column::Email.eq(&email))
        .one(&tx)
        .await?
        .is_none()
    {
        let r = signup_request::ActiveModel {
            email: Set(email.clone()),
            display_name: Set(input.name.clone()),
            locale: Set(input.locale.code().to_owned()),
            password_hash: Set(hash),
            affiliation: Set(Some(input.affiliation).filter(|a| !a.is_empty())),
            note: Set(Some(input.note).filter(|n| !n.is_empty())),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        let msg = message(
            input.locale,
            (&email, &input.name),
            "signup-received",
            format!("{public_url}/?lang={}", input.locale.code()),
        );
        queue::enqueue(&tx, &msg, "signup-received", now).await?;
        audit::record(
            &tx,
            &origin,
            "signup.request",
            "signup_request",
            r.id,
            None,
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Requests waiting for a coordinator, oldest first.
pub async fn pending(db: &Db) -> Result<Vec<signup_request::Model>, DbErr> {
    signup_request::Entity::find()
        .order_by_asc(signup_request::Column::CreatedAt)
        .all(db.read())
        .await
}

/// Approve (the account is created, as a member, and told) or decline (the
/// request and its personal data are deleted, and the person told).
pub async fn decide(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    approve: bool,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Option<person::Model>, SignupError> {
    if !can(Some(actor), Action::ManagePeople) {
        return Err(SignupError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let r = signup_request::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(SignupError::NotFound)?;
    signup_request::Entity::delete_by_id(id).exec(&tx).await?;
    let l: Locale = r.locale.parse().unwrap_or_default();
    let created = if approve {
        if person::Entity::find()
            .filter(person::Column::Email.eq(&r.email))
            .one(&tx)
            .await?
            .is_some()
        {
            // The address got an account meanwhile (an invitation): the
            // request has nothing left to do.
            audit::record(
                &tx,
                origin,
                "signup.discard",
                "signup_request",
                id,
                None,
                now,
            )
            .await?;
            tx.commit().await?;
            return Ok(None);
        }
        let p = person::ActiveModel {
            email: Set(r.email.clone()),
            display_name: Set(r.display_name.clone()),
            locale: Set(r.locale.clone()),
            password_hash: Set(r.password_hash.clone()),
            role: Set(Role::Member.code().to_owned()),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
        outbox::record(&tx, "person", p.id, Op::Created).await?;
        audit::record(
            &tx,
            origin,
            "signup.approve",
            "person",
            p.id,
            Some(format!("request {id}")),
            now,
        )
        .await?;
        let msg = message(
            l,
            (&r.email, &r.display_name),
            "signup-approved",
            format!("{public_url}/login?lang={}", l.code()),
        );
        queue::enqueue(&tx, &msg, "signup-approved", now).await?;
        Some(p)
    } else {
        audit::record(
            &tx,
            origin,
            "signup.decline",
            "signup_request",
            id,
            None,
            now,
        )
        .await?;
        let msg = message(
            l,
            (&r.email, &r.display_name),
            "signup-declined",
            format!("{public_url}/?lang={}", l.code()),
        );
        queue::enqueue(&tx, &msg, "signup-declined", now).await?;
        None
    };
    tx.commit().await?;
    Ok(created)
}
