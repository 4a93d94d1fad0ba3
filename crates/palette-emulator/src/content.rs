//! Content a body carries as text, checked as Palette checks it: pack values and manifests must
//! be YAML, a profile variable's default must satisfy its own format, regex and options, and an
//! SSH key's public key must be one OpenSSH public key line.
//!
//! Palette's `{{ ... }}` macros (`{{ .spectro.var.NAME }}`) are resolved when a cluster deploys,
//! so the YAML check reads each macro as a plain word first, as Palette's editor does.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::sync::LazyLock;

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

/// Every scalar at `path` (mapping keys from the document root) in any document of `text`; none
/// when the text is not YAML.
pub fn scalars_at(text: &str, path: &[&str]) -> Vec<String> {
    enum Frame {
        Map(Option<String>),
        Seq,
    }
    fn value_done(stack: &mut [Frame]) {
        if let Some(Frame::Map(key)) = stack.last_mut() {
            *key = None;
        }
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut out = Vec::new();
    for event in Parser::new_from_str(&without_macros(text)) {
        let Ok((event, _)) = event else {
            return Vec::new();
        };
        match event {
            Event::MappingStart(..) => stack.push(Frame::Map(None)),
            Event::SequenceStart(..) => stack.push(Frame::Seq),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                value_done(&mut stack);
            }
            Event::Alias(_) => value_done(&mut stack),
            Event::Scalar(value, ..) => match stack.last_mut() {
                Some(Frame::Map(key @ None)) => *key = Some(value.into_owned()),
                Some(Frame::Map(Some(_))) => {
                    let here = stack.iter().map(|f| match f {
                        Frame::Map(Some(k)) => Some(k.as_str()),
                        _ => None,
                    });
                    if stack.len() == path.len() && here.eq(path.iter().map(|p| Some(*p))) {
                        out.push(value.into_owned());
                    }
                    value_done(&mut stack);
                }
                _ => {}
            },
            Event::StreamEnd => break,
            _ => {}
        }
    }
    out
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

/// An OpenSSH public key line: key type, base64 key blob, optional comment.
static PUBLIC_KEY_LINE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp256|ecdsa-sha2-nistp384|ecdsa-sha2-nistp521)[ \t]+([A-Za-z0-9+/]+={0,2})(?:[ \t]+[^\r\n]*)?$",
    )
    .expect("the public key pattern compiles")
});

/// Refuses `text` at `field` unless it is one OpenSSH public key line (surrounding white space
/// aside): `ssh-rsa`, `ssh-ed25519` or `ecdsa-sha2-nistp256/384/521`, then the key in base64,
/// whose blob names the same type, then an optional comment.
pub fn check_ssh_public_key(text: &str, field: &str) -> ApiResult<()> {
    let bad = |why: &str| {
        refuse(
            field,
            format!("{field} is not an OpenSSH public key: {why}"),
        )
    };
    let Some(line) = PUBLIC_KEY_LINE.captures(text.trim()) else {
        return Err(bad(
            "expected one line of `TYPE BASE64 [COMMENT]` with TYPE ssh-rsa, ssh-ed25519 or \
             ecdsa-sha2-nistp256/384/521",
        ));
    };
    let blob = base64::engine::general_purpose::STANDARD
        .decode(&line[2])
        .map_err(|_| bad("the key is not valid base64"))?;
    let named = blob
        .get(..4)
        .map(|len| u32::from_be_bytes([len[0], len[1], len[2], len[3]]) as usize)
        .and_then(|len| blob.get(4..4 + len));
    if named != Some(line[1].as_bytes()) {
        return Err(bad(&format!("the key is not a {} key", &line[1])));
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
    fn scalars_are_found_by_path_in_every_document() {
        let text = "kind: A\nspec:\n  cluster:\n    name: pe-1\n  list: [x, y]\n  name: top\n---\nkind: B\nspec:\n  items:\n  - name: no\n  cluster: {type: name, name: pe-2}\n";
        assert_eq!(
            scalars_at(text, &["spec", "cluster", "name"]),
            ["pe-1", "pe-2"]
        );
        assert_eq!(scalars_at(text, &["spec", "name"]), ["top"]);
        assert_eq!(scalars_at(text, &["kind"]), ["A", "B"]);
        assert!(scalars_at(text, &["spec", "items", "name"]).is_empty());
        assert!(scalars_at("a: [", &["a"]).is_empty());
    }

    #[test]
    fn yaml_with_macros_passes_and_broken_yaml_is_refused_by_field() {
        assert!(check_yaml("a: 1\nb:\n  - {{ .spectro.var.x }}\n", "v").is_ok());
        assert!(check_yaml("---\na: 1\n---\nb: 2\n", "v").is_ok());
        let err = check_yaml("a: [1, 2\nb: 3\n", "spec.template.packs[0].values").unwrap_err();
        assert_eq!(err.details["field"], "spec.template.packs[0].values");
        assert!(err.message.contains("is not valid YAML"), "{}", err.message);
    }

    #[test]
    fn ssh_public_keys_are_one_openssh_line_of_a_known_type() {
        // The blob of a key of type `kind`: its name, length-prefixed, then some key bytes.
        let key = |kind: &str, named: &str| {
            let mut blob = (named.len() as u32).to_be_bytes().to_vec();
            blob.extend_from_slice(named.as_bytes());
            blob.extend_from_slice(&[0, 0, 0, 1, 7]);
            let encoded = base64::engine::general_purpose::STANDARD.encode(blob);
            format!("{kind} {encoded}")
        };
        let ok = [
            key("ssh-ed25519", "ssh-ed25519"),
            format!("{} ops@example.com\n", key("ssh-rsa", "ssh-rsa")),
            format!(
                "  {}  two words ",
                key("ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384")
            ),
        ];
        for text in ok {
            assert!(
                check_ssh_public_key(&text, "spec.publicKey").is_ok(),
                "{text}"
            );
        }
        let bad = [
            "x".to_owned(),
            String::new(),
            key("ssh-dss", "ssh-dss"),
            key("ssh-rsa", "ssh-ed25519"),
            "ssh-ed25519 not*base64".to_owned(),
            "ssh-ed25519 AAAA".to_owned(),
            format!(
                "{}\n{}",
                key("ssh-rsa", "ssh-rsa"),
                key("ssh-rsa", "ssh-rsa")
            ),
        ];
        for text in bad {
            let err = check_ssh_public_key(&text, "spec.publicKey").expect_err(&text);
            assert_eq!(err.details["field"], "spec.publicKey", "{text}");
            assert!(
                err.message.contains("not an OpenSSH public key"),
                "{}",
                err.message
            );
        }
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
