//! The public export's shape (format `majlis-public`, version 3: version 1,
//! project ideas with their action plans (2), municipalities' positions on
//! the member map (3)). Items
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
use crate::projects::PartnersSought;

/// The format's name, the first thing an import checks.
pub const FORMAT: &str = "majlis-public";
/// The version this build writes.
pub const VERSION: u64 = 3;
/// The oldest version this build reads: version 1 is version 2 without
/// `projects` and `plans` (read as empty); version 2 is version 3 without
/// municipalities' positions (read as none).
pub const OLDEST_VERSION: u64 = 1;

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
    /// Since version 2.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// Since version 2: the action plans of the ideas in `projects`.
    #[serde(default)]
    pub plans: Vec<Plan>,
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
    /// Where it is on the member map, in millionths of a degree north and
    /// east (both or neither; absent before version 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude_micro: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude_micro: Option<i32>,
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

/// A partnership of an idea: the partner municipality and where it stands.
#[derive(Debug, Serialize, Deserialize)]
pub struct Partner {
    pub municipality: String,
    pub status: String,
    pub updated_at: DateTime<Utc>,
}

/// One step of a partnership, as the idea's page lists it.
#[derive(Debug, Serialize, Deserialize)]
pub struct PartnerHistory {
    pub municipality: String,
    pub step: String,
    /// The name the page shows for who took it.
    pub person: Option<String>,
    pub at: DateTime<Utc>,
}

/// A project idea a visitor may read (version 2).
#[derive(Debug, Serialize, Deserialize)]
pub struct Project {
    pub slug: String,
    pub title: TrText,
    pub problem: Option<TrText>,
    pub objectives: Option<TrText>,
    pub activities: Option<TrText>,
    pub status: String,
    pub drop_reason: Option<TrText>,
    /// The lead municipality (by slug).
    pub lead: String,
    /// The event it came from, when the event is in the document, and the
    /// session (index in that event's list).
    pub event: Option<String>,
    pub session: Option<usize>,
    /// The consultation it came from, when it is in the document.
    pub dilemma: Option<String>,
    pub programme: Option<String>,
    /// The countries the programme pairs (ISO codes).
    pub programme_countries: Vec<String>,
    pub partners_sought: PartnersSought,
    pub version: i32,
    pub illustrative: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub themes: Vec<String>,
    /// Later events it was worked on at (by slug, those in the document).
    pub followups: Vec<String>,
    pub partners: Vec<Partner>,
    pub history: Vec<PartnerHistory>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PlanStep {
    pub title: TrText,
    pub owner_text: Option<String>,
    /// The municipality carrying it (by slug).
    pub owner_municipality: Option<String>,
    pub starts_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub percent: i32,
    pub weight: i32,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PlanMilestone {
    pub title: TrText,
    pub due_on: NaiveDate,
    pub reached_on: Option<NaiveDate>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PlanMeasurement {
    pub measured_on: NaiveDate,
    pub value: f64,
    pub source: String,
    pub recorded_at: DateTime<Utc>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct PlanIndicator {
    pub name: TrText,
    pub unit: String,
    pub baseline_value: f64,
    pub baseline_on: NaiveDate,
    pub target_value: f64,
    pub target_on: NaiveDate,
    pub measurements: Vec<PlanMeasurement>,
}

/// An action plan a visitor may read (version 2): for now those of the
/// ideas in `projects` (one plan per idea, keyed by the idea).
#[derive(Debug, Serialize, Deserialize)]
pub struct Plan {
    /// Its owner's kind (`project`) and key (the idea's slug).
    pub owner_kind: String,
    pub owner: String,
    /// The responsible municipality (by slug).
    pub municipality: String,
    pub title: TrText,
    pub illustrative: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub steps: Vec<PlanStep>,
    pub milestones: Vec<PlanMilestone>,
    pub indicators: Vec<PlanIndicator>,
    /// Follow-up events (by slug, those in the document).
    pub events: Vec<String>,
}
