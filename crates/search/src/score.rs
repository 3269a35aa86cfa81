//! A query wrapper putting the wrapped query's score into a tier.
//!
//! Used to rank tiers on top of BM25: an exact match of a query word scores
//! `2 + BM25`, a fuzzy or prefix match `1 + 0.9·s/(s+1)` (always below 2),
//! so every exact match of a word beats every approximate one, and BM25
//! still orders the documents within a tier.
//!
//! The search no longer nests these wrappers (see [`crate::word`], which
//! scores a word's tiers in one pass): this is the reference its tests
//! compare with, built as the search built its queries before.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{
    COLLECT_BLOCK_BUFFER_LEN, DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term,
};

/// Matches what the inner query matches; scores `floor + s`, or, with a
/// cap, `floor + cap·s/(s+1)` (which stays below `floor + cap`).
pub(crate) struct TierQuery {
    inner: Box<dyn Query>,
    floor: Score,
    cap: Option<Score>,
}

impl TierQuery {
    /// Scores `floor + s`.
    pub(crate) fn uncapped(inner: Box<dyn Query>, floor: Score) -> Self {
        TierQuery {
            inner,
            floor,
            cap: None,
        }
    }

    /// Scores `floor + cap·s/(s+1)`.
    pub(crate) fn capped(inner: Box<dyn Query>, floor: Score, cap: Score) -> Self {
        TierQuery {
            inner,
            floor,
            cap: Some(cap),
        }
    }
}

fn tier(score: Score, floor: Score, cap: Option<Score>) -> Score {
    match cap {
        None => floor + score,
        Some(cap) => floor + cap * score.max(0.0) / (score.max(0.0) + 1.0),
    }
}

impl Clone for TierQuery {
    fn clone(&self) -> Self {
        TierQuery {
            inner: self.inner.box_clone(),
            floor: self.floor,
            cap: self.cap,
        }
    }
}

impl fmt::Debug for TierQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "Tier(+{}, cap {:?}, {:?})",
            self.floor, self.cap, self.inner
        )
    }
}

impl Query for TierQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.inner.weight(enable_scoring)?;
        if enable_scoring.is_scoring_enabled() {
            Ok(Box::new(TierWeight {
                inner,
                floor: self.floor,
                cap: self.cap,
            }))
        } else {
            Ok(inner)
        }
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct TierWeight {
    inner: Box<dyn Weight>,
    floor: Score,
    cap: Option<Score>,
}

impl Weight for TierWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.inner.scorer(reader, 1.0)?;
        Ok(Box::new(TierScorer {
            inner,
            floor: self.floor,
            cap: self.cap,
            boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let mut explanation = Explanation::new_with_string(
            format!("tier floor {} cap {:?}", self.floor, self.cap),
            tier(inner.value(), self.floor, self.cap),
        );
        explanation.add_detail(inner);
        Ok(explanation)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct TierScorer {
    inner: Box<dyn Scorer>,
    floor: Score,
    cap: Option<Score>,
    boost: Score,
}

impl DocSet for TierScorer {
    fn advance(&mut self) -> DocId {
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.inner.seek(target)
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        self.inner.seek_danger(target)
    }

    fn fill_buffer(&mut self, buffer: &mut [DocId; COLLECT_BLOCK_BUFFER_LEN]) -> usize {
        self.inner.fill_buffer(buffer)
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    fn cost(&self) -> u64 {
        self.inner.cost()
    }
}

impl Scorer for TierScorer {
    fn score(&mut self) -> Score {
        self.boost * tier(self.inner.score(), self.floor, self.cap)
    }
}
