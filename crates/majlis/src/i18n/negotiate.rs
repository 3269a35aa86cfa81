//! Choosing the reader's locale: `?lang=`, then the cookie, then `Accept-Language`.

use super::Locale;

/// Name of the cookie that remembers a reader's choice of language.
pub const LANG_COOKIE: &str = "majlis_lang";

/// Pick the locale for a request. Unknown values at any step fall through
/// to the next; English is the last resort.
pub fn negotiate(
    query_lang: Option<&str>,
    cookie_lang: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    query_lang
        .and_then(|q| q.parse().ok())
        .or_else(|| cookie_lang.and_then(|c| c.parse().ok()))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or_default()
}

/// The best supported locale in an `Accept-Language` header, by q-value.
fn from_accept_language(header: &str) -> Option<Locale> {
    let mut best: Option<(f32, usize, Locale)> = None;
    for (position, part) in header.split(',').enumerate() {
        let mut pieces = part.split(';');
        let tag = pieces.next().unwrap_or_default().trim();
        let q = pieces
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if !(q > 0.0 && q <= 1.0) {
            continue;
        }
        let Ok(locale) = tag.parse::<Locale>() else {
            continue;
        };
        // Higher q wins; at equal q, the earlier entry wins.
        let better = match best {
            None => true,
            Some((bq, bpos, _)) => q > bq || (q == bq && position < bpos),
        };
        if better {
            best = Some((q, position, locale));
        }
    }
    best.map(|(_, _, l)| l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_beats_cookie_beats_header() {
        assert_eq!(negotiate(Some("ar"), Some("tr"), Some("de")), Locale::Ar);
        assert_eq!(negotiate(None, Some("tr"), Some("de")), Locale::Tr);
        assert_eq!(negotiate(None, None, Some("de-DE,de;q=0.9")), Locale::De);
        assert_eq!(negotiate(None, None, None), Locale::En);
    }

    #[test]
    fn unknown_values_fall_through() {
        assert_eq!(negotiate(Some("xx"), Some("tr"), None), Locale::Tr);
        assert_eq!(
            negotiate(Some("klingon"), Some("zz"), Some("fr")),
            Locale::Fr
        );
        assert_eq!(negotiate(Some(""), None, Some("*")), Locale::En);
    }

    #[test]
    fn accept_language_respects_quality() {
        assert_eq!(
            from_accept_language("es;q=1, de;q=0.5, ar-LB;q=0.8"),
            Some(Locale::Ar)
        );
        assert_eq!(
            from_accept_language("fr-CH, fr;q=0.9, en;q=0.8"),
            Some(Locale::Fr)
        );
        assert_eq!(from_accept_language("tr;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(from_accept_language("garbage;;;q=abc"), None);
    }
}
