use crate::events::{Figures, Questions};
use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// A workshop, webinar, field visit, dialogue workshop or academy module.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub series_id: Option<i32>,
    pub kind: String,
    pub status: String,
    pub visibility: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub summary: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub context: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub objectives: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub expected_results: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub audience: Option<TrText>,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// Only the month is known (past events from reports).
    pub date_approximate: bool,
    /// IANA time zone of the venue (or the organiser, online).
    pub timezone: String,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub address: Option<String>,
    pub online: bool,
    /// Shown only to registered participants and staff.
    pub online_url: Option<String>,
    /// Working languages as `,en,ar,`.
    pub languages: String,
    pub interpretation: Option<String>,
    pub capacity: Option<i32>,
    pub needs_approval: bool,
    pub registration_opens: Option<DateTimeUtc>,
    pub registration_closes: Option<DateTimeUtc>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub questions: Option<Questions>,
    pub report_id: Option<i32>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub takeaways: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub figures: Option<Figures>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
