//! Plain field parsing that rules share: no HTTP, no activity. A value that
//! cannot be understood is a [`BadField`] naming the field; each activity's
//! error enum converts from it (`impl From<BadField>`), so a rule writes
//! `parse_opt(v, "theme", Slug::parse)?` and fails with its own error.
//!
//! `paging`: which page of a list (`PageRequest`) and a page of rows (`Page`,
//! `ApiList`); `form`: a submitted form as name → values (`RawForm`);
//! `table`: a table of text written as CSV or XLSX (`Table`); `slug`: the
//! readable start of an address made from a title (transliterated).

pub mod form;
pub mod paging;
pub mod slug;
pub mod table;

/// Longest web address kept.
pub const MAX_URL: usize = 1_000;

/// A field whose value could not be understood (the field's name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot understand the value of {0}")]
pub struct BadField(pub &'static str);

/// An empty parameter (a form's "all" option) counts as absent.
pub fn non_empty(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|v| !v.is_empty())
}

/// An optional value: absent or blank is `None`; present but not understood
/// by `parse` is an error naming `field`.
pub fn parse_opt<T>(
    v: Option<&str>,
    field: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, BadField> {
    match non_empty(v) {
        None => Ok(None),
        Some(v) => parse(v).map(Some).ok_or(BadField(field)),
    }
}

/// A web link people may follow: http or https only.
pub fn parse_link(s: &str) -> Option<String> {
    let s = s.trim();
    let u = url::Url::parse(s).ok()?;
    (matches!(u.scheme(), "http" | "https") && u.host_str().is_some() && s.len() <= MAX_URL)
        .then(|| u.to_string())
}

/// `stored` if it names the same address as `typed` (already parsed by
/// [`parse_link`]), else `typed`: an address stored before it was
/// normalised is kept when its form is saved unchanged.
pub fn keep_link(stored: Option<&str>, typed: Option<String>) -> Option<String> {
    match (stored, typed) {
        (Some(s), Some(t)) if parse_link(s).as_deref() == Some(t.as_str()) => Some(s.to_owned()),
        (_, t) => t,
    }
}

/// A comma-separated list of codes as stored (`"en,ar"`), empty parts dropped.
pub fn split_codes(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_values() {
        let year = |s: &str| s.parse::<i32>().ok();
        assert_eq!(parse_opt(None, "year", year), Ok(None));
        assert_eq!(parse_opt(Some("  "), "year", year), Ok(None));
        assert_eq!(parse_opt(Some(" 2024 "), "year", year), Ok(Some(2024)));
        assert_eq!(parse_opt(Some("20x"), "year", year), Err(BadField("year")));
    }

    #[test]
    fn links() {
        assert!(parse_link("https://connective-cities.net/x").is_some());
        let typed = parse_link("https://www.giz.de");
        assert_eq!(typed.as_deref(), Some("https://www.giz.de/"));
        assert_eq!(
            keep_link(Some("https://www.giz.de"), typed.clone()).as_deref(),
            Some("https://www.giz.de")
        );
        assert_eq!(keep_link(Some("https://other.org"), typed.clone()), typed);
        assert_eq!(keep_link(None, typed.clone()), typed);
        for bad in [
            "javascript:alert(1)",
            "data:text/html,hi",
            "ftp://x.org/a",
            "not a link",
        ] {
            assert!(parse_link(bad).is_none(), "{bad}");
        }
        let long = format!("https://x.org/{}", "a".repeat(MAX_URL));
        assert!(parse_link(&long).is_none());
    }

    #[test]
    fn codes() {
        assert_eq!(split_codes("en,,ar"), vec!["en", "ar"]);
        assert!(split_codes("").is_empty());
    }
}
