//! Content a body carries as text, checked as Palette checks it: pack values and manifests must
//! be YAML, and a profile variable's default must satisfy its own format, regex and options.
//!
//! Palette's `{{ ... }}` macros (`{{ .spectro.var.NAME }}`) are resolved when a cluster deploys,
//! so the YAML check reads each macro as a plain word first, as Palette's editor does.

use std::net::{Ipv4Addr, Ipv6Addr};

use base64::Engine as _;
use palette_api::models as m;
use saphyr_parser::{Event, Parser};

use crate::error::{ApiError, ApiResult};

/// A 400 naming `field`.
fn refuse(field: &str, message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", message)
        .with_details(serde_json::json!({ "field": field }))
}

/// `text` with every `{{ ... }}` macro replaced by a plain word of the same line.
fn without_macros(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str("macro");
        rest = &rest[start + len + 2..];
    }
    out.push_str(rest);
    out
}

/// Refuses `text` at `field` unless it parses as YAML (any number of documents).
pub fn check_yaml(text: &str, field: &str) -> ApiResult<()> {
    let text = without_macros(text);
    for event in Parser::new_from_str(&text) {
        match event {
            Ok((Event::StreamEnd, _)) => break,
            Ok(_) => {}
            Err(err) => {
                return Err(refuse(field, format!("{field} is not valid YAML: {err}")));
            }
        }
    }
    Ok(())
}

/// Refuses a variable (`field` is its path, such as `spec.variables[0]`) whose default breaks
/// its format, its regex or its options, or whose regex does not compile.
pub fn check_variable(var: &m::Variable, field: &str) -> ApiResult<()> {
    let name = var.name.as_str();
    let default = var.default_value.as_deref().filter(|d| !d.is_empty());
    if let Some(pattern) = var.regex.as_deref().filter(|r| !r.is_empty()) {
        let re = regex::Regex::new(&format!("^(?:{pattern})$")).map_err(|err| {
            refuse(
                &format!("{field}.regex"),
                format!("variable '{name}': regex does not compile: {err}"),
            )
        })?;
        if let Some(default) = default.filter(|d| !re.is_match(d)) {
            return Err(refuse(
                &format!("{field}.defaultValue"),
                format!("variable '{name}': default {default:?} does not match regex {pattern:?}"),
            ));
        }
    }
    let options: Vec<&str> = var
        .options
        .iter()
        .flatten()
        .map(|o| o.value.as_str())
        .collect();
    let Some(default) = default else {
        return Ok(());
    };
    if !options.is_empty() && !options.contains(&default) {
        return Err(refuse(
            &format!("{field}.defaultValue"),
            format!("variable '{name}': default {default:?} is not one of the options {options:?}"),
        ));
    }
    let format = var.format.map_or("string", m::VariableFormat::as_str);
    if !fits_format(default, format) {
        return Err(refuse(
            &format!("{field}.defaultValue"),
            format!("variable '{name}': default {default:?} is not a valid {format}"),
        ));
    }
    Ok(())
}

/// Whether `text` is a value of variable format `format`.
fn fits_format(text: &str, format: &str) -> bool {
    match format {
        "number" => text.parse::<f64>().is_ok_and(f64::is_finite),
        "boolean" => matches!(text, "true" | "false"),
        "ipv4" => text.parse::<Ipv4Addr>().is_ok(),
        "ipv4cidr" => text.split_once('/').is_some_and(|(ip, bits)| {
            ip.parse::<Ipv4Addr>().is_ok() && bits.parse::<u8>().is_ok_and(|b| b <= 32)
        }),
        "ipv6" => text.parse::<Ipv6Addr>().is_ok(),
        "version" => is_version(text),
        "base64" => base64::engine::general_purpose::STANDARD
            .decode(text)
            .is_ok(),
        _ => true,
    }
}

/// A semantic version, with an optional `v`, pre-release and build.
fn is_version(text: &str) -> bool {
    let text = text.strip_prefix('v').unwrap_or(text);
    let core = text.split(['-', '+']).next().unwrap_or("");
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    #[test]
    fn yaml_with_macros_passes_and_broken_yaml_is_refused_by_field() {
        assert!(check_yaml("a: 1\nb:\n  - {{ .spectro.var.x }}\n", "v").is_ok());
        assert!(check_yaml("---\na: 1\n---\nb: 2\n", "v").is_ok());
        let err = check_yaml("a: [1, 2\nb: 3\n", "spec.template.packs[0].values").unwrap_err();
        assert_eq!(err.details["field"], "spec.template.packs[0].values");
        assert!(err.message.contains("is not valid YAML"), "{}", err.message);
    }

    #[test]
    fn variable_defaults_follow_their_format_regex_and_options() {
        let ok = |v: Value| {
            let var: m::Variable = serde_json::from_value(v).expect("a variable");
            check_variable(&var, "spec.variables[0]").is_ok()
        };
        assert!(ok(
            json!({"name": "n", "format": "number", "defaultValue": "3.5"})
        ));
        assert!(!ok(
            json!({"name": "n", "format": "number", "defaultValue": "three"})
        ));
        assert!(ok(
            json!({"name": "c", "format": "ipv4cidr", "defaultValue": "10.0.0.0/16"})
        ));
        assert!(!ok(
            json!({"name": "c", "format": "ipv4cidr", "defaultValue": "10.0.0.0/33"})
        ));
        assert!(!ok(
            json!({"name": "v", "format": "version", "defaultValue": "1.2"})
        ));
        assert!(ok(
            json!({"name": "r", "regex": "[a-z]+", "defaultValue": "abc"})
        ));
        assert!(!ok(
            json!({"name": "r", "regex": "[a-z]+", "defaultValue": "abc1"})
        ));
        assert!(!ok(
            json!({"name": "r", "regex": "([", "defaultValue": "a"})
        ));
        assert!(ok(json!({"name": "d", "inputType": "dropdown",
            "options": [{"value": "a"}, {"value": "b"}], "defaultValue": "b"})));
        assert!(!ok(
            json!({"name": "d", "options": [{"value": "a"}], "defaultValue": "c"})
        ));
    }
}
