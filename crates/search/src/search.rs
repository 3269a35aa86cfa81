//! Queries: how a query text becomes a tantivy query, and the results.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, FuzzyTermQuery, MoreLikeThisQuery, Occur, Query as TantivyQuery,
    TermQuery, TermSetQuery,
};
use tantivy::schema::{Field, IndexRecordOption, OwnedValue};
use tantivy::{DocAddress, DocSet, Order, Score, Searcher, Term};

use crate::Result;
use crate::analysis::Analyzers;
use crate::at_least::AtLeastQuery;
use crate::collect::{Gather, Order as PageOrder, Split, Threshold};
use crate::document::{norm_audience, norm_country, norm_kind, norm_language, norm_theme};
use crate::facets::{Facets, FilterField, FilterSpec};
use crate::filter::FilteredQuery;
use crate::index::{DATE, Fields, SearchIndex, Stored};
use crate::lang::{Lang, STOP_WORDS, is_stop_word};
use crate::normalize::{is_word_char, words};
use crate::optional::CoreOptionalQuery;
use crate::snippet::{BODY, Highlighter, Present, SUMMARY, TITLE, excerpt};
use crate::thesaurus;
use crate::vocabulary::TokenSequence;
use crate::word::{WordQuery, WordScoring};

/// Every exact match of a query word scores its BM25 plus this, so that it
/// ranks above any fuzzy, prefix or theme match of the word.
const EXACT_FLOOR: Score = 2.0;
/// A word matched approximately (within the edit distance, or as a prefix
/// of the last word) scores `APPROX_FLOOR + APPROX_CAP·s/(s+1)` for its
/// BM25 `s`: between 1 and 1.9, below any exact match.
const APPROX_FLOOR: Score = 1.0;
const APPROX_CAP: Score = 0.9;
/// Score of a word covered by a theme label the document is tagged with.
const THEME_SCORE: Score = 0.5;
/// A word covered by a thesaurus concept scores, on documents mentioning the
/// concept, `CONCEPT_FLOOR + CONCEPT_BOOST·BM25` over the `concepts` field:
/// in the tier of exact matches, whatever language either is written in.
const CONCEPT_FLOOR: Score = 2.0;
const CONCEPT_BOOST: Score = 1.0;
/// Weights of concepts found in the title, summary and body (those of the
/// exact matches).
const CONCEPT_FIELD_BOOSTS: [Score; 3] = [TITLE_BOOST, SUMMARY_BOOST, BODY_BOOST];
/// Share of the direct (exact, fuzzy, prefix, theme) score of such a word
/// added to its concept score: the concept ranks, the word breaks ties.
const DIRECT_SHARE: Score = 0.7;
/// Most indexed words a misspelt query word is expanded to (nearest, then
/// most frequent first).
const FUZZY_EXPANSIONS: usize = 20;
/// Most completions of the last word (most frequent first).
const PREFIX_EXPANSIONS: usize = 30;
/// Share of the other alternatives' scores added to the best one.
const TIE_BREAKER: Score = 0.1;
/// Field weights of exact matches.
const TITLE_BOOST: Score = 3.0;
const SUMMARY_BOOST: Score = 1.5;
const BODY_BOOST: Score = 1.0;
const NEUTRAL_BOOST: Score = 1.0;
/// Query words beyond this many are ignored.
const MAX_QUERY_WORDS: usize = 16;
/// Shortest last word (in characters) matched as a prefix.
const MIN_PREFIX_CHARS: usize = 2;
/// Largest page.
const MAX_PER_PAGE: usize = 100;
/// A query word found in more than this share of the documents says little
/// about which ones are wanted ("refugees" in a network about refugees):
/// it ranks, but does not count among the words a match must have, unless
/// the query has no rarer word. Requiring it made the engine visit most
/// of the index for any query containing it.
const COMMON_SHARE: f64 = 0.5;
/// Weight of one shared theme in [`SearchIndex::related`].
const RELATED_THEME_SCORE: Score = 1.0;

/// Result order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    /// Best matches first (then newest). A query without text is sorted
    /// [`Newest`](Sort::Newest).
    #[default]
    Relevance,
    /// Newest `date` first (then best match).
    Newest,
}

/// A search.
///
/// Filters are lists: a document matches a filter when it has any of the
/// listed values (OR within a filter); it must match every non-empty filter
/// (AND across filters). `audience` is mandatory: only documents with one of
/// these audiences exist for this query — hits, total and facet counts
/// alike. An empty `audience` finds nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Query {
    /// What the user typed. Empty: every document passing the filters.
    pub text: String,
    /// Kinds (`practice`, `event`…).
    pub kinds: Vec<String>,
    /// Theme slugs.
    pub themes: Vec<String>,
    /// Country codes (any case).
    pub countries: Vec<String>,
    /// Languages the item exists in.
    pub languages: Vec<String>,
    /// Years.
    pub years: Vec<i32>,
    /// Audiences of the reader, e.g. `["public"]` for a visitor,
    /// `["public", "members", "participants:42"]` for a member.
    pub audience: Vec<String>,
    /// Order.
    pub sort: Sort,
    /// Page number, starting at 1 (0 is taken as 1).
    pub page: usize,
    /// Hits per page, at most 100. 0 returns only the total and facets.
    pub per_page: usize,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            text: String::new(),
            kinds: Vec::new(),
            themes: Vec::new(),
            countries: Vec::new(),
            languages: Vec::new(),
            years: Vec::new(),
            audience: Vec::new(),
            sort: Sort::Relevance,
            page: 1,
            per_page: 20,
        }
    }
}

fn strings<S: Into<String>>(values: impl IntoIterator<Item = S>) -> Vec<String> {
    values.into_iter().map(Into::into).collect()
}

impl Query {
    /// A query for `text`, first page of 20, no filter and no audience yet.
    pub fn new(text: impl Into<String>) -> Self {
        Query {
            text: text.into(),
            ..Query::default()
        }
    }

    /// Restricts to these kinds.
    pub fn kinds<S: Into<String>>(mut self, kinds: impl IntoIterator<Item = S>) -> Self {
        self.kinds = strings(kinds);
        self
    }

    /// Restricts to these themes.
    pub fn themes<S: Into<String>>(mut self, themes: impl IntoIterator<Item = S>) -> Self {
        self.themes = strings(themes);
        self
    }

    /// Restricts to these countries.
    pub fn countries<S: Into<String>>(mut self, countries: impl IntoIterator<Item = S>) -> Self {
        self.countries = strings(countries);
        self
    }

    /// Restricts to items existing in these languages.
    pub fn languages<S: Into<String>>(mut self, languages: impl IntoIterator<Item = S>) -> Self {
        self.languages = strings(languages);
        self
    }

    /// Restricts to these years.
    pub fn years(mut self, years: impl IntoIterator<Item = i32>) -> Self {
        self.years = years.into_iter().collect();
        self
    }

    /// Sets the reader's audiences.
    pub fn audience<S: Into<String>>(mut self, audience: impl IntoIterator<Item = S>) -> Self {
        self.audience = strings(audience);
        self
    }

    /// Sets the order.
    pub fn sort(mut self, sort: Sort) -> Self {
        self.sort = sort;
        self
    }

    /// Sets the page (from 1).
    pub fn page(mut self, page: usize) -> Self {
        self.page = page;
        self
    }

    /// Sets the page size.
    pub fn per_page(mut self, per_page: usize) -> Self {
        self.per_page = per_page;
        self
    }
}

/// One result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Document id.
    pub id: String,
    /// Document kind.
    pub kind: String,
    /// Relevance score.
    pub score: f32,
    /// Title (plain text, not escaped).
    pub title: String,
    /// HTML: escaped text with `<mark>…</mark>` around matched words.
    pub snippet: String,
    /// Document URL.
    pub url: String,
}

/// The answer to a [`Query`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// Number of matching documents visible to the audience.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<Hit>,
    /// Counts over all matching documents visible to the audience.
    pub facets: Facets,
}

/// One query word in every analyser.
struct Word {
    neutral: Vec<String>,
    langs: [Vec<String>; 5],
    stop: bool,
    /// Thesaurus concepts covering this word (alone or in a phrase).
    concepts: Vec<String>,
    /// Indexed neutral terms near this word (typos) or, for the last word,
    /// starting with it.
    approx: Vec<String>,
    /// Whether the word (or its concept) is in more than [`COMMON_SHARE`]
    /// of the documents: it then only adds to the score, like a stop word,
    /// when the query has rarer words.
    common: bool,
}

struct Analysed {
    words: Vec<Word>,
    /// Themes covering each word.
    themes: Vec<BTreeSet<String>>,
    /// Whether the last word is still being typed (no trailing space).
    prefix_last: bool,
}

fn fuzzy_distance(word: &str) -> u8 {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl SearchIndex {
    fn analyse(&self, text: &str, analyzers: &mut Analyzers) -> Analysed {
        let spans = words(text);
        let spans = &spans[..spans.len().min(MAX_QUERY_WORDS)];
        let mut out = Vec::with_capacity(spans.len());
        let kinds: Vec<Option<Lang>> = std::iter::once(None).chain(Lang::ALL.map(Some)).collect();
        let mut sequences: Vec<TokenSequence> = kinds.iter().map(|k| (*k, Vec::new())).collect();
        for (i, &(from, to)) in spans.iter().enumerate() {
            let raw = &text[from..to];
            let neutral = analyzers.analyze(None, raw);
            let langs = Lang::ALL.map(|l| analyzers.analyze(Some(l), raw));
            let stop = !neutral.is_empty() && neutral.iter().all(|t| is_stop_word(t));
            for (kind, seq) in &mut sequences {
                let terms = match kind {
                    None => &neutral,
                    Some(l) => &langs[l.index()],
                };
                seq.extend(terms.iter().map(|t| (i, t.clone())));
            }
            out.push(Word {
                neutral,
                langs,
                stop,
                concepts: Vec::new(),
                approx: Vec::new(),
                common: false,
            });
        }
        let matcher = thesaurus::matcher();
        let mut covered = vec![BTreeSet::new(); out.len()];
        for (kind, seq) in &sequences {
            if let Some(lang) = kind {
                matcher.cover(*lang, seq, &mut covered);
            }
        }
        for (word, concepts) in out.iter_mut().zip(covered) {
            word.concepts = concepts
                .into_iter()
                .map(|c| matcher.id(c).to_owned())
                .collect();
        }
        let themes = self.theme_matcher().cover(&sequences, out.len());
        let prefix_last =
            spans.len() < MAX_QUERY_WORDS && text.chars().next_back().is_some_and(is_word_char);
        Analysed {
            words: out,
            themes,
            prefix_last,
        }
    }

    /// The query matching one word: the best of its exact, fuzzy, prefix and
    /// theme alternatives (plus its concept, if any). A word that may drive
    /// the search (a required one) reads its postings in windows; an
    /// optional one (`lazy`) is only sought to the documents the required
    /// words match.
    fn word_query(&self, word: &Word, themes: &BTreeSet<String>, lazy: bool) -> Option<WordQuery> {
        let f = &self.fields;
        let mut exact = Vec::new();
        for lang in Lang::ALL {
            let terms: BTreeSet<&String> = word.langs[lang.index()].iter().collect();
            for term in terms {
                for (field, boost) in [
                    (f.title[lang.index()], TITLE_BOOST),
                    (f.summary[lang.index()], SUMMARY_BOOST),
                    (f.body[lang.index()], BODY_BOOST),
                ] {
                    exact.push((Term::from_field_text(field, term), boost));
                }
            }
        }
        for term in &word.neutral {
            exact.push((Term::from_field_text(f.text, term), NEUTRAL_BOOST));
        }
        let mut concept = Vec::with_capacity(3 * word.concepts.len());
        for c in &word.concepts {
            for (field, boost) in f.concepts.into_iter().zip(CONCEPT_FIELD_BOOSTS) {
                concept.push((Term::from_field_text(field, c), boost));
            }
        }
        // A word of a concept needs no typo tolerance: its concept already
        // reaches the same word in every language.
        let approx = if word.concepts.is_empty() {
            word.approx
                .iter()
                .map(|t| (Term::from_field_text(f.text, t), 1.0))
                .collect()
        } else {
            Vec::new()
        };
        let theme = themes
            .iter()
            .map(|t| (Term::from_field_text(f.themes, t), 1.0))
            .collect();
        let query = WordQuery::new(
            concept,
            exact,
            approx,
            theme,
            WordScoring {
                concept_floor: CONCEPT_FLOOR,
                concept_boost: CONCEPT_BOOST,
                exact_floor: EXACT_FLOOR,
                approx_floor: APPROX_FLOOR,
                approx_cap: APPROX_CAP,
                theme_score: THEME_SCORE,
                tie_breaker: TIE_BREAKER,
                direct_share: DIRECT_SHARE,
            },
        );
        if query.is_empty() {
            return None;
        }
        Some(if lazy { query.lazy() } else { query })
    }

    /// The text part of a query: content words are required (all of them up
    /// to two words, two thirds of them beyond — or just one when
    /// `relaxed`), stop words only add to the score.
    fn text_query(
        &self,
        analysed: &Analysed,
        relaxed: bool,
        threshold: &Arc<Threshold>,
    ) -> Option<Box<dyn TantivyQuery>> {
        let last = analysed.words.len().saturating_sub(1);
        // Which words are required, which only add to the score: indices
        // first, so that each word's query is built knowing its role.
        let mut required = Vec::new();
        let mut optional = Vec::new();
        let mut common = Vec::new();
        for (i, word) in analysed.words.iter().enumerate() {
            let prefix = analysed.prefix_last && i == last;
            if !has_query(word, &analysed.themes[i]) {
                continue;
            }
            if word.stop && !prefix {
                optional.push(i);
            } else if word.common {
                common.push(i);
            } else {
                required.push(i);
            }
        }
        if required.is_empty() {
            std::mem::swap(&mut required, &mut common);
        }
        optional.append(&mut common);
        if required.is_empty() {
            std::mem::swap(&mut required, &mut optional);
        }
        // A required word may drive the search (walked document by
        // document); an optional word is only sought to the documents the
        // required ones match, and moves and scores only as far as asked.
        let build = |indices: Vec<usize>, lazy: bool| -> Vec<WordQuery> {
            indices
                .into_iter()
                .filter_map(|i| self.word_query(&analysed.words[i], &analysed.themes[i], lazy))
                .collect()
        };
        let mut required: Vec<Box<dyn TantivyQuery>> = build(required, false)
            .into_iter()
            .map(|w| Box::new(w) as Box<dyn TantivyQuery>)
            .collect();
        let optional = build(optional, true);
        if required.is_empty() {
            return None;
        }
        let n = required.len();
        let minimum = if relaxed {
            1
        } else if n <= 2 {
            n
        } else {
            (2 * n).div_ceil(3)
        };
        let core: Box<dyn TantivyQuery> = if n == 1 {
            required.pop().expect("one clause")
        } else if minimum >= 2 {
            // Some or all of the words: led by the rarest (tantivy's own
            // minimum-should-match union walks the commonest word's postings;
            // with all the words, this also lets the rarest take the filter,
            // see `filter::restrict`). All the words are at most two: their
            // scores add up as in tantivy's intersection.
            Box::new(AtLeastQuery::new(required, minimum))
        } else {
            Box::new(BooleanQuery::union_with_minimum_required_clauses(
                required, minimum,
            ))
        };
        if optional.is_empty() {
            return Some(core);
        }
        // The lazy sum of the optional words: sought only to the documents
        // the core matches, and only those that can enter the page.
        Some(Box::new(CoreOptionalQuery::new(
            core,
            optional,
            Arc::clone(threshold),
        )))
    }

    /// The filters; `None` when the audience is empty.
    fn filters(&self, query: &Query) -> Option<FilterSpec> {
        let audience = normalized(&query.audience, norm_audience);
        if audience.is_empty() {
            return None;
        }
        let mut spec = FilterSpec::default();
        spec.strings.push((FilterField::Audience, audience));
        for (field, values, norm) in [
            (0, &query.kinds, norm_kind as fn(&str) -> String),
            (1, &query.themes, norm_theme),
            (2, &query.countries, norm_country),
            (3, &query.languages, norm_language),
        ] {
            if !values.is_empty() {
                // A filter whose values all normalise to nothing matches
                // nothing, rather than being dropped.
                spec.strings
                    .push((FilterField::Strings(field), normalized(values, norm)));
            }
        }
        if !query.years.is_empty() {
            spec.years = Some(query.years.clone());
        }
        Some(spec)
    }

    /// Runs a search.
    pub fn search(&self, query: &Query) -> Result<Results> {
        if self.filters(query).is_none() {
            return Ok(Results::default());
        }
        let searcher = self.reader.searcher();
        let mut analyzers = Analyzers::new();
        let mut analysed = self.analyse(&query.text, &mut analyzers);
        expand(&searcher, &self.fields, &mut analysed)?;

        let mut results = self.run(&searcher, query, &analysed, false)?;
        if results.0 == 0 && analysed.words.len() > 1 {
            // Nothing has (nearly) all the words: settle for any of them.
            results = self.run(&searcher, query, &analysed, true)?;
        }
        let (total, top, facets) = results;

        let mut highlighter = self.highlighter(&analysed, analyzers);
        let mut hits = Vec::with_capacity(top.len());
        let languages: Vec<String> = query.languages.iter().map(|l| norm_language(l)).collect();
        let present = self.present(&searcher, &highlighter, &top)?;
        for ((score, address), present) in top.into_iter().zip(present) {
            let stored = self.load(&searcher, address)?;
            highlighter.present = present;
            hits.push(Hit {
                title: highlighter.title(&stored, &languages),
                snippet: highlighter.best_snippet(&stored),
                score,
                id: stored.doc.id,
                kind: norm_kind(&stored.doc.kind),
                url: stored.doc.url,
            });
        }
        Ok(Results {
            total,
            hits,
            facets,
        })
    }

    #[allow(clippy::type_complexity)]
    fn run(
        &self,
        searcher: &Searcher,
        query: &Query,
        analysed: &Analysed,
        relaxed: bool,
    ) -> Result<(usize, Vec<(Score, DocAddress)>, Facets)> {
        let Some(spec) = self.filters(query) else {
            return Ok((0, Vec::new(), Facets::default()));
        };
        let threshold = Arc::new(Threshold::default());
        let text = self.text_query(analysed, relaxed, &threshold);
        let has_text = text.is_some();
        if !has_text && !analysed.words.is_empty() {
            // Words that analyse to nothing searchable: no match.
            return Ok((0, Vec::new(), Facets::default()));
        }
        let per_page = query.per_page.min(MAX_PER_PAGE);
        // Past the last document a page is empty; the offset is added to the
        // page size (overflowing for a huge `page`) to size the page's heap.
        let offset = query
            .page
            .max(1)
            .saturating_sub(1)
            .saturating_mul(per_page)
            .min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX));
        let facet_counts = self.facets.for_searcher(searcher)?;
        let filter = Arc::new(facet_counts.filter(&spec));
        let tantivy_query = FilteredQuery::new(filter, text);
        let gather = Gather {
            facets: facet_counts,
            offset,
            limit: per_page,
            order: if query.sort == Sort::Newest || !has_text {
                PageOrder::Newest
            } else {
                PageOrder::Relevance
            },
            threshold,
            date_field: DATE,
            split: Split::threads(),
        };
        Ok(gather.search(searcher, &tantivy_query)?)
    }

    fn highlighter(&self, analysed: &Analysed, analyzers: Analyzers) -> Highlighter {
        let mut neutral_terms = BTreeMap::new();
        let mut lang_terms: [BTreeMap<String, Score>; 5] = Default::default();
        for word in &analysed.words {
            for term in &word.neutral {
                neutral_terms.insert(term.clone(), 1.0);
            }
            for term in &word.approx {
                neutral_terms.entry(term.clone()).or_insert(0.5);
            }
            for lang in Lang::ALL {
                for term in &word.langs[lang.index()] {
                    lang_terms[lang.index()].insert(term.clone(), 1.0);
                }
            }
        }
        Highlighter {
            neutral_terms,
            lang_terms,
            analyzers,
            fields: self.fields,
            has_expansions: analysed.words.iter().any(|w| !w.approx.is_empty()),
            enough: analysed.words.iter().filter(|w| !w.stop).count().max(1),
            present: Present::default(),
        }
    }

    /// For each hit, which of its fields hold a term the highlighter looks
    /// for (see [`Present`]): each term's postings are read once per
    /// segment, sought to the segment's hits in order.
    fn present(
        &self,
        searcher: &Searcher,
        highlighter: &Highlighter,
        top: &[(Score, DocAddress)],
    ) -> Result<Vec<Present>> {
        let none = Present {
            parts: [[false; 3]; 5],
            neutral: false,
        };
        let mut present = vec![none; top.len()];
        let f = &self.fields;
        // (field, term, where a match is recorded: a language's part, or
        // the neutral field for `None`).
        type Check<'a> = (Field, &'a String, Option<(usize, usize)>);
        let mut checks: Vec<Check> = Vec::new();
        for lang in Lang::ALL {
            let l = lang.index();
            for term in highlighter.lang_terms[l].keys() {
                for (part, field) in [
                    (TITLE, f.title[l]),
                    (SUMMARY, f.summary[l]),
                    (BODY, f.body[l]),
                ] {
                    checks.push((field, term, Some((l, part))));
                }
            }
        }
        for term in highlighter.neutral_terms.keys() {
            checks.push((f.text, term, None));
        }
        // The hits of each segment, in document order.
        let mut order: Vec<usize> = (0..top.len()).collect();
        order.sort_by_key(|&i| top[i].1);
        for hits in order.chunk_by(|&a, &b| top[a].1.segment_ord == top[b].1.segment_ord) {
            let segment = searcher.segment_reader(top[hits[0]].1.segment_ord);
            for (field, term, slot) in &checks {
                let inverted = segment.inverted_index(*field)?;
                let Some(mut postings) = inverted.read_postings(
                    &Term::from_field_text(*field, term),
                    IndexRecordOption::Basic,
                )?
                else {
                    continue;
                };
                for &i in hits {
                    let doc = top[i].1.doc_id;
                    if postings.doc() < doc {
                        postings.seek(doc);
                    }
                    if postings.doc() == doc {
                        match slot {
                            Some((l, part)) => present[i].parts[*l][*part] = true,
                            None => present[i].neutral = true,
                        }
                    }
                }
            }
        }
        Ok(present)
    }

    /// Items similar to the item `id` (shared salient words, and shared
    /// themes), visible to `audience`, never the item itself. Empty if the
    /// item does not exist or is not visible to `audience` either.
    pub fn related<S: AsRef<str>>(
        &self,
        id: impl AsRef<str>,
        audience: impl IntoIterator<Item = S>,
        limit: usize,
    ) -> Result<Vec<Hit>> {
        let id = id.as_ref();
        let audience: Vec<String> = audience
            .into_iter()
            .map(|a| norm_audience(a.as_ref()))
            .collect();
        let f = &self.fields;
        let Some(visible) = keyword_filter(f.audience, &audience, norm_audience) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let Some(source) = self.stored(id)? else {
            return Ok(Vec::new());
        };
        if !source
            .doc
            .audience
            .iter()
            .any(|a| audience.contains(&norm_audience(a)))
        {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let doc = &source.doc;
        let mut similar: Vec<Box<dyn TantivyQuery>> = Vec::new();
        let texts: Vec<OwnedValue> = doc
            .titles
            .iter()
            .chain(&doc.summaries)
            .chain(&doc.bodies)
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(_, t)| OwnedValue::Str(t.clone()))
            .collect();
        if !texts.is_empty() {
            let num_docs = searcher.num_docs();
            let mlt = MoreLikeThisQuery::builder()
                .with_min_doc_frequency(2)
                .with_max_doc_frequency((num_docs / 4).max(2))
                .with_min_term_frequency(1)
                .with_max_query_terms(30)
                .with_min_word_length(3)
                .with_boost_factor(1.0)
                .with_stop_words(STOP_WORDS.iter().map(|w| (*w).to_owned()).collect())
                .with_document_fields(vec![(f.text, texts)]);
            similar.push(Box::new(mlt));
        }
        let themes: BTreeSet<String> = doc.themes.iter().map(|t| norm_theme(t)).collect();
        for theme in themes.iter().filter(|t| !t.is_empty()) {
            similar.push(Box::new(ConstScoreQuery::new(
                term_query(f.themes, theme),
                RELATED_THEME_SCORE,
            )));
        }
        if similar.is_empty() {
            return Ok(Vec::new());
        }
        let query = BooleanQuery::new(vec![
            (Occur::Must, Box::new(BooleanQuery::union(similar))),
            (Occur::Must, visible),
            (
                Occur::MustNot,
                Box::new(TermQuery::new(
                    Term::from_field_text(f.id, id),
                    IndexRecordOption::Basic,
                )),
            ),
        ]);
        let collector = TopDocs::with_limit(limit.min(MAX_PER_PAGE)).order_by((
            (SortBySimilarityScore, Order::Desc),
            (SortByStaticFastValue::<i64>::for_field(DATE), Order::Desc),
        ));
        let top = searcher.search(&query, &collector)?;
        let mut hits = Vec::with_capacity(top.len());
        for ((score, _), address) in top {
            let stored: Stored = self.load(&searcher, address)?;
            let doc = stored.doc;
            hits.push(Hit {
                id: doc.id,
                kind: norm_kind(&doc.kind),
                score,
                title: doc
                    .titles
                    .first()
                    .map(|(_, t)| t.clone())
                    .unwrap_or_default(),
                snippet: excerpt(
                    doc.summaries
                        .iter()
                        .chain(&doc.bodies)
                        .map(|(_, t)| t.as_str()),
                ),
                url: doc.url,
            });
        }
        Ok(hits)
    }
}

/// Fills in each word's approximate terms: indexed words within the
/// allowed edit distance, and completions of the last word.
fn expand(searcher: &Searcher, fields: &Fields, analysed: &mut Analysed) -> Result<()> {
    let field = fields.text;
    let last = analysed.words.len().saturating_sub(1);
    let prefix_last = analysed.prefix_last;
    let num_docs = searcher.num_docs().max(1) as f64;
    for (i, word) in analysed.words.iter_mut().enumerate() {
        // The word's document frequency: of its own form, or of its concept
        // in the field that mentions it most (a lower bound of the union).
        let mut frequency = 0;
        for term in &word.neutral {
            frequency = frequency.max(searcher.doc_freq(&Term::from_field_text(field, term))?);
        }
        for concept in &word.concepts {
            for concept_field in fields.concepts {
                frequency = frequency
                    .max(searcher.doc_freq(&Term::from_field_text(concept_field, concept))?);
            }
        }
        word.common = frequency as f64 > COMMON_SHARE * num_docs;
        let mut approx: Vec<String> = Vec::new();
        for term in &word.neutral {
            let distance = fuzzy_distance(term);
            if distance > 0 {
                let query = FuzzyTermQuery::new(Term::from_field_text(field, term), distance, true);
                let mut found = matching_terms(searcher, field, &query.automaton()?)?;
                found.retain(|(t, _)| t != term);
                found.sort_by_cached_key(|(t, freq)| {
                    (edit_distance(t, term), std::cmp::Reverse(*freq))
                });
                approx.extend(found.into_iter().take(FUZZY_EXPANSIONS).map(|(t, _)| t));
            }
            if prefix_last && i == last && term.chars().count() >= MIN_PREFIX_CHARS {
                let query = FuzzyTermQuery::new_prefix(Term::from_field_text(field, term), 0, true);
                let mut found = matching_terms(searcher, field, &query.automaton()?)?;
                found.retain(|(t, _)| t != term);
                found.sort_by_key(|(_, freq)| std::cmp::Reverse(*freq));
                approx.extend(found.into_iter().take(PREFIX_EXPANSIONS).map(|(t, _)| t));
            }
        }
        approx.sort();
        approx.dedup();
        word.approx = approx;
    }
    Ok(())
}

/// Indexed terms of `field` accepted by `automaton`, with their document
/// frequency summed over segments.
fn matching_terms(
    searcher: &Searcher,
    field: Field,
    automaton: &tantivy::query::DfaWrapper,
) -> Result<Vec<(String, u64)>> {
    let mut found: BTreeMap<Vec<u8>, u64> = BTreeMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(field)?;
        let mut stream = inverted.terms().search(automaton).into_stream()?;
        while stream.advance() {
            *found.entry(stream.key().to_vec()).or_default() += u64::from(stream.value().doc_freq);
        }
    }
    Ok(found
        .into_iter()
        .filter_map(|(k, f)| String::from_utf8(k).ok().map(|t| (t, f)))
        .collect())
}

/// Damerau (optimal string alignment) distance, in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

fn term_query(field: Field, text: &str) -> Box<dyn TantivyQuery> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// Whether [`SearchIndex::word_query`] gives a query for `word`.
fn has_query(word: &Word, themes: &BTreeSet<String>) -> bool {
    !word.neutral.is_empty()
        || word.langs.iter().any(|terms| !terms.is_empty())
        || !word.approx.is_empty()
        || !word.concepts.is_empty()
        || !themes.is_empty()
}

/// `values` normalised, without the empty ones, sorted and deduplicated.
fn normalized(values: &[String], norm: fn(&str) -> String) -> Vec<String> {
    let values: BTreeSet<String> = values
        .iter()
        .map(|v| norm(v))
        .filter(|v| !v.is_empty())
        .collect();
    values.into_iter().collect()
}

/// A zero-score filter: the field has one of `values` (normalised).
fn keyword_filter(
    field: Field,
    values: &[String],
    norm: fn(&str) -> String,
) -> Option<Box<dyn TantivyQuery>> {
    let values: BTreeSet<String> = values
        .iter()
        .map(|v| norm(v))
        .filter(|v| !v.is_empty())
        .collect();
    if values.is_empty() {
        return None;
    }
    let inner = term_set(values.iter().map(|v| Term::from_field_text(field, v)));
    Some(Box::new(ConstScoreQuery::new(inner, 0.0)))
}

/// Up to this many terms, a term set is matched as a union of their
/// postings; beyond, by tantivy's `TermSetQuery`.
const SMALL_TERM_SET: usize = 16;

/// Documents having any of `terms` (scores unused: callers wrap it in a
/// constant score). One term: its postings, read as the intersection needs
/// them. A few: the union of their postings. tantivy's `TermSetQuery`
/// builds an automaton of the terms whose builder allocates and clears
/// close to a megabyte, whatever the number of terms: it was 4% of the
/// time of a search, for a filter of two countries or a word covering a
/// theme label. Many: the term set, which marks their documents in a
/// bitmap first.
fn term_set(terms: impl IntoIterator<Item = Term>) -> Box<dyn TantivyQuery> {
    let mut terms: Vec<Term> = terms.into_iter().collect();
    terms.sort();
    terms.dedup();
    if terms.len() > SMALL_TERM_SET {
        return Box::new(TermSetQuery::new(terms));
    }
    let mut postings: Vec<Box<dyn TantivyQuery>> = terms
        .into_iter()
        .map(|term| {
            Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn TantivyQuery>
        })
        .collect();
    if postings.len() == 1 {
        return postings.pop().expect("one term");
    }
    Box::new(BooleanQuery::union(postings))
}

#[cfg(test)]
mod tests {
    use super::edit_distance;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("refugess", "refugees"), 1);
        assert_eq!(edit_distance("refuegs", "refuges"), 1);
        assert_eq!(edit_distance("integratoin", "integration"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
