//! Where imported items came from (`majlis import`):
//!
//! - `imported_item`: one row per item an import created: the source network
//!   (its public address), the kind (`theme`, `municipality`, `practice`, …),
//!   the item's key there (its slug, or a country code) and the local row it
//!   became. Unique on (source, kind, key): an item is imported from one
//!   source once, so importing the same document again adds nothing.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::a;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000023_imported"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(a("imported_item"))
                .col(pk_auto(a("id")))
                .col(string_len(a("source"), 300))
                .col(string_len(a("kind"), 24))
                .col(string_len(a("key"), 200))
                .col(integer(a("local_id")))
                .col(timestamp_with_time_zone(a("imported_at")))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_imported_item_source_kind_key")
                .table(a("imported_item"))
                .col(a("source"))
                .col(a("kind"))
                .col(a("key"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_imported_item_kind_local")
                .table(a("imported_item"))
                .col(a("kind"))
                .col(a("local_id"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("imported_item")).to_owned())
            .await
    }
}
