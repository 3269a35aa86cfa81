//! The JSON API's rate limits as a client meets them: the quota and what is
//! left in `RateLimit` headers, a translated 429 with `Retry-After` when it
//! is spent, tokens counted apart from addresses, pages not limited.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use chrono::Utc;
use common::{TestApp, TestResponse, person};
use majlis::audit::Origin;
use majlis::policy::Role;

async fn get(app: &TestApp, path: &str, peer: [u8; 4], headers: &[(&str, &str)]) -> TestResponse {
    let mut req = Request::get(path).extension(ConnectInfo(SocketAddr::from((peer, 40000))));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    app.request(req.body(Body::empty()).unwrap()).await
}

async fn case(app: &TestApp) {
    let a = [192, 0, 2, 10];
    // The quota is announced, and what is left of it counts down.
    for left in (0..4).rev() {
        let res = get(app, "/api/v1/themes", a, &[]).await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(res.header("ratelimit-policy"), Some("\"address\";q=4;w=60"));
        let rl = res.header("ratelimit").unwrap_or_default().to_owned();
        assert!(rl.starts_with(&format!("\"address\";r={left};t=")), "{rl}");
    }
    // Spent: refused, in the API's JSON shape and the caller's language.
    let over = get(app, "/api/v1/themes?lang=fr", a, &[]).await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(over.json()["code"], "too-many-requests");
    let message = over.json()["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        !message.is_empty() && !message.contains("Too many"),
        "{message}"
    );
    let wait: u64 = over
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .expect("Retry-After");
    assert!((1..=15).contains(&wait), "{wait}");
    assert!(over.header("ratelimit").is_some_and(|v| v.contains("r=0")));
    // Another address has its own quota; pages are not limited.
    assert_eq!(
        get(app, "/api/v1/themes", [192, 0, 2, 11], &[])
            .await
            .status,
        StatusCode::OK
    );
    let page = get(app, "/municipalities", a, &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("ratelimit").is_none());

    // A token has a quota of its own, whatever address it comes from.
    let id = person(app, "api-client@example.org", Role::Member).await;
    let token = majlis::accounts::tokens::create(&app.db, &Origin::cli(), id, "sync", Utc::now())
        .await
        .unwrap();
    let bearer = format!("Bearer {token}");
    for _ in 0..6 {
        let res = get(app, "/api/v1/me", a, &[("authorization", &bearer)]).await;
        assert_eq!(
            res.status,
            StatusCode::OK,
            "the address's quota does not apply"
        );
        assert_eq!(res.header("ratelimit-policy"), Some("\"token\";q=6;w=60"));
    }
    let over = get(
        app,
        "/api/v1/me",
        [198, 51, 100, 7],
        &[("authorization", &bearer)],
    )
    .await;
    assert_eq!(
        over.status,
        StatusCode::TOO_MANY_REQUESTS,
        "spent from any address"
    );
    assert!(over.header("retry-after").is_some());
    // A refused request changed nothing: the token still works afterwards
    // and was not looked up (no query ran).
    assert_eq!(over.queries(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_rate_limits_sqlite() {
    let app = TestApp::sqlite_with(|s| {
        s.api_address_per_minute = 4;
        s.api_token_per_minute = 6;
    })
    .await;
    case(&app).await;
    app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_rate_limits_postgres() {
    let app = TestApp::postgres_with(|s| {
        s.api_address_per_minute = 4;
        s.api_token_per_minute = 6;
    })
    .await;
    case(&app).await;
    app.finish().await;
}
