//! Action plans on both databases: a plan's steps roll up into its progress
//! and its indicators' attainment shows on its page; bad input keeps what
//! was typed and changes nothing; only editors change a plan; follow-up
//! events attach and detach; a municipality's page lists its plans in a
//! fixed number of queries.
//!
//! The plans here belong to an owner nobody describes (no activity
//! registers a describer for it), so they follow the fallback rule: members
//! read them, staff and the responsible municipality's focal points edit.

mod common;

use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use common::{TestApp, coordinator, focal_point_of, municipality_id, person};
use majlis::audit::Origin;
use majlis::i18n::{Locale, TrText};
use majlis::plans::entities::{indicator, measurement, plan, plan_event, step};
use majlis::plans::rules::{self, StepInput};
use majlis::plans::{Owner, OwnerKind, StepStatus};
use majlis::policy::{Actor, Role};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

/// The owner of a test plan: a members-only project idea led by
/// `municipality` (one per `key`, made once), so members read its plan and
/// the lead's focal points and staff edit it.
async fn owner_led_by(app: &TestApp, municipality: i32, key: &str) -> Owner {
    use majlis::projects::entities::project;
    let key: String = key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug = format!("plans-test-{municipality}-{key}");
    let found = project::Entity::find()
        .filter(project::Column::Slug.eq(slug.as_str()))
        .one(app.db.read())
        .await
        .unwrap();
    let id = match found {
        Some(p) => p.id,
        None => {
            common::stored_project(
                app,
                &slug,
                "Language courses",
                municipality,
                "idea",
                "members",
                &[],
            )
            .await
        }
    };
    Owner {
        kind: OwnerKind::Project,
        id,
    }
}

struct Setup {
    plan: i32,
    focal: String,
    focal_csrf: String,
}

/// The demo network without its illustrative plans (the projects' demo
/// adds three), so that counts in these tests start at zero.
async fn load_demo_without_plans(app: &TestApp) {
    use sea_orm::EntityTrait;
    app.load_demo().await;
    let tx = app.db.begin_write().await.unwrap();
    plan::Entity::delete_many().exec(&tx).await.unwrap();
    tx.commit().await.unwrap();
}

async fn new_plan(app: &TestApp, focal: i32, municipality: i32, title: &str) -> i32 {
    let actor = Actor::with_role(focal, Role::Member, vec![municipality]);
    let origin = Origin {
        actor_id: Some(focal),
        ip: "127.0.0.1".into(),
    };
    let owner = owner_led_by(app, municipality, title).await;
    let new = rules::NewPlan {
        owner,
        municipality: Some(municipality),
        title: Some(TrText::new(Locale::Tr, title).unwrap()),
    };
    rules::create(
        &app.db,
        &majlis::app::plan_owners(),
        &origin,
        &actor,
        new,
        Utc::now(),
    )
    .await
    .unwrap()
}

async fn setup(app: &TestApp) -> Setup {
    load_demo_without_plans(app).await;
    let gaziantep = municipality_id(app, "gaziantep").await;
    let focal = focal_point_of(app, "focal@gaziantep.test", gaziantep).await;
    let plan = new_plan(app, focal, gaziantep, "Dil kursları eylem planı").await;
    let (focal, focal_csrf) = app.session_for(focal).await;
    Setup {
        plan,
        focal,
        focal_csrf,
    }
}

async fn post(
    app: &TestApp,
    s: &Setup,
    path: &str,
    pairs: &[(&str, &str)],
) -> common::TestResponse {
    let mut all = pairs.to_vec();
    all.push(("csrf", &s.focal_csrf));
    app.post_form(path, &all, &s.focal).await
}

async fn steps(app: &TestApp, plan: i32) -> Vec<step::Model> {
    step::Entity::find()
        .filter(step::Column::PlanId.eq(plan))
        .all(app.db.read())
        .await
        .unwrap()
}

/// Texts without Fluent's isolation marks around placeables.
fn plain(texts: Vec<String>) -> Vec<String> {
    texts
        .into_iter()
        .map(|t| t.replace(['\u{2068}', '\u{2069}'], ""))
        .collect()
}

async fn audit_rows(app: &TestApp) -> u64 {
    majlis::audit::entity::Entity::find()
        .count(app.db.read())
        .await
        .unwrap()
}

db_test!(async fn steps_roll_up_and_indicators_show_their_attainment(app) {
    let s = setup(app).await;
    let new_step = format!("/plans/{}/steps/new?in=en", s.plan);
    for (title, status, percent, weight) in [
        ("Course for beginners", "in-progress", "50", "3"),
        ("Teachers hired", "done", "0", "1"),
        ("Evening classes", "cancelled", "0", "5"),
    ] {
        let res = post(app, &s, &new_step, &[
            ("title", title),
            ("starts_on", "2019-03-01"),
            ("due_on", "2019-09-30"),
            ("status", status),
            ("percent", percent),
            ("weight", weight),
        ])
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let page = app.get_with(&format!("/plans/{}", s.plan), &[("cookie", &s.focal)]).await;
    assert_eq!(page.status, StatusCode::OK);
    // (3 × 50 + 1 × 100) / 4 = 62.5 → 63; the cancelled step left out.
    assert_eq!(plain(page.texts(".plan-percent")), ["63 %"]);
    assert_eq!(page.attr("#plan-progress-bar", "value").as_deref(), Some("63"));

    // Waiting weeks from 12 down to 4: the target below the baseline.
    let res = post(app, &s, &format!("/plans/{}/indicators/new?in=en", s.plan), &[
        ("name", "Weeks waiting for a course"),
        ("unit", "weeks"),
        ("baseline_value", "12"),
        ("baseline_on", "2019-01-01"),
        ("target_value", "4"),
        ("target_on", "2020-12-31"),
    ])
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let ind = indicator::Entity::find()
        .filter(indicator::Column::PlanId.eq(s.plan))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let page = app.get_with(&format!("/plans/{}", s.plan), &[("cookie", &s.focal)]).await;
    let attained = format!("#indicator-{} > p strong", ind.id);
    assert_eq!(plain(page.texts(&attained)), ["not measured yet"]);

    for (on, value) in [("2019-06-01", "11"), ("2019-12-01", "10")] {
        let res = post(app, &s, &format!("/plans/{}/measurements/new", s.plan), &[
            ("indicator", &ind.id.to_string()),
            ("measured_on", on),
            ("value", value),
            ("source", "Course register"),
        ])
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
    let page = app.get_with(&format!("/plans/{}", s.plan), &[("cookie", &s.focal)]).await;
    // The latest (10): (10 − 12) / (4 − 12) = 25 %.
    assert_eq!(plain(page.texts(&attained)), ["25 %"]);
    // The timeline and the indicator's chart, each with its table.
    let charts = page.html().select(&scraper::Selector::parse(".chart svg[role=img]").unwrap()).count();
    assert_eq!(charts, 2);
    assert_eq!(page.texts("table tbody tr th[scope=row]").len(), 3 + 4);
    assert!(page.queries() <= 12, "{} queries", page.queries());

    // In Arabic, the charts run right to left.
    let ar = app.get_with(&format!("/plans/{}?lang=ar", s.plan), &[("cookie", &s.focal)]).await;
    assert_eq!(ar.status, StatusCode::OK);
    assert!(ar.body.contains(r#"direction="rtl""#));
});

db_test!(async fn bad_input_keeps_what_was_typed_and_changes_nothing(app) {
    let s = setup(app).await;
    let rows = audit_rows(app).await;
    let res = post(app, &s, &format!("/plans/{}/steps/new?in=de", s.plan), &[
        ("title", "Sprachkurs <A1>"),
        ("owner_text", "Volkshochschule"),
        ("starts_on", "2019-05-01"),
        ("due_on", "2019-04-01"),
        ("status", "in-progress"),
        ("percent", "150"),
        ("weight", "2"),
    ])
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.attr("#i-title", "value").as_deref(), Some("Sprachkurs <A1>"));
    assert_eq!(res.attr("#i-owner_text", "value").as_deref(), Some("Volkshochschule"));
    assert_eq!(res.attr("#i-percent", "value").as_deref(), Some("150"));
    assert_eq!(res.attr("#i-due_on", "aria-invalid").as_deref(), Some("true"));
    let errors = res.texts("#form-errors li");
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[1].contains("0 to 100"), "{errors:?}");

    let res = post(app, &s, &format!("/plans/{}/indicators/new?in=en", s.plan), &[
        ("name", "People trained"),
        ("unit", "people"),
        ("baseline_value", "40"),
        ("baseline_on", "2019-01-01"),
        ("target_value", "40,0"),
        ("target_on", "2020-01-01"),
    ])
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(res.texts("#form-errors li")[0].contains("must differ from the baseline"));
    assert_eq!(res.attr("#i-target_value", "value").as_deref(), Some("40,0"));

    // Translated: the same message in Turkish.
    let res = post(app, &s, &format!("/plans/{}/measurements/new?lang=tr", s.plan), &[
        ("indicator", "999999"),
        ("measured_on", "2019-02-30"),
        ("value", "on iki"),
        ("source", "Kayıt"),
    ])
    .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.attr("#i-value", "value").as_deref(), Some("on iki"));
    assert_eq!(res.attr("#i-source", "value").as_deref(), Some("Kayıt"));
    assert_eq!(res.texts("#form-errors li").len(), 3);
    assert!(res.texts("#form-errors li")[2].contains("Bir sayı yazın"));

    assert!(steps(app, s.plan).await.is_empty());
    let indicators = indicator::Entity::find().count(app.db.read()).await.unwrap();
    let measured = measurement::Entity::find().count(app.db.read()).await.unwrap();
    assert_eq!((indicators, measured), (0, 0));
    assert_eq!(audit_rows(app).await, rows, "nothing was written");
});

db_test!(async fn only_editors_change_a_plan(app) {
    let s = setup(app).await;
    let kilis = municipality_id(app, "kilis").await;
    let other = focal_point_of(app, "focal@kilis.test", kilis).await;
    let member = person(app, "member@example.org", Role::Member).await;
    let staff = coordinator(app, "coordinator@example.org").await;
    let form = format!("/plans/{}/steps/new", s.plan);
    let pairs = [("title", "Kurs"), ("status", "not-started")];
    for who in [other, member] {
        let (cookie, csrf) = app.session_for(who).await;
        let res = app.get_with(&form, &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let mut all = pairs.to_vec();
        all.push(("csrf", &csrf));
        let res = app.post_form(&form, &all, &cookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Members read the plan, without the editing links.
        let page = app.get_with(&format!("/plans/{}", s.plan), &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.attr("a[href^='/plans/'][href*='/steps/new']", "href").is_none());
    }
    assert!(steps(app, s.plan).await.is_empty());
    // Visitors do not see a plan whose owner they may not see.
    assert_eq!(app.get(&format!("/plans/{}", s.plan)).await.status, StatusCode::NOT_FOUND);
    // Staff and the responsible municipality's focal point edit.
    let (cookie, csrf) = app.session_for(staff).await;
    let mut all = pairs.to_vec();
    all.push(("csrf", &csrf));
    let res = app.post_form(&form, &all, &cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.get_with(&format!("/plans/{}", s.plan), &[("cookie", &s.focal)]).await;
    assert!(page.attr("a[href*='/steps/new']", "href").is_some());
    // A step of another plan is not found through this one.
    let gaziantep = municipality_id(app, "gaziantep").await;
    let focal = majlis::accounts::affiliation::Entity::find()
        .filter(majlis::accounts::affiliation::Column::MunicipalityId.eq(gaziantep))
        .filter(majlis::accounts::affiliation::Column::FocalPoint.eq(true))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .person_id;
    let second = new_plan(app, focal, gaziantep, "İkinci plan").await;
    let step_id = steps(app, s.plan).await[0].id;
    let res = app
        .get_with(&format!("/plans/{second}/steps/{step_id}"), &[("cookie", &s.focal)])
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
});

db_test!(async fn a_step_is_edited_in_another_language_and_deleted(app) {
    let s = setup(app).await;
    let editing = rules::as_staff(
        app.db.read(),
        &Actor::with_role(1, Role::Admin, vec![]),
        s.plan,
    )
    .await
    .unwrap();
    let origin = Origin::cli();
    let id = rules::add_step(&app.db, &origin, &editing, StepInput {
        title: TrText::new(Locale::Tr, "Dil kursu").unwrap(),
        owner_text: Some("Halk Eğitim Merkezi".into()),
        owner_municipality_id: None,
        starts_on: NaiveDate::from_ymd_opt(2019, 3, 1),
        due_on: NaiveDate::from_ymd_opt(2019, 6, 30),
        status: StepStatus::InProgress,
        percent: 40,
        weight: 2,
    }, Utc::now())
    .await
    .unwrap();
    let uri = format!("/plans/{}/steps/{id}?in=en", s.plan);
    let page = app.get_with(&uri, &[("cookie", &s.focal)]).await;
    assert_eq!(page.status, StatusCode::OK);
    // The English title is empty; the rest is shown as stored.
    assert_eq!(page.attr("#i-title", "value").as_deref(), Some(""));
    assert_eq!(page.attr("#i-percent", "value").as_deref(), Some("40"));
    let res = post(app, &s, &uri, &[
        ("title", "Language course"),
        ("owner_text", "Halk Eğitim Merkezi"),
        ("starts_on", "2019-03-01"),
        ("due_on", "2019-06-30"),
        ("status", "done"),
        ("percent", "100"),
        ("weight", "2"),
    ])
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let row = step::Entity::find_by_id(id).one(app.db.read()).await.unwrap().unwrap();
    assert_eq!(row.title.get(Locale::Tr), Some("Dil kursu"), "the original is kept");
    assert_eq!(row.title.get(Locale::En), Some("Language course"));
    assert_eq!((row.status.as_str(), row.percent), ("done", 100));
    let changed = majlis::audit::entity::Entity::find()
        .filter(majlis::audit::entity::Column::Action.eq("plan-step-changed"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    assert!(changed.detail.unwrap_or_default().contains("percent: \"40\" → \"100\""));
    // Demo plans say that their figures are illustrative.
    rules::set_illustrative(&app.db, &origin, &editing, true, Utc::now())
        .await
        .unwrap();
    let page = app
        .get_with(&format!("/plans/{}", s.plan), &[("cookie", &s.focal)])
        .await;
    assert!(page.texts("main .notice")[0].contains("illustrative"));
    let res = post(app, &s, &format!("/plans/{}/steps/{id}/delete", s.plan), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert!(steps(app, s.plan).await.is_empty());
});

db_test!(async fn follow_up_events_attach_and_detach(app) {
    let s = setup(app).await;
    let event = majlis::events::entities::event::Entity::find()
        .filter(majlis::events::entities::event::Column::Visibility.eq("public"))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("the demo has public events");
    let attach = format!("/plans/{}/events/new", s.plan);
    let res = post(app, &s, &attach, &[("event", "999999")]).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    let res = post(app, &s, &attach, &[("event", &event.id.to_string())]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let page = app.get_with(&format!("/plans/{}", s.plan), &[("cookie", &s.focal)]).await;
    let link = format!("#events a[href^='/events/{}']", event.slug);
    assert!(page.attr(&link, "href").is_some());
    let res = post(app, &s, &format!("/plans/{}/events/{}/delete", s.plan, event.id), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let left = plan_event::Entity::find().count(app.db.read()).await.unwrap();
    assert_eq!(left, 0);
});

db_test!(async fn a_municipality_page_lists_its_plans_in_fixed_queries(app) {
    load_demo_without_plans(app).await;
    let kilis = municipality_id(app, "kilis").await;
    let focal = focal_point_of(app, "focal@kilis.test", kilis).await;
    let (cookie, _) = app.session_for(focal).await;
    let first = new_plan(app, focal, kilis, "Plan 1").await;
    let editing = rules::as_staff(app.db.read(), &Actor::with_role(1, Role::Admin, vec![]), first)
        .await
        .unwrap();
    let step = |percent| StepInput {
        title: TrText::new(Locale::Tr, "Adım").unwrap(),
        owner_text: None,
        owner_municipality_id: Some(kilis),
        starts_on: None,
        due_on: None,
        status: StepStatus::InProgress,
        percent,
        weight: 1,
    };
    rules::add_step(&app.db, &Origin::cli(), &editing, step(30), Utc::now()).await.unwrap();
    let read = || async {
        app.get_with("/municipalities/kilis", &[("cookie", &cookie)]).await;
        app.get_with("/municipalities/kilis", &[("cookie", &cookie)]).await
    };
    let one = read().await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.texts(".linked-plans li").len(), 1);
    assert!(plain(one.texts(".linked-plans li"))[0].contains("30 %"));
    for n in 2..=50 {
        let id = new_plan(app, focal, kilis, &format!("Plan {n}")).await;
        let editing = rules::as_staff(app.db.read(), &Actor::with_role(1, Role::Admin, vec![]), id)
            .await
            .unwrap();
        rules::add_step(&app.db, &Origin::cli(), &editing, step(n as u8), Utc::now())
            .await
            .unwrap();
    }
    let fifty = read().await;
    assert_eq!(fifty.texts(".linked-plans li").len(), 50);
    assert_eq!(fifty.queries(), one.queries(), "the queries do not grow with the plans");
    // Visitors see none of them (their owner is not described to them).
    let visitor = app.get("/municipalities/kilis").await;
    assert_eq!(visitor.texts(".linked-plans li").len(), 0);
    let plans = plan::Entity::find().count(app.db.read()).await.unwrap();
    assert_eq!(plans, 50);
});

/// A project-like owner for the registry: owner 7 exists, Kilis edits it,
/// members see it.
fn describe_seven<'a>(
    db: &'a sea_orm::DatabaseConnection,
    actor: Option<&'a Actor>,
    ids: &'a [i32],
) -> majlis::plans::owners::Describing<'a> {
    Box::pin(async move {
        use majlis::directory::entities::municipality;
        let kilis = municipality::Entity::find()
            .filter(municipality::Column::Slug.eq("kilis"))
            .one(db)
            .await?
            .map(|m| m.id);
        Ok(ids
            .iter()
            .filter(|id| **id == 7)
            .map(|id| {
                (
                    *id,
                    majlis::plans::owners::OwnerFacts {
                        title: TrText::new(Locale::En, "Language courses").unwrap(),
                        url: "/projects/language-courses".into(),
                        visible_to_actor: actor.is_some(),
                        editor_municipalities: kilis.into_iter().collect(),
                        calendar: None,
                    },
                )
            })
            .collect())
    })
}

/// A node of the same database whose plan owners are described by
/// `describe_seven` (what projects will register).
async fn node_with_owners(
    app: &TestApp,
    owners: majlis::plans::owners::Owners,
) -> (axum::Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = (*app.settings).clone();
    settings.data_dir = dir.path().to_owned();
    if settings.secret_key.is_none() {
        let key = std::fs::read_to_string(app.data_dir().join("secret_key")).unwrap();
        settings.secret_key = Some(majlis::config::Secret(key.trim().to_owned()));
    }
    let mut state = majlis::app::AppState::new(app.db.clone(), std::sync::Arc::new(settings))
        .await
        .unwrap();
    state.services_mut().expect("not shared yet").plan_owners = owners;
    (majlis::app::router(state), dir)
}

async fn post_to(
    router: &axum::Router,
    path: &str,
    pairs: &[(&str, &str)],
    cookie: &str,
) -> common::TestResponse {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    common::respond(
        router,
        axum::http::Request::post(path)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("cookie", cookie)
            .body(axum::body::Body::from(body))
            .unwrap(),
    )
    .await
}

db_test!(async fn a_plan_is_started_for_a_described_owner_by_its_editors(app) {
    load_demo_without_plans(app).await;
    let (router, _dir) = node_with_owners(
        app,
        majlis::plans::owners::Owners::new(vec![(OwnerKind::Project, describe_seven)]),
    )
    .await;
    let kilis = municipality_id(app, "kilis").await;
    let gaziantep = municipality_id(app, "gaziantep").await;
    let fk = focal_point_of(app, "focal@kilis.test", kilis).await;
    let fg = focal_point_of(app, "focal@gaziantep.test", gaziantep).await;
    let (k_cookie, k_csrf) = app.session_for(fk).await;
    let (g_cookie, g_csrf) = app.session_for(fg).await;
    let start = |id: &'static str, csrf: &str| {
        vec![
            ("owner_kind", "project".to_owned()),
            ("owner_id", id.to_owned()),
            ("csrf", csrf.to_owned()),
        ]
    };
    let send = |v: Vec<(&'static str, String)>, cookie: String| {
        let router = router.clone();
        async move {
            let p: Vec<(&str, &str)> = v.iter().map(|(k, v)| (*k, v.as_str())).collect();
            post_to(&router, "/plans", &p, &cookie).await
        }
    };
    // Gaziantep does not edit owner 7; owner 8 is not there.
    let res = send(start("7", &g_csrf), g_cookie.clone()).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = send(start("8", &k_csrf), k_cookie.clone()).await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    // Kilis may not name Gaziantep responsible.
    let mut other = start("7", &k_csrf);
    other.push(("municipality", gaziantep.to_string()));
    let res = send(other, k_cookie.clone()).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(plan::Entity::find().count(app.db.read()).await.unwrap(), 0);
    // Kilis starts it: Kilis responsible, the owner's title.
    let res = send(start("7", &k_csrf), k_cookie.clone()).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let row = plan::Entity::find().one(app.db.read()).await.unwrap().unwrap();
    assert_eq!((row.owner_kind.as_str(), row.owner_id), ("project", 7));
    assert_eq!(row.municipality_id, kilis);
    assert_eq!(row.title.get(Locale::En), Some("Language courses"));
    // Its page links to the owner; visitors may not see the owner.
    let page = common::respond(
        &router,
        axum::http::Request::get(format!("/plans/{}", row.id))
            .header("cookie", &g_cookie)
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.attr(".breadcrumbs a[href^='/projects/language-courses']", "href").is_some());
    assert!(page.attr("a[href*='/steps/new']", "href").is_none(), "Gaziantep does not edit");
    let visitor = common::respond(
        &router,
        axum::http::Request::get(format!("/plans/{}", row.id))
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(visitor.status, StatusCode::NOT_FOUND);
    // Summaries for the owner's page: its plan, none for an owner without.
    let seven = Owner { kind: OwnerKind::Project, id: 7 };
    let eight = Owner { kind: OwnerKind::Project, id: 8 };
    let sums = rules::summaries(app.db.read(), &[seven, eight]).await.unwrap();
    assert_eq!(sums.len(), 1);
    assert_eq!(
        sums[&seven],
        rules::PlanSummary { id: row.id, progress: None, steps: 0, done: 0, illustrative: false }
    );
});

db_test!(async fn a_plan_whose_described_owner_is_left_out_is_not_found_but_for_staff(app) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    app.load_demo().await;
    let (router, _dir) = node_with_owners(
        app,
        majlis::plans::owners::Owners::new(vec![(OwnerKind::Project, describe_seven)]),
    )
    .await;
    let kilis = municipality_id(app, "kilis").await;
    let fk = focal_point_of(app, "focal@kilis.test", kilis).await;
    let (k_cookie, _) = app.session_for(fk).await;
    // Owner 8 of a kind that has a describer, which leaves it out (gone).
    let tx = app.db.begin_write().await.unwrap();
    let gone = plan::ActiveModel {
        owner_kind: Set("project".into()),
        owner_id: Set(8),
        municipality_id: Set(kilis),
        title: Set(TrText::new(Locale::En, "Gone").unwrap()),
        illustrative: Set(false),
        created_by: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let get = |cookie: Option<String>| {
        let router = router.clone();
        let path = format!("/plans/{}", gone.id);
        async move {
            let mut req = axum::http::Request::get(path);
            if let Some(c) = cookie {
                req = req.header("cookie", c);
            }
            common::respond(&router, req.body(axum::body::Body::empty()).unwrap()).await
        }
    };
    // Not even the focal points of its responsible municipality see it.
    assert_eq!(get(Some(k_cookie.clone())).await.status, StatusCode::NOT_FOUND);
    assert_eq!(get(None).await.status, StatusCode::NOT_FOUND);
    let staff = coordinator(app, "staff@plans.test").await;
    let (s_cookie, _) = app.session_for(staff).await;
    assert_eq!(get(Some(s_cookie)).await.status, StatusCode::OK);
    // On a node where no activity describes the kind, a plan stays readable
    // by members (orphan).
    let (bare, _bare_dir) = node_with_owners(app, majlis::plans::owners::Owners::default()).await;
    let orphan = new_plan(app, fk, kilis, "Orphan").await;
    let req = axum::http::Request::get(format!("/plans/{orphan}")).header("cookie", k_cookie.clone());
    let res = common::respond(&bare, req.body(axum::body::Body::empty()).unwrap()).await;
    assert_eq!(res.status, StatusCode::OK);
});

db_test!(async fn steps_without_a_start_date_come_last(app) {
    app.load_demo().await;
    let kilis = municipality_id(app, "kilis").await;
    let focal = focal_point_of(app, "focal@kilis.test", kilis).await;
    let id = new_plan(app, focal, kilis, "Sıra").await;
    let admin = Actor::with_role(1, Role::Admin, vec![]);
    let editing = rules::as_staff(app.db.read(), &admin, id).await.unwrap();
    for (title, starts_on) in [
        ("undated", None),
        ("later", NaiveDate::from_ymd_opt(2027, 1, 1)),
        ("sooner", NaiveDate::from_ymd_opt(2026, 6, 1)),
    ] {
        let input = StepInput {
            title: TrText::new(Locale::En, title).unwrap(),
            owner_text: None,
            owner_municipality_id: Some(kilis),
            starts_on,
            due_on: None,
            status: StepStatus::NotStarted,
            percent: 0,
            weight: 1,
        };
        rules::add_step(&app.db, &Origin::cli(), &editing, input, Utc::now()).await.unwrap();
    }
    let owners = majlis::plans::owners::Owners::default();
    let plan = rules::readable(app.db.read(), &owners, Some(&admin), id).await.unwrap();
    let detail = rules::detail(app.db.read(), Some(&admin), plan).await.unwrap();
    let titles: Vec<_> =
        detail.steps.iter().map(|s| s.title.get(Locale::En).unwrap_or_default()).collect();
    assert_eq!(titles, ["sooner", "later", "undated"]);
});

db_test!(async fn a_step_is_stored_with_the_percent_it_counts_for(app) {
    app.load_demo().await;
    let kilis = municipality_id(app, "kilis").await;
    let focal = focal_point_of(app, "focal@kilis.test", kilis).await;
    let id = new_plan(app, focal, kilis, "Yüzde").await;
    let admin = Actor::with_role(1, Role::Admin, vec![]);
    let editing = rules::as_staff(app.db.read(), &admin, id).await.unwrap();
    for (status, percent, stored) in [
        (StepStatus::Done, 70, 100),
        (StepStatus::NotStarted, 40, 0),
        (StepStatus::InProgress, 40, 40),
    ] {
        let input = StepInput {
            title: TrText::new(Locale::En, "Step").unwrap(),
            owner_text: None,
            owner_municipality_id: Some(kilis),
            starts_on: None,
            due_on: None,
            status,
            percent,
            weight: 1,
        };
        let step_id =
            rules::add_step(&app.db, &Origin::cli(), &editing, input, Utc::now()).await.unwrap();
        let row = step::Entity::find_by_id(step_id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(row.percent, stored, "{status:?} {percent}");
    }
});

/// A plan of `owner` started through the rules by `actor` (the node's
/// owner registry).
async fn start(
    app: &TestApp,
    actor: &Actor,
    owner: Owner,
    municipality: i32,
) -> Result<i32, majlis::plans::error::PlanError> {
    let new = rules::NewPlan {
        owner,
        municipality: Some(municipality),
        title: None,
    };
    rules::create(
        &app.db,
        &majlis::app::plan_owners(),
        &Origin::cli(),
        actor,
        new,
        Utc::now(),
    )
    .await
}

db_test!(async fn an_owner_has_one_plan_and_starting_it_again_finds_it(app) {
    load_demo_without_plans(app).await;
    let kilis = municipality_id(app, "kilis").await;
    let focal = focal_point_of(app, "focal@kilis.test", kilis).await;
    let actor = Actor::with_role(focal, Role::Member, vec![kilis]);
    let owner = owner_led_by(app, kilis, "one").await;
    let first = start(app, &actor, owner, kilis).await.unwrap();
    // A second start (a double submit) answers the same plan.
    assert_eq!(start(app, &actor, owner, kilis).await.unwrap(), first);
    // Two at once (a race): one plan, both told its id.
    let other = owner_led_by(app, kilis, "race").await;
    let (a, b) = tokio::join!(start(app, &actor, other, kilis), start(app, &actor, other, kilis));
    assert_eq!(a.unwrap(), b.unwrap());
    let of = |o: Owner| {
        plan::Entity::find()
            .filter(plan::Column::OwnerKind.eq("project"))
            .filter(plan::Column::OwnerId.eq(o.id))
            .count(app.db.read())
    };
    assert_eq!(of(owner).await.unwrap(), 1);
    assert_eq!(of(other).await.unwrap(), 1);
    // The database refuses a second plan of an owner, whoever writes it.
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let tx = app.db.begin_write().await.unwrap();
    let twin = plan::ActiveModel {
        owner_kind: Set("project".into()),
        owner_id: Set(owner.id),
        municipality_id: Set(kilis),
        title: Set(TrText::new(Locale::En, "Twin").unwrap()),
        illustrative: Set(false),
        created_by: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&tx)
    .await;
    assert!(twin.is_err(), "a second plan of one owner");
    drop(tx);
    // The form sent twice leads both times to the one plan.
    let (cookie, csrf) = app.session_for(focal).await;
    let third = owner_led_by(app, kilis, "form").await;
    let id = third.id.to_string();
    let form = [("owner_kind", "project"), ("owner_id", id.as_str()), ("csrf", csrf.as_str())];
    let one = app.post_form("/plans", &form, &cookie).await;
    let two = app.post_form("/plans", &form, &cookie).await;
    assert_eq!(one.status, StatusCode::SEE_OTHER, "{}", one.body);
    assert_eq!(two.status, StatusCode::SEE_OTHER, "{}", two.body);
    assert_eq!(one.header("location"), two.header("location"));
    assert_eq!(of(third).await.unwrap(), 1);
});

db_test!(async fn the_rules_check_the_owner_whoever_calls_them(app) {
    load_demo_without_plans(app).await;
    let kilis = municipality_id(app, "kilis").await;
    let gaziantep = municipality_id(app, "gaziantep").await;
    let fk = focal_point_of(app, "focal@kilis.test", kilis).await;
    let fg = focal_point_of(app, "focal@gaziantep.test", gaziantep).await;
    let owner = owner_led_by(app, kilis, "rules").await;
    let k = Actor::with_role(fk, Role::Member, vec![kilis]);
    let g = Actor::with_role(fg, Role::Member, vec![gaziantep]);
    use majlis::plans::error::PlanError;
    // Gaziantep's focal point may not start Kilis's idea's plan, not even
    // naming Gaziantep responsible.
    assert!(matches!(start(app, &g, owner, gaziantep).await, Err(PlanError::Forbidden)));
    // Kilis may not name Gaziantep; an owner nobody describes is not found.
    assert!(matches!(start(app, &k, owner, gaziantep).await, Err(PlanError::BadValues(_))));
    let nobody = Owner { kind: OwnerKind::Project, id: 999_999 };
    assert!(matches!(start(app, &k, nobody, kilis).await, Err(PlanError::NotFound)));
    assert_eq!(plan::Entity::find().count(app.db.read()).await.unwrap(), 0);
    let id = start(app, &k, owner, kilis).await.unwrap();
    let row = plan::Entity::find_by_id(id).one(app.db.read()).await.unwrap().unwrap();
    assert_eq!(row.title.get(Locale::En), Some("Language courses"), "the owner's title");
});

db_test!(async fn concurrent_edits_in_two_languages_keep_both(app) {
    let s = setup(app).await;
    let admin = Actor::with_role(1, Role::Admin, vec![]);
    let editing = rules::as_staff(app.db.read(), &admin, s.plan).await.unwrap();
    let input = StepInput {
        title: TrText::new(Locale::Tr, "Öğretmen seçimi").unwrap(),
        owner_text: None,
        owner_municipality_id: None,
        starts_on: None,
        due_on: None,
        status: StepStatus::NotStarted,
        percent: 0,
        weight: 1,
    };
    let id = rules::add_step(&app.db, &Origin::cli(), &editing, input, Utc::now()).await.unwrap();
    let original = steps(app, s.plan).await.pop().unwrap().title;
    // Two editors open the form on the same stored step, in two languages.
    let form = |title: &str| {
        majlis::fields::form::RawForm(vec![
            ("title".to_owned(), title.to_owned()),
            ("status".to_owned(), "not-started".to_owned()),
        ])
    };
    let en = rules::input::parse_step(&form("Choosing teachers"), Locale::En, Some(&original), &[]).unwrap();
    let fr = rules::input::parse_step(&form("Choix des enseignants"), Locale::Fr, Some(&original), &[]).unwrap();
    rules::update_step(&app.db, &Origin::cli(), &editing, id, en, Locale::En, Utc::now()).await.unwrap();
    rules::update_step(&app.db, &Origin::cli(), &editing, id, fr, Locale::Fr, Utc::now()).await.unwrap();
    let title = steps(app, s.plan).await.pop().unwrap().title;
    assert_eq!(title.get(Locale::Tr), Some("Öğretmen seçimi"));
    assert_eq!(title.get(Locale::En), Some("Choosing teachers"));
    assert_eq!(title.get(Locale::Fr), Some("Choix des enseignants"));
    // The same for a milestone and an indicator.
    let m = rules::add_milestone(&app.db, &Origin::cli(), &editing, rules::MilestoneInput {
        title: TrText::new(Locale::Tr, "Açılış").unwrap(),
        due_on: NaiveDate::from_ymd_opt(2019, 9, 1).unwrap(),
        reached_on: None,
    }, Utc::now()).await.unwrap();
    let stored = majlis::plans::entities::milestone::Entity::find_by_id(m).one(app.db.read()).await.unwrap().unwrap();
    let m_form = |t: &str| majlis::fields::form::RawForm(vec![
        ("title".to_owned(), t.to_owned()),
        ("due_on".to_owned(), "2019-09-01".to_owned()),
    ]);
    let de = rules::input::parse_milestone(&m_form("Eröffnung"), Locale::De, Some(&stored.title)).unwrap();
    let ar = rules::input::parse_milestone(&m_form("الافتتاح"), Locale::Ar, Some(&stored.title)).unwrap();
    rules::update_milestone(&app.db, &Origin::cli(), &editing, m, de, Locale::De, Utc::now()).await.unwrap();
    rules::update_milestone(&app.db, &Origin::cli(), &editing, m, ar, Locale::Ar, Utc::now()).await.unwrap();
    let after = majlis::plans::entities::milestone::Entity::find_by_id(m).one(app.db.read()).await.unwrap().unwrap();
    assert_eq!(after.title.get(Locale::De), Some("Eröffnung"));
    assert_eq!(after.title.get(Locale::Ar), Some("الافتتاح"));
    let i = rules::add_indicator(&app.db, &Origin::cli(), &editing, rules::IndicatorInput {
        name: TrText::new(Locale::Tr, "Katılımcılar").unwrap(),
        unit: "kişi".into(),
        baseline_value: 0.0,
        baseline_on: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
        target_value: 100.0,
        target_on: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
    }, Utc::now()).await.unwrap();
    let stored = indicator::Entity::find_by_id(i).one(app.db.read()).await.unwrap().unwrap();
    let i_form = |t: &str| majlis::fields::form::RawForm(vec![
        ("name".to_owned(), t.to_owned()),
        ("unit".to_owned(), "kişi".to_owned()),
        ("baseline_value".to_owned(), "0".to_owned()),
        ("baseline_on".to_owned(), "2019-01-01".to_owned()),
        ("target_value".to_owned(), "100".to_owned()),
        ("target_on".to_owned(), "2020-01-01".to_owned()),
    ]);
    let en = rules::input::parse_indicator(&i_form("Participants"), Locale::En, Some(&stored.name)).unwrap();
    let de = rules::input::parse_indicator(&i_form("Teilnehmende"), Locale::De, Some(&stored.name)).unwrap();
    rules::update_indicator(&app.db, &Origin::cli(), &editing, i, en, Locale::En, Utc::now()).await.unwrap();
    rules::update_indicator(&app.db, &Origin::cli(), &editing, i, de, Locale::De, Utc::now()).await.unwrap();
    let after = indicator::Entity::find_by_id(i).one(app.db.read()).await.unwrap().unwrap();
    assert_eq!(after.name.get(Locale::En), Some("Participants"));
    assert_eq!(after.name.get(Locale::De), Some("Teilnehmende"));
});

db_test!(async fn follow_up_events_show_their_dates_as_the_events_pages_do(app) {
    use majlis::events::entities::event;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let s = setup(app).await;
    let admin = Actor::with_role(1, Role::Admin, vec![]);
    let editing = rules::as_staff(app.db.read(), &admin, s.plan).await.unwrap();
    let e = event::Entity::find().one(app.db.read()).await.unwrap().unwrap();
    rules::attach_event(&app.db, &Origin::cli(), &editing, e.id, Utc::now()).await.unwrap();
    let set = |tz: &str, approximate: bool| {
        let mut m: event::ActiveModel = e.clone().into();
        m.timezone = Set(tz.to_owned());
        // 20:00–22:00 UTC on 11 February 2019: the next morning in Tokyo.
        m.starts_at = Set("2019-02-11T20:00:00Z".parse().unwrap());
        m.ends_at = Set("2019-02-11T22:00:00Z".parse().unwrap());
        m.date_approximate = Set(approximate);
        async move {
            let tx = app.db.begin_write().await.unwrap();
            m.update(&tx).await.unwrap();
            tx.commit().await.unwrap();
        }
    };
    set("Asia/Tokyo", false).await;
    let page = app.get_with(&format!("/plans/{}?lang=en", s.plan), &[("cookie", &s.focal)]).await;
    assert_eq!(page.status, StatusCode::OK);
    let shown = plain(page.texts(".plan-events li")).join(" ");
    assert!(shown.contains("12 February 2019, 05:00–07:00"), "{shown}");
    set("Asia/Tokyo", true).await;
    let page = app.get_with(&format!("/plans/{}?lang=en", s.plan), &[("cookie", &s.focal)]).await;
    let shown = plain(page.texts(".plan-events li")).join(" ");
    assert!(shown.contains("February 2019"), "{shown}");
    assert!(!shown.contains("2019-02-1"), "{shown}");
});

db_test!(async fn the_migration_keeps_duplicate_plans_as_orphans_and_restricts_deletes(app) {
    use majlis::db::migrations::Migrator;
    use majlis::directory::entities::{country, municipality};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
    use sea_orm_migration::MigratorTrait;
    let dir = tempfile::tempdir().unwrap();
    let (conn, pg_name) = common::fresh_db(app, dir.path()).await;
    // The database as it was before: every migration up to the projects'.
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261205_000019_plan_owners")
        .unwrap() as u32;
    Migrator::up(&conn, Some(before)).await.unwrap();
    let now = Utc::now();
    country::ActiveModel {
        code: Set("TR".into()),
        alpha3: Set("TUR".into()),
        name: Set(TrText::new(Locale::En, "Türkiye").unwrap()),
    }
    .insert(&conn)
    .await
    .unwrap();
    // Inserted without reading the row back: the entity has columns later
    // migrations add.
    let town = municipality::Entity::insert(municipality::ActiveModel {
        slug: Set("kilis".into()),
        kind: Set("municipality".into()),
        name: Set(TrText::new(Locale::Tr, "Kilis").unwrap()),
        country_code: Set("TR".into()),
        region: Set(None),
        population: Set(None),
        population_year: Set(None),
        refugees_hosted: Set(None),
        refugees_year: Set(None),
        member_since: Set(None),
        profile: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .exec(&conn)
    .await
    .unwrap()
    .last_insert_id;
    let mut ids = Vec::new();
    for (owner, title) in [(7, "First"), (7, "Second"), (7, "Third"), (8, "Other")] {
        let p = plan::ActiveModel {
            owner_kind: Set("project".into()),
            owner_id: Set(owner),
            municipality_id: Set(town),
            title: Set(TrText::new(Locale::En, title).unwrap()),
            illustrative: Set(false),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&conn)
        .await
        .unwrap();
        step::ActiveModel {
            plan_id: Set(p.id),
            title: Set(TrText::new(Locale::En, "Step").unwrap()),
            owner_text: Set(None),
            owner_municipality_id: Set(None),
            starts_on: Set(None),
            due_on: Set(None),
            status: Set("not-started".into()),
            percent: Set(0),
            weight: Set(1),
            ..Default::default()
        }
        .insert(&conn)
        .await
        .unwrap();
        ids.push(p.id);
    }
    Migrator::up(&conn, None).await.unwrap();
    // Nothing lost: the oldest keeps its owner, the others are orphans.
    let rows = plan::Entity::find().all(&conn).await.unwrap();
    assert_eq!(rows.len(), 4);
    let kind_of = |id: i32| rows.iter().find(|p| p.id == id).unwrap().owner_kind.clone();
    assert_eq!(kind_of(ids[0]), "project");
    assert_eq!(kind_of(ids[1]), majlis::plans::ORPHAN_KIND);
    assert_eq!(kind_of(ids[2]), majlis::plans::ORPHAN_KIND);
    assert_eq!(kind_of(ids[3]), "project");
    assert_eq!(step::Entity::find().count(&conn).await.unwrap(), 4, "steps kept");
    // An orphan is an owner nobody describes.
    let orphan = rows.iter().find(|p| p.id == ids[1]).unwrap();
    assert_eq!(rules::owner_of(orphan), None);
    // Deleting the municipality is refused; its plans stay.
    let gone = municipality::Entity::delete_by_id(town).exec(&conn).await;
    assert!(gone.is_err(), "a municipality with plans is not deleted");
    assert_eq!(plan::Entity::find().count(&conn).await.unwrap(), 4);
    // A second plan of owner 7 is refused by the database.
    let twin = plan::ActiveModel {
        owner_kind: Set("project".into()),
        owner_id: Set(7),
        municipality_id: Set(town),
        title: Set(TrText::new(Locale::En, "Twin").unwrap()),
        illustrative: Set(false),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&conn)
    .await;
    assert!(twin.is_err());
    if app.backend == common::Backend::Sqlite {
        let fk = conn.query_one_raw(sea_orm::Statement::from_string(
            sea_orm::DatabaseBackend::Sqlite,
            "PRAGMA foreign_keys",
        )).await.unwrap().unwrap().try_get_by_index::<i64>(0).unwrap();
        assert_eq!(fk, 1, "foreign keys back on");
    }
    let _ = conn.close().await;
    if let Some(name) = pg_name {
        let a = sea_orm::Database::connect(&common::postgres_admin_url()).await.unwrap();
        let _ = a.execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")).await;
    }
});
