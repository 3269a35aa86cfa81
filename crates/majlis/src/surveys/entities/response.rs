use sea_orm::entity::prelude::*;

/// A municipality's response to a survey.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_response")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    /// The form version the answers belong to.
    pub form_id: i32,
    /// The municipality answering (for a personal link: none; the link
    /// names the respondent).
    pub municipality_id: Option<i32>,
    /// The personal link it answers through.
    pub link_id: Option<i32>,
    /// The submitted answers (a JSON object of strings), counted in the
    /// tallies; `None` until the first submission.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub answers: Option<Json>,
    /// Answers being written and not submitted yet.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub draft: Option<Json>,
    /// Who last saved it.
    pub person_id: Option<i32>,
    /// The respondent's groups when last submitted ("" when unknown).
    pub country_code: String,
    pub population_band: String,
    pub refugee_band: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub submitted_at: Option<DateTimeUtc>,
    /// Raised by every change, so that a change made from what was read
    /// before its transaction applies only if nothing changed since.
    pub revision: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
