//! Survey benchmarks (issue 17), against the real rules and router.
//!
//! ```text
//! cargo run --release -p majlis --example survey_bench -- results [--responses 100000] [--requests 30] [--db both]
//! cargo run --release -p majlis --example survey_bench -- submit  [--respondents 200] [--seconds 10] [--db sqlite] [--mode both]
//! ```
//!
//! `results`: a survey of a generated 40-question XLSForm (four pages of ten:
//! `select_one`, `select_multiple`, `integer` and `text`, with `required`,
//! `relevant` and constraints), stored as `.xlsx` the way an upload stores
//! it, and RESPONSES submitted responses (from targeted municipalities and a
//! few others), inserted in bulk with their tallies (counted with the real
//! `tally::contributions`, summed and inserted as the rows `tally::apply`
//! keeps). Then the results page and the JSON, overall and `?by=country`,
//! are requested REQUESTS times each through the router in-process (tower
//! `oneshot`), and the rule alone (`rules::results::results`) as many times:
//! median, p95 and slowest.
//!
//! `submit`: RESPONDENTS concurrent respondents answer the same form over
//! HTTP against the app served on a loopback port (the server `majlis serve`
//! runs), one municipality after another, for SECONDS; each municipality has
//! its own focal point, with a signed-in session and a personal API token.
//! Two modes, each on a fresh database (`--mode web|api|both`):
//! - `web`: the pages, without JavaScript: every page posted
//!   (`POST …/respond/{municipality}?page=N`, checked by the server), then
//!   `POST …/submit`; acknowledged by a 303 to `?saved=submitted`;
//! - `api`: the whole filled form at once, as survey tools send it
//!   (`POST /api/v1/surveys/{slug}/responses/{municipality}`, Bearer token,
//!   JSON answers, `"submit": true`); acknowledged by a 201 with the id.
//!
//! Prints submissions and HTTP requests per second and the latency of a
//! whole response for each mode, then checks that every acknowledged
//! submission is stored with the answers sent and that the tallies are
//! exactly what the stored responses count (recounted with
//! `tally::contributions`).
//!
//! Both create their database: SQLite in a temporary folder, PostgreSQL a
//! database of its own on `MAJLIS_BENCH_POSTGRES_URL` (else
//! `MAJLIS_TEST_POSTGRES_URL`, else `postgres://postgres@127.0.0.1:5432/postgres`),
//! dropped at the end.

use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow, bail};
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use majlis::accounts::{affiliation, api_token, person, session, signin};
use majlis::config::{DatabaseUrl, Settings};
use majlis::db::Db;
use majlis::directory::entities::municipality;
use majlis::i18n::{Locale, TrText};
use majlis::surveys::entities::{form, response, survey, tally, target};
use majlis::surveys::rules::answering::groups_of;
use majlis::surveys::rules::results::{self, Limits};
use majlis::surveys::rules::tally::{Groups, contributions};
use majlis::surveys::{Grouping, ResultsAudience, SurveyStatus};
use majlis_xlsform::{Answers, Form, Workbook};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, Database, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use tower::ServiceExt;

/// The allocator the `majlis` binary uses (src/main.rs), so that the server
/// measured here allocates as `majlis serve` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(about = "Survey benchmarks: results of a large campaign, concurrent submissions")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Which {
    Sqlite,
    Postgres,
    Both,
}

impl Which {
    fn backends(self) -> Vec<Backend> {
        match self {
            Which::Sqlite => vec![Backend::Sqlite],
            Which::Postgres => vec![Backend::Postgres],
            Which::Both => vec![Backend::Sqlite, Backend::Postgres],
        }
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Results page and JSON of a campaign of many responses.
    Results {
        #[arg(long, default_value_t = 100_000)]
        responses: usize,
        /// Requests timed per page.
        #[arg(long, default_value_t = 30)]
        requests: usize,
        #[arg(long, value_enum, default_value_t = Which::Both)]
        db: Which,
    },
    /// Submissions per second with many respondents at once, over HTTP.
    Submit {
        #[arg(long, default_value_t = 200)]
        respondents: usize,
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        #[arg(long, value_enum, default_value_t = Which::Sqlite)]
        db: Which,
        /// The web flow (pages and submit), the one-request API, or both.
        #[arg(long, value_enum, default_value_t = Mode::Both)]
        mode: Mode,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    // The load generator and the server run on runtimes of their own, with
    // named threads, so the CPU each takes is read apart (`CpuTimes`).
    let rt = tokio::runtime::Builder::new_multi_thread()
        .thread_name(CLIENT_THREADS)
        .enable_all()
        .build()?;
    let server_rt = tokio::runtime::Builder::new_multi_thread()
        .thread_name(SERVER_THREADS)
        .enable_all()
        .build()?;
    let server = server_rt.handle().clone();
    rt.block_on(async {
        match cli.cmd {
            Cmd::Results {
                responses,
                requests,
                db,
            } => {
                for b in db.backends() {
                    bench_results(b, responses, requests.max(1)).await?;
                }
            }
            Cmd::Submit {
                respondents,
                seconds,
                db,
                mode,
            } => {
                for b in db.backends() {
                    bench_submit(&server, b, respondents.max(1), seconds.max(1), mode).await?;
                }
            }
        }
        anyhow::Ok(())
    })
}

// ---------------------------------------------------------------- the app

/// The app on a fresh database of its own.
struct Bench {
    db: Db,
    settings: Arc<Settings>,
    router: Router,
    dir: tempfile::TempDir,
    postgres: Option<(String, String)>,
}

fn postgres_admin_url() -> String {
    std::env::var("MAJLIS_BENCH_POSTGRES_URL")
        .or_else(|_| std::env::var("MAJLIS_TEST_POSTGRES_URL"))
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

impl Bench {
    async fn start(backend: Backend) -> anyhow::Result<Bench> {
        let dir = tempfile::tempdir()?;
        let (url, postgres) = match backend {
            Backend::Sqlite => (
                format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("majlis.db").display()
                ),
                None,
            ),
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let conn = Database::connect(&admin)
                    .await
                    .with_context(|| format!("PostgreSQL at {admin}"))?;
                let name = format!("majlis_bench_{:016x}", rand::random::<u64>());
                conn.execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await?;
                let _ = conn.close().await;
                let mut url = url::Url::parse(&admin)?;
                url.set_path(&format!("/{name}"));
                (url.to_string(), Some((admin, name)))
            }
        };
        let settings = Settings {
            data_dir: dir.path().to_owned(),
            database_url: Some(DatabaseUrl(url)),
            public_url: Some("http://majlis.test".into()),
            expose_query_count: true,
            // Every respondent comes from 127.0.0.1.
            max_connections: 4096,
            max_connections_per_address: 0,
            ..Settings::default()
        };
        let db = majlis::app::prepare(&settings).await?;
        let settings = Arc::new(settings);
        let state = majlis::app::AppState::new(db.clone(), settings.clone()).await?;
        let router = majlis::app::router(state);
        Ok(Bench {
            db,
            settings,
            router,
            dir,
            postgres,
        })
    }

    async fn finish(self) {
        self.db.clone().close().await;
        if let Some((admin, name)) = self.postgres
            && let Ok(conn) = Database::connect(&admin).await
        {
            let _ = conn
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await;
            let _ = conn.close().await;
        }
        drop(self.dir);
    }
}

// ---------------------------------------------------------------- data

/// splitmix64: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const PAGES: usize = 4;
const PER_PAGE: usize = 10;
const FIVE: [&str; 5] = ["a", "b", "c", "d", "e"];
const NEEDS: [&str; 8] = [
    "finance", "training", "staff", "housing", "health", "schools", "water", "jobs",
];
const COUNTRIES: [&str; 6] = ["TR", "JO", "LB", "DE", "IQ", "GR"];

/// What question `k` of a page (0..10) is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Slot {
    /// `select_one five` (the first one required).
    One,
    /// `select_one yn`, required; the next text is relevant on "yes".
    YesNo,
    /// `text`, relevant when the previous question is "yes".
    WhyText,
    /// `select_multiple needs`, at most four.
    Many,
    /// `integer` 0..=100, required.
    Count,
    /// `text`, optional.
    Text,
}

const SLOTS: [Slot; PER_PAGE] = [
    Slot::One,
    Slot::YesNo,
    Slot::WhyText,
    Slot::Many,
    Slot::Count,
    Slot::One,
    Slot::Many,
    Slot::Count,
    Slot::One,
    Slot::Text,
];

fn question_name(page: usize, k: usize) -> String {
    format!("q{:02}", page * PER_PAGE + k + 1)
}

/// The benchmark form: 40 questions on four pages, English and Arabic.
fn form_markdown() -> String {
    let mut md = String::from(
        "| survey |\n| | type | name | label::English (en) | label::Arabic (ar) | required | relevant | constraint | constraint_message::English (en) | constraint_message::Arabic (ar) | appearance |\n",
    );
    for page in 0..PAGES {
        let p = page + 1;
        md +=
            &format!("| | begin_group | part{p} | Part {p} | الجزء {p} | | | | | | field-list |\n");
        for (k, slot) in SLOTS.iter().enumerate() {
            let name = question_name(page, k);
            let n = page * PER_PAGE + k + 1;
            let line = match slot {
                Slot::One => format!(
                    "| | select_one five | {name} | Rating {n} | التقييم {n} | {} | | | | | |\n",
                    if k == 0 { "yes" } else { "" }
                ),
                Slot::YesNo => format!(
                    "| | select_one yn | {name} | Did it change ({n})? | هل تغير ({n})؟ | yes | | | | | |\n"
                ),
                Slot::WhyText => format!(
                    "| | text | {name} | Why ({n})? | لماذا ({n})؟ | | ${{{}}} = 'yes' | string-length(.) <= 500 | At most 500 characters. | 500 حرف على الأكثر. | |\n",
                    question_name(page, k - 1)
                ),
                Slot::Many => format!(
                    "| | select_multiple needs | {name} | Support needed ({n}) | الدعم المطلوب ({n}) | | | count-selected(.) <= 4 | At most four. | أربعة على الأكثر. | |\n"
                ),
                Slot::Count => format!(
                    "| | integer | {name} | How many ({n})? | كم ({n})؟ | yes | | . >= 0 and . <= 100 | Between 0 and 100. | بين 0 و100. | |\n"
                ),
                Slot::Text => {
                    format!("| | text | {name} | Comment ({n}) | تعليق ({n}) | | | | | | |\n")
                }
            };
            md += &line;
        }
        md += "| | end_group | | | | | | | | | |\n";
    }
    md += "| choices |\n| | list_name | name | label::English (en) | label::Arabic (ar) |\n";
    for (i, c) in FIVE.iter().enumerate() {
        md += &format!("| | five | {c} | Level {} | المستوى {} |\n", i + 1, i + 1);
    }
    md += "| | yn | yes | Yes | نعم |\n| | yn | no | No | لا |\n";
    for c in NEEDS {
        md += &format!("| | needs | {c} | {c} | {c} |\n");
    }
    md += "| settings |\n| | form_id | form_title | version | default_language |\n| | bench_survey | Benchmark survey | 1 | English (en) |\n";
    md
}

/// A respondent's answers, valid for the form (every value as a
/// submission stores it; a `select_multiple` as space-separated names).
fn answers_for(rng: &mut Rng, respondent: u64) -> Answers {
    let mut a = Answers::new();
    for page in 0..PAGES {
        let mut changed = false;
        for (k, slot) in SLOTS.iter().enumerate() {
            let name = question_name(page, k);
            let value = match slot {
                Slot::One => {
                    // Skewed towards the middle levels; optional ones skipped now and then.
                    if k != 0 && rng.chance(8) {
                        continue;
                    }
                    let r = rng.below(100);
                    let i = match r {
                        0..10 => 0,
                        10..35 => 1,
                        35..70 => 2,
                        70..90 => 3,
                        _ => 4,
                    };
                    FIVE[i].to_owned()
                }
                Slot::YesNo => {
                    changed = rng.chance(70);
                    if changed { "yes" } else { "no" }.to_owned()
                }
                Slot::WhyText => {
                    if !changed || rng.chance(40) {
                        continue;
                    }
                    format!(
                        "Reason given by respondent {respondent} on page {}",
                        page + 1
                    )
                }
                Slot::Many => {
                    if rng.chance(10) {
                        continue;
                    }
                    let mut picked: Vec<&str> = Vec::new();
                    let n = 1 + rng.below(4);
                    while (picked.len() as u64) < n {
                        let c = NEEDS[rng.below(NEEDS.len() as u64) as usize];
                        if !picked.contains(&c) {
                            picked.push(c);
                        }
                    }
                    picked.join(" ")
                }
                Slot::Count => rng.below(101).to_string(),
                Slot::Text => {
                    if rng.chance(50) {
                        continue;
                    }
                    format!("Comment {respondent}")
                }
            };
            a.insert(name, value);
        }
    }
    a
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

/// `count` municipalities named `bench-1`…, spread over six countries and
/// every population and refugee band; returns them in id order.
async fn make_municipalities(
    db: &Db,
    count: usize,
    rng: &mut Rng,
) -> anyhow::Result<Vec<municipality::Model>> {
    let t = now();
    let name = TrText::new(Locale::En, "Bench").map_err(|e| anyhow!("{e:?}"))?;
    let mut rows = Vec::with_capacity(count);
    for i in 1..=count {
        let population: i64 = match rng.below(4) {
            0 => 10_000 + rng.below(40_000) as i64,
            1 => 50_000 + rng.below(200_000) as i64,
            2 => 250_000 + rng.below(750_000) as i64,
            _ => 1_000_000 + rng.below(4_000_000) as i64,
        };
        let share = [2, 10, 20, 40][rng.below(4) as usize];
        rows.push(municipality::ActiveModel {
            slug: Set(format!("bench-{i}")),
            kind: Set("municipality".to_owned()),
            name: Set(name.clone()),
            country_code: Set(COUNTRIES[rng.below(COUNTRIES.len() as u64) as usize].to_owned()),
            region: Set(None),
            population: Set(Some(population)),
            population_year: Set(Some(2016)),
            refugees_hosted: Set(Some(population * share / 100)),
            refugees_year: Set(Some(2016)),
            member_since: Set(None),
            profile: Set(None),
            created_at: Set(t),
            updated_at: Set(t),
            ..Default::default()
        });
    }
    let tx = db.begin_write().await?;
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows.by_ref().take(1000).collect();
        municipality::Entity::insert_many(chunk)
            .exec_without_returning(&tx)
            .await?;
    }
    tx.commit().await?;
    Ok(municipality::Entity::find()
        .filter(municipality::Column::Slug.starts_with("bench-"))
        .order_by_asc(municipality::Column::Id)
        .all(db.read())
        .await?)
}

/// An open survey of the benchmark form (stored as xlsx), results public,
/// targeting `targets`. Returns (survey id, form id, the parsed form).
async fn make_survey(db: &Db, targets: &[i32]) -> anyhow::Result<(i32, i32, Form)> {
    let md = form_markdown();
    let xlsx = Workbook::from_markdown(&md)
        .to_xlsx()
        .map_err(|e| anyhow!("writing the form: {e}"))?;
    let parsed = majlis::surveys::rules::parse_source("xlsx", &xlsx)
        .map_err(|e| anyhow!("the benchmark form is refused: {}", e.join("; ")))?;
    let t = now();
    let tx = db.begin_write().await?;
    let row = survey::ActiveModel {
        slug: Set("bench-survey".to_owned()),
        title: Set(TrText::new(Locale::En, "Benchmark survey").map_err(|e| anyhow!("{e:?}"))?),
        description: Set(None),
        status: Set(SurveyStatus::Open.code().to_owned()),
        results_audience: Set(ResultsAudience::Public.code().to_owned()),
        opens_at: Set(Some(t - chrono::Duration::days(1))),
        closes_at: Set(Some(t + chrono::Duration::days(30))),
        event_id: Set(None),
        synthetic: Set(true),
        created_by: Set(None),
        created_at: Set(t),
        updated_at: Set(t),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    let version = form::ActiveModel {
        survey_id: Set(row.id),
        number: Set(1),
        source_kind: Set("xlsx".to_owned()),
        source: Set(xlsx),
        questions: Set(majlis::surveys::rules::input_count(&parsed) as i32),
        created_by: Set(None),
        created_at: Set(t),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    for chunk in targets.chunks(1000) {
        target::Entity::insert_many(chunk.iter().map(|&m| target::ActiveModel {
            survey_id: Set(row.id),
            municipality_id: Set(m),
            reminded_at: Set(None),
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    tx.commit().await?;
    Ok((row.id, version.id, parsed))
}

fn to_json(a: &Answers) -> serde_json::Value {
    serde_json::Value::Object(
        a.iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect(),
    )
}

type TallyKey = (String, String, String, String, String);

fn tally_key(q: &str, v: &str, g: &Groups) -> TallyKey {
    (
        q.to_owned(),
        v.to_owned(),
        g.country.clone(),
        g.population.clone(),
        g.refugees.clone(),
    )
}

// ---------------------------------------------------------------- timing

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// (median, p95, slowest) in milliseconds.
fn summary(mut runs: Vec<Duration>) -> (f64, f64, f64) {
    runs.sort();
    let n = runs.len();
    let p95 = ((n as f64 * 0.95).ceil() as usize).clamp(1, n) - 1;
    (ms(runs[n / 2]), ms(runs[p95]), ms(runs[n - 1]))
}

// ---------------------------------------------------------------- results

async fn bench_results(backend: Backend, responses: usize, requests: usize) -> anyhow::Result<()> {
    println!(
        "\n## Results of {responses} responses × 40 questions on {}",
        backend.name()
    );
    let b = Bench::start(backend).await?;
    let started = Instant::now();
    let mut rng = Rng(17);
    // Targeted: the first `responses` municipalities; 5% of the responses
    // come from municipalities that are not targeted (so 95% respond).
    let others = responses / 20;
    let towns = make_municipalities(&b.db, responses + others, &mut rng).await?;
    let targeted: Vec<i32> = towns.iter().take(responses).map(|m| m.id).collect();
    let (survey_id, form_id, parsed) = make_survey(&b.db, &targeted).await?;
    let made_towns = started.elapsed();

    let t = now();
    let mut tallies: HashMap<TallyKey, i64> = HashMap::new();
    let mut checked = 0;
    let mut batch = Vec::with_capacity(1000);
    let mut tx = b.db.begin_write().await?;
    for (i, m) in towns.iter().skip(others).enumerate() {
        let answers = answers_for(&mut rng, i as u64);
        if checked < 200 {
            // The generated answers are what a submission would keep.
            let eval = parsed.evaluate(
                &answers,
                &majlis_xlsform::Context {
                    language: None,
                    today: t.date_naive(),
                },
            );
            if !eval.constraint_errors.is_empty() || !eval.required_missing.is_empty() {
                bail!(
                    "generated answers refused: {:?} {:?}",
                    eval.constraint_errors,
                    eval.required_missing
                );
            }
            let kept = majlis::surveys::rules::answering::kept(&parsed, &eval);
            if kept != answers {
                bail!("generated answers are not what a submission keeps");
            }
            checked += 1;
        }
        let groups = groups_of(m);
        for (q, v) in contributions(&parsed, &answers) {
            *tallies.entry(tally_key(&q, &v, &groups)).or_default() += 1;
        }
        batch.push(response::ActiveModel {
            survey_id: Set(survey_id),
            form_id: Set(form_id),
            municipality_id: Set(Some(m.id)),
            link_id: Set(None),
            answers: Set(Some(to_json(&answers))),
            draft: Set(None),
            person_id: Set(None),
            country_code: Set(groups.country),
            population_band: Set(groups.population),
            refugee_band: Set(groups.refugees),
            created_at: Set(t),
            updated_at: Set(t),
            submitted_at: Set(Some(t)),
            ..Default::default()
        });
        if batch.len() == 1000 {
            response::Entity::insert_many(std::mem::take(&mut batch))
                .exec_without_returning(&tx)
                .await?;
            if (i + 1) % 20_000 == 0 {
                tx.commit().await?;
                tx = b.db.begin_write().await?;
            }
        }
    }
    if !batch.is_empty() {
        response::Entity::insert_many(batch)
            .exec_without_returning(&tx)
            .await?;
    }
    let tally_rows = tallies.len();
    let mut rows = tallies.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<_> = rows
            .by_ref()
            .take(1000)
            .map(|((q, v, c, p, r), n)| tally::ActiveModel {
                survey_id: Set(survey_id),
                question: Set(q),
                value: Set(v),
                country_code: Set(c),
                population_band: Set(p),
                refugee_band: Set(r),
                count: Set(n),
            })
            .collect();
        tally::Entity::insert_many(chunk)
            .exec_without_returning(&tx)
            .await?;
    }
    tx.commit().await?;
    if backend == Backend::Postgres {
        b.db.read().execute_unprepared("ANALYZE").await?;
    }
    println!(
        "data: {} municipalities, {} targeted, {responses} responses, {tally_rows} tally rows; built in {:.1} s (municipalities and survey {:.1} s)",
        towns.len(),
        targeted.len(),
        started.elapsed().as_secs_f64(),
        made_towns.as_secs_f64()
    );

    let pages = [
        (
            "HTML  /surveys/bench-survey/results",
            "/surveys/bench-survey/results",
        ),
        (
            "HTML  /surveys/bench-survey/results?by=country",
            "/surveys/bench-survey/results?by=country",
        ),
        (
            "JSON  /api/v1/surveys/bench-survey/results",
            "/api/v1/surveys/bench-survey/results",
        ),
        (
            "JSON  /api/v1/surveys/bench-survey/results?by=country",
            "/api/v1/surveys/bench-survey/results?by=country",
        ),
    ];
    println!(
        "\n| {:<52} | {:>9} | {:>9} | {:>9} | {:>8} | {:>7} |",
        "request", "median ms", "p95 ms", "max ms", "KB", "queries"
    );
    println!(
        "|{:-<54}|{:->11}|{:->11}|{:->11}|{:->10}|{:->9}|",
        "", "", "", "", "", ""
    );
    for (label, uri) in pages {
        let mut runs = Vec::with_capacity(requests);
        let mut size = 0;
        let mut queries = String::new();
        for i in 0..=requests {
            let t0 = Instant::now();
            let res = b
                .router
                .clone()
                .oneshot(Request::get(uri).body(Body::empty())?)
                .await?;
            let status = res.status();
            queries = res
                .headers()
                .get("x-majlis-db-queries")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("-")
                .to_owned();
            let body = axum::body::to_bytes(res.into_body(), usize::MAX).await?;
            let took = t0.elapsed();
            if status != StatusCode::OK {
                bail!("{uri}: {status}: {}", String::from_utf8_lossy(&body));
            }
            if i == 0 {
                // The first request warms caches up; checked, not timed.
                if uri.starts_with("/api/") {
                    let v: serde_json::Value = serde_json::from_slice(&body)?;
                    let got = v["responses"].as_u64().unwrap_or(0);
                    if got != responses as u64
                        || v["questions"].as_array().map(Vec::len) != Some(40)
                    {
                        bail!("{uri}: {got} responses, expected {responses}");
                    }
                } else if !String::from_utf8_lossy(&body).contains("Comment (40)") {
                    bail!("{uri}: the page lacks the last question");
                }
                continue;
            }
            size = body.len();
            runs.push(took);
        }
        let (med, p95, max) = summary(runs);
        println!(
            "| {label:<52} | {med:>9.1} | {p95:>9.1} | {max:>9.1} | {:>8.0} | {queries:>7} |",
            size as f64 / 1024.0
        );
    }
    // The rule alone, without the page around it.
    for (label, g) in [
        ("rule  results::results", None),
        (
            "rule  results::results, by country",
            Some(Grouping::Country),
        ),
    ] {
        let mut runs = Vec::with_capacity(requests);
        for _ in 0..requests {
            let t0 = Instant::now();
            let r = results::results(
                b.db.read(),
                None,
                "bench-survey",
                g,
                |_| None,
                Limits {
                    min_cell: 5,
                    small_group: 10,
                },
            )
            .await
            .map_err(|e| anyhow!("results: {e:?}"))?;
            runs.push(t0.elapsed());
            if r.responses != responses as u64 {
                bail!("results: {} responses", r.responses);
            }
        }
        let (med, p95, max) = summary(runs);
        println!(
            "| {label:<52} | {med:>9.1} | {p95:>9.1} | {max:>9.1} | {:>8} | {:>7} |",
            "", ""
        );
    }
    println!(
        "({requests} timed requests each after one untimed, in-process through the router; goal: under 500 ms)"
    );
    b.finish().await;
    Ok(())
}

// ---------------------------------------------------------------- submissions

/// One of the concurrent respondents: the focal points it plays one after
/// another, each signed in (and holding an API token) for the one
/// municipality it answers for, as a focal point is in the network.
struct Respondent {
    towns: Vec<FocalPoint>,
}

struct FocalPoint {
    cookie: String,
    csrf: String,
    /// `Authorization` header value: `Bearer majlis_…`.
    bearer: String,
    town: municipality::Model,
}

/// What an acknowledged submission sent.
struct Acked {
    municipality: i32,
    answers: Answers,
}

/// How the respondents send their answers.
#[derive(Clone, Copy, PartialEq, Eq, Debug, ValueEnum)]
enum Mode {
    /// The web flow: every page posted, then the submission (5 requests).
    Web,
    /// The one-request API, as survey tools send a filled form.
    Api,
    Both,
}

impl Mode {
    fn runs(self) -> Vec<Mode> {
        match self {
            Mode::Both => vec![Mode::Web, Mode::Api],
            m => vec![m],
        }
    }
    fn label(self) -> &'static str {
        match self {
            Mode::Web => "web flow (4 pages + submit)",
            Mode::Api => "one-request API",
            Mode::Both => "both",
        }
    }
}

/// The form fields of page `page` for `answers` (`q.<name>`, a
/// `select_multiple` as one field per choice).
fn page_body(csrf: &str, page: usize, answers: &Answers) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    s.append_pair("csrf", csrf);
    s.append_pair("go", "next");
    for (k, slot) in SLOTS.iter().enumerate().take(PER_PAGE) {
        let name = question_name(page, k);
        if let Some(v) = answers.get(&name) {
            let field = format!("q.{name}");
            if *slot == Slot::Many {
                for c in v.split_whitespace() {
                    s.append_pair(&field, c);
                }
            } else {
                s.append_pair(&field, v);
            }
        }
    }
    s.finish()
}

/// Database statements the server counted for the requests sent (its
/// `x-majlis-db-queries` header), since the run started.
static QUERIES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

type Client =
    hyper_util::client::legacy::Client<hyper_util::client::legacy::connect::HttpConnector, Body>;

/// Send a request; returns the status, the `Location` header and the body.
async fn send(
    client: &Client,
    req: Request<Body>,
) -> anyhow::Result<(StatusCode, String, Vec<u8>)> {
    let res = client.request(req).await?;
    let status = res.status();
    let queries = res
        .headers()
        .get("x-majlis-db-queries")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    QUERIES.fetch_add(queries, std::sync::atomic::Ordering::Relaxed);
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    // Read the body so that the connection is reused.
    let body = axum::body::to_bytes(Body::new(res.into_body()), 16 * 1024 * 1024).await?;
    Ok((status, location, body.to_vec()))
}

/// POST a form with a session cookie.
async fn post(
    client: &Client,
    url: String,
    cookie: &str,
    body: String,
) -> anyhow::Result<(StatusCode, String)> {
    let req = Request::post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .body(Body::from(body))?;
    let (status, location, _) = send(client, req).await?;
    Ok((status, location))
}

#[derive(Default)]
struct Tallies {
    acked: Vec<Acked>,
    /// Latency of a whole response (every request it took).
    response_times: Vec<Duration>,
    refused: BTreeMap<String, u64>,
    requests: u64,
}

/// One mode's figures.
struct Run {
    mode: Mode,
    acked: usize,
    seconds: f64,
    requests: u64,
    /// Whole response: median, p95, max (ms).
    latency: Option<(f64, f64, f64)>,
    refused: BTreeMap<String, u64>,
    exhausted: usize,
    lost: usize,
    differing: usize,
    /// CPU spent during the timed part.
    cpu: CpuTimes,
    /// The machine's one-minute load average before and after.
    load: (f64, f64),
    /// Statements the server counted for every request of the run.
    queries: u64,
    /// Group commits: transactions holding several writes, the writes in
    /// them, writes committed alone, grouped writes stored many at once.
    groups: (u64, u64, u64, u64),
}

async fn bench_submit(
    server: &tokio::runtime::Handle,
    backend: Backend,
    respondents: usize,
    seconds: u64,
    modes: Mode,
) -> anyhow::Result<()> {
    println!(
        "\n## Submissions with {respondents} concurrent respondents for {seconds} s on {}",
        backend.name()
    );
    let mut runs = Vec::new();
    for mode in modes.runs() {
        runs.push(submit_run(server, backend, respondents, seconds, mode).await?);
    }
    let width = 30;
    print!(
        "\n| {:<34} |",
        format!("{} ({respondents} at once)", backend.name())
    );
    for r in &runs {
        print!(" {:>width$} |", r.mode.label());
    }
    print!("\n|{:-<36}|", "");
    for _ in &runs {
        print!("{:->w$}|", "", w = width + 2);
    }
    println!();
    let row = |name: &str, cell: &dyn Fn(&Run) -> String| {
        print!("| {name:<34} |");
        for r in &runs {
            print!(" {:>width$} |", cell(r));
        }
        println!();
    };
    row("acknowledged submissions", &|r| r.acked.to_string());
    row("seconds", &|r| format!("{:.2}", r.seconds));
    row("submissions per second", &|r| {
        format!("{:.0}", r.acked as f64 / r.seconds)
    });
    row("HTTP requests per second", &|r| {
        format!("{:.0}", r.requests as f64 / r.seconds)
    });
    row("response median / p95 / max ms", &|r| match r.latency {
        Some((m, p, x)) => format!("{m:.0} / {p:.0} / {x:.0}"),
        None => "-".into(),
    });
    row("DB statements per submission", &|r| {
        format!("{:.1}", r.queries as f64 / r.acked.max(1) as f64)
    });
    row("writes grouped: transactions/writes", &|r| {
        format!("{} / {}", r.groups.0, r.groups.1)
    });
    row("writes committed alone", &|r| r.groups.2.to_string());
    row("grouped writes stored many at once", &|r| {
        r.groups.3.to_string()
    });
    row("server CPU ms per submission", &|r| {
        format!("{:.2}", r.cpu.server * 1000.0 / r.acked.max(1) as f64)
    });
    row("load generator CPU ms per subm.", &|r| {
        format!("{:.2}", r.cpu.client * 1000.0 / r.acked.max(1) as f64)
    });
    if backend == Backend::Postgres {
        row("postgres processes CPU ms / subm.", &|r| {
            format!("{:.2}", r.cpu.postgres * 1000.0 / r.acked.max(1) as f64)
        });
    }
    row("CPU s: server / client / other", &|r| {
        format!(
            "{:.1} / {:.1} / {:.1}",
            r.cpu.server, r.cpu.client, r.cpu.other
        )
    });
    row("load average before / after", &|r| {
        format!("{:.1} / {:.1}", r.load.0, r.load.1)
    });
    row("acknowledged but lost", &|r| r.lost.to_string());
    row("tally rows differing from recount", &|r| {
        r.differing.to_string()
    });
    let mut reasons: Vec<&String> = runs.iter().flat_map(|r| r.refused.keys()).collect();
    reasons.sort();
    reasons.dedup();
    for why in reasons {
        row(&format!("not acknowledged: {why}"), &|r| {
            r.refused.get(why).copied().unwrap_or(0).to_string()
        });
    }
    for r in &runs {
        if r.exhausted > 0 {
            println!(
                "({}: {} respondents ran out of municipalities before the end: the rate is a floor)",
                r.mode.label(),
                r.exhausted
            );
        }
    }
    println!(
        "(web flow: a response is {PAGES} page POSTs with a session cookie, then the submit POST; one-request API: one POST /api/v1/surveys/…/responses/… with a Bearer token and the 40 answers as JSON; 40 questions; each mode on a fresh database; server and load generator in one process, on runtimes of their own whose threads' CPU time is read apart)"
    );
    let lost: usize = runs.iter().map(|r| r.lost).sum();
    let differing: usize = runs.iter().map(|r| r.differing).sum();
    if lost > 0 {
        bail!("{lost} acknowledged submissions are not stored or counted as sent");
    }
    if differing > 0 {
        bail!("{differing} tally rows differ from the stored responses");
    }
    Ok(())
}

/// What a run needs once its database is ready: the app, the survey and
/// the respondents with their municipalities.
struct Prepared {
    b: Bench,
    survey_id: i32,
    parsed: Form,
    people: Vec<Respondent>,
    per: usize,
}

/// A fresh database with the survey, municipalities and their focal points.
async fn prepare_run(
    backend: Backend,
    respondents: usize,
    seconds: u64,
) -> anyhow::Result<Prepared> {
    let b = Bench::start(backend).await?;
    let mut rng = Rng(2017);
    // Enough municipalities for 2,000 submissions a second.
    let per = (seconds as usize * 10).max(20);
    let towns = make_municipalities(&b.db, respondents * per, &mut rng).await?;
    let ids: Vec<i32> = towns.iter().map(|m| m.id).collect();
    let (survey_id, _, parsed) = make_survey(&b.db, &ids).await?;

    // Focal points, one per municipality, with sessions and API tokens
    // made directly (as the tests do).
    let t = now();
    let tx = b.db.begin_write().await?;
    let mut all = towns.iter().enumerate().peekable();
    while all.peek().is_some() {
        let chunk: Vec<_> = all.by_ref().take(1000).collect();
        person::Entity::insert_many(chunk.iter().map(|(i, _)| person::ActiveModel {
            email: Set(format!("focal{i}@bench.example")),
            display_name: Set(format!("Focal point {i}")),
            locale: Set("en".to_owned()),
            // No password: the benchmark makes sessions directly.
            password_hash: Set("!".to_owned()),
            role: Set("member".to_owned()),
            active: Set(true),
            created_at: Set(t),
            totp_secret: Set(None),
            totp_pending: Set(None),
            totp_last_step: Set(None),
            ..Default::default()
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    let ids: HashMap<String, i32> = person::Entity::find()
        .filter(person::Column::Email.ends_with("@bench.example"))
        .all(&tx)
        .await?
        .into_iter()
        .map(|p| (p.email, p.id))
        .collect();
    let mut focal = Vec::with_capacity(towns.len());
    let mut affiliations = Vec::with_capacity(towns.len());
    let mut sessions = Vec::with_capacity(towns.len());
    let mut tokens = Vec::with_capacity(towns.len());
    for (i, m) in towns.iter().enumerate() {
        let id = *ids
            .get(&format!("focal{i}@bench.example"))
            .ok_or_else(|| anyhow!("focal point {i} not stored"))?;
        affiliations.push(affiliation::ActiveModel {
            person_id: Set(id),
            municipality_id: Set(Some(m.id)),
            organisation_id: Set(None),
            position: Set(None),
            focal_point: Set(true),
            ..Default::default()
        });
        let token = majlis::token::random_token();
        let csrf = majlis::token::random_token();
        sessions.push(session::ActiveModel {
            token_hash: Set(signin::hash_token(&token)),
            person_id: Set(id),
            csrf_token: Set(csrf.clone()),
            created_at: Set(t),
            last_seen_at: Set(t),
            ip: Set("127.0.0.1".into()),
            user_agent: Set("survey_bench".into()),
            second_factor_pending: Set(false),
            ..Default::default()
        });
        let api = format!(
            "{}{}{}",
            majlis::accounts::tokens::PREFIX,
            majlis::token::random_token(),
            majlis::token::random_token()
        );
        tokens.push(api_token::ActiveModel {
            person_id: Set(id),
            name: Set("survey tool".into()),
            token_hash: Set(signin::hash_token(&api)),
            created_at: Set(t),
            // Used just now: no write to record the use during the run.
            last_used_at: Set(Some(t)),
            ..Default::default()
        });
        focal.push(FocalPoint {
            cookie: format!("{}={token}", b.settings.session_cookie()),
            csrf,
            bearer: format!("Bearer {api}"),
            town: m.clone(),
        });
    }
    for chunk in affiliations.chunks(1000) {
        affiliation::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&tx)
            .await?;
    }
    for chunk in sessions.chunks(1000) {
        session::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&tx)
            .await?;
    }
    for chunk in tokens.chunks(1000) {
        api_token::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&tx)
            .await?;
    }
    tx.commit().await?;
    if backend == Backend::Postgres {
        b.db.read().execute_unprepared("ANALYZE").await?;
    }
    let mut focal = focal.into_iter();
    let people: Vec<Respondent> = (0..respondents)
        .map(|_| Respondent {
            towns: focal.by_ref().take(per).collect(),
        })
        .collect();

    Ok(Prepared {
        b,
        survey_id,
        parsed,
        people,
        per,
    })
}

/// One municipality's answers and the requests that send them, built
/// before the clock starts so that the load generator does little.
struct Planned {
    answers: Answers,
    /// Web flow: each page's URL and form body, then the submit URL and body.
    pages: Vec<(String, String)>,
    submit: (String, String),
    /// One-request API: URL and JSON body.
    api: (String, String),
}

fn plan_for(addr: SocketAddr, f: &FocalPoint, answers: Answers) -> Planned {
    let base = format!("http://{addr}/surveys/bench-survey/respond/{}", f.town.slug);
    Planned {
        pages: (0..PAGES)
            .map(|page| {
                (
                    format!("{base}?page={page}"),
                    page_body(&f.csrf, page, &answers),
                )
            })
            .collect(),
        submit: (format!("{base}/submit"), format!("csrf={}", f.csrf)),
        api: (
            format!(
                "http://{addr}/api/v1/surveys/bench-survey/responses/{}",
                f.town.slug
            ),
            serde_json::json!({ "answers": answers, "submit": true }).to_string(),
        ),
        answers,
    }
}

/// One mode on a fresh database: set up, run for `seconds`, check. The
/// database and the app live on the `server` runtime; the respondents run
/// on the caller's.
async fn submit_run(
    server: &tokio::runtime::Handle,
    backend: Backend,
    respondents: usize,
    seconds: u64,
    mode: Mode,
) -> anyhow::Result<Run> {
    let Prepared {
        b,
        survey_id,
        parsed,
        people,
        per,
    } = server
        .spawn(prepare_run(backend, respondents, seconds))
        .await??;

    // The app served on a loopback port, as `majlis serve` runs it.
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    std_listener.set_nonblocking(true)?;
    let addr: SocketAddr = std_listener.local_addr()?;
    let limits = majlis::web::server::Limits::from_settings(&b.settings);
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let app = b.router.clone();
    let serving = server.spawn(async move {
        let listener = tokio::net::TcpListener::from_std(std_listener)?;
        majlis::web::server::Server::new(limits)
            .run(listener, app, async {
                let _ = stop_rx.await;
            })
            .await
    });
    let client: Client =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .pool_max_idle_per_host(respondents * 2)
            .build_http();

    // Each answers by a different seed, so answers differ.
    let plans: Vec<Vec<Planned>> = people
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let mut r = Rng(1000 + i as u64);
            p.towns
                .iter()
                .enumerate()
                .map(|(j, f)| plan_for(addr, f, answers_for(&mut r, (i * per + j) as u64)))
                .collect()
        })
        .collect();

    let shared = Arc::new(Mutex::new(Tallies::default()));
    let load_before = load_average();
    let cpu_before = CpuTimes::now();
    let groups_before = b.db.group_stats();
    QUERIES.store(0, std::sync::atomic::Ordering::Relaxed);
    let start = Instant::now();
    let deadline = start + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for (p, plan) in people.into_iter().zip(plans) {
        let client = client.clone();
        let shared = shared.clone();
        tasks.push(tokio::spawn(async move {
            let mut ran_out = true;
            for (f, planned) in p.towns.iter().zip(plan) {
                if Instant::now() >= deadline {
                    ran_out = false;
                    break;
                }
                let t0 = Instant::now();
                let (requests, refused) = match mode {
                    Mode::Api => answer_api(&client, f, &planned).await,
                    _ => answer_web(&client, f, &planned).await,
                };
                let took = t0.elapsed();
                let Ok(mut s) = shared.lock() else {
                    return ran_out;
                };
                s.requests += requests;
                match refused {
                    None => {
                        s.acked.push(Acked {
                            municipality: f.town.id,
                            answers: planned.answers,
                        });
                        s.response_times.push(took);
                    }
                    Some(why) => *s.refused.entry(why).or_default() += 1,
                }
            }
            ran_out
        }));
    }
    let mut exhausted = 0;
    for t in tasks {
        if t.await.unwrap_or(false) {
            exhausted += 1;
        }
    }
    let elapsed = start.elapsed();
    let cpu = CpuTimes::now().since(&cpu_before);
    let queries = QUERIES.load(std::sync::atomic::Ordering::Relaxed);
    let groups_after = b.db.group_stats();
    let groups = (
        groups_after.group_transactions - groups_before.group_transactions,
        groups_after.grouped_writes - groups_before.grouped_writes,
        groups_after.single_writes - groups_before.single_writes,
        groups_after.stored_many - groups_before.stored_many,
    );
    let load_after = load_average();
    let _ = stop_tx.send(());
    let _ = serving.await;

    let s = std::mem::take(&mut *shared.lock().map_err(|_| anyhow!("a task panicked"))?);
    let acked = s.acked;
    let (lost, differing, acked) = server
        .spawn(async move {
            let checked = verify(&b.db, survey_id, &parsed, &acked, mode).await;
            b.finish().await;
            checked.map(|(lost, differing)| (lost, differing, acked.len()))
        })
        .await??;
    Ok(Run {
        mode,
        acked,
        seconds: elapsed.as_secs_f64(),
        requests: s.requests,
        latency: (!s.response_times.is_empty()).then(|| summary(s.response_times.clone())),
        refused: s.refused,
        exhausted,
        lost,
        differing,
        cpu,
        load: (load_before, load_after),
        queries,
        groups,
    })
}

/// Where the threads' names start: the server's runtime (and SQLite's
/// connection threads, `sqlx-sqlite-worker-N`, and the group-commit writer,
/// `majlis-writer`), the load generator's.
const SERVER_THREADS: &str = "bench-server";
const CLIENT_THREADS: &str = "bench-client";

/// CPU seconds (user + system) this process spent, by thread kind, and the
/// PostgreSQL server processes on the machine (all of them: other users of
/// the same server count too).
#[derive(Clone, Copy, Debug, Default)]
struct CpuTimes {
    server: f64,
    client: f64,
    other: f64,
    postgres: f64,
}

impl CpuTimes {
    fn now() -> CpuTimes {
        // Linux reports these in USER_HZ, 100 a second on every platform it supports.
        const HZ: f64 = 100.0;
        let mut t = CpuTimes::default();
        if let Ok(dir) = std::fs::read_dir("/proc/self/task") {
            for e in dir.flatten() {
                let Some((comm, ticks)) = proc_stat(&e.path().join("stat")) else {
                    continue;
                };
                let s = ticks as f64 / HZ;
                if comm.starts_with(SERVER_THREADS)
                    || comm.starts_with("sqlx-sqlite")
                    || comm.starts_with("majlis-writer")
                {
                    t.server += s;
                } else if comm.starts_with(CLIENT_THREADS) {
                    t.client += s;
                } else {
                    t.other += s;
                }
            }
        }
        if let Ok(dir) = std::fs::read_dir("/proc") {
            for e in dir.flatten() {
                if let Some((comm, ticks)) = proc_stat(&e.path().join("stat"))
                    && comm == "postgres"
                {
                    t.postgres += ticks as f64 / HZ;
                }
            }
        }
        t
    }

    fn since(&self, before: &CpuTimes) -> CpuTimes {
        CpuTimes {
            server: self.server - before.server,
            client: self.client - before.client,
            other: self.other - before.other,
            postgres: self.postgres - before.postgres,
        }
    }
}

/// A `/proc/…/stat` file's command name and its user + system ticks.
fn proc_stat(path: &std::path::Path) -> Option<(String, u64)> {
    let text = std::fs::read_to_string(path).ok()?;
    let open = text.find('(')?;
    let close = text.rfind(')')?;
    let comm = text.get(open + 1..close)?.to_owned();
    // After the name: state is field 3, utime field 14, stime field 15.
    let rest: Vec<&str> = text.get(close + 2..)?.split_whitespace().collect();
    let utime: u64 = rest.get(11)?.parse().ok()?;
    let stime: u64 = rest.get(12)?.parse().ok()?;
    Some((comm, utime + stime))
}

/// The machine's one-minute load average.
fn load_average() -> f64 {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN)
}

/// A whole response through the pages: every page posted, then the
/// submission. Returns the requests made and why it was not acknowledged
/// (`None`: a 303 to `?saved=submitted`).
async fn answer_web(client: &Client, f: &FocalPoint, planned: &Planned) -> (u64, Option<String>) {
    let mut requests = 0;
    for (url, body) in &planned.pages {
        requests += 1;
        match post(client, url.clone(), &f.cookie, body.clone()).await {
            Ok((StatusCode::SEE_OTHER, _)) => {}
            Ok((s, _)) => return (requests, Some(format!("page: {s}"))),
            Err(e) => return (requests, Some(format!("page: {e}"))),
        }
    }
    requests += 1;
    let (url, body) = &planned.submit;
    match post(client, url.clone(), &f.cookie, body.clone()).await {
        Ok((StatusCode::SEE_OTHER, loc)) if loc.contains("saved=submitted") => (requests, None),
        Ok((s, loc)) => (requests, Some(format!("submit: {s} {loc}"))),
        Err(e) => (requests, Some(format!("submit: {e}"))),
    }
}

/// A whole response in one request, as a survey tool sends it: acknowledged
/// by a 201 with the response's id.
async fn answer_api(client: &Client, f: &FocalPoint, planned: &Planned) -> (u64, Option<String>) {
    let (url, body) = &planned.api;
    let req = match Request::post(url.as_str())
        .header("content-type", "application/json")
        .header("authorization", &f.bearer)
        .body(Body::from(body.clone()))
    {
        Ok(r) => r,
        Err(e) => return (0, Some(format!("request: {e}"))),
    };
    match send(client, req).await {
        Ok((StatusCode::CREATED, _, body)) => {
            let id = serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v["id"].as_i64());
            match id {
                Some(_) => (1, None),
                None => (1, Some("201 without an id".into())),
            }
        }
        Ok((s, _, body)) => (
            1,
            Some(format!(
                "api: {s} {}",
                String::from_utf8_lossy(&body)
                    .chars()
                    .take(80)
                    .collect::<String>()
            )),
        ),
        Err(e) => (1, Some(format!("api: {e}"))),
    }
}

/// Every acknowledged submission stored with what was sent, and the
/// tallies exactly what the stored submitted responses count. Returns how
/// many acknowledged submissions are missing or differ, and how many tally
/// rows differ from a recount.
async fn verify(
    db: &Db,
    survey_id: i32,
    parsed: &Form,
    acked: &[Acked],
    mode: Mode,
) -> anyhow::Result<(usize, usize)> {
    let stored: HashMap<i32, response::Model> = response::Entity::find()
        .filter(response::Column::SurveyId.eq(survey_id))
        .all(db.read())
        .await?
        .into_iter()
        .filter_map(|r| r.municipality_id.map(|m| (m, r)))
        .collect();
    let mut lost = 0;
    for a in acked {
        let ok = stored.get(&a.municipality).is_some_and(|r| {
            r.submitted_at.is_some()
                && r.answers
                    .as_ref()
                    .map(majlis::surveys::rules::answering::to_answers)
                    == Some(a.answers.clone())
        });
        if !ok {
            lost += 1;
        }
    }
    let submitted: Vec<&response::Model> = stored
        .values()
        .filter(|r| r.submitted_at.is_some())
        .collect();
    let mut expected: HashMap<TallyKey, i64> = HashMap::new();
    for r in &submitted {
        let answers = r
            .answers
            .as_ref()
            .map(majlis::surveys::rules::answering::to_answers)
            .unwrap_or_default();
        let g = Groups {
            country: r.country_code.clone(),
            population: r.population_band.clone(),
            refugees: r.refugee_band.clone(),
        };
        for (q, v) in contributions(parsed, &answers) {
            *expected.entry(tally_key(&q, &v, &g)).or_default() += 1;
        }
    }
    let actual: HashMap<TallyKey, i64> = tally::Entity::find()
        .filter(tally::Column::SurveyId.eq(survey_id))
        .all(db.read())
        .await?
        .into_iter()
        .filter(|t| t.count != 0)
        .map(|t| {
            (
                (
                    t.question,
                    t.value,
                    t.country_code,
                    t.population_band,
                    t.refugee_band,
                ),
                t.count,
            )
        })
        .collect();
    let differing = expected
        .iter()
        .filter(|(k, v)| actual.get(*k) != Some(*v))
        .count()
        + actual.keys().filter(|k| !expected.contains_key(*k)).count();
    let drafts = response::Entity::find()
        .filter(response::Column::SurveyId.eq(survey_id))
        .filter(response::Column::SubmittedAt.is_null())
        .count(db.read())
        .await?;
    println!(
        "check ({}): {} acknowledged, {} stored as submitted ({} more than acknowledged: answered after a failure), {drafts} drafts never submitted; {lost} acknowledged not stored as sent; tallies: {} rows, {differing} differing from a recount of the stored responses",
        mode.label(),
        acked.len(),
        submitted.len(),
        submitted.len().saturating_sub(acked.len() - lost),
        actual.len(),
    );
    Ok((lost, differing))
}
