//! The one text normaliser, used identically at index time and at query time.
//!
//! Every analyser of the index runs [`WordTokenizer`] then the [`Normalizer`]
//! token filter; queries are analysed by the very same analysers, so a query
//! word and an indexed word meet exactly when their normal forms are equal.
//!
//! [`normalize`] gives the form kept by the per-language fields (the stemmers
//! need the language's own letters: German ü, Turkish ş, French é…).
//! [`fold`] additionally strips Latin diacritics and is what the
//! language-neutral field stores.

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Normalises `text` the way every field of the index does before stemming.
///
/// In order:
/// 1. Unicode NFKC (compatibility forms, ligatures, full-width letters, and
///    composition of decomposed letters such as `I` + U+0307 into `İ`);
/// 2. case folding in which `İ` (U+0130), `I` and `ı` (U+0131) all become
///    `i`, *before* general lowercasing, so that `İstanbul`, `ISTANBUL` and
///    `istanbul` meet and no stray combining dot (U+0307) is left behind;
/// 3. Arabic: `أ إ آ ٱ` → `ا`, `ة` → `ه`, `ى`/`ی` → `ي`, harakat/tashkeel
///    (U+064B–U+065F, U+0670) and tatweel (U+0640) removed, Arabic-Indic
///    digits turned into ASCII digits.
///
/// ```
/// assert_eq!(majlis_search::normalize("İSTANBUL"), "istanbul");
/// assert_eq!(majlis_search::normalize("IŞIK"), majlis_search::normalize("ışık"));
/// assert_eq!(majlis_search::normalize("أَحْمَد"), "احمد");
/// ```
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, false, &mut out);
    out
}

/// [`normalize`], then Latin diacritics folded away (`é` → `e`, `ü` → `u`,
/// `ş` → `s`, `ç` → `c`, `ğ` → `g`, `ö` → `o`, `ß` → `ss`, `œ` → `oe`…).
///
/// Arabic letters are left intact (`ؤ` and `ئ` keep their hamza). This is the
/// form indexed in the language-neutral field.
///
/// ```
/// assert_eq!(majlis_search::fold("Réfugiés"), "refugies");
/// assert_eq!(majlis_search::fold("Flüchtlinge"), "fluchtlinge");
/// ```
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, true, &mut out);
    out
}

/// Writes the normal form of `text` into `out` (cleared first).
pub(crate) fn normalize_into(text: &str, fold_diacritics: bool, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        // Fast path: NFKC is the identity on ASCII and the only case rule is
        // `I` → `i`, which ASCII lowercasing already does.
        out.push_str(text);
        out.make_ascii_lowercase();
        return;
    }
    for c in text.nfkc() {
        match c {
            'İ' | 'I' | 'ı' => out.push('i'),
            // A combining dot above left over after an `i` (decomposed input
            // that NFKC could not recompose, or a lowercased `İ`).
            '\u{0307}' if out.ends_with('i') => {}
            // Arabic letter variants.
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ة' => out.push('ه'),
            'ى' | 'ی' => out.push('ي'),
            // Harakat / tashkeel, superscript alef and tatweel.
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => {}
            // Arabic-Indic and Eastern Arabic-Indic digits.
            '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
            '\u{06F0}'..='\u{06F9}' => out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
            _ if fold_diacritics => fold_char(c, out),
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// Lowercases `c` and strips its Latin (non-Arabic) diacritics into `out`.
fn fold_char(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        match lower {
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'đ' => out.push('d'),
            'ł' => out.push('l'),
            'ı' => out.push('i'),
            c if c.is_ascii() || is_arabic(c) => out.push(c),
            c if is_combining_mark(c) => {}
            c => decompose_canonical(c, |d| {
                if !is_combining_mark(d) {
                    out.push(d);
                }
            }),
        }
    }
}

fn is_arabic(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// Whether `c` belongs to a word: letters, digits and combining marks (so
/// that harakat or a decomposed accent do not split a word in two), plus the
/// zero-width (non-)joiners used inside Arabic-script words.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || c == '\u{200C}' || c == '\u{200D}'
}

/// Splits text into words: maximal runs of [letters, digits and combining
/// marks](is_word_char). Offsets are byte offsets into the original text, so
/// snippets highlight the original spelling.
#[derive(Clone, Default)]
pub struct WordTokenizer {
    token: Token,
}

/// The stream of [`WordTokenizer`].
pub struct WordTokenStream<'a> {
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    token: &'a mut Token,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        WordTokenStream {
            text,
            chars: text.char_indices(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some((from, c)) = self.chars.next() {
            if is_word_char(c) {
                let to = self
                    .chars
                    .find(|&(_, c)| !is_word_char(c))
                    .map_or(self.text.len(), |(offset, _)| offset);
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.text.push_str(&self.text[from..to]);
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Splits `text` into its words (byte ranges into `text`), as the index does.
pub(crate) fn words(text: &str) -> Vec<(usize, usize)> {
    let mut tokenizer = WordTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push((t.offset_from, t.offset_to));
    }
    out
}

/// Token filter applying [`normalize`] (or [`fold`]) to every token; tokens
/// that normalise to nothing (a lone tatweel or haraka) are dropped.
#[derive(Clone, Copy, Debug)]
pub struct Normalizer {
    fold_diacritics: bool,
}

impl Normalizer {
    /// The filter of the per-language fields ([`normalize`]).
    pub fn keep_diacritics() -> Self {
        Normalizer {
            fold_diacritics: false,
        }
    }

    /// The filter of the language-neutral field ([`fold`]).
    pub fn fold_diacritics() -> Self {
        Normalizer {
            fold_diacritics: true,
        }
    }
}

impl TokenFilter for Normalizer {
    type Tokenizer<T: Tokenizer> = NormalizerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> NormalizerFilter<T> {
        NormalizerFilter {
            inner: tokenizer,
            fold_diacritics: self.fold_diacritics,
            buffer: String::new(),
        }
    }
}

/// The tokenizer produced by [`Normalizer`].
#[derive(Clone)]
pub struct NormalizerFilter<T> {
    inner: T,
    fold_diacritics: bool,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for NormalizerFilter<T> {
    type TokenStream<'a> = NormalizerTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        NormalizerTokenStream {
            tail: self.inner.token_stream(text),
            fold_diacritics: self.fold_diacritics,
            buffer: &mut self.buffer,
        }
    }
}

/// The stream of [`NormalizerFilter`].
pub struct NormalizerTokenStream<'a, T> {
    tail: T,
    fold_diacritics: bool,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for NormalizerTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            normalize_into(&token.text, self.fold_diacritics, self.buffer);
            if self.buffer.is_empty() {
                continue;
            }
            mem::swap(&mut token.text, self.buffer);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkish_dotted_and_dotless_i() {
        assert_eq!(normalize("İstanbul"), "istanbul");
        assert_eq!(normalize("ISTANBUL"), "istanbul");
        assert_eq!(normalize("I\u{0307}stanbul"), "istanbul");
        assert_eq!(normalize("i\u{0307}stanbul"), "istanbul");
        assert_eq!(normalize("ışık"), "işik");
        assert_eq!(normalize("IŞIK"), "işik");
        assert_eq!(fold("IŞIK"), "isik");
    }

    #[test]
    fn arabic() {
        assert_eq!(normalize("أحمد"), "احمد");
        assert_eq!(normalize("إحمد"), "احمد");
        assert_eq!(normalize("آمال"), "امال");
        assert_eq!(normalize("كَتَبَ"), "كتب");
        assert_eq!(normalize("مدرسة"), "مدرسه");
        assert_eq!(normalize("مستشفى"), "مستشفي");
        assert_eq!(normalize("كتـــاب"), "كتاب");
        assert_eq!(normalize("٢٠٢٤"), "2024");
        // Decomposed alef + hamza above is recomposed by NFKC, then mapped.
        assert_eq!(normalize("\u{0627}\u{0654}حمد"), "احمد");
        // Folding keeps Arabic letters intact.
        assert_eq!(fold("سؤال"), "سؤال");
    }

    #[test]
    fn latin_diacritics() {
        assert_eq!(normalize("Réfugiés"), "réfugiés");
        assert_eq!(fold("Réfugiés"), "refugies");
        assert_eq!(fold("çğöşü ÇĞÖŞÜ"), "cgosu cgosu");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("ﬁnance"), "finance");
        // Decomposed input folds the same as precomposed.
        assert_eq!(fold("re\u{0301}fugie\u{0301}s"), "refugies");
    }

    #[test]
    fn words_keep_marks_inside() {
        let text = "كَتَبَ, l'intégration  re\u{0301}fugie\u{0301}s";
        let got: Vec<&str> = words(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(got, ["كَتَبَ", "l", "intégration", "re\u{0301}fugie\u{0301}s"]);
    }
}
