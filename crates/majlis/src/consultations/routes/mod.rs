//! Consultation pages (`/consultations`), the clinic pages of events
//! (`/events/{slug}/clinics/{session}`), reports as HTML and PDF, and the
//! JSON API (`/api/v1/dilemmas`).

use chrono::Utc;

use super::error::ConsultError;
use super::{ContributionKind, DilemmaStatus, DilemmaVisibility, HelpSought, ParticipantRole};
use crate::app::Routes;
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::web::{AppError, PageCtx};

/// The consultations' part of the API description.
pub fn api_doc() -> utoipa::openapi::OpenApi {
    <api::ApiDoc as utoipa::OpenApi>::openapi()
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/consultations", list::consultations_page)
        .get("/consultations.atom", feed::consultations_feed)
        .get("/consultations/new", form::new_dilemma_page)
        .post("/consultations/new", form::new_dilemma)
        .get("/consultations/moderation", moderation::moderation_page)
        .get("/consultations/{slug}", page::dilemma_page)
        .post("/consultations/{slug}/open", changes::open_dilemma)
        .post("/consultations/{slug}/contribute", changes::contribute)
        .post("/consultations/{slug}/answer", changes::answer)
        .post("/consultations/{slug}/ideas", changes::open_ideas)
        .post("/consultations/{slug}/helped", changes::helped)
        .post("/consultations/{slug}/invite", changes::invite)
        .post("/consultations/{slug}/conclude", changes::conclude)
        .post("/consultations/{slug}/archive", changes::archive)
        .post("/consultations/{slug}/flag", changes::flag)
        .post("/consultations/{slug}/moderate", changes::moderate)
        .get("/events/{slug}/clinics/{session}", clinic::clinic_page)
        .post("/events/{slug}/clinics/{session}", clinic::clinic_action)
        .get(
            "/events/{slug}/clinics/{session}/report",
            report::clinic_report,
        )
        .get(
            "/events/{slug}/clinics/{session}/report.pdf",
            report::clinic_report_pdf,
        )
        .get("/events/{slug}/consultations", report::event_report_page)
        .get("/events/{slug}/consultations.pdf", report::event_report_pdf)
        .get("/api/v1/dilemmas", api::api_dilemmas)
        .get("/api/v1/dilemmas.csv", api::dilemmas_download)
        .get("/api/v1/dilemmas.xlsx", api::dilemmas_download)
        .get("/api/v1/dilemmas/{slug}", api::api_dilemma)
}

impl From<ConsultError> for AppError {
    fn from(e: ConsultError) -> Self {
        match e {
            ConsultError::Forbidden => AppError::Forbidden,
            ConsultError::SecondFactorRequired => AppError::TwoFactorRequired,
            ConsultError::NotFound => AppError::NotFound,
            ConsultError::BadParam(field) => AppError::bad_request(field),
            ConsultError::Invalid(_) => AppError::bad_request("form"),
            ConsultError::Db(e) => e.into(),
        }
    }
}

/// A new one-time key for a contribution form (a double click sends it twice).
pub(super) fn form_key() -> String {
    crate::token::random_token()
}

/// Template helpers shared by the consultation pages.
pub trait ConsultationPage {
    fn ctx(&self) -> &PageCtx;
    fn dir(&self) -> &Directory;
    fn status_label(&self, s: &DilemmaStatus) -> String {
        self.ctx().t(&s.label_id())
    }
    fn visibility_label(&self, v: &DilemmaVisibility) -> String {
        self.ctx().t(&v.label_id())
    }
    fn kind_label(&self, k: &ContributionKind) -> String {
        self.ctx().t(&k.label_id())
    }
    fn help_label(&self, h: &HelpSought) -> String {
        self.ctx().t(&h.label_id())
    }
    fn role_label(&self, r: &ParticipantRole) -> String {
        self.ctx().t(&r.label_id())
    }
    fn country_name(&self, code: &Option<String>) -> String {
        code.as_deref()
            .and_then(|c| self.dir().reference.country(c))
            .map(|c| c.name.text(self.ctx().locale).to_owned())
            .unwrap_or_default()
    }
    fn paragraphs<'a>(&self, t: &'a TrText) -> Vec<&'a str> {
        t.text(self.ctx().locale)
            .split("\n\n")
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
    /// A running dilemma whose closing date has passed takes no more
    /// contributions: pages say so rather than "in discussion · closes …".
    fn contributions_closed(
        &self,
        s: &DilemmaStatus,
        closes: &Option<chrono::DateTime<Utc>>,
    ) -> bool {
        s.is_running() && closes.is_some_and(|c| c <= Utc::now())
    }
    fn date(&self, t: &Option<chrono::DateTime<Utc>>) -> String {
        self.ctx().day_opt(t)
    }
    /// From one day to another, collapsed ("10–12 November 2016").
    fn period(
        &self,
        from: &Option<chrono::DateTime<Utc>>,
        to: &Option<chrono::DateTime<Utc>>,
    ) -> String {
        match (from, to) {
            (Some(a), Some(b)) if a <= b => {
                self.ctx().locale.date_range(a.date_naive(), b.date_naive())
            }
            _ => format!("{} – {}", self.date(from), self.date(to)),
        }
    }
}

macro_rules! consultation_page {
    ($($t:ty),+) => { $(impl ConsultationPage for $t {
        fn ctx(&self) -> &PageCtx { &self.ctx }
        fn dir(&self) -> &Directory { &self.dir }
    })+ };
}

pub(super) fn int(s: &str) -> Option<i32> {
    s.trim().parse::<i32>().ok().filter(|i| *i > 0)
}

/// The language a contribution is written in: the form's `in`, else the reader's.
pub(super) fn writing_lang(raw: &RawForm, ctx: &PageCtx) -> Locale {
    raw.get("in").parse().unwrap_or(ctx.locale)
}

pub use super::lookups::CHOICES;
pub use report::presenter_line;

mod api;
mod changes;
mod clinic;
pub mod feed;
mod form;
mod list;
mod moderation;
mod page;
mod report;
