//! Search through the application: golden queries over the demo network,
//! permissions inside the query (hits and facets), the indexer following
//! the outbox, bad input, and an index rebuilt at start. Both databases.

mod common;

use axum::http::StatusCode;
use common::TestApp;
use majlis::accounts::{Email, Password, people};
use majlis::db::outbox::{self, Op};
use majlis::i18n::Locale;
use majlis::library::entities::{practice, resource};
use majlis::policy::Role;
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

fn ids(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            format!(
                "{}:{}",
                i["type"].as_str().unwrap(),
                i["id"].as_str().unwrap()
            )
        })
        .collect()
}

async fn api(app: &TestApp, query: &str) -> Value {
    let res = app.get(&format!("/api/v1/search?{query}")).await;
    assert_eq!(res.status, StatusCode::OK, "{query}: {}", res.body);
    res.json()
}

fn q(text: &str) -> String {
    format!(
        "q={}",
        url::form_urlencoded::byte_serialize(text.as_bytes()).collect::<String>()
    )
}

async fn practice_id(app: &TestApp, slug: &str) -> String {
    let p = practice::Entity::find()
        .filter(practice::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    format!("practice:{}", p.id)
}

db_test!(
    async fn golden_queries_over_the_demo(app) {
        app.load_demo().await;
        app.index().await;
        // Turkish capital I, dotted and dotless, any case.
        let a = ids(&api(app, &q("İstanbul")).await);
        let b = ids(&api(app, &q("istanbul")).await);
        let c = ids(&api(app, &q("ISTANBUL")).await);
        assert!(!a.is_empty());
        assert_eq!(a, b);
        assert_eq!(a, c);
        // Şanlıurfa written without its Turkish letters finds the same.
        let s1 = ids(&api(app, &q("Şanlıurfa")).await);
        let s2 = ids(&api(app, &q("sanliurfa")).await);
        assert!(!s1.is_empty());
        assert_eq!(s1.first(), s2.first());
        // Arabic, about language courses for refugees: the English and the
        // Turkish-English practices on language learning, through the theme.
        let found = ids(&api(app, &q("دورات اللغة للاجئين")).await);
        let rhein = practice_id(app, "rhein-erft-language-courses").await;
        let sahinbey = practice_id(app, "sahinbey-language-barrier").await;
        // Theme matches rank below direct matches (Arabic profiles that say
        // "language courses"), but they are on the first page...
        assert!(found.contains(&rhein), "{found:?}");
        assert!(found.contains(&sahinbey), "{found:?}");
        // ...and first among practices.
        let practices = ids(&api(app, &format!("{}&type=practice", q("دورات اللغة للاجئين"))).await);
        let mut first_two = practices.iter().take(2).cloned().collect::<Vec<_>>();
        first_two.sort();
        let mut want = vec![rhein.clone(), sahinbey.clone()];
        want.sort();
        assert_eq!(first_two, want, "{practices:?}");
        // German with its plural: the same theme's practices.
        let de = ids(&api(app, &format!("{}&type=practice", q("Sprachkurse"))).await);
        assert!(de.iter().take(2).any(|i| *i == rhein) && de.iter().take(2).any(|i| *i == sahinbey), "{de:?}");
        // The related panel of a practice: the other language-learning practice.
        let rhein_page = app.get(&format!("/practices/{}", rhein.trim_start_matches("practice:"))).await;
        let related = rhein_page.attr(
            &format!(".related a[href^='/practices/{}?']", sahinbey.trim_start_matches("practice:")),
            "href",
        );
        assert!(related.is_some(), "{:?}", rhein_page.texts(".related li"));
        assert!(!rhein_page.texts(".related li").is_empty());
        // Facets count what matched; a filter narrows.
        let all = api(app, &q("refugees")).await;
        let practices = all["facets"]["kinds"]["practice"].as_u64().unwrap_or(0);
        assert!(practices > 0, "{}", all["facets"]);
        let only = api(app, &format!("{}&type=practice", q("refugees"))).await;
        assert_eq!(only["total"].as_u64().unwrap(), practices);
        assert!(ids(&only).iter().all(|i| i.starts_with("practice:")));
        // The page shows highlighted snippets, escaped.
        let page = app.get("/search?q=refugees&lang=ar").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<mark>"), "highlights");
        assert!(!page.texts(".hit h3 a").is_empty());
    }
);

db_test!(
    async fn members_only_items_never_reach_visitors(app) {
        app.load_demo().await;
        let r = resource::Entity::find()
            .filter(resource::Column::Slug.eq("sanliurfa-framing-notes"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let tx = app.db.begin_write().await.unwrap();
        let mut m: resource::ActiveModel = r.clone().into();
        m.visibility = Set("members".into());
        m.update(&tx).await.unwrap();
        outbox::record(&tx, "resource", r.id, Op::Updated).await.unwrap();
        tx.commit().await.unwrap();
        app.index().await;
        let key = format!("resource:{}", r.id);
        let visitor = api(app, &q("Framing Notes Sanliurfa")).await;
        assert!(!ids(&visitor).contains(&key), "{visitor}");
        let everything = api(app, "type=resource&per_page=100").await;
        assert!(!ids(&everything).contains(&key));
        let counted = everything["facets"]["kinds"]["resource"].as_u64().unwrap();
        assert_eq!(counted, everything["total"].as_u64().unwrap(), "facets count only what a visitor sees");
        let member = people::create(
            &app.db,
            &Email::parse("reader@example.org").unwrap(),
            "Reader",
            Role::Member,
            Locale::En,
            &Password::parse("search test password".into()).unwrap(),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        let (cookie, _) = app.session_for(member.id).await;
        let res = app
            .get_with("/api/v1/search?type=resource&per_page=100", &[("cookie", &cookie)])
            .await;
        let json = res.json();
        assert!(ids(&json).contains(&key), "members see it");
        assert_eq!(json["facets"]["kinds"]["resource"].as_u64().unwrap(), counted + 1);
        let page = app.get_with("/search?q=Framing&lang=en", &[("cookie", &cookie)]).await;
        assert!(page.body.contains(&format!("/library/{}", r.id)));
        assert!(!app.get("/search?q=Framing&lang=en").await.body.contains(&format!("/library/{}\"", r.id)));
    }
);

db_test!(
    async fn an_edit_is_found_once_the_indexer_has_run(app) {
        app.load_demo().await;
        app.index().await;
        let p = practice::Entity::find()
            .filter(practice::Column::Slug.eq("konya-social-card"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let key = format!("practice:{}", p.id);
        assert!(ids(&api(app, &q("zümrütkart")).await).is_empty());
        let tx = app.db.begin_write().await.unwrap();
        let mut title = p.title.clone();
        title.set(Locale::Tr, "Zümrütkart: Sosyal Kart Projesi");
        let mut m: practice::ActiveModel = p.into();
        m.title = Set(title);
        m.update(&tx).await.unwrap();
        outbox::record(&tx, "practice", key.trim_start_matches("practice:"), Op::Updated).await.unwrap();
        tx.commit().await.unwrap();
        assert!(ids(&api(app, &q("zümrütkart")).await).is_empty(), "not before the indexer runs");
        app.index().await;
        assert_eq!(ids(&api(app, &q("ZÜMRÜTKART")).await).first(), Some(&key));
        // Deleting it removes it.
        let tx = app.db.begin_write().await.unwrap();
        practice::Entity::delete_many()
            .filter(practice::Column::Slug.eq("konya-social-card"))
            .exec(&tx)
            .await
            .unwrap();
        outbox::record(&tx, "practice", key.trim_start_matches("practice:"), Op::Deleted).await.unwrap();
        tx.commit().await.unwrap();
        app.index().await;
        assert!(ids(&api(app, &q("zümrütkart")).await).is_empty());
    }
);

db_test!(
    async fn bad_search_input_gets_a_clear_answer(app) {
        for query in ["type=poem", "theme=nope", "country=XX1", "year=20x", "sort=random", "in=klingon"] {
            let res = app.get(&format!("/api/v1/search?{query}")).await;
            assert_eq!(res.status, StatusCode::BAD_REQUEST, "{query}");
            assert!(res.json()["code"].is_string(), "{query}");
        }
        let long = "a".repeat(201);
        assert_eq!(app.get(&format!("/api/v1/search?q={long}")).await.status, StatusCode::BAD_REQUEST);
        let page = app.get("/search?type=poem&lang=ar").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST);
        assert!(page.body.contains("dir=\"rtl\""), "a translated page, not a raw error");
        // Markup typed into the box comes back as text.
        let res = app.get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(!res.body.contains("<script>alert(1)"));
    }
);

db_test!(
    async fn a_corrupt_index_is_rebuilt_at_start(app) {
        app.load_demo().await;
        let dir = tempfile::tempdir().unwrap();
        {
            let (s, _) = majlis::search::Search::open(dir.path(), majlis::app::search_catalogue()).unwrap();
            s.catch_up(&app.db).await.unwrap();
            assert!(s.index.num_docs() > 50);
        }
        std::fs::write(dir.path().join("index/meta.json"), b"{ not json").unwrap();
        let (s, opened) = majlis::search::Search::open(dir.path(), majlis::app::search_catalogue()).unwrap();
        assert!(matches!(opened, majlis_search::Opened::Fresh));
        assert_eq!(s.index.num_docs(), 0);
        s.catch_up(&app.db).await.unwrap();
        assert!(s.index.num_docs() > 50, "rebuilt from the database");
        let reached = s.position().await;
        assert!(reached > 0);
        drop(s);
        // An index ahead of its database (another or a restored database
        // behind the same data folder) is rebuilt too.
        std::fs::write(dir.path().join("cursor"), "99999999").unwrap();
        let (s, opened) = majlis::search::Search::open(dir.path(), majlis::app::search_catalogue()).unwrap();
        assert!(matches!(opened, majlis_search::Opened::Existing));
        assert_eq!(s.position().await, 99_999_999);
        s.catch_up(&app.db).await.unwrap();
        assert_eq!(s.position().await, reached, "back in step with the database");
    }
);
