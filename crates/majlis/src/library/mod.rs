//! The knowledge library: resources (documents, presentations, links) in
//! their language versions, good practices with their review and versions,
//! and the best-practices compendium.
//!
//! - `entities/`: storage records;
//! - `files/`: uploads through `majlis-files` (content-addressed storage);
//! - `practices/`: a practice's content, its steps, its life (draft → published) and versions;
//! - `resources.rs`: creating resources and their language versions;
//! - `rules/`: the queries the pages run (filters, visibility in the query);
//! - `compendium/`: editions, chapters, and the print data for PDFs;
//! - `routes/`: HTML pages and the JSON API, one file per page or flow;
//!   `templates/` beside.
//!
//! Only `routes/` and `files/` (which reads multipart upload forms) see
//! HTTP; the others return their own errors (`LibraryError`,
//! `PracticeError`, `ResourceError`, `CompendiumError`), which
//! `routes/mod.rs` turns into `AppError`.

pub mod backlinks;
pub mod compendium;
pub mod deletion;
pub mod entities;
pub mod files;
pub mod pictures;
pub mod practices;
pub mod resources;
pub mod routes;
pub mod rules;
pub mod search;

coded_enum! {
    /// What kind of document a library resource is.
    ResourceKind {
        ConceptNote => "concept-note",
        FramingNote => "framing-note",
        Report => "report",
        Presentation => "presentation",
        PracticeSheet => "practice-sheet",
        Toolkit => "toolkit",
        PolicyBrief => "policy-brief",
        Compendium => "compendium",
        Programme => "programme",
        VideoLink => "video-link",
        PhotoReportage => "photo-reportage",
        Dataset => "dataset",
    }
}

coded_enum! {
    /// Where a practice is in its life.
    PracticeStatus {
        Draft => "draft",
        Submitted => "submitted",
        InReview => "in-review",
        Published => "published",
        Archived => "archived",
    }
}

coded_enum! {
    /// Who may read a resource.
    VisibilityCode {
        Public => "public",
        Members => "members",
    }
}

impl ResourceKind {
    pub fn label_id(self) -> String {
        format!("resource-kind-{}", self.code())
    }
}

impl PracticeStatus {
    pub fn label_id(self) -> String {
        format!("practice-status-{}", self.code())
    }
}

/// The visibilities a reader may see (library documents, events, search).
pub fn visible_codes(actor: Option<&crate::policy::Actor>) -> Vec<&'static str> {
    VisibilityCode::ALL
        .iter()
        .filter(|v| crate::policy::can(actor, crate::policy::Action::View(v.policy())))
        .map(|v| v.code())
        .collect()
}

impl VisibilityCode {
    pub fn policy(self) -> crate::policy::Visibility {
        match self {
            VisibilityCode::Public => crate::policy::Visibility::Public,
            VisibilityCode::Members => crate::policy::Visibility::Members,
        }
    }
}

impl PracticeStatus {
    /// Published and archived practices can be read by anyone; the others
    /// only by their owners and the network's staff.
    pub fn is_public(self) -> bool {
        matches!(self, PracticeStatus::Published | PracticeStatus::Archived)
    }
}
