//! The index: schema, lifecycle and writes.

use std::borrow::Borrow;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;
use std::sync::{Arc, Mutex, RwLock};

use serde::{Deserialize, Serialize};
use tantivy::query::{AllQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use crate::analysis::{self, Analyzers, CONCEPTS_TOKENIZER, tokenizer_name};
use crate::document::{
    Document, norm_audience, norm_country, norm_kind, norm_language, norm_theme,
};
use crate::facets::{COUNTRIES, FacetCache, FacetFields, KIND, LANGUAGES, THEMES, YEAR};
use crate::lang::Lang;
use crate::thesaurus;
use crate::vocabulary::{ThemeMatcher, Vocabulary};
use crate::{Error, Result};

/// Version of the schema and analysis. An index directory written with
/// another version is rebuilt by [`SearchIndex::open_or_rebuild`]. Bump it
/// whenever fields, analysers or the normaliser change.
pub const SCHEMA_VERSION: u32 = 3;

/// The file beside `meta.json` holding [`SCHEMA_VERSION`].
const VERSION_FILE: &str = "majlis-search.version";

/// Memory budget of the single index writer.
const WRITER_MEMORY_BUDGET: usize = 50_000_000;
/// tantivy refuses less than 15 MB per indexing thread.
const MIN_BUDGET_PER_THREAD: usize = 15_000_000;

/// What [`SearchIndex::open_or_rebuild`] found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The index was missing, corrupt or of another schema version: it was
    /// recreated empty, and the caller should re-index everything.
    Fresh,
    /// A valid index of this schema version was opened.
    Existing,
}

/// The fields of the schema.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fields {
    pub(crate) id: Field,
    pub(crate) kind: Field,
    pub(crate) themes: Field,
    pub(crate) countries: Field,
    pub(crate) languages: Field,
    pub(crate) audience: Field,
    pub(crate) year: Field,
    pub(crate) date: Field,
    pub(crate) payload: Field,
    /// Language-neutral field: every text, folded, unstemmed.
    pub(crate) text: Field,
    /// The thesaurus concepts the titles, summaries and bodies mention, as
    /// ids, once per mention (in the text that mentions it most, when a
    /// field has translations).
    pub(crate) concepts: [Field; 3],
    /// Per-language stemmed fields, indexed by [`Lang::index`].
    pub(crate) title: [Field; 5],
    pub(crate) summary: [Field; 5],
    pub(crate) body: [Field; 5],
}

pub(crate) const DATE: &str = "date";

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING);
    let kind = b.add_text_field(KIND, STRING | FAST);
    let themes = b.add_text_field(THEMES, STRING | FAST);
    let countries = b.add_text_field(COUNTRIES, STRING | FAST);
    let languages = b.add_text_field(LANGUAGES, STRING | FAST);
    let audience = b.add_text_field("audience", STRING);
    let year = b.add_i64_field(YEAR, INDEXED | FAST);
    let date = b.add_i64_field(DATE, FAST);
    let payload = b.add_text_field("payload", STORED);
    let text_options = |lang: Option<Lang>| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer_name(lang))
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let text = b.add_text_field("text", text_options(None));
    let concepts = ["title", "summary", "body"].map(|part| {
        b.add_text_field(
            &format!("concepts_{part}"),
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(CONCEPTS_TOKENIZER)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        )
    });
    let mut per_lang = |prefix: &str| {
        Lang::ALL
            .map(|l| b.add_text_field(&format!("{prefix}_{}", l.code()), text_options(Some(l))))
    };
    let title = per_lang("title");
    let summary = per_lang("summary");
    let body = per_lang("body");
    let fields = Fields {
        id,
        kind,
        themes,
        countries,
        languages,
        audience,
        year,
        date,
        payload,
        text,
        concepts,
        title,
        summary,
        body,
    };
    (b.build(), fields)
}

/// What is stored per document: the document as given, plus the language
/// each of its texts was indexed in (given or detected).
#[derive(Serialize, Deserialize)]
pub(crate) struct Stored {
    pub(crate) doc: Document,
    pub(crate) title_langs: Vec<Option<Lang>>,
    pub(crate) summary_langs: Vec<Option<Lang>>,
    pub(crate) body_langs: Vec<Option<Lang>>,
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language {code:?}")))
    }
}

/// A full-text index of [`Document`]s.
///
/// `Send + Sync`: share it in an `Arc`. Searches run concurrently on the
/// last committed state; writes go through one internal writer (behind a
/// mutex) and become visible to searches at [`commit`](Self::commit).
pub struct SearchIndex {
    pub(crate) reader: IndexReader,
    writer: Mutex<IndexWriter>,
    pub(crate) fields: Fields,
    pub(crate) themes: RwLock<Arc<ThemeMatcher>>,
    /// Each segment's facet values and their documents.
    pub(crate) facets: FacetCache,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("num_docs", &self.num_docs())
            .finish_non_exhaustive()
    }
}

impl SearchIndex {
    /// A new, empty index held in memory (tests, benchmarks, small sites).
    pub fn in_memory() -> Result<SearchIndex> {
        let (schema, fields) = build_schema();
        SearchIndex::setup(Index::create_in_ram(schema), fields)
    }

    /// Opens the index in `dir`, creating the directory if needed.
    ///
    /// If there is no index there, or it cannot be opened (corrupt files),
    /// or it was written with another [`SCHEMA_VERSION`], the index files are
    /// removed and an empty index is created: [`Opened::Fresh`] tells the
    /// caller to re-index everything. The directory should be dedicated to
    /// the index; only tantivy's files and the version file are removed.
    ///
    /// An index locked by another writer is an error, not a reason to
    /// rebuild.
    pub fn open_or_rebuild(dir: impl AsRef<Path>) -> Result<(SearchIndex, Opened)> {
        let dir = dir.as_ref();
        fs::create_dir_all(dir)?;
        let version_matches = fs::read_to_string(dir.join(VERSION_FILE))
            .is_ok_and(|v| v.trim() == SCHEMA_VERSION.to_string());
        if version_matches && dir.join("meta.json").exists() {
            match SearchIndex::open_existing(dir) {
                Ok(index) => return Ok((index, Opened::Existing)),
                Err(Error::Tantivy(e @ TantivyError::LockFailure(..))) => return Err(e.into()),
                Err(_) => {}
            }
        }
        remove_index_files(dir)?;
        let (schema, fields) = build_schema();
        let index = SearchIndex::setup(Index::create_in_dir(dir, schema)?, fields)?;
        // Written last: a crash before this line leaves a directory that
        // the next open rebuilds again.
        fs::write(dir.join(VERSION_FILE), format!("{SCHEMA_VERSION}\n"))?;
        Ok((index, Opened::Fresh))
    }

    fn open_existing(dir: &Path) -> Result<SearchIndex> {
        let index = Index::open_in_dir(dir)?;
        let (schema, fields) = build_schema();
        if index.schema() != schema {
            return Err(TantivyError::SchemaError("schema differs".into()).into());
        }
        let index = SearchIndex::setup(index, fields)?;
        // Touch every segment's store so that truncated files show now.
        let searcher = index.reader.searcher();
        for segment in searcher.segment_readers() {
            segment.get_store_reader(0)?;
        }
        Ok(index)
    }

    fn setup(index: Index, fields: Fields) -> Result<SearchIndex> {
        analysis::register(index.tokenizers());
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, WRITER_MEMORY_BUDGET / MIN_BUDGET_PER_THREAD);
        let writer = index.writer_with_num_threads(threads, WRITER_MEMORY_BUDGET)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            reader,
            writer: Mutex::new(writer),
            fields,
            themes: RwLock::new(Arc::new(ThemeMatcher::default())),
            facets: FacetCache::new(FacetFields {
                strings: [
                    fields.kind,
                    fields.themes,
                    fields.countries,
                    fields.languages,
                ],
                year: fields.year,
                audience: fields.audience,
            }),
        })
    }

    /// Sets the vocabulary used to expand queries to themes (builder style).
    pub fn with_vocabulary(self, vocabulary: impl Borrow<Vocabulary>) -> SearchIndex {
        self.set_vocabulary(vocabulary);
        self
    }

    /// Replaces the vocabulary used to expand queries to themes. Takes
    /// effect for the next query; the index itself does not change.
    pub fn set_vocabulary(&self, vocabulary: impl Borrow<Vocabulary>) {
        let matcher = Arc::new(ThemeMatcher::compile(vocabulary.borrow()));
        match self.themes.write() {
            Ok(mut guard) => *guard = matcher,
            Err(poisoned) => *poisoned.into_inner() = matcher,
        }
    }

    pub(crate) fn theme_matcher(&self) -> Arc<ThemeMatcher> {
        match self.themes.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn writer(&self) -> Result<std::sync::MutexGuard<'_, IndexWriter>> {
        self.writer.lock().map_err(|_| Error::Poisoned)
    }

    /// Adds `doc`, replacing any document with the same id. Visible to
    /// searches after the next [`commit`](Self::commit).
    pub fn upsert(&self, doc: impl Borrow<Document>) -> Result<()> {
        let doc = doc.borrow();
        let tantivy_doc = self.to_tantivy(doc)?;
        let writer = self.writer()?;
        writer.delete_term(Term::from_field_text(self.fields.id, &doc.id));
        writer.add_document(tantivy_doc)?;
        Ok(())
    }

    /// Removes the document with this id, if any. Visible after the next
    /// [`commit`](Self::commit).
    pub fn delete(&self, id: impl AsRef<str>) -> Result<()> {
        self.writer()?
            .delete_term(Term::from_field_text(self.fields.id, id.as_ref()));
        Ok(())
    }

    /// Removes every document. Like other changes, visible only after the
    /// next [`commit`](Self::commit), so that `clear`, re-indexing and
    /// `commit` swap the whole content atomically for readers.
    pub fn clear(&self) -> Result<()> {
        self.writer()?.delete_query(Box::new(AllQuery))?;
        Ok(())
    }

    /// Makes every change so far durable and visible to searches (the
    /// reader is reloaded before this returns).
    pub fn commit(&self) -> Result<()> {
        let mut writer = self.writer()?;
        writer.commit()?;
        self.reader.reload()?;
        Ok(())
    }

    /// Merges the committed segments into one and waits for it: a search
    /// visits each segment, so after a rebuild (many segments written at
    /// once) one segment answers faster. Searches meanwhile see the
    /// segments as they were; writes go on. Returns whether it merged: not
    /// when there was one segment or fewer, nor when some segment was
    /// already being merged in the background (the merge policy then does it).
    pub fn compact(&self) -> Result<bool> {
        let ids: Vec<_> = self
            .reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|s| s.segment_id())
            .collect();
        if ids.len() < 2 {
            return Ok(false);
        }
        let merge = self.writer()?.merge(&ids);
        let merged = merge.wait().is_ok_and(|meta| meta.is_some());
        self.reader.reload()?;
        Ok(merged)
    }

    /// Which state of the index searches see now: it grows with every
    /// commit (and reload), so a result kept under it is current while it
    /// stays the same.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// Number of committed documents.
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The committed document with this id, as it was given.
    pub fn get(&self, id: impl AsRef<str>) -> Result<Option<Document>> {
        Ok(self.stored(id.as_ref())?.map(|s| s.doc))
    }

    pub(crate) fn stored(&self, id: &str) -> Result<Option<Stored>> {
        let searcher = self.reader.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.id, id),
            IndexRecordOption::Basic,
        );
        let top = searcher.search(
            &query,
            &tantivy::collector::TopDocs::with_limit(1).order_by_score(),
        )?;
        match top.first() {
            Some((_, address)) => Ok(Some(self.load(&searcher, *address)?)),
            None => Ok(None),
        }
    }

    pub(crate) fn load(
        &self,
        searcher: &tantivy::Searcher,
        address: tantivy::DocAddress,
    ) -> Result<Stored> {
        let doc: TantivyDocument = searcher.doc(address)?;
        let json = doc
            .get_first(self.fields.payload)
            .and_then(|v| v.as_str())
            .unwrap_or("null");
        Ok(serde_json::from_str(json)?)
    }

    fn to_tantivy(&self, doc: &Document) -> Result<TantivyDocument> {
        let f = &self.fields;
        let mut out = TantivyDocument::default();
        out.add_text(f.id, &doc.id);
        out.add_text(f.kind, norm_kind(&doc.kind));
        let add_set =
            |out: &mut TantivyDocument, field, values: &[String], norm: fn(&str) -> String| {
                let set: BTreeSet<String> = values
                    .iter()
                    .map(|v| norm(v))
                    .filter(|v| !v.is_empty())
                    .collect();
                for value in set {
                    out.add_text(field, value);
                }
            };
        add_set(&mut out, f.themes, &doc.themes, norm_theme);
        add_set(&mut out, f.countries, &doc.countries, norm_country);
        add_set(&mut out, f.audience, &doc.audience, norm_audience);
        if let Some(year) = doc.year {
            out.add_i64(f.year, i64::from(year));
        }
        out.add_i64(f.date, doc.date);

        let title_langs = resolve_langs(&doc.titles, &doc.bodies, &doc.summaries);
        let summary_langs = resolve_langs(&doc.summaries, &doc.bodies, &doc.titles);
        let body_langs = resolve_langs(&doc.bodies, &doc.summaries, &doc.titles);
        let matcher = thesaurus::matcher();
        let mut found = Vec::new();
        for (texts, langs, fields, concept_field) in [
            (&doc.titles, &title_langs, &f.title, f.concepts[0]),
            (&doc.summaries, &summary_langs, &f.summary, f.concepts[1]),
            (&doc.bodies, &body_langs, &f.body, f.concepts[2]),
        ] {
            // Translations say the same: a concept counts as often as the
            // text mentioning it most does, not once per language.
            let mut mentions: BTreeMap<u32, usize> = BTreeMap::new();
            for ((_, text), lang) in texts.iter().zip(langs) {
                if let Some(lang) = lang {
                    out.add_text(fields[lang.index()], text);
                }
                out.add_text(f.text, text);
                found.clear();
                concepts_of(*lang, text, &mut found);
                found.sort_unstable();
                for run in found.chunk_by(|a, b| a == b) {
                    let count = mentions.entry(run[0]).or_default();
                    *count = (*count).max(run.len());
                }
            }
            if !mentions.is_empty() {
                let mut ids = String::new();
                for (concept, count) in mentions {
                    for _ in 0..count {
                        ids.push_str(matcher.id(concept));
                        ids.push(' ');
                    }
                }
                out.add_text(concept_field, ids);
            }
        }

        let mut languages: BTreeSet<String> = doc
            .languages
            .iter()
            .map(|l| norm_language(l))
            .filter(|l| !l.is_empty())
            .collect();
        if languages.is_empty() {
            let texts = doc.titles.iter().chain(&doc.summaries).chain(&doc.bodies);
            let langs = title_langs.iter().chain(&summary_langs).chain(&body_langs);
            for ((given, _), resolved) in texts.zip(langs) {
                match (given, resolved) {
                    (Some(code), _) => languages.insert(norm_language(code)),
                    (None, Some(lang)) => languages.insert(lang.code().to_owned()),
                    (None, None) => false,
                };
            }
        }
        for language in languages.into_iter().filter(|l| !l.is_empty()) {
            out.add_text(f.languages, language);
        }

        let stored = Stored {
            doc: doc.clone(),
            title_langs,
            summary_langs,
            body_langs,
        };
        out.add_text(f.payload, serde_json::to_string(&stored)?);
        Ok(out)
    }
}

/// Pushes the thesaurus concepts `text` mentions onto `out`: the terms of
/// its language, or of any of the five when its language is not known.
fn concepts_of(lang: Option<Lang>, text: &str, out: &mut Vec<u32>) {
    thread_local! {
        static ANALYZERS: RefCell<Analyzers> = RefCell::new(Analyzers::new());
    }
    let matcher = thesaurus::matcher();
    ANALYZERS.with_borrow_mut(|analyzers| {
        let langs = match lang {
            Some(l) => vec![l],
            None => Lang::ALL.to_vec(),
        };
        for l in langs {
            let tokens = analyzers.analyze(Some(l), text);
            matcher.concepts_in(l, &tokens, out);
        }
    });
}

/// The field language of each text: the given one if it is one of the five;
/// none for another given language; detected when not given (falling back
/// on the language detected for the longest of the other texts, since
/// titles are often too short to detect).
fn resolve_langs(
    texts: &[(Option<String>, String)],
    other_a: &[(Option<String>, String)],
    other_b: &[(Option<String>, String)],
) -> Vec<Option<Lang>> {
    let fallback = || {
        texts
            .iter()
            .chain(other_a)
            .chain(other_b)
            .max_by_key(|(_, text)| text.len())
            .and_then(|(lang, text)| match lang {
                Some(code) => Lang::from_code(code),
                None => Lang::detect(text),
            })
    };
    texts
        .iter()
        .map(|(lang, text)| match lang {
            Some(code) => Lang::from_code(code),
            None => Lang::detect(text).or_else(fallback),
        })
        .collect()
}

/// Removes what tantivy and this crate put in an index directory, and
/// nothing else.
fn remove_index_files(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let ours = matches!(
            name,
            "meta.json"
                | ".managed.json"
                | ".tantivy-meta.lock"
                | ".tantivy-writer.lock"
                | VERSION_FILE
        ) || is_segment_file(name);
        if ours && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// Segment files are named `<32 hex digits>.<ext>` (deletes:
/// `<uuid>.<opstamp>.del`).
fn is_segment_file(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.len() > 33 && bytes[32] == b'.' && bytes[..32].iter().all(u8::is_ascii_hexdigit)
}
