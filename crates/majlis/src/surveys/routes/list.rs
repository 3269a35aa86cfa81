//! `GET /surveys`: the surveys a person may see, and what they have to answer.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::app::AppState;
use crate::policy::{Action, can};
use crate::surveys::rules::surveys::{self, SurveyCard};
use crate::web::{AppError, PageCtx, Section, render};

#[derive(Template)]
#[template(path = "surveys/templates/surveys.html")]
struct ListPage {
    ctx: PageCtx,
    cards: Vec<SurveyCard>,
    may_manage: bool,
}

impl ListPage {
    fn status(&self, c: &SurveyCard) -> String {
        self.ctx.t(&c.survey.status.label_id())
    }
    fn window(&self, c: &SurveyCard) -> String {
        super::window(
            self.ctx.locale,
            c.survey.row.opens_at,
            c.survey.row.closes_at,
        )
    }
    fn rate(&self, c: &SurveyCard) -> String {
        match majlis_stats::Share::new(c.responded, c.targeted).percent() {
            Some(p) => format!("{p}%"),
            None => "—".to_owned(),
        }
    }
}

/// `GET /surveys` (visitors' pages kept per content version; a submitted
/// response moves it, so the response rates are current).
pub(super) async fn surveys_page(
    State(state): State<AppState>,
    ctx: PageCtx,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Surveys);
    state
        .pages
        .visitor_page(&state.db, &ctx, || async {
            let cards = surveys::list(state.db.read(), ctx.actor()).await?;
            render(&ListPage {
                may_manage: can(ctx.actor(), Action::ManageSurveys),
                cards,
                ctx: ctx.clone(),
            })
        })
        .await
}
