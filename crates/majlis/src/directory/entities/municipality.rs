use sea_orm::entity::prelude::*;

use crate::i18n::TrText;

/// A member municipality (or district, or union of municipalities).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "municipality")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    /// A [`MunicipalityKind`](crate::directory::MunicipalityKind) code.
    pub kind: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub name: TrText,
    pub country_code: String,
    pub region: Option<String>,
    pub population: Option<i64>,
    pub population_year: Option<i32>,
    pub refugees_hosted: Option<i64>,
    pub refugees_year: Option<i32>,
    pub member_since: Option<i32>,
    /// Where it is (the member map), in millionths of a degree north.
    pub latitude_micro: Option<i32>,
    /// In millionths of a degree east.
    pub longitude_micro: Option<i32>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub profile: Option<TrText>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::municipality_theme::Entity")]
    Themes,
    #[sea_orm(has_many = "super::contact::Entity")]
    Contacts,
}

impl Related<super::municipality_theme::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Themes.def()
    }
}

impl Related<super::contact::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Contacts.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
