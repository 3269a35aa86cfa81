use sea_orm::entity::prelude::*;

/// A practice placed in a chapter, in order.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "compendium_entry")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub chapter_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub practice_id: i32,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
