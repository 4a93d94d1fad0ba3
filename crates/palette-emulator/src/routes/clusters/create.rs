//! Creating a cluster (`POST /v1/spectroclusters/{environment}`): the request's checks, its pools
//! and profiles, and the three records written together; and the name check clients make first.

use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Map, Value, json};

use super::plan::deploy;
use super::pools::{check_pools, flatten_pool};
use super::records::{deployment_op, edge_hosts_in_use, find_cluster, live_cluster_named};
use super::templates::{attach, normalize_entries};
use super::{features, resources, settings};
use crate::context::Ctx;
use crate::environments::Environment;
use crate::error::{ApiError, ApiResult};
use crate::routes::common::{Query, find, new_metadata};
use crate::routes::{aws_network, cloud_accounts};
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

pub(super) async fn create(
    env: &'static Environment,
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (env.parse_create)(&body)?;
    let name = wire::require(input.metadata.name.as_deref(), "metadata.name")?.to_owned();
    check_name(&name)?;
    check_required_fields(env, &input.cloud_config)?;
    crate::routes::cluster_config::check_endpoint_access(
        env.key,
        &Value::Object(input.cloud_config.clone()),
        "spec.cloudConfig",
    )?;
    let account = cloud_account(&state, &ctx, env, input.cloud_account_uid.as_deref())?;
    let mut pools = Vec::new();
    for (i, entity) in input.pools.iter().enumerate() {
        pools.push(flatten_pool(&state, &ctx, env, entity, i)?);
    }
    check_pools(env, &pools)?;
    let fargate_profiles = if env.key == "eks" {
        crate::bodies::eks_fargate_profiles(&body)?
    } else {
        Vec::new()
    };
    aws_network::check(
        &state,
        &ctx,
        env.key,
        account.as_ref().map(|a| a.uid.as_str()),
        &Value::Object(input.cloud_config.clone()),
        &pools,
        &fargate_profiles,
    )?;
    super::placement::check_placement(env, &Value::Object(input.cloud_config.clone()), &pools)?;
    let mut cluster_config = settings::cluster_config(env, input.cluster_config)?;
    check_hyper_shift(&state, &ctx, env, &cluster_config)?;
    let (namespaces, rbacs) = resources::take_from_create(&mut cluster_config)?;
    let (backup, scan) = features::from_create(&state, &ctx, input.policies.clone())?;
    let cluster_template = match input.cluster_template.as_deref() {
        Some(template) => Some(from_template(&state, &ctx, env, template)?),
        None => None,
    };
    let profile_entries = match &cluster_template {
        Some((_, template_entries)) => template_profiles(template_entries, input.profiles)?,
        None => input.profiles,
    };
    let profile_entries = normalize_entries(profile_entries);
    let templates = attach(&state, &ctx, env, &profile_entries)?;
    let cluster_template = cluster_template.map(|(record, _)| {
        json!({"uid": record.uid, "projectUid": (!record.project.is_empty()).then_some(record.project)})
    });

    let _guard = state.write_guard();
    let owner = ctx.owner();
    if live_cluster_named(&state, &owner, &name)? {
        return Err(ApiError::conflict(
            "ClusterAlreadyExists",
            format!("a cluster named '{name}' already exists"),
        ));
    }
    if env.edge_hosts {
        check_edge_hosts_free(&state, &pools)?;
    }
    super::inventory::check(
        &state,
        env,
        account.as_ref(),
        &Value::Object(input.cloud_config.clone()),
        &mut pools,
        &|i| format!("spec.machinepoolconfig[{i}]."),
        None,
    )?;
    let uid = ids::new_uid();
    let config_uid = ids::new_uid();
    let metadata = new_metadata(&ctx, &state, &uid, &input.metadata);
    let cluster_doc = json!({
        "apiVersion": "v1",
        "kind": "SpectroCluster",
        "metadata": metadata,
        "spec": {
            "cloudType": env.key,
            "cloudConfigRef": {"kind": format!("{}CloudConfig", env.key), "name": name, "uid": config_uid},
            "clusterConfig": cluster_config,
            "clusterType": wire::given(input.cluster_type.as_deref()).unwrap_or("PureManage"),
            "clusterProfileTemplates": templates,
            "clusterTemplate": cluster_template,
        },
        "_emu": {
            "env": env.key,
            "profiles": profile_entries,
            "namespaces": namespaces,
            "rbacs": rbacs,
            "backup": backup,
            "scan": scan,
            "backupSince": ids::now_ms(),
            "scanSince": ids::now_ms(),
            "accountUid": account.as_ref().map(|a| a.uid.clone()),
        },
    });
    let config_doc = json!({
        "apiVersion": "v1",
        "kind": format!("{}CloudConfig", env.key),
        "metadata": {
            "name": name, "uid": config_uid, "creationTimestamp": ids::now_rfc3339(),
            "lastModifiedTimestamp": ids::now_rfc3339(), "annotations": {"scope": ctx.scope_name()},
        },
        "spec": {
            "cloudAccountRef": account.as_ref().map(|a| json!({"kind": "cloudaccount", "name": a.name, "uid": a.uid})),
            "clusterConfig": input.cloud_config,
            "machinePoolConfig": pools,
            "fargateProfiles": (env.key == "eks").then_some(fargate_profiles),
        },
        "status": {"conditions": []},
        "_emu": {"env": env.key, "clusterUid": uid},
    });
    let cluster = Record {
        kind: Kind::Cluster,
        uid: uid.clone(),
        project: owner.clone(),
        name: name.clone(),
        doc: cluster_doc,
    };
    let deployment = deploy(&state, &cluster, &pools)?;
    state.store().apply(vec![
        Op::Put(cluster),
        Op::Put(Record {
            kind: Kind::CloudConfig,
            uid: config_uid,
            project: owner.clone(),
            name,
            doc: config_doc,
        }),
        deployment_op(&uid, &owner, &deployment)?,
    ])?;
    Ok(wire::created(&uid))
}

/// The cluster template a create body names (`spec.clusterTemplate.uid`), of the cluster's
/// cloud type, with its profiles as cluster profile entries: the values the template gives
/// their variables (`assignStrategy: all`).
fn from_template(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    uid: &str,
) -> ApiResult<(Record, Vec<m::SpectroClusterProfileEntity>)> {
    let Some(record) = state
        .store()
        .get(Kind::ClusterTemplate, uid)?
        .filter(|r| ctx.sees(&r.project))
    else {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("spec.clusterTemplate.uid: no cluster template has uid '{uid}'"),
        ));
    };
    let cloud = wire::str_at(&record.doc, "/spec/cloudType").unwrap_or("");
    if cloud != env.key {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "spec.clusterTemplate.uid: cluster template '{}' is for cloud type '{cloud}', not '{}'",
                record.name, env.key
            ),
        ));
    }
    let entries = wire::array_at(&record.doc, "/spec/profiles")
        .iter()
        .map(|p| m::SpectroClusterProfileEntity {
            uid: p["uid"].as_str().map(str::to_owned),
            pack_values: None,
            variables: Some(
                wire::array_at(p, "/variables")
                    .iter()
                    .filter(|v| v["assignStrategy"] == "all")
                    .filter_map(|v| {
                        Some(m::SpectroClusterVariable {
                            name: v["name"].as_str()?.to_owned(),
                            value: v["value"].as_str().map(str::to_owned),
                        })
                    })
                    .collect(),
            ),
            replace_with_profile: None,
        })
        .collect();
    Ok((record, entries))
}

/// The template's profile entries with the values the create body gives their variables
/// (`spec.profiles`, by profile uid): a body profile must be one of the template's, and carries
/// variables only (the template gives the packs).
fn template_profiles(
    template: &[m::SpectroClusterProfileEntity],
    given: Vec<m::SpectroClusterProfileEntity>,
) -> ApiResult<Vec<m::SpectroClusterProfileEntity>> {
    let mut entries = template.to_vec();
    for (i, entry) in given.into_iter().enumerate() {
        let uid = wire::require(entry.uid.as_deref(), &format!("spec.profiles[{i}].uid"))?;
        let Some(slot) = entries.iter_mut().find(|e| e.uid.as_deref() == Some(uid)) else {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "spec.profiles[{i}].uid: cluster profile '{uid}' is not in the cluster template"
                ),
            ));
        };
        if entry.pack_values.as_ref().is_some_and(|v| !v.is_empty()) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "spec.profiles[{i}].packValues: a cluster launched from a cluster template takes its packs from the template"
                ),
            ));
        }
        let vars = slot.variables.get_or_insert_default();
        for var in entry.variables.into_iter().flatten() {
            match vars.iter_mut().find(|v| v.name == var.name) {
                Some(existing) => *existing = var,
                None => vars.push(var),
            }
        }
    }
    Ok(entries)
}

/// A cluster name is lowercase letters, digits and `-`, not starting with `-`.
fn check_name(name: &str) -> ApiResult<()> {
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        || name.starts_with('-')
    {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!("cluster name '{name}' must consist of lowercase letters, digits and '-'"),
        ));
    }
    Ok(())
}

/// The cloud-config fields the environment requires are set and not empty. They are named by
/// field across every environment's model, so they are looked up in the JSON the model writes.
fn check_required_fields(env: &Environment, cloud_config: &Map<String, Value>) -> ApiResult<()> {
    for field in env.required {
        let present = cloud_config
            .get(*field)
            .is_some_and(|v| !v.is_null() && v != "");
        if !present {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "spec.cloudConfig.{field} is required for a {} cluster",
                    env.key
                ),
            ));
        }
    }
    Ok(())
}

/// The cloud account the request names, checked against the environment: none where it takes
/// none, one where it requires one, and of the environment's family.
fn cloud_account(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    uid: Option<&str>,
) -> ApiResult<Option<Record>> {
    match (env.account, uid) {
        (None, Some(_)) => Err(ApiError::bad_request(
            "InvalidRequest",
            format!("a {} cluster takes no cloud account", env.key),
        )),
        (None, None) => Ok(None),
        (Some(_), None) if env.account_required => Err(ApiError::bad_request(
            "InvalidRequest",
            format!("spec.cloudAccountUid is required for a {} cluster", env.key),
        )),
        (Some(_), None) => Ok(None),
        (Some(family), Some(uid)) => {
            let record = find(state, ctx, Kind::CloudAccount, uid, "cloud account")?;
            let cloud = cloud_accounts::cloud_of(&record);
            if cloud != family {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "cloud account '{}' is a {cloud} account; a {} cluster needs a {family} account",
                        record.name, env.key
                    ),
                ));
            }
            Ok(Some(record))
        }
    }
}

/// No edge host of the new pools is in use by another cluster. Called under the write lock.
fn check_edge_hosts_free(state: &AppState, pools: &[Value]) -> ApiResult<()> {
    let used = edge_hosts_in_use(state)?;
    for pool in pools {
        for host in wire::array_at(pool, "/hosts") {
            if let Some((cluster, _)) = host["hostUid"].as_str().and_then(|h| used.get(h)) {
                return Err(ApiError::conflict(
                    "EdgeHostInUse",
                    format!(
                        "edge host '{}' is in use by cluster '{cluster}'",
                        host["hostName"].as_str().unwrap_or("")
                    ),
                ));
            }
        }
    }
    Ok(())
}

pub(super) async fn validate_name(
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
) -> ApiResult<Response> {
    let name = q
        .get("name")
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad_request("InvalidParameter", "name is required"))?;
    let owner = ctx.owner();
    if live_cluster_named(&state, &owner, name)? {
        return Err(ApiError::conflict(
            "ClusterAlreadyExists",
            format!("a cluster named '{name}' already exists"),
        ));
    }
    Ok(wire::no_content())
}

/// `spec.clusterConfig.hyperShiftConfig` (`v1HyperShiftConfig`): on MAAS clusters only; an
/// `openshift` cluster names its host, an existing HyperShift management cluster; a
/// `hypershift` one names none.
fn check_hyper_shift(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    cluster_config: &Value,
) -> ApiResult<()> {
    let Some(config) = cluster_config
        .get("hyperShiftConfig")
        .filter(|c| c.is_object())
    else {
        return Ok(());
    };
    let refuse = |field: &str, message: String| {
        ApiError::bad_request("InvalidRequest", message)
            .with_details(json!({"field": format!("spec.clusterConfig.hyperShiftConfig.{field}")}))
    };
    if env.key != "maas" {
        return Err(refuse(
            "clusterDeploymentType",
            format!(
                "hyperShiftConfig is only applicable to MAAS clusters, not {}",
                env.key
            ),
        ));
    }
    let host = config["hostClusterUid"].as_str().filter(|h| !h.is_empty());
    match (config["clusterDeploymentType"].as_str().unwrap_or(""), host) {
        ("openshift", None) => Err(refuse(
            "hostClusterUid",
            "hostClusterUid is required when clusterDeploymentType is openshift".into(),
        )),
        ("openshift", Some(uid)) => {
            let kind = find_cluster(state, ctx, uid).ok().and_then(|(record, _)| {
                record
                    .doc
                    .pointer("/spec/clusterConfig/hyperShiftConfig/clusterDeploymentType")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            });
            match kind.as_deref() {
                Some("hypershift") => Ok(()),
                _ => Err(refuse(
                    "hostClusterUid",
                    format!("hostClusterUid '{uid}' is not a HyperShift management cluster"),
                )),
            }
        }
        ("hypershift", Some(_)) => Err(refuse(
            "hostClusterUid",
            "hostClusterUid is only for clusterDeploymentType openshift".into(),
        )),
        _ => Ok(()),
    }
}
