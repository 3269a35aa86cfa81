//! Facet counts are exact however many documents match: compared with a
//! count made by hand, over several segments, after deletions and updates.

use std::collections::BTreeMap;

use majlis_search::{Document, Query, SearchIndex};

const COUNTRIES: [&str; 5] = ["DE", "FR", "TR", "LB", "JO"];
const THEMES: [&str; 3] = ["housing", "health", "language-learning"];

/// The document number `i`: deterministic facet values, some rare (one
/// document in 97 is in Jordan), some on most documents.
fn doc(i: usize) -> Document {
    let country = if i.is_multiple_of(97) {
        "JO"
    } else {
        COUNTRIES[i % 4]
    };
    let mut themes = vec![THEMES[i % 3]];
    if i.is_multiple_of(5) {
        themes.push(THEMES[(i + 1) % 3]);
    }
    let kind = if i.is_multiple_of(10) {
        "event"
    } else {
        "practice"
    };
    Document::new(format!("{kind}:{i}"), kind)
        .title(Some("en"), format!("Practice number {i}"))
        .countries([country])
        .themes(themes)
        .year(2015 + (i % 7) as i32)
        .audience(["public"])
}

#[derive(Default, Debug, PartialEq)]
struct Expected {
    total: usize,
    countries: BTreeMap<String, u64>,
    themes: BTreeMap<String, u64>,
    kinds: BTreeMap<String, u64>,
    years: BTreeMap<i32, u64>,
}

fn expected(ids: impl Iterator<Item = usize>, keep: impl Fn(usize) -> bool) -> Expected {
    let mut e = Expected::default();
    for i in ids.filter(|&i| keep(i)) {
        let d = doc(i);
        e.total += 1;
        for c in &d.countries {
            *e.countries.entry(c.clone()).or_default() += 1;
        }
        for t in &d.themes {
            *e.themes.entry(t.clone()).or_default() += 1;
        }
        *e.kinds.entry(d.kind.clone()).or_default() += 1;
        *e.years.entry(d.year.unwrap()).or_default() += 1;
    }
    e
}

fn observed(index: &SearchIndex, query: &Query) -> Expected {
    let r = index.search(query).unwrap();
    Expected {
        total: r.total,
        countries: r.facets.countries,
        themes: r.facets.themes,
        kinds: r.facets.kinds,
        years: r.facets.years,
    }
}

#[test]
fn facet_counts_are_exact_for_large_and_small_results_across_segments() {
    let index = SearchIndex::in_memory().unwrap();
    let n = 30_000;
    // Three commits: at least three segments.
    for chunk in [0..12_000, 12_000..24_000, 24_000..n] {
        for i in chunk {
            index.upsert(doc(i)).unwrap();
        }
        index.commit().unwrap();
    }
    // Deleted documents (every 11th) are counted nowhere.
    for i in (0..n).step_by(11) {
        index.delete(doc(i).id).unwrap();
    }
    index.commit().unwrap();
    let alive = |i: usize| !i.is_multiple_of(11);

    let everything = Query::new("practice ").audience(["public"]);
    assert_eq!(observed(&index, &everything), expected(0..n, alive));

    // No text: every document, sorted by date.
    let browse = Query::new("").audience(["public"]).per_page(5);
    assert_eq!(observed(&index, &browse), expected(0..n, alive));

    // Filtered to a rare value: a few hundred documents.
    let jordan = Query::new("practice ")
        .countries(["jo"])
        .audience(["public"]);
    let want = expected(0..n, |i| alive(i) && i.is_multiple_of(97));
    assert!(want.total > 200, "{}", want.total);
    assert_eq!(observed(&index, &jordan), want);

    // Filtered by two themes and a year, counts only (no page).
    let narrow = Query::new("")
        .themes(["health", "housing"])
        .years([2016])
        .per_page(0)
        .audience(["public"]);
    let want = expected(0..n, |i| {
        let d = doc(i);
        alive(i) && d.year == Some(2016) && d.themes.iter().any(|t| t == "health" || t == "housing")
    });
    assert_eq!(observed(&index, &narrow), want);

    // An updated document moves from one count to the other.
    let mut moved = doc(1);
    moved.countries = vec!["LB".to_owned()];
    index.upsert(moved).unwrap();
    index.commit().unwrap();
    let mut want = expected(0..n, alive);
    *want.countries.get_mut("FR").unwrap() -= 1;
    *want.countries.get_mut("LB").unwrap() += 1;
    assert_eq!(observed(&index, &everything), want);

    // Nothing matches: no facet at all.
    let none = Query::new("zzzzzz ").audience(["public"]);
    assert_eq!(observed(&index, &none), Expected::default());
}
