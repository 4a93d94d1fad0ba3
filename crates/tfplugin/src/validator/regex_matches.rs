//! [`regex_matches`]: a string must match a regular expression.
//!
//! This uses the `regex` crate: providers routinely constrain names and identifiers by pattern,
//! and a hand-written matcher would be a worse, untested regex engine. The crate is already in
//! the dependency tree through `tracing-subscriber`'s filter.

use regex::Regex;

use super::{ValidateRequest, Validator};
use crate::{Diagnostics, Value};

/// Requires a string to match `pattern` (anywhere, unless the pattern is anchored with `^…$`);
/// `message` explains the rule to the user, e.g. "must contain only lowercase letters".
/// Null values pass.
///
/// # Panics
///
/// Panics if `pattern` is not a valid regular expression: patterns are fixed in provider code,
/// so a bad one is a programming error caught by the provider's first test.
pub fn regex_matches(pattern: &str, message: impl Into<String>) -> RegexMatches {
    let regex = Regex::new(pattern)
        .unwrap_or_else(|e| panic!("invalid regular expression {pattern:?}: {e}"));
    RegexMatches {
        regex,
        message: message.into(),
    }
}

/// The validator built by [`regex_matches`].
#[derive(Clone, Debug)]
pub struct RegexMatches {
    regex: Regex,
    message: String,
}

impl Validator for RegexMatches {
    fn description(&self) -> String {
        if self.message.is_empty() {
            format!("value must match regular expression '{}'", self.regex)
        } else {
            self.message.clone()
        }
    }

    fn markdown_description(&self) -> String {
        if self.message.is_empty() {
            format!("value must match regular expression `{}`", self.regex)
        } else {
            self.message.clone()
        }
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        let Value::String(s) = req.value else {
            return;
        };
        if !self.regex.is_match(s) {
            diags.attribute_error(
                req.path.clone(),
                "Invalid Attribute Value Match",
                format!("Attribute {} {}, got: {s:?}.", req.path, self.description()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validator::test_support::{obj, run_on_attr};

    #[test]
    fn cases() {
        let v = regex_matches(
            "^[a-z][a-z0-9-]*$",
            "value must be lowercase letters, digits and dashes",
        );
        let cases: [(&str, Value, usize); 4] = [
            ("matches", Value::from("web-1"), 0),
            ("uppercase", Value::from("Web"), 1),
            ("leading digit", Value::from("1web"), 1),
            ("null passes", Value::Null, 0),
        ];
        for (name, value, errors) in cases {
            let diags = run_on_attr(&v, &obj([("name", value)]), "name");
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }

    #[test]
    #[should_panic(expected = "invalid regular expression")]
    fn bad_pattern_panics() {
        let _ = regex_matches("(", "");
    }
}
