//! The demo network: organisations and municipalities named in the seed
//! documents (`network.toml`, embedded). Loading is idempotent: a second load
//! changes nothing and writes nothing to the outbox. Later activities add
//! their own facts to this loader.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder,
};
use serde::Deserialize;

use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::entities::{
    contact, municipality, municipality_theme, organisation, organisation_theme, theme,
};
use crate::directory::reference::TrDef;
use crate::directory::{MunicipalityKind, OrganisationKind};
use crate::i18n::TrText;

pub mod cohesion;
mod consultations;
mod events;
mod library;

pub use library::stand_in_files;
mod projects;
mod surveys;
pub mod synthetic;

const NETWORK_TOML: &str = include_str!("network.toml");

#[derive(Debug, Deserialize)]
struct DemoFile {
    #[serde(default)]
    organisation: Vec<OrganisationDef>,
    #[serde(default)]
    municipality: Vec<MunicipalityDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct OrganisationDef {
    slug: String,
    acronym: Option<String>,
    kind: String,
    country: Option<String>,
    website: Option<String>,
    name: TrDef,
    description: Option<TrDef>,
    #[serde(default)]
    themes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MunicipalityDef {
    slug: String,
    kind: String,
    name: TrDef,
    country: String,
    region: Option<String>,
    population: Option<i64>,
    population_year: Option<i32>,
    refugees_hosted: Option<i64>,
    refugees_year: Option<i32>,
    member_since: Option<i32>,
    /// Latitude and longitude in decimal degrees (the town hall, or the
    /// centre of a district), for the member map.
    position: Option<[f64; 2]>,
    #[serde(default)]
    themes: Vec<String>,
    profile: Option<TrDef>,
    #[serde(default)]
    contact: Vec<ContactDef>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactDef {
    name: String,
    position: Option<TrDef>,
}

/// What a load did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

/// The demo data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("demo data is invalid: {0}")]
    Invalid(String),
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("demo files could not be made: {0}")]
    Files(String),
}

fn tr(def: TrDef, what: &str) -> Result<TrText, DemoError> {
    TrText::try_from(def).map_err(|e| DemoError::Invalid(format!("{what}: {e}")))
}

fn tr_opt(def: Option<TrDef>, what: &str) -> Result<Option<TrText>, DemoError> {
    def.map(|d| tr(d, what)).transpose()
}

fn parse() -> Result<DemoFile, DemoError> {
    toml::from_str(NETWORK_TOML).map_err(|e| DemoError::Invalid(format!("network.toml: {e}")))
}

/// Whether the directory holds no member yet (then `serve --demo` loads the demo).
pub async fn is_empty(db: &Db) -> Result<bool, DbErr> {
    Ok(municipality::Entity::find().count(db.read()).await? == 0
        && organisation::Entity::find().count(db.read()).await? == 0)
}

/// Load (or bring up to date) the demo network, in one transaction.
pub async fn load(db: &Db, now: DateTime<Utc>) -> Result<LoadReport, DemoError> {
    let file = parse()?;
    let tx = db.begin_write().await?;
    let themes: HashMap<String, i32> = theme::Entity::find()
        .all(&tx)
        .await?
        .into_iter()
        .map(|t| (t.slug, t.id))
        .collect();
    let theme_ids = |slugs: &[String], owner: &str| -> Result<BTreeSet<i32>, DemoError> {
        slugs
            .iter()
            .map(|s| {
                themes
                    .get(s)
                    .copied()
                    .ok_or_else(|| DemoError::Invalid(format!("{owner}: unknown theme {s}")))
            })
            .collect()
    };

    let mut report = LoadReport::default();
    for def in file.organisation {
        let ids = theme_ids(&def.themes, &def.slug)?;
        load_organisation(&tx, def, ids, now, &mut report).await?;
    }
    for def in file.municipality {
        let ids = theme_ids(&def.themes, &def.slug)?;
        load_municipality(&tx, def, ids, now, &mut report).await?;
    }
    library::load(&tx, now, &mut report).await?;
    events::load(&tx, now, &mut report).await?;
    consultations::load(&tx, now, &mut report).await?;
    surveys::load(&tx, now, &mut report).await?;
    projects::load(&tx, now, &mut report).await?;
    // Action plans write through the plans activity's rules, each change a
    // savepoint inside this transaction.
    projects::load_plans(&tx, now, &mut report).await?;
    cohesion::load(&tx, now, &mut report).await?;
    cohesion::load_plans(&tx, now, &mut report).await?;
    tx.commit().await?;
    Ok(report)
}

fn tally(report: &mut LoadReport, op: Option<Op>) {
    match op {
        Some(Op::Created) => report.created += 1,
        Some(_) => report.updated += 1,
        None => report.unchanged += 1,
    }
}

async fn load_organisation(
    tx: &DatabaseTransaction,
    def: OrganisationDef,
    themes: BTreeSet<i32>,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let what = format!("organisation {}", def.slug);
    if OrganisationKind::from_code(&def.kind).is_none() {
        return Err(DemoError::Invalid(format!(
            "{what}: unknown kind {}",
            def.kind
        )));
    }
    let name = tr(def.name, &what)?;
    let description = tr_opt(def.description, &what)?;
    let country = def.country.map(|c| c.to_ascii_uppercase());
    let existing = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(&def.slug))
        .one(tx)
        .await?;
    let (id, mut op) = match existing {
        None => {
            let o = organisation::ActiveModel {
                slug: Set(def.slug.clone()),
                acronym: Set(def.acronym),
                kind: Set(def.kind),
                country_code: Set(country),
                website: Set(def.website),
                name: Set(name),
                description: Set(description),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(tx)
            .await?;
            (o.id, Some(Op::Created))
        }
        Some(o) => {
            let same = o.acronym == def.acronym
                && o.kind == def.kind
                && o.country_code == country
                && o.website == def.website
                && o.name == name
                && o.description == description;
            let id = o.id;
            if !same {
                let mut am = o.into_active_model();
                am.acronym = Set(def.acronym);
                am.kind = Set(def.kind);
                am.country_code = Set(country);
                am.website = Set(def.website);
                am.name = Set(name);
                am.description = Set(description);
                am.updated_at = Set(now);
                am.update(tx).await?;
            }
            (id, (!same).then_some(Op::Updated))
        }
    };
    let current: BTreeSet<i32> = organisation_theme::Entity::find()
        .filter(organisation_theme::Column::OrganisationId.eq(id))
        .all(tx)
        .await?
        .into_iter()
        .map(|l| l.theme_id)
        .collect();
    if current != themes {
        organisation_theme::Entity::delete_many()
            .filter(organisation_theme::Column::OrganisationId.eq(id))
            .exec(tx)
            .await?;
        for theme_id in themes {
            organisation_theme::ActiveModel {
                organisation_id: Set(id),
                theme_id: Set(theme_id),
            }
            .insert(tx)
            .await?;
        }
        op = op.or(Some(Op::Updated));
    }
    if let Some(op) = op {
        outbox::record(tx, "organisation", id, op).await?;
    }
    tally(report, op);
    Ok(())
}

async fn load_municipality(
    tx: &DatabaseTransaction,
    def: MunicipalityDef,
    themes: BTreeSet<i32>,
    now: DateTime<Utc>,
    report: &mut LoadReport,
) -> Result<(), DemoError> {
    let what = format!("municipality {}", def.slug);
    if MunicipalityKind::from_code(&def.kind).is_none() {
        return Err(DemoError::Invalid(format!(
            "{what}: unknown kind {}",
            def.kind
        )));
    }
    let name = tr(def.name, &what)?;
    let profile = tr_opt(def.profile, &what)?;
    let country = def.country.to_ascii_uppercase();
    let micro = |d: f64| (d * 1_000_000.0).round() as i32;
    let (latitude, longitude) = match def.position {
        Some([lat, lon]) if lat.abs() <= 90.0 && lon.abs() <= 180.0 => {
            (Some(micro(lat)), Some(micro(lon)))
        }
        Some(_) => {
            return Err(DemoError::Invalid(format!("{what}: position out of range")));
        }
        None => (None, None),
    };
    let contacts: Vec<(String, Option<TrText>)> = def
        .contact
        .into_iter()
        .map(|c| Ok((c.name, tr_opt(c.position, &what)?)))
        .collect::<Result<_, DemoError>>()?;

    let existing = municipality::Entity::find()
        .filter(municipality::Column::Slug.eq(&def.slug))
        .one(tx)
        .await?;
    let fields_of = |am: &mut municipality::ActiveModel| {
        am.kind = Set(def.kind.clone());
        am.name = Set(name.clone());
        am.country_code = Set(country.clone());
        am.region = Set(def.region.clone());
        am.population = Set(def.population);
        am.population_year = Set(def.population_year);
        am.refugees_hosted = Set(def.refugees_hosted);
        am.refugees_year = Set(def.refugees_year);
        am.member_since = Set(def.member_since);
        am.latitude_micro = Set(latitude);
        am.longitude_micro = Set(longitude);
        am.profile = Set(profile.clone());
        am.updated_at = Set(now);
    };
    let (id, mut op) = match existing {
        None => {
            let mut am = municipality::ActiveModel {
                slug: Set(def.slug.clone()),
                created_at: Set(now),
                ..Default::default()
            };
            fields_of(&mut am);
            (am.insert(tx).await?.id, Some(Op::Created))
        }
        Some(m) => {
            let same = m.kind == def.kind
                && m.name == name
                && m.country_code == country
                && m.region == def.region
                && m.population == def.population
                && m.population_year == def.population_year
                && m.refugees_hosted == def.refugees_hosted
                && m.refugees_year == def.refugees_year
                && m.member_since == def.member_since
                && m.latitude_micro == latitude
                && m.longitude_micro == longitude
                && m.profile == profile;
            let id = m.id;
            if !same {
                let mut am = m.into_active_model();
                fields_of(&mut am);
                am.update(tx).await?;
            }
            (id, (!same).then_some(Op::Updated))
        }
    };

    let current: BTreeSet<i32> = municipality_theme::Entity::find()
        .filter(municipality_theme::Column::MunicipalityId.eq(id))
        .all(tx)
        .await?
        .into_iter()
        .map(|l| l.theme_id)
        .collect();
    if current != themes {
        municipality_theme::Entity::delete_many()
            .filter(municipality_theme::Column::MunicipalityId.eq(id))
            .exec(tx)
            .await?;
        for theme_id in themes {
            municipality_theme::ActiveModel {
                municipality_id: Set(id),
                theme_id: Set(theme_id),
            }
            .insert(tx)
            .await?;
        }
        op = op.or(Some(Op::Updated));
    }

    let current: Vec<(String, Option<TrText>)> = contact::Entity::find()
        .filter(contact::Column::MunicipalityId.eq(id))
        .order_by_asc(contact::Column::SortOrder)
        .all(tx)
        .await?
        .into_iter()
        .map(|c| (c.name, c.position))
        .collect();
    if current != contacts {
        contact::Entity::delete_many()
            .filter(contact::Column::MunicipalityId.eq(id))
            .exec(tx)
            .await?;
        for (i, (name, position)) in contacts.into_iter().enumerate() {
            contact::ActiveModel {
                municipality_id: Set(id),
                name: Set(name),
                position: Set(position),
                email: Set(None),
                sort_order: Set(i as i32),
                ..Default::default()
            }
            .insert(tx)
            .await?;
        }
        op = op.or(Some(Op::Updated));
    }
    if let Some(op) = op {
        outbox::record(tx, "municipality", id, op).await?;
    }
    tally(report, op);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_file_is_valid_and_names_the_seed_cities() {
        let file = parse().unwrap();
        let slugs: BTreeSet<&str> = file.municipality.iter().map(|m| m.slug.as_str()).collect();
        assert!(
            file.municipality.len() >= 30,
            "{} municipalities",
            file.municipality.len()
        );
        assert!(
            file.organisation.len() >= 15,
            "{} organisations",
            file.organisation.len()
        );
        for m in &file.municipality {
            assert!(MunicipalityKind::from_code(&m.kind).is_some(), "{}", m.slug);
            assert!(
                crate::directory::rules::Slug::parse(&m.slug).is_some(),
                "{}",
                m.slug
            );
        }
        for o in &file.organisation {
            assert!(OrganisationKind::from_code(&o.kind).is_some(), "{}", o.slug);
            assert!(
                crate::directory::rules::Slug::parse(&o.slug).is_some(),
                "{}",
                o.slug
            );
        }
        assert_eq!(slugs.len(), file.municipality.len(), "slugs are unique");
    }
}
