//! The node under load and at start: slow and greedy clients, nodes started
//! together on one database, liveness and readiness.

mod common;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use common::TestApp;
use majlis::config::{DatabaseUrl, Settings};
use majlis::web::server::{Limits, Server};
use sea_orm::{ConnectionTrait, Database, EntityTrait, PaginatorTrait};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};

/// The real server (the router behind `majlis serve`) on a loopback port.
struct Running {
    addr: SocketAddr,
    connections: std::sync::Arc<majlis::web::server::Connections>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    async fn start(app: &TestApp) -> Running {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let server = Server::new(Limits::from_settings(&app.settings).within_open_file_limit());
        let connections = server.connections();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let router = app.router.clone();
        let task = tokio::spawn(server.run(listener, router, async {
            let _ = stopped.await;
        }));
        Running {
            addr,
            connections,
            stop: Some(stop),
            task,
        }
    }

    async fn stop(mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        tokio::time::timeout(Duration::from_secs(35), self.task)
            .await
            .expect("the server stops")
            .expect("server task")
            .expect("server ends cleanly");
    }
}

/// A connection from another loopback address than 127.0.0.1.
async fn connect_from(from: Ipv4Addr, to: SocketAddr) -> TcpStream {
    let socket = TcpSocket::new_v4().unwrap();
    socket.bind(SocketAddr::new(IpAddr::V4(from), 0)).unwrap();
    socket.connect(to).await.unwrap()
}

/// Send one request and read the whole answer (the server closes after it).
async fn ask(stream: &mut TcpStream, path: &str) -> String {
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await
        .unwrap();
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf).await.unwrap();
    String::from_utf8_lossy(&buf).into_owned()
}

/// Wait (up to 2 s) until the server has given every connection's place back.
async fn all_closed(connections: &majlis::web::server::Connections) -> bool {
    for _ in 0..20 {
        if connections.open() == 0 {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .map(|d| d.count())
        .unwrap_or(0)
}

/// Whether the server closed (or reset) this connection within `within`.
async fn closed_within(mut s: TcpStream, within: Duration) -> bool {
    let mut buf = [0u8; 512];
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, s.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            // An error answer (408) before closing: keep reading.
            Ok(Ok(_)) => continue,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_idle_connections_from_one_address_leave_healthz_answering() {
    let app = TestApp::sqlite_with(|s| {
        s.header_timeout_secs = 2;
        s.max_connections_per_address = 64;
        s.max_connections = 1024;
    })
    .await;
    let server = Running::start(&app).await;
    let fds_before = open_fds();

    // 2,000 clients from 127.0.0.1 send a request line and one header, then nothing.
    let started = Instant::now();
    let mut idle = Vec::with_capacity(2000);
    for _ in 0..2000 {
        let mut s = TcpStream::connect(server.addr).await.unwrap();
        // Refused connections may already be reset: a failed write is fine.
        let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await;
        idle.push(s);
    }
    let opened_in = started.elapsed();
    // Let the server accept (and close) the backlog.
    let mut waited = 0;
    while server.connections.refused() < 2000 - 64 && waited < 50 {
        tokio::time::sleep(Duration::from_millis(100)).await;
        waited += 1;
    }
    let held = server.connections.open();
    let refused = server.connections.refused();
    let server_fds = open_fds().saturating_sub(fds_before + 2000);
    assert_eq!(held, 64, "one address holds at most 64 connections");
    assert_eq!(refused, 2000 - 64, "the others are closed at once");
    assert!(
        server_fds <= 64 + 16,
        "the server holds {server_fds} descriptors for 64 connections"
    );

    // Another address is answered at once.
    let asked = Instant::now();
    let mut other = connect_from(Ipv4Addr::new(127, 0, 0, 2), server.addr).await;
    let answer = tokio::time::timeout(Duration::from_secs(1), ask(&mut other, "/healthz"))
        .await
        .expect("/healthz answers within a second");
    let answered_in = asked.elapsed();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.ends_with("ok"), "{answer}");
    eprintln!(
        "2000 idle connections opened in {opened_in:?}: {held} held, {refused} closed at once, \
         {server_fds} server descriptors beyond the clients' (process: {} open); \
         /healthz from 127.0.0.2 answered in {answered_in:?}",
        open_fds()
    );

    // The held ones never finish their headers: closed after the header time-out.
    let checks: Vec<_> = idle
        .into_iter()
        .map(|s| tokio::spawn(closed_within(s, Duration::from_secs(5))))
        .collect();
    let mut still_open = 0;
    for c in checks {
        if !c.await.unwrap() {
            still_open += 1;
        }
    }
    assert_eq!(
        still_open, 0,
        "connections left open after the header time-out"
    );
    assert!(
        all_closed(&server.connections).await,
        "{} still counted",
        server.connections.open()
    );
    server.stop().await;
    app.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trickling_body_is_cut_off_after_the_request_timeout() {
    let app = TestApp::sqlite_with(|s| {
        s.header_timeout_secs = 2;
        s.request_timeout_secs = 2;
    })
    .await;
    let server = Running::start(&app).await;
    let mut s = TcpStream::connect(server.addr).await.unwrap();
    s.write_all(
        b"POST /login HTTP/1.1\r\nHost: x\r\n\
          Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nemail=",
    )
    .await
    .unwrap();
    let started = Instant::now();
    let (mut read, mut write) = s.into_split();
    // One byte every 200 ms: the body would take 200 s.
    let trickle = tokio::spawn(async move {
        for _ in 0..1000 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if write.write_all(b"a").await.is_err() {
                break;
            }
        }
    });
    let mut answer = Vec::new();
    let read_all =
        tokio::time::timeout(Duration::from_secs(8), read.read_to_end(&mut answer)).await;
    let cut_after = started.elapsed();
    trickle.abort();
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        read_all.is_ok(),
        "the connection is still open after {cut_after:?}"
    );
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        cut_after >= Duration::from_millis(1900) && cut_after < Duration::from_secs(4),
        "cut after {cut_after:?}"
    );
    eprintln!("a trickling body was answered 408 and closed after {cut_after:?}");
    assert!(
        all_closed(&server.connections).await,
        "{} still counted",
        server.connections.open()
    );
    server.stop().await;
    app.finish().await;
}

db_test!(
    async fn healthz_and_readyz_answer_when_the_database_does(app) {
        let health = app.get("/healthz").await;
        assert_eq!((health.status, health.body.as_str()), (StatusCode::OK, "ok"));
        let ready = app.get("/readyz").await;
        assert_eq!((ready.status, ready.body.as_str()), (StatusCode::OK, "ready"));
    }
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_answers_503_within_a_second_when_the_database_is_gone() {
    let app = TestApp::postgres().await;
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
    // The node's database disappears under it (its connections are ended).
    let url = app.settings.database_url();
    let name = url::Url::parse(url.expose()).unwrap().path()[1..].to_owned();
    let admin = Database::connect(&common::postgres_admin_url())
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!("DROP DATABASE \"{name}\" WITH (FORCE)"))
        .await
        .unwrap();
    let _ = admin.close().await;

    let asked = Instant::now();
    let ready = app.get("/readyz").await;
    let took = asked.elapsed();
    assert_eq!(
        (ready.status, ready.body.as_str()),
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    );
    assert!(took < Duration::from_millis(1500), "/readyz took {took:?}");
    // Liveness does not depend on the database.
    let asked = Instant::now();
    let health = app.get("/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    assert!(asked.elapsed() < Duration::from_millis(200));
    eprintln!("/readyz answered 503 in {took:?} with the database gone");
    app.finish().await;
}

db_test!(
    async fn readyz_answers_503_within_a_second_when_no_connection_answers(app) {
        // Every connection of the node's reading pool is taken: a query waits.
        let mut held = Vec::new();
        let pool = match app.backend {
            common::Backend::Sqlite => app.settings.sqlite_readers.max(1),
            common::Backend::Postgres => app.settings.postgres_pool.max(2),
        };
        for _ in 0..pool {
            use sea_orm::TransactionTrait;
            held.push(app.db.read().begin().await.unwrap());
        }
        let asked = Instant::now();
        let ready = app.get("/readyz").await;
        let took = asked.elapsed();
        assert_eq!(ready.status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(
            took >= Duration::from_millis(900) && took < Duration::from_millis(1500),
            "/readyz took {took:?}"
        );
        let health = app.get("/healthz").await;
        assert_eq!(health.status, StatusCode::OK);
        drop(held);
        assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
    }
);

/// Four nodes start at once on one empty database, each loading the demo
/// network if no member exists yet: all start, and the demo is loaded once.
async fn four_nodes_start_together(database_url: DatabaseUrl, data: &std::path::Path) {
    let starts: Vec<_> = (0..4)
        .map(|i| {
            let settings = Settings {
                data_dir: data.join(format!("node{i}")),
                database_url: Some(database_url.clone()),
                ..Settings::default()
            };
            tokio::spawn(async move {
                let db = majlis::app::prepare(&settings).await?;
                let loaded = majlis::cli::load_demo(&settings, &db, true).await?;
                anyhow::Ok((db, loaded))
            })
        })
        .collect();
    let mut loads = 0;
    let mut dbs = Vec::new();
    for s in starts {
        let (db, loaded) = s
            .await
            .unwrap()
            .unwrap_or_else(|e| panic!("a node failed: {e:#}"));
        if let Some(r) = loaded {
            assert!(r.created > 100, "{r:?}");
            loads += 1;
        }
        dbs.push(db);
    }
    assert_eq!(loads, 1, "the demo is loaded by exactly one node");
    let db = &dbs[0];
    let organisations = majlis::directory::entities::organisation::Entity::find()
        .count(db.read())
        .await
        .unwrap();
    // Loading again finds every item present once: nothing created or changed.
    let again = majlis::demo::load(db, chrono::Utc::now()).await.unwrap();
    assert_eq!((again.created, again.updated), (0, 0), "{again:?}");
    assert_eq!(
        majlis::directory::entities::organisation::Entity::find()
            .count(db.read())
            .await
            .unwrap(),
        organisations
    );
    for db in dbs {
        db.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nodes_started_together_on_one_sqlite_file() {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl(format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("shared.db").display()
    ));
    four_nodes_start_together(url, dir.path()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nodes_started_together_on_one_postgres_database() {
    let admin_url = common::postgres_admin_url();
    let admin = Database::connect(&admin_url).await.unwrap();
    let name = format!("majlis_test_{:016x}", rand::random::<u64>());
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .unwrap();
    let mut url = url::Url::parse(&admin_url).unwrap();
    url.set_path(&format!("/{name}"));
    let dir = tempfile::tempdir().unwrap();
    four_nodes_start_together(DatabaseUrl(url.to_string()), dir.path()).await;
    admin
        .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .await
        .unwrap();
    let _ = admin.close().await;
}
