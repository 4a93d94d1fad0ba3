//! Resolving plain scalars: the YAML 1.2 core schema, with YAML 1.1 differences kept apart
//! (as [`Value::Ambiguous`]). Floats are kept as exact decimals ([`Float`]).

use super::{Float, Value};

pub(super) fn resolve_plain(text: &str) -> Value {
    if is_null(text) {
        return Value::Null;
    }
    if let Some(value) = parse_bool(text) {
        return Value::Bool(value);
    }
    if is_yaml11_only(text) {
        return Value::Ambiguous(text.to_owned());
    }
    if is_decimal_int(text) || is_hex_int(text) {
        return parse_int(text).map_or_else(|| Value::Ambiguous(text.to_owned()), Value::Int);
    }
    if is_decimal_float(text) || is_special_float(text) {
        return parse_float(text).map_or_else(|| Value::Ambiguous(text.to_owned()), Value::Float);
    }
    Value::Str(text.to_owned())
}

pub(super) fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

pub(super) fn parse_bool(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// Plain scalars that YAML 1.1 readers take for a boolean or a number while YAML 1.2 reads them
/// otherwise (or the other way round).
fn is_yaml11_only(text: &str) -> bool {
    const BOOLS: [&str; 16] = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off",
        "OFF",
    ];
    if BOOLS.contains(&text) {
        return true;
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let bytes = unsigned.as_bytes();
    // Leading zeros: octal in YAML 1.1, decimal in YAML 1.2.
    if bytes.len() > 1 && bytes[0] == b'0' && bytes.iter().all(u8::is_ascii_digit) {
        return true;
    }
    // `0o17`: an integer in YAML 1.2, a string in YAML 1.1.
    if let Some(octal) = text.strip_prefix("0o") {
        return !octal.is_empty() && octal.bytes().all(|b| (b'0'..=b'7').contains(&b));
    }
    // Binary, underscores, signed hexadecimal: numbers in YAML 1.1 only.
    if let Some(binary) = unsigned.strip_prefix("0b") {
        return binary.bytes().any(|b| b == b'0' || b == b'1')
            && binary.bytes().all(|b| matches!(b, b'0' | b'1' | b'_'));
    }
    if let Some(hex) = unsigned.strip_prefix("0x") {
        let has_digit = hex.bytes().any(|b| b.is_ascii_hexdigit());
        let all_hex = hex.bytes().all(|b| b.is_ascii_hexdigit() || b == b'_');
        return has_digit && all_hex && (unsigned.len() != text.len() || hex.contains('_'));
    }
    if unsigned.contains('_') {
        let has_digit = bytes.iter().any(u8::is_ascii_digit);
        let numeric = bytes
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'_' || *b == b'.');
        let starts = bytes
            .first()
            .is_some_and(|b| b.is_ascii_digit() || *b == b'.');
        return has_digit && numeric && starts && bytes.iter().filter(|b| **b == b'.').count() <= 1;
    }
    // Sexagesimal: `1:30`, `190:20:30.15`.
    is_sexagesimal(unsigned)
}

fn is_sexagesimal(text: &str) -> bool {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    let mut parts = whole.split(':');
    let Some(first) = parts.next() else {
        return false;
    };
    let first_ok = first.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && first.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let mut rest = 0;
    for part in parts {
        rest += 1;
        let ok = match part.as_bytes() {
            [d] => d.is_ascii_digit(),
            [a, b] => (b'0'..=b'5').contains(a) && b.is_ascii_digit(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    let fraction_ok = fraction.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit() || b == b'_'));
    first_ok && rest > 0 && fraction_ok
}

fn is_decimal_int(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

fn is_hex_int(text: &str) -> bool {
    text.strip_prefix("0x")
        .is_some_and(|hex| !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An integer in a YAML 1.2 core-schema form: decimal, `0o` octal, `0x` hexadecimal.
pub(super) fn parse_int(text: &str) -> Option<i128> {
    if let Some(hex) = text.strip_prefix("0x") {
        return u128::from_str_radix(hex, 16)
            .ok()
            .and_then(|n| i128::try_from(n).ok());
    }
    if let Some(octal) = text.strip_prefix("0o") {
        return u128::from_str_radix(octal, 8)
            .ok()
            .and_then(|n| i128::try_from(n).ok());
    }
    if !is_decimal_int(text) {
        return None;
    }
    text.parse::<i128>().ok()
}

pub(super) fn int_to_float(n: i128) -> Option<Float> {
    parse_float(&n.to_string())
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, the YAML 1.2 float form.
fn is_decimal_float(text: &str) -> bool {
    split_decimal(text).is_some()
}

fn is_special_float(text: &str) -> bool {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN")
}

/// Sign, integer digits, fraction digits and exponent digits (signed) of a YAML 1.2 float.
fn split_decimal(text: &str) -> Option<(bool, &str, &str, &str)> {
    let negative = text.starts_with('-');
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], &unsigned[at + 1..]),
        None => (unsigned, ""),
    };
    if unsigned.len() != mantissa.len() {
        let digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let valid = if whole.is_empty() {
        !fraction.is_empty()
    } else {
        true
    };
    valid.then_some((negative, whole, fraction, exponent))
}

pub(super) fn parse_float(text: &str) -> Option<Float> {
    if is_special_float(text) {
        let float = if text.contains(['n', 'N']) && text.contains(['a', 'A']) {
            Float::NaN
        } else if text.starts_with('-') {
            Float::NegInf
        } else {
            Float::Inf
        };
        return Some(float);
    }
    let (negative, whole, fraction, exponent) = split_decimal(text)?;
    let exponent: i64 = if exponent.is_empty() {
        0
    } else {
        let digits = exponent
            .trim_start_matches(['-', '+'])
            .trim_start_matches('0');
        if digits.len() > 15 {
            return None;
        }
        let magnitude: i64 = if digits.is_empty() {
            0
        } else {
            digits.parse().ok()?
        };
        if exponent.starts_with('-') {
            -magnitude
        } else {
            magnitude
        }
    };
    let all: String = whole.chars().chain(fraction.chars()).collect();
    let leading = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0').to_owned();
    if digits.is_empty() {
        return Some(Float::Finite {
            negative: false,
            digits,
            exponent: 0,
        });
    }
    let whole_len = i64::try_from(whole.len()).ok()?;
    let leading = i64::try_from(leading).ok()?;
    let exponent = whole_len.checked_add(exponent)?.checked_sub(leading)?;
    // Far beyond any real value; bounded so the rendering reads back.
    if exponent.unsigned_abs() > 1_000_000_000_000 {
        return None;
    }
    Some(Float::Finite {
        negative,
        digits,
        exponent,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{norm, string};
    use super::*;

    fn map(entries: &[(&str, Value)]) -> Value {
        let mut entries: Vec<(Value, Value)> = entries
            .iter()
            .map(|(k, v)| (string(k), v.clone()))
            .collect();
        entries.sort();
        Value::Map(entries)
    }

    #[test]
    fn resolved_values() {
        let cases: Vec<(&str, &str, Value)> = vec![
            ("plain string", "x", string("x")),
            ("int", "42", Value::Int(42)),
            ("negative int", "-7", Value::Int(-7)),
            ("hex int", "0xff", Value::Int(255)),
            (
                "big int",
                "170141183460469231731687303715884105727",
                Value::Int(i128::MAX),
            ),
            (
                "too big int",
                "170141183460469231731687303715884105728",
                Value::Ambiguous("170141183460469231731687303715884105728".into()),
            ),
            (
                "float",
                "-0.25",
                Value::Float(Float::Finite {
                    negative: true,
                    digits: "25".into(),
                    exponent: 0,
                }),
            ),
            (
                "float zero",
                "-0.0",
                Value::Float(Float::Finite {
                    negative: false,
                    digits: String::new(),
                    exponent: 0,
                }),
            ),
            ("yes", "yes", Value::Ambiguous("yes".into())),
            ("y", "y", Value::Ambiguous("y".into())),
            ("version-like string", "1.2.3", string("1.2.3")),
            ("ip address", "10.0.0.1", string("10.0.0.1")),
            ("cidr", "10.0.0.0/16", string("10.0.0.0/16")),
            ("date stays a string", "2026-11-24", string("2026-11-24")),
            (
                "huge exponent",
                "1e9999999999999999999",
                Value::Ambiguous("1e9999999999999999999".into()),
            ),
            (
                "template",
                "{{ .spectro.var.x }}",
                Value::Template("{{ .spectro.var.x }}".into()),
            ),
            (
                "custom tag",
                "!secret s",
                Value::Tagged("!secret".into(), Box::new(string("s"))),
            ),
            (
                "binary tag",
                "!!binary aGk=",
                Value::Tagged("!!binary".into(), Box::new(string("aGk="))),
            ),
            (
                "verbatim tag",
                "!<tag:example.com,2000:x> s",
                Value::Tagged("tag:example.com,2000:x".into(), Box::new(string("s"))),
            ),
            (
                "local tag starting with `!`, escaped",
                "!%21a s",
                Value::Tagged("!%21a".into(), Box::new(string("s"))),
            ),
            (
                "local tag starting with `!`, verbatim",
                "!<!!a> s",
                Value::Tagged("!%21a".into(), Box::new(string("s"))),
            ),
            (
                "set",
                "!!set {a, b}",
                Value::Tagged(
                    "!!set".into(),
                    Box::new(map(&[("a", Value::Null), ("b", Value::Null)])),
                ),
            ),
        ];
        for (name, text, expected) in cases {
            assert_eq!(norm(text).documents(), &[expected], "{name}");
        }
    }
}
