//! Request middleware: locale, query counting, error rendering, tracing, metrics.

use std::sync::OnceLock;
use std::time::Instant;

use askama::Template;
use axum::Json;
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use tower_http::classify::{ServerErrorsAsFailures, SharedClassifier};
use tower_http::trace::TraceLayer;

use std::sync::Arc;

use super::{ErrorInfo, PageCtx, Section};
use crate::config::Settings;
use crate::i18n::{LANG_COOKIE, Locale, negotiate};
use crate::policy::SignedIn;

/// Choose the locale, remember an explicit `?lang=` in a cookie.
pub async fn locale(mut req: Request, next: Next) -> Response {
    let query_lang = req.uri().query().and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .map(|(_, v)| v.into_owned())
    });
    let cookie_lang = super::extract::cookie(req.headers(), LANG_COOKIE);
    let accept = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let chosen = negotiate(query_lang.as_deref(), cookie_lang.as_deref(), accept);
    let explicit = query_lang
        .as_deref()
        .and_then(|q| q.parse::<Locale>().ok())
        .is_some();
    let is_api = req.uri().path().starts_with("/api/");
    req.extensions_mut().insert(chosen);

    let mut res = next.run(req).await;
    res.headers_mut().append(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    if explicit && !is_api {
        // A year; a preference, not a secret, so never `Secure`-only.
        super::extract::set_cookie(&mut res, LANG_COOKIE, chosen.code(), 31_536_000, false);
    }
    res
}

/// Count the database queries a request runs; log them, and expose them when asked.
pub async fn count_queries(
    State(settings): State<Arc<Settings>>,
    req: Request,
    next: Next,
) -> Response {
    let (mut res, queries) = crate::db::count_queries(next.run(req)).await;
    tracing::Span::current().record("db_queries", queries);
    if settings.expose_query_count {
        res.headers_mut()
            .insert("x-majlis-db-queries", HeaderValue::from(queries));
    }
    res
}

#[derive(Template)]
#[template(path = "web/templates/error.html")]
struct ErrorPage {
    ctx: PageCtx,
    status: u16,
    title: String,
    message: String,
    /// A way forward: (address, label).
    action: Option<(String, String)>,
}

/// Turn an [`ErrorInfo`] left by a handler into a page or a JSON body.
pub async fn render_errors(req: Request, next: Next) -> Response {
    let locale = req
        .extensions()
        .get::<Locale>()
        .copied()
        .unwrap_or_default();
    let uri = req.uri().clone();
    let signed_in = req.extensions().get::<SignedIn>().cloned();
    let res = next.run(req).await;
    let status = res.status();
    let info = match res.extensions().get::<ErrorInfo>() {
        Some(info) => info.clone(),
        // axum's own rejections (e.g. an unsupported method) carry no info and
        // no page; a handler's own page with an error status is left alone.
        None if (status.is_client_error() || status.is_server_error())
            && !res.headers().contains_key(header::CONTENT_TYPE) =>
        {
            ErrorInfo {
                code: match status {
                    StatusCode::NOT_FOUND => "not-found",
                    StatusCode::METHOD_NOT_ALLOWED => "method-not-allowed",
                    s if s.is_server_error() => "internal",
                    _ => "bad-request",
                },
                field: None,
            }
        }
        None => return res,
    };
    let mut out = error_response(locale, &uri, signed_in.as_ref(), &info, status);
    // Keep headers the handler set deliberately (e.g. Allow on 405).
    for (k, v) in res.headers() {
        if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
            out.headers_mut().insert(k.clone(), v.clone());
        }
    }
    out
}

/// The page (or JSON under `/api/`) for an error, in the reader's locale.
pub fn error_response(
    locale: Locale,
    uri: &axum::http::Uri,
    signed_in: Option<&SignedIn>,
    info: &ErrorInfo,
    status: StatusCode,
) -> Response {
    let message = match &info.field {
        Some(field) => {
            let field_id = format!("field-{field}");
            let label = if locale.has(&field_id) {
                locale.t(&field_id)
            } else {
                field.clone()
            };
            locale.t_args(
                &format!("error-{}-field", info.code),
                &[("field", label.into())],
            )
        }
        None => locale.t(&format!("error-{}", info.code)),
    };
    if uri.path().starts_with("/api/") {
        let body = serde_json::json!({ "code": info.code, "message": message });
        (status, Json(body)).into_response()
    } else {
        let page = ErrorPage {
            ctx: PageCtx::new(locale, uri, None).with_viewer(signed_in),
            status: status.as_u16(),
            title: locale.t(&format!("error-{}-title", info.code)),
            message,
            action: match info.code {
                "two-factor-required" => Some((
                    "/account/two-factor".to_owned(),
                    locale.t("error-action-two-factor"),
                )),
                "sign-in-required" => Some(("/login".to_owned(), locale.t("nav-sign-in"))),
                _ => None,
            },
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(e) => {
                tracing::error!(error = %e, "error page failed to render");
                (status, locale.t("error-internal")).into_response()
            }
        }
    }
}

/// A span per request with method, path and the number of database queries.
pub fn trace_layer() -> TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    impl Fn(&Request<Body>) -> tracing::Span + Clone,
> {
    TraceLayer::new_for_http().make_span_with(|req: &Request<Body>| {
        tracing::info_span!(
            "request",
            method = %req.method(),
            path = %req.uri().path(),
            db_queries = tracing::field::Empty,
        )
    })
}

fn prometheus() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new()
            .set_buckets(&[
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ])
            .map(|b| b.build_recorder())
            .unwrap_or_else(|_| PrometheusBuilder::new().build_recorder());
        let handle = recorder.handle();
        // Only the first installation in a process wins (tests build many apps).
        let _ = metrics::set_global_recorder(recorder);
        handle
    })
}

/// Install the metrics recorder; call once at start-up.
pub fn init_metrics() {
    let _ = prometheus();
}

/// Count requests and their latency by route and status.
pub async fn record_metrics(req: Request, next: Next) -> Response {
    init_metrics();
    let start = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = req.method().to_string();
    let res = next.run(req).await;
    let labels = [
        ("method", method),
        ("route", route),
        ("status", res.status().as_u16().to_string()),
    ];
    metrics::counter!("majlis_http_requests_total", &labels).increment(1);
    metrics::histogram!("majlis_http_request_seconds", &labels)
        .record(start.elapsed().as_secs_f64());
    res
}

/// `GET /metrics`: Prometheus text format, for a scraper on this host or one
/// that sends `Authorization: Bearer <metrics_token>`. Others get 401 when a
/// token is configured, 404 otherwise.
pub async fn metrics(State(settings): State<Arc<Settings>>, req: Request) -> Response {
    let peer = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    match metrics_access(
        peer,
        req.headers(),
        settings.metrics_token.as_ref().map(|t| t.expose()),
    ) {
        MetricsAccess::Allowed => (
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            prometheus().render(),
        )
            .into_response(),
        MetricsAccess::TokenRequired => (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")],
        )
            .into_response(),
        MetricsAccess::Hidden => super::AppError::NotFound.into_response(),
    }
}

#[derive(Debug, PartialEq, Eq)]
enum MetricsAccess {
    Allowed,
    TokenRequired,
    Hidden,
}

/// Who may read `/metrics`. "This host" means a loopback peer (or none: a
/// request run inside the process, as tests do) on a request without any
/// forwarding header — a reverse proxy on this host adds one, and its
/// clients are not local.
fn metrics_access(
    peer: Option<std::net::IpAddr>,
    headers: &axum::http::HeaderMap,
    token: Option<&str>,
) -> MetricsAccess {
    let forwarded = ["forwarded", "x-forwarded-for", "x-real-ip"]
        .iter()
        .any(|h| headers.contains_key(*h));
    if !forwarded && peer.is_none_or(|ip| ip.is_loopback()) {
        return MetricsAccess::Allowed;
    }
    let Some(token) = token.filter(|t| !t.is_empty()) else {
        return MetricsAccess::Hidden;
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(g) if crate::token::same(g, token) => MetricsAccess::Allowed,
        _ => MetricsAccess::TokenRequired,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderMap;

    #[test]
    fn metrics_are_for_this_host_or_the_token() {
        let ip = |s: &str| Some(s.parse::<std::net::IpAddr>().unwrap());
        let none = HeaderMap::new();
        let mut proxied = HeaderMap::new();
        proxied.insert("x-forwarded-for", HeaderValue::from_static("203.0.113.9"));
        let mut bearer = HeaderMap::new();
        bearer.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret"),
        );
        let mut wrong = HeaderMap::new();
        wrong.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3creT"),
        );
        use MetricsAccess::*;
        assert_eq!(metrics_access(ip("127.0.0.1"), &none, None), Allowed);
        assert_eq!(metrics_access(ip("::1"), &none, None), Allowed);
        assert_eq!(metrics_access(None, &none, None), Allowed);
        assert_eq!(metrics_access(ip("203.0.113.9"), &none, None), Hidden);
        assert_eq!(metrics_access(ip("127.0.0.1"), &proxied, None), Hidden);
        assert_eq!(
            metrics_access(ip("203.0.113.9"), &none, Some("s3cret")),
            TokenRequired
        );
        assert_eq!(
            metrics_access(ip("203.0.113.9"), &wrong, Some("s3cret")),
            TokenRequired
        );
        assert_eq!(
            metrics_access(ip("203.0.113.9"), &bearer, Some("s3cret")),
            Allowed
        );
        assert_eq!(metrics_access(ip("203.0.113.9"), &bearer, Some("")), Hidden);
    }
}
