//! The emulator's request facts: from the official Palette API spec (Swagger 2.0, plus the
//! legacy file for OpenStack and TKE) into `crates/palette-emulator/src/spec/facts.json`.
//!
//! The facts are what the emulator checks every request with before a handler runs: each
//! operation's method, path template, query parameters and body schema, and every definition a
//! body reaches, cut down to what validation reads (types, formats, enums, required lists,
//! properties, items, additional properties). One operation and one definition per line, sorted,
//! so a new spec shows up as a readable diff. The emulator embeds the file, so it needs nothing
//! outside the repository at run time; only this generator reads the spec.
//!
//! The spec is looked for in `$PALETTE_SPEC_DIR`, then beside the checkout
//! (`../shared/reference`, where CI has it). Without it, `--check` fails when `CI` is set and
//! says it skipped otherwise.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde_json::{Map, Value, json};

/// The spec files, current first; the current one wins where both define a path or definition.
const SPEC_FILES: [&str; 2] = ["palette-apis-spec.json", "palette-apis-spec-legacy.json"];

/// Where the facts are committed, relative to the workspace root.
pub(super) const FACTS_PATH: &str = "crates/palette-emulator/src/spec/facts.json";

/// The facts file as (path, contents), or nothing when the spec is absent outside CI.
pub(super) fn generate(root: &Path) -> anyhow::Result<Vec<(PathBuf, String)>> {
    let Some(dir) = spec_dir(root) else {
        if std::env::var_os("CI").is_some() {
            bail!(
                "the official API spec is not beside the checkout (../shared/reference/{}), so \
                 the emulator's request facts cannot be checked; set PALETTE_SPEC_DIR to its folder",
                SPEC_FILES[0]
            );
        }
        eprintln!(
            "codegen: skipped the emulator's request facts: no API spec in ../shared/reference \
             or $PALETTE_SPEC_DIR"
        );
        return Ok(Vec::new());
    };
    let mut specs = Vec::new();
    for name in SPEC_FILES {
        let path = dir.join(name);
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let spec: Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not JSON", path.display()))?;
        specs.push(spec);
    }
    Ok(vec![(root.join(FACTS_PATH), facts(&specs)?)])
}

/// The folder holding the spec files, if any.
fn spec_dir(root: &Path) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("PALETTE_SPEC_DIR").map(PathBuf::from),
        Some(root.join("../shared/reference")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|dir| dir.join(SPEC_FILES[0]).is_file())
}

/// The facts of `specs` (current first) as the committed text.
fn facts(specs: &[Value]) -> anyhow::Result<String> {
    let mut definitions = BTreeMap::new();
    let mut operations = BTreeMap::new();
    for spec in specs.iter().rev() {
        let Some(paths) = spec["paths"].as_object() else {
            bail!("the spec has no paths");
        };
        for (name, def) in spec["definitions"].as_object().into_iter().flatten() {
            definitions.insert(name.clone(), def.clone());
        }
        for (path, item) in paths {
            let shared = item["parameters"].as_array().cloned().unwrap_or_default();
            for (method, op) in item.as_object().into_iter().flatten() {
                if method == "parameters" {
                    continue;
                }
                let mut params = op["parameters"].as_array().cloned().unwrap_or_default();
                params.extend(shared.iter().cloned());
                operations.insert((path.clone(), method.to_uppercase()), operation(&params));
            }
        }
    }

    // Only the definitions a request body reaches.
    let mut reached = BTreeSet::new();
    let mut pending: Vec<String> = operations
        .values()
        .filter_map(|op| op.get("body"))
        .flat_map(references)
        .collect();
    while let Some(name) = pending.pop() {
        let Some(def) = definitions.get(&name) else {
            continue;
        };
        if reached.insert(name) {
            pending.extend(references(&schema(def)));
        }
    }

    let mut out = String::from("{\n\"operations\": [\n");
    let ops: Vec<String> = operations
        .into_iter()
        .map(|((path, method), mut op)| {
            op.insert("method".into(), json!(method));
            op.insert("path".into(), json!(path));
            serde_json::to_string(&op).expect("JSON values serialise")
        })
        .collect();
    out.push_str(&ops.join(",\n"));
    out.push_str("\n],\n\"definitions\": {\n");
    let defs: Vec<String> = reached
        .iter()
        .map(|name| {
            let body = serde_json::to_string(&schema(&definitions[name])).expect("serialises");
            format!("{}: {body}", json!(name))
        })
        .collect();
    out.push_str(&defs.join(",\n"));
    out.push_str("\n}\n}\n");
    Ok(out)
}

/// One operation's facts from its parameters: the query parameter names and the body schema.
fn operation(params: &[Value]) -> Map<String, Value> {
    let mut op = Map::new();
    let query: BTreeSet<&str> = params
        .iter()
        .filter(|p| p["in"] == "query")
        .filter_map(|p| p["name"].as_str())
        .collect();
    op.insert("query".into(), json!(query));
    if let Some(body) = params.iter().find(|p| p["in"] == "body") {
        op.insert("body".into(), schema(&body["schema"]));
        if body["required"] == true {
            op.insert("body_required".into(), json!(true));
        }
    }
    op
}

/// A schema cut down to what validation reads. `allOf` parts are merged into one object.
fn schema(s: &Value) -> Value {
    let mut out = Map::new();
    if let Some(reference) = s["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap_or(reference);
        out.insert("ref".into(), json!(name));
        return Value::Object(out);
    }
    for key in ["type", "format", "enum"] {
        if let Some(v) = s.get(key) {
            out.insert(key.into(), v.clone());
        }
    }
    if let Some(items) = s.get("items") {
        out.insert("items".into(), schema(items));
    }
    let mut props = Map::new();
    let mut required: BTreeSet<String> = BTreeSet::new();
    let mut all_of = Vec::new();
    for part in std::iter::once(s).chain(s["allOf"].as_array().into_iter().flatten()) {
        for (name, prop) in part["properties"].as_object().into_iter().flatten() {
            props.insert(name.clone(), schema(prop));
        }
        for name in part["required"].as_array().into_iter().flatten() {
            if let Some(name) = name.as_str() {
                required.insert(name.to_string());
            }
        }
        if let Some(reference) = part["$ref"].as_str() {
            all_of.push(json!({ "ref": reference.rsplit('/').next().unwrap_or(reference) }));
        }
    }
    if !props.is_empty() {
        out.insert("properties".into(), Value::Object(props));
    }
    if !required.is_empty() {
        out.insert("required".into(), json!(required));
    }
    if !all_of.is_empty() {
        out.insert("all_of".into(), Value::Array(all_of));
    }
    if let Some(extra) = s.get("additionalProperties").filter(|v| v.is_object()) {
        out.insert("additional".into(), schema(extra));
    }
    Value::Object(out)
}

/// The definition names a cut-down schema refers to, at any depth.
fn references(s: &Value) -> Vec<String> {
    let mut out = Vec::new();
    match s {
        Value::Object(map) => {
            if let Some(name) = map.get("ref").and_then(Value::as_str) {
                out.push(name.to_string());
            }
            for (key, v) in map {
                if key != "enum" {
                    out.extend(references(v));
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| out.extend(references(v))),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_keep_operations_query_body_and_the_definitions_bodies_reach() {
        let spec = json!({
            "paths": {
                "/v1/things/{uid}": {
                    "parameters": [{"name": "uid", "in": "path", "required": true}],
                    "put": {"parameters": [
                        {"name": "force", "in": "query", "type": "boolean"},
                        {"name": "body", "in": "body", "required": true,
                         "schema": {"$ref": "#/definitions/v1Thing"}}
                    ]},
                    "get": {}
                }
            },
            "definitions": {
                "v1Thing": {"type": "object", "required": ["name"], "properties": {
                    "name": {"type": "string"},
                    "kind": {"type": "string", "enum": ["a", "b"]},
                    "part": {"$ref": "#/definitions/v1Part"}
                }},
                "v1Part": {"allOf": [{"$ref": "#/definitions/v1Base"},
                    {"properties": {"size": {"type": "integer", "format": "int32"}},
                     "required": ["size"]}]},
                "v1Base": {"type": "object"},
                "v1Unused": {"type": "object"}
            }
        });
        let text = facts(&[spec]).unwrap();
        let parsed: Value = serde_json::from_str(&text).unwrap();
        let ops = parsed["operations"].as_array().unwrap();
        assert_eq!(ops.len(), 2);
        let put = ops.iter().find(|op| op["method"] == "PUT").unwrap();
        assert_eq!(put["query"], json!(["force"]));
        assert_eq!(put["body"], json!({"ref": "v1Thing"}));
        assert_eq!(put["body_required"], json!(true));
        let defs = parsed["definitions"].as_object().unwrap();
        let names: Vec<&String> = defs.keys().collect();
        assert_eq!(names, ["v1Base", "v1Part", "v1Thing"]);
        assert_eq!(defs["v1Thing"]["required"], json!(["name"]));
        assert_eq!(
            defs["v1Thing"]["properties"]["kind"]["enum"],
            json!(["a", "b"])
        );
        assert_eq!(defs["v1Part"]["required"], json!(["size"]));
        assert_eq!(defs["v1Part"]["all_of"], json!([{"ref": "v1Base"}]));
    }
}
