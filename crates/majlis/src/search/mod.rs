//! Search across the network's content, on the `majlis-search` crate.
//!
//! Each node keeps its own index under `data_dir/search/` and follows the
//! outbox with its own cursor, stored beside the index (`cursor`): the index
//! and the position it has reached live and die together. A missing or
//! corrupt index is rebuilt from the database at start. Permissions are part
//! of every query (`audience`), so hits and facet counts never include what
//! the reader may not see.

pub mod documents;
pub mod results;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use majlis_search::{Opened, SearchIndex};
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use tokio::sync::Mutex;

use crate::db::Db;
use crate::db::cache::content_version;
use crate::db::outbox;
use crate::policy::{Action, Actor, Visibility, can};
pub use documents::{Catalogue, Follow, Source};

/// Outbox rows handled per round.
const BATCH: u64 = 500;

/// Why the index could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error(transparent)]
    Index(#[from] majlis_search::Error),
    #[error(transparent)]
    Db(#[from] DbErr),
    #[error("search cursor file: {0}")]
    Io(#[from] std::io::Error),
}

/// The node's index and how far into the outbox it has read.
pub struct Search {
    pub index: SearchIndex,
    /// The kinds of content the index holds and how to read them.
    catalogue: Catalogue,
    cursor_file: Option<PathBuf>,
    /// Held while the index is being changed (one writer per node).
    writing: Mutex<i64>,
    /// Related panels found, per page, audience and language, kept while
    /// the index stays at the same generation ([`results::related`]).
    pub(crate) related: crate::db::cache::ChangeCache<RelatedKey, Vec<results::Item>>,
}

/// A related panel: the page's document, the reader's audiences, the language.
pub(crate) type RelatedKey = (String, Vec<String>, crate::i18n::Locale);

/// How many related panels a node keeps.
const RELATED_KEPT: usize = 1024;

/// The audiences a reader belongs to: the visibilities they may read, and
/// for participants-only items their own `person:{id}` (and `staff`).
pub fn audience_of(actor: Option<&Actor>) -> Vec<String> {
    let mut out: Vec<String> = [
        (Visibility::Public, "public"),
        (Visibility::Members, "members"),
    ]
    .into_iter()
    .filter(|(v, _)| can(actor, Action::View(*v)))
    .map(|(_, code)| code.to_owned())
    .collect();
    if let Some(a) = actor {
        out.push(format!("person:{}", a.person_id));
        if a.is_staff() {
            out.push("staff".to_owned());
        }
    }
    out
}

fn read_cursor(path: &Path) -> i64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

impl Search {
    /// Open (or create) the index under `dir`. A fresh index starts at
    /// outbox position 0, which makes [`Search::catch_up`] rebuild it.
    pub fn open(dir: &Path, catalogue: Catalogue) -> Result<(Search, Opened), SearchError> {
        std::fs::create_dir_all(dir)?;
        let (index, opened) = SearchIndex::open_or_rebuild(dir.join("index"))?;
        let cursor_file = dir.join("cursor");
        let position = match opened {
            Opened::Fresh => {
                let _ = std::fs::remove_file(&cursor_file);
                0
            }
            Opened::Existing => read_cursor(&cursor_file),
        };
        Ok((
            Search {
                index: index.with_vocabulary((catalogue.vocabulary)()),
                catalogue,
                cursor_file: Some(cursor_file),
                writing: Mutex::new(position),
                related: crate::db::cache::ChangeCache::new(RELATED_KEPT),
            },
            opened,
        ))
    }

    /// An index in memory (tests, tools).
    pub fn in_memory(catalogue: Catalogue) -> Result<Search, SearchError> {
        Ok(Search {
            index: SearchIndex::in_memory()?.with_vocabulary((catalogue.vocabulary)()),
            catalogue,
            cursor_file: None,
            writing: Mutex::new(0),
            related: crate::db::cache::ChangeCache::new(RELATED_KEPT),
        })
    }

    /// The kinds of content the index holds.
    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    /// The outbox position the index has reached.
    pub async fn position(&self) -> i64 {
        *self.writing.lock().await
    }

    fn save_cursor(&self, position: i64) -> Result<(), SearchError> {
        if let Some(path) = &self.cursor_file {
            let tmp = path.with_extension("tmp");
            std::fs::write(&tmp, position.to_string())?;
            std::fs::rename(&tmp, path)?;
        }
        Ok(())
    }

    /// Index everything anew. `progress(done, total)` is called as it goes.
    pub async fn rebuild(
        &self,
        db: &Db,
        progress: impl Fn(usize, usize),
    ) -> Result<usize, SearchError> {
        let mut position = self.writing.lock().await;
        // Read the version first: changes after it are replayed by catch_up.
        let version = content_version(db.read()).await?;
        let docs = self.catalogue.all(db.read()).await?;
        let total = docs.len();
        self.index.clear()?;
        for (i, d) in docs.iter().enumerate() {
            self.index.upsert(d)?;
            if i % 50 == 0 {
                progress(i, total);
            }
        }
        self.index.commit()?;
        // One segment answers faster than the several a bulk load writes.
        self.index.compact()?;
        progress(total, total);
        self.save_cursor(version)?;
        *position = version;
        Ok(total)
    }

    /// Apply the outbox rows written since the index's position (a fresh
    /// index is rebuilt instead). Returns how many rows were read.
    pub async fn catch_up(&self, db: &Db) -> Result<usize, SearchError> {
        let version = content_version(db.read()).await?;
        let position = self.position().await;
        // A fresh index, or one ahead of the database (the data folder now
        // points at another or a restored database): rebuild.
        if (position == 0 && version > 0) || position > version {
            self.rebuild(db, |_, _| {}).await?;
            return Ok(0);
        }
        let mut position = self.writing.lock().await;
        let mut read = 0;
        loop {
            let rows = changes_after(db.read(), *position, BATCH).await?;
            if rows.is_empty() {
                break;
            }
            let themes = (self.catalogue.theme_slugs)(db.read()).await?;
            let last = rows.last().map_or(*position, |r| r.id);
            let mut seen = std::collections::HashSet::new();
            for r in &rows {
                let Ok(id) = r.entity_id.parse::<i32>() else {
                    continue;
                };
                // The row's own document, then those that follow its entity.
                let mut docs = vec![(r.entity.clone(), id)];
                for (kind, doc) in self.catalogue.following(db.read(), &r.entity, id).await? {
                    docs.push((kind.to_owned(), doc));
                }
                for (entity, id) in docs {
                    if !seen.insert((entity.clone(), id)) {
                        continue;
                    }
                    if let Some(doc) = self.catalogue.one(db.read(), &themes, &entity, id).await? {
                        let key = format!("{entity}:{id}");
                        match doc {
                            Some(d) => self.index.upsert(d)?,
                            None => self.index.delete(&key)?,
                        }
                    }
                }
            }
            self.index.commit()?;
            self.save_cursor(last)?;
            *position = last;
            read += rows.len();
            if (rows.len() as u64) < BATCH {
                break;
            }
        }
        Ok(read)
    }

    /// Follow the outbox: a change is searchable within about half a second.
    pub fn spawn(self: Arc<Self>, db: Db) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            loop {
                if let Err(e) = self.catch_up(&db).await {
                    tracing::warn!(error = %e, "search index did not catch up; will retry");
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        })
    }
}

async fn changes_after<C: ConnectionTrait>(
    db: &C,
    position: i64,
    limit: u64,
) -> Result<Vec<outbox::entity::Model>, DbErr> {
    use sea_orm::ColumnTrait;
    outbox::entity::Entity::find()
        .filter(outbox::entity::Column::Id.gt(position))
        .order_by_asc(outbox::entity::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

#[cfg(test)]
mod tests {
    use crate::policy::{Actor, Role};

    /// A stored coordinator, with or without two-step sign-in.
    fn coordinator(second_factor: bool) -> Actor {
        Actor::new(7, "coordinator", second_factor, vec![])
    }

    #[test]
    fn staff_without_a_second_factor_search_as_members() {
        let with = coordinator(true);
        let without = coordinator(false);
        let member = Actor::with_role(7, Role::Member, vec![]);
        assert!(super::audience_of(Some(&with)).contains(&"staff".to_owned()));
        assert_eq!(
            super::audience_of(Some(&without)),
            super::audience_of(Some(&member)),
            "no participants-only items of others, no staff-only ones"
        );
    }
}
