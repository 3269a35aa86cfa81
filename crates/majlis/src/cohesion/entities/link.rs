use sea_orm::entity::prelude::*;

/// A personal link of a wave sent from a pasted list: the survey link, its
/// wave and the stratum the list gave (`None`: not given).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "cohesion_link")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub link_id: i32,
    pub wave_id: i32,
    pub stratum: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
