//! Coordinators change people's affiliations: a focal point's rights follow
//! at once; bad choices change nothing; only coordinators may. Both databases.

mod common;
use common::municipality_id;

use axum::http::StatusCode;
use common::TestApp;
use majlis::accounts::affiliation;
use majlis::policy::Role;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn ties(app: &TestApp, person_id: i32) -> Vec<affiliation::Model> {
    affiliation::Entity::find()
        .filter(affiliation::Column::PersonId.eq(person_id))
        .all(app.db.read())
        .await
        .unwrap()
}

db_test!(
    async fn coordinators_change_affiliations_and_rights_follow(app) {
        app.load_demo().await;
        let coord = common::person(app, "coord@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let member = common::person(app, "member@example.org", Role::Member).await;
        let sahinbey = municipality_id(app, "sahinbey").await;
        let (cc, ccsrf) = app.session_for(coord).await;
        let (mc, mcsrf) = app.session_for(member).await;
        let path = format!("/people/{member}/affiliations");
        assert_eq!(app.get_with(&path, &[("cookie", &cc)]).await.status, StatusCode::OK);
        assert_eq!(app.get_with("/municipalities/sahinbey/edit", &[("cookie", &mc)]).await.status, StatusCode::FORBIDDEN);

        // Bad choices: a translated message, nothing stored.
        let r = app.post_form(&path, &[("csrf", &ccsrf), ("action", "add"), ("to", "m:999999")], &cc).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(r.body.contains("Choose a municipality or an organisation from the list."));
        let long = "x".repeat(201);
        let r = app
            .post_form(&path, &[("csrf", &ccsrf), ("action", "add"), ("to", &format!("m:{sahinbey}")), ("position", &long)], &cc)
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(ties(app, member).await.is_empty());
        // Only coordinators.
        let r = app
            .post_form(&path, &[("csrf", &mcsrf), ("action", "add"), ("to", &format!("m:{sahinbey}")), ("focal_point", "yes")], &mc)
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(ties(app, member).await.is_empty());

        // Focal point of Şahinbey: the profile can be edited at once.
        let r = app
            .post_form(
                &path,
                &[("csrf", &ccsrf), ("action", "add"), ("to", &format!("m:{sahinbey}")), ("focal_point", "yes"), ("position", "Head of social services")],
                &cc,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let t = ties(app, member).await;
        assert_eq!(t.len(), 1);
        assert!(t[0].focal_point);
        assert_eq!(t[0].position.as_ref().unwrap().original(), "Head of social services");
        assert_eq!(app.get_with("/municipalities/sahinbey/edit", &[("cookie", &mc)]).await.status, StatusCode::OK);
        assert_eq!(app.get_with("/municipalities/gaziantep/edit", &[("cookie", &mc)]).await.status, StatusCode::FORBIDDEN);
        let page = app.get_with(&path, &[("cookie", &cc)]).await;
        assert!(page.body.contains("Head of social services"));

        // Removed: the rights go with it. The same id through another person's page is not found.
        let other = common::person(app, "other@example.org", Role::Member).await;
        let r = app
            .post_form(&path, &[("csrf", &ccsrf), ("action", "remove"), ("affiliation", &t[0].id.to_string())], &cc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(ties(app, member).await.is_empty());
        assert_eq!(app.get_with("/municipalities/sahinbey/edit", &[("cookie", &mc)]).await.status, StatusCode::FORBIDDEN);
        let again = app
            .post_form(&format!("/people/{other}/affiliations"), &[("csrf", &ccsrf), ("action", "remove"), ("affiliation", &t[0].id.to_string())], &cc)
            .await;
        assert_eq!(again.status, StatusCode::NOT_FOUND);
        let audit = majlis::audit::entity::Entity::find()
            .filter(majlis::audit::entity::Column::Action.is_in(["affiliation-added", "affiliation-removed"]))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(audit, 2);
    }
);
