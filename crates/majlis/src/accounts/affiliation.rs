use sea_orm::entity::prelude::*;

use crate::i18n::TrText;

/// A person's tie to a municipality or an organisation. A focal point acts for
/// its municipality.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "affiliation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub person_id: i32,
    pub municipality_id: Option<i32>,
    pub organisation_id: Option<i32>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub position: Option<TrText>,
    pub focal_point: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
