//! Project ideas: what came of a workshop. An idea (title, problem,
//! objectives, proposed activities, all translatable; themes; the event,
//! session and consultation it came from; the lead municipality; the
//! partners it seeks) moves idea → concept → partnership formed → in
//! implementation → completed, or is dropped with a reason. Every save is
//! kept as a version. Partner municipalities are suggested with their
//! reason in words; a partnership forms when the lead invites and the
//! partner's focal point accepts (mail through the queue), and either side
//! may leave later: every step is recorded with who and when.
//!
//! - `entities/`: storage records;
//! - `error.rs`: what the rules refuse (`ProjectError`), free of HTTP;
//! - `rules/`: reading (`mod.rs`: visibility in the query, list, detail),
//!   saving (`save.rs`: the form parsed, versions, status changes),
//!   partnerships (`partners.rs`) and suggestions (`suggest.rs`);
//! - `search.rs`: ideas in the search index; `backlinks.rs`: an event's ideas;
//!   `municipality.rs`: a municipality's ideas and partnerships (for its
//!   page); `network.rs`: ideas and partnerships by status (the network's page);
//! - `plans.rs`: ideas as owners of action plans (the `plans` activity);
//! - `routes/`: `/projects…`, `/projects/{slug}/milestones.ics` (its plan's
//!   milestones) and `/api/v1/projects…`; `templates/` beside.
//!
//! A programme's funded country pairs are kept on the idea itself
//! (`programme_countries`, e.g. `DE` and `TR`): a municipality of one of
//! those countries other than the lead's is a funded partner.

pub mod backlinks;
pub mod entities;
pub mod error;
pub mod municipality;
pub mod network;
pub mod plans;
pub mod routes;
pub mod rules;
pub mod search;

use std::collections::BTreeSet;

use sea_orm::FromJsonQueryResult;
use serde::{Deserialize, Serialize};

use crate::i18n::TrText;
use crate::policy::ProjectAudience;

coded_enum! {
    /// Where an idea is. Moves one step forward at a time; any step but
    /// `Completed` may end in `Dropped` (with a reason).
    ProjectStatus {
        Idea => "idea",
        Concept => "concept",
        PartnershipFormed => "partnership-formed",
        InImplementation => "in-implementation",
        Completed => "completed",
        Dropped => "dropped",
    }
}

coded_enum! {
    /// Who may read an idea.
    ProjectVisibility {
        Public => "public",
        Members => "members",
        Participants => "participants",
    }
}

coded_enum! {
    /// The kind of partner an idea seeks.
    PartnerKind {
        Municipality => "municipality",
        Ngo => "ngo",
        Academia => "academia",
        Government => "government",
        Private => "private",
    }
}

coded_enum! {
    /// Where a partnership is now.
    PartnershipStatus {
        Invited => "invited",
        Accepted => "accepted",
        Declined => "declined",
        Left => "left",
    }
}

coded_enum! {
    /// A step in a partnership's history: `Left` when the partner left,
    /// `Removed` when the lead ended it (or withdrew the invitation).
    PartnerStep {
        Invited => "invited",
        Accepted => "accepted",
        Declined => "declined",
        Left => "left",
        Removed => "removed",
    }
}

impl ProjectStatus {
    pub fn label_id(self) -> String {
        format!("project-status-{}", self.code())
    }

    /// The statuses one may move to from `self`.
    pub fn next(self) -> &'static [ProjectStatus] {
        use ProjectStatus::*;
        match self {
            Idea => &[Concept, Dropped],
            Concept => &[PartnershipFormed, Dropped],
            PartnershipFormed => &[InImplementation, Dropped],
            InImplementation => &[Completed, Dropped],
            Completed | Dropped => &[],
        }
    }

    pub fn may_become(self, to: ProjectStatus) -> bool {
        self.next().contains(&to)
    }
}

impl ProjectVisibility {
    pub fn label_id(self) -> String {
        format!("project-visibility-{}", self.code())
    }

    pub fn audience(self) -> ProjectAudience {
        match self {
            ProjectVisibility::Public => ProjectAudience::Public,
            ProjectVisibility::Members => ProjectAudience::Members,
            ProjectVisibility::Participants => ProjectAudience::Participants,
        }
    }
}

impl PartnerKind {
    pub fn label_id(self) -> String {
        format!("project-partner-kind-{}", self.code())
    }
}

impl PartnershipStatus {
    pub fn label_id(self) -> String {
        format!("partnership-status-{}", self.code())
    }

    /// Invited or accepted: the partner takes part.
    pub fn is_current(self) -> bool {
        matches!(
            self,
            PartnershipStatus::Invited | PartnershipStatus::Accepted
        )
    }
}

impl PartnerStep {
    pub fn label_id(self) -> String {
        format!("partner-step-{}", self.code())
    }
}

/// One kind of partner sought: its kind, country and expertise.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerSought {
    pub kind: PartnerKind,
    pub country: Option<String>,
    pub expertise: Option<TrText>,
}

/// The partners an idea seeks, in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct PartnersSought(pub Vec<PartnerSought>);

/// An idea as one save left it (kept as a version).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, FromJsonQueryResult)]
pub struct Snapshot {
    pub title: TrText,
    pub problem: Option<TrText>,
    pub objectives: Option<TrText>,
    pub activities: Option<TrText>,
    pub themes: BTreeSet<i32>,
    pub event_id: Option<i32>,
    pub session_id: Option<i32>,
    pub dilemma_id: Option<i32>,
    /// Later events where the idea was worked on.
    pub followups: BTreeSet<i32>,
    pub lead_municipality_id: i32,
    pub visibility: ProjectVisibility,
    pub programme: Option<String>,
    pub programme_countries: BTreeSet<String>,
    pub partners_sought: PartnersSought,
    pub status: ProjectStatus,
    pub drop_reason: Option<TrText>,
}

/// `,DE,TR,` for a set of codes (empty for none).
pub fn codes_column(codes: &BTreeSet<String>) -> String {
    if codes.is_empty() {
        String::new()
    } else {
        format!(",{},", codes.iter().cloned().collect::<Vec<_>>().join(","))
    }
}

/// The codes of a `,DE,TR,` column.
pub fn codes_of(column: &str) -> BTreeSet<String> {
    column
        .split(',')
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_moves_one_step_forward_or_is_dropped() {
        use ProjectStatus::*;
        assert!(Idea.may_become(Concept));
        assert!(!Idea.may_become(PartnershipFormed));
        assert!(Concept.may_become(Dropped));
        assert!(!Completed.may_become(Dropped));
        assert!(!Dropped.may_become(Idea));
        assert!(!InImplementation.may_become(Concept));
    }

    #[test]
    fn country_columns_round_trip() {
        let set: BTreeSet<String> = ["TR".to_owned(), "DE".to_owned()].into();
        assert_eq!(codes_column(&set), ",DE,TR,");
        assert_eq!(codes_of(",DE,TR,"), set);
        assert_eq!(codes_column(&BTreeSet::new()), "");
        assert!(codes_of("").is_empty());
    }
}
