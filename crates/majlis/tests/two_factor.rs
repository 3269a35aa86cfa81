//! Two-step sign-in: set-up with a code from the app, then every sign-in asks
//! for a fresh code or a recovery code.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use majlis::accounts::{Email, Password, people, two_factor};
use majlis::i18n::Locale;
use majlis::policy::Role;

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

fn form_request(
    path: &str,
    pairs: &[(&str, &str)],
    cookie: &str,
) -> axum::http::Request<axum::body::Body> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    axum::http::Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(axum::body::Body::from(body))
        .unwrap()
}

async fn member(app: &TestApp, email: &str) -> i32 {
    people::create(
        &app.db,
        &Email::parse(email).unwrap(),
        "Member",
        Role::Member,
        Locale::En,
        &Password::parse(PASSWORD.into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap()
    .id
}

/// Send the same second-factor code `n` times at once, half to each node;
/// returns how many signed in, and every status.
async fn at_once(
    app: &TestApp,
    other: &common::Node,
    pending: &str,
    code: &str,
    n: usize,
) -> (usize, Vec<StatusCode>) {
    let step = app
        .get_with("/login/two-factor", &[("cookie", pending)])
        .await;
    let csrf = step.attr("input[name=csrf]", "value").unwrap();
    let results = futures_util::future::join_all((0..n).map(|i| {
        let req = form_request(
            "/login/two-factor",
            &[("csrf", &csrf), ("code", code)],
            pending,
        );
        async move {
            if i % 2 == 0 {
                app.request(req).await
            } else {
                other.request(req).await
            }
        }
    }))
    .await;
    let signed_in = results
        .iter()
        .filter(|r| r.cookie("majlis_session").is_some())
        .count();
    (signed_in, results.iter().map(|r| r.status).collect())
}

db_test!(
    async fn the_same_code_sent_at_once_to_two_nodes_works_once(app) {
        use majlis::accounts::{recovery_code, signin};
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        // A TOTP code.
        let email = "totp@example.org";
        let id = member(app, email).await;
        let secret = common::enable_totp(app, id).await;
        let other = app.second_node().await;
        let (pending, _) = password_step(app, email).await;
        let (signed_in, statuses) = at_once(app, &other, &pending, &code_at(&secret, email, 0), 8).await;
        assert_eq!(signed_in, 1, "{statuses:?}");

        // A recovery code.
        let email = "recovery@example.org";
        let id = member(app, email).await;
        common::enable_totp(app, id).await;
        let tx = app.db.begin_write().await.unwrap();
        recovery_code::ActiveModel {
            person_id: Set(id),
            code_hash: Set(signin::hash_token("abcdefghjk")),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let (pending, _) = password_step(app, email).await;
        let (signed_in, statuses) = at_once(app, &other, &pending, "abcde-fghjk", 8).await;
        assert_eq!(signed_in, 1, "{statuses:?}");
        assert_eq!(two_factor::recovery_codes_left(&app.db, id).await.unwrap(), 0);

        // Wrong codes at once: no more are checked than the limit allows.
        let email = "wrong@example.org";
        let id = member(app, email).await;
        common::enable_totp(app, id).await;
        let (pending, _) = password_step(app, email).await;
        let (signed_in, statuses) = at_once(app, &other, &pending, "000000", 12).await;
        assert_eq!(signed_in, 0);
        let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count() as u64;
        assert_eq!(checked, two_factor::MAX_FAILURES, "{statuses:?}");
        assert_eq!(statuses.len() as u64 - checked, statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count() as u64);
    }
);

db_test!(
    async fn secrets_are_stored_sealed(app) {
        use majlis::accounts::person;
        use sea_orm::EntityTrait;
        let email = "sealed@example.org";
        let id = member(app, email).await;
        let (session, _) = password_step(app, email).await;
        let setup = app.get_with("/account/two-factor", &[("cookie", &session)]).await;
        let secret = setup.texts("#totp-key")[0].clone();
        let stored = person::Entity::find_by_id(id).one(app.db.read()).await.unwrap().unwrap();
        let pending = stored.totp_pending.unwrap();
        assert!(pending.starts_with("v1:") && !pending.contains(&secret), "{pending}");
        let csrf = setup.attr("main form input[name=csrf]", "value").unwrap();
        let on = app
            .post_form("/account/two-factor", &[("csrf", &csrf), ("code", &code_at(&secret, email, 0))], &session)
            .await;
        assert_eq!(on.status, StatusCode::OK, "{}", on.body);
        let stored = person::Entity::find_by_id(id).one(app.db.read()).await.unwrap().unwrap();
        let sealed = stored.totp_secret.unwrap();
        assert!(sealed.starts_with("v1:") && !sealed.contains(&secret), "{sealed}");
        assert!(stored.totp_pending.is_none());
        // Another node, given the same key, checks codes with it.
        let other = app.second_node().await;
        let (pending, _) = password_step(app, email).await;
        let step = app.get_with("/login/two-factor", &[("cookie", &pending)]).await;
        let csrf = step.attr("input[name=csrf]", "value").unwrap();
        let done = other
            .request(form_request("/login/two-factor", &[("csrf", &csrf), ("code", &code_at(&secret, email, 30))], &pending))
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
        assert!(done.cookie("majlis_session").is_some());

        // A secret stored in clear (before sealing) is sealed when a node starts.
        let clear_id = member(app, "clear@example.org").await;
        let clear = common::enable_totp(app, clear_id).await;
        let _third = app.second_node().await;
        let stored = person::Entity::find_by_id(clear_id).one(app.db.read()).await.unwrap().unwrap();
        let sealed = stored.totp_secret.unwrap();
        assert!(sealed.starts_with("v1:") && !sealed.contains(&clear), "{sealed}");
        let (pending, _) = password_step(app, "clear@example.org").await;
        let step = app.get_with("/login/two-factor", &[("cookie", &pending)]).await;
        let csrf = step.attr("input[name=csrf]", "value").unwrap();
        let done = app
            .post_form("/login/two-factor", &[("csrf", &csrf), ("code", &code_at(&clear, "clear@example.org", 0))], &pending)
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    }
);

db_test!(
    async fn rotating_the_secret_key_reseals_every_secret(app) {
        use majlis::accounts::{person, secrets};
        use sea_orm::EntityTrait;
        let email = "rotate@example.org";
        let id = member(app, email).await;
        let clear = common::enable_totp(app, id).await;
        // A node's start seals it under the current key.
        drop(app.second_node().await);
        let old = secrets::load_or_create(&app.settings).unwrap();
        let stored = |app: &TestApp| {
            let db = app.db.clone();
            async move { person::Entity::find_by_id(id).one(db.read()).await.unwrap().unwrap().totp_secret.unwrap() }
        };
        let before = stored(app).await;
        assert_eq!(old.open(&before, id).unwrap(), clear);

        let new = secrets::SecretKey::generate();
        let (n, at) = secrets::rotate(&app.settings, &app.db, &new).await.unwrap();
        assert_eq!(n, 1);
        assert!(matches!(at, secrets::NewKeyAt::File(_)), "{at:?}");
        let after = stored(app).await;
        assert!(after.starts_with("v1:") && after != before);
        assert!(old.open(&after, id).is_err(), "the old key no longer opens it");
        assert_eq!(new.open(&after, id).unwrap(), clear);
        assert_eq!(secrets::load_or_create(&app.settings).unwrap(), new, "the key file holds the new key");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(secrets::key_file(&app.settings)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // A node started with the new key checks codes.
        let other = app.second_node().await;
        let (pending, _) = password_step(app, email).await;
        let step = app.get_with("/login/two-factor", &[("cookie", &pending)]).await;
        let csrf = step.attr("input[name=csrf]", "value").unwrap();
        let done = other
            .request(form_request("/login/two-factor", &[("csrf", &csrf), ("code", &code_at(&clear, email, 0))], &pending))
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

        // A key that does not open the secrets changes nothing.
        let wrong = majlis::config::Settings {
            secret_key: Some(majlis::config::Secret(secrets::SecretKey::generate().to_hex())),
            ..(*app.settings).clone()
        };
        assert!(secrets::rotate(&wrong, &app.db, &secrets::SecretKey::generate()).await.is_err());
        assert_eq!(stored(app).await, after);
    }
);
