//! What deleting an account asks of the library: when the person chose to
//! delete what they wrote, their practice drafts go (practices submitted
//! for a municipality stay with it). Their stored files lose their owner row
//! with the person (ON DELETE CASCADE) and are collected once unused.
//! Registered at the top (`app::person_deletion`); runs in the deletion's
//! transaction.

use sea_orm::{ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter};

use super::PracticeStatus;
use super::entities::practice;
use crate::accounts::deletion::{Leaving, Part};
use crate::db::outbox::{self, Op};

/// The library's part of deleting `leaving.person_id` (see [`Part`]).
pub fn forget(tx: &DatabaseTransaction, leaving: Leaving) -> Part<'_> {
    Box::pin(async move {
        if !leaving.delete_content {
            return Ok(());
        }
        let drafts = practice::Entity::find()
            .filter(practice::Column::AuthorId.eq(leaving.person_id))
            .filter(practice::Column::Status.eq(PracticeStatus::Draft.code()))
            .all(tx)
            .await?;
        for pr in drafts {
            practice::Entity::delete_by_id(pr.id).exec(tx).await?;
            outbox::record(tx, "practice", pr.id, Op::Deleted).await?;
        }
        Ok(())
    })
}
