//! Languages done properly (issue 20): lists in each language's alphabetical
//! order, country choices that hold what the lists have, one date style on
//! event pages in the five languages, and a person's own time zone beside
//! the venue's. On both databases.

mod common;

use axum::http::StatusCode;
use majlis::accounts::person;
use majlis::policy::Role;
use sea_orm::EntityTrait;

const SANLIURFA: &str = "/events/sanliurfa-2016-peer-workshop";

fn position(list: &[String], name: &str) -> usize {
    list.iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("{name} not in {list:?}"))
}

fn in_collation_order(lang: majlis_locale::Lang, names: &[String]) -> bool {
    names
        .windows(2)
        .all(|w| majlis_locale::compare(lang, &w[0], &w[1]) != std::cmp::Ordering::Greater)
}

db_test!(
    async fn municipalities_and_organisations_are_in_each_languages_order(app) {
        use majlis_locale::Lang;
        app.load_demo().await;
        let names = |path: String| async move {
            let res = app.get(&path).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            res.texts(".directory-list .card-title a bdi")
        };

        // English: by name, not by address or acronym ("Center for
        // Mediterranean Integration" is cmi, "Champions without Borders" is
        // champions-ohne-grenzen).
        let en = names("/organisations?lang=en&per_page=100".into()).await;
        assert!(en.len() > 30, "{en:?}");
        assert!(in_collation_order(Lang::En, &en), "{en:?}");
        assert!(
            position(&en, "Center for Mediterranean Integration")
                < position(&en, "Champions without Borders")
        );

        // Arabic: by the Arabic names, Latin ones after them.
        let ar = names("/organisations?lang=ar&per_page=100".into()).await;
        assert!(in_collation_order(Lang::Ar, &ar), "{ar:?}");
        assert_eq!(ar.last().map(String::as_str), Some("WALD"), "{ar:?}");
        assert!(position(&ar, "مجموعة البنك الدولي") < position(&ar, "منظمة المدن المتحدة والحكومات المحلية – فرع الشرق الأوسط وغرب آسيا"));

        // Arabic municipalities: the alifs with and without hamza are one
        // letter (byte order would put every أ before every إ).
        let ar = names("/municipalities?lang=ar&per_page=100".into()).await;
        assert_eq!(ar.len(), 45, "{ar:?}");
        assert!(in_collation_order(Lang::Ar, &ar), "{ar:?}");
        assert!(position(&ar, "إدنبرة") < position(&ar, "أضنة"), "{ar:?}");

        // Turkish: S, then Ş (byte order and English put Şahinbey among the S).
        let tr = names("/municipalities?lang=tr&per_page=100".into()).await;
        assert!(in_collation_order(Lang::Tr, &tr), "{tr:?}");
        assert!(position(&tr, "Stuttgart") < position(&tr, "Şahinbey"), "{tr:?}");
        assert!(position(&tr, "Şanlıurfa") < position(&tr, "Tempelhof-Schöneberg (Berlin)"));
        let en = names("/municipalities?lang=en&per_page=100".into()).await;
        assert!(position(&en, "Şahinbey") < position(&en, "Stuttgart"), "{en:?}");

        // A page of the list is a slice of the whole ordered list.
        let first = names("/municipalities?lang=tr&per_page=10".into()).await;
        let second = names("/municipalities?lang=tr&per_page=10&page=2".into()).await;
        assert_eq!(first, tr[..10]);
        assert_eq!(second, tr[10..20]);
    }
);

db_test!(
    async fn country_choices_hold_what_the_lists_have(app) {
        app.load_demo().await;
        // List filters: only countries some listed item has, by name.
        for path in ["/events?when=all&lang=en", "/library?lang=en", "/practices?lang=en", "/municipalities?lang=en", "/organisations?lang=en"] {
            let res = app.get(path).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            let names = res.texts("select[name=country] option:not([value=''])");
            assert!(!names.is_empty(), "{path}");
            assert!(names.len() < 40, "{path}: {names:?}");
            assert!(!names.iter().any(|n| n == "Antarctica" || n == "Bouvet Island"), "{path}: {names:?}");
            assert!(in_collation_order(majlis_locale::Lang::En, &names), "{path}: {names:?}");
        }
        // In Turkish the filter follows the Turkish alphabet.
        let tr = app.get("/municipalities?lang=tr").await.texts("select[name=country] option:not([value=''])");
        assert!(in_collation_order(majlis_locale::Lang::Tr, &tr), "{tr:?}");

        // Forms: the network's countries first, then the others, each by name.
        let me = common::coordinator(app, "coordinator@example.org").await;
        let (cookie, _) = app.session_for(me).await;
        for path in ["/events/new?lang=en", "/organisations/new?lang=en"] {
            let res = app.get_with(path, &[("cookie", &cookie)]).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            let groups = res.texts("select[name=country] optgroup");
            assert_eq!(groups.len(), 2, "{path}");
            assert_eq!(res.attr("select[name=country] optgroup", "label").as_deref(), Some("Countries of the network"));
            let network = res.texts("select[name=country] optgroup:first-of-type option");
            let other = res.texts("select[name=country] optgroup:last-of-type option");
            assert!(network.iter().any(|n| n == "Türkiye"), "{network:?}");
            assert!(network.iter().any(|n| n == "Germany"), "{network:?}");
            assert!(!network.iter().any(|n| n == "Antarctica"), "{network:?}");
            assert!(other.iter().any(|n| n == "Antarctica"), "{other:?}");
            assert!(in_collation_order(majlis_locale::Lang::En, &network), "{network:?}");
            assert!(in_collation_order(majlis_locale::Lang::En, &other), "{other:?}");
            let all = majlis::directory::reference::country_rows().unwrap().len();
            assert_eq!(network.len() + other.len(), all, "every country once");
        }
    }
);

db_test!(
    async fn a_country_filter_offers_nothing_only_hidden_items_have(app) {
        use majlis::events::entities::event;
        use majlis::library::entities::{practice, resource, resource_country};
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, QueryOrder};
        app.load_demo().await;
        // Iceland: no demo item is there. One members-only event, one
        // members-only document and one draft practice are put there.
        let tx = app.db.begin_write().await.unwrap();
        let e = event::Entity::find().order_by_asc(event::Column::Id).one(&tx).await.unwrap().unwrap();
        let mut e: event::ActiveModel = e.into();
        e.visibility = Set("members".into());
        e.country_code = Set(Some("IS".into()));
        e.update(&tx).await.unwrap();
        let r = resource::Entity::find().order_by_asc(resource::Column::Id).one(&tx).await.unwrap().unwrap();
        let rid = r.id;
        let mut r: resource::ActiveModel = r.into();
        r.visibility = Set("members".into());
        r.update(&tx).await.unwrap();
        resource_country::Entity::insert(resource_country::ActiveModel {
            resource_id: Set(rid),
            country_code: Set("IS".into()),
        })
        .exec(&tx)
        .await
        .unwrap();
        let p = practice::Entity::find().order_by_asc(practice::Column::Id).one(&tx).await.unwrap().unwrap();
        let mut p: practice::ActiveModel = p.into();
        p.status = Set("draft".into());
        p.country_code = Set(Some("IS".into()));
        p.update(&tx).await.unwrap();
        tx.commit().await.unwrap();

        let offered = |res: &common::TestResponse| res.texts("select[name=country] option:not([value=''])");
        let member = common::person(app, "member@example.org", Role::Member).await;
        let (cookie, _) = app.session_for(member).await;
        for path in ["/events?when=all&lang=en", "/library?lang=en", "/practices?lang=en"] {
            let res = app.get(path).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            let names = offered(&res);
            assert!(!names.is_empty(), "{path}");
            assert!(!names.iter().any(|n| n == "Iceland"), "{path} offers a country only hidden items have: {names:?}");
            // Chosen anyway (an old link): offered so the form shows it, the list is empty of it.
            let chosen = app.get(&format!("{path}&country=IS")).await;
            assert!(offered(&chosen).iter().any(|n| n == "Iceland"), "{path}: the chosen country is kept");
        }
        // Who may see the members-only event and document is offered Iceland;
        // the draft practice stays out of the published list for everyone.
        for (path, shown) in [("/events?when=all&lang=en", true), ("/library?lang=en", true), ("/practices?lang=en", false)] {
            let res = app.get_with(path, &[("cookie", &cookie)]).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            assert_eq!(offered(&res).iter().any(|n| n == "Iceland"), shown, "{path} for a member");
        }
    }
);

db_test!(
    async fn event_pages_write_dates_in_one_style_in_every_language(app) {
        app.load_demo().await;
        let expected = [
            ("en", "10–12 November 2016, 09:00–17:00"),
            ("tr", "10–12 Kasım 2016, 09:00–17:00"),
            ("fr", "10–12 novembre 2016, 09:00–17:00"),
            ("de", "10.–12. November 2016, 09:00–17:00"),
            ("ar", "10–12 نوفمبر 2016، "),
        ];
        for (lang, when) in expected {
            let res = app.get(&format!("{SANLIURFA}?lang={lang}")).await;
            assert_eq!(res.status, StatusCode::OK);
            assert!(res.body.contains(when), "{lang}: {when} not in the page");
            assert!(!res.body.contains("2016-11-10 09:00"), "{lang}: a raw date");
            // Labelled with the venue's zone, in the page's language.
            let zone = match lang {
                "en" => "Türkiye Time",
                "tr" => "Türkiye Saati",
                "ar" => "توقيت تركيا",
                _ => "",
            };
            assert!(res.body.contains(zone), "{lang}: {zone}");
        }
        // The list and the feed use the same style.
        let list = app.get("/events?when=past&lang=tr&per_page=50").await;
        assert!(list.body.contains("10–12 Kasım 2016"), "events list");
        let feed = app.get("/events/feed.atom?lang=de").await;
        if feed.status == StatusCode::OK {
            assert!(!feed.body.contains("2016-11-10 09:00"));
        }
    }
);

db_test!(
    async fn a_persons_time_zone_is_checked_kept_and_shown_beside_the_venues(app) {
        app.load_demo().await;
        let me = common::person(app, "reader@example.org", Role::Member).await;
        let (cookie, csrf) = app.session_for(me).await;
        let zone_of = || async {
            person::Entity::find_by_id(me).one(app.db.read()).await.unwrap().unwrap().time_zone
        };

        let form = app.get_with("/account/time-zone?lang=en", &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains(r#"<option value="Europe/Istanbul">"#));

        // A zone not on the list: refused in the page's language, the text
        // kept, nothing saved.
        let bad = app.post_form("/account/time-zone?lang=de", &[("csrf", &csrf), ("time_zone", "Mars/Olympus")], &cookie).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad.texts(".form-error"), ["Das ist keine Zeitzone aus der Liste. Wählen Sie eine wie Europe/Berlin oder lassen Sie das Feld leer."]);
        assert_eq!(bad.attr("#time_zone", "value").as_deref(), Some("Mars/Olympus"));
        assert_eq!(bad.attr("#time_zone", "aria-invalid").as_deref(), Some("true"));
        assert_eq!(zone_of().await, None);
        let alias = app.post_form("/account/time-zone", &[("csrf", &csrf), ("time_zone", "US/Eastern")], &cookie).await;
        assert_eq!(alias.status, StatusCode::BAD_REQUEST, "old aliases are not on the list");

        // Visitors and people without a zone see the venue's only.
        let visitor = app.get(&format!("{SANLIURFA}?lang=en")).await;
        assert!(!visitor.body.contains("In your time zone"));
        let mine = app.get_with(&format!("{SANLIURFA}?lang=en"), &[("cookie", &cookie)]).await;
        assert!(!mine.body.contains("In your time zone"));

        let saved = app.post_form("/account/time-zone", &[("csrf", &csrf), ("time_zone", "America/New_York")], &cookie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER);
        assert_eq!(zone_of().await.as_deref(), Some("America/New_York"));
        let back = app.get_with("/account/time-zone?saved=1&lang=en", &[("cookie", &cookie)]).await;
        assert_eq!(back.attr("#time_zone", "value").as_deref(), Some("America/New_York"));

        // 09:00–17:00 in Şanlıurfa (UTC+3) is 01:00–09:00 in New York (UTC−5).
        let page = app.get_with(&format!("{SANLIURFA}?lang=en"), &[("cookie", &cookie)]).await;
        assert!(page.body.contains("10–12 November 2016, 09:00–17:00 (Türkiye Time)"));
        assert!(page.body.contains("In your time zone: 10–12 November 2016, 01:00–09:00"), "{}", page.body);
        // Pages stay cacheable for visitors: they still see the venue's only.
        assert!(!app.get(&format!("{SANLIURFA}?lang=en")).await.body.contains("In your time zone"));

        // The venue's own zone: nothing more to show.
        app.post_form("/account/time-zone", &[("csrf", &csrf), ("time_zone", "Europe/Istanbul")], &cookie).await;
        let same = app.get_with(&format!("{SANLIURFA}?lang=en"), &[("cookie", &cookie)]).await;
        assert!(!same.body.contains("In your time zone"));

        // Empty: none chosen again.
        let cleared = app.post_form("/account/time-zone", &[("csrf", &csrf), ("time_zone", "")], &cookie).await;
        assert_eq!(cleared.status, StatusCode::SEE_OTHER);
        assert_eq!(zone_of().await, None);
    }
);
