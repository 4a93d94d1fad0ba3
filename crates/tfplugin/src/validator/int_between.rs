//! [`int_between`]: a whole number within an inclusive range.

use super::{ValidateRequest, Validator};
use crate::{Diagnostics, Value};

/// Requires a number to be a whole number in `min..=max`. Null values pass.
pub fn int_between(min: i64, max: i64) -> IntBetween {
    IntBetween { min, max }
}

/// The validator built by [`int_between`].
#[derive(Clone, Copy, Debug)]
pub struct IntBetween {
    min: i64,
    max: i64,
}

impl Validator for IntBetween {
    fn description(&self) -> String {
        format!(
            "value must be a whole number between {} and {}",
            self.min, self.max
        )
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        let Value::Number(n) = req.value else {
            return;
        };
        let ok = n
            .as_i64()
            .is_some_and(|i| (self.min..=self.max).contains(&i));
        if !ok {
            diags.attribute_error(
                req.path.clone(),
                "Invalid Attribute Value",
                format!("Attribute {} {}, got: {n}.", req.path, self.description()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Number;
    use crate::validator::test_support::{obj, run_on_attr};

    #[test]
    fn cases() {
        let v = int_between(1, 5);
        let cases: [(&str, Value, usize); 6] = [
            ("inside", Value::from(3), 0),
            ("lower bound", Value::from(1), 0),
            ("upper bound", Value::from(5), 0),
            ("outside", Value::from(6), 1),
            ("fraction", Value::Number(Number::parse("2.5").unwrap()), 1),
            ("null passes", Value::Null, 0),
        ];
        for (name, value, errors) in cases {
            let diags = run_on_attr(&v, &obj([("n", value)]), "n");
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }
}
