use sea_orm::entity::prelude::*;

/// A person in a role in a session: a member (person_id) or a named guest.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "session_person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub event_id: i32,
    pub role: String,
    pub person_id: Option<i32>,
    pub name: Option<String>,
    pub organisation_id: Option<i32>,
    pub affiliation: Option<String>,
    pub position: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
