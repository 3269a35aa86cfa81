//! Pictures and places: a municipality's position (latitude and longitude
//! in millionths of a degree, so that a record stays exactly what its form
//! showed), and photos of events and practices (`picture`: an owner kind and
//! id without a foreign key, as plans have, the WebP thumbnail in the file
//! store, its size, and its alt text per language).

use sea_orm_migration::prelude::ForeignKeyAction::Restrict;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000031_pictures"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in ["latitude_micro", "longitude_micro"] {
            m.alter_table(
                Table::alter()
                    .table(a("municipality"))
                    .add_column(integer_null(a(column)))
                    .to_owned(),
            )
            .await?;
        }
        m.create_table(
            Table::create()
                .table(a("picture"))
                .col(pk_auto(a("id")))
                .col(string_len(a("owner_kind"), 20))
                .col(integer(a("owner_id")))
                .col(string_len(a("file_sha256"), 64))
                .col(integer(a("width")))
                .col(integer(a("height")))
                .col(json_binary(a("alt")))
                .col(integer_null(a("uploaded_by")))
                .col(timestamp_with_time_zone(a("uploaded_at")))
                .foreign_key(&mut fk(
                    "picture",
                    "file_sha256",
                    "file_object",
                    "sha256",
                    Restrict,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "picture", &["owner_kind", "owner_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("picture")).to_owned())
            .await?;
        for column in ["latitude_micro", "longitude_micro"] {
            m.alter_table(
                Table::alter()
                    .table(a("municipality"))
                    .drop_column(a(column))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
