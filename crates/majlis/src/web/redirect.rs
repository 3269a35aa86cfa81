//! Where the platform may send a browser after a form: only paths of this
//! site. Every `next=` (or other return target) goes through [`local_or`],
//! and every redirect whose address holds request data through [`see_other`],
//! which cannot fail.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// Longest destination kept; longer ones fall back to the default.
const MAX_LEN: usize = 2048;

/// `target` when it is a path of this site, else `default`.
///
/// A local path starts with exactly one `/`; it holds no `//`, no backslash,
/// no whitespace (Unicode's, U+3000 included), no control character (C0,
/// DEL, C1) and no bidirectional formatting character — neither as given nor
/// once percent-decoded (repeatedly, so `%252F` counts as `/`; only `%20`,
/// a plain space, is allowed encoded). Browsers drop
/// tabs and newlines and read `\` as `/`, which turns `/\t/evil.example` or
/// `/\evil.example` into `//evil.example`: another site.
pub fn local_or(target: Option<&str>, default: &str) -> String {
    match target {
        Some(t) if is_local(t) => encode_non_ascii(t),
        _ => default.to_owned(),
    }
}

fn is_local(target: &str) -> bool {
    if target.len() > MAX_LEN {
        return false;
    }
    let mut form = target.to_owned();
    // The form as given, then each percent-decoding of it until it is stable.
    for round in 0..4 {
        // An encoded space (`?q=a%20b`) is an ordinary query; a raw one is not.
        if !plain_local(&form, round > 0) {
            return false;
        }
        let decoded = percent_encoding::percent_decode_str(&form)
            .decode_utf8_lossy()
            .into_owned();
        if decoded == form {
            return true;
        }
        form = decoded;
    }
    // Still changing after four decodings: not a path anyone links to.
    false
}

fn plain_local(s: &str, decoded: bool) -> bool {
    s.starts_with('/')
        && !s.contains("//")
        && !s.contains('\\')
        && !s.chars().any(|c| {
            c.is_control()
                || (c.is_whitespace() && !(decoded && c == ' '))
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        })
}

/// Non-ASCII characters percent-encoded (UTF-8), so the path is a valid
/// header value.
fn encode_non_ascii(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, percent_encoding::CONTROLS).to_string()
}

/// `path` with `key=value` added to its query, before any `#fragment` (a
/// parameter after the fragment never reaches the server, and breaks the
/// anchor). `value` is percent-encoded.
pub fn with_query(path: &str, key: &str, value: &str) -> String {
    let (before, fragment) = match path.find('#') {
        Some(at) => path.split_at(at),
        None => (path, ""),
    };
    let sep = if before.contains('?') { '&' } else { '?' };
    let value = percent_encoding::utf8_percent_encode(value, percent_encoding::NON_ALPHANUMERIC);
    format!("{before}{sep}{key}={value}{fragment}")
}

/// A 303 to `location`; an address that cannot be a header value (which the
/// checks above never let through) goes to `/` instead of failing.
pub fn see_other(location: &str) -> Response {
    let value = HeaderValue::from_str(location).unwrap_or_else(|_| {
        tracing::warn!("redirect address is not a valid header value; going to /");
        HeaderValue::from_static("/")
    });
    (StatusCode::SEE_OTHER, [(header::LOCATION, value)]).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_goes_before_the_fragment() {
        assert_eq!(with_query("/events/x", "lang", "ar"), "/events/x?lang=ar");
        assert_eq!(
            with_query("/events/x?tab=2", "lang", "ar"),
            "/events/x?tab=2&lang=ar"
        );
        assert_eq!(
            with_query("/consultations/d#contribution-4", "lang", "tr"),
            "/consultations/d?lang=tr#contribution-4"
        );
        assert_eq!(
            with_query("/p?a=1#frag?x", "lang", "de"),
            "/p?a=1&lang=de#frag?x"
        );
    }

    #[test]
    fn local_paths_are_kept() {
        for good in [
            "/",
            "/account",
            "/municipalities?country=TR",
            "/events/iftar-2026?lang=ar",
            "/search?q=a%20b",
            "/practices/12#files",
        ] {
            assert_eq!(local_or(Some(good), "/d"), good, "{good}");
        }
        // Non-ASCII is kept, percent-encoded.
        assert_eq!(local_or(Some("/events/café"), "/d"), "/events/caf%C3%A9");
    }

    #[test]
    fn known_bypasses_fall_back_to_the_default() {
        for bad in [
            "",
            "account",
            "https://evil.example",
            "http:/evil.example",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "/\u{7f}/evil.example",
            "/\u{1}/evil.example",
            "/\u{0}/evil.example",
            "/\u{85}/evil.example",
            "/\u{3000}/evil.example",
            "/\u{a0}/evil.example",
            "/ /evil.example",
            "/\u{202e}gnp.exe",
            "/%2F/evil.example",
            "/%2f/evil.example",
            "%2F%2Fevil.example",
            "/%2F%2Fevil.example",
            "/%5C/evil.example",
            "/%5cevil.example",
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%0D/evil.example",
            "/%7f/evil.example",
            "/%01/evil.example",
            "/%00",
            "/%C2%85/evil.example",
            "/%E3%80%80/evil.example",
            "/%252F/evil.example",
            "/%25252F/evil.example",
            "/%2525252F/evil.example",
            "/%E2%80%AEgnp.exe",
        ] {
            assert_eq!(local_or(Some(bad), "/d"), "/d", "{bad:?}");
        }
        assert_eq!(local_or(None, "/d"), "/d");
        assert_eq!(
            local_or(Some(&format!("/{}", "a".repeat(3000))), "/d"),
            "/d"
        );
    }

    #[test]
    fn a_redirect_never_fails() {
        let ok = see_other("/account?lang=en");
        assert_eq!(ok.status(), StatusCode::SEE_OTHER);
        assert_eq!(ok.headers()[header::LOCATION], "/account?lang=en");
        let bad = see_other("/\n/evil.example");
        assert_eq!(bad.status(), StatusCode::SEE_OTHER);
        assert_eq!(bad.headers()[header::LOCATION], "/");
    }
}
