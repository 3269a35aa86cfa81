//! Required words plus optional ones, the optional ones sought only for
//! documents that can still enter the page.
//!
//! An optional word (a stop word, or a word in most documents) only adds
//! to the score of what the required words match, and seeking its terms
//! (a dozen posting lists: every field and language) to each match cost as
//! much as the required words themselves when they match many documents.
//! Its score has a ceiling (each of its terms at its highest BM25); a
//! document whose required score plus that ceiling stays below the page's
//! [`Threshold`] cannot enter the page, so its optional words are not
//! sought and it is scored by its required words alone (a lower score that
//! keeps it out all the same). Documents that can enter get the score the
//! boolean query gave: required plus optional.

use std::fmt;
use std::sync::Arc;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

use crate::collect::Threshold;
use crate::word::{LazyWordScorer, WordQuery};

/// Margin over the computed ceiling, for the rounding of sums taken in
/// another order.
const CEILING_MARGIN: Score = 1.0001;

/// `core`, plus the sum of the `optional` words (lazy) where they match.
pub(crate) struct CoreOptionalQuery {
    core: Box<dyn Query>,
    optional: Vec<WordQuery>,
    threshold: Arc<Threshold>,
}

impl CoreOptionalQuery {
    pub(crate) fn new(
        core: Box<dyn Query>,
        optional: Vec<WordQuery>,
        threshold: Arc<Threshold>,
    ) -> Self {
        CoreOptionalQuery {
            core,
            optional,
            threshold,
        }
    }
}

impl Clone for CoreOptionalQuery {
    fn clone(&self) -> Self {
        CoreOptionalQuery {
            core: self.core.box_clone(),
            optional: self.optional.clone(),
            threshold: Arc::clone(&self.threshold),
        }
    }
}

impl fmt::Debug for CoreOptionalQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "CoreOptional({:?}, {:?})", self.core, self.optional)
    }
}

impl Query for CoreOptionalQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let core = self.core.weight(enable_scoring)?;
        if !enable_scoring.is_scoring_enabled() {
            // The optional words match nothing the core does not.
            return Ok(core);
        }
        let optional = self
            .optional
            .iter()
            .map(|w| w.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(CoreOptionalWeight {
            core,
            optional,
            threshold: Arc::clone(&self.threshold),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.core.query_terms(visitor);
        for word in &self.optional {
            word.query_terms(visitor);
        }
    }
}

struct CoreOptionalWeight {
    core: Box<dyn Weight>,
    optional: Vec<Box<dyn Weight>>,
    threshold: Arc<Threshold>,
}

impl Weight for CoreOptionalWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let core = self.core.scorer(reader, boost)?;
        let mut optional = Vec::with_capacity(self.optional.len());
        for weight in &self.optional {
            let scorer = weight.scorer(reader, boost)?;
            if scorer.doc() == TERMINATED {
                continue;
            }
            optional.push(scorer);
        }
        if optional.is_empty() {
            return Ok(core);
        }
        Ok(Box::new(CoreOptionalScorer {
            core,
            optional,
            threshold: Arc::clone(&self.threshold),
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )));
        }
        Ok(Explanation::new(
            "required words plus optional words",
            scorer.score(),
        ))
    }
}

pub(crate) struct CoreOptionalScorer {
    core: Box<dyn Scorer>,
    /// The optional words (lazy word scorers), in clause order.
    optional: Vec<Box<dyn Scorer>>,
    threshold: Arc<Threshold>,
}

impl CoreOptionalScorer {
    /// Restricts the required words to `filter` (see
    /// [`crate::filter::restrict`]).
    pub(crate) fn restrict(&mut self, filter: &Arc<[u64]>) -> bool {
        crate::filter::restrict(&mut self.core, filter)
    }

    /// A ceiling of the optional words' score on `doc`.
    fn ceiling(&mut self, doc: DocId) -> Score {
        let mut ceiling: Score = 0.0;
        for word in &mut self.optional {
            ceiling += match word.downcast_mut::<LazyWordScorer>() {
                Some(word) => word.ceiling(doc),
                None => return Score::INFINITY,
            };
        }
        ceiling * CEILING_MARGIN
    }
}

impl DocSet for CoreOptionalScorer {
    fn advance(&mut self) -> DocId {
        self.core.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.core.seek(target)
    }

    fn doc(&self) -> DocId {
        self.core.doc()
    }

    fn size_hint(&self) -> u32 {
        self.core.size_hint()
    }

    fn cost(&self) -> u64 {
        self.core.cost()
    }
}

impl Scorer for CoreOptionalScorer {
    fn score(&mut self) -> Score {
        let score = self.core.score();
        let doc = self.core.doc();
        let threshold = self.threshold.get();
        if threshold > 0.0 && score + self.ceiling(doc) < threshold {
            return score;
        }
        // As the summing union of the optional words, then added to the
        // required score (as tantivy's required-optional scorer does).
        let mut optional: Score = 0.0;
        for word in &mut self.optional {
            let at = if word.doc() < doc {
                word.seek(doc)
            } else {
                word.doc()
            };
            if at == doc {
                optional += word.score();
            }
        }
        score + optional
    }
}
