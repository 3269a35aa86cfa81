//! The social-cohesion self-assessment: a municipality measures social
//! cohesion with a resident perception survey (a Surveys form), compares
//! itself with its peers and follows its scores across waves.
//!
//! - `framework.rs`: versioned frameworks (domains → indicators → items,
//!   each item tied to a question of the survey's form and citing its
//!   instrument), the questionnaire built from them, and what makes scores
//!   comparable across versions;
//! - `scoring.rs`: scoring a wave, pure (no database): the rules written
//!   down there and on the dashboard;
//! - `benchmark.rs`: peers, the network's median and interquartile range
//!   (shown only when at least five peers qualify), pure;
//! - `entities/`, `error.rs`, `rules.rs` (reading a dashboard, scoring a
//!   wave, a municipality's choices);
//! - `plans.rs`: plans aimed at indicators (the plans activity's plans,
//!   owner kind `cohesion`): started from the latest wave's score, measured
//!   by every later wave, shared as a practice once met;
//! - `routes/`: `/municipalities/{slug}/cohesion` and its JSON under
//!   `/api/v1/`; `templates/` beside; `charts.rs` draws the radar and
//!   trend charts;
//! - `links.rs`: personal links for a pasted list of residents;
//! - `evidence.rs`: the municipal questionnaire of a wave and the documents
//!   attached to it;
//! - `personal.rs`: the plans a person started, for "download my data".

pub mod benchmark;
pub mod charts;
pub mod entities;
pub mod error;
pub mod evidence;
pub mod framework;
pub mod frameworks;
pub mod links;
pub mod municipality;
pub mod personal;
pub mod picking;
pub mod plans;
pub mod routes;
pub mod rules;
pub mod scoring;
pub mod waves;

coded_enum! {
    /// Whether agreeing with an item is good for cohesion or bad.
    Direction {
        Higher => "higher",
        Lower => "lower",
    }
}

coded_enum! {
    /// The answer scales items use; answers are choice names (numbers),
    /// anything else ("dont_know") is not scored. `agree5`: 1 (strongly
    /// disagree) to 5 (strongly agree), agree 4–5, disagree 1–2;
    /// `scale10`: 0 to 10, agree 6–10, disagree 0–4; `yes-no`: 1 yes, 0 no.
    Scale {
        Agree5 => "agree5",
        Scale10 => "scale10",
        YesNo => "yes-no",
    }
}

coded_enum! {
    /// Which peers a municipality is compared with.
    PeerGroup {
        All => "all",
        Country => "country",
        Population => "population",
        Refugees => "refugees",
    }
}

impl PeerGroup {
    pub fn label_id(self) -> String {
        format!("cohesion-peers-{}", self.code())
    }
}
