//! Events: registration under load, the waiting list, calendars, reminders
//! that survive a dying node, the pages and the API. Both databases.

mod common;

use std::collections::BTreeMap;

use axum::http::StatusCode;
use chrono::{DateTime, Duration, Utc};
use common::TestApp;
use majlis::accounts::{Email, Password, people};
use majlis::audit::Origin;
use majlis::events::entities::{event, registration};
use majlis::events::registration::{self as reg, RegistrationError, Signup};
use majlis::events::{Answers, RegistrationStatus};
use majlis::i18n::{Locale, TrText};
use majlis::mail::queue;
use majlis::policy::{Actor, Role};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

async fn person(app: &TestApp, email: &str, role: Role) -> i32 {
    people::create(
        &app.db,
        &Email::parse(email).unwrap(),
        email,
        role,
        Locale::En,
        &Password::parse("events test password".into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap()
    .id
}

fn member(id: i32) -> Actor {
    Actor::with_role(id, Role::Member, vec![])
}

fn origin(id: i32) -> Origin {
    Origin {
        actor_id: Some(id),
        ip: "127.0.0.1".into(),
    }
}

/// An event open for registration, starting at `starts`.
async fn open_event(
    app: &TestApp,
    slug: &str,
    capacity: Option<i32>,
    starts: DateTime<Utc>,
) -> i32 {
    let tx = app.db.begin_write().await.unwrap();
    let e = event::ActiveModel {
        id: NotSet,
        slug: Set(slug.into()),
        series_id: Set(None),
        kind: Set("webinar".into()),
        status: Set("open".into()),
        visibility: Set("public".into()),
        title: Set(TrText::new(Locale::En, format!("Webinar {slug}")).unwrap()),
        summary: Set(None),
        context: Set(None),
        objectives: Set(None),
        expected_results: Set(None),
        audience: Set(None),
        starts_at: Set(starts),
        ends_at: Set(starts + Duration::hours(2)),
        date_approximate: Set(false),
        timezone: Set("Asia/Amman".into()),
        city: Set(None),
        country_code: Set(None),
        address: Set(None),
        online: Set(true),
        online_url: Set(Some("https://meet.example.org/secret-room".into())),
        languages: Set(",ar,en,".into()),
        interpretation: Set(None),
        capacity: Set(capacity),
        needs_approval: Set(false),
        registration_opens: Set(None),
        registration_closes: Set(None),
        questions: Set(None),
        report_id: Set(None),
        takeaways: Set(None),
        figures: Set(None),
        created_by: Set(None),
        created_at: Set(Utc::now()),
        updated_at: Set(Utc::now()),
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    e.id
}

fn signup() -> Signup {
    Signup {
        answers: Answers::default(),
        public_consent: false,
    }
}

async fn statuses(app: &TestApp, event_id: i32) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for r in registration::Entity::find()
        .filter(registration::Column::EventId.eq(event_id))
        .all(app.db.read())
        .await
        .unwrap()
    {
        *out.entry(r.status).or_default() += 1;
    }
    out
}

db_test!(
    async fn fifty_people_race_for_ten_places(app) {
        let starts = Utc::now() + Duration::days(10);
        let event_id = open_event(app, "race", Some(10), starts).await;
        let mut ids = Vec::new();
        for i in 0..50 {
            ids.push(person(app, &format!("racer{i}@example.org"), Role::Member).await);
        }
        let mut tasks = Vec::new();
        for id in ids {
            let db = app.db.clone();
            tasks.push(tokio::spawn(async move {
                reg::register(&db, &origin(id), &member(id), event_id, id, signup(), Utc::now()).await
            }));
        }
        let mut got: BTreeMap<&'static str, usize> = BTreeMap::new();
        for t in tasks {
            let status = t.await.unwrap().expect("every sign-up is acknowledged");
            *got.entry(status.code()).or_default() += 1;
        }
        assert_eq!(got.get("registered"), Some(&10), "{got:?}");
        assert_eq!(got.get("waiting"), Some(&40), "{got:?}");
        // What was acknowledged is what is stored.
        let stored = statuses(app, event_id).await;
        assert_eq!(stored.get("registered"), Some(&10), "{stored:?}");
        assert_eq!(stored.get("waiting"), Some(&40), "{stored:?}");
    }
);

db_test!(
    async fn a_cancellation_promotes_the_first_waiting_and_tells_them(app) {
        let starts = Utc::now() + Duration::days(3);
        let event_id = open_event(app, "promote", Some(2), starts).await;
        let mut ids = Vec::new();
        for i in 0..4 {
            let id = person(app, &format!("p{i}@example.org"), Role::Member).await;
            let s = reg::register(&app.db, &origin(id), &member(id), event_id, id, signup(), Utc::now())
                .await
                .unwrap();
            let want = if i < 2 { RegistrationStatus::Registered } else { RegistrationStatus::Waiting };
            assert_eq!(s, want, "person {i}");
            ids.push(id);
        }
        // Registering twice is refused and changes nothing.
        let again = reg::register(&app.db, &origin(ids[0]), &member(ids[0]), event_id, ids[0], signup(), Utc::now()).await;
        assert!(matches!(again, Err(RegistrationError::AlreadyRegistered)), "{again:?}");
        let first = reg::of_person(app.db.read(), event_id, ids[0]).await.unwrap().unwrap();
        let promoted = reg::cancel(&app.db, &origin(ids[0]), &member(ids[0]), first.id, "http://majlis.test", Utc::now())
            .await
            .unwrap();
        assert_eq!(promoted, vec![ids[2]], "the first in the queue moves up");
        let third = reg::of_person(app.db.read(), event_id, ids[2]).await.unwrap().unwrap();
        assert_eq!(third.status, "registered");
        let fourth = reg::of_person(app.db.read(), event_id, ids[3]).await.unwrap().unwrap();
        assert_eq!(fourth.status, "waiting");
        // Someone else cannot cancel another's registration.
        let theirs = reg::cancel(&app.db, &origin(ids[1]), &member(ids[1]), third.id, "http://majlis.test", Utc::now()).await;
        assert!(matches!(theirs, Err(RegistrationError::Forbidden)), "{theirs:?}");
        // The promoted person gets an email, through the queue.
        let queued = queue::Entity::find().all(app.db.read()).await.unwrap();
        assert_eq!(queued.len(), 1);
        assert_eq!(queued[0].to_address, "p2@example.org");
        let mailer = majlis::mail::Mailer::from_settings(&app.settings).unwrap();
        let sent = queue::deliver(&app.db, &mailer, "test", Utc::now(), 100).await.unwrap();
        assert_eq!(sent.sent, 1);
        let mails = app.mails();
        assert_eq!(mails.len(), 1);
        assert!(mails[0].contains("p2@example.org"), "{}", mails[0]);
        assert!(mails[0].contains("/events/promote"), "the message links to the event");
    }
);

db_test!(
    async fn a_cancel_sent_twice_at_once_cancels_and_records_once(app) {
        use majlis::db::outbox;
        use sea_orm::QuerySelect;
        let starts = Utc::now() + Duration::days(3);
        let event_id = open_event(app, "twice", Some(1), starts).await;
        let mut ids = Vec::new();
        for i in 0..3 {
            let id = person(app, &format!("twice{i}@example.org"), Role::Member).await;
            reg::register(&app.db, &origin(id), &member(id), event_id, id, signup(), Utc::now())
                .await
                .unwrap();
            ids.push(id);
        }
        let mine = reg::of_person(app.db.read(), event_id, ids[0]).await.unwrap().unwrap();
        let outbox_rows = || async {
            outbox::entity::Entity::find()
                .filter(outbox::entity::Column::Entity.eq("registration"))
                .filter(outbox::entity::Column::EntityId.eq(mine.id.to_string()))
                .count(app.db.read())
                .await
                .unwrap()
        };
        let outbox_before = outbox_rows().await;
        // Hold the event as a cancel does, so that both cancels read the
        // registration while it is still active and then wait for the event.
        let hold = app.db.begin_write().await.unwrap();
        if app.backend == common::Backend::Postgres {
            event::Entity::find_by_id(event_id)
                .lock_exclusive()
                .one(&hold)
                .await
                .unwrap()
                .unwrap();
        }
        let cancel = || {
            let db = app.db.clone();
            let me = ids[0];
            tokio::spawn(async move {
                reg::cancel(&db, &origin(me), &member(me), mine.id, "http://majlis.test", Utc::now()).await
            })
        };
        let (one, two) = (cancel(), cancel());
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        hold.commit().await.unwrap();
        let (one, two) = (one.await.unwrap(), two.await.unwrap());
        let (done, refused): (Vec<_>, Vec<_>) = [one, two].into_iter().partition(|r| r.is_ok());
        assert_eq!(done.len(), 1, "one cancel cancels: {done:?} {refused:?}");
        assert!(matches!(refused[0], Err(RegistrationError::WrongState)), "{refused:?}");
        assert_eq!(done[0].as_ref().unwrap(), &vec![ids[1]], "the first waiting moves up, once");
        // One audit row, one outbox row, one message to the person promoted.
        let audit = majlis::audit::entity::Entity::find()
            .filter(majlis::audit::entity::Column::Action.eq("cancelled"))
            .filter(majlis::audit::entity::Column::ObjectId.eq(mine.id.to_string()))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(audit, 1, "one audit row for one cancellation");
        assert_eq!(outbox_rows().await, outbox_before + 1);
        assert_eq!(queue::Entity::find().count(app.db.read()).await.unwrap(), 1);
        let stored = statuses(app, event_id).await;
        assert_eq!(stored.get("cancelled"), Some(&1), "{stored:?}");
        assert_eq!(stored.get("registered"), Some(&1), "{stored:?}");
        assert_eq!(stored.get("waiting"), Some(&1), "{stored:?}");
        // A cancel that finds nothing to cancel writes nothing.
        let again = reg::cancel(&app.db, &origin(ids[0]), &member(ids[0]), mine.id, "http://majlis.test", Utc::now()).await;
        assert!(matches!(again, Err(RegistrationError::WrongState)), "{again:?}");
        assert_eq!(outbox_rows().await, outbox_before + 1);
    }
);

db_test!(
    async fn a_reminder_is_sent_once_even_when_a_node_dies_halfway(app) {
        let now = Utc::now();
        let soon = open_event(app, "tomorrow", None, now + Duration::hours(20)).await;
        let later = open_event(app, "next-week", None, now + Duration::days(7)).await;
        let a = person(app, "a@example.org", Role::Member).await;
        let b = person(app, "b@example.org", Role::Member).await;
        for ev in [soon, later] {
            for id in [a, b] {
                reg::register(&app.db, &origin(id), &member(id), ev, id, signup(), now).await.unwrap();
            }
        }
        let url = "http://majlis.test";
        // Two nodes look for due reminders at once: each registration is claimed once.
        let (x, y) = tokio::join!(
            majlis::events::reminders::queue_due(&app.db, url, now),
            majlis::events::reminders::queue_due(&app.db, url, now)
        );
        assert_eq!(x.unwrap() + y.unwrap(), 2, "two people, one event due");
        assert_eq!(majlis::events::reminders::queue_due(&app.db, url, now).await.unwrap(), 0);
        // Node A claims the first message and dies before sending it.
        let first = queue::Entity::find().all(app.db.read()).await.unwrap();
        assert_eq!(first.len(), 2);
        let tx = app.db.begin_write().await.unwrap();
        let mut m: queue::ActiveModel = first[0].clone().into();
        m.claimed_until = Set(Some(now + queue::CLAIM));
        m.claimed_by = Set(Some("node-a".into()));
        m.attempts = Set(1);
        m.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        let mailer = majlis::mail::Mailer::from_settings(&app.settings).unwrap();
        // Node B, now: only the unclaimed message goes.
        let d = queue::deliver(&app.db, &mailer, "node-b", now, 100).await.unwrap();
        assert_eq!(d.sent, 1);
        assert_eq!(app.mails().len(), 1);
        // After the claim lapses, node B sends the other one, once.
        let later_now = now + queue::CLAIM + Duration::seconds(1);
        let (d1, d2) = tokio::join!(
            queue::deliver(&app.db, &mailer, "node-b", later_now, 100),
            queue::deliver(&app.db, &mailer, "node-c", later_now, 100)
        );
        assert_eq!(d1.unwrap().sent + d2.unwrap().sent, 1);
        let again = queue::deliver(&app.db, &mailer, "node-b", later_now + Duration::minutes(10), 100).await.unwrap();
        assert_eq!(again.sent, 0);
        let mails = app.mails();
        assert_eq!(mails.len(), 2, "one reminder each, no more");
        assert!(mails.iter().any(|m| m.contains("a@example.org")));
        assert!(mails.iter().any(|m| m.contains("b@example.org")));
        assert!(mails.iter().all(|m| m.contains("Webinar tomorrow")), "the due event only");
        let unsent = queue::Entity::find()
            .filter(queue::Column::SentAt.is_null())
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(unsent, 0);
    }
);

/// A property of the first VEVENT of an iCalendar body, parsed by the `ical` crate.
fn vevents(body: &str) -> Vec<BTreeMap<String, String>> {
    let reader = ical::IcalParser::new(std::io::BufReader::new(body.as_bytes()));
    let mut out = Vec::new();
    for cal in reader {
        let cal = cal.expect("valid iCalendar");
        for e in cal.events {
            out.push(
                e.properties
                    .into_iter()
                    .filter_map(|p| p.value.map(|v| (p.name, v)))
                    .collect(),
            );
        }
    }
    out
}

db_test!(
    async fn calendars_parse_and_keep_their_secrets(app) {
        app.load_demo().await;
        let starts = DateTime::parse_from_rfc3339("2027-03-14T09:30:00+03:00").unwrap().to_utc();
        let event_id = open_event(app, "ical-check", Some(5), starts).await;
        // One event.
        for path in ["/events/ical-check.ics", "/events/ical-check/calendar.ics"] {
            let res = app.get(path).await;
            assert_eq!(res.status, StatusCode::OK, "{path}");
            assert!(res.header("content-type").unwrap().starts_with("text/calendar"));
            let evs = vevents(&res.body);
            assert_eq!(evs.len(), 1, "{path}");
            assert_eq!(evs[0]["SUMMARY"], "Webinar ical-check");
            assert_eq!(evs[0]["DTSTART"], "20270314T063000Z", "UTC instant");
            assert_eq!(evs[0]["DTEND"], "20270314T083000Z");
            assert_eq!(evs[0]["UID"], format!("event-{event_id}@majlis.test"));
            assert!(evs[0]["URL"].ends_with("/events/ical-check"), "{:?}", evs[0]);
            assert!(!res.body.contains("secret-room"), "the online link stays private");
        }
        // Round trip: read back by a second parser, written out again, the same events.
        let body = app.get("/events/ical-check.ics").await.body;
        let parsed: icalendar::Calendar = body.parse().expect("icalendar reads it");
        let again = parsed.to_string();
        assert_eq!(vevents(&again), vevents(&body), "nothing lost in a round trip");
        // All events: the demo's and this one.
        let all = vevents(&app.get("/events.ics").await.body);
        assert!(all.len() > 1, "{}", all.len());
        assert!(all.iter().any(|e| e["SUMMARY"] == "Webinar ical-check"));
        // The personal feed, behind a secret address.
        let me = person(app, "feed@example.org", Role::Member).await;
        reg::register(&app.db, &origin(me), &member(me), event_id, me, signup(), Utc::now()).await.unwrap();
        let (cookie, csrf) = app.session_for(me).await;
        let page = app.post_form("/events/mine", &[("csrf", &csrf)], &cookie).await;
        assert_eq!(page.status, StatusCode::OK);
        let url = page.attr("#feed-url", "value").expect("the address is shown once");
        let path = url.strip_prefix("http://majlis.test").unwrap().to_owned();
        let mine = app.get(&path).await;
        assert_eq!(mine.status, StatusCode::OK);
        let evs = vevents(&mine.body);
        assert_eq!(evs.len(), 1);
        assert_eq!(evs[0]["SUMMARY"], "Webinar ical-check");
        assert!(mine.body.contains("secret-room"), "registered: the feed carries the link");
        // Shown once: the page does not show it again.
        let again = app.get_with("/events/mine", &[("cookie", &cookie)]).await;
        assert!(again.attr("#feed-url", "value").is_none());
        // A new address ends the old one; a made-up one finds nothing.
        app.post_form("/events/mine", &[("csrf", &csrf)], &cookie).await;
        assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND);
        let wrong = app.get("/calendar/0123456789abcdef0123456789abcdef/events.ics").await;
        assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn registering_through_the_pages(app) {
        let starts = Utc::now() + Duration::days(5);
        open_event(app, "page-flow", Some(1), starts).await;
        // A visitor sees the event, not the link, and is asked to sign in.
        let visitor = app.get("/events/page-flow").await;
        assert_eq!(visitor.status, StatusCode::OK);
        assert!(!visitor.body.contains("secret-room"));
        assert!(visitor.attr("#registration a[href^='/login']", "href").is_some());
        let (cookie, csrf) = app.session_for(person(app, "one@example.org", Role::Member).await).await;
        let res = app
            .post_form("/events/page-flow/register", &[("csrf", &csrf), ("consent", "on")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let page = app.get_with("/events/page-flow", &[("cookie", &cookie)]).await;
        assert!(page.body.contains("secret-room"), "registered: the link is shown");
        assert!(page.texts("#registration [role=status]").iter().any(|t| t.contains("You are registered")));
        // Listed with consent; the second person joins the waiting list.
        assert!(app.get("/events/page-flow").await.texts("#participants li").iter().any(|t| t.contains("one@example.org")));
        let (c2, t2) = app.session_for(person(app, "two@example.org", Role::Member).await).await;
        let page2 = app.get_with("/events/page-flow", &[("cookie", &c2)]).await;
        assert!(page2.texts("#register-form button").iter().any(|t| t.contains("waiting list")));
        app.post_form("/events/page-flow/register", &[("csrf", &t2)], &c2).await;
        let page2 = app.get_with("/events/page-flow", &[("cookie", &c2)]).await;
        assert!(page2.texts("#registration [role=status]").iter().any(|t| t.contains("waiting list")));
        assert!(!page2.body.contains("secret-room"), "waiting: no link yet");
        // Withdrawing consent removes the name from the public list.
        let res = app.post_form("/events/page-flow/consent", &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert!(!app.get("/events/page-flow").await.body.contains("one@example.org"));
        // Cancelling gives the place to the second person.
        let res = app.post_form("/events/page-flow/cancel", &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let page2 = app.get_with("/events/page-flow", &[("cookie", &c2)]).await;
        assert!(page2.body.contains("secret-room"), "promoted: the link is shown");
    }
);

db_test!(
    async fn coordinators_build_an_event_and_bad_input_changes_nothing(app) {
        app.load_demo().await;
        let coord = person(app, "coord@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let (cookie, csrf) = app.session_for(coord).await;
        let before = event::Entity::find().count(app.db.read()).await.unwrap();
        let bad = app
            .post_form(
                "/events/new?in=ar",
                &[
                    ("csrf", &csrf),
                    ("title", "ورشة عمل حول البيانات"),
                    ("kind", "peer-workshop"),
                    ("status", "open"),
                    ("visibility", "public"),
                    ("timezone", "Asia/Nowhere"),
                    ("starts", "2027-05-02T09:00"),
                    ("ends", "2027-05-01T17:00"),
                    ("city", "Tripoli"),
                    ("country", "LB"),
                    ("capacity", "many"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert_eq!(bad.attr("#i-title", "value").as_deref(), Some("ورشة عمل حول البيانات"), "kept what was typed");
        assert_eq!(bad.attr("#i-capacity", "value").as_deref(), Some("many"));
        for field in ["timezone", "capacity"] {
            assert!(bad.attr(&format!("#form-errors a[href='#f-{field}']"), "href").is_some(), "{field}: {}", bad.body);
        }
        assert_eq!(event::Entity::find().count(app.db.read()).await.unwrap(), before, "nothing stored");
        let good = app
            .post_form(
                "/events/new?in=ar",
                &[
                    ("csrf", &csrf),
                    ("title", "ورشة عمل حول البيانات"),
                    ("kind", "peer-workshop"),
                    ("status", "open"),
                    ("visibility", "public"),
                    ("timezone", "Asia/Beirut"),
                    ("starts", "2027-05-01T09:00"),
                    ("ends", "2027-05-02T17:00"),
                    ("city", "Tripoli"),
                    ("country", "LB"),
                    ("capacity", "30"),
                    ("languages", "ar"),
                    ("languages", "en"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
        let e = event::Entity::find()
            .filter(event::Column::Capacity.eq(30))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("stored");
        assert_eq!(e.title.orig(), Locale::Ar, "the original language is recorded");
        assert_eq!(e.starts_at.to_rfc3339(), "2027-05-01T06:00:00+00:00", "09:00 in Beirut (UTC+3)");
        let slug = e.slug.clone();
        // A session with a moderator and a guest rapporteur, on day 2.
        let res = app
            .post_form(
                &format!("/events/{slug}/programme?in=ar"),
                &[("csrf", &csrf), ("op", "save-session"), ("day", "2"), ("kind", "working-groups"), ("title", "مجموعات العمل"), ("starts", "10:00"), ("ends", "09:00")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "ends before it starts");
        assert_eq!(res.attr("#s-title", "value").as_deref(), Some("مجموعات العمل"));
        let res = app
            .post_form(
                &format!("/events/{slug}/programme?in=ar"),
                &[("csrf", &csrf), ("op", "save-session"), ("day", "2"), ("kind", "working-groups"), ("title", "مجموعات العمل"), ("starts", "10:00"), ("ends", "12:00")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let session = majlis::events::entities::event_session::Entity::find()
            .filter(majlis::events::entities::event_session::Column::EventId.eq(e.id))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let sid = session.id.to_string();
        let res = app
            .post_form(
                &format!("/events/{slug}/programme"),
                &[("csrf", &csrf), ("op", "add-person"), ("session", &sid), ("role", "rapporteur"), ("name", "Guest Rapporteur"), ("affiliation", "Tripoli municipality")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let res = app
            .post_form(
                &format!("/events/{slug}/programme"),
                &[("csrf", &csrf), ("op", "add-person"), ("session", &sid), ("role", "moderator"), ("email", "nobody@example.org")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "an unknown member is refused");
        let page = app.get(&format!("/events/{slug}?lang=ar")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("مجموعات العمل"));
        assert!(page.body.contains("Guest Rapporteur"));
        // A copy keeps the programme, not the registrations.
        let copy = app.post_form(&format!("/events/{slug}/clone"), &[("csrf", &csrf)], &cookie).await;
        assert_eq!(copy.status, StatusCode::SEE_OTHER);
        assert_eq!(event::Entity::find().count(app.db.read()).await.unwrap(), before + 2);
    }
);

db_test!(
    async fn past_events_say_their_figures_were_entered_by_hand(app) {
        app.load_demo().await;
        let with_figures = event::Entity::find()
            .all(app.db.read())
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.figures.as_ref().is_some_and(|f| f.total.is_some()))
            .expect("a demo event with participant figures");
        let page = app.get(&format!("/events/{}", with_figures.slug)).await;
        assert_eq!(page.status, StatusCode::OK);
        let text = page.texts("#participants p").join(" ");
        assert!(text.contains("entered by the coordinators"), "{text}");
        let list = app.get("/events?when=past").await;
        assert!(list.body.contains(&format!("/events/{}", with_figures.slug)));
    }
);

db_test!(
    async fn the_event_page_does_a_bounded_number_of_queries(app) {
        app.load_demo().await;
        let small = open_event(app, "small", None, Utc::now() + Duration::days(2)).await;
        let big = open_event(app, "big", None, Utc::now() + Duration::days(2)).await;
        let resource = majlis::library::entities::resource::Entity::find().one(app.db.read()).await.unwrap().unwrap();
        let tx = app.db.begin_write().await.unwrap();
        for (ev, n) in [(small, 1), (big, 12)] {
            for i in 0..n {
                let s = majlis::events::entities::event_session::ActiveModel {
                    id: NotSet,
                    event_id: Set(ev),
                    parent_id: Set(None),
                    day: Set(1),
                    position: Set(i),
                    kind: Set("panel".into()),
                    title: Set(TrText::new(Locale::En, format!("Session {i}")).unwrap()),
                    objectives: Set(None),
                    starts: Set(None),
                    ends: Set(None),
                }
                .insert(&tx)
                .await
                .unwrap();
                for r in 0..3 {
                    majlis::events::entities::session_person::ActiveModel {
                        id: NotSet,
                        session_id: Set(s.id),
                        event_id: Set(ev),
                        role: Set("speaker".into()),
                        person_id: Set(None),
                        name: Set(Some(format!("Speaker {r}"))),
                        organisation_id: Set(None),
                        affiliation: Set(None),
                        position: Set(r),
                    }
                    .insert(&tx)
                    .await
                    .unwrap();
                }
                majlis::events::entities::event_material::ActiveModel {
                    id: NotSet,
                    event_id: Set(ev),
                    session_id: Set(Some(s.id)),
                    resource_id: Set(resource.id),
                    position: Set(i),
                }
                .insert(&tx)
                .await
                .unwrap();
            }
        }
        tx.commit().await.unwrap();
        let one = app.get("/events/small").await;
        let many = app.get("/events/big").await;
        assert_eq!(one.status, StatusCode::OK);
        assert_eq!(many.texts(".programme .session").len(), 12);
        assert_eq!(one.queries(), many.queries(), "no query per session, person or material");
        assert!(many.queries() <= 16, "{}", many.queries());
        let list_small = app.get("/events?when=all").await;
        assert!(list_small.queries() <= 6, "{}", list_small.queries());
    }
);

db_test!(
    async fn the_api_lists_and_details_events(app) {
        app.load_demo().await;
        let all = app.get("/api/v1/events?when=all").await;
        assert_eq!(all.status, StatusCode::OK);
        let json = all.json();
        let items = json["items"].as_array().expect("items");
        assert!(!items.is_empty());
        let first = &items[0];
        for key in ["slug", "title", "kind", "status", "starts_at", "ends_at", "timezone", "url"] {
            assert!(!first[key].is_null(), "{key} in {first}");
        }
        let slug = first["slug"].as_str().unwrap().to_owned();
        let one = app.get(&format!("/api/v1/events/{slug}")).await;
        assert_eq!(one.status, StatusCode::OK);
        assert!(one.json()["programme"].is_array(), "{}", one.body);
        let bad = app.get("/api/v1/events?kind=party").await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.json()["code"].is_string());
        assert_eq!(app.get("/api/v1/events/no-such-event").await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn members_only_events_stay_hidden_from_visitors(app) {
        let id = open_event(app, "closed-door", None, Utc::now() + Duration::days(4)).await;
        let tx = app.db.begin_write().await.unwrap();
        let e = event::Entity::find_by_id(id).one(&tx).await.unwrap().unwrap();
        let mut m: event::ActiveModel = e.into();
        m.visibility = Set("members".into());
        m.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        for path in [
            "/events/closed-door",
            "/events/closed-door.ics",
            "/api/v1/events/closed-door",
        ] {
            assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        assert!(!app.get("/events?when=all").await.body.contains("closed-door"));
        assert!(!app.get("/events.ics").await.body.contains("closed-door"));
        let api = app.get("/api/v1/events?when=all").await.json();
        assert!(api["items"].as_array().unwrap().iter().all(|i| i["slug"] != "closed-door"));
        // A member sees it, and may register.
        let me = person(app, "insider@example.org", Role::Member).await;
        let (cookie, csrf) = app.session_for(me).await;
        let page = app.get_with("/events/closed-door", &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
        let res = app.post_form("/events/closed-door/register", &[("csrf", &csrf)], &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        // A visitor cannot register anywhere.
        let res = app.post_form("/events/closed-door/register", &[("csrf", "x")], &app.csrf_cookie("x")).await;
        assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    }
);

db_test!(
    async fn approval_and_registration_on_someones_behalf(app) {
        let id = open_event(app, "by-approval", Some(1), Utc::now() + Duration::days(9)).await;
        let tx = app.db.begin_write().await.unwrap();
        let e = event::Entity::find_by_id(id).one(&tx).await.unwrap().unwrap();
        let mut m: event::ActiveModel = e.into();
        m.needs_approval = Set(true);
        m.update(&tx).await.unwrap();
        tx.commit().await.unwrap();
        let a = person(app, "asks@example.org", Role::Member).await;
        let b = person(app, "second@example.org", Role::Member).await;
        let s = reg::register(&app.db, &origin(a), &member(a), id, a, signup(), Utc::now()).await.unwrap();
        assert_eq!(s, RegistrationStatus::Pending);
        let s = reg::register(&app.db, &origin(b), &member(b), id, b, signup(), Utc::now()).await.unwrap();
        assert_eq!(s, RegistrationStatus::Pending);
        // A member may not decide; a coordinator may.
        let ra = reg::of_person(app.db.read(), id, a).await.unwrap().unwrap();
        let refused = reg::decide(&app.db, &origin(b), &member(b), ra.id, reg::Decision::Approve, "http://majlis.test", Utc::now()).await;
        assert!(matches!(refused, Err(RegistrationError::Forbidden)), "{refused:?}");
        let coord = person(app, "staff@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let (cookie, csrf) = app.session_for(coord).await;
        let rid = ra.id.to_string();
        let res = app
            .post_form("/events/by-approval/registrations", &[("csrf", &csrf), ("op", "approve"), ("registration", &rid)], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(reg::of_person(app.db.read(), id, a).await.unwrap().unwrap().status, "registered");
        // Approving the second when the one place is taken puts them on the waiting list.
        let rb = reg::of_person(app.db.read(), id, b).await.unwrap().unwrap();
        let s = reg::decide(&app.db, &origin(coord), &Actor::with_role(coord, Role::Coordinator, vec![]), rb.id, reg::Decision::Approve, "http://majlis.test", Utc::now())
            .await
            .unwrap();
        assert_eq!(s, RegistrationStatus::Waiting);
        // Deciding twice is refused with a message, not an error page.
        let res = app
            .post_form("/events/by-approval/registrations", &[("csrf", &csrf), ("op", "approve"), ("registration", &rid)], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.texts("#form-errors").iter().any(|t| t.contains("changed in the meantime")));
        // On someone's behalf: skips approval; an unknown address keeps what was typed.
        let c = person(app, "third@example.org", Role::Member).await;
        let res = app
            .post_form("/events/by-approval/registrations", &[("csrf", &csrf), ("op", "add"), ("email", "nobody@example.org")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(res.attr("#i-email", "value").as_deref(), Some("nobody@example.org"));
        let res = app
            .post_form("/events/by-approval/registrations", &[("csrf", &csrf), ("op", "add"), ("email", "Third@Example.org")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let rc = reg::of_person(app.db.read(), id, c).await.unwrap().unwrap();
        assert_eq!(rc.status, "waiting", "no place left: the waiting list, without approval");
        assert_eq!(rc.registered_by, Some(coord));
        let page = app.get_with("/events/by-approval/registrations", &[("cookie", &cookie)]).await;
        assert_eq!(page.texts("table.registrations tbody tr").len(), 3);
    }
);

db_test!(
    async fn outcomes_are_recorded_and_shown(app) {
        app.load_demo().await;
        let id = open_event(app, "with-outcomes", None, Utc::now() - Duration::days(30)).await;
        let coord = person(app, "outcomes@example.org", Role::Coordinator).await;
        common::enable_totp(app, coord).await;
        let (cookie, csrf) = app.session_for(coord).await;
        let report = majlis::library::entities::resource::Entity::find()
            .filter(majlis::library::entities::resource::Column::Kind.eq("report"))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("a demo report");
        let practice = majlis::library::entities::practice::Entity::find()
            .filter(majlis::library::entities::practice::Column::Status.eq("published"))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("a published demo practice");
        let rid = report.id.to_string();
        let pid = practice.id.to_string();
        let bad = app
            .post_form(
                "/events/with-outcomes/outcomes",
                &[
                    ("csrf", &csrf),
                    ("report", &rid),
                    ("takeaways", "Language courses work best near home\nInvolve the parents"),
                    ("practice", &pid),
                    ("total", "40"),
                    ("by_country", "TR 30\nJO 20"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST, "more by country than in all");
        assert_eq!(bad.attr("#i-total", "value").as_deref(), Some("40"));
        assert!(bad.body.contains("Involve the parents"), "kept what was typed");
        let unchanged = event::Entity::find_by_id(id).one(app.db.read()).await.unwrap().unwrap();
        assert!(unchanged.takeaways.is_none() && unchanged.report_id.is_none(), "nothing saved");
        let good = app
            .post_form(
                "/events/with-outcomes/outcomes",
                &[
                    ("csrf", &csrf),
                    ("report", &rid),
                    ("takeaways", "Language courses work best near home\nInvolve the parents"),
                    ("practice", &pid),
                    ("total", "40"),
                    ("by_country", "TR 30\nJO 10"),
                    ("note", "From the attendance sheets"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{}", good.body);
        let page = app.get("/events/with-outcomes").await;
        let outcomes = page.texts("#outcomes li").join(" | ");
        assert!(outcomes.contains("Involve the parents"), "{outcomes}");
        assert!(page.attr(&format!("#outcomes a[href^='/library/{}']", report.id), "href").is_some());
        assert!(page.attr(&format!("#outcomes a[href^='/practices/{}']", practice.id), "href").is_some());
        let figures = page.texts("#participants").join(" ").replace(['\u{2068}', '\u{2069}'], "");
        assert!(figures.contains("40 participants"), "{figures}");
        assert!(figures.contains("entered by the coordinators"), "{figures}");
        assert!(figures.contains("From the attendance sheets"), "{figures}");
        // The practice and the report link back to the event.
        let pp = app.get(&format!("/practices/{}", practice.id)).await;
        assert!(pp.attr(".linked-events a[href^='/events/with-outcomes']", "href").is_some(), "practice links to the event");
        let rp = app.get(&format!("/library/{}", report.id)).await;
        assert!(rp.attr(".linked-events a[href^='/events/with-outcomes']", "href").is_some(), "report links to the event");
        // Once people check in on the platform, the page counts them instead.
        let m = person(app, "came@example.org", Role::Member).await;
        let tx = app.db.begin_write().await.unwrap();
        registration::ActiveModel {
            id: NotSet,
            event_id: Set(id),
            person_id: Set(m),
            status: Set("registered".into()),
            answers: Set(None),
            public_consent: Set(false),
            registered_by: Set(None),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            queued_at: Set(Utc::now()),
            attended_at: Set(Some(Utc::now())),
            reminded_at: Set(None),
        }
        .insert(&tx)
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let figures = app
            .get("/events/with-outcomes")
            .await
            .texts("#participants")
            .join(" ")
            .replace(['\u{2068}', '\u{2069}'], "");
        assert!(figures.contains("One participant") && figures.contains("counted from check-ins"), "{figures}");
    }
);

/// Issue 16: the activity's rules know nothing of HTTP (their errors are
/// their own; the routes convert them), and no route file grows past ~600 lines.
#[test]
fn events_rules_know_nothing_of_http_and_route_files_stay_small() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/events");
    let mut rules = Vec::new();
    let mut routes = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                if path.starts_with(root.join("routes")) {
                    routes.push(path);
                } else {
                    rules.push(path);
                }
            }
        }
    }
    assert!(rules.len() >= 8, "found {rules:?}");
    assert!(routes.len() >= 2, "found {routes:?}");
    for path in &rules {
        let text = std::fs::read_to_string(path).unwrap();
        for http in ["axum", "crate::web", "AppError", "StatusCode"] {
            assert!(!text.contains(http), "{} mentions {http}", path.display());
        }
    }
    for path in &routes {
        let lines = std::fs::read_to_string(path).unwrap().lines().count();
        assert!(lines <= 600, "{} has {lines} lines", path.display());
    }
}
