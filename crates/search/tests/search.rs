//! Retrieval: normalisation, stemming, themes, permissions, typos, snippets.

mod common;

use common::{PUBLIC, first, ids, index, public};
use majlis_search::{Query, SearchIndex, Sort, normalize};

#[test]
fn arabic_alef_variants_find_the_same_document() {
    let index = index();
    for query in ["أحمد", "احمد", "إحمد", "آحمد"] {
        assert_eq!(
            first(&public(&index, query)),
            "resource:ahmad",
            "query {query}"
        );
    }
    assert_eq!(normalize("أحمد"), normalize("إحمد"));
}

#[test]
fn arabic_harakat_are_ignored() {
    let index = index();
    for query in ["كَتَبَ", "كتب"] {
        assert_eq!(
            first(&public(&index, query)),
            "resource:letters",
            "query {query}"
        );
    }
}

#[test]
fn turkish_dotted_capital_i() {
    let index = index();
    for query in ["İstanbul", "istanbul", "ISTANBUL", "Istanbul"] {
        assert_eq!(
            first(&public(&index, query)),
            "event:istanbul",
            "query {query}"
        );
    }
}

#[test]
fn turkish_dotless_i() {
    let index = index();
    for query in ["ışık", "IŞIK", "isik"] {
        assert_eq!(
            first(&public(&index, query)),
            "event:istanbul",
            "query {query}"
        );
    }
}

#[test]
fn german_stemming() {
    let index = index();
    // Trailing space: the word is complete, so no prefix matching helps.
    for query in ["Flüchtlinge ", "Flüchtling ", "Wohnung "] {
        let results = public(&index, query);
        assert_eq!(first(&results), "practice:leipzig", "query {query}");
        // An exact (stemmed) match, not a typo match.
        assert!(results.hits[0].score > 2.0, "query {query}: {results:?}");
    }
}

#[test]
fn french_diacritics_are_optional() {
    let index = index();
    for query in ["réfugiés", "refugies", "RÉFUGIÉS", "réfugié"] {
        assert_eq!(
            first(&public(&index, query)),
            "practice:lyon",
            "query {query}"
        );
    }
}

#[test]
fn undetected_language_is_detected_and_stemmed() {
    let index = index();
    // "Beratungsstelle" (singular) only meets "Beratungsstellen" through
    // the German stemmer: the text was given without language.
    let results = public(&index, "Beratungsstelle ");
    assert_eq!(first(&results), "resource:undetected");
    assert!(results.hits[0].score > 2.0, "{results:?}");
    assert_eq!(results.facets.languages.get("de"), Some(&1));
    let german = index
        .search(&Query::new("").languages(["de"]).audience(PUBLIC))
        .unwrap();
    assert_eq!(ids(&german), ["practice:leipzig", "resource:undetected"]);
}

#[test]
fn arabic_query_finds_english_practice_through_its_theme() {
    let index = index();
    let results = public(&index, "دورات اللغة");
    let ids = ids(&results);
    // The direct Arabic match first, the English practice tagged
    // language-learning after it.
    assert_eq!(ids[0], "practice:arabic-courses", "{results:?}");
    assert!(ids.contains(&"practice:language-cafe"), "{results:?}");
    assert!(results.hits[0].score > results.hits[1].score);
    // The same through other languages' labels.
    for query in [
        "Sprachkurse",
        "cours de langue",
        "dil kursları",
        "language courses",
    ] {
        let results = public(&index, query);
        assert!(
            ids_of(&results).contains(&"practice:language-cafe"),
            "query {query}: {results:?}"
        );
    }
}

fn ids_of(results: &majlis_search::Results) -> Vec<&str> {
    ids(results)
}

#[test]
fn theme_matches_rank_below_direct_matches() {
    let index = index();
    // "housing": direct English matches before documents only tagged
    // housing (German, French).
    let results = public(&index, "housing");
    let ids = ids(&results);
    assert_eq!(ids[0], "practice:housing-support", "{results:?}");
    let direct = ids
        .iter()
        .position(|i| *i == "practice:housing-support")
        .unwrap();
    let leipzig = ids.iter().position(|i| *i == "practice:leipzig").unwrap();
    let lyon = ids.iter().position(|i| *i == "practice:lyon").unwrap();
    assert!(direct < leipzig && direct < lyon);
    // Arabic "housing" finds the tagged practices in other languages.
    let results = public(&index, "السكن");
    for id in [
        "practice:leipzig",
        "practice:lyon",
        "practice:housing-support",
    ] {
        assert!(ids_of(&results).contains(&id), "{results:?}");
    }
}

#[test]
fn members_only_items_stay_invisible_to_visitors() {
    let index = index();
    let results = public(&index, "refugees housing");
    assert!(!ids(&results).contains(&"consultation:budget"));
    assert!(!ids(&results).contains(&"session:42-notes"));
    assert_eq!(results.total, results.hits.len());
    assert_eq!(results.facets.kinds.get("consultation"), None);
    assert_eq!(results.facets.kinds.get("session"), None);
    assert_eq!(results.facets.countries.get("AT"), None);
    assert_eq!(results.facets.themes.get("finance"), None);
    assert_eq!(results.facets.years.get(&2019), None);

    // Browsing without text: same.
    let all = public(&index, "");
    assert_eq!(all.total, 10);
    assert_eq!(all.facets.kinds.get("consultation"), None);

    // A member sees the consultation, a participant of session 42 the notes.
    let member = index
        .search(&Query::new("refugees housing").audience(["public", "members"]))
        .unwrap();
    assert!(ids(&member).contains(&"consultation:budget"));
    assert!(!ids(&member).contains(&"session:42-notes"));
    assert_eq!(member.facets.kinds.get("consultation"), Some(&1));
    let participant = index
        .search(&Query::new("refugees housing").audience(["public", "participants:42"]))
        .unwrap();
    assert!(ids(&participant).contains(&"session:42-notes"));
    assert!(!ids(&participant).contains(&"consultation:budget"));

    // No audience, nothing.
    let nobody = index.search(&Query::new("refugees")).unwrap();
    assert_eq!(nobody.total, 0);
    assert!(nobody.facets.kinds.is_empty());
}

#[test]
fn typos_are_tolerated_below_exact_matches() {
    let index = index();
    let results = public(&index, "refugess");
    assert_eq!(first(&results), "practice:housing-support", "{results:?}");
    assert!(
        results.hits[0].snippet.contains("<mark>refugees</mark>"),
        "{results:?}"
    );
    // Two typos in a long word.
    let results = public(&index, "volunters convresation");
    assert_eq!(first(&results), "practice:language-cafe", "{results:?}");
    // Short words are not fuzzy: "cafe" vs "care".
    assert_eq!(public(&index, "care ").total, 0);
    // An exact match beats a typo match: "portal" exact vs nothing fuzzy;
    // "refugee" exact (stemmed) beats "refugies" (French, distance 1).
    let results = public(&index, "refugees ");
    assert!(!ids(&results).is_empty());
    assert_ne!(first(&results), "practice:lyon");
    assert!(
        ids(&results)
            .iter()
            .position(|i| *i == "practice:lyon")
            .is_none_or(|p| p > 0)
    );
}

#[test]
fn last_word_is_a_prefix() {
    let index = index();
    assert_eq!(first(&public(&index, "Leip")), "practice:leipzig");
    assert_eq!(
        first(&public(&index, "housing supp")),
        "practice:housing-support"
    );
    assert_eq!(first(&public(&index, "غاز")), "resource:ahmad");
    // Not once the word is finished.
    assert_eq!(public(&index, "Leip ").total, 0);
}

#[test]
fn snippets_highlight_and_escape() {
    let index = index();
    let results = public(&index, "portal");
    let hit = &results.hits[0];
    assert_eq!(hit.id, "resource:portal");
    assert!(
        hit.snippet.contains("<mark>portal</mark>"),
        "{}",
        hit.snippet
    );
    assert!(hit.snippet.contains("&lt;script&gt;"), "{}", hit.snippet);
    assert!(!hit.snippet.contains("<script>"), "{}", hit.snippet);
    assert!(hit.snippet.contains("&amp;"), "{}", hit.snippet);
    assert_eq!(hit.title, "The refugees portal");
    assert_eq!(hit.url, "/resources/portal");
    assert_eq!(hit.kind, "resource");

    // Stemmed matches are highlighted in the original spelling.
    let results = public(&index, "Wohnung ");
    assert!(
        results.hits[0].snippet.contains("<mark>Wohnungen</mark>"),
        "{results:?}"
    );
    // Arabic, with harakat in the text and none in the query.
    let results = public(&index, "كتب");
    assert!(
        results.hits[0].snippet.contains("<mark>كَتَبَ</mark>"),
        "{results:?}"
    );
}

#[test]
fn filters_are_or_within_and_across() {
    let index = index();
    let q = |q: Query| index.search(&q.audience(PUBLIC)).unwrap();
    let practices = q(Query::new("").kinds(["practice"]));
    assert_eq!(practices.total, 5);
    let tr_or_fr = q(Query::new("").countries(["tr", "FR"]));
    assert_eq!(tr_or_fr.total, 4);
    let both = q(Query::new("").countries(["tr", "FR"]).kinds(["practice"]));
    assert_eq!(both.total, 2);
    let years = q(Query::new("").years([2022, 2023]));
    assert_eq!(years.total, 4);
    assert_eq!(
        years.facets.years.keys().copied().collect::<Vec<_>>(),
        [2022, 2023]
    );
    let themed = q(Query::new("").themes(["housing"]).years([2024]));
    assert_eq!(ids(&themed), ["practice:housing-support"]);
    let arabic = q(Query::new("").languages(["ar"]));
    assert_eq!(arabic.total, 3);
    let text_and_filter = q(Query::new("refugees").countries(["JO"]));
    assert_eq!(ids(&text_and_filter), Vec::<&str>::new());
    let text_and_filter = q(Query::new("refugees").countries(["NL"]));
    assert_eq!(text_and_filter.total, 2);
    // Facets are computed on the filtered query.
    assert_eq!(text_and_filter.facets.countries.len(), 1);
    assert_eq!(text_and_filter.facets.kinds.get("practice"), Some(&1));
    assert_eq!(text_and_filter.facets.kinds.get("resource"), Some(&1));
}

#[test]
fn sort_and_pages() {
    let index = index();
    let newest = index
        .search(
            &Query::new("")
                .audience(PUBLIC)
                .sort(Sort::Newest)
                .per_page(3),
        )
        .unwrap();
    assert_eq!(
        ids(&newest),
        [
            "event:istanbul",
            "practice:housing-support",
            "practice:language-cafe"
        ]
    );
    assert_eq!(newest.total, 10);
    let page2 = index
        .search(&Query::new("").audience(PUBLIC).per_page(3).page(2))
        .unwrap();
    assert_eq!(
        ids(&page2),
        [
            "practice:leipzig",
            "practice:lyon",
            "practice:arabic-courses"
        ]
    );
    let beyond = index
        .search(&Query::new("").audience(PUBLIC).per_page(3).page(9))
        .unwrap();
    assert!(beyond.hits.is_empty());
    assert_eq!(beyond.total, 10);
    let counts_only = index
        .search(&Query::new("refugees").audience(PUBLIC).per_page(0))
        .unwrap();
    assert!(counts_only.hits.is_empty());
    assert!(counts_only.total > 0);
}

#[test]
fn hits_prefer_the_title_in_the_filtered_language() {
    let index = SearchIndex::in_memory().unwrap();
    index
        .upsert(
            majlis_search::Document::new("practice:1", "practice")
                .title(Some("en"), "Welcome desk")
                .title(Some("de"), "Willkommensschalter")
                .title(Some("ar"), "مكتب الترحيب")
                .languages(["en", "de", "ar"])
                .audience(PUBLIC),
        )
        .unwrap();
    index.commit().unwrap();
    let q = Query::new("").audience(PUBLIC);
    assert_eq!(index.search(&q).unwrap().hits[0].title, "Welcome desk");
    let de = index.search(&q.clone().languages(["de"])).unwrap();
    assert_eq!(de.hits[0].title, "Willkommensschalter");
    let ar = index
        .search(&Query::new("الترحيب").audience(PUBLIC))
        .unwrap();
    assert_eq!(ar.hits[0].title, "مكتب الترحيب");
}

#[test]
fn related_items() {
    let index = index();
    let related = index
        .related("practice:housing-support", PUBLIC, 5)
        .unwrap();
    let ids: Vec<&str> = related.iter().map(|h| h.id.as_str()).collect();
    assert!(!ids.contains(&"practice:housing-support"));
    assert!(!ids.contains(&"consultation:budget"), "{ids:?}");
    assert!(!ids.contains(&"session:42-notes"), "{ids:?}");
    // Shared theme housing.
    assert!(
        ids.contains(&"practice:leipzig") && ids.contains(&"practice:lyon"),
        "{ids:?}"
    );
    // A member also gets the consultation, which shares words and themes.
    let member = index
        .related("practice:housing-support", ["public", "members"], 5)
        .unwrap();
    assert_eq!(member[0].id, "consultation:budget", "{member:?}");
    // An item the reader may not see has no related items for them.
    assert!(
        index
            .related("consultation:budget", PUBLIC, 5)
            .unwrap()
            .is_empty()
    );
    assert!(index.related("nope:1", PUBLIC, 5).unwrap().is_empty());
}

#[test]
fn search_index_is_shareable_across_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<SearchIndex>();
    let index = std::sync::Arc::new(index());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let index = index.clone();
            std::thread::spawn(move || {
                if i == 0 {
                    index
                        .upsert(
                            majlis_search::Document::new("event:new", "event")
                                .title(Some("en"), "Newcomers picnic")
                                .audience(PUBLIC),
                        )
                        .unwrap();
                    index.commit().unwrap();
                }
                public(&index, "refugees").total
            })
        })
        .collect();
    for handle in handles {
        assert!(handle.join().unwrap() > 0);
    }
    assert_eq!(first(&public(&index, "picnic")), "event:new");
}

/// Found by the `search_query` fuzz target: a page number near `usize::MAX`
/// overflowed tantivy's offset + limit (and a large one sized its heap).
#[test]
fn a_huge_page_number_is_an_empty_page() {
    let index = index();
    let all = index
        .search(&Query::new("").audience(PUBLIC))
        .expect("search");
    for page in [usize::MAX, usize::MAX / 2, 1 << 40] {
        let results = index
            .search(&Query::new("").audience(PUBLIC).page(page))
            .expect("search");
        assert!(results.hits.is_empty(), "page {page}");
        assert_eq!(results.total, all.total, "page {page}");
    }
}
