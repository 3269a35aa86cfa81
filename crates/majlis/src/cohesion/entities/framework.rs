use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// One version of a framework: its domains, indicators and items as one
/// JSON definition (`cohesion::framework::Definition`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cohesion_framework")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub version: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub description: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary")]
    pub definition: Json,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
