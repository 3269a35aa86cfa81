use sea_orm::entity::prelude::*;

/// A plan aimed at one of a municipality's indicators: the action plan
/// (`plans`) started from it, the wave its baseline comes from, the
/// fingerprint of the indicator's items in that wave (later waves measure
/// the plan only with the same one), and the draft practice shared from it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohesion_plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub municipality_id: i32,
    pub indicator_key: String,
    pub baseline_wave_id: i32,
    pub fingerprint: String,
    /// The action plan (owner kind `cohesion`, owner id this row's id).
    pub plan_id: Option<i32>,
    /// The plan's indicator later waves measure.
    pub plan_indicator_id: Option<i32>,
    /// The draft practice shared from the plan, once shared.
    pub practice_id: Option<i32>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
