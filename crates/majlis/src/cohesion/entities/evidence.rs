use sea_orm::entity::prelude::*;

/// A document attached to a wave's municipal questionnaire: to the answer
/// of `question`, or to the response as a whole (`question` empty).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohesion_evidence")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub wave_id: i32,
    pub question: String,
    /// The stored file (`file_object`).
    pub file_sha256: String,
    /// Its name as uploaded (cleaned).
    pub file_name: String,
    pub uploaded_by: Option<i32>,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
