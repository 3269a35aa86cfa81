//! Secrets at rest: two-step sign-in secrets (and those being set up) are
//! stored sealed with XChaCha20-Poly1305 under the node's key (the
//! `secret_key` setting, or `data_dir/secret_key`, created on first start).
//! A sealed value is `v1:` + base64(nonce ‖ ciphertext ‖ tag); the person's id
//! is bound in as associated data, so a value copied to another row does not
//! open. Every node of one database needs the same key.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DbErr, EntityTrait, ExprTrait, QueryFilter};

use super::person;
use crate::config::Settings;
use crate::db::Db;

const PREFIX: &str = "v1:";
/// The key file's name in the data folder.
pub const KEY_FILE: &str = "secret_key";

/// The key secrets are sealed with: 32 bytes, written as 64 hex digits.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey([u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(***)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("the secret key must be 64 hexadecimal digits (32 bytes)")]
    BadKey,
    #[error("a stored secret does not open with this key (is secret_key the same on every node?)")]
    WrongKey,
    #[error("cannot read or write the key file {0}: {1}")]
    File(PathBuf, std::io::Error),
    #[error(transparent)]
    Db(#[from] DbErr),
}

impl SecretKey {
    /// A fresh random key.
    pub fn generate() -> SecretKey {
        SecretKey(rand::random())
    }

    /// A key written as 64 hex digits (surrounding space ignored).
    pub fn parse(s: &str) -> Result<SecretKey, SecretError> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(s.trim(), &mut out).map_err(|_| SecretError::BadKey)?;
        Ok(SecretKey(out))
    }

    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&self.0.into())
    }

    /// Seal a secret for a person's row.
    pub fn seal(&self, plain: &str, person_id: i32) -> String {
        let nonce: [u8; 24] = rand::random();
        let aad = aad(person_id);
        let sealed = self
            .cipher()
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain.as_bytes(),
                    aad: aad.as_bytes(),
                },
            )
            // Encryption fails only for messages of gigabytes.
            .unwrap_or_default();
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{PREFIX}{}", B64.encode(bytes))
    }

    /// Open a stored secret. A value stored before secrets were sealed (no
    /// `v1:`) is returned as it is; [`seal_clear_secrets`] seals those.
    pub fn open(&self, stored: &str, person_id: i32) -> Result<String, SecretError> {
        let Some(encoded) = stored.strip_prefix(PREFIX) else {
            return Ok(stored.to_owned());
        };
        let bytes = B64.decode(encoded).map_err(|_| SecretError::WrongKey)?;
        if bytes.len() < 24 {
            return Err(SecretError::WrongKey);
        }
        let (nonce, sealed) = bytes.split_at(24);
        let nonce: [u8; 24] = nonce.try_into().map_err(|_| SecretError::WrongKey)?;
        let aad = aad(person_id);
        let plain = self
            .cipher()
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: sealed,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| SecretError::WrongKey)?;
        String::from_utf8(plain).map_err(|_| SecretError::WrongKey)
    }
}

fn aad(person_id: i32) -> String {
    format!("majlis:person:{person_id}:totp")
}

/// Whether a stored value is sealed.
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(PREFIX)
}

/// Where a node keeps its key when `secret_key` is not set.
pub fn key_file(settings: &Settings) -> PathBuf {
    settings.data_dir.join(KEY_FILE)
}

/// Write a key file readable by its owner only.
pub fn write_key_file(path: &Path, key: &SecretKey) -> Result<(), SecretError> {
    let fail = |e| SecretError::File(path.to_owned(), e);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path).map_err(fail)?;
    std::io::Write::write_all(&mut f, format!("{}\n", key.to_hex()).as_bytes()).map_err(fail)?;
    f.sync_all().map_err(fail)
}

/// The `secret_key` setting, when set and not empty.
fn configured(settings: &Settings) -> Option<&str> {
    settings
        .secret_key
        .as_ref()
        .map(|k| k.expose().trim())
        .filter(|k| !k.is_empty())
}

/// The node's key: the `secret_key` setting, else the key file in the data
/// folder, created (mode 0600) on first start.
pub fn load_or_create(settings: &Settings) -> Result<SecretKey, SecretError> {
    if let Some(k) = configured(settings) {
        return SecretKey::parse(k);
    }
    let path = key_file(settings);
    match std::fs::read_to_string(&path) {
        Ok(s) => SecretKey::parse(&s),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let key = SecretKey::generate();
            write_key_file(&path, &key)?;
            tracing::info!(path = %path.display(), "secret key created; with several nodes, give every node this key (secret_key or MAJLIS_SECRET_KEY)");
            Ok(key)
        }
        Err(e) => Err(SecretError::File(path, e)),
    }
}

/// Seal the secrets still stored in clear (from before sealing); safe to run
/// on every start and on several nodes at once (each row is changed only if
/// it still holds the clear value). Returns how many values were sealed.
pub async fn seal_clear_secrets(db: &Db, key: &SecretKey) -> Result<usize, DbErr> {
    let people = person::Entity::find()
        .filter(
            person::Column::TotpSecret
                .not_like(format!("{PREFIX}%"))
                .or(person::Column::TotpPending.not_like(format!("{PREFIX}%"))),
        )
        .all(db.read())
        .await?;
    let mut sealed = 0;
    for p in people {
        for (column, value) in [
            (person::Column::TotpSecret, &p.totp_secret),
            (person::Column::TotpPending, &p.totp_pending),
        ] {
            let Some(clear) = value.as_deref().filter(|v| !is_sealed(v)) else {
                continue;
            };
            let tx = db.begin_write().await?;
            let n = person::Entity::update_many()
                .col_expr(column, Expr::value(key.seal(clear, p.id)))
                .filter(person::Column::Id.eq(p.id))
                .filter(column.eq(clear))
                .exec(&tx)
                .await?
                .rows_affected;
            tx.commit().await?;
            sealed += n as usize;
        }
    }
    Ok(sealed)
}

/// Re-seal every secret under `new`, in one transaction. Fails, changing
/// nothing, if a secret does not open with `old`. Returns how many values
/// were re-sealed.
pub async fn reseal_all(db: &Db, old: &SecretKey, new: &SecretKey) -> Result<usize, SecretError> {
    let tx = db.begin_write().await?;
    let people = person::Entity::find()
        .filter(
            person::Column::TotpSecret
                .is_not_null()
                .or(person::Column::TotpPending.is_not_null()),
        )
        .all(&tx)
        .await?;
    let mut n = 0;
    for p in people {
        let mut update = person::Entity::update_many().filter(person::Column::Id.eq(p.id));
        for (column, value) in [
            (person::Column::TotpSecret, &p.totp_secret),
            (person::Column::TotpPending, &p.totp_pending),
        ] {
            if let Some(stored) = value {
                let plain = old.open(stored, p.id)?;
                update = update.col_expr(column, Expr::value(new.seal(&plain, p.id)));
                n += 1;
            }
        }
        update.exec(&tx).await?;
    }
    tx.commit().await?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_their_key_and_row() {
        let key = SecretKey::generate();
        let sealed = key.seal("JBSWY3DPEHPK3PXP", 7);
        assert!(sealed.starts_with("v1:") && !sealed.contains("JBSWY3DPEHPK3PXP"));
        assert_ne!(
            sealed,
            key.seal("JBSWY3DPEHPK3PXP", 7),
            "a fresh nonce each time"
        );
        assert_eq!(key.open(&sealed, 7).unwrap(), "JBSWY3DPEHPK3PXP");
        assert!(matches!(key.open(&sealed, 8), Err(SecretError::WrongKey)));
        assert!(matches!(
            SecretKey::generate().open(&sealed, 7),
            Err(SecretError::WrongKey)
        ));
        assert_eq!(
            key.open("JBSWY3DPEHPK3PXP", 7).unwrap(),
            "JBSWY3DPEHPK3PXP",
            "clear values from before"
        );
        assert_eq!(SecretKey::parse(&key.to_hex()).unwrap(), key);
        assert!(SecretKey::parse("abc").is_err());
        assert_eq!(format!("{key:?}"), "SecretKey(***)");
    }

    #[test]
    fn the_key_comes_from_the_setting_or_a_private_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut settings = Settings {
            data_dir: dir.path().join("data"),
            secret_key: Some(crate::config::Secret(" ".into())),
            ..Settings::default()
        };
        // An empty setting means "not set": a key file is created, then reused.
        let made = load_or_create(&settings).unwrap();
        assert_eq!(load_or_create(&settings).unwrap(), made);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(key_file(&settings))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let set = SecretKey::generate();
        settings.secret_key = Some(crate::config::Secret(set.to_hex()));
        assert_eq!(load_or_create(&settings).unwrap(), set, "the setting wins");
        settings.secret_key = Some(crate::config::Secret("xyz".into()));
        assert!(matches!(
            load_or_create(&settings),
            Err(SecretError::BadKey)
        ));
    }
}

/// Where a rotated key went.
#[derive(Debug)]
pub enum NewKeyAt {
    /// Written to the node's key file.
    File(PathBuf),
    /// The key comes from the `secret_key` setting: the operator sets it.
    Setting,
}

/// Re-seal every secret under `new` and keep `new` where the node reads its
/// key. The new key is written beside the old file first, the secrets are
/// re-sealed in one transaction, then the file is replaced; a failure before
/// the commit leaves the old key and secrets in force.
pub async fn rotate(
    settings: &Settings,
    db: &Db,
    new: &SecretKey,
) -> Result<(usize, NewKeyAt), SecretError> {
    let old = load_or_create(settings)?;
    if configured(settings).is_some() {
        let n = reseal_all(db, &old, new).await?;
        return Ok((n, NewKeyAt::Setting));
    }
    let path = key_file(settings);
    let staged = path.with_extension("new");
    write_key_file(&staged, new)?;
    let n = match reseal_all(db, &old, new).await {
        Ok(n) => n,
        Err(e) => {
            let _ = std::fs::remove_file(&staged);
            return Err(e);
        }
    };
    std::fs::rename(&staged, &path).map_err(|e| SecretError::File(path.clone(), e))?;
    Ok((n, NewKeyAt::File(path)))
}
