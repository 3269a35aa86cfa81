use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// A chapter of a compendium, usually one theme.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "compendium_chapter")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub compendium_id: i32,
    pub position: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub introduction: Option<TrText>,
    pub theme_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
