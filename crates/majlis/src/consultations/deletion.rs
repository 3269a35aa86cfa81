//! What deleting an account asks of consultations: when the person chose to
//! delete what they wrote, the dilemmas they started or presented (with
//! everything said in them) and their contributions elsewhere go. Registered
//! at the top (`app::person_deletion`); runs in the deletion's transaction.

use sea_orm::{ColumnTrait, Condition, DatabaseTransaction, DbErr, EntityTrait, QueryFilter};

use super::entities::{contribution, dilemma};
use crate::accounts::deletion::{Leaving, Part};
use crate::db::outbox::{self, Op};

/// Consultations' part of deleting `leaving.person_id` (see [`Part`]).
pub fn forget(tx: &DatabaseTransaction, leaving: Leaving) -> Part<'_> {
    Box::pin(async move {
        if !leaving.delete_content {
            return Ok(());
        }
        forget_content(tx, leaving.person_id).await
    })
}

async fn forget_content(tx: &DatabaseTransaction, person_id: i32) -> Result<(), DbErr> {
    let started = dilemma::Entity::find()
        .filter(
            Condition::any()
                .add(dilemma::Column::CreatedBy.eq(person_id))
                .add(dilemma::Column::PresenterId.eq(person_id)),
        )
        .all(tx)
        .await?;
    for d in &started {
        dilemma::Entity::delete_by_id(d.id).exec(tx).await?;
        outbox::record(tx, "dilemma", d.id, Op::Deleted).await?;
    }
    let said = contribution::Entity::find()
        .filter(contribution::Column::AuthorId.eq(person_id))
        .all(tx)
        .await?;
    let mut touched: Vec<i32> = said.iter().map(|c| c.dilemma_id).collect();
    touched.sort_unstable();
    touched.dedup();
    contribution::Entity::delete_many()
        .filter(contribution::Column::AuthorId.eq(person_id))
        .exec(tx)
        .await?;
    for id in touched {
        outbox::record(tx, "dilemma", id, Op::Updated).await?;
    }
    Ok(())
}
