//! A query's filters (audience, kinds, themes, countries, languages, years)
//! as one bitmap per segment, applied to the text query's matches.
//!
//! As tantivy queries, each filter was a posting list intersected with the
//! text query: the audience (`public`, most of the index) led the
//! intersection and the words were sought to each of its documents, so a
//! common word cost the decoding of the audience's postings and two or
//! three virtual calls per document on top of its own. The documents
//! holding each filter value are already kept per segment for the facets
//! ([`crate::facets::FacetCache`]); a search ORs the listed values of each
//! filter and ANDs the filters into one bitmap (a few word operations per
//! 64 documents), and [`FilteredQuery`] hands the bitmap to the words
//! that drive the text query ([`restrict`]: they drop the documents outside
//! it from each window they read), or tests a bit per candidate — or, when
//! the filter keeps few documents, walks its bits and seeks the text query
//! to them. The filters score nothing (as the zero-score filters they
//! replace), so scores are unchanged.

use std::fmt;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

use crate::at_least::AtLeastScorer;
use crate::optional::CoreOptionalScorer;
use crate::word::WordScorer;

/// The documents of one segment passing every filter.
pub(crate) struct SegmentFilter {
    pub(crate) segment: SegmentId,
    /// One bit per document.
    pub(crate) words: Arc<[u64]>,
    /// Number of set bits.
    pub(crate) count: u64,
}

/// The text query (if any) restricted to the filter's documents.
pub(crate) struct FilteredQuery {
    filter: Arc<Vec<SegmentFilter>>,
    inner: Option<Box<dyn Query>>,
}

impl FilteredQuery {
    pub(crate) fn new(filter: Arc<Vec<SegmentFilter>>, inner: Option<Box<dyn Query>>) -> Self {
        FilteredQuery { filter, inner }
    }
}

impl Clone for FilteredQuery {
    fn clone(&self) -> Self {
        FilteredQuery {
            filter: Arc::clone(&self.filter),
            inner: self.inner.as_ref().map(|q| q.box_clone()),
        }
    }
}

impl fmt::Debug for FilteredQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "Filtered({:?})", self.inner)
    }
}

impl Query for FilteredQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = match &self.inner {
            Some(inner) => Some(inner.weight(enable_scoring)?),
            None => None,
        };
        Ok(Box::new(FilteredWeight {
            filter: Arc::clone(&self.filter),
            inner,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        if let Some(inner) = &self.inner {
            inner.query_terms(visitor);
        }
    }
}

struct FilteredWeight {
    filter: Arc<Vec<SegmentFilter>>,
    inner: Option<Box<dyn Weight>>,
}

/// The text query leads (its documents tested against the bitmap) unless
/// the filter keeps fewer than one in this many of its postings.
const LEAD_RATIO: u64 = 8;

impl Weight for FilteredWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let Some(index) = self
            .filter
            .iter()
            .position(|f| f.segment == reader.segment_id())
        else {
            return Err(tantivy::TantivyError::InternalError(
                "filter built for another searcher".to_owned(),
            ));
        };
        let filter = &self.filter[index];
        if filter.count == 0 {
            return Ok(Box::new(tantivy::query::EmptyScorer));
        }
        let bits = Bits {
            words: Arc::clone(&filter.words),
            count: filter.count,
            doc: 0,
        };
        let Some(inner) = &self.inner else {
            let mut bits = bits;
            bits.doc = bits.next_from(0);
            return Ok(Box::new(bits));
        };
        let mut inner = inner.scorer(reader, boost)?;
        let leads = filter.count.saturating_mul(LEAD_RATIO) < inner.cost();
        if !leads && restrict(&mut inner, &filter.words) {
            // The words drop the filtered-out documents themselves.
            return Ok(inner);
        }
        let mut scorer = FilteredScorer {
            bits,
            inner,
            filter_leads: leads,
            doc: 0,
        };
        scorer.doc = scorer.settle(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new("filtered", scorer.score()))
    }
}

/// Restricts `scorer` to the documents of `filter` if it can do so itself
/// (a word, or a combination of words whose candidates all come from words
/// that can); false if it cannot (it is then unchanged, or restricted in
/// part, which changes nothing of what it matches once filtered).
pub(crate) fn restrict(scorer: &mut Box<dyn Scorer>, filter: &Arc<[u64]>) -> bool {
    if let Some(word) = scorer.downcast_mut::<WordScorer>() {
        word.restrict(Arc::clone(filter));
        return true;
    }
    if let Some(at_least) = scorer.downcast_mut::<AtLeastScorer>() {
        return at_least.restrict(filter);
    }
    if let Some(core) = scorer.downcast_mut::<CoreOptionalScorer>() {
        return core.restrict(filter);
    }
    false
}

/// The filter's documents, scoring 0.
struct Bits {
    words: Arc<[u64]>,
    count: u64,
    doc: DocId,
}

impl Bits {
    #[inline]
    fn contains(&self, doc: DocId) -> bool {
        self.words
            .get((doc / 64) as usize)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    /// The first document at or after `target` passing the filter.
    fn next_from(&self, target: DocId) -> DocId {
        if target == TERMINATED {
            return TERMINATED;
        }
        let words = &self.words;
        let mut word = (target / 64) as usize;
        let Some(&first) = words.get(word) else {
            return TERMINATED;
        };
        let mut bits = first & (u64::MAX << (target % 64));
        loop {
            if bits != 0 {
                return word as DocId * 64 + bits.trailing_zeros();
            }
            word += 1;
            match words.get(word) {
                Some(&w) => bits = w,
                None => return TERMINATED,
            }
        }
    }
}

impl DocSet for Bits {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.next_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.doc = self.next_from(target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        u32::try_from(self.count).unwrap_or(u32::MAX)
    }

    fn cost(&self) -> u64 {
        self.count
    }
}

impl Scorer for Bits {
    fn score(&mut self) -> Score {
        0.0
    }
}

/// The inner scorer's documents that pass the filter.
struct FilteredScorer {
    bits: Bits,
    inner: Box<dyn Scorer>,
    /// Whether the filter's bits propose the candidates (a selective
    /// filter) rather than the inner scorer's documents.
    filter_leads: bool,
    doc: DocId,
}

impl FilteredScorer {
    /// The first match at or after `target`.
    fn settle(&mut self, target: DocId) -> DocId {
        if self.filter_leads {
            let mut candidate = target;
            loop {
                candidate = self.bits.next_from(candidate);
                if candidate == TERMINATED {
                    return TERMINATED;
                }
                let doc = if self.inner.doc() < candidate {
                    self.inner.seek(candidate)
                } else {
                    self.inner.doc()
                };
                if doc == candidate {
                    return doc;
                }
                if doc == TERMINATED {
                    return TERMINATED;
                }
                candidate = doc;
            }
        }
        let mut doc = if self.inner.doc() < target {
            self.inner.seek(target)
        } else {
            self.inner.doc()
        };
        while doc != TERMINATED && !self.bits.contains(doc) {
            doc = self.inner.advance();
        }
        doc
    }
}

impl DocSet for FilteredScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.filter_leads {
            self.doc = self.settle(self.doc + 1);
            return self.doc;
        }
        let mut doc = self.inner.advance();
        while doc != TERMINATED && !self.bits.contains(doc) {
            doc = self.inner.advance();
        }
        self.doc = doc;
        doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.doc = self.settle(target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint().min(self.bits.size_hint())
    }

    fn cost(&self) -> u64 {
        self.inner.cost().min(self.bits.cost())
    }
}

impl Scorer for FilteredScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}
