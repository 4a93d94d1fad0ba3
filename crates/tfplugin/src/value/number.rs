//! Exact decimal numbers of arbitrary size, as Terraform's number type holds them.
//!
//! Terraform numbers are arbitrary-precision: `1.5`, `-0.25`, `2^70` and `0.1` must survive a trip
//! through the provider unchanged. [`Number`] keeps the value as a sign, a run of decimal digits
//! and a power-of-ten exponent, always normalised, so that equal numbers compare and hash equal.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// The largest decimal exponent accepted when parsing, so that printing a number stays bounded.
const MAX_EXPONENT: i64 = 100_000;

/// An exact decimal number of arbitrary size and precision.
///
/// The value is `(-1)^negative * digits * 10^exponent`. Digits are kept without leading or
/// trailing zeros, and zero has no digits and is never negative, so the representation of a value
/// is unique.
///
/// ```
/// use tfplugin::Number;
/// let n: Number = "0.1".parse().unwrap();
/// assert_eq!(n.to_string(), "0.1");
/// assert_eq!(Number::from_f64(1.5).unwrap().to_string(), "1.5");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Number {
    negative: bool,
    digits: Vec<u8>,
    exponent: i64,
}

/// The error returned when text is not a decimal number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseNumberError {
    reason: &'static str,
}

impl fmt::Display for ParseNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid number: {}", self.reason)
    }
}

impl std::error::Error for ParseNumberError {}

impl Number {
    /// Zero.
    pub fn zero() -> Self {
        Number {
            negative: false,
            digits: Vec::new(),
            exponent: 0,
        }
    }

    /// The number equal to `v`.
    pub fn from_i64(v: i64) -> Self {
        let mut n = Self::from_u64(v.unsigned_abs());
        n.negative = v < 0;
        n
    }

    /// The number equal to `v`.
    pub fn from_u64(v: u64) -> Self {
        Self::from_parts(false, v.to_string().bytes().map(|b| b - b'0').collect(), 0)
    }

    /// The exact decimal value of `v`, or `None` for infinities and NaN.
    ///
    /// Every finite binary floating-point value has a finite decimal expansion, so this never
    /// rounds: `Number::from_f64(0.1)` is `0.1000000000000000055511151231257827…`. Negative zero
    /// becomes zero.
    pub fn from_f64(v: f64) -> Option<Self> {
        if !v.is_finite() {
            return None;
        }
        let bits = v.to_bits();
        let negative = bits >> 63 == 1;
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let fraction = bits & ((1u64 << 52) - 1);
        let (mantissa, exp2) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1u64 << 52), biased - 1075)
        };
        if mantissa == 0 {
            return Some(Self::zero());
        }
        let mut big = BigUint::from_u64(mantissa);
        let exponent = if exp2 >= 0 {
            big.mul_pow(2, 30, exp2 as u32);
            0
        } else {
            // m * 2^-k = m * 5^k / 10^k.
            big.mul_pow(5, 13, (-exp2) as u32);
            exp2
        };
        Some(Self::from_parts(
            negative,
            big.to_decimal_digits(),
            exponent,
        ))
    }

    /// The shortest decimal that reads back as `v` (`52.3676` rather than the exact
    /// `52.36760000000000303…`), or `None` for infinities and NaN: the number people write for
    /// a value that only comes as a binary float, and the one Terraform writes when it prints
    /// that float, so a configuration holding it compares equal. Negative zero becomes zero.
    ///
    /// ```
    /// use tfplugin::Number;
    /// assert_eq!(Number::from_f64_shortest(52.3676).unwrap().to_string(), "52.3676");
    /// assert_ne!(Number::from_f64(52.3676), Number::from_f64_shortest(52.3676));
    /// ```
    pub fn from_f64_shortest(v: f64) -> Option<Self> {
        if !v.is_finite() {
            return None;
        }
        if v == 0.0 {
            return Some(Self::zero());
        }
        // `{:e}` prints the shortest digits that round-trip, in exponent form.
        Self::parse(&format!("{v:e}")).ok()
    }

    /// Parses decimal text: an optional sign, digits with an optional fraction, and an optional
    /// exponent (`-12.5e3`). Infinities and NaN are not numbers here.
    pub fn parse(text: &str) -> Result<Self, ParseNumberError> {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut negative = false;
        if let Some(&c @ (b'-' | b'+')) = bytes.first() {
            negative = c == b'-';
            i = 1;
        }
        let mut digits = Vec::with_capacity(bytes.len());
        let mut exponent: i64 = 0;
        let mut seen_digit = false;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digits.push(bytes[i] - b'0');
            seen_digit = true;
            i += 1;
        }
        if i < bytes.len() && bytes[i] == b'.' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                digits.push(bytes[i] - b'0');
                exponent -= 1;
                seen_digit = true;
                i += 1;
            }
        }
        if !seen_digit {
            return Err(ParseNumberError {
                reason: "no digits",
            });
        }
        if i < bytes.len() && (bytes[i] == b'e' || bytes[i] == b'E') {
            i += 1;
            let mut exp_negative = false;
            if i < bytes.len() && (bytes[i] == b'-' || bytes[i] == b'+') {
                exp_negative = bytes[i] == b'-';
                i += 1;
            }
            let start = i;
            let mut e: i64 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                e = e
                    .saturating_mul(10)
                    .saturating_add(i64::from(bytes[i] - b'0'));
                i += 1;
            }
            if i == start {
                return Err(ParseNumberError {
                    reason: "exponent has no digits",
                });
            }
            exponent = if exp_negative {
                exponent.saturating_sub(e)
            } else {
                exponent.saturating_add(e)
            };
        }
        if i != bytes.len() {
            return Err(ParseNumberError {
                reason: "unexpected character",
            });
        }
        let n = Self::from_parts(negative, digits, exponent);
        let magnitude = n.exponent.saturating_add(n.digits.len() as i64);
        if !n.digits.is_empty() && (n.exponent < -MAX_EXPONENT || magnitude > MAX_EXPONENT) {
            return Err(ParseNumberError {
                reason: "exponent out of range",
            });
        }
        Ok(n)
    }

    /// Builds a normalised number from raw parts.
    fn from_parts(negative: bool, mut digits: Vec<u8>, mut exponent: i64) -> Self {
        let leading = digits.iter().take_while(|&&d| d == 0).count();
        digits.drain(..leading);
        while digits.last() == Some(&0) {
            digits.pop();
            // Saturating: a parsed exponent may already be at the limit, and the caller rejects
            // it as out of range.
            exponent = exponent.saturating_add(1);
        }
        if digits.is_empty() {
            return Self::zero();
        }
        Number {
            negative,
            digits,
            exponent,
        }
    }

    /// Whether the number is zero.
    pub fn is_zero(&self) -> bool {
        self.digits.is_empty()
    }

    /// Whether the number is below zero.
    pub fn is_negative(&self) -> bool {
        self.negative
    }

    /// Whether the number has no fractional part.
    pub fn is_integer(&self) -> bool {
        self.exponent >= 0
    }

    /// The value as an `i64`, if it is an integer in range.
    pub fn as_i64(&self) -> Option<i64> {
        let magnitude = self.integer_magnitude()?;
        if self.negative {
            if magnitude <= u128::from(i64::MAX.unsigned_abs()) + 1 {
                Some((-(magnitude as i128)) as i64)
            } else {
                None
            }
        } else {
            i64::try_from(magnitude).ok()
        }
    }

    /// The value as a `u64`, if it is a non-negative integer in range.
    pub fn as_u64(&self) -> Option<u64> {
        if self.negative {
            return None;
        }
        u64::try_from(self.integer_magnitude()?).ok()
    }

    /// The absolute value if the number is an integer below 10^20.
    fn integer_magnitude(&self) -> Option<u128> {
        if self.exponent < 0 || self.digits.len() as i64 + self.exponent > 20 {
            return None;
        }
        let mut acc: u128 = 0;
        for &d in &self.digits {
            acc = acc * 10 + u128::from(d);
        }
        for _ in 0..self.exponent {
            acc *= 10;
        }
        Some(acc)
    }

    /// The nearest `f64` (correctly rounded; infinite when out of range).
    pub fn as_f64(&self) -> f64 {
        if self.digits.is_empty() {
            return 0.0;
        }
        let mut text = String::with_capacity(self.digits.len() + 24);
        if self.negative {
            text.push('-');
        }
        text.extend(self.digits.iter().map(|&d| char::from(b'0' + d)));
        text.push('e');
        text.push_str(&self.exponent.to_string());
        // The text is always a valid float literal, so parsing cannot fail.
        text.parse().unwrap_or(f64::NAN)
    }

    /// The value as an `f64` if that conversion is exact.
    pub fn to_f64_exact(&self) -> Option<f64> {
        // An f64 has at most 767 significant decimal digits.
        if self.digits.len() > 800 {
            return None;
        }
        let f = self.as_f64();
        match Number::from_f64(f) {
            Some(back) if back == *self => Some(f),
            _ => None,
        }
    }
}

impl From<i64> for Number {
    fn from(v: i64) -> Self {
        Number::from_i64(v)
    }
}

impl From<u64> for Number {
    fn from(v: u64) -> Self {
        Number::from_u64(v)
    }
}

impl From<i32> for Number {
    fn from(v: i32) -> Self {
        Number::from_i64(i64::from(v))
    }
}

impl FromStr for Number {
    type Err = ParseNumberError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Number::parse(s)
    }
}

impl fmt::Display for Number {
    /// Plain decimal text without an exponent, like `-12.5` or `1180591620717411303424`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.digits.is_empty() {
            return f.write_str("0");
        }
        let mut out =
            String::with_capacity(self.digits.len() + self.exponent.unsigned_abs() as usize + 3);
        if self.negative {
            out.push('-');
        }
        let digit = |d: &u8| char::from(b'0' + d);
        let len = self.digits.len() as i64;
        let point = len + self.exponent;
        if self.exponent >= 0 {
            out.extend(self.digits.iter().map(digit));
            out.extend(std::iter::repeat_n('0', self.exponent as usize));
        } else if point > 0 {
            let (int, frac) = self.digits.split_at(point as usize);
            out.extend(int.iter().map(digit));
            out.push('.');
            out.extend(frac.iter().map(digit));
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-point) as usize));
            out.extend(self.digits.iter().map(digit));
        }
        f.write_str(&out)
    }
}

impl Ord for Number {
    fn cmp(&self, other: &Self) -> Ordering {
        let sign = |n: &Number| {
            if n.digits.is_empty() {
                0
            } else if n.negative {
                -1
            } else {
                1
            }
        };
        match sign(self).cmp(&sign(other)) {
            Ordering::Equal => {}
            unequal => return unequal,
        }
        if self.digits.is_empty() {
            return Ordering::Equal;
        }
        let magnitude = (self.digits.len() as i64 + self.exponent)
            .cmp(&(other.digits.len() as i64 + other.exponent))
            .then_with(|| self.digits.cmp(&other.digits));
        if self.negative {
            magnitude.reverse()
        } else {
            magnitude
        }
    }
}

impl PartialOrd for Number {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A minimal unsigned big integer in base 10^9, little-endian, enough to expand binary floats.
struct BigUint {
    limbs: Vec<u64>,
}

const LIMB_BASE: u64 = 1_000_000_000;

impl BigUint {
    fn from_u64(mut v: u64) -> Self {
        let mut limbs = Vec::new();
        while v > 0 {
            limbs.push(v % LIMB_BASE);
            v /= LIMB_BASE;
        }
        BigUint { limbs }
    }

    fn mul_small(&mut self, factor: u64) {
        let mut carry = 0u64;
        for limb in &mut self.limbs {
            let product = *limb * factor + carry;
            *limb = product % LIMB_BASE;
            carry = product / LIMB_BASE;
        }
        while carry > 0 {
            self.limbs.push(carry % LIMB_BASE);
            carry /= LIMB_BASE;
        }
    }

    /// Multiplies by `base^count`, `chunk` powers at a time (`base^chunk` must stay below 2^31).
    fn mul_pow(&mut self, base: u64, chunk: u32, mut count: u32) {
        while count > 0 {
            let step = count.min(chunk);
            self.mul_small(base.pow(step));
            count -= step;
        }
    }

    fn to_decimal_digits(&self) -> Vec<u8> {
        let mut text = String::new();
        for (i, limb) in self.limbs.iter().rev().enumerate() {
            if i == 0 {
                text.push_str(&limb.to_string());
            } else {
                text.push_str(&format!("{limb:09}"));
            }
        }
        text.bytes().map(|b| b - b'0').collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display() {
        let cases = [
            ("zero", "0", "0"),
            ("negative zero", "-0.000", "0"),
            ("half", "1.5", "1.5"),
            ("quarter", "-0.25", "-0.25"),
            ("tenth", "0.1", "0.1"),
            ("exponent", "12.5e3", "12500"),
            ("small exponent", "1e-5", "0.00001"),
            ("leading zeros", "007.50", "7.5"),
            ("big", "1180591620717411303424", "1180591620717411303424"),
        ];
        for (name, input, want) in cases {
            assert_eq!(Number::parse(input).unwrap().to_string(), want, "{name}");
        }
    }

    #[test]
    fn shortest_f64_reads_back_as_the_same_float() {
        for v in [
            52.3676,
            4.9041,
            -0.1,
            0.5,
            1e300,
            -2.5e-300,
            123456789.0,
            -0.0,
        ] {
            let n = Number::from_f64_shortest(v).unwrap();
            assert_eq!(n.to_string().parse::<f64>().unwrap(), v, "{v}");
            assert!(n.digits.len() <= 17, "{v}: {n}");
        }
        assert_eq!(
            Number::from_f64_shortest(52.3676).unwrap().to_string(),
            "52.3676"
        );
        assert_eq!(Number::from_f64_shortest(-0.0), Some(Number::zero()));
        assert_eq!(Number::from_f64_shortest(f64::NAN), None);
    }

    #[test]
    fn parse_rejects() {
        for bad in ["", "-", "abc", "1e", "1.2.3", "inf", "NaN", "1e1000000"] {
            assert!(Number::parse(bad).is_err(), "{bad:?}");
        }
    }

    /// Found by the `value_decoding` fuzz target: an exponent that saturates while parsing,
    /// on digits with a trailing zero, overflowed when the zero was dropped.
    #[test]
    fn parse_rejects_a_saturated_exponent_on_trailing_zeros() {
        for bad in ["30e99999999999999999999", "-10e9223372036854775807"] {
            assert_eq!(
                Number::parse(bad).map_err(|e| e.reason),
                Err("exponent out of range"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn floats_expand_exactly() {
        assert_eq!(Number::from_f64(1.5).unwrap().to_string(), "1.5");
        assert_eq!(Number::from_f64(-0.25).unwrap().to_string(), "-0.25");
        assert_eq!(
            Number::from_f64(2f64.powi(70)).unwrap().to_string(),
            "1180591620717411303424"
        );
        assert_eq!(Number::from_f64(-0.0).unwrap(), Number::zero());
        assert!(
            Number::from_f64(0.1)
                .unwrap()
                .to_string()
                .starts_with("0.1000000000000000055511151231257827")
        );
        assert_eq!(
            Number::from_f64(f64::MIN_POSITIVE * f64::EPSILON)
                .unwrap()
                .as_f64(),
            5e-324
        );
        assert_eq!(Number::from_f64(f64::MAX).unwrap().as_f64(), f64::MAX);
        assert_eq!(Number::from_f64(f64::INFINITY), None);
    }

    #[test]
    fn exact_f64_detection() {
        assert_eq!(Number::parse("1.5").unwrap().to_f64_exact(), Some(1.5));
        assert_eq!(Number::parse("0.1").unwrap().to_f64_exact(), None);
        assert_eq!(
            Number::parse("1180591620717411303424")
                .unwrap()
                .to_f64_exact(),
            Some(2f64.powi(70))
        );
        assert_eq!(
            Number::parse("9007199254740993").unwrap().to_f64_exact(),
            None
        );
    }

    #[test]
    fn integer_conversions() {
        assert_eq!(Number::from_i64(i64::MIN).as_i64(), Some(i64::MIN));
        assert_eq!(Number::from_i64(i64::MAX).as_i64(), Some(i64::MAX));
        assert_eq!(Number::from_u64(u64::MAX).as_i64(), None);
        assert_eq!(Number::from_u64(u64::MAX).as_u64(), Some(u64::MAX));
        assert_eq!(Number::parse("1.5").unwrap().as_i64(), None);
        assert_eq!(Number::parse("1e3").unwrap().as_i64(), Some(1000));
        assert_eq!(
            Number::parse("-9223372036854775809").unwrap().as_i64(),
            None
        );
    }

    #[test]
    fn ordering_by_value() {
        let sorted = [
            "-100", "-1.5", "-0.25", "0", "0.1", "1", "1.05", "1.5", "10", "1e30",
        ];
        let numbers: Vec<Number> = sorted.iter().map(|s| s.parse().unwrap()).collect();
        for pair in numbers.windows(2) {
            assert!(pair[0] < pair[1], "{} < {}", pair[0], pair[1]);
        }
    }
}
