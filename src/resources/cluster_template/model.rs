//! The planned template as plain Rust, the API bodies made from it, and the state read back
//! from a stored template.

use std::collections::BTreeMap;

use palette_api::models::{
    ClusterTemplate, ClusterTemplateEntity, ClusterTemplateEntitySpec, ClusterTemplateProfile,
    ClusterTemplateProfilesUpdateEntity, ClusterTemplateVariable, ObjectMetaInputEntity,
    ObjectMetaInputEntitySchema,
};
use palette_stack::environment_names::Environment as Name;
use tfplugin::{Value, ValueExt};

use crate::environments::get_string_map;
use crate::provider_data::context_of;

/// One `cluster_profile` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TemplateProfile {
    pub(super) id: String,
    /// The values the template fixes (`None` when `variables` is unset).
    pub(super) variables: Option<BTreeMap<String, String>>,
}

/// A `palette_cluster_template` as planned (or as in state).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TemplatePlan {
    pub(super) name: String,
    pub(super) description: Option<String>,
    pub(super) tags: Option<BTreeMap<String, String>>,
    pub(super) context: String,
    /// The environment key (`edge_native`).
    pub(super) environment: String,
    pub(super) profiles: Vec<TemplateProfile>,
}

impl TemplatePlan {
    pub(super) fn from_value(value: &Value) -> TemplatePlan {
        TemplatePlan {
            name: value.get_str("name").unwrap_or_default().to_owned(),
            description: value.get_str("description").map(str::to_owned),
            tags: get_string_map(value, "tags"),
            context: value.get_str("context").unwrap_or("project").to_owned(),
            environment: value.get_str("environment").unwrap_or_default().to_owned(),
            profiles: value
                .get_elements("cluster_profile")
                .iter()
                .map(|p| TemplateProfile {
                    id: p.get_str("id").unwrap_or_default().to_owned(),
                    variables: get_string_map(p, "variables"),
                })
                .collect(),
        }
    }

    /// Palette's cloud type for the environment (`edge-native` for `edge_native`).
    pub(super) fn cloud_type(&self) -> String {
        Name::from_key(&self.environment)
            .map_or_else(|| self.environment.clone(), |n| n.cloud_type().to_owned())
    }

    fn metadata(&self) -> ObjectMetaInputEntity {
        let description = self.description.clone().filter(|d| !d.is_empty());
        ObjectMetaInputEntity {
            name: Some(self.name.clone()),
            labels: Some(self.tags.clone().unwrap_or_default()),
            annotations: Some(
                description
                    .map(|d| BTreeMap::from([("description".to_owned(), d)]))
                    .unwrap_or_default(),
            ),
        }
    }

    /// The profiles as Palette takes them: every configured variable assigned to all clusters.
    pub(super) fn api_profiles(&self) -> Vec<ClusterTemplateProfile> {
        self.profiles
            .iter()
            .map(|p| ClusterTemplateProfile {
                uid: Some(p.id.clone()),
                variables: Some(
                    p.variables
                        .iter()
                        .flatten()
                        .map(|(name, value)| ClusterTemplateVariable {
                            assign_strategy: Some("all".to_owned()),
                            clusters: None,
                            name: Some(name.clone()),
                            value: Some(value.clone()),
                        })
                        .collect(),
                ),
            })
            .collect()
    }

    /// The create body.
    pub(super) fn create_entity(&self) -> ClusterTemplateEntity {
        ClusterTemplateEntity {
            metadata: Some(self.metadata()),
            spec: Some(ClusterTemplateEntitySpec {
                cloud_type: Some(self.cloud_type()),
                policies: None,
                profiles: Some(self.api_profiles()),
            }),
        }
    }

    /// The metadata body (`PATCH .../metadata`): name, tags and description.
    pub(super) fn metadata_body(&self) -> ObjectMetaInputEntitySchema {
        ObjectMetaInputEntitySchema {
            metadata: self.metadata(),
        }
    }

    /// The profiles body (`PUT .../profiles`).
    pub(super) fn profiles_body(&self) -> ClusterTemplateProfilesUpdateEntity {
        ClusterTemplateProfilesUpdateEntity {
            profiles: self.api_profiles(),
        }
    }

    /// Whether the name, description or tags differ from `other`'s.
    pub(super) fn metadata_differs(&self, other: &TemplatePlan) -> bool {
        self.metadata() != other.metadata()
    }
}

/// A string map as a value; an empty one is null unless `prior` is an empty map (as written).
fn map_value(map: BTreeMap<String, String>, prior: Option<&Value>) -> Value {
    if map.is_empty() {
        return match prior {
            Some(p) if p.as_map().is_some_and(|m| m.is_empty()) => p.clone(),
            _ => Value::Null,
        };
    }
    Value::Map(map.into_iter().map(|(k, v)| (k, Value::from(v))).collect())
}

/// Sets what Palette says of the template on `state` (the prior state, or an import's).
pub(super) fn apply_read(state: &mut Value, template: &ClusterTemplate) {
    let meta = template.metadata.clone().unwrap_or_default();
    if let Some(name) = meta.name.clone() {
        state.set("name", name);
    }
    let prior_tags = state.get("tags").cloned();
    state.set(
        "tags",
        map_value(meta.labels.clone().unwrap_or_default(), prior_tags.as_ref()),
    );
    let description = meta
        .annotations
        .as_ref()
        .and_then(|a| a.get("description"))
        .filter(|d| !d.is_empty())
        .cloned();
    let prior_description = state.get("description").cloned().unwrap_or(Value::Null);
    state.set(
        "description",
        match description {
            Some(d) => Value::from(d),
            None if prior_description.as_str() == Some("") => prior_description,
            None => Value::Null,
        },
    );
    if let Some(context) = context_of(Some(&meta)) {
        state.set("context", context);
    }
    let spec = template.spec.clone().unwrap_or_default();
    if let Some(cloud) = spec.cloud_type.as_deref() {
        let key = Name::from_cloud_type(cloud).map_or(cloud, |n| n.key());
        state.set("environment", key);
    }
    let prior: Vec<Value> = state.get_elements("cluster_profile").to_vec();
    let profiles: Vec<Value> = spec
        .profiles
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            let id = p.uid.unwrap_or_default();
            let prior_vars = prior
                .iter()
                .find(|e| e.get_str("id") == Some(id.as_str()))
                .and_then(|e| e.get("variables"))
                .cloned();
            let vars: BTreeMap<String, String> = p
                .variables
                .unwrap_or_default()
                .into_iter()
                .filter(|v| v.assign_strategy.as_deref().unwrap_or("all") == "all")
                .filter_map(|v| Some((v.name?, v.value.unwrap_or_default())))
                .collect();
            let mut block = Value::Object(BTreeMap::new());
            block.set("id", id);
            block.set("variables", map_value(vars, prior_vars.as_ref()));
            block
        })
        .collect();
    state.set("cluster_profile", Value::List(profiles));
}

#[cfg(test)]
mod tests {
    use palette_api::models::{ClusterTemplateSpec, ObjectMeta};

    use super::*;

    fn plan() -> Value {
        let mut plan = Value::Object(BTreeMap::new());
        plan.set("name", "edge-fleet");
        plan.set("environment", "edge_native");
        let mut profile = Value::Object(BTreeMap::new());
        profile.set("id", "p1");
        profile.set(
            "variables",
            Value::Map(BTreeMap::from([("replicas".to_owned(), Value::from("3"))])),
        );
        plan.set("cluster_profile", Value::List(vec![profile]));
        plan
    }

    #[test]
    fn the_create_body_names_the_cloud_type_and_assigns_variables_to_all_clusters() {
        let body = TemplatePlan::from_value(&plan()).create_entity();
        let spec = body.spec.unwrap_or_default();
        assert_eq!(spec.cloud_type.as_deref(), Some("edge-native"));
        let profiles = spec.profiles.unwrap_or_default();
        let var = &profiles[0].variables.as_ref().unwrap()[0];
        assert_eq!(var.assign_strategy.as_deref(), Some("all"));
        assert_eq!(var.value.as_deref(), Some("3"));
    }

    #[test]
    fn a_read_reproduces_the_plan() {
        let planned = TemplatePlan::from_value(&plan());
        let stored = ClusterTemplate {
            metadata: Some(ObjectMeta {
                name: Some("edge-fleet".to_owned()),
                ..ObjectMeta::default()
            }),
            spec: Some(ClusterTemplateSpec {
                cloud_type: Some("edge-native".to_owned()),
                profiles: Some(planned.api_profiles()),
                ..ClusterTemplateSpec::default()
            }),
            status: None,
        };
        let mut state = Value::Object(BTreeMap::new());
        apply_read(&mut state, &stored);
        assert_eq!(TemplatePlan::from_value(&state).profiles, planned.profiles);
        assert_eq!(state.get_str("environment"), Some("edge_native"));
    }
}
