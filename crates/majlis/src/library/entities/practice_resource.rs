use sea_orm::entity::prelude::*;

/// A library resource related to a practice (its presentation, its sheet).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "practice_resource")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub practice_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub resource_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
