use crate::i18n::TrText;
use sea_orm::entity::prelude::*;

/// An action plan, owned by something of a higher activity (`owner_kind`,
/// `owner_id`: no foreign key) with a responsible municipality.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "plan")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// `project` (see `OwnerKind`).
    pub owner_kind: String,
    pub owner_id: i32,
    pub municipality_id: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub title: TrText,
    /// Demo data: the progress figures are illustrative, and the page says so.
    pub illustrative: bool,
    pub created_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
