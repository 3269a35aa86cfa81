use sea_orm::entity::prelude::*;

use crate::i18n::TrText;

/// A photo of an event or a practice: its WebP thumbnail in the file store,
/// its size in pixels and its alt text per language. The owner is a kind
/// and an id without a foreign key (as a plan's): the library knows no
/// activity above it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "picture")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// A [`PictureOwnerKind`](crate::library::pictures::OwnerKind) code.
    pub owner_kind: String,
    pub owner_id: i32,
    pub file_sha256: String,
    pub width: i32,
    pub height: i32,
    #[sea_orm(column_type = "JsonBinary")]
    pub alt: TrText,
    pub uploaded_by: Option<i32>,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
