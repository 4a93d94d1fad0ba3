//! A JSON body against a schema of the spec, as Palette's go-swagger server checks it.
//!
//! Checked: required properties are present and not null (a required string is also not empty,
//! as go-swagger's `RequiredString` has it), every value has its schema's JSON type, integers
//! fit their format (`int8` to `int64`), enum values are listed, and `date-time` strings parse.
//! Properties the spec does not name are ignored, as Go's JSON decoding ignores them.

use serde_json::Value;

use super::{Facts, Schema};

/// One way a body breaks its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The dotted path of the field, such as `spec.machinePoolConfig[0].poolConfig.name`; the
    /// body itself is `body`.
    pub field: String,
    /// What is wrong, in go-swagger's words (`... in body is required`).
    pub message: String,
}

/// Deepest nesting followed; deeper values are taken as they are.
const MAX_DEPTH: usize = 64;

/// Every violation of `schema` in `value`, in document order.
pub fn validate(facts: &Facts, schema: &Schema, value: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    check(facts, schema, value, "", 0, &mut out);
    out
}

/// `parent` joined with property `name`.
fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// How a field is named in a message: `body` for the body itself.
fn shown(field: &str) -> &str {
    if field.is_empty() { "body" } else { field }
}

fn violation(out: &mut Vec<Violation>, field: &str, message: String) {
    out.push(Violation {
        field: shown(field).to_string(),
        message,
    });
}

fn check(
    facts: &Facts,
    schema: &Schema,
    value: &Value,
    field: &str,
    depth: usize,
    out: &mut Vec<Violation>,
) {
    if depth > MAX_DEPTH || value.is_null() {
        return;
    }
    if let Some(name) = &schema.reference {
        if let Some(def) = facts.definition(name) {
            check(facts, def, value, field, depth + 1, out);
        }
        return;
    }
    for part in &schema.all_of {
        check(facts, part, value, field, depth + 1, out);
    }
    if !type_matches(schema, value, field, out) {
        return;
    }
    if let Some(values) = schema.values.as_ref().filter(|v| !v.contains(value)) {
        let listed: Vec<String> = values.iter().map(Value::to_string).collect();
        violation(
            out,
            field,
            format!(
                "{} in body should be one of [{}]",
                shown(field),
                listed.join(" ")
            ),
        );
    }
    match value {
        Value::Object(map) => {
            // A required name the schema never defines (the cluster-create entities list
            // `spec.cloudType`) is not checked: go-swagger generates checks, and Palette's own
            // clients fields, only for defined properties, so no client ever sends one.
            for name in schema
                .required
                .iter()
                .filter(|n| schema.properties.contains_key(*n))
            {
                let missing = match map.get(name) {
                    None | Some(Value::Null) => true,
                    Some(Value::String(s)) => s.is_empty() && is_string(facts, schema, name),
                    Some(_) => false,
                };
                if missing {
                    let at = join(field, name);
                    violation(out, &at, format!("{at} in body is required"));
                }
            }
            for (name, v) in map {
                let at = join(field, name);
                if let Some(prop) = schema.properties.get(name) {
                    check(facts, prop, v, &at, depth + 1, out);
                } else if let Some(extra) = &schema.additional {
                    check(facts, extra, v, &at, depth + 1, out);
                }
            }
        }
        Value::Array(items) => {
            if let Some(item) = &schema.items {
                for (i, v) in items.iter().enumerate() {
                    check(facts, item, v, &format!("{field}[{i}]"), depth + 1, out);
                }
            }
        }
        _ => {}
    }
}

/// Whether property `name` of `schema` is a string (directly or through its definition).
fn is_string(facts: &Facts, schema: &Schema, name: &str) -> bool {
    let mut prop = schema.properties.get(name);
    while let Some(p) = prop {
        if let Some(def) = &p.reference {
            prop = facts.definition(def);
            continue;
        }
        return p
            .kind
            .as_ref()
            .is_some_and(|k| k.names().iter().any(|n| n == "string"));
    }
    false
}

/// Checks the JSON type and format; false when the value is not of the schema's type.
fn type_matches(schema: &Schema, value: &Value, field: &str, out: &mut Vec<Violation>) -> bool {
    let Some(kinds) = &schema.kind else {
        return true;
    };
    let Some(kind) = kinds
        .names()
        .iter()
        .map(String::as_str)
        .find(|kind| is_of_type(kind, value))
    else {
        let expected = kinds.names().join(" or ");
        violation(
            out,
            field,
            format!("{} in body must be of type {expected}", shown(field)),
        );
        return false;
    };
    match (kind, schema.format.as_deref()) {
        ("integer", Some(format)) => {
            let fits = match format {
                "int8" => value.as_i64().is_some_and(|v| i8::try_from(v).is_ok()),
                "int16" => value.as_i64().is_some_and(|v| i16::try_from(v).is_ok()),
                "int32" => value.as_i64().is_some_and(|v| i32::try_from(v).is_ok()),
                "int64" => value.is_i64(),
                "uint8" => value.as_u64().is_some_and(|v| u8::try_from(v).is_ok()),
                "uint16" => value.as_u64().is_some_and(|v| u16::try_from(v).is_ok()),
                "uint32" => value.as_u64().is_some_and(|v| u32::try_from(v).is_ok()),
                _ => true,
            };
            if !fits {
                violation(
                    out,
                    field,
                    format!("{} in body must be of type {format}", shown(field)),
                );
            }
        }
        ("string", Some("date-time")) if !value.as_str().is_some_and(is_date_time) => {
            violation(
                out,
                field,
                format!("{} in body must be of type date-time", shown(field)),
            );
        }
        _ => {}
    }
    true
}

/// Whether `value` is of JSON type `kind` (an unknown type name matches anything).
fn is_of_type(kind: &str, value: &Value) -> bool {
    match kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        _ => true,
    }
}

/// Whether `text` is an RFC 3339 date-time (`2024-05-01T10:00:00Z`, optional fraction, `Z` or
/// an offset).
fn is_date_time(text: &str) -> bool {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || !matches!(b[10], b'T' | b't' | b' ')
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let mut rest = &text[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn check_body(definition: &str, body: Value) -> Vec<String> {
        let facts = Facts::get();
        let schema = Schema {
            reference: Some(definition.to_string()),
            ..Schema::default()
        };
        validate(facts, &schema, &body)
            .into_iter()
            .map(|v| v.message)
            .collect()
    }

    #[test]
    fn required_fields_types_and_enums_are_checked_where_they_nest() {
        // spec.template.type is the v1ProfileType enum; a pack requires its name.
        let errors = check_body(
            "v1ClusterProfileEntity",
            json!({"spec": {"template": {"type": "nonsense", "packs": [{"tag": "1.0"}, {"name": ""}]},
                "variables": "not a list"}}),
        );
        assert_eq!(
            errors,
            [
                "spec.template.packs[0].name in body is required",
                "spec.template.packs[1].name in body is required",
                "spec.template.type in body should be one of [\"cluster\" \"infra\" \"add-on\" \"system\"]",
                "spec.variables in body must be of type array",
            ]
        );
    }

    #[test]
    fn required_names_the_schema_never_defines_are_not_checked() {
        let errors = check_body(
            "v1SpectroAwsClusterEntity",
            json!({"metadata": {"name": "c"}, "spec": {"cloudAccountUid": "a", "cloudConfig": {}}}),
        );
        assert!(
            !errors.iter().any(|e| e.contains("cloudType")),
            "{errors:?}"
        );
        assert!(
            !errors.iter().any(|e| e.contains("cloudAccountUid")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_valid_body_passes_and_unknown_keys_are_ignored() {
        let errors = check_body(
            "v1ClusterProfileEntity",
            json!({"metadata": {"name": "p"}, "spec": {"template": {"type": "add-on",
                "packs": []}, "version": "1.0.0"}, "extra": 1}),
        );
        assert_eq!(errors, Vec::<String>::new());
    }

    #[test]
    fn date_times_follow_rfc_3339() {
        assert!(is_date_time("2024-05-01T10:00:00Z"));
        assert!(is_date_time("2024-05-01T10:00:00.123+02:00"));
        assert!(!is_date_time("2024-05-01"));
        assert!(!is_date_time("2024-05-01T10:00:00"));
        assert!(!is_date_time("2024-05-01T10:00:00.Z"));
    }
}
