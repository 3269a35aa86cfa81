//! Two-step sign-in: set-up with a code from the app, then every sign-in asks
//! for a fresh code or a recovery code.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use majlis::accounts::policy::Role;
use majlis::accounts::{Email, Password, people, two_factor};
use majlis::i18n::Locale;

const PASSWORD: &str = "two steps are safer";

/// Password step: returns the session cookie and where it sends us.
async fn password_step(app: &TestApp, email: &str) -> (String, String) {
    let page = app.get("/login").await;
    let csrf = page.attr("input[name=csrf]", "value").unwrap();
    let res = app
        .post_form(
            "/login",
            &[("csrf", &csrf), ("email", email), ("password", PASSWORD)],
            &app.csrf_cookie(&csrf),
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    (
        app.session_cookie(&res.cookie(app.settings.session_cookie()).unwrap()),
        res.header("location").unwrap().to_owned(),
    )
}

fn code_at(secret: &str, email: &str, offset: i64) -> String {
    let t = two_factor::totp(secret, email).unwrap();
    t.generate(u64::try_from(Utc::now().timestamp() + offset).unwrap())
        .to_string()
}

db_test!(
    async fn set_up_then_sign_in_with_a_code_or_a_recovery_code(app) {
        let email = "coordinator@example.org";
        people::create(
            &app.db,
            &Email::parse(email).unwrap(),
            "Sara",
            Role::Coordinator,
            Locale::Ar,
            &Password::parse(PASSWORD.into()).unwrap(),
            Utc::now(),
        )
        .await
        .unwrap();
        // Without two-factor yet, the password is enough to sign in…
        let (session, to) = password_step(app, email).await;
        assert_eq!(to, "/account");
        // …but not for the coordinator pages.
        assert_eq!(app.get_with("/people", &[("cookie", &session)]).await.status, StatusCode::FORBIDDEN);

        let setup = app.get_with("/account/two-factor?lang=ar", &[("cookie", &session)]).await;
        assert_eq!(setup.status, StatusCode::OK);
        assert!(setup.body.contains("<svg"), "a QR code");
        let secret = setup.texts("#totp-key")[0].clone();
        let csrf = setup.attr("main form input[name=csrf]", "value").unwrap();
        let wrong = app.post_form("/account/two-factor", &[("csrf", &csrf), ("code", "123456")], &session).await;
        assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
        assert_eq!(wrong.texts("#totp-key")[0], secret, "the same key until confirmed");
        let on = app.post_form("/account/two-factor",
            &[("csrf", &csrf), ("code", &code_at(&secret, email, 0))],
            &session,
        )
        .await;
        assert_eq!(on.status, StatusCode::OK, "{}", on.body);
        let codes = on.texts(".recovery-codes code");
        assert_eq!(codes.len(), two_factor::RECOVERY_CODES);
        assert_eq!(app.get_with("/people", &[("cookie", &session)]).await.status, StatusCode::OK);

        // Signing in again now takes two steps.
        let (pending, to) = password_step(app, email).await;
        assert!(to.starts_with("/login/two-factor"), "{to}");
        assert_eq!(
            app.get_with("/account", &[("cookie", &pending)]).await.status,
            StatusCode::UNAUTHORIZED,
            "a password alone does not sign in"
        );
        let step = app.get_with(&to, &[("cookie", &pending)]).await;
        assert_eq!(step.status, StatusCode::OK);
        let csrf = step.attr("input[name=csrf]", "value").unwrap();
        // The code used for the set-up cannot be used again.
        let replay = app.post_form("/login/two-factor",
            &[("csrf", &csrf), ("code", &code_at(&secret, email, 0)), ("next", "/account")],
            &pending,
        )
        .await;
        assert_eq!(replay.status, StatusCode::UNAUTHORIZED);
        // A recovery code works, once, and gives a fresh session token.
        let done = app.post_form("/login/two-factor",
            &[("csrf", &csrf), ("code", &codes[0].to_uppercase()), ("next", "/account")],
            &pending,
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        let full = app.session_cookie(&done.cookie(app.settings.session_cookie()).unwrap());
        assert_ne!(full, pending);
        assert_eq!(app.get_with("/account", &[("cookie", &full)]).await.status, StatusCode::OK);
        assert_eq!(app.get_with("/account", &[("cookie", &pending)]).await.status, StatusCode::UNAUTHORIZED);

        let (pending, _) = password_step(app, email).await;
        let step = app.get_with("/login/two-factor", &[("cookie", &pending)]).await;
        let csrf = step.attr("input[name=csrf]", "value").unwrap();
        let used = app.post_form("/login/two-factor", &[("csrf", &csrf), ("code", &codes[0])], &pending).await;
        assert_eq!(used.status, StatusCode::UNAUTHORIZED, "a recovery code works once");
        // The next time step's code works.
        let next = app.post_form("/login/two-factor",
            &[("csrf", &csrf), ("code", &code_at(&secret, email, 30))],
            &pending,
        )
        .await;
        assert_eq!(next.status, StatusCode::SEE_OTHER, "{}", next.body);
    }
);

db_test!(
    async fn wrong_codes_are_limited(app) {
        let email = "member@example.org";
        let p = people::create(
            &app.db,
            &Email::parse(email).unwrap(),
            "Omar",
            Role::Member,
            Locale::En,
            &Password::parse(PASSWORD.into()).unwrap(),
            Utc::now(),
        )
        .await
        .unwrap();
        let secret = common::enable_totp(app, p.id).await;
        let (pending, _) = password_step(app, email).await;
        let step = app.get_with("/login/two-factor", &[("cookie", &pending)]).await;
        let csrf = step.attr("input[name=csrf]", "value").unwrap();
        for _ in 0..two_factor::MAX_FAILURES {
            let r = app.post_form("/login/two-factor", &[("csrf", &csrf), ("code", "000000")], &pending).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        }
        let r = app.post_form("/login/two-factor",
            &[("csrf", &csrf), ("code", &code_at(&secret, email, 0))],
            &pending,
        )
        .await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "even the right code waits");
        assert!(r.cookie(app.settings.session_cookie()).is_none());
    }
);
