//! The directory's forms as sent and as parsed: a municipality's profile,
//! a new municipality, an organisation edited or new.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};

use super::parse::{
    figure, kind_error, parse_country, parse_line, parse_long_text, parse_name, parse_orig,
    parse_slug, parse_themes, position, year,
};
use super::{FieldError, MAX_ACRONYM, MAX_NAME, MAX_WEBSITE};
use crate::directory::rules::{CountryCode, Slug};
use crate::directory::{MunicipalityKind, OrganisationKind};
use crate::fields::parse_link;
use crate::i18n::{Locale, TrText};

/// A municipality's editable fields, valid by construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MunicipalityEdit {
    pub name: TrText,
    pub profile: Option<TrText>,
    pub region: Option<String>,
    pub population: Option<(i64, i32)>,
    pub refugees: Option<(i64, i32)>,
    /// Latitude and longitude in millionths of a degree.
    pub position: Option<(i32, i32)>,
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
    pub latitude: String,
    pub longitude: String,
    pub themes: Vec<String>,
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
        let position = position(&self.latitude, &self.longitude, &mut errors);
        let themes = parse_themes(&self.themes, known_themes, &mut errors);
        match (errors.is_empty(), name) {
            (true, Some(name)) => Ok(MunicipalityEdit {
                name,
                profile,
                region,
                population,
                refugees,
                position,
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
