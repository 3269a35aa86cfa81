//! Atom feeds (RFC 4287): the plain values an activity gives for each item
//! it publishes, and the document made from them with `atom_syndication`.
//! What goes in a feed, and for whom, is the activity's business; here only
//! the format. Addresses in a feed are absolute (`public_url`), an entry's
//! id is its page without a language, and its link is the page in the
//! feed's language.

use atom_syndication::{Category, Content, Entry, Feed, Link, Person, Text};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

use crate::i18n::Locale;
use crate::web::PageCtx;

/// Newest entries a feed carries.
pub const FEED_LENGTH: u64 = 50;

/// One published item, as a feed shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct FeedItem {
    /// The item's page, e.g. `/practices/slug` (no query).
    pub path: String,
    pub title: String,
    /// The language the title (and summary) are written in.
    pub lang: Locale,
    /// Plain text, no markup.
    pub summary: Option<String>,
    pub updated: DateTime<Utc>,
    pub published: Option<DateTime<Utc>>,
    /// Who it is from (a municipality, an organisation, a presenter).
    pub author: Option<String>,
    /// Theme labels, in the feed's language.
    pub categories: Vec<String>,
}

/// A whole feed: its title, the page it follows and its entries.
#[derive(Clone, Debug)]
pub struct FeedDoc {
    pub title: String,
    /// This feed's own address with its query (`/practices.atom?theme=x`).
    pub address: String,
    /// The HTML page that lists the same items (`/practices?theme=x`).
    pub page: String,
    pub locale: Locale,
    pub items: Vec<FeedItem>,
}

/// Several feeds' items merged: newest first, at most [`FEED_LENGTH`].
/// Each list comes in its own order; items changed at the same moment (a
/// network loaded at once) alternate between the lists in that order, so no
/// list is crowded out by another.
pub fn newest(lists: Vec<Vec<FeedItem>>) -> Vec<FeedItem> {
    let mut items: Vec<(usize, FeedItem)> = lists
        .into_iter()
        .flat_map(|list| list.into_iter().enumerate())
        .collect();
    items.sort_by(|(ra, a), (rb, b)| {
        b.updated
            .cmp(&a.updated)
            .then(ra.cmp(rb))
            .then(a.path.cmp(&b.path))
    });
    items.truncate(FEED_LENGTH as usize);
    items.into_iter().map(|(_, item)| item).collect()
}

fn with_lang(base: &str, address: &str, locale: Locale) -> String {
    let sep = if address.contains('?') { '&' } else { '?' };
    format!("{base}{address}{sep}lang={}", locale.code())
}

fn text(value: &str, lang: Locale) -> Text {
    Text {
        lang: Some(lang.code().to_owned()),
        ..Text::plain(value)
    }
}

fn link(href: String, rel: &str, mime: &str, lang: Option<Locale>) -> Link {
    Link {
        href,
        rel: rel.to_owned(),
        mime_type: Some(mime.to_owned()),
        hreflang: lang.map(|l| l.code().to_owned()),
        ..Link::default()
    }
}

impl FeedDoc {
    /// The feed asked for by this request (its address and query, without
    /// `lang`), titled with the UI message `title`, following the HTML page
    /// `page` with the same query.
    pub fn of_request(ctx: &PageCtx, title: &str, page: &str, items: Vec<FeedItem>) -> Self {
        let address = ctx.address();
        let page = match address.split_once('?') {
            Some((_, query)) => format!("{page}?{query}"),
            None => page.to_owned(),
        };
        FeedDoc {
            title: ctx.t(title),
            address,
            page,
            locale: ctx.locale,
            items,
        }
    }

    /// The Atom document, addresses made absolute with `public_url`.
    pub fn to_xml(&self, public_url: &str) -> String {
        let base = public_url.trim_end_matches('/');
        let entries: Vec<Entry> = self
            .items
            .iter()
            .map(|item| {
                let mut e = Entry::default();
                e.set_id(format!("{base}{}", item.path));
                e.set_title(text(&item.title, item.lang));
                e.set_updated(item.updated.fixed_offset());
                e.set_published(item.published.map(|p| p.fixed_offset()));
                e.set_links(vec![link(
                    with_lang(base, &item.path, self.locale),
                    "alternate",
                    "text/html",
                    Some(self.locale),
                )]);
                if let Some(s) = item.summary.as_deref().filter(|s| !s.trim().is_empty()) {
                    e.set_summary(Some(text(s, item.lang)));
                }
                if let Some(a) = &item.author {
                    e.set_authors(vec![Person {
                        name: a.clone(),
                        ..Person::default()
                    }]);
                }
                e.set_categories(
                    item.categories
                        .iter()
                        .map(|c| Category {
                            term: c.clone(),
                            ..Category::default()
                        })
                        .collect::<Vec<_>>(),
                );
                // Nothing but the summary: readers follow the link.
                e.set_content(None::<Content>);
                e
            })
            .collect();
        let updated = self
            .items
            .iter()
            .map(|i| i.updated)
            .max()
            .unwrap_or(DateTime::UNIX_EPOCH);
        let mut feed = Feed::default();
        feed.set_id(format!("{base}{}", self.address));
        feed.set_title(text(&self.title, self.locale));
        feed.set_lang(Some(self.locale.code().to_owned()));
        feed.set_updated(updated.fixed_offset());
        feed.set_authors(vec![Person {
            name: "Majlis".to_owned(),
            ..Person::default()
        }]);
        feed.set_links(vec![
            link(
                with_lang(base, &self.address, self.locale),
                "self",
                "application/atom+xml",
                None,
            ),
            link(
                with_lang(base, &self.page, self.locale),
                "alternate",
                "text/html",
                Some(self.locale),
            ),
        ]);
        feed.set_entries(entries);
        feed.to_string()
    }

    /// The feed as a response (`application/atom+xml`).
    pub fn response(&self, public_url: &str) -> Response {
        let mut res = self.to_xml(public_url).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/atom+xml; charset=utf-8"),
        );
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(path: &str, day: u32) -> FeedItem {
        FeedItem {
            path: path.to_owned(),
            title: format!("Item <{path}> & co"),
            lang: Locale::Ar,
            summary: Some("ملخص".to_owned()),
            updated: chrono::NaiveDate::from_ymd_opt(2018, 3, day)
                .and_then(|d| d.and_hms_opt(9, 0, 0))
                .map(|d| d.and_utc())
                .unwrap_or_default(),
            published: None,
            author: Some("Sahinbey".to_owned()),
            categories: vec!["Housing".to_owned()],
        }
    }

    #[test]
    fn escapes_and_reads_back() {
        let doc = FeedDoc {
            title: "Practices".to_owned(),
            address: "/practices.atom?theme=housing".to_owned(),
            page: "/practices?theme=housing".to_owned(),
            locale: Locale::En,
            items: vec![item("/practices/a", 1)],
        };
        let xml = doc.to_xml("https://majlis.example/");
        let back: Feed = xml.parse().expect("valid Atom");
        assert_eq!(back.title().as_str(), "Practices");
        assert_eq!(
            back.id(),
            "https://majlis.example/practices.atom?theme=housing"
        );
        let e = &back.entries()[0];
        assert_eq!(e.title().as_str(), "Item </practices/a> & co");
        assert_eq!(e.title().lang.as_deref(), Some("ar"));
        assert_eq!(e.id(), "https://majlis.example/practices/a");
        assert_eq!(
            e.links()[0].href(),
            "https://majlis.example/practices/a?lang=en"
        );
        assert_eq!(
            back.links()[0].href(),
            "https://majlis.example/practices.atom?theme=housing&lang=en"
        );
    }

    #[test]
    fn newest_first_and_bounded() {
        let a: Vec<FeedItem> = (1..=28).map(|d| item(&format!("/a/{d}"), d)).collect();
        let b: Vec<FeedItem> = (1..=28).map(|d| item(&format!("/b/{d}"), d)).collect();
        let kept = newest(vec![a, b]);
        assert_eq!(kept.len(), FEED_LENGTH as usize);
        assert_eq!(kept[0].path, "/a/28");
        assert!(kept.windows(2).all(|w| w[0].updated >= w[1].updated));
        assert_eq!(kept.last().map(|i| i.path.as_str()), Some("/b/4"));
    }

    #[test]
    fn ties_alternate_between_lists() {
        let same = |p: &str| item(p, 1);
        let many: Vec<FeedItem> = (0..60).map(|i| same(&format!("/a/{i:02}"))).collect();
        let few = vec![same("/z/1"), same("/z/2")];
        let kept = newest(vec![many, few]);
        let paths: Vec<&str> = kept.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(&paths[..4], &["/a/00", "/z/1", "/a/01", "/z/2"]);
    }

    #[test]
    fn an_empty_feed_is_valid() {
        let doc = FeedDoc {
            title: "Events".to_owned(),
            address: "/events.atom".to_owned(),
            page: "/events".to_owned(),
            locale: Locale::Tr,
            items: Vec::new(),
        };
        let back: Feed = doc.to_xml("http://x").parse().expect("valid Atom");
        assert!(back.entries().is_empty());
        assert_eq!(back.lang.as_deref(), Some("tr"));
    }
}
