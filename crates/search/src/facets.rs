//! Facet counts over the matching documents, exact at any number of matches.
//!
//! A segment never changes once written, so the documents holding each facet
//! value are read from its postings once ([`SegmentFacets`], kept by
//! [`FacetCache`] while the segment exists): as a bitmap for a value held by
//! at least one document in [`DENSE_SHARE`], as a sorted list of document
//! ids for a rarer one. A search marks its matches in a bitmap of the
//! segment; a value's count is the size of the intersection: a word-wise AND
//! and popcount over the matched range for a bitmap, a bit test per document
//! for a list. The work per segment is bounded by the number of values times
//! the segment's size in 64-bit words, whatever the number of matches, where
//! reading the values of every match from the columns grew with the matches.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader, TERMINATED};

use crate::filter::SegmentFilter;

/// Counts of matching documents per value, for each facet. Only values with
/// at least one matching document appear.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// Per kind (`practice`, `event`…).
    pub kinds: BTreeMap<String, u64>,
    /// Per theme slug.
    pub themes: BTreeMap<String, u64>,
    /// Per country code (uppercase).
    pub countries: BTreeMap<String, u64>,
    /// Per year.
    pub years: BTreeMap<i32, u64>,
    /// Per language the items exist in.
    pub languages: BTreeMap<String, u64>,
}

pub(crate) const KIND: &str = "kind";
pub(crate) const THEMES: &str = "themes";
pub(crate) const COUNTRIES: &str = "countries";
pub(crate) const LANGUAGES: &str = "languages";
pub(crate) const YEAR: &str = "year";

/// A value held by at least one document in this many of a segment is kept
/// as a bitmap (one bit per document), a rarer one as a list of ids (32 bits
/// per holder): the bitmap is the smaller and the faster to intersect from
/// there on.
const DENSE_SHARE: u32 = 32;

/// The documents of a segment holding one value.
enum Holders {
    /// One bit per document of the segment.
    Dense(Box<[u64]>),
    /// Ascending document ids.
    Sparse(Box<[DocId]>),
}

impl Holders {
    /// Sets the holders' bits in `words`.
    fn or_into(&self, words: &mut [u64]) {
        match self {
            Holders::Dense(dense) => {
                for (into, from) in words.iter_mut().zip(dense.iter()) {
                    *into |= from;
                }
            }
            Holders::Sparse(ids) => {
                for &doc in ids.iter() {
                    words[(doc / 64) as usize] |= 1 << (doc % 64);
                }
            }
        }
    }

    fn read(postings: &mut impl DocSet, max_doc: u32) -> Holders {
        let expected = postings.size_hint();
        if expected.saturating_mul(DENSE_SHARE) >= max_doc {
            let mut words = vec![0u64; words_for(max_doc)];
            let mut doc = postings.doc();
            while doc != TERMINATED {
                words[(doc / 64) as usize] |= 1 << (doc % 64);
                doc = postings.advance();
            }
            Holders::Dense(words.into_boxed_slice())
        } else {
            let mut ids = Vec::with_capacity(expected as usize);
            let mut doc = postings.doc();
            while doc != TERMINATED {
                ids.push(doc);
                doc = postings.advance();
            }
            Holders::Sparse(ids.into_boxed_slice())
        }
    }

    /// How many of the holders are in `matches`, whose set bits all lie in
    /// the words `range`.
    fn count_in(&self, matches: &[u64], range: std::ops::Range<usize>) -> u64 {
        match self {
            Holders::Dense(words) => words[range.clone()]
                .iter()
                .zip(&matches[range])
                .map(|(a, b)| u64::from((a & b).count_ones()))
                .sum(),
            Holders::Sparse(ids) => ids
                .iter()
                .filter(|&&doc| matches[(doc / 64) as usize] & (1 << (doc % 64)) != 0)
                .count() as u64,
        }
    }
}

fn words_for(max_doc: u32) -> usize {
    (max_doc as usize).div_ceil(64)
}

/// Every value of every facet in one segment, with its holders.
pub(crate) struct SegmentFacets {
    segment: SegmentId,
    max_doc: u32,
    /// Kinds, themes, countries, languages: the field's values as indexed.
    strings: [Vec<(String, Holders)>; 4],
    years: Vec<(i32, Holders)>,
    /// Audiences (not a facet: kept for the filters).
    audience: Vec<(String, Holders)>,
}

impl SegmentFacets {
    fn read(segment: &SegmentReader, fields: &FacetFields) -> tantivy::Result<SegmentFacets> {
        let max_doc = segment.max_doc();
        let mut strings: [Vec<(String, Holders)>; 4] = Default::default();
        let mut audience = Vec::new();
        for (field, values) in fields
            .strings
            .iter()
            .zip(strings.iter_mut())
            .chain([(&fields.audience, &mut audience)])
        {
            for (term, holders) in read_values(segment, *field, max_doc)? {
                if let Ok(value) = String::from_utf8(term) {
                    values.push((value, holders));
                }
            }
        }
        let mut years = Vec::new();
        for (term, holders) in read_values(segment, fields.year, max_doc)? {
            // i64 terms are stored as the big-endian bytes of their
            // order-preserving u64 mapping.
            let Ok(bytes) = <[u8; 8]>::try_from(term.as_slice()) else {
                continue;
            };
            let year = tantivy::u64_to_i64(u64::from_be_bytes(bytes));
            if let Ok(year) = i32::try_from(year) {
                years.push((year, holders));
            }
        }
        Ok(SegmentFacets {
            segment: segment.segment_id(),
            max_doc,
            strings,
            years,
            audience,
        })
    }
}

/// Each indexed term of `field` in the segment, with the documents holding it.
fn read_values(
    segment: &SegmentReader,
    field: Field,
    max_doc: u32,
) -> tantivy::Result<Vec<(Vec<u8>, Holders)>> {
    let inverted = segment.inverted_index(field)?;
    let mut stream = inverted.terms().stream()?;
    let mut out = Vec::new();
    while stream.advance() {
        let mut postings =
            inverted.read_postings_from_terminfo(stream.value(), IndexRecordOption::Basic)?;
        out.push((stream.key().to_vec(), Holders::read(&mut postings, max_doc)));
    }
    Ok(out)
}

/// The facet fields of the schema.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FacetFields {
    /// Kind, themes, countries, languages, in the order of [`Facets`]' maps.
    pub(crate) strings: [Field; 4],
    pub(crate) year: Field,
    /// The audience (a filter, not a facet).
    pub(crate) audience: Field,
}

/// The [`SegmentFacets`] of the segments searched lately, by segment.
pub(crate) struct FacetCache {
    fields: FacetFields,
    segments: Mutex<HashMap<SegmentId, Arc<SegmentFacets>>>,
}

impl FacetCache {
    pub(crate) fn new(fields: FacetFields) -> FacetCache {
        FacetCache {
            fields,
            segments: Mutex::new(HashMap::new()),
        }
    }

    /// The facets of each segment of `searcher`, by segment ordinal, read
    /// now for the segments not seen before. Segments gone from `searcher`
    /// are forgotten when a new one is read (a search on an older state
    /// then reads them again).
    pub(crate) fn for_searcher(&self, searcher: &Searcher) -> tantivy::Result<FacetCollector> {
        let readers = searcher.segment_readers();
        let mut found: Vec<Option<Arc<SegmentFacets>>> = {
            let cached = self.lock();
            readers
                .iter()
                .map(|r| cached.get(&r.segment_id()).cloned())
                .collect()
        };
        if found.iter().any(Option::is_none) {
            // Read outside the lock: a slow read never blocks other searches.
            let mut fresh = Vec::new();
            for (reader, slot) in readers.iter().zip(&mut found) {
                if slot.is_none() {
                    let facets = Arc::new(SegmentFacets::read(reader, &self.fields)?);
                    fresh.push((reader.segment_id(), Arc::clone(&facets)));
                    *slot = Some(facets);
                }
            }
            let mut cached = self.lock();
            cached.retain(|id, _| readers.iter().any(|r| r.segment_id() == *id));
            cached.extend(fresh);
        }
        Ok(FacetCollector {
            segments: found.into_iter().flatten().collect(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SegmentId, Arc<SegmentFacets>>> {
        // The map holds no invariant a panic could break.
        self.segments
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Counts facets for one search (from [`FacetCache::for_searcher`], with
/// the same searcher).
pub(crate) struct FacetCollector {
    segments: Vec<Arc<SegmentFacets>>,
}

pub(crate) struct FacetSegmentCollector {
    facets: Arc<SegmentFacets>,
    /// The matches so far, one bit per document.
    matches: Vec<u64>,
    /// Words of `matches` with a bit set: from `first` to `last`.
    first: usize,
    last: usize,
}

/// A filter field of [`FilterSpec`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FilterField {
    /// Kind, themes, countries, languages (the index in [`FacetFields::strings`]).
    Strings(usize),
    Audience,
}

/// The filters of a query: a document passes when, for every entry, it
/// holds one of the entry's values (as indexed); `years` likewise when
/// given.
#[derive(Debug, Default)]
pub(crate) struct FilterSpec {
    pub(crate) strings: Vec<(FilterField, Vec<String>)>,
    pub(crate) years: Option<Vec<i32>>,
}

impl FacetCollector {
    /// Each segment's documents passing `spec`.
    pub(crate) fn filter(&self, spec: &FilterSpec) -> Vec<SegmentFilter> {
        self.segments
            .iter()
            .map(|facets| {
                let len = words_for(facets.max_doc);
                let mut all: Option<Vec<u64>> = None;
                let mut and = |any: Vec<u64>| match &mut all {
                    None => all = Some(any),
                    Some(all) => {
                        for (a, b) in all.iter_mut().zip(&any) {
                            *a &= b;
                        }
                    }
                };
                for (field, values) in &spec.strings {
                    let held = match field {
                        FilterField::Strings(i) => &facets.strings[*i],
                        FilterField::Audience => &facets.audience,
                    };
                    let mut any = vec![0u64; len];
                    for (value, holders) in held {
                        if values.contains(value) {
                            holders.or_into(&mut any);
                        }
                    }
                    and(any);
                }
                if let Some(years) = &spec.years {
                    let mut any = vec![0u64; len];
                    for (year, holders) in &facets.years {
                        if years.contains(year) {
                            holders.or_into(&mut any);
                        }
                    }
                    and(any);
                }
                let mut words = all.unwrap_or_else(|| {
                    // No filter: every document.
                    let mut words = vec![u64::MAX; len];
                    if facets.max_doc % 64 != 0
                        && let Some(last) = words.last_mut()
                    {
                        *last = (1u64 << (facets.max_doc % 64)) - 1;
                    }
                    words
                });
                words.truncate(len);
                let count = words.iter().map(|w| u64::from(w.count_ones())).sum();
                SegmentFilter {
                    segment: facets.segment,
                    words: words.into(),
                    count,
                }
            })
            .collect()
    }
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let facets = self
            .segments
            .get(segment_local_id as usize)
            .filter(|f| f.max_doc == segment.max_doc())
            .cloned()
            .ok_or_else(|| {
                tantivy::TantivyError::InternalError("facets read for another searcher".to_owned())
            })?;
        Ok(FacetSegmentCollector {
            matches: vec![0; words_for(facets.max_doc)],
            facets,
            first: usize::MAX,
            last: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Facets>) -> tantivy::Result<Facets> {
        let mut total = Facets::default();
        for fruit in fruits {
            for (into, from) in [
                (&mut total.kinds, fruit.kinds),
                (&mut total.themes, fruit.themes),
                (&mut total.countries, fruit.countries),
                (&mut total.languages, fruit.languages),
            ] {
                for (value, count) in from {
                    *into.entry(value).or_default() += count;
                }
            }
            for (year, count) in fruit.years {
                *total.years.entry(year).or_default() += count;
            }
        }
        Ok(total)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = Facets;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let word = (doc / 64) as usize;
        if let Some(bits) = self.matches.get_mut(word) {
            *bits |= 1 << (doc % 64);
            self.first = self.first.min(word);
            self.last = self.last.max(word);
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        for &doc in docs {
            self.collect(doc, 0.0);
        }
    }

    fn harvest(self) -> Facets {
        let mut facets = Facets::default();
        if self.first > self.last {
            return facets;
        }
        let range = self.first..self.last + 1;
        let maps = [
            &mut facets.kinds,
            &mut facets.themes,
            &mut facets.countries,
            &mut facets.languages,
        ];
        for (values, map) in self.facets.strings.iter().zip(maps) {
            for (value, holders) in values {
                let count = holders.count_in(&self.matches, range.clone());
                if count > 0 {
                    map.insert(value.clone(), count);
                }
            }
        }
        for (year, holders) in &self.facets.years {
            let count = holders.count_in(&self.matches, range.clone());
            if count > 0 {
                facets.years.insert(*year, count);
            }
        }
        facets
    }
}
