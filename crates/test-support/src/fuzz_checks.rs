//! The bodies of the fuzz targets, with seed inputs.
//!
//! Each target takes arbitrary bytes and checks that the code under test neither panics nor
//! breaks its own promises on them:
//!
//! - [`value_decoding`]: a Terraform type is built from the first bytes, the rest is decoded as
//!   msgpack and as JSON of that type; whatever decodes must encode and decode back to itself.
//! - [`yaml_values`]: YAML values normalisation; a text that normalises is equivalent to itself,
//!   and its canonical text normalises to the same form.
//! - [`import_ids`]: the three import id parsers; what parses, re-assembled, names the same
//!   object.
//!
//! `palette-fuzz` (`fuzz/`) calls them from its cargo-fuzz targets; the acceptance tests run
//! every target on stable Rust for a bounded time.

use std::collections::{BTreeMap, BTreeSet};

use tfplugin::{Type, Value};

use palette_stack::import_id::{
    ClusterTarget, ProfileTarget, parse_cluster_import_id, parse_pack_import_id,
    parse_profile_import_id,
};
use palette_stack::values;

/// How deep a type built from fuzz input may nest.
const MAX_TYPE_DEPTH: usize = 4;

/// Builds a type from the front of `data`, consuming what it used. Total: every input gives a
/// type.
fn take_type(data: &mut &[u8], depth: usize) -> Type {
    let Some((&first, rest)) = data.split_first() else {
        return Type::String;
    };
    *data = rest;
    let leaf = depth >= MAX_TYPE_DEPTH;
    match first % 10 {
        0 => Type::Bool,
        1 => Type::Number,
        2 => Type::String,
        3 => Type::Dynamic,
        4 if !leaf => Type::list(take_type(data, depth + 1)),
        5 if !leaf => Type::set(take_type(data, depth + 1)),
        6 if !leaf => Type::map(take_type(data, depth + 1)),
        7 if !leaf => {
            let n = usize::from(first / 10 % 4);
            Type::tuple((0..n).map(|_| take_type(data, depth + 1)).collect())
        }
        8 | 9 if !leaf => {
            let n = usize::from(first / 10 % 4);
            let mut attributes = BTreeMap::new();
            let mut optional = BTreeSet::new();
            for i in 0..n {
                let name = ["a", "b", "c", "d"][i].to_string();
                if first % 10 == 9 && i == 0 {
                    optional.insert(name.clone());
                }
                attributes.insert(name, take_type(data, depth + 1));
            }
            Type::Object {
                attributes,
                optional,
            }
        }
        _ => Type::String,
    }
}

/// Target: tfplugin value decoding (msgpack and JSON) under a type built from the input.
pub fn value_decoding(data: &[u8]) {
    let mut rest = data;
    // A type given as Terraform's JSON type syntax when the input starts with it, else built
    // from the first bytes.
    let ty = match data.iter().position(|b| *b == 0) {
        Some(end) if data.first() == Some(&b'[') || data.first() == Some(&b'"') => {
            match Type::from_json(&data[..end]) {
                Ok(ty) => {
                    rest = &data[end + 1..];
                    ty
                }
                Err(_) => take_type(&mut rest, 0),
            }
        }
        _ => take_type(&mut rest, 0),
    };
    if let Ok(value) = Value::from_msgpack(rest, &ty) {
        let encoded = value
            .to_msgpack(&ty)
            .unwrap_or_else(|e| panic!("decoded {value:?} as {ty:?} but cannot encode it: {e}"));
        let again = Value::from_msgpack(&encoded, &ty)
            .unwrap_or_else(|e| panic!("re-encoded {value:?} does not decode: {e}"));
        assert_eq!(again, value, "msgpack round trip of {ty:?}");
    }
    if let Ok(value) = Value::from_json(rest, &ty) {
        let encoded = value
            .to_json(&ty)
            .unwrap_or_else(|e| panic!("decoded {value:?} as {ty:?} but cannot encode it: {e}"));
        let again = Value::from_json(&encoded, &ty)
            .unwrap_or_else(|e| panic!("re-encoded {value:?} does not decode: {e}"));
        assert_eq!(again, value, "JSON round trip of {ty:?}");
    }
    let _ = Value::from_json_ignoring_extra_attributes(rest, &ty);
}

/// Target: YAML values normalisation, equivalence and canonical text.
pub fn yaml_values(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match values::normalize(&text) {
        Ok(form) => {
            assert!(
                values::equivalent(&text, &text),
                "a valid text is not equivalent to itself: {text:?}"
            );
            let canonical = form.canonical_text();
            let again = values::normalize(&canonical).unwrap_or_else(|e| {
                panic!("the canonical text of {text:?} does not parse: {canonical:?}: {e:?}")
            });
            assert_eq!(
                again, form,
                "the canonical text of {text:?} means something else: {canonical:?}"
            );
            assert!(
                values::equivalent(&text, &canonical),
                "a text and its canonical text differ: {text:?} / {canonical:?}"
            );
        }
        Err(_) => {
            // Malformed text compares as written.
            assert!(values::equivalent(&text, &text));
        }
    }
}

/// Target: the import id parsers of the three resources.
pub fn import_ids(data: &[u8]) {
    let id = String::from_utf8_lossy(data);
    if let Ok(parsed) = parse_profile_import_id(&id) {
        let target = match &parsed.target {
            ProfileTarget::Uid(uid) => uid.clone(),
            ProfileTarget::Name { name, version } => match version {
                Some(version) => format!("{name}@{version}"),
                None => name.clone(),
            },
        };
        assert!(
            id.contains(target.as_str()),
            "profile id {id:?} parsed to {target:?}"
        );
    }
    if let Ok(parsed) = parse_cluster_import_id(&id) {
        let target = match &parsed.target {
            ClusterTarget::Uid(uid) | ClusterTarget::Name(uid) => uid.clone(),
        };
        assert!(
            !target.is_empty() && id.contains(target.as_str()),
            "cluster id {id:?} parsed to {target:?}"
        );
    }
    if let Ok(parsed) = parse_pack_import_id(&id) {
        assert_eq!(
            format!("{}/{}", parsed.cluster_uid, parsed.pack_name),
            id.trim(),
            "pack id parsed to other parts"
        );
    }
}

/// Seed inputs for [`value_decoding`]: JSON types with values, and built types with msgpack.
pub fn value_decoding_seeds() -> Vec<Vec<u8>> {
    let mut seeds: Vec<Vec<u8>> = [
        (r#""string""#, r#""hello""#),
        (r#""number""#, "12345678901234567890.5"),
        (r#"["list","number"]"#, "[1, 2, 3e400]"),
        (r#"["map","bool"]"#, r#"{"a": true, "b": null}"#),
        (
            r#"["object",{"a":"string","b":["set","number"]}]"#,
            r#"{"a":"x","b":[1,1,2]}"#,
        ),
        (
            r#"["tuple",["string","dynamic"]]"#,
            r#"["x", {"value": 1, "type": "number"}]"#,
        ),
        (
            r#""dynamic""#,
            r#"{"value": ["a"], "type": ["list","string"]}"#,
        ),
    ]
    .iter()
    .map(|(ty, value)| [ty.as_bytes(), &[0], value.as_bytes()].concat())
    .collect();
    // Built types followed by msgpack: a string, a list of numbers, an unknown, a map.
    seeds.push(vec![2, 0xa3, b'a', b'b', b'c']);
    seeds.push(vec![4, 1, 0x92, 0x01, 0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0]);
    seeds.push(vec![2, 0xd4, 0x00, 0x00]);
    seeds.push(vec![6, 2, 0x81, 0xa1, b'k', 0xa1, b'v']);
    seeds.push(vec![
        3, 0x92, 0xc4, 0x08, b'"', b's', b't', b'r', b'i', b'n', b'g', b'"', 0xa1, b'x',
    ]);
    seeds
}

/// Seed inputs for [`yaml_values`].
pub fn yaml_values_seeds() -> Vec<Vec<u8>> {
    [
        "a: 1\nb: [1, 2]\nc: {d: e}\n",
        "base: &b\n  x: 1\nderived:\n  <<: *b\n  y: 2\n",
        "text: |\n  line\n  more\nfolded: >-\n  a\n  b\n",
        "---\na: yes\n---\nb: 0x1F\n...\n",
        "? [a, b]\n: complex\n",
        "q: \"quoted\\u00e9\"\nr: 'single ''q'''\ns: ~\nt: 1.50\n",
        "- !!str 1\n- !!int \"2\"\n- !secret s\n",
        "a:\n  - b:\n      - c: {{ .spectro.var.x }}\n",
        "\u{feff}a: 1\r\nb: 2\r\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}

/// Seed inputs for [`import_ids`].
pub fn import_ids_seeds() -> Vec<Vec<u8>> {
    [
        "0123456789abcdef01234567",
        "tenant/0123456789abcdef01234567",
        "my-profile@1.2.3",
        "tenant/my@profile@10.0.0",
        "project/cluster-1",
        "0123456789abcdef01234567/prometheus-operator",
        " spaced /name ",
        "a@1.2.3-rc.1+build",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}
