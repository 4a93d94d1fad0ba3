//! Terraform's msgpack encoding of values (cty's `msgpack` package, by its wire facts).
//!
//! Null is msgpack nil. An unknown is an extension value: type 0 with a one-byte payload for a
//! plain unknown, or type 12 whose payload is a msgpack map of refinements (kept verbatim). Numbers
//! are written as go-cty writes them: an integer when they fit `i64`, a float64 when they are not
//! whole and the float64 is exact, and decimal text otherwise, whole numbers beyond `i64`
//! included (Terraform sends 2^70 as `"1180591620717411303424"`, and answering with a float64
//! makes Terraform report an inconsistent plan). Any of int, uint, float32/64 and string is read. Lists, sets and tuples are
//! arrays; maps and objects are maps, objects with every attribute of the type. A value of type
//! `dynamic` is a two-element array `[type JSON, value]`.

use std::convert::Infallible;

use rmp::Marker;
use rmp::encode::{ByteBuf, ValueWriteError};

use super::{DecodeError, EncodeError, Number, Refinements, Value};
use crate::path::{AttributePath, PathStep};
use crate::types::Type;

/// Extension type of a plain unknown value.
const EXT_UNKNOWN: i8 = 0;
/// Extension type of an unknown value with refinements.
const EXT_REFINED_UNKNOWN: i8 = 12;

pub(super) fn decode(bytes: &[u8], ty: &Type) -> Result<Value, DecodeError> {
    let mut reader = Reader::new(bytes);
    let value = reader.value(ty)?;
    if reader.pos != bytes.len() {
        return Err(DecodeError::new(format!(
            "{} unexpected bytes after the value",
            bytes.len() - reader.pos
        )));
    }
    Ok(value)
}

pub(super) fn encode(value: &Value, ty: &Type) -> Result<Vec<u8>, EncodeError> {
    let mut writer = Writer {
        out: ByteBuf::with_capacity(64),
        path: AttributePath::new(),
    };
    writer.value(value, ty)?;
    Ok(writer.out.into_vec())
}

/// How deeply values may nest (dynamic wrappers count as a level), so that hostile input cannot
/// exhaust the stack.
const MAX_DEPTH: usize = 256;

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    path: AttributePath,
    depth: usize,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Reader {
            buf,
            pos: 0,
            path: AttributePath::new(),
            depth: 0,
        }
    }

    fn descend(&mut self) -> Result<(), DecodeError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("value nested too deeply"));
        }
        Ok(())
    }

    fn value(&mut self, ty: &Type) -> Result<Value, DecodeError> {
        self.descend()?;
        let value = self.value_at_depth(ty);
        self.depth -= 1;
        value
    }
    fn error(&self, message: impl Into<String>) -> DecodeError {
        DecodeError::at(&self.path, message)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.buf.len());
        let Some(end) = end else {
            return Err(self.error("unexpected end of msgpack data"));
        };
        let bytes = &self.buf[self.pos..end];
        self.pos = end;
        Ok(bytes)
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn uint(&mut self, width: usize) -> Result<u64, DecodeError> {
        Ok(self
            .take(width)?
            .iter()
            .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    }

    fn peek(&self) -> Result<Marker, DecodeError> {
        match self.buf.get(self.pos) {
            Some(&b) => Ok(Marker::from_u8(b)),
            None => Err(self.error("unexpected end of msgpack data")),
        }
    }

    fn value_at_depth(&mut self, ty: &Type) -> Result<Value, DecodeError> {
        let marker = self.peek()?;
        if ext_len(marker).is_some() {
            return self.unknown();
        }
        if marker == Marker::Null {
            self.pos += 1;
            return Ok(Value::Null);
        }
        match ty {
            Type::Dynamic => {
                let len = self.array_len("a dynamic value")?;
                if len != 2 {
                    return Err(self.error("a dynamic value must be a [type, value] array"));
                }
                let type_json = self.bytes_or_str("a type")?;
                let actual = Type::from_json(type_json)
                    .map_err(|e| self.error(format!("dynamic value: {}", e.message)))?;
                self.value(&actual)
            }
            Type::Bool => match self.byte().map(Marker::from_u8)? {
                Marker::True => Ok(Value::Bool(true)),
                Marker::False => Ok(Value::Bool(false)),
                _ => Err(self.error("a bool is required")),
            },
            Type::Number => self.number().map(Value::Number),
            Type::String => self.string().map(Value::String),
            Type::List(e) => self.elements(e, "a list").map(Value::List),
            Type::Set(e) => self.elements(e, "a set").map(Value::Set),
            Type::Tuple(types) => {
                let len = self.array_len("a tuple")?;
                if len != types.len() {
                    return Err(self.error(format!(
                        "a tuple of {} elements is required, got {len}",
                        types.len()
                    )));
                }
                let mut elements = Vec::with_capacity(len);
                for (i, t) in types.iter().enumerate() {
                    self.path.push(PathStep::Index(i as i64));
                    elements.push(self.value(t)?);
                    self.path.pop();
                }
                Ok(Value::Tuple(elements))
            }
            Type::Map(e) => {
                let len = self.map_len("a map")?;
                let mut entries = std::collections::BTreeMap::new();
                for _ in 0..len {
                    let key = self.string()?;
                    self.path.push(PathStep::Key(key.clone()));
                    let v = self.value(e)?;
                    self.path.pop();
                    entries.insert(key, v);
                }
                Ok(Value::Map(entries))
            }
            Type::Object { attributes, .. } => {
                let len = self.map_len("an object")?;
                let mut entries = std::collections::BTreeMap::new();
                for _ in 0..len {
                    let key = self.string()?;
                    let Some(attr_ty) = attributes.get(&key) else {
                        return Err(self.error(format!("unsupported attribute {key:?}")));
                    };
                    self.path.push(PathStep::Attribute(key.clone()));
                    let v = self.value(attr_ty)?;
                    self.path.pop();
                    entries.insert(key, v);
                }
                // Every attribute is present in a value of an object type; fill in null for any
                // the encoder left out.
                for name in attributes.keys() {
                    entries.entry(name.clone()).or_insert(Value::Null);
                }
                Ok(Value::Object(entries))
            }
        }
    }

    fn elements(&mut self, ty: &Type, what: &str) -> Result<Vec<Value>, DecodeError> {
        let len = self.array_len(what)?;
        // Each element takes at least one byte, which bounds a hostile length.
        let mut elements = Vec::with_capacity(len.min(self.buf.len() - self.pos));
        for i in 0..len {
            self.path.push(PathStep::Index(i as i64));
            elements.push(self.value(ty)?);
            self.path.pop();
        }
        Ok(elements)
    }

    fn unknown(&mut self) -> Result<Value, DecodeError> {
        let marker = Marker::from_u8(self.byte()?);
        let len = match ext_len(marker) {
            Some(Some(len)) => len,
            Some(None) => {
                let width = match marker {
                    Marker::Ext8 => 1,
                    Marker::Ext16 => 2,
                    _ => 4,
                };
                self.uint(width)? as usize
            }
            None => return Err(self.error("an extension value is required")),
        };
        let code = self.byte()? as i8;
        let payload = self.take(len)?;
        if len <= 1 {
            return Ok(Value::unknown());
        }
        if code != EXT_REFINED_UNKNOWN {
            return Err(self.error(format!(
                "unsupported msgpack extension type {code} with {len} bytes"
            )));
        }
        if !matches!(
            Marker::from_u8(payload[0]),
            Marker::FixMap(_) | Marker::Map16 | Marker::Map32
        ) {
            return Err(self.error("unknown value refinements must be a map"));
        }
        Ok(Value::Unknown(Refinements::from_msgpack(payload.to_vec())))
    }

    fn number(&mut self) -> Result<Number, DecodeError> {
        let marker = Marker::from_u8(self.byte()?);
        let n = match marker {
            Marker::FixPos(v) => Number::from_u64(u64::from(v)),
            Marker::FixNeg(v) => Number::from_i64(i64::from(v)),
            Marker::U8 => Number::from_u64(self.uint(1)?),
            Marker::U16 => Number::from_u64(self.uint(2)?),
            Marker::U32 => Number::from_u64(self.uint(4)?),
            Marker::U64 => Number::from_u64(self.uint(8)?),
            Marker::I8 => Number::from_i64(i64::from(self.uint(1)? as u8 as i8)),
            Marker::I16 => Number::from_i64(i64::from(self.uint(2)? as u16 as i16)),
            Marker::I32 => Number::from_i64(i64::from(self.uint(4)? as u32 as i32)),
            Marker::I64 => Number::from_i64(self.uint(8)? as i64),
            Marker::F32 => {
                let bits = self.uint(4)? as u32;
                self.float(f64::from(f32::from_bits(bits)))?
            }
            Marker::F64 => {
                let bits = self.uint(8)?;
                self.float(f64::from_bits(bits))?
            }
            Marker::FixStr(_) | Marker::Str8 | Marker::Str16 | Marker::Str32 => {
                self.pos -= 1;
                let text = self.string()?;
                Number::parse(&text).map_err(|e| self.error(e.to_string()))?
            }
            _ => return Err(self.error("a number is required")),
        };
        Ok(n)
    }

    // Limitation: go-cty can carry positive and negative infinity as float64; Terraform
    // configurations cannot write them, so `Number` leaves them out and they are refused here.
    fn float(&self, v: f64) -> Result<Number, DecodeError> {
        Number::from_f64(v).ok_or_else(|| self.error("infinite and NaN numbers are not supported"))
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        let marker = Marker::from_u8(self.byte()?);
        let len = match marker {
            Marker::FixStr(n) => usize::from(n),
            Marker::Str8 => self.uint(1)? as usize,
            Marker::Str16 => self.uint(2)? as usize,
            Marker::Str32 => self.uint(4)? as usize,
            _ => return Err(self.error("a string is required")),
        };
        let bytes = self.take(len)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_owned()),
            Err(_) => Err(self.error("string is not valid UTF-8")),
        }
    }

    fn bytes_or_str(&mut self, what: &str) -> Result<&'a [u8], DecodeError> {
        let marker = Marker::from_u8(self.byte()?);
        let len = match marker {
            Marker::FixStr(n) => usize::from(n),
            Marker::Str8 | Marker::Bin8 => self.uint(1)? as usize,
            Marker::Str16 | Marker::Bin16 => self.uint(2)? as usize,
            Marker::Str32 | Marker::Bin32 => self.uint(4)? as usize,
            _ => return Err(self.error(format!("{what} is required"))),
        };
        self.take(len)
    }

    fn array_len(&mut self, what: &str) -> Result<usize, DecodeError> {
        match Marker::from_u8(self.byte()?) {
            Marker::FixArray(n) => Ok(usize::from(n)),
            Marker::Array16 => Ok(self.uint(2)? as usize),
            Marker::Array32 => Ok(self.uint(4)? as usize),
            _ => Err(self.error(format!("{what} is required"))),
        }
    }

    fn map_len(&mut self, what: &str) -> Result<usize, DecodeError> {
        match Marker::from_u8(self.byte()?) {
            Marker::FixMap(n) => Ok(usize::from(n)),
            Marker::Map16 => Ok(self.uint(2)? as usize),
            Marker::Map32 => Ok(self.uint(4)? as usize),
            _ => Err(self.error(format!("{what} is required"))),
        }
    }
}

/// For extension markers: `Some(Some(len))` for fixed lengths, `Some(None)` when the length
/// follows; `None` for every other marker.
fn ext_len(marker: Marker) -> Option<Option<usize>> {
    match marker {
        Marker::FixExt1 => Some(Some(1)),
        Marker::FixExt2 => Some(Some(2)),
        Marker::FixExt4 => Some(Some(4)),
        Marker::FixExt8 => Some(Some(8)),
        Marker::FixExt16 => Some(Some(16)),
        Marker::Ext8 | Marker::Ext16 | Marker::Ext32 => Some(None),
        _ => None,
    }
}

struct Writer {
    out: ByteBuf,
    path: AttributePath,
}

/// Writing to a growable buffer cannot fail; this discharges rmp's infallible results.
fn done<T>(result: Result<T, ValueWriteError<Infallible>>) {
    match result {
        Ok(_) => {}
        Err(
            ValueWriteError::InvalidMarkerWrite(never) | ValueWriteError::InvalidDataWrite(never),
        ) => match never {},
    }
}

impl Writer {
    fn error(&self, message: impl Into<String>) -> EncodeError {
        EncodeError::at(&self.path, message)
    }

    fn mismatch(&self, value: &Value, ty: &Type) -> EncodeError {
        self.error(format!("{} value does not fit type {ty}", kind(value)))
    }

    fn len32(&self, len: usize) -> Result<u32, EncodeError> {
        u32::try_from(len).map_err(|_| self.error("value too large for msgpack"))
    }

    fn value(&mut self, value: &Value, ty: &Type) -> Result<(), EncodeError> {
        match value {
            Value::Null => {
                done(
                    rmp::encode::write_nil(&mut self.out)
                        .map_err(ValueWriteError::InvalidMarkerWrite),
                );
                return Ok(());
            }
            Value::Unknown(refinements) => {
                let payload = refinements.as_msgpack();
                if payload.is_empty() {
                    done(rmp::encode::write_ext_meta(&mut self.out, 1, EXT_UNKNOWN));
                    self.out.as_mut_vec().push(0);
                } else {
                    let len = self.len32(payload.len())?;
                    done(rmp::encode::write_ext_meta(
                        &mut self.out,
                        len,
                        EXT_REFINED_UNKNOWN,
                    ));
                    self.out.as_mut_vec().extend_from_slice(payload);
                }
                return Ok(());
            }
            _ => {}
        }
        match (ty, value) {
            (Type::Dynamic, _) => {
                let mut inferred_path = self.path.clone();
                let actual = super::infer_type(value, &mut inferred_path)?;
                done(rmp::encode::write_array_len(&mut self.out, 2));
                done(rmp::encode::write_bin(&mut self.out, &actual.to_json()));
                self.value(value, &actual)
            }
            (Type::Bool, Value::Bool(b)) => {
                done(
                    rmp::encode::write_bool(&mut self.out, *b)
                        .map_err(ValueWriteError::InvalidMarkerWrite),
                );
                Ok(())
            }
            (Type::Number, Value::Number(n)) => {
                self.number(n);
                Ok(())
            }
            (Type::String, Value::String(s)) => {
                self.len32(s.len())?;
                done(rmp::encode::write_str(&mut self.out, s));
                Ok(())
            }
            (Type::List(e) | Type::Set(e), Value::List(es) | Value::Set(es) | Value::Tuple(es)) => {
                let len = self.len32(es.len())?;
                done(rmp::encode::write_array_len(&mut self.out, len));
                for (i, element) in es.iter().enumerate() {
                    self.path.push(PathStep::Index(i as i64));
                    self.value(element, e)?;
                    self.path.pop();
                }
                Ok(())
            }
            (Type::Tuple(types), Value::List(es) | Value::Set(es) | Value::Tuple(es)) => {
                if types.len() != es.len() {
                    return Err(self.error(format!(
                        "tuple of {} elements given for type {ty}",
                        es.len()
                    )));
                }
                let len = self.len32(es.len())?;
                done(rmp::encode::write_array_len(&mut self.out, len));
                for (i, (element, t)) in es.iter().zip(types).enumerate() {
                    self.path.push(PathStep::Index(i as i64));
                    self.value(element, t)?;
                    self.path.pop();
                }
                Ok(())
            }
            (Type::Map(e), Value::Map(entries) | Value::Object(entries)) => {
                let len = self.len32(entries.len())?;
                done(rmp::encode::write_map_len(&mut self.out, len));
                for (key, element) in entries {
                    done(rmp::encode::write_str(&mut self.out, key));
                    self.path.push(PathStep::Key(key.clone()));
                    self.value(element, e)?;
                    self.path.pop();
                }
                Ok(())
            }
            (Type::Object { attributes, .. }, Value::Object(entries) | Value::Map(entries)) => {
                if let Some(extra) = entries.keys().find(|k| !attributes.contains_key(*k)) {
                    return Err(self.error(format!("attribute {extra:?} is not part of type {ty}")));
                }
                let len = self.len32(attributes.len())?;
                done(rmp::encode::write_map_len(&mut self.out, len));
                for (name, attr_ty) in attributes {
                    done(rmp::encode::write_str(&mut self.out, name));
                    self.path.push(PathStep::Attribute(name.clone()));
                    self.value(entries.get(name).unwrap_or(&Value::Null), attr_ty)?;
                    self.path.pop();
                }
                Ok(())
            }
            _ => Err(self.mismatch(value, ty)),
        }
    }

    fn number(&mut self, n: &Number) {
        if let Some(i) = n.as_i64() {
            done(rmp::encode::write_sint(&mut self.out, i));
        } else if let Some(f) = n.to_f64_exact().filter(|_| !n.is_integer()) {
            done(rmp::encode::write_f64(&mut self.out, f));
        } else {
            done(rmp::encode::write_str(&mut self.out, &n.to_string()));
        }
    }
}

/// A word for the kind of a value, for error messages.
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Unknown(_) => "unknown",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::List(_) => "list",
        Value::Set(_) => "set",
        Value::Tuple(_) => "tuple",
        Value::Map(_) => "map",
        Value::Object(_) => "object",
    }
}

/// Finds the value of integer key `key` in a msgpack refinement map, as raw bytes from the value
/// onwards.
pub(super) fn refinement_entry(payload: &[u8], key: u8) -> Option<&[u8]> {
    let mut reader = Reader::new(payload);
    let len = reader.map_len("a map").ok()?;
    for _ in 0..len {
        let k = reader.number().ok()?;
        if k.as_i64() == Some(i64::from(key)) {
            return Some(&payload[reader.pos..]);
        }
        reader.skip().ok()?;
    }
    None
}

/// Splits a msgpack refinement map into its integer keys and the raw bytes of each value.
pub(super) fn refinement_entries(payload: &[u8]) -> Option<Vec<(i64, Vec<u8>)>> {
    if payload.is_empty() {
        return Some(Vec::new());
    }
    let mut reader = Reader::new(payload);
    let len = reader.map_len("a map").ok()?;
    let mut entries = Vec::with_capacity(len.min(16));
    for _ in 0..len {
        let key = reader.number().ok()?.as_i64()?;
        let start = reader.pos;
        reader.skip().ok()?;
        entries.push((key, payload[start..reader.pos].to_vec()));
    }
    Some(entries)
}

/// Writes a msgpack refinement map from integer keys and raw value bytes (nothing when empty).
pub(super) fn write_refinements(entries: &[(i64, Vec<u8>)]) -> Vec<u8> {
    if entries.is_empty() {
        return Vec::new();
    }
    let mut out = ByteBuf::new();
    done(rmp::encode::write_map_len(&mut out, entries.len() as u32));
    for (key, raw) in entries {
        done(rmp::encode::write_sint(&mut out, *key));
        out.as_mut_vec().extend_from_slice(raw);
    }
    out.into_vec()
}

/// The msgpack encoding of a string, for refinement values.
pub(super) fn str_bytes(s: &str) -> Vec<u8> {
    let mut out = ByteBuf::new();
    done(rmp::encode::write_str(&mut out, s));
    out.into_vec()
}

/// The msgpack encoding of an integer, for refinement values.
pub(super) fn int_bytes(n: i64) -> Vec<u8> {
    let mut out = ByteBuf::new();
    done(rmp::encode::write_sint(&mut out, n));
    out.into_vec()
}

/// Reads a msgpack integer at the start of `bytes`.
pub(super) fn read_int(bytes: &[u8]) -> Option<i64> {
    Reader::new(bytes).number().ok()?.as_i64()
}

/// Reads a msgpack bool at the start of `bytes`.
pub(super) fn read_bool(bytes: &[u8]) -> Option<bool> {
    match Marker::from_u8(*bytes.first()?) {
        Marker::True => Some(true),
        Marker::False => Some(false),
        _ => None,
    }
}

/// Reads a msgpack string at the start of `bytes`.
pub(super) fn read_str(bytes: &[u8]) -> Option<String> {
    Reader::new(bytes).string().ok()
}

impl Reader<'_> {
    /// Skips one msgpack item of any kind.
    fn skip(&mut self) -> Result<(), DecodeError> {
        self.descend()?;
        let skipped = self.skip_at_depth();
        self.depth -= 1;
        skipped
    }

    fn skip_at_depth(&mut self) -> Result<(), DecodeError> {
        let marker = self.peek()?;
        if ext_len(marker).is_some() {
            self.unknown().map(|_| ())
        } else {
            match marker {
                Marker::FixArray(_) | Marker::Array16 | Marker::Array32 => {
                    for _ in 0..self.array_len("an array")? {
                        self.skip()?;
                    }
                    Ok(())
                }
                Marker::FixMap(_) | Marker::Map16 | Marker::Map32 => {
                    for _ in 0..self.map_len("a map")? * 2 {
                        self.skip()?;
                    }
                    Ok(())
                }
                Marker::Null | Marker::True | Marker::False => self.byte().map(|_| ()),
                Marker::Bin8 | Marker::Bin16 | Marker::Bin32 => {
                    self.bytes_or_str("bytes").map(|_| ())
                }
                Marker::FixStr(_) | Marker::Str8 | Marker::Str16 | Marker::Str32 => {
                    self.string().map(|_| ())
                }
                _ => self.number().map(|_| ()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn encodings() {
        let n = |s: &str| Value::Number(s.parse().unwrap());
        let cases: Vec<(&str, Value, Type, &str)> = vec![
            ("null", Value::Null, Type::String, "c0"),
            ("plain unknown", Value::unknown(), Type::String, "d40000"),
            (
                "refined unknown",
                Value::Unknown(Refinements::not_null()),
                Type::String,
                "c7030c8101c2",
            ),
            ("small int", n("5"), Type::Number, "05"),
            ("negative int", n("-33"), Type::Number, "d0df"),
            ("half", n("1.5"), Type::Number, "cb3ff8000000000000"),
            ("tenth as text", n("0.1"), Type::Number, "a3302e31"),
            (
                "2^70 as text, as go-cty writes it",
                n("1180591620717411303424"),
                Type::Number,
                "b631313830353931363230373137343131333033343234",
            ),
            ("string", "hi".into(), Type::String, "a26869"),
            ("bool", true.into(), Type::Bool, "c3"),
            (
                "object fills null",
                Value::Object(
                    [
                        ("a".to_string(), "x".into()),
                        ("b".to_string(), Value::Null),
                    ]
                    .into(),
                ),
                Type::object([("a", Type::String), ("b", Type::Bool)]),
                "82a161a178a162c0",
            ),
            (
                "dynamic string",
                "x".into(),
                Type::Dynamic,
                "92c408\"string\"a178",
            ),
        ];
        for (name, value, ty, want) in cases {
            let want: String = if let Some((head, tail)) = want.split_once('"') {
                let (quoted, rest) = tail.split_once('"').unwrap();
                format!("{head}{}{rest}", hex(format!("\"{quoted}\"").as_bytes()))
            } else {
                want.replace(' ', "")
            };
            let bytes = value.to_msgpack(&ty).unwrap();
            assert_eq!(hex(&bytes), want, "{name}");
            assert_eq!(Value::from_msgpack(&bytes, &ty).unwrap(), value, "{name}");
        }
    }

    #[test]
    fn missing_attributes_are_written_as_null() {
        let ty = Type::object([("a", Type::String), ("b", Type::Bool)]);
        let partial = Value::Object([("a".to_string(), "x".into())].into());
        let full = Value::Object(
            [
                ("a".to_string(), "x".into()),
                ("b".to_string(), Value::Null),
            ]
            .into(),
        );
        assert_eq!(
            partial.to_msgpack(&ty).unwrap(),
            full.to_msgpack(&ty).unwrap()
        );
        assert_eq!(
            Value::from_msgpack(&partial.to_msgpack(&ty).unwrap(), &ty).unwrap(),
            full
        );
    }

    #[test]
    fn decodes_every_number_form() {
        let cases: Vec<(&str, Vec<u8>, &str)> = vec![
            (
                "uint64",
                vec![0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
                "18446744073709551615",
            ),
            ("int8", vec![0xd0, 0x80], "-128"),
            (
                "int64",
                vec![0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0],
                "-9223372036854775808",
            ),
            ("float32", vec![0xca, 0x3f, 0xc0, 0, 0], "1.5"),
            (
                "negative zero float",
                vec![0xcb, 0x80, 0, 0, 0, 0, 0, 0, 0],
                "0",
            ),
            (
                "string",
                vec![0xa4, b'1', b'e', b'2', b'0'],
                "100000000000000000000",
            ),
        ];
        for (name, bytes, want) in cases {
            let v = Value::from_msgpack(&bytes, &Type::Number).unwrap();
            assert_eq!(v.as_number().unwrap().to_string(), want, "{name}");
        }
    }

    #[test]
    fn rejects() {
        let cases: Vec<(&str, Vec<u8>, Type)> = vec![
            ("truncated", vec![0xa3, b'a'], Type::String),
            ("wrong kind", vec![0xc3], Type::String),
            ("trailing", vec![0xc3, 0xc3], Type::Bool),
            (
                "unknown attribute",
                vec![0x81, 0xa1, b'z', 0xc0],
                Type::object([("a", Type::String)]),
            ),
            ("bad extension", vec![0xd5, 0x05, 0x81, 0x01], Type::String),
            (
                "infinity",
                vec![0xcb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0],
                Type::Number,
            ),
            (
                "tuple length",
                vec![0x91, 0xc0],
                Type::tuple(vec![Type::String, Type::String]),
            ),
            (
                "huge list length",
                vec![0xdd, 0xff, 0xff, 0xff, 0xff],
                Type::list(Type::String),
            ),
        ];
        for (name, bytes, ty) in cases {
            assert!(Value::from_msgpack(&bytes, &ty).is_err(), "{name}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        // [type "list(dynamic)", [ … ]] nested 100 000 times inside itself.
        let mut bytes = Vec::new();
        let level: &[u8] = b"\x92\xc4\x12[\"list\",\"dynamic\"]\x91";
        for _ in 0..100_000 {
            bytes.extend_from_slice(level);
        }
        bytes.push(0xc0);
        let err = Value::from_msgpack(&bytes, &Type::Dynamic).unwrap_err();
        assert!(err.message.contains("nested too deeply"), "{err}");
        // Refinements are only looked into on demand, and just as safely.
        let mut payload = vec![0x81, 0x01];
        payload.extend(std::iter::repeat_n(0x91, 100_000));
        payload.push(0xc0);
        assert!(!Refinements::from_msgpack(payload.clone()).is_not_null());
        let r = Refinements::from_msgpack(payload).with_not_null();
        assert!(r.is_not_null());
    }

    #[test]
    fn error_paths() {
        let ty = Type::object([("l", Type::list(Type::Number))]);
        let bytes = [0x81, 0xa1, b'l', 0x92, 0x01, 0xa1, b'x'];
        let err = Value::from_msgpack(&bytes, &ty).unwrap_err();
        assert_eq!(err.to_string(), "l[1]: invalid number: no digits");
        let v = Value::Object([("l".to_string(), Value::List(vec!["a".into()]))].into());
        assert_eq!(
            v.to_msgpack(&ty).unwrap_err().to_string(),
            "l[0]: string value does not fit type number"
        );
    }
}
