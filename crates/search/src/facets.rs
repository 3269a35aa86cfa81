//! Facet counts over the matching documents, read from fast fields.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

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
    /// Whether the counts are estimates: past [`EXACT_FACET_DOCS`] matching
    /// documents in an index segment, only every [`FACET_STRIDE`]th one is
    /// read, and counts for `FACET_STRIDE`. The total is always exact.
    #[serde(default)]
    pub estimated: bool,
}

/// Matching documents per segment whose facet values are all read.
pub const EXACT_FACET_DOCS: u32 = 10_000;
/// Beyond those, one matching document in this many is read.
pub const FACET_STRIDE: u32 = 8;

pub(crate) const KIND: &str = "kind";
pub(crate) const THEMES: &str = "themes";
pub(crate) const COUNTRIES: &str = "countries";
pub(crate) const LANGUAGES: &str = "languages";
pub(crate) const YEAR: &str = "year";

const STR_FACETS: [&str; 4] = [KIND, THEMES, COUNTRIES, LANGUAGES];

pub(crate) struct FacetCollector;

pub(crate) struct FacetSegmentCollector {
    columns: Vec<Option<(StrColumn, Vec<u64>)>>,
    years: Option<Column<i64>>,
    year_counts: HashMap<i64, u64>,
    /// Matching documents seen so far in the segment.
    seen: u32,
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = FacetSegmentCollector;

    fn for_segment(
        &self,
        _segment_local_id: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<FacetSegmentCollector> {
        let fast_fields = segment.fast_fields();
        let mut columns = Vec::with_capacity(STR_FACETS.len());
        for name in STR_FACETS {
            columns.push(fast_fields.str(name)?.map(|column| {
                let terms = column.num_terms();
                (column, vec![0; terms])
            }));
        }
        Ok(FacetSegmentCollector {
            columns,
            years: fast_fields.column_opt::<i64>(YEAR)?,
            year_counts: HashMap::new(),
            seen: 0,
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
            total.estimated |= fruit.estimated;
        }
        Ok(total)
    }
}

impl SegmentCollector for FacetSegmentCollector {
    type Fruit = Facets;

    fn collect(&mut self, doc: DocId, _score: Score) {
        self.seen = self.seen.saturating_add(1);
        let weight = if self.seen <= EXACT_FACET_DOCS {
            1
        } else if (self.seen - EXACT_FACET_DOCS).is_multiple_of(FACET_STRIDE) {
            u64::from(FACET_STRIDE)
        } else {
            return;
        };
        for (column, counts) in self.columns.iter_mut().flatten() {
            for ord in column.term_ords(doc) {
                counts[ord as usize] += weight;
            }
        }
        if let Some(years) = &self.years {
            for year in years.values_for_doc(doc) {
                *self.year_counts.entry(year).or_default() += weight;
            }
        }
    }

    fn harvest(self) -> Facets {
        let mut facets = Facets {
            estimated: self.seen > EXACT_FACET_DOCS,
            ..Facets::default()
        };
        let maps = [
            &mut facets.kinds,
            &mut facets.themes,
            &mut facets.countries,
            &mut facets.languages,
        ];
        let mut value = String::new();
        for (column, map) in self.columns.into_iter().zip(maps) {
            let Some((column, counts)) = column else {
                continue;
            };
            for (ord, count) in counts.into_iter().enumerate() {
                if count > 0 && column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                    map.insert(value.clone(), count);
                }
            }
        }
        for (year, count) in self.year_counts {
            if let Ok(year) = i32::try_from(year) {
                facets.years.insert(year, count);
            }
        }
        facets
    }
}
