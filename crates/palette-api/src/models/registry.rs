//! Pack (`/v1/registries/pack`) and Helm (`/v1/registries/helm`) registries, what every kind
//! shares (auth, TLS, sync status) and the cross-kind metadata list (OCI registries are in
//! [`super::oci_registry`]). Secret fields (passwords, tokens, TLS keys) are redacted from
//! `Debug`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{ListMetaData, ObjectMeta, Time};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A page of pack registries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistries {
    pub items: Vec<PackRegistry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// A pack registry with its endpoint and sync status.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistry {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PackRegistrySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PackRegistryStatus>,
}

/// The wire model `v1PackRegistrySpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistrySpec {
    pub auth: RegistryAuth,
    pub endpoint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The wire model `v1PackRegistryStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistryStatus {
    #[serde(rename = "packSyncStatus", skip_serializing_if = "Option::is_none")]
    pub pack_sync_status: Option<RegistrySyncStatus>,
}

/// Every registry of every kind, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistriesMetadata {
    pub items: Vec<RegistryMetadata>,
}

/// The wire model `v1RegistryAuth`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistryAuth {
    /// Secret: never logged, redacted from `Debug`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<TlsConfiguration>,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
}

impl std::fmt::Debug for RegistryAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegistryAuth")
            .field("password", &crate::models::Redacted(&self.password))
            .field("tls", &self.tls)
            .field("token", &crate::models::Redacted(&self.token))
            .field("type_", &self.type_)
            .field("username", &self.username)
            .finish()
    }
}

/// One registry: uid, name, kind, scope and flags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistryMetadata {
    #[serde(rename = "isDefault", skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(rename = "isPrivate", skip_serializing_if = "Option::is_none")]
    pub is_private: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1RegistryPackMetadata`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistryPackMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotations: Option<BTreeMap<String, String>>,
    #[serde(rename = "latestPackUid", skip_serializing_if = "Option::is_none")]
    pub latest_pack_uid: Option<String>,
    #[serde(rename = "latestVersion", skip_serializing_if = "Option::is_none")]
    pub latest_version: Option<String>,
    #[serde(rename = "logoUrl", skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
}

/// The wire model `v1RegistrySyncStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrySyncStatus {
    #[serde(rename = "isSyncSupported", skip_serializing_if = "Option::is_none")]
    pub is_sync_supported: Option<bool>,
    #[serde(rename = "lastRunTime", skip_serializing_if = "Option::is_none")]
    pub last_run_time: Option<Time>,
    #[serde(rename = "lastSyncedTime", skip_serializing_if = "Option::is_none")]
    pub last_synced_time: Option<Time>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// The wire model `v1TlsConfiguration`; the client key is redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TlsConfiguration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    #[serde(rename = "insecureSkipVerify", skip_serializing_if = "Option::is_none")]
    pub insecure_skip_verify: Option<bool>,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

impl std::fmt::Debug for TlsConfiguration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TlsConfiguration")
            .field("ca", &self.ca)
            .field("certificate", &self.certificate)
            .field("enabled", &self.enabled)
            .field("insecure_skip_verify", &self.insecure_skip_verify)
            .field("key", &crate::models::Redacted(&self.key))
            .finish()
    }
}

/// The wire model `v1PackRegistriesSummary`: a page of pack registry summaries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistriesSummary {
    pub items: Vec<PackRegistrySummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The wire model `v1PackRegistrySummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistrySummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<PackRegistrySpecSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PackRegistryStatusSummary>,
}

/// The wire model `v1PackRegistrySpecSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistrySpecSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub private: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The wire model `v1PackRegistryStatusSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PackRegistryStatusSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync: Option<RegistrySyncStatus>,
}

/// The wire model `v1HelmRegistryEntity`: the body of a Helm registry create.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmRegistryEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<HelmRegistrySpecEntity>,
}

/// The wire model `v1HelmRegistrySpecEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmRegistrySpecEntity {
    pub auth: RegistryAuth,
    #[serde(rename = "createOption", skip_serializing_if = "Option::is_none")]
    pub create_option: Option<HelmRegistryCreateOption>,
    pub endpoint: String,
    #[serde(rename = "isPrivate", skip_serializing_if = "Option::is_none")]
    pub is_private: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The wire model `v1HelmRegistryCreateOption`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmRegistryCreateOption {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub charts: Option<Vec<HelmChartOption>>,
    #[serde(rename = "skipSync", skip_serializing_if = "Option::is_none")]
    pub skip_sync: Option<bool>,
}

/// The wire model `v1HelmChartOption`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmChartOption {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The wire model `v1HelmRegistry`: a Helm registry as read, and the body of its update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmRegistry {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<HelmRegistrySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<HelmRegistryStatus>,
}

/// The wire model `v1HelmRegistrySpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmRegistrySpec {
    pub auth: RegistryAuth,
    pub endpoint: String,
    #[serde(rename = "isPrivate", skip_serializing_if = "Option::is_none")]
    pub is_private: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The wire model `v1HelmRegistryStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmRegistryStatus {
    #[serde(rename = "helmSyncStatus", skip_serializing_if = "Option::is_none")]
    pub helm_sync_status: Option<RegistrySyncStatus>,
}

/// The wire model `v1HelmRegistries`: a page of Helm registries.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HelmRegistries {
    pub items: Vec<HelmRegistry>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_redacts_registry_auth_secrets() {
        let auth = RegistryAuth {
            password: Some("pw-secret-1".into()),
            token: Some("tok-secret-2".into()),
            tls: Some(TlsConfiguration {
                key: Some("key-secret-3".into()),
                ..TlsConfiguration::default()
            }),
            username: Some("robot".into()),
            ..RegistryAuth::default()
        };
        let shown = format!(
            "{:?}",
            HelmRegistrySpec {
                auth,
                ..HelmRegistrySpec::default()
            }
        );
        for secret in ["pw-secret-1", "tok-secret-2", "key-secret-3"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(
            shown.contains("robot") && shown.contains("<redacted>"),
            "{shown}"
        );
    }
}
