//! The event pages as readers see them, cached per node until the content
//! changes (see [`crate::db::cache`]). Registrations write outbox rows, so a
//! sign-up moves the cache on like any other change.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::DbErr;

use super::entities::event_series;
use super::rules::{self, EventCard, EventDetail, EventFilter, visible_codes};
use crate::db::Db;
use crate::db::cache::ChangeCache;
use crate::directory::reference::Reference;
use crate::fields::paging::{Page, PageRequest};
use crate::policy::Actor;

const CAPACITY: usize = 256;

type ListKey = (EventFilter, PageRequest, Vec<&'static str>, i64);

/// Cached reads of the event list and event pages.
pub struct EventCache {
    lists: ChangeCache<ListKey, Page<EventCard>>,
    details: ChangeCache<(String, Vec<&'static str>), Option<EventDetail>>,
    series: ChangeCache<(), Vec<event_series::Model>>,
    /// Per set of visibilities the reader may see.
    countries: ChangeCache<Vec<&'static str>, Vec<String>>,
}

impl Default for EventCache {
    fn default() -> Self {
        EventCache {
            lists: ChangeCache::new(CAPACITY),
            details: ChangeCache::new(CAPACITY),
            series: ChangeCache::new(1),
            countries: ChangeCache::new(2),
        }
    }
}

impl EventCache {
    /// The content version a request reads first (one indexed query; for
    /// a visitor, possibly one read within the node's visitor window).
    pub async fn version(&self, db: &Db, actor: Option<&Actor>) -> Result<i64, DbErr> {
        db.content_version(actor.is_some()).await
    }

    /// A page of the event list. "Upcoming" and "past" move with the clock:
    /// entries are kept per minute.
    #[allow(clippy::too_many_arguments)]
    pub async fn list(
        &self,
        db: &Db,
        reference: &Reference,
        version: i64,
        actor: Option<&Actor>,
        filter: &EventFilter,
        page: PageRequest,
        now: DateTime<Utc>,
    ) -> Result<Arc<Page<EventCard>>, DbErr> {
        let minute = now.timestamp().div_euclid(60);
        let at = DateTime::from_timestamp(minute * 60, 0).unwrap_or(now);
        let key = (filter.clone(), page, visible_codes(actor), minute);
        self.lists
            .get_or_load(version, &key, || {
                rules::list_events(db.read(), reference, actor, filter, page, at)
            })
            .await
    }

    /// The list a reader gets without choosing a time tab: the upcoming
    /// events, or, when none is to come, the past ones (the `When` says which
    /// was shown). A chosen tab is shown as chosen.
    #[allow(clippy::too_many_arguments)]
    pub async fn list_or_past(
        &self,
        db: &Db,
        reference: &Reference,
        version: i64,
        actor: Option<&Actor>,
        filter: &EventFilter,
        chosen: bool,
        page: PageRequest,
        now: DateTime<Utc>,
    ) -> Result<(Arc<Page<EventCard>>, rules::When), DbErr> {
        let shown = self
            .list(db, reference, version, actor, filter, page, now)
            .await?;
        if chosen || filter.when != rules::When::Upcoming || shown.total > 0 {
            return Ok((shown, filter.when));
        }
        let past = EventFilter {
            when: rules::When::Past,
            ..filter.clone()
        };
        let shown = self
            .list(db, reference, version, actor, &past, page, now)
            .await?;
        Ok((shown, rules::When::Past))
    }

    /// An event page for this reader: the shared part from the cache, then
    /// the reader's own registration (one query when signed in).
    pub async fn detail(
        &self,
        db: &Db,
        reference: &Reference,
        version: i64,
        actor: Option<&Actor>,
        slug: &str,
    ) -> Result<Option<EventDetail>, DbErr> {
        let codes = visible_codes(actor);
        let shared = self
            .details
            .get_or_load(version, &(slug.to_owned(), codes.clone()), || {
                rules::shared_detail(db.read(), reference, &codes, slug)
            })
            .await?;
        let Some(d) = shared.as_ref() else {
            return Ok(None);
        };
        let mut d = d.clone();
        rules::for_viewer(db.read(), actor, &mut d).await?;
        Ok(Some(d))
    }

    pub async fn series(
        &self,
        db: &Db,
        version: i64,
    ) -> Result<Arc<Vec<event_series::Model>>, DbErr> {
        self.series
            .get_or_load(version, &(), || rules::all_series(db.read()))
            .await
    }

    /// Countries the events `actor` may see are held in.
    pub async fn countries(
        &self,
        db: &Db,
        reference: &Reference,
        version: i64,
        actor: Option<&Actor>,
    ) -> Result<Arc<Vec<String>>, DbErr> {
        self.countries
            .get_or_load(version, &visible_codes(actor), || {
                rules::event_countries(db.read(), reference, actor, Utc::now())
            })
            .await
    }
}
