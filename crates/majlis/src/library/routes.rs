//! Library pages (`/library`, `/practices`, `/compendiums`), file downloads,
//! the practice form and review, and the JSON API.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use askama::Template;
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

use super::compendium::{self, CompendiumError, SheetContext};
use super::entities::{compendium as compendium_entity, practice_attachment, resource_version};
use super::files::{self, FormError, UploadForm};
use super::practices::{
    self, Change, DiffKind, FieldError, Known, PracticeError, RawForm, Snapshot, Step, TextField,
    Transition,
};
use super::resources::{self, ResourceError};
use super::rules::{
    self, LibraryError, LibraryFilter, PracticeCard, PracticeDetail, PracticeScope, ResourceCard,
    ResourceDetail, Sort,
};
use super::{PracticeStatus, ResourceKind};
use crate::accounts::policy::{Action, Actor, Coordinator, authorize, can};
use crate::accounts::web::{
    ClientInfo, CsrfForm, CsrfMultipart, RequireRole, RequireSignedIn, origin_of,
};
use crate::directory::entities::{country, organisation, theme};
use crate::directory::routes::ApiList;
use crate::directory::rules::{Page, PageRequest};
use crate::i18n::{Locale, TrText};
use crate::web::routes::Routes;
use crate::web::{AppError, AppState, PageCtx, Params, Section, redirect, render};

/// One printer per process: fonts are loaded once.
static PRINTER: LazyLock<majlis_print::Printer> = LazyLock::new(majlis_print::Printer::new);

pub fn routes() -> Routes {
    Routes::new()
        .get("/library", library)
        .get("/library/new", new_resource_page)
        .post_upload("/library/new", new_resource)
        .get("/library/review", review_queue)
        .get("/library/{id}", resource_page)
        .get("/library/{id}/edit", edit_resource_page)
        .post_upload("/library/{id}/edit", edit_resource)
        .post("/library/{id}/delete", delete_resource)
        .post_upload("/library/{id}/versions", add_version)
        .get("/files/{sha}/{name}", download)
        .get("/practices", practices_page)
        .get("/practices/mine", my_practices)
        .get("/practices/new", new_practice_page)
        .post("/practices/new", new_practice)
        .get("/practices/{id}", practice_page)
        .get("/practices/{id}/sheet", practice_sheet)
        .get("/practices/{id}/versions", practice_versions)
        .get("/practices/{id}/edit/{step}", edit_practice_page)
        .post("/practices/{id}/edit/{step}", edit_practice)
        .post_upload("/practices/{id}/attachments", add_attachment)
        .post("/practices/{id}/review", review_practice)
        .post("/practices/{id}/delete", delete_practice)
        .get("/compendiums", compendiums_page)
        .get("/compendiums/new", new_compendium_page)
        .post("/compendiums/new", new_compendium)
        .get("/compendiums/{slug}", compendium_page)
        .get("/compendiums/{slug}/pdf", compendium_pdf)
        .get("/compendiums/{slug}/edit", arrange_page)
        .post("/compendiums/{slug}/edit", arrange)
        .get("/compendiums/{slug}/describe", describe_page)
        .post("/compendiums/{slug}/describe", describe)
        .post("/compendiums/{slug}/delete", delete_compendium)
        .get("/api/v1/resources", api_resources)
        .get("/api/v1/resources/{id}", api_resource)
        .get("/api/v1/practices", api_practices)
        .get("/api/v1/practices/{id}", api_practice)
}

fn id(s: &str) -> Result<i32, AppError> {
    s.parse::<i32>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(AppError::NotFound)
}

fn filter(p: &Params) -> Result<LibraryFilter, AppError> {
    Ok(LibraryFilter::parse(|k| p.get(k).map(str::to_owned))?)
}

fn page_request(p: &Params) -> Result<PageRequest, AppError> {
    PageRequest::parse(p.get("page"), p.get("per_page"))
}

fn this_year() -> i32 {
    chrono::Datelike::year(&chrono::Utc::now())
}

fn bad_form(status_errors: Vec<FieldError>, page: impl Template) -> Result<Response, AppError> {
    let _ = status_errors;
    Ok((StatusCode::BAD_REQUEST, render(&page)?).into_response())
}

/// A deletion form's confirmation: `confirm=yes`.
fn confirmed(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(k, v)| k == "confirm" && v == "yes")
}

/// The language a form writes in: `?in=xx`, else `default`.
fn writing_lang(params: &Params, default: Locale) -> Result<Locale, AppError> {
    match params.get("in") {
        None | Some("") => Ok(default),
        Some(l) => l.parse::<Locale>().map_err(|_| AppError::bad_request("in")),
    }
}

// The library's errors become responses here, at the edge.

impl From<LibraryError> for AppError {
    fn from(e: LibraryError) -> Self {
        match e {
            LibraryError::BadFilter { field } => AppError::bad_request(field),
            LibraryError::Db(e) => e.into(),
        }
    }
}

impl From<PracticeError> for AppError {
    fn from(e: PracticeError) -> Self {
        match e {
            PracticeError::Forbidden => AppError::Forbidden,
            PracticeError::SecondFactorRequired => AppError::TwoFactorRequired,
            PracticeError::NotFound => AppError::NotFound,
            PracticeError::WrongState | PracticeError::Incomplete(_) => {
                AppError::bad_request("action")
            }
            PracticeError::Db(e) => e.into(),
        }
    }
}

impl From<FormError> for AppError {
    fn from(e: FormError) -> Self {
        match e {
            FormError::Csrf => AppError::Csrf,
            FormError::TooLong | FormError::Malformed | FormError::TooMany => {
                AppError::bad_request("form")
            }
            FormError::Db(e) => e.into(),
        }
    }
}

impl From<ResourceError> for AppError {
    fn from(e: ResourceError) -> Self {
        match e {
            ResourceError::Forbidden => AppError::Forbidden,
            ResourceError::SecondFactorRequired => AppError::TwoFactorRequired,
            ResourceError::NotFound => AppError::NotFound,
            ResourceError::Db(e) => e.into(),
        }
    }
}

impl From<CompendiumError> for AppError {
    fn from(e: CompendiumError) -> Self {
        match e {
            CompendiumError::Forbidden => AppError::Forbidden,
            CompendiumError::SecondFactorRequired => AppError::TwoFactorRequired,
            CompendiumError::NotFound => AppError::NotFound,
            CompendiumError::Invalid(errors) => {
                AppError::bad_request(errors.first().map_or("practices", |e| e.field))
            }
            CompendiumError::Db(e) => e.into(),
        }
    }
}

/// Template helpers shared by the library's pages.
trait LibraryPage {
    fn ctx(&self) -> &PageCtx;
    fn lang_label(&self, code: &str) -> String {
        self.ctx().lang_label(code)
    }
    fn kind_label(&self, code: &str) -> String {
        self.ctx().t(&format!("resource-kind-{code}"))
    }
    fn status_label(&self, code: &str) -> String {
        self.ctx().t(&format!("practice-status-{code}"))
    }
    fn month_label(&self, m: &i32) -> String {
        self.ctx().t(&format!("month-{m}"))
    }
}

macro_rules! library_page {
    ($($t:ty),+) => { $(impl LibraryPage for $t { fn ctx(&self) -> &PageCtx { &self.ctx } })+ };
}

// ---------------------------------------------------------------- resources

#[derive(Template)]
#[template(path = "library/templates/library.html")]
struct LibraryList {
    ctx: PageCtx,
    page: Page<ResourceCard>,
    kinds: &'static [ResourceKind],
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    sorts: [Sort; 3],
    action: &'static str,
    show_kind: bool,
}

/// `GET /library?kind=&theme=&country=&language=&year=&sort=&page=`
async fn library(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Html<String>, AppError> {
    let f = filter(&params)?;
    let pr = page_request(&params)?;
    let dir = &state.directory;
    let page = rules::list_resources(state.db.read(), &dir.reference, ctx.actor(), &f, pr).await?;
    let mut countries: Vec<country::Model> = dir.reference.countries().cloned().collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    render(&LibraryList {
        ctx: ctx.with_section(Section::Library),
        page,
        kinds: ResourceKind::ALL,
        themes: dir.reference.themes().to_vec(),
        countries,
        sorts: Sort::ALL,
        action: "/library",
        show_kind: true,
    })
}

#[derive(Template)]
#[template(path = "library/templates/resource.html")]
struct ResourcePage {
    ctx: PageCtx,
    r: ResourceDetail,
    errors: Vec<FieldError>,
    limits: files::FormLimits,
    related: Vec<crate::search::routes::Item>,
    /// Events it belongs to (material or report).
    events: Vec<crate::events::entities::event::Model>,
    /// Consultations where it was shared.
    dilemmas: Vec<crate::consultations::entities::dilemma::Model>,
}

impl ResourcePage {
    fn file_url(&self, v: &resource_version::Model) -> Option<String> {
        let sha = v.file_sha256.as_deref()?;
        let name = v.file_name.as_deref().unwrap_or("file");
        Some(format!("/files/{sha}/{}", urlencode(name)))
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

async fn show_resource(
    state: &AppState,
    ctx: PageCtx,
    rid: i32,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let r = rules::resource_detail(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        rid,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let events =
        crate::events::rules::events_with_resource(state.db.read(), ctx.actor(), rid).await?;
    let dilemmas = crate::consultations::rules::dilemmas_linking(
        state.db.read(),
        ctx.actor(),
        crate::consultations::entities::contribution::Column::ResourceId,
        rid,
    )
    .await?;
    let limits = state
        .uploads
        .limits_for(state.db.read(), ctx.actor())
        .await?;
    let page = ResourcePage {
        events,
        dilemmas,
        related: crate::search::routes::related(state, &ctx, &format!("resource:{rid}")),
        ctx: ctx.with_section(Section::Library),
        r,
        errors,
        limits,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /library/{id}`: members-only resources are "not found" to visitors.
async fn resource_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Response, AppError> {
    show_resource(&state, ctx, id(&s)?, Vec::new()).await
}

#[derive(Template)]
#[template(path = "library/templates/resource_form.html")]
struct ResourceForm {
    ctx: PageCtx,
    /// The resource being changed (none: a new one, with its first version).
    editing: Option<i32>,
    form: UploadForm,
    errors: Vec<FieldError>,
    kinds: &'static [ResourceKind],
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    organisations: Vec<(i32, String)>,
    limits: files::FormLimits,
}

impl ResourceForm {
    fn current_title(&self) -> &str {
        self.value(&format!("title_{}", self.value("orig")))
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn per_locale(&self, prefix: &str, l: &Locale) -> &str {
        self.form.get(&format!("{prefix}_{}", l.code()))
    }
    fn chosen(&self, name: &str, value: &str) -> bool {
        self.form
            .values
            .iter()
            .any(|(k, v)| k == name && v == value)
    }
}

/// The organisations a resource form offers (the first hundred of the directory).
async fn organisation_choices(state: &AppState) -> Result<Vec<organisation::Model>, AppError> {
    let dir = &state.directory;
    let v = dir.version(&state.db).await?;
    let orgs = dir
        .organisations(
            &state.db,
            v,
            &Default::default(),
            PageRequest {
                page: 1,
                per_page: 100,
            },
        )
        .await?;
    Ok(orgs.items.iter().map(|o| o.organisation.clone()).collect())
}

/// What a resource form may name: themes, countries, organisations.
struct ResourceChoices {
    themes: Vec<i32>,
    countries: Vec<String>,
    organisations: Vec<i32>,
}

impl ResourceChoices {
    async fn load(state: &AppState) -> Result<Self, AppError> {
        let reference = &state.directory.reference;
        Ok(ResourceChoices {
            organisations: organisation_choices(state)
                .await?
                .iter()
                .map(|o| o.id)
                .collect(),
            themes: reference.themes().iter().map(|t| t.id).collect(),
            countries: reference.countries().map(|c| c.code.clone()).collect(),
        })
    }

    fn known(&self) -> resources::Known<'_> {
        resources::Known {
            themes: &self.themes,
            countries: &self.countries,
            organisations: &self.organisations,
            this_year: this_year(),
        }
    }
}

async fn resource_form(
    state: &AppState,
    ctx: PageCtx,
    form: UploadForm,
    errors: Vec<FieldError>,
) -> Result<ResourceForm, AppError> {
    let dir = &state.directory;
    let mut countries: Vec<country::Model> = dir.reference.countries().cloned().collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    let mut organisations: Vec<(i32, String)> = organisation_choices(state)
        .await?
        .iter()
        .map(|o| (o.id, o.name.text(ctx.locale).to_owned()))
        .collect();
    organisations.sort_by(|a, b| a.1.cmp(&b.1));
    let limits = state
        .uploads
        .limits_for(state.db.read(), ctx.actor())
        .await?;
    Ok(ResourceForm {
        ctx: ctx.with_section(Section::Library),
        editing: None,
        form,
        errors,
        kinds: ResourceKind::ALL,
        themes: dir.reference.themes().to_vec(),
        countries,
        organisations,
        limits,
    })
}

/// `GET /library/new` (coordinators)
async fn new_resource_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let mut form = UploadForm::default();
    form.values.push(("orig".into(), ctx.lang().into()));
    form.values.push(("version_lang".into(), ctx.lang().into()));
    form.values.push(("visibility".into(), "public".into()));
    render(&resource_form(&state, ctx, form, Vec::new()).await?)
}

/// The form as the stored resource fills it.
fn form_of(r: &ResourceDetail) -> UploadForm {
    let res = &r.card.resource;
    let mut form = UploadForm::default();
    let mut push = |k: &str, v: String| form.values.push((k.to_owned(), v));
    push("orig", res.title.orig().code().to_owned());
    push("kind", res.kind.clone());
    for l in Locale::ALL {
        if let Some(t) = res.title.get(l) {
            push(&format!("title_{}", l.code()), t.to_owned());
        }
        if let Some(t) = res.summary.as_ref().and_then(|s| s.get(l)) {
            push(&format!("summary_{}", l.code()), t.to_owned());
        }
    }
    push("authors", res.authors.clone().unwrap_or_default());
    push("licence", res.licence.clone().unwrap_or_default());
    push("year", res.year.map(|y| y.to_string()).unwrap_or_default());
    push(
        "month",
        res.month.map(|m| m.to_string()).unwrap_or_default(),
    );
    push("visibility", res.visibility.clone());
    for t in &r.card.themes {
        push("theme", t.id.to_string());
    }
    for c in &r.countries {
        push("country", c.code.clone());
    }
    for o in &r.organisations {
        push("organisation", o.id.to_string());
    }
    form
}

/// `GET /library/{id}/edit` (coordinators): change a document's description.
async fn edit_resource_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(s): Path<String>,
) -> Result<Html<String>, AppError> {
    let rid = id(&s)?;
    let actor = me.actor();
    let r = rules::resource_detail(
        state.db.read(),
        &state.directory.reference,
        Some(&actor),
        rid,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let mut page = resource_form(&state, ctx, form_of(&r), Vec::new()).await?;
    page.editing = Some(rid);
    render(&page)
}

/// `POST /library/{id}/edit` (coordinators; multipart, no file)
async fn edit_resource(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(s): Path<String>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let rid = id(&s)?;
    let form = files::read_form(&state.uploads, &state.db, upload).await?;
    let ids = ResourceChoices::load(&state).await?;
    let known = ids.known();
    match resources::parse_resource(&form, &known) {
        Ok(input) => {
            resources::update(
                &state.db,
                &origin_of(&me, &client),
                &me.actor(),
                rid,
                input,
                chrono::Utc::now(),
            )
            .await?;
            Ok(redirect(format!("/library/{rid}"), &ctx))
        }
        Err(errors) => {
            let mut page = resource_form(&state, ctx, form, errors.clone()).await?;
            page.editing = Some(rid);
            bad_form(errors, page)
        }
    }
}

/// `POST /library/{id}/delete` (coordinators): `confirm=yes` is required.
async fn delete_resource(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(s): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let rid = id(&s)?;
    if !confirmed(&pairs) {
        return Err(AppError::bad_request("confirm"));
    }
    resources::delete(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        rid,
        chrono::Utc::now(),
    )
    .await?;
    Ok(redirect("/library?deleted=1".to_owned(), &ctx))
}

/// `POST /library/new` (multipart: the description and a first language version)
async fn new_resource(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let mut form = files::read_form(&state.uploads, &state.db, upload).await?;
    let ids = ResourceChoices::load(&state).await?;
    let known = ids.known();
    let described = resources::parse_resource(&form, &known);
    let version = resources::parse_version(&mut form);
    match (described, version) {
        (Ok(input), Ok(version)) => {
            let origin = origin_of(&me, &client);
            let rid = resources::create(
                &state.db,
                &origin,
                &me.actor(),
                input,
                Some(version),
                chrono::Utc::now(),
            )
            .await?;
            Ok(redirect(format!("/library/{rid}"), &ctx))
        }
        (a, b) => {
            let mut errors = a.err().unwrap_or_default();
            errors.extend(b.err().unwrap_or_default());
            let page = resource_form(&state, ctx, form, errors.clone()).await?;
            bad_form(errors, page)
        }
    }
}

/// `POST /library/{id}/versions` (coordinators; multipart)
async fn add_version(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(s): Path<String>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let rid = id(&s)?;
    let mut form = files::read_form(&state.uploads, &state.db, upload).await?;
    match resources::parse_version(&mut form) {
        Ok(v) => {
            let origin = origin_of(&me, &client);
            resources::add_version(&state.db, &origin, &me.actor(), rid, v, chrono::Utc::now())
                .await?;
            Ok(redirect(format!("/library/{rid}"), &ctx))
        }
        Err(errors) => show_resource(&state, ctx, rid, errors).await,
    }
}

/// `GET /files/{sha}/{name}`: only when a resource or practice the reader
/// may see holds the file. Never rendered by the browser as a page: a safe
/// `Content-Disposition`, the type of the stored content, `nosniff`, and a
/// sandboxing CSP.
async fn download(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((sha, _name)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let sha: majlis_files::Sha256 = sha.parse().map_err(|_| AppError::NotFound)?;
    let key = sha.to_string();
    let found = rules::download(state.db.read(), ctx.actor(), &key)
        .await?
        .ok_or(AppError::NotFound)?;
    let kind = found.kind;
    let download = state
        .uploads
        .store
        .get(&sha)
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("file {sha} unreadable: {e}")))?;
    let name = files::download_name(found.file_name.as_deref(), kind);
    let inline = kind == majlis_files::FileKind::Pdf || kind.is_image();
    let disposition = majlis_files::content_disposition(&name, inline);
    Response::builder()
        .header(header::CONTENT_TYPE, kind.mime())
        .header(header::CONTENT_LENGTH, download.size)
        .header(header::CONTENT_DISPOSITION, disposition)
        .header(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; sandbox",
        )
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CACHE_CONTROL, "private, max-age=3600")
        .body(Body::from_stream(download.stream))
        .map_err(|e| AppError::Internal(e.into()))
}

// ---------------------------------------------------------------- practices

#[derive(Template)]
#[template(path = "library/templates/practices.html")]
struct PracticesList {
    ctx: PageCtx,
    page: Page<PracticeCard>,
    heading: &'static str,
    lead: &'static str,
    action: &'static str,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    sorts: [Sort; 3],
    show_status: bool,
    kinds: &'static [ResourceKind],
    show_kind: bool,
}

async fn practice_list(
    state: &AppState,
    ctx: PageCtx,
    params: &Params,
    scope: PracticeScope,
    (heading, lead, action, section): (&'static str, &'static str, &'static str, Section),
) -> Result<Html<String>, AppError> {
    let f = filter(params)?;
    let pr = page_request(params)?;
    let dir = &state.directory;
    let show_status = scope != PracticeScope::Published;
    let page = rules::list_practices(state.db.read(), &dir.reference, &scope, &f, pr).await?;
    let mut countries: Vec<country::Model> = dir.reference.countries().cloned().collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    render(&PracticesList {
        ctx: ctx.with_section(section),
        page,
        heading,
        lead,
        action,
        themes: dir.reference.themes().to_vec(),
        countries,
        sorts: Sort::ALL,
        show_status,
        kinds: &[],
        show_kind: false,
    })
}

/// `GET /practices`: published practices, with the library's filters.
async fn practices_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Html<String>, AppError> {
    practice_list(
        &state,
        ctx,
        &params,
        PracticeScope::Published,
        (
            "practices-title",
            "practices-lead",
            "/practices",
            Section::Practices,
        ),
    )
    .await
}

/// `GET /practices/mine`: what I wrote and my municipalities' practices, in any state.
async fn my_practices(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    params: Params,
) -> Result<Html<String>, AppError> {
    let a = me.actor();
    let scope = PracticeScope::Mine {
        person: a.person_id,
        municipalities: a.focal_point_of.clone(),
    };
    practice_list(
        &state,
        ctx,
        &params,
        scope,
        (
            "my-practices-title",
            "my-practices-lead",
            "/practices/mine",
            Section::Practices,
        ),
    )
    .await
}

/// `GET /library/review`: practices waiting for a reviewer (coordinators).
async fn review_queue(
    State(state): State<AppState>,
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
    params: Params,
) -> Result<Html<String>, AppError> {
    practice_list(
        &state,
        ctx,
        &params,
        PracticeScope::ReviewQueue,
        (
            "review-title",
            "review-lead",
            "/library/review",
            Section::Review,
        ),
    )
    .await
}

#[derive(Template)]
#[template(path = "library/templates/practice.html")]
struct PracticePage {
    ctx: PageCtx,
    p: PracticeDetail,
    fields: &'static [TextField],
    transitions: Vec<Transition>,
    may_edit: bool,
    /// Staff, or an owner while it is a draft.
    may_delete: bool,
    may_see_contact: bool,
    errors: Vec<FieldError>,
    comment: String,
    related: Vec<crate::search::routes::Item>,
    /// Events it was presented at.
    events: Vec<crate::events::entities::event::Model>,
    /// Consultations where it was shared.
    dilemmas: Vec<crate::consultations::entities::dilemma::Model>,
}

impl PracticePage {
    fn text(&self, f: &TextField) -> Option<(String, Locale, bool)> {
        let orig = self.p.practice.title.orig();
        self.p
            .practice
            .content
            .shown(*f, self.ctx.locale, orig)
            .map(|(t, l)| (t.to_owned(), l, l != self.ctx.locale))
    }
    fn field_label(&self, f: &TextField) -> String {
        self.ctx.t(&f.label_id())
    }
    fn period(&self) -> String {
        let c = &self.p.practice.content;
        match (c.start_year, c.end_year, c.ongoing) {
            (Some(s), _, true) => self
                .ctx
                .t1("practice-period-ongoing", "start", s.to_string()),
            (Some(s), Some(e), false) if s != e => format!("{s}–{e}"),
            (Some(s), _, false) => s.to_string(),
            (None, Some(e), _) => e.to_string(),
            (None, None, true) => self.ctx.t("practice-ongoing"),
            (None, None, false) => String::new(),
        }
    }
    fn transition_label(&self, t: &Transition) -> String {
        self.ctx.t(&format!("practice-action-{}", t.code()))
    }
    fn review_label(&self, code: &str) -> String {
        self.ctx.t(&format!("practice-review-{code}"))
    }
    fn attachment_url(&self, a: &practice_attachment::Model) -> Option<String> {
        let sha = a.file_sha256.as_deref()?;
        Some(format!(
            "/files/{sha}/{}",
            urlencode(a.file_name.as_deref().unwrap_or("file"))
        ))
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn error_label(&self, f: &str) -> String {
        self.ctx
            .t(&format!("practice-field-{}", f.replace('_', "-")))
    }
}

async fn show_practice(
    state: &AppState,
    ctx: PageCtx,
    pid: i32,
    errors: Vec<FieldError>,
    comment: String,
) -> Result<Response, AppError> {
    let actor = ctx.actor().cloned();
    let p = rules::practice_detail(
        state.db.read(),
        &state.directory.reference,
        actor.as_ref(),
        pid,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let pref = p.practice.policy_ref();
    let transitions = actor
        .as_ref()
        .map(|a| {
            Transition::ALL
                .into_iter()
                .filter(|t| t.allowed(a, pref) && t.target(p.status).is_some())
                .collect()
        })
        .unwrap_or_default();
    let may_edit = can(actor.as_ref(), Action::EditPractice(pref));
    let may_delete = can(actor.as_ref(), Action::DeletePractice(pref));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let events =
        crate::events::rules::events_with_practice(state.db.read(), actor.as_ref(), pid).await?;
    let dilemmas = crate::consultations::rules::dilemmas_linking(
        state.db.read(),
        actor.as_ref(),
        crate::consultations::entities::contribution::Column::PracticeId,
        pid,
    )
    .await?;
    let page = PracticePage {
        events,
        dilemmas,
        related: crate::search::routes::related(state, &ctx, &format!("practice:{pid}")),
        may_see_contact: actor.is_some(),
        ctx: ctx.with_section(Section::Practices),
        p,
        fields: TextField::ALL,
        transitions,
        may_edit,
        may_delete,
        errors,
        comment,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /practices/{id}`
async fn practice_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Response, AppError> {
    show_practice(&state, ctx, id(&s)?, Vec::new(), String::new()).await
}

#[derive(Template)]
#[template(path = "library/templates/practice_form.html")]
struct PracticeForm {
    ctx: PageCtx,
    /// `None` while starting a new practice.
    practice_id: Option<i32>,
    title: String,
    step: Step,
    steps: [Step; 4],
    /// The language being written.
    lang: Locale,
    orig: Locale,
    form: RawForm,
    /// The original's text, shown beside a translation.
    original: Option<Snapshot>,
    errors: Vec<FieldError>,
    owners: Vec<(String, String)>,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    status: PracticeStatus,
    missing: Vec<FieldError>,
    attachments: Vec<practice_attachment::Model>,
    may_submit: bool,
    limits: files::FormLimits,
}

impl PracticeForm {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn chosen(&self, name: &str, value: &str) -> bool {
        self.form.all(name).any(|v| v == value)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn field_label(&self, f: &str) -> String {
        self.ctx
            .t(&format!("practice-field-{}", f.replace('_', "-")))
    }
    fn step_label(&self, s: &Step) -> String {
        self.ctx.t(&format!("practice-step-{}", s.code()))
    }
    fn in_original(&self) -> bool {
        self.lang == self.orig
    }
    fn original_text(&self, f: &TextField) -> String {
        self.original
            .as_ref()
            .and_then(|s| s.content.text(*f, self.orig))
            .unwrap_or_default()
            .to_owned()
    }
    fn original_title(&self) -> String {
        self.original
            .as_ref()
            .map(|s| s.title.original().to_owned())
            .unwrap_or_default()
    }
    fn action(&self) -> String {
        match self.practice_id {
            None => format!("/practices/new?lang={}", self.ctx.lang()),
            Some(id) => format!(
                "/practices/{id}/edit/{}?in={}&lang={}",
                self.step.code(),
                self.lang.code(),
                self.ctx.lang()
            ),
        }
    }
    fn step_url(&self, s: &Step) -> String {
        match self.practice_id {
            None => "#".into(),
            Some(id) => format!(
                "/practices/{id}/edit/{}?in={}&lang={}",
                s.code(),
                self.lang.code(),
                self.ctx.lang()
            ),
        }
    }
    fn text_fields(&self) -> &'static [TextField] {
        self.step.text_fields()
    }
    fn text_max(&self, f: &TextField) -> usize {
        f.max_len()
    }
    fn lang_name(&self, l: &Locale) -> String {
        self.ctx.t(&format!("language-{}", l.code()))
    }
}

/// What the form offers: the municipalities (and for staff, organisations)
/// the writer may submit for, themes, countries.
async fn form_choices(
    state: &AppState,
    ctx: &PageCtx,
    actor: &Actor,
) -> Result<(Vec<(String, String)>, Vec<i32>, Vec<i32>), AppError> {
    let dir = &state.directory;
    let v = dir.version(&state.db).await?;
    let staff = can(Some(actor), Action::ReviewPractices);
    let munis = dir
        .municipalities(
            &state.db,
            v,
            &Default::default(),
            PageRequest {
                page: 1,
                per_page: 100,
            },
        )
        .await?;
    let mut owners = Vec::new();
    let mut m_ids = Vec::new();
    for m in &munis.items {
        let m = &m.municipality;
        if staff || actor.focal_point_of.contains(&m.id) {
            owners.push((format!("m:{}", m.id), m.name.text(ctx.locale).to_owned()));
            m_ids.push(m.id);
        }
    }
    let mut o_ids = Vec::new();
    if staff {
        let orgs = dir
            .organisations(
                &state.db,
                v,
                &Default::default(),
                PageRequest {
                    page: 1,
                    per_page: 100,
                },
            )
            .await?;
        for o in &orgs.items {
            owners.push((
                format!("o:{}", o.organisation.id),
                o.organisation.name.text(ctx.locale).to_owned(),
            ));
            o_ids.push(o.organisation.id);
        }
    }
    owners.sort_by(|a, b| a.1.cmp(&b.1));
    Ok((owners, m_ids, o_ids))
}

struct FormState {
    practice_id: Option<i32>,
    snapshot: Option<Snapshot>,
    status: PracticeStatus,
    attachments: Vec<practice_attachment::Model>,
    may_submit: bool,
}

#[allow(clippy::too_many_arguments)]
async fn practice_form(
    state: &AppState,
    ctx: PageCtx,
    actor: &Actor,
    fs: FormState,
    step: Step,
    lang: Locale,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<PracticeForm, AppError> {
    let (owners, _, _) = form_choices(state, &ctx, actor).await?;
    let dir = &state.directory;
    let mut countries: Vec<country::Model> = dir.reference.countries().cloned().collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    let orig = fs.snapshot.as_ref().map(|s| s.orig()).unwrap_or(lang);
    let missing = fs
        .snapshot
        .as_ref()
        .map(practices::missing_for_review)
        .unwrap_or_default();
    let limits = state
        .uploads
        .limits_for(state.db.read(), Some(actor))
        .await?;
    Ok(PracticeForm {
        title: fs
            .snapshot
            .as_ref()
            .map(|s| s.title.text(ctx.locale).to_owned())
            .unwrap_or_default(),
        ctx: ctx.with_section(Section::Practices),
        practice_id: fs.practice_id,
        step,
        steps: Step::ALL,
        lang,
        orig,
        form,
        original: fs.snapshot,
        errors,
        owners,
        themes: dir.reference.themes().to_vec(),
        countries,
        status: fs.status,
        missing,
        attachments: fs.attachments,
        may_submit: fs.may_submit,
        limits,
    })
}

/// `GET /practices/new`: the first step (focal points and coordinators).
async fn new_practice_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Html<String>, AppError> {
    let actor = me.actor();
    authorize(Some(&actor), Action::CreatePractice)?;
    let mut form = RawForm(vec![("orig".into(), ctx.lang().into())]);
    if let [only] = actor.focal_point_of.as_slice() {
        form.0.push(("owner".into(), format!("m:{only}")));
    }
    let lang = ctx.locale;
    let fs = FormState {
        practice_id: None,
        snapshot: None,
        status: PracticeStatus::Draft,
        attachments: Vec::new(),
        may_submit: false,
    };
    render(&practice_form(&state, ctx, &actor, fs, Step::About, lang, form, Vec::new()).await?)
}

async fn known_for(
    state: &AppState,
    ctx: &PageCtx,
    actor: &Actor,
) -> Result<(Vec<i32>, Vec<String>, Vec<i32>, Vec<i32>), AppError> {
    let (_, m, o) = form_choices(state, ctx, actor).await?;
    let themes = state
        .directory
        .reference
        .themes()
        .iter()
        .map(|t| t.id)
        .collect();
    let countries = state
        .directory
        .reference
        .countries()
        .map(|c| c.code.clone())
        .collect();
    Ok((themes, countries, m, o))
}

/// `POST /practices/new`: saves the first step as a draft.
async fn new_practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    authorize(Some(&actor), Action::CreatePractice)?;
    let raw = RawForm(pairs);
    let lang = raw.get("orig").parse::<Locale>().unwrap_or(ctx.locale);
    let (themes, countries, m, o) = known_for(&state, &ctx, &actor).await?;
    let known = Known {
        themes: &themes,
        countries: &countries,
        municipalities: &m,
        organisations: &o,
        this_year: this_year(),
    };
    match practices::apply_step(None, Step::About, lang, &raw, &known) {
        Ok(snapshot) => {
            let origin = origin_of(&me, &client);
            let pid = practices::save(
                &state.db,
                &origin,
                &actor,
                None,
                snapshot,
                chrono::Utc::now(),
            )
            .await?;
            Ok(redirect(
                format!(
                    "/practices/{pid}/edit/{}?in={}",
                    Step::Story.code(),
                    lang.code()
                ),
                &ctx,
            ))
        }
        Err(errors) => {
            let fs = FormState {
                practice_id: None,
                snapshot: None,
                status: PracticeStatus::Draft,
                attachments: Vec::new(),
                may_submit: false,
            };
            let page = practice_form(
                &state,
                ctx,
                &actor,
                fs,
                Step::About,
                lang,
                raw,
                errors.clone(),
            )
            .await?;
            bad_form(errors, page)
        }
    }
}

async fn editable_practice(
    state: &AppState,
    actor: &Actor,
    pid: i32,
) -> Result<FormState, AppError> {
    let db = state.db.read();
    let (p, snapshot) = practices::snapshot_of(db, pid).await?;
    // Signed-in people who may not change it are told so (its number is no secret).
    authorize(Some(actor), Action::EditPractice(p.policy_ref()))?;
    let attachments = rules::attachments_of(db, pid).await?;
    Ok(FormState {
        practice_id: Some(pid),
        may_submit: can(Some(actor), Action::SubmitPractice(p.policy_ref())),
        status: p.status(),
        snapshot: Some(snapshot),
        attachments,
    })
}

fn step_and_lang(
    step: &str,
    params: &Params,
    fallback: Locale,
) -> Result<(Step, Locale), AppError> {
    let step = Step::from_code(step).ok_or(AppError::NotFound)?;
    Ok((step, writing_lang(params, fallback)?))
}

/// `GET /practices/{id}/edit/{step}?in=xx`: one step, in one language.
async fn edit_practice_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    Path((s, step)): Path<(String, String)>,
    params: Params,
) -> Result<Html<String>, AppError> {
    let actor = me.actor();
    let fs = editable_practice(&state, &actor, id(&s)?).await?;
    let orig = fs.snapshot.as_ref().map(|s| s.orig()).unwrap_or(ctx.locale);
    let (step, lang) = step_and_lang(&step, &params, orig)?;
    let form = fs
        .snapshot
        .as_ref()
        .map(|s| RawForm::from_snapshot(s, lang))
        .unwrap_or_default();
    render(&practice_form(&state, ctx, &actor, fs, step, lang, form, Vec::new()).await?)
}

/// `POST /practices/{id}/edit/{step}?in=xx`: save this step (a new version)
/// and go on to the next.
async fn edit_practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((s, step)): Path<(String, String)>,
    params: Params,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let pid = id(&s)?;
    let fs = editable_practice(&state, &actor, pid).await?;
    let orig = fs.snapshot.as_ref().map(|s| s.orig()).unwrap_or(ctx.locale);
    let (step, lang) = step_and_lang(&step, &params, orig)?;
    let raw = RawForm(pairs);
    let (themes, countries, m, o) = known_for(&state, &ctx, &actor).await?;
    // A practice keeps its municipality even if the editor is not its focal point.
    let mut m = m;
    if let Some(current) = fs.snapshot.as_ref().and_then(|s| s.municipality_id) {
        m.push(current);
    }
    let mut o = o;
    if let Some(current) = fs.snapshot.as_ref().and_then(|s| s.organisation_id) {
        o.push(current);
    }
    let known = Known {
        themes: &themes,
        countries: &countries,
        municipalities: &m,
        organisations: &o,
        this_year: this_year(),
    };
    match practices::apply_step(fs.snapshot.as_ref(), step, lang, &raw, &known) {
        Ok(next) => {
            if Some(&next) != fs.snapshot.as_ref() {
                let origin = origin_of(&me, &client);
                practices::save(
                    &state.db,
                    &origin,
                    &actor,
                    Some(pid),
                    next,
                    chrono::Utc::now(),
                )
                .await?;
            }
            let target = if raw.has("stay") { step } else { step.next() };
            Ok(redirect(
                format!(
                    "/practices/{pid}/edit/{}?in={}&saved=1",
                    target.code(),
                    lang.code()
                ),
                &ctx,
            ))
        }
        Err(errors) => {
            let page =
                practice_form(&state, ctx, &actor, fs, step, lang, raw, errors.clone()).await?;
            bad_form(errors, page)
        }
    }
}

/// `POST /practices/{id}/attachments` (multipart): a file or a link, in a language.
async fn add_attachment(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(s): Path<String>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let pid = id(&s)?;
    let fs = editable_practice(&state, &actor, pid).await?;
    let mut form = files::read_form(&state.uploads, &state.db, upload).await?;
    let label = form.get("version_title").trim().to_owned();
    let mut result = resources::parse_version(&mut form);
    if let Ok(v) = &result
        && v.file.is_none()
        && v.url.is_none()
    {
        result = Err(vec![FieldError {
            field: "version_file",
            message: "form-error-file-or-link",
        }]);
    }
    match result {
        Ok(v) => {
            let origin = origin_of(&me, &client);
            super::practices::add_attachment(
                &state.db,
                &origin,
                &actor,
                pid,
                v,
                label,
                chrono::Utc::now(),
            )
            .await?;
            Ok(redirect(
                format!("/practices/{pid}/edit/finish?saved=1"),
                &ctx,
            ))
        }
        Err(errors) => {
            let orig = fs.snapshot.as_ref().map(|s| s.orig()).unwrap_or(ctx.locale);
            let form = fs
                .snapshot
                .as_ref()
                .map(|s| RawForm::from_snapshot(s, orig))
                .unwrap_or_default();
            let page = practice_form(
                &state,
                ctx,
                &actor,
                fs,
                Step::Finish,
                orig,
                form,
                errors.clone(),
            )
            .await?;
            bad_form(errors, page)
        }
    }
}

#[derive(serde::Deserialize)]
struct ReviewForm {
    action: String,
    #[serde(default)]
    comment: String,
}

/// `POST /practices/{id}/review`: submit, review, ask for changes, publish,
/// archive, or comment.
async fn review_practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(s): Path<String>,
    CsrfForm(form): CsrfForm<ReviewForm>,
) -> Result<Response, AppError> {
    let pid = id(&s)?;
    let t = Transition::from_code(&form.action).ok_or_else(|| AppError::bad_request("action"))?;
    let origin = origin_of(&me, &client);
    match practices::transition(
        &state.db,
        &origin,
        &me.actor(),
        pid,
        t,
        &form.comment,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(_) => Ok(redirect(format!("/practices/{pid}"), &ctx)),
        Err(PracticeError::Incomplete(errors)) => {
            show_practice(&state, ctx, pid, errors, form.comment).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /practices/{id}/delete`: staff any practice, its owners (author,
/// focal points of its municipality) only while it is a draft. Who may not
/// is refused before the confirmation is looked at; `confirm=yes` is required.
async fn delete_practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(s): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let pid = id(&s)?;
    let actor = me.actor();
    practices::may_delete(state.db.read(), &actor, pid).await?;
    if !confirmed(&pairs) {
        return Err(AppError::bad_request("confirm"));
    }
    practices::delete(
        &state.db,
        &origin_of(&me, &client),
        &actor,
        pid,
        chrono::Utc::now(),
    )
    .await?;
    let back = if actor.is_staff() {
        "/practices?deleted=1"
    } else {
        "/practices/mine?deleted=1"
    };
    Ok(redirect(back.to_owned(), &ctx))
}

#[derive(Template)]
#[template(path = "library/templates/versions.html")]
struct VersionsPage {
    ctx: PageCtx,
    practice_id: i32,
    title: TrText,
    versions: Vec<(i32, chrono::DateTime<chrono::Utc>)>,
    from: i32,
    to: i32,
    changes: Vec<Change>,
}

impl VersionsPage {
    fn change_label(&self, c: &Change) -> String {
        let label = self.ctx.t(&c.label);
        match c.locale {
            Some(l) => format!(
                "{label} ({})",
                self.ctx.t(&format!("language-{}", l.code()))
            ),
            None => label,
        }
    }
}

/// `GET /practices/{id}/versions?from=&to=`: the versions, and what changed
/// between two of them (by default, the last two). For its owners and staff.
async fn practice_versions(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    Path(s): Path<String>,
    params: Params,
) -> Result<Html<String>, AppError> {
    let pid = id(&s)?;
    let actor = me.actor();
    let db = state.db.read();
    let (p, _) = practices::snapshot_of(db, pid).await?;
    if !actor.owns(&p.policy_ref()) {
        authorize(Some(&actor), Action::ReviewPractices)?;
    }
    let versions = practices::versions(db, pid).await?;
    let number = |k: &str, default: i32| -> Result<i32, AppError> {
        match params.get(k) {
            None | Some("") => Ok(default),
            Some(v) => v
                .parse::<i32>()
                .ok()
                .filter(|n| versions.iter().any(|x| x.number == *n))
                .ok_or_else(|| AppError::bad_request(k.to_owned())),
        }
    };
    let latest = versions.first().map(|v| v.number).unwrap_or(1);
    let to = number("to", latest)?;
    let from = number("from", (to - 1).max(1))?;
    let snap = |n: i32| {
        versions
            .iter()
            .find(|v| v.number == n)
            .map(|v| v.snapshot.clone())
    };
    let changes = match (snap(from), snap(to)) {
        (Some(a), Some(b)) => practices::compare(&a, &b),
        _ => Vec::new(),
    };
    render(&VersionsPage {
        ctx: ctx.with_section(Section::Practices),
        practice_id: pid,
        title: p.title.clone(),
        versions: versions.iter().map(|v| (v.number, v.created_at)).collect(),
        from,
        to,
        changes,
    })
}

pub(crate) fn pdf_response(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                majlis_files::content_disposition(name, true),
            ),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_owned(),
            ),
        ],
        bytes,
    )
        .into_response()
}

pub(crate) async fn print<T: Send + 'static>(
    input: T,
    f: fn(&majlis_print::Printer, &T) -> Result<Vec<u8>, majlis_print::PrintError>,
) -> Result<Vec<u8>, AppError> {
    tokio::task::spawn_blocking(move || f(&PRINTER, &input))
        .await
        .map_err(|e| AppError::Internal(e.into()))?
        .map_err(|e| AppError::Internal(anyhow::anyhow!("printing failed: {e}")))
}

/// `GET /practices/{id}/sheet?lang=`: the practice sheet as PDF.
async fn practice_sheet(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Response, AppError> {
    let pid = id(&s)?;
    let db = state.db.read();
    let (p, _) = practices::snapshot_of(db, pid).await?;
    if !can(ctx.actor(), Action::ViewPractice(p.policy_ref())) {
        return Err(AppError::NotFound);
    }
    let (m, o, t) = compendium::sheet_lookups(db, &[&p]).await?;
    let cx = SheetContext {
        reference: &state.directory.reference,
        municipalities: &m,
        organisations: &o,
        themes: &t,
        with_contact: ctx.viewer.is_some(),
    };
    let sheet = compendium::sheet(&p, ctx.locale, &cx);
    let bytes = print(sheet, |pr, s| pr.practice_sheet(s)).await?;
    Ok(pdf_response(
        bytes,
        &format!("practice-{pid}-{}.pdf", ctx.lang()),
    ))
}

// ---------------------------------------------------------------- compendiums

#[derive(Template)]
#[template(path = "library/templates/compendiums.html")]
struct CompendiumsPage {
    ctx: PageCtx,
    editions: Vec<compendium_entity::Model>,
}

/// `GET /compendiums`
async fn compendiums_page(
    State(state): State<AppState>,
    ctx: PageCtx,
) -> Result<Html<String>, AppError> {
    let editions = rules::editions(state.db.read(), ctx.actor()).await?;
    render(&CompendiumsPage {
        ctx: ctx.with_section(Section::Compendiums),
        editions,
    })
}

#[derive(Template)]
#[template(path = "library/templates/compendium.html")]
struct CompendiumPage {
    ctx: PageCtx,
    e: rules::Edition,
}

impl CompendiumPage {
    fn summary(&self, p: &super::entities::practice::Model) -> Option<(String, Locale, bool)> {
        let s = p.summary.as_ref()?;
        let shown = s.show(self.ctx.locale);
        Some((shown.text.to_owned(), shown.locale, shown.fallback))
    }
    /// The edition's introduction in paragraphs, its language, and whether
    /// it is not the reader's.
    fn intro(&self) -> Option<(Vec<String>, Locale, bool)> {
        self.e
            .compendium
            .introduction
            .as_ref()
            .map(|t| paragraphs(t, self.ctx.locale))
    }
    fn chapter_intro(
        &self,
        ch: &super::entities::compendium_chapter::Model,
    ) -> Option<(Vec<String>, Locale, bool)> {
        ch.introduction
            .as_ref()
            .map(|t| paragraphs(t, self.ctx.locale))
    }
}

/// Text shown to a reader, in paragraphs (blank lines), with its language
/// and whether it is a fallback.
fn paragraphs(t: &TrText, reader: Locale) -> (Vec<String>, Locale, bool) {
    let shown = t.show(reader);
    let paras = shown
        .text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    (paras, shown.locale, shown.fallback)
}

async fn edition_for(
    state: &AppState,
    ctx: &PageCtx,
    slug: &str,
) -> Result<rules::Edition, AppError> {
    rules::edition(state.db.read(), ctx.actor(), slug)
        .await?
        .ok_or(AppError::NotFound)
}

/// `GET /compendiums/{slug}`
async fn compendium_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Html<String>, AppError> {
    let e = edition_for(&state, &ctx, &slug).await?;
    render(&CompendiumPage {
        ctx: ctx.with_section(Section::Compendiums),
        e,
    })
}

/// `GET /compendiums/{slug}/pdf?lang=`: the edition as a book, in the reader's language.
async fn compendium_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let e = edition_for(&state, &ctx, &slug).await?;
    let all: Vec<&super::entities::practice::Model> =
        e.chapters.iter().flat_map(|(_, ps)| ps.iter()).collect();
    let (m, o, t) = compendium::sheet_lookups(state.db.read(), &all).await?;
    let cx = SheetContext {
        reference: &state.directory.reference,
        municipalities: &m,
        organisations: &o,
        themes: &t,
        with_contact: false,
    };
    let book = compendium::book(&e, ctx.locale, &cx);
    let bytes = print(book, |pr, b| pr.compendium(b)).await?;
    Ok(pdf_response(
        bytes,
        &format!("{}-{}.pdf", e.compendium.slug, ctx.lang()),
    ))
}

#[derive(Template)]
#[template(path = "library/templates/compendium_form.html")]
struct CompendiumForm {
    ctx: PageCtx,
    form: BTreeMap<String, String>,
    errors: Vec<FieldError>,
    /// An existing edition's description, written in one language (`None`:
    /// a new edition, all languages at once).
    describing: Option<Describing>,
}

struct Describing {
    edition: compendium_entity::Model,
    lang: Locale,
}

impl CompendiumForm {
    /// Whether the form has fields for `l` (all languages for a new edition).
    fn writes(&self, l: &Locale) -> bool {
        self.describing.as_ref().is_none_or(|d| d.lang == *l)
    }
    /// The stored original of `title` or `introduction`, shown beside a
    /// translation being written: the text and its language code.
    fn original(&self, field: &str) -> Option<(String, &'static str)> {
        let d = self.describing.as_ref()?;
        let orig = d.edition.title.orig();
        if d.lang == orig {
            return None;
        }
        let text = match field {
            "title" => Some(d.edition.title.original()),
            _ => d.edition.introduction.as_ref().map(TrText::original),
        }?;
        Some((text.to_owned(), orig.code()))
    }
    fn heading(&self) -> String {
        match self.describing {
            None => self.ctx.t("compendium-new"),
            Some(_) => self.ctx.t("compendium-describe"),
        }
    }
    fn action(&self) -> String {
        match &self.describing {
            None => format!("/compendiums/new?lang={}", self.ctx.lang()),
            Some(d) => format!(
                "/compendiums/{}/describe?in={}&lang={}",
                d.edition.slug,
                d.lang.code(),
                self.ctx.lang()
            ),
        }
    }
    fn value(&self, k: &str) -> &str {
        self.form.get(k).map(String::as_str).unwrap_or_default()
    }
    fn per_locale(&self, prefix: &str, l: &Locale) -> &str {
        self.value(&format!("{prefix}_{}", l.code()))
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
}

/// `GET /compendiums/new` (coordinators)
async fn new_compendium_page(
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let mut form = BTreeMap::new();
    form.insert("orig".to_owned(), ctx.lang().to_owned());
    form.insert("year".to_owned(), this_year().to_string());
    render(&CompendiumForm {
        ctx: ctx.with_section(Section::Compendiums),
        form,
        errors: Vec::new(),
        describing: None,
    })
}

/// `POST /compendiums/new`
async fn new_compendium(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    match compendium::parse_edition(get, this_year()) {
        Ok(input) => {
            let origin = origin_of(&me, &client);
            let slug =
                compendium::create(&state.db, &origin, &me.actor(), input, chrono::Utc::now())
                    .await?;
            Ok(redirect(format!("/compendiums/{slug}/edit"), &ctx))
        }
        Err(errors) => bad_form(
            errors.clone(),
            CompendiumForm {
                ctx: ctx.with_section(Section::Compendiums),
                form,
                errors,
                describing: None,
            },
        ),
    }
}

/// An edition by its address, whatever its status (for staff forms).
async fn edition_row(state: &AppState, slug: &str) -> Result<compendium_entity::Model, AppError> {
    Ok(compendium::find(state.db.read(), slug).await?)
}

/// `GET /compendiums/{slug}/describe?in=xx` (coordinators): the edition's
/// title and introduction in one language (by default its original), its
/// year, edition and publisher.
async fn describe_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
) -> Result<Html<String>, AppError> {
    let edition = edition_row(&state, &slug).await?;
    let lang = writing_lang(&params, edition.title.orig())?;
    render(&CompendiumForm {
        ctx: ctx.with_section(Section::Compendiums),
        form: compendium::form_of(&edition),
        errors: Vec::new(),
        describing: Some(Describing { edition, lang }),
    })
}

/// `POST /compendiums/{slug}/describe?in=xx`: `title_xx`, `introduction_xx`
/// for the language written; `year`, `edition`, `publisher`. The other
/// languages and the original language stay.
async fn describe(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let edition = edition_row(&state, &slug).await?;
    let lang = writing_lang(&params, edition.title.orig())?;
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    match compendium::parse_description(&edition, lang, get, this_year()) {
        Ok(input) => {
            let origin = origin_of(&me, &client);
            compendium::describe(
                &state.db,
                &origin,
                &me.actor(),
                &slug,
                input,
                chrono::Utc::now(),
            )
            .await?;
            Ok(redirect(format!("/compendiums/{slug}"), &ctx))
        }
        Err(errors) => bad_form(
            errors.clone(),
            CompendiumForm {
                ctx: ctx.with_section(Section::Compendiums),
                form,
                errors,
                describing: Some(Describing { edition, lang }),
            },
        ),
    }
}

/// `POST /compendiums/{slug}/delete` (coordinators): `confirm=yes` is
/// required. Chapters and their entries go; the practices stay.
async fn delete_compendium(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    if !confirmed(&pairs) {
        return Err(AppError::bad_request("confirm"));
    }
    compendium::delete(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        &slug,
        chrono::Utc::now(),
    )
    .await?;
    Ok(redirect("/compendiums?deleted=1".to_owned(), &ctx))
}

#[derive(Template)]
#[template(path = "library/templates/compendium_arrange.html")]
struct ArrangePage {
    ctx: PageCtx,
    e: rules::Edition,
    practices: Vec<PracticeCard>,
    themes: Vec<theme::Model>,
    /// The language chapter introductions are written in.
    lang: Locale,
}

impl ArrangePage {
    /// A chapter's introduction in the language being written.
    fn intro_value(&self, ch: &super::entities::compendium_chapter::Model) -> String {
        ch.introduction
            .as_ref()
            .and_then(|t| t.get(self.lang))
            .unwrap_or_default()
            .to_owned()
    }
    /// Its original, shown beside a translation: the text and its language code.
    fn intro_original(
        &self,
        ch: &super::entities::compendium_chapter::Model,
    ) -> Option<(String, &'static str)> {
        let t = ch.introduction.as_ref()?;
        (t.orig() != self.lang).then(|| (t.original().to_owned(), t.orig().code()))
    }
    /// The chapter (theme) and position a practice has in this edition.
    fn placed(&self, practice_id: &i32) -> Option<(i32, usize)> {
        self.e.chapters.iter().find_map(|(ch, ps)| {
            ps.iter()
                .position(|p| p.id == *practice_id)
                .and_then(|i| ch.theme_id.map(|t| (t, i + 1)))
        })
    }
    fn chapter_of(&self, practice_id: &i32) -> i32 {
        self.placed(practice_id).map(|p| p.0).unwrap_or(0)
    }
    fn order_of(&self, practice_id: &i32) -> String {
        self.placed(practice_id)
            .map(|p| p.1.to_string())
            .unwrap_or_default()
    }
}

/// `GET /compendiums/{slug}/edit?in=xx`: choose and order published
/// practices by theme; chapter introductions in one language (by default
/// the edition's original).
async fn arrange_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    _: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
) -> Result<Html<String>, AppError> {
    let e = edition_for(&state, &ctx, &slug).await?;
    let lang = writing_lang(&params, e.compendium.title.orig())?;
    let practices = rules::list_practices(
        state.db.read(),
        &state.directory.reference,
        &PracticeScope::Published,
        &LibraryFilter {
            sort: Sort::Title,
            ..Default::default()
        },
        PageRequest {
            page: 1,
            per_page: 100,
        },
    )
    .await?
    .items;
    render(&ArrangePage {
        ctx: ctx.with_section(Section::Compendiums),
        e,
        practices,
        themes: state.directory.reference.themes().to_vec(),
        lang,
    })
}

/// `POST /compendiums/{slug}/edit?in=xx`: fields `chapter_<practice id>` (a
/// theme id, or empty to leave it out) and `order_<practice id>`; `status`;
/// `chapter_intro_<theme id>` in the language written (a chapter without
/// the field keeps its introduction).
async fn arrange(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    params: Params,
    CsrfForm(form): CsrfForm<BTreeMap<String, String>>,
) -> Result<Response, AppError> {
    let lang = match params.get("in") {
        None | Some("") => None,
        Some(_) => Some(writing_lang(&params, ctx.locale)?),
    };
    let arrangement = compendium::Arrangement::parse(&form, lang).map_err(AppError::bad_request)?;
    let origin = origin_of(&me, &client);
    compendium::arrange(
        &state.db,
        &origin,
        &me.actor(),
        &state.directory.reference,
        &slug,
        arrangement,
        chrono::Utc::now(),
    )
    .await?;
    Ok(redirect(format!("/compendiums/{slug}"), &ctx))
}

library_page!(
    LibraryList,
    ResourcePage,
    ResourceForm,
    PracticesList,
    PracticePage,
    PracticeForm,
    VersionsPage,
    CompendiumsPage,
    CompendiumPage,
    CompendiumForm,
    ArrangePage
);

// ---------------------------------------------------------------- JSON API

#[derive(Serialize)]
struct ApiResource {
    id: i32,
    kind: String,
    title: String,
    summary: Option<String>,
    year: Option<i32>,
    visibility: String,
    languages: Vec<String>,
    themes: Vec<String>,
    url: String,
}

#[derive(Serialize)]
struct ApiVersion {
    lang: String,
    title: Option<String>,
    file: Option<String>,
    link: Option<String>,
    available: bool,
}

#[derive(Serialize)]
struct ApiResourceDetail {
    #[serde(flatten)]
    resource: ApiResource,
    authors: Option<String>,
    licence: Option<String>,
    versions: Vec<ApiVersion>,
    countries: Vec<String>,
    practices: Vec<i32>,
}

fn api_resource_of(c: &ResourceCard, l: Locale) -> ApiResource {
    let r = &c.resource;
    ApiResource {
        id: r.id,
        kind: r.kind.clone(),
        title: r.title.text(l).to_owned(),
        summary: r.summary.as_ref().map(|s| s.text(l).to_owned()),
        year: r.year,
        visibility: r.visibility.clone(),
        languages: c.langs.clone(),
        themes: c.themes.iter().map(|t| t.slug.clone()).collect(),
        url: format!("/library/{}", r.id),
    }
}

/// `GET /api/v1/resources`: the library's filters; what the caller may see.
async fn api_resources(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiResource>>, AppError> {
    let f = filter(&params)?;
    let pr = page_request(&params)?;
    let page = rules::list_resources(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &f,
        pr,
    )
    .await?;
    Ok(Json(ApiList {
        items: page
            .items
            .iter()
            .map(|c| api_resource_of(c, ctx.locale))
            .collect(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    }))
}

/// `GET /api/v1/resources/{id}`
async fn api_resource(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Json<ApiResourceDetail>, AppError> {
    let r = rules::resource_detail(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        id(&s)?,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    Ok(Json(ApiResourceDetail {
        resource: api_resource_of(&r.card, ctx.locale),
        authors: r.card.resource.authors.clone(),
        licence: r.card.resource.licence.clone(),
        versions: r
            .versions
            .iter()
            .map(|v| ApiVersion {
                lang: v.lang.clone(),
                title: v.title.clone(),
                file: v.file_sha256.as_ref().map(|sha| {
                    format!(
                        "/files/{sha}/{}",
                        urlencode(v.file_name.as_deref().unwrap_or("file"))
                    )
                }),
                link: v.url.clone(),
                available: v.file_sha256.is_some() || v.url.is_some(),
            })
            .collect(),
        countries: r.countries.iter().map(|c| c.code.clone()).collect(),
        practices: r.practices.iter().map(|p| p.id).collect(),
    }))
}

#[derive(Serialize)]
struct ApiPractice {
    id: i32,
    title: String,
    title_lang: String,
    original_language: String,
    summary: Option<String>,
    owner: Option<String>,
    country: Option<String>,
    year: Option<i32>,
    status: String,
    themes: Vec<String>,
    url: String,
}

#[derive(Serialize)]
struct ApiPracticeDetail {
    #[serde(flatten)]
    practice: ApiPractice,
    city: String,
    department: String,
    period: PeriodJson,
    sections: BTreeMap<&'static str, String>,
    presented_at: String,
    attachments: Vec<ApiVersion>,
    resources: Vec<i32>,
    sheet: String,
    last_verified: Option<chrono::NaiveDate>,
}

#[derive(Serialize)]
struct PeriodJson {
    start: Option<i32>,
    end: Option<i32>,
    ongoing: bool,
}

fn api_practice_of(
    p: &super::entities::practice::Model,
    status: PracticeStatus,
    themes: &[theme::Model],
    owner: Option<&TrText>,
    l: Locale,
) -> ApiPractice {
    let shown = p.title.show(l);
    ApiPractice {
        id: p.id,
        title: shown.text.to_owned(),
        title_lang: shown.locale.code().to_owned(),
        original_language: p.title.orig().code().to_owned(),
        summary: p.summary.as_ref().map(|s| s.text(l).to_owned()),
        owner: owner.map(|o| o.text(l).to_owned()),
        country: p.country_code.clone(),
        year: p.year,
        status: status.code().to_owned(),
        themes: themes.iter().map(|t| t.slug.clone()).collect(),
        url: format!("/practices/{}", p.id),
    }
}

/// `GET /api/v1/practices`: published practices, with the library's filters.
async fn api_practices(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<ApiList<ApiPractice>>, AppError> {
    let f = filter(&params)?;
    let pr = page_request(&params)?;
    let page = rules::list_practices(
        state.db.read(),
        &state.directory.reference,
        &PracticeScope::Published,
        &f,
        pr,
    )
    .await?;
    Ok(Json(ApiList {
        items: page
            .items
            .iter()
            .map(|c| {
                api_practice_of(
                    &c.practice,
                    c.status,
                    &c.themes,
                    c.owner.as_ref(),
                    ctx.locale,
                )
            })
            .collect(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    }))
}

/// `GET /api/v1/practices/{id}`: a practice the caller may see.
async fn api_practice(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Json<ApiPracticeDetail>, AppError> {
    let p = rules::practice_detail(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        id(&s)?,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let l = ctx.locale;
    let owner = p
        .municipality
        .as_ref()
        .map(|m| &m.name)
        .or(p.organisation.as_ref().map(|o| &o.name));
    let pr = &p.practice;
    let orig = pr.title.orig();
    let c = &pr.content;
    Ok(Json(ApiPracticeDetail {
        practice: api_practice_of(pr, p.status, &p.themes, owner, l),
        city: c.city.clone(),
        department: c.department.clone(),
        period: PeriodJson {
            start: c.start_year,
            end: c.end_year,
            ongoing: c.ongoing,
        },
        sections: TextField::ALL
            .iter()
            .filter_map(|f| c.shown(*f, l, orig).map(|(t, _)| (f.code(), t.to_owned())))
            .collect(),
        presented_at: c.presented_at.clone(),
        attachments: p
            .attachments
            .iter()
            .map(|a| ApiVersion {
                lang: a.lang.clone(),
                title: Some(a.label.clone()),
                file: a.file_sha256.as_ref().map(|sha| {
                    format!(
                        "/files/{sha}/{}",
                        urlencode(a.file_name.as_deref().unwrap_or("file"))
                    )
                }),
                link: a.url.clone(),
                available: a.file_sha256.is_some() || a.url.is_some(),
            })
            .collect(),
        resources: p.resources.iter().map(|r| r.id).collect(),
        sheet: format!("/practices/{}/sheet?lang={}", pr.id, l.code()),
        last_verified: pr.last_verified,
    }))
}
