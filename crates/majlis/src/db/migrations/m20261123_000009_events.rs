//! Events: series, events with their programme (sessions, working groups,
//! people in roles), materials, registrations, outcomes; personal calendar
//! feeds; and the durable mail queue that reminders and waiting-list
//! promotions go through.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index, link};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000009_events"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        m.create_table(
            Table::create()
                .table(a("event_series"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("summary")))
                .col(timestamp_with_time_zone(a("created_at")))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("event"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(integer_null(a("series_id")))
                .col(string_len(a("kind"), 32))
                .col(string_len(a("status"), 16))
                .col(string_len(a("visibility"), 16))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("summary")))
                .col(json_binary_null(a("context")))
                .col(json_binary_null(a("objectives")))
                .col(json_binary_null(a("expected_results")))
                .col(json_binary_null(a("audience")))
                .col(timestamp_with_time_zone(a("starts_at")))
                .col(timestamp_with_time_zone(a("ends_at")))
                .col(boolean(a("date_approximate")).default(false))
                .col(string_len(a("timezone"), 64))
                .col(string_len_null(a("city"), 200))
                .col(string_len_null(a("country_code"), 2))
                .col(string_len_null(a("address"), 500))
                .col(boolean(a("online")).default(false))
                .col(string_len_null(a("online_url"), 1000))
                .col(string_len(a("languages"), 64))
                .col(string_len_null(a("interpretation"), 200))
                .col(integer_null(a("capacity")))
                .col(boolean(a("needs_approval")).default(false))
                .col(timestamp_with_time_zone_null(a("registration_opens")))
                .col(timestamp_with_time_zone_null(a("registration_closes")))
                .col(json_binary_null(a("questions")))
                .col(integer_null(a("report_id")))
                .col(json_binary_null(a("takeaways")))
                .col(json_binary_null(a("figures")))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("event", "series_id", "event_series", "id", SetNull))
                .foreign_key(&mut fk(
                    "event",
                    "country_code",
                    "country",
                    "code",
                    Restrict,
                ))
                .foreign_key(&mut fk("event", "report_id", "resource", "id", SetNull))
                .foreign_key(&mut fk("event", "created_by", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "event", &["starts_at"]).await?;
        index(m, "event", &["series_id"]).await?;
        link(
            m,
            "event_theme",
            ("event_id", "event"),
            ("theme_id", "theme", integer(a("theme_id"))),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(a("event_organisation"))
                .col(integer(a("event_id")))
                .col(integer(a("organisation_id")))
                .col(string_len(a("role"), 16))
                .col(integer(a("position")))
                .primary_key(
                    Index::create()
                        .col(a("event_id"))
                        .col(a("organisation_id"))
                        .col(a("role")),
                )
                .foreign_key(&mut fk(
                    "event_organisation",
                    "event_id",
                    "event",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "event_organisation",
                    "organisation_id",
                    "organisation",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "event_organisation", &["organisation_id"]).await?;

        // Sessions in programme order; a working group is a session whose
        // parent is the "parallel working groups" session.
        m.create_table(
            Table::create()
                .table(a("event_session"))
                .col(pk_auto(a("id")))
                .col(integer(a("event_id")))
                .col(integer_null(a("parent_id")))
                .col(integer(a("day")))
                .col(integer(a("position")))
                .col(string_len(a("kind"), 32))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("objectives")))
                .col(string_len_null(a("starts"), 5))
                .col(string_len_null(a("ends"), 5))
                .foreign_key(&mut fk("event_session", "event_id", "event", "id", Cascade))
                .foreign_key(&mut fk(
                    "event_session",
                    "parent_id",
                    "event_session",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "event_session", &["event_id", "day", "position"]).await?;
        index(m, "event_session", &["parent_id"]).await?;
        m.create_table(
            Table::create()
                .table(a("session_person"))
                .col(pk_auto(a("id")))
                .col(integer(a("session_id")))
                .col(integer(a("event_id")))
                .col(string_len(a("role"), 16))
                .col(integer_null(a("person_id")))
                .col(string_len_null(a("name"), 200))
                .col(integer_null(a("organisation_id")))
                .col(string_len_null(a("affiliation"), 300))
                .col(integer(a("position")))
                .foreign_key(&mut fk(
                    "session_person",
                    "session_id",
                    "event_session",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "session_person",
                    "event_id",
                    "event",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "session_person",
                    "person_id",
                    "person",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "session_person",
                    "organisation_id",
                    "organisation",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "session_person", &["event_id"]).await?;
        index(m, "session_person", &["person_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("event_material"))
                .col(pk_auto(a("id")))
                .col(integer(a("event_id")))
                .col(integer_null(a("session_id")))
                .col(integer(a("resource_id")))
                .col(integer(a("position")))
                .foreign_key(&mut fk(
                    "event_material",
                    "event_id",
                    "event",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "event_material",
                    "session_id",
                    "event_session",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "event_material",
                    "resource_id",
                    "resource",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "event_material", &["event_id"]).await?;
        index(m, "event_material", &["resource_id"]).await?;
        link(
            m,
            "event_practice",
            ("event_id", "event"),
            ("practice_id", "practice", integer(a("practice_id"))),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("registration"))
                .col(pk_auto(a("id")))
                .col(integer(a("event_id")))
                .col(integer(a("person_id")))
                .col(string_len(a("status"), 16))
                .col(json_binary_null(a("answers")))
                .col(boolean(a("public_consent")).default(false))
                .col(integer_null(a("registered_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .col(timestamp_with_time_zone(a("queued_at")))
                .col(timestamp_with_time_zone_null(a("attended_at")))
                .col(timestamp_with_time_zone_null(a("reminded_at")))
                .foreign_key(&mut fk("registration", "event_id", "event", "id", Cascade))
                .foreign_key(&mut fk(
                    "registration",
                    "person_id",
                    "person",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "registration",
                    "registered_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("uq_registration_event_person")
                .table(a("registration"))
                .col(a("event_id"))
                .col(a("person_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        index(m, "registration", &["event_id", "status", "queued_at"]).await?;
        index(m, "registration", &["person_id"]).await?;

        // A person's secret calendar feed (only the token's SHA-256 is kept).
        m.create_table(
            Table::create()
                .table(a("calendar_feed"))
                .col(integer(a("person_id")).primary_key())
                .col(string_len_uniq(a("token_hash"), 64))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "calendar_feed",
                    "person_id",
                    "person",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;

        // Messages waiting to be sent. A row is written in the transaction
        // that decides to send (a promotion, a reminder), so nothing decided
        // is lost; a node claims a row for a while before sending it.
        m.create_table(
            Table::create()
                .table(a("mail_queue"))
                .col(pk_auto(a("id")))
                .col(string_len(a("to_address"), 320))
                .col(string_len(a("to_name"), 200))
                .col(string_len(a("subject"), 500))
                .col(text(a("body")))
                .col(string_len(a("purpose"), 64))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone_null(a("claimed_until")))
                .col(string_len_null(a("claimed_by"), 100))
                .col(integer(a("attempts")).default(0))
                .col(timestamp_with_time_zone_null(a("sent_at")))
                .to_owned(),
        )
        .await?;
        index(m, "mail_queue", &["sent_at", "id"]).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            "mail_queue",
            "calendar_feed",
            "registration",
            "event_practice",
            "event_material",
            "session_person",
            "event_session",
            "event_organisation",
            "event_theme",
            "event",
            "event_series",
        ] {
            m.drop_table(Table::drop().table(a(t)).to_owned()).await?;
        }
        Ok(())
    }
}
