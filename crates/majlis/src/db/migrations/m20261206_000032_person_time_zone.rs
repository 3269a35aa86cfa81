//! A person's own time zone (an IANA name, optional): event pages show an
//! event's times in the venue's zone and, when this is set and differs, in
//! the person's too. Visitors see the venue's zone only.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::a;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000032_person_time_zone"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("person"))
                .add_column(string_len_null(a("time_zone"), 64))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("person"))
                .drop_column(a("time_zone"))
                .to_owned(),
        )
        .await
    }
}
