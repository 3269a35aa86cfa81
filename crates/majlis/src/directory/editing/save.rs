//! Saving directory changes (policy-checked), each in one transaction with
//! its audit entry naming what changed and its outbox row.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, SqlErr, TryIntoModel,
};

use super::forms::{MunicipalityCreate, MunicipalityEdit, OrganisationCreate, OrganisationEdit};
use super::parse::degrees_text;
use super::{EditError, RESERVED_SLUGS};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::{
    municipality, municipality_theme, organisation, organisation_theme,
};
use crate::directory::rules::Slug;
use crate::policy::{Action, Actor, authorize};

/// A unique-constraint violation on insert is a taken address (two people
/// creating the same one at once); anything else stays a database error.
pub(super) fn slug_conflict(e: DbErr) -> EditError {
    match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => EditError::SlugTaken,
        _ => EditError::Db(e),
    }
}

/// Refuse an address the pages use or another record has.
pub(super) async fn check_slug_free<E>(
    tx: &DatabaseTransaction,
    column: E::Column,
    slug: &Slug,
) -> Result<(), EditError>
where
    E: EntityTrait,
    E::Model: Sync,
{
    if RESERVED_SLUGS.contains(&slug.as_str()) {
        return Err(EditError::SlugTaken);
    }
    let n = E::find().filter(column.eq(slug.as_str())).count(tx).await?;
    if n > 0 {
        return Err(EditError::SlugTaken);
    }
    Ok(())
}

/// Save a municipality's profile, with its outbox row, in one transaction.
pub async fn update_municipality(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    edit: MunicipalityEdit,
    now: DateTime<Utc>,
) -> Result<municipality::Model, EditError> {
    authorize(Some(actor), Action::EditMunicipality(id))?;
    let tx = db.begin_write().await?;
    let m = municipality::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(EditError::NotFound)?;
    let themes: BTreeSet<i32> = municipality_theme::Entity::find()
        .filter(municipality_theme::Column::MunicipalityId.eq(id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let before = municipality_fields(&m, &themes);
    let mut am: municipality::ActiveModel = m.clone().into();
    set_profile(&mut am, &edit);
    let after = am.clone().try_into_model()?;
    if after == m && edit.themes == themes {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(m);
    }
    let changes = before
        .changes(&municipality_fields(&after, &edit.themes))
        .unwrap_or_default();
    am.updated_at = Set(now);
    let m = am.update(&tx).await?;
    set_municipality_themes(&tx, id, &edit.themes, true).await?;
    outbox::record(&tx, "municipality", id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "profile-edited",
        "municipality",
        id,
        Some(changes).filter(|c| !c.is_empty()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(m)
}

/// What a municipality's audit entries compare (themes by id).
pub(super) fn municipality_fields(
    m: &municipality::Model,
    themes: &BTreeSet<i32>,
) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.text("name", Some(&m.name))
        .text("profile", m.profile.as_ref())
        .opt("region", m.region.as_ref())
        .opt("population", m.population)
        .opt("population_year", m.population_year)
        .opt("refugees_hosted", m.refugees_hosted)
        .opt("refugees_year", m.refugees_year)
        .opt("latitude", m.latitude_micro.map(degrees_text))
        .opt("longitude", m.longitude_micro.map(degrees_text))
        .list("themes", themes);
    f
}

/// What an organisation's audit entries compare (themes by id).
pub(super) fn organisation_fields(
    o: &organisation::Model,
    themes: &BTreeSet<i32>,
) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.text("name", Some(&o.name))
        .opt("acronym", o.acronym.as_ref())
        .put("kind", &o.kind)
        .opt("country", o.country_code.as_ref())
        .opt("website", o.website.as_ref())
        .text("description", o.description.as_ref())
        .list("themes", themes);
    f
}

pub(super) fn set_profile(am: &mut municipality::ActiveModel, edit: &MunicipalityEdit) {
    am.name = Set(edit.name.clone());
    am.profile = Set(edit.profile.clone());
    am.region = Set(edit.region.clone());
    am.population = Set(edit.population.map(|p| p.0));
    am.population_year = Set(edit.population.map(|p| p.1));
    am.refugees_hosted = Set(edit.refugees.map(|p| p.0));
    am.refugees_year = Set(edit.refugees.map(|p| p.1));
    am.latitude_micro = Set(edit.position.map(|p| p.0));
    am.longitude_micro = Set(edit.position.map(|p| p.1));
}

pub(super) async fn set_municipality_themes(
    tx: &DatabaseTransaction,
    id: i32,
    themes: &BTreeSet<i32>,
    replace: bool,
) -> Result<(), DbErr> {
    if replace {
        municipality_theme::Entity::delete_many()
            .filter(municipality_theme::Column::MunicipalityId.eq(id))
            .exec(tx)
            .await?;
    }
    for theme_id in themes {
        municipality_theme::ActiveModel {
            municipality_id: Set(id),
            theme_id: Set(*theme_id),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

/// Add a member municipality (coordinators), with its outbox row and audit
/// entry, in one transaction.
pub async fn create_municipality(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    create: MunicipalityCreate,
    now: DateTime<Utc>,
) -> Result<municipality::Model, EditError> {
    authorize(Some(actor), Action::EditDirectory)?;
    let tx = db.begin_write().await?;
    check_slug_free::<municipality::Entity>(&tx, municipality::Column::Slug, &create.slug).await?;
    let mut am = municipality::ActiveModel {
        slug: Set(create.slug.as_str().to_owned()),
        kind: Set(create.kind.code().to_owned()),
        country_code: Set(create.country.as_str().to_owned()),
        member_since: Set(create.member_since),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_profile(&mut am, &create.edit);
    let m = am.insert(&tx).await.map_err(slug_conflict)?;
    set_municipality_themes(&tx, m.id, &create.edit.themes, false).await?;
    outbox::record(&tx, "municipality", m.id, Op::Created).await?;
    audit::record(
        &tx,
        origin,
        "municipality-created",
        "municipality",
        m.id,
        Some(m.slug.clone()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(m)
}

pub(super) fn set_organisation(am: &mut organisation::ActiveModel, edit: &OrganisationEdit) {
    am.name = Set(edit.name.clone());
    am.acronym = Set(edit.acronym.clone());
    am.kind = Set(edit.kind.code().to_owned());
    am.country_code = Set(edit.country.as_ref().map(|c| c.as_str().to_owned()));
    am.website = Set(edit.website.clone());
    am.description = Set(edit.description.clone());
}

pub(super) async fn set_organisation_themes(
    tx: &DatabaseTransaction,
    id: i32,
    themes: &BTreeSet<i32>,
    replace: bool,
) -> Result<(), DbErr> {
    if replace {
        organisation_theme::Entity::delete_many()
            .filter(organisation_theme::Column::OrganisationId.eq(id))
            .exec(tx)
            .await?;
    }
    for theme_id in themes {
        organisation_theme::ActiveModel {
            organisation_id: Set(id),
            theme_id: Set(*theme_id),
        }
        .insert(tx)
        .await?;
    }
    Ok(())
}

/// Add a partner organisation (coordinators).
pub async fn create_organisation(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    create: OrganisationCreate,
    now: DateTime<Utc>,
) -> Result<organisation::Model, EditError> {
    authorize(Some(actor), Action::EditDirectory)?;
    let tx = db.begin_write().await?;
    check_slug_free::<organisation::Entity>(&tx, organisation::Column::Slug, &create.slug).await?;
    let mut am = organisation::ActiveModel {
        slug: Set(create.slug.as_str().to_owned()),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    set_organisation(&mut am, &create.edit);
    let o = am.insert(&tx).await.map_err(slug_conflict)?;
    set_organisation_themes(&tx, o.id, &create.edit.themes, false).await?;
    outbox::record(&tx, "organisation", o.id, Op::Created).await?;
    audit::record(
        &tx,
        origin,
        "organisation-created",
        "organisation",
        o.id,
        Some(o.slug.clone()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(o)
}

/// Change a partner organisation (coordinators); its address stays.
pub async fn update_organisation(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    id: i32,
    edit: OrganisationEdit,
    now: DateTime<Utc>,
) -> Result<organisation::Model, EditError> {
    authorize(Some(actor), Action::EditDirectory)?;
    let tx = db.begin_write().await?;
    let o = organisation::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(EditError::NotFound)?;
    let themes: BTreeSet<i32> = organisation_theme::Entity::find()
        .filter(organisation_theme::Column::OrganisationId.eq(id))
        .all(&tx)
        .await?
        .into_iter()
        .map(|t| t.theme_id)
        .collect();
    let before = organisation_fields(&o, &themes);
    let mut am: organisation::ActiveModel = o.clone().into();
    set_organisation(&mut am, &edit);
    let after = am.clone().try_into_model()?;
    // An address stored before it was normalised counts as sent back unchanged.
    let mut same = after.clone();
    same.website = crate::fields::keep_link(o.website.as_deref(), same.website);
    if same == o && edit.themes == themes {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(o);
    }
    let changes = before
        .changes(&organisation_fields(&after, &edit.themes))
        .unwrap_or_default();
    am.updated_at = Set(now);
    let o = am.update(&tx).await?;
    set_organisation_themes(&tx, id, &edit.themes, true).await?;
    outbox::record(&tx, "organisation", id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "organisation-edited",
        "organisation",
        id,
        Some(changes).filter(|c| !c.is_empty()),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(o)
}
