//! What people write, as the index takes it: a document whose texts (in a
//! given or detected language), themes, countries and languages come from
//! the fuzzer replaces one document of the test corpus, then a query made
//! of the fuzzer's words (and the start of the document's title, so that
//! highlighting runs on the new text) finds it, with snippets, titles and
//! related items.
//!
//! Checked beyond "no panic": the document is stored and found by its id;
//! snippets are escaped HTML whose only tags are `<mark>` and `</mark>`.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use majlis_search::{Document, Query, SearchIndex};

const LANGS: [&str; 6] = ["en", "ar", "tr", "fr", "de", "xx"];

#[derive(Arbitrary, Debug)]
struct Text {
    /// Index into `LANGS`, or none: detect.
    lang: Option<u8>,
    text: String,
}

#[derive(Arbitrary, Debug)]
struct Input {
    titles: Vec<Text>,
    summaries: Vec<Text>,
    bodies: Vec<Text>,
    themes: Vec<String>,
    countries: Vec<String>,
    languages: Vec<String>,
    year: Option<i32>,
    query: String,
    title_words: u8,
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(common::index)
}

fn texts(texts: Vec<Text>) -> Vec<(Option<String>, String)> {
    texts
        .into_iter()
        .take(4)
        .map(|t| {
            let lang = t
                .lang
                .map(|l| LANGS[usize::from(l) % LANGS.len()].to_owned());
            (lang, t.text)
        })
        .collect()
}

fn only_marks(html: &str) -> bool {
    !html
        .replace("<mark>", "")
        .replace("</mark>", "")
        .contains(['<', '>'])
}

fuzz_target!(|input: Input| {
    let index = index();
    let doc = Document {
        titles: texts(input.titles),
        summaries: texts(input.summaries),
        bodies: texts(input.bodies),
        themes: input.themes,
        countries: input.countries,
        languages: input.languages,
        year: input.year,
        audience: vec!["public".into()],
        url: "/practices/fuzz".into(),
        ..Document::new("practice:fuzz", "practice")
    };
    let first_title = doc
        .titles
        .first()
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    index.upsert(&doc).expect("upsert");
    index.commit().expect("commit");
    assert!(index.get("practice:fuzz").expect("get").is_some(), "stored");

    let words: Vec<&str> = first_title
        .split_whitespace()
        .take(usize::from(input.title_words % 4))
        .collect();
    let text = format!("{} {}", input.query, words.join(" "));
    let results = index
        .search(&Query::new(text).audience(["public"]))
        .expect("search");
    for hit in &results.hits {
        assert!(only_marks(&hit.snippet), "snippet: {:?}", hit.snippet);
    }
    let related = index
        .related("practice:fuzz", ["public"], 5)
        .expect("related");
    assert!(related.iter().all(|h| h.id != "practice:fuzz"));
});
