use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// An indicator of a plan: its unit, baseline and target (each a value on
/// a day); its measurements are `measurement` rows.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_indicator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub name: TrText,
    pub unit: String,
    pub baseline_value: f64,
    pub baseline_on: Date,
    pub target_value: f64,
    pub target_on: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
