//! Invitations: a coordinator invites someone by email; the link works once,
//! for seven days.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000003_invitations"
    }
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    Id,
    TokenHash,
    Email,
    Role,
    MunicipalityId,
    FocalPoint,
    Locale,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Municipality {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Invitation::Table)
                .col(pk_auto(Invitation::Id))
                .col(string_len_uniq(Invitation::TokenHash, 64))
                .col(string_len(Invitation::Email, 320))
                .col(string_len(Invitation::Role, 32))
                .col(integer_null(Invitation::MunicipalityId))
                .col(boolean(Invitation::FocalPoint))
                .col(string_len(Invitation::Locale, 8))
                .col(integer_null(Invitation::InvitedBy))
                .col(timestamp_with_time_zone(Invitation::CreatedAt))
                .col(timestamp_with_time_zone(Invitation::ExpiresAt))
                .col(timestamp_with_time_zone_null(Invitation::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Invitation::Table, Invitation::InvitedBy)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Invitation::Table, Invitation::MunicipalityId)
                        .to(Municipality::Table, Municipality::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Invitation::Table).to_owned())
            .await
    }
}
