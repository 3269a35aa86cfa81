//! Deleting one's own account: personal data goes (profile, sessions,
//! affiliations, codes, sign-in records keyed by the email); the audit log
//! keeps what was done, with the person shown as a former member.

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
