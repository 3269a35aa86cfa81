use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// A survey of member municipalities: its campaign window, the
/// municipalities it targets, and who may read its results.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub description: Option<TrText>,
    /// `draft`, `open` or `closed` (see `SurveyStatus`).
    pub status: String,
    /// `public`, `members` or `staff`.
    pub results_audience: String,
    pub opens_at: Option<DateTimeUtc>,
    pub closes_at: Option<DateTimeUtc>,
    /// The event the survey prepared or followed.
    pub event_id: Option<i32>,
    /// Demo data: the answers are made up, and the pages say so.
    pub synthetic: bool,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
