//! Themes with their labels and synonyms in every language: the bridge for
//! cross-language retrieval.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::analysis::Analyzers;
use crate::document::norm_theme;
use crate::lang::Lang;

/// Theme slugs with labels and synonyms in several languages.
///
/// A query containing (after normalisation, and after stemming in the
/// label's language) a label or synonym of a theme also matches the
/// documents tagged with that theme, ranked below direct text matches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vocabulary {
    /// The themes.
    pub themes: Vec<Theme>,
}

/// One theme: its slug, and labels/synonyms as `(language code, text)`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// The slug documents are tagged with, e.g. `"language-learning"`.
    pub slug: String,
    /// Display labels, e.g. `("en", "Language learning")`.
    pub labels: Vec<(String, String)>,
    /// Other words and phrases meaning the same, e.g. `("ar", "دورات اللغة")`.
    pub synonyms: Vec<(String, String)>,
}

impl Vocabulary {
    /// An empty vocabulary.
    pub fn new() -> Self {
        Vocabulary::default()
    }

    /// Adds a theme.
    pub fn theme(mut self, theme: Theme) -> Self {
        self.themes.push(theme);
        self
    }

    /// Adds a theme.
    pub fn push(&mut self, theme: Theme) {
        self.themes.push(theme);
    }
}

impl Theme {
    /// A theme without labels yet.
    pub fn new(slug: impl Into<String>) -> Self {
        Theme {
            slug: slug.into(),
            ..Theme::default()
        }
    }

    /// Adds a label in `lang`.
    pub fn label(mut self, lang: &str, text: impl Into<String>) -> Self {
        self.labels.push((lang.to_owned(), text.into()));
        self
    }

    /// Adds a synonym in `lang`.
    pub fn synonym(mut self, lang: &str, text: impl Into<String>) -> Self {
        self.synonyms.push((lang.to_owned(), text.into()));
        self
    }
}

/// A query's tokens in one analyser (`None`: neutral), each tagged with the
/// index of the query word it came from.
pub(crate) type TokenSequence = (Option<Lang>, Vec<(usize, String)>);

/// A word-sequence form of a phrase, in one analyser.
type Key = (Option<Lang>, Vec<String>);

/// The vocabulary compiled for matching query words.
#[derive(Debug, Default)]
pub(crate) struct ThemeMatcher {
    phrases: HashMap<Key, BTreeSet<String>>,
    max_len: usize,
}

impl ThemeMatcher {
    pub(crate) fn compile(vocabulary: &Vocabulary) -> Self {
        let mut analyzers = Analyzers::new();
        let mut matcher = ThemeMatcher::default();
        for theme in &vocabulary.themes {
            let slug = norm_theme(&theme.slug);
            if slug.is_empty() {
                continue;
            }
            let slug_words = theme.slug.replace(['-', '_'], " ");
            matcher.add(None, analyzers.analyze(None, &slug_words), &slug);
            for (lang, text) in theme.labels.iter().chain(&theme.synonyms) {
                matcher.add(None, analyzers.analyze(None, text), &slug);
                // Stemmed in the label's own language (and, when the label's
                // language is unknown or another one, in each of the five).
                match Lang::from_code(lang) {
                    Some(l) => matcher.add(Some(l), analyzers.analyze(Some(l), text), &slug),
                    None => {
                        for l in Lang::ALL {
                            matcher.add(Some(l), analyzers.analyze(Some(l), text), &slug);
                        }
                    }
                }
            }
        }
        matcher
    }

    fn add(&mut self, lang: Option<Lang>, tokens: Vec<String>, slug: &str) {
        if tokens.is_empty() {
            return;
        }
        self.max_len = self.max_len.max(tokens.len());
        self.phrases
            .entry((lang, tokens))
            .or_default()
            .insert(slug.to_owned());
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// For each query word, the themes one of whose phrases covers it.
    ///
    /// `tokens[k]` is the token sequence of the query in analyser `k`
    /// (`None` first, then [`Lang::ALL`]), each token tagged with the index of
    /// the query word it came from.
    pub(crate) fn cover(
        &self,
        tokens: &[TokenSequence],
        num_words: usize,
    ) -> Vec<BTreeSet<String>> {
        let mut covered = vec![BTreeSet::new(); num_words];
        if self.is_empty() {
            return covered;
        }
        let mut key: Key = (None, Vec::with_capacity(self.max_len));
        for (lang, seq) in tokens {
            key.0 = *lang;
            for start in 0..seq.len() {
                key.1.clear();
                for end in start..seq.len().min(start + self.max_len) {
                    key.1.push(seq[end].1.clone());
                    if let Some(slugs) = self.phrases.get(&key) {
                        for (word, _) in &seq[start..=end] {
                            covered[*word].extend(slugs.iter().cloned());
                        }
                    }
                }
            }
        }
        covered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query_tokens(text: &str) -> (Vec<TokenSequence>, usize) {
        let mut analyzers = Analyzers::new();
        let words = crate::normalize::words(text);
        let mut out = Vec::new();
        for lang in std::iter::once(None).chain(Lang::ALL.map(Some)) {
            let mut seq = Vec::new();
            for (i, (a, b)) in words.iter().enumerate() {
                for t in analyzers.analyze(lang, &text[*a..*b]) {
                    seq.push((i, t));
                }
            }
            out.push((lang, seq));
        }
        (out, words.len())
    }

    #[test]
    fn covers_phrases_in_any_language() {
        let vocab = Vocabulary::new()
            .theme(
                Theme::new("language-learning")
                    .label("en", "Language learning")
                    .label("ar", "تعلم اللغة")
                    .synonym("ar", "دورات اللغة")
                    .synonym("de", "Sprachkurse"),
            )
            .theme(Theme::new("housing").label("fr", "Logement"));
        let m = ThemeMatcher::compile(&vocab);
        let (t, n) = query_tokens("دورات اللغة في برلين");
        let c = m.cover(&t, n);
        assert!(c[0].contains("language-learning"));
        assert!(c[1].contains("language-learning"));
        assert!(c[2].is_empty() && c[3].is_empty());
        // Stemmed in German: plural matches.
        let (t, n) = query_tokens("Sprachkursen");
        assert!(m.cover(&t, n)[0].contains("language-learning"));
        // Folded: no accent needed.
        let (t, n) = query_tokens("LOGEMENT social");
        assert!(m.cover(&t, n)[0].contains("housing"));
        // Slug words.
        let (t, n) = query_tokens("housing");
        assert!(m.cover(&t, n)[0].contains("housing"));
        // Part of a phrase is not enough.
        let (t, n) = query_tokens("دورات");
        assert!(m.cover(&t, n)[0].is_empty());
    }
}
