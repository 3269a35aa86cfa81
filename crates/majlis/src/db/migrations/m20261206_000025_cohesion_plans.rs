//! Plans aimed at cohesion indicators (`cohesion/plans.rs`): a row ties a
//! municipality's indicator (by key) to the action plan started from it,
//! the wave its baseline comes from and the fingerprint of the
//! indicator's items then (a later wave is comparable only with the same
//! fingerprint), the plan's indicator that later waves measure, and the
//! draft practice shared from it. One plan per municipality and indicator.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000025_cohesion_plans"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        m.create_table(
            Table::create()
                .table(a("cohesion_plan"))
                .col(pk_auto(a("id")))
                .col(integer(a("municipality_id")))
                .col(string_len(a("indicator_key"), 80))
                .col(integer(a("baseline_wave_id")))
                .col(string_len(a("fingerprint"), 200))
                .col(integer_null(a("plan_id")))
                .col(integer_null(a("plan_indicator_id")))
                .col(integer_null(a("practice_id")))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "cohesion_plan",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "cohesion_plan",
                    "baseline_wave_id",
                    "cohesion_wave",
                    "id",
                    Restrict,
                ))
                .foreign_key(&mut fk("cohesion_plan", "plan_id", "plan", "id", SetNull))
                .foreign_key(&mut fk(
                    "cohesion_plan",
                    "plan_indicator_id",
                    "plan_indicator",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "cohesion_plan",
                    "practice_id",
                    "practice",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "cohesion_plan",
                    "created_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_cohesion_plan_municipality_id_indicator_key")
                .table(a("cohesion_plan"))
                .col(a("municipality_id"))
                .col(a("indicator_key"))
                .unique()
                .to_owned(),
        )
        .await?;
        index(m, "cohesion_plan", &["baseline_wave_id"]).await?;
        index(m, "cohesion_plan", &["plan_id"]).await?;
        index(m, "cohesion_plan", &["plan_indicator_id"]).await?;
        index(m, "cohesion_plan", &["practice_id"]).await?;
        index(m, "cohesion_plan", &["created_by"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("cohesion_plan")).to_owned())
            .await
    }
}
