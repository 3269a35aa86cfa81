//! Photos of events and practices, one set of handlers for both owners
//! (`{kind}`: `event` or `practice`, `{owner}` its id):
//! `GET /pictures/{kind}/{owner}` (the photos and the upload form, for who
//! may change them), `POST` the same address (a multipart form: the photo
//! and its alt text per language), `POST …/{id}/delete`, and
//! `GET …/{id}` (the WebP thumbnail, for who may see the owner).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;

use crate::app::AppState;
use crate::audit::origin_of;
use crate::i18n::{Locale, TrText};
use crate::library::entities::picture;
use crate::library::files::{self, FormLimits};
use crate::library::pictures::{self, NewPicture, OwnerFacts, OwnerKind, PictureError};
use crate::library::practices::FieldError;
use crate::web::extract::{ClientInfo, CsrfForm, CsrfMultipart, RequireSignedIn};
use crate::web::{AppError, PageCtx, Section, redirect, render};

impl From<PictureError> for AppError {
    fn from(e: PictureError) -> Self {
        match e {
            PictureError::NotFound => AppError::NotFound,
            PictureError::Forbidden => AppError::Forbidden,
            PictureError::SignInRequired => AppError::SignInRequired,
            PictureError::SecondFactorRequired => AppError::TwoFactorRequired,
            PictureError::BadValues(_) => AppError::BadRequest {
                field: "picture".into(),
            },
            PictureError::Store(e) => AppError::Internal(anyhow::anyhow!("photo: {e}")),
            PictureError::Db(e) => e.into(),
        }
    }
}

fn owner(kind: &str, id: &str) -> Result<(OwnerKind, i32), AppError> {
    let kind = OwnerKind::from_code(kind).ok_or(AppError::NotFound)?;
    let id = id
        .parse::<i32>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or(AppError::NotFound)?;
    Ok((kind, id))
}

#[derive(askama::Template)]
#[template(path = "library/templates/pictures.html")]
struct PicturesPage {
    ctx: PageCtx,
    kind: OwnerKind,
    owner_id: i32,
    owner: OwnerFacts,
    pictures: Vec<picture::Model>,
    limits: FormLimits,
    /// The alt text's language and values as typed (kept when refused).
    orig: String,
    alt: Vec<(Locale, String)>,
    errors: Vec<FieldError>,
}

impl PicturesPage {
    fn alt_in(&self, l: &Locale) -> &str {
        self.alt
            .iter()
            .find(|(k, _)| k == l)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    }
    fn lang_name(&self, l: &Locale) -> String {
        self.ctx.t(&format!("language-{}", l.code()))
    }
    fn has_error(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }
    fn section_of(kind: OwnerKind) -> Section {
        match kind {
            OwnerKind::Event => Section::Events,
            OwnerKind::Practice => Section::Practices,
        }
    }
}

async fn page(
    state: &AppState,
    ctx: PageCtx,
    (kind, owner_id): (OwnerKind, i32),
    owner: OwnerFacts,
    orig: String,
    alt: Vec<(Locale, String)>,
    errors: Vec<FieldError>,
) -> Result<PicturesPage, AppError> {
    let pictures = pictures::of_owner(state.db.read(), kind, owner_id).await?;
    let limits = state
        .uploads
        .limits_for(state.db.read(), ctx.actor())
        .await?;
    Ok(PicturesPage {
        ctx: ctx.with_section(PicturesPage::section_of(kind)),
        kind,
        owner_id,
        owner,
        pictures,
        limits,
        orig,
        alt,
        errors,
    })
}

/// `GET /pictures/{kind}/{owner}`: the photos and the upload form.
pub(super) async fn pictures_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    RequireSignedIn(me): RequireSignedIn,
    Path((kind, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let at = owner(&kind, &id)?;
    let facts = pictures::changeable(
        state.db.read(),
        &state.picture_owners,
        Some(&me.actor),
        at.0,
        at.1,
    )
    .await?;
    let orig = ctx.lang().to_owned();
    let p = page(&state, ctx, at, facts, orig, Vec::new(), Vec::new()).await?;
    Ok(render(&p)?.into_response())
}

/// `POST /pictures/{kind}/{owner}`: a photo and its alt text. Refused
/// (the form again, the alt text kept, 400): no file, a file that is not
/// a JPEG, PNG or WebP picture by its content, alt text missing in the
/// language it is written in.
pub(super) async fn add_picture(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((kind, id)): Path<(String, String)>,
    upload: CsrfMultipart,
) -> Result<Response, AppError> {
    let at = owner(&kind, &id)?;
    let actor = me.actor();
    // Who may not change the owner's photos is refused before any file is read.
    let facts = pictures::changeable(
        state.db.read(),
        &state.picture_owners,
        Some(&actor),
        at.0,
        at.1,
    )
    .await?;
    let form = files::read_form(&state.uploads, &state.db, upload).await?;
    let orig = form.get("orig").trim().to_owned();
    let alt: Vec<(Locale, String)> = Locale::ALL
        .iter()
        .map(|l| (*l, form.get(&format!("alt_{}", l.code())).to_owned()))
        .collect();
    let now = Utc::now();
    let result = async {
        let parsed_alt: Result<TrText, PictureError> = pictures::parse_alt(&orig, &alt);
        let file = form.files.iter().find(|(field, _, _)| field == "picture");
        let refused = form
            .refused
            .iter()
            .find(|(field, _)| field == "picture")
            .map(|(_, message)| *message);
        let stored = match (file, refused) {
            (_, Some(message)) => {
                return Err(PictureError::BadValues(vec![FieldError {
                    field: "picture",
                    message,
                }]));
            }
            (None, None) => {
                return Err(PictureError::BadValues(vec![FieldError {
                    field: "picture",
                    message: "picture-error-none",
                }]));
            }
            (Some((_, _, stored)), None) => stored,
        };
        let alt = parsed_alt?;
        let (thumb, width, height) =
            pictures::thumbnail_of(&state.uploads, &state.db, stored, actor.person_id, now).await?;
        let origin = origin_of(&me, &client);
        let new = NewPicture {
            kind: at.0,
            owner_id: at.1,
            thumbnail: &thumb,
            width,
            height,
            alt,
        };
        pictures::add(&state.db, &origin, &actor, new, now).await
    }
    .await;
    match result {
        Ok(_) => Ok(redirect(
            format!("/pictures/{}/{}?added=1", at.0.code(), at.1),
            &ctx,
        )),
        Err(PictureError::BadValues(errors)) => {
            let p = page(&state, ctx, at, facts, orig, alt, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&p)?).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(serde::Deserialize)]
pub(super) struct DeleteForm {}

/// `POST /pictures/{kind}/{owner}/{id}/delete`
pub(super) async fn delete_picture(
    State(state): State<AppState>,
    ctx: PageCtx,
    ClientInfo(client): ClientInfo,
    RequireSignedIn(me): RequireSignedIn,
    Path((kind, id, pid)): Path<(String, String, i32)>,
    CsrfForm(_): CsrfForm<DeleteForm>,
) -> Result<Response, AppError> {
    let at = owner(&kind, &id)?;
    let actor = me.actor();
    pictures::changeable(
        state.db.read(),
        &state.picture_owners,
        Some(&actor),
        at.0,
        at.1,
    )
    .await?;
    let origin = origin_of(&me, &client);
    pictures::delete(&state.db, &origin, at.0, at.1, pid, Utc::now()).await?;
    Ok(redirect(
        format!("/pictures/{}/{}?deleted=1", at.0.code(), at.1),
        &ctx,
    ))
}

/// `GET /pictures/{kind}/{owner}/{id}`: the thumbnail, for who may see the
/// owner (visitors are asked to sign in for members' photos); kept by
/// shared caches only when anyone may see it.
pub(super) async fn picture_file(
    State(state): State<AppState>,
    ctx: PageCtx,
    Path((kind, id, pid)): Path<(String, String, i32)>,
) -> Result<Response, AppError> {
    let at = owner(&kind, &id)?;
    let (row, public) = pictures::readable(
        state.db.read(),
        &state.picture_owners,
        ctx.actor(),
        at.0,
        at.1,
        pid,
    )
    .await?;
    let sha: majlis_files::Sha256 = row
        .file_sha256
        .parse()
        .map_err(|_| AppError::Internal(anyhow::anyhow!("photo {pid}: bad digest")))?;
    let cache = if public {
        "public, max-age=86400"
    } else {
        "private, no-store"
    };
    crate::web::download::stored_file(
        &state.uploads.store,
        &sha,
        &format!("photo-{pid}.webp"),
        majlis_files::FileKind::Webp,
        cache,
    )
    .await
}
