//! Forgotten passwords: the link arrives by email, works once for 15 minutes,
//! and the new password ends every session.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::{TestApp, TestResponse};
use majlis::accounts::{Email, Password, password_reset, people, signin};
use majlis::i18n::Locale;
use majlis::mail::queue;
use majlis::policy::Role;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

const OLD: &str = "the old passphrase";
const NEW: &str = "a brand new passphrase";

fn token_in(mail: &str) -> String {
    let at = mail.find("/password/reset/").expect("a link") + "/password/reset/".len();
    mail[at..at + 32].to_owned()
}

async fn ask(app: &TestApp, email: &str) -> TestResponse {
    let page = app.get("/password/forgot").await;
    let csrf = page.attr("input[name=csrf]", "value").unwrap();
    app.post_form(
        "/password/forgot",
        &[("csrf", &csrf), ("email", email)],
        &app.csrf_cookie(&csrf),
    )
    .await
}

db_test!(
    async fn reset_by_email_ends_every_session(app) {
        let p = people::create(
            &app.db,
            &Email::parse("focal@kilis.example.org").unwrap(),
            "Mehmet",
            Role::Member,
            Locale::Tr,
            &Password::parse(OLD.into()).unwrap(),
            Utc::now(),
        )
        .await
        .unwrap();
        let client = majlis::policy::Client { ip: "10.3.3.3".into(), user_agent: "t".into() };
        let open = signin::sign_in(&app.db, "focal@kilis.example.org", OLD, &client, Utc::now()).await.unwrap();

        // The same answer for an account and for no account; a message only for the account.
        let unknown = ask(app, "nobody@example.org").await;
        let known = ask(app, "Focal@Kilis.example.org").await;
        assert_eq!(unknown.status, StatusCode::OK);
        assert_eq!(known.status, StatusCode::OK);
        assert_eq!(unknown.texts(".notice"), known.texts(".notice"));
        // Nothing is sent during the request: one message waits in the queue,
        // for the account only.
        assert!(app.mails().is_empty(), "no mail sent inside the request");
        let queued = queue::Entity::find().all(app.db.read()).await.unwrap();
        assert_eq!(queued.len(), 1, "{queued:?}");
        assert_eq!(queued[0].purpose, "password-reset");
        assert_eq!(queued[0].to_address, "focal@kilis.example.org");
        assert_eq!(app.deliver_mail().await, 1);
        let sent = app.mails();
        assert_eq!(sent.len(), 1, "one message, to the account");
        assert!(!sent[0].contains("Choose a new Majlis password"), "in the person's language (tr)");
        let token = token_in(&sent[0]);

        let page = app.get(&format!("/password/reset/{token}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
        let csrf = page.attr("input[name=csrf]", "value").unwrap();
        let cookie = app.csrf_cookie(&csrf);
        let short = app.post_form(&format!("/password/reset/{token}"), &[("csrf", &csrf), ("password", "short"), ("password_again", "short")], &cookie).await;
        assert_eq!(short.status, StatusCode::BAD_REQUEST);
        let done = app.post_form(&format!("/password/reset/{token}"), &[("csrf", &csrf), ("password", NEW), ("password_again", NEW)], &cookie).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);

        // Sessions opened with the old password are over; the old password no longer works.
        assert!(signin::resolve(&app.db, &open.token, Utc::now(), majlis::config::SessionLimits::default()).await.unwrap().is_none());
        assert!(signin::sign_in(&app.db, "focal@kilis.example.org", OLD, &client, Utc::now()).await.is_err());
        assert!(signin::sign_in(&app.db, "focal@kilis.example.org", NEW, &client, Utc::now()).await.is_ok());
        // Once only.
        let again = app.get(&format!("/password/reset/{token}")).await;
        assert_eq!(again.status, StatusCode::GONE);
        let _ = p;
    }
);

db_test!(
    async fn reset_links_expire_and_requests_are_limited(app) {
        people::create(
            &app.db,
            &Email::parse("expert@example.org").unwrap(),
            "Expert",
            Role::Expert,
            Locale::En,
            &Password::parse(OLD.into()).unwrap(),
            Utc::now(),
        )
        .await
        .unwrap();
        assert_eq!(ask(app, "expert@example.org").await.status, StatusCode::OK);
        assert_eq!(app.deliver_mail().await, 1);
        let token = token_in(&app.mails()[0]);
        // Sixteen minutes later.
        let r = password_reset::Entity::find().one(app.db.read()).await.unwrap().unwrap();
        let tx = app.db.begin_write().await.unwrap();
        let mut am: password_reset::ActiveModel = r.into();
        am.expires_at = Set(Utc::now() - chrono::Duration::minutes(1));
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        let expired = app.get(&format!("/password/reset/{token}?lang=fr")).await;
        assert_eq!(expired.status, StatusCode::GONE);
        assert_eq!(expired.texts(".form-error").len(), 1);
        assert!(expired.attr("#password", "type").is_none());
        assert_eq!(app.get("/password/reset/0123456789abcdef0123456789abcdef").await.status, StatusCode::NOT_FOUND);

        for _ in 1..majlis::accounts::reset::PER_HOUR {
            assert_eq!(ask(app, "expert@example.org").await.status, StatusCode::OK);
        }
        assert_eq!(ask(app, "expert@example.org").await.status, StatusCode::TOO_MANY_REQUESTS);
    }
);

/// Ask for a link from an address.
async fn ask_from(app: &TestApp, email: &str, ip: [u8; 4]) -> TestResponse {
    use axum::body::Body;
    use axum::extract::ConnectInfo;
    use axum::http::Request;
    let page = app.get("/password/forgot").await;
    let csrf = page.attr("input[name=csrf]", "value").unwrap();
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs([("csrf", csrf.as_str()), ("email", email)])
        .finish();
    app.request(
        Request::post("/password/forgot")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", format!("majlis_csrf={csrf}"))
            .extension(ConnectInfo(std::net::SocketAddr::from((ip, 40000))))
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

db_test!(
    async fn requests_from_elsewhere_never_lock_the_owner_out(app) {
        people::create(
            &app.db,
            &Email::parse("owner@example.org").unwrap(),
            "Owner",
            Role::Member,
            Locale::En,
            &Password::parse(OLD.into()).unwrap(),
            Utc::now(),
        )
        .await
        .unwrap();
        // Five requests for the account from five addresses…
        for i in 0..5u8 {
            assert_eq!(ask_from(app, "owner@example.org", [10, 6, 0, i]).await.status, StatusCode::OK);
        }
        // …and the owner's own request, from a sixth, is answered as usual.
        let own = ask_from(app, "owner@example.org", [10, 6, 1, 1]).await;
        assert_eq!(own.status, StatusCode::OK, "{}", own.body);
        assert_eq!(own.texts(".notice").len(), 1);
        // The mailbox is not flooded (the account alone slows down), and its
        // latest link works.
        assert_eq!(app.deliver_mail().await as u64, majlis::accounts::reset::MAILS_PER_HOUR);
        let token = token_in(app.mails().last().unwrap());
        assert_eq!(app.get(&format!("/password/reset/{token}")).await.status, StatusCode::OK);
        // One address asking again and again for the account is refused.
        for _ in 1..majlis::accounts::reset::PER_HOUR {
            assert_eq!(ask_from(app, "owner@example.org", [10, 6, 0, 0]).await.status, StatusCode::OK);
        }
        assert_eq!(ask_from(app, "owner@example.org", [10, 6, 0, 0]).await.status, StatusCode::TOO_MANY_REQUESTS);
        // Concurrent requests from one address never pass its limit, on one
        // node or two.
        let other = app.second_node().await;
        let results = futures_util::future::join_all((0..26u8).map(|i| {
            let other = &other;
            async move {
                let email = format!("someone{i}@example.org");
                if i % 2 == 0 {
                    ask_from(app, &email, [10, 6, 2, 2]).await.status
                } else {
                    let page = app.get("/password/forgot").await;
                    let csrf = page.attr("input[name=csrf]", "value").unwrap();
                    let body = url::form_urlencoded::Serializer::new(String::new())
                        .extend_pairs([("csrf", csrf.as_str()), ("email", email.as_str())])
                        .finish();
                    other
                        .request(
                            axum::http::Request::post("/password/forgot")
                                .header("content-type", "application/x-www-form-urlencoded")
                                .header("cookie", format!("majlis_csrf={csrf}"))
                                .extension(axum::extract::ConnectInfo(std::net::SocketAddr::from(([10, 6, 2, 2], 40000))))
                                .body(axum::body::Body::from(body))
                                .unwrap(),
                        )
                        .await
                        .status
                }
            }
        }))
        .await;
        let passed = results.iter().filter(|s| **s == StatusCode::OK).count() as u64;
        assert_eq!(passed, majlis::accounts::reset::PER_IP_HOUR, "{results:?}");
    }
);
