//! Project ideas: a member of the lead municipality writes an idea (bad
//! input keeps what was typed and stores nothing), edits it (a version per
//! change, none for an unchanged save), moves its status (one step forward,
//! dropped only with a reason); members-only and participants-only ideas
//! stay hidden from those who may not read them (pages, lists, event pages,
//! search); partners are suggested with their reasons; the lead invites, a
//! mere member of the partner cannot accept, its focal point accepts (mail
//! to each side in their language), and leaving is recorded with who and
//! when. The demo's six Istanbul ideas load once. The outcomes chain: a
//! municipality's page lists the ideas it leads and its partnerships (with
//! their status, only what the reader may read, in fixed queries); the
//! network's page counts ideas and partnerships by status per reader (hand-
//! counted fixtures); `/api/v1/projects` and its detail carry partners and
//! the plan's figures as the plan's page shows them; an idea's milestones
//! are an iCalendar file as hidden as the idea. Both databases.

mod common;

use axum::http::StatusCode;
use common::{TestApp, coordinator, focal_point_of, municipality_id, person};
use majlis::policy::Role;
use majlis::projects::entities::{partner, partner_step, project, version};
use majlis::projects::rules::suggest::{Reason, suggestions};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter,
};

/// A member affiliated with `municipality` without being its focal point.
async fn member_of(app: &TestApp, email: &str, municipality: i32) -> i32 {
    let id = person(app, email, Role::Member).await;
    let tx = app.db.begin_write().await.unwrap();
    majlis::accounts::affiliation::ActiveModel {
        person_id: Set(id),
        municipality_id: Set(Some(municipality)),
        organisation_id: Set(None),
        position: Set(None),
        focal_point: Set(false),
        ..Default::default()
    }
    .insert(&tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn set_locale(app: &TestApp, person_id: i32, locale: &str) {
    use majlis::accounts::person;
    let tx = app.db.begin_write().await.unwrap();
    let p = person::Entity::find_by_id(person_id)
        .one(&tx)
        .await
        .unwrap()
        .unwrap();
    let mut am: person::ActiveModel = p.into();
    am.locale = Set(locale.to_owned());
    am.update(&tx).await.unwrap();
    tx.commit().await.unwrap();
}

async fn project_by_slug(app: &TestApp, slug: &str) -> project::Model {
    project::Entity::find()
        .filter(project::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no project {slug}"))
}

async fn theme_id(app: &TestApp, slug: &str) -> i32 {
    use majlis::directory::entities::theme;
    theme::Entity::find()
        .filter(theme::Column::Slug.eq(slug))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}

fn slug_of(location: &str) -> String {
    location
        .trim_start_matches("/projects/")
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

/// The idea form's fields for a new idea led by `lead`.
fn idea<'a>(
    csrf: &'a str,
    lead: &'a str,
    theme: &'a str,
    visibility: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("in", "en"),
        ("title", "Shared language cafés"),
        (
            "problem",
            "Newcomers have few places to practise the language.",
        ),
        ("objectives", "Weekly cafés\nVolunteer hosts"),
        ("activities", "Open two cafés"),
        ("theme", theme),
        ("lead", lead),
        ("visibility", visibility),
        ("programme", "Municipal Know-how"),
        ("programme_countries", "DE, TR"),
        ("partner_kind", "municipality"),
        ("partner_country", "DE"),
        ("partner_expertise", "Volunteer coordination"),
        ("partner_kind", ""),
        ("partner_country", ""),
        ("partner_expertise", ""),
    ]
}

db_test!(
    async fn an_idea_is_written_edited_and_versioned(app) {
        app.load_demo().await;
        let sahinbey = municipality_id(app, "sahinbey").await;
        let writer = member_of(app, "writer@example.org", sahinbey).await;
        let (cookie, csrf) = app.session_for(writer).await;
        let theme = theme_id(app, "language-learning").await.to_string();
        let lead = sahinbey.to_string();
        let before = project::Entity::find().count(app.db.read()).await.unwrap();

        // Bad input: the title missing, an unknown theme and country code;
        // the form comes back with what was typed and nothing is stored.
        let mut bad = idea(&csrf, &lead, "999999", "members");
        bad.retain(|(k, _)| *k != "title");
        bad.push(("title", ""));
        bad.retain(|(k, _)| *k != "programme_countries");
        bad.push(("programme_countries", "DE, XX"));
        let res = app.post_form("/projects/new?lang=en", &bad, &cookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
        assert!(res.body.contains("Newcomers have few places to practise the language."));
        assert_eq!(res.attr("#i-programme_countries", "value").as_deref(), Some("DE, XX"));
        assert_eq!(res.attr("#i-pe-0", "value").as_deref(), Some("Volunteer coordination"));
        assert!(res.attr("#i-title", "aria-invalid").is_some());
        assert!(res.attr("#i-programme_countries", "aria-invalid").is_some());
        assert_eq!(project::Entity::find().count(app.db.read()).await.unwrap(), before);

        // Someone affiliated with no municipality may not lead an idea.
        let loner = person(app, "loner@example.org", Role::Member).await;
        let (lc, lcsrf) = app.session_for(loner).await;
        let res = app
            .post_form("/projects/new", &idea(&lcsrf, &lead, &theme, "members"), &lc)
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Nor may a member name another municipality as lead.
        let kilis = municipality_id(app, "kilis").await.to_string();
        let res = app
            .post_form("/projects/new", &idea(&csrf, &kilis, &theme, "members"), &cookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(project::Entity::find().count(app.db.read()).await.unwrap(), before);

        let res = app
            .post_form("/projects/new?lang=en", &idea(&csrf, &lead, &theme, "members"), &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let slug = slug_of(res.header("location").unwrap());
        let p = project_by_slug(app, &slug).await;
        assert_eq!((p.version, p.status.as_str()), (1, "idea"));
        assert_eq!(p.lead_municipality_id, sahinbey);
        assert_eq!(p.programme_countries, ",DE,TR,");
        assert_eq!(p.partners_sought.0.len(), 1, "the empty row is left out");
        assert_eq!(p.objectives.as_ref().unwrap().original(), "Weekly cafés\nVolunteer hosts");

        // The page shows it.
        let page = app
            .get_with(&format!("/projects/{slug}?lang=en"), &[("cookie", &cookie)])
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.texts("h1"), vec!["Shared language cafés"]);
        assert!(page.body.contains("Volunteer coordination"));

        // A Turkish translation: a new version, the English text kept.
        let edit = format!("/projects/{slug}/edit?lang=en");
        let mut tr = idea(&csrf, &lead, &theme, "members");
        tr.retain(|(k, _)| !matches!(*k, "in" | "title" | "problem" | "objectives" | "activities" | "partner_expertise"));
        tr.extend([
            ("in", "tr"),
            ("title", "Ortak dil kafeleri"),
            ("partner_expertise", "Gönüllü koordinasyonu"),
            ("partner_expertise", ""),
        ]);
        let res = app.post_form(&edit, &tr, &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let p = project_by_slug(app, &slug).await;
        assert_eq!(p.version, 2);
        assert_eq!(p.title.get(majlis::i18n::Locale::Tr), Some("Ortak dil kafeleri"));
        assert_eq!(p.title.original(), "Shared language cafés");
        assert_eq!(p.problem.as_ref().unwrap().original(), "Newcomers have few places to practise the language.");
        let exp = p.partners_sought.0[0].expertise.as_ref().unwrap();
        assert_eq!(exp.get(majlis::i18n::Locale::Tr), Some("Gönüllü koordinasyonu"));
        assert_eq!(exp.original(), "Volunteer coordination");

        // The same again: nothing is written.
        let audits = majlis::audit::entity::Entity::find().count(app.db.read()).await.unwrap();
        let res = app.post_form(&edit, &tr, &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        assert_eq!(project_by_slug(app, &slug).await.version, 2);
        assert_eq!(
            majlis::audit::entity::Entity::find().count(app.db.read()).await.unwrap(),
            audits
        );
        let versions = version::Entity::find()
            .filter(version::Column::ProjectId.eq(p.id))
            .count(app.db.read())
            .await
            .unwrap();
        assert_eq!(versions, 2);

        // Someone of another municipality may not edit it.
        let other = member_of(app, "other@example.org", municipality_id(app, "kilis").await).await;
        let (oc, ocsrf) = app.session_for(other).await;
        let mut tr2 = tr.clone();
        tr2.retain(|(k, _)| *k != "csrf");
        tr2.push(("csrf", &ocsrf));
        // Members may read a members-only idea, but it is not theirs to edit.
        assert_eq!(app.post_form(&edit, &tr2, &oc).await.status, StatusCode::FORBIDDEN);
    }
);

db_test!(
    async fn status_moves_forward_and_a_drop_needs_a_reason(app) {
        app.load_demo().await;
        let sahinbey = municipality_id(app, "sahinbey").await;
        let focal = focal_point_of(app, "focal@example.org", sahinbey).await;
        let (cookie, csrf) = app.session_for(focal).await;
        let slug = "istanbul-2018-language-courses";
        let url = format!("/projects/{slug}/status?lang=en");
        let before = project_by_slug(app, slug).await;
        assert_eq!(before.status, "partnership-formed");

        // Skipping a step is refused.
        let res = app
            .post_form(&url, &[("csrf", &csrf), ("status", "completed")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        // Dropped without a reason: refused, the message shown, nothing changed.
        let res = app
            .post_form(&url, &[("csrf", &csrf), ("status", "dropped"), ("reason", "  ")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.body.contains("say why the idea is dropped"), "{}", res.body);
        assert!(res.attr("#i-status-dropped", "checked").is_some(), "the choice is kept");
        assert_eq!(project_by_slug(app, slug).await, before);

        let res = app
            .post_form(&url, &[("csrf", &csrf), ("status", "in-implementation")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let p = project_by_slug(app, slug).await;
        assert_eq!((p.status.as_str(), p.version), ("in-implementation", before.version + 1));

        let res = app
            .post_form(
                &url,
                &[("csrf", &csrf), ("status", "dropped"), ("reason", "The funding ended.")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let p = project_by_slug(app, slug).await;
        assert_eq!(p.status, "dropped");
        assert_eq!(p.drop_reason.unwrap().original(), "The funding ended.");
        let page = app.get(&format!("/projects/{slug}?lang=en")).await;
        assert!(page.body.contains("The funding ended."));
        // Nothing follows a drop.
        let res = app
            .post_form(&url, &[("csrf", &csrf), ("status", "idea")], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);

        // A member of another municipality may not change it.
        let stranger = member_of(app, "stranger@example.org", municipality_id(app, "kilis").await).await;
        let (sc, scsrf) = app.session_for(stranger).await;
        let res = app
            .post_form("/projects/istanbul-2018-integration-centres/status", &[("csrf", &scsrf), ("status", "partnership-formed")], &sc)
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
    }
);

db_test!(
    async fn members_only_and_participants_only_ideas_stay_hidden(app) {
        app.load_demo().await;
        app.index().await;
        let members_only = "istanbul-2018-vulnerable-groups";
        // Visitors: not on its page, not in the list, not on the event page.
        assert_eq!(app.get(&format!("/projects/{members_only}")).await.status, StatusCode::NOT_FOUND);
        let list = app.get("/projects?lang=en").await;
        assert_eq!(list.status, StatusCode::OK);
        assert!(!list.body.contains(members_only));
        assert!(list.body.contains("istanbul-2018-language-courses"));
        let event = app.get("/events/istanbul-2018-dialogue-workshop?lang=en").await;
        let linked = event.texts(".linked-projects li");
        assert_eq!(linked.len(), 5, "{linked:?}");
        assert!(linked.iter().any(|l| l.contains("Enhancing the provision of language courses") && l.contains("Partnership formed")));
        // The follow-up workshop lists them too.
        let follow = app.get("/events/follow-up-2019-02-dialogue-workshop?lang=en").await;
        assert_eq!(follow.texts(".linked-projects li").len(), 5);
        let found = app.get("/search?q=vulnerable+social+groups&lang=en").await;
        assert!(!found.body.contains(members_only));

        // Members see it.
        let member = person(app, "member@example.org", Role::Member).await;
        let (mc, _) = app.session_for(member).await;
        assert_eq!(
            app.get_with(&format!("/projects/{members_only}"), &[("cookie", &mc)]).await.status,
            StatusCode::OK
        );
        let event = app
            .get_with("/events/istanbul-2018-dialogue-workshop?lang=en", &[("cookie", &mc)])
            .await;
        assert_eq!(event.texts(".linked-projects li").len(), 6);
        let found = app
            .get_with("/search?q=vulnerable+social+groups&lang=en", &[("cookie", &mc)])
            .await;
        assert!(found.body.contains(members_only), "{}", found.body);

        // A participants-only idea of Şahinbey.
        let sahinbey = municipality_id(app, "sahinbey").await;
        let kilis = municipality_id(app, "kilis").await;
        let writer = focal_point_of(app, "focal-a@example.org", sahinbey).await;
        let colleague = member_of(app, "colleague@example.org", sahinbey).await;
        let focal_b = focal_point_of(app, "focal-b@example.org", kilis).await;
        let staff = coordinator(app, "coordinator@example.org").await;
        let (wc, wcsrf) = app.session_for(writer).await;
        let theme = theme_id(app, "education").await.to_string();
        let lead = sahinbey.to_string();
        let res = app
            .post_form("/projects/new", &idea(&wcsrf, &lead, &theme, "participants"), &wc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let slug = slug_of(res.header("location").unwrap());
        let page = format!("/projects/{slug}");
        let status_for = |id: i32| {
            let page = page.clone();
            async move {
                let (c, _) = app.session_for(id).await;
                app.get_with(&page, &[("cookie", &c)]).await.status
            }
        };
        assert_eq!(app.get(&page).await.status, StatusCode::NOT_FOUND);
        assert_eq!(status_for(member).await, StatusCode::NOT_FOUND);
        assert_eq!(status_for(focal_b).await, StatusCode::NOT_FOUND);
        assert_eq!(status_for(colleague).await, StatusCode::OK);
        assert_eq!(status_for(staff).await, StatusCode::OK);
        let (bc, _) = app.session_for(focal_b).await;
        assert!(!app.get_with("/projects", &[("cookie", &bc)]).await.body.contains(&slug));
        // Once Kilis is invited, its people take part.
        let res = app
            .post_form(&format!("{page}/partners"), &[("csrf", &wcsrf), ("municipality", "kilis")], &wc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        assert_eq!(status_for(focal_b).await, StatusCode::OK);
        assert!(app.get_with("/projects", &[("cookie", &bc)]).await.body.contains(&slug));
        assert_eq!(status_for(member).await, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn partners_are_suggested_with_their_reasons(app) {
        app.load_demo().await;
        let p = project_by_slug(app, "istanbul-2018-vocational-training").await;
        let themes = majlis::projects::rules::themes_of(app.db.read(), &[p.id])
            .await
            .unwrap()
            .remove(&p.id)
            .unwrap();
        let found = suggestions(app.db.read(), &p, &themes).await.unwrap();
        assert!(!found.is_empty());
        let lead = municipality_id(app, "leinebergland").await;
        let partner = municipality_id(app, "gaziantep").await;
        assert!(found.iter().all(|s| s.municipality.id != lead && s.municipality.id != partner));
        // A Turkish municipality is a funded pair with the German lead.
        assert!(found.iter().any(|s| s.municipality.country_code == "TR"
            && s.reasons.contains(&Reason::Funded { lead: "DE".into(), partner: "TR".into() })));
        // No German municipality is a funded pair with a German lead.
        assert!(!found.iter().any(|s| s.municipality.country_code == "DE"
            && s.reasons.iter().any(|r| matches!(r, Reason::Funded { .. }))));
        // A practice reason names a practice that municipality published on one of the themes.
        use majlis::library::entities::{practice, practice_theme};
        let mut practices = 0;
        for s in &found {
            for r in &s.reasons {
                if let Reason::Practice { slug, .. } = r {
                    let pr = practice::Entity::find()
                        .filter(practice::Column::Slug.eq(slug.as_str()))
                        .one(app.db.read())
                        .await
                        .unwrap()
                        .unwrap();
                    assert_eq!(pr.municipality_id, Some(s.municipality.id));
                    assert_eq!(pr.status, "published");
                    let on = practice_theme::Entity::find()
                        .filter(practice_theme::Column::PracticeId.eq(pr.id))
                        .all(app.db.read())
                        .await
                        .unwrap();
                    assert!(on.iter().any(|t| themes.contains(&t.theme_id)));
                    practices += 1;
                }
            }
        }
        assert!(practices > 0, "some municipality published a practice on these themes");
        // The page says why, in words.
        let page = app.get("/projects/istanbul-2018-vocational-training?lang=en").await;
        let reasons = page.texts(".suggestions li li");
        assert!(reasons.iter().any(|r| r.contains(" published “") && r.contains("in the same theme")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("The programme funds partnerships between")), "{reasons:?}");
        let de = app.get("/projects/istanbul-2018-vocational-training?lang=de").await;
        assert!(de.texts(".suggestions li li").iter().any(|r| r.contains("Das Programm fördert Partnerschaften")));
    }
);

db_test!(
    async fn invitation_accepted_by_the_focal_point_then_left(app) {
        app.load_demo().await;
        let sahinbey = municipality_id(app, "sahinbey").await;
        let kilis = municipality_id(app, "kilis").await;
        let lead = focal_point_of(app, "lead@example.org", sahinbey).await;
        let (lc, lcsrf) = app.session_for(lead).await;
        let slug = "istanbul-2018-language-courses";
        let page = format!("/projects/{slug}");
        let p = project_by_slug(app, slug).await;

        // No focal point in Kilis yet: the invitation cannot be answered.
        let res = app
            .post_form(&format!("{page}/partners?lang=en"), &[("csrf", &lcsrf), ("municipality", "kilis")], &lc)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(res.body.contains("no focal point"), "{}", res.body);
        assert_eq!(res.attr("#i-municipality option[selected]", "value").as_deref(), Some("kilis"));

        let focal_b = focal_point_of(app, "focal-b@example.org", kilis).await;
        set_locale(app, focal_b, "tr").await;
        let mere_member = member_of(app, "member-b@example.org", kilis).await;
        let res = app
            .post_form(&format!("{page}/partners"), &[("csrf", &lcsrf), ("municipality", "kilis")], &lc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        // Twice is refused.
        let res = app
            .post_form(&format!("{page}/partners"), &[("csrf", &lcsrf), ("municipality", "kilis")], &lc)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert!(app.deliver_mail().await >= 1);
        let mails = app.mails();
        let invitation = mails.iter().find(|m| m.contains("focal-b@example.org")).expect("an invitation");
        assert!(
            invitation.contains("belediyesini") && invitation.contains("lang=3Dtr"),
            "in Turkish: {invitation}"
        );

        // A member of Kilis who is not its focal point cannot accept.
        let (mc, mcsrf) = app.session_for(mere_member).await;
        let res = app
            .post_form(&format!("{page}/partners/kilis/accept"), &[("csrf", &mcsrf)], &mc)
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        // Nor can Şahinbey's own focal point.
        let res = app
            .post_form(&format!("{page}/partners/kilis/accept"), &[("csrf", &lcsrf)], &lc)
            .await;
        assert_eq!(res.status, StatusCode::FORBIDDEN);
        let row = partner::Entity::find_by_id((p.id, kilis)).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(row.status, "invited");

        let (bc, bcsrf) = app.session_for(focal_b).await;
        let shown = app.get_with(&format!("{page}?lang=en"), &[("cookie", &bc)]).await;
        assert!(shown.body.contains("/partners/kilis/accept"));
        let res = app
            .post_form(&format!("{page}/partners/kilis/accept"), &[("csrf", &bcsrf)], &bc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let row = partner::Entity::find_by_id((p.id, kilis)).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(row.status, "accepted");
        app.deliver_mail().await;
        assert!(app.mails().iter().any(|m| m.contains("lead@example.org") && m.contains("accepted")));
        // Accepting again: no open invitation.
        let res = app
            .post_form(&format!("{page}/partners/kilis/accept"), &[("csrf", &bcsrf)], &bc)
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);

        // Kilis leaves: recorded with who and when, shown in the history.
        let res = app
            .post_form(&format!("{page}/partners/kilis/leave"), &[("csrf", &bcsrf)], &bc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let steps = partner_step::Entity::find()
            .filter(partner_step::Column::ProjectId.eq(p.id))
            .filter(partner_step::Column::MunicipalityId.eq(kilis))
            .all(app.db.read())
            .await
            .unwrap();
        let kinds: Vec<(&str, Option<i32>)> = steps.iter().map(|s| (s.step.as_str(), s.person_id)).collect();
        assert_eq!(kinds, vec![("invited", Some(lead)), ("accepted", Some(focal_b)), ("left", Some(focal_b))]);
        let history = app.get(&format!("{page}?lang=en")).await.texts(".history li");
        assert!(history.iter().any(|h| h.contains("left the partnership") && h.contains("focal-b@example.org")), "{history:?}");

        // The lead invites again; then ends the partnership itself.
        app.post_form(&format!("{page}/partners"), &[("csrf", &lcsrf), ("municipality", "kilis")], &lc).await;
        let res = app
            .post_form(&format!("{page}/partners/kilis/leave"), &[("csrf", &lcsrf)], &lc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER);
        let last = partner_step::Entity::find()
            .filter(partner_step::Column::ProjectId.eq(p.id))
            .all(app.db.read())
            .await
            .unwrap()
            .into_iter()
            .max_by_key(|s| s.id)
            .unwrap();
        assert_eq!((last.step.as_str(), last.person_id), ("removed", Some(lead)));
        // A visitor cannot do any of it.
        let res = app.post_form(&format!("{page}/partners/kilis/leave"), &[("csrf", "x")], "").await;
        assert!(res.status == StatusCode::UNAUTHORIZED || res.status == StatusCode::FORBIDDEN, "{}", res.status);
    }
);

db_test!(
    async fn the_list_filters_in_a_fixed_number_of_queries(app) {
        app.load_demo().await;
        let all = app.get("/projects?lang=en&per_page=50").await;
        let few = app.get("/projects?lang=en&per_page=2").await;
        assert_eq!(all.status, StatusCode::OK);
        assert_eq!(all.texts(".cards > li").len(), 5);
        assert_eq!(few.texts(".cards > li").len(), 2);
        assert_eq!(all.queries(), few.queries());
        assert!(all.queries() <= 4, "{}", all.queries());
        let concept = app.get("/projects?lang=en&status=concept").await;
        assert_eq!(concept.texts(".cards > li").len(), 2);
        let de = app.get("/projects?lang=en&country=DE").await;
        assert_eq!(de.texts(".cards > li").len(), 2, "Oberhausen and Leinebergland lead");
        let lang = app.get("/projects?lang=en&theme=language-learning").await;
        assert_eq!(lang.texts(".cards > li").len(), 1);
        assert_eq!(app.get("/projects?theme=no-such-theme").await.texts(".cards > li").len(), 0);
        assert_eq!(app.get("/projects?status=nonsense").await.status, StatusCode::BAD_REQUEST);
        // An idea's page: a fixed number of queries.
        let page = app.get("/projects/istanbul-2018-language-courses?lang=en").await;
        assert_eq!(page.status, StatusCode::OK);
        // The idea, its partners, history, suggestions and its action plan's
        // summary: a fixed number, whatever their sizes.
        assert!(page.queries() <= 18, "{}", page.queries());
        // The demo's illustrative plan: its progress and a link.
        assert!(page.attr(".project-plan a[href^='/plans/']", "href").is_some());
        assert!(page.texts(".project-plan p").iter().any(|t| t.contains("% done")));
        let event = app.get("/events/istanbul-2018-dialogue-workshop?lang=en").await;
        let linked = event.texts(".linked-projects li");
        assert!(
            linked.iter().any(|l| l.contains("language courses") && l.contains("% done")),
            "{linked:?}"
        );
        assert!(page.body.contains("illustrative"));
    }
);

db_test!(
    async fn the_demo_ideas_load_once(app) {
        app.load_demo().await;
        let count = || async move {
            (
                project::Entity::find().count(app.db.read()).await.unwrap(),
                partner::Entity::find().count(app.db.read()).await.unwrap(),
                partner_step::Entity::find().count(app.db.read()).await.unwrap(),
                majlis::db::outbox::entity::Entity::find().count(app.db.read()).await.unwrap(),
                // The projects' plans (the demo's cohesion plans are counted
                // in tests/cohesion_plans.rs).
                majlis::plans::entities::plan::Entity::find()
                    .filter(majlis::plans::entities::plan::Column::OwnerKind.eq("project"))
                    .count(app.db.read())
                    .await
                    .unwrap(),
                majlis::plans::entities::step::Entity::find().count(app.db.read()).await.unwrap(),
                majlis::audit::entity::Entity::find().count(app.db.read()).await.unwrap(),
            )
        };
        let first = count().await;
        assert_eq!(first.0, 6);
        assert_eq!(first.4, 3, "three illustrative plans");
        app.load_demo().await;
        assert_eq!(count().await, first);
        let p = project_by_slug(app, "istanbul-2018-language-courses").await;
        assert!(p.illustrative);
        assert!(p.session_id.is_some(), "the plenary on the six ideas");
    }
);

// ---------------------------------------------------------------------------
// The outcomes chain: a municipality's ideas and partnerships, the network's
// figures by status, the JSON API and the milestones' calendar.

/// An idea written straight into the database with its partners: its id.
async fn stored_idea(
    app: &TestApp,
    slug: &str,
    lead: i32,
    status: &str,
    visibility: &str,
    partners: &[(i32, &str)],
) -> i32 {
    let title = format!("Idea {slug}");
    common::stored_project(app, slug, &title, lead, status, visibility, partners).await
}

/// Municipalities the demo's ideas leave alone (E, K, R, P below).
struct Outcomes {
    essen: i32,
    kilis: i32,
    potsdam: i32,
}

/// Eight ideas, counted by hand in the tests:
///
/// | idea                       | lead | status             | visibility   | partners               |
/// |----------------------------|------|--------------------|--------------|------------------------|
/// | e-public-idea              | E    | idea               | public       | K invited              |
/// | e-members-concept          | E    | concept            | members      | R accepted             |
/// | e-participants-formed      | E    | partnership-formed | participants | K accepted             |
/// | k-public-idea              | K    | idea               | public       | E invited              |
/// | k-members-implementation   | K    | in-implementation  | members      | E accepted, P left     |
/// | k-public-completed         | K    | completed          | public       | E left                 |
/// | k-public-dropped           | K    | dropped            | public       | E declined             |
/// | p-public-concept           | P    | concept            | public       |                        |
async fn outcomes_world(app: &TestApp) -> Outcomes {
    let e = municipality_id(app, "essen").await;
    let k = municipality_id(app, "kilis").await;
    let r = municipality_id(app, "ravensburg").await;
    let p = municipality_id(app, "potsdam").await;
    for (slug, lead, status, visibility, partners) in [
        ("e-public-idea", e, "idea", "public", vec![(k, "invited")]),
        (
            "e-members-concept",
            e,
            "concept",
            "members",
            vec![(r, "accepted")],
        ),
        (
            "e-participants-formed",
            e,
            "partnership-formed",
            "participants",
            vec![(k, "accepted")],
        ),
        ("k-public-idea", k, "idea", "public", vec![(e, "invited")]),
        (
            "k-members-implementation",
            k,
            "in-implementation",
            "members",
            vec![(e, "accepted"), (p, "left")],
        ),
        (
            "k-public-completed",
            k,
            "completed",
            "public",
            vec![(e, "left")],
        ),
        (
            "k-public-dropped",
            k,
            "dropped",
            "public",
            vec![(e, "declined")],
        ),
        ("p-public-concept", p, "concept", "public", vec![]),
    ] {
        stored_idea(app, slug, lead, status, visibility, &partners).await;
    }
    Outcomes {
        essen: e,
        kilis: k,
        potsdam: p,
    }
}

/// Every `href` matched by `selector`, without `?lang=`.
fn hrefs(res: &common::TestResponse, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    res.html()
        .select(&sel)
        .filter_map(|e| e.value().attr("href"))
        .map(|h| h.split('?').next().unwrap_or_default().to_owned())
        .collect()
}

/// Texts without Fluent's isolation marks around placeables.
fn plain(t: &str) -> String {
    t.replace(['\u{2068}', '\u{2069}'], "")
}

db_test!(
    async fn a_municipality_page_lists_its_ideas_and_partnerships(app) {
        app.load_demo().await;
        let w = outcomes_world(app).await;
        let ideas = ".linked-projects li a";
        let partnerships = ".linked-partnerships li a";

        // A visitor: public ideas only; a declined invitation is no partnership.
        let page = app.get("/municipalities/essen?lang=en").await;
        assert_eq!(page.status, StatusCode::OK);
        assert_eq!(page.texts("#h-linked-projects"), ["Project ideas"]);
        assert_eq!(page.texts("#h-linked-partnerships"), ["Partnerships"]);
        assert_eq!(hrefs(&page, ideas), ["/projects/e-public-idea"]);
        assert_eq!(page.texts(".linked-projects li .badge"), ["Idea"]);
        assert_eq!(hrefs(&page, partnerships), ["/projects/k-public-idea", "/projects/k-public-completed"]);
        assert_eq!(page.texts(".linked-partnerships li .badge"), ["Invited", "Left"]);
        assert!(!page.body.contains("e-members-concept"));
        assert!(!page.body.contains("k-public-dropped"));

        // A member: members-only ideas too, not participants-only ones.
        let member = person(app, "member@example.org", Role::Member).await;
        let (mc, _) = app.session_for(member).await;
        let page = app.get_with("/municipalities/essen?lang=en", &[("cookie", &mc)]).await;
        assert_eq!(hrefs(&page, ideas), ["/projects/e-public-idea", "/projects/e-members-concept"]);
        assert_eq!(page.texts(".linked-projects li .badge"), ["Idea", "Concept"]);
        assert_eq!(
            hrefs(&page, partnerships),
            ["/projects/k-public-idea", "/projects/k-members-implementation", "/projects/k-public-completed"]
        );
        assert_eq!(page.texts(".linked-partnerships li .badge"), ["Invited", "Partner", "Left"]);
        // Kilis's accepted partnership in a participants-only idea stays hidden.
        let kilis = app.get_with("/municipalities/kilis?lang=en", &[("cookie", &mc)]).await;
        assert_eq!(hrefs(&kilis, partnerships), ["/projects/e-public-idea"]);

        // Essen's own people take part in its participants-only idea.
        let colleague = focal_point_of(app, "focal@essen.test", w.essen).await;
        let (cc, ccsrf) = app.session_for(colleague).await;
        let page = app.get_with("/municipalities/essen?lang=en", &[("cookie", &cc)]).await;
        assert_eq!(
            hrefs(&page, ideas),
            ["/projects/e-public-idea", "/projects/e-members-concept", "/projects/e-participants-formed"]
        );
        assert_eq!(page.texts(".linked-projects li .badge"), ["Idea", "Concept", "Partnership formed"]);
        let kilis = app.get_with("/municipalities/kilis?lang=en", &[("cookie", &cc)]).await;
        assert_eq!(hrefs(&kilis, partnerships), ["/projects/e-public-idea", "/projects/e-participants-formed"]);
        assert_eq!(kilis.texts(".linked-partnerships li .badge"), ["Invited", "Partner"]);

        // A change through the idea's page shows at once (no stale cache).
        let res = app
            .post_form("/projects/e-public-idea/status", &[("csrf", &ccsrf), ("status", "concept")], &cc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let page = app.get("/municipalities/essen?lang=en").await;
        assert_eq!(page.texts(".linked-projects li .badge"), ["Concept"]);
        // In German.
        let de = app.get("/municipalities/essen?lang=de").await;
        assert_eq!(de.texts("#h-linked-partnerships"), ["Partnerschaften"]);
        assert_eq!(de.texts(".linked-partnerships li .badge"), ["Eingeladen", "Ausgetreten"]);
    }
);

db_test!(
    async fn a_municipality_page_reads_as_many_queries_for_one_idea_as_for_twenty(app) {
        app.load_demo().await;
        let w = outcomes_world(app).await;
        let page = "/municipalities/potsdam?lang=en";
        // One idea led, one partnership (left, in a members-only idea).
        let member = person(app, "member@example.org", Role::Member).await;
        let (mc, _) = app.session_for(member).await;
        let one = app.get_with(page, &[("cookie", &mc)]).await;
        assert_eq!(one.status, StatusCode::OK);
        assert_eq!(one.texts(".linked-projects li").len(), 1);
        assert_eq!(one.texts(".linked-partnerships li").len(), 1);
        for n in 0..19 {
            stored_idea(app, &format!("p-more-{n}"), w.potsdam, "idea", "public", &[]).await;
            stored_idea(app, &format!("k-with-p-{n}"), w.kilis, "concept", "members", &[(w.potsdam, "accepted")]).await;
        }
        let twenty = app.get_with(page, &[("cookie", &mc)]).await;
        assert_eq!(twenty.texts(".linked-projects li").len(), 20);
        assert_eq!(twenty.texts(".linked-partnerships li").len(), 20);
        assert_eq!(one.queries(), twenty.queries());
        // Seen again: the content has not moved, nothing more is read for the sections.
        let again = app.get_with(page, &[("cookie", &mc)]).await;
        assert!(again.queries() < twenty.queries(), "{} then {}", twenty.queries(), again.queries());
        // At most a hundred of each.
        for n in 0..85 {
            stored_idea(app, &format!("p-many-{n}"), w.potsdam, "idea", "public", &[]).await;
        }
        let many = app.get(page).await;
        assert_eq!(many.texts(".linked-projects li").len(), 100);
    }
);

/// The network page's table `section` as (label, count) rows.
fn figures(res: &common::TestResponse, section: &str) -> Vec<(String, i64)> {
    let labels = res.texts(&format!(".figures-{section} tbody th"));
    let counts = res.texts(&format!(".figures-{section} tbody td"));
    assert_eq!(labels.len(), counts.len());
    labels
        .into_iter()
        .zip(
            counts
                .iter()
                .map(|c| c.replace(',', "").trim().parse::<i64>().unwrap()),
        )
        .collect()
}

/// Each count of `after` less the same row of `before`.
fn grown(before: &[(String, i64)], after: &[(String, i64)]) -> Vec<(String, i64)> {
    before
        .iter()
        .zip(after)
        .map(|((l, b), (l2, a))| {
            assert_eq!(l, l2);
            (l.clone(), a - b)
        })
        .collect()
}

fn rows(expected: &[(&str, i64)]) -> Vec<(String, i64)> {
    expected
        .iter()
        .map(|(l, n)| ((*l).to_owned(), *n))
        .collect()
}

db_test!(
    async fn the_network_counts_ideas_and_partnerships_by_status(app) {
        app.load_demo().await;
        let essen = municipality_id(app, "essen").await;
        let member = person(app, "member@example.org", Role::Member).await;
        let essen_member = member_of(app, "colleague@essen.test", essen).await;
        let staff = coordinator(app, "coordinator@example.org").await;
        let readers: Vec<(&str, String)> = vec![
            ("visitor", String::new()),
            ("member", app.session_for(member).await.0),
            ("essen", app.session_for(essen_member).await.0),
            ("staff", app.session_for(staff).await.0),
        ];
        let read = |cookie: String| async move {
            let h: Vec<(&str, &str)> = if cookie.is_empty() { vec![] } else { vec![("cookie", cookie.as_str())] };
            let res = app.get_with("/network?lang=en", &h).await;
            assert_eq!(res.status, StatusCode::OK);
            res
        };
        let mut before = Vec::new();
        for (_, c) in &readers {
            let res = read(c.clone()).await;
            before.push((figures(&res, "projects"), figures(&res, "partnerships")));
        }
        outcomes_world(app).await;
        // Counted by hand from the table of `outcomes_world`.
        let visitor = (
            rows(&[("Idea", 2), ("Concept", 1), ("Partnership formed", 0), ("In implementation", 0), ("Completed", 1), ("Dropped", 1)]),
            rows(&[("Invited", 2), ("Partner", 0), ("Declined", 1), ("Left", 1)]),
        );
        let member_sees = (
            rows(&[("Idea", 2), ("Concept", 2), ("Partnership formed", 0), ("In implementation", 1), ("Completed", 1), ("Dropped", 1)]),
            rows(&[("Invited", 2), ("Partner", 2), ("Declined", 1), ("Left", 2)]),
        );
        let participant_sees = (
            rows(&[("Idea", 2), ("Concept", 2), ("Partnership formed", 1), ("In implementation", 1), ("Completed", 1), ("Dropped", 1)]),
            rows(&[("Invited", 2), ("Partner", 3), ("Declined", 1), ("Left", 2)]),
        );
        let expected = [&visitor, &member_sees, &participant_sees, &participant_sees];
        for (((who, c), (ideas, partners)), want) in readers.iter().zip(&before).zip(expected) {
            let res = read(c.clone()).await;
            assert_eq!(grown(ideas, &figures(&res, "projects")), want.0, "ideas seen by {who}");
            assert_eq!(grown(partners, &figures(&res, "partnerships")), want.1, "partnerships seen by {who}");
            // The totals add up, and each status links to its list.
            let total: i64 = figures(&res, "projects").iter().map(|(_, n)| n).sum();
            assert_eq!(res.texts(".figures-projects tfoot td"), [total.to_string()]);
            assert!(res.attr(".figures-projects a[href^='/projects?status=concept']", "href").is_some());
            assert!(res.queries() <= 6, "{who}: {} queries", res.queries());
        }
        let ar = app.get("/network?lang=ar").await;
        assert_eq!(ar.texts("#h-figures-projects"), ["أفكار المشاريع حسب الحالة"]);
    }
);

/// The plan of `e-public-idea`, made through the plan pages by Essen's
/// focal point: two steps (done, weight 1; in progress at 50 %, weight 3:
/// 63 %), two milestones (one reached), an indicator from 12 down to 4
/// weeks measured at 11 then 10 (25 %). Returns (plan id, the focal point's
/// cookie).
async fn essen_plan(app: &TestApp, essen: i32) -> (i32, String) {
    let focal = focal_point_of(app, "focal@essen.test", essen).await;
    let (fc, fcsrf) = app.session_for(focal).await;
    let p = project_by_slug(app, "e-public-idea").await;
    let id = p.id.to_string();
    let res = app
        .post_form(
            "/plans",
            &[
                ("csrf", &fcsrf),
                ("owner_kind", "project"),
                ("owner_id", &id),
            ],
            &fc,
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let plan: i32 = res
        .header("location")
        .unwrap()
        .trim_start_matches("/plans/")
        .split(['?', '/', '#'])
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let post = |path: String, pairs: Vec<(&'static str, &str)>| {
        let (fc, fcsrf) = (fc.clone(), fcsrf.clone());
        let mut all: Vec<(&'static str, String)> =
            pairs.into_iter().map(|(k, v)| (k, v.to_owned())).collect();
        async move {
            all.push(("csrf", fcsrf));
            let all: Vec<(&str, &str)> = all.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let res = app.post_form(&path, &all, &fc).await;
            assert_eq!(res.status, StatusCode::SEE_OTHER, "{path}: {}", res.body);
        }
    };
    for (title, status, percent, weight) in [
        ("Teachers hired", "done", "100", "1"),
        ("Courses run", "in-progress", "50", "3"),
    ] {
        post(
            format!("/plans/{plan}/steps/new?in=en"),
            vec![
                ("title", title),
                ("starts_on", "2019-03-01"),
                ("due_on", "2019-09-30"),
                ("status", status),
                ("percent", percent),
                ("weight", weight),
            ],
        )
        .await;
    }
    post(
        format!("/plans/{plan}/milestones/new?in=en"),
        vec![
            ("title", "Courses open"),
            ("due_on", "2019-09-01"),
            ("reached_on", "2019-09-03"),
        ],
    )
    .await;
    post(
        format!("/plans/{plan}/milestones/new?in=en"),
        vec![
            ("title", "First graduates"),
            ("due_on", "2020-06-30"),
            ("reached_on", ""),
        ],
    )
    .await;
    post(
        format!("/plans/{plan}/indicators/new?in=en"),
        vec![
            ("name", "Weeks waiting for a course"),
            ("unit", "weeks"),
            ("baseline_value", "12"),
            ("baseline_on", "2019-01-01"),
            ("target_value", "4"),
            ("target_on", "2020-12-31"),
        ],
    )
    .await;
    let ind = majlis::plans::entities::indicator::Entity::find()
        .filter(majlis::plans::entities::indicator::Column::PlanId.eq(plan))
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap()
        .id
        .to_string();
    for (on, value) in [("2019-06-01", "11"), ("2019-12-01", "10")] {
        post(
            format!("/plans/{plan}/measurements/new"),
            vec![
                ("indicator", ind.as_str()),
                ("measured_on", on),
                ("value", value),
                ("source", "Course register"),
            ],
        )
        .await;
    }
    (plan, fc)
}

db_test!(
    async fn the_api_lists_ideas_and_details_one_with_partners_and_plan(app) {
        app.load_demo().await;
        let w = outcomes_world(app).await;
        let (plan, fc) = essen_plan(app, w.essen).await;

        // The list: filters as on /projects, a fixed number of queries.
        let list = app.get("/api/v1/projects?status=idea&country=DE").await;
        assert_eq!(list.status, StatusCode::OK);
        let j = list.json();
        let slugs: Vec<&str> = j["items"].as_array().unwrap().iter().map(|i| i["slug"].as_str().unwrap()).collect();
        assert!(slugs.contains(&"e-public-idea"), "{j}");
        assert!(!slugs.contains(&"k-public-idea"), "Kilis is in Türkiye");
        assert!(!slugs.contains(&"e-members-concept"));
        assert_eq!(j["total"].as_u64().unwrap() as usize, slugs.len());
        let e = j["items"].as_array().unwrap().iter().find(|i| i["slug"] == "e-public-idea").unwrap();
        assert_eq!(e["url"], "http://majlis.test/projects/e-public-idea");
        assert_eq!(e["status"], "idea");
        assert_eq!(e["visibility"], "public");
        assert_eq!(e["lead"]["slug"], "essen");
        assert_eq!(e["lead"]["country"], "DE");
        assert_eq!(e["plan_progress"], 63);
        let few = app.get("/api/v1/projects?per_page=1").await;
        let all = app.get("/api/v1/projects?per_page=100").await;
        assert_eq!(few.json()["items"].as_array().unwrap().len(), 1);
        assert_eq!(
            all.json()["items"].as_array().unwrap().len() as u64,
            all.json()["total"].as_u64().unwrap()
        );
        // The page, its themes, leads, plans and their steps: at most five
        // (fewer when a set is empty, e.g. a page without plans), and for a
        // visitor the content version their answer is kept under.
        assert!(few.queries() <= 6, "{}", few.queries());
        assert!(all.queries() <= 6, "{}", all.queries());
        assert_eq!(app.get("/api/v1/projects?status=nonsense").await.status, StatusCode::BAD_REQUEST);
        let members = person(app, "member@example.org", Role::Member).await;
        let (mc, _) = app.session_for(members).await;
        let seen = app.get_with("/api/v1/projects?per_page=100", &[("cookie", &mc)]).await.json();
        assert!(seen.to_string().contains("e-members-concept"));
        assert!(!all.json().to_string().contains("e-members-concept"));

        // One idea, with its partners and its plan as the plan's page shows it.
        let one = app.get("/api/v1/projects/e-public-idea?lang=en").await;
        assert_eq!(one.status, StatusCode::OK);
        let d = one.json();
        assert_eq!(d["title"], "Idea e-public-idea");
        assert_eq!(d["title_lang"], "en");
        assert_eq!(d["partners"].as_array().unwrap().len(), 1);
        assert_eq!(d["partners"][0]["slug"], "kilis");
        assert_eq!(d["partners"][0]["country"], "TR");
        assert_eq!(d["partners"][0]["status"], "invited");
        assert!(d["partners"][0]["name"].as_str().unwrap().contains("Kilis"));
        assert_eq!(d["event"], serde_json::Value::Null);
        let p = &d["plan"];
        assert_eq!(p["url"], format!("http://majlis.test/plans/{plan}"));
        let page = app.get_with(&format!("/plans/{plan}"), &[("cookie", &fc)]).await;
        let shown: u64 = page.attr("#plan-progress-bar", "value").unwrap().parse().unwrap();
        assert_eq!(p["progress"].as_u64(), Some(shown));
        assert_eq!(p["progress"], 63);
        assert_eq!(d["plan_progress"], 63);
        assert_eq!(p["illustrative"], false);
        assert_eq!((p["steps"].as_u64(), p["steps_done"].as_u64()), (Some(2), Some(1)));
        let ms = p["milestones"].as_array().unwrap();
        assert_eq!(ms.len(), 2);
        assert_eq!(ms[0]["title"], "Courses open");
        assert_eq!(ms[0]["due"], "2019-09-01");
        assert_eq!(ms[0]["reached"], true);
        assert_eq!(ms[0]["reached_on"], "2019-09-03");
        assert_eq!(ms[1]["reached"], false);
        let ind = &p["indicators"][0];
        assert_eq!(ind["title"], "Weeks waiting for a course");
        assert_eq!(ind["unit"], "weeks");
        assert_eq!((ind["baseline"].as_f64(), ind["target"].as_f64()), (Some(12.0), Some(4.0)));
        assert_eq!(ind["latest"].as_f64(), Some(10.0));
        assert_eq!(ind["latest_on"], "2019-12-01");
        assert_eq!(ind["attainment"], 25);

        // A demo idea with an event, a session and an accepted partner.
        let demo = app.get("/api/v1/projects/istanbul-2018-language-courses").await.json();
        assert_eq!(demo["event"], "istanbul-2018-dialogue-workshop");
        assert!(demo["session"]["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(demo["partners"].as_array().unwrap().iter().any(|p| p["status"] == "accepted"));
        assert_eq!(demo["programme_countries"].as_array().map(|a| !a.is_empty()), Some(true));

        // What a visitor may not read is not found, as JSON.
        let hidden = app.get("/api/v1/projects/e-participants-formed").await;
        assert_eq!(hidden.status, StatusCode::NOT_FOUND);
        assert_eq!(hidden.json()["code"], "not-found");
        assert!(hidden.json()["message"].is_string());
        assert_eq!(
            app.get_with("/api/v1/projects/e-participants-formed", &[("cookie", &mc)]).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get_with("/api/v1/projects/e-participants-formed", &[("cookie", &fc)]).await.status,
            StatusCode::OK
        );
        assert_eq!(app.get("/api/v1/projects/no-such-idea").await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn an_ideas_milestones_are_a_calendar(app) {
        app.load_demo().await;
        let w = outcomes_world(app).await;
        let (plan, fc) = essen_plan(app, w.essen).await;
        let res = app.get("/projects/e-public-idea/milestones.ics?lang=en").await;
        assert_eq!(res.status, StatusCode::OK);
        assert!(res.header("content-type").unwrap().starts_with("text/calendar"));
        let body = res.body.replace("\r\n ", "");
        assert!(body.starts_with("BEGIN:VCALENDAR"), "{body}");
        assert_eq!(body.matches("BEGIN:VEVENT").count(), 2, "{body}");
        assert!(body.contains("DTSTART;VALUE=DATE:20190901"), "{body}");
        assert!(body.contains("DTEND;VALUE=DATE:20190902"), "{body}");
        assert!(body.contains("DTSTART;VALUE=DATE:20200630"), "{body}");
        assert!(body.contains("SUMMARY:Courses open"), "{body}");
        assert!(body.contains(&format!("URL:http://majlis.test/plans/{plan}")), "{body}");
        let ms = majlis::plans::entities::milestone::Entity::find()
            .filter(majlis::plans::entities::milestone::Column::PlanId.eq(plan))
            .all(app.db.read())
            .await
            .unwrap();
        for m in &ms {
            assert!(body.contains(&format!("UID:plan-milestone-{}@majlis.test", m.id)), "{body}");
        }
        assert!(plain(&body).contains("Reached on 3 September 2019"), "{body}");
        assert!(plain(&body).contains("Not reached yet"), "{body}");
        // It parses.
        let parsed: icalendar::Calendar = body.parse().expect("a valid calendar");
        let events = parsed.components.iter().filter(|c| matches!(c, icalendar::CalendarComponent::Event(_))).count();
        assert_eq!(events, 2);
        // In the reader's language.
        let de = app.get("/projects/e-public-idea/milestones.ics?lang=de").await.body.replace("\r\n ", "");
        assert!(plain(&de).contains("Meilenstein der Projektidee"), "{de}");
        // The idea's page links it.
        let page = app.get("/projects/e-public-idea?lang=en").await;
        assert_eq!(
            page.attr("a.calendar-link", "href").as_deref(),
            Some("/projects/e-public-idea/milestones.ics?lang=en")
        );
        // So does its plan's page, beside the milestones.
        let plan_page = app.get(&format!("/plans/{plan}?lang=en")).await;
        assert_eq!(
            plan_page.attr("#milestones a.calendar-link", "href").as_deref(),
            Some("/projects/e-public-idea/milestones.ics?lang=en")
        );
        // As hidden as the idea; an idea without a plan has an empty calendar.
        let hidden = "/projects/e-participants-formed/milestones.ics";
        assert_eq!(app.get(hidden).await.status, StatusCode::NOT_FOUND);
        let empty = app.get_with(hidden, &[("cookie", &fc)]).await;
        assert_eq!(empty.status, StatusCode::OK);
        assert!(empty.body.starts_with("BEGIN:VCALENDAR"));
        assert!(empty.body.contains("END:VCALENDAR"));
        assert_eq!(empty.body.matches("BEGIN:VEVENT").count(), 0);
        let _: icalendar::Calendar = empty.body.parse().expect("a valid empty calendar");
        assert_eq!(app.get("/projects/no-such-idea/milestones.ics").await.status, StatusCode::NOT_FOUND);
    }
);

db_test!(
    async fn a_participants_only_idea_is_found_by_whoever_joins_its_municipality(app) {
        use majlis::accounts::people::{AffiliationTarget, add_affiliation, remove_affiliation};
        app.load_demo().await;
        let sahinbey = municipality_id(app, "sahinbey").await;
        let writer = focal_point_of(app, "focal-a@example.org", sahinbey).await;
        let (wc, wcsrf) = app.session_for(writer).await;
        let theme = theme_id(app, "education").await.to_string();
        let lead = sahinbey.to_string();
        let res = app
            .post_form("/projects/new", &idea(&wcsrf, &lead, &theme, "participants"), &wc)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let slug = slug_of(res.header("location").unwrap());
        let newcomer = person(app, "newcomer@example.org", Role::Member).await;
        let (nc, _) = app.session_for(newcomer).await;
        let finds = || async {
            app.index().await;
            app.get_with("/search?q=language+cafés&lang=en", &[("cookie", &nc)])
                .await
                .body
                .contains(&slug)
        };
        assert!(!finds().await, "not yet of Şahinbey");
        let staff = majlis::policy::Actor::with_role(0, Role::Admin, vec![]);
        let origin = majlis::audit::Origin::cli();
        let target = AffiliationTarget::Municipality { id: sahinbey, focal_point: false };
        add_affiliation(&app.db, &staff, &origin, newcomer, target, None).await.unwrap();
        assert!(finds().await, "of Şahinbey now");
        let tie = majlis::accounts::affiliation::Entity::find()
            .filter(majlis::accounts::affiliation::Column::PersonId.eq(newcomer))
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        remove_affiliation(&app.db, &staff, &origin, newcomer, tie.id).await.unwrap();
        assert!(!finds().await, "no longer of Şahinbey");
    }
);
