//! Attached cluster profiles: resolving a cluster's profile entries into snapshot templates
//! (checking the stack is complete), and the profile variables a cluster gives each template.

use std::collections::HashMap;

use palette_api::models as m;
use serde_json::{Value, json};

use crate::context::Ctx;
use crate::environments::Environment;
use crate::error::{ApiError, ApiResult};
use crate::routes::cluster_profiles;
use crate::routes::common::find;
use crate::state::AppState;
use crate::store::Kind;
use crate::wire;

/// Resolves attached profile entries into snapshot templates (published template with the
/// cluster's pack overrides), checking the stack is complete.
///
/// A pack override's `name` and a variable's `name` are ones the spec requires
/// (`v1PackValuesEntity`, `v1SpectroClusterVariable`); an entry's `uid` is not, so it is checked
/// here.
pub(super) fn attach(
    state: &AppState,
    ctx: &Ctx,
    env: &Environment,
    entries: &[m::SpectroClusterProfileEntity],
) -> ApiResult<Vec<Value>> {
    if entries.is_empty() {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "spec.profiles needs at least one cluster profile",
        ));
    }
    let mut templates = Vec::new();
    let mut layers: HashMap<String, String> = HashMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let uid = wire::require(entry.uid.as_deref(), &format!("spec.profiles[{i}].uid"))?;
        if entries[..i].iter().any(|e| e.uid.as_deref() == Some(uid)) {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("cluster profile '{uid}' is attached twice"),
            ));
        }
        let profile = find(state, ctx, Kind::Profile, uid, "cluster profile")?;
        let mut template = cluster_profiles::published(&profile)
            .cloned()
            .ok_or_else(|| {
                ApiError::bad_request(
                    "ClusterProfileNotPublished",
                    format!(
                        "cluster profile '{}' ({uid}) has no published version; publish it first",
                        profile.name
                    ),
                )
            })?;
        let cloud = template["cloudType"].as_str().unwrap_or("");
        if cloud != "all" && cloud != env.key {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "cluster profile '{}' is for cloud type '{cloud}', not '{}'",
                    profile.name, env.key
                ),
            ));
        }
        template["uid"] = json!(uid);
        template["name"] = json!(profile.name);
        let packs = template["packs"]
            .as_array_mut()
            .map(std::mem::take)
            .unwrap_or_default();
        let mut packs = packs;
        for (j, over) in entry.pack_values.iter().flatten().enumerate() {
            let name = over.name.as_str();
            if let Some(values) = over.values.as_deref() {
                crate::content::check_yaml(
                    values,
                    &format!("spec.profiles[{i}].packValues[{j}].values"),
                )?;
            }
            let pack = packs.iter_mut().find(|p| p["name"] == name).ok_or_else(|| {
                ApiError::bad_request(
                    "InvalidRequest",
                    format!("pack '{name}' in spec.profiles[{i}].packValues is not in cluster profile '{}'", profile.name),
                )
            })?;
            if let Some(tag) = wire::given(over.tag.as_deref()).filter(|t| pack["tag"] != *t) {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "pack '{name}' of profile '{}' is tag '{}', not '{tag}'",
                        profile.name,
                        pack["tag"].as_str().unwrap_or("")
                    ),
                ));
            }
            if let Some(values) = over.values.as_deref() {
                pack["values"] = json!(values);
            }
            for mf in over.manifests.iter().flatten() {
                if let Some(slot) = pack["manifests"]
                    .as_array_mut()
                    .and_then(|ms| ms.iter_mut().find(|m| m["name"] == mf.name.as_str()))
                    && let Some(content) = mf.content.as_deref()
                {
                    slot["content"] = json!(content);
                }
            }
        }
        let defined = cluster_profiles::variables_of(&profile);
        let given = entry.variables.as_deref().unwrap_or(&[]);
        for var in given {
            if !defined.iter().any(|d| d["name"] == var.name.as_str()) {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "variable '{}' is not defined by cluster profile '{}'",
                        var.name, profile.name
                    ),
                ));
            }
        }
        for def in &defined {
            let given = given.iter().any(|v| {
                def["name"] == v.name.as_str() && wire::given(v.value.as_deref()).is_some()
            });
            if def["required"] == true && !given && wire::str_at(def, "/defaultValue").is_none() {
                return Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!(
                        "variable '{}' of cluster profile '{}' is required",
                        def["name"].as_str().unwrap_or(""),
                        profile.name
                    ),
                ));
            }
        }
        for pack in &packs {
            let layer = pack["layer"].as_str().unwrap_or("addon");
            if layer != "addon" {
                if let Some(other) = layers.get(layer) {
                    return Err(ApiError::bad_request(
                        "InvalidRequest",
                        format!(
                            "the {layer} layer comes from two profiles ('{other}' and '{}'); a cluster has one {layer} pack",
                            profile.name
                        ),
                    ));
                }
                layers.insert(layer.to_owned(), profile.name.clone());
            }
        }
        template["packs"] = json!(packs);
        templates.push(template);
    }
    let missing: Vec<&str> = ["os", "k8s", "cni", "csi"]
        .into_iter()
        .filter(|l| !layers.contains_key(*l))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            format!(
                "the cluster's profiles do not provide the {} layer{}; attach an infrastructure or full profile",
                missing.join(", "),
                if missing.len() > 1 { "s" } else { "" }
            ),
        ));
    }
    Ok(templates)
}

/// `values` with each `{{.spectro.var.NAME}}` (or `{{ .spectro.var.NAME }}`) replaced by its
/// value.
pub(super) fn resolve_variables(values: &str, vars: &HashMap<String, String>) -> String {
    let mut out = values.to_owned();
    for (name, value) in vars {
        for pattern in [
            format!("{{{{.spectro.var.{name}}}}}"),
            format!("{{{{ .spectro.var.{name} }}}}"),
        ] {
            out = out.replace(&pattern, value);
        }
    }
    out
}

/// The variable values a cluster gives the profile `profile_uid`: the profile's defaults,
/// overridden by the cluster's own values.
pub(super) fn variables_for(
    state: &AppState,
    profile_uid: &str,
    entries: &[m::SpectroClusterProfileEntity],
) -> ApiResult<HashMap<String, String>> {
    let mut vars: HashMap<String, String> = HashMap::new();
    if let Some(profile) = state.store().get(Kind::Profile, profile_uid)? {
        for def in cluster_profiles::variables_of(&profile) {
            if let (Some(n), Some(d)) = (def["name"].as_str(), def["defaultValue"].as_str()) {
                vars.insert(n.to_owned(), d.to_owned());
            }
        }
    }
    if let Some(entry) = entries
        .iter()
        .find(|e| e.uid.as_deref() == Some(profile_uid))
    {
        for var in entry.variables.iter().flatten() {
            if let Some(value) = &var.value {
                vars.insert(var.name.clone(), value.clone());
            }
        }
    }
    Ok(vars)
}

/// The profile entries as a cluster stores them: uid, pack values and variables only.
pub(super) fn normalize_entries(
    entries: Vec<m::SpectroClusterProfileEntity>,
) -> Vec<m::SpectroClusterProfileEntity> {
    entries
        .into_iter()
        .map(|e| m::SpectroClusterProfileEntity {
            uid: e.uid,
            pack_values: Some(e.pack_values.unwrap_or_default()),
            variables: Some(e.variables.unwrap_or_default()),
            replace_with_profile: None,
        })
        .collect()
}
