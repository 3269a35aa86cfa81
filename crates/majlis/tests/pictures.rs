//! Pictures and charts: the member map and the charts of `/network`, a
//! municipality's position in its form, participants by country on an
//! event's page, and photos of events and practices (upload checked by
//! content, WebP thumbnails, alt text, who may see them). On both databases.

mod common;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use common::{TestApp, TestResponse, upload};
use majlis::directory::entities::municipality;
use majlis::events::entities::event;
use majlis::library::entities::{picture, practice};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

const ISTANBUL: &str = "istanbul-2018-dialogue-workshop";

/// The number in a table cell ("1,234", "٣٨"…) as an integer.
fn number(text: &str) -> i64 {
    let digits: String = text
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10),
            _ => None,
        })
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a number in {text:?}"))
}

db_test!(
    async fn the_network_page_maps_members_and_charts_them_by_country(app) {
        app.load_demo().await;
        let all = municipality::Entity::find().all(app.db.read()).await.unwrap();
        let placed: Vec<&municipality::Model> = all
            .iter()
            .filter(|m| m.latitude_micro.is_some() && m.longitude_micro.is_some())
            .collect();
        // The demo places every municipality.
        assert_eq!(placed.len(), all.len());
        assert!(placed.len() > 40);

        let res = app.get("/network").await;
        assert_eq!(res.status, StatusCode::OK);
        // Every placed municipality is a named link on the map and a row of
        // the table beside it.
        let links = res.texts("svg.member-map a title");
        assert_eq!(links.len(), placed.len());
        assert!(links.contains(&"Gaziantep".to_owned()), "{links:?}");
        assert_eq!(
            res.attr(
                "svg.member-map a[aria-label='Greater Amman Municipality']",
                "href"
            )
            .as_deref(),
            Some("/municipalities/amman?lang=en")
        );
        assert_eq!(res.texts("#c-places ~ tbody tr").len(), placed.len());
        assert_eq!(res.attr("svg.member-map", "role").as_deref(), Some("group"));
        // No third-party request: the map is inline, its links local.
        let map_html = {
            let html = res.html();
            let sel = scraper::Selector::parse("svg.member-map").unwrap();
            html.select(&sel).next().unwrap().html()
        };
        assert!(!map_html.contains("href=\"http"), "only local links");
        assert!(!res.body.contains("src=\"http"), "nothing loaded from elsewhere");
        assert!(!res.body.contains("tile.openstreetmap"), "no tiles");

        // Members by country: the table holds the demo's counts, and the
        // chart has one bar per country with members.
        let mut by_country: BTreeMap<String, i64> = BTreeMap::new();
        for m in &all {
            *by_country.entry(m.country_code.clone()).or_default() += 1;
        }
        let html = res.html();
        let sel = |s: &str| scraper::Selector::parse(s).unwrap();
        let mut shown: BTreeMap<String, i64> = BTreeMap::new();
        for row in html.select(&sel("#h-by-country ~ .chart-pair tbody tr")) {
            let cells: Vec<String> = row
                .select(&sel("td"))
                .map(|c| c.text().collect::<String>())
                .collect();
            let link = row
                .select(&sel("td a[href^='/municipalities?country=']"))
                .next()
                .and_then(|a| a.value().attr("href"))
                .map(|h| h.trim_start_matches("/municipalities?country=").to_owned());
            if let Some(code) = link {
                shown.insert(code, number(&cells[0]));
            }
        }
        assert_eq!(shown, by_country);
        let bars = res.texts("#chart-members-title");
        assert_eq!(bars, ["Member municipalities by country"]);
        assert_eq!(
            html.select(&sel("svg g[id^=chart-members-bar-]")).count(),
            by_country.len()
        );
        // Türkiye's bar says Türkiye's count.
        let turkey = by_country["TR"];
        assert!(
            res.texts("svg g[id^=chart-members-bar-] > title")
                .contains(&format!("Türkiye: {turkey}")),
            "{:?}",
            res.texts("svg g[id^=chart-members-bar-] > title")
        );

        // No municipality reports a refugee figure: no chart, no 0 anywhere.
        assert!(all.iter().all(|m| m.refugees_hosted.is_none()));
        assert!(res.attr("#chart-refugees-title", "id").is_none());
        assert_eq!(
            res.texts("#h-refugees ~ p.empty").len(),
            1,
            "the page says why there is no chart"
        );
        assert_eq!(res.texts(".figures dd")[3], "not reported");

        // In Arabic the bars grow from the right; the map keeps its geography.
        let ar = app.get("/network?lang=ar").await;
        assert_eq!(
            ar.attr("svg[aria-labelledby^=chart-members]", "direction").as_deref(),
            Some("rtl")
        );
        assert_eq!(ar.attr("svg.member-map", "direction").as_deref(), Some("ltr"));
        assert_eq!(ar.texts("svg.member-map a title").len(), placed.len());
    }
);

db_test!(
    async fn a_reported_figure_gets_a_bar_and_the_others_none(app) {
        app.load_demo().await;
        let coordinator = common::coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coordinator).await;
        let form = app
            .get_with("/municipalities/kilis/edit", &[("cookie", &cookie)])
            .await;
        let pairs = edit_pairs(
            &form,
            &[("csrf", &csrf), ("refugees", "100000"), ("refugees_year", "2019")],
        );
        let res = post_pairs(app, "/municipalities/kilis/edit", &pairs, &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = app.get("/network").await;
        let titles = res.texts("svg g[id^=chart-refugees-bar-] > title");
        assert_eq!(titles, ["Türkiye: 100,000"]);
        assert_eq!(res.texts(".figures dd")[3], "100,000");
        assert!(
            res.texts("#h-refugees ~ p.muted")[0].contains("countries have no reported figure"),
            "{:?}",
            res.texts("#h-refugees ~ p.muted")
        );
    }
);

/// The municipality form as it stands, with some values changed.
fn edit_pairs(page: &TestResponse, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let html = page.html();
    let form = html
        .select(&sel("form.edit-form"))
        .next()
        .expect("the form");
    let mut out: Vec<(String, String)> = Vec::new();
    for e in form.select(&sel("input[name], textarea[name], select[name]")) {
        let v = e.value();
        let name = v.attr("name").unwrap().to_owned();
        let value = match v.name() {
            "textarea" => e.text().collect(),
            "select" => e
                .select(&sel("option[selected]"))
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or_default()
                .to_owned(),
            _ if v.attr("type") == Some("checkbox") => {
                if v.attr("checked").is_none() {
                    continue;
                }
                v.attr("value").unwrap_or("on").to_owned()
            }
            _ => v.attr("value").unwrap_or_default().to_owned(),
        };
        out.push((name, value));
    }
    for (k, v) in changes {
        match out.iter_mut().find(|(n, _)| n == k) {
            Some(p) => p.1 = (*v).to_owned(),
            None => out.push(((*k).to_owned(), (*v).to_owned())),
        }
    }
    out
}

async fn post_pairs(
    app: &TestApp,
    path: &str,
    pairs: &[(String, String)],
    cookie: &str,
) -> TestResponse {
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(path, &pairs, cookie).await
}

db_test!(
    async fn a_position_out_of_range_is_refused_with_the_form_kept(app) {
        app.load_demo().await;
        let coordinator = common::coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coordinator).await;
        let stored = || async {
            let m = municipality::Entity::find()
                .filter(municipality::Column::Slug.eq("gaziantep"))
                .one(app.db.read())
                .await
                .unwrap()
                .unwrap();
            (m.latitude_micro, m.longitude_micro)
        };
        let before = stored().await;
        assert_eq!(before, (Some(37_066_200), Some(37_383_300)));
        let form = app
            .get_with("/municipalities/gaziantep/edit", &[("cookie", &cookie)])
            .await;
        assert_eq!(form.status, StatusCode::OK);
        // The form shows the stored position.
        assert_eq!(form.attr("#f-latitude", "value").as_deref(), Some("37.0662"));
        assert_eq!(form.attr("#f-longitude", "value").as_deref(), Some("37.3833"));

        for (lat, lon, bad) in [
            ("95", "37.38", vec!["latitude"]),
            ("37.06", "east", vec!["longitude"]),
            ("", "37.38", vec!["latitude"]),
            ("NaN", "181", vec!["latitude", "longitude"]),
        ] {
            let pairs = edit_pairs(&form, &[("csrf", &csrf), ("latitude", lat), ("longitude", lon)]);
            let res = post_pairs(app, "/municipalities/gaziantep/edit", &pairs, &cookie).await;
            assert_eq!(res.status, StatusCode::BAD_REQUEST, "{lat} {lon}: {}", res.body);
            assert_eq!(res.attr("#f-latitude", "value").as_deref(), Some(lat));
            assert_eq!(res.attr("#f-longitude", "value").as_deref(), Some(lon));
            for field in ["latitude", "longitude"] {
                assert_eq!(
                    res.attr(&format!("#f-{field}"), "aria-invalid").is_some(),
                    bad.contains(&field),
                    "{lat} {lon}: {field}"
                );
            }
            let errors = res.texts("#edit-errors li");
            assert_eq!(errors.len(), bad.len(), "{errors:?}");
            assert!(errors[0].contains("decimal degrees"), "{errors:?}");
            assert_eq!(stored().await, before, "nothing changed");
        }
        // In Arabic the message is Arabic.
        let pairs = edit_pairs(&form, &[("csrf", &csrf), ("latitude", "-91")]);
        let res = post_pairs(app, "/municipalities/gaziantep/edit?lang=ar", &pairs, &cookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.texts("#edit-errors li")[0].contains("خط عرض"));

        // A good position (a comma taken for the point) is saved, and the
        // map places it.
        let pairs = edit_pairs(&form, &[("csrf", &csrf), ("latitude", "37,5"), ("longitude", "-0.25")]);
        let res = post_pairs(app, "/municipalities/gaziantep/edit", &pairs, &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(stored().await, (Some(37_500_000), Some(-250_000)));
        // Both empty: off the map.
        let pairs = edit_pairs(&form, &[("csrf", &csrf), ("latitude", ""), ("longitude", "")]);
        let res = post_pairs(app, "/municipalities/gaziantep/edit", &pairs, &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(stored().await, (None, None));
        let network = app.get("/network").await;
        assert!(!network.texts("svg.member-map a title").contains(&"Gaziantep".to_owned()));
    }
);

db_test!(
    async fn an_event_page_charts_its_participants_by_country(app) {
        app.load_demo().await;
        let e = event::Entity::find()
            .filter(event::Column::Slug.eq(ISTANBUL))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let figures = e.figures.clone().expect("the demo's figures");
        let res = app.get(&format!("/events/{ISTANBUL}")).await;
        assert_eq!(res.status, StatusCode::OK);
        // The table beside the chart holds the event's figures.
        let rows = res.texts(".chart-pair table.participant-figures tbody td");
        let mut shown: Vec<i64> = rows.iter().map(|t| number(t)).collect();
        let mut stated: Vec<i64> = figures.by_country.values().copied().collect();
        shown.sort_unstable();
        stated.sort_unstable();
        assert_eq!(shown, stated);
        assert_eq!(stated, [9, 38]);
        // And the chart one bar each, saying the same.
        let bars = res.texts("svg g[id^=chart-participants-bar-] > title");
        assert_eq!(bars, ["Türkiye: 38", "Germany: 9"]);
        let ar = app.get(&format!("/events/{ISTANBUL}?lang=ar")).await;
        assert_eq!(
            ar.attr("svg[aria-labelledby^=chart-participants]", "direction").as_deref(),
            Some("rtl")
        );
    }
);

/// A photo-like picture of `width` × `height` pixels in `format`.
fn a_picture(width: u32, height: u32, format: image::ImageFormat) -> Vec<u8> {
    let pixels = image::ImageBuffer::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8, (y % 241) as u8, ((x + y) % 7 * 30) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(pixels)
        .write_to(&mut out, format)
        .unwrap();
    out.into_inner()
}

async fn event_id(app: &TestApp, slug: &str) -> i32 {
    event::Entity::find()
        .filter(event::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn picture_count(app: &TestApp) -> usize {
    picture::Entity::find()
        .all(app.db.read())
        .await
        .unwrap()
        .len()
}

db_test!(
    async fn photos_are_checked_by_content_and_kept_as_small_webp(app) {
        app.load_demo().await;
        let coordinator = common::coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coordinator).await;
        let id = event_id(app, ISTANBUL).await;
        let form_path = format!("/pictures/event/{id}");

        // The form states its size limit; visitors and members don't get it.
        let form = app.get_with(&form_path, &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let hint = form.texts("#h-picture");
        assert!(hint[0].contains("JPEG, PNG or WebP, at most"), "{hint:?}");
        assert!(hint[0].contains(" MB"), "{hint:?}");
        assert_eq!(app.get(&form_path).await.status, StatusCode::UNAUTHORIZED);
        let member = common::person(app, "member@example.org", majlis::policy::Role::Member).await;
        let (member_cookie, member_csrf) = app.session_for(member).await;
        assert_eq!(
            app.get_with(&form_path, &[("cookie", &member_cookie)]).await.status,
            StatusCode::FORBIDDEN
        );
        let jpeg = a_picture(1600, 1000, image::ImageFormat::Jpeg);
        let refused = upload(
            app,
            &form_path,
            &member_cookie,
            &[("csrf", &member_csrf), ("orig", "en"), ("alt_en", "x")],
            &[("picture", "a.jpg", &jpeg)],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);

        // A .jpg that is really text: refused, the alt text kept, nothing stored.
        let text = b"This is not a photo at all, only words.".as_slice();
        let res = upload(
            app,
            &form_path,
            &cookie,
            &[("csrf", &csrf), ("orig", "en"), ("alt_en", "The panel on migration"), ("alt_ar", "لجنة الهجرة")],
            &[("picture", "panel.jpg", text)],
        )
        .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
        assert_eq!(res.texts("#form-errors li").len(), 1);
        assert_eq!(res.attr("#alt-en", "value").as_deref(), Some("The panel on migration"));
        assert_eq!(res.attr("#alt-ar", "value").as_deref(), Some("لجنة الهجرة"));
        assert_eq!(res.attr("#f-picture", "aria-invalid").as_deref(), Some("true"));
        // A PDF is a real file but not a picture.
        let pdf = majlis_print::Printer::new()
            .practice_sheet(&majlis_print::Sheet {
                lang: "en".into(),
                title: "Not a photo".into(),
                subtitle: None,
                facts: vec![],
                sections: vec![majlis_print::Section {
                    heading: "Approach".into(),
                    text: "Words.".into(),
                }],
                footer: None,
            })
            .unwrap();
        let res = upload(
            app,
            &form_path,
            &cookie,
            &[("csrf", &csrf), ("orig", "en"), ("alt_en", "A sheet")],
            &[("picture", "sheet.jpg", &pdf)],
        )
        .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.texts("#form-errors li")[0].contains("not a JPEG, PNG or WebP"));
        // No alt text in the language chosen: refused, in the reader's language.
        let res = upload(
            app,
            &format!("{form_path}?lang=fr"),
            &cookie,
            &[("csrf", &csrf), ("orig", "fr"), ("alt_en", "Only English")],
            &[("picture", "a.jpg", &jpeg)],
        )
        .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.texts("#form-errors li")[0].contains("Décrivez la photo"));
        assert_eq!(res.attr("#f-alt input[aria-invalid]", "name").as_deref(), Some("alt_en"));
        assert_eq!(picture_count(app).await, 0);

        // A good JPEG: a WebP thumbnail no larger than 640 pixels.
        let res = upload(
            app,
            &form_path,
            &cookie,
            &[("csrf", &csrf), ("orig", "en"), ("alt_en", "Participants around a table"), ("alt_tr", "Masa etrafında katılımcılar")],
            &[("picture", "workshop.jpg", &jpeg)],
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let rows = picture::Entity::find().all(app.db.read()).await.unwrap();
        assert_eq!(rows.len(), 1);
        let p = &rows[0];
        assert_eq!((p.width, p.height), (640, 400));
        assert_eq!(p.alt.text(majlis::i18n::Locale::Tr), "Masa etrafında katılımcılar");
        assert_eq!(p.alt.orig(), majlis::i18n::Locale::En);
        let src = format!("/pictures/event/{id}/{}", p.id);
        let file = app.get(&src).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.header("content-type"), Some("image/webp"));
        assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
        let back = image::load_from_memory_with_format(&file.bytes, image::ImageFormat::WebP).unwrap();
        assert_eq!((back.width(), back.height()), (640, 400));
        // A PNG smaller than a thumbnail keeps its size.
        let png = a_picture(300, 200, image::ImageFormat::Png);
        let res = upload(
            app,
            &form_path,
            &cookie,
            &[("csrf", &csrf), ("orig", "ar"), ("alt_ar", "صورة جماعية للمشاركين")],
            &[("picture", "group.png", &png)],
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

        // The event page shows them lazily, with their size and alt text
        // in the reader's language.
        let page = app.get(&format!("/events/{ISTANBUL}")).await;
        assert_eq!(
            page.attr(&format!("#photos img[src='{src}']"), "alt").as_deref(),
            Some("Participants around a table")
        );
        assert_eq!(page.attr(&format!("#photos img[src='{src}']"), "loading").as_deref(), Some("lazy"));
        assert_eq!(page.attr(&format!("#photos img[src='{src}']"), "width").as_deref(), Some("640"));
        assert_eq!(page.attr(&format!("#photos img[src='{src}']"), "height").as_deref(), Some("400"));
        assert_eq!(page.texts("#photos img").len(), 2);
        let tr = app.get(&format!("/events/{ISTANBUL}?lang=tr")).await;
        assert_eq!(
            tr.attr(&format!("#photos img[src='{src}']"), "alt").as_deref(),
            Some("Masa etrafında katılımcılar")
        );
        // The event's card in the list shows its first photo, decorative
        // (the card's title says what it is), lazily; no other card has one.
        let list = app.get("/events?when=all&per_page=100").await;
        let cards = list.html();
        let with_photo: Vec<(String, String)> = cards
            .select(&scraper::Selector::parse(".card").unwrap())
            .filter_map(|card| {
                let img = card.select(&scraper::Selector::parse("img.card-photo").unwrap()).next()?;
                let link = card.select(&scraper::Selector::parse(".card-title a").unwrap()).next()?;
                Some((
                    link.value().attr("href").unwrap_or_default().to_owned(),
                    img.value().attr("src").unwrap_or_default().to_owned(),
                ))
            })
            .collect();
        assert_eq!(with_photo.len(), 1, "{with_photo:?}");
        assert!(with_photo[0].0.starts_with(&format!("/events/{ISTANBUL}?")), "{with_photo:?}");
        assert_eq!(with_photo[0].1, src);
        assert_eq!(list.attr("img.card-photo", "alt").as_deref(), Some(""));
        assert_eq!(list.attr("img.card-photo", "loading").as_deref(), Some("lazy"));

        // Visitors don't get the link to change them; staff do.
        assert!(page.attr("#photos a[href^='/pictures/']", "href").is_none());
        let staff_page = app.get_with(&format!("/events/{ISTANBUL}"), &[("cookie", &cookie)]).await;
        assert_eq!(
            staff_page.attr("#photos a[href^='/pictures/']", "href"),
            Some(format!("{form_path}?lang=en"))
        );

        // Deleted: gone from the page and no longer served.
        let res = app
            .post_form(&format!("{src}/delete"), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(picture_count(app).await, 1);
        assert_eq!(app.get(&src).await.status, StatusCode::NOT_FOUND);
        let page = app.get(&format!("/events/{ISTANBUL}")).await;
        assert_eq!(page.texts("#photos img").len(), 1);
        // The card now shows the one left.
        let left = page.attr("#photos img", "src").unwrap();
        let list = app.get("/events?when=all&per_page=100").await;
        assert_eq!(list.attr("img.card-photo", "src"), Some(left));
    }
);

db_test!(
    async fn photos_of_private_events_and_unpublished_practices_are_not_served_to_visitors(app) {
        app.load_demo().await;
        let coordinator = common::coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coordinator).await;
        let id = event_id(app, ISTANBUL).await;
        let jpeg = a_picture(800, 600, image::ImageFormat::Jpeg);
        let res = upload(
            app,
            &format!("/pictures/event/{id}"),
            &cookie,
            &[("csrf", &csrf), ("orig", "en"), ("alt_en", "The workshop")],
            &[("picture", "w.jpg", &jpeg)],
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let p = picture::Entity::find().one(app.db.read()).await.unwrap().unwrap();
        let src = format!("/pictures/event/{id}/{}", p.id);
        assert_eq!(app.get(&src).await.status, StatusCode::OK);
        assert_eq!(app.get(&src).await.header("cache-control"), Some("public, max-age=86400"));

        // The event becomes members-only: visitors get nothing.
        let e = event::Entity::find_by_id(id).one(app.db.read()).await.unwrap().unwrap();
        let mut am: event::ActiveModel = e.into();
        am.visibility = Set("members".into());
        let tx = app.db.begin_write().await.unwrap();
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        assert_eq!(app.get(&src).await.status, StatusCode::NOT_FOUND);
        let member = common::person(app, "member@example.org", majlis::policy::Role::Member).await;
        let (member_cookie, _) = app.session_for(member).await;
        let seen = app.get_with(&src, &[("cookie", &member_cookie)]).await;
        assert_eq!(seen.status, StatusCode::OK);
        assert_eq!(seen.header("cache-control"), Some("private, no-store"));
        // Another owner's address does not reach it.
        assert_eq!(
            app.get_with(&format!("/pictures/practice/{id}/{}", p.id), &[("cookie", &cookie)]).await.status,
            StatusCode::NOT_FOUND
        );

        // A practice's photo while it is not published (sent for review):
        // staff see it, visitors and other members don't.
        let draft = practice::Entity::find()
            .filter(practice::Column::Status.eq("published"))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("a published practice in the demo");
        let mut am: practice::ActiveModel = draft.clone().into();
        am.status = Set("submitted".into());
        let tx = app.db.begin_write().await.unwrap();
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        let res = upload(
            app,
            &format!("/pictures/practice/{}", draft.id),
            &cookie,
            &[("csrf", &csrf), ("orig", "en"), ("alt_en", "The practice at work")],
            &[("picture", "p.jpg", &jpeg)],
        )
        .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let q = picture::Entity::find()
            .filter(picture::Column::OwnerKind.eq("practice"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let src = format!("/pictures/practice/{}/{}", draft.id, q.id);
        assert_eq!(app.get(&src).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_with(&src, &[("cookie", &member_cookie)]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_with(&src, &[("cookie", &cookie)]).await.status, StatusCode::OK);
        // The practice's page shows it to staff.
        let page = app
            .get_with(&format!("/practices/{}", draft.id), &[("cookie", &cookie)])
            .await;
        assert_eq!(page.attr("#photos img", "alt").as_deref(), Some("The practice at work"));
        // So does its card in the review queue; the published list has no card with it.
        let queue = app.get_with("/library/review?per_page=100", &[("cookie", &cookie)]).await;
        assert_eq!(queue.status, StatusCode::OK);
        assert_eq!(queue.attr("img.card-photo", "src"), Some(src.clone()));
        let published = app.get("/practices?per_page=100").await;
        assert!(published.attr("img.card-photo", "src").is_none());
    }
);
