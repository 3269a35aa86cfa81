//! The foundation: outbox, member directory, and the people table the CLI
//! creates administrators in.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000001_foundation"
    }
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Entity,
    EntityId,
    Op,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxCursor {
    Table,
    Consumer,
    Position,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Country {
    Table,
    Code,
    Alpha3,
    Name,
}

#[derive(DeriveIden)]
enum Theme {
    Table,
    Id,
    Slug,
    Label,
    Position,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Slug,
    Acronym,
    Kind,
    CountryCode,
    Website,
    Name,
    Description,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OrganisationTheme {
    Table,
    OrganisationId,
    ThemeId,
}

#[derive(DeriveIden)]
enum Municipality {
    Table,
    Id,
    Slug,
    Kind,
    Name,
    CountryCode,
    Region,
    Population,
    PopulationYear,
    RefugeesHosted,
    RefugeesYear,
    MemberSince,
    Profile,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum MunicipalityTheme {
    Table,
    MunicipalityId,
    ThemeId,
}

#[derive(DeriveIden)]
enum Contact {
    Table,
    Id,
    MunicipalityId,
    Name,
    Position,
    Email,
    SortOrder,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
    Email,
    DisplayName,
    Locale,
    PasswordHash,
    Role,
    Active,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Outbox::Table)
                .col(big_pk_auto(Outbox::Id))
                .col(string_len(Outbox::Entity, 64))
                .col(string_len(Outbox::EntityId, 64))
                .col(string_len(Outbox::Op, 16))
                .col(timestamp_with_time_zone(Outbox::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutboxCursor::Table)
                .col(string_len(OutboxCursor::Consumer, 128).primary_key())
                .col(big_integer(OutboxCursor::Position))
                .col(timestamp_with_time_zone(OutboxCursor::UpdatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Country::Table)
                .col(string_len(Country::Code, 2).primary_key())
                .col(string_len(Country::Alpha3, 3))
                .col(json_binary(Country::Name))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Theme::Table)
                .col(pk_auto(Theme::Id))
                .col(string_len_uniq(Theme::Slug, 64))
                .col(json_binary(Theme::Label))
                .col(integer(Theme::Position))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Organisation::Table)
                .col(pk_auto(Organisation::Id))
                .col(string_len_uniq(Organisation::Slug, 96))
                .col(string_len_null(Organisation::Acronym, 32))
                .col(string_len(Organisation::Kind, 32))
                .col(string_len_null(Organisation::CountryCode, 2))
                .col(string_len_null(Organisation::Website, 300))
                .col(json_binary(Organisation::Name))
                .col(json_binary_null(Organisation::Description))
                .col(timestamp_with_time_zone(Organisation::CreatedAt))
                .col(timestamp_with_time_zone(Organisation::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Organisation::Table, Organisation::CountryCode)
                        .to(Country::Table, Country::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_organisation_country")
                .table(Organisation::Table)
                .col(Organisation::CountryCode)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrganisationTheme::Table)
                .col(integer(OrganisationTheme::OrganisationId))
                .col(integer(OrganisationTheme::ThemeId))
                .primary_key(
                    Index::create()
                        .col(OrganisationTheme::OrganisationId)
                        .col(OrganisationTheme::ThemeId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrganisationTheme::Table, OrganisationTheme::OrganisationId)
                        .to(Organisation::Table, Organisation::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrganisationTheme::Table, OrganisationTheme::ThemeId)
                        .to(Theme::Table, Theme::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Municipality::Table)
                .col(pk_auto(Municipality::Id))
                .col(string_len_uniq(Municipality::Slug, 96))
                .col(string_len(Municipality::Kind, 32))
                .col(json_binary(Municipality::Name))
                .col(string_len(Municipality::CountryCode, 2))
                .col(string_len_null(Municipality::Region, 200))
                .col(big_integer_null(Municipality::Population))
                .col(integer_null(Municipality::PopulationYear))
                .col(big_integer_null(Municipality::RefugeesHosted))
                .col(integer_null(Municipality::RefugeesYear))
                .col(integer_null(Municipality::MemberSince))
                .col(json_binary_null(Municipality::Profile))
                .col(timestamp_with_time_zone(Municipality::CreatedAt))
                .col(timestamp_with_time_zone(Municipality::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Municipality::Table, Municipality::CountryCode)
                        .to(Country::Table, Country::Code),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_municipality_country")
                .table(Municipality::Table)
                .col(Municipality::CountryCode)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(MunicipalityTheme::Table)
                .col(integer(MunicipalityTheme::MunicipalityId))
                .col(integer(MunicipalityTheme::ThemeId))
                .primary_key(
                    Index::create()
                        .col(MunicipalityTheme::MunicipalityId)
                        .col(MunicipalityTheme::ThemeId),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(MunicipalityTheme::Table, MunicipalityTheme::MunicipalityId)
                        .to(Municipality::Table, Municipality::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(MunicipalityTheme::Table, MunicipalityTheme::ThemeId)
                        .to(Theme::Table, Theme::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_municipality_theme_theme")
                .table(MunicipalityTheme::Table)
                .col(MunicipalityTheme::ThemeId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(Contact::Table)
                .col(pk_auto(Contact::Id))
                .col(integer(Contact::MunicipalityId))
                .col(string_len(Contact::Name, 200))
                .col(json_binary_null(Contact::Position))
                .col(string_len_null(Contact::Email, 320))
                .col(integer(Contact::SortOrder))
                .foreign_key(
                    ForeignKey::create()
                        .from(Contact::Table, Contact::MunicipalityId)
                        .to(Municipality::Table, Municipality::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_contact_municipality")
                .table(Contact::Table)
                .col(Contact::MunicipalityId)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Person::Table)
                .col(pk_auto(Person::Id))
                .col(string_len_uniq(Person::Email, 320))
                .col(string_len(Person::DisplayName, 200))
                .col(string_len(Person::Locale, 8))
                .col(string_len(Person::PasswordHash, 200))
                .col(string_len(Person::Role, 32))
                .col(boolean(Person::Active))
                .col(timestamp_with_time_zone(Person::CreatedAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Person::Table.into_iden(),
            Contact::Table.into_iden(),
            MunicipalityTheme::Table.into_iden(),
            Municipality::Table.into_iden(),
            OrganisationTheme::Table.into_iden(),
            Organisation::Table.into_iden(),
            Theme::Table.into_iden(),
            Country::Table.into_iden(),
            OutboxCursor::Table.into_iden(),
            Outbox::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
