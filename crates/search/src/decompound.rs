//! German decompounding: `Müllentsorgung` is also indexed (and searched) as
//! `Müll` + `Entsorgung`, `Flüchtlingsunterkunft` as `Flüchtling` +
//! `Unterkunft`.
//!
//! Dictionary-based (no crate for German decompounding fits: the known ones
//! are Python, or need a trained model): the dictionary is every one-word
//! German term of the [thesaurus](crate::thesaurus) plus the word list
//! `data/de_words.txt`. A word is split when it can be cut entirely into
//! dictionary words, each part at least [`MIN_PART`] characters, with the
//! usual German joints between them (a dropped final `-e`, a linking `-s-`,
//! `-es-`, `-n-`, `-en-`, `-er-`) and an inflected last part; among the
//! possible cuts the one with fewest parts wins. The filter runs on
//! normalised tokens, before the stemmer, and emits the whole word first and
//! then its parts (base forms) at the same position, so the whole word still
//! matches exactly, and either part matches the compound.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::OnceLock;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use crate::normalize::normalize;

/// Words shorter than this (in characters) are never split.
const MIN_COMPOUND: usize = 7;
/// Shortest part (in characters).
const MIN_PART: usize = 3;
/// Most parts a word is split into.
const MAX_PARTS: usize = 4;
/// Linking elements between two parts.
const JOINTS: [&str; 6] = ["", "s", "es", "n", "en", "er"];
/// Endings an inflected last part may carry.
const ENDINGS: [&str; 8] = ["", "e", "en", "n", "s", "es", "er", "ern"];

const WORD_LIST: &str = include_str!("../data/de_words.txt");

/// The dictionary: normalised base forms.
pub(crate) fn dictionary() -> &'static HashSet<String> {
    static DICT: OnceLock<HashSet<String>> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut dict: HashSet<String> = WORD_LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(normalize)
            .collect();
        for term in crate::thesaurus::raw().german_terms() {
            if !term.contains(|c: char| !c.is_alphabetic()) {
                dict.insert(normalize(term));
            }
        }
        dict
    })
}

/// The parts of `word` (normalised), as dictionary base forms; empty when
/// it is not a compound of dictionary words.
pub(crate) fn split(word: &str, dict: &HashSet<String>) -> Vec<String> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    if chars.len() < MIN_COMPOUND {
        return Vec::new();
    }
    let mut best: Option<Vec<String>> = None;
    let mut parts = Vec::new();
    search(word, 0, dict, &mut parts, &mut best);
    best.unwrap_or_default()
}

/// Words split per thread, remembered (a text's vocabulary repeats): at
/// most this many, then forgotten all at once.
const CACHE_WORDS: usize = 50_000;

/// [`split`], remembered per thread.
fn split_cached(word: &str, dict: &HashSet<String>) -> Vec<String> {
    thread_local! {
        static CACHE: RefCell<HashMap<String, Vec<String>>> = RefCell::new(HashMap::new());
    }
    CACHE.with_borrow_mut(|cache| {
        if let Some(parts) = cache.get(word) {
            return parts.clone();
        }
        if cache.len() >= CACHE_WORDS {
            cache.clear();
        }
        let parts = split(word, dict);
        cache.insert(word.to_owned(), parts.clone());
        parts
    })
}

/// Depth-first over the cuts of `word[from..]`, keeping the one with fewest
/// parts (at least two) in `best`.
fn search(
    word: &str,
    from: usize,
    dict: &HashSet<String>,
    parts: &mut Vec<String>,
    best: &mut Option<Vec<String>>,
) {
    if parts.len() >= MAX_PARTS || best.as_ref().is_some_and(|b| b.len() <= parts.len() + 1) {
        return;
    }
    let rest = &word[from..];
    // The rest as the last part, possibly inflected.
    if !parts.is_empty() {
        for ending in ENDINGS {
            if let Some(stem) = rest.strip_suffix(ending)
                && stem.chars().count() >= MIN_PART
                && dict.contains(stem)
            {
                let mut found = parts.clone();
                found.push(stem.to_owned());
                *best = Some(found);
                return;
            }
        }
    }
    // A part, then a joint, then more.
    let boundaries: Vec<usize> = rest.char_indices().map(|(i, _)| i).skip(MIN_PART).collect();
    for end in boundaries.into_iter().rev() {
        let head = &rest[..end];
        let base = if dict.contains(head) {
            head.to_owned()
        } else {
            let with_e = format!("{head}e");
            if dict.contains(&with_e) {
                with_e
            } else {
                continue;
            }
        };
        for joint in JOINTS {
            let next = from + end + joint.len();
            if rest[end..].starts_with(joint) && word.len() - next >= MIN_PART {
                parts.push(base.clone());
                search(word, next, dict, parts, best);
                parts.pop();
            }
        }
    }
}

/// Token filter adding the parts of German compounds after the word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Decompounder;

impl TokenFilter for Decompounder {
    type Tokenizer<T: Tokenizer> = DecompounderFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> DecompounderFilter<T> {
        DecompounderFilter {
            inner: tokenizer,
            pending: VecDeque::new(),
        }
    }
}

#[derive(Clone)]
pub(crate) struct DecompounderFilter<T> {
    inner: T,
    pending: VecDeque<String>,
}

impl<T: Tokenizer> Tokenizer for DecompounderFilter<T> {
    type TokenStream<'a> = DecompounderStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.pending.clear();
        DecompounderStream {
            tail: self.inner.token_stream(text),
            pending: &mut self.pending,
            current: Token::default(),
            dict: dictionary(),
        }
    }
}

pub(crate) struct DecompounderStream<'a, T> {
    tail: T,
    pending: &'a mut VecDeque<String>,
    /// The token handed out (the word, then each part of it).
    current: Token,
    dict: &'static HashSet<String>,
}

impl<T: TokenStream> TokenStream for DecompounderStream<'_, T> {
    fn advance(&mut self) -> bool {
        if let Some(part) = self.pending.pop_front() {
            self.current.text = part;
            return true;
        }
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token();
        self.current.clone_from(token);
        if token.text.chars().count() >= MIN_COMPOUND {
            self.pending.extend(split_cached(&token.text, self.dict));
        }
        true
    }

    fn token(&self) -> &Token {
        &self.current
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_compounds_of_dictionary_words() {
        let dict = dictionary();
        assert_eq!(split("müllentsorgung", dict), ["müll", "entsorgung"]);
        assert_eq!(
            split("flüchtlingsunterkunft", dict),
            ["flüchtling", "unterkunft"]
        );
        assert_eq!(split("sprachkursen", dict), ["sprache", "kurs"]);
        assert_eq!(split("arbeitsmarkt", dict), ["arbeit", "markt"]);
        assert_eq!(split("kindergarten", dict), ["kinder", "garten"]);
        // Not compounds of dictionary words.
        assert!(split("entsorgung", dict).is_empty());
        assert!(split("beratung", dict).is_empty());
        assert!(split("diskriminierung", dict).is_empty());
        assert!(split("müll", dict).is_empty());
    }
}
