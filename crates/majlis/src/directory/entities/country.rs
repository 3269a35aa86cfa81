use sea_orm::entity::prelude::*;

use crate::i18n::TrText;

/// An ISO 3166-1 country, named in the five locales.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "country")]
pub struct Model {
    /// ISO 3166-1 alpha-2, upper case.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub alpha3: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub name: TrText,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
