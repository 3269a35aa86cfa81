//! What the event page shows, as pages and the API read it.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::super::entities::{event, event_series, event_session, registration};
use super::super::{EventKind, EventStatus, RegistrationStatus, SessionKind, SessionRole};
use crate::directory::entities::{organisation, theme};
use crate::i18n::TrText;
use crate::library::ResourceKind;
use crate::library::entities::{resource, resource_version};

/// A person in a role, as the programme shows them.
#[derive(Clone, Debug)]
pub struct PersonView {
    pub id: i32,
    pub role: Option<SessionRole>,
    pub name: String,
    pub affiliation: Option<String>,
    pub person_id: Option<i32>,
}

/// A library resource attached to an event, with its language versions.
#[derive(Clone, Debug)]
pub struct MaterialView {
    pub link_id: i32,
    pub resource: resource::Model,
    pub kind: Option<ResourceKind>,
    pub versions: Vec<resource_version::Model>,
}

/// A session with its people, materials and working groups.
#[derive(Clone, Debug)]
pub struct SessionView {
    pub session: event_session::Model,
    pub kind: Option<SessionKind>,
    pub people: Vec<PersonView>,
    pub materials: Vec<MaterialView>,
    pub groups: Vec<SessionView>,
}

impl SessionView {
    /// People of this session in a role, in order.
    pub fn in_role(&self, role: &SessionRole) -> Vec<&PersonView> {
        self.people
            .iter()
            .filter(|p| p.role == Some(*role))
            .collect()
    }
    /// The roles present, in the vocabulary's order.
    pub fn roles(&self) -> Vec<SessionRole> {
        SessionRole::ALL
            .iter()
            .copied()
            .filter(|r| self.people.iter().any(|p| p.role == Some(*r)))
            .collect()
    }
}

/// A day of the programme.
#[derive(Clone, Debug)]
pub struct Day {
    pub number: i32,
    pub date: Option<NaiveDate>,
    pub sessions: Vec<SessionView>,
}

/// Registration counts by status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub registered: u64,
    pub waiting: u64,
    pub pending: u64,
    pub attended: u64,
}

/// A name in the public participant list (given with consent).
#[derive(Clone, Debug)]
pub struct Participant {
    pub name: String,
    pub affiliation: Option<String>,
}

/// Participant figures: counted from registrations, or entered by hand.
#[derive(Clone, Debug, Default)]
pub struct ReportedFigures {
    /// From check-ins (or registrations before the event) on the platform.
    pub counted: bool,
    /// Counted from check-ins rather than sign-ups.
    pub from_attendance: bool,
    pub total: Option<i64>,
    pub by_country: Vec<(String, i64)>,
    pub countries: Vec<String>,
    pub by_kind: Vec<(String, i64)>,
    pub note: Option<TrText>,
}

/// Everything the event page shows.
#[derive(Clone, Debug)]
pub struct EventDetail {
    pub event: event::Model,
    pub kind: Option<EventKind>,
    pub status: Option<EventStatus>,
    pub tz: Tz,
    pub series: Option<event_series::Model>,
    pub organisers: Vec<organisation::Model>,
    pub partners: Vec<organisation::Model>,
    pub themes: Vec<theme::Model>,
    pub days: Vec<Day>,
    pub materials: Vec<MaterialView>,
    pub report: Option<MaterialView>,
    pub practices: Vec<(i32, TrText)>,
    pub counts: Counts,
    pub mine: Option<registration::Model>,
    pub participants: Vec<Participant>,
    pub figures: ReportedFigures,
    /// The reader may see the online link and registration details.
    pub insider: bool,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

impl EventDetail {
    /// Whether the programme has a consultation clinic.
    pub fn has_clinics(&self) -> bool {
        self.days
            .iter()
            .flat_map(|d| d.sessions.iter())
            .any(|s| s.kind == Some(SessionKind::ConsultationClinic))
    }
    pub fn my_status(&self) -> Option<RegistrationStatus> {
        self.mine
            .as_ref()
            .and_then(|r| RegistrationStatus::from_code(&r.status))
    }
    pub fn places_left(&self) -> Option<u64> {
        self.event
            .capacity
            .map(|c| (c.max(0) as u64).saturating_sub(self.counts.registered))
    }
    pub fn session_count(&self) -> usize {
        self.days.iter().map(|d| d.sessions.len()).sum()
    }
}
