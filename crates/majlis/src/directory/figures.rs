//! What the activities above the directory count on the network's page
//! (project ideas and partnerships by status…). The directory knows none of
//! them: each provides a [`Count`] and the application registers them at
//! the top (`AppState`); the page asks each once, in a bounded number of
//! queries whatever the figures. What they counted is kept under the content
//! version (every activity counted writes outbox rows), per reader, so the
//! page seen again reads nothing more. Visitors share one entry.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};

use crate::db::cache::ChangeCache;
use crate::policy::{Actor, ReaderKey, reader_key};

/// One row of figures: a label, how many, and where they are listed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// Fluent id of the row's label (e.g. a status).
    pub label: &'static str,
    pub count: i64,
    /// The list of what was counted (without `?lang=`), if there is one.
    pub link: Option<String>,
}

/// One activity's figures, as a table on the network's page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    /// Names the table (`figures-{section}` class and heading id).
    pub section: &'static str,
    /// Fluent id of its heading.
    pub heading: &'static str,
    /// Fluent id of the first column's header (what the rows are).
    pub row_header: &'static str,
    /// Fluent id of the count column's header.
    pub count_header: &'static str,
    pub rows: Vec<Figure>,
}

impl Figures {
    pub fn total(&self) -> i64 {
        self.rows.iter().map(|r| r.count).sum()
    }
}

/// A count in progress.
pub type Counting<'a> = Pin<Box<dyn Future<Output = Result<Figures, DbErr>> + Send + 'a>>;

/// How one activity counts what of it the network's page shows to a reader.
pub type Count =
    Arc<dyn for<'a> Fn(&'a DatabaseConnection, Option<&'a Actor>) -> Counting<'a> + Send + Sync>;

/// A [`Count`] from a closure (naming the lifetimes the type needs).
pub fn counter<F>(f: F) -> Count
where
    F: for<'a> Fn(&'a DatabaseConnection, Option<&'a Actor>) -> Counting<'a>
        + Send
        + Sync
        + 'static,
{
    Arc::new(f)
}

const CAPACITY: usize = 256;

/// The activities counted on the network's page, registered at the top.
#[derive(Clone)]
pub struct NetworkFigures {
    counters: Arc<[Count]>,
    found: Arc<ChangeCache<ReaderKey, Vec<Figures>>>,
}

impl Default for NetworkFigures {
    fn default() -> Self {
        NetworkFigures::new(Vec::new())
    }
}

impl NetworkFigures {
    pub fn new(counters: Vec<Count>) -> Self {
        NetworkFigures {
            counters: counters.into(),
            found: Arc::new(ChangeCache::new(CAPACITY)),
        }
    }

    /// Every table, in registration order, as of the content `version`
    /// read at the start of the request (see
    /// [`crate::db::cache::content_version`]).
    pub async fn find(
        &self,
        db: &DatabaseConnection,
        version: i64,
        actor: Option<&Actor>,
    ) -> Result<Arc<Vec<Figures>>, DbErr> {
        self.found
            .get_or_load(version, &reader_key(actor), || async {
                let mut out = Vec::new();
                for count in self.counters.iter() {
                    out.push(count(db, actor).await?);
                }
                Ok(out)
            })
            .await
    }
}
