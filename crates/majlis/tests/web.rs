//! The web layer and the directory slice, through the real router, on both databases.

mod common;

use axum::http::StatusCode;

/// Queries a directory list page runs on a cold cache, whatever its size: the
/// content version, the rows with their themes and the list's length, the
/// countries offered by the filter. A warm cache needs the version only.
const MAX_QUERIES: u32 = 3;

db_test!(
    async fn municipality_list_filters_and_pages(app) {
        app.load_demo().await;
        let all = app.get("/municipalities?per_page=100").await;
        assert_eq!(all.status, StatusCode::OK);
        let names = all.texts(".directory-list .card-title a");
        assert!(names.len() >= 40, "{} municipalities", names.len());
        assert!(names.iter().any(|n| n.contains("Sanliurfa")), "{names:?}");
        assert_eq!(all.queries(), MAX_QUERIES);
        let again = app.get("/municipalities?per_page=100").await;
        assert_eq!(again.queries(), 1, "served from the node's cache");
        assert_eq!(again.texts(".directory-list .card-title a"), names);

        let tr = app.get("/municipalities?country=TR&per_page=100").await;
        let tr_names = tr.texts(".directory-list .card-title a");
        assert!(tr_names.iter().any(|n| n.contains("Gaziantep")));
        assert!(!tr_names.iter().any(|n| n.contains("Osnabrück")), "{tr_names:?}");
        assert_eq!(
            tr.attr("#f-country option[selected]", "value").as_deref(),
            Some("TR"),
            "the filter form keeps the choice"
        );

        let edu = app.get("/municipalities?theme=education&country=&kind=").await;
        assert_eq!(edu.status, StatusCode::OK, "empty filters mean all");
        assert!(!edu.texts(".directory-list .card-title").is_empty());

        // Paging: two pages of 10 hold different members, and the pager links onwards.
        let p1 = app.get("/municipalities?per_page=10").await;
        let p2 = app.get("/municipalities?per_page=10&page=2").await;
        let (a, b) = (p1.texts(".card-title"), p2.texts(".card-title"));
        assert_eq!(a.len(), 10);
        assert!(a.iter().all(|n| !b.contains(n)));
        assert!(p1.attr(".pager a[rel=next]", "href").unwrap().contains("page=2"));
        // Page size does not change the number of queries (filter countries now cached).
        assert_eq!(p1.queries(), 2);
        assert_eq!(p2.queries(), 2);

        // Past the end: the list's length needs its own count.
        let past = app.get("/municipalities?per_page=10&page=50").await;
        assert_eq!(past.status, StatusCode::OK);
        assert!(past.texts(".card-title").is_empty());
        let count = past.texts(".result-count")[0].clone();
        assert!(count.contains(&names.len().to_string()), "{count}");
        // The list is read whole (to put it in the language's order), so its
        // length comes with it: no count of its own.
        assert_eq!(past.queries(), 2, "version, the whole ordered list");

        let none = app.get("/municipalities?theme=no-such-theme").await;
        assert_eq!(none.status, StatusCode::OK);
        assert!(none.texts(".card-title").is_empty());
        assert_eq!(none.texts(".empty").len(), 1);
    }
);

db_test!(
    async fn municipality_page_in_english_and_arabic(app) {
        app.load_demo().await;
        let en = app.get("/municipalities/sahinbey").await;
        assert_eq!(en.status, StatusCode::OK);
        assert_eq!(en.attr("html", "lang").as_deref(), Some("en"));
        assert_eq!(en.attr("html", "dir").as_deref(), Some("ltr"));
        assert!(en.texts("h1")[0].contains("Şahinbey"));
        assert!(en.texts(".contacts li").iter().any(|c| c.contains("Şakir Aktar")));
        // Şahinbey leads the demo's language-courses idea, which has a plan.
        assert_eq!(
            en.queries(),
            10,
            "version, municipality with its themes, contacts, the ideas it leads, the ideas it is a partner of (none: their partnerships are not read), the plans it is responsible for, their steps, and their owners (two: the ideas and who may see them), its latest cohesion wave"
        );
        assert_eq!(en.texts(".linked-projects li .badge"), ["Partnership formed"]);
        assert_eq!(app.get("/municipalities/sahinbey").await.queries(), 1);

        let ar = app.get("/municipalities/sahinbey?lang=ar").await;
        assert_eq!(ar.attr("html", "lang").as_deref(), Some("ar"));
        assert_eq!(ar.attr("html", "dir").as_deref(), Some("rtl"));
        let h1 = &ar.texts("h1")[0];
        assert!(h1.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)), "{h1}");
        assert!(ar.header("set-cookie").unwrap().contains("majlis_lang=ar"));

        // The profile exists in English and Arabic only: a Turkish reader sees
        // the English original with a note saying so.
        let tr = app.get("/municipalities/sahinbey?lang=tr").await;
        let note = tr.texts(".profile .shown-in");
        assert_eq!(note.len(), 1, "{}", tr.body);
        assert!(note[0].contains("İngilizce"), "{note:?}");
        assert_eq!(tr.attr(".profile bdi[lang]", "lang").as_deref(), Some("en"));

        assert_eq!(app.get("/municipalities/no-such-place").await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get("/municipalities/Bad%20Slug").await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn organisations_and_network_overview(app) {
        app.load_demo().await;
        let list = app.get("/organisations?kind=city-network").await;
        assert_eq!(list.status, StatusCode::OK);
        let names = list.texts(".card-title");
        assert!(names.iter().any(|n| n.contains("UCLG")), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("GIZ")), "{names:?}");
        assert!(list.queries() <= MAX_QUERIES);

        let giz = app.get("/organisations/giz").await;
        assert_eq!(giz.status, StatusCode::OK);
        assert!(giz.texts("h1")[0].contains("GIZ"));

        let net = app.get("/network").await;
        assert_eq!(net.status, StatusCode::OK);
        assert_eq!(
            net.queries(),
            6,
            "version, two aggregates, the municipalities on the map, ideas and partnerships by status (one GROUP BY each)"
        );
        assert_eq!(app.get("/network").await.queries(), 1, "the rest kept until content changes");
        let rows = net.texts("tbody tr");
        let turkey = rows.iter().find(|r| r.starts_with("Türkiye")).expect("a row for Türkiye");
        // Nine Turkish municipalities in the demo network.
        assert!(turkey.contains(" 9 "), "{turkey}");
        let home = app.get("/?lang=de").await;
        assert_eq!(home.status, StatusCode::OK);
        assert_eq!(home.attr("html", "lang").as_deref(), Some("de"));
        // The overview's aggregates are kept from /network; the home page's
        // own blocks read the rest (tests/newcomer.rs counts a cold page: 10).
        assert_eq!(home.queries(), 8);
    }
);

db_test!(
    async fn a_change_reaches_cached_pages_at_once(app) {
        use majlis::db::outbox::{self, Op};
        use majlis::directory::entities::municipality;
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
        app.load_demo().await;
        let before = app.get("/municipalities/kilis").await;
        assert!(before.texts("h1")[0].contains("Kilis"));
        assert!(app.get("/municipalities?country=TR").await.body.contains("Kilis"));
        assert_eq!(app.get("/municipalities/kilis").await.queries(), 1, "cached");

        let kilis = municipality::Entity::find()
            .filter(municipality::Column::Slug.eq("kilis"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let mut name = kilis.name.clone();
        name.set(majlis::i18n::Locale::En, "Kilis (renamed)");
        let tx = app.db.begin_write().await.unwrap();
        let mut am: municipality::ActiveModel = kilis.into();
        am.name = Set(name);
        let m = am.update(&tx).await.unwrap();
        outbox::record(&tx, "municipality", m.id, Op::Updated).await.unwrap();
        tx.commit().await.unwrap();

        let after = app.get("/municipalities/kilis").await;
        assert!(after.texts("h1")[0].contains("Kilis (renamed)"), "{:?}", after.texts("h1"));
        assert!(app.get("/municipalities?country=TR").await.body.contains("Kilis (renamed)"));
        let api = app.get("/api/v1/municipalities?country=TR&per_page=100").await.json();
        assert!(api["items"].as_array().unwrap().iter().any(|i| i["name"] == "Kilis (renamed)"));
    }
);

db_test!(
    async fn api_lists_have_one_shape(app) {
        app.load_demo().await;
        for path in [
            "/api/v1/municipalities",
            "/api/v1/organisations",
            "/api/v1/themes",
            "/api/v1/countries",
        ] {
            let res = app.get(&format!("{path}?lang=ar&per_page=5")).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            assert!(res.header("content-type").unwrap().starts_with("application/json"));
            let j = res.json();
            assert_eq!(j["page"], 1, "{path}");
            assert_eq!(j["per_page"], 5, "{path}");
            assert!(j["total"].as_u64().unwrap() >= 5, "{path}");
            let items = j["items"].as_array().unwrap();
            assert_eq!(items.len(), 5, "{path}");
            for item in items {
                assert!(!item["id"].is_null(), "{path}: {item}");
                assert!(item["name"].as_str().is_some_and(|n| !n.is_empty()), "{path}: {item}");
                assert!(item["url"].as_str().unwrap().starts_with("http://majlis.test/"), "{path}");
            }
        }
        let tr = app
            .get("/api/v1/municipalities?country=tr&theme=social-cohesion&lang=ar&per_page=100")
            .await;
        // The content version (read by the layer keeping visitors' answers,
        // then by the directory's cache: once per `visitor_staleness_ms`,
        // which is 0 here) and one query for a page of the API.
        assert_eq!(tr.queries(), 3, "versions and one query for a page of the API");
        let tr = tr.json();
        let items = tr["items"].as_array().unwrap();
        assert!(!items.is_empty());
        assert!(items.iter().all(|i| i["country"]["code"] == "TR"));
        let gaziantep = items.iter().find(|i| i["slug"] == "gaziantep").expect("Gaziantep");
        assert_eq!(gaziantep["name"], "غازي عنتاب");
        assert_eq!(gaziantep["name_locale"], "ar");
        assert_eq!(tr["total"].as_u64().unwrap() as usize, items.len());

        let id = gaziantep["id"].as_i64().unwrap();
        let one = app.get(&format!("/api/v1/municipalities/{id}?lang=en")).await.json();
        assert_eq!(one["slug"], "gaziantep");
        assert_eq!(one["names"]["original_locale"], "tr");
        assert!(one["focal_points"].is_array());

        let members = app.get("/api/v1/countries?members=true&per_page=100").await.json();
        let codes: Vec<&str> = members["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["code"].as_str().unwrap())
            .collect();
        assert!(codes.contains(&"JO") && codes.contains(&"DE") && !codes.contains(&"BR"), "{codes:?}");
    }
);

db_test!(
    async fn bad_input_gets_a_translated_400_never_a_500(app) {
        for q in [
            "/municipalities?page=abc",
            "/municipalities?page=0",
            "/municipalities?per_page=1000",
            "/municipalities?country=Turkey",
            "/municipalities?theme=%ZZ",
            "/municipalities?kind=castle",
            "/municipalities?country=TR&country=DE",
            "/organisations?page=-1",
        ] {
            let res = app.get(q).await;
            assert_eq!(res.status, StatusCode::BAD_REQUEST, "{q}");
            assert!(res.header("content-type").unwrap().starts_with("text/html"), "{q}");
            assert_eq!(res.texts("h1").len(), 1, "{q}: an error page");
        }
        let ar = app.get("/municipalities?page=abc&lang=ar").await;
        assert_eq!(ar.status, StatusCode::BAD_REQUEST);
        assert_eq!(ar.attr("html", "dir").as_deref(), Some("rtl"));
        assert!(ar.body.contains("رقم الصفحة"), "the field is named in Arabic");

        let api = app.get("/api/v1/municipalities?per_page=zero").await;
        assert_eq!(api.status, StatusCode::BAD_REQUEST);
        let j = api.json();
        assert_eq!(j["code"], "bad-request");
        assert!(j["message"].as_str().unwrap().len() > 10);
        let api_fr = app.get("/api/v1/organisations?kind=x&lang=fr").await.json();
        assert_eq!(api_fr["code"], "bad-request");
        assert_ne!(api_fr["message"], j["message"], "translated");

        let missing = app.get("/api/v1/municipalities/999999").await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(missing.json()["code"], "not-found");
        let nowhere = app.get("/no/such/page?lang=tr").await;
        assert_eq!(nowhere.status, StatusCode::NOT_FOUND);
        assert_eq!(nowhere.attr("html", "lang").as_deref(), Some("tr"));
    }
);

#[tokio::test]
async fn locale_comes_from_query_then_cookie_then_header() {
    let app = common::TestApp::sqlite().await;
    let lang = |r: &common::TestResponse| r.attr("html", "lang").unwrap();
    assert_eq!(
        lang(
            &app.get_with("/", &[("accept-language", "fr-FR,fr;q=0.9")])
                .await
        ),
        "fr"
    );
    assert_eq!(
        lang(
            &app.get_with(
                "/",
                &[("cookie", "majlis_lang=tr"), ("accept-language", "fr")]
            )
            .await
        ),
        "tr"
    );
    assert_eq!(
        lang(
            &app.get_with("/?lang=ar", &[("cookie", "majlis_lang=tr")])
                .await
        ),
        "ar"
    );
    // Unknown values fall back instead of failing.
    let r = app
        .get_with("/?lang=xx", &[("accept-language", "es, de;q=0.5")])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(lang(&r), "de");
    assert_eq!(lang(&app.get("/?lang=").await), "en");
    // Every language link keeps the other parameters.
    let r = app.get("/municipalities?country=TR&lang=de").await;
    assert_eq!(
        r.attr("link[hreflang=ar]", "href").as_deref(),
        Some("/municipalities?country=TR&lang=ar")
    );
    app.finish().await;
}

#[tokio::test]
async fn security_headers_health_metrics_and_assets() {
    let app = common::TestApp::sqlite().await;
    let home = app.get("/").await;
    let csp = home.header("content-security-policy").unwrap();
    assert!(
        !csp.contains("unsafe-inline") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert_eq!(home.header("x-content-type-options"), Some("nosniff"));
    assert!(home.header("referrer-policy").is_some());
    // No inline style or script anywhere in the page.
    assert!(
        !home.body.contains("style=") && !home.body.contains("<script"),
        "inline code"
    );

    let gz = app.get_with("/", &[("accept-encoding", "gzip")]).await;
    assert_eq!(gz.header("content-encoding"), Some("gzip"));

    let health = app.get("/healthz").await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (StatusCode::OK, "ok")
    );

    app.get("/municipalities").await;
    let metrics = app.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics.body.contains("majlis_http_requests_total"),
        "{}",
        metrics.body
    );
    assert!(metrics.body.contains("majlis_db_queries_total"));

    let css = home.attr("link[rel=stylesheet]", "href").unwrap();
    assert!(
        css.starts_with("/static/app.") && css.len() > "/static/app.css".len(),
        "{css}"
    );
    let asset = app.get(&css).await;
    assert_eq!(asset.status, StatusCode::OK);
    assert!(asset.header("cache-control").unwrap().contains("immutable"));
    assert!(asset.body.contains("margin-inline"), "logical properties");
    assert_eq!(
        app.get("/static/app.css").await.status,
        StatusCode::NOT_FOUND
    );

    let post = app
        .request(
            axum::http::Request::post("/municipalities")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(post.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(post.texts("h1").len(), 1);
    app.finish().await;
}

/// The body of `r` decoded from its `Content-Encoding`.
fn decoded(r: &common::TestResponse) -> Vec<u8> {
    let mut out = Vec::new();
    match r.header("content-encoding") {
        Some("br") => brotli::BrotliDecompress(&mut r.bytes.as_slice(), &mut out).unwrap(),
        Some("gzip") => {
            std::io::Read::read_to_end(
                &mut flate2::read::GzDecoder::new(r.bytes.as_slice()),
                &mut out,
            )
            .unwrap();
        }
        None => out.clone_from(&r.bytes),
        Some(other) => panic!("unexpected encoding {other}"),
    };
    out
}

#[tokio::test]
async fn kept_pages_files_and_assets_go_out_compressed_as_asked() {
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    let home = app.get("/").await;
    let css = home.attr("link[rel=stylesheet]", "href").unwrap();
    // A visitor's page, a kept download, the API's description, a static file.
    for path in [
        "/practices",
        "/feed.atom",
        "/api/openapi.json",
        css.as_str(),
    ] {
        let plain = app.get(path).await;
        assert_eq!(plain.status, StatusCode::OK, "{path}");
        assert_eq!(plain.header("content-encoding"), None, "{path}");
        for (accept, encoding) in [
            ("gzip, deflate, br, zstd", "br"),
            ("gzip", "gzip"),
            ("br;q=0.5, gzip;q=0.8", "gzip"),
        ] {
            for _ in 0..2 {
                let r = app.get_with(path, &[("accept-encoding", accept)]).await;
                assert_eq!(r.status, StatusCode::OK, "{path} {accept}");
                assert_eq!(
                    r.header("content-encoding"),
                    Some(encoding),
                    "{path} {accept}"
                );
                let vary: Vec<_> = r.headers.get_all("vary").iter().collect();
                assert!(
                    vary.iter().any(|v| v
                        .to_str()
                        .unwrap()
                        .to_ascii_lowercase()
                        .contains("accept-encoding")),
                    "{path} {accept}: {vary:?}"
                );
                assert_eq!(
                    r.header("content-type"),
                    plain.header("content-type"),
                    "{path}"
                );
                assert!(r.bytes.len() < plain.bytes.len(), "{path} {accept}");
                assert!(decoded(&r) == plain.bytes, "{path} {accept}: another body");
            }
        }
        // Anything else is still answered, by the compression layer.
        for accept in ["*", "identity", "gzip;q=0, br;q=0"] {
            let r = app.get_with(path, &[("accept-encoding", accept)]).await;
            assert_eq!(r.status, StatusCode::OK, "{path} {accept}");
            assert!(decoded(&r) == plain.bytes, "{path} {accept}: another body");
        }
        let refused = app
            .get_with(path, &[("accept-encoding", "gzip;q=0, br;q=0")])
            .await;
        assert_eq!(refused.header("content-encoding"), None, "{path}");
    }
    // Spreadsheets are zip archives already: sent as they are.
    let xlsx = app
        .get_with(
            "/api/v1/practices.xlsx",
            &[("accept-encoding", "gzip, deflate, br, zstd")],
        )
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert_eq!(xlsx.header("content-encoding"), None);
    assert!(xlsx.bytes.starts_with(b"PK"), "not a zip archive");
    // Someone signed in gets a page made for them, compressed as well.
    let person = common::person(&app, "reader@example.org", majlis::policy::Role::Member).await;
    let (cookie, _) = app.session_for(person).await;
    let r = app
        .get_with(
            "/practices",
            &[("accept-encoding", "br"), ("cookie", &cookie)],
        )
        .await;
    assert_eq!(r.header("content-encoding"), Some("br"));
    let page = String::from_utf8(decoded(&r)).unwrap();
    assert!(page.contains("action=\"/logout"), "not signed in");
    app.finish().await;
}

#[test]
fn stylesheet_uses_logical_properties_only() {
    let css = include_str!("../static/app.css");
    for physical in [
        "margin-left",
        "margin-right",
        "padding-left",
        "padding-right",
        "text-align: left",
        "text-align: right",
        "float: left",
        "float: right",
        "border-left",
        "border-right",
        " left:",
        " right:",
    ] {
        assert!(!css.contains(physical), "app.css uses {physical}");
    }
}

db_test!(
    async fn outcome_pages_run_as_many_queries_with_fifty_plans_as_with_one(app) {
        use majlis::demo::synthetic::{Outcomes, outcomes};
        app.load_demo().await;
        let owners = majlis::app::plan_owners();
        let spec = |ideas: usize, run: &str| Outcomes {
            ideas,
            municipality: "gaziantep".into(),
            event: "istanbul-2018-dialogue-workshop".into(),
            partner: "kilis".into(),
            run: run.into(),
        };
        let make = |s: Outcomes| {
            let (db, owners) = (app.db.clone(), owners.clone());
            async move {
                outcomes(&db, &owners, &s, "http://127.0.0.1", chrono::Utc::now())
                    .await
                    .unwrap()
            }
        };
        let event = "/events/istanbul-2018-dialogue-workshop";
        let town = "/municipalities/gaziantep";
        assert_eq!(make(spec(1, "one")).await.len(), 1);
        let (town_one, event_one) = (app.get(town).await, app.get(event).await);
        assert_eq!(town_one.status, StatusCode::OK);
        assert_eq!(event_one.status, StatusCode::OK);
        assert_eq!(make(spec(49, "many")).await.len(), 49);
        let (town_many, event_many) = (app.get(town).await, app.get(event).await);
        // Every plan is listed with its progress, every idea among the outcomes.
        let plans = town_many.texts(".linked-plans li");
        assert!(plans.len() >= 50, "{} plans listed", plans.len());
        assert!(plans.iter().any(|p| p.contains("Plan of Idea 49 of many")), "{plans:?}");
        let ideas = event_many.texts(".linked-projects li");
        assert!(ideas.len() >= 50, "{} ideas listed", ideas.len());
        assert!(ideas.iter().any(|i| i.contains("Idea 49 of many") && i.contains('%')), "{ideas:?}");
        assert_eq!(town_many.queries(), town_one.queries(), "the municipality page with 50 plans");
        assert_eq!(event_many.queries(), event_one.queries(), "the event page with 50 ideas");
        assert!(town_many.queries() <= 16, "{} queries", town_many.queries());
        assert!(event_many.queries() <= 24, "{} queries", event_many.queries());
        // Seen again, both come from the node's caches.
        assert_eq!(app.get(town).await.queries(), 1);
        assert_eq!(app.get(event).await.queries(), 1);
    }
);

/// Visitors may share a content version read within the node's window;
/// signed-in people always read it now (and move visitors on with them). A
/// change shows to visitors once the window has passed, or at once after
/// someone signed in has read it.
async fn visitors_see_changes_within_the_window(app: &common::TestApp) {
    use majlis::db::outbox::{self, Op};
    use majlis::directory::entities::municipality;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    app.load_demo().await;
    let kilis = common::municipality_id(app, "kilis").await;
    let member = common::focal_point_of(app, "window@example.org", kilis).await;
    let (cookie, _) = app.session_for(member).await;
    let page = "/municipalities/kilis";
    let rename = |name: &'static str| async move {
        let m = municipality::Entity::find()
            .filter(municipality::Column::Slug.eq("kilis"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let tx = app.db.begin_write().await.unwrap();
        let mut am: municipality::ActiveModel = m.into();
        am.name = Set(majlis::i18n::TrText::new(majlis::i18n::Locale::En, name).unwrap());
        let m = am.update(&tx).await.unwrap();
        outbox::record(&tx, "municipality", m.id, Op::Updated)
            .await
            .unwrap();
        tx.commit().await.unwrap();
    };
    let title = |r: common::TestResponse| r.texts("h1")[0].clone();
    assert!(title(app.get(page).await).contains("Kilis"));
    // Within the window a visitor's page reads nothing at all.
    let warm = app.get(page).await;
    assert_eq!(warm.queries(), 0, "the version read a moment ago is shared");
    rename("Kilis Renamed").await;
    let visitor = app.get(page).await;
    assert_eq!(visitor.queries(), 0);
    assert!(
        !title(visitor).contains("Renamed"),
        "within the window: as it was"
    );
    // Someone signed in sees it at once (a page of their own, never the
    // one kept for visitors), and visitors with them.
    let theirs = app.get_with(page, &[("cookie", &cookie)]).await;
    assert!(
        theirs.body.contains("/logout"),
        "a page rendered for the signed-in reader"
    );
    assert!(title(theirs).contains("Kilis Renamed"));
    assert!(!app.get(page).await.body.contains("/logout"));
    assert!(title(app.get(page).await).contains("Kilis Renamed"));
    // Or once the window has passed.
    rename("Kilis Again").await;
    assert!(!title(app.get(page).await).contains("Again"));
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert!(title(app.get(page).await).contains("Kilis Again"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitors_see_changes_within_the_window_sqlite() {
    let app = common::TestApp::sqlite_with(|s| s.visitor_staleness_ms = 1000).await;
    visitors_see_changes_within_the_window(&app).await;
    app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitors_see_changes_within_the_window_postgres() {
    let app = common::TestApp::postgres_with(|s| s.visitor_staleness_ms = 1000).await;
    visitors_see_changes_within_the_window(&app).await;
    app.finish().await;
}

/// The first link on a visitor's list page whose address starts with
/// `prefix` and goes on with an id or slug (not "new", "mine"…).
async fn first_link(app: &common::TestApp, list: &str, prefix: &str) -> String {
    some_link(app, list, prefix)
        .await
        .unwrap_or_else(|| panic!("no link to {prefix}… on {list}"))
}

async fn some_link(app: &common::TestApp, list: &str, prefix: &str) -> Option<String> {
    let page = app.get(list).await;
    let html = page.html();
    let a = scraper::Selector::parse("main a[href]").unwrap();
    html.select(&a)
        .filter_map(|e| e.value().attr("href"))
        .map(|h| h.split(['?', '#']).next().unwrap_or_default().to_owned())
        .find(|h| {
            h.strip_prefix(prefix).is_some_and(|rest| {
                !rest.is_empty()
                    && !rest.contains('/')
                    && !["new", "mine", "review", "moderation"].contains(&rest)
            })
        })
}

/// Every public page type a visitor reads, in the demo (search apart).
async fn public_pages(app: &common::TestApp) -> Vec<String> {
    let mut pages: Vec<String> = [
        "/",
        "/municipalities",
        "/municipalities/sahinbey",
        "/organisations",
        "/events",
        "/events?when=all",
        "/events/istanbul-2018-dialogue-workshop",
        "/practices",
        "/library",
        "/compendiums",
        "/consultations",
        "/surveys",
        "/projects",
        "/projects/istanbul-2018-language-courses",
        "/network",
    ]
    .map(str::to_owned)
    .to_vec();
    pages.push(first_link(app, "/organisations", "/organisations/").await);
    pages.push(first_link(app, "/practices", "/practices/").await);
    pages.push(first_link(app, "/library", "/library/").await);
    // The demo's compendium edition is a draft, which visitors do not see.
    pages.extend(some_link(app, "/compendiums", "/compendiums/").await);
    pages.push(first_link(app, "/consultations", "/consultations/").await);
    let plan = app.get("/projects/istanbul-2018-language-courses").await;
    let plan = plan
        .attr("a[href^='/plans/']", "href")
        .expect("the idea links to its plan");
    pages.push(plan.split('?').next().unwrap().to_owned());
    let survey = first_link(app, "/surveys", "/surveys/").await;
    pages.push(survey.clone());
    if app.get(&format!("{survey}/results")).await.status == StatusCode::OK {
        pages.push(format!("{survey}/results"));
    }
    pages
}

/// A page a visitor has just read, read again (once more when a minute
/// turned in between: kept pages are rendered anew each minute).
async fn seen_again(app: &common::TestApp, page: &str) -> common::TestResponse {
    let again = app.get(page).await;
    if again.queries() == 1 {
        again
    } else {
        app.get(page).await
    }
}

/// Rename a municipality (in English) as an edit does: the row and an
/// outbox row, in one transaction.
async fn rename_municipality(app: &common::TestApp, slug: &str, name: &str) {
    use majlis::db::outbox::{self, Op};
    use majlis::directory::entities::municipality;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
    let m = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let mut names = m.name.clone();
    names.set(majlis::i18n::Locale::En, name);
    let tx = app.db.begin_write().await.unwrap();
    let mut am: municipality::ActiveModel = m.into();
    am.name = Set(names);
    let m = am.update(&tx).await.unwrap();
    outbox::record(&tx, "municipality", m.id, Op::Updated)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

db_test!(
    async fn visitors_pages_are_kept_until_the_content_changes_and_never_shown_to_members(app) {
        app.load_demo().await;
        let member = common::person(app, "reader@example.org", majlis::policy::Role::Member).await;
        let (cookie, _) = app.session_for(member).await;
        let pages = public_pages(app).await;
        assert!(pages.len() >= 20, "{pages:?}");
        for page in &pages {
            let first = app.get(page).await;
            assert_eq!(first.status, StatusCode::OK, "{page}");
            assert!(!first.body.contains("/logout"), "{page}: a visitor's page");
            // Seen again, it is the kept page: only the content version is read.
            let again = seen_again(app, page).await;
            assert_eq!(again.queries(), 1, "{page}: kept for visitors");
            assert_eq!(again.body, first.body, "{page}");
            // Someone signed in gets a page of their own, and does not
            // leave it for visitors.
            let theirs = app.get_with(page, &[("cookie", &cookie)]).await;
            assert_eq!(theirs.status, StatusCode::OK, "{page}");
            assert!(theirs.body.contains("/logout"), "{page}: rendered for the member");
            assert!(theirs.queries() > 1, "{page}: never the visitors' page");
            let after = app.get(page).await;
            assert!(!after.body.contains("/logout"), "{page}: no member's page for visitors");
        }
        // The content changes: the pages that name the municipality (the
        // lead of the language-courses idea, responsible for its plan) name
        // it anew for visitors at once.
        let plan = pages.iter().find(|p| p.starts_with("/plans/")).unwrap();
        let naming = [
            "/municipalities?country=TR",
            "/municipalities/sahinbey",
            "/projects",
            "/projects/istanbul-2018-language-courses",
            plan,
        ];
        for page in naming {
            assert!(app.get(page).await.body.contains("Şahinbey"), "{page}");
            assert_eq!(seen_again(app, page).await.queries(), 1, "{page}: kept");
        }
        rename_municipality(app, "sahinbey", "Sahinbey Renamed").await;
        for page in naming {
            let now = app.get(page).await;
            assert!(now.queries() > 1, "{page}: rendered afresh");
            assert!(now.body.contains("Sahinbey Renamed"), "{page}: the visitor sees the change");
        }
        // Any change moves every kept page on (each is rendered again).
        rename_municipality(app, "kilis", "Kilis Renamed").await;
        for page in &pages {
            assert!(app.get(page).await.queries() > 1, "{page}: rendered after a change");
        }
    }
);

db_test!(
    async fn visitors_search_pages_are_kept_until_the_index_moves(app) {
        app.load_demo().await;
        app.index().await;
        let member = common::person(app, "seeker@example.org", majlis::policy::Role::Member).await;
        let (cookie, _) = app.session_for(member).await;
        let page = "/search?q=Zanzibarville";
        let hits = |r: &common::TestResponse| r.texts(".hits > li").len();
        let none = app.get(page).await;
        assert_eq!(none.status, StatusCode::OK);
        assert_eq!(hits(&none), 0, "{}", none.body);
        // The content changes, the index has not followed yet: the kept
        // page is still right.
        rename_municipality(app, "kilis", "Zanzibarville").await;
        assert_eq!(app.get(page).await.body, none.body);
        // A signed-in reader never gets the visitors' page.
        let theirs = app.get_with(page, &[("cookie", &cookie)]).await;
        assert!(theirs.body.contains("/logout"));
        assert!(!app.get(page).await.body.contains("/logout"));
        // Once indexed, visitors find it.
        app.index().await;
        let found = app.get(page).await;
        assert!(
            found.texts(".hits > li").iter().any(|h| h.contains("Zanzibarville")),
            "{}",
            found.body
        );
        // Each full address is a page of its own.
        let filtered = app.get("/search?q=Zanzibarville&type=practice").await;
        assert_eq!(hits(&filtered), 0, "{}", filtered.body);
    }
);
