//! PDF responses: documents printed by `majlis-print` off the async
//! workers, served sandboxed as downloads (practice sheets, compendiums,
//! consultation reports).

use std::sync::LazyLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};

use super::AppError;

/// One printer per process: fonts are loaded once.
static PRINTER: LazyLock<majlis_print::Printer> = LazyLock::new(majlis_print::Printer::new);

/// Prints `input` with `f` on a blocking thread.
pub async fn print<T: Send + 'static>(
    input: T,
    f: fn(&majlis_print::Printer, &T) -> Result<Vec<u8>, majlis_print::PrintError>,
) -> Result<Vec<u8>, AppError> {
    tokio::task::spawn_blocking(move || f(&PRINTER, &input))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("printing failed: {e}")))
}

/// A PDF download named `name`, which can run nothing where it is opened.
pub fn pdf_response(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                majlis_files::content_disposition(name, true),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response()
}
