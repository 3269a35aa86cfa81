use sea_orm::entity::prelude::*;

/// A file or a link attached to a practice, in one language.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_attachment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub practice_id: i32,
    pub lang: String,
    pub label: String,
    pub file_sha256: Option<String>,
    pub file_name: Option<String>,
    pub url: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
