use sea_orm::entity::prelude::*;

/// A step of a practice's review: submitted, a comment, changes asked, published.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_review")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub practice_id: i32,
    pub action: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub body: Option<String>,
    pub author_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
