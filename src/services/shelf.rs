//! A shelf of copies read from the database, each kept with the version it was read at: a
//! copy is used only while the version a request reads matches, so a change made through any
//! instance is seen by the next request everywhere. Shared by the content cache and the
//! people cache.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// Entries kept per shelf before they are all dropped (a bound on memory).
const MAX_ENTRIES: usize = 4096;

struct Slot<V, T: ?Sized> {
    version: V,
    value: Arc<T>,
}

pub(crate) struct Shelf<K, T: ?Sized, V = i64>(Mutex<HashMap<K, Slot<V, T>>>);

impl<K: Eq + Hash, T: ?Sized, V: PartialEq> Shelf<K, T, V> {
    pub(crate) fn new() -> Self {
        Shelf(Mutex::new(HashMap::new()))
    }

    /// The copy of `key` read at `version`, if kept.
    pub(crate) fn get(&self, key: &K, version: &V) -> Option<Arc<T>> {
        let map = self.0.lock().ok()?;
        map.get(key).filter(|s| s.version == *version).map(|s| s.value.clone())
    }

    pub(crate) fn put(&self, key: K, version: V, value: Arc<T>) {
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= MAX_ENTRIES {
                map.clear();
            }
            map.insert(key, Slot { version, value });
        }
    }
}

impl<K: Eq + Hash, T, V: PartialEq> Shelf<K, T, V> {
    /// The copy at `version`, else what `read` returns, kept. `read` is a future that runs
    /// only when awaited, so nothing is read on a hit.
    pub(crate) async fn get_or_read<E>(
        &self,
        key: K,
        version: V,
        read: impl std::future::Future<Output = Result<T, E>>,
    ) -> Result<Arc<T>, E> {
        if let Some(found) = self.get(&key, &version) {
            return Ok(found);
        }
        let value = Arc::new(read.await?);
        self.put(key, version, value.clone());
        Ok(value)
    }
}
