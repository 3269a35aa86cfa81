//! What the activities above the directory list on a municipality's page
//! (its project ideas, partnerships, action plans…). The directory knows none of them: each provides a
//! [`Find`] and the application registers them at the top (`AppState`); the
//! page asks each once, in one bounded read, so its queries stay fixed in
//! number whatever a municipality has. What they found is kept under the
//! content version (every activity listed writes outbox rows), per
//! municipality and reader, so a page seen again reads nothing more.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};

use crate::db::cache::ChangeCache;
use crate::i18n::TrText;
use crate::policy::{Actor, ReaderKey, reader_key};

/// The municipality whose page is shown (its id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LinkedMunicipality(pub i32);

/// One item, among those the reader may see.
#[derive(Clone, Debug)]
pub struct Item {
    pub title: TrText,
    /// The item's page (without `?lang=`).
    pub url: String,
    /// A progress in whole percent, when the section shows one.
    pub percent: Option<u8>,
    /// A note beside it (Fluent id), e.g. that its figures are illustrative.
    pub note: Option<&'static str>,
    /// Where it stands (Fluent id of a status label), shown as a badge:
    /// an idea's status, a partnership's.
    pub status: Option<String>,
}

/// One activity's items, as a page section.
#[derive(Clone, Debug)]
pub struct Linked {
    /// Names the section (`linked-{section}` class and heading id).
    pub section: &'static str,
    /// Fluent id of the section's heading.
    pub heading: &'static str,
    /// Fluent id shown for an item without a percent; `None`: the section
    /// shows no percents.
    pub no_percent: Option<&'static str>,
    pub items: Vec<Item>,
}

impl Linked {
    pub fn shows_percent(&self) -> bool {
        self.no_percent.is_some()
    }
}

/// A read in progress.
pub type Finding<'a> = Pin<Box<dyn Future<Output = Result<Linked, DbErr>> + Send + 'a>>;

/// How one activity finds what of it a municipality's page lists (a
/// closure, so it may hold what the application registered for it).
pub type Find = Arc<
    dyn for<'a> Fn(&'a DatabaseConnection, Option<&'a Actor>, LinkedMunicipality) -> Finding<'a>
        + Send
        + Sync,
>;

/// A [`Find`] from a closure (naming the lifetimes the type needs).
pub fn finder<F>(f: F) -> Find
where
    F: for<'a> Fn(&'a DatabaseConnection, Option<&'a Actor>, LinkedMunicipality) -> Finding<'a>
        + Send
        + Sync
        + 'static,
{
    Arc::new(f)
}

const CAPACITY: usize = 256;

/// The activities listed on municipality pages, registered at the top.
#[derive(Clone)]
pub struct MunicipalityLinks {
    finders: Arc<[Find]>,
    found: Arc<ChangeCache<(i32, ReaderKey), Vec<Linked>>>,
}

impl Default for MunicipalityLinks {
    fn default() -> Self {
        MunicipalityLinks::new(Vec::new())
    }
}

impl MunicipalityLinks {
    pub fn new(finders: Vec<Find>) -> Self {
        MunicipalityLinks {
            finders: finders.into(),
            found: Arc::new(ChangeCache::new(CAPACITY)),
        }
    }

    /// Every non-empty section, in registration order, as of the content
    /// `version` read at the start of the request (see
    /// [`crate::db::cache::content_version`]).
    pub async fn find(
        &self,
        db: &DatabaseConnection,
        version: i64,
        actor: Option<&Actor>,
        m: LinkedMunicipality,
    ) -> Result<Arc<Vec<Linked>>, DbErr> {
        self.found
            .get_or_load(version, &(m.0, reader_key(actor)), || async {
                let mut out = Vec::new();
                for find in self.finders.iter() {
                    let found = find(db, actor, m).await?;
                    if !found.items.is_empty() {
                        out.push(found);
                    }
                }
                Ok(out)
            })
            .await
    }
}
