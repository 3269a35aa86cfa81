//! The library of documents: the list, a resource's page, the forms that
//! describe resources and add language versions, and file downloads.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::{LibraryPage, bad_form, confirmed, filter, id, page_request, this_year, urlencode};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::entities::{country, organisation, theme};
use crate::fields::paging::{Page, PageRequest};
use crate::i18n::Locale;
use crate::library::ResourceKind;
use crate::library::entities::resource_version;
use crate::library::files::{self, UploadForm};
use crate::library::practices::FieldError;
use crate::library::resources::{self};
use crate::library::rules::{self, ResourceCard, ResourceDetail, Sort};
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, CsrfMultipart, RequireRole};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

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
/// (visitors' pages kept per content version).
pub(super) async fn library(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    let f = filter(&params)?;
    let pr = page_request(&params)?;
    let dir = &state.directory;
    state
        .pages
        .visitor_page(&state.db, &ctx, || async {
            let page =
                rules::list_resources(state.db.read(), &dir.reference, ctx.actor(), &f, pr).await?;
            let countries = crate::directory::choices::filter_countries(
                &dir.reference,
                rules::resource_countries(state.db.read(), &dir.reference, ctx.actor()).await?,
                params.get("country"),
                ctx.locale,
            );
            render(&LibraryList {
                ctx: ctx.clone().with_section(Section::Library),
                page,
                kinds: ResourceKind::ALL,
                themes: dir.reference.themes().to_vec(),
                countries,
                sorts: Sort::ALL,
                action: "/library",
                show_kind: true,
            })
        })
        .await
}

#[derive(Template)]
#[template(path = "library/templates/resource.html")]
struct ResourcePage {
    ctx: PageCtx,
    r: ResourceDetail,
    errors: Vec<FieldError>,
    limits: files::FormLimits,
    related: Vec<crate::search::results::Item>,
    /// Events it belongs to (material or report), consultations where it was shared…
    backlinks: Vec<crate::library::backlinks::Backlinks>,
}

impl ResourcePage {
    fn file_url(&self, v: &resource_version::Model) -> Option<String> {
        let sha = v.file_sha256.as_deref()?;
        let name = v.file_name.as_deref().unwrap_or("file");
        Some(format!("/files/{sha}/{}", urlencode(name)))
    }
}

async fn show_resource(
    state: &AppState,
    ctx: PageCtx,
    rid: i32,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, resource_html(state, ctx, rid, errors).await?).into_response())
}

/// A resource's page. Its related panel follows the search index, which
/// follows the content shortly after: a visitor's kept page may show the
/// panel as it was for at most a minute.
async fn resource_html(
    state: &AppState,
    ctx: PageCtx,
    rid: i32,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let r = rules::resource_detail(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        rid,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let backlinks = state
        .backlinks
        .find(
            state.db.read(),
            ctx.actor(),
            crate::library::backlinks::Linked::Resource(rid),
        )
        .await?;
    let limits = state
        .uploads
        .limits_for(state.db.read(), ctx.actor())
        .await?;
    let page = ResourcePage {
        backlinks,
        related: crate::search::results::related(&state.search, &ctx, &format!("resource:{rid}")),
        ctx: ctx.with_section(Section::Library),
        r,
        errors,
        limits,
    };
    render(&page)
}

/// `GET /library/{id}`: members-only resources are "not found" to visitors
/// (visitors' pages kept per content version).
pub(super) async fn resource_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Response, AppError> {
    let rid = id(&s)?;
    state
        .pages
        .visitor_page(&state.db, &ctx, || {
            resource_html(&state, ctx.clone(), rid, Vec::new())
        })
        .await
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
    let v = dir.current_version(&state.db).await?;
    let orgs = dir
        .organisations(
            &state.db,
            v,
            &Default::default(),
            None,
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
    let countries = crate::directory::choices::countries_by_name(
        dir.reference.countries().cloned(),
        ctx.locale,
    );
    let mut organisations: Vec<(i32, String)> = organisation_choices(state)
        .await?
        .iter()
        .map(|o| (o.id, o.name.text(ctx.locale).to_owned()))
        .collect();
    ctx.locale.sort_by_name(&mut organisations, |r| &r.1);
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
pub(super) async fn new_resource_page(
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
pub(super) async fn edit_resource_page(
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
pub(super) async fn edit_resource(
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
pub(super) async fn delete_resource(
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
pub(super) async fn new_resource(
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
pub(super) async fn add_version(
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
pub(super) async fn download(
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
    let name = files::download_name(found.file_name.as_deref(), kind);
    crate::web::download::stored_file(
        &state.uploads.store,
        &sha,
        &name,
        kind,
        "private, max-age=3600",
    )
    .await
}

library_page!(LibraryList, ResourcePage, ResourceForm);
