//! Serde wire types of the Palette REST API (v1), shared by the client and the emulator.
//!
//! Type names are the spec's definition names without the `v1` prefix (`v1ClusterProfileEntity`
//! is [`ClusterProfileEntity`]); an object the spec defines inline is named after its owner and
//! field (`v1SpectroAwsClusterEntity.spec` is [`SpectroAwsClusterEntitySpec`]). Field names are
//! the spec's JSON keys. Optional fields are `Option` and are skipped when `None`; required fields
//! are plain values that are always written. Unknown fields are ignored on read, so a newer server
//! does not break an older client, and every struct reads missing fields as their default.
//!
//! OpenStack and TKE (Tencent) come from the legacy spec, as the current one dropped them.
//! Deep, rarely used sub-objects (policies, backup and scan schedules, RBAC, location, host
//! cluster config, tunnel state, ...) stay `serde_json::Value`, which keeps them byte-faithful
//! without modelling them. Every model is re-exported at this level.
#![allow(clippy::upper_case_acronyms)]

pub mod cloud_account;
pub mod cloud_config;
pub mod cluster;
pub mod cluster_profile;
pub mod cluster_resources;
pub mod cluster_settings;
pub mod cluster_template;
pub mod common;
pub mod edge_host;
pub mod event;
pub mod gateway;
pub mod location;
pub mod oci_registry;
pub mod pack;
pub mod project;
pub mod registry;
pub mod search;
pub mod ssh_key;

pub use cloud_account::*;
pub use cloud_config::*;
pub use cluster::*;
pub use cluster_profile::*;
pub use cluster_resources::*;
pub use cluster_settings::*;
pub use cluster_template::*;
pub use common::*;
pub use edge_host::*;
pub use event::*;
pub use gateway::*;
pub use location::*;
pub use oci_registry::*;
pub use pack::*;
pub use project::*;
pub use registry::*;
pub use search::*;
pub use ssh_key::*;

/// Formats a secret as `<redacted>` (or `None`) in `Debug` output.
pub(crate) struct Redacted<'a, T>(pub(crate) &'a T);

impl<T: RedactShape> std::fmt::Debug for Redacted<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_present() {
            f.write_str("<redacted>")
        } else {
            f.write_str("None")
        }
    }
}

/// Whether a secret-bearing field holds anything worth hiding.
pub(crate) trait RedactShape {
    fn is_present(&self) -> bool;
}

impl<T> RedactShape for Option<T> {
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

impl RedactShape for String {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

impl<K, V> RedactShape for std::collections::BTreeMap<K, V> {
    fn is_present(&self) -> bool {
        !self.is_empty()
    }
}

impl RedactShape for serde_json::Value {
    fn is_present(&self) -> bool {
        !self.is_null()
    }
}
