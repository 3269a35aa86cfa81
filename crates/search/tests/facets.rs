//! Facet counts past the exact slice: estimated, and said to be.

use majlis_search::{Document, EXACT_FACET_DOCS, Query, SearchIndex};

#[test]
fn large_hit_counts_estimate_facets_and_say_so() {
    let index = SearchIndex::in_memory().unwrap();
    let n = EXACT_FACET_DOCS as usize * 3;
    for i in 0..n {
        // One document in four is German, the rest French.
        let country = if i % 4 == 0 { "DE" } else { "FR" };
        index
            .upsert(
                Document::new(format!("practice:{i}"), "practice")
                    .title(Some("en"), format!("Practice number {i}"))
                    .countries([country])
                    .audience(["public"]),
            )
            .unwrap();
    }
    index.commit().unwrap();

    let results = index
        .search(&Query::new("practice ").audience(["public"]))
        .unwrap();
    assert_eq!(results.total, n, "the total stays exact");
    assert!(results.facets.estimated);
    let de = results.facets.countries["DE"] as f64;
    let fr = results.facets.countries["FR"] as f64;
    let (want_de, want_fr) = (n as f64 / 4.0, n as f64 * 3.0 / 4.0);
    assert!(
        (de - want_de).abs() / want_de < 0.05,
        "DE {de} for {want_de}"
    );
    assert!(
        (fr - want_fr).abs() / want_fr < 0.05,
        "FR {fr} for {want_fr}"
    );

    // A narrow query is counted exactly.
    let one = index
        .search(
            &Query::new("practice ")
                .countries(["DE"])
                .per_page(1)
                .audience(["public"]),
        )
        .unwrap();
    assert_eq!(one.total, n / 4);
    assert!(!one.facets.estimated);
    assert_eq!(one.facets.countries["DE"], (n / 4) as u64);
}
