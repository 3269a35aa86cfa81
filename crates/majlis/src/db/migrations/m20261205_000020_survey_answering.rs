//! Answering a survey reads and writes less:
//!
//! - `survey_form.digest`: the SHA-256 (hex) of a version's kind, a zero
//!   byte and its source, written with the source. A node keeps parsed
//!   forms by version id and digest, so a request no longer reads the
//!   workbook nor hashes it to know whether its parsed copy is current (a
//!   version replaced in place gets a new digest). Existing versions are
//!   given theirs here.
//! - `survey_response.revision`: raised by every change of a response, so
//!   that a submission can change the response it read before its
//!   transaction only if nobody changed it since (`… WHERE revision = ?`),
//!   instead of reading it again inside the transaction.

use sea_orm::{ConnectionTrait, Statement, Value};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sha2::{Digest, Sha256};

use super::helpers::a;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000020_survey_answering"
    }
}

/// The digest of a stored form version (as `surveys::entities::form` writes it).
fn digest(kind: &str, source: &[u8]) -> String {
    let mut d = Sha256::new();
    d.update(kind.as_bytes());
    d.update([0]);
    d.update(source);
    hex::encode(d.finalize())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("survey_form"))
                .add_column(string_len(a("digest"), 64).default(""))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(a("survey_response"))
                .add_column(big_integer(a("revision")).default(0))
                .to_owned(),
        )
        .await?;
        let conn = m.get_connection();
        let backend = conn.get_database_backend();
        let rows = conn
            .query_all_raw(Statement::from_string(
                backend,
                r#"SELECT "id", "source_kind", "source" FROM "survey_form""#,
            ))
            .await?;
        let update = match backend {
            sea_orm::DatabaseBackend::Postgres => {
                r#"UPDATE "survey_form" SET "digest" = $1 WHERE "id" = $2"#
            }
            _ => r#"UPDATE "survey_form" SET "digest" = ? WHERE "id" = ?"#,
        };
        for row in rows {
            let id: i32 = row.try_get_by_index(0)?;
            let kind: String = row.try_get_by_index(1)?;
            let source: Vec<u8> = row.try_get_by_index(2)?;
            conn.execute_raw(Statement::from_sql_and_values(
                backend,
                update,
                [Value::from(digest(&kind, &source)), Value::from(id)],
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(a("survey_response"))
                .drop_column(a("revision"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(a("survey_form"))
                .drop_column(a("digest"))
                .to_owned(),
        )
        .await
    }
}
