//! Plans aimed at cohesion indicators on both databases: started from an
//! indicator of the latest wave (baseline = its score), refused with bad
//! input or by the policy (nothing created), measured by a later wave
//! (met or not by hand-checked numbers), a rescored wave replacing its
//! measurement, shared once as a draft practice; the demo's two plans.

mod common;

use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use common::{TestApp, coordinator, focal_point_of, municipality_id};
use majlis::cohesion::entities::{plan as cohesion_plan, wave};
use majlis::cohesion::plans::{Measure, PlanStatus, status};
use majlis::cohesion::scoring::WaveScores;
use majlis::plans::entities::{indicator as plan_indicator, measurement};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};

const GAZIANTEP: &str = "/municipalities/gaziantep/cohesion/plans/trust_municipality";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn measure(score: Option<f64>, comparable: bool) -> Measure {
    Measure {
        wave_id: 1,
        label: "w".into(),
        fielded_on: day(2025, 4, 30),
        n: 80,
        score,
        comparable,
    }
}

#[test]
fn status_by_hand() {
    let due = day(2026, 6, 30);
    let before = day(2026, 1, 1);
    let after = day(2026, 7, 1);
    // Upwards: 40 → 50.
    assert_eq!(
        status(40.0, 50.0, due, before, &[]),
        PlanStatus::NotMeasured
    );
    assert_eq!(
        status(40.0, 50.0, due, before, &[measure(Some(50.0), true)]),
        PlanStatus::Met
    );
    assert_eq!(
        status(40.0, 50.0, due, before, &[measure(Some(49.9), true)]),
        PlanStatus::NotYetMet
    );
    assert_eq!(
        status(40.0, 50.0, due, after, &[measure(Some(49.9), true)]),
        PlanStatus::NotMet
    );
    // The latest measured wave decides; a wave without a score is skipped.
    assert_eq!(
        status(
            40.0,
            50.0,
            due,
            after,
            &[
                measure(Some(55.0), true),
                measure(Some(45.0), true),
                measure(None, true)
            ]
        ),
        PlanStatus::NotMet
    );
    // Downwards (pressure on services): 60 → 50.
    assert_eq!(
        status(60.0, 50.0, due, after, &[measure(Some(49.0), true)]),
        PlanStatus::Met
    );
    assert_eq!(
        status(60.0, 50.0, due, before, &[measure(Some(51.0), true)]),
        PlanStatus::NotYetMet
    );
    // Changed items: not comparable, whatever the score.
    assert_eq!(
        status(40.0, 50.0, due, before, &[measure(Some(90.0), false)]),
        PlanStatus::NotComparable
    );
}

/// The latest wave of a municipality and its scores.
async fn latest(app: &TestApp, slug: &str) -> (wave::Model, WaveScores) {
    let m = municipality_id(app, slug).await;
    let w = wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(m))
        .order_by_desc(wave::Column::Number)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let s = serde_json::from_value(w.scores.clone().unwrap()).unwrap();
    (w, s)
}

/// Store a new wave after `w` whose indicator `key` scores `score` (the
/// other figures copied), as scoring stores it; the new wave.
async fn later_wave(
    app: &TestApp,
    w: &wave::Model,
    scores: &WaveScores,
    key: &str,
    score: f64,
    n: u64,
    fingerprint: Option<&str>,
) -> wave::Model {
    let mut s = scores.clone();
    for f in s.indicators.iter_mut().filter(|f| f.key == key) {
        f.score = Some(score);
        f.n = n;
        if let Some(fp) = fingerprint {
            f.fingerprint = fp.to_owned();
        }
    }
    let tx = app.db.begin_write().await.unwrap();
    let new = wave::ActiveModel {
        municipality_id: Set(w.municipality_id),
        framework_id: Set(w.framework_id),
        survey_id: Set(None),
        number: Set(w.number + 1),
        label: Set(format!("{} bis", w.label)),
        fielded_on: Set(w.fielded_on + chrono::Duration::days(180)),
        n: Set(0),
        weights: Set(None),
        scores: Set(None),
        synthetic: Set(true),
        scored_at: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    majlis::cohesion::rules::store(&tx, &new, &s, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    new
}

/// Store wave `w` again with indicator `key` at `score` (a rescoring).
async fn rescore(app: &TestApp, w: &wave::Model, scores: &WaveScores, key: &str, score: f64) {
    let mut s = scores.clone();
    for f in s.indicators.iter_mut().filter(|f| f.key == key) {
        f.score = Some(score);
    }
    let tx = app.db.begin_write().await.unwrap();
    majlis::cohesion::rules::store(&tx, w, &s, Utc::now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

async fn plans_count(app: &TestApp) -> u64 {
    cohesion_plan::Entity::find()
        .count(app.db.read())
        .await
        .unwrap()
}

db_test!(
    async fn a_plan_starts_from_an_indicator_and_a_later_wave_meets_it(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let (w3, s3) = latest(app, "gaziantep").await;
        let baseline = s3.indicator("trust_municipality").unwrap().score.unwrap();

        // The dashboard offers it, the page shows the baseline.
        let dash = app
            .get_with("/municipalities/gaziantep/cohesion", &[("cookie", &cookie)])
            .await;
        let link = dash.attr("#indicator-trust_municipality td.plan-link a", "href").unwrap();
        assert!(link.starts_with(GAZIANTEP), "{link}");
        let form = app.get_with(GAZIANTEP, &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert_eq!(form.texts(".plan-baseline")[0], format!("{baseline:.0}"));

        // Bad input: a translated message, what was typed kept, nothing made.
        let before = plans_count(app).await;
        for (target, on, field) in [
            ("150", "2030-01-01", "target"),
            ("abc", "2030-01-01", "target"),
            ("", "2030-01-01", "target"),
            ("80", "someday", "target_on"),
            ("80", "2020-01-01", "target_on"),
        ] {
            let res = app
                .post_form(
                    &format!("{GAZIANTEP}?lang=fr"),
                    &[("csrf", &csrf), ("target", target), ("target_on", on), ("title", "Mon plan")],
                    &cookie,
                )
                .await;
            assert_eq!(res.status, StatusCode::BAD_REQUEST, "{target} {on}");
            assert_eq!(res.attr(&format!("#i-{field}"), "aria-invalid").as_deref(), Some("true"));
            assert_eq!(res.attr("#i-target", "value").as_deref(), Some(target));
            assert_eq!(res.attr("#i-title", "value").as_deref(), Some("Mon plan"));
            assert!(!res.texts("#form-errors li").is_empty());
            assert!(res.body.contains("Indiquez") || res.body.contains("obligatoire") || res.body.contains("doit"), "French: {}", res.body);
        }
        assert_eq!(plans_count(app).await, before, "nothing created");

        // Started: baseline = the wave's score, target and date kept.
        let target = (baseline + 5.0).round().min(100.0);
        let target_text = format!("{target:.0}");
        let res = app
            .post_form(
                GAZIANTEP,
                &[("csrf", &csrf), ("target", &target_text), ("target_on", "2030-12-31")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(plans_count(app).await, before + 1);
        let row = cohesion_plan::Entity::find()
            .filter(cohesion_plan::Column::MunicipalityId.eq(g))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.baseline_wave_id, w3.id);
        let ind = plan_indicator::Entity::find_by_id(row.plan_indicator_id.unwrap())
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(ind.baseline_value, baseline);
        assert_eq!(ind.target_value, target);
        assert_eq!(ind.baseline_on, w3.fielded_on);
        let page = app.get_with(GAZIANTEP, &[("cookie", &cookie)]).await;
        assert_eq!(page.texts(".plan-status")[0], "Not measured yet");
        assert_eq!(page.texts(".plan-target")[0], target_text);
        // Starting again opens the same plan.
        let again = app
            .post_form(GAZIANTEP, &[("csrf", &csrf), ("target", "99"), ("target_on", "2031-01-01")], &cookie)
            .await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert_eq!(plans_count(app).await, before + 1, "the same plan");

        // A later wave half a point short: not yet met (before the date).
        let w4 = later_wave(app, &w3, &s3, "trust_municipality", target - 0.5, 77, None).await;
        let measured = || async {
            measurement::Entity::find()
                .filter(measurement::Column::IndicatorId.eq(ind.id))
                .all(app.db.read())
                .await
                .unwrap()
        };
        let m = measured().await;
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value, target - 0.5);
        let page = app.get_with(GAZIANTEP, &[("cookie", &cookie)]).await;
        assert_eq!(page.texts(".plan-status")[0], "Not yet met");
        assert_eq!(page.texts("td.measure-n"), vec!["77"]);
        // Rescored at the target: replaced, not added; met.
        let (_, s4) = latest(app, "gaziantep").await;
        rescore(app, &w4, &s4, "trust_municipality", target).await;
        let m = measured().await;
        assert_eq!(m.len(), 1, "replaced");
        assert_eq!(m[0].value, target);
        let page = app.get_with(GAZIANTEP, &[("cookie", &cookie)]).await;
        assert_eq!(page.texts(".plan-status")[0], "Target met");
        assert_eq!(page.texts("td.measure-score"), vec![target_text.clone()]);
        // The visitor sees the published plan, not the share button.
        let visitor = app.get(GAZIANTEP).await;
        assert_eq!(visitor.status, StatusCode::OK);
        assert!(visitor.attr("form.share-practice", "method").is_none());

        // Shared as a practice: one draft, owned by the person, the second
        // click opens it.
        let practices = majlis::library::entities::practice::Entity::find()
            .count(app.db.read())
            .await
            .unwrap();
        let share = format!("{GAZIANTEP}/practice");
        // A double click: both at once answer the same draft, and the loser's
        // draft is not left behind.
        let fields = [("csrf", csrf.as_str())];
        let (first, twin) = tokio::join!(
            app.post_form(&share, &fields, &cookie),
            app.post_form(&share, &fields, &cookie),
        );
        assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
        let to = first.header("location").unwrap().to_owned();
        assert!(to.starts_with("/practices/"), "{to}");
        assert_eq!(twin.header("location"), Some(to.as_str()));
        let second = app.post_form(&share, &[("csrf", &csrf)], &cookie).await;
        assert_eq!(second.header("location"), Some(to.as_str()));
        let after = majlis::library::entities::practice::Entity::find()
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(after, practices + 1, "one draft");
        let p = majlis::library::entities::practice::Entity::find()
            .order_by_desc(majlis::library::entities::practice::Column::Id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(p.status, "draft");
        assert_eq!(p.author_id, Some(own));
        assert_eq!(p.municipality_id, Some(g));
        let summary = p.summary.as_ref().map(|t| t.original().to_owned()).unwrap_or_default();
        assert!(summary.contains("Trust in the municipality"), "{summary}");
        assert!(summary.contains(&format!("{baseline:.0}")) && summary.contains(&target_text), "{summary}");

        // Changed items in a later wave: not comparable, and not measured.
        let (w5, s5) = latest(app, "gaziantep").await;
        later_wave(app, &w5, &s5, "trust_municipality", 99.0, 60, Some("changed")).await;
        let page = app.get_with(GAZIANTEP, &[("cookie", &cookie)]).await;
        assert!(page.texts(".plan-status")[0].starts_with("Not comparable"));
        assert_eq!(measured().await.len(), 1);
    }
);

db_test!(
    async fn another_municipality_may_not_plan_nor_share(app) {
        app.load_demo().await;
        let kilis = municipality_id(app, "kilis").await;
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (cookie, csrf) = app.session_for(other).await;
        let before = plans_count(app).await;
        let res = app
            .post_form(GAZIANTEP, &[("csrf", &csrf), ("target", "90"), ("target_on", "2030-01-01")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get_with(GAZIANTEP, &[("cookie", &cookie)]).await.status, StatusCode::FORBIDDEN);
        assert_eq!(plans_count(app).await, before, "nothing created");
        // Nor share another's met plan.
        let share = app
            .post_form("/municipalities/sanliurfa/cohesion/plans/x/practice", &[("csrf", &csrf)], &cookie)
            .await;
        assert!(share.status.is_client_error());
        let (key, _) = demo_plan(app, "sanliurfa").await;
        let share = app
            .post_form(
                &format!("/municipalities/sanliurfa/cohesion/plans/{key}/practice"),
                &[("csrf", &csrf)],
                &cookie,
            )
            .await;
        assert_eq!(share.status, StatusCode::FORBIDDEN);
        // A coordinator may plan for any municipality.
        let staff = coordinator(app, "coordinator@example.org").await;
        let (sc, st) = app.session_for(staff).await;
        let res = app
            .post_form(GAZIANTEP, &[("csrf", &st), ("target", "90"), ("target_on", "2030-01-01")], &sc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // An unpublished dashboard's indicators: not found for others.
        let hidden = "/municipalities/sahinbey/cohesion/plans/trust_municipality";
        assert_eq!(app.get_with(hidden, &[("cookie", &cookie)]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(hidden).await.status, StatusCode::NOT_FOUND);
    }
);

/// The demo plan of a municipality: its indicator key and page.
async fn demo_plan(app: &TestApp, slug: &str) -> (String, String) {
    let m = municipality_id(app, slug).await;
    let row = cohesion_plan::Entity::find()
        .filter(cohesion_plan::Column::MunicipalityId.eq(m))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no demo plan for {slug}"));
    let key = row.indicator_key.clone();
    (
        key.clone(),
        format!("/municipalities/{slug}/cohesion/plans/{key}"),
    )
}

db_test!(
    async fn the_demo_has_a_plan_met_and_one_not_met(app) {
        app.load_demo().await;
        let again = app.load_demo().await;
        assert_eq!((again.created, again.updated), (0, 0), "loading twice adds nothing");
        assert_eq!(plans_count(app).await, 2);
        let (_, urfa) = demo_plan(app, "sanliurfa").await;
        let page = app.get(&urfa).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert_eq!(page.texts(".plan-status")[0], "Target met");
        assert_eq!(page.texts("td.measure-n").len(), 2, "two later waves, each with n");
        let (_, amman) = demo_plan(app, "amman").await;
        let page = app.get(&amman).await;
        assert!(page.texts(".plan-status")[0].starts_with("Not met"), "{:?}", page.texts(".plan-status"));
        // Each plan is measured once per later wave.
        let m = measurement::Entity::find()
            .filter(measurement::Column::Source.starts_with("cohesion-wave:"))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(m, 4);
        // The dashboard links the plan to visitors.
        let dash = app.get("/municipalities/sanliurfa/cohesion").await;
        assert_eq!(dash.texts("td.plan-link a").len(), 1);
        // The plan's own page (steps, milestones) names the indicator's page.
        let m = municipality_id(app, "sanliurfa").await;
        let row = cohesion_plan::Entity::find()
            .filter(cohesion_plan::Column::MunicipalityId.eq(m))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let plan = app.get(&format!("/plans/{}", row.plan_id.unwrap())).await;
        assert_eq!(plan.status, StatusCode::OK, "{}", plan.body);
        assert!(plan.body.contains(&format!("href=\"{urfa}")), "{}", plan.body);
        let ar = app.get(&format!("{urfa}?lang=ar")).await;
        assert_eq!(ar.attr("html", "dir").as_deref(), Some("rtl"));
        assert!(ar.body.contains("تحقق الهدف"));
    }
);

db_test!(
    async fn the_dashboard_prints_as_pdf_in_the_readers_language(app) {
        app.load_demo().await;
        let en = app.get("/municipalities/sanliurfa/cohesion.pdf").await;
        assert_eq!(en.status, StatusCode::OK, "{}", en.body);
        assert_eq!(en.header("content-type"), Some("application/pdf"));
        let text = common::pdf_text(&en.bytes);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Cohesion index"), "{flat}");
        assert!(flat.contains("Trust in the municipality"), "{flat}");
        assert!(flat.contains("Trend across waves"), "{flat}");
        assert!(flat.contains("2026"), "the waves: {flat}");
        let ar = app.get("/municipalities/sanliurfa/cohesion.pdf?lang=ar").await;
        assert_eq!(ar.status, StatusCode::OK);
        let text = common::pdf_text(&ar.bytes);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("مؤشر التماسك"), "{flat}");
        // Wherever the page is not found, so is the PDF.
        assert_eq!(app.get("/municipalities/sahinbey/cohesion.pdf").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/municipalities/nowhere/cohesion.pdf").await.status, StatusCode::NOT_FOUND);
        let kilis = municipality_id(app, "kilis").await;
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (cookie, _) = app.session_for(other).await;
        let res = app.get_with("/municipalities/sahinbey/cohesion.pdf", &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "another municipality");
        let sahinbey = municipality_id(app, "sahinbey").await;
        let own = focal_point_of(app, "sahinbey@example.org", sahinbey).await;
        let (cookie, _) = app.session_for(own).await;
        let res = app.get_with("/municipalities/sahinbey/cohesion.pdf", &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::OK, "its focal point");
        // The page links it.
        let page = app.get("/municipalities/sanliurfa/cohesion?lang=ar").await;
        assert_eq!(
            page.attr("a.pdf-link", "href").as_deref(),
            Some("/municipalities/sanliurfa/cohesion.pdf?lang=ar")
        );
    }
);

db_test!(
    async fn my_data_gives_the_cohesion_plans_i_started(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let (w3, s3) = latest(app, "gaziantep").await;
        let baseline = s3.indicator("trust_municipality").unwrap().score.unwrap();
        let target = (baseline + 5.0).round().min(100.0);
        let res = app
            .post_form(
                GAZIANTEP,
                &[("csrf", &csrf), ("target", &format!("{target:.0}")), ("target_on", "2030-12-31"), ("title", "Open council hours")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // A later wave reaching the target: met.
        later_wave(app, &w3, &s3, "trust_municipality", target, 90, None).await;

        let data = app.get_with("/account/data", &[("cookie", &cookie)]).await;
        assert_eq!(data.status, StatusCode::OK, "{}", data.body);
        let j = data.json();
        let plans = j["cohesion_plans"].as_array().unwrap();
        assert_eq!(plans.len(), 1, "{plans:?}");
        let p = &plans[0];
        assert_eq!(p["municipality"], "gaziantep");
        assert_eq!(p["indicator"], "trust_municipality");
        assert_eq!(p["indicator_name"]["values"]["en"], "Trust in the municipality");
        assert_eq!(p["title"]["values"]["en"], "Open council hours");
        assert_eq!(p["baseline"].as_f64(), Some(baseline));
        assert_eq!(p["baseline_on"], w3.fielded_on.to_string());
        assert_eq!(p["baseline_wave"]["number"], w3.number);
        assert_eq!(p["target"].as_f64(), Some(target));
        assert_eq!(p["target_on"], "2030-12-31");
        assert_eq!(p["status"], "met");
        assert_eq!(p["latest"]["score"].as_f64(), Some(target));
        assert_eq!(p["latest"]["n"], 90);
        assert_eq!(p["started_by_you"], true);
        assert_eq!(
            p["url"],
            "/municipalities/gaziantep/cohesion/plans/trust_municipality"
        );

        // Someone else's data names none of it, nor do the demo's plans
        // (made by nobody) appear in anyone's.
        let staff = coordinator(app, "coordinator@example.org").await;
        let (sc, _) = app.session_for(staff).await;
        let theirs = app.get_with("/account/data", &[("cookie", &sc)]).await.json();
        assert_eq!(theirs["cohesion_plans"].as_array().map(Vec::len), Some(0));
    }
);
