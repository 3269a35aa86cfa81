use sea_orm::entity::prelude::*;

/// One version of a survey's XLSForm, as it was uploaded.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "survey_form")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub survey_id: i32,
    /// 1, 2, … in the order the versions were uploaded.
    pub number: i32,
    /// `xlsx` or `markdown`.
    pub source_kind: String,
    pub source: Vec<u8>,
    /// How many questions people answer (notes and calculations excluded).
    pub questions: i32,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
