use sea_orm::entity::prelude::*;

/// A municipality's choices about its cohesion dashboard (no row: not
/// published, peers see its scores only inside the anonymous benchmark).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohesion_setting")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub municipality_id: i32,
    /// Anyone may read the dashboard.
    pub published: bool,
    /// Peers see its index by name (published dashboards only).
    pub by_name: bool,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
