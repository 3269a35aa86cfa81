use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// A policy dilemma put to peers, online or at a consultation clinic.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dilemma")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub slug: String,
    pub status: String,
    pub visibility: String,
    #[sea_orm(column_type = "JsonBinary")]
    pub question: TrText,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub information: Option<TrText>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub result: Option<TrText>,
    /// The presenter when they have an account; else `presenter_name`.
    pub presenter_id: Option<i32>,
    pub presenter_name: Option<String>,
    pub affiliation: Option<String>,
    pub municipality_id: Option<i32>,
    pub organisation_id: Option<i32>,
    pub city: Option<String>,
    pub country_code: Option<String>,
    /// Comma-separated `HelpSought` codes.
    pub help_sought: String,
    /// Comma-separated locale codes the presenter works in.
    pub languages: String,
    /// The consultation clinic (event session) it is queued for.
    pub session_id: Option<i32>,
    pub event_id: Option<i32>,
    pub position: i32,
    /// Discussed together with this dilemma, which holds the shared result.
    pub joint_with: Option<i32>,
    pub period_days: i32,
    pub opens_at: Option<DateTimeUtc>,
    pub closes_at: Option<DateTimeUtc>,
    /// When the presenter opened the second phase (ideas).
    pub ideas_open_at: Option<DateTimeUtc>,
    pub concluded_at: Option<DateTimeUtc>,
    pub concluded_by: Option<i32>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
