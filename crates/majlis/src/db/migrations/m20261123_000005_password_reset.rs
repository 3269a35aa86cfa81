//! Password reset by an emailed link, valid 15 minutes, once.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000005_password_reset"
    }
}

#[derive(DeriveIden)]
enum PasswordReset {
    Table,
    Id,
    PersonId,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(PasswordReset::Table)
                .col(pk_auto(PasswordReset::Id))
                .col(integer(PasswordReset::PersonId))
                .col(string_len_uniq(PasswordReset::TokenHash, 64))
                .col(timestamp_with_time_zone(PasswordReset::CreatedAt))
                .col(timestamp_with_time_zone(PasswordReset::ExpiresAt))
                .col(timestamp_with_time_zone_null(PasswordReset::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(PasswordReset::Table, PasswordReset::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(PasswordReset::Table).to_owned())
            .await
    }
}
