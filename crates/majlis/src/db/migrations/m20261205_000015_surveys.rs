//! Surveys of member municipalities: a survey (its campaign: window,
//! targeted municipalities, who may read the results), the versions of its
//! XLSForm, personal links for named respondents, one response per targeted
//! municipality or per link (draft and submitted
//! answers kept apart), and the tallies the results are read from (kept in
//! the transaction of each submission, so results never scan responses).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

use super::helpers::{a, fk, index};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261205_000015_surveys"
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        use ForeignKeyAction::{Cascade, Restrict, SetNull};
        m.create_table(
            Table::create()
                .table(a("survey"))
                .col(pk_auto(a("id")))
                .col(string_len_uniq(a("slug"), 120))
                .col(json_binary(a("title")))
                .col(json_binary_null(a("description")))
                .col(string_len(a("status"), 16))
                .col(string_len(a("results_audience"), 16))
                .col(timestamp_with_time_zone_null(a("opens_at")))
                .col(timestamp_with_time_zone_null(a("closes_at")))
                .col(integer_null(a("event_id")))
                .col(boolean(a("synthetic")).default(false))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .foreign_key(&mut fk("survey", "event_id", "event", "id", SetNull))
                .foreign_key(&mut fk("survey", "created_by", "person", "id", SetNull))
                .to_owned(),
        )
        .await?;
        index(m, "survey", &["event_id"]).await?;

        m.create_table(
            Table::create()
                .table(a("survey_form"))
                .col(pk_auto(a("id")))
                .col(integer(a("survey_id")))
                .col(integer(a("number")))
                .col(string_len(a("source_kind"), 16))
                .col(blob(a("source")))
                .col(integer(a("questions")))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk("survey_form", "survey_id", "survey", "id", Cascade))
                .foreign_key(&mut fk(
                    "survey_form",
                    "created_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_survey_form_survey_id_number")
                .table(a("survey_form"))
                .col(a("survey_id"))
                .col(a("number"))
                .unique()
                .to_owned(),
        )
        .await?;

        // The municipalities asked, and when their focal points were last
        // reminded.
        m.create_table(
            Table::create()
                .table(a("survey_target"))
                .col(integer(a("survey_id")))
                .col(integer(a("municipality_id")))
                .col(timestamp_with_time_zone_null(a("reminded_at")))
                .primary_key(
                    Index::create()
                        .col(a("survey_id"))
                        .col(a("municipality_id")),
                )
                .foreign_key(&mut fk(
                    "survey_target",
                    "survey_id",
                    "survey",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "survey_target",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "survey_target", &["municipality_id"]).await?;

        // A personal link sent to a named respondent: one response per link.
        // Only the token's hash is kept.
        m.create_table(
            Table::create()
                .table(a("survey_link"))
                .col(pk_auto(a("id")))
                .col(integer(a("survey_id")))
                .col(string_len_uniq(a("token_hash"), 64))
                .col(string_len(a("name"), 200))
                .col(string_len(a("email"), 254))
                .col(integer_null(a("municipality_id")))
                .col(integer_null(a("created_by")))
                .col(timestamp_with_time_zone(a("created_at")))
                .foreign_key(&mut fk("survey_link", "survey_id", "survey", "id", Cascade))
                .foreign_key(&mut fk(
                    "survey_link",
                    "municipality_id",
                    "municipality",
                    "id",
                    SetNull,
                ))
                .foreign_key(&mut fk(
                    "survey_link",
                    "created_by",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        index(m, "survey_link", &["survey_id"]).await?;

        // One response per targeted municipality. `answers` holds what was
        // submitted (counted in the tallies), `draft` the answers being
        // written (a first draft, or changes to a submitted response).
        m.create_table(
            Table::create()
                .table(a("survey_response"))
                .col(pk_auto(a("id")))
                .col(integer(a("survey_id")))
                .col(integer(a("form_id")))
                .col(integer_null(a("municipality_id")))
                .col(integer_null(a("link_id")))
                .col(json_binary_null(a("answers")))
                .col(json_binary_null(a("draft")))
                .col(integer_null(a("person_id")))
                .col(string_len(a("country_code"), 8).default(""))
                .col(string_len(a("population_band"), 16).default(""))
                .col(string_len(a("refugee_band"), 16).default(""))
                .col(timestamp_with_time_zone(a("created_at")))
                .col(timestamp_with_time_zone(a("updated_at")))
                .col(timestamp_with_time_zone_null(a("submitted_at")))
                .foreign_key(&mut fk(
                    "survey_response",
                    "survey_id",
                    "survey",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "survey_response",
                    "form_id",
                    "survey_form",
                    "id",
                    Restrict,
                ))
                .foreign_key(&mut fk(
                    "survey_response",
                    "municipality_id",
                    "municipality",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "survey_response",
                    "link_id",
                    "survey_link",
                    "id",
                    Cascade,
                ))
                .foreign_key(&mut fk(
                    "survey_response",
                    "person_id",
                    "person",
                    "id",
                    SetNull,
                ))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_survey_response_survey_id_municipality_id")
                .table(a("survey_response"))
                .col(a("survey_id"))
                .col(a("municipality_id"))
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_survey_response_link_id")
                .table(a("survey_response"))
                .col(a("link_id"))
                .unique()
                .to_owned(),
        )
        .await?;

        // Counts of submitted answers: per question and value ("" counts
        // the question answered at all), per respondent group.
        m.create_table(
            Table::create()
                .table(a("survey_tally"))
                .col(integer(a("survey_id")))
                .col(string_len(a("question"), 120))
                .col(string_len(a("value"), 200))
                .col(string_len(a("country_code"), 8))
                .col(string_len(a("population_band"), 16))
                .col(string_len(a("refugee_band"), 16))
                .col(big_integer(a("count")))
                .primary_key(
                    Index::create()
                        .col(a("survey_id"))
                        .col(a("question"))
                        .col(a("value"))
                        .col(a("country_code"))
                        .col(a("population_band"))
                        .col(a("refugee_band")),
                )
                .foreign_key(&mut fk(
                    "survey_tally",
                    "survey_id",
                    "survey",
                    "id",
                    Cascade,
                ))
                .to_owned(),
        )
        .await?;
        Ok(())
    }
}
