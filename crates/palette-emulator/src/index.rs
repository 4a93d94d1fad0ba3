//! Indexes kept beside the store, so that reading one object costs the same whatever else is
//! stored.
//!
//! Rendering a cluster profile names the other versions of its name and the live clusters that
//! use it; checking a new profile or cluster needs the objects of the same name. Answering those
//! from [`Store::list`] means reading (and, in SQLite, parsing) every profile or cluster and
//! every cluster's deployment plan. [`IndexedStore`] wraps the backend instead: it builds a few
//! small maps from the stored documents when the emulator starts and updates them on every
//! [`Store::apply`], under one lock, so they always describe what is stored. Nothing of it is
//! persisted; after a restart it is rebuilt from the documents, so SQLite files stay as they
//! were.
//!
//! What is indexed, and from which field:
//! - profiles by (project, name), with their version (`spec.version`, read by
//!   [`cluster_profiles::version_of`](crate::routes::cluster_profiles::version_of));
//! - clusters by (project, name) and by attached profile uid (read by
//!   [`clusters::profile_uids`](crate::routes::clusters::profile_uids));
//! - when each cluster's deletion completes (`deletedAt` of its deployment plan, whose uid is
//!   the cluster's), which is what decides whether a cluster is live.
//!
//! Entries are listed in the order the backends list records: by first insertion, an update
//! keeping the place and a delete giving it up.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, RwLock, RwLockWriteGuard};

use serde_json::Value;

use crate::routes::{cluster_profiles, clusters};
use crate::store::{Kind, Op, Record, Store, StoreError};

/// A store whose writes also keep the indexes of this module up to date.
pub struct IndexedStore {
    inner: Arc<dyn Store>,
    index: RwLock<Index>,
}

/// One version of a profile name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileVersion {
    /// The uid of that version's object.
    pub uid: String,
    /// Its version string.
    pub version: String,
}

/// A live cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterRef {
    /// Its uid.
    pub uid: String,
    /// Its name.
    pub name: String,
    /// The uid of its project.
    pub project: String,
}

/// A cluster whose deployment plan is not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingPlan(pub String);

/// Uids in storage order.
type Ordered = BTreeMap<u64, String>;

#[derive(Debug, Default)]
struct Index {
    next_seq: u64,
    profiles: HashMap<String, ProfileEntry>,
    profiles_by_name: HashMap<(String, String), Ordered>,
    clusters: HashMap<String, ClusterEntry>,
    clusters_by_name: HashMap<(String, String), Ordered>,
    clusters_by_profile: HashMap<String, Ordered>,
    /// The `deletedAt` of each stored deployment plan, by cluster uid.
    deleted_at: HashMap<String, Option<i64>>,
}

#[derive(Debug)]
struct ProfileEntry {
    seq: u64,
    project: String,
    name: String,
    version: String,
}

#[derive(Debug)]
struct ClusterEntry {
    seq: u64,
    project: String,
    name: String,
    profiles: Vec<String>,
}

/// What one [`Op`] changes in the index, taken from the op before the backend consumes it.
enum Change {
    Profile {
        uid: String,
        project: String,
        name: String,
        version: String,
    },
    Cluster {
        uid: String,
        project: String,
        name: String,
        profiles: Vec<String>,
    },
    Plan {
        uid: String,
        deleted_at: Option<i64>,
    },
    Delete(Kind, String),
    None,
}

impl Change {
    fn of(op: &Op) -> Self {
        match op {
            Op::Put(record) => Self::of_record(record),
            Op::Delete(kind, uid) => Self::Delete(*kind, uid.clone()),
        }
    }

    fn of_record(record: &Record) -> Self {
        match record.kind {
            Kind::Profile => Self::Profile {
                uid: record.uid.clone(),
                project: record.project.clone(),
                name: record.name.clone(),
                version: cluster_profiles::version_of(record).to_owned(),
            },
            Kind::Cluster => Self::Cluster {
                uid: record.uid.clone(),
                project: record.project.clone(),
                name: record.name.clone(),
                profiles: clusters::profile_uids(record),
            },
            Kind::Deployment => Self::Plan {
                uid: record.uid.clone(),
                deleted_at: record.doc.get("deletedAt").and_then(Value::as_i64),
            },
            _ => Self::None,
        }
    }
}

fn unlink(map: &mut HashMap<(String, String), Ordered>, key: (String, String), seq: u64) {
    if let Some(set) = map.get_mut(&key) {
        set.remove(&seq);
        if set.is_empty() {
            map.remove(&key);
        }
    }
}

fn unlink_profile(map: &mut HashMap<String, Ordered>, profile: &str, seq: u64) {
    if let Some(set) = map.get_mut(profile) {
        set.remove(&seq);
        if set.is_empty() {
            map.remove(profile);
        }
    }
}

impl Index {
    fn seq_for(&mut self, existing: Option<u64>) -> u64 {
        existing.unwrap_or_else(|| {
            self.next_seq += 1;
            self.next_seq
        })
    }

    fn remove_profile(&mut self, uid: &str) -> Option<u64> {
        let old = self.profiles.remove(uid)?;
        unlink(&mut self.profiles_by_name, (old.project, old.name), old.seq);
        Some(old.seq)
    }

    fn remove_cluster(&mut self, uid: &str) -> Option<u64> {
        let old = self.clusters.remove(uid)?;
        unlink(&mut self.clusters_by_name, (old.project, old.name), old.seq);
        for profile in &old.profiles {
            unlink_profile(&mut self.clusters_by_profile, profile, old.seq);
        }
        Some(old.seq)
    }

    fn change(&mut self, change: Change) {
        match change {
            Change::Profile {
                uid,
                project,
                name,
                version,
            } => {
                let existing = self.remove_profile(&uid);
                let seq = self.seq_for(existing);
                self.profiles_by_name
                    .entry((project.clone(), name.clone()))
                    .or_default()
                    .insert(seq, uid.clone());
                self.profiles.insert(
                    uid,
                    ProfileEntry {
                        seq,
                        project,
                        name,
                        version,
                    },
                );
            }
            Change::Cluster {
                uid,
                project,
                name,
                profiles,
            } => {
                let existing = self.remove_cluster(&uid);
                let seq = self.seq_for(existing);
                self.clusters_by_name
                    .entry((project.clone(), name.clone()))
                    .or_default()
                    .insert(seq, uid.clone());
                for profile in &profiles {
                    self.clusters_by_profile
                        .entry(profile.clone())
                        .or_default()
                        .insert(seq, uid.clone());
                }
                self.clusters.insert(
                    uid,
                    ClusterEntry {
                        seq,
                        project,
                        name,
                        profiles,
                    },
                );
            }
            Change::Plan { uid, deleted_at } => {
                self.deleted_at.insert(uid, deleted_at);
            }
            Change::Delete(Kind::Profile, uid) => {
                self.remove_profile(&uid);
            }
            Change::Delete(Kind::Cluster, uid) => {
                self.remove_cluster(&uid);
            }
            Change::Delete(Kind::Deployment, uid) => {
                self.deleted_at.remove(&uid);
            }
            Change::Delete(..) | Change::None => {}
        }
    }

    /// The clusters among `uids` (in storage order) that are live at `now`.
    fn live<'a>(
        &self,
        uids: impl Iterator<Item = &'a String>,
        now: i64,
    ) -> Result<Vec<ClusterRef>, MissingPlan> {
        let mut out = Vec::new();
        for uid in uids {
            let Some(cluster) = self.clusters.get(uid) else {
                continue;
            };
            match self.deleted_at.get(uid) {
                None => return Err(MissingPlan(uid.clone())),
                Some(Some(deleted)) if now >= *deleted => {}
                Some(_) => out.push(ClusterRef {
                    uid: uid.clone(),
                    name: cluster.name.clone(),
                    project: cluster.project.clone(),
                }),
            }
        }
        Ok(out)
    }
}

impl IndexedStore {
    /// Wraps `inner`, indexing what it already holds.
    pub fn new(inner: Arc<dyn Store>) -> Result<Self, StoreError> {
        let mut index = Index::default();
        for kind in [Kind::Profile, Kind::Cluster, Kind::Deployment] {
            for record in inner.list(kind)? {
                index.change(Change::of_record(&record));
            }
        }
        Ok(Self {
            inner,
            index: RwLock::new(index),
        })
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, Index> {
        self.index.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Index> {
        self.index.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Every profile of `name` owned by `project`, in storage order.
    pub fn profile_versions(&self, project: &str, name: &str) -> Vec<ProfileVersion> {
        let index = self.read();
        let Some(uids) = index
            .profiles_by_name
            .get(&(project.to_owned(), name.to_owned()))
        else {
            return Vec::new();
        };
        uids.values()
            .filter_map(|uid| {
                index.profiles.get(uid).map(|p| ProfileVersion {
                    uid: uid.clone(),
                    version: p.version.clone(),
                })
            })
            .collect()
    }

    /// The clusters live at `now` that use the profile `uid`, in storage order.
    pub fn clusters_using(&self, uid: &str, now: i64) -> Result<Vec<ClusterRef>, MissingPlan> {
        let index = self.read();
        match index.clusters_by_profile.get(uid) {
            Some(uids) => index.live(uids.values(), now),
            None => Ok(Vec::new()),
        }
    }

    /// The clusters live at `now` called `name` in `project`, in storage order.
    pub fn clusters_named(
        &self,
        project: &str,
        name: &str,
        now: i64,
    ) -> Result<Vec<ClusterRef>, MissingPlan> {
        let index = self.read();
        match index
            .clusters_by_name
            .get(&(project.to_owned(), name.to_owned()))
        {
            Some(uids) => index.live(uids.values(), now),
            None => Ok(Vec::new()),
        }
    }
}

impl Store for IndexedStore {
    fn get(&self, kind: Kind, uid: &str) -> Result<Option<Record>, StoreError> {
        self.inner.get(kind, uid)
    }

    fn list(&self, kind: Kind) -> Result<Vec<Record>, StoreError> {
        self.inner.list(kind)
    }

    fn apply(&self, ops: Vec<Op>) -> Result<(), StoreError> {
        let changes: Vec<Change> = ops.iter().map(Change::of).collect();
        // The lock is held across the write so that no reader sees the index and the store
        // disagree; readers of the index never wait on the store while holding it.
        let mut index = self.write();
        self.inner.apply(ops)?;
        for change in changes {
            index.change(change);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::memory::MemoryStore;
    use serde_json::json;

    fn profile(uid: &str, name: &str, version: &str) -> Op {
        Op::Put(Record {
            kind: Kind::Profile,
            uid: uid.into(),
            project: "p".into(),
            name: name.into(),
            doc: json!({"spec": {"version": version}}),
        })
    }

    fn cluster(uid: &str, name: &str, profiles: &[&str]) -> Op {
        let entries: Vec<Value> = profiles.iter().map(|p| json!({"uid": p})).collect();
        Op::Put(Record {
            kind: Kind::Cluster,
            uid: uid.into(),
            project: "p".into(),
            name: name.into(),
            doc: json!({"_emu": {"profiles": entries}}),
        })
    }

    fn plan(uid: &str, deleted_at: Option<i64>) -> Op {
        Op::Put(Record {
            kind: Kind::Deployment,
            uid: uid.into(),
            project: "p".into(),
            name: uid.into(),
            doc: json!({"deletedAt": deleted_at}),
        })
    }

    fn uids(clusters: Vec<ClusterRef>) -> Vec<String> {
        clusters.into_iter().map(|c| c.uid).collect()
    }

    #[test]
    fn follows_writes_and_matches_a_rebuild() {
        let backend: Arc<dyn Store> = Arc::new(MemoryStore::new());
        let store = IndexedStore::new(backend.clone()).unwrap();
        store
            .apply(vec![
                profile("a1", "a", "1.0.0"),
                profile("b1", "b", "1.0.0"),
                profile("a2", "a", "2.0.0"),
                cluster("c1", "one", &["a1", "b1"]),
                plan("c1", None),
                cluster("c2", "two", &["a1"]),
                plan("c2", Some(100)),
                cluster("c3", "three", &["b1"]),
            ])
            .unwrap();
        let versions = |s: &IndexedStore| -> Vec<(String, String)> {
            s.profile_versions("p", "a")
                .into_iter()
                .map(|v| (v.uid, v.version))
                .collect()
        };
        assert_eq!(
            versions(&store),
            [("a1".into(), "1.0.0".into()), ("a2".into(), "2.0.0".into())]
        );
        assert!(store.profile_versions("other", "a").is_empty());
        // c2's deletion completes at 100; c3 has no plan, which is an error only when asked.
        assert_eq!(uids(store.clusters_using("a1", 99).unwrap()), ["c1", "c2"]);
        assert_eq!(uids(store.clusters_using("a1", 100).unwrap()), ["c1"]);
        assert_eq!(store.clusters_using("b1", 0), Err(MissingPlan("c3".into())));
        assert_eq!(uids(store.clusters_named("p", "two", 0).unwrap()), ["c2"]);

        // Updates keep the place; a changed version and changed profiles are followed.
        store
            .apply(vec![
                profile("a1", "a", "1.5.0"),
                cluster("c1", "one", &["a2"]),
                plan("c3", None),
                Op::Delete(Kind::Cluster, "c2".into()),
            ])
            .unwrap();
        assert_eq!(
            versions(&store),
            [("a1".into(), "1.5.0".into()), ("a2".into(), "2.0.0".into())]
        );
        assert!(store.clusters_using("a1", 0).unwrap().is_empty());
        assert_eq!(uids(store.clusters_using("a2", 0).unwrap()), ["c1"]);
        assert_eq!(uids(store.clusters_using("b1", 0).unwrap()), ["c3"]);
        assert!(store.clusters_named("p", "two", 0).unwrap().is_empty());

        // A delete gives up the place: re-created, a1 comes after a2.
        store
            .apply(vec![Op::Delete(Kind::Profile, "a1".into())])
            .unwrap();
        store.apply(vec![profile("a1", "a", "1.0.0")]).unwrap();
        let expected = [("a2".into(), "2.0.0".into()), ("a1".into(), "1.0.0".into())];
        assert_eq!(versions(&store), expected);

        // A fresh index over the same backend agrees.
        let rebuilt = IndexedStore::new(backend).unwrap();
        assert_eq!(versions(&rebuilt), expected);
        assert_eq!(uids(rebuilt.clusters_using("a2", 0).unwrap()), ["c1"]);
        assert_eq!(uids(rebuilt.clusters_using("b1", 0).unwrap()), ["c3"]);
    }
}
