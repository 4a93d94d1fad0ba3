//! An in-memory [`Store`]: maps behind a read-write lock.
//!
//! Records are kept by kind and insertion number, so listing one kind walks only that kind's
//! records, oldest first, and a uid maps to its insertion number.

use std::collections::{BTreeMap, HashMap};
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
    /// The insertion number of each record, by kind and uid. An update keeps it.
    seqs: HashMap<Kind, HashMap<String, u64>>,
    /// The records by kind and insertion number.
    records: BTreeMap<(Kind, u64), Record>,
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
            .seqs
            .get(&kind)
            .and_then(|uids| uids.get(uid))
            .and_then(|seq| inner.records.get(&(kind, *seq)))
            .cloned())
    }

    fn list(&self, kind: Kind) -> Result<Vec<Record>, StoreError> {
        let inner = self.inner.read().unwrap_or_else(|e| e.into_inner());
        Ok(inner
            .records
            .range((kind, 0)..=(kind, u64::MAX))
            .map(|(_, r)| r.clone())
            .collect())
    }

    fn apply(&self, ops: Vec<Op>) -> Result<(), StoreError> {
        let mut inner = self.inner.write().unwrap_or_else(|e| e.into_inner());
        for op in ops {
            match op {
                Op::Put(record) => {
                    let kind = record.kind;
                    let known = inner
                        .seqs
                        .get(&kind)
                        .and_then(|uids| uids.get(&record.uid))
                        .copied();
                    let seq = match known {
                        Some(seq) => seq,
                        None => {
                            inner.next_seq += 1;
                            let seq = inner.next_seq;
                            inner
                                .seqs
                                .entry(kind)
                                .or_default()
                                .insert(record.uid.clone(), seq);
                            seq
                        }
                    };
                    inner.records.insert((kind, seq), record);
                }
                Op::Delete(kind, uid) => {
                    let seq = inner.seqs.get_mut(&kind).and_then(|uids| uids.remove(&uid));
                    if let Some(seq) = seq {
                        inner.records.remove(&(kind, seq));
                    }
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

    fn profile_uids(store: &MemoryStore) -> Vec<String> {
        let records = store.list(Kind::Profile).unwrap();
        records.into_iter().map(|r| r.uid).collect()
    }

    #[test]
    fn keeps_insertion_order_across_updates() {
        let store = MemoryStore::new();
        store
            .apply(vec![Op::Put(record("b", 1)), Op::Put(record("a", 1))])
            .unwrap();
        store.put(record("b", 2)).unwrap();
        assert_eq!(profile_uids(&store), ["b", "a"]);
        assert_eq!(store.get(Kind::Profile, "b").unwrap().unwrap().doc["n"], 2);
        store
            .apply(vec![Op::Delete(Kind::Profile, "b".into())])
            .unwrap();
        assert!(store.get(Kind::Profile, "b").unwrap().is_none());
        assert!(store.list(Kind::Cluster).unwrap().is_empty());
        assert!(store.get(Kind::Cluster, "a").unwrap().is_none());
        store
            .apply(vec![
                Op::Put(Record {
                    kind: Kind::Cluster,
                    ..record("a", 3)
                }),
                Op::Put(record("b", 4)),
            ])
            .unwrap();
        assert_eq!(profile_uids(&store), ["a", "b"]);
        assert_eq!(store.get(Kind::Cluster, "a").unwrap().unwrap().doc["n"], 3);
        assert_eq!(store.get(Kind::Profile, "a").unwrap().unwrap().doc["n"], 1);
    }
}
