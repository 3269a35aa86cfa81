//! A municipality's project ideas and partnerships, for its page in the
//! directory (registered at the top as two of its `MunicipalityLinks`).
//! Only ideas the reader may read are listed (decided in the query), at
//! most [`LIMIT`] of each, oldest first: one query for the ideas it leads,
//! two for its partnerships (the ideas, then its partnership in each),
//! whatever their number.

use std::collections::HashMap;

use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::PartnershipStatus;
use super::backlinks::status_label;
use super::entities::{partner, project};
use super::rules::readable;
use crate::directory::linked::{Item, Linked};
use crate::policy::Actor;

/// The most ideas (and partnerships) a municipality's page lists.
pub const LIMIT: u64 = 100;

/// The partnerships a municipality's page lists: current ones and those it
/// left (declined invitations are not partnerships).
const LISTED: [PartnershipStatus; 3] = [
    PartnershipStatus::Invited,
    PartnershipStatus::Accepted,
    PartnershipStatus::Left,
];

fn item(p: project::Model, status: String) -> Item {
    Item {
        url: format!("/projects/{}", p.slug),
        percent: None,
        note: None,
        status: Some(status),
        title: p.title,
    }
}

/// The ideas `municipality_id` leads that the reader may read, with their
/// status (one query).
pub async fn led(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    municipality_id: i32,
) -> Result<Linked, DbErr> {
    let rows = project::Entity::find()
        .filter(project::Column::LeadMunicipalityId.eq(municipality_id))
        .filter(readable(actor))
        .order_by_asc(project::Column::Id)
        .limit(LIMIT)
        .all(db)
        .await?;
    Ok(Linked {
        section: "projects",
        heading: "municipality-projects-heading",
        no_percent: None,
        items: rows
            .into_iter()
            .map(|p| {
                let status = status_label(p.status()).to_owned();
                item(p, status)
            })
            .collect(),
    })
}

/// The ideas `municipality_id` was invited to, takes part in or left, that
/// the reader may read, with the partnership's status (two queries).
pub async fn partnerships(
    db: &DatabaseConnection,
    actor: Option<&Actor>,
    municipality_id: i32,
) -> Result<Linked, DbErr> {
    let codes: Vec<&str> = LISTED.iter().map(|s| s.code()).collect();
    let rows = project::Entity::find()
        .filter(
            project::Column::Id.in_subquery(
                Query::select()
                    .column(partner::Column::ProjectId)
                    .from(partner::Entity)
                    .and_where(partner::Column::MunicipalityId.eq(municipality_id))
                    .and_where(partner::Column::Status.is_in(codes.clone()))
                    .to_owned(),
            ),
        )
        .filter(readable(actor))
        .order_by_asc(project::Column::Id)
        .limit(LIMIT)
        .all(db)
        .await?;
    let statuses: HashMap<i32, PartnershipStatus> = if rows.is_empty() {
        HashMap::new()
    } else {
        partner::Entity::find()
            .filter(partner::Column::MunicipalityId.eq(municipality_id))
            .filter(partner::Column::ProjectId.is_in(rows.iter().map(|p| p.id)))
            .all(db)
            .await?
            .into_iter()
            .filter_map(|r| Some((r.project_id, PartnershipStatus::from_code(&r.status)?)))
            .collect()
    };
    Ok(Linked {
        section: "partnerships",
        heading: "municipality-partnerships-heading",
        no_percent: None,
        items: rows
            .into_iter()
            .filter_map(|p| {
                let status = statuses.get(&p.id)?.label_id();
                Some(item(p, status))
            })
            .collect(),
    })
}
