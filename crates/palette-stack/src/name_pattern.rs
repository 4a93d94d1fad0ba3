//! Name patterns for listing objects: `*` matches any run of characters (none included), every
//! other character itself, case-sensitively, as Palette compares names.

/// What a server-side search can narrow a pattern to before the exact match runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// The name is exactly this (a pattern without `*`).
    Equals(String),
    /// The name starts with this (a pattern whose only `*` ends it).
    BeginsWith(String),
    /// The name holds this (the longest run of the pattern without `*`).
    Contains(String),
    /// Anything (`*`, or only `*`s).
    Any,
}

/// A parsed name pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamePattern {
    parts: Vec<String>,
    starred: bool,
}

impl NamePattern {
    /// The pattern `text`.
    pub fn new(text: &str) -> NamePattern {
        NamePattern {
            parts: text.split('*').map(str::to_string).collect(),
            starred: text.contains('*'),
        }
    }

    /// Whether `name` matches.
    pub fn matches(&self, name: &str) -> bool {
        let [first, middle @ .., last] = self.parts.as_slice() else {
            return name == self.parts[0];
        };
        if !self.starred {
            return name == first;
        }
        let Some(mut rest) = name.strip_prefix(first.as_str()) else {
            return false;
        };
        for part in middle {
            match rest.find(part.as_str()) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
        rest.len() >= last.len() && rest.ends_with(last.as_str())
    }

    /// What a search can ask the server for; the caller still checks [`matches`](Self::matches).
    pub fn hint(&self) -> Hint {
        if !self.starred {
            return Hint::Equals(self.parts[0].clone());
        }
        if self.parts.len() == 2 && self.parts[1].is_empty() && !self.parts[0].is_empty() {
            return Hint::BeginsWith(self.parts[0].clone());
        }
        match self.parts.iter().max_by_key(|p| p.len()) {
            Some(longest) if !longest.is_empty() => Hint::Contains(longest.clone()),
            _ => Hint::Any,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_match_any_run() {
        let cases = [
            ("prod-*", "prod-eks", true),
            ("prod-*", "dev-prod-eks", false),
            ("*-eks", "prod-eks", true),
            ("*-eks", "prod-eks-2", false),
            ("p*d*s", "prod-eks", true),
            ("p*d*s", "pds", true),
            ("a*a", "a", false),
            ("exact", "exact", true),
            ("exact", "exactly", false),
            ("*", "", true),
            ("", "", true),
            ("Prod*", "prod", false),
        ];
        for (pattern, name, want) in cases {
            assert_eq!(
                NamePattern::new(pattern).matches(name),
                want,
                "{pattern} {name}"
            );
        }
    }

    #[test]
    fn hints_narrow_the_search() {
        assert_eq!(NamePattern::new("web").hint(), Hint::Equals("web".into()));
        assert_eq!(
            NamePattern::new("web-*").hint(),
            Hint::BeginsWith("web-".into())
        );
        assert_eq!(
            NamePattern::new("*-prod-*").hint(),
            Hint::Contains("-prod-".into())
        );
        assert_eq!(NamePattern::new("**").hint(), Hint::Any);
    }
}
