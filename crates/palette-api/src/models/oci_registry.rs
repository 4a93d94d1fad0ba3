//! OCI registries: basic (`/v1/registries/oci/basic`, `/v1/registries/oci/{uid}/basic`), Amazon
//! ECR (`.../ecr`) and the summary of both. Secret fields are redacted from `Debug`: the
//! registry's `auth` ([`RegistryAuth`]) and an ECR registry's AWS credentials.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    AwsCloudAccount, ObjectMeta, RegistryAuth, RegistrySyncStatus, TlsConfiguration,
};
use serde::{Deserialize, Serialize};

/// The wire model `v1OciRegistries`: every OCI registry in scope, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OciRegistries {
    pub items: Vec<OciRegistry>,
}

/// The wire model `v1OciRegistry`: one OCI registry as the summary lists it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OciRegistry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<OciRegistrySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OciRegistryStatusSummary>,
}

/// The wire model `v1OciRegistryStatusSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OciRegistryStatusSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync: Option<RegistrySyncStatus>,
}

/// The wire model `v1OciRegistrySpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OciRegistrySpec {
    #[serde(
        rename = "containsSpectroManifest",
        skip_serializing_if = "Option::is_none"
    )]
    pub contains_spectro_manifest: Option<bool>,
    #[serde(rename = "defaultRegion", skip_serializing_if = "Option::is_none")]
    pub default_region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoint: Option<String>,
    #[serde(rename = "isPrivate", skip_serializing_if = "Option::is_none")]
    pub is_private: Option<bool>,
    #[serde(rename = "providerType", skip_serializing_if = "Option::is_none")]
    pub provider_type: Option<String>,
    #[serde(rename = "registryType", skip_serializing_if = "Option::is_none")]
    pub registry_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The wire model `v1BasicOciRegistry`: a basic OCI registry as read, and the body of its create
/// and update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BasicOciRegistry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<BasicOciRegistrySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OciRegistryStatus>,
}

/// The wire model `v1BasicOciRegistrySpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BasicOciRegistrySpec {
    pub auth: RegistryAuth,
    #[serde(rename = "baseContentPath", skip_serializing_if = "Option::is_none")]
    pub base_content_path: Option<String>,
    #[serde(rename = "basePath", skip_serializing_if = "Option::is_none")]
    pub base_path: Option<String>,
    #[serde(
        rename = "containsSpectroManifest",
        skip_serializing_if = "Option::is_none"
    )]
    pub contains_spectro_manifest: Option<bool>,
    pub endpoint: String,
    #[serde(rename = "isSyncSupported", skip_serializing_if = "Option::is_none")]
    pub is_sync_supported: Option<bool>,
    #[serde(rename = "providerType", skip_serializing_if = "Option::is_none")]
    pub provider_type: Option<String>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// The wire model `v1OciRegistryStatus`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OciRegistryStatus {
    #[serde(rename = "syncStatus", skip_serializing_if = "Option::is_none")]
    pub sync_status: Option<RegistrySyncStatus>,
}

/// The wire model `v1EcrRegistry`: an ECR registry as read, and the body of its create and
/// update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EcrRegistry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<EcrRegistrySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<OciRegistryStatus>,
}

/// The wire model `v1EcrRegistrySpec`; its AWS credentials redact their secrets from `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EcrRegistrySpec {
    #[serde(rename = "baseContentPath", skip_serializing_if = "Option::is_none")]
    pub base_content_path: Option<String>,
    #[serde(
        rename = "containsSpectroManifest",
        skip_serializing_if = "Option::is_none"
    )]
    pub contains_spectro_manifest: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials: Option<AwsCloudAccount>,
    #[serde(rename = "defaultRegion", skip_serializing_if = "Option::is_none")]
    pub default_region: Option<String>,
    pub endpoint: String,
    #[serde(rename = "isPrivate")]
    pub is_private: bool,
    #[serde(rename = "isSyncSupported", skip_serializing_if = "Option::is_none")]
    pub is_sync_supported: Option<bool>,
    #[serde(rename = "providerType", skip_serializing_if = "Option::is_none")]
    pub provider_type: Option<String>,
    #[serde(rename = "registryUid", skip_serializing_if = "Option::is_none")]
    pub registry_uid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<TlsConfiguration>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_redacts_oci_secrets() {
        let basic = BasicOciRegistrySpec {
            auth: RegistryAuth {
                password: Some("pw-secret-1".into()),
                username: Some("robot".into()),
                ..RegistryAuth::default()
            },
            ..BasicOciRegistrySpec::default()
        };
        let ecr = EcrRegistrySpec {
            credentials: Some(AwsCloudAccount {
                access_key: Some("AKIA".into()),
                secret_key: Some("aws-secret-2".into()),
                ..AwsCloudAccount::default()
            }),
            ..EcrRegistrySpec::default()
        };
        let shown = format!("{basic:?} {ecr:?}");
        for secret in ["pw-secret-1", "aws-secret-2"] {
            assert!(!shown.contains(secret), "{secret} in {shown}");
        }
        assert!(shown.contains("robot"), "{shown}");
    }

    #[test]
    fn an_ecr_spec_always_writes_is_private() {
        let body = serde_json::to_value(EcrRegistrySpec::default()).unwrap();
        assert_eq!(body["isPrivate"], false);
        assert_eq!(body["endpoint"], "");
    }
}
