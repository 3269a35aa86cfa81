//! The social-cohesion self-assessment (`cohesion/`): frameworks (each
//! version a row; domains, indicators and items kept together as one JSON
//! definition, always read whole), waves (one municipality's scored run of
//! the resident perception survey: its survey, n, stratum weights and the
//! scores, kept as JSON so that a dashboard reads a wave in one row), and
//! each municipality's choices (published, shown to peers by name).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000022_cohesion"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        m.create_table(
            Table::create()
                .table(a("cohesion_framework"))
                .col(pk_auto(a("id")))
                .col(string_len(a("slug"), 80))
                .col(integer(a("version")))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("description")))
                .col(json_binary(a("definition")))
                .col(timestamp_with_time_zone(a("created_at")))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_cohesion_framework_slug_version")
                .table(a("cohesion_framework"))
                .col(a("slug"))
                .col(a("version"))
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("cohesion_wave"))
                .col(pk_auto(a("id")))
                .col(integer(a("municipality_id")))
                .col(integer(a("framework_id")))
                .col(integer_null(a("survey_id")))
                .col(integer(a("number")))
                .col(string_len(a("label"), 80))
                .col(date(a("fielded_on")))
                .col(big_integer(a("n")))
                .col(json_binary_null(a("weights")))
                .col(json_binary_null(a("scores")))
                .col(boolean(a("synthetic")).default(false))
                .col(timestamp_with_time_zone_null(a("scored_at")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "cohesion_wave",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "cohesion_wave",
                    "framework_id",
                    "cohesion_framework",
                    "id",
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    "cohesion_wave",
                    "survey_id",
                    "survey",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_cohesion_wave_municipality_id_number")
                .table(a("cohesion_wave"))
                .col(a("municipality_id"))
                .col(a("number"))
                .unique()
                .to_owned(),
        )
        .await?;
        index(m, "cohesion_wave", &["framework_id"]).await?;
        index(m, "cohesion_wave", &["survey_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("cohesion_setting"))
                .col(integer(a("municipality_id")).primary_key())
                .col(boolean(a("published")).default(false))
                .col(boolean(a("by_name")).default(false))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk(
                    "cohesion_setting",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in ["cohesion_setting", "cohesion_wave", "cohesion_framework"] {
            m.drop_table(Table::drop().table(a(t)).to_owned()).await?;
        }
        Ok(())
    }
}
