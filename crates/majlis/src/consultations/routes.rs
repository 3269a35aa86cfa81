//! Consultation pages (`/consultations`), the clinic pages of events
//! (`/events/{slug}/clinics/{session}`), reports as HTML and PDF, and the
//! JSON API (`/api/v1/dilemmas`).

use askama::Template;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::Utc;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use serde::Serialize;

use super::clinics::{self, ClinicView, WrapupView};
use super::entities::{contribution, contribution_report, dilemma};
use super::error::ConsultError;
use super::online::{self, Stored};
use super::rules::{self, DilemmaCard, DilemmaDetail, DilemmaFilter, Suggestion};
use super::{ContributionKind, DilemmaStatus, DilemmaVisibility, HelpSought, ParticipantRole};
use crate::accounts::policy::{Action, Coordinator, can};
use crate::accounts::web::{ClientInfo, CsrfForm, RequireRole, RequireSignedIn, origin_of};
use crate::directory::entities::{country, theme};
use crate::directory::rules::{Page, PageRequest};
use crate::directory::service::Directory;
use crate::i18n::{Locale, TrText};
use crate::library::entities::{practice, practice_theme, resource, resource_theme};
use crate::library::practices::{FieldError, RawForm};
use crate::library::{PracticeStatus, visible_codes};
use crate::web::routes::Routes;
use crate::web::{AppError, AppState, PageCtx, Params, Section, redirect, render};
use std::sync::Arc;

pub fn routes() -> Routes {
    Routes::new()
        .get("/consultations", consultations_page)
        .get("/consultations/new", new_dilemma_page)
        .post("/consultations/new", new_dilemma)
        .get("/consultations/moderation", moderation_page)
        .get("/consultations/{slug}", dilemma_page)
        .post("/consultations/{slug}/open", open_dilemma)
        .post("/consultations/{slug}/contribute", contribute)
        .post("/consultations/{slug}/answer", answer)
        .post("/consultations/{slug}/ideas", open_ideas)
        .post("/consultations/{slug}/helped", helped)
        .post("/consultations/{slug}/invite", invite)
        .post("/consultations/{slug}/conclude", conclude)
        .post("/consultations/{slug}/archive", archive)
        .post("/consultations/{slug}/flag", flag)
        .post("/consultations/{slug}/moderate", moderate)
        .get("/events/{slug}/clinics/{session}", clinic_page)
        .post("/events/{slug}/clinics/{session}", clinic_action)
        .get("/events/{slug}/clinics/{session}/report", clinic_report)
        .get(
            "/events/{slug}/clinics/{session}/report.pdf",
            clinic_report_pdf,
        )
        .get("/events/{slug}/consultations", event_report_page)
        .get("/events/{slug}/consultations.pdf", event_report_pdf)
        .get("/api/v1/dilemmas", api_dilemmas)
        .get("/api/v1/dilemmas/{slug}", api_dilemma)
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
fn form_key() -> String {
    crate::accounts::signin::random_token()
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
    fn date(&self, t: &Option<chrono::DateTime<Utc>>) -> String {
        t.map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    }
}

macro_rules! consultation_page {
    ($($t:ty),+) => { $(impl ConsultationPage for $t {
        fn ctx(&self) -> &PageCtx { &self.ctx }
        fn dir(&self) -> &Directory { &self.dir }
    })+ };
}

// ------------------------------------------------------------------- the list

#[derive(Template)]
#[template(path = "consultations/templates/consultations.html")]
struct ListPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    page: Page<DilemmaCard>,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    statuses: &'static [DilemmaStatus],
    may_create: bool,
}
consultation_page!(ListPage);

/// `GET /consultations`
async fn consultations_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    let f = DilemmaFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let pr = PageRequest::parse(params.get("page"), params.get("per_page"))?;
    let page = rules::list(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        &f,
        pr,
    )
    .await?;
    let mut countries: Vec<country::Model> = state
        .directory
        .reference
        .countries()
        .filter(|c| {
            page.items
                .iter()
                .any(|d| d.d.country_code.as_deref() == Some(c.code.as_str()))
                || params.get("country") == Some(c.code.as_str())
        })
        .cloned()
        .collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    render(&ListPage {
        dir: state.directory.clone(),
        may_create: can(ctx.actor(), Action::CreateDilemma),
        themes: state.directory.reference.themes().to_vec(),
        countries,
        statuses: DilemmaStatus::ALL,
        page,
        ctx,
    })
}

// ------------------------------------------------------------- a new dilemma

#[derive(Template)]
#[template(path = "consultations/templates/dilemma_form.html")]
struct FormPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    lang: Locale,
    themes: Vec<theme::Model>,
    countries: Vec<country::Model>,
    municipalities: Vec<(i32, String)>,
    helps: &'static [HelpSought],
    visibilities: &'static [DilemmaVisibility],
    form: RawForm,
    errors: Vec<FieldError>,
}
consultation_page!(FormPage);

impl FormPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn chosen(&self, name: &str, v: &str) -> bool {
        self.form.all(name).any(|x| x == v)
    }
    fn field_label(&self, f: &str) -> String {
        self.ctx.t(&format!("dilemma-field-{f}"))
    }
}

/// Municipalities the writer may present a dilemma for: their own
/// affiliations, or any for staff.
async fn municipality_choices(
    state: &AppState,
    ctx: &PageCtx,
    me: &crate::accounts::signin::SignedIn,
) -> Result<Vec<(i32, String)>, AppError> {
    use crate::directory::entities::municipality;
    let staff = me.actor().is_staff();
    let own: Vec<i32> = me
        .affiliations
        .iter()
        .filter_map(|a| a.municipality_id)
        .collect();
    let mut q = municipality::Entity::find();
    if !staff {
        q = q.filter(municipality::Column::Id.is_in(own));
    }
    let mut out: Vec<(i32, String)> = q
        .all(state.db.read())
        .await?
        .into_iter()
        .map(|m| (m.id, m.name.text(ctx.locale).to_owned()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

async fn show_form(
    state: &AppState,
    ctx: PageCtx,
    me: &crate::accounts::signin::SignedIn,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    let mut countries: Vec<country::Model> =
        state.directory.reference.countries().cloned().collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = FormPage {
        dir: state.directory.clone(),
        lang: ctx.locale,
        themes: state.directory.reference.themes().to_vec(),
        countries,
        municipalities: municipality_choices(state, &ctx, me).await?,
        helps: HelpSought::ALL,
        visibilities: DilemmaVisibility::ALL,
        form,
        errors,
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /consultations/new`
async fn new_dilemma_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
) -> Result<Response, AppError> {
    let muni = me
        .affiliations
        .iter()
        .find_map(|a| a.municipality_id)
        .map(|m| m.to_string())
        .unwrap_or_default();
    let form = RawForm(vec![
        (
            "visibility".into(),
            DilemmaVisibility::Members.code().into(),
        ),
        ("period".into(), "14".into()),
        ("municipality".into(), muni),
    ]);
    show_form(&state, ctx, &me, form, Vec::new()).await
}

/// `POST /consultations/new`: saved as a draft, which its presenter opens.
async fn new_dilemma(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let raw = RawForm(pairs);
    let themes: Vec<i32> = state
        .directory
        .reference
        .themes()
        .iter()
        .map(|t| t.id)
        .collect();
    let countries: Vec<String> = state
        .directory
        .reference
        .countries()
        .map(|c| c.code.clone())
        .collect();
    let municipalities: Vec<i32> = municipality_choices(&state, &ctx, &me)
        .await?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let known = online::Known {
        themes: &themes,
        countries: &countries,
        municipalities: &municipalities,
    };
    match online::parse_dilemma(&raw, ctx.locale, &known) {
        Ok(input) => {
            let slug = online::create(
                &state.db,
                &origin_of(&me, &client),
                &me.actor(),
                input,
                Utc::now(),
            )
            .await?;
            Ok(redirect(format!("/consultations/{slug}"), &ctx))
        }
        Err(errors) => show_form(&state, ctx, &me, raw, errors).await,
    }
}

// ------------------------------------------------------------ the dilemma page

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
    related: Vec<crate::search::routes::Item>,
    form: RawForm,
    errors: Vec<FieldError>,
    key: String,
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

/// Most practices, and most documents, a contribution form lists.
pub const CHOICES: u64 = 50;

/// What a contribution form lists to link: published practices and the
/// documents the reader may see, at most [`CHOICES`] of each, those on one
/// of `themes` first (a form stays small however large the library grows;
/// anything else can be shared by its address). Two queries.
async fn choices(
    state: &AppState,
    ctx: &PageCtx,
    themes: &[i32],
) -> Result<(Vec<(i32, String)>, Vec<(i32, String)>), AppError> {
    use sea_orm::Order;
    use sea_orm::sea_query::Query;
    let db = state.db.read();
    let practice_on_theme = practice::Column::Id.in_subquery(
        Query::select()
            .column(practice_theme::Column::PracticeId)
            .from(practice_theme::Entity)
            .and_where(practice_theme::Column::ThemeId.is_in(themes.to_vec()))
            .to_owned(),
    );
    let practices = practice::Entity::find()
        .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
        .order_by(practice_on_theme, Order::Desc)
        .order_by_asc(practice::Column::Slug)
        .limit(CHOICES)
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p.title.text(ctx.locale).to_owned()))
        .collect();
    let resource_on_theme = resource::Column::Id.in_subquery(
        Query::select()
            .column(resource_theme::Column::ResourceId)
            .from(resource_theme::Entity)
            .and_where(resource_theme::Column::ThemeId.is_in(themes.to_vec()))
            .to_owned(),
    );
    let resources = resource::Entity::find()
        .filter(resource::Column::Visibility.is_in(visible_codes(ctx.actor())))
        .order_by(resource_on_theme, Order::Desc)
        .order_by_asc(resource::Column::Id)
        .limit(CHOICES)
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.title.text(ctx.locale).to_owned()))
        .collect();
    Ok((practices, resources))
}

/// The practice and the document a contribution form names, when they
/// exist and the reader may link them (a published practice, a document
/// they may see): each a list of at most one id, for
/// [`online::parse_contribution`] to check the form against.
async fn chosen(
    state: &AppState,
    ctx: &PageCtx,
    raw: &RawForm,
) -> Result<(Vec<i32>, Vec<i32>), AppError> {
    let db = state.db.read();
    let practices = match raw.get("practice").trim().parse::<i32>() {
        Ok(id) => {
            practice::Entity::find_by_id(id)
                .filter(practice::Column::Status.eq(PracticeStatus::Published.code()))
                .select_only()
                .column(practice::Column::Id)
                .into_tuple::<i32>()
                .all(db)
                .await?
        }
        Err(_) => Vec::new(),
    };
    let resources = match raw.get("resource").trim().parse::<i32>() {
        Ok(id) => {
            resource::Entity::find_by_id(id)
                .filter(resource::Column::Visibility.is_in(visible_codes(ctx.actor())))
                .select_only()
                .column(resource::Column::Id)
                .into_tuple::<i32>()
                .all(db)
                .await?
        }
        Err(_) => Vec::new(),
    };
    Ok((practices, resources))
}

async fn show_dilemma(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    let now = Utc::now();
    let db = state.db.read();
    let (d, r) = rules::find(db, ctx.actor(), slug, now)
        .await?
        .ok_or(AppError::NotFound)?;
    let detail = rules::detail(db, &state.directory.reference, ctx.actor(), d, r).await?;
    let actor = ctx.actor();
    let may_lead = can(actor, Action::LeadDilemma(r));
    let suggestions = if may_lead && detail.status != DilemmaStatus::Archived {
        let related = crate::search::routes::related_ids(
            state,
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
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = DilemmaPage {
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
        related: crate::search::routes::related(state, &ctx, &format!("dilemma:{}", detail.d.id)),
        d: detail,
        form,
        errors,
        key: form_key(),
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /consultations/{slug}`
async fn dilemma_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    show_dilemma(&state, ctx, &slug, RawForm::default(), Vec::new()).await
}

/// What every change to a dilemma starts from: a signed-in person (401
/// otherwise), the form with its anti-forgery token (403 otherwise), and the
/// dilemma of the path, if that person may read it (404 otherwise).
struct Change {
    origin: crate::audit::Origin,
    actor: crate::accounts::policy::Actor,
    slug: String,
    d: dilemma::Model,
    raw: RawForm,
}

impl axum::extract::FromRequest<AppState> for Change {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &AppState) -> Result<Self, AppError> {
        use axum::extract::FromRequestParts;
        let (mut parts, body) = req.into_parts();
        let RequireSignedIn(me) = RequireSignedIn::from_request_parts(&mut parts, state).await?;
        let Ok(ClientInfo(client)) = ClientInfo::from_request_parts(&mut parts, state).await;
        let Path(slug) = Path::<String>::from_request_parts(&mut parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        let req = axum::extract::Request::from_parts(parts, body);
        let CsrfForm(pairs) = CsrfForm::<Vec<(String, String)>>::from_request(req, state).await?;
        let actor = me.actor();
        let d = rules::find(state.db.read(), Some(&actor), &slug, Utc::now())
            .await?
            .map(|(d, _)| d)
            .ok_or(AppError::NotFound)?;
        Ok(Change {
            origin: origin_of(&me, &client),
            actor,
            slug,
            d,
            raw: RawForm(pairs),
        })
    }
}

impl Change {
    /// The contribution the form names (`contribution`).
    fn contribution(&self) -> Result<i32, AppError> {
        int(self.raw.get("contribution")).ok_or_else(|| AppError::bad_request("contribution"))
    }
}

/// After a change: back to the page, or the page again with what was typed
/// and what is wrong.
async fn after(
    state: &AppState,
    ctx: PageCtx,
    slug: &str,
    anchor: &str,
    raw: RawForm,
    res: Result<(), ConsultError>,
) -> Result<Response, AppError> {
    match res {
        Ok(()) => Ok(redirect(format!("/consultations/{slug}#{anchor}"), &ctx)),
        Err(ConsultError::Invalid(errors)) => show_dilemma(state, ctx, slug, raw, errors).await,
        Err(e) => Err(e.into()),
    }
}

fn int(s: &str) -> Option<i32> {
    s.trim().parse::<i32>().ok().filter(|i| *i > 0)
}

/// The language a contribution is written in: the form's `in`, else the reader's.
fn writing_lang(raw: &RawForm, ctx: &PageCtx) -> Locale {
    raw.get("in").parse().unwrap_or(ctx.locale)
}

/// `POST /consultations/{slug}/open`
async fn open_dilemma(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let res = online::open(&state.db, &c.origin, &c.actor, c.d.id, Utc::now()).await;
    after(&state, ctx, &c.slug, "status", c.raw, res).await
}

/// `POST /consultations/{slug}/contribute`
async fn contribute(
    State(state): State<AppState>,
    ctx: PageCtx,
    mut c: Change,
) -> Result<Response, AppError> {
    // A library page pasted as the address is linked as if chosen from the
    // lists, when the reader may link it; otherwise it stays an address.
    let mut ids = None;
    if c.raw.get("practice").is_empty()
        && c.raw.get("resource").is_empty()
        && let Some((field, id)) =
            online::library_link(c.raw.get("url"), &state.settings.public_url())
    {
        let mut linked = c.raw.clone();
        linked.0.retain(|(k, _)| k != "url" && k != field);
        linked.0.push((field.to_owned(), id.to_string()));
        let found = chosen(&state, &ctx, &linked).await?;
        if !found.0.is_empty() || !found.1.is_empty() {
            c.raw = linked;
            ids = Some(found);
        }
    }
    let (p, r) = match ids {
        Some(ids) => ids,
        None => chosen(&state, &ctx, &c.raw).await?,
    };
    let input = match online::parse_contribution(&c.raw, writing_lang(&c.raw, &ctx), &p, &r) {
        Ok(i) => i,
        Err(errors) => return show_dilemma(&state, ctx, &c.slug, c.raw, errors).await,
    };
    let res = online::contribute(
        &state.db,
        &c.origin,
        &c.actor,
        c.d.id,
        input,
        false,
        Utc::now(),
    )
    .await;
    match res {
        Ok(Stored::New(id) | Stored::Again(id)) => {
            Ok(redirect(format!("/consultations/{}#c-{id}", c.slug), &ctx))
        }
        Err(e) => after(&state, ctx, &c.slug, "contribute", c.raw, Err(e)).await,
    }
}

/// `POST /consultations/{slug}/answer` (the presenter)
async fn answer(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let cid = c.contribution()?;
    let text = (writing_lang(&c.raw, &ctx), c.raw.get("answer"));
    let res = online::answer(
        &state.db,
        &c.origin,
        &c.actor,
        c.d.id,
        cid,
        text,
        Utc::now(),
    )
    .await;
    after(&state, ctx, &c.slug, &format!("c-{cid}"), c.raw, res).await
}

/// `POST /consultations/{slug}/ideas` (the presenter): the second phase.
async fn open_ideas(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let res = online::open_ideas(&state.db, &c.origin, &c.actor, c.d.id, Utc::now()).await;
    after(&state, ctx, &c.slug, "status", c.raw, res).await
}

/// `POST /consultations/{slug}/helped` (the presenter)
async fn helped(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let cid = c.contribution()?;
    let yes = c.raw.get("helped") == "yes";
    let res =
        online::mark_helped(&state.db, &c.origin, &c.actor, c.d.id, cid, yes, Utc::now()).await;
    after(&state, ctx, &c.slug, &format!("c-{cid}"), c.raw, res).await
}

/// `POST /consultations/{slug}/invite` (the presenter, staff)
async fn invite(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let mut people = Vec::new();
    for p in c.raw.all("person") {
        people.push(int(p).ok_or_else(|| AppError::bad_request("person"))?);
    }
    let role = match c.raw.get("role") {
        "" => ParticipantRole::Invited,
        r => ParticipantRole::from_code(r).ok_or_else(|| AppError::bad_request("role"))?,
    };
    let res = online::invite(
        &state.db,
        &c.origin,
        &c.actor,
        c.d.id,
        (&people, role),
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    .map(|_| ());
    after(&state, ctx, &c.slug, "participants", c.raw, res).await
}

/// `POST /consultations/{slug}/conclude` (the presenter, a rapporteur, staff)
async fn conclude(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let lang = writing_lang(&c.raw, &ctx);
    let text = c.raw.get("result");
    let res = online::conclude(
        &state.db,
        &c.origin,
        &c.actor,
        c.d.id,
        lang,
        text,
        Utc::now(),
    )
    .await;
    after(&state, ctx, &c.slug, "result", c.raw, res).await
}

/// `POST /consultations/{slug}/archive` (coordinators)
async fn archive(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let res = online::archive(&state.db, &c.origin, &c.actor, c.d.id, Utc::now()).await;
    after(&state, ctx, &c.slug, "status", c.raw, res).await
}

/// `POST /consultations/{slug}/flag`: report a contribution to the moderators.
async fn flag(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let cid = c.contribution()?;
    let res = online::report(
        &state.db,
        &c.actor,
        c.d.id,
        cid,
        c.raw.get("reason"),
        Utc::now(),
    )
    .await;
    after(&state, ctx, &c.slug, &format!("c-{cid}"), c.raw, res).await
}

/// `POST /consultations/{slug}/moderate` (coordinators): hide or restore.
async fn moderate(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { .. }: RequireRole<Coordinator>,
    c: Change,
) -> Result<Response, AppError> {
    let cid = c.contribution()?;
    let hide = match c.raw.get("action") {
        "hide" => true,
        "restore" => false,
        _ => return Err(AppError::bad_request("action")),
    };
    let res = online::moderate(
        &state.db,
        &c.origin,
        &c.actor,
        (c.d.id, cid),
        hide,
        c.raw.get("reason"),
        Utc::now(),
    )
    .await;
    let back = if c.raw.get("from") == "queue" {
        "/consultations/moderation".to_owned()
    } else {
        format!("/consultations/{}#c-{cid}", c.slug)
    };
    match res {
        Ok(()) => Ok(redirect(back, &ctx)),
        Err(ConsultError::Invalid(errors)) => {
            show_dilemma(&state, ctx, &c.slug, c.raw, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- moderation

/// A reported contribution in the coordinators' queue.
pub struct Flagged {
    pub c: contribution::Model,
    pub dilemma: dilemma::Model,
    pub reasons: Vec<String>,
}

#[derive(Template)]
#[template(path = "consultations/templates/moderation.html")]
struct ModerationPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    items: Vec<Flagged>,
}
consultation_page!(ModerationPage);

/// `GET /consultations/moderation` (coordinators): contributions with open reports.
async fn moderation_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { .. }: RequireRole<Coordinator>,
) -> Result<Html<String>, AppError> {
    let ctx = ctx.with_section(Section::Consultations);
    let db = state.db.read();
    let reports = contribution_report::Entity::find()
        .filter(contribution_report::Column::HandledAt.is_null())
        .order_by_asc(contribution_report::Column::Id)
        .limit(500)
        .all(db)
        .await?;
    let ids: Vec<i32> = reports.iter().map(|r| r.contribution_id).collect();
    let contributions = contribution::Entity::find()
        .filter(contribution::Column::Id.is_in(ids))
        .all(db)
        .await?;
    let dilemmas = dilemma::Entity::find()
        .filter(
            dilemma::Column::Id.is_in(
                contributions
                    .iter()
                    .map(|c| c.dilemma_id)
                    .collect::<Vec<_>>(),
            ),
        )
        .all(db)
        .await?;
    let items = contributions
        .into_iter()
        .filter_map(|c| {
            let dilemma = dilemmas.iter().find(|d| d.id == c.dilemma_id)?.clone();
            let reasons = reports
                .iter()
                .filter(|r| r.contribution_id == c.id)
                .map(|r| r.reason.clone())
                .collect();
            Some(Flagged {
                c,
                dilemma,
                reasons,
            })
        })
        .collect();
    render(&ModerationPage {
        dir: state.directory.clone(),
        ctx,
        items,
    })
}

// ------------------------------------------------------------------- clinics

#[derive(Template)]
#[template(path = "consultations/templates/clinic.html")]
struct ClinicPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    v: ClinicView,
    countries: Vec<country::Model>,
    practices: Vec<(i32, String)>,
    form: RawForm,
    errors: Vec<FieldError>,
    key: String,
}
consultation_page!(ClinicPage);

impl ClinicPage {
    fn value(&self, name: &str) -> &str {
        self.form.get(name)
    }
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn field_label(&self, f: &str) -> String {
        self.ctx
            .t(&format!("dilemma-field-{}", f.replace('_', "-")))
    }
    fn people(&self, role: crate::events::SessionRole) -> String {
        people_line(&self.v, role)
    }
}

fn people_line(v: &ClinicView, role: crate::events::SessionRole) -> String {
    v.session
        .in_role(&role)
        .iter()
        .map(|p| match &p.affiliation {
            Some(a) if !a.is_empty() => format!("{}, {a}", p.name),
            _ => p.name.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn session_id(s: &str) -> Result<i32, AppError> {
    int(s).ok_or(AppError::NotFound)
}

async fn load_clinic(
    state: &AppState,
    ctx: &PageCtx,
    slug: &str,
    session: i32,
) -> Result<ClinicView, AppError> {
    clinics::clinic_view(
        state.db.read(),
        &state.directory.reference,
        ctx.actor(),
        ctx.locale,
        slug,
        session,
        Utc::now(),
    )
    .await?
    .ok_or(AppError::NotFound)
}

async fn show_clinic(
    state: &AppState,
    ctx: PageCtx,
    v: ClinicView,
    form: RawForm,
    errors: Vec<FieldError>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Events);
    let mut countries: Vec<country::Model> =
        state.directory.reference.countries().cloned().collect();
    countries.sort_by(|a, b| a.name.text(ctx.locale).cmp(b.name.text(ctx.locale)));
    let practices = if v.may_record {
        let themes: Vec<i32> = v
            .dilemmas
            .iter()
            .flat_map(|d| d.themes.iter().map(|t| t.id))
            .collect();
        choices(state, &ctx, &themes).await?.0
    } else {
        Vec::new()
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let page = ClinicPage {
        dir: state.directory.clone(),
        v,
        countries,
        practices,
        form,
        errors,
        key: form_key(),
        ctx,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}/clinics/{session}`: the clinic as the rapporteur
/// records it (and as participants follow it).
async fn clinic_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, session)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = load_clinic(&state, &ctx, &slug, session_id(&session)?).await?;
    show_clinic(&state, ctx, v, RawForm::default(), Vec::new()).await
}

/// `POST /events/{slug}/clinics/{session}`: `action` is `queue` (a new
/// dilemma), `record` (a question, idea or practice said), `result`,
/// `joint` (discussed together with another), `wrapup`, `publish` or `withdraw`.
async fn clinic_action(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, session)): Path<(String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let sid = session_id(&session)?;
    let v = load_clinic(&state, &ctx, &slug, sid).await?;
    let raw = RawForm(pairs);
    let origin = origin_of(&me, &client);
    let actor = me.actor();
    let now = Utc::now();
    let lang = writing_lang(&raw, &ctx);
    let back = format!("/events/{slug}/clinics/{sid}");
    let res: Result<String, ConsultError> = match raw.get("action") {
        "queue" => {
            let countries: Vec<String> = state
                .directory
                .reference
                .countries()
                .map(|c| c.code.clone())
                .collect();
            match clinics::parse_queued(&raw, lang, &countries) {
                Ok(q) => clinics::queue_dilemma(&state.db, &origin, &v, q, now)
                    .await
                    .map(|_| "queue".to_owned()),
                Err(errors) => Err(ConsultError::Invalid(errors)),
            }
        }
        "record" => {
            v.record?;
            let id = int(raw.get("dilemma")).ok_or_else(|| AppError::bad_request("dilemma"))?;
            clinics::queued(&v, id)?;
            let (p, _) = chosen(&state, &ctx, &raw).await?;
            match online::parse_contribution(&raw, lang, &p, &[]) {
                Ok(input) => online::contribute(&state.db, &origin, &actor, id, input, true, now)
                    .await
                    .map(|_| format!("d-{id}")),
                Err(errors) => Err(ConsultError::Invalid(errors)),
            }
        }
        "result" => {
            let id = int(raw.get("dilemma")).ok_or_else(|| AppError::bad_request("dilemma"))?;
            clinics::record_result(&state.db, &origin, &v, id, lang, raw.get("result"), now)
                .await
                .map(|_| format!("d-{id}"))
        }
        "joint" => {
            let id = int(raw.get("dilemma")).ok_or_else(|| AppError::bad_request("dilemma"))?;
            let with = match raw.get("with") {
                "" => None,
                w => Some(int(w).ok_or_else(|| AppError::bad_request("with"))?),
            };
            clinics::join(&state.db, &origin, &v, id, with, now)
                .await
                .map(|_| format!("d-{id}"))
        }
        "wrapup" => clinics::add_wrapup(
            &state.db,
            &origin,
            &v,
            raw.get("author"),
            lang,
            raw.get("wrapup"),
            now,
        )
        .await
        .map(|_| "wrapups".to_owned()),
        "publish" | "withdraw" => {
            clinics::publish(&state.db, &origin, &v, raw.get("action") == "publish", now)
                .await
                .map(|_| "report".to_owned())
        }
        _ => return Err(AppError::bad_request("action")),
    };
    match res {
        Ok(anchor) => Ok(redirect(format!("{back}#{anchor}"), &ctx)),
        Err(ConsultError::Invalid(errors)) => {
            let v = load_clinic(&state, &ctx, &slug, sid).await?;
            show_clinic(&state, ctx, v, raw, errors).await
        }
        Err(e) => Err(e.into()),
    }
}

// ------------------------------------------------------------------- reports

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
const SHARED: &[ContributionKind] = &[
    ContributionKind::Idea,
    ContributionKind::Experience,
    ContributionKind::Link,
];

/// The contributions of these kinds, one line each, as reports list them.
fn contribution_lines(ctx: &PageCtx, d: &DilemmaDetail, kinds: &[ContributionKind]) -> Vec<String> {
    d.contributions
        .iter()
        .filter(|c| kinds.contains(&c.kind))
        .map(|c| contribution_line(ctx, c))
        .collect()
}

fn contribution_line(ctx: &PageCtx, c: &rules::ContributionView) -> String {
    let mut s = ctx.text(&c.c.body).to_owned();
    if let Some((_, t)) = &c.practice {
        s = format!("{s} ({}: {})", ctx.t("dilemma-field-practice"), ctx.text(t));
    }
    s
}

/// The clinic's report, if the reader may read it: published, or the
/// reader records the clinic (a preview).
async fn clinic_for_report(
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
async fn clinic_report(
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
async fn clinic_report_pdf(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((slug, session)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let v = clinic_for_report(&state, &ctx, &slug, &session).await?;
    let title = ctx.text(&v.session.session.title).to_owned();
    let event = v.event.event.clone();
    let doc = report_document(&ctx, &event, title, &[v], &[]);
    let bytes = crate::library::routes::print(doc, |p, d| p.consultation_report(d)).await?;
    Ok(crate::library::routes::pdf_response(
        bytes,
        &format!("{slug}-clinic-{session}.pdf"),
    ))
}

async fn event_report_of(
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
async fn event_report_page(
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
async fn event_report_pdf(
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
    let bytes = crate::library::routes::print(doc, |p, d| p.consultation_report(d)).await?;
    Ok(crate::library::routes::pdf_response(
        bytes,
        &format!("{slug}-consultations.pdf"),
    ))
}

/// The print crate's input: per clinic its people, then each dilemma with
/// its information, the open questions, the ideas and practices and the
/// result, then the wrap-ups.
fn report_document(
    ctx: &PageCtx,
    e: &crate::events::entities::event::Model,
    title: String,
    clinics: &[ClinicView],
    closing: &[WrapupView],
) -> majlis_print::ConsultationReport {
    use crate::events::SessionRole;
    use majlis_print::{Fact, ReportDilemma, ReportSession, Section as PSection, Wrapup};
    let t = |id: &str| ctx.t(id);
    let mut sessions: Vec<ReportSession> = clinics
        .iter()
        .map(|v| ReportSession {
            title: ctx.text(&v.session.session.title).to_owned(),
            people: [
                (SessionRole::Facilitator, "session-role-facilitator"),
                (SessionRole::Expert, "session-role-expert"),
                (SessionRole::Rapporteur, "session-role-rapporteur"),
            ]
            .into_iter()
            .map(|(r, id)| Fact {
                label: t(id),
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
                .map(|(i, d)| {
                    let shown = d.d.question.show(ctx.locale);
                    let list = |kinds: &[ContributionKind]| {
                        contribution_lines(ctx, d, kinds)
                            .iter()
                            .map(|l| format!("• {l}"))
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    ReportDilemma {
                        lang: shown.locale.code().to_owned(),
                        label: ctx.t1("consultation-question-n", "n", (i + 1) as i64),
                        question: shown.text.to_owned(),
                        presenter: presenter_line(ctx, d),
                        sections: vec![
                            PSection {
                                heading: t("dilemma-field-information"),
                                text: d
                                    .d
                                    .information
                                    .as_ref()
                                    .map(|x| ctx.text(x).to_owned())
                                    .unwrap_or_default(),
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
                                text: d
                                    .result
                                    .as_ref()
                                    .map(|x| ctx.text(x).to_owned())
                                    .unwrap_or_default(),
                            },
                        ],
                    }
                })
                .collect(),
            wrapup_heading: t("consultation-wrapup"),
            wrapups: v
                .wrapups
                .iter()
                .map(|w| Wrapup {
                    author: w.author.clone(),
                    text: ctx.text(&w.w.body).to_owned(),
                })
                .collect(),
        })
        .collect();
    if !closing.is_empty() {
        sessions.push(ReportSession {
            title: t("consultation-wrapup-session"),
            people: Vec::new(),
            summary: String::new(),
            dilemmas: Vec::new(),
            wrapup_heading: t("consultation-wrapup"),
            wrapups: closing
                .iter()
                .map(|w| Wrapup {
                    author: w.author.clone(),
                    text: ctx.text(&w.w.body).to_owned(),
                })
                .collect(),
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

// ----------------------------------------------------------------------- API

#[derive(Serialize)]
struct ApiDilemma {
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

#[derive(Serialize)]
struct ApiContribution {
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

#[derive(Serialize)]
struct ApiDilemmaDetail {
    #[serde(flatten)]
    summary: ApiDilemma,
    information: Option<String>,
    help_sought: Vec<String>,
    result: Option<String>,
    discussed_with: Vec<String>,
    contributions: Vec<ApiContribution>,
}

fn api_of(
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
async fn api_dilemmas(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
) -> Result<Json<crate::directory::routes::ApiList<ApiDilemma>>, AppError> {
    let f = DilemmaFilter::parse(|k| params.get(k).map(str::to_owned))?;
    let pr = PageRequest::parse(params.get("page"), params.get("per_page"))?;
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
    Ok(Json(crate::directory::routes::ApiList {
        items: page
            .items
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
            .collect(),
        total: page.total,
        page: page.page,
        per_page: page.per_page,
    }))
}

/// `GET /api/v1/dilemmas/{slug}`: with its contributions and result.
async fn api_dilemma(
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
