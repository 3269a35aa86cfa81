//! Open data: every public list as CSV and XLSX holds exactly the items a
//! visitor's list holds (with the same filters), never a members-only one
//! even when a member downloads it, in the asked language (Arabic headers
//! and values), with a licence on every row and a file name that says what
//! it is.

mod common;

use std::collections::BTreeSet;
use std::io::Cursor;

use axum::http::StatusCode;
use calamine::{Data, Reader, Xlsx};
use common::{TestApp, TestResponse, person};
use majlis::consultations::entities::dilemma;
use majlis::events::entities::event;
use majlis::library::entities::resource;
use majlis::policy::Role;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};

/// Each list, the JSON field naming an item and the column holding it.
const LISTS: [(&str, &str, &str); 6] = [
    ("municipalities", "url", "url"),
    ("organisations", "url", "url"),
    ("practices", "url", "url"),
    ("resources", "url", "url"),
    ("events", "url", "url"),
    ("dilemmas", "url", "url"),
];

/// Every item of a JSON list as a visitor reads it, page by page.
async fn listed(app: &TestApp, name: &str, query: &str, field: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for page in 1.. {
        let r = app
            .get(&format!("/api/v1/{name}?per_page=100&page={page}&{query}"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{name}: {}", r.body);
        let j = r.json();
        let items = j["items"].as_array().unwrap();
        out.extend(items.iter().map(|i| i[field].as_str().unwrap().to_owned()));
        if items.len() < 100 {
            break;
        }
    }
    out
}

/// A CSV download's header and rows.
fn csv_rows(r: &TestResponse) -> (Vec<String>, Vec<Vec<String>>) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(r.bytes.starts_with(b"\xEF\xBB\xBF"), "CSV without BOM");
    let mut reader = csv::Reader::from_reader(&r.bytes[3..]);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// An XLSX download's first sheet (header and rows) and its sheet names.
fn xlsx_rows(r: &TestResponse) -> (Vec<String>, Vec<Vec<String>>, Vec<String>) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.header("content-type"), Some(majlis::web::open_data::XLSX));
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(r.bytes.clone())).expect("a workbook");
    let names = book.sheet_names();
    let range = book.worksheet_range(&names[0]).unwrap();
    let mut rows = range.rows().map(|row| {
        row.iter()
            .map(|c| match c {
                Data::Float(f) if f.fract() == 0.0 => format!("{f:.0}"),
                Data::Empty => String::new(),
                other => other.to_string(),
            })
            .collect::<Vec<String>>()
    });
    let header = rows.next().unwrap_or_default();
    (header, rows.collect(), names)
}

fn column(header: &[String], rows: &[Vec<String>], name: &str) -> Vec<String> {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    rows.iter().map(|r| r[i].clone()).collect()
}

db_test!(
    async fn downloads_hold_the_visitors_list(app) {
        app.load_demo().await;
        for (name, field, col) in LISTS {
            let query = if name == "events" { "when=all" } else { "" };
            let expected = listed(app, name, query, field).await;
            assert!(!expected.is_empty(), "the demo has {name}");

            let r = app.get(&format!("/api/v1/{name}.csv?lang=en&{query}")).await;
            let disposition = r.header("content-disposition").unwrap().to_owned();
            assert!(
                disposition.starts_with("attachment;")
                    && disposition.contains(&format!("filename=\"majlis-{name}-en.csv\"")),
                "{disposition}"
            );
            assert_eq!(
                r.header("link"),
                Some("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
            );
            let (header, rows) = csv_rows(&r);
            let label = majlis::i18n::Locale::En.t(&format!("open-data-col-{col}"));
            let got: BTreeSet<String> = column(&header, &rows, &label).into_iter().collect();
            assert_eq!(got, expected, "{name}.csv");
            assert_eq!(rows.len(), expected.len(), "{name}.csv: a row each");
            // The licence on every row: the network's, or a document's own.
            for l in column(&header, &rows, "Licence") {
                assert!(!l.is_empty(), "{name}: a row without a licence");
            }
            if name != "resources" {
                assert!(column(&header, &rows, "Licence").iter().all(|l| l == "CC-BY-4.0"));
            }
            // No header left as its message id.
            assert!(
                header.iter().all(|h| !h.starts_with("open-data-")),
                "{header:?}"
            );

            let r = app.get(&format!("/api/v1/{name}.xlsx?lang=en&{query}")).await;
            assert!(
                r.header("content-disposition")
                    .unwrap()
                    .contains(&format!("majlis-{name}-en.xlsx"))
            );
            let (xheader, xrows, sheets) = xlsx_rows(&r);
            assert_eq!(xheader, header, "{name}.xlsx header");
            assert_eq!(xrows.len(), rows.len(), "{name}.xlsx rows");
            let got: BTreeSet<String> = column(&xheader, &xrows, &label).into_iter().collect();
            assert_eq!(got, expected, "{name}.xlsx");
            assert_eq!(sheets, vec![name.to_owned(), "about".to_owned()]);
        }

        // The same filters as the list, a bad one refused the same way.
        let turkey = listed(app, "municipalities", "country=TR", "url").await;
        assert!(!turkey.is_empty());
        let (header, rows) = csv_rows(&app.get("/api/v1/municipalities.csv?country=TR").await);
        let got: BTreeSet<String> = column(&header, &rows, "Address").into_iter().collect();
        assert_eq!(got, turkey);
        assert!(column(&header, &rows, "Country code").iter().all(|c| c == "TR"));
        let r = app.get("/api/v1/practices.xlsx?year=nineteen").await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert_eq!(r.json()["code"], "bad-request");
    }
);

db_test!(
    async fn members_only_items_are_never_downloaded(app) {
        app.load_demo().await;
        // One document, one event and one dilemma made members-only.
        let first_url = |name: &'static str| async move {
            let q = if name == "events" { "&when=all" } else { "" };
            let j = app.get(&format!("/api/v1/{name}?per_page=1{q}")).await.json();
            j["items"][0].clone()
        };
        let doc = first_url("resources").await;
        let ev = first_url("events").await;
        let dl = first_url("dilemmas").await;
        let tx = app.db.begin_write().await.unwrap();
        let r = resource::Entity::find_by_id(doc["id"].as_i64().unwrap() as i32)
            .one(&tx)
            .await
            .unwrap()
            .unwrap();
        let mut am: resource::ActiveModel = r.into();
        am.visibility = Set("members".to_owned());
        am.update(&tx).await.unwrap();
        let e = event::Entity::find()
            .all(&tx)
            .await
            .unwrap()
            .into_iter()
            .find(|e| e.slug == ev["slug"].as_str().unwrap())
            .unwrap();
        let mut am: event::ActiveModel = e.into();
        am.visibility = Set("members".to_owned());
        am.update(&tx).await.unwrap();
        let d = dilemma::Entity::find()
            .all(&tx)
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.slug == dl["id"].as_str().unwrap())
            .unwrap();
        let mut am: dilemma::ActiveModel = d.into();
        am.visibility = Set("members".to_owned());
        am.update(&tx).await.unwrap();
        tx.commit().await.unwrap();

        // A member sees them in the JSON list, but a download is the
        // visitors' list whoever asks.
        let member = person(app, "open-data@example.org", Role::Member).await;
        let (cookie, _) = app.session_for(member).await;
        // Each is there for a member and hidden from visitors.
        for hidden in [&doc, &ev, &dl] {
            let url = hidden["url"].as_str().unwrap();
            let path = url.find("://").map_or(url, |i| {
                let rest = &url[i + 3..];
                &rest[rest.find('/').unwrap()..]
            });
            let seen = app.get_with(path, &[("cookie", &cookie)]).await;
            assert_eq!(seen.status, StatusCode::OK, "{path} for a member");
            let hidden_from_visitor = app.get(path).await;
            assert_eq!(hidden_from_visitor.status, StatusCode::NOT_FOUND, "{path}");
        }
        for (name, hidden) in [("resources", &doc), ("events", &ev), ("dilemmas", &dl)] {
            let q = if name == "events" { "when=all" } else { "" };
            for headers in [vec![], vec![("cookie", cookie.as_str())]] {
                let r = app
                    .get_with(&format!("/api/v1/{name}.csv?{q}"), &headers)
                    .await;
                let (header, rows) = csv_rows(&r);
                let urls = column(&header, &rows, "Address");
                assert!(
                    !urls.contains(&hidden["url"].as_str().unwrap().to_owned()),
                    "members-only {} in {name}.csv",
                    hidden["url"]
                );
                assert!(!rows.is_empty());
                let r = app
                    .get_with(&format!("/api/v1/{name}.xlsx?{q}"), &headers)
                    .await;
                let (header, rows, _) = xlsx_rows(&r);
                let urls = column(&header, &rows, "Address");
                assert!(!urls.contains(&hidden["url"].as_str().unwrap().to_owned()));
            }
        }
    }
);

db_test!(
    async fn downloads_are_kept_for_visitors_until_the_content_changes(app) {
        app.load_demo().await;
        let member = person(app, "kept-downloads@example.org", Role::Member).await;
        let (cookie, _) = app.session_for(member).await;
        for path in [
            "/api/v1/practices.csv",
            "/api/v1/events.xlsx?when=all",
            "/feed.atom",
            "/api/v1/organisations",
            "/api/docs",
        ] {
            let first = app.get(path).await;
            assert_eq!(first.status, StatusCode::OK, "{path}: {}", first.body);
            let again = app.get(path).await;
            assert_eq!(again.status, StatusCode::OK, "{path}");
            assert_eq!(again.bytes, first.bytes, "{path}: kept answer differs");
            for h in ["content-type", "content-disposition", "link"] {
                assert_eq!(again.header(h), first.header(h), "{path}: header {h}");
            }
            // Kept: only the content version is read (staleness 0 here).
            assert!(again.queries() <= 1, "{path}: {} queries", again.queries());
            // In another language, another answer.
            let ar = app.get(&format!("{path}{}lang=ar", if path.contains('?') { '&' } else { '?' })).await;
            assert_eq!(ar.status, StatusCode::OK, "{path} ar");
            if path != "/api/v1/organisations" {
                assert_ne!(ar.bytes, first.bytes, "{path}: Arabic answered from the English one");
            }
        }
        // Signed-in people and token holders are answered afresh.
        let fresh = app.get_with("/api/v1/practices.csv", &[("cookie", &cookie)]).await;
        assert_eq!(fresh.status, StatusCode::OK);
        assert!(fresh.queries() > 1, "a member got a kept answer");
        // A change of content (recorded in the outbox, as every rule does)
        // makes the next visitor's answer new.
        let before = app.get("/api/v1/organisations").await;
        let org = &before.json()["items"][0];
        let id = org["id"].as_i64().unwrap() as i32;
        let tx = app.db.begin_write().await.unwrap();
        let o = majlis::directory::entities::organisation::Entity::find_by_id(id)
            .one(&tx)
            .await
            .unwrap()
            .unwrap();
        let mut am: majlis::directory::entities::organisation::ActiveModel = o.into();
        am.website = Set(Some("https://kept.example.org/".to_owned()));
        am.update(&tx).await.unwrap();
        majlis::db::outbox::record(&tx, "organisation", id, majlis::db::outbox::Op::Updated)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        let after = app.get("/api/v1/organisations").await;
        assert!(after.queries() > 1, "the change was not seen");
        assert!(after.body.contains("https://kept.example.org/"), "{}", after.body);
    }
);

db_test!(
    async fn downloads_speak_arabic(app) {
        app.load_demo().await;
        let r = app.get("/api/v1/organisations.csv?lang=ar").await;
        assert!(
            r.header("content-disposition")
                .unwrap()
                .contains("majlis-organisations-ar.csv")
        );
        let (header, rows) = csv_rows(&r);
        assert!(header.contains(&"الاسم".to_owned()), "{header:?}");
        assert!(header.contains(&"الترخيص".to_owned()), "{header:?}");
        let names = column(&header, &rows, "الاسم");
        assert!(
            names.contains(&"مركز التكامل المتوسطي".to_owned()),
            "{names:?}"
        );
        // Accept-Language chooses too; the workbook reads right to left.
        let r = app
            .get_with("/api/v1/organisations.xlsx", &[("accept-language", "ar")])
            .await;
        let (header, rows, sheets) = xlsx_rows(&r);
        assert!(header.contains(&"الاسم".to_owned()));
        assert!(column(&header, &rows, "الاسم").contains(&"مركز التكامل المتوسطي".to_owned()));
        assert_eq!(sheets[1], "حول");
        let book = String::from_utf8_lossy(&unzip(&r.bytes, "xl/worksheets/sheet1.xml")).into_owned();
        assert!(book.contains("rightToLeft=\"1\""), "not right to left");
    }
);

fn unzip(bytes: &[u8], name: &str) -> Vec<u8> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut f = zip.by_name(name).unwrap();
    let mut out = Vec::new();
    f.read_to_end(&mut out).unwrap();
    out
}
