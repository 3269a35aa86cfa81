//! PostgreSQL full-text search, for the benchmark: the same documents and
//! queries as the other engines.
//!
//! * Each text gets a `tsvector` built with the stock text search
//!   configuration of its language (`english`, `arabic`, `turkish`,
//!   `french`, `german`; a text without a language is detected with
//!   [`Lang::detect`], as majlis-search does, and falls back to `simple`,
//!   as does a language whose configuration the server lacks),
//!   weighted A (titles), B (summaries) or C (bodies); a document's
//!   `tsvector` is the concatenation of its texts'. One GIN index.
//! * A query is `websearch_to_tsquery` in each of those configurations and
//!   `simple`, OR'ed (so each configuration's stemming and stop words apply
//!   to the whole query); when the last word is still being typed (no
//!   trailing space), it is matched as a prefix (`to_tsquery('…:*')`), as
//!   the SQLite variant does.
//! * Results: `ts_rank` (then newest), top page with a `ts_headline`
//!   snippet, the total, and the same five facet GROUP BYs as the SQLite
//!   variant — seven statements sent in one round trip.
//!
//! Texts go in as they are (no `fold()`): casing, Turkish i and Latin
//! diacritics are left to the configurations, which is what a deployment
//! of PostgreSQL FTS would do.

use std::io::Write as _;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use majlis_search::{Document, Lang, Query, Sort};
use postgres::{Client, Config, NoTls, SimpleQueryMessage};

use super::{Timings, lit, sql_filters};

/// The configuration of each of the five languages.
pub const CONFIGS: [(&str, &str); 5] = [
    ("en", "english"),
    ("ar", "arabic"),
    ("tr", "turkish"),
    ("fr", "french"),
    ("de", "german"),
];

/// Every configuration a document text may be indexed with.
const QUERY_CONFIGS: [&str; 6] = ["english", "arabic", "turkish", "french", "german", "simple"];

/// Configurations of [`CONFIGS`] the server lacks: `simple` stands in.
static MISSING: OnceLock<Vec<&'static str>> = OnceLock::new();

/// Records the configurations the server lacks (once, before any build).
pub fn set_missing(missing: Vec<&'static str>) {
    let _ = MISSING.set(missing);
}

fn available(config: &'static str) -> &'static str {
    if MISSING.get().is_some_and(|m| m.contains(&config)) {
        "simple"
    } else {
        config
    }
}

/// The configuration for a text in `lang` (`None`: detected).
pub fn config_for(lang: Option<&str>, text: &str) -> &'static str {
    let lang = match lang {
        Some(code) => Lang::from_code(code),
        None => Lang::detect(text),
    };
    lang.and_then(|l| CONFIGS.iter().find(|(code, _)| *code == l.code()))
        .map_or("simple", |(_, config)| available(config))
}

/// A database of our own on the server, dropped when this is dropped.
pub struct Server {
    admin: Config,
    /// Database name.
    pub name: String,
    /// `SELECT version()`.
    pub version: String,
}

impl Server {
    /// Creates `majlis_bench_fts_<random>` on the server at `url`.
    pub fn create(url: &str) -> Result<Server, postgres::Error> {
        let admin: Config = url.parse()?;
        let mut client = admin.connect(NoTls)?;
        let version: String = client.query_one("SELECT version()", &[])?.get(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        let name = format!(
            "majlis_bench_fts_{:x}",
            (nanos ^ u64::from(std::process::id()).rotate_left(32)) & 0xffff_ffff_ffff
        );
        client.batch_execute(&format!(
            "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'"
        ))?;
        Ok(Server {
            admin,
            name,
            version,
        })
    }

    /// A connection to our database with `schema` (created) first in the
    /// search path.
    pub fn connect(&self, schema: &str) -> Client {
        let mut config = self.admin.clone();
        config.dbname(&self.name);
        let mut client = config
            .connect(NoTls)
            .expect("connect to the bench database");
        client
            .batch_execute(&format!(
                "CREATE SCHEMA IF NOT EXISTS {schema}; SET search_path TO {schema}, public;"
            ))
            .expect("schema");
        client
    }

    /// Text search configurations the server has.
    pub fn configurations(&self) -> Vec<String> {
        let mut client = self.connect("public");
        client
            .query("SELECT cfgname::text FROM pg_ts_config ORDER BY 1", &[])
            .expect("pg_ts_config")
            .iter()
            .map(|r| r.get(0))
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        match self.admin.connect(NoTls) {
            Ok(mut client) => {
                if let Err(e) = client.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                )) {
                    eprintln!("could not drop database {}: {e}", self.name);
                }
            }
            Err(e) => eprintln!("could not drop database {}: {e}", self.name),
        }
    }
}

/// Appends `value` as a field of COPY's text format.
fn copy_field(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// Writes `rows` (fields already escaped, tab-separated, one per line)
/// through COPY.
fn copy_rows(client: &mut Client, table: &str, rows: &str) {
    let mut writer = client
        .copy_in(&format!("COPY {table} FROM STDIN"))
        .expect("copy");
    for chunk in rows.as_bytes().chunks(1 << 20) {
        writer.write_all(chunk).expect("copy data");
    }
    writer.finish().expect("copy end");
}

/// Creates the tables and indexes in the connection's schema and loads
/// `docs`. Returns the on-disk size of the schema (tables and indexes).
pub fn build(client: &mut Client, docs: &[Document]) -> u64 {
    client
        .batch_execute(
            "CREATE AGGREGATE tsv_agg(tsvector) (
                 SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');
             CREATE TABLE docs_stage(rowid int, id text, kind text, year int, date bigint,
                                     url text, title text, cfg regconfig, content text);
             CREATE TABLE doc_texts(rowid int, cfg regconfig, weight \"char\", body text);
             CREATE TABLE doc_themes(rowid int, value text);
             CREATE TABLE doc_countries(rowid int, value text);
             CREATE TABLE doc_languages(rowid int, value text);
             CREATE TABLE doc_audience(rowid int, value text);",
        )
        .expect("schema");
    let mut stage = String::new();
    let mut texts = String::new();
    let mut side: [(&str, String); 4] = [
        ("doc_themes", String::new()),
        ("doc_countries", String::new()),
        ("doc_languages", String::new()),
        ("doc_audience", String::new()),
    ];
    for (rowid, doc) in docs.iter().enumerate() {
        let all_texts = doc
            .titles
            .iter()
            .map(|t| (t, 'A'))
            .chain(doc.summaries.iter().map(|t| (t, 'B')))
            .chain(doc.bodies.iter().map(|t| (t, 'C')));
        let mut content = String::new();
        let mut main_config = None;
        for ((lang, text), weight) in all_texts {
            let config = config_for(lang.as_deref(), text);
            main_config.get_or_insert(config);
            texts.push_str(&format!("{rowid}\t{config}\t{weight}\t"));
            copy_field(&mut texts, text);
            texts.push('\n');
            if !content.is_empty() {
                content.push('\n');
            }
            content.push_str(text);
        }
        let title = doc
            .titles
            .first()
            .map(|(_, t)| t.as_str())
            .unwrap_or_default();
        stage.push_str(&format!("{rowid}\t"));
        for field in [&doc.id, &doc.kind] {
            copy_field(&mut stage, field);
            stage.push('\t');
        }
        match doc.year {
            Some(year) => stage.push_str(&format!("{year}\t")),
            None => stage.push_str("\\N\t"),
        }
        stage.push_str(&format!("{}\t", doc.date));
        copy_field(&mut stage, &doc.url);
        stage.push('\t');
        copy_field(&mut stage, title);
        stage.push_str(&format!("\t{}\t", main_config.unwrap_or("simple")));
        copy_field(&mut stage, &content);
        stage.push('\n');
        // As the SQLite variant: the languages given with the texts.
        let mut languages: Vec<String> = doc
            .titles
            .iter()
            .chain(&doc.summaries)
            .filter_map(|(l, _)| l.clone())
            .collect();
        languages.sort();
        languages.dedup();
        for ((_, out), values) in
            side.iter_mut()
                .zip([&doc.themes, &doc.countries, &languages, &doc.audience])
        {
            for value in values {
                out.push_str(&format!("{rowid}\t"));
                copy_field(out, value);
                out.push('\n');
            }
        }
    }
    copy_rows(client, "docs_stage", &stage);
    copy_rows(client, "doc_texts", &texts);
    for (table, rows) in &side {
        copy_rows(client, table, rows);
    }
    client
        .batch_execute(
            "CREATE TABLE docs AS
                 SELECT s.*, coalesce(t.tsv, ''::tsvector) AS tsv
                 FROM docs_stage s LEFT JOIN (
                     SELECT rowid, tsv_agg(setweight(to_tsvector(cfg, body), weight)) AS tsv
                     FROM doc_texts GROUP BY rowid) t USING (rowid);
             DROP TABLE docs_stage, doc_texts;
             ALTER TABLE docs ADD PRIMARY KEY (rowid);
             CREATE UNIQUE INDEX docs_id ON docs(id);
             CREATE INDEX docs_tsv ON docs USING gin(tsv);
             CREATE INDEX docs_kind ON docs(kind, year);
             CREATE INDEX docs_date ON docs(date);
             CREATE INDEX themes_value ON doc_themes(value, rowid);
             CREATE INDEX themes_rowid ON doc_themes(rowid);
             CREATE INDEX countries_value ON doc_countries(value, rowid);
             CREATE INDEX countries_rowid ON doc_countries(rowid);
             CREATE INDEX languages_value ON doc_languages(value, rowid);
             CREATE INDEX languages_rowid ON doc_languages(rowid);
             CREATE INDEX audience_value ON doc_audience(value, rowid);
             ANALYZE;",
        )
        .expect("indexes");
    // Outside the implicit transaction of a batch: the visibility map set,
    // as an index-only scan wants.
    client.batch_execute("VACUUM docs").expect("vacuum");
    client
        .query_one(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = current_schema() AND c.relkind = 'r'",
            &[],
        )
        .map(|r| r.get::<_, i64>(0) as u64)
        .unwrap_or(0)
}

fn is_word_char(c: char) -> bool {
    // Letters and digits, and the combining marks inside words (Latin
    // accents, Arabic harakat).
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || ('\u{064B}'..='\u{065F}').contains(&c)
        || c == '\u{0670}'
}

/// The tsquery of a query text, as an SQL expression of literals: `None`
/// when the text has no word.
pub fn tsquery(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
        .collect();
    let last = *words.last()?;
    let prefix = text.chars().next_back().is_some_and(is_word_char);
    let mut configs: Vec<&str> = Vec::new();
    for config in QUERY_CONFIGS.map(available) {
        if !configs.contains(&config) {
            configs.push(config);
        }
    }
    let parts: Vec<String> = configs
        .iter()
        .map(|config| {
            if prefix {
                // The last word is the end of the text.
                let rest = &text[..text.len() - last.len()];
                format!(
                    "(websearch_to_tsquery('{config}', {}) && to_tsquery('{config}', {}))",
                    lit(rest),
                    lit(&format!("{last}:*"))
                )
            } else {
                format!("websearch_to_tsquery('{config}', {})", lit(text))
            }
        })
        .collect();
    Some(format!("({})", parts.join(" || ")))
}

/// One search: total, top page with snippets, five facet counts — seven
/// statements in one round trip. Returns the total and the page's ids.
pub fn search(client: &mut Client, query: &Query) -> (i64, Vec<String>) {
    let filters = sql_filters(query);
    let tsq = tsquery(&query.text);
    let (matched, score) = match &tsq {
        Some(q) => (
            format!("d.tsv @@ {q} AND {filters}"),
            format!("ts_rank(d.tsv, {q})"),
        ),
        None => (filters, "0.0::real".to_owned()),
    };
    let order = if query.sort == Sort::Newest || tsq.is_none() {
        "date DESC, score DESC, id"
    } else {
        "score DESC, date DESC, id"
    };
    let per_page = query.per_page.max(1);
    let offset = (query.page.max(1) - 1) * per_page;
    let snippet = match &tsq {
        Some(q) => format!(
            "ts_headline(cfg, content, {q}, \
             'MaxFragments=1, MaxWords=24, MinWords=8, StartSel=<mark>, StopSel=</mark>')"
        ),
        None => "''".to_owned(),
    };
    let sql = format!(
        "SELECT count(*) FROM docs d WHERE {matched};
         SELECT id, {snippet} FROM (
             SELECT d.id, d.cfg, d.content, d.date, {score} AS score FROM docs d
             WHERE {matched} ORDER BY {order} LIMIT {per_page} OFFSET {offset}) t
         ORDER BY {order};
         SELECT d.kind, count(*) FROM docs d WHERE {matched} GROUP BY 1;
         SELECT d.year, count(*) FROM docs d WHERE {matched} GROUP BY 1;
         SELECT t.value, count(*) FROM docs d JOIN doc_themes t ON t.rowid = d.rowid
             WHERE {matched} GROUP BY 1;
         SELECT t.value, count(*) FROM docs d JOIN doc_countries t ON t.rowid = d.rowid
             WHERE {matched} GROUP BY 1;
         SELECT t.value, count(*) FROM docs d JOIN doc_languages t ON t.rowid = d.rowid
             WHERE {matched} GROUP BY 1;"
    );
    let messages = client.simple_query(&sql).expect("search");
    let mut statement = 0;
    let mut total = 0;
    let mut ids = Vec::new();
    for message in messages {
        match message {
            SimpleQueryMessage::Row(row) => match statement {
                0 => total = row.get(0).and_then(|v| v.parse().ok()).unwrap_or(0),
                1 => ids.push(row.get(0).unwrap_or_default().to_owned()),
                _ => {
                    std::hint::black_box(row.get(1));
                }
            },
            SimpleQueryMessage::CommandComplete(_) => statement += 1,
            _ => {}
        }
    }
    (total, ids)
}

/// The 100k-document run: build, then the query set `rounds` times.
pub fn run(
    server: &Server,
    docs: &[Document],
    queries: &[(&'static str, Query)],
    rounds: usize,
) -> Timings {
    let start = Instant::now();
    let mut client = server.connect("corpus");
    let size = build(&mut client, docs);
    let build = start.elapsed();

    let mut notes = String::new();
    for (category, query) in queries {
        let (total, ids) = search(&mut client, query);
        notes.push_str(&format!(
            "  {:<12} {:<40} total {:>6}  first {}\n",
            category,
            format!("{:?}", query.text),
            total,
            ids.first().map_or("-", String::as_str)
        ));
    }
    let mut samples: Vec<(&'static str, Duration)> = Vec::new();
    for _ in 0..rounds {
        for (category, query) in queries {
            let start = Instant::now();
            std::hint::black_box(search(&mut client, query));
            samples.push((*category, start.elapsed()));
        }
    }
    client
        .batch_execute("DROP SCHEMA corpus CASCADE")
        .expect("drop schema");
    Timings {
        name: "PostgreSQL FTS",
        build,
        size,
        samples,
        notes,
    }
}
