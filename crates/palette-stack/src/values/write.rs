//! The canonical emitter: block style, keys sorted, two-space indents, strings quoted only
//! where needed, so that normalizing the text gives the form back (see
//! [`Normalized::canonical_text`](super::Normalized::canonical_text)).

use std::fmt::Write as _;

use super::macros::macro_len;
use super::read::{CORE_TAG_PREFIX, is_printable};
use super::scalar::resolve_plain;
use super::{Float, Value, normalize};

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

pub(super) fn emit_document(out: &mut String, document: &Value, separated: bool) {
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
pub(super) fn literal_ok(text: &str) -> bool {
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
///
/// [`Prepared::new`]: super::macros::Prepared::new
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
pub(super) fn plain_ok(text: &str) -> bool {
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
pub(super) fn scalar_label(value: &Value) -> String {
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
    use super::super::canonical_text;
    use super::super::tests::{DIFFERENT, EQUAL, norm};

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
}
