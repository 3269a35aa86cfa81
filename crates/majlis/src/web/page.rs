//! What every page template receives, and small helpers for handlers.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::Uri;
use axum::http::request::Parts;
use axum::response::Html;

use super::AppError;
use crate::i18n::{FluentArg, Locale, Shown, TrText};
use crate::policy::{Actor, SignedIn};

/// A section of the site, to mark the current item of the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Account,
    Audit,
    People,
    Home,
    Municipalities,
    Organisations,
    Network,
    Library,
    Practices,
    Compendiums,
    Review,
    Events,
    Consultations,
    Surveys,
    Projects,
    Search,
}

/// Who is signed in, as the page chrome shows it.
#[derive(Clone, Debug)]
pub struct Viewer {
    pub name: String,
    /// The session's anti-forgery token, for forms (sign out, …).
    pub csrf: String,
    /// Coordinators and administrators see the staff pages in the navigation.
    pub staff: bool,
    /// What the policy needs to decide what to offer on a page.
    pub actor: Actor,
    /// Notifications not read yet (the header's count).
    pub unread: i32,
    /// The zone the person chose in their account settings, if any.
    pub time_zone: Option<chrono_tz::Tz>,
}

/// The page context: locale, current address, navigation, viewer.
#[derive(Clone, Debug)]
pub struct PageCtx {
    pub locale: Locale,
    pub viewer: Option<Viewer>,
    path: String,
    /// Query pairs of the current address, without `lang`.
    query: Vec<(String, String)>,
    pub section: Option<Section>,
}

impl PageCtx {
    /// Who is reading, as the policy sees them (none for visitors).
    pub fn actor(&self) -> Option<&Actor> {
        self.viewer.as_ref().map(|v| &v.actor)
    }

    /// A language's name in the reader's locale (the code when unnamed).
    pub fn lang_label(&self, code: &str) -> String {
        let id = format!("language-{code}");
        if self.locale.has(&id) {
            self.t(&id)
        } else {
            code.to_owned()
        }
    }

    pub fn new(locale: Locale, uri: &Uri, section: Option<Section>) -> Self {
        let query = uri
            .query()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .filter(|(k, _)| k != "lang")
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        PageCtx {
            locale,
            viewer: None,
            path: uri.path().to_owned(),
            query,
            section,
        }
    }

    pub fn with_viewer(mut self, signed_in: Option<&SignedIn>) -> Self {
        self.viewer = signed_in.map(|s| {
            let actor = s.actor();
            Viewer {
                name: s.display_name.clone(),
                csrf: s.csrf_token.clone(),
                // Staff without a second factor are still offered the staff
                // pages: they lead to the page asking them to turn it on.
                staff: actor.is_staff() || actor.needs_second_factor(),
                actor,
                unread: s.unread_notifications,
                time_zone: s.time_zone.as_deref().and_then(|z| z.parse().ok()),
            }
        });
        self
    }

    /// The page's address: its path and query, without `lang`.
    pub fn address(&self) -> String {
        let mut out = self.path.clone();
        for (i, (k, v)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.extend(url::form_urlencoded::byte_serialize(k.as_bytes()));
            out.push('=');
            out.extend(url::form_urlencoded::byte_serialize(v.as_bytes()));
        }
        out
    }

    pub fn with_section(mut self, section: Section) -> Self {
        self.section = Some(section);
        self
    }

    /// Whether the viewer may edit this municipality (to offer the link).
    pub fn may_edit_municipality(&self, id: &i32) -> bool {
        use crate::policy::{Action, can};
        can(
            self.viewer.as_ref().map(|v| &v.actor),
            Action::EditMunicipality(*id),
        )
    }

    /// Whether the viewer may add municipalities and organisations and edit
    /// organisations (to offer the links).
    pub fn may_edit_directory(&self) -> bool {
        use crate::policy::{Action, can};
        can(
            self.viewer.as_ref().map(|v| &v.actor),
            Action::EditDirectory,
        )
    }

    pub fn is(&self, section: Section) -> bool {
        self.section == Some(section)
    }

    /// A UI message.
    pub fn t(&self, id: &str) -> String {
        self.locale.t(id)
    }

    /// A UI message with one argument.
    pub fn t1(&self, id: &str, name: &'static str, value: impl Into<FluentArg>) -> String {
        self.locale.t_args(id, &[(name, value.into())])
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    pub fn dir(&self) -> &'static str {
        self.locale.dir()
    }

    pub fn locales(&self) -> &'static [Locale] {
        &Locale::ALL
    }

    /// The current page in another locale.
    pub fn lang_url(&self, locale: &Locale) -> String {
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.query {
            pairs.append_pair(k, v);
        }
        pairs.append_pair("lang", locale.code());
        format!("{}?{}", self.path, pairs.finish())
    }

    /// The address of an Atom feed following this page: the page's
    /// `theme` and `country` filters and its language (for
    /// `<link rel="alternate">`).
    pub fn feed_url(&self, feed: &str) -> String {
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.query {
            if (k == "theme" || k == "country") && !v.is_empty() {
                pairs.append_pair(k, v);
            }
        }
        pairs.append_pair("lang", self.locale.code());
        format!("{feed}?{}", pairs.finish())
    }

    /// The current page with one query parameter changed (for paging).
    pub fn with_param(&self, key: &str, value: impl ToString) -> String {
        let mut pairs = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.query.iter().filter(|(k, _)| k != key) {
            pairs.append_pair(k, v);
        }
        pairs.append_pair(key, &value.to_string());
        format!("{}?{}", self.path, pairs.finish())
    }

    /// The value of a query parameter as submitted, to keep filter forms filled.
    pub fn param(&self, key: &str) -> &str {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }

    pub fn css(&self) -> String {
        super::assets::url("app.css")
    }

    pub fn favicon(&self) -> String {
        super::assets::url("favicon.svg")
    }

    /// The text of content for this reader (their locale, else the original).
    pub fn text<'a>(&self, text: &'a TrText) -> &'a str {
        text.text(self.locale)
    }

    /// Content in the reader's locale, else its original.
    pub fn tr<'a>(&self, text: &'a TrText) -> Shown<'a> {
        text.show(self.locale)
    }

    /// Content people wrote, placed inline and isolated: a `<bdi>` in the
    /// direction of the language it is shown in, with that language when it
    /// is not the page's. An English title in an Arabic breadcrumb or list
    /// then keeps its final quotation mark or question mark after its last
    /// word (`{{ ctx.bdi(e.title) }}`; no `|safe` needed).
    pub fn bdi<'a>(&self, text: &'a TrText) -> Bdi<'a> {
        let shown = text.show(self.locale);
        Bdi {
            text: shown.text,
            locale: Some(shown.locale),
            page: self.locale,
        }
    }

    /// Text people wrote whose language is not recorded (a name, a place),
    /// isolated in a `<bdi>` that takes the direction of its first letter.
    pub fn bdi_plain<'a>(&self, text: &'a str) -> Bdi<'a> {
        Bdi {
            text,
            locale: None,
            page: self.locale,
        }
    }

    /// Content people wrote, where no markup can go (`<title>`, `<option>`):
    /// the text in the reader's language or its original, between Unicode's
    /// first-strong isolate and pop directional isolate (U+2068 … U+2069)
    /// when that language runs the other way from the page, so an English
    /// title in an Arabic tab or choice keeps its punctuation with it.
    /// Escaped by askama like any text.
    pub fn iso(&self, text: &TrText) -> String {
        let shown = text.show(self.locale);
        isolate(shown.text, shown.locale.dir() != self.locale.dir())
    }

    /// As [`iso`](Self::iso) for text whose language is not recorded (a
    /// name): isolated when its first letter runs the other way from the page.
    pub fn iso_plain(&self, text: &str) -> String {
        let rtl = text.chars().find(|c| c.is_alphabetic()).map(is_rtl_letter);
        let page_rtl = self.locale.dir() == "rtl";
        isolate(text, rtl.is_some_and(|r| r != page_rtl))
    }

    /// The note beside content shown in another locale than the reader's.
    pub fn shown_in(&self, shown: &Shown<'_>) -> String {
        self.t1(
            "shown-in",
            "language",
            self.t(&format!("language-{}", shown.locale.code())),
        )
    }

    pub fn num(&self, n: &i64) -> String {
        self.locale.number(*n)
    }

    /// The zone the signed-in reader chose, if any (visitors: none).
    pub fn own_zone(&self) -> Option<chrono_tz::Tz> {
        self.viewer.as_ref().and_then(|v| v.time_zone)
    }

    /// A day in the page's language ([`Locale::date`]): "10 November 2016".
    pub fn date(&self, d: &chrono::NaiveDate) -> String {
        self.locale.date(*d)
    }

    /// The day of an instant (UTC) in the page's language.
    pub fn day(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        self.locale.day_of(*t)
    }

    /// As [`PageCtx::day`], empty for no instant.
    pub fn day_opt(&self, t: &Option<chrono::DateTime<chrono::Utc>>) -> String {
        t.map(|t| self.locale.day_of(t)).unwrap_or_default()
    }

    /// An instant's day and time in UTC, labelled so.
    pub fn date_time(&self, t: &chrono::DateTime<chrono::Utc>) -> String {
        self.locale.date_time_utc(*t)
    }

    /// A month of a year: "November 2016".
    pub fn month_year(&self, year: i32, month: u32) -> String {
        self.locale.month_year(year, month)
    }
}

/// People's text as a page places it inline ([`PageCtx::bdi`]): escaped,
/// inside `<bdi dir>` (and `lang` when it is not the page's language), so
/// its direction neither takes nor gives anything to the text around it.
#[derive(Clone, Copy, Debug)]
pub struct Bdi<'a> {
    text: &'a str,
    /// The language the text is in, when it is recorded.
    locale: Option<Locale>,
    page: Locale,
}

impl std::fmt::Display for Bdi<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.locale {
            Some(l) if l != self.page => write!(f, "<bdi lang=\"{}\" dir=\"{}\">", l, l.dir())?,
            Some(l) => write!(f, "<bdi dir=\"{}\">", l.dir())?,
            None => f.write_str("<bdi>")?,
        }
        match askama::filters::escape(self.text, askama::filters::Html) {
            Ok(escaped) => write!(f, "{escaped}")?,
            Err(never) => match never {},
        }
        f.write_str("</bdi>")
    }
}

/// A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms).
fn is_rtl_letter(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// `text` between U+2068 and U+2069 when `other_way`, else as it is.
fn isolate(text: &str, other_way: bool) -> String {
    if other_way && !text.is_empty() {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_owned()
    }
}

/// The markup is made here, and the text in it escaped: askama writes a
/// `Bdi` as it is.
impl askama::filters::HtmlSafe for Bdi<'_> {}

impl<S: Send + Sync> FromRequestParts<S> for PageCtx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let locale = parts
            .extensions
            .get::<Locale>()
            .copied()
            .unwrap_or_default();
        let uri = parts
            .extensions
            .get::<OriginalUri>()
            .map(|u| u.0.clone())
            .unwrap_or_else(|| parts.uri.clone());
        let signed_in = parts.extensions.get::<SignedIn>();
        Ok(PageCtx::new(locale, &uri, None).with_viewer(signed_in))
    }
}

/// Query parameters as submitted; parse them into typed values in the handler.
/// A query string that cannot be decoded is a 400, never a 500.
#[derive(Clone, Debug, Default)]
pub struct Params(HashMap<String, String>);

impl Params {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let Some(q) = parts.uri.query() else {
            return Ok(Params::default());
        };
        let mut map = HashMap::new();
        for (k, v) in url::form_urlencoded::parse(q.as_bytes()) {
            if map.insert(k.clone().into_owned(), v.into_owned()).is_some() && k != "lang" {
                // The same filter twice is ambiguous: say so rather than guess.
                return Err(AppError::bad_request(k.into_owned()));
            }
        }
        Ok(Params(map))
    }
}

/// Render a template, logging (not showing) a failure.
pub fn render(t: &impl Template) -> Result<Html<String>, AppError> {
    // Room for a page as long as the last one: growing a 40 kB page from
    // the template's estimate copies it over and over.
    static LAST: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let room = LAST
        .load(std::sync::atomic::Ordering::Relaxed)
        .clamp(16 * 1024, 512 * 1024);
    let mut page = String::with_capacity(room);
    t.render_into(&mut page)
        .map_err(|e| AppError::Internal(anyhow::Error::new(e).context("template failed")))?;
    LAST.store(
        page.len() + page.len() / 8,
        std::sync::atomic::Ordering::Relaxed,
    );
    Ok(Html(page))
}
