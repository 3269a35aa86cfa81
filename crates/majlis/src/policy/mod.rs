//! Who may do what: one place decides every permission, from the person's
//! role, what they are a focal point of, and the resource's owner and
//! visibility. Handlers state what they need through extractors
//! ([`crate::web::extract::RequireRole`]) or by asking [`authorize`] (or
//! [`can`], to decide what to offer) with the resource at hand.
//!
//! This is infrastructure, like `web` and `db`: it imports no activity. What
//! it needs to know of a person or a resource comes as plain facts (the
//! `…Ref` structs, [`Actor::new`]), and [`identity`] holds who is signed in
//! as the session middleware (accounts' logic) leaves it in the request.
//!
//! Staff powers need two-step sign-in: a coordinator or administrator without
//! a second factor is built as a member ([`Actor::new`]), so every decision
//! sees a member; [`authorize`] then tells a refusal that the second factor
//! would lift ([`Denied::SecondFactor`]) from a plain one.

pub mod identity;

use serde::{Deserialize, Serialize};

pub use identity::{Client, PendingSession, SignedIn};

/// A person's role on the platform.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// A municipal official or a partner.
    Member,
    /// Contributes to consultations and reviews.
    Expert,
    /// Network staff: curates, runs events and surveys, moderates, invites.
    Coordinator,
    /// Runs the platform.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Member, Role::Expert, Role::Coordinator, Role::Admin];

    pub fn code(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Expert => "expert",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Someone acting on the platform, with what the policy needs to know.
#[derive(Clone, Debug)]
pub struct Actor {
    pub person_id: i32,
    /// The role the person acts with: a member's for staff without a
    /// second factor.
    pub role: Role,
    /// Municipalities this person is a focal point of.
    pub focal_point_of: Vec<i32>,
    /// The staff role the person holds but may not use until they turn on
    /// two-step sign-in (`None` for everyone else).
    pub pending_role: Option<Role>,
}

/// Everything of a reader that what a cached read shows may depend on
/// (`None` for a visitor): who they are, their role, the municipalities
/// they speak for and a role waiting for a second factor.
pub type ReaderKey = Option<(i32, Role, Vec<i32>, Option<Role>)>;

/// The [`ReaderKey`] of `actor`.
pub fn reader_key(actor: Option<&Actor>) -> ReaderKey {
    actor.map(|a| {
        let mut focal = a.focal_point_of.clone();
        focal.sort_unstable();
        (a.person_id, a.role, focal, a.pending_role)
    })
}

impl Actor {
    /// A person as their account stores them: the role's code, whether
    /// two-step sign-in is on, and the municipalities they are a focal point of.
    pub fn new(
        person_id: i32,
        stored_role: &str,
        second_factor: bool,
        focal_point_of: Vec<i32>,
    ) -> Self {
        // An unknown stored role grants nothing beyond a member's.
        let stored = Role::from_code(stored_role).unwrap_or(Role::Member);
        let staff = matches!(stored, Role::Coordinator | Role::Admin);
        // Staff powers need the second factor: without it, a member.
        let pending = staff && !second_factor;
        Actor {
            person_id,
            role: if pending { Role::Member } else { stored },
            focal_point_of,
            pending_role: pending.then_some(stored),
        }
    }

    /// Someone acting with `role` (tests, tools): no pending staff role.
    pub fn with_role(person_id: i32, role: Role, focal_point_of: Vec<i32>) -> Self {
        Actor {
            person_id,
            role,
            focal_point_of,
            pending_role: None,
        }
    }

    pub fn is_staff(&self) -> bool {
        matches!(self.role, Role::Coordinator | Role::Admin)
    }

    /// A coordinator or administrator who acts as a member until they turn
    /// on two-step sign-in.
    pub fn needs_second_factor(&self) -> bool {
        self.pending_role.is_some()
    }

    /// The same person with the second factor turned on.
    fn with_second_factor(&self) -> Option<Actor> {
        self.pending_role.map(|role| Actor {
            role,
            pending_role: None,
            ..self.clone()
        })
    }
}

/// Whether content is for everyone or for signed-in members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    Public,
    Members,
}

/// What someone wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Read something with this visibility.
    View(Visibility),
    /// Change a municipality's profile.
    EditMunicipality(i32),
    /// Create municipalities and organisations, edit organisations.
    EditDirectory,
    /// List people, change roles and affiliations, deactivate accounts.
    ManagePeople,
    /// Invite people by email.
    Invite,
    /// Read the audit log.
    ViewAudit,
    /// Platform settings.
    Administer,
    /// Start a practice (focal points and staff).
    CreatePractice,
    /// Submit or edit a practice on behalf of this municipality.
    ActForMunicipality(i32),
    /// Read a practice.
    ViewPractice(PracticeRef),
    /// Change a practice's content or attachments.
    EditPractice(PracticeRef),
    /// Send a draft practice for review.
    SubmitPractice(PracticeRef),
    /// Delete a practice: staff any practice, its owners only their draft.
    DeletePractice(PracticeRef),
    /// Review practices: comment, ask for changes, publish, archive.
    ReviewPractices,
    /// Add and change library resources and compendium editions.
    ManageLibrary,
    /// Create and change events, their programme, materials and outcomes;
    /// register people on their behalf, approve, check in.
    ManageEvents,
    /// Register oneself for an event.
    RegisterForEvent,
    /// See an event's online link and the participants' details: staff and
    /// people registered for it.
    SeeEventInsider { registered: bool },
    /// Put a dilemma to peers (anyone signed in).
    CreateDilemma,
    /// Read a dilemma, its contributions and its result.
    ViewDilemma(DilemmaRef),
    /// Ask an open question, give an idea, an experience or a link.
    Contribute(DilemmaRef),
    /// Open the consultation, answer questions, open the ideas phase, mark
    /// what helped, invite peers: the presenter and staff.
    LeadDilemma(DilemmaRef),
    /// Write the conclusion: the presenter, a rapporteur, staff.
    ConcludeDilemma(DilemmaRef),
    /// Report a contribution to the moderators (anyone signed in).
    ReportContribution,
    /// Hide or restore contributions, archive dilemmas.
    Moderate,
    /// Record a clinic's questions, ideas and results: staff and the
    /// session's rapporteur or facilitator.
    RecordClinic { rapporteur: bool },
    /// Add wrap-up messages to a clinic: staff and the session's experts.
    WrapUpClinic { expert: bool },
    /// Upload survey forms, open and close campaigns, export answers.
    ManageSurveys,
    /// Read a survey's page (its questions, window and response rate).
    ViewSurvey(SurveyRef),
    /// Read a survey's results.
    ViewSurveyResults(SurveyRef),
    /// Answer a survey for a municipality (or read that answer): a focal
    /// point of the municipality, or staff entering an answer on its behalf.
    AnswerSurvey { municipality: i32, targeted: bool },
    /// Answer a survey through a personal link: whoever holds a valid link
    /// (no account needed; the link names its respondent).
    AnswerByLink { valid: bool },
    /// Read an action plan: whoever may see what it belongs to, and staff.
    ViewPlan(PlanRef),
    /// Change an action plan (steps, milestones, indicators, events):
    /// staff, and focal points of a municipality that edits its owner or
    /// is responsible for the plan.
    EditPlan(PlanRef),
    /// Write down a project idea: staff, and members affiliated with a
    /// municipality (it leads the idea).
    CreateProject { affiliated: bool },
    /// Read a project idea, its partnerships and history.
    ViewProject(ProjectRef),
    /// Edit an idea, change its status, invite partners or end a
    /// partnership: staff and members of the lead municipality.
    EditProject(ProjectRef),
    /// Accept or decline an invitation for this municipality: its focal point.
    AnswerPartnership { municipality: i32 },
    /// Leave a partnership on this municipality's behalf: its focal point.
    LeavePartnership { municipality: i32 },
    /// Read a municipality's social-cohesion dashboard: anyone once it is
    /// published; before, its focal points and staff.
    ViewCohesion(CohesionRef),
    /// Publish a municipality's cohesion dashboard or choose how peers see
    /// it: its focal points and staff.
    ManageCohesion { municipality: i32 },
    /// Start an action plan aimed at one of a municipality's cohesion
    /// indicators, and share a plan that met its target as a practice:
    /// its focal points and staff (coordinators, administrators).
    PlanForCohesion { municipality: i32 },
    /// Add a social-cohesion framework (a new version of one) and see the
    /// frameworks' versions: staff.
    ManageCohesionFrameworks,
    /// Start a wave of a municipality's resident perception survey (its
    /// campaign and personal links) and score it: its focal points and
    /// staff.
    RunCohesionWave { municipality: i32 },
    /// Read the evidence a municipality attached to its municipal
    /// questionnaire: the municipality's people (members affiliated with
    /// it, its focal points) and the network's coordinators; never its
    /// peers nor the public.
    ViewCohesionEvidence(EvidenceRef),
    /// Remove a document attached to a wave's municipal questionnaire:
    /// whoever may attach one (the municipality's focal points, staff)
    /// while the questionnaire still takes answers (`collecting`), and
    /// the network's coordinators at any time (a wrong or sensitive
    /// document found later).
    RemoveCohesionEvidence { municipality: i32, collecting: bool },
    /// Follow something one may see, read one's notifications and choose
    /// how they arrive: anyone signed in (what one may not see is "not
    /// found" before this is asked).
    Follow,
    /// See the photos of an event or a practice: whoever may see it.
    ViewPictures(PicturesRef),
    /// Add or delete the photos of an event or a practice: whoever may
    /// change it (events: staff; practices: as `EditPractice`).
    ChangePictures(PicturesRef),
}

/// What the policy needs to know of what photos belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PicturesRef {
    /// An event, and whether the actor may see it (its visibility).
    Event { visible: bool },
    /// A practice.
    Practice(PracticeRef),
}

/// What the policy needs to know of a municipality's cohesion dashboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CohesionRef {
    pub published: bool,
    /// The actor is a focal point of the municipality.
    pub focal_point: bool,
}

impl CohesionRef {
    pub fn for_actor(actor: Option<&Actor>, published: bool, municipality: i32) -> Self {
        CohesionRef {
            published,
            focal_point: actor.is_some_and(|a| a.focal_point_of.contains(&municipality)),
        }
    }
}

/// What the policy needs to know of a municipality's cohesion evidence,
/// for one actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EvidenceRef {
    /// The actor is affiliated with the municipality (a member or a focal
    /// point of it).
    pub of_municipality: bool,
}

/// What the policy needs to know of an action plan, for one actor: facts
/// its owner's activity provides (the plans activity knows no owner).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanRef {
    /// The actor may see what the plan belongs to.
    pub visible: bool,
    /// The actor is a focal point of one of the municipalities that edit it.
    pub affiliated_editor: bool,
}

impl PlanRef {
    /// The facts for `actor`, given whether it may see the owner and the
    /// municipalities whose focal points edit the plan.
    pub fn for_actor(actor: Option<&Actor>, visible: bool, editor_municipalities: &[i32]) -> Self {
        PlanRef {
            visible,
            affiliated_editor: actor.is_some_and(|a| {
                editor_municipalities
                    .iter()
                    .any(|m| a.focal_point_of.contains(m))
            }),
        }
    }
}

/// Who may read a project idea.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectAudience {
    Public,
    Members,
    /// Only the lead's and the partners' people (and staff).
    Participants,
}

/// What the policy needs to know of a project idea, and of the actor's tie to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProjectRef {
    pub audience: ProjectAudience,
    /// The actor is affiliated with the lead municipality.
    pub lead_member: bool,
    /// The actor is affiliated with the lead or with an invited or
    /// accepted partner (or wrote the idea).
    pub participant: bool,
}

impl ProjectRef {
    fn readable_by(&self, actor: Option<&Actor>) -> bool {
        match self.audience {
            ProjectAudience::Public => true,
            ProjectAudience::Members => actor.is_some(),
            ProjectAudience::Participants => {
                actor.is_some_and(|a| a.is_staff()) || self.lead_member || self.participant
            }
        }
    }
}

/// Who may read a survey's results.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurveyAudience {
    Public,
    Members,
    Staff,
}

/// What the policy needs to know of a survey.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SurveyRef {
    /// Not opened yet: staff only.
    pub draft: bool,
    pub results: SurveyAudience,
}

impl SurveyRef {
    fn page_readable_by(&self, actor: Option<&Actor>) -> bool {
        let staff = actor.is_some_and(|a| a.is_staff());
        if self.draft {
            return staff;
        }
        // Members know what the network asks; visitors see surveys whose
        // results are public.
        actor.is_some() || self.results == SurveyAudience::Public
    }

    fn results_readable_by(&self, actor: Option<&Actor>) -> bool {
        let staff = actor.is_some_and(|a| a.is_staff());
        if self.draft {
            return staff;
        }
        match self.results {
            SurveyAudience::Public => true,
            SurveyAudience::Members => actor.is_some(),
            SurveyAudience::Staff => staff,
        }
    }
}

/// Who may read a dilemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DilemmaAudience {
    Public,
    Members,
    /// Only the people taking part (and staff).
    Participants,
}

/// The part someone plays in a dilemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DilemmaPart {
    /// The presenter, or whoever put the dilemma on the platform.
    Presenter,
    Rapporteur,
    Invited,
}

/// What the policy needs to know of a dilemma, and the actor's part in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DilemmaRef {
    pub audience: DilemmaAudience,
    pub draft: bool,
    /// Taking contributions (open or in discussion, within its period).
    pub taking_contributions: bool,
    pub part: Option<DilemmaPart>,
}

impl DilemmaRef {
    fn readable_by(&self, actor: Option<&Actor>) -> bool {
        let staff = actor.is_some_and(|a| a.is_staff());
        if self.draft {
            return staff || self.part == Some(DilemmaPart::Presenter);
        }
        match self.audience {
            DilemmaAudience::Public => true,
            DilemmaAudience::Members => actor.is_some(),
            DilemmaAudience::Participants => staff || self.part.is_some(),
        }
    }
}

/// What the policy needs to know of a practice, as plain facts (the policy
/// knows no activity's types).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PracticeRef {
    /// Still a draft: its owners may change or delete it.
    pub draft: bool,
    /// Published or archived: anyone may read it.
    pub public: bool,
    pub municipality: Option<i32>,
    pub author: Option<i32>,
}

impl Actor {
    /// The practice's author, or a focal point of its municipality.
    pub fn owns(&self, p: &PracticeRef) -> bool {
        p.author == Some(self.person_id)
            || p.municipality
                .is_some_and(|m| self.focal_point_of.contains(&m))
    }
}

/// The one decision: may `actor` (`None` for a visitor) do `action`?
pub fn can(actor: Option<&Actor>, action: Action) -> bool {
    match (actor, action) {
        (_, Action::View(Visibility::Public)) => true,
        (_, Action::ViewPractice(p)) if p.public => true,
        (a, Action::ViewDilemma(d)) => d.readable_by(a),
        (a, Action::ViewSurvey(r)) => r.page_readable_by(a),
        (a, Action::ViewSurveyResults(r)) => r.results_readable_by(a),
        (_, Action::AnswerByLink { valid }) => valid,
        (a, Action::ViewPlan(p)) => p.visible || a.is_some_and(Actor::is_staff),
        (a, Action::ViewProject(p)) => p.readable_by(a),
        (a, Action::ViewCohesion(c)) => {
            c.published || c.focal_point || a.is_some_and(Actor::is_staff)
        }
        (_, Action::ViewPictures(PicturesRef::Event { visible })) => visible,
        (a, Action::ViewPictures(PicturesRef::Practice(p))) => can(a, Action::ViewPractice(p)),
        (None, _) => false,
        (Some(_), Action::View(Visibility::Members)) => true,
        (Some(_), Action::Follow) => true,
        (Some(a), Action::EditMunicipality(id)) => a.is_staff() || a.focal_point_of.contains(&id),
        (
            Some(a),
            Action::EditDirectory | Action::ManagePeople | Action::Invite | Action::ViewAudit,
        ) => a.is_staff(),
        (Some(a), Action::Administer) => a.role == Role::Admin,
        (Some(a), Action::CreatePractice) => a.is_staff() || !a.focal_point_of.is_empty(),
        (Some(a), Action::ActForMunicipality(id)) => a.is_staff() || a.focal_point_of.contains(&id),
        (Some(a), Action::ViewPractice(p)) => a.is_staff() || a.owns(&p),
        (Some(a), Action::EditPractice(p)) => a.is_staff() || (a.owns(&p) && p.draft),
        (Some(a), Action::SubmitPractice(p)) => p.draft && (a.is_staff() || a.owns(&p)),
        (Some(a), Action::DeletePractice(p)) => a.is_staff() || (a.owns(&p) && p.draft),
        (Some(a), Action::ReviewPractices | Action::ManageLibrary | Action::ManageEvents) => {
            a.is_staff()
        }
        (Some(_), Action::RegisterForEvent) => true,
        (Some(a), Action::SeeEventInsider { registered }) => registered || a.is_staff(),
        (Some(_), Action::CreateDilemma | Action::ReportContribution) => true,
        (Some(a), Action::Contribute(d)) => d.taking_contributions && d.readable_by(Some(a)),
        (Some(a), Action::LeadDilemma(d)) => a.is_staff() || d.part == Some(DilemmaPart::Presenter),
        (Some(a), Action::ConcludeDilemma(d)) => {
            a.is_staff()
                || matches!(
                    d.part,
                    Some(DilemmaPart::Presenter | DilemmaPart::Rapporteur)
                )
        }
        (Some(a), Action::Moderate) => a.is_staff(),
        (Some(a), Action::RecordClinic { rapporteur }) => rapporteur || a.is_staff(),
        (Some(a), Action::WrapUpClinic { expert }) => expert || a.is_staff(),
        (Some(a), Action::ManageSurveys) => a.is_staff(),
        (
            Some(a),
            Action::AnswerSurvey {
                municipality,
                targeted,
            },
        ) => targeted && (a.is_staff() || a.focal_point_of.contains(&municipality)),
        (Some(a), Action::EditPlan(p)) => a.is_staff() || (p.visible && p.affiliated_editor),
        (Some(a), Action::CreateProject { affiliated }) => affiliated || a.is_staff(),
        (Some(a), Action::EditProject(p)) => {
            a.is_staff() || (p.lead_member && p.readable_by(Some(a)))
        }
        (
            Some(a),
            Action::AnswerPartnership { municipality } | Action::LeavePartnership { municipality },
        ) => a.focal_point_of.contains(&municipality),
        (Some(a), Action::ManageCohesion { municipality }) => {
            a.is_staff() || a.focal_point_of.contains(&municipality)
        }
        (Some(a), Action::PlanForCohesion { municipality }) => {
            a.is_staff() || a.focal_point_of.contains(&municipality)
        }
        (Some(a), Action::ManageCohesionFrameworks) => a.is_staff(),
        (Some(a), Action::RunCohesionWave { municipality }) => {
            a.is_staff() || a.focal_point_of.contains(&municipality)
        }
        (Some(a), Action::ViewCohesionEvidence(e)) => a.is_staff() || e.of_municipality,
        (
            Some(a),
            Action::RemoveCohesionEvidence {
                municipality,
                collecting,
            },
        ) => a.is_staff() || (collecting && can(Some(a), Action::RunCohesionWave { municipality })),
        (Some(a), Action::ChangePictures(PicturesRef::Event { visible })) => {
            visible && can(Some(a), Action::ManageEvents)
        }
        (Some(a), Action::ChangePictures(PicturesRef::Practice(p))) => {
            can(Some(a), Action::EditPractice(p))
        }
    }
}

/// Why something is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    /// A visitor: signing in may help.
    #[error("sign-in required")]
    SignIn,
    /// Not allowed.
    #[error("forbidden")]
    Forbidden,
    /// Allowed to staff, and the person is staff once they turn on
    /// two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactor,
}

/// The decision with its reason: `Ok` when [`can`] allows, otherwise why not.
/// A refusal that the person's staff role would lift once they turn on
/// two-step sign-in is [`Denied::SecondFactor`].
pub fn authorize(actor: Option<&Actor>, action: Action) -> Result<(), Denied> {
    if can(actor, action) {
        return Ok(());
    }
    let Some(actor) = actor else {
        return Err(Denied::SignIn);
    };
    match actor.with_second_factor() {
        Some(full) if can(Some(&full), action) => Err(Denied::SecondFactor),
        _ => Err(Denied::Forbidden),
    }
}

/// [`authorize`] for a role requirement (`RequireRole<Coordinator>`).
pub fn authorize_role<R: RoleRequirement>(actor: &Actor) -> Result<(), Denied> {
    if R::allows(actor.role) {
        Ok(())
    } else if actor.pending_role.is_some_and(R::allows) {
        Err(Denied::SecondFactor)
    } else {
        Err(Denied::Forbidden)
    }
}

/// A role requirement usable as a type parameter: `RequireRole<Coordinator>`.
pub trait RoleRequirement: Send + Sync + 'static {
    fn allows(role: Role) -> bool;
}

/// Coordinators and administrators.
pub struct Coordinator;
impl RoleRequirement for Coordinator {
    fn allows(role: Role) -> bool {
        matches!(role, Role::Coordinator | Role::Admin)
    }
}

/// Administrators only.
pub struct Admin;
impl RoleRequirement for Admin {
    fn allows(role: Role) -> bool {
        role == Role::Admin
    }
}

#[cfg(test)]
mod tests;
