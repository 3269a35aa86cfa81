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
//!
//! Writes of a kind that can be stored many at once ([`Write::MANY`]) and
//! that were queued together are handed to [`Write::run_many`] in one
//! savepoint, before the others of the batch: every write of a batch was
//! waiting at the same time, so any order among them is one in which they
//! could have arrived. When `run_many` fails, its savepoint is rolled back
//! and each of its writes runs alone in a savepoint of its own, as above.

use std::any::{Any, TypeId};
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

    /// Whether several writes of this kind queued together are stored by
    /// one call of [`Write::run_many`].
    const MANY: bool = false;

    /// Store `writes` at once (in the transaction or savepoint `tx`, in no
    /// particular order among them): the outputs in the order of `writes`.
    /// On `Err`, or outputs of another number, nothing of it is kept and
    /// each write runs alone.
    fn run_many<'t>(
        writes: &'t [&'t Self],
        tx: &'t DatabaseTransaction,
    ) -> TxFuture<'t, Result<Vec<Self::Output>, Self::Error>>
    where
        Self: Sized,
    {
        let _ = (writes, tx);
        Box::pin(async { Err(DbErr::Custom("not stored many at once".into()).into()) })
    }
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
    many: AtomicU64,
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
    /// Grouped writes stored by [`Write::run_many`] with others of their
    /// kind (counted in `grouped_writes` too).
    pub stored_many: u64,
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
            stored_many: self.counts.many.load(Ordering::Relaxed),
        }
    }

    /// Writes queued and not yet taken by the writer task.
    pub fn waiting(&self) -> usize {
        self.queue
            .get()
            .map_or(0, |q| q.max_capacity() - q.capacity())
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
            start_writer(own, rx, self.counts.clone());
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
            self.counts.alone.fetch_add(1, Ordering::Relaxed);
            run_alone(db, item).await;
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

/// Store a group of queued writes of one kind with one
/// [`Write::run_many`]; whether it succeeded (each then holds its outcome).
type RunMany =
    for<'a> fn(Vec<&'a mut (dyn Queued + 'static)>, &'a DatabaseTransaction) -> TxFuture<'a, bool>;

/// A queued write, whatever its types.
trait Queued: Send {
    /// Its kind and how a group of that kind is stored at once, when it can be.
    fn many(&self) -> Option<(TypeId, RunMany)>;
    fn as_any(&mut self) -> &mut dyn Any;
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
    fn many(&self) -> Option<(TypeId, RunMany)> {
        W::MANY.then_some((TypeId::of::<W>(), run_many::<W>))
    }

    fn as_any(&mut self) -> &mut dyn Any {
        self
    }

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

/// [`RunMany`] for the writes of kind `W`.
fn run_many<'a, W: Write>(
    group: Vec<&'a mut (dyn Queued + 'static)>,
    tx: &'a DatabaseTransaction,
) -> TxFuture<'a, bool> {
    Box::pin(async move {
        let mut pending: Vec<&mut Pending<W>> = group
            .into_iter()
            .filter_map(|q| q.as_any().downcast_mut::<Pending<W>>())
            .collect();
        let stored = {
            let writes: Vec<&W> = pending.iter().map(|p| &p.write).collect();
            W::run_many(&writes, tx).await
        };
        match stored {
            Ok(outputs) if outputs.len() == pending.len() => {
                for (p, out) in pending.iter_mut().zip(outputs) {
                    p.outcome = Some(Ok(out));
                }
                true
            }
            _ => {
                tracing::debug!(
                    writes = pending.len(),
                    "writes not stored at once; each runs alone"
                );
                false
            }
        }
    })
}

/// Start the writer task. On SQLite it gets a thread of its own: between
/// two statements it waits for SQLite's connection thread, and on the
/// shared runtime every such wake-up would queue behind the requests being
/// served, which made the one writer the slowest link. On PostgreSQL (whose
/// connections belong to the runtime that opened them) it runs on the
/// caller's runtime.
fn start_writer(db: Db, queue: mpsc::Receiver<Box<dyn Queued>>, counts: Arc<Counts>) {
    if db.backend() != sea_orm::DatabaseBackend::Sqlite {
        tokio::spawn(writer(db, queue, counts));
        return;
    }
    let started = std::thread::Builder::new()
        .name("majlis-writer".into())
        .spawn(move || {
            match tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt.block_on(writer(db, queue, counts)),
                // The queue is dropped with this closure: callers then run
                // their writes alone.
                Err(e) => tracing::error!(error = %e, "the writer's runtime could not start"),
            }
        });
    if let Err(e) = started {
        tracing::error!(error = %e, "the writer's thread could not start; writes run alone");
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
            Ok(many) => {
                counts.many.fetch_add(many, Ordering::Relaxed);
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
        // Counted before it is answered, so that whoever it answers sees it.
        counts.alone.fetch_add(1, Ordering::Relaxed);
        run_alone(db, item).await;
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

/// Every write of the batch in one transaction: those of a kind stored many
/// at once first, a savepoint for each kind; then the others, each in a
/// savepoint that is released when it succeeds and rolled back when it
/// fails. Returns how many were stored many at once.
async fn together(db: &Db, batch: &mut [Box<dyn Queued>]) -> Result<u64, DbErr> {
    let tx = db.begin_write().await?;
    let mut stored = vec![false; batch.len()];
    for (kind, run) in kinds_queued_many_times(batch) {
        let mine: Vec<bool> = batch
            .iter()
            .map(|q| q.many().is_some_and(|(k, _)| k == kind))
            .collect();
        // The statements count for the first of them (each is one of the
        // group's statements, counted once).
        let counter = batch
            .iter()
            .zip(&mine)
            .find(|(_, m)| **m)
            .and_then(|(q, _)| q.counter());
        let group: Vec<&mut (dyn Queued + 'static)> = batch
            .iter_mut()
            .zip(&mine)
            .filter(|(_, m)| **m)
            .map(|(q, _)| &mut **q)
            .collect();
        let ok = query_count::counting_for(counter, async {
            let savepoint = tx.begin().await?;
            if run(group, &savepoint).await {
                savepoint.commit().await?;
                Ok::<bool, DbErr>(true)
            } else {
                savepoint.rollback().await?;
                Ok(false)
            }
        })
        .await?;
        if ok {
            for (s, m) in stored.iter_mut().zip(&mine) {
                *s |= *m;
            }
        }
    }
    for (item, _) in batch.iter_mut().zip(&stored).filter(|(_, s)| !**s) {
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
    tx.commit().await?;
    Ok(stored.iter().filter(|s| **s).count() as u64)
}

/// The kinds of write that can be stored many at once and are queued more
/// than once in `batch`, in the order they first appear.
fn kinds_queued_many_times(batch: &[Box<dyn Queued>]) -> Vec<(TypeId, RunMany)> {
    let mut kinds: Vec<(TypeId, RunMany, usize)> = Vec::new();
    for (kind, run) in batch.iter().filter_map(|q| q.many()) {
        match kinds.iter_mut().find(|(k, _, _)| *k == kind) {
            Some((_, _, n)) => *n += 1,
            None => kinds.push((kind, run, 1)),
        }
    }
    kinds
        .into_iter()
        .filter(|(_, _, n)| *n > 1)
        .map(|(k, run, _)| (k, run))
        .collect()
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
