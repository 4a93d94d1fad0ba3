//! Cluster profile versions: `MAJOR.MINOR.PATCH`.
//!
//! Palette documents profile versions as `major.minor.patch` with the default `1.0.0`; each
//! (name, version) pair is its own profile. We accept exactly three dot-separated decimal
//! numbers without leading zeros (as semantic versioning writes them), so `1.0.0` and `01.0.0`
//! can never name two profiles that look like one. Pre-release and build suffixes are refused:
//! Palette's format has none.

use std::fmt;
use std::str::FromStr;

/// A profile version. Orders numerically: `1.10.0` is newer than `1.9.0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProfileVersion {
    /// The first number.
    pub major: u64,
    /// The second number.
    pub minor: u64,
    /// The third number.
    pub patch: u64,
}

/// The version profiles get when none is given.
pub const DEFAULT_VERSION: &str = "1.0.0";

/// A version string that is not `MAJOR.MINOR.PATCH`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("version {text:?} is not MAJOR.MINOR.PATCH ({reason}), for example 1.0.0")]
pub struct VersionError {
    /// The text as given.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl ProfileVersion {
    /// Parses `MAJOR.MINOR.PATCH`.
    ///
    /// # Errors
    ///
    /// Says what is wrong: the count of parts, an empty part, a character other than a digit, a
    /// leading zero, or a number too large.
    pub fn parse(text: &str) -> Result<ProfileVersion, VersionError> {
        let error = |reason| VersionError {
            text: text.to_owned(),
            reason,
        };
        let parts: Vec<&str> = text.split('.').collect();
        if parts.len() != 3 {
            return Err(error("three numbers separated by dots are needed"));
        }
        let mut numbers = [0_u64; 3];
        for (slot, part) in numbers.iter_mut().zip(&parts) {
            if part.is_empty() {
                return Err(error("a number is empty"));
            }
            if !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error("only digits and dots are allowed"));
            }
            if part.len() > 1 && part.starts_with('0') {
                return Err(error("numbers have no leading zeros"));
            }
            *slot = part.parse().map_err(|_| error("a number is too large"))?;
        }
        let [major, minor, patch] = numbers;
        Ok(ProfileVersion {
            major,
            minor,
            patch,
        })
    }
}

impl FromStr for ProfileVersion {
    type Err = VersionError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ProfileVersion::parse(text)
    }
}

impl fmt::Display for ProfileVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_versions() {
        let cases = [
            ("default", "1.0.0", (1, 0, 0)),
            ("zeros", "0.0.0", (0, 0, 0)),
            ("two digits", "1.10.0", (1, 10, 0)),
            ("large", "2026.11.24", (2026, 11, 24)),
            ("u64 max", "18446744073709551615.0.0", (u64::MAX, 0, 0)),
        ];
        for (name, text, (major, minor, patch)) in cases {
            let version =
                ProfileVersion::parse(text).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_eq!(
                version,
                ProfileVersion {
                    major,
                    minor,
                    patch
                },
                "{name}"
            );
            assert_eq!(version.to_string(), text, "{name}");
        }
    }

    #[test]
    fn invalid_versions() {
        let cases = [
            ("empty", "", "three numbers separated by dots are needed"),
            (
                "two parts",
                "1.0",
                "three numbers separated by dots are needed",
            ),
            (
                "four parts",
                "1.0.0.0",
                "three numbers separated by dots are needed",
            ),
            ("empty part", "1..0", "a number is empty"),
            ("trailing dot", "1.0.", "a number is empty"),
            ("v prefix", "v1.0.0", "only digits and dots are allowed"),
            (
                "pre-release",
                "1.0.0-beta",
                "only digits and dots are allowed",
            ),
            ("build", "1.0.0+1", "only digits and dots are allowed"),
            ("space", " 1.0.0", "only digits and dots are allowed"),
            ("sign", "1.-1.0", "only digits and dots are allowed"),
            ("leading zero", "01.0.0", "numbers have no leading zeros"),
            (
                "leading zero patch",
                "1.0.00",
                "numbers have no leading zeros",
            ),
            (
                "overflow",
                "18446744073709551616.0.0",
                "a number is too large",
            ),
        ];
        for (name, text, reason) in cases {
            let error = ProfileVersion::parse(text).expect_err(name);
            assert_eq!(error.reason, reason, "{name}");
            assert_eq!(
                error.to_string(),
                format!("version {text:?} is not MAJOR.MINOR.PATCH ({reason}), for example 1.0.0"),
                "{name}"
            );
        }
    }

    #[test]
    fn ordering_is_numeric() {
        let parse = |text| ProfileVersion::parse(text).expect("valid");
        assert!(parse("1.10.0") > parse("1.9.0"));
        assert!(parse("2.0.0") > parse("1.99.99"));
        assert!(parse("1.0.1") > parse("1.0.0"));
        assert_eq!(
            parse("1.2.3").cmp(&parse("1.2.3")),
            std::cmp::Ordering::Equal
        );
    }
}
