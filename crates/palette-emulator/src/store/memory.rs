//! An in-memory [`Store`]: a map behind a read-write lock.

use std::collections::HashMap;
use std::sync::RwLock;

use super::{Kind, Op, Record, Store, StoreError};

/// Keeps records in memory; everything is lost when the process ends.
#[derive(Debug, Default)]
pub struct MemoryStore {
    inner: RwLock<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    next_seq: u64,
    records: HashMap<(Kind, String), (u64, Record)>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Store for MemoryStore {
    fn get(&self, kind: Kind, uid: &str) -> Result<Option<Record>, StoreError> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        Ok(inner
            .records
            .get(&(kind, uid.to_owned()))
            .map(|(_, r)| r.clone()))
    }

    fn list(&self, kind: Kind) -> Result<Vec<Record>, StoreError> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        let mut found: Vec<&(u64, Record)> = inner
            .records
            .iter()
            .filter(|((k, _), _)| *k == kind)
            .map(|(_, v)| v)
            .collect();
        found.sort_by_key(|(seq, _)| *seq);
        Ok(found.into_iter().map(|(_, r)| r.clone()).collect())
    }

    fn apply(&self, ops: Vec<Op>) -> Result<(), StoreError> {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        for op in ops {
            match op {
                Op::Put(record) => {
                    let key = (record.kind, record.uid.clone());
                    let seq = match inner.records.get(&key) {
                        Some((seq, _)) => *seq,
                        None => {
                            inner.next_seq += 1;
                            inner.next_seq
                        }
                    };
                    inner.records.insert(key, (seq, record));
                }
                Op::Delete(kind, uid) => {
                    inner.records.remove(&(kind, uid));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(uid: &str, n: i64) -> Record {
        Record {
            kind: Kind::Profile,
            uid: uid.into(),
            project: String::new(),
            name: uid.into(),
            doc: json!({"n": n}),
        }
    }

    #[test]
    fn keeps_insertion_order_across_updates() {
        let store = MemoryStore::new();
        store
            .apply(vec![Op::Put(record("b", 1)), Op::Put(record("a", 1))])
            .unwrap();
        store.put(record("b", 2)).unwrap();
        let uids: Vec<String> = store
            .list(Kind::Profile)
            .unwrap()
            .into_iter()
            .map(|r| r.uid)
            .collect();
        assert_eq!(uids, ["b", "a"]);
        assert_eq!(store.get(Kind::Profile, "b").unwrap().unwrap().doc["n"], 2);
        store
            .apply(vec![Op::Delete(Kind::Profile, "b".into())])
            .unwrap();
        assert!(store.get(Kind::Profile, "b").unwrap().is_none());
        assert!(store.list(Kind::Cluster).unwrap().is_empty());
    }
}
