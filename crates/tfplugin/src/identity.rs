//! Resource identity: the few attributes that name a managed resource's remote object, kept by
//! Terraform next to the state (Terraform 1.12 and later).
//!
//! A resource offers an identity by returning an [`IdentitySchema`] from
//! [`Resource::identity_schema`](crate::Resource::identity_schema). Terraform then shows the
//! identity in `terraform show -json`, accepts `import { identity = {…} }` instead of an id, and
//! `terraform query` lists objects by identity. Handlers set the identity in their responses
//! (`resp.identity`), which the engine pre-fills: with the prior identity on read and update,
//! null attributes on create, the requested identity on import. An identity must not change
//! during the life of an object; the engine reports it as an error if a handler changes it.
//!
//! ```
//! use tfplugin::identity::{IdentityAttribute, IdentitySchema};
//!
//! let identity = IdentitySchema::new(0)
//!     .attribute(IdentityAttribute::string("id").required_for_import().description("Identifier."));
//! assert_eq!(identity.value_type().to_string(), "object({id=string})");
//! ```

use std::collections::BTreeMap;

use crate::proto::tfplugin6 as pb;
use crate::{Type, Value};

/// The identity of a resource type: its attributes and its own version (separate from the
/// state's schema version).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdentitySchema {
    /// Bumped whenever the identity's shape changes, so that stored identities get upgraded
    /// with [`Resource::upgrade_identity`](crate::Resource::upgrade_identity).
    pub version: i64,
    /// The attributes.
    pub attributes: Vec<IdentityAttribute>,
}

/// One attribute of an identity.
#[derive(Clone, Debug, PartialEq)]
pub struct IdentityAttribute {
    /// The attribute name.
    pub name: String,
    /// Its type (a plain type: identities have no nested attributes or blocks).
    pub ty: Type,
    /// Must be given in an `import { identity = {…} }` block.
    pub required_for_import: bool,
    /// May be given in an `import { identity = {…} }` block (Terraform or the provider fills it
    /// in otherwise).
    pub optional_for_import: bool,
    /// Markdown description.
    pub description: String,
}

impl IdentitySchema {
    /// An identity schema at `version`, with no attributes yet.
    pub fn new(version: i64) -> Self {
        IdentitySchema {
            version,
            attributes: Vec::new(),
        }
    }

    /// Adds an attribute.
    pub fn attribute(mut self, attribute: IdentityAttribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// The object type of an identity value.
    pub fn value_type(&self) -> Type {
        Type::object(
            self.attributes
                .iter()
                .map(|a| (a.name.clone(), a.ty.clone())),
        )
    }

    /// An identity with every attribute null: what a handler fills in when nothing is known.
    pub fn null_value(&self) -> Value {
        self.value_with(|| Value::Null)
    }

    /// An identity with every attribute unknown: the planned identity of an object to create.
    pub fn unknown_value(&self) -> Value {
        self.value_with(Value::unknown)
    }

    /// The identity whose attributes are taken from the attributes of the same name in `state`
    /// (null where the state has none): the usual identity of a resource whose identity
    /// attributes are also state attributes.
    pub fn from_state(&self, state: &Value) -> Value {
        Value::Object(
            self.attributes
                .iter()
                .map(|a| {
                    let v = state.get(&a.name).cloned().unwrap_or(Value::Null);
                    (a.name.clone(), v)
                })
                .collect(),
        )
    }

    fn value_with(&self, make: impl Fn() -> Value) -> Value {
        let attrs: BTreeMap<String, Value> = self
            .attributes
            .iter()
            .map(|a| (a.name.clone(), make()))
            .collect();
        Value::Object(attrs)
    }

    /// Everything Terraform would reject in this identity schema.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.attributes.is_empty() {
            out.push("identity: an identity needs at least one attribute".to_string());
        }
        let mut seen = std::collections::BTreeSet::new();
        for a in &self.attributes {
            if !seen.insert(a.name.as_str()) {
                out.push(format!(
                    "identity: attribute {:?} is declared twice",
                    a.name
                ));
            }
            if a.required_for_import && a.optional_for_import {
                out.push(format!(
                    "identity: attribute {:?} cannot be both required and optional for import",
                    a.name
                ));
            }
            if !a.required_for_import && !a.optional_for_import {
                out.push(format!(
                    "identity: attribute {:?} must be required or optional for import",
                    a.name
                ));
            }
        }
        out
    }

    /// The identity schema as a wire message (attributes sorted by name).
    pub fn to_proto(&self) -> pb::ResourceIdentitySchema {
        let mut identity_attributes: Vec<pb::resource_identity_schema::IdentityAttribute> = self
            .attributes
            .iter()
            .map(|a| pb::resource_identity_schema::IdentityAttribute {
                name: a.name.clone(),
                r#type: a.ty.to_json(),
                required_for_import: a.required_for_import,
                optional_for_import: a.optional_for_import,
                description: a.description.clone(),
            })
            .collect();
        identity_attributes.sort_by(|a, b| a.name.cmp(&b.name));
        pb::ResourceIdentitySchema {
            version: self.version,
            identity_attributes,
        }
    }
}

impl IdentityAttribute {
    /// An attribute of type `ty`, neither required nor optional for import yet.
    pub fn of_type(name: impl Into<String>, ty: Type) -> Self {
        IdentityAttribute {
            name: name.into(),
            ty,
            required_for_import: false,
            optional_for_import: false,
            description: String::new(),
        }
    }

    /// A string attribute.
    pub fn string(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::String)
    }

    /// A number attribute.
    pub fn number(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::Number)
    }

    /// A bool attribute.
    pub fn bool(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::Bool)
    }

    /// Must be given when importing by identity.
    pub fn required_for_import(mut self) -> Self {
        self.required_for_import = true;
        self.optional_for_import = false;
        self
    }

    /// May be given when importing by identity.
    pub fn optional_for_import(mut self) -> Self {
        self.optional_for_import = true;
        self.required_for_import = false;
        self
    }

    /// Sets the markdown description.
    pub fn description(mut self, markdown: impl Into<String>) -> Self {
        self.description = markdown.into();
        self
    }
}

/// Whether `identity` says nothing: null, or an object whose attributes are all null.
pub(crate) fn is_absent(identity: &Value) -> bool {
    match identity {
        Value::Null => true,
        Value::Object(attrs) => attrs.values().all(Value::is_null),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> IdentitySchema {
        IdentitySchema::new(2)
            .attribute(IdentityAttribute::string("name").required_for_import())
            .attribute(IdentityAttribute::string("region").optional_for_import())
    }

    #[test]
    fn values_and_wire_form() {
        let s = schema();
        assert!(is_absent(&s.null_value()));
        assert!(!is_absent(&s.unknown_value()));
        assert!(is_absent(&Value::Null));
        let mut state = Value::Object(BTreeMap::new());
        crate::ValueExt::set(&mut state, "name", "a");
        crate::ValueExt::set(&mut state, "other", "x");
        let id = s.from_state(&state);
        assert_eq!(id.get("name"), Some(&Value::from("a")));
        assert_eq!(id.get("region"), Some(&Value::Null));
        assert!(id.get("other").is_none());
        assert!(id.to_msgpack(&s.value_type()).is_ok());

        let wire = s.to_proto();
        assert_eq!(wire.version, 2);
        let names: Vec<&str> = wire
            .identity_attributes
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert_eq!(names, ["name", "region"]);
        assert!(wire.identity_attributes[0].required_for_import);
        assert!(wire.identity_attributes[1].optional_for_import);
        assert_eq!(wire.identity_attributes[0].r#type, b"\"string\"");
        assert!(s.problems().is_empty());
    }

    #[test]
    fn problems() {
        let bad = IdentitySchema::new(0)
            .attribute(IdentityAttribute::string("a"))
            .attribute(IdentityAttribute::string("a").required_for_import());
        let problems = bad.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            IdentitySchema::new(0).problems(),
            ["identity: an identity needs at least one attribute"]
        );
    }
}
