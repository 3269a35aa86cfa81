//! The rows of following.

pub mod follow {
    use sea_orm::entity::prelude::*;

    /// A person following something (`target_kind` is a
    /// [`crate::follows::TargetKind`] code).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "follow")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub person_id: i32,
        pub target_kind: String,
        pub target_id: i32,
        /// Made by taking part (registering, contributing, presenting, owning).
        pub automatic: bool,
        /// False once unfollowed: the row stays, so the same act does not
        /// follow again silently.
        pub active: bool,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
