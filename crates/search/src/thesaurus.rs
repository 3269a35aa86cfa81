//! The multilingual thesaurus of the field (`data/thesaurus.toml`): a few
//! hundred concepts, each with its terms in the five languages.
//!
//! At index time every text is scanned for the terms of its language and the
//! document gets the ids of the concepts it mentions (as often as it mentions
//! them) in the `concepts` field; at query time the query's words are mapped
//! to concepts in every language. A query in one language thus finds
//! documents in another, scored by BM25 over the concepts they share.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::analysis::Analyzers;
use crate::lang::Lang;
use crate::normalize::fold;

const SOURCE: &str = include_str!("../data/thesaurus.toml");

/// Separates the words of a key (a language code, then stemmed tokens).
const SEP: char = '\u{1f}';

/// Folded keys (for queries typed without diacritics) of one token shorter
/// than this many characters are not kept: too many short words of one
/// language fold onto a word of another (Turkish `iş` onto English `is`).
const MIN_FOLDED_CHARS: usize = 3;

/// The thesaurus as written: concept id → terms per language.
#[derive(Debug, Deserialize)]
pub(crate) struct Raw {
    // Read by the tests, which check that no other term is shared.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) shared: Shared,
    #[serde(flatten)]
    pub(crate) concepts: BTreeMap<String, RawConcept>,
}

/// Analysed terms two concepts may share on purpose.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Shared {
    /// `[language code, term]` pairs.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) terms: Vec<(String, String)>,
}

/// One concept's terms in each language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawConcept {
    pub(crate) en: Vec<String>,
    pub(crate) ar: Vec<String>,
    pub(crate) tr: Vec<String>,
    pub(crate) fr: Vec<String>,
    pub(crate) de: Vec<String>,
}

impl RawConcept {
    pub(crate) fn terms(&self, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
            Lang::Tr => &self.tr,
            Lang::Fr => &self.fr,
            Lang::De => &self.de,
        }
    }
}

impl Raw {
    pub(crate) fn german_terms(&self) -> impl Iterator<Item = &str> {
        self.concepts
            .values()
            .flat_map(|c| c.de.iter().map(String::as_str))
    }
}

/// The parsed data file.
pub(crate) fn raw() -> &'static Raw {
    static RAW: OnceLock<Raw> = OnceLock::new();
    // The file is part of the crate and checked by its tests.
    RAW.get_or_init(|| toml::from_str(SOURCE).expect("data/thesaurus.toml is valid"))
}

/// The thesaurus compiled for matching analysed text.
pub(crate) fn matcher() -> &'static ConceptMatcher {
    static MATCHER: OnceLock<ConceptMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| ConceptMatcher::compile(raw()))
}

/// Analysed term sequences → concepts.
#[derive(Debug, Default)]
pub(crate) struct ConceptMatcher {
    /// Concept ids, indexed by the numbers in `keys`.
    pub(crate) ids: Vec<String>,
    /// `lang SEP token SEP token…` → concepts.
    keys: HashMap<String, Vec<u32>>,
    /// Every proper prefix of a key (to stop extending a sequence early).
    prefixes: HashSet<String>,
    max_len: usize,
}

fn push_token(key: &mut String, token: &str) {
    key.push(SEP);
    key.push_str(token);
}

impl ConceptMatcher {
    fn compile(raw: &Raw) -> Self {
        let mut analyzers = Analyzers::new();
        let mut m = ConceptMatcher::default();
        for (number, (id, concept)) in raw.concepts.iter().enumerate() {
            m.ids.push(id.clone());
            let number = u32::try_from(number).unwrap_or(u32::MAX);
            for lang in Lang::ALL {
                for term in concept.terms(lang) {
                    let tokens = analyzers.analyze(Some(lang), term);
                    m.add(lang, &tokens, number);
                    // Typed without diacritics: the stems folded, and the
                    // stems of the folded term (stemmers read `refugies`
                    // otherwise than `réfugiés`).
                    let folded_term = fold(term);
                    if folded_term != term.to_lowercase() {
                        let folded: Vec<String> = tokens.iter().map(|t| fold(t)).collect();
                        let plain = analyzers.analyze(Some(lang), &folded_term);
                        for variant in [folded, plain] {
                            let short =
                                variant.len() == 1 && variant[0].chars().count() < MIN_FOLDED_CHARS;
                            if variant != tokens && !short {
                                m.add(lang, &variant, number);
                            }
                        }
                    }
                }
            }
        }
        m
    }

    fn add(&mut self, lang: Lang, tokens: &[String], concept: u32) {
        if tokens.is_empty() {
            return;
        }
        self.max_len = self.max_len.max(tokens.len());
        let mut key = lang.code().to_owned();
        for (i, token) in tokens.iter().enumerate() {
            push_token(&mut key, token);
            if i + 1 < tokens.len() {
                self.prefixes.insert(key.clone());
            }
        }
        let concepts = self.keys.entry(key).or_default();
        if !concepts.contains(&concept) {
            concepts.push(concept);
        }
    }

    /// Calls `found(start, end, concept)` for every term of `lang` found in
    /// `tokens` (the text analysed in `lang`), `start..end` being the
    /// tokens it covers.
    pub(crate) fn scan<S: AsRef<str>>(
        &self,
        lang: Lang,
        tokens: &[S],
        mut found: impl FnMut(usize, usize, u32),
    ) {
        let mut key = String::with_capacity(64);
        for start in 0..tokens.len() {
            key.clear();
            key.push_str(lang.code());
            let window = &tokens[start..tokens.len().min(start + self.max_len)];
            for (len, token) in window.iter().enumerate() {
                push_token(&mut key, token.as_ref());
                if let Some(concepts) = self.keys.get(&key) {
                    for &c in concepts {
                        found(start, start + len + 1, c);
                    }
                }
                if !self.prefixes.contains(&key) {
                    break;
                }
            }
        }
    }

    /// The concept ids of the terms of `lang` found in `tokens`, once per
    /// occurrence, pushed onto `out`.
    pub(crate) fn concepts_in<S: AsRef<str>>(&self, lang: Lang, tokens: &[S], out: &mut Vec<u32>) {
        self.scan(lang, tokens, |_, _, c| out.push(c));
    }

    /// Also matches the folded form of the tokens (for a query typed without
    /// diacritics): for each of `tokens`, the concepts covering it.
    pub(crate) fn cover(
        &self,
        lang: Lang,
        tokens: &[(usize, String)],
        covered: &mut [BTreeSet<u32>],
    ) {
        let plain: Vec<&str> = tokens.iter().map(|(_, t)| t.as_str()).collect();
        let folded: Vec<String> = plain.iter().map(|t| fold(t)).collect();
        let mut mark = |start: usize, end: usize, c: u32| {
            for (word, _) in &tokens[start..end] {
                if let Some(set) = covered.get_mut(*word) {
                    set.insert(c);
                }
            }
        };
        self.scan(lang, &plain, &mut mark);
        if folded.iter().zip(&plain).any(|(f, p)| f != p) {
            self.scan(lang, &folded, &mut mark);
        }
    }

    pub(crate) fn id(&self, concept: u32) -> &str {
        self.ids.get(concept as usize).map_or("", String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_concept_has_terms_in_all_five_languages() {
        let raw = raw();
        assert!(raw.concepts.len() >= 300, "{} concepts", raw.concepts.len());
        for (id, concept) in &raw.concepts {
            assert!(
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "concept id {id:?}"
            );
            for lang in Lang::ALL {
                let terms = concept.terms(lang);
                assert!(!terms.is_empty(), "{id} has no {} term", lang.code());
                for term in terms {
                    assert_eq!(term.trim(), term, "{id}: {term:?} has spaces around it");
                }
            }
        }
    }

    #[test]
    fn every_term_analyses_to_at_least_one_token() {
        let mut analyzers = Analyzers::new();
        for (id, concept) in &raw().concepts {
            for lang in Lang::ALL {
                for term in concept.terms(lang) {
                    assert!(
                        !analyzers.analyze(Some(lang), term).is_empty(),
                        "{id}: {} term {term:?} analyses to nothing",
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn no_term_belongs_to_two_concepts_unless_listed() {
        let raw = raw();
        let mut analyzers = Analyzers::new();
        let shared: HashSet<(String, Vec<String>)> = raw
            .shared
            .terms
            .iter()
            .filter_map(|(code, term)| {
                let lang = Lang::from_code(code)?;
                Some((code.clone(), analyzers.analyze(Some(lang), term)))
            })
            .collect();
        let mut owner: HashMap<(String, Vec<String>), &str> = HashMap::new();
        let mut clashes = Vec::new();
        for (id, concept) in &raw.concepts {
            for lang in Lang::ALL {
                for term in concept.terms(lang) {
                    let key = (lang.code().to_owned(), analyzers.analyze(Some(lang), term));
                    match owner.get(&key) {
                        Some(other) if *other != id && !shared.contains(&key) => {
                            clashes.push(format!("{} {term:?}: {other} and {id}", lang.code()));
                        }
                        Some(_) => {}
                        None => {
                            owner.insert(key, id);
                        }
                    }
                }
            }
        }
        assert!(
            clashes.is_empty(),
            "terms in two concepts:\n{}",
            clashes.join("\n")
        );
    }

    #[test]
    fn finds_terms_in_analysed_text() {
        let m = matcher();
        let mut analyzers = Analyzers::new();
        let ids = |lang: Lang, text: &str, analyzers: &mut Analyzers| -> BTreeSet<String> {
            let tokens = analyzers.analyze(Some(lang), text);
            let mut out = Vec::new();
            m.concepts_in(lang, &tokens, &mut out);
            out.into_iter().map(|c| m.id(c).to_owned()).collect()
        };
        let en = ids(
            Lang::En,
            "Language courses for refugees and the host community",
            &mut analyzers,
        );
        for id in ["language-course", "language", "refugee", "host-community"] {
            assert!(en.contains(id), "{id} in {en:?}");
        }
        let ar = ids(
            Lang::Ar,
            "التماسك الاجتماعي في البلديات المضيفة",
            &mut analyzers,
        );
        assert!(
            ar.contains("social-cohesion") && ar.contains("host-municipality"),
            "{ar:?}"
        );
        let de = ids(Lang::De, "Flüchtlinge auf dem Arbeitsmarkt", &mut analyzers);
        assert!(
            de.contains("refugee") && de.contains("labour-market"),
            "{de:?}"
        );
        // Decompounded: the parts of a compound that is no term.
        let de = ids(Lang::De, "Flüchtlingsunterkunft", &mut analyzers);
        assert!(de.contains("refugee") && de.contains("shelter"), "{de:?}");
        let tr = ids(Lang::Tr, "Mültecilere yönelik dil kursları", &mut analyzers);
        assert!(
            tr.contains("refugee") && tr.contains("language-course"),
            "{tr:?}"
        );
        // Typed without diacritics.
        for (lang, text, id) in [
            (Lang::Fr, "refugies", "refugee"),
            (Lang::Tr, "multeciler", "refugee"),
            (Lang::De, "Fluchtlinge", "refugee"),
        ] {
            let tokens: Vec<(usize, String)> = analyzers
                .analyze(Some(lang), text)
                .into_iter()
                .map(|t| (0, t))
                .collect();
            let mut covered = vec![BTreeSet::new()];
            m.cover(lang, &tokens, &mut covered);
            let found: Vec<&str> = covered[0].iter().map(|c| m.id(*c)).collect();
            assert!(found.contains(&id), "{text}: {found:?}");
        }
        let fr = ids(Lang::Fr, "La gestion des déchets solides", &mut analyzers);
        assert!(fr.contains("solid-waste"), "{fr:?}");
    }
}
