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

/// The outbox entity saying that the people of a municipality changed (an
/// affiliation with it added or removed; the id is the municipality's):
/// what activities above follow when who belongs to a municipality matters
/// to them (the search audiences of participants-only project ideas).
pub const PEOPLE_OF_MUNICIPALITY: &str = "municipality-people";

/// Write [`PEOPLE_OF_MUNICIPALITY`] for `municipality_id` in `tx`.
pub async fn people_changed(
    tx: &sea_orm::DatabaseTransaction,
    municipality_id: i32,
) -> Result<(), DbErr> {
    crate::db::outbox::record(
        tx,
        PEOPLE_OF_MUNICIPALITY,
        municipality_id,
        crate::db::outbox::Op::Updated,
    )
    .await
}
