//! The account calls for each kind: the typed palette-api calls, with the body and the answer
//! as JSON (the kind table works on JSON; the typed models check the shape on the way).

use palette_api::models::{
    AwsAccount, AzureAccount, CustomAccount, CustomAccountEntity, GcpAccount, MaasAccount,
    OpenStackAccount, TencentAccount, VsphereAccount,
};
use palette_api::{Client, Scope};
use serde_json::Value as Json;

use super::kinds::{AccountKind, Segment};
use crate::resources::kind_table::CallError;

fn typed<T: serde::de::DeserializeOwned>(body: Json) -> Result<T, CallError> {
    serde_json::from_value(body).map_err(|e| CallError::Body(e.to_string()))
}

fn json<T: serde::Serialize>(value: &T) -> Result<Json, CallError> {
    serde_json::to_value(value).map_err(|e| CallError::Body(e.to_string()))
}

/// Runs `$body` with `A` bound to the read model of the built-in kind `$segment`.
macro_rules! with_builtin {
    ($segment:expr, $body:block) => {
        match $segment {
            "aws" => {
                type A = AwsAccount;
                $body
            }
            "azure" => {
                type A = AzureAccount;
                $body
            }
            "gcp" => {
                type A = GcpAccount;
                $body
            }
            "vsphere" => {
                type A = VsphereAccount;
                $body
            }
            "maas" => {
                type A = MaasAccount;
                $body
            }
            "openstack" => {
                type A = OpenStackAccount;
                $body
            }
            "tencent" => {
                type A = TencentAccount;
                $body
            }
            other => Err(CallError::Body(format!("no account kind {other:?}"))),
        }
    };
}

/// Creates the account (never twice: a retried create finds the one it made) and returns its
/// uid.
pub(super) async fn create(
    client: &Client,
    scope: &Scope,
    kind: &AccountKind,
    name: &str,
    body: Json,
) -> Result<String, CallError> {
    match kind.segment {
        Segment::Builtin(segment) => with_builtin!(segment, {
            let account = typed(body)?;
            Ok(client
                .create_cloud_account_idempotent::<A>(scope, name, &account)
                .await?)
        }),
        Segment::Custom(cloud) => {
            let account: CustomAccountEntity = typed(body)?;
            Ok(client
                .create_custom_cloud_account_idempotent(scope, cloud, &account)
                .await?)
        }
    }
}

/// The account as Palette reports it.
pub(super) async fn read(
    client: &Client,
    scope: &Scope,
    kind: &AccountKind,
    uid: &str,
) -> Result<Json, CallError> {
    match kind.segment {
        Segment::Builtin(segment) => with_builtin!(segment, {
            json(&client.get_cloud_account::<A>(scope, uid).await?)
        }),
        Segment::Custom(cloud) => {
            let account: CustomAccount = client.get_custom_cloud_account(scope, cloud, uid).await?;
            json(&account)
        }
    }
}

/// Replaces the account.
pub(super) async fn update(
    client: &Client,
    scope: &Scope,
    kind: &AccountKind,
    uid: &str,
    body: Json,
) -> Result<(), CallError> {
    match kind.segment {
        Segment::Builtin(segment) => with_builtin!(segment, {
            let account = typed(body)?;
            Ok(client
                .update_cloud_account::<A>(scope, uid, &account)
                .await?)
        }),
        Segment::Custom(cloud) => {
            let account: CustomAccountEntity = typed(body)?;
            Ok(client
                .update_custom_cloud_account(scope, cloud, uid, &account)
                .await?)
        }
    }
}

/// Deletes the account.
pub(super) async fn delete(
    client: &Client,
    scope: &Scope,
    kind: &AccountKind,
    uid: &str,
) -> Result<(), CallError> {
    match kind.segment {
        Segment::Builtin(segment) => with_builtin!(segment, {
            Ok(client.delete_cloud_account::<A>(scope, uid).await?)
        }),
        Segment::Custom(cloud) => Ok(client
            .delete_custom_cloud_account(scope, cloud, uid)
            .await?),
    }
}

/// The uid of the account of this kind named `name`.
pub(super) async fn find(
    client: &Client,
    scope: &Scope,
    kind: &AccountKind,
    name: &str,
) -> Result<Option<String>, CallError> {
    match kind.segment {
        Segment::Builtin(segment) => with_builtin!(segment, {
            Ok(client.find_cloud_account::<A>(scope, name).await?)
        }),
        Segment::Custom(cloud) => Ok(client.find_custom_cloud_account(scope, cloud, name).await?),
    }
}
