//! One migration set for SQLite and PostgreSQL. Append-only once landed:
//! never edit a migration that has shipped; add a new one.

use sea_orm_migration::prelude::*;

mod helpers;
mod m20261123_000001_foundation;
mod m20261123_000002_sessions;
mod m20261123_000003_invitations;
mod m20261123_000004_two_factor;
mod m20261123_000005_password_reset;
mod m20261123_000006_audit;
mod m20261123_000007_api_tokens;
mod m20261123_000008_library;
mod m20261123_000009_events;
mod m20261203_000010_consultations;
mod m20261203_000011_signup_requests;
mod m20261205_000012_secrets;
mod m20261205_000013_file_owners;
mod m20261205_000014_backups;
mod m20261205_000015_surveys;
mod m20261205_000016_survey_counts;
mod m20261205_000017_plans;
mod m20261205_000018_projects;
mod m20261205_000019_plan_owners;
mod m20261205_000020_survey_answering;
mod m20261205_000021_follows;
mod m20261205_000022_cohesion;
mod m20261206_000023_imported;
mod m20261206_000024_pending_notices;
mod m20261206_000025_cohesion_plans;
mod m20261206_000026_cohesion_sampling;
mod m20261206_000027_partner_step_names;
mod m20261206_000028_notification_mailed;
mod m20261206_000029_cohesion_links;
mod m20261206_000030_cohesion_municipal;
mod m20261206_000031_pictures;
mod m20261206_000032_person_time_zone;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_foundation::Migration),
            Box::new(m20261123_000002_sessions::Migration),
            Box::new(m20261123_000003_invitations::Migration),
            Box::new(m20261123_000004_two_factor::Migration),
            Box::new(m20261123_000005_password_reset::Migration),
            Box::new(m20261123_000006_audit::Migration),
            Box::new(m20261123_000007_api_tokens::Migration),
            Box::new(m20261123_000008_library::Migration),
            Box::new(m20261123_000009_events::Migration),
            Box::new(m20261203_000010_consultations::Migration),
            Box::new(m20261203_000011_signup_requests::Migration),
            Box::new(m20261205_000012_secrets::Migration),
            Box::new(m20261205_000013_file_owners::Migration),
            Box::new(m20261205_000014_backups::Migration),
            Box::new(m20261205_000015_surveys::Migration),
            Box::new(m20261205_000016_survey_counts::Migration),
            Box::new(m20261205_000017_plans::Migration),
            Box::new(m20261205_000018_projects::Migration),
            Box::new(m20261205_000019_plan_owners::Migration),
            Box::new(m20261205_000020_survey_answering::Migration),
            Box::new(m20261205_000021_follows::Migration),
            Box::new(m20261205_000022_cohesion::Migration),
            Box::new(m20261206_000023_imported::Migration),
            Box::new(m20261206_000024_pending_notices::Migration),
            Box::new(m20261206_000025_cohesion_plans::Migration),
            Box::new(m20261206_000026_cohesion_sampling::Migration),
            Box::new(m20261206_000027_partner_step_names::Migration),
            Box::new(m20261206_000028_notification_mailed::Migration),
            Box::new(m20261206_000029_cohesion_links::Migration),
            Box::new(m20261206_000030_cohesion_municipal::Migration),
            Box::new(m20261206_000031_pictures::Migration),
            Box::new(m20261206_000032_person_time_zone::Migration),
        ]
    }
}
