//! The list of dilemmas (who may read one is decided in the query, so
//! totals never count what the reader may not see) and finding one by slug.

use std::collections::HashMap;

use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use super::detail::parts_of;
use super::{names_of, themes_of};
use crate::consultations::entities::{dilemma, dilemma_participant, dilemma_theme};
use crate::consultations::error::ConsultError;
use crate::consultations::{DilemmaStatus, DilemmaVisibility};
use crate::directory::entities::theme;
use crate::directory::reference::Reference;
use crate::directory::rules::{CountryCode, Slug, non_empty};
use crate::events::entities::event;
use crate::fields::paging::{Page, PageRequest, empty_page};
use crate::library::visible_codes;
use crate::policy::{Actor, DilemmaPart, DilemmaRef};

/// The filters of `/consultations` and `/api/v1/dilemmas`.
#[derive(Clone, Debug, Default)]
pub struct DilemmaFilter {
    pub theme: Option<Slug>,
    pub country: Option<CountryCode>,
    pub status: Option<DilemmaStatus>,
    /// An event's slug: dilemmas discussed at its clinics.
    pub event: Option<Slug>,
}

impl DilemmaFilter {
    /// Parse the query's values; a malformed one is refused naming the field.
    pub fn parse(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConsultError> {
        Ok(DilemmaFilter {
            theme: param(&get, "theme", Slug::parse)?,
            country: param(&get, "country", CountryCode::parse)?,
            status: param(&get, "status", DilemmaStatus::from_code)?,
            event: param(&get, "event", Slug::parse)?,
        })
    }
}

/// One optional query value: absent or blank is `None`, malformed is refused.
pub(super) fn param<T>(
    get: &impl Fn(&str) -> Option<String>,
    field: &'static str,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, ConsultError> {
    match non_empty(get(field).as_deref()) {
        None => Ok(None),
        Some(v) => parse(v).map(Some).ok_or(ConsultError::BadParam(field)),
    }
}

/// The condition that keeps only the dilemmas `actor` may read.
pub fn readable(actor: Option<&Actor>) -> Condition {
    if actor.is_some_and(|a| a.is_staff()) {
        return Condition::all();
    }
    let listed: Vec<&str> = visible_codes(actor);
    let mut c = Condition::any().add(
        Condition::all()
            .add(dilemma::Column::Status.ne(DilemmaStatus::Draft.code()))
            .add(dilemma::Column::Visibility.is_in(listed)),
    );
    if let Some(a) = actor {
        let mine = Query::select()
            .column(dilemma_participant::Column::DilemmaId)
            .from(dilemma_participant::Entity)
            .and_where(dilemma_participant::Column::PersonId.eq(a.person_id))
            .to_owned();
        // Invited people and rapporteurs read what is not a draft; the
        // presenter (or whoever put it on the platform) also reads drafts.
        c = c
            .add(
                Condition::all()
                    .add(dilemma::Column::Status.ne(DilemmaStatus::Draft.code()))
                    .add(dilemma::Column::Id.in_subquery(mine)),
            )
            .add(dilemma::Column::CreatedBy.eq(a.person_id))
            .add(dilemma::Column::PresenterId.eq(a.person_id));
    }
    c
}

/// A dilemma as lists show it.
#[derive(Clone, Debug)]
pub struct DilemmaCard {
    pub d: dilemma::Model,
    pub status: DilemmaStatus,
    pub presenter: String,
    pub themes: Vec<theme::Model>,
}

/// The display name of a dilemma's presenter, given the names of people.
pub(super) fn presenter_of(d: &dilemma::Model, names: &HashMap<i32, String>) -> String {
    d.presenter_id
        .and_then(|id| names.get(&id).cloned())
        .or_else(|| d.presenter_name.clone())
        .unwrap_or_default()
}

/// One page of dilemmas the reader may see, newest first: three queries
/// (plus one for an event filter).
pub async fn list<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    actor: Option<&Actor>,
    f: &DilemmaFilter,
    page: PageRequest,
) -> Result<Page<DilemmaCard>, DbErr> {
    let mut q = dilemma::Entity::find().filter(readable(actor));
    if let Some(s) = f.status {
        q = q.filter(dilemma::Column::Status.eq(s.code()));
    }
    if let Some(c) = &f.country {
        q = q.filter(dilemma::Column::CountryCode.eq(c.as_str()));
    }
    if let Some(slug) = &f.theme {
        let Some(t) = reference.theme_by_slug(slug.as_str()) else {
            return Ok(empty_page(page));
        };
        q = q.filter(
            dilemma::Column::Id.in_subquery(
                Query::select()
                    .column(dilemma_theme::Column::DilemmaId)
                    .from(dilemma_theme::Entity)
                    .and_where(dilemma_theme::Column::ThemeId.eq(t.id))
                    .to_owned(),
            ),
        );
    }
    if let Some(slug) = &f.event {
        let Some(e) = event::Entity::find()
            .filter(event::Column::Slug.eq(slug.as_str()))
            .filter(event::Column::Visibility.is_in(visible_codes(actor)))
            .one(db)
            .await?
        else {
            return Ok(empty_page(page));
        };
        q = q.filter(dilemma::Column::EventId.eq(e.id));
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_asc(Expr::cust("CASE WHEN opens_at IS NULL THEN 1 ELSE 0 END"))
        .order_by_desc(dilemma::Column::OpensAt)
        .order_by_asc(dilemma::Column::EventId)
        .order_by_asc(dilemma::Column::SessionId)
        .order_by_asc(dilemma::Column::Position)
        .order_by_asc(dilemma::Column::Id)
        .offset(page.offset())
        .limit(page.per_page)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|d| d.id).collect();
    let mut themes = themes_of(db, reference, &ids).await?;
    let names = names_of(db, rows.iter().filter_map(|d| d.presenter_id)).await?;
    Ok(Page {
        items: rows
            .into_iter()
            .map(|d| DilemmaCard {
                status: DilemmaStatus::from_code(&d.status).unwrap_or(DilemmaStatus::Draft),
                presenter: presenter_of(&d, &names),
                themes: themes.remove(&d.id).unwrap_or_default(),
                d,
            })
            .collect(),
        total,
        page: page.page,
        per_page: page.per_page,
    })
}

/// The actor's part in a dilemma (one query, none for visitors).
pub async fn part_of<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    d: &dilemma::Model,
) -> Result<Option<DilemmaPart>, DbErr> {
    Ok(parts_of(db, actor, std::slice::from_ref(d))
        .await?
        .remove(&d.id))
}

/// What the policy needs to know of `d` for `part`, at `now`.
pub fn dilemma_ref(
    d: &dilemma::Model,
    part: Option<DilemmaPart>,
    now: chrono::DateTime<chrono::Utc>,
) -> DilemmaRef {
    let status = DilemmaStatus::from_code(&d.status).unwrap_or(DilemmaStatus::Draft);
    let within = d.closes_at.is_none_or(|c| now < c);
    DilemmaRef {
        audience: DilemmaVisibility::from_code(&d.visibility)
            .unwrap_or(DilemmaVisibility::Participants)
            .audience(),
        draft: status == DilemmaStatus::Draft,
        taking_contributions: status.is_running() && within,
        part,
    }
}

/// A dilemma by slug, with the actor's part, if the actor may read it.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    slug: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(dilemma::Model, DilemmaRef)>, DbErr> {
    Ok(find_sourced(db, actor, slug, now)
        .await?
        .map(|(d, r, _)| (d, r)))
}

/// As [`find`], with the network the dilemma was imported from (read in
/// the same query).
pub async fn find_sourced<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    slug: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(dilemma::Model, DilemmaRef, Option<String>)>, DbErr> {
    let q = dilemma::Entity::find().filter(dilemma::Column::Slug.eq(slug));
    let Some(found) = crate::db::provenance::one_sourced(db, q, "dilemma").await? else {
        return Ok(None);
    };
    let d = found.item;
    let part = part_of(db, actor, &d).await?;
    let r = dilemma_ref(&d, part, now);
    Ok(
        crate::policy::can(actor, crate::policy::Action::ViewDilemma(r)).then_some((
            d,
            r,
            found.imported_from,
        )),
    )
}

/// The dilemmas still taking contributions that `actor` may read, those
/// closing first at the top, at most `limit` (the home page): one query.
pub async fn taking_contributions<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    now: chrono::DateTime<chrono::Utc>,
    limit: u64,
) -> Result<Vec<dilemma::Model>, DbErr> {
    let running = [
        DilemmaStatus::Open.code(),
        DilemmaStatus::InDiscussion.code(),
    ];
    dilemma::Entity::find()
        .filter(readable(actor))
        .filter(dilemma::Column::Status.is_in(running))
        .filter(
            Condition::any()
                .add(dilemma::Column::ClosesAt.is_null())
                .add(dilemma::Column::ClosesAt.gt(now)),
        )
        .order_by_asc(Expr::cust("dilemma.closes_at IS NULL"))
        .order_by_asc(dilemma::Column::ClosesAt)
        .order_by_desc(dilemma::Column::Id)
        .limit(limit)
        .all(db)
        .await
}
