//! Practices as readers and reviewers see them: the lists, a practice's
//! page, its review and deletion, its versions, and its PDF sheet.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use super::{LibraryPage, confirmed, filter, id, page_request, pdf_response, print, urlencode};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::entities::{country, theme};
use crate::fields::paging::Page;
use crate::i18n::{Locale, TrText};
use crate::library::compendium::{self, SheetContext};
use crate::library::entities::practice_attachment;
use crate::library::practices::{
    self, Change, DiffKind, FieldError, PracticeError, TextField, Transition,
};
use crate::library::rules::{self, PracticeCard, PracticeDetail, PracticeScope, Sort};
use crate::library::{PracticeStatus, ResourceKind};
use crate::policy::{Action, Coordinator, authorize, can};
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole, RequireSignedIn};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

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
    let countries = crate::directory::choices::filter_countries(
        &dir.reference,
        rules::practice_countries(state.db.read(), &dir.reference, &scope).await?,
        params.get("country"),
        ctx.locale,
    );
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

/// `GET /practices`: published practices, with the library's filters
/// (visitors' pages kept per content version).
pub(super) async fn practices_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Response, AppError> {
    state
        .pages
        .visitor_page(&state.db, &ctx, || {
            practice_list(
                &state,
                ctx.clone(),
                &params,
                PracticeScope::Published,
                (
                    "practices-title",
                    "practices-lead",
                    "/practices",
                    Section::Practices,
                ),
            )
        })
        .await
}

/// `GET /practices/mine`: what I wrote and my municipalities' practices, in any state.
pub(super) async fn my_practices(
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
pub(super) async fn review_queue(
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
    related: Vec<crate::search::results::Item>,
    /// Events it was presented at, consultations where it was shared…
    backlinks: Vec<crate::library::backlinks::Backlinks>,
    /// The follow button (signed-in readers).
    follow: Option<crate::follows::Button>,
    /// Its photos, and where who may change them does so.
    gallery: crate::library::pictures::Gallery,
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
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((
        status,
        practice_html(state, ctx, pid, errors, comment).await?,
    )
        .into_response())
}

/// A practice's page. Its related panel follows the search index, which
/// follows the content shortly after: a visitor's kept page may show the
/// panel as it was for at most a minute.
async fn practice_html(
    state: &AppState,
    ctx: PageCtx,
    pid: i32,
    errors: Vec<FieldError>,
    comment: String,
) -> Result<Html<String>, AppError> {
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
    let backlinks = state
        .backlinks
        .find(
            state.db.read(),
            actor.as_ref(),
            crate::library::backlinks::Linked::Practice(pid),
        )
        .await?;
    let target = crate::follows::Target::new(crate::follows::TargetKind::Practice, pid);
    let follow = crate::follows::button(state.db.read(), &ctx, target).await?;
    let gallery = crate::library::pictures::gallery(
        state.db.read(),
        actor.as_ref(),
        crate::library::pictures::OwnerKind::Practice,
        pid,
        crate::policy::PicturesRef::Practice(pref),
    )
    .await?;
    let page = PracticePage {
        gallery,
        follow,
        backlinks,
        related: crate::search::results::related(&state.search, &ctx, &format!("practice:{pid}")),
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
    render(&page)
}

/// `GET /practices/{id}` (visitors' pages kept per content version).
pub(super) async fn practice_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(s): Path<String>,
) -> Result<Response, AppError> {
    let pid = id(&s)?;
    state
        .pages
        .visitor_page(&state.db, &ctx, || {
            practice_html(&state, ctx.clone(), pid, Vec::new(), String::new())
        })
        .await
}

#[derive(serde::Deserialize)]
pub(super) struct ReviewForm {
    action: String,
    #[serde(default)]
    comment: String,
}

/// `POST /practices/{id}/review`: submit, review, ask for changes, publish,
/// archive, or comment.
pub(super) async fn review_practice(
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
pub(super) async fn delete_practice(
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
pub(super) async fn practice_versions(
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

/// `GET /practices/{id}/sheet?lang=`: the practice sheet as PDF.
pub(super) async fn practice_sheet(
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

library_page!(PracticesList, PracticePage, VersionsPage);
