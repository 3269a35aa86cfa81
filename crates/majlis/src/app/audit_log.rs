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

/// One line of the log as shown: who, what (translated when the action is
/// known, else its code), and the object named and linked when it still
/// exists.
struct Line {
    entry: entity::Model,
    actor: String,
    action: Option<String>,
    kind: String,
    object: Option<Named>,
}

/// An object as a line of the log names it: its title in the reader's
/// language and its page.
#[derive(Clone)]
struct Named {
    title: String,
    url: String,
}

type Names = std::collections::HashMap<(String, String), Named>;

/// The titles and pages of the objects on a page of the log: one query for
/// each kind of object present (at most ten), none per line.
async fn object_names(
    db: &sea_orm::DatabaseConnection,
    entries: &[entity::Model],
    locale: crate::i18n::Locale,
) -> Result<Names, sea_orm::DbErr> {
    use crate::consultations::entities::dilemma;
    use crate::directory::entities::{municipality, organisation};
    use crate::events::entities::event;
    use crate::library::entities::{compendium, practice, resource};
    use crate::projects::entities::project;
    use crate::surveys::entities::survey;
    let ids = |kind: &str| -> Vec<i32> {
        let mut v: Vec<i32> = entries
            .iter()
            .filter(|e| e.object_type == kind)
            .filter_map(|e| e.object_id.parse().ok())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let mut names = Names::new();
    let mut put = |kind: &str, id: i32, title: String, url: String| {
        names.insert((kind.to_owned(), id.to_string()), Named { title, url });
    };
    let t = |x: &crate::i18n::TrText| x.text(locale).to_owned();
    macro_rules! named {
        ($kind:literal, $entity:ident, $title:ident, $url:expr) => {
            let wanted = ids($kind);
            if !wanted.is_empty() {
                for m in $entity::Entity::find()
                    .filter($entity::Column::Id.is_in(wanted))
                    .all(db)
                    .await?
                {
                    let url = $url(&m);
                    put($kind, m.id, t(&m.$title), url);
                }
            }
        };
    }
    named!("event", event, title, |m: &event::Model| format!(
        "/events/{}",
        m.slug
    ));
    named!("practice", practice, title, |m: &practice::Model| format!(
        "/practices/{}",
        m.id
    ));
    named!("resource", resource, title, |m: &resource::Model| format!(
        "/library/{}",
        m.id
    ));
    named!(
        "compendium",
        compendium,
        title,
        |m: &compendium::Model| format!("/compendiums/{}", m.slug)
    );
    named!("dilemma", dilemma, question, |m: &dilemma::Model| format!(
        "/consultations/{}",
        m.slug
    ));
    named!(
        "municipality",
        municipality,
        name,
        |m: &municipality::Model| format!("/municipalities/{}", m.slug)
    );
    named!(
        "organisation",
        organisation,
        name,
        |m: &organisation::Model| format!("/organisations/{}", m.slug)
    );
    named!("project", project, title, |m: &project::Model| format!(
        "/projects/{}",
        m.slug
    ));
    named!("survey", survey, title, |m: &survey::Model| format!(
        "/surveys/{}",
        m.slug
    ));
    let people = ids("person");
    if !people.is_empty() {
        for p in person::Entity::find()
            .filter(person::Column::Id.is_in(people))
            .all(db)
            .await?
        {
            put(
                "person",
                p.id,
                p.display_name,
                format!("/audit?person={}", p.id),
            );
        }
    }
    Ok(names)
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
    let objects = object_names(state.db.read(), &entries, ctx.locale).await?;
    let label = |prefix: &str, code: &str| {
        let id = format!("{prefix}{}", code.replace('.', "-"));
        ctx.locale.has(&id).then(|| ctx.t(&id))
    };
    let lines = entries
        .into_iter()
        .map(|entry| Line {
            action: label("audit-action-", &entry.action),
            kind: label("audit-object-kind-", &entry.object_type)
                .unwrap_or_else(|| entry.object_type.clone()),
            object: objects
                .get(&(entry.object_type.clone(), entry.object_id.clone()))
                .cloned(),
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
