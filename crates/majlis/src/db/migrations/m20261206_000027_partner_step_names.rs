//! The name of who took a partnership step, for steps that came from
//! another network (`majlis import`): they have no account here, and the
//! idea's page names them as the source's page did. Steps taken here keep
//! `person_id` and leave it empty.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::a;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000027_partner_step_names"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("project_partner_step"))
                .add_column(string_len_null(a("person_name"), 200))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("project_partner_step"))
                .drop_column(a("person_name"))
                .to_owned(),
        )
        .await
    }
}
