//! [`at_least_one_of`]: at least one attribute of a group is set.

use super::exactly_one_of::group;
use super::{ValidateRequest, Validator, quoted_list};
use crate::Diagnostics;

/// Requires at least one of the attributes `names` to be set (non-null); the group is resolved
/// as for [`exactly_one_of`](super::exactly_one_of). When any member is unknown the check passes.
pub fn at_least_one_of<I, S>(names: I) -> AtLeastOneOf
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    AtLeastOneOf {
        names: names.into_iter().map(Into::into).collect(),
    }
}

/// The validator built by [`at_least_one_of`].
#[derive(Clone, Debug)]
pub struct AtLeastOneOf {
    names: Vec<String>,
}

impl Validator for AtLeastOneOf {
    fn description(&self) -> String {
        format!(
            "at least one of these must be set: {}",
            quoted_list(&self.names)
        )
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        if !req.is_attribute() && req.value.is_null() {
            return;
        }
        let (members, listed) = group(req, &self.names);
        let any = members.iter().any(|(_, v)| v.is_some_and(|v| !v.is_null()));
        if !any {
            diags.attribute_error(
                req.path.clone(),
                "Invalid Attribute Combination",
                format!("At least one attribute out of [{listed}] must be specified."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Value;
    use crate::validator::test_support::{obj, run_on_root};

    #[test]
    fn cases() {
        let v = at_least_one_of(["a", "b"]);
        let cases: [(&str, Value, usize); 4] = [
            ("one", obj([("a", Value::from(1)), ("b", Value::Null)]), 0),
            (
                "both",
                obj([("a", Value::from(1)), ("b", Value::from(2))]),
                0,
            ),
            ("none", obj([("a", Value::Null), ("b", Value::Null)]), 1),
            (
                "unknown counts",
                obj([("a", Value::unknown()), ("b", Value::Null)]),
                0,
            ),
        ];
        for (name, config, errors) in cases {
            let diags = run_on_root(&v, &config);
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }
}
