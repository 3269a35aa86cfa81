use crate::events::Answers;
use sea_orm::entity::prelude::*;

/// A person's registration for an event.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "registration")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub person_id: i32,
    pub status: String,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub answers: Option<Answers>,
    /// Consent to appear in the public participant list; withdrawable.
    pub public_consent: bool,
    /// A coordinator who registered the person on their behalf.
    pub registered_by: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// Place in the queue: when the registration (re)entered its status.
    pub queued_at: DateTimeUtc,
    pub attended_at: Option<DateTimeUtc>,
    pub reminded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
