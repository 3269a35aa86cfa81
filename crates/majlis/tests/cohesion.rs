//! The social-cohesion self-assessment on both databases: the demo's waves
//! and dashboards, the benchmark hidden under five peers, who may read an
//! unpublished dashboard, resident answers kept from other municipalities,
//! the municipality's choices, and the stored scores against a fresh
//! scoring of the stored answers.

mod common;

use axum::http::StatusCode;
use common::{coordinator, focal_point_of, municipality_id};
use majlis::cohesion::entities::{framework, wave};
use majlis::cohesion::rules::FrameworkView;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

db_test!(
    async fn a_published_dashboard_shows_scores_trend_and_benchmark(app) {
        app.load_demo().await;
        let page = app.get("/municipalities/sanliurfa/cohesion").await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.texts("h1")[0].contains("Sanliurfa"), "{:?}", page.texts("h1"));
        assert!(page.body.contains("Synthetic data"), "labelled synthetic");
        assert!(page.attr("#domains svg", "role").as_deref() == Some("img"), "radar chart");
        assert!(page.attr("#trend svg", "role").as_deref() == Some("img"), "trend chart");
        // Three waves, each with its n.
        let n = page.texts("#trend tbody td.wave-n");
        assert_eq!(n.len(), 3, "{n:?}");
        assert!(n.iter().all(|v| v.parse::<u32>().is_ok_and(|x| x >= 50)), "{n:?}");
        // The whole network: five other municipalities have waves, so every
        // indicator shows the median.
        let medians = page.texts("#indicators td.median");
        assert_eq!(medians.len(), 13, "{medians:?}");
        assert!(page.texts("#indicators .benchmark-hidden").is_empty());
        // Five domains and the items with their instruments.
        assert_eq!(page.texts("#domains tbody tr").len(), 5);
        assert!(page.body.contains("SCORE (UNDP/SeeD)"));
        assert!(page.body.contains("UNDP/ARK tension monitoring"));
        // Queries: version, municipality, choices, waves, frameworks, peers,
        // the plans aimed at its indicators.
        assert_eq!(page.queries(), 7, "bounded, whatever the waves, peers and plans");

        // In Turkey only three peers have waves: hidden, with the reason.
        let tr = app.get("/municipalities/sanliurfa/cohesion?peers=country").await;
        assert_eq!(tr.status, StatusCode::OK);
        assert!(tr.texts("#indicators td.median").is_empty());
        let hidden = tr.texts("#indicators .benchmark-hidden");
        assert_eq!(hidden.len(), 13);
        assert!(hidden[0].contains("fewer than"), "{hidden:?}");
        assert_eq!(tr.attr("#peers option[selected]", "value").as_deref(), Some("country"));
        let bad = app.get("/municipalities/sanliurfa/cohesion?peers=planets").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);

        // The municipality's page links its dashboard, once published.
        let m = app.get("/municipalities/sanliurfa").await;
        let link = m.attr(".linked-cohesion a", "href").unwrap_or_default();
        assert!(link.starts_with("/municipalities/sanliurfa/cohesion"), "{link}");
        assert!(m.texts(".linked-cohesion li")[0].contains("/ 100"));
        let hidden = app.get("/municipalities/sahinbey").await;
        assert!(hidden.attr(".linked-cohesion a", "href").is_none(), "not published");

        // Arabic: the page is right to left and translated.
        let ar = app.get("/municipalities/sanliurfa/cohesion?lang=ar").await;
        assert_eq!(ar.attr("html", "dir").as_deref(), Some("rtl"));
        assert!(ar.body.contains("مؤشر التماسك"));
        // Wave dates in the reader's language, one style with the rest of
        // the platform (the waves were fielded on 30 April).
        let trend_en: Vec<String> = page.texts("#trend tbody td").into_iter().filter(|t| t.contains("April")).collect();
        assert_eq!(trend_en, ["30 April 2024", "30 April 2025", "30 April 2026"]);
        assert!(ar.texts("#trend tbody td").iter().any(|t| t == "30 أبريل 2026"), "{:?}", ar.texts("#trend tbody td"));
        assert!(!page.body.contains("2026-04-30"), "no ISO date on the page");
    }
);

db_test!(
    async fn the_json_gives_waves_with_benchmarks_or_reasons(app) {
        app.load_demo().await;
        let res = app.get("/api/v1/municipalities/gaziantep/cohesion").await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let j = res.json();
        assert_eq!(j["synthetic"], true);
        let waves = j["waves"].as_array().unwrap();
        assert_eq!(waves.len(), 3);
        for w in waves {
            assert!(w["n"].as_i64().unwrap() >= 50);
            assert_eq!(w["domains"].as_array().unwrap().len(), 5);
            assert_eq!(w["indicators"].as_array().unwrap().len(), 13);
            assert!(w["index"]["score"].as_f64().is_some());
        }
        assert_eq!(waves[2]["index"]["benchmark"]["status"], "shown");
        assert_eq!(waves[2]["index"]["benchmark"]["peers"], 5);
        assert_eq!(waves[0]["index"]["benchmark"]["status"], "earlier-wave");
        assert_eq!(waves[0]["index"]["comparable"], true, "one framework version");
        let tr = app.get("/api/v1/municipalities/gaziantep/cohesion?peers=country").await.json();
        let b = &tr["waves"][2]["indicators"][0]["benchmark"];
        assert_eq!(b["status"], "too-few-peers");
        assert_eq!(b["peers"], 3);
        assert_eq!(b["needed"], 5);
    }
);

db_test!(
    async fn an_unpublished_dashboard_is_seen_only_by_its_municipality_and_staff(app) {
        app.load_demo().await;
        let sahinbey = municipality_id(app, "sahinbey").await;
        let kilis = municipality_id(app, "kilis").await;
        for path in [
            "/municipalities/sahinbey/cohesion",
            "/api/v1/municipalities/sahinbey/cohesion",
        ] {
            assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "visitor: {path}");
        }
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (other, _) = app.session_for(other).await;
        let own = focal_point_of(app, "sahinbey@example.org", sahinbey).await;
        let (own, _) = app.session_for(own).await;
        let staff = coordinator(app, "coordinator@example.org").await;
        let (staff, _) = app.session_for(staff).await;
        for path in [
            "/municipalities/sahinbey/cohesion",
            "/api/v1/municipalities/sahinbey/cohesion",
        ] {
            for (who, cookie, expected) in [
                ("another municipality", &other, StatusCode::NOT_FOUND),
                ("its focal point", &own, StatusCode::OK),
                ("a coordinator", &staff, StatusCode::OK),
            ] {
                let res = app.get_with(path, &[("cookie", cookie.as_str())]).await;
                assert_eq!(res.status, expected, "{who}: {path}");
            }
        }
        let mine = app.get_with("/municipalities/sahinbey/cohesion", &[("cookie", &own)]).await;
        assert!(mine.body.contains("Not published"));
        assert!(mine.attr("#choices form", "method").is_some(), "its focal point may publish");
        // An unpublished municipality is still inside the anonymous
        // benchmark, never named.
        let g = app.get("/municipalities/gaziantep/cohesion").await;
        assert!(!g.body.contains("/municipalities/sahinbey/cohesion"));
    }
);

db_test!(
    async fn residents_answers_stay_with_the_municipality_and_coordinators(app) {
        app.load_demo().await;
        let kilis = municipality_id(app, "kilis").await;
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (other, _) = app.session_for(other).await;
        let staff = coordinator(app, "coordinator@example.org").await;
        let (staff, _) = app.session_for(staff).await;
        let survey = "/surveys/cohesion-sahinbey-2025";
        for path in [
            format!("{survey}/answers.csv"),
            format!("{survey}/answers.xlsx"),
            format!("{survey}/results"),
            format!("/api/v1{survey}/results"),
        ] {
            let status = app.get_with(&path, &[("cookie", &other)]).await.status;
            assert!(status.is_client_error(), "another municipality: {path} {status}");
            assert!(app.get(&path).await.status.is_client_error(), "a visitor: {path}");
        }
        let csv = app.get_with(&format!("{survey}/answers.csv"), &[("cookie", &staff)]).await;
        assert_eq!(csv.status, StatusCode::OK, "coordinators read them");
        // The published dashboard shows no answer, only figures.
        let page = app.get("/municipalities/kilis/cohesion").await;
        assert!(!page.body.contains("dont_know"));
    }
);

db_test!(
    async fn a_municipality_publishes_and_names_itself(app) {
        app.load_demo().await;
        let sahinbey = municipality_id(app, "sahinbey").await;
        let kilis = municipality_id(app, "kilis").await;
        let own = focal_point_of(app, "sahinbey@example.org", sahinbey).await;
        let (cookie, csrf) = app.session_for(own).await;
        let path = "/municipalities/sahinbey/cohesion";
        let res = app
            .post_form(path, &[("csrf", &csrf), ("published", "yes"), ("by_name", "yes")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get(path).await.status, StatusCode::OK, "published");
        let g = app.get("/municipalities/gaziantep/cohesion").await;
        assert!(
            g.attr("#named a[href^='/municipalities/sahinbey/cohesion']", "href").is_some(),
            "named to peers"
        );
        // Sent again unchanged: nothing written.
        let audit = majlis::audit::entity::Entity::find().count(app.db.read()).await.unwrap();
        app.post_form(path, &[("csrf", &csrf), ("published", "yes"), ("by_name", "yes")], &cookie)
            .await;
        let after = majlis::audit::entity::Entity::find().count(app.db.read()).await.unwrap();
        assert_eq!(audit, after);
        // Another municipality's focal point may read it now, not change it.
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (c2, t2) = app.session_for(other).await;
        let res = app.post_form(path, &[("csrf", &t2)], &c2).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get(path).await.status, StatusCode::OK, "unchanged");
        // Unpublished again: gone for visitors.
        app.post_form(path, &[("csrf", &csrf)], &cookie).await;
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn stored_scores_are_the_scores_of_the_stored_answers(app) {
        app.load_demo().await;
        let again = app.load_demo().await;
        assert_eq!((again.created, again.updated), (0, 0), "loading twice changes nothing");
        assert_eq!(wave::Entity::find().count(app.db.read()).await.unwrap(), 18);
        let w = wave::Entity::find()
            .order_by_asc(wave::Column::Id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let f = framework::Entity::find_by_id(w.framework_id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let f = FrameworkView::of(f).unwrap();
        let fresh = majlis::cohesion::rules::score_wave(app.db.read(), &w, &f.definition)
            .await
            .unwrap();
        let stored: majlis::cohesion::scoring::WaveScores =
            serde_json::from_value(w.scores.clone().unwrap()).unwrap();
        assert_eq!(fresh, stored);
        let submitted = majlis::surveys::entities::response::Entity::find()
            .filter(majlis::surveys::entities::response::Column::SurveyId.eq(w.survey_id.unwrap()))
            .count(app.db.read())
            .await
            .unwrap();
        // Weighted by strata: the few "other" respondents are left out.
        assert_eq!(stored.n + stored.left_out, submitted);
        assert!(stored.weighted && stored.left_out > 0);
        assert_eq!(w.n as u64, stored.n);
    }
);
