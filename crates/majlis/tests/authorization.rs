//! The authorization matrix: every route of the router against every kind of
//! person. A route missing from the matrix fails the test, so a new route
//! cannot ship without a decision about who may use it.

mod common;

use std::collections::BTreeMap;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use chrono::Utc;
use common::TestApp;
use majlis::accounts::policy::Role;
use majlis::accounts::{Email, Password, affiliation, people, signin};
use majlis::directory::entities::{municipality, organisation};
use majlis::i18n::Locale;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Who {
    Anonymous,
    MemberOfA,
    FocalPointOfA,
    FocalPointOfB,
    Expert,
    Coordinator,
    Admin,
}

const EVERYONE: [Who; 7] = [
    Who::Anonymous,
    Who::MemberOfA,
    Who::FocalPointOfA,
    Who::FocalPointOfB,
    Who::Expert,
    Who::Coordinator,
    Who::Admin,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Served (any status but 401 and 403).
    Allowed,
    /// 401: sign in first.
    SignIn,
    /// 403: signed in, not allowed.
    Forbidden,
}

/// The matrix. `None`: the route is unknown to it.
fn expected(method: &Method, path: &str, who: Who) -> Option<Expect> {
    use Expect::*;
    let staff = matches!(who, Who::Coordinator | Who::Admin);
    let signed_in = who != Who::Anonymous;
    let public = Allowed;
    let members_only = if signed_in { Allowed } else { SignIn };
    let coordinators = if staff {
        Allowed
    } else if signed_in {
        Forbidden
    } else {
        SignIn
    };
    Some(match (method.as_str(), path) {
        ("GET", "/" | "/healthz" | "/metrics" | "/static/{file}") => public,
        ("GET", "/municipalities" | "/municipalities/{slug}") => public,
        ("GET", "/organisations" | "/organisations/{slug}" | "/network") => public,
        ("GET", "/api/v1/municipalities" | "/api/v1/municipalities/{id}") => public,
        ("GET", "/api/v1/organisations" | "/api/v1/organisations/{id}") => public,
        ("GET", "/api/v1/themes" | "/api/v1/countries") => public,
        ("GET" | "POST", "/login") => public,
        ("GET" | "POST", "/password/forgot" | "/password/reset/{token}") => public,
        // Without a session waiting for it, the second step sends back to /login.
        ("GET" | "POST", "/login/two-factor") => public,
        ("GET" | "POST", "/account/two-factor") => members_only,
        ("POST", "/logout") => members_only,
        ("GET", "/account" | "/account/data" | "/api/v1/me") => members_only,
        ("GET" | "POST", "/account/tokens") => members_only,
        // A wrong current password (as sent here) changes nothing: 400.
        ("GET" | "POST", "/account/password") => members_only,
        // Someone else's token number: not found, whoever asks (signed in).
        ("POST", "/account/tokens/{id}/revoke") => members_only,
        // The confirmation needs the password: a wrong one (as sent here) deletes nothing.
        ("GET" | "POST", "/account/delete") => members_only,
        ("POST", "/account/sign-out-everywhere") => members_only,
        ("GET", "/people" | "/audit") => coordinators,
        ("POST", "/people/{id}/role" | "/people/{id}/active") => coordinators,
        ("GET" | "POST", "/people/invite") => coordinators,
        // Municipality A's profile: coordinators and A's focal point.
        ("GET" | "POST", "/municipalities/{slug}/edit") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => Allowed,
            _ => Forbidden,
        },
        // Adding municipalities and organisations, editing organisations: staff.
        ("GET" | "POST", "/municipalities/new" | "/organisations/new") => coordinators,
        ("GET" | "POST", "/organisations/{slug}/edit") => coordinators,
        ("GET" | "POST", "/invitation/{token}") => public,
        // Open registration is off by default: not found, whoever asks.
        ("GET" | "POST", "/register") => public,
        ("POST", "/people/requests/{id}") => coordinators,
        // Without their fields, changes to affiliations are refused as bad input.
        ("GET" | "POST", "/people/{id}/affiliations") => coordinators,
        // The library: reading is public (what a visitor may not see is "not found").
        ("GET", "/library" | "/library/{id}" | "/files/{sha}/{name}") => public,
        ("GET", "/practices" | "/practices/{id}" | "/practices/{id}/sheet") => public,
        ("GET", "/compendiums" | "/compendiums/{slug}" | "/compendiums/{slug}/pdf") => public,
        ("GET", "/api/v1/resources" | "/api/v1/resources/{id}") => public,
        ("GET", "/api/v1/practices" | "/api/v1/practices/{id}") => public,
        ("GET", "/practices/mine") => members_only,
        ("GET" | "POST", "/library/new") => coordinators,
        ("GET" | "POST", "/library/{id}/edit") | ("POST", "/library/{id}/delete") => coordinators,
        // Editions (an unknown one here): staff only; sent without `confirm`, a delete is 400.
        ("GET" | "POST", "/compendiums/{slug}/describe")
        | ("POST", "/compendiums/{slug}/delete") => coordinators,
        // Deleting A's draft: its focal point and staff get 400 (no `confirm` is sent, so
        // the shared draft stays); everyone else is refused before the confirmation.
        ("POST", "/practices/{id}/delete") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => Allowed,
            _ => Forbidden,
        },
        ("POST", "/library/{id}/versions") => coordinators,
        ("GET", "/library/review") => coordinators,
        ("GET" | "POST", "/compendiums/new" | "/compendiums/{slug}/edit") => coordinators,
        // Starting a practice: focal points (for their municipality) and staff.
        ("GET" | "POST", "/practices/new") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::FocalPointOfB | Who::Coordinator | Who::Admin => Allowed,
            _ => Forbidden,
        },
        // A draft of municipality A: its focal point and staff change it and see its versions.
        ("GET" | "POST", "/practices/{id}/edit/{step}")
        | ("POST", "/practices/{id}/attachments")
        | ("GET", "/practices/{id}/versions") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => Allowed,
            _ => Forbidden,
        },
        // Commenting on A's draft: its focal point and staff.
        ("POST", "/practices/{id}/review") => match who {
            Who::Anonymous => SignIn,
            Who::FocalPointOfA | Who::Coordinator | Who::Admin => Allowed,
            _ => Forbidden,
        },
        // Events: reading and calendars are public; a members-only event is
        // "not found" to visitors. Registering needs an account; running
        // events is the coordinators' work.
        ("GET", "/events" | "/events.ics" | "/events/calendar.ics" | "/events/{slug}")
        | ("GET", "/events/{slug}/calendar.ics" | "/series/{slug}/calendar.ics")
        | ("GET", "/calendar/{token}/events.ics")
        | ("GET", "/api/v1/events" | "/api/v1/events/{slug}") => public,
        ("GET" | "POST", "/events/mine") => members_only,
        ("GET", "/search" | "/api/v1/search") => public,
        (
            "POST",
            "/events/{slug}/register" | "/events/{slug}/cancel" | "/events/{slug}/consent",
        ) => members_only,
        ("GET" | "POST", "/events/new" | "/events/{slug}/edit")
        | ("POST", "/events/{slug}/clone")
        | ("GET" | "POST", "/events/{slug}/programme")
        | ("GET" | "POST", "/events/{slug}/registrations")
        | ("GET" | "POST", "/events/{slug}/outcomes") => coordinators,
        // Consultations: reading follows each dilemma's visibility (the demo
        // dilemma here is public); taking part needs an account.
        ("GET", "/consultations" | "/consultations/{slug}")
        | ("GET", "/api/v1/dilemmas" | "/api/v1/dilemmas/{slug}")
        | ("GET", "/events/{slug}/clinics/{session}")
        | ("GET", "/events/{slug}/clinics/{session}/report")
        | ("GET", "/events/{slug}/clinics/{session}/report.pdf")
        | ("GET", "/events/{slug}/consultations" | "/events/{slug}/consultations.pdf") => public,
        ("GET" | "POST", "/consultations/new") => members_only,
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
        ) => members_only,
        // Leading a dilemma: its presenter (nobody here: a demo dilemma) and staff.
        (
            "POST",
            "/consultations/{slug}/open"
            | "/consultations/{slug}/ideas"
            | "/consultations/{slug}/archive",
        ) => coordinators,
        ("GET", "/consultations/moderation") | ("POST", "/consultations/{slug}/moderate") => {
            coordinators
        }
        _ => return None,
    })
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
    let actor = majlis::accounts::policy::Actor {
        person_id: focal,
        role: Role::Member,
        focal_point_of: vec![a],
    };
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
    World {
        people,
        target,
        sahinbey: a,
        giz,
        draft,
        resource,
        event,
        clinic,
    }
}

fn concrete(path: &str, w: &World, css: &str) -> String {
    match path {
        "/municipalities/{slug}" => "/municipalities/sahinbey".into(),
        "/municipalities/{slug}/edit" => "/municipalities/sahinbey/edit".into(),
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
        let routes = majlis::web::routes();
        let mut unknown = Vec::new();
        let mut wrong = Vec::new();
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
                        let t = signin::random_token();
                        (format!("majlis_csrf={t}"), t)
                    }
                };
                let url = concrete(route.path, &w, &css);
                let upload = matches!(
                    route.path,
                    "/library/new"
                        | "/library/{id}/versions"
                        | "/library/{id}/edit"
                        | "/practices/{id}/attachments"
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
                    StatusCode::FORBIDDEN => Expect::Forbidden,
                    s if s.is_server_error() => panic!("{} {url} as {who:?}: {s}", route.method),
                    _ => Expect::Allowed,
                };
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
    }
);

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
