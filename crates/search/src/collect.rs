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
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering as Atomic};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Query};
use tantivy::{
    DocAddress, DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, TERMINATED,
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

    /// Runs the query on every segment (in order) and merges the results.
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
        let mut total = 0;
        let mut entries = Vec::new();
        let mut facets = Vec::new();
        for (ord, reader) in searcher.segment_readers().iter().enumerate() {
            let ord = SegmentOrdinal::try_from(ord).map_err(|_| {
                tantivy::TantivyError::InternalError("too many segments".to_owned())
            })?;
            let mut segment = self.segment(ord, reader)?;
            let mut scorer = weight.scorer(reader, 1.0)?;
            let alive = reader.alive_bitset();
            let mut doc = scorer.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    segment.facets.collect(doc, 0.0);
                    segment.count += 1;
                    segment.offer(doc, &mut || scorer.score());
                }
                doc = scorer.advance();
            }
            total += segment.count;
            entries.extend(segment.heap.into_vec());
            facets.push(segment.facets.harvest());
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
