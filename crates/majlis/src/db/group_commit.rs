//! Group commit: writes handed to one writer task, which runs many of them
//! in one transaction (each inside a savepoint of its own) and answers each
//! only once that transaction is committed. On SQLite every write goes
//! through one connection anyway; one commit for many writes saves the
//! per-transaction work (the WAL frames of the pages every write touches
//! again, such as shared counters, are written once per batch).
//!
//! Guarantees:
//! - nothing is answered `Ok` before the transaction holding it is
//!   committed;
//! - a write that fails (its own error, or a database error inside its
//!   savepoint) is rolled back alone and answered with its error; the others
//!   of the batch are kept;
//! - when the batch itself fails (its `BEGIN`, a savepoint or the
//!   `COMMIT`), every write of it is run again alone, in a transaction of
//!   its own, and answered from that.
//!
//! A write must therefore be safe to run again after a rollback (it reads
//! what it needs inside the transaction it is given).

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use sea_orm::{DatabaseTransaction, DbErr, TransactionTrait};
use tokio::sync::{mpsc, oneshot};

use super::{Db, query_count};

/// A future borrowing the transaction it runs in.
pub type TxFuture<'t, T> = Pin<Box<dyn Future<Output = T> + Send + 't>>;

/// One write: run inside the transaction (or savepoint) it is given, which
/// it must not commit itself.
pub trait Write: Send + Sync + 'static {
    type Output: Send + 'static;
    type Error: From<DbErr> + Send + 'static;
    fn run<'t>(
        &'t self,
        tx: &'t DatabaseTransaction,
    ) -> TxFuture<'t, Result<Self::Output, Self::Error>>;
}

/// Writes committed together at most.
pub const MAX_BATCH: usize = 128;

/// Writes waiting for the writer task at most (then callers wait).
const QUEUE: usize = 1024;

/// The writer task's queue, started on first use in the runtime of the
/// first caller.
#[derive(Clone, Default)]
pub struct GroupCommit {
    queue: Arc<OnceLock<mpsc::Sender<Box<dyn Queued>>>>,
    counts: Arc<Counts>,
}

/// What the writer task has done so far.
#[derive(Default)]
struct Counts {
    transactions: AtomicU64,
    grouped: AtomicU64,
    alone: AtomicU64,
}

/// What the writer task has done since the node started.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GroupStats {
    /// Transactions committed holding more than one write.
    pub group_transactions: u64,
    /// Writes committed in those transactions (refused ones included).
    pub grouped_writes: u64,
    /// Writes run in a transaction of their own (alone in the queue, or
    /// again after their group failed).
    pub single_writes: u64,
}

impl std::fmt::Debug for GroupCommit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GroupCommit")
            .field("started", &self.queue.get().is_some())
            .finish()
    }
}

impl GroupCommit {
    pub fn stats(&self) -> GroupStats {
        GroupStats {
            group_transactions: self.counts.transactions.load(Ordering::Relaxed),
            grouped_writes: self.counts.grouped.load(Ordering::Relaxed),
            single_writes: self.counts.alone.load(Ordering::Relaxed),
        }
    }

    /// Run `write` in a batch of `db`'s writer task; answered once committed.
    /// When the writer task is gone (its runtime ended), the write runs in a
    /// transaction of its own here.
    pub async fn run<W: Write>(&self, db: &Db, write: W) -> Result<W::Output, W::Error> {
        let queue = self.queue.get_or_init(|| {
            let (tx, rx) = mpsc::channel(QUEUE);
            // The task's copy has a group of its own, never started: the
            // queue closes when the last `Db` sharing this one is dropped.
            let own = Db {
                group: GroupCommit::default(),
                ..db.clone()
            };
            tokio::spawn(writer(own, rx, self.counts.clone()));
            tx
        });
        let (reply, answer) = oneshot::channel();
        let pending: Box<dyn Queued> = Box::new(Pending {
            write,
            outcome: None,
            reply,
            counter: query_count::current(),
        });
        if let Err(mpsc::error::SendError(item)) = queue.send(pending).await {
            // Never handed over (the writer's runtime has ended): run it
            // here, alone.
            run_alone(db, item).await;
            self.counts.alone.fetch_add(1, Ordering::Relaxed);
        }
        match answer.await {
            Ok(outcome) => outcome,
            // The writer stopped with the write taken: it may or may not be
            // stored, so it is not acknowledged.
            Err(_) => Err(DbErr::Custom("the writer task stopped".into()).into()),
        }
    }
}

/// A queued write with its outcome and whom to answer.
struct Pending<W: Write> {
    write: W,
    outcome: Option<Result<W::Output, W::Error>>,
    reply: oneshot::Sender<Result<W::Output, W::Error>>,
    /// The caller's query counter: its statements count for its request.
    counter: Option<query_count::QueryCounter>,
}

impl<W: Write> Pending<W> {
    fn take(&mut self) -> Result<W::Output, W::Error> {
        self.outcome
            .take()
            .unwrap_or_else(|| Err(DbErr::Custom("write not run".into()).into()))
    }
}

/// A queued write, whatever its types.
trait Queued: Send {
    /// Run the write, keep its outcome; whether it succeeded.
    fn run<'t>(&'t mut self, tx: &'t DatabaseTransaction) -> TxFuture<'t, bool>;
    /// The caller's query counter.
    fn counter(&self) -> Option<query_count::QueryCounter>;
    /// Forget the outcome (the transaction holding it was rolled back).
    fn forget(&mut self);
    /// Answer with the outcome kept.
    fn answer(self: Box<Self>);
    /// Answer with a database error (the write is not stored).
    fn fail(self: Box<Self>, e: DbErr);
}

impl<W: Write> Queued for Pending<W> {
    fn counter(&self) -> Option<query_count::QueryCounter> {
        self.counter.clone()
    }

    fn run<'t>(&'t mut self, tx: &'t DatabaseTransaction) -> TxFuture<'t, bool> {
        Box::pin(async move {
            let outcome = self.write.run(tx).await;
            let ok = outcome.is_ok();
            self.outcome = Some(outcome);
            ok
        })
    }

    fn forget(&mut self) {
        self.outcome = None;
    }

    fn answer(mut self: Box<Self>) {
        let outcome = self.take();
        // The caller may have gone (its request was dropped): nothing to do.
        let _ = self.reply.send(outcome);
    }

    fn fail(self: Box<Self>, e: DbErr) {
        let _ = self.reply.send(Err(e.into()));
    }
}

/// The writer task: takes what is queued, up to [`MAX_BATCH`] at once.
async fn writer(db: Db, mut queue: mpsc::Receiver<Box<dyn Queued>>, counts: Arc<Counts>) {
    let mut batch: Vec<Box<dyn Queued>> = Vec::with_capacity(MAX_BATCH);
    while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
        commit_batch(&db, std::mem::take(&mut batch), &counts).await;
    }
}

async fn commit_batch(db: &Db, mut batch: Vec<Box<dyn Queued>>, counts: &Counts) {
    if batch.len() > 1 {
        match together(db, &mut batch).await {
            Ok(()) => {
                counts.transactions.fetch_add(1, Ordering::Relaxed);
                counts
                    .grouped
                    .fetch_add(batch.len() as u64, Ordering::Relaxed);
                metrics::histogram!("majlis_group_commit_writes").record(batch.len() as f64);
                for item in batch {
                    item.answer();
                }
                return;
            }
            Err(e) => {
                tracing::warn!(error = %e, writes = batch.len(), "a group commit failed; its writes run again one by one");
            }
        }
    }
    for mut item in batch {
        item.forget();
        run_alone(db, item).await;
        counts.alone.fetch_add(1, Ordering::Relaxed);
    }
}

/// One write in a transaction of its own, answered.
async fn run_alone(db: &Db, mut item: Box<dyn Queued>) {
    let ran = match db.begin_write().await {
        Ok(tx) => run_alone_in(&mut *item, tx).await,
        Err(e) => Err(e),
    };
    match ran {
        Ok(()) => item.answer(),
        Err(e) => item.fail(e),
    }
}

/// Every write of the batch in one transaction, each in a savepoint that
/// is released when it succeeds and rolled back when it fails.
async fn together(db: &Db, batch: &mut [Box<dyn Queued>]) -> Result<(), DbErr> {
    let tx = db.begin_write().await?;
    for item in batch.iter_mut() {
        let counter = item.counter();
        query_count::counting_for(counter, async {
            let savepoint = tx.begin().await?;
            if item.run(&savepoint).await {
                savepoint.commit().await
            } else {
                savepoint.rollback().await
            }
        })
        .await?;
    }
    tx.commit().await
}

/// One write in the transaction `tx`, committed when it succeeds, rolled
/// back when it fails (its own error is then its outcome). `Err` only for a
/// failed commit.
async fn run_alone_in(item: &mut dyn Queued, tx: DatabaseTransaction) -> Result<(), DbErr> {
    let counter = item.counter();
    query_count::counting_for(counter, async {
        if item.run(&tx).await {
            tx.commit().await
        } else {
            // Nothing of it is kept either way; the write's own error answers.
            let _ = tx.rollback().await;
            Ok(())
        }
    })
    .await
}
