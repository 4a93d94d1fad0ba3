//! The configuration as an API body, and an API document as state: both walk the kind table.

use std::collections::BTreeMap;

use serde_json::{Map, Value as Json, json};
use tfplugin::{Value, ValueExt};

use super::kinds::{AccountKind, FieldType, KINDS, secret_key_name};
use super::schema::version_attr;

/// The annotation linking an account to its private cloud gateway.
pub(super) const GATEWAY_ANNOTATION: &str = "overlordUid";

/// The kind block that is set, and its value.
pub(super) fn kind_of(value: &Value) -> Option<(&'static AccountKind, &Value)> {
    KINDS.iter().find_map(|kind| {
        let block = value.get(kind.block)?;
        (!block.is_null()).then_some((kind, block))
    })
}

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

/// The account body (`{metadata, spec}`) for `plan`'s kind block; the secrets come from
/// `config` (write-only values are only there).
pub(super) fn body(kind: &AccountKind, plan: &Value, config: &Value) -> Json {
    let block = plan.get(kind.block).cloned().unwrap_or(Value::Null);
    let secrets = config.get(kind.block).cloned().unwrap_or(Value::Null);
    let mut spec = Map::new();
    for field in kind.fields {
        if let Some(value) = block.get(field.attr).and_then(|v| to_json(v, field.ty)) {
            put(&mut spec, field.key, value);
        }
    }
    for secret in kind.secrets {
        if let Some(value) = secrets.get(secret.attr).and_then(|v| to_json(v, secret.ty)) {
            put(&mut spec, secret.key, value);
        }
    }
    let mut metadata = json!({"name": plan.get_str("name").unwrap_or_default()});
    if let Some(gateway) = block.get_str("private_cloud_gateway_id") {
        metadata["annotations"] = json!({ GATEWAY_ANNOTATION: gateway });
    }
    json!({"metadata": metadata, "spec": Json::Object(spec)})
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
                .filter(|(k, _)| !secret_key_name(k))
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

/// The kind block as Palette reports the account `doc`; write-only secrets null, their versions
/// kept from `prior` (Palette knows nothing of them).
pub(super) fn block_state(kind: &AccountKind, doc: &Json, prior: &Value) -> Value {
    let spec = doc.get("spec").cloned().unwrap_or(Json::Null);
    let prior = prior.get(kind.block).cloned().unwrap_or(Value::Null);
    let mut out = BTreeMap::new();
    for field in kind.fields {
        out.insert(
            field.attr.to_string(),
            from_json(get(&spec, field.key), field.ty, field.default),
        );
    }
    for secret in kind.secrets {
        out.insert(secret.attr.to_string(), Value::Null);
        let version = version_attr(secret.attr);
        let kept = prior.get(&version).cloned().unwrap_or(Value::Null);
        out.insert(version, kept);
    }
    if kind.gateway {
        let gateway = doc
            .pointer(&format!("/metadata/annotations/{GATEWAY_ANNOTATION}"))
            .and_then(Json::as_str)
            .filter(|g| !g.is_empty())
            .map_or(Value::Null, |g| Value::from(g.to_owned()));
        out.insert("private_cloud_gateway_id".to_string(), gateway);
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::cloud_account::kinds::by_block;

    fn obj(pairs: &[(&str, Value)]) -> Value {
        Value::Object(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn a_body_nests_its_fields_and_takes_secrets_from_the_config() {
        let aws = by_block("aws").unwrap();
        let block = obj(&[
            ("credential_type", "sts".into()),
            ("arn", "arn:aws:iam::1:role/palette".into()),
            ("external_id", "ext".into()),
            ("secret_key", Value::Null),
        ]);
        let plan = obj(&[("name", "a".into()), ("aws", block.clone())]);
        let mut with_secret = block;
        with_secret.set("secret_key", "s3cr3t");
        let config = obj(&[("aws", with_secret)]);
        let body = body(aws, &plan, &config);
        assert_eq!(body["spec"]["sts"]["arn"], "arn:aws:iam::1:role/palette");
        assert_eq!(body["spec"]["sts"]["externalId"], "ext");
        assert_eq!(body["spec"]["secretKey"], "s3cr3t");
        assert_eq!(body["metadata"]["name"], "a");
    }

    #[test]
    fn custom_credentials_merge_and_read_back_without_secrets() {
        let nutanix = by_block("nutanix").unwrap();
        let creds = Value::Map(BTreeMap::from([(
            "NUTANIX_ENDPOINT".to_string(),
            Value::from("https://pc:9440"),
        )]));
        let secret = Value::Map(BTreeMap::from([(
            "NUTANIX_PASSWORD".to_string(),
            Value::from("pw"),
        )]));
        let plan = obj(&[
            ("name", "n".into()),
            ("nutanix", obj(&[("credentials", creds.clone())])),
        ]);
        let config = obj(&[("nutanix", obj(&[("secret_credentials", secret)]))]);
        let body = body(nutanix, &plan, &config);
        assert_eq!(body["spec"]["credentials"]["NUTANIX_PASSWORD"], "pw");
        assert_eq!(
            body["spec"]["credentials"]["NUTANIX_ENDPOINT"],
            "https://pc:9440"
        );
        let mut read = body.clone();
        read["spec"]["credentials"]["NUTANIX_PASSWORD"] = json!("");
        let state = block_state(nutanix, &read, &Value::Null);
        assert_eq!(state.get("credentials"), Some(&creds));
        assert_eq!(state.get("secret_credentials"), Some(&Value::Null));
    }
}
