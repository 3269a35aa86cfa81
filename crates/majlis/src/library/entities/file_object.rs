use sea_orm::entity::prelude::*;

/// A stored file, addressed by the SHA-256 of its bytes.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "file_object")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub sha256: String,
    pub kind: String,
    pub size: i64,
    #[sea_orm(column_type = "Text", nullable)]
    pub text: Option<String>,
    pub created_at: DateTimeUtc,
    /// None while something refers to the file; otherwise since when it
    /// has been unused (its upload, or when the collector first saw it so).
    pub orphan_since: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
