//! The five languages with their own stemmed fields, and language detection.

use std::sync::OnceLock;

use whatlang::Detector;

/// A language with its own stemmed fields in the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Arabic.
    Ar,
    /// Turkish.
    Tr,
    /// French.
    Fr,
    /// German.
    De,
}

impl Lang {
    /// Every language, in a fixed order.
    pub const ALL: [Lang; 5] = [Lang::En, Lang::Ar, Lang::Tr, Lang::Fr, Lang::De];

    /// The ISO 639-1 code: `en`, `ar`, `tr`, `fr`, `de`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Tr => "tr",
            Lang::Fr => "fr",
            Lang::De => "de",
        }
    }

    /// Parses a language tag (`"de"`, `"DE"`, `"de-AT"`, `"ar_SY"`); `None`
    /// for any other language.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or("").trim();
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// Detects which of the five languages `text` is written in, if any.
    ///
    /// Text in Arabic script is Arabic; otherwise whatlang, restricted to the
    /// four Latin-script languages, decides.
    pub fn detect(text: &str) -> Option<Lang> {
        let mut arabic = 0usize;
        let mut letters = 0usize;
        for c in text.chars().filter(|c| c.is_alphabetic()).take(400) {
            letters += 1;
            if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
                arabic += 1;
            }
        }
        if letters == 0 {
            return None;
        }
        if arabic * 2 >= letters {
            return Some(Lang::Ar);
        }
        static DETECTOR: OnceLock<Detector> = OnceLock::new();
        let detector = DETECTOR.get_or_init(|| {
            Detector::with_allowlist(vec![
                whatlang::Lang::Eng,
                whatlang::Lang::Tur,
                whatlang::Lang::Fra,
                whatlang::Lang::Deu,
            ])
        });
        match detector.detect_lang(text)? {
            whatlang::Lang::Eng => Some(Lang::En),
            whatlang::Lang::Tur => Some(Lang::Tr),
            whatlang::Lang::Fra => Some(Lang::Fr),
            whatlang::Lang::Deu => Some(Lang::De),
            _ => None,
        }
    }

    pub(crate) fn stemmer(self) -> tantivy::tokenizer::Language {
        use tantivy::tokenizer::Language;
        match self {
            Lang::En => Language::English,
            Lang::Ar => Language::Arabic,
            Lang::Tr => Language::Turkish,
            Lang::Fr => Language::French,
            Lang::De => Language::German,
        }
    }
}

/// Very common words of the five languages, in [folded](crate::fold) form.
/// In a query they still count towards the score but are not required.
pub(crate) const STOP_WORDS: &[&str] = &[
    // en
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "how", "in", "is", "it", "of",
    "on", "or", "the", "to", "what", "with", // fr
    "au", "aux", "avec", "ce", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "l", "d",
    "ou", "par", "pour", "sur", "un", "une", // de
    "am", "auf", "der", "die", "das", "dem", "den", "des", "ein", "eine", "einer", "fur", "im",
    "mit", "oder", "und", "von", "zu", "zum", "zur", // tr
    "bir", "bu", "da", "de", "icin", "ile", "ve", "veya", "gibi", "olan", // ar
    "في", "من", "على", "الى", "الي", "عن", "مع", "و", "او", "ان", "هذا", "هذه", "التي", "الذي",
];

pub(crate) fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        assert_eq!(Lang::from_code("de-AT"), Some(Lang::De));
        assert_eq!(Lang::from_code("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("es"), None);
    }

    #[test]
    fn detection() {
        assert_eq!(Lang::detect("دورات اللغة للاجئين"), Some(Lang::Ar));
        assert_eq!(
            Lang::detect("Die Stadt bietet Sprachkurse für Geflüchtete an"),
            Some(Lang::De)
        );
        assert_eq!(
            Lang::detect("La ville propose des cours de langue aux réfugiés"),
            Some(Lang::Fr)
        );
        assert_eq!(
            Lang::detect("Belediye mülteciler için dil kursları düzenliyor"),
            Some(Lang::Tr)
        );
        assert_eq!(
            Lang::detect("The city offers language courses for refugees"),
            Some(Lang::En)
        );
        assert_eq!(Lang::detect("1234 !!"), None);
    }
}
