use sea_orm::entity::prelude::*;

/// A signed-in browser. The token itself is never stored: only its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub person_id: i32,
    /// The token forms of this session must carry.
    pub csrf_token: String,
    pub created_at: DateTimeUtc,
    pub last_seen_at: DateTimeUtc,
    pub ip: String,
    pub user_agent: String,
    /// Password accepted, second factor still to come: not signed in yet.
    pub second_factor_pending: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::person::Entity",
        from = "Column::PersonId",
        to = "super::person::Column::Id"
    )]
    Person,
}

impl Related<super::person::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Person.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
