//! Project ideas born at events: the idea (translatable texts, themes, the
//! event, session and consultation it came from, the lead municipality, the
//! partners sought, the programme's funded countries, later events where it
//! was worked on), its versions, and the
//! partnerships with other municipalities (current state, and every step:
//! invited, accepted, declined, left).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index, link};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000018_projects"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        m.create_table(
            Table::create()
                .table(a("project"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("problem")))
                .col(json_binary_null(a("objectives")))
                .col(json_binary_null(a("activities")))
                .col(string_len(a("status"), 32))
                .col(json_binary_null(a("drop_reason")))
                .col(string_len(a("visibility"), 16))
                .col(integer(a("lead_municipality_id")))
                .col(integer_null(a("event_id")))
                .col(integer_null(a("session_id")))
                .col(integer_null(a("dilemma_id")))
                .col(string_len_null(a("programme"), 200))
                // Comma-separated country codes the programme funds
                // partnerships between (`,DE,TR,`).
                .col(string_len(a("programme_countries"), 200).default(""))
                .col(json_binary(a("partners_sought")))
                .col(integer(a("version")))
                .col(boolean(a("illustrative")).default(false))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk(
                    "project",
                    "lead_municipality_id",
                    "municipality",
                    "id",
                    Restrict,
                ))
                .foreign_key(&mut fk("project", "event_id", "event", "id", SetNull))
                .foreign_key(&mut fk(
                    "project",
                    "session_id",
                    "event_session",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk("project", "dilemma_id", "dilemma", "id", SetNull))
                .foreign_key(&mut fk("project", "created_by", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "project", &["lead_municipality_id"]).await?;
        index(m, "project", &["event_id"]).await?;
        link(
            m,
            "project_theme",
            ("project_id", "project"),
            ("theme_id", "theme", integer(a("theme_id"))),
        )
        .await?;
        // Later events where the idea was worked on (a follow-up workshop).
        link(
            m,
            "project_followup",
            ("project_id", "project"),
            ("event_id", "event", integer(a("event_id"))),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("project_version"))
                .col(pk_auto(a("id")))
                .col(integer(a("project_id")))
                .col(integer(a("number")))
                .col(json_binary(a("snapshot")))
                .col(integer_null(a("author_id")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "project_version",
                    "project_id",
                    "project",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "project_version",
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
                .name("idx_project_version_project_id_number")
                .table(a("project_version"))
                .col(a("project_id"))
                .col(a("number"))
                .unique()
                .to_owned(),
        )
        .await?;

        // A partnership's current state: one row per project and partner.
        m.create_table(
            Table::create()
                .table(a("project_partner"))
                .col(integer(a("project_id")))
                .col(integer(a("municipality_id")))
                .col(string_len(a("status"), 16))
                .col(timestamp_with_time_zone(a("updated_at")))
                .primary_key(
                    Index::create()
                        .col(a("project_id"))
                        .col(a("municipality_id")),
                )
                .foreign_key(&mut fk(
                    "project_partner",
                    "project_id",
                    "project",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "project_partner",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "project_partner", &["municipality_id"]).await?;

        // Every step of every partnership, with who and when.
        m.create_table(
            Table::create()
                .table(a("project_partner_step"))
                .col(pk_auto(a("id")))
                .col(integer(a("project_id")))
                .col(integer(a("municipality_id")))
                .col(string_len(a("step"), 16))
                .col(integer_null(a("person_id")))
                .col(timestamp_with_time_zone(a("at")))
                .foreign_key(&mut fk(
                    "project_partner_step",
                    "project_id",
                    "project",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "project_partner_step",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "project_partner_step",
                    "person_id",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "project_partner_step", &["project_id"]).await?;
        Ok(())
    }
}
