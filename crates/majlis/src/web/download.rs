//! Stored files as downloads (library documents, cohesion evidence): read
//! from the file store and served sandboxed, under the name and kind the
//! caller checked.

use axum::body::Body;
use axum::http::header;
use axum::response::Response;
use majlis_files::{FileKind, FileStore, Sha256};

use super::AppError;

/// The stored file `sha` as a download named `name` of kind `kind`, with
/// `cache_control`. A file recorded but missing from the store (lost, or
/// removed by hand) is "not found" for the reader and a warning for the
/// operator.
pub async fn stored_file(
    store: &FileStore,
    sha: &Sha256,
    name: &str,
    kind: FileKind,
    cache_control: &'static str,
) -> Result<Response, AppError> {
    let download = match store.get(sha).await {
        Ok(download) => download,
        Err(majlis_files::StoreError::NotFound) => {
            tracing::warn!(%sha, "file recorded but missing from the store");
            return Err(AppError::NotFound);
        }
        Err(e) => {
            return Err(AppError::Internal(anyhow::anyhow!(
                "file {sha} unreadable: {e}"
            )));
        }
    };
    let disposition = majlis_files::content_disposition(name, kind.may_be_inline());
    Response::builder()
        .header(header::CONTENT_TYPE, kind.mime())
        .header(header::CONTENT_LENGTH, download.size)
        .header(header::CONTENT_DISPOSITION, disposition)
        .header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox",
        )
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CACHE_CONTROL, cache_control)
        .body(Body::from_stream(download.stream))
        .map_err(|e| AppError::Internal(e.into()))
}
