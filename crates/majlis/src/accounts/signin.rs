//! Signing in and out: rate limits, password checks, sessions and their time-outs.
//! Time is passed in (`now`), so every rule here is testable.

use argon2::{Argon2, PasswordHash, PasswordVerifier};
use chrono::{DateTime, Duration, Utc};
use sea_orm::ActiveValue::Set;
use std::sync::LazyLock;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, Statement,
};
use sha2::{Digest, Sha256};

use super::{Email, affiliation, login_attempt, person, session};
use crate::config::SessionLimits;
use crate::db::Db;
use crate::policy::{Actor, Client, PendingSession, SignedIn};
use crate::token::random_token;

/// Sign-in limits. Per address, every attempt counts: [`PER_IP_MINUTE`] a
/// minute and [`PER_IP_HOUR`] an hour.
pub const PER_IP_MINUTE: u64 = 6;
pub const PER_IP_HOUR: u64 = 30;
/// Per account *and* address: [`ACCOUNT_FAILURES`] wrong passwords in
/// [`ACCOUNT_WINDOW_MINUTES`]; failures from elsewhere never lock the owner out.
pub const ACCOUNT_FAILURES: u64 = 5;
pub const ACCOUNT_WINDOW_MINUTES: i64 = 15;
/// Per account alone: after this many wrong passwords in an hour, from any
/// addresses, an address the person has not signed in from in
/// [`KNOWN_ADDRESS_DAYS`] waits 2^k seconds (k = failures beyond this, at most
/// [`ACCOUNT_DELAY_MAX_SECONDS`]) after the account's last failure.
pub const ACCOUNT_DELAY_AFTER: u64 = 10;
pub const ACCOUNT_DELAY_MAX_SECONDS: i64 = 60;
/// How long an address a person signed in from stays known.
pub const KNOWN_ADDRESS_DAYS: i64 = 30;

/// Why signing in failed. The messages never say whether an account exists.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("wrong email or password")]
    WrongCredentials,
    #[error("the account is deactivated")]
    Deactivated,
    #[error("too many attempts; retry in {retry_after_minutes} minutes")]
    TooMany { retry_after_minutes: i64 },
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// A session that has just started: `token` goes into the cookie, once.
#[derive(Debug)]
pub struct Started {
    pub token: String,
    pub session: session::Model,
    pub person: person::Model,
}

/// A request's signed-in account: the person's, session's and affiliations'
/// records. The session middleware leaves it in the request for accounts'
/// own pages, beside the plain [`SignedIn`] every other handler reads.
#[derive(Clone, Debug)]
pub struct Account {
    pub person: person::Model,
    pub session: session::Model,
    pub affiliations: Vec<affiliation::Model>,
}

impl Account {
    /// The person as the policy sees them.
    pub fn actor(&self) -> Actor {
        let focal_point_of = self
            .affiliations
            .iter()
            .filter(|a| a.focal_point)
            .filter_map(|a| a.municipality_id)
            .collect();
        Actor::new(
            self.person.id,
            &self.person.role,
            self.person.totp_secret.is_some(),
            focal_point_of,
        )
    }

    /// The plain identity other folders see.
    pub fn signed_in(&self) -> SignedIn {
        SignedIn {
            person_id: self.person.id,
            display_name: self.person.display_name.clone(),
            session_id: self.session.id,
            csrf_token: self.session.csrf_token.clone(),
            municipalities: self
                .affiliations
                .iter()
                .filter_map(|a| a.municipality_id)
                .collect(),
            actor: self.actor(),
            unread_notifications: self.person.unread_notifications,
            time_zone: self.person.time_zone.clone(),
        }
    }
}

/// What is stored for a token.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A hash to verify against when the account does not exist, so that a
/// missing account takes as long as a wrong password.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$VQnk0ibx4wSQ2PLnJiFBR/ktGGy0Ht96GPAfJ/ToRQM";

async fn verify_password(hash: String, password: String) -> bool {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false)
}

/// The rate-limit keys of one sign-in attempt.
struct Keys {
    ip: String,
    pair: String,
    account: String,
    known: String,
}

impl Keys {
    fn of(email: &str, ip: &str) -> Keys {
        Keys {
            ip: login_attempt::key("ip", &[ip]),
            pair: login_attempt::key("account-ip", &[email, ip]),
            account: login_attempt::key("account", &[email]),
            known: login_attempt::key(
                login_attempt::KEPT_PREFIX.trim_end_matches(':'),
                &[email, ip],
            ),
        }
    }
}

/// How long an unknown address waits after the account's last failure.
fn account_delay(failures: u64) -> Duration {
    let k = failures.saturating_sub(ACCOUNT_DELAY_AFTER).min(16);
    Duration::seconds((1i64 << k).min(ACCOUNT_DELAY_MAX_SECONDS))
}

/// Check the limits before spending time on a password and, in the same
/// transaction under the keys' locks, record the attempt and count it as a
/// failure of the account (withdrawn if the password is right). Concurrent
/// attempts, on one node or several, are counted one after the other, so none
/// gets past a limit. Returns the failure rows to withdraw on success.
async fn admit(db: &Db, keys: &Keys, now: DateTime<Utc>) -> Result<Vec<i64>, SignInError> {
    let tx = db.begin_write().await?;
    login_attempt::lock(&tx, &[&keys.ip, &keys.pair, &keys.account]).await?;
    let refused = if login_attempt::count(&tx, &keys.ip, now - Duration::minutes(1)).await?
        >= PER_IP_MINUTE
    {
        Some(1)
    } else if login_attempt::count(&tx, &keys.ip, now - Duration::hours(1)).await? >= PER_IP_HOUR {
        Some(60)
    } else if login_attempt::count(
        &tx,
        &keys.pair,
        now - Duration::minutes(ACCOUNT_WINDOW_MINUTES),
    )
    .await?
        >= ACCOUNT_FAILURES
    {
        Some(ACCOUNT_WINDOW_MINUTES)
    } else {
        let hour = now - Duration::hours(1);
        let failures = login_attempt::count(&tx, &keys.account, hour).await?;
        let delayed = failures >= ACCOUNT_DELAY_AFTER
            && login_attempt::count(&tx, &keys.known, now - Duration::days(KNOWN_ADDRESS_DAYS))
                .await?
                == 0;
        match login_attempt::latest(&tx, &keys.account, hour).await? {
            Some(last) if delayed && now - last < account_delay(failures) => Some(1),
            _ => None,
        }
    };
    if let Some(retry_after_minutes) = refused {
        tx.rollback().await?;
        return Err(SignInError::TooMany {
            retry_after_minutes,
        });
    }
    login_attempt::add(&tx, keys.ip.clone(), now).await?;
    let pair = login_attempt::add(&tx, keys.pair.clone(), now).await?;
    let account = login_attempt::add(&tx, keys.account.clone(), now).await?;
    login_attempt::prune(&tx, now).await?;
    tx.commit().await?;
    Ok(vec![pair, account])
}

/// The password was right: it was no failure, and the address is now known.
async fn succeeded(
    db: &Db,
    keys: &Keys,
    reserved: &[i64],
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::Id.is_in(reserved.iter().copied()))
        .exec(&tx)
        .await?;
    login_attempt::add(&tx, keys.known.clone(), now).await?;
    tx.commit().await
}

/// Sign in with an email and a password; start a fresh session.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    client: &Client,
    now: DateTime<Utc>,
) -> Result<Started, SignInError> {
    // A malformed email cannot match an account, but still counts and still costs.
    let email = Email::parse(email)
        .map(|e| e.as_str().to_owned())
        .unwrap_or_default();
    let keys = Keys::of(&email, &client.ip);
    let reserved = admit(db, &keys, now).await?;

    let person = if email.is_empty() {
        None
    } else {
        person::Entity::find()
            .filter(person::Column::Email.eq(&email))
            .one(db.read())
            .await?
    };
    let hash = person
        .as_ref()
        .map(|p| p.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_owned());
    let ok = verify_password(hash, password.to_owned()).await && person.is_some();
    let Some(person) = person.filter(|_| ok) else {
        return Err(SignInError::WrongCredentials);
    };
    succeeded(db, &keys, &reserved, now).await?;
    if !person.active {
        return Err(SignInError::Deactivated);
    }

    // With two-factor on, the session waits for the second factor.
    let pending = person.totp_secret.is_some();
    start_session(db, person, client, now, pending)
        .await
        .map_err(Into::into)
}

/// Start a fresh session for a person who has just proved who they are.
pub async fn start_session(
    db: &Db,
    person: person::Model,
    client: &Client,
    now: DateTime<Utc>,
    second_factor_pending: bool,
) -> Result<Started, DbErr> {
    let token = random_token();
    let tx = db.begin_write().await?;
    let session = session::ActiveModel {
        token_hash: Set(hash_token(&token)),
        person_id: Set(person.id),
        csrf_token: Set(random_token()),
        created_at: Set(now),
        last_seen_at: Set(now),
        ip: Set(client.ip.chars().take(64).collect()),
        user_agent: Set(client.user_agent.chars().take(300).collect()),
        second_factor_pending: Set(second_factor_pending),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    tx.commit().await?;
    Ok(Started {
        token,
        session,
        person,
    })
}

/// A session whose password step is done and whose second factor is not.
#[derive(Clone, Debug)]
pub struct PendingSecondFactor {
    pub person: person::Model,
    pub session: session::Model,
}

impl PendingSecondFactor {
    /// The plain marker other folders see (its forms' token).
    pub fn pending_session(&self) -> PendingSession {
        PendingSession {
            csrf_token: self.session.csrf_token.clone(),
        }
    }
}

/// What a session cookie opens.
#[derive(Clone, Debug)]
pub enum Resolved {
    SignedIn(Account),
    Pending(PendingSecondFactor),
}

/// A second-factor step may take this long.
pub const SECOND_FACTOR_MINUTES: i64 = 10;

/// The session a cookie's token opens, if it is still valid and complete.
pub async fn resolve(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
    limits: SessionLimits,
) -> Result<Option<Account>, DbErr> {
    Ok(match resolve_any(db, token, now, limits).await? {
        Some(Resolved::SignedIn(s)) => Some(s),
        _ => None,
    })
}

/// The session named by the first parameter, its person, and (one row
/// each) the person's affiliations: one query.
fn session_sql(backend: DbBackend) -> &'static str {
    static SQLITE: LazyLock<String> = LazyLock::new(|| session_sql_for("?"));
    static POSTGRES: LazyLock<String> = LazyLock::new(|| session_sql_for("$1"));
    match backend {
        DbBackend::Postgres => &POSTGRES,
        _ => &SQLITE,
    }
}

fn session_sql_for(hash: &str) -> String {
    use crate::db::aliased_columns;
    format!(
        r#"SELECT {s}, {p}, {a}
           FROM "session" AS "s" JOIN "person" AS "p" ON "p"."id" = "s"."person_id"
           LEFT JOIN "affiliation" AS "a" ON "a"."person_id" = "p"."id"
           WHERE "s"."token_hash" = {hash}
           ORDER BY "a"."id""#,
        s = aliased_columns::<session::Entity>("s"),
        p = aliased_columns::<person::Entity>("p"),
        a = aliased_columns::<affiliation::Entity>("a"),
    )
}

/// The session a cookie's token opens, complete or waiting for the second
/// factor, with its person and their affiliations (one query). Expired
/// sessions are deleted; activity is recorded at most once a minute.
pub async fn resolve_any(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
    limits: SessionLimits,
) -> Result<Option<Resolved>, DbErr> {
    let backend = db.read().get_database_backend();
    let rows = db
        .read()
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            session_sql(backend),
            [hash_token(token).into()],
        ))
        .await?;
    let Some(first) = rows.first() else {
        return Ok(None);
    };
    let session = session::Model::from_query_result(first, "s_")?;
    let person = person::Model::from_query_result(first, "p_")?;
    let expired = now - session.last_seen_at > limits.idle
        || now - session.created_at > limits.absolute
        || (session.second_factor_pending
            && now - session.created_at > Duration::minutes(SECOND_FACTOR_MINUTES))
        || !person.active;
    if expired {
        let tx = db.begin_write().await?;
        session::Entity::delete_by_id(session.id).exec(&tx).await?;
        tx.commit().await?;
        return Ok(None);
    }
    if session.second_factor_pending {
        return Ok(Some(Resolved::Pending(PendingSecondFactor {
            person,
            session,
        })));
    }
    let session = if now - session.last_seen_at > Duration::minutes(1) {
        let tx = db.begin_write().await?;
        let mut am: session::ActiveModel = session.into();
        am.last_seen_at = Set(now);
        let s = am.update(&tx).await?;
        tx.commit().await?;
        s
    } else {
        session
    };
    let mut affiliations = Vec::new();
    for row in &rows {
        if row.try_get::<Option<i32>>("", "a_id")?.is_some() {
            affiliations.push(affiliation::Model::from_query_result(row, "a_")?);
        }
    }
    Ok(Some(Resolved::SignedIn(Account {
        person,
        session,
        affiliations,
    })))
}

/// The second factor is done: replace the waiting session with a full one
/// (a fresh token again).
pub async fn complete_second_factor(
    db: &Db,
    pending: PendingSecondFactor,
    client: &Client,
    now: DateTime<Utc>,
) -> Result<Started, DbErr> {
    sign_out(db, pending.session.id).await?;
    start_session(db, pending.person, client, now, false).await
}

/// Whether a password is this person's (to confirm a grave action).
pub async fn password_matches(p: &person::Model, password: &str) -> bool {
    verify_password(p.password_hash.clone(), password.to_owned()).await
}

/// End one session.
pub async fn sign_out(db: &Db, session_id: i64) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    session::Entity::delete_by_id(session_id).exec(&tx).await?;
    tx.commit().await
}

/// End every session of a person (also used when a password changes or an
/// account is deactivated).
pub async fn sign_out_everywhere(db: &Db, person_id: i32) -> Result<u64, DbErr> {
    let tx = db.begin_write().await?;
    let n = session::Entity::delete_many()
        .filter(session::Column::PersonId.eq(person_id))
        .exec(&tx)
        .await?
        .rows_affected;
    tx.commit().await?;
    Ok(n)
}

/// A person's sessions, newest first.
pub async fn sessions_of(db: &Db, person_id: i32) -> Result<Vec<session::Model>, DbErr> {
    use sea_orm::QueryOrder;
    session::Entity::find()
        .filter(session::Column::PersonId.eq(person_id))
        .order_by_desc(session::Column::LastSeenAt)
        .all(db.read())
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_128_bit_and_stored_hashed() {
        let t = random_token();
        assert_eq!(t.len(), 32);
        assert_ne!(t, random_token());
        let h = hash_token(&t);
        assert_eq!(h.len(), 64);
        assert_ne!(h, t);
        assert_eq!(h, hash_token(&t));
    }

    #[test]
    fn the_dummy_hash_is_a_valid_argon2id_hash() {
        let parsed = PasswordHash::new(DUMMY_HASH).unwrap();
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
    }

    #[test]
    fn the_account_delay_doubles_up_to_its_cap() {
        assert_eq!(account_delay(ACCOUNT_DELAY_AFTER), Duration::seconds(1));
        assert_eq!(account_delay(ACCOUNT_DELAY_AFTER + 3), Duration::seconds(8));
        assert_eq!(
            account_delay(ACCOUNT_DELAY_AFTER + 40),
            Duration::seconds(ACCOUNT_DELAY_MAX_SECONDS)
        );
    }
}
