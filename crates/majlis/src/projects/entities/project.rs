use crate::i18n::TrText;
use crate::projects::PartnersSought;
use sea_orm::entity::prelude::*;

/// A project idea, from the workshop it came from to its result.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "project")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub problem: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub objectives: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub activities: Option<TrText>,
    /// See `ProjectStatus`.
    pub status: String,
    /// Why it was dropped (only when dropped).
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub drop_reason: Option<TrText>,
    /// `public`, `members` or `participants`.
    pub visibility: String,
    pub lead_municipality_id: i32,
    pub event_id: Option<i32>,
    pub session_id: Option<i32>,
    /// The consultation (dilemma) it came from.
    pub dilemma_id: Option<i32>,
    /// The programme that may fund it (its name as written).
    pub programme: Option<String>,
    /// `,DE,TR,`: the countries whose municipalities the programme pairs.
    pub programme_countries: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub partners_sought: PartnersSought,
    pub version: i32,
    /// Demo data: the pages say that progress figures are illustrative.
    pub illustrative: bool,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
