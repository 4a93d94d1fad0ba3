//! Cloud accounts: one generic set of calls over [`CloudAccountKind`] for the built-in
//! environments, custom-cloud (Nutanix) calls, and the cross-cloud summary.
//!
//! Account bodies carry credentials: they are never logged (the client traces no bodies) and
//! their `Debug` output is redacted.

use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::client::{Request, v1_path};
use crate::models::{
    AwsAccount, AzureAccount, CloudAccountSummary, CustomAccount, CustomAccountEntity, GcpAccount,
    GcpAccountEntity, MaasAccount, ObjectMeta, OpenStackAccount, TencentAccount, VsphereAccount,
};
use crate::{Client, Error, Scope};

/// A built-in cloud account type: its path segment under `/v1/cloudaccounts`, the model read
/// back, and the model written on create and update.
pub trait CloudAccountKind: DeserializeOwned + Send {
    /// `aws`, `azure`, `gcp`, `vsphere`, `maas`, `openstack` or `tencent`.
    const SEGMENT: &'static str;
    /// The create and update body.
    type Write: Serialize + Sync;
    /// The account's metadata.
    fn metadata(&self) -> Option<&ObjectMeta>;
}

macro_rules! account_kind {
    ($read:ty, $write:ty, $segment:literal) => {
        impl CloudAccountKind for $read {
            const SEGMENT: &'static str = $segment;
            type Write = $write;
            fn metadata(&self) -> Option<&ObjectMeta> {
                self.metadata.as_ref()
            }
        }
    };
}

account_kind!(AwsAccount, AwsAccount, "aws");
account_kind!(AzureAccount, AzureAccount, "azure");
account_kind!(GcpAccount, GcpAccountEntity, "gcp");
account_kind!(VsphereAccount, VsphereAccount, "vsphere");
account_kind!(MaasAccount, MaasAccount, "maas");
account_kind!(OpenStackAccount, OpenStackAccount, "openstack");
account_kind!(TencentAccount, TencentAccount, "tencent");

/// The uid of the first account named `name`.
fn uid_named<'a>(
    mut metas: impl Iterator<Item = Option<&'a ObjectMeta>>,
    name: &str,
) -> Option<String> {
    metas.find_map(|m| {
        let m = m?;
        (m.name.as_deref() == Some(name))
            .then(|| m.uid.clone())
            .flatten()
    })
}

impl Client {
    /// Every account of kind `A` (paged).
    pub async fn list_cloud_accounts<A: CloudAccountKind>(
        &self,
        scope: &Scope,
    ) -> Result<Vec<A>, Error> {
        self.get_all(scope, &["cloudaccounts", A::SEGMENT]).await
    }

    /// One account of kind `A`.
    pub async fn get_cloud_account<A: CloudAccountKind>(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<A, Error> {
        self.get_json(scope, &["cloudaccounts", A::SEGMENT, uid])
            .await
    }

    /// Creates an account of kind `A` and returns its uid.
    pub async fn create_cloud_account<A: CloudAccountKind>(
        &self,
        scope: &Scope,
        account: &A::Write,
    ) -> Result<String, Error> {
        let req = Request::new(Method::POST, scope, v1_path(&["cloudaccounts", A::SEGMENT]))
            .json(account)?;
        self.create_uid(&req).await
    }

    /// Creates an account of kind `A` named `name` without ever making a duplicate.
    pub async fn create_cloud_account_idempotent<A: CloudAccountKind>(
        &self,
        scope: &Scope,
        name: &str,
        account: &A::Write,
    ) -> Result<String, Error> {
        self.create_with_lookup(
            || self.create_cloud_account::<A>(scope, account),
            || self.find_cloud_account::<A>(scope, name),
        )
        .await
    }

    /// Replaces an account of kind `A`.
    pub async fn update_cloud_account<A: CloudAccountKind>(
        &self,
        scope: &Scope,
        uid: &str,
        account: &A::Write,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["cloudaccounts", A::SEGMENT, uid]),
        )
        .json(account)?;
        self.run(&req).await
    }

    /// Deletes an account of kind `A`.
    pub async fn delete_cloud_account<A: CloudAccountKind>(
        &self,
        scope: &Scope,
        uid: &str,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::DELETE,
            scope,
            v1_path(&["cloudaccounts", A::SEGMENT, uid]),
        );
        self.run(&req).await
    }

    /// The uid of the account of kind `A` named `name`.
    pub async fn find_cloud_account<A: CloudAccountKind>(
        &self,
        scope: &Scope,
        name: &str,
    ) -> Result<Option<String>, Error> {
        let all = self.list_cloud_accounts::<A>(scope).await?;
        Ok(uid_named(all.iter().map(CloudAccountKind::metadata), name))
    }

    /// Every account of the custom cloud type `cloud_type` (e.g. `nutanix`; paged).
    pub async fn list_custom_cloud_accounts(
        &self,
        scope: &Scope,
        cloud_type: &str,
    ) -> Result<Vec<CustomAccount>, Error> {
        self.get_all(scope, &["cloudaccounts", "cloudTypes", cloud_type])
            .await
    }

    /// One account of a custom cloud type.
    pub async fn get_custom_cloud_account(
        &self,
        scope: &Scope,
        cloud_type: &str,
        uid: &str,
    ) -> Result<CustomAccount, Error> {
        self.get_json(scope, &["cloudaccounts", "cloudTypes", cloud_type, uid])
            .await
    }

    /// Creates an account of a custom cloud type and returns its uid.
    pub async fn create_custom_cloud_account(
        &self,
        scope: &Scope,
        cloud_type: &str,
        account: &CustomAccountEntity,
    ) -> Result<String, Error> {
        let req = Request::new(
            Method::POST,
            scope,
            v1_path(&["cloudaccounts", "cloudTypes", cloud_type]),
        )
        .json(account)?;
        self.create_uid(&req).await
    }

    /// Creates an account of a custom cloud type without ever making a duplicate.
    pub async fn create_custom_cloud_account_idempotent(
        &self,
        scope: &Scope,
        cloud_type: &str,
        account: &CustomAccountEntity,
    ) -> Result<String, Error> {
        let name = account
            .metadata
            .as_ref()
            .and_then(|m| m.name.clone())
            .unwrap_or_default();
        self.create_with_lookup(
            || self.create_custom_cloud_account(scope, cloud_type, account),
            || self.find_custom_cloud_account(scope, cloud_type, &name),
        )
        .await
    }

    /// Replaces an account of a custom cloud type.
    pub async fn update_custom_cloud_account(
        &self,
        scope: &Scope,
        cloud_type: &str,
        uid: &str,
        account: &CustomAccountEntity,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::PUT,
            scope,
            v1_path(&["cloudaccounts", "cloudTypes", cloud_type, uid]),
        )
        .json(account)?;
        self.run(&req).await
    }

    /// Deletes an account of a custom cloud type.
    pub async fn delete_custom_cloud_account(
        &self,
        scope: &Scope,
        cloud_type: &str,
        uid: &str,
    ) -> Result<(), Error> {
        let req = Request::new(
            Method::DELETE,
            scope,
            v1_path(&["cloudaccounts", "cloudTypes", cloud_type, uid]),
        );
        self.run(&req).await
    }

    /// The uid of the custom-cloud account named `name`.
    pub async fn find_custom_cloud_account(
        &self,
        scope: &Scope,
        cloud_type: &str,
        name: &str,
    ) -> Result<Option<String>, Error> {
        let all = self.list_custom_cloud_accounts(scope, cloud_type).await?;
        Ok(uid_named(all.iter().map(|a| a.metadata.as_ref()), name))
    }

    /// The same summaries one page at a time, each only when asked for.
    pub fn cloud_account_summary_pages<'a>(
        &'a self,
        scope: &'a Scope,
    ) -> crate::client::Pages<'a, CloudAccountSummary> {
        let req = Request::new(Method::GET, scope, v1_path(&["cloudaccounts", "summary"]));
        crate::client::Pages::new(self, req)
    }

    /// A summary of every account of every cloud (paged), optionally filtered
    /// (`filters`, e.g. `spec.cloudType=aws`).
    pub async fn list_cloud_account_summaries(
        &self,
        scope: &Scope,
        filters: Option<&str>,
    ) -> Result<Vec<CloudAccountSummary>, Error> {
        let req = Request::new(Method::GET, scope, v1_path(&["cloudaccounts", "summary"]))
            .query_opt("filters", filters);
        self.fetch_all(&req).await
    }
}
