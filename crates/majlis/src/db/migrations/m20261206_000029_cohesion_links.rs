//! The personal links of a cohesion wave sent from a pasted list
//! (`cohesion/links.rs`): each survey link with its wave and the stratum
//! the list gave for the respondent, if any (the waves page counts links
//! sent per stratum against the sampling plan).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000029_cohesion_links"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::Cascade;
        m.create_table(
            Table::create()
                .table(a("cohesion_link"))
                .col(integer(a("link_id")).primary_key())
                .col(integer(a("wave_id")))
                .col(string_len_null(a("stratum"), 80))
                .foreign_key(&mut fk(
                    "cohesion_link",
                    "link_id",
                    "survey_link",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "cohesion_link",
                    "wave_id",
                    "cohesion_wave",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "cohesion_link", &["wave_id"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("cohesion_link")).to_owned())
            .await
    }
}
