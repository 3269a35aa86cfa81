//! The request machinery: route tables, middleware, extractors,
//! page context, error rendering, redirects, assets and the
//! server. It imports no activity and no application state (`crate::app`
//! assembles the application from it); what extractors and middleware need
//! of the state they take through `FromRef`.

pub mod assets;
pub mod atom;
pub mod charts;
pub mod download;
mod error;
pub mod extract;
pub mod input;
pub mod middleware;
pub mod open_data;
pub mod openapi;
mod page;
pub mod page_cache;
pub mod pdf;
pub mod precompressed;
pub mod rate_limit;
pub mod redirect;
pub mod routes;
pub mod server;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use crate::config::Settings;

pub use error::{AppError, ErrorInfo};
pub use middleware::{error_response, init_metrics};
pub use page::{PageCtx, Params, Section, render};

/// Content-Security-Policy: no inline script or style anywhere.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; \
form-action 'self'; frame-ancestors 'none'";

/// A redirect after a form (303), keeping the reader's language.
pub fn redirect(path: String, ctx: &PageCtx) -> axum::response::Response {
    redirect::see_other(&redirect::with_query(&path, "lang", ctx.lang()))
}

/// A record's id from the address (`/people/{id}/…`): anything but a
/// number is not found.
pub fn path_id(id: &str) -> Result<i32, AppError> {
    id.parse().map_err(|_| AppError::NotFound)
}

/// A response that no cache keeps (pages with forms, personal data).
pub fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// A page holding a form: never cached; sets the visitor's anti-forgery
/// cookie when the token is new (see [`extract::form_csrf`]); keeps a secret
/// link out of `Referer`.
pub fn form_response(
    settings: &Settings,
    status: StatusCode,
    html: Html<String>,
    new_csrf: Option<&str>,
    secret_link: bool,
) -> Response {
    let mut res = no_store((status, html).into_response());
    if let Some(csrf) = new_csrf {
        extract::set_cookie(
            &mut res,
            settings.csrf_cookie(),
            csrf,
            60 * 60 * 24,
            settings.secure_cookies(),
        );
    }
    if secret_link {
        res.headers_mut().insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        );
    }
    res
}
