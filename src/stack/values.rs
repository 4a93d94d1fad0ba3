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

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Tag};

/// How deeply collections may nest, aliases included.
pub(crate) const MAX_DEPTH: usize = 200;

/// How many nodes a text may expand to once aliases are resolved.
pub(crate) const MAX_NODES: usize = 1_000_000;

/// Malformed YAML, with the position of the problem in the text the user wrote.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub(crate) struct YamlError {
    /// The line, counted from 1.
    pub(crate) line: usize,
    /// The column in characters, counted from 1.
    pub(crate) column: usize,
    /// What is wrong, lowercase, without position.
    pub(crate) message: String,
}

/// The canonical form of a YAML stream: its non-empty documents in order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub(crate) struct Normalized {
    documents: Vec<Value>,
}

impl Normalized {
    /// The documents of the stream in order, empty ones left out.
    pub(crate) fn documents(&self) -> &[Value] {
        &self.documents
    }

    /// The form of these documents.
    pub(crate) fn from_documents(documents: Vec<Value>) -> Normalized {
        Normalized { documents }
    }

    /// A deterministic YAML rendering of this form: block style, keys sorted, two-space indents,
    /// strings quoted only where needed. Normalizing it gives this form back.
    pub(crate) fn canonical_text(&self) -> String {
        let mut out = String::new();
        for (index, document) in self.documents.iter().enumerate() {
            emit_document(&mut out, document, index > 0);
        }
        out
    }
}

/// One node of a normalized document.
///
/// The derived order is the canonical key order; it sorts by kind first, so it is deterministic
/// but not numeric.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Value {
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
pub(crate) enum Float {
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

/// Parses a YAML stream into its canonical form.
///
/// # Errors
///
/// Returns the first problem with its line and column: a character YAML forbids (a control
/// character), a plain value starting with an indicator YAML reserves (`[>a]`), a syntax
/// error, a duplicate key, an alias to an unknown anchor, a core-schema tag on a value it does
/// not fit (`!!int abc`), or input past [`MAX_DEPTH`] or [`MAX_NODES`].
pub(crate) fn normalize(yaml: &str) -> Result<Normalized, YamlError> {
    // The parser reads some characters YAML forbids (control characters) as text or as white
    // space depending on the line break before them, so their canonical text would not read
    // back; they are refused, as the YAML specification asks (found by fuzzing).
    if let Some(error) = forbidden_character(yaml) {
        return Err(error);
    }
    // Finding macros is lexical, so `{{` and `}}` in strings can be taken for one. A misread shows
    // as a macro whose text breaks the quoting it landed in, or as a syntax error; each attempt
    // reads more of them literally, and the last reads them all literally.
    const ATTEMPTS: usize = 6;
    let mut literal = HashSet::new();
    let mut first_error = None;
    for attempt in 1..=ATTEMPTS {
        let prepared = Prepared::new(yaml, &literal, attempt < ATTEMPTS);
        match Builder::new(&prepared).run() {
            Ok((normalized, misread)) if misread.is_empty() => return Ok(normalized),
            Ok((_, misread)) => literal.extend(misread),
            Err(error) => {
                if prepared.macros.is_empty() {
                    return Err(first_error.unwrap_or(error));
                }
                first_error.get_or_insert(error);
                let risky: Vec<usize> = prepared
                    .macros
                    .iter()
                    .filter(|m| {
                        m.text[2..m.text.len() - 2].contains(['"', '\'', '[', ']', '{', '}'])
                    })
                    .map(|m| m.offset)
                    .collect();
                if risky.is_empty() {
                    literal.extend(prepared.macros.iter().map(|m| m.offset));
                } else {
                    literal.extend(risky);
                }
            }
        }
    }
    Err(first_error.unwrap_or_else(|| YamlError {
        line: 1,
        column: 1,
        message: "unreadable text".to_owned(),
    }))
}

/// The first character of `yaml` that YAML does not allow in a stream, as an error at its
/// position. Allowed: the printable characters, tab, the line breaks and the byte order mark.
fn forbidden_character(yaml: &str) -> Option<YamlError> {
    let (offset, c) = yaml.char_indices().find(|&(_, c)| {
        !(is_printable(c) || matches!(c, '\t' | '\n' | '\r' | '\u{85}' | '\u{FEFF}'))
    })?;
    let mut line = 1;
    let mut column = 1;
    let mut chars = yaml[..offset].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
            line += 1;
            column = 1;
        } else if c != '\r' {
            column += 1;
        }
    }
    Some(YamlError {
        line,
        column,
        message: format!("character U+{:04X} is not allowed in YAML", u32::from(c)),
    })
}

/// Whether two YAML texts mean the same.
///
/// When either text is not valid YAML, the texts are compared as written, ignoring only trailing
/// blank lines and the final newline, so a malformed value never equals a different one.
pub(crate) fn equivalent(a: &str, b: &str) -> bool {
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
pub(crate) fn canonical_text(yaml: &str) -> Result<String, YamlError> {
    normalize(yaml).map(|normalized| normalized.canonical_text())
}

/// Deep-merges `overlay` into `base`, as Helm merges values files: mappings merge key by key
/// (recursively), anything else in `overlay` replaces what `base` has, and an explicit null in
/// `overlay` removes the key from the result.
pub(crate) fn merge(base: Value, overlay: Value) -> Value {
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

// ---------------------------------------------------------------------------------------------
// Preparing the text: trailing blank lines and Palette macros.

/// The text handed to the parser, with each macro replaced by a placeholder that is a plain
/// scalar anywhere a plain scalar may start.
struct Prepared {
    text: String,
    marker: char,
    macros: Vec<Macro>,
    shifts: Vec<Shift>,
}

/// A macro found in the user's text.
struct Macro {
    /// As written, braces included.
    text: String,
    /// Its byte offset in the user's text.
    offset: usize,
}

/// Where a placeholder sits, to map parser positions back to the user's text.
struct Shift {
    line: usize,
    column: usize,
    placeholder_len: usize,
    original_len: usize,
}

impl Prepared {
    /// Prepares a text; macros at the offsets in `literal`, or all when `substitute` is false,
    /// stay as written.
    fn new(input: &str, literal: &HashSet<usize>, substitute: bool) -> Prepared {
        let trimmed = trim_trailing_blank(input);
        let marker = pick_marker(trimmed);
        let mut text = String::with_capacity(trimmed.len() + 1);
        let mut macros = Vec::new();
        let mut shifts = Vec::new();
        let mut line_offset = 0;
        for (line_index, line) in trimmed.split('\n').enumerate() {
            if line_index > 0 {
                text.push('\n');
            }
            let mut rest = line;
            let mut column = 0;
            while let Some(start) = rest.find("{{") {
                let offset = line_offset + (line.len() - rest.len()) + start;
                let found =
                    macro_len(&rest[start..]).filter(|_| substitute && !literal.contains(&offset));
                let Some(end) = found.map(|len| start + len) else {
                    // Not a macro: keep the braces as they are and look further on.
                    let kept = &rest[..start + 2];
                    text.push_str(kept);
                    column += kept.chars().count();
                    rest = &rest[start + 2..];
                    continue;
                };
                let before = &rest[..start];
                text.push_str(before);
                column += before.chars().count();
                let original = &rest[start..end];
                let placeholder = format!("{marker}{}{marker}", macros.len());
                let placeholder_len = placeholder.chars().count();
                shifts.push(Shift {
                    line: line_index + 1,
                    column,
                    placeholder_len,
                    original_len: original.chars().count(),
                });
                text.push_str(&placeholder);
                column += placeholder_len;
                macros.push(Macro {
                    text: original.to_owned(),
                    offset,
                });
                rest = &rest[end..];
            }
            text.push_str(rest);
            line_offset += line.len() + 1;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        Prepared {
            text,
            marker,
            macros,
            shifts,
        }
    }

    /// Puts the macros back into a scalar's text, as the scalar's quoting reads them; says
    /// whether there were any.
    /// Puts the macros back into a scalar's text, as the scalar's quoting reads them. Also gives
    /// the macros found, and those whose text breaks that quoting (misread, see [`normalize`]).
    fn restore<'a>(&self, text: &'a str, style: ScalarStyle) -> (Cow<'a, str>, bool, Vec<usize>) {
        if self.macros.is_empty() || !text.contains(self.marker) {
            return (Cow::Borrowed(text), false, Vec::new());
        }
        let width = self.marker.len_utf8();
        let mut out = String::with_capacity(text.len());
        let mut found = false;
        let mut misread = Vec::new();
        let mut rest = text;
        while let Some(at) = rest.find(self.marker) {
            out.push_str(&rest[..at]);
            let after = &rest[at + width..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let tail = &after[digits..];
            let original = (digits > 0 && tail.starts_with(self.marker))
                .then(|| after[..digits].parse::<usize>().ok())
                .flatten()
                .and_then(|index| self.macros.get(index));
            match original {
                Some(original) => {
                    if breaks_quoting(&original.text, style) {
                        misread.push(original.offset);
                    }
                    out.push_str(&unquote(&original.text, style));
                    found = true;
                    rest = &tail[width..];
                }
                None => {
                    out.push(self.marker);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        (Cow::Owned(out), found, misread)
    }

    /// An error at a parser position, moved back to the user's text.
    fn error(&self, at: &Marker, message: impl Into<String>) -> YamlError {
        let line = at.line().max(1);
        let mut column = at.col();
        let mut adjusted = column;
        for shift in self.shifts.iter().filter(|shift| shift.line == line) {
            if column >= shift.column + shift.placeholder_len {
                adjusted = (adjusted + shift.original_len).saturating_sub(shift.placeholder_len);
            } else if column > shift.column {
                adjusted = adjusted.saturating_sub(column - shift.column);
                column = shift.column;
            }
        }
        YamlError {
            line,
            column: adjusted + 1,
            message: message.into(),
        }
    }

    fn scan_error(&self, error: &ScanError) -> YamlError {
        self.error(error.marker(), error.info().to_owned())
    }
}

/// The length of the macro at the start of `text`, which starts with `{{`: through the first `}}`
/// that leaves the quotes inside balanced (`{{ "}}" }}` is one macro, `"{{"}}` and `'{{'}}` none),
/// so a macro never swallows the quote that closes a string.
fn macro_len(text: &str) -> Option<usize> {
    let mut from = 2;
    while let Some(close) = text[from..].find("}}") {
        let end = from + close + 2;
        if text[..end].matches('"').count().is_multiple_of(2)
            && text[..end].matches('\'').count().is_multiple_of(2)
        {
            return Some(end);
        }
        from += close + 1;
    }
    None
}

/// Whether a macro's text could not have stood inside a scalar of this style as written: it holds
/// the quote that would have ended the scalar.
fn breaks_quoting(raw: &str, style: ScalarStyle) -> bool {
    match style {
        ScalarStyle::SingleQuoted => raw.replace("''", "").contains('\''),
        ScalarStyle::DoubleQuoted => {
            let mut escaped = false;
            for c in raw.chars() {
                match c {
                    '"' if !escaped => return true,
                    '\\' => escaped = !escaped,
                    _ => escaped = false,
                }
            }
            false
        }
        _ => false,
    }
}

/// A macro's text as the quoting around it reads it: a placeholder hides it from the parser, so
/// its escapes are undone here.
fn unquote(raw: &str, style: ScalarStyle) -> Cow<'_, str> {
    match style {
        ScalarStyle::SingleQuoted if raw.contains("''") => Cow::Owned(raw.replace("''", "'")),
        ScalarStyle::DoubleQuoted if raw.contains('\\') => Cow::Owned(unescape_double(raw)),
        _ => Cow::Borrowed(raw),
    }
}

/// Undoes double-quoted escapes; an escape that is not valid stays as written.
fn unescape_double(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(escape) = chars.next() else {
            out.push('\\');
            break;
        };
        let simple = match escape {
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            't' | '\t' => Some('\t'),
            'n' => Some('\n'),
            'v' => Some('\u{B}'),
            'f' => Some('\u{C}'),
            'r' => Some('\r'),
            'e' => Some('\u{1B}'),
            ' ' => Some(' '),
            '"' => Some('"'),
            '/' => Some('/'),
            '\\' => Some('\\'),
            'N' => Some('\u{85}'),
            '_' => Some('\u{A0}'),
            'L' => Some('\u{2028}'),
            'P' => Some('\u{2029}'),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
            continue;
        }
        let width = match escape {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        let hex: String = chars.clone().take(width).collect();
        let decoded = (width > 0 && hex.len() == width)
            .then(|| u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32))
            .flatten();
        match decoded {
            Some(c) => {
                out.push(c);
                for _ in 0..width {
                    chars.next();
                }
            }
            None => {
                out.push('\\');
                out.push(escape);
            }
        }
    }
    out
}

/// What the `!!` handle stands for: the YAML core schema's tags.
const CORE_TAG_PREFIX: &str = "tag:yaml.org,2002:";

/// Indicators a plain scalar cannot start with that the parser still reads as text in flow
/// context (YAML 1.2 `c-indicator`, less those it reads as such everywhere).
const RESERVED_START: [char; 5] = ['>', '|', '%', '@', '`'];

/// A private-use character that appears in the text neither as itself nor as an escape, to build
/// placeholders that cannot collide with content.
fn pick_marker(text: &str) -> char {
    let lower = text.to_ascii_lowercase();
    ('\u{E000}'..='\u{F8FF}')
        .find(|c| !text.contains(*c) && !lower.contains(&format!("{:x}", u32::from(*c))))
        .unwrap_or('\u{F8FF}')
}

// ---------------------------------------------------------------------------------------------
// Building the canonical tree from parser events.

struct Builder<'p> {
    prepared: &'p Prepared,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Node>,
    documents: Vec<Value>,
    nodes: usize,
    misread: Vec<usize>,
}

/// A finished node on its way to its parent.
#[derive(Clone)]
struct Node {
    value: Value,
    /// How many nodes it holds, itself included.
    size: usize,
    /// How deeply collections nest inside it.
    height: usize,
    start: Marker,
    /// Whether it is the plain, untagged key `<<`.
    merge_key: bool,
}

struct Frame {
    kind: FrameKind,
    anchor: usize,
    tag: Option<TagKind>,
    start: Marker,
    size: usize,
    height: usize,
}

enum FrameKind {
    Seq(Vec<Value>),
    Map {
        entries: Vec<(Value, Value, Marker)>,
        merges: Vec<(Value, Marker)>,
        key: Option<Node>,
    },
}

enum TagKind {
    /// `!!suffix`: a tag of the YAML core schema.
    Core(String),
    /// `!` alone: a plain string or a plain collection.
    NonSpecific,
    /// Any other tag, as written.
    Other(String),
}

impl TagKind {
    fn of(tag: &Tag) -> TagKind {
        if (tag.handle == "!" && tag.suffix.is_empty())
            || (tag.handle.is_empty() && tag.suffix == "!")
        {
            return TagKind::NonSpecific;
        }
        let tag = format!("{}{}", tag.handle, tag.suffix);
        if let Some(suffix) = tag.strip_prefix(CORE_TAG_PREFIX) {
            // `!!x` and `!<tag:yaml.org,2002:x>` alike.
            return TagKind::Core(suffix.to_owned());
        }
        // In a value, `!!x` names the core schema's tag. A local tag whose name starts with
        // `!` (`!%21a` or `!<!!a>`, the tag `!!a`) keeps its second `!` percent-encoded, so it
        // is not written, nor read back, as the core tag (bug 20).
        match tag.strip_prefix("!!") {
            Some(rest) => TagKind::Other(format!("!%21{rest}")),
            None => TagKind::Other(tag),
        }
    }
}

impl<'p> Builder<'p> {
    fn new(prepared: &'p Prepared) -> Builder<'p> {
        Builder {
            prepared,
            stack: Vec::new(),
            anchors: HashMap::new(),
            documents: Vec::new(),
            nodes: 0,
            misread: Vec::new(),
        }
    }

    /// Builds the form; also gives the offsets of misread macros.
    fn run(mut self) -> Result<(Normalized, Vec<usize>), YamlError> {
        let parser = Parser::new_from_str(&self.prepared.text);
        for item in parser {
            let (event, span) = item.map_err(|error| self.prepared.scan_error(&error))?;
            let start = span.start;
            match event {
                Event::DocumentStart(_) => self.anchors.clear(),
                Event::Alias(id) => self.alias(id, start)?,
                Event::Scalar(text, style, anchor, tag) => {
                    self.count(1, &start)?;
                    // The parser takes a flow value such as `[>a]` as plain text, but YAML
                    // reserves these characters as indicators: a plain scalar cannot start with
                    // one, and in block context `>` and `|` start a block scalar, so such text
                    // has no canonical form that reads back. It is refused, as other YAML
                    // readers refuse it (bug 19).
                    if style == ScalarStyle::Plain
                        && let Some(first) =
                            text.chars().next().filter(|c| RESERVED_START.contains(c))
                    {
                        return Err(self.prepared.error(
                            &start,
                            format!(
                                "a plain value cannot start with `{first}`, which YAML \
                                 reserves as an indicator; quote the value"
                            ),
                        ));
                    }
                    let tag = tag.as_deref().map(TagKind::of);
                    let merge_key = style == ScalarStyle::Plain && tag.is_none() && text == "<<";
                    let value = self.scalar(&text, style, tag, &start)?;
                    let node = Node {
                        value,
                        size: 1,
                        height: 0,
                        start,
                        merge_key,
                    };
                    self.finish(node, anchor)?;
                }
                Event::SequenceStart(anchor, tag) => {
                    self.open(FrameKind::Seq(Vec::new()), anchor, tag, start)?
                }
                Event::MappingStart(anchor, tag) => {
                    let kind = FrameKind::Map {
                        entries: Vec::new(),
                        merges: Vec::new(),
                        key: None,
                    };
                    self.open(kind, anchor, tag, start)?;
                }
                Event::SequenceEnd | Event::MappingEnd => self.close()?,
                Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {}
            }
        }
        Ok((
            Normalized {
                documents: self.documents,
            },
            self.misread,
        ))
    }

    fn count(&mut self, nodes: usize, at: &Marker) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > MAX_NODES {
            return Err(self.prepared.error(
                at,
                format!("the document expands to more than {MAX_NODES} nodes"),
            ));
        }
        Ok(())
    }

    fn alias(&mut self, id: usize, start: Marker) -> Result<(), YamlError> {
        let Some(anchored) = self.anchors.get(&id) else {
            let message = "alias refers to an anchor that is not complete here \
                           (an alias cannot point into the node that holds it)";
            return Err(self.prepared.error(&start, message));
        };
        if self.stack.len() + anchored.height > MAX_DEPTH {
            return Err(self
                .prepared
                .error(&start, format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        let node = Node {
            start,
            merge_key: false,
            ..anchored.clone()
        };
        self.count(node.size, &start)?;
        self.finish(node, 0)
    }

    fn open(
        &mut self,
        kind: FrameKind,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        start: Marker,
    ) -> Result<(), YamlError> {
        if self.stack.len() >= MAX_DEPTH {
            return Err(self
                .prepared
                .error(&start, format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        self.count(1, &start)?;
        let tag = tag.as_deref().map(TagKind::of);
        self.stack.push(Frame {
            kind,
            anchor,
            tag,
            start,
            size: 1,
            height: 0,
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), YamlError> {
        let Some(frame) = self.stack.pop() else {
            return Ok(());
        };
        let (value, what) = match frame.kind {
            FrameKind::Seq(items) => (Value::Seq(items), "sequence"),
            FrameKind::Map {
                entries, merges, ..
            } => (self.mapping(entries, merges)?, "mapping"),
        };
        let value = match frame.tag {
            None | Some(TagKind::NonSpecific) => value,
            Some(TagKind::Core(suffix)) => match (suffix.as_str(), what) {
                ("seq", "sequence") | ("map", "mapping") => value,
                ("omap" | "pairs", "sequence") | ("set", "mapping") => {
                    Value::Tagged(format!("!!{suffix}"), Box::new(value))
                }
                _ => {
                    return Err(self.prepared.error(
                        &frame.start,
                        format!("tag !!{suffix} does not fit a {what}"),
                    ));
                }
            },
            Some(TagKind::Other(tag)) => Value::Tagged(tag, Box::new(value)),
        };
        let node = Node {
            value,
            size: frame.size,
            height: frame.height,
            start: frame.start,
            merge_key: false,
        };
        self.finish(node, frame.anchor)
    }

    /// Records an anchored node, then hands the node to its parent.
    fn finish(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        let Some(parent) = self.stack.last_mut() else {
            if node.value != Value::Null {
                self.documents.push(node.value);
            }
            return Ok(());
        };
        parent.size = parent.size.saturating_add(node.size);
        parent.height = parent.height.max(node.height + 1);
        match &mut parent.kind {
            FrameKind::Seq(items) => items.push(node.value),
            FrameKind::Map {
                entries,
                merges,
                key,
            } => match key.take() {
                None => *key = Some(node),
                Some(key) if key.merge_key => merges.push((node.value, key.start)),
                Some(key) => entries.push((key.value, node.value, key.start)),
            },
        }
        Ok(())
    }

    /// Builds a mapping: explicit keys must be unique; merged keys fill in what is missing, the
    /// first merged mapping winning over later ones.
    fn mapping(
        &self,
        entries: Vec<(Value, Value, Marker)>,
        merges: Vec<(Value, Marker)>,
    ) -> Result<Value, YamlError> {
        let mut map: BTreeMap<Value, (Value, Option<Marker>)> = BTreeMap::new();
        for (key, value, at) in entries {
            if let Some((_, Some(first))) = map.get(&key) {
                let message = format!(
                    "duplicate key {} (first at line {}, column {})",
                    scalar_label(&key),
                    first.line(),
                    self.prepared.error(first, "").column,
                );
                return Err(self.prepared.error(&at, message));
            }
            map.insert(key, (value, Some(at)));
        }
        for (source, at) in merges {
            let sources = match source {
                Value::Map(entries) => vec![entries],
                Value::Seq(items) => items
                    .into_iter()
                    .map(|item| match item {
                        Value::Map(entries) => Ok(entries),
                        _ => Err(self
                            .prepared
                            .error(&at, "merge key << takes a mapping or a list of mappings")),
                    })
                    .collect::<Result<_, _>>()?,
                _ => {
                    return Err(self
                        .prepared
                        .error(&at, "merge key << takes a mapping or a list of mappings"));
                }
            };
            for entries in sources {
                for (key, value) in entries {
                    map.entry(key).or_insert((value, None));
                }
            }
        }
        Ok(Value::Map(
            map.into_iter()
                .map(|(key, (value, _))| (key, value))
                .collect(),
        ))
    }

    fn scalar(
        &mut self,
        raw: &str,
        style: ScalarStyle,
        tag: Option<TagKind>,
        at: &Marker,
    ) -> Result<Value, YamlError> {
        let (text, has_macro, misread) = self.prepared.restore(raw, style);
        self.misread.extend(misread);
        let plain = style == ScalarStyle::Plain;
        let value = match tag {
            None if plain && has_macro => Value::Template(text.into_owned()),
            None if plain => resolve_plain(&text),
            None | Some(TagKind::NonSpecific) => Value::Str(text.into_owned()),
            Some(TagKind::Other(tag)) => {
                Value::Tagged(tag, Box::new(Value::Str(text.into_owned())))
            }
            Some(TagKind::Core(suffix)) => {
                let resolved = match suffix.as_str() {
                    "str" => Some(Value::Str(text.to_string())),
                    "null" => is_null(&text).then_some(Value::Null),
                    "bool" => parse_bool(&text).map(Value::Bool),
                    "int" => parse_int(&text).map(Value::Int),
                    "float" => parse_float(&text)
                        .or_else(|| parse_int(&text).and_then(int_to_float))
                        .map(Value::Float),
                    "map" | "seq" => None,
                    _ => Some(Value::Tagged(
                        format!("!!{suffix}"),
                        Box::new(Value::Str(text.to_string())),
                    )),
                };
                match resolved {
                    Some(value) => value,
                    None => {
                        let shown = scalar_label(&Value::Str(text.into_owned()));
                        return Err(self
                            .prepared
                            .error(at, format!("{shown} is not a valid !!{suffix}")));
                    }
                }
            }
        };
        Ok(value)
    }
}

// ---------------------------------------------------------------------------------------------
// Resolving plain scalars: the YAML 1.2 core schema, with YAML 1.1 differences kept apart.

fn resolve_plain(text: &str) -> Value {
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

fn is_null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn parse_bool(text: &str) -> Option<bool> {
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
fn parse_int(text: &str) -> Option<i128> {
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

fn int_to_float(n: i128) -> Option<Float> {
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

fn parse_float(text: &str) -> Option<Float> {
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

impl Float {
    /// A YAML 1.2 float that reads back as this number.
    fn render(&self) -> String {
        match self {
            Float::NegInf => "-.inf".to_owned(),
            Float::Inf => ".inf".to_owned(),
            Float::NaN => ".nan".to_owned(),
            Float::Finite {
                negative,
                digits,
                exponent,
            } => {
                let sign = if *negative { "-" } else { "" };
                if digits.is_empty() {
                    return "0.0".to_owned();
                }
                let len = i64::try_from(digits.len()).unwrap_or(i64::MAX);
                let body = if (-5..=0).contains(exponent) {
                    let zeros = usize::try_from(-exponent).unwrap_or(0);
                    format!("0.{}{digits}", "0".repeat(zeros))
                } else if *exponent > 0 && *exponent <= 21 {
                    let point = usize::try_from(*exponent).unwrap_or(0);
                    if *exponent >= len {
                        format!("{digits}{}.0", "0".repeat(point - digits.len()))
                    } else {
                        format!("{}.{}", &digits[..point], &digits[point..])
                    }
                } else {
                    let rest = if digits.len() > 1 { &digits[1..] } else { "0" };
                    format!("{}.{rest}e{}", &digits[..1], exponent - 1)
                };
                format!("{sign}{body}")
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rendering the canonical text.

fn emit_document(out: &mut String, document: &Value, separated: bool) {
    match document {
        // A tagged empty collection (`!t {}`) is written on one line below, like any tagged
        // scalar: on its own lines after `--- !t` it would have no content, and read as empty.
        Value::Tagged(tag, inner) if is_collection(inner) && !is_empty_collection(inner) => {
            let _ = writeln!(out, "--- {}", render_tag(tag));
            emit_block(out, inner, root_indent(inner));
        }
        _ if is_collection(document) && !is_empty_collection(document) => {
            if separated {
                out.push_str("---\n");
            }
            emit_block(out, document, root_indent(document));
        }
        _ => {
            // A top-level scalar or empty collection: the text after the indicator, minus the
            // space that would follow an indicator. One that starts like a document marker (a
            // template such as `... {{ x }}`) follows an explicit `---` on its line, where it
            // cannot be read as one.
            let mut line = String::new();
            emit_after(&mut line, document, 2, false);
            let text = line.strip_prefix(' ').unwrap_or(&line);
            if text.starts_with("---") || text.starts_with("...") {
                out.push_str("--- ");
            } else if separated {
                out.push_str("---\n");
            }
            out.push_str(text);
        }
    }
}

/// The indent of a document's top-level collection: 0, unless a key of its mapping written
/// at the start of a line would read as a document marker (a template key such as
/// `... {{ x }}`); the whole collection then moves two columns in, where no marker is read
/// and it means the same (bug 18).
fn root_indent(collection: &Value) -> usize {
    let Value::Map(entries) = collection else {
        return 0;
    };
    let marker_like = entries.iter().any(|(key, _)| {
        implicit_key(key).is_some_and(|text| text.starts_with("---") || text.starts_with("..."))
    });
    if marker_like { 2 } else { 0 }
}

fn is_collection(value: &Value) -> bool {
    matches!(value, Value::Map(_) | Value::Seq(_))
}

fn is_empty_collection(value: &Value) -> bool {
    match value {
        Value::Map(entries) => entries.is_empty(),
        Value::Seq(items) => items.is_empty(),
        _ => false,
    }
}

/// Writes a non-empty collection's entries at `indent`.
fn emit_block(out: &mut String, value: &Value, indent: usize) {
    emit_entries(out, value, indent, false);
}

/// Writes the entries of a non-empty collection, each line at `indent`; with `inline_first` the
/// first line continues the current line (after `- ` or `? `).
fn emit_entries(out: &mut String, value: &Value, indent: usize, inline_first: bool) {
    let pad = " ".repeat(indent);
    match value {
        Value::Seq(items) => {
            for (index, item) in items.iter().enumerate() {
                if index > 0 || !inline_first {
                    out.push_str(&pad);
                }
                out.push('-');
                emit_after(out, item, indent + 2, true);
            }
        }
        Value::Map(entries) => {
            for (index, (key, value)) in entries.iter().enumerate() {
                if index > 0 || !inline_first {
                    out.push_str(&pad);
                }
                match implicit_key(key) {
                    // A key holding a `{{` that no `}}` in it closes has its value on the next
                    // line: on the key's line, a `}}` in the value could close that `{{` into a
                    // macro swallowing the `:` (bug 12). The explicit `? key` form would not do:
                    // a key ending in `:` reads there as a mapping (bug 13).
                    Some(text) if has_open_macro(&text) => {
                        out.push_str(&text);
                        out.push(':');
                        let mut after = String::new();
                        emit_after(&mut after, value, indent + 2, false);
                        match after.strip_prefix(' ') {
                            Some(rest) => {
                                out.push('\n');
                                out.push_str(&" ".repeat(indent + 2));
                                out.push_str(rest);
                            }
                            None => out.push_str(&after),
                        }
                    }
                    Some(text) => {
                        out.push_str(&text);
                        out.push(':');
                        emit_after(out, value, indent + 2, false);
                    }
                    None => {
                        out.push('?');
                        emit_after(out, key, indent + 2, true);
                        out.push_str(&pad);
                        out.push(':');
                        emit_after(out, value, indent + 2, true);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Writes a node that follows an indicator (`key:`, `-`, `?`), through the end of its last line.
/// Nested lines go at `indent`; `compact` allows a collection to start on the indicator's line.
fn emit_after(out: &mut String, value: &Value, indent: usize, compact: bool) {
    match value {
        Value::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        Value::Seq(items) if items.is_empty() => out.push_str(" []\n"),
        Value::Map(_) | Value::Seq(_) if compact => {
            out.push(' ');
            emit_entries(out, value, indent, true);
        }
        Value::Map(_) | Value::Seq(_) => {
            out.push('\n');
            emit_entries(out, value, indent, false);
        }
        Value::Tagged(tag, inner) => {
            out.push(' ');
            out.push_str(&render_tag(tag));
            if is_collection(inner) && !is_empty_collection(inner) {
                out.push('\n');
                emit_entries(out, inner, indent, false);
            } else {
                emit_after(out, inner, indent, compact);
            }
        }
        Value::Str(text) if literal_ok(text) => emit_literal(out, text, indent),
        // A plain scalar spanning lines (a multi-line macro, say): its line breaks are folded
        // lines, so each is written as an empty line, continuation lines indented under the key.
        Value::Ambiguous(text) | Value::Template(text) if text.contains('\n') => {
            // One more break than the text has, so a run of n breaks writes n empty lines.
            let pad = " ".repeat(indent);
            let mut lines = text.split('\n');
            out.push(' ');
            out.push_str(lines.next().unwrap_or_default());
            for line in lines {
                out.push('\n');
                if !line.is_empty() {
                    out.push('\n');
                    out.push_str(&pad);
                    out.push_str(line);
                }
            }
            out.push('\n');
        }
        // A template whose macros scan differently once on one line (its input spread it over
        // lines, and a `{{` on one closed only on the next): written over two lines, split at
        // a space (a single line break folds back to it) where each line scans as it did.
        Value::Template(text) if !template_reads_back(&format!(" {text}\n"), value) => {
            let pad = " ".repeat(indent);
            let split = text.match_indices(' ').map(|(at, _)| at).find(|&at| {
                let candidate = format!(" {}\n  {}\n", &text[..at], &text[at + 1..]);
                template_reads_back(&candidate, value)
            });
            out.push(' ');
            match split {
                Some(at) => {
                    out.push_str(&text[..at]);
                    out.push('\n');
                    out.push_str(&pad);
                    out.push_str(&text[at + 1..]);
                }
                None => out.push_str(text),
            }
            out.push('\n');
        }
        scalar => {
            out.push(' ');
            out.push_str(&flow_scalar(scalar));
            out.push('\n');
        }
    }
}

/// Whether `after`, the text written after an indicator with continuation lines at indent 2,
/// reads back as `value`: checked by reading `k:` and `after` as a document.
fn template_reads_back(after: &str, value: &Value) -> bool {
    normalize(&format!("k:{after}")).is_ok_and(|read| {
        read.documents
            == [Value::Map(vec![(
                Value::Str("k".to_owned()),
                value.clone(),
            )])]
    })
}

/// Whether a string reads back exactly from a literal block scalar (`|` or `|-`). Strings ending in
/// more than one newline are quoted instead: keep chomping (`|+`) at the end of a text would lose
/// its trailing blank lines, which normalizing ignores.
fn literal_ok(text: &str) -> bool {
    let body = text.trim_end_matches('\n');
    if !text.contains('\n') || body.is_empty() || text.len() - body.len() > 1 {
        return false;
    }
    let printable = body
        .chars()
        .all(|c| c == '\n' || c == '\t' || (is_printable(c) && !is_special_break(c)));
    let blank_spaced = body
        .split('\n')
        .any(|line| !line.is_empty() && line.trim().is_empty());
    let first_content_spaced = body
        .split('\n')
        .find(|line| !line.is_empty())
        .is_some_and(|line| line.starts_with([' ', '\t']));
    printable && !blank_spaced && !first_content_spaced
}

fn emit_literal(out: &mut String, text: &str, indent: usize) {
    let body = text.trim_end_matches('\n');
    let newlines = text.len() - body.len();
    let chomp = if newlines == 0 { "-" } else { "" };
    let _ = writeln!(out, " |{chomp}");
    let pad = " ".repeat(indent);
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push('\n');
    }
}

/// A mapping key that fits on one line without `?` (a multi-line template key does not).
fn implicit_key(key: &Value) -> Option<String> {
    let text = match key {
        Value::Map(_) | Value::Seq(_) => return None,
        Value::Tagged(tag, inner) if !is_collection(inner) => {
            format!("{} {}", render_tag(tag), flow_scalar(inner))
        }
        Value::Tagged(..) => return None,
        scalar => flow_scalar(scalar),
    };
    (text.len() <= 1000 && !text.contains('\n')).then_some(text)
}

/// Whether a line holds a `{{` that starts no macro within it (see [`Prepared::new`]), so text
/// added after it on the same line could make one.
fn has_open_macro(line: &str) -> bool {
    let mut rest = line;
    while let Some(start) = rest.find("{{") {
        match macro_len(&rest[start..]) {
            Some(len) => rest = &rest[start + len..],
            None => return true,
        }
    }
    false
}

/// A scalar on one line: plain when that reads back the same, double-quoted otherwise.
fn flow_scalar(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(true) => "true".to_owned(),
        Value::Bool(false) => "false".to_owned(),
        Value::Int(n) => n.to_string(),
        Value::Float(float) => float.render(),
        Value::Str(text) if plain_ok(text) => text.clone(),
        Value::Str(text) => double_quoted(text),
        Value::Ambiguous(text) | Value::Template(text) => text.clone(),
        Value::Tagged(tag, inner) => format!("{} {}", render_tag(tag), flow_scalar(inner)),
        Value::Map(_) | Value::Seq(_) => String::new(),
    }
}

/// Whether a string reads back as the same string when written plain in block context.
fn plain_ok(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let second = text.chars().nth(1);
    let indicator_start = match first {
        '-' | '?' | ':' => second.is_none_or(char::is_whitespace),
        ',' | '[' | ']' | '{' | '}' | '#' | '&' | '*' | '!' | '|' | '>' | '\'' | '"' | '%'
        | '@' | '`' => true,
        _ => first.is_whitespace(),
    };
    !indicator_start
        && text != "<<"
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains("{{")
        && !text.starts_with("---")
        && !text.starts_with("...")
        && text
            .chars()
            .all(|c| c != '\t' && is_printable(c) && !is_special_break(c))
        && matches!(resolve_plain(text), Value::Str(_))
}

fn is_printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && c != '\u{FEFF}'
}

/// Characters that YAML 1.1 treats as line breaks; written escaped so no reader folds them.
fn is_special_break(c: char) -> bool {
    matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c == ' ' || is_printable(c) => out.push(c),
            c if u32::from(c) <= 0xFF => {
                let _ = write!(out, "\\x{:02X}", u32::from(c));
            }
            c => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

fn render_tag(tag: &str) -> String {
    let simple = |rest: &str| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.:/".contains(c))
    };
    if let Some(rest) = tag.strip_prefix("!!") {
        if simple(rest) {
            return format!("!!{rest}");
        }
        // A core tag `!<!!x>` would name a local tag: its full name is written instead.
        return render_tag(&format!("{CORE_TAG_PREFIX}{rest}"));
    }
    if let Some(rest) = tag.strip_prefix('!').filter(|rest| simple(rest)) {
        return format!("!{rest}");
    }
    // A verbatim tag holds URI characters only (YAML 1.2, `ns-uri-char`); anything else, `"`
    // or `{` say, is percent-encoded (bug 16).
    let escaped: String = tag
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-#;/?:@&=+$,_.!~*'()[]".contains(c) {
                c.to_string()
            } else {
                percent(c)
            }
        })
        .collect();
    format!("!<{escaped}>")
}

fn percent(c: char) -> String {
    let mut buffer = [0; 4];
    c.encode_utf8(&mut buffer)
        .bytes()
        .map(|b| format!("%{b:02X}"))
        .collect()
}

/// A short one-line rendering of a value for messages and paths.
fn scalar_label(value: &Value) -> String {
    let text = match value {
        Value::Str(text) => double_quoted(text),
        Value::Map(_) => "{...}".to_owned(),
        Value::Seq(_) => "[...]".to_owned(),
        other => flow_scalar(other),
    };
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn norm(text: &str) -> Normalized {
        normalize(text).unwrap_or_else(|error| panic!("{text:?} should parse: {error}"))
    }

    fn string(text: &str) -> Value {
        Value::Str(text.to_owned())
    }

    fn map(entries: &[(&str, Value)]) -> Value {
        let mut entries: Vec<(Value, Value)> = entries
            .iter()
            .map(|(k, v)| (string(k), v.clone()))
            .collect();
        entries.sort();
        Value::Map(entries)
    }

    const EQUAL: &[(&str, &str, &str)] = &[
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

    const DIFFERENT: &[(&str, &str, &str)] = &[
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

    #[test]
    fn malformed_yaml_reports_where() {
        let cases: &[(&str, &str, usize, usize, &str)] = &[
            ("unclosed quote", "a: 1\nb: 'x\n", 2, 4, "quoted scalar"),
            (
                "a flow value starting with an indicator",
                "a: 1\nb: [x, >y {{ .z }}]\n",
                2,
                8,
                "cannot start with `>`",
            ),
            (
                "a flow value starting with `|`",
                "{a: |b}",
                1,
                5,
                "cannot start with `|`",
            ),
            (
                "bad indentation",
                "a: b\n c: d\n",
                2,
                3,
                "mapping values are not allowed",
            ),
            (
                "sequence then mapping",
                "- a\nb: c\n",
                2,
                1,
                "'-' indicator",
            ),
            (
                "duplicate key",
                "a: 1\nb: 2\na: 3\n",
                3,
                1,
                "duplicate key \"a\" (first at line 1, column 1)",
            ),
            (
                "duplicate key after normalizing",
                "x:\n  1: a\n  0x1: b\n",
                3,
                3,
                "duplicate key 1 (first at line 2, column 3)",
            ),
            (
                "duplicate key by quoting",
                "k: 1\n'k': 2\n",
                2,
                1,
                "duplicate key \"k\"",
            ),
            ("unknown alias", "a: *nope\n", 1, 4, "unknown anchor"),
            (
                "alias into its own node",
                "a: &x [*x]\n",
                1,
                8,
                "not complete",
            ),
            (
                "alias from another document",
                "a: &x 1\n---\nb: *x\n",
                3,
                4,
                "not complete",
            ),
            (
                "bad int tag",
                "a: !!int abc\n",
                1,
                4,
                "\"abc\" is not a valid !!int",
            ),
            (
                "bad bool tag",
                "a: !!bool yes\n",
                1,
                4,
                "is not a valid !!bool",
            ),
            (
                "tag on the wrong kind",
                "a: !!seq {x: 1}\n",
                1,
                4,
                "tag !!seq does not fit a mapping",
            ),
            (
                "merge of a scalar",
                "a:\n  <<: 1\n",
                2,
                3,
                "merge key << takes a mapping",
            ),
            (
                "position after a macro",
                "a: {{ .spectro.var.x }}: c\n",
                1,
                24,
                "mapping values are not allowed",
            ),
            ("tab indentation", "a:\n\tb: 1\n", 2, 2, "tab"),
        ];
        for (name, text, line, column, fragment) in cases {
            let error = normalize(text).expect_err(name);
            assert_eq!(
                (error.line, error.column),
                (*line, *column),
                "{name}: {error}"
            );
            assert!(error.message.contains(fragment), "{name}: {error}");
            assert_eq!(
                error.to_string(),
                format!("line {line}, column {column}: {}", error.message),
                "{name}"
            );
        }
    }

    #[test]
    fn limits_refuse_hostile_input() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let error = normalize(&deep).expect_err("too deep");
        assert!(error.message.contains("nesting deeper than"), "{error}");
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH - 1), "]".repeat(MAX_DEPTH - 1));
        assert!(normalize(&fine).is_ok());

        let mut laughs = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g"])
        {
            let _ = writeln!(
                laughs,
                "{name}: &{name} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]"
            );
        }
        let error = normalize(&laughs).expect_err("billion laughs");
        assert!(error.message.contains("expands to more than"), "{error}");
    }

    #[test]
    fn malformed_texts_compare_as_written() {
        assert!(equivalent("a: 'x", "a: 'x\n\n"));
        assert!(!equivalent("a: 'x", "a: 'y"));
        assert!(!equivalent("a: 'x", "a: x"));
    }

    #[test]
    fn canonical_text_is_sorted_block_yaml() {
        let input = "z: [1, two, {k: v, a: [x]}]\ny: {}\nx: \"multi\\nline\\n\"\nw: 'yes'\nv: yes\nu: ''\nt: ~\ns: '1'\nr: 1.50\nq: |-\n  keep\n  this\np: !secret s\no: {{ .spectro.var.o }}\n? [a, b]\n: complex\n";
        let expected = "o: {{ .spectro.var.o }}\np: !secret s\nq: |-\n  keep\n  this\nr: 1.5\ns: \"1\"\nt: null\nu: \"\"\nv: yes\nw: \"yes\"\nx: |\n  multi\n  line\nz:\n  - 1\n  - two\n  - a:\n      - x\n    k: v\ny: {}\n? - a\n  - b\n: complex\n";
        assert_eq!(canonical_text(input).expect("valid"), expected);
        assert_eq!(norm(expected), norm(input));
    }

    #[test]
    fn canonical_text_of_streams_and_scalars() {
        let cases: &[(&str, &str, &str)] = &[
            ("empty", "", ""),
            ("scalar document", "hello\n", "hello\n"),
            ("quoted scalar document", "'1'", "\"1\"\n"),
            ("two documents", "a: 1\n---\n- x\n", "a: 1\n---\n- x\n"),
            (
                "tagged document",
                "--- !thing\na: 1\n",
                "--- !thing\na: 1\n",
            ),
            ("empty collections", "a: []\nb: {}\n", "a: []\nb: {}\n"),
            ("nested sequences", "[[1, 2], [3]]", "- - 1\n  - 2\n- - 3\n"),
            (
                "floats",
                "[1e30, 0.000001, -2.5e-7, 123.456, 100.0]",
                "- 1.0e30\n- 0.000001\n- -2.5e-7\n- 123.456\n- 100.0\n",
            ),
            (
                "keys needing quotes",
                "{'a: b': 1, '#x': 2, '': 3, 'null': 4}",
                "\"\": 3\n\"#x\": 2\n\"a: b\": 1\n\"null\": 4\n",
            ),
            (
                "control characters",
                "a: \"\\u0001\\u2028x\"",
                "a: \"\\x01\\Lx\"\n",
            ),
            ("merge key as a string", "'<<': 1", "\"<<\": 1\n"),
            (
                "template keys that start like document markers",
                "? ... {{ .a }}\n: 1\nb: {--- {{ .c }}: 2}\n",
                "  b:\n    --- {{ .c }}: 2\n  ... {{ .a }}: 1\n",
            ),
            (
                "huge exponent",
                "[1e999999999999, 1e9999999999999]",
                "- 1.0e999999999999\n- 1e9999999999999\n",
            ),
            ("string of newlines", "a: \"\\n\\n\"", "a: \"\\n\\n\"\n"),
            (
                "leading space in multi-line string",
                "a: \" x\\ny\"",
                "a: \" x\\ny\"\n",
            ),
            ("no keep chomping", "a: \"x\\n\\n\"", "a: \"x\\n\\n\"\n"),
            (
                "template key with an unclosed macro (bug 12)",
                "k {{ a }} {{:\n  v }}\n",
                "k {{ a }} {{:\n  v }}\n",
            ),
            (
                "template key ending in a colon with an unclosed macro (bug 13)",
                "{{ a }}{{ e:: \"}}\"",
                "{{ a }}{{ e::\n  \"}}\"\n",
            ),
            (
                "values of all kinds under a key with an unclosed macro",
                "k{{ a }}{{ 1:\n  |\n    l}}\n    m\nk{{ a }}{{ 2:\n  !t x}}\nk{{ a }}{{ 3:\n  {}\nk{{ a }}{{ 4:\n  - x}}\n",
                "k{{ a }}{{ 1:\n  |\n  l}}\n  m\nk{{ a }}{{ 2:\n  !t x}}\nk{{ a }}{{ 3:\n  {}\nk{{ a }}{{ 4:\n  - x}}\n",
            ),
        ];
        for (name, input, expected) in cases {
            let text = canonical_text(input).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_eq!(&text, expected, "{name}");
            assert_eq!(
                norm(&text),
                norm(input),
                "{name}: canonical text reads back"
            );
        }
    }

    #[test]
    fn canonical_text_reads_back_for_every_case() {
        for (name, a, b) in EQUAL.iter().chain(DIFFERENT) {
            for text in [a, b] {
                let form = norm(text);
                let canonical = form.canonical_text();
                assert_eq!(norm(&canonical), form, "{name}: {canonical:?}");
                assert_eq!(
                    canonical_text(&canonical).expect("valid"),
                    canonical,
                    "{name}: a fixed point"
                );
            }
        }
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
