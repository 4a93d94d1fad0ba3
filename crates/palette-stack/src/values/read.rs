//! Reading a YAML stream into its canonical form: [`normalize`] refuses the characters YAML
//! forbids, then builds the tree from the parser's events over the prepared text (anchors and
//! aliases, merge keys, tags, duplicate keys, the limits).

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, Tag};

use super::macros::Prepared;
use super::scalar::{int_to_float, is_null, parse_bool, parse_float, parse_int, resolve_plain};
use super::write::scalar_label;
use super::{MAX_DEPTH, MAX_NODES, Normalized, Value, YamlError};

/// Parses a YAML stream into its canonical form.
///
/// # Errors
///
/// Returns the first problem with its line and column: a character YAML forbids (a control
/// character), a plain value starting with an indicator YAML reserves (`[>a]`), a syntax
/// error, a duplicate key, an alias to an unknown anchor, a core-schema tag on a value it does
/// not fit (`!!int abc`), or input past [`MAX_DEPTH`] or [`MAX_NODES`].
pub fn normalize(yaml: &str) -> Result<Normalized, YamlError> {
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

pub(super) fn is_printable(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        && c != '\u{FEFF}'
}

/// What the `!!` handle stands for: the YAML core schema's tags.
pub(super) const CORE_TAG_PREFIX: &str = "tag:yaml.org,2002:";

/// Indicators a plain scalar cannot start with that the parser still reads as text in flow
/// context (YAML 1.2 `c-indicator`, less those it reads as such everywhere).
const RESERVED_START: [char; 5] = ['>', '|', '%', '@', '`'];

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

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
}
