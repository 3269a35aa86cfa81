//! A focal point edits their municipality's profile; nobody else's.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use majlis::accounts::{Email, Password, affiliation, people, session, signin};
use majlis::directory::entities::{municipality, organisation};
use majlis::i18n::Locale;
use majlis::policy::Role;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

async fn municipality_id(app: &TestApp, slug: &str) -> i32 {
    municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}

/// A focal point of `slug`, signed in: (cookie, csrf).
async fn focal_point(app: &TestApp, slug: &str) -> (String, String) {
    let p = people::create(
        &app.db,
        &Email::parse(&format!("focal@{slug}.example.org")).unwrap(),
        "Focal point",
        Role::Member,
        Locale::Tr,
        &Password::parse("kilis is a good city".into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap();
    let id = municipality_id(app, slug).await;
    let token = majlis::token::random_token();
    let csrf = majlis::token::random_token();
    let tx = app.db.begin_write().await.unwrap();
    affiliation::ActiveModel {
        person_id: Set(p.id),
        municipality_id: Set(Some(id)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(true),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    session::ActiveModel {
        token_hash: Set(signin::hash_token(&token)),
        person_id: Set(p.id),
        csrf_token: Set(csrf.clone()),
        created_at: Set(Utc::now()),
        last_seen_at: Set(Utc::now()),
        ip: Set("127.0.0.1".into()),
        user_agent: Set("test".into()),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    (app.session_cookie(&token), csrf)
}

db_test!(
    async fn a_focal_point_edits_their_municipality(app) {
        app.load_demo().await;
        let (cookie, csrf) = focal_point(app, "kilis").await;
        let page = app.get_with("/municipalities/kilis", &[("cookie", &cookie)]).await;
        assert_eq!(
            page.attr("a.button-link", "href").as_deref(),
            Some("/municipalities/kilis/edit"),
            "the page offers the edit link to its focal point"
        );
        let other = app.get_with("/municipalities/sahinbey", &[("cookie", &cookie)]).await;
        assert!(other.attr("a.button-link", "href").is_none());

        let form = app.get_with("/municipalities/kilis/edit", &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK);
        assert_eq!(form.attr("#name-tr", "value").as_deref(), Some("Kilis"));

        // Bad figures: 400, nothing saved, what was typed stays.
        let bad = app.post_form("/municipalities/kilis/edit",
            &[
                ("csrf", &csrf),
                ("orig", "tr"),
                ("name_tr", "Kilis Belediyesi"),
                ("population", "many"),
                ("population_year", "2019"),
            ],
            &cookie,
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad.attr("#f-population", "value").as_deref(), Some("many"));
        assert_eq!(bad.attr("#name-tr", "value").as_deref(), Some("Kilis Belediyesi"));
        assert_eq!(bad.attr("#f-population", "aria-invalid").as_deref(), Some("true"));
        let unchanged = app.get("/municipalities/kilis").await;
        assert!(!unchanged.body.contains("Kilis Belediyesi"));

        let saved = app.post_form("/municipalities/kilis/edit",
            &[
                ("csrf", &csrf),
                ("orig", "tr"),
                ("name_tr", "Kilis Belediyesi"),
                ("name_ar", "بلدية كلس"),
                ("profile_tr", "Sınır kenti; Merhamet Ekibi ile sosyal uyum."),
                ("population", "145,826"),
                ("population_year", "2022"),
                ("theme", "1"),
            ],
            &cookie,
        )
        .await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let shown = app.get("/municipalities/kilis?lang=ar").await;
        assert!(shown.texts("h1")[0].contains("بلدية كلس"), "{:?}", shown.texts("h1"));
        let profile = shown.texts(".profile p");
        assert!(profile[0].contains("Sınır kenti"), "{profile:?}");
        assert!(shown.body.contains("145,826"));
        // The list (cached before) shows the change too.
        let list = app.get("/municipalities?country=TR&lang=ar").await;
        assert!(list.body.contains("بلدية كلس"));

        // Someone else's municipality: refused by URL and by form.
        let refused = app.get_with("/municipalities/sahinbey/edit", &[("cookie", &cookie)]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        let refused = app.post_form("/municipalities/sahinbey/edit",
            &[("csrf", &csrf), ("orig", "tr"), ("name_tr", "Taken over")],
            &cookie,
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
        assert!(!app.get("/municipalities/sahinbey").await.body.contains("Taken over"));
        // The change is in the audit log, with who and from where.
        let (coordinator_cookie, _) = {
            let c = people::create(
                &app.db,
                &Email::parse("coordinator@example.org").unwrap(),
                "Coordinator",
                Role::Coordinator,
                Locale::En,
                &Password::parse("coordination matters".into()).unwrap(),
                Utc::now(),
            )
            .await
            .unwrap();
            common::enable_totp(app, c.id).await;
            app.session_for(c.id).await
        };
        let kilis = municipality_id(app, "kilis").await.to_string();
        let log = app
            .get_with(
                &format!("/audit?object=municipality&object_id={kilis}"),
                &[("cookie", &coordinator_cookie)],
            )
            .await;
        assert_eq!(log.status, StatusCode::OK);
        let rows = log.texts("tbody tr");
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].contains("Profile changed") && rows[0].contains("focal@kilis.example.org"), "{rows:?}");
        let bad = app.get_with("/audit?from=yesterday", &[("cookie", &coordinator_cookie)]).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let none = app
            .get_with("/audit?from=2001-01-01&to=2001-12-31", &[("cookie", &coordinator_cookie)])
            .await;
        assert!(none.texts("tbody tr").is_empty());
        // Without the token, nothing changes either.
        let forged = app.post_form("/municipalities/kilis/edit",
            &[("orig", "tr"), ("name_tr", "Forged")],
            &cookie,
        )
        .await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);
    }
);

/// A coordinator with two-step sign-in, signed in: (cookie, csrf).
async fn coordinator(app: &TestApp) -> (String, String) {
    let c = people::create(
        &app.db,
        &Email::parse("directory.coordinator@example.org").unwrap(),
        "Directory coordinator",
        Role::Coordinator,
        Locale::En,
        &Password::parse("coordination matters".into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap();
    common::enable_totp(app, c.id).await;
    app.session_for(c.id).await
}

/// What a browser sends for the page's form: every named field with its
/// value, checked boxes, selected options and text areas.
fn form_pairs(page: &common::TestResponse, form: &str) -> Vec<(String, String)> {
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let html = page.html();
    let form = html.select(&sel(form)).next().expect("the form");
    let mut out = Vec::new();
    for e in form.select(&sel("input[name], textarea[name], select[name]")) {
        let v = e.value();
        let name = v.attr("name").unwrap().to_owned();
        match v.name() {
            "textarea" => out.push((name, e.text().collect())),
            "select" => {
                let chosen = e
                    .select(&sel("option[selected]"))
                    .next()
                    .or_else(|| e.select(&sel("option")).next());
                let value = chosen
                    .and_then(|o| o.value().attr("value"))
                    .unwrap_or_default();
                out.push((name, value.to_owned()));
            }
            _ if v.attr("type") == Some("checkbox") && v.attr("checked").is_none() => {}
            _ => out.push((name, v.attr("value").unwrap_or_default().to_owned())),
        }
    }
    out
}

/// `pairs` with `key` set to `value` (added when missing).
fn with(mut pairs: Vec<(String, String)>, key: &str, value: &str) -> Vec<(String, String)> {
    match pairs.iter_mut().find(|(k, _)| k == key) {
        Some(p) => p.1 = value.to_owned(),
        None => pairs.push((key.to_owned(), value.to_owned())),
    }
    pairs
}

async fn post_pairs(
    app: &TestApp,
    path: &str,
    pairs: &[(String, String)],
    cookie: &str,
) -> common::TestResponse {
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(path, &pairs, cookie).await
}

async fn counts(app: &TestApp) -> (u64, u64) {
    use sea_orm::PaginatorTrait;
    (
        municipality::Entity::find()
            .count(app.db.read())
            .await
            .unwrap(),
        organisation::Entity::find()
            .count(app.db.read())
            .await
            .unwrap(),
    )
}

db_test!(
    async fn a_coordinator_adds_a_municipality(app) {
        app.load_demo().await;
        let (cookie, csrf) = coordinator(app).await;
        let list = app.get_with("/municipalities", &[("cookie", &cookie)]).await;
        assert_eq!(
            list.attr("a.button-link[href^='/municipalities/new']", "href").as_deref(),
            Some("/municipalities/new?lang=en")
        );
        assert!(app.get("/municipalities").await.attr("a[href^='/municipalities/new']", "href").is_none());
        let form = app.get_with("/municipalities/new", &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(form.attr("#f-country option[value=TR]", "value").is_some());
        assert!(form.attr("#f-kind option[value=metropolitan-municipality]", "value").is_some());
        assert_eq!(form.attr("#f-orig option[selected]", "value").as_deref(), Some("en"));

        let good = with(form_pairs(&form, "form.edit-form"), "csrf", &csrf);
        let good = [
            ("slug", "nizip"),
            ("kind", "municipality"),
            ("country", "TR"),
            ("orig", "tr"),
            ("name_tr", "Nizip"),
            ("name_ar", "نزيب"),
            ("profile_tr", "Gaziantep'e bağlı ilçe belediyesi."),
            ("region", "Gaziantep"),
            ("population", "119,000"),
            ("population_year", "2022"),
            ("refugees", "30000"),
            ("refugees_year", "2023"),
            ("member_since", "2021"),
            ("theme", "1"),
        ]
        .into_iter()
        .fold(good, |p, (k, v)| with(p, k, v));
        let before = counts(app).await;

        // A taken address: the field says so, what was typed stays, nothing is stored.
        let taken = post_pairs(app, "/municipalities/new", &with(good.clone(), "slug", "kilis"), &cookie).await;
        assert_eq!(taken.status, StatusCode::BAD_REQUEST, "{}", taken.body);
        assert_eq!(taken.texts("#edit-errors li"), ["address: this address is already taken"]);
        assert_eq!(taken.attr("#edit-errors a", "href").as_deref(), Some("#f-slug"));
        assert_eq!(taken.attr("#f-slug", "value").as_deref(), Some("kilis"));
        assert_eq!(taken.attr("#f-slug", "aria-invalid").as_deref(), Some("true"));
        assert_eq!(taken.attr("#name-ar", "value").as_deref(), Some("نزيب"));
        assert_eq!(taken.attr("#f-country option[selected]", "value").as_deref(), Some("TR"));
        assert!(taken.texts("#profile-tr")[0].contains("ilçe belediyesi"));
        let reserved = post_pairs(app, "/municipalities/new", &with(good.clone(), "slug", "new"), &cookie).await;
        assert_eq!(reserved.status, StatusCode::BAD_REQUEST);
        assert_eq!(counts(app).await, before);

        // Several problems at once, in Arabic: each listed, translated, linked.
        let long = "ن".repeat(201);
        let bad = with(with(with(with(good.clone(), "country", "XX"), "name_tr", ""), "name_ar", &long), "slug", "Nizip!");
        let res = post_pairs(app, "/municipalities/new?lang=ar", &bad, &cookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        let errors = res.texts("#edit-errors li");
        assert_eq!(errors.len(), 4, "{errors:?}");
        for (i, message) in [
            "استخدم أحرفًا لاتينية صغيرة",
            "اختر بلدًا من القائمة",
            "النص طويل جدًا",
            "الاسم مطلوب باللغة الأصلية",
        ]
        .iter()
        .enumerate()
        {
            assert!(errors[i].contains(message), "{i}: {errors:?}");
        }
        assert_eq!(res.attr("#name-ar", "value").as_deref(), Some(long.as_str()));
        assert_eq!(res.attr("#f-slug", "value").as_deref(), Some("Nizip!"));
        assert_eq!(counts(app).await, before);

        let created = post_pairs(app, "/municipalities/new", &good, &cookie).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        assert_eq!(created.header("location"), Some("/municipalities/nizip?saved=1&lang=en"));
        assert_eq!(counts(app).await, (before.0 + 1, before.1));
        let again = post_pairs(app, "/municipalities/new", &good, &cookie).await;
        assert_eq!(again.status, StatusCode::BAD_REQUEST, "a second send finds the address taken");
        assert_eq!(counts(app).await, (before.0 + 1, before.1));

        let page = app.get("/municipalities/nizip?lang=ar").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.texts("h1")[0].contains("نزيب"));
        assert!(page.body.contains("119,000"));
        let list = app.get("/municipalities?country=TR").await;
        assert!(list.body.contains("/municipalities/nizip"), "the list shows it");
        let api = app.get("/api/v1/municipalities?country=TR&per_page=100").await.json();
        let item = api["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["slug"] == "nizip")
            .expect("in the API list")
            .clone();
        let one = app.get(&format!("/api/v1/municipalities/{}", item["id"])).await.json();
        assert_eq!(one["member_since"], 2021);
        assert_eq!(one["population"], 119_000);
        assert_eq!(one["refugees_hosted"], 30_000);
        assert_eq!(one["region"], "Gaziantep");
        assert_eq!(one["kind"], "municipality");
        assert_eq!(one["names"]["original_locale"], "tr");
        assert_eq!(one["themes"].as_array().unwrap().len(), 1);
        app.index().await;
        let id = item["id"].to_string();
        let found = app.get("/api/v1/search?q=nizip").await.json();
        assert!(
            found["items"].as_array().unwrap().iter().any(|i| i["type"] == "municipality" && i["id"].as_str() == Some(id.as_str())),
            "{found}"
        );

        // The new municipality's profile is edited like any other.
        let edit = app.get_with("/municipalities/nizip/edit", &[("cookie", &cookie)]).await;
        assert_eq!(edit.status, StatusCode::OK);
        assert!(edit.attr("#f-slug", "value").is_none(), "the address stays");
        let saved = post_pairs(app, "/municipalities/nizip/edit", &with(form_pairs(&edit, "form.edit-form"), "region", "Gaziantep ili"), &cookie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

        let log = app.get_with(&format!("/audit?object=municipality&object_id={id}"), &[("cookie", &cookie)]).await;
        let rows = log.texts("tbody tr");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows.iter().any(|r| r.contains("Municipality added") && r.contains("directory.coordinator@example.org")), "{rows:?}");
        assert!(rows.iter().any(|r| r.contains("Profile changed")), "{rows:?}");
    }
);

db_test!(
    async fn a_coordinator_adds_and_edits_organisations(app) {
        app.load_demo().await;
        let (cookie, csrf) = coordinator(app).await;
        let list = app.get_with("/organisations", &[("cookie", &cookie)]).await;
        assert_eq!(
            list.attr("a.button-link[href^='/organisations/new']", "href").as_deref(),
            Some("/organisations/new?lang=en")
        );
        let form = app.get_with("/organisations/new?lang=fr", &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert_eq!(form.attr("#f-orig option[selected]", "value").as_deref(), Some("fr"));
        let good = [
            ("csrf", csrf.as_str()),
            ("slug", "drc"),
            ("acronym", "DRC"),
            ("kind", "ngo"),
            ("country", "DK"),
            ("website", "https://drc.ngo"),
            ("orig", "en"),
            ("name_en", "Danish Refugee Council"),
            ("name_fr", "Conseil danois pour les réfugiés"),
            ("description_en", "A humanitarian organisation working with displaced people."),
            ("theme", "2"),
        ]
        .into_iter()
        .fold(form_pairs(&form, "form.edit-form"), |p, (k, v)| with(p, k, v));
        let before = counts(app).await;

        for (field, value, message) in [
            ("website", "drc.ngo", "website: enter a web address starting with https:// or http://"),
            ("website", "javascript:alert(1)", "website: enter a web address starting with https:// or http://"),
            ("slug", "giz", "address: this address is already taken"),
            ("country", "ZZ", "country: choose a country from the list"),
            ("name_en", "", "name: the name is required in the original language"),
            ("kind", "", "kind: choose a kind from the list"),
        ] {
            let res = post_pairs(app, "/organisations/new", &with(good.clone(), field, value), &cookie).await;
            assert_eq!(res.status, StatusCode::BAD_REQUEST, "{field}");
            assert_eq!(res.texts("#edit-errors li"), [message], "{field}={value}");
            assert_eq!(res.attr("#name-fr", "value").as_deref(), Some("Conseil danois pour les réfugiés"));
            assert_eq!(res.attr("#f-acronym", "value").as_deref(), Some("DRC"));
        }
        let res = post_pairs(app, "/organisations/new", &with(good.clone(), "website", "drc.ngo"), &cookie).await;
        assert_eq!(res.attr("#f-website", "value").as_deref(), Some("drc.ngo"));
        assert_eq!(res.attr("#f-website", "aria-invalid").as_deref(), Some("true"));
        let res = post_pairs(app, "/organisations/new?lang=de", &with(good.clone(), "name_fr", &"x".repeat(201)), &cookie).await;
        assert_eq!(res.texts("#edit-errors li"), ["Name: der Text ist zu lang"]);
        assert_eq!(counts(app).await, before, "nothing stored");

        let created = post_pairs(app, "/organisations/new", &good, &cookie).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        assert_eq!(created.header("location"), Some("/organisations/drc?saved=1&lang=en"));
        assert_eq!(counts(app).await, (before.0, before.1 + 1));
        let page = app.get_with("/organisations/drc?saved=1", &[("cookie", &cookie)]).await;
        assert!(page.texts("h1")[0].contains("Danish Refugee Council"));
        assert_eq!(page.texts(".notice"), ["The organisation is saved."]);
        assert_eq!(page.attr("a.button-link", "href").as_deref(), Some("/organisations/drc/edit"));
        assert!(app.get("/organisations/drc").await.attr("a.button-link", "href").is_none());
        assert!(app.get("/organisations?country=DK").await.body.contains("/organisations/drc"));
        let api = app.get("/api/v1/organisations?country=DK").await.json();
        let item = api["items"].as_array().unwrap().iter().find(|i| i["slug"] == "drc").expect("in the API list").clone();
        assert_eq!(item["website"], "https://drc.ngo/");
        assert_eq!(item["acronym"], "DRC");
        assert_eq!(item["kind"], "ngo");

        // GIZ's name is German and its description English: saved through
        // its form unchanged but for the English name, each keeps its language.
        let giz = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("giz"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let edit = app.get_with("/organisations/giz/edit", &[("cookie", &cookie)]).await;
        assert_eq!(edit.status, StatusCode::OK);
        assert_eq!(edit.attr("#f-website", "value").as_deref(), Some("https://www.giz.de"));
        assert_eq!(edit.attr("#f-orig option[selected]", "value").as_deref(), Some("de"));
        assert!(edit.attr("#f-slug", "value").is_none(), "the address stays");
        let pairs = form_pairs(&edit, "form.edit-form");
        let too_long = post_pairs(app, "/organisations/giz/edit", &with(pairs.clone(), "name_de", &"x".repeat(201)), &cookie).await;
        assert_eq!(too_long.status, StatusCode::BAD_REQUEST);
        assert_eq!(too_long.texts("#edit-errors li"), ["name: this is too long"]);
        let bad_site = post_pairs(app, "/organisations/giz/edit", &with(pairs.clone(), "website", "ftp://giz.de"), &cookie).await;
        assert_eq!(bad_site.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad_site.attr("#f-website", "value").as_deref(), Some("ftp://giz.de"));
        let changed = with(with(pairs, "name_en", "GIZ – German Agency for International Cooperation"), "acronym", "GIZ GmbH");
        let saved = post_pairs(app, "/organisations/giz/edit", &changed, &cookie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let one = app.get(&format!("/api/v1/organisations/{}", giz.id)).await.json();
        assert_eq!(one["names"]["translations"]["en"], "GIZ – German Agency for International Cooperation");
        assert_eq!(one["names"]["original_locale"], "de");
        assert_eq!(one["description"]["original_locale"], "en");
        assert_eq!(one["acronym"], "GIZ GmbH");
        assert_eq!(one["country"]["code"], "DE");
        assert_eq!(one["kind"], "development-agency");
        assert_eq!(one["website"], "https://www.giz.de/");
        assert_eq!(one["themes"].as_array().unwrap().len(), 3, "its themes kept");
        let page = app.get("/organisations/giz?lang=en").await;
        assert!(page.texts("h1")[0].contains("GIZ – German Agency"));

        let log = app.get_with("/audit?object=organisation", &[("cookie", &cookie)]).await;
        let rows = log.texts("tbody tr");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows.iter().any(|r| r.contains("Organisation added") && r.contains("drc")), "{rows:?}");
        assert!(rows.iter().any(|r| r.contains("Organisation changed") && r.contains("directory.coordinator@example.org")), "{rows:?}");
    }
);

db_test!(
    async fn only_coordinators_change_the_directory(app) {
        app.load_demo().await;
        let before = counts(app).await;
        let (focal, focal_csrf) = focal_point(app, "kilis").await;
        let member = people::create(
            &app.db,
            &Email::parse("member@example.org").unwrap(),
            "Member",
            Role::Member,
            Locale::En,
            &Password::parse("membership matters".into()).unwrap(),
            Utc::now(),
        )
        .await
        .unwrap();
        let (member, member_csrf) = app.session_for(member.id).await;
        let org = [("orig", "en"), ("name_en", "Taken over"), ("kind", "ngo"), ("slug", "taken-over")];
        let muni = [("orig", "en"), ("name_en", "Taken over"), ("kind", "municipality"), ("country", "TR"), ("slug", "taken-over")];
        for (cookie, csrf) in [(&focal, &focal_csrf), (&member, &member_csrf)] {
            for path in ["/municipalities/new", "/organisations/new", "/organisations/giz/edit"] {
                let page = app.get_with(path, &[("cookie", cookie)]).await;
                assert_eq!(page.status, StatusCode::FORBIDDEN, "GET {path}");
                let fields: &[(&str, &str)] = if path.starts_with("/municipalities") { &muni } else { &org };
                let mut pairs = vec![("csrf", csrf.as_str())];
                pairs.extend_from_slice(fields);
                let res = app.post_form(path, &pairs, cookie).await;
                assert_eq!(res.status, StatusCode::FORBIDDEN, "POST {path}");
            }
            let list = app.get_with("/organisations", &[("cookie", cookie)]).await;
            assert!(list.attr("a[href^='/organisations/new']", "href").is_none());
            let page = app.get_with("/organisations/giz", &[("cookie", cookie)]).await;
            assert!(page.attr("a[href='/organisations/giz/edit']", "href").is_none());
        }
        for path in ["/municipalities/new", "/organisations/new", "/organisations/giz/edit"] {
            assert_eq!(app.get(path).await.status, StatusCode::UNAUTHORIZED, "GET {path}");
            let res = app.post_form(path, &[("csrf", "x"), ("orig", "en"), ("name_en", "Taken over")], &app.csrf_cookie("x")).await;
            assert_eq!(res.status, StatusCode::UNAUTHORIZED, "POST {path}");
        }
        assert_eq!(counts(app).await, before);
        assert!(!app.get("/organisations/giz").await.body.contains("Taken over"));
    }
);
