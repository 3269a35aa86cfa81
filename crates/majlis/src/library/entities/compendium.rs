use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// An edition of the best-practices compendium.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "compendium")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub subtitle: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub introduction: Option<TrText>,
    pub year: i32,
    pub edition: Option<String>,
    pub publisher: Option<String>,
    pub status: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
