//! Checks of the configuration alone (no API).

use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::resources::pack_shared::check_pack_config;
use palette_stack::version::ProfileVersion;

use super::pack_path;

/// Checks what the configuration alone shows: the version's form, each pack's kind against its
/// tag and manifests, and pack and variable names unique in the profile.
pub(super) fn check_config(config: &Value, diags: &mut Diagnostics) {
    if let Some(version) = config.get_str("version")
        && let Err(err) = ProfileVersion::parse(version)
    {
        diags.attribute_error(
            AttributePath::root("version"),
            "Invalid Profile Version",
            format!("{err}."),
        );
    }
    for (i, pack) in config.get_elements("pack").iter().enumerate() {
        check_pack_config(pack, &pack_path(i), diags);
    }
    let mut pack_names: Vec<&str> = Vec::new();
    for (i, pack) in config.get_elements("pack").iter().enumerate() {
        if let Some(name) = pack.get_str("name") {
            if let Some(first) = pack_names.iter().position(|n| *n == name) {
                diags.attribute_error(
                    pack_path(i).attr("name"),
                    "Duplicate Pack",
                    format!(
                        "pack[{i}] uses the same name {name:?} as pack[{first}]; pack names must \
                         be unique in a profile."
                    ),
                );
            }
            pack_names.push(name);
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for (i, variable) in config.get_elements("variable").iter().enumerate() {
        if let Some(name) = variable.get_str("name") {
            if seen.contains(&name) {
                diags.attribute_error(
                    AttributePath::root("variable").index(i as i64).attr("name"),
                    "Duplicate Variable",
                    format!(
                        "Variable {name:?} is defined twice; variable names are unique in a \
                         profile."
                    ),
                );
            }
            seen.push(name);
        }
    }
}
