use sea_orm::entity::prelude::*;

/// Someone taking part in a consultation: presenter, invited peer, rapporteur.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dilemma_participant")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub dilemma_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub person_id: i32,
    pub role: String,
    pub invited_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
