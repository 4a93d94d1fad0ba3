//! The data every handler shares within one provider process: the API client, the resolved
//! project, the lookup caches (and the per-command memo of plan-time lookups) and the
//! per-cluster write locks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use palette_api::models::ObjectMeta;
use palette_api::{Client, ClientConfig, Scope};
use tfplugin::{Context, Diagnostic, ProviderData};
use tokio::sync::OnceCell;

use crate::diagnostics;
use crate::memo::Memo;
use crate::provider::Settings;
use crate::resolve::PackResolver;

/// What `configure` builds once per provider process and every handler reads.
#[derive(Debug)]
pub(crate) struct PaletteData {
    /// The one API client of the process.
    pub(crate) client: Client,
    /// The configured project's name.
    pub(crate) project: String,
    /// Cached registry and pack lookups, shared by resources and data sources.
    pub(crate) resolver: PackResolver,
    /// Read-only lookups a plan repeats per resource, memoised for one command's length.
    pub(crate) lookups: Lookups,
    project_scope: OnceCell<Scope>,
    cluster_locks: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

/// Lookups that many resources of one plan repeat, each made once per key and reused for a
/// short while (a Terraform command's refresh and plan walk run in one provider process).
#[derive(Debug, Default)]
pub(crate) struct Lookups {
    /// The cloud-account summaries of a scope (the cluster's plan-time account check).
    pub(crate) cloud_accounts: Memo<String, Arc<Vec<palette_api::models::CloudAccountSummary>>>,
    /// Cluster profiles by scope and uid (the cluster's plan-time profile checks).
    pub(crate) profiles: Memo<String, Arc<palette_api::models::ClusterProfile>>,
    /// Each profile's variables by scope and uid (the cluster's plan-time variable checks).
    pub(crate) profile_variables: Memo<String, Arc<Vec<palette_api::models::Variable>>>,
    /// Each cluster's health (`status.health.state`) by uid, from one search of a scope.
    pub(crate) cluster_health: Memo<String, Arc<HashMap<String, String>>>,
    /// The VPCs an AWS account sees in a region, by scope, account and region (the cluster's
    /// plan-time subnet checks).
    pub(crate) aws_vpcs: Memo<String, Arc<Vec<palette_api::models::AwsVpc>>>,
    /// The security groups of a VPC, by scope, account, region and VPC (the same checks).
    pub(crate) aws_security_groups: Memo<String, Arc<Vec<palette_api::models::AwsSecuritygroup>>>,
    /// What a data centre's gateway sees, as JSON (the cluster's plan-time placement checks):
    /// a vSphere gateway's datacenters and each compute cluster's resources, a MAAS account's
    /// zones and machine tags.
    pub(crate) placement_inventory: Memo<String, Arc<serde_json::Value>>,
}

/// The `context` an object lives in, as Palette records it (`metadata.annotations.scope`):
/// `project` or `tenant`; `None` for any other scope or none.
pub(crate) fn context_of(meta: Option<&ObjectMeta>) -> Option<&str> {
    meta?
        .annotations
        .as_ref()?
        .get("scope")
        .map(String::as_str)
        .filter(|s| *s == "project" || *s == "tenant")
}

/// The memo key of an object in a scope.
pub(crate) fn scoped_key(scope: &Scope, uid: &str) -> String {
    match scope {
        Scope::Project(project) => format!("project/{project}/{uid}"),
        Scope::Tenant => format!("tenant/{uid}"),
    }
}

impl PaletteData {
    /// Builds the client from the merged settings.
    pub(crate) fn new(settings: Settings) -> Result<PaletteData, Diagnostic> {
        let mut config = ClientConfig::new(settings.host.clone(), settings.api_key);
        config.insecure = settings.insecure;
        config.ca_pem = settings.ca_certificate;
        config.user_agent =
            concat!("terraform-provider-palette/", env!("CARGO_PKG_VERSION")).to_string();
        if let Some(max_retries) = settings.max_retries {
            config.retry.max_retries = max_retries;
        }
        if !settings.rate_limit {
            config.rate_limits = None;
        }
        let client = Client::new(config).map_err(|err| {
            Diagnostic::error(
                "Invalid Provider Configuration",
                format!(
                    "The Palette API client could not be built for host {:?}. Check `host` and \
                     `ca_certificate`.\n\nOriginal Error: {err}",
                    settings.host
                ),
            )
        })?;
        Ok(PaletteData::with_client(client, settings.project))
    }

    /// Wraps an existing client (tests use this).
    pub(crate) fn with_client(client: Client, project: String) -> PaletteData {
        PaletteData {
            resolver: PackResolver::new(client.clone()),
            client,
            project,
            lookups: Lookups::default(),
            project_scope: OnceCell::new(),
            cluster_locks: Mutex::new(HashMap::new()),
        }
    }

    /// The scope an object of `context` ("project" or "tenant") lives in. The project's uid is
    /// looked up once per process.
    pub(crate) async fn scope(&self, context: &str) -> Result<Scope, palette_api::Error> {
        if context == "tenant" {
            return Ok(Scope::Tenant);
        }
        self.project_scope
            .get_or_try_init(|| self.client.project_scope(&self.project))
            .await
            .cloned()
    }

    /// The uid of the live cluster named `name` in `scope`, `None` when there is none. The error
    /// (the API's, or Terraform's interrupt) is the diagnostic to report under `summary`.
    pub(crate) async fn find_cluster_uid(
        &self,
        ctx: &Context,
        scope: &Scope,
        name: &str,
        summary: &str,
    ) -> Result<Option<String>, Diagnostic> {
        match ctx.run(self.client.find_cluster_by_name(scope, name)).await {
            Ok(Ok(uid)) => Ok(uid),
            Ok(Err(err)) => Err(diagnostics::api_error(
                summary,
                &format!("looking up cluster {name:?}"),
                &err,
            )),
            Err(why) => Err(Diagnostic::error(
                summary,
                format!("The lookup was interrupted: {why}."),
            )),
        }
    }

    /// The configured data and the scope for `context`: the start of every handler that calls
    /// the API. The error is the diagnostic to report, under the handler's `summary`.
    pub(crate) async fn connect<'a>(
        provider_data: &'a ProviderData,
        context: &str,
        summary: &str,
    ) -> Result<(&'a PaletteData, Scope), Diagnostic> {
        let data = provider_data.require::<PaletteData>()?;
        let scope = data
            .scope(context)
            .await
            .map_err(|err| diagnostics::api_error(summary, "resolving the project", &err))?;
        Ok((data, scope))
    }

    /// Serialises writes to one cluster: the guard is held for the whole change and its wait.
    pub(crate) async fn lock_cluster(&self, cluster_uid: &str) -> tokio::sync::OwnedMutexGuard<()> {
        let lock = {
            let mut locks = self.cluster_locks.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(locks.entry(cluster_uid.to_string()).or_default())
        };
        lock.lock_owned().await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memo_keys_name_the_scope() {
        let project = Scope::Project("p1".into());
        assert_ne!(scoped_key(&project, "u"), scoped_key(&Scope::Tenant, "u"));
    }
}
