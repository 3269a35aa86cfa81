//! Two-factor sign-in with TOTP (RFC 6238, as authenticator apps do it) and
//! one-time recovery codes. Required for coordinators and administrators,
//! offered to everyone. A code is accepted once: the last step is stored by a
//! conditional update that only one request can win, and a recovery code is
//! used up the same way. Secrets are stored sealed ([`super::secrets`]).

use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, ExprTrait, PaginatorTrait, QueryFilter,
};
use totp_rs::{Builder, Secret, Totp};

use super::secrets::{SecretError, SecretKey};
use super::signin::hash_token;
use super::{login_attempt, person, recovery_code};
use crate::audit::{self, Origin};
use crate::db::Db;

/// How many recovery codes a person gets.
pub const RECOVERY_CODES: usize = 10;
/// Wrong codes allowed per person in [`FAILURE_WINDOW_MINUTES`].
pub const MAX_FAILURES: u64 = 5;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
/// Digits of a code.
pub const DIGITS: u8 = 6;

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
    Secret(#[from] SecretError),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A TOTP generator (SHA-1, 30-second steps, one step of skew) with
/// `digits` digits, labelled for authenticator apps.
pub fn generator(secret: Secret, account: &str, digits: u8) -> Result<Totp, TwoFactorError> {
    Builder::new()
        .with_secret(secret)
        .with_digits(digits)
        .with_account_name(account)
        .with_issuer(Some("Majlis"))
        .build()
        .map_err(|e| TwoFactorError::BadSecret(format!("{e:?}")))
}

/// The TOTP generator for a (clear) base32 secret.
pub fn totp(secret_base32: &str, account: &str) -> Result<Totp, TwoFactorError> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|e| TwoFactorError::BadSecret(format!("{e:?}")))?;
    generator(secret, account, DIGITS)
}

/// What the set-up page shows: the key to type and the `otpauth://` address
/// (also drawn as a QR code).
#[derive(Clone, Debug)]
pub struct Setup {
    pub secret: String,
    pub url: String,
    pub qr_svg: String,
}

/// Start (or resume) setting up: a pending secret, kept (sealed) until confirmed.
pub async fn begin_setup(
    db: &Db,
    key: &SecretKey,
    p: &person::Model,
) -> Result<Setup, TwoFactorError> {
    let existing = p
        .totp_pending
        .as_deref()
        .and_then(|stored| key.open(stored, p.id).ok());
    let secret = match existing {
        Some(s) => s,
        None => {
            let s = Secret::generate().to_base32();
            // Two pages opened at once: the first secret written is kept.
            let tx = db.begin_write().await?;
            let mut update = person::Entity::update_many()
                .col_expr(person::Column::TotpPending, Expr::value(key.seal(&s, p.id)))
                .filter(person::Column::Id.eq(p.id));
            update = match &p.totp_pending {
                Some(unreadable) => update.filter(person::Column::TotpPending.eq(unreadable)),
                None => update.filter(person::Column::TotpPending.is_null()),
            };
            let won = update.exec(&tx).await?.rows_affected == 1;
            tx.commit().await?;
            if won {
                s
            } else {
                let fresh = person::Entity::find_by_id(p.id)
                    .one(db.read())
                    .await?
                    .and_then(|f| f.totp_pending)
                    .ok_or(TwoFactorError::NotStarted)?;
                key.open(&fresh, p.id)?
            }
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
    key: &SecretKey,
    origin: &Origin,
    p: &person::Model,
    code: &str,
    now: DateTime<Utc>,
) -> Result<Vec<String>, TwoFactorError> {
    let stored = p.totp_pending.clone().ok_or(TwoFactorError::NotStarted)?;
    let pending = key.open(&stored, p.id)?;
    let reserved = reserve_attempt(db, p.id, now).await?;
    let unix = u64::try_from(now.timestamp()).unwrap_or_default();
    let Some(step) = step_of(totp(&pending, &p.email)?.check(code.trim(), unix)) else {
        return Err(TwoFactorError::WrongCode);
    };
    let codes: Vec<String> = (0..RECOVERY_CODES).map(|_| new_recovery_code()).collect();
    let tx = db.begin_write().await?;
    // Only the request that still finds this pending secret turns it on.
    let won = person::Entity::update_many()
        .col_expr(
            person::Column::TotpSecret,
            Expr::value(key.seal(&pending, p.id)),
        )
        .col_expr(
            person::Column::TotpPending,
            Expr::value(Option::<String>::None),
        )
        .col_expr(person::Column::TotpLastStep, Expr::value(step))
        .filter(person::Column::Id.eq(p.id))
        .filter(person::Column::TotpSecret.is_null())
        .filter(person::Column::TotpPending.eq(stored))
        .exec(&tx)
        .await?
        .rows_affected
        == 1;
    if !won {
        tx.rollback().await?;
        return Err(TwoFactorError::NotStarted);
    }
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
    login_attempt::withdraw(db, &[reserved]).await?;
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

/// Count this attempt as a failure before checking it, under the key's lock,
/// so that concurrent attempts never get past the limit; a right code then
/// withdraws it. Returns the attempt's row.
async fn reserve_attempt(
    db: &Db,
    person_id: i32,
    now: DateTime<Utc>,
) -> Result<i64, TwoFactorError> {
    let key = failure_key(person_id);
    let tx = db.begin_write().await?;
    login_attempt::lock(&tx, &[&key]).await?;
    let since = now - Duration::minutes(FAILURE_WINDOW_MINUTES);
    if login_attempt::count(&tx, &key, since).await? >= MAX_FAILURES {
        tx.rollback().await?;
        return Err(TwoFactorError::TooMany);
    }
    let id = login_attempt::add(&tx, key, now).await?;
    tx.commit().await?;
    Ok(id)
}

/// Check the second factor: a TOTP code of a later step than any accepted
/// before, or an unused recovery code (then used up). Each is claimed by a
/// conditional update, so the same code sent at once to several nodes works
/// once.
pub async fn verify(
    db: &Db,
    key: &SecretKey,
    p: &person::Model,
    code: &str,
    now: DateTime<Utc>,
) -> Result<(), TwoFactorError> {
    let stored = p.totp_secret.clone().ok_or(TwoFactorError::NotStarted)?;
    let secret = key.open(&stored, p.id)?;
    let reserved = reserve_attempt(db, p.id, now).await?;
    let code = code.trim();
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let tx = db.begin_write().await?;
    let accepted =
        if digits.len() == usize::from(DIGITS) && digits.bytes().all(|b| b.is_ascii_digit()) {
            let unix = u64::try_from(now.timestamp()).unwrap_or_default();
            match step_of(totp(&secret, &p.email)?.check(&digits, unix)) {
                Some(step) => {
                    person::Entity::update_many()
                        .col_expr(person::Column::TotpLastStep, Expr::value(step))
                        .filter(person::Column::Id.eq(p.id))
                        .filter(
                            person::Column::TotpLastStep
                                .is_null()
                                .or(person::Column::TotpLastStep.lt(step)),
                        )
                        .exec(&tx)
                        .await?
                        .rows_affected
                        == 1
                }
                None => false,
            }
        } else {
            let hash = hash_token(&normalise_recovery(code));
            let found = recovery_code::Entity::find()
                .filter(recovery_code::Column::PersonId.eq(p.id))
                .filter(recovery_code::Column::CodeHash.eq(hash))
                .filter(recovery_code::Column::UsedAt.is_null())
                .one(&tx)
                .await?;
            match found {
                Some(rc) => {
                    recovery_code::Entity::update_many()
                        .col_expr(recovery_code::Column::UsedAt, Expr::value(now))
                        .filter(recovery_code::Column::Id.eq(rc.id))
                        .filter(recovery_code::Column::UsedAt.is_null())
                        .exec(&tx)
                        .await?
                        .rows_affected
                        == 1
                }
                None => false,
            }
        };
    if accepted && !is_sealed_value(&stored) {
        // A secret from before sealing: sealed on its first use.
        person::Entity::update_many()
            .col_expr(
                person::Column::TotpSecret,
                Expr::value(key.seal(&secret, p.id)),
            )
            .filter(person::Column::Id.eq(p.id))
            .filter(person::Column::TotpSecret.eq(stored))
            .exec(&tx)
            .await?;
    }
    tx.commit().await?;
    if accepted {
        login_attempt::withdraw(db, &[reserved]).await?;
        Ok(())
    } else {
        Err(TwoFactorError::WrongCode)
    }
}

fn is_sealed_value(stored: &str) -> bool {
    super::secrets::is_sealed(stored)
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

    /// RFC 6238, appendix B: the SHA-1 test vectors (20-byte ASCII secret,
    /// 8 digits), through the same generator sign-in uses.
    #[test]
    fn rfc6238_sha1_test_vectors() {
        let secret = Secret::from(b"12345678901234567890".to_vec());
        let t = generator(secret, "x@example.org", 8).unwrap();
        for (time, code) in [
            (59u64, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            assert_eq!(t.generate(time).to_string(), code, "T = {time}");
            assert_eq!(t.check(code, time), Some(time / 30), "T = {time}");
        }
        // Six digits are the last six of the same value.
        let six = generator(
            Secret::from(b"12345678901234567890".to_vec()),
            "x@example.org",
            6,
        )
        .unwrap();
        assert_eq!(six.generate(59).to_string(), "287082");
        assert_eq!(six.generate(1_111_111_109).to_string(), "081804");
    }
}
