//! Changing the directory. Coordinators create municipalities and
//! organisations and edit organisations; a municipality's profile is edited
//! by coordinators, or by a focal point for their own. Input is parsed into
//! typed values ([`MunicipalityEdit`], [`MunicipalityCreate`],
//! [`OrganisationEdit`], [`OrganisationCreate`]); each problem names its
//! field, and nothing is written unless all is well. Every change writes its
//! audit entry and outbox row in its own transaction.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, SqlErr, TryIntoModel,
};

use super::entities::{municipality, municipality_theme, organisation, organisation_theme};
use super::rules::{CountryCode, Slug};
use super::{MunicipalityKind, OrganisationKind};
use crate::accounts::policy::{Action, Actor, authorize};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::fields::parse_link;
use crate::i18n::{Locale, TrText};

/// Largest figure accepted for a population or a number of refugees.
pub const MAX_FIGURE: i64 = 100_000_000;
pub const MAX_NAME: usize = 200;
pub const MAX_PROFILE: usize = 4000;
/// The columns' sizes.
pub const MAX_ACRONYM: usize = 32;
pub const MAX_WEBSITE: usize = 300;
/// Addresses the pages themselves use (`/municipalities/new`).
const RESERVED_SLUGS: &[&str] = &["new"];

/// A municipality's editable fields, valid by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalityEdit {
    pub name: TrText,
    pub profile: Option<TrText>,
    pub region: Option<String>,
    pub population: Option<(i64, i32)>,
    pub refugees: Option<(i64, i32)>,
    pub themes: BTreeSet<i32>,
}

/// The form as submitted: every value a string, per-locale fields by locale.
#[derive(Clone, Debug, Default)]
pub struct RawMunicipalityEdit {
    pub orig: String,
    pub names: Vec<(Locale, String)>,
    pub profiles: Vec<(Locale, String)>,
    pub region: String,
    pub population: String,
    pub population_year: String,
    pub refugees: String,
    pub refugees_year: String,
    pub themes: Vec<String>,
}

/// A field and the Fluent id of what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

fn figure(
    value: &str,
    year: &str,
    field: &'static str,
    year_field: &'static str,
    now: DateTime<Utc>,
    errors: &mut Vec<FieldError>,
) -> Option<(i64, i32)> {
    let (value, year) = (value.trim(), year.trim());
    if value.is_empty() && year.is_empty() {
        return None;
    }
    let n = value.replace([',', '.', ' ', '\u{202f}', '\u{a0}', '٬'], "");
    let parsed = n
        .parse::<i64>()
        .ok()
        .filter(|n| (0..=MAX_FIGURE).contains(n));
    if parsed.is_none() {
        errors.push(FieldError {
            field,
            message: "edit-error-figure",
        });
    }
    let y = year_in_range(year, now);
    if y.is_none() {
        errors.push(FieldError {
            field: year_field,
            message: "edit-error-year",
        });
    }
    parsed.zip(y)
}

/// A year from 1900 to this year.
fn year_in_range(year: &str, now: DateTime<Utc>) -> Option<i32> {
    let this_year = now.format("%Y").to_string().parse::<i32>().unwrap_or(2100);
    year.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=this_year).contains(y))
}

/// An optional year (empty is `None`).
fn year(
    value: &str,
    field: &'static str,
    now: DateTime<Utc>,
    errors: &mut Vec<FieldError>,
) -> Option<i32> {
    if value.trim().is_empty() {
        return None;
    }
    let y = year_in_range(value, now);
    if y.is_none() {
        errors.push(FieldError {
            field,
            message: "edit-error-year",
        });
    }
    y
}

/// The original language chosen on a form.
fn parse_orig(orig: &str, errors: &mut Vec<FieldError>) -> Option<Locale> {
    let orig = orig.parse::<Locale>().ok();
    if orig.is_none() {
        errors.push(FieldError {
            field: "orig",
            message: "edit-error-orig",
        });
    }
    orig
}

fn too_long(values: &[(Locale, String)], max: usize) -> bool {
    values.iter().any(|(_, v)| v.trim().chars().count() > max)
}

/// A required name per locale, written at least in the original language.
fn parse_name(
    orig: Option<Locale>,
    names: &[(Locale, String)],
    errors: &mut Vec<FieldError>,
) -> Option<TrText> {
    if too_long(names, MAX_NAME) {
        errors.push(FieldError {
            field: "name",
            message: "edit-error-too-long",
        });
    }
    let name = orig.and_then(|o| TrText::from_values(o, names.iter().cloned()).ok());
    if orig.is_some() && name.is_none() {
        errors.push(FieldError {
            field: "name",
            message: "edit-error-name-original",
        });
    }
    name
}

/// An optional longer text per locale (a profile, a description). When
/// given, it keeps the language it was first written in (`kept`, from the
/// stored record) if that language's text is still there, else it is
/// written in the form's original language; so a text whose original
/// differs from the name's is saved unchanged.
fn parse_long_text(
    orig: Option<Locale>,
    kept: Option<Locale>,
    values: &[(Locale, String)],
    field: &'static str,
    original_message: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<TrText> {
    if too_long(values, MAX_PROFILE) {
        errors.push(FieldError {
            field,
            message: "edit-error-too-long",
        });
    }
    let orig = orig?;
    if values.iter().all(|(_, v)| v.trim().is_empty()) {
        return None;
    }
    // A stored text keeps the language it was first written in while that
    // language's text is there (saving the form unchanged changes nothing).
    let text = kept
        .and_then(|k| TrText::from_values(k, values.iter().cloned()).ok())
        .or_else(|| TrText::from_values(orig, values.iter().cloned()).ok());
    if text.is_none() {
        errors.push(FieldError {
            field,
            message: original_message,
        });
    }
    text
}

/// Theme ids among the known ones.
fn parse_themes(
    themes: &[String],
    known_themes: &[i32],
    errors: &mut Vec<FieldError>,
) -> BTreeSet<i32> {
    let mut out = BTreeSet::new();
    for t in themes {
        match t.parse::<i32>().ok().filter(|id| known_themes.contains(id)) {
            Some(id) => {
                out.insert(id);
            }
            None => errors.push(FieldError {
                field: "themes",
                message: "edit-error-theme",
            }),
        }
    }
    out
}

/// An optional single line of at most `max` characters.
fn parse_line(
    value: &str,
    max: usize,
    field: &'static str,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let value = value.trim();
    if value.chars().count() > max {
        errors.push(FieldError {
            field,
            message: "edit-error-too-long",
        });
    }
    (!value.is_empty()).then(|| value.to_owned())
}

/// The address of a new municipality or organisation; whether it is free
/// is decided when saving.
fn parse_slug(value: &str, errors: &mut Vec<FieldError>) -> Option<Slug> {
    let slug = Slug::parse(value.trim());
    if slug.is_none() {
        errors.push(FieldError {
            field: "slug",
            message: "edit-error-slug",
        });
    }
    slug
}

/// A country the reference data knows; empty is `None` when `required` is false.
fn parse_country(
    value: &str,
    required: bool,
    known_country: &dyn Fn(&str) -> bool,
    errors: &mut Vec<FieldError>,
) -> Result<Option<CountryCode>, ()> {
    let value = value.trim();
    if value.is_empty() && !required {
        return Ok(None);
    }
    match CountryCode::parse(value).filter(|c| known_country(c.as_str())) {
        Some(c) => Ok(Some(c)),
        None => {
            errors.push(FieldError {
                field: "country",
                message: "edit-error-country",
            });
            Err(())
        }
    }
}

fn kind_error(errors: &mut Vec<FieldError>) {
    errors.push(FieldError {
        field: "kind",
        message: "edit-error-kind",
    });
}

impl RawMunicipalityEdit {
    /// Parse, or say what is wrong with each field. `kept_profile_orig`: the
    /// stored profile's original language, if any.
    pub fn parse(
        &self,
        known_themes: &[i32],
        kept_profile_orig: Option<Locale>,
        now: DateTime<Utc>,
    ) -> Result<MunicipalityEdit, Vec<FieldError>> {
        let mut errors = Vec::new();
        let orig = parse_orig(&self.orig, &mut errors);
        let name = parse_name(orig, &self.names, &mut errors);
        let profile = parse_long_text(
            orig,
            kept_profile_orig,
            &self.profiles,
            "profile",
            "edit-error-profile-original",
            &mut errors,
        );
        let region = parse_line(&self.region, MAX_NAME, "region", &mut errors);
        let population = figure(
            &self.population,
            &self.population_year,
            "population",
            "population_year",
            now,
            &mut errors,
        );
        let refugees = figure(
            &self.refugees,
            &self.refugees_year,
            "refugees",
            "refugees_year",
            now,
            &mut errors,
        );
        let themes = parse_themes(&self.themes, known_themes, &mut errors);
        match (errors.is_empty(), name) {
            (true, Some(name)) => Ok(MunicipalityEdit {
                name,
                profile,
                region,
                population,
                refugees,
                themes,
            }),
            _ => Err(errors),
        }
    }
}

/// A new municipality: its address, kind, country and year of joining, and
/// the fields its profile form edits later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalityCreate {
    pub slug: Slug,
    pub kind: MunicipalityKind,
    pub country: CountryCode,
    pub member_since: Option<i32>,
    pub edit: MunicipalityEdit,
}

/// The creation form as submitted.
#[derive(Clone, Debug, Default)]
pub struct RawMunicipalityCreate {
    pub slug: String,
    pub kind: String,
    pub country: String,
    pub member_since: String,
    pub edit: RawMunicipalityEdit,
}

impl RawMunicipalityCreate {
    /// Parse, or say what is wrong with each field (the profile's fields
    /// as the edit form says them).
    pub fn parse(
        &self,
        known_country: &dyn Fn(&str) -> bool,
        known_themes: &[i32],
        now: DateTime<Utc>,
    ) -> Result<MunicipalityCreate, Vec<FieldError>> {
        let mut errors = Vec::new();
        let slug = parse_slug(&self.slug, &mut errors);
        let kind = MunicipalityKind::from_code(self.kind.trim());
        if kind.is_none() {
            kind_error(&mut errors);
        }
        let country = parse_country(&self.country, true, known_country, &mut errors)
            .ok()
            .flatten();
        let edit = self
            .edit
            .parse(known_themes, None, now)
            .map_err(|e| errors.extend(e))
            .ok();
        let member_since = year(&self.member_since, "member_since", now, &mut errors);
        match (errors.is_empty(), slug, kind, country, edit) {
            (true, Some(slug), Some(kind), Some(country), Some(edit)) => Ok(MunicipalityCreate {
                slug,
                kind,
                country,
                member_since,
                edit,
            }),
            _ => Err(errors),
        }
    }
}

/// A partner organisation's fields but its address, valid by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationEdit {
    pub name: TrText,
    pub acronym: Option<String>,
    pub kind: OrganisationKind,
    pub country: Option<CountryCode>,
    pub website: Option<String>,
    pub description: Option<TrText>,
    pub themes: BTreeSet<i32>,
}

/// The organisation form as submitted.
#[derive(Clone, Debug, Default)]
pub struct RawOrganisationEdit {
    pub orig: String,
    pub names: Vec<(Locale, String)>,
    pub descriptions: Vec<(Locale, String)>,
    pub acronym: String,
    pub kind: String,
    pub country: String,
    pub website: String,
    pub themes: Vec<String>,
}

impl RawOrganisationEdit {
    /// Parse, or say what is wrong with each field. `kept_description_orig`:
    /// the stored description's original language, if any.
    pub fn parse(
        &self,
        known_country: &dyn Fn(&str) -> bool,
        known_themes: &[i32],
        kept_description_orig: Option<Locale>,
    ) -> Result<OrganisationEdit, Vec<FieldError>> {
        let mut errors = Vec::new();
        let orig = parse_orig(&self.orig, &mut errors);
        let name = parse_name(orig, &self.names, &mut errors);
        let acronym = parse_line(&self.acronym, MAX_ACRONYM, "acronym", &mut errors);
        let kind = OrganisationKind::from_code(self.kind.trim());
        if kind.is_none() {
            kind_error(&mut errors);
        }
        let country = parse_country(&self.country, false, known_country, &mut errors);
        let website = match self.website.trim() {
            "" => None,
            w => {
                let link = parse_link(w).filter(|l| l.len() <= MAX_WEBSITE);
                if link.is_none() {
                    errors.push(FieldError {
                        field: "website",
                        message: "edit-error-website",
                    });
                }
                link
            }
        };
        let description = parse_long_text(
            orig,
            kept_description_orig,
            &self.descriptions,
            "description",
            "edit-error-description-original",
            &mut errors,
        );
        let themes = parse_themes(&self.themes, known_themes, &mut errors);
        match (errors.is_empty(), name, kind, country) {
            (true, Some(name), Some(kind), Ok(country)) => Ok(OrganisationEdit {
                name,
                acronym,
                kind,
                country,
                website,
                description,
                themes,
            }),
            _ => Err(errors),
        }
    }
}

/// A new partner organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganisationCreate {
    pub slug: Slug,
    pub edit: OrganisationEdit,
}

/// The creation form as submitted.
#[derive(Clone, Debug, Default)]
pub struct RawOrganisationCreate {
    pub slug: String,
    pub edit: RawOrganisationEdit,
}

impl RawOrganisationCreate {
    pub fn parse(
        &self,
        known_country: &dyn Fn(&str) -> bool,
        known_themes: &[i32],
    ) -> Result<OrganisationCreate, Vec<FieldError>> {
        let mut errors = Vec::new();
        let slug = parse_slug(&self.slug, &mut errors);
        let edit = self
            .edit
            .parse(known_country, known_themes, None)
            .map_err(|e| errors.extend(e))
            .ok();
        match (slug, edit) {
            (Some(slug), Some(edit)) if errors.is_empty() => Ok(OrganisationCreate { slug, edit }),
            _ => Err(errors),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("not allowed")]
    Forbidden,
    /// Staff only, and the person has not turned on two-step sign-in.
    #[error("two-step sign-in required")]
    SecondFactorRequired,
    #[error("no such municipality or organisation")]
    NotFound,
    /// Another municipality or organisation has this address.
    #[error("slug taken")]
    SlugTaken,
    #[error(transparent)]
    Db(#[from] DbErr),
}

refused_by_policy!(EditError);

impl EditError {
    /// The field error a person can correct, if it is one.
    pub fn field_error(&self) -> Option<FieldError> {
        matches!(self, EditError::SlugTaken).then_some(FieldError {
            field: "slug",
            message: "edit-error-slug-taken",
        })
    }
}

/// A unique-constraint violation on insert is a taken address (two people
/// creating the same one at once); anything else stays a database error.
fn slug_conflict(e: DbErr) -> EditError {
    match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => EditError::SlugTaken,
        _ => EditError::Db(e),
    }
}

/// Refuse an address the pages use or another record has.
async fn check_slug_free<E>(
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
fn municipality_fields(m: &municipality::Model, themes: &BTreeSet<i32>) -> audit::Fields {
    let mut f = audit::Fields::new();
    f.text("name", Some(&m.name))
        .text("profile", m.profile.as_ref())
        .opt("region", m.region.as_ref())
        .opt("population", m.population)
        .opt("population_year", m.population_year)
        .opt("refugees_hosted", m.refugees_hosted)
        .opt("refugees_year", m.refugees_year)
        .list("themes", themes);
    f
}

/// What an organisation's audit entries compare (themes by id).
fn organisation_fields(o: &organisation::Model, themes: &BTreeSet<i32>) -> audit::Fields {
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

fn set_profile(am: &mut municipality::ActiveModel, edit: &MunicipalityEdit) {
    am.name = Set(edit.name.clone());
    am.profile = Set(edit.profile.clone());
    am.region = Set(edit.region.clone());
    am.population = Set(edit.population.map(|p| p.0));
    am.population_year = Set(edit.population.map(|p| p.1));
    am.refugees_hosted = Set(edit.refugees.map(|p| p.0));
    am.refugees_year = Set(edit.refugees.map(|p| p.1));
}

async fn set_municipality_themes(
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

fn set_organisation(am: &mut organisation::ActiveModel, edit: &OrganisationEdit) {
    am.name = Set(edit.name.clone());
    am.acronym = Set(edit.acronym.clone());
    am.kind = Set(edit.kind.code().to_owned());
    am.country_code = Set(edit.country.as_ref().map(|c| c.as_str().to_owned()));
    am.website = Set(edit.website.clone());
    am.description = Set(edit.description.clone());
}

async fn set_organisation_themes(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawMunicipalityEdit {
        RawMunicipalityEdit {
            orig: "tr".into(),
            names: vec![(Locale::Tr, "Kilis".into()), (Locale::Ar, "كلس".into())],
            population: "142,541".into(),
            population_year: "2019".into(),
            themes: vec!["1".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_good_edit_parses() {
        let e = raw().parse(&[1, 2], None, Utc::now()).unwrap();
        assert_eq!(e.name.text(Locale::Ar), "كلس");
        assert_eq!(e.population, Some((142_541, 2019)));
        assert_eq!(e.refugees, None);
        assert!(e.themes.contains(&1));
    }

    #[test]
    fn every_problem_names_its_field() {
        let mut r = raw();
        r.names = vec![(Locale::Ar, "كلس".into())];
        r.population = "-5".into();
        r.refugees_year = "1850".into();
        r.themes = vec!["99".into()];
        let errors = r.parse(&[1, 2], None, Utc::now()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        for f in ["name", "population", "refugees", "refugees_year", "themes"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        let mut r = raw();
        r.orig = "xx".into();
        assert!(r.parse(&[1], None, Utc::now()).is_err());
    }

    fn known(code: &str) -> bool {
        matches!(code, "TR" | "DE" | "JO")
    }

    #[test]
    fn a_profile_keeps_its_own_original_language() {
        let mut r = raw();
        r.profiles = vec![(Locale::En, "A border town.".into())];
        let errors = r.parse(&[1], None, Utc::now()).unwrap_err();
        assert_eq!(errors[0].message, "edit-error-profile-original");
        let e = r.parse(&[1], Some(Locale::En), Utc::now()).unwrap();
        assert_eq!(e.profile.unwrap().orig(), Locale::En);
        assert_eq!(e.name.orig(), Locale::Tr);
        // Translated into the name's language too, it still keeps its own.
        r.profiles.push((Locale::Tr, "Bir sınır kenti.".into()));
        let e = r.parse(&[1], Some(Locale::En), Utc::now()).unwrap();
        assert_eq!(e.profile.unwrap().orig(), Locale::En);
    }

    #[test]
    fn a_new_municipality_parses_or_names_its_fields() {
        let good = RawMunicipalityCreate {
            slug: "nizip".into(),
            kind: "municipality".into(),
            country: "tr".into(),
            member_since: "2019".into(),
            edit: raw(),
        };
        let c = good.parse(&known, &[1], Utc::now()).unwrap();
        assert_eq!(c.slug.as_str(), "nizip");
        assert_eq!(c.country.as_str(), "TR");
        assert_eq!(c.member_since, Some(2019));
        let bad = RawMunicipalityCreate {
            slug: "Nizip Belediyesi".into(),
            kind: "village".into(),
            country: "XX".into(),
            member_since: "next year".into(),
            edit: RawMunicipalityEdit {
                names: vec![(Locale::Tr, "x".repeat(MAX_NAME + 1))],
                ..raw()
            },
        };
        let errors = bad.parse(&known, &[1], Utc::now()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["slug", "kind", "country", "name", "member_since"],
            "{errors:?}"
        );
    }

    #[test]
    fn an_organisation_needs_a_web_address_and_a_known_country() {
        let mut r = RawOrganisationCreate {
            slug: "cmi".into(),
            edit: RawOrganisationEdit {
                orig: "en".into(),
                names: vec![(Locale::En, "Center for Mediterranean Integration".into())],
                acronym: "CMI".into(),
                kind: "international-organisation".into(),
                website: "https://www.cmimarseille.org".into(),
                themes: vec!["2".into()],
                ..Default::default()
            },
        };
        let o = r.parse(&known, &[1, 2]).unwrap();
        assert_eq!(o.edit.country, None, "a country is optional");
        assert_eq!(
            o.edit.website.as_deref(),
            Some("https://www.cmimarseille.org/")
        );
        r.edit.website = "javascript:alert(1)".into();
        r.edit.country = "ZZ".into();
        r.edit.acronym = "A".repeat(MAX_ACRONYM + 1);
        r.edit.descriptions = vec![(Locale::Fr, "Un centre.".into())];
        let errors = r.parse(&known, &[1, 2]).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            ["acronym", "country", "website", "description"],
            "{errors:?}"
        );
        r.edit.website = "www.example.org".into();
        let errors = r.parse(&known, &[1, 2]).unwrap_err();
        assert!(errors.iter().any(|e| e.message == "edit-error-website"));
    }
}
