//! The plan: the pack resolved (`uid` and `layer` known), values and manifests kept by meaning,
//! and the pack checked against the cluster's stack.

use std::str::FromStr;

use palette_api::Scope;
use palette_api::models::{PackType, SpectroCluster};
use tfplugin::resource::{ModifyPlanRequest, ModifyPlanResponse};
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::pack_shared::{
    PackConfig, PackSite, plan_connection, plan_manifest_pack, plan_resolved, plan_texts,
    report_resolve_error,
};
use palette_stack::layers::Layer;

use super::model::carrier_name;
use super::read::{attached, cluster_name, get_cluster};

const SUMMARY: &str = "Plan Pack Error";

/// The `modify_plan` handler for a pack that is created or kept.
pub(super) async fn plan_pack(req: &ModifyPlanRequest, resp: &mut ModifyPlanResponse) {
    let config = PackConfig::from_value(&req.config);
    let prior = &req.state;
    let replacing = plan_identity(&req.config, prior, &mut resp.plan);
    let fresh = prior.is_null() || replacing;
    // What is compared with the prior state is the prior pack, only for the same pack.
    let prior_pack = (!fresh).then_some(prior);
    let site = PackSite {
        base: AttributePath::new(),
        label: "the pack".to_owned(),
        summary: SUMMARY,
    };
    plan_texts(
        &config,
        &mut resp.plan,
        prior_pack,
        true,
        &site,
        &mut resp.diagnostics,
    );
    let kind = resp.plan.get_str("type").map(str::to_owned);
    if kind.as_deref() == Some("manifest") {
        plan_manifest_pack(&config, &mut resp.plan, prior_pack);
    }
    plan_state(prior_pack.unwrap_or(&Value::Null), &mut resp.plan, fresh);

    let (data, scope, context) =
        match plan_connection(&req.provider_data, &resp.plan, SUMMARY).await {
            None => return,
            Some(Err(diag)) => return resp.diagnostics.push(diag),
            Some(Ok(connected)) => connected,
        };
    let cloud_types = match kind.as_deref() {
        Some(kind) if kind != "manifest" => {
            let resolved = resolve(data, &scope, &config, kind, prior_pack, &site, resp).await;
            plan_state(prior_pack.unwrap_or(&Value::Null), &mut resp.plan, fresh);
            resolved
        }
        _ => None,
    };
    // The cluster: its environment and the names already on its stack. Skipped while the
    // cluster is yet to be created (its id unknown).
    if let Some(cluster_uid) = req.config.get_str("cluster_id") {
        let checks = ClusterChecks {
            data,
            scope: &scope,
            context: &context,
            cluster_uid,
            name: config.name.text(),
            own_uid: resp.plan.get_str("profile_id").map(str::to_owned),
            cloud_types,
        };
        checks.run(&mut resp.diagnostics).await;
    }
}

/// Plans `id` and `profile_id`; tells whether the pack is replaced (moved to another cluster,
/// or renamed).
fn plan_identity(config: &Value, prior: &Value, plan: &mut Value) -> bool {
    let cluster_uid = config.get("cluster_id").cloned().unwrap_or(Value::Null);
    let name = config.get("name").cloned().unwrap_or(Value::Null);
    match (cluster_uid.as_str(), name.as_str()) {
        (Some(cluster), Some(pack)) => plan.set("id", format!("{cluster}/{pack}")),
        _ => plan.set("id", Value::unknown()),
    }
    let creating = prior.is_null();
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
    replacing
}

/// Resolves the pack of kind `kind` (not a manifest pack) when what names it is known, and
/// plans what that tells: uid, layer, registry, default values. A core-layer pack is refused.
/// Returns the environments the pack is made for, once resolved.
async fn resolve(
    data: &PaletteData,
    scope: &Scope,
    config: &PackConfig,
    kind: &str,
    prior: Option<&Value>,
    site: &PackSite,
    resp: &mut ModifyPlanResponse,
) -> Option<Vec<String>> {
    let (Some(name), Some(tag)) = (config.name.text(), config.tag.text()) else {
        return None;
    };
    if config.registry_uid.is_unknown() || config.registry_name.is_unknown() {
        return None;
    }
    let kind = PackType::from_str(kind).unwrap_or(PackType::Spectro);
    let resolved = data
        .resolver
        .resolve_kind(
            scope,
            kind,
            name,
            Some(tag),
            config.registry_uid.text(),
            config.registry_name.text(),
        )
        .await;
    let resolved = match resolved {
        Ok(Some(resolved)) => resolved,
        Ok(None) => return None,
        Err(err) => {
            report_resolve_error(&mut resp.diagnostics, site, config, err);
            return None;
        }
    };
    let layer = plan_resolved(config, &mut resp.plan, prior, &resolved);
    if layer != Layer::Addon {
        resp.diagnostics.attribute_error(
            AttributePath::root("name"),
            "Not An Add-On Pack",
            format!(
                "Pack {name:?} fills the {layer} layer, one of the core layers a cluster gets \
                 from its infrastructure (or full) profile. palette_pack deploys add-on packs \
                 only: change the core layer through the cluster's profiles instead."
            ),
        );
    }
    Some(resolved.cloud_types)
}

/// Plans `state`: unknown when the layer will be (re)deployed, else the prior value. A layer
/// in `Error` is deployed again (the plan shows an update), so the next apply retries it.
pub(super) fn plan_state(prior: &Value, plan: &mut Value, new: bool) {
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

/// The checks of the pack against the cluster it goes on.
struct ClusterChecks<'a> {
    data: &'a PaletteData,
    scope: &'a Scope,
    context: &'a str,
    cluster_uid: &'a str,
    /// The pack's name, when known.
    name: Option<&'a str>,
    /// The planned carrier's uid, when known.
    own_uid: Option<String>,
    /// The environments the pack is made for, when it resolved.
    cloud_types: Option<Vec<String>>,
}

impl ClusterChecks<'_> {
    /// Reads the cluster and checks that it exists, that the pack is made for its
    /// environment, and that no other profile on it has a pack of the same name.
    async fn run(&self, diags: &mut Diagnostics) {
        let cluster_uid = self.cluster_uid;
        let cluster = match get_cluster(&self.data.client, self.scope, cluster_uid).await {
            Ok(Some(cluster)) => cluster,
            Ok(None) => {
                diags.attribute_error(
                    AttributePath::root("cluster_id"),
                    "Cluster Not Found",
                    format!(
                        "There is no cluster with uid {cluster_uid} in {}: a pack can only be \
                         deployed on an existing cluster. Check `cluster_id` and `context`.",
                        if self.context == "tenant" {
                            "the tenant".to_owned()
                        } else {
                            format!("project {:?}", self.data.project)
                        }
                    ),
                );
                return;
            }
            Err(err) => {
                let what = format!("reading cluster {cluster_uid}");
                return diags.push(diagnostics::api_error(SUMMARY, &what, &err));
            }
        };
        self.check_environment(&cluster, diags);
        self.check_name_is_free(&cluster, diags);
    }

    /// The pack must be made for the cluster's environment (or for all).
    fn check_environment(&self, cluster: &SpectroCluster, diags: &mut Diagnostics) {
        let cloud_type = cluster
            .spec
            .as_ref()
            .and_then(|s| s.cloud_type.clone())
            .unwrap_or_default();
        if let Some(cloud_types) = &self.cloud_types
            && !cloud_type.is_empty()
            && !cloud_types.is_empty()
            && !cloud_types.iter().any(|c| c == "all" || *c == cloud_type)
        {
            diags.attribute_error(
                AttributePath::root("name"),
                "Pack Not Made For This Environment",
                format!(
                    "Pack {:?} is made for {}, but cluster {:?} runs on {cloud_type}. Pick a pack \
                     built for {cloud_type} (or for all environments).",
                    self.name.unwrap_or_default(),
                    cloud_types.join(", "),
                    cluster_name(cluster),
                ),
            );
        }
    }

    /// No profile on the cluster but the pack's own carrier may hold a pack of its name.
    fn check_name_is_free(&self, cluster: &SpectroCluster, diags: &mut Diagnostics) {
        let Some(pack_name) = self.name else {
            return;
        };
        let own_name = carrier_name(pack_name, self.cluster_uid);
        let holder = attached(cluster).iter().find(|t| {
            t.uid.as_deref() != self.own_uid.as_deref()
                && t.name.as_deref() != Some(own_name.as_str())
                && t.packs.iter().flatten().any(|p| p.name == pack_name)
        });
        if let Some(holder) = holder {
            diags.attribute_error(
                AttributePath::root("name"),
                "Pack Already On The Cluster",
                format!(
                    "Cluster {:?} already has a pack named {pack_name:?}, from cluster profile \
                     {:?} (uid {}). A pack name appears once in a cluster's stack: change its \
                     values through that profile, or remove it there first.",
                    cluster_name(cluster),
                    holder.name.as_deref().unwrap_or_default(),
                    holder.uid.as_deref().unwrap_or_default()
                ),
            );
        }
    }
}
