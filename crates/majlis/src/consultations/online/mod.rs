//! The life of a consultation: a member puts a dilemma (draft), opens it for
//! a period, peers ask open questions that the presenter answers, then the
//! presenter opens the second phase (ideas, experiences, links), marks what
//! helped and, with a rapporteur, writes the conclusion. Moderation: anyone
//! signed in reports a contribution; coordinators hide or restore it.
//!
//! Every change is one transaction with its audit entry and an outbox row
//! (`dilemma`), so caches and the search index follow.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, Set};

use super::DilemmaStatus;
use super::entities::dilemma;
use super::error::ConsultError;
use super::rules::{dilemma_ref, part_of};
use crate::audit::{self, Origin};
use crate::db::outbox::{self, Op};
use crate::policy::{Action, Actor, can};

mod conclusion;
mod contributions;
mod moderation;
mod opening;

pub(super) use conclusion::set_result;
pub use conclusion::{archive, conclude, invite};
pub use contributions::{
    ContributionInput, Stored, answer, client_key, contribute, library_link, mark_helped,
    open_ideas, parse_contribution,
};
pub use moderation::{moderate, report};
pub(super) use opening::text_field;
pub use opening::{DilemmaInput, Known, create, open, parse_dilemma, slug_for};

/// Limits stated on the forms.
pub const QUESTION_MAX: usize = 500;
pub const TEXT_MAX: usize = 5000;
pub const REASON_MAX: usize = 500;
pub const PERIOD_MAX: i32 = 60;

/// The dilemma (locked for the change on PostgreSQL) and the actor's part.
async fn load(
    tx: &DatabaseTransaction,
    actor: &Actor,
    id: i32,
    now: DateTime<Utc>,
) -> Result<(dilemma::Model, crate::policy::DilemmaRef), ConsultError> {
    use sea_orm::QuerySelect;
    let mut q = dilemma::Entity::find_by_id(id);
    if tx.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
        q = q.lock_exclusive();
    }
    let d = q.one(tx).await?.ok_or(ConsultError::NotFound)?;
    let part = part_of(tx, Some(actor), &d).await?;
    let r = dilemma_ref(&d, part, now);
    if !can(Some(actor), Action::ViewDilemma(r)) {
        return Err(ConsultError::NotFound);
    }
    Ok((d, r))
}

fn status_of(d: &dilemma::Model) -> DilemmaStatus {
    DilemmaStatus::from_code(&d.status).unwrap_or(DilemmaStatus::Draft)
}

async fn touch(
    tx: &DatabaseTransaction,
    origin: &Origin,
    d: dilemma::Model,
    action: &str,
    detail: Option<String>,
    change: impl FnOnce(&mut dilemma::ActiveModel),
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    let id = d.id;
    let mut m: dilemma::ActiveModel = d.into();
    change(&mut m);
    m.updated_at = Set(now);
    m.update(tx).await?;
    audit::record(tx, origin, action, "dilemma", id, detail, now).await?;
    outbox::record(tx, "dilemma", id, Op::Updated).await?;
    Ok(())
}
