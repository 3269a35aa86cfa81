//! Relevance regression: the judged queries of `examples/relevance.toml`
//! over the demo network's content, indexed as the corpus benchmark's
//! relevance part indexes it (`examples/bench/relevance.rs`, shared), run
//! through majlis-search only. nDCG@10 overall and per language must stay at
//! or above the figures measured when the set was last grown, minus
//! [`MARGIN`]. When the engine gets better, raise the figures; when the set
//! grows, measure again (`cargo run --release -p majlis-search --example
//! corpus_bench` with `BENCH_RELEVANCE_ONLY=1 BENCH_SKIP_PG=1
//! BENCH_SKIP_SQLITE=1`) and write the new figures here.

#[allow(dead_code)]
#[path = "../examples/bench/relevance.rs"]
mod relevance;

use majlis_search::{Query, SearchIndex};

/// nDCG@10 over all judged queries, as measured with the 107-query set
/// (0.773 on the engine of commit 09e12de; 0.815 once the thesaurus and the
/// German compound parts grew, schema version 3).
const MEASURED_ALL: f64 = 0.815;

/// nDCG@10 per query language, as measured (same order as `LANGS`).
const MEASURED: [(&str, f64); 5] = [
    ("ar", 0.793),
    ("tr", 0.800),
    ("en", 0.870),
    ("fr", 0.840),
    ("de", 0.771),
];

/// How far a figure may fall below the measured one (ranking ties broken
/// differently after an unrelated change, say) before the test fails.
const MARGIN: f64 = 0.01;

/// Smallest judged set the figures are worth anything on.
const MIN_QUERIES: usize = 100;
const MIN_PER_LANGUAGE: usize = 20;

#[test]
fn the_judged_set_is_large_enough_in_every_language() {
    let docs = relevance::demo_documents();
    let queries = relevance::judged(&docs);
    assert!(
        queries.len() >= MIN_QUERIES,
        "{} judged queries, at least {MIN_QUERIES} wanted",
        queries.len()
    );
    for lang in relevance::LANGS {
        let n = queries.iter().filter(|q| q.lang == lang).count();
        assert!(
            n >= MIN_PER_LANGUAGE,
            "{n} judged queries in {lang}, at least {MIN_PER_LANGUAGE} wanted"
        );
    }
    for q in &queries {
        assert!(
            q.relevant.values().any(|g| *g == 2),
            "{:?} has no highly relevant item",
            q.text
        );
    }
}

#[test]
fn ndcg_at_10_holds_overall_and_in_every_language() {
    let docs = relevance::demo_documents();
    let queries = relevance::judged(&docs);
    let index = SearchIndex::in_memory()
        .expect("index")
        .with_vocabulary(relevance::demo_vocabulary());
    for doc in &docs {
        index.upsert(doc).expect("upsert");
    }
    index.commit().expect("commit");
    // The query as the app and the benchmark send it.
    let run = relevance::evaluate("majlis-search", &queries, |text| {
        let query = Query::new(text).audience(["public"]);
        let results = index.search(&query).expect("search");
        results.hits.into_iter().map(|h| h.id).collect()
    });

    let mut figures = vec![("all", run.mean(&queries, None), MEASURED_ALL)];
    for (lang, measured) in MEASURED {
        figures.push((lang, run.mean(&queries, Some(lang)), measured));
    }
    println!(
        "nDCG@{} over {} judged queries:",
        relevance::K,
        queries.len()
    );
    for (lang, now, measured) in &figures {
        println!("  {lang:<3} {now:.3} (measured {measured:.3})");
    }
    let fallen: Vec<String> = figures
        .iter()
        .filter(|(_, now, measured)| *now < measured - MARGIN)
        .map(|(lang, now, measured)| format!("{lang} {now:.3} < {measured:.3} - {MARGIN}"))
        .collect();
    if !fallen.is_empty() {
        // What each query got, to see which ones fell.
        println!(
            "{}",
            relevance::report(&queries, std::slice::from_ref(&run), true)
        );
    }
    assert!(fallen.is_empty(), "nDCG@10 fell: {}", fallen.join("; "));
}
