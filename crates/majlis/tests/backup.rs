//! Backups: the drill (a backup taken while writes go on, restored into a
//! fresh folder and database, with every write acknowledged before it
//! began), the refusals (damaged, newer schema, non-empty target), objects
//! shared between backups, and the schedule on one node. On both databases.

mod common;
use common::{TestApp, coordinator, focal_point_of, municipality_id};

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::Utc;
use majlis::app::backup::{self, BackupError, schedule};
use majlis::config::{DatabaseUrl, Settings};
use majlis::directory::entities::theme;
use majlis::library::entities::practice;
use sea_orm::{ColumnTrait, ConnectionTrait, Database, EntityTrait, QueryFilter};

/// A real PDF, made distinct by a trailing comment.
fn a_pdf(tag: &str) -> Vec<u8> {
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
    pdf.extend_from_slice(format!("\n%{tag}\n").as_bytes());
    pdf
}

fn sha_of(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// A public library document with a file, by a coordinator.
async fn public_document(app: &TestApp, cookie: &str, csrf: &str, title: &str, pdf: &[u8]) {
    let fields = [
        ("csrf", csrf),
        ("kind", "report"),
        ("orig", "en"),
        ("title_en", title),
        ("visibility", "public"),
        ("version_lang", "en"),
    ];
    let res = common::upload(
        app,
        "/library/new",
        cookie,
        &fields,
        &[("version_file", "report.pdf", pdf)],
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

/// The fields of a new practice draft (focal point of Kilis).
async fn practice_form(app: &TestApp, csrf: &str, title: &str) -> Vec<(String, String)> {
    let kilis = municipality_id(app, "kilis").await;
    let cohesion = theme::Entity::find()
        .filter(theme::Column::Slug.eq("social-cohesion"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id;
    [
        ("csrf", csrf.to_owned()),
        ("orig", "en".into()),
        ("title", title.to_owned()),
        ("summary", "Written during a backup drill.".into()),
        ("owner", format!("m:{kilis}")),
        ("country", "TR".into()),
        ("theme", cohesion.to_string()),
        ("start_year", "2019".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn form_request(path: &str, pairs: &[(String, String)], cookie: &str) -> Request<Body> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(Body::from(body))
        .unwrap()
}

fn store_of(settings: &Settings) -> majlis_files::FileStore {
    majlis::library::files::Uploads::from_settings(settings)
        .unwrap()
        .store
}

/// A fresh, empty target of the same kind as `app`'s database: a new data
/// folder, and on PostgreSQL a new database. The secret key file is copied
/// over, as the README asks.
struct Target {
    settings: Settings,
    _dir: tempfile::TempDir,
    pg: Option<String>,
}

impl Target {
    async fn new(app: &TestApp) -> Target {
        let dir = tempfile::tempdir().unwrap();
        let (url, pg) = match app.backend {
            common::Backend::Sqlite => (
                format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("majlis.db").display()
                ),
                None,
            ),
            common::Backend::Postgres => {
                let admin = common::postgres_admin_url();
                let name = format!("majlis_restore_{:016x}", rand::random::<u64>());
                let conn = Database::connect(&admin).await.unwrap();
                conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .unwrap();
                let _ = conn.close().await;
                let mut u = url::Url::parse(&admin).unwrap();
                u.set_path(&format!("/{name}"));
                (u.to_string(), Some(name))
            }
        };
        let settings = Settings {
            data_dir: dir.path().to_owned(),
            database_url: Some(DatabaseUrl(url)),
            public_url: Some("http://majlis.test".into()),
            ..Settings::default()
        };
        std::fs::copy(
            app.data_dir().join("secret_key"),
            dir.path().join("secret_key"),
        )
        .expect("the first node's key file");
        Target {
            settings,
            _dir: dir,
            pg,
        }
    }

    async fn finish(self) {
        if let Some(name) = self.pg {
            let conn = Database::connect(&common::postgres_admin_url())
                .await
                .unwrap();
            let _ = conn
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await;
            let _ = conn.close().await;
        }
    }
}

/// The app a restored target serves.
async fn open(settings: &Settings) -> (majlis::db::Db, axum::Router) {
    let db = majlis::app::prepare(settings)
        .await
        .expect("restored database opens");
    let state = majlis::app::AppState::new(db.clone(), Arc::new(settings.clone()))
        .await
        .expect("restored node starts");
    (db, majlis::app::router(state))
}

db_test!(
    async fn the_drill_a_backup_during_writes_restores_every_acknowledged_write(app) {
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (ccookie, ccsrf) = app.session_for(coord).await;
        let focal = focal_point_of(app, "focal@kilis.example.org", municipality_id(app, "kilis").await).await;
        let (fcookie, fcsrf) = app.session_for(focal).await;

        // Writes through the app: a public document with its file, a practice.
        let pdf = a_pdf("drill");
        public_document(app, &ccookie, &ccsrf, "Zeytinburnu winter shelter drill report", &pdf).await;
        let form = practice_form(app, &fcsrf, "Drill practice before the backup").await;
        let res = app.request(form_request("/practices/new?lang=en", &form, &fcookie)).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

        // Writes keep coming while the backup runs; each acknowledged one is noted.
        let acknowledged: Arc<Mutex<Vec<String>>> = Arc::default();
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let writer = {
            let router = app.router.clone();
            let acknowledged = acknowledged.clone();
            let stop = stop.clone();
            let base = practice_form(app, &fcsrf, "").await;
            let cookie = fcookie.clone();
            tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(std::sync::atomic::Ordering::SeqCst) && n < 200 {
                    n += 1;
                    let title = format!("Concurrent practice {n}");
                    let mut form = base.clone();
                    for (k, v) in form.iter_mut() {
                        if k == "title" {
                            *v = title.clone();
                        }
                    }
                    let res = common::respond(&router, form_request("/practices/new?lang=en", &form, &cookie)).await;
                    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
                    acknowledged.lock().unwrap().push(title);
                }
                n
            })
        };
        while acknowledged.lock().unwrap().len() < 3 {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        let before: Vec<String> = acknowledged.lock().unwrap().clone();
        let location = tempfile::tempdir().unwrap();
        let taken = backup::take(&app.settings, &app.db, &store_of(&app.settings), location.path(), Utc::now())
            .await
            .expect("backup taken while writes go on");
        stop.store(true, std::sync::atomic::Ordering::SeqCst);
        let written = writer.await.unwrap();
        let after = acknowledged.lock().unwrap().len();
        assert!(after > before.len(), "writes went on around the backup ({} before, {after} in all, {written} tried)", before.len());

        // The manifest: the schema, the database file, every file with its digest.
        let m = &taken.manifest;
        assert_eq!(m.schema, *backup::known_schema().last().unwrap());
        assert!(m.files.iter().any(|f| f.sha256 == sha_of(&pdf) && f.size == pdf.len() as u64));
        assert!(taken.folder.join("manifest.json").is_file());
        assert!(!std::fs::read_dir(&taken.folder).unwrap().any(|e| {
            let e = e.unwrap();
            std::fs::read(e.path()).map(|b| {
                let key = std::fs::read_to_string(app.data_dir().join("secret_key")).unwrap();
                b.windows(64).any(|w| w == key.trim().as_bytes())
            }).unwrap_or(false)
        }), "the secret key is not in the backup");

        // Restore into a fresh data folder and database.
        let target = Target::new(app).await;
        let restored = backup::restore(&target.settings, &taken.folder).await.expect("restored");
        assert_eq!(restored.counts, m.counts);
        assert!(restored.indexed > 0);
        assert!(restored.key_present);
        let (db, router) = open(&target.settings).await;

        // Every write acknowledged before the backup began is there.
        let practices = practice::Entity::find().all(db.read()).await.unwrap();
        let titles: Vec<String> = practices.iter().map(|p| format!("{:?}", p.title)).collect();
        for title in before.iter().chain(["Drill practice before the backup".to_owned()].iter()) {
            let quoted = format!("{title:?}");
            assert_eq!(titles.iter().filter(|t| t.contains(&quoted)).count(), 1, "{title} restored");
        }
        assert_eq!(practices.len() as u64, m.counts.practices, "exactly the snapshot's practices");

        // The file downloads through the restored app.
        let res = common::respond(&router, Request::get(format!("/files/{}/report.pdf", sha_of(&pdf))).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status, StatusCode::OK);
        assert_eq!(res.bytes, pdf);

        // Search finds the new document.
        let res = common::respond(&router, Request::get("/api/v1/search?q=Zeytinburnu").body(Body::empty()).unwrap()).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.body);
        let titles: Vec<String> = res.json()["items"].as_array().unwrap().iter().map(|i| i["title"].as_str().unwrap().to_owned()).collect();
        assert!(titles.iter().any(|t| t.contains("winter shelter drill report")), "{titles:?}");

        db.close().await;
        target.finish().await;
    }
);

/// Flip one byte of a file.
fn flip(path: &Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let i = bytes.len() / 2;
    bytes[i] ^= 0x01;
    std::fs::write(path, bytes).unwrap();
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.path().is_dir() {
            copy_tree(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A copy of a backup location, and its one backup folder in it.
fn copy_of(location: &Path, folder: &Path, into: &Path) -> PathBuf {
    copy_tree(location, into);
    into.join(folder.file_name().unwrap())
}

db_test!(
    async fn damaged_newer_and_unfinished_backups_and_full_targets_are_refused(app) {
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coord).await;
        let pdf = a_pdf("refusals");
        public_document(app, &cookie, &csrf, "A report to damage", &pdf).await;
        let location = tempfile::tempdir().unwrap();
        let taken = backup::take(&app.settings, &app.db, &store_of(&app.settings), location.path(), Utc::now()).await.unwrap();
        backup::verify(&taken.folder).await.expect("a good backup verifies");
        let scratch = tempfile::tempdir().unwrap();

        // One byte flipped in a stored file.
        let copy = copy_of(location.path(), &taken.folder, &scratch.path().join("object"));
        let object = backup::object_path(&sha_of(&pdf));
        flip(&copy.parent().unwrap().join(&object));
        match backup::verify(&copy).await {
            Err(BackupError::Damaged { path, reason }) => {
                assert_eq!(path, object);
                assert!(reason.contains("SHA-256"), "{reason}");
            }
            other => panic!("a damaged object must be refused: {other:?}"),
        }
        let target = Target::new(app).await;
        let err = backup::restore(&target.settings, &copy).await.unwrap_err();
        assert!(err.to_string().contains("the backup is damaged"), "{err}");
        // Nothing was written: the target is still empty, so a good backup restores.
        assert!(!target.settings.data_dir.join("majlis.db").exists() || app.backend == common::Backend::Postgres);

        // One byte flipped in the database snapshot.
        let copy = copy_of(location.path(), &taken.folder, &scratch.path().join("db"));
        flip(&copy.parent().unwrap().join(&taken.manifest.database.path));
        match backup::verify(&copy).await {
            Err(BackupError::Damaged { path, .. }) => assert_eq!(path, taken.manifest.database.path),
            other => panic!("a damaged database file must be refused: {other:?}"),
        }

        // A schema newer than this build knows.
        let copy = copy_of(location.path(), &taken.folder, &scratch.path().join("newer"));
        let mut m = taken.manifest.clone();
        m.schema = "m20991231_000099_from_the_future".into();
        m.majlis_version = "9.9.9".into();
        std::fs::write(copy.join("manifest.json"), serde_json::to_vec(&m).unwrap()).unwrap();
        let err = backup::restore(&target.settings, &copy).await.unwrap_err();
        assert!(matches!(err, BackupError::NewerSchema { .. }), "{err:?}");
        assert!(err.to_string().contains("m20991231_000099_from_the_future") && err.to_string().contains("9.9.9"), "{err}");

        // An unfinished backup (no manifest).
        std::fs::remove_file(copy.join("manifest.json")).unwrap();
        assert!(matches!(backup::verify(&copy).await, Err(BackupError::NoManifest(_))));

        // A target that is not empty: the running app's own database.
        let err = backup::restore(&app.settings, &taken.folder).await.unwrap_err();
        assert!(matches!(err, BackupError::NotEmpty(_)), "{err:?}");

        // A target whose database is empty but whose file storage is not.
        std::fs::create_dir_all(target.settings.data_dir.join("files")).unwrap();
        let store = store_of(&target.settings);
        store
            .put(futures_util::stream::iter([Ok::<_, std::io::Error>(bytes::Bytes::from(a_pdf("stray")))]), &majlis_files::PutOptions::new(target.settings.data_dir.join("tmp")))
            .await
            .unwrap();
        let err = backup::restore(&target.settings, &taken.folder).await.unwrap_err();
        assert!(matches!(err, BackupError::NotEmpty(ref what) if what.contains("file storage")), "{err:?}");

        // The good backup still restores into an empty target.
        let empty = Target::new(app).await;
        backup::restore(&empty.settings, &taken.folder).await.expect("the good backup restores");
        empty.finish().await;
        target.finish().await;
    }
);

db_test!(
    async fn a_second_backup_copies_only_new_objects_and_the_schedule_runs_on_one_node(app) {
        app.load_demo().await;
        let coord = coordinator(app, "coordinator@example.org").await;
        let (cookie, csrf) = app.session_for(coord).await;
        public_document(app, &cookie, &csrf, "First report", &a_pdf("first")).await;
        let location = tempfile::tempdir().unwrap();
        let store = store_of(&app.settings);
        let first = backup::take(&app.settings, &app.db, &store, location.path(), Utc::now()).await.unwrap();
        assert!(first.copied >= 1);
        assert_eq!(first.reused, 0);
        let files = first.manifest.files.len();

        public_document(app, &cookie, &csrf, "Second report", &a_pdf("second")).await;
        let second = backup::take(&app.settings, &app.db, &store, location.path(), Utc::now()).await.unwrap();
        assert_ne!(first.folder, second.folder);
        assert_eq!(second.copied, 1, "only the new file is copied");
        assert_eq!(second.reused, files);
        let objects: usize = std::fs::read_dir(location.path().join("objects")).unwrap()
            .map(|d| std::fs::read_dir(d.unwrap().path()).unwrap().count())
            .sum();
        assert_eq!(objects, files + 1, "one copy of each file in the location");

        // Pruning to one backup keeps the newer one and every file it lists.
        let pruned = schedule::prune(location.path(), 1).await.unwrap();
        assert_eq!(pruned.backups, 1);
        assert!(!first.folder.exists() && second.folder.is_dir());
        backup::verify(&second.folder).await.expect("the kept backup is whole");

        // The schedule: nothing when off; when on, one node of two takes it.
        let off = schedule::tick(&app.settings, &app.db, &store, "node-a", Utc::now()).await.unwrap();
        assert!(off.is_none(), "backup_every = 0: no scheduled backups");
        let dir = tempfile::tempdir().unwrap();
        let on = Settings {
            backup_every: 6,
            backup_keep: 2,
            backup_dir: Some(dir.path().to_owned()),
            ..(*app.settings).clone()
        };
        let now = Utc::now();
        let (a, b) = tokio::join!(
            schedule::tick(&on, &app.db, &store, "node-a", now),
            schedule::tick(&on, &app.db, &store, "node-b", now),
        );
        let taken: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
        assert_eq!(taken.len(), 1, "exactly one node takes the scheduled backup");
        assert!(taken[0].folder.starts_with(dir.path()));
        let again = schedule::tick(&on, &app.db, &store, "node-b", now + chrono::Duration::hours(1)).await.unwrap();
        assert!(again.is_none(), "not due again within backup_every");
        let later = schedule::tick(&on, &app.db, &store, "node-b", now + chrono::Duration::hours(7)).await.unwrap();
        assert!(later.is_some(), "due again after backup_every");

        // The age of the last good backup: in /metrics and on the audit page.
        let age = schedule::refresh_metrics(&app.db, Utc::now() + chrono::Duration::hours(8)).await.unwrap();
        assert!(age.is_some());
        let res = app.get("/metrics").await;
        assert!(res.body.contains("majlis_backup_age_seconds"), "{}", res.body);
        let res = app.get_with("/audit", &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::OK);
        let line = res.texts(".backup-age").join(" ");
        assert!(line.contains("Last good backup"), "{line}");
    }
);
