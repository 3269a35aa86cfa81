//! `majlis export --public` and `majlis import`: the public network travels
//! to another instance and shows the same public pages there; nothing a
//! visitor may not see leaves; importing twice adds nothing; a bad document
//! changes nothing.

mod common;

use chrono::{TimeZone, Utc};
use common::TestApp;
use majlis::exchange::{self, Document};
use sea_orm::{ConnectionTrait, Statement};

/// Two fresh instances on the same kind of database: `case(source, target)`.
macro_rules! two_instances {
    ($name:ident, $case:ident) => {
        mod $name {
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let (a, b) = (TestApp::sqlite().await, TestApp::sqlite().await);
                $case(&a, &b).await;
                a.finish().await;
                b.finish().await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let (a, b) = (TestApp::postgres().await, TestApp::postgres().await);
                $case(&a, &b).await;
                a.finish().await;
                b.finish().await;
            }
        }
    };
}

const SOURCE: &str = "https://source.example.org";

fn at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap()
}

async fn export(app: &TestApp) -> Document {
    exchange::export_public(app.db.read(), SOURCE, at())
        .await
        .expect("export")
}

fn bytes(doc: &Document) -> Vec<u8> {
    serde_json::to_vec_pretty(doc).expect("serialise")
}

/// Tables an import writes to, and the provenance table.
const TABLES: &[&str] = &[
    "theme",
    "country",
    "municipality",
    "municipality_theme",
    "organisation",
    "organisation_theme",
    "event_series",
    "resource",
    "resource_theme",
    "resource_country",
    "resource_organisation",
    "resource_version",
    "practice",
    "practice_theme",
    "practice_resource",
    "practice_attachment",
    "practice_version",
    "compendium",
    "compendium_chapter",
    "compendium_entry",
    "event",
    "event_theme",
    "event_organisation",
    "event_practice",
    "event_session",
    "session_person",
    "event_material",
    "dilemma",
    "dilemma_theme",
    "contribution",
    "project",
    "project_theme",
    "project_followup",
    "project_partner",
    "project_partner_step",
    "project_version",
    "plan",
    "plan_step",
    "plan_milestone",
    "plan_indicator",
    "plan_measurement",
    "plan_event",
    "imported_item",
    "outbox",
];

async fn counts(app: &TestApp) -> Vec<(&'static str, i64)> {
    let db = app.db.read();
    let mut out = Vec::new();
    for t in TABLES {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {t}"),
            ))
            .await
            .expect("count")
            .expect("a row");
        out.push((*t, row.try_get::<i64>("", "n").expect("n")));
    }
    out
}

/// The addresses (`/plans/{id}?`) of plans the format does not carry: those
/// not owned by a project idea.
async fn uncarried_plans(app: &TestApp) -> Vec<String> {
    let db = app.db.read();
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT id FROM plan WHERE owner_kind <> 'project'".to_owned(),
    ))
    .await
    .expect("plans")
    .into_iter()
    .map(|r| format!("/plans/{}?", r.try_get::<i32>("", "id").unwrap()))
    .collect()
}

/// Plans by their idea's slug.
async fn plan_ids(app: &TestApp) -> std::collections::BTreeMap<String, i32> {
    let db = app.db.read();
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        "SELECT p.slug AS slug, pl.id AS id FROM plan pl JOIN project p \
         ON pl.owner_kind = 'project' AND pl.owner_id = p.id"
            .to_owned(),
    ))
    .await
    .expect("plans")
    .into_iter()
    .map(|r| (r.try_get("", "slug").unwrap(), r.try_get("", "id").unwrap()))
    .collect()
}

async fn slug_ids(app: &TestApp, table: &str) -> std::collections::BTreeMap<String, i32> {
    let db = app.db.read();
    db.query_all_raw(Statement::from_string(
        db.get_database_backend(),
        format!("SELECT slug, id FROM {table}"),
    ))
    .await
    .expect("slugs")
    .into_iter()
    .map(|r| (r.try_get("", "slug").unwrap(), r.try_get("", "id").unwrap()))
    .collect()
}

/// The provenance line of imported items, and parts of pages that come from
/// what the format does not carry (cohesion dashboards, surveys), and the
/// "related" panel, which ranks whatever the node's search index holds
/// (surveys among them).
const NOT_CARRIED: &str =
    "p.provenance, aside.related, section.linked-cohesion, section.linked-surveys";

/// What a visitor reads in a page's main part, whitespace folded, without
/// the parts in [`NOT_CARRIED`].
async fn visible_text(app: &TestApp, path: &str) -> String {
    let res = app.get_with(path, &[("accept-language", "en")]).await;
    assert_eq!(res.status, 200, "{path}");
    let html = res.html();
    let skip = scraper::Selector::parse(NOT_CARRIED).unwrap();
    let mut skipped: std::collections::HashSet<_> = html.select(&skip).map(|e| e.id()).collect();
    // A municipality's plans that do not travel (those of its cohesion
    // indicators), and their section when it lists nothing else.
    let uncarried = uncarried_plans(app).await;
    let section = scraper::Selector::parse("section.linked-plans").unwrap();
    let item = scraper::Selector::parse("li").unwrap();
    let link = scraper::Selector::parse("a").unwrap();
    for s in html.select(&section) {
        let mut kept = 0;
        for li in s.select(&item) {
            let href = li
                .select(&link)
                .next()
                .and_then(|a| a.value().attr("href"))
                .unwrap_or_default();
            if uncarried.iter().any(|u| href.starts_with(u.as_str())) {
                skipped.insert(li.id());
            } else {
                kept += 1;
            }
        }
        if kept == 0 {
            skipped.insert(s.id());
        }
    }
    let main = scraper::Selector::parse("main").unwrap();
    let mut out = String::new();
    for m in html.select(&main) {
        for node in m.descendants() {
            if let Some(t) = node.value().as_text()
                && !node.ancestors().any(|a| skipped.contains(&a.id()))
            {
                out.push_str(t);
                out.push(' ');
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Demo → export → import into an empty database: the list pages and every
/// item page a visitor can open show the same text.
async fn same_public_pages(a: &TestApp, b: &TestApp) {
    a.load_demo().await;
    let doc = export(a).await;
    assert!(!doc.practices.is_empty() && !doc.events.is_empty() && !doc.dilemmas.is_empty());
    assert!(!doc.projects.is_empty() && !doc.plans.is_empty());
    let report = exchange::import(&b.db, &doc, Utc::now())
        .await
        .expect("import");
    assert_eq!(report.created["practice"], doc.practices.len());
    assert_eq!(report.created["event"], doc.events.len());
    assert_eq!(report.created["project"], doc.projects.len());
    assert_eq!(report.created["plan"], doc.plans.len());
    // The imported copy exports as the same document.
    let again = exchange::export_public(b.db.read(), SOURCE, at())
        .await
        .expect("export");
    assert!(bytes(&again) == bytes(&doc), "the copy exports differently");
    a.index().await;
    b.index().await;

    let mut pages: Vec<String> = [
        "/practices",
        "/library",
        "/events?when=all",
        "/consultations",
        "/municipalities",
        "/organisations",
        "/compendiums",
        "/projects",
    ]
    .iter()
    .map(|p| p.to_string())
    .collect();
    for m in &doc.municipalities {
        pages.push(format!("/municipalities/{}", m.slug));
    }
    for o in &doc.organisations {
        pages.push(format!("/organisations/{}", o.slug));
    }
    for e in &doc.events {
        pages.push(format!("/events/{}", e.slug));
    }
    for d in &doc.dilemmas {
        pages.push(format!("/consultations/{}", d.slug));
    }
    for c in &doc.compendiums {
        pages.push(format!("/compendiums/{}", c.slug));
    }
    for p in &doc.projects {
        pages.push(format!("/projects/{}", p.slug));
    }
    let mut differ = Vec::new();
    for p in &pages {
        let (x, y) = (visible_text(a, p).await, visible_text(b, p).await);
        if x != y {
            differ.push(diff(p, &x, &y));
        }
    }
    // Practices and documents are addressed by id, which differs.
    for (table, prefix) in [("practice", "/practices/"), ("resource", "/library/")] {
        let (ia, ib) = (slug_ids(a, table).await, slug_ids(b, table).await);
        let public: Vec<&String> = if table == "practice" {
            doc.practices.iter().map(|p| &p.slug).collect()
        } else {
            doc.resources.iter().map(|r| &r.slug).collect()
        };
        for slug in public {
            let (x, y) = (
                visible_text(a, &format!("{prefix}{}", ia[slug])).await,
                visible_text(b, &format!("{prefix}{}", ib[slug])).await,
            );
            if x != y {
                differ.push(diff(&format!("{prefix}{slug}"), &x, &y));
            }
        }
    }
    // Plans are addressed by id too; each is its idea's.
    let (pa, pb) = (plan_ids(a).await, plan_ids(b).await);
    for pl in &doc.plans {
        let (x, y) = (
            visible_text(a, &format!("/plans/{}", pa[&pl.owner])).await,
            visible_text(b, &format!("/plans/{}", pb[&pl.owner])).await,
        );
        if x != y {
            differ.push(diff(&format!("/plans/ of {}", pl.owner), &x, &y));
        }
    }
    assert!(
        differ.is_empty(),
        "{} pages differ:\n{}",
        differ.len(),
        differ.join("\n")
    );

    // An imported practice says where it came from, in the reader's language.
    let id = slug_ids(b, "practice").await[&doc.practices[0].slug];
    let page = b
        .get_with(&format!("/practices/{id}"), &[("accept-language", "fr")])
        .await;
    let line = page.texts("p.provenance").join(" ");
    assert!(
        line.contains("Provenant de") && line.contains(SOURCE),
        "{line}"
    );
    let own = slug_ids(a, "practice").await[&doc.practices[0].slug];
    let page = a.get(&format!("/practices/{own}")).await;
    assert!(
        page.texts("p.provenance").is_empty(),
        "the source's own practice has no provenance line"
    );
    says_where_each_kind_came_from(a, b, &doc).await;
}

/// Every kind of item an import creates that has a page of its own says
/// "From ⟨network⟩" there on the importing instance, and not at home.
/// (Event series have no page; their events say it.)
async fn says_where_each_kind_came_from(a: &TestApp, b: &TestApp, doc: &Document) {
    let (ra, rb) = (slug_ids(a, "resource").await, slug_ids(b, "resource").await);
    let resource = &doc.resources[0].slug;
    let pages: Vec<(String, String)> = [
        format!("/municipalities/{}", doc.municipalities[0].slug),
        format!("/organisations/{}", doc.organisations[0].slug),
        format!("/events/{}", doc.events[0].slug),
        format!("/consultations/{}", doc.dilemmas[0].slug),
        format!("/compendiums/{}", doc.compendiums[0].slug),
        format!("/projects/{}", doc.projects[0].slug),
    ]
    .into_iter()
    .map(|p| (p.clone(), p))
    .chain([(
        format!("/library/{}", ra[resource]),
        format!("/library/{}", rb[resource]),
    )])
    .chain([(
        format!("/plans/{}", plan_ids(a).await[&doc.plans[0].owner]),
        format!("/plans/{}", plan_ids(b).await[&doc.plans[0].owner]),
    )])
    .collect();
    for (home, there) in &pages {
        let page = b.get_with(there, &[("accept-language", "fr")]).await;
        assert_eq!(page.status, 200, "{there}");
        let line = page.texts("p.provenance").join(" ");
        assert!(
            line.contains("Provenant de") && line.contains(SOURCE),
            "{there}: {line:?}"
        );
        let page = a.get(home).await;
        assert_eq!(page.status, 200, "{home}");
        assert!(
            page.texts("p.provenance").is_empty(),
            "{home}: the source's own item has no provenance line"
        );
    }
}

/// Where two texts part, with some context.
fn diff(page: &str, x: &str, y: &str) -> String {
    let at = x
        .char_indices()
        .zip(y.chars())
        .find(|((_, a), b)| a != b)
        .map(|((i, _), _)| i)
        .unwrap_or(x.len().min(y.len()));
    let from = x[..at].char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let cut = |s: &str| {
        s.get(from..)
            .unwrap_or("")
            .chars()
            .take(200)
            .collect::<String>()
    };
    format!("{page}:\n  source: {}\n  import: {}", cut(x), cut(y))
}
two_instances!(
    demo_exported_and_imported_shows_the_same_pages,
    same_public_pages
);

/// A second import of the same document adds nothing; an import into a
/// network that has its own items of the same slugs keeps both.
async fn twice_changes_nothing(a: &TestApp, b: &TestApp) {
    a.load_demo().await;
    let doc = export(a).await;
    let first = exchange::import(&b.db, &doc, Utc::now())
        .await
        .expect("import");
    assert!(first.created_total() > 0);
    let before = counts(b).await;
    let second = exchange::import(&b.db, &doc, Utc::now())
        .await
        .expect("again");
    assert_eq!(second.created_total(), 0, "{second:?}");
    assert_eq!(counts(b).await, before);

    // The demo network importing itself under another name: its content
    // comes in beside its own, under free slugs; shared keys are reused.
    let own = counts(a).await;
    let mut mirrored = export(a).await;
    mirrored.source.network = "https://mirror.example.org".into();
    let r = exchange::import(&a.db, &mirrored, Utc::now())
        .await
        .expect("import");
    assert_eq!(r.created.get("theme"), None);
    assert_eq!(r.created.get("municipality"), None);
    assert_eq!(r.created["practice"], doc.practices.len());
    let slugs = slug_ids(a, "practice").await;
    let first_slug = &doc.practices[0].slug;
    assert!(slugs.contains_key(first_slug));
    assert!(slugs.contains_key(&format!("{first_slug}-2")), "{slugs:?}");
    let after = counts(a).await;
    let n = |c: &[(&str, i64)], t: &str| c.iter().find(|(x, _)| *x == t).unwrap().1;
    assert_eq!(
        n(&after, "practice"),
        n(&own, "practice") + doc.practices.len() as i64
    );
    assert_eq!(n(&after, "municipality"), n(&own, "municipality"));
}
two_instances!(importing_twice_changes_nothing, twice_changes_nothing);

/// Members-only events and documents, drafts, participants-only dilemmas,
/// hidden contributions and the contacts' addresses stay home.
async fn only_what_visitors_see(a: &TestApp, _b: &TestApp) {
    a.load_demo().await;
    let db = a.db.read();
    let full = export(a).await;
    let tx = a.db.begin_write().await.unwrap();
    let exec = |sql: String| {
        let tx = &tx;
        async move {
            tx.execute_raw(Statement::from_string(tx.get_database_backend(), sql))
                .await
                .expect("change");
        }
    };
    let (event, resource, practice, dilemma) = (
        full.events[0].slug.clone(),
        full.resources[0].slug.clone(),
        full.practices[0].slug.clone(),
        full.dilemmas[0].slug.clone(),
    );
    exec(format!(
        "UPDATE event SET visibility = 'members' WHERE slug = '{event}'"
    ))
    .await;
    exec(format!(
        "UPDATE resource SET visibility = 'members' WHERE slug = '{resource}'"
    ))
    .await;
    exec(format!(
        "UPDATE practice SET status = 'draft' WHERE slug = '{practice}'"
    ))
    .await;
    exec(format!(
        "UPDATE dilemma SET visibility = 'participants' WHERE slug = '{dilemma}'"
    ))
    .await;
    // An idea with a plan for members, another for its participants: both
    // stay home, and so does the plan.
    let planned = full.plans[0].owner.clone();
    let other = full
        .projects
        .iter()
        .find(|p| p.slug != planned)
        .expect("a second idea")
        .slug
        .clone();
    exec(format!(
        "UPDATE project SET visibility = 'members' WHERE slug = '{planned}'"
    ))
    .await;
    exec(format!(
        "UPDATE project SET visibility = 'participants' WHERE slug = '{other}'"
    ))
    .await;
    let with_contribution = full
        .dilemmas
        .iter()
        .find(|d| d.slug != dilemma && !d.contributions.is_empty())
        .expect("a dilemma with contributions");
    let hidden = with_contribution.contributions[0].body.clone();
    let hidden_text = serde_json::to_string(&hidden).unwrap();
    exec(format!(
        "UPDATE contribution SET hidden = {} WHERE dilemma_id = (SELECT id FROM dilemma WHERE slug = '{}') AND position = {}",
        if a.backend == common::Backend::Sqlite { "1" } else { "true" },
        with_contribution.slug,
        with_contribution.contributions[0].position
    ))
    .await;
    {
        use majlis::library::entities::practice;
        use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
        let p = practice::Entity::find()
            .filter(practice::Column::Slug.eq(full.practices[1].slug.as_str()))
            .one(&tx)
            .await
            .unwrap()
            .expect("a practice");
        let mut content = p.content.clone();
        content.contact_name = "A. Contact".into();
        content.contact_email = "hidden.contact@example.org".into();
        let mut m: practice::ActiveModel = p.into();
        m.content = Set(content);
        m.update(&tx).await.unwrap();
    }
    tx.commit().await.unwrap();

    let doc = export(a).await;
    assert!(doc.events.iter().all(|e| e.slug != event));
    assert!(doc.resources.iter().all(|r| r.slug != resource));
    assert!(doc.practices.iter().all(|p| p.slug != practice));
    assert!(doc.dilemmas.iter().all(|d| d.slug != dilemma));
    assert!(
        doc.projects
            .iter()
            .all(|p| p.slug != planned && p.slug != other)
    );
    assert_eq!(doc.projects.len() + 2, full.projects.len());
    assert!(doc.plans.iter().all(|p| p.owner != planned));
    assert_eq!(doc.plans.len() + 1, full.plans.len());
    assert_eq!(doc.events.len() + 1, full.events.len());
    let text = String::from_utf8(bytes(&doc)).unwrap();
    assert!(!text.contains(&hidden_text), "a hidden contribution left");
    assert!(!text.contains("hidden.contact@example.org"));
    // No account's email address, whoever it belongs to.
    let emails = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT email FROM person".to_owned(),
        ))
        .await
        .unwrap();
    for r in emails {
        let e: String = r.try_get("", "email").unwrap();
        assert!(!text.contains(&e), "{e} is in the export");
    }
}
two_instances!(members_only_and_drafts_stay_home, only_what_visitors_see);

/// Two exports of the same data are the same bytes; every text keeps all
/// its languages and its original one.
async fn deterministic(a: &TestApp, _b: &TestApp) {
    a.load_demo().await;
    let (x, y) = (bytes(&export(a).await), bytes(&export(a).await));
    assert!(x == y, "two exports differ");
    let v: serde_json::Value = serde_json::from_slice(&x).unwrap();
    assert_eq!(v["format"], "majlis-public");
    assert_eq!(v["version"], 3);
    assert_eq!(v["source"]["network"], SOURCE);
    let title = &v["practices"][0]["title"];
    assert!(
        title["orig"].is_string() && title["values"].is_object(),
        "{title}"
    );
    // Texts written in several languages keep them all.
    assert!(
        v["themes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["label"]["values"].as_object().unwrap().len() == 5),
        "theme labels in five languages"
    );
}
two_instances!(two_exports_are_byte_identical, deterministic);

/// A file of another kind or version, or one that does not hold together,
/// is refused and nothing changes.
async fn bad_files(a: &TestApp, b: &TestApp) {
    a.load_demo().await;
    let good = bytes(&export(a).await);
    let before = counts(b).await;
    let edit = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_slice(&good).unwrap();
        f(&mut v);
        serde_json::to_vec(&v).unwrap()
    };
    let wrong_format = edit(&|v| v["format"] = "something-else".into());
    let wrong_version = edit(&|v| v["version"] = 4.into());
    let half_position =
        edit(&|v| v["municipalities"][0]["longitude_micro"] = serde_json::Value::Null);
    let off_the_globe = edit(&|v| v["municipalities"][0]["latitude_micro"] = 91_000_000.into());
    let duplicate = edit(&|v| {
        let first = v["practices"][0].clone();
        v["practices"].as_array_mut().unwrap().push(first);
    });
    for (bytes, says) in [
        (b"not json".to_vec(), "not a Majlis public export"),
        (b"{\"format\":\"majlis-public\"}".to_vec(), "no \"version\""),
        (wrong_format, "is not \"majlis-public\""),
        (wrong_version, "version 4 of the format is not supported"),
        (half_position, "both or neither"),
        (off_the_globe, "within ±90°"),
        (duplicate, "appears twice"),
    ] {
        let e = exchange::import::parse(&bytes).expect_err("refused");
        assert!(e.to_string().contains(says), "{e}");
    }
    // Well formed but referring to a theme nobody has: found only once the
    // directory has been written, and all of it is taken back.
    let dangling = edit(&|v| {
        let last = v["practices"].as_array().unwrap().len() - 1;
        v["practices"][last]["themes"] = serde_json::json!(["no-such-theme"]);
    });
    let doc = exchange::import::parse(&dangling).expect("well formed");
    let e = exchange::import(&b.db, &doc, Utc::now())
        .await
        .expect_err("refused");
    assert!(
        e.to_string().contains("unknown theme \"no-such-theme\""),
        "{e}"
    );
    assert_eq!(counts(b).await, before);
}
two_instances!(a_bad_file_changes_nothing, bad_files);

/// A version 1 document (before project ideas and plans) still imports.
async fn version_one(a: &TestApp, b: &TestApp) {
    a.load_demo().await;
    let mut v: serde_json::Value = serde_json::to_value(export(a).await).unwrap();
    v["version"] = 1.into();
    let o = v.as_object_mut().unwrap();
    o.remove("projects");
    o.remove("plans");
    let doc = exchange::import::parse(&serde_json::to_vec(&v).unwrap()).expect("version 1");
    assert!(doc.projects.is_empty() && doc.plans.is_empty());
    let report = exchange::import(&b.db, &doc, Utc::now())
        .await
        .expect("import");
    assert_eq!(report.created["practice"], doc.practices.len());
    assert_eq!(report.created.get("project"), None);
}
two_instances!(a_version_one_document_still_imports, version_one);

/// Municipalities keep their place on the member map; a version 2 document
/// (no positions) still imports, its municipalities unplaced.
async fn positions(a: &TestApp, b: &TestApp) {
    use majlis::directory::entities::municipality;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    a.load_demo().await;
    let v: serde_json::Value = serde_json::from_slice(&bytes(&export(a).await)).unwrap();
    let source = municipality::Entity::find()
        .filter(municipality::Column::LatitudeMicro.is_not_null())
        .one(a.db.read())
        .await
        .unwrap()
        .expect("a placed demo municipality");
    let exported = v["municipalities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["slug"] == source.slug.as_str())
        .unwrap();
    assert_eq!(exported["latitude_micro"], source.latitude_micro.unwrap());
    assert_eq!(exported["longitude_micro"], source.longitude_micro.unwrap());

    let doc = exchange::import::parse(&serde_json::to_vec(&v).unwrap()).expect("parses");
    exchange::import(&b.db, &doc, Utc::now())
        .await
        .expect("imports");
    let copy = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(source.slug.as_str()))
        .one(b.db.read())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (copy.latitude_micro, copy.longitude_micro),
        (source.latitude_micro, source.longitude_micro)
    );

    // The same network as version 2, into a fresh database: no positions.
    let mut old = v.clone();
    old["version"] = 2.into();
    for m in old["municipalities"].as_array_mut().unwrap() {
        let m = m.as_object_mut().unwrap();
        m.remove("latitude_micro");
        m.remove("longitude_micro");
    }
    let doc = exchange::import::parse(&serde_json::to_vec(&old).unwrap()).expect("version 2");
    assert!(
        doc.municipalities
            .iter()
            .all(|m| m.latitude_micro.is_none())
    );
}
two_instances!(municipalities_keep_their_place_on_the_map, positions);

/// The command line: export to a file, import it into another data folder,
/// twice; a wrong file is one line of error.
#[test]
fn export_and_import_commands() {
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_majlis"));
        c.current_dir(dir.path()).env("MAJLIS_LOG", "error");
        c.env_remove("MAJLIS_DATA_DIR")
            .env_remove("MAJLIS_DATABASE_URL");
        c.args(args).output().unwrap()
    };
    let ok = |args: &[&str]| {
        let out = run(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    ok(&["demo", "load", "--data-dir", "a"]);
    ok(&["export", "--public", "net.json", "--data-dir", "a"]);
    let text = std::fs::read_to_string(dir.path().join("net.json")).unwrap();
    assert!(text.contains("\"format\": \"majlis-public\""));
    let stdout = ok(&["export", "--public", "-", "--data-dir", "a"]);
    assert!(stdout.starts_with('{') && stdout.contains("\"practices\""));
    let first = ok(&["import", "net.json", "--data-dir", "b"]);
    assert!(first.contains("practice: "), "{first}");
    let again = ok(&["import", "net.json", "--data-dir", "b"]);
    assert!(again.contains(": 0 added"), "{again}");
    std::fs::write(
        dir.path().join("bad.json"),
        "{\"format\":\"other\",\"version\":1}",
    )
    .unwrap();
    let out = run(&["import", "bad.json", "--data-dir", "b"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nothing was imported"), "{err}");
}

db_test!(
    /// "Download my data" carries what the person follows (unfollowed
    /// things too), how each kind of notification reaches them, and their
    /// notifications.
    async fn my_data_includes_following_and_notification_settings(app) {
        use majlis::follows::{Target, TargetKind};
        use majlis::notifications::{Delivery, NoticeKind};
        app.load_demo().await;
        let me = common::person(app, "reader@example.org", majlis::policy::Role::Member).await;
        let muni = common::municipality_id(app, "sahinbey").await;
        let now = Utc::now();
        let theme = Target::new(TargetKind::Theme, 1);
        majlis::follows::rules::follow(&app.db, me, Target::new(TargetKind::Municipality, muni), now)
            .await
            .unwrap();
        majlis::follows::rules::follow(&app.db, me, theme, now).await.unwrap();
        majlis::follows::rules::unfollow(&app.db, me, theme).await.unwrap();
        let kind = NoticeKind::ALL[0];
        majlis::notifications::rules::save_settings(&app.db, me, &[(kind, Delivery::Never)])
            .await
            .unwrap();
        let (session, _) = app.session_for(me).await;
        let res = app
            .get_with("/account/data", &[("cookie", &session)])
            .await;
        assert_eq!(res.status, 200);
        let j = res.json();
        let following = j["following"].as_array().expect("following");
        assert_eq!(following.len(), 2, "{following:?}");
        let m = following.iter().find(|f| f["kind"] == "municipality").expect("the municipality");
        assert_eq!(m["id"], muni);
        assert_eq!(m["active"], true);
        assert_eq!(m["url"], "/municipalities/sahinbey");
        let t = following.iter().find(|f| f["kind"] == "theme").expect("the theme");
        assert_eq!(t["active"], false);
        let settings = j["notification_settings"].as_array().expect("settings");
        assert_eq!(settings.len(), NoticeKind::ALL.len());
        let chosen = settings.iter().find(|s| s["kind"] == kind.code()).unwrap();
        assert_eq!(chosen["email"], "never");
        assert_eq!(chosen["chosen"], true);
        assert!(settings.iter().filter(|s| s["chosen"] == true).count() == 1);
        assert!(j["notifications"].is_array());
    }
);
