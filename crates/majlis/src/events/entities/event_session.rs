use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// A session of an event's programme; a working group has a parent session.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event_session")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub parent_id: Option<i32>,
    pub day: i32,
    pub position: i32,
    pub kind: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub objectives: Option<TrText>,
    /// Local time `HH:MM` in the event's time zone.
    pub starts: Option<String>,
    pub ends: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
