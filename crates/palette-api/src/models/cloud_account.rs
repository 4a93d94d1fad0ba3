//! Cloud accounts for every environment, including the custom (Nutanix) account. Secret fields are
//! redacted from `Debug`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use crate::models::{
    AwsPodIdentityCredentials, AwsSecretSpec, AwsStsCredentials, AzureSecretTlsConfig,
    ListMetaData, ObjectEntity, ObjectMeta, ObjectMetaInputEntity, Time,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A cloud account on AWS: the create and update body and the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<AwsCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// A page of cloud accounts on AWS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsAccounts {
    pub items: Vec<AwsAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The AWS credentials of a cloud account; secret fields are redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudAccount {
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "accessKey", skip_serializing_if = "Option::is_none")]
    pub access_key: Option<String>,
    #[serde(rename = "credentialType", skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    #[serde(rename = "podIdentity", skip_serializing_if = "Option::is_none")]
    pub pod_identity: Option<AwsPodIdentityCredentials>,
    #[serde(rename = "policyARNs", skip_serializing_if = "Option::is_none")]
    pub policy_arns: Option<Vec<String>>,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "secretKey", skip_serializing_if = "Option::is_none")]
    pub secret_key: Option<String>,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "secretSpec", skip_serializing_if = "Option::is_none")]
    pub secret_spec: Option<AwsSecretSpec>,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "secretToken", skip_serializing_if = "Option::is_none")]
    pub secret_token: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sts: Option<AwsStsCredentials>,
}

impl std::fmt::Debug for AwsCloudAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwsCloudAccount")
            .field("access_key", &crate::models::Redacted(&self.access_key))
            .field("credential_type", &self.credential_type)
            .field("partition", &self.partition)
            .field("pod_identity", &self.pod_identity)
            .field("policy_arns", &self.policy_arns)
            .field("secret_key", &crate::models::Redacted(&self.secret_key))
            .field("secret_spec", &crate::models::Redacted(&self.secret_spec))
            .field("secret_token", &crate::models::Redacted(&self.secret_token))
            .field("sts", &self.sts)
            .finish()
    }
}

/// A cloud account on Azure (and AKS): the create and update body and the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<AzureCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// A page of cloud accounts on Azure (and AKS).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureAccounts {
    pub items: Vec<AzureAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The Azure (and AKS) credentials of a cloud account; secret fields are redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudAccount {
    #[serde(rename = "azureEnvironment", skip_serializing_if = "Option::is_none")]
    pub azure_environment: Option<String>,
    #[serde(rename = "clientId")]
    pub client_id: String,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "clientSecret")]
    pub client_secret: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<CloudAccountSettings>,
    #[serde(rename = "tenantId")]
    pub tenant_id: String,
    #[serde(rename = "tenantName", skip_serializing_if = "Option::is_none")]
    pub tenant_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls: Option<AzureSecretTlsConfig>,
}

impl std::fmt::Debug for AzureCloudAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AzureCloudAccount")
            .field("azure_environment", &self.azure_environment)
            .field("client_id", &self.client_id)
            .field(
                "client_secret",
                &crate::models::Redacted(&self.client_secret),
            )
            .field("settings", &self.settings)
            .field("tenant_id", &self.tenant_id)
            .field("tenant_name", &self.tenant_name)
            .field("tls", &self.tls)
            .finish()
    }
}

/// The wire model `v1CloudAccountMeta`.
///
/// The spec defines it with the same fields as [`ObjectEntity`] (`v1ObjectEntity`).
pub type CloudAccountMeta = ObjectEntity;

/// The wire model `v1CloudAccountSettings`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountSettings {
    #[serde(
        rename = "disablePropertiesRequest",
        skip_serializing_if = "Option::is_none"
    )]
    pub disable_properties_request: Option<bool>,
}

/// A cloud account's state.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountStatus {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(rename = "tokenExpiry", skip_serializing_if = "Option::is_none")]
    pub token_expiry: Option<Time>,
    #[serde(
        rename = "tokenGenerationTime",
        skip_serializing_if = "Option::is_none"
    )]
    pub token_generation_time: Option<Time>,
}

/// One cloud account as listed across clouds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(rename = "specSummary", skip_serializing_if = "Option::is_none")]
    pub spec_summary: Option<CloudAccountSummarySpecSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// The `specSummary` object of `v1CloudAccountSummary`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountSummarySpecSummary {
    #[serde(rename = "accountId", skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// A page of cloud account summaries across clouds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountsSummary {
    pub items: Vec<CloudAccountSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// A custom-cloud account as read back.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<CustomCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// The body of a custom-cloud (e.g. Nutanix) account create or update.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomAccountEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<CustomCloudAccount>,
}

/// A page of cloud accounts on custom-cloud.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomAccounts {
    pub items: Vec<CustomAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// A custom-cloud account's credentials, a map of secret strings.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomCloudAccount {
    /// Secret: never logged, redacted from `Debug`.
    pub credentials: BTreeMap<String, String>,
}

impl std::fmt::Debug for CustomCloudAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CustomCloudAccount")
            .field("credentials", &crate::models::Redacted(&self.credentials))
            .finish()
    }
}

/// A cloud account on GCP (and GKE): the create and update body and the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<GcpAccountSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// The wire model `v1GcpAccountEntity`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccountEntity {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<GcpAccountEntitySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// The wire model `v1GcpAccountEntitySpec`.
///
/// The spec defines it with the same fields as [`GcpAccountSpec`] (`v1GcpAccountSpec`).
pub type GcpAccountEntitySpec = GcpAccountSpec;

/// The wire model `v1GcpAccountSpec`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccountSpec {
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "jsonCredentials", skip_serializing_if = "Option::is_none")]
    pub json_credentials: Option<String>,
}

impl std::fmt::Debug for GcpAccountSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GcpAccountSpec")
            .field(
                "json_credentials",
                &crate::models::Redacted(&self.json_credentials),
            )
            .finish()
    }
}

/// A page of cloud accounts on GCP (and GKE).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccounts {
    pub items: Vec<GcpAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// A cloud account on MAAS: the create and update body and the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<MaasCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// A page of cloud accounts on MAAS.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasAccounts {
    pub items: Vec<MaasAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The MAAS credentials of a cloud account; secret fields are redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasCloudAccount {
    #[serde(rename = "apiEndpoint")]
    pub api_endpoint: String,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "apiKey")]
    pub api_key: String,
    #[serde(rename = "preferredSubnets", skip_serializing_if = "Option::is_none")]
    pub preferred_subnets: Option<Vec<String>>,
}

impl std::fmt::Debug for MaasCloudAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MaasCloudAccount")
            .field("api_endpoint", &self.api_endpoint)
            .field("api_key", &crate::models::Redacted(&self.api_key))
            .field("preferred_subnets", &self.preferred_subnets)
            .finish()
    }
}

/// A cloud account on OpenStack: the create and update body and the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenStackAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<OpenStackCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// A page of cloud accounts on OpenStack.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenStackAccounts {
    pub items: Vec<OpenStackAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The OpenStack credentials of a cloud account; secret fields are redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenStackCloudAccount {
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "caCert", skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<String>,
    #[serde(rename = "defaultDomain", skip_serializing_if = "Option::is_none")]
    pub default_domain: Option<String>,
    #[serde(rename = "defaultProject", skip_serializing_if = "Option::is_none")]
    pub default_project: Option<String>,
    #[serde(rename = "identityEndpoint")]
    pub identity_endpoint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insecure: Option<bool>,
    #[serde(rename = "parentRegion", skip_serializing_if = "Option::is_none")]
    pub parent_region: Option<String>,
    /// Secret: never logged, redacted from `Debug`.
    pub password: String,
    pub username: String,
}

impl std::fmt::Debug for OpenStackCloudAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenStackCloudAccount")
            .field("ca_cert", &crate::models::Redacted(&self.ca_cert))
            .field("default_domain", &self.default_domain)
            .field("default_project", &self.default_project)
            .field("identity_endpoint", &self.identity_endpoint)
            .field("insecure", &self.insecure)
            .field("parent_region", &self.parent_region)
            .field("password", &crate::models::Redacted(&self.password))
            .field("username", &self.username)
            .finish()
    }
}

/// A cloud account on TKE: the create and update body and the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<TencentCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// A page of cloud accounts on TKE.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentAccounts {
    pub items: Vec<TencentAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The TKE credentials of a cloud account; secret fields are redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentCloudAccount {
    #[serde(rename = "secretId")]
    pub secret_id: String,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "secretKey")]
    pub secret_key: String,
}

impl std::fmt::Debug for TencentCloudAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TencentCloudAccount")
            .field("secret_id", &self.secret_id)
            .field("secret_key", &crate::models::Redacted(&self.secret_key))
            .finish()
    }
}

/// A cloud account on vSphere: the create and update body and the read model.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereAccount {
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<VsphereCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// A page of cloud accounts on vSphere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereAccounts {
    pub items: Vec<VsphereAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// The vSphere credentials of a cloud account; secret fields are redacted from `Debug`.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudAccount {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insecure: Option<bool>,
    /// Secret: never logged, redacted from `Debug`.
    pub password: String,
    pub username: String,
    #[serde(rename = "vcenterServer")]
    pub vcenter_server: String,
}

impl std::fmt::Debug for VsphereCloudAccount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VsphereCloudAccount")
            .field("insecure", &self.insecure)
            .field("password", &crate::models::Redacted(&self.password))
            .field("username", &self.username)
            .field("vcenter_server", &self.vcenter_server)
            .finish()
    }
}

/// The wire model `v1CloudAccountsMetadata`: every cloud account in scope, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountsMetadata {
    pub items: Vec<CloudAccountMetadata>,
}

/// The wire model `v1CloudAccountMetadata`: one account's kind (its cloud type) and metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountMetadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<crate::models::ObjectMeta>,
}
