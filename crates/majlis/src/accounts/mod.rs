//! People who sign in. This issue only needs administrators created from the
//! command line; sign-in, roles and sessions arrive with the accounts issue.

pub mod affiliation;
pub mod api_token;
pub mod deletion;
pub mod export;
pub mod invitation;
pub mod invitations;
pub mod login_attempt;
pub mod password_reset;
pub mod people;
pub mod person;
pub mod recovery_code;
pub mod reset;
pub mod routes;
pub mod secrets;
pub mod session;
pub mod signin;
pub mod signup;
pub mod signup_request;
pub mod time_zone;
pub mod tokens;
pub mod two_factor;

use argon2::password_hash::SaltString;
use argon2::{Algorithm, Argon2, Params, PasswordHasher, Version};
use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter};

use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::Locale;

/// Password length limits (ASVS 5.0: at least 8, allow at least 64).
pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;

/// An email address, trimmed and lower-cased, with one `@` and a dotted domain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Self, AccountError> {
        let s = s.trim().to_lowercase();
        let ok = s.len() <= 320
            && match s.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                        && !domain.contains('@')
                        && !s.chars().any(char::is_whitespace)
                }
                None => false,
            };
        ok.then_some(Email(s)).ok_or(AccountError::BadEmail)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A password that meets the length rules (no composition rules).
pub struct Password(String);

/// Passwords people pick first, refused whatever their length: a short list
/// written for this network's languages and places, and the 19,640 common
/// passwords Django ships (`common_passwords_django.txt`, from Django 5.2.19,
/// BSD-3-Clause, licence in `licences/django-LICENSE.txt`; the list was
/// compiled by Royce Williams from leaked password corpora).
const COMMON_PASSWORDS: &str = include_str!("common_passwords.txt");
const COMMON_PASSWORDS_DJANGO: &str = include_str!("common_passwords_django.txt");

static COMMON: std::sync::LazyLock<std::collections::HashSet<String>> =
    std::sync::LazyLock::new(|| {
        COMMON_PASSWORDS
            .lines()
            .chain(COMMON_PASSWORDS_DJANGO.lines())
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty())
            .collect()
    });

impl Password {
    pub fn parse(s: String) -> Result<Self, AccountError> {
        let n = s.chars().count();
        if n < PASSWORD_MIN {
            Err(AccountError::PasswordTooShort)
        } else if n > PASSWORD_MAX {
            Err(AccountError::PasswordTooLong)
        } else if is_common(&s) {
            Err(AccountError::PasswordCommon)
        } else {
            Ok(Password(s))
        }
    }
}

fn is_common(password: &str) -> bool {
    let lower = password.trim().to_lowercase();
    COMMON.contains(&lower)
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("that is not a valid email address")]
    BadEmail,
    #[error("the name must not be empty")]
    EmptyName,
    #[error("the password must be at least {PASSWORD_MIN} characters")]
    PasswordTooShort,
    #[error("the password must be at most {PASSWORD_MAX} characters")]
    PasswordTooLong,
    #[error("this password is among the most common ones; choose another")]
    PasswordCommon,
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("cannot hash the password: {0}")]
    Hash(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Argon2id with m = 19456 KiB, t = 2, p = 1.
pub fn hash_password(password: &Password) -> Result<String, AccountError> {
    let params = Params::new(19_456, 2, 1, None).map_err(|e| AccountError::Hash(e.to_string()))?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let salt_bytes: [u8; 16] = rand::random();
    let salt =
        SaltString::encode_b64(&salt_bytes).map_err(|e| AccountError::Hash(e.to_string()))?;
    argon
        .hash_password(password.0.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// Create an administrator.
pub async fn create_admin(
    db: &Db,
    email: &Email,
    display_name: &str,
    locale: Locale,
    password: &Password,
    now: DateTime<Utc>,
) -> Result<person::Model, AccountError> {
    create_with_role(db, email, display_name, "admin", locale, password, now).await
}

async fn create_with_role(
    db: &Db,
    email: &Email,
    display_name: &str,
    role: &str,
    locale: Locale,
    password: &Password,
    now: DateTime<Utc>,
) -> Result<person::Model, AccountError> {
    let display_name = display_name.trim();
    if display_name.is_empty() {
        return Err(AccountError::EmptyName);
    }
    let hash = hash_password(password)?;
    let tx = db.begin_write().await?;
    if person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .one(&tx)
        .await?
        .is_some()
    {
        return Err(AccountError::EmailTaken);
    }
    let p = person::ActiveModel {
        email: Set(email.as_str().to_owned()),
        display_name: Set(display_name.chars().take(200).collect()),
        locale: Set(locale.code().to_owned()),
        password_hash: Set(hash),
        role: Set(role.to_owned()),
        active: Set(true),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    outbox::record(&tx, "person", p.id, Op::Created).await?;
    crate::audit::record(
        &tx,
        &crate::audit::Origin::cli(),
        "account-created",
        "person",
        p.id,
        Some(role.to_owned()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_and_passwords_are_checked() {
        assert_eq!(
            Email::parse(" Focal@Sanliurfa.bel.tr ").unwrap().as_str(),
            "focal@sanliurfa.bel.tr"
        );
        for bad in ["", "no-at", "a@b", "a@.b", "a b@c.de", "@x.org"] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert!(matches!(
            Password::parse("short".into()),
            Err(AccountError::PasswordTooShort)
        ));
        assert!(matches!(
            Password::parse("x".repeat(129)),
            Err(AccountError::PasswordTooLong)
        ));
        // Length counts characters, not bytes.
        assert!(Password::parse("كلمةسرطويلة".into()).is_ok());
        // From the local list and from Django's 19,640.
        for common in [
            "password123",
            "Qwertyuiop",
            "12345678",
            "Galatasaray",
            "2012comeer",
            "basketball",
            "IloveYou123",
        ] {
            assert!(
                matches!(
                    Password::parse(common.into()),
                    Err(AccountError::PasswordCommon)
                ),
                "{common}"
            );
        }
    }

    #[test]
    fn hashes_are_argon2id_with_the_required_cost() {
        let h = hash_password(&Password::parse("correct horse battery".into()).unwrap()).unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
    }
}
