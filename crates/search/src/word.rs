//! One query word that drives the search, scored in one pass.
//!
//! A word is a union of unions: its thesaurus concept (three fields), its
//! exact forms (title, summary and body in five languages, plus the neutral
//! field), its typo and prefix expansions, its themes; each group scored in
//! its tier and the groups combined (best alternative plus a tie-breaking
//! share of the others; the concept plus a share of the word itself). As
//! tantivy queries, each union was a buffered union of its own, nested two
//! or three deep under tier and boost wrappers, so every matching document
//! went through every level: windows filled within windows, and several
//! virtual calls per level and document. A profile of the benchmark's
//! queries put these layers at the top.
//!
//! [`WordQuery`] reads all the word's posting lists into one window of
//! documents, summing each group's scores in its own accumulator, and
//! combines the groups only for the documents asked for. Each term's
//! postings are read directly and scored with tantivy's BM25 weight (same
//! statistics, same boost) as its term query would, without a virtual call
//! per posting. The scores are those of the nested queries, computed in the
//! same order (tantivy's summing union adds the clauses' scores in clause
//! order); a unit test compares the two.
//!
//! A word that is only sought (an optional word, added to what the
//! required words match) is read lazily instead ([`LazyWordScorer`]): its
//! terms are sought to the documents asked for, and
//! [`crate::optional`] skips it for documents that cannot enter the page.

use std::fmt;
use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{
    Bm25Weight, BooleanQuery, EnableScoring, Explanation, Query, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// Documents per window, as in tantivy's buffered union.
const HORIZON: u32 = 4096;
const BUCKETS: usize = HORIZON as usize / 64;

/// The groups of clauses: three scored, one only matched.
const CONCEPT: usize = 0;
const EXACT: usize = 1;
const APPROX: usize = 2;
const THEME: usize = 3;
const GROUPS: usize = 4;

/// How the groups score.
#[derive(Clone, Copy, Debug)]
pub(crate) struct WordScoring {
    /// Concept match: `concept_floor + sum`.
    pub(crate) concept_floor: Score,
    /// Boost of the concept clauses (applied to each, as a boost query
    /// around their union would).
    pub(crate) concept_boost: Score,
    /// Exact match: `exact_floor + sum`.
    pub(crate) exact_floor: Score,
    /// Approximate match: `approx_floor + approx_cap·s/(s+1)`.
    pub(crate) approx_floor: Score,
    pub(crate) approx_cap: Score,
    /// Theme match: this constant.
    pub(crate) theme_score: Score,
    /// The direct alternatives (exact, approximate, theme) combine as the
    /// best plus this share of the others.
    pub(crate) tie_breaker: Score,
    /// With a concept, the direct score is scaled by this and added to the
    /// concept's.
    pub(crate) direct_share: Score,
}

/// A word: concept, exact, approximate and theme terms (see the module),
/// each with the boost of its field.
pub(crate) struct WordQuery {
    groups: [Vec<(Term, Score)>; GROUPS],
    scoring: WordScoring,
    lazy: bool,
}

impl WordQuery {
    /// Concept and exact terms are scored by BM25 times their boost (as a
    /// boosted `TermQuery` with frequencies), approximate ones likewise,
    /// theme ones only matched (their boost is not used).
    pub(crate) fn new(
        concept: Vec<(Term, Score)>,
        exact: Vec<(Term, Score)>,
        approx: Vec<(Term, Score)>,
        theme: Vec<(Term, Score)>,
        scoring: WordScoring,
    ) -> Self {
        WordQuery {
            groups: [concept, exact, approx, theme],
            scoring,
            lazy: false,
        }
    }

    /// For a word that is only sought (an optional word): its scorer moves
    /// and scores only as asked, rather than reading windows ahead.
    pub(crate) fn lazy(mut self) -> Self {
        self.lazy = true;
        self
    }

    /// Whether the word has no term at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.groups.iter().all(Vec::is_empty)
    }
}

impl Clone for WordQuery {
    fn clone(&self) -> Self {
        WordQuery {
            groups: self.groups.clone(),
            scoring: self.scoring,
            lazy: self.lazy,
        }
    }
}

impl fmt::Debug for WordQuery {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "Word(lazy {}, {:?}, {:?})",
            self.lazy, self.scoring, self.groups
        )
    }
}

impl Query for WordQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let EnableScoring::Enabled {
            statistics_provider,
            ..
        } = enable_scoring
        else {
            // Only the matches count: the union of every term.
            let all = self
                .groups
                .iter()
                .flatten()
                .map(|(term, _)| {
                    Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic))
                        as Box<dyn Query>
                })
                .collect();
            return BooleanQuery::union(all).weight(enable_scoring);
        };
        let mut terms = Vec::new();
        for (group, clauses) in self.groups.iter().enumerate() {
            // The boost each term gets in the nested queries: its field's,
            // times the concepts' for a concept term (tier wrappers call
            // their inner query with a boost of 1).
            let outer = if group == CONCEPT {
                self.scoring.concept_boost
            } else {
                1.0
            };
            for (term, boost) in clauses {
                let bm25 = if group == THEME {
                    None
                } else {
                    let weight =
                        Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(term))?;
                    Some(weight.boost_by(outer * boost))
                };
                terms.push((group, term.clone(), bm25));
            }
        }
        Ok(Box::new(WordWeight {
            terms,
            has_concept: !self.groups[CONCEPT].is_empty(),
            scoring: self.scoring,
            lazy: self.lazy,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (term, _) in self.groups.iter().flatten() {
            visitor(term, false);
        }
    }
}

struct WordWeight {
    /// Group, term and (for a scored group) its boosted BM25 weight.
    terms: Vec<(usize, Term, Option<Bm25Weight>)>,
    has_concept: bool,
    scoring: WordScoring,
    lazy: bool,
}

impl Weight for WordWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut cursors = Vec::with_capacity(self.terms.len());
        for (group, term, bm25) in &self.terms {
            let field = term.field();
            let inverted = reader.inverted_index(field)?;
            let Some(info) = inverted.get_term_info(term)? else {
                continue;
            };
            let option = if bm25.is_some() {
                IndexRecordOption::WithFreqs
            } else {
                IndexRecordOption::Basic
            };
            let postings = inverted.read_postings_from_terminfo(&info, option)?;
            if postings.doc() == TERMINATED {
                continue;
            }
            let fieldnorms = match reader.fieldnorms_readers().get_field(field)? {
                Some(fieldnorms) => fieldnorms,
                None => FieldNormReader::constant(reader.max_doc(), 1),
            };
            cursors.push(Cursor {
                group: *group,
                sought: if u64::from(info.doc_freq) * RARE_SHARE < u64::from(reader.max_doc()) {
                    Sought::Rare
                } else {
                    Sought::No
                },
                postings,
                fieldnorms,
                bm25: bm25.clone(),
            });
        }
        if cursors.is_empty() {
            return Ok(Box::new(tantivy::query::EmptyScorer));
        }
        if self.lazy {
            // The common terms whose ceiling is a large part of the
            // word's are sought too (a title's, mostly).
            let max = |c: &Cursor| c.bm25.as_ref().map_or(0.0, Bm25Weight::max_score);
            let total: Score = cursors
                .iter()
                .filter(|c| c.sought == Sought::No)
                .map(max)
                .sum();
            for cursor in &mut cursors {
                if cursor.sought == Sought::No && max(cursor) >= HIGH_SHARE * total {
                    cursor.sought = Sought::High;
                }
            }
            // The terms counted at their highest score: the common ones
            // (tight), or also the high ones (loose).
            let base = |counted: &dyn Fn(Sought) -> bool| {
                let mut matched = [false; GROUPS];
                let mut sums: [Score; 3] = [0.0; 3];
                for cursor in cursors.iter().filter(|c| counted(c.sought)) {
                    matched[cursor.group] = true;
                    if let Some(bm25) = &cursor.bm25 {
                        sums[cursor.group] += bm25.max_score();
                    }
                }
                let ceiling = combine(&self.scoring, boost, self.has_concept, matched, sums);
                Base {
                    matched,
                    sums,
                    ceiling,
                }
            };
            let tight = base(&|s| s == Sought::No);
            let loose = base(&|s| s != Sought::Rare);
            let indices = |kind: Sought| -> Vec<usize> {
                (0..cursors.len())
                    .filter(|&i| cursors[i].sought == kind)
                    .collect()
            };
            let (rare, high) = (indices(Sought::Rare), indices(Sought::High));
            let mut scorer = LazyWordScorer {
                cursors,
                bases: [loose, tight],
                rare,
                high,
                rare_next: 0,
                high_next: 0,
                doc: 0,
                scoring: self.scoring,
                boost,
                has_concept: self.has_concept,
            };
            scorer.settle();
            return Ok(Box::new(scorer));
        }
        Ok(Box::new(WordScorer::new(
            cursors,
            self.scoring,
            boost,
            self.has_concept,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match the word"
            )));
        }
        Ok(Explanation::new(
            "word: concept, exact, approximate and theme tiers",
            scorer.score(),
        ))
    }
}

/// A term in fewer than one document in this many of a segment is rare:
/// its postings are cheap to seek, and its score too high (its IDF) to
/// count on its ceiling (see [`LazyWordScorer::ceiling`]).
const RARE_SHARE: u64 = 16;

/// A common term whose highest score is at least this share of the sum of
/// the highest scores of the word's common terms is sought like a rare one.
const HIGH_SHARE: Score = 0.2;

/// Whether an optional word's term is sought to a document to bound its
/// score there ([`LazyWordScorer::ceiling`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sought {
    /// No: counted at its highest score.
    No,
    /// A rare term (see [`RARE_SHARE`]): always.
    Rare,
    /// A common term of high score (see [`HIGH_SHARE`]): for the tight
    /// ceiling.
    High,
}

/// One term's postings in a segment, scored as tantivy's term scorer does.
struct Cursor {
    group: usize,
    /// For a lazy word: see [`Sought`].
    sought: Sought,
    postings: SegmentPostings,
    fieldnorms: FieldNormReader,
    bm25: Option<Bm25Weight>,
}

impl Cursor {
    fn doc(&self) -> DocId {
        self.postings.doc()
    }

    fn score(&mut self) -> Score {
        match &self.bm25 {
            Some(bm25) => {
                let fieldnorm_id = self.fieldnorms.fieldnorm_id(self.postings.doc());
                bm25.score(fieldnorm_id, self.postings.term_freq())
            }
            None => 0.0,
        }
    }
}

pub(crate) struct WordScorer {
    /// Each term with its group (groups in order, terms in order within a
    /// group: each group's sum adds its terms' scores in clause order).
    cursors: Vec<Cursor>,
    /// Documents of the window matched by any clause and not yet passed.
    matched: Box<[u64; BUCKETS]>,
    /// Documents of the window matched by each group.
    group_matched: Box<[[u64; BUCKETS]; GROUPS]>,
    /// The query's filter (one bit per document of the segment), once
    /// [`WordScorer::restrict`] is called: documents outside it are dropped
    /// from each window before they are visited.
    filter: Option<Arc<[u64]>>,
    /// Sums of the scored groups' clause scores, per document of the window
    /// (meaningful where the group's bit is set).
    sums: Box<[[Score; HORIZON as usize]; 3]>,
    window_start: DocId,
    /// The bucket of `matched` being read.
    bucket: usize,
    doc: DocId,
    scoring: WordScoring,
    boost: Score,
    /// Whether the word has a concept (in the query, whether or not this
    /// segment has it): the direct alternatives are then scaled by the share.
    has_concept: bool,
}

impl WordScorer {
    fn new(cursors: Vec<Cursor>, scoring: WordScoring, boost: Score, has_concept: bool) -> Self {
        let mut scorer = WordScorer {
            cursors,
            matched: Box::new([0; BUCKETS]),
            group_matched: Box::new([[0; BUCKETS]; GROUPS]),
            filter: None,
            sums: Box::new([[0.0; HORIZON as usize]; 3]),
            window_start: 0,
            bucket: 0,
            doc: 0,
            scoring,
            boost,
            has_concept,
        };
        if scorer.refill() {
            scorer.next_in_window();
        } else {
            scorer.doc = TERMINATED;
        }
        scorer
    }

    /// Reads every clause's documents in `[min doc, min doc + HORIZON)` into
    /// the (cleared) window. False when every clause is finished.
    fn refill(&mut self) -> bool {
        let start = self
            .cursors
            .iter()
            .map(Cursor::doc)
            .min()
            .unwrap_or(TERMINATED);
        if start == TERMINATED {
            return false;
        }
        // Windows start on a multiple of 64, so that their words are the
        // filter's.
        let start = start & !63;
        for group in self.group_matched.iter_mut() {
            *group = [0; BUCKETS];
        }
        let horizon = start.saturating_add(HORIZON);
        let mut window = Window {
            start,
            horizon,
            matched: &mut self.matched,
            group_matched: &mut self.group_matched,
            sums: &mut self.sums,
        };
        for cursor in &mut self.cursors {
            window.read(cursor);
        }
        self.cursors.retain(|c| c.doc() != TERMINATED);
        if let Some(filter) = &self.filter {
            let first = (start / 64) as usize;
            for (i, bits) in self.matched.iter_mut().enumerate() {
                *bits &= filter.get(first + i).copied().unwrap_or(0);
            }
        }
        self.window_start = start;
        self.bucket = 0;
        true
    }

    /// Reads windows until one has a document (filtered windows may have
    /// none) and moves to it.
    fn next_window(&mut self) -> DocId {
        while self.refill() {
            if self.next_in_window() {
                return self.doc;
            }
        }
        self.doc = TERMINATED;
        TERMINATED
    }

    /// Restricts the word to the documents of `filter` (one bit per
    /// document of the segment).
    pub(crate) fn restrict(&mut self, filter: Arc<[u64]>) {
        let first = (self.window_start / 64) as usize;
        for (i, bits) in self.matched.iter_mut().enumerate() {
            *bits &= filter.get(first + i).copied().unwrap_or(0);
        }
        let doc = self.doc;
        let passes = doc != TERMINATED
            && filter
                .get((doc / 64) as usize)
                .is_some_and(|w| w & (1 << (doc % 64)) != 0);
        self.filter = Some(filter);
        if doc != TERMINATED && !passes {
            self.advance();
        }
    }

    /// Moves to the next matched document of the window (removing it from
    /// `matched`); false when the window is exhausted.
    fn next_in_window(&mut self) -> bool {
        while self.bucket < BUCKETS {
            let bits = self.matched[self.bucket];
            if bits != 0 {
                let bit = bits.trailing_zeros();
                self.matched[self.bucket] = bits & (bits - 1);
                self.doc = self.window_start + (self.bucket as u32) * 64 + bit;
                return true;
            }
            self.bucket += 1;
        }
        false
    }
}

/// The window being filled by [`WordScorer::refill`].
struct Window<'a> {
    start: DocId,
    horizon: DocId,
    matched: &'a mut [u64; BUCKETS],
    group_matched: &'a mut [[u64; BUCKETS]; GROUPS],
    sums: &'a mut [[Score; HORIZON as usize]; 3],
}

impl Window<'_> {
    /// Marks (and for a scored group, adds the score of) each document of
    /// `cursor` before the horizon, leaving it on the first one after. A
    /// group's sum is written by its first term on the document (the sums
    /// are not cleared between windows: a sum counts only where its group's
    /// bit is set).
    fn read(&mut self, cursor: &mut Cursor) {
        let group = cursor.group;
        let mut doc = cursor.doc();
        let group_matched = &mut self.group_matched[group];
        match (&cursor.bm25, group) {
            (Some(bm25), CONCEPT | EXACT | APPROX) => {
                let sums = &mut self.sums[group];
                while doc < self.horizon {
                    let delta = (doc - self.start) as usize;
                    let (word, bit) = (delta / 64, 1u64 << (delta % 64));
                    self.matched[word] |= bit;
                    let before = group_matched[word];
                    group_matched[word] = before | bit;
                    let score = bm25.score(
                        cursor.fieldnorms.fieldnorm_id(doc),
                        cursor.postings.term_freq(),
                    );
                    // Branchless (whether the group is already on the
                    // document is unpredictable): the stale sum times 0, or
                    // the sum so far times 1, plus the score.
                    let kept = ((before >> (delta % 64)) & 1) as Score;
                    sums[delta] = sums[delta] * kept + score;
                    doc = cursor.postings.advance();
                }
            }
            _ => {
                while doc < self.horizon {
                    let delta = (doc - self.start) as usize;
                    let (word, bit) = (delta / 64, 1u64 << (delta % 64));
                    self.matched[word] |= bit;
                    group_matched[word] |= bit;
                    doc = cursor.postings.advance();
                }
            }
        }
    }
}

impl DocSet for WordScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        if self.next_in_window() {
            return self.doc;
        }
        self.next_window()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        if target < self.window_start.saturating_add(HORIZON) {
            // Drop the window's documents before the target, then take the
            // next one (in this window, or the next).
            let delta = (target - self.window_start) as usize;
            let (word, bit) = (delta / 64, delta % 64);
            for bits in &mut self.matched[self.bucket..word] {
                *bits = 0;
            }
            self.bucket = self.bucket.max(word);
            if self.bucket == word {
                self.matched[word] &= u64::MAX << bit;
            }
            return self.advance();
        }
        // Past the window: drop what is left of it, seek every clause.
        *self.matched = [0; BUCKETS];
        for cursor in &mut self.cursors {
            if cursor.doc() < target {
                cursor.postings.seek(target);
            }
        }
        self.next_window()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.cursors
            .iter()
            .map(|c| c.postings.size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.cursors.iter().map(|c| c.postings.cost()).sum()
    }
}

impl Scorer for WordScorer {
    fn score(&mut self) -> Score {
        let delta = (self.doc - self.window_start) as usize;
        let (word, bit) = (delta / 64, 1u64 << (delta % 64));
        let g = &self.group_matched;
        let matched = [
            g[CONCEPT][word] & bit != 0,
            g[EXACT][word] & bit != 0,
            g[APPROX][word] & bit != 0,
            g[THEME][word] & bit != 0,
        ];
        let sums = [
            self.sums[CONCEPT][delta],
            self.sums[EXACT][delta],
            self.sums[APPROX][delta],
        ];
        combine(&self.scoring, self.boost, self.has_concept, matched, sums)
    }
}

/// The word's score from which groups match and their sums of term scores,
/// computed as the nested queries compute it.
fn combine(
    s: &WordScoring,
    boost: Score,
    has_concept: bool,
    matched: [bool; GROUPS],
    sums: [Score; 3],
) -> Score {
    // The direct alternatives, each scaled by the boost it gets: the word's
    // own, times the share when there is a concept.
    let direct_boost = if has_concept {
        boost * s.direct_share
    } else {
        boost
    };
    let mut any_direct = false;
    let mut max: Score = 0.0;
    let mut sum: Score = 0.0;
    let mut alternative = |score: Score| {
        any_direct = true;
        max = Score::max(score, max);
        sum += score;
    };
    if matched[EXACT] {
        alternative(direct_boost * (s.exact_floor + sums[EXACT]));
    }
    if matched[APPROX] {
        let approx = sums[APPROX].max(0.0);
        alternative(direct_boost * (s.approx_floor + s.approx_cap * approx / (approx + 1.0)));
    }
    if matched[THEME] {
        alternative(direct_boost * s.theme_score);
    }
    let direct = max + (sum - max) * s.tie_breaker;
    if !has_concept {
        return direct;
    }
    let mut score: Score = 0.0;
    if matched[CONCEPT] {
        score += boost * (s.concept_floor + sums[CONCEPT]);
    }
    if any_direct {
        score += direct;
    }
    score
}

/// What a ceiling starts from: the groups having a term counted at its
/// highest score, the sums of those scores, and the ceiling of a document
/// holding none of the sought terms.
#[derive(Clone, Copy, Debug)]
struct Base {
    matched: [bool; GROUPS],
    sums: [Score; 3],
    ceiling: Score,
}

/// The word for a lazy reader (an optional word, sought only to the
/// documents the required words match): no window; `seek` seeks each term's
/// postings (through their skip lists) and a document's score is computed
/// only when asked for.
pub(crate) struct LazyWordScorer {
    cursors: Vec<Cursor>,
    /// The loose ceiling's base, then the tight one's.
    bases: [Base; 2],
    /// The rare terms and the high ones (indices in `cursors`, in order).
    rare: Vec<usize>,
    high: Vec<usize>,
    /// No rare (high) term is on a document before this one (their cursors
    /// only move forward: a lower bound of the nearest).
    rare_next: DocId,
    high_next: DocId,
    doc: DocId,
    scoring: WordScoring,
    boost: Score,
    has_concept: bool,
}

impl LazyWordScorer {
    /// A ceiling of the word's score on `doc` (at or after the current
    /// document): its rare terms (and, if `tight`, its high ones) are
    /// sought to `doc` and their scores there counted, the others counted
    /// at their highest score.
    pub(crate) fn ceiling(&mut self, doc: DocId, tight: bool) -> Score {
        let base = self.bases[usize::from(tight)];
        let rare = doc >= self.rare_next;
        let high = tight && doc >= self.high_next;
        if !rare && !high {
            // No sought term is on the document.
            return base.ceiling;
        }
        let mut matched = base.matched;
        let mut sums = base.sums;
        if rare {
            self.rare_next =
                Self::add_sought(&mut self.cursors, &self.rare, doc, &mut matched, &mut sums);
        }
        if high {
            self.high_next =
                Self::add_sought(&mut self.cursors, &self.high, doc, &mut matched, &mut sums);
        }
        combine(&self.scoring, self.boost, self.has_concept, matched, sums)
    }

    /// Returns the smallest current document (finished terms are kept:
    /// `rare` and `high` index them).
    fn settle(&mut self) -> DocId {
        let min = self
            .cursors
            .iter()
            .map(Cursor::doc)
            .min()
            .unwrap_or(TERMINATED);
        self.doc = min;
        min
    }

    /// Adds the terms `which` on `doc` (sought to it) to `matched` and
    /// `sums`; returns the smallest of their documents after.
    fn add_sought(
        cursors: &mut [Cursor],
        which: &[usize],
        doc: DocId,
        matched: &mut [bool; GROUPS],
        sums: &mut [Score; 3],
    ) -> DocId {
        let mut next = TERMINATED;
        for &i in which {
            let cursor = &mut cursors[i];
            if cursor.doc() < doc {
                cursor.postings.seek(doc);
            }
            let at = cursor.doc();
            next = next.min(at);
            if at == doc {
                matched[cursor.group] = true;
                if cursor.group != THEME {
                    sums[cursor.group] += cursor.score();
                }
            }
        }
        next
    }
}

impl DocSet for LazyWordScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        let current = self.doc;
        for cursor in &mut self.cursors {
            if cursor.doc() == current {
                cursor.postings.advance();
            }
        }
        self.settle()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for cursor in &mut self.cursors {
            if cursor.doc() < target {
                cursor.postings.seek(target);
            }
        }
        self.settle()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.cursors
            .iter()
            .map(|c| c.postings.size_hint())
            .max()
            .unwrap_or(0)
    }

    fn cost(&self) -> u64 {
        self.cursors.iter().map(|c| c.postings.cost()).sum()
    }
}

impl Scorer for LazyWordScorer {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut matched = [false; GROUPS];
        let mut sums: [Score; 3] = [0.0; 3];
        for cursor in &mut self.cursors {
            if cursor.doc() == doc {
                matched[cursor.group] = true;
                if cursor.group != THEME {
                    sums[cursor.group] += cursor.score();
                }
            }
        }
        combine(&self.scoring, self.boost, self.has_concept, matched, sums)
    }
}

#[cfg(test)]
mod tests {
    use super::WordQuery;
    use crate::score::TierQuery;
    use tantivy::query::{
        BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, Query, TermQuery,
    };
    use tantivy::schema::{IndexRecordOption, STRING, Schema, TEXT};
    use tantivy::{Index, IndexWriter, Score, Term, doc};

    use crate::test_corpus::{Rng, SCORING, matches};

    const WORDS: [&str; 6] = ["w0", "w1", "w2", "w3", "w4", "w5"];

    /// The word as nested tantivy queries (as `search::word_query` builds
    /// them for an optional word).
    fn nested(
        concept: &[(Term, Score)],
        exact: &[(Term, Score)],
        approx: &[(Term, Score)],
        theme: &[(Term, Score)],
    ) -> Box<dyn Query> {
        let terms = |clauses: &[(Term, Score)]| -> Box<dyn Query> {
            Box::new(BooleanQuery::union(
                clauses
                    .iter()
                    .map(|(t, b)| {
                        Box::new(BoostQuery::new(
                            Box::new(TermQuery::new(t.clone(), IndexRecordOption::WithFreqs)),
                            *b,
                        )) as Box<dyn Query>
                    })
                    .collect(),
            ))
        };
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        if !exact.is_empty() {
            alternatives.push(Box::new(TierQuery::uncapped(terms(exact), 2.0)));
        }
        if !approx.is_empty() {
            alternatives.push(Box::new(TierQuery::capped(terms(approx), 1.0, 0.9)));
        }
        if !theme.is_empty() {
            alternatives.push(Box::new(ConstScoreQuery::new(terms(theme), 0.5)));
        }
        let direct: Option<Box<dyn Query>> = match alternatives.len() {
            0 => None,
            1 => alternatives.pop(),
            _ => Some(Box::new(DisjunctionMaxQuery::with_tie_breaker(
                alternatives,
                0.1,
            ))),
        };
        if concept.is_empty() {
            return direct.expect("some clause");
        }
        let concept: Box<dyn Query> = Box::new(TierQuery::uncapped(terms(concept), 2.0));
        match direct {
            None => concept,
            Some(direct) => Box::new(BooleanQuery::union(vec![
                concept,
                Box::new(BoostQuery::new(direct, 0.7)),
            ])),
        }
    }

    #[test]
    fn scores_as_the_nested_queries_alone_filtered_and_optional() {
        let mut schema = Schema::builder();
        let title = schema.add_text_field("title", TEXT);
        let body = schema.add_text_field("body", TEXT);
        let concepts = schema.add_text_field("concepts", TEXT);
        let themes = schema.add_text_field("themes", STRING);
        let tag = schema.add_text_field("tag", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).expect("writer");
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let text = |rng: &mut Rng, spread: u64| rng.text(&WORDS, spread);
        for _segment in 0..2 {
            // More than a window of documents, so that windows refill.
            for _ in 0..6000 {
                let mut document = doc!(
                    title => text(&mut rng, 3),
                    body => text(&mut rng, 1),
                    concepts => text(&mut rng, 2),
                    tag => if rng.below(8) == 0 { "rare" } else { "common" }
                );
                document.add_text(themes, WORDS[rng.below(12) as usize % WORDS.len()]);
                writer.add_document(document).expect("add");
            }
            writer.commit().expect("commit");
        }
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
            let concept = pick(&mut rng, concepts, 2, &[3.0, 1.5, 1.0]);
            let mut exact = pick(&mut rng, title, 2, &[3.0, 1.0]);
            exact.extend(pick(&mut rng, body, 2, &[1.5, 1.0]));
            let approx = pick(&mut rng, body, 2, &[1.0]);
            let theme = pick(&mut rng, themes, 1, &[1.0]);
            if concept.is_empty() && exact.is_empty() && approx.is_empty() && theme.is_empty() {
                continue;
            }
            let word = || {
                WordQuery::new(
                    concept.clone(),
                    exact.clone(),
                    approx.clone(),
                    theme.clone(),
                    SCORING,
                )
            };
            let ours = || -> Box<dyn Query> { Box::new(word()) };
            let lazy = || -> Box<dyn Query> { Box::new(word().lazy()) };
            let theirs = || nested(&concept, &exact, &approx, &theme);
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
            let optional = |q: Box<dyn Query>| {
                BooleanQuery::new(vec![
                    (
                        Occur::Must,
                        Box::new(TermQuery::new(
                            Term::from_field_text(tag, "rare"),
                            IndexRecordOption::Basic,
                        )) as Box<dyn Query>,
                    ),
                    (Occur::Should, q),
                ])
            };
            for (a, b) in [
                (matches(&index, &*ours()), matches(&index, &*theirs())),
                (
                    matches(&index, &filtered(ours())),
                    matches(&index, &filtered(theirs())),
                ),
                (matches(&index, &*lazy()), matches(&index, &*theirs())),
                (
                    matches(&index, &filtered(lazy())),
                    matches(&index, &filtered(theirs())),
                ),
                (
                    matches(&index, &optional(lazy())),
                    matches(&index, &optional(theirs())),
                ),
            ] {
                assert_eq!(
                    a.iter().map(|m| m.0).collect::<Vec<_>>(),
                    b.iter().map(|m| m.0).collect::<Vec<_>>(),
                    "round {round}"
                );
                for ((_, x), (_, y)) in a.iter().zip(&b) {
                    assert!((x - y).abs() < 1e-4, "round {round}: {x} vs {y}");
                }
                compared += a.len();
            }
        }
        assert!(compared > 10_000, "only {compared} matches compared");
    }
}
