//! Forgotten passwords: a link by email (through the mail queue), valid 15
//! minutes, once. Asking never reveals whether an account exists; a new
//! password ends every session.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter};

use super::signin::hash_token;
use super::{Email, Password, hash_password, login_attempt, password_reset, person, signin};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::i18n::{FluentArg, Locale};
use crate::mail::{Outgoing, queue};
use crate::token::random_token;

pub const VALID_MINUTES: i64 = 15;
/// Requests allowed in an hour from one address for one account (then 429).
pub const PER_HOUR: u64 = 5;
/// Requests allowed in an hour from one address, whatever the accounts.
pub const PER_IP_HOUR: u64 = 20;
/// Links mailed to one account in an hour before the account alone slows
/// down: each further link waits 2^k minutes after the last one (k = links
/// beyond this), at most [`VALID_MINUTES`], so requests from elsewhere never
/// keep the owner from a working link, and cannot flood their mailbox.
pub const MAILS_PER_HOUR: u64 = 5;

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
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// How long after the last link the account's next one waits.
fn mail_delay(mailed: u64) -> Duration {
    let k = mailed.saturating_sub(MAILS_PER_HOUR).min(8);
    Duration::minutes((1i64 << k).min(VALID_MINUTES))
}

/// Ask for a link. Answers the same way, with the same work in the request,
/// whether or not the address has an account: the message is written to the
/// mail queue in the same transaction as the link (nothing is sent during
/// the request), and only when the address has an active account.
pub async fn request(
    db: &Db,
    email: &str,
    ip: &str,
    public_url: &str,
    now: DateTime<Utc>,
) -> Result<(), ResetError> {
    let email = Email::parse(email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_default();
    let ip_key = login_attempt::key("reset-ip", &[ip]);
    let pair_key = login_attempt::key("reset-account-ip", &[&email, ip]);
    let mail_key = login_attempt::key("reset-mail", &[&email]);
    let hour = now - Duration::hours(1);
    let tx = db.begin_write().await?;
    login_attempt::lock(&tx, &[&ip_key, &pair_key, &mail_key]).await?;
    if login_attempt::count(&tx, &ip_key, hour).await? >= PER_IP_HOUR
        || login_attempt::count(&tx, &pair_key, hour).await? >= PER_HOUR
    {
        tx.rollback().await?;
        return Err(ResetError::TooMany);
    }
    login_attempt::add(&tx, ip_key, now).await?;
    login_attempt::add(&tx, pair_key, now).await?;
    let mailed = login_attempt::count(&tx, &mail_key, hour).await?;
    let last = login_attempt::latest(&tx, &mail_key, hour).await?;
    let person = person::Entity::find()
        .filter(person::Column::Email.eq(&email))
        .filter(person::Column::Active.eq(true))
        .one(&tx)
        .await?;
    let due = mailed < MAILS_PER_HOUR || last.is_none_or(|t| now - t >= mail_delay(mailed));
    let mut queued = false;
    if let Some(p) = person.filter(|_| due) {
        let token = random_token();
        let expires_at = now + Duration::minutes(VALID_MINUTES);
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
        let l: Locale = p.locale.parse().unwrap_or_default();
        let link = format!("{public_url}/password/reset/{token}?lang={}", l.code());
        let args: [(&'static str, FluentArg); 2] =
            [("link", link.into()), ("minutes", VALID_MINUTES.into())];
        let msg = Outgoing {
            to_email: p.email.clone(),
            to_name: p.display_name.clone(),
            subject: l.t_args("mail-reset-subject", &args),
            body: l.t_args("mail-reset-body", &args),
            key: None,
        };
        queue::enqueue(&tx, &msg, "password-reset", now).await?;
        login_attempt::add(&tx, mail_key, now).await?;
        queued = true;
    } else {
        // As many statements as for an account (as the dummy hash does for
        // sign-in), so that the answer takes as long.
        password_reset::Entity::find()
            .filter(password_reset::Column::TokenHash.eq(hash_token(&random_token())))
            .one(&tx)
            .await?;
        queue::Entity::find_by_id(0).one(&tx).await?;
        login_attempt::count(&tx, &mail_key, now).await?;
    }
    login_attempt::prune(&tx, now).await?;
    tx.commit().await?;
    if queued {
        queue::wake();
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_mail_delay_doubles_up_to_a_link_lifetime() {
        assert_eq!(mail_delay(MAILS_PER_HOUR), Duration::minutes(1));
        assert_eq!(mail_delay(MAILS_PER_HOUR + 2), Duration::minutes(4));
        assert_eq!(
            mail_delay(MAILS_PER_HOUR + 30),
            Duration::minutes(VALID_MINUTES)
        );
    }
}
