//! A safe `Content-Disposition` header value for downloads.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// RFC 5987 `attr-char`: everything else is percent-encoded.
const ATTR_CHAR_COMPLEMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// Longest name kept, in characters (longer ones are cut, keeping the extension).
const MAX_NAME_CHARS: usize = 120;

/// A `Content-Disposition` value for sending a file named `filename`.
///
/// `inline` asks the browser to show the file in place; pass it only for kinds
/// where that is safe ([`crate::FileKind::may_be_inline`]: PDF and raster
/// images), otherwise it is `attachment`. The value carries:
///
/// * `filename="…"`: an ASCII fallback where quotes, backslashes, percent
///   signs, control characters and non-ASCII characters become `_`;
/// * `filename*=UTF-8''…`: the full name, percent-encoded (RFC 5987/6266), so
///   Arabic or Turkish names survive.
///
/// Only the last path component of `filename` is used (`../../etc/passwd`
/// becomes `passwd`); control and bidirectional-override characters are
/// dropped; an empty name becomes `download`. The result is always a valid
/// header value: printable ASCII only, never CR or LF.
pub fn content_disposition(filename: &str, inline: bool) -> String {
    let name = clean_name(filename);
    let ascii: String = name
        .chars()
        .map(|c| match c {
            ' '..='~' if !matches!(c, '"' | '\\' | '%' | '/' | ';') => c,
            _ => '_',
        })
        .collect();
    let encoded = utf8_percent_encode(&name, ATTR_CHAR_COMPLEMENT);
    let disposition = if inline { "inline" } else { "attachment" };
    format!("{disposition}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// Bidirectional controls can disguise an extension (U+202E before `fdp.exe` shows it as `exe.pdf`).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

fn clean_name(filename: &str) -> String {
    let base = filename.rsplit(['/', '\\']).next().unwrap_or("");
    let mut name: String = base
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    name = name.trim().trim_start_matches('.').trim().to_owned();
    if name.chars().count() > MAX_NAME_CHARS {
        let (stem, ext) = match name.rsplit_once('.') {
            Some((stem, ext)) if ext.chars().count() <= 10 => (stem.to_owned(), format!(".{ext}")),
            _ => (name.clone(), String::new()),
        };
        let keep = MAX_NAME_CHARS.saturating_sub(ext.chars().count());
        name = stem.chars().take(keep).collect::<String>() + &ext;
    }
    if name.is_empty() {
        "download".to_owned()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_name() {
        assert_eq!(
            content_disposition("report 2024.pdf", true),
            "inline; filename=\"report 2024.pdf\"; filename*=UTF-8''report%202024.pdf"
        );
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.docx", "a".repeat(500));
        let v = content_disposition(&long, false);
        assert!(v.contains(".docx\""));
        assert!(v.len() < 400);
    }

    #[test]
    fn empty_and_dot_names() {
        assert!(content_disposition("", false).contains("filename=\"download\""));
        assert!(content_disposition("../..", false).contains("filename=\"download\""));
        assert!(content_disposition(".htaccess", false).contains("filename=\"htaccess\""));
        let spoof = content_disposition("x\u{202E}fdp.exe", false);
        assert!(!spoof.contains("%E2%80%AE"));
    }
}
