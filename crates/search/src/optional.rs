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
            // An optional word is a lazy `WordQuery`: its scorer is a
            // `LazyWordScorer` (or empty, dropped above).
            let word = scorer.downcast::<LazyWordScorer>().map_err(|_| {
                tantivy::TantivyError::InternalError("an optional word that is not lazy".to_owned())
            })?;
            optional.push(*word);
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
    /// The optional words, in clause order.
    optional: Vec<LazyWordScorer>,
    threshold: Arc<Threshold>,
}

impl CoreOptionalScorer {
    /// Restricts the required words to `filter` (see
    /// [`crate::filter::restrict`]).
    pub(crate) fn restrict(&mut self, filter: &Arc<[u64]>) -> bool {
        crate::filter::restrict(&mut self.core, filter)
    }

    /// A ceiling of the optional words' score on `doc` (see
    /// [`LazyWordScorer::ceiling`]).
    fn ceiling(&mut self, doc: DocId, tight: bool) -> Score {
        let mut ceiling: Score = 0.0;
        for word in &mut self.optional {
            ceiling += word.ceiling(doc, tight);
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
        // The loose ceiling first (rare terms sought), then the tight one
        // (the high ones too).
        if threshold > 0.0
            && (score + self.ceiling(doc, false) < threshold
                || score + self.ceiling(doc, true) < threshold)
        {
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

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Arc;

    use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, TermQuery};
    use tantivy::schema::{FAST, INDEXED, IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{DocAddress, Index, IndexWriter, Order, Score, Term, doc};

    use super::CoreOptionalQuery;
    use crate::collect::{Gather, Order as PageOrder, SEARCHES_IN_PARTS, Split, Threshold};
    use crate::facets::{FacetCache, FacetFields, FilterField, FilterSpec};
    use crate::filter::FilteredQuery;
    use crate::word::WordQuery;

    use crate::test_corpus::{Rng, SCORING};

    const WORDS: [&str; 6] = ["w0", "w1", "w2", "w3", "w4", "w5"];

    /// The page found by [`Gather`] (filter bitmaps, words restricted to
    /// them, optional words skipped below the page's threshold) is the page
    /// of tantivy's top documents for the same query as boolean queries
    /// (filter and required word as MUST clauses, optional words as a
    /// SHOULD union), in both orders and at several offsets.
    #[test]
    fn pages_are_tantivys_top_documents() {
        let mut schema = Schema::builder();
        let title = schema.add_text_field("title", TEXT);
        let body = schema.add_text_field("body", TEXT);
        let concepts = schema.add_text_field("concepts", TEXT);
        let facet = |schema: &mut tantivy::schema::SchemaBuilder, name: &str| {
            schema.add_text_field(name, STRING | FAST)
        };
        let kind = facet(&mut schema, "kind");
        let themes = facet(&mut schema, "themes");
        let countries = facet(&mut schema, "countries");
        let languages = facet(&mut schema, "languages");
        let year = schema.add_i64_field("year", INDEXED | FAST);
        let audience = schema.add_text_field("audience", STRING);
        let date = schema.add_i64_field("date", FAST);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).expect("writer");
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let text = |rng: &mut Rng, spread: u64| rng.text(&WORDS, spread);
        for _segment in 0..2 {
            for _ in 0..6000 {
                let document = doc!(
                    title => text(&mut rng, 3),
                    body => text(&mut rng, 1),
                    concepts => text(&mut rng, 2),
                    kind => "k",
                    themes => "t",
                    countries => "c",
                    languages => "l",
                    year => 2020i64,
                    audience => if rng.below(5) == 0 { "members" } else { "public" },
                    // Few distinct dates: ties, broken by score then address.
                    date => rng.below(50) as i64
                );
                writer.add_document(document).expect("add");
            }
            writer.commit().expect("commit");
        }
        let searcher = index.reader().expect("reader").searcher();
        let cache = FacetCache::new(FacetFields {
            strings: [kind, themes, countries, languages],
            year,
            audience,
        });
        let pick = |rng: &mut Rng, field, max: u64, boosts: &[Score]| -> Vec<(Term, Score)> {
            (0..rng.below(max + 1))
                .map(|_| {
                    let w = WORDS[rng.below(WORDS.len() as u64) as usize];
                    let b = boosts[rng.below(boosts.len() as u64) as usize];
                    (Term::from_field_text(field, w), b)
                })
                .collect()
        };
        let mut compared = 0;
        for round in 0..40 {
            let word = |rng: &mut Rng| {
                let concept = pick(rng, concepts, 1, &[3.0, 1.0]);
                let mut exact = pick(rng, title, 2, &[3.0]);
                exact.extend(pick(rng, body, 2, &[1.0]));
                if exact.is_empty() {
                    exact.push((Term::from_field_text(body, WORDS[round % WORDS.len()]), 1.0));
                }
                WordQuery::new(concept, exact, Vec::new(), Vec::new(), SCORING)
            };
            let core = word(&mut rng);
            let optional: Vec<WordQuery> = (0..1 + rng.below(2))
                .map(|_| word(&mut rng).lazy())
                .collect();
            let public = || -> Box<dyn Query> {
                Box::new(ConstScoreQuery::new(
                    Box::new(TermQuery::new(
                        Term::from_field_text(audience, "public"),
                        IndexRecordOption::Basic,
                    )),
                    0.0,
                ))
            };
            let theirs_query = BooleanQuery::new(vec![
                (Occur::Must, public()),
                (Occur::Must, Box::new(core.clone()) as Box<dyn Query>),
                (
                    Occur::Should,
                    Box::new(BooleanQuery::union(
                        optional
                            .iter()
                            .map(|w| Box::new(w.clone()) as Box<dyn Query>)
                            .collect(),
                    )),
                ),
            ]);
            // Every match's score, to check ours.
            let all: HashMap<DocAddress, Score> = searcher
                .search(
                    &theirs_query,
                    &TopDocs::with_limit(100_000).order_by_score(),
                )
                .expect("search")
                .into_iter()
                .map(|(s, a)| (a, s))
                .collect();
            for (order, limit, offset) in [
                (PageOrder::Relevance, 10, 0),
                (PageOrder::Relevance, 20, 40),
                (PageOrder::Newest, 10, 0),
                (PageOrder::Newest, 20, 40),
            ] {
                // Each segment whole, then cut in three parts searched at
                // once: the same total, page and facet counts.
                let run = |split: Split| {
                    let threshold = Arc::new(Threshold::default());
                    let facets = cache.for_searcher(&searcher).expect("facets");
                    let filter = Arc::new(facets.filter(&FilterSpec {
                        strings: vec![(FilterField::Audience, vec!["public".to_owned()])],
                        years: None,
                    }));
                    let ours_query = FilteredQuery::new(
                        filter,
                        Some(Box::new(CoreOptionalQuery::new(
                            Box::new(core.clone()),
                            optional.clone(),
                            Arc::clone(&threshold),
                        ))),
                    );
                    let gather = Gather {
                        facets,
                        offset,
                        limit,
                        order,
                        threshold,
                        date_field: "date",
                        split,
                    };
                    gather.search(&searcher, &ours_query).expect("ours")
                };
                let (total, ours, facets) = run(Split {
                    parts: 1,
                    min_docs: 1,
                });
                let (split_total, split_page, split_facets) = run(Split {
                    parts: 3,
                    min_docs: 1000,
                });
                assert_eq!(split_total, total, "round {round}: total in parts");
                assert_eq!(split_facets, facets, "round {round}: facets in parts");
                assert_eq!(
                    split_page.iter().map(|(_, d)| *d).collect::<Vec<_>>(),
                    ours.iter().map(|(_, d)| *d).collect::<Vec<_>>(),
                    "round {round} {order:?}: page in parts"
                );
                assert!(facets.years.get(&2020) == Some(&(total as u64)));
                let top = TopDocs::with_limit(limit).and_offset(offset);
                let (theirs, their_total): (Vec<(Score, DocAddress)>, usize) = match order {
                    PageOrder::Relevance => {
                        let collector = top.order_by((
                            (SortBySimilarityScore, Order::Desc),
                            (SortByStaticFastValue::<i64>::for_field("date"), Order::Desc),
                        ));
                        let (docs, total) = searcher
                            .search(&theirs_query, &(collector, Count))
                            .expect("theirs");
                        (docs.into_iter().map(|((s, _), a)| (s, a)).collect(), total)
                    }
                    PageOrder::Newest => {
                        let collector = top.order_by((
                            (SortByStaticFastValue::<i64>::for_field("date"), Order::Desc),
                            (SortBySimilarityScore, Order::Desc),
                        ));
                        let (docs, total) = searcher
                            .search(&theirs_query, &(collector, Count))
                            .expect("theirs");
                        (docs.into_iter().map(|((_, s), a)| (s, a)).collect(), total)
                    }
                };
                assert_eq!(total, their_total, "round {round}");
                assert_eq!(ours.len(), theirs.len(), "round {round}");
                for ((ours_score, ours_doc), (theirs_score, _)) in ours.iter().zip(&theirs) {
                    // tantivy's union sums in its own order: scores equal up to
                    // rounding, so documents of (nearly) equal scores may
                    // trade places.
                    assert!(
                        (ours_score - theirs_score).abs() < 1e-3,
                        "round {round} {order:?}: {ours_score} vs {theirs_score}"
                    );
                    let real = all[ours_doc];
                    assert!(
                        (ours_score - real).abs() < 1e-3,
                        "round {round}: {ours_doc:?} scored {ours_score}, really {real}"
                    );
                }
                compared += ours.len();
            }
        }
        assert!(compared > 1_000, "only {compared} hits compared");
        // No other test of this crate cuts an index this small in parts, so
        // each of the 160 searches in parts had the search threads.
        assert!(SEARCHES_IN_PARTS.load(std::sync::atomic::Ordering::Relaxed) >= 160);
    }
}
