//! Cohesion benchmark (issue 19): scoring a wave of 100,000 resident
//! answers and rendering the dashboard, on SQLite and PostgreSQL (goal:
//! under 0.5 s).
//!
//! ```text
//! cargo run --release -p majlis --example cohesion_bench -- [--responses 100000] [--runs 5] [--requests 20] [--db both]
//! ```
//!
//! On a fresh database with the demo network (its framework and its
//! eighteen waves, so the dashboard has peers), Şanlıurfa gets a fourth
//! wave: a survey with the framework's questionnaire and RESPONSES
//! submitted synthetic responses (the demo's generator: a stratum and 19
//! items each, with "don't know" and skipped items), inserted in bulk,
//! and stratum weights. Then:
//! - `score`: `cohesion::rules::rescore` (read the submitted answers as a
//!   stream, score every respondent, store the scores with an outbox row,
//!   one transaction), RUNS times;
//! - `page` and `json`: the dashboard and its JSON through the router
//!   in-process, as the municipality's focal point (signed in, so no page
//!   cache), REQUESTS times each;
//!
//! and prints median, p95 and slowest of each, and score + page.
//! SQLite lives in a temporary folder; PostgreSQL gets a database of its
//! own on `MAJLIS_BENCH_POSTGRES_URL` (else `MAJLIS_TEST_POSTGRES_URL`,
//! else `postgres://postgres@127.0.0.1:5432/postgres`), dropped at the end.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{NaiveDate, Utc};
use clap::{Parser, ValueEnum};
use majlis::accounts::{affiliation, session, signin};
use majlis::cohesion::entities::{framework, wave};
use majlis::cohesion::rules::{self, FrameworkView};
use majlis::config::{DatabaseUrl, Settings};
use majlis::demo::cohesion::{Rng, framework_v1, resident_response, synthetic_answers};
use majlis::directory::entities::municipality;
use majlis::i18n::{Locale, TrText};
use majlis::surveys::entities::{form, response, survey};
use majlis::surveys::{ResultsAudience, SurveyStatus};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, Database, EntityTrait, QueryFilter};
use tower::ServiceExt;

/// The allocator the `majlis` binary uses (src/main.rs), so that what is
/// measured here allocates as `majlis serve` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Cohesion benchmark: scoring a large wave and rendering the dashboard")]
struct Cli {
    #[arg(long, default_value_t = 100_000)]
    responses: usize,
    #[arg(long, default_value_t = 5)]
    runs: usize,
    #[arg(long, default_value_t = 20)]
    requests: usize,
    #[arg(long, value_enum, default_value_t = Which::Both)]
    db: Which,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    Sqlite,
    Postgres,
    Both,
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        println!(
            "## Cohesion: scoring a wave of {} resident answers and rendering the dashboard",
            cli.responses
        );
        println!();
        println!("| database | step | median ms | p95 ms | max ms | queries |");
        println!("|---|---|---:|---:|---:|---:|");
        let backends: &[bool] = match cli.db {
            Which::Sqlite => &[false],
            Which::Postgres => &[true],
            Which::Both => &[false, true],
        };
        for &pg in backends {
            run(pg, &cli).await?;
        }
        anyhow::Ok(())
    })
}

fn postgres_admin_url() -> String {
    std::env::var("MAJLIS_BENCH_POSTGRES_URL")
        .or_else(|_| std::env::var("MAJLIS_TEST_POSTGRES_URL"))
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

async fn run(pg: bool, cli: &Cli) -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let mut dropped = None;
    let url = if pg {
        let admin = postgres_admin_url();
        let conn = Database::connect(&admin)
            .await
            .with_context(|| format!("PostgreSQL at {admin}"))?;
        let name = format!("majlis_cohesion_bench_{:016x}", rand::random::<u64>());
        conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
            .await?;
        let _ = conn.close().await;
        let mut url = url::Url::parse(&admin)?;
        url.set_path(&format!("/{name}"));
        dropped = Some((admin, name));
        url.to_string()
    } else {
        format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("majlis.db").display()
        )
    };
    let settings = Settings {
        data_dir: dir.path().to_owned(),
        database_url: Some(DatabaseUrl(url)),
        public_url: Some("http://majlis.test".into()),
        expose_query_count: true,
        ..Settings::default()
    };
    let db = majlis::app::prepare(&settings).await?;
    let settings = Arc::new(settings);
    majlis::demo::load(&db, Utc::now()).await?;
    let now = Utc::now();

    // The fourth wave's survey and its answers.
    let town = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq("sanliurfa"))
        .one(db.read())
        .await?
        .ok_or_else(|| anyhow!("no demo municipality sanliurfa"))?;
    let file = framework_v1().map_err(|e| anyhow!("{e}"))?;
    let fw = framework::Entity::find()
        .filter(framework::Column::Slug.eq(&file.slug))
        .one(db.read())
        .await?
        .ok_or_else(|| anyhow!("no framework"))?;
    let fw = FrameworkView::of(fw).map_err(|e| anyhow!("{e}"))?;
    let person = majlis::accounts::people::create(
        &db,
        &majlis::accounts::Email::parse("focal@bench.example").map_err(|e| anyhow!("{e:?}"))?,
        "Focal point",
        majlis::policy::Role::Member,
        Locale::En,
        &majlis::accounts::Password::parse("a bench passphrase nobody uses".into())
            .map_err(|e| anyhow!("{e:?}"))?,
        now,
    )
    .await?;
    let tx = db.begin_write().await?;
    let s = survey::ActiveModel {
        slug: Set("cohesion-bench".into()),
        title: Set(TrText::new(Locale::En, "Benchmark wave")?),
        description: Set(None),
        status: Set(SurveyStatus::Closed.code().into()),
        results_audience: Set(ResultsAudience::Staff.code().into()),
        opens_at: Set(None),
        closes_at: Set(None),
        event_id: Set(None),
        synthetic: Set(true),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let f = form::ActiveModel {
        survey_id: Set(s.id),
        number: Set(1),
        source_kind: Set("markdown".into()),
        source: Set(file.questionnaire().into_bytes()),
        questions: Set(20),
        created_by: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let groups = majlis::surveys::rules::answering::groups_of(&town);
    let mut rng = Rng::new(42);
    let mut batch = Vec::with_capacity(1000);
    for i in 0..cli.responses {
        let a = synthetic_answers(&fw.definition, &mut rng, 0.6, 0.25);
        batch.push(resident_response((s.id, f.id), &a, &groups, now));
        if batch.len() == 1000 || i + 1 == cli.responses {
            response::Entity::insert_many(std::mem::take(&mut batch))
                .exec_without_returning(&tx)
                .await?;
        }
    }
    let w = wave::ActiveModel {
        municipality_id: Set(town.id),
        framework_id: Set(fw.id),
        survey_id: Set(Some(s.id)),
        number: Set(4),
        label: Set("bench".into()),
        fielded_on: Set(NaiveDate::from_ymd_opt(2026, 11, 30).ok_or_else(|| anyhow!("date"))?),
        n: Set(0),
        weights: Set(Some(serde_json::json!({"host": 0.75, "refugee": 0.25}))),
        scores: Set(None),
        synthetic: Set(true),
        scored_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    // A focal point of the municipality, signed in.
    affiliation::ActiveModel {
        person_id: Set(person.id),
        municipality_id: Set(Some(town.id)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(true),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let token = majlis::token::random_token();
    session::ActiveModel {
        token_hash: Set(signin::hash_token(&token)),
        person_id: Set(person.id),
        csrf_token: Set(majlis::token::random_token()),
        created_at: Set(now),
        last_seen_at: Set(now),
        ip: Set("127.0.0.1".into()),
        user_agent: Set("cohesion_bench".into()),
        second_factor_pending: Set(false),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    tx.commit().await?;
    let cookie = format!("{}={token}", settings.session_cookie());
    let state = majlis::app::AppState::new(db.clone(), settings.clone()).await?;
    let router = majlis::app::router(state);
    let name = if pg { "PostgreSQL" } else { "SQLite" };

    let mut score_runs = Vec::new();
    let mut n = 0;
    for _ in 0..cli.runs.max(1) {
        let t = Instant::now();
        let scores = rules::rescore(&db, w.id, Utc::now())
            .await
            .map_err(|e| anyhow!("{e}"))?;
        score_runs.push(t.elapsed());
        n = scores.n + scores.left_out;
    }
    if n != cli.responses as u64 {
        return Err(anyhow!("scored {n} of {} responses", cli.responses));
    }
    row(
        name,
        &format!("score {} answers (read, score, store)", cli.responses),
        &mut score_runs,
        None,
    );
    let mut page = Vec::new();
    for (label, path) in [
        ("dashboard page", "/municipalities/sanliurfa/cohesion"),
        (
            "dashboard JSON",
            "/api/v1/municipalities/sanliurfa/cohesion",
        ),
    ] {
        let mut runs = Vec::new();
        let mut queries = None;
        for _ in 0..cli.requests.max(1) {
            let req = Request::get(path)
                .header("cookie", &cookie)
                .body(Body::empty())?;
            let t = Instant::now();
            let res = router.clone().oneshot(req).await?;
            let status = res.status();
            queries = res
                .headers()
                .get("x-majlis-db-queries")
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned);
            let _ = axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            runs.push(t.elapsed());
            if status != StatusCode::OK {
                return Err(anyhow!("{path}: {status}"));
            }
        }
        if page.is_empty() {
            page = runs.clone();
        }
        row(name, label, &mut runs, queries);
    }
    let mut both: Vec<Duration> = vec![median(&mut score_runs) + median(&mut page)];
    row(name, "score + page (medians)", &mut both, None);

    db.clone().close().await;
    if let Some((admin, name)) = dropped
        && let Ok(conn) = Database::connect(&admin).await
    {
        let _ = conn
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .await;
        let _ = conn.close().await;
    }
    drop(dir);
    Ok(())
}

fn median(runs: &mut [Duration]) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn row(db: &str, step: &str, runs: &mut [Duration], queries: Option<String>) {
    runs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let n = runs.len();
    let p95 = ((n as f64 * 0.95).ceil() as usize).clamp(1, n) - 1;
    println!(
        "| {db} | {step} | {:.1} | {:.1} | {:.1} | {} |",
        ms(runs[n / 2]),
        ms(runs[p95]),
        ms(runs[n - 1]),
        queries.unwrap_or_else(|| "–".into())
    );
}
