//! YAML values compared by meaning, not by text.
//!
//! Pack values and manifests are YAML held in Terraform strings. Comparing them as text makes a
//! plan show a change whenever Palette or an editor reorders keys, changes quoting or drops a
//! trailing newline. [`normalize`] parses the text into a canonical [`Normalized`] form instead,
//! and two texts are [`equivalent`] when their forms are equal.
//!
//! # What makes no difference
//!
//! Key order, quoting style (`"a"`, `'a'`, `a`), comments, blank lines, indentation, flow versus
//! block style, literal versus folded versus quoted strings with the same content, `\r\n` line
//! ends, trailing blank lines and the final newline (Palette's UI strips them, so a keep-chomped
//! `|+` block at the very end of a text loses its trailing blank lines too), anchors and aliases (resolved), merge keys
//! (`<<`, resolved), the spelling of null (`~`, `null`, empty), of booleans (`true`, `True`), of
//! integers (`0x1F` and `31`) and of floats (`1.50`, `1.5`, `15e-1`), and empty documents in a
//! stream (`---` with nothing after it, which `kubectl` and Helm skip).
//!
//! # What does
//!
//! - A value, a key, or the order of a sequence.
//! - A type. Scalars resolve by the YAML 1.2 core schema: `1` is an integer and `"1"` a string,
//!   `1` an integer and `1.0` a float, `true` a boolean and `"true"` a string, `key:` null and
//!   `key: ""` an empty string. These differ.
//! - A plain scalar that YAML 1.1 readers (go-yaml v2, hence Helm) resolve differently from YAML
//!   1.2 stays as written ([`Value::Ambiguous`]): `yes`, `no`, `on`, `off`, `y`, `n`, `012`,
//!   `0o17`, `1_000`, `0b101`, `1:30`. Each compares equal only to the same plain text, never to
//!   its quoted form nor to `true`: an unquoted `yes` is a boolean to a Helm chart, so turning
//!   `"yes"` into `yes` is a real change.
//! - Documents of a stream, compared one by one in order, so a manifest's documents keep their
//!   order.
//!
//! # Palette macros
//!
//! Values may hold macros such as `{{ .spectro.var.domain }}`, which Palette substitutes as text
//! before it reads the YAML. A macro inside a quoted or block string is part of that string. An
//! unquoted macro (`port: {{ .spectro.var.port }}`, not YAML on its own) parses too: its plain
//! scalar becomes a [`Value::Template`], compared by its exact text, because its type is only
//! known after substitution (`port: {{ x }}` and `port: "{{ x }}"` differ).
//!
//! # Limits
//!
//! Nesting deeper than [`MAX_DEPTH`], and aliases that expand to more than [`MAX_NODES`] nodes,
//! are refused, so hostile input cannot exhaust the stack or memory.
//!
//! # Where it lives
//!
//! - `read`: [`normalize`], from the parser's events to the canonical tree.
//! - `macros`: the text handed to the parser, Palette macros swapped for placeholders.
//! - `scalar`: resolving plain scalars by the YAML 1.2 core schema.
//! - `write`: the canonical emitter behind [`Normalized::canonical_text`].

mod macros;
mod read;
mod scalar;
mod write;

use std::collections::BTreeMap;

pub use read::normalize;

/// How deeply collections may nest, aliases included.
pub const MAX_DEPTH: usize = 200;

/// How many nodes a text may expand to once aliases are resolved.
pub const MAX_NODES: usize = 1_000_000;

/// Malformed YAML, with the position of the problem in the text the user wrote.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct YamlError {
    /// The line, counted from 1.
    pub line: usize,
    /// The column in characters, counted from 1.
    pub column: usize,
    /// What is wrong, lowercase, without position.
    pub message: String,
}

/// The canonical form of a YAML stream: its non-empty documents in order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Normalized {
    documents: Vec<Value>,
}

impl Normalized {
    /// The documents of the stream in order, empty ones left out.
    pub fn documents(&self) -> &[Value] {
        &self.documents
    }

    /// The form of these documents.
    pub fn from_documents(documents: Vec<Value>) -> Normalized {
        Normalized { documents }
    }

    /// A deterministic YAML rendering of this form: block style, keys sorted, two-space indents,
    /// strings quoted only where needed. Normalizing it gives this form back.
    pub fn canonical_text(&self) -> String {
        let mut out = String::new();
        for (index, document) in self.documents.iter().enumerate() {
            write::emit_document(&mut out, document, index > 0);
        }
        out
    }
}

/// One node of a normalized document.
///
/// The derived order is the canonical key order; it sorts by kind first, so it is deterministic
/// but not numeric.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    /// `~`, `null`, or nothing.
    Null,
    /// `true` or `false` in any of their YAML 1.2 spellings.
    Bool(bool),
    /// An integer (decimal or `0x` hexadecimal).
    Int(i128),
    /// A floating-point number, kept as an exact decimal.
    Float(Float),
    /// A string.
    Str(String),
    /// A plain scalar that YAML 1.1 and YAML 1.2 readers resolve differently (`yes`, `012`),
    /// compared by its exact text.
    Ambiguous(String),
    /// A plain scalar holding a Palette macro, compared by its exact text.
    Template(String),
    /// A sequence, in order.
    Seq(Vec<Value>),
    /// A mapping, sorted by key, keys unique.
    Map(Vec<(Value, Value)>),
    /// A node with a tag outside the core schema (`!secret x`, `!!binary ...`).
    Tagged(String, Box<Value>),
}

/// A floating-point number as an exact decimal, so `1.5`, `1.50` and `15e-1` are equal and no
/// precision is lost to binary rounding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Float {
    /// `-.inf`.
    NegInf,
    /// `0.DIGITS × 10^exponent`, negative or not; zero has no digits and is never negative.
    Finite {
        /// Whether the number is below zero.
        negative: bool,
        /// The significant digits, without leading or trailing zeros.
        digits: String,
        /// The power of ten that multiplies `0.DIGITS`.
        exponent: i64,
    },
    /// `.inf`.
    Inf,
    /// `.nan`.
    NaN,
}

/// Whether two YAML texts mean the same.
///
/// When either text is not valid YAML, the texts are compared as written, ignoring only trailing
/// blank lines and the final newline, so a malformed value never equals a different one.
pub fn equivalent(a: &str, b: &str) -> bool {
    match (normalize(a), normalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => trim_trailing_blank(a) == trim_trailing_blank(b),
    }
}

/// The deterministic rendering of a YAML text (see [`Normalized::canonical_text`]).
///
/// # Errors
///
/// As [`normalize`].
#[cfg(test)]
pub fn canonical_text(yaml: &str) -> Result<String, YamlError> {
    normalize(yaml).map(|normalized| normalized.canonical_text())
}

/// Deep-merges `overlay` into `base`, as Helm merges values files: mappings merge key by key
/// (recursively), anything else in `overlay` replaces what `base` has, and an explicit null in
/// `overlay` removes the key from the result.
pub fn merge(base: Value, overlay: Value) -> Value {
    match (base, overlay) {
        (Value::Map(base), Value::Map(overlay)) => {
            let mut merged: BTreeMap<Value, Value> = base.into_iter().collect();
            for (key, value) in overlay {
                if value == Value::Null {
                    merged.remove(&key);
                    continue;
                }
                let next = match merged.remove(&key) {
                    Some(existing) => merge(existing, value),
                    None => value,
                };
                merged.insert(key, next);
            }
            Value::Map(merged.into_iter().collect())
        }
        (_, overlay) => overlay,
    }
}

/// The text with trailing whitespace-only lines and the final newline removed; the last line with
/// content keeps its trailing spaces, which may belong to a block scalar.
fn trim_trailing_blank(text: &str) -> &str {
    let Some(last) = text.rfind(|c: char| !c.is_whitespace()) else {
        return "";
    };
    let line_end = text[last..]
        .find('\n')
        .map_or(text.len(), |offset| last + offset);
    text[..line_end].trim_end_matches('\r')
}

#[cfg(test)]
mod tests {
    use super::write::{literal_ok, plain_ok};
    use super::*;
    use proptest::prelude::*;
    use std::fmt::Write as _;

    pub(super) fn norm(text: &str) -> Normalized {
        normalize(text).unwrap_or_else(|error| panic!("{text:?} should parse: {error}"))
    }

    pub(super) fn string(text: &str) -> Value {
        Value::Str(text.to_owned())
    }

    pub(super) const EQUAL: &[(&str, &str, &str)] = &[
        ("reordered keys", "a: 1\nb: 2\n", "b: 2\na: 1\n"),
        (
            "nested reordered keys",
            "x:\n  a: 1\n  b: [1, 2]\ny: z\n",
            "y: z\nx:\n  b: [1, 2]\n  a: 1\n",
        ),
        (
            "comments and blank lines",
            "# head\na: 1 # one\n\n\nb: 2\n# tail\n",
            "a: 1\nb: 2\n",
        ),
        (
            "quoting styles",
            "a: x\nb: 'it''s'\n",
            "a: \"x\"\nb: \"it's\"\n",
        ),
        ("single and double quotes", "a: 'x y'", "a: \"x y\""),
        (
            "flow and block mapping",
            "a: {b: 1, c: [x, y]}",
            "a:\n  b: 1\n  c:\n    - x\n    - y\n",
        ),
        (
            "flow and block sequence",
            "a: [1, 'two', {c: 3}]",
            "a:\n- 1\n- two\n- c: 3\n",
        ),
        (
            "indentation width",
            "a:\n    b:\n        c: 1\n",
            "a:\n  b:\n    c: 1\n",
        ),
        ("trailing newlines", "a: 1", "a: 1\n\n\n"),
        (
            "trailing spaces and blank lines",
            "a: 1\n   \n\t\n",
            "a: 1\n",
        ),
        (
            "crlf line ends",
            "a: 1\r\nb:\r\n  - x\r\n",
            "a: 1\nb:\n  - x\n",
        ),
        (
            "literal block without final newline",
            "a: |\n  x\n  y",
            "a: |\n  x\n  y\n",
        ),
        (
            "anchors and aliases",
            "base: &b {x: 1}\nuse: *b\n",
            "base: {x: 1}\nuse: {x: 1}\n",
        ),
        (
            "merge key",
            "d: &d {x: 1, y: 2}\ne:\n  <<: *d\n  y: 3\n",
            "d: {x: 1, y: 2}\ne: {x: 1, y: 3}\n",
        ),
        (
            "merge key list, first wins",
            "a: &a {x: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n",
            "a: {x: 1}\nb: {x: 2, z: 2}\nc: {x: 1, z: 2}\n",
        ),
        (
            "null spellings",
            "a:\nb: ~\nc: null\nd: Null\ne: NULL\n",
            "a: null\nb: null\nc: null\nd: null\ne: null\n",
        ),
        (
            "bool spellings",
            "a: True\nb: FALSE\n",
            "a: true\nb: false\n",
        ),
        (
            "integer spellings",
            "a: 0x1F\nb: +5\nc: -0\n",
            "a: 31\nb: 5\nc: 0\n",
        ),
        (
            "float spellings",
            "a: 1.50\nb: 15e-1\nc: .5\nd: 5.\ne: 1E3\n",
            "a: 1.5\nb: 1.5\nc: 0.5\nd: 5.0\ne: 1000.0\n",
        ),
        (
            "special floats",
            "a: .INF\nb: -.inf\nc: .NaN\n",
            "a: .inf\nb: -.Inf\nc: .nan\n",
        ),
        (
            "literal and quoted",
            "a: |\n  x\n  y\nb: 1\n",
            "a: \"x\\ny\\n\"\nb: 1\n",
        ),
        ("folded and quoted", "a: >\n  x\n  y\n", "a: \"x y\\n\"\n"),
        (
            "strip chomping and quoted",
            "a: |-\n  x\nb: 1\n",
            "a: x\nb: 1\n",
        ),
        ("multi-line plain folds", "a: x\n  y\n", "a: x y\n"),
        ("explicit key", "? a\n: 1\n", "a: 1\n"),
        (
            "core tags",
            "a: !!str 1\nb: !!int \"2\"\nc: !!float 3\nd: !!null ''\ne: !!bool 'true'\n",
            "a: '1'\nb: 2\nc: 3.0\nd:\ne: true\n",
        ),
        ("non-specific tag", "a: ! 12\n", "a: '12'\n"),
        (
            "collection core tags",
            "a: !!map {x: 1}\nb: !!seq [1]\n",
            "a: {x: 1}\nb: [1]\n",
        ),
        ("byte order mark", "\u{FEFF}a: 1\n", "a: 1\n"),
        ("document markers", "---\na: 1\n...\n", "a: 1\n"),
        (
            "empty documents dropped",
            "---\na: 1\n---\n---\nb: 2\n",
            "a: 1\n---\nb: 2\n",
        ),
        ("empty text and comments", "", "# nothing here\n"),
        ("empty text and null document", "---\n", "~\n"),
        (
            "quoted macro",
            "host: \"{{ .spectro.var.host }}\"\n",
            "host: '{{ .spectro.var.host }}'\n",
        ),
        (
            "macro inside a plain string",
            "image: repo/app:{{ .spectro.var.tag }}\n",
            "image:   repo/app:{{ .spectro.var.tag }}   # c\n",
        ),
        (
            "unquoted macro with comment",
            "port: {{ .spectro.var.port }} # the port\nz: 1\n",
            "z: 1\nport: {{ .spectro.var.port }}\n",
        ),
        (
            "macro in a literal block",
            "s: |\n  x={{ .spectro.system.cluster.name }}\n",
            "s: \"x={{ .spectro.system.cluster.name }}\\n\"\n",
        ),
        (
            "yaml 1.1 words as written",
            "a: yes\nb: off\n",
            "b: off\na: yes\n",
        ),
        ("escapes", "a: \"\\t\\u00e9\\x41\"\n", "a: \"\\téA\"\n"),
        (
            "manifest documents reordered keys",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: ConfigMap\napiVersion: v1\nmetadata:\n  name: b\n",
            "kind: Namespace\napiVersion: v1\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n",
        ),
    ];

    pub(super) const DIFFERENT: &[(&str, &str, &str)] = &[
        ("value", "a: 1", "a: 2"),
        ("key", "a: 1", "b: 1"),
        ("added key", "a: 1", "a: 1\nb: 2"),
        ("integer and string", "a: 1", "a: \"1\""),
        ("integer and float", "a: 1", "a: 1.0"),
        ("float and integer by exponent", "a: 1e3", "a: 1000"),
        ("bool and string", "a: true", "a: \"true\""),
        ("null and empty string", "a:", "a: \"\""),
        ("null and empty mapping", "a:", "a: {}"),
        ("empty mapping and empty sequence", "a: {}", "a: []"),
        ("null and string null", "a: null", "a: 'null'"),
        ("yes and quoted yes", "a: yes", "a: \"yes\""),
        ("yes and true", "a: yes", "a: true"),
        ("on and quoted on", "on: 1", "'on': 1"),
        ("leading zero", "a: 012", "a: 12"),
        ("0o octal and decimal", "a: 0o17", "a: 15"),
        ("underscore number", "a: 1_000", "a: 1000"),
        ("sexagesimal", "a: 1:30", "a: '1:30'"),
        ("sequence order", "a: [1, 2]", "a: [2, 1]"),
        ("document order", "a: 1\n---\nb: 2", "b: 2\n---\na: 1"),
        ("extra document", "a: 1", "a: 1\n---\nb: 2"),
        (
            "unquoted and quoted macro",
            "a: {{ .spectro.var.x }}",
            "a: \"{{ .spectro.var.x }}\"",
        ),
        (
            "macro text",
            "a: {{ .spectro.var.x }}",
            "a: {{ .spectro.var.y }}",
        ),
        (
            "plain and quoted text holding a macro",
            "a: x{{ .spectro.var.x }}",
            "a: 'x{{ .spectro.var.x }}'",
        ),
        (
            "macro spacing",
            "a: {{ .spectro.var.x }}",
            "a: {{.spectro.var.x}}",
        ),
        (
            "chomping inside a document",
            "a: |\n  x\nb: 1",
            "a: |-\n  x\nb: 1",
        ),
        (
            "keep chomping inside a document",
            "a: |+\n  x\n\nb: 1",
            "a: |\n  x\n\nb: 1",
        ),
        ("custom tag", "a: !secret x", "a: x"),
        ("custom tags differ", "a: !secret x", "a: !vault x"),
        (
            "trailing spaces in a literal",
            "a: |\n  x  \n",
            "a: |\n  x\n",
        ),
        ("string case", "a: Hello", "a: hello"),
        ("leading spaces in a quoted string", "a: ' x'", "a: 'x'"),
    ];

    #[test]
    fn equal_in_meaning() {
        for (name, a, b) in EQUAL {
            assert_eq!(norm(a), norm(b), "{name}");
            assert!(equivalent(a, b), "{name}");
        }
    }

    #[test]
    fn real_changes_are_detected() {
        for (name, a, b) in DIFFERENT {
            assert_ne!(norm(a), norm(b), "{name}");
            assert!(!equivalent(a, b), "{name}");
        }
    }

    #[test]
    fn malformed_texts_compare_as_written() {
        assert!(equivalent("a: 'x", "a: 'x\n\n"));
        assert!(!equivalent("a: 'x", "a: 'y"));
        assert!(!equivalent("a: 'x", "a: x"));
    }

    // ---- Property: renderings that differ only in style normalize to the same form. ----

    #[derive(Debug, Clone)]
    enum Tree {
        Null,
        Bool(bool),
        Int(i64),
        Str(String),
        Seq(Vec<Tree>),
        Map(Vec<(String, Tree)>),
    }

    fn tree() -> impl Strategy<Value = Tree> {
        let leaf = prop_oneof![
            Just(Tree::Null),
            any::<bool>().prop_map(Tree::Bool),
            any::<i64>().prop_map(Tree::Int),
            "[a-z0-9 :#'\"\\-{}\\[\\],.\n\t]{0,12}".prop_map(Tree::Str),
            "[a-z][a-z0-9_]{0,8}".prop_map(Tree::Str),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Tree::Seq),
                prop::collection::btree_map("[a-z][a-z0-9 _-]{0,6}", inner, 0..5)
                    .prop_map(|entries| Tree::Map(entries.into_iter().collect())),
            ]
        })
    }

    fn expected(tree: &Tree) -> Value {
        match tree {
            Tree::Null => Value::Null,
            Tree::Bool(b) => Value::Bool(*b),
            Tree::Int(n) => Value::Int(i128::from(*n)),
            Tree::Str(s) => Value::Str(s.clone()),
            Tree::Seq(items) => Value::Seq(items.iter().map(expected).collect()),
            Tree::Map(entries) => {
                let mut entries: Vec<(Value, Value)> = entries
                    .iter()
                    .map(|(k, v)| (string(k), expected(v)))
                    .collect();
                entries.sort();
                Value::Map(entries)
            }
        }
    }

    /// A tiny deterministic generator for style choices.
    struct Choices(u64);

    impl Choices {
        fn pick(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    fn quoted_single(s: &str) -> String {
        format!("'{}'", s.replace('\'', "''"))
    }

    fn quoted_double(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    fn scalar_text(tree: &Tree, flow: bool, choices: &mut Choices) -> String {
        match tree {
            Tree::Null => ["~", "null", "Null", "NULL"][choices.pick(4) as usize].to_owned(),
            Tree::Bool(b) => {
                let spellings = if *b {
                    ["true", "True", "TRUE"]
                } else {
                    ["false", "False", "FALSE"]
                };
                spellings[choices.pick(3) as usize].to_owned()
            }
            Tree::Int(n) => match choices.pick(3) {
                0 if *n >= 0 => format!("0x{n:x}"),
                1 if *n >= 0 => format!("+{n}"),
                _ => n.to_string(),
            },
            Tree::Str(s) => {
                // Flow context restricts plain scalars further; keep to simple words there.
                let simple = s
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
                let plain = plain_ok(s) && (!flow || simple);
                match choices.pick(3) {
                    0 if plain => s.clone(),
                    1 if !s.contains('\n') && !s.contains('\t') => quoted_single(s),
                    _ => quoted_double(s),
                }
            }
            Tree::Seq(_) | Tree::Map(_) => unreachable!("scalars only"),
        }
    }

    fn flow(tree: &Tree, choices: &mut Choices) -> String {
        match tree {
            Tree::Seq(items) => {
                let items: Vec<String> = items.iter().map(|item| flow(item, choices)).collect();
                format!("[{}]", items.join(", "))
            }
            Tree::Map(entries) => {
                let mut order: Vec<&(String, Tree)> = entries.iter().collect();
                shuffle(&mut order, choices);
                let entries: Vec<String> = order
                    .iter()
                    .map(|(k, v)| {
                        format!(
                            "{}: {}",
                            scalar_text(&Tree::Str(k.clone()), true, choices),
                            flow(v, choices)
                        )
                    })
                    .collect();
                format!("{{{}}}", entries.join(", "))
            }
            scalar => scalar_text(scalar, true, choices),
        }
    }

    fn shuffle<T>(items: &mut [T], choices: &mut Choices) {
        for i in (1..items.len()).rev() {
            let j = choices.pick(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }

    /// Renders a node that follows `key:` or `-` in block context.
    fn block_after(out: &mut String, tree: &Tree, indent: usize, choices: &mut Choices) {
        let nested = indent + 2 + 2 * choices.pick(2) as usize;
        match tree {
            Tree::Seq(items) if !items.is_empty() && choices.pick(3) > 0 => {
                out.push('\n');
                for item in items {
                    let _ = write!(out, "{}-", " ".repeat(nested));
                    block_after(out, item, nested, choices);
                }
            }
            Tree::Map(entries) if !entries.is_empty() && choices.pick(3) > 0 => {
                out.push('\n');
                block_map(out, entries, nested, choices);
            }
            Tree::Seq(_) | Tree::Map(_) => {
                let _ = writeln!(out, " {}", flow(tree, choices));
            }
            Tree::Str(s) if s.contains('\n') && literal_ok(s) && choices.pick(2) == 0 => {
                let body = s.trim_end_matches('\n');
                let chomp = match s.len() - body.len() {
                    0 => "-",
                    1 => "",
                    _ => "+",
                };
                let _ = writeln!(out, " |{chomp}");
                for line in body.split('\n') {
                    let _ = writeln!(out, "{}{line}", " ".repeat(nested));
                }
                for _ in 1..(s.len() - body.len()) {
                    out.push('\n');
                }
            }
            Tree::Null if choices.pick(3) == 0 => out.push('\n'),
            scalar => {
                let comment = if choices.pick(3) == 0 { "  # note" } else { "" };
                let _ = writeln!(out, " {}{comment}", scalar_text(scalar, false, choices));
            }
        }
    }

    fn block_map(
        out: &mut String,
        entries: &[(String, Tree)],
        indent: usize,
        choices: &mut Choices,
    ) {
        let mut order: Vec<&(String, Tree)> = entries.iter().collect();
        shuffle(&mut order, choices);
        for (key, value) in order {
            let _ = write!(
                out,
                "{}{}:",
                " ".repeat(indent),
                scalar_text(&Tree::Str(key.clone()), false, choices)
            );
            block_after(out, value, indent, choices);
        }
    }

    fn render(entries: &[(String, Tree)], seed: u64) -> String {
        let mut choices = Choices(seed | 1);
        let mut out = String::new();
        if choices.pick(4) == 0 {
            out.push_str("# generated\n---\n");
        }
        if entries.is_empty() || choices.pick(4) == 0 {
            out.push_str(&flow(&Tree::Map(entries.to_vec()), &mut choices));
            out.push('\n');
        } else {
            block_map(&mut out, entries, 0, &mut choices);
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn styles_normalize_alike(
            entries in prop::collection::btree_map("[a-z][a-z0-9_]{0,6}", tree(), 0..6),
            seeds in (any::<u64>(), any::<u64>()),
        ) {
            let entries: Vec<(String, Tree)> = entries.into_iter().collect();
            let want = Normalized { documents: vec![expected(&Tree::Map(entries.clone()))] };
            let first = render(&entries, seeds.0);
            let second = render(&entries, seeds.1);
            let a = normalize(&first).map_err(|e| TestCaseError::fail(format!("{e}\n{first}")))?;
            let b = normalize(&second).map_err(|e| TestCaseError::fail(format!("{e}\n{second}")))?;
            prop_assert_eq!(&a, &want, "{}", first);
            prop_assert_eq!(&b, &want, "{}", second);
            let canonical = a.canonical_text();
            let again = normalize(&canonical).map_err(|e| TestCaseError::fail(format!("{e}\n{canonical}")))?;
            prop_assert_eq!(&again, &want, "{}", canonical);
        }

        #[test]
        fn yaml_like_text_reads_back_from_its_canonical_text(text in "[a-c0-2:{}\\[\\]'\"#|>&*!,?%@~\n\t -]{0,60}") {
            if let Ok(form) = normalize(&text) {
                let canonical = form.canonical_text();
                prop_assert_eq!(normalize(&canonical).ok(), Some(form), "{:?} -> {:?}", text, canonical);
            }
        }

        #[test]
        fn arbitrary_text_never_panics(text in "\\PC{0,80}") {
            if let Ok(form) = normalize(&text) {
                let canonical = form.canonical_text();
                prop_assert_eq!(normalize(&canonical).ok(), Some(form), "{:?} -> {:?}", text, canonical);
            }
        }
    }
}
