use sea_orm::entity::prelude::*;

/// A personal link to answer a survey, sent to a named respondent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_link")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    /// SHA-256 of the token, hex (the token itself is only in the mail).
    pub token_hash: String,
    pub name: String,
    pub email: String,
    /// The municipality the respondent speaks for, if any (for the groups
    /// results are broken down by).
    pub municipality_id: Option<i32>,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
