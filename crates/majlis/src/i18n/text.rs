//! Translatable content: one value per locale, with the original locale recorded.

use std::collections::BTreeMap;

use sea_orm::FromJsonQueryResult;
use serde::{Deserialize, Serialize};

use super::Locale;

/// A piece of content people write (a name, a description), in the locales
/// it exists in. Stored as one JSON column: `{"orig":"tr","values":{"tr":"…","en":"…"}}`.
///
/// Invariant: `values` holds a non-empty value for `orig`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
#[serde(try_from = "RawTrText")]
pub struct TrText {
    orig: Locale,
    values: BTreeMap<Locale, String>,
}

/// The stored shape, checked before it becomes a [`TrText`].
#[derive(Deserialize)]
struct RawTrText {
    orig: Locale,
    values: BTreeMap<Locale, String>,
}

impl TryFrom<RawTrText> for TrText {
    type Error = TrTextError;

    fn try_from(raw: RawTrText) -> Result<Self, Self::Error> {
        TrText::from_values(raw.orig, raw.values)
    }
}

/// What a reader sees of a [`TrText`]: the text and the locale it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown<'a> {
    pub text: &'a str,
    pub locale: Locale,
    /// True when the reader's locale was missing and another one is shown.
    pub fallback: bool,
}

/// Why a [`TrText`] could not be built.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TrTextError {
    #[error("the original text is empty")]
    EmptyOriginal,
}

/// A text as stored: trimmed, with line breaks as `\n` (browsers send a
/// textarea's as `\r\n`).
pub fn clean(text: impl AsRef<str>) -> String {
    text.as_ref().trim().replace("\r\n", "\n")
}

impl TrText {
    /// Content written in `orig`.
    pub fn new(orig: Locale, text: impl Into<String>) -> Result<Self, TrTextError> {
        let text = clean(text.into());
        if text.is_empty() {
            return Err(TrTextError::EmptyOriginal);
        }
        Ok(TrText {
            orig,
            values: BTreeMap::from([(orig, text)]),
        })
    }

    /// Build from an original locale and any number of translations;
    /// empty translations are dropped.
    pub fn from_values(
        orig: Locale,
        values: impl IntoIterator<Item = (Locale, String)>,
    ) -> Result<Self, TrTextError> {
        let values: BTreeMap<Locale, String> = values
            .into_iter()
            .map(|(l, v)| (l, clean(v)))
            .filter(|(_, v)| !v.is_empty())
            .collect();
        if !values.contains_key(&orig) {
            return Err(TrTextError::EmptyOriginal);
        }
        Ok(TrText { orig, values })
    }

    /// Add or replace the translation into `locale`; an empty text removes it
    /// (the original cannot be removed this way).
    pub fn set(&mut self, locale: Locale, text: impl Into<String>) {
        let text = clean(text.into());
        if text.is_empty() {
            if locale != self.orig {
                self.values.remove(&locale);
            }
        } else {
            self.values.insert(locale, text);
        }
    }

    pub fn orig(&self) -> Locale {
        self.orig
    }

    pub fn original(&self) -> &str {
        self.values
            .get(&self.orig)
            .map(String::as_str)
            .unwrap_or_default()
    }

    pub fn get(&self, locale: Locale) -> Option<&str> {
        self.values.get(&locale).map(String::as_str)
    }

    pub fn locales(&self) -> impl Iterator<Item = Locale> + '_ {
        self.values.keys().copied()
    }

    /// The reader's locale if it exists, else the original.
    pub fn show(&self, reader: Locale) -> Shown<'_> {
        match self.values.get(&reader) {
            Some(text) => Shown {
                text,
                locale: reader,
                fallback: false,
            },
            None => Shown {
                text: self.original(),
                locale: self.orig,
                fallback: true,
            },
        }
    }

    /// Shorthand for the text shown to a reader.
    pub fn text(&self, reader: Locale) -> &str {
        self.show(reader).text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reader_locale_then_original() {
        let mut t = TrText::new(Locale::Tr, "Şahinbey Belediyesi").unwrap();
        t.set(Locale::Ar, "بلدية شاهين بي");
        let ar = t.show(Locale::Ar);
        assert_eq!(
            (ar.text, ar.locale, ar.fallback),
            ("بلدية شاهين بي", Locale::Ar, false)
        );
        let de = t.show(Locale::De);
        assert_eq!(
            (de.text, de.locale, de.fallback),
            ("Şahinbey Belediyesi", Locale::Tr, true)
        );
    }

    #[test]
    fn original_cannot_be_emptied() {
        assert_eq!(
            TrText::new(Locale::En, "  "),
            Err(TrTextError::EmptyOriginal)
        );
        let mut t = TrText::new(Locale::En, "Housing").unwrap();
        t.set(Locale::En, "");
        assert_eq!(t.original(), "Housing");
        t.set(Locale::Fr, "Logement");
        t.set(Locale::Fr, " ");
        assert_eq!(t.get(Locale::Fr), None);
        assert!(
            TrText::from_values(Locale::Ar, [(Locale::En, "x".to_owned())]).is_err(),
            "a translation without its original is refused"
        );
    }

    #[test]
    fn json_round_trip_is_stable() {
        let t = TrText::from_values(
            Locale::De,
            [
                (Locale::De, "Osnabrück".to_owned()),
                (Locale::Ar, "أوسنابروك".to_owned()),
            ],
        )
        .unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(
            json,
            r#"{"orig":"de","values":{"ar":"أوسنابروك","de":"Osnabrück"}}"#
        );
        assert_eq!(serde_json::from_str::<TrText>(&json).unwrap(), t);
    }
}
