//! [`length_between`]: a string's length or a collection's size within bounds.

use super::{ValidateRequest, Validator};
use crate::{Diagnostics, Value};

/// Requires a string's length in characters, or a list, set or map's number of elements, to lie
/// in `min..=max`. Null values pass.
pub fn length_between(min: usize, max: usize) -> LengthBetween {
    LengthBetween { min, max }
}

/// The validator built by [`length_between`].
#[derive(Clone, Copy, Debug)]
pub struct LengthBetween {
    min: usize,
    max: usize,
}

impl Validator for LengthBetween {
    fn description(&self) -> String {
        format!("length must be between {} and {}", self.min, self.max)
    }

    fn validate(&self, req: &ValidateRequest<'_>, diags: &mut Diagnostics) {
        let len = match req.value {
            Value::String(s) => s.chars().count(),
            Value::List(items) | Value::Set(items) | Value::Tuple(items) => items.len(),
            Value::Map(items) => items.len(),
            _ => return,
        };
        if len < self.min || len > self.max {
            diags.attribute_error(
                req.path.clone(),
                "Invalid Attribute Value Length",
                format!("Attribute {} {}, got: {len}.", req.path, self.description()),
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
        let v = length_between(2, 4);
        let cases: [(&str, Value, usize); 7] = [
            ("too short", Value::from("a"), 1),
            ("lower bound", Value::from("ab"), 0),
            ("upper bound", Value::from("abcd"), 0),
            ("too long", Value::from("abcde"), 1),
            ("counts characters not bytes", Value::from("ééé"), 0),
            ("list size", Value::List(vec![Value::from("x")]), 1),
            ("null passes", Value::Null, 0),
        ];
        for (name, value, errors) in cases {
            let diags = run_on_attr(&v, &obj([("a", value)]), "a");
            assert_eq!(diags.iter().count(), errors, "{name}");
        }
    }
}
