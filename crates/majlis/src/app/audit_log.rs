//! `/audit`: the log for coordinators, filtered by person, object and date.
//! The log itself (`crate::audit`) is infrastructure every activity writes
//! to; this page names people and shows the age of the last backup, so it
//! is assembled at the top, with the application.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::accounts::person;
use crate::app::AppState;
use crate::app::Routes;
use crate::audit::{Filter, entity};
use crate::fields::non_empty;
use crate::policy::Coordinator;
use crate::web::extract::RequireRole;
use crate::web::{AppError, PageCtx, Params, Section, render};

const PER_PAGE: u64 = 50;

pub fn routes() -> Routes {
    Routes::new().get("/audit", audit)
}

/// One line of the log as shown.
struct Line {
    entry: entity::Model,
    actor: String,
}

#[derive(Template)]
#[template(path = "app/templates/audit.html")]
struct AuditPage {
    ctx: PageCtx,
    lines: Vec<Line>,
    page: u64,
    more: bool,
    /// Hours since the last good backup (`None`: none yet).
    backup_hours: Option<i64>,
}

fn parse_filter(p: &Params) -> Result<(Filter, u64), AppError> {
    let date = |key: &str| -> Result<Option<NaiveDate>, AppError> {
        non_empty(p.get(key))
            .map(|d| {
                NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| AppError::bad_request(key))
            })
            .transpose()
    };
    let actor_id = non_empty(p.get("person"))
        .map(|a| {
            a.parse::<i32>()
                .map_err(|_| AppError::bad_request("person"))
        })
        .transpose()?;
    let text = |key: &str| -> Result<Option<String>, AppError> {
        match non_empty(p.get(key)) {
            Some(v) if v.chars().count() > 64 => Err(AppError::bad_request(key)),
            v => Ok(v.map(str::to_owned)),
        }
    };
    let page = match non_empty(p.get("page")) {
        None => 1,
        Some(n) => n
            .parse::<u64>()
            .ok()
            .filter(|n| (1..=100_000).contains(n))
            .ok_or_else(|| AppError::bad_request("page"))?,
    };
    Ok((
        Filter {
            actor_id,
            object_type: text("object")?,
            object_id: text("object_id")?,
            from: date("from")?,
            to: date("to")?,
        },
        page,
    ))
}

/// `GET /audit?person=&object=&object_id=&from=&to=&page=`
async fn audit(
    State(state): State<AppState>,
    ctx: PageCtx,
    params: Params,
    _who: RequireRole<Coordinator>,
) -> Result<Response, AppError> {
    let (filter, page) = parse_filter(&params)?;
    let (entries, more) = crate::audit::list(state.db.read(), &filter, page, PER_PAGE).await?;
    // Names of the people on this page, in one query.
    let ids: Vec<i32> = entries.iter().filter_map(|e| e.actor_id).collect();
    let names: std::collections::HashMap<i32, String> = if ids.is_empty() {
        Default::default()
    } else {
        person::Entity::find()
            .filter(person::Column::Id.is_in(ids))
            .all(state.db.read())
            .await?
            .into_iter()
            .map(|p| (p.id, format!("{} <{}>", p.display_name, p.email)))
            .collect()
    };
    let lines = entries
        .into_iter()
        .map(|entry| Line {
            actor: match entry.actor_id {
                Some(id) => names.get(&id).cloned().unwrap_or_else(|| format!("#{id}")),
                None if entry.ip == crate::audit::Origin::cli().ip => ctx.t("audit-system"),
                None => ctx.t("audit-former-member"),
            },
            entry,
        })
        .collect();
    let backup_hours = crate::app::backup::schedule::last_good(&state.db)
        .await?
        .map(|at| (chrono::Utc::now() - at).num_hours().max(0));
    let page = AuditPage {
        ctx: ctx.with_section(Section::Audit),
        lines,
        page,
        more,
        backup_hours,
    };
    let mut res = Html(render(&page)?.0).into_response();
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(res)
}
