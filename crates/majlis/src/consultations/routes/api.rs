//! The JSON API: `/api/v1/dilemmas` and `/api/v1/dilemmas/{slug}`.

use crate::app::AppState;
use crate::consultations::entities::dilemma;
use crate::consultations::rules::{self, DilemmaFilter};
use crate::directory::entities::theme;
use crate::fields::paging::{PageRequest, whole_list};
use crate::i18n::Locale;
use crate::web::open_data::{self, Download, Format};
use crate::web::openapi::{ApiError, Paging, PlaceFilters};
use crate::web::{AppError, PageCtx, Params};
use axum::Json;
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::Utc;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub(super) struct ApiDilemma {
    id: String,
    url: String,
    question: String,
    question_lang: String,
    status: String,
    visibility: String,
    presenter: String,
    country: Option<String>,
    city: Option<String>,
    themes: Vec<String>,
    event: Option<String>,
    opens_at: Option<String>,
    closes_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiContribution {
    id: i32,
    kind: String,
    text: String,
    author: String,
    answer: Option<String>,
    helped: bool,
    practice: Option<String>,
    resource: Option<String>,
    link: Option<String>,
    created_at: String,
}

#[derive(Serialize, ToSchema)]
pub(super) struct ApiDilemmaDetail {
    #[serde(flatten)]
    summary: ApiDilemma,
    information: Option<String>,
    help_sought: Vec<String>,
    result: Option<String>,
    discussed_with: Vec<String>,
    contributions: Vec<ApiContribution>,
}

pub(super) fn api_of(
    d: &dilemma::Model,
    presenter: &str,
    themes: &[theme::Model],
    event: Option<String>,
    l: Locale,
    base: &str,
) -> ApiDilemma {
    let q = d.question.show(l);
    ApiDilemma {
        id: d.slug.clone(),
        url: format!("{base}/consultations/{}", d.slug),
        question: q.text.to_owned(),
        question_lang: q.locale.code().to_owned(),
        status: d.status.clone(),
        visibility: d.visibility.clone(),
        presenter: presenter.to_owned(),
        country: d.country_code.clone(),
        city: d.city.clone(),
        themes: themes.iter().map(|t| t.slug.clone()).collect(),
        event,
        opens_at: d.opens_at.map(|t| t.to_rfc3339()),
        closes_at: d.closes_at.map(|t| t.to_rfc3339()),
    }
}

/// `GET /api/v1/dilemmas?theme=&country=&status=&event=`
#[utoipa::path(get, path = "/api/v1/dilemmas", tag = "consultations",
    summary = "Dilemmas the caller may see",
    params(Paging, PlaceFilters,
        ("status" = Option<String>, Query, description = "`open`, `in-discussion`, `concluded` or `archived`."),
        ("event" = Option<String>, Query, description = "Only dilemmas discussed at this event (its slug).")),
    responses(
        (status = 200, description = "One page of dilemmas.", body = crate::fields::paging::ApiList<ApiDilemma>),
        (status = 400, description = "A filter or paging value not understood.", body = ApiError)))]
pub(super) async fn api_dilemmas(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<crate::fields::paging::ApiList<ApiDilemma>>, AppError> {
    let f = DilemmaFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let pr = PageRequest::from_query(params.get("page"), params.get("per_page"))?;
    let page = rules::list(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &f,
        pr,
    )
    .await?;
    let base = state.settings.public_url();
    let event = f.event.as_ref().map(|s| s.as_str().to_owned());
    Ok(Json(crate::fields::paging::ApiList::from_page(
        &page,
        |c| {
            api_of(
                &c.d,
                &c.presenter,
                &c.themes,
                event.clone(),
                ctx.locale,
                &base,
            )
        },
    )))
}

/// `GET /api/v1/dilemmas/{slug}`: with its contributions and result.
#[utoipa::path(get, path = "/api/v1/dilemmas/{slug}", tag = "consultations",
    summary = "A dilemma with its contributions and result",
    params(("slug" = String, Path, description = "The dilemma's slug.", example = "ua1-education-s1-q1")),
    responses(
        (status = 200, description = "The dilemma.", body = ApiDilemmaDetail),
        (status = 404, description = "No dilemma with this slug that the caller may see.", body = ApiError)))]
pub(super) async fn api_dilemma(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Json<ApiDilemmaDetail>, AppError> {
    let db = state.db.read();
    let (d, r) = rules::find(db, ctx.actor(), &slug, Utc::now())
        .await?
        .ok_or(AppError::NotFound)?;
    let detail = rules::detail(db, &state.directory.reference, ctx.actor(), d, r).await?;
    let base = state.settings.public_url();
    let l = ctx.locale;
    let former = ctx.t(rules::FORMER_MEMBER);
    Ok(Json(ApiDilemmaDetail {
        summary: api_of(
            &detail.d,
            &detail.presenter,
            &detail.themes,
            detail.event.as_ref().map(|e| e.slug.clone()),
            l,
            &base,
        ),
        information: detail.d.information.as_ref().map(|t| t.text(l).to_owned()),
        help_sought: detail.help.iter().map(|h| h.code().to_owned()).collect(),
        result: detail.result.as_ref().map(|t| t.text(l).to_owned()),
        discussed_with: detail.joint.iter().map(|j| j.slug.clone()).collect(),
        contributions: detail
            .contributions
            .iter()
            .filter(|c| !c.c.hidden)
            .map(|c| ApiContribution {
                id: c.c.id,
                kind: c.kind.code().to_owned(),
                text: c.c.body.text(l).to_owned(),
                author: if c.author_is_former {
                    former.clone()
                } else {
                    c.author.clone()
                },
                answer: c.c.answer.as_ref().map(|a| a.text(l).to_owned()),
                helped: c.c.helped,
                practice: c
                    .practice
                    .as_ref()
                    .map(|(id, _)| format!("{base}/practices/{id}")),
                resource: c
                    .resource
                    .as_ref()
                    .map(|(id, _)| format!("{base}/library/{id}")),
                link: c.c.url.clone(),
                created_at: c.c.created_at.to_rfc3339(),
            })
            .collect(),
    }))
}

/// `GET /api/v1/dilemmas.csv|.xlsx`: the public dilemmas, with the list's
/// filters, as a table.
pub(super) async fn dilemmas_download(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    format: Format,
) -> Result<Response, AppError> {
    let f = DilemmaFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let (db, r) = (state.db.read(), &state.directory.reference);
    let cards = whole_list(|pr| rules::list(db, r, None, &f, pr)).await?;
    let base = state.settings.public_url();
    let event = f.event.as_ref().map(|s| s.as_str().to_owned());
    let items: Vec<ApiDilemma> = cards
        .iter()
        .map(|c| {
            api_of(
                &c.d,
                &c.presenter,
                &c.themes,
                event.clone(),
                ctx.locale,
                &base,
            )
        })
        .collect();
    let columns = [
        "id",
        "question",
        "question_lang",
        "status",
        "presenter",
        "city",
        "country",
        "themes",
        "event",
        "opens_at",
        "closes_at",
        "url",
    ];
    let d = Download {
        name: "dilemmas",
        columns: &columns,
        numbers: &[],
        items: &items,
    };
    open_data::respond(format, &d, &ctx, &state.settings)
}

/// The consultations' part of the OpenAPI document.
#[derive(utoipa::OpenApi)]
#[openapi(paths(api_dilemmas, api_dilemma))]
pub(super) struct ApiDoc;
