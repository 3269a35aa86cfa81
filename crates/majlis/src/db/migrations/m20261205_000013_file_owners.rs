//! Who uploaded each stored file (for the per-person storage quota), and
//! since when a stored file has been unused (for its removal after a grace
//! period).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000013_file_owners"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::Cascade;
        // Null while something refers to the file; otherwise when it was
        // uploaded, or first seen unused by the collector.
        m.alter_table(
            Table::alter()
                .table(a("file_object"))
                .add_column(timestamp_with_time_zone_null(a("orphan_since")))
                .to_owned(),
        )
        .await?;
        index(m, "file_object", &["orphan_since"]).await?;
        m.create_table(
            Table::create()
                .table(a("file_owner"))
                .col(string_len(a("sha256"), 64))
                .col(integer(a("person_id")))
                .col(timestamp_with_time_zone(a("created_at")))
                .primary_key(Index::create().col(a("sha256")).col(a("person_id")))
                .foreign_key(&mut fk(
                    "file_owner",
                    "sha256",
                    "file_object",
                    "sha256",
                    Cascade,
                ))
                .foreign_key(&mut fk("file_owner", "person_id", "person", "id", Cascade))
                .to_owned(),
        )
        .await?;
        index(m, "file_owner", &["person_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("file_owner")).to_owned())
            .await?;
        m.drop_index(
            Index::drop()
                .name("idx_file_object_orphan_since")
                .table(a("file_object"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(a("file_object"))
                .drop_column(a("orphan_since"))
                .to_owned(),
        )
        .await
    }
}
