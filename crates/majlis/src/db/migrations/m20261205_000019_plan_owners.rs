//! One action plan per owner, and plans that outlive no municipality by
//! accident:
//!
//! - **Duplicates kept, not lost.** The code that landed with the plans let
//!   an owner get several plans (a double submit). Here the oldest plan of
//!   each owner (lowest id) keeps it; every other one becomes a plan of the
//!   owner kind `orphan` (`plans::ORPHAN_KIND`), its `owner_id` left as it
//!   was so the former owner still reads from the row. No activity
//!   describes `orphan` owners, so such a plan follows the fallback rule of
//!   `plans::owners::OwnerFacts::orphan`: signed-in members read it, staff
//!   and the focal points of its responsible municipality edit it. Nothing
//!   is deleted; steps, milestones, indicators and events stay with it.
//! - **One plan per owner**: a unique index on (`owner_kind`, `owner_id`)
//!   for every kind but `orphan` (a partial index, the same statement on
//!   both databases), which `plans::rules::create` relies on to answer a
//!   second start (double submit, race) with the plan already there.
//! - **A municipality with plans is not deleted silently**:
//!   `plan.municipality_id` becomes `ON DELETE RESTRICT` (it was
//!   `CASCADE`). PostgreSQL drops the constraint (whatever its name) and
//!   adds it again. SQLite cannot alter a constraint: the table is rebuilt
//!   (its own `CREATE TABLE` text, with the one clause changed) with
//!   foreign keys off, as SQLite's documentation prescribes, so that
//!   dropping the old table cascades to no step. The migration checks that
//!   foreign keys really are off inside its transaction (it runs on the
//!   single writer connection) and refuses to go on otherwise; it checks
//!   the foreign keys before committing.

use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use sea_orm_migration::prelude::*;

use super::helpers::index;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000019_plan_owners"
    }
}

/// The kind given to a plan that lost its owner to an older plan.
const ORPHAN: &str = "orphan";

const CASCADE: &str = r#"REFERENCES "municipality" ("id") ON DELETE CASCADE"#;
const RESTRICT: &str = r#"REFERENCES "municipality" ("id") ON DELETE RESTRICT"#;

async fn one_text<C: ConnectionTrait>(c: &C, sql: &str) -> Result<Option<String>, DbErr> {
    let stmt = Statement::from_string(c.get_database_backend(), sql);
    match c.query_one_raw(stmt).await? {
        Some(row) => row.try_get_by_index::<Option<String>>(0),
        None => Ok(None),
    }
}

async fn one_int<C: ConnectionTrait>(c: &C, sql: &str) -> Result<Option<i64>, DbErr> {
    let stmt = Statement::from_string(c.get_database_backend(), sql);
    match c.query_one_raw(stmt).await? {
        Some(row) => row.try_get_by_index::<Option<i64>>(0),
        None => Ok(None),
    }
}

fn keep_oldest() -> String {
    format!(
        r#"UPDATE "plan" SET "owner_kind" = '{ORPHAN}'
           WHERE "owner_kind" <> '{ORPHAN}'
             AND "id" NOT IN (SELECT MIN("id") FROM "plan" GROUP BY "owner_kind", "owner_id")"#
    )
}

fn unique_owner() -> String {
    format!(
        r#"CREATE UNIQUE INDEX "idx_plan_one_per_owner" ON "plan" ("owner_kind", "owner_id")
           WHERE "owner_kind" <> '{ORPHAN}'"#
    )
}

/// SQLite: rebuild `plan` with `municipality_id` restricting deletes.
async fn rebuild_sqlite(m: &SchemaManager<'_>) -> Result<(), DbErr> {
    let conn = m.get_connection();
    // Not inside a transaction (SQLite ignores it there): on the writer.
    conn.execute_unprepared("PRAGMA foreign_keys = OFF").await?;
    let result = async {
        let tx = m.begin().await?;
        let c = tx.get_connection();
        if one_int(c, "PRAGMA foreign_keys").await? != Some(0) {
            return Err(DbErr::Migration(
                "plan_owners: foreign keys are still on; rebuilding `plan` would delete its steps"
                    .into(),
            ));
        }
        let create = one_text(
            c,
            r#"SELECT "sql" FROM "sqlite_master" WHERE "type" = 'table' AND "name" = 'plan'"#,
        )
        .await?
        .ok_or_else(|| DbErr::Migration("plan_owners: no table plan".into()))?;
        if create.matches(CASCADE).count() != 1 || !create.starts_with(r#"CREATE TABLE "plan""#) {
            return Err(DbErr::Migration(format!(
                "plan_owners: unexpected definition of plan: {create}"
            )));
        }
        let rebuilt = create
            .replacen(r#"CREATE TABLE "plan""#, r#"CREATE TABLE "plan_new""#, 1)
            .replacen(CASCADE, RESTRICT, 1);
        let sequence = one_int(
            c,
            r#"SELECT "seq" FROM "sqlite_sequence" WHERE "name" = 'plan'"#,
        )
        .await
        .ok()
        .flatten();
        c.execute_unprepared(&keep_oldest()).await?;
        for sql in [
            rebuilt.as_str(),
            r#"INSERT INTO "plan_new" SELECT * FROM "plan""#,
            r#"DROP TABLE "plan""#,
            r#"ALTER TABLE "plan_new" RENAME TO "plan""#,
        ] {
            c.execute_unprepared(sql).await?;
        }
        if let Some(seq) = sequence {
            c.execute_unprepared(&format!(
                r#"UPDATE "sqlite_sequence" SET "seq" = MAX("seq", {seq}) WHERE "name" = 'plan'"#
            ))
            .await?;
        }
        // The indexes went with the old table.
        index(&tx, "plan", &["owner_kind", "owner_id"]).await?;
        index(&tx, "plan", &["municipality_id"]).await?;
        c.execute_unprepared(&unique_owner()).await?;
        if one_text(c, "PRAGMA foreign_key_check").await?.is_some() {
            return Err(DbErr::Migration(
                "plan_owners: a foreign key no longer holds".into(),
            ));
        }
        tx.commit().await
    }
    .await;
    conn.execute_unprepared("PRAGMA foreign_keys = ON").await?;
    result
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        if m.get_database_backend() == DatabaseBackend::Sqlite {
            return rebuild_sqlite(m).await;
        }
        // PostgreSQL: in the migration's transaction.
        let c = m.get_connection();
        c.execute_unprepared(&keep_oldest()).await?;
        c.execute_unprepared(
            r#"DO $$
               DECLARE c text;
               BEGIN
                 FOR c IN SELECT conname FROM pg_constraint
                          WHERE conrelid = '"plan"'::regclass AND contype = 'f'
                            AND confrelid = '"municipality"'::regclass
                 LOOP
                   EXECUTE format('ALTER TABLE "plan" DROP CONSTRAINT %I', c);
                 END LOOP;
               END $$"#,
        )
        .await?;
        c.execute_unprepared(
            r#"ALTER TABLE "plan" ADD CONSTRAINT "fk_plan_municipality_id"
               FOREIGN KEY ("municipality_id") REFERENCES "municipality" ("id") ON DELETE RESTRICT"#,
        )
        .await?;
        c.execute_unprepared(&unique_owner()).await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
