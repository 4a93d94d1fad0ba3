//! The configuration as plain Rust: timeouts, profiles with pack overrides, and the model
//! the create and update paths work from.

use std::collections::BTreeMap;

use palette_api::models::{
    ClusterBackupConfig, ClusterComplianceScheduleConfig, ClusterNamespaceResourceInputEntity,
    ClusterRbacInputEntity, ClusterTemplateRef, ManifestRefUpdateEntity, ObjectMeta,
    PackValuesEntity, SpectroClusterProfileEntity, SpectroClusterVariable,
};
use tfplugin::{AttributePath, Diagnostic, Value, ValueExt};

use crate::environments;
use crate::environments::{Environment, Pool};
use crate::resources::timeouts::Timeouts;
use palette_stack::values;

use super::DEFAULT_TIMEOUTS;
use super::settings::{Settings, repave_approval_of};
use crate::wait::RepaveApproval;

/// Reads `timeouts` (defaults for unset ones); an error names the attribute.
pub(super) fn timeouts_of(value: &Value) -> Result<Timeouts, (AttributePath, String)> {
    DEFAULT_TIMEOUTS.read(value)
}

/// One `cluster_profile` element.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct ProfileModel {
    pub(super) id: String,
    pub(super) variables: Option<BTreeMap<String, String>>,
    pub(super) packs: Vec<PackOverride>,
}

/// One `cluster_profile.pack` element.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PackOverride {
    pub(super) name: String,
    pub(super) tag: Option<String>,
    pub(super) values: Option<String>,
    pub(super) manifests: Vec<(String, String)>,
}

/// `variables` and `sensitive_variables` of one `cluster_profile`, as Palette takes them: one
/// list (`None` when both are unset).
fn merged_variables(value: &Value) -> Option<BTreeMap<String, String>> {
    let plain = environments::get_string_map(value, "variables");
    let sensitive = environments::get_string_map(value, "sensitive_variables");
    match (plain, sensitive) {
        (None, None) => None,
        (plain, sensitive) => Some(plain.into_iter().chain(sensitive).flatten().collect()),
    }
}

impl ProfileModel {
    pub(super) fn from_value(value: &Value) -> ProfileModel {
        ProfileModel {
            id: value.get_str("id").unwrap_or_default().to_string(),
            variables: merged_variables(value),
            packs: value
                .get_elements("pack")
                .iter()
                .map(|p| PackOverride {
                    name: p.get_str("name").unwrap_or_default().to_string(),
                    tag: environments::get_string(p, "tag"),
                    values: environments::get_string(p, "values"),
                    manifests: p
                        .get_elements("manifest")
                        .iter()
                        .map(|m| {
                            (
                                m.get_str("name").unwrap_or_default().to_string(),
                                m.get_str("content").unwrap_or_default().to_string(),
                            )
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The API entity attaching this profile.
    pub(super) fn entity(&self) -> SpectroClusterProfileEntity {
        let pack_values: Vec<PackValuesEntity> = self
            .packs
            .iter()
            .map(|p| PackValuesEntity {
                name: p.name.clone(),
                tag: p.tag.clone(),
                values: p.values.clone(),
                manifests: (!p.manifests.is_empty()).then(|| {
                    p.manifests
                        .iter()
                        .map(|(name, content)| ManifestRefUpdateEntity {
                            name: name.clone(),
                            content: Some(content.clone()),
                            uid: None,
                        })
                        .collect()
                }),
                type_: None,
            })
            .collect();
        SpectroClusterProfileEntity {
            uid: Some(self.id.clone()),
            pack_values: (!pack_values.is_empty()).then_some(pack_values),
            variables: self.api_variables(),
            replace_with_profile: None,
        }
    }

    pub(super) fn api_variables(&self) -> Option<Vec<SpectroClusterVariable>> {
        self.variables.as_ref().map(|vars| {
            vars.iter()
                .map(|(name, value)| SpectroClusterVariable {
                    name: name.clone(),
                    value: Some(value.clone()),
                })
                .collect()
        })
    }

    /// Whether the pack overrides mean the same as `other`'s (values compared by meaning).
    pub(super) fn same_packs(&self, other: &ProfileModel) -> bool {
        self.packs.len() == other.packs.len()
            && self.packs.iter().zip(&other.packs).all(|(a, b)| {
                a.name == b.name
                    && a.tag == b.tag
                    && a.manifests.len() == b.manifests.len()
                    && a.manifests
                        .iter()
                        .zip(&b.manifests)
                        .all(|(x, y)| x.0 == y.0 && values::equivalent(&x.1, &y.1))
                    && match (&a.values, &b.values) {
                        (Some(x), Some(y)) => values::equivalent(x, y),
                        (None, None) => true,
                        _ => false,
                    }
            })
    }
}

/// The `cluster_template` block: the template's uid and the cluster's variable values per
/// profile (profiles without pack overrides).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct TemplateModel {
    pub(super) id: String,
    pub(super) profiles: Vec<ProfileModel>,
}

impl TemplateModel {
    /// The `cluster_template` block of `value`, if set.
    pub(super) fn of(value: &Value) -> Option<TemplateModel> {
        let block = value.get_elements("cluster_template").first()?.clone();
        Some(TemplateModel {
            id: block.get_str("id").unwrap_or_default().to_string(),
            profiles: block
                .get_elements("cluster_profile")
                .iter()
                .map(ProfileModel::from_value)
                .collect(),
        })
    }

    /// The reference a create body carries (`spec.clusterTemplate`).
    pub(super) fn reference(&self) -> ClusterTemplateRef {
        ClusterTemplateRef {
            uid: Some(self.id.clone()),
        }
    }

    /// The variable values a create body carries for the template's profiles
    /// (`spec.profiles`, variables only: the template gives the packs).
    pub(super) fn entities(&self) -> Vec<SpectroClusterProfileEntity> {
        self.profiles
            .iter()
            .map(|p| SpectroClusterProfileEntity {
                uid: Some(p.id.clone()),
                pack_values: None,
                variables: p.api_variables(),
                replace_with_profile: None,
            })
            .collect()
    }
}

/// The cluster's configuration as plain Rust.
pub(super) struct Model {
    pub(super) name: String,
    pub(super) context: String,
    pub(super) description: Option<String>,
    pub(super) tags: Option<BTreeMap<String, String>>,
    pub(super) cloud_account_id: Option<String>,
    pub(super) env: &'static dyn Environment,
    pub(super) block: Value,
    pub(super) profiles: Vec<ProfileModel>,
    /// The `cluster_template` block, the alternative to `profiles`.
    pub(super) template: Option<TemplateModel>,
    pub(super) pools: Vec<Pool>,
    /// The `node` blocks of each pool, by pool name.
    pub(super) nodes: BTreeMap<String, Vec<super::nodes::Node>>,
    pub(super) wait_for: String,
    pub(super) timeouts: Timeouts,
    /// Agent upgrades, OS patching, time zone.
    pub(super) settings: Settings,
    /// Who approves a repave.
    pub(super) repave_approval: RepaveApproval,
    /// `spcApplySettings.actionType` for profile changes.
    pub(super) apply_setting: String,
    /// Namespaces, as the API takes them.
    pub(super) namespaces: Vec<ClusterNamespaceResourceInputEntity>,
    /// Role bindings, as the API takes them.
    pub(super) rbacs: Vec<ClusterRbacInputEntity>,
    /// The backup policy, as the API takes it.
    pub(super) backup: Option<ClusterBackupConfig>,
    /// The compliance-scan policy, as the API takes it.
    pub(super) scan: Option<ClusterComplianceScheduleConfig>,
}

impl Model {
    pub(super) fn from_value(value: &Value) -> Result<Model, Diagnostic> {
        let Some((env, block)) = environment_of(value) else {
            return Err(Diagnostic::error(
                "Missing Environment Block",
                format!(
                    "Exactly one environment block is needed: one of {}.",
                    environment_keys()
                ),
            ));
        };
        let timeouts = timeouts_of(value)
            .map_err(|(path, e)| Diagnostic::error("Invalid Timeout", e).with_attribute(path))?;
        Ok(Model {
            name: value.get_str("name").unwrap_or_default().to_string(),
            context: value.get_str("context").unwrap_or("project").to_string(),
            description: environments::get_string(value, "description"),
            tags: environments::get_string_map(value, "tags"),
            cloud_account_id: environments::get_string(value, "cloud_account_id"),
            env,
            block: block.clone(),
            profiles: value
                .get_elements("cluster_profile")
                .iter()
                .map(ProfileModel::from_value)
                .collect(),
            template: TemplateModel::of(value),
            pools: value
                .get_elements("machine_pool")
                .iter()
                .map(Pool::from_value)
                .collect(),
            nodes: super::nodes::of(value),
            wait_for: value.get_str("wait_for").unwrap_or("healthy").to_string(),
            timeouts,
            settings: Settings::from_value(value),
            repave_approval: repave_approval_of(value),
            apply_setting: value
                .get_str("apply_setting")
                .unwrap_or(super::settings::INSTALL_NOW)
                .to_string(),
            namespaces: super::policies::namespace_entities(value),
            rbacs: super::policies::rbac_entities(value),
            backup: super::policies::backup_entity(value),
            scan: super::policies::scan_entity(value),
        })
    }

    pub(super) fn metadata(&self) -> ObjectMeta {
        ObjectMeta {
            name: Some(self.name.clone()),
            labels: self.tags.clone().filter(|t| !t.is_empty()),
            annotations: self
                .description
                .clone()
                .filter(|d| !d.is_empty())
                .map(|d| BTreeMap::from([("description".to_string(), d)])),
            ..Default::default()
        }
    }
}

/// The environment block that is set, and its value.
pub(super) fn environment_of(value: &Value) -> Option<(&'static dyn Environment, &Value)> {
    environments::ALL.iter().find_map(|env| {
        let block = value.get(env.key())?;
        (!block.is_null()).then_some((*env, block))
    })
}

pub(super) fn environment_keys() -> String {
    environments::ALL
        .iter()
        .map(|e| format!("`{}`", e.key()))
        .collect::<Vec<_>>()
        .join(", ")
}
