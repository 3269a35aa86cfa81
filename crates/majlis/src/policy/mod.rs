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
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
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
        (None, _) => false,
        (Some(_), Action::View(Visibility::Members)) => true,
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
mod tests {
    use super::*;

    fn actor(role: Role, focal: &[i32]) -> Actor {
        Actor::with_role(1, role, focal.to_vec())
    }

    #[test]
    fn the_matrix_of_roles_and_actions() {
        let visitor = None;
        let member = actor(Role::Member, &[]);
        let focal_a = actor(Role::Member, &[1]);
        let expert = actor(Role::Expert, &[]);
        let coordinator = actor(Role::Coordinator, &[]);
        let admin = actor(Role::Admin, &[]);
        let all = [
            Some(&member),
            Some(&focal_a),
            Some(&expert),
            Some(&coordinator),
            Some(&admin),
        ];
        assert!(can(visitor, Action::View(Visibility::Public)));
        assert!(!can(visitor, Action::View(Visibility::Members)));
        assert!(
            all.iter()
                .all(|a| can(*a, Action::View(Visibility::Members)))
        );

        assert!(can(Some(&focal_a), Action::EditMunicipality(1)));
        assert!(
            !can(Some(&focal_a), Action::EditMunicipality(2)),
            "not another city"
        );
        assert!(!can(Some(&member), Action::EditMunicipality(1)));
        assert!(!can(Some(&expert), Action::EditMunicipality(1)));
        assert!(can(Some(&coordinator), Action::EditMunicipality(2)));
        assert!(!can(visitor, Action::EditMunicipality(1)));

        for action in [
            Action::EditDirectory,
            Action::ManagePeople,
            Action::Invite,
            Action::ViewAudit,
        ] {
            assert!(
                can(Some(&coordinator), action) && can(Some(&admin), action),
                "{action:?}"
            );
            assert!(
                !can(Some(&member), action) && !can(Some(&focal_a), action),
                "{action:?}"
            );
            assert!(
                !can(Some(&expert), action) && !can(visitor, action),
                "{action:?}"
            );
        }
        assert!(can(Some(&admin), Action::Administer));
        assert!(!can(Some(&coordinator), Action::Administer));

        let practice = |draft, public| PracticeRef {
            draft,
            public,
            municipality: Some(1),
            author: Some(99),
        };
        let (draft, published) = (practice(true, false), practice(false, true));
        assert!(
            can(Some(&focal_a), Action::DeletePractice(draft))
                && !can(Some(&focal_a), Action::DeletePractice(published))
                && !can(Some(&member), Action::DeletePractice(draft))
                && can(Some(&coordinator), Action::DeletePractice(published))
                && !can(visitor, Action::DeletePractice(draft))
        );
    }

    #[test]
    fn dilemmas_are_read_by_their_audience_and_led_by_their_presenter() {
        let d = |audience, draft, part| DilemmaRef {
            audience,
            draft,
            taking_contributions: true,
            part,
        };
        let member = actor(Role::Member, &[]);
        let coordinator = actor(Role::Coordinator, &[]);
        let closed = d(DilemmaAudience::Participants, false, None);
        assert!(!can(None, Action::ViewDilemma(closed)));
        assert!(!can(Some(&member), Action::ViewDilemma(closed)));
        assert!(!can(Some(&member), Action::Contribute(closed)));
        assert!(can(Some(&coordinator), Action::ViewDilemma(closed)));
        let invited = d(
            DilemmaAudience::Participants,
            false,
            Some(DilemmaPart::Invited),
        );
        assert!(can(Some(&member), Action::Contribute(invited)));
        assert!(!can(Some(&member), Action::LeadDilemma(invited)));
        assert!(!can(Some(&member), Action::ConcludeDilemma(invited)));
        let public = d(DilemmaAudience::Public, false, None);
        assert!(can(None, Action::ViewDilemma(public)));
        assert!(!can(None, Action::Contribute(public)));
        assert!(can(Some(&member), Action::Contribute(public)));
        let members = d(DilemmaAudience::Members, false, None);
        assert!(!can(None, Action::ViewDilemma(members)));
        assert!(can(Some(&member), Action::ViewDilemma(members)));
        let draft = d(DilemmaAudience::Public, true, None);
        assert!(!can(None, Action::ViewDilemma(draft)));
        assert!(!can(Some(&member), Action::ViewDilemma(draft)));
        let own_draft = d(DilemmaAudience::Public, true, Some(DilemmaPart::Presenter));
        assert!(can(Some(&member), Action::ViewDilemma(own_draft)));
        assert!(can(Some(&member), Action::LeadDilemma(own_draft)));
        let rapporteur = d(
            DilemmaAudience::Members,
            false,
            Some(DilemmaPart::Rapporteur),
        );
        assert!(can(Some(&member), Action::ConcludeDilemma(rapporteur)));
        let mut finished = public;
        finished.taking_contributions = false;
        assert!(!can(Some(&member), Action::Contribute(finished)));
        assert!(!can(Some(&member), Action::Moderate));
        assert!(can(Some(&coordinator), Action::Moderate));
        assert!(can(
            Some(&member),
            Action::RecordClinic { rapporteur: true }
        ));
        assert!(!can(
            Some(&member),
            Action::RecordClinic { rapporteur: false }
        ));
        assert!(!can(None, Action::ReportContribution));
    }

    /// A person as stored: person 7 with this role code, with or without
    /// two-step sign-in, focal point of these municipalities.
    fn stored(role: &str, totp: bool, focal_point_of: &[i32]) -> Actor {
        Actor::new(7, role, totp, focal_point_of.to_vec())
    }

    /// One of each action, with each variant's interesting payloads. The
    /// match without a wildcard fails to compile when an action is added, so
    /// the list is completed with it.
    fn every_action() -> Vec<Action> {
        let mut all = vec![
            Action::View(Visibility::Public),
            Action::View(Visibility::Members),
            Action::EditMunicipality(1),
            Action::EditMunicipality(2),
            Action::EditDirectory,
            Action::ManagePeople,
            Action::Invite,
            Action::ViewAudit,
            Action::Administer,
            Action::CreatePractice,
            Action::ActForMunicipality(1),
            Action::ActForMunicipality(2),
            Action::ReviewPractices,
            Action::ManageLibrary,
            Action::ManageEvents,
            Action::RegisterForEvent,
            Action::SeeEventInsider { registered: true },
            Action::SeeEventInsider { registered: false },
            Action::CreateDilemma,
            Action::ReportContribution,
            Action::Moderate,
            Action::RecordClinic { rapporteur: true },
            Action::RecordClinic { rapporteur: false },
            Action::WrapUpClinic { expert: true },
            Action::WrapUpClinic { expert: false },
            Action::ManageSurveys,
            Action::AnswerByLink { valid: true },
            Action::AnswerByLink { valid: false },
        ];
        for draft in [false, true] {
            for results in [
                SurveyAudience::Public,
                SurveyAudience::Members,
                SurveyAudience::Staff,
            ] {
                let s = SurveyRef { draft, results };
                all.extend([Action::ViewSurvey(s), Action::ViewSurveyResults(s)]);
            }
        }
        for municipality in [1, 2] {
            for targeted in [false, true] {
                all.push(Action::AnswerSurvey {
                    municipality,
                    targeted,
                });
            }
        }
        // A draft, one in review (neither draft nor public), a published one.
        for (draft, public) in [(true, false), (false, false), (false, true)] {
            for (municipality, author) in [(Some(1), Some(7)), (Some(2), Some(99)), (None, None)] {
                let p = PracticeRef {
                    draft,
                    public,
                    municipality,
                    author,
                };
                all.extend([
                    Action::ViewPractice(p),
                    Action::EditPractice(p),
                    Action::SubmitPractice(p),
                    Action::DeletePractice(p),
                ]);
            }
        }
        let audiences = [
            DilemmaAudience::Public,
            DilemmaAudience::Members,
            DilemmaAudience::Participants,
        ];
        let parts = [
            None,
            Some(DilemmaPart::Presenter),
            Some(DilemmaPart::Rapporteur),
            Some(DilemmaPart::Invited),
        ];
        for audience in audiences {
            for part in parts {
                for draft in [false, true] {
                    let d = DilemmaRef {
                        audience,
                        draft,
                        taking_contributions: true,
                        part,
                    };
                    all.extend([
                        Action::ViewDilemma(d),
                        Action::Contribute(d),
                        Action::LeadDilemma(d),
                        Action::ConcludeDilemma(d),
                    ]);
                }
            }
        }
        for a in &all {
            match a {
                Action::View(_)
                | Action::EditMunicipality(_)
                | Action::EditDirectory
                | Action::ManagePeople
                | Action::Invite
                | Action::ViewAudit
                | Action::Administer
                | Action::CreatePractice
                | Action::ActForMunicipality(_)
                | Action::ViewPractice(_)
                | Action::EditPractice(_)
                | Action::SubmitPractice(_)
                | Action::DeletePractice(_)
                | Action::ReviewPractices
                | Action::ManageLibrary
                | Action::ManageEvents
                | Action::RegisterForEvent
                | Action::SeeEventInsider { .. }
                | Action::CreateDilemma
                | Action::ViewDilemma(_)
                | Action::Contribute(_)
                | Action::LeadDilemma(_)
                | Action::ConcludeDilemma(_)
                | Action::ReportContribution
                | Action::Moderate
                | Action::RecordClinic { .. }
                | Action::WrapUpClinic { .. }
                | Action::ManageSurveys
                | Action::ViewSurvey(_)
                | Action::ViewSurveyResults(_)
                | Action::AnswerSurvey { .. }
                | Action::AnswerByLink { .. } => {}
            }
        }
        all
    }

    #[test]
    fn staff_without_a_second_factor_act_as_members() {
        for focal in [&[][..], &[1][..]] {
            let member = stored("member", false, focal);
            assert!(!member.needs_second_factor());
            let mut lifted = 0;
            for role in ["coordinator", "admin"] {
                let pending = stored(role, false, focal);
                let full = stored(role, true, focal);
                assert!(pending.needs_second_factor() && !full.needs_second_factor());
                assert!(!pending.is_staff() && full.is_staff(), "{role}");
                assert_eq!(pending.role, Role::Member, "{role}");
                for action in every_action() {
                    let as_member = can(Some(&member), action);
                    assert_eq!(
                        can(Some(&pending), action),
                        as_member,
                        "{role} without a second factor: {action:?}"
                    );
                    let expected = if as_member {
                        Ok(())
                    } else if can(Some(&full), action) {
                        lifted += 1;
                        Err(Denied::SecondFactor)
                    } else {
                        Err(Denied::Forbidden)
                    };
                    assert_eq!(
                        authorize(Some(&pending), action),
                        expected,
                        "{role} {action:?}"
                    );
                    // With the second factor, nothing is refused for the lack of it.
                    assert_ne!(authorize(Some(&full), action), Err(Denied::SecondFactor));
                    assert_ne!(authorize(Some(&member), action), Err(Denied::SecondFactor));
                }
                assert_eq!(
                    authorize_role::<Coordinator>(&pending),
                    Err(Denied::SecondFactor)
                );
                assert_eq!(authorize_role::<Coordinator>(&full), Ok(()));
                assert_eq!(
                    authorize_role::<Coordinator>(&member),
                    Err(Denied::Forbidden)
                );
            }
            // Staff actions exist among them: the loop checked real refusals.
            assert!(lifted > 20, "{lifted}");
        }
        let coordinator = stored("coordinator", false, &[]);
        assert_eq!(
            authorize_role::<Admin>(&coordinator),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            authorize(Some(&coordinator), Action::Administer),
            Err(Denied::Forbidden),
            "a second factor would not make a coordinator an administrator"
        );
        let admin = stored("admin", false, &[]);
        assert_eq!(authorize_role::<Admin>(&admin), Err(Denied::SecondFactor));
        assert_eq!(authorize(None, Action::Moderate), Err(Denied::SignIn));
    }

    #[test]
    fn surveys_are_answered_by_the_targeted_municipality_and_read_by_their_audience() {
        let member = actor(Role::Member, &[]);
        let focal_a = actor(Role::Member, &[1]);
        let coordinator = actor(Role::Coordinator, &[]);
        let answer = |m, targeted| Action::AnswerSurvey {
            municipality: m,
            targeted,
        };
        assert!(can(Some(&focal_a), answer(1, true)));
        assert!(
            !can(Some(&focal_a), answer(2, true)),
            "not for another city"
        );
        assert!(!can(Some(&focal_a), answer(1, false)), "not targeted");
        assert!(!can(Some(&member), answer(1, true)));
        assert!(can(Some(&coordinator), answer(2, true)));
        assert!(!can(None, answer(1, true)));

        let survey = |draft, results| SurveyRef { draft, results };
        let public = survey(false, SurveyAudience::Public);
        let members = survey(false, SurveyAudience::Members);
        let staff_only = survey(false, SurveyAudience::Staff);
        let draft = survey(true, SurveyAudience::Public);
        assert!(can(None, Action::ViewSurvey(public)));
        assert!(can(None, Action::ViewSurveyResults(public)));
        assert!(!can(None, Action::ViewSurvey(members)));
        assert!(can(Some(&member), Action::ViewSurveyResults(members)));
        assert!(can(Some(&member), Action::ViewSurvey(staff_only)));
        assert!(!can(Some(&focal_a), Action::ViewSurveyResults(staff_only)));
        assert!(can(
            Some(&coordinator),
            Action::ViewSurveyResults(staff_only)
        ));
        assert!(!can(Some(&focal_a), Action::ViewSurvey(draft)));
        assert!(can(Some(&coordinator), Action::ViewSurvey(draft)));
        assert!(!can(Some(&member), Action::ManageSurveys));
        assert!(can(Some(&coordinator), Action::ManageSurveys));
    }

    #[test]
    fn unknown_stored_roles_grant_nothing_special() {
        let a = stored("superuser", false, &[]);
        assert_eq!(a.role, Role::Member);
        assert!(!can(Some(&a), Action::ManagePeople));
    }
}
