//! Multilingual full-text search for Arabic, Turkish, English, French and
//! German, on [tantivy].
//!
//! The crate knows nothing of the application: it indexes [`Document`]s
//! (typed fields, texts in several languages, themes, countries, an
//! audience) and answers [`Query`]s with [`Results`] (hits with
//! highlighted snippets, a total and facet counts).
//!
//! * One normaliser ([`normalize`], [`fold`]) runs, as a tantivy token
//!   filter, in every analyser, at index and at query time: NFKC, Turkish
//!   dotted/dotless i, Arabic letter variants and harakat, and — in the
//!   language-neutral field — Latin diacritics.
//! * Each text is indexed in the stemmed field of its language (given, or
//!   detected among the five) and in one language-neutral field.
//! * A thesaurus of the field (`data/thesaurus.toml`, about 300 concepts
//!   with terms in the five languages) is matched at index time (documents
//!   get the concepts their texts mention) and at query time (words map to
//!   concepts): a query in one language finds items written in another,
//!   ranked by BM25 over the concepts they share with it, whatever the
//!   language; the query's own words then break ties.
//! * German compounds are split into dictionary words at index and query
//!   time (`Müllentsorgung` → `Müll` + `Entsorgung`).
//! * A [`Vocabulary`] of themes with labels and synonyms in every language
//!   lets a query find items through their theme tags, ranked below text
//!   and concept matches.
//! * Facet counts are exact, at a cost bounded by the index's size rather
//!   than the number of matches (each segment's values are kept as document
//!   sets, intersected with the matches).
//! * Permissions are part of the query: only documents whose `audience`
//!   intersects [`Query::audience`] are counted, faceted or returned.
//! * Typo tolerance (Levenshtein 1 from 5 characters, 2 from 9) and prefix
//!   matching of the last word, both ranked below exact matches.
//!
//! ```
//! use majlis_search::{Document, Query, SearchIndex};
//!
//! let index = SearchIndex::in_memory()?;
//! index.upsert(
//!     &Document::new("practice:1", "practice")
//!         .title(Some("en"), "Language cafés for refugees")
//!         .audience(["public"]),
//! )?;
//! index.commit()?;
//! let results = index.search(&Query::new("refugee").audience(["public"]))?;
//! assert_eq!(results.hits[0].id, "practice:1");
//! # Ok::<(), majlis_search::Error>(())
//! ```
#![warn(missing_docs)]

mod analysis;
mod at_least;
mod collect;
mod decompound;
mod document;
mod facets;
mod filter;
mod index;
mod lang;
mod normalize;
mod optional;
#[cfg(test)]
mod score;
mod search;
mod snippet;
#[cfg(test)]
mod test_corpus;
mod thesaurus;
mod vocabulary;
mod word;

pub use document::{Document, LocalizedText};
pub use facets::Facets;
pub use index::{Opened, SCHEMA_VERSION, SearchIndex};
pub use lang::Lang;
pub use normalize::{Normalizer, WordTokenizer, fold, normalize};
pub use search::{Hit, Query, Results, Sort};
pub use vocabulary::{Theme, Vocabulary};

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An error of the search engine.
    #[error("search engine: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// A file system error.
    #[error("index directory: {0}")]
    Io(#[from] std::io::Error),
    /// A stored document could not be read back.
    #[error("stored document: {0}")]
    Stored(#[from] serde_json::Error),
    /// A lock (poisoned by a panic elsewhere).
    #[error("the index writer lock is poisoned")]
    Poisoned,
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
