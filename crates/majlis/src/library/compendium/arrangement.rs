//! What an edition holds: published practices in chapters by theme, in the
//! order coordinators give, with each chapter's introduction.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::ActiveValue::{NotSet, Set};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseTransaction, DbErr, EntityTrait, QueryFilter, QueryOrder,
};

use super::{CompendiumError, MAX_INTRO, find};
use crate::audit::{self, Origin};
use crate::db::Db;
use crate::db::outbox::{self, Op};
use crate::directory::reference::Reference;
use crate::i18n::{Locale, TrText};
use crate::library::entities::{compendium, compendium_chapter, compendium_entry, practice};
use crate::library::practices::FieldError;
use crate::policy::{Action, Actor, authorize};

/// What a coordinator decided for an edition: where each chosen practice
/// goes, as `(theme id, practice id, order)`, whether it is published
/// (`None`: as it is), and chapter introductions written in one language.
#[derive(Clone, Debug, Default)]
pub struct Arrangement {
    pub placement: Vec<(i32, i32, i32)>,
    pub publish: Option<bool>,
    /// Introductions by theme id, in `lang`; a chapter not named here keeps
    /// its introduction.
    pub intros: BTreeMap<i32, String>,
    /// The language the introductions are written in (`None`: the edition's
    /// original language).
    pub lang: Option<Locale>,
}

impl Arrangement {
    /// Read the arrangement form: `chapter_<practice id>` (a theme id, or
    /// empty or `0` to leave it out), `order_<practice id>` (0–10,000, 1,000
    /// when blank), `chapter_intro_<theme id>`, `status`. A value that is not
    /// understood is refused with the name of its field (`chapter`, `order`).
    pub fn parse(
        form: &BTreeMap<String, String>,
        lang: Option<Locale>,
    ) -> Result<Arrangement, &'static str> {
        let mut placement = Vec::new();
        let mut intros = BTreeMap::new();
        for (k, v) in form {
            if let Some(theme) = k.strip_prefix("chapter_intro_") {
                let theme: i32 = theme.parse().map_err(|_| "chapter")?;
                intros.insert(theme, v.clone());
                continue;
            }
            let Some(pid) = k.strip_prefix("chapter_") else {
                continue;
            };
            let pid: i32 = pid.parse().map_err(|_| "chapter")?;
            let theme = v.trim();
            if theme.is_empty() || theme == "0" {
                continue;
            }
            let theme: i32 = theme.parse().map_err(|_| "chapter")?;
            let order = match form.get(&format!("order_{pid}")).map(|s| s.trim()) {
                None | Some("") => 1000,
                Some(o) => o
                    .parse::<i32>()
                    .ok()
                    .filter(|o| (0..=10_000).contains(o))
                    .ok_or("order")?,
            };
            placement.push((theme, pid, order));
        }
        Ok(Arrangement {
            placement,
            // Publishing is its own action (`set_published`); a form that
            // still sends `status` sets it too.
            publish: form.get("status").map(|s| s == "published"),
            intros,
            lang,
        })
    }
}

/// A chapter of an edition as [`arrange`] compares it: where it stands,
/// its title and introduction, its theme, its practices in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Chapter {
    position: i32,
    title: TrText,
    introduction: Option<TrText>,
    theme_id: Option<i32>,
    practices: Vec<i32>,
}

impl Chapter {
    pub(super) fn fields(&self, f: &mut audit::Fields) {
        let name = match self.theme_id {
            Some(t) => format!("chapter {t}"),
            None => format!("chapter {}", self.title.original()),
        };
        f.put(&format!("{name}.position"), self.position)
            .text(&format!("{name}.introduction"), self.introduction.as_ref())
            .list(&format!("{name}.practices"), &self.practices);
    }
}

/// A chapter introduction after writing `text` in `lang`: the existing one
/// with `lang` set, or a new one in `lang` as its original. Emptying the
/// original removes the introduction (as in the other forms).
pub(super) fn written(existing: Option<TrText>, lang: Locale, text: &str) -> Option<TrText> {
    match existing {
        Some(t) if text.trim().is_empty() && t.orig() == lang => None,
        Some(mut t) => {
            t.set(lang, text);
            Some(t)
        }
        None => TrText::new(lang, text).ok(),
    }
}

/// Replace an edition's chapters (one per theme chosen, titled with the
/// theme's label) and the practices in them, and set its status. A chapter
/// whose theme stays keeps its introduction, changed where one is given.
pub async fn arrange(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    reference: &Reference,
    slug: &str,
    arrangement: Arrangement,
    now: DateTime<Utc>,
) -> Result<(), CompendiumError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    if arrangement
        .intros
        .values()
        .any(|t| t.trim().chars().count() > MAX_INTRO)
    {
        return Err(CompendiumError::Invalid(vec![FieldError {
            field: "introduction",
            message: "form-error-too-long",
        }]));
    }
    let tx = db.begin_write().await?;
    let c = find(&tx, slug).await?;
    check_placement(&tx, reference, &arrangement.placement).await?;
    let before = chapters_of(&tx, c.id).await?;
    let lang = arrangement.lang.unwrap_or(c.title.orig());
    let after = placed(&before, reference, &arrangement, lang);
    let publish = arrangement.publish.unwrap_or(c.status == "published");
    let status = if publish { "published" } else { "draft" };
    if after == before && c.status == status {
        // Saved unchanged: nothing is written, logged or published.
        tx.rollback().await?;
        return Ok(());
    }
    let mut changes = audit::Fields::new();
    changes.put("status", &c.status);
    for ch in &before {
        ch.fields(&mut changes);
    }
    let mut now_fields = audit::Fields::new();
    now_fields.put("status", status);
    for ch in &after {
        ch.fields(&mut now_fields);
    }
    let changes = changes.changes(&now_fields);
    write_chapters(&tx, c.id, after).await?;
    let was_published = c.status == "published";
    let id = c.id;
    let mut am: compendium::ActiveModel = c.into();
    am.status = Set(status.into());
    if publish && !was_published {
        am.published_at = Set(Some(now));
    }
    am.updated_at = Set(now);
    am.update(&tx).await?;
    outbox::record(&tx, "compendium", id, Op::Updated).await?;
    let action = match (publish, was_published) {
        (true, false) => "compendium-published",
        (false, true) => "compendium-unpublished",
        _ => "compendium-arranged",
    };
    audit::record(&tx, origin, action, "compendium", id, changes, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Publish an edition (readers see it, `published_at` is set the first
/// time) or take it back to draft: its own action, audited; asking for the
/// status it has writes nothing.
pub async fn set_published(
    db: &Db,
    origin: &Origin,
    actor: &Actor,
    slug: &str,
    publish: bool,
    now: DateTime<Utc>,
) -> Result<(), CompendiumError> {
    authorize(Some(actor), Action::ManageLibrary)?;
    let tx = db.begin_write().await?;
    let c = find(&tx, slug).await?;
    let was_published = c.status == "published";
    if publish == was_published {
        tx.rollback().await?;
        return Ok(());
    }
    let id = c.id;
    let first = c.published_at.is_none();
    let mut am: compendium::ActiveModel = c.into();
    am.status = Set(if publish { "published" } else { "draft" }.into());
    if publish && first {
        am.published_at = Set(Some(now));
    }
    am.updated_at = Set(now);
    am.update(&tx).await?;
    outbox::record(&tx, "compendium", id, Op::Updated).await?;
    let action = if publish {
        "compendium-published"
    } else {
        "compendium-unpublished"
    };
    audit::record(&tx, origin, action, "compendium", id, None, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Only published practices can be placed, and only under a known theme.
async fn check_placement(
    tx: &DatabaseTransaction,
    reference: &Reference,
    placement: &[(i32, i32, i32)],
) -> Result<(), CompendiumError> {
    let ids: Vec<i32> = placement.iter().map(|p| p.1).collect();
    let published: Vec<i32> = practice::Entity::find()
        .filter(practice::Column::Id.is_in(ids.clone()))
        .filter(practice::Column::Status.eq("published"))
        .all(tx)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    if ids.iter().any(|id| !published.contains(id))
        || placement.iter().any(|p| reference.theme(p.0).is_none())
    {
        return Err(CompendiumError::Invalid(vec![FieldError {
            field: "practices",
            message: "form-error-choose",
        }]));
    }
    Ok(())
}

/// An edition's chapters as stored, with their practices in order.
async fn chapters_of(tx: &DatabaseTransaction, compendium_id: i32) -> Result<Vec<Chapter>, DbErr> {
    let chapters = compendium_chapter::Entity::find()
        .filter(compendium_chapter::Column::CompendiumId.eq(compendium_id))
        .order_by_asc(compendium_chapter::Column::Position)
        .order_by_asc(compendium_chapter::Column::Id)
        .all(tx)
        .await?;
    let entries = compendium_entry::Entity::find()
        .filter(
            compendium_entry::Column::ChapterId
                .is_in(chapters.iter().map(|ch| ch.id).collect::<Vec<_>>()),
        )
        .order_by_asc(compendium_entry::Column::Position)
        .order_by_asc(compendium_entry::Column::PracticeId)
        .all(tx)
        .await?;
    Ok(chapters
        .iter()
        .map(|ch| Chapter {
            position: ch.position,
            title: ch.title.clone(),
            introduction: ch.introduction.clone(),
            theme_id: ch.theme_id,
            practices: entries
                .iter()
                .filter(|e| e.chapter_id == ch.id)
                .map(|e| e.practice_id)
                .collect(),
        })
        .collect())
}

/// The chapters an arrangement makes of the edition's `before`: chapters
/// keep their order, new ones follow in the theme vocabulary's; a kept
/// theme keeps its introduction unless one is written in `lang`.
fn placed(
    before: &[Chapter],
    reference: &Reference,
    arrangement: &Arrangement,
    lang: Locale,
) -> Vec<Chapter> {
    let mut kept: BTreeMap<i32, TrText> = BTreeMap::new();
    for ch in before {
        if let (Some(theme), Some(intro)) = (ch.theme_id, &ch.introduction) {
            kept.insert(theme, intro.clone());
        }
    }
    // (kept position, vocabulary position) → (theme, [(order, practice)])
    type Placed = (i32, Vec<(i32, i32)>);
    let mut by_theme: BTreeMap<(i32, usize), Placed> = BTreeMap::new();
    for &(theme_id, practice_id, order) in &arrangement.placement {
        let kept_at = before
            .iter()
            .find(|ch| ch.theme_id == Some(theme_id))
            .map_or(i32::MAX, |ch| ch.position);
        let pos = (
            kept_at,
            reference
                .themes()
                .iter()
                .position(|t| t.id == theme_id)
                .unwrap_or(usize::MAX),
        );
        by_theme
            .entry(pos)
            .or_insert((theme_id, Vec::new()))
            .1
            .push((order, practice_id));
    }
    let mut after: Vec<Chapter> = Vec::new();
    for (position, (_, (theme_id, mut entries))) in by_theme.into_iter().enumerate() {
        let Some(theme) = reference.theme(theme_id) else {
            continue;
        };
        let existing = kept.remove(&theme_id);
        let introduction = match arrangement.intros.get(&theme_id) {
            Some(text) => written(existing, lang, text),
            None => existing,
        };
        entries.sort();
        entries.dedup_by_key(|e| e.1);
        after.push(Chapter {
            position: i32::try_from(position).unwrap_or(i32::MAX),
            title: theme.label.clone(),
            introduction,
            theme_id: Some(theme_id),
            practices: entries.into_iter().map(|e| e.1).collect(),
        });
    }
    after
}

/// Replace the edition's stored chapters and entries with `chapters`.
async fn write_chapters(
    tx: &DatabaseTransaction,
    compendium_id: i32,
    chapters: Vec<Chapter>,
) -> Result<(), DbErr> {
    compendium_chapter::Entity::delete_many()
        .filter(compendium_chapter::Column::CompendiumId.eq(compendium_id))
        .exec(tx)
        .await?;
    for chapter in chapters {
        let ch = compendium_chapter::ActiveModel {
            id: NotSet,
            compendium_id: Set(compendium_id),
            position: Set(chapter.position),
            title: Set(chapter.title),
            introduction: Set(chapter.introduction),
            theme_id: Set(chapter.theme_id),
        }
        .insert(tx)
        .await?;
        for (i, practice_id) in chapter.practices.into_iter().enumerate() {
            compendium_entry::ActiveModel {
                chapter_id: Set(ch.id),
                practice_id: Set(practice_id),
                position: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            }
            .insert(tx)
            .await?;
        }
    }
    Ok(())
}
