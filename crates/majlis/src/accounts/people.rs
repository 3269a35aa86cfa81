//! Coordinators' management of people: roles, affiliations and deactivation.

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, DbErr, EntityTrait, QueryOrder};

use super::{AccountError, Email, Password, hash_password, person, signin};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::Locale;
use crate::policy::{Action, Actor, Role, can};

/// Why a change to a person was refused.
#[derive(Debug, thiserror::Error)]
pub enum PeopleError {
    #[error("not allowed")]
    Forbidden,
    #[error("no such person")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Everyone, by name.
pub async fn list(db: &Db) -> Result<Vec<person::Model>, DbErr> {
    person::Entity::find()
        .order_by_asc(person::Column::DisplayName)
        .order_by_asc(person::Column::Id)
        .all(db.read())
        .await
}

/// Create a person with a role and a password (the CLI and tests use this;
/// invitations will set the password themselves).
pub async fn create(
    db: &Db,
    email: &Email,
    display_name: &str,
    role: Role,
    locale: Locale,
    password: &Password,
    now: DateTime<Utc>,
) -> Result<person::Model, AccountError> {
    super::create_with_role(db, email, display_name, role.code(), locale, password, now).await
}

fn may_touch(actor: &Actor, target: &person::Model, new_role: Option<Role>) -> bool {
    if !can(Some(actor), Action::ManagePeople) {
        return false;
    }
    let target_role = Role::from_code(&target.role).unwrap_or(Role::Member);
    // Only administrators grant or take away the administrator role.
    if (target_role == Role::Admin || new_role == Some(Role::Admin)) && actor.role != Role::Admin {
        return false;
    }
    true
}

/// Give someone another role.
pub async fn change_role(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    person_id: i32,
    role: Role,
) -> Result<person::Model, PeopleError> {
    let target = person::Entity::find_by_id(person_id)
        .one(db.read())
        .await?
        .ok_or(PeopleError::NotFound)?;
    if !may_touch(actor, &target, Some(role))
        || (target.id == actor.person_id && role != actor.role)
    {
        return Err(PeopleError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let mut am: person::ActiveModel = target.into();
    let before = target_role_code(&am);
    am.role = Set(role.code().to_owned());
    let p = am.update(&tx).await?;
    outbox::record(&tx, "person", p.id, Op::Updated).await?;
    audit::record(
        &tx,
        origin,
        "role-changed",
        "person",
        p.id,
        Some(format!("{before} -> {}", role.code())),
        Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(p)
}

/// Deactivate (ending every session) or reactivate an account. Nobody
/// deactivates themselves.
pub async fn set_active(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    person_id: i32,
    active: bool,
) -> Result<person::Model, PeopleError> {
    let target = person::Entity::find_by_id(person_id)
        .one(db.read())
        .await?
        .ok_or(PeopleError::NotFound)?;
    if !may_touch(actor, &target, None) || target.id == actor.person_id {
        return Err(PeopleError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let mut am: person::ActiveModel = target.into();
    am.active = Set(active);
    let p = am.update(&tx).await?;
    outbox::record(&tx, "person", p.id, Op::Updated).await?;
    let action = if active { "reactivated" } else { "deactivated" };
    audit::record(&tx, origin, action, "person", p.id, None, Utc::now()).await?;
    tx.commit().await?;
    if !active {
        signin::sign_out_everywhere(db, p.id).await?;
    }
    Ok(p)
}

fn target_role_code(am: &person::ActiveModel) -> String {
    match &am.role {
        sea_orm::ActiveValue::Set(r) | sea_orm::ActiveValue::Unchanged(r) => r.clone(),
        sea_orm::ActiveValue::NotSet => String::new(),
    }
}

/// Hash a new password (re-exported for callers that set one).
pub fn hash(password: &Password) -> Result<String, AccountError> {
    hash_password(password)
}

/// A new tie of a person to a municipality (possibly as its focal point) or
/// to an organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AffiliationTarget {
    Municipality { id: i32, focal_point: bool },
    Organisation(i32),
}

/// One person, for a coordinator's page about them.
pub async fn find(db: &Db, person_id: i32) -> Result<person::Model, PeopleError> {
    person::Entity::find_by_id(person_id)
        .one(db.read())
        .await?
        .ok_or(PeopleError::NotFound)
}

/// A person's affiliations, in the order they were added.
pub async fn affiliations_of(
    db: &Db,
    person_id: i32,
) -> Result<Vec<super::affiliation::Model>, DbErr> {
    use sea_orm::{ColumnTrait, QueryFilter};
    super::affiliation::Entity::find()
        .filter(super::affiliation::Column::PersonId.eq(person_id))
        .order_by_asc(super::affiliation::Column::Id)
        .all(db.read())
        .await
}

/// Add an affiliation (coordinators). The person's rights follow at once:
/// a focal point acts for the municipality on their next request.
pub async fn add_affiliation(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    person_id: i32,
    target: AffiliationTarget,
    position: Option<crate::i18n::TrText>,
) -> Result<(), PeopleError> {
    let p = person::Entity::find_by_id(person_id)
        .one(db.read())
        .await?
        .ok_or(PeopleError::NotFound)?;
    if !may_touch(actor, &p, None) {
        return Err(PeopleError::Forbidden);
    }
    let (municipality, organisation, focal_point) = match target {
        AffiliationTarget::Municipality { id, focal_point } => (Some(id), None, focal_point),
        AffiliationTarget::Organisation(id) => (None, Some(id), false),
    };
    let tx = db.begin_write().await?;
    let a = super::affiliation::ActiveModel {
        person_id: Set(p.id),
        municipality_id: Set(municipality),
        organisation_id: Set(organisation),
        position: Set(position),
        focal_point: Set(focal_point),
        ..Default::default()
    }
    .insert(&tx)
    .await?;
    outbox::record(&tx, "person", p.id, Op::Updated).await?;
    if let Some(m) = municipality {
        super::affiliation::people_changed(&tx, m).await?;
    }
    let detail = match (municipality, organisation) {
        (Some(m), _) if focal_point => format!("municipality {m}, focal point"),
        (Some(m), _) => format!("municipality {m}"),
        (_, Some(o)) => format!("organisation {o}"),
        _ => String::new(),
    };
    audit::record(
        &tx,
        origin,
        "affiliation-added",
        "person",
        p.id,
        Some(format!("{detail} (affiliation {})", a.id)),
        Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Remove one of a person's affiliations (coordinators).
pub async fn remove_affiliation(
    db: &Db,
    actor: &Actor,
    origin: &Origin,
    person_id: i32,
    affiliation_id: i32,
) -> Result<(), PeopleError> {
    use sea_orm::{ColumnTrait, QueryFilter};
    let p = person::Entity::find_by_id(person_id)
        .one(db.read())
        .await?
        .ok_or(PeopleError::NotFound)?;
    if !may_touch(actor, &p, None) {
        return Err(PeopleError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let row = super::affiliation::Entity::find_by_id(affiliation_id)
        .filter(super::affiliation::Column::PersonId.eq(p.id))
        .one(&tx)
        .await?
        .ok_or(PeopleError::NotFound)?;
    super::affiliation::Entity::delete_by_id(row.id)
        .exec(&tx)
        .await?;
    outbox::record(&tx, "person", p.id, Op::Updated).await?;
    if let Some(m) = row.municipality_id {
        super::affiliation::people_changed(&tx, m).await?;
    }
    audit::record(
        &tx,
        origin,
        "affiliation-removed",
        "person",
        p.id,
        Some(format!("affiliation {affiliation_id}")),
        Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
