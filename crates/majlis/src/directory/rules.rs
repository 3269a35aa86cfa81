//! Reading the directory: typed filters, paging, and the bounded set of
//! queries each page runs (no query per row).

use std::collections::{BTreeMap, BTreeSet};

use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, DbErr, EntityTrait, FromQueryResult, Iterable,
    QueryFilter, QueryOrder, QuerySelect, Statement,
};

use super::entities::{
    contact, country, municipality, municipality_theme, organisation, organisation_theme, theme,
};
use super::reference::Reference;
use super::{MunicipalityKind, OrganisationKind};
use crate::db::list::{ListQuery, linked};
use crate::db::provenance::{Sourced, source_column};
use crate::fields::paging::{Page, PageRequest};
use crate::fields::{BadField, parse_opt};
use crate::i18n::{Locale, TrText};

/// What reading the directory refuses. It knows no HTTP: handlers turn it
/// into a response (see `routes`).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DirectoryError {
    /// A query parameter could not be understood; `field` names it.
    #[error("bad request: {field}")]
    BadRequest { field: String },
}

impl DirectoryError {
    pub fn bad_request(field: impl Into<String>) -> Self {
        DirectoryError::BadRequest {
            field: field.into(),
        }
    }
}

/// An ISO 3166-1 alpha-2 code, upper case.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CountryCode(String);

impl CountryCode {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            .then(|| CountryCode(s.to_ascii_uppercase()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A URL slug: lower-case ASCII letters, digits and hyphens.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Slug(String);

impl Slug {
    pub fn parse(s: &str) -> Option<Self> {
        let ok = !s.is_empty()
            && s.len() <= 96
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        ok.then(|| Slug(s.to_owned()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

pub use crate::fields::non_empty;

/// Filters of the municipality list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct MunicipalityFilter {
    pub country: Option<CountryCode>,
    pub theme: Option<Slug>,
    pub kind: Option<MunicipalityKind>,
}

impl MunicipalityFilter {
    pub fn parse(
        country: Option<&str>,
        theme: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Self, DirectoryError> {
        Ok(MunicipalityFilter {
            country: parse_opt(country, "country", CountryCode::parse)?,
            theme: parse_opt(theme, "theme", Slug::parse)?,
            kind: parse_opt(kind, "kind", MunicipalityKind::from_code)?,
        })
    }
}

/// Filters of the organisation list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct OrganisationFilter {
    pub country: Option<CountryCode>,
    pub theme: Option<Slug>,
    pub kind: Option<OrganisationKind>,
}

impl OrganisationFilter {
    pub fn parse(
        country: Option<&str>,
        theme: Option<&str>,
        kind: Option<&str>,
    ) -> Result<Self, DirectoryError> {
        Ok(OrganisationFilter {
            country: parse_opt(country, "country", CountryCode::parse)?,
            theme: parse_opt(theme, "theme", Slug::parse)?,
            kind: parse_opt(kind, "kind", OrganisationKind::from_code)?,
        })
    }
}

impl From<BadField> for DirectoryError {
    fn from(BadField(field): BadField) -> Self {
        DirectoryError::bad_request(field)
    }
}

/// A municipality with what its list entry and page show.
#[derive(Clone, Debug)]
pub struct MunicipalityCard {
    pub municipality: municipality::Model,
    pub country: Option<country::Model>,
    pub themes: Vec<theme::Model>,
}

/// A municipality's full page.
#[derive(Clone, Debug)]
pub struct MunicipalityDetail {
    pub card: MunicipalityCard,
    pub contacts: Vec<contact::Model>,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

/// An organisation's page: its card and where it came from.
#[derive(Clone, Debug)]
pub struct OrganisationDetail {
    pub card: OrganisationCard,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

/// An organisation with what its list entry and page show.
#[derive(Clone, Debug)]
pub struct OrganisationCard {
    pub organisation: organisation::Model,
    pub country: Option<country::Model>,
    pub themes: Vec<theme::Model>,
}

/// Countries, optionally only those where the network has members or partners.
pub async fn countries<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    only_members: bool,
    page: PageRequest,
) -> Result<Page<country::Model>, DbErr> {
    let present: Option<BTreeSet<String>> = if only_members {
        let mut codes = distinct_codes(db, "municipality").await?;
        codes.extend(distinct_codes(db, "organisation").await?);
        Some(codes)
    } else {
        None
    };
    let all: Vec<&country::Model> = reference
        .countries()
        .filter(|c| present.as_ref().is_none_or(|p| p.contains(&c.code)))
        .collect();
    Ok(Page {
        total: all.len() as u64,
        items: all
            .into_iter()
            .skip(page.offset() as usize)
            .take(page.per_page as usize)
            .cloned()
            .collect(),
        page: page.page,
        per_page: page.per_page,
    })
}

/// Country codes used in a table's `country_code` column (one light query).
async fn distinct_codes<C: ConnectionTrait>(
    db: &C,
    table: &str,
) -> Result<BTreeSet<String>, DbErr> {
    #[derive(FromQueryResult)]
    struct Code {
        country_code: String,
    }
    let sql = format!("SELECT DISTINCT country_code FROM {table} WHERE country_code IS NOT NULL");
    Ok(
        Code::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
            .all(db)
            .await?
            .into_iter()
            .map(|c| c.country_code)
            .collect(),
    )
}

/// Countries that have at least one municipality (for the list's filter).
pub async fn member_countries<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
) -> Result<Vec<country::Model>, DbErr> {
    let codes = distinct_codes(db, "municipality").await?;
    Ok(codes
        .iter()
        .filter_map(|c| reference.country(c).cloned())
        .collect())
}

/// Countries that have at least one organisation (for the list's filter).
pub async fn partner_countries<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
) -> Result<Vec<country::Model>, DbErr> {
    let codes = distinct_codes(db, "organisation").await?;
    Ok(codes
        .iter()
        .filter_map(|c| reference.country(c).cloned())
        .collect())
}

/// SQL for a column holding an owner's theme ids as `"3,7,12"`, computed by a
/// correlated subquery so rows and their themes come back in one query.
pub fn theme_ids_column(backend: DatabaseBackend, link_table: &str, owner: &str) -> String {
    let aggregate = match backend {
        DatabaseBackend::Postgres => "string_agg(CAST(l.theme_id AS TEXT), ',')",
        _ => "group_concat(l.theme_id)",
    };
    format!("(SELECT {aggregate} FROM {link_table} l WHERE l.{owner}_id = {owner}.id)")
}

/// Themes' labels in a reader's language (feeds list them as categories).
pub fn theme_labels(themes: &[theme::Model], l: crate::i18n::Locale) -> Vec<String> {
    themes.iter().map(|t| t.label.text(l).to_owned()).collect()
}

/// Theme ids as the database aggregated them, back to themes in vocabulary order.
pub fn themes_of(reference: &Reference, ids: Option<&str>) -> Vec<theme::Model> {
    let ids: Vec<i32> = ids
        .unwrap_or_default()
        .split(',')
        .filter_map(|i| i.trim().parse().ok())
        .collect();
    reference
        .themes()
        .iter()
        .filter(|t| ids.contains(&t.id))
        .cloned()
        .collect()
}

/// A municipality row with its theme ids.
#[derive(FromQueryResult)]
struct MunicipalityRow {
    #[sea_orm(nested)]
    municipality: municipality::Model,
    theme_ids: Option<String>,
}

/// An organisation row with its theme ids.
#[derive(FromQueryResult)]
struct OrganisationRow {
    #[sea_orm(nested)]
    organisation: organisation::Model,
    theme_ids: Option<String>,
}

/// The rows a link table ties to the theme `slug` (`id` in `owner` where
/// `theme` is its id): `None` when no theme has that slug, which empties a
/// list ([`ListQuery::filter_known`]).
pub fn on_theme(
    reference: &Reference,
    slug: &Slug,
    id: impl ColumnTrait,
    owner: impl ColumnTrait,
    theme: impl ColumnTrait,
) -> Option<SimpleExpr> {
    let t = reference.theme_by_slug(slug.as_str())?;
    Some(linked(id, owner, theme, t.id))
}

fn municipality_query(
    reference: &Reference,
    filter: &MunicipalityFilter,
) -> ListQuery<municipality::Entity> {
    use municipality::Column as M;
    ListQuery::new(municipality::Entity::find())
        .filter_by(filter.country.as_ref(), |c| M::CountryCode.eq(c.as_str()))
        .filter_by(filter.kind, |k| M::Kind.eq(k.code()))
        .filter_known(filter.theme.as_ref(), |slug| {
            on_theme(
                reference,
                slug,
                M::Id,
                municipality_theme::Column::MunicipalityId,
                municipality_theme::Column::ThemeId,
            )
        })
}

/// One page of municipalities (without their profiles) with their countries
/// and themes, in the alphabetical order of their names as the `order`
/// locale shows them (collated for that language; by address for the API,
/// whose pages must stay put): one query, for the whole filtered list (a
/// network's members, a few hundred at most), ordered here.
pub async fn list_municipalities<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    filter: &MunicipalityFilter,
    order: Option<Locale>,
    page: PageRequest,
) -> Result<Page<MunicipalityCard>, DbErr> {
    let backend = db.get_database_backend();
    // Lists never show profiles: leave the largest column behind.
    let no_profile = match backend {
        DatabaseBackend::Postgres => "CAST(NULL AS JSONB)",
        _ => "NULL",
    };
    let rows = municipality_query(reference, filter)
        .all::<MunicipalityRow, _>(db, |q| {
            q.select_only()
                .columns(
                    municipality::Column::iter()
                        .filter(|c| !matches!(c, municipality::Column::Profile)),
                )
                .column_as(Expr::cust(no_profile), "profile")
                .column_as(
                    Expr::cust(theme_ids_column(
                        backend,
                        "municipality_theme",
                        "municipality",
                    )),
                    "theme_ids",
                )
                .order_by_asc(municipality::Column::Slug)
        })
        .await?;
    let mut cards: Vec<MunicipalityCard> = rows
        .into_iter()
        .map(|r| municipality_card(reference, r))
        .collect();
    if let Some(l) = order {
        l.sort_by_name(&mut cards, |c| c.municipality.name.text(l));
    }
    Ok(Page::of(cards, page))
}

fn municipality_card(reference: &Reference, r: MunicipalityRow) -> MunicipalityCard {
    MunicipalityCard {
        country: reference.country(&r.municipality.country_code).cloned(),
        themes: themes_of(reference, r.theme_ids.as_deref()),
        municipality: r.municipality,
    }
}

async fn one_municipality<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    condition: impl sea_orm::sea_query::IntoCondition,
) -> Result<Option<MunicipalityDetail>, DbErr> {
    let row = municipality::Entity::find()
        .filter(condition)
        .column_as(
            Expr::cust(theme_ids_column(
                db.get_database_backend(),
                "municipality_theme",
                "municipality",
            )),
            "theme_ids",
        )
        .column_as(
            source_column("municipality", "municipality"),
            "imported_from",
        )
        .into_model::<Sourced<MunicipalityRow>>()
        .one(db)
        .await?;
    let Some(Sourced {
        item: row,
        imported_from,
    }) = row
    else {
        return Ok(None);
    };
    let contacts = contact::Entity::find()
        .filter(contact::Column::MunicipalityId.eq(row.municipality.id))
        .order_by_asc(contact::Column::SortOrder)
        .all(db)
        .await?;
    Ok(Some(MunicipalityDetail {
        card: municipality_card(reference, row),
        contacts,
        imported_from,
    }))
}

/// A municipality's page by its slug: two queries.
pub async fn municipality_by_slug<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    slug: &Slug,
) -> Result<Option<MunicipalityDetail>, DbErr> {
    one_municipality(db, reference, municipality::Column::Slug.eq(slug.as_str())).await
}

/// A municipality's page by its id: two queries.
pub async fn municipality_by_id<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    id: i32,
) -> Result<Option<MunicipalityDetail>, DbErr> {
    one_municipality(db, reference, municipality::Column::Id.eq(id)).await
}

fn organisation_query(
    reference: &Reference,
    filter: &OrganisationFilter,
) -> ListQuery<organisation::Entity> {
    use organisation::Column as O;
    ListQuery::new(organisation::Entity::find())
        .filter_by(filter.country.as_ref(), |c| O::CountryCode.eq(c.as_str()))
        .filter_by(filter.kind, |k| O::Kind.eq(k.code()))
        .filter_known(filter.theme.as_ref(), |slug| {
            on_theme(
                reference,
                slug,
                O::Id,
                organisation_theme::Column::OrganisationId,
                organisation_theme::Column::ThemeId,
            )
        })
}

/// One page of organisations with their countries and themes, in the
/// alphabetical order of their names (not acronyms) as the `order` locale
/// shows them (by address for the API): one query for the whole filtered
/// list, ordered here.
pub async fn list_organisations<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    filter: &OrganisationFilter,
    order: Option<Locale>,
    page: PageRequest,
) -> Result<Page<OrganisationCard>, DbErr> {
    let backend = db.get_database_backend();
    let rows = organisation_query(reference, filter)
        .all::<OrganisationRow, _>(db, |q| {
            q.column_as(
                Expr::cust(theme_ids_column(
                    backend,
                    "organisation_theme",
                    "organisation",
                )),
                "theme_ids",
            )
            .order_by_asc(organisation::Column::Slug)
        })
        .await?;
    let mut cards: Vec<OrganisationCard> = rows
        .into_iter()
        .map(|r| organisation_card(reference, r))
        .collect();
    if let Some(l) = order {
        l.sort_by_name(&mut cards, |c| c.organisation.name.text(l));
    }
    Ok(Page::of(cards, page))
}

fn organisation_card(reference: &Reference, r: OrganisationRow) -> OrganisationCard {
    OrganisationCard {
        country: r
            .organisation
            .country_code
            .as_deref()
            .and_then(|c| reference.country(c).cloned()),
        themes: themes_of(reference, r.theme_ids.as_deref()),
        organisation: r.organisation,
    }
}

async fn one_organisation<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    condition: impl sea_orm::sea_query::IntoCondition,
) -> Result<Option<OrganisationDetail>, DbErr> {
    let row = organisation::Entity::find()
        .filter(condition)
        .column_as(
            Expr::cust(theme_ids_column(
                db.get_database_backend(),
                "organisation_theme",
                "organisation",
            )),
            "theme_ids",
        )
        .column_as(
            source_column("organisation", "organisation"),
            "imported_from",
        )
        .into_model::<Sourced<OrganisationRow>>()
        .one(db)
        .await?;
    Ok(row.map(|r| OrganisationDetail {
        card: organisation_card(reference, r.item),
        imported_from: r.imported_from,
    }))
}

/// An organisation's page by its slug: one query.
pub async fn organisation_by_slug<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    slug: &Slug,
) -> Result<Option<OrganisationDetail>, DbErr> {
    one_organisation(db, reference, organisation::Column::Slug.eq(slug.as_str())).await
}

/// An organisation by id: one query.
pub async fn organisation_by_id<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    id: i32,
) -> Result<Option<OrganisationDetail>, DbErr> {
    one_organisation(db, reference, organisation::Column::Id.eq(id)).await
}

/// The network in figures, per country.
#[derive(Clone, Debug, Default)]
pub struct CountryFigures {
    pub country: Option<country::Model>,
    pub code: String,
    pub municipalities: i64,
    pub organisations: i64,
    /// Sum over the municipalities that state a figure.
    pub population: Option<i64>,
    pub refugees_hosted: Option<i64>,
    /// How many municipalities state a refugee figure.
    pub refugee_figures: i64,
}

/// The network overview.
#[derive(Clone, Debug, Default)]
pub struct Overview {
    pub by_country: Vec<CountryFigures>,
    pub municipalities: i64,
    pub organisations: i64,
    pub countries: i64,
    /// The sum of the refugee figures stated; `None` when no municipality
    /// states one (shown as "not reported", never as 0).
    pub refugees_hosted: Option<i64>,
    pub themes: i64,
}

/// A municipality on the member map.
#[derive(Clone, Debug, FromQueryResult)]
pub struct Place {
    pub slug: String,
    pub name: TrText,
    pub country_code: String,
    pub latitude_micro: i32,
    pub longitude_micro: i32,
}

#[derive(FromQueryResult)]
struct MunicipalityAggregate {
    country_code: String,
    n: i64,
    population: Option<i64>,
    refugees: Option<i64>,
    refugee_figures: i64,
}

#[derive(FromQueryResult)]
struct OrganisationAggregate {
    country_code: Option<String>,
    n: i64,
}

/// The municipalities with a position, for the member map (one query; the
/// page sorts them by name in its language).
pub async fn places<C: ConnectionTrait>(db: &C) -> Result<Vec<Place>, DbErr> {
    Place::find_by_statement(Statement::from_string(
        db.get_database_backend(),
        "SELECT slug, name, country_code, latitude_micro, longitude_micro \
         FROM municipality \
         WHERE latitude_micro IS NOT NULL AND longitude_micro IS NOT NULL",
    ))
    .all(db)
    .await
}

/// Members by country with their figures: two queries.
pub async fn overview<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
) -> Result<Overview, DbErr> {
    let backend = db.get_database_backend();
    let munis = MunicipalityAggregate::find_by_statement(Statement::from_string(
        backend,
        "SELECT country_code, COUNT(*) AS n, \
         CAST(SUM(population) AS BIGINT) AS population, \
         CAST(SUM(refugees_hosted) AS BIGINT) AS refugees, \
         COUNT(refugees_hosted) AS refugee_figures \
         FROM municipality GROUP BY country_code",
    ))
    .all(db)
    .await?;
    let orgs = OrganisationAggregate::find_by_statement(Statement::from_string(
        backend,
        "SELECT country_code, COUNT(*) AS n FROM organisation GROUP BY country_code",
    ))
    .all(db)
    .await?;

    let mut figures: BTreeMap<String, CountryFigures> = BTreeMap::new();
    for m in &munis {
        let f = figures.entry(m.country_code.clone()).or_default();
        f.code = m.country_code.clone();
        f.municipalities = m.n;
        f.population = m.population;
        f.refugees_hosted = m.refugees;
        f.refugee_figures = m.refugee_figures;
    }
    let mut organisations = 0;
    for o in &orgs {
        organisations += o.n;
        if let Some(code) = &o.country_code {
            let f = figures.entry(code.clone()).or_default();
            f.code = code.clone();
            f.organisations = o.n;
        }
    }
    let mut by_country: Vec<CountryFigures> = figures
        .into_values()
        .map(|mut f| {
            f.country = reference.country(&f.code).cloned();
            f
        })
        .collect();
    by_country.sort_by(|a, b| {
        b.municipalities
            .cmp(&a.municipalities)
            .then(b.organisations.cmp(&a.organisations))
            .then(a.code.cmp(&b.code))
    });
    Ok(Overview {
        municipalities: munis.iter().map(|m| m.n).sum(),
        organisations,
        countries: by_country.iter().filter(|f| f.municipalities > 0).count() as i64,
        refugees_hosted: munis.iter().filter_map(|m| m.refugees).reduce(|a, b| a + b),
        themes: reference.themes().len() as i64,
        by_country,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_parse_or_name_the_bad_field() {
        let f = MunicipalityFilter::parse(Some("tr"), Some("education"), Some("")).unwrap();
        assert_eq!(f.country.unwrap().as_str(), "TR");
        assert_eq!(f.theme.unwrap().as_str(), "education");
        assert!(f.kind.is_none());
        match MunicipalityFilter::parse(Some("Türkiye"), None, None) {
            Err(DirectoryError::BadRequest { field }) => assert_eq!(field, "country"),
            other => panic!("expected a bad country, got {other:?}"),
        }
        match OrganisationFilter::parse(None, Some("Bad Slug!"), None) {
            Err(DirectoryError::BadRequest { field }) => assert_eq!(field, "theme"),
            other => panic!("expected a bad theme, got {other:?}"),
        }
        assert!(OrganisationFilter::parse(None, None, Some("spaceship")).is_err());
    }
}
