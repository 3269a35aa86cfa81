//! Signing in and out, sessions, CSRF and rate limits, on both databases.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use common::{TestApp, TestResponse};
use majlis::accounts::{self, Email, Password, signin};
use majlis::i18n::Locale;
use sea_orm::EntityTrait;

const PASSWORD: &str = "olive trees in Gaziantep";

async fn admin(app: &TestApp, email: &str) -> accounts::person::Model {
    accounts::create_admin(
        &app.db,
        &Email::parse(email).unwrap(),
        "Leyla Demir",
        Locale::Tr,
        &Password::parse(PASSWORD.into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap()
}

/// A fresh visitor's anti-forgery token and cookie, from the sign-in page.
async fn login_page(app: &TestApp) -> (String, String) {
    let page = app.get("/login").await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = page.attr("input[name=csrf]", "value").unwrap();
    let cookie = page
        .set_cookie(app.settings.csrf_cookie())
        .expect("csrf cookie");
    assert_eq!(csrf, cookie);
    (csrf, app.csrf_cookie(&cookie))
}

async fn post(app: &TestApp, path: &str, body: &str, cookie: &str, ip: [u8; 4]) -> TestResponse {
    let req = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .extension(ConnectInfo(SocketAddr::from((ip, 40000))))
        .body(Body::from(body.to_owned()))
        .unwrap();
    app.request(req).await
}

fn form(pairs: &[(&str, &str)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// Sign in and return the session cookie header value.
async fn sign_in(app: &TestApp, email: &str, ip: [u8; 4]) -> String {
    let (csrf, cookie) = login_page(app).await;
    let res = post(
        app,
        "/login",
        &form(&[("csrf", &csrf), ("email", email), ("password", PASSWORD)]),
        &cookie,
        ip,
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let token = res
        .set_cookie(app.settings.session_cookie())
        .expect("session cookie");
    let raw = res
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with(&format!("{}=", app.settings.session_cookie())))
        .unwrap();
    assert!(
        raw.contains("HttpOnly") && raw.contains("SameSite=Lax"),
        "{raw}"
    );
    app.session_cookie(&token)
}

db_test!(
    async fn sign_in_show_account_sign_out(app) {
        let p = admin(app, "leyla@example.org").await;
        assert!(p.password_hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        let session = sign_in(app, "Leyla@Example.org", [10, 0, 0, 1]).await;

        let account = app.get_with("/account", &[("cookie", &session)]).await;
        assert_eq!(account.status, StatusCode::OK);
        assert!(account.body.contains("leyla@example.org"));
        assert_eq!(account.texts(".account-nav .nav-end a"), vec!["Leyla Demir".to_owned()]);
        assert_eq!(account.header("cache-control"), Some("no-store"));
        let csrf = account.attr(".account-nav form input[name=csrf]", "value").unwrap();

        // Signing out needs the session's token.
        let refused = post(app, "/logout", "", &session, [10, 0, 0, 1]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get_with("/account", &[("cookie", &session)]).await.status, StatusCode::OK);
        let out = post(app, "/logout", &form(&[("csrf", &csrf)]), &session, [10, 0, 0, 1]).await;
        assert_eq!(out.status, StatusCode::SEE_OTHER);
        assert_eq!(out.set_cookie(app.settings.session_cookie()).as_deref(), Some(""));
        let after = app.get_with("/account", &[("cookie", &session)]).await;
        assert_eq!(after.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get("/account").await.status, StatusCode::UNAUTHORIZED);
        assert!(app.get("/api/v1/municipalities").await.status.is_success());
    }
);

db_test!(
    async fn wrong_credentials_say_nothing_about_the_account(app) {
        admin(app, "leyla@example.org").await;
        let (csrf, cookie) = login_page(app).await;
        let wrong = post(
            app,
            "/login?lang=ar",
            &form(&[("csrf", &csrf), ("email", "leyla@example.org"), ("password", "not the password")]),
            &cookie,
            [10, 0, 0, 2],
        )
        .await;
        let unknown = post(
            app,
            "/login?lang=ar",
            &form(&[("csrf", &csrf), ("email", "nobody@example.org"), ("password", "not the password")]),
            &cookie,
            [10, 0, 0, 2],
        )
        .await;
        for res in [&wrong, &unknown] {
            assert_eq!(res.status, StatusCode::UNAUTHORIZED);
            assert_eq!(res.attr("html", "dir").as_deref(), Some("rtl"));
            assert!(res.set_cookie(app.settings.session_cookie()).is_none());
            assert!(!res.body.contains("not the password"), "the password is never echoed");
        }
        assert_eq!(wrong.texts(".form-error"), unknown.texts(".form-error"));
        assert_eq!(
            unknown.attr("input[name=email]", "value").as_deref(),
            Some("nobody@example.org"),
            "the form keeps what was typed"
        );
        // A malformed email is the same refusal, not an error page.
        let bad = post(
            app,
            "/login",
            &form(&[("csrf", &csrf), ("email", &"x".repeat(5000)), ("password", "p")]),
            &cookie,
            [10, 0, 0, 3],
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
    }
);

db_test!(
    async fn forms_without_the_token_are_refused(app) {
        admin(app, "leyla@example.org").await;
        let (csrf, cookie) = login_page(app).await;
        let body = |token: &str| {
            form(&[("csrf", token), ("email", "leyla@example.org"), ("password", PASSWORD)])
        };
        let cases = [
            (form(&[("email", "leyla@example.org"), ("password", PASSWORD)]), cookie.clone()),
            (body("0123456789abcdef0123456789abcdef"), cookie.clone()),
            (body(&csrf), String::new()),
        ];
        for (b, c) in cases {
            let res = post(app, "/login", &b, &c, [10, 0, 0, 4]).await;
            assert_eq!(res.status, StatusCode::FORBIDDEN, "{b} / {c}");
            assert!(res.set_cookie(app.settings.session_cookie()).is_none());
        }
        // A browser marking the request cross-site is refused even with the token.
        let req = Request::post("/login")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", &cookie)
            .header("sec-fetch-site", "cross-site")
            .body(Body::from(body(&csrf)))
            .unwrap();
        assert_eq!(app.request(req).await.status, StatusCode::FORBIDDEN);
    }
);

db_test!(
    async fn signing_in_always_starts_a_new_session(app) {
        admin(app, "leyla@example.org").await;
        let first = sign_in(app, "leyla@example.org", [10, 0, 1, 1]).await;
        // Sign in again in the same browser: the old token stops working.
        let page = app.get_with("/login", &[("cookie", &first)]).await;
        let csrf = page.attr("input[name=csrf]", "value").unwrap();
        let res = post(
            app,
            "/login",
            &form(&[("csrf", &csrf), ("email", "leyla@example.org"), ("password", PASSWORD)]),
            &first,
            [10, 0, 1, 1],
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let second = app.session_cookie(&res.set_cookie(app.settings.session_cookie()).unwrap());
        assert_ne!(first, second);
        assert_eq!(app.get_with("/account", &[("cookie", &first)]).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(app.get_with("/account", &[("cookie", &second)]).await.status, StatusCode::OK);
        // A planted, made-up session token opens nothing.
        let planted = &app.session_cookie("00000000000000000000000000000000");
        let res = app.get_with("/account", &[("cookie", planted)]).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert_eq!(res.set_cookie(app.settings.session_cookie()).as_deref(), Some(""), "cleared");
    }
);

db_test!(
    async fn sign_out_everywhere_ends_every_session(app) {
        admin(app, "leyla@example.org").await;
        let laptop = sign_in(app, "leyla@example.org", [10, 0, 2, 1]).await;
        let phone = sign_in(app, "leyla@example.org", [10, 0, 2, 2]).await;
        let page = app.get_with("/account", &[("cookie", &laptop)]).await;
        assert_eq!(page.texts("tbody tr").len(), 2, "both sessions listed");
        let csrf = page.attr("main form input[name=csrf]", "value").unwrap();
        let res = post(app, "/account/sign-out-everywhere", &form(&[("csrf", &csrf)]), &laptop, [10, 0, 2, 1]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        for s in [&laptop, &phone] {
            assert_eq!(app.get_with("/account", &[("cookie", s)]).await.status, StatusCode::UNAUTHORIZED);
        }
    }
);

db_test!(
    async fn sign_in_limits_per_account_and_per_address(app) {
        admin(app, "leyla@example.org").await;
        let (csrf, cookie) = login_page(app).await;
        let attempt = |email: &str, password: &'static str, ip: [u8; 4]| {
            let body = form(&[("csrf", &csrf), ("email", email), ("password", password)]);
            let cookie = cookie.clone();
            async move { post(app, "/login", &body, &cookie, ip).await }
        };
        // Five wrong passwords for one account, from five addresses…
        for i in 0..5u8 {
            let res = attempt("leyla@example.org", "wrong password", [10, 1, 0, i]).await;
            assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        }
        // …do not lock the owner out: the right password from a sixth signs in.
        let owner = attempt("leyla@example.org", PASSWORD, [10, 1, 0, 9]).await;
        assert_eq!(owner.status, StatusCode::SEE_OTHER, "{}", owner.body);
        assert!(owner.set_cookie("majlis_session").is_some());
        // One address that got the password wrong five times waits, even with
        // the right one.
        for _ in 0..4 {
            let res = attempt("leyla@example.org", "wrong password", [10, 1, 0, 0]).await;
            assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        }
        let limited = attempt("leyla@example.org", PASSWORD, [10, 1, 0, 0]).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(limited.set_cookie(app.settings.session_cookie()).is_none());
        assert!(limited.texts(".form-error")[0].contains("15"), "{:?}", limited.texts(".form-error"));
        // The owner, elsewhere, still signs in.
        let owner = attempt("leyla@example.org", PASSWORD, [10, 1, 0, 10]).await;
        assert_eq!(owner.status, StatusCode::SEE_OTHER, "{}", owner.body);

        // Six attempts a minute from one address, whatever the accounts.
        for i in 0..6 {
            let email = format!("someone{i}@example.org");
            let res = attempt(&email, "whatever pass", [10, 2, 0, 1]).await;
            assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        }
        let res = attempt("other@example.org", "whatever pass", [10, 2, 0, 1]).await;
        assert_eq!(res.status, StatusCode::TOO_MANY_REQUESTS);
        // Another address is not affected.
        let res = attempt("other@example.org", "whatever pass", [10, 2, 0, 2]).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
);

db_test!(
    async fn many_failures_slow_unknown_addresses_down_but_not_known_ones(app) {
        admin(app, "leyla@example.org").await;
        let at = |ip: [u8; 4]| majlis::policy::Client {
            ip: std::net::Ipv4Addr::from(ip).to_string(),
            user_agent: "test".into(),
        };
        let t0 = Utc::now();
        // The owner signs in from home once.
        signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &at([10, 5, 0, 1]), t0).await.unwrap();
        // Twelve wrong passwords from twelve addresses, a minute apart.
        let mut t = t0;
        for i in 0..12u8 {
            t = t0 + Duration::seconds(61 * (i64::from(i) + 1));
            let err = signin::sign_in(&app.db, "leyla@example.org", "wrong password", &at([10, 5, 1, i]), t).await.unwrap_err();
            assert!(matches!(err, signin::SignInError::WrongCredentials), "{i}: {err:?}");
        }
        // Right after, an address never used by the owner waits, even with the
        // right password…
        let soon = t + Duration::seconds(1);
        let err = signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &at([10, 5, 2, 1]), soon).await.unwrap_err();
        assert!(matches!(err, signin::SignInError::TooMany { retry_after_minutes: 1 }), "{err:?}");
        // …but home does not.
        signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &at([10, 5, 0, 1]), soon).await.unwrap();
        // Once the delay has passed, the new address signs in too.
        let later = t + Duration::seconds(signin::ACCOUNT_DELAY_MAX_SECONDS + 1);
        signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &at([10, 5, 2, 1]), later).await.unwrap();
    }
);

/// A sign-in form from an address, for the router of any node.
fn login_request(body: &str, cookie: &str, ip: [u8; 4]) -> Request<Body> {
    Request::post("/login")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .extension(ConnectInfo(SocketAddr::from((ip, 40000))))
        .body(Body::from(body.to_owned()))
        .unwrap()
}

db_test!(
    async fn concurrent_sign_ins_never_pass_the_limits_on_two_nodes(app) {
        admin(app, "leyla@example.org").await;
        let other = app.second_node().await;
        let (csrf, cookie) = login_page(app).await;
        // Twenty attempts at once from one address, for twenty accounts, half
        // to each node: six a minute are checked, no more.
        let results = futures_util::future::join_all((0..20u8).map(|i| {
            let body = form(&[("csrf", &csrf), ("email", &format!("someone{i}@example.org")), ("password", "whatever pass")]);
            let req = login_request(&body, &cookie, [10, 8, 0, 1]);
            let other = &other;
            async move { if i % 2 == 0 { app.request(req).await.status } else { other.request(req).await.status } }
        }))
        .await;
        let checked = results.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count() as u64;
        let refused = results.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count() as u64;
        assert_eq!((checked, refused), (signin::PER_IP_MINUTE, 20 - signin::PER_IP_MINUTE), "{results:?}");

        // Twelve wrong passwords at once for one account from one address:
        // five are checked.
        let results = futures_util::future::join_all((0..12u8).map(|i| {
            let body = form(&[("csrf", &csrf), ("email", "leyla@example.org"), ("password", "wrong password")]);
            let req = login_request(&body, &cookie, [10, 8, 0, 2]);
            let other = &other;
            async move { if i % 2 == 0 { app.request(req).await.status } else { other.request(req).await.status } }
        }))
        .await;
        let checked = results.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count() as u64;
        assert_eq!(checked, signin::ACCOUNT_FAILURES, "{results:?}");
        assert!(results.iter().all(|s| *s == StatusCode::UNAUTHORIZED || *s == StatusCode::TOO_MANY_REQUESTS));
        // The owner, from elsewhere, is not locked out.
        let body = form(&[("csrf", &csrf), ("email", "leyla@example.org"), ("password", PASSWORD)]);
        let res = other.request(login_request(&body, &cookie, [10, 8, 0, 3])).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
);

db_test!(
    async fn sessions_time_out_and_deactivation_ends_them(app) {
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        let p = admin(app, "leyla@example.org").await;
        let client = majlis::policy::Client {
            ip: "10.9.9.9".into(),
            user_agent: "test".into(),
        };
        let limits = majlis::config::SessionLimits::default();
        let now = Utc::now();
        let s = signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &client, now).await.unwrap();
        // Idle: 29 minutes is fine, then 31 minutes of silence ends it.
        assert!(signin::resolve(&app.db, &s.token, now + Duration::minutes(29), limits).await.unwrap().is_some());
        assert!(signin::resolve(&app.db, &s.token, now + Duration::minutes(61), limits).await.unwrap().is_none());

        // Absolute: active every 20 minutes, still out after 12 hours.
        let s = signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &client, now).await.unwrap();
        let mut t = now;
        while t < now + Duration::hours(12) - Duration::minutes(20) {
            t += Duration::minutes(20);
            assert!(signin::resolve(&app.db, &s.token, t, limits).await.unwrap().is_some(), "{t}");
        }
        assert!(signin::resolve(&app.db, &s.token, now + Duration::hours(12) + Duration::minutes(1), limits).await.unwrap().is_none());

        // Deactivation: open sessions end and signing in is refused with its own message.
        let s = signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &client, now).await.unwrap();
        let tx = app.db.begin_write().await.unwrap();
        let mut am: accounts::person::ActiveModel = p.into();
        am.active = Set(false);
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        assert!(signin::resolve(&app.db, &s.token, now, limits).await.unwrap().is_none());
        let err = signin::sign_in(&app.db, "leyla@example.org", PASSWORD, &client, now).await.unwrap_err();
        assert!(matches!(err, signin::SignInError::Deactivated), "{err:?}");
        let err = signin::sign_in(&app.db, "leyla@example.org", "wrong password", &client, now).await.unwrap_err();
        assert!(matches!(err, signin::SignInError::WrongCredentials), "no hint without the password");
    }
);

db_test!(
    async fn download_my_data_gives_everything_but_secrets(app) {
        admin(app, "leyla@example.org").await;
        let session = sign_in(app, "leyla@example.org", [10, 0, 5, 1]).await;
        let res = app.get_with("/account/data", &[("cookie", &session)]).await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.header("content-disposition").unwrap().starts_with("attachment;"));
        let j = res.json();
        assert_eq!(j["format"], "majlis-personal-data/1");
        assert_eq!(j["profile"]["email"], "leyla@example.org");
        assert_eq!(j["sessions"].as_array().unwrap().len(), 1);
        assert_eq!(j["sessions"][0]["ip"], "10.0.5.1");
        assert!(!res.body.contains("argon2"), "no password hash");
        assert!(!res.body.contains("token_hash") && !res.body.contains("csrf"));
        assert_eq!(app.get("/account/data").await.status, StatusCode::UNAUTHORIZED);
    }
);

db_test!(
    async fn deleting_an_account_removes_personal_data(app) {
        use majlis::accounts::{affiliation, person, session};
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
        admin(app, "first.admin@example.org").await;
        let p = admin(app, "leyla@example.org").await;
        let tx = app.db.begin_write().await.unwrap();
        affiliation::ActiveModel {
            person_id: Set(p.id),
            municipality_id: Set(None),
            organisation_id: Set(None),
            position: Set(None),
            focal_point: Set(false),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let cookie = sign_in(app, "leyla@example.org", [10, 0, 6, 1]).await;
        let page = app.get_with("/account/delete", &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
        let csrf = page.attr("main form input[name=csrf]", "value").unwrap();
        let wrong = post(app, "/account/delete", &form(&[("csrf", &csrf), ("password", "not it at all")]), &cookie, [10, 0, 6, 1]).await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
        assert!(person::Entity::find_by_id(p.id).one(app.db.read()).await.unwrap().is_some(), "nothing deleted");
        let gone = post(app, "/account/delete", &form(&[("csrf", &csrf), ("password", PASSWORD)]), &cookie, [10, 0, 6, 1]).await;
        assert_eq!(gone.status, StatusCode::SEE_OTHER);
        assert!(person::Entity::find_by_id(p.id).one(app.db.read()).await.unwrap().is_none());
        let left = session::Entity::find().filter(session::Column::PersonId.eq(p.id)).all(app.db.read()).await.unwrap();
        assert!(left.is_empty());
        let left = affiliation::Entity::find().filter(affiliation::Column::PersonId.eq(p.id)).all(app.db.read()).await.unwrap();
        assert!(left.is_empty());
        assert_eq!(app.get_with("/account", &[("cookie", &cookie)]).await.status, StatusCode::UNAUTHORIZED);
        // The audit log keeps the deed without the person.
        let entries = majlis::audit::entity::Entity::find()
            .filter(majlis::audit::entity::Column::ObjectId.eq(p.id.to_string()))
            .all(app.db.read())
            .await
            .unwrap();
        assert!(entries.iter().any(|e| e.action == "account-deleted" && e.actor_id.is_none()));
        // The last administrator cannot leave.
        let last = sign_in(app, "first.admin@example.org", [10, 0, 6, 2]).await;
        let page = app.get_with("/account/delete", &[("cookie", &last)]).await;
        let csrf = page.attr("main form input[name=csrf]", "value").unwrap();
        let refused = post(app, "/account/delete", &form(&[("csrf", &csrf), ("password", PASSWORD)]), &last, [10, 0, 6, 2]).await;
        assert_eq!(refused.status, StatusCode::CONFLICT);
    }
);

db_test!(
    async fn personal_api_tokens_act_as_their_owner(app) {
        admin(app, "leyla@example.org").await;
        admin(app, "other@example.org").await;
        let cookie = sign_in(app, "leyla@example.org", [10, 0, 7, 1]).await;
        let page = app.get_with("/account/tokens", &[("cookie", &cookie)]).await;
        let csrf = page.attr("main form input[name=csrf]", "value").unwrap();
        let empty = post(app, "/account/tokens", &form(&[("csrf", &csrf), ("name", "  ")]), &cookie, [10, 0, 7, 1]).await;
        assert_eq!(empty.status, StatusCode::BAD_REQUEST);
        let made = post(app, "/account/tokens", &form(&[("csrf", &csrf), ("name", "Survey sync")]), &cookie, [10, 0, 7, 1]).await;
        assert_eq!(made.status, StatusCode::OK);
        let token = made.texts("#new-token")[0].clone();
        assert!(token.starts_with("majlis_") && token.len() > 60);
        let again = app.get_with("/account/tokens", &[("cookie", &cookie)]).await;
        assert!(again.texts("#new-token").is_empty(), "shown once");
        assert!(!again.body.contains(&token));

        let bearer = format!("Bearer {token}");
        let me = app.get_with("/api/v1/me", &[("authorization", &bearer)]).await;
        assert_eq!(me.status, StatusCode::OK);
        assert_eq!(me.json()["email"], "leyla@example.org");
        let bad = app.get_with("/api/v1/me", &[("authorization", "Bearer majlis_nope")]).await;
        assert_eq!(bad.status, StatusCode::UNAUTHORIZED);
        assert_eq!(bad.json()["code"], "sign-in-required");
        assert_eq!(app.get("/api/v1/me").await.status, StatusCode::UNAUTHORIZED);
        // Tokens open the API only, not the pages.
        let page = app.get_with("/account", &[("authorization", &bearer)]).await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);

        // Someone else cannot revoke it; its owner can.
        let id = majlis::accounts::api_token::Entity::find()
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id;
        let other = sign_in(app, "other@example.org", [10, 0, 7, 2]).await;
        let other_page = app.get_with("/account/tokens", &[("cookie", &other)]).await;
        let other_csrf = other_page.attr("main form input[name=csrf]", "value").unwrap();
        let nope = post(app, &format!("/account/tokens/{id}/revoke"), &form(&[("csrf", &other_csrf)]), &other, [10, 0, 7, 2]).await;
        assert_eq!(nope.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_with("/api/v1/me", &[("authorization", &bearer)]).await.status, StatusCode::OK);
        let revoked = post(app, &format!("/account/tokens/{id}/revoke"), &form(&[("csrf", &csrf)]), &cookie, [10, 0, 7, 1]).await;
        assert_eq!(revoked.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get_with("/api/v1/me", &[("authorization", &bearer)]).await.status, StatusCode::UNAUTHORIZED);
    }
);

db_test!(
    async fn changing_the_password_ends_every_session(app) {
        admin(app, "leyla@example.org").await;
        let here = sign_in(app, "leyla@example.org", [10, 0, 8, 1]).await;
        let there = sign_in(app, "leyla@example.org", [10, 0, 8, 2]).await;
        let page = app.get_with("/account/password", &[("cookie", &here)]).await;
        let csrf = page.attr("main form input[name=csrf]", "value").unwrap();
        let wrong = post(
            app,
            "/account/password",
            &form(&[("csrf", &csrf), ("current", "not the one"), ("password", "a fresh passphrase"), ("password_again", "a fresh passphrase")]),
            &here,
            [10, 0, 8, 1],
        )
        .await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
        assert_eq!(app.get_with("/account", &[("cookie", &there)]).await.status, StatusCode::OK, "nothing changed");
        let done = post(
            app,
            "/account/password",
            &form(&[("csrf", &csrf), ("current", PASSWORD), ("password", "a fresh passphrase"), ("password_again", "a fresh passphrase")]),
            &here,
            [10, 0, 8, 1],
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        for s in [&here, &there] {
            assert_eq!(app.get_with("/account", &[("cookie", s)]).await.status, StatusCode::UNAUTHORIZED);
        }
        let client = majlis::policy::Client { ip: "10.0.8.3".into(), user_agent: "t".into() };
        assert!(signin::sign_in(&app.db, "leyla@example.org", "a fresh passphrase", &client, Utc::now()).await.is_ok());
    }
);
