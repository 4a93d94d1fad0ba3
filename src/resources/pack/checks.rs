//! Checks of the configuration alone (no API).

use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::resources::pack_shared::check_pack_config;
use palette_stack::variables;

use super::DEFAULT_TIMEOUTS;

/// Checks what the configuration alone shows: the pack's kind against its tag and manifests,
/// every manifest with content, manifest names unique in the pack, no profile variables, and the
/// timeouts.
pub(super) fn check_config(config: &Value, diags: &mut Diagnostics) {
    check_pack_config(config, &AttributePath::new(), diags);
    if let Err((path, message)) = DEFAULT_TIMEOUTS.read(config) {
        diags.attribute_error(path, "Invalid Timeout", format!("{message}."));
    }
    let mut names: Vec<&str> = Vec::new();
    for (j, manifest) in config.get_elements("manifest").iter().enumerate() {
        if let Some(name) = manifest.get_str("name") {
            if names.contains(&name) {
                diags.attribute_error(
                    AttributePath::root("manifest").index(j as i64).attr("name"),
                    "Duplicate Manifest",
                    format!("Manifest {name:?} is defined twice; names are unique in a pack."),
                );
            }
            names.push(name);
        }
    }
    check_no_variables(config, diags);
}

/// The profile that carries the pack declares no variables, so Palette refuses values or
/// manifests that use one (`{{ .spectro.var.NAME }}`); the plan says so first.
fn check_no_variables(config: &Value, diags: &mut Diagnostics) {
    let mut texts = vec![(AttributePath::root("values"), config.get_str("values"))];
    for (j, manifest) in config.get_elements("manifest").iter().enumerate() {
        texts.push((
            AttributePath::root("manifest")
                .index(j as i64)
                .attr("content"),
            manifest.get_str("content"),
        ));
    }
    for (path, text) in texts {
        if let Some(name) = text.and_then(|t| variables::references(t).first().copied()) {
            diags.attribute_error(
                path,
                "Profile Variables Not Available",
                format!(
                    "{{{{ .spectro.var.{name} }}}} names a profile variable, but the profile that \
                     carries a `palette_pack` declares none, so Palette refuses it; write the \
                     value itself (a Terraform expression can compute it), or deploy the pack in \
                     a `palette_cluster_profile` with a `variable` block."
                ),
            );
        }
    }
}
