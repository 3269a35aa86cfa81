//! What the scorers' tests share: a replayable generator of small texts,
//! every match of a query with its score, and one set of word weights.

use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::{DocAddress, Index, Score};

use crate::word::WordScoring;

/// A small deterministic generator (xorshift), so failures replay.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }

    /// A text of `words`, the later ones rarer (the i-th with odds
    /// 1 in i + `spread`), each present one to three times.
    pub(crate) fn text(&mut self, words: &[&str], spread: u64) -> String {
        let mut out = Vec::new();
        for (i, w) in words.iter().enumerate() {
            if self.below(i as u64 + spread) == 0 {
                for _ in 0..=self.below(3) {
                    out.push(*w);
                }
            }
        }
        out.join(" ")
    }
}

/// Every match with its score, in document order.
pub(crate) fn matches(index: &Index, query: &dyn Query) -> Vec<(DocAddress, Score)> {
    let searcher = index.reader().expect("reader").searcher();
    let mut all = searcher
        .search(query, &TopDocs::with_limit(100_000).order_by_score())
        .expect("search");
    all.sort_by_key(|(_, address)| *address);
    all.into_iter().map(|(s, a)| (a, s)).collect()
}

/// Word weights for the tests (the app's own come from its settings).
pub(crate) const SCORING: WordScoring = WordScoring {
    concept_floor: 2.0,
    concept_boost: 1.0,
    exact_floor: 2.0,
    approx_floor: 1.0,
    approx_cap: 0.9,
    theme_score: 0.5,
    tie_breaker: 0.1,
    direct_share: 0.7,
};
