//! The analysers of the index: one per language (normalise + stem) and one
//! language-neutral (normalise + fold diacritics). Queries are analysed by
//! the same analysers.

use tantivy::tokenizer::{RemoveLongFilter, Stemmer, TextAnalyzer, TokenizerManager};

use crate::decompound::Decompounder;
use crate::lang::Lang;
use crate::normalize::{Normalizer, WordTokenizer};

/// Tokens longer than this many bytes are dropped (URLs, base64 noise).
const MAX_TOKEN_BYTES: usize = 80;

pub(crate) const NEUTRAL_TOKENIZER: &str = "majlis_neutral";

pub(crate) fn tokenizer_name(lang: Option<Lang>) -> &'static str {
    match lang {
        None => NEUTRAL_TOKENIZER,
        Some(Lang::En) => "majlis_en",
        Some(Lang::Ar) => "majlis_ar",
        Some(Lang::Tr) => "majlis_tr",
        Some(Lang::Fr) => "majlis_fr",
        Some(Lang::De) => "majlis_de",
    }
}

/// The analyser of the field of `lang`, or of the neutral field for `None`.
pub(crate) fn analyzer(lang: Option<Lang>) -> TextAnalyzer {
    let base = TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES));
    match lang {
        None => base.filter(Normalizer::fold_diacritics()).build(),
        Some(Lang::De) => base
            .filter(Normalizer::keep_diacritics())
            .filter(Decompounder)
            .filter(Stemmer::new(Lang::De.stemmer()))
            .build(),
        Some(lang) => base
            .filter(Normalizer::keep_diacritics())
            .filter(Stemmer::new(lang.stemmer()))
            .build(),
    }
}

/// The analyser of the `concepts` field: concept ids separated by spaces.
pub(crate) const CONCEPTS_TOKENIZER: &str = "majlis_concepts";

pub(crate) fn register(manager: &TokenizerManager) {
    manager.register(NEUTRAL_TOKENIZER, analyzer(None));
    manager.register(
        CONCEPTS_TOKENIZER,
        TextAnalyzer::from(tantivy::tokenizer::WhitespaceTokenizer::default()),
    );
    for lang in Lang::ALL {
        manager.register(tokenizer_name(Some(lang)), analyzer(Some(lang)));
    }
}

/// A set of the six analysers, for analysing queries and labels.
#[derive(Clone)]
pub(crate) struct Analyzers {
    neutral: TextAnalyzer,
    langs: [TextAnalyzer; 5],
}

impl Analyzers {
    pub(crate) fn new() -> Self {
        Analyzers {
            neutral: analyzer(None),
            langs: Lang::ALL.map(|l| analyzer(Some(l))),
        }
    }

    /// The analyser of the field of `lang` (`None`: neutral).
    pub(crate) fn get(&self, lang: Option<Lang>) -> &TextAnalyzer {
        match lang {
            None => &self.neutral,
            Some(l) => &self.langs[l.index()],
        }
    }

    /// The terms `text` yields in the field of `lang` (`None`: neutral).
    pub(crate) fn analyze(&mut self, lang: Option<Lang>, text: &str) -> Vec<String> {
        let analyzer = match lang {
            None => &mut self.neutral,
            Some(l) => &mut self.langs[l.index()],
        };
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }
}

impl Lang {
    pub(crate) fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Ar => 1,
            Lang::Tr => 2,
            Lang::Fr => 3,
            Lang::De => 4,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stemming_after_normalising() {
        let mut a = Analyzers::new();
        assert_eq!(
            a.analyze(Some(Lang::De), "Flüchtlinge"),
            a.analyze(Some(Lang::De), "Flüchtling")
        );
        // The German field keeps ü for the stemmer, whose own postlude then
        // drops umlauts: "Fluchtlinge" typed without ü meets it too.
        assert_eq!(a.analyze(Some(Lang::De), "Flüchtlinge"), ["fluchtling"]);
        assert_eq!(
            a.analyze(Some(Lang::De), "Fluchtlinge"),
            a.analyze(Some(Lang::De), "Flüchtlinge")
        );
        // The Turkish field keeps ş and ç (ı is folded to i everywhere).
        assert_eq!(
            a.analyze(Some(Lang::Tr), "IŞIK"),
            a.analyze(Some(Lang::Tr), "ışık")
        );
        assert_eq!(
            a.analyze(Some(Lang::En), "refugees"),
            a.analyze(Some(Lang::En), "refugee")
        );
        assert_eq!(
            a.analyze(Some(Lang::Fr), "réfugiés"),
            a.analyze(Some(Lang::Fr), "réfugié")
        );
        assert_eq!(
            a.analyze(Some(Lang::Ar), "كَتَبَ"),
            a.analyze(Some(Lang::Ar), "كتب")
        );
        assert_eq!(
            a.analyze(None, "Réfugiés, İstanbul"),
            ["refugies", "istanbul"]
        );
        assert_eq!(a.analyze(None, "ـــ"), Vec::<String>::new());
    }
}
