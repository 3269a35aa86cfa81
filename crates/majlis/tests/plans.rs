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

/// The owner of the tests' plans: a members-only project idea led by
/// `municipality` (made once), so members read its plans and the lead's
/// focal points and staff edit them.
async fn owner_led_by(app: &TestApp, municipality: i32) -> Owner {
    use majlis::projects::entities::project;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let slug = format!("plans-test-{municipality}");
    let found = project::Entity::find()
        .filter(project::Column::Slug.eq(slug.as_str()))
        .one(app.db.read())
        .await
        .unwrap();
    let id = match found {
        Some(p) => p.id,
        None => {
            let now = Utc::now();
            let tx = app.db.begin_write().await.unwrap();
            let p = project::ActiveModel {
                slug: Set(slug),
                title: Set(TrText::new(Locale::En, "Language courses").unwrap()),
                problem: Set(None),
                objectives: Set(None),
                activities: Set(None),
                status: Set("idea".into()),
                drop_reason: Set(None),
                visibility: Set("members".into()),
                lead_municipality_id: Set(municipality),
                event_id: Set(None),
                session_id: Set(None),
                dilemma_id: Set(None),
                programme: Set(None),
                programme_countries: Set(String::new()),
                partners_sought: Set(Default::default()),
                version: Set(1),
                illustrative: Set(false),
                created_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&tx)
            .await
            .unwrap();
            tx.commit().await.unwrap();
            p.id
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
    let owner = owner_led_by(app, municipality).await;
    rules::create(
        &app.db,
        &origin,
        &actor,
        owner,
        municipality,
        TrText::new(Locale::Tr, title).unwrap(),
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
    state.plan_owners = owners;
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
