//! `GET /projects/{slug}`: the idea, its partners and their history,
//! suggested partners with their reasons, and for its editors the status
//! and invitation forms; the partnership and status changes, which come
//! back here (with the typed values and a message when refused).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;

use super::{ProjectPage, project_page};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::i18n::{FluentArg, Locale};
use crate::library::practices::FieldError;
use crate::policy::{Action, PlanRef, SignedIn, can};
use crate::projects::error::ProjectError;
use crate::projects::rules::suggest::{Reason, Suggestion, suggestions};
use crate::projects::rules::{self, ProjectDetail, partners, save};
use crate::projects::{PartnershipStatus, ProjectStatus};
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

#[derive(Template)]
#[template(path = "projects/templates/project.html")]
struct ProjectView {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: ProjectDetail,
    may_edit: bool,
    suggestions: Vec<Suggestion>,
    /// Municipalities an editor may invite: slug and name.
    choices: Vec<(String, String)>,
    /// The idea's action plan, if it has one.
    plan: Option<crate::plans::rules::PlanSummary>,
    /// The reader may start an action plan for it (none yet).
    may_start_plan: bool,
    form: RawForm,
    errors: Vec<FieldError>,
}
project_page!(ProjectView);

impl ProjectView {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn paragraphs<'a>(&self, t: &'a crate::i18n::TrText) -> Vec<&'a str> {
        t.text(self.ctx.locale)
            .split('\n')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
    /// The viewer is a focal point of municipality `id`.
    fn focal(&self, id: &i32) -> bool {
        self.ctx
            .actor()
            .is_some_and(|a| a.focal_point_of.contains(id))
    }
    fn invited(&self, s: &PartnershipStatus) -> bool {
        *s == PartnershipStatus::Invited
    }
    fn current(&self, s: &PartnershipStatus) -> bool {
        s.is_current()
    }
    fn next_statuses(&self) -> &'static [ProjectStatus] {
        self.d.status.next()
    }
    fn funded(&self) -> String {
        self.d
            .p
            .funded_countries()
            .iter()
            .map(|c| self.country_name(c))
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn reason(&self, r: &Reason, m: &crate::directory::entities::municipality::Model) -> String {
        let l: Locale = self.ctx.locale;
        let name = m.name.text(l).to_owned();
        match r {
            Reason::Practice { title, .. } => l.t_args(
                "project-reason-practice",
                &[
                    ("municipality", FluentArg::from(name)),
                    ("practice", title.text(l).to_owned().into()),
                ],
            ),
            Reason::Themes(ids) => l.t_args(
                "project-reason-themes",
                &[
                    ("municipality", FluentArg::from(name)),
                    (
                        "themes",
                        ids.iter()
                            .map(|t| self.theme_name(t))
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
            Reason::Languages(langs) => l.t_args(
                "project-reason-languages",
                &[
                    ("municipality", FluentArg::from(name)),
                    (
                        "languages",
                        langs
                            .iter()
                            .map(|x| x.autonym())
                            .collect::<Vec<_>>()
                            .join(", ")
                            .into(),
                    ),
                ],
            ),
            Reason::Funded { lead, partner } => l.t_args(
                "project-reason-funded",
                &[
                    ("lead", FluentArg::from(self.country_name(lead))),
                    ("partner", self.country_name(partner).into()),
                ],
            ),
        }
    }
    fn steps_done(&self, s: &crate::plans::rules::PlanSummary) -> String {
        self.ctx.locale.t_args(
            "project-plan-steps",
            &[
                ("done", FluentArg::from(i64::from(s.done))),
                ("steps", FluentArg::from(i64::from(s.steps))),
            ],
        )
    }
    fn practice_slug<'a>(&self, r: &'a Reason) -> Option<&'a str> {
        match r {
            Reason::Practice { slug, .. } => Some(slug),
            _ => None,
        }
    }
}

async fn show(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    Ok((status, project_html(state, ctx, slug, form, errors).await?).into_response())
}

/// An idea's page, rendered for `ctx`.
async fn project_html(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Projects);
    let db = state.db.read();
    let d = rules::find(db, ctx.actor(), slug).await?;
    let may_edit = can(ctx.actor(), Action::EditProject(d.r));
    let suggestions = if d.status == ProjectStatus::Dropped {
        Vec::new()
    } else {
        suggestions(db, &d.p, &d.themes).await?
    };
    let choices = if may_edit {
        rules::invite_choices(db, &d, ctx.locale).await?
    } else {
        Vec::new()
    };
    let plan = crate::projects::plans::summaries(db, &[d.p.id])
        .await?
        .remove(&d.p.id);
    // The lead's focal points and staff start a plan (as the plans
    // activity decides who edits one).
    let editors = [d.p.lead_municipality_id];
    let may_start_plan = plan.is_none()
        && d.status != ProjectStatus::Dropped
        && can(
            ctx.actor(),
            Action::EditPlan(PlanRef::for_actor(ctx.actor(), true, &editors)),
        );
    let page = ProjectView {
        dir: state.directory.clone(),
        d,
        plan,
        may_start_plan,
        may_edit,
        suggestions,
        choices,
        form,
        errors,
        ctx,
    };
    render(&page)
}

/// `GET /projects/{slug}` (visitors' pages kept per content version).
pub(super) async fn project_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    state
        .pages
        .visitor_page(&state.db, &ctx, || {
            project_html(&state, ctx.clone(), &slug, RawForm::default(), Vec::new())
        })
        .await
}

/// A refused change comes back to the page with its message; anything
/// else is an error page.
async fn outcome(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    form: RawForm,
    result: Result<(), ProjectError>,
) -> Result<Response, AppError> {
    match result {
        Ok(()) => Ok(redirect(format!("/projects/{slug}"), &ctx)),
        Err(ProjectError::Invalid(errors)) => show(state, ctx, slug, form, errors).await,
        Err(ProjectError::Conflict(message)) => {
            let errors = vec![FieldError {
                field: "partners",
                message,
            }];
            show(state, ctx, slug, form, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn project_id(state: &AppState, ctx: &PageCtx, slug: &str) -> Result<i32, AppError> {
    Ok(rules::find(state.db.read(), ctx.actor(), slug).await?.p.id)
}

/// `POST /projects/{slug}/status`: one step forward, or dropped with a reason.
pub(super) async fn change_status(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let raw = RawForm(pairs);
    let id = project_id(&state, &ctx, &slug).await?;
    let result = save::change_status(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        id,
        save::StatusChange {
            to: ProjectStatus::from_code(raw.get("status")),
            lang: ctx.locale,
            reason: raw.get("reason"),
        },
        Utc::now(),
    )
    .await;
    outcome(&state, ctx, &slug, raw, result).await
}

/// `POST /projects/{slug}/partners`: the lead invites a municipality.
pub(super) async fn invite(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let raw = RawForm(pairs);
    let id = project_id(&state, &ctx, &slug).await?;
    let result = partners::invite(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        id,
        raw.get("municipality"),
        &state.settings.public_url(),
        Utc::now(),
    )
    .await;
    outcome(&state, ctx, &slug, raw, result).await
}

async fn answer(
    state: AppState,
    ctx: PageCtx,
    client: crate::policy::Client,
    me: SignedIn,
    (slug, municipality): (String, String),
    accept: bool,
) -> Result<Response, AppError> {
    let id = project_id(&state, &ctx, &slug).await?;
    let result = partners::answer(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        id,
        &municipality,
        accept,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await;
    outcome(&state, ctx, &slug, RawForm::default(), result).await
}

/// `POST /projects/{slug}/partners/{municipality}/accept`: the partner's focal point.
pub(super) async fn accept(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(path): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    answer(state, ctx, client, me, path, true).await
}

/// `POST /projects/{slug}/partners/{municipality}/decline`: the partner's focal point.
pub(super) async fn decline(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(path): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    answer(state, ctx, client, me, path, false).await
}

/// `POST /projects/{slug}/partners/{municipality}/leave`: the partner
/// leaves, or the lead ends the partnership.
pub(super) async fn leave(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, municipality)): Path<(String, String)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let id = project_id(&state, &ctx, &slug).await?;
    let result = partners::leave(
        &state.db,
        &origin_of(&me, &client),
        &me.actor(),
        id,
        &municipality,
        Utc::now(),
    )
    .await;
    outcome(&state, ctx, &slug, RawForm::default(), result).await
}
