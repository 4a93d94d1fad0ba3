//! Reading a block's values into Rust and writing Rust back as Terraform values, and the JSON
//! conversions of the typed API models, shared by the environment files.

use std::collections::BTreeMap;

use tfplugin::{Value, ValueExt};

/// Serializes a typed API entity.
pub(crate) fn to_json<T: serde::Serialize>(entity: &T) -> Result<serde_json::Value, String> {
    serde_json::to_value(entity).map_err(|e| format!("cannot encode the request body: {e}"))
}

/// Deserializes a typed API response.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    body: serde_json::Value,
) -> Result<T, String> {
    serde_json::from_value(body).map_err(|e| format!("cannot read the cloud config: {e}"))
}

/// A string attribute of a block value (unknown and null read as absent).
pub(crate) fn get_string(value: &Value, name: &str) -> Option<String> {
    value.get_str(name).map(str::to_string)
}

/// A list-of-strings attribute of a block value (absent when null, unknown or partly unknown).
pub(crate) fn get_strings(value: &Value, name: &str) -> Option<Vec<String>> {
    let elements = value.get(name)?.as_elements()?;
    elements
        .iter()
        .map(|e| e.as_str().map(str::to_string))
        .collect()
}

/// A map-of-strings attribute of a block value.
pub(crate) fn get_string_map(value: &Value, name: &str) -> Option<BTreeMap<String, String>> {
    let map = value.get(name)?.as_map()?;
    map.iter()
        .map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_string())))
        .collect()
}

/// An optional string as a Terraform value.
pub(crate) fn opt_str(value: &Option<String>) -> Value {
    value.clone().map(Value::from).unwrap_or(Value::Null)
}

/// An optional whole number as a Terraform value.
pub(crate) fn opt_i64(value: Option<i64>) -> Value {
    value.map(Value::from).unwrap_or(Value::Null)
}

/// An optional bool as a Terraform value.
pub(crate) fn opt_bool(value: Option<bool>) -> Value {
    value.map(Value::from).unwrap_or(Value::Null)
}

/// An optional list of strings as a Terraform value.
pub(crate) fn opt_list(value: &Option<Vec<String>>) -> Value {
    match value {
        Some(items) => Value::List(items.iter().cloned().map(Value::from).collect()),
        None => Value::Null,
    }
}

/// Collects the block attributes an environment reads back; `None` values are left out.
#[derive(Debug, Default)]
pub(crate) struct BlockState(BTreeMap<&'static str, Value>);

impl BlockState {
    /// A string field.
    pub(crate) fn string(mut self, name: &'static str, value: Option<String>) -> Self {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            self.0.insert(name, Value::from(v));
        }
        self
    }

    /// A bool field.
    pub(crate) fn bool(mut self, name: &'static str, value: Option<bool>) -> Self {
        if let Some(v) = value {
            self.0.insert(name, Value::from(v));
        }
        self
    }

    /// A whole-number field.
    pub(crate) fn int(mut self, name: &'static str, value: Option<i64>) -> Self {
        if let Some(v) = value {
            self.0.insert(name, Value::from(v));
        }
        self
    }

    /// A list-of-strings field.
    pub(crate) fn strings(mut self, name: &'static str, value: Option<Vec<String>>) -> Self {
        if let Some(v) = value {
            self.0.insert(name, opt_list(&Some(v)));
        }
        self
    }

    /// The collected fields.
    pub(crate) fn done(self) -> BTreeMap<&'static str, Value> {
        self.0
    }
}

/// A non-empty string or `None`.
pub(crate) fn non_empty(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.is_empty())
}
