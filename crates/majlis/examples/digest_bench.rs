//! Notification digests at scale (issue 22), through the real rules.
//!
//! ```text
//! cargo run --release -p majlis --example digest_bench -- [--people 10000] [--follows 50] [--changes 5000] [--keep DIR]
//! ```
//!
//! On a fresh SQLite database (a temporary folder): PEOPLE members, CHANGES
//! published practices (already announced), and every person following
//! FOLLOWS of those practices (chosen by a fixed pseudo-random sequence, so
//! each practice has PEOPLE × FOLLOWS / CHANGES followers) with a daily
//! digest for changes of what they follow. Then every practice changes once
//! that day (an outbox row each). Measured, each phase on its own:
//!
//! 1. `consume`: the outbox into notification rows (`consumer::catch_up`),
//!    each change checked against who may see it;
//! 2. `digests`: the next morning's daily digests built and queued
//!    (`email::deliver`, one message per person, marked and queued in one
//!    transaction each).
//!
//! Prints the time of each phase, the rows made and the process's peak
//! resident memory (VmHWM) after each. Goal: digests under 30 s.

use std::time::Instant;

use anyhow::Context as _;
use chrono::{Duration, Utc};
use clap::Parser;
use majlis::accounts::person;
use majlis::config::Settings;
use majlis::db::outbox::{self, Op};
use majlis::follows::entities::follow;
use majlis::i18n::{Locale, TrText};
use majlis::library::entities::{practice, practice_theme};
use majlis::notifications::entities::{announced, notification, setting};
use majlis::notifications::{Delivery, NoticeKind, consumer, email};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{EntityTrait, PaginatorTrait};

/// The allocator the `majlis` binary uses (src/main.rs), so that what is
/// measured here allocates as `majlis serve` does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 10_000)]
    people: i32,
    #[arg(long, default_value_t = 50)]
    follows: i32,
    #[arg(long, default_value_t = 5_000)]
    changes: i32,
    /// Keep the database in this (new) folder to look at afterwards,
    /// instead of a temporary one.
    #[arg(long)]
    keep: Option<std::path::PathBuf>,
}

/// Peak resident memory of this process, in MiB (Linux).
fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let dir = tempfile::tempdir()?;
    let settings = Settings {
        data_dir: args.keep.clone().unwrap_or_else(|| dir.path().to_owned()),
        ..Settings::default()
    };
    let db = majlis::app::prepare(&settings).await?;
    let key = majlis::accounts::secrets::load_or_create(&settings)?;
    let now = Utc::now();
    let setup = Instant::now();

    let theme = majlis::directory::entities::theme::Entity::find()
        .one(db.read())
        .await?
        .context("themes are loaded at start")?
        .id;
    // People, each with a daily digest of changes to what they follow.
    let tx = db.begin_write().await?;
    let people: Vec<person::ActiveModel> = (0..args.people)
        .map(|i| person::ActiveModel {
            id: NotSet,
            email: Set(format!("person{i}@bench.example")),
            display_name: Set(format!("Person {i}")),
            locale: Set(Locale::ALL[i as usize % Locale::ALL.len()]
                .code()
                .to_owned()),
            password_hash: Set("-".into()),
            role: Set("member".into()),
            active: Set(true),
            created_at: Set(now),
            totp_secret: Set(None),
            totp_pending: Set(None),
            totp_last_step: Set(None),
            unread_notifications: Set(0),
            time_zone: Set(None),
        })
        .collect();
    for chunk in people.chunks(1000) {
        person::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&tx)
            .await?;
    }
    tx.commit().await?;
    let first_person = person::Entity::find()
        .one(db.read())
        .await?
        .context("people")?
        .id;
    // Published practices, announced long ago.
    let tx = db.begin_write().await?;
    for start in (0..args.changes).step_by(500) {
        let rows: Vec<practice::ActiveModel> = (start..(start + 500).min(args.changes))
            .map(|i| practice::ActiveModel {
                id: NotSet,
                slug: Set(format!("practice-{i}")),
                status: Set("published".into()),
                title: Set(TrText::new(Locale::En, format!("Practice number {i}")).unwrap()),
                summary: Set(None),
                municipality_id: Set(None),
                organisation_id: Set(None),
                country_code: Set(Some("TR".into())),
                year: Set(Some(2024)),
                langs: Set(",en,".into()),
                content: Set(Default::default()),
                version: Set(1),
                author_id: Set(None),
                created_at: Set(now - Duration::days(30)),
                updated_at: Set(now - Duration::days(30)),
                published_at: Set(Some(now - Duration::days(30))),
                last_verified: Set(None),
            })
            .collect();
        practice::Entity::insert_many(rows)
            .exec_without_returning(&tx)
            .await?;
    }
    tx.commit().await?;
    let ids: Vec<i32> = practice::Entity::find()
        .all(db.read())
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    let tx = db.begin_write().await?;
    for chunk in ids.chunks(1000) {
        practice_theme::Entity::insert_many(chunk.iter().map(|id| practice_theme::ActiveModel {
            practice_id: Set(*id),
            theme_id: Set(theme),
        }))
        .exec_without_returning(&tx)
        .await?;
        announced::Entity::insert_many(chunk.iter().map(|id| announced::ActiveModel {
            entity: Set("practice".into()),
            entity_id: Set(*id),
            created_at: Set(now - Duration::days(30)),
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    tx.commit().await?;
    // Follows: person p follows FOLLOWS distinct practices, spread evenly.
    let tx = db.begin_write().await?;
    let mut rows = Vec::with_capacity(2000);
    let n = ids.len() as i64;
    for p in 0..args.people {
        let mut seen = std::collections::HashSet::new();
        let mut x = (p as i64 * 7919 + 13) % n;
        while (seen.len() as i32) < args.follows.min(ids.len() as i32) {
            x = (x * 48271 + 11) % n;
            if seen.insert(x) {
                rows.push(follow::ActiveModel {
                    id: NotSet,
                    person_id: Set(first_person + p),
                    target_kind: Set("practice".into()),
                    target_id: Set(ids[x as usize]),
                    automatic: Set(false),
                    active: Set(true),
                    created_at: Set(now - Duration::days(10)),
                });
            }
        }
        if rows.len() >= 2000 {
            follow::Entity::insert_many(std::mem::take(&mut rows))
                .exec_without_returning(&tx)
                .await?;
        }
        setting::Entity::insert(setting::ActiveModel {
            person_id: Set(first_person + p),
            kind: Set(NoticeKind::PracticeChanged.code().into()),
            delivery: Set(Delivery::Daily.code().into()),
        })
        .exec_without_returning(&tx)
        .await?;
    }
    if !rows.is_empty() {
        follow::Entity::insert_many(rows)
            .exec_without_returning(&tx)
            .await?;
    }
    // Everything before the day starts is read: the cursor at the outbox's end.
    tx.commit().await?;
    consumer::catch_up(&db, now - Duration::days(1)).await?;
    // The day's changes: each practice once.
    let tx = db.begin_write().await?;
    for id in &ids {
        outbox::record(&tx, "practice", id, Op::Updated).await?;
    }
    tx.commit().await?;
    println!(
        "set-up: {} people, {} follows, {} changes in {:.1} s",
        args.people,
        follow::Entity::find().count(db.read()).await?,
        ids.len(),
        setup.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let made = consumer::catch_up(&db, now).await?;
    let consume = t.elapsed().as_secs_f64();
    let rss_consume = peak_rss_mib();
    let morning = email::daily_cutoff(now + Duration::days(1));
    let t = Instant::now();
    let sent = email::deliver(
        &db,
        &key,
        "https://majlis.example",
        Delivery::Daily,
        morning,
        morning,
    )
    .await?;
    let digests = t.elapsed().as_secs_f64();
    let rss_digests = peak_rss_mib();
    println!("| phase   | time (s) | rows made                         | peak RSS (MiB) |");
    println!("|---------|----------|-----------------------------------|----------------|");
    println!(
        "| consume | {consume:8.2} | {made:>9} notifications           | {rss_consume:14.0} |"
    );
    println!(
        "| digests | {digests:8.2} | {:>9} messages ({:>7} notices) | {rss_digests:14.0} |",
        sent.messages, sent.notifications
    );
    let left = notification::Entity::find().count(db.read()).await?;
    println!("notification rows: {left}; goal: digests under 30 s");
    db.close().await;
    Ok(())
}
