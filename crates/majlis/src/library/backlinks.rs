//! What links to a practice or a library document from activities above the
//! library (events it was presented at, consultations where it was shared).
//! The library knows none of them: each provides a [`Find`] and the
//! application registers them at the top; a page asks each once (one
//! bounded query each), so a page's queries stay fixed in number. An event's
//! page keeps what it found per node, under the content version, per event
//! and reader ([`Registry::find_cached`]): every activity that registers
//! writes outbox rows when what it lists changes.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, DbErr};

use crate::db::cache::ChangeCache;
use crate::i18n::TrText;
use crate::policy::{Actor, ReaderKey, reader_key};

/// The library item whose backlinks are wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Linked {
    Practice(i32),
    Resource(i32),
}

/// One item that links to it, among those the reader may see.
#[derive(Clone, Debug)]
pub struct Backlink {
    pub title: TrText,
    /// The item's page (without `?lang=`).
    pub url: String,
    /// Shown as year and month, when the item has a date (an event's start).
    pub when: Option<DateTime<Utc>>,
    /// A Fluent id shown beside the link (a project idea's status).
    pub note: Option<&'static str>,
    /// A progress figure shown beside it (a project's action plan), whole percent.
    pub progress: Option<u8>,
}

/// The items of one activity that link to it, as a page section.
#[derive(Clone, Debug)]
pub struct Backlinks {
    /// Names the section (`linked-{section}` class and heading id).
    pub section: &'static str,
    /// Fluent id of the section's heading.
    pub heading: &'static str,
    pub links: Vec<Backlink>,
}

/// A read in progress.
pub type Finding<'a> = Pin<Box<dyn Future<Output = Result<Backlinks, DbErr>> + Send + 'a>>;

/// How one activity finds what of it links to an item (a library item by
/// default; an event for [`EventLinks`]).
pub type Find<K = Linked> = for<'a> fn(&'a DatabaseConnection, Option<&'a Actor>, K) -> Finding<'a>;

/// What a registry found, per item and reader.
type Found<K> = ChangeCache<(K, ReaderKey), Vec<Backlinks>>;

/// How many items' findings a registry keeps per node.
const CAPACITY: usize = 256;

/// The activities that link to items of one kind, registered at the top.
#[derive(Clone)]
pub struct Registry<K = Linked> {
    finders: Arc<[Find<K>]>,
    found: Arc<Found<K>>,
}

impl<K: Copy + Eq + std::hash::Hash> Default for Registry<K> {
    fn default() -> Self {
        Registry::new(Vec::new())
    }
}

/// An event whose backlinks are wanted (by its id): surveys prepared for it…
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LinkedEvent(pub i32);

/// What links to events from activities above events.
pub type EventLinks = Registry<LinkedEvent>;

impl<K: Copy + Eq + std::hash::Hash> Registry<K> {
    pub fn new(finders: Vec<Find<K>>) -> Self {
        Registry {
            finders: finders.into(),
            found: Arc::new(ChangeCache::new(CAPACITY)),
        }
    }

    /// As [`Registry::find`], kept per node under the content `version`
    /// read at the start of the request (see
    /// [`crate::db::cache::content_version`]): seen again, nothing is read.
    pub async fn find_cached(
        &self,
        db: &DatabaseConnection,
        version: i64,
        actor: Option<&Actor>,
        item: K,
    ) -> Result<Arc<Vec<Backlinks>>, DbErr> {
        self.found
            .get_or_load(version, &(item, reader_key(actor)), || {
                self.find(db, actor, item)
            })
            .await
    }

    /// Every non-empty section for `item`, in registration order (one
    /// query per registered activity).
    pub async fn find(
        &self,
        db: &DatabaseConnection,
        actor: Option<&Actor>,
        item: K,
    ) -> Result<Vec<Backlinks>, DbErr> {
        let mut out = Vec::new();
        for find in self.finders.iter() {
            let found = find(db, actor, item).await?;
            if !found.links.is_empty() {
                out.push(found);
            }
        }
        Ok(out)
    }
}
