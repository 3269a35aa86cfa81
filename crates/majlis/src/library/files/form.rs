//! Reading a multipart upload form: the CSRF token first, checked before
//! any file is read, then fields and files within the form's limits.

use axum::extract::multipart::Field;
use chrono::Utc;
use majlis_files::{Stored, UploadError};
use sea_orm::DbErr;

use super::upload::{Refusal, Uploader, Uploads, refusal_message};
use super::{MAX_FIELD_BYTES, clean_file_name};
use crate::db::Db;
use crate::web::extract::CsrfMultipart;

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
    /// More fields or files than a form may carry (no page of ours sends that many).
    #[error("too many fields or files in one form")]
    TooMany,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Read a part to its end, adding its bytes to `total` (at most `max`).
pub(super) async fn drain(
    field: &mut Field<'_>,
    total: &mut u64,
    max: u64,
) -> Result<(), FormError> {
    while let Some(chunk) = field.chunk().await.map_err(|_| FormError::Malformed)? {
        *total = total.saturating_add(chunk.len() as u64);
        if *total > max {
            return Err(FormError::TooLong);
        }
    }
    Ok(())
}

/// A plain form value's bytes: at most [`MAX_FIELD_BYTES`].
pub(super) async fn read_value(field: &mut Field<'_>) -> Result<Vec<u8>, FormError> {
    let mut buf = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|_| FormError::Malformed)? {
        if buf.len() + chunk.len() > MAX_FIELD_BYTES {
            return Err(FormError::TooLong);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

/// The form's first field must be the anti-forgery token, and match:
/// its length in bytes (counted against the form's limit).
pub(super) async fn check_token(
    mp: &mut axum::extract::Multipart,
    expected: &str,
) -> Result<u64, FormError> {
    let first = mp.next_field().await.map_err(|_| FormError::Malformed)?;
    match first {
        Some(f) if f.name() == Some("csrf") && f.file_name().is_none() => {
            let token = f.text().await.map_err(|_| FormError::Malformed)?;
            if !crate::token::same(token.trim(), expected) {
                return Err(FormError::Csrf);
            }
            Ok(token.len() as u64)
        }
        _ => Err(FormError::Csrf),
    }
}

/// Read a multipart form: its first field must be the anti-forgery token
/// (checked before any file is read); then plain values (each capped), and
/// every non-empty file field through the file checks and the uploader's
/// quota. At most `max_fields` fields and `max_files` files; bytes are
/// counted across all parts, and a file that would take the form past
/// `request_max_bytes` is refused (reading stops there, what was typed
/// before it is kept).
pub async fn read_form(
    uploads: &Uploads,
    db: &Db,
    upload: CsrfMultipart,
) -> Result<UploadForm, FormError> {
    let CsrfMultipart {
        multipart: mut mp,
        expected,
        person_id,
        staff,
    } = upload;
    let who = Uploader { person_id, staff };
    let now = Utc::now();
    let mut form = UploadForm::default();
    let mut total = check_token(&mut mp, &expected).await?;
    let mut fields = 1;
    let mut files = 0;
    while let Some(mut field) = mp.next_field().await.map_err(|_| FormError::Malformed)? {
        fields += 1;
        if fields > uploads.max_fields {
            return Err(FormError::TooMany);
        }
        let name = field.name().unwrap_or_default().to_owned();
        match field.file_name().map(str::to_owned) {
            Some(file_name) => {
                if file_name.is_empty() {
                    // An empty file input: nothing chosen. Drain it, counting.
                    drain(&mut field, &mut total, uploads.request_max_bytes).await?;
                    continue;
                }
                files += 1;
                if files > uploads.max_files {
                    return Err(FormError::TooMany);
                }
                let room = uploads.request_max_bytes.saturating_sub(total);
                let max = uploads.max_bytes.min(room);
                match uploads.accept(db, field, max, who, now).await {
                    Ok(stored) => {
                        total = total.saturating_add(stored.size);
                        form.files.push((name, clean_file_name(&file_name), stored));
                    }
                    Err(Refusal::Db(e)) => return Err(FormError::Db(e)),
                    Err(Refusal::Upload(UploadError::TooLarge { .. }))
                        if max < uploads.max_bytes =>
                    {
                        tracing::info!("upload refused: the form is over its limit");
                        form.refused.push((name, "upload-error-form-too-large"));
                        break;
                    }
                    Err(Refusal::Quota) => {
                        tracing::info!(person = person_id, "upload refused: over quota");
                        form.refused.push((name, "upload-error-quota"));
                    }
                    Err(Refusal::Upload(e)) if e.is_client_error() => {
                        tracing::info!(error = %e, "upload refused");
                        form.refused.push((name, refusal_message(&e)));
                    }
                    Err(Refusal::Upload(e)) => {
                        // Our fault, not the uploader's (storage down or
                        // misconfigured, scratch disk full): logged as an
                        // error (its message carries the backend's answer),
                        // and the person is told nothing was kept.
                        tracing::error!(error = %e, "upload failed");
                        form.refused.push((name, refusal_message(&e)));
                    }
                }
            }
            None => {
                let buf = read_value(&mut field).await?;
                total = total.saturating_add(buf.len() as u64);
                if total > uploads.request_max_bytes {
                    return Err(FormError::TooLong);
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
