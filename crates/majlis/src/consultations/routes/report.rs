//! Clinic and event reports, as HTML and PDF.

use crate::app::AppState;
use crate::consultations::ContributionKind;
use crate::consultations::clinics::{self, ClinicView, WrapupView};
use crate::consultations::rules::{self, DilemmaDetail};
use crate::directory::service::Directory;
use crate::i18n::TrText;
use crate::web::{AppError, PageCtx, Section, render};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};
use chrono::Utc;
use std::sync::Arc;

use super::ConsultationPage;
use super::clinic::{load_clinic, people_line, session_id};

#[derive(Template)]
#[template(path = "consultations/templates/report.html")]
struct ReportPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    title: String,
    event_slug: String,
    event_title: TrText,
    pdf: String,
    clinics: Vec<ClinicView>,
    closing: Vec<WrapupView>,
    draft: bool,
}
consultation_page!(ReportPage);

impl ReportPage {
    fn people(&self, v: &ClinicView, role: crate::events::SessionRole) -> String {
        people_line(v, role)
    }
    fn practices_of(&self, d: &DilemmaDetail) -> Vec<String> {
        contribution_lines(&self.ctx, d, SHARED)
    }
    fn questions_of(&self, d: &DilemmaDetail) -> Vec<String> {
        contribution_lines(&self.ctx, d, &[ContributionKind::Question])
    }
}

/// What a report lists under "Ideas and practices shared".
pub(super) const SHARED: &[ContributionKind] = &[
    ContributionKind::Idea,
    ContributionKind::Experience,
    ContributionKind::Link,
];

/// The contributions of these kinds, one line each, as reports list them.
pub(super) fn contribution_lines(
    ctx: &PageCtx,
    d: &DilemmaDetail,
    kinds: &[ContributionKind],
) -> Vec<String> {
    d.contributions
        .iter()
        .filter(|c| kinds.contains(&c.kind))
        .map(|c| contribution_line(ctx, c))
        .collect()
}

pub(super) fn contribution_line(ctx: &PageCtx, c: &rules::ContributionView) -> String {
    let mut s = ctx.text(&c.c.body).to_owned();
    if let Some((_, t)) = &c.practice {
        s = format!("{s} ({}: {})", ctx.t("dilemma-field-practice"), ctx.text(t));
    }
    s
}

/// The clinic's report, if the reader may read it: published, or the
/// reader records the clinic (a preview).
pub(super) async fn clinic_for_report(
    state: &AppState,
    ctx: &PageCtx,
    slug: &str,
    session: &str,
) -> Result<ClinicView, AppError> {
    let v = load_clinic(state, ctx, slug, session_id(session)?).await?;
    if v.published() || v.may_record {
        Ok(v)
    } else {
        Err(AppError::NotFound)
    }
}

/// `GET /events/{slug}/clinics/{session}/report`
pub(super) async fn clinic_report(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, session)): Path<(String, String)>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Events);
    let v = clinic_for_report(&state, &ctx, &slug, &session).await?;
    render(&ReportPage {
        dir: state.directory.clone(),
        title: ctx.text(&v.session.session.title).to_owned(),
        event_slug: v.event.event.slug.clone(),
        event_title: v.event.event.title.clone(),
        pdf: format!("/events/{slug}/clinics/{session}/report.pdf"),
        draft: !v.published(),
        clinics: vec![v],
        closing: Vec::new(),
        ctx,
    })
}

/// `GET /events/{slug}/clinics/{session}/report.pdf`
pub(super) async fn clinic_report_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, session)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = clinic_for_report(&state, &ctx, &slug, &session).await?;
    let title = ctx.text(&v.session.session.title).to_owned();
    let event = v.event.event.clone();
    let doc = report_document(&ctx, &event, title, &[v], &[]);
    let bytes = crate::web::pdf::print(doc, |p, d| p.consultation_report(d)).await?;
    Ok(crate::web::pdf::pdf_response(
        bytes,
        &format!("{slug}-clinic-{session}.pdf"),
    ))
}

pub(super) async fn event_report_of(
    state: &AppState,
    ctx: &PageCtx,
    slug: &str,
) -> Result<
    (
        crate::events::rules::EventDetail,
        Vec<ClinicView>,
        Vec<WrapupView>,
    ),
    AppError,
> {
    let (e, clinics, closing) = clinics::event_report(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        ctx.locale,
        slug,
        Utc::now(),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    if clinics.is_empty() {
        return Err(AppError::NotFound);
    }
    Ok((e, clinics, closing))
}

/// `GET /events/{slug}/consultations`: the report of every clinic of the event.
pub(super) async fn event_report_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Events);
    let (e, clinics, closing) = event_report_of(&state, &ctx, &slug).await?;
    render(&ReportPage {
        dir: state.directory.clone(),
        title: ctx.t1(
            "consultation-report-of",
            "event",
            e.event.title.text(ctx.locale).to_owned(),
        ),
        event_slug: e.event.slug.clone(),
        event_title: e.event.title.clone(),
        pdf: format!("/events/{slug}/consultations.pdf"),
        draft: clinics.iter().any(|c| !c.published()),
        clinics,
        closing,
        ctx,
    })
}

/// `GET /events/{slug}/consultations.pdf`
pub(super) async fn event_report_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let (e, clinics, closing) = event_report_of(&state, &ctx, &slug).await?;
    let title = ctx.t1(
        "consultation-report-of",
        "event",
        e.event.title.text(ctx.locale).to_owned(),
    );
    let doc = report_document(&ctx, &e.event, title, &clinics, &closing);
    let bytes = crate::web::pdf::print(doc, |p, d| p.consultation_report(d)).await?;
    Ok(crate::web::pdf::pdf_response(
        bytes,
        &format!("{slug}-consultations.pdf"),
    ))
}

/// The print crate's input: per clinic its people, then each dilemma with
/// its information, the open questions, the ideas and practices and the
/// result, then the wrap-ups.
pub(super) fn report_document(
    ctx: &PageCtx,
    e: &crate::events::entities::event::Model,
    title: String,
    clinics: &[ClinicView],
    closing: &[WrapupView],
) -> majlis_print::ConsultationReport {
    use majlis_print::ReportSession;
    let t = |id: &str| ctx.t(id);
    let mut sessions: Vec<ReportSession> = clinics.iter().map(|v| report_session(ctx, v)).collect();
    if !closing.is_empty() {
        sessions.push(ReportSession {
            title: t("consultation-wrapup-session"),
            people: Vec::new(),
            summary: String::new(),
            dilemmas: Vec::new(),
            wrapup_heading: t("consultation-wrapup"),
            wrapups: report_wrapups(ctx, closing),
        });
    }
    majlis_print::ConsultationReport {
        lang: ctx.lang().to_owned(),
        title,
        subtitle: Some(e.title.text(ctx.locale).to_owned()),
        introduction: String::new(),
        contents_label: t("compendium-contents"),
        sessions,
        footer: Some(format!("Majlis · {}", e.title.text(ctx.locale))),
    }
}

/// One clinic in the printed report: its people, summary, dilemmas and wrap-ups.
fn report_session(ctx: &PageCtx, v: &ClinicView) -> majlis_print::ReportSession {
    use crate::events::SessionRole;
    use majlis_print::{Fact, ReportSession};
    ReportSession {
        title: ctx.text(&v.session.session.title).to_owned(),
        people: [
            (SessionRole::Facilitator, "session-role-facilitator"),
            (SessionRole::Expert, "session-role-expert"),
            (SessionRole::Rapporteur, "session-role-rapporteur"),
        ]
        .into_iter()
        .map(|(r, id)| Fact {
            label: ctx.t(id),
            value: people_line(v, r),
        })
        .collect(),
        summary: v
            .clinic
            .as_ref()
            .and_then(|c| c.summary.as_ref())
            .map(|s| ctx.text(s).to_owned())
            .unwrap_or_default(),
        dilemmas: v
            .dilemmas
            .iter()
            .enumerate()
            .map(|(i, d)| report_dilemma(ctx, i, d))
            .collect(),
        wrapup_heading: ctx.t("consultation-wrapup"),
        wrapups: report_wrapups(ctx, &v.wrapups),
    }
}

/// The `i`th dilemma of a clinic in the printed report.
fn report_dilemma(ctx: &PageCtx, i: usize, d: &DilemmaDetail) -> majlis_print::ReportDilemma {
    use majlis_print::{ReportDilemma, Section as PSection};
    let t = |id: &str| ctx.t(id);
    let shown = d.d.question.show(ctx.locale);
    let list = |kinds: &[ContributionKind]| {
        contribution_lines(ctx, d, kinds)
            .iter()
            .map(|l| format!("• {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let text = |x: Option<&TrText>| x.map(|x| ctx.text(x).to_owned()).unwrap_or_default();
    ReportDilemma {
        lang: shown.locale.code().to_owned(),
        label: ctx.t1("consultation-question-n", "n", (i + 1) as i64),
        question: shown.text.to_owned(),
        presenter: presenter_line(ctx, d),
        sections: vec![
            PSection {
                heading: t("dilemma-field-information"),
                text: text(d.d.information.as_ref()),
            },
            PSection {
                heading: t("consultation-open-questions"),
                text: list(&[ContributionKind::Question]),
            },
            PSection {
                heading: t("consultation-ideas-shared"),
                text: list(SHARED),
            },
            PSection {
                heading: t("dilemma-field-result"),
                text: text(d.result.as_ref()),
            },
        ],
    }
}

fn report_wrapups(ctx: &PageCtx, wrapups: &[WrapupView]) -> Vec<majlis_print::Wrapup> {
    wrapups
        .iter()
        .map(|w| majlis_print::Wrapup {
            author: w.author.clone(),
            text: ctx.text(&w.w.body).to_owned(),
        })
        .collect()
}

/// "Name, affiliation (country)" as the report gives a presenter.
pub fn presenter_line(ctx: &PageCtx, d: &DilemmaDetail) -> String {
    let mut s = d.presenter.clone();
    let org = d
        .municipality
        .as_ref()
        .map(|m| ctx.text(&m.name).to_owned())
        .or_else(|| {
            d.organisation
                .as_ref()
                .map(|o| ctx.text(&o.name).to_owned())
        })
        .or_else(|| d.d.affiliation.clone());
    if let Some(o) = org.filter(|o| !o.is_empty()) {
        if s.is_empty() {
            s = o;
        } else {
            s = format!("{s}, {o}");
        }
    }
    if let Some(c) = &d.d.country_code {
        s = format!("{s} ({c})");
    }
    s
}
