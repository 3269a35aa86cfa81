//! Project ideas: a member of the lead municipality writes an idea (bad
//! input keeps what was typed and stores nothing), edits it (a version per
//! change, none for an unchanged save), moves its status (one step forward,
//! dropped only with a reason); members-only and participants-only ideas
//! stay hidden from those who may not read them (pages, lists, event pages,
//! search); partners are suggested with their reasons; the lead invites, a
//! mere member of the partner cannot accept, its focal point accepts (mail
//! to each side in their language), and leaving is recorded with who and
//! when. The demo's six Istanbul ideas load once. Both databases.

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
                majlis::plans::entities::plan::Entity::find().count(app.db.read()).await.unwrap(),
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
