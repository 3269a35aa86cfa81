//! What other folders' forms offer from the directory: municipalities and
//! organisations by name in the reader's language, and whether a chosen one
//! exists. Accounts sit below the directory, so the invitation form gets
//! [`municipality_names`] through `accounts::invitations::Municipalities`,
//! registered at the top.

use std::collections::BTreeSet;

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult, QueryOrder, Statement,
};

use super::entities::{country, municipality, organisation};
use super::reference::Reference;
use crate::accounts::invitations::Naming;
use crate::i18n::Locale;

/// Every municipality as (id, name in `locale`), by name (one query).
pub fn municipality_names(db: &DatabaseConnection, locale: Locale) -> Naming<'_> {
    Box::pin(async move {
        let rows = municipality::Entity::find()
            .order_by_asc(municipality::Column::Slug)
            .all(db)
            .await?;
        Ok(by_name(
            rows.into_iter()
                .map(|m| (m.id, m.name.text(locale).to_owned())),
            locale,
        ))
    })
}

/// Every organisation as (id, name in `locale`), by name (one query).
pub async fn organisation_names<C: ConnectionTrait>(
    db: &C,
    locale: Locale,
) -> Result<Vec<(i32, String)>, DbErr> {
    let rows = organisation::Entity::find()
        .order_by_asc(organisation::Column::Slug)
        .all(db)
        .await?;
    Ok(by_name(
        rows.into_iter()
            .map(|o| (o.id, o.name.text(locale).to_owned())),
        locale,
    ))
}

fn by_name(rows: impl Iterator<Item = (i32, String)>, locale: Locale) -> Vec<(i32, String)> {
    let mut out: Vec<(i32, String)> = rows.collect();
    locale.sort_by_name(&mut out, |r| &r.1);
    out
}

/// Countries in the alphabetical order of their names in `locale`
/// (collated: "Österreich" beside "Oman", "Türkiye" after "Tunus").
pub fn countries_by_name(
    countries: impl IntoIterator<Item = country::Model>,
    locale: Locale,
) -> Vec<country::Model> {
    let mut v: Vec<country::Model> = countries.into_iter().collect();
    locale.sort_by_name(&mut v, |c| c.name.text(locale));
    v
}

/// What a list's country filter offers: the countries of the rows the
/// reader's list can show (`codes`, read by the list's activity), and the
/// one chosen even if nothing has it any more, by name.
pub fn filter_countries(
    reference: &Reference,
    codes: impl IntoIterator<Item = String>,
    chosen: Option<&str>,
    locale: Locale,
) -> Vec<country::Model> {
    let mut codes: BTreeSet<String> = codes.into_iter().collect();
    codes.extend(chosen.map(str::to_owned));
    countries_by_name(
        codes.iter().filter_map(|c| reference.country(c).cloned()),
        locale,
    )
}

/// A form's country choices: the network's countries (where it has member
/// municipalities or partner organisations) first, then every other, each
/// group by name.
#[derive(Clone, Debug, Default)]
pub struct CountryChoices {
    pub network: Vec<country::Model>,
    pub other: Vec<country::Model>,
}

impl CountryChoices {
    /// Every code offered, for checking what a form sends.
    pub fn codes(&self) -> Vec<String> {
        self.network
            .iter()
            .chain(&self.other)
            .map(|c| c.code.clone())
            .collect()
    }
}

/// The network's countries, then the others (one query).
pub async fn country_choices<C: ConnectionTrait>(
    db: &C,
    reference: &Reference,
    locale: Locale,
) -> Result<CountryChoices, DbErr> {
    #[derive(FromQueryResult)]
    struct Code {
        code: Option<String>,
    }
    let sql = "SELECT country_code AS code FROM municipality \
               UNION SELECT country_code AS code FROM organisation WHERE country_code IS NOT NULL";
    let network: BTreeSet<String> =
        Code::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|c| c.code)
            .collect();
    let (inside, outside): (Vec<country::Model>, Vec<country::Model>) = reference
        .countries()
        .cloned()
        .partition(|c| network.contains(&c.code));
    Ok(CountryChoices {
        network: countries_by_name(inside, locale),
        other: countries_by_name(outside, locale),
    })
}

/// Whether a municipality with this id exists (one query).
pub async fn municipality_exists<C: ConnectionTrait>(db: &C, id: i32) -> Result<bool, DbErr> {
    Ok(municipality::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some())
}

/// Whether an organisation with this id exists (one query).
pub async fn organisation_exists<C: ConnectionTrait>(db: &C, id: i32) -> Result<bool, DbErr> {
    Ok(organisation::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some())
}
