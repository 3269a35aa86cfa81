//! `/events/{slug}/programme` (coordinators): sessions and working groups,
//! people in roles, and materials, one language at a time (`?in=`).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

use super::super::editing;
use super::super::entities::{event, event_session};
use super::super::rules::{self, EventDetail, ProgrammeSessions};
use super::super::{SessionKind, SessionRole};
use super::{
    EventPage, detail_for, event_days, int, organisation_choices, resource_choices, status_for,
    visible_event, writing_lang,
};
use crate::app::AppState;
use crate::audit::Origin;
use crate::audit::origin_of;
use crate::directory::service::Directory;
use crate::fields::form::RawForm;
use crate::i18n::{Locale, TrText};
use crate::library::practices::FieldError;
use crate::policy::{Actor, Coordinator};
use crate::web::extract::{ClientInfo, CsrfForm, RequireRole};
use crate::web::{AppError, PageCtx, Params, Section, redirect, render};

#[derive(Template)]
#[template(path = "events/templates/programme.html")]
struct ProgrammePage {
    ctx: PageCtx,
    dir: Arc<Directory>,
    d: EventDetail,
    lang: Locale,
    days: i32,
    session_kinds: &'static [SessionKind],
    roles: &'static [SessionRole],
    organisations: Vec<(i32, String)>,
    resources: Vec<(i32, String)>,
    form: RawForm,
    errors: Vec<FieldError>,
    /// Which form the errors belong to (`session`, `person`, `material`).
    failed: String,
}
event_page!(ProgrammePage);

impl ProgrammePage {
    fn has_error(&self, f: &str) -> bool {
        self.errors.iter().any(|e| e.field == f)
    }
    fn sessions(&self) -> Vec<(i32, String)> {
        let mut out = Vec::new();
        for d in &self.d.days {
            for s in &d.sessions {
                out.push((
                    s.session.id,
                    format!("{} · {}", d.number, s.session.title.text(self.ctx.locale)),
                ));
                for g in &s.groups {
                    out.push((
                        g.session.id,
                        format!("{} · — {}", d.number, g.session.title.text(self.ctx.locale)),
                    ));
                }
            }
        }
        out
    }
    fn day_numbers(&self) -> Vec<i32> {
        (1..=self.days).collect()
    }
    /// A value of the form named `form` (empty in the other forms).
    fn fv(&self, form: &str, name: &str) -> &str {
        if self.failed == form {
            self.form.get(name)
        } else {
            ""
        }
    }
    fn editing_session(&self) -> bool {
        self.failed == "session" && !self.form.get("session").is_empty()
    }
    /// Sessions that can hold working groups (those without a parent).
    fn top_sessions(&self) -> Vec<(i32, String)> {
        self.d
            .days
            .iter()
            .flat_map(|d| {
                d.sessions.iter().map(move |s| {
                    (
                        s.session.id,
                        format!("{} · {}", d.number, s.session.title.text(self.ctx.locale)),
                    )
                })
            })
            .collect()
    }
    fn text_in<'a>(&self, t: &'a TrText) -> &'a str {
        t.get(self.lang).unwrap_or_default()
    }
}

/// The page, with a form sent back when `errors` is not empty; `failed`
/// names the form they belong to.
struct Shown<'a> {
    form: RawForm,
    errors: Vec<FieldError>,
    failed: &'a str,
}

async fn show_programme(
    state: &AppState,
    ctx: PageCtx,
    actor: &Actor,
    slug: &str,
    lang: Locale,
    shown: Shown<'_>,
) -> Result<Response, AppError> {
    let d = detail_for(state, actor, slug).await?;
    let page = ProgrammePage {
        dir: state.directory.clone(),
        days: event_days(&d.event),
        organisations: organisation_choices(state, &ctx).await?,
        resources: resource_choices(state, &ctx).await?,
        ctx: ctx.with_section(Section::Events),
        d,
        lang,
        session_kinds: SessionKind::ALL,
        roles: SessionRole::ALL,
        form: shown.form,
        failed: shown.failed.to_owned(),
        errors: shown.errors,
    };
    Ok((status_for(!page.errors.is_empty()), render(&page)?).into_response())
}

/// The session form filled with one session, to change it in `lang`.
fn session_form(s: &event_session::Model, lang: Locale) -> RawForm {
    RawForm(vec![
        ("session".into(), s.id.to_string()),
        ("day".into(), s.day.to_string()),
        ("position".into(), s.position.to_string()),
        ("starts".into(), s.starts.clone().unwrap_or_default()),
        ("ends".into(), s.ends.clone().unwrap_or_default()),
        ("kind".into(), s.kind.clone()),
        (
            "title".into(),
            s.title.get(lang).unwrap_or_default().to_owned(),
        ),
        (
            "objectives".into(),
            s.objectives
                .as_ref()
                .and_then(|o| o.get(lang))
                .unwrap_or_default()
                .to_owned(),
        ),
        (
            "parent".into(),
            s.parent_id.map(|p| p.to_string()).unwrap_or_default(),
        ),
    ])
}

/// `GET /events/{slug}/programme?in=` (coordinators); `?session=` fills the
/// session form with one session, to change it.
pub(super) async fn programme_page(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    let shown = match params.get("session") {
        Some(sid) => {
            let sid = int(sid).ok_or(AppError::NotFound)?;
            let s = rules::session_of_event(state.db.read(), e.id, sid)
                .await?
                .ok_or(AppError::NotFound)?;
            Shown {
                form: session_form(&s, lang),
                errors: Vec::new(),
                failed: "session",
            }
        }
        None => Shown {
            form: RawForm::default(),
            errors: Vec::new(),
            failed: "",
        },
    };
    show_programme(&state, ctx, &actor, &slug, lang, shown).await
}

/// What a programme form asks for (its `op` field).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ProgrammeOp {
    SaveSession,
    DeleteSession,
    AddPerson,
    RemovePerson,
    Attach,
    Detach,
}

impl ProgrammeOp {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "save-session" => ProgrammeOp::SaveSession,
            "delete-session" => ProgrammeOp::DeleteSession,
            "add-person" => ProgrammeOp::AddPerson,
            "remove-person" => ProgrammeOp::RemovePerson,
            "attach" => ProgrammeOp::Attach,
            "detach" => ProgrammeOp::Detach,
            _ => return None,
        })
    }
}

/// `POST /events/{slug}/programme?in=` (coordinators): `op` is one of
/// `save-session`, `delete-session`, `add-person`, `remove-person`,
/// `attach`, `detach`.
pub(super) async fn change_programme(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    ClientInfo(client): ClientInfo,
    RequireRole { me, .. }: RequireRole<Coordinator>,
    Path(slug): Path<String>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, AppError> {
    let actor = me.actor();
    let e = visible_event(&state, Some(&actor), &slug).await?;
    let lang = writing_lang(&params, e.title.orig())?;
    let raw = RawForm(pairs);
    let op = ProgrammeOp::parse(raw.get("op")).ok_or_else(|| AppError::bad_request("op"))?;
    let change = Change {
        state: &state,
        actor: &actor,
        origin: &origin_of(&me, &client),
        event: &e,
        lang,
        sessions: ProgrammeSessions::load(state.db.read(), e.id).await?,
        now: Utc::now(),
    };
    let refused = match op {
        ProgrammeOp::SaveSession => change.save_session(&raw).await?,
        ProgrammeOp::DeleteSession => change.delete_session(&raw).await?,
        ProgrammeOp::AddPerson => change.add_person(&raw).await?,
        ProgrammeOp::RemovePerson => change.remove_person(&raw).await?,
        ProgrammeOp::Attach => change.attach(&raw).await?,
        ProgrammeOp::Detach => change.detach(&raw).await?,
    };
    match refused {
        None => Ok(redirect(
            format!("/events/{slug}/programme?in={}", lang.code()),
            &ctx,
        )),
        Some((errors, failed)) => {
            let shown = Shown {
                form: raw,
                errors,
                failed,
            };
            show_programme(&state, ctx, &actor, &slug, lang, shown).await
        }
    }
}

/// A programme form refused: its errors and which form it was.
type Refused = Option<(Vec<FieldError>, &'static str)>;

/// One programme change: the event, who makes it, in which language.
struct Change<'a> {
    state: &'a AppState,
    actor: &'a Actor,
    origin: &'a Origin,
    event: &'a event::Model,
    lang: Locale,
    sessions: ProgrammeSessions,
    now: DateTime<Utc>,
}

impl Change<'_> {
    /// The form's `session`: none when empty, else one of this event's (or 404).
    fn session(&self, raw: &RawForm) -> Result<Option<i32>, AppError> {
        match raw.get("session").trim() {
            "" => Ok(None),
            s => Ok(Some(
                int(s)
                    .filter(|s| self.sessions.contains(*s))
                    .ok_or(AppError::NotFound)?,
            )),
        }
    }

    async fn save_session(&self, raw: &RawForm) -> Result<Refused, AppError> {
        let session_id = self.session(raw)?;
        let existing_orig = session_id.and_then(|s| self.sessions.original_lang(s));
        let days = event_days(self.event);
        let parents = self.sessions.parents();
        match editing::parse_session(raw, self.lang, days, &parents, existing_orig) {
            Ok(input) => {
                let (db, id) = (&self.state.db, self.event.id);
                editing::save_session(db, self.origin, self.actor, id, session_id, input, self.now)
                    .await?;
                Ok(None)
            }
            Err(errors) => Ok(Some((errors, "session"))),
        }
    }

    async fn delete_session(&self, raw: &RawForm) -> Result<Refused, AppError> {
        let sid = int(raw.get("session")).ok_or(AppError::NotFound)?;
        let (db, id) = (&self.state.db, self.event.id);
        editing::delete_session(db, self.origin, self.actor, id, sid, self.now).await?;
        Ok(None)
    }

    async fn add_person(&self, raw: &RawForm) -> Result<Refused, AppError> {
        let read = self.state.db.read();
        let email = raw.get("email").trim().to_lowercase();
        let member = rules::member_by_email(read, &email).await?;
        let orgs = rules::organisation_ids(read).await?;
        match editing::parse_person(raw, &self.sessions.ids(), &orgs, member) {
            Ok(input) => {
                let (db, id) = (&self.state.db, self.event.id);
                editing::add_person(db, self.origin, self.actor, id, input, self.now).await?;
                Ok(None)
            }
            Err(errors) => Ok(Some((errors, "person"))),
        }
    }

    async fn remove_person(&self, raw: &RawForm) -> Result<Refused, AppError> {
        let pid = int(raw.get("person")).ok_or(AppError::NotFound)?;
        let (db, id) = (&self.state.db, self.event.id);
        editing::remove_person(db, self.origin, self.actor, id, pid, self.now).await?;
        Ok(None)
    }

    async fn attach(&self, raw: &RawForm) -> Result<Refused, AppError> {
        let session = self.session(raw)?;
        let resource = match int(raw.get("resource")) {
            Some(r) if rules::resource_exists(self.state.db.read(), r).await? => r,
            _ => {
                let error = FieldError {
                    field: "resource",
                    message: "form-error-choose",
                };
                return Ok(Some((vec![error], "material")));
            }
        };
        let (db, id) = (&self.state.db, self.event.id);
        editing::attach_material(db, self.origin, self.actor, id, session, resource, self.now)
            .await?;
        Ok(None)
    }

    async fn detach(&self, raw: &RawForm) -> Result<Refused, AppError> {
        let link = int(raw.get("material")).ok_or(AppError::NotFound)?;
        let (db, id) = (&self.state.db, self.event.id);
        editing::detach_material(db, self.origin, self.actor, id, link, self.now).await?;
        Ok(None)
    }
}
