//! What coordinators and focal points run in the cohesion self-assessment,
//! on both databases: a framework file refused with its line and field
//! (translated, the text kept, nothing saved), previewed then saved as a
//! new version, a changed item marking its indicator not comparable; only
//! staff add frameworks; waves started and scored by the municipality's
//! focal point or staff, never by another municipality's.

mod common;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::Utc;
use common::{TestApp, TestResponse, coordinator, focal_point_of, municipality_id, person};
use majlis::cohesion::entities::{framework, wave};
use majlis::cohesion::framework::SHIPPED;
use majlis::cohesion::scoring::WaveScores;
use majlis::policy::Role;
use majlis::surveys::entities::{form, survey};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

const NEW: &str = "/cohesion/frameworks/new";

/// A multipart form (the anti-forgery token first), as the browser sends
/// the framework form; `file`: an uploaded file's name and text.
async fn post_multipart(
    app: &TestApp,
    path: &str,
    cookie: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &str)>,
) -> TestResponse {
    let b = "cohesionboundary";
    let mut body =
        format!("--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n");
    for (k, v) in fields {
        body.push_str(&format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    if let Some((name, text)) = file {
        body.push_str(&format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: text/plain\r\n\r\n{text}\r\n"
        ));
    }
    body.push_str(&format!("--{b}--\r\n"));
    app.request(
        Request::post(path)
            .header("content-type", format!("multipart/form-data; boundary={b}"))
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

async fn frameworks(app: &TestApp) -> u64 {
    framework::Entity::find()
        .count(app.db.read())
        .await
        .unwrap()
}

/// The shipped framework under another short name.
fn renamed(slug: &str) -> String {
    SHIPPED.replace(
        "slug = \"host-community-cohesion\"",
        &format!("slug = \"{slug}\""),
    )
}

/// The 1-based line of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

db_test!(
    async fn a_bad_framework_file_is_refused_naming_its_line(app) {
        let staff = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(staff).await;
        let good = renamed("trial");
        // A direction that does not exist.
        let bad_direction = good.replacen("direction = \"lower\"", "direction = \"down\"", 1);
        let direction_line = line_of(&bad_direction, "direction = \"down\"");
        // An item without its instrument: named at its table's line.
        let missing = good.replacen(
            "instrument = \"SCORE (UNDP/SeeD): intergroup anxiety\"\n",
            "",
            1,
        );
        // A question name used twice: named where it comes again.
        let twice = good.replacen("question = \"uneasy\"", "question = \"relations_good\"", 1);
        let twice_line = twice
            .lines()
            .enumerate()
            .filter(|(_, l)| l.contains("question = \"relations_good\""))
            .nth(1)
            .unwrap()
            .0
            + 1;
        // Not TOML at all.
        let broken = "slug = \"trial\"\nversion = \n";
        let before = frameworks(app).await;
        for (text, lang, expect) in [
            (bad_direction.as_str(), "en", format!("Line {direction_line}: the value of “direction” is not valid.")),
            (bad_direction.as_str(), "fr", format!("Ligne {direction_line} : la valeur de « direction » n'est pas valide.")),
            (twice.as_str(), "en", format!("Line {twice_line}: “relations_good” is used twice.")),
            (broken, "de", "Zeile 2:".to_owned()),
            (missing.as_str(), "en", "“instrument” is missing.".to_owned()),
        ] {
            for action in ["preview", "save"] {
                let res = post_multipart(
                    app,
                    &format!("{NEW}?lang={lang}"),
                    &cookie,
                    &csrf,
                    &[("source", text), ("action", action)],
                    None,
                )
                .await;
                assert_eq!(res.status, StatusCode::BAD_REQUEST, "{action} {expect}: {}", res.body);
                let problem = res.texts("li.fw-problem").join(" ");
                let problem = problem.replace(['\u{2068}', '\u{2069}'], "");
                assert!(problem.contains(&expect), "{lang}: {problem:?} lacks {expect:?}");
                // What was typed is kept.
                assert_eq!(
                    res.texts("#i-source").join(""),
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                );
                assert_eq!(res.attr("#i-source", "aria-invalid").as_deref(), Some("true"));
            }
        }
        // The missing instrument is named at its item's table.
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", &missing), ("action", "preview")], None).await;
        let problem = res.texts("li.fw-problem").join(" ");
        assert!(problem.starts_with("Line "), "{problem}");
        // An uploaded file is read like pasted text.
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", ""), ("action", "save")], Some(("f.toml", broken))).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.texts("#i-source").join("").contains("version ="));
        // Empty.
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", "  "), ("action", "save")], None).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(frameworks(app).await, before, "nothing saved");
    }
);

db_test!(
    async fn a_good_file_is_previewed_then_saved_as_a_new_version(app) {
        let staff = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(staff).await;
        let text = renamed("trial");
        let form = app.get_with(NEW, &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let before = frameworks(app).await;
        // Preview: domains → indicators → items, all new; nothing saved.
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", &text), ("action", "preview")], None).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.texts("section.fw-domain").len(), 5);
        let indicators = res.html();
        let sel = scraper::Selector::parse("table.fw-indicator").unwrap();
        let changes: Vec<_> = indicators
            .select(&sel)
            .map(|t| t.value().attr("data-change").unwrap().to_owned())
            .collect();
        assert!(!changes.is_empty() && changes.iter().all(|c| c == "new"), "{changes:?}");
        assert!(res.body.contains("SCORE (UNDP/SeeD): intergroup anxiety"));
        assert!(res.body.contains("agreeing is bad (reversed)"));
        assert_eq!(res.texts("span.fw-version"), vec!["1"]);
        assert!(res.attr("button[value=save]", "type").is_some(), "the save button is offered");
        assert_eq!(frameworks(app).await, before, "a preview saves nothing");
        // Saved (uploaded as a file this time).
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", ""), ("action", "save")], Some(("trial.toml", &text))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(frameworks(app).await, before + 1);
        let row = framework::Entity::find()
            .filter(framework::Column::Slug.eq("trial"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.version, 1);
        // Stored with its scales, so its questionnaire can be built.
        let view = majlis::cohesion::rules::FrameworkView::of(row).unwrap();
        assert_eq!(view.definition.scale.len(), 3);
        let list = app.get_with("/cohesion/frameworks", &[("cookie", &cookie)]).await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.texts("#framework-trial-1 td.version"), vec!["1"]);
        // The same version again: refused, naming the version line.
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", &text), ("action", "save")], None).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        let problem = res.texts("li.fw-problem").join(" ").replace(['\u{2068}', '\u{2069}'], "");
        assert!(problem.contains(&format!("Line {}", line_of(&text, "version = 1"))), "{problem}");
        assert!(problem.contains("greater than 1"), "{problem}");
        assert_eq!(frameworks(app).await, before + 1);
    }
);

db_test!(
    async fn a_changed_item_makes_its_indicator_not_comparable(app) {
        let staff = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(staff).await;
        let v1 = renamed("trial");
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", &v1), ("action", "save")], None).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // Version 2: the "uneasy" item (indicator "relations") weighs 2; a
        // new wording elsewhere changes nothing that is scored.
        let v2 = v1
            .replacen("version = 1", "version = 2", 1)
            .replacen(
                "question = \"uneasy\"\nscale = \"agree5\"\ndirection = \"lower\"\nweight = 1.0",
                "question = \"uneasy\"\nscale = \"agree5\"\ndirection = \"lower\"\nweight = 2.0",
                1,
            )
            .replacen(
                "Relations between host residents and refugees in my neighbourhood are good.",
                "Relations between host residents and refugees where I live are good.",
                1,
            );
        assert_ne!(v1, v2);
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", &v2), ("action", "preview")], None).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.attr("#indicator-relations", "data-change").as_deref(), Some("changed"));
        assert_eq!(res.attr("#indicator-contact", "data-change").as_deref(), Some("same"));
        assert!(res.texts("p.fw-compared")[0].contains("One indicator changed"), "{:?}", res.texts("p.fw-compared"));
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", &v2), ("action", "save")], None).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // The stored versions' fingerprints differ for that indicator only.
        let rows = framework::Entity::find()
            .filter(framework::Column::Slug.eq("trial"))
            .all(app.db.read())
            .await
            .unwrap();
        assert_eq!(rows.len(), 2);
        let views: Vec<_> = rows
            .into_iter()
            .map(|r| majlis::cohesion::rules::FrameworkView::of(r).unwrap())
            .collect();
        let fp = |v: &majlis::cohesion::rules::FrameworkView, key: &str| {
            let (_, i) = v.definition.indicators().find(|(_, i)| i.key == key).unwrap();
            majlis::cohesion::framework::fingerprint(i)
        };
        assert_ne!(fp(&views[0], "relations"), fp(&views[1], "relations"));
        assert_eq!(fp(&views[0], "contact"), fp(&views[1], "contact"));
    }
);

db_test!(
    async fn only_staff_add_frameworks(app) {
        let member = person(app, "member@example.org", Role::Member).await;
        let (cookie, csrf) = app.session_for(member).await;
        let text = renamed("trial");
        assert_eq!(
            app.get_with("/cohesion/frameworks", &[("cookie", &cookie)]).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(app.get_with(NEW, &[("cookie", &cookie)]).await.status, StatusCode::FORBIDDEN);
        let res = post_multipart(app, NEW, &cookie, &csrf, &[("source", &text), ("action", "save")], None).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // A coordinator without two-step sign-in neither.
        let pending = person(app, "pending@example.org", Role::Coordinator).await;
        let (pc, pt) = app.session_for(pending).await;
        let res = post_multipart(app, NEW, &pc, &pt, &[("source", &text), ("action", "save")], None).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Visitors are asked to sign in.
        assert_eq!(app.get(NEW).await.status, StatusCode::UNAUTHORIZED);
        assert_eq!(frameworks(app).await, 0, "nothing saved");
    }
);

async fn waves_of(app: &TestApp, m: i32) -> Vec<wave::Model> {
    wave::Entity::find()
        .filter(wave::Column::MunicipalityId.eq(m))
        .order_by_asc(wave::Column::Number)
        .all(app.db.read())
        .await
        .unwrap()
}

/// A resident's submitted answers: the stratum and every item's answer.
async fn answer(app: &TestApp, w: &wave::Model, group: &str, value: &str) {
    let survey = w.survey_id.unwrap();
    let f = form::Entity::find()
        .filter(form::Column::SurveyId.eq(survey))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let fw = framework::Entity::find_by_id(w.framework_id)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let view = majlis::cohesion::rules::FrameworkView::of(fw).unwrap();
    let mut answers = BTreeMap::new();
    answers.insert(view.definition.stratum.question.clone(), group.to_owned());
    for (_, it) in view.definition.items() {
        answers.insert(it.question.clone(), value.to_owned());
    }
    let groups = majlis::surveys::rules::tally::Groups::default();
    let tx = app.db.begin_write().await.unwrap();
    majlis::demo::cohesion::resident_response((survey, f.id), &answers, &groups, Utc::now())
        .insert(&tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

db_test!(
    async fn a_focal_point_starts_a_wave_and_scores_it(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let page = "/municipalities/gaziantep/cohesion/waves";
        let dash = app.get_with("/municipalities/gaziantep/cohesion", &[("cookie", &cookie)]).await;
        assert_eq!(dash.attr("a.waves-link", "href").as_deref(), Some("/municipalities/gaziantep/cohesion/waves?lang=en"));
        assert!(app.get("/municipalities/gaziantep/cohesion").await.attr("a.waves-link", "href").is_none());
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        assert_eq!(res.texts("tr.wave").len(), 3);
        let framework_id = res.attr("#i-framework option[selected]", "value").unwrap();
        let before = waves_of(app, g).await.len();
        let surveys = survey::Entity::find().count(app.db.read()).await.unwrap();

        // Bad input: the page again, what was typed kept, nothing made.
        let res = app
            .post_form(
                &format!("{page}?lang=fr"),
                &[
                    ("csrf", &csrf),
                    ("framework", &framework_id),
                    ("label", ""),
                    ("closes_on", "2020-01-01"),
                    ("planned", "abc"),
                    ("planned_host", "30"),
                    ("weight_host", "180"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(res.attr("#i-planned", "value").as_deref(), Some("abc"));
        assert_eq!(res.attr("#i-planned_host", "value").as_deref(), Some("30"));
        assert_eq!(res.attr("#i-weight_host", "value").as_deref(), Some("180"));
        assert_eq!(res.attr("#i-label", "aria-invalid").as_deref(), Some("true"));
        let errors = res.texts("#form-errors li");
        assert_eq!(errors.len(), 4, "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("pourcentage")), "{errors:?}");
        assert_eq!(waves_of(app, g).await.len(), before);
        assert_eq!(survey::Entity::find().count(app.db.read()).await.unwrap(), surveys);

        // Started: a campaign of the questionnaire, the sampling plan kept.
        let closes = (Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
        let res = app
            .post_form(
                page,
                &[
                    ("csrf", &csrf),
                    ("framework", &framework_id),
                    ("label", "2027 spring"),
                    ("closes_on", &closes),
                    ("planned", "400"),
                    ("planned_host", "300"),
                    ("planned_refugee", "100"),
                    ("weight_host", "80"),
                    ("weight_refugee", "20"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let all = waves_of(app, g).await;
        assert_eq!(all.len(), before + 1);
        let w = all.last().unwrap().clone();
        assert_eq!(w.number, 4);
        assert_eq!(w.label, "2027 spring");
        assert!(w.scores.is_none());
        let sampling: majlis::cohesion::waves::Sampling =
            serde_json::from_value(w.sampling.clone().unwrap()).unwrap();
        assert_eq!(sampling.planned, 400);
        assert_eq!(sampling.strata.get("host"), Some(&300));
        assert_eq!(sampling.strata.get("refugee"), Some(&100));
        let shares = majlis::cohesion::rules::shares_of(&w).unwrap();
        assert!((shares["host"] - 0.8).abs() < 1e-9 && (shares["refugee"] - 0.2).abs() < 1e-9);
        let s = survey::Entity::find_by_id(w.survey_id.unwrap())
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(s.status, "open");
        assert_eq!(s.results_audience, "staff");
        assert!(s.title.text(majlis::i18n::Locale::En).contains("2027 spring"));
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        assert_eq!(res.attr("#wave-4 td.wave-status", "data-status").as_deref(), Some("collecting"));
        assert_eq!(res.texts("#wave-4 td.wave-submitted"), vec!["0"]);

        // A personal link for a resident (through the surveys activity).
        let links = || async {
            majlis::surveys::entities::link::Entity::find()
                .filter(majlis::surveys::entities::link::Column::SurveyId.eq(w.survey_id.unwrap()))
                .count(app.db.read())
                .await
                .unwrap()
        };
        let bad = app
            .post_form(
                &format!("{page}/links"),
                &[("csrf", &csrf), ("link_wave", "4"), ("link_name", "Amal"), ("link_email", "not an address"), ("link_locale", "ar")],
                &cookie,
            )
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "{}", bad.body);
        assert_eq!(bad.attr("#i-link_email", "value").as_deref(), Some("not an address"));
        assert_eq!(bad.attr("#i-link_email", "aria-invalid").as_deref(), Some("true"));
        assert_eq!(links().await, 0);
        let sent = app
            .post_form(
                &format!("{page}/links"),
                &[("csrf", &csrf), ("link_wave", "4"), ("link_name", "Amal"), ("link_email", "amal@example.org"), ("link_locale", "ar")],
                &cookie,
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        assert_eq!(links().await, 1);
        // Not for a wave that collects nothing.
        let closed = app
            .post_form(
                &format!("{page}/links"),
                &[("csrf", &csrf), ("link_wave", "1"), ("link_name", "Amal"), ("link_email", "amal@example.org")],
                &cookie,
            )
            .await;
        assert_eq!(closed.status, StatusCode::BAD_REQUEST);

        // Residents answer: three hosts agree (4), three refugees disagree (2).
        for _ in 0..3 {
            answer(app, &w, "host", "4").await;
            answer(app, &w, "refugee", "2").await;
        }
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        assert_eq!(res.texts("#wave-4 td.wave-submitted"), vec!["6"]);
        let res = app
            .post_form(&format!("{page}/4/score"), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let w = waves_of(app, g).await.pop().unwrap();
        assert_eq!(w.n, 6);
        assert_eq!(w.fielded_on, Utc::now().date_naive(), "scored before its last day");
        let s: WaveScores = serde_json::from_value(w.scores.clone().unwrap()).unwrap();
        // Weighted 80/20: 0.8 × 75 + 0.2 × 25, and turned round for "uneasy".
        assert_eq!(s.item("relations_good").unwrap().score, Some(65.0));
        assert_eq!(s.item("uneasy").unwrap().score, Some(35.0));
        assert_eq!(s.indicator("relations").unwrap().score, Some(50.0));
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        let scored = res.texts("#wave-4 td.wave-scored")[0].replace(['\u{2068}', '\u{2069}'], "");
        assert!(scored.contains("n = 6"), "{scored}");

        // One more host who strongly agrees; scoring again replaces.
        answer(app, &w, "host", "5").await;
        let res = app
            .post_form(&format!("{page}/4/score"), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let w = waves_of(app, g).await.pop().unwrap();
        assert_eq!(w.n, 7);
        let s: WaveScores = serde_json::from_value(w.scores.clone().unwrap()).unwrap();
        // Hosts (75, 75, 75, 100) average 81.25: 0.8 × 81.25 + 0.2 × 25.
        assert_eq!(s.item("relations_good").unwrap().score, Some(70.0));
        assert_eq!(waves_of(app, g).await.len(), before + 1, "no wave added");
    }
);

db_test!(
    async fn another_municipality_may_not_start_nor_score_a_wave(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let kilis = municipality_id(app, "kilis").await;
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (cookie, csrf) = app.session_for(other).await;
        let before = waves_of(app, g).await;
        let surveys = survey::Entity::find().count(app.db.read()).await.unwrap();
        let page = "/municipalities/gaziantep/cohesion/waves";
        // Gaziantep's dashboard is published: Kilis's focal point reads it,
        // and is refused its waves.
        assert_eq!(app.get_with(page, &[("cookie", &cookie)]).await.status, StatusCode::FORBIDDEN);
        let dash = app.get_with("/municipalities/gaziantep/cohesion", &[("cookie", &cookie)]).await;
        assert!(dash.attr("a.waves-link", "href").is_none());
        let closes = (Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
        let fw = framework::Entity::find().one(app.db.read()).await.unwrap().unwrap();
        let start = [
            ("csrf", csrf.as_str()),
            ("framework", &fw.id.to_string()),
            ("label", "intrusion"),
            ("closes_on", &closes),
            ("planned", "100"),
        ]
        .map(|(k, v)| (k, v.to_owned()));
        let pairs: Vec<(&str, &str)> = start.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let res = app.post_form(page, &pairs, &cookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let res = app.post_form(&format!("{page}/1/score"), &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let res = app
            .post_form(
                &format!("{page}/links"),
                &[("csrf", &csrf), ("link_wave", "1"), ("link_name", "X"), ("link_email", "x@example.org")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Şahinbey's is not published: not found.
        let hidden = "/municipalities/sahinbey/cohesion/waves";
        assert_eq!(app.get_with(hidden, &[("cookie", &cookie)]).await.status, StatusCode::NOT_FOUND);
        let res = app.post_form(&format!("{hidden}/1/score"), &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        // Visitors are asked to sign in to change anything.
        let res = app.post_form(&format!("{page}/1/score"), &[("csrf", &csrf)], "").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert_eq!(waves_of(app, g).await, before, "nothing changed");
        assert_eq!(survey::Entity::find().count(app.db.read()).await.unwrap(), surveys);
        // Its own municipality's waves: allowed.
        let own = app.get_with("/municipalities/kilis/cohesion/waves", &[("cookie", &cookie)]).await;
        assert_eq!(own.status, StatusCode::OK);
        assert!(dash.attr("a.frameworks-link", "href").is_none());
        // A coordinator runs any municipality's waves; the dashboard links
        // the waves and the frameworks.
        let staff = coordinator(app, "coordinator@example.org").await;
        let (sc, st) = app.session_for(staff).await;
        let dash = app.get_with("/municipalities/gaziantep/cohesion", &[("cookie", &sc)]).await;
        assert!(dash.attr("a.waves-link", "href").is_some());
        assert_eq!(
            dash.attr("a.frameworks-link", "href").as_deref(),
            Some("/cohesion/frameworks?lang=en")
        );
        let res = app.post_form(&format!("{page}/1/score"), &[("csrf", &st)], &sc).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    }
);

db_test!(
    async fn the_json_gives_each_indicators_plan(app) {
        app.load_demo().await;
        // Şanlıurfa's demo plan met its target; Amman's did not.
        let urfa = app.get("/api/v1/municipalities/sanliurfa/cohesion").await;
        assert_eq!(urfa.status, StatusCode::OK, "{}", urfa.body);
        let j = urfa.json();
        let plans = j["plans"].as_array().unwrap();
        assert_eq!(plans.len(), 1, "{plans:?}");
        let p = &plans[0];
        let key = p["indicator"].as_str().unwrap();
        assert_eq!(p["status"], "met");
        assert_eq!(p["baseline_wave"], 1);
        assert_eq!(p["latest_wave"], 3);
        assert_eq!(p["url"], format!("/municipalities/sanliurfa/cohesion/plans/{key}"));
        let (baseline, target, latest) = (
            p["baseline"].as_f64().unwrap(),
            p["target"].as_f64().unwrap(),
            p["latest"].as_f64().unwrap(),
        );
        assert!(target > baseline && latest >= target, "{p}");
        // The baseline is the indicator's score in its wave.
        let w1 = &j["waves"][0]["indicators"];
        let fig = w1.as_array().unwrap().iter().find(|f| f["key"] == key).unwrap();
        assert_eq!(fig["score"].as_f64(), Some(baseline));
        assert!(p["target_on"].as_str().unwrap().len() == 10);
        assert!(p["plan_id"].as_i64().is_some());
        let amman = app.get("/api/v1/municipalities/amman/cohesion").await.json();
        assert_eq!(amman["plans"][0]["status"], "not-met");
        // No plan: an empty list.
        let kilis = app.get("/api/v1/municipalities/kilis/cohesion").await.json();
        assert_eq!(kilis["plans"].as_array().map(Vec::len), Some(0));
    }
);

/// Start a wave collecting answers for municipality `slug` as the person
/// of `cookie`; the new wave.
async fn collecting_wave(app: &TestApp, slug: &str, cookie: &str, csrf: &str) -> wave::Model {
    let page = format!("/municipalities/{slug}/cohesion/waves");
    let res = app.get_with(&page, &[("cookie", cookie)]).await;
    let framework_id = res.attr("#i-framework option[selected]", "value").unwrap();
    let closes = (Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
    let res = app
        .post_form(
            &page,
            &[
                ("csrf", csrf),
                ("framework", &framework_id),
                ("label", "2027 autumn"),
                ("closes_on", &closes),
                ("planned", "400"),
            ],
            cookie,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let m = municipality_id(app, slug).await;
    waves_of(app, m).await.pop().unwrap()
}

async fn links_of(app: &TestApp, w: &wave::Model) -> Vec<majlis::surveys::entities::link::Model> {
    use majlis::surveys::entities::link;
    link::Entity::find()
        .filter(link::Column::SurveyId.eq(w.survey_id.unwrap()))
        .order_by_asc(link::Column::Id)
        .all(app.db.read())
        .await
        .unwrap()
}

db_test!(
    async fn a_pasted_list_sends_one_link_a_resident(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let page = "/municipalities/gaziantep/cohesion/waves";
        let w = collecting_wave(app, "gaziantep", &cookie, &csrf).await;
        let number = w.number.to_string();
        // The page offers the list form and states its limit and rules.
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        assert!(res.attr("form.send-list textarea#i-list_text", "name").is_some());
        let body = res.body.replace(['\u{2068}', '\u{2069}'], "");
        assert!(body.contains("at most 500 lines"), "{body}");
        assert!(res.body.contains("is skipped"));
        // One resident already has a link.
        let sent = app
            .post_form(
                &format!("{page}/links"),
                &[("csrf", &csrf), ("link_wave", &number), ("link_name", "Amal"), ("link_email", "amal@example.org"), ("link_locale", "ar")],
                &cookie,
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        assert_eq!(links_of(app, &w).await.len(), 1);
        let mails = majlis::mail::queue::Entity::find().count(app.db.read()).await.unwrap();

        // Bad lines: each named by its number in the reader's language,
        // the list kept, nothing sent.
        let bad = "Amal Haddad <amal@example.org>\nnot an address\n\nOmar, omar@example.org, martian\n";
        let res = app
            .post_form(
                &format!("{page}/links/list?lang=fr"),
                &[("csrf", &csrf), ("list_wave", &number), ("list_text", bad), ("list_locale", "en")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
        let errors: Vec<String> = res
            .texts("#list-errors li")
            .iter()
            .map(|e| e.replace(['\u{2068}', '\u{2069}'], ""))
            .collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("Ligne 2") && errors[0].contains("adresse"), "{errors:?}");
        assert!(errors[1].starts_with("Ligne 4") && errors[1].contains("host, refugee"), "{errors:?}");
        assert_eq!(res.texts("#i-list_text")[0], bad.split_whitespace().collect::<Vec<_>>().join(" "));
        assert!(res.body.contains("not an address\n\nOmar, omar@example.org, martian"), "kept as typed");
        assert_eq!(res.attr("#i-list_text", "aria-invalid").as_deref(), Some("true"));
        assert_eq!(links_of(app, &w).await.len(), 1, "nothing sent");
        assert_eq!(majlis::mail::queue::Entity::find().count(app.db.read()).await.unwrap(), mails);

        // A good list: one link a new address, repeated and already-sent
        // addresses skipped and said so, strata kept.
        let good = "Amal Haddad <amal@example.org>\nomar@example.org\nLayla Nasser, LAYLA@example.org, refugee\nlayla@example.org\n\"Can Yılmaz\" <can@example.org>; host\n";
        let res = app
            .post_form(
                &format!("{page}/links/list"),
                &[("csrf", &csrf), ("list_wave", &number), ("list_text", good), ("list_locale", "tr")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let to = res.header("location").unwrap().to_owned();
        assert!(to.contains("listed=3&repeated=4&already=1"), "{to}");
        let links = links_of(app, &w).await;
        let emails: Vec<&str> = links.iter().map(|l| l.email.as_str()).collect();
        assert_eq!(emails, vec!["amal@example.org", "omar@example.org", "layla@example.org", "can@example.org"]);
        assert_eq!(links[1].name, "omar@example.org", "no name: the address");
        assert_eq!(links[2].name, "Layla Nasser");
        assert!(links.iter().all(|l| l.municipality_id == Some(g)));
        assert_eq!(majlis::mail::queue::Entity::find().count(app.db.read()).await.unwrap(), mails + 3);
        use majlis::cohesion::entities::link as cohesion_link;
        let strata: Vec<(i32, Option<String>)> = cohesion_link::Entity::find()
            .filter(cohesion_link::Column::WaveId.eq(w.id))
            .order_by_asc(cohesion_link::Column::LinkId)
            .all(app.db.read())
            .await
            .unwrap()
            .into_iter()
            .map(|r| (r.link_id, r.stratum))
            .collect();
        assert_eq!(
            strata,
            vec![(links[1].id, None), (links[2].id, Some("refugee".into())), (links[3].id, Some("host".into()))]
        );
        let audit = majlis::audit::entity::Entity::find()
            .filter(majlis::audit::entity::Column::Action.eq("cohesion.wave.links"))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(audit, 1);
        let shown = app.get_with(&to, &[("cookie", &cookie)]).await;
        let notice = shown.texts("#list-sent p").join(" ").replace(['\u{2068}', '\u{2069}'], "");
        assert!(notice.contains("3 links sent") && notice.contains("lines 4") && notice.contains("lines 1"), "{notice}");
        // Sent again: every address has its link, nothing more.
        let res = app
            .post_form(
                &format!("{page}/links/list"),
                &[("csrf", &csrf), ("list_wave", &number), ("list_text", good)],
                &cookie,
            )
            .await;
        assert!(res.header("location").unwrap().contains("listed=0&"));
        assert_eq!(links_of(app, &w).await.len(), 4);

        // Over the limit: refused whole, the limit named.
        let long: String = (0..501).map(|i| format!("r{i}@example.org\n")).collect();
        let res = app
            .post_form(
                &format!("{page}/links/list"),
                &[("csrf", &csrf), ("list_wave", &number), ("list_text", &long)],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        let errors = res.texts("#list-errors li").join(" ");
        assert!(errors.contains("500"), "{errors}");
        assert_eq!(links_of(app, &w).await.len(), 4);

        // Another municipality's focal point: refused (its dashboard is
        // published: 403), nothing sent; an unpublished one's: 404;
        // visitors: 401.
        let kilis = municipality_id(app, "kilis").await;
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (oc, ot) = app.session_for(other).await;
        let list = [("csrf", ot.as_str()), ("list_wave", number.as_str()), ("list_text", "x@example.org")];
        let res = app.post_form(&format!("{page}/links/list"), &list, &oc).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let res = app
            .post_form("/municipalities/sahinbey/cohesion/waves/links/list", &list, &oc)
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND);
        let res = app.post_form(&format!("{page}/links/list"), &list, "").await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert_eq!(links_of(app, &w).await.len(), 4);
    }
);

/// A multipart form with one file of any bytes (the anti-forgery token
/// first), as the browser sends the evidence form.
async fn post_file(
    app: &TestApp,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    file: (&str, &[u8]),
) -> TestResponse {
    let b = "evidenceboundary";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{b}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{b}\r\nContent-Disposition: form-data; name=\"evidence_file\"; filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
            file.0
        )
        .as_bytes(),
    );
    body.extend_from_slice(file.1);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    app.request(
        Request::post(path)
            .header("content-type", format!("multipart/form-data; boundary={b}"))
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// A real one-page PDF.
fn a_pdf() -> Vec<u8> {
    majlis_print::Printer::new()
        .practice_sheet(&majlis_print::Sheet {
            lang: "en".into(),
            title: "Council decision 12/2027".into(),
            subtitle: None,
            facts: vec![],
            sections: vec![majlis_print::Section {
                heading: "Decision".into(),
                text: "The council adopts the social cohesion strategy.".into(),
            }],
            footer: None,
        })
        .expect("pdf")
}

async fn evidence_of(
    app: &TestApp,
    w: &wave::Model,
) -> Vec<majlis::cohesion::entities::evidence::Model> {
    use majlis::cohesion::entities::evidence;
    evidence::Entity::find()
        .filter(evidence::Column::WaveId.eq(w.id))
        .all(app.db.read())
        .await
        .unwrap()
}

db_test!(
    async fn the_focal_point_answers_the_municipal_questionnaire_with_evidence(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let page = "/municipalities/gaziantep/cohesion/waves";
        let w = collecting_wave(app, "gaziantep", &cookie, &csrf).await;
        let n = w.number;

        // The wave opened a second campaign: the municipal questionnaire,
        // asked of the municipality, every question yes / partly / no.
        use majlis::cohesion::entities::municipal;
        let m = municipal::Entity::find_by_id(w.id).one(app.db.read()).await.unwrap().unwrap();
        let s = survey::Entity::find_by_id(m.survey_id).one(app.db.read()).await.unwrap().unwrap();
        assert_ne!(Some(s.id), w.survey_id);
        let targets = majlis::surveys::entities::target::Entity::find()
            .filter(majlis::surveys::entities::target::Column::SurveyId.eq(s.id))
            .all(app.db.read())
            .await
            .unwrap();
        assert_eq!(targets.iter().map(|t| t.municipality_id).collect::<Vec<_>>(), vec![g]);
        let f = form::Entity::find()
            .filter(form::Column::SurveyId.eq(s.id))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let source = String::from_utf8(f.source.clone()).unwrap();
        for q in ["m_strategy", "m_equal_access", "m_service_data", "yes_partly_no | partly"] {
            assert!(source.contains(q), "{q}: {source}");
        }
        // The page links the questionnaire, which its focal point answers
        // through the surveys activity.
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        let respond = res.attr(&format!("#municipal-{n} a.municipal-answer"), "href").unwrap();
        assert!(respond.starts_with(&format!("/surveys/{}/respond/gaziantep", s.slug)), "{respond}");
        let form_page = app.get_with(&respond, &[("cookie", &cookie)]).await;
        assert_eq!(form_page.status, StatusCode::OK, "{}", form_page.body);
        let body = res.body.replace(['\u{2068}', '\u{2069}'], "");
        assert!(body.contains("MB each; at most 50 documents a wave"), "limits stated");
        assert_eq!(res.attr(&format!("#municipal-{n} .municipal-status"), "data-submitted").as_deref(), Some("false"));

        // A real PDF attached to an answer.
        let pdf = a_pdf();
        let url = format!("{page}/{n}/evidence");
        let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", "m_strategy")], ("decision.pdf", &pdf)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let rows = evidence_of(app, &w).await;
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].question, "m_strategy");
        assert_eq!(rows[0].file_name, "decision.pdf");
        let object = majlis::library::entities::file_object::Entity::find_by_id(rows[0].file_sha256.clone())
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(object.kind, "pdf");
        assert!(object.orphan_since.is_none(), "in use");
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        let link = res.attr(&format!("#municipal-{n} a.evidence-file"), "href").unwrap();
        assert_eq!(res.texts(&format!("#municipal-{n} .evidence-about")), vec!["The municipality has adopted a strategy or action plan for social cohesion or for the inclusion of refugees."]);
        let got = app.get_with(&link, &[("cookie", &cookie)]).await;
        assert_eq!(got.status, StatusCode::OK);
        assert_eq!(got.header("content-type"), Some("application/pdf"));
        assert_eq!(got.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(got.bytes, pdf);

        // A file whose content is not what its name says: refused, in the
        // reader's language, the question kept, nothing attached.
        let res = post_file(app, &format!("{url}?lang=fr"), &cookie, &[("csrf", &csrf), ("evidence_question", "m_languages")], ("report.pdf", b"just some text, not a PDF at all\n")).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
        assert!(!res.texts("#evidence-errors li").is_empty());
        assert_eq!(res.attr(&format!("#i-evidence_question-{n} option[selected]"), "value").as_deref(), Some("m_languages"));
        assert_eq!(res.attr(&format!("#i-evidence_file-{n}"), "aria-invalid").as_deref(), Some("true"));
        let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", "")], ("decision.docx", &pdf)).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
        let errors = res.texts("#evidence-errors li").join(" ");
        assert!(errors.contains("not what its name says"), "{errors}");
        // A question the questionnaire does not have.
        let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", "nonsense")], ("decision.pdf", &pdf)).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(evidence_of(app, &w).await.len(), 1, "nothing attached");

        // The municipality's people read it (a member affiliated with it);
        // another municipality's focal point is refused (Gaziantep's
        // dashboard is published: 403), to upload as to read; visitors
        // are asked to sign in.
        let member = person(app, "clerk@gaziantep.example.org", Role::Member).await;
        {
            use sea_orm::ActiveValue::Set;
            let tx = app.db.begin_write().await.unwrap();
            majlis::accounts::affiliation::ActiveModel {
                person_id: Set(member),
                municipality_id: Set(Some(g)),
                organisation_id: Set(None),
                position: Set(None),
                focal_point: Set(false),
                ..Default::default()
            }
            .insert(&tx)
            .await
            .unwrap();
            tx.commit().await.unwrap();
        }
        let (mc, _) = app.session_for(member).await;
        assert_eq!(app.get_with(&link, &[("cookie", &mc)]).await.status, StatusCode::OK);
        let kilis = municipality_id(app, "kilis").await;
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (oc, ot) = app.session_for(other).await;
        assert_eq!(app.get_with(&link, &[("cookie", &oc)]).await.status, StatusCode::FORBIDDEN);
        let res = post_file(app, &url, &oc, &[("csrf", &ot), ("evidence_question", "")], ("decision.pdf", &pdf)).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(evidence_of(app, &w).await.len(), 1);
        assert_eq!(app.get(&link).await.status, StatusCode::UNAUTHORIZED);
        // A coordinator reads it.
        let staff = coordinator(app, "coordinator@example.org").await;
        let (sc, _) = app.session_for(staff).await;
        assert_eq!(app.get_with(&link, &[("cookie", &sc)]).await.status, StatusCode::OK);
    }
);

/// A real one-page PDF saying `text` (different text, different bytes).
fn a_pdf_saying(text: &str) -> Vec<u8> {
    majlis_print::Printer::new()
        .practice_sheet(&majlis_print::Sheet {
            lang: "en".into(),
            title: text.into(),
            subtitle: None,
            facts: vec![],
            sections: vec![],
            footer: None,
        })
        .expect("pdf")
}

async fn file_row(
    app: &TestApp,
    sha: &str,
) -> Option<majlis::library::entities::file_object::Model> {
    majlis::library::entities::file_object::Entity::find_by_id(sha.to_owned())
        .one(app.db.read())
        .await
        .unwrap()
}

async fn file_stored(app: &TestApp, sha: &str) -> bool {
    majlis::library::files::Uploads::from_settings(&app.settings)
        .unwrap()
        .store
        .exists(&sha.parse().unwrap())
        .await
        .unwrap()
}

async fn collect_at(
    app: &TestApp,
    when: chrono::DateTime<Utc>,
) -> majlis::library::files::Collected {
    let store = majlis::library::files::Uploads::from_settings(&app.settings)
        .unwrap()
        .store;
    majlis::library::files::collect(
        &app.db,
        &store,
        &majlis::app::file_holders(),
        chrono::Duration::hours(24),
        when,
    )
    .await
    .expect("collector runs")
}

async fn audited(app: &TestApp, action: &str) -> u64 {
    majlis::audit::entity::Entity::find()
        .filter(majlis::audit::entity::Column::Action.eq(action))
        .count(app.db.read())
        .await
        .unwrap()
}

/// Close the wave's municipal questionnaire (its campaign), as staff do.
async fn close_municipal(app: &TestApp, w: &wave::Model) {
    use majlis::cohesion::entities::municipal;
    use sea_orm::ActiveValue::Set;
    let m = municipal::Entity::find_by_id(w.id)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let tx = app.db.begin_write().await.unwrap();
    survey::ActiveModel {
        id: Set(m.survey_id),
        status: Set("closed".into()),
        ..Default::default()
    }
    .update(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

db_test!(
    async fn a_document_attached_by_mistake_is_removed_and_its_file_collected(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let page = "/municipalities/gaziantep/cohesion/waves";
        let w = collecting_wave(app, "gaziantep", &cookie, &csrf).await;
        let n = w.number;
        let url = format!("{page}/{n}/evidence");
        let (wrong, right) = (a_pdf_saying("The wrong decision"), a_pdf_saying("The right decision"));
        let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", "m_strategy")], ("wrong.pdf", &wrong)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", "")], ("right.pdf", &right)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let rows = evidence_of(app, &w).await;
        let (a, b) = (rows[0].clone(), rows[1].clone());
        assert_eq!((a.file_name.as_str(), b.file_name.as_str()), ("wrong.pdf", "right.pdf"));

        // Its focal point sees a removal form (with its token) beside each.
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        let forms = res.texts(&format!("#municipal-{n} form.remove-evidence button"));
        assert_eq!(forms.len(), 2, "{forms:?}");
        let remove_a = format!("{url}/{}/remove", a.id);
        assert_eq!(
            res.attr(&format!("#municipal-{n} form.remove-evidence"), "action").as_deref(),
            Some(format!("{remove_a}?lang=en").as_str())
        );
        assert_eq!(res.attr(&format!("#municipal-{n} form.remove-evidence input[name=csrf]"), "value").as_deref(), Some(csrf.as_str()));

        // Someone else: another municipality's focal point is refused
        // (Gaziantep's dashboard is published: 403), a visitor asked to
        // sign in, a forged form refused; nothing changes.
        let kilis = municipality_id(app, "kilis").await;
        let other = focal_point_of(app, "kilis@example.org", kilis).await;
        let (oc, ot) = app.session_for(other).await;
        assert_eq!(app.post_form(&remove_a, &[("csrf", &ot)], &oc).await.status, StatusCode::FORBIDDEN);
        assert_eq!(app.post_form(&remove_a, &[("csrf", "x")], "").await.status, StatusCode::UNAUTHORIZED);
        assert_ne!(app.post_form(&remove_a, &[("csrf", "forged")], &cookie).await.status, StatusCode::SEE_OTHER);
        // A member affiliated with no municipality: refused too.
        let member = person(app, "member@example.org", Role::Member).await;
        let (mc, mt) = app.session_for(member).await;
        assert_eq!(app.post_form(&remove_a, &[("csrf", &mt)], &mc).await.status, StatusCode::FORBIDDEN);
        // A document of another wave's number: not found.
        let res = app.post_form(&format!("{page}/1/evidence/{}/remove", a.id), &[("csrf", &csrf)], &cookie).await;
        assert_ne!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(evidence_of(app, &w).await.len(), 2, "nothing removed");
        assert_eq!(audited(app, "cohesion.evidence.removed").await, 0);

        // Its focal point removes the wrong one while the questionnaire
        // takes answers: gone from the page, the download not found, audited.
        let res = app.post_form(&format!("{remove_a}?lang=fr"), &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let to = res.header("location").unwrap().to_owned();
        assert!(to.contains(&format!("removed={n}")), "{to}");
        let rows = evidence_of(app, &w).await;
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![b.id]);
        let shown = app.get_with(&to, &[("cookie", &cookie)]).await;
        assert_eq!(shown.texts(&format!("#municipal-{n} a.evidence-file")), vec!["right.pdf"]);
        assert!(!shown.texts("#municipal p.notice").is_empty());
        let gone = app.get_with(&format!("{url}/{}", a.id), &[("cookie", &cookie)]).await;
        assert_eq!(gone.status, StatusCode::NOT_FOUND);
        assert_eq!(audited(app, "cohesion.evidence.removed").await, 1);
        // Removing it again: not found.
        assert_eq!(app.post_form(&remove_a, &[("csrf", &csrf)], &cookie).await.status, StatusCode::NOT_FOUND);

        // The collector: the removed file is marked unused, then removed
        // after the grace period; the file still attached is kept.
        let now = Utc::now();
        collect_at(app, now).await;
        assert!(file_row(app, &a.file_sha256).await.unwrap().orphan_since.is_some(), "unused now");
        assert!(file_row(app, &b.file_sha256).await.unwrap().orphan_since.is_none(), "held");
        let later = collect_at(app, now + chrono::Duration::hours(25)).await;
        assert!(later.removed >= 1, "{later:?}");
        assert!(file_row(app, &a.file_sha256).await.is_none());
        assert!(!file_stored(app, &a.file_sha256).await, "its bytes removed");
        assert!(file_row(app, &b.file_sha256).await.is_some());
        assert!(file_stored(app, &b.file_sha256).await, "a held file is never collected");
        let got = app.get_with(&format!("{url}/{}", b.id), &[("cookie", &cookie)]).await;
        assert_eq!(got.bytes, right);

        // Once the questionnaire is closed its focal point may no longer
        // remove (no form offered; refused), a coordinator still may.
        close_municipal(app, &w).await;
        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        assert!(res.texts(&format!("#municipal-{n} form.remove-evidence button")).is_empty());
        let remove_b = format!("{url}/{}/remove", b.id);
        assert_eq!(app.post_form(&remove_b, &[("csrf", &csrf)], &cookie).await.status, StatusCode::FORBIDDEN);
        assert_eq!(evidence_of(app, &w).await.len(), 1);
        let staff = coordinator(app, "coordinator@example.org").await;
        let (sc, st) = app.session_for(staff).await;
        let res = app.get_with(page, &[("cookie", &sc)]).await;
        assert_eq!(res.texts(&format!("#municipal-{n} form.remove-evidence button")).len(), 1);
        let res = app.post_form(&remove_b, &[("csrf", &st)], &sc).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert!(evidence_of(app, &w).await.is_empty());
        assert_eq!(audited(app, "cohesion.evidence.removed").await, 2);
    }
);

/// Send a pasted list for wave `number`; the links made, oldest first.
async fn send_list(app: &TestApp, cookie: &str, csrf: &str, number: i32, text: &str) {
    let res = app
        .post_form(
            "/municipalities/gaziantep/cohesion/waves/links/list",
            &[
                ("csrf", csrf),
                ("list_wave", &number.to_string()),
                ("list_text", text),
                ("list_locale", "en"),
            ],
            cookie,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

/// A resident answers through their personal link.
async fn answer_link(app: &TestApp, w: &wave::Model, link_id: i32) {
    use sea_orm::ActiveValue::Set;
    let f = form::Entity::find()
        .filter(form::Column::SurveyId.eq(w.survey_id.unwrap()))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    let tx = app.db.begin_write().await.unwrap();
    majlis::surveys::entities::response::ActiveModel {
        survey_id: Set(w.survey_id.unwrap()),
        form_id: Set(f.id),
        municipality_id: Set(None),
        link_id: Set(Some(link_id)),
        answers: Set(Some(serde_json::json!({"group": "host"}))),
        draft: Set(None),
        person_id: Set(None),
        country_code: Set(String::new()),
        population_band: Set(String::new()),
        refugee_band: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(Some(now)),
        revision: Set(0),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

db_test!(
    async fn the_waves_page_counts_links_per_stratum_in_a_fixed_number_of_queries(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let page = "/municipalities/gaziantep/cohesion/waves";
        let before = app.get_with(page, &[("cookie", &cookie)]).await;
        assert_eq!(before.status, StatusCode::OK);
        assert!(before.texts("tr.stratum").is_empty(), "no wave plans strata");
        let queries = before.queries();
        let framework_id = before.attr("#i-framework option[selected]", "value").unwrap();
        let closes = (Utc::now().date_naive() + chrono::Duration::days(30)).to_string();
        let mut started = Vec::new();
        for label in ["2027 spring", "2027 autumn"] {
            let res = app
                .post_form(
                    page,
                    &[("csrf", &csrf), ("framework", &framework_id), ("label", label), ("closes_on", &closes), ("planned", "400"), ("planned_host", "300"), ("planned_refugee", "100")],
                    &cookie,
                )
                .await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
            started.push(waves_of(app, g).await.pop().unwrap());
        }
        let w = started[0].clone();
        // Two hosts, a refugee and a resident without a stratum listed; one
        // more sent alone (no stratum); one host and the lone one answer.
        send_list(app, &cookie, &csrf, w.number, "a@example.org, host\nb@example.org, host\nc@example.org, refugee\nd@example.org\n").await;
        let alone = app
            .post_form(
                &format!("{page}/links"),
                &[("csrf", &csrf), ("link_wave", &w.number.to_string()), ("link_name", "Eda"), ("link_email", "e@example.org"), ("link_locale", "tr")],
                &cookie,
            )
            .await;
        assert_eq!(alone.status, StatusCode::SEE_OTHER, "{}", alone.body);
        let links = links_of(app, &w).await;
        assert_eq!(links.len(), 5);
        answer_link(app, &w, links[0].id).await;
        answer_link(app, &w, links[4].id).await;

        let res = app.get_with(page, &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::OK);
        let row = |stratum: &str| {
            let at = format!("#strata-{}-{stratum}", w.number);
            ["name", "planned", "sent", "answered"]
                .iter()
                .map(|c| res.texts(&format!("{at} .stratum-{c}")).join(""))
                .collect::<Vec<_>>()
        };
        assert_eq!(row("host"), vec!["A resident of the host community", "300", "2", "1"]);
        assert_eq!(row("refugee"), vec!["A refugee or displaced person", "100", "1", "0"]);
        assert_eq!(row("-"), vec!["No stratum given", "–", "2", "1"]);
        // The other wave plans strata and has sent nothing yet.
        let other = started[1].number;
        assert_eq!(res.texts(&format!("#strata-{other}-host .stratum-sent")), vec!["0"]);
        assert!(res.texts(&format!("#strata-{other}--")).is_empty());
        // The demo's waves plan no strata: no rows.
        assert!(res.texts("#strata-1-host").is_empty());
        // As many queries with two more waves, links and answers as before.
        assert_eq!(res.queries(), queries, "a fixed number of queries whatever the waves");
        let ar = app.get_with(&format!("{page}?lang=ar"), &[("cookie", &cookie)]).await;
        assert_eq!(ar.texts(&format!("#strata-{}-- .stratum-name", w.number)), vec!["بلا فئة محددة"]);
    }
);

/// The municipality submits its municipal questionnaire for wave `w`.
async fn answer_municipal(app: &TestApp, w: &wave::Model, answers: serde_json::Value) {
    use majlis::cohesion::entities::municipal;
    use sea_orm::ActiveValue::Set;
    let m = municipal::Entity::find_by_id(w.id)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let f = form::Entity::find()
        .filter(form::Column::SurveyId.eq(m.survey_id))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let now = Utc::now();
    let tx = app.db.begin_write().await.unwrap();
    majlis::surveys::entities::response::ActiveModel {
        survey_id: Set(m.survey_id),
        form_id: Set(f.id),
        municipality_id: Set(Some(w.municipality_id)),
        link_id: Set(None),
        answers: Set(Some(answers)),
        draft: Set(None),
        person_id: Set(None),
        country_code: Set(String::new()),
        population_band: Set(String::new()),
        refugee_band: Set(String::new()),
        created_at: Set(now),
        updated_at: Set(now),
        submitted_at: Set(Some(now)),
        revision: Set(0),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

db_test!(
    async fn the_municipal_questionnaire_is_scored_and_shown_on_the_dashboard(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let page = "/municipalities/gaziantep/cohesion/waves";
        let w = collecting_wave(app, "gaziantep", &cookie, &csrf).await;
        let n = w.number;
        // Six answered, three not: policies yes/partly/no (50), services
        // yes/partly/– (75), data yes/–/– (100); all (100 + 50 + 0 + 100 +
        // 50 + 100) / 6 = 66.7.
        answer_municipal(
            app,
            &w,
            serde_json::json!({
                "m_strategy": "yes", "m_antidiscrimination": "partly", "m_consultation": "no",
                "m_equal_access": "yes", "m_languages": "partly", "m_population_data": "yes"
            }),
        )
        .await;
        let url = format!("{page}/{n}/evidence");
        for (question, text) in [("m_strategy", "Strategy"), ("m_strategy", "Council decision"), ("", "Annual report")] {
            let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", question)], (&format!("{text}.pdf"), &a_pdf_saying(text))).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        }
        let res = app.post_form(&format!("{page}/{n}/score"), &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let w = waves_of(app, g).await.pop().unwrap();
        let s: WaveScores = serde_json::from_value(w.scores.clone().unwrap()).unwrap();
        let m = s.municipal.clone().expect("scored with the wave");
        assert!(m.submitted);
        assert_eq!(m.score, Some(66.7));
        assert_eq!((m.answered, m.unanswered), (6, 3));
        let sections: Vec<(&str, Option<f64>, u64, u64)> =
            m.sections.iter().map(|x| (x.key.as_str(), x.score, x.answered, x.unanswered)).collect();
        assert_eq!(sections, vec![("policies", Some(50.0), 3, 0), ("services", Some(75.0), 2, 1), ("data", Some(100.0), 1, 2)]);

        // The dashboard (published: visitors read it): the section, its
        // table, the documents counted but never linked; eight queries.
        let dash = app.get("/municipalities/gaziantep/cohesion").await;
        assert_eq!(dash.status, StatusCode::OK);
        assert_eq!(dash.queries(), 8, "seven, and the documents counted");
        assert_eq!(dash.texts("#h-municipal"), vec!["Municipal policies and services"]);
        let cells = |q: &str| {
            ["th", "td.municipal-answer", "td:nth-child(3)", "td.municipal-documents"]
                .iter()
                .map(|c| dash.texts(&format!("#municipal-{q} {c}")).join(""))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            cells("m_strategy"),
            vec![
                "The municipality has adopted a strategy or action plan for social cohesion or for the inclusion of refugees.",
                "Yes",
                "Intercultural Cities Index questionnaire (Council of Europe): commitment",
                "2"
            ]
        );
        assert_eq!(cells("m_antidiscrimination")[1], "Partly");
        assert_eq!(cells("m_consultation")[1], "No");
        assert_eq!(cells("m_mediation")[1], "Not answered");
        assert_eq!(cells("m_mediation")[3], "0");
        let score = dash.texts(".municipal-score").join(" ").replace(['\u{2068}', '\u{2069}'], "");
        assert!(score.contains("67") && score.contains("6 questions answered") && score.contains("3 questions not answered"), "{score}");
        let whole = dash.texts(".municipal-whole").join("").replace(['\u{2068}', '\u{2069}'], "");
        assert!(whole.ends_with(": 1"), "{whole}");
        assert!(!dash.body.contains("/evidence/"), "the files stay private");
        let ar = app.get("/municipalities/gaziantep/cohesion?lang=ar").await;
        assert_eq!(ar.texts("#h-municipal"), vec!["سياسات البلدية وخدماتها"]);
        assert_eq!(ar.texts("#municipal-m_strategy td.municipal-answer"), vec!["نعم"]);

        // The JSON: the latest wave with its municipal questionnaire.
        let api = app.get("/api/v1/municipalities/gaziantep/cohesion").await;
        assert_eq!(api.status, StatusCode::OK);
        let j = api.json();
        let last = j["waves"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["number"], n);
        let jm = &last["municipal"];
        assert_eq!(jm["score"].as_f64(), Some(66.7));
        assert_eq!((jm["answered"].as_u64(), jm["unanswered"].as_u64()), (Some(6), Some(3)));
        assert_eq!(jm["documents"], 1);
        assert_eq!(jm["sections"][1]["key"], "services");
        assert_eq!(jm["sections"][1]["name"], "Services");
        assert_eq!(jm["sections"][1]["score"].as_f64(), Some(75.0));
        let strategy = &jm["questions"][0];
        assert_eq!(strategy["key"], "m_strategy");
        assert_eq!(strategy["answer"], "yes");
        assert_eq!(strategy["score"].as_f64(), Some(100.0));
        assert_eq!(strategy["documents"], 2);
        assert!(strategy["instrument"].as_str().unwrap().starts_with("Intercultural Cities"));
        let mediation = jm["questions"].as_array().unwrap().iter().find(|q| q["key"] == "m_mediation").unwrap();
        assert!(mediation["answer"].is_null() && mediation["score"].is_null());
        // The demo's waves had no municipal questionnaire: none given.
        assert!(j["waves"][0].get("municipal").is_none());

        // The PDF says it too.
        let pdf = app.get("/municipalities/gaziantep/cohesion.pdf").await;
        assert_eq!(pdf.status, StatusCode::OK);
        let text = common::pdf_text(&pdf.bytes);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Municipal policies and services"), "{flat}");
        assert!(flat.contains("Partly"), "{flat}");
        assert!(flat.contains("Not answered"), "{flat}");
        assert!(flat.contains("MIPEX"), "{flat}");

        // Not published: another municipality's focal point sees none of
        // it, by page, JSON or PDF.
        let sahinbey = municipality_id(app, "sahinbey").await;
        let sfp = focal_point_of(app, "sahinbey@example.org", sahinbey).await;
        let (sc, st) = app.session_for(sfp).await;
        let sw = collecting_wave(app, "sahinbey", &sc, &st).await;
        answer_municipal(app, &sw, serde_json::json!({"m_strategy": "yes"})).await;
        let res = app.post_form(&format!("/municipalities/sahinbey/cohesion/waves/{}/score", sw.number), &[("csrf", &st)], &sc).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let own_view = app.get_with("/municipalities/sahinbey/cohesion", &[("cookie", &sc)]).await;
        assert_eq!(own_view.texts("#municipal-m_strategy td.municipal-answer"), vec!["Yes"]);
        for path in ["/municipalities/sahinbey/cohesion", "/api/v1/municipalities/sahinbey/cohesion", "/municipalities/sahinbey/cohesion.pdf"] {
            let res = app.get_with(path, &[("cookie", &cookie)]).await;
            assert_eq!(res.status, StatusCode::NOT_FOUND, "{path}");
            assert!(!res.body.contains("m_strategy"), "{path}");
        }
    }
);

db_test!(
    async fn my_data_lists_the_evidence_documents_i_attached(app) {
        app.load_demo().await;
        let g = municipality_id(app, "gaziantep").await;
        let own = focal_point_of(app, "gaziantep@example.org", g).await;
        let (cookie, csrf) = app.session_for(own).await;
        let w = collecting_wave(app, "gaziantep", &cookie, &csrf).await;
        let url = format!("/municipalities/gaziantep/cohesion/waves/{}/evidence", w.number);
        let pdf = a_pdf_saying("Council decision 7/2027");
        let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", "m_languages")], ("decision.pdf", &pdf)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = post_file(app, &url, &cookie, &[("csrf", &csrf), ("evidence_question", "")], ("report.pdf", &a_pdf_saying("Report"))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // One attached by a coordinator is not the focal point's.
        let staff = coordinator(app, "coordinator@example.org").await;
        let (sc, st) = app.session_for(staff).await;
        let res = post_file(app, &url, &sc, &[("csrf", &st), ("evidence_question", "")], ("staff.pdf", &a_pdf_saying("Staff"))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let rows = evidence_of(app, &w).await;

        let data = app.get_with("/account/data", &[("cookie", &cookie)]).await;
        assert_eq!(data.status, StatusCode::OK, "{}", data.body);
        let j = data.json();
        let docs = j["cohesion_evidence"].as_array().unwrap();
        assert_eq!(docs.len(), 2, "{docs:?}");
        let d = &docs[0];
        assert_eq!(d["id"], rows[0].id);
        assert_eq!(d["municipality"], "gaziantep");
        assert_eq!(d["municipality_name"]["values"]["en"], "Gaziantep");
        assert_eq!(d["wave"]["number"], w.number);
        assert_eq!(d["wave"]["label"], "2027 autumn");
        assert_eq!(d["about"], "question");
        assert_eq!(d["question"], "m_languages");
        assert!(d["question_text"]["values"]["en"].as_str().unwrap().len() > 10);
        assert_eq!(d["file_name"], "decision.pdf");
        assert_eq!(d["file_type"], "pdf");
        assert_eq!(d["file_size"].as_u64(), Some(pdf.len() as u64));
        assert_eq!(d["file_sha256"], rows[0].file_sha256.as_str());
        assert!(d["uploaded_at"].as_str().is_some());
        assert_eq!(d["file_included"], false);
        let link = d["url"].as_str().unwrap();
        assert_eq!(link, format!("{url}/{}", rows[0].id));
        assert_eq!(app.get_with(link, &[("cookie", &cookie)]).await.bytes, pdf, "the file is where it says");
        assert_eq!(docs[1]["about"], "response");
        assert!(docs[1]["question"].is_null());
        // The coordinator's data has theirs only.
        let theirs = app.get_with("/account/data", &[("cookie", &sc)]).await.json();
        let names: Vec<&str> = theirs["cohesion_evidence"].as_array().unwrap().iter().map(|d| d["file_name"].as_str().unwrap()).collect();
        assert_eq!(names, vec!["staff.pdf"]);
    }
);
