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
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
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
