//! Checks of the configuration alone (no API).

use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::resources::pack_shared::check_pack_config;

/// Checks what the configuration alone shows: the pack's kind against its tag and manifests,
/// every manifest with content, and manifest names unique in the pack.
pub(super) fn check_config(config: &Value, diags: &mut Diagnostics) {
    check_pack_config(config, &AttributePath::new(), diags);
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
}
