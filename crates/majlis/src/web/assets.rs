//! Static assets embedded in the binary and served under content-hashed names,
//! so browsers may keep them for a year.

use std::sync::{Arc, LazyLock};

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use sha2::{Digest, Sha256};

use super::AppError;
use super::precompressed::{self, Compressible};

struct Asset {
    /// `app.css`
    name: &'static str,
    /// `app.1a2b3c4d5e6f.css`
    hashed: String,
    bytes: Arc<Compressible>,
    content_type: &'static str,
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    [
        (
            "app.css",
            include_bytes!("../../static/app.css").as_slice(),
            "text/css; charset=utf-8",
        ),
        (
            "search.js",
            include_bytes!("../../static/search.js").as_slice(),
            "text/javascript; charset=utf-8",
        ),
        (
            "favicon.svg",
            include_bytes!("../../static/favicon.svg").as_slice(),
            "image/svg+xml",
        ),
    ]
    .into_iter()
    .map(|(name, bytes, content_type)| {
        let digest = Sha256::digest(bytes);
        let hash = hex::encode(&digest[..6]);
        let hashed = match name.rsplit_once('.') {
            Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
            None => format!("{name}.{hash}"),
        };
        Asset {
            name,
            hashed,
            bytes: Arc::new(Compressible::new(Bytes::from_static(bytes))),
            content_type,
        }
    })
    .collect()
});

/// The URL of an asset, with its content hash in the name.
pub fn url(name: &str) -> String {
    ASSETS
        .iter()
        .find(|a| a.name == name)
        .map(|a| format!("/static/{}", a.hashed))
        .unwrap_or_else(|| format!("/static/{name}"))
}

/// `GET /static/{file}`
pub async fn serve(Path(file): Path<String>) -> Result<Response, AppError> {
    let asset = ASSETS
        .iter()
        .find(|a| a.hashed == file)
        .ok_or(AppError::NotFound)?;
    let mut res = precompressed::response(&asset.bytes);
    let headers = res.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(asset.content_type),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    Ok(res)
}
