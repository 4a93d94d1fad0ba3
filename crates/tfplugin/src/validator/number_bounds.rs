//! [`at_least`] and [`at_most`]: a number's lower and upper bound.

use super::{ValidateRequest, Validator};
use crate::{Diagnostics, Number, Value};

/// Requires a number to be greater than or equal to `min`. Null values pass.
pub fn at_least(min: impl Into<Number>) -> AtLeast {
    AtLeast { min: min.into() }
}

/// Requires a number to be less than or equal to `max`. Null values pass.
pub fn at_most(max: impl Into<Number>) -> AtMost {
    AtMost { max: max.into() }
}

/// The validator built by [`at_least`].
#[derive(Clone, Debug)]
pub struct AtLeast {
    min: Number,
}

/// The validator built by [`at_most`].
#[derive(Clone, Debug)]
pub struct AtMost {
    max: Number,
}

impl Validator for AtLeast {
    fn description(&self) -> String {
        format!("value must be at least {}", self.min)
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        if let Value::Number(n) = req.value
            && *n < self.min
        {
            out_of_range(req, &self.description(), n, diags);
        }
    }
}

impl Validator for AtMost {
    fn description(&self) -> String {
        format!("value must be at most {}", self.max)
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        if let Value::Number(n) = req.value
            && *n > self.max
        {
            out_of_range(req, &self.description(), n, diags);
        }
    }
}

fn out_of_range(req: &ValidateRequest<'_>, rule: &str, got: &Number, diags: &mut Diagnostics) {
    diags.attribute_error(
        req.path.clone(),
        "Invalid Attribute Value",
        format!("Attribute {} {rule}, got: {got}.", req.path),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validator::test_support::{obj, run_on_attr};

    fn num(s: &str) -> Value {
        Value::Number(Number::parse(s).unwrap())
    }

    #[test]
    fn cases() {
        let low = at_least(Number::parse("-0.5").unwrap());
        let high = at_most(Number::from_i64(10));
        let cases: [(&str, &dyn Validator, Value, usize); 7] = [
            ("above minimum", &low, num("0"), 0),
            ("at minimum", &low, num("-0.5"), 0),
            ("below minimum", &low, num("-0.75"), 1),
            ("at maximum", &high, num("10"), 0),
            ("just above maximum", &high, num("10.0001"), 1),
            (
                "huge above maximum",
                &high,
                num("1180591620717411303424"),
                1,
            ),
            ("null passes", &high, Value::Null, 0),
        ];
        for (name, v, value, errors) in cases {
            let diags = run_on_attr(v, &obj([("n", value)]), "n");
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }
}
