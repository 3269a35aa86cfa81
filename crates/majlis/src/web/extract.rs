//! The request extractors every activity uses: who is signed in
//! ([`CurrentUser`], [`RequireSignedIn`], [`RequireRole`]), where the request
//! comes from ([`ClientInfo`]), forms checked against forgery ([`CsrfForm`],
//! [`CsrfMultipart`]), and cookies, read and written through `axum-extra`.
//!
//! They know no activity and no application state: what they need of the
//! state they take through `FromRef` (`Arc<Settings>`, [`UploadLimit`]), and
//! who is signed in from the plain identity the session middleware leaves
//! in the request ([`crate::policy::identity`]).

use std::marker::PhantomData;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{ConnectInfo, FromRef, FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use serde::de::DeserializeOwned;

use super::{AppError, PageCtx};
use crate::config::Settings;
use crate::policy::{self, Client, PendingSession, Role, RoleRequirement, SignedIn};

/// Largest form body accepted.
const FORM_LIMIT: usize = 64 * 1024;

/// A cookie's value from the request headers (none when empty).
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    CookieJar::from_headers(headers)
        .get(name)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

/// Set a cookie on a response: the whole site, `HttpOnly`, `SameSite=Lax`,
/// `Secure` when asked; a `max_age` of 0 clears it.
pub fn set_cookie(res: &mut Response, name: &str, value: &str, max_age: i64, secure: bool) {
    let cookie = Cookie::build((name.to_owned(), value.to_owned()))
        .path("/")
        .max_age(time::Duration::seconds(max_age))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build();
    if let Ok(v) = HeaderValue::from_str(&cookie.encoded().to_string()) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// The signed-in person, if any.
pub struct CurrentUser(pub Option<SignedIn>);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(CurrentUser(parts.extensions.get::<SignedIn>().cloned()))
    }
}

/// A handler that needs someone signed in takes this.
pub struct RequireSignedIn(pub SignedIn);

impl<S: Send + Sync> FromRequestParts<S> for RequireSignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .map(RequireSignedIn)
            .ok_or(AppError::SignInRequired)
    }
}

/// A handler for some roles only: `RequireRole<Coordinator>` lets coordinators
/// and administrators with two-step sign-in in, answers 401 to visitors, the
/// two-factor-required page to staff without it and 403 to everyone else.
pub struct RequireRole<R: RoleRequirement> {
    pub me: SignedIn,
    pub role: Role,
    _requirement: PhantomData<R>,
}

impl<R: RoleRequirement, S: Send + Sync> FromRequestParts<S> for RequireRole<R> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let me = parts
            .extensions
            .get::<SignedIn>()
            .cloned()
            .ok_or(AppError::SignInRequired)?;
        // The policy's decision: staff powers need the second factor.
        let actor = me.actor();
        policy::authorize_role::<R>(&actor)?;
        Ok(RequireRole {
            me,
            role: actor.role,
            _requirement: PhantomData,
        })
    }
}

/// The client's address: the socket's, or behind trusted reverse proxies the
/// right-most `X-Forwarded-For` entry that is not one of them (see
/// `config::TrustedProxies::client`).
pub struct ClientInfo(pub Client);

impl<S> FromRequestParts<S> for ClientInfo
where
    S: Send + Sync,
    Arc<Settings>: FromRef<S>,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let settings = Arc::<Settings>::from_ref(state);
        let ip = client_ip(&settings, &parts.extensions, &parts.headers);
        let user_agent = parts
            .headers
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        Ok(ClientInfo(Client { ip, user_agent }))
    }
}

/// The client's address as [`ClientInfo`] gives it ("unknown" when the
/// request came without a socket, as in tests).
pub fn client_ip(
    settings: &Settings,
    extensions: &axum::http::Extensions,
    headers: &HeaderMap,
) -> String {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    // Several headers count as one list, in order.
    let forwarded: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .collect();
    settings
        .proxies()
        .client(peer, &forwarded)
        .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
}

/// Whether a browser marks the request as coming from another site.
fn cross_site(headers: &HeaderMap) -> bool {
    headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == "cross-site")
}

/// A submitted form that carried the right anti-forgery token: the signed-in
/// session's (or the half-signed-in one's, during the second step), or for
/// visitors the one in their `majlis_csrf` cookie. Requests a browser marks
/// as cross-site are refused outright.
pub struct CsrfForm<T>(pub T);

impl<T, S> FromRequest<S> for CsrfForm<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
    Arc<Settings>: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if cross_site(req.headers()) {
            return Err(AppError::Csrf);
        }
        let settings = Arc::<Settings>::from_ref(state);
        let expected = match (
            req.extensions().get::<SignedIn>(),
            req.extensions().get::<PendingSession>(),
        ) {
            (Some(s), _) => Some(s.csrf_token.clone()),
            (None, Some(p)) => Some(p.csrf_token.clone()),
            (None, None) => cookie(req.headers(), settings.csrf_cookie()),
        };
        let body = axum::body::to_bytes(req.into_body(), FORM_LIMIT)
            .await
            .map_err(|_| AppError::bad_request("form"))?;
        let given = url::form_urlencoded::parse(&body)
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.into_owned());
        match (expected, given) {
            (Some(e), Some(g)) if crate::token::same(&e, &g) => {}
            _ => return Err(AppError::Csrf),
        }
        parse_form(&body).map(CsrfForm)
    }
}

/// The largest multipart body accepted, in bytes: the upload limit with room
/// for the parts' headers and plain fields. The application state provides
/// it (`FromRef`).
#[derive(Clone, Copy, Debug)]
pub struct UploadLimit(pub u64);

/// A multipart form (with files) from a signed-in person. Its anti-forgery
/// token must be the form's first field: it is checked before any file is
/// read (see `library::files::read_form`). The body is cut off past
/// [`UploadLimit`], whatever reads it.
pub struct CsrfMultipart {
    pub multipart: axum::extract::Multipart,
    pub expected: String,
    /// Who is uploading (their files count against their quota).
    pub person_id: i32,
    /// Staff are exempt from the storage quota.
    pub staff: bool,
}

impl<S> FromRequest<S> for CsrfMultipart
where
    S: Send + Sync,
    UploadLimit: FromRef<S>,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if cross_site(req.headers()) {
            return Err(AppError::Csrf);
        }
        let (expected, person_id, staff) = req
            .extensions()
            .get::<SignedIn>()
            .map(|s| (s.csrf_token.clone(), s.person_id, s.actor.is_staff()))
            .ok_or(AppError::SignInRequired)?;
        let UploadLimit(limit) = UploadLimit::from_ref(state);
        let (parts, body) = req.into_parts();
        let mut seen: u64 = 0;
        let limited = futures_util::StreamExt::map(body.into_data_stream(), move |chunk| {
            let chunk = chunk.map_err(std::io::Error::other)?;
            seen = seen.saturating_add(chunk.len() as u64);
            if seen > limit {
                return Err(std::io::Error::other("the form is larger than allowed"));
            }
            Ok(chunk)
        });
        let req = Request::from_parts(parts, axum::body::Body::from_stream(limited));
        let multipart = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| AppError::bad_request("form"))?;
        Ok(CsrfMultipart {
            multipart,
            expected,
            person_id,
            staff,
        })
    }
}

/// A small multipart form read into memory (no file store): its values and
/// its files' bytes.
#[derive(Debug, Default)]
pub struct SmallForm {
    pub values: Vec<(String, String)>,
    /// Field name and bytes of each non-empty file.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Why a small multipart form was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum SmallFormError {
    /// A file over the limit given (nothing was kept).
    TooLarge,
    Malformed,
    Csrf,
}

impl CsrfMultipart {
    /// Read the whole form into memory: the anti-forgery token first (the
    /// form's first field, checked before anything else is read), then at
    /// most 20 fields, each file at most `max_file` bytes, each value 64 KiB.
    pub async fn read_small(mut self, max_file: usize) -> Result<SmallForm, SmallFormError> {
        let mp = &mut self.multipart;
        match mp
            .next_field()
            .await
            .map_err(|_| SmallFormError::Malformed)?
        {
            Some(f) if f.name() == Some("csrf") && f.file_name().is_none() => {
                let token = f.text().await.map_err(|_| SmallFormError::Malformed)?;
                if !crate::token::same(token.trim(), &self.expected) {
                    return Err(SmallFormError::Csrf);
                }
            }
            _ => return Err(SmallFormError::Csrf),
        }
        let mut out = SmallForm::default();
        let mut n = 0;
        while let Some(mut field) = mp
            .next_field()
            .await
            .map_err(|_| SmallFormError::Malformed)?
        {
            n += 1;
            if n > 20 {
                return Err(SmallFormError::Malformed);
            }
            let name = field.name().unwrap_or_default().to_owned();
            let is_file = field.file_name().is_some();
            let max = if is_file { max_file } else { 64 * 1024 };
            let mut buf = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| SmallFormError::Malformed)? {
                if buf.len() + chunk.len() > max {
                    return Err(if is_file {
                        SmallFormError::TooLarge
                    } else {
                        SmallFormError::Malformed
                    });
                }
                buf.extend_from_slice(&chunk);
            }
            if is_file {
                if !buf.is_empty() {
                    out.files.push((name, buf));
                }
            } else {
                let text = String::from_utf8(buf).map_err(|_| SmallFormError::Malformed)?;
                out.values
                    .push((name, super::input::clean(&text).into_owned()));
            }
        }
        Ok(out)
    }
}

/// Every form goes through here: text without NUL or bidirectional controls
/// (`web::input`), then the typed form.
fn parse_form<T: DeserializeOwned>(body: &Bytes) -> Result<T, AppError> {
    serde_urlencoded::from_bytes(&super::input::clean_form(body))
        .map_err(|_| AppError::bad_request("form"))
}

/// The anti-forgery token for a form on this page, and whether it is new
/// (then the response must set the visitor's cookie, see
/// [`super::form_response`]): the session's when signed in, else the
/// visitor's cookie's, else a fresh one.
pub fn form_csrf(ctx: &PageCtx, headers: &HeaderMap, settings: &Settings) -> (String, bool) {
    if let Some(v) = &ctx.viewer {
        return (v.csrf.clone(), false);
    }
    match cookie(headers, settings.csrf_cookie()) {
        Some(t) if t.len() == 32 && t.bytes().all(|b| b.is_ascii_hexdigit()) => (t, false),
        _ => (crate::token::random_token(), true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::response::IntoResponse;

    #[test]
    fn cookies_are_read_by_exact_name() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("majlis_lang=ar; majlis_session=abc; empty="),
        );
        assert_eq!(cookie(&h, "majlis_session").as_deref(), Some("abc"));
        assert_eq!(cookie(&h, "majlis"), None);
        assert_eq!(cookie(&h, "empty"), None);
    }

    #[test]
    fn cookies_are_set_http_only_and_same_site() {
        let mut res = ().into_response();
        set_cookie(&mut res, "__Host-majlis_session", "abc", 3600, true);
        set_cookie(&mut res, "majlis_csrf", "", 0, false);
        let set: Vec<&str> = res
            .headers()
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        assert_eq!(set.len(), 2);
        for part in [
            "__Host-majlis_session=abc",
            "Path=/",
            "Max-Age=3600",
            "HttpOnly",
            "SameSite=Lax",
            "Secure",
        ] {
            assert!(set[0].contains(part), "{part} in {}", set[0]);
        }
        assert!(set[1].starts_with("majlis_csrf=;") && set[1].contains("Max-Age=0"));
        assert!(!set[1].contains("Secure"), "{}", set[1]);
    }
}
