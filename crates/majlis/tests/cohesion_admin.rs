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
