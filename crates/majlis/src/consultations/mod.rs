//! Peer consultations on policy dilemmas: a city presents a dilemma, peers
//! ask open questions and share what worked elsewhere, and a rapporteur or
//! the presenter records the result.
//!
//! - `entities/`: storage records;
//! - `error.rs`: what the rules refuse (`ConsultError`), free of HTTP;
//! - `rules/`: the queries pages run (visibility in the query), peer suggestions;
//! - `lookups.rs`: what the forms offer (municipalities, practices and
//!   documents to link) and the moderation queue;
//! - `online/`: the online consultation's life (open, questions and answers,
//!   ideas, invitations, conclusion) and moderation;
//! - `clinics.rs`: consultation clinics at an event (the rapporteur's page,
//!   wrap-ups, the report as HTML and PDF);
//! - `routes/`: HTML pages and `/api/v1/dilemmas`, a file per page or flow
//!   (`list`, `form`, `dilemma`, `changes`, `moderation`, `clinic`, `report`,
//!   `api`); `templates/` beside.

pub mod backlinks;
pub mod clinics;
pub mod deletion;
pub mod entities;
pub mod error;
pub mod lookups;
pub mod online;
pub mod routes;
pub mod rules;
pub mod search;

use crate::policy::DilemmaAudience;

coded_enum! {
    /// Where a dilemma is in its life. `Open` takes open questions only;
    /// `InDiscussion` also takes ideas, experiences and links.
    DilemmaStatus {
        Draft => "draft",
        Open => "open",
        InDiscussion => "in-discussion",
        Concluded => "concluded",
        Archived => "archived",
    }
}

coded_enum! {
    /// Who may read a dilemma.
    DilemmaVisibility {
        Public => "public",
        Members => "members",
        Participants => "participants",
    }
}

coded_enum! {
    /// What a contribution is.
    ContributionKind {
        Question => "question",
        Idea => "idea",
        Experience => "experience",
        Link => "link",
    }
}

coded_enum! {
    /// The help a presenter asks for.
    HelpSought {
        Practices => "practices",
        Experience => "experience",
        Expertise => "expertise",
        Partners => "partners",
    }
}

coded_enum! {
    /// The part someone plays in a dilemma.
    ParticipantRole {
        Presenter => "presenter",
        Invited => "invited",
        Rapporteur => "rapporteur",
    }
}

impl DilemmaStatus {
    pub fn label_id(self) -> String {
        format!("dilemma-status-{}", self.code())
    }

    /// Whether the dilemma takes contributions at all.
    pub fn is_running(self) -> bool {
        matches!(self, DilemmaStatus::Open | DilemmaStatus::InDiscussion)
    }
}

impl DilemmaVisibility {
    pub fn label_id(self) -> String {
        format!("dilemma-visibility-{}", self.code())
    }

    pub fn audience(self) -> DilemmaAudience {
        match self {
            DilemmaVisibility::Public => DilemmaAudience::Public,
            DilemmaVisibility::Members => DilemmaAudience::Members,
            DilemmaVisibility::Participants => DilemmaAudience::Participants,
        }
    }
}

impl ContributionKind {
    pub fn label_id(self) -> String {
        format!("contribution-kind-{}", self.code())
    }
}

impl HelpSought {
    pub fn label_id(self) -> String {
        format!("help-sought-{}", self.code())
    }
}

impl ParticipantRole {
    pub fn label_id(self) -> String {
        format!("participant-role-{}", self.code())
    }
}
