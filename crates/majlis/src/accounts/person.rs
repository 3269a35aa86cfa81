use sea_orm::entity::prelude::*;

/// Someone who can sign in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    pub locale: String,
    /// PHC string (Argon2id).
    pub password_hash: String,
    pub role: String,
    pub active: bool,
    pub created_at: DateTimeUtc,
    /// Base32 TOTP secret once two-factor sign-in is on.
    pub totp_secret: Option<String>,
    /// A secret being set up, not yet confirmed with a code.
    pub totp_pending: Option<String>,
    /// The last TOTP time step accepted: a code works once.
    pub totp_last_step: Option<i64>,
    /// Notifications not read yet (the header's count), kept with the
    /// notification rows so that no page queries for it.
    pub unread_notifications: i32,
    /// The person's own time zone (IANA name), if chosen: event pages show
    /// times in it beside the venue's.
    pub time_zone: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
