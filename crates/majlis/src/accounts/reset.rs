//! Forgotten passwords: a link by email, valid 15 minutes, once. Asking never
//! reveals whether an account exists; a new password ends every session.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

use super::signin::{hash_token, random_token};
use super::{Email, Password, hash_password, login_attempt, password_reset, person, signin};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::i18n::{FluentArg, Locale};
use crate::mail::{Mailer, Outgoing};

pub const VALID_MINUTES: i64 = 15;
/// Reset requests allowed per address and per account in an hour.
pub const PER_HOUR: u64 = 5;

#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    #[error("too many requests")]
    TooMany,
    #[error("the link is not valid")]
    NotFound,
    #[error("the link has expired")]
    Expired,
    #[error("the link has been used")]
    Used,
    #[error(transparent)]
    Account(#[from] super::AccountError),
    #[error("cannot send the message: {0}")]
    Mail(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

async fn count(db: &Db, key: &str, since: DateTime<Utc>) -> Result<u64, DbErr> {
    login_attempt::Entity::find()
        .filter(login_attempt::Column::Key.eq(key))
        .filter(login_attempt::Column::At.gt(since))
        .count(db.read())
        .await
}

async fn note(db: &Db, key: String, now: DateTime<Utc>) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    login_attempt::ActiveModel {
        key: Set(key),
        at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    tx.commit().await
}

/// Ask for a link. Succeeds the same way whether or not the address has an
/// account (and sends nothing when it has none or it is deactivated).
pub async fn request(
    db: &Db,
    mailer: &Mailer,
    email: &str,
    ip: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<Option<std::path::PathBuf>, ResetError> {
    let email = Email::parse(email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_default();
    let (ip_key, account_key) = (format!("reset-ip:{ip}"), format!("reset-account:{email}"));
    let hour = now - Duration::hours(1);
    if count(db, &ip_key, hour).await? >= PER_HOUR
        || count(db, &account_key, hour).await? >= PER_HOUR
    {
        return Err(ResetError::TooMany);
    }
    note(db, ip_key, now).await?;
    note(db, account_key, now).await?;
    let Some(p) = person::Entity::find()
        .filter(person::Column::Email.eq(&email))
        .filter(person::Column::Active.eq(true))
        .one(db.read())
        .await?
    else {
        return Ok(None);
    };
    let token = random_token();
    let expires_at = now + Duration::minutes(VALID_MINUTES);
    let tx = db.begin_write().await?;
    password_reset::ActiveModel {
        person_id: Set(p.id),
        token_hash: Set(hash_token(&token)),
        created_at: Set(now),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    tx.commit().await?;
    let l: Locale = p.locale.parse().unwrap_or_default();
    let link = format!("{public_url}/password/reset/{token}?lang={}", l.code());
    let args: [(&'static str, FluentArg); 2] =
        [("link", link.into()), ("minutes", VALID_MINUTES.into())];
    mailer
        .send(&Outgoing {
            to_email: p.email.clone(),
            to_name: p.display_name.clone(),
            subject: l.t_args("mail-reset-subject", &args),
            body: l.t_args("mail-reset-body", &args),
            key: None,
        })
        .await
        .map_err(|e| ResetError::Mail(e.to_string()))
}

/// Change one's own password (the current one confirmed by the caller):
/// every session ends, open reset links stop working.
pub async fn change_password(
    db: &Db,
    p: &person::Model,
    ip: &str,
    password: &Password,
    now: DateTime<Utc>,
) -> Result<(), ResetError> {
    let hash = hash_password(password)?;
    let tx = db.begin_write().await?;
    let mut am: person::ActiveModel = p.clone().into();
    am.password_hash = Set(hash);
    am.update(&tx).await?;
    password_reset::Entity::update_many()
        .col_expr(
            password_reset::Column::UsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(password_reset::Column::PersonId.eq(p.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&tx)
        .await?;
    let origin = Origin {
        actor_id: Some(p.id),
        ip: ip.to_owned(),
    };
    audit::record(&tx, &origin, "password-changed", "person", p.id, None, now).await?;
    tx.commit().await?;
    signin::sign_out_everywhere(db, p.id).await?;
    Ok(())
}

/// A link that can still be used.
pub async fn find_open(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<password_reset::Model, ResetError> {
    let r = password_reset::Entity::find()
        .filter(password_reset::Column::TokenHash.eq(hash_token(token)))
        .one(db.read())
        .await?
        .ok_or(ResetError::NotFound)?;
    if r.used_at.is_some() {
        Err(ResetError::Used)
    } else if now > r.expires_at {
        Err(ResetError::Expired)
    } else {
        Ok(r)
    }
}

/// Set the new password, use up the link, and end every session.
pub async fn complete(
    db: &Db,
    ip: &str,
    token: &str,
    password: &Password,
    now: DateTime<Utc>,
) -> Result<person::Model, ResetError> {
    let r = find_open(db, token, now).await?;
    let hash = hash_password(password)?;
    let tx = db.begin_write().await?;
    let p = person::Entity::find_by_id(r.person_id)
        .one(&tx)
        .await?
        .ok_or(ResetError::NotFound)?;
    let mut am: person::ActiveModel = p.into();
    am.password_hash = Set(hash);
    let p = am.update(&tx).await?;
    // Every other open link of this person stops working too.
    password_reset::Entity::update_many()
        .col_expr(
            password_reset::Column::UsedAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(password_reset::Column::PersonId.eq(p.id))
        .filter(password_reset::Column::UsedAt.is_null())
        .exec(&tx)
        .await?;
    let origin = Origin {
        actor_id: Some(p.id),
        ip: ip.to_owned(),
    };
    audit::record(&tx, &origin, "password-reset", "person", p.id, None, now).await?;
    tx.commit().await?;
    signin::sign_out_everywhere(db, p.id).await?;
    Ok(p)
}
