//! What every operation of the JSON API shares in its OpenAPI description
//! (`utoipa`): the error shape, paging, the reader's language, the bearer
//! token, the rate-limit answers. Activities annotate their handlers with
//! `#[utoipa::path]` and gather them in an `api_doc()`; the application
//! merges those (`app::api_doc`) and passes the result through
//! [`complete`], which adds what is common so no handler repeats it.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, ParameterBuilder, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, InfoBuilder, LicenseBuilder, ObjectBuilder, OpenApi, Ref, RefOr, Required,
    ResponseBuilder, Type,
};
use utoipa::{IntoParams, PartialSchema, ToSchema};

use crate::i18n::Locale;

/// Every refusal of the API: a stable code (also the key of its translated
/// message) and the message in the reader's language.
#[derive(ToSchema)]
#[allow(dead_code)] // Describes the JSON `render_errors` writes; never built.
pub struct ApiError {
    /// `not-found`, `bad-request`, `sign-in-required`, `forbidden`,
    /// `two-factor-required`, `too-many-requests`…
    #[schema(example = "bad-request")]
    code: String,
    /// What went wrong, in the requested language; names the parameter at
    /// fault for `bad-request`.
    message: String,
}

/// `page` and `per_page`, taken by every list.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Describes the query `PageRequest::from_query` reads.
pub struct Paging {
    /// 1-based page number (default 1).
    #[param(minimum = 1, maximum = 1_000_000)]
    page: Option<u64>,
    /// Items per page (default 20, at most 100).
    #[param(minimum = 1, maximum = 100)]
    per_page: Option<u64>,
}

/// `theme` and `country`, the filters most lists share.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)] // Describes the query the lists' filters read.
pub struct PlaceFilters {
    /// A theme's slug (see `/api/v1/themes`).
    #[param(example = "housing")]
    theme: Option<String>,
    /// A country's ISO 3166-1 alpha-2 code (see `/api/v1/countries`).
    #[param(example = "DE")]
    country: Option<String>,
}

/// The security scheme's name in the document.
pub const BEARER: &str = "bearer";

/// The tag of each part of the API, in the order the document lists them.
pub const TAGS: [(&str, &str); 9] = [
    (
        "directory",
        "Municipalities, organisations, themes and countries",
    ),
    ("library", "Good practices and documents"),
    ("events", "Workshops, webinars, field visits"),
    ("consultations", "Peer consultations on policy dilemmas"),
    ("projects", "Project ideas and their action plans"),
    ("surveys", "Survey results and submissions"),
    (
        "cohesion",
        "Social-cohesion self-assessment of municipalities",
    ),
    ("search", "Full-text search across the network"),
    ("account", "The caller"),
];

const DESCRIPTION: &str = "\
The public JSON API of a Majlis network. Without a token a caller sees what \
a visitor sees; with a personal API token (created on `/account/tokens`, sent \
as `Authorization: Bearer <token>`) it sees what its owner may see.

Texts come in the language asked for with `?lang=` or `Accept-Language` \
(`en`, `ar`, `tr`, `fr`, `de`), else in their original language, which the \
`*_lang` fields name.

Every answer carries the rate limit (`RateLimit-Policy` and `RateLimit`, \
IETF draft \"RateLimit header fields for HTTP\"): per token with a token, \
else per address. Over the limit the answer is 429 with `Retry-After` in \
seconds. Every refusal is `{\"code\", \"message\"}`.";

fn string_header(description: &str) -> utoipa::openapi::header::Header {
    HeaderBuilder::new()
        .schema(String::schema())
        .description(Some(description))
        .build()
}

fn error_content() -> utoipa::openapi::Content {
    ContentBuilder::new()
        .schema(Some(RefOr::Ref(Ref::from_schema_name("ApiError"))))
        .build()
}

/// What `complete` adds to one operation of `/api/v1/`.
fn complete_operation(op: &mut Operation) {
    let params = op.parameters.get_or_insert_with(Vec::new);
    if !params.iter().any(|p| p.name == "lang") {
        params.push(
            ParameterBuilder::new()
                .name("lang")
                .parameter_in(ParameterIn::Query)
                .required(Required::False)
                .description(Some(
                    "Language of the answer's texts; else Accept-Language, else English.",
                ))
                .schema(Some(Locale::schema()))
                .build(),
        );
    }
    params.push(
        ParameterBuilder::new()
            .name("Accept-Language")
            .parameter_in(ParameterIn::Header)
            .required(Required::False)
            .description(Some("Preferred languages, used when `lang` is not given."))
            .schema(Some(String::schema()))
            .build(),
    );
    for response in op.responses.responses.values_mut() {
        if let RefOr::T(r) = response {
            r.headers.insert(
                "RateLimit-Policy".into(),
                string_header("The quota that applies: `\"token\";q=1200;w=60`."),
            );
            r.headers.insert(
                "RateLimit".into(),
                string_header("What is left of it and the seconds until it is whole."),
            );
        }
    }
    let too_many = ResponseBuilder::new()
        .description("Over the rate limit; nothing was done.")
        .header(
            "Retry-After",
            HeaderBuilder::new()
                .schema(
                    ObjectBuilder::new()
                        .schema_type(Type::Integer)
                        .minimum(Some(0)),
                )
                .description(Some("Seconds to wait before trying again."))
                .build(),
        )
        .header(
            "RateLimit",
            string_header("`r=0` and the seconds until the quota is whole."),
        )
        .content("application/json", error_content())
        .build();
    op.responses
        .responses
        .insert("429".into(), RefOr::T(too_many));
    if op.security.is_none() {
        // Anonymous callers are welcome; a token widens what is seen.
        op.security = Some(vec![
            SecurityRequirement::default(),
            SecurityRequirement::new(BEARER, Vec::<String>::new()),
        ]);
    }
}

/// `/api/v1/{list}.csv` and `.xlsx` for each open-data list: the list's
/// own operation, its filters without paging, answering a file.
fn add_downloads(doc: &mut OpenApi) {
    use super::open_data::{CSV, LISTS, XLSX};
    for name in LISTS {
        let Some(list) = doc
            .paths
            .paths
            .get(&format!("/api/v1/{name}"))
            .and_then(|item| item.get.clone())
        else {
            continue;
        };
        for (ext, kind, schema) in [
            ("csv", CSV, ObjectBuilder::new().schema_type(Type::String)),
            (
                "xlsx",
                XLSX,
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .content_media_type("application/octet-stream"),
            ),
        ] {
            let mut op = list.clone();
            op.operation_id = op.operation_id.map(|id| format!("{id}_{ext}"));
            op.summary = op
                .summary
                .map(|s| format!("{s}, as {}", ext.to_uppercase()));
            op.description = Some(format!(
                "Every item a visitor sees, with the list's filters, as a file \
                 (`majlis-{name}-<lang>.{ext}`): one row per item, headers and texts in the \
                 requested language, and a licence on every row (an item's own, else the \
                 network's, also linked as `Link: rel=\"license\"`)."
            ));
            if let Some(params) = op.parameters.as_mut() {
                params.retain(|p| p.name != "page" && p.name != "per_page");
            }
            let file = ResponseBuilder::new()
                .description(format!("The {name} as {}.", ext.to_uppercase()))
                .header(
                    "Content-Disposition",
                    string_header("`attachment` with the file's name."),
                )
                .header(
                    "Link",
                    string_header("The licence: `<…>; rel=\"license\"`."),
                )
                .content(
                    kind.split(';').next().unwrap_or(kind),
                    ContentBuilder::new().schema(Some(schema)).build(),
                )
                .build();
            op.responses.responses.insert("200".into(), RefOr::T(file));
            let mut item = utoipa::openapi::PathItem::default();
            item.get = Some(op);
            doc.paths
                .paths
                .insert(format!("/api/v1/{name}.{ext}"), item);
        }
    }
}

/// The document as served: information, the bearer scheme, the error
/// schema, and on every `/api/v1/` operation the language parameters, the
/// rate-limit headers and the 429 answer.
pub fn complete(mut doc: OpenApi) -> OpenApi {
    doc.info = InfoBuilder::new()
        .title("Majlis API")
        .version("1")
        .description(Some(DESCRIPTION))
        .license(Some(
            LicenseBuilder::new()
                .name("AGPL-3.0-or-later")
                .identifier(Some("AGPL-3.0-or-later"))
                .build(),
        ))
        .build();
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(
        BEARER,
        SecurityScheme::Http(
            HttpBuilder::new()
                .scheme(HttpAuthScheme::Bearer)
                .description(Some("A personal API token from /account/tokens."))
                .build(),
        ),
    );
    components
        .schemas
        .insert("ApiError".into(), ApiError::schema());
    components.schemas.insert("Locale".into(), Locale::schema());
    add_downloads(&mut doc);
    for (path, item) in doc.paths.paths.iter_mut() {
        if !path.starts_with("/api/v1/") {
            continue;
        }
        for op in [&mut item.get, &mut item.post].into_iter().flatten() {
            complete_operation(op);
        }
    }
    doc.tags = Some(
        TAGS.iter()
            .map(|(name, description)| {
                utoipa::openapi::tag::TagBuilder::new()
                    .name(*name)
                    .description(Some(*description))
                    .build()
            })
            .collect(),
    );
    doc
}
