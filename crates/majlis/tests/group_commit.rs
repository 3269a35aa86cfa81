//! Group commit (`db::group_commit`): writes queued together are committed
//! in one transaction and each is answered only once it is stored; a write
//! that fails is rolled back alone (its savepoint) and refused, the others
//! of its group stay stored. Both databases.

mod common;

use std::sync::Arc;

use majlis::audit::{self, Origin};
use majlis::db::group_commit::{TxFuture, Write};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter,
};
use tokio::sync::Notify;

/// An audit entry with the action `action`; refused after writing it when
/// `fail` (a statement the database rejects), so its entry must vanish.
struct Entry {
    action: String,
    fail: bool,
    /// Wait for this before writing (holds the writer task).
    hold: Option<Arc<Notify>>,
    /// Told when the write has started.
    started: Option<Arc<Notify>>,
}

impl Write for Entry {
    type Output = String;
    type Error = DbErr;
    fn run<'t>(&'t self, tx: &'t DatabaseTransaction) -> TxFuture<'t, Result<String, DbErr>> {
        Box::pin(async move {
            if let Some(s) = &self.started {
                s.notify_one();
            }
            if let Some(h) = &self.hold {
                h.notified().await;
            }
            let origin = Origin {
                actor_id: None,
                ip: "test".into(),
            };
            audit::record(
                tx,
                &origin,
                &self.action,
                "test",
                1,
                None,
                chrono::Utc::now(),
            )
            .await?;
            if self.fail {
                tx.execute_unprepared("INSERT INTO no_such_table VALUES (1)")
                    .await?;
            }
            Ok(self.action.clone())
        })
    }
}

fn entry(action: &str, fail: bool) -> Entry {
    Entry {
        action: action.to_owned(),
        fail,
        hold: None,
        started: None,
    }
}

async fn stored(app: &common::TestApp, action: &str) -> u64 {
    audit::entity::Entity::find()
        .filter(audit::entity::Column::Action.eq(action))
        .count(app.db.read())
        .await
        .unwrap()
}

db_test!(async fn writes_queued_together_commit_together_and_a_failing_one_is_refused_alone(app) {
    let before = app.db.group_stats();
    // The first write holds the writer task until the others are queued, so
    // that they are taken as one group.
    let hold = Arc::new(Notify::new());
    let started = Arc::new(Notify::new());
    let first = {
        let db = app.db.clone();
        let e = Entry {
            action: "gc.first".into(),
            fail: false,
            hold: Some(hold.clone()),
            started: Some(started.clone()),
        };
        tokio::spawn(async move { db.write_grouped(e).await })
    };
    started.notified().await;
    let mut queued = Vec::new();
    for i in 0..10 {
        let db = app.db.clone();
        // The fifth fails after writing its entry.
        let e = entry(&format!("gc.{i}"), i == 4);
        queued.push(tokio::spawn(async move {
            majlis::db::count_queries(db.write_grouped(e)).await
        }));
    }
    // Let the ten reach the queue, then release the writer.
    common::wait_for_queued_writes(app, 10).await;
    hold.notify_one();
    assert_eq!(first.await.unwrap().unwrap(), "gc.first");
    for (i, q) in queued.into_iter().enumerate() {
        let (answer, queries) = q.await.unwrap();
        if i == 4 {
            assert!(answer.is_err(), "the failing write is refused");
            assert_eq!(stored(app, "gc.4").await, 0, "and nothing of it is kept");
        } else {
            assert_eq!(answer.unwrap(), format!("gc.{i}"));
            // Its insert, run by the writer task, counts for the request that queued it.
            assert_eq!(queries, 1, "gc.{i}");
            assert_eq!(stored(app, &format!("gc.{i}")).await, 1, "gc.{i} is stored");
        }
    }
    assert_eq!(stored(app, "gc.first").await, 1);
    let after = app.db.group_stats();
    assert_eq!(after.group_transactions - before.group_transactions, 1, "{after:?}");
    assert_eq!(after.grouped_writes - before.grouped_writes, 10, "{after:?}");
    assert_eq!(after.single_writes - before.single_writes, 1, "the holding write ran alone: {after:?}");
});

db_test!(async fn a_write_alone_counts_its_statements_for_its_request(app) {
    // The writer task runs it; its insert counts where it was asked for
    // (query-count assertions of other tests rely on it).
    let (answer, queries) =
        majlis::db::count_queries(app.db.write_grouped(entry("gc.count", false))).await;
    assert_eq!(answer.unwrap(), "gc.count");
    assert_eq!(queries, 1);
    assert_eq!(stored(app, "gc.count").await, 1);
});

/// An audit entry of a kind stored many at once: `run_many` writes the
/// entries of a group together and counts its calls; it fails (after
/// writing) when one of them has `fail`, and each then runs alone.
struct Batched {
    entry: Entry,
    calls: Arc<std::sync::atomic::AtomicUsize>,
}

impl Write for Batched {
    type Output = String;
    type Error = DbErr;
    fn run<'t>(&'t self, tx: &'t DatabaseTransaction) -> TxFuture<'t, Result<String, DbErr>> {
        self.entry.run(tx)
    }

    const MANY: bool = true;

    fn run_many<'t>(
        writes: &'t [&'t Self],
        tx: &'t DatabaseTransaction,
    ) -> TxFuture<'t, Result<Vec<String>, DbErr>> {
        Box::pin(async move {
            for w in writes {
                w.calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            let origin = Origin {
                actor_id: None,
                ip: "test".into(),
            };
            let mut out = Vec::new();
            for w in writes {
                let now = chrono::Utc::now();
                audit::record(tx, &origin, &w.entry.action, "test", 2, None, now).await?;
                out.push(w.entry.action.clone());
            }
            if writes.iter().any(|w| w.entry.fail) {
                tx.execute_unprepared("INSERT INTO no_such_table VALUES (1)")
                    .await?;
            }
            Ok(out)
        })
    }
}

/// Queue `entries` as [`Batched`] writes behind a write that holds the
/// writer task, so that they are taken as one group; their answers in order,
/// and how many `run_many` calls each saw.
async fn queue_batched(
    app: &common::TestApp,
    entries: Vec<Entry>,
) -> (Vec<Result<String, DbErr>>, usize) {
    let hold = Arc::new(Notify::new());
    let started = Arc::new(Notify::new());
    let first = {
        let db = app.db.clone();
        let e = Entry {
            action: format!("{}.holder", entries[0].action),
            fail: false,
            hold: Some(hold.clone()),
            started: Some(started.clone()),
        };
        tokio::spawn(async move { db.write_grouped(e).await })
    };
    started.notified().await;
    let calls = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let n = entries.len();
    let mut queued = Vec::new();
    for entry in entries {
        let db = app.db.clone();
        let w = Batched {
            entry,
            calls: calls.clone(),
        };
        queued.push(tokio::spawn(async move { db.write_grouped(w).await }));
    }
    common::wait_for_queued_writes(app, n).await;
    hold.notify_one();
    first.await.unwrap().unwrap();
    let mut answers = Vec::new();
    for q in queued {
        answers.push(q.await.unwrap());
    }
    (answers, calls.load(std::sync::atomic::Ordering::SeqCst))
}

db_test!(async fn writes_of_a_kind_queued_together_are_stored_at_once(app) {
    let before = app.db.group_stats();
    let entries = (0..10).map(|i| entry(&format!("many.{i}"), false)).collect();
    let (answers, calls) = queue_batched(app, entries).await;
    // One call of `run_many` for the ten (each counted it once).
    assert_eq!(calls, 10);
    for (i, a) in answers.into_iter().enumerate() {
        assert_eq!(a.unwrap(), format!("many.{i}"), "each answered with its own output");
        assert_eq!(stored(app, &format!("many.{i}")).await, 1, "many.{i} stored once");
    }
    let after = app.db.group_stats();
    assert_eq!(after.stored_many - before.stored_many, 10, "{after:?}");
    assert_eq!(after.grouped_writes - before.grouped_writes, 10, "{after:?}");
});

db_test!(async fn when_storing_at_once_fails_each_write_runs_alone(app) {
    let before = app.db.group_stats();
    // The fourth makes `run_many` fail after it wrote every entry: all of
    // that is rolled back, then each runs alone and only the fourth fails.
    let entries = (0..6).map(|i| entry(&format!("fallback.{i}"), i == 3)).collect();
    let (answers, calls) = queue_batched(app, entries).await;
    assert_eq!(calls, 6);
    for (i, a) in answers.into_iter().enumerate() {
        let action = format!("fallback.{i}");
        if i == 3 {
            assert!(a.is_err(), "the failing write is refused");
            assert_eq!(stored(app, &action).await, 0, "nothing of it is kept");
        } else {
            assert_eq!(a.unwrap(), action);
            assert_eq!(stored(app, &action).await, 1, "{action} stored once, not twice");
        }
    }
    let after = app.db.group_stats();
    assert_eq!(after.stored_many - before.stored_many, 0, "{after:?}");
    assert_eq!(after.grouped_writes - before.grouped_writes, 6, "{after:?}");
});
