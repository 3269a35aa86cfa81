//! Two-factor sign-in with TOTP (RFC 6238, as authenticator apps do it) and
//! one-time recovery codes. Required for coordinators and administrators,
//! offered to everyone. A code is accepted once: the last step is stored.

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};
use totp_rs::{Builder, Secret, Totp};

use super::signin::hash_token;
use super::{login_attempt, person, recovery_code};
use crate::audit::{self, Origin};
use crate::db::Db;

/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;
/// Wrong codes allowed per person in [`FAILURE_WINDOW_MINUTES`].
pub const MAX_FAILURES: u64 = 5;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;

#[derive(Debug, thiserror::Error)]
pub enum TwoFactorError {
    #[error("wrong code")]
    WrongCode,
    #[error("too many wrong codes")]
    TooMany,
    #[error("no two-factor set-up in progress")]
    NotStarted,
    #[error("two-factor secret is invalid: {0}")]
    BadSecret(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The TOTP generator for a secret, labelled for authenticator apps.
pub fn totp(secret_base32: &str, account: &str) -> Result<Totp, TwoFactorError> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|e| TwoFactorError::BadSecret(format!("{e:?}")))?;
    Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some("Majlis"))
        .build()
        .map_err(|e| TwoFactorError::BadSecret(format!("{e:?}")))
}

/// What the set-up page shows: the key to type and the `otpauth://` address
/// (also drawn as a QR code).
#[derive(Clone, Debug)]
pub struct Setup {
    pub secret: String,
    pub url: String,
    pub qr_svg: String,
}

/// Start (or resume) setting up: a pending secret, kept until confirmed.
pub async fn begin_setup(db: &Db, p: &person::Model) -> Result<Setup, TwoFactorError> {
    let secret = match &p.totp_pending {
        Some(s) => s.clone(),
        None => {
            let s = Secret::generate().to_base32();
            let tx = db.begin_write().await?;
            let mut am: person::ActiveModel = p.clone().into();
            am.totp_pending = Set(Some(s.clone()));
            am.update(&tx).await?;
            tx.commit().await?;
            s
        }
    };
    let url = totp(&secret, &p.email)?
        .to_url()
        .map_err(|e| TwoFactorError::BadSecret(format!("{e:?}")))?;
    let qr_svg = qrcode::QrCode::new(url.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .dark_color(qrcode::render::svg::Color("#000000"))
                .light_color(qrcode::render::svg::Color("#ffffff"))
                .build()
        })
        .unwrap_or_default();
    Ok(Setup {
        secret,
        url,
        qr_svg,
    })
}

fn step_of(check: Option<u64>) -> Option<i64> {
    check.and_then(|s| i64::try_from(s).ok())
}

/// Confirm the pending secret with a code from the app; turn two-factor on
/// and return fresh recovery codes (shown once).
pub async fn confirm_setup(
    db: &Db,
    origin: &Origin,
    p: &person::Model,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, TwoFactorError> {
    let pending = p.totp_pending.clone().ok_or(TwoFactorError::NotStarted)?;
    check_failures(db, p.id, now).await?;
    let unix = u64::try_from(now.timestamp()).unwrap_or_default();
    let Some(step) = step_of(totp(&pending, &p.email)?.check(code.trim(), unix)) else {
        record_failure(db, p.id, now).await?;
        return Err(TwoFactorError::WrongCode);
    };
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let tx = db.begin_write().await?;
    let mut am: person::ActiveModel = p.clone().into();
    am.totp_secret = Set(Some(pending));
    am.totp_pending = Set(None);
    am.totp_last_step = Set(Some(step));
    am.update(&tx).await?;
    recovery_code::Entity::delete_many()
        .filter(recovery_code::Column::PersonId.eq(p.id))
        .exec(&tx)
        .await?;
    for c in &codes {
        recovery_code::ActiveModel {
            person_id: Set(p.id),
            code_hash: Set(hash_token(&normalise_recovery(c))),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
    }
    audit::record(&tx, origin, "two-factor-on", "person", p.id, None, now).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Ten characters from an alphabet without look-alikes, as `xxxxx-xxxxx`.
fn new_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let bytes: [u8; 10] = rand::random();
    let chars: String = bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect();
    format!("{}-{}", &chars[..5], &chars[5..])
}

fn normalise_recovery(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn failure_key(person_id: i32) -> String {
    format!("second-factor:{person_id}")
}

async fn check_failures(db: &Db, person_id: i32, now: DateTime<Utc>) -> Result<(), TwoFactorError> {
    let n = login_attempt::Entity::find()
        .filter(login_attempt::Column::Key.eq(failure_key(person_id)))
        .filter(login_attempt::Column::At.gt(now - Duration::minutes(FAILURE_WINDOW_MINUTES)))
        .count(db.read())
        .await?;
    if n >= MAX_FAILURES {
        Err(TwoFactorError::TooMany)
    } else {
        Ok(())
    }
}

async fn record_failure(db: &Db, person_id: i32, now: DateTime<Utc>) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    login_attempt::ActiveModel {
        key: Set(failure_key(person_id)),
        at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    tx.commit().await
}

/// Check the second factor: a TOTP code not used before, or an unused
/// recovery code (then used up).
pub async fn verify(
    db: &Db,
    p: &person::Model,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(), TwoFactorError> {
    let secret = p.totp_secret.clone().ok_or(TwoFactorError::NotStarted)?;
    check_failures(db, p.id, now).await?;
    let code = code.trim();
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let unix = u64::try_from(now.timestamp()).unwrap_or_default();
        if let Some(step) = step_of(totp(&secret, &p.email)?.check(&digits, unix))
            && p.totp_last_step.is_none_or(|last| step > last)
        {
            let tx = db.begin_write().await?;
            let mut am: person::ActiveModel = p.clone().into();
            am.totp_last_step = Set(Some(step));
            am.update(&tx).await?;
            tx.commit().await?;
            return Ok(());
        }
    } else {
        let hash = hash_token(&normalise_recovery(code));
        let tx = db.begin_write().await?;
        let found = recovery_code::Entity::find()
            .filter(recovery_code::Column::PersonId.eq(p.id))
            .filter(recovery_code::Column::CodeHash.eq(hash))
            .filter(recovery_code::Column::UsedAt.is_null())
            .one(&tx)
            .await?;
        if let Some(rc) = found {
            let mut am: recovery_code::ActiveModel = rc.into();
            am.used_at = Set(Some(now));
            am.update(&tx).await?;
            tx.commit().await?;
            return Ok(());
        }
    }
    record_failure(db, p.id, now).await?;
    Err(TwoFactorError::WrongCode)
}

/// Recovery codes a person has left.
pub async fn recovery_codes_left(db: &Db, person_id: i32) -> Result<u64, DbErr> {
    recovery_code::Entity::find()
        .filter(recovery_code::Column::PersonId.eq(person_id))
        .filter(recovery_code::Column::UsedAt.is_null())
        .count(db.read())
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_are_readable_and_forgiving() {
        let c = new_recovery_code();
        assert_eq!(c.len(), 11);
        assert_eq!(&c[5..6], "-");
        assert_eq!(normalise_recovery(" ABCDE-fghjk "), "abcdefghjk");
    }

    #[test]
    fn rfc6238_codes_check_within_one_step() {
        let secret = Secret::generate().to_base32();
        let t = totp(&secret, "x@example.org").unwrap();
        let now = 1_700_000_000u64;
        let code = t.generate(now);
        let code = code.to_string();
        assert!(t.check(&code, now).is_some());
        assert!(t.check(&code, now + 30).is_some(), "one step of skew");
        assert!(t.check(&code, now + 120).is_none());
        assert!(t.to_url().unwrap().starts_with("otpauth://totp/Majlis:"));
    }
}
