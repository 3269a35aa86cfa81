//! Scheduled backups: one lease row that a single node holds while it takes
//! a backup, and a row per backup taken (by the schedule or by hand), from
//! which the age of the last good backup is read.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000014_backups"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(a("backup_lease"))
                .col(integer(a("id")).primary_key())
                .col(string_len_null(a("holder"), 128))
                .col(timestamp_with_time_zone_null(a("held_until")))
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::insert()
                .into_table(a("backup_lease"))
                .columns([a("id")])
                .values_panic([1.into()])
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(a("backup_run"))
                .col(pk_auto(a("id")))
                .col(string_len(a("node"), 128))
                .col(timestamp_with_time_zone(a("started_at")))
                .col(timestamp_with_time_zone_null(a("finished_at")))
                // running, ok or failed
                .col(string_len(a("outcome"), 16))
                .col(text_null(a("folder")))
                .col(text_null(a("message")))
                .to_owned(),
        )
        .await?;
        index(m, "backup_run", &["outcome", "finished_at"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("backup_run")).to_owned())
            .await?;
        m.drop_table(Table::drop().table(a("backup_lease")).to_owned())
            .await
    }
}
