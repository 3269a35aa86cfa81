//! Surveys of member municipalities, written as XLSForm (the format survey
//! teams already use with KoboToolbox and ODK): a coordinator uploads a
//! form, targets municipalities and opens the campaign; each targeted
//! municipality's focal point answers for it, one group per page, with the
//! server evaluating `relevant`, `constraint` and `required` after each page
//! (no JavaScript needed); results are read from tallies kept with every
//! submission, with small cells suppressed.
//!
//! - `entities/`: storage records;
//! - `error.rs`: what the rules refuse (`SurveyError`), free of HTTP;
//! - `pages.rs`: a form cut into pages, and a page as a person sees it;
//! - `rules/`: surveys and their forms (`surveys.rs`), answering
//!   (`answering.rs`), tallies (`tally.rs`) and results (`results.rs`);
//! - `search.rs`: surveys in the search index (title, description, questions);
//! - `routes/`: the pages and `/api/v1/surveys/…`; `templates/` beside.

pub mod backlinks;
pub mod entities;
pub mod error;
pub mod pages;
pub mod reminders;
pub mod routes;
pub mod rules;
pub mod search;

use chrono::{DateTime, Utc};

coded_enum! {
    /// Where a survey's campaign is: prepared, taking answers, or over.
    SurveyStatus {
        Draft => "draft",
        Open => "open",
        Closed => "closed",
    }
}

coded_enum! {
    /// Who may read a survey's results.
    ResultsAudience {
        Public => "public",
        Members => "members",
        Staff => "staff",
    }
}

coded_enum! {
    /// The predefined groupings results can be broken down by (only these:
    /// free cross-tabulation would let tables be differenced).
    Grouping {
        Country => "country",
        Population => "population",
        Refugees => "refugees",
    }
}

impl SurveyStatus {
    pub fn label_id(self) -> String {
        format!("survey-status-{}", self.code())
    }
}

impl ResultsAudience {
    pub fn label_id(self) -> String {
        format!("survey-audience-{}", self.code())
    }
}

impl Grouping {
    pub fn label_id(self) -> String {
        format!("survey-by-{}", self.code())
    }
}

/// Whether a survey takes answers at `now`: open, and inside its window.
pub fn accepting(
    status: SurveyStatus,
    opens_at: Option<DateTime<Utc>>,
    closes_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    status == SurveyStatus::Open
        && opens_at.is_none_or(|t| t <= now)
        && closes_at.is_none_or(|t| now < t)
}

/// The population band of a municipality, as results group it.
pub fn population_band(population: Option<i64>) -> &'static str {
    match population {
        None => "",
        Some(p) if p < 50_000 => "under-50k",
        Some(p) if p < 250_000 => "50k-250k",
        Some(p) if p < 1_000_000 => "250k-1m",
        Some(_) => "over-1m",
    }
}

/// The band of refugees hosted per 100 residents.
pub fn refugee_band(population: Option<i64>, refugees: Option<i64>) -> &'static str {
    match (population, refugees) {
        (Some(p), Some(r)) if p > 0 && r >= 0 => {
            let share = r as f64 * 100.0 / p as f64;
            if share < 5.0 {
                "under-5"
            } else if share < 15.0 {
                "5-15"
            } else if share < 30.0 {
                "15-30"
            } else {
                "over-30"
            }
        }
        _ => "",
    }
}

/// The bands in order, for tables.
pub const POPULATION_BANDS: [&str; 4] = ["under-50k", "50k-250k", "250k-1m", "over-1m"];
pub const REFUGEE_BANDS: [&str; 4] = ["under-5", "5-15", "15-30", "over-30"];

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_survey_takes_answers_inside_its_window_only() {
        let t = |d| Utc.with_ymd_and_hms(2016, 5, d, 0, 0, 0).unwrap();
        let open = SurveyStatus::Open;
        assert!(accepting(open, Some(t(1)), Some(t(20)), t(10)));
        assert!(!accepting(open, Some(t(1)), Some(t(20)), t(20)));
        assert!(!accepting(open, Some(t(11)), None, t(10)));
        assert!(!accepting(SurveyStatus::Draft, None, None, t(10)));
        assert!(!accepting(SurveyStatus::Closed, None, None, t(10)));
    }

    #[test]
    fn bands_cover_every_size() {
        assert_eq!(population_band(Some(49_999)), "under-50k");
        assert_eq!(population_band(Some(1_000_000)), "over-1m");
        assert_eq!(population_band(None), "");
        assert_eq!(refugee_band(Some(100), Some(30)), "over-30");
        assert_eq!(refugee_band(Some(100), Some(4)), "under-5");
        assert_eq!(refugee_band(Some(0), Some(4)), "");
    }
}
