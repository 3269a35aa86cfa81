//! Where an imported item came from (`majlis import` writes the rows; item
//! pages read them to say "From ⟨network⟩"). Infrastructure: kinds are plain
//! names (`practice`, `event`, …), no activity's types.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};

pub mod imported_item {
    use sea_orm::entity::prelude::*;

    /// An item an import created: the network it came from, its kind, its
    /// key there (slug or country code) and the local row it became.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "imported_item")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub source: String,
        pub kind: String,
        pub key: String,
        pub local_id: i32,
        pub imported_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The network (its public address) the item of `kind` with local `id` was
/// imported from, if it was imported: one query.
pub async fn source_of<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    id: i32,
) -> Result<Option<String>, DbErr> {
    imported_item::Entity::find()
        .select_only()
        .column(imported_item::Column::Source)
        .filter(imported_item::Column::Kind.eq(kind))
        .filter(imported_item::Column::LocalId.eq(id))
        .into_tuple::<String>()
        .one(db)
        .await
}
