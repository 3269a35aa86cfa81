use sea_orm::entity::prelude::*;

/// One language version of a resource: a stored file, a link, or (neither) announced but not available yet.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "resource_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub resource_id: i32,
    pub lang: String,
    pub title: Option<String>,
    pub file_sha256: Option<String>,
    pub file_name: Option<String>,
    pub url: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
