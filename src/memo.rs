//! Single-flight memoisation of API lookups: the first caller of a key fetches, concurrent
//! callers of the same key wait for that fetch, and a failure is not kept. Pack and registry
//! lookups keep their answers for the process; plan-time checks keep theirs for one command.

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Keep a value for as long as the process runs.
pub(crate) const FOREVER: Duration = Duration::MAX;

/// One memoised value per key.
pub(crate) struct Memo<K, V> {
    slots: Mutex<HashMap<K, Slot<V>>>,
}

/// One key's value and when it was fetched; the async lock makes concurrent callers wait for
/// one fetch.
type Slot<V> = Arc<tokio::sync::Mutex<Option<(Instant, V)>>>;

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            slots: Mutex::new(HashMap::new()),
        }
    }
}

impl<K, V> fmt::Debug for Memo<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Memo").finish_non_exhaustive()
    }
}

impl<K: Eq + Hash + Clone, V: Clone> Memo<K, V> {
    /// The value of `key`, fetched unless one younger than `max_age` is kept.
    pub(crate) async fn get<E, F, Fut>(&self, key: &K, max_age: Duration, fetch: F) -> Result<V, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<V, E>>,
    {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(slots.entry(key.clone()).or_default())
        };
        let mut kept = slot.lock().await;
        if let Some((at, value)) = kept.as_ref()
            && at.elapsed() < max_age
        {
            return Ok(value.clone());
        }
        let value = fetch().await?;
        *kept = Some((Instant::now(), value.clone()));
        Ok(value)
    }

    /// Drops the value of `key`, so the next `get` fetches it.
    pub(crate) fn forget(&self, key: &K) {
        self.slots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }

    /// Drops the value of every key `which` selects.
    pub(crate) fn forget_where(&self, which: impl Fn(&K) -> bool) {
        self.slots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|key, _| !which(key));
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    #[tokio::test]
    async fn a_memo_fetches_once_per_key_and_again_after_forget() {
        let memo: Memo<&str, usize> = Memo::default();
        let fetches = AtomicUsize::new(0);
        let fetch = || async { Ok::<_, ()>(fetches.fetch_add(1, Ordering::SeqCst) + 1) };
        let age = Duration::from_secs(60);
        let (a, b) = tokio::join!(memo.get(&"k", age, fetch), memo.get(&"k", age, fetch));
        assert_eq!(
            (a.unwrap(), b.unwrap()),
            (1, 1),
            "concurrent callers share one fetch"
        );
        assert_eq!(memo.get(&"other", age, fetch).await.unwrap(), 2);
        memo.forget(&"k");
        assert_eq!(memo.get(&"k", age, fetch).await.unwrap(), 3);
        memo.forget_where(|k| k.starts_with('o'));
        assert_eq!(memo.get(&"k", age, fetch).await.unwrap(), 3, "kept");
        assert_eq!(
            memo.get(&"other", age, fetch).await.unwrap(),
            4,
            "forgotten"
        );
        memo.forget(&"k");
        assert_eq!(memo.get(&"k", age, fetch).await.unwrap(), 5);
        assert_eq!(
            memo.get(&"k", Duration::ZERO, fetch).await.unwrap(),
            6,
            "too old"
        );
        let failed: Result<usize, &str> = memo.get(&"bad", age, || async { Err("no") }).await;
        assert!(failed.is_err());
        assert_eq!(
            memo.get(&"bad", age, fetch).await.unwrap(),
            7,
            "failures are not kept"
        );
    }
}
