//! Two-factor sign-in: a TOTP secret per person, recovery codes, and sessions
//! that wait for the second factor.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000004_two_factor"
    }
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    TotpSecret,
    TotpPending,
    TotpLastStep,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    SecondFactorPending,
}

#[derive(DeriveIden)]
enum RecoveryCode {
    Table,
    Id,
    PersonId,
    CodeHash,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [
            string_len_null(Person::TotpSecret, 64),
            string_len_null(Person::TotpPending, 64),
            big_integer_null(Person::TotpLastStep),
        ] {
            m.alter_table(
                Table::alter()
                    .table(Person::Table)
                    .add_column(col)
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table(Session::Table)
                .add_column(boolean(Session::SecondFactorPending).default(false))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryCode::Table)
                .col(pk_auto(RecoveryCode::Id))
                .col(integer(RecoveryCode::PersonId))
                .col(string_len(RecoveryCode::CodeHash, 64))
                .col(timestamp_with_time_zone_null(RecoveryCode::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RecoveryCode::Table, RecoveryCode::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_recovery_code_person")
                .table(RecoveryCode::Table)
                .col(RecoveryCode::PersonId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RecoveryCode::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Session::Table)
                .drop_column(Session::SecondFactorPending)
                .to_owned(),
        )
        .await?;
        for col in [
            Person::TotpSecret,
            Person::TotpPending,
            Person::TotpLastStep,
        ] {
            m.alter_table(
                Table::alter()
                    .table(Person::Table)
                    .drop_column(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
