//! Every edit form round-trips every field: for each demo item of each kind,
//! the edit form is read as a browser reads it and sent back unchanged, and
//! the item (its rows, its link tables, its API view) is exactly as before:
//! `updated_at` included, since a save that changes nothing writes nothing
//! (no version, no audit entry, no outbox row). Forms written one language
//! at a time are tried in the item's original language and in another one.
//! Also: an edit's audit entry names the fields that changed. Both databases.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{TestApp, TestResponse};
use majlis::consultations::entities::{clinic, dilemma};
use majlis::directory::entities::{
    contact, municipality, municipality_theme, organisation, organisation_theme,
};
use majlis::events::entities::{event, event_organisation, event_session, event_theme};
use majlis::i18n::Locale;
use majlis::library::entities::{
    compendium, compendium_chapter, compendium_entry, practice, practice_theme, practice_version,
    resource, resource_country, resource_organisation, resource_theme, resource_version,
};
use majlis::policy::Role;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// A form as a browser would submit it.
#[derive(Debug)]
struct Form {
    action: String,
    multipart: bool,
    pairs: Vec<(String, String)>,
}

/// The controls of the first form matching `selector`, as a browser submits
/// them: inputs with their value (checkboxes and radios only when checked,
/// no files), textareas' text, selects' selected options (a single select
/// with none selected sends its first), and the first named submit button.
fn read_form(page: &TestResponse, selector: &str, page_uri: &str) -> Form {
    all_forms(page, selector, page_uri)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no {selector} on {page_uri}"))
}

/// Every form matching `selector`, as [`read_form`] reads one.
fn all_forms(page: &TestResponse, selector: &str, page_uri: &str) -> Vec<Form> {
    let html = page.html();
    html.select(&scraper::Selector::parse(selector).unwrap())
        .map(|f| form_of(f, page_uri))
        .collect()
}

fn form_of(form: scraper::ElementRef<'_>, page_uri: &str) -> Form {
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let action = match form.value().attr("action") {
        Some(a) if !a.is_empty() => a.to_owned(),
        _ => page_uri.to_owned(),
    };
    let multipart = form.value().attr("enctype") == Some("multipart/form-data");
    let mut pairs = Vec::new();
    let mut submitter = false;
    for e in form.select(&sel("input, textarea, select, button")) {
        let v = e.value();
        let Some(name) = v.attr("name") else { continue };
        if v.attr("disabled").is_some() {
            continue;
        }
        let name = name.to_owned();
        match v.name() {
            "textarea" => {
                // Browsers send line breaks as CRLF.
                let text: String = e.text().collect();
                pairs.push((name, text.replace("\r\n", "\n").replace('\n', "\r\n")));
            }
            "select" => {
                let chosen: Vec<_> = e.select(&sel("option[selected]")).collect();
                let chosen = if chosen.is_empty() && v.attr("multiple").is_none() {
                    e.select(&sel("option")).take(1).collect()
                } else {
                    chosen
                };
                for o in chosen {
                    let value = o
                        .value()
                        .attr("value")
                        .map(str::to_owned)
                        .unwrap_or_else(|| o.text().collect());
                    pairs.push((name.clone(), value));
                }
            }
            "button" => {
                if !submitter && v.attr("type").is_none_or(|t| t == "submit") {
                    submitter = true;
                    pairs.push((name, v.attr("value").unwrap_or_default().to_owned()));
                }
            }
            _ => match v.attr("type").unwrap_or("text") {
                "checkbox" | "radio" => {
                    if v.attr("checked").is_some() {
                        pairs.push((name, v.attr("value").unwrap_or("on").to_owned()));
                    }
                }
                "file" => {}
                "submit" => {
                    if !submitter {
                        submitter = true;
                        pairs.push((name, v.attr("value").unwrap_or_default().to_owned()));
                    }
                }
                "button" | "reset" | "image" => {}
                _ => pairs.push((name, v.attr("value").unwrap_or_default().to_owned())),
            },
        }
    }
    Form {
        action,
        multipart,
        pairs,
    }
}

async fn submit(app: &TestApp, form: &Form, cookie: &str) -> TestResponse {
    if !form.multipart {
        let pairs: Vec<(&str, &str)> = form
            .pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        return app.post_form(&form.action, &pairs, cookie).await;
    }
    // A browser sends an empty file part for a file input left empty.
    let boundary = "----majlisroundtrip7d1f";
    let mut body = String::new();
    for (k, v) in &form.pairs {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    app.request(
        Request::post(&form.action)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header("cookie", cookie)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// Rows that any save writes besides the item: audit entries, outbox rows,
/// practice and document versions.
async fn noise(app: &TestApp) -> [u64; 4] {
    let db = app.db.read();
    [
        majlis::audit::entity::Entity::find()
            .count(db)
            .await
            .unwrap(),
        majlis::db::outbox::entity::Entity::find()
            .count(db)
            .await
            .unwrap(),
        practice_version::Entity::find().count(db).await.unwrap(),
        resource_version::Entity::find().count(db).await.unwrap(),
    ]
}

/// Another language than `l` to write in.
fn other(l: Locale) -> Locale {
    if l == Locale::En {
        Locale::Ar
    } else {
        Locale::En
    }
}

/// A coordinator with two-step sign-in set up, signed in.
async fn coordinator(app: &TestApp) -> String {
    let id = common::person(app, "coordinator@example.org", Role::Coordinator).await;
    common::enable_totp(app, id).await;
    app.session_for(id).await.0
}

/// GET `uri`, read the form, send it unchanged, and check that `snapshot`
/// and the other rows are as they were. Returns a description of any
/// difference (empty: the round trip held).
async fn round_trip<F, Fut>(
    app: &TestApp,
    cookie: &str,
    uri: &str,
    selector: &str,
    snapshot: F,
) -> Vec<String>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = String>,
{
    let page = app.get_with(uri, &[("cookie", cookie)]).await;
    assert_eq!(page.status, StatusCode::OK, "GET {uri}: {}", page.body);
    let form = read_form(&page, selector, uri);
    send_unchanged(app, cookie, uri, form, snapshot).await
}

/// Send `form` as read and compare `snapshot` and the other rows.
async fn send_unchanged<F, Fut>(
    app: &TestApp,
    cookie: &str,
    uri: &str,
    form: Form,
    snapshot: F,
) -> Vec<String>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = String>,
{
    let before = snapshot().await;
    let rows = noise(app).await;
    let res = submit(app, &form, cookie).await;
    let mut problems = Vec::new();
    if res.status != StatusCode::SEE_OTHER {
        let mut errors = res.texts("[role=alert] li");
        let sel = scraper::Selector::parse("[aria-invalid=true]").unwrap();
        errors.extend(
            res.html()
                .select(&sel)
                .filter_map(|e| e.value().attr("name").map(str::to_owned)),
        );
        problems.push(format!(
            "{uri}: saving unchanged answered {} {errors:?}",
            res.status
        ));
        return problems;
    }
    let after = snapshot().await;
    if before != after {
        problems.push(format!(
            "{uri}: the item changed\n  before: {before}\n  after:  {after}"
        ));
    }
    let rows_after = noise(app).await;
    if rows != rows_after {
        problems.push(format!(
            "{uri}: rows written by an unchanged save (audit, outbox, practice versions, document versions): {rows:?} → {rows_after:?}"
        ));
    }
    problems
}

async fn event_snapshot(app: &TestApp, cookie: &str, id: i32) -> String {
    let db = app.db.read();
    let e = event::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let themes = event_theme::Entity::find()
        .filter(event_theme::Column::EventId.eq(id))
        .order_by_asc(event_theme::Column::ThemeId)
        .all(db)
        .await
        .unwrap();
    let orgs = event_organisation::Entity::find()
        .filter(event_organisation::Column::EventId.eq(id))
        .order_by_asc(event_organisation::Column::Role)
        .order_by_asc(event_organisation::Column::Position)
        .order_by_asc(event_organisation::Column::OrganisationId)
        .all(db)
        .await
        .unwrap();
    let api = app
        .get_with(&format!("/api/v1/events/{}", e.slug), &[("cookie", cookie)])
        .await;
    format!("{e:?} {themes:?} {orgs:?} api: {}", api.body)
}

async fn outcomes_snapshot(app: &TestApp, id: i32) -> String {
    use majlis::events::entities::event_practice;
    let db = app.db.read();
    let e = event::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let practices = event_practice::Entity::find()
        .filter(event_practice::Column::EventId.eq(id))
        .order_by_asc(event_practice::Column::PracticeId)
        .all(db)
        .await
        .unwrap();
    format!("{e:?} {practices:?}")
}

async fn session_snapshot(app: &TestApp, id: i32) -> String {
    let s = event_session::Entity::find_by_id(id)
        .one(app.db.read())
        .await
        .unwrap()
        .unwrap();
    format!("{s:?}")
}

async fn practice_snapshot(app: &TestApp, cookie: &str, id: i32) -> String {
    let db = app.db.read();
    let p = practice::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let themes = practice_theme::Entity::find()
        .filter(practice_theme::Column::PracticeId.eq(id))
        .order_by_asc(practice_theme::Column::ThemeId)
        .all(db)
        .await
        .unwrap();
    let api = app
        .get_with(&format!("/api/v1/practices/{id}"), &[("cookie", cookie)])
        .await;
    format!("{p:?} {themes:?} api: {}", api.body)
}

async fn resource_snapshot(app: &TestApp, cookie: &str, id: i32) -> String {
    let db = app.db.read();
    let r = resource::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let themes = resource_theme::Entity::find()
        .filter(resource_theme::Column::ResourceId.eq(id))
        .order_by_asc(resource_theme::Column::ThemeId)
        .all(db)
        .await
        .unwrap();
    let countries = resource_country::Entity::find()
        .filter(resource_country::Column::ResourceId.eq(id))
        .order_by_asc(resource_country::Column::CountryCode)
        .all(db)
        .await
        .unwrap();
    let orgs = resource_organisation::Entity::find()
        .filter(resource_organisation::Column::ResourceId.eq(id))
        .order_by_asc(resource_organisation::Column::OrganisationId)
        .all(db)
        .await
        .unwrap();
    let versions = resource_version::Entity::find()
        .filter(resource_version::Column::ResourceId.eq(id))
        .order_by_asc(resource_version::Column::Id)
        .all(db)
        .await
        .unwrap();
    let api = app
        .get_with(&format!("/api/v1/resources/{id}"), &[("cookie", cookie)])
        .await;
    format!(
        "{r:?} {themes:?} {countries:?} {orgs:?} {versions:?} api: {}",
        api.body
    )
}

async fn compendium_snapshot(app: &TestApp, id: i32) -> String {
    let db = app.db.read();
    let c = compendium::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let chapters = compendium_chapter::Entity::find()
        .filter(compendium_chapter::Column::CompendiumId.eq(id))
        .order_by_asc(compendium_chapter::Column::Position)
        .order_by_asc(compendium_chapter::Column::Id)
        .all(db)
        .await
        .unwrap();
    let ids: Vec<i32> = chapters.iter().map(|c| c.id).collect();
    let entries = compendium_entry::Entity::find()
        .filter(compendium_entry::Column::ChapterId.is_in(ids))
        .order_by_asc(compendium_entry::Column::ChapterId)
        .order_by_asc(compendium_entry::Column::Position)
        .order_by_asc(compendium_entry::Column::PracticeId)
        .all(db)
        .await
        .unwrap();
    // Chapters are compared by what they hold, not by their row ids.
    let chapters: Vec<_> = chapters
        .iter()
        .map(|ch| {
            let held: Vec<_> = entries
                .iter()
                .filter(|e| e.chapter_id == ch.id)
                .map(|e| (e.practice_id, e.position))
                .collect();
            (ch.position, &ch.title, &ch.introduction, ch.theme_id, held)
        })
        .collect();
    format!("{c:?} {chapters:?}")
}

async fn municipality_snapshot(app: &TestApp, id: i32) -> String {
    let db = app.db.read();
    let m = municipality::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let themes = municipality_theme::Entity::find()
        .filter(municipality_theme::Column::MunicipalityId.eq(id))
        .order_by_asc(municipality_theme::Column::ThemeId)
        .all(db)
        .await
        .unwrap();
    let contacts = contact::Entity::find()
        .filter(contact::Column::MunicipalityId.eq(id))
        .order_by_asc(contact::Column::SortOrder)
        .order_by_asc(contact::Column::Id)
        .all(db)
        .await
        .unwrap();
    let contacts: Vec<_> = contacts
        .iter()
        .map(|c| (&c.name, &c.position, &c.email, c.sort_order))
        .collect();
    format!("{m:?} {themes:?} {contacts:?}")
}

async fn organisation_snapshot(app: &TestApp, id: i32) -> String {
    let db = app.db.read();
    let o = organisation::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let themes = organisation_theme::Entity::find()
        .filter(organisation_theme::Column::OrganisationId.eq(id))
        .order_by_asc(organisation_theme::Column::ThemeId)
        .all(db)
        .await
        .unwrap();
    format!("{o:?} {themes:?}")
}

fn check(kind: &str, tried: usize, problems: Vec<String>) {
    assert!(tried > 0, "no {kind} in the demo to try");
    assert!(
        problems.is_empty(),
        "{} problems in {tried} {kind} forms sent back unchanged:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

db_test!(
    async fn event_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let events = event::Entity::find()
            .order_by_asc(event::Column::Id)
            .all(app.db.read())
            .await
            .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for e in &events {
            for lang in [e.title.orig(), other(e.title.orig())] {
                let uri = format!("/events/{}/edit?in={}", e.slug, lang.code());
                problems.extend(
                    round_trip(app, &cookie, &uri, "form.edit-form", || {
                        event_snapshot(app, &cookie, e.id)
                    })
                    .await,
                );
                tried += 1;
            }
        }
        check("event", tried, problems);
    }
);

db_test!(
    async fn event_outcome_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let events = event::Entity::find()
            .order_by_asc(event::Column::Id)
            .all(app.db.read())
            .await
            .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for e in &events {
            for lang in [e.title.orig(), other(e.title.orig())] {
                let uri = format!("/events/{}/outcomes?in={}", e.slug, lang.code());
                problems.extend(
                    round_trip(app, &cookie, &uri, "form.edit-form", || {
                        outcomes_snapshot(app, e.id)
                    })
                    .await,
                );
                tried += 1;
            }
        }
        check("event outcome", tried, problems);
    }
);

db_test!(
    async fn session_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let db = app.db.read();
        let sessions = event_session::Entity::find()
            .order_by_asc(event_session::Column::Id)
            .all(db)
            .await
            .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for s in &sessions {
            let e = event::Entity::find_by_id(s.event_id)
                .one(db)
                .await
                .unwrap()
                .unwrap();
            for lang in [s.title.orig(), other(s.title.orig())] {
                let uri = format!(
                    "/events/{}/programme?in={}&session={}",
                    e.slug,
                    lang.code(),
                    s.id
                );
                problems.extend(
                    round_trip(app, &cookie, &uri, "#session-form form", || {
                        session_snapshot(app, s.id)
                    })
                    .await,
                );
                tried += 1;
            }
        }
        check("session", tried, problems);
    }
);

db_test!(
    async fn practice_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let practices = practice::Entity::find()
            .order_by_asc(practice::Column::Id)
            .all(app.db.read())
            .await
            .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for p in &practices {
            for lang in [p.title.orig(), other(p.title.orig())] {
                for step in ["about", "story", "results"] {
                    let uri = format!("/practices/{}/edit/{step}?in={}", p.id, lang.code());
                    problems.extend(
                        round_trip(app, &cookie, &uri, "form.edit-form", || {
                            practice_snapshot(app, &cookie, p.id)
                        })
                        .await,
                    );
                    tried += 1;
                }
            }
        }
        check("practice", tried, problems);
    }
);

db_test!(
    async fn document_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let resources = resource::Entity::find()
            .order_by_asc(resource::Column::Id)
            .all(app.db.read())
            .await
            .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for r in &resources {
            let uri = format!("/library/{}/edit", r.id);
            problems.extend(
                round_trip(app, &cookie, &uri, "form.edit-form", || {
                    resource_snapshot(app, &cookie, r.id)
                })
                .await,
            );
            tried += 1;
        }
        check("document", tried, problems);
    }
);

db_test!(
    async fn compendium_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let editions = compendium::Entity::find()
            .order_by_asc(compendium::Column::Id)
            .all(app.db.read())
            .await
            .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for c in &editions {
            for lang in [c.title.orig(), other(c.title.orig())] {
                for (page, selector) in [("describe", "form.edit-form"), ("edit", "form[action*='/edit']")] {
                    let uri = format!("/compendiums/{}/{page}?in={}", c.slug, lang.code());
                    problems.extend(
                        round_trip(app, &cookie, &uri, selector, || compendium_snapshot(app, c.id))
                            .await,
                    );
                    tried += 1;
                }
            }
        }
        check("compendium", tried, problems);
    }
);

db_test!(
    async fn directory_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let db = app.db.read();
        let (mut tried, mut problems) = (0, Vec::new());
        for m in municipality::Entity::find()
            .order_by_asc(municipality::Column::Id)
            .all(db)
            .await
            .unwrap()
        {
            let uri = format!("/municipalities/{}/edit", m.slug);
            problems.extend(
                round_trip(app, &cookie, &uri, "form.edit-form", || {
                    municipality_snapshot(app, m.id)
                })
                .await,
            );
            tried += 1;
        }
        for o in organisation::Entity::find()
            .order_by_asc(organisation::Column::Id)
            .all(db)
            .await
            .unwrap()
        {
            let uri = format!("/organisations/{}/edit", o.slug);
            problems.extend(
                round_trip(app, &cookie, &uri, "form.edit-form", || {
                    organisation_snapshot(app, o.id)
                })
                .await,
            );
            tried += 1;
        }
        check("municipality and organisation", tried, problems);
    }
);

db_test!(
    async fn an_event_edit_keeps_its_links_and_its_audit_entry_names_what_changed(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let slug = "sanliurfa-2016-peer-workshop";
        let before = app.get(&format!("/api/v1/events/{slug}")).await.json();
        let themes: Vec<String> = serde_json::from_value(before["themes"].clone()).unwrap();
        assert!(themes.len() >= 2, "{before}");
        assert!(!before["organisers"].as_array().unwrap().is_empty(), "{before}");

        // The form shows what is stored: every theme ticked, every organiser chosen.
        let uri = format!("/events/{slug}/edit");
        let page = app.get_with(&uri, &[("cookie", &cookie)]).await;
        let mut form = read_form(&page, "form.edit-form", &uri);
        assert_eq!(form.pairs.iter().filter(|(k, _)| k == "theme").count(), themes.len());
        assert_eq!(
            form.pairs.iter().filter(|(k, _)| k == "organiser").count(),
            before["organisers"].as_array().unwrap().len()
        );

        // Change the summary and drop one theme.
        for (k, v) in form.pairs.iter_mut() {
            if k == "summary" {
                *v = "A shorter summary.".into();
            }
        }
        let dropped = form.pairs.iter().position(|(k, _)| k == "theme").unwrap();
        form.pairs.remove(dropped);
        let res = submit(app, &form, &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);

        let after = app.get(&format!("/api/v1/events/{slug}")).await.json();
        assert_eq!(after["summary"], "A shorter summary.");
        assert_eq!(after["organisers"], before["organisers"]);
        assert_eq!(after["partners"], before["partners"]);
        let left: Vec<String> = serde_json::from_value(after["themes"].clone()).unwrap();
        assert_eq!(left.len(), themes.len() - 1);
        let gone: Vec<&String> = themes.iter().filter(|t| !left.contains(t)).collect();
        assert_eq!(gone.len(), 1);

        let entry = majlis::audit::entity::Entity::find()
            .filter(majlis::audit::entity::Column::ObjectType.eq("event"))
            .order_by_desc(majlis::audit::entity::Column::Id)
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(entry.action, "updated");
        let detail = entry.detail.unwrap();
        assert!(detail.starts_with("in en: "), "{detail}");
        assert!(detail.contains("summary[en]"), "{detail}");
        assert!(detail.contains("themes: \""), "{detail}");
        assert!(detail.contains(gone[0].as_str()), "{detail}");
        assert!(!detail.contains("organisers"), "{detail}");
        assert!(!detail.contains("title"), "{detail}");
    }
);

async fn dilemmas_snapshot(app: &TestApp, ids: &[i32]) -> String {
    let rows = dilemma::Entity::find()
        .filter(dilemma::Column::Id.is_in(ids.to_vec()))
        .order_by_asc(dilemma::Column::Id)
        .all(app.db.read())
        .await
        .unwrap();
    format!("{rows:?}")
}

db_test!(
    async fn dilemma_and_clinic_forms_round_trip(app) {
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let db = app.db.read();
        let (mut tried, mut problems) = (0, Vec::new());
        // A dilemma's conclusion, shown for changing, in its language and another.
        for d in dilemma::Entity::find()
            .order_by_asc(dilemma::Column::Id)
            .all(db)
            .await
            .unwrap()
        {
            let one = [d.id];
            for lang in [d.question.orig(), other(d.question.orig())] {
                let uri = format!("/consultations/{}?lang={}", d.slug, lang.code());
                let page = app.get_with(&uri, &[("cookie", &cookie)]).await;
                if page.status != StatusCode::OK {
                    continue;
                }
                for form in all_forms(&page, "form[action*='/conclude']", &uri) {
                    // No conclusion yet: nothing stored to keep (an empty one is refused).
                    if form.pairs.iter().any(|(k, v)| k == "result" && v.is_empty()) {
                        continue;
                    }
                    problems.extend(
                        send_unchanged(app, &cookie, &uri, form, || dilemmas_snapshot(app, &one)).await,
                    );
                    tried += 1;
                }
            }
        }
        // A clinic's recorded results and joint discussions.
        for c in clinic::Entity::find().all(db).await.unwrap() {
            let e = event::Entity::find_by_id(c.event_id).one(db).await.unwrap().unwrap();
            let ids: Vec<i32> = dilemma::Entity::find()
                .filter(dilemma::Column::SessionId.eq(c.session_id))
                .all(db)
                .await
                .unwrap()
                .iter()
                .map(|d| d.id)
                .collect();
            for lang in [Locale::En, Locale::Ar] {
                let uri = format!("/events/{}/clinics/{}?lang={}", e.slug, c.session_id, lang.code());
                let page = app.get_with(&uri, &[("cookie", &cookie)]).await;
                assert_eq!(page.status, StatusCode::OK, "{uri}");
                let forms: Vec<Form> = all_forms(&page, "form", &uri)
                    .into_iter()
                    .filter(|f| {
                        f.pairs
                            .iter()
                            .any(|(k, v)| k == "action" && (v == "result" || v == "joint"))
                    })
                    .collect();
                for form in forms {
                    // A result not yet written is not a result to keep.
                    if form.pairs.iter().any(|(k, v)| k == "result" && v.is_empty()) {
                        continue;
                    }
                    problems.extend(
                        send_unchanged(app, &cookie, &uri, form, || dilemmas_snapshot(app, &ids)).await,
                    );
                    tried += 1;
                }
            }
        }
        check("dilemma and clinic", tried, problems);
    }
);

db_test!(
    async fn affiliations_page_shows_what_is_stored_and_an_unchanged_form_changes_nothing(app) {
        use majlis::accounts::affiliation;
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let member = common::person(app, "member@example.org", Role::Member).await;
        let db = app.db.read();
        let sahinbey = municipality::Entity::find()
            .filter(municipality::Column::Slug.eq("sahinbey"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let giz = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("giz"))
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let uri = format!("/people/{member}/affiliations");
        // People's affiliations are added and removed (there is no form that
        // changes one): add two through the page's own form.
        for (to, position, focal) in [
            (format!("m:{}", sahinbey.id), "Head of social services", true),
            (format!("o:{}", giz.id), "Adviser", false),
        ] {
            let page = app.get_with(&uri, &[("cookie", &cookie)]).await;
            let mut form = read_form(&page, "form[action*='/affiliations']:not(.inline)", &uri);
            for (k, v) in form.pairs.iter_mut() {
                match k.as_str() {
                    "to" => *v = to.clone(),
                    "position" => *v = position.into(),
                    _ => {}
                }
            }
            if focal {
                form.pairs.push(("focal_point".into(), "yes".into()));
            }
            assert_eq!(submit(app, &form, &cookie).await.status, StatusCode::SEE_OTHER);
        }
        let stored = || async {
            let rows = affiliation::Entity::find()
                .filter(affiliation::Column::PersonId.eq(member))
                .order_by_asc(affiliation::Column::Id)
                .all(app.db.read())
                .await
                .unwrap();
            format!("{rows:?}")
        };
        // The page shows each as stored: name, focal point, position.
        let page = app.get_with(&uri, &[("cookie", &cookie)]).await;
        let cards = page.texts(".card p");
        assert_eq!(cards.len(), 2, "{cards:?}");
        assert!(cards.iter().any(|c| c.contains(sahinbey.name.text(Locale::En)) && c.contains("focal point") && c.contains("Head of social services")), "{cards:?}");
        assert!(cards.iter().any(|c| c.contains(giz.name.text(Locale::En)) && c.contains("Adviser") && !c.contains("focal point")), "{cards:?}");
        // The add form sent back as shown (nothing chosen): refused, nothing changes.
        let form = read_form(&page, "form[action*='/affiliations']:not(.inline)", &uri);
        let before = stored().await;
        let rows = noise(app).await;
        let res = submit(app, &form, &cookie).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST);
        assert_eq!(stored().await, before);
        assert_eq!(noise(app).await, rows);
    }
);

/// A plan's rows as stored, for the round trip of its forms.
async fn plan_snapshot(app: &TestApp, plan: i32) -> String {
    use majlis::plans::entities::{indicator, milestone, plan as plan_row, step};
    let db = app.db.read();
    format!(
        "{:?} {:?} {:?} {:?}",
        plan_row::Entity::find_by_id(plan).one(db).await.unwrap(),
        step::Entity::find().all(db).await.unwrap(),
        milestone::Entity::find().all(db).await.unwrap(),
        indicator::Entity::find().all(db).await.unwrap(),
    )
}

db_test!(
    async fn plan_forms_round_trip(app) {
        use chrono::{NaiveDate, Utc};
        use majlis::i18n::TrText;
        use majlis::plans::rules;
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let gaziantep = common::municipality_id(app, "gaziantep").await;
        let admin = majlis::policy::Actor::with_role(0, Role::Admin, vec![]);
        let origin = majlis::audit::Origin::cli();
        let owner = majlis::plans::Owner {
            kind: majlis::plans::OwnerKind::Project,
            id: 999_999,
        };
        let title = TrText::new(Locale::Tr, "Eylem planı").unwrap();
        let plan = rules::create_as_staff(&app.db, &origin, &admin, owner, gaziantep, title, Utc::now())
            .await
            .unwrap();
        let editing = rules::as_staff(app.db.read(), &admin, plan).await.unwrap();
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut step_title = TrText::new(Locale::Tr, "Dil kursu").unwrap();
        step_title.set(Locale::De, "Sprachkurs");
        let step = rules::add_step(
            &app.db,
            &origin,
            &editing,
            rules::StepInput {
                title: step_title,
                owner_text: Some("Halk Eğitim Merkezi".into()),
                owner_municipality_id: Some(gaziantep),
                starts_on: Some(day(2019, 3, 1)),
                due_on: Some(day(2019, 6, 30)),
                status: majlis::plans::StepStatus::Done,
                percent: 70,
                weight: 3,
            },
            Utc::now(),
        )
        .await
        .unwrap();
        let milestone = rules::add_milestone(
            &app.db,
            &origin,
            &editing,
            rules::MilestoneInput {
                title: TrText::new(Locale::Tr, "İlk ders").unwrap(),
                due_on: day(2019, 4, 1),
                reached_on: Some(day(2019, 4, 3)),
            },
            Utc::now(),
        )
        .await
        .unwrap();
        let indicator = rules::add_indicator(
            &app.db,
            &origin,
            &editing,
            rules::IndicatorInput {
                name: TrText::new(Locale::Tr, "Bekleme süresi").unwrap(),
                unit: "hafta".into(),
                baseline_value: 12.125,
                baseline_on: day(2019, 1, 1),
                target_value: 0.1,
                target_on: day(2020, 12, 31),
            },
            Utc::now(),
        )
        .await
        .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for (kind, id) in [("steps", step), ("milestones", milestone), ("indicators", indicator)] {
            for lang in [Locale::Tr, Locale::De, other(Locale::Tr)] {
                let uri = format!("/plans/{plan}/{kind}/{id}?in={}", lang.code());
                problems.extend(
                    round_trip(app, &cookie, &uri, "form.plan-form", || {
                        plan_snapshot(app, plan)
                    })
                    .await,
                );
                tried += 1;
            }
        }
        check("plan", tried, problems);
    }
);

async fn project_snapshot(app: &TestApp, id: i32) -> String {
    use majlis::projects::entities::{followup, project, project_theme, version};
    let db = app.db.read();
    let p = project::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let themes = project_theme::Entity::find()
        .filter(project_theme::Column::ProjectId.eq(id))
        .order_by_asc(project_theme::Column::ThemeId)
        .all(db)
        .await
        .unwrap();
    let followups = followup::Entity::find()
        .filter(followup::Column::ProjectId.eq(id))
        .order_by_asc(followup::Column::EventId)
        .all(db)
        .await
        .unwrap();
    let versions = version::Entity::find()
        .filter(version::Column::ProjectId.eq(id))
        .count(db)
        .await
        .unwrap();
    format!("{p:?} {themes:?} {followups:?} {versions}")
}

db_test!(
    async fn project_forms_round_trip(app) {
        use majlis::projects::entities::project;
        app.load_demo().await;
        let cookie = coordinator(app).await;
        let projects = project::Entity::find()
            .order_by_asc(project::Column::Id)
            .all(app.db.read())
            .await
            .unwrap();
        let (mut tried, mut problems) = (0, Vec::new());
        for p in &projects {
            for lang in [p.title.orig(), other(p.title.orig())] {
                let uri = format!("/projects/{}/edit?in={}", p.slug, lang.code());
                problems.extend(
                    round_trip(app, &cookie, &uri, "form.edit-form", || {
                        project_snapshot(app, p.id)
                    })
                    .await,
                );
                tried += 1;
            }
        }
        check("project", tried, problems);
    }
);

// --- Addresses made from titles, kept when the title is edited --------------

const ARABIC_TITLE: &str = "التماسك الاجتماعي";
/// How `ARABIC_TITLE` reads in an address (`fields::slug`).
const ARABIC_ADDRESS: &str = "altmask-alajtmaay-";
const NEW_ARABIC_TITLE: &str = "الحوار بين الأجيال";

/// A coordinator with two-step sign-in, signed in: cookie and CSRF token.
async fn coordinator_session(app: &TestApp) -> (String, String) {
    let id = common::person(app, "addresses@example.org", Role::Coordinator).await;
    common::enable_totp(app, id).await;
    app.session_for(id).await
}

/// The form at `uri` sent with `field` set to `value` (every other field as
/// shown); it must save.
async fn send_changed(
    app: &TestApp,
    cookie: &str,
    uri: &str,
    selector: &str,
    field: &str,
    value: &str,
) {
    let page = app.get_with(uri, &[("cookie", cookie)]).await;
    assert_eq!(page.status, StatusCode::OK, "GET {uri}: {}", page.body);
    let mut form = read_form(&page, selector, uri);
    let mut found = false;
    for (_, v) in form.pairs.iter_mut().filter(|(k, _)| k == field) {
        *v = value.to_owned();
        found = true;
    }
    assert!(found, "{uri}: no field {field} in {form:?}");
    let res = submit(app, &form, cookie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{uri}: {}", res.body);
}

fn assert_transliterated(kind: &str, slug: &str) {
    assert!(
        slug.starts_with(ARABIC_ADDRESS),
        "{kind}: an Arabic title gives a readable Latin address, not {slug:?}"
    );
    assert!(
        slug.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{kind}: {slug:?}"
    );
}

db_test!(
    async fn an_event_address_is_read_from_its_arabic_title_and_kept_when_edited(app) {
        app.load_demo().await;
        let (cookie, csrf) = coordinator_session(app).await;
        let res = app
            .post_form(
                "/events/new?in=ar",
                &[
                    ("csrf", &csrf),
                    ("title", ARABIC_TITLE),
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
                ],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let e = event::Entity::find().order_by_desc(event::Column::Id).one(app.db.read()).await.unwrap().unwrap();
        assert_transliterated("event", &e.slug);
        assert!(e.slug.starts_with("altmask-alajtmaay-2027-"), "the year follows: {}", e.slug);
        let uri = format!("/events/{}/edit?in=ar", e.slug);
        send_changed(app, &cookie, &uri, "form.edit-form", "title", NEW_ARABIC_TITLE).await;
        let after = event::Entity::find_by_id(e.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(after.title.original(), NEW_ARABIC_TITLE);
        assert_eq!(after.slug, e.slug, "editing the title keeps the address");
    }
);

db_test!(
    async fn a_practice_address_is_read_from_its_arabic_title_and_kept_when_edited(app) {
        app.load_demo().await;
        let (cookie, csrf) = coordinator_session(app).await;
        let res = app
            .post_form(
                "/practices/new?lang=ar",
                &[("csrf", &csrf), ("orig", "ar"), ("title", ARABIC_TITLE)],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let p = practice::Entity::find().order_by_desc(practice::Column::Id).one(app.db.read()).await.unwrap().unwrap();
        assert_transliterated("practice", &p.slug);
        let uri = format!("/practices/{}/edit/about?in=ar", p.id);
        send_changed(app, &cookie, &uri, "form.edit-form", "title", NEW_ARABIC_TITLE).await;
        let after = practice::Entity::find_by_id(p.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(after.title.original(), NEW_ARABIC_TITLE);
        assert_eq!(after.slug, p.slug, "editing the title keeps the address");
    }
);

db_test!(
    async fn a_document_address_is_read_from_its_arabic_title_and_kept_when_edited(app) {
        app.load_demo().await;
        let (cookie, csrf) = coordinator_session(app).await;
        let new = Form {
            action: "/library/new?lang=ar".to_owned(),
            multipart: true,
            pairs: [
                ("csrf", csrf.as_str()),
                ("kind", "report"),
                ("orig", "ar"),
                ("title_ar", ARABIC_TITLE),
                ("visibility", "public"),
                // An Arabic version announced, not yet available.
                ("version_lang", "ar"),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect(),
        };
        let res = submit(app, &new, &cookie).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let r = resource::Entity::find().order_by_desc(resource::Column::Id).one(app.db.read()).await.unwrap().unwrap();
        assert_transliterated("document", &r.slug);
        let uri = format!("/library/{}/edit", r.id);
        send_changed(app, &cookie, &uri, "form.edit-form", "title_ar", NEW_ARABIC_TITLE).await;
        let after = resource::Entity::find_by_id(r.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(after.title.original(), NEW_ARABIC_TITLE);
        assert_eq!(after.slug, r.slug, "editing the title keeps the address");
    }
);

db_test!(
    async fn a_compendium_address_is_read_from_its_arabic_title_and_kept_when_edited(app) {
        app.load_demo().await;
        let (cookie, csrf) = coordinator_session(app).await;
        let res = app
            .post_form(
                "/compendiums/new?lang=ar",
                &[("csrf", &csrf), ("orig", "ar"), ("title_ar", ARABIC_TITLE), ("year", "2026")],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let c = compendium::Entity::find().order_by_desc(compendium::Column::Id).one(app.db.read()).await.unwrap().unwrap();
        assert_transliterated("compendium", &c.slug);
        assert!(c.slug.starts_with("altmask-alajtmaay-2026-"), "the year follows: {}", c.slug);
        let uri = format!("/compendiums/{}/describe?in=ar", c.slug);
        send_changed(app, &cookie, &uri, "form.edit-form", "title_ar", NEW_ARABIC_TITLE).await;
        let after = compendium::Entity::find_by_id(c.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(after.title.original(), NEW_ARABIC_TITLE);
        assert_eq!(after.slug, c.slug, "editing the title keeps the address");
    }
);

db_test!(
    async fn a_dilemma_address_is_read_from_its_arabic_question_and_kept_as_it_moves_on(app) {
        app.load_demo().await;
        let presenter = common::person(app, "presenter@example.org", Role::Member).await;
        let (cookie, csrf) = app.session_for(presenter).await;
        let theme = majlis::directory::entities::theme::Entity::find()
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let question = format!("{ARABIC_TITLE}؟");
        let res = app
            .post_form(
                "/consultations/new?lang=ar",
                &[
                    ("csrf", &csrf),
                    ("in", "ar"),
                    ("question", &question),
                    ("information", "جربنا دروساً مسائية."),
                    ("theme", &theme),
                    ("help", "experience"),
                    ("country", "TR"),
                    ("city", "Gaziantep"),
                    ("visibility", "public"),
                    ("period", "14"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let d = dilemma::Entity::find().order_by_desc(dilemma::Column::Id).one(app.db.read()).await.unwrap().unwrap();
        assert_transliterated("dilemma", &d.slug);
        // A question is not edited once put; opening it to peers keeps the address.
        let res = app
            .post_form(&format!("/consultations/{}/open?lang=ar", d.slug), &[("csrf", &csrf)], &cookie)
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let after = dilemma::Entity::find_by_id(d.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(after.status, "open");
        assert_eq!(after.slug, d.slug, "the address stays");
    }
);

db_test!(
    async fn a_project_address_is_read_from_its_arabic_title_and_kept_when_edited(app) {
        use majlis::projects::entities::project;
        app.load_demo().await;
        let sahinbey = common::municipality_id(app, "sahinbey").await;
        let writer = common::focal_point_of(app, "writer@example.org", sahinbey).await;
        let (cookie, csrf) = app.session_for(writer).await;
        let theme = majlis::directory::entities::theme::Entity::find()
            .one(app.db.read())
            .await
            .unwrap()
            .unwrap()
            .id
            .to_string();
        let lead = sahinbey.to_string();
        let res = app
            .post_form(
                "/projects/new?lang=ar",
                &[
                    ("csrf", &csrf),
                    ("in", "ar"),
                    ("title", ARABIC_TITLE),
                    ("problem", "قلة أماكن اللقاء."),
                    ("theme", &theme),
                    ("lead", &lead),
                    ("visibility", "members"),
                ],
                &cookie,
            )
            .await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
        let p = project::Entity::find().order_by_desc(project::Column::Id).one(app.db.read()).await.unwrap().unwrap();
        assert_transliterated("project", &p.slug);
        let uri = format!("/projects/{}/edit?lang=ar", p.slug);
        send_changed(app, &cookie, &uri, "form.edit-form", "title", NEW_ARABIC_TITLE).await;
        let after = project::Entity::find_by_id(p.id).one(app.db.read()).await.unwrap().unwrap();
        assert_eq!(after.title.original(), NEW_ARABIC_TITLE);
        assert_eq!(after.slug, p.slug, "editing the title keeps the address");
    }
);
