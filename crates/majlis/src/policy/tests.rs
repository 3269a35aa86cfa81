//! The policy's decisions, role by role and action by action.
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
    for visible in [false, true] {
        for affiliated_editor in [false, true] {
            let p = PlanRef {
                visible,
                affiliated_editor,
            };
            all.extend([Action::ViewPlan(p), Action::EditPlan(p)]);
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
                Action::ViewPictures(PicturesRef::Practice(p)),
                Action::ChangePictures(PicturesRef::Practice(p)),
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
    for audience in [
        ProjectAudience::Public,
        ProjectAudience::Members,
        ProjectAudience::Participants,
    ] {
        for (lead_member, participant) in [(false, false), (false, true), (true, true)] {
            let p = ProjectRef {
                audience,
                lead_member,
                participant,
            };
            all.extend([Action::ViewProject(p), Action::EditProject(p)]);
        }
    }
    for m in [1, 2] {
        all.extend([
            Action::AnswerPartnership { municipality: m },
            Action::LeavePartnership { municipality: m },
        ]);
    }
    all.extend([
        Action::CreateProject { affiliated: false },
        Action::CreateProject { affiliated: true },
        Action::Follow,
    ]);
    for (published, focal_point) in [(false, false), (false, true), (true, false)] {
        all.push(Action::ViewCohesion(CohesionRef {
            published,
            focal_point,
        }));
    }
    for m in [1, 2] {
        all.push(Action::ManageCohesion { municipality: m });
        all.push(Action::PlanForCohesion { municipality: m });
        all.push(Action::RunCohesionWave { municipality: m });
        for collecting in [false, true] {
            all.push(Action::RemoveCohesionEvidence {
                municipality: m,
                collecting,
            });
        }
    }
    all.push(Action::ManageCohesionFrameworks);
    for of_municipality in [false, true] {
        all.push(Action::ViewCohesionEvidence(EvidenceRef {
            of_municipality,
        }));
    }
    for visible in [false, true] {
        all.push(Action::ViewPictures(PicturesRef::Event { visible }));
        all.push(Action::ChangePictures(PicturesRef::Event { visible }));
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
            | Action::AnswerByLink { .. }
            | Action::ViewPlan(_)
            | Action::EditPlan(_)
            | Action::CreateProject { .. }
            | Action::ViewProject(_)
            | Action::EditProject(_)
            | Action::AnswerPartnership { .. }
            | Action::LeavePartnership { .. }
            | Action::ViewCohesion(_)
            | Action::ManageCohesion { .. }
            | Action::PlanForCohesion { .. }
            | Action::ManageCohesionFrameworks
            | Action::RunCohesionWave { .. }
            | Action::ViewCohesionEvidence(_)
            | Action::RemoveCohesionEvidence { .. }
            | Action::ViewPictures(_)
            | Action::ChangePictures(_)
            | Action::Follow => {}
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

#[test]
fn plans_are_read_with_their_owner_and_edited_by_its_municipalities_focal_points() {
    let member = actor(Role::Member, &[]);
    let focal_a = actor(Role::Member, &[1]);
    let focal_b = actor(Role::Member, &[2]);
    let coordinator = actor(Role::Coordinator, &[]);
    let editors = [1, 3];
    let for_ = |a: Option<&Actor>, visible| PlanRef::for_actor(a, visible, &editors);
    assert!(for_(Some(&focal_a), true).affiliated_editor);
    assert!(!for_(Some(&focal_b), true).affiliated_editor);
    assert!(!for_(None, true).affiliated_editor);
    assert!(can(None, Action::ViewPlan(for_(None, true))));
    assert!(!can(None, Action::ViewPlan(for_(None, false))));
    assert!(!can(
        Some(&member),
        Action::ViewPlan(for_(Some(&member), false))
    ));
    assert!(can(
        Some(&coordinator),
        Action::ViewPlan(for_(Some(&coordinator), false))
    ));
    assert!(!can(None, Action::EditPlan(for_(None, true))));
    assert!(!can(
        Some(&member),
        Action::EditPlan(for_(Some(&member), true))
    ));
    assert!(!can(
        Some(&focal_b),
        Action::EditPlan(for_(Some(&focal_b), true))
    ));
    assert!(can(
        Some(&focal_a),
        Action::EditPlan(for_(Some(&focal_a), true))
    ));
    // An editor municipality's focal point who may not see the owner: no.
    assert!(!can(
        Some(&focal_a),
        Action::EditPlan(for_(Some(&focal_a), false))
    ));
    assert!(can(
        Some(&coordinator),
        Action::EditPlan(for_(Some(&coordinator), false))
    ));
}

#[test]
fn project_ideas_by_audience_lead_and_partner() {
    let member = actor(Role::Member, &[]);
    let focal_a = actor(Role::Member, &[1]);
    let coordinator = actor(Role::Coordinator, &[]);
    let r = |audience, lead_member, participant| ProjectRef {
        audience,
        lead_member,
        participant,
    };
    let closed = r(ProjectAudience::Participants, false, false);
    assert!(!can(None, Action::ViewProject(closed)));
    assert!(!can(Some(&member), Action::ViewProject(closed)));
    assert!(can(Some(&coordinator), Action::ViewProject(closed)));
    assert!(can(
        Some(&member),
        Action::ViewProject(r(ProjectAudience::Participants, false, true))
    ));
    let members = r(ProjectAudience::Members, false, false);
    assert!(!can(None, Action::ViewProject(members)));
    assert!(can(Some(&member), Action::ViewProject(members)));
    assert!(can(
        None,
        Action::ViewProject(r(ProjectAudience::Public, false, false))
    ));
    // Editing: staff, and members of the lead municipality only.
    assert!(!can(Some(&member), Action::EditProject(members)));
    assert!(can(
        Some(&member),
        Action::EditProject(r(ProjectAudience::Members, true, true))
    ));
    assert!(can(Some(&coordinator), Action::EditProject(closed)));
    assert!(!can(None, Action::CreateProject { affiliated: true }));
    assert!(!can(
        Some(&member),
        Action::CreateProject { affiliated: false }
    ));
    assert!(can(
        Some(&coordinator),
        Action::CreateProject { affiliated: false }
    ));
    // Only a partner's focal point answers for it, staff included.
    assert!(can(
        Some(&focal_a),
        Action::AnswerPartnership { municipality: 1 }
    ));
    assert!(!can(
        Some(&focal_a),
        Action::AnswerPartnership { municipality: 2 }
    ));
    assert!(!can(
        Some(&coordinator),
        Action::AnswerPartnership { municipality: 1 }
    ));
    assert!(can(
        Some(&focal_a),
        Action::LeavePartnership { municipality: 1 }
    ));
    assert!(!can(
        Some(&member),
        Action::LeavePartnership { municipality: 1 }
    ));
}

#[test]
fn evidence_is_removed_by_its_focal_points_while_collecting_and_by_staff_always() {
    let remove = |municipality, collecting| Action::RemoveCohesionEvidence {
        municipality,
        collecting,
    };
    let focal = actor(Role::Member, &[1]);
    assert!(can(Some(&focal), remove(1, true)));
    assert!(!can(Some(&focal), remove(1, false)), "closed");
    assert!(!can(Some(&focal), remove(2, true)), "another municipality");
    let member = actor(Role::Member, &[]);
    assert!(!can(Some(&member), remove(1, true)));
    assert!(!can(None, remove(1, true)));
    for role in [Role::Coordinator, Role::Admin] {
        assert!(can(Some(&actor(role, &[])), remove(1, false)), "{role:?}");
    }
    // Staff without a second factor are asked for it.
    let pending = stored("coordinator", false, &[]);
    assert_eq!(
        authorize(Some(&pending), remove(1, false)),
        Err(Denied::SecondFactor)
    );
}

#[test]
fn photos_follow_what_they_belong_to() {
    let member = actor(Role::Member, &[]);
    let focal = actor(Role::Member, &[1]);
    let coordinator = actor(Role::Coordinator, &[]);
    let event = |visible| PicturesRef::Event { visible };
    // An event's photos: seen by whoever sees the event, changed by staff.
    assert!(can(None, Action::ViewPictures(event(true))));
    assert!(!can(None, Action::ViewPictures(event(false))));
    assert!(!can(Some(&member), Action::ChangePictures(event(true))));
    assert!(can(Some(&coordinator), Action::ChangePictures(event(true))));
    assert!(!can(None, Action::ChangePictures(event(true))));
    // A practice's: as the practice (a draft by municipality 1's focal point).
    let draft = PicturesRef::Practice(PracticeRef {
        draft: true,
        public: false,
        municipality: Some(1),
        author: None,
    });
    assert!(!can(None, Action::ViewPictures(draft)));
    assert!(!can(Some(&member), Action::ViewPictures(draft)));
    assert!(can(Some(&focal), Action::ViewPictures(draft)));
    assert!(can(Some(&focal), Action::ChangePictures(draft)));
    assert!(!can(Some(&member), Action::ChangePictures(draft)));
    assert!(can(Some(&coordinator), Action::ChangePictures(draft)));
}
