//! Registration: signing oneself up, cancelling, consent to the public list
//! (`/events/{slug}/{register,cancel,consent}`), and the coordinators' list
//! of registrations with its decisions (`/events/{slug}/registrations`).

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use super::super::Answers;
use super::super::entities::registration;
use super::super::registration::{self as reg, Decision, RegistrationError, Signup};
use super::super::rules::{self, EventDetail, RegistrationRow};
use super::page::show_event;
use super::{EventPage, detail_for, int, status_for, visible_event};
use crate::app::AppState;
use crate::audit::Origin;
use crate::audit::origin_of;
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::library::practices::FieldError;
use crate::policy::{Actor, Coordinator};
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

/// `POST /events/{slug}/register`: sign oneself up.
pub(super) async fn register(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let raw = RawForm(pairs);
    let answers: BTreeMap<String, String> = raw
        .0
        .iter()
        .filter_map(|(k, v)| {
            k.strip_prefix("answer_")
                .map(|id| (id.to_owned(), v.clone()))
        })
        .collect();
    let consent = raw.get("consent") == "on";
    let signup = Signup {
        answers: Answers(answers.clone()),
        public_consent: consent,
    };
    match reg::register(
        &state.db,
        &origin_of(&me, &client),
        &actor,
        e.id,
        actor.person_id,
        signup,
        Utc::now(),
    )
    .await
    {
        Ok(_) => Ok(to_registration(&slug, &ctx)),
        Err(err) => {
            let message = match &err {
                RegistrationError::Closed => "registration-error-closed",
                RegistrationError::AlreadyRegistered => "registration-error-already",
                RegistrationError::MissingAnswer(_) => "form-error-required",
                _ => return Err(err.into()),
            };
            let field = if matches!(err, RegistrationError::MissingAnswer(_)) {
                "answers"
            } else {
                "registration"
            };
            show_event(
                &state,
                ctx,
                &slug,
                vec![FieldError { field, message }],
                answers,
                consent,
            )
            .await
        }
    }
}

/// What a change to one's own registration starts from: a signed-in person
/// (401 otherwise), the form with its anti-forgery token (403 otherwise),
/// and that person's registration for the event of the path, if they may
/// see the event and are registered (404 otherwise).
pub(super) struct OwnRegistration {
    origin: Origin,
    actor: Actor,
    slug: String,
    registration: registration::Model,
    raw: RawForm,
}

impl axum::extract::FromRequest<AppState> for OwnRegistration {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &AppState) -> Result<Self, AppError> {
        use axum::extract::FromRequestParts;
        let (mut parts, body) = req.into_parts();
        let Ok(ClientInfo(client)) = ClientInfo::from_request_parts(&mut parts, state).await;
        let RequireSignedIn(me) = RequireSignedIn::from_request_parts(&mut parts, state).await?;
        let Path(slug) = Path::<String>::from_request_parts(&mut parts, state)
            .await
            .map_err(|_| AppError::NotFound)?;
        let req = axum::extract::Request::from_parts(parts, body);
        let CsrfForm(pairs) = CsrfForm::<Vec<(String, String)>>::from_request(req, state).await?;
        let actor = me.actor();
        let e = visible_event(state, Some(&actor), &slug).await?;
        let registration = reg::of_person(state.db.read(), e.id, actor.person_id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(OwnRegistration {
            origin: origin_of(&me, &client),
            actor,
            slug,
            registration,
            raw: RawForm(pairs),
        })
    }
}

/// Back to the registration part of the event's page.
fn to_registration(slug: &str, ctx: &PageCtx) -> Response {
    redirect(format!("/events/{slug}#registration"), ctx)
}

/// `POST /events/{slug}/cancel`: cancel one's own registration.
pub(super) async fn cancel(
    State(state): State<AppState>,
    ctx: PageCtx,
    own: OwnRegistration,
) -> Result<Response, AppError> {
    match reg::cancel(
        &state.db,
        &own.origin,
        &own.actor,
        own.registration.id,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    {
        Ok(_) | Err(RegistrationError::WrongState) => Ok(to_registration(&own.slug, &ctx)),
        Err(e) => Err(e.into()),
    }
}

/// `POST /events/{slug}/consent`: give or withdraw consent to the public list.
pub(super) async fn consent(
    State(state): State<AppState>,
    ctx: PageCtx,
    own: OwnRegistration,
) -> Result<Response, AppError> {
    reg::set_consent(
        &state.db,
        &own.origin,
        &own.actor,
        own.registration.id,
        own.raw.get("consent") == "on",
        Utc::now(),
    )
    .await?;
    Ok(to_registration(&own.slug, &ctx))
}

#[derive(Template)]
#[template(path = "events/templates/registrations.html")]
struct RegistrationsPage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    rows: Vec<RegistrationRow>,
    error: Option<&'static str>,
    email: String,
}
event_page!(RegistrationsPage);

impl RegistrationsPage {
    fn answers_of(&self, r: &RegistrationRow) -> Vec<(String, String)> {
        let Some(a) = &r.registration.answers else {
            return Vec::new();
        };
        self.d
            .event
            .questions
            .iter()
            .flat_map(|q| q.0.iter())
            .filter_map(|q| {
                a.0.get(&q.id)
                    .map(|v| (q.label.text(self.ctx.locale).to_owned(), v.clone()))
            })
            .collect()
    }
}

async fn show_registrations(
    state: &AppState,
    ctx: PageCtx,
    actor: &Actor,
    slug: &str,
    error: Option<&'static str>,
    email: String,
) -> Result<Response, AppError> {
    let d = detail_for(state, actor, slug).await?;
    let rows = rules::registrations(state.db.read(), d.event.id).await?;
    let status = status_for(error.is_some());
    let page = RegistrationsPage {
        dir: state.directory.clone(),
        ctx: ctx.with_section(Section::Events),
        d,
        rows,
        error,
        email,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /events/{slug}/registrations` (coordinators)
pub(super) async fn registrations_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    show_registrations(&state, ctx, &me.actor(), &slug, None, String::new()).await
}

/// `POST /events/{slug}/registrations` (coordinators): `op` is `add` (a
/// member by email, on their behalf), `cancel`, or a decision
/// (`approve`, `decline`, `check-in`, `undo-check-in`).
pub(super) async fn change_registrations(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let origin = origin_of(&me, &client);
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let raw = RawForm(pairs);
    let op = raw.get("op");
    if op == "add" {
        let email = raw.get("email").trim().to_lowercase();
        return add_on_behalf(&state, ctx, &actor, &origin, e.id, &slug, email).await;
    }
    let rid = int(raw.get("registration")).ok_or(AppError::NotFound)?;
    let r = rules::registration_of_event(state.db.read(), e.id, rid)
        .await?
        .ok_or(AppError::NotFound)?;
    let (now, url) = (Utc::now(), state.settings.public_url());
    let result = if op == "cancel" {
        reg::cancel(&state.db, &origin, &actor, r.id, &url, now)
            .await
            .map(|_| ())
    } else {
        let d = Decision::from_code(op).ok_or_else(|| AppError::bad_request("op"))?;
        reg::decide(&state.db, &origin, &actor, r.id, d, &url, now)
            .await
            .map(|_| ())
    };
    match result {
        Ok(()) => Ok(redirect(format!("/events/{slug}/registrations"), &ctx)),
        Err(RegistrationError::WrongState) => {
            let error = Some("registration-error-state");
            show_registrations(&state, ctx, &actor, &slug, error, String::new()).await
        }
        Err(err) => Err(err.into()),
    }
}

/// `op=add`: a coordinator signs a member up by email, on their behalf.
async fn add_on_behalf(
    state: &AppState,
    ctx: PageCtx,
    actor: &Actor,
    origin: &Origin,
    event_id: i32,
    slug: &str,
    email: String,
) -> Result<Response, AppError> {
    let Some(p) = rules::active_member_by_email(state.db.read(), &email).await? else {
        let error = Some("form-error-no-member");
        return show_registrations(state, ctx, actor, slug, error, email).await;
    };
    let signup = Signup {
        answers: Answers::default(),
        public_consent: false,
    };
    let now = Utc::now();
    let message = match reg::register(&state.db, origin, actor, event_id, p.id, signup, now).await {
        Ok(_) => return Ok(redirect(format!("/events/{slug}/registrations"), &ctx)),
        Err(RegistrationError::AlreadyRegistered) => "registration-error-already",
        Err(RegistrationError::Closed) => "registration-error-closed",
        Err(err) => return Err(err.into()),
    };
    show_registrations(state, ctx, actor, slug, Some(message), email).await
}
