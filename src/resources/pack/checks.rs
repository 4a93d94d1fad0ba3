//! Checks of the configuration alone (no API).

use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::resources::pack_shared::check_pack_config;

use super::DEFAULT_TIMEOUTS;

/// Checks what the configuration alone shows: the pack's kind against its tag and manifests,
/// every manifest with content, manifest names unique in the pack, and the timeouts.
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
}
