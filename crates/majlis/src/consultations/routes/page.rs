//! `GET /consultations/{slug}`: the dilemma page and the lists its
//! contribution form offers.

use crate::app::AppState;
use crate::consultations::rules::{self, DilemmaDetail, Suggestion};
use crate::consultations::{ContributionKind, DilemmaStatus, ParticipantRole};
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::library::practices::FieldError;
use crate::policy::{Action, can};
use crate::web::{AppError, PageCtx, Section, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use std::sync::Arc;

use super::{ConsultationPage, form_key};
use crate::consultations::lookups::{self, CHOICES};

#[derive(Template)]
#[template(path = "consultations/templates/dilemma.html")]
struct DilemmaPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: DilemmaDetail,
    may_contribute: bool,
    may_lead: bool,
    may_conclude: bool,
    may_moderate: bool,
    may_flag: bool,
    period_over: bool,
    suggestions: Vec<Suggestion>,
    practices: Vec<(i32, String)>,
    resources: Vec<(i32, String)>,
    related: Vec<crate::search::results::Item>,
    form: RawForm,
    errors: Vec<FieldError>,
    key: String,
    /// The follow button (signed-in readers).
    follow: Option<crate::follows::Button>,
}
consultation_page!(DilemmaPage);

impl DilemmaPage {
    /// Says the lists are bounded and how to share what they leave out.
    fn choices_hint(&self) -> String {
        self.ctx
            .t1("consultation-choices-hint", "n", CHOICES as i64)
    }

    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn kinds(&self) -> Vec<ContributionKind> {
        if self.d.status == DilemmaStatus::InDiscussion {
            ContributionKind::ALL.to_vec()
        } else {
            vec![ContributionKind::Question]
        }
    }
    fn field_label(&self, f: &str) -> String {
        self.ctx
            .t(&format!("dilemma-field-{}", f.replace('_', "-")))
    }
}

/// [`lookups::choices`] for the reader.
pub(super) async fn choices(
    state: &AppState,
    ctx: &PageCtx,
    themes: &[i32],
) -> Result<(Vec<(i32, String)>, Vec<(i32, String)>), AppError> {
    Ok(lookups::choices(state.db.read(), ctx.actor(), ctx.locale, themes).await?)
}

/// [`lookups::chosen`] for the form's `practice` and `resource`.
pub(super) async fn chosen(
    state: &AppState,
    ctx: &PageCtx,
    raw: &RawForm,
) -> Result<(Vec<i32>, Vec<i32>), AppError> {
    let id = |f: &str| raw.get(f).trim().parse::<i32>().ok();
    Ok(lookups::chosen(state.db.read(), ctx.actor(), id("practice"), id("resource")).await?)
}

pub(super) async fn show_dilemma(
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
    Ok((status, dilemma_html(state, ctx, slug, form, errors).await?).into_response())
}

/// A consultation's page. What depends on the clock (whether it still
/// takes contributions) and its related panel (which follows the search
/// index) may be a minute late on a visitor's kept page.
async fn dilemma_html(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    let now = Utc::now();
    let db = state.db.read();
    let detail = rules::page(db, &state.directory.reference, ctx.actor(), slug, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let r = detail.r;
    let actor = ctx.actor();
    let may_lead = can(actor, Action::LeadDilemma(r));
    let suggestions = if may_lead && detail.status != DilemmaStatus::Archived {
        let related = crate::search::results::related_ids(
            &state.search,
            &ctx,
            &format!("dilemma:{}", detail.d.id),
            "practice",
        );
        rules::suggestions(db, &detail.d, &related, ctx.locale, 12).await?
    } else {
        Vec::new()
    };
    let may_contribute = can(actor, Action::Contribute(r));
    let (practices, resources) = if may_contribute {
        let themes: Vec<i32> = detail.themes.iter().map(|t| t.id).collect();
        choices(state, &ctx, &themes).await?
    } else {
        (Vec::new(), Vec::new())
    };
    let target = crate::follows::Target::new(crate::follows::TargetKind::Dilemma, detail.d.id);
    let follow = crate::follows::button(db, &ctx, target).await?;
    let page = DilemmaPage {
        follow,
        dir: state.directory.clone(),
        may_contribute,
        may_lead,
        may_conclude: can(actor, Action::ConcludeDilemma(r)),
        may_moderate: can(actor, Action::Moderate),
        may_flag: can(actor, Action::ReportContribution),
        period_over: detail.status.is_running() && !r.taking_contributions,
        suggestions,
        practices,
        resources,
        related: crate::search::results::related(
            &state.search,
            &ctx,
            &format!("dilemma:{}", detail.d.id),
        ),
        d: detail,
        form,
        errors,
        key: form_key(),
        ctx,
    };
    render(&page)
}

/// `GET /consultations/{slug}` (visitors' pages kept per content version;
/// a visitor's page has no form, so no form key).
pub(super) async fn dilemma_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    state
        .pages
        .visitor_page(&state.db, &ctx, || {
            dilemma_html(&state, ctx.clone(), &slug, RawForm::default(), Vec::new())
        })
        .await
}
