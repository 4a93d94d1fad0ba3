//! Backup storage locations (`/v1/users/assets/locations`): S3 and MinIO buckets (one model),
//! Google Cloud Storage buckets and Azure blob containers, and the cross-type list. Secret fields
//! are redacted from `Debug`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{AwsCloudAccount, GcpAccountEntitySpec, ObjectMeta, ObjectMetaInputEntity};
use serde::{Deserialize, Serialize};

/// An S3 or MinIO location: the create and update body and the read model
/// (`v1UserAssetsLocationS3`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocationS3 {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<UserAssetsLocationS3Spec>,
}

/// The wire model `v1UserAssetsLocationS3Spec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocationS3Spec {
    pub config: S3StorageConfig,
    #[serde(rename = "isDefault", skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// `s3` or `minio`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1S3StorageConfig`: the bucket and the AWS credentials (whose secrets
/// [`AwsCloudAccount`] redacts from `Debug`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct S3StorageConfig {
    #[serde(rename = "bucketName")]
    pub bucket_name: String,
    #[serde(rename = "caCert", skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<String>,
    pub credentials: AwsCloudAccount,
    pub region: String,
    #[serde(rename = "s3ForcePathStyle", skip_serializing_if = "Option::is_none")]
    pub s3_force_path_style: Option<bool>,
    #[serde(rename = "s3Url", skip_serializing_if = "Option::is_none")]
    pub s3_url: Option<String>,
    #[serde(rename = "useRestic", skip_serializing_if = "Option::is_none")]
    pub use_restic: Option<bool>,
}

/// A Google Cloud Storage location: the create and update body and the read model
/// (`v1UserAssetsLocationGcp`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocationGcp {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<UserAssetsLocationGcpSpec>,
}

/// The wire model `v1UserAssetsLocationGcpSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocationGcpSpec {
    pub config: GcpStorageConfig,
    #[serde(rename = "isDefault", skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1GcpStorageConfig`; the service account key in `credentials` is redacted
/// from `Debug`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpStorageConfig {
    #[serde(rename = "bucketName")]
    pub bucket_name: String,
    /// The spec's `v1.GcpAccountEntitySpec`, the same fields as `v1GcpAccountEntitySpec`.
    pub credentials: GcpAccountEntitySpec,
    #[serde(rename = "projectId", skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

/// An Azure blob container location: the create and update body and the read model
/// (`v1UserAssetsLocationAzure`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocationAzure {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<UserAssetsLocationAzureSpec>,
}

/// The wire model `v1UserAssetsLocationAzureSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocationAzureSpec {
    pub config: AzureStorageConfig,
    #[serde(rename = "isDefault", skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}

/// The wire model `v1AzureStorageConfig`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureStorageConfig {
    #[serde(rename = "containerName")]
    pub container_name: String,
    pub credentials: AzureAccountEntitySpec,
    #[serde(rename = "resourceGroup")]
    pub resource_group: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    #[serde(rename = "storageName")]
    pub storage_name: String,
}

/// The spec's `v1.AzureAccountEntitySpec`: a service principal and its subscription; the client
/// secret is redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureAccountEntitySpec {
    /// `public` (the default), `azure-china` or `azure-government`.
    #[serde(rename = "clientCloud", skip_serializing_if = "Option::is_none")]
    pub client_cloud: Option<String>,
    #[serde(rename = "clientId", skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "clientSecret", skip_serializing_if = "Option::is_none")]
    pub client_secret: Option<String>,
    #[serde(rename = "subscriptionId", skip_serializing_if = "Option::is_none")]
    pub subscription_id: Option<String>,
    #[serde(rename = "tenantId", skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
}

impl std::fmt::Debug for AzureAccountEntitySpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AzureAccountEntitySpec")
            .field("client_cloud", &self.client_cloud)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &crate::models::Redacted(&self.client_secret),
            )
            .field("subscription_id", &self.subscription_id)
            .field("tenant_id", &self.tenant_id)
            .finish()
    }
}

/// Every location in scope, of every type (`v1UserAssetsLocations`; not paged).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocations {
    pub items: Vec<UserAssetsLocation>,
}

/// One location as listed: its metadata (with the uid) and its type, without the bucket or
/// credentials (`v1UserAssetsLocation`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<UserAssetsLocationSpec>,
}

/// The wire model `v1UserAssetsLocationSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsLocationSpec {
    #[serde(rename = "isDefault", skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,
    /// `v1LocationType`: `s3`, `gcp` or `minio` (the spec lists no `azure`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage: Option<String>,
    /// The location's type, as in its paths (`s3`, `minio`, `gcp`, `azure`).
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
}
