//! What email has done with a person's notifications, as one watermark per
//! person and kind instead of a mark on every notification: everything of
//! that kind up to `upto_id` was emailed (at once, in a digest) or passed
//! over. Marking a digest of 50 notices then writes one small row per kind,
//! not 50 rows scattered over the table (with their index entries): building
//! 10,000 digests wrote 500,000 such rows.
//!
//! `latest_id` is the person's newest notification of that kind (the outbox
//! consumer moves it), and `pending_since` the creation time of the oldest
//! one after `upto_id` (none when nothing is waiting), so that a round finds
//! the people something is due for without reading notifications.
//!
//! The rows are filled from the old marks (the highest emailed notification
//! of each person and kind), then `emailed_at` and its index go.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000028_notification_mailed"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::Cascade;
        m.create_table(
            Table::create()
                .table(a("notification_mailed"))
                .col(integer(a("person_id")))
                .col(string_len(a("kind"), 40))
                .col(integer(a("upto_id")))
                .col(integer(a("latest_id")))
                .col(timestamp_with_time_zone_null(a("pending_since")))
                .primary_key(Index::create().col(a("person_id")).col(a("kind")))
                .foreign_key(&mut fk(
                    "notification_mailed",
                    "person_id",
                    "person",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "notification_mailed", &["pending_since"]).await?;
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO notification_mailed (person_id, kind, upto_id, latest_id, pending_since) \
                 SELECT g.person_id, g.kind, g.upto, g.latest, \
                   (SELECT MIN(n.created_at) FROM notification n \
                     WHERE n.person_id = g.person_id AND n.kind = g.kind AND n.id > g.upto) \
                 FROM (SELECT person_id, kind, \
                         COALESCE(MAX(CASE WHEN emailed_at IS NOT NULL THEN id END), 0) AS upto, \
                         MAX(id) AS latest \
                       FROM notification GROUP BY person_id, kind) g",
            )
            .await?;
        m.drop_index(
            Index::drop()
                .name("idx_notification_emailed_at_created_at")
                .table(a("notification"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(a("notification"))
                .drop_column(a("emailed_at"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("notification"))
                .add_column(timestamp_with_time_zone_null(a("emailed_at")))
                .to_owned(),
        )
        .await?;
        index(m, "notification", &["emailed_at", "created_at"]).await?;
        m.drop_table(Table::drop().table(a("notification_mailed")).to_owned())
            .await
    }
}
