//! The `palette_pack` resource: one pack deployed as a layer on an existing cluster, with a
//! lifecycle of its own.
//!
//! Palette deploys packs only through cluster profiles, so the resource owns a *carrier*: an
//! add-on profile holding just this pack, named `tf-pack-<pack>-<cluster uid>` (the
//! `palette_cluster` resource leaves profiles with that prefix alone). Create makes and publishes
//! the carrier, attaches it with `PATCH /v1/spectroclusters/{uid}/profiles` (which adds only that
//! profile) and waits for the layer; update rewrites the carrier in place and applies it again;
//! delete detaches it, waits until the layer is gone and deletes the carrier. Writes to one
//! cluster are serialised ([`PaletteData::lock_cluster`]), so several packs on one cluster apply
//! in parallel without losing one another's changes.
//!
//! The plan is exact, as for profiles: the pack is resolved while planning (`uid` and `layer`
//! known), values and manifests are compared by meaning, and the cluster is read to refuse a
//! core-layer pack, a pack made for another environment and a name already on the stack.

use std::collections::BTreeMap;
use std::str::FromStr;
use std::time::Duration;

use palette_api::models::{
    ClusterProfile, ClusterProfileEntity, ClusterProfileEntitySpec, ClusterProfileTemplate,
    ClusterProfileTemplateDraft, ClusterProfileTemplateUpdate, ClusterProfileUpdateEntity,
    ClusterProfileUpdateEntitySpec, ManifestInputEntity, ManifestRefUpdateEntity, ObjectMeta,
    PackManifestEntity, PackManifestUpdateEntity, PackRef, PackType, ProfileType as ApiProfileType,
    SpectroCluster, SpectroClusterProfileEntity, SpectroClusterProfiles,
    SpectroClusterProfilesDeleteEntity,
};
use palette_api::{Client, Scope};
use tfplugin::plan_modifier::requires_replace;
use tfplugin::resource::*;
use tfplugin::validator::{length_between, one_of};
use tfplugin::{
    Attribute, AttributePath, Block, Context, Diagnostic, Diagnostics, NestedBlock, Nesting,
    Resource, Schema, Value, ValueExt,
};
use tokio::time::Instant;

use crate::diagnostics;
use crate::import_id::parse_pack_import_id;
use crate::provider_data::{PaletteData, context_of};
use crate::resolve::ResolveError;
use crate::resources::pack_block::{
    MANIFEST_PACK_UID, fill_from_stored, keep_prior_text, manifest_block, non_empty,
    read_manifests, registry_uid_attribute, set_stored, template_of, type_attribute, uid_attribute,
};
use crate::stack::layers::Layer;
use crate::stack::values;
use crate::wait::{LayerGoal, Snapshot, WaitError, Waiter};

/// The name prefix of carrier profiles (the cluster resource knows it too).
const CARRIER_PREFIX: &str = "tf-pack-";
/// The one version of a carrier profile.
const CARRIER_VERSION: &str = "1.0.0";
/// How long a create, update or delete may wait for the layer.
const WAIT_LIMIT: Duration = Duration::from_secs(30 * 60);
/// The label that marks a carrier profile.
const CARRIER_LABEL: &str = "palette-terraform-pack";

/// `palette_pack`.
#[derive(Debug, Default)]
pub(crate) struct PackResource;

/// The carrier profile's name for `pack` on cluster `cluster_uid`.
fn carrier_name(pack: &str, cluster_uid: &str) -> String {
    format!("{CARRIER_PREFIX}{pack}-{cluster_uid}")
}

/// A known string attribute.
fn known(value: &Value, attr: &str) -> Option<String> {
    value.get_str(attr).map(str::to_owned)
}

/// Replaces every unknown left in a state by null, for a partial state after a failure.
fn settle(value: &mut Value) {
    match value {
        Value::Unknown(_) => *value = Value::Null,
        Value::List(items) | Value::Set(items) | Value::Tuple(items) => {
            items.iter_mut().for_each(settle)
        }
        Value::Map(map) | Value::Object(map) => map.values_mut().for_each(settle),
        _ => {}
    }
}

/// The pack's kind in a state or plan.
fn pack_kind(value: &Value) -> PackType {
    PackType::from_str(value.get_str("type").unwrap_or("spectro")).unwrap_or(PackType::Spectro)
}

/// The profiles attached to a cluster.
fn attached(cluster: &SpectroCluster) -> &[ClusterProfileTemplate] {
    cluster
        .spec
        .as_ref()
        .and_then(|s| s.cluster_profile_templates.as_deref())
        .unwrap_or_default()
}

/// The cluster's name, for messages and log lines.
fn cluster_name(cluster: &SpectroCluster) -> String {
    cluster
        .metadata
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_default()
}

/// Whether a cluster read means the cluster is gone.
fn cluster_gone(cluster: &SpectroCluster) -> bool {
    cluster
        .status
        .as_ref()
        .and_then(|s| s.state.as_deref())
        .is_some_and(|s| s == "Deleted")
}

/// Reads a cluster; `None` when it is gone.
async fn get_cluster(
    client: &Client,
    scope: &Scope,
    uid: &str,
) -> Result<Option<SpectroCluster>, palette_api::Error> {
    match client.get_cluster(scope, uid).await {
        Ok(cluster) if cluster_gone(&cluster) => Ok(None),
        Ok(cluster) => Ok(Some(cluster)),
        Err(err) if err.is_not_found() => Ok(None),
        Err(err) => Err(err),
    }
}

#[tfplugin::async_trait]
impl Resource for PackResource {
    fn type_name(&self) -> &str {
        "pack"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "One pack deployed as an add-on layer on a running cluster, created, updated \
                     and removed on its own without touching the rest of the cluster's stack. \
                     The provider carries it in an add-on cluster profile of its own (see \
                     `profile_id`), attached to the cluster.",
                )
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("`CLUSTER_UID/PACK_NAME`, also the import ID."),
                )
                .attribute(
                    Attribute::string("cluster_id")
                        .required()
                        .plan_modifier(requires_replace())
                        .description(
                            "Uid of the cluster the pack is deployed on. Changing it moves the \
                             pack to another cluster (removed here, deployed there).",
                        ),
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .validator(length_between(1, 128))
                        .plan_modifier(requires_replace())
                        .description(
                            "Name of the pack, such as `prometheus-operator`; unique in the \
                             cluster's stack. Changing it replaces the layer.",
                        ),
                )
                .attribute(Attribute::string("tag").optional().computed().description(
                    "Version of the pack, such as `83.5.0`. Required unless `type` is `manifest`. \
                     A change upgrades the layer in place.",
                ))
                .attribute(
                    Attribute::string("registry_name")
                        .optional()
                        .computed()
                        .description(
                            "Registry the pack comes from, by name. When neither this nor \
                             `registry_uid` is set, `Public Repo`.",
                        ),
                )
                .attribute(registry_uid_attribute())
                .attribute(type_attribute())
                .attribute(
                    Attribute::string("values")
                        .optional()
                        .computed()
                        .description(
                            "The pack's values (YAML). Compared by meaning: key order, quoting, \
                             comments and whitespace make no difference. When left out, the \
                             pack's defaults. A change redeploys this layer only.",
                        ),
                )
                .attribute(
                    Attribute::string("context")
                        .optional()
                        .default("project")
                        .validator(one_of(["project", "tenant"]))
                        .plan_modifier(requires_replace())
                        .description(
                            "Where the cluster and the carrier profile live: `project` (the \
                             provider's project, default) or `tenant`.",
                        ),
                )
                .attribute(uid_attribute())
                .attribute(
                    Attribute::string("layer")
                        .computed()
                        .description("Layer the pack fills (always `addon`), known at plan."),
                )
                .attribute(Attribute::string("state").computed().description(
                    "Condition of the layer on the cluster as last read: `Ready`, or \
                     `WaitingForOtherLayers`, `ReadyForInstall`, `Installed`, `Error`, `Pending`.",
                ))
                .attribute(Attribute::string("profile_id").computed().description(
                    "Uid of the add-on cluster profile that carries the pack (named \
                     `tf-pack-<pack>-<cluster uid>`); owned by this resource.",
                ))
                .block(NestedBlock::new(
                    "manifest",
                    Nesting::List,
                    manifest_block(),
                )),
        )
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        let config = &req.config;
        let kind = config.get("type");
        let is_manifest = kind.and_then(Value::as_str) == Some("manifest");
        let kind_known = kind.is_none_or(|k| !k.is_unknown());
        let manifests = config.get("manifest").and_then(Value::as_elements);
        if is_manifest {
            if manifests.is_some_and(<[Value]>::is_empty) {
                resp.diagnostics.attribute_error(
                    AttributePath::root("manifest"),
                    "Missing Manifest",
                    "A pack of type \"manifest\" needs at least one `manifest` block.",
                );
            }
        } else if kind_known {
            if config.get("tag").is_some_and(Value::is_null) {
                resp.diagnostics.attribute_error(
                    AttributePath::root("tag"),
                    "Missing Pack Tag",
                    "Every pack but a manifest pack needs a `tag` (its version). The \
                     palette_pack data source lists the tags on offer.",
                );
            }
            if manifests.is_some_and(|m| !m.is_empty()) {
                resp.diagnostics.attribute_error(
                    AttributePath::root("manifest"),
                    "Unexpected Manifest",
                    "Only packs of type \"manifest\" take `manifest` blocks; set `type = \
                     \"manifest\"`.",
                );
            }
        }
        let mut names: Vec<&str> = Vec::new();
        for (j, manifest) in config.get_elements("manifest").iter().enumerate() {
            let path = AttributePath::root("manifest").index(j as i64);
            if manifest.get("content").is_some_and(Value::is_null) {
                resp.diagnostics.attribute_error(
                    path.clone().attr("content"),
                    "Missing Manifest Content",
                    "Every manifest needs its `content` (YAML).",
                );
            }
            if let Some(name) = manifest.get_str("name") {
                if names.contains(&name) {
                    resp.diagnostics.attribute_error(
                        path.attr("name"),
                        "Duplicate Manifest",
                        format!("Manifest {name:?} is defined twice; names are unique in a pack."),
                    );
                }
                names.push(name);
            }
        }
    }

    async fn modify_plan(
        &self,
        _ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        if req.plan.is_null() {
            return;
        }
        plan_pack(&req, resp).await;
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        const SUMMARY: &str = "Create Pack Error";
        let plan = req.plan.clone();
        let cluster_uid = plan.get_str("cluster_id").unwrap_or_default().to_owned();
        let name = plan.get_str("name").unwrap_or_default().to_owned();
        let started = Instant::now();
        let (data, scope) = match PaletteData::connect(
            &req.provider_data,
            plan.get_str("context").unwrap_or("project"),
            SUMMARY,
        )
        .await
        {
            Ok(connected) => connected,
            Err(diag) => {
                resp.diagnostics.push(diag);
                resp.state = Value::Null;
                return;
            }
        };
        let cluster = match get_cluster(&data.client, &scope, &cluster_uid).await {
            Ok(Some(cluster)) => cluster,
            Ok(None) => {
                resp.diagnostics.attribute_error(
                    AttributePath::root("cluster_id"),
                    SUMMARY,
                    format!(
                        "Cluster {cluster_uid} does not exist (or was deleted): a pack can only \
                         be deployed on an existing cluster."
                    ),
                );
                resp.state = Value::Null;
                return;
            }
            Err(err) => {
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("reading cluster {cluster_uid}"),
                    &err,
                ));
                resp.state = Value::Null;
                return;
            }
        };
        let display = cluster_name(&cluster);
        let carrier = carrier_name(&name, &cluster_uid);
        let what = format!("creating the carrier profile {carrier:?} of pack {name:?}");
        let profile_uid = match create_carrier(&data.client, &scope, &carrier, &plan).await {
            Ok(uid) => uid,
            Err(err) => {
                resp.diagnostics
                    .push(diagnostics::api_error(SUMMARY, &what, &err));
                resp.state = Value::Null;
                return;
            }
        };
        // Recorded at once, so a failure from here on leaves the carrier in state (tainted)
        // and the next apply or destroy cleans it up.
        resp.state.set("id", format!("{cluster_uid}/{name}"));
        resp.state.set("profile_id", profile_uid.clone());
        if let Err(err) = publish(&data.client, &scope, &profile_uid).await {
            resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!("publishing the carrier profile {carrier:?}"),
                &err,
            ));
            resp.state.set("state", "Pending");
            settle(&mut resp.state);
            return;
        }
        let result = attach_and_wait(
            ctx,
            data,
            &scope,
            &cluster_uid,
            &display,
            &profile_uid,
            &name,
            waited_version(&plan),
            started,
        )
        .await;
        finish(
            data,
            &scope,
            &profile_uid,
            &name,
            &display,
            result,
            &mut resp.state,
            &mut resp.diagnostics,
            SUMMARY,
        )
        .await;
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Pack Error";
        let context = req.state.get_str("context").unwrap_or("project").to_owned();
        let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        match read_pack(data, &scope, &req.state).await {
            Ok(Some(mut state)) => {
                state.set("context", context);
                resp.state = state;
            }
            Ok(None) => resp.remove(),
            Err(err) => resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!(
                    "reading pack {:?} on cluster {}",
                    req.state.get_str("name").unwrap_or_default(),
                    req.state.get_str("cluster_id").unwrap_or_default()
                ),
                &err,
            )),
        }
    }

    async fn update(&self, ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        const SUMMARY: &str = "Update Pack Error";
        let plan = req.plan.clone();
        let prior = &req.state;
        let started = Instant::now();
        let cluster_uid = plan.get_str("cluster_id").unwrap_or_default().to_owned();
        let name = plan.get_str("name").unwrap_or_default().to_owned();
        let profile_uid = prior.get_str("profile_id").unwrap_or_default().to_owned();
        resp.state.set("profile_id", profile_uid.clone());
        let fail_prior = |resp: &mut UpdateResponse, diag: Diagnostic| {
            resp.diagnostics.push(diag);
            resp.state = prior.clone();
        };
        let (data, scope) = match PaletteData::connect(
            &req.provider_data,
            plan.get_str("context").unwrap_or("project"),
            SUMMARY,
        )
        .await
        {
            Ok(connected) => connected,
            Err(diag) => return fail_prior(resp, diag),
        };
        let display = match get_cluster(&data.client, &scope, &cluster_uid).await {
            Ok(Some(cluster)) => cluster_name(&cluster),
            Ok(None) => {
                return fail_prior(
                    resp,
                    Diagnostic::error(
                        SUMMARY,
                        format!(
                            "Cluster {cluster_uid} no longer exists, so pack {name:?} cannot be \
                             updated on it. Run `terraform apply -refresh-only` (or plan again) \
                             to drop the pack from the state."
                        ),
                    ),
                );
            }
            Err(err) => {
                return fail_prior(
                    resp,
                    diagnostics::api_error(
                        SUMMARY,
                        &format!("reading cluster {cluster_uid}"),
                        &err,
                    ),
                );
            }
        };
        let what = format!("updating the carrier profile {profile_uid} of pack {name:?}");
        if let Err(err) = update_carrier(&data.client, &scope, &profile_uid, &plan).await {
            return fail_prior(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
        if let Err(err) = publish(&data.client, &scope, &profile_uid).await {
            return fail_prior(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
        let result = attach_and_wait(
            ctx,
            data,
            &scope,
            &cluster_uid,
            &display,
            &profile_uid,
            &name,
            waited_version(&plan),
            started,
        )
        .await;
        finish(
            data,
            &scope,
            &profile_uid,
            &name,
            &display,
            result,
            &mut resp.state,
            &mut resp.diagnostics,
            SUMMARY,
        )
        .await;
    }

    async fn delete(&self, ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        const SUMMARY: &str = "Delete Pack Error";
        let state = &req.state;
        let Some(profile_uid) = state.get_str("profile_id").filter(|s| !s.is_empty()) else {
            return;
        };
        let cluster_uid = state.get_str("cluster_id").unwrap_or_default();
        let name = state.get_str("name").unwrap_or_default();
        let (data, scope) = match PaletteData::connect(
            &req.provider_data,
            state.get_str("context").unwrap_or("project"),
            SUMMARY,
        )
        .await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        if let Err(diag) = detach_and_wait(ctx, data, &scope, cluster_uid, profile_uid, name).await
        {
            resp.diagnostics.push(diag);
            return;
        }
        match data
            .client
            .delete_cluster_profile(&scope, profile_uid)
            .await
        {
            Ok(()) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!(
                    "deleting the carrier profile {profile_uid} of pack {name:?} (the layer is \
                     already removed from the cluster)"
                ),
                &err,
            )),
        }
    }

    async fn import_state(
        &self,
        _ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        const SUMMARY: &str = "Import Pack Error";
        let id = match parse_pack_import_id(&req.id) {
            Ok(id) => id,
            Err(err) => {
                resp.diagnostics.error(
                    "Invalid Import ID",
                    format!(
                        "The import ID of a palette_pack is `CLUSTER_UID/PACK_NAME`: {err}. \
                         Example: `5f2b6c0e9d8a7b6c5d4e3f21/prometheus-operator`."
                    ),
                );
                return;
            }
        };
        // The cluster lives in the provider's project or, shared, in the tenant: the project
        // is asked first, and the cluster's own scope decides the context.
        let mut found = None;
        for context in ["project", "tenant"] {
            let (data, scope) =
                match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
                    Ok(connected) => connected,
                    Err(diag) => return resp.diagnostics.push(diag),
                };
            match get_cluster(&data.client, &scope, &id.cluster_uid).await {
                Ok(Some(cluster)) => {
                    found = Some((context, cluster));
                    break;
                }
                Ok(None) => {}
                Err(err) => {
                    resp.diagnostics.push(diagnostics::api_error(
                        SUMMARY,
                        &format!("reading cluster {}", id.cluster_uid),
                        &err,
                    ));
                    return;
                }
            }
        }
        let Some((asked, cluster)) = found else {
            let project = match req.provider_data.require::<PaletteData>() {
                Ok(data) => data.project.clone(),
                Err(diag) => return resp.diagnostics.push(diag),
            };
            resp.diagnostics.error(
                SUMMARY,
                format!(
                    "There is no cluster with uid {} in project {project:?} or in the tenant.",
                    id.cluster_uid
                ),
            );
            return;
        };
        let context = context_of(cluster.metadata.as_ref()).unwrap_or(asked);
        let holders: Vec<&ClusterProfileTemplate> = attached(&cluster)
            .iter()
            .filter(|t| t.packs.iter().flatten().any(|p| p.name == id.pack_name))
            .collect();
        let carrier = holders.iter().find(|t| {
            t.name
                .as_deref()
                .is_some_and(|n| n.starts_with(CARRIER_PREFIX))
        });
        match (carrier, holders.first()) {
            (Some(carrier), _) => {
                resp.state
                    .set("id", format!("{}/{}", id.cluster_uid, id.pack_name));
                resp.state.set("cluster_id", id.cluster_uid.clone());
                resp.state.set("name", id.pack_name.clone());
                resp.state
                    .set("profile_id", carrier.uid.clone().unwrap_or_default());
                resp.state.set("context", context);
            }
            (None, Some(holder)) => resp.diagnostics.error(
                SUMMARY,
                format!(
                    "Pack {:?} on cluster {:?} comes from cluster profile {:?} (uid {}), which \
                     was not made by palette_pack. Only packs deployed with palette_pack can be \
                     imported; manage this one through that profile (palette_cluster_profile) \
                     and the cluster's `cluster_profile` blocks instead.",
                    id.pack_name,
                    cluster_name(&cluster),
                    holder.name.as_deref().unwrap_or_default(),
                    holder.uid.as_deref().unwrap_or_default()
                ),
            ),
            (None, None) => resp.diagnostics.error(
                SUMMARY,
                format!(
                    "Cluster {:?} ({}) has no pack named {:?} in its stack.",
                    cluster_name(&cluster),
                    id.cluster_uid,
                    id.pack_name
                ),
            ),
        }
    }
}

/// The plan: the pack resolved, values kept by meaning, the cluster's stack checked.
async fn plan_pack(req: &ModifyPlanRequest, resp: &mut ModifyPlanResponse) {
    let config = &req.config;
    let prior = &req.state;
    let creating = prior.is_null();
    let plan = &mut resp.plan;

    let cluster_uid = config.get("cluster_id").cloned().unwrap_or(Value::Null);
    let name = config.get("name").cloned().unwrap_or(Value::Null);
    match (cluster_uid.as_str(), name.as_str()) {
        (Some(cluster), Some(pack)) => plan.set("id", format!("{cluster}/{pack}")),
        _ => plan.set("id", Value::unknown()),
    }
    let replacing = !creating
        && (prior.get("cluster_id") != Some(&cluster_uid) || prior.get("name") != Some(&name));
    let profile_id = if creating || replacing {
        Value::unknown()
    } else {
        prior
            .get("profile_id")
            .cloned()
            .unwrap_or_else(Value::unknown)
    };
    plan.set("profile_id", profile_id);
    // What is compared with the prior state is the prior pack, only for the same pack.
    let prior_pack = if replacing { &Value::Null } else { prior };

    // Manifests: content by meaning, uids carried over.
    let mut manifests = plan.get_elements("manifest").to_vec();
    for (j, manifest) in manifests.iter_mut().enumerate() {
        let cfg = config
            .get_elements("manifest")
            .get(j)
            .cloned()
            .unwrap_or(Value::Null);
        let prior_manifest = prior_pack
            .get_elements("manifest")
            .iter()
            .find(|m| m.get("name") == cfg.get("name"))
            .cloned()
            .unwrap_or(Value::Null);
        if let Some(content) = cfg.get_str("content") {
            if let Err(err) = values::normalize(content) {
                resp.diagnostics.attribute_error(
                    AttributePath::root("manifest")
                        .index(j as i64)
                        .attr("content"),
                    "Invalid Manifest YAML",
                    format!("The manifest is not valid YAML: {err}."),
                );
            }
            manifest.set(
                "content",
                keep_prior_text(content, Some(&prior_manifest), "content"),
            );
        }
        let uid = match prior_manifest.get("uid") {
            Some(uid) if !uid.is_null() => uid.clone(),
            _ => Value::unknown(),
        };
        manifest.set("uid", uid);
    }
    plan.set("manifest", Value::List(manifests));

    let config_values = config.get("values").cloned().unwrap_or(Value::Null);
    if let Some(text) = config_values.as_str() {
        if let Err(err) = values::normalize(text) {
            resp.diagnostics.attribute_error(
                AttributePath::root("values"),
                "Invalid Pack Values",
                format!("The values of the pack are not valid YAML: {err}."),
            );
        }
        plan.set("values", keep_prior_text(text, Some(prior_pack), "values"));
    }
    let kind = plan.get_str("type").map(str::to_owned);
    if kind.as_deref() == Some("manifest") {
        plan.set("uid", MANIFEST_PACK_UID);
        plan.set("layer", Layer::Addon.as_str());
        for attr in ["registry_uid", "registry_name"] {
            if config.get(attr).is_none_or(Value::is_null) {
                plan.set(attr, Value::Null);
            }
        }
        if config_values.is_null() {
            plan.set("values", keep_prior_text("", Some(prior_pack), "values"));
        }
        if config.get("tag").is_some_and(Value::is_null) {
            let tag = prior_pack
                .get("tag")
                .filter(|t| !t.is_null())
                .cloned()
                .unwrap_or_else(Value::unknown);
            plan.set("tag", tag);
        }
    }
    plan_state(prior_pack, plan, creating || replacing);

    if req.provider_data.get::<PaletteData>().is_none() {
        // An unknown provider configuration: nothing can be looked up yet.
        return;
    }
    let Some(context) = resp.plan.get_str("context").map(str::to_owned) else {
        return;
    };
    let (data, scope) =
        match PaletteData::connect(&req.provider_data, &context, "Plan Pack Error").await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };

    // Resolve the pack (not a manifest pack): uid, layer, registry, default values.
    let mut cloud_types: Option<Vec<String>> = None;
    let registry_uid = config.get("registry_uid").cloned().unwrap_or(Value::Null);
    let registry_name = config.get("registry_name").cloned().unwrap_or(Value::Null);
    let tag = config.get("tag").cloned().unwrap_or(Value::Null);
    let resolvable = kind.as_deref().is_some_and(|k| k != "manifest")
        && !registry_uid.is_unknown()
        && !registry_name.is_unknown()
        && tag.as_str().is_some()
        && name.as_str().is_some();
    if resolvable {
        let pack_name = name.as_str().unwrap_or_default();
        let pack_kind =
            PackType::from_str(kind.as_deref().unwrap_or("spectro")).unwrap_or(PackType::Spectro);
        match data
            .resolver
            .resolve_kind(
                &scope,
                pack_kind,
                pack_name,
                tag.as_str(),
                registry_uid.as_str(),
                registry_name.as_str(),
            )
            .await
        {
            Ok(Some(resolved)) => {
                let plan = &mut resp.plan;
                plan.set("uid", resolved.uid.clone());
                let layer = Layer::from_api(resolved.layer.as_str()).unwrap_or(Layer::Addon);
                plan.set("layer", layer.as_str());
                if layer != Layer::Addon {
                    resp.diagnostics.attribute_error(
                        AttributePath::root("name"),
                        "Not An Add-On Pack",
                        format!(
                            "Pack {pack_name:?} fills the {layer} layer, one of the core layers a \
                             cluster gets from its infrastructure (or full) profile. palette_pack \
                             deploys add-on packs only: change the core layer through the \
                             cluster's profiles instead."
                        ),
                    );
                }
                if registry_uid.is_null() {
                    plan.set("registry_uid", resolved.registry_uid.clone());
                }
                if registry_name.is_null() {
                    let kept = prior_pack
                        .get("registry_name")
                        .filter(|n| !n.is_unknown())
                        .filter(|_| {
                            prior_pack.get_str("registry_uid")
                                == Some(resolved.registry_uid.as_str())
                        })
                        .cloned()
                        .unwrap_or(Value::Null);
                    plan.set("registry_name", kept);
                }
                if config_values.is_null() {
                    plan.set(
                        "values",
                        keep_prior_text(&resolved.default_values, Some(prior_pack), "values"),
                    );
                }
                cloud_types = Some(resolved.cloud_types.clone());
            }
            Ok(None) => {}
            Err(err) => report_resolve_error(&mut resp.diagnostics, err, &registry_name),
        }
        plan_state(prior_pack, &mut resp.plan, creating || replacing);
    }

    // The cluster: its environment and the names already on its stack. Skipped while the
    // cluster is yet to be created (its id unknown).
    let Some(cluster_uid) = cluster_uid.as_str() else {
        return;
    };
    let cluster = match get_cluster(&data.client, &scope, cluster_uid).await {
        Ok(Some(cluster)) => cluster,
        Ok(None) => {
            resp.diagnostics.attribute_error(
                AttributePath::root("cluster_id"),
                "Cluster Not Found",
                format!(
                    "There is no cluster with uid {cluster_uid} in {}: a pack can only be \
                     deployed on an existing cluster. Check `cluster_id` and `context`.",
                    if context == "tenant" {
                        "the tenant".to_owned()
                    } else {
                        format!("project {:?}", data.project)
                    }
                ),
            );
            return;
        }
        Err(err) => {
            resp.diagnostics.push(diagnostics::api_error(
                "Plan Pack Error",
                &format!("reading cluster {cluster_uid}"),
                &err,
            ));
            return;
        }
    };
    let display = cluster_name(&cluster);
    let cloud_type = cluster
        .spec
        .as_ref()
        .and_then(|s| s.cloud_type.clone())
        .unwrap_or_default();
    if let Some(cloud_types) = cloud_types
        && !cloud_type.is_empty()
        && !cloud_types.is_empty()
        && !cloud_types.iter().any(|c| c == "all" || *c == cloud_type)
    {
        resp.diagnostics.attribute_error(
            AttributePath::root("name"),
            "Pack Not Made For This Environment",
            format!(
                "Pack {:?} is made for {}, but cluster {display:?} runs on {cloud_type}. Pick a \
                 pack built for {cloud_type} (or for all environments).",
                name.as_str().unwrap_or_default(),
                cloud_types.join(", ")
            ),
        );
    }
    if let Some(pack_name) = name.as_str() {
        let own_uid = resp.plan.get_str("profile_id").map(str::to_owned);
        let own_name = carrier_name(pack_name, cluster_uid);
        let holder = attached(&cluster).iter().find(|t| {
            t.uid.as_deref() != own_uid.as_deref()
                && t.name.as_deref() != Some(own_name.as_str())
                && t.packs.iter().flatten().any(|p| p.name == pack_name)
        });
        if let Some(holder) = holder {
            resp.diagnostics.attribute_error(
                AttributePath::root("name"),
                "Pack Already On The Cluster",
                format!(
                    "Cluster {display:?} already has a pack named {pack_name:?}, from cluster \
                     profile {:?} (uid {}). A pack name appears once in a cluster's stack: \
                     change its values through that profile, or remove it there first.",
                    holder.name.as_deref().unwrap_or_default(),
                    holder.uid.as_deref().unwrap_or_default()
                ),
            );
        }
    }
}

/// Plans `state`: unknown when the layer will be (re)deployed, else the prior value. A layer
/// in `Error` is deployed again (the plan shows an update), so the next apply retries it.
fn plan_state(prior: &Value, plan: &mut Value, new: bool) {
    let same = !new
        && prior.get_str("state") != Some("Error")
        && ["tag", "registry_uid", "type", "values", "uid", "manifest"]
            .iter()
            .all(|attr| plan.get(attr) == prior.get(attr));
    let state = if same {
        prior.get("state").cloned().unwrap_or_else(Value::unknown)
    } else {
        Value::unknown()
    };
    plan.set("state", state);
}

/// Reports a pack that could not be resolved at the attribute at fault.
fn report_resolve_error(diags: &mut Diagnostics, err: ResolveError, registry_name: &Value) {
    match err {
        ResolveError::Api(err) => diags.push(diagnostics::api_error(
            "Plan Pack Error",
            "looking up the pack",
            &err,
        )),
        ResolveError::UnknownRegistry { .. } => diags.attribute_error(
            AttributePath::root(if registry_name.is_null() {
                "registry_uid"
            } else {
                "registry_name"
            }),
            "Unknown Registry",
            format!("{err}."),
        ),
        ResolveError::UnknownPack { .. } => diags.attribute_error(
            AttributePath::root("name"),
            "Unknown Pack",
            format!(
                "{err}. Check the name, or the registry: the palette_pack data source looks \
                 packs up."
            ),
        ),
        ResolveError::UnknownTag { .. } => diags.attribute_error(
            AttributePath::root("tag"),
            "Unknown Pack Tag",
            format!("{err}."),
        ),
    }
}

/// The carrier's one pack, for a create.
fn create_entity(plan: &Value) -> PackManifestEntity {
    let kind = pack_kind(plan);
    let manifests = (kind == PackType::Manifest).then(|| {
        plan.get_elements("manifest")
            .iter()
            .map(|m| ManifestInputEntity {
                name: known(m, "name"),
                content: known(m, "content"),
            })
            .collect()
    });
    PackManifestEntity {
        layer: known(plan, "layer"),
        manifests,
        name: known(plan, "name").unwrap_or_default(),
        registry_uid: known(plan, "registry_uid"),
        tag: known(plan, "tag"),
        type_: Some(kind),
        uid: known(plan, "uid"),
        values: known(plan, "values"),
    }
}

/// The carrier's one pack, for an update; manifest uids from the carrier as it is.
fn update_entity(plan: &Value, current: Option<&PackRef>) -> PackManifestUpdateEntity {
    let kind = pack_kind(plan);
    let manifests = (kind == PackType::Manifest).then(|| {
        plan.get_elements("manifest")
            .iter()
            .map(|m| {
                let name = known(m, "name").unwrap_or_default();
                let uid = current
                    .and_then(|c| c.manifests.as_deref())
                    .unwrap_or_default()
                    .iter()
                    .find(|r| r.name.as_deref() == Some(name.as_str()))
                    .and_then(|r| r.uid.clone());
                ManifestRefUpdateEntity {
                    content: known(m, "content"),
                    name,
                    uid,
                }
            })
            .collect()
    });
    PackManifestUpdateEntity {
        layer: known(plan, "layer"),
        manifests,
        name: known(plan, "name").unwrap_or_default(),
        registry_uid: known(plan, "registry_uid"),
        tag: known(plan, "tag"),
        type_: Some(kind),
        uid: known(plan, "uid"),
        values: known(plan, "values"),
    }
}

/// The carrier's metadata.
fn carrier_meta(name: &str, plan: &Value) -> ObjectMeta {
    let mut labels = BTreeMap::new();
    labels.insert(CARRIER_LABEL.to_owned(), "true".to_owned());
    let mut annotations = BTreeMap::new();
    annotations.insert(
        "description".to_owned(),
        format!(
            "Carries pack {:?} onto cluster {}; managed by Terraform (palette_pack).",
            plan.get_str("name").unwrap_or_default(),
            plan.get_str("cluster_id").unwrap_or_default()
        ),
    );
    ObjectMeta {
        name: Some(name.to_owned()),
        labels: Some(labels),
        annotations: Some(annotations),
        ..ObjectMeta::default()
    }
}

/// Creates the carrier profile (as a draft; [`publish`] follows once its uid is in the state);
/// returns its uid. A carrier of the same name left by an earlier, interrupted run (or detached
/// outside Terraform) is adopted and brought up to date.
async fn create_carrier(
    client: &Client,
    scope: &Scope,
    name: &str,
    plan: &Value,
) -> Result<String, palette_api::Error> {
    let entity = ClusterProfileEntity {
        metadata: Some(carrier_meta(name, plan)),
        spec: Some(ClusterProfileEntitySpec {
            template: Some(ClusterProfileTemplateDraft {
                cloud_type: Some("all".to_owned()),
                packs: Some(vec![create_entity(plan)]),
                type_: Some(ApiProfileType::AddOn),
            }),
            variables: None,
            version: Some(CARRIER_VERSION.to_owned()),
        }),
    };
    match client
        .create_cluster_profile_idempotent(scope, &entity, false)
        .await
    {
        Ok(uid) => Ok(uid),
        Err(err) if err.is_conflict() => {
            let Some(uid) = client
                .find_cluster_profile(scope, name, Some(CARRIER_VERSION))
                .await?
            else {
                return Err(err);
            };
            tracing::info!(profile = %uid, "adopting the existing carrier profile {name:?}");
            update_carrier(client, scope, &uid, plan).await?;
            Ok(uid)
        }
        Err(err) => Err(err),
    }
}

/// Rewrites the carrier's one pack as planned (a draft until [`publish`]).
async fn update_carrier(
    client: &Client,
    scope: &Scope,
    uid: &str,
    plan: &Value,
) -> Result<(), palette_api::Error> {
    let current = client.get_cluster_profile(scope, uid).await?;
    let name = current
        .metadata
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_default();
    let pack_name = plan.get_str("name").unwrap_or_default();
    let current_pack = template_of(&current)
        .and_then(|t| t.packs.as_deref())
        .unwrap_or_default()
        .iter()
        .find(|p| p.name == pack_name);
    let update = ClusterProfileUpdateEntity {
        metadata: Some(carrier_meta(&name, plan)),
        spec: Some(ClusterProfileUpdateEntitySpec {
            template: Some(ClusterProfileTemplateUpdate {
                packs: Some(vec![update_entity(plan, current_pack)]),
                type_: Some(ApiProfileType::AddOn),
            }),
            version: Some(CARRIER_VERSION.to_owned()),
        }),
    };
    client.update_cluster_profile(scope, uid, &update).await
}

/// Publishes the carrier, so the cluster can use what it now holds.
async fn publish(client: &Client, scope: &Scope, uid: &str) -> Result<(), palette_api::Error> {
    client.publish_cluster_profile(scope, uid).await
}

/// Attaches (or re-applies) the carrier to the cluster and waits for the layer, under the
/// cluster's write lock.
#[allow(clippy::too_many_arguments)]
async fn attach_and_wait(
    ctx: &Context,
    data: &PaletteData,
    scope: &Scope,
    cluster_uid: &str,
    display: &str,
    profile_uid: &str,
    pack: &str,
    version: Option<&str>,
    started: Instant,
) -> Result<Snapshot, Diagnostic> {
    let _guard = data.lock_cluster(cluster_uid).await;
    let body = SpectroClusterProfiles {
        profiles: vec![SpectroClusterProfileEntity {
            uid: Some(profile_uid.to_owned()),
            ..SpectroClusterProfileEntity::default()
        }],
        spc_apply_settings: None,
    };
    match ctx
        .run(
            data.client
                .patch_cluster_profiles(scope, cluster_uid, &body, true),
        )
        .await
    {
        Err(why) => {
            return Err(diagnostics::interrupted(
                "Pack Deployment Interrupted",
                &format!("attaching pack {pack:?} to cluster {display:?} ({why})"),
            ));
        }
        Ok(Err(err)) => {
            return Err(diagnostics::api_error(
                "Deploy Pack Error",
                &format!("attaching pack {pack:?} (profile {profile_uid}) to cluster {display:?}"),
                &err,
            ));
        }
        Ok(Ok(())) => {}
    }
    let waiter = Waiter {
        client: &data.client,
        scope,
        uid: cluster_uid,
        name: display,
        limit: WAIT_LIMIT,
        started,
    };
    // NOTE(next): on a real Palette a re-applied profile is downloaded first
    // (`status.spcApply.canBeApplied`); a values-only change cannot be told apart in
    // `status.packs` until the agent picks it up, so the wait could end on the old, still Ready
    // layer. The emulator replans synchronously on PATCH, so the tests do not see this.
    waiter
        .until_layer(ctx, profile_uid, pack, version, LayerGoal::Ready)
        .await
        .map_err(|err| wait_diagnostic(err, pack, display, "deploying"))
}

/// The version the layer must report once deployed: the planned tag, except for manifest packs
/// (whose version Palette chooses).
fn waited_version(plan: &Value) -> Option<&str> {
    (pack_kind(plan) != PackType::Manifest)
        .then(|| plan.get_str("tag"))
        .flatten()
}

/// The diagnostic for a wait that did not reach its goal.
fn wait_diagnostic(err: WaitError, pack: &str, cluster: &str, doing: &str) -> Diagnostic {
    match &err {
        WaitError::LayerFailed { layer, .. } => Diagnostic::error(
            "Pack Deployment Failed",
            format!(
                "{}Layer {} (pack {} {}) failed on cluster {cluster:?}: {}. The pack stays in \
                 the state; fix the failed layer (its values, or the cluster) and apply again.",
                if layer.name == pack {
                    String::new()
                } else {
                    format!("Pack {pack:?} waits for a layer below it that failed. ")
                },
                layer.layer,
                layer.name,
                layer.version,
                if layer.message.is_empty() {
                    "Palette gave no message"
                } else {
                    &layer.message
                }
            ),
        ),
        WaitError::Interrupted { .. } => diagnostics::interrupted(
            "Pack Deployment Interrupted",
            &format!("{doing} pack {pack:?} on cluster {cluster:?}"),
        ),
        WaitError::Gone => Diagnostic::error(
            "Cluster Gone",
            format!("Cluster {cluster:?} was deleted while {doing} pack {pack:?}."),
        ),
        WaitError::Api(api) => diagnostics::api_error(
            "Pack Wait Error",
            &format!("waiting while {doing} pack {pack:?} on cluster {cluster:?}"),
            api,
        ),
        _ => Diagnostic::error(
            "Pack Wait Error",
            format!("While {doing} pack {pack:?} on cluster {cluster:?}, the wait {err}."),
        ),
    }
}

/// After create or update: the layer's state, manifest uids, and the diagnostics of a failure.
#[allow(clippy::too_many_arguments)]
async fn finish(
    data: &PaletteData,
    scope: &Scope,
    profile_uid: &str,
    pack: &str,
    _display: &str,
    result: Result<Snapshot, Diagnostic>,
    state: &mut Value,
    diags: &mut Diagnostics,
    summary: &str,
) {
    let layer_state = match &result {
        Ok(snapshot) => snapshot
            .layers
            .iter()
            .find(|l| l.profile_uid == profile_uid && l.name == pack)
            .map(|l| l.state.clone())
            .unwrap_or_else(|| "Pending".to_owned()),
        Err(_) => "Error".to_owned(),
    };
    state.set("state", layer_state);
    if let Err(diag) = result {
        diags.push(diag);
    }
    if !state.is_fully_known() {
        match data.client.get_cluster_profile(scope, profile_uid).await {
            Ok(profile) => fill_unknowns(&profile, pack, state),
            Err(err) => diags.push(diagnostics::api_error(
                summary,
                &format!("reading the carrier profile {profile_uid} back"),
                &err,
            )),
        }
    }
    settle(state);
}

/// Sets what only Palette knows (manifest uids, anything the plan could not resolve) from the
/// carrier as stored, leaving every planned value as it is.
fn fill_unknowns(profile: &ClusterProfile, pack: &str, state: &mut Value) {
    let api = template_of(profile)
        .and_then(|t| t.packs.as_deref())
        .unwrap_or_default()
        .iter()
        .find(|p| p.name == pack);
    let fills: [(&str, Value); 5] = [
        ("uid", non_empty(api.and_then(|p| p.pack_uid.as_deref()))),
        ("layer", Value::from(Layer::Addon.as_str())),
        (
            "registry_uid",
            non_empty(api.and_then(|p| p.registry_uid.as_deref())),
        ),
        (
            "values",
            Value::from(api.and_then(|p| p.values.clone()).unwrap_or_default()),
        ),
        (
            "tag",
            non_empty(api.and_then(|p| p.tag.as_deref().or(p.version.as_deref()))),
        ),
    ];
    fill_from_stored(state, fills, api);
}

/// Detaches the carrier from the cluster and waits until the layer is gone. A cluster that is
/// gone, or no longer has the carrier, means the layer is gone.
async fn detach_and_wait(
    ctx: &Context,
    data: &PaletteData,
    scope: &Scope,
    cluster_uid: &str,
    profile_uid: &str,
    pack: &str,
) -> Result<(), Diagnostic> {
    let started = Instant::now();
    let _guard = data.lock_cluster(cluster_uid).await;
    let cluster = match get_cluster(&data.client, scope, cluster_uid).await {
        Ok(Some(cluster)) => cluster,
        Ok(None) => return Ok(()),
        Err(err) => {
            return Err(diagnostics::api_error(
                "Delete Pack Error",
                &format!("reading cluster {cluster_uid}"),
                &err,
            ));
        }
    };
    let display = cluster_name(&cluster);
    let is_attached = attached(&cluster)
        .iter()
        .any(|t| t.uid.as_deref() == Some(profile_uid));
    if is_attached {
        let body = SpectroClusterProfilesDeleteEntity {
            profile_uids: Some(vec![profile_uid.to_owned()]),
        };
        match ctx
            .run(
                data.client
                    .delete_cluster_profiles(scope, cluster_uid, &body),
            )
            .await
        {
            Err(why) => {
                return Err(diagnostics::interrupted(
                    "Pack Removal Interrupted",
                    &format!("removing pack {pack:?} from cluster {display:?} ({why})"),
                ));
            }
            Ok(Err(err)) if err.is_not_found() => {}
            Ok(Err(err)) => {
                return Err(diagnostics::api_error(
                    "Delete Pack Error",
                    &format!(
                        "removing pack {pack:?} (profile {profile_uid}) from cluster {display:?}"
                    ),
                    &err,
                ));
            }
            Ok(Ok(())) => {}
        }
    }
    let waiter = Waiter {
        client: &data.client,
        scope,
        uid: cluster_uid,
        name: &display,
        limit: WAIT_LIMIT,
        started,
    };
    match waiter
        .until_layer(ctx, profile_uid, pack, None, LayerGoal::Gone)
        .await
    {
        Ok(_) | Err(WaitError::Gone) => Ok(()),
        Err(err) => Err(wait_diagnostic(err, pack, &display, "removing")),
    }
}

/// Reads the pack into a state; `None` when it is gone (cluster deleted, carrier detached or
/// deleted, or the pack no longer in the carrier).
async fn read_pack(
    data: &PaletteData,
    scope: &Scope,
    prior: &Value,
) -> Result<Option<Value>, palette_api::Error> {
    let client = &data.client;
    let (Some(cluster_uid), Some(name), Some(profile_uid)) = (
        prior.get_str("cluster_id"),
        prior.get_str("name"),
        prior.get_str("profile_id").filter(|s| !s.is_empty()),
    ) else {
        return Ok(None);
    };
    let Some(cluster) = get_cluster(client, scope, cluster_uid).await? else {
        return Ok(None);
    };
    if !attached(&cluster)
        .iter()
        .any(|t| t.uid.as_deref() == Some(profile_uid))
    {
        return Ok(None);
    }
    let profile = match client.get_cluster_profile(scope, profile_uid).await {
        Ok(profile) => profile,
        Err(err) if err.is_not_found() => return Ok(None),
        Err(err) => return Err(err),
    };
    let Some(api) = template_of(&profile)
        .and_then(|t| t.packs.as_deref())
        .unwrap_or_default()
        .iter()
        .find(|p| p.name == name)
        .cloned()
    else {
        return Ok(None);
    };
    let mut state = prior.clone();
    state.set("id", format!("{cluster_uid}/{name}"));
    set_stored(&mut state, &api, Some(prior));
    // An import knows no registry name: name the registry, so either spelling plans clean.
    if prior.get("registry_name").is_none_or(Value::is_null)
        && prior.get("tag").is_none_or(Value::is_null)
        && api.type_ != Some(PackType::Manifest)
        && let Some(uid) = api.registry_uid.as_deref().filter(|u| !u.is_empty())
    {
        let name = data
            .resolver
            .registry_by_uid(scope, uid)
            .await?
            .and_then(|r| r.name);
        state.set("registry_name", non_empty(name.as_deref()));
    }
    state.set(
        "manifest",
        read_manifests(client, scope, profile_uid, &api, Some(prior)).await?,
    );
    let layer_state = crate::wait::layers_of(&cluster)
        .into_iter()
        .find(|l| l.profile_uid == profile_uid && l.name == name)
        .map(|l| l.state)
        .unwrap_or_else(|| "Pending".to_owned());
    state.set("state", layer_state);
    Ok(Some(state))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn carrier_names_start_with_the_prefix_the_cluster_resource_skips() {
        let name = carrier_name("prometheus-operator", "5f2b6c0e9d8a7b6c5d4e3f21");
        assert_eq!(name, "tf-pack-prometheus-operator-5f2b6c0e9d8a7b6c5d4e3f21");
        assert!(name.starts_with(CARRIER_PREFIX));
    }

    #[test]
    fn state_is_kept_only_when_the_layer_is_unchanged() {
        let mut prior = Value::Object(BTreeMap::new());
        for (k, v) in [
            ("tag", "1.0"),
            ("registry_uid", "r"),
            ("type", "spectro"),
            ("values", "a: 1"),
            ("uid", "u"),
            ("state", "Ready"),
        ] {
            prior.set(k, v);
        }
        prior.set("manifest", Value::List(Vec::new()));
        let mut plan = prior.clone();
        plan.set("state", Value::unknown());
        plan_state(&prior, &mut plan, false);
        assert_eq!(plan.get_str("state"), Some("Ready"));
        plan.set("values", "a: 2");
        plan_state(&prior, &mut plan, false);
        assert!(plan.get("state").is_some_and(Value::is_unknown));
        let mut failed = prior.clone();
        failed.set("state", "Error");
        let mut retry = failed.clone();
        plan_state(&failed, &mut retry, false);
        assert!(retry.get("state").is_some_and(Value::is_unknown));
        let mut fresh = prior.clone();
        plan_state(&prior, &mut fresh, true);
        assert!(fresh.get("state").is_some_and(Value::is_unknown));
    }

    #[test]
    fn settle_turns_unknowns_into_nulls_everywhere() {
        let mut manifest = Value::Object(BTreeMap::new());
        manifest.set("uid", Value::unknown());
        let mut state = Value::Object(BTreeMap::new());
        state.set("state", Value::unknown());
        state.set("manifest", Value::List(vec![manifest]));
        settle(&mut state);
        assert!(state.is_fully_known());
        assert!(state.get("state").is_some_and(Value::is_null));
    }

    #[test]
    fn schema_describes_every_attribute() {
        let schema = PackResource.schema();
        assert!(schema.problems().is_empty(), "{:?}", schema.problems());
        for a in &schema.block.attributes {
            assert!(!a.description.is_empty(), "{} has no description", a.name);
        }
        for b in &schema.block.blocks {
            assert!(!b.block.description.is_empty(), "{}", b.type_name);
            for a in &b.block.attributes {
                assert!(!a.description.is_empty(), "{}.{}", b.type_name, a.name);
            }
        }
    }
}
