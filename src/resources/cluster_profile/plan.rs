//! The plan: every pack resolved against its registry (uid and layer known before apply),
//! YAML kept by meaning, the layer rules and environments checked, each problem reported at
//! its attribute.

use std::str::FromStr;

use palette_api::Scope;
use palette_api::models::PackType;
use tfplugin::resource::{ModifyPlanRequest, ModifyPlanResponse};
use tfplugin::{AttributePath, Diagnostic, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resolve::ResolvedPack;
use crate::resources::pack_shared::{
    PackConfig, PackSite, plan_connection, plan_manifest_pack, plan_resolved, plan_texts,
    report_resolve_error,
};
use palette_stack::environment_names::Scope as EnvScope;
use palette_stack::layers::{Layer, PackLayerInfo, ProfileType, check_stack};

use super::pack_path;

const SUMMARY: &str = "Plan Cluster Profile Error";

/// The `modify_plan` handler for a profile that is created or kept.
pub(super) async fn plan_profile(req: &ModifyPlanRequest, resp: &mut ModifyPlanResponse) {
    let prior = &req.state;
    let version_changes = plan_id(prior, &mut resp.plan);
    let (data, scope, context) =
        match plan_connection(&req.provider_data, &resp.plan, SUMMARY).await {
            None => return,
            Some(Err(diag)) => return resp.diagnostics.push(diag),
            Some(Ok(connected)) => connected,
        };
    if version_changes {
        check_version_is_new(data, &scope, &context, &resp.plan, &mut resp.diagnostics).await;
    }

    let Some(config_packs) = req.config.get("pack").and_then(Value::as_elements) else {
        return;
    };
    let Some(mut plan_packs) = resp
        .plan
        .get("pack")
        .and_then(Value::as_elements)
        .map(<[Value]>::to_vec)
    else {
        return;
    };
    let planner = PackPlanner {
        data,
        scope: &scope,
        prior_packs: prior.get_elements("pack"),
        version_changes,
    };
    // What each pack tells the layer rules; `None` once one pack cannot tell.
    let mut infos = Some(Vec::new());
    for (i, (cfg, planned)) in config_packs.iter().zip(plan_packs.iter_mut()).enumerate() {
        let info = planner.plan(i, cfg, planned, &mut resp.diagnostics).await;
        infos = infos.zip(info).map(|(mut all, one)| {
            all.push(one);
            all
        });
    }
    resp.plan.set("pack", Value::List(plan_packs));
    if let Some(infos) = infos
        && infos.len() == config_packs.len()
    {
        check_layers(&resp.plan, &infos, &mut resp.diagnostics);
    }
}

/// Plans `id`: it stays unless a new version object is made. Tells whether the version changes.
fn plan_id(prior: &Value, plan: &mut Value) -> bool {
    if prior.is_null() {
        return false;
    }
    let version = plan.get("version").cloned().unwrap_or(Value::Null);
    let version_changes = prior.get("version") != Some(&version);
    let id = if version_changes {
        Value::unknown()
    } else {
        prior.get("id").cloned().unwrap_or(Value::Null)
    };
    plan.set("id", id);
    version_changes
}

/// A new version that already exists will be refused at apply: says so now, as a warning,
/// because Terraform also plans the configuration before a destroy, when a version change is
/// moot. (A create is not checked: when a profile is replaced, Terraform plans the create while
/// the old version, with the same name and version, still exists.)
async fn check_version_is_new(
    data: &PaletteData,
    scope: &Scope,
    context: &str,
    plan: &Value,
    diags: &mut Diagnostics,
) {
    let (Some(name), Some(version)) = (plan.get_str("name"), plan.get_str("version")) else {
        return;
    };
    match data
        .client
        .find_cluster_profile(scope, name, Some(version))
        .await
    {
        Ok(Some(uid)) => diags.attribute_warning(
            AttributePath::root("version"),
            "Cluster Profile Version Exists",
            format!(
                "Cluster profile {name:?} version {version} already exists in Palette \
                 (uid {uid}), so applying this change will fail. Choose another version, \
                 or import it with `terraform import <address> {prefix}{name}@{version}`.",
                prefix = if context == "tenant" { "tenant/" } else { "" }
            ),
        ),
        Ok(None) => {}
        Err(err) => diags.push(diagnostics::api_error(
            SUMMARY,
            &format!("looking up cluster profile {name:?}"),
            &err,
        )),
    }
}

/// What one pack tells the layer rules.
struct PackInfo {
    index: usize,
    name: String,
    layer: Layer,
    environments: Vec<String>,
}

/// Plans the profile's packs, one at a time.
struct PackPlanner<'a> {
    data: &'a PaletteData,
    scope: &'a Scope,
    prior_packs: &'a [Value],
    /// Whether the profile moves to a new version (whose manifests get new uids).
    version_changes: bool,
}

impl PackPlanner<'_> {
    /// Plans pack `i`, configured as `cfg`. Returns what it tells the layer rules, `None` when
    /// it cannot tell (a value unknown until apply, or a pack that does not resolve).
    async fn plan(
        &self,
        i: usize,
        cfg_value: &Value,
        planned: &mut Value,
        diags: &mut Diagnostics,
    ) -> Option<PackInfo> {
        let cfg = PackConfig::from_value(cfg_value);
        let name = cfg.name.text();
        let site = PackSite {
            base: pack_path(i),
            label: format!("pack {:?}", name.unwrap_or_default()),
            summary: SUMMARY,
        };
        let kind = planned.get_str("type").map(str::to_owned);
        let prior = name.and_then(|n| {
            self.prior_packs
                .iter()
                .find(|p| p.get_str("name") == Some(n))
        });
        plan_texts(&cfg, planned, prior, !self.version_changes, &site, diags);
        if kind.as_deref() == Some("manifest") {
            plan_manifest_pack(&cfg, planned, prior);
            return name.map(|name| PackInfo {
                index: i,
                name: name.to_owned(),
                layer: Layer::Addon,
                environments: Vec::new(),
            });
        }
        let (Some(name), Some(kind)) = (name, kind) else {
            return None;
        };
        if cfg.registry_uid.is_unknown() || cfg.registry_name.is_unknown() || cfg.tag.is_unknown() {
            // Without the tag, keep what is known about the same pack.
            if let Some(p) = prior
                && p.get("tag") == cfg_value.get("tag")
                && cfg.values.is_unset()
            {
                planned.set("values", p.get("values").cloned().unwrap_or(Value::Null));
            }
            return None;
        }
        // A missing tag is reported by validate_config.
        let tag = cfg.tag.text()?;
        let pack_kind = PackType::from_str(&kind).unwrap_or(PackType::Spectro);
        let resolved = self
            .data
            .resolver
            .resolve_kind(
                self.scope,
                pack_kind,
                name,
                Some(tag),
                cfg.registry_uid.text(),
                cfg.registry_name.text(),
            )
            .await;
        let resolved = match resolved {
            Ok(resolved) => resolved?,
            Err(err) => {
                report_resolve_error(diags, &site, &cfg, err);
                return None;
            }
        };
        self.check_type(&site, name, &kind, &resolved, diags).await;
        let layer = plan_resolved(&cfg, planned, prior, &resolved);
        self.check_registry(&site, &cfg, diags).await;
        Some(PackInfo {
            index: i,
            name: name.to_owned(),
            layer,
            environments: resolved.cloud_types,
        })
    }

    /// The pack's type follows the registry that serves it.
    async fn check_type(
        &self,
        site: &PackSite,
        name: &str,
        kind: &str,
        resolved: &ResolvedPack,
        diags: &mut Diagnostics,
    ) {
        let uid = &resolved.registry_uid;
        let served = self.data.resolver.served_pack_type(self.scope, uid).await;
        if let Some(diag) = type_check(site, name, kind, uid, served) {
            diags.push(diag);
        }
    }

    /// A registry named both ways must be the same registry.
    async fn check_registry(&self, site: &PackSite, cfg: &PackConfig, diags: &mut Diagnostics) {
        let (Some(uid), Some(registry)) = (cfg.registry_uid.text(), cfg.registry_name.text())
        else {
            return;
        };
        match self
            .data
            .resolver
            .registry_by_name(self.scope, registry)
            .await
        {
            Ok(found) if found.uid.as_deref() != Some(uid) => diags.attribute_error(
                site.attr("registry_uid"),
                "Conflicting Registry",
                format!(
                    "registry_uid {uid:?} is not the uid of registry {registry:?} ({}); set only \
                     one of registry_name and registry_uid.",
                    found.uid.unwrap_or_default()
                ),
            ),
            Ok(_) => {}
            Err(err) => report_resolve_error(diags, site, cfg, err),
        }
    }
}

/// The diagnostic of the check that pack `name`, of type `kind`, is of the type its registry
/// `registry_uid` serves, from what reading the registry gave; `None` when the check passes. A
/// registry that cannot be read fails the plan, as any other lookup the plan needs does; one
/// that Palette does not list (the pack was found through a configured `registry_uid`) only
/// warns, because nothing is known to be wrong and Palette checks the type at apply.
pub(super) fn type_check(
    site: &PackSite,
    name: &str,
    kind: &str,
    registry_uid: &str,
    served: Result<Option<(&str, String)>, palette_api::Error>,
) -> Option<Diagnostic> {
    let diag = match served {
        Ok(Some((served, _))) if served == kind => return None,
        Ok(Some((served, registry))) => Diagnostic::error(
            "Pack Type Mismatch",
            format!(
                "Pack {name:?} comes from registry {registry:?}, which serves {served} packs, but \
                 the pack says type = {kind:?}. Set type = {served:?} or pick another registry."
            ),
        ),
        Ok(None) => Diagnostic::warning(
            "Pack Type Not Checked",
            format!(
                "Pack {name:?} was found in registry {registry_uid:?}, which is not among the \
                 registries Palette lists, so the plan cannot check that it serves {kind} packs. \
                 If it does not, Palette refuses the profile at apply."
            ),
        ),
        Err(err) => diagnostics::api_error(
            site.summary,
            &format!(
                "reading registry {registry_uid} to check the type of {}",
                site.label
            ),
            &err,
        ),
    };
    Some(diag.with_attribute(site.attr("type")))
}

/// Checks the layer rules and environments of the profile's packs, once each is known.
fn check_layers(plan: &Value, infos: &[PackInfo], diags: &mut Diagnostics) {
    let profile_type = plan
        .get_str("type")
        .and_then(|t| ProfileType::from_hcl(t).ok());
    let environment = plan
        .get_str("environment")
        .and_then(|e| EnvScope::from_key(e).ok());
    let (Some(profile_type), Some(environment)) = (profile_type, environment) else {
        return;
    };
    // Duplicate names are reported by validate_config; each name is checked once here.
    let layer_infos: Vec<PackLayerInfo<'_>> = infos
        .iter()
        .enumerate()
        .filter(|(k, info)| !infos[..*k].iter().any(|other| other.name == info.name))
        .map(|(_, info)| PackLayerInfo {
            name: &info.name,
            layer: info.layer,
            environments: &info.environments,
            index: info.index,
        })
        .collect();
    for issue in check_stack(profile_type, &layer_infos, environment) {
        let path = match issue.index {
            Some(i) => pack_path(i).attr("name"),
            None => AttributePath::root("pack"),
        };
        diags.attribute_error(path, "Invalid Stack", format!("{}.", issue.message));
    }
}
