//! What a newcomer sees (issue 20): the events list's default tab, event
//! pages that fit their state, consultations past their closing date, the
//! home page as the network's front door, the demo's dated content and the
//! weight of the pages. On both databases.

mod common;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use majlis::db::outbox::{self, Op};
use majlis::events::entities::event;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

const WEBINAR: &str = "webinar-keeping-in-touch-with-migrant-communities";
const OPEN_DILEMMA: &str = "staying-in-touch-with-migrant-communities";

/// Move the demo's one event to come into the past (as time would).
async fn no_event_to_come(app: &common::TestApp) {
    let e = event::Entity::find()
        .filter(event::Column::Slug.eq(WEBINAR))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("the demo has an event to come");
    let tx = app.db.begin_write().await.unwrap();
    let mut am: event::ActiveModel = e.clone().into();
    am.starts_at = Set(Utc::now() - Duration::days(30));
    am.ends_at = Set(Utc::now() - Duration::days(30) + Duration::hours(2));
    am.update(&tx).await.unwrap();
    outbox::record(&tx, "event", e.id, Op::Updated)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

db_test!(
    async fn the_events_list_opens_on_what_is_to_come_else_on_the_past(app) {
        app.load_demo().await;
        // Something to come: the "upcoming" tab, marked as the current one.
        let list = app.get("/events").await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.texts(".tabs a[aria-current=page]"), vec!["Upcoming"]);
        assert_eq!(list.texts(".tabs a").len(), 3);
        let titles = list.texts(".card-title a");
        assert_eq!(titles.len(), 1, "{titles:?}");
        assert!(titles[0].contains("Keeping in touch"), "{titles:?}");
        assert!(list.texts("#events-fell-back").is_empty());

        // Nothing to come: the past events, saying why, with the "past" tab current.
        no_event_to_come(app).await;
        let list = app.get("/events").await;
        assert_eq!(list.texts(".tabs a[aria-current=page]"), vec!["Past"]);
        let why = list.texts("#events-fell-back");
        assert_eq!(why.len(), 1);
        assert!(why[0].contains("No event is coming up"), "{why:?}");
        assert!(list.texts(".card-title a").len() >= 10);
        assert!(!list.body.contains("No event matches these filters"));
        // The filter form keeps the tab shown.
        assert_eq!(list.attr("input[name=when]", "value").as_deref(), Some("past"));

        // The upcoming tab asked for: an empty state leading to the past.
        let upcoming = app.get("/events?when=upcoming").await;
        assert_eq!(upcoming.texts(".tabs a[aria-current=page]"), vec!["Upcoming"]);
        assert_eq!(
            upcoming.texts(".empty-state p:first-child"),
            vec!["No upcoming event has been announced yet."]
        );
        assert_eq!(
            upcoming.attr(".empty-state .next a", "href").as_deref(),
            Some("/events?when=past&lang=en")
        );
        // A filter that matches nothing says so, and offers to clear it.
        let none = app.get("/events?when=past&kind=webinar&year=1999").await;
        assert_eq!(
            none.texts(".empty-state p:first-child"),
            vec!["No event matches these filters."]
        );
        // Tabs keep the filters and start from the first page.
        let tabs = app.get("/events?when=past&kind=peer-workshop&page=2").await;
        let hrefs: Vec<String> = tabs
            .html()
            .select(&scraper::Selector::parse(".tabs a").unwrap())
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert_eq!(
            hrefs,
            vec![
                "/events?when=upcoming&kind=peer-workshop&lang=en",
                "/events?when=past&kind=peer-workshop&lang=en",
                "/events?when=all&kind=peer-workshop&lang=en",
            ]
        );
        // In another language too.
        let ar = app.get("/events?lang=ar").await;
        assert_eq!(ar.texts("#events-fell-back").len(), 1);
        assert!(!ar.texts("#events-fell-back")[0].is_ascii());
    }
);

db_test!(
    async fn an_empty_network_says_no_event_was_added(app) {
        let list = app.get("/events").await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(
            list.texts(".empty-state p:first-child"),
            vec!["No event has been added yet."]
        );
        assert!(list.texts("#events-fell-back").is_empty());
    }
);

db_test!(
    async fn an_event_page_fits_its_state(app) {
        app.load_demo().await;
        // Past: outcomes and participants first, no word about registration.
        let past = app.get("/events/istanbul-2018-dialogue-workshop").await;
        assert_eq!(past.status, StatusCode::OK);
        assert!(!past.body.contains("Registration is not open"));
        assert!(past.texts("#registration").is_empty());
        let order: Vec<String> = past
            .html()
            .select(&scraper::Selector::parse("article > section[id]").unwrap())
            .filter_map(|s| s.value().attr("id").map(str::to_owned))
            .collect();
        assert_eq!(order.first().map(String::as_str), Some("outcomes"), "{order:?}");
        assert_eq!(order.get(1).map(String::as_str), Some("participants"), "{order:?}");
        assert!(order.contains(&"programme".to_owned()), "{order:?}");
        // To come: sign-up, the programme, no empty outcomes or participants.
        let future = app.get(&format!("/events/{WEBINAR}")).await;
        assert_eq!(future.status, StatusCode::OK);
        assert_eq!(future.texts("#registration").len(), 1);
        assert!(future.texts("#outcomes").is_empty());
        assert!(future.texts("#participants").is_empty());
        assert!(!future.body.contains("Nothing has been recorded about the outcomes yet"));
        assert!(!future.body.contains("No participant figures have been recorded"));
        assert_eq!(future.texts("#programme .session").len(), 3);
    }
);

db_test!(
    async fn a_consultation_past_its_closing_date_takes_no_more_and_says_so(app) {
        app.load_demo().await;
        let list = app.get("/consultations?per_page=100").await;
        assert_eq!(list.status, StatusCode::OK);
        let cards = list.texts(".cards > .card");
        // The demo's clinic dilemmas without a result stayed "in discussion"
        // with a closing date in 2018: now closed to contributions.
        let stale: Vec<&String> = cards
            .iter()
            .filter(|c| c.contains("Closed to contributions"))
            .collect();
        assert!(!stale.is_empty(), "{cards:?}");
        for c in &stale {
            // In the one date style: "closed on 1 April 2018".
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
            assert!(
                c.contains("closed on ") && months.iter().any(|m| c.contains(&format!(" {m} 2018"))),
                "{c}"
            );
            assert!(!c.contains("2018-"), "{c}");
            assert!(!c.contains("In discussion"), "{c}");
            assert!(!c.contains("closes"), "{c}");
        }
        // The open one says when it closes.
        let open = cards
            .iter()
            .find(|c| c.contains("no single community speaks for them all"))
            .expect("the demo's open consultation");
        assert!(open.contains("closes"), "{open}");
        assert!(!open.contains("Closed to contributions"), "{open}");
        // Themes are chips, each its own link.
        assert!(list.texts(".card .tags li a").len() >= stale.len());
        // Its own page says the same.
        let slug = list
            .html()
            .select(&scraper::Selector::parse(".card").unwrap())
            .find(|c| c.text().collect::<String>().contains("Closed to contributions"))
            .and_then(|c| {
                c.select(&scraper::Selector::parse("h2 a").unwrap())
                    .next()
                    .and_then(|a| a.value().attr("href").map(str::to_owned))
            })
            .unwrap();
        let page = app.get(&slug).await;
        let status = page.texts("#status dd").join(" ");
        assert!(status.contains("Closed to contributions"), "{status}");
        assert!(!status.contains("Ideas and experience"), "{status}");
        // Unfiltered and empty: nothing "matches these filters".
        let empty = common::TestApp::sqlite().await;
        let none = empty.get("/consultations").await;
        assert_eq!(
            none.texts(".empty-state p:first-child"),
            vec!["No consultation has been opened yet."]
        );
        empty.finish().await;
    }
);

/// Queries the home page runs for a visitor on a cold node, whatever the
/// size of the network: the content version, the network overview's
/// aggregates, and the reads of its five blocks (events to come and past,
/// practices, documents, consultations taking contributions), each a single
/// list query. A warm visitor's page needs the version only.
const HOME_QUERIES: u32 = 10;

db_test!(
    async fn the_home_page_shows_what_is_happening_in_bounded_queries(app) {
        app.load_demo().await;
        // The event lists are kept per minute (which events are still to
        // come moves with the clock): a page read in a later minute than the
        // first reads them again.
        let minute = || chrono::Utc::now().timestamp() / 60;
        let first_minute = minute();
        let home = app.get("/").await;
        assert_eq!(home.status, StatusCode::OK);
        assert_eq!(home.queries(), HOME_QUERIES);
        let again = app.get("/").await;
        assert_eq!(again.queries(), 1, "a visitor's home page is kept whole");
        assert_eq!(again.body, home.body);

        let upcoming = home.texts("#home-upcoming .blocks a");
        assert_eq!(upcoming.len(), 1, "{upcoming:?}");
        assert!(upcoming[0].contains("Keeping in touch"));
        assert_eq!(home.texts("#home-recent .blocks > li").len(), 3);
        assert_eq!(home.texts("#home-practices .blocks > li").len(), 3);
        assert_eq!(home.texts("#home-documents .blocks > li").len(), 3);
        let open = home.texts("#home-consultations .blocks a");
        assert_eq!(open.len(), 1, "{open:?}");
        assert!(open[0].contains("no single community"), "{open:?}");
        // Each block links on.
        for (block, href) in [
            ("#home-upcoming", "/events?when=upcoming&lang=en"),
            ("#home-recent", "/events?when=past&lang=en"),
            ("#home-practices", "/practices?lang=en"),
            ("#home-documents", "/library?lang=en"),
            ("#home-consultations", "/consultations?lang=en"),
        ] {
            assert_eq!(
                home.attr(&format!("{block} .more a"), "href").as_deref(),
                Some(href),
                "{block}"
            );
        }
        // The network in figures, each linking to its list.
        let figures = home.texts("#home-figures .figure-links a");
        assert_eq!(figures.len(), 6, "{figures:?}");
        assert!(figures.iter().any(|f| f.ends_with("Good practices") && f.starts_with("15")), "{figures:?}");
        assert!(figures.iter().any(|f| f.ends_with("Events") && f.starts_with("12")), "{figures:?}");

        // Every locale: the page in its language, its blocks named in it.
        for (lang, heading) in [
            ("ar", "قريبًا"),
            ("tr", "Yaklaşanlar"),
            ("fr", "À venir"),
            ("de", "Demnächst"),
        ] {
            let page = app.get(&format!("/?lang={lang}")).await;
            assert_eq!(page.attr("html", "lang").as_deref(), Some(lang));
            assert_eq!(page.texts("#h-upcoming"), vec![heading.to_owned()]);
            // Another language is another page: the version and the five
            // lists again (the overview is kept), and the two event lists
            // again when the minute has turned since the first page.
            if minute() == first_minute {
                assert_eq!(page.queries(), 6, "{lang}");
            } else {
                assert!(matches!(page.queries(), 6 | 8), "{lang}: {}", page.queries());
            }
            assert_eq!(page.texts("#home-figures .figure-links a").len(), 6);
        }

        // A signed-in member gets a page rendered for them (their name in it),
        // still in a bounded number of queries.
        let id = common::person(app, "member@example.org", majlis::policy::Role::Member).await;
        let (cookie, _) = app.session_for(id).await;
        let mine = app.get_with("/", &[("cookie", &cookie)]).await;
        assert_eq!(mine.status, StatusCode::OK);
        assert_eq!(mine.texts(".account-nav .nav-end a"), vec!["member@example.org"]);
        assert!(mine.queries() <= HOME_QUERIES + 2, "{}", mine.queries());
    }
);

db_test!(
    async fn the_demo_has_a_published_compendium_and_dated_content(app) {
        let first = app.load_demo().await;
        assert!(first.created > 0);
        // A visitor sees the published edition, not the draft.
        let list = app.get("/compendiums").await;
        let titles = list.texts(".card-title a");
        assert_eq!(titles.len(), 1, "{titles:?}");
        assert!(titles[0].contains("Learning the language"), "{titles:?}");
        let edition = app.get("/compendiums/language-and-encounters-2018").await;
        assert_eq!(edition.status, StatusCode::OK);
        assert!(edition.body.contains("Project Series"), "a practice placed in it");
        assert_eq!(
            app.get("/compendiums/istanbul-2018-good-practices").await.status,
            StatusCode::NOT_FOUND
        );
        // An event to come and a consultation taking contributions, dated
        // from the day of the load.
        let e = event::Entity::find()
            .filter(event::Column::Slug.eq(WEBINAR))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let days = (e.starts_at - Utc::now()).num_days();
        assert!((19..=21).contains(&days), "{days}");
        use majlis::consultations::entities::dilemma;
        let d = dilemma::Entity::find()
            .filter(dilemma::Column::Slug.eq(OPEN_DILEMMA))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(d.status, "open");
        assert!(d.closes_at.is_some_and(|c| c > Utc::now() + Duration::days(20)));
        // A second load changes nothing.
        let second = app.load_demo().await;
        assert_eq!((second.created, second.updated), (0, 0), "{second:?}");
        let again = event::Entity::find_by_id(e.id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again.starts_at, e.starts_at);
    }
);

/// Every page a newcomer meets weighs at most 30 KB compressed, with its
/// stylesheet and script; the table is printed (`--nocapture`).
#[tokio::test]
async fn every_page_with_its_css_and_js_weighs_at_most_30_kb_compressed() {
    let app = common::TestApp::sqlite().await;
    app.load_demo().await;
    app.index().await;
    let gz = |path: String| {
        let app = &app;
        async move {
            let res = app.get_with(&path, &[("accept-encoding", "gzip")]).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            assert_eq!(res.header("content-encoding"), Some("gzip"), "{path}");
            res
        }
    };
    let home = app.get("/").await;
    let css = home.attr("link[rel=stylesheet]", "href").unwrap();
    let css_gz = gz(css).await.bytes.len();
    let search = app.get("/search?q=refugees").await;
    let js = search.attr("script[src]", "src");
    let js_gz = match js {
        Some(js) => gz(js).await.bytes.len(),
        None => 0,
    };
    let mut table = vec![
        format!("| page | HTML (gzip) | with CSS and JS |"),
        "|---|---:|---:|".into(),
    ];
    for page in [
        "/",
        "/?lang=ar",
        "/events",
        "/events?when=past",
        "/events/istanbul-2018-dialogue-workshop",
        &format!("/events/{WEBINAR}"),
        "/events/urban-academy-1-education",
        "/consultations",
        &format!("/consultations/{OPEN_DILEMMA}"),
        "/library",
        "/practices",
        "/practices/14",
        "/compendiums",
        "/compendiums/language-and-encounters-2018",
        "/municipalities",
        "/organisations",
        "/network",
        "/network?lang=ar",
        "/municipalities/sanliurfa/cohesion",
        "/municipalities/sanliurfa/cohesion?lang=ar",
        "/search?q=refugees",
    ] {
        let html = gz(page.to_owned()).await.bytes.len();
        let uses_js = page.starts_with("/search");
        let total = html + css_gz + if uses_js { js_gz } else { 0 };
        table.push(format!("| {page} | {html} | {total} |"));
        assert!(total <= 30 * 1024, "{page}: {total} bytes compressed");
    }
    println!("{}", table.join("\n"));
    app.finish().await;
}

fn link_token(mail: &str) -> String {
    let start = mail.find("/invitation/").expect("a link") + "/invitation/".len();
    mail[start..start + 32].to_owned()
}

db_test!(
    async fn pending_invitations_are_listed_sent_again_and_withdrawn(app) {
        let coordinator = common::coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coordinator).await;
        let empty = app.get_with("/people/invitations", &[("cookie", &cookie)]).await;
        assert_eq!(empty.status, StatusCode::OK);
        assert_eq!(
            empty.texts(".empty-state p:first-child"),
            vec!["No invitation is waiting to be accepted."]
        );
        for email in ["first@example.org", "second@example.org"] {
            let sent = app
                .post_form(
                    "/people/invite",
                    &[("csrf", &csrf), ("email", email), ("role", "member"), ("municipality", ""), ("locale", "en")],
                    &cookie,
                )
                .await;
            assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        }
        assert_eq!(app.deliver_mail().await, 2);
        let first_link = link_token(&app.mails()[0]);
        let list = app.get_with("/people/invitations", &[("cookie", &cookie)]).await;
        assert_eq!(list.queries(), 3, "the session (one read, with its person and affiliations), the invitations and their inviters");
        let rows = list.texts("table.invitations tbody tr th");
        assert_eq!(rows, vec!["second@example.org", "first@example.org"]);
        assert!(list.texts("table.invitations tbody tr")[0].contains("coordinator@example.org"));

        use majlis::accounts::invitation;
        let first = invitation::Entity::find()
            .filter(invitation::Column::Email.eq("first@example.org"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        // Sent again: a new link, the old one no longer works.
        let again = app
            .post_form(&format!("/people/invitations/{}/resend", first.id), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        assert_eq!(again.header("location"), Some("/people/invitations?done=resent&lang=en"));
        assert_eq!(app.deliver_mail().await, 1);
        let new_link = link_token(app.mails().last().unwrap());
        assert_ne!(new_link, first_link);
        assert_eq!(app.get(&format!("/invitation/{first_link}")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/invitation/{new_link}")).await.status, StatusCode::OK);
        let after = app
            .get_with("/people/invitations?done=resent", &[("cookie", &cookie)])
            .await;
        assert_eq!(after.texts(".notice"), vec!["The invitation was sent again with a new link."]);

        // Withdrawn: the link stops working and the row leaves the list.
        let gone = app
            .post_form(&format!("/people/invitations/{}/revoke", first.id), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(gone.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get(&format!("/invitation/{new_link}")).await.status, StatusCode::NOT_FOUND);
        let list = app.get_with("/people/invitations", &[("cookie", &cookie)]).await;
        assert_eq!(list.texts("table.invitations tbody tr th"), vec!["second@example.org"]);
        // Twice: nothing left to withdraw.
        let twice = app
            .post_form(&format!("/people/invitations/{}/revoke", first.id), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(twice.status, StatusCode::NOT_FOUND);
        // Both are in the audit log, named.
        let audit = app.get_with("/audit", &[("cookie", &cookie)]).await;
        let text = audit.texts("table.audit tbody tr").join("\n");
        assert!(text.contains("Invitation sent again"), "{text}");
        assert!(text.contains("Invitation withdrawn"), "{text}");
        // A member may not see or touch them.
        let member = common::person(app, "member@example.org", majlis::policy::Role::Member).await;
        let (mcookie, mcsrf) = app.session_for(member).await;
        assert_eq!(
            app.get_with("/people/invitations", &[("cookie", &mcookie)]).await.status,
            StatusCode::FORBIDDEN
        );
        let second = invitation::Entity::find()
            .filter(invitation::Column::Email.eq("second@example.org"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let refused = app
            .post_form(&format!("/people/invitations/{}/revoke", second.id), &[("csrf", &mcsrf)], &mcookie)
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(invitation::Entity::find_by_id(second.id).one(app.db.read()).await.unwrap().is_some());
    }
);

db_test!(
    async fn publishing_a_compendium_is_its_own_action(app) {
        app.load_demo().await;
        let coordinator = common::coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coordinator).await;
        let slug = "istanbul-2018-good-practices";
        // The arrangement form no longer carries the status.
        let arrange = app
            .get_with(&format!("/compendiums/{slug}/edit"), &[("cookie", &cookie)])
            .await;
        assert_eq!(arrange.status, StatusCode::OK);
        assert!(arrange.attr("input[name=status]", "value").is_none());
        // The edition's page offers it.
        let page = app.get_with(&format!("/compendiums/{slug}"), &[("cookie", &cookie)]).await;
        assert_eq!(
            page.attr("#publishing input[name=status]", "value").as_deref(),
            Some("published")
        );
        // Saving the arrangement keeps a draft a draft.
        let saved = app
            .post_form(&format!("/compendiums/{slug}/edit"), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get(&format!("/compendiums/{slug}")).await.status, StatusCode::NOT_FOUND);
        // Published: visitors read it and find it in the list.
        let bad = app
            .post_form(&format!("/compendiums/{slug}/status"), &[("csrf", &csrf), ("status", "maybe")], &cookie)
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let done = app
            .post_form(&format!("/compendiums/{slug}/status"), &[("csrf", &csrf), ("status", "published")], &cookie)
            .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get(&format!("/compendiums/{slug}")).await.status, StatusCode::OK);
        assert_eq!(app.get("/compendiums").await.texts(".card-title a").len(), 2);
        // Saving the arrangement keeps it published.
        app.post_form(&format!("/compendiums/{slug}/edit"), &[("csrf", &csrf)], &cookie).await;
        assert_eq!(app.get(&format!("/compendiums/{slug}")).await.status, StatusCode::OK);
        // Back to draft.
        let back = app
            .post_form(&format!("/compendiums/{slug}/status"), &[("csrf", &csrf), ("status", "draft")], &cookie)
            .await;
        assert_eq!(back.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get(&format!("/compendiums/{slug}")).await.status, StatusCode::NOT_FOUND);
        let audit = app.get_with("/audit?object=compendium", &[("cookie", &cookie)]).await;
        let text = audit.texts("table.audit tbody tr").join("\n");
        assert!(text.contains("Compendium published"), "{text}");
        assert!(text.contains("Compendium taken back to draft"), "{text}");
        assert!(text.contains("Good practices presented at the Istanbul dialogue workshop"), "the edition is named: {text}");
    }
);

/// The texts of `page`'s body that contain `needle` and are not isolated:
/// neither inside a `<bdi>` nor inside an element with a `dir` of its own
/// (`<html dir>` is the page's and does not count; scripts are left out).
fn unisolated(page: &common::TestResponse, needle: &str) -> Vec<String> {
    let html = page.html();
    let body = html
        .select(&scraper::Selector::parse("body").unwrap())
        .next()
        .expect("a body");
    body.descendants()
        .filter_map(|n| n.value().as_text().map(|t| (n, t.to_string())))
        .filter(|(_, t)| t.contains(needle))
        .filter(|(n, _)| {
            !n.ancestors().any(|a| {
                a.value().as_element().is_some_and(|e| {
                    e.name() == "bdi"
                        || e.name() == "script"
                        || (e.name() != "html" && e.attr("dir").is_some())
                })
            })
        })
        .map(|(_, t)| t)
        .collect()
}

/// The `<bdi>` in `selector` on `page` holding exactly `text`: its `lang` and `dir`.
#[track_caller]
fn bdi_in(
    page: &common::TestResponse,
    selector: &str,
    text: &str,
) -> (Option<String>, Option<String>) {
    let html = page.html();
    let sel = scraper::Selector::parse(&format!("{selector} bdi")).unwrap();
    html.select(&sel)
        .find(|b| b.text().collect::<String>() == text)
        .map(|b| {
            (
                b.value().attr("lang").map(str::to_owned),
                b.value().attr("dir").map(str::to_owned),
            )
        })
        .unwrap_or_else(|| panic!("no <bdi> holding {text:?} in {selector}: {}", page.body))
}

db_test!(
    async fn english_titles_on_arabic_pages_are_isolated_with_their_punctuation(app) {
        use majlis::consultations::entities::dilemma;
        use majlis::events::entities::event_session;
        use majlis::library::entities::resource;
        const ENCOUNTERS: &str = "Project Series “Creating Encounters”";
        const QUESTION: &str = "How can migrants, refugees in particular, be motivated to take part in the voluntary sector and to stay committed over time?";
        app.load_demo().await;
        app.index().await;
        let db = app.db.read();
        let english = (Some("en".to_owned()), Some("ltr".to_owned()));

        // A document's page: its heading.
        let doc = resource::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .find(|r| r.title.original() == ENCOUNTERS)
            .expect("the demo's Oberhausen presentation");
        let page = app.get(&format!("/library/{}?lang=ar", doc.id)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("dir=\"rtl\""));
        assert_eq!(bdi_in(&page, "h1", ENCOUNTERS), english);
        assert_eq!(unisolated(&page, "Creating Encounters"), Vec::<String>::new());

        // An event's programme: the session's heading.
        let session = event_session::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.title.original() == ENCOUNTERS)
            .expect("the demo's session");
        let e = event::Entity::find_by_id(session.event_id).one(db).await.unwrap().unwrap();
        let page = app.get(&format!("/events/{}?lang=ar", e.slug)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(bdi_in(&page, "h4", ENCOUNTERS), english);
        assert_eq!(unisolated(&page, "Creating Encounters"), Vec::<String>::new());

        // A dilemma's page: the question, its question mark inside.
        let d = dilemma::Entity::find()
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.question.original() == QUESTION)
            .expect("the demo's dilemma");
        let coordinator = common::coordinator(app, "reader@example.org").await;
        let (cookie, _) = app.session_for(coordinator).await;
        let page = app
            .get_with(&format!("/consultations/{}?lang=ar", d.slug), &[("cookie", &cookie)])
            .await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert_eq!(bdi_in(&page, "h1", QUESTION), english);
        assert_eq!(unisolated(&page, "voluntary sector"), Vec::<String>::new());

        // The lists they appear in, and search results.
        for uri in [
            "/library?lang=ar".to_owned(),
            "/consultations?lang=ar&status=all".to_owned(),
            format!("/events/{}/clinics/{}?lang=ar", e.slug, session.id),
            "/?lang=ar".to_owned(),
        ] {
            let page = app.get_with(&uri, &[("cookie", &cookie)]).await;
            for needle in ["Creating Encounters", "voluntary sector"] {
                assert_eq!(unisolated(&page, needle), Vec::<String>::new(), "{uri}");
            }
        }
        for (q, title) in [("Encounters", ENCOUNTERS), ("voluntary", QUESTION)] {
            let page = app
                .get_with(&format!("/search?q={q}&lang=ar"), &[("cookie", &cookie)])
                .await;
            assert_eq!(page.status, StatusCode::OK);
            let (lang, dir) = bdi_in(&page, ".hits h3", title);
            assert_eq!(lang.as_deref(), Some("en"), "{q}");
            assert!(dir.is_none() || dir.as_deref() == Some("ltr"), "{q}: {dir:?}");
            assert_eq!(unisolated(&page, title), Vec::<String>::new(), "{q}");
        }
    }
);

db_test!(
    async fn the_demo_documents_get_stand_in_files_in_their_language(app) {
        use majlis::library::entities::{resource, resource_version};
        app.load_demo().await;
        let before = app.get("/events/istanbul-2018-dialogue-workshop").await;
        assert!(before.body.contains("not available yet"), "the seeds hold no file");
        let uploads = majlis::library::files::Uploads::from_settings(&app.settings).unwrap();
        let made = majlis::demo::stand_in_files(&app.db, &uploads, Utc::now()).await.unwrap();
        let versions = resource_version::Entity::find().all(app.db.read()).await.unwrap();
        assert!(made > 0);
        assert_eq!(made, versions.len(), "every version of a demo document");
        assert!(versions.iter().all(|v| v.file_sha256.is_some() && v.file_name.as_deref().is_some_and(|n| n.ends_with(".pdf"))));
        // A second run makes nothing.
        assert_eq!(majlis::demo::stand_in_files(&app.db, &uploads, Utc::now()).await.unwrap(), 0);

        // The event's materials can now be read.
        let after = app.get("/events/istanbul-2018-dialogue-workshop").await;
        assert!(!after.body.contains("not available yet"), "materials exist");

        // An Arabic version: a PDF in Arabic that says it stands in for the original.
        let ar = versions.iter().find(|v| v.lang == "ar").expect("an Arabic version in the demo");
        let page = app.get(&format!("/library/{}?lang=ar", ar.resource_id)).await;
        assert_eq!(page.status, StatusCode::OK);
        let href = page.attr("a[href^='/files/'][hreflang='ar']", "href").expect("a download link for the Arabic version");
        let file = app.get(&href).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.header("content-type"), Some("application/pdf"));
        let text = common::pdf_text(&file.bytes).split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains("حول هذا الملف"), "{text}");
        assert!(text.contains("ملف بديل"), "{text}");
        let r = resource::Entity::find_by_id(ar.resource_id).one(app.db.read()).await.unwrap().unwrap();
        let title = ar.title.clone().unwrap_or_else(|| r.title.text(majlis::i18n::Locale::Ar).to_owned());
        let first_word = title.split_whitespace().next().unwrap().to_owned();
        assert!(text.contains(&first_word), "{first_word} in {text}");
        // An English one says so in English.
        let en = versions.iter().find(|v| v.lang == "en").unwrap();
        let page = app.get(&format!("/library/{}", en.resource_id)).await;
        let href = page.attr("a[href^='/files/'][hreflang='en']", "href").unwrap();
        let text = common::pdf_text(&app.get(&href).await.bytes);
        assert!(text.contains("stand-in file, not the original document"), "{text}");
    }
);
