//! The relevance set: the demo network's content (practices, library
//! resources, events, organisations, municipalities — read from
//! crates/majlis/src/demo and crates/majlis/src/directory/themes.toml),
//! indexed as the app indexes it (crates/majlis/src/search/documents.rs),
//! and the judged queries of `relevance.toml`, scored with nDCG@10.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use majlis_search::{Document, Theme, Vocabulary};
use toml::{Table, Value};

/// Languages of the queries, in table order.
pub const LANGS: [&str; 5] = ["ar", "tr", "en", "fr", "de"];

/// Depth of the measure.
pub const K: usize = 10;

/// One judged query.
pub struct Judged {
    pub lang: String,
    pub text: String,
    /// Graded judgments: 2 highly relevant, 1 relevant; anything else 0.
    pub relevant: BTreeMap<String, u8>,
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_toml(path: &Path) -> Table {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.parse::<Table>()
        .unwrap_or_else(|e| panic!("parsing {}: {e}", path.display()))
}

fn majlis_file(relative: &str) -> Table {
    read_toml(&crate_dir().join("../majlis/src").join(relative))
}

fn array<'a>(table: &'a Table, key: &str) -> &'a [Value] {
    table
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn string<'a>(table: &'a Table, key: &str) -> Option<&'a str> {
    table
        .get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn strings(table: &Table, key: &str) -> Vec<String> {
    array(table, key)
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect()
}

/// A translatable value (`{ orig = "en", en = "…", ar = "…" }`): its
/// (language, text) pairs.
fn translations(table: &Table, key: &str) -> Vec<(String, String)> {
    table
        .get(key)
        .and_then(Value::as_table)
        .map(|t| {
            t.iter()
                .filter(|(lang, _)| lang.as_str() != "orig")
                .filter_map(|(lang, text)| Some((lang.clone(), text.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

fn tables(table: &Table, key: &str) -> Vec<Table> {
    array(table, key)
        .iter()
        .filter_map(Value::as_table)
        .cloned()
        .collect()
}

#[derive(Clone, Copy)]
enum Field {
    Title,
    Summary,
    Body,
}

fn add(doc: Document, field: Field, texts: Vec<(String, String)>) -> Document {
    texts
        .into_iter()
        .fold(doc, |doc, (lang, text)| match field {
            Field::Title => doc.title(Some(&lang), text),
            Field::Summary => doc.summary(Some(&lang), text),
            Field::Body => doc.body(Some(&lang), text),
        })
}

fn body_unknown(doc: Document, text: Option<&str>) -> Document {
    match text {
        Some(t) => doc.body(None, t),
        None => doc,
    }
}

/// `YYYYMMDD` of an ISO date-time, as a sortable number.
fn date_number(iso: &str) -> i64 {
    iso.chars()
        .filter(char::is_ascii_digit)
        .take(8)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

fn people(session: &Table) -> Vec<String> {
    tables(session, "people")
        .iter()
        .filter_map(|p| string(p, "name").map(str::to_owned))
        .collect()
}

/// The demo's searchable items, with ids `kind:slug`.
pub fn demo_documents() -> Vec<Document> {
    let library = majlis_file("demo/library.toml");
    let events = majlis_file("demo/events.toml");
    let network = majlis_file("demo/network.toml");
    let mut docs = Vec::new();

    for p in tables(&library, "practice") {
        let slug = string(&p, "slug").expect("slug");
        let mut d = Document::new(format!("practice:{slug}"), "practice")
            .url(format!("/practices/{slug}"))
            .audience(["public"]);
        d = add(d, Field::Title, translations(&p, "title"));
        d = add(d, Field::Summary, translations(&p, "summary"));
        for extra in ["city", "department", "presenter"] {
            d = body_unknown(d, string(&p, extra));
        }
        if let Some(c) = string(&p, "country") {
            d = d.countries([c]);
        }
        docs.push(d.themes(strings(&p, "themes")));
    }

    for r in tables(&library, "resource") {
        let slug = string(&r, "slug").expect("slug");
        let year = r.get("year").and_then(Value::as_integer);
        let month = r.get("month").and_then(Value::as_integer).unwrap_or(1);
        let mut d = Document::new(format!("resource:{slug}"), "resource")
            .url(format!("/library/{slug}"))
            .audience(["public"])
            .date(year.map_or(0, |y| y * 10_000 + month * 100 + 1));
        d = add(d, Field::Title, translations(&r, "title"));
        d = add(d, Field::Summary, translations(&r, "summary"));
        d = body_unknown(d, string(&r, "authors"));
        if let Some(y) = year {
            d = d.year(y as i32);
        }
        docs.push(
            d.languages(strings(&r, "languages"))
                .countries(strings(&r, "countries"))
                .themes(strings(&r, "themes")),
        );
    }

    for e in tables(&events, "event") {
        let slug = string(&e, "slug").expect("slug");
        let starts = string(&e, "starts").unwrap_or_default();
        let date = date_number(starts);
        let mut d = Document::new(format!("event:{slug}"), "event")
            .url(format!("/events/{slug}"))
            .audience(["public"])
            .languages(strings(&e, "languages"))
            .year((date / 10_000) as i32)
            .date(date);
        d = add(d, Field::Title, translations(&e, "title"));
        d = add(d, Field::Summary, translations(&e, "summary"));
        for key in [
            "context",
            "objectives",
            "expected_results",
            "audience",
            "takeaways",
        ] {
            d = add(d, Field::Body, translations(&e, key));
        }
        let mut names = Vec::new();
        for s in tables(&e, "session") {
            // Groups are sessions too in the app (with a parent).
            for session in std::iter::once(s.clone()).chain(tables(&s, "group")) {
                d = add(d, Field::Body, translations(&session, "title"));
                d = add(d, Field::Body, translations(&session, "objectives"));
                names.extend(people(&session));
            }
        }
        if !names.is_empty() {
            d = d.body(None, names.join("; "));
        }
        d = body_unknown(d, string(&e, "city"));
        if let Some(c) = string(&e, "country") {
            d = d.countries([c]);
        }
        docs.push(d.themes(strings(&e, "themes")));
    }

    for o in tables(&network, "organisation") {
        let slug = string(&o, "slug").expect("slug");
        let names = translations(&o, "name");
        let mut d = Document::new(format!("organisation:{slug}"), "organisation")
            .url(format!("/organisations/{slug}"))
            .audience(["public"])
            .languages(names.iter().map(|(l, _)| l.clone()));
        d = add(d, Field::Title, names);
        if let Some(a) = string(&o, "acronym") {
            d = d.title(None, a);
        }
        d = add(d, Field::Summary, translations(&o, "description"));
        if let Some(c) = string(&o, "country") {
            d = d.countries([c]);
        }
        docs.push(d.themes(strings(&o, "themes")));
    }

    for m in tables(&network, "municipality") {
        let slug = string(&m, "slug").expect("slug");
        let names = translations(&m, "name");
        let mut d = Document::new(format!("municipality:{slug}"), "municipality")
            .url(format!("/municipalities/{slug}"))
            .audience(["public"])
            .languages(names.iter().map(|(l, _)| l.clone()));
        d = add(d, Field::Title, names);
        d = body_unknown(d, string(&m, "region"));
        d = add(d, Field::Summary, translations(&m, "profile"));
        if let Some(c) = string(&m, "country") {
            d = d.countries([c]);
        }
        docs.push(d.themes(strings(&m, "themes")));
    }
    // Distinct dates (the app's are timestamps), so that every engine
    // breaks ties in score the same way, run after run: newest first, and
    // among items of the same day the later one in the files.
    for (i, d) in docs.iter_mut().enumerate() {
        d.date = d.date * 1000 + i as i64;
    }
    docs
}

/// The theme vocabulary: labels and synonyms in the five languages.
pub fn demo_vocabulary() -> Vocabulary {
    let themes = majlis_file("directory/themes.toml");
    let mut vocabulary = Vocabulary::new();
    for t in tables(&themes, "theme") {
        let mut theme = Theme::new(string(&t, "slug").expect("slug"));
        for (lang, label) in translations(&t, "label") {
            theme = theme.label(&lang, label);
        }
        if let Some(synonyms) = t.get("synonyms").and_then(Value::as_table) {
            for (lang, words) in synonyms {
                for word in words.as_array().into_iter().flatten() {
                    if let Some(word) = word.as_str() {
                        theme = theme.synonym(lang, word);
                    }
                }
            }
        }
        vocabulary.push(theme);
    }
    vocabulary
}

/// The judged queries; panics on an id that is not a demo item.
pub fn judged(docs: &[Document]) -> Vec<Judged> {
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    let file = read_toml(&crate_dir().join("examples/relevance.toml"));
    tables(&file, "query")
        .iter()
        .map(|q| {
            let lang = string(q, "lang").expect("lang").to_owned();
            assert!(LANGS.contains(&lang.as_str()), "language {lang}");
            let text = string(q, "text").expect("text").to_owned();
            let relevant: BTreeMap<String, u8> = q
                .get("relevant")
                .and_then(Value::as_table)
                .expect("relevant")
                .iter()
                .map(|(id, grade)| {
                    assert!(ids.contains(id.as_str()), "{text:?}: no item {id}");
                    let grade = grade.as_integer().expect("grade");
                    assert!((1..=2).contains(&grade), "{text:?}: grade {grade}");
                    (id.clone(), grade as u8)
                })
                .collect();
            Judged {
                lang,
                text,
                relevant,
            }
        })
        .collect()
}

fn dcg(grades: impl Iterator<Item = u8>) -> f64 {
    grades
        .take(K)
        .enumerate()
        .map(|(i, g)| (f64::from(1u32 << g) - 1.0) / ((i + 2) as f64).log2())
        .fold(0.0, |a, b| a + b)
}

/// nDCG@K of a ranking (gain 2^grade − 1, discount log2(rank + 1)).
pub fn ndcg(ranked: &[String], relevant: &BTreeMap<String, u8>) -> f64 {
    let mut ideal: Vec<u8> = relevant.values().copied().collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let best = dcg(ideal.into_iter());
    if best == 0.0 {
        return 0.0;
    }
    dcg(ranked
        .iter()
        .map(|id| relevant.get(id).copied().unwrap_or(0)))
        / best
}

/// One engine's answers to the judged queries.
pub struct Run {
    pub engine: &'static str,
    /// Per query: nDCG@K and the top K ids.
    pub answers: Vec<(f64, Vec<String>)>,
}

impl Run {
    /// Mean nDCG over all queries (`None`) or those of one language.
    pub fn mean(&self, queries: &[Judged], lang: Option<&str>) -> f64 {
        let scores: Vec<f64> = queries
            .iter()
            .zip(&self.answers)
            .filter(|(q, _)| lang.is_none_or(|l| q.lang == l))
            .map(|(_, (s, _))| *s)
            .collect();
        if scores.is_empty() {
            0.0
        } else {
            scores.iter().sum::<f64>() / scores.len() as f64
        }
    }
}

/// Runs every judged query through `search` (the query text as the app
/// sends it: trimmed) and scores the top K.
pub fn evaluate(
    engine: &'static str,
    queries: &[Judged],
    mut search: impl FnMut(&str) -> Vec<String>,
) -> Run {
    let answers = queries
        .iter()
        .map(|q| {
            let mut ids = search(q.text.trim());
            ids.truncate(K);
            (ndcg(&ids, &q.relevant), ids)
        })
        .collect();
    Run { engine, answers }
}

/// Per-query table, and with `detail` each engine's top 5 (grade of each
/// hit in brackets) and the relevant items it missed from its top K.
pub fn report(queries: &[Judged], runs: &[Run], detail: bool) -> String {
    let mut out = String::new();
    out.push_str("| lang | query | relevant (2/1) |");
    for r in runs {
        out.push_str(&format!(" {} |", r.engine));
    }
    out.push_str("\n|---|---|---:|");
    for _ in runs {
        out.push_str("---:|");
    }
    out.push('\n');
    for (i, q) in queries.iter().enumerate() {
        let high = q.relevant.values().filter(|g| **g == 2).count();
        out.push_str(&format!(
            "| {} | {} | {}/{} |",
            q.lang,
            q.text,
            high,
            q.relevant.len() - high
        ));
        for r in runs {
            out.push_str(&format!(" {:.3} |", r.answers[i].0));
        }
        out.push('\n');
    }
    if detail {
        for (i, q) in queries.iter().enumerate() {
            out.push_str(&format!("\n[{}] {}\n", q.lang, q.text));
            for r in runs {
                let (score, ids) = &r.answers[i];
                let top: Vec<String> = ids
                    .iter()
                    .take(5)
                    .map(|id| format!("{id}[{}]", q.relevant.get(id).copied().unwrap_or(0)))
                    .collect();
                let missed: Vec<&str> = q
                    .relevant
                    .iter()
                    .filter(|(id, g)| **g == 2 && !ids.contains(id))
                    .map(|(id, _)| id.as_str())
                    .collect();
                out.push_str(&format!(
                    "  {:<24} {score:.3}  top: {}\n",
                    r.engine,
                    if top.is_empty() {
                        "(nothing)".to_owned()
                    } else {
                        top.join(" ")
                    }
                ));
                if !missed.is_empty() {
                    out.push_str(&format!(
                        "  {:<24}        missed (2): {}\n",
                        "",
                        missed.join(" ")
                    ));
                }
            }
        }
    }
    out
}
