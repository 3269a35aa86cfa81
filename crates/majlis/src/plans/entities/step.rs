use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// One step of a plan.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan_step")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub plan_id: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    /// Who carries it, as free text (a department, a person)…
    pub owner_text: Option<String>,
    /// …or a municipality of the network.
    pub owner_municipality_id: Option<i32>,
    pub starts_on: Option<Date>,
    pub due_on: Option<Date>,
    /// `not-started`, `in-progress`, `done` or `cancelled` (`StepStatus`).
    pub status: String,
    /// 0–100.
    pub percent: i32,
    /// Its share in the plan's progress (0 and up).
    pub weight: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
