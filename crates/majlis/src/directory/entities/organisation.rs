use sea_orm::entity::prelude::*;

use crate::i18n::TrText;

/// A partner organisation: development agency, city network, NGO…
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub acronym: Option<String>,
    /// An [`OrganisationKind`](crate::directory::OrganisationKind) code.
    pub kind: String,
    pub country_code: Option<String>,
    pub website: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub name: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub description: Option<TrText>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_many = "super::organisation_theme::Entity")]
    Themes,
}

impl Related<super::organisation_theme::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Themes.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
