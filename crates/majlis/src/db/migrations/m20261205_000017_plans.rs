//! Action plans (`plans/`): a plan belongs to an owner of a higher activity
//! (a project; later a municipality's cohesion plan), named by kind and id
//! without a foreign key, and has a responsible municipality. Its steps,
//! milestones, indicators with their measurements, and the follow-up
//! events attached to it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000017_plans"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, SetNull};
        m.create_table(
            Table::create()
                .table(a("plan"))
                .col(pk_auto(a("id")))
                .col(string_len(a("owner_kind"), 16))
                .col(integer(a("owner_id")))
                .col(integer(a("municipality_id")))
                .col(json_binary(a("title")))
                .col(boolean(a("illustrative")).default(false))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk(
                    "plan",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk("plan", "created_by", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "plan", &["owner_kind", "owner_id"]).await?;
        index(m, "plan", &["municipality_id"]).await?;

        // A step: who carries it (free text, or a municipality), its dates,
        // status, percent done and weight in the plan's progress.
        m.create_table(
            Table::create()
                .table(a("plan_step"))
                .col(pk_auto(a("id")))
                .col(integer(a("plan_id")))
                .col(json_binary(a("title")))
                .col(string_len_null(a("owner_text"), 200))
                .col(integer_null(a("owner_municipality_id")))
                .col(date_null(a("starts_on")))
                .col(date_null(a("due_on")))
                .col(string_len(a("status"), 16))
                .col(integer(a("percent")))
                .col(integer(a("weight")))
                .foreign_key(&mut fk("plan_step", "plan_id", "plan", "id", Cascade))
                .foreign_key(&mut fk(
                    "plan_step",
                    "owner_municipality_id",
                    "municipality",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "plan_step", &["plan_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("plan_milestone"))
                .col(pk_auto(a("id")))
                .col(integer(a("plan_id")))
                .col(json_binary(a("title")))
                .col(date(a("due_on")))
                .col(date_null(a("reached_on")))
                .foreign_key(&mut fk("plan_milestone", "plan_id", "plan", "id", Cascade))
                .to_owned(),
        )
        .await?;
        index(m, "plan_milestone", &["plan_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("plan_indicator"))
                .col(pk_auto(a("id")))
                .col(integer(a("plan_id")))
                .col(json_binary(a("name")))
                .col(string_len(a("unit"), 40))
                .col(double(a("baseline_value")))
                .col(date(a("baseline_on")))
                .col(double(a("target_value")))
                .col(date(a("target_on")))
                .foreign_key(&mut fk("plan_indicator", "plan_id", "plan", "id", Cascade))
                .to_owned(),
        )
        .await?;
        index(m, "plan_indicator", &["plan_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("plan_measurement"))
                .col(pk_auto(a("id")))
                .col(integer(a("indicator_id")))
                .col(date(a("measured_on")))
                .col(double(a("value")))
                .col(string_len(a("source"), 500))
                .col(integer_null(a("recorded_by")))
                .col(timestamp_with_time_zone(a("recorded_at")))
                .foreign_key(&mut fk(
                    "plan_measurement",
                    "indicator_id",
                    "plan_indicator",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "plan_measurement",
                    "recorded_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "plan_measurement", &["indicator_id"]).await?;

        // The follow-up events attached to a plan.
        m.create_table(
            Table::create()
                .table(a("plan_event"))
                .col(integer(a("plan_id")))
                .col(integer(a("event_id")))
                .primary_key(Index::create().col(a("plan_id")).col(a("event_id")))
                .foreign_key(&mut fk("plan_event", "plan_id", "plan", "id", Cascade))
                .foreign_key(&mut fk("plan_event", "event_id", "event", "id", Cascade))
                .to_owned(),
        )
        .await?;
        index(m, "plan_event", &["event_id"]).await?;
        Ok(())
    }
}
