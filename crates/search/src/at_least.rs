//! "At least m of these n clauses", led by the rarest clauses.
//!
//! tantivy's minimum-should-match union walks every document that matches
//! any clause and cannot skip ahead (`seek` falls back to advancing one
//! document at a time), so a query of several words costs the postings of
//! its commonest word even when a filter or a rare word would allow
//! skipping. A document matching at least `m` of `n` clauses matches at
//! least one of any `n − m + 1` of them; this scorer draws its candidates
//! from the `n − m + 1` rarest clauses (the *leads*) and only seeks the
//! `m − 1` commoner ones (the *tails*) to each candidate. It also seeks
//! properly, so an intersection led by a selective filter skips through it.
//!
//! Scores are those of a summing union: a matching document scores the sum
//! of the scores of the clauses it matches, as tantivy's own union does.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// Matches documents matched by at least `minimum` of `clauses`.
pub(crate) struct AtLeastQuery {
    clauses: Vec<Box<dyn Query>>,
    minimum: usize,
}

impl AtLeastQuery {
    /// `minimum` is clamped to `1..=clauses.len()`.
    pub(crate) fn new(clauses: Vec<Box<dyn Query>>, minimum: usize) -> Self {
        let minimum = minimum.clamp(1, clauses.len().max(1));
        AtLeastQuery { clauses, minimum }
    }
}

impl Clone for AtLeastQuery {
    fn clone(&self) -> Self {
        AtLeastQuery {
            clauses: self.clauses.iter().map(|c| c.box_clone()).collect(),
            minimum: self.minimum,
        }
    }
}

impl fmt::Debug for AtLeastQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "AtLeast({} of {:?})", self.minimum, self.clauses)
    }
}

impl Query for AtLeastQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weights = self
            .clauses
            .iter()
            .map(|c| c.weight(enable_scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(AtLeastWeight {
            weights,
            minimum: self.minimum,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for clause in &self.clauses {
            clause.query_terms(visitor);
        }
    }
}

struct AtLeastWeight {
    weights: Vec<Box<dyn Weight>>,
    minimum: usize,
}

impl Weight for AtLeastWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let scorers = self
            .weights
            .iter()
            .map(|w| w.scorer(reader, boost))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(Box::new(AtLeastScorer::new(scorers, self.minimum)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} matches fewer than {} clauses",
                self.minimum
            )));
        }
        let mut explanation = Explanation::new_with_string(
            format!("sum of the clauses matched (at least {})", self.minimum),
            scorer.score(),
        );
        for weight in &self.weights {
            if let Ok(detail) = weight.explain(reader, doc) {
                explanation.add_detail(detail);
            }
        }
        Ok(explanation)
    }
}

/// The scorer: `leads` (rarest first) propose candidates, `tails` are sought.
pub(crate) struct AtLeastScorer {
    leads: Vec<Box<dyn Scorer>>,
    /// The leads' current documents (read once per move, not per test).
    lead_docs: Vec<DocId>,
    tails: Vec<Box<dyn Scorer>>,
    minimum: usize,
    doc: DocId,
}

impl AtLeastScorer {
    pub(crate) fn new(mut scorers: Vec<Box<dyn Scorer>>, minimum: usize) -> Self {
        let minimum = minimum.clamp(1, scorers.len().max(1));
        scorers.sort_by_key(|s| s.cost());
        let tails = scorers.split_off((scorers.len() + 1).saturating_sub(minimum));
        let lead_docs = scorers.iter().map(|l| l.doc()).collect();
        let mut scorer = AtLeastScorer {
            leads: scorers,
            lead_docs,
            tails,
            minimum,
            doc: 0,
        };
        scorer.settle();
        scorer
    }

    /// Restricts the leads to `filter` (see [`crate::filter::restrict`]):
    /// true if every lead could be.
    pub(crate) fn restrict(&mut self, filter: &std::sync::Arc<[u64]>) -> bool {
        let mut all = true;
        for (lead, doc) in self.leads.iter_mut().zip(&mut self.lead_docs) {
            all &= crate::filter::restrict(lead, filter);
            *doc = lead.doc();
        }
        self.settle();
        all
    }

    /// Moves to the first document at or after the leads' smallest current
    /// document that matches at least `minimum` clauses. Only counts: the
    /// score is summed when asked for.
    fn settle(&mut self) -> DocId {
        loop {
            let candidate = self.lead_docs.iter().copied().min().unwrap_or(TERMINATED);
            if candidate == TERMINATED {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            let mut matched = self.lead_docs.iter().filter(|&&d| d == candidate).count();
            let mut left = self.tails.len();
            for tail in &mut self.tails {
                if matched >= self.minimum || matched + left < self.minimum {
                    break;
                }
                left -= 1;
                let doc = if tail.doc() < candidate {
                    tail.seek(candidate)
                } else {
                    tail.doc()
                };
                if doc == candidate {
                    matched += 1;
                }
            }
            if matched >= self.minimum {
                self.doc = candidate;
                return candidate;
            }
            for (lead, doc) in self.leads.iter_mut().zip(&mut self.lead_docs) {
                if *doc == candidate {
                    *doc = lead.advance();
                }
            }
        }
    }
}

impl DocSet for AtLeastScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let current = self.doc;
        for (lead, doc) in self.leads.iter_mut().zip(&mut self.lead_docs) {
            if *doc == current {
                *doc = lead.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for (lead, doc) in self.leads.iter_mut().zip(&mut self.lead_docs) {
            if *doc < target {
                *doc = lead.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.leads
            .iter()
            .map(|l| l.size_hint())
            .fold(0u32, u32::saturating_add)
    }

    fn cost(&self) -> u64 {
        self.leads
            .iter()
            .map(|l| l.cost())
            .fold(0u64, u64::saturating_add)
    }
}

impl Scorer for AtLeastScorer {
    /// The sum of the scores of the clauses on the document, leads then
    /// tails (the tails not sought yet are sought now).
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut score = 0.0;
        for (lead, at) in self.leads.iter_mut().zip(&self.lead_docs) {
            if *at == doc {
                score += lead.score();
            }
        }
        for tail in &mut self.tails {
            let at = if tail.doc() < doc {
                tail.seek(doc)
            } else {
                tail.doc()
            };
            if at == doc {
                score += tail.score();
            }
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use super::AtLeastQuery;
    use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
    use tantivy::schema::{IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{Index, IndexWriter, Term, doc};

    use crate::test_corpus::{Rng, matches};

    const WORDS: [&str; 8] = ["w0", "w1", "w2", "w3", "w4", "w5", "w6", "w7"];

    #[test]
    fn agrees_with_tantivys_minimum_should_match_with_and_without_a_filter() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let tag = schema.add_text_field("tag", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).expect("writer");
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        // Word i appears with probability about 1/(i+1): some common, some rare.
        for _segment in 0..3 {
            for _ in 0..700 {
                let mut words = Vec::new();
                for (i, w) in WORDS.iter().enumerate() {
                    if rng.below(i as u64 + 1) == 0 {
                        for _ in 0..=rng.below(3) {
                            words.push(*w);
                        }
                    }
                }
                let tag_value = if rng.below(10) == 0 { "rare" } else { "common" };
                writer
                    .add_document(doc!(text => words.join(" "), tag => tag_value))
                    .expect("add");
            }
            writer.commit().expect("commit");
        }
        let term = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(text, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        let mut compared = 0;
        for round in 0..60 {
            let n = 3 + rng.below(5) as usize;
            let mut picked: Vec<&str> = Vec::new();
            while picked.len() < n {
                let w = WORDS[rng.below(WORDS.len() as u64) as usize];
                if !picked.contains(&w) {
                    picked.push(w);
                }
            }
            let minimum = 2 + rng.below(n as u64 - 2) as usize;
            let clauses = || picked.iter().map(|w| term(w)).collect::<Vec<_>>();
            let ours = AtLeastQuery::new(clauses(), minimum);
            let theirs = BooleanQuery::union_with_minimum_required_clauses(clauses(), minimum);
            let filtered = |q: Box<dyn Query>| {
                BooleanQuery::new(vec![
                    (
                        Occur::Must,
                        Box::new(TermQuery::new(
                            Term::from_field_text(tag, "rare"),
                            IndexRecordOption::Basic,
                        )) as Box<dyn Query>,
                    ),
                    (Occur::Must, q),
                ])
            };
            for (a, b) in [
                (matches(&index, &ours), matches(&index, &theirs)),
                (
                    matches(&index, &filtered(Box::new(ours.clone()))),
                    matches(&index, &filtered(Box::new(theirs.clone()))),
                ),
            ] {
                assert_eq!(
                    a.iter().map(|m| m.0).collect::<Vec<_>>(),
                    b.iter().map(|m| m.0).collect::<Vec<_>>(),
                    "round {round}: {minimum} of {picked:?}"
                );
                for ((_, x), (_, y)) in a.iter().zip(&b) {
                    assert!((x - y).abs() < 1e-4, "round {round}: score {x} vs {y}");
                }
                compared += a.len();
            }
        }
        // The corpus is built so that the queries match something.
        assert!(compared > 1_000, "only {compared} matches compared");
    }
}
