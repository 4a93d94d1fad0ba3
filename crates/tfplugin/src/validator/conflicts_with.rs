//! [`conflicts_with`]: an attribute may not be set together with certain siblings.

use super::{ValidateRequest, Validator, is_set, quoted_list};
use crate::{Diagnostics, Value};

/// Requires that, when this attribute is set (non-null), none of the sibling attributes `names`
/// (in the same object) is set. Attach it to an attribute.
pub fn conflicts_with<I, S>(names: I) -> ConflictsWith
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    ConflictsWith {
        names: names.into_iter().map(Into::into).collect(),
    }
}

/// The validator built by [`conflicts_with`].
#[derive(Clone, Debug)]
pub struct ConflictsWith {
    names: Vec<String>,
}

impl Validator for ConflictsWith {
    fn description(&self) -> String {
        format!("cannot be set together with: {}", quoted_list(&self.names))
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        if matches!(req.value, Value::Null) {
            return;
        }
        for name in &self.names {
            let (path, value) = req.sibling(name);
            if path == *req.path {
                continue;
            }
            if is_set(value) {
                diags.attribute_error(
                    req.path.clone(),
                    "Invalid Attribute Combination",
                    format!(
                        "Attribute {path} cannot be specified when {} is specified.",
                        req.path
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validator::test_support::{obj, run_on_attr};

    #[test]
    fn cases() {
        let v = conflicts_with(["b", "c"]);
        let cases: [(&str, Value, usize); 5] = [
            (
                "alone",
                obj([("a", Value::from("x")), ("b", Value::Null)]),
                0,
            ),
            (
                "with one",
                obj([("a", Value::from("x")), ("b", Value::from("y"))]),
                1,
            ),
            (
                "with both",
                obj([
                    ("a", Value::from("x")),
                    ("b", Value::from("y")),
                    ("c", Value::from(1)),
                ]),
                2,
            ),
            (
                "self null",
                obj([("a", Value::Null), ("b", Value::from("y"))]),
                0,
            ),
            (
                "other unknown counts",
                obj([("a", Value::from("x")), ("b", Value::unknown())]),
                1,
            ),
        ];
        for (name, config, errors) in cases {
            let diags = run_on_attr(&v, &config, "a");
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }
}
