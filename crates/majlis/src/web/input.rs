//! Text as people submit it, before any rule sees it: NUL and the explicit
//! bidirectional controls are removed. An embedding, override or isolate
//! (U+202A–U+202E, U+2066–U+2069) typed into a field would reorder the text
//! around it wherever the value is shown — `a\u{202e}gnp.exe` displays as
//! `aexe.png`, an override in a city reverses the next field of a sheet.
//! The marks U+200E and U+200F stay: they only give a neutral character a
//! direction, and right-to-left writers use them.

use std::borrow::Cow;

/// Whether `c` is removed from submitted text.
pub fn is_unwanted(c: char) -> bool {
    matches!(c, '\0' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` without NUL and explicit bidirectional controls.
pub fn clean(text: &str) -> Cow<'_, str> {
    if text.contains(is_unwanted) {
        Cow::Owned(text.chars().filter(|c| !is_unwanted(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether a form field keeps its value byte for byte: passwords are never
/// shown, and one chosen before this cleaning must keep matching.
pub fn kept_as_typed(field: &str) -> bool {
    field.contains("password")
}

/// An `application/x-www-form-urlencoded` body with every value (and name)
/// cleaned, passwords excepted.
pub fn clean_form(body: &[u8]) -> Cow<'_, [u8]> {
    let pairs: Vec<_> = url::form_urlencoded::parse(body).collect();
    let dirty = pairs
        .iter()
        .any(|(k, v)| k.contains(is_unwanted) || (!kept_as_typed(k) && v.contains(is_unwanted)));
    if !dirty {
        return Cow::Borrowed(body);
    }
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        let value = if kept_as_typed(k) {
            Cow::Borrowed(v.as_ref())
        } else {
            clean(v)
        };
        out.append_pair(&clean(k), &value);
    }
    Cow::Owned(out.finish().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_and_nul_are_removed() {
        assert_eq!(clean("a\u{202e}gnp.exe"), "agnp.exe");
        assert_eq!(
            clean("x\u{0}y\u{202a}\u{202b}\u{202c}\u{202d}\u{2066}\u{2067}\u{2068}\u{2069}z"),
            "xyz"
        );
        // Marks, Arabic and line breaks stay.
        assert_eq!(
            clean("\u{200f}غازي عنتاب\u{200e}\n"),
            "\u{200f}غازي عنتاب\u{200e}\n"
        );
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn forms_are_cleaned_except_passwords() {
        let body = b"city=Gaz%E2%80%AEiantep&name=a%00b&password=p%E2%80%AEw&plain=%2B+x";
        let cleaned = clean_form(body);
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&cleaned).unwrap();
        assert_eq!(
            pairs,
            [
                ("city".to_owned(), "Gaziantep".to_owned()),
                ("name".to_owned(), "ab".to_owned()),
                ("password".to_owned(), "p\u{202e}w".to_owned()),
                ("plain".to_owned(), "+ x".to_owned()),
            ]
        );
        let untouched = b"a=1&b=%D8%A8";
        assert!(matches!(clean_form(untouched), Cow::Borrowed(_)));
    }
}
