//! `/municipalities/{slug}/cohesion/waves`: a municipality's waves with
//! their status (collecting, n so far against the planned sample, scored)
//! and the form that starts one (its focal points and staff). `POST` on it
//! starts a wave (bad input: the page again with what was typed);
//! `POST …/waves/{number}/score` scores a wave (again: replaces).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::app::AppState;
use crate::audit::origin_of;
use crate::cohesion::error::CohesionError;
use crate::cohesion::evidence;
use crate::cohesion::links;
use crate::cohesion::waves::{self, Collecting, Typed, Waves};
use crate::i18n::Locale;
use crate::library::practices::FieldError;
use crate::web::extract::{ClientInfo, CsrfForm, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

struct Row {
    number: i32,
    label: String,
    framework: String,
    status: &'static str,
    closes_on: String,
    submitted: String,
    planned: String,
    strata: String,
    weighted: bool,
    scored: Option<String>,
    survey: Option<String>,
    /// Per stratum: its label, planned respondents, links sent, answered.
    by_stratum: Vec<StratumRow>,
}

struct StratumRow {
    label: String,
    /// The stratum's name (`-` for links without one), for the row's id.
    key: String,
    planned: String,
    sent: String,
    answered: String,
}

struct Stratum {
    name: String,
    label: String,
}

/// A wave's municipal questionnaire as the page shows it.
pub(super) struct MunicipalRow {
    number: i32,
    label: String,
    /// Where its focal point answers (the surveys activity's page).
    respond: String,
    submitted: bool,
    /// Question name and text (what a document may be attached to).
    questions: Vec<(String, String)>,
    documents: Vec<Document>,
    /// The reader may remove its documents (the policy's decision).
    may_remove: bool,
}

pub(super) struct Document {
    url: String,
    /// Where its removal is sent.
    remove: String,
    name: String,
    /// The question's text, or "the whole response".
    about: String,
    kind: String,
    size: String,
}

#[derive(Template)]
#[template(path = "cohesion/templates/waves.html")]
pub(super) struct WavesPage {
    ctx: PageCtx,
    slug: String,
    town: String,
    rows: Vec<Row>,
    /// Framework id and title (with its version) offered to a new wave.
    frameworks: Vec<(i32, String)>,
    strata: Vec<Stratum>,
    typed: Typed,
    errors: Vec<(String, String)>,
    staff: bool,
    /// Waves collecting answers: number and label (personal links).
    collecting: Vec<(i32, String)>,
    link: LinkTyped,
    link_errors: Vec<(String, String)>,
    locales: Vec<(&'static str, String)>,
    /// The pasted list of respondents as typed, its refusals (each with
    /// its line) and what the last list sent.
    pub(super) list: ListTyped,
    pub(super) list_errors: Vec<String>,
    list_notice: Vec<String>,
    max_lines: i64,
    /// The municipal questionnaires, newest wave first, their documents,
    /// the attach form's refusals (field, message), the wave and question
    /// it was sent for, and the upload limits.
    municipal: Vec<MunicipalRow>,
    pub(super) evidence_errors: Vec<(String, String)>,
    pub(super) evidence_for: (i32, String),
    pub(super) evidence_limits: String,
}

/// The pasted-list form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub(super) struct ListTyped {
    #[serde(default)]
    pub(super) list_wave: String,
    #[serde(default)]
    pub(super) list_text: String,
    #[serde(default)]
    pub(super) list_locale: String,
}

/// The personal-link form as typed.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub(super) struct LinkTyped {
    #[serde(default)]
    link_wave: String,
    #[serde(default)]
    link_name: String,
    #[serde(default)]
    link_email: String,
    #[serde(default)]
    link_locale: String,
}

impl WavesPage {
    fn error(&self, field: &str) -> String {
        self.errors
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    fn link_error(&self, field: &str) -> String {
        self.link_errors
            .iter()
            .find(|(k, _)| k == field)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    /// Some wave plans strata (the table of links per stratum shows).
    fn any_strata(&self) -> bool {
        self.rows.iter().any(|r| !r.by_stratum.is_empty())
    }

    fn evidence_error(&self, field: &str) -> bool {
        self.evidence_errors.iter().any(|(k, _)| k == field)
    }

    fn planned(&self, stratum: &str) -> String {
        self.typed.strata.get(stratum).cloned().unwrap_or_default()
    }

    fn weight(&self, stratum: &str) -> String {
        self.typed.weights.get(stratum).cloned().unwrap_or_default()
    }
}

pub(super) fn page(ctx: PageCtx, w: Waves, typed: Typed, errors: &[FieldError]) -> WavesPage {
    let lang = ctx.lang().to_owned();
    with_link(
        ctx,
        w,
        typed,
        errors,
        LinkTyped {
            link_locale: lang,
            ..LinkTyped::default()
        },
        &[],
    )
}

/// Bytes as the page says them (kB under a megabyte, else MB).
fn size_text(bytes: i64) -> String {
    if bytes < 1024 * 1024 {
        format!("{} kB", (bytes + 1023) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// The waves' municipal questionnaires and documents, newest wave first.
fn municipal_rows(ctx: &PageCtx, w: &Waves) -> Vec<MunicipalRow> {
    let slug = &w.municipality.slug;
    let actor = ctx.actor();
    w.waves
        .iter()
        .filter_map(|s| {
            let m = w.municipal.get(&s.row.id)?;
            let questions: Vec<(String, String)> = m
                .questionnaire
                .questions()
                .map(|(_, q)| (q.question.clone(), ctx.text(&q.text).to_owned()))
                .collect();
            let documents = m
                .evidence
                .iter()
                .map(|e| Document {
                    url: format!(
                        "/municipalities/{slug}/cohesion/waves/{}/evidence/{}",
                        s.row.number, e.row.id
                    ),
                    remove: format!(
                        "/municipalities/{slug}/cohesion/waves/{}/evidence/{}/remove",
                        s.row.number, e.row.id
                    ),
                    name: e.row.file_name.clone(),
                    about: questions
                        .iter()
                        .find(|(n, _)| *n == e.row.question)
                        .map(|(_, t)| t.clone())
                        .unwrap_or_else(|| ctx.t("cohesion-evidence-whole")),
                    kind: e
                        .kind
                        .map(|k| k.extension().to_uppercase())
                        .unwrap_or_default(),
                    size: size_text(e.size),
                })
                .collect();
            Some(MunicipalRow {
                number: s.row.number,
                label: s.row.label.clone(),
                respond: format!("/surveys/{}/respond/{slug}", m.survey.slug),
                submitted: m.submitted,
                questions,
                documents,
                may_remove: evidence::may_remove(actor, w.municipality.id, m.collecting),
            })
        })
        .collect()
}

/// What the attach form states about its limits: the file types and size,
/// the documents a wave may hold, and the upload form's own limits.
pub(super) async fn evidence_limits(state: &AppState, ctx: &PageCtx) -> Result<String, AppError> {
    let limits = state
        .uploads
        .limits_for(state.db.read(), ctx.actor())
        .await?;
    Ok(format!(
        "{} {}",
        ctx.locale.t_args(
            "cohesion-evidence-limits",
            &[
                ("mb", (limits.file_mb as i64).into()),
                ("max", (evidence::MAX_PER_WAVE as i64).into()),
            ],
        ),
        limits.hint(&ctx.locale)
    ))
}

/// A wave's strata as the table shows them: the framework's label for
/// each, counts in the reader's digits.
fn stratum_rows(ctx: &PageCtx, s: &waves::WaveStatus) -> Vec<StratumRow> {
    let choices = s
        .framework
        .as_ref()
        .map(|f| f.definition.stratum.choice.as_slice())
        .unwrap_or_default();
    s.strata
        .iter()
        .map(|x| {
            let label = match &x.stratum {
                Some(name) => choices
                    .iter()
                    .find(|c| c.name == *name)
                    .map(|c| ctx.text(&c.label).to_owned())
                    .unwrap_or_else(|| name.clone()),
                None => ctx.t("cohesion-stratum-none"),
            };
            StratumRow {
                label,
                key: x.stratum.clone().unwrap_or_else(|| "-".to_owned()),
                planned: x
                    .planned
                    .map(|p| ctx.num(&i64::from(p)))
                    .unwrap_or_else(|| "–".to_owned()),
                sent: ctx.num(&x.sent),
                answered: ctx.num(&x.answered),
            }
        })
        .collect()
}

fn with_link(
    ctx: PageCtx,
    w: Waves,
    typed: Typed,
    errors: &[FieldError],
    link: LinkTyped,
    link_errors: &[FieldError],
) -> WavesPage {
    let collecting = w
        .waves
        .iter()
        .filter(|s| s.collecting == Collecting::Open)
        .map(|s| (s.row.number, s.row.label.clone()))
        .collect();
    let locales = Locale::ALL
        .iter()
        .map(|l| (l.code(), l.autonym().to_owned()))
        .collect();
    let rows = w
        .waves
        .iter()
        .map(|s| Row {
            number: s.row.number,
            label: s.row.label.clone(),
            framework: s
                .framework
                .as_ref()
                .map(|f| format!("{} (v{})", ctx.text(&f.title), f.version))
                .unwrap_or_default(),
            status: s.collecting.code(),
            closes_on: ctx.date(&s.row.fielded_on),
            submitted: ctx.num(&s.submitted),
            planned: s
                .sampling
                .as_ref()
                .map(|p| ctx.num(&i64::from(p.planned)))
                .unwrap_or_default(),
            strata: s
                .sampling
                .as_ref()
                .map(|p| {
                    p.strata
                        .iter()
                        .map(|(k, v)| format!("{k}: {v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default(),
            weighted: s.row.weights.is_some(),
            scored: s
                .row
                .scored_at
                .map(|_| ctx.t1("cohesion-wave-scored-n", "n", s.row.n)),
            survey: s.survey.as_ref().map(|v| v.slug.clone()),
            by_stratum: stratum_rows(&ctx, s),
        })
        .collect();
    let mut strata: Vec<Stratum> = Vec::new();
    for f in &w.frameworks {
        for c in &f.definition.stratum.choice {
            if !strata.iter().any(|s| s.name == c.name) {
                strata.push(Stratum {
                    name: c.name.clone(),
                    label: ctx.text(&c.label).to_owned(),
                });
            }
        }
    }
    let frameworks = w
        .frameworks
        .iter()
        .map(|f| (f.id, format!("{} (v{})", ctx.text(&f.title), f.version)))
        .collect();
    let staff = ctx.actor().is_some_and(|a| a.is_staff());
    let list_notice = super::links::list_notice(&ctx);
    let municipal = municipal_rows(&ctx, &w);
    WavesPage {
        municipal,
        evidence_errors: Vec::new(),
        evidence_for: (0, String::new()),
        evidence_limits: String::new(),
        list: ListTyped {
            list_locale: ctx.lang().to_owned(),
            ..ListTyped::default()
        },
        list_errors: Vec::new(),
        list_notice,
        max_lines: links::MAX_LINES as i64,
        slug: w.municipality.slug.clone(),
        town: ctx.text(&w.municipality.name).to_owned(),
        rows,
        frameworks,
        strata,
        typed,
        errors: errors
            .iter()
            .map(|e| (e.field.to_owned(), ctx.t(e.message)))
            .collect(),
        staff,
        collecting,
        link,
        link_errors: link_errors
            .iter()
            .map(|e| (e.field.to_owned(), ctx.t(e.message)))
            .collect(),
        locales,
        ctx,
    }
}

/// Visitors are asked to sign in where a signed-in person might be allowed.
fn refused(ctx: &PageCtx) -> impl Fn(CohesionError) -> AppError + '_ {
    move |e| match e {
        CohesionError::Forbidden if ctx.actor().is_none() => AppError::SignInRequired,
        e => e.into(),
    }
}

/// `GET /municipalities/{slug}/cohesion/waves`
pub(super) async fn waves_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let w = waves::waves(state.db.read(), ctx.actor(), &slug, Utc::now())
        .await
        .map_err(refused(&ctx))?;
    let typed = Typed {
        framework: w
            .frameworks
            .first()
            .map(|f| f.id.to_string())
            .unwrap_or_default(),
        ..Typed::default()
    };
    let limits = evidence_limits(&state, &ctx).await?;
    let mut page = page(ctx, w, typed, &[]);
    page.evidence_limits = limits;
    Ok(render(&page)?.into_response())
}

/// `POST /municipalities/{slug}/cohesion/waves`: start a wave.
pub(super) async fn start_wave(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let now = Utc::now();
    // Who may not run its waves is refused before the form is read.
    let w = waves::waves(state.db.read(), Some(&me.actor), &slug, now).await?;
    let typed = Typed::from_pairs(&pairs);
    let errors = match waves::parse(&typed, &w.frameworks, now.date_naive()) {
        Ok(input) => {
            let origin = origin_of(&me, &client);
            match waves::start(&state.db, &origin, &me.actor, &slug, input, now).await {
                Ok(row) => {
                    let to = format!(
                        "/municipalities/{slug}/cohesion/waves?started={}#wave-{}",
                        row.number, row.number
                    );
                    return Ok(redirect(to, &ctx));
                }
                Err(CohesionError::BadValues(errors)) => errors,
                Err(e) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    let limits = evidence_limits(&state, &ctx).await?;
    let mut page = page(ctx, w, typed, &errors);
    page.evidence_limits = limits;
    let html = render(&page)?;
    Ok((StatusCode::BAD_REQUEST, html).into_response())
}

/// `POST /municipalities/{slug}/cohesion/waves/{number}/score`
pub(super) async fn score_wave(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((slug, number)): Path<(String, i32)>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let origin = origin_of(&me, &client);
    waves::score(&state.db, &origin, &me.actor, &slug, number, Utc::now()).await?;
    Ok(redirect(
        format!("/municipalities/{slug}/cohesion/waves?scored={number}#wave-{number}"),
        &ctx,
    ))
}

/// `POST /municipalities/{slug}/cohesion/waves/{number}/links`: a personal
/// link to a resident for the wave's campaign (`link_wave` in the form
/// chooses the wave when the page offers several). Bad input: the page
/// again with what was typed.
pub(super) async fn send_link(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(typed): CsrfForm<LinkTyped>,
) -> Result<Response, AppError> {
    let ctx = ctx.with_section(Section::Municipalities);
    let now = Utc::now();
    let w = waves::waves(state.db.read(), Some(&me.actor), &slug, now).await?;
    let number = typed.link_wave.trim().parse::<i32>().ok();
    let errors = match number {
        None => vec![FieldError {
            field: "link_wave",
            message: "cohesion-wave-error-link-closed",
        }],
        Some(number) => {
            let link = crate::surveys::rules::links::NewLink {
                name: typed.link_name.clone(),
                email: typed.link_email.clone(),
                municipality_id: None,
                locale: typed.link_locale.parse::<Locale>().unwrap_or(ctx.locale),
            };
            let origin = origin_of(&me, &client);
            let public_url = state.settings.public_url();
            match waves::send_link(
                &state.db,
                &origin,
                &me.actor,
                &slug,
                number,
                link,
                &public_url,
                now,
            )
            .await
            {
                Ok(_) => {
                    let to = format!(
                        "/municipalities/{slug}/cohesion/waves?sent={number}#wave-{number}"
                    );
                    return Ok(redirect(to, &ctx));
                }
                Err(CohesionError::BadValues(errors)) => errors,
                Err(e) => return Err(e.into()),
            }
        }
    };
    let limits = evidence_limits(&state, &ctx).await?;
    let mut page = with_link(ctx, w, Typed::default(), &[], typed, &errors);
    page.evidence_limits = limits;
    let html = render(&page)?;
    Ok((StatusCode::BAD_REQUEST, html).into_response())
}
