//! [`one_of`]: a string must be one of a fixed set of values.

use super::{ValidateRequest, Validator, quoted_list};
use crate::{Diagnostics, Value};

/// Requires a string to be one of `allowed` (case-sensitive). Null values pass.
pub fn one_of<I, S>(allowed: I) -> OneOf
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    OneOf {
        allowed: allowed.into_iter().map(Into::into).collect(),
    }
}

/// The validator built by [`one_of`].
#[derive(Clone, Debug)]
pub struct OneOf {
    allowed: Vec<String>,
}

impl Validator for OneOf {
    fn description(&self) -> String {
        format!("value must be one of: {}", quoted_list(&self.allowed))
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        let Value::String(s) = req.value else {
            return;
        };
        if !self.allowed.iter().any(|a| a == s) {
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
        let v = one_of(["small", "large"]);
        let cases: [(&str, Value, usize); 4] = [
            ("allowed value", Value::from("small"), 0),
            ("other value", Value::from("medium"), 1),
            ("case matters", Value::from("Small"), 1),
            ("null passes", Value::Null, 0),
        ];
        for (name, value, errors) in cases {
            let diags = run_on_attr(&v, &obj([("size", value)]), "size");
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
        assert_eq!(v.description(), "value must be one of: `small`, `large`");
    }
}
