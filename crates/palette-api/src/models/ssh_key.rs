//! SSH keys, a user asset: `/v1/users/assets/sshkeys[/{uid}]`.
//!
//! Field names are the spec's JSON keys; optional fields are `Option` and skipped when absent.
//! A public key is not a secret, so nothing here is redacted.

use crate::models::{ObjectMeta, ObjectMetaInputEntity};
use serde::{Deserialize, Serialize};

/// The wire model `v1UserAssetSsh`: a stored SSH key (also the update body).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetSsh {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMeta>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<UserAssetSshSpec>,
}

/// The wire model `v1UserAssetSshEntity`: the create body.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetSshEntity {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<ObjectMetaInputEntity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spec: Option<UserAssetSshSpec>,
}

/// The wire model `v1UserAssetSshSpec`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetSshSpec {
    #[serde(rename = "publicKey", skip_serializing_if = "Option::is_none")]
    pub public_key: Option<String>,
}

/// The wire model `v1UserAssetsSsh`: every SSH key in scope, unpaged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UserAssetsSsh {
    pub items: Vec<UserAssetSsh>,
}
