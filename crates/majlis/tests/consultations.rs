//! Peer consultations: the online flow from a draft to a result found by
//! search and shown on the practice it used; participants-only dilemmas
//! hidden by link, API and search; a double click stored once; moderation;
//! a live clinic at the demo's Urban Academy session with its report as HTML
//! and PDF; the API's filters. Both databases.

mod common;

use axum::http::StatusCode;
use chrono::Utc;
use common::TestApp;
use majlis::accounts::affiliation;
use majlis::consultations::entities::{contribution, dilemma, dilemma_participant};
use majlis::directory::entities::{municipality_theme, theme};
use majlis::events::entities::{event, event_session};
use majlis::library::entities::practice;
use majlis::mail::queue;
use majlis::policy::Role;
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn affiliate(app: &TestApp, person_id: i32, municipality_id: i32) {
    let tx = app.db.begin_write().await.unwrap();
    affiliation::ActiveModel {
        person_id: Set(person_id),
        municipality_id: Set(Some(municipality_id)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(false),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

async fn theme_id(app: &TestApp, slug: &str) -> i32 {
    theme::Entity::find()
        .filter(theme::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}

/// The slug a successful form sent us to.
fn slug_of(location: &str) -> String {
    location
        .trim_start_matches("/consultations/")
        .split(['?', '#'])
        .next()
        .unwrap()
        .to_owned()
}

async fn dilemma_by_slug(app: &TestApp, slug: &str) -> dilemma::Model {
    dilemma::Entity::find()
        .filter(dilemma::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
}

async fn contributions(app: &TestApp, dilemma_id: i32) -> Vec<contribution::Model> {
    contribution::Entity::find()
        .filter(contribution::Column::DilemmaId.eq(dilemma_id))
        .all(app.db.read())
        .await
        .unwrap()
}

/// Put a dilemma to peers through the form; returns its slug.
async fn new_dilemma(
    app: &TestApp,
    cookie: &str,
    csrf: &str,
    question: &str,
    visibility: &str,
    theme: i32,
) -> String {
    let r = app
        .post_form(
            "/consultations/new",
            &[
                ("csrf", csrf),
                ("question", question),
                (
                    "information",
                    "We tried evening classes; attendance stayed low.",
                ),
                ("theme", &theme.to_string()),
                ("help", "experience"),
                ("country", "TR"),
                ("city", "Gaziantep"),
                ("visibility", visibility),
                ("period", "14"),
            ],
            cookie,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    slug_of(r.header("location").unwrap())
}

db_test!(
    async fn the_online_flow_from_draft_to_a_result_found_by_search(app) {
        app.load_demo().await;
        let presenter = common::person(app, "presenter@example.org", Role::Member).await;
        let peer = common::person(app, "peer@example.org", Role::Member).await;
        let education = theme_id(app, "education").await;
        // A peer whose municipality works on the dilemma's theme is suggested.
        let muni = municipality_theme::Entity::find()
            .filter(municipality_theme::Column::ThemeId.eq(education))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("a demo municipality works on education")
            .municipality_id;
        affiliate(app, peer, muni).await;
        let (pc, pcsrf) = app.session_for(presenter).await;
        let (qc, qcsrf) = app.session_for(peer).await;

        // Bad input: a translated message, the typed values kept, nothing stored.
        let before = dilemma::Entity::find().count(app.db.read()).await.unwrap();
        let bad = app
            .post_form(
                "/consultations/new",
                &[
                    ("csrf", &pcsrf),
                    ("question", "Short?"),
                    ("city", "Kilis typed"),
                    ("visibility", "members"),
                    ("period", "99"),
                    ("country", "XX"),
                ],
                &pc,
            )
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.body.contains("at least 10 characters"), "{}", bad.body);
        assert!(bad.body.contains("from 1 to 60"));
        assert!(bad.body.contains("Kilis typed"), "the form keeps what was typed");
        assert_eq!(dilemma::Entity::find().count(app.db.read()).await.unwrap(), before);

        let slug = new_dilemma(
            app,
            &pc,
            &pcsrf,
            "How can we keep refugee pupils in evening vocational classes beyond the first month?",
            "members",
            education,
        )
        .await;
        let d = dilemma_by_slug(app, &slug).await;
        assert_eq!(d.status, "draft");
        // A draft is the presenter's alone.
        assert_eq!(app.get_with(&format!("/consultations/{slug}"), &[("cookie", &qc)]).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_with(&format!("/consultations/{slug}"), &[("cookie", &pc)]).await.status, StatusCode::OK);

        // Opened for its period: open questions only.
        let r = app.post_form(&format!("/consultations/{slug}/open"), &[("csrf", &pcsrf)], &pc).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let d = dilemma_by_slug(app, &slug).await;
        assert_eq!(d.status, "open");
        assert_eq!((d.closes_at.unwrap() - d.opens_at.unwrap()).num_days(), 14);

        // The presenter sees the suggested peer and invites them; they get an email.
        let page = app.get_with(&format!("/consultations/{slug}"), &[("cookie", &pc)]).await;
        assert!(page.body.contains("peer@example.org"), "the peer is suggested");
        let r = app
            .post_form(&format!("/consultations/{slug}/invite"), &[("csrf", &pcsrf), ("person", &peer.to_string())], &pc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let invited = dilemma_participant::Entity::find_by_id((d.id, peer)).one(app.db.read()).await.unwrap();
        assert_eq!(invited.unwrap().role, "invited");
        let mailer = majlis::mail::Mailer::from_settings(&app.settings).unwrap();
        queue::deliver(&app.db, &mailer, "test", Utc::now(), 100).await.unwrap();
        // Quoted-printable: soft line breaks joined.
        let mails: Vec<String> = app.mails().iter().map(|m| m.replace("=\r\n", "")).collect();
        assert!(mails.iter().any(|m| m.contains("peer@example.org") && m.contains(&format!("/consultations/{slug}"))), "{mails:?}");

        // An idea in the first phase is refused and nothing is stored.
        let idea = app
            .post_form(
                &format!("/consultations/{slug}/contribute"),
                &[("csrf", &qcsrf), ("kind", "idea"), ("text", "Pay a small travel allowance"), ("key", "00112233445566778899aabbccddeeff")],
                &qc,
            )
            .await;
        assert_eq!(idea.status, StatusCode::BAD_REQUEST);
        assert!(idea.body.contains("second phase"), "{}", idea.body);
        assert!(idea.body.contains("Pay a small travel allowance"), "kept");
        assert!(contributions(app, d.id).await.is_empty());

        // An open question, sent twice by a double click: stored once.
        let key = "a1a2a3a4a5a6a7a8a9b0b1b2b3b4b5b6";
        for _ in 0..2 {
            let r = app
                .post_form(
                    &format!("/consultations/{slug}/contribute"),
                    &[("csrf", &qcsrf), ("kind", "question"), ("text", "Who teaches these evening classes now?"), ("key", key)],
                    &qc,
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let said = contributions(app, d.id).await;
        assert_eq!(said.len(), 1, "a double click is stored once");
        let question = said[0].id;

        // Ideas wait until every question has its answer.
        let early = app.post_form(&format!("/consultations/{slug}/ideas"), &[("csrf", &pcsrf)], &pc).await;
        assert_eq!(early.status, StatusCode::BAD_REQUEST);
        assert_eq!(dilemma_by_slug(app, &slug).await.status, "open");
        // Only the presenter answers.
        let theirs = app
            .post_form(&format!("/consultations/{slug}/answer"), &[("csrf", &qcsrf), ("contribution", &question.to_string()), ("answer", "Me")], &qc)
            .await;
        assert_eq!(theirs.status, StatusCode::FORBIDDEN);
        let r = app
            .post_form(
                &format!("/consultations/{slug}/answer"),
                &[("csrf", &pcsrf), ("contribution", &question.to_string()), ("answer", "Volunteers from the chamber of commerce.")],
                &pc,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let r = app.post_form(&format!("/consultations/{slug}/ideas"), &[("csrf", &pcsrf)], &pc).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(dilemma_by_slug(app, &slug).await.status, "in-discussion");

        // Second phase: a practice from the library, marked as helpful.
        let practice_id = practice::Entity::find()
            .filter(practice::Column::Status.eq("published"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id;
        let r = app
            .post_form(
                &format!("/consultations/{slug}/contribute"),
                &[
                    ("csrf", &qcsrf),
                    ("kind", "link"),
                    ("text", "Our community centre ran the same classes with childcare."),
                    ("practice", &practice_id.to_string()),
                    ("key", "c0c1c2c3c4c5c6c7c8c9d0d1d2d3d4d5"),
                ],
                &qc,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // And a document from the library.
        let document = majlis::library::entities::resource::Entity::find()
            .filter(majlis::library::entities::resource::Column::Slug.eq("compendium-2017"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id;
        let r = app
            .post_form(
                &format!("/consultations/{slug}/contribute"),
                &[
                    ("csrf", &qcsrf),
                    ("kind", "link"),
                    ("text", "The 2017 compendium has a chapter on this."),
                    ("resource", &document.to_string()),
                    ("key", "e0e1e2e3e4e5e6e7e8e9f0f1f2f3f4f5"),
                ],
                &qc,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let document_page = app.get_with(&format!("/library/{document}"), &[("cookie", &qc)]).await;
        assert!(document_page.body.contains(&format!("/consultations/{slug}")), "the document lists the consultation");
        let link = contributions(app, d.id).await.into_iter().find(|c| c.kind == "link" && c.practice_id.is_some()).unwrap();
        assert_eq!(link.practice_id, Some(practice_id));
        let r = app
            .post_form(&format!("/consultations/{slug}/helped"), &[("csrf", &pcsrf), ("contribution", &link.id.to_string()), ("helped", "yes")], &pc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        // The conclusion: empty is refused; then the dilemma closes with its result.
        let empty = app.post_form(&format!("/consultations/{slug}/conclude"), &[("csrf", &pcsrf), ("result", "  ")], &pc).await;
        assert_eq!(empty.status, StatusCode::BAD_REQUEST);
        let r = app
            .post_form(
                &format!("/consultations/{slug}/conclude"),
                &[("csrf", &pcsrf), ("result", "Childcare during classes and a mentor per pupil keep attendance up; a pilot with zanzibarian timetables follows.")],
                &pc,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let d = dilemma_by_slug(app, &slug).await;
        assert_eq!(d.status, "concluded");
        // Concluded: no more contributions.
        let late = app
            .post_form(&format!("/consultations/{slug}/contribute"), &[("csrf", &qcsrf), ("kind", "idea"), ("text", "One more idea")], &qc)
            .await;
        assert_eq!(late.status, StatusCode::BAD_REQUEST);

        // The result is found by search and shown on the practice it used.
        app.index().await;
        let found = app.get_with("/api/v1/search?q=zanzibarian", &[("cookie", &qc)]).await.json();
        assert_eq!(found["items"][0]["url"], format!("/consultations/{slug}"), "{found}");
        let hidden = app.get("/api/v1/search?q=zanzibarian").await.json();
        assert_eq!(hidden["total"], 0, "a members' consultation is not found by visitors");
        let practice_page = app.get_with(&format!("/practices/{practice_id}"), &[("cookie", &qc)]).await;
        assert!(practice_page.body.contains(&format!("/consultations/{slug}")), "the practice lists the consultation");
        // The API gives the contributions and the result.
        let api = app.get_with(&format!("/api/v1/dilemmas/{slug}"), &[("cookie", &qc)]).await.json();
        assert_eq!(api["status"], "concluded");
        assert!(api["result"].as_str().unwrap().contains("zanzibarian"));
        assert_eq!(api["contributions"].as_array().unwrap().len(), 3);
        assert_eq!(api["contributions"][0]["answer"], "Volunteers from the chamber of commerce.");
        assert_eq!(api["contributions"][1]["helped"], true);
    }
);

db_test!(
    async fn participants_only_consultations_stay_hidden(app) {
        app.load_demo().await;
        let presenter = common::person(app, "owner@example.org", Role::Member).await;
        let invited = common::person(app, "invited@example.org", Role::Member).await;
        let outsider = common::person(app, "outsider@example.org", Role::Member).await;
        let coord = common::person(app, "coord@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let (pc, pcsrf) = app.session_for(presenter).await;
        let education = theme_id(app, "education").await;
        let slug = new_dilemma(app, &pc, &pcsrf, "How do we talk about the quarrelsome xylophonic budget with the council?", "participants", education).await;
        app.post_form(&format!("/consultations/{slug}/open"), &[("csrf", &pcsrf)], &pc).await;
        let r = app
            .post_form(&format!("/consultations/{slug}/invite"), &[("csrf", &pcsrf), ("person", &invited.to_string())], &pc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        app.index().await;
        let (ic, _) = app.session_for(invited).await;
        let (oc, ocsrf) = app.session_for(outsider).await;
        let (cc, _) = app.session_for(coord).await;
        let page = format!("/consultations/{slug}");
        let api = format!("/api/v1/dilemmas/{slug}");
        // Visitors and members who do not take part: not found, by link, API, list or search.
        for cookie in ["", oc.as_str()] {
            let h: Vec<(&str, &str)> = if cookie.is_empty() { vec![] } else { vec![("cookie", cookie)] };
            assert_eq!(app.get_with(&page, &h).await.status, StatusCode::NOT_FOUND);
            assert_eq!(app.get_with(&api, &h).await.status, StatusCode::NOT_FOUND);
            let list = app.get_with("/api/v1/dilemmas?per_page=100", &h).await.json();
            assert!(!list.to_string().contains(&slug));
            let s = app.get_with("/api/v1/search?q=xylophonic", &h).await.json();
            assert_eq!(s["total"], 0, "{s}");
        }
        // Nor can they take part by sending the form.
        let r = app
            .post_form(&format!("/consultations/{slug}/contribute"), &[("csrf", &ocsrf), ("kind", "question"), ("text", "May I?")], &oc)
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        // The invited peer and staff read it and find it.
        for cookie in [ic.as_str(), cc.as_str()] {
            assert_eq!(app.get_with(&page, &[("cookie", cookie)]).await.status, StatusCode::OK);
            let s = app.get_with("/api/v1/search?q=xylophonic", &[("cookie", cookie)]).await.json();
            assert_eq!(s["total"], 1, "{s}");
        }
    }
);

db_test!(
    async fn a_double_click_sent_at_once_is_stored_once(app) {
        let presenter = common::person(app, "p@example.org", Role::Member).await;
        let peer = common::person(app, "q@example.org", Role::Member).await;
        let (pc, pcsrf) = app.session_for(presenter).await;
        let (qc, qcsrf) = app.session_for(peer).await;
        let education = theme_id(app, "education").await;
        let slug = new_dilemma(app, &pc, &pcsrf, "How can two clicks become one contribution in our city?", "members", education).await;
        app.post_form(&format!("/consultations/{slug}/open"), &[("csrf", &pcsrf)], &pc).await;
        let path = format!("/consultations/{slug}/contribute");
        let form = [("csrf", qcsrf.as_str()), ("kind", "question"), ("text", "What happened last time?"), ("key", "feedfacefeedfacefeedfacefeedface")];
        let (a, b) = tokio::join!(app.post_form(&path, &form, &qc), app.post_form(&path, &form, &qc));
        assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
        assert_eq!(b.status, StatusCode::SEE_OTHER, "{}", b.body);
        let d = dilemma_by_slug(app, &slug).await;
        assert_eq!(contributions(app, d.id).await.len(), 1);
        // A malformed key is ignored (the contribution is still taken).
        let r = app
            .post_form(&path, &[("csrf", &qcsrf), ("kind", "question"), ("text", "And before?"), ("key", "not-a-key")], &qc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(contributions(app, d.id).await.len(), 2);
    }
);

db_test!(
    async fn moderation_hides_with_a_reason_in_the_audit_log(app) {
        let presenter = common::person(app, "p@example.org", Role::Member).await;
        let peer = common::person(app, "q@example.org", Role::Member).await;
        let coord = common::person(app, "c@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let (pc, pcsrf) = app.session_for(presenter).await;
        let (qc, qcsrf) = app.session_for(peer).await;
        let (cc, ccsrf) = app.session_for(coord).await;
        let education = theme_id(app, "education").await;
        let slug = new_dilemma(app, &pc, &pcsrf, "How do we handle rude remarks in our consultations?", "public", education).await;
        app.post_form(&format!("/consultations/{slug}/open"), &[("csrf", &pcsrf)], &pc).await;
        app.post_form(&format!("/consultations/{slug}/contribute"), &[("csrf", &qcsrf), ("kind", "question"), ("text", "A remark nobody should read")], &qc).await;
        let d = dilemma_by_slug(app, &slug).await;
        let c = contributions(app, d.id).await.remove(0);
        // Reported by the presenter; visitors cannot report.
        let anon = app.post_form(&format!("/consultations/{slug}/flag"), &[("contribution", &c.id.to_string()), ("reason", "rude")], "").await;
        assert_eq!(anon.status, StatusCode::UNAUTHORIZED);
        let r = app
            .post_form(&format!("/consultations/{slug}/flag"), &[("csrf", &pcsrf), ("contribution", &c.id.to_string()), ("reason", "It is rude")], &pc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let queue_page = app.get_with("/consultations/moderation", &[("cookie", &cc)]).await;
        assert!(queue_page.body.contains("It is rude"), "{}", queue_page.body);
        // A member cannot hide; hiding needs a reason.
        let theirs = app
            .post_form(&format!("/consultations/{slug}/moderate"), &[("csrf", &qcsrf), ("contribution", &c.id.to_string()), ("action", "hide"), ("reason", "x")], &qc)
            .await;
        assert_eq!(theirs.status, StatusCode::FORBIDDEN);
        let no_reason = app
            .post_form(&format!("/consultations/{slug}/moderate"), &[("csrf", &ccsrf), ("contribution", &c.id.to_string()), ("action", "hide"), ("reason", "")], &cc)
            .await;
        assert_eq!(no_reason.status, StatusCode::BAD_REQUEST);
        assert!(!contributions(app, d.id).await[0].hidden);
        let r = app
            .post_form(&format!("/consultations/{slug}/moderate"), &[("csrf", &ccsrf), ("contribution", &c.id.to_string()), ("action", "hide"), ("reason", "Insulting wording")], &cc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(contributions(app, d.id).await[0].hidden);
        let audit = majlis::audit::entity::Entity::find()
            .filter(majlis::audit::entity::Column::Action.eq("contribution.hide"))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("the hiding is in the audit log");
        assert_eq!(audit.actor_id, Some(coord));
        assert_eq!(audit.detail.as_deref(), Some("Insulting wording"));
        let public = app.get(&format!("/consultations/{slug}")).await;
        assert!(!public.body.contains("A remark nobody should read"));
        let api = app.get(&format!("/api/v1/dilemmas/{slug}")).await.json();
        assert_eq!(api["contributions"].as_array().unwrap().len(), 0);
        let queue_page = app.get_with("/consultations/moderation", &[("cookie", &cc)]).await;
        assert!(!queue_page.body.contains("It is rude"), "handled reports leave the queue");
        // Restored.
        app.post_form(&format!("/consultations/{slug}/moderate"), &[("csrf", &ccsrf), ("contribution", &c.id.to_string()), ("action", "restore"), ("reason", "Reworded by its author")], &cc).await;
        assert!(!contributions(app, d.id).await[0].hidden);
    }
);

db_test!(
    async fn a_live_clinic_at_the_urban_academy_and_its_report(app) {
        let report = app.load_demo().await;
        assert!(report.created > 0);
        assert_eq!(dilemma::Entity::find().filter(dilemma::Column::SessionId.is_not_null()).count(app.db.read()).await.unwrap(), 28, "every Urban Academy dilemma");
        // And the demo's consultation open online, dated from the load.
        assert_eq!(dilemma::Entity::find().count(app.db.read()).await.unwrap(), 29);
        let again = app.load_demo().await;
        assert_eq!(again.created, 0, "a second load adds nothing");
        let coord = common::person(app, "coord@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let member = common::person(app, "member@example.org", Role::Member).await;
        let (cc, ccsrf) = app.session_for(coord).await;
        let (mc, mcsrf) = app.session_for(member).await;
        let ua = event::Entity::find().filter(event::Column::Slug.eq("urban-academy-1-education")).one(app.db.read()).await.unwrap().unwrap();
        let clinic = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(ua.id))
            .filter(event_session::Column::Kind.eq("consultation-clinic"))
            .filter(event_session::Column::ParentId.is_null())
            .all(app.db.read())
            .await
            .unwrap();
        assert_eq!(clinic.len(), 4);
        let base = format!("/events/urban-academy-1-education/clinics/{}", clinic[0].id);
        let page = app.get(&base).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Ceri Hutton") && page.body.contains("Laurent Bontoux"), "facilitator and rapporteur");
        assert!(page.body.contains("Eveline Hamers"));
        // A member who is not the rapporteur cannot record.
        let r = app.post_form(&base, &[("csrf", &mcsrf), ("action", "queue"), ("question", "Mine?"), ("presenter", "Me")], &mc).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        // Bad input changes nothing and keeps what was typed.
        let r = app.post_form(&base, &[("csrf", &ccsrf), ("action", "queue"), ("question", "How can a late question be heard?"), ("presenter", "")], &cc).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(r.body.contains("How can a late question be heard?"));
        assert_eq!(dilemma::Entity::find().count(app.db.read()).await.unwrap(), 29, "nothing added to the demo's 29");
        // The coordinator queues a dilemma, records a question and a practice, and the result.
        let r = app
            .post_form(&base, &[("csrf", &ccsrf), ("action", "queue"), ("question", "How can rural schools share one interpreter pool?"), ("presenter", "Jana Novak"), ("affiliation", "City of Ljubljana"), ("country", "SI"), ("information", "Three schools, one interpreter.")], &cc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let d = dilemma::Entity::find().filter(dilemma::Column::PresenterName.eq("Jana Novak")).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(d.session_id, Some(clinic[0].id));
        assert_eq!(d.position, 5, "after the four demo questions");
        let practice_id = practice::Entity::find().filter(practice::Column::Status.eq("published")).one(app.db.read()).await.unwrap().unwrap().id;
        for (kind, text, practice) in [("question", "How far apart are the schools?", String::new()), ("experience", "A shared interpreter rota worked in the partner city.", practice_id.to_string())] {
            let r = app
                .post_form(&base, &[("csrf", &ccsrf), ("action", "record"), ("dilemma", &d.id.to_string()), ("kind", kind), ("text", text), ("author_name", "Ceri Hutton"), ("practice", &practice)], &cc)
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let r = app
            .post_form(&base, &[("csrf", &ccsrf), ("action", "result"), ("dilemma", &d.id.to_string()), ("result", "Pool the interpreter budget across the three schools.")], &cc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert_eq!(dilemma_by_slug(app, &d.slug).await.status, "concluded");
        let r = app
            .post_form(&base, &[("csrf", &ccsrf), ("action", "wrapup"), ("author", "Ana-Maria Stan"), ("wrapup", "Interpreters are scarce everywhere; share them.")], &cc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        // Withdrawn, the report is the recorders' preview; published, everyone reads it.
        app.post_form(&base, &[("csrf", &ccsrf), ("action", "withdraw")], &cc).await;
        assert_eq!(app.get(&format!("{base}/report")).await.status, StatusCode::NOT_FOUND);
        assert_eq!(app.get_with(&format!("{base}/report"), &[("cookie", &cc)]).await.status, StatusCode::OK);
        app.post_form(&base, &[("csrf", &ccsrf), ("action", "publish")], &cc).await;
        let html = app.get(&format!("{base}/report")).await;
        assert_eq!(html.status, StatusCode::OK);
        for want in ["Ceri Hutton", "Eveline Hamers", "How can rural schools share one interpreter pool?", "How far apart are the schools?", "Pool the interpreter budget", "Interpreters are scarce everywhere"] {
            assert!(html.body.contains(want), "report lacks {want}");
        }
        let pdf = app.get(&format!("{base}/report.pdf")).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        let text = common::pdf_text(&pdf.bytes);
        assert!(text.contains("Pool the interpreter budget"), "{text}");
        assert!(text.contains("Laurent Bontoux"));
        // The module's report gathers the four sessions and the closing wrap-up.
        let module = app.get("/events/urban-academy-1-education/consultations").await;
        assert_eq!(module.status, StatusCode::OK);
        assert_eq!(module.texts("article.report-dilemma").len(), 15);
        assert!(module.body.contains("Aliyyah Ahad"));
        let ar = app.get("/events/urban-academy-1-education/consultations.pdf?lang=ar").await;
        assert_eq!(ar.status, StatusCode::OK);
        assert!(common::pdf_text(&ar.bytes).contains("Eveline Hamers"));
    }
);

db_test!(
    async fn the_api_filters_dilemmas(app) {
        app.load_demo().await;
        let all = app.get("/api/v1/dilemmas?per_page=100").await.json();
        // The 28 Urban Academy dilemmas and the demo's consultation open online.
        assert_eq!(all["total"], 29);
        let edu = app.get("/api/v1/dilemmas?event=urban-academy-1-education").await.json();
        assert_eq!(edu["total"], 14);
        let nl = app.get("/api/v1/dilemmas?country=NL&per_page=100").await.json();
        assert!(nl["items"].as_array().unwrap().iter().all(|d| d["country"] == "NL"));
        assert!(nl["total"].as_u64().unwrap() >= 2, "Amsterdam and Tilburg");
        let concluded = app.get("/api/v1/dilemmas?status=concluded&per_page=100").await.json();
        assert!(concluded["items"].as_array().unwrap().iter().all(|d| d["status"] == "concluded"));
        let education = app.get("/api/v1/dilemmas?theme=education&per_page=100").await.json();
        assert!(education["items"].as_array().unwrap().iter().all(|d| d["themes"].as_array().unwrap().iter().any(|t| t == "education")));
        let bad = app.get("/api/v1/dilemmas?status=sleeping").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad.json()["code"], "bad-request");
        let one = app.get("/api/v1/dilemmas/ua1-education-s1-q1").await.json();
        assert_eq!(one["presenter"], "Eveline Hamers");
        assert!(one["result"].as_str().unwrap().contains("Qualification Passport"));
        assert!(!one["contributions"].as_array().unwrap().is_empty());
        // Discussed together: the second shows the first's result.
        let joint = dilemma::Entity::find().filter(dilemma::Column::JointWith.is_not_null()).one(app.db.read()).await.unwrap().unwrap();
        let j = app.get(&format!("/api/v1/dilemmas/{}", joint.slug)).await.json();
        assert!(j["result"].is_string(), "{j}");
        assert_eq!(j["discussed_with"].as_array().unwrap().len(), 1);
        assert_eq!(app.get("/api/v1/dilemmas/no-such-dilemma").await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn consultation_pages_run_a_bounded_number_of_queries(app) {
        app.load_demo().await;
        let ua = event::Entity::find().filter(event::Column::Slug.eq("urban-academy-1-education")).one(app.db.read()).await.unwrap().unwrap();
        let sessions = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(ua.id))
            .filter(event_session::Column::Kind.eq("consultation-clinic"))
            .filter(event_session::Column::ParentId.is_null())
            .all(app.db.read())
            .await
            .unwrap();
        let mut counts = Vec::new();
        for s in &sessions {
            let n = dilemma::Entity::find().filter(dilemma::Column::SessionId.eq(s.id)).count(app.db.read()).await.unwrap();
            let r = app.get(&format!("/events/urban-academy-1-education/clinics/{}", s.id)).await;
            assert_eq!(r.status, StatusCode::OK);
            counts.push((n, r.queries()));
        }
        let (few, many) = (counts.iter().min_by_key(|c| c.0).unwrap(), counts.iter().max_by_key(|c| c.0).unwrap());
        assert!(few.0 < many.0, "{counts:?}");
        assert_eq!(few.1, many.1, "a clinic of {} dilemmas and one of {} run the same queries: {counts:?}", few.0, many.0);
        assert!(many.1 <= 30, "{counts:?}");
        // The module's report (four sessions) runs what one session's page
        // runs, plus the closing session's wrap-ups and their organisations.
        let module = app.get("/events/urban-academy-1-education/consultations").await;
        assert!(module.queries() <= many.1 + 2, "{} > {} + 2", module.queries(), many.1);
        // A dilemma with many contributions and one with none.
        let with_ideas = app.get("/consultations/ua1-education-s1-q1").await;
        let without = app.get("/consultations/ua1-education-s1-q4").await;
        assert_eq!(with_ideas.status, StatusCode::OK);
        assert_eq!(without.status, StatusCode::OK);
        assert_eq!(with_ideas.queries(), without.queries());
        // The list: the same for 5 rows as for 28.
        let five = app.get("/consultations?per_page=5").await.queries();
        let all = app.get("/consultations?per_page=50").await.queries();
        assert_eq!(five, all);
        assert!(all <= 6, "{all}");
    }
);

db_test!(
    async fn a_deleted_account_leaves_its_words_to_a_former_member_or_takes_them(app) {
        let keeper = common::person(app, "keeper@example.org", Role::Member).await;
        let leaver = common::person(app, "leaver@example.org", Role::Member).await;
        let other = common::person(app, "other@example.org", Role::Member).await;
        let education = theme_id(app, "education").await;
        let (kc, kcsrf) = app.session_for(keeper).await;
        let (lc, lcsrf) = app.session_for(leaver).await;
        let (oc, ocsrf) = app.session_for(other).await;
        let kept = new_dilemma(app, &kc, &kcsrf, "Whose words stay after an account is deleted here?", "public", education).await;
        let gone = new_dilemma(app, &lc, &lcsrf, "Whose words go when their author asks for it here?", "public", education).await;
        for (slug, cookie, csrf) in [(&kept, &kc, &kcsrf), (&gone, &lc, &lcsrf)] {
            app.post_form(&format!("/consultations/{slug}/open"), &[("csrf", csrf.as_str())], cookie).await;
        }
        // Each asks a question on the other's dilemma; a third member asks on the leaver's.
        app.post_form(&format!("/consultations/{gone}/contribute"), &[("csrf", &kcsrf), ("kind", "question"), ("text", "The keeper asks this")], &kc).await;
        app.post_form(&format!("/consultations/{kept}/contribute"), &[("csrf", &lcsrf), ("kind", "question"), ("text", "The leaver asks this")], &lc).await;
        app.post_form(&format!("/consultations/{gone}/contribute"), &[("csrf", &ocsrf), ("kind", "question"), ("text", "A third member asks this")], &oc).await;

        // The keeper deletes the account and keeps what they wrote.
        let r = app
            .post_form("/account/delete", &[("csrf", &kcsrf), ("password", common::PASSWORD), ("delete_content", "no")], &kc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let page = app.get(&format!("/consultations/{kept}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("A former member"), "the presenter is shown as a former member");
        assert!(!page.body.contains("keeper@example.org"));
        let theirs = app.get(&format!("/consultations/{gone}")).await;
        assert!(theirs.body.contains("The keeper asks this"));
        assert!(theirs.body.contains("A former member"));

        // The leaver deletes the account and what they wrote.
        let r = app
            .post_form("/account/delete", &[("csrf", &lcsrf), ("password", common::PASSWORD), ("delete_content", "yes")], &lc)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(app.get(&format!("/consultations/{gone}")).await.status, StatusCode::NOT_FOUND);
        let kept_page = app.get(&format!("/consultations/{kept}")).await;
        assert!(!kept_page.body.contains("The leaver asks this"), "their question went with them");
        let left = contribution::Entity::find().all(app.db.read()).await.unwrap();
        assert!(left.iter().all(|c| c.author_id != Some(leaver)));
        assert!(!left.iter().any(|c| c.body.original() == "A third member asks this"), "the dilemma went with what was said in it");
    }
);

db_test!(
    async fn a_rapporteur_marks_two_dilemmas_discussed_together(app) {
        app.load_demo().await;
        let coord = common::person(app, "coord@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let (cc, ccsrf) = app.session_for(coord).await;
        let ua = event::Entity::find().filter(event::Column::Slug.eq("urban-academy-1-civil-society")).one(app.db.read()).await.unwrap().unwrap();
        let s = event_session::Entity::find()
            .filter(event_session::Column::EventId.eq(ua.id))
            .filter(event_session::Column::Kind.eq("consultation-clinic"))
            .filter(event_session::Column::ParentId.is_null())
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let queued = dilemma::Entity::find().filter(dilemma::Column::SessionId.eq(s.id)).all(app.db.read()).await.unwrap();
        let (a, b) = (&queued[0], &queued[1]);
        let base = format!("/events/urban-academy-1-civil-society/clinics/{}", s.id);
        let r = app.post_form(&base, &[("csrf", &ccsrf), ("action", "joint"), ("dilemma", &b.id.to_string()), ("with", &a.id.to_string())], &cc).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // A dilemma cannot be joined to one that follows another, nor to itself.
        let c = &queued[2];
        let r = app.post_form(&base, &[("csrf", &ccsrf), ("action", "joint"), ("dilemma", &c.id.to_string()), ("with", &b.id.to_string())], &cc).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let r = app.post_form(&base, &[("csrf", &ccsrf), ("action", "joint"), ("dilemma", &c.id.to_string()), ("with", &c.id.to_string())], &cc).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        let api = app.get(&format!("/api/v1/dilemmas/{}", b.slug)).await.json();
        assert_eq!(api["discussed_with"][0], a.slug.as_str());
        // Separated again.
        app.post_form(&base, &[("csrf", &ccsrf), ("action", "joint"), ("dilemma", &b.id.to_string()), ("with", "")], &cc).await;
        assert!(dilemma_by_slug(app, &b.slug).await.joint_with.is_none());
    }
);

/// The options of the `<select id="{id}">` of a page.
fn select_options(body: &str, id: &str) -> Vec<String> {
    let start = body.find(&format!("<select id=\"{id}\"")).expect("select");
    let end = start + body[start..].find("</select>").expect("end of select");
    body[start..end]
        .split("<option value=\"")
        .skip(1)
        .filter_map(|o| o.split('"').next())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .collect()
}

db_test!(
    async fn contribution_forms_list_a_bounded_choice_and_accept_any_practice(app) {
        app.load_demo().await;
        let presenter = common::person(app, "lister@example.org", Role::Member).await;
        let peer = common::person(app, "linker@example.org", Role::Member).await;
        let education = theme_id(app, "education").await;
        let (pc, pcsrf) = app.session_for(presenter).await;
        let (qc, qcsrf) = app.session_for(peer).await;
        let slug = new_dilemma(
            app,
            &pc,
            &pcsrf,
            "How do we share school buildings with evening courses for adults?",
            "members",
            education,
        )
        .await;
        for step in ["open", "ideas"] {
            let r = app.post_form(&format!("/consultations/{slug}/{step}"), &[("csrf", &pcsrf)], &pc).await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{step}: {}", r.body);
        }

        // A library larger than a form should list: copies of a demo practice,
        // on no theme, named to sort after every demo practice.
        let model = practice::Entity::find()
            .filter(practice::Column::Status.eq("published"))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let tx = app.db.begin_write().await.unwrap();
        let mut copies = Vec::new();
        for i in 0..(majlis::consultations::routes::CHOICES as usize + 10) {
            let mut copy: practice::ActiveModel = model.clone().into();
            copy.id = sea_orm::ActiveValue::NotSet;
            copy.slug = Set(format!("zz-copy-{i:03}"));
            copies.push(copy.insert(&tx).await.unwrap().id);
        }
        tx.commit().await.unwrap();
        let on_theme: Vec<i32> = majlis::library::entities::practice_theme::Entity::find()
            .filter(majlis::library::entities::practice_theme::Column::ThemeId.eq(education))
            .all(app.db.read())
            .await
            .unwrap()
            .into_iter()
            .map(|t| t.practice_id)
            .collect();
        assert!(!on_theme.is_empty(), "a demo practice works on education");

        let page = app.get_with(&format!("/consultations/{slug}"), &[("cookie", &qc)]).await;
        assert_eq!(page.status, StatusCode::OK);
        let listed = select_options(&page.body, "i-practice");
        assert_eq!(listed.len(), majlis::consultations::routes::CHOICES as usize, "the list is bounded");
        for id in &on_theme {
            assert!(listed.contains(&id.to_string()), "practices on the dilemma's theme come first");
        }
        let last = *copies.last().unwrap();
        assert!(!listed.contains(&last.to_string()), "the list leaves some out");
        assert!(page.body.contains("paste its address below"), "the form says how to share the others");

        // A published practice the list leaves out can still be linked...
        let r = app
            .post_form(
                &format!("/consultations/{slug}/contribute"),
                &[
                    ("csrf", &qcsrf),
                    ("kind", "link"),
                    ("text", "This one is not in the list."),
                    ("practice", &last.to_string()),
                    ("key", "0a0b0c0d0e0f10111213141516171819"),
                ],
                &qc,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let d = dilemma_by_slug(app, &slug).await;
        assert_eq!(contributions(app, d.id).await[0].practice_id, Some(last));

        // ...but not a draft, nor one that does not exist: refused, nothing stored.
        let draft = copies[0];
        let mut unpublished: practice::ActiveModel = practice::Entity::find_by_id(draft).one(app.db.read()).await.unwrap().unwrap().into();
        unpublished.status = Set("draft".to_owned());
        let tx = app.db.begin_write().await.unwrap();
        unpublished.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        for (bad, key) in [(draft, "1a1b1c1d1e1f20212223242526272829"), (i32::MAX, "2a2b2c2d2e2f30313233343536373839")] {
            let r = app
                .post_form(
                    &format!("/consultations/{slug}/contribute"),
                    &[("csrf", &qcsrf), ("kind", "link"), ("text", "Refused link"), ("practice", &bad.to_string()), ("key", key)],
                    &qc,
                )
                .await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(r.body.contains("Refused link"), "the form keeps what was typed");
        }
        assert_eq!(contributions(app, d.id).await.len(), 1);

        // The address of a practice on this site, pasted, is linked as the practice;
        // the address of one the reader may not link stays a plain address.
        let site = app.settings.public_url();
        for (id, key) in [(copies[1], "3a3b3c3d3e3f40414243444546474849"), (draft, "4a4b4c4d4e4f50515253545556575859")] {
            let r = app
                .post_form(
                    &format!("/consultations/{slug}/contribute"),
                    &[("csrf", &qcsrf), ("kind", "link"), ("text", "Pasted address"), ("url", &format!("{site}/practices/{id}")), ("key", key)],
                    &qc,
                )
                .await;
            assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        }
        let mut said = contributions(app, d.id).await;
        said.sort_by_key(|c| c.id);
        let pasted: Vec<(Option<i32>, Option<String>)> = said[1..].iter().map(|c| (c.practice_id, c.url.clone())).collect();
        assert_eq!(pasted, vec![(Some(copies[1]), None), (None, Some(format!("{site}/practices/{draft}")))]);
    }
);
