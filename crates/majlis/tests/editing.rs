//! A focal point edits their municipality's profile; nobody else's.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use majlis::accounts::policy::Role;
use majlis::accounts::{Email, Password, affiliation, people, session, signin};
use majlis::directory::entities::municipality;
use majlis::i18n::Locale;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

async fn municipality_id(app: &TestApp, slug: &str) -> i32 {
    municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A focal point of `slug`, signed in: (cookie, csrf).
async fn focal_point(app: &TestApp, slug: &str) -> (String, String) {
    let p = people::create(
        &app.db,
        &Email::parse(&format!("focal@{slug}.example.org")).unwrap(),
        "Focal point",
        Role::Member,
        Locale::Tr,
        &Password::parse("kilis is a good city".into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap();
    let id = municipality_id(app, slug).await;
    let token = signin::random_token();
    let csrf = signin::random_token();
    let tx = app.db.begin_write().await.unwrap();
    affiliation::ActiveModel {
        person_id: Set(p.id),
        municipality_id: Set(Some(id)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(true),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    session::ActiveModel {
        token_hash: Set(signin::hash_token(&token)),
        person_id: Set(p.id),
        csrf_token: Set(csrf.clone()),
        created_at: Set(Utc::now()),
        last_seen_at: Set(Utc::now()),
        ip: Set("127.0.0.1".into()),
        user_agent: Set("test".into()),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    (format!("majlis_session={token}"), csrf)
}

db_test!(
    async fn a_focal_point_edits_their_municipality(app) {
        app.load_demo().await;
        let (cookie, csrf) = focal_point(app, "kilis").await;
        let page = app.get_with("/municipalities/kilis", &[("cookie", &cookie)]).await;
        assert_eq!(
            page.attr("a.button-link", "href").as_deref(),
            Some("/municipalities/kilis/edit"),
            "the page offers the edit link to its focal point"
        );
        let other = app.get_with("/municipalities/sahinbey", &[("cookie", &cookie)]).await;
        assert!(other.attr("a.button-link", "href").is_none());

        let form = app.get_with("/municipalities/kilis/edit", &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK);
        assert_eq!(form.attr("#name-tr", "value").as_deref(), Some("Kilis"));

        // Bad figures: 400, nothing saved, what was typed stays.
        let bad = app.post_form("/municipalities/kilis/edit",
            &[
                ("csrf", &csrf),
                ("orig", "tr"),
                ("name_tr", "Kilis Belediyesi"),
                ("population", "many"),
                ("population_year", "2019"),
            ],
            &cookie,
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad.attr("#f-population", "value").as_deref(), Some("many"));
        assert_eq!(bad.attr("#name-tr", "value").as_deref(), Some("Kilis Belediyesi"));
        assert_eq!(bad.attr("#f-population", "aria-invalid").as_deref(), Some("true"));
        let unchanged = app.get("/municipalities/kilis").await;
        assert!(!unchanged.body.contains("Kilis Belediyesi"));

        let saved = app.post_form("/municipalities/kilis/edit",
            &[
                ("csrf", &csrf),
                ("orig", "tr"),
                ("name_tr", "Kilis Belediyesi"),
                ("name_ar", "بلدية كلس"),
                ("profile_tr", "Sınır kenti; Merhamet Ekibi ile sosyal uyum."),
                ("population", "145,826"),
                ("population_year", "2022"),
                ("theme", "1"),
            ],
            &cookie,
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let shown = app.get("/municipalities/kilis?lang=ar").await;
        assert!(shown.texts("h1")[0].contains("بلدية كلس"), "{:?}", shown.texts("h1"));
        let profile = shown.texts(".profile p");
        assert!(profile[0].contains("Sınır kenti"), "{profile:?}");
        assert!(shown.body.contains("145,826"));
        // The list (cached before) shows the change too.
        let list = app.get("/municipalities?country=TR&lang=ar").await;
        assert!(list.body.contains("بلدية كلس"));

        // Someone else's municipality: refused by URL and by form.
        let refused = app.get_with("/municipalities/sahinbey/edit", &[("cookie", &cookie)]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let refused = app.post_form("/municipalities/sahinbey/edit",
            &[("csrf", &csrf), ("orig", "tr"), ("name_tr", "Taken over")],
            &cookie,
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(!app.get("/municipalities/sahinbey").await.body.contains("Taken over"));
        // The change is in the audit log, with who and from where.
        let (coordinator_cookie, _) = {
            let c = people::create(
                &app.db,
                &Email::parse("coordinator@example.org").unwrap(),
                "Coordinator",
                Role::Coordinator,
                Locale::En,
                &Password::parse("coordination matters".into()).unwrap(),
                Utc::now(),
            )
            .await
            .unwrap();
            common::enable_totp(app, c.id).await;
            app.session_for(c.id).await
        };
        let kilis = municipality_id(app, "kilis").await.to_string();
        let log = app
            .get_with(
                &format!("/audit?object=municipality&object_id={kilis}"),
                &[("cookie", &coordinator_cookie)],
            )
            .await;
        assert_eq!(log.status, StatusCode::OK);
        let rows = log.texts("tbody tr");
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].contains("profile-edited") && rows[0].contains("focal@kilis.example.org"), "{rows:?}");
        let bad = app.get_with("/audit?from=yesterday", &[("cookie", &coordinator_cookie)]).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let none = app
            .get_with("/audit?from=2001-01-01&to=2001-12-31", &[("cookie", &coordinator_cookie)])
            .await;
        assert!(none.texts("tbody tr").is_empty());
        // Without the token, nothing changes either.
        let forged = app.post_form("/municipalities/kilis/edit",
            &[("orig", "tr"), ("name_tr", "Forged")],
            &cookie,
        )
        .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
    }
);
