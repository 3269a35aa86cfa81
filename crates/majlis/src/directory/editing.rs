//! Changing a municipality's profile: coordinators for any municipality, a
//! focal point for their own. Input is parsed into [`MunicipalityEdit`]; each
//! problem names its field, and nothing is written unless all is well.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::Set;
use sea_orm::{ActiveModelTrait, ColumnTrait, DbErr, EntityTrait, QueryFilter};

use super::entities::{municipality, municipality_theme};
use crate::accounts::policy::{Action, Actor, can};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::i18n::{Locale, TrText};

/// Largest figure accepted for a population or a number of refugees.
pub const MAX_FIGURE: i64 = 100_000_000;
pub const MAX_NAME: usize = 200;
pub const MAX_PROFILE: usize = 4000;

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
    let this_year = now.format("%Y").to_string().parse::<i32>().unwrap_or(2100);
    let y = year
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=this_year).contains(y));
    if y.is_none() {
        errors.push(FieldError {
            field: year_field,
            message: "edit-error-year",
        });
    }
    parsed.zip(y)
}

impl RawMunicipalityEdit {
    /// Parse, or say what is wrong with each field.
    pub fn parse(
        &self,
        known_themes: &[i32],
        now: DateTime<Utc>,
    ) -> Result<MunicipalityEdit, Vec<FieldError>> {
        let mut errors = Vec::new();
        let orig = self.orig.parse::<Locale>().ok();
        if orig.is_none() {
            errors.push(FieldError {
                field: "orig",
                message: "edit-error-orig",
            });
        }
        let too_long = |values: &[(Locale, String)], max: usize| {
            values.iter().any(|(_, v)| v.trim().chars().count() > max)
        };
        if too_long(&self.names, MAX_NAME) {
            errors.push(FieldError {
                field: "name",
                message: "edit-error-too-long",
            });
        }
        if too_long(&self.profiles, MAX_PROFILE) {
            errors.push(FieldError {
                field: "profile",
                message: "edit-error-too-long",
            });
        }
        let name = orig.and_then(|o| TrText::from_values(o, self.names.iter().cloned()).ok());
        if orig.is_some() && name.is_none() {
            errors.push(FieldError {
                field: "name",
                message: "edit-error-name-original",
            });
        }
        let profile_given = self.profiles.iter().any(|(_, v)| !v.trim().is_empty());
        let profile = match (orig, profile_given) {
            (Some(o), true) => {
                let p = TrText::from_values(o, self.profiles.iter().cloned()).ok();
                if p.is_none() {
                    errors.push(FieldError {
                        field: "profile",
                        message: "edit-error-profile-original",
                    });
                }
                p
            }
            _ => None,
        };
        let region = self.region.trim();
        if region.chars().count() > MAX_NAME {
            errors.push(FieldError {
                field: "region",
                message: "edit-error-too-long",
            });
        }
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
        let mut themes = BTreeSet::new();
        for t in &self.themes {
            match t.parse::<i32>().ok().filter(|id| known_themes.contains(id)) {
                Some(id) => {
                    themes.insert(id);
                }
                None => errors.push(FieldError {
                    field: "themes",
                    message: "edit-error-theme",
                }),
            }
        }
        match (errors.is_empty(), name) {
            (true, Some(name)) => Ok(MunicipalityEdit {
                name,
                profile,
                region: (!region.is_empty()).then(|| region.to_owned()),
                population,
                refugees,
                themes,
            }),
            _ => Err(errors),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EditError {
    #[error("not allowed")]
    Forbidden,
    #[error("no such municipality")]
    NotFound,
    #[error(transparent)]
    Db(#[from] DbErr),
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
    if !can(Some(actor), Action::EditMunicipality(id)) {
        return Err(EditError::Forbidden);
    }
    let tx = db.begin_write().await?;
    let m = municipality::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .ok_or(EditError::NotFound)?;
    let mut am: municipality::ActiveModel = m.into();
    am.name = Set(edit.name);
    am.profile = Set(edit.profile);
    am.region = Set(edit.region);
    am.population = Set(edit.population.map(|p| p.0));
    am.population_year = Set(edit.population.map(|p| p.1));
    am.refugees_hosted = Set(edit.refugees.map(|p| p.0));
    am.refugees_year = Set(edit.refugees.map(|p| p.1));
    am.updated_at = Set(now);
    let m = am.update(&tx).await?;
    municipality_theme::Entity::delete_many()
        .filter(municipality_theme::Column::MunicipalityId.eq(id))
        .exec(&tx)
        .await?;
    for theme_id in edit.themes {
        municipality_theme::ActiveModel {
            municipality_id: Set(id),
            theme_id: Set(theme_id),
        }
        .insert(&tx)
        .await?;
    }
    outbox::record(&tx, "municipality", id, Op::Updated).await?;
    audit::record(&tx, origin, "profile-edited", "municipality", id, None, now).await?;
    tx.commit().await?;
    Ok(m)
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
        let e = raw().parse(&[1, 2], Utc::now()).unwrap();
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
        let errors = r.parse(&[1, 2], Utc::now()).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field).collect();
        for f in ["name", "population", "refugees", "refugees_year", "themes"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
        let mut r = raw();
        r.orig = "xx".into();
        assert!(r.parse(&[1], Utc::now()).is_err());
    }
}
