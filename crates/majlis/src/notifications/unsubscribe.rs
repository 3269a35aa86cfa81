//! One-click unsubscribe (RFC 8058): every notification email carries an
//! address that stops email of the kinds it carried, for its recipient,
//! without signing in. The token is sealed under the node's secret key
//! (XChaCha20-Poly1305 with the person's id bound in, as two-step secrets
//! are), so it cannot be made or altered without the key, and it names
//! the person and the kinds it may change: nothing else.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use sea_orm::{DbErr, EntityTrait};

use super::{Delivery, NoticeKind};
use crate::accounts::secrets::SecretKey;
use crate::db::Db;

/// What a token's sealed text starts with (so no other sealed value opens as one).
const LABEL: &str = "majlis-unsubscribe:";

/// What an unsubscribe address may change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsubscribe {
    pub person_id: i32,
    pub kinds: Vec<NoticeKind>,
}

/// The token for `person_id` and `kinds` (URL-safe).
pub fn token(key: &SecretKey, person_id: i32, kinds: &[NoticeKind]) -> String {
    let codes: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    let sealed = key.seal(&format!("{LABEL}{}", codes.join(",")), person_id);
    let raw = sealed
        .strip_prefix("v1:")
        .and_then(|b| STANDARD.decode(b).ok())
        .unwrap_or_default();
    format!("{person_id}.{}", URL_SAFE_NO_PAD.encode(raw))
}

/// What `token` allows, if it is one of ours.
pub fn parse(key: &SecretKey, token: &str) -> Option<Unsubscribe> {
    let (person, sealed) = token.split_once('.')?;
    let person_id: i32 = person.parse().ok()?;
    let raw = URL_SAFE_NO_PAD.decode(sealed).ok()?;
    let plain = key
        .open(&format!("v1:{}", STANDARD.encode(raw)), person_id)
        .ok()?;
    let codes = plain.strip_prefix(LABEL)?;
    let kinds: Option<Vec<NoticeKind>> = codes.split(',').map(NoticeKind::from_code).collect();
    let kinds = kinds.filter(|k| !k.is_empty())?;
    Some(Unsubscribe { person_id, kinds })
}

/// The address of `token` on this site.
pub fn url(public_url: &str, token: &str) -> String {
    format!("{public_url}/unsubscribe/{token}")
}

/// Stop email of the token's kinds for its person (other settings, the
/// in-app notifications and the account stay as they are). False when the
/// account is gone.
pub async fn apply(db: &Db, u: &Unsubscribe) -> Result<bool, DbErr> {
    let tx = db.begin_write().await?;
    if crate::accounts::person::Entity::find_by_id(u.person_id)
        .one(&tx)
        .await?
        .is_none()
    {
        return Ok(false);
    }
    let never: Vec<(NoticeKind, Delivery)> =
        u.kinds.iter().map(|k| (*k, Delivery::Never)).collect();
    super::rules::write_settings(&tx, u.person_id, &never).await?;
    tx.commit().await?;
    Ok(true)
}
