//! Plan-time checks: the configuration alone, then read-only API calls (cloud account,
//! profiles, edge hosts). None of them writes.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use palette_api::Scope;
use palette_api::models::{CloudAccountSummary, ClusterProfile};
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::environments::{Environment, Pool};
use crate::provider_data::{PaletteData, scoped_key};
use crate::{diagnostics, environments};
use palette_stack::environment_names::{Environment as Name, Scope as ProfileScope};
use palette_stack::layers::{ProfileInfo, ProfileType, check_cluster_stack};

use super::model::{environment_keys, environment_of, timeouts_of};

/// Checks of the configuration alone (no API): environment block, pools, timeouts.
pub(super) fn check_config(config: &Value, diags: &mut Diagnostics) {
    let env = chosen_environment(config, diags);
    match timeouts_of(config) {
        Err((path, message)) => {
            diags.attribute_error(path, "Invalid Timeout", format!("{message}."));
        }
        Ok(timeouts) => check_force_delete_delay(config, timeouts.delete, diags),
    }
    super::settings::check(config, env, diags);
    super::policies::check(config, diags);
    super::template::check_choice(config, env, diags);
    let Some(env) = env else { return };
    check_account_setting(env, config, diags);
    let Some(pool_values) = config.get("machine_pool").and_then(Value::as_elements) else {
        return;
    };
    environments::check_pools(env, pool_values, diags);
    check_machine_pools(env, pool_values, diags);
    if let Some(block) = config.get(env.key()) {
        let pools: Vec<Pool> = pool_values.iter().map(Pool::from_value).collect();
        env.check(block, &AttributePath::root(env.key()), &pools, diags);
        if !block.is_unknown() {
            env.check_with_pools(block, pool_values, diags);
        }
        if env.takes_placement() && !block.is_unknown() {
            environments::placement::check_static_ip(
                block,
                &AttributePath::root(env.key()),
                pool_values,
                diags,
            );
        }
    }
}

/// `force_delete_delay` must be a duration, and with `force_delete` (its default too) shorter than
/// the delete timeout, else the force delete could never come. Each part waits while its inputs
/// are unknown (a module variable at validate): the delay itself, and the delete timeout.
fn check_force_delete_delay(
    config: &Value,
    delete_limit: std::time::Duration,
    diags: &mut Diagnostics,
) {
    if config
        .get("force_delete_delay")
        .is_some_and(Value::is_unknown)
    {
        return;
    }
    let forced = config.get_bool("force_delete") == Some(true);
    let Some(text) = config
        .get_str("force_delete_delay")
        .or(forced.then_some(super::delete::DEFAULT_FORCE_DELETE_DELAY))
    else {
        return;
    };
    let timeouts = config.get("timeouts");
    let limit_known =
        !timeouts.is_some_and(|t| t.is_unknown() || t.get("delete").is_some_and(Value::is_unknown));
    let path = AttributePath::root("force_delete_delay");
    match crate::wait::parse_duration(text) {
        Err(message) => diags.attribute_error(path, "Invalid Duration", format!("{message}.")),
        Ok(delay) if forced && limit_known && delay >= delete_limit => diags.attribute_error(
            path,
            "Force Delete Delay Too Long",
            format!(
                "force_delete_delay ({text}) is not shorter than the delete timeout ({}), so the force \
                 delete would never come; shorten it or raise `timeouts.delete`.",
                crate::wait::format_duration(delete_limit)
            ),
        ),
        Ok(_) => {}
    }
}

/// The one environment block the configuration sets, once that is known: `None` (with an
/// error) when none or several are set, and `None` while a block may yet turn out set.
fn chosen_environment(config: &Value, diags: &mut Diagnostics) -> Option<&'static dyn Environment> {
    // An environment block from a `dynamic` block or a module variable may be unknown at
    // validate: it may turn out set or absent, so the block checks wait until it is known.
    // A `dynamic` block whose `for_each` is unknown reaches the provider as one block whose
    // attributes the template sets are unknown (the others null), or as an unknown block. A
    // block written out whose every set attribute is unknown looks the same, and waits too:
    // Terraform validates again with known values at plan, and at apply before any write.
    let undecided_block = |block: &Value| match block {
        Value::Object(attrs) => {
            attrs.values().any(Value::is_unknown)
                && attrs.values().all(|v| v.is_unknown() || v.is_null())
        }
        other => other.is_unknown(),
    };
    let block_of = |env: &&'static dyn Environment| config.get(env.key()).unwrap_or(&Value::Null);
    let set: Vec<&'static dyn Environment> = environments::ALL
        .iter()
        .copied()
        .filter(|env| {
            let block = block_of(env);
            !block.is_null() && !undecided_block(block)
        })
        .collect();
    let undecided = environments::ALL
        .iter()
        .any(|env| undecided_block(block_of(env)));
    match set.as_slice() {
        [] if undecided => None,
        [] => {
            diags.error(
                "Missing Environment Block",
                format!(
                    "A cluster is deployed on exactly one environment; add one environment block: {}.",
                    environment_keys()
                ),
            );
            None
        }
        // Another block may yet be set: check this one's pools once that is known.
        [_] if undecided => None,
        [one] => Some(*one),
        [first, rest @ ..] => {
            for other in rest {
                diags.attribute_error(
                    AttributePath::root(other.key()),
                    "Conflicting Environment Blocks",
                    format!(
                        "A cluster is deployed on exactly one environment, but both `{}` and `{}` are set. \
                         Keep one of them.",
                        first.key(),
                        other.key()
                    ),
                );
            }
            None
        }
    }
}

/// The `cloud_account_id` against the environment: set when it deploys with an account, left
/// out when it takes none.
fn check_account_setting(env: &dyn Environment, config: &Value, diags: &mut Diagnostics) {
    let account = config.get("cloud_account_id").unwrap_or(&Value::Null);
    match env.account_environment() {
        _ if account.is_unknown() => {}
        None if !account.is_null() => diags.attribute_error(
            AttributePath::root("cloud_account_id"),
            "Unexpected Cloud Account",
            format!("{} clusters take no cloud account; remove `cloud_account_id`.", env.display_name()),
        ),
        Some(kind) if account.is_null() => diags.attribute_error(
            AttributePath::root("cloud_account_id"),
            "Missing Cloud Account",
            format!(
                "{} clusters deploy with a {} cloud account; set `cloud_account_id` (for example from the \
                 `palette_cloud_account` data source).",
                env.display_name(),
                kind.display_name()
            ),
        ),
        _ => {}
    }
}

/// Checks across the configured machine pools: unique names, control-plane pools (none where
/// the cloud runs the control plane, one otherwise) and each pool's size.
fn check_machine_pools(env: &dyn Environment, pool_values: &[Value], diags: &mut Diagnostics) {
    let mut names = BTreeSet::new();
    let mut control_planes = 0;
    let mut all_known = true;
    for (index, pool) in pool_values.iter().enumerate() {
        let path = AttributePath::root("machine_pool").index(index as i64);
        if pool.is_unknown() {
            all_known = false;
            continue;
        }
        if let Some(name) = pool.get_str("name")
            && !names.insert(name.to_string())
        {
            diags.attribute_error(
                path.clone().attr("name"),
                "Duplicate Machine Pool",
                format!("Two machine pools are named {name:?}; pool names identify pools and must be unique."),
            );
        }
        match pool.get("control_plane") {
            Some(Value::Bool(true)) => {
                control_planes += 1;
                if env.managed_control_plane() {
                    diags.attribute_error(
                        path.clone().attr("control_plane"),
                        "Managed Control Plane",
                        format!(
                            "{} runs the Kubernetes control plane itself, so its machine pools are workers \
                             only. Remove `control_plane` from this pool.",
                            env.display_name()
                        ),
                    );
                }
            }
            Some(v) if v.is_unknown() => all_known = false,
            _ => {}
        }
        check_pool_size(pool, path, diags);
    }
    if control_planes == 0
        && all_known
        && !env.managed_control_plane()
        && pool_values
            .iter()
            .all(|p| p.is_fully_known() || p.get("control_plane").is_some_and(|v| !v.is_unknown()))
    {
        // Terraform can show an attribute's line but not a whole block list's: point at the
        // first pool's `control_plane`, where the fix goes.
        diags.attribute_error(
            AttributePath::root("machine_pool")
                .index(0)
                .attr("control_plane"),
            "Missing Control-Plane Pool",
            format!(
                "A {} cluster needs a machine pool with `control_plane = true` to run Kubernetes.",
                env.display_name()
            ),
        );
    }
}

/// One pool's size: `count` within `min` .. `max`, `min` not above `max`, and a control-plane
/// pool not empty.
fn check_pool_size(pool: &Value, path: AttributePath, diags: &mut Diagnostics) {
    let count = pool.get_i64("count");
    for (bound, value) in [("min", pool.get_i64("min")), ("max", pool.get_i64("max"))] {
        if let (Some(count), Some(limit)) = (count, value) {
            let outside = if bound == "min" {
                count < limit
            } else {
                count > limit
            };
            if outside {
                diags.attribute_error(
                    path.clone().attr("count"),
                    "Pool Size Out Of Range",
                    format!(
                        "Pool {:?} has count = {count}, outside its autoscaling range min = {} .. max = {}.",
                        pool.get_str("name").unwrap_or_default(),
                        pool.get_i64("min").map(|v| v.to_string()).unwrap_or_else(|| "count".into()),
                        pool.get_i64("max").map(|v| v.to_string()).unwrap_or_else(|| "count".into()),
                    ),
                );
            }
        }
    }
    if let (Some(min), Some(max)) = (pool.get_i64("min"), pool.get_i64("max"))
        && min > max
    {
        diags.attribute_error(
            path.clone().attr("min"),
            "Pool Size Out Of Range",
            format!("min = {min} is above max = {max}."),
        );
    }
    if pool.get_bool("control_plane") == Some(true) && count == Some(0) {
        diags.attribute_error(
            path.clone().attr("count"),
            "Empty Control Plane",
            "A control-plane pool needs at least one node.",
        );
    }
    // On Edge a pool's size is its host list.
    if pool.get_bool("control_plane") == Some(true)
        && pool
            .get("edge_hosts")
            .and_then(Value::as_elements)
            .is_some_and(<[Value]>::is_empty)
    {
        diags.attribute_error(
            path.attr("edge_hosts"),
            "Empty Control Plane",
            "A control-plane pool needs at least one node: name at least one edge host.",
        );
    }
}

/// How long a plan-time lookup is reused: the length of one command's plan walk, about. A
/// memoised answer only ever confirms a check; an answer that would fail one is looked up
/// again first.
const MEMO_AGE: Duration = Duration::from_secs(120);

/// Whether `account` is among `accounts` and of the environment's kind.
fn account_fits(accounts: &[CloudAccountSummary], account: &str, kind: Name) -> bool {
    accounts.iter().any(|a| {
        a.metadata.as_ref().and_then(|m| m.uid.as_deref()) == Some(account)
            && a.kind.as_deref().and_then(Name::from_account_kind) == Some(kind)
    })
}

/// Plan-time checks that read the API (no writes): the cloud account and the profiles. Both
/// lookups are memoised per scope (`PaletteData::lookups`), so a plan of many clusters lists
/// the accounts once and reads each shared profile once.
pub(super) async fn check_with_api(data: &PaletteData, config: &Value, diags: &mut Diagnostics) {
    let Some((env, _)) = environment_of(config) else {
        return;
    };
    // The scope decides where every lookup goes: one not known yet waits.
    if config.get("context").is_some_and(Value::is_unknown) {
        return;
    }
    let context = config.get_str("context").unwrap_or("project");
    let Ok(scope) = data.scope(context).await else {
        return;
    };
    check_cloud_account(data, &scope, context, env, config, diags).await;
    check_placements(data, &scope, env, config, diags).await;
    check_maas_zones_and_tags(data, &scope, env, config, diags).await;
    check_edge_hosts(data, &scope, config, diags).await;
    check_hyper_shift_host(data, &scope, env, config, diags).await;
    super::network::check(data, &scope, env, config, diags).await;
    // A `dynamic` template block not known yet may hold a template or nothing: both wait.
    match super::template::has_elements(config, "cluster_template") {
        Some(false) => check_profiles(data, &scope, context, env, config, diags).await,
        Some(true) => {
            super::template::check_with_api(data, &scope, context, env, config, diags).await
        }
        None => {}
    }
}

/// An `openshift` cluster's `host_cluster_uid` names a cluster of the scope that is a HyperShift
/// management cluster (`hyper_shift_config.cluster_deployment_type = "hypershift"`). Unknown
/// values wait; a cluster made in the same apply is unknown until then.
async fn check_hyper_shift_host(
    data: &PaletteData,
    scope: &Scope,
    env: &dyn Environment,
    config: &Value,
    diags: &mut Diagnostics,
) {
    let Some(block) = config
        .get("hyper_shift_config")
        .filter(|b| !b.is_null() && !b.is_unknown())
    else {
        return;
    };
    if env.key() != "maas" || block.get_str("cluster_deployment_type") != Some("openshift") {
        return;
    }
    let Some(host) = block.get_str("host_cluster_uid") else {
        return;
    };
    let at = AttributePath::root("hyper_shift_config").attr("host_cluster_uid");
    match data.client.get_cluster(scope, host).await {
        Err(err) if err.is_not_found() => diags.attribute_error(
            at,
            "Unknown Host Cluster",
            format!(
                "There is no cluster {host:?} in this {} to host the control plane; name a \
                 HyperShift management cluster's uid.",
                if matches!(scope, Scope::Tenant) {
                    "tenant"
                } else {
                    "project"
                }
            ),
        ),
        Err(_) => {}
        Ok(cluster) => {
            let kind = cluster
                .spec
                .and_then(|s| s.cluster_config)
                .and_then(|c| c.hyper_shift_config)
                .and_then(|h| h.cluster_deployment_type);
            if kind.as_deref() != Some("hypershift") {
                let name = cluster
                    .metadata
                    .and_then(|m| m.name)
                    .unwrap_or_else(|| host.to_string());
                diags.attribute_error(
                    at,
                    "Not A HyperShift Management Cluster",
                    format!(
                        "Cluster {name:?} ({host}) is not a HyperShift management cluster (its \
                         `hyper_shift_config.cluster_deployment_type` is not `hypershift`), so it \
                         cannot host this OpenShift cluster's control plane."
                    ),
                );
            }
        }
    }
}

/// Checks that the cloud account exists in the scope and is of the environment's kind.
async fn check_cloud_account(
    data: &PaletteData,
    scope: &Scope,
    context: &str,
    env: &dyn Environment,
    config: &Value,
    diags: &mut Diagnostics,
) {
    let (Some(account), Some(kind)) = (
        config.get_str("cloud_account_id"),
        env.account_environment(),
    ) else {
        return;
    };
    let key = scoped_key(scope, "cloudaccounts");
    let fetch = || async {
        let accounts = data
            .client
            .list_cloud_account_summaries(scope, None)
            .await?;
        Ok::<_, palette_api::Error>(Arc::new(accounts))
    };
    let memo = &data.lookups.cloud_accounts;
    let mut listed = memo.get(&key, MEMO_AGE, fetch).await;
    if listed
        .as_ref()
        .is_ok_and(|accounts| !account_fits(accounts, account, kind))
    {
        // The list may predate the account (made earlier in this apply): look again.
        memo.forget(&key);
        listed = memo.get(&key, MEMO_AGE, fetch).await;
    }
    match listed {
        Ok(accounts) => {
            let found = accounts
                .iter()
                .find(|a| a.metadata.as_ref().and_then(|m| m.uid.as_deref()) == Some(account));
            match found {
                None => diags.attribute_error(
                    AttributePath::root("cloud_account_id"),
                    "Unknown Cloud Account",
                    format!("No cloud account has uid {account:?} in the {context} scope."),
                ),
                Some(found) => {
                    let account_env = found.kind.as_deref().and_then(Name::from_account_kind);
                    if account_env != Some(kind) {
                        let name = found
                            .metadata
                            .as_ref()
                            .and_then(|m| m.name.clone())
                            .unwrap_or_default();
                        diags.attribute_error(
                            AttributePath::root("cloud_account_id"),
                            "Wrong Cloud Account",
                            format!(
                                "Cloud account {name:?} is a {} account, but {} clusters deploy with {} \
                                 accounts.",
                                found.kind.as_deref().unwrap_or("unknown"),
                                env.display_name(),
                                kind.display_name()
                            ),
                        );
                    }
                }
            }
        }
        Err(err) => diags.push(
            diagnostics::api_error("Plan Cluster Error", "listing cloud accounts", &err)
                .with_attribute(AttributePath::root("cloud_account_id")),
        ),
    }
}

/// A profile as the stack check reads it: name, type, environment, pack names, index.
type ProfileRow = (String, ProfileType, ProfileScope, Vec<String>, usize);

/// Checks the cluster profiles: each exists, its pack overrides name its packs, and together
/// they make a valid cluster stack for the environment.
async fn check_profiles(
    data: &PaletteData,
    scope: &Scope,
    context: &str,
    env: &dyn Environment,
    config: &Value,
    diags: &mut Diagnostics,
) {
    let profiles = config.get_elements("cluster_profile");
    let mut infos: Vec<ProfileRow> = Vec::new();
    let mut all_known = true;
    for (index, profile) in profiles.iter().enumerate() {
        let path = AttributePath::root("cluster_profile")
            .index(index as i64)
            .attr("id");
        let Some(id) = profile.get_str("id") else {
            all_known = false;
            continue;
        };
        match look_up_profile(data, scope, id, profile).await {
            Ok(found) => {
                let Some(row) = profile_row(&found, id, index) else {
                    all_known = false;
                    continue;
                };
                check_pack_overrides(&found, &row.0, profile, &path, diags);
                check_variables(data, scope, id, &row.0, profile, index, diags).await;
                infos.push(row);
            }
            Err(err) if err.is_not_found() => {
                all_known = false;
                diags.attribute_error(
                    path,
                    "Unknown Cluster Profile",
                    format!("No cluster profile has uid {id:?} in the {context} scope."),
                );
            }
            Err(err) => {
                all_known = false;
                diags.push(
                    diagnostics::api_error(
                        "Plan Cluster Error",
                        &format!("reading cluster profile {id}"),
                        &err,
                    )
                    .with_attribute(path),
                );
            }
        }
    }
    check_stack(env, &infos, all_known, diags);
}

/// The profile `id`, memoised; looked up again when the configuration overrides a pack the
/// memoised one lacks, as the profile may have changed since.
async fn look_up_profile(
    data: &PaletteData,
    scope: &Scope,
    id: &str,
    profile: &Value,
) -> Result<Arc<ClusterProfile>, palette_api::Error> {
    let key = scoped_key(scope, id);
    let fetch = || async {
        let profile = data.client.get_cluster_profile(scope, id).await?;
        Ok::<_, palette_api::Error>(Arc::new(profile))
    };
    let memo = &data.lookups.profiles;
    let looked_up = memo.get(&key, MEMO_AGE, fetch).await;
    if looked_up.as_ref().is_ok_and(|found| {
        profile.get_elements("pack").iter().any(|over| {
            over.get_str("name")
                .is_some_and(|pack| !template_has_pack(found, pack))
        })
    }) {
        // The profile may have changed since it was memoised: look again.
        memo.forget(&key);
        return memo.get(&key, MEMO_AGE, fetch).await;
    }
    looked_up
}

/// The profile `found` (configured at `index` by uid `id`) as the stack check reads it; `None`
/// when its type is not one the stack rules know.
fn profile_row(found: &ClusterProfile, id: &str, index: usize) -> Option<ProfileRow> {
    let name = found
        .metadata
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_else(|| id.to_string());
    let template = found
        .spec
        .as_ref()
        .and_then(|s| s.published.clone().or_else(|| s.draft.clone()));
    let template = template.unwrap_or_default();
    let Ok(kind) = ProfileType::from_api(template.type_.as_deref().unwrap_or("add-on")) else {
        return None;
    };
    let scope_of = ProfileScope::from_cloud_type(template.cloud_type.as_deref().unwrap_or("all"))
        .unwrap_or(ProfileScope::All);
    let packs = template
        .packs
        .unwrap_or_default()
        .into_iter()
        .map(|p| p.name)
        .collect();
    Some((name, kind, scope_of, packs, index))
}

/// The variables profile `id` declares, read once per scope for every check of a plan
/// (memoised in `PaletteData::lookups`); `None` when the read fails.
pub(crate) async fn declared_variables(
    data: &PaletteData,
    scope: &Scope,
    id: &str,
) -> Option<Arc<Vec<palette_api::models::Variable>>> {
    let key = scoped_key(scope, &format!("{id}/variables"));
    let fetch = || async {
        let vars = data.client.get_cluster_profile_variables(scope, id).await?;
        Ok::<_, palette_api::Error>(Arc::new(vars.variables.unwrap_or_default()))
    };
    data.lookups
        .profile_variables
        .get(&key, MEMO_AGE, fetch)
        .await
        .ok()
}

/// The `variables` a cluster gives profile `id`: each one the profile declares, and every
/// required one without a default given, as Palette checks them when the cluster is saved.
/// Waits while the map (or a key of it) is unknown.
async fn check_variables(
    data: &PaletteData,
    scope: &Scope,
    id: &str,
    name: &str,
    profile: &Value,
    index: usize,
    diags: &mut Diagnostics,
) {
    let keys = |map: &str| -> Option<Vec<&str>> {
        match profile.get(map) {
            Some(v) if v.is_unknown() => None,
            Some(Value::Map(m)) => Some(m.keys().map(String::as_str).collect()),
            _ => Some(Vec::new()),
        }
    };
    let (Some(plain), Some(secret)) = (keys("variables"), keys("sensitive_variables")) else {
        return;
    };
    // A failed read leaves the check to Palette at apply: the profile itself was read.
    let Some(declared) = declared_variables(data, scope, id).await else {
        return;
    };
    let at = |map: &str| {
        AttributePath::root("cluster_profile")
            .index(index as i64)
            .attr(map)
    };
    let path = at("variables");
    for (map, given) in [("variables", &plain), ("sensitive_variables", &secret)] {
        for variable in given {
            let Some(d) = declared.iter().find(|d| d.name == *variable) else {
                let names: Vec<&str> = declared.iter().map(|d| d.name.as_str()).collect();
                diags.attribute_error(
                    at(map),
                    "Undefined Profile Variable",
                    format!(
                        "Profile {name:?} declares no variable {variable:?} (it declares \
                         {names:?}); a cluster can only give values to the profile's variables."
                    ),
                );
                continue;
            };
            if map == "variables" && d.is_sensitive == Some(true) {
                diags.attribute_error(
                    at(map),
                    "Sensitive Variable In Plain Map",
                    format!(
                        "Profile {name:?} declares variable {variable:?} sensitive: give its value \
                         in `sensitive_variables`, which Terraform never shows, not in `variables`."
                    ),
                );
            }
        }
    }
    let given: Vec<&str> = plain.iter().chain(secret.iter()).copied().collect();
    for d in declared.iter() {
        let has_default = d.default_value.as_deref().is_some_and(|v| !v.is_empty());
        if d.required == Some(true) && !has_default && !given.contains(&d.name.as_str()) {
            diags.attribute_error(
                path.clone(),
                "Required Profile Variable Missing",
                format!(
                    "Profile {name:?} requires variable {:?}, which has no default: give it a \
                     value in `variables`.",
                    d.name
                ),
            );
        }
    }
}

/// Each pack override of `profile` (configured at `path`) names a pack of the profile `found`.
fn check_pack_overrides(
    found: &ClusterProfile,
    name: &str,
    profile: &Value,
    path: &AttributePath,
    diags: &mut Diagnostics,
) {
    for (j, over) in profile.get_elements("pack").iter().enumerate() {
        let Some(pack) = over.get_str("name") else {
            continue;
        };
        if !template_has_pack(found, pack) {
            diags.attribute_error(
                path.clone().attr("pack"),
                "Unknown Pack Override",
                format!("Profile {name:?} has no pack named {pack:?}; overrides name packs of the profile."),
            );
            continue;
        }
        // An override carries the profile's own tag, if any: Palette refuses another one.
        let profile_tag = template_pack_tag(found, pack);
        if let (Some(tag), Some(profile_tag)) = (over.get_str("tag"), profile_tag)
            && tag != profile_tag
        {
            diags.attribute_error(
                path.clone().attr("pack").index(j as i64).attr("tag"),
                "Pack Override Tag Differs",
                format!(
                    "Profile {name:?} has pack {pack:?} at tag {profile_tag:?}, not {tag:?}; an \
                     override keeps the profile's tag (upgrade the pack in the profile instead), \
                     or leave `tag` out."
                ),
            );
        }
    }
}

/// The tag of pack `pack` in the profile's published template (else its draft).
fn template_pack_tag<'a>(
    profile: &'a palette_api::models::ClusterProfile,
    pack: &str,
) -> Option<&'a str> {
    profile
        .spec
        .iter()
        .flat_map(|s| s.published.iter().chain(s.draft.iter()))
        .flat_map(|t| t.packs.iter().flatten())
        .find(|p| p.name == pack)
        .and_then(|p| p.tag.as_deref())
}

/// The stack rules over the profiles read; a missing core profile is only reported when every
/// profile was read (`all_known`), as an unknown id may be the core profile.
fn check_stack(
    env: &dyn Environment,
    infos: &[ProfileRow],
    all_known: bool,
    diags: &mut Diagnostics,
) {
    let infos_ref: Vec<ProfileInfo<'_>> = infos
        .iter()
        .map(|(name, kind, scope_of, packs, index)| ProfileInfo {
            name,
            profile_type: *kind,
            environment: *scope_of,
            pack_names: packs,
            index: *index,
        })
        .collect();
    for issue in check_cluster_stack(env.name(), &infos_ref) {
        match issue.index {
            Some(index) => diags.attribute_error(
                AttributePath::root("cluster_profile")
                    .index(index as i64)
                    .attr("id"),
                "Invalid Cluster Stack",
                format!("{}.", upper_first(&issue.message)),
            ),
            // Only complete when every profile was read: an unknown id may be the core profile.
            None if all_known => diags.attribute_error(
                AttributePath::root("cluster_profile").index(0).attr("id"),
                "Missing Infrastructure Profile",
                format!(
                    "{}. Add-on profiles alone cannot make a cluster.",
                    upper_first(&issue.message)
                ),
            ),
            None => {}
        }
    }
}

/// Checks that every edge host a pool lists exists (by uid or name).
pub(super) async fn check_edge_hosts(
    data: &PaletteData,
    scope: &Scope,
    config: &Value,
    diags: &mut Diagnostics,
) {
    let pools = config.get_elements("machine_pool");
    // Each host with the path it is written at: an entry of `edge_hosts`, or an `edge_host`
    // block's `host`.
    let listed: Vec<(usize, Vec<(AttributePath, String)>)> = pools
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let path = AttributePath::root("machine_pool").index(i as i64);
            let hosts: Vec<(AttributePath, String)> =
                match environments::get_strings(p, "edge_hosts") {
                    Some(list) => list
                        .into_iter()
                        .map(|h| (path.clone().attr("edge_hosts"), h))
                        .collect(),
                    None => p
                        .get_elements("edge_host")
                        .iter()
                        .enumerate()
                        .filter_map(|(j, b)| {
                            let at = path.clone().attr("edge_host").index(j as i64).attr("host");
                            Some((at, b.get_str("host")?.to_string()))
                        })
                        .collect(),
                };
            (!hosts.is_empty()).then_some((i, hosts))
        })
        .collect();
    if listed.is_empty() {
        return;
    }
    let hosts = match data
        .client
        .list_edge_hosts_metadata(scope, None, false)
        .await
    {
        Ok(hosts) => hosts,
        Err(err) => {
            return diags.push(diagnostics::api_error(
                "Plan Cluster Error",
                "listing edge hosts",
                &err,
            ));
        }
    };
    // The same host written by uid in one place and by name in another is still one host.
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (index, names) in listed {
        // The pool's architecture: Palette's default, amd64, when unset; unknown until known.
        let arch = match pools[index].get("arch_type") {
            Some(v) if v.is_unknown() => None,
            None | Some(Value::Null) => Some("amd64"),
            Some(v) => v.as_str(),
        };
        for (at, host) in names {
            let found = hosts.iter().find(|m| {
                m.uid.as_deref() == Some(host.as_str()) || m.name.as_deref() == Some(host.as_str())
            });
            if let (Some(arch), Some(host_arch)) =
                (arch, found.and_then(|m| m.arch_type.as_deref()))
                && !host_arch.is_empty()
                && host_arch != arch
            {
                diags.attribute_error(
                    at.clone(),
                    "Edge Host Architecture Mismatch",
                    format!(
                        "Edge host {host:?} is {host_arch}, but the pool's nodes are {arch} \
                         (`arch_type`, amd64 when unset): set `arch_type = \"{host_arch}\"` on \
                         the pool, or pick {arch} hosts."
                    ),
                );
            }
            if let Some(uid) = found.and_then(|m| m.uid.clone()) {
                match seen.get(&uid) {
                    Some(first) if *first != host => {
                        diags.attribute_error(
                            at.clone(),
                            "Edge Host Used Twice",
                            format!(
                                "{host:?} and {first:?} are the same edge host ({uid}); a host \
                                 runs one node of one pool."
                            ),
                        );
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(uid, host.clone());
                    }
                }
            }
            if found.is_none() {
                let mut offered: Vec<String> =
                    hosts.iter().filter_map(|m| m.name.clone()).collect();
                offered.sort();
                diags.attribute_error(
                    at,
                    "Unknown Edge Host",
                    format!(
                        "No edge host has uid or name {host:?}. Registered edge hosts: {}.",
                        if offered.is_empty() {
                            "none".to_string()
                        } else {
                            offered.join(", ")
                        }
                    ),
                );
            }
        }
    }
}

pub(super) fn template_has_pack(profile: &palette_api::models::ClusterProfile, pack: &str) -> bool {
    profile
        .spec
        .iter()
        .flat_map(|s| s.published.iter().chain(s.draft.iter()))
        .flat_map(|t| t.packs.iter().flatten())
        .any(|p| p.name == pack)
}

pub(super) fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A placement field as the configuration resolves it: where it is written (a pool's
/// `placement`, else the environment block) and its value; `None` when unknown or unset.
fn placement_field<'a>(
    block: &'a Value,
    block_path: &AttributePath,
    own: Option<(&'a Value, AttributePath)>,
    field: &str,
) -> Option<(&'a str, AttributePath)> {
    if let Some((placement, path)) = own {
        match placement.get(field) {
            Some(v) if v.is_unknown() => return None,
            Some(Value::String(s)) => return Some((s.as_str(), path.attr(field))),
            _ => {}
        }
    }
    block
        .get_str(field)
        .map(|s| (s, block_path.clone().attr(field)))
}

/// vSphere placements against what the cloud account's private cloud gateway sees: the
/// datacenter, and each placement's compute cluster, datastore, network and resource pool, each
/// reported at the attribute that writes it. Known values only; each lookup is one memoised
/// read (the gateway from the account summaries the account check lists); a lookup that fails
/// is left to the apply, whose API error names the field.
async fn check_placements(
    data: &PaletteData,
    scope: &Scope,
    env: &dyn Environment,
    config: &Value,
    diags: &mut Diagnostics,
) {
    if !env.takes_placement() {
        return;
    }
    let (Some(block), Some(account)) = (
        config
            .get(env.key())
            .filter(|b| !b.is_null() && !b.is_unknown()),
        config.get_str("cloud_account_id"),
    ) else {
        return;
    };
    let Some(datacenter) = block.get_str("datacenter") else {
        return;
    };
    let key = scoped_key(scope, "cloudaccounts");
    let fetch = || async {
        let accounts = data
            .client
            .list_cloud_account_summaries(scope, None)
            .await?;
        Ok::<_, palette_api::Error>(Arc::new(accounts))
    };
    let Ok(accounts) = data.lookups.cloud_accounts.get(&key, MEMO_AGE, fetch).await else {
        return;
    };
    let Some(gateway) = accounts
        .iter()
        .find(|a| a.metadata.as_ref().and_then(|m| m.uid.as_deref()) == Some(account))
        .and_then(|a| {
            a.metadata
                .as_ref()?
                .annotations
                .as_ref()?
                .get("overlordUid")
        })
        .filter(|g| !g.is_empty())
        .cloned()
    else {
        return;
    };
    let memo = &data.lookups.placement_inventory;
    let Ok(datacenters) = memo
        .get(&format!("{gateway}/datacenters"), MEMO_AGE, || async {
            let found = data.client.get_vsphere_datacenters(scope, &gateway).await?;
            Ok::<_, palette_api::Error>(Arc::new(serde_json::to_value(found).unwrap_or_default()))
        })
        .await
    else {
        return;
    };
    let block_path = AttributePath::root(env.key());
    let names = |value: &serde_json::Value, key: &str| -> Vec<String> {
        value[key]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect()
    };
    let items = datacenters["items"].as_array().cloned().unwrap_or_default();
    let Some(dc) = items.iter().find(|d| d["datacenter"] == datacenter) else {
        let seen: Vec<String> = items
            .iter()
            .filter_map(|d| d["datacenter"].as_str().map(str::to_string))
            .collect();
        diags.attribute_error(
            block_path.attr("datacenter"),
            "Unknown vSphere Datacenter",
            format!(
                "The cloud account's private cloud gateway sees no datacenter {datacenter:?}; it \
                 sees: {}.",
                seen.join(", ")
            ),
        );
        return;
    };
    // Image template folders are folders of the datacenter.
    let folders = names(dc, "folders");
    let compute_clusters = names(dc, "computeclusters");
    // Every placement: the block's own (the defaults), then each pool's.
    let mut uses: Vec<Option<(&Value, AttributePath)>> = vec![None];
    for (i, pool) in config.get_elements("machine_pool").iter().enumerate() {
        for (j, placement) in pool
            .get_elements(environments::placement::BLOCK)
            .iter()
            .enumerate()
        {
            if placement.is_unknown() {
                continue;
            }
            let path = AttributePath::root("machine_pool")
                .index(i as i64)
                .attr(environments::placement::BLOCK)
                .index(j as i64);
            uses.push(Some((placement, path)));
        }
    }
    let mut reported = BTreeSet::new();
    for own in uses {
        let field = |name: &str| placement_field(block, &block_path, own.clone(), name);
        if let Some((folder, path)) = field("image_template_folder")
            && !folders.iter().any(|f| f == folder)
            && reported.insert(path.to_string())
        {
            diags.attribute_error(
                path,
                "Unknown vSphere Folder",
                format!(
                    "Datacenter {datacenter:?} has no folder {folder:?} that the cloud account's \
                     private cloud gateway sees; it has: {}.",
                    folders.join(", ")
                ),
            );
        }
        let Some((cluster, cluster_path)) = field("compute_cluster") else {
            continue;
        };
        if !compute_clusters.iter().any(|c| c == cluster) {
            if reported.insert(cluster_path.to_string()) {
                diags.attribute_error(
                    cluster_path,
                    "Unknown vSphere Compute Cluster",
                    format!(
                        "The cloud account's private cloud gateway sees no compute cluster \
                         {cluster:?} in datacenter {datacenter:?}; it sees: {}.",
                        compute_clusters.join(", ")
                    ),
                );
            }
            continue;
        }
        let resources = memo
            .get(
                &format!("{gateway}/{datacenter}/{cluster}"),
                MEMO_AGE,
                || async {
                    let found = data
                        .client
                        .get_vsphere_compute_cluster(scope, &gateway, datacenter, cluster)
                        .await?;
                    Ok::<_, palette_api::Error>(Arc::new(
                        serde_json::to_value(found).unwrap_or_default(),
                    ))
                },
            )
            .await;
        let Ok(resources) = resources else {
            continue;
        };
        let cc = &resources["computecluster"];
        for (attr, list, what) in [
            ("datastore", "datastores", "datastore"),
            ("network", "networks", "network"),
            ("resource_pool", "resourcePools", "resource pool"),
        ] {
            let Some((value, path)) = field(attr) else {
                continue;
            };
            let seen = names(cc, list);
            if !seen.iter().any(|s| s == value) && reported.insert(path.to_string()) {
                diags.attribute_error(
                    path,
                    "Unknown vSphere Placement",
                    format!(
                        "The cloud account's private cloud gateway sees no {what} {value:?} in \
                         compute cluster {cluster:?}; it sees: {}.",
                        seen.join(", ")
                    ),
                );
            }
        }
    }
}

/// MAAS pools' zones and machine tags against what the account's MAAS has (one memoised read
/// each); known values only, and nothing checked where the MAAS lists none.
async fn check_maas_zones_and_tags(
    data: &PaletteData,
    scope: &Scope,
    env: &dyn Environment,
    config: &Value,
    diags: &mut Diagnostics,
) {
    if env.name() != Name::Maas {
        return;
    }
    let Some(account) = config.get_str("cloud_account_id") else {
        return;
    };
    let memo = &data.lookups.placement_inventory;
    for (attr, list, what) in [("azs", "azs", "zone"), ("node_tags", "tags", "machine tag")] {
        let wanted: Vec<(usize, Vec<String>)> = config
            .get_elements("machine_pool")
            .iter()
            .enumerate()
            .filter_map(|(i, pool)| Some((i, environments::get_strings(pool, attr)?)))
            .filter(|(_, values)| !values.is_empty())
            .collect();
        if wanted.is_empty() {
            continue;
        }
        let key = scoped_key(scope, &format!("maas/{account}/{list}"));
        let found = memo
            .get(&key, MEMO_AGE, || async {
                let names: Vec<serde_json::Value> = if list == "azs" {
                    let zones = data.client.get_maas_zones(scope, account).await?;
                    zones
                        .items
                        .into_iter()
                        .filter_map(|z| z.name)
                        .map(Into::into)
                        .collect()
                } else {
                    let tags = data.client.get_maas_tags(scope, account).await?;
                    tags.items
                        .into_iter()
                        .filter_map(|t| t.name)
                        .map(Into::into)
                        .collect()
                };
                Ok::<_, palette_api::Error>(Arc::new(serde_json::Value::Array(names)))
            })
            .await;
        let Ok(found) = found else {
            continue;
        };
        let known: Vec<&str> = found
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
            .collect();
        if known.is_empty() {
            continue;
        }
        for (i, values) in wanted {
            for value in values.iter().filter(|v| !known.contains(&v.as_str())) {
                diags.attribute_error(
                    AttributePath::root("machine_pool")
                        .index(i as i64)
                        .attr(attr),
                    "Unknown MAAS Placement",
                    format!(
                        "The cloud account's MAAS has no {what} {value:?}; it has: {}.",
                        known.join(", ")
                    ),
                );
            }
        }
    }
}
