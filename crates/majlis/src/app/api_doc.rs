//! The JSON API described: the OpenAPI 3.1 document made from the
//! handlers' annotations (each activity's `api_doc()`, merged here and
//! completed by `web::openapi::complete`), served at `/api/openapi.json`,
//! and `/api/docs`, a page Majlis renders from that document (no script,
//! no third-party asset; its chrome in the reader's language, the
//! descriptions as the document has them, in English).

use std::sync::OnceLock;

use askama::Template;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::app::Routes;
use crate::web::{AppError, PageCtx, Section, render};

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/openapi.json", openapi_json)
        .get("/api/docs", docs_page)
}

/// Each activity's part of the document.
fn parts() -> Vec<utoipa::openapi::OpenApi> {
    vec![
        crate::directory::routes::api_doc(),
        crate::library::routes::api_doc(),
        crate::events::routes::api_doc(),
        crate::consultations::routes::api_doc(),
        crate::projects::routes::api_doc(),
        crate::surveys::routes::api_doc(),
        crate::cohesion::routes::api_doc(),
        crate::accounts::routes::api_doc(),
    ]
}

/// The whole document, as built from the annotations.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = utoipa::openapi::OpenApi::default();
    for part in parts() {
        doc.merge(part);
    }
    crate::web::openapi::complete(doc)
}

/// Schema names two activities give different schemas (merging keeps only
/// one of them, so the document would describe the other wrongly).
pub fn schema_conflicts() -> Vec<String> {
    let mut seen: std::collections::BTreeMap<String, Value> = Default::default();
    let mut conflicts = Vec::new();
    for part in parts() {
        let Some(components) = part.components else {
            continue;
        };
        for (name, schema) in components.schemas {
            let schema = serde_json::to_value(schema).unwrap_or(Value::Null);
            match seen.get(&name) {
                Some(other) if *other != schema => conflicts.push(name),
                Some(_) => {}
                None => {
                    seen.insert(name, schema);
                }
            }
        }
    }
    conflicts
}

/// The document as served (pretty JSON), built once per process.
pub fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| {
        let mut s = document()
            .to_pretty_json()
            .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
        s.push('\n');
        s
    })
}

/// `GET /api/openapi.json`
async fn openapi_json() -> Response {
    let mut res = document_json().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// One parameter as the page lists it.
struct Param {
    name: String,
    location: String,
    required: bool,
    kind: Kind,
    description: String,
}

/// A type as the page names it: words, and the schema it links to.
struct Kind {
    text: String,
    link: Option<String>,
}

struct Answer {
    status: String,
    description: String,
    kind: Option<Kind>,
    headers: Vec<String>,
}

struct Operation {
    anchor: String,
    method: String,
    path: String,
    summary: String,
    description: String,
    needs_token: bool,
    params: Vec<Param>,
    body: Option<Kind>,
    answers: Vec<Answer>,
}

struct Group {
    name: String,
    description: String,
    operations: Vec<Operation>,
}

struct Property {
    name: String,
    required: bool,
    kind: Kind,
    description: String,
}

struct SchemaView {
    name: String,
    description: String,
    kind: Kind,
    properties: Vec<Property>,
}

#[derive(Template)]
#[template(path = "app/templates/api_docs.html")]
struct DocsPage {
    ctx: PageCtx,
    title: String,
    version: String,
    /// The document's description, paragraph by paragraph.
    description: Vec<String>,
    groups: Vec<Group>,
    schemas: Vec<SchemaView>,
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_owned()
}

/// How a schema reads: `string`, `integer or null`, `array of Practice`,
/// `map of integer`, `one of A, B`; a named schema links to its entry.
fn kind_of(s: &Value) -> Kind {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or(r).to_owned();
        return Kind {
            link: Some(format!("#schema-{name}")),
            text: name,
        };
    }
    for combinator in ["allOf", "oneOf", "anyOf"] {
        if let Some(parts) = s.get(combinator).and_then(Value::as_array) {
            let kinds: Vec<Kind> = parts.iter().map(kind_of).collect();
            let link = kinds.iter().find_map(|k| k.link.clone());
            let words: Vec<String> = kinds.into_iter().map(|k| k.text).collect();
            let joiner = if combinator == "allOf" { " + " } else { " | " };
            return Kind {
                text: words.join(joiner),
                link,
            };
        }
    }
    let types: Vec<String> = match s.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    };
    let mut link = None;
    let words: Vec<String> = types
        .iter()
        .map(|t| match t.as_str() {
            "array" => {
                let item = s.get("items").map(kind_of).unwrap_or(Kind {
                    text: "any".into(),
                    link: None,
                });
                link = link.take().or(item.link);
                format!("array of {}", item.text)
            }
            "object" => match s.get("additionalProperties") {
                Some(v @ Value::Object(_)) => {
                    let value = kind_of(v);
                    link = link.take().or(value.link);
                    format!("map of {}", value.text)
                }
                _ => "object".into(),
            },
            other => match s.get("format").and_then(Value::as_str) {
                Some(f) => format!("{other} ({f})"),
                None => other.to_owned(),
            },
        })
        .collect();
    let mut text = if words.is_empty() {
        "any".to_owned()
    } else {
        words.join(" | ")
    };
    if let Some(values) = s.get("enum").and_then(Value::as_array) {
        let values: Vec<&str> = values.iter().filter_map(Value::as_str).collect();
        text = format!("{text}: {}", values.join(", "));
    }
    Kind { text, link }
}

fn json_body(content: &Value) -> Option<Kind> {
    content
        .get("content")?
        .as_object()?
        .values()
        .next()?
        .get("schema")
        .map(kind_of)
}

fn operation(path: &str, method: &str, op: &Value) -> Operation {
    let params = op
        .get("parameters")
        .and_then(Value::as_array)
        .map(|ps| {
            ps.iter()
                .map(|p| Param {
                    name: text(p, "name"),
                    location: text(p, "in"),
                    required: p.get("required").and_then(Value::as_bool).unwrap_or(false),
                    kind: p.get("schema").map(kind_of).unwrap_or(Kind {
                        text: "any".into(),
                        link: None,
                    }),
                    description: text(p, "description"),
                })
                .collect()
        })
        .unwrap_or_default();
    let answers = op
        .get("responses")
        .and_then(Value::as_object)
        .map(|rs| {
            rs.iter()
                .map(|(status, r)| Answer {
                    status: status.clone(),
                    description: text(r, "description"),
                    kind: json_body(r),
                    headers: r
                        .get("headers")
                        .and_then(Value::as_object)
                        .map(|h| h.keys().cloned().collect())
                        .unwrap_or_default(),
                })
                .collect()
        })
        .unwrap_or_default();
    let needs_token = op
        .get("security")
        .and_then(Value::as_array)
        .is_some_and(|s| {
            !s.iter()
                .any(|r| r.as_object().is_some_and(|o| o.is_empty()))
        });
    Operation {
        anchor: format!(
            "{method}-{}",
            path.trim_matches('/').replace(['/', '{', '}'], "-")
        ),
        method: method.to_uppercase(),
        path: path.to_owned(),
        summary: text(op, "summary"),
        description: text(op, "description"),
        needs_token,
        params,
        body: op.get("requestBody").and_then(json_body),
        answers,
    }
}

fn schema_view(name: &str, s: &Value) -> SchemaView {
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    // A flattened struct is `allOf` [its parts]: list every part's fields.
    let mut parts = vec![s];
    if let Some(all) = s.get("allOf").and_then(Value::as_array) {
        parts.extend(all.iter());
    }
    let mut properties = Vec::new();
    for part in parts {
        let own_required: Vec<&str> = part
            .get("required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        if let Some(props) = part.get("properties").and_then(Value::as_object) {
            for (prop, v) in props {
                properties.push(Property {
                    name: prop.clone(),
                    required: required.contains(&prop.as_str())
                        || own_required.contains(&prop.as_str()),
                    kind: kind_of(v),
                    description: text(v, "description"),
                });
            }
        }
    }
    SchemaView {
        name: name.to_owned(),
        description: text(s, "description"),
        kind: kind_of(s),
        properties,
    }
}

/// The page's view of the document: operations grouped by tag, then the
/// schemas.
fn docs_view(doc: &Value) -> (Vec<Group>, Vec<SchemaView>) {
    let mut groups: Vec<Group> = doc
        .get("tags")
        .and_then(Value::as_array)
        .map(|tags| {
            tags.iter()
                .map(|t| Group {
                    name: text(t, "name"),
                    description: text(t, "description"),
                    operations: Vec::new(),
                })
                .collect()
        })
        .unwrap_or_default();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in ["get", "post"] {
                let Some(op) = item.get(method) else { continue };
                let tag = op
                    .get("tags")
                    .and_then(Value::as_array)
                    .and_then(|t| t.first())
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let view = operation(path, method, op);
                match groups.iter_mut().find(|g| g.name == tag) {
                    Some(g) => g.operations.push(view),
                    None => groups.push(Group {
                        name: tag.to_owned(),
                        description: String::new(),
                        operations: vec![view],
                    }),
                }
            }
        }
    }
    groups.retain(|g| !g.operations.is_empty());
    let schemas = doc
        .pointer("/components/schemas")
        .and_then(Value::as_object)
        .map(|s| s.iter().map(|(n, v)| schema_view(n, v)).collect())
        .unwrap_or_default();
    (groups, schemas)
}

/// `GET /api/docs`: the document as a page.
async fn docs_page(ctx: PageCtx) -> Result<Response, AppError> {
    let doc: Value = serde_json::from_str(document_json())
        .map_err(|e| AppError::Internal(anyhow::Error::new(e)))?;
    let (groups, schemas) = docs_view(&doc);
    let info = doc.get("info").cloned().unwrap_or(Value::Null);
    Ok(render(&DocsPage {
        ctx,
        title: text(&info, "title"),
        version: text(&info, "version"),
        description: text(&info, "description")
            .split("\n\n")
            .map(str::to_owned)
            .collect(),
        groups,
        schemas,
    })?
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_read_as_words() {
        let k = kind_of(&serde_json::json!({"type": ["string", "null"]}));
        assert_eq!(k.text, "string | null");
        let k = kind_of(
            &serde_json::json!({"type": "array", "items": {"$ref": "#/components/schemas/ApiEvent"}}),
        );
        assert_eq!(k.text, "array of ApiEvent");
        assert_eq!(k.link.as_deref(), Some("#schema-ApiEvent"));
        let k = kind_of(
            &serde_json::json!({"type": "object", "additionalProperties": {"type": "integer", "format": "int64"}}),
        );
        assert_eq!(k.text, "map of integer (int64)");
        let k = kind_of(&serde_json::json!({"type": "string", "enum": ["en", "ar"]}));
        assert_eq!(k.text, "string: en, ar");
    }
}
