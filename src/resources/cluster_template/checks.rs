//! Plan-time checks: of the configuration alone (a profile named twice), and against Palette
//! with reads only (each profile exists, is of the template's environment, declares the
//! variables the template gives, and exactly one is an infra or full profile). A value not
//! known yet is skipped until it is. Nothing is written.

use palette_api::Scope;
use palette_api::models::ClusterProfile;
use palette_stack::environment_names::{Environment as Name, Scope as ProfileScope};
use palette_stack::layers::ProfileType;
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::cluster::declared_variables;

/// The path of `cluster_profile[index]` (with `attr` under it, if any).
fn profile_path(index: usize, attr: Option<&str>) -> AttributePath {
    let path = AttributePath::root("cluster_profile").index(index as i64);
    match attr {
        Some(attr) => path.attr(attr),
        None => path,
    }
}

/// The configuration alone: no profile id twice.
pub(super) fn check_config(config: &Value, diags: &mut Diagnostics) {
    let profiles = config.get_elements("cluster_profile");
    for (index, profile) in profiles.iter().enumerate() {
        let Some(id) = profile.get_str("id") else {
            continue;
        };
        if profiles[..index]
            .iter()
            .any(|earlier| earlier.get_str("id") == Some(id))
        {
            diags.attribute_error(
                profile_path(index, Some("id")),
                "Duplicate Cluster Profile",
                format!("Profile {id:?} is in the template twice; name each profile once."),
            );
        }
    }
}

/// A profile's name, type and environment scope, from its published (or draft) version.
pub(crate) struct ProfileFacts {
    pub(crate) name: String,
    pub(crate) kind: Option<ProfileType>,
    pub(crate) scope: ProfileScope,
}

impl ProfileFacts {
    pub(crate) fn of(profile: &ClusterProfile, id: &str) -> ProfileFacts {
        let name = profile
            .metadata
            .as_ref()
            .and_then(|m| m.name.clone())
            .unwrap_or_else(|| id.to_owned());
        let template = profile
            .spec
            .as_ref()
            .and_then(|s| s.published.clone().or_else(|| s.draft.clone()))
            .unwrap_or_default();
        ProfileFacts {
            name,
            kind: ProfileType::from_api(template.type_.as_deref().unwrap_or("add-on")).ok(),
            scope: ProfileScope::from_cloud_type(template.cloud_type.as_deref().unwrap_or("all"))
                .unwrap_or(ProfileScope::All),
        }
    }
}

/// Checks each configured variable of `given` (at `path`) is one profile `id` declares; with
/// `plain`, that none is one the profile declares sensitive (those go in a sensitive map).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn check_declared(
    data: &PaletteData,
    scope: &Scope,
    id: &str,
    name: &str,
    given: &Value,
    plain: bool,
    path: AttributePath,
    diags: &mut Diagnostics,
) {
    let Some(map) = given.as_map() else {
        return;
    };
    if map.is_empty() {
        return;
    }
    let Some(declared) = declared_variables(data, scope, id).await else {
        // The profile itself was read: a failed variables read leaves the check to Palette.
        return;
    };
    let sensitive: Vec<&str> = declared
        .iter()
        .filter(|v| v.is_sensitive == Some(true))
        .map(|v| v.name.as_str())
        .collect();
    let declared: Vec<&str> = declared.iter().map(|v| v.name.as_str()).collect();
    for variable in map.keys() {
        if plain && sensitive.contains(&variable.as_str()) {
            diags.attribute_error(
                path.clone(),
                "Sensitive Variable In Plain Map",
                format!(
                    "Profile {name:?} declares variable {variable:?} sensitive: give its value in \
                     `sensitive_variables`, which Terraform never shows, not in `variables`."
                ),
            );
        }
        if !declared.contains(&variable.as_str()) {
            diags.attribute_error(
                path.clone(),
                "Undefined Profile Variable",
                format!(
                    "Profile {name:?} declares no variable {variable:?} (it declares \
                     {declared:?}); only the profile's variables can be given values."
                ),
            );
        }
    }
}

/// Checks against Palette, reads only: each known profile exists in the context, is of the
/// template's environment (or of all), declares the variables given; and, once every id is
/// known, exactly one is an infra or full profile.
pub(super) async fn check_with_api(data: &PaletteData, config: &Value, diags: &mut Diagnostics) {
    // Where the profiles are looked up, and which they are, wait until known.
    if config.get("context").is_some_and(Value::is_unknown)
        || config.get("cluster_profile").is_some_and(Value::is_unknown)
    {
        return;
    }
    let context = config.get_str("context").unwrap_or("project");
    let Ok(scope) = data.scope(context).await else {
        return;
    };
    let environment = config.get_str("environment").and_then(Name::from_key);
    let mut all_known = true;
    let mut core: Vec<String> = Vec::new();
    for (index, profile) in config.get_elements("cluster_profile").iter().enumerate() {
        let Some(id) = profile.get_str("id") else {
            all_known = false;
            continue;
        };
        let found = match data.client.get_cluster_profile(&scope, id).await {
            Ok(found) => found,
            Err(err) if err.is_not_found() => {
                all_known = false;
                diags.attribute_error(
                    profile_path(index, Some("id")),
                    "Unknown Cluster Profile",
                    format!("No cluster profile has uid {id:?} in the {context} scope."),
                );
                continue;
            }
            Err(err) => {
                all_known = false;
                diags.push(
                    diagnostics::api_error(
                        "Plan Cluster Template Error",
                        &format!("reading cluster profile {id}"),
                        &err,
                    )
                    .with_attribute(profile_path(index, Some("id"))),
                );
                continue;
            }
        };
        let facts = ProfileFacts::of(&found, id);
        if let (Some(env), ProfileScope::Only(of)) = (environment, facts.scope)
            && of != env
        {
            diags.attribute_error(
                profile_path(index, Some("id")),
                "Profile Of Another Environment",
                format!(
                    "Profile {:?} is for {} clusters, but the template's environment is {:?} \
                     ({}).",
                    facts.name,
                    of.display_name(),
                    env.key(),
                    env.display_name()
                ),
            );
        }
        if facts.kind.is_some_and(ProfileType::has_core_layers) {
            core.push(facts.name.clone());
        }
        if let Some(given) = profile.get("variables").filter(|v| v.is_fully_known()) {
            check_declared(
                data,
                &scope,
                id,
                &facts.name,
                given,
                false,
                profile_path(index, Some("variables")),
                diags,
            )
            .await;
        }
    }
    if all_known && core.len() != 1 {
        diags.attribute_error(
            profile_path(0, Some("id")),
            "One Infra Or Full Profile Needed",
            format!(
                "A cluster template holds exactly one infra or full profile, which gives the \
                 clusters their core layers, and any add-on profiles; this one holds {}.",
                if core.is_empty() {
                    "none".to_owned()
                } else {
                    format!("{} ({})", core.len(), core.join(", "))
                }
            ),
        );
    }
}
