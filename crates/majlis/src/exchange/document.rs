//! The public export's shape (format `majlis-public`, version 1). Items
//! refer to each other by key (slug, or ISO country code), never by the
//! exporting database's ids. Lists are in the order the items were made at
//! the source (which an import keeps, so lists sorted on equal dates read
//! the same there), so two exports of the same data are byte-identical
//! apart from `source.exported_at`, which is given by the caller.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::events::{Figures, Questions};
use crate::i18n::TrText;
use crate::library::practices::PracticeContent;

/// The format's name, the first thing an import checks.
pub const FORMAT: &str = "majlis-public";
/// The one version this build writes and reads.
pub const VERSION: u64 = 1;

/// The whole public network.
#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u64,
    pub source: Source,
    /// How attached files travel: `link` (metadata and the source's address).
    pub files: String,
    pub themes: Vec<Theme>,
    pub countries: Vec<Country>,
    pub municipalities: Vec<Municipality>,
    pub organisations: Vec<Organisation>,
    pub series: Vec<Series>,
    pub resources: Vec<Resource>,
    pub practices: Vec<Practice>,
    pub compendiums: Vec<Compendium>,
    pub events: Vec<Event>,
    pub dilemmas: Vec<Dilemma>,
}

/// Where the document was made.
#[derive(Debug, Serialize, Deserialize)]
pub struct Source {
    /// The exporting network's public address: the provenance key.
    pub network: String,
    pub exported_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Theme {
    pub slug: String,
    pub label: TrText,
    pub position: i32,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    pub alpha3: String,
    pub name: TrText,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Municipality {
    pub slug: String,
    pub kind: String,
    pub name: TrText,
    pub country: String,
    pub region: Option<String>,
    pub population: Option<i64>,
    pub population_year: Option<i32>,
    pub refugees_hosted: Option<i64>,
    pub refugees_year: Option<i32>,
    pub member_since: Option<i32>,
    pub profile: Option<TrText>,
    pub themes: Vec<String>,
    /// The focal points the page names.
    pub contacts: Vec<Contact>,
}

/// A municipality's focal point, as its page shows it (no address).
#[derive(Debug, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub position: Option<TrText>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Organisation {
    pub slug: String,
    pub acronym: Option<String>,
    pub kind: String,
    pub country: Option<String>,
    pub website: Option<String>,
    pub name: TrText,
    pub description: Option<TrText>,
    pub themes: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Series {
    pub slug: String,
    pub title: TrText,
    pub summary: Option<TrText>,
}

/// A stored file, by reference: its bytes stay at the source.
#[derive(Debug, Serialize, Deserialize)]
pub struct File {
    pub sha256: String,
    pub name: String,
    pub kind: Option<String>,
    pub size: Option<i64>,
    /// Where the source serves it.
    pub url: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct ResourceVersion {
    pub lang: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub file: Option<File>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Resource {
    pub slug: String,
    pub kind: String,
    pub title: TrText,
    pub summary: Option<TrText>,
    pub authors: Option<String>,
    pub year: Option<i32>,
    pub month: Option<i32>,
    pub licence: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub themes: Vec<String>,
    pub countries: Vec<String>,
    pub organisations: Vec<String>,
    pub versions: Vec<ResourceVersion>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Attachment {
    pub lang: String,
    pub label: String,
    pub url: Option<String>,
    pub file: Option<File>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Practice {
    pub slug: String,
    pub title: TrText,
    pub summary: Option<TrText>,
    pub municipality: Option<String>,
    pub organisation: Option<String>,
    pub country: Option<String>,
    pub year: Option<i32>,
    /// Texts per field and locale, place, years, presenter; the contact's
    /// email address is left out (members only).
    pub content: PracticeContent,
    pub version: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub last_verified: Option<NaiveDate>,
    pub themes: Vec<String>,
    /// Documents (by slug) linked to the practice.
    pub resources: Vec<String>,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Chapter {
    pub title: TrText,
    pub introduction: Option<TrText>,
    pub theme: Option<String>,
    /// Practices (by slug), in order.
    pub practices: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Compendium {
    pub slug: String,
    pub title: TrText,
    pub subtitle: Option<TrText>,
    pub introduction: Option<TrText>,
    pub year: i32,
    pub edition: Option<String>,
    pub publisher: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    pub chapters: Vec<Chapter>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct SessionPerson {
    pub role: String,
    /// The name the event's pages show.
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub affiliation: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Session {
    /// The index (from 0) of the session it belongs to, in this event's list.
    pub parent: Option<usize>,
    pub day: i32,
    pub position: i32,
    pub kind: String,
    pub title: TrText,
    pub objectives: Option<TrText>,
    pub starts: Option<String>,
    pub ends: Option<String>,
    pub people: Vec<SessionPerson>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct EventOrganisation {
    pub organisation: String,
    pub role: String,
    pub position: i32,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Material {
    /// The index (from 0) of the session, in this event's list.
    pub session: Option<usize>,
    pub resource: String,
    pub position: i32,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Event {
    pub slug: String,
    pub series: Option<String>,
    pub kind: String,
    pub status: String,
    pub title: TrText,
    pub summary: Option<TrText>,
    pub context: Option<TrText>,
    pub objectives: Option<TrText>,
    pub expected_results: Option<TrText>,
    pub audience: Option<TrText>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub date_approximate: bool,
    pub timezone: String,
    pub city: Option<String>,
    pub country: Option<String>,
    pub address: Option<String>,
    pub online: bool,
    pub languages: String,
    pub interpretation: Option<String>,
    pub capacity: Option<i32>,
    pub needs_approval: bool,
    pub registration_opens: Option<DateTime<Utc>>,
    pub registration_closes: Option<DateTime<Utc>>,
    pub questions: Option<Questions>,
    /// The event's report (a document, by slug).
    pub report: Option<String>,
    pub takeaways: Option<TrText>,
    pub figures: Option<Figures>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub themes: Vec<String>,
    pub organisations: Vec<EventOrganisation>,
    pub practices: Vec<String>,
    pub sessions: Vec<Session>,
    pub materials: Vec<Material>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Contribution {
    pub kind: String,
    pub body: TrText,
    /// The name the consultation's page shows.
    pub author_name: Option<String>,
    pub practice: Option<String>,
    pub resource: Option<String>,
    pub url: Option<String>,
    pub answer: Option<TrText>,
    pub answered_at: Option<DateTime<Utc>>,
    pub helped: bool,
    pub position: i32,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Dilemma {
    pub slug: String,
    pub status: String,
    pub question: TrText,
    pub information: Option<TrText>,
    pub result: Option<TrText>,
    pub presenter_name: Option<String>,
    pub affiliation: Option<String>,
    pub municipality: Option<String>,
    pub organisation: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub help_sought: String,
    pub languages: String,
    /// The event it was presented at, and the session (index in that
    /// event's list) when the event is in the document.
    pub event: Option<String>,
    pub session: Option<usize>,
    pub position: i32,
    pub joint_with: Option<String>,
    pub period_days: i32,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: Option<DateTime<Utc>>,
    pub ideas_open_at: Option<DateTime<Utc>>,
    pub concluded_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub themes: Vec<String>,
    pub contributions: Vec<Contribution>,
}
