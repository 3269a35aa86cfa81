//! Across languages over the demo network's content (the same items and
//! theme vocabulary as the relevance benchmark): the misses of issue 21,
//! and the same question asked in several languages.

#[allow(dead_code)]
#[path = "../examples/bench/relevance.rs"]
mod relevance;

use std::sync::OnceLock;

use majlis_search::{Document, Query, SearchIndex};

fn demo() -> &'static (SearchIndex, Vec<Document>) {
    static DEMO: OnceLock<(SearchIndex, Vec<Document>)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let docs = relevance::demo_documents();
        let index = SearchIndex::in_memory()
            .unwrap()
            .with_vocabulary(relevance::demo_vocabulary());
        for doc in &docs {
            index.upsert(doc).unwrap();
        }
        index.commit().unwrap();
        (index, docs)
    })
}

/// Ids of the first page, as the app asks (public audience, 20 a page).
fn search(text: &str) -> Vec<String> {
    let (index, _) = demo();
    index
        .search(&Query::new(text).audience(["public"]))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

fn kind(id: &str) -> &str {
    id.split(':').next().unwrap_or("")
}

/// Items the demo has about `words` (any of them, in any text of the item),
/// for checking that what is found is on topic.
fn mentions(id: &str, words: &[&str]) -> bool {
    let (_, docs) = demo();
    let doc = docs.iter().find(|d| d.id == id).expect("a demo item");
    let text = doc
        .titles
        .iter()
        .chain(&doc.summaries)
        .chain(&doc.bodies)
        .map(|(_, t)| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    words.iter().any(|w| text.contains(w))
}

#[test]
fn german_plural_finds_what_the_singular_finds() {
    let plural = search("Flüchtlinge");
    let singular = search("Flüchtling ");
    assert!(!plural.is_empty(), "Flüchtlinge finds nothing");
    for id in &singular {
        assert!(
            plural.contains(id),
            "{id} found by Flüchtling, not Flüchtlinge"
        );
    }
    // The German word finds the (English) items about refugees.
    assert!(
        plural
            .iter()
            .take(5)
            .all(|id| mentions(id, &["refugee", "flücht", "لاجئ", "mülteci", "réfugi"])),
        "{plural:?}"
    );
}

#[test]
fn german_compound_finds_waste_management() {
    let found = search("Müllentsorgung");
    assert!(!found.is_empty(), "Müllentsorgung finds nothing");
    assert!(
        found.iter().take(3).all(|id| mentions(
            id,
            &[
                "waste",
                "garbage",
                "déchets",
                "نفايات",
                "atık",
                "müll",
                "abfall"
            ]
        )),
        "{found:?}"
    );
}

#[test]
fn german_labour_market_for_refugees() {
    let found = search("Arbeitsmarkt Flüchtlinge");
    assert!(!found.is_empty(), "Arbeitsmarkt Flüchtlinge finds nothing");
    assert!(
        found.iter().take(3).all(|id| mentions(
            id,
            &["employ", "job", "labour", "labor", "work", "economic"]
        )),
        "{found:?}"
    );
}

#[test]
fn german_discrimination() {
    let found = search("Diskriminierung");
    assert!(!found.is_empty(), "Diskriminierung finds nothing");
    assert!(
        found
            .iter()
            .take(3)
            .all(|id| mentions(id, &["discriminat", "racis", "xenophob", "hate", "تمييز"])),
        "{found:?}"
    );
    assert_eq!(found.first(), search("discrimination").first());
}

#[test]
fn arabic_social_cohesion_puts_content_before_directory_entries() {
    let found = search("التماسك الاجتماعي");
    let first_content = found
        .iter()
        .position(|id| !matches!(kind(id), "organisation" | "municipality"));
    assert!(
        first_content.is_some_and(|p| p < 3),
        "first workshop, practice or document at {first_content:?}: {found:?}"
    );
}

#[test]
fn the_same_question_in_arabic_and_english_ranks_the_same_items_near_the_top() {
    for (ar, en) in [
        ("التماسك الاجتماعي", "social cohesion"),
        ("إدارة النفايات الصلبة", "solid waste management"),
        ("دورات اللغة", "language courses"),
    ] {
        let ar_top: Vec<String> = search(ar).into_iter().take(5).collect();
        let en_top: Vec<String> = search(en).into_iter().take(5).collect();
        let shared = ar_top.iter().filter(|id| en_top.contains(id)).count();
        assert!(
            shared >= 2 && ar_top[..3].contains(&en_top[0]),
            "{ar} / {en}: {shared} of the top 5 in common\n{ar_top:?}\n{en_top:?}"
        );
    }
}
