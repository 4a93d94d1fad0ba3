//! Nested block types.

use std::fmt;
use std::sync::Arc;

use super::{Block, Nesting};
use crate::plan_modifier::PlanModifier;
use crate::validator::Validator;

/// A nested block type within a block, like `rule { … }` repeated per `nesting`.
#[derive(Clone)]
pub struct NestedBlock {
    /// The block type name as written in configuration.
    pub type_name: String,
    /// How the block repeats.
    pub nesting: Nesting,
    /// The block's contents.
    pub block: Block,
    /// The fewest blocks allowed (0 for no minimum).
    pub min_items: i64,
    /// The most blocks allowed (0 for no maximum).
    pub max_items: i64,
    /// Checks on the block's value.
    pub validators: Vec<Arc<dyn Validator>>,
    /// Adjustments of the block's planned value.
    pub plan_modifiers: Vec<Arc<dyn PlanModifier>>,
    /// The attribute that identifies an element of a list or set block (see [`NestedBlock::key`]).
    pub key: Option<String>,
}

impl NestedBlock {
    /// A nested block type named `type_name`.
    pub fn new(type_name: impl Into<String>, nesting: Nesting, block: Block) -> Self {
        NestedBlock {
            type_name: type_name.into(),
            nesting,
            block,
            min_items: 0,
            max_items: 0,
            validators: Vec::new(),
            plan_modifiers: Vec::new(),
            key: None,
        }
    }

    /// Sets the fewest blocks allowed.
    pub fn min_items(mut self, n: i64) -> Self {
        self.min_items = n;
        self
    }

    /// Sets the most blocks allowed.
    pub fn max_items(mut self, n: i64) -> Self {
        self.max_items = n;
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

    /// Identifies the elements of a list or set block by the value of the attribute `name`
    /// (which should be required and unique), instead of by position or whole value.
    ///
    /// Plan modifiers inside an element then compare it with the prior element of the same key:
    /// reordering the blocks changes nothing an element's modifiers see, and an element whose
    /// key the prior state lacks (or whose key is unknown) is new, so its attributes have no
    /// prior value to change from.
    pub fn key(mut self, name: impl Into<String>) -> Self {
        self.key = Some(name.into());
        self
    }
}

impl fmt::Debug for NestedBlock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NestedBlock")
            .field("type_name", &self.type_name)
            .field("nesting", &self.nesting)
            .field("block", &self.block)
            .field("min_items", &self.min_items)
            .field("max_items", &self.max_items)
            .field("key", &self.key)
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
