//! The JSON form of values that Terraform keeps in state (cty's `json` package, by its wire
//! facts), and a small exact JSON reader.
//!
//! Numbers are kept as their decimal text, so no precision is lost either way. Objects are JSON
//! objects with every attribute of the type; lists, sets and tuples are arrays; maps are objects;
//! a value of type `dynamic` is `{"value": …, "type": …}`. JSON has no unknown values.

use std::collections::BTreeMap;

use super::{DecodeError, EncodeError, Number, Value};
use crate::path::{AttributePath, PathStep};
use crate::types::Type;

/// How deeply arrays and objects may nest in JSON input.
const MAX_DEPTH: usize = 512;

/// A parsed JSON document, numbers kept as text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Members in document order.
    Object(Vec<(String, Json)>),
}

impl Json {
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a bool",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Parses a whole JSON document.
pub(crate) fn parse(bytes: &[u8]) -> Result<Json, DecodeError> {
    let text =
        std::str::from_utf8(bytes).map_err(|_| DecodeError::new("JSON is not valid UTF-8"))?;
    let mut parser = Parser {
        s: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
    };
    parser.whitespace();
    let value = parser.value()?;
    parser.whitespace();
    if parser.pos != parser.s.len() {
        return Err(parser.error("unexpected data after the JSON value"));
    }
    Ok(value)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, message: &str) -> DecodeError {
        DecodeError::new(format!("invalid JSON at byte {}: {message}", self.pos))
    }

    fn whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.pos) {
            self.pos += 1;
        }
    }

    fn literal(&mut self, word: &str, value: Json) -> Result<Json, DecodeError> {
        if self.s[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error("unexpected character"))
        }
    }

    fn value(&mut self) -> Result<Json, DecodeError> {
        match self.s.get(self.pos) {
            None => Err(self.error("unexpected end of input")),
            Some(b'n') => self.literal("null", Json::Null),
            Some(b't') => self.literal("true", Json::Bool(true)),
            Some(b'f') => self.literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => {
                self.enter()?;
                self.pos += 1;
                let mut items = Vec::new();
                self.whitespace();
                if self.s.get(self.pos) == Some(&b']') {
                    self.pos += 1;
                } else {
                    loop {
                        self.whitespace();
                        items.push(self.value()?);
                        self.whitespace();
                        match self.s.get(self.pos) {
                            Some(b',') => self.pos += 1,
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.error("expected ',' or ']'")),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Json::Array(items))
            }
            Some(b'{') => {
                self.enter()?;
                self.pos += 1;
                let mut members = Vec::new();
                self.whitespace();
                if self.s.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                } else {
                    loop {
                        self.whitespace();
                        if self.s.get(self.pos) != Some(&b'"') {
                            return Err(self.error("expected a member name"));
                        }
                        let name = self.string()?;
                        self.whitespace();
                        if self.s.get(self.pos) != Some(&b':') {
                            return Err(self.error("expected ':'"));
                        }
                        self.pos += 1;
                        self.whitespace();
                        members.push((name, self.value()?));
                        self.whitespace();
                        match self.s.get(self.pos) {
                            Some(b',') => self.pos += 1,
                            Some(b'}') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(self.error("expected ',' or '}'")),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Json::Object(members))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    fn enter(&mut self) -> Result<(), DecodeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(self.error("nested too deeply"))
        } else {
            Ok(())
        }
    }

    fn number(&mut self) -> Result<Json, DecodeError> {
        let start = self.pos;
        let digits = |p: &mut Self| {
            let begin = p.pos;
            while p.s.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > begin
        };
        if self.s[self.pos] == b'-' {
            self.pos += 1;
        }
        if !digits(self) {
            return Err(self.error("expected digits"));
        }
        if self.s.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("expected digits after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.s.get(self.pos) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("expected exponent digits"));
            }
        }
        Ok(Json::Number(self.text[start..self.pos].to_owned()))
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        self.pos += 1; // The opening quote.
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(&b) = self.s.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.s.get(self.pos) {
                None => return Err(self.error("unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.s.get(self.pos) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let high = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&high) {
                                if !self.s[self.pos + 1..].starts_with(b"\\u") {
                                    return Err(self.error("unpaired surrogate"));
                                }
                                self.pos += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return Err(self.error("unpaired surrogate"));
                                }
                                0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
                            } else {
                                high
                            };
                            char::from_u32(code).ok_or_else(|| self.error("invalid \\u escape"))?
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    out.push(escaped);
                    self.pos += 1;
                }
                Some(_) => return Err(self.error("control character in string")),
            }
        }
    }

    /// Reads the four hex digits after `\u`, leaving `pos` on the last one.
    fn hex4(&mut self) -> Result<u32, DecodeError> {
        let digits = self
            .s
            .get(self.pos + 1..self.pos + 5)
            .ok_or_else(|| self.error("short \\u escape"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.error("invalid \\u escape"))?;
        let code = u32::from_str_radix(text, 16).map_err(|_| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(code)
    }
}

/// Writes `s` as a JSON string literal.
pub(crate) fn write_string(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut run_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..0x20 | 0x7f => b"",
            _ => continue,
        };
        out.extend_from_slice(&bytes[run_start..i]);
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        run_start = i + 1;
    }
    out.extend_from_slice(&bytes[run_start..]);
    out.push(b'"');
}

pub(super) fn decode(bytes: &[u8], ty: &Type, ignore_extra: bool) -> Result<Value, DecodeError> {
    let tree = parse(bytes)?;
    let mut path = AttributePath::new();
    from_tree(&tree, ty, ignore_extra, &mut path)
}

fn from_tree(
    tree: &Json,
    ty: &Type,
    ignore_extra: bool,
    path: &mut AttributePath,
) -> Result<Value, DecodeError> {
    let mismatch = |path: &AttributePath| {
        DecodeError::at(path, format!("{} is not valid for type {ty}", tree.kind()))
    };
    if let Json::Null = tree {
        return Ok(Value::Null);
    }
    match (ty, tree) {
        (Type::Dynamic, Json::Object(members)) => {
            let member = |name: &str| {
                members
                    .iter()
                    .rev()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| v)
            };
            let (Some(value), Some(type_tree)) = (member("value"), member("type")) else {
                return Err(DecodeError::at(
                    path,
                    "a dynamic value needs \"value\" and \"type\"",
                ));
            };
            let actual =
                Type::from_json_tree(type_tree).map_err(|e| DecodeError::at(path, e.message))?;
            from_tree(value, &actual, ignore_extra, path)
        }
        (Type::Bool, Json::Bool(b)) => Ok(Value::Bool(*b)),
        (Type::Bool, Json::String(s)) if s == "true" || s == "false" => {
            Ok(Value::Bool(s == "true"))
        }
        (Type::Number, Json::Number(text) | Json::String(text)) => Number::parse(text)
            .map(Value::Number)
            .map_err(|e| DecodeError::at(path, e.to_string())),
        (Type::String, Json::String(s) | Json::Number(s)) => Ok(Value::String(s.clone())),
        (Type::String, Json::Bool(b)) => Ok(Value::String(b.to_string())),
        (Type::List(e) | Type::Set(e), Json::Array(items)) => {
            let mut elements = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                path.push(PathStep::Index(i as i64));
                elements.push(from_tree(item, e, ignore_extra, path)?);
                path.pop();
            }
            Ok(if matches!(ty, Type::Set(_)) {
                Value::Set(elements)
            } else {
                Value::List(elements)
            })
        }
        (Type::Tuple(types), Json::Array(items)) => {
            if types.len() != items.len() {
                return Err(DecodeError::at(
                    path,
                    format!("a tuple of {} elements is required", types.len()),
                ));
            }
            let mut elements = Vec::with_capacity(items.len());
            for (i, (item, t)) in items.iter().zip(types).enumerate() {
                path.push(PathStep::Index(i as i64));
                elements.push(from_tree(item, t, ignore_extra, path)?);
                path.pop();
            }
            Ok(Value::Tuple(elements))
        }
        (Type::Map(e), Json::Object(members)) => {
            let mut entries = BTreeMap::new();
            for (key, item) in members {
                path.push(PathStep::Key(key.clone()));
                entries.insert(key.clone(), from_tree(item, e, ignore_extra, path)?);
                path.pop();
            }
            Ok(Value::Map(entries))
        }
        (Type::Object { attributes, .. }, Json::Object(members)) => {
            let mut entries = BTreeMap::new();
            for (key, item) in members {
                let Some(attr_ty) = attributes.get(key) else {
                    if ignore_extra {
                        continue;
                    }
                    return Err(DecodeError::at(
                        path,
                        format!("unsupported attribute {key:?}"),
                    ));
                };
                path.push(PathStep::Attribute(key.clone()));
                entries.insert(key.clone(), from_tree(item, attr_ty, ignore_extra, path)?);
                path.pop();
            }
            for name in attributes.keys() {
                entries.entry(name.clone()).or_insert(Value::Null);
            }
            Ok(Value::Object(entries))
        }
        _ => Err(mismatch(path)),
    }
}

pub(super) fn encode(value: &Value, ty: &Type) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(64);
    let mut path = AttributePath::new();
    write_value(&mut out, value, ty, &mut path)?;
    Ok(out)
}

fn write_value(
    out: &mut Vec<u8>,
    value: &Value,
    ty: &Type,
    path: &mut AttributePath,
) -> Result<(), EncodeError> {
    match (ty, value) {
        (_, Value::Null) => out.extend_from_slice(b"null"),
        (_, Value::Unknown(_)) => {
            return Err(EncodeError::at(
                path,
                "unknown values cannot be written as JSON",
            ));
        }
        (Type::Dynamic, _) => {
            let actual = super::infer_type(value, &mut path.clone())?;
            out.extend_from_slice(b"{\"value\":");
            write_value(out, value, &actual, path)?;
            out.extend_from_slice(b",\"type\":");
            actual.write_json(out);
            out.push(b'}');
        }
        (Type::Bool, Value::Bool(b)) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        (Type::Number, Value::Number(n)) => out.extend_from_slice(n.to_string().as_bytes()),
        (Type::String, Value::String(s)) => write_string(out, s),
        (Type::List(e) | Type::Set(e), Value::List(es) | Value::Set(es) | Value::Tuple(es)) => {
            out.push(b'[');
            for (i, element) in es.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                path.push(PathStep::Index(i as i64));
                write_value(out, element, e, path)?;
                path.pop();
            }
            out.push(b']');
        }
        (Type::Tuple(types), Value::List(es) | Value::Set(es) | Value::Tuple(es)) => {
            if types.len() != es.len() {
                return Err(EncodeError::at(
                    path,
                    format!("tuple of {} elements given for type {ty}", es.len()),
                ));
            }
            out.push(b'[');
            for (i, (element, t)) in es.iter().zip(types).enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                path.push(PathStep::Index(i as i64));
                write_value(out, element, t, path)?;
                path.pop();
            }
            out.push(b']');
        }
        (Type::Map(e), Value::Map(entries) | Value::Object(entries)) => {
            out.push(b'{');
            for (i, (key, element)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(out, key);
                out.push(b':');
                path.push(PathStep::Key(key.clone()));
                write_value(out, element, e, path)?;
                path.pop();
            }
            out.push(b'}');
        }
        (Type::Object { attributes, .. }, Value::Object(entries) | Value::Map(entries)) => {
            if let Some(extra) = entries.keys().find(|k| !attributes.contains_key(*k)) {
                return Err(EncodeError::at(
                    path,
                    format!("attribute {extra:?} is not part of type {ty}"),
                ));
            }
            out.push(b'{');
            for (i, (name, attr_ty)) in attributes.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_string(out, name);
                out.push(b':');
                path.push(PathStep::Attribute(name.clone()));
                write_value(
                    out,
                    entries.get(name).unwrap_or(&Value::Null),
                    attr_ty,
                    path,
                )?;
                path.pop();
            }
            out.push(b'}');
        }
        _ => {
            return Err(EncodeError::at(
                path,
                format!(
                    "{} value does not fit type {ty}",
                    super::msgpack::kind(value)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let n = |s: &str| Value::Number(s.parse().unwrap());
        let cases: Vec<(&str, Value, Type, &str)> = vec![
            ("null", Value::Null, Type::String, "null"),
            ("tenth", n("0.1"), Type::Number, "0.1"),
            (
                "big",
                n("1e30"),
                Type::Number,
                "1000000000000000000000000000000",
            ),
            (
                "escapes",
                "a\"b\\c\n\u{1}é".into(),
                Type::String,
                r#""a\"b\\c\n\u0001é""#,
            ),
            (
                "object",
                Value::Object(
                    [
                        ("a".to_string(), Value::Null),
                        ("b".to_string(), true.into()),
                    ]
                    .into(),
                ),
                Type::object([("a", Type::String), ("b", Type::Bool)]),
                r#"{"a":null,"b":true}"#,
            ),
            (
                "dynamic list",
                Value::List(vec!["x".into()]),
                Type::Dynamic,
                r#"{"value":["x"],"type":["list","string"]}"#,
            ),
            (
                "set",
                Value::Set(vec![n("1"), n("2")]),
                Type::set(Type::Number),
                "[1,2]",
            ),
        ];
        for (name, value, ty, want) in cases {
            let bytes = value.to_json(&ty).unwrap();
            assert_eq!(String::from_utf8(bytes.clone()).unwrap(), want, "{name}");
            assert_eq!(Value::from_json(&bytes, &ty).unwrap(), value, "{name}");
        }
    }

    #[test]
    fn lenient_reads() {
        let cases: Vec<(&str, &str, Type, Value)> = vec![
            (
                "number as string",
                r#""1.25""#,
                Type::Number,
                Value::Number("1.25".parse().unwrap()),
            ),
            ("number into string", "12", Type::String, "12".into()),
            (
                "surrogate pair",
                r#""\ud83d\ude00""#,
                Type::String,
                "😀".into(),
            ),
            (
                "type before value",
                r#" { "type" : "string" , "value" : "x" } "#,
                Type::Dynamic,
                "x".into(),
            ),
            (
                "missing attribute",
                "{}",
                Type::object([("a", Type::String)]),
                Value::Object([("a".to_string(), Value::Null)].into()),
            ),
        ];
        for (name, input, ty, want) in cases {
            assert_eq!(
                Value::from_json(input.as_bytes(), &ty).unwrap(),
                want,
                "{name}"
            );
        }
    }

    #[test]
    fn rejects() {
        let deep = "[".repeat(600);
        let cases: Vec<(&str, &str, Type)> = vec![
            ("trailing", "1 2", Type::Number),
            ("bad literal", "nul", Type::String),
            ("unterminated", "\"abc", Type::String),
            (
                "extra attribute",
                r#"{"z":1}"#,
                Type::object([("a", Type::String)]),
            ),
            ("bare dynamic", "\"x\"", Type::Dynamic),
            ("leading plus", "+1", Type::Number),
            ("deep", &deep, Type::Dynamic),
        ];
        for (name, input, ty) in cases {
            assert!(Value::from_json(input.as_bytes(), &ty).is_err(), "{name}");
        }
        let ty = Type::object([("a", Type::String)]);
        let v = Value::from_json_ignoring_extra_attributes(br#"{"a":"x","z":1}"#, &ty).unwrap();
        assert_eq!(v.get("a"), Some(&"x".into()));
        assert!(Value::unknown().to_json(&Type::String).is_err());
    }
}
