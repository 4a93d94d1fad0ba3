//! Self-checks of a schema definition, mirroring the rules Terraform applies when it loads a
//! provider's schema, so that a mistake shows up in a unit test instead of in `terraform plan`.

use std::collections::BTreeSet;

use super::{Attribute, AttributeKind, Block, NestedBlock, Nesting, Schema};
use crate::types::Type;
use crate::value::Value;

impl Schema {
    /// Everything wrong with the schema definition, one message per problem (empty when the
    /// schema is sound). Each message starts with the path of the offending attribute or block.
    ///
    /// ```
    /// use tfplugin::{Attribute, Block, Schema};
    /// let bad = Schema::new(0, Block::new().attribute(Attribute::string("name").required().computed()));
    /// assert_eq!(bad.problems(), ["name: required and computed cannot both be set"]);
    /// ```
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.version < 0 {
            problems.push("schema version must not be negative".to_owned());
        }
        self.block.check("", &mut problems);
        problems
    }
}

impl Block {
    /// Everything wrong with this block's definition (see [`Schema::problems`]).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        self.check("", &mut problems);
        problems
    }

    fn check(&self, prefix: &str, problems: &mut Vec<String>) {
        let mut names = check_attributes(prefix, &self.attributes, problems);
        for b in &self.blocks {
            let path = join(prefix, &b.type_name);
            if !names.insert(b.type_name.as_str()) {
                problems.push(format!("{path}: defined more than once"));
            }
            b.check(&path, problems);
        }
    }
}

impl Attribute {
    fn check(&self, path: &str, problems: &mut Vec<String>) {
        let mut problem = |message: &str| problems.push(format!("{path}: {message}"));
        if !valid_name(&self.name) {
            problem("names may only contain lowercase letters, digits and underscores");
        }
        match (self.required, self.optional, self.computed) {
            (false, false, false) => problem("one of required, optional or computed must be set"),
            (true, true, _) => problem("required and optional cannot both be set"),
            (true, _, true) => problem("required and computed cannot both be set"),
            _ => {}
        }
        if self.write_only && self.computed {
            problem("write-only attributes cannot be computed");
        }
        if self.default.is_some() && !(self.optional && self.computed) {
            problem("an attribute with a default must be optional (and computed)");
        }
        if let Some(default) = &self.default {
            if let Err(e) = default.to_msgpack(&self.value_type()) {
                problem(&format!("default does not fit the attribute's type: {e}"));
            }
            if matches!(default, Value::Unknown(_)) {
                problem("a default cannot be unknown");
            }
        }
        if !self.deprecated && !self.deprecation_message.is_empty() {
            problem("a deprecation message needs deprecated to be set");
        }
        match &self.kind {
            AttributeKind::Type(ty) => {
                if let Type::Set(e) = ty
                    && e.has_dynamic()
                {
                    problem("sets cannot contain dynamic values");
                }
            }
            AttributeKind::Nested(nested) => {
                if nested.nesting == Nesting::Set && nested.object_type().has_dynamic() {
                    problem("set nested attributes cannot contain dynamic values");
                }
                if nested.max_items != 0 && nested.min_items > nested.max_items {
                    problem("min_items is greater than max_items");
                }
                check_attributes(path, &nested.attributes, problems);
            }
        }
    }
}

impl NestedBlock {
    fn check(&self, path: &str, problems: &mut Vec<String>) {
        let mut problem = |message: &str| problems.push(format!("{path}: {message}"));
        if !valid_name(&self.type_name) {
            problem("names may only contain lowercase letters, digits and underscores");
        }
        let (min, max) = (self.min_items, self.max_items);
        if min < 0 || max < 0 {
            problem("min_items and max_items must not be negative");
        }
        match self.nesting {
            Nesting::Single if min != max || min > 1 => {
                problem("a single block needs min_items and max_items both 0 or both 1");
            }
            Nesting::Group | Nesting::Map if min != 0 || max != 0 => {
                problem("min_items and max_items cannot be used with group or map nesting");
            }
            Nesting::List | Nesting::Set if max != 0 && min > max => {
                problem("min_items is greater than max_items");
            }
            _ => {}
        }
        if self.nesting == Nesting::Set && self.block.value_type().has_dynamic() {
            problem("set blocks cannot contain dynamic values");
        }
        self.block.check(path, problems);
    }
}

/// Checks each attribute and that no name repeats; returns the names seen.
fn check_attributes<'a>(
    prefix: &str,
    attributes: &'a [Attribute],
    problems: &mut Vec<String>,
) -> BTreeSet<&'a str> {
    let mut names = BTreeSet::new();
    for a in attributes {
        let path = join(prefix, &a.name);
        if !names.insert(a.name.as_str()) {
            problems.push(format!("{path}: defined more than once"));
        }
        a.check(&path, problems);
    }
    names
}

fn join(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_owned()
    } else {
        format!("{prefix}.{name}")
    }
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems() {
        let cases: Vec<(&str, Block, Vec<&str>)> = vec![
            (
                "sound",
                Block::new().attribute(Attribute::string("a").optional().computed()),
                vec![],
            ),
            (
                "no flags",
                Block::new().attribute(Attribute::string("a")),
                vec!["a: one of required, optional or computed must be set"],
            ),
            (
                "bad name",
                Block::new().attribute(Attribute::string("Name").required()),
                vec!["Name: names may only contain lowercase letters, digits and underscores"],
            ),
            (
                "duplicate",
                Block::new()
                    .attribute(Attribute::string("a").required())
                    .block(NestedBlock::new("a", Nesting::List, Block::new())),
                vec!["a: defined more than once"],
            ),
            (
                "default on required",
                Block::new().attribute(Attribute::string("a").required().default("x")),
                vec![
                    "a: required and computed cannot both be set",
                    "a: an attribute with a default must be optional (and computed)",
                ],
            ),
            (
                "default of the wrong type",
                Block::new().attribute(Attribute::bool("a").optional().default("x")),
                vec![
                    "a: default does not fit the attribute's type: string value does not fit type bool",
                ],
            ),
            (
                "nested attribute child",
                Block::new().attribute(
                    Attribute::nested("n", Nesting::List, vec![Attribute::string("x")]).optional(),
                ),
                vec!["n.x: one of required, optional or computed must be set"],
            ),
            (
                "single block items",
                Block::new()
                    .block(NestedBlock::new("b", Nesting::Single, Block::new()).max_items(1)),
                vec!["b: a single block needs min_items and max_items both 0 or both 1"],
            ),
            (
                "list block items",
                Block::new().block(
                    NestedBlock::new("b", Nesting::List, Block::new())
                        .min_items(3)
                        .max_items(2),
                ),
                vec!["b: min_items is greater than max_items"],
            ),
            (
                "set with dynamic",
                Block::new().block(NestedBlock::new(
                    "b",
                    Nesting::Set,
                    Block::new().attribute(Attribute::dynamic("d").optional()),
                )),
                vec!["b: set blocks cannot contain dynamic values"],
            ),
            (
                "write-only computed",
                Block::new().attribute(Attribute::string("s").optional().computed().write_only()),
                vec!["s: write-only attributes cannot be computed"],
            ),
        ];
        for (name, block, want) in cases {
            assert_eq!(block.problems(), want, "{name}");
        }
    }
}
