//! Persistence: the [`Store`] trait and its two backends.
//!
//! The emulator keeps every API object as a JSON document in a [`Record`], keyed by its
//! [`Kind`] and uid, with the owning project and the name beside it for quick filtering.
//! [`sqlite::SqliteStore`] keeps them in a SQLite file (state survives a restart);
//! [`memory::MemoryStore`] keeps them in a map for runs without `--db`.

pub mod memory;
pub mod sqlite;

use serde_json::Value;

/// What kind of object a record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A project.
    Project,
    /// A pack registry.
    Registry,
    /// One version of one pack in a registry.
    Pack,
    /// One version of a cluster profile.
    Profile,
    /// A cloud account of any environment.
    CloudAccount,
    /// A cluster (`spectrocluster`).
    Cluster,
    /// The cloud config of a cluster (cluster-level settings and machine pools).
    CloudConfig,
    /// The deployment plan of a cluster: what the simulator has scheduled and when.
    Deployment,
    /// An edge host.
    EdgeHost,
    /// An SSH key (a user asset).
    SshKey,
    /// A backup storage location of any type.
    Location,
    /// A private cloud gateway (an "overlord"), with its IP pools.
    Gateway,
    /// A cluster template (profiles and policies clusters are launched from).
    ClusterTemplate,
    /// Bookkeeping of the emulator itself (the seed marker).
    Meta,
}

impl Kind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Project => "project",
            Kind::Registry => "registry",
            Kind::Pack => "pack",
            Kind::Profile => "profile",
            Kind::CloudAccount => "cloudaccount",
            Kind::Cluster => "cluster",
            Kind::CloudConfig => "cloudconfig",
            Kind::Deployment => "deployment",
            Kind::EdgeHost => "edgehost",
            Kind::SshKey => "sshkey",
            Kind::Location => "location",
            Kind::Gateway => "gateway",
            Kind::ClusterTemplate => "clustertemplate",
            Kind::Meta => "meta",
        }
    }
}

/// The owner recorded for objects that belong to the system (packs, registries).
pub const SYSTEM: &str = "system";
/// The owner recorded for tenant-scoped objects.
pub const TENANT: &str = "";

/// One stored object.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// The kind of object.
    pub kind: Kind,
    /// Its uid.
    pub uid: String,
    /// The uid of the owning project, [`TENANT`] or [`SYSTEM`].
    pub project: String,
    /// Its name (for lookups and duplicate checks).
    pub name: String,
    /// The object itself.
    pub doc: Value,
}

/// One change in a [`Store::apply`] batch.
#[derive(Debug, Clone)]
pub enum Op {
    /// Inserts or replaces the record.
    Put(Record),
    /// Removes the record of this kind and uid if it exists.
    Delete(Kind, String),
}

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The SQLite backend failed.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored document is not valid JSON.
    #[error("stored document is corrupt: {0}")]
    Corrupt(#[from] serde_json::Error),
}

/// Where objects live. Implementations are synchronous and quick; callers never hold a
/// lock across an `.await` while using them.
pub trait Store: Send + Sync {
    /// The record of `kind` with `uid`, if any.
    fn get(&self, kind: Kind, uid: &str) -> Result<Option<Record>, StoreError>;
    /// Every record of `kind`, oldest first.
    fn list(&self, kind: Kind) -> Result<Vec<Record>, StoreError>;
    /// Applies all `ops` atomically.
    fn apply(&self, ops: Vec<Op>) -> Result<(), StoreError>;

    /// Inserts or replaces one record.
    fn put(&self, record: Record) -> Result<(), StoreError> {
        self.apply(vec![Op::Put(record)])
    }
}
