//! The data every handler shares within one provider process: the API client, the resolved
//! project, the lookup caches (and the per-command memo of plan-time lookups) and the
//! per-cluster write locks.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use palette_api::{Client, ClientConfig, Scope};
use tfplugin::{Context, Diagnostic, ProviderData};
use tokio::sync::OnceCell;

use crate::diagnostics;
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
    pub(crate) cloud_accounts: Memo<Vec<palette_api::models::CloudAccountSummary>>,
    /// Cluster profiles by scope and uid (the cluster's plan-time profile checks).
    pub(crate) profiles: Memo<palette_api::models::ClusterProfile>,
    /// Each cluster's health (`status.health.state`) by uid, from one search of a scope.
    pub(crate) cluster_health: Memo<HashMap<String, String>>,
}

/// One memoised value per key: concurrent callers of a key wait for one fetch; a value older
/// than the caller's `max_age` is fetched again; failures are not kept.
#[derive(Debug)]
pub(crate) struct Memo<T> {
    slots: Mutex<HashMap<String, Slot<T>>>,
}

/// One key's value and when it was fetched; the async lock makes concurrent callers wait for
/// one fetch.
type Slot<T> = Arc<tokio::sync::Mutex<Option<(Instant, Arc<T>)>>>;

impl<T> Default for Memo<T> {
    fn default() -> Self {
        Memo {
            slots: Mutex::new(HashMap::new()),
        }
    }
}

impl<T> Memo<T> {
    /// The value of `key`, fetched unless one younger than `max_age` is kept.
    pub(crate) async fn get<E, F, Fut>(
        &self,
        key: &str,
        max_age: Duration,
        fetch: F,
    ) -> Result<Arc<T>, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        let slot = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            Arc::clone(slots.entry(key.to_string()).or_default())
        };
        let mut kept = slot.lock().await;
        if let Some((at, value)) = kept.as_ref()
            && at.elapsed() < max_age
        {
            return Ok(Arc::clone(value));
        }
        let value = Arc::new(fetch().await?);
        *kept = Some((Instant::now(), Arc::clone(&value)));
        Ok(value)
    }

    /// Drops the value of `key`, so the next `get` fetches it.
    pub(crate) fn forget(&self, key: &str) {
        self.slots
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }
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
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test]
    async fn a_memo_fetches_once_per_key_and_again_after_forget() {
        let memo: Memo<usize> = Memo::default();
        let fetches = AtomicUsize::new(0);
        let fetch = || async { Ok::<_, ()>(fetches.fetch_add(1, Ordering::SeqCst) + 1) };
        let age = Duration::from_secs(60);
        let (a, b) = tokio::join!(memo.get("k", age, fetch), memo.get("k", age, fetch));
        assert_eq!(
            (*a.unwrap(), *b.unwrap()),
            (1, 1),
            "concurrent callers share one fetch"
        );
        assert_eq!(*memo.get("other", age, fetch).await.unwrap(), 2);
        memo.forget("k");
        assert_eq!(*memo.get("k", age, fetch).await.unwrap(), 3);
        assert_eq!(
            *memo.get("k", Duration::ZERO, fetch).await.unwrap(),
            4,
            "too old"
        );
        let failed: Result<Arc<usize>, &str> = memo.get("bad", age, || async { Err("no") }).await;
        assert!(failed.is_err());
        assert_eq!(
            *memo.get("bad", age, fetch).await.unwrap(),
            5,
            "failures are not kept"
        );
    }

    #[test]
    fn memo_keys_name_the_scope() {
        let project = Scope::Project("p1".into());
        assert_ne!(scoped_key(&project, "u"), scoped_key(&Scope::Tenant, "u"));
    }
}
