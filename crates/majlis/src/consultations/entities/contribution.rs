use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// An open question, idea, experience or link given to a dilemma.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "contribution")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub dilemma_id: i32,
    pub kind: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub body: TrText,
    /// The member who gave it; `author_name` when recorded for someone else
    /// (a rapporteur at a clinic) or from the demo.
    pub author_id: Option<i32>,
    pub author_name: Option<String>,
    pub recorded_by: Option<i32>,
    pub practice_id: Option<i32>,
    pub resource_id: Option<i32>,
    pub url: Option<String>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub answer: Option<TrText>,
    pub answered_by: Option<i32>,
    pub answered_at: Option<DateTimeUtc>,
    pub helped: bool,
    pub hidden: bool,
    pub hidden_reason: Option<String>,
    pub client_key: Option<String>,
    pub position: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
