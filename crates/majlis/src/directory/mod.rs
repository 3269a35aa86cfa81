//! The member directory: countries, themes, organisations and municipalities.
//!
//! - `entities/`: storage records;
//! - `rules.rs`: typed inputs and the queries and checks the pages use;
//! - `choices.rs`: municipalities and organisations as other folders' forms offer them;
//! - `linked.rs`: what activities above list on a municipality's page (a registry);
//! - `figures.rs`: what activities above count on the network's page (a registry);
//! - `reference.rs`: countries and themes every installation has;
//! - `routes/`: HTML pages, the edit forms and the JSON API; `templates/` beside.

pub mod choices;
pub mod editing;
pub mod entities;
pub mod figures;
pub mod linked;
pub mod map;
pub mod reference;
pub mod routes;
pub mod rules;
pub mod search;
pub mod service;

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
