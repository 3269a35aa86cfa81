//! Joining by invitation, from the coordinator's form to the new member's
//! first page, with the email read from its `.eml` file.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use majlis::accounts::{Email, Password, affiliation, invitation, people};
use majlis::directory::entities::municipality;
use majlis::i18n::Locale;
use majlis::policy::Role;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

async fn coordinator(app: &TestApp) -> (String, String) {
    let p = people::create(
        &app.db,
        &Email::parse("coordinator@example.org").unwrap(),
        "Janette",
        Role::Coordinator,
        Locale::En,
        &Password::parse("coordination matters".into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap();
    common::enable_totp(app, p.id).await;
    app.session_for(p.id).await
}

fn link_token(mail: &str) -> String {
    let start = mail.find("/invitation/").expect("a link") + "/invitation/".len();
    mail[start..start + 32].to_owned()
}

db_test!(
    async fn a_coordinator_invites_a_focal_point_who_joins(app) {
        app.load_demo().await;
        let sahinbey = municipality::Entity::find()
            .filter(municipality::Column::Slug.eq("sahinbey"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let (cookie, csrf) = coordinator(app).await;
        let form = app.get_with("/people/invite", &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.attr("#role option[value=admin]", "value").is_none(), "coordinators cannot invite admins");

        let id = sahinbey.id.to_string();
        let sent = app.post_form("/people/invite",
            &[
                ("csrf", &csrf),
                ("email", "Sakir.Aktar@Sahinbey.bel.tr"),
                ("role", "member"),
                ("municipality", &id),
                ("focal_point", "1"),
                ("locale", "tr"),
            ],
            &cookie,
        )
        .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        let list = app
            .get_with(sent.header("location").unwrap(), &[("cookie", &cookie)])
            .await;
        assert!(list.texts(".notice")[0].contains("sakir.aktar@sahinbey.bel.tr"));

        assert!(app.mails().is_empty(), "queued, not sent during the request");
        assert_eq!(app.deliver_mail().await, 1);
        let mail = app.mails().pop().expect("an .eml file");
        assert!(mail.contains("To: sakir.aktar@sahinbey.bel.tr") || mail.contains("<sakir.aktar@sahinbey.bel.tr>"), "{mail}");
        assert!(mail.contains("Subject: "), "{mail}");
        assert!(!mail.contains("Your invitation"), "written in Turkish, the recipient's locale");
        let token = link_token(&mail);

        // The visitor opens the link, chooses a name and a password.
        let page = app.get(&format!("/invitation/{token}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
        let visitor_csrf = page.attr("input[name=csrf]", "value").unwrap();
        let visitor = app.csrf_cookie(&visitor_csrf);
        let mismatch = app.post_form(&format!("/invitation/{token}"),
            &[("csrf", &visitor_csrf), ("name", "Şakir Aktar"), ("password", "a good long phrase"), ("password_again", "another phrase")],
            &visitor,
        )
        .await;
        assert_eq!(mismatch.status, StatusCode::BAD_REQUEST);
        assert_eq!(mismatch.attr("#name", "value").as_deref(), Some("Şakir Aktar"), "kept");
        let common = app.post_form(&format!("/invitation/{token}"),
            &[("csrf", &visitor_csrf), ("name", "Şakir Aktar"), ("password", "password123"), ("password_again", "password123")],
            &visitor,
        )
        .await;
        assert_eq!(common.status, StatusCode::BAD_REQUEST);
        let joined = app.post_form(&format!("/invitation/{token}"),
            &[("csrf", &visitor_csrf), ("name", "Şakir Aktar"), ("password", "a good long phrase"), ("password_again", "a good long phrase")],
            &visitor,
        )
        .await;
        assert_eq!(joined.status, StatusCode::SEE_OTHER, "{}", joined.body);
        let me = joined.cookie(app.settings.session_cookie()).map(|t| app.session_cookie(&t)).expect("signed in");
        let account = app.get_with("/account", &[("cookie", &me)]).await;
        assert_eq!(account.status, StatusCode::OK);
        assert!(account.body.contains("sakir.aktar@sahinbey.bel.tr"));

        let person = majlis::accounts::person::Entity::find()
            .filter(majlis::accounts::person::Column::Email.eq("sakir.aktar@sahinbey.bel.tr"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!((person.role.as_str(), person.locale.as_str()), ("member", "tr"));
        let aff = affiliation::Entity::find()
            .filter(affiliation::Column::PersonId.eq(person.id))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!((aff.municipality_id, aff.focal_point), (Some(sahinbey.id), true));

        // Single use.
        let again = app.get(&format!("/invitation/{token}")).await;
        assert_eq!(again.status, StatusCode::GONE);
        assert!(again.attr("#password", "type").is_none(), "no form on a used link");
        let reuse = app.post_form(&format!("/invitation/{token}"),
            &[("csrf", &visitor_csrf), ("name", "Someone"), ("password", "a good long phrase"), ("password_again", "a good long phrase")],
            &visitor,
        )
        .await;
        assert_eq!(reuse.status, StatusCode::GONE);
        assert!(reuse.cookie(app.settings.session_cookie()).map(|t| app.session_cookie(&t)).is_none());
    }
);

db_test!(
    async fn expired_unknown_and_bad_invitations(app) {
        let (cookie, csrf) = coordinator(app).await;
        // Bad email: the form comes back with what was typed.
        let bad = app.post_form("/people/invite",
            &[("csrf", &csrf), ("email", "not an email"), ("role", "expert"), ("municipality", ""), ("locale", "en")],
            &cookie,
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad.attr("#email", "value").as_deref(), Some("not an email"));
        assert_eq!(bad.texts(".form-error").len(), 1);
        // An existing account cannot be invited again.
        let taken = app.post_form("/people/invite",
            &[("csrf", &csrf), ("email", "coordinator@example.org"), ("role", "expert"), ("municipality", ""), ("locale", "en")],
            &cookie,
        )
        .await;
        assert_eq!(taken.status, StatusCode::CONFLICT);
        assert_eq!(app.deliver_mail().await, 0, "nothing queued for refused invitations");
        assert!(app.mails().is_empty(), "nothing sent for refused invitations");

        let ok = app.post_form("/people/invite",
            &[("csrf", &csrf), ("email", "expert@example.org"), ("role", "expert"), ("municipality", ""), ("locale", "ar")],
            &cookie,
        )
        .await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(app.deliver_mail().await, 1);
        let token = link_token(&app.mails().pop().unwrap());
        // Eight days later the link no longer works.
        let inv = invitation::Entity::find().one(app.db.read()).await.unwrap().unwrap();
        let tx = app.db.begin_write().await.unwrap();
        let mut am: invitation::ActiveModel = inv.into();
        am.expires_at = Set(Utc::now() - chrono::Duration::days(1));
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        let expired = app.get(&format!("/invitation/{token}?lang=ar")).await;
        assert_eq!(expired.status, StatusCode::GONE);
        assert_eq!(expired.attr("html", "dir").as_deref(), Some("rtl"));
        let unknown = app.get("/invitation/0123456789abcdef0123456789abcdef").await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert_eq!(unknown.texts(".form-error").len(), 1);
    }
);
