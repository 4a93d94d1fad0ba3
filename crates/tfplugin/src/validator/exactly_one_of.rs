//! [`exactly_one_of`]: exactly one attribute of a group is set.

use super::{ValidateRequest, Validator, quoted_list};
use crate::{AttributePath, Diagnostics, Value};

/// Requires exactly one of the attributes `names` to be set (non-null).
///
/// Attached to an attribute, the group is that attribute plus the named siblings; attached to a
/// nested block or used as a whole-configuration validator (see
/// [`Resource::config_validators`](crate::Resource::config_validators)), the names resolve
/// inside that object. When any member is unknown the check waits for apply-time values.
pub fn exactly_one_of<I, S>(names: I) -> ExactlyOneOf
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    ExactlyOneOf {
        names: names.into_iter().map(Into::into).collect(),
    }
}

/// The validator built by [`exactly_one_of`].
#[derive(Clone, Debug)]
pub struct ExactlyOneOf {
    names: Vec<String>,
}

/// The members of a group: each path with its configured value (`None` when absent), and the
/// user-facing list of names. Shared with [`super::at_least_one_of`].
pub(super) fn group<'a>(
    req: &ValidateRequest<'a>,
    names: &[String],
) -> (Vec<(AttributePath, Option<&'a Value>)>, String) {
    let mut members: Vec<(AttributePath, Option<&'a Value>)> = Vec::new();
    if req.is_attribute() {
        members.push((req.path.clone(), Some(req.value)));
    }
    for name in names {
        let (path, value) = req.sibling(name);
        if !members.iter().any(|(p, _)| *p == path) {
            members.push((path, value));
        }
    }
    let listed = quoted_list(members.iter().map(|(p, _)| p.to_string()));
    (members, listed)
}

impl Validator for ExactlyOneOf {
    fn description(&self) -> String {
        format!(
            "exactly one of these must be set: {}",
            quoted_list(&self.names)
        )
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        if !req.is_attribute() && req.value.is_null() {
            return;
        }
        let (members, listed) = group(req, &self.names);
        if members
            .iter()
            .any(|(_, v)| v.is_some_and(Value::is_unknown))
        {
            return;
        }
        let set = members
            .iter()
            .filter(|(_, v)| v.is_some_and(|v| !v.is_null()))
            .count();
        if set == 1 {
            return;
        }
        let detail = if set == 0 {
            format!("No attribute specified when one (and only one) of [{listed}] is required.")
        } else {
            format!("{set} attributes specified when one (and only one) of [{listed}] is required.")
        };
        diags.attribute_error(req.path.clone(), "Invalid Attribute Combination", detail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validator::test_support::{obj, run_on_attr, run_on_root};

    #[test]
    fn on_attribute() {
        let v = exactly_one_of(["b"]);
        let cases: [(&str, Value, usize); 4] = [
            (
                "only self",
                obj([("a", Value::from("x")), ("b", Value::Null)]),
                0,
            ),
            (
                "only sibling",
                obj([("a", Value::Null), ("b", Value::from("y"))]),
                0,
            ),
            (
                "both",
                obj([("a", Value::from("x")), ("b", Value::from("y"))]),
                1,
            ),
            ("neither", obj([("a", Value::Null), ("b", Value::Null)]), 1),
        ];
        for (name, config, errors) in cases {
            let diags = run_on_attr(&v, &config, "a");
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }

    #[test]
    fn on_whole_configuration() {
        let v = exactly_one_of(["a", "b", "c"]);
        let cases: [(&str, Value, usize); 4] = [
            (
                "one",
                obj([
                    ("a", Value::Null),
                    ("b", Value::from(1)),
                    ("c", Value::Null),
                ]),
                0,
            ),
            (
                "two",
                obj([
                    ("a", Value::from(1)),
                    ("b", Value::from(1)),
                    ("c", Value::Null),
                ]),
                1,
            ),
            (
                "none",
                obj([("a", Value::Null), ("b", Value::Null), ("c", Value::Null)]),
                1,
            ),
            (
                "unknown waits",
                obj([
                    ("a", Value::unknown()),
                    ("b", Value::from(1)),
                    ("c", Value::Null),
                ]),
                0,
            ),
        ];
        for (name, config, errors) in cases {
            let diags = run_on_root(&v, &config);
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }
}
