//! Following and notifications:
//!
//! - `follow`: a person follows a theme, municipality, organisation, event,
//!   event series, consultation (dilemma) or practice (`target_kind`,
//!   `target_id`, no foreign key: the kinds live in different tables). One
//!   row per person and target; `automatic` when taking part made it;
//!   `active` false once unfollowed (the row stays so that the same act does
//!   not follow again silently).
//! - `notification`: what a follower is told (a kind, the object, the
//!   followed thing it came through, for grouping), read or not, and when
//!   it went out by email (at once or in a digest).
//! - `notification_setting`: how each kind reaches a person by email
//!   (`now`, `daily`, `weekly`, `never`); no row: the kind's default.
//! - `notification_announced`: objects already announced as new, so a later
//!   change of them tells only their followers.
//! - `person.unread_notifications`: the header's count, kept with the rows
//!   (no query on any page).
//! - `mail_queue.unsubscribe_url`: the one-click unsubscribe address
//!   (RFC 8058) a queued digest carries.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000021_follows"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::Cascade;
        m.create_table(
            Table::create()
                .table(a("follow"))
                .col(pk_auto(a("id")))
                .col(integer(a("person_id")))
                .col(string_len(a("target_kind"), 24))
                .col(integer(a("target_id")))
                .col(boolean(a("automatic")).default(false))
                .col(boolean(a("active")).default(true))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk("follow", "person_id", "person", "id", Cascade))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_follow_person_target")
                .table(a("follow"))
                .col(a("person_id"))
                .col(a("target_kind"))
                .col(a("target_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        index(m, "follow", &["target_kind", "target_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("notification"))
                .col(pk_auto(a("id")))
                .col(integer(a("person_id")))
                .col(string_len(a("kind"), 40))
                .col(string_len(a("entity"), 32))
                .col(integer(a("entity_id")))
                .col(json_binary(a("title")))
                .col(string_len(a("url"), 300))
                .col(string_len_null(a("via_kind"), 24))
                .col(integer_null(a("via_id")))
                .col(json_binary_null(a("via_title")))
                .col(big_integer(a("outbox_id")))
                .col(timestamp_with_time_zone_null(a("read_at")))
                .col(timestamp_with_time_zone_null(a("emailed_at")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk(
                    "notification",
                    "person_id",
                    "person",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "notification", &["person_id", "id"]).await?;
        index(m, "notification", &["emailed_at", "created_at"]).await?;

        m.create_table(
            Table::create()
                .table(a("notification_setting"))
                .col(integer(a("person_id")))
                .col(string_len(a("kind"), 40))
                .col(string_len(a("delivery"), 8))
                .primary_key(Index::create().col(a("person_id")).col(a("kind")))
                .foreign_key(&mut fk(
                    "notification_setting",
                    "person_id",
                    "person",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(a("notification_announced"))
                .col(string_len(a("entity"), 32))
                .col(integer(a("entity_id")))
                .col(timestamp_with_time_zone(a("created_at")))
                .primary_key(Index::create().col(a("entity")).col(a("entity_id")))
                .to_owned(),
        )
        .await?;

        m.alter_table(
            Table::alter()
                .table(a("person"))
                .add_column(integer(a("unread_notifications")).default(0))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(a("mail_queue"))
                .add_column(string_len_null(a("unsubscribe_url"), 500))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("mail_queue"))
                .drop_column(a("unsubscribe_url"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(a("person"))
                .drop_column(a("unread_notifications"))
                .to_owned(),
        )
        .await?;
        for t in [
            "notification_announced",
            "notification_setting",
            "notification",
            "follow",
        ] {
            m.drop_table(Table::drop().table(a(t)).to_owned()).await?;
        }
        Ok(())
    }
}
