//! The session middleware: a session cookie becomes the request's identity
//! (the plain `SignedIn` every handler reads, and accounts' own [`Account`]
//! records), a half-done sign-in a `PendingSession`; under `/api/` a personal
//! token becomes an [`ApiCaller`]. No query runs without a cookie or token.
//! `app` layers it onto the router.

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::accounts::signin::{self, Account, Resolved};
use crate::app::AppState;
use crate::web::AppError;
use crate::web::extract::{cookie, set_cookie};

/// Resolve the session cookie into the request's identity; clear a cookie
/// whose session has ended.
pub async fn load_session(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let token = cookie(req.headers(), state.settings.session_cookie());
    let Some(token) = token else {
        // The JSON API also takes personal tokens: `Authorization: Bearer majlis_…`.
        let bearer = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(|v| v.trim().to_owned());
        if let Some(bearer) = bearer.filter(|_| req.uri().path().starts_with("/api/")) {
            return match crate::accounts::tokens::resolve(&state.db, &bearer, Utc::now()).await {
                Ok(Some(caller)) => {
                    req.extensions_mut().insert(ApiCaller(caller));
                    next.run(req).await
                }
                // Outside the error renderer: answer in the API's JSON shape here.
                Ok(None) => {
                    let locale = req
                        .extensions()
                        .get::<crate::i18n::Locale>()
                        .copied()
                        .unwrap_or_default();
                    let err = AppError::SignInRequired;
                    let info = crate::web::ErrorInfo {
                        code: err.code(),
                        field: None,
                    };
                    crate::web::error_response(locale, req.uri(), None, &info, err.status())
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot check an API token");
                    StatusCode::INTERNAL_SERVER_ERROR.into_response()
                }
            };
        }
        return next.run(req).await;
    };
    let resolved = signin::resolve_any(
        &state.db,
        &token,
        Utc::now(),
        state.settings.session_limits(),
    )
    .await;
    match resolved {
        Ok(Some(Resolved::SignedIn(account))) => {
            req.extensions_mut().insert(account.signed_in());
            req.extensions_mut().insert::<Account>(account);
            next.run(req).await
        }
        Ok(Some(Resolved::Pending(pending))) => {
            req.extensions_mut().insert(pending.pending_session());
            req.extensions_mut().insert(pending);
            next.run(req).await
        }
        Ok(None) => {
            let mut res = next.run(req).await;
            set_cookie(
                &mut res,
                state.settings.session_cookie(),
                "",
                0,
                state.settings.secure_cookies(),
            );
            res
        }
        Err(e) => AppError::from(e).into_response(),
    }
}

/// The person a valid API token stands for (JSON API only), with the
/// municipalities they are a focal point of.
#[derive(Clone, Debug)]
pub struct ApiCaller(pub crate::accounts::tokens::TokenPerson);
