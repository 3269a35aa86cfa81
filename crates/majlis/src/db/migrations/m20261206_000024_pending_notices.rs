//! Finding a subject's notifications quickly: the outbox consumer asks, for
//! each change, which followers still have an unread, unemailed notice of
//! the same subject (they are not told twice). Without an index on the
//! subject that question read every unemailed notification once per change.

use sea_orm_migration::prelude::*;

use super::helpers::index;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000024_pending_notices"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        index(m, "notification", &["entity", "entity_id", "kind"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("idx_notification_entity_entity_id_kind")
                .table(Alias::new("notification"))
                .to_owned(),
        )
        .await
    }
}
