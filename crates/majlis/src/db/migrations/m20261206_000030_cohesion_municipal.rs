//! The municipal questionnaire of a cohesion wave and its evidence
//! (`cohesion/evidence.rs`): `cohesion_municipal` ties a wave to the
//! survey campaign its focal point answers (the framework's municipal
//! questionnaire, asked of the municipality); `cohesion_evidence` keeps the
//! documents attached to an answer (`question`, a question name of that
//! questionnaire) or to the response as a whole (`question` empty), each a
//! stored file (`file_object`, which the unused-file collector leaves alone
//! while a row here holds it).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261206_000030_cohesion_municipal"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        m.create_table(
            Table::create()
                .table(a("cohesion_municipal"))
                .col(integer(a("wave_id")).primary_key())
                .col(integer(a("survey_id")))
                .foreign_key(&mut fk(
                    "cohesion_municipal",
                    "wave_id",
                    "cohesion_wave",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "cohesion_municipal",
                    "survey_id",
                    "survey",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "cohesion_municipal", &["survey_id"]).await?;
        m.create_table(
            Table::create()
                .table(a("cohesion_evidence"))
                .col(pk_auto(a("id")))
                .col(integer(a("wave_id")))
                .col(string_len(a("question"), 60))
                .col(string_len(a("file_sha256"), 64))
                .col(string_len(a("file_name"), 200))
                .col(integer_null(a("uploaded_by")))
                .col(timestamp_with_time_zone(a("uploaded_at")))
                .foreign_key(&mut fk(
                    "cohesion_evidence",
                    "wave_id",
                    "cohesion_wave",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "cohesion_evidence",
                    "file_sha256",
                    "file_object",
                    "sha256",
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    "cohesion_evidence",
                    "uploaded_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "cohesion_evidence", &["wave_id"]).await?;
        index(m, "cohesion_evidence", &["file_sha256"]).await?;
        index(m, "cohesion_evidence", &["uploaded_by"]).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(a("cohesion_evidence")).to_owned())
            .await?;
        m.drop_table(Table::drop().table(a("cohesion_municipal")).to_owned())
            .await
    }
}
