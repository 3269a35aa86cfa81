//! Invitations: a coordinator invites by email (`/people/invite`); the
//! link's page (`/invitation/{token}`) creates the account and signs in.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use serde::Deserialize;

use super::signed_in_redirect;
use crate::accounts::invitations;
use crate::accounts::signin;
use crate::app::AppState;
use crate::audit::origin_of;
use crate::policy::{Coordinator, Role};
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole, form_csrf};
use crate::web::{AppError, PageCtx, Section, form_response, render};

// ---------------------------------------------------------------- invitations

#[derive(Template)]
#[template(path = "accounts/templates/invite.html")]
struct InvitePage {
    ctx: PageCtx,
    municipalities: Vec<(i32, String)>,
    roles: Vec<Role>,
    form: InviteForm,
    error: Option<String>,
}

impl InvitePage {
    fn role_label(&self, code: &str) -> String {
        self.ctx.t(&format!("role-{code}"))
    }
    fn selected_municipality(&self, id: &i32) -> bool {
        self.form.municipality.as_deref() == Some(id.to_string().as_str())
    }
}

#[derive(Clone, Debug, Default, Deserialize)]
pub(super) struct InviteForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    municipality: Option<String>,
    #[serde(default)]
    focal_point: Option<String>,
    #[serde(default)]
    locale: String,
}

pub(super) async fn invite_form_page(
    state: &AppState,
    ctx: PageCtx,
    role: Role,
    form: InviteForm,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let municipalities = (state.municipality_names)(state.db.read(), ctx.locale).await?;
    let roles = Role::ALL
        .into_iter()
        .filter(|r| *r != Role::Admin || role == Role::Admin)
        .collect();
    let page = InvitePage {
        ctx: ctx.with_section(Section::People),
        municipalities,
        roles,
        form,
        error,
    };
    let mut res = (status, render(&page)?).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

/// `GET /people/invite`
pub(super) async fn invite_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    who: RequireRole<Coordinator>,
) -> Result<Response, AppError> {
    let form = InviteForm {
        role: "member".into(),
        locale: ctx.lang().into(),
        ..InviteForm::default()
    };
    invite_form_page(&state, ctx, who.role, form, None, StatusCode::OK).await
}

/// `POST /people/invite`
pub(super) async fn invite(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    CsrfForm(form): CsrfForm<InviteForm>,
) -> Result<Response, AppError> {
    use invitations::{InvitationError, InviteInput};
    let bad = |key: &str| Some(ctx.t(key));
    let email = crate::accounts::Email::parse(&form.email);
    let role = Role::from_code(&form.role);
    let municipality_id = match form.municipality.as_deref().filter(|m| !m.is_empty()) {
        None => Ok(None),
        Some(m) => m.parse::<i32>().map(Some),
    };
    let locale = form.locale.parse::<crate::i18n::Locale>();
    let (email, role, municipality_id, locale) = match (email, role, municipality_id, locale) {
        (Ok(e), Some(r), Ok(m), Ok(l)) => (e, r, m, l),
        (Err(_), ..) => {
            let e = bad("invite-email-invalid");
            return invite_form_page(&state, ctx, who.role, form, e, StatusCode::BAD_REQUEST).await;
        }
        (_, None, ..) => return Err(AppError::bad_request("role")),
        (_, _, Err(_), _) => return Err(AppError::bad_request("municipality")),
        (.., Err(_)) => return Err(AppError::bad_request("locale")),
    };
    let input = InviteInput {
        email,
        role,
        municipality_id,
        focal_point: form.focal_point.is_some(),
        locale,
    };
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    let inviter = invitations::Inviter {
        actor: &actor,
        name: &who.me.display_name,
        origin: &origin,
    };
    match invitations::invite(
        &state.db,
        &inviter,
        &input,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/people?invited={}&lang={}",
            url::form_urlencoded::byte_serialize(input.email.as_str().as_bytes())
                .collect::<String>(),
            ctx.lang()
        ))
        .into_response()),
        Err(InvitationError::EmailTaken) => {
            let e = bad("invite-email-taken");
            invite_form_page(&state, ctx, who.role, form, e, StatusCode::CONFLICT).await
        }
        Err(InvitationError::Forbidden) => Err(AppError::Forbidden),
        Err(e) => Err(AppError::Internal(anyhow::Error::new(e))),
    }
}

#[derive(Template)]
#[template(path = "accounts/templates/invitations.html")]
struct PendingPage {
    ctx: PageCtx,
    pending: Vec<invitations::Pending>,
    /// What was just done (`resent`, `revoked`), to say so.
    done: Option<&'static str>,
}

impl PendingPage {
    fn role_label(&self, code: &str) -> String {
        self.ctx.t(&format!("role-{code}"))
    }
}

/// `GET /people/invitations`: invitations not accepted yet, with resend and
/// revoke (coordinators).
pub(super) async fn pending_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    who: RequireRole<Coordinator>,
    params: crate::web::Params,
) -> Result<Response, AppError> {
    let pending = invitations::pending(state.db.read(), &who.me.actor(), Utc::now())
        .await
        .map_err(invitation_error)?;
    let done = match params.get("done") {
        Some("resent") => Some("invitations-resent"),
        Some("revoked") => Some("invitations-revoked"),
        _ => None,
    };
    let page = PendingPage {
        ctx: ctx.with_section(Section::People),
        pending,
        done,
    };
    let mut res = render(&page)?.into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}

fn invitation_error(e: invitations::InvitationError) -> AppError {
    use invitations::InvitationError as E;
    match e {
        E::NotFound => AppError::NotFound,
        E::Forbidden => AppError::Forbidden,
        e => AppError::Internal(anyhow::Error::new(e)),
    }
}

/// The list again, saying what was `done`.
fn back_to_list(ctx: &PageCtx, done: &str) -> Response {
    Redirect::to(&format!(
        "/people/invitations?done={done}&lang={}",
        ctx.lang()
    ))
    .into_response()
}

/// `POST /people/invitations/{id}/resend`: a new link, seven more days.
pub(super) async fn resend(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    Path(id): Path<i32>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = who.me.actor();
    let origin = origin_of(&who.me, &client);
    let inviter = invitations::Inviter {
        actor: &actor,
        name: &who.me.display_name,
        origin: &origin,
    };
    invitations::resend(
        &state.db,
        &inviter,
        id,
        &state.settings.public_url(),
        Utc::now(),
    )
    .await
    .map_err(invitation_error)?;
    Ok(back_to_list(&ctx, "resent"))
}

/// `POST /people/invitations/{id}/revoke`: the link stops working.
pub(super) async fn revoke(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    who: RequireRole<Coordinator>,
    Path(id): Path<i32>,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let origin = origin_of(&who.me, &client);
    invitations::revoke(&state.db, &who.me.actor(), &origin, id, Utc::now())
        .await
        .map_err(invitation_error)?;
    Ok(back_to_list(&ctx, "revoked"))
}

#[derive(Template)]
#[template(path = "accounts/templates/join.html")]
struct JoinPage {
    ctx: PageCtx,
    csrf: String,
    token: String,
    role: String,
    name: String,
    error: Option<String>,
    /// Set when the link cannot be used; the form is not shown.
    closed: Option<String>,
}

impl JoinPage {
    fn role_label(&self) -> String {
        self.ctx.t(&format!("role-{}", self.role))
    }
}

fn closed_message(ctx: &PageCtx, e: &invitations::InvitationError) -> Option<(StatusCode, String)> {
    use invitations::InvitationError as E;
    match e {
        E::NotFound => Some((StatusCode::NOT_FOUND, ctx.t("invitation-not-found"))),
        E::Expired => Some((StatusCode::GONE, ctx.t("invitation-expired"))),
        E::Used | E::EmailTaken => Some((StatusCode::GONE, ctx.t("invitation-used"))),
        _ => None,
    }
}

fn join_response(
    page: JoinPage,
    status: StatusCode,
    new_csrf: bool,
    state: &AppState,
) -> Result<Response, AppError> {
    let csrf = new_csrf.then(|| page.csrf.clone());
    Ok(form_response(
        &state.settings,
        status,
        render(&page)?,
        csrf.as_deref(),
        true,
    ))
}

/// `GET /invitation/{token}`
pub(super) async fn invitation_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
    let (status, role, closed) = match invitations::find_open(&state.db, &token, Utc::now()).await {
        Ok(inv) => (StatusCode::OK, inv.role, None),
        Err(e) => match closed_message(&ctx, &e) {
            Some((status, msg)) => (status, String::new(), Some(msg)),
            None => return Err(AppError::Internal(anyhow::Error::new(e))),
        },
    };
    let page = JoinPage {
        ctx,
        csrf,
        token,
        role,
        name: String::new(),
        error: None,
        closed,
    };
    join_response(page, status, new_csrf, &state)
}

#[derive(Deserialize)]
pub(super) struct JoinForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

/// `POST /invitation/{token}`: create the account and sign in.
pub(super) async fn accept_invitation(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    headers: HeaderMap,
    Path(token): Path<String>,
    CsrfForm(form): CsrfForm<JoinForm>,
) -> Result<Response, AppError> {
    use crate::accounts::AccountError as A;
    use invitations::InvitationError as E;
    let now = Utc::now();
    let inv = match invitations::find_open(&state.db, &token, now).await {
        Ok(inv) => inv,
        Err(e) => {
            let (status, msg) = closed_message(&ctx, &e)
                .ok_or_else(|| AppError::Internal(anyhow::Error::new(e)))?;
            let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
            let page = JoinPage {
                ctx,
                csrf,
                token,
                role: String::new(),
                name: String::new(),
                error: None,
                closed: Some(msg),
            };
            return join_response(page, status, new_csrf, &state);
        }
    };
    let problem = if form.name.trim().is_empty() {
        Some("join-name-missing")
    } else if form.password != form.password_again {
        Some("join-password-mismatch")
    } else {
        None
    };
    let outcome = match problem {
        Some(p) => Err(p),
        None => match crate::accounts::Password::parse(form.password.clone()) {
            Err(A::PasswordTooShort) => Err("join-password-short"),
            Err(A::PasswordTooLong) => Err("join-password-long"),
            Err(_) => Err("join-password-common"),
            Ok(password) => {
                match invitations::accept(&state.db, &client.ip, &token, &form.name, &password, now)
                    .await
                {
                    Ok(person) => Ok(person),
                    Err(E::Account(A::EmptyName)) => Err("join-name-missing"),
                    Err(e) => {
                        let (status, msg) = closed_message(&ctx, &e)
                            .ok_or_else(|| AppError::Internal(anyhow::Error::new(e)))?;
                        let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
                        let page = JoinPage {
                            ctx,
                            csrf,
                            token,
                            role: String::new(),
                            name: String::new(),
                            error: None,
                            closed: Some(msg),
                        };
                        return join_response(page, status, new_csrf, &state);
                    }
                }
            }
        },
    };
    match outcome {
        Ok(person) => {
            let started = signin::start_session(&state.db, person, &client, now, false).await?;
            let res = signed_in_redirect(
                &state,
                &format!("/account?lang={}", ctx.lang()),
                &started.token,
            );
            Ok(res)
        }
        Err(key) => {
            let (csrf, new_csrf) = form_csrf(&ctx, &headers, &state.settings);
            let page = JoinPage {
                error: Some(ctx.t(key)),
                ctx,
                csrf,
                token,
                role: inv.role,
                name: form.name.chars().take(200).collect(),
                closed: None,
            };
            join_response(page, StatusCode::BAD_REQUEST, new_csrf, &state)
        }
    }
}
