//! Peer consultations: dilemmas (online, or queued for a consultation clinic
//! of an event), their participants, typed contributions with answers,
//! reports of contributions for moderation, and the clinics' records
//! (summary, published report, wrap-up messages).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index, link};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000010_consultations"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        m.create_table(
            Table::create()
                .table(a("dilemma"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(string_len(a("status"), 16))
                .col(string_len(a("visibility"), 16))
                .col(json_binary(a("question")))
                .col(json_binary_null(a("information")))
                .col(json_binary_null(a("result")))
                .col(integer_null(a("presenter_id")))
                .col(string_len_null(a("presenter_name"), 200))
                .col(string_len_null(a("affiliation"), 300))
                .col(integer_null(a("municipality_id")))
                .col(integer_null(a("organisation_id")))
                .col(string_len_null(a("city"), 200))
                .col(string_len_null(a("country_code"), 2))
                .col(string_len(a("help_sought"), 100))
                .col(string_len(a("languages"), 64))
                .col(integer_null(a("session_id")))
                .col(integer_null(a("event_id")))
                .col(integer(a("position")).default(0))
                .col(integer_null(a("joint_with")))
                .col(integer(a("period_days")).default(14))
                .col(timestamp_with_time_zone_null(a("opens_at")))
                .col(timestamp_with_time_zone_null(a("closes_at")))
                .col(timestamp_with_time_zone_null(a("ideas_open_at")))
                .col(timestamp_with_time_zone_null(a("concluded_at")))
                .col(integer_null(a("concluded_by")))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("dilemma", "presenter_id", "person", "id", SetNull))
                .foreign_key(&mut fk(
                    "dilemma",
                    "municipality_id",
                    "municipality",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "dilemma",
                    "organisation_id",
                    "organisation",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "dilemma",
                    "country_code",
                    "country",
                    "code",
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    "dilemma",
                    "session_id",
                    "event_session",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk("dilemma", "event_id", "event", "id", SetNull))
                .foreign_key(&mut fk("dilemma", "joint_with", "dilemma", "id", SetNull))
                .foreign_key(&mut fk("dilemma", "concluded_by", "person", "id", SetNull))
                .foreign_key(&mut fk("dilemma", "created_by", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "dilemma", &["status", "visibility"]).await?;
        index(m, "dilemma", &["session_id", "position"]).await?;
        index(m, "dilemma", &["event_id"]).await?;
        link(
            m,
            "dilemma_theme",
            ("dilemma_id", "dilemma"),
            ("theme_id", "theme", integer(a("theme_id"))),
        )
        .await?;

        // Who takes part: the presenter, invited peers, a rapporteur.
        m.create_table(
            Table::create()
                .table(a("dilemma_participant"))
                .col(integer(a("dilemma_id")))
                .col(integer(a("person_id")))
                .col(string_len(a("role"), 16))
                .col(integer_null(a("invited_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .primary_key(Index::create().col(a("dilemma_id")).col(a("person_id")))
                .foreign_key(&mut fk(
                    "dilemma_participant",
                    "dilemma_id",
                    "dilemma",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "dilemma_participant",
                    "person_id",
                    "person",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "dilemma_participant",
                    "invited_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "dilemma_participant", &["person_id"]).await?;

        // An open question (answered by the presenter), an idea, an
        // experience or a link to a practice or resource. `client_key` is
        // the form's one-time key: a second send of the same form finds it
        // taken and stores nothing.
        m.create_table(
            Table::create()
                .table(a("contribution"))
                .col(pk_auto(a("id")))
                .col(integer(a("dilemma_id")))
                .col(string_len(a("kind"), 16))
                .col(json_binary(a("body")))
                .col(integer_null(a("author_id")))
                .col(string_len_null(a("author_name"), 200))
                .col(integer_null(a("recorded_by")))
                .col(integer_null(a("practice_id")))
                .col(integer_null(a("resource_id")))
                .col(string_len_null(a("url"), 1000))
                .col(json_binary_null(a("answer")))
                .col(integer_null(a("answered_by")))
                .col(timestamp_with_time_zone_null(a("answered_at")))
                .col(boolean(a("helped")).default(false))
                .col(boolean(a("hidden")).default(false))
                .col(string_len_null(a("hidden_reason"), 500))
                .col(string_len_null(a("client_key"), 64))
                .col(integer(a("position")).default(0))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "contribution",
                    "dilemma_id",
                    "dilemma",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "contribution",
                    "author_id",
                    "person",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "contribution",
                    "recorded_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "contribution",
                    "practice_id",
                    "practice",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "contribution",
                    "resource_id",
                    "resource",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "contribution",
                    "answered_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_contribution_client_key")
                .table(a("contribution"))
                .col(a("client_key"))
                .unique()
                .to_owned(),
        )
        .await?;
        index(m, "contribution", &["dilemma_id", "id"]).await?;
        index(m, "contribution", &["practice_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("contribution_report"))
                .col(pk_auto(a("id")))
                .col(integer(a("contribution_id")))
                .col(integer(a("person_id")))
                .col(string_len(a("reason"), 500))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone_null(a("handled_at")))
                .foreign_key(&mut fk(
                    "contribution_report",
                    "contribution_id",
                    "contribution",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "contribution_report",
                    "person_id",
                    "person",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_contribution_report_person")
                .table(a("contribution_report"))
                .col(a("contribution_id"))
                .col(a("person_id"))
                .unique()
                .to_owned(),
        )
        .await?;

        // What a consultation clinic (an event session) keeps beyond its
        // dilemmas: a summary and whether its report is published.
        m.create_table(
            Table::create()
                .table(a("clinic"))
                .col(integer(a("session_id")).primary_key())
                .col(integer(a("event_id")))
                .col(json_binary_null(a("summary")))
                .col(timestamp_with_time_zone_null(a("published_at")))
                .col(integer_null(a("published_by")))
                .foreign_key(&mut fk(
                    "clinic",
                    "session_id",
                    "event_session",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk("clinic", "event_id", "event", "id", Cascade))
                .foreign_key(&mut fk("clinic", "published_by", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "clinic", &["event_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("clinic_wrapup"))
                .col(pk_auto(a("id")))
                .col(integer(a("session_id")))
                .col(integer(a("event_id")))
                .col(integer_null(a("person_id")))
                .col(string_len(a("author_name"), 200))
                .col(integer_null(a("organisation_id")))
                .col(string_len_null(a("affiliation"), 300))
                .col(json_binary(a("body")))
                .col(integer(a("position")).default(0))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "clinic_wrapup",
                    "session_id",
                    "event_session",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk("clinic_wrapup", "event_id", "event", "id", Cascade))
                .foreign_key(&mut fk(
                    "clinic_wrapup",
                    "person_id",
                    "person",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "clinic_wrapup",
                    "organisation_id",
                    "organisation",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "clinic_wrapup", &["session_id", "position"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "clinic_wrapup",
            "clinic",
            "contribution_report",
            "contribution",
            "dilemma_participant",
            "dilemma_theme",
            "dilemma",
        ] {
            m.drop_table(Table::drop().table(a(t)).to_owned()).await?;
        }
        Ok(())
    }
}
