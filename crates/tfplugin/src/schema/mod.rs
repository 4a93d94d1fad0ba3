//! Schemas: the shape of a provider's, resource's or data source's configuration and state.
//!
//! A schema is a tree of [`Block`]s. A block has [`Attribute`]s (typed values, or nested
//! attributes) and [`NestedBlock`]s. Attributes also carry the framework's behaviour: defaults,
//! validators and plan modifiers. Descriptions are markdown.
//!
//! ```
//! use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema};
//! let schema = Schema::new(
//!     0,
//!     Block::new()
//!         .description("A thing.")
//!         .attribute(Attribute::string("id").computed().description("Identifier."))
//!         .attribute(Attribute::string("name").required().description("Name."))
//!         .block(NestedBlock::new(
//!             "rule",
//!             Nesting::List,
//!             Block::new().attribute(Attribute::int64("port").required().description("Port.")),
//!         )),
//! );
//! assert_eq!(
//!     schema.value_type().to_string(),
//!     "object({id=string, name=string, rule=list(object({port=number}))})"
//! );
//! ```

mod attribute;
mod check;
mod nested_block;
mod proto;

use std::collections::BTreeMap;
use std::sync::Arc;

pub use attribute::{Attribute, AttributeKind, NestedAttributes};
pub use nested_block::NestedBlock;

use crate::plan_modifier::PlanModifier;
use crate::types::Type;
use crate::validator::Validator;

/// A versioned schema: a root block plus the version of the stored shape.
#[derive(Clone, Debug, Default)]
pub struct Schema {
    /// Bumped whenever the stored shape changes, so that older state gets upgraded.
    pub version: i64,
    /// The root block.
    pub block: Block,
}

impl Schema {
    /// A schema at `version` with root `block`.
    pub fn new(version: i64, block: Block) -> Self {
        Schema { version, block }
    }

    /// The object type of a value of this schema.
    pub fn value_type(&self) -> Type {
        self.block.value_type()
    }
}

/// A block: attributes and nested blocks.
#[derive(Clone, Debug, Default)]
pub struct Block {
    /// The block's attributes.
    pub attributes: Vec<Attribute>,
    /// The block's nested block types.
    pub blocks: Vec<NestedBlock>,
    /// Markdown description.
    pub description: String,
    /// Whether the whole block is deprecated.
    pub deprecated: bool,
}

impl Block {
    /// An empty block.
    pub fn new() -> Self {
        Block::default()
    }

    /// A value of this block with every attribute null and every nested block absent (empty
    /// for lists, sets and maps): what an import handler starts from.
    pub fn null_value(&self) -> crate::Value {
        crate::engine::null_object(self)
    }

    /// Adds an attribute.
    pub fn attribute(mut self, attribute: Attribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// Adds a nested block type.
    pub fn block(mut self, block: NestedBlock) -> Self {
        self.blocks.push(block);
        self
    }

    /// Sets the markdown description.
    pub fn description(mut self, markdown: impl Into<String>) -> Self {
        self.description = markdown.into();
        self
    }

    /// Marks the block deprecated.
    pub fn deprecated(mut self) -> Self {
        self.deprecated = true;
        self
    }

    /// The attribute named `name`.
    pub fn find_attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name == name)
    }

    /// The nested block type named `type_name`.
    pub fn find_block(&self, type_name: &str) -> Option<&NestedBlock> {
        self.blocks.iter().find(|b| b.type_name == type_name)
    }

    /// The object type of a value of this block, as Terraform derives it: one attribute per
    /// attribute and per nested block type. Nested attributes give `object` (single), `list`,
    /// `set` or `map` of `object`; nested blocks the same (group counts as single). A list or map
    /// whose object contains `dynamic` becomes `dynamic` itself, as in Terraform, since its
    /// elements may then differ in type.
    pub fn value_type(&self) -> Type {
        let mut attributes = BTreeMap::new();
        for a in &self.attributes {
            attributes.insert(a.name.clone(), a.value_type());
        }
        for b in &self.blocks {
            attributes.insert(b.type_name.clone(), nest(b.nesting, b.block.value_type()));
        }
        Type::Object {
            attributes,
            optional: Default::default(),
        }
    }
}

/// How a nested block or nested attribute repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Nesting {
    /// At most one, as an object (null when absent).
    Single,
    /// Exactly one, as an object that is never null (blocks only; nested attributes treat it as
    /// single).
    Group,
    /// An ordered list of objects.
    List,
    /// A set of objects.
    Set,
    /// A map of objects, keyed by the block label or map key.
    Map,
}

/// The descriptions of `validators`, for `Debug` output.
fn validator_descriptions(validators: &[Arc<dyn Validator>]) -> Vec<String> {
    validators.iter().map(|v| v.description()).collect()
}

/// The descriptions of `modifiers`, for `Debug` output.
fn plan_modifier_descriptions(modifiers: &[Arc<dyn PlanModifier>]) -> Vec<String> {
    modifiers.iter().map(|m| m.description()).collect()
}

/// The type of a nested value holding objects of type `object` with the given nesting.
pub(crate) fn nest(nesting: Nesting, object: Type) -> Type {
    match nesting {
        Nesting::Single | Nesting::Group => object,
        Nesting::List if object.has_dynamic() => Type::Dynamic,
        Nesting::List => Type::list(object),
        Nesting::Set => Type::set(object),
        Nesting::Map if object.has_dynamic() => Type::Dynamic,
        Nesting::Map => Type::map(object),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner() -> Vec<Attribute> {
        vec![
            Attribute::string("name").required(),
            Attribute::number("size").optional(),
        ]
    }

    fn inner_type() -> Type {
        Type::object([("name", Type::String), ("size", Type::Number)])
    }

    #[test]
    fn value_types() {
        let cases: Vec<(&str, Block, Type)> = vec![
            (
                "empty",
                Block::new(),
                Type::object(Vec::<(String, Type)>::new()),
            ),
            (
                "nested attribute single",
                Block::new().attribute(Attribute::nested("n", Nesting::Single, inner())),
                Type::object([("n", inner_type())]),
            ),
            (
                "nested attribute list",
                Block::new().attribute(Attribute::nested("n", Nesting::List, inner())),
                Type::object([("n", Type::list(inner_type()))]),
            ),
            (
                "nested attribute set",
                Block::new().attribute(Attribute::nested("n", Nesting::Set, inner())),
                Type::object([("n", Type::set(inner_type()))]),
            ),
            (
                "nested attribute map",
                Block::new().attribute(Attribute::nested("n", Nesting::Map, inner())),
                Type::object([("n", Type::map(inner_type()))]),
            ),
            (
                "block single",
                Block::new().block(NestedBlock::new(
                    "b",
                    Nesting::Single,
                    Block::new().attribute(Attribute::bool("x")),
                )),
                Type::object([("b", Type::object([("x", Type::Bool)]))]),
            ),
            (
                "block group",
                Block::new().block(NestedBlock::new(
                    "b",
                    Nesting::Group,
                    Block::new().attribute(Attribute::bool("x")),
                )),
                Type::object([("b", Type::object([("x", Type::Bool)]))]),
            ),
            (
                "block list",
                Block::new().block(NestedBlock::new("b", Nesting::List, Block::new())),
                Type::object([("b", Type::list(Type::object(Vec::<(String, Type)>::new())))]),
            ),
            (
                "block set",
                Block::new().block(NestedBlock::new(
                    "b",
                    Nesting::Set,
                    Block::new().attribute(Attribute::bool("x")),
                )),
                Type::object([("b", Type::set(Type::object([("x", Type::Bool)])))]),
            ),
            (
                "block map",
                Block::new().block(NestedBlock::new(
                    "b",
                    Nesting::Map,
                    Block::new().attribute(Attribute::bool("x")),
                )),
                Type::object([("b", Type::map(Type::object([("x", Type::Bool)])))]),
            ),
            (
                "block list with dynamic",
                Block::new().block(NestedBlock::new(
                    "b",
                    Nesting::List,
                    Block::new().attribute(Attribute::dynamic("d")),
                )),
                Type::object([("b", Type::Dynamic)]),
            ),
            (
                "typed attributes",
                Block::new()
                    .attribute(Attribute::list("l", Type::String))
                    .attribute(Attribute::set("s", Type::Number))
                    .attribute(Attribute::map("m", Type::Bool))
                    .attribute(Attribute::object("o", Type::object([("a", Type::String)])))
                    .attribute(Attribute::int64("i")),
                Type::object([
                    ("l", Type::list(Type::String)),
                    ("s", Type::set(Type::Number)),
                    ("m", Type::map(Type::Bool)),
                    ("o", Type::object([("a", Type::String)])),
                    ("i", Type::Number),
                ]),
            ),
        ];
        for (name, block, want) in cases {
            assert_eq!(block.value_type(), want, "{name}");
        }
    }
}
