//! Sealed two-step sign-in secrets (`v1:` + base64, about 100 characters) no
//! longer fit the 64 characters of their columns: widen them. SQLite does
//! not enforce lengths, so only PostgreSQL changes. The values themselves are
//! sealed by a data step on start (`accounts::secrets::seal_clear_secrets`),
//! which needs the node's key.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000012_secrets"
    }
}

#[derive(DeriveIden)]
enum Person {
    Table,
    TotpSecret,
    TotpPending,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() != DatabaseBackend::Postgres {
            return Ok(());
        }
        for col in [
            string_len_null(Person::TotpSecret, 255),
            string_len_null(Person::TotpPending, 255),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Person::Table)
                    .modify_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
