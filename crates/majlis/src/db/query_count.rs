//! Counting the queries a request runs, so tests can bound them (no N+1).

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::DatabaseConnection;

tokio::task_local! {
    static COUNTER: QueryCounter;
}

/// Shared count of the queries run inside [`count_queries`].
#[derive(Clone, Debug, Default)]
pub struct QueryCounter(Arc<AtomicU32>);

impl QueryCounter {
    pub fn get(&self) -> u32 {
        self.0.load(Ordering::Relaxed)
    }
}

/// Run `fut`, counting the database statements it executes.
pub async fn count_queries<F: Future>(fut: F) -> (F::Output, u32) {
    let counter = QueryCounter::default();
    let out = COUNTER.scope(counter.clone(), fut).await;
    (out, counter.get())
}

/// The counter of the request running now, if it counts.
pub(super) fn current() -> Option<QueryCounter> {
    COUNTER.try_with(Clone::clone).ok()
}

/// Run `fut` counting its statements for `counter` (work done by another
/// task on behalf of a request: [`super::group_commit`]).
pub(super) async fn counting_for<F: Future>(counter: Option<QueryCounter>, fut: F) -> F::Output {
    match counter {
        Some(c) => COUNTER.scope(c, fut).await,
        None => fut.await,
    }
}

pub(super) fn install(conn: &mut DatabaseConnection) {
    conn.set_metric_callback(|info| {
        let _ = COUNTER.try_with(|c| c.0.fetch_add(1, Ordering::Relaxed));
        metrics::counter!("majlis_db_queries_total").increment(1);
        if info.failed {
            metrics::counter!("majlis_db_query_errors_total").increment(1);
        }
        metrics::histogram!("majlis_db_query_seconds").record(info.elapsed.as_secs_f64());
    });
}
