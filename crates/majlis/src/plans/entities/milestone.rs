use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// A milestone of a plan: due on a day, reached (or not yet).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_milestone")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    pub due_on: Date,
    pub reached_on: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
