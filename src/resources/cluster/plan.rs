//! Plan helpers: keep prior text that means the same, and prior computed values that cannot
//! change.

use tfplugin::{AttributePath, Value, ValueExt};

use palette_stack::values;

use crate::environments;

/// Plans the prior text of pack values and manifests whose configured text means the same
/// (YAML compared by meaning), so reformatting a values file is no change. Terraform accepts
/// a planned value equal to the prior state in place of an equivalent configured one.
pub(super) fn keep_equivalent_text(state: &Value, plan: &mut Value) {
    if state.is_null() {
        return;
    }
    let prior_profiles = state.get_elements("cluster_profile").to_vec();
    let Some(Value::List(profiles)) = plan.get_mut("cluster_profile") else {
        return;
    };
    for (profile, prior) in profiles.iter_mut().zip(&prior_profiles) {
        if profile.get_str("id").is_none() || profile.get_str("id") != prior.get_str("id") {
            continue;
        }
        let prior_packs = prior.get_elements("pack").to_vec();
        let Some(Value::List(packs)) = profile.get_mut("pack") else {
            continue;
        };
        for (pack, prior_pack) in packs.iter_mut().zip(&prior_packs) {
            if pack.get_str("name").is_none() || pack.get_str("name") != prior_pack.get_str("name")
            {
                continue;
            }
            keep_if_equivalent(pack, prior_pack, "values");
            let prior_manifests = prior_pack.get_elements("manifest").to_vec();
            let Some(Value::List(manifests)) = pack.get_mut("manifest") else {
                continue;
            };
            for (manifest, prior_manifest) in manifests.iter_mut().zip(&prior_manifests) {
                if manifest.get_str("name") == prior_manifest.get_str("name") {
                    keep_if_equivalent(manifest, prior_manifest, "content");
                }
            }
        }
    }
}

/// When the plan equals the prior state but for computed results the engine made unknown
/// (because the configured text differed before [`keep_equivalent_text`]), plans no change.
pub(super) fn restore_unchanged_computed(state: &Value, plan: &mut Value) {
    if state.is_null() {
        return;
    }
    let mut candidate = plan.clone();
    for name in ["state", "health", "layers", "kubeconfig", "cloud_config_id"] {
        if candidate.get(name).is_some_and(Value::is_unknown) {
            candidate.set(name, state.get(name).cloned().unwrap_or(Value::Null));
        }
    }
    if candidate == *state {
        *plan = candidate;
    }
}

pub(super) fn keep_if_equivalent(planned: &mut Value, prior: &Value, attr: &str) {
    if let (Some(mine), Some(theirs)) = (planned.get_str(attr), prior.get_str(attr))
        && mine != theirs
        && values::equivalent(mine, theirs)
    {
        let theirs = theirs.to_string();
        planned.set(attr, theirs);
    }
}

/// The paths of the planned control-plane pools that a running cluster cannot take: Palette
/// adds and removes worker pools on a running cluster, but its control plane stays the pool it
/// was created with. A planned control-plane pool whose name the prior state lacks (a new one,
/// or the old one renamed) replaces the cluster, and the plan names that pool's `name`:
/// Terraform marks only paths whose value changed, and at that position the name always has.
/// A worker pool turned into a control-plane pool (same name) is left to the `control_plane`
/// attribute's own `requires_replace`.
pub(super) fn new_control_planes(state: &Value, plan: &Value) -> Vec<AttributePath> {
    if state.is_null() {
        return Vec::new();
    }
    let prior = state.get_elements("machine_pool");
    let planned = plan.get_elements("machine_pool");
    planned
        .iter()
        .enumerate()
        .filter(|(_, pool)| pool.get_bool("control_plane") == Some(true))
        .filter_map(|(i, pool)| {
            let name = pool.get_str("name")?;
            let before = prior.iter().find(|p| p.get_str("name") == Some(name));
            before.is_none().then(|| {
                AttributePath::root("machine_pool")
                    .index(i as i64)
                    .attr("name")
            })
        })
        .collect()
}

/// A pool field the cloud cannot change on a running pool (`Environment::fixed_pool_fields`),
/// changed on a pool the prior state has: refused at the field, with the way out (a new pool
/// under another name). Unknown planned values are checked once known.
pub(super) fn check_fixed_pool_fields(
    state: &Value,
    plan: &Value,
    diags: &mut tfplugin::Diagnostics,
) {
    if state.is_null() {
        return;
    }
    let Some((env, _)) = super::model::environment_of(plan) else {
        return;
    };
    let prior = state.get_elements("machine_pool");
    for (i, pool) in plan.get_elements("machine_pool").iter().enumerate() {
        let Some(name) = pool.get_str("name") else {
            continue;
        };
        let Some(before) = prior.iter().find(|p| p.get_str("name") == Some(name)) else {
            continue;
        };
        for field in env.fixed_pool_fields() {
            let (now, then) = (
                pool.get(field.attr()).unwrap_or(&Value::Null),
                before.get(field.attr()).unwrap_or(&Value::Null),
            );
            // No OS is Linux, what AKS makes (and what an import reads as no OS).
            let linux = |v: &Value| {
                *field == environments::SizingField::OsType
                    && (v.is_null() || v.as_str() == Some("Linux"))
            };
            if now.is_unknown() || now == then || (linux(now) && linux(then)) {
                continue;
            }
            diags.attribute_error(
                AttributePath::root("machine_pool")
                    .index(i as i64)
                    .attr(field.attr()),
                "Machine Pool Field Cannot Change",
                format!(
                    "{} sets `{}` when it makes a pool and cannot change it on pool {name:?}. To \
                     change it, replace the pool: give it a new name (Terraform then adds the new \
                     pool and removes the old one, in place).",
                    env.display_name(),
                    field.attr()
                ),
            );
        }
    }
}
