use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// What a consultation clinic (a session of an event) keeps beyond its
/// dilemmas.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "clinic")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub session_id: i32,
    pub event_id: i32,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub summary: Option<TrText>,
    pub published_at: Option<DateTimeUtc>,
    pub published_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
