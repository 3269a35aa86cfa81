//! One pass over a query's matches: the total, the facet counts and the
//! requested page, with scores computed only where they can matter.
//!
//! tantivy's collectors (top documents, count, facets as a tuple) are fed
//! every match with its score: the scorer computes each document's score
//! before any collector sees it. [`Gather`] drives the scorer itself:
//! every match is counted and marked for the facets, but
//!
//! * sorted by newest, a document's score (the tie-breaker) is computed
//!   only when its date can enter the page;
//! * sorted by relevance, the score of the page's last document so far
//!   (the k-th best, a lower bound of the final one) is published as a
//!   [`Threshold`], which scorers read to skip the optional part of a
//!   score that cannot reach it (see [`crate::optional`]).
//!
//! The order is tantivy's: by the sort key (score then date, or date then
//! score; a document without a date after those with one), then by
//! ascending document address.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering as Atomic};
use std::sync::{Arc, OnceLock};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Query};
use tantivy::{
    DocAddress, DocId, DocSet, Executor, Score, Searcher, SegmentOrdinal, SegmentReader, TERMINATED,
};

use crate::facets::{FacetCollector, FacetSegmentCollector, Facets};

/// The lowest score a document needs to enter the page, as far as known
/// (shared by the collector, which raises it, and the scorers, which read
/// it). Scores are non-negative, so their bits order as they do.
#[derive(Debug, Default)]
pub(crate) struct Threshold(AtomicU32);

impl Threshold {
    pub(crate) fn get(&self) -> Score {
        Score::from_bits(self.0.load(Atomic::Relaxed))
    }

    fn raise(&self, score: Score) {
        if score > 0.0 {
            self.0.fetch_max(score.to_bits(), Atomic::Relaxed);
        }
    }
}

/// Order of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// Score, then date.
    Relevance,
    /// Date, then score.
    Newest,
}

/// A candidate for the page.
#[derive(Clone, Copy, Debug)]
struct Entry {
    score: Score,
    date: Option<u64>,
    doc: DocAddress,
    order: Order,
}

impl Entry {
    /// Greater is better.
    fn rank(&self, other: &Entry) -> Ordering {
        let score = self
            .score
            .partial_cmp(&other.score)
            .unwrap_or(Ordering::Equal);
        let date = self.date.cmp(&other.date);
        let key = match self.order {
            Order::Relevance => score.then(date),
            Order::Newest => date.then(score),
        };
        key.then(other.doc.cmp(&self.doc))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.rank(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    /// Reversed: the heap's top is the worst entry.
    fn cmp(&self, other: &Self) -> Ordering {
        other.rank(self)
    }
}

/// Total, page (`limit` after `offset`, with scores) and facets.
pub(crate) struct Gather {
    pub(crate) facets: FacetCollector,
    pub(crate) offset: usize,
    pub(crate) limit: usize,
    pub(crate) order: Order,
    pub(crate) threshold: Arc<Threshold>,
    pub(crate) date_field: &'static str,
    /// How large segments are cut for the search threads.
    pub(crate) split: Split,
}

/// How a segment is cut into parts searched at once.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Split {
    /// At most this many parts per segment.
    pub(crate) parts: u32,
    /// Each part holds at least this many documents.
    pub(crate) min_docs: u32,
}

impl Split {
    /// Every segment whole.
    pub(crate) const WHOLE: Split = Split {
        parts: 1,
        min_docs: 1,
    };

    /// As searches run: as many parts as there are search threads, none
    /// under 250,000 documents. At 100,000 documents, two parts of 50,000
    /// were slower than the whole segment (corpus_bench p95 5.81 and 6.50 ms
    /// against 4.33 and 5.66 on a 2-core machine): each part starts its own
    /// scorer and windows, and the cores share more than they seem to.
    pub(crate) fn threads() -> Split {
        Split {
            parts: u32::try_from(search_thread_count()).unwrap_or(1),
            min_docs: 250_000,
        }
    }

    /// The document ranges of a segment of `max_doc` documents.
    fn ranges(self, max_doc: DocId) -> Vec<Range<DocId>> {
        let parts = (max_doc / self.min_docs.max(1)).clamp(1, self.parts.max(1));
        let step = max_doc.div_ceil(parts).max(1);
        (0..parts)
            .map(|i| {
                let start = i.saturating_mul(step).min(max_doc);
                let end = if i + 1 == parts {
                    TERMINATED
                } else {
                    start.saturating_add(step).min(max_doc)
                };
                start..end
            })
            .collect()
    }
}

/// Threads for searches: as many as the machine has cores, at most 8
/// (read once: the count reads the process's CPU set and cgroup limits).
fn search_thread_count() -> usize {
    static COUNT: OnceLock<usize> = OnceLock::new();
    *COUNT.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(8)))
}

/// The search threads, held by one search at a time (released on drop).
struct ThreadsInUse;

static THREADS_TAKEN: AtomicBool = AtomicBool::new(false);

/// Searches run in parts on the search threads (for tests).
#[cfg(test)]
pub(crate) static SEARCHES_IN_PARTS: std::sync::atomic::AtomicUsize =
    std::sync::atomic::AtomicUsize::new(0);

impl ThreadsInUse {
    /// The search threads, if no other search holds them.
    fn take() -> Option<ThreadsInUse> {
        THREADS_TAKEN
            .compare_exchange(false, true, Atomic::Acquire, Atomic::Relaxed)
            .is_ok()
            .then_some(ThreadsInUse)
    }
}

impl Drop for ThreadsInUse {
    fn drop(&mut self) {
        THREADS_TAKEN.store(false, Atomic::Release);
    }
}

/// The pool the parts of one search run on, shared by every index of the
/// process (made on first use). A machine that cannot start threads
/// searches the parts one after the other on the calling thread.
fn search_threads() -> &'static Executor {
    static POOL: OnceLock<Executor> = OnceLock::new();
    POOL.get_or_init(|| {
        Executor::multi_thread(search_thread_count(), "search-")
            .unwrap_or_else(|_| Executor::single_thread())
    })
}

struct GatherSegment {
    facets: FacetSegmentCollector,
    count: usize,
    /// The best `k` so far, worst on top.
    heap: BinaryHeap<Entry>,
    k: usize,
    order: Order,
    segment: SegmentOrdinal,
    dates: Column<u64>,
    threshold: Arc<Threshold>,
}

impl GatherSegment {
    /// Offers a match to the page: its date and score (computed by `score`
    /// only if needed) decide whether it enters the best `k` so far.
    fn offer(&mut self, doc: DocId, score: &mut dyn FnMut() -> Score) {
        if self.k == 0 {
            return;
        }
        let full = self.heap.len() >= self.k;
        let address = DocAddress::new(self.segment, doc);
        let entry = match self.order {
            Order::Relevance => {
                let score = score();
                if full {
                    let worst = self.heap.peek().expect("full heap");
                    if score < worst.score {
                        return;
                    }
                }
                Entry {
                    score,
                    date: self.dates.first(doc),
                    doc: address,
                    order: self.order,
                }
            }
            Order::Newest => {
                let date = self.dates.first(doc);
                if full {
                    let worst = self.heap.peek().expect("full heap");
                    if date < worst.date {
                        return;
                    }
                }
                Entry {
                    score: score(),
                    date,
                    doc: address,
                    order: self.order,
                }
            }
        };
        if !full {
            self.heap.push(entry);
        } else {
            let mut worst = self.heap.peek_mut().expect("full heap");
            if entry.rank(&worst) != Ordering::Greater {
                return;
            }
            *worst = entry;
        }
        if self.heap.len() >= self.k && self.order == Order::Relevance {
            let worst = self.heap.peek().expect("full heap");
            self.threshold.raise(worst.score);
        }
    }
}

/// What [`Gather`] returns: total, page, facets.
pub(crate) type Gathered = (usize, Vec<(Score, DocAddress)>, Facets);

impl Gather {
    fn segment(
        &self,
        ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<GatherSegment> {
        let facets = self.facets.for_segment(ord, reader)?;
        let dates = reader
            .fast_fields()
            .u64_lenient(self.date_field)?
            .map(|(column, _)| column)
            .ok_or_else(|| {
                tantivy::TantivyError::InternalError(format!("no fast field {}", self.date_field))
            })?;
        let k = self.offset.saturating_add(self.limit);
        Ok(GatherSegment {
            facets,
            count: 0,
            heap: BinaryHeap::with_capacity(k.min(4096)),
            k,
            order: self.order,
            segment: ord,
            dates,
            threshold: Arc::clone(&self.threshold),
        })
    }

    /// Runs the query on every segment and merges the results. A large
    /// segment is searched in parts (ranges of document ids) on the search
    /// threads at once; each part keeps its own best `k`, counts and facet
    /// marks, which add up because the parts do not overlap.
    pub(crate) fn search(
        &self,
        searcher: &Searcher,
        query: &dyn Query,
    ) -> tantivy::Result<Gathered> {
        // No page: only the matches count.
        let weight = query.weight(if self.limit == 0 {
            EnableScoring::disabled_from_searcher(searcher)
        } else {
            EnableScoring::enabled_from_searcher(searcher)
        })?;
        // Small indexes (however many segments) stay on the calling thread,
        // and so does a search while another one has the search threads:
        // under load, parts would only add work (each part has its own
        // start and end) to the same cores.
        let docs: u64 = searcher
            .segment_readers()
            .iter()
            .map(|r| u64::from(r.max_doc()))
            .sum();
        let threads = (docs >= u64::from(self.split.min_docs))
            .then(ThreadsInUse::take)
            .flatten();
        let split = if threads.is_some() {
            self.split
        } else {
            Split::WHOLE
        };
        let mut parts = Vec::new();
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let ord = SegmentOrdinal::try_from(ord).map_err(|_| {
                tantivy::TantivyError::InternalError("too many segments".to_owned())
            })?;
            for range in split.ranges(reader.max_doc()) {
                parts.push((ord, reader, range));
            }
        }
        // One part needs no other thread: the threads are left to others.
        let threads = threads.filter(|_| parts.len() > 1);
        let run = |(ord, reader, range): (SegmentOrdinal, &SegmentReader, Range<DocId>)| {
            let mut segment = self.segment(ord, reader)?;
            let mut scorer = weight.scorer(reader, 1.0)?;
            let alive = reader.alive_bitset();
            let mut doc = scorer.doc();
            if doc < range.start {
                doc = scorer.seek(range.start);
            }
            while doc < range.end {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    segment.facets.collect(doc, 0.0);
                    segment.count += 1;
                    segment.offer(doc, &mut || scorer.score());
                }
                doc = scorer.advance();
            }
            Ok((
                segment.count,
                segment.heap.into_vec(),
                segment.facets.harvest(),
            ))
        };
        let done = if threads.is_some() {
            #[cfg(test)]
            SEARCHES_IN_PARTS.fetch_add(1, Atomic::Relaxed);
            search_threads().map(run, parts.into_iter())?
        } else {
            parts
                .into_iter()
                .map(run)
                .collect::<tantivy::Result<Vec<_>>>()?
        };
        drop(threads);
        let mut total = 0;
        let mut entries = Vec::new();
        let mut facets = Vec::new();
        for (count, heap, marked) in done {
            total += count;
            entries.extend(heap);
            facets.push(marked);
        }
        entries.sort_by(|a, b| b.rank(a));
        let page = entries
            .into_iter()
            .skip(self.offset)
            .take(self.limit)
            .map(|e| (e.score, e.doc))
            .collect();
        Ok((total, page, self.facets.merge_fruits(facets)?))
    }
}

#[cfg(test)]
mod tests {
    use super::Split;
    use tantivy::TERMINATED;

    /// The parts of a segment follow each other from its first document,
    /// the last one open-ended; none is smaller than asked unless the
    /// segment is; there are never more than asked.
    #[test]
    fn parts_cover_the_segment_in_order() {
        for (parts, min_docs) in [(1, 1), (2, 50_000), (3, 1000), (8, 7)] {
            for max_doc in [0, 1, 6, 999, 1000, 2999, 3000, 100_000, 1_000_000] {
                let split = Split { parts, min_docs };
                let ranges = split.ranges(max_doc);
                assert!(!ranges.is_empty() && ranges.len() <= parts as usize);
                assert_eq!(ranges[0].start, 0);
                assert_eq!(ranges[ranges.len() - 1].end, TERMINATED);
                for pair in ranges.windows(2) {
                    assert_eq!(pair[0].end, pair[1].start, "{ranges:?}");
                    assert!(pair[0].end - pair[0].start >= min_docs, "{ranges:?}");
                }
                if max_doc >= min_docs * 2 && parts > 1 {
                    assert!(ranges.len() > 1, "{max_doc} in {ranges:?}");
                }
            }
        }
    }
}
