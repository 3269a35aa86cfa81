//! The authorization matrix: every route of the router against every kind of
//! person. A route missing from the matrix fails the test, so a new route
//! cannot ship without a decision about who may use it.

mod common;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use chrono::Utc;
use common::TestApp;
use majlis::accounts::{Email, Password, affiliation, people, signin};
use majlis::directory::entities::{municipality, organisation};
use majlis::i18n::Locale;
use majlis::policy::Role;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    MemberOfA,
    FocalPointOfA,
    FocalPointOfB,
    Expert,
    /// A coordinator who has not turned on two-step sign-in: a member's
    /// powers, and staff actions refused with the way to turn it on.
    CoordinatorWithoutTwoStep,
    Coordinator,
    Admin,
}

const EVERYONE: [Who; 8] = [
    Who::Anonymous,
    Who::MemberOfA,
    Who::FocalPointOfA,
    Who::FocalPointOfB,
    Who::Expert,
    Who::CoordinatorWithoutTwoStep,
    Who::Coordinator,
    Who::Admin,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Answered with this status: served (200), sent on (303), refused as
    /// bad input (400, a form sent without its fields), not found (404)…
    Is(u16),
    /// 401: sign in first.
    SignIn,
    /// 403: signed in, not allowed.
    Forbidden,
    /// 403 with the way to turn on two-step sign-in: a staff action by a
    /// coordinator who has not.
    TwoStep,
}

/// The matrix. `None`: the route is unknown to it.
fn expected(method: &Method, path: &str, who: Who) -> Option<Expect> {
    use Expect::*;
    // Who asks in what order, for limits on attempts.
    let turn = EVERYONE.iter().position(|w| *w == who).unwrap_or_default();
    let staff = matches!(who, Who::Coordinator | Who::Admin);
    let signed_in = who != Who::Anonymous;
    let ok = Is(200);
    let see_other = Is(303);
    let bad = Is(400);
    let not_found = Is(404);
    // Signed-in people get `code`; visitors are asked to sign in.
    let members = |code: u16| if signed_in { Is(code) } else { SignIn };
    // Staff get `code`; the coordinator without two-step sign-in is told to
    // turn it on; everyone else is refused.
    let coordinators = |code: u16| match who {
        Who::Anonymous => SignIn,
        Who::CoordinatorWithoutTwoStep => TwoStep,
        _ if staff => Is(code),
        _ => Forbidden,
    };
    // As `coordinators`, and also `also` (who gets the same answer as staff).
    let staff_and = |also: &[Who], code: u16| {
        if also.contains(&who) {
            Is(code)
        } else {
            coordinators(code)
        }
    };
    // A form that adds something: the first staff member adds it (303), the
    // second finds it taken (400).
    let adds = match who {
        Who::Coordinator => see_other,
        _ => coordinators(400),
    };
    Some(match (method.as_str(), path) {
        ("GET", "/" | "/healthz" | "/readyz" | "/metrics" | "/static/{file}") => ok,
        ("GET", "/municipalities" | "/municipalities/{slug}") => ok,
        ("GET", "/organisations" | "/organisations/{slug}" | "/network") => ok,
        ("GET", "/api/v1/municipalities" | "/api/v1/municipalities/{id}") => ok,
        ("GET", "/api/v1/organisations" | "/api/v1/organisations/{id}") => ok,
        ("GET", "/api/v1/themes" | "/api/v1/countries") => ok,
        // The sign-in page, and signing in as the target (whoever is signed in),
        // until the limit of attempts from one address in a minute.
        ("GET", "/login") => ok,
        ("POST", "/login") => {
            if (turn as u64) < signin::PER_IP_MINUTE {
                see_other
            } else {
                Is(429)
            }
        }
        ("GET", "/password/forgot") => ok,
        // The same page whether or not the address has an account, until the
        // limit of requests for one address in an hour.
        ("POST", "/password/forgot") => {
            if (turn as u64) < majlis::accounts::reset::PER_HOUR {
                ok
            } else {
                Is(429)
            }
        }
        // An unknown reset link: the page says so.
        ("GET" | "POST", "/password/reset/{token}") => not_found,
        // Without a session waiting for it, the second step sends back to /login.
        ("GET" | "POST", "/login/two-factor") => see_other,
        ("GET", "/account/two-factor") => members(200),
        // A wrong code (as sent here) turns nothing on; the staff here have it on.
        ("POST", "/account/two-factor") => match who {
            Who::Anonymous => SignIn,
            Who::Coordinator | Who::Admin => see_other,
            _ => bad,
        },
        ("POST", "/logout") => members(303),
        ("GET", "/account" | "/account/data" | "/api/v1/me") => members(200),
        ("GET", "/account/tokens") => members(200),
        ("POST", "/account/tokens") => members(200),
        // A wrong current password (as sent here) changes nothing: 400.
        ("GET", "/account/password") => members(200),
        ("POST", "/account/password") => members(400),
        // An empty time zone (as sent here) is "none chosen": saved, back to the form.
        ("GET", "/account/time-zone") => members(200),
        ("POST", "/account/time-zone") => members(303),
        // Someone else's token number: not found, whoever asks (signed in).
        ("POST", "/account/tokens/{id}/revoke") => members(404),
        // The confirmation needs the password: a wrong one (as sent here) deletes nothing.
        ("GET", "/account/delete") => members(200),
        ("POST", "/account/delete") => members(400),
        ("POST", "/account/sign-out-everywhere") => members(303),
        ("GET", "/people" | "/audit" | "/people/invitations") => coordinators(200),
        // No invitation has the target person's number.
        ("POST", "/people/invitations/{id}/resend" | "/people/invitations/{id}/revoke") => {
            coordinators(404)
        }
        ("POST", "/people/{id}/role" | "/people/{id}/active") => coordinators(303),
        ("GET", "/people/invite") => coordinators(200),
        // The invitation is sent (again, by the second).
        ("POST", "/people/invite") => coordinators(303),
        // Municipality A's profile: coordinators and A's focal point.
        ("GET", "/municipalities/{slug}/edit") => staff_and(&[Who::FocalPointOfA], 200),
        ("POST", "/municipalities/{slug}/edit") => staff_and(&[Who::FocalPointOfA], 303),
        // Adding municipalities and organisations, editing organisations: staff.
        ("GET", "/municipalities/new" | "/organisations/new") => coordinators(200),
        ("POST", "/municipalities/new" | "/organisations/new") => adds,
        ("GET", "/organisations/{slug}/edit") => coordinators(200),
        ("POST", "/organisations/{slug}/edit") => coordinators(303),
        // An unknown invitation.
        ("GET" | "POST", "/invitation/{token}") => not_found,
        // Open registration is off by default: not found, whoever asks.
        ("GET" | "POST", "/register") => not_found,
        // Sent without a decision: bad input.
        ("POST", "/people/requests/{id}") => coordinators(400),
        // Without their fields, changes to affiliations are refused as bad input.
        ("GET", "/people/{id}/affiliations") => coordinators(200),
        ("POST", "/people/{id}/affiliations") => coordinators(400),
        // The library: reading is public (what a visitor may not see is "not found").
        ("GET", "/library" | "/library/{id}") => ok,
        ("GET", "/files/{sha}/{name}") => not_found,
        ("GET", "/practices") => ok,
        // A's draft: its focal point and staff read it; the others do not
        // know of it, nor does the coordinator without two-step sign-in.
        ("GET", "/practices/{id}") => staff_and(&[Who::FocalPointOfA], 200).or_not_found(),
        ("GET", "/practices/{id}/sheet") => not_found,
        ("GET", "/compendiums") => ok,
        ("GET", "/compendiums/{slug}" | "/compendiums/{slug}/pdf") => not_found,
        ("GET", "/api/v1/resources" | "/api/v1/resources/{id}") => ok,
        ("GET", "/api/v1/practices") => ok,
        ("GET", "/api/v1/practices/{id}") => staff_and(&[Who::FocalPointOfA], 200).or_not_found(),
        ("GET", "/practices/mine") => members(200),
        ("GET", "/library/new") => coordinators(200),
        // Uploads sent without their fields: bad input.
        ("POST", "/library/new") => coordinators(400),
        ("GET", "/library/{id}/edit") => coordinators(200),
        ("POST", "/library/{id}/edit") => coordinators(400),
        // The first staff member deletes the resource; it is gone for the second.
        ("POST", "/library/{id}/delete") => match who {
            Who::Coordinator => see_other,
            _ => coordinators(404),
        },
        // Editions (an unknown one here): staff only; sent without `confirm`, a delete is 400.
        ("GET" | "POST", "/compendiums/{slug}/describe") => coordinators(404),
        ("POST", "/compendiums/{slug}/delete") => coordinators(400),
        // Publishing an edition that does not exist.
        ("POST", "/compendiums/{slug}/status") => coordinators(404),
        // Deleting A's draft: its focal point and staff get 400 (no `confirm` is sent, so
        // the shared draft stays); everyone else is refused before the confirmation.
        ("POST", "/practices/{id}/delete") => staff_and(&[Who::FocalPointOfA], 400),
        // An upload without its file: bad input.
        ("POST", "/library/{id}/versions") => coordinators(400),
        ("GET", "/library/review") => coordinators(200),
        ("GET", "/compendiums/new") => coordinators(200),
        // Without a title: bad input.
        ("POST", "/compendiums/new") => coordinators(400),
        ("GET" | "POST", "/compendiums/{slug}/edit") => coordinators(404),
        // Starting a practice: focal points (for their municipality) and staff.
        ("GET", "/practices/new") => staff_and(&[Who::FocalPointOfA, Who::FocalPointOfB], 200),
        ("POST", "/practices/new") => staff_and(&[Who::FocalPointOfA, Who::FocalPointOfB], 303),
        // A draft of municipality A: its focal point and staff change it and see its versions.
        ("GET", "/practices/{id}/edit/{step}") => staff_and(&[Who::FocalPointOfA], 200),
        ("POST", "/practices/{id}/edit/{step}") => staff_and(&[Who::FocalPointOfA], 303),
        ("POST", "/practices/{id}/attachments") => staff_and(&[Who::FocalPointOfA], 400),
        ("GET", "/practices/{id}/versions") => staff_and(&[Who::FocalPointOfA], 200),
        // Photos of A's draft practice: changed by who may edit it (an
        // upload without its file is bad input; deleting a photo that is
        // not there finds nothing); a photo that is not there is not found.
        ("GET", "/pictures/{kind}/{owner}") => staff_and(&[Who::FocalPointOfA], 200),
        ("POST", "/pictures/{kind}/{owner}") => staff_and(&[Who::FocalPointOfA], 400),
        ("POST", "/pictures/{kind}/{owner}/{id}/delete") => staff_and(&[Who::FocalPointOfA], 404),
        ("GET", "/pictures/{kind}/{owner}/{id}") => not_found,
        // Commenting on A's draft: its focal point and staff.
        ("POST", "/practices/{id}/review") => staff_and(&[Who::FocalPointOfA], 303),
        // Events: reading and calendars are public; a members-only event is
        // "not found" to visitors. Registering needs an account; running
        // events is the coordinators' work.
        ("GET", "/events" | "/events.ics" | "/events/calendar.ics" | "/events/{slug}") => ok,
        ("GET", "/events/{slug}/calendar.ics") => ok,
        // Atom feeds are public and the same for everyone.
        (
            "GET",
            "/feed.atom"
            | "/practices.atom"
            | "/resources.atom"
            | "/events.atom"
            | "/consultations.atom",
        ) => ok,
        ("GET", "/series/{slug}/calendar.ics" | "/calendar/{token}/events.ics") => not_found,
        ("GET", "/api/v1/events" | "/api/v1/events/{slug}") => ok,
        ("GET", "/events/mine") => members(200),
        // A new calendar address, shown on the page.
        ("POST", "/events/mine") => members(200),
        ("GET", "/search" | "/api/v1/search") => ok,
        // The API's description, as a document and as a page: public.
        ("GET", "/api/openapi.json" | "/api/docs") => ok,
        // Open data: the visitors' lists as files, for everyone.
        (
            "GET",
            "/api/v1/municipalities.csv"
            | "/api/v1/municipalities.xlsx"
            | "/api/v1/organisations.csv"
            | "/api/v1/organisations.xlsx"
            | "/api/v1/practices.csv"
            | "/api/v1/practices.xlsx"
            | "/api/v1/resources.csv"
            | "/api/v1/resources.xlsx"
            | "/api/v1/events.csv"
            | "/api/v1/events.xlsx"
            | "/api/v1/dilemmas.csv"
            | "/api/v1/dilemmas.xlsx",
        ) => ok,
        // The demo event takes no registrations now (400); nobody here has
        // a registration to cancel or to consent with (404).
        ("POST", "/events/{slug}/register") => members(400),
        ("POST", "/events/{slug}/cancel" | "/events/{slug}/consent") => members(404),
        ("GET", "/events/new" | "/events/{slug}/edit") => coordinators(200),
        ("POST", "/events/new" | "/events/{slug}/edit") => coordinators(400),
        ("POST", "/events/{slug}/clone") => coordinators(303),
        ("GET", "/events/{slug}/programme") => coordinators(200),
        ("POST", "/events/{slug}/programme") => coordinators(400),
        ("GET", "/events/{slug}/registrations") => coordinators(200),
        // Names no registration: not found.
        ("POST", "/events/{slug}/registrations") => coordinators(404),
        ("GET", "/events/{slug}/outcomes") => coordinators(200),
        ("POST", "/events/{slug}/outcomes") => coordinators(303),
        // Consultations: reading follows each dilemma's visibility (the demo
        // dilemma here is public); taking part needs an account.
        ("GET", "/consultations" | "/consultations/{slug}") => ok,
        ("GET", "/api/v1/dilemmas" | "/api/v1/dilemmas/{slug}") => ok,
        ("GET", "/events/{slug}/clinics/{session}") => ok,
        ("GET", "/events/{slug}/clinics/{session}/report") => ok,
        ("GET", "/events/{slug}/clinics/{session}/report.pdf") => not_found,
        // This event held no consultations.
        ("GET", "/events/{slug}/consultations" | "/events/{slug}/consultations.pdf") => not_found,
        ("GET", "/consultations/new") => members(200),
        ("POST", "/consultations/new") => members(400),
        // Sent without their fields: refused as bad input (400), whoever asks.
        (
            "POST",
            "/consultations/{slug}/contribute"
            | "/consultations/{slug}/answer"
            | "/consultations/{slug}/helped"
            | "/consultations/{slug}/invite"
            | "/consultations/{slug}/conclude"
            | "/consultations/{slug}/flag"
            | "/events/{slug}/clinics/{session}",
        ) => members(400),
        // Leading a dilemma: its presenter (nobody here: a demo dilemma) and
        // staff. It is concluded: it is not opened again (400); the first
        // staff member archives it, the second finds it archived (400).
        ("POST", "/consultations/{slug}/open" | "/consultations/{slug}/ideas") => coordinators(400),
        ("POST", "/consultations/{slug}/archive") => adds,
        ("GET", "/consultations/moderation") => coordinators(200),
        ("POST", "/consultations/{slug}/moderate") => coordinators(400),
        // Surveys: the demo's 2016 survey (closed, results public); A
        // (Şahinbey) answered it. Its focal point and staff may read the
        // answer; the campaign is closed, so nothing can change (409).
        // Project ideas: the demo's language-courses idea, led by municipality A.
        ("GET", "/projects" | "/projects/{slug}") => ok,
        // Its plan's milestones as a calendar, and the JSON API: as readable as the idea.
        ("GET", "/projects/{slug}/milestones.ics") => ok,
        ("GET", "/api/v1/projects" | "/api/v1/projects/{slug}") => ok,
        // Staff and people affiliated with a municipality write ideas (the
        // empty form sent here is refused: 400).
        ("GET", "/projects/new") => staff_and(
            &[Who::MemberOfA, Who::FocalPointOfA, Who::FocalPointOfB],
            200,
        ),
        ("POST", "/projects/new") => staff_and(
            &[Who::MemberOfA, Who::FocalPointOfA, Who::FocalPointOfB],
            400,
        ),
        // Its editors: staff and the lead's members.
        ("GET", "/projects/{slug}/edit") => staff_and(&[Who::MemberOfA, Who::FocalPointOfA], 200),
        (
            "POST",
            "/projects/{slug}/edit" | "/projects/{slug}/status" | "/projects/{slug}/partners",
        ) => staff_and(&[Who::MemberOfA, Who::FocalPointOfA], 400),
        // Municipality B's focal point answers for B (no invitation open: 400).
        (
            "POST",
            "/projects/{slug}/partners/{municipality}/accept"
            | "/projects/{slug}/partners/{municipality}/decline",
        ) => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfB => bad,
            _ => Forbidden,
        },
        // B's focal point leaves, the lead's editors end it (not a partner: 400).
        ("POST", "/projects/{slug}/partners/{municipality}/leave") => staff_and(
            &[Who::MemberOfA, Who::FocalPointOfA, Who::FocalPointOfB],
            400,
        ),
        ("GET", "/surveys" | "/surveys/{slug}" | "/surveys/{slug}/preview") => ok,
        ("GET", "/surveys/{slug}/form.xlsx" | "/surveys/{slug}/results") => ok,
        ("GET", "/surveys/{slug}/results.pdf") => ok,
        // A personal link of nobody: not found, whoever asks.
        ("GET", "/surveys/{slug}/link/{token}") => not_found,
        ("POST", "/surveys/{slug}/link/{token}" | "/surveys/{slug}/link/{token}/submit") => {
            not_found
        }
        ("POST", "/surveys/{slug}/links") => coordinators(400),
        // The campaign is closed: no reminder (409, said on the page).
        ("POST", "/surveys/{slug}/remind") => coordinators(409),
        ("GET", "/api/v1/surveys/{slug}/results") => ok,
        // One-request submissions take an API token, never a session (a
        // cookie alone could be sent by another site's form): 401 for
        // everyone here; tests/surveys.rs checks who may answer with a token.
        ("POST", "/api/v1/surveys/{slug}/responses/{municipality}") => SignIn,
        // A plan of the language-courses idea (public, led by A): whoever
        // may read the idea reads it; staff and A's focal points edit it.
        ("POST", "/plans") => members(400),
        ("GET", "/plans/{id}") => ok,
        ("GET", "/plans/{id}/{kind}/{item}") => staff_and(&[Who::FocalPointOfA], 200),
        // The step sent back unchanged.
        ("POST", "/plans/{id}/{kind}/{item}") => staff_and(&[Who::FocalPointOfA], 303),
        // A measurement that is not there.
        ("POST", "/plans/{id}/{kind}/{item}/delete") => staff_and(&[Who::FocalPointOfA], 404),
        // Şahinbey's cohesion dashboard is not published in the demo: its
        // focal point and staff read it; to anyone else it does not exist.
        // Its focal point and staff save its choices (sent unchanged here).
        (
            "GET",
            "/municipalities/{slug}/cohesion"
            | "/municipalities/{slug}/cohesion.pdf"
            | "/api/v1/municipalities/{id}/cohesion",
        ) => match who {
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => ok,
            _ => not_found,
        },
        ("POST", "/municipalities/{slug}/cohesion") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => see_other,
            _ => not_found,
        },
        // A plan aimed at one of its indicators: none yet, so its focal
        // point and staff see the form to start one (sent without fields:
        // 400); to anyone else the unpublished dashboard does not exist.
        // Without a plan there is nothing to share: 404.
        ("GET", "/municipalities/{slug}/cohesion/plans/{indicator}") => match who {
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => ok,
            _ => not_found,
        },
        ("POST", "/municipalities/{slug}/cohesion/plans/{indicator}") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => bad,
            _ => not_found,
        },
        ("POST", "/municipalities/{slug}/cohesion/plans/{indicator}/practice") => members(404),
        // Its waves: its focal point and staff (the start form sent without
        // fields: 400; scoring its first wave again: 303); to anyone else
        // the unpublished dashboard does not exist.
        ("GET", "/municipalities/{slug}/cohesion/waves") => match who {
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => ok,
            _ => not_found,
        },
        ("POST", "/municipalities/{slug}/cohesion/waves") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => bad,
            _ => not_found,
        },
        // A personal link, or a pasted list of them, sent without its
        // fields: refused as bad input.
        (
            "POST",
            "/municipalities/{slug}/cohesion/waves/links"
            | "/municipalities/{slug}/cohesion/waves/links/list",
        ) => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => bad,
            _ => not_found,
        },
        // A document for the municipal questionnaire, sent without a file:
        // refused as bad input (nothing read for anyone else).
        ("POST", "/municipalities/{slug}/cohesion/waves/{number}/evidence") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => bad,
            _ => not_found,
        },
        // A document that is not there; to anyone but its focal point and
        // staff the unpublished dashboard does not exist.
        ("GET", "/municipalities/{slug}/cohesion/waves/{number}/evidence/{id}") => not_found,
        // Removing a document: its focal point only while the questionnaire
        // takes answers (the demo's first wave has none: refused before the
        // document is looked for); staff always (this one is not there).
        ("POST", "/municipalities/{slug}/cohesion/waves/{number}/evidence/{id}/remove") => {
            match who {
                Who::Anonymous => SignIn,
                Who::FocalPointOfA => Forbidden,
                _ => not_found,
            }
        }
        ("POST", "/municipalities/{slug}/cohesion/waves/{number}/score") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => see_other,
            _ => not_found,
        },
        // Cohesion frameworks: staff; sent without a file, refused as bad input.
        ("GET", "/cohesion/frameworks" | "/cohesion/frameworks/new") => coordinators(200),
        ("POST", "/cohesion/frameworks/new") => coordinators(400),
        ("GET", "/surveys/new") => coordinators(200),
        ("GET", "/surveys/{slug}/answers.csv" | "/surveys/{slug}/answers.xlsx") => {
            coordinators(200)
        }
        // Sent without a file or fields: refused as bad input.
        ("POST", "/surveys/new" | "/surveys/{slug}/form" | "/surveys/{slug}/campaign") => {
            coordinators(400)
        }
        ("GET", "/surveys/{slug}/respond/{municipality}") => staff_and(&[Who::FocalPointOfA], 200),
        (
            "POST",
            "/surveys/{slug}/respond/{municipality}"
            | "/surveys/{slug}/respond/{municipality}/submit",
        ) => staff_and(&[Who::FocalPointOfA], 409),
        // Following: signed-in people follow what they may see. Here A's
        // draft practice: its focal point and staff see it (303, back to
        // the page); to the others it is not there. Unfollowing asks nothing more.
        ("POST", "/follow/{kind}/{id}") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => see_other,
            _ => not_found,
        },
        ("POST", "/unfollow/{kind}/{id}") => members(303),
        ("GET", "/account/following" | "/notifications" | "/account/notifications") => members(200),
        ("POST", "/notifications/read") => members(303),
        // Sent without a choice for each kind: nothing saved.
        ("POST", "/account/notifications") => members(400),
        // An unsubscribe address nobody was given: not found, whoever asks.
        ("GET" | "POST", "/unsubscribe/{token}") => not_found,
        _ => return None,
    })
}

impl Expect {
    /// Who may not see a thing is told it is not there.
    fn or_not_found(self) -> Expect {
        match self {
            Expect::Is(code) => Expect::Is(code),
            _ => Expect::Is(404),
        }
    }
}

const PASSWORD: &str = "matrix test password";

struct World {
    people: BTreeMap<Who, i32>,
    target: i32,
    sahinbey: i32,
    giz: i32,
    /// A draft practice of municipality A, by A's focal point.
    draft: i32,
    /// A published demo resource.
    resource: i32,
    /// A demo event's slug.
    event: String,
    /// The first consultation clinic of the demo's Urban Academy module.
    clinic: i32,
    /// An action plan A is responsible for, and one of its steps.
    plan: i32,
    step: i32,
}

async fn person(app: &TestApp, email: &str, role: Role) -> i32 {
    people::create(
        &app.db,
        &Email::parse(email).unwrap(),
        email,
        role,
        Locale::En,
        &Password::parse(PASSWORD.into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap()
    .id
}

async fn affiliate(app: &TestApp, person_id: i32, municipality_id: i32, focal_point: bool) {
    let tx = app.db.begin_write().await.unwrap();
    affiliation::ActiveModel {
        person_id: Set(person_id),
        municipality_id: Set(Some(municipality_id)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(focal_point),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn world(app: &TestApp) -> World {
    app.load_demo().await;
    let id_of = |slug: &'static str| async move {
        municipality::Entity::find()
            .filter(municipality::Column::Slug.eq(slug))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id
    };
    let (a, b) = (id_of("sahinbey").await, id_of("kilis").await);
    let giz = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("giz"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut people = BTreeMap::new();
    people.insert(
        Who::MemberOfA,
        person(app, "member-a@example.org", Role::Member).await,
    );
    people.insert(
        Who::FocalPointOfA,
        person(app, "focal-a@example.org", Role::Member).await,
    );
    people.insert(
        Who::FocalPointOfB,
        person(app, "focal-b@example.org", Role::Member).await,
    );
    people.insert(
        Who::Expert,
        person(app, "expert@example.org", Role::Expert).await,
    );
    people.insert(
        Who::CoordinatorWithoutTwoStep,
        person(app, "coordinator-2@example.org", Role::Coordinator).await,
    );
    people.insert(
        Who::Coordinator,
        person(app, "coordinator@example.org", Role::Coordinator).await,
    );
    people.insert(
        Who::Admin,
        person(app, "admin@example.org", Role::Admin).await,
    );
    for staff in [Who::Coordinator, Who::Admin] {
        common::enable_totp(app, people[&staff]).await;
    }
    affiliate(app, people[&Who::MemberOfA], a, false).await;
    affiliate(app, people[&Who::FocalPointOfA], a, true).await;
    affiliate(app, people[&Who::FocalPointOfB], b, true).await;
    let target = person(app, "target@example.org", Role::Member).await;
    let focal = people[&Who::FocalPointOfA];
    let actor = majlis::policy::Actor::with_role(focal, Role::Member, vec![a]);
    let snapshot = majlis::library::practices::Snapshot {
        title: majlis::i18n::TrText::new(Locale::Tr, "Taslak uygulama").unwrap(),
        municipality_id: Some(a),
        organisation_id: None,
        country_code: Some("TR".into()),
        themes: Default::default(),
        content: Default::default(),
    };
    let origin = majlis::audit::Origin {
        actor_id: Some(focal),
        ip: "127.0.0.1".into(),
    };
    let draft =
        majlis::library::practices::save(&app.db, &origin, &actor, None, snapshot, Utc::now())
            .await
            .unwrap();
    let resource = majlis::library::entities::resource::Entity::find()
        .filter(majlis::library::entities::resource::Column::Slug.eq("compendium-2017"))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id;
    let event = majlis::events::entities::event::Entity::find()
        .one(app.db.read())
        .await
        .unwrap()
        .expect("the demo has events")
        .slug;
    let ua = majlis::events::entities::event::Entity::find()
        .filter(majlis::events::entities::event::Column::Slug.eq("urban-academy-1-education"))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("the demo has the Urban Academy")
        .id;
    let clinic = majlis::events::entities::event_session::Entity::find()
        .filter(majlis::events::entities::event_session::Column::EventId.eq(ua))
        .filter(majlis::events::entities::event_session::Column::Kind.eq("consultation-clinic"))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("a clinic session")
        .id;
    // The demo's plan of the idea (an owner has one plan: starting it
    // again answers the plan there).
    let new_plan = majlis::plans::rules::NewPlan {
        owner: majlis::plans::Owner {
            kind: majlis::plans::OwnerKind::Project,
            id: majlis::projects::entities::project::Entity::find()
                .filter(
                    majlis::projects::entities::project::Column::Slug
                        .eq("istanbul-2018-language-courses"),
                )
                .one(app.db.read())
                .await
                .unwrap()
                .expect("the demo's language-courses idea")
                .id,
        },
        municipality: Some(a),
        title: Some(majlis::i18n::TrText::new(Locale::Tr, "Eylem planı").unwrap()),
    };
    let plan = majlis::plans::rules::create(
        &app.db,
        &majlis::app::plan_owners(),
        &origin,
        &actor,
        new_plan,
        Utc::now(),
    )
    .await
    .unwrap();
    let editing = majlis::plans::rules::as_staff(
        app.db.read(),
        &majlis::policy::Actor::with_role(0, Role::Admin, vec![]),
        plan,
    )
    .await
    .unwrap();
    let step = majlis::plans::rules::add_step(
        &app.db,
        &majlis::audit::Origin::cli(),
        &editing,
        majlis::plans::rules::StepInput {
            title: majlis::i18n::TrText::new(Locale::Tr, "Adım").unwrap(),
            owner_text: None,
            owner_municipality_id: None,
            starts_on: None,
            due_on: None,
            status: majlis::plans::StepStatus::NotStarted,
            percent: 0,
            weight: 1,
        },
        Utc::now(),
    )
    .await
    .unwrap();
    World {
        people,
        target,
        sahinbey: a,
        giz,
        draft,
        resource,
        event,
        clinic,
        plan,
        step,
    }
}

fn concrete(path: &str, w: &World, css: &str) -> String {
    match path {
        "/municipalities/{slug}" => "/municipalities/sahinbey".into(),
        "/municipalities/{slug}/edit" => "/municipalities/sahinbey/edit".into(),
        "/municipalities/{slug}/cohesion" => "/municipalities/sahinbey/cohesion".into(),
        "/municipalities/{slug}/cohesion.pdf" => "/municipalities/sahinbey/cohesion.pdf".into(),
        "/api/v1/municipalities/{id}/cohesion" => "/api/v1/municipalities/sahinbey/cohesion".into(),
        p if p.starts_with("/municipalities/{slug}/cohesion/waves") => p
            .replace("{slug}", "sahinbey")
            .replace("{number}", "1")
            .replace("{id}", "999999"),
        p if p.starts_with("/municipalities/{slug}/cohesion/plans/{indicator}") => p
            .replace("{slug}", "sahinbey")
            .replace("{indicator}", "trust_municipality"),
        "/organisations/{slug}" => "/organisations/giz".into(),
        "/organisations/{slug}/edit" => "/organisations/giz/edit".into(),
        "/api/v1/municipalities/{id}" => format!("/api/v1/municipalities/{}", w.sahinbey),
        "/api/v1/organisations/{id}" => format!("/api/v1/organisations/{}", w.giz),
        "/static/{file}" => css.to_owned(),
        "/invitation/{token}" => "/invitation/0123456789abcdef0123456789abcdef".into(),
        "/password/reset/{token}" => "/password/reset/0123456789abcdef0123456789abcdef".into(),
        "/library/{id}"
        | "/library/{id}/versions"
        | "/library/{id}/edit"
        | "/api/v1/resources/{id}" => path.replace("{id}", &w.resource.to_string()),
        // Printing is checked elsewhere; here an unknown practice keeps the matrix fast.
        "/practices/{id}/sheet" => "/practices/999999/sheet".into(),
        "/practices/{id}/edit/{step}" => format!("/practices/{}/edit/about", w.draft),
        p if p.starts_with("/practices/{id}") || p == "/api/v1/practices/{id}" => {
            p.replace("{id}", &w.draft.to_string())
        }
        p if p.starts_with("/pictures/{kind}/{owner}") => p
            .replace("{kind}", "practice")
            .replace("{owner}", &w.draft.to_string())
            .replace("{id}", "999999"),
        "/files/{sha}/{name}" => format!("/files/{}/x.pdf", "ab".repeat(32)),
        p if p.starts_with("/compendiums/{slug}") => p.replace("{slug}", "no-such-edition"),
        p if p.starts_with("/consultations/{slug}") || p == "/api/v1/dilemmas/{slug}" => {
            p.replace("{slug}", "ua1-education-s1-q1")
        }
        // Printing is checked elsewhere: an unknown session keeps the matrix fast.
        "/events/{slug}/clinics/{session}/report.pdf" => {
            "/events/urban-academy-1-education/clinics/999999/report.pdf".into()
        }
        p if p.starts_with("/events/{slug}/clinics/{session}") => p
            .replace("{slug}", "urban-academy-1-education")
            .replace("{session}", &w.clinic.to_string()),
        p if p.starts_with("/events/{slug}") || p == "/api/v1/events/{slug}" => {
            p.replace("{slug}", &w.event)
        }
        "/series/{slug}/calendar.ics" => "/series/no-such-series/calendar.ics".into(),
        p if p.starts_with("/projects/{slug}") || p == "/api/v1/projects/{slug}" => p
            .replace("{slug}", "istanbul-2018-language-courses")
            .replace("{municipality}", "kilis"),
        p if p.starts_with("/surveys/{slug}/link/{token}") => p
            .replace("{slug}", "amman-2016-challenges")
            .replace("{token}", "0123456789abcdef0123456789abcdef"),
        "/surveys/{slug}/respond/{municipality}" => {
            "/surveys/amman-2016-challenges/respond/sahinbey?page=0".into()
        }
        p if p.starts_with("/surveys/{slug}")
            || p == "/api/v1/surveys/{slug}/results"
            || p == "/api/v1/surveys/{slug}/responses/{municipality}" =>
        {
            p.replace("{slug}", "amman-2016-challenges")
                .replace("{municipality}", "sahinbey")
        }
        "/plans/{id}" => format!("/plans/{}", w.plan),
        "/plans/{id}/{kind}/{item}" => format!("/plans/{}/steps/{}", w.plan, w.step),
        "/plans/{id}/{kind}/{item}/delete" => {
            format!("/plans/{}/measurements/999999/delete", w.plan)
        }
        "/follow/{kind}/{id}" | "/unfollow/{kind}/{id}" => path
            .replace("{kind}", "practice")
            .replace("{id}", &w.draft.to_string()),
        "/unsubscribe/{token}" => {
            "/unsubscribe/1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA".into()
        }
        "/calendar/{token}/events.ics" => {
            "/calendar/0123456789abcdef0123456789abcdef/events.ics".into()
        }
        p => p.replace("{id}", &w.target.to_string()),
    }
}

fn body_for(path: &str) -> Vec<(&'static str, String)> {
    match path {
        "/login" => vec![
            ("email", "target@example.org".into()),
            ("password", PASSWORD.into()),
        ],
        "/people/{id}/role" => vec![("role", "expert".into())],
        "/people/{id}/active" => vec![("active", "true".into())],
        "/municipalities/{slug}/edit" => vec![
            ("orig", "tr".into()),
            ("name_tr", "Şahinbey".into()),
            ("population", "950000".into()),
            ("population_year", "2020".into()),
        ],
        // The first staff member adds it; the second finds the address taken (400).
        "/municipalities/new" => vec![
            ("slug", "matrix-town".into()),
            ("kind", "municipality".into()),
            ("country", "TR".into()),
            ("orig", "tr".into()),
            ("name_tr", "Matrix".into()),
        ],
        "/organisations/new" => vec![
            ("slug", "matrix-partners".into()),
            ("kind", "ngo".into()),
            ("orig", "en".into()),
            ("name_en", "Matrix partners".into()),
        ],
        "/organisations/{slug}/edit" => vec![
            ("orig", "de".into()),
            (
                "name_de",
                "Deutsche Gesellschaft für Internationale Zusammenarbeit".into(),
            ),
            ("acronym", "GIZ".into()),
            ("kind", "development-agency".into()),
            ("country", "DE".into()),
            ("website", "https://www.giz.de".into()),
        ],
        "/people/invite" => vec![
            ("email", "invited@example.org".into()),
            ("role", "member".into()),
            ("municipality", String::new()),
            ("locale", "en".into()),
        ],
        "/login/two-factor" | "/account/two-factor" => vec![("code", "000000".into())],
        "/account/tokens" => vec![("name", "matrix".into())],
        "/practices/new" => vec![("orig", "en".into()), ("title", "A matrix practice".into())],
        "/practices/{id}/edit/{step}" => vec![("title", "Taslak uygulama (matrix)".into())],
        "/practices/{id}/review" => vec![
            ("action", "comment".into()),
            ("comment", "A question".into()),
        ],
        "/compendiums/new" => vec![("orig", "en".into()), ("year", "2026".into())],
        "/compendiums/{slug}/status" => vec![("status", "published".into())],
        "/plans/{id}/{kind}/{item}" => vec![
            ("title", "Adım".into()),
            ("status", "not-started".into()),
            ("percent", "0".into()),
            ("weight", "1".into()),
        ],
        "/library/{id}/delete" => vec![("confirm", "yes".into())],
        "/password/forgot" => vec![("email", "target@example.org".into())],
        "/password/reset/{token}" => vec![
            ("password", "a good long phrase".into()),
            ("password_again", "a good long phrase".into()),
        ],
        "/invitation/{token}" => vec![
            ("name", "Someone".into()),
            ("password", "a good long phrase".into()),
            ("password_again", "a good long phrase".into()),
        ],
        _ => vec![],
    }
}

db_test!(
    async fn every_route_against_every_role(app) {
        let w = world(app).await;
        let home = app.get("/").await;
        let css = home.attr("link[rel=stylesheet]", "href").unwrap();
        let routes = majlis::app::routes();
        let mut unknown = Vec::new();
        let mut wrong = Vec::new();
        let mut two_step_refusals = 0;
        for route in routes.table() {
            for who in EVERYONE {
                let Some(expect) = expected(&route.method, route.path, who) else {
                    unknown.push(format!("{} {}", route.method, route.path));
                    break;
                };
                // A fresh session per check: some routes end the session they run in.
                let (cookie, csrf) = match w.people.get(&who) {
                    Some(id) => app.session_for(*id).await,
                    None => {
                        let t = majlis::token::random_token();
                        (format!("majlis_csrf={t}"), t)
                    }
                };
                let url = concrete(route.path, &w, &css);
                let upload = matches!(
                    route.path,
                    "/library/new"
                        | "/surveys/new"
                        | "/cohesion/frameworks/new"
                        | "/municipalities/{slug}/cohesion/waves/{number}/evidence"
                        | "/surveys/{slug}/form"
                        | "/library/{id}/versions"
                        | "/library/{id}/edit"
                        | "/practices/{id}/attachments"
                        | "/pictures/{kind}/{owner}"
                );
                let req = if route.method == Method::POST && upload {
                    let boundary = "matrixboundary";
                    let body = format!(
                        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{boundary}--\r\n"
                    );
                    Request::post(&url)
                        .header("content-type", format!("multipart/form-data; boundary={boundary}"))
                        .header("cookie", &cookie)
                        .body(Body::from(body))
                        .unwrap()
                } else if route.method == Method::POST {
                    let mut pairs = body_for(route.path);
                    pairs.push(("csrf", csrf));
                    let body = url::form_urlencoded::Serializer::new(String::new())
                        .extend_pairs(pairs)
                        .finish();
                    Request::post(&url)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .header("cookie", &cookie)
                        .body(Body::from(body))
                        .unwrap()
                } else {
                    Request::builder()
                        .method(route.method.clone())
                        .uri(&url)
                        .header("cookie", &cookie)
                        .body(Body::empty())
                        .unwrap()
                };
                let res = app.request(req).await;
                let got = match res.status {
                    StatusCode::UNAUTHORIZED => Expect::SignIn,
                    // The two refusals differ by the way out the page shows.
                    StatusCode::FORBIDDEN if two_step_link(&res) => Expect::TwoStep,
                    StatusCode::FORBIDDEN => Expect::Forbidden,
                    s if s.is_server_error() => panic!("{} {url} as {who:?}: {s}", route.method),
                    s => Expect::Is(s.as_u16()),
                };
                if got == Expect::TwoStep {
                    two_step_refusals += 1;
                }
                if got != expect {
                    wrong.push(format!(
                        "{} {} as {who:?}: expected {expect:?}, got {got:?} ({})",
                        route.method, route.path, res.status
                    ));
                }
            }
        }
        assert!(unknown.is_empty(), "routes missing from the matrix: {unknown:?}");
        assert!(wrong.is_empty(), "authorization differs from the matrix:\n{}", wrong.join("\n"));
        assert!(routes.table().len() >= 20, "the table lists every route");
        assert!(two_step_refusals >= 20, "{two_step_refusals}");
    }
);

/// The refusal page points to turning on two-step sign-in.
fn two_step_link(res: &common::TestResponse) -> bool {
    res.attr("main a.button-link", "href").as_deref() == Some("/account/two-factor")
}

db_test!(
    async fn staff_pages_need_two_step_sign_in(app) {
        let id = person(app, "new.coordinator@example.org", Role::Coordinator).await;
        let (cookie, _) = app.session_for(id).await;
        let res = app.get_with("/people", &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        assert_eq!(
            res.attr("main a.button-link", "href").as_deref(),
            Some("/account/two-factor"),
            "the refusal shows the way"
        );
        common::enable_totp(app, id).await;
        let res = app.get_with("/people", &[("cookie", &cookie)]).await;
        assert_eq!(res.status, StatusCode::OK);
    }
);

db_test!(
    async fn coordinators_cannot_make_admins_or_lock_themselves_out(app) {
        let w = world(app).await;
        let coordinator = w.people[&Who::Coordinator];
        let admin = w.people[&Who::Admin];
        let (cookie, csrf) = app.session_for(coordinator).await;
        let post = |path: String, body: String| {
            let cookie = cookie.clone();
            async move {
                app.request(
                    Request::post(&path)
                        .header("content-type", "application/x-www-form-urlencoded")
                        .header("cookie", &cookie)
                        .body(Body::from(body))
                        .unwrap(),
                )
                .await
            }
        };
        let target = w.target;
        let r = post(format!("/people/{target}/role"), format!("csrf={csrf}&role=admin")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "only admins grant admin");
        let r = post(format!("/people/{admin}/active"), format!("csrf={csrf}&active=false")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "nor touch an admin");
        let r = post(format!("/people/{coordinator}/active"), format!("csrf={csrf}&active=false")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "nobody deactivates themselves");
        let r = post(format!("/people/{target}/role"), format!("csrf={csrf}&role=pope")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = post("/people/999999/role".into(), format!("csrf={csrf}&role=expert")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);

        // Deactivating someone ends their sessions at once.
        let (their_cookie, _) = app.session_for(target).await;
        assert_eq!(app.get_with("/account", &[("cookie", &their_cookie)]).await.status, StatusCode::OK);
        let r = post(format!("/people/{target}/active"), format!("csrf={csrf}&active=false")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(app.get_with("/account", &[("cookie", &their_cookie)]).await.status, StatusCode::UNAUTHORIZED);
        let list = app.get_with("/people", &[("cookie", &cookie)]).await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(list.body.contains("target@example.org"));
        // The role select offers no administrator role to a coordinator.
        assert!(list.attr(&format!("#role-{target} option[value=admin]"), "value").is_none());
    }
);
