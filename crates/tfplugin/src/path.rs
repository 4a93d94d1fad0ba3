//! Attribute paths: where inside a configuration, plan or state value something applies.

use std::fmt;

/// A path from the root of a value to one of its parts, like `rule[0].values` or `tags["team"]`.
///
/// ```
/// use tfplugin::AttributePath;
/// let p = AttributePath::root("rule").index(0).attr("values");
/// assert_eq!(p.to_string(), "rule[0].values");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct AttributePath(Vec<PathStep>);

/// One step of an [`AttributePath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum PathStep {
    /// An object attribute or nested block by name.
    Attribute(String),
    /// A map element by key.
    Key(String),
    /// A list or tuple element by position (sets are addressed by position too).
    Index(i64),
}

impl AttributePath {
    /// The empty path: the whole value.
    pub fn new() -> Self {
        AttributePath(Vec::new())
    }

    /// A path starting at a top-level attribute.
    pub fn root(name: impl Into<String>) -> Self {
        AttributePath(vec![PathStep::Attribute(name.into())])
    }

    /// Builds a path from its steps.
    pub fn from_steps(steps: Vec<PathStep>) -> Self {
        AttributePath(steps)
    }

    /// This path followed by an attribute.
    pub fn attr(mut self, name: impl Into<String>) -> Self {
        self.0.push(PathStep::Attribute(name.into()));
        self
    }

    /// This path followed by a map key.
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.0.push(PathStep::Key(key.into()));
        self
    }

    /// This path followed by an element index.
    pub fn index(mut self, index: i64) -> Self {
        self.0.push(PathStep::Index(index));
        self
    }

    /// This path followed by `step`.
    pub fn step(mut self, step: PathStep) -> Self {
        self.0.push(step);
        self
    }

    /// The steps, from the root outwards.
    pub fn steps(&self) -> &[PathStep] {
        &self.0
    }

    /// Whether this is the empty path.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The path without its last step, or `None` for the empty path.
    pub fn parent(&self) -> Option<AttributePath> {
        let (_, rest) = self.0.split_last()?;
        Some(AttributePath(rest.to_vec()))
    }

    /// Whether `self` starts with every step of `prefix`.
    pub fn starts_with(&self, prefix: &AttributePath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    pub(crate) fn push(&mut self, step: PathStep) {
        self.0.push(step);
    }

    pub(crate) fn pop(&mut self) {
        self.0.pop();
    }
}

impl From<Vec<PathStep>> for AttributePath {
    fn from(steps: Vec<PathStep>) -> Self {
        AttributePath(steps)
    }
}

impl fmt::Display for AttributePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                PathStep::Attribute(name) if i == 0 => f.write_str(name)?,
                PathStep::Attribute(name) => write!(f, ".{name}")?,
                PathStep::Key(key) => {
                    let mut quoted = Vec::with_capacity(key.len() + 2);
                    crate::value::json::write_string(&mut quoted, key);
                    write!(f, "[{}]", String::from_utf8_lossy(&quoted))?;
                }
                PathStep::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display() {
        let cases = [
            ("empty", AttributePath::new(), ""),
            ("root", AttributePath::root("name"), "name"),
            (
                "index then attribute",
                AttributePath::root("rule").index(0).attr("values"),
                "rule[0].values",
            ),
            (
                "map key",
                AttributePath::root("tags").key("team"),
                "tags[\"team\"]",
            ),
            (
                "quoted key",
                AttributePath::root("tags").key("a\"b"),
                "tags[\"a\\\"b\"]",
            ),
        ];
        for (name, path, want) in cases {
            assert_eq!(path.to_string(), want, "{name}");
        }
    }

    #[test]
    fn parent_and_prefix() {
        let p = AttributePath::root("a").index(1).attr("b");
        assert_eq!(p.parent(), Some(AttributePath::root("a").index(1)));
        assert!(p.starts_with(&AttributePath::root("a")));
        assert!(!p.starts_with(&AttributePath::root("b")));
        assert_eq!(AttributePath::new().parent(), None);
    }
}
