//! A pack as state holds it, shared by `palette_cluster_profile` (its `pack` blocks) and
//! `palette_pack` (one pack on a carrier profile): both read the same `v1PackRef` of a stored
//! profile and the same manifest route, and keep text that means the same as before.

use std::collections::BTreeMap;

use palette_api::models::{
    ClusterProfile, ClusterProfileTemplate, ManifestEntity, PackRef, PackType,
};
use palette_api::{Client, Scope};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Block, Value, ValueExt};

use crate::stack::layers::Layer;
use crate::stack::values;

/// The uid Palette gives a manifest pack, which has no registry entry.
pub(crate) const MANIFEST_PACK_UID: &str = "spectro-manifest-pack";

/// The schema of a `manifest` block.
pub(super) fn manifest_block() -> Block {
    Block::new()
        .description("A Kubernetes manifest carried by a pack of type `manifest`.")
        .attribute(
            Attribute::string("name")
                .required()
                .description("Name of the manifest, unique within its pack."),
        )
        .attribute(
            Attribute::string("content")
                .optional()
                .computed()
                .description(
                    "The manifest (YAML, one or more documents); required. Compared by meaning: \
                     key order, quoting, comments and whitespace make no difference.",
                ),
        )
        .attribute(
            Attribute::string("uid")
                .computed()
                .description("Uid Palette gave the manifest."),
        )
}

/// The `registry_uid` attribute.
pub(super) fn registry_uid_attribute() -> Attribute {
    Attribute::string("registry_uid")
        .optional()
        .computed()
        .description(
            "Registry the pack comes from, by uid; computed from `registry_name` when not set.",
        )
}

/// The `type` attribute.
pub(super) fn type_attribute() -> Attribute {
    Attribute::string("type")
        .optional()
        .default("spectro")
        .validator(one_of(["spectro", "helm", "oci", "manifest"]))
        .description(
            "Kind of pack: `spectro` (default), `helm`, `oci` or `manifest` (raw Kubernetes \
             manifests given in `manifest` blocks).",
        )
}

/// The `uid` attribute.
pub(super) fn uid_attribute() -> Attribute {
    Attribute::string("uid")
        .computed()
        .description("Uid of this version of the pack in its registry, known at plan.")
}

/// The template a profile shows: the published one, else the draft.
pub(super) fn template_of(profile: &ClusterProfile) -> Option<&ClusterProfileTemplate> {
    let spec = profile.spec.as_ref()?;
    spec.published.as_ref().or(spec.draft.as_ref())
}

/// A string attribute as a `Value`: null when absent or empty.
pub(super) fn non_empty(value: Option<&str>) -> Value {
    value
        .filter(|s| !s.is_empty())
        .map(Value::from)
        .unwrap_or(Value::Null)
}

/// The text to keep for a YAML attribute: the prior text when it means the same as `text`.
pub(super) fn keep_prior_text(text: &str, prior: Option<&Value>, attr: &str) -> Value {
    match prior.and_then(|p| p.get_str(attr)) {
        Some(old) if old == text || values::equivalent(old, text) => Value::from(old),
        _ => Value::from(text),
    }
}

/// Sets what the stored pack `api` says of `pack`: `tag`, `type`, `registry_uid`, `values`,
/// `uid` and `layer`. The prior tag stays when it names the stored one (by tag or version), and
/// prior values that mean the same stay as written. A manifest pack has no registry, so its
/// `registry_uid` stays as the prior state had it.
pub(super) fn set_stored(pack: &mut Value, api: &PackRef, prior: Option<&Value>) {
    let kind = api.type_.unwrap_or(PackType::Spectro);
    let is_manifest = kind == PackType::Manifest;
    let prior_tag = prior.and_then(|p| p.get_str("tag"));
    let tag = match prior_tag {
        Some(t) if Some(t) == api.tag.as_deref() || Some(t) == api.version.as_deref() => {
            Value::from(t)
        }
        _ => non_empty(api.tag.as_deref().or(api.version.as_deref())),
    };
    pack.set("tag", tag);
    pack.set("type", kind.as_str());
    let registry_uid = if is_manifest {
        prior
            .and_then(|p| p.get_str("registry_uid"))
            .map(Value::from)
            .unwrap_or(Value::Null)
    } else {
        non_empty(api.registry_uid.as_deref())
    };
    pack.set("registry_uid", registry_uid);
    pack.set(
        "values",
        keep_prior_text(api.values.as_deref().unwrap_or_default(), prior, "values"),
    );
    let uid = match api.pack_uid.as_deref().filter(|u| !u.is_empty()) {
        None if is_manifest => Value::from(MANIFEST_PACK_UID),
        uid => non_empty(uid),
    };
    pack.set("uid", uid);
    let layer = Layer::from_api(api.layer.as_str()).unwrap_or(Layer::Addon);
    pack.set("layer", layer.as_str());
}

/// After a create or update, sets each attribute of `fills` that the plan left unknown, and the
/// `uid` of each `manifest` block still unknown from the stored pack `api`; every planned value
/// stays as it is.
pub(super) fn fill_from_stored<'a>(
    pack: &mut Value,
    fills: impl IntoIterator<Item = (&'a str, Value)>,
    api: Option<&PackRef>,
) {
    for (attr, value) in fills {
        if pack.get(attr).is_some_and(Value::is_unknown) {
            pack.set(attr, value);
        }
    }
    let refs = api.and_then(|p| p.manifests.as_deref()).unwrap_or_default();
    let mut manifests = pack.get_elements("manifest").to_vec();
    for manifest in &mut manifests {
        if manifest.get("uid").is_some_and(Value::is_unknown) {
            let uid = refs
                .iter()
                .find(|r| r.name.as_deref() == manifest.get_str("name"))
                .and_then(|r| r.uid.as_deref());
            manifest.set("uid", non_empty(uid));
        }
    }
    pack.set("manifest", Value::List(manifests));
}

/// The `manifest` blocks of the stored pack `api` of profile `profile_uid`: those the prior
/// state names first, in its order, then any others as Palette lists them; content that means
/// the same as the prior content stays as written. One request, and none when the pack has no
/// manifests.
pub(super) async fn read_manifests(
    client: &Client,
    scope: &Scope,
    profile_uid: &str,
    api: &PackRef,
    prior: Option<&Value>,
) -> Result<Value, palette_api::Error> {
    if api.manifests.as_ref().is_none_or(Vec::is_empty) {
        return Ok(Value::List(Vec::new()));
    }
    let items = client
        .get_cluster_profile_pack_manifests(scope, profile_uid, &api.name)
        .await?
        .items;
    let prior_manifests = prior
        .map(|p| p.get_elements("manifest"))
        .unwrap_or_default();
    let name_of = |item: &ManifestEntity| {
        item.metadata
            .as_ref()
            .and_then(|m| m.name.clone())
            .unwrap_or_default()
    };
    let mut ordered: Vec<&ManifestEntity> = prior_manifests
        .iter()
        .filter_map(|pm| {
            items
                .iter()
                .find(|i| Some(name_of(i).as_str()) == pm.get_str("name"))
        })
        .collect();
    for item in &items {
        if !ordered.iter().any(|o| std::ptr::eq(*o, item)) {
            ordered.push(item);
        }
    }
    let manifests = ordered
        .into_iter()
        .map(|item| {
            let name = name_of(item);
            let spec = item.spec.clone().unwrap_or_default();
            let content = spec
                .published
                .and_then(|d| d.content)
                .or_else(|| spec.draft.and_then(|d| d.content))
                .unwrap_or_default();
            let prior_manifest = prior_manifests
                .iter()
                .find(|m| m.get_str("name") == Some(name.as_str()));
            let mut manifest = Value::Object(BTreeMap::new());
            manifest.set(
                "content",
                keep_prior_text(&content, prior_manifest, "content"),
            );
            manifest.set(
                "uid",
                non_empty(item.metadata.as_ref().and_then(|m| m.uid.as_deref())),
            );
            manifest.set("name", name);
            manifest
        })
        .collect();
    Ok(Value::List(manifests))
}
