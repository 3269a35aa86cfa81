//! The "submit a practice" form: its steps, in one language at a time,
//! and attachments.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{Html, Response};

use super::{LibraryPage, bad_form, id, this_year, writing_lang};
use crate::app::AppState;
use crate::audit::origin_of;
use crate::directory::entities::theme;
use crate::fields::form::RawForm;
use crate::fields::paging::PageRequest;
use crate::i18n::Locale;
use crate::library::PracticeStatus;
use crate::library::entities::practice_attachment;
use crate::library::files::{self};
use crate::library::practices::{self, FieldError, Known, Snapshot, Step, TextField};
use crate::library::resources::{self};
use crate::library::rules::{self};
use crate::policy::{Action, Actor, authorize, can};
use crate::web::extract::{ClientInfo, CsrfForm, CsrfMultipart, RequireSignedIn};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

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
    countries: crate::directory::choices::CountryChoices,
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
    let v = dir.version(&state.db, ctx.actor()).await?;
    let staff = can(Some(actor), Action::ReviewPractices);
    let munis = dir
        .municipalities(
            &state.db,
            v,
            &Default::default(),
            Some(ctx.locale),
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
                Some(ctx.locale),
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
    ctx.locale.sort_by_name(&mut owners, |r| &r.1);
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
    let countries =
        crate::directory::choices::country_choices(state.db.read(), &dir.reference, ctx.locale)
            .await?;
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
pub(super) async fn new_practice_page(
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
pub(super) async fn new_practice(
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
pub(super) async fn edit_practice_page(
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
pub(super) async fn edit_practice(
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
pub(super) async fn add_attachment(
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
            crate::library::practices::add_attachment(
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

library_page!(PracticeForm);
