//! Changing the directory. Coordinators create municipalities and
//! organisations and edit organisations; a municipality's profile is edited
//! by coordinators, or by a focal point for their own. Input is parsed into
//! typed values ([`MunicipalityEdit`], [`MunicipalityCreate`],
//! [`OrganisationEdit`], [`OrganisationCreate`]); each problem names its
//! field, and nothing is written unless all is well. Every change writes its
//! audit entry and outbox row in its own transaction.

use sea_orm::DbErr;

mod forms;
mod parse;
mod save;

pub use forms::{
    MunicipalityCreate, MunicipalityEdit, OrganisationCreate, OrganisationEdit,
    RawMunicipalityCreate, RawMunicipalityEdit, RawOrganisationCreate, RawOrganisationEdit,
};
pub use parse::degrees_text;
pub use save::{
    create_municipality, create_organisation, update_municipality, update_organisation,
};

/// Largest figure accepted for a population or a number of refugees.
pub const MAX_FIGURE: i64 = 100_000_000;
pub const MAX_NAME: usize = 200;
pub const MAX_PROFILE: usize = 4000;
/// The columns' sizes.
pub const MAX_ACRONYM: usize = 32;
pub const MAX_WEBSITE: usize = 300;
/// Addresses the pages themselves use (`/municipalities/new`).
const RESERVED_SLUGS: &[&str] = &["new"];

/// A field and the Fluent id of what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
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

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::i18n::Locale;

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
