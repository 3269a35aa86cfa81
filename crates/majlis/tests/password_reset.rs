//! Forgotten passwords: the link arrives by email, works once for 15 minutes,
//! and the new password ends every session.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::{TestApp, TestResponse};
use majlis::accounts::policy::Role;
use majlis::accounts::{Email, Password, password_reset, people, signin};
use majlis::i18n::Locale;
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
        let client = signin::Client { ip: "10.3.3.3".into(), user_agent: "t".into() };
        let open = signin::sign_in(&app.db, "focal@kilis.example.org", OLD, &client, Utc::now()).await.unwrap();

        // The same answer for an account and for no account; a message only for the account.
        let unknown = ask(app, "nobody@example.org").await;
        let known = ask(app, "Focal@Kilis.example.org").await;
        assert_eq!(unknown.status, StatusCode::OK);
        assert_eq!(known.status, StatusCode::OK);
        assert_eq!(unknown.texts(".notice"), known.texts(".notice"));
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
        assert!(signin::resolve(&app.db, &open.token, Utc::now(), signin::SessionLimits::default()).await.unwrap().is_none());
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
