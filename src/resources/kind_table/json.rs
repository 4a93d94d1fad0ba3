//! A kind's block as the JSON the API takes, and the JSON the API answers as the block's state.
//! Fields and secrets sit at their `/`-separated keys of one JSON object (the kind's document,
//! or the part of it the resource hands over).

use std::collections::BTreeMap;

use serde_json::{Map, Value as Json, json};
use tfplugin::Value;

use super::{FieldType, Kind, version_attr};

/// A Terraform value as JSON (`None` for null or unknown).
fn to_json(value: &Value, ty: FieldType) -> Option<Json> {
    if value.is_null() || value.is_unknown() {
        return None;
    }
    Some(match ty {
        FieldType::Str => json!(value.as_str()?),
        FieldType::Bool => json!(value.as_bool()?),
        FieldType::List => json!(
            value
                .as_elements()?
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        ),
        FieldType::Map => json!(
            value
                .as_map()?
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect::<BTreeMap<_, _>>()
        ),
    })
}

/// Puts `value` at the `/`-separated `key` of `spec`, merging maps.
fn put(spec: &mut Map<String, Json>, key: &str, value: Json) {
    let mut parts = key.split('/').peekable();
    let mut at = spec;
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            match (at.get_mut(part), value) {
                (Some(Json::Object(old)), Json::Object(new)) => old.extend(new),
                (_, value) => {
                    at.insert(part.to_owned(), value);
                }
            }
            return;
        }
        let next = at
            .entry(part.to_owned())
            .or_insert_with(|| Json::Object(Map::new()));
        if !next.is_object() {
            *next = Json::Object(Map::new());
        }
        at = next.as_object_mut().expect("an object");
    }
}

/// The value at the `/`-separated `key` of `spec`.
fn get<'a>(spec: &'a Json, key: &str) -> Option<&'a Json> {
    key.split('/').try_fold(spec, |at, part| at.get(part))
}

/// The JSON object holding the kind's fields from `plan_block` and its secrets from
/// `config_block` (write-only values are only in the configuration).
pub(crate) fn write_spec(
    kind: &impl Kind,
    plan_block: &Value,
    config_block: &Value,
) -> Map<String, Json> {
    let mut spec = Map::new();
    for field in kind.fields() {
        if let Some(value) = plan_block
            .get(field.attr)
            .and_then(|v| to_json(v, field.ty))
        {
            put(&mut spec, field.key, value);
        }
    }
    for secret in kind.secrets() {
        if let Some(value) = config_block
            .get(secret.attr)
            .and_then(|v| to_json(v, secret.ty))
        {
            put(&mut spec, secret.key, value);
        }
    }
    spec
}

/// A JSON value read back as a Terraform value of type `ty`.
fn from_json(value: Option<&Json>, ty: FieldType, default: Option<&str>) -> Value {
    match (ty, value) {
        (FieldType::Str, Some(Json::String(s))) if !s.is_empty() => Value::from(s.clone()),
        (FieldType::Bool, Some(Json::Bool(b))) => Value::from(*b),
        (FieldType::List, Some(Json::Array(items))) if !items.is_empty() => Value::List(
            items
                .iter()
                .filter_map(|v| v.as_str().map(|s| Value::from(s.to_owned())))
                .collect(),
        ),
        (FieldType::Map, Some(Json::Object(map))) => {
            let kept: BTreeMap<String, Value> = map
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), Value::from(v.as_str()?.to_owned()))))
                .collect();
            if kept.is_empty() {
                Value::Null
            } else {
                Value::Map(kept)
            }
        }
        (FieldType::Bool, _) => default.map_or(Value::Null, |d| Value::from(d == "true")),
        (_, _) => default.map_or(Value::Null, |d| Value::from(d.to_owned())),
    }
}

/// The kind's block as the API reports it in `spec` (the object [`write_spec`] writes): every
/// field read back, the write-only secrets null, and their versions kept from `prior_block`
/// (Palette knows nothing of them).
pub(crate) fn read_block(
    kind: &impl Kind,
    spec: &Json,
    prior_block: &Value,
) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for field in kind.fields() {
        out.insert(
            field.attr.to_string(),
            from_json(get(spec, field.key), field.ty, field.default),
        );
    }
    for secret in kind.secrets() {
        out.insert(secret.attr.to_string(), Value::Null);
        let version = version_attr(secret.attr);
        let kept = prior_block.get(&version).cloned().unwrap_or(Value::Null);
        out.insert(version, kept);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::kind_table::{Field, Secret, field, obj, secret};

    struct Nested;

    impl Kind for Nested {
        fn block(&self) -> &'static str {
            "nested"
        }
        fn fields(&self) -> &'static [Field] {
            const FIELDS: &[Field] = &[
                field("arn", "sts/arn", "A role."),
                Field {
                    default: Some("secret"),
                    ..field("credential_type", "credentialType", "A type.")
                },
            ];
            FIELDS
        }
        fn secrets(&self) -> &'static [Secret] {
            const SECRETS: &[Secret] = &[secret("secret_key", "sts/secretKey", "A key.")];
            SECRETS
        }
    }

    #[test]
    fn fields_nest_secrets_come_from_the_config_and_read_back_null() {
        let plan = obj(&[("arn", "arn:x".into()), ("secret_key", Value::Null)]);
        let config = obj(&[("secret_key", "s3cr3t".into())]);
        let spec = Json::Object(write_spec(&Nested, &plan, &config));
        assert_eq!(
            spec,
            json!({"sts": {"arn": "arn:x", "secretKey": "s3cr3t"}})
        );
        let prior = obj(&[("secret_key_wo_version", Value::from(3i64))]);
        let state = read_block(&Nested, &spec, &prior);
        assert_eq!(state["arn"], Value::from("arn:x"));
        assert_eq!(
            state["credential_type"],
            Value::from("secret"),
            "the default"
        );
        assert_eq!(state["secret_key"], Value::Null);
        assert_eq!(state["secret_key_wo_version"], Value::from(3i64));
    }
}
