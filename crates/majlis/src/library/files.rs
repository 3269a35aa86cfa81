//! Uploads and downloads through `majlis-files`: a folder under the data
//! directory by default, S3-compatible storage when configured. A file is
//! checked (type from its content, size while streaming, archives against
//! bombs) before anything is stored, and recorded in `file_object` by the
//! transaction that first refers to it.

use std::path::PathBuf;

use axum::extract::multipart::{Field, Multipart};
use chrono::{DateTime, Utc};
use futures_util::StreamExt;
use majlis_files::{ArchiveLimits, FileKind, FileStore, PutOptions, Stored, UploadError};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait};

use super::entities::file_object;
use crate::config::Settings;

/// Largest plain (non-file) form value read from an upload form.
pub const MAX_FIELD_BYTES: usize = 64 * 1024;

/// The platform's file store and its upload rules.
#[derive(Clone)]
pub struct Uploads {
    pub store: FileStore,
    scratch: PathBuf,
    pub max_bytes: u64,
}

impl Uploads {
    pub fn from_settings(s: &Settings) -> anyhow::Result<Self> {
        let store = match s
            .files_url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            Some(url) => {
                let opts: Vec<(String, String)> = s
                    .files_options
                    .0
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                FileStore::from_url(url, &opts)?
            }
            None => FileStore::local(&s.data_dir.join("files"))?,
        };
        let scratch = s.data_dir.join("tmp");
        std::fs::create_dir_all(&scratch)?;
        Ok(Uploads {
            store,
            scratch,
            max_bytes: s.upload_max_mb.saturating_mul(1024 * 1024),
        })
    }

    /// Check and store one uploaded file, streaming it; its text is extracted.
    pub async fn put_field(&self, field: Field<'_>) -> Result<Stored, UploadError> {
        let opts = PutOptions {
            max_bytes: self.max_bytes,
            extract_text: true,
            limits: ArchiveLimits::default(),
            ..PutOptions::new(self.scratch.clone())
        };
        let body = field.map(|chunk| chunk.map_err(std::io::Error::other));
        self.store.put(Box::pin(body), &opts).await
    }
}

/// The Fluent id that explains a refused upload to a person.
pub fn refusal_message(e: &UploadError) -> &'static str {
    match e {
        UploadError::Empty => "upload-error-empty",
        UploadError::TooLarge { .. } => "upload-error-too-large",
        UploadError::UnsupportedType => "upload-error-type",
        UploadError::Bomb => "upload-error-bomb",
        UploadError::Malformed => "upload-error-malformed",
        _ => "upload-error-failed",
    }
}

/// Record a stored file (once: the same bytes are one row).
pub async fn record(
    tx: &impl ConnectionTrait,
    stored: &Stored,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    let sha = stored.sha256.to_string();
    if file_object::Entity::find_by_id(sha.clone())
        .one(tx)
        .await?
        .is_some()
    {
        return Ok(());
    }
    file_object::ActiveModel {
        sha256: Set(sha),
        kind: Set(stored.kind.as_str().to_owned()),
        size: Set(i64::try_from(stored.size).unwrap_or(i64::MAX)),
        text: Set(stored.text.clone()),
        created_at: Set(now),
    }
    .insert(tx)
    .await?;
    Ok(())
}

/// A multipart form: text values, and the files it carried (already checked
/// and stored), or why a file was refused.
#[derive(Default)]
pub struct UploadForm {
    pub values: Vec<(String, String)>,
    pub files: Vec<(String, String, Stored)>,
    pub refused: Vec<(String, &'static str)>,
}

impl UploadForm {
    pub fn get(&self, name: &str) -> &str {
        self.values
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
}

/// Why a multipart form could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error("malformed multipart body")]
    Malformed,
    #[error("a form value is too long")]
    TooLong,
    #[error("missing or wrong anti-forgery token")]
    Csrf,
}

/// Read a multipart form: its first field must be the anti-forgery token
/// (checked before any file is read); then plain values (each capped), and
/// every non-empty file field through the file checks.
pub async fn read_form(
    uploads: &Uploads,
    mut mp: Multipart,
    expected_csrf: &str,
) -> Result<UploadForm, FormError> {
    let mut form = UploadForm::default();
    let first = mp.next_field().await.map_err(|_| FormError::Malformed)?;
    match first {
        Some(f) if f.name() == Some("csrf") && f.file_name().is_none() => {
            let token = f.text().await.map_err(|_| FormError::Malformed)?;
            if !crate::accounts::web::same(token.trim(), expected_csrf) {
                return Err(FormError::Csrf);
            }
        }
        _ => return Err(FormError::Csrf),
    }
    while let Some(mut field) = mp.next_field().await.map_err(|_| FormError::Malformed)? {
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                if file_name.is_empty() {
                    // An empty file input: nothing chosen. Drain it.
                    while field
                        .chunk()
                        .await
                        .map_err(|_| FormError::Malformed)?
                        .is_some()
                    {}
                    continue;
                }
                match uploads.put_field(field).await {
                    Ok(stored) => form.files.push((name, clean_file_name(&file_name), stored)),
                    Err(e) => {
                        tracing::info!(error = %e, "upload refused");
                        form.refused.push((name, refusal_message(&e)));
                    }
                }
            }
            None => {
                let mut buf = Vec::new();
                while let Some(chunk) = field.chunk().await.map_err(|_| FormError::Malformed)? {
                    if buf.len() + chunk.len() > MAX_FIELD_BYTES {
                        return Err(FormError::TooLong);
                    }
                    buf.extend_from_slice(&chunk);
                }
                let value = String::from_utf8(buf).map_err(|_| FormError::Malformed)?;
                let value = crate::web::input::clean(&value).into_owned();
                form.values
                    .push((crate::web::input::clean(&name).into_owned(), value));
            }
        }
    }
    Ok(form)
}

/// A file name as people gave it, without any folder part or control
/// characters, at most 200 characters.
pub fn clean_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !crate::web::input::is_unwanted(*c))
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "file".to_owned()
    } else {
        cleaned
    }
}

/// A download's file name: the given one, with the extension its real type has.
pub fn download_name(name: Option<&str>, kind: FileKind) -> String {
    let name = clean_file_name(name.unwrap_or("file"));
    let ext = kind.extension();
    let lower = name.to_lowercase();
    if lower.ends_with(&format!(".{ext}")) {
        name
    } else {
        format!("{name}.{ext}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_folders_and_controls() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\x\\تقرير.pdf"), "تقرير.pdf");
        assert_eq!(clean_file_name("a\r\nb.pdf"), "ab.pdf");
        assert_eq!(clean_file_name(".."), "file");
        assert_eq!(download_name(Some("report"), FileKind::Pdf), "report.pdf");
        assert_eq!(download_name(Some("x.PDF"), FileKind::Pdf), "x.PDF");
    }
}
