//! Validators: composable checks attached to attributes, nested blocks or a whole configuration.
//!
//! A validator is a value implementing [`Validator`]; the schema holds them as
//! `Arc<dyn Validator>`. The engine runs them during `ValidateResourceConfig` (and the data
//! source, ephemeral resource and provider equivalents) on the configuration as written, with
//! unknown values skipped: a wholly unknown value is never passed to a validator, so each
//! implementation only has to handle null and known values (collections may still contain unknown
//! elements, which implementations ignore).
//!
//! One file per implementation; the constructors are re-exported here:
//!
//! | constructor | checks |
//! |---|---|
//! | [`one_of`] | a string is one of a fixed set |
//! | [`length_between`] | a string's length in characters, or a collection's size |
//! | [`regex_matches`] | a string matches a regular expression |
//! | [`at_least`], [`at_most`] | a number's lower or upper bound |
//! | [`int_between`] | a whole number in an inclusive range |
//! | [`conflicts_with`] | none of the named sibling attributes is set together with this one |
//! | [`exactly_one_of`], [`at_least_one_of`] | how many of a group of attributes are set |

mod at_least_one_of;
mod conflicts_with;
mod exactly_one_of;
mod int_between;
mod length_between;
mod number_bounds;
mod one_of;
mod regex_matches;

pub use at_least_one_of::{AtLeastOneOf, at_least_one_of};
pub use conflicts_with::{ConflictsWith, conflicts_with};
pub use exactly_one_of::{ExactlyOneOf, exactly_one_of};
pub use int_between::{IntBetween, int_between};
pub use length_between::{LengthBetween, length_between};
pub use number_bounds::{AtLeast, AtMost, at_least, at_most};
pub use one_of::{OneOf, one_of};
pub use regex_matches::{RegexMatches, regex_matches};

use crate::{AttributePath, Diagnostics, PathStep, Value};

/// A check on a configuration value.
///
/// `description` starts with a lowercase letter and ends without punctuation, so it reads well
/// inside generated documentation ("value must be one of: `a`, `b`"); `markdown_description`
/// may use markdown and defaults to the plain description.
pub trait Validator: Send + Sync {
    /// What the validator requires, in plain text.
    fn description(&self) -> String;

    /// What the validator requires, in markdown.
    fn markdown_description(&self) -> String {
        self.description()
    }

    /// Checks `req.value` and reports problems into `diags` (a fresh sink for each validator).
    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics);
}

/// What a [`Validator`] is given.
#[derive(Clone, Copy, Debug)]
pub struct ValidateRequest<'a> {
    /// Where the value sits in the configuration (empty for a whole-configuration validator).
    pub path: &'a AttributePath,
    /// The value to check: null or known (wholly unknown values are skipped by the engine).
    pub value: &'a Value,
    /// The whole configuration, for validators that look further afield.
    pub config: &'a Value,
    /// The object in which sibling names resolve: the object holding the attribute, or for a
    /// block or whole-configuration validator the validated object itself.
    pub scope: &'a Value,
    /// The path of `scope` (equal to `path` for block and whole-configuration validators).
    pub scope_path: &'a AttributePath,
}

impl<'a> ValidateRequest<'a> {
    /// A request for a value at `path` inside the object `scope` found at `scope_path`.
    pub fn new(
        path: &'a AttributePath,
        value: &'a Value,
        config: &'a Value,
        scope: &'a Value,
        scope_path: &'a AttributePath,
    ) -> Self {
        Self {
            path,
            value,
            config,
            scope,
            scope_path,
        }
    }

    /// Whether the validator is attached to an attribute (rather than to a whole object).
    pub fn is_attribute(&self) -> bool {
        self.path != self.scope_path
    }

    /// The path and the configured value of the attribute `name` in the scope object.
    ///
    /// The value is `None` when the scope object is null or unknown or lacks `name`.
    pub fn sibling(&self, name: &str) -> (AttributePath, Option<&'a Value>) {
        let path = self.scope_path.clone().attr(name);
        (path, self.scope.get(name))
    }

    /// The name of the validated attribute, when the last step of `path` is an attribute name.
    pub fn name(&self) -> Option<&'a str> {
        match self.path.steps().last() {
            Some(PathStep::Attribute(name)) => Some(name),
            _ => None,
        }
    }
}

/// Formats `items` as a list of code spans: "`a`, `b`".
pub(crate) fn quoted_list<I, S>(items: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    items
        .into_iter()
        .map(|s| format!("`{}`", s.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether a configured value counts as "set": present, not null. Unknown counts as set,
/// because it will be known later and is then non-null unless it resolves to null.
pub(crate) fn is_set(value: Option<&Value>) -> bool {
    matches!(value, Some(v) if !v.is_null())
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers shared by the validator unit tests.

    use super::*;

    /// Runs `validator` on attribute `name` of the root object `config`.
    pub(crate) fn run_on_attr(
        validator: &dyn Validator,
        config: &Value,
        name: &str,
    ) -> Diagnostics {
        let path = AttributePath::root(name);
        let scope = AttributePath::default();
        let null = Value::Null;
        let value = config.get(name).unwrap_or(&null);
        let mut diags = Diagnostics::new();
        validator.validate(
            &ValidateRequest::new(&path, value, config, config, &scope),
            &mut diags,
        );
        diags
    }

    /// Runs `validator` on the whole root object `config`.
    pub(crate) fn run_on_root(validator: &dyn Validator, config: &Value) -> Diagnostics {
        let path = AttributePath::default();
        let mut diags = Diagnostics::new();
        validator.validate(
            &ValidateRequest::new(&path, config, config, config, &path),
            &mut diags,
        );
        diags
    }

    /// An object value from `(name, value)` pairs.
    pub(crate) fn obj<const N: usize>(pairs: [(&str, Value); N]) -> Value {
        Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }
}
