//! The API described: the OpenAPI document is a committed snapshot (a
//! change to it is a change to the API, reviewed as such), it documents
//! every `/api/v1/` route the router serves and nothing else, and it is
//! served as JSON and as a page.
//!
//! To accept a change of the document:
//! `MAJLIS_UPDATE_SNAPSHOTS=1 cargo test -p majlis --test openapi`.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use axum::http::StatusCode;

fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/openapi.json")
}

#[test]
fn the_document_matches_its_snapshot() {
    let now = majlis::app::api_doc::document_json();
    let path = snapshot_path();
    if std::env::var("MAJLIS_UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, now).unwrap();
        return;
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    if kept == now {
        return;
    }
    let kept_lines: Vec<&str> = kept.lines().collect();
    let now_lines: Vec<&str> = now.lines().collect();
    let first = kept_lines
        .iter()
        .zip(&now_lines)
        .position(|(a, b)| a != b)
        .unwrap_or(kept_lines.len().min(now_lines.len()));
    let around = |lines: &[&str]| {
        lines
            .iter()
            .enumerate()
            .skip(first.saturating_sub(3))
            .take(8)
            .map(|(i, l)| format!("{:>5} {l}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    };
    panic!(
        "The OpenAPI document differs from {} from line {}.\n\
         --- snapshot\n{}\n+++ now\n{}\n\
         If the API changed on purpose, accept the new document with\n\
         MAJLIS_UPDATE_SNAPSHOTS=1 cargo test -p majlis --test openapi\n\
         and commit tests/snapshots/openapi.json with the change.",
        path.display(),
        first + 1,
        around(&kept_lines),
        around(&now_lines),
    );
}

#[test]
fn every_api_route_is_documented_and_nothing_else() {
    let served: BTreeSet<(String, String)> = majlis::app::routes()
        .table()
        .iter()
        .filter(|r| r.path.starts_with("/api/v1/"))
        .map(|r| (r.method.as_str().to_lowercase(), r.path.to_owned()))
        .collect();
    let doc: serde_json::Value =
        serde_json::from_str(majlis::app::api_doc::document_json()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut documented = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            documented.insert((method.clone(), path.clone()));
            // Every operation says what it answers, refusals included.
            let responses = op["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{method} {path}: no success response"
            );
            let limited = &responses["429"];
            assert!(
                limited["headers"]["Retry-After"].is_object(),
                "{method} {path}: 429 without Retry-After"
            );
            for (status, r) in responses {
                if status.starts_with('4') {
                    assert!(
                        r["content"]["application/json"]["schema"].is_object(),
                        "{method} {path} {status}: no error body"
                    );
                }
            }
            assert!(
                op["parameters"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|p| p["name"] == "lang"),
                "{method} {path}: no lang"
            );
            // Path parameters are documented.
            for part in path.split('/').filter(|p| p.starts_with('{')) {
                let name = part.trim_matches(['{', '}']);
                assert!(
                    op["parameters"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|p| p["name"] == name && p["in"] == "path"),
                    "{method} {path}: path parameter {name} undocumented"
                );
            }
        }
    }
    assert_eq!(served, documented, "served /api/v1/ routes vs documented");
    assert_eq!(
        majlis::app::api_doc::schema_conflicts(),
        Vec::<String>::new(),
        "schema names given to different types: name one with #[schema(as = …)]"
    );
    assert!(served.len() >= 20, "{} API routes", served.len());
    // The bearer scheme and the one error shape.
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    let error = &doc["components"]["schemas"]["ApiError"];
    assert_eq!(error["required"], serde_json::json!(["code", "message"]));
    // Token-only operations say so; the others take a token or none.
    let me = &doc["paths"]["/api/v1/me"]["get"]["security"];
    assert_eq!(me, &serde_json::json!([{"bearer": []}]));
    let list = &doc["paths"]["/api/v1/practices"]["get"]["security"];
    assert_eq!(list, &serde_json::json!([{}, {"bearer": []}]));
}

db_test!(
    async fn the_document_and_its_page_are_served(app) {
        let r = app.get("/api/openapi.json").await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(
            r.header("content-type")
                .is_some_and(|c| c.starts_with("application/json"))
        );
        assert_eq!(r.body, majlis::app::api_doc::document_json());

        let doc = r.json();
        let r = app.get("/api/docs?lang=en").await;
        assert_eq!(r.status, StatusCode::OK);
        // Every operation is on the page, with its own anchor.
        let headings = r.texts("article.api-operation h3");
        for (path, item) in doc["paths"].as_object().unwrap() {
            for method in item.as_object().unwrap().keys() {
                let title = format!("{} {path}", method.to_uppercase());
                assert!(headings.contains(&title), "{title} not on the page");
            }
        }
        // Every schema too, and the links to them lead somewhere.
        let schemas = r.texts("article.api-schema h3");
        for name in doc["components"]["schemas"].as_object().unwrap().keys() {
            assert!(schemas.contains(name), "schema {name} not on the page");
        }
        let html = r.html();
        let links = scraper::Selector::parse("a[href^='#']").unwrap();
        for a in html.select(&links) {
            let id = &a.value().attr("href").unwrap()[1..];
            let target = scraper::Selector::parse(&format!("[id='{id}']")).unwrap();
            assert!(html.select(&target).next().is_some(), "#{id} leads nowhere");
        }
        assert!(r.body.contains("Retry-After"));
        assert_eq!(r.texts("h1"), vec!["The Majlis API"]);

        // The chrome in Arabic, right to left; the document's words as they are.
        let r = app.get("/api/docs?lang=ar").await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.attr("html", "dir").as_deref(), Some("rtl"));
        assert_eq!(r.texts("h1"), vec!["واجهة برمجة مجلس"]);
        assert!(r.texts("th").iter().any(|t| t == "المعاملات" || t == "الاسم"));
        assert!(r.body.contains("GET /api/v1/practices"));
    }
);
