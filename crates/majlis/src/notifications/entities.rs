//! The rows of notifications.

pub mod notification {
    use sea_orm::entity::prelude::*;

    use crate::i18n::TrText;

    /// One thing a person is told. The object's title and address are kept
    /// with it, so pages and digests read one table. Whether email is done
    /// with it is its person's [`super::mailed`] watermark for its kind.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notification")]
    pub struct Model {
        #[sea_orm(primary_key)]
        pub id: i32,
        pub person_id: i32,
        /// A [`crate::notifications::NoticeKind`] code.
        pub kind: String,
        /// The object: its outbox entity name and id.
        pub entity: String,
        pub entity_id: i32,
        #[sea_orm(column_type = "JsonBinary")]
        pub title: TrText,
        /// The object's page (a path).
        pub url: String,
        /// What the person follows that brought it (a `follows::TargetKind`
        /// code and id), and its name, for grouping.
        pub via_kind: Option<String>,
        pub via_id: Option<i32>,
        #[sea_orm(column_type = "JsonBinary", nullable)]
        pub via_title: Option<TrText>,
        /// The change (outbox row) it came from.
        pub outbox_id: i64,
        pub read_at: Option<DateTimeUtc>,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod setting {
    use sea_orm::entity::prelude::*;

    /// How one kind reaches one person by email (no row: the default).
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notification_setting")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub person_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub kind: String,
        /// A [`crate::notifications::Delivery`] code.
        pub delivery: String,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod announced {
    use sea_orm::entity::prelude::*;

    /// An object already announced as new.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notification_announced")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub entity: String,
        #[sea_orm(primary_key, auto_increment = false)]
        pub entity_id: i32,
        pub created_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub mod mailed {
    use sea_orm::entity::prelude::*;

    /// How far email has gone through one person's notifications of one
    /// kind: every one with an id up to `upto_id` was emailed (at once or in
    /// a digest) or passed over. One row per person and kind, moved forward
    /// only by conditional updates (`upto_id` as read), so two nodes never
    /// both send the same notifications.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "notification_mailed")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub person_id: i32,
        #[sea_orm(primary_key, auto_increment = false)]
        pub kind: String,
        pub upto_id: i32,
        /// The newest notification of the kind (the outbox consumer moves it).
        pub latest_id: i32,
        /// When the oldest notification after `upto_id` was made; none when
        /// nothing waits.
        pub pending_since: Option<DateTimeUtc>,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
