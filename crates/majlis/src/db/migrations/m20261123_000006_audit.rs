//! The audit log: who changed what, when, and from where.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261123_000006_audit"
    }
}

#[derive(DeriveIden)]
enum Audit {
    Table,
    Id,
    At,
    ActorId,
    Action,
    ObjectType,
    ObjectId,
    Ip,
    Detail,
}

#[derive(DeriveIden)]
enum Person {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Audit::Table)
                .col(big_pk_auto(Audit::Id))
                .col(timestamp_with_time_zone(Audit::At))
                .col(integer_null(Audit::ActorId))
                .col(string_len(Audit::Action, 64))
                .col(string_len(Audit::ObjectType, 64))
                .col(string_len(Audit::ObjectId, 64))
                .col(string_len(Audit::Ip, 64))
                .col(string_len_null(Audit::Detail, 1000))
                .foreign_key(
                    ForeignKey::create()
                        .from(Audit::Table, Audit::ActorId)
                        .to(Person::Table, Person::Id)
                        .on_delete(ForeignKeyAction::SetNull),
                )
                .to_owned(),
        )
        .await?;
        for (name, col) in [
            ("idx_audit_at", Audit::At),
            ("idx_audit_actor", Audit::ActorId),
            ("idx_audit_object", Audit::ObjectType),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(Audit::Table)
                    .col(col)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Audit::Table).to_owned())
            .await
    }
}
