//! Files on a real S3-protocol server (`MAJLIS_TEST_S3_URL`, started by
//! `scripts/test`; see `crates/files/tests/common/s3.rs`), on SQLite and
//! PostgreSQL: uploaded through one node and downloaded through another, a
//! 50 MB file, an object missing from the store, and wrong credentials. Each
//! test stores under a prefix of its own.

mod common;
#[path = "../../files/tests/common/s3.rs"]
mod s3env;

use std::io::Write;
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, TestResponse, coordinator};
use majlis::config::{Settings, StoreOptions};
use majlis::library::entities::{file_object, file_owner, resource};
use majlis_files::{FileStore, Sha256};
use s3env::S3Server;
use sea_orm::{EntityTrait, PaginatorTrait};
use tower::ServiceExt;

/// Like `db_test!`, with the app's files on the S3 test server under a
/// prefix of the test's own: `s3_test!(async fn name(app, store) { ... })`,
/// where `store` reaches the same prefix with the right credentials.
/// `wrong_secret` gives the app a wrong secret key instead.
macro_rules! s3_test {
    (async fn $name:ident($app:ident, $store:ident) $body:block) => {
        s3_test!(@make $name, $app, $store, false, $body);
    };
    (wrong_secret async fn $name:ident($app:ident, $store:ident) $body:block) => {
        s3_test!(@make $name, $app, $store, true, $body);
    };
    (@make $name:ident, $app:ident, $store:ident, $wrong:expr, $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn case($app: &TestApp, $store: &FileStore) $body

            #[tokio::test]
            async fn sqlite() {
                let (url, settings) = on_s3(stringify!($name), $wrong);
                let app = TestApp::sqlite_with(settings).await;
                case(&app, &store(&url)).await;
                app.finish().await;
            }

            #[tokio::test]
            async fn postgres() {
                let (url, settings) = on_s3(stringify!($name), $wrong);
                let app = TestApp::postgres_with(settings).await;
                case(&app, &store(&url)).await;
                app.finish().await;
            }
        }
    };
}

/// A prefix of its own on the test server, and settings that put the
/// app's files there (50 MB uploads allowed).
fn on_s3(test: &str, wrong_secret: bool) -> (String, impl FnOnce(&mut Settings)) {
    // Logs go with the test's output, shown when it fails.
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    let server = S3Server::from_env();
    let url = server.unique_url(test);
    let options = if wrong_secret {
        server.options_with(&server.access_key, &format!("{}-wrong", server.secret_key))
    } else {
        server.options()
    };
    let files_url = url.clone();
    (url, move |s: &mut Settings| {
        s.files_url = Some(files_url);
        s.files_options = StoreOptions(options.into_iter().collect());
        s.upload_max_mb = 50;
    })
}

/// The test's prefix, reached with the right credentials.
fn store(url: &str) -> FileStore {
    FileStore::from_url(url, &S3Server::from_env().options()).expect("store")
}

fn sha_of(bytes: &[u8]) -> Sha256 {
    use sha2::Digest;
    Sha256::from_bytes(sha2::Sha256::digest(bytes).into())
}

/// A real PDF, made distinct by `tag` and as large as wanted by a trailing comment.
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
    pdf.extend_from_slice(format!("\n%{tag}\n%").as_bytes());
    pdf.extend(std::iter::repeat_n(b'x', padding));
    pdf.push(b'\n');
    pdf
}

/// A new public library document with `pdf` as its English file, sent by a
/// coordinator as a multipart form through `app`'s router.
async fn new_document(app: &TestApp, pdf: &[u8]) -> TestResponse {
    let coord = coordinator(app, "coordinator@example.org").await;
    let (cookie, csrf) = app.session_for(coord).await;
    let boundary = "majlis-s3-test-boundary";
    let mut body = Vec::with_capacity(pdf.len() + 2048);
    for (k, v) in [
        ("csrf", csrf.as_str()),
        ("kind", "report"),
        ("orig", "en"),
        ("title_en", "Annual report"),
        ("visibility", "public"),
        ("version_lang", "en"),
    ] {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        )
        .unwrap();
    }
    write!(
        body,
        "--{boundary}\r\nContent-Disposition: form-data; name=\"version_file\"; filename=\"report.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .unwrap();
    body.extend_from_slice(pdf);
    write!(body, "\r\n--{boundary}--\r\n").unwrap();
    app.request(
        Request::post("/library/new?lang=en")
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// `GET /files/{sha}/report.pdf` through a router: status and body (up to 64 MB).
async fn download(router: &axum::Router, sha: &Sha256) -> (StatusCode, Vec<u8>) {
    let res = router
        .clone()
        .oneshot(
            Request::get(format!("/files/{sha}/report.pdf"))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .expect("router answers");
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), 64 * 1024 * 1024)
        .await
        .expect("the whole body");
    (status, bytes.to_vec())
}

s3_test!(
    async fn uploaded_through_one_node_downloaded_through_another(app, store) {
        let pdf = a_pdf("two-nodes", 0);
        let res = new_document(app, &pdf).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let sha = sha_of(&pdf);
        assert!(store.exists(&sha).await.unwrap(), "the bytes are on S3");
        let row = file_object::Entity::find_by_id(sha.to_string())
            .one(app.db.read())
            .await
            .unwrap()
            .expect("recorded");
        assert!(row.orphan_since.is_none(), "in use by the document");
        assert!(
            !app.data_dir().join("files").exists(),
            "nothing in the local folder"
        );

        let b = app.second_node().await;
        let (status, bytes) = download(&b.router, &sha).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes, pdf, "node B serves the bytes node A stored");
    }
);

s3_test!(
    async fn a_50_mb_file_goes_up_through_one_node_and_down_through_another(app, store) {
        let mut pdf = a_pdf("fifty", 0);
        let padding = 50 * 1000 * 1000 - pdf.len();
        pdf = a_pdf("fifty", padding - 8);
        assert!(pdf.len() <= 50 * 1000 * 1000 && pdf.len() > 49 * 1000 * 1000);
        let started = std::time::Instant::now();
        let res = new_document(app, &pdf).await;
        let up = started.elapsed();
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let sha = sha_of(&pdf);
        assert!(store.exists(&sha).await.unwrap());

        let b = app.second_node().await;
        let started = std::time::Instant::now();
        let (status, bytes) = download(&b.router, &sha).await;
        let down = started.elapsed();
        assert_eq!(status, StatusCode::OK);
        assert_eq!(bytes.len(), pdf.len());
        assert!(bytes == pdf, "the same 50 MB came back");
        println!("50 MB through the app on S3: upload {up:?}, download {down:?}");
    }
);

s3_test!(
    async fn a_file_missing_from_the_store_is_not_found_on_every_node(app, store) {
        let pdf = a_pdf("missing", 0);
        let res = new_document(app, &pdf).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let sha = sha_of(&pdf);
        // The bytes go (lost, removed by hand); the record stays.
        store.delete(&sha).await.unwrap();
        assert!(!store.exists(&sha).await.unwrap());

        let (status, _) = download(&app.router, &sha).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a clear 404, not a 500");
        let b = app.second_node().await;
        let (status, body) = download(&b.router, &sha).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let page = String::from_utf8_lossy(&body);
        assert!(page.contains("<html"), "the translated error page");
    }
);

/// Log lines written while the guard lives (this thread's subscriber: the
/// test runs on a current-thread runtime, so the request's task logs here).
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Write for Logs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    fn capture(&self) -> tracing::subscriber::DefaultGuard {
        let logs = self.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_max_level(tracing::Level::INFO)
            .with_writer(move || logs.clone())
            .finish();
        tracing::subscriber::set_default(subscriber)
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

s3_test!(
    wrong_secret async fn wrong_credentials_tell_the_uploader_log_the_cause_and_keep_nothing(app, store) {
        let pdf = a_pdf("denied", 0);
        let logs = Logs::default();
        let res = {
            let _guard = logs.capture();
            new_document(app, &pdf).await
        };

        // The uploader: the form again, saying the file was not stored.
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
        assert!(
            res.body.contains("The file could not be stored. Nothing was saved"),
            "{}",
            res.body
        );
        assert!(
            res.body.contains("Annual report"),
            "what was typed comes back"
        );
        // The operator: an error with the cause.
        let log = logs.text();
        let line = log
            .lines()
            .find(|l| l.contains("upload failed"))
            .unwrap_or_else(|| panic!("no error logged: {log}"));
        assert!(line.contains("ERROR"), "{line}");
        assert!(line.contains("credentials"), "{line}");

        // Nothing half-written: no row, no uploader charged, no document, no bytes.
        let sha = sha_of(&pdf);
        assert!(
            file_object::Entity::find_by_id(sha.to_string())
                .one(app.db.read())
                .await
                .unwrap()
                .is_none(),
            "no row for bytes that are not stored"
        );
        assert_eq!(file_owner::Entity::find().count(app.db.read()).await.unwrap(), 0);
        assert_eq!(resource::Entity::find().count(app.db.read()).await.unwrap(), 0);
        assert!(!store.exists(&sha).await.unwrap());
        assert!(list_all(store).await.is_empty());
    }
);

/// Every digest under a store's prefix.
async fn list_all(store: &FileStore) -> Vec<Sha256> {
    use futures_util::TryStreamExt;
    store.list().try_collect().await.expect("list")
}
