//! The configuration as an API body, and an API document as state: both walk the kind table
//! (`kind_table::write_spec` and `read_block` over the account's `spec`).

use serde_json::{Value as Json, json};
use tfplugin::{Value, ValueExt};

use super::kinds::{AccountKind, KINDS, secret_key_name};
use crate::resources::kind_table::{self, FieldType, read_block, write_spec};

/// The annotation linking an account to its private cloud gateway.
pub(super) const GATEWAY_ANNOTATION: &str = "overlordUid";

/// The kind block that is set, and its value.
pub(super) fn kind_of(value: &Value) -> Option<(&'static AccountKind, &Value)> {
    kind_table::kind_of(KINDS, value)
}

/// The account body (`{metadata, spec}`) for `plan`'s kind block; the secrets come from
/// `config` (write-only values are only there).
pub(super) fn body(kind: &AccountKind, plan: &Value, config: &Value) -> Json {
    let block = plan.get(kind.block).cloned().unwrap_or(Value::Null);
    let secrets = config.get(kind.block).cloned().unwrap_or(Value::Null);
    let spec = write_spec(kind, &block, &secrets);
    let mut metadata = json!({"name": plan.get_str("name").unwrap_or_default()});
    if let Some(gateway) = block.get_str("private_cloud_gateway_id") {
        metadata["annotations"] = json!({ GATEWAY_ANNOTATION: gateway });
    }
    json!({"metadata": metadata, "spec": Json::Object(spec)})
}

/// The kind block as Palette reports the account `doc`; write-only secrets null, their versions
/// kept from `prior` (Palette knows nothing of them). A credentials map reads back without the
/// keys whose values Palette hides.
pub(super) fn block_state(kind: &AccountKind, doc: &Json, prior: &Value) -> Value {
    let spec = doc.get("spec").cloned().unwrap_or(Json::Null);
    let prior = prior.get(kind.block).cloned().unwrap_or(Value::Null);
    let mut out = read_block(kind, &spec, &prior);
    for field in kind.fields.iter().filter(|f| f.ty == FieldType::Map) {
        if let Some(Value::Map(map)) = out.get_mut(field.attr) {
            map.retain(|k, _| !secret_key_name(k));
            if map.is_empty() {
                out.insert(field.attr.to_string(), Value::Null);
            }
        }
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
    use crate::resources::kind_table::obj;
    use std::collections::BTreeMap;

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
