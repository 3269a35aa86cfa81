//! Moderation: anyone signed in reports a contribution; coordinators hide
//! or restore it (audited).

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::contributions::own_contribution;
use super::{REASON_MAX, load};
use crate::audit::{self, Origin};
use crate::consultations::entities::{contribution, contribution_report};
use crate::consultations::error::{ConsultError, invalid};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::policy::{Action, Actor, authorize};

/// Report a contribution to the moderators (once per person).
pub async fn report(
    db: &Db,
    actor: &Actor,
    id: i32,
    cid: i32,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    authorize(Some(actor), Action::ReportContribution)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(invalid("reason", "form-error-required"));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(invalid("reason", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let (d, _) = load(&tx, actor, id, now).await?;
    let c = own_contribution(&tx, d.id, cid).await?;
    let existing = contribution_report::Entity::find()
        .filter(contribution_report::Column::ContributionId.eq(c.id))
        .filter(contribution_report::Column::PersonId.eq(actor.person_id))
        .one(&tx)
        .await?;
    if existing.is_none() {
        contribution_report::ActiveModel {
            contribution_id: Set(c.id),
            person_id: Set(actor.person_id),
            reason: Set(reason.to_owned()),
            created_at: Set(now),
            handled_at: Set(None),
            ..Default::default()
        }
        .insert(&tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Hide or restore a contribution (coordinators), with the reason in the
/// audit log; open reports on it are marked handled.
pub async fn moderate(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    (dilemma_id, cid): (i32, i32),
    hide: bool,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<(), ConsultError> {
    authorize(Some(actor), Action::Moderate)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(invalid("reason", "form-error-required"));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(invalid("reason", "form-error-too-long"));
    }
    let tx = db.begin_write().await?;
    let c = own_contribution(&tx, dilemma_id, cid).await?;
    let mut m: contribution::ActiveModel = c.into();
    m.hidden = Set(hide);
    m.hidden_reason = Set(hide.then(|| reason.to_owned()));
    m.update(&tx).await?;
    contribution_report::Entity::update_many()
        .col_expr(
            contribution_report::Column::HandledAt,
            sea_orm::sea_query::Expr::value(now),
        )
        .filter(contribution_report::Column::ContributionId.eq(cid))
        .filter(contribution_report::Column::HandledAt.is_null())
        .exec(&tx)
        .await?;
    audit::record(
        &tx,
        origin,
        if hide {
            "contribution.hide"
        } else {
            "contribution.restore"
        },
        "contribution",
        cid,
        Some(reason.to_owned()),
        now,
    )
    .await?;
    outbox::record(&tx, "dilemma", dilemma_id, Op::Updated).await?;
    tx.commit().await?;
    Ok(())
}
