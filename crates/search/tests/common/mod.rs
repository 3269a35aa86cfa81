//! Shared fixtures: a small vocabulary and a multilingual corpus.
#![allow(dead_code)]

use majlis_search::{Document, Query, Results, SearchIndex, Theme, Vocabulary};

pub const PUBLIC: [&str; 1] = ["public"];

pub fn vocabulary() -> Vocabulary {
    Vocabulary::new()
        .theme(
            Theme::new("language-learning")
                .label("en", "Language learning")
                .synonym("en", "language courses")
                .label("ar", "تعلم اللغة")
                .synonym("ar", "دورات اللغة")
                .synonym("ar", "دروس اللغة")
                .label("tr", "Dil öğrenimi")
                .synonym("tr", "dil kursları")
                .label("fr", "Apprentissage des langues")
                .synonym("fr", "cours de langue")
                .label("de", "Sprachförderung")
                .synonym("de", "Sprachkurse"),
        )
        .theme(
            Theme::new("housing")
                .label("en", "Housing")
                .label("ar", "السكن")
                .label("tr", "Barınma")
                .synonym("tr", "konut")
                .label("fr", "Logement")
                .label("de", "Wohnen")
                .synonym("de", "Unterkunft"),
        )
        .theme(
            Theme::new("employment")
                .label("en", "Employment")
                .synonym("en", "jobs")
                .label("ar", "التوظيف")
                .label("tr", "İstihdam")
                .label("fr", "Emploi")
                .label("de", "Arbeit"),
        )
}

/// The corpus; ids say what each document is for.
pub fn corpus() -> Vec<Document> {
    vec![
        // An English practice tagged language-learning, with no Arabic text.
        Document::new("practice:language-cafe", "practice")
            .title(Some("en"), "Language cafés in the town hall")
            .summary(
                Some("en"),
                "Volunteers and newcomers meet every week to practise conversation.",
            )
            .themes(["language-learning"])
            .countries(["DE"])
            .year(2023)
            .date(1_690_000_000)
            .url("/practices/language-cafe")
            .audience(PUBLIC),
        // An Arabic practice that says "language courses" in its title.
        Document::new("practice:arabic-courses", "practice")
            .title(Some("ar"), "دورات اللغة للنساء في البلدية")
            .summary(Some("ar"), "تنظم البلدية دورات مسائية مع رعاية للأطفال.")
            .themes(["women"])
            .countries(["TR"])
            .year(2022)
            .date(1_650_000_000)
            .url("/practices/arabic-courses")
            .audience(PUBLIC),
        Document::new("resource:ahmad", "resource")
            .title(Some("ar"), "قصة أحمد: من حلب إلى غازي عنتاب")
            .summary(Some("ar"), "شهادة عن الوصول والعمل والسكن.")
            .themes(["employment"])
            .countries(["TR"])
            .year(2021)
            .date(1_620_000_000)
            .url("/resources/ahmad")
            .audience(PUBLIC),
        Document::new("resource:letters", "resource")
            .title(Some("ar"), "رسائل إلى رئيس البلدية")
            .body(Some("ar"), "كَتَبَ الطلاب رسائل إلى رئيس البلدية عن الحي.")
            .countries(["JO"])
            .year(2020)
            .date(1_600_000_000)
            .url("/resources/letters")
            .audience(PUBLIC),
        Document::new("event:istanbul", "event")
            .title(Some("tr"), "İstanbul'da ışık atölyesi")
            .summary(Some("tr"), "Mülteci çocuklar için IŞIK ve gölge atölyesi.")
            .countries(["TR"])
            .year(2024)
            .date(1_710_000_000)
            .url("/events/istanbul")
            .audience(PUBLIC),
        Document::new("practice:leipzig", "practice")
            .title(Some("de"), "Flüchtlinge finden Wohnungen in Leipzig")
            .summary(
                Some("de"),
                "Die Stadt vermittelt private Wohnungen an geflüchtete Familien.",
            )
            .themes(["housing"])
            .countries(["DE"])
            .year(2023)
            .date(1_680_000_000)
            .url("/practices/leipzig")
            .audience(PUBLIC),
        Document::new("practice:lyon", "practice")
            .title(Some("fr"), "Accueil des réfugiés à Lyon")
            .summary(
                Some("fr"),
                "La métropole coordonne l'hébergement d'urgence.",
            )
            .themes(["housing"])
            .countries(["FR"])
            .year(2022)
            .date(1_660_000_000)
            .url("/practices/lyon")
            .audience(PUBLIC),
        Document::new("practice:housing-support", "practice")
            .title(Some("en"), "Housing support for refugees")
            .summary(
                Some("en"),
                "A one-stop desk helps refugees find flats and understand leases.",
            )
            .themes(["housing"])
            .countries(["NL"])
            .year(2024)
            .date(1_700_000_000)
            .url("/practices/housing-support")
            .audience(PUBLIC),
        // Members only: must never reach a visitor, nor count in a facet.
        Document::new("consultation:budget", "consultation")
            .title(
                Some("en"),
                "Internal consultation on refugees housing budgets",
            )
            .summary(
                Some("en"),
                "Draft figures for refugees housing, members only.",
            )
            .themes(["housing", "finance"])
            .countries(["AT"])
            .year(2019)
            .date(1_720_000_000)
            .url("/consultations/budget")
            .audience(["members"]),
        // Participants of session 42 only.
        Document::new("session:42-notes", "session")
            .title(Some("en"), "Notes of the refugees housing peer session")
            .countries(["BE"])
            .year(2024)
            .date(1_715_000_000)
            .url("/sessions/42")
            .audience(["participants:42"]),
        // Markup in the text must come back escaped.
        Document::new("resource:portal", "resource")
            .title(Some("en"), "The refugees portal")
            .body(
                Some("en"),
                "Never paste <script>alert('x')</script> into the portal & its forms.",
            )
            .countries(["NL"])
            .year(2021)
            .date(1_610_000_000)
            .url("/resources/portal")
            .audience(PUBLIC),
        // No language given: detected as German, so stemmed as German.
        Document::new("resource:undetected", "resource")
            .title(None, "Beratungsstellen für Familien")
            .summary(
                None,
                "Die Beratungsstellen der Stadt helfen Familien bei Anträgen und Behördengängen.",
            )
            .countries(["DE"])
            .year(2020)
            .date(1_590_000_000)
            .url("/resources/beratung")
            .audience(PUBLIC),
    ]
}

/// An in-memory index with the vocabulary and the corpus, committed.
pub fn index() -> SearchIndex {
    let index = SearchIndex::in_memory()
        .expect("in-memory index")
        .with_vocabulary(vocabulary());
    for doc in corpus() {
        index.upsert(&doc).expect("upsert");
    }
    index.commit().expect("commit");
    index
}

/// A visitor's search.
pub fn public(index: &SearchIndex, text: &str) -> Results {
    index
        .search(&Query::new(text).audience(PUBLIC))
        .expect("search")
}

pub fn ids(results: &Results) -> Vec<&str> {
    results.hits.iter().map(|h| h.id.as_str()).collect()
}

/// The id of the first hit, or a panic showing what came back.
pub fn first(results: &Results) -> &str {
    results
        .hits
        .first()
        .map(|h| h.id.as_str())
        .unwrap_or_else(|| panic!("no hit: {results:?}"))
}
