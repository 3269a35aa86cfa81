//! A wave's sampling plan (`cohesion_wave.sampling`): the planned sample
//! and the planned respondents of each stratum, as the municipality gave
//! them when it started the wave (JSON; the stratum weights stay in
//! `weights`, which scoring reads).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::a;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000026_cohesion_sampling"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("cohesion_wave"))
                .add_column(json_binary_null(a("sampling")))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("cohesion_wave"))
                .drop_column(a("sampling"))
                .to_owned(),
        )
        .await
    }
}
