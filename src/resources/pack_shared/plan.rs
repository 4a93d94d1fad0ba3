//! Checking and planning one pack, the same in a profile's `pack` block and in `palette_pack`:
//! the configuration checks, texts kept by meaning, a manifest pack's fixed attributes, what
//! resolving the pack tells, and the diagnostics of a pack that does not resolve.

use palette_api::Scope;
use tfplugin::{AttributePath, Diagnostic, Diagnostics, ProviderData, Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resolve::{ResolveError, ResolvedPack};
use palette_stack::layers::Layer;
use palette_stack::values;

use super::model::PackConfig;
use super::{MANIFEST_PACK_UID, keep_prior_text};

/// The API for a plan: `None` while nothing can be looked up (the provider's configuration, or
/// the planned `context`, is not known yet); else the configured data, the scope of the planned
/// `context` and that context, or the diagnostic (under `summary`) of a project that cannot be
/// resolved.
pub(crate) async fn plan_connection<'a>(
    provider_data: &'a ProviderData,
    plan: &Value,
    summary: &str,
) -> Option<Result<(&'a PaletteData, Scope, String), Diagnostic>> {
    provider_data.get::<PaletteData>()?;
    let context = plan.get_str("context")?.to_owned();
    let connected = PaletteData::connect(provider_data, &context, summary).await;
    Some(connected.map(|(data, scope)| (data, scope, context)))
}

/// Where one pack's attributes are, and how plan diagnostics name it.
#[derive(Debug, Clone)]
pub(crate) struct PackSite {
    /// The path the pack's attributes hang from: `pack[i]` in a profile, the root in
    /// `palette_pack`.
    pub(crate) base: AttributePath,
    /// The pack in a sentence: `pack "cni-calico"`, or `the pack`.
    pub(crate) label: String,
    /// The summary of an API failure while planning.
    pub(crate) summary: &'static str,
}

impl PackSite {
    /// The path of the pack's attribute `name`.
    pub(crate) fn attr(&self, name: &str) -> AttributePath {
        self.base.clone().attr(name)
    }
}

/// Checks one configured pack alone, its attributes under `base`: a manifest pack has
/// manifests, any other pack a tag and no manifests, and every manifest has content.
pub(crate) fn check_pack_config(pack: &Value, base: &AttributePath, diags: &mut Diagnostics) {
    let kind = pack.get("type");
    let is_manifest = kind.and_then(Value::as_str) == Some("manifest");
    let kind_known = kind.is_none_or(|k| !k.is_unknown());
    let manifests = pack.get("manifest").and_then(Value::as_elements);
    if is_manifest {
        if manifests.is_some_and(<[Value]>::is_empty) {
            diags.attribute_error(
                base.clone().attr("manifest"),
                "Missing Manifest",
                "A pack of type \"manifest\" needs at least one `manifest` block.",
            );
        }
    } else if kind_known {
        if pack.get("tag").is_some_and(Value::is_null) {
            diags.attribute_error(
                base.clone().attr("tag"),
                "Missing Pack Tag",
                "Every pack but a manifest pack needs a `tag` (its version). The palette_pack \
                 data source lists the tags on offer.",
            );
        }
        if manifests.is_some_and(|m| !m.is_empty()) {
            diags.attribute_error(
                base.clone().attr("manifest"),
                "Unexpected Manifest",
                "Only packs of type \"manifest\" take `manifest` blocks; set `type = \
                 \"manifest\"` or move the manifests to a manifest pack.",
            );
        }
    }
    for (j, manifest) in pack.get_elements("manifest").iter().enumerate() {
        if manifest.get("content").is_some_and(Value::is_null) {
            diags.attribute_error(
                base.clone()
                    .attr("manifest")
                    .index(j as i64)
                    .attr("content"),
                "Missing Manifest Content",
                "Every manifest needs its `content` (YAML).",
            );
        }
    }
}

/// Plans the texts of one pack: manifest content and values stay as the prior text when they
/// mean the same, and invalid YAML is reported. Manifest uids are carried over from the prior
/// pack when `keep_uids` (not when the pack moves to a new profile version).
pub(crate) fn plan_texts(
    cfg: &PackConfig,
    planned: &mut Value,
    prior: Option<&Value>,
    keep_uids: bool,
    site: &PackSite,
    diags: &mut Diagnostics,
) {
    let prior_manifests = prior
        .map(|p| p.get_elements("manifest"))
        .unwrap_or_default();
    let mut manifests = planned.get_elements("manifest").to_vec();
    for (j, manifest) in manifests.iter_mut().enumerate() {
        let cfg_manifest = cfg.manifests.get(j);
        let prior_manifest = cfg_manifest.and_then(|m| m.name.text()).and_then(|name| {
            prior_manifests
                .iter()
                .find(|m| m.get_str("name") == Some(name))
        });
        if let Some(content) = cfg_manifest.and_then(|m| m.content.text()) {
            if let Err(err) = values::normalize(content) {
                diags.attribute_error(
                    site.attr("manifest").index(j as i64).attr("content"),
                    "Invalid Manifest YAML",
                    format!("The manifest is not valid YAML: {err}."),
                );
            }
            manifest.set(
                "content",
                keep_prior_text(content, prior_manifest, "content"),
            );
        }
        let uid = match prior_manifest.and_then(|m| m.get("uid")) {
            Some(uid) if keep_uids && !uid.is_null() => uid.clone(),
            _ => Value::unknown(),
        };
        manifest.set("uid", uid);
    }
    planned.set("manifest", Value::List(manifests));

    if let Some(text) = cfg.values.text() {
        if let Err(err) = values::normalize(text) {
            diags.attribute_error(
                site.attr("values"),
                "Invalid Pack Values",
                format!("The values of {} are not valid YAML: {err}.", site.label),
            );
        }
        planned.set("values", keep_prior_text(text, prior, "values"));
    }
}

/// Plans a manifest pack, which has no registry entry: the fixed uid, the add-on layer, no
/// registry unless one is set, empty values unless set, and the prior tag (Palette chooses a
/// manifest pack's version) or, for a new pack, an unknown one.
pub(crate) fn plan_manifest_pack(cfg: &PackConfig, planned: &mut Value, prior: Option<&Value>) {
    planned.set("uid", MANIFEST_PACK_UID);
    planned.set("layer", Layer::Addon.as_str());
    if cfg.registry_uid.is_unset() {
        planned.set("registry_uid", Value::Null);
    }
    if cfg.registry_name.is_unset() {
        planned.set("registry_name", Value::Null);
    }
    if cfg.values.is_unset() {
        planned.set("values", keep_prior_text("", prior, "values"));
    }
    if cfg.tag.is_unset() {
        let tag = prior
            .and_then(|p| p.get("tag"))
            .filter(|t| !t.is_null())
            .cloned()
            .unwrap_or_else(Value::unknown);
        planned.set("tag", tag);
    }
}

/// Plans what resolving the pack told: its uid and layer, the registry's uid unless one is
/// set, the prior registry name when it still names the registry the pack comes from, and the
/// pack's default values unless values are set. Returns the layer.
pub(crate) fn plan_resolved(
    cfg: &PackConfig,
    planned: &mut Value,
    prior: Option<&Value>,
    resolved: &ResolvedPack,
) -> Layer {
    planned.set("uid", resolved.uid.clone());
    let layer = Layer::from_api(resolved.layer.as_str()).unwrap_or(Layer::Addon);
    planned.set("layer", layer.as_str());
    if cfg.registry_uid.is_unset() {
        planned.set("registry_uid", resolved.registry_uid.clone());
    }
    if cfg.registry_name.is_unset() {
        let kept = prior
            .filter(|p| p.get_str("registry_uid") == Some(resolved.registry_uid.as_str()))
            .and_then(|p| p.get("registry_name"))
            .filter(|n| !n.is_unknown())
            .cloned()
            .unwrap_or(Value::Null);
        planned.set("registry_name", kept);
    }
    if cfg.values.is_unset() {
        planned.set(
            "values",
            keep_prior_text(&resolved.default_values, prior, "values"),
        );
    }
    layer
}

/// Reports a pack that could not be resolved at the attribute at fault.
pub(crate) fn report_resolve_error(
    diags: &mut Diagnostics,
    site: &PackSite,
    cfg: &PackConfig,
    err: ResolveError,
) {
    match err {
        ResolveError::Api(err) => diags.push(diagnostics::api_error(
            site.summary,
            &format!("looking up {}", site.label),
            &err,
        )),
        ResolveError::UnknownRegistry { .. } => {
            let attr = if cfg.registry_name.is_unset() {
                "registry_uid"
            } else {
                "registry_name"
            };
            diags.attribute_error(site.attr(attr), "Unknown Registry", format!("{err}."))
        }
        ResolveError::UnknownPack { .. } => diags.attribute_error(
            site.attr("name"),
            "Unknown Pack",
            format!(
                "{err}. Check the name, or the registry: the palette_pack data source looks packs \
                 up."
            ),
        ),
        ResolveError::UnknownTag { .. } => {
            diags.attribute_error(site.attr("tag"), "Unknown Pack Tag", format!("{err}."))
        }
    }
}
