//! Uploads that cannot fill the disk: forms bounded in fields, files and
//! bytes, a per-person quota, and stored files removed once nothing has
//! used them for the grace period, safely on several nodes at once.

mod common;
use common::{coordinator, focal_point_of, municipality_id};

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::{TestApp, TestResponse, upload};
use majlis::config::Settings;
use majlis::db::{Db, PoolSizes};
use majlis::directory::entities::theme;
use majlis::library::entities::{file_object, file_owner, practice_attachment};
use majlis::library::files::{Collected, collect};

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

const GRACE: Duration = Duration::hours(24);

/// A real PDF, made distinct (and as large as wanted) by a trailing comment.
fn a_pdf(tag: &str, padding: usize) -> Vec<u8> {
    let mut pdf = majlis_print::Printer::new()
        .practice_sheet(&majlis_print::Sheet {
            lang: "en".into(),
            title: format!("Sheet {tag}"),
            subtitle: None,
            facts: vec![],
            sections: vec![majlis_print::Section {
                heading: "Approach".into(),
                text: "Language courses for refugees.".into(),
            }],
            footer: None,
        })
        .expect("pdf");
    pdf.extend_from_slice(format!("\n%{tag}").as_bytes());
    pdf.extend(std::iter::repeat_n(b'x', padding));
    pdf.push(b'\n');
    pdf
}

fn sha_of(bytes: &[u8]) -> majlis_files::Sha256 {
    use sha2::Digest;
    majlis_files::Sha256::from_bytes(sha2::Sha256::digest(bytes).into())
}

async fn row(app: &TestApp, bytes: &[u8]) -> Option<file_object::Model> {
    file_object::Entity::find_by_id(sha_of(bytes).to_string())
        .one(app.db.read())
        .await
        .unwrap()
}

async fn stored(app: &TestApp, bytes: &[u8]) -> bool {
    majlis::library::files::Uploads::from_settings(&app.settings)
        .unwrap()
        .store
        .exists(&sha_of(bytes))
        .await
        .unwrap()
}

async fn run(app: &TestApp, now: chrono::DateTime<Utc>) -> Collected {
    let store = majlis::library::files::Uploads::from_settings(&app.settings)
        .unwrap()
        .store;
    collect(&app.db, &store, &majlis::app::file_holders(), GRACE, now)
        .await
        .expect("collector runs")
}

/// A focal point's new practice draft; returns its id.
async fn new_draft(app: &TestApp, cookie: &str, csrf: &str, title: &str) -> i32 {
    let kilis = municipality_id(app, "kilis").await;
    let cohesion = theme::Entity::find()
        .filter(theme::Column::Slug.eq("social-cohesion"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    let owner = format!("m:{kilis}");
    let res = app
        .post_form(
            "/practices/new?lang=en",
            &[
                ("csrf", csrf),
                ("orig", "en"),
                ("title", title),
                ("summary", "For cohesion."),
                ("owner", &owner),
                ("country", "TR"),
                ("theme", &cohesion),
                ("start_year", "2017"),
            ],
            cookie,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.header("location")
        .unwrap()
        .split('/')
        .nth(2)
        .unwrap()
        .parse()
        .unwrap()
}

async fn attach(
    app: &TestApp,
    cookie: &str,
    csrf: &str,
    practice: i32,
    name: &str,
    bytes: &[u8],
) -> TestResponse {
    upload(
        app,
        &format!("/practices/{practice}/attachments?lang=en"),
        cookie,
        &[
            ("csrf", csrf),
            ("version_lang", "en"),
            ("version_title", "Sheet"),
        ],
        &[("version_file", name, bytes)],
    )
    .await
}

db_test!(
    async fn unused_files_are_removed_after_the_grace_period(app) {
        app.load_demo().await;
        let focal = focal_point_of(app, "focal@kilis.example.org", municipality_id(app, "kilis").await).await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (fcookie, fcsrf) = app.session_for(focal).await;
        let (ccookie, ccsrf) = app.session_for(coord).await;
        let shared = a_pdf("shared", 0);
        let only_draft = a_pdf("draft", 0);
        let refused = a_pdf("refused", 0);

        // A draft holds two files; one of them is also a library document's.
        let draft = new_draft(app, &fcookie, &fcsrf, "Draft with files").await;
        assert_eq!(attach(app, &fcookie, &fcsrf, draft, "a.pdf", &shared).await.status, StatusCode::SEE_OTHER);
        assert_eq!(attach(app, &fcookie, &fcsrf, draft, "b.pdf", &only_draft).await.status, StatusCode::SEE_OTHER);
        let doc = [("csrf", ccsrf.as_str()), ("kind", "report"), ("orig", "en"), ("title_en", "Annual report"), ("visibility", "public"), ("version_lang", "en")];
        let res = upload(app, "/library/new", &ccookie, &doc, &[("version_file", "r.pdf", &shared)]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // A form refused after its file was stored: the typed title comes back.
        let no_title = [("csrf", ccsrf.as_str()), ("kind", "report"), ("orig", "en"), ("title_en", ""), ("visibility", "public"), ("version_lang", "en")];
        let res = upload(app, "/library/new", &ccookie, &no_title, &[("version_file", "x.pdf", &refused)]).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        let orphan = row(app, &refused).await.expect("recorded at upload, with its uploader");
        assert!(orphan.orphan_since.is_some(), "unused from the start");
        assert!(file_owner::Entity::find_by_id((orphan.sha256.clone(), coord)).one(app.db.read()).await.unwrap().is_some());
        assert!(row(app, &only_draft).await.unwrap().orphan_since.is_none(), "in use");

        // The draft goes; its attachments with it.
        let res = app.post_form(&format!("/practices/{draft}/delete"), &[("csrf", &fcsrf), ("confirm", "yes")], &fcookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let now = Utc::now();

        // Before the grace period: all stays; the draft's file is now marked unused.
        let first = run(app, now).await;
        assert_eq!(first.removed, 0);
        assert_eq!(first.marked, 1, "the deleted draft's file: {first:?}");
        for bytes in [&shared, &only_draft, &refused] {
            assert!(row(app, bytes).await.is_some());
            assert!(stored(app, bytes).await);
        }

        // After it: the unused files go, row and bytes; the shared one stays.
        let later = run(app, now + GRACE + Duration::hours(1)).await;
        assert_eq!(later.removed, 2, "{later:?}");
        for bytes in [&only_draft, &refused] {
            assert!(row(app, bytes).await.is_none(), "row removed");
            assert!(!stored(app, bytes).await, "bytes removed");
            let sha = sha_of(bytes);
            let store = majlis::library::files::Uploads::from_settings(&app.settings).unwrap().store;
            assert!(matches!(store.get(&sha).await, Err(majlis_files::StoreError::NotFound)), "the store says missing");
        }
        assert!(file_owner::Entity::find_by_id((orphan.sha256.clone(), coord)).one(app.db.read()).await.unwrap().is_none(), "its owner row went with it");
        assert!(row(app, &shared).await.is_some(), "still a library document's");
        assert!(stored(app, &shared).await);
        let sha = sha_of(&shared).to_string();
        let res = app.get(&format!("/files/{sha}/r.pdf")).await;
        assert_eq!(res.status, StatusCode::OK, "and still downloads");
        assert_eq!(run(app, now + GRACE * 3).await.removed, 0, "nothing more to do");
    }
);

db_test!(
    async fn a_new_upload_of_the_same_bytes_is_never_lost_to_the_collector(app) {
        app.load_demo().await;
        let focal = focal_point_of(app, "focal@kilis.example.org", municipality_id(app, "kilis").await).await;
        let (cookie, csrf) = app.session_for(focal).await;
        let pdf = a_pdf("again", 0);
        let draft = new_draft(app, &cookie, &csrf, "Draft").await;
        let sha = sha_of(&pdf).to_string();

        // Unused for two days (a refused form long ago)…
        let res = upload(app, &format!("/practices/{draft}/attachments?lang=en"), &cookie, &[("csrf", &csrf), ("version_lang", "xx")], &[("version_file", "a.pdf", &pdf)]).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        let old = Utc::now() - Duration::hours(48);
        let tx = app.db.begin_write().await.unwrap();
        file_object::Entity::update_many()
            .col_expr(file_object::Column::OrphanSince, Expr::value(old))
            .filter(file_object::Column::Sha256.eq(&sha))
            .exec(&tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        // …then uploaded again: the upload renews its grace period, so the
        // collector that runs next keeps it.
        let res = upload(app, &format!("/practices/{draft}/attachments?lang=en"), &cookie, &[("csrf", &csrf), ("version_lang", "xx")], &[("version_file", "a.pdf", &pdf)]).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(run(app, Utc::now()).await.removed, 0);
        assert!(stored(app, &pdf).await);

        // The collector removes it (its grace is over)…
        assert_eq!(run(app, Utc::now() + GRACE + Duration::hours(1)).await.removed, 1);
        assert!(!stored(app, &pdf).await);
        // …and the same bytes come again: written again, and they download.
        assert_eq!(attach(app, &cookie, &csrf, draft, "a.pdf", &pdf).await.status, StatusCode::SEE_OTHER);
        assert!(row(app, &pdf).await.unwrap().orphan_since.is_none());
        assert!(stored(app, &pdf).await, "written again");
        let res = app.get_with(&format!("/files/{sha}/a.pdf"), &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(res.header("content-length"), Some(pdf.len().to_string().as_str()));
        assert_eq!(run(app, Utc::now() + GRACE * 3).await.removed, 0, "in use");
        let attached = practice_attachment::Entity::find().filter(practice_attachment::Column::FileSha256.eq(&sha)).all(app.db.read()).await.unwrap();
        assert_eq!(attached.len(), 1);
    }
);

db_test!(
    async fn an_upload_racing_the_collector_writes_the_bytes_again(app) {
        app.load_demo().await;
        let focal = focal_point_of(app, "focal@kilis.example.org", municipality_id(app, "kilis").await).await;
        let (cookie, csrf) = app.session_for(focal).await;
        let pdf = a_pdf("race", 0);
        let draft = new_draft(app, &cookie, &csrf, "Draft").await;
        let sha = sha_of(&pdf);
        let res = upload(app, &format!("/practices/{draft}/attachments?lang=en"), &cookie, &[("csrf", &csrf), ("version_lang", "xx")], &[("version_file", "a.pdf", &pdf)]).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(stored(app, &pdf).await);

        // Another node's collector has won the row (deleted, not yet
        // committed) and is about to remove the bytes…
        let other = Db::connect(&app.settings.database_url(), PoolSizes::default()).await.unwrap();
        let store = majlis::library::files::Uploads::from_settings(&app.settings).unwrap().store;
        let tx = other.begin_write().await.unwrap();
        let won = file_object::Entity::delete_many()
            .filter(file_object::Column::Sha256.eq(sha.to_string()))
            .exec(&tx)
            .await
            .unwrap()
            .rows_affected;
        assert_eq!(won, 1);
        // …while this node attaches the same bytes.
        let (res, ()) = tokio::join!(attach(app, &cookie, &csrf, draft, "a.pdf", &pdf), async {
            tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
            store.delete(&sha).await.unwrap();
            tx.commit().await.unwrap();
        });
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert!(stored(app, &pdf).await, "the upload waited for the collector and wrote the bytes again");
        assert!(row(app, &pdf).await.unwrap().orphan_since.is_none());
        let res = app.get_with(&format!("/files/{sha}/a.pdf"), &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::OK);
        other.close().await;
    }
);

db_test!(
    async fn two_nodes_collecting_at_once_remove_each_file_once(app) {
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coord).await;
        let no_title = [("csrf", csrf.as_str()), ("kind", "report"), ("orig", "en"), ("title_en", ""), ("visibility", "public"), ("version_lang", "en")];
        let pdfs: Vec<Vec<u8>> = (0..12).map(|i| a_pdf(&format!("n{i}"), 0)).collect();
        for pdf in &pdfs {
            let res = upload(app, "/library/new", &cookie, &no_title, &[("version_file", "x.pdf", pdf)]).await;
            assert_eq!(res.status, StatusCode::BAD_REQUEST);
        }
        // A second node: its own connections to the same database and store.
        let other = Db::connect(&app.settings.database_url(), PoolSizes::default()).await.unwrap();
        let store = majlis::library::files::Uploads::from_settings(&app.settings).unwrap().store;
        let when = Utc::now() + GRACE + Duration::hours(1);
        let holders = majlis::app::file_holders();
        let (a, b, c) = tokio::join!(
            collect(&app.db, &store, &holders, GRACE, when),
            collect(&other, &store, &holders, GRACE, when),
            collect(&app.db, &store, &holders, GRACE, when),
        );
        let (a, b, c) = (a.expect("node 1"), b.expect("node 2"), c.expect("node 1 again"));
        assert_eq!(a.removed + b.removed + c.removed, 12, "each file removed once: {a:?} {b:?} {c:?}");
        assert_eq!(a.failed + b.failed + c.failed, 0);
        for pdf in &pdfs {
            assert!(row(app, pdf).await.is_none());
            assert!(!stored(app, pdf).await);
        }
        other.close().await;
    }
);

db_test!(
    async fn bytes_stored_without_a_row_are_removed_too(app) {
        // Files of forms refused before uploads were recorded at once.
        let store = majlis::library::files::Uploads::from_settings(&app.settings).unwrap().store;
        let pdf = a_pdf("legacy", 0);
        let opts = majlis_files::PutOptions::new(app.data_dir().join("tmp"));
        let body = futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(pdf.clone()))]);
        store.put(body, &opts).await.unwrap();
        let now = Utc::now();
        assert_eq!(run(app, now).await.removed, 0, "unknown to the collector");
        assert!(stored(app, &pdf).await);
        assert_eq!(majlis::library::files::adopt(&app.db, &store, now).await.unwrap(), 1);
        assert_eq!(majlis::library::files::adopt(&app.db, &store, now).await.unwrap(), 0, "once");
        assert_eq!(run(app, now).await.removed, 0);
        assert!(stored(app, &pdf).await, "kept for the grace period");
        assert_eq!(run(app, now + GRACE + Duration::hours(1)).await.removed, 1);
        assert!(!stored(app, &pdf).await);
    }
);

/// Run `case` on SQLite and on PostgreSQL with settings changed by `change`.
async fn both(
    change: fn(&mut Settings),
    case: for<'a> fn(&'a TestApp) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + 'a>>,
) {
    for app in [
        TestApp::sqlite_with(change).await,
        TestApp::postgres_with(change).await,
    ] {
        case(&app).await;
        app.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_forms_are_bounded_in_fields_files_and_bytes() {
    both(
        |s| {
            s.upload_max_mb = 2;
            s.request_max_mb = 1;
            s.upload_max_files = 3;
            s.form_max_fields = 20;
        },
        |app| {
            Box::pin(async move {
                app.load_demo().await;
                let coord = coordinator(app, "coordinator@example.org").await;
                let (cookie, csrf) = app.session_for(coord).await;
                let page = app
                    .get_with("/library/new?lang=en", &[("cookie", &cookie)])
                    .await;
                let hint = page.texts("#version-file-hint").join(" ");
                assert!(
                    hint.contains("at most 2 MB") || hint.contains("at most \u{2068}2\u{2069} MB"),
                    "{hint}"
                );
                assert!(
                    hint.contains("3") && hint.contains("files") && hint.contains("MB in all"),
                    "files and total stated: {hint}"
                );
                let doc = [
                    ("csrf", csrf.as_str()),
                    ("kind", "report"),
                    ("orig", "en"),
                    ("title_en", "Annual report"),
                    ("visibility", "public"),
                    ("version_lang", "en"),
                ];

                // Under the file limit but over the form's: refused, typed values kept.
                let big = a_pdf("big", 1024 * 1024 + 1000);
                let res = upload(
                    app,
                    "/library/new?lang=en",
                    &cookie,
                    &doc,
                    &[("version_file", "big.pdf", &big)],
                )
                .await;
                assert_eq!(res.status, StatusCode::BAD_REQUEST);
                assert!(
                    res.body
                        .contains("together are larger than the limit per form"),
                    "{}",
                    res.body
                );
                assert_eq!(
                    res.attr("#title-en", "value").as_deref(),
                    Some("Annual report")
                );
                assert!(
                    row(app, &big).await.is_none() && !stored(app, &big).await,
                    "nothing stored"
                );

                // More files than allowed.
                let small: Vec<Vec<u8>> = (0..4).map(|i| a_pdf(&format!("s{i}"), 0)).collect();
                let files: Vec<(&str, &str, &[u8])> = small
                    .iter()
                    .map(|b| ("version_file", "s.pdf", b.as_slice()))
                    .collect();
                let res = upload(app, "/library/new?lang=en", &cookie, &doc, &files).await;
                assert_eq!(res.status, StatusCode::BAD_REQUEST);
                assert!(
                    row(app, &small[3]).await.is_none(),
                    "the fourth file is not read"
                );

                // More fields than allowed.
                let names: Vec<String> = (0..25).map(|i| format!("extra{i}")).collect();
                let mut many = doc.to_vec();
                many.extend(names.iter().map(|n| (n.as_str(), "x")));
                let res = upload(app, "/library/new?lang=en", &cookie, &many, &[]).await;
                assert_eq!(res.status, StatusCode::BAD_REQUEST);

                // A body past the form's limit is cut off whatever its shape.
                let junk = vec![b'a'; 3 * 1024 * 1024];
                let res = upload(
                    app,
                    "/library/new?lang=en",
                    &cookie,
                    &[("csrf", &csrf), ("kind", "report")],
                    &[("", "", &junk)],
                )
                .await;
                assert_eq!(res.status, StatusCode::BAD_REQUEST);
            })
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_person_has_a_storage_quota_and_staff_are_exempt() {
    both(
        |s| {
            s.upload_max_mb = 1;
            s.upload_quota_mb = 1;
        },
        |app| {
            Box::pin(async move {
                app.load_demo().await;
                let focal = focal_point_of(
                    app,
                    "focal@kilis.example.org",
                    municipality_id(app, "kilis").await,
                )
                .await;
                let (cookie, csrf) = app.session_for(focal).await;
                let draft = new_draft(app, &cookie, &csrf, "Quota draft").await;
                let first = a_pdf("q1", 600 * 1024);
                let second = a_pdf("q2", 600 * 1024);
                assert_eq!(
                    attach(app, &cookie, &csrf, draft, "1.pdf", &first)
                        .await
                        .status,
                    StatusCode::SEE_OTHER
                );
                // The same bytes again cost nothing more.
                assert_eq!(
                    attach(app, &cookie, &csrf, draft, "1b.pdf", &first)
                        .await
                        .status,
                    StatusCode::SEE_OTHER
                );
                let res = attach(app, &cookie, &csrf, draft, "2.pdf", &second).await;
                assert_eq!(res.status, StatusCode::BAD_REQUEST);
                assert!(res.body.contains("over your quota"), "{}", res.body);
                let hint = res.texts("#version-file-hint").join(" ");
                assert!(
                    hint.contains("Your stored files take") && hint.contains("of your"),
                    "use and quota stated: {hint}"
                );
                assert!(
                    row(app, &second).await.is_none() && !stored(app, &second).await,
                    "nothing stored"
                );

                // Staff are not held to it.
                let coord = coordinator(app, "coordinator@example.org").await;
                let (ccookie, ccsrf) = app.session_for(coord).await;
                for (i, pdf) in [&first, &second].into_iter().enumerate() {
                    let doc = [
                        ("csrf", ccsrf.as_str()),
                        ("kind", "report"),
                        ("orig", "en"),
                        ("title_en", "Report"),
                        ("visibility", "public"),
                        ("version_lang", "en"),
                    ];
                    let res = upload(
                        app,
                        "/library/new",
                        &ccookie,
                        &doc,
                        &[("version_file", &format!("{i}.pdf"), pdf)],
                    )
                    .await;
                    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
                }
            })
        },
    )
    .await;
}

db_test!(
    async fn files_of_a_deleted_account_are_removed(app) {
        app.load_demo().await;
        let focal = focal_point_of(app, "focal@kilis.example.org", municipality_id(app, "kilis").await).await;
        let (cookie, csrf) = app.session_for(focal).await;
        let draft = new_draft(app, &cookie, &csrf, "Draft of a leaver").await;
        let attached = a_pdf("leaver-attached", 0);
        let refused = a_pdf("leaver-refused", 0);
        assert_eq!(attach(app, &cookie, &csrf, draft, "a.pdf", &attached).await.status, StatusCode::SEE_OTHER);
        let res = upload(app, &format!("/practices/{draft}/attachments?lang=en"), &cookie, &[("csrf", &csrf), ("version_lang", "xx")], &[("version_file", "b.pdf", &refused)]).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        let owned = file_owner::Entity::find().filter(file_owner::Column::PersonId.eq(focal)).all(app.db.read()).await.unwrap();
        assert_eq!(owned.len(), 2);

        let me = majlis::accounts::person::Entity::find_by_id(focal).one(app.db.read()).await.unwrap().unwrap();
        majlis::accounts::deletion::delete_account(&app.db, &majlis::app::person_deletion(), &me, "127.0.0.1", true, Utc::now()).await.unwrap();
        let owned = file_owner::Entity::find().filter(file_owner::Column::PersonId.eq(focal)).all(app.db.read()).await.unwrap();
        assert!(owned.is_empty(), "no trace of the person");
        let now = Utc::now();
        assert_eq!(run(app, now).await.removed, 0, "within the grace period");
        assert_eq!(run(app, now + GRACE + Duration::hours(1)).await.removed, 2);
        for bytes in [&attached, &refused] {
            assert!(row(app, bytes).await.is_none());
            assert!(!stored(app, bytes).await);
        }
    }
);
