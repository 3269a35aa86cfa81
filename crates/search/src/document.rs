//! The documents the index holds.

use serde::{Deserialize, Serialize};

/// A text with its language: an ISO 639-1 code (`"ar"`, `"de-AT"`…) or
/// `None` when unknown, in which case the index detects it.
pub type LocalizedText = (Option<String>, String);

/// One searchable item.
///
/// Keyword values are normalised when indexed: `kind`, `themes` and
/// `languages` are trimmed and lowercased (`languages` keep their primary
/// subtag only), `countries` are uppercased, `audience` values are trimmed
/// and otherwise kept verbatim.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Unique id, e.g. `"practice:14"`. Upserting the same id replaces.
    pub id: String,
    /// What it is: `practice`, `resource`, `event`, `session`,
    /// `consultation`, `organisation`, `municipality`…
    pub kind: String,
    /// Titles, possibly in several languages. The first is the default.
    pub titles: Vec<LocalizedText>,
    /// Summaries, possibly in several languages.
    pub summaries: Vec<LocalizedText>,
    /// Full texts.
    pub bodies: Vec<LocalizedText>,
    /// Theme slugs, e.g. `"language-learning"`.
    pub themes: Vec<String>,
    /// ISO 3166-1 alpha-2 country codes.
    pub countries: Vec<String>,
    /// Year the item belongs to (for the year filter and facet).
    pub year: Option<i32>,
    /// Timestamp used by [`Sort::Newest`](crate::Sort::Newest), e.g. Unix
    /// seconds.
    pub date: i64,
    /// Languages the item exists in. When empty, the languages of its texts
    /// (given or detected) are used.
    pub languages: Vec<String>,
    /// Where the item lives, returned in hits.
    pub url: String,
    /// Who may see it: e.g. `"public"`, `"members"`, `"participants:42"`.
    /// A document without audience is never found.
    pub audience: Vec<String>,
}

impl Document {
    /// A document with an id and a kind, and nothing else yet.
    pub fn new(id: impl Into<String>, kind: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            kind: kind.into(),
            ..Document::default()
        }
    }

    /// Adds a title in `lang` (`None`: detect).
    pub fn title(mut self, lang: Option<&str>, text: impl Into<String>) -> Self {
        self.titles.push((lang.map(str::to_owned), text.into()));
        self
    }

    /// Adds a summary in `lang` (`None`: detect).
    pub fn summary(mut self, lang: Option<&str>, text: impl Into<String>) -> Self {
        self.summaries.push((lang.map(str::to_owned), text.into()));
        self
    }

    /// Adds a body in `lang` (`None`: detect).
    pub fn body(mut self, lang: Option<&str>, text: impl Into<String>) -> Self {
        self.bodies.push((lang.map(str::to_owned), text.into()));
        self
    }

    /// Adds themes.
    pub fn themes<S: Into<String>>(mut self, themes: impl IntoIterator<Item = S>) -> Self {
        self.themes.extend(themes.into_iter().map(Into::into));
        self
    }

    /// Adds countries.
    pub fn countries<S: Into<String>>(mut self, countries: impl IntoIterator<Item = S>) -> Self {
        self.countries.extend(countries.into_iter().map(Into::into));
        self
    }

    /// Adds languages the item exists in.
    pub fn languages<S: Into<String>>(mut self, languages: impl IntoIterator<Item = S>) -> Self {
        self.languages.extend(languages.into_iter().map(Into::into));
        self
    }

    /// Adds audiences allowed to see the item.
    pub fn audience<S: Into<String>>(mut self, audience: impl IntoIterator<Item = S>) -> Self {
        self.audience.extend(audience.into_iter().map(Into::into));
        self
    }

    /// Sets the year.
    pub fn year(mut self, year: i32) -> Self {
        self.year = Some(year);
        self
    }

    /// Sets the sort date.
    pub fn date(mut self, date: i64) -> Self {
        self.date = date;
        self
    }

    /// Sets the URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = url.into();
        self
    }
}

/// Normalised keyword values, as indexed and as matched by filters.
pub(crate) fn norm_kind(value: &str) -> String {
    value.trim().to_lowercase()
}

pub(crate) fn norm_theme(value: &str) -> String {
    value.trim().to_lowercase()
}

pub(crate) fn norm_country(value: &str) -> String {
    value.trim().to_uppercase()
}

pub(crate) fn norm_language(value: &str) -> String {
    value
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_lowercase()
}

pub(crate) fn norm_audience(value: &str) -> String {
    value.trim().to_owned()
}
