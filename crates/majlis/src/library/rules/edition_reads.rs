//! Compendium editions: the list and one edition with its chapters.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};

use super::public_statuses;
use crate::library::entities::{compendium, compendium_chapter, compendium_entry, practice};
use crate::policy::{Action, Actor, can};

// ------------------------------------------------------------------ compendium

/// An edition with its chapters and, in each, its practices in order.
#[derive(Clone, Debug)]
pub struct Edition {
    pub compendium: compendium::Model,
    pub chapters: Vec<(compendium_chapter::Model, Vec<practice::Model>)>,
    /// The network it was imported from (`majlis import`), if any.
    pub imported_from: Option<String>,
}

/// Editions a reader may see: published ones, and drafts for staff.
pub async fn editions<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
) -> Result<Vec<compendium::Model>, DbErr> {
    let mut q = compendium::Entity::find();
    if !can(actor, Action::ManageLibrary) {
        q = q.filter(compendium::Column::Status.eq("published"));
    }
    q.order_by_desc(compendium::Column::Year)
        .order_by_asc(compendium::Column::Id)
        .all(db)
        .await
}

/// One edition in full: three queries. Only published practices are placed.
pub async fn edition<C: ConnectionTrait>(
    db: &C,
    actor: Option<&Actor>,
    slug: &str,
) -> Result<Option<Edition>, DbErr> {
    let q = compendium::Entity::find().filter(compendium::Column::Slug.eq(slug));
    let Some(crate::db::provenance::Sourced {
        item: c,
        imported_from,
    }) = crate::db::provenance::one_sourced(db, q, "compendium").await?
    else {
        return Ok(None);
    };
    if c.status != "published" && !can(actor, Action::ManageLibrary) {
        return Ok(None);
    }
    let chapters = compendium_chapter::Entity::find()
        .filter(compendium_chapter::Column::CompendiumId.eq(c.id))
        .order_by_asc(compendium_chapter::Column::Position)
        .order_by_asc(compendium_chapter::Column::Id)
        .all(db)
        .await?;
    let chapter_ids: Vec<i32> = chapters.iter().map(|c| c.id).collect();
    let entries = compendium_entry::Entity::find()
        .filter(compendium_entry::Column::ChapterId.is_in(chapter_ids))
        .order_by_asc(compendium_entry::Column::Position)
        .all(db)
        .await?;
    let practice_ids: Vec<i32> = entries.iter().map(|e| e.practice_id).collect();
    let practices = practice::Entity::find()
        .filter(practice::Column::Id.is_in(practice_ids))
        .filter(practice::Column::Status.is_in(public_statuses()))
        .all(db)
        .await?;
    let chapters = chapters
        .into_iter()
        .map(|ch| {
            let list = entries
                .iter()
                .filter(|e| e.chapter_id == ch.id)
                .filter_map(|e| practices.iter().find(|p| p.id == e.practice_id).cloned())
                .collect();
            (ch, list)
        })
        .collect();
    Ok(Some(Edition {
        compendium: c,
        chapters,
        imported_from,
    }))
}
