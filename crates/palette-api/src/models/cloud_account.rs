//! Cloud accounts for every environment, including the custom (Nutanix) account. Secret fields are redacted from `Debug`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[allow(unused_imports)]
use crate::models::*;

/// Aws cloud account information.
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

/// List of AWS accounts.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsAccounts {
    pub items: Vec<AwsAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// AWS cloud account which includes access key and secret key in case of 'secret' credentials type.
/// It includes policyARNS, ARN and externalId in case of sts.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AwsCloudAccount {
    /// AWS account access key.
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "accessKey", skip_serializing_if = "Option::is_none")]
    pub access_key: Option<String>,
    #[serde(rename = "credentialType", skip_serializing_if = "Option::is_none")]
    pub credential_type: Option<String>,
    /// AWS accounts are scoped to a single partition. Allowed values \[aws, aws-us-gov\], Default
    /// values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partition: Option<String>,
    /// AWS EKS Pod Identity credentials in case of credentialType podIdentity, will be empty in
    /// case of other credential types.
    #[serde(rename = "podIdentity", skip_serializing_if = "Option::is_none")]
    pub pod_identity: Option<AwsPodIdentityCredentials>,
    /// List of policy ARNs required in case of credentialType sts.
    #[serde(rename = "policyARNs", skip_serializing_if = "Option::is_none")]
    pub policy_ar_ns: Option<Vec<String>>,
    /// AWS account secret key.
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "secretKey", skip_serializing_if = "Option::is_none")]
    pub secret_key: Option<String>,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "secretSpec", skip_serializing_if = "Option::is_none")]
    pub secret_spec: Option<AwsSecretSpec>,
    /// AWS account secret token; in case of aws-iso and aws-iso-b.
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "secretToken", skip_serializing_if = "Option::is_none")]
    pub secret_token: Option<String>,
    /// AWS STS credentials in case of credentialType sts, will be empty in case of credential type
    /// secret.
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
            .field("policy_ar_ns", &self.policy_ar_ns)
            .field("secret_key", &crate::models::Redacted(&self.secret_key))
            .field("secret_spec", &crate::models::Redacted(&self.secret_spec))
            .field("secret_token", &crate::models::Redacted(&self.secret_token))
            .field("sts", &self.sts)
            .finish()
    }
}

/// Azure account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureAccount {
    /// Cloud account api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Cloud account kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<AzureCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// Wire model 'v1AzureAccounts'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureAccounts {
    pub items: Vec<AzureAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1AzureCloudAccount'.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AzureCloudAccount {
    /// Contains configuration for Azure cloud.
    #[serde(rename = "azureEnvironment", skip_serializing_if = "Option::is_none")]
    pub azure_environment: Option<String>,
    /// Client ID(Directory ID) is a unique identifier generated by Azure AD that is tied to an
    /// application.
    #[serde(rename = "clientId")]
    pub client_id: String,
    /// ClientSecret is the secret associated with Client.
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "clientSecret")]
    pub client_secret: String,
    /// Palette internal cloud settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settings: Option<CloudAccountSettings>,
    /// Tenant ID is the ID for the Azure AD tenant that the user belongs to.
    #[serde(rename = "tenantId")]
    pub tenant_id: String,
    /// Tenant ID is the ID for the Azure AD tenant that the user belongs to.
    #[serde(rename = "tenantName", skip_serializing_if = "Option::is_none")]
    pub tenant_name: Option<String>,
    /// TLS configuration for the Azure secret.
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

/// Cloud account meta information.
///
/// The spec defines it with the same fields as [`ObjectEntity`] (`v1ObjectEntity`).
pub type CloudAccountMeta = ObjectEntity;

/// Cloud account settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountSettings {
    /// Will disable certain properties request to cloud and the input is collected directly from
    /// the user.
    #[serde(
        rename = "disablePropertiesRequest",
        skip_serializing_if = "Option::is_none"
    )]
    pub disable_properties_request: Option<bool>,
}

/// Status of the account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountStatus {
    /// Cloud account status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Token expiry time.
    #[serde(rename = "tokenExpiry", skip_serializing_if = "Option::is_none")]
    pub token_expiry: Option<Time>,
    /// Token generation time.
    #[serde(
        rename = "tokenGenerationTime",
        skip_serializing_if = "Option::is_none"
    )]
    pub token_generation_time: Option<Time>,
}

/// Cloud account summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    /// Cloud account spec summary.
    #[serde(rename = "specSummary", skip_serializing_if = "Option::is_none")]
    pub spec_summary: Option<CloudAccountSummarySpecSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// Cloud account spec summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountSummarySpecSummary {
    #[serde(rename = "accountId", skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
}

/// Wire model 'v1CloudAccountsSummary'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CloudAccountsSummary {
    pub items: Vec<CloudAccountSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Custom account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomAccount {
    /// Cloud account api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Cloud account kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<CustomCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// Custom account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomAccountEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<CustomCloudAccount>,
}

/// Wire model 'v1CustomAccounts'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomAccounts {
    pub items: Vec<CustomAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1CustomCloudAccount'.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomCloudAccount {
    /// Cloud account credentials.
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

/// GCP account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccount {
    /// Cloud account api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Cloud account kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<GcpAccountSpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// GCP account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccountEntity {
    /// Cloud account api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Cloud account kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<GcpAccountEntitySpec>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// Wire model 'v1GcpAccountEntitySpec'.
///
/// The spec defines it with the same fields as [`GcpAccountSpec`] (`v1GcpAccountSpec`).
pub type GcpAccountEntitySpec = GcpAccountSpec;

/// Wire model 'v1GcpAccountSpec'.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccountSpec {
    /// Gcp cloud account json credentials.
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

/// Wire model 'v1GcpAccounts'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GcpAccounts {
    pub items: Vec<GcpAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Maas cloud account information.
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

/// Wire model 'v1MaasAccounts'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasAccounts {
    pub items: Vec<MaasAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1MaasCloudAccount'.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MaasCloudAccount {
    #[serde(rename = "apiEndpoint")]
    pub api_endpoint: String,
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "apiKey")]
    pub api_key: String,
    /// List of preferred subnets order in the list reflects order in which subnets will be selected
    /// for ip address selection in apiserver dns endpoint this way user can specify external or
    /// preferable subnet "10.11.130.0/24,10.1...
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

/// OpenStack account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenStackAccount {
    /// Cloud account api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Cloud account kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<OpenStackCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// Wire model 'v1OpenStackAccounts'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenStackAccounts {
    pub items: Vec<OpenStackAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Auth-url,project,username,password,domain,cacert etc.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenStackCloudAccount {
    /// Ca cert for OpenStack.
    /// Secret: never logged, redacted from `Debug`.
    #[serde(rename = "caCert", skip_serializing_if = "Option::is_none")]
    pub ca_cert: Option<String>,
    /// Default Domain name.
    #[serde(rename = "defaultDomain", skip_serializing_if = "Option::is_none")]
    pub default_domain: Option<String>,
    /// Default Project name.
    #[serde(rename = "defaultProject", skip_serializing_if = "Option::is_none")]
    pub default_project: Option<String>,
    /// Identity endpoint for OpenStack.
    #[serde(rename = "identityEndpoint")]
    pub identity_endpoint: String,
    /// For self signed certs in IdentityEndpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insecure: Option<bool>,
    /// Parent region of OpenStack.
    #[serde(rename = "parentRegion", skip_serializing_if = "Option::is_none")]
    pub parent_region: Option<String>,
    /// Password of OpenStack account.
    /// Secret: never logged, redacted from `Debug`.
    pub password: String,
    /// Username of OpenStack account.
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

/// Tencent cloud account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentAccount {
    /// Cloud account api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Cloud account kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<TencentCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// Wire model 'v1TencentAccounts'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentAccounts {
    pub items: Vec<TencentAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1TencentCloudAccount'.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TencentCloudAccount {
    /// Tencent api secretID.
    #[serde(rename = "secretId")]
    pub secret_id: String,
    /// Tencent api secret key.
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

/// VSphere account information.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereAccount {
    /// Cloud account api version.
    #[serde(rename = "apiVersion", skip_serializing_if = "Option::is_none")]
    pub api_version: Option<String>,
    /// Cloud account kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<VsphereCloudAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<CloudAccountStatus>,
}

/// Wire model 'v1VsphereAccounts'.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereAccounts {
    pub items: Vec<VsphereAccount>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub listmeta: Option<ListMetaData>,
}

/// Wire model 'v1VsphereCloudAccount'.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct VsphereCloudAccount {
    /// Insecure is a flag that controls whether or not to validate the vSphere server's
    /// certificate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insecure: Option<bool>,
    /// Secret: never logged, redacted from `Debug`.
    pub password: String,
    pub username: String,
    /// VcenterServer is the address of the vSphere endpoint.
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
