//! The posts that change a dilemma (`/consultations/{slug}/…`): open,
//! contribute, answer, ideas, helped, invite, conclude, archive, flag, moderate.

use crate::app::AppState;
use crate::audit::origin_of;
use crate::consultations::ParticipantRole;
use crate::consultations::entities::dilemma;
use crate::consultations::error::ConsultError;
use crate::consultations::online::{self, Stored};
use crate::consultations::rules::{self};
use crate::fields::form::RawForm;
use crate::policy::Coordinator;
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole, RequireSignedIn};
use crate::web::{AppError, PageCtx, redirect};
use axum::extract::{Path, State};
use axum::response::Response;
use chrono::Utc;

use super::page::{chosen, show_dilemma};
use super::{int, writing_lang};

/// What every change to a dilemma starts from: a signed-in person (401
/// otherwise), the form with its anti-forgery token (403 otherwise), and the
/// dilemma of the path, if that person may read it (404 otherwise).
pub(super) struct Change {
    origin: crate::audit::Origin,
    actor: crate::policy::Actor,
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
pub(super) async fn after(
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

/// `POST /consultations/{slug}/open`
pub(super) async fn open_dilemma(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let res = online::open(&state.db, &c.origin, &c.actor, c.d.id, Utc::now()).await;
    after(&state, ctx, &c.slug, "status", c.raw, res).await
}

/// `POST /consultations/{slug}/contribute`
pub(super) async fn contribute(
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
pub(super) async fn answer(
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
pub(super) async fn open_ideas(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let res = online::open_ideas(&state.db, &c.origin, &c.actor, c.d.id, Utc::now()).await;
    after(&state, ctx, &c.slug, "status", c.raw, res).await
}

/// `POST /consultations/{slug}/helped` (the presenter)
pub(super) async fn helped(
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
pub(super) async fn invite(
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
pub(super) async fn conclude(
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
pub(super) async fn archive(
    State(state): State<AppState>,
    ctx: PageCtx,
    c: Change,
) -> Result<Response, AppError> {
    let res = online::archive(&state.db, &c.origin, &c.actor, c.d.id, Utc::now()).await;
    after(&state, ctx, &c.slug, "status", c.raw, res).await
}

/// `POST /consultations/{slug}/flag`: report a contribution to the moderators.
pub(super) async fn flag(
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
pub(super) async fn moderate(
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
