//! A word found in most documents ranks the results but is not required
//! when the query has rarer words; alone, or with only common words, it is.

use majlis_search::{Document, Query, SearchIndex};

fn titles(index: &SearchIndex, text: &str) -> Vec<String> {
    index
        .search(&Query::new(text).audience(["public"]).per_page(100))
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn a_word_in_most_documents_ranks_without_being_required() {
    let index = SearchIndex::in_memory().unwrap();
    // 30 of 40 documents mention refugees; 4 mention a clinic (0, 10, 20
    // and 30), all but the last with refugees.
    for i in 0..40u32 {
        let mut title = String::from("Municipal practice");
        if i < 30 {
            title.push_str(" with refugees");
        }
        if i.is_multiple_of(10) {
            title.push_str(" at the clinic");
        }
        if i < 2 {
            title.push_str(" and a garden");
        }
        index
            .upsert(
                Document::new(format!("practice:{i}"), "practice")
                    .title(Some("en"), title)
                    .audience(["public"]),
            )
            .unwrap();
    }
    index.commit().unwrap();

    let hits = titles(&index, "refugees clinic ");
    assert_eq!(
        hits.len(),
        4,
        "every clinic document, with refugees or not: {hits:?}"
    );
    // Those saying both come first.
    let mut both = hits[..3].to_vec();
    both.sort();
    assert_eq!(both, ["practice:0", "practice:10", "practice:20"]);
    assert_eq!(hits[3], "practice:30");

    // Alone, the common word is required as any word.
    assert_eq!(titles(&index, "refugees ").len(), 30);
    // Two rare words are both required, as before: only the clinic with a
    // garden, not the other clinics nor the other garden.
    assert_eq!(titles(&index, "clinic garden "), ["practice:0"]);
}
