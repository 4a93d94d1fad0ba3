//! Preparing the text for the parser: trailing blank lines and Palette macros.
//!
//! Finding macros is lexical: each `{{ ... }}` is swapped for a placeholder that is a plain
//! scalar anywhere a plain scalar may start, and put back into the scalar that holds it as that
//! scalar's quoting reads it. Parser positions are moved back to the user's text.

use std::borrow::Cow;
use std::collections::HashSet;

use saphyr_parser::{Marker, ScalarStyle, ScanError};

use super::{YamlError, trim_trailing_blank};

/// The text handed to the parser, with each macro replaced by a placeholder that is a plain
/// scalar anywhere a plain scalar may start.
pub(super) struct Prepared {
    pub(super) text: String,
    marker: char,
    pub(super) macros: Vec<Macro>,
    shifts: Vec<Shift>,
}

/// A macro found in the user's text.
pub(super) struct Macro {
    /// As written, braces included.
    pub(super) text: String,
    /// Its byte offset in the user's text.
    pub(super) offset: usize,
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
    pub(super) fn new(input: &str, literal: &HashSet<usize>, substitute: bool) -> Prepared {
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
    ///
    /// [`normalize`]: super::normalize
    pub(super) fn restore<'a>(
        &self,
        text: &'a str,
        style: ScalarStyle,
    ) -> (Cow<'a, str>, bool, Vec<usize>) {
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
    pub(super) fn error(&self, at: &Marker, message: impl Into<String>) -> YamlError {
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

    pub(super) fn scan_error(&self, error: &ScanError) -> YamlError {
        self.error(error.marker(), error.info().to_owned())
    }
}

/// The length of the macro at the start of `text`, which starts with `{{`: through the first `}}`
/// that leaves the quotes inside balanced (`{{ "}}" }}` is one macro, `"{{"}}` and `'{{'}}` none),
/// so a macro never swallows the quote that closes a string.
pub(super) fn macro_len(text: &str) -> Option<usize> {
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

/// A private-use character that appears in the text neither as itself nor as an escape, to build
/// placeholders that cannot collide with content.
fn pick_marker(text: &str) -> char {
    let lower = text.to_ascii_lowercase();
    ('\u{E000}'..='\u{F8FF}')
        .find(|c| !text.contains(*c) && !lower.contains(&format!("{:x}", u32::from(*c))))
        .unwrap_or('\u{F8FF}')
}
