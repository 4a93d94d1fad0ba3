//! Errors of the value codecs.

use std::fmt;

use crate::path::AttributePath;

/// A value or type could not be decoded from msgpack or JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Where in the value the problem is (empty for the whole value).
    pub path: AttributePath,
    /// What is wrong.
    pub message: String,
}

/// A value could not be encoded for the given type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncodeError {
    /// Where in the value the problem is (empty for the whole value).
    pub path: AttributePath,
    /// What is wrong.
    pub message: String,
}

impl DecodeError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        DecodeError {
            path: AttributePath::new(),
            message: message.into(),
        }
    }

    pub(crate) fn at(path: &AttributePath, message: impl Into<String>) -> Self {
        DecodeError {
            path: path.clone(),
            message: message.into(),
        }
    }
}

impl EncodeError {
    pub(crate) fn at(path: &AttributePath, message: impl Into<String>) -> Self {
        EncodeError {
            path: path.clone(),
            message: message.into(),
        }
    }
}

fn write(f: &mut fmt::Formatter<'_>, path: &AttributePath, message: &str) -> fmt::Result {
    if path.is_empty() {
        f.write_str(message)
    } else {
        write!(f, "{path}: {message}")
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write(f, &self.path, &self.message)
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write(f, &self.path, &self.message)
    }
}

impl std::error::Error for DecodeError {}
impl std::error::Error for EncodeError {}
