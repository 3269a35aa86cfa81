//! Issue 15, task C: return targets after signing in, the client address
//! behind proxies, HSTS and `__Host-` cookies over HTTPS, `/metrics`, text
//! without bidirectional controls, and the `db_test!` macro itself.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use common::{PASSWORD, TestApp, TestResponse};
use majlis::accounts::{affiliation, session};
use majlis::directory::entities::municipality;
use majlis::library::entities::practice;
use majlis::policy::Role;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

fn form(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// A request from a given socket address, with extra headers.
fn from(
    req: axum::http::request::Builder,
    peer: [u8; 4],
    headers: &[(&str, &str)],
) -> axum::http::request::Builder {
    let mut req = req.extension(ConnectInfo(SocketAddr::from((peer, 40000))));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req
}

/// The sign-in page as a fresh visitor: (anti-forgery token, cookie header).
async fn login_page(app: &TestApp, query: &str) -> (String, String, TestResponse) {
    let page = app.get(&format!("/login{query}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let name = app.settings.csrf_cookie();
    let token = page.cookie(name).expect("anti-forgery cookie");
    (token.clone(), format!("{name}={token}"), page)
}

/// `POST /login` from `peer`; returns the response.
async fn sign_in(
    app: &TestApp,
    email: &str,
    next: Option<&str>,
    peer: [u8; 4],
    headers: &[(&str, &str)],
) -> TestResponse {
    let (csrf, cookie, _) = login_page(app, "").await;
    let mut pairs = vec![
        ("csrf", csrf.as_str()),
        ("email", email),
        ("password", PASSWORD),
    ];
    if let Some(n) = next {
        pairs.push(("next", n));
    }
    let req = from(Request::post("/login"), peer, headers)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(Body::from(form(&pairs)))
        .unwrap();
    app.request(req).await
}

/// The whole `Set-Cookie` line a response sends for a cookie.
fn raw_cookie(res: &TestResponse, name: &str) -> String {
    res.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} cookie"))
        .to_owned()
}

async fn sessions(app: &TestApp) -> u64 {
    session::Entity::find().count(app.db.read()).await.unwrap()
}

db_test!(
    async fn no_next_value_leaves_the_site_or_fails_a_sign_in(app) {
        let email = "amal@example.org";
        common::person(app, email, Role::Member).await;

        // The sign-in page keeps only a local destination in its form.
        let (_, _, page) = login_page(app, "?next=/%09/evil.example").await;
        assert_eq!(page.attr("input[name=next]", "value").as_deref(), Some("/account"));
        let (_, _, page) = login_page(app, "?next=/municipalities%3Fcountry%3DTR").await;
        assert_eq!(
            page.attr("input[name=next]", "value").as_deref(),
            Some("/municipalities?country=TR")
        );

        let bad = [
            "/\t/evil.example",
            "/\n/evil",
            "/\u{7f}/evil",
            "/\u{1}/evil",
            "/\u{0}/evil.example",
            "/%0a/evil",
            "/%7f/evil",
            "/%01/evil",
            "/%00",
            "/%09/evil.example",
            "/\\evil.example",
            "/%2F/evil.example",
            "/%5C/evil.example",
            "\u{3000}/evil.example",
            "https://evil.example",
        ];
        for (i, next) in bad.iter().enumerate() {
            let before = sessions(app).await;
            let res = sign_in(app, email, Some(next), [192, 0, 2, i as u8 + 1], &[]).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{next:?}: {}", res.body);
            assert_eq!(res.header("location"), Some("/account"), "{next:?}");
            assert!(res.cookie(app.settings.session_cookie()).is_some(), "{next:?}: the session has its cookie");
            assert_eq!(sessions(app).await, before + 1, "{next:?}");
        }
        let res = sign_in(app, email, Some("/municipalities?country=TR"), [192, 0, 2, 100], &[]).await;
        assert_eq!(res.header("location"), Some("/municipalities?country=TR"));
    }
);

/// Behind one trusted proxy, the address recorded for a session is the one
/// the proxy saw, whatever the client wrote in front of it.
async fn forwarded_case(app: &TestApp) {
    let email = "hasan@example.org";
    common::person(app, email, Role::Member).await;
    for forged in ["1.2.3.4", "5.6.7.8, 9.9.9.9", "garbage"] {
        let header = format!("{forged}, 203.0.113.9");
        let res = sign_in(
            app,
            email,
            None,
            [10, 0, 0, 2],
            &[("x-forwarded-for", &header)],
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let ips: Vec<String> = session::Entity::find()
        .all(app.db.read())
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.ip)
        .collect();
    assert_eq!(ips, ["203.0.113.9"; 3]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_proxy_s_entry_is_the_client_address_sqlite() {
    let app = TestApp::sqlite_with(|s| s.trust_forwarded_for = true).await;
    forwarded_case(&app).await;
    app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_proxy_s_entry_is_the_client_address_postgres() {
    let app = TestApp::postgres_with(|s| {
        s.trusted_proxies = Some(majlis::config::TrustedProxies::Networks(vec![
            "10.0.0.0/8".parse().unwrap(),
        ]))
    })
    .await;
    forwarded_case(&app).await;
    app.finish().await;
}

/// Over HTTPS: HSTS on every response, `__Host-` cookies, and signing in works.
async fn https_case(app: &TestApp) {
    let home = app.get("/").await;
    assert_eq!(
        home.header("strict-transport-security"),
        Some("max-age=63072000; includeSubDomains")
    );
    let missing = app.get("/no-such-page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.header("strict-transport-security").is_some());

    let (_, _, page) = login_page(app, "").await;
    let raw = raw_cookie(&page, "__Host-majlis_csrf");
    assert!(
        raw.contains("; Secure") && raw.contains("Path=/;") && !raw.contains("Domain"),
        "{raw}"
    );

    let email = "nour@example.org";
    common::person(app, email, Role::Member).await;
    let res = sign_in(app, email, None, [192, 0, 2, 7], &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.cookie("majlis_session").is_none());
    let token = res.cookie("__Host-majlis_session").expect("session cookie");
    let account = app
        .get_with(
            "/account",
            &[("cookie", &format!("__Host-majlis_session={token}"))],
        )
        .await;
    assert_eq!(account.status, StatusCode::OK);
    // The plain name, which another host could set, is not read.
    let plain = app
        .get_with(
            "/account",
            &[("cookie", &format!("majlis_session={token}"))],
        )
        .await;
    assert_eq!(plain.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_sends_hsts_and_host_cookies_sqlite() {
    let app = TestApp::sqlite_with(|s| s.public_url = Some("https://majlis.test".into())).await;
    https_case(&app).await;
    app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn https_sends_hsts_and_host_cookies_postgres() {
    let app = TestApp::postgres_with(|s| s.public_url = Some("https://majlis.test".into())).await;
    https_case(&app).await;
    app.finish().await;
}

db_test!(
    async fn plain_http_has_no_hsts_and_plain_cookie_names(app) {
        let home = app.get("/").await;
        assert_eq!(home.header("strict-transport-security"), None);
        let (_, _, page) = login_page(app, "").await;
        assert!(page.cookie("majlis_csrf").is_some());
        common::person(app, "sara@example.org", Role::Member).await;
        let res = sign_in(app, "sara@example.org", None, [192, 0, 2, 8], &[]).await;
        let raw = raw_cookie(&res, "majlis_session");
        assert!(!raw.contains("Secure"), "{raw}");
    }
);

async fn metrics(app: &TestApp, peer: Option<[u8; 4]>, headers: &[(&str, &str)]) -> TestResponse {
    let mut req = Request::get("/metrics");
    if let Some(p) = peer {
        req = from(req, p, headers);
    } else {
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
    }
    app.request(req.body(Body::empty()).unwrap()).await
}

db_test!(
    async fn metrics_are_for_this_host_without_a_token(app) {
        let local = metrics(app, Some([127, 0, 0, 1]), &[]).await;
        assert_eq!(local.status, StatusCode::OK);
        assert!(local.body.contains("majlis_http_requests_total"));
        // Requests run inside the process (no socket) count as this host.
        assert_eq!(metrics(app, None, &[]).await.status, StatusCode::OK);
        let remote = metrics(app, Some([203, 0, 113, 9]), &[]).await;
        assert_eq!(remote.status, StatusCode::NOT_FOUND);
        assert!(!remote.body.contains("majlis_http_requests_total"));
        let proxied = metrics(app, Some([127, 0, 0, 1]), &[("x-forwarded-for", "203.0.113.9")]).await;
        assert_eq!(proxied.status, StatusCode::NOT_FOUND, "a proxy on this host");
        let bearer = metrics(app, Some([203, 0, 113, 9]), &[("authorization", "Bearer x")]).await;
        assert_eq!(bearer.status, StatusCode::NOT_FOUND, "no token configured");
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_take_the_configured_token() {
    let app = TestApp::sqlite_with(|s| {
        s.metrics_token = Some(majlis::config::Secret("scrape-me-0123456789".into()))
    })
    .await;
    let remote = [203, 0, 113, 9];
    let none = metrics(&app, Some(remote), &[]).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert!(
        none.header("www-authenticate")
            .unwrap()
            .starts_with("Bearer")
    );
    let wrong = metrics(
        &app,
        Some(remote),
        &[("authorization", "Bearer scrape-me-0123456788")],
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let right = metrics(
        &app,
        Some(remote),
        &[("authorization", "Bearer scrape-me-0123456789")],
    )
    .await;
    assert_eq!(right.status, StatusCode::OK);
    assert!(right.body.contains("majlis_http_requests_total"));
    assert_eq!(
        metrics(&app, Some([127, 0, 0, 1]), &[]).await.status,
        StatusCode::OK
    );
    app.finish().await;
}

db_test!(
    async fn bidi_controls_and_nul_are_not_stored(app) {
        app.load_demo().await;
        let kilis = municipality::Entity::find()
            .filter(municipality::Column::Slug.eq("kilis"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id;
        let focal = common::person(app, "focal@kilis.example.org", Role::Member).await;
        let tx = app.db.begin_write().await.unwrap();
        affiliation::ActiveModel {
            person_id: Set(focal),
            municipality_id: Set(Some(kilis)),
            organisation_id: Set(None),
            position: Set(None),
            focal_point: Set(true),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let (cookie, csrf) = app.session_for(focal).await;
        let owner = format!("m:{kilis}");
        let res = app
            .post_form(
                "/practices/new?lang=en",
                &[
                    ("csrf", &csrf),
                    ("orig", "en"),
                    ("title", "a\u{202e}gnp.exe"),
                    ("owner", &owner),
                    ("country", "TR"),
                    ("city", "Kil\u{202e}is\u{0}"),
                    ("department", "\u{2067}Social\u{2069} affairs"),
                    ("start_year", "2017"),
                    ("ongoing", "1"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let p = practice::Entity::find()
            .filter(practice::Column::MunicipalityId.eq(kilis))
            .all(app.db.read())
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.title.original().contains("gnp"))
            .expect("the practice is stored");
        assert_eq!(p.title.original(), "agnp.exe");
        assert_eq!(p.content.city, "Kilis");
        assert_eq!(p.content.department, "Social affairs");

        // Shown isolated from the text around it.
        let page = app
            .get_with(&format!("/practices/{}?lang=en", p.id), &[("cookie", &cookie)])
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<bdi>Kilis</bdi>"), "{}", page.body);
        assert!(page.body.contains("<bdi>Social affairs</bdi>"));
    }
);

db_test!(
    #[should_panic(expected = "attributes reach both variants")]
    async fn db_test_keeps_the_attributes_it_is_given(app) {
        let _ = app;
        panic!("attributes reach both variants");
    }
);
