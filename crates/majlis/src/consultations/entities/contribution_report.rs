use sea_orm::entity::prelude::*;

/// A signed-in person's report that a contribution needs a moderator.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "contribution_report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub contribution_id: i32,
    pub person_id: i32,
    pub reason: String,
    pub created_at: DateTimeUtc,
    pub handled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
