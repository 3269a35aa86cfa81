use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// An expert's wrap-up message for a clinic session (or an event's closing
/// session).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "clinic_wrapup")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub session_id: i32,
    pub event_id: i32,
    pub person_id: Option<i32>,
    pub author_name: String,
    pub organisation_id: Option<i32>,
    pub affiliation: Option<String>,
    #[sea_orm(column_type = "JsonBinary")]
    pub body: TrText,
    pub position: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
