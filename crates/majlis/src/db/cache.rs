//! Read results kept per node until the content changes.
//!
//! Every content change writes an outbox row in its own transaction, so the
//! highest outbox id names the state of all content. A node reads that one
//! number per request (one indexed, one-row query) and serves what it loaded
//! under the same number; when the number moves, everything cached is dropped.
//! This holds across several nodes sharing one database, and a writer sees its
//! own change on its next request.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use sea_orm::{ConnectionTrait, DbErr};

/// The state of the content: the id of the last outbox row (0 when empty).
pub async fn content_version<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    Ok(super::scalar_i64(db, "SELECT MAX(id) FROM outbox", vec![])
        .await?
        .unwrap_or(0))
}

/// The content version as a node last read it for visitors, and when.
#[derive(Debug, Default)]
pub struct RecentVersion {
    window: std::time::Duration,
    last: Mutex<Option<(std::time::Instant, i64)>>,
}

impl RecentVersion {
    pub fn new(window: std::time::Duration) -> Self {
        RecentVersion {
            window,
            last: Mutex::new(None),
        }
    }

    /// The content version read within the window, else read now. A
    /// version is dated from before its read, so it is never kept longer
    /// than the window after the state it names.
    pub async fn read<C: ConnectionTrait>(&self, db: &C) -> Result<i64, DbErr> {
        if !self.window.is_zero() {
            let last = *self.last.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((at, v)) = last
                && at.elapsed() <= self.window
            {
                return Ok(v);
            }
        }
        self.read_now(db).await
    }

    /// Read the content version now, and share it with visitors' requests
    /// (a signed-in person's read moves visitors on too).
    pub async fn read_now<C: ConnectionTrait>(&self, db: &C) -> Result<i64, DbErr> {
        let asked = std::time::Instant::now();
        let v = content_version(db).await?;
        let mut last = self.last.lock().unwrap_or_else(|p| p.into_inner());
        if last.is_none_or(|(at, old)| at < asked && old <= v) {
            *last = Some((asked, v));
        }
        Ok(v)
    }
}

/// A bounded map from keys to loaded values, valid for one content version.
pub struct ChangeCache<K, V> {
    capacity: usize,
    inner: Mutex<Inner<K, V>>,
}

struct Inner<K, V> {
    version: i64,
    entries: HashMap<K, Arc<V>>,
}

impl<K: Eq + Hash + Clone, V> ChangeCache<K, V> {
    pub fn new(capacity: usize) -> Self {
        ChangeCache {
            capacity,
            inner: Mutex::new(Inner {
                version: -1,
                entries: HashMap::new(),
            }),
        }
    }

    /// The value for `key` as of `version`, loading it when absent.
    ///
    /// `version` must be read before loading, so a value is never older than
    /// the version it is filed under.
    pub async fn get_or_load<E, F, Fut>(&self, version: i64, key: &K, load: F) -> Result<Arc<V>, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        if let Some(v) = self.lookup(version, key) {
            return Ok(v);
        }
        Ok(self.keep(version, key, load().await?))
    }

    /// As [`ChangeCache::get_or_load`], for a value computed without waiting.
    pub fn get_or_compute<E>(
        &self,
        version: i64,
        key: &K,
        compute: impl FnOnce() -> Result<V, E>,
    ) -> Result<Arc<V>, E> {
        if let Some(v) = self.lookup(version, key) {
            return Ok(v);
        }
        Ok(self.keep(version, key, compute()?))
    }

    /// The value kept for `key` as of `version`, if any.
    pub fn get(&self, version: i64, key: &K) -> Option<Arc<V>> {
        self.lookup(version, key)
    }

    /// Keep `value`, loaded as of `version` (read before loading), for `key`.
    pub fn put(&self, version: i64, key: &K, value: V) -> Arc<V> {
        self.keep(version, key, value)
    }

    /// File a value loaded as of `version`, unless the content moved on.
    fn keep(&self, version: i64, key: &K, value: V) -> Arc<V> {
        let value = Arc::new(value);
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.version == version {
            if inner.entries.len() >= self.capacity {
                inner.entries.clear();
            }
            inner.entries.insert(key.clone(), value.clone());
        }
        value
    }

    fn lookup(&self, version: i64, key: &K) -> Option<Arc<V>> {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.version != version {
            // Content moved on (or this is the first use): start afresh. A
            // request that read an older version than the cache holds finds
            // nothing and loads for itself.
            if version > inner.version {
                inner.version = version;
                inner.entries.clear();
            }
            return None;
        }
        inner.entries.get(key).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn values_live_until_the_version_moves() {
        let cache: ChangeCache<&str, u32> = ChangeCache::new(2);
        let load = |n: u32| move || async move { Ok::<_, ()>(n) };
        assert_eq!(*cache.get_or_load(1, &"a", load(10)).await.unwrap(), 10);
        assert_eq!(
            *cache.get_or_load(1, &"a", load(11)).await.unwrap(),
            10,
            "cached"
        );
        assert_eq!(
            *cache.get_or_load(2, &"a", load(12)).await.unwrap(),
            12,
            "version moved"
        );
        assert_eq!(
            *cache.get_or_load(1, &"a", load(13)).await.unwrap(),
            13,
            "older reader loads itself"
        );
        assert_eq!(
            *cache.get_or_load(2, &"a", load(14)).await.unwrap(),
            12,
            "and does not disturb"
        );
        // Bounded: a third key empties the map first.
        cache.get_or_load(2, &"b", load(1)).await.unwrap();
        cache.get_or_load(2, &"c", load(1)).await.unwrap();
        assert_eq!(*cache.get_or_load(2, &"a", load(15)).await.unwrap(), 15);
        // Errors are not cached.
        assert!(
            cache
                .get_or_load(2, &"d", || async { Err::<u32, _>("x") })
                .await
                .is_err()
        );
        assert_eq!(*cache.get_or_load(2, &"d", load(4)).await.unwrap(), 4);
    }
}
