//! `DynamicValue` <-> [`Value`], and private data bytes <-> [`PrivateState`].

use crate::proto::tfplugin6 as pb;
use crate::resource::PrivateState;
use crate::{Diagnostics, Type, Value};

/// Decodes a dynamic value of type `ty` (msgpack, or JSON when only JSON is set). A missing
/// value is null. A malformed one is reported in `diags` and read as null.
pub(crate) fn decode(
    dv: Option<&pb::DynamicValue>,
    ty: &Type,
    what: &str,
    diags: &mut Diagnostics,
) -> Value {
    match decode_optional(dv, ty) {
        Ok(v) => v,
        Err(e) => {
            diags.error(
                "Unable to Read Value",
                format!(
                    "Terraform sent a {what} that does not match the provider's schema. This is a \
                     bug in the provider or in Terraform, which should be reported.\n\nOriginal \
                     Error: {e}"
                ),
            );
            Value::Null
        }
    }
}

/// Decodes a dynamic value of type `ty`; a missing or empty value is null.
pub(crate) fn decode_optional(dv: Option<&pb::DynamicValue>, ty: &Type) -> Result<Value, String> {
    let Some(dv) = dv else {
        return Ok(Value::Null);
    };
    if !dv.msgpack.is_empty() {
        Value::from_msgpack(&dv.msgpack, ty).map_err(|e| e.to_string())
    } else if !dv.json.is_empty() {
        Value::from_json(&dv.json, ty).map_err(|e| e.to_string())
    } else {
        Ok(Value::Null)
    }
}

/// Encodes `value` of type `ty` as msgpack. A value built by hand in a slightly different shape
/// (a list for a set, an object missing null attributes) is first reshaped with
/// [`Value::conform`]. A failure (the provider produced a value that does not fit its own
/// schema) is reported in `diags`, and null is sent instead.
pub(crate) fn encode(
    value: &Value,
    ty: &Type,
    what: &str,
    diags: &mut Diagnostics,
) -> Option<pb::DynamicValue> {
    let encoded = value
        .to_msgpack(ty)
        .or_else(|_| value.clone().conform(ty).and_then(|v| v.to_msgpack(ty)));
    match encoded {
        Ok(msgpack) => Some(pb::DynamicValue {
            msgpack,
            json: Vec::new(),
        }),
        Err(e) => {
            diags.error(
                "Unable to Encode Value",
                format!(
                    "The provider produced a {what} that does not match its own schema. This is \
                     a bug in the provider, which should be reported in the provider's own issue \
                     tracker.\n\nOriginal Error: {e}"
                ),
            );
            Value::Null
                .to_msgpack(ty)
                .ok()
                .map(|msgpack| pb::DynamicValue {
                    msgpack,
                    json: Vec::new(),
                })
        }
    }
}

/// Decodes private data bytes; malformed data is reported and read as empty.
pub(crate) fn private_from_proto(bytes: &[u8], diags: &mut Diagnostics) -> PrivateState {
    PrivateState::from_bytes(bytes).unwrap_or_else(|e| {
        diags.error(
            "Unable to Read Private State",
            format!(
                "The private data stored with this resource is not valid. This is a bug in the \
                 provider, which should be reported in the provider's own issue tracker.\n\n\
                 Original Error: {e}"
            ),
        );
        PrivateState::new()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_empty_values_are_null() {
        let mut diags = Diagnostics::new();
        assert_eq!(
            decode(None, &Type::String, "config", &mut diags),
            Value::Null
        );
        let empty = pb::DynamicValue::default();
        assert_eq!(
            decode(Some(&empty), &Type::String, "config", &mut diags),
            Value::Null
        );
        assert!(diags.is_empty());
    }

    #[test]
    fn round_trip_and_malformed_input() {
        let ty = Type::object([("a", Type::String)]);
        let v = Value::Object([("a".to_string(), Value::from("x"))].into());
        let mut diags = Diagnostics::new();
        let dv = encode(&v, &ty, "state", &mut diags).unwrap();
        assert_eq!(decode(Some(&dv), &ty, "state", &mut diags), v);
        assert!(diags.is_empty());
        // A hand-built object missing a null attribute and using a list for a set is reshaped.
        let ty2 = Type::object([("a", Type::String), ("s", Type::set(Type::String))]);
        let loose = Value::Object([("s".to_string(), Value::List(vec![Value::from("x")]))].into());
        let dv = encode(&loose, &ty2, "state", &mut diags).unwrap();
        let back = decode(Some(&dv), &ty2, "state", &mut diags);
        assert_eq!(back.get("a"), Some(&Value::Null));
        assert_eq!(back.get("s"), Some(&Value::Set(vec![Value::from("x")])));
        assert!(diags.is_empty(), "{diags:?}");
        let bad = pb::DynamicValue {
            msgpack: vec![0xc1],
            json: Vec::new(),
        };
        assert_eq!(decode(Some(&bad), &ty, "state", &mut diags), Value::Null);
        assert!(diags.has_errors());
    }
}
