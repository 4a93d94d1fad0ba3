//! Attributes and nested attributes, with their builders.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use super::{Nesting, nest};
use crate::plan_modifier::PlanModifier;
use crate::types::Type;
use crate::validator::{Validator, int_between};
use crate::value::Value;

/// One attribute of a block or of a nested attribute object.
///
/// Build one with a type constructor and chain the flags:
/// `Attribute::string("name").required().description("The name.")`.
#[derive(Clone)]
pub struct Attribute {
    /// The attribute name.
    pub name: String,
    /// A plain type, or nested attributes.
    pub kind: AttributeKind,
    /// Must be set in configuration.
    pub required: bool,
    /// May be set in configuration.
    pub optional: bool,
    /// Set by the provider (together with `optional`: set by the provider when not configured).
    pub computed: bool,
    /// Hidden in Terraform's output.
    pub sensitive: bool,
    /// Accepted in configuration but never stored in plan or state.
    pub write_only: bool,
    /// Whether the attribute is deprecated.
    pub deprecated: bool,
    /// What to use instead, shown when the attribute is deprecated.
    pub deprecation_message: String,
    /// Markdown description.
    pub description: String,
    /// Planned when the configuration leaves the attribute null (makes it computed).
    pub default: Option<Value>,
    /// Checks on the configured value.
    pub validators: Vec<Arc<dyn Validator>>,
    /// Adjustments of the planned value.
    pub plan_modifiers: Vec<Arc<dyn PlanModifier>>,
}

/// What an attribute holds.
#[derive(Clone, Debug)]
pub enum AttributeKind {
    /// A value of a plain type.
    Type(Type),
    /// Nested attributes (protocol 6 only): an object, or a collection of objects.
    Nested(NestedAttributes),
}

/// The attributes of a nested attribute and how they repeat.
#[derive(Clone, Debug)]
pub struct NestedAttributes {
    /// Single (an object), list, set or map of objects; group is treated as single.
    pub nesting: Nesting,
    /// The attributes of each object.
    pub attributes: Vec<Attribute>,
    /// The fewest elements allowed (0 for no minimum); checked by the framework, not Terraform.
    pub min_items: i64,
    /// The most elements allowed (0 for no maximum); checked by the framework, not Terraform.
    pub max_items: i64,
}

impl NestedAttributes {
    /// The type of one object.
    pub fn object_type(&self) -> Type {
        let attributes: BTreeMap<String, Type> = self
            .attributes
            .iter()
            .map(|a| (a.name.clone(), a.value_type()))
            .collect();
        Type::Object {
            attributes,
            optional: Default::default(),
        }
    }

    /// The type of the whole nested value.
    pub fn value_type(&self) -> Type {
        nest(self.nesting, self.object_type())
    }
}

impl Attribute {
    /// An attribute of type `ty` with no flags set.
    pub fn of_type(name: impl Into<String>, ty: Type) -> Self {
        Attribute::with_kind(name.into(), AttributeKind::Type(ty))
    }

    fn with_kind(name: String, kind: AttributeKind) -> Self {
        Attribute {
            name,
            kind,
            required: false,
            optional: false,
            computed: false,
            sensitive: false,
            write_only: false,
            deprecated: false,
            deprecation_message: String::new(),
            description: String::new(),
            default: None,
            validators: Vec::new(),
            plan_modifiers: Vec::new(),
        }
    }

    /// A string attribute.
    pub fn string(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::String)
    }

    /// A bool attribute.
    pub fn bool(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::Bool)
    }

    /// A number attribute (arbitrary precision).
    pub fn number(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::Number)
    }

    /// A number attribute that must be a whole number in `i64` range.
    pub fn int64(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::Number).validator(int_between(i64::MIN, i64::MAX))
    }

    /// A `list(element)` attribute.
    pub fn list(name: impl Into<String>, element: Type) -> Self {
        Self::of_type(name, Type::list(element))
    }

    /// A `set(element)` attribute.
    pub fn set(name: impl Into<String>, element: Type) -> Self {
        Self::of_type(name, Type::set(element))
    }

    /// A `map(element)` attribute.
    pub fn map(name: impl Into<String>, element: Type) -> Self {
        Self::of_type(name, Type::map(element))
    }

    /// An attribute of an object type (`Type::object(…)`).
    pub fn object(name: impl Into<String>, object_type: Type) -> Self {
        Self::of_type(name, object_type)
    }

    /// A `dynamic` attribute: any type, decided by the configuration.
    pub fn dynamic(name: impl Into<String>) -> Self {
        Self::of_type(name, Type::Dynamic)
    }

    /// A nested attribute: an object (single) or a list, set or map of objects with `attributes`.
    pub fn nested(name: impl Into<String>, nesting: Nesting, attributes: Vec<Attribute>) -> Self {
        Attribute::with_kind(
            name.into(),
            AttributeKind::Nested(NestedAttributes {
                nesting,
                attributes,
                min_items: 0,
                max_items: 0,
            }),
        )
    }

    /// Must be set in configuration.
    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// May be set in configuration.
    pub fn optional(mut self) -> Self {
        self.optional = true;
        self
    }

    /// Set by the provider.
    pub fn computed(mut self) -> Self {
        self.computed = true;
        self
    }

    /// Hidden in Terraform's output.
    pub fn sensitive(mut self) -> Self {
        self.sensitive = true;
        self
    }

    /// Never stored in plan or state.
    pub fn write_only(mut self) -> Self {
        self.write_only = true;
        self
    }

    /// Deprecated, with a message saying what to use instead.
    pub fn deprecated(mut self, message: impl Into<String>) -> Self {
        self.deprecated = true;
        self.deprecation_message = message.into();
        self
    }

    /// Sets the markdown description.
    pub fn description(mut self, markdown: impl Into<String>) -> Self {
        self.description = markdown.into();
        self
    }

    /// The value planned when the configuration leaves the attribute null; makes the attribute
    /// computed, since the provider then decides its value.
    pub fn default(mut self, value: impl Into<Value>) -> Self {
        self.default = Some(value.into());
        self.computed = true;
        self
    }

    /// Adds a validator.
    pub fn validator(mut self, v: impl Validator + 'static) -> Self {
        self.validators.push(Arc::new(v));
        self
    }

    /// Adds a plan modifier.
    pub fn plan_modifier(mut self, m: impl PlanModifier + 'static) -> Self {
        self.plan_modifiers.push(Arc::new(m));
        self
    }

    /// Sets the fewest elements of a nested attribute (no effect on other attributes).
    pub fn min_items(mut self, n: i64) -> Self {
        if let AttributeKind::Nested(nested) = &mut self.kind {
            nested.min_items = n;
        }
        self
    }

    /// Sets the most elements of a nested attribute (no effect on other attributes).
    pub fn max_items(mut self, n: i64) -> Self {
        if let AttributeKind::Nested(nested) = &mut self.kind {
            nested.max_items = n;
        }
        self
    }

    /// The nested attributes, if this is a nested attribute.
    pub fn nested_attributes(&self) -> Option<&NestedAttributes> {
        match &self.kind {
            AttributeKind::Nested(nested) => Some(nested),
            AttributeKind::Type(_) => None,
        }
    }

    /// The type of the attribute's value (optional-attribute markers removed, as Terraform
    /// does for values).
    pub fn value_type(&self) -> Type {
        match &self.kind {
            AttributeKind::Type(t) => t.without_optional(),
            AttributeKind::Nested(nested) => nested.value_type(),
        }
    }
}

impl fmt::Debug for Attribute {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Attribute")
            .field("name", &self.name)
            .field("kind", &self.kind)
            .field("required", &self.required)
            .field("optional", &self.optional)
            .field("computed", &self.computed)
            .field("sensitive", &self.sensitive)
            .field("write_only", &self.write_only)
            .field("deprecated", &self.deprecated)
            .field("deprecation_message", &self.deprecation_message)
            .field("description", &self.description)
            .field("default", &self.default)
            .field(
                "validators",
                &super::validator_descriptions(&self.validators),
            )
            .field(
                "plan_modifiers",
                &super::plan_modifier_descriptions(&self.plan_modifiers),
            )
            .finish()
    }
}
