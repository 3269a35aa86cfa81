//! The directory as pages read it: reference data in memory and query results
//! cached per node until the content changes (see [`crate::db::cache`]).
//! Handlers read the content version once per request, then ask for what
//! they show.

use std::sync::Arc;

use sea_orm::DbErr;

use super::entities::country;
use super::reference::Reference;
use super::rules::{
    self, MunicipalityCard, MunicipalityDetail, MunicipalityFilter, OrganisationCard,
    OrganisationDetail, OrganisationFilter, Overview, Slug,
};
use crate::db::Db;
use crate::db::cache::ChangeCache;
use crate::fields::paging::{Page, PageRequest};
use crate::i18n::Locale;
use crate::policy::Actor;

/// Entries per cache; a full cache is emptied and refilled.
const CAPACITY: usize = 512;

/// Which municipality or organisation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Slug(Slug),
    Id(i32),
}

pub struct Directory {
    pub reference: Reference,
    municipality_lists:
        ChangeCache<(MunicipalityFilter, PageRequest, Option<Locale>), Page<MunicipalityCard>>,
    organisation_lists:
        ChangeCache<(OrganisationFilter, PageRequest, Option<Locale>), Page<OrganisationCard>>,
    municipalities: ChangeCache<Key, Option<MunicipalityDetail>>,
    organisations: ChangeCache<Key, Option<OrganisationDetail>>,
    /// `true`: countries with municipalities; `false`: with organisations.
    filter_countries: ChangeCache<bool, Vec<country::Model>>,
    overview: ChangeCache<(), Overview>,
    /// The municipalities on the member map.
    places: ChangeCache<(), Vec<rules::Place>>,
}

/// The state of the content a request reads (see [`content_version`]).
#[derive(Clone, Copy, Debug)]
pub struct Version(i64);

impl Version {
    /// The outbox id it stands for (for caches kept elsewhere).
    pub fn id(self) -> i64 {
        self.0
    }
}

impl Directory {
    /// Load the reference data (two queries).
    pub async fn load(db: &Db) -> Result<Self, DbErr> {
        Ok(Directory {
            reference: Reference::load(db.read()).await?,
            municipality_lists: ChangeCache::new(CAPACITY),
            organisation_lists: ChangeCache::new(CAPACITY),
            municipalities: ChangeCache::new(CAPACITY),
            organisations: ChangeCache::new(CAPACITY),
            filter_countries: ChangeCache::new(4),
            overview: ChangeCache::new(1),
            places: ChangeCache::new(1),
        })
    }

    /// Read once per request, before anything else: now for someone
    /// signed in, within the node's visitor window for a visitor (see
    /// [`Db::content_version`]).
    pub async fn version(&self, db: &Db, actor: Option<&Actor>) -> Result<Version, DbErr> {
        db.content_version(actor.is_some()).await.map(Version)
    }

    /// The current version, for forms and other writers' reads.
    pub async fn current_version(&self, db: &Db) -> Result<Version, DbErr> {
        db.content_version(true).await.map(Version)
    }

    pub async fn municipalities(
        &self,
        db: &Db,
        v: Version,
        filter: &MunicipalityFilter,
        order: Option<Locale>,
        page: PageRequest,
    ) -> Result<Arc<Page<MunicipalityCard>>, DbErr> {
        self.municipality_lists
            .get_or_load(v.0, &(filter.clone(), page, order), || {
                rules::list_municipalities(db.read(), &self.reference, filter, order, page)
            })
            .await
    }

    pub async fn organisations(
        &self,
        db: &Db,
        v: Version,
        filter: &OrganisationFilter,
        order: Option<Locale>,
        page: PageRequest,
    ) -> Result<Arc<Page<OrganisationCard>>, DbErr> {
        self.organisation_lists
            .get_or_load(v.0, &(filter.clone(), page, order), || {
                rules::list_organisations(db.read(), &self.reference, filter, order, page)
            })
            .await
    }

    pub async fn municipality(
        &self,
        db: &Db,
        v: Version,
        key: Key,
    ) -> Result<Arc<Option<MunicipalityDetail>>, DbErr> {
        self.municipalities
            .get_or_load(v.0, &key, || async {
                match &key {
                    Key::Slug(s) => {
                        rules::municipality_by_slug(db.read(), &self.reference, s).await
                    }
                    Key::Id(id) => rules::municipality_by_id(db.read(), &self.reference, *id).await,
                }
            })
            .await
    }

    pub async fn organisation(
        &self,
        db: &Db,
        v: Version,
        key: Key,
    ) -> Result<Arc<Option<OrganisationDetail>>, DbErr> {
        self.organisations
            .get_or_load(v.0, &key, || async {
                match &key {
                    Key::Slug(s) => {
                        rules::organisation_by_slug(db.read(), &self.reference, s).await
                    }
                    Key::Id(id) => rules::organisation_by_id(db.read(), &self.reference, *id).await,
                }
            })
            .await
    }

    /// Countries offered by the municipality filter.
    pub async fn member_countries(
        &self,
        db: &Db,
        v: Version,
    ) -> Result<Arc<Vec<country::Model>>, DbErr> {
        self.filter_countries
            .get_or_load(v.0, &true, || {
                rules::member_countries(db.read(), &self.reference)
            })
            .await
    }

    /// Countries offered by the organisation filter.
    pub async fn partner_countries(
        &self,
        db: &Db,
        v: Version,
    ) -> Result<Arc<Vec<country::Model>>, DbErr> {
        self.filter_countries
            .get_or_load(v.0, &false, || {
                rules::partner_countries(db.read(), &self.reference)
            })
            .await
    }

    pub async fn places(&self, db: &Db, v: Version) -> Result<Arc<Vec<rules::Place>>, DbErr> {
        self.places
            .get_or_load(v.0, &(), || rules::places(db.read()))
            .await
    }

    pub async fn overview(&self, db: &Db, v: Version) -> Result<Arc<Overview>, DbErr> {
        self.overview
            .get_or_load(v.0, &(), || rules::overview(db.read(), &self.reference))
            .await
    }
}
