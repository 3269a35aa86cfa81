//! Deleting one's own account: personal data goes (profile, sessions,
//! affiliations, codes, sign-in records keyed by the email); the audit log
//! keeps what was done, with the person shown as a former member. What the
//! person wrote stays, shown as by "a former member", unless they choose to
//! delete it too.
//!
//! What an activity above accounts keeps of the person is its own business:
//! each provides a [`Forget`] (consultations: the dilemmas they started and
//! their contributions; library: their practice drafts), the application
//! registers them at the top (`app::person_deletion`), and the deletion runs
//! them in its transaction, in registration order. Rows the database settles
//! by itself (ON DELETE CASCADE or SET NULL) need no part.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

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

/// Who is leaving, and whether what they wrote goes with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leaving {
    pub person_id: i32,
    pub delete_content: bool,
}

/// An activity's part of a deletion in progress.
pub type Part<'a> = Pin<Box<dyn Future<Output = Result<(), DbErr>> + Send + 'a>>;

/// What one activity does when a person is deleted, inside the deletion's
/// transaction (before the person's row goes, so their rows can still be
/// found by the person's id).
pub type Forget = for<'a> fn(&'a DatabaseTransaction, Leaving) -> Part<'a>;

/// The activities' parts of a deletion, registered at the top.
#[derive(Clone, Default)]
pub struct Registry(Arc<[Forget]>);

impl Registry {
    pub fn new(parts: Vec<Forget>) -> Self {
        Registry(parts.into())
    }

    async fn run(&self, tx: &DatabaseTransaction, leaving: Leaving) -> Result<(), DbErr> {
        for forget in self.0.iter() {
            forget(tx, leaving).await?;
        }
        Ok(())
    }
}

/// Delete a person and their personal data, in one transaction, with each
/// registered activity's part.
pub async fn delete_account(
    db: &Db,
    parts: &Registry,
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
    let leaving = Leaving {
        person_id: p.id,
        delete_content,
    };
    parts.run(&tx, leaving).await?;
    // Sessions, affiliations, recovery codes and reset links go with the
    // person (ON DELETE CASCADE); audit entries and invitations keep their
    // rows with the person's id set to NULL (ON DELETE SET NULL).
    let towns: Vec<i32> = super::affiliation::Entity::find()
        .filter(super::affiliation::Column::PersonId.eq(p.id))
        .all(&tx)
        .await?
        .into_iter()
        .filter_map(|a| a.municipality_id)
        .collect();
    person::Entity::delete_by_id(p.id).exec(&tx).await?;
    outbox::record(&tx, "person", p.id, Op::Deleted).await?;
    for m in towns {
        super::affiliation::people_changed(&tx, m).await?;
    }
    let origin = Origin {
        actor_id: None,
        ip: ip.to_owned(),
    };
    audit::record(&tx, &origin, "account-deleted", "person", p.id, None, now).await?;
    tx.commit().await?;
    Ok(())
}
