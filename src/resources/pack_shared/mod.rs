//! What `palette_cluster_profile` (its `pack` blocks) and `palette_pack` (one pack on a
//! carrier profile) share: the same schema pieces, the same typed model of a pack and the API
//! entities made from it, the same plan of one pack (texts kept by meaning, what resolving it
//! tells, the diagnostics when it does not resolve), and the same reading of a `v1PackRef` of a
//! stored profile with its manifests.

use palette_api::models::{ClusterProfile, ClusterProfileTemplate, PackRef};
use tfplugin::{Value, ValueExt};

use palette_stack::values;

mod model;
mod plan;
mod read;
mod schema;
#[cfg(test)]
mod tests;

pub(crate) use model::{PackConfig, PlannedPack};
pub(crate) use plan::{
    PackSite, check_pack_config, plan_connection, plan_manifest_pack, plan_resolved, plan_texts,
    report_resolve_error,
};
pub(crate) use read::{StoredProfile, clear_unknowns, fill_from_stored, read_back};
pub(crate) use schema::{manifest_block, registry_uid_attribute, type_attribute, uid_attribute};

/// The uid Palette gives a manifest pack, which has no registry entry.
pub(crate) const MANIFEST_PACK_UID: &str = "spectro-manifest-pack";

/// The template a profile shows: the published one, else the draft.
pub(crate) fn template_of(profile: &ClusterProfile) -> Option<&ClusterProfileTemplate> {
    let spec = profile.spec.as_ref()?;
    spec.published.as_ref().or(spec.draft.as_ref())
}

/// A known string attribute.
pub(crate) fn known(value: &Value, attr: &str) -> Option<String> {
    value.get_str(attr).map(str::to_owned)
}

/// A string attribute as a `Value`: null when absent or empty.
pub(crate) fn non_empty(value: Option<&str>) -> Value {
    value
        .filter(|s| !s.is_empty())
        .map(Value::from)
        .unwrap_or(Value::Null)
}

/// The text to keep for a YAML attribute: the prior text when it means the same as `text`.
pub(crate) fn keep_prior_text(text: &str, prior: Option<&Value>, attr: &str) -> Value {
    match prior.and_then(|p| p.get_str(attr)) {
        Some(old) if old == text || values::equivalent(old, text) => Value::from(old),
        _ => Value::from(text),
    }
}

/// The packs of the template a profile shows.
pub(crate) fn packs_of(profile: &ClusterProfile) -> &[PackRef] {
    template_of(profile)
        .and_then(|t| t.packs.as_deref())
        .unwrap_or_default()
}

/// The stored pack named `name` of a profile.
pub(crate) fn stored_pack<'a>(profile: &'a ClusterProfile, name: &str) -> Option<&'a PackRef> {
    packs_of(profile).iter().find(|p| p.name == name)
}
