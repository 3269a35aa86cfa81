//! Atom feeds as a feed reader takes them: valid documents (read back with
//! a parser), newest first, filtered like the pages, in the asked language,
//! never carrying what a visitor may not read, and linked from the pages.

mod common;

use std::collections::BTreeSet;

use atom_syndication::Feed;
use axum::http::StatusCode;
use common::{TestResponse, person};
use majlis::consultations::entities::dilemma;
use majlis::events::entities::event;
use majlis::library::entities::resource;
use majlis::policy::Role;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

fn feed(r: &TestResponse) -> Feed {
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        &r.body[..r.body.len().min(400)]
    );
    assert_eq!(
        r.header("content-type"),
        Some("application/atom+xml; charset=utf-8")
    );
    r.body
        .parse::<Feed>()
        .unwrap_or_else(|e| panic!("not Atom ({e}): {}", &r.body[..r.body.len().min(400)]))
}

/// The addresses (paths) of a feed's entries.
fn paths(f: &Feed) -> Vec<String> {
    f.entries()
        .iter()
        .map(|e| {
            let href = e.links()[0].href();
            let url = url::Url::parse(href).expect("absolute link");
            url.path().to_owned()
        })
        .collect()
}

fn ordered_newest_first(f: &Feed) -> bool {
    f.entries()
        .windows(2)
        .all(|w| w[0].updated() >= w[1].updated())
}

db_test!(
    async fn the_network_feed_merges_every_activity_newest_first(app) {
        app.load_demo().await;
        let f = feed(&app.get("/feed.atom").await);
        let ps = paths(&f);
        assert!(!ps.is_empty() && ps.len() <= 50, "{} entries", ps.len());
        assert!(ordered_newest_first(&f));
        for prefix in ["/practices/", "/library/", "/events/"] {
            assert!(
                ps.iter().any(|p| p.starts_with(prefix)),
                "no {prefix} entry in {ps:?}"
            );
        }
        // Every entry is a page a visitor can open.
        for p in ps.iter().take(12) {
            assert_eq!(app.get(p).await.status, StatusCode::OK, "{p}");
        }
        // The activities' own feeds carry what the merged one does.
        let practices = feed(&app.get("/practices.atom").await);
        assert!(ordered_newest_first(&practices));
        let own: BTreeSet<String> = paths(&practices).into_iter().collect();
        for p in ps.iter().filter(|p| p.starts_with("/practices/")) {
            assert!(own.contains(p), "{p} only in the network feed");
        }
        assert_eq!(f.lang.as_deref(), Some("en"));
        assert!(f.links().iter().any(|l| l.rel() == "self"
            && l.href().ends_with("/feed.atom?lang=en")));
    }
);

db_test!(
    async fn feeds_follow_the_lists_filters(app) {
        app.load_demo().await;
        // Theme: the feed holds the practices the filtered page lists.
        let all = feed(&app.get("/practices.atom").await);
        let theme = "language-learning";
        let on_theme = feed(&app.get(&format!("/practices.atom?theme={theme}")).await);
        let list = app.get(&format!("/practices?theme={theme}&per_page=100")).await;
        let listed: BTreeSet<String> = list
            .html()
            .select(&scraper::Selector::parse("main a[href^='/practices/']").unwrap())
            .filter_map(|a| a.value().attr("href"))
            .map(|h| h.split('?').next().unwrap_or_default().to_owned())
            .filter(|h| !h.contains("/practices/new") && !h.contains("/practices/mine"))
            .collect();
        let fed: BTreeSet<String> = paths(&on_theme).into_iter().collect();
        assert!(!fed.is_empty(), "no practice on {theme}");
        assert!(fed.len() < paths(&all).len(), "the theme filtered nothing");
        assert_eq!(fed, listed, "feed and page differ");
        // Each entry names its themes, in the feed's language.
        for e in on_theme.entries() {
            assert!(
                e.categories().iter().any(|c| c.term() == "Language learning"),
                "{}",
                e.id()
            );
        }
        let de = feed(&app.get(&format!("/practices.atom?theme={theme}&lang=de")).await);
        assert!(de.entries().iter().all(|e| e.categories().iter().any(|c| c.term() == "Spracherwerb")));
        // The page links its feed with the same filter and language.
        let href = list
            .attr("link[rel=alternate][type='application/atom+xml']", "href")
            .expect("feed link on /practices");
        assert_eq!(href, format!("/practices.atom?theme={theme}&lang=en"));

        // Country: every event in the feed is in that country.
        let events = feed(&app.get("/events.atom?country=TR").await);
        let turkey = paths(&events);
        assert!(!turkey.is_empty());
        let everywhere = paths(&feed(&app.get("/events.atom").await));
        assert!(turkey.len() < everywhere.len());
        for p in &turkey {
            let page = app.get(p).await;
            assert!(
                page.body.contains("Türkiye") || page.body.contains("Turkey"),
                "{p} is not in Turkey"
            );
        }
        // A malformed filter is refused, as on the page.
        assert_eq!(
            app.get("/events.atom?country=not-a-country").await.status,
            StatusCode::BAD_REQUEST
        );
    }
);

db_test!(
    async fn feeds_carry_only_what_a_visitor_may_read(app) {
        app.load_demo().await;
        let before = paths(&feed(&app.get("/resources.atom").await));
        let first = before.first().expect("a document in the feed").clone();
        let id: i32 = first.trim_start_matches("/library/").parse().unwrap();
        let r = resource::Entity::find_by_id(id).one(app.db.read()).await.unwrap().unwrap();
        let mut am: resource::ActiveModel = r.into();
        am.visibility = Set("members".to_owned());
        let tx = app.db.begin_write().await.unwrap();
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        // Even asked for by a member, a feed is the visitors' one: its
        // address may be shared or kept in a reader.
        let member = person(app, "feed-reader@example.org", Role::Member).await;
        let (cookie, _) = app.session_for(member).await;
        // The member really is signed in: the document's page opens for
        // them, not for a visitor.
        let page = app.get_with(&first, &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::OK, "{first} as a member");
        assert_ne!(app.get(&first).await.status, StatusCode::OK, "{first} as a visitor");
        let as_member = app.get_with("/resources.atom", &[("cookie", &cookie)]).await;
        for f in [feed(&app.get("/resources.atom").await), feed(&as_member)] {
            assert!(!paths(&f).contains(&first), "members-only {first} in a feed");
        }
        assert!(!paths(&feed(&app.get("/feed.atom").await)).contains(&first));

        // Consultations: only concluded ones, each with its result.
        let concluded = dilemma::Entity::find()
            .filter(dilemma::Column::Status.eq("concluded"))
            .filter(dilemma::Column::Visibility.eq("public"))
            .all(app.db.read())
            .await
            .unwrap();
        assert!(!concluded.is_empty(), "the demo has concluded consultations");
        let f = feed(&app.get("/consultations.atom").await);
        let fed: BTreeSet<String> = paths(&f).into_iter().collect();
        let expected: BTreeSet<String> = concluded
            .iter()
            .map(|d| format!("/consultations/{}", d.slug))
            .collect();
        assert_eq!(fed, expected);
        // Each entry carries the result its rapporteur recorded.
        for d in &concluded {
            let path = format!("/consultations/{}", d.slug);
            let e = f
                .entries()
                .iter()
                .find(|e| e.links()[0].href().contains(&format!("{path}?")))
                .expect("entry of a concluded consultation");
            let result = d.result.as_ref().map(|r| r.text(majlis::i18n::Locale::En));
            assert_eq!(e.summary().map(|s| s.as_str()), result, "{path}");
        }
    }
);

db_test!(
    async fn feeds_speak_the_asked_language(app) {
        app.load_demo().await;
        let f = feed(&app.get("/events.atom?lang=ar").await);
        assert_eq!(f.lang.as_deref(), Some("ar"));
        assert!(f.title().as_str().contains("مجلس"), "{}", f.title().as_str());
        // Every entry says which language its title is in, and links the
        // Arabic page.
        for e in f.entries() {
            assert!(e.title().lang.is_some());
            assert!(e.links()[0].href().ends_with("?lang=ar"));
        }
        // An event with an Arabic title (the demo's webinar to come) gives
        // it; the others keep their English original, marked as such.
        for e in f.entries() {
            let title = e.title().as_str();
            let arabic = title.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
            let want = if arabic { "ar" } else { "en" };
            assert_eq!(e.title().lang.as_deref(), Some(want), "{title}");
        }
        assert!(f.entries().iter().any(|e| e.title().lang.as_deref() == Some("en")));
        // An event translated into Arabic gives its Arabic title.
        let e = event::Entity::find()
            .filter(event::Column::Slug.eq("sanliurfa-2016-peer-workshop"))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("the Sanliurfa workshop");
        let mut title = e.title.clone();
        title.set(majlis::i18n::Locale::Ar, "ورشة شانلي أورفا");
        let id = e.id;
        let mut am: event::ActiveModel = e.into();
        am.title = Set(title);
        let tx = app.db.begin_write().await.unwrap();
        am.update(&tx).await.unwrap();
        // As every rule that changes content does (visitors' feeds are kept
        // until the outbox moves).
        majlis::db::outbox::record(&tx, "event", id, majlis::db::outbox::Op::Updated)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let f = feed(&app.get("/events.atom?lang=ar").await);
        let translated = f
            .entries()
            .iter()
            .find(|e| e.id().ends_with("/events/sanliurfa-2016-peer-workshop"))
            .expect("the workshop in the feed");
        assert_eq!(translated.title().as_str(), "ورشة شانلي أورفا");
        assert_eq!(translated.title().lang.as_deref(), Some("ar"));
        let en = feed(&app.get("/events.atom?lang=en").await);
        assert_eq!(paths(&en), paths(&f), "the language changes no entry");
        // The date-and-place line is written in the feed's language, as
        // the event's page writes it.
        let date_line = translated
            .summary()
            .map(|s| s.as_str().lines().next().unwrap_or_default().to_owned())
            .unwrap_or_default();
        assert!(date_line.starts_with("10–12 نوفمبر 2016"), "{date_line}");
        assert!(
            date_line.contains("تركيا") && !date_line.contains("Türkiye") && !date_line.contains("Turkey"),
            "{date_line}"
        );
    }
);
