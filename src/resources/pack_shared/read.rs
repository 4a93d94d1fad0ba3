//! Reading a pack back from a stored profile: the attributes a `v1PackRef` gives, the
//! manifests behind it, and after an apply what only Palette knew.

use std::collections::BTreeMap;

use palette_api::models::{ClusterProfile, ManifestEntity, PackRef, PackType};
use palette_api::{Client, Scope};
use tfplugin::{Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::resolve::PackResolver;
use palette_stack::layers::Layer;

use super::{MANIFEST_PACK_UID, keep_prior_text, non_empty};

/// A profile as stored in Palette, to read its packs from.
pub(crate) struct StoredProfile<'a> {
    pub(crate) client: &'a Client,
    /// Names the registry of a pack the state did not know; without it, that stays unnamed.
    pub(crate) resolver: Option<&'a PackResolver>,
    pub(crate) scope: &'a Scope,
    /// The profile's uid.
    pub(crate) uid: &'a str,
}

impl StoredProfile<'_> {
    /// Reads the stored pack `api` into `pack` (the prior pack as state holds it, or a new
    /// value): what the `v1PackRef` says (see [`set_stored`]), its `manifest` blocks, and for a
    /// pack the state did not know (`imported`) the name of its registry, so a configuration
    /// naming the registry either way plans clean. Text that means the same as `prior`'s stays
    /// as written.
    pub(crate) async fn read_pack(
        &self,
        pack: &mut Value,
        api: &PackRef,
        prior: Option<&Value>,
        imported: bool,
    ) -> Result<(), palette_api::Error> {
        set_stored(pack, api, prior);
        if imported && let Some(resolver) = self.resolver {
            let registry_name = registry_name_of(resolver, self.scope, api).await?;
            pack.set("registry_name", registry_name);
        }
        let manifests = read_manifests(self.client, self.scope, self.uid, api, prior).await?;
        pack.set("manifest", manifests);
        Ok(())
    }
}

/// Sets what the stored pack `api` says of `pack`: `tag`, `type`, `registry_uid`, `values`,
/// `uid` and `layer`. The prior tag stays when it names the stored one (by tag or version), and
/// prior values that mean the same stay as written. A manifest pack has no registry, so its
/// `registry_uid` stays as the prior state had it.
fn set_stored(pack: &mut Value, api: &PackRef, prior: Option<&Value>) {
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

/// After a create or update, sets what the plan left unknown in `pack` from the stored pack
/// `api`: its uid, layer, registry uid, values and tag (Palette's version when it gives no tag),
/// no registry name, and the `uid` of each `manifest` block. Every planned value stays as it is.
pub(crate) fn fill_from_stored(pack: &mut Value, api: Option<&PackRef>) {
    let layer = api
        .and_then(|p| Layer::from_api(p.layer.as_str()).ok())
        .unwrap_or(Layer::Addon);
    let fills: [(&str, Value); 6] = [
        ("registry_name", Value::Null),
        ("uid", non_empty(api.and_then(|p| p.pack_uid.as_deref()))),
        ("layer", Value::from(layer.as_str())),
        (
            "registry_uid",
            non_empty(api.and_then(|p| p.registry_uid.as_deref())),
        ),
        (
            "values",
            Value::from(api.and_then(|p| p.values.clone()).unwrap_or_default()),
        ),
        (
            "tag",
            non_empty(api.and_then(|p| p.tag.as_deref().or(p.version.as_deref()))),
        ),
    ];
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

/// After a create or update: profile `uid` as stored, when `state` still holds unknowns only
/// Palette can fill. A failed read is reported under `summary`; `what` names the profile.
pub(crate) async fn read_back(
    client: &Client,
    scope: &Scope,
    uid: &str,
    state: &Value,
    what: &str,
    summary: &str,
    diags: &mut Diagnostics,
) -> Option<ClusterProfile> {
    if state.is_fully_known() {
        return None;
    }
    match client.get_cluster_profile(scope, uid).await {
        Ok(profile) => Some(profile),
        Err(err) => {
            diags.push(diagnostics::api_error(
                summary,
                &format!("reading {what} back"),
                &err,
            ));
            None
        }
    }
}

/// Replaces what is still unknown with null, so a partly failed apply still saves a valid state
/// (the next refresh fills it in).
pub(crate) fn clear_unknowns(value: &mut Value) {
    match value {
        Value::Unknown(_) => *value = Value::Null,
        Value::Object(attrs) | Value::Map(attrs) => attrs.values_mut().for_each(clear_unknowns),
        Value::List(items) | Value::Set(items) | Value::Tuple(items) => {
            items.iter_mut().for_each(clear_unknowns)
        }
        _ => {}
    }
}

/// The name of the registry the stored pack `api` comes from; null for a manifest pack, which
/// has no registry.
async fn registry_name_of(
    resolver: &PackResolver,
    scope: &Scope,
    api: &PackRef,
) -> Result<Value, palette_api::Error> {
    let Some(uid) = api.registry_uid.as_deref().filter(|u| !u.is_empty()) else {
        return Ok(Value::Null);
    };
    if api.type_ == Some(PackType::Manifest) {
        return Ok(Value::Null);
    }
    let name = resolver
        .registry_by_uid(scope, uid)
        .await?
        .and_then(|r| r.name);
    Ok(non_empty(name.as_deref()))
}

/// The `manifest` blocks of the stored pack `api` of profile `profile_uid`: those the prior
/// state names first, in its order, then any others as Palette lists them; content that means
/// the same as the prior content stays as written. One request, and none when the pack has no
/// manifests.
async fn read_manifests(
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
