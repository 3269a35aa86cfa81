//! Survey results read fewer rows:
//! - every submitted response also counts once in its group's tallies as the
//!   row (question "", value ""): the respondents per group, read with the
//!   other tallies (question names are never empty); rows for the responses
//!   submitted so far are added here;
//! - on SQLite the tallies become a `WITHOUT ROWID` table, so the counts sit
//!   in the primary key's tree and summing them reads no second tree;
//! - responses gain an index (survey, municipality, submitted) that answers
//!   "how many targeted municipalities responded" from the index alone.

use sea_orm::DatabaseBackend;
use sea_orm_migration::prelude::*;

use super::helpers::index;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000016_survey_counts"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let conn = m.get_connection();
        if m.get_database_backend() == DatabaseBackend::Sqlite {
            for sql in [
                r#"CREATE TABLE "survey_tally_new" (
                    "survey_id" integer NOT NULL,
                    "question" varchar(120) NOT NULL,
                    "value" varchar(200) NOT NULL,
                    "country_code" varchar(8) NOT NULL,
                    "population_band" varchar(16) NOT NULL,
                    "refugee_band" varchar(16) NOT NULL,
                    "count" bigint NOT NULL,
                    PRIMARY KEY ("survey_id", "question", "value", "country_code", "population_band", "refugee_band"),
                    FOREIGN KEY ("survey_id") REFERENCES "survey" ("id") ON DELETE CASCADE
                ) WITHOUT ROWID"#,
                r#"INSERT INTO "survey_tally_new" SELECT "survey_id", "question", "value", "country_code", "population_band", "refugee_band", "count" FROM "survey_tally""#,
                r#"DROP TABLE "survey_tally""#,
                r#"ALTER TABLE "survey_tally_new" RENAME TO "survey_tally""#,
            ] {
                conn.execute_unprepared(sql).await?;
            }
        }
        conn.execute_unprepared(
            r#"INSERT INTO "survey_tally" ("survey_id", "question", "value", "country_code", "population_band", "refugee_band", "count")
               SELECT "survey_id", '', '', "country_code", "population_band", "refugee_band", COUNT(*)
               FROM "survey_response" WHERE "submitted_at" IS NOT NULL
               GROUP BY "survey_id", "country_code", "population_band", "refugee_band""#,
        )
        .await?;
        index(
            m,
            "survey_response",
            &["survey_id", "municipality_id", "submitted_at"],
        )
        .await
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
