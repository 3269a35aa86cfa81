//! A person's following and notifications, for "Download my data"
//! (registered at the top as parts of `accounts::export`). One query each,
//! plus one per kind of followed thing to name it.

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};

use super::entities::{mailed, notification, setting};
use crate::accounts::export::PartFuture;
use crate::follows::entities::follow;
use crate::follows::{Target, TargetKind};

/// Everything the person follows or followed (unfollowed rows stay, so the
/// same act does not follow again), with the thing's name and page.
pub fn following(db: &DatabaseConnection, person_id: i32) -> PartFuture<'_> {
    Box::pin(async move {
        let rows = follow::Entity::find()
            .filter(follow::Column::PersonId.eq(person_id))
            .order_by_asc(follow::Column::Id)
            .all(db)
            .await?;
        let targets: Vec<Target> = rows
            .iter()
            .filter_map(|r| {
                TargetKind::from_code(&r.target_kind).map(|k| Target::new(k, r.target_id))
            })
            .collect();
        let names = super::subjects::describe(db, &targets).await?;
        let items: Vec<Value> = rows
            .into_iter()
            .map(|r| {
                let described = TargetKind::from_code(&r.target_kind)
                    .and_then(|k| names.get(&Target::new(k, r.target_id)));
                json!({
                    "kind": r.target_kind,
                    "id": r.target_id,
                    "title": described.map(|d| &d.title),
                    "url": described.map(|d| &d.url),
                    "automatic": r.automatic,
                    "active": r.active,
                    "created_at": r.created_at,
                })
            })
            .collect();
        Ok(Value::Array(items))
    })
}

/// How each kind reaches the person by email, and whether they chose it.
pub fn settings(db: &DatabaseConnection, person_id: i32) -> PartFuture<'_> {
    Box::pin(async move {
        let chosen: Vec<String> = setting::Entity::find()
            .filter(setting::Column::PersonId.eq(person_id))
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.kind)
            .collect();
        let effective = super::rules::settings_of(db, person_id).await?;
        Ok(Value::Array(
            effective
                .into_iter()
                .map(|(kind, delivery)| {
                    json!({
                        "kind": kind.code(),
                        "email": delivery.code(),
                        "chosen": chosen.iter().any(|c| c == kind.code()),
                    })
                })
                .collect(),
        ))
    })
}

/// The person's notifications, newest first, each saying whether email is
/// done with it (its kind's watermark has passed it).
pub fn notifications(db: &DatabaseConnection, person_id: i32) -> PartFuture<'_> {
    Box::pin(async move {
        let rows = notification::Entity::find()
            .filter(notification::Column::PersonId.eq(person_id))
            .order_by_desc(notification::Column::Id)
            .all(db)
            .await?;
        let upto: std::collections::HashMap<String, i32> = mailed::Entity::find()
            .filter(mailed::Column::PersonId.eq(person_id))
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.kind, m.upto_id))
            .collect();
        Ok(Value::Array(
            rows.into_iter()
                .map(|n| {
                    json!({
                        "kind": n.kind,
                        "title": n.title,
                        "url": n.url,
                        "via": n.via_title,
                        "created_at": n.created_at,
                        "read_at": n.read_at,
                        "emailed": upto.get(&n.kind).is_some_and(|u| n.id <= *u),
                    })
                })
                .collect(),
        ))
    })
}
