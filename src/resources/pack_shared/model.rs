//! One pack as plain Rust: as configured (at plan time, where a value may not be known yet) and
//! as planned (at apply time), with the API entities a create or an update sends for it.

use std::str::FromStr;

use palette_api::models::{
    ManifestInputEntity, ManifestRefUpdateEntity, PackManifestEntity, PackManifestUpdateEntity,
    PackRef, PackType,
};
use tfplugin::{Value, ValueExt};

use super::known;

/// A configured string attribute at plan time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Setting {
    /// Left out (null).
    Unset,
    /// Set, but not known until apply.
    Unknown,
    /// Set to this text.
    Set(String),
}

impl Setting {
    /// Attribute `attr` of `value` (an absent attribute is unset).
    pub(crate) fn of(value: &Value, attr: &str) -> Setting {
        match value.get(attr) {
            Some(v) if v.is_unknown() => Setting::Unknown,
            Some(v) => v
                .as_str()
                .map_or(Setting::Unset, |s| Setting::Set(s.to_owned())),
            None => Setting::Unset,
        }
    }

    /// The text, when set and known.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Setting::Set(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn is_unset(&self) -> bool {
        *self == Setting::Unset
    }

    pub(crate) fn is_unknown(&self) -> bool {
        *self == Setting::Unknown
    }
}

/// One pack as configured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PackConfig {
    pub(crate) name: Setting,
    pub(crate) tag: Setting,
    pub(crate) registry_uid: Setting,
    pub(crate) registry_name: Setting,
    pub(crate) values: Setting,
    pub(crate) manifests: Vec<ManifestConfig>,
}

/// One `manifest` block as configured.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ManifestConfig {
    pub(crate) name: Setting,
    pub(crate) content: Setting,
}

impl PackConfig {
    /// The pack configured in `value` (a profile's `pack` element, or a `palette_pack`).
    pub(crate) fn from_value(value: &Value) -> PackConfig {
        PackConfig {
            name: Setting::of(value, "name"),
            tag: Setting::of(value, "tag"),
            registry_uid: Setting::of(value, "registry_uid"),
            registry_name: Setting::of(value, "registry_name"),
            values: Setting::of(value, "values"),
            manifests: value
                .get_elements("manifest")
                .iter()
                .map(|m| ManifestConfig {
                    name: Setting::of(m, "name"),
                    content: Setting::of(m, "content"),
                })
                .collect(),
        }
    }
}

/// One pack as planned, at apply time: what the plan could not resolve is `None`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlannedPack {
    pub(crate) name: String,
    pub(crate) kind: PackType,
    pub(crate) tag: Option<String>,
    pub(crate) registry_uid: Option<String>,
    pub(crate) uid: Option<String>,
    pub(crate) layer: Option<String>,
    pub(crate) values: Option<String>,
    pub(crate) manifests: Vec<PlannedManifest>,
}

/// One planned `manifest` block.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlannedManifest {
    pub(crate) name: Option<String>,
    pub(crate) content: Option<String>,
}

/// The pack's kind in a plan or state (`spectro` when unset).
fn pack_kind(value: &Value) -> PackType {
    PackType::from_str(value.get_str("type").unwrap_or("spectro")).unwrap_or(PackType::Spectro)
}

impl PlannedPack {
    /// The pack planned in `value`.
    pub(crate) fn from_value(value: &Value) -> PlannedPack {
        PlannedPack {
            name: known(value, "name").unwrap_or_default(),
            kind: pack_kind(value),
            tag: known(value, "tag"),
            registry_uid: known(value, "registry_uid"),
            uid: known(value, "uid"),
            layer: known(value, "layer"),
            values: known(value, "values"),
            manifests: value
                .get_elements("manifest")
                .iter()
                .map(|m| PlannedManifest {
                    name: known(m, "name"),
                    content: known(m, "content"),
                })
                .collect(),
        }
    }

    fn is_manifest(&self) -> bool {
        self.kind == PackType::Manifest
    }

    /// The pack in a create request.
    pub(crate) fn create_entity(&self) -> PackManifestEntity {
        let manifests = self.is_manifest().then(|| {
            self.manifests
                .iter()
                .map(|m| ManifestInputEntity {
                    name: m.name.clone(),
                    content: m.content.clone(),
                })
                .collect()
        });
        PackManifestEntity {
            layer: self.layer.clone(),
            manifests,
            name: self.name.clone(),
            registry_uid: self.registry_uid.clone(),
            tag: self.tag.clone(),
            type_: Some(self.kind),
            uid: self.uid.clone(),
            values: self.values.clone(),
        }
    }

    /// The pack in an update request; manifest uids come from `current`, the pack as stored now.
    pub(crate) fn update_entity(&self, current: Option<&PackRef>) -> PackManifestUpdateEntity {
        let manifests = self.is_manifest().then(|| {
            self.manifests
                .iter()
                .map(|m| {
                    let name = m.name.clone().unwrap_or_default();
                    let uid = current
                        .and_then(|c| c.manifests.as_deref())
                        .unwrap_or_default()
                        .iter()
                        .find(|r| r.name.as_deref() == Some(name.as_str()))
                        .and_then(|r| r.uid.clone());
                    ManifestRefUpdateEntity {
                        content: m.content.clone(),
                        name,
                        uid,
                    }
                })
                .collect()
        });
        PackManifestUpdateEntity {
            layer: self.layer.clone(),
            manifests,
            name: self.name.clone(),
            registry_uid: self.registry_uid.clone(),
            tag: self.tag.clone(),
            type_: Some(self.kind),
            uid: self.uid.clone(),
            values: self.values.clone(),
        }
    }
}
