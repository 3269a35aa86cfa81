//! Test harness: a fresh database per test, on SQLite or PostgreSQL, and
//! requests run through the real router.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use majlis::config::{DatabaseUrl, Settings};
use majlis::db::Db;
use sea_orm::{ConnectionTrait, Database};
use tower::ServiceExt;

/// Run one async test body against SQLite and against PostgreSQL:
/// `db_test!(async fn name(app) { ... });` makes `name::sqlite` and `name::postgres`.
/// Attributes given before `async fn` (`#[ignore]`, `#[should_panic]`, …)
/// apply to both.
#[macro_export]
macro_rules! db_test {
    ($(#[$meta:meta])* async fn $name:ident($app:ident) $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn case($app: &$crate::common::TestApp) $body

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let app = $crate::common::TestApp::sqlite().await;
                case(&app).await;
                app.finish().await;
            }

            $(#[$meta])*
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let app = $crate::common::TestApp::postgres().await;
                case(&app).await;
                app.finish().await;
            }
        }
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestApp {
    pub db: Db,
    pub settings: Arc<Settings>,
    pub router: Router,
    pub backend: Backend,
    /// The node's search index (the indexer does not run by itself in tests:
    /// call [`TestApp::index`]).
    pub search: Arc<majlis::search::Search>,
    dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

/// The PostgreSQL server tests use. Never skipped: if it is unreachable the test fails.
pub fn postgres_admin_url() -> String {
    std::env::var("MAJLIS_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

fn unique_name() -> String {
    let n: u64 = rand::random();
    format!("majlis_test_{:016x}", n)
}

impl TestApp {
    pub async fn sqlite() -> TestApp {
        Self::sqlite_with(|_| {}).await
    }

    pub async fn postgres() -> TestApp {
        Self::postgres_with(|_| {}).await
    }

    /// A test app on SQLite whose settings `change` adjusts.
    pub async fn sqlite_with(change: impl FnOnce(&mut Settings)) -> TestApp {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = DatabaseUrl(format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("majlis.db").display()
        ));
        Self::build(Backend::Sqlite, url, dir, None, change).await
    }

    /// A test app on PostgreSQL whose settings `change` adjusts.
    pub async fn postgres_with(change: impl FnOnce(&mut Settings)) -> TestApp {
        let admin = postgres_admin_url();
        let conn = Database::connect(&admin).await.unwrap_or_else(|e| {
            panic!("PostgreSQL is required for the storage tests ({admin}): {e}. Run scripts/test, which starts one.")
        });
        let name = unique_name();
        conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await
            .expect("create test database");
        let _ = conn.close().await;
        let mut url = url::Url::parse(&admin).expect("admin url");
        url.set_path(&format!("/{name}"));
        let dir = tempfile::tempdir().expect("temp dir");
        Self::build(
            Backend::Postgres,
            DatabaseUrl(url.to_string()),
            dir,
            Some((admin, name)),
            change,
        )
        .await
    }

    async fn build(
        backend: Backend,
        url: DatabaseUrl,
        dir: tempfile::TempDir,
        postgres: Option<(String, String)>,
        change: impl FnOnce(&mut Settings),
    ) -> TestApp {
        let mut settings = Settings {
            data_dir: dir.path().to_owned(),
            database_url: Some(url),
            public_url: Some("http://majlis.test".into()),
            expose_query_count: true,
            // Small enough that a test can send a file over the limit.
            upload_max_mb: 1,
            // Visitors see every change at once, as the tests expect; the
            // window itself is tested on its own.
            visitor_staleness_ms: 0,
            ..Settings::default()
        };
        change(&mut settings);
        let db = majlis::app::prepare(&settings)
            .await
            .expect("prepare database");
        let settings = Arc::new(settings);
        let state = majlis::app::AppState::new(db.clone(), settings.clone())
            .await
            .expect("reference data");
        let search = state.search.clone();
        let router = majlis::app::router(state);
        TestApp {
            db,
            settings,
            router,
            backend,
            search,
            dir,
            postgres,
        }
    }

    /// Load the demo network.
    pub async fn load_demo(&self) -> majlis::demo::LoadReport {
        majlis::demo::load(&self.db, chrono::Utc::now())
            .await
            .expect("demo loads")
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.request(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }

    pub async fn get_with(&self, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut req = Request::get(uri);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        self.request(req.body(Body::empty()).unwrap()).await
    }

    pub async fn request(&self, req: Request<Body>) -> TestResponse {
        respond(&self.router, req).await
    }

    /// A second node on the same database (its own data folder and search
    /// index; the same secret key, as every node of one database needs).
    pub async fn second_node(&self) -> Node {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut settings = (*self.settings).clone();
        settings.data_dir = dir.path().to_owned();
        if settings.secret_key.is_none() {
            let key = std::fs::read_to_string(self.data_dir().join("secret_key"))
                .expect("the first node's key file");
            settings.secret_key = Some(majlis::config::Secret(key.trim().to_owned()));
        }
        let db = majlis::app::prepare(&settings)
            .await
            .expect("prepare database");
        let state = majlis::app::AppState::new(db.clone(), Arc::new(settings))
            .await
            .expect("second node starts");
        Node {
            db,
            router: majlis::app::router(state),
            _dir: dir,
        }
    }

    /// Deliver the mail queue once, as a node's background task does;
    /// returns how many messages were sent.
    pub async fn deliver_mail(&self) -> usize {
        let mailer = majlis::mail::Mailer::from_settings(&self.settings).expect("mailer");
        majlis::mail::queue::deliver(&self.db, &mailer, "test", chrono::Utc::now(), 100)
            .await
            .expect("mail queue")
            .sent
    }

    /// Serve the app on a loopback port (for browser tests).
    pub async fn serve(&self) -> SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = self.router.clone();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        addr
    }

    /// Run the search indexer once (what the background task does every half second).
    pub async fn index(&self) {
        self.search
            .catch_up(&self.db)
            .await
            .expect("search indexer");
    }

    /// Send a form as a browser would.
    pub async fn post_form(
        &self,
        path: &str,
        pairs: &[(&str, &str)],
        cookie: &str,
    ) -> TestResponse {
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        self.request(
            Request::post(path)
                .header("content-type", "application/x-www-form-urlencoded")
                .header("cookie", cookie)
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    /// A signed-in session for a person, made directly: (cookie, csrf token).
    pub async fn session_for(&self, person_id: i32) -> (String, String) {
        use majlis::accounts::{session, signin};
        use sea_orm::{ActiveModelTrait, ActiveValue::Set};
        let token = majlis::token::random_token();
        let csrf = majlis::token::random_token();
        let tx = self.db.begin_write().await.unwrap();
        session::ActiveModel {
            token_hash: Set(signin::hash_token(&token)),
            person_id: Set(person_id),
            csrf_token: Set(csrf.clone()),
            created_at: Set(chrono::Utc::now()),
            last_seen_at: Set(chrono::Utc::now()),
            ip: Set("127.0.0.1".into()),
            user_agent: Set("test".into()),
            ..Default::default()
        }
        .insert(&tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        (self.session_cookie(&token), csrf)
    }

    /// A `Cookie` header value with a session token, under the name the
    /// settings give (`__Host-` over HTTPS).
    pub fn session_cookie(&self, token: &str) -> String {
        format!("{}={token}", self.settings.session_cookie())
    }

    /// A `Cookie` header value with a visitor's anti-forgery token.
    pub fn csrf_cookie(&self, token: &str) -> String {
        format!("{}={token}", self.settings.csrf_cookie())
    }

    /// The messages written to the data folder (no SMTP in tests), oldest first.
    pub fn mails(&self) -> Vec<String> {
        let dir = self.data_dir().join("mail");
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.map(|e| e.unwrap().path()).collect())
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap())
            .collect()
    }

    pub fn data_dir(&self) -> &std::path::Path {
        self.dir.path()
    }

    /// Close connections and drop the PostgreSQL database.
    pub async fn finish(self) {
        self.db.clone().close().await;
        if let Some((admin, name)) = self.postgres
            && let Ok(conn) = Database::connect(&admin).await
        {
            let _ = conn
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await;
            let _ = conn.close().await;
        }
    }
}

/// Another node of a [`TestApp`]: same database, own process state.
pub struct Node {
    pub db: Db,
    pub router: Router,
    _dir: tempfile::TempDir,
}

impl Node {
    pub async fn request(&self, req: Request<Body>) -> TestResponse {
        respond(&self.router, req).await
    }
}

/// Run a request through a router and read the whole answer.
pub async fn respond(router: &Router, req: Request<Body>) -> TestResponse {
    let res = router.clone().oneshot(req).await.expect("router answers");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 16 * 1024 * 1024)
        .await
        .expect("body");
    TestResponse {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

/// Turn two-step sign-in on for a person; returns the TOTP secret (base32).
pub async fn enable_totp(app: &TestApp, person_id: i32) -> String {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP".to_owned();
    let p = majlis::accounts::person::Entity::find_by_id(person_id)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    let tx = app.db.begin_write().await.unwrap();
    let mut am: majlis::accounts::person::ActiveModel = p.into();
    am.totp_secret = Set(Some(secret.clone()));
    am.update(&tx).await.unwrap();
    tx.commit().await.unwrap();
    secret
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as received (files, PDFs).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| {
            panic!("not JSON ({e}): {}", &self.body[..self.body.len().min(500)])
        })
    }

    /// Number of database queries the request ran.
    pub fn queries(&self) -> u32 {
        self.header("x-majlis-db-queries")
            .and_then(|v| v.parse().ok())
            .expect("query count header")
    }

    /// The value the response sets for a cookie (empty when it clears it),
    /// read with the same cookie parser as the application's (axum-extra).
    pub fn set_cookie(&self, name: &str) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .filter_map(|v| axum_extra::extract::cookie::Cookie::parse_encoded(v.to_owned()).ok())
            .find(|c| c.name() == name)
            .map(|c| c.value().to_owned())
    }

    /// A non-empty value the response sets for a cookie.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookie(name).filter(|v| !v.is_empty())
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    /// Texts of the elements matching a CSS selector.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let sel = scraper::Selector::parse(selector).expect("selector");
        self.html()
            .select(&sel)
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// An attribute of the first element matching a selector.
    pub fn attr(&self, selector: &str, attr: &str) -> Option<String> {
        let sel = scraper::Selector::parse(selector).expect("selector");
        self.html()
            .select(&sel)
            .next()
            .and_then(|e| e.value().attr(attr).map(str::to_owned))
    }
}

/// The text of a PDF, as `pdftotext` (poppler-utils, installed by scripts/test) reads it.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("document.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/test");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// The password of people made with [`person`].
pub const PASSWORD: &str = "a test passphrase nobody uses";

/// A person with this email (also their name) and role; returns their id.
pub async fn person(app: &TestApp, email: &str, role: majlis::policy::Role) -> i32 {
    majlis::accounts::people::create(
        &app.db,
        &majlis::accounts::Email::parse(email).unwrap(),
        email,
        role,
        majlis::i18n::Locale::En,
        &majlis::accounts::Password::parse(PASSWORD.into()).unwrap(),
        chrono::Utc::now(),
    )
    .await
    .unwrap()
    .id
}

/// The id of the municipality with this slug (the demo's, or one a test made).
pub async fn municipality_id(app: &TestApp, slug: &str) -> i32 {
    use majlis::directory::entities::municipality;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no municipality {slug}"))
        .id
}

/// A member who is a focal point of `municipality`; returns their id.
pub async fn focal_point_of(app: &TestApp, email: &str, municipality: i32) -> i32 {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let id = person(app, email, majlis::policy::Role::Member).await;
    let tx = app.db.begin_write().await.unwrap();
    majlis::accounts::affiliation::ActiveModel {
        person_id: Set(id),
        municipality_id: Set(Some(municipality)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(true),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

/// A coordinator with two-step sign-in set up (staff powers need it); returns their id.
pub async fn coordinator(app: &TestApp, email: &str) -> i32 {
    let id = person(app, email, majlis::policy::Role::Coordinator).await;
    enable_totp(app, id).await;
    id
}

/// A project idea written straight into the database (with its partners,
/// each `(municipality, status)`, and an outbox row, as every change has,
/// so cached pages move on): its id.
pub async fn stored_project(
    app: &TestApp,
    slug: &str,
    title: &str,
    lead: i32,
    status: &str,
    visibility: &str,
    partners: &[(i32, &str)],
) -> i32 {
    use majlis::db::outbox::{self, Op};
    use majlis::i18n::{Locale, TrText};
    use majlis::projects::entities::{partner, project};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let now = chrono::Utc::now();
    let tx = app.db.begin_write().await.unwrap();
    let p = project::ActiveModel {
        slug: Set(slug.to_owned()),
        title: Set(TrText::new(Locale::En, title).unwrap()),
        problem: Set(None),
        objectives: Set(None),
        activities: Set(None),
        status: Set(status.to_owned()),
        drop_reason: Set(None),
        visibility: Set(visibility.to_owned()),
        lead_municipality_id: Set(lead),
        event_id: Set(None),
        session_id: Set(None),
        dilemma_id: Set(None),
        programme: Set(None),
        programme_countries: Set(String::new()),
        partners_sought: Set(Default::default()),
        version: Set(1),
        illustrative: Set(false),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    for (m, s) in partners {
        partner::ActiveModel {
            project_id: Set(p.id),
            municipality_id: Set(*m),
            status: Set((*s).to_owned()),
            updated_at: Set(now),
        }
        .insert(&tx)
        .await
        .unwrap();
    }
    outbox::record(&tx, "project", p.id, Op::Created)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    p.id
}

/// An empty database of the backend `app` runs on, on one connection (as
/// the node's writer), not migrated: for tests of a migration on old rows.
/// The PostgreSQL database's name is returned, for [`drop_fresh_db`].
pub async fn fresh_db(
    app: &TestApp,
    dir: &std::path::Path,
) -> (sea_orm::DatabaseConnection, Option<String>) {
    use sea_orm::ConnectionTrait;
    match app.backend {
        Backend::Sqlite => {
            let url = format!("sqlite://{}?mode=rwc", dir.join("old.db").display());
            let mut o = sea_orm::ConnectOptions::new(url);
            o.max_connections(1).min_connections(1).sqlx_logging(false);
            let conn = sea_orm::Database::connect(o).await.unwrap();
            conn.execute_unprepared("PRAGMA foreign_keys = ON")
                .await
                .unwrap();
            (conn, None)
        }
        Backend::Postgres => {
            let admin = postgres_admin_url();
            let name = format!("majlis_mig_{:016x}", rand::random::<u64>());
            let a = sea_orm::Database::connect(&admin).await.unwrap();
            a.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await
                .unwrap();
            let _ = a.close().await;
            let mut url = url::Url::parse(&admin).unwrap();
            url.set_path(&format!("/{name}"));
            (
                sea_orm::Database::connect(url.as_str()).await.unwrap(),
                Some(name),
            )
        }
    }
}

/// Close a database of [`fresh_db`] and drop it (PostgreSQL).
pub async fn drop_fresh_db(conn: sea_orm::DatabaseConnection, pg_name: Option<String>) {
    use sea_orm::ConnectionTrait;
    let _ = conn.close().await;
    if let Some(name) = pg_name {
        let a = sea_orm::Database::connect(&postgres_admin_url())
            .await
            .unwrap();
        let _ = a
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .await;
    }
}

/// A multipart body: text fields, then file fields (the declared type says
/// nothing: uploads are recognised by their content).
pub fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    use std::io::Write as _;
    let boundary = "majlistestboundary7f3a";
    let mut body = Vec::new();
    for (k, v) in fields {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        )
        .unwrap();
    }
    for (name, file_name, bytes) in files {
        write!(
            body,
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .unwrap();
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    write!(body, "--{boundary}--\r\n").unwrap();
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// POST a multipart form (`multipart`) to `path` with a session cookie.
pub async fn upload(
    app: &TestApp,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
) -> TestResponse {
    let (ct, body) = multipart(fields, files);
    app.request(
        Request::post(path)
            .header("content-type", ct)
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// Wait until `n` writes are queued for the group-commit writer task (held
/// by a test's write), so that it takes them as one group; fails after 30 s.
pub async fn wait_for_queued_writes(app: &TestApp, n: usize) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while app.db.writes_waiting() < n {
        assert!(
            std::time::Instant::now() < deadline,
            "{} of {n} writes queued after 30 s",
            app.db.writes_waiting()
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}
