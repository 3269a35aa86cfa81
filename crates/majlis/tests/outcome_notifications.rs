//! Project ideas, survey campaigns and published cohesion dashboards reach
//! the followers of their themes and municipalities through the same outbox
//! and consumer as practices and events, and never reach someone who may not
//! see them.

mod common;

use chrono::Utc;
use common::{municipality_id, person, stored_project};
use majlis::db::outbox::{self, Op};
use majlis::follows::{Target, TargetKind};
use majlis::i18n::{Locale, TrText};
use majlis::notifications::entities::notification;
use majlis::policy::Role;
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};

async fn notices(app: &common::TestApp, person: i32) -> Vec<(String, String)> {
    notification::Entity::find()
        .filter(notification::Column::PersonId.eq(person))
        .all(app.db.read())
        .await
        .unwrap()
        .into_iter()
        .map(|n| (n.kind, n.url))
        .collect()
}

/// A survey campaign in `status`, asking `municipality`, written as the
/// surveys activity writes one (with its outbox row).
async fn survey(app: &common::TestApp, slug: &str, status: &str, municipality: i32) {
    use majlis::surveys::entities::{survey, target};
    let now = Utc::now();
    let tx = app.db.begin_write().await.unwrap();
    let s = survey::ActiveModel {
        id: NotSet,
        slug: Set(slug.to_owned()),
        title: Set(TrText::new(Locale::En, "Housing needs 2027").unwrap()),
        description: Set(None),
        status: Set(status.to_owned()),
        results_audience: Set("members".to_owned()),
        opens_at: Set(Some(now)),
        closes_at: Set(None),
        event_id: Set(None),
        synthetic: Set(false),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&tx)
    .await
    .unwrap();
    target::ActiveModel {
        survey_id: Set(s.id),
        municipality_id: Set(municipality),
        reminded_at: Set(None),
    }
    .insert(&tx)
    .await
    .unwrap();
    outbox::record(&tx, "survey", s.id, Op::Created)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// A municipality's cohesion dashboard published or not, as the cohesion
/// activity records the choice.
async fn dashboard(app: &common::TestApp, municipality: i32, published: bool) {
    use majlis::cohesion::entities::setting;
    let tx = app.db.begin_write().await.unwrap();
    setting::Entity::delete_by_id(municipality)
        .exec(&tx)
        .await
        .unwrap();
    setting::ActiveModel {
        municipality_id: Set(municipality),
        published: Set(published),
        by_name: Set(false),
        updated_at: Set(Utc::now()),
    }
    .insert(&tx)
    .await
    .unwrap();
    outbox::record(&tx, "cohesion-setting", municipality, Op::Updated)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

db_test!(
    async fn ideas_surveys_and_dashboards_reach_followers_who_may_see_them(app) {
        app.load_demo().await;
        let now = Utc::now();
        // What the demo itself announced is not this test's business.
        majlis::notifications::consumer::catch_up(&app.db, now).await.unwrap();
        let follower = person(app, "follower@example.org", Role::Member).await;
        let (watched, quiet) = (
            municipality_id(app, "oberhausen").await,
            municipality_id(app, "leeds").await,
        );
        for m in [watched, quiet] {
            majlis::follows::rules::follow(&app.db, follower, Target::new(TargetKind::Municipality, m), now)
                .await
                .unwrap();
        }
        stored_project(app, "shared-kitchens", "Shared kitchens", watched, "concept", "public", &[]).await;
        stored_project(app, "closed-circle", "A participants' idea", watched, "concept", "participants", &[]).await;
        survey(app, "housing-2027", "open", watched).await;
        survey(app, "housing-draft", "draft", watched).await;
        dashboard(app, watched, true).await;
        dashboard(app, quiet, false).await;
        majlis::notifications::consumer::catch_up(&app.db, now).await.unwrap();

        let mut got = notices(app, follower).await;
        got.sort();
        assert_eq!(
            got,
            vec![
                ("cohesion-published".to_owned(), "/municipalities/oberhausen/cohesion".to_owned()),
                ("project-new".to_owned(), "/projects/shared-kitchens".to_owned()),
                ("survey-new".to_owned(), "/surveys/housing-2027".to_owned()),
            ],
            "the participants-only idea, the draft survey and the unpublished dashboard tell nobody"
        );

        // Written in the reader's language, grouped like the others.
        let (cookie, _) = app.session_for(follower).await;
        let page = app
            .get_with("/notifications", &[("cookie", &cookie), ("accept-language", "en")])
            .await;
        assert_eq!(page.status, 200);
        // Fluent isolates each placeable (U+2068 … U+2069): read without them.
        let text: String = page
            .texts("main")
            .join(" ")
            .chars()
            .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
            .collect();
        for heading in [
            "A new project idea from",
            "A survey opened for",
            "published its social-cohesion self-assessment",
        ] {
            assert!(text.contains(heading), "{heading:?} not in {text}");
        }
        let ar = app
            .get_with("/notifications", &[("cookie", &cookie), ("accept-language", "ar")])
            .await;
        assert!(ar.texts("main").join(" ").contains("فكرة مشروع جديدة"));

        // A second round, and a dashboard published again, tell nothing new.
        dashboard(app, watched, true).await;
        majlis::notifications::consumer::catch_up(&app.db, now).await.unwrap();
        assert_eq!(notices(app, follower).await.len(), 3);
    }
);
