//! The configuration as an API body, and an API document as state: the kind's fields sit in
//! the location's `spec.config` (`kind_table::write_spec` and `read_block`), with the name in
//! `metadata` and the default flag in `spec.isDefault`.

use serde_json::{Value as Json, json};
use tfplugin::{Value, ValueExt};

use super::kinds::{KINDS, LocationKind};
use crate::resources::kind_table::{self, read_block, write_spec};

/// The kind block that is set, and its value.
pub(super) fn kind_of(value: &Value) -> Option<(&'static LocationKind, &Value)> {
    kind_table::kind_of(KINDS, value)
}

/// The location body (`{metadata, spec: {config, isDefault, type}}`) for `plan`'s kind block;
/// the secrets come from `config` (write-only values are only there).
pub(super) fn body(kind: &LocationKind, plan: &Value, config: &Value) -> Json {
    let block = plan.get(kind.block).cloned().unwrap_or(Value::Null);
    let secrets = config.get(kind.block).cloned().unwrap_or(Value::Null);
    json!({
        "metadata": {"name": plan.get_str("name").unwrap_or_default()},
        "spec": {
            "config": Json::Object(write_spec(kind, &block, &secrets)),
            "isDefault": plan.get_bool("is_default").unwrap_or(false),
            "type": kind.api.segment(),
        },
    })
}

/// Whether Palette reports the location `doc` as its scope's default.
pub(super) fn is_default(doc: &Json) -> bool {
    doc.pointer("/spec/isDefault")
        .and_then(Json::as_bool)
        .unwrap_or(false)
}

/// Sets the name, the default flag and the kind block from Palette's document `doc`; write-only
/// secrets null, their versions kept from the state (Palette knows nothing of them).
pub(super) fn set_from_doc(state: &mut Value, kind: &LocationKind, doc: &Json) {
    if let Some(name) = doc.pointer("/metadata/name").and_then(Json::as_str) {
        state.set("name", name.to_owned());
    }
    state.set("is_default", is_default(doc));
    let config = doc.pointer("/spec/config").cloned().unwrap_or(Json::Null);
    let prior = state.get(kind.block).cloned().unwrap_or(Value::Null);
    state.set(kind.block, Value::Object(read_block(kind, &config, &prior)));
}

/// The kind block of a location not read yet (an import): every field at its default.
pub(super) fn empty_block(kind: &LocationKind) -> Value {
    Value::Object(read_block(kind, &Json::Null, &Value::Null))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::backup_storage_location::kinds::by_block;
    use crate::resources::kind_table::obj;

    #[test]
    fn a_body_puts_fields_in_the_config_and_reads_back_without_secrets() {
        let s3 = by_block("s3").unwrap();
        let block = obj(&[
            ("bucket_name", "backups".into()),
            ("region", "us-east-1".into()),
            ("force_path_style", false.into()),
            ("credential_type", "sts".into()),
            ("arn", "arn:aws:iam::1:role/velero".into()),
            ("external_id", "ext".into()),
        ]);
        let plan = obj(&[
            ("name", "bsl".into()),
            ("is_default", true.into()),
            ("s3", block.clone()),
        ]);
        let mut with_secret = block;
        with_secret.set("secret_key", "s3cr3t");
        let config = obj(&[("s3", with_secret)]);
        let body = body(s3, &plan, &config);
        assert_eq!(body["spec"]["type"], "s3");
        assert_eq!(body["spec"]["isDefault"], true);
        let sent = &body["spec"]["config"];
        assert_eq!(sent["bucketName"], "backups");
        assert_eq!(sent["s3ForcePathStyle"], false);
        assert_eq!(
            sent["credentials"]["sts"]["arn"],
            "arn:aws:iam::1:role/velero"
        );
        assert_eq!(sent["credentials"]["secretKey"], "s3cr3t");

        let mut read = body.clone();
        read["spec"]["config"]["credentials"]
            .as_object_mut()
            .unwrap()
            .remove("secretKey");
        let mut state = obj(&[("s3", obj(&[("secret_key_wo_version", Value::from(2i64))]))]);
        set_from_doc(&mut state, s3, &read);
        let block = state.get("s3").unwrap();
        assert_eq!(block.get_str("external_id"), Some("ext"));
        assert_eq!(block.get("s3_url"), Some(&Value::Null));
        assert_eq!(block.get("secret_key"), Some(&Value::Null));
        assert_eq!(block.get("secret_key_wo_version"), Some(&Value::from(2i64)));
        assert_eq!(state.get("is_default"), Some(&Value::from(true)));
        assert_eq!(state.get_str("name"), Some("bsl"));
    }
}
