//! Validating a configuration against a schema's validators.
//!
//! Terraform itself enforces required, optional and computed, types and block counts. The
//! engine adds what the schema carries beyond that: attribute and nested-block validators, the
//! whole-configuration validators, and deprecation warnings. Wholly unknown values are skipped,
//! since they will be checked again at apply time when they are known.

use std::sync::Arc;

use crate::schema::{Attribute, AttributeKind, NestedAttributes, NestedBlock};
use crate::validator::{ValidateRequest, Validator};
use crate::{AttributePath, Diagnostics, Schema, Value};

use super::{Site, Visitor, walk_config};

/// Runs every validator of `schema` on `config`, then `config_validators` on the whole
/// configuration.
pub(crate) fn validate_config(
    schema: &Schema,
    config: &Value,
    config_validators: &[Arc<dyn Validator>],
) -> Diagnostics {
    let mut diagnostics = Diagnostics::new();
    if config.is_null() || config.is_unknown() {
        return diagnostics;
    }
    let mut walker = Validate {
        config,
        diagnostics: &mut diagnostics,
    };
    walk_config(&schema.block, config, &mut walker);
    let root = AttributePath::default();
    for validator in config_validators {
        let mut sink = Diagnostics::new();
        validator.validate(
            &ValidateRequest::new(&root, config, config, config, &root),
            &mut sink,
        );
        diagnostics.extend(sink);
    }
    diagnostics
}

/// Rejects write-only values when the client does not support write-only attributes (Terraform
/// before 1.11 would otherwise store them in state).
pub(crate) fn validate_write_only(schema: &Schema, config: &Value, allowed: bool) -> Diagnostics {
    struct WriteOnly<'d> {
        diagnostics: &'d mut Diagnostics,
    }
    impl Visitor for WriteOnly<'_> {
        fn attribute(&mut self, attr: &Attribute, site: &Site<'_>, _: &mut Value) {
            if attr.write_only && !site.config.is_null() {
                self.diagnostics.attribute_error(
                    site.path.clone(),
                    "Write-Only Attribute Not Allowed",
                    format!(
                        "The configuration sets the write-only attribute {}, but this version of \
                         Terraform cannot keep it out of state. Use Terraform 1.11 or later, or \
                         remove the attribute.",
                        site.path
                    ),
                );
            }
        }
    }
    let mut diagnostics = Diagnostics::new();
    if allowed || config.is_null() || config.is_unknown() {
        return diagnostics;
    }
    let mut walker = WriteOnly {
        diagnostics: &mut diagnostics,
    };
    walk_config(&schema.block, config, &mut walker);
    diagnostics
}

struct Validate<'a> {
    config: &'a Value,
    diagnostics: &'a mut Diagnostics,
}

impl Validate<'_> {
    /// Runs `validators` on the value at `site`, within the object `scope` at `scope_path`.
    fn run(
        &mut self,
        validators: &[Arc<dyn Validator>],
        site: &Site<'_>,
        scope: &Value,
        scope_path: &AttributePath,
    ) {
        if validators.is_empty() || site.config.is_unknown() {
            return;
        }
        for validator in validators {
            let mut sink = Diagnostics::new();
            validator.validate(
                &ValidateRequest::new(site.path, site.config, self.config, scope, scope_path),
                &mut sink,
            );
            self.diagnostics.extend(sink);
        }
    }
}

impl Validate<'_> {
    /// Terraform never enforces `min_items`/`max_items` of nested attributes, so we do, once the
    /// number of elements is known.
    fn check_count(&mut self, nested: &NestedAttributes, site: &Site<'_>) {
        let count = match site.config {
            Value::List(items) | Value::Set(items) => items.len(),
            Value::Map(items) => items.len(),
            _ => return,
        };
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        let too_few = nested.min_items > 0 && count < nested.min_items;
        let too_many = nested.max_items > 0 && count > nested.max_items;
        if too_few || too_many {
            let bounds = match (nested.min_items, nested.max_items) {
                (min, 0) => format!("at least {min}"),
                (0, max) => format!("at most {max}"),
                (min, max) => format!("between {min} and {max}"),
            };
            self.diagnostics.attribute_error(
                site.path.clone(),
                "Invalid Number of Elements",
                format!(
                    "Attribute {} must have {bounds} elements, got: {count}.",
                    site.path
                ),
            );
        }
    }
}

impl Visitor for Validate<'_> {
    fn attribute(&mut self, attr: &Attribute, site: &Site<'_>, _: &mut Value) {
        if let AttributeKind::Nested(nested) = &attr.kind {
            self.check_count(nested, site);
        }
        if attr.deprecated && !site.config.is_null() {
            let message = if attr.deprecation_message.is_empty() {
                format!(
                    "The attribute {} is deprecated; refer to the provider documentation.",
                    site.path
                )
            } else {
                attr.deprecation_message.clone()
            };
            self.diagnostics
                .attribute_warning(site.path.clone(), "Attribute Deprecated", message);
        }
        self.run(&attr.validators, site, site.parent_config, site.parent_path);
    }

    fn block(&mut self, block: &NestedBlock, site: &Site<'_>, _: &mut Value) {
        self.run(&block.validators, site, site.config, site.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::test_support::obj;
    use crate::schema::{Attribute, Block, NestedBlock, Nesting};
    use crate::validator::{conflicts_with, exactly_one_of, one_of};

    fn schema() -> Schema {
        Schema::new(
            0,
            Block::new()
                .attribute(
                    Attribute::string("mode")
                        .optional()
                        .validator(one_of(["a", "b"])),
                )
                .attribute(
                    Attribute::string("old")
                        .optional()
                        .deprecated("Use mode instead."),
                )
                .attribute(
                    Attribute::string("x")
                        .optional()
                        .validator(conflicts_with(["y"])),
                )
                .attribute(Attribute::string("y").optional())
                .block(NestedBlock::new(
                    "item",
                    Nesting::Set,
                    Block::new()
                        .attribute(
                            Attribute::string("p")
                                .optional()
                                .validator(conflicts_with(["q"])),
                        )
                        .attribute(Attribute::string("q").optional()),
                )),
        )
    }

    fn config(mode: Value, old: Value, x: Value, y: Value, items: Vec<(Value, Value)>) -> Value {
        obj([
            ("mode", mode),
            ("old", old),
            ("x", x),
            ("y", y),
            (
                "item",
                Value::Set(
                    items
                        .into_iter()
                        .map(|(p, q)| obj([("p", p), ("q", q)]))
                        .collect(),
                ),
            ),
        ])
    }

    #[test]
    fn cases() {
        let n = || Value::Null;
        let s = Value::from;
        // (name, config, summaries expected)
        let cases: Vec<(&str, Value, Vec<&str>)> = vec![
            ("valid", config(s("a"), n(), s("1"), n(), vec![]), vec![]),
            (
                "attribute validator",
                config(s("c"), n(), n(), n(), vec![]),
                vec!["Invalid Attribute Value Match"],
            ),
            (
                "unknown skipped",
                config(Value::unknown(), n(), n(), n(), vec![]),
                vec![],
            ),
            (
                "deprecated attribute warns",
                config(n(), s("v"), n(), n(), vec![]),
                vec!["Attribute Deprecated"],
            ),
            (
                "sibling conflict",
                config(n(), n(), s("1"), s("2"), vec![]),
                vec!["Invalid Attribute Combination"],
            ),
            (
                "siblings inside set elements",
                config(n(), n(), n(), n(), vec![(s("1"), s("2")), (s("1"), n())]),
                vec!["Invalid Attribute Combination"],
            ),
        ];
        for (name, cfg, want) in cases {
            let diags = validate_config(&schema(), &cfg, &[]);
            let got: Vec<&str> = diags.iter().map(|d| d.summary.as_str()).collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn nested_attribute_counts() {
        let schema = Schema::new(
            0,
            Block::new().attribute(
                Attribute::nested(
                    "pools",
                    Nesting::List,
                    vec![Attribute::string("n").optional()],
                )
                .optional()
                .min_items(1)
                .max_items(2),
            ),
        );
        let pools = |n: usize| {
            obj([(
                "pools",
                Value::List((0..n).map(|_| obj([("n", Value::Null)])).collect()),
            )])
        };
        let count = |n| validate_config(&schema, &pools(n), &[]).len();
        assert_eq!(count(0), 1);
        assert_eq!(count(1), 0);
        assert_eq!(count(2), 0);
        assert_eq!(count(3), 1);
        assert!(validate_config(&schema, &obj([("pools", Value::Null)]), &[]).is_empty());
    }

    #[test]
    fn write_only_needs_client_support() {
        let schema = Schema::new(
            0,
            Block::new().attribute(Attribute::string("secret").optional().write_only()),
        );
        let set = obj([("secret", Value::from("pw"))]);
        let unset = obj([("secret", Value::Null)]);
        assert!(validate_write_only(&schema, &set, true).is_empty());
        assert!(validate_write_only(&schema, &unset, false).is_empty());
        let diags = validate_write_only(&schema, &set, false);
        assert_eq!(
            diags.iter().next().map(|d| d.summary.as_str()),
            Some("Write-Only Attribute Not Allowed")
        );
    }

    #[test]
    fn configuration_validators_see_the_whole_configuration() {
        let v: Arc<dyn Validator> = Arc::new(exactly_one_of(["x", "y"]));
        let none = config(Value::Null, Value::Null, Value::Null, Value::Null, vec![]);
        assert!(validate_config(&schema(), &none, std::slice::from_ref(&v)).has_errors());
        let one = config(
            Value::Null,
            Value::Null,
            Value::from("1"),
            Value::Null,
            vec![],
        );
        assert!(validate_config(&schema(), &one, &[v]).is_empty());
    }
}
