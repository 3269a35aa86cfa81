//! Accounts on the web, one file per page or flow:
//!
//! - `session.rs`: the session middleware (a session cookie or an API token
//!   becomes the request's identity);
//! - `sign_in.rs`: `/login` with its second step, `/logout`, signing out everywhere;
//! - `account.rs`: `/account`, my data, deleting my account, changing my password;
//! - `two_factor.rs`: turning on two-step sign-in;
//! - `tokens.rs`: personal API tokens and `/api/v1/me`;
//! - `reset.rs`: a forgotten password;
//! - `people.rs`: coordinators' list of people, roles, deactivation;
//! - `invitations.rs`: inviting by email and accepting an invitation;
//! - `signup.rs`: open registration and the decisions on its requests.
//!
//! The extractors these handlers use are the shared ones of `web::extract`;
//! pages that need the account's records (not only the plain identity) take
//! [`RequireAccount`].

mod account;
mod invitations;
mod people;
mod reset;
mod session;
mod sign_in;
mod signup;
mod tokens;
mod two_factor;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;
use serde::Deserialize;

pub use session::{ApiCaller, load_session};

use super::people::PeopleError;
use super::signin::Account;
use crate::app::{AppState, Routes};
use crate::policy::Client;
use crate::web::AppError;
use crate::web::extract::set_cookie;

/// The account's part of the API description (`/api/v1/me`).
pub fn api_doc() -> utoipa::openapi::OpenApi {
    <tokens::ApiDoc as utoipa::OpenApi>::openapi()
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/login", sign_in::login_page)
        .post("/login", sign_in::login)
        .post("/logout", sign_in::logout)
        .get("/password/forgot", reset::forgot_page)
        .post("/password/forgot", reset::forgot)
        .get("/password/reset/{token}", reset::reset_page)
        .post("/password/reset/{token}", reset::reset)
        .get("/login/two-factor", sign_in::second_factor_page)
        .post("/login/two-factor", sign_in::second_factor)
        .get("/account/two-factor", two_factor::two_factor_page)
        .post("/account/two-factor", two_factor::enable_two_factor)
        .get("/account", account::account)
        .get("/account/data", account::download_data)
        .get("/account/tokens", tokens::tokens_page)
        .post("/account/tokens", tokens::create_token)
        .post("/account/tokens/{id}/revoke", tokens::revoke_token)
        .get("/api/v1/me", tokens::api_me)
        .get("/account/password", account::password_page)
        .post("/account/password", account::change_password)
        .get("/account/time-zone", account::time_zone_form)
        .post("/account/time-zone", account::save_time_zone)
        .get("/account/delete", account::delete_page)
        .post("/account/delete", account::delete_account)
        .post("/account/sign-out-everywhere", sign_in::sign_out_everywhere)
        .get("/people", people::people)
        .post("/people/{id}/role", people::change_role)
        .post("/people/{id}/active", people::set_active)
        .get("/people/invite", invitations::invite_page)
        .post("/people/invite", invitations::invite)
        .get("/people/invitations", invitations::pending_page)
        .post("/people/invitations/{id}/resend", invitations::resend)
        .post("/people/invitations/{id}/revoke", invitations::revoke)
        .get("/invitation/{token}", invitations::invitation_page)
        .post("/invitation/{token}", invitations::accept_invitation)
        .get("/register", signup::register_page)
        .post("/register", signup::register)
        .post("/people/requests/{id}", signup::decide)
}

/// The signed-in account's records (person, session, affiliations), for
/// accounts' own pages; the session middleware leaves them in the request
/// beside the plain `SignedIn` other handlers read.
pub(super) struct RequireAccount(pub Account);

impl<S: Send + Sync> FromRequestParts<S> for RequireAccount {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Account>()
            .cloned()
            .map(RequireAccount)
            .ok_or(AppError::SignInRequired)
    }
}

/// Who acts and from where, for the audit log, on a page that has the account.
fn account_origin(me: &Account, client: &Client) -> crate::audit::Origin {
    crate::audit::Origin {
        actor_id: Some(me.person.id),
        ip: client.ip.clone(),
    }
}

/// A form with nothing but its anti-forgery token.
#[derive(Deserialize)]
pub(super) struct EmptyForm {}

/// Only local paths may be a destination after signing in.
fn safe_next(next: Option<&str>) -> String {
    crate::web::redirect::local_or(next, "/account")
}

/// Go to `target` with a freshly started session's cookie.
fn signed_in_redirect(state: &AppState, target: &str, token: &str) -> Response {
    let mut res = crate::web::redirect::see_other(target);
    let max_age = i64::from(state.settings.session_absolute_hours) * 3600;
    set_cookie(
        &mut res,
        state.settings.session_cookie(),
        token,
        max_age,
        state.settings.secure_cookies(),
    );
    res
}

/// Go to `target` with the session cookie cleared.
fn signed_out_redirect(state: &AppState, target: &str) -> Response {
    let mut res = crate::web::redirect::see_other(target);
    set_cookie(
        &mut res,
        state.settings.session_cookie(),
        "",
        0,
        state.settings.secure_cookies(),
    );
    res
}

/// Refusals of coordinators' changes to people, as responses (here and on
/// the directory's affiliation pages).
impl From<PeopleError> for AppError {
    fn from(e: PeopleError) -> Self {
        match e {
            PeopleError::Forbidden => AppError::Forbidden,
            PeopleError::NotFound => AppError::NotFound,
            PeopleError::Db(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_destinations_after_sign_in() {
        assert_eq!(
            safe_next(Some("/municipalities?country=TR")),
            "/municipalities?country=TR"
        );
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "javascript:x",
        ] {
            assert_eq!(safe_next(Some(bad)), "/account", "{bad}");
        }
        assert_eq!(safe_next(None), "/account");
    }
}
