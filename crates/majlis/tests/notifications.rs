//! Following and notifications: following by hand and by taking part (and
//! unfollowing for good), notifications only about what each person may
//! see, grouped and in their language, digests queued once across nodes
//! and never empty, one-click unsubscribe without signing in. Both databases.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Datelike, Duration, Utc};
use common::TestApp;
use majlis::accounts::{Email, Password, people};
use majlis::audit::Origin;
use majlis::db::outbox::{self, Op};
use majlis::directory::entities::theme;
use majlis::events::entities::{event, event_theme};
use majlis::events::registration::{self as reg, Signup};
use majlis::follows::{Target, TargetKind};
use majlis::i18n::{Locale, TrText};
use majlis::library::entities::practice;
use majlis::mail::queue;
use majlis::notifications::entities::{mailed, notification, setting};
use majlis::notifications::{Delivery, NoticeKind};
use majlis::policy::{Actor, Role};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};

async fn person_in(app: &TestApp, email: &str, locale: Locale) -> i32 {
    people::create(
        &app.db,
        &Email::parse(email).unwrap(),
        email,
        Role::Member,
        locale,
        &Password::parse("notifications test password".into()).unwrap(),
        Utc::now(),
    )
    .await
    .unwrap()
    .id
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

fn staff(id: i32) -> Actor {
    Actor::with_role(id, Role::Coordinator, vec![])
}

fn origin(id: i32) -> Origin {
    Origin {
        actor_id: Some(id),
        ip: "127.0.0.1".into(),
    }
}

/// A practice on `theme` saved as a draft by `author` (staff).
async fn draft_practice(app: &TestApp, author: i32, title: &str, theme: i32) -> i32 {
    let snapshot = majlis::library::practices::Snapshot {
        title: TrText::new(Locale::En, title).unwrap(),
        municipality_id: None,
        organisation_id: None,
        country_code: Some("TR".into()),
        themes: [theme].into_iter().collect(),
        content: Default::default(),
    };
    majlis::library::practices::save(
        &app.db,
        &origin(author),
        &staff(author),
        None,
        snapshot,
        Utc::now(),
    )
    .await
    .unwrap()
}

/// The draft published, as the review does it (status, date, outbox).
async fn publish(app: &TestApp, id: i32) {
    let tx = app.db.begin_write().await.unwrap();
    practice::Entity::update_many()
        .col_expr(practice::Column::Status, "published".into())
        .col_expr(practice::Column::PublishedAt, Utc::now().into())
        .filter(practice::Column::Id.eq(id))
        .exec(&tx)
        .await
        .unwrap();
    outbox::record(&tx, "practice", id, Op::Updated)
        .await
        .unwrap();
    tx.commit().await.unwrap();
}

/// An event open for registration on `theme`, for `visibility`.
async fn event_on(app: &TestApp, slug: &str, visibility: &str, theme: i32) -> i32 {
    let starts = Utc::now() + Duration::days(20);
    let tx = app.db.begin_write().await.unwrap();
    let e = event::ActiveModel {
        id: NotSet,
        slug: Set(slug.into()),
        series_id: Set(None),
        kind: Set("webinar".into()),
        status: Set("open".into()),
        visibility: Set(visibility.into()),
        title: Set(TrText::new(Locale::En, format!("Webinar {slug}")).unwrap()),
        summary: Set(None),
        context: Set(None),
        objectives: Set(None),
        expected_results: Set(None),
        audience: Set(None),
        starts_at: Set(starts),
        ends_at: Set(starts + Duration::hours(2)),
        date_approximate: Set(false),
        timezone: Set("Europe/Istanbul".into()),
        city: Set(None),
        country_code: Set(None),
        address: Set(None),
        online: Set(true),
        online_url: Set(None),
        languages: Set(",en,".into()),
        interpretation: Set(None),
        capacity: Set(None),
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
    event_theme::ActiveModel {
        event_id: Set(e.id),
        theme_id: Set(theme),
    }
    .insert(&tx)
    .await
    .unwrap();
    outbox::record(&tx, "event", e.id, Op::Created)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    e.id
}

/// A consultation put to peers through the form and opened; returns its slug.
async fn opened_dilemma(
    app: &TestApp,
    (cookie, csrf): (&str, &str),
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
                ("information", "We tried evening classes."),
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
    let slug = r
        .header("location")
        .unwrap()
        .trim_start_matches("/consultations/")
        .split(['?', '#'])
        .next()
        .unwrap()
        .to_owned();
    let r = app
        .post_form(
            &format!("/consultations/{slug}/open"),
            &[("csrf", csrf)],
            cookie,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    slug
}

/// A Wednesday noon after now: a digest round a day or two later never
/// crosses a Monday morning, whatever day the tests run on.
fn a_wednesday_noon() -> DateTime<Utc> {
    let mut day = Utc::now().date_naive() + Duration::days(1);
    while day.weekday() != chrono::Weekday::Wed {
        day += Duration::days(1);
    }
    day.and_hms_opt(12, 0, 0).unwrap().and_utc()
}

fn key(app: &TestApp) -> majlis::accounts::secrets::SecretKey {
    majlis::accounts::secrets::load_or_create(&app.settings).unwrap()
}

/// A background round on the node of `db` at `now`.
async fn tick(
    app: &TestApp,
    db: &majlis::db::Db,
    now: DateTime<Utc>,
) -> majlis::notifications::email::Sent {
    majlis::notifications::tick(db, &key(app), "http://majlis.test", now)
        .await
        .unwrap()
        .1
}

/// Every kind by `delivery` for `person`.
async fn all_kinds(app: &TestApp, person: i32, delivery: Delivery) {
    let chosen: Vec<(NoticeKind, Delivery)> =
        NoticeKind::ALL.into_iter().map(|k| (k, delivery)).collect();
    majlis::notifications::rules::save_settings(&app.db, person, &chosen)
        .await
        .unwrap();
}

/// Notification messages queued for `address` (not invitations and the like).
async fn queued_to(app: &TestApp, address: &str) -> Vec<queue::Model> {
    queue::Entity::find()
        .filter(queue::Column::ToAddress.eq(address))
        .filter(queue::Column::Purpose.starts_with("notifications-"))
        .order_by_asc(queue::Column::Id)
        .all(app.db.read())
        .await
        .unwrap()
}

async fn follow(app: &TestApp, (cookie, csrf): (&str, &str), path: &str) -> common::TestResponse {
    app.post_form(
        path,
        &[("csrf", csrf), ("back", "/account/following")],
        cookie,
    )
    .await
}

db_test!(
    async fn following_and_unfollowing_by_hand(app) {
        app.load_demo().await;
        let me = common::person(app, "follower@example.org", Role::Member).await;
        let (c, csrf) = app.session_for(me).await;
        let sahinbey = common::municipality_id(app, "sahinbey").await;

        // The municipality's page offers the button to a signed-in reader only.
        let page = app.get_with("/municipalities/sahinbey", &[("cookie", &c)]).await;
        assert_eq!(page.texts("form.follow button"), ["Follow this municipality"]);
        assert!(app.get("/municipalities/sahinbey").await.texts("form.follow button").is_empty());

        let r = follow(app, (&c, &csrf), &format!("/follow/municipality/{sahinbey}")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.header("location").unwrap().starts_with("/account/following"));
        let page = app.get_with("/municipalities/sahinbey", &[("cookie", &c)]).await;
        assert_eq!(page.texts("form.follow button"), ["Stop following this municipality"]);
        let education = theme_id(app, "education").await;
        follow(app, (&c, &csrf), &format!("/follow/theme/{education}")).await;

        // The list names each thing with a link, grouped by kind.
        let list = app.get_with("/account/following", &[("cookie", &c)]).await;
        assert_eq!(list.status, StatusCode::OK);
        assert_eq!(list.texts("main h2"), ["Themes", "Municipalities", "Themes"]);
        assert_eq!(list.attr("#following-municipality + ul a", "href").as_deref(), Some("/municipalities/sahinbey?lang=en"));
        let few = list.queries();

        // Many more followed things: the same number of queries.
        for slug in ["kilis", "gaziantep", "sanliurfa"] {
            if let Some(m) = majlis::directory::entities::municipality::Entity::find()
                .filter(majlis::directory::entities::municipality::Column::Slug.eq(slug))
                .one(app.db.read())
                .await
                .unwrap()
            {
                follow(app, (&c, &csrf), &format!("/follow/municipality/{}", m.id)).await;
            }
        }
        let org = majlis::directory::entities::organisation::Entity::find().one(app.db.read()).await.unwrap().unwrap();
        follow(app, (&c, &csrf), &format!("/follow/organisation/{}", org.id)).await;
        let many = app.get_with("/account/following", &[("cookie", &c)]).await;
        assert!(many.texts("main h2").contains(&"Organisations".to_owned()));
        assert_eq!(many.queries(), few + 1, "one query more for the new kind, none per item");

        // Unfollowing from the list.
        let r = app
            .post_form(&format!("/unfollow/municipality/{sahinbey}"), &[("csrf", &csrf), ("back", "/account/following")], &c)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(!majlis::follows::rules::is_following(app.db.read(), me, Target::new(TargetKind::Municipality, sahinbey)).await.unwrap());

        // Visitors are asked to sign in; what one may not see is not found;
        // a forged form is refused.
        let anonymous = app.post_form(&format!("/follow/municipality/{sahinbey}"), &[("csrf", "x")], "").await;
        assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED);
        let owner = common::coordinator(app, "owner@example.org").await;
        let draft = draft_practice(app, owner, "A draft nobody else sees", education).await;
        let hidden = follow(app, (&c, &csrf), &format!("/follow/practice/{draft}")).await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND);
        assert!(!majlis::follows::rules::is_following(app.db.read(), me, Target::new(TargetKind::Practice, draft)).await.unwrap());
        let unknown = follow(app, (&c, &csrf), "/follow/planet/1").await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        let forged = app.post_form(&format!("/follow/municipality/{sahinbey}"), &[("csrf", "forged")], &c).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN);

        // A series is followed from its list of events.
        let series = majlis::events::entities::event_series::Entity::find()
            .filter(majlis::events::entities::event_series::Column::Slug.eq("host-municipalities-learning-network"))
            .one(app.db.read())
            .await
            .unwrap()
            .expect("the demo series");
        let list = format!("/events?series={}&when=all", series.slug);
        let page = app.get_with(&list, &[("cookie", &c)]).await;
        assert_eq!(page.texts("form.follow button"), ["Follow this event series"]);
        assert!(app.get(&list).await.texts("form.follow button").is_empty(), "visitors get no button");
        assert!(app.get_with("/events?when=all", &[("cookie", &c)]).await.texts("form.follow button").is_empty());
        let back = page.attr("form.follow input[name=back]", "value").unwrap();
        assert!(back.contains("series="), "{back}");
        let r = follow(app, (&c, &csrf), &format!("/follow/series/{}", series.id)).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(majlis::follows::rules::is_following(app.db.read(), me, Target::new(TargetKind::Series, series.id)).await.unwrap());
        let page = app.get_with(&list, &[("cookie", &c)]).await;
        assert_eq!(page.texts("form.follow button"), ["Stop following this event series"]);
    }
);

db_test!(
    async fn taking_part_follows_and_unfollowing_sticks(app) {
        let education = theme_id(app, "education").await;
        let author = common::coordinator(app, "author@example.org").await;
        let practice_target = |id| Target::new(TargetKind::Practice, id);

        // Owning a practice follows it; unfollowing is not undone by the next save.
        let id = draft_practice(app, author, "Evening classes", education).await;
        assert!(majlis::follows::rules::is_following(app.db.read(), author, practice_target(id)).await.unwrap());
        let row = majlis::follows::rules::following_of(app.db.read(), author).await.unwrap();
        assert!(row.iter().any(|f| f.automatic && f.target_id == id));
        majlis::follows::rules::unfollow(&app.db, author, practice_target(id)).await.unwrap();
        let snapshot = majlis::library::practices::Snapshot {
            title: TrText::new(Locale::En, "Evening classes, second version").unwrap(),
            municipality_id: None,
            organisation_id: None,
            country_code: Some("TR".into()),
            themes: [education].into_iter().collect(),
            content: Default::default(),
        };
        majlis::library::practices::save(&app.db, &origin(author), &staff(author), Some(id), snapshot, Utc::now())
            .await
            .unwrap();
        assert!(!majlis::follows::rules::is_following(app.db.read(), author, practice_target(id)).await.unwrap());
        // Following again by hand works.
        majlis::follows::rules::follow(&app.db, author, practice_target(id), Utc::now()).await.unwrap();
        assert!(majlis::follows::rules::is_following(app.db.read(), author, practice_target(id)).await.unwrap());

        // Registering for an event follows it; unfollowed, a second registration does not follow again.
        let member = common::person(app, "member@example.org", Role::Member).await;
        let e = event_on(app, "workshop-2026", "public", education).await;
        let who = Actor::with_role(member, Role::Member, vec![]);
        let signup = || Signup { answers: Default::default(), public_consent: false };
        reg::register(&app.db, &origin(member), &who, e, member, signup(), Utc::now()).await.unwrap();
        let event_target = Target::new(TargetKind::Event, e);
        assert!(majlis::follows::rules::is_following(app.db.read(), member, event_target).await.unwrap());
        let (mc, mcsrf) = app.session_for(member).await;
        let r = app.post_form(&format!("/unfollow/event/{e}"), &[("csrf", &mcsrf), ("back", "/events/workshop-2026")], &mc).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.header("location").unwrap().starts_with("/events/workshop-2026"));
        let rid = majlis::events::entities::registration::Entity::find()
            .filter(majlis::events::entities::registration::Column::EventId.eq(e))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id;
        reg::cancel(&app.db, &origin(member), &who, rid, "http://majlis.test", Utc::now()).await.unwrap();
        reg::register(&app.db, &origin(member), &who, e, member, signup(), Utc::now()).await.unwrap();
        assert!(!majlis::follows::rules::is_following(app.db.read(), member, event_target).await.unwrap());
        let page = app.get_with("/events/workshop-2026", &[("cookie", &mc)]).await;
        assert_eq!(page.texts("form.follow button"), ["Follow this event"]);

        // Presenting a dilemma follows it; contributing follows it too.
        let presenter = common::person(app, "presenter@example.org", Role::Member).await;
        let (pc, pcsrf) = app.session_for(presenter).await;
        let slug = opened_dilemma(app, (&pc, &pcsrf), "How do we keep evening classes full?", "members", education).await;
        let d = majlis::consultations::entities::dilemma::Entity::find()
            .filter(majlis::consultations::entities::dilemma::Column::Slug.eq(slug.as_str()))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        let dilemma_target = Target::new(TargetKind::Dilemma, d.id);
        assert!(majlis::follows::rules::is_following(app.db.read(), presenter, dilemma_target).await.unwrap());
        let r = app
            .post_form(
                &format!("/consultations/{slug}/contribute"),
                &[("csrf", &mcsrf), ("kind", "question"), ("text", "Which evenings did you try?"), ("key", "00112233445566778899aabbccddeeff")],
                &mc,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(majlis::follows::rules::is_following(app.db.read(), member, dilemma_target).await.unwrap());
        let page = app.get_with(&format!("/consultations/{slug}"), &[("cookie", &mc)]).await;
        assert_eq!(page.texts("form.follow button"), ["Stop following this consultation"]);
    }
);

db_test!(
    async fn a_digest_tells_each_person_only_what_they_may_see_in_their_language(app) {
        let education = theme_id(app, "education").await;
        let presenter = person_in(app, "presenter@example.org", Locale::En).await;
        let insider = person_in(app, "insider@example.org", Locale::En).await;
        let outsider = person_in(app, "outsider@example.org", Locale::Ar).await;
        let author = common::coordinator(app, "author@example.org").await;
        let t0 = a_wednesday_noon();
        for p in [insider, outsider] {
            majlis::follows::rules::follow(&app.db, p, Target::new(TargetKind::Theme, education), t0).await.unwrap();
            all_kinds(app, p, Delivery::Daily).await;
        }
        // The presenter and the practices' author follow what they made;
        // they read on the site.
        all_kinds(app, presenter, Delivery::Never).await;
        all_kinds(app, author, Delivery::Never).await;

        // Three kinds of change on the theme: two practices published (a
        // draft first: nobody hears of it), a members-only event, and a
        // consultation only its participants may read, the insider among them.
        let p1 = draft_practice(app, author, "Evening classes", education).await;
        let p2 = draft_practice(app, author, "Childcare during classes", education).await;
        tick(app, &app.db, t0).await;
        assert_eq!(notification::Entity::find().count(app.db.read()).await.unwrap(), 0, "drafts tell nobody");
        publish(app, p1).await;
        publish(app, p2).await;
        event_on(app, "members-webinar", "members", education).await;
        let (pc, pcsrf) = app.session_for(presenter).await;
        let slug = opened_dilemma(app, (&pc, &pcsrf), "How do we keep evening classes full?", "participants", education).await;
        let r = app.post_form(&format!("/consultations/{slug}/invite"), &[("csrf", &pcsrf), ("person", &insider.to_string())], &pc).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let sent = tick(app, &app.db, t0).await;
        assert_eq!(sent.messages, 0, "daily digests wait for the morning");

        // The header counts what is unread.
        let (ic, _) = app.session_for(insider).await;
        let (oc, _) = app.session_for(outsider).await;
        let insider_rows = notification::Entity::find().filter(notification::Column::PersonId.eq(insider)).count(app.db.read()).await.unwrap();
        let outsider_rows = notification::Entity::find().filter(notification::Column::PersonId.eq(outsider)).count(app.db.read()).await.unwrap();
        assert_eq!(outsider_rows, 3, "two practices and the event, not the consultation");
        let home = app.get_with("/", &[("cookie", &oc)]).await;
        let link: Vec<String> = home
            .texts(".account-nav a[href='/notifications']")
            .iter()
            .map(|t| t.replace(['\u{2068}', '\u{2069}'], ""))
            .collect();
        assert_eq!(link, ["Notifications (3 unread)"]);
        assert!(app.get("/").await.texts(".account-nav a[href='/notifications']").is_empty(), "visitors have no count");

        // The morning after: one digest each, never the consultation for the outsider.
        let morning = t0 + Duration::days(1);
        let sent = tick(app, &app.db, morning).await;
        assert_eq!(sent.messages, 2);
        let to_insider = queued_to(app, "insider@example.org").await;
        let to_outsider = queued_to(app, "outsider@example.org").await;
        assert_eq!((to_insider.len(), to_outsider.len()), (1, 1));
        let (i, o) = (&to_insider[0], &to_outsider[0]);
        // Fluent's isolation marks stay in the queue; the mailer drops them.
        let plain = |s: &str| s.replace(['\u{2068}', '\u{2069}'], "");
        let (ib, ob) = (plain(&i.body), plain(&o.body));
        assert!(i.subject.contains("daily"), "{}", i.subject);
        assert!(ib.contains("2 new practices on Education"), "{ib}");
        assert!(ib.contains("Evening classes") && ib.contains("Childcare during classes"));
        assert!(ib.contains("A new event on Education\n- Webinar members-webinar"), "{ib}");
        assert!(ib.contains("How do we keep evening classes full?"), "{ib}");
        assert_eq!(insider_rows, 4);
        assert!(!ob.contains("How do we keep evening classes full?"), "{ob}");
        assert!(ob.contains("Webinar members-webinar"));
        // In the outsider's language (Arabic), with the English titles as written.
        assert!(o.subject.contains("مجلس"), "{}", o.subject);
        assert!(ob.contains("ممارستان جديدتان في موضوع التعليم"), "{ob}");
        assert!(i.unsubscribe_url.as_deref().is_some_and(|u| u.starts_with("http://majlis.test/unsubscribe/")));

        // Sent once (with the invitation), with the one-click unsubscribe headers.
        assert_eq!(app.deliver_mail().await, 3);
        assert_eq!(app.deliver_mail().await, 0);
        let mails = app.mails();
        let mail = mails
            .iter()
            .find(|m| m.contains("insider@example.org") && m.contains("List-Unsubscribe"))
            .unwrap()
            .replace("\r\n ", " ");
        assert!(mail.contains("List-Unsubscribe: <http://majlis.test/unsubscribe/"), "{mail}");
        assert!(mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), "{mail}");

        // Nothing changed since: no mail, however often the round runs.
        assert_eq!(tick(app, &app.db, morning + Duration::hours(1)).await.messages, 0);
        assert_eq!(tick(app, &app.db, morning + Duration::days(1)).await.messages, 0);
        assert_eq!(queue::Entity::find().count(app.db.read()).await.unwrap(), 3);

        // The page: grouped, newest first, and marked read.
        let page = app.get_with("/notifications", &[("cookie", &ic)]).await;
        assert_eq!(page.status, StatusCode::OK);
        let headings: Vec<String> = page.texts(".notice-heading").iter().map(|h| plain(h)).collect();
        assert!(headings.iter().any(|h| h.contains("2 new practices on Education")), "{headings:?}");
        assert!(page.queries() <= 3, "{} queries", page.queries());
        let (ic2, icsrf) = app.session_for(insider).await;
        let r = app.post_form("/notifications/read", &[("csrf", &icsrf)], &ic2).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = app.get_with("/notifications", &[("cookie", &ic)]).await;
        assert!(page.body.contains("class=\"notice-group\""));
        assert!(!page.body.contains("notice-group unread"));
    }
);

db_test!(
    async fn unsubscribing_needs_no_sign_in_and_changes_only_that_setting(app) {
        let education = theme_id(app, "education").await;
        let reader = person_in(app, "reader@example.org", Locale::En).await;
        let author = common::coordinator(app, "author@example.org").await;
        let t0 = a_wednesday_noon();
        majlis::follows::rules::follow(&app.db, reader, Target::new(TargetKind::Theme, education), t0).await.unwrap();
        // Events at once; the rest as by default.
        majlis::notifications::rules::save_settings(&app.db, reader, &[(NoticeKind::EventNew, Delivery::Now)]).await.unwrap();
        event_on(app, "open-webinar", "public", education).await;
        let p = draft_practice(app, author, "Evening classes", education).await;
        publish(app, p).await;
        let sent = tick(app, &app.db, t0).await;
        assert_eq!(sent.messages, 1, "the event at once; the practice waits for the weekly digest");
        let msg = &queued_to(app, "reader@example.org").await[0];
        assert!(msg.body.contains("Webinar open-webinar") && !msg.body.contains("Evening classes"));
        let url = msg.unsubscribe_url.clone().unwrap();
        let path = url.trim_start_matches("http://majlis.test");

        // The link shows what stops and asks; no sign-in.
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.texts("main li"), ["New events on what I follow"]);
        // A mail client's one-click POST: no cookie, no form token.
        let r = app
            .request(
                Request::post(path)
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(Body::from("List-Unsubscribe=One-Click"))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let chosen = majlis::notifications::rules::settings_of(app.db.read(), reader).await.unwrap();
        for (kind, delivery) in chosen {
            let expected = if kind == NoticeKind::EventNew { Delivery::Never } else { kind.default_delivery() };
            assert_eq!(delivery, expected, "{kind:?}");
        }
        assert_eq!(setting::Entity::find().count(app.db.read()).await.unwrap(), 1);
        // The follow and the notifications stay.
        assert!(majlis::follows::rules::is_following(app.db.read(), reader, Target::new(TargetKind::Theme, education)).await.unwrap());
        let theirs = notification::Entity::find().filter(notification::Column::PersonId.eq(reader));
        assert_eq!(theirs.count(app.db.read()).await.unwrap(), 2);

        // A token altered, or made for someone else, is not one.
        let (who, sealed) = path.trim_start_matches("/unsubscribe/").split_once('.').unwrap();
        let other = format!("/unsubscribe/{}.{sealed}", who.parse::<i32>().unwrap() + 1);
        assert_eq!(app.get(&other).await.status, StatusCode::NOT_FOUND);
        let mut bent = sealed.to_owned().into_bytes();
        bent[10] = if bent[10] == b'A' { b'B' } else { b'A' };
        let bent = format!("/unsubscribe/{who}.{}", String::from_utf8(bent).unwrap());
        assert_eq!(app.get(&bent).await.status, StatusCode::NOT_FOUND);

        // The settings page shows the change, and keeps what was typed on bad input.
        let (c, csrf) = app.session_for(reader).await;
        let page = app.get_with("/account/notifications", &[("cookie", &c)]).await;
        assert_eq!(page.attr("input[name=event-new][checked]", "value").as_deref(), Some("never"));
        let bad = app.post_form("/account/notifications", &[("csrf", &csrf), ("event-new", "hourly")], &c).await;
        assert_eq!(bad.status, StatusCode::BAD_REQUEST);
        assert!(bad.body.contains("role=\"alert\""));
        assert_eq!(setting::Entity::find().count(app.db.read()).await.unwrap(), 1, "nothing saved");
        let mut all: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        for k in NoticeKind::ALL {
            all.push((k.code(), "weekly"));
        }
        let ok = app.post_form("/account/notifications", &all, &c).await;
        assert_eq!(ok.status, StatusCode::SEE_OTHER);
        assert_eq!(setting::Entity::find().count(app.db.read()).await.unwrap(), NoticeKind::ALL.len() as u64);
    }
);

db_test!(
    async fn two_nodes_notify_and_send_each_digest_once(app) {
        let education = theme_id(app, "education").await;
        let author = common::coordinator(app, "author@example.org").await;
        let mut readers = Vec::new();
        for i in 0..6 {
            let p = person_in(app, &format!("reader{i}@example.org"), Locale::En).await;
            majlis::follows::rules::follow(&app.db, p, Target::new(TargetKind::Theme, education), Utc::now()).await.unwrap();
            all_kinds(app, p, Delivery::Daily).await;
            readers.push(p);
        }
        for title in ["Evening classes", "Childcare during classes", "Mentors"] {
            let p = draft_practice(app, author, title, education).await;
            publish(app, p).await;
        }
        let node = app.second_node().await;
        let t0 = a_wednesday_noon();
        // Both nodes turn the outbox into notifications at once: each is made once.
        let (a, b) = tokio::join!(
            majlis::notifications::consumer::catch_up(&app.db, t0),
            majlis::notifications::consumer::catch_up(&node.db, t0),
        );
        // Six readers hear of three practices; their author (who follows
        // them since the first draft) hears of their publication.
        assert_eq!(a.unwrap() + b.unwrap(), 21);
        assert_eq!(notification::Entity::find().count(app.db.read()).await.unwrap(), 21);
        let p = majlis::accounts::person::Entity::find_by_id(readers[0]).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(p.unread_notifications, 3);

        // Both build the morning's digests at once: one each.
        let morning = t0 + Duration::days(1);
        let key = key(app);
        let (a, b) = tokio::join!(
            majlis::notifications::email::send_due(&app.db, &key, "http://majlis.test", morning),
            majlis::notifications::email::send_due(&node.db, &key, "http://majlis.test", morning),
        );
        assert_eq!(a.unwrap().messages + b.unwrap().messages, 6);
        assert_eq!(queue::Entity::find().count(app.db.read()).await.unwrap(), 6);
        for i in 0..6 {
            assert_eq!(queued_to(app, &format!("reader{i}@example.org")).await.len(), 1);
        }
        // Both deliver: each message sent once.
        let mailer = majlis::mail::Mailer::from_settings(&app.settings).unwrap();
        let (a, b) = tokio::join!(
            queue::deliver(&app.db, &mailer, "node-a", morning, 100),
            queue::deliver(&node.db, &mailer, "node-b", morning, 100),
        );
        assert_eq!(a.unwrap().sent + b.unwrap().sent, 6);
        assert_eq!(app.mails().len(), 6);

        // The next Monday morning, the author's weekly digest (publication
        // is weekly news by default): once, from either node.
        let monday = t0 + Duration::days(5) - Duration::hours(5);
        assert_eq!(monday.weekday(), chrono::Weekday::Mon);
        let (a, b) = tokio::join!(
            majlis::notifications::email::send_due(&app.db, &key, "http://majlis.test", monday),
            majlis::notifications::email::send_due(&node.db, &key, "http://majlis.test", monday),
        );
        assert_eq!(a.unwrap().messages + b.unwrap().messages, 1);
        let weekly = queued_to(app, "author@example.org").await;
        assert_eq!(weekly.len(), 1);
        assert!(weekly[0].subject.contains("weekly"), "{}", weekly[0].subject);
    }
);

/// The watermark row of `person` for `kind` (upto, latest, something waiting).
async fn mark(app: &TestApp, person: i32, kind: NoticeKind) -> (i32, i32, bool) {
    let m = mailed::Entity::find_by_id((person, kind.code().to_owned()))
        .one(app.db.read())
        .await
        .unwrap()
        .expect("a watermark row");
    (m.upto_id, m.latest_id, m.pending_since.is_some())
}

db_test!(
    async fn changing_how_a_kind_arrives_loses_nothing_and_repeats_nothing(app) {
        let education = theme_id(app, "education").await;
        let author = common::coordinator(app, "author@example.org").await;
        all_kinds(app, author, Delivery::Never).await;
        let reader = person_in(app, "reader@example.org", Locale::En).await;
        let t0 = a_wednesday_noon();
        majlis::follows::rules::follow(&app.db, reader, Target::new(TargetKind::Theme, education), t0).await.unwrap();
        all_kinds(app, reader, Delivery::Weekly).await;

        // Told on Wednesday, weekly: nothing goes yet.
        let p1 = draft_practice(app, author, "Evening classes", education).await;
        publish(app, p1).await;
        assert_eq!(tick(app, &app.db, t0).await.messages, 0);
        let (upto, latest, waiting) = mark(app, reader, NoticeKind::PracticeNew).await;
        assert!(upto < latest && waiting, "one notice waits: {upto} {latest}");

        // Switched to daily: the waiting notice goes the next morning.
        all_kinds(app, reader, Delivery::Daily).await;
        let thursday = t0 + Duration::days(1);
        assert_eq!(tick(app, &app.db, thursday).await.messages, 1);
        let sent = queued_to(app, "reader@example.org").await;
        assert!(sent[0].body.contains("Evening classes"), "{}", sent[0].body);
        assert_eq!(mark(app, reader, NoticeKind::PracticeNew).await, (latest, latest, false));

        // Back to weekly: Monday's digest does not send it again.
        all_kinds(app, reader, Delivery::Weekly).await;
        let monday = t0 + Duration::days(5) - Duration::hours(5);
        assert_eq!(monday.weekday(), chrono::Weekday::Mon);
        assert_eq!(tick(app, &app.db, monday).await.messages, 0);

        // Never: passed over on the next round, and not sent after a switch to daily.
        all_kinds(app, reader, Delivery::Never).await;
        let p2 = draft_practice(app, author, "Childcare during classes", education).await;
        publish(app, p2).await;
        assert_eq!(tick(app, &app.db, monday + Duration::hours(1)).await.messages, 0);
        let (upto, latest, waiting) = mark(app, reader, NoticeKind::PracticeNew).await;
        assert_eq!((upto, waiting), (latest, false));
        all_kinds(app, reader, Delivery::Daily).await;
        assert_eq!(tick(app, &app.db, monday + Duration::days(1)).await.messages, 0);

        // Daily, told at noon, but no round ran for ten days: older than the
        // two-day window, it stays on the page and is passed over; nothing
        // is left waiting for the rounds after.
        let p3 = draft_practice(app, author, "Mentors", education).await;
        publish(app, p3).await;
        let late = monday + Duration::days(2);
        assert_eq!(tick(app, &app.db, late).await.messages, 0, "made after this morning's cutoff");
        assert_eq!(tick(app, &app.db, late + Duration::days(10)).await.messages, 0);
        let (upto, latest, waiting) = mark(app, reader, NoticeKind::PracticeNew).await;
        assert_eq!((upto, waiting), (latest, false));
        assert_eq!(queued_to(app, "reader@example.org").await.len(), 1);
        // Still on the page, unread.
        let (rc, _) = app.session_for(reader).await;
        let page = app.get_with("/notifications", &[("cookie", &rc)]).await;
        assert!(page.body.contains("Mentors") && page.body.contains("Evening classes"));
    }
);

db_test!(
    async fn the_migration_turns_email_marks_into_watermarks(app) {
        use majlis::db::migrations::Migrator;
        use sea_orm::ConnectionTrait;
        use sea_orm_migration::MigratorTrait;
        let dir = tempfile::tempdir().unwrap();
        let (conn, pg_name) = common::fresh_db(app, dir.path()).await;
        let before = Migrator::migrations()
            .iter()
            .position(|m| m.name() == "m20261206_000028_notification_mailed")
            .unwrap() as u32;
        Migrator::up(&conn, Some(before)).await.unwrap();
        let t = a_wednesday_noon();
        let mut people = Vec::new();
        for email in ["p@example.org", "q@example.org"] {
            // Inserted without reading the row back: the entity has
            // columns later migrations add.
            let id = majlis::accounts::person::Entity::insert(majlis::accounts::person::ActiveModel {
                email: Set(email.into()),
                display_name: Set(email.into()),
                locale: Set("en".into()),
                password_hash: Set("x".into()),
                role: Set("member".into()),
                active: Set(true),
                created_at: Set(t),
                totp_secret: Set(None),
                totp_pending: Set(None),
                totp_last_step: Set(None),
                unread_notifications: Set(0),
                ..Default::default()
            })
            .exec(&conn)
            .await
            .unwrap()
            .last_insert_id;
            people.push(id);
        }
        let (p, q) = (people[0], people[1]);
        let mut ids = Vec::new();
        for (i, (person, kind, emailed)) in [
            (p, "practice-new", true),
            (p, "practice-new", true),
            (p, "practice-new", false),
            (p, "event-new", false),
            (q, "practice-new", true),
        ]
        .into_iter()
        .enumerate()
        {
            let n = notification::ActiveModel {
                person_id: Set(person),
                kind: Set(kind.into()),
                entity: Set("practice".into()),
                entity_id: Set(1),
                title: Set(TrText::new(Locale::En, "A practice").unwrap()),
                url: Set("/practices/a".into()),
                via_kind: Set(None),
                via_id: Set(None),
                via_title: Set(None),
                outbox_id: Set(1),
                read_at: Set(None),
                created_at: Set(t + Duration::minutes(i as i64)),
                ..Default::default()
            }
            .insert(&conn)
            .await
            .unwrap();
            if emailed {
                conn.execute_unprepared(&format!(
                    "UPDATE notification SET emailed_at = created_at WHERE id = {}",
                    n.id
                ))
                .await
                .unwrap();
            }
            ids.push(n.id);
        }
        Migrator::up(&conn, None).await.unwrap();
        let rows: Vec<(i32, String, i32, i32, bool)> = mailed::Entity::find()
            .order_by_asc(mailed::Column::PersonId)
            .order_by_asc(mailed::Column::Kind)
            .all(&conn)
            .await
            .unwrap()
            .into_iter()
            .map(|m| (m.person_id, m.kind, m.upto_id, m.latest_id, m.pending_since.is_some()))
            .collect();
        assert_eq!(
            rows,
            [
                (p, "event-new".to_owned(), 0, ids[3], true),
                (p, "practice-new".to_owned(), ids[1], ids[2], true),
                (q, "practice-new".to_owned(), ids[4], ids[4], false),
            ]
        );
        let waiting = mailed::Entity::find_by_id((p, "practice-new".to_owned()))
            .one(&conn)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(waiting.pending_since, Some(t + Duration::minutes(2)), "the waiting one's time");
        // The marks are gone with their column; the notifications stay.
        assert!(conn.execute_unprepared("SELECT emailed_at FROM notification").await.is_err());
        assert_eq!(notification::Entity::find().count(&conn).await.unwrap(), 5);
        common::drop_fresh_db(conn, pg_name).await;
    }
);
