//! The planned profile as plain Rust, the model create and update work from, and the API
//! entities made from it.

use std::collections::BTreeMap;
use std::str::FromStr;

use palette_api::models::{
    ClusterProfileEntity, ClusterProfileEntitySpec, ClusterProfileSpecEntity,
    ClusterProfileTemplate, ClusterProfileTemplateDraft, ClusterProfileTemplateUpdate,
    ClusterProfileUpdateEntity, ClusterProfileUpdateEntitySpec, ObjectMeta, ObjectMetaInputEntity,
    PackRef, ProfileMetaEntity, ProfileType as ApiProfileType, Variable, VariableFormat,
    VariableInputType, VariableOption, Variables,
};
use tfplugin::{Value, ValueExt};

use crate::resources::pack_shared::{PlannedPack, known};
use palette_stack::environment_names::Scope as EnvScope;
use palette_stack::layers::ProfileType;
use palette_stack::version::DEFAULT_VERSION;

/// A `palette_cluster_profile` as planned.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ProfilePlan {
    pub(super) name: String,
    pub(super) version: String,
    pub(super) context: String,
    pub(super) description: Option<String>,
    pub(super) tags: BTreeMap<String, String>,
    pub(super) kind: ProfileType,
    /// The `environment` key (`aws`, `all`, ...).
    pub(super) environment: String,
    pub(super) packs: Vec<PlannedPack>,
    pub(super) variables: Vec<Variable>,
}

impl ProfilePlan {
    pub(super) fn from_value(plan: &Value) -> ProfilePlan {
        let tags = plan
            .get("tags")
            .and_then(Value::as_map)
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                    .collect()
            })
            .unwrap_or_default();
        ProfilePlan {
            name: known(plan, "name").unwrap_or_default(),
            version: plan
                .get_str("version")
                .unwrap_or(DEFAULT_VERSION)
                .to_owned(),
            context: plan.get_str("context").unwrap_or("project").to_owned(),
            description: known(plan, "description"),
            tags,
            kind: ProfileType::from_hcl(plan.get_str("type").unwrap_or("add-on"))
                .unwrap_or(ProfileType::AddOn),
            environment: plan.get_str("environment").unwrap_or("all").to_owned(),
            packs: plan
                .get_elements("pack")
                .iter()
                .map(PlannedPack::from_value)
                .collect(),
            variables: plan.get_elements("variable").iter().map(variable).collect(),
        }
    }

    /// The prefix of an import ID in this profile's context.
    pub(super) fn import_prefix(&self) -> &'static str {
        if self.context == "tenant" {
            "tenant/"
        } else {
            ""
        }
    }

    fn api_type(&self) -> ApiProfileType {
        match self.kind {
            ProfileType::Full => ApiProfileType::Cluster,
            ProfileType::Infra => ApiProfileType::Infra,
            ProfileType::AddOn => ApiProfileType::AddOn,
        }
    }

    fn annotations(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        if let Some(description) = &self.description {
            out.insert("description".to_owned(), description.clone());
        }
        out
    }

    /// Metadata: name, labels from `tags`, description as an annotation.
    fn object_meta(&self) -> ObjectMeta {
        ObjectMeta {
            name: Some(self.name.clone()),
            labels: Some(self.tags.clone()),
            annotations: Some(self.annotations()),
            ..ObjectMeta::default()
        }
    }

    /// The body that creates this version (as a draft).
    pub(super) fn create_entity(&self) -> ClusterProfileEntity {
        let cloud_type = EnvScope::from_key(&self.environment)
            .map(EnvScope::cloud_type)
            .unwrap_or(&self.environment);
        ClusterProfileEntity {
            metadata: Some(self.object_meta()),
            spec: Some(ClusterProfileEntitySpec {
                template: Some(ClusterProfileTemplateDraft {
                    cloud_type: Some(cloud_type.to_owned()),
                    packs: Some(self.packs.iter().map(PlannedPack::create_entity).collect()),
                    type_: Some(self.api_type()),
                }),
                variables: Some(self.variables.clone()),
                version: Some(self.version.clone()),
            }),
        }
    }

    /// The body that rewrites the packs of the version whose template is now `current` (its
    /// manifest uids are kept).
    pub(super) fn update_entity(
        &self,
        current: Option<&ClusterProfileTemplate>,
    ) -> ClusterProfileUpdateEntity {
        let current_packs: &[PackRef] =
            current.and_then(|t| t.packs.as_deref()).unwrap_or_default();
        let packs = self
            .packs
            .iter()
            .map(|p| p.update_entity(current_packs.iter().find(|c| c.name == p.name)))
            .collect();
        ClusterProfileUpdateEntity {
            metadata: Some(self.object_meta()),
            spec: Some(ClusterProfileUpdateEntitySpec {
                template: Some(ClusterProfileTemplateUpdate {
                    packs: Some(packs),
                    type_: Some(self.api_type()),
                }),
                version: Some(self.version.clone()),
            }),
        }
    }

    /// The body that sets the metadata (name, tags, description).
    pub(super) fn meta_entity(&self) -> ProfileMetaEntity {
        ProfileMetaEntity {
            metadata: ObjectMetaInputEntity {
                annotations: Some(self.annotations()),
                labels: Some(self.tags.clone()),
                name: Some(self.name.clone()),
            },
            spec: Some(ClusterProfileSpecEntity {
                version: Some(self.version.clone()),
            }),
        }
    }

    /// The body that sets the variables.
    pub(super) fn variables_entity(&self) -> Variables {
        Variables {
            variables: Some(self.variables.clone()),
        }
    }
}

/// One planned `variable` block, in the API's form.
fn variable(v: &Value) -> Variable {
    let options: Vec<VariableOption> = v
        .get_elements("option")
        .iter()
        .map(|o| VariableOption {
            default_: o.get_bool("default"),
            description: known(o, "description"),
            label: known(o, "label"),
            value: known(o, "value").unwrap_or_default(),
        })
        .collect();
    Variable {
        default_value: known(v, "default_value"),
        description: known(v, "description"),
        display_name: known(v, "display_name"),
        format: v
            .get_str("format")
            .and_then(|f| VariableFormat::from_str(f).ok()),
        hidden: v.get_bool("hidden"),
        immutable: v.get_bool("immutable"),
        input_type: v
            .get_str("input_type")
            .and_then(|f| VariableInputType::from_str(f).ok()),
        is_sensitive: v.get_bool("sensitive"),
        name: known(v, "name").unwrap_or_default(),
        options: (!options.is_empty()).then_some(options),
        regex: known(v, "regex"),
        required: v.get_bool("required"),
    }
}
