use sea_orm::entity::prelude::*;

/// A wave's municipal questionnaire: the survey campaign its municipality's
/// focal point answers.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohesion_municipal")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub wave_id: i32,
    pub survey_id: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
