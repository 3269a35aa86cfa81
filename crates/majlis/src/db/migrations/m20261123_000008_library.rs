//! The knowledge library: stored files, resources with language versions,
//! good practices with their versions and reviews, compendium editions.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index, link};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000008_library"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, SetNull};
        // Stored files, addressed by their SHA-256; text extracted for search.
        m.create_table(
            Table::create()
                .table(a("file_object"))
                .col(string_len(a("sha256"), 64).primary_key())
                .col(string_len(a("kind"), 8))
                .col(big_integer(a("size")))
                .col(text_null(a("text")))
                .col(timestamp_with_time_zone(a("created_at")))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("resource"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(string_len(a("kind"), 32))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("summary")))
                .col(string_len_null(a("authors"), 500))
                .col(integer_null(a("year")))
                .col(integer_null(a("month")))
                .col(string_len_null(a("licence"), 200))
                .col(string_len(a("visibility"), 16))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("resource", "created_by", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "resource", &["kind"]).await?;
        index(m, "resource", &["year"]).await?;
        m.create_table(
            Table::create()
                .table(a("resource_version"))
                .col(pk_auto(a("id")))
                .col(integer(a("resource_id")))
                .col(string_len(a("lang"), 8))
                .col(string_len_null(a("title"), 300))
                .col(string_len_null(a("file_sha256"), 64))
                .col(string_len_null(a("file_name"), 200))
                .col(string_len_null(a("url"), 1000))
                .foreign_key(&mut fk(
                    "resource_version",
                    "resource_id",
                    "resource",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "resource_version",
                    "file_sha256",
                    "file_object",
                    "sha256",
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "resource_version", &["resource_id"]).await?;
        index(m, "resource_version", &["file_sha256"]).await?;
        index(m, "resource_version", &["lang"]).await?;
        link(
            m,
            "resource_theme",
            ("resource_id", "resource"),
            ("theme_id", "theme", integer(a("theme_id"))),
        )
        .await?;
        link(
            m,
            "resource_country",
            ("resource_id", "resource"),
            ("country_code", "country", string_len(a("country_code"), 2)),
        )
        .await?;
        link(
            m,
            "resource_organisation",
            ("resource_id", "resource"),
            (
                "organisation_id",
                "organisation",
                integer(a("organisation_id")),
            ),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("practice"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(string_len(a("status"), 16))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("summary")))
                .col(integer_null(a("municipality_id")))
                .col(integer_null(a("organisation_id")))
                .col(string_len_null(a("country_code"), 2))
                .col(integer_null(a("year")))
                .col(string_len(a("langs"), 64))
                .col(json_binary(a("content")))
                .col(integer(a("version")))
                .col(integer_null(a("author_id")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .col(timestamp_with_time_zone_null(a("published_at")))
                .col(date_null(a("last_verified")))
                .foreign_key(&mut fk(
                    "practice",
                    "municipality_id",
                    "municipality",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "practice",
                    "organisation_id",
                    "organisation",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "practice",
                    "country_code",
                    "country",
                    "code",
                    ForeignKeyAction::Restrict,
                ))
                .foreign_key(&mut fk("practice", "author_id", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "practice", &["status"]).await?;
        index(m, "practice", &["municipality_id"]).await?;
        index(m, "practice", &["country_code"]).await?;
        link(
            m,
            "practice_theme",
            ("practice_id", "practice"),
            ("theme_id", "theme", integer(a("theme_id"))),
        )
        .await?;
        link(
            m,
            "practice_resource",
            ("practice_id", "practice"),
            ("resource_id", "resource", integer(a("resource_id"))),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(a("practice_version"))
                .col(pk_auto(a("id")))
                .col(integer(a("practice_id")))
                .col(integer(a("number")))
                .col(json_binary(a("snapshot")))
                .col(integer_null(a("author_id")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "practice_version",
                    "practice_id",
                    "practice",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "practice_version",
                    "author_id",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_practice_version_number")
                .table(a("practice_version"))
                .col(a("practice_id"))
                .col(a("number"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(a("practice_review"))
                .col(pk_auto(a("id")))
                .col(integer(a("practice_id")))
                .col(string_len(a("action"), 32))
                .col(text_null(a("body")))
                .col(integer_null(a("author_id")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "practice_review",
                    "practice_id",
                    "practice",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "practice_review",
                    "author_id",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "practice_review", &["practice_id"]).await?;
        m.create_table(
            Table::create()
                .table(a("practice_attachment"))
                .col(pk_auto(a("id")))
                .col(integer(a("practice_id")))
                .col(string_len(a("lang"), 8))
                .col(string_len(a("label"), 300))
                .col(string_len_null(a("file_sha256"), 64))
                .col(string_len_null(a("file_name"), 200))
                .col(string_len_null(a("url"), 1000))
                .foreign_key(&mut fk(
                    "practice_attachment",
                    "practice_id",
                    "practice",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "practice_attachment",
                    "file_sha256",
                    "file_object",
                    "sha256",
                    ForeignKeyAction::Restrict,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "practice_attachment", &["practice_id"]).await?;
        index(m, "practice_attachment", &["file_sha256"]).await?;

        m.create_table(
            Table::create()
                .table(a("compendium"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("subtitle")))
                .col(json_binary_null(a("introduction")))
                .col(integer(a("year")))
                .col(string_len_null(a("edition"), 100))
                .col(string_len_null(a("publisher"), 200))
                .col(string_len(a("status"), 16))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .col(timestamp_with_time_zone_null(a("published_at")))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(a("compendium_chapter"))
                .col(pk_auto(a("id")))
                .col(integer(a("compendium_id")))
                .col(integer(a("position")))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("introduction")))
                .col(integer_null(a("theme_id")))
                .foreign_key(&mut fk(
                    "compendium_chapter",
                    "compendium_id",
                    "compendium",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "compendium_chapter",
                    "theme_id",
                    "theme",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "compendium_chapter", &["compendium_id"]).await?;
        m.create_table(
            Table::create()
                .table(a("compendium_entry"))
                .col(integer(a("chapter_id")))
                .col(integer(a("practice_id")))
                .col(integer(a("position")))
                .primary_key(Index::create().col(a("chapter_id")).col(a("practice_id")))
                .foreign_key(&mut fk(
                    "compendium_entry",
                    "chapter_id",
                    "compendium_chapter",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "compendium_entry",
                    "practice_id",
                    "practice",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "compendium_entry", &["practice_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "compendium_entry",
            "compendium_chapter",
            "compendium",
            "practice_attachment",
            "practice_review",
            "practice_version",
            "practice_resource",
            "practice_theme",
            "practice",
            "resource_organisation",
            "resource_country",
            "resource_theme",
            "resource_version",
            "resource",
            "file_object",
        ] {
            m.drop_table(Table::drop().table(a(t)).to_owned()).await?;
        }
        Ok(())
    }
}
