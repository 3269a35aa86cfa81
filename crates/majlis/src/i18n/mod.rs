//! User-interface locales, Fluent messages and translatable content.
//!
//! UI strings live in `locales/<locale>/main.ftl`, embedded at build time.
//! Content that people write is stored as [`TrText`]: one value per locale
//! plus the locale it was originally written in.

mod dates;
mod negotiate;
mod text;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::{LazyLock, RwLock};

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::static_loader;
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

pub use negotiate::{LANG_COOKIE, negotiate};
pub use text::{Shown, TrText, TrTextError, clean as clean_text};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Bidi isolation stays on: Arabic sentences carry Latin names.
        customise: |bundle| bundle.set_use_isolating(true),
    };
}

/// A locale of the user interface and of content.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Ar,
    Tr,
    Fr,
    De,
}

impl Locale {
    pub const ALL: [Locale; 5] = [Locale::En, Locale::Ar, Locale::Tr, Locale::Fr, Locale::De];

    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ar => "ar",
            Locale::Tr => "tr",
            Locale::Fr => "fr",
            Locale::De => "de",
        }
    }

    /// Text direction for `<html dir>` and for content shown in this locale.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The locale's own name for itself, used in the language switcher.
    pub fn autonym(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ar => "العربية",
            Locale::Tr => "Türkçe",
            Locale::Fr => "Français",
            Locale::De => "Deutsch",
        }
    }

    fn langid(self) -> &'static LanguageIdentifier {
        static IDS: LazyLock<[LanguageIdentifier; 5]> = LazyLock::new(|| {
            // The five codes are valid BCP 47 primary subtags.
            Locale::ALL.map(|l| l.code().parse().unwrap_or_default())
        });
        &IDS[self as usize]
    }

    /// This locale's message, else English's, else the id itself.
    /// (The loader's own `lookup` negotiates languages on every call: too slow
    /// for a page that shows a hundred strings.)
    fn lookup(self, id: &str, args: Option<&HashMap<Cow<'static, str>, FluentValue>>) -> String {
        LOCALES
            .lookup_single_language(self.langid(), id, args)
            .or_else(|_| LOCALES.lookup_single_language(Locale::En.langid(), id, args))
            .unwrap_or_else(|e| {
                tracing::warn!(id, error = %e, "missing UI message");
                id.to_owned()
            })
    }

    /// Look a UI message up by its Fluent id.
    pub fn t(self, id: &str) -> String {
        let memo = &MEMO[self as usize];
        if let Some(text) = memo.read().unwrap_or_else(|p| p.into_inner()).get(id) {
            return text.to_string();
        }
        let text = self.lookup(id, None);
        remember(memo, id.into(), &text);
        text
    }

    /// Look a UI message up with named arguments. A message with one
    /// whole-number argument (a count, a percent) is remembered like
    /// [`Locale::t`]'s.
    pub fn t_args(self, id: &str, args: &[(&'static str, FluentArg)]) -> String {
        let key = match args {
            [(name, FluentArg::Num(n))] => Some(format!("{id}\u{0}{name}\u{0}{n}")),
            _ => None,
        };
        let memo = &MEMO[self as usize];
        if let Some(key) = &key
            && let Some(text) = memo
                .read()
                .unwrap_or_else(|p| p.into_inner())
                .get(key.as_str())
        {
            return text.to_string();
        }
        let text = self.format(id, args);
        if let Some(key) = key {
            remember(memo, key.into(), &text);
        }
        text
    }

    fn format(self, id: &str, args: &[(&'static str, FluentArg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    FluentArg::Str(s) => FluentValue::from(s.clone()),
                    FluentArg::Num(n) => FluentValue::from(*n),
                };
                (Cow::Borrowed(*k), value)
            })
            .collect();
        self.lookup(id, Some(&map))
    }

    /// Whether a message id exists in this locale (not through fallback).
    pub fn has(self, id: &str) -> bool {
        LOCALES
            .lookup_single_language::<&str>(self.langid(), id, None)
            .is_ok()
    }
}

/// Messages already formatted, per locale: formatting a Fluent message is
/// most of what a long cached page costs, and a message without arguments
/// (or with one whole number) always formats the same. Bounded: a full
/// memo starts afresh.
type Memo = RwLock<HashMap<Box<str>, Box<str>>>;
static MEMO: LazyLock<[Memo; 5]> = LazyLock::new(Default::default);
const MEMO_MAX: usize = 8192;

fn remember(memo: &Memo, key: Box<str>, text: &str) {
    let mut m = memo.write().unwrap_or_else(|p| p.into_inner());
    if m.len() >= MEMO_MAX {
        m.clear();
    }
    m.insert(key, text.into());
}

/// An argument passed to a Fluent message.
#[derive(Clone, Debug)]
pub enum FluentArg {
    Str(String),
    Num(i64),
}

impl From<&str> for FluentArg {
    fn from(s: &str) -> Self {
        FluentArg::Str(s.to_owned())
    }
}
impl From<String> for FluentArg {
    fn from(s: String) -> Self {
        FluentArg::Str(s)
    }
}
impl From<&i64> for FluentArg {
    fn from(n: &i64) -> Self {
        FluentArg::Num(*n)
    }
}
impl From<i64> for FluentArg {
    fn from(n: i64) -> Self {
        FluentArg::Num(n)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Error for a locale code that is not one of the five.
#[derive(Debug, thiserror::Error)]
#[error("unknown locale {0:?}")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// Accepts `ar`, `AR`, `ar-LB`, `ar_LB`: the primary subtag decides.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Locale::ALL
            .into_iter()
            .find(|l| l.code() == primary)
            .ok_or_else(|| UnknownLocale(s.to_owned()))
    }
}
