//! The provenance of imported items.

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
