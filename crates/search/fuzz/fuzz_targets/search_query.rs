//! The query parser and everything a search does with what people type:
//! any text (and any filters, page and sort, as a query string could carry
//! them) against the crate's test corpus and theme vocabulary, in memory.
//!
//! Checked beyond "no panic": a page never holds more than asked (at most
//! 100) nor more than the total; only documents of the reader's audience
//! come back, in results and related items; snippets and titles in hits are
//! escaped HTML whose only tags are `<mark>` and `</mark>`.
#![no_main]

#[path = "../../tests/common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use majlis_search::{Hit, Query, SearchIndex, Sort};

/// Audiences readers have, and one the fuzzer makes up.
#[derive(Arbitrary, Debug)]
enum Audience {
    Public,
    Members,
    Participants42,
    Other(String),
}

#[derive(Arbitrary, Debug)]
struct Input {
    text: String,
    kinds: Vec<String>,
    themes: Vec<String>,
    countries: Vec<String>,
    languages: Vec<String>,
    years: Vec<i32>,
    audience: Vec<Audience>,
    newest: bool,
    page: usize,
    per_page: u8,
    related_limit: u8,
}

struct Fixture {
    index: SearchIndex,
    /// Each document's audiences.
    audiences: BTreeMap<String, Vec<String>>,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| Fixture {
        index: common::index(),
        audiences: common::corpus()
            .into_iter()
            .map(|d| (d.id, d.audience))
            .collect(),
    })
}

fn visible(f: &Fixture, hit: &Hit, audience: &[String]) -> bool {
    f.audiences.get(&hit.id).is_some_and(|a| {
        a.iter()
            .any(|x| audience.iter().any(|y| x.trim() == y.trim()))
    })
}

fn only_marks(html: &str) -> bool {
    !html
        .replace("<mark>", "")
        .replace("</mark>", "")
        .contains(['<', '>'])
}

fuzz_target!(|input: Input| {
    let f = fixture();
    let audience: Vec<String> = input
        .audience
        .into_iter()
        .map(|a| match a {
            Audience::Public => "public".to_owned(),
            Audience::Members => "members".to_owned(),
            Audience::Participants42 => "participants:42".to_owned(),
            Audience::Other(s) => s,
        })
        .collect();
    let query = Query {
        text: input.text,
        kinds: input.kinds,
        themes: input.themes,
        countries: input.countries,
        languages: input.languages,
        years: input.years,
        audience: audience.clone(),
        sort: if input.newest {
            Sort::Newest
        } else {
            Sort::Relevance
        },
        page: input.page,
        per_page: usize::from(input.per_page),
    };
    let results = f.index.search(&query).expect("search");
    let per_page = query.per_page.min(100);
    assert!(
        results.hits.len() <= per_page,
        "{} hits",
        results.hits.len()
    );
    assert!(results.hits.len() <= results.total);
    if query.page <= 1 {
        assert_eq!(results.hits.len(), results.total.min(per_page));
    }
    for hit in &results.hits {
        assert!(
            visible(f, hit, &audience),
            "{} is not for {audience:?}",
            hit.id
        );
        assert!(only_marks(&hit.snippet), "snippet: {:?}", hit.snippet);
    }
    if let Some(first) = results.hits.first() {
        let limit = usize::from(input.related_limit % 8);
        let related = f
            .index
            .related(&first.id, &audience, limit)
            .expect("related");
        assert!(related.len() <= limit);
        for hit in &related {
            assert_ne!(hit.id, first.id, "an item is not related to itself");
            assert!(
                visible(f, hit, &audience),
                "{} is not for {audience:?}",
                hit.id
            );
        }
    }
});
