//! Events: peer-to-peer workshops, webinars, field visits, dialogue workshops
//! and academy modules, from invitation to what came out of them.
//!
//! - `entities/`: storage records;
//! - `editing/`: the event form, the programme, materials and outcomes (coordinators);
//! - `registration.rs`: sign-up, capacity and waiting list, approval, cancellation, check-in;
//! - `rules/`: the queries pages run (visibility in the query, bounded query counts):
//!   the list and lookups in `mod.rs`, the event page in `detail.rs`, what the
//!   coordinators' forms offer and check in `choices.rs`;
//! - `calendar.rs`: iCalendar (RFC 5545) feeds and schema.org JSON-LD;
//! - `feeds.rs`: personal calendar feed addresses (secret tokens);
//! - `reminders.rs`: the background job that queues reminders a day before;
//! - `routes/`: HTML pages, calendar feeds and the JSON API, one file per page
//!   or flow; the only place that knows HTTP (rules' errors become the web error
//!   there). `templates/` beside.

use std::collections::BTreeMap;

use sea_orm::FromJsonQueryResult;
use serde::{Deserialize, Serialize};

use crate::i18n::TrText;

pub mod backlinks;
pub mod calendar;
pub mod editing;
pub mod entities;
pub mod feeds;
pub mod pictures;
pub mod registration;
pub mod reminders;
pub mod routes;
pub mod rules;
pub mod search;
pub mod service;

coded_enum! {
    /// What kind of meeting an event is.
    EventKind {
        PeerWorkshop => "peer-workshop",
        Webinar => "webinar",
        FieldVisit => "field-visit",
        DialogueWorkshop => "dialogue-workshop",
        AcademyModule => "academy-module",
    }
}

coded_enum! {
    /// Where an event is in its life.
    EventStatus {
        Planned => "planned",
        Open => "open",
        Held => "held",
        Cancelled => "cancelled",
    }
}

coded_enum! {
    /// What happens in a session of the programme.
    SessionKind {
        Opening => "opening",
        Keynote => "keynote",
        Panel => "panel",
        WorkingGroups => "working-groups",
        Recap => "recap",
        FieldVisit => "field-visit",
        ConsultationClinic => "consultation-clinic",
        Presentations => "presentations",
        Results => "results",
        NextSteps => "next-steps",
        Closing => "closing",
    }
}

coded_enum! {
    /// The part a person plays in a session.
    SessionRole {
        Moderator => "moderator",
        Rapporteur => "rapporteur",
        Speaker => "speaker",
        Panellist => "panellist",
        Facilitator => "facilitator",
        Expert => "expert",
        Keynote => "keynote",
    }
}

coded_enum! {
    /// Where a registration stands.
    RegistrationStatus {
        Registered => "registered",
        Waiting => "waiting",
        Pending => "pending",
        Cancelled => "cancelled",
        Declined => "declined",
    }
}

coded_enum! {
    /// How an organisation takes part in an event.
    OrganisationRole {
        Organiser => "organiser",
        Partner => "partner",
    }
}

impl EventKind {
    pub fn label_id(self) -> String {
        format!("event-kind-{}", self.code())
    }
}

impl EventStatus {
    pub fn label_id(self) -> String {
        format!("event-status-{}", self.code())
    }
}

impl SessionKind {
    pub fn label_id(self) -> String {
        format!("session-kind-{}", self.code())
    }
}

impl SessionRole {
    pub fn label_id(self) -> String {
        format!("session-role-{}", self.code())
    }
}

impl RegistrationStatus {
    pub fn label_id(self) -> String {
        format!("registration-status-{}", self.code())
    }

    /// Holds or waits for a place (counts against nothing when cancelled or declined).
    pub fn is_active(self) -> bool {
        matches!(
            self,
            RegistrationStatus::Registered
                | RegistrationStatus::Waiting
                | RegistrationStatus::Pending
        )
    }
}

/// An optional question asked at registration.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable within the event (`q1`, `q2`…): answers refer to it.
    pub id: String,
    pub label: TrText,
    pub required: bool,
}

/// The questions an event asks at registration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Questions(pub Vec<Question>);

/// A registrant's answers, by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Answers(pub BTreeMap<String, String>);

/// Participant figures entered by hand, for events held without
/// registrations on the platform (most past events).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Figures {
    pub total: Option<i64>,
    /// Participants per country, where the count is known.
    #[serde(default)]
    pub by_country: BTreeMap<String, i64>,
    /// Countries participants came from when only the list is known.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Participants per kind of organisation (municipality kinds and
    /// organisation kinds), where known.
    #[serde(default)]
    pub by_kind: BTreeMap<String, i64>,
    /// How the source states the figures.
    #[serde(default)]
    pub note: Option<TrText>,
}
