//! Open registration: requests to join, kept only until a coordinator
//! approves (the account is created) or declines (the request is deleted).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::a;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261203_000011_signup_requests"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(a("signup_request"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("email"), 320))
                .col(string_len(a("display_name"), 200))
                .col(string_len(a("locale"), 8))
                .col(string_len(a("password_hash"), 255))
                .col(string_len_null(a("affiliation"), 300))
                .col(string_len_null(a("note"), 1000))
                .col(timestamp_with_time_zone(a("created_at")))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("signup_request")).to_owned())
            .await
    }
}
