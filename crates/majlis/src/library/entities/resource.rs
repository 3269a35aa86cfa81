use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// A library resource: a document, a presentation, a link, in one or more language versions.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "resource")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub kind: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub summary: Option<TrText>,
    pub authors: Option<String>,
    pub year: Option<i32>,
    pub month: Option<i32>,
    pub licence: Option<String>,
    pub visibility: String,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
