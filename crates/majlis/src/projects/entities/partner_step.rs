use sea_orm::entity::prelude::*;

/// One step of a partnership (`PartnerStep`): who took it and when.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "project_partner_step")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub project_id: i32,
    pub municipality_id: i32,
    pub step: String,
    pub person_id: Option<i32>,
    /// Who took it, by name, when they have no account here (a step
    /// imported from another network).
    pub person_name: Option<String>,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
