//! Deleting one's own account: personal data goes (profile, sessions,
//! affiliations, codes, sign-in records keyed by the email); the audit log
//! keeps what was done, with the person shown as a former member. What the
//! person wrote stays, shown as by "a former member", unless they choose to
//! delete it too: their contributions to consultations, the consultations
//! they started (with what was said in them) and their practice drafts.
//! Practices submitted for a municipality stay with the municipality.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

use super::{login_attempt, person};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};

#[derive(Debug, thiserror::Error)]
pub enum DeletionError {
    #[error("the last administrator cannot delete their account")]
    LastAdmin,
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// Delete a person and their personal data, in one transaction.
pub async fn delete_account(
    db: &Db,
    p: &person::Model,
    ip: &str,
    delete_content: bool,
    now: DateTime<Utc>,
) -> Result<(), DeletionError> {
    if p.role == "admin" {
        let admins = person::Entity::find()
            .filter(person::Column::Role.eq("admin"))
            .filter(person::Column::Active.eq(true))
            .count(db.read())
            .await?;
        if admins <= 1 {
            return Err(DeletionError::LastAdmin);
        }
    }
    let tx = db.begin_write().await?;
    // Rows that name the email address.
    login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::Key.is_in([
            format!("account:{}", p.email),
            format!("reset-account:{}", p.email),
        ]))
        .exec(&tx)
        .await?;
    if delete_content {
        delete_authored(&tx, p.id).await?;
    }
    // Sessions, affiliations, recovery codes and reset links go with the
    // person (ON DELETE CASCADE); audit entries and invitations keep their
    // rows with the person's id set to NULL (ON DELETE SET NULL).
    person::Entity::delete_by_id(p.id).exec(&tx).await?;
    outbox::record(&tx, "person", p.id, Op::Deleted).await?;
    let origin = Origin {
        actor_id: None,
        ip: ip.to_owned(),
    };
    audit::record(&tx, &origin, "account-deleted", "person", p.id, None, now).await?;
    tx.commit().await?;
    Ok(())
}

/// What the person wrote, when they choose to delete it with their account.
async fn delete_authored(tx: &sea_orm::DatabaseTransaction, person_id: i32) -> Result<(), DbErr> {
    use crate::consultations::entities::{contribution, dilemma};
    use crate::library::PracticeStatus;
    use crate::library::entities::practice;
    use sea_orm::Condition;
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
    let drafts = practice::Entity::find()
        .filter(practice::Column::AuthorId.eq(person_id))
        .filter(practice::Column::Status.eq(PracticeStatus::Draft.code()))
        .all(tx)
        .await?;
    for pr in drafts {
        practice::Entity::delete_by_id(pr.id).exec(tx).await?;
        outbox::record(tx, "practice", pr.id, Op::Deleted).await?;
    }
    Ok(())
}
