//! The knowledge library as people use it: a practice from draft to the
//! library, uploads checked by content, members-only documents kept from
//! visitors, and compendiums printed in Arabic and English.

mod common;
use common::{coordinator, focal_point_of, municipality_id};

use std::io::{Cursor, Write};

use axum::http::StatusCode;
use chrono::Utc;
use common::{TestApp, TestResponse};
use majlis::accounts::{Email, Password, people};
use majlis::directory::entities::theme;
use majlis::i18n::Locale;
use majlis::library::entities::{file_object, practice, practice_version};
use majlis::policy::Role;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

async fn person(app: &TestApp, email: &str, role: Role) -> i32 {
    people::create(
        &app.db,
        &Email::parse(email).unwrap(),
        email,
        role,
        Locale::En,
        &Password::parse("library test password".into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap()
    .id
}

async fn theme_id(app: &TestApp, slug: &str) -> i32 {
    theme::Entity::find()
        .filter(theme::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}

fn location(res: &TestResponse) -> String {
    res.header("location").unwrap_or_default().to_owned()
}

async fn status_of(app: &TestApp, id: i32) -> String {
    practice::Entity::find_by_id(id)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .status
}

async fn upload(
    app: &TestApp,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &str, &[u8])>,
) -> TestResponse {
    common::upload(app, path, cookie, fields, file.as_slice()).await
}

/// A real PDF with text, made by the print crate.
fn a_pdf(title: &str) -> Vec<u8> {
    majlis_print::Printer::new()
        .practice_sheet(&majlis_print::Sheet {
            lang: "en".into(),
            title: title.into(),
            subtitle: None,
            facts: vec![],
            sections: vec![majlis_print::Section {
                heading: "Approach".into(),
                text: "Language courses for refugees in Sahinbey.".into(),
            }],
            footer: None,
        })
        .expect("pdf")
}

/// A DOCX skeleton whose document is 20 MB of zeros, deflated to a few kilobytes.
fn docx_bomb() -> Vec<u8> {
    use zip::write::SimpleFileOptions;
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("[Content_Types].xml", opts).unwrap();
    w.write_all(b"<Types/>").unwrap();
    w.start_file("word/document.xml", opts).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..20 {
        w.write_all(&zeros).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn stored_objects(app: &TestApp) -> usize {
    fn count(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|d| {
                d.filter_map(Result::ok)
                    .map(|e| {
                        let p = e.path();
                        if p.is_dir() { count(&p) } else { 1 }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    count(&app.data_dir().join("files"))
}

db_test!(
    async fn a_practice_goes_from_draft_to_the_library(app) {
        app.load_demo().await;
        let kilis = municipality_id(app, "kilis").await;
        let focal = focal_point_of(app, "focal@kilis.example.org", kilis).await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (fcookie, fcsrf) = app.session_for(focal).await;
        let (ccookie, ccsrf) = app.session_for(coord).await;
        let cohesion = theme_id(app, "social-cohesion").await.to_string();
        let owner = format!("m:{kilis}");

        // Step 1, with a mistake: everything typed comes back, nothing is saved.
        let before = practice::Entity::find().count(app.db.read()).await.unwrap();
        let res = app
            .post_form(
                "/practices/new?lang=en",
                &[("csrf", &fcsrf), ("orig", "tr"), ("title", "Konaklar ve Şefkat Ekibi"), ("owner", &owner), ("country", "TR"), ("theme", &cohesion), ("start_year", "2019"), ("end_year", "2017")],
                &fcookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(res.attr("#f-title", "value").as_deref(), Some("Konaklar ve Şefkat Ekibi"));
        assert!(res.body.contains("The end comes before the start."), "translated message");
        assert_eq!(practice::Entity::find().count(app.db.read()).await.unwrap(), before);

        // Another municipality's id in the form is refused.
        let other = format!("m:{}", municipality_id(app, "sahinbey").await);
        let res = app
            .post_form("/practices/new", &[("csrf", &fcsrf), ("orig", "tr"), ("title", "X"), ("owner", &other)], &fcookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);

        let res = app
            .post_form(
                "/practices/new?lang=en",
                &[("csrf", &fcsrf), ("orig", "tr"), ("title", "Konaklar ve Şefkat Ekibi"), ("summary", "Sosyal uyum için konaklar."), ("owner", &owner), ("country", "TR"), ("theme", &cohesion), ("start_year", "2017"), ("ongoing", "1")],
                &fcookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let next = location(&res);
        assert!(next.contains("/edit/story"), "{next}");
        let id: i32 = next.split('/').nth(2).unwrap().parse().unwrap();

        // A draft is nobody else's business.
        assert_eq!(app.get(&format!("/practices/{id}")).await.status, StatusCode::NOT_FOUND);
        assert!(!app.get("/practices").await.body.contains("Konaklar"));

        // Sending it for review too early names what is missing.
        let res = app.post_form(&format!("/practices/{id}/review"), &[("csrf", &fcsrf), ("action", "submitted")], &fcookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.body.contains("Challenge"), "{}", res.body);
        assert_eq!(status_of(app, id).await, "draft");

        let res = app
            .post_form(&format!("/practices/{id}/edit/story?in=tr"), &[("csrf", &fcsrf), ("challenge", "Gerilimler arttı."), ("approach", "Konaklarda ortak etkinlikler.")], &fcookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let res = app.post_form(&format!("/practices/{id}/review"), &[("csrf", &fcsrf), ("action", "submitted")], &fcookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status_of(app, id).await, "submitted");
        // Once submitted, the focal point no longer edits it.
        let res = app.post_form(&format!("/practices/{id}/edit/story?in=tr"), &[("csrf", &fcsrf), ("challenge", "x"), ("approach", "y")], &fcookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);

        // The coordinator's queue; asking for changes needs a comment.
        let queue = app.get_with("/library/review", &[("cookie", &ccookie)]).await;
        assert!(queue.body.contains("Konaklar ve Şefkat Ekibi"));
        let res = app.post_form(&format!("/practices/{id}/review"), &[("csrf", &ccsrf), ("action", "changes-requested")], &ccookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(status_of(app, id).await, "submitted", "nothing changed");
        let res = app.post_form(&format!("/practices/{id}/review"), &[("csrf", &ccsrf), ("action", "changes-requested"), ("comment", "Sonuçları ekleyin.")], &ccookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status_of(app, id).await, "draft");
        let page = app.get_with(&format!("/practices/{id}"), &[("cookie", &fcookie)]).await;
        assert!(page.body.contains("Sonuçları ekleyin."), "the author reads the comment");

        let res = app.post_form(&format!("/practices/{id}/edit/results?in=tr"), &[("csrf", &fcsrf), ("results", "Bin aile katıldı."), ("lessons", ""), ("transferability", "")], &fcookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        app.post_form(&format!("/practices/{id}/review"), &[("csrf", &fcsrf), ("action", "submitted")], &fcookie).await;
        // A focal point cannot publish.
        let res = app.post_form(&format!("/practices/{id}/review"), &[("csrf", &fcsrf), ("action", "published")], &fcookie).await;
        assert_ne!(res.status, StatusCode::SEE_OTHER);
        let res = app.post_form(&format!("/practices/{id}/review"), &[("csrf", &ccsrf), ("action", "published")], &ccookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status_of(app, id).await, "published");

        // The coordinator adds an English title; readers get their language.
        let res = app.post_form(&format!("/practices/{id}/edit/about?in=en"), &[("csrf", &ccsrf), ("title", "Mansions and the Compassion Team"), ("summary", "Mansions for social cohesion.")], &ccookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let en = app.get("/practices?lang=en&theme=social-cohesion").await;
        assert!(en.body.contains("Mansions and the Compassion Team"));
        let ar = app.get(&format!("/practices/{id}?lang=ar")).await;
        assert_eq!(ar.status, StatusCode::OK);
        assert!(ar.body.contains("Konaklar ve Şefkat Ekibi"), "Arabic readers get the Turkish original");
        assert!(ar.body.contains("lang=\"tr\""), "marked as Turkish");
        let api = app.get(&format!("/api/v1/practices/{id}?lang=en")).await.json();
        assert_eq!(api["title"], "Mansions and the Compassion Team");
        assert_eq!(api["original_language"], "tr");
        assert_eq!(api["sections"]["challenge"], "Gerilimler arttı.");
        let list = app.get("/api/v1/practices?country=TR&language=en").await.json();
        assert!(list["items"].as_array().unwrap().iter().any(|i| i["id"] == id));

        // Every save is a version; the last two compare word by word.
        let versions = practice_version::Entity::find()
            .filter(practice_version::Column::PracticeId.eq(id))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(versions, 4, "about, story, results, the translation");
        let cmp = app.get_with(&format!("/practices/{id}/versions?from=1&to=4&lang=en"), &[("cookie", &ccookie)]).await;
        assert_eq!(cmp.status, StatusCode::OK);
        assert!(cmp.texts("ins").iter().any(|t| t.contains("Mansions")), "{:?}", cmp.texts("ins"));
        let audit = app.get_with("/audit?object=practice", &[("cookie", &ccookie)]).await;
        assert!(audit.body.contains("practice-published"));
    }
);

db_test!(
    async fn uploads_are_checked_by_their_content(app) {
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coord).await;
        let fields = [("csrf", csrf.as_str()), ("kind", "report"), ("orig", "en"), ("title_en", "Annual report"), ("visibility", "public"), ("version_lang", "en")];

        let elf: Vec<u8> = [b"\x7fELF\x02\x01\x01\0".as_slice(), &[0u8; 4000]].concat();
        let res = upload(app, "/library/new", &cookie, &fields, Some(("version_file", "report.pdf", &elf))).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.body.contains("This kind of file is not accepted"), "{}", res.body);
        assert_eq!(res.attr("#title-en", "value").as_deref(), Some("Annual report"), "what was typed stays");

        let big = vec![b'a'; 1024 * 1024 + 1];
        let big = [b"%PDF-1.4\n".as_slice(), &big].concat();
        let res = upload(app, "/library/new", &cookie, &fields, Some(("version_file", "big.pdf", &big))).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.body.contains("larger than the limit"));

        let bomb = docx_bomb();
        assert!(bomb.len() < 1024 * 1024, "the bomb itself is small: {}", bomb.len());
        let res = upload(app, "/library/new", &cookie, &fields, Some(("version_file", "minutes.docx", &bomb))).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.body.contains("unpacks to far more"));

        assert_eq!(file_object::Entity::find().count(app.db.read()).await.unwrap(), 0, "nothing recorded");
        assert_eq!(stored_objects(app), 0, "nothing stored");
        let resources = majlis::library::entities::resource::Entity::find()
            .filter(majlis::library::entities::resource::Column::Kind.eq("report"))
            .count(app.db.read())
            .await
            .unwrap();

        // A real PDF is kept once, with its text, whatever name it came with.
        let pdf = a_pdf("Language courses");
        let res = upload(app, "/library/new", &cookie, &fields, Some(("version_file", "../../report.exe", &pdf))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = upload(app, "/library/new", &cookie, &fields, Some(("version_file", "copy.pdf", &pdf))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let objects = file_object::Entity::find().all(app.db.read()).await.unwrap();
        assert_eq!(objects.len(), 1, "the same bytes are stored once");
        assert_eq!(objects[0].kind, "pdf");
        assert!(objects[0].text.as_deref().unwrap_or_default().contains("Sahinbey"), "text extracted");
        assert_eq!(stored_objects(app), 1);
        let after = majlis::library::entities::resource::Entity::find()
            .filter(majlis::library::entities::resource::Column::Kind.eq("report"))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(after, resources + 2);

        // Forged: no token, or a wrong one, stores nothing.
        let res = upload(app, "/library/new", &cookie, &[("kind", "report")], Some(("version_file", "x.pdf", &pdf))).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    }
);

db_test!(
    async fn members_only_documents_stay_hidden_from_visitors(app) {
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let member = person(app, "member@example.org", Role::Member).await;
        let (cookie, csrf) = app.session_for(coord).await;
        let (mcookie, _) = app.session_for(member).await;
        let public_total = app.get("/api/v1/resources").await.json()["total"].as_u64().unwrap();
        let pdf = a_pdf("Internal minutes");
        let fields = [("csrf", csrf.as_str()), ("kind", "report"), ("orig", "en"), ("title_en", "Internal minutes of the steering group"), ("visibility", "members"), ("version_lang", "en"), ("year", "2019")];
        let res = upload(app, "/library/new", &cookie, &fields, Some(("version_file", "minutes.pdf", &pdf))).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let page = location(&res);
        let id = page.trim_start_matches("/library/").split('?').next().unwrap().to_owned();
        let sha = file_object::Entity::find().one(app.db.read()).await.unwrap().unwrap().sha256;

        assert_eq!(app.get(&page).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/api/v1/resources/{id}")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get(&format!("/files/{sha}/minutes.pdf")).await.status, StatusCode::NOT_FOUND, "guessing the address finds nothing");
        let list = app.get("/api/v1/resources?year=2019").await.json();
        assert_eq!(list["total"], 0, "counts do not leak it");
        assert_eq!(app.get("/api/v1/resources").await.json()["total"].as_u64().unwrap(), public_total);
        assert!(!app.get("/library?kind=report").await.body.contains("Internal minutes"));

        let seen = app.get_with(&page, &[("cookie", &mcookie)]).await;
        assert_eq!(seen.status, StatusCode::OK);
        assert!(seen.body.contains("Internal minutes of the steering group"));
        let file = app.get_with(&format!("/files/{sha}/minutes.pdf"), &[("cookie", &mcookie)]).await;
        assert_eq!(file.status, StatusCode::OK);
        assert_eq!(file.header("content-type"), Some("application/pdf"));
        assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
        let disposition = file.header("content-disposition").unwrap_or_default();
        assert!(disposition.contains("minutes.pdf") && !disposition.contains('\n'), "{disposition}");
        assert!(file.header("content-security-policy").unwrap_or_default().contains("sandbox"));
        let api = app.get_with("/api/v1/resources?year=2019", &[("cookie", &mcookie)]).await.json();
        assert_eq!(api["total"], 1);
    }
);

fn keep_first_page(pdf: &[u8], name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/test-artifacts/library");
    std::fs::create_dir_all(&dir).unwrap();
    let pdf_path = dir.join(format!("{name}.pdf"));
    std::fs::write(&pdf_path, pdf).unwrap();
    let prefix = dir.join(name);
    let status = std::process::Command::new("pdftoppm")
        .args(["-r", "60", "-f", "1", "-l", "3", "-png"])
        .arg(&pdf_path)
        .arg(&prefix)
        .status()
        .expect("pdftoppm");
    assert!(status.success());
    dir
}

db_test!(
    async fn compendiums_print_in_arabic_and_english(app) {
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coord).await;
        let practice_id = |slug: &'static str| async move {
            practice::Entity::find()
                .filter(practice::Column::Slug.eq(slug))
                .one(app.db.read())
                .await
                .unwrap()
                .unwrap()
                .id
        };
        // Arabic titles for two practices, through the translation form.
        let sahinbey = practice_id("sahinbey-language-barrier").await;
        let kilis = practice_id("kilis-compassion-team").await;
        for (id, title) in [(sahinbey, "اللاجئون في شاهين بي يتغلبون على حاجز اللغة"), (kilis, "القصور وفريق الرحمة")] {
            let res = app.post_form(&format!("/practices/{id}/edit/about?in=ar"), &[("csrf", &csrf), ("title", title)], &cookie).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        }
        // The demo's draft edition, arranged and published by the coordinator.
        let slug = "istanbul-2018-good-practices";
        assert_eq!(app.get(&format!("/compendiums/{slug}")).await.status, StatusCode::NOT_FOUND, "a draft is not public");
        let cohesion = theme_id(app, "social-cohesion").await.to_string();
        let language = theme_id(app, "language-learning").await.to_string();
        let res = app
            .post_form(
                &format!("/compendiums/{slug}/edit"),
                &[("csrf", &csrf), (&format!("chapter_{sahinbey}"), &language), (&format!("order_{sahinbey}"), "1"), (&format!("chapter_{kilis}"), &cohesion), (&format!("order_{kilis}"), "1"), ("status", "published")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let html = app.get(&format!("/compendiums/{slug}?lang=ar")).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(html.body.contains("القصور وفريق الرحمة"));

        let ar = app.get(&format!("/compendiums/{slug}/pdf?lang=ar")).await;
        assert_eq!(ar.status, StatusCode::OK);
        assert_eq!(ar.header("content-type"), Some("application/pdf"));
        let text = common::pdf_text(&ar.bytes);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in ["اللاجئون في شاهين بي يتغلبون على حاجز اللغة", "القصور وفريق الرحمة"] {
            assert!(flat.contains(expected), "{expected} in logical order in:\n{flat}");
        }
        let ar_label = theme::Entity::find()
            .filter(theme::Column::Slug.eq("social-cohesion"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .label
            .text(Locale::Ar)
            .to_owned();
        assert!(flat.contains(&ar_label), "chapter title {ar_label}");
        // The cover says when it was published, in Arabic (and keeps the
        // edition's own label as its editors wrote it).
        let now = chrono::Utc::now();
        // (pdftotext puts the year of an Arabic month-year line first.)
        let month = Locale::Ar.month_name(chrono::Datelike::month(&now));
        let year = chrono::Datelike::year(&now).to_string();
        let cover = flat.split("المحتويات").next().unwrap_or_default();
        assert!(cover.contains(&month) && cover.contains(&year), "{month} {year} on the cover:\n{cover}");
        assert!(flat.contains("November 2018"), "the edition's label");
        let dir = keep_first_page(&ar.bytes, &format!("compendium-ar-{:?}", app.backend));
        assert!(std::fs::read_dir(dir).unwrap().any(|e| e.unwrap().path().extension().is_some_and(|x| x == "png")));

        let en = app.get(&format!("/compendiums/{slug}/pdf?lang=en")).await;
        let text = common::pdf_text(&en.bytes);
        assert!(text.contains("Refugees in Şahinbey Overcome the Language Barrier"), "{text}");
        assert!(text.contains("Contents"));

        let sheet = app.get(&format!("/practices/{kilis}/sheet?lang=ar")).await;
        assert_eq!(sheet.status, StatusCode::OK);
        assert!(common::pdf_text(&sheet.bytes).split_whitespace().collect::<Vec<_>>().join(" ").contains("القصور وفريق الرحمة"));
    }
);

db_test!(
    async fn library_pages_run_a_bounded_number_of_queries(app) {
        app.load_demo().await;
        let one = app.get("/library?per_page=5").await;
        let many = app.get("/library?per_page=50").await;
        assert_eq!(one.status, StatusCode::OK);
        assert_eq!(one.queries(), many.queries(), "no query per row");
        let one = app.get("/practices?per_page=5").await;
        let many = app.get("/practices?per_page=50").await;
        assert_eq!(one.queries(), many.queries(), "no query per row");
        assert!(many.queries() <= 4, "{}", many.queries());
        let bad = app.get("/library?kind=pamphlet").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        let bad = app.get("/api/v1/practices?language=xx").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad.json()["code"], "bad-request");
    }
);

db_test!(
    async fn coordinators_change_a_document_description(app) {
        use majlis::library::entities::resource;
        app.load_demo().await;
        let c = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(c).await;
        let r = resource::Entity::find()
            .filter(resource::Column::Slug.eq("sanliurfa-framing-notes"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let path = format!("/library/{}/edit", r.id);
        // The form comes filled with what is stored.
        let page = app.get_with(&path, &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(
            page.attr("#title-en", "value").as_deref(),
            Some(r.title.get(Locale::En).unwrap())
        );
        // Without the original title nothing changes and what was typed comes back.
        let bad = upload(
            app,
            &path,
            &cookie,
            &[
                ("csrf", &csrf),
                ("kind", "framing-note"),
                ("orig", "en"),
                ("title_en", ""),
                ("title_ar", "مذكرات التأطير: ورشة شانلي أورفا حول التماسك الاجتماعي"),
                ("visibility", "members"),
            ],
            None,
        )
        .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.body.contains("مذكرات التأطير"));
        let same = resource::Entity::find_by_id(r.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(same, r, "nothing changed");
        // A translation added and the visibility changed.
        let en = r.title.get(Locale::En).unwrap().to_owned();
        let good = upload(
            app,
            &path,
            &cookie,
            &[
                ("csrf", &csrf),
                ("kind", &r.kind),
                ("orig", "en"),
                ("title_en", &en),
                ("title_ar", "مذكرات التأطير: ورشة شانلي أورفا حول التماسك الاجتماعي"),
                ("visibility", "members"),
                ("year", "2016"),
            ],
            None,
        )
        .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
        let now = resource::Entity::find_by_id(r.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(now.title.get(Locale::Ar), Some("مذكرات التأطير: ورشة شانلي أورفا حول التماسك الاجتماعي"));
        assert_eq!(now.title.orig(), Locale::En);
        assert_eq!(now.visibility, "members");
        assert_eq!(app.get(&format!("/library/{}", r.id)).await.status, StatusCode::NOT_FOUND, "now members only");
        // A focal point may not.
        let m = person(app, "member@example.org", Role::Member).await;
        let (mc, mt) = app.session_for(m).await;
        let res = upload(app, &path, &mc, &[("csrf", &mt), ("kind", &r.kind)], None).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let delete = format!("/library/{}/delete", r.id);
        let res = app.post_form(&delete, &[("csrf", &mt), ("confirm", "yes")], &mc).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Deleting needs the confirmation; then the document is gone, from search too.
        app.index().await;
        let res = app.post_form(&delete, &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(resource::Entity::find_by_id(r.id).one(app.db.read()).await.unwrap().is_some());
        let res = app.post_form(&delete, &[("csrf", &csrf), ("confirm", "yes")], &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert!(resource::Entity::find_by_id(r.id).one(app.db.read()).await.unwrap().is_none());
        assert_eq!(app.get_with(&format!("/library/{}", r.id), &[("cookie", &cookie)]).await.status, StatusCode::NOT_FOUND);
        app.index().await;
        let found = app
            .get_with("/api/v1/search?type=resource&per_page=100", &[("cookie", &cookie)])
            .await
            .json();
        let gone = r.id.to_string();
        assert!(
            found["items"].as_array().unwrap().iter().all(|i| i["id"] != gone.as_str()),
            "gone from search"
        );
    }
);

async fn practice_by_slug(app: &TestApp, slug: &str) -> i32 {
    practice::Entity::find()
        .filter(practice::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn practice_exists(app: &TestApp, id: i32) -> bool {
    practice::Entity::find_by_id(id)
        .one(app.db.read())
        .await
        .unwrap()
        .is_some()
}

/// Search results of a type as a reader sees them (`id`s).
async fn search_ids(app: &TestApp, kind: &str, cookie: &str) -> Vec<String> {
    let found = app
        .get_with(
            &format!("/api/v1/search?type={kind}&per_page=100"),
            &[("cookie", cookie)],
        )
        .await
        .json();
    found["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

db_test!(
    async fn practices_are_deleted_by_owners_while_drafts_and_by_coordinators(app) {
        use majlis::consultations::entities::contribution;
        use majlis::events::entities::event_practice;
        use majlis::library::entities::{compendium_entry, practice_theme};
        app.load_demo().await;
        let kilis = municipality_id(app, "kilis").await;
        let focal = focal_point_of(app, "focal@kilis.example.org", kilis).await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let member = person(app, "member@example.org", Role::Member).await;
        let (fcookie, fcsrf) = app.session_for(focal).await;
        let (ccookie, ccsrf) = app.session_for(coord).await;
        let (mcookie, mcsrf) = app.session_for(member).await;
        let owner = format!("m:{kilis}");
        let cohesion = theme_id(app, "social-cohesion").await.to_string();
        let new_draft = |title: &'static str| {
            let (fcookie, fcsrf, owner, cohesion) = (fcookie.clone(), fcsrf.clone(), owner.clone(), cohesion.clone());
            async move {
                let res = app
                    .post_form("/practices/new?lang=en", &[("csrf", &fcsrf), ("orig", "tr"), ("title", title), ("summary", "Sosyal uyum için."), ("owner", &owner), ("country", "TR"), ("theme", &cohesion), ("start_year", "2017")], &fcookie)
                    .await;
                assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
                location(&res).split('/').nth(2).unwrap().parse::<i32>().unwrap()
            }
        };

        // The focal point's own draft: the page offers deleting it.
        let draft = new_draft("Silinecek taslak").await;
        let page = app.get_with(&format!("/practices/{draft}?lang=en"), &[("cookie", &fcookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
        let action = page.attr("form[action^='/practices/'][action*='/delete'] button.danger", "type");
        assert_eq!(action.as_deref(), Some("submit"), "a confirmation form");
        let delete = format!("/practices/{draft}/delete");
        // Someone else may not, even confirmed.
        let res = app.post_form(&delete, &[("csrf", &mcsrf), ("confirm", "yes")], &mcookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Without the confirmation nothing goes, and the refusal says why in the reader's words.
        let res = app.post_form(&delete, &[("csrf", &fcsrf)], &fcookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.body.contains("The value given for"), "{}", res.body);
        assert!(practice_exists(app, draft).await);
        let res = app.post_form(&delete, &[("csrf", &fcsrf), ("confirm", "yes")], &fcookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert!(location(&res).starts_with("/practices/mine?deleted=1"), "{}", location(&res));
        assert!(!practice_exists(app, draft).await);
        let versions = practice_version::Entity::find()
            .filter(practice_version::Column::PracticeId.eq(draft))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(versions, 0, "its versions went with it");
        let mine = app.get_with(&location(&res), &[("cookie", &fcookie)]).await;
        assert!(mine.body.contains("The practice was deleted."));
        assert!(!mine.body.contains("Silinecek taslak"));

        // Once submitted, it is no longer the focal point's to delete.
        let sent = new_draft("Gönderilen uygulama").await;
        let res = app
            .post_form(&format!("/practices/{sent}/edit/story?in=tr"), &[("csrf", &fcsrf), ("challenge", "Gerilimler arttı."), ("approach", "Ortak etkinlikler.")], &fcookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let res = app.post_form(&format!("/practices/{sent}/review"), &[("csrf", &fcsrf), ("action", "submitted")], &fcookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(status_of(app, sent).await, "submitted");
        let page = app.get_with(&format!("/practices/{sent}"), &[("cookie", &fcookie)]).await;
        assert!(page.attr("form[action*='/delete']", "action").is_none(), "no delete form");
        let res = app.post_form(&format!("/practices/{sent}/delete"), &[("csrf", &fcsrf), ("confirm", "yes")], &fcookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert!(practice_exists(app, sent).await);

        // A coordinator deletes a published practice that is in the demo
        // edition, was presented at an event and was shared in a consultation.
        let kilis_practice = practice_by_slug(app, "kilis-compassion-team").await;
        let shared = contribution::Entity::find().one(app.db.read()).await.unwrap().unwrap();
        let mut am: contribution::ActiveModel = shared.clone().into();
        am.practice_id = Set(Some(kilis_practice));
        let tx = app.db.begin_write().await.unwrap();
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        let entries = || async move {
            compendium_entry::Entity::find()
                .filter(compendium_entry::Column::PracticeId.eq(kilis_practice))
                .count(app.db.read())
                .await
                .unwrap()
        };
        assert_eq!(entries().await, 1, "in the demo edition");
        let linked = event_practice::Entity::find()
            .filter(event_practice::Column::PracticeId.eq(kilis_practice))
            .count(app.db.read())
            .await
            .unwrap();
        assert!(linked > 0, "presented at an event");
        app.index().await;
        let key = kilis_practice.to_string();
        assert!(search_ids(app, "practice", &ccookie).await.contains(&key), "found before");
        let delete = format!("/practices/{kilis_practice}/delete");
        let res = app.post_form(&delete, &[("csrf", &ccsrf)], &ccookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "not without the confirmation");
        assert!(practice_exists(app, kilis_practice).await);
        let res = app.post_form(&delete, &[("csrf", &ccsrf), ("confirm", "yes")], &ccookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert!(location(&res).starts_with("/practices?deleted=1"));
        assert_eq!(app.get(&format!("/practices/{kilis_practice}")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_with(&format!("/practices/{kilis_practice}"), &[("cookie", &ccookie)]).await.status, StatusCode::NOT_FOUND);
        let api = app.get("/api/v1/practices?per_page=100").await.json();
        assert!(api["items"].as_array().unwrap().iter().all(|i| i["id"] != kilis_practice), "gone from the API");
        assert_eq!(entries().await, 0, "gone from the edition");
        let themes = practice_theme::Entity::find()
            .filter(practice_theme::Column::PracticeId.eq(kilis_practice))
            .count(app.db.read())
            .await
            .unwrap();
        let linked = event_practice::Entity::find()
            .filter(event_practice::Column::PracticeId.eq(kilis_practice))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!((themes, linked), (0, 0), "its themes and event links went with it");
        let kept = contribution::Entity::find_by_id(shared.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!((kept.practice_id, &kept.body), (None, &shared.body), "the contribution keeps its text");
        app.index().await;
        assert!(!search_ids(app, "practice", &ccookie).await.contains(&key), "gone from search");
        let audit = app.get_with("/audit?object=practice", &[("cookie", &ccookie)]).await;
        assert!(audit.body.contains("practice-deleted"));
    }
);

db_test!(
    async fn editions_are_described_in_each_language_with_chapter_introductions_and_deleted(app) {
        use majlis::library::entities::{compendium, compendium_chapter, compendium_entry};
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coord).await;
        let slug = "istanbul-2018-good-practices";
        let stored = || async move {
            compendium::Entity::find()
                .filter(compendium::Column::Slug.eq(slug))
                .one(app.db.read())
                .await
                .unwrap()
        };
        let before = stored().await.unwrap();
        assert_eq!(before.title.orig(), Locale::En);

        // Members and visitors may not touch an edition.
        let member = person(app, "member@example.org", Role::Member).await;
        let (mcookie, mcsrf) = app.session_for(member).await;
        let describe = format!("/compendiums/{slug}/describe");
        let delete = format!("/compendiums/{slug}/delete");
        assert_eq!(app.get_with(&describe, &[("cookie", &mcookie)]).await.status, StatusCode::FORBIDDEN);
        let res = app.post_form(&describe, &[("csrf", &mcsrf), ("title_en", "Taken over"), ("year", "2018")], &mcookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let res = app.post_form(&delete, &[("csrf", &mcsrf), ("confirm", "yes")], &mcookie).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(app.get(&describe).await.status, StatusCode::UNAUTHORIZED);
        let visitor = "0123456789abcdef0123456789abcdef";
        let vcookie = app.csrf_cookie(visitor);
        let res = app.post_form(&describe, &[("csrf", visitor), ("title_en", "Taken over"), ("year", "2018")], &vcookie).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        let res = app.post_form(&delete, &[("csrf", visitor), ("confirm", "yes")], &vcookie).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
        assert_eq!(stored().await.unwrap(), before, "nothing changed");

        // The form comes filled, in the original language by default.
        let page = app.get_with(&format!("{describe}?lang=en"), &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.attr("#title-en", "value").as_deref(), before.title.get(Locale::En));
        assert!(page.attr("#title-ar", "value").is_none(), "one language at a time");
        assert_eq!(page.attr("#f-edition", "value").as_deref(), Some("November 2018"));

        // English first: title, introduction, year, edition, publisher.
        let res = app
            .post_form(
                &format!("{describe}?in=en"),
                &[("csrf", &csrf), ("title_en", "Good practices from the Istanbul workshop"), ("introduction_en", "Sixteen cities told how they work.\n\nEach chapter is one theme."), ("year", "2019"), ("edition", "March 2019"), ("publisher", "Connective Cities")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // Then Arabic: only the Arabic title and introduction change.
        let translating = app.get_with(&format!("{describe}?in=ar&lang=en"), &[("cookie", &cookie)]).await;
        assert_eq!(translating.attr("#title-ar", "value").as_deref(), before.title.get(Locale::Ar));
        assert!(translating.body.contains("Good practices from the Istanbul workshop"), "the original beside it");
        let res = app
            .post_form(
                &format!("{describe}?in=ar"),
                &[("csrf", &csrf), ("orig", "ar"), ("title_ar", "ممارسات جيدة من ورشة إسطنبول"), ("introduction_ar", "روت ست عشرة مدينة كيف تعمل.\n\nكل فصل موضوع واحد."), ("year", "2019"), ("edition", "March 2019"), ("publisher", "Connective Cities")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let now = stored().await.unwrap();
        assert_eq!(now.title.orig(), Locale::En, "the original language stays");
        assert_eq!(now.title.get(Locale::En), Some("Good practices from the Istanbul workshop"));
        assert_eq!(now.title.get(Locale::Ar), Some("ممارسات جيدة من ورشة إسطنبول"));
        assert_eq!(now.title.get(Locale::Tr), before.title.get(Locale::Tr), "the Turkish title kept");
        let intro = now.introduction.clone().unwrap();
        assert_eq!(intro.orig(), Locale::En);
        assert_eq!(intro.get(Locale::Ar), Some("روت ست عشرة مدينة كيف تعمل.\n\nكل فصل موضوع واحد."));
        assert_eq!((now.year, now.edition.as_deref(), now.publisher.as_deref()), (2019, Some("March 2019"), Some("Connective Cities")));
        assert_eq!(now.slug, slug, "the address stays");
        // The original title cannot be emptied; what was typed comes back.
        let res = app
            .post_form(&format!("{describe}?in=en"), &[("csrf", &csrf), ("title_en", ""), ("introduction_en", "Changed"), ("year", "2019")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(res.attr("#intro-en", "lang").as_deref(), Some("en"));
        assert!(res.body.contains("Changed"));
        assert_eq!(stored().await.unwrap(), now, "nothing changed");

        // Chapter introductions, written in Arabic in the arrange form.
        let language = theme_id(app, "language-learning").await;
        let cohesion = theme_id(app, "social-cohesion").await;
        let sahinbey = practice_by_slug(app, "sahinbey-language-barrier").await;
        let kilis = practice_by_slug(app, "kilis-compassion-team").await;
        let arrange = format!("/compendiums/{slug}/edit");
        let form = app.get_with(&format!("{arrange}?in=ar&lang=en"), &[("cookie", &cookie)]).await;
        assert_eq!(form.status, StatusCode::OK);
        assert_eq!(form.attr(&format!("#ci-{language}"), "lang").as_deref(), Some("ar"));
        let placed = [
            (format!("chapter_{sahinbey}"), language.to_string()),
            (format!("order_{sahinbey}"), "1".to_owned()),
            (format!("chapter_{kilis}"), cohesion.to_string()),
            (format!("order_{kilis}"), "1".to_owned()),
            ("status".to_owned(), "published".to_owned()),
        ];
        let post_arrange = |lang: &'static str, intros: Vec<(String, String)>| {
            let (cookie, csrf, arrange) = (cookie.clone(), csrf.clone(), arrange.clone());
            let mut fields: Vec<(String, String)> = placed.to_vec();
            fields.extend(intros);
            fields.push(("csrf".to_owned(), csrf));
            async move {
                let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                let path = if lang.is_empty() { arrange } else { format!("{arrange}?in={lang}") };
                let res = app.post_form(&path, &fields, &cookie).await;
                assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
            }
        };
        let ar_intro = "يجمع هذا الفصل تجارب في تعليم اللغة.";
        post_arrange("ar", vec![(format!("chapter_intro_{language}"), ar_intro.to_owned())]).await;
        post_arrange("en", vec![(format!("chapter_intro_{language}"), "This chapter gathers language learning.".to_owned()), (format!("chapter_intro_{cohesion}"), "Living together.".to_owned())]).await;
        // Arranged again without introductions (as before this form had them): they stay.
        post_arrange("", vec![]).await;
        let chapters = compendium_chapter::Entity::find()
            .filter(compendium_chapter::Column::CompendiumId.eq(now.id))
            .all(app.db.read())
            .await
            .unwrap();
        let intro_of = |theme: i32| chapters.iter().find(|c| c.theme_id == Some(theme)).and_then(|c| c.introduction.clone()).unwrap();
        let lang_intro = intro_of(language);
        assert_eq!(lang_intro.orig(), Locale::Ar, "first written in Arabic");
        assert_eq!(lang_intro.get(Locale::Ar), Some(ar_intro));
        assert_eq!(lang_intro.get(Locale::En), Some("This chapter gathers language learning."));
        assert_eq!(intro_of(cohesion).get(Locale::En), Some("Living together."));

        // Shown on the page and in the Arabic PDF.
        let html = app.get(&format!("/compendiums/{slug}?lang=ar")).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(html.body.contains("ممارسات جيدة من ورشة إسطنبول"));
        assert!(html.texts(".chapter-introduction").iter().any(|t| t.contains(ar_intro)), "{:?}", html.texts(".chapter-introduction"));
        assert!(html.texts(".compendium-introduction").concat().contains("كل فصل موضوع واحد."));
        let en = app.get(&format!("/compendiums/{slug}?lang=en")).await;
        assert!(en.texts(".chapter-introduction").iter().any(|t| t.contains("Living together.")));
        let pdf = app.get(&format!("/compendiums/{slug}/pdf?lang=ar")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        let flat = common::pdf_text(&pdf.bytes).split_whitespace().collect::<Vec<_>>().join(" ");
        // Compared without the final full stops, which the extraction moves.
        for expected in [ar_intro.trim_end_matches('.'), "روت ست عشرة مدينة كيف تعمل", "ممارسات جيدة من ورشة إسطنبول"] {
            assert!(flat.contains(expected), "{expected} in:\n{flat}");
        }

        // Deleting the edition: never without the confirmation; the practices stay.
        let chapter_ids: Vec<i32> = chapters.iter().map(|c| c.id).collect();
        let res = app.post_form(&delete, &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(stored().await.is_some());
        let res = app.post_form(&delete, &[("csrf", &csrf), ("confirm", "yes")], &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert!(location(&res).starts_with("/compendiums?deleted=1"));
        assert!(stored().await.is_none());
        let left = compendium_entry::Entity::find()
            .filter(compendium_entry::Column::ChapterId.is_in(chapter_ids))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(left, 0, "its chapters and entries went with it");
        assert_eq!(
            compendium_chapter::Entity::find().filter(compendium_chapter::Column::CompendiumId.eq(now.id)).count(app.db.read()).await.unwrap(),
            0
        );
        assert!(practice_exists(app, sahinbey).await && practice_exists(app, kilis).await);
        assert_eq!(app.get_with(&format!("/compendiums/{slug}"), &[("cookie", &cookie)]).await.status, StatusCode::NOT_FOUND);
        let list = app.get_with(&location(&res), &[("cookie", &cookie)]).await;
        assert!(list.body.contains("The edition was deleted."));
        let audit = app.get_with("/audit?object=compendium", &[("cookie", &cookie)]).await;
        assert!(audit.body.contains("compendium-deleted") && audit.body.contains("compendium-described"));
    }
);
