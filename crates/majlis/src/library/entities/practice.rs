use crate::i18n::TrText;
use crate::library::practices::PracticeContent;
use sea_orm::entity::prelude::*;

/// A good practice of a municipality or an organisation.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "practice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub status: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub summary: Option<TrText>,
    pub municipality_id: Option<i32>,
    pub organisation_id: Option<i32>,
    pub country_code: Option<String>,
    pub year: Option<i32>,
    /// The locales its title exists in, as `,tr,en,` (for the language filter).
    pub langs: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub content: PracticeContent,
    pub version: i32,
    pub author_id: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub published_at: Option<DateTimeUtc>,
    pub last_verified: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
