//! Signing in: sessions, sign-in attempts (for rate limits shared by every
//! node), and the affiliations that make someone a focal point.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000002_sessions"
    }
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    TokenHash,
    PersonId,
    CsrfToken,
    CreatedAt,
    LastSeenAt,
    Ip,
    UserAgent,
}

#[derive(DeriveIden)]
enum LoginAttempt {
    Table,
    Id,
    Key,
    At,
}

#[derive(DeriveIden)]
enum Affiliation {
    Table,
    Id,
    PersonId,
    MunicipalityId,
    OrganisationId,
    Position,
    FocalPoint,
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

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Session::Table)
                .col(big_pk_auto(Session::Id))
                .col(string_len_uniq(Session::TokenHash, 64))
                .col(integer(Session::PersonId))
                .col(string_len(Session::CsrfToken, 64))
                .col(timestamp_with_time_zone(Session::CreatedAt))
                .col(timestamp_with_time_zone(Session::LastSeenAt))
                .col(string_len(Session::Ip, 64))
                .col(string_len(Session::UserAgent, 300))
                .foreign_key(
                    ForeignKey::create()
                        .from(Session::Table, Session::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_session_person")
                .table(Session::Table)
                .col(Session::PersonId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(LoginAttempt::Table)
                .col(big_pk_auto(LoginAttempt::Id))
                .col(string_len(LoginAttempt::Key, 400))
                .col(timestamp_with_time_zone(LoginAttempt::At))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_login_attempt_key_at")
                .table(LoginAttempt::Table)
                .col(LoginAttempt::Key)
                .col(LoginAttempt::At)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Affiliation::Table)
                .col(pk_auto(Affiliation::Id))
                .col(integer(Affiliation::PersonId))
                .col(integer_null(Affiliation::MunicipalityId))
                .col(integer_null(Affiliation::OrganisationId))
                .col(json_binary_null(Affiliation::Position))
                .col(boolean(Affiliation::FocalPoint))
                .foreign_key(
                    ForeignKey::create()
                        .from(Affiliation::Table, Affiliation::PersonId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Affiliation::Table, Affiliation::MunicipalityId)
                        .to(Municipality::Table, Municipality::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Affiliation::Table, Affiliation::OrganisationId)
                        .to(Organisation::Table, Organisation::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_affiliation_person")
                .table(Affiliation::Table)
                .col(Affiliation::PersonId)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Affiliation::Table.into_iden(),
            LoginAttempt::Table.into_iden(),
            Session::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
