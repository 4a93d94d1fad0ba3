//! Reading a cluster back and refreshing state from it: drift in pools, profiles and values.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::Duration;

use palette_api::models::{
    SearchFilterBoolCondition, SearchFilterCondition, SearchFilterConjunctionOperator,
    SearchFilterGroup, SearchFilterItem, SearchFilterPropertyType, SearchFilterSpec,
    SearchFilterSummarySpec, SpectroCluster,
};
use palette_api::{Client, KubeconfigKind, Scope};
use tfplugin::{Block, Diagnostics, Nesting, Type, Value, ValueExt};

use crate::environments::{CloudConfigState, Environment, Pool};
use crate::provider_data::{PaletteData, context_of, scoped_key};
use crate::wait::Snapshot;
use crate::{environments, wait};
use palette_stack::values;

use super::PACK_CARRIER_PREFIX;
use super::schema::schema_v0;

/// Everything read about a cluster for a refresh.
#[derive(Clone)]
pub(super) struct Remote {
    pub(super) cluster: SpectroCluster,
    pub(super) snapshot: Snapshot,
    pub(super) env: Option<&'static dyn Environment>,
    pub(super) cloud_config: Option<CloudConfigState>,
    pub(super) variables: BTreeMap<String, BTreeMap<String, String>>,
    /// Per profile, the variables the cluster sets: not sensitive, and with a value other than
    /// the profile's default (an import writes these, and only these, into `variables`).
    pub(super) variables_set: BTreeMap<String, BTreeMap<String, String>>,
    /// When importing, each attached profile as stored, to tell the cluster's own pack values
    /// from the profile's.
    pub(super) profiles: BTreeMap<String, palette_api::models::ClusterProfile>,
    /// The content of each manifest the cluster deploys, by (profile uid, pack, manifest).
    pub(super) manifests: BTreeMap<(String, String, String), String>,
    /// When importing, the same manifests' content in the profiles themselves.
    pub(super) profile_manifests: BTreeMap<(String, String, String), String>,
    pub(super) kubeconfig: String,
    /// The namespaces and the role bindings, when they were read.
    pub(super) policies: Option<Policies>,
    /// The machines of the pools whose maintenance was read, by pool name.
    pub(super) machines: BTreeMap<String, Vec<super::nodes::Reported>>,
    /// The values the cluster's template gives its profiles' variables, by profile uid (read
    /// for an import of a cluster launched from a template).
    pub(super) template_fixed: BTreeMap<String, BTreeMap<String, String>>,
}

/// A cluster's namespaces and role bindings as Palette reports them.
#[derive(Debug, Clone, Default)]
pub(super) struct Policies {
    pub(super) namespaces: Vec<palette_api::models::ClusterNamespaceResource>,
    pub(super) rbacs: Vec<palette_api::models::ClusterRbac>,
    pub(super) backup: Option<palette_api::models::ClusterBackup>,
    pub(super) scan: Option<palette_api::models::ClusterComplianceScan>,
}

/// What a read fetches besides the cluster and its cloud config.
#[derive(Debug, Clone, Copy)]
pub(super) struct Needs<'a> {
    /// The profile variables set on the cluster.
    pub(super) variables: bool,
    /// The client kubeconfig (it feeds only `kubeconfig`, kept when `store_kubeconfig` is on).
    pub(super) kubeconfig: bool,
    /// The attached profiles themselves (an import compares the cluster's pack values with
    /// them).
    pub(super) profiles: bool,
    /// The content of every manifest the cluster deploys (a refresh of manifest overrides, an
    /// import).
    pub(super) manifests: bool,
    /// The namespaces, role bindings, backup and scan policies (four requests; a refresh reads
    /// them only when the state has one, an import always).
    pub(super) policies: bool,
    /// Where health comes from: the cluster's own overview (`None`), or one search of the
    /// scope memoised in the provider data, shared by every cluster a refresh reads.
    pub(super) health_memo: Option<&'a PaletteData>,
}

impl Needs<'_> {
    /// Everything, each from its own request (after a change and its wait).
    pub(super) const ALL: Needs<'static> = Needs {
        variables: true,
        kubeconfig: true,
        profiles: false,
        manifests: false,
        policies: true,
        health_memo: None,
    };
}

/// How long one search's health answers serve a refresh.
const HEALTH_MEMO_AGE: Duration = Duration::from_secs(30);

/// Reads the cluster, its cloud config, variables, health and kubeconfig; `None` when the
/// cluster is deleted.
pub(super) async fn read_remote(
    client: &Client,
    scope: &Scope,
    uid: &str,
) -> Result<Option<Remote>, palette_api::Error> {
    read_remote_with(client, scope, uid, Needs::ALL).await
}

/// The read of a refresh (`Read`), given the prior state: the kubeconfig only when
/// `store_kubeconfig` keeps it, the variables only when a profile of the state sets some (a
/// configuration that adds variables shows them as a change anyway; an import reads them), and
/// health from one memoised search of the scope instead of one overview per cluster.
pub(super) async fn read_for_refresh(
    data: &PaletteData,
    scope: &Scope,
    uid: &str,
    prior: &Value,
) -> Result<Option<Remote>, palette_api::Error> {
    let Some(mut remote) =
        read_remote_with(&data.client, scope, uid, Needs::for_refresh(prior, data)).await?
    else {
        return Ok(None);
    };
    let config_uid = remote
        .cluster
        .spec
        .as_ref()
        .and_then(|s| s.cloud_config_ref.as_ref())
        .and_then(|r| r.uid.clone());
    if let (Some(env), Some(config), Some(config_uid)) =
        (remote.env, &remote.cloud_config, config_uid)
    {
        let reported: Vec<String> = config.pools.iter().map(|p| p.name.clone()).collect();
        let importing = prior.get_str("name").is_none();
        let pools = super::nodes::pools_to_read(prior, &reported, importing);
        remote.machines = super::nodes::read(&data.client, scope, env, &config_uid, &pools).await?;
    }
    Ok(Some(remote))
}

impl<'a> Needs<'a> {
    /// What a refresh of `prior` reads (see `read_for_refresh`).
    fn for_refresh(prior: &Value, data: &'a PaletteData) -> Needs<'a> {
        let importing = prior.get_str("name").is_none();
        let template_profiles: Vec<Value> = prior
            .get_elements("cluster_template")
            .iter()
            .flat_map(|t| t.get_elements("cluster_profile").to_vec())
            .collect();
        let variables = importing
            || prior
                .get_elements("cluster_profile")
                .iter()
                .chain(template_profiles.iter())
                .any(|p| {
                    ["variables", "sensitive_variables"]
                        .iter()
                        .any(|map| p.get(map).is_some_and(|v| !v.is_null()))
                });
        let manifests = importing
            || prior.get_elements("cluster_profile").iter().any(|p| {
                p.get_elements("pack")
                    .iter()
                    .any(|pack| !pack.get_elements("manifest").is_empty())
            });
        let policies = importing
            || ["namespace", "rbac_binding"]
                .iter()
                .any(|list| !prior.get_elements(list).is_empty())
            || ["backup_policy", "scan_policy"]
                .iter()
                .any(|block| prior.get(block).is_some_and(|b| !b.is_null()));
        Needs {
            variables,
            kubeconfig: prior.get_bool("store_kubeconfig") == Some(true),
            profiles: importing,
            manifests,
            policies,
            health_memo: Some(data),
        }
    }
}

/// Reads the cluster, its cloud config and what `needs` asks for; `None` when the cluster is
/// deleted.
pub(super) async fn read_remote_with(
    client: &Client,
    scope: &Scope,
    uid: &str,
    needs: Needs<'_>,
) -> Result<Option<Remote>, palette_api::Error> {
    let cluster = client.get_cluster(scope, uid).await?;
    let mut snapshot = Snapshot::of(cluster.clone(), None);
    if snapshot.state == "Deleted" {
        return Ok(None);
    }
    let spec = cluster.spec.clone().unwrap_or_default();
    let env = spec
        .cloud_type
        .as_deref()
        .and_then(environments::by_cloud_type);
    let config_uid = spec.cloud_config_ref.as_ref().and_then(|r| r.uid.clone());
    let cloud_config = match (env, config_uid) {
        (Some(env), Some(config_uid)) => {
            match client
                .get_cloud_config::<serde_json::Value>(scope, &env.api_cloud_type(), &config_uid)
                .await
            {
                Ok(body) => env.read_cloud_config(body).ok(),
                Err(err) if err.is_not_found() => None,
                Err(err) => return Err(err),
            }
        }
        _ => None,
    };
    let listed = if !needs.variables {
        Vec::new()
    } else {
        match client.get_cluster_variables(scope, uid).await {
            Ok(list) => list,
            Err(err) if err.is_not_found() => Vec::new(),
            Err(err) => return Err(err),
        }
    };
    let mut variables = BTreeMap::new();
    let mut variables_set = BTreeMap::new();
    for entry in listed {
        let vars = entry.variables.unwrap_or_default();
        let set: BTreeMap<String, String> = vars
            .iter()
            .filter(|v| v.is_sensitive != Some(true))
            .filter(|v| {
                v.value.as_deref().unwrap_or("") != v.default_value.as_deref().unwrap_or("")
            })
            .map(|v| (v.name.clone(), v.value.clone().unwrap_or_default()))
            .collect();
        let all = vars
            .into_iter()
            .map(|v| (v.name, v.value.unwrap_or_default()))
            .collect();
        variables.insert(entry.profile_uid.clone(), all);
        variables_set.insert(entry.profile_uid, set);
    }
    let (manifests, profile_manifests) = if needs.manifests {
        read_manifests(client, scope, uid, &spec, needs.profiles).await?
    } else {
        Default::default()
    };
    let mut profiles = BTreeMap::new();
    if needs.profiles {
        for template in spec.cluster_profile_templates.iter().flatten() {
            let Some(profile_uid) = template.uid.as_deref() else {
                continue;
            };
            match client.get_cluster_profile(scope, profile_uid).await {
                Ok(profile) => {
                    profiles.insert(profile_uid.to_string(), profile);
                }
                Err(err) if err.is_not_found() => {}
                Err(err) => return Err(err),
            }
        }
    }
    let mut template_fixed = BTreeMap::new();
    let template = spec
        .cluster_template
        .as_ref()
        .and_then(|t| t.uid.as_deref())
        .filter(|uid| !uid.is_empty());
    if let (true, Some(template)) = (needs.profiles, template) {
        match client.get_cluster_template(scope, template).await {
            Ok(found) => {
                for profile in found.spec.and_then(|s| s.profiles).unwrap_or_default() {
                    let fixed: BTreeMap<String, String> = profile
                        .variables
                        .unwrap_or_default()
                        .into_iter()
                        .filter(|v| v.assign_strategy.as_deref().unwrap_or("all") == "all")
                        .filter_map(|v| Some((v.name?, v.value.unwrap_or_default())))
                        .collect();
                    template_fixed.insert(profile.uid.unwrap_or_default(), fixed);
                }
            }
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err),
        }
    }
    let memoised = match needs.health_memo {
        Some(data) => memoised_health(data, scope, uid).await,
        None => None,
    };
    match memoised {
        Some(health) => snapshot.health = Some(health).filter(|h| !h.is_empty()),
        None => match client.get_cluster_overview(scope, uid).await {
            Ok(overview) => snapshot.health = wait::health_of(&overview),
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err),
        },
    }
    let policies = if needs.policies {
        let namespaces = match client.get_cluster_namespaces(scope, uid).await {
            Ok(list) => list.items,
            Err(err) if err.is_not_found() => Vec::new(),
            Err(err) => return Err(err),
        };
        let rbacs = match client.get_cluster_rbacs(scope, uid).await {
            Ok(list) => list.items,
            Err(err) if err.is_not_found() => Vec::new(),
            Err(err) => return Err(err),
        };
        let backup = match client.get_cluster_backup(scope, uid).await {
            Ok(backup) => Some(backup),
            Err(err) if err.is_not_found() => None,
            Err(err) => return Err(err),
        };
        let scan = match client.get_cluster_scan(scope, uid).await {
            Ok(scan) => Some(scan),
            Err(err) if err.is_not_found() => None,
            Err(err) => return Err(err),
        };
        Some(Policies {
            namespaces,
            rbacs,
            backup,
            scan,
        })
    } else {
        None
    };
    let kubeconfig = if needs.kubeconfig && snapshot.state == "Running" {
        client
            .get_kubeconfig(scope, uid, KubeconfigKind::Client)
            .await?
            .unwrap_or_default()
    } else {
        String::new()
    };
    Ok(Some(Remote {
        cluster,
        snapshot,
        env,
        cloud_config,
        variables,
        variables_set,
        profiles,
        manifests,
        profile_manifests,
        kubeconfig,
        policies,
        machines: BTreeMap::new(),
        template_fixed,
    }))
}

/// A manifest's key: (profile uid, pack, manifest name).
type ManifestKey = (String, String, String);

/// The content of every manifest the cluster deploys, and with `with_profiles` the same
/// manifests' content in their profiles (what an import compares to find overrides).
async fn read_manifests(
    client: &Client,
    scope: &Scope,
    uid: &str,
    spec: &palette_api::models::SpectroClusterSpec,
    with_profiles: bool,
) -> Result<(BTreeMap<ManifestKey, String>, BTreeMap<ManifestKey, String>), palette_api::Error> {
    let mut deployed = BTreeMap::new();
    let mut own = BTreeMap::new();
    for template in spec.cluster_profile_templates.iter().flatten() {
        let Some(profile_uid) = template.uid.clone() else {
            continue;
        };
        for pack in template.packs.iter().flatten() {
            let refs = pack.manifests.clone().unwrap_or_default();
            if refs.is_empty() {
                continue;
            }
            for r in &refs {
                let (Some(name), Some(manifest_uid)) = (&r.name, &r.uid) else {
                    continue;
                };
                let manifest = match client.get_cluster_manifest(scope, uid, manifest_uid).await {
                    Ok(manifest) => manifest,
                    Err(err) if err.is_not_found() => continue,
                    Err(err) => return Err(err),
                };
                let content = manifest
                    .spec
                    .and_then(|s| s.published)
                    .and_then(|p| p.content)
                    .unwrap_or_default();
                deployed.insert(
                    (profile_uid.clone(), pack.name.clone(), name.clone()),
                    content,
                );
            }
            if with_profiles {
                let listed = match client
                    .get_cluster_profile_pack_manifests(scope, &profile_uid, &pack.name)
                    .await
                {
                    Ok(listed) => listed.items,
                    Err(err) if err.is_not_found() => Vec::new(),
                    Err(err) => return Err(err),
                };
                for item in listed {
                    let name = item.metadata.and_then(|m| m.name).unwrap_or_default();
                    let content = item
                        .spec
                        .and_then(|s| s.published.or(s.draft))
                        .and_then(|d| d.content)
                        .unwrap_or_default();
                    own.insert((profile_uid.clone(), pack.name.clone(), name), content);
                }
            }
        }
    }
    Ok((deployed, own))
}

/// The cluster's health from one search of the scope's live clusters, memoised for every
/// cluster a refresh reads (`POST /v1/dashboard/spectroclusters/search`: each summary's
/// `status.health.state`, the same field the overview carries). `None` when the search fails
/// or does not list the cluster: the caller then asks the overview.
// Limitation: the search lists every live cluster of the scope, so a project holding many more
// clusters than the configuration manages pays a page per 50 of them; filtering the search by
// the names a refresh reads would bound it by the configuration instead.
async fn memoised_health(data: &PaletteData, scope: &Scope, uid: &str) -> Option<String> {
    let key = scoped_key(scope, "cluster-health");
    let fetch = || async {
        let found = data.client.search_clusters(scope, &live_clusters()).await?;
        let health: HashMap<String, String> = found
            .into_iter()
            .filter_map(|c| {
                let uid = c.metadata?.uid?;
                let state = c
                    .status
                    .and_then(|s| s.health)
                    .and_then(|h| h.state)
                    .unwrap_or_default();
                Some((uid, state))
            })
            .collect();
        Ok::<_, palette_api::Error>(Arc::new(health))
    };
    let health = data
        .lookups
        .cluster_health
        .get(&key, HEALTH_MEMO_AGE, fetch)
        .await
        .ok()?;
    health.get(uid).cloned()
}

/// A search filter for every cluster not deleted.
fn live_clusters() -> SearchFilterSummarySpec {
    SearchFilterSummarySpec {
        filter: Some(SearchFilterSpec {
            conjunction: Some(SearchFilterConjunctionOperator::And),
            filter_groups: Some(vec![SearchFilterGroup {
                conjunction: Some(SearchFilterConjunctionOperator::And),
                filters: Some(vec![SearchFilterItem {
                    property: Some("isDeleted".to_owned()),
                    type_: Some(SearchFilterPropertyType::Bool),
                    condition: Some(SearchFilterCondition {
                        bool: Some(SearchFilterBoolCondition { value: Some(false) }),
                        ..Default::default()
                    }),
                }]),
            }]),
        }),
        sort: None,
    }
}

/// The cluster's cloud config uid.
pub(super) fn cloud_config_id(cluster: &Option<SpectroCluster>) -> String {
    cluster
        .as_ref()
        .and_then(|c| c.spec.as_ref())
        .and_then(|s| s.cloud_config_ref.as_ref())
        .and_then(|r| r.uid.clone())
        .unwrap_or_default()
}

/// Sets the computed progress attributes (`state`, `health`, `layers`, `kubeconfig`).
pub(super) fn set_progress(state: &mut Value, snapshot: Option<&Snapshot>, kubeconfig: &str) {
    match snapshot {
        Some(s) => {
            state.set("state", s.state.clone());
            state.set("health", s.health.clone().unwrap_or_default());
            // Only the layers of the profiles this resource attaches: a `palette_pack` or an
            // add-on profile attached to the cluster elsewhere is not this resource's change.
            let own: Vec<String> = state
                .get_elements("cluster_profile")
                .iter()
                .filter_map(|p| p.get_str("id").map(str::to_string))
                .collect();
            // A cluster launched from a template deploys the template's profiles: all of them
            // are this resource's.
            let from_template = !state.get_elements("cluster_template").is_empty();
            let own = (!from_template).then_some(own.as_slice());
            state.set("layers", layers_value(s, own));
        }
        None => {
            if state.get_str("state").is_none() {
                state.set("state", "Pending");
            }
            if state.get_str("health").is_none() {
                state.set("health", "");
            }
            if state
                .get("layers")
                .is_none_or(|l| l.as_elements().is_none())
            {
                state.set("layers", Value::List(Vec::new()));
            }
        }
    }
    // The kubeconfig enters state only when asked for: the ephemeral `palette_kubeconfig`
    // hands it to other providers without storing it anywhere.
    let stored = if state.get_bool("store_kubeconfig") == Some(true) {
        kubeconfig.to_string()
    } else {
        String::new()
    };
    state.set("kubeconfig", stored);
}

/// The type of one element of `layers`, shared with the `palette_cluster` data source.
pub(crate) fn layer_type() -> Type {
    Type::object([
        ("name", Type::String),
        ("layer", Type::String),
        ("version", Type::String),
        ("state", Type::String),
        ("message", Type::String),
    ])
}

/// The `layers` value of a cluster: every deployed pack in stack order, or with `profiles`
/// only the packs of those profiles.
pub(crate) fn layers_value(snapshot: &Snapshot, profiles: Option<&[String]>) -> Value {
    Value::List(
        snapshot
            .layers
            .iter()
            .filter(|l| profiles.is_none_or(|own| own.contains(&l.profile_uid)))
            .map(|l| {
                object([
                    ("name", Value::from(l.name.clone())),
                    ("layer", Value::from(l.layer.clone())),
                    ("version", Value::from(l.version.clone())),
                    ("state", Value::from(l.state.clone())),
                    ("message", Value::from(l.message.clone())),
                ])
            })
            .collect(),
    )
}

pub(super) fn object<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// A state object with every attribute null and every list block empty (for import).
pub(super) fn empty_state() -> Value {
    null_object(&schema_v0().block)
}

pub(super) fn null_object(block: &Block) -> Value {
    let mut out = BTreeMap::new();
    for attribute in &block.attributes {
        out.insert(attribute.name.clone(), Value::Null);
    }
    for nested in &block.blocks {
        let empty = match nested.nesting {
            Nesting::List | Nesting::Set => Value::List(Vec::new()),
            Nesting::Map => Value::Map(BTreeMap::new()),
            Nesting::Single | Nesting::Group => Value::Null,
        };
        out.insert(nested.type_name.clone(), empty);
    }
    Value::Object(out)
}

/// Refreshes a state from what Palette reports. Fields the state leaves null stay null unless
/// the state is an import (no name yet), which takes everything Palette reports.
pub(super) fn refresh(state: &mut Value, remote: &Remote, warnings: &mut Diagnostics) {
    let importing = state.get_str("name").is_none();
    let meta = remote.cluster.metadata.clone().unwrap_or_default();
    if let Some(name) = meta.name.clone() {
        state.set("name", name);
    }
    // Tags and description.
    let labels = meta.labels.clone().unwrap_or_default();
    let prior_tags = state.get("tags").cloned().unwrap_or(Value::Null);
    let tags = if labels.is_empty() {
        if prior_tags.as_map().is_some_and(|m| m.is_empty()) {
            prior_tags
        } else {
            Value::Null
        }
    } else {
        Value::Map(
            labels
                .into_iter()
                .map(|(k, v)| (k, Value::from(v)))
                .collect(),
        )
    };
    state.set("tags", tags);
    let description = meta
        .annotations
        .as_ref()
        .and_then(|a| a.get("description"))
        .cloned()
        .filter(|d| !d.is_empty());
    let prior_description = state.get("description").cloned().unwrap_or(Value::Null);
    state.set(
        "description",
        match description {
            Some(d) => Value::from(d),
            None if prior_description.as_str() == Some("") => prior_description,
            None => Value::Null,
        },
    );
    // Where the cluster lives, as Palette records it: an import by uid, or by a name the
    // project also sees, cannot say.
    if let Some(context) = context_of(Some(&meta)) {
        state.set("context", context);
    }

    // The environment block, the account and the pools.
    let Some(env) = remote.env else {
        warnings.warning(
            "Unknown Cluster Environment",
            format!(
                "Palette reports cloud type {:?} for this cluster, which this provider does not manage; \
                 only its status is refreshed.",
                remote.cluster.spec.as_ref().and_then(|s| s.cloud_type.clone()).unwrap_or_default()
            ),
        );
        refresh_computed(state, remote);
        return;
    };
    if let Some(config) = &remote.cloud_config {
        let prior_block = state.get(env.key()).cloned().unwrap_or(Value::Null);
        refresh_block(state, env, config, importing);
        keep_placement_defaults(state, env, &prior_block);
        if importing || state.get_str("cloud_account_id").is_some() {
            state.set(
                "cloud_account_id",
                environments::opt_str(&config.account_uid),
            );
        }
        refresh_pools(state, env, config, &remote.machines, importing);
    }
    refresh_profiles(state, remote, importing);
    refresh_template(state, remote, importing);
    super::settings::refresh(state, &remote.cluster, remote.env, importing);
    if let Some(policies) = &remote.policies {
        state.set(
            "namespace",
            super::policies::namespaces_value(&policies.namespaces),
        );
        state.set(
            "rbac_binding",
            super::policies::rbacs_value(&policies.rbacs),
        );
        state.set(
            "backup_policy",
            super::policies::backup_value(policies.backup.as_ref()),
        );
        state.set(
            "scan_policy",
            super::policies::scan_value(policies.scan.as_ref()),
        );
    }
    refresh_computed(state, remote);
}

pub(super) fn refresh_computed(state: &mut Value, remote: &Remote) {
    state.set(
        "cloud_config_id",
        cloud_config_id(&Some(remote.cluster.clone())),
    );
    set_progress(state, Some(&remote.snapshot), &remote.kubeconfig);
}

pub(super) fn refresh_block(
    state: &mut Value,
    env: &dyn Environment,
    config: &CloudConfigState,
    importing: bool,
) {
    let prior = state.get(env.key()).cloned().unwrap_or(Value::Null);
    let mut block = match prior {
        Value::Object(map) => map,
        _ if importing => env
            .attributes()
            .into_iter()
            .map(|a| (a.name, Value::Null))
            .chain(
                env.blocks()
                    .into_iter()
                    .map(|b| (b.type_name, Value::List(Vec::new()))),
            )
            .collect(),
        _ => return,
    };
    // Nested blocks (EKS Fargate profiles) are what Palette reports, whatever the state had.
    for nested in env.blocks() {
        if let Some(reported) = config.block.get(nested.type_name.as_str()) {
            block.insert(nested.type_name.clone(), reported.clone());
        }
    }
    for attribute in env.attributes() {
        let Some(reported) = config.block.get(attribute.name.as_str()) else {
            continue;
        };
        let slot = block.entry(attribute.name.clone()).or_insert(Value::Null);
        if importing || !slot.is_null() {
            *slot = reported.clone();
        }
    }
    state.set(env.key(), Value::Object(block));
}

/// The block's placement fields are read from where Palette placed the control plane; where
/// the configuration places the control-plane pool with `placement` blocks of its own, they say
/// nothing of the block's defaults, which then keep their prior values.
fn keep_placement_defaults(state: &mut Value, env: &dyn Environment, prior_block: &Value) {
    let placed_on_its_own = state.get_elements("machine_pool").iter().any(|p| {
        p.get_bool("control_plane") == Some(true)
            && !p.get_elements(environments::placement::BLOCK).is_empty()
    });
    if !env.takes_placement() || !placed_on_its_own {
        return;
    }
    let Some(mut block) = state.get(env.key()).cloned().filter(|b| !b.is_null()) else {
        return;
    };
    for field in environments::placement::FIELDS {
        block.set(
            field,
            prior_block.get(field).cloned().unwrap_or(Value::Null),
        );
    }
    state.set(env.key(), block);
}

pub(super) fn refresh_pools(
    state: &mut Value,
    env: &dyn Environment,
    config: &CloudConfigState,
    machines: &BTreeMap<String, Vec<super::nodes::Reported>>,
    importing: bool,
) {
    let reported = &config.pools;
    let prior: Vec<Value> = state.get_elements("machine_pool").to_vec();
    let defaults = environments::placement::Placement::from_value(
        state.get(env.key()).unwrap_or(&Value::Null),
    );
    let placements = |reported: &Pool, prior: &[Value]| {
        if env.takes_placement() {
            environments::placement::canonical(&reported.placements, &defaults, prior)
        } else {
            Value::List(Vec::new())
        }
    };
    let mut out = Vec::new();
    for pool in &prior {
        let name = pool.get_str("name").unwrap_or_default();
        let Some(api) = reported.iter().find(|p| p.name == name) else {
            // Removed outside Terraform: the plan adds it back.
            continue;
        };
        let mut pool = pool.clone();
        let sizing = env.sizing();
        // A pool written with `edge_host` blocks keeps `edge_hosts` null; the blocks refresh.
        let host_blocks = !pool.get_elements("edge_host").is_empty();
        if host_blocks {
            environments::refresh_edge_host_blocks(&mut pool, api, &config.host_names);
        }
        for field in environments::SizingField::ALL {
            if host_blocks && field == environments::SizingField::EdgeHosts {
                continue;
            }
            let taken = sizing.iter().any(|s| s.field == field);
            let mut value = api.sizing_value(field);
            if field == environments::SizingField::EdgeHosts
                && let (Some(hosts), Some(prior)) = (
                    &api.edge_hosts,
                    environments::get_strings(&pool, "edge_hosts"),
                )
            {
                // Keep a host written by name as its name.
                let named: Vec<String> = hosts
                    .iter()
                    .map(|uid| match config.host_names.get(uid) {
                        Some(name) if !prior.contains(uid) && prior.contains(name) => name.clone(),
                        _ => uid.clone(),
                    })
                    .collect();
                value = environments::opt_list(&Some(named));
            }
            let prior = pool.get(field.attr()).unwrap_or(&Value::Null);
            let prior_set = !prior.is_null();
            let always = matches!(
                field,
                environments::SizingField::Count | environments::SizingField::EdgeHosts
            );
            // Palette holds none of a field set before (removed outside Terraform): none. An
            // empty value set before means the same as none and stays.
            let removed = value.is_null()
                && field.none_when_unreported()
                && prior.as_elements().is_none_or(|e| !e.is_empty())
                && prior.as_map().is_none_or(|m| !m.is_empty());
            if taken && prior_set && removed {
                pool.set(field.attr(), Value::Null);
            } else if taken && !value.is_null() && (prior_set || always) {
                pool.set(field.attr(), value);
            }
        }
        for (field, value) in [("min", api.min), ("max", api.max)] {
            if pool.get(field).is_some_and(|v| !v.is_null())
                && let Some(value) = value
            {
                pool.set(field, value);
            }
        }
        if !env.managed_control_plane() {
            pool.set("control_plane", api.control_plane);
            if pool.get_bool("control_plane") == Some(true) {
                pool.set("control_plane_as_worker", api.control_plane_as_worker);
            }
        }
        let prior_labels = pool.get("labels").cloned().unwrap_or(Value::Null);
        pool.set(
            "labels",
            if api.labels.is_empty() {
                if prior_labels.as_map().is_some_and(|m| m.is_empty()) {
                    prior_labels
                } else {
                    Value::Null
                }
            } else {
                Value::Map(
                    api.labels
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                        .collect(),
                )
            },
        );
        pool.set("taints", environments::taints_value(&api.taints));
        let prior_placements = pool.get_elements(environments::placement::BLOCK).to_vec();
        pool.set(
            environments::placement::BLOCK,
            placements(api, &prior_placements),
        );
        for field in environments::LifecycleField::ALL {
            let prior = pool.get(field.attr()).cloned().unwrap_or(Value::Null);
            let reported = if env.lifecycle().contains(&field) {
                api.lifecycle_value(field)
            } else {
                Value::Null
            };
            // Where both mean the default (a strategy or interval left out, or Palette's own
            // default given; no annotations), the configuration's way of saying it stays, so a
            // default Palette fills in is no drift.
            let keep = field.means_default(&prior) && field.means_default(&reported);
            pool.set(field.attr(), if keep { prior } else { reported });
        }
        if let Some(reported) = machines.get(name) {
            let prior = pool.get_elements(super::nodes::BLOCK).to_vec();
            pool.set(
                super::nodes::BLOCK,
                super::nodes::refreshed(&prior, reported),
            );
        }
        out.push(pool);
    }
    // Pools added outside Terraform show as drift (the plan removes them); an import takes all.
    for api in reported {
        if !out
            .iter()
            .any(|p| p.get_str("name") == Some(api.name.as_str()))
        {
            let mut pool = api.clone();
            // An autoscaling range equal to the size is what leaving min and max out means (an
            // edge pool's size is its host count).
            let size = pool
                .count
                .or_else(|| pool.edge_hosts.as_ref().map(|h| h.len() as i64));
            if pool.min == size {
                pool.min = None;
            }
            if pool.max == size {
                pool.max = None;
            }
            // Edge hosts are named as people write them: by name, where the host has one.
            if let Some(hosts) = &mut pool.edge_hosts {
                for host in hosts.iter_mut() {
                    if let Some(name) = config.host_names.get(host.as_str()) {
                        *host = name.clone();
                    }
                }
            }
            for host in pool.edge_host.iter_mut().flatten() {
                if let Some(name) = config.host_names.get(&host.host) {
                    host.host = name.clone();
                }
            }
            // Not a system pool is what leaving `is_system_node_pool` out means, so an import
            // (and `-generate-config-out`) plans clean against a configuration without it; so
            // are Palette's default architecture and OS.
            if pool.system_node_pool == Some(false) {
                pool.system_node_pool = None;
            }
            // So is bare metal (no LXD virtual machines) on MAAS.
            if pool.use_lxd_vm == Some(false) {
                pool.use_lxd_vm = None;
            }
            if pool.arch_type.as_deref() == Some("amd64") {
                pool.arch_type = None;
            }
            if pool.os_type.as_deref() == Some("Linux") {
                pool.os_type = None;
            }
            if !importing {
                // Only the identity and size: enough for the plan to show what it removes.
                pool = Pool {
                    min: None,
                    max: None,
                    ..pool
                };
            }
            let mut value = environments::pool_to_value(&pool);
            if !env
                .sizing()
                .iter()
                .any(|s| s.field == environments::SizingField::Count)
            {
                value.set("count", Value::Null);
            }
            for field in environments::SizingField::ALL {
                if !env.sizing().iter().any(|s| s.field == field) {
                    value.set(field.attr(), Value::Null);
                }
            }
            for field in environments::LifecycleField::ALL {
                if !env.lifecycle().contains(&field) {
                    value.set(field.attr(), Value::Null);
                }
            }
            if let Some(reported) = machines.get(&pool.name) {
                value.set(super::nodes::BLOCK, super::nodes::refreshed(&[], reported));
            }
            value.set(environments::placement::BLOCK, placements(&pool, &[]));
            out.push(value);
        }
    }
    state.set("machine_pool", Value::List(out));
}

/// The `pack` overrides an import reads: each pack of the cluster's template whose values, or
/// one of whose manifests, mean something else than the same in the profile.
fn pack_overrides(
    template: &palette_api::models::ClusterProfileTemplate,
    profile: &palette_api::models::ClusterProfile,
    remote: &Remote,
) -> Vec<Value> {
    let profile_uid = template.uid.clone().unwrap_or_default();
    let own = profile
        .spec
        .as_ref()
        .and_then(|s| s.published.as_ref().or(s.draft.as_ref()));
    template
        .packs
        .iter()
        .flatten()
        .filter_map(|pack| {
            let cluster_values = pack.values.as_deref().unwrap_or("");
            let profile_values = own
                .and_then(|t| t.packs.iter().flatten().find(|p| p.name == pack.name))
                .and_then(|p| p.values.as_deref())
                .unwrap_or("");
            let values_differ = !values::equivalent(cluster_values, profile_values);
            let manifests: Vec<Value> = remote
                .manifests
                .iter()
                .filter(|((p, k, _), _)| *p == profile_uid && *k == pack.name)
                .filter(|(key, content)| {
                    remote
                        .profile_manifests
                        .get(*key)
                        .is_none_or(|own| !values::equivalent(content, own))
                })
                .map(|((_, _, name), content)| {
                    object([
                        ("name", Value::from(name.clone())),
                        ("content", Value::from(content.clone())),
                    ])
                })
                .collect();
            if !values_differ && manifests.is_empty() {
                return None;
            }
            let values = if values_differ {
                Value::from(cluster_values.to_string())
            } else {
                Value::Null
            };
            Some(object([
                ("name", Value::from(pack.name.clone())),
                ("tag", Value::Null),
                ("values", values),
                ("manifest", Value::List(manifests)),
            ]))
        })
        .collect()
}

/// The template a cluster was launched from (`spec.clusterTemplate.uid`), if any.
pub(super) fn template_uid(remote: &Remote) -> Option<String> {
    remote
        .cluster
        .spec
        .as_ref()
        .and_then(|s| s.cluster_template.as_ref())
        .and_then(|t| t.uid.clone())
        .filter(|uid| !uid.is_empty())
}

/// `cluster_template` from a cluster launched from a template: its uid, and per profile block
/// the values the cluster reports for the variables the state gives (drift). An import lists
/// each profile whose variables the cluster sets off their default and off the template's own
/// values (`template_fixed`, by profile uid), so the configuration that states them plans empty. A
/// cluster not launched from a template has no block.
pub(super) fn refresh_template(state: &mut Value, remote: &Remote, importing: bool) {
    let fixed = &remote.template_fixed;
    let Some(uid) = template_uid(remote) else {
        state.set("cluster_template", Value::List(Vec::new()));
        return;
    };
    let prior = state.get_elements("cluster_template").first().cloned();
    let mut profiles: Vec<Value> = Vec::new();
    if importing {
        for (profile_uid, set) in &remote.variables_set {
            let own: BTreeMap<String, Value> = set
                .iter()
                .filter(|(k, v)| fixed.get(profile_uid).and_then(|f| f.get(*k)) != Some(*v))
                .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                .collect();
            if !own.is_empty() {
                profiles.push(object([
                    ("id", Value::from(profile_uid.clone())),
                    ("variables", Value::Map(own)),
                    ("sensitive_variables", Value::Null),
                ]));
            }
        }
    } else {
        for profile in prior
            .as_ref()
            .map(|p| p.get_elements("cluster_profile").to_vec())
            .unwrap_or_default()
        {
            let mut profile = profile.clone();
            let id = profile.get_str("id").unwrap_or_default().to_string();
            refresh_variables(&mut profile, remote.variables.get(&id));
            profiles.push(profile);
        }
    }
    state.set(
        "cluster_template",
        Value::List(vec![object([
            ("id", Value::from(uid)),
            ("cluster_profile", Value::List(profiles)),
        ])]),
    );
}

/// A profile block's `variables` and `sensitive_variables` as the cluster reports them
/// (`theirs`), for the names the block gives; a name the cluster does not report keeps its value.
fn refresh_variables(profile: &mut Value, theirs: Option<&BTreeMap<String, String>>) {
    let Some(theirs) = theirs else { return };
    for map in ["variables", "sensitive_variables"] {
        if let Some(mine) = profile.get(map).and_then(Value::as_map).cloned() {
            let refreshed: BTreeMap<String, Value> = mine
                .into_iter()
                .map(|(k, v)| {
                    let value = theirs.get(&k).map(|t| Value::from(t.clone())).unwrap_or(v);
                    (k, value)
                })
                .collect();
            profile.set(map, Value::Map(refreshed));
        }
    }
}

pub(super) fn refresh_profiles(state: &mut Value, remote: &Remote, importing: bool) {
    if template_uid(remote).is_some() {
        // The template gives the profiles (`refresh_template`).
        state.set("cluster_profile", Value::List(Vec::new()));
        return;
    }
    let templates = remote
        .cluster
        .spec
        .as_ref()
        .and_then(|s| s.cluster_profile_templates.clone())
        .unwrap_or_default();
    let prior: Vec<Value> = state.get_elements("cluster_profile").to_vec();
    let mut out = Vec::new();
    for profile in &prior {
        let id = profile.get_str("id").unwrap_or_default();
        let Some(template) = templates.iter().find(|t| t.uid.as_deref() == Some(id)) else {
            // Detached outside Terraform: the plan attaches it again.
            continue;
        };
        let mut profile = profile.clone();
        let packs: Vec<Value> = profile
            .get_elements("pack")
            .iter()
            .map(|pack| {
                let mut pack = pack.clone();
                let name = pack.get_str("name").unwrap_or_default().to_string();
                if let Some(api) = template.packs.iter().flatten().find(|p| p.name == name) {
                    if pack.get_str("tag").is_some()
                        && let Some(tag) = &api.tag
                    {
                        pack.set("tag", tag.clone());
                    }
                    if let (Some(mine), Some(theirs)) =
                        (pack.get_str("values").map(str::to_string), &api.values)
                        && !values::equivalent(&mine, theirs)
                    {
                        pack.set("values", theirs.clone());
                    }
                }
                // A manifest override reads back as the cluster deploys it.
                let manifests: Vec<Value> = pack
                    .get_elements("manifest")
                    .iter()
                    .map(|m| {
                        let mut m = m.clone();
                        let key = (
                            id.to_string(),
                            name.clone(),
                            m.get_str("name").unwrap_or_default().to_string(),
                        );
                        if let (Some(mine), Some(theirs)) = (
                            m.get_str("content").map(str::to_string),
                            remote.manifests.get(&key),
                        ) && !values::equivalent(&mine, theirs)
                        {
                            m.set("content", theirs.clone());
                        }
                        m
                    })
                    .collect();
                if !manifests.is_empty() {
                    pack.set("manifest", Value::List(manifests));
                }
                pack
            })
            .collect();
        profile.set("pack", Value::List(packs));
        refresh_variables(&mut profile, remote.variables.get(id));
        out.push(profile);
    }
    if importing {
        for template in &templates {
            let uid = template.uid.clone().unwrap_or_default();
            if template
                .name
                .as_deref()
                .is_some_and(|n| n.starts_with(PACK_CARRIER_PREFIX))
            {
                continue;
            }
            // What the cluster sets itself: variables off their default, and pack values that
            // differ (by meaning) from the profile's.
            let overrides = remote
                .profiles
                .get(&uid)
                .map(|profile| pack_overrides(template, profile, remote))
                .unwrap_or_default();
            // `variables_set` leaves sensitive values out: they stay in Palette (Terraform would
            // only write `null # sensitive` for them in generated configuration), and a
            // configuration that gives them plans one in-place update that sets the same value.
            let variables = remote
                .variables_set
                .get(&uid)
                .filter(|set| !set.is_empty())
                .map_or(Value::Null, |set| {
                    Value::Map(
                        set.iter()
                            .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                            .collect(),
                    )
                });
            out.push(object([
                ("id", Value::from(uid)),
                ("variables", variables),
                ("sensitive_variables", Value::Null),
                ("pack", Value::List(overrides)),
            ]));
        }
    }
    state.set("cluster_profile", Value::List(out));
}

#[cfg(test)]
mod refresh_tests {
    use super::*;
    fn data() -> PaletteData {
        let config = palette_api::ClientConfig::new("http://127.0.0.1:9", "k");
        PaletteData::with_client(Client::new(config).expect("client builds"), "p".into())
    }

    #[test]
    fn a_refresh_reads_only_what_the_state_can_show() {
        let data = data();
        let mut state = empty_state();
        // An import reads variables (there is no prior to go by), never a kubeconfig unasked.
        let needs = Needs::for_refresh(&state, &data);
        assert!(needs.variables && !needs.kubeconfig && needs.health_memo.is_some());

        state.set("name", "c");
        state.set("store_kubeconfig", false);
        let mut profile = object([
            ("id", Value::from("p1")),
            ("variables", Value::Null),
            ("pack", Value::List(Vec::new())),
        ]);
        state.set("cluster_profile", Value::List(vec![profile.clone()]));
        let needs = Needs::for_refresh(&state, &data);
        assert!(!needs.variables && !needs.kubeconfig, "nothing to show");

        profile.set(
            "variables",
            Value::Map([("replicas".to_string(), Value::from("3"))].into()),
        );
        state.set("cluster_profile", Value::List(vec![profile]));
        state.set("store_kubeconfig", true);
        let needs = Needs::for_refresh(&state, &data);
        assert!(needs.variables && needs.kubeconfig);
        // After a change, the final read takes everything from the cluster itself.
        assert!(Needs::ALL.variables && Needs::ALL.kubeconfig && Needs::ALL.health_memo.is_none());
    }

    #[test]
    fn the_health_search_asks_for_live_clusters_only() {
        let body = serde_json::to_value(live_clusters()).expect("serialises");
        let item = &body["filter"]["filterGroups"][0]["filters"][0];
        assert_eq!(item["property"], "isDeleted");
        assert_eq!(item["condition"]["bool"]["value"], false);
    }
}
