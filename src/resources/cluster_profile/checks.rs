//! Checks of the configuration alone (no API).

use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::resources::pack_shared::check_pack_config;
use palette_stack::variables;
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
        check_variable_default(variable, i, diags);
    }
    check_variable_references(config, diags);
}

/// Every `{{ .spectro.var.NAME }}` a pack's values or manifests use must name a variable the
/// profile declares (Palette refuses the profile otherwise), checked once the variables' names
/// and the text are known.
fn check_variable_references(config: &Value, diags: &mut Diagnostics) {
    if config.get("variable").is_some_and(Value::is_unknown) {
        return;
    }
    let mut declared = Vec::new();
    for variable in config.get_elements("variable") {
        match variable.get("name") {
            Some(name) if name.is_unknown() => return,
            _ => declared.extend(variable.get_str("name")),
        }
    }
    let undefined = |text: &str| -> Vec<String> {
        variables::references(text)
            .into_iter()
            .filter(|name| !declared.contains(name))
            .map(str::to_string)
            .collect()
    };
    for (i, pack) in config.get_elements("pack").iter().enumerate() {
        let pack_name = pack.get_str("name").unwrap_or("");
        let mut texts = vec![(pack_path(i).attr("values"), pack.get_str("values"))];
        for (j, manifest) in pack.get_elements("manifest").iter().enumerate() {
            texts.push((
                pack_path(i)
                    .attr("manifest")
                    .index(j as i64)
                    .attr("content"),
                manifest.get_str("content"),
            ));
        }
        for (path, text) in texts {
            let missing = text.map(undefined).unwrap_or_default();
            if let Some(name) = missing.first() {
                diags.attribute_error(
                    path,
                    "Undefined Profile Variable",
                    format!(
                        "Pack {pack_name:?} uses {{{{ .spectro.var.{name} }}}}, but the profile \
                         declares no variable {name:?}; add a `variable` block named {name:?}, \
                         or remove the reference. Palette refuses such a profile."
                    ),
                );
            }
        }
    }
}

/// Checks a variable's default against its own format, regex and options, as Palette does when
/// the profile is saved; each part only once the values it needs are known.
fn check_variable_default(variable: &Value, i: usize, diags: &mut Diagnostics) {
    let path = AttributePath::root("variable").index(i as i64);
    let name = variable.get_str("name").unwrap_or("");
    if let Some(pattern) = variable.get_str("regex")
        && let Err(err) = variables::anchored_regex(pattern)
    {
        diags.attribute_error(
            path.clone().attr("regex"),
            "Invalid Variable Regex",
            format!("The regex of variable {name:?} does not compile: {err}"),
        );
        return;
    }
    let Some(default) = variable.get_str("default_value").filter(|d| !d.is_empty()) else {
        return;
    };
    let at = path.clone().attr("default_value");
    // A null format is the default, `string`; an unknown one is checked at plan.
    let format = match variable.get("format") {
        Some(v) if v.is_unknown() => None,
        _ => Some(variable.get_str("format").unwrap_or("string")),
    };
    if let Some(format) = format.filter(|f| !variables::fits_format(default, f)) {
        diags.attribute_error(
            at.clone(),
            "Default Does Not Fit The Format",
            format!("The default {default:?} of variable {name:?} is not a valid {format}."),
        );
    }
    if let Some(pattern) = variable.get_str("regex")
        && let Ok(re) = variables::anchored_regex(pattern)
        && !re.is_match(default)
    {
        diags.attribute_error(
            at.clone(),
            "Default Does Not Match The Regex",
            format!(
                "The default {default:?} of variable {name:?} does not match its regex \
                 {pattern:?}; Palette refuses such a profile."
            ),
        );
    }
    let options = variable.get("option");
    if options.is_some_and(|o| o.is_unknown()) {
        return;
    }
    let option_values: Vec<Option<&str>> = variable
        .get_elements("option")
        .iter()
        .map(|o| {
            o.get("value")
                .filter(|v| !v.is_unknown())
                .map(|v| v.as_str().unwrap_or(""))
        })
        .collect();
    if !option_values.is_empty()
        && option_values.iter().all(Option::is_some)
        && !option_values.contains(&Some(default))
    {
        let listed: Vec<&str> = option_values.into_iter().flatten().collect();
        diags.attribute_error(
            at,
            "Default Is Not An Option",
            format!(
                "The default {default:?} of variable {name:?} is not one of its options {listed:?}."
            ),
        );
    }
}
