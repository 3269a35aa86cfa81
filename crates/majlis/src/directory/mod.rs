//! The member directory: countries, themes, organisations and municipalities.
//!
//! - `entities/`: storage records;
//! - `rules.rs`: typed inputs and the queries and checks the pages use;
//! - `reference.rs`: countries and themes every installation has;
//! - `routes.rs`: HTML pages and the JSON API; `templates/` beside.

pub mod editing;
pub mod entities;
pub mod reference;
pub mod routes;
pub mod rules;
pub mod service;

use serde::{Deserialize, Serialize};

macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in URLs.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parse a stored or submitted code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

coded_enum! {
    /// What kind of local government a member is.
    MunicipalityKind {
        Municipality => "municipality",
        Metropolitan => "metropolitan-municipality",
        DistrictMunicipality => "district-municipality",
        Union => "union-of-municipalities",
        District => "district",
        CityDistrict => "city-district",
    }
}

coded_enum! {
    /// What kind of organisation a partner is.
    OrganisationKind {
        DevelopmentAgency => "development-agency",
        CityNetwork => "city-network",
        Ngo => "ngo",
        University => "university",
        Ministry => "ministry",
        UnionOfMunicipalities => "union-of-municipalities",
        International => "international-organisation",
        Research => "research-institute",
        GovernmentAgency => "government-agency",
        Foundation => "foundation",
        PrivateSector => "private-sector",
        Consultancy => "consultancy",
    }
}

impl MunicipalityKind {
    /// The Fluent id of its label.
    pub fn label_id(self) -> String {
        format!("municipality-kind-{}", self.code())
    }
}

impl OrganisationKind {
    /// The Fluent id of its label.
    pub fn label_id(self) -> String {
        format!("organisation-kind-{}", self.code())
    }
}
