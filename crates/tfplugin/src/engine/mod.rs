//! The framework's native logic, one file per RPC: it sees only native types ([`Value`],
//! [`Schema`], [`Diagnostics`]) and the provider's traits, never the wire. The `server` module
//! decodes each request, calls the function here of the same name, and encodes the result.
//!
//! Shared here: [`walk`], a schema-driven traversal that visits every attribute and nested block
//! of a value (parents before children) together with the matching configuration and prior state,
//! and small value helpers used by several RPCs.

pub(crate) mod action;
pub(crate) mod apply_resource_change;
pub(crate) mod call_function;
pub(crate) mod configure_provider;
pub(crate) mod ephemeral_resource;
pub(crate) mod generate_resource_config;
pub(crate) mod identity;
pub(crate) mod import_resource_state;
pub(crate) mod list_resource;
pub(crate) mod move_resource_state;
pub(crate) mod plan_resource_change;
pub(crate) mod read_data_source;
pub(crate) mod read_resource;
pub(crate) mod upgrade_resource_identity;
pub(crate) mod upgrade_resource_state;
pub(crate) mod validate_config;

use std::collections::BTreeMap;

use crate::schema::{Attribute, AttributeKind, Block, NestedBlock, Nesting};
use crate::{AttributePath, Diagnostics, Value};

/// The attributes and nested blocks of one object level: a block, or the object of a nested
/// attribute (which has no blocks).
#[derive(Clone, Copy)]
pub(crate) struct Level<'s> {
    pub(crate) attributes: &'s [Attribute],
    pub(crate) blocks: &'s [NestedBlock],
}

impl<'s> Level<'s> {
    /// The level of a block.
    pub(crate) fn of_block(block: &'s Block) -> Self {
        Level {
            attributes: &block.attributes,
            blocks: &block.blocks,
        }
    }
}

/// Where [`walk`] is: the path of the visited attribute or block, the values at the same place
/// in the configuration and the prior state (null when absent), the configuration object that
/// holds it with that object's path, and the prior value of that object (null when the object
/// is new: on creation, or a block element the prior state lacks).
#[derive(Clone, Copy)]
pub(crate) struct Site<'a> {
    pub(crate) path: &'a AttributePath,
    pub(crate) config: &'a Value,
    pub(crate) state: &'a Value,
    pub(crate) parent_config: &'a Value,
    pub(crate) parent_path: &'a AttributePath,
    pub(crate) parent_state: &'a Value,
}

impl<'a> Site<'a> {
    /// The site of a member of the object this site stands for.
    fn member(&self, path: &'a AttributePath, config: &'a Value, state: &'a Value) -> Site<'a> {
        Site {
            path,
            config,
            state,
            parent_config: self.config,
            parent_path: self.path,
            parent_state: self.state,
        }
    }
}

/// What [`walk`] calls at each attribute and nested block. `value` is the value being walked,
/// which the visitor may replace before the walk descends into it.
pub(crate) trait Visitor {
    /// Visits an attribute.
    fn attribute(&mut self, attr: &Attribute, site: &Site<'_>, value: &mut Value);

    /// Visits a nested block (the whole block value: an object, or a collection of objects).
    fn block(&mut self, block: &NestedBlock, site: &Site<'_>, value: &mut Value) {
        let _ = (block, site, value);
    }
}

static NULL: Value = Value::Null;

/// Walks the object `value` of `level` at `path`, visiting every attribute and nested block,
/// parents first. Unknown and null values are visited but not descended into.
pub(crate) fn walk(
    level: Level<'_>,
    path: &AttributePath,
    config: &Value,
    state: &Value,
    value: &mut Value,
    visitor: &mut dyn Visitor,
) {
    let Value::Object(attrs) = value else {
        return;
    };
    // The path and the configuration and state values of the member `name` of this object.
    let member = |name: &str| {
        (
            path.clone().attr(name),
            config.get(name).unwrap_or(&NULL),
            state.get(name).unwrap_or(&NULL),
        )
    };
    let parent = Site {
        path,
        config,
        state,
        parent_config: config,
        parent_path: path,
        parent_state: state,
    };
    for attr in level.attributes {
        let Some(slot) = attrs.get_mut(&attr.name) else {
            continue;
        };
        let (p, c, s) = member(&attr.name);
        visitor.attribute(attr, &parent.member(&p, c, s), slot);
        if let AttributeKind::Nested(nested) = &attr.kind {
            let inner = Level {
                attributes: &nested.attributes,
                blocks: &[],
            };
            let how = Pairing::of(nested.nesting, None);
            walk_nested(inner, how, &p, c, s, slot, visitor);
        }
    }
    for block in level.blocks {
        let Some(slot) = attrs.get_mut(&block.type_name) else {
            continue;
        };
        let (p, c, s) = member(&block.type_name);
        visitor.block(block, &parent.member(&p, c, s), slot);
        let inner = Level::of_block(&block.block);
        let how = Pairing::of(block.nesting, block.key.as_deref());
        walk_nested(inner, how, &p, c, s, slot, visitor);
    }
}

/// Walks a configuration for checks only: the walk wants a value it may change, so this walks
/// a copy.
pub(crate) fn walk_config(block: &Block, config: &Value, visitor: &mut dyn Visitor) {
    let mut copy = config.clone();
    walk(
        Level::of_block(block),
        &AttributePath::default(),
        config,
        &NULL,
        &mut copy,
        visitor,
    );
}

/// How the elements of a nested value pair with the configuration and the prior state.
#[derive(Clone, Copy)]
struct Pairing<'k> {
    nesting: Nesting,
    /// The attribute that identifies an element in the prior state, if the schema names one.
    key: Option<&'k str>,
}

impl<'k> Pairing<'k> {
    fn of(nesting: Nesting, key: Option<&'k str>) -> Self {
        Pairing { nesting, key }
    }
}

/// Walks the objects inside a nested value according to its nesting mode.
///
/// Elements are paired with the configuration by index (lists), by key (maps) or, for sets,
/// which have no positions, by the values of their non-computed attributes (the first element
/// that agrees; nothing when none does). The prior state pairs the same way, except when the
/// block names a key attribute: then a list or set element pairs with the prior element whose
/// key has the same known value, and with nothing (a new element) otherwise.
fn walk_nested(
    level: Level<'_>,
    how: Pairing<'_>,
    path: &AttributePath,
    config: &Value,
    state: &Value,
    value: &mut Value,
    visitor: &mut dyn Visitor,
) {
    match (how.nesting, value) {
        (Nesting::Single | Nesting::Group, v @ Value::Object(_)) => {
            walk(level, path, config, state, v, visitor);
        }
        (Nesting::List, Value::List(items)) => {
            for (i, item) in items.iter_mut().enumerate() {
                let c = element(config, i);
                let s = match how.key {
                    Some(key) => keyed(state, key, item),
                    None => element(state, i),
                };
                let p = path.clone().index(i as i64);
                walk(level, &p, c, s, item, visitor);
            }
        }
        (Nesting::Set, Value::Set(items)) => {
            let configs = config.as_elements().unwrap_or_default();
            let states = state.as_elements().unwrap_or_default();
            for item in items.iter_mut() {
                let id = set_identity(level, item);
                let find = |candidates: &'_ [Value]| -> Option<usize> {
                    candidates.iter().position(|c| set_identity(level, c) == id)
                };
                let c = find(configs).map_or(&NULL, |i| &configs[i]);
                let s = match how.key {
                    Some(key) => keyed(state, key, item),
                    None => find(states).map_or(&NULL, |i| &states[i]),
                };
                walk(level, path, c, s, item, visitor);
            }
        }
        (Nesting::Map, Value::Map(items)) => {
            for (k, item) in items.iter_mut() {
                let c = entry(config, k);
                let s = entry(state, k);
                let p = path.clone().key(k);
                walk(level, &p, c, s, item, visitor);
            }
        }
        _ => {}
    }
}

/// The element of the collection `prior` whose attribute `key` equals `item`'s, when `item`'s
/// is known and not null; null otherwise.
fn keyed<'v>(prior: &'v Value, key: &str, item: &Value) -> &'v Value {
    let Some(id) = item.get(key).filter(|v| !v.is_null() && !v.is_unknown()) else {
        return &NULL;
    };
    prior
        .as_elements()
        .unwrap_or_default()
        .iter()
        .find(|p| p.get(key) == Some(id))
        .unwrap_or(&NULL)
}

/// What identifies a set element across configuration, plan and state: the values of its
/// attributes that only the configuration sets (computed ones may differ between the three).
fn set_identity<'v>(level: Level<'_>, v: &'v Value) -> Vec<Option<&'v Value>> {
    level
        .attributes
        .iter()
        .filter(|a| !a.computed && !a.write_only)
        .map(|a| v.get(&a.name))
        .collect()
}

fn element(v: &Value, i: usize) -> &Value {
    v.as_elements().and_then(|e| e.get(i)).unwrap_or(&NULL)
}

fn entry<'v>(v: &'v Value, k: &str) -> &'v Value {
    match v {
        Value::Map(m) | Value::Object(m) => m.get(k).unwrap_or(&NULL),
        _ => &NULL,
    }
}

/// Sets every write-only attribute to null: their values must never reach a plan or a state.
pub(crate) fn null_write_only(block: &Block, value: &mut Value) {
    struct NullWriteOnly;
    impl Visitor for NullWriteOnly {
        fn attribute(&mut self, attr: &Attribute, _: &Site<'_>, value: &mut Value) {
            if attr.write_only {
                *value = Value::Null;
            }
        }
    }
    walk(
        Level::of_block(block),
        &AttributePath::default(),
        &NULL,
        &NULL,
        value,
        &mut NullWriteOnly,
    );
}

/// The paths of all unknown values inside `value`.
pub(crate) fn unknown_paths(value: &Value, path: &AttributePath, out: &mut Vec<AttributePath>) {
    match value {
        Value::Unknown(_) => out.push(path.clone()),
        Value::List(items) | Value::Tuple(items) => {
            for (i, item) in items.iter().enumerate() {
                unknown_paths(item, &path.clone().index(i as i64), out);
            }
        }
        Value::Set(items) => {
            for item in items {
                unknown_paths(item, path, out);
            }
        }
        Value::Map(items) => {
            for (k, item) in items {
                unknown_paths(item, &path.clone().key(k), out);
            }
        }
        Value::Object(items) => {
            for (k, item) in items {
                unknown_paths(item, &path.clone().attr(k), out);
            }
        }
        _ => {}
    }
}

/// Replaces every unknown inside `value` with null.
pub(crate) fn null_unknowns(value: &mut Value) {
    match value {
        Value::Unknown(_) => *value = Value::Null,
        Value::List(items) | Value::Set(items) | Value::Tuple(items) => {
            items.iter_mut().for_each(null_unknowns);
        }
        Value::Map(items) | Value::Object(items) => items.values_mut().for_each(null_unknowns),
        _ => {}
    }
}

/// Makes a result state valid to send: an unknown left in it becomes null plus an error naming
/// each path, because Terraform would otherwise fail with an obscure decoding error.
pub(crate) fn ensure_known(value: &mut Value, what: &str, diags: &mut Diagnostics) {
    let mut paths = Vec::new();
    unknown_paths(value, &AttributePath::default(), &mut paths);
    if paths.is_empty() {
        return;
    }
    null_unknowns(value);
    for path in paths {
        diags.attribute_error(
            path.clone(),
            "Provider Returned Unknown Value",
            format!(
                "The provider left {path} unknown in the {what}; every value must be known after \
                 this operation. This is a bug in the provider, which should be reported in the \
                 provider's own issue tracker."
            ),
        );
    }
}

/// An object of `block` with every attribute null and every multi-valued block empty, such as
/// a freshly imported resource before its first read.
pub(crate) fn null_object(block: &Block) -> Value {
    let mut attrs = BTreeMap::new();
    for attr in &block.attributes {
        attrs.insert(attr.name.clone(), Value::Null);
    }
    for nested in &block.blocks {
        let empty = match nested.nesting {
            Nesting::List => Value::List(Vec::new()),
            Nesting::Set => Value::Set(Vec::new()),
            Nesting::Map => Value::Map(BTreeMap::new()),
            Nesting::Single | Nesting::Group => Value::Null,
        };
        attrs.insert(nested.type_name.clone(), empty);
    }
    Value::Object(attrs)
}

/// Sets computed attributes that the configuration leaves null to unknown (they are set by the
/// provider later), and attributes with a default to the default; used for creation plans,
/// data sources and ephemeral resources.
pub(crate) fn computed_to_unknown(block: &Block, config: &Value, value: &mut Value) {
    struct ComputedToUnknown;
    impl Visitor for ComputedToUnknown {
        fn attribute(&mut self, attr: &Attribute, site: &Site<'_>, value: &mut Value) {
            if site.config.is_null() && value.is_null() {
                if let Some(default) = &attr.default {
                    *value = default.clone();
                } else if attr.computed {
                    *value = Value::unknown();
                }
            }
        }
    }
    walk(
        Level::of_block(block),
        &AttributePath::default(),
        config,
        &NULL,
        value,
        &mut ComputedToUnknown,
    );
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers shared by the engine's unit tests.

    use super::*;

    /// An object value from `(name, value)` pairs.
    pub(crate) fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }
}
