//! Open registration: off by default; when on, anyone may ask for an account,
//! the answer never reveals whether an address has one, requests are limited
//! per address, and a coordinator approves (the account is created and can
//! sign in) or declines (the request is deleted). Both databases.

mod common;

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use chrono::Utc;
use common::{TestApp, TestResponse};
use majlis::accounts::{Email, Password, people, person, signup_request};
use majlis::i18n::Locale;
use majlis::mail::queue;
use majlis::policy::Role;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

const PASSWORD: &str = "a sentence I will remember";

async fn post(
    app: &TestApp,
    path: &str,
    pairs: &[(&str, &str)],
    cookie: &str,
    ip: [u8; 4],
) -> TestResponse {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    let req = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .extension(ConnectInfo(SocketAddr::from((ip, 40000))))
        .body(Body::from(body))
        .unwrap();
    app.request(req).await
}

async fn requests(app: &TestApp) -> u64 {
    signup_request::Entity::find()
        .count(app.db.read())
        .await
        .unwrap()
}

async fn queued_to(app: &TestApp, address: &str) -> Vec<String> {
    queue::Entity::find()
        .filter(queue::Column::ToAddress.eq(address))
        .all(app.db.read())
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.purpose)
        .collect()
}

async fn case(app: &TestApp) {
    let csrf = "0123456789abcdef0123456789abcdef";
    let cookie = app.csrf_cookie(csrf);
    let page = app.get("/register?lang=ar").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("dir=\"rtl\""));

    // Bad input: translated messages, what was typed kept (never the password), nothing stored.
    let bad = post(
        app,
        "/register",
        &[
            ("csrf", csrf),
            ("name", "Leyla Demir"),
            ("email", "not an email"),
            ("password", "password123"),
            ("password_again", "password123"),
            ("affiliation", "Kilis Belediyesi"),
        ],
        &cookie,
        [10, 1, 0, 1],
    )
    .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("This is not an email address."),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("Leyla Demir") && bad.body.contains("Kilis Belediyesi"));
    assert!(!bad.body.contains("password123"));
    let common = post(
        app,
        "/register",
        &[
            ("csrf", csrf),
            ("name", "Leyla Demir"),
            ("email", "leyla@kilis.example.org"),
            ("password", "basketball"),
            ("password_again", "basketball"),
        ],
        &cookie,
        [10, 1, 0, 1],
    )
    .await;
    assert_eq!(
        common.status,
        StatusCode::BAD_REQUEST,
        "a common password is refused"
    );
    let long_name = "x".repeat(201);
    let long = post(
        app,
        "/register",
        &[
            ("csrf", csrf),
            ("name", &long_name),
            ("email", "leyla@kilis.example.org"),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
        &cookie,
        [10, 1, 0, 1],
    )
    .await;
    assert_eq!(long.status, StatusCode::BAD_REQUEST);
    assert_eq!(requests(app).await, 0);
    // Without its token, nothing is read.
    let forged = post(
        app,
        "/register",
        &[("name", "X"), ("email", "x@example.org")],
        "",
        [10, 1, 0, 1],
    )
    .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);

    // A good request, sent twice: one request, the same answer.
    let good = [
        ("csrf", csrf),
        ("name", "Leyla Demir"),
        ("email", "Leyla@Kilis.example.org"),
        ("password", PASSWORD),
        ("password_again", PASSWORD),
        ("affiliation", "Kilis Belediyesi, social services"),
        ("note", "Focal point for the Syrian community centre"),
    ];
    let first = post(app, "/register?lang=ar", &good, &cookie, [10, 1, 0, 2]).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let again = post(app, "/register?lang=ar", &good, &cookie, [10, 1, 0, 3]).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(requests(app).await, 1);
    assert_eq!(
        queued_to(app, "leyla@kilis.example.org").await,
        vec!["signup-received"]
    );

    // An address that has an account: the same answer; its owner is told by email.
    people::create(
        &app.db,
        &Email::parse("member@example.org").unwrap(),
        "Existing Member",
        Role::Member,
        Locale::En,
        &Password::parse(PASSWORD.into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap();
    let existing = post(
        app,
        "/register?lang=ar",
        &[
            ("csrf", csrf),
            ("name", "Someone"),
            ("email", "member@example.org"),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
        &cookie,
        [10, 1, 0, 4],
    )
    .await;
    assert_eq!(existing.status, StatusCode::OK);
    let strip = |s: &str| s.replace(|c: char| c.is_ascii_digit(), "");
    assert_eq!(
        strip(&existing.body),
        strip(&first.body),
        "the answer does not tell whether the account exists"
    );
    assert_eq!(requests(app).await, 1);
    assert_eq!(
        queued_to(app, "member@example.org").await,
        vec!["signup-existing"]
    );

    // Five requests an hour from one address; the sixth gets 429.
    for i in 0..5 {
        let email = format!("flood{i}@example.org");
        let r = post(
            app,
            "/register",
            &[
                ("csrf", csrf),
                ("name", "F"),
                ("email", &email),
                ("password", PASSWORD),
                ("password_again", PASSWORD),
            ],
            &cookie,
            [10, 1, 0, 9],
        )
        .await;
        assert_eq!(r.status, StatusCode::OK, "request {i}");
    }
    let sixth = post(
        app,
        "/register",
        &[
            ("csrf", csrf),
            ("name", "F"),
            ("email", "flood9@example.org"),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
        &cookie,
        [10, 1, 0, 9],
    )
    .await;
    assert_eq!(sixth.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(requests(app).await, 6);

    // The coordinator sees the requests; a member may not decide.
    let coord = people::create(
        &app.db,
        &Email::parse("coord@example.org").unwrap(),
        "Coordinator",
        Role::Coordinator,
        Locale::En,
        &Password::parse(PASSWORD.into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap();
    common::enable_totp(app, coord.id).await;
    let (cc, ccsrf) = app.session_for(coord.id).await;
    let list = app.get_with("/people", &[("cookie", &cc)]).await;
    assert!(
        list.body
            .contains("Focal point for the Syrian community centre"),
        "{}",
        list.body
    );
    let leyla = signup_request::Entity::find()
        .filter(signup_request::Column::Email.eq("leyla@kilis.example.org"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let member = person::Entity::find()
        .filter(person::Column::Email.eq("member@example.org"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let (mc, mcsrf) = app.session_for(member.id).await;
    let refused = app
        .post_form(
            &format!("/people/requests/{}", leyla.id),
            &[("csrf", &mcsrf), ("action", "approve")],
            &mc,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // Approved: the account exists, as a member, and signs in with the chosen password.
    let r = app
        .post_form(
            &format!("/people/requests/{}", leyla.id),
            &[("csrf", &ccsrf), ("action", "approve")],
            &cc,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let p = person::Entity::find()
        .filter(person::Column::Email.eq("leyla@kilis.example.org"))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("the account");
    assert_eq!(p.role, "member");
    assert!(p.active);
    assert_eq!(p.locale, "ar", "the language the request was written in");
    assert!(
        p.password_hash
            .starts_with("$argon2id$v=19$m=19456,t=2,p=1$")
    );
    assert!(
        queued_to(app, "leyla@kilis.example.org")
            .await
            .contains(&"signup-approved".to_owned())
    );
    let login = app.get("/login").await;
    let lcsrf = login.attr("input[name=csrf]", "value").unwrap();
    let signed = post(
        app,
        "/login",
        &[
            ("csrf", &lcsrf),
            ("email", "leyla@kilis.example.org"),
            ("password", PASSWORD),
        ],
        &app.csrf_cookie(&lcsrf),
        [10, 1, 0, 5],
    )
    .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);

    // Declined: the request and its personal data are gone; no account.
    let flood = signup_request::Entity::find()
        .filter(signup_request::Column::Email.eq("flood0@example.org"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let r = app
        .post_form(
            &format!("/people/requests/{}", flood.id),
            &[("csrf", &ccsrf), ("action", "decline")],
            &cc,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        signup_request::Entity::find_by_id(flood.id)
            .one(app.db.read())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        person::Entity::find()
            .filter(person::Column::Email.eq("flood0@example.org"))
            .one(app.db.read())
            .await
            .unwrap()
            .is_none()
    );
    let audit = majlis::audit::entity::Entity::find()
        .filter(majlis::audit::entity::Column::Action.is_in(["signup.approve", "signup.decline"]))
        .count(app.db.read())
        .await
        .unwrap();
    assert_eq!(audit, 2);
    // Deciding twice: not found.
    let twice = app
        .post_form(
            &format!("/people/requests/{}", flood.id),
            &[("csrf", &ccsrf), ("action", "decline")],
            &cc,
        )
        .await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_registration_sqlite() {
    let app = TestApp::sqlite_with(|s| s.open_registration = true).await;
    case(&app).await;
    app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_registration_postgres() {
    let app = TestApp::postgres_with(|s| s.open_registration = true).await;
    case(&app).await;
    app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn registration_is_off_by_default() {
    let app = TestApp::sqlite().await;
    assert_eq!(app.get("/register").await.status, StatusCode::NOT_FOUND);
    let login = app.get("/login").await;
    assert!(!login.body.contains("/register"));
    let r = post(
        &app,
        "/register",
        &[
            ("csrf", "0123456789abcdef0123456789abcdef"),
            ("name", "X"),
            ("email", "x@example.org"),
            ("password", PASSWORD),
            ("password_again", PASSWORD),
        ],
        &app.csrf_cookie("0123456789abcdef0123456789abcdef"),
        [10, 2, 0, 1],
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(requests(&app).await, 0);
    app.finish().await;
}
