//! The `cluster_template` block: a cluster launched from a `palette_cluster_template` instead
//! of `cluster_profile` blocks. Its plan checks (exactly one of the two; the template exists,
//! is of the cluster's environment, holds the profiles named, whose variables are declared and
//! the required ones given), and the replacement a change of template needs: Palette has no
//! endpoint that moves a cluster to another template or detaches it from one. Its variables
//! change in place (`update.rs`); it is read back in `read.rs`.

use std::collections::BTreeMap;

use palette_api::Scope;
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::environments::Environment;
use crate::provider_data::PaletteData;
use crate::resources::cluster_template::checks::check_declared;

/// The path of the `cluster_template` block.
fn block_path() -> AttributePath {
    AttributePath::root("cluster_template").index(0)
}

/// Whether a list block is set: `Some(true)` with elements, `Some(false)` without, `None`
/// while it is unknown (a dynamic block at validate).
pub(super) fn has_elements(config: &Value, name: &str) -> Option<bool> {
    match config.get(name) {
        None | Some(Value::Null) => Some(false),
        Some(v) if v.is_unknown() => None,
        Some(v) => v.as_elements().map(|e| !e.is_empty()),
    }
}

/// Exactly one of `cluster_profile` and `cluster_template`; a template not on TKE, whose create
/// API takes none. Waits while either block is unknown.
pub(super) fn check_choice(
    config: &Value,
    env: Option<&'static dyn Environment>,
    diags: &mut Diagnostics,
) {
    let (Some(profiles), Some(template)) = (
        has_elements(config, "cluster_profile"),
        has_elements(config, "cluster_template"),
    ) else {
        return;
    };
    match (profiles, template) {
        (true, true) => diags.attribute_error(
            AttributePath::root("cluster_template").index(0).attr("id"),
            "Profiles And Template Both Set",
            "A cluster is launched from a cluster template or from its own `cluster_profile` \
             blocks, not both: the template gives the profiles. Remove one of them.",
        ),
        (false, false) => diags.attribute_error(
            AttributePath::root("cluster_profile"),
            "No Cluster Profiles",
            "A cluster needs its profiles: at least one `cluster_profile` block (one infra or \
             full profile, and any add-ons), or a `cluster_template` block.",
        ),
        _ => {}
    }
    if template && let Some(env) = env.filter(|e| e.key() == "tke") {
        diags.attribute_error(
            AttributePath::root("cluster_template").index(0).attr("id"),
            "Cluster Template Not Available",
            format!(
                "Palette's {} create API takes no cluster template: give the profiles in \
                 `cluster_profile` blocks.",
                env.display_name()
            ),
        );
    }
}

/// The template id of a value (`None` without a block; `Some(None)` while it is unknown).
fn template_id(value: &Value) -> Option<Option<String>> {
    let block = value.get_elements("cluster_template").first()?.clone();
    Some(block.get_str("id").map(str::to_owned))
}

/// The path whose change replaces the cluster, if any: another template (known), or a switch
/// between `cluster_profile` blocks and a template.
pub(super) fn replacement(state: &Value, plan: &Value) -> Option<AttributePath> {
    if state.is_null() || plan.is_null() {
        return None;
    }
    // A block not known until apply may name another template, or none.
    if plan.get("cluster_template").is_some_and(Value::is_unknown) {
        return Some(AttributePath::root("cluster_template"));
    }
    match (template_id(state), template_id(plan)) {
        (None, None) => None,
        // Another template, or one not known until apply (which may be another).
        (Some(Some(before)), Some(after)) if after.as_deref() != Some(before.as_str()) => {
            Some(AttributePath::root("cluster_template").index(0).attr("id"))
        }
        (Some(_), Some(_)) => None,
        _ => Some(AttributePath::root("cluster_template")),
    }
}

/// Checks against Palette, reads only: the template exists in the cluster's context, is of
/// its environment, holds each profile a `cluster_profile` block names, and each profile's
/// variables given are declared; once the blocks are known, every required variable without a
/// default has a value, from the template or from the cluster.
pub(super) async fn check_with_api(
    data: &PaletteData,
    scope: &Scope,
    context: &str,
    env: &dyn Environment,
    config: &Value,
    diags: &mut Diagnostics,
) {
    let Some(block) = config.get_elements("cluster_template").first().cloned() else {
        return;
    };
    let Some(id) = block.get_str("id") else {
        return;
    };
    let id_path = block_path().attr("id");
    let template = match data.client.get_cluster_template(scope, id).await {
        Ok(template) => template,
        Err(err) if err.is_not_found() => {
            return diags.attribute_error(
                id_path,
                "Unknown Cluster Template",
                format!("No cluster template has uid {id:?} in the {context} scope."),
            );
        }
        Err(err) => {
            return diags.push(
                diagnostics::api_error(
                    "Plan Cluster Error",
                    &format!("reading cluster template {id}"),
                    &err,
                )
                .with_attribute(id_path),
            );
        }
    };
    let name = template
        .metadata
        .as_ref()
        .and_then(|m| m.name.clone())
        .unwrap_or_else(|| id.to_owned());
    let spec = template.spec.unwrap_or_default();
    let cloud = spec.cloud_type.clone().unwrap_or_default();
    if cloud != env.api_cloud_type().as_str() {
        return diags.attribute_error(
            id_path,
            "Cluster Template Of Another Environment",
            format!(
                "Cluster template {name:?} launches {cloud:?} clusters, but this cluster's \
                 environment is {:?}.",
                env.key()
            ),
        );
    }
    let profiles = spec.profiles.unwrap_or_default();
    let mut given: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut all_known = true;
    for (index, profile) in block.get_elements("cluster_profile").iter().enumerate() {
        let path = block_path().attr("cluster_profile").index(index as i64);
        let Some(profile_id) = profile.get_str("id") else {
            all_known = false;
            continue;
        };
        if !profiles
            .iter()
            .any(|p| p.uid.as_deref() == Some(profile_id))
        {
            diags.attribute_error(
                path.attr("id"),
                "Profile Not In Template",
                format!(
                    "Profile {profile_id:?} is not one of cluster template {name:?}'s profiles; \
                     a cluster gives values to the variables of its template's profiles only."
                ),
            );
            continue;
        }
        for map in ["variables", "sensitive_variables"] {
            match profile.get(map) {
                Some(v) if !v.is_fully_known() => all_known = false,
                Some(v) => {
                    check_declared(
                        data,
                        scope,
                        profile_id,
                        profile_id,
                        v,
                        map == "variables",
                        path.clone().attr(map),
                        diags,
                    )
                    .await;
                    if let Some(names) = v.as_map() {
                        given
                            .entry(profile_id.to_owned())
                            .or_default()
                            .extend(names.keys().cloned());
                    }
                }
                None => {}
            }
        }
    }
    if !all_known {
        return;
    }
    for profile in &profiles {
        let Some(uid) = profile.uid.as_deref() else {
            continue;
        };
        let Some(declared) = super::checks::declared_variables(data, scope, uid).await else {
            continue;
        };
        for variable in declared.iter() {
            let has_default = variable
                .default_value
                .as_deref()
                .is_some_and(|d| !d.is_empty());
            let fixed = profile
                .variables
                .iter()
                .flatten()
                .any(|v| v.name.as_deref() == Some(variable.name.as_str()));
            let by_cluster = given
                .get(uid)
                .is_some_and(|names| names.contains(&variable.name));
            if variable.required == Some(true) && !has_default && !fixed && !by_cluster {
                diags.attribute_error(
                    block_path(),
                    "Required Profile Variable Missing",
                    format!(
                        "Profile {uid:?} of cluster template {name:?} requires variable {:?}, \
                         which neither has a default nor a value in the template: give it in a \
                         `cluster_profile {{ id = \"{uid}\" variables = {{ ... }} }}` block here.",
                        variable.name
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_template(id: Option<&str>) -> Value {
        let mut block = Value::Object(BTreeMap::new());
        block.set("id", id.map_or(Value::unknown(), Value::from));
        let mut value = Value::Object(BTreeMap::new());
        value.set("cluster_template", Value::List(vec![block]));
        value
    }

    fn with_profiles() -> Value {
        let mut value = Value::Object(BTreeMap::new());
        value.set("cluster_template", Value::List(Vec::new()));
        value
    }

    fn unknown_block() -> Value {
        let mut value = Value::Object(BTreeMap::new());
        value.set("cluster_template", Value::unknown());
        value
    }

    #[test]
    fn another_template_or_a_switch_replaces_the_cluster() {
        let id = AttributePath::root("cluster_template").index(0).attr("id");
        let block = AttributePath::root("cluster_template");
        let cases = [
            (
                "same template",
                with_template(Some("t1")),
                with_template(Some("t1")),
                None,
            ),
            (
                "another template",
                with_template(Some("t1")),
                with_template(Some("t2")),
                Some(id.clone()),
            ),
            (
                "a template known at apply",
                with_template(Some("t1")),
                with_template(None),
                Some(id),
            ),
            (
                "profiles to a template",
                with_profiles(),
                with_template(Some("t1")),
                Some(block.clone()),
            ),
            (
                "a template to profiles",
                with_template(Some("t1")),
                with_profiles(),
                Some(block),
            ),
            ("profiles stay", with_profiles(), with_profiles(), None),
            (
                "a dynamic template block known at apply",
                with_profiles(),
                unknown_block(),
                Some(AttributePath::root("cluster_template")),
            ),
            ("create", Value::Null, with_template(Some("t1")), None),
        ];
        for (what, state, plan, want) in cases {
            assert_eq!(replacement(&state, &plan), want, "{what}");
        }
    }
}
