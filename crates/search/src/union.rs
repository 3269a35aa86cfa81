//! A summing union that scores lazily and seeks without buffering.
//!
//! tantivy's union (`BooleanQuery::union`) fills a window of 4096 documents
//! at a time: it advances every clause through the window and computes the
//! score of every posting in it, whether or not the document is wanted. That
//! is right when the union drives the search alone, but a query word is
//! mostly *not* alone: it is intersected with the audience filter and the
//! other words, or added to a match as an optional (common or stop) word.
//! Then each `seek` either lands in the window (cheap, but the window was
//! paid in full) or re-seeks every clause and fills a new window: a common
//! optional word cost the scoring of its whole posting lists for a query
//! whose rare words match a few thousand documents.
//!
//! [`SumUnionQuery`] matches the same documents and gives the same scores
//! (the sum, in clause order, of the scores of the clauses matching the
//! document, as tantivy's summing union does) but moves its clauses only
//! as asked: `advance` moves the clauses on the current document, `seek`
//! seeks each clause (through the posting skip lists), and a document's
//! score is computed only when asked for. It adds a query's optional words
//! (each a lazy [`crate::word::WordQuery`]) to what its required words match.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// Matches documents matched by any of `clauses`; scores the sum of the
/// scores of those that match.
pub(crate) struct SumUnionQuery {
    clauses: Vec<Box<dyn Query>>,
}

impl SumUnionQuery {
    pub(crate) fn new(clauses: Vec<Box<dyn Query>>) -> Self {
        SumUnionQuery { clauses }
    }
}

impl Clone for SumUnionQuery {
    fn clone(&self) -> Self {
        SumUnionQuery {
            clauses: self.clauses.iter().map(|c| c.box_clone()).collect(),
        }
    }
}

impl fmt::Debug for SumUnionQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "SumUnion({:?})", self.clauses)
    }
}

impl Query for SumUnionQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .clauses
            .iter()
            .map(|c| c.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(SumUnionWeight { weights }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in &self.clauses {
            clause.query_terms(visitor);
        }
    }
}

struct SumUnionWeight {
    weights: Vec<Box<dyn Weight>>,
}

impl Weight for SumUnionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorers = Vec::with_capacity(self.weights.len());
        for weight in &self.weights {
            let scorer = weight.scorer(reader, boost)?;
            // Terms absent from the segment give empty scorers: dropped.
            if scorer.doc() != TERMINATED {
                scorers.push(scorer);
            }
        }
        Ok(match scorers.len() {
            0 => Box::new(tantivy::query::EmptyScorer),
            1 => scorers.pop().expect("one scorer"),
            _ => Box::new(SumUnionScorer::new(scorers)),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} matches no clause"
            )));
        }
        let mut explanation = Explanation::new("sum of the clauses matched", scorer.score());
        for weight in &self.weights {
            if let Ok(detail) = weight.explain(reader, doc) {
                explanation.add_detail(detail);
            }
        }
        Ok(explanation)
    }
}

/// The union of at least two clauses, each positioned on its next document
/// (clauses that run out are dropped; their order is kept, so scores are
/// summed in clause order).
pub(crate) struct SumUnionScorer {
    scorers: Vec<Box<dyn Scorer>>,
    doc: DocId,
}

impl SumUnionScorer {
    pub(crate) fn new(scorers: Vec<Box<dyn Scorer>>) -> Self {
        let doc = scorers.iter().map(|s| s.doc()).min().unwrap_or(TERMINATED);
        SumUnionScorer { scorers, doc }
    }

    /// Drops the finished clauses and returns the smallest current document.
    fn settle(&mut self) -> DocId {
        let mut min = TERMINATED;
        let mut finished = false;
        for scorer in &self.scorers {
            let doc = scorer.doc();
            finished |= doc == TERMINATED;
            min = min.min(doc);
        }
        if finished {
            self.scorers.retain(|s| s.doc() != TERMINATED);
        }
        self.doc = min;
        min
    }
}

impl DocSet for SumUnionScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let current = self.doc;
        for scorer in &mut self.scorers {
            if scorer.doc() == current {
                scorer.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for scorer in &mut self.scorers {
            if scorer.doc() < target {
                scorer.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.scorers
            .iter()
            .map(|s| s.size_hint())
            .fold(0u32, u32::saturating_add)
    }

    fn cost(&self) -> u64 {
        self.scorers
            .iter()
            .map(|s| s.cost())
            .fold(0u64, u64::saturating_add)
    }
}

impl Scorer for SumUnionScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut sum: Score = 0.0;
        for scorer in &mut self.scorers {
            if scorer.doc() == doc {
                sum += scorer.score();
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::SumUnionQuery;
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{DocAddress, Index, IndexWriter, Score, Term, doc};

    /// A small deterministic generator (xorshift), so failures replay.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    const WORDS: [&str; 8] = ["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"];

    /// Every match with its score, in document order.
    fn matches(index: &Index, query: &dyn Query) -> Vec<(DocAddress, Score)> {
        let searcher = index.reader().expect("reader").searcher();
        let mut all = searcher
            .search(query, &TopDocs::with_limit(100_000).order_by_score())
            .expect("search");
        all.sort_by_key(|(_, address)| *address);
        all.into_iter().map(|(s, a)| (a, s)).collect()
    }

    #[test]
    fn agrees_with_tantivys_union_alone_filtered_and_optional() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let other = schema.add_text_field("other", TEXT);
        let tag = schema.add_text_field("tag", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).expect("writer");
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _segment in 0..3 {
            for _ in 0..3000 {
                let mut words = Vec::new();
                let mut others = Vec::new();
                for (i, w) in WORDS.iter().enumerate() {
                    if rng.below(i as u64 + 1) == 0 {
                        for _ in 0..=rng.below(3) {
                            words.push(*w);
                        }
                    }
                    if rng.below(2 * i as u64 + 2) == 0 {
                        others.push(*w);
                    }
                }
                let tag_value = if rng.below(10) == 0 { "rare" } else { "common" };
                writer
                    .add_document(doc!(
                        text => words.join(" "),
                        other => others.join(" "),
                        tag => tag_value
                    ))
                    .expect("add");
            }
            writer.commit().expect("commit");
        }
        let term = |field, w: &str, boost: Score| -> Box<dyn Query> {
            Box::new(BoostQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(field, w),
                    IndexRecordOption::WithFreqs,
                )),
                boost,
            ))
        };
        let rare = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(tag, "rare"),
                IndexRecordOption::Basic,
            ))
        };
        let mut compared = 0;
        for round in 0..40 {
            let n = 1 + rng.below(6) as usize;
            let picked: Vec<(bool, &str)> = (0..n)
                .map(|_| {
                    (
                        rng.below(2) == 0,
                        WORDS[rng.below(WORDS.len() as u64) as usize],
                    )
                })
                .collect();
            let clauses = || {
                picked
                    .iter()
                    .enumerate()
                    .map(|(i, (in_text, w))| {
                        term(if *in_text { text } else { other }, w, 1.0 + i as Score)
                    })
                    .collect::<Vec<_>>()
            };
            let ours = || Box::new(SumUnionQuery::new(clauses())) as Box<dyn Query>;
            let theirs = || Box::new(BooleanQuery::union(clauses())) as Box<dyn Query>;
            let filtered = |q: Box<dyn Query>| {
                BooleanQuery::new(vec![(Occur::Must, rare()), (Occur::Must, q)])
            };
            let optional = |q: Box<dyn Query>| {
                BooleanQuery::new(vec![(Occur::Must, rare()), (Occur::Should, q)])
            };
            for (a, b) in [
                (matches(&index, &ours()), matches(&index, &theirs())),
                (
                    matches(&index, &filtered(ours())),
                    matches(&index, &filtered(theirs())),
                ),
                (
                    matches(&index, &optional(ours())),
                    matches(&index, &optional(theirs())),
                ),
            ] {
                assert_eq!(
                    a.iter().map(|m| m.0).collect::<Vec<_>>(),
                    b.iter().map(|m| m.0).collect::<Vec<_>>(),
                    "round {round}: {picked:?}"
                );
                for ((_, x), (_, y)) in a.iter().zip(&b) {
                    // tantivy's own paths sum in different orders (block-max
                    // WAND for a union alone): equal up to rounding.
                    assert!((x - y).abs() < 1e-4, "round {round}: {x} vs {y} {picked:?}");
                }
                compared += a.len();
            }
        }
        assert!(compared > 10_000, "only {compared} matches compared");
    }
}
