//! Terraform values: null, unknown, primitives and collections, with their wire codecs.
//!
//! A [`Value`] does not carry its type: the codecs are driven by a [`Type`], exactly as Terraform
//! encodes values against a schema. `msgpack` is the encoding of plans, configurations and
//! states on the wire; `json` is the encoding Terraform stores in state files (and sends in
//! UpgradeResourceState).
//!
//! # Dynamic values
//!
//! Under [`Type::Dynamic`] a value carries its own type on the wire (msgpack: a two-element array
//! `[type JSON, value]`; JSON: `{"value": …, "type": …}`). When encoding, that type is inferred
//! from the value's shape by [`Value::infer_type`]: null and unknown have no type of their own
//! and are written bare; `Bool`, `Number` and `String` give the primitive types; `Tuple` and
//! `Object` give a tuple or object of their elements' inferred types; `List`, `Set` and `Map` give
//! a collection whose element type unifies the elements' types, where a null or unknown element
//! (type `dynamic`) fits any type, `dynamic` is used when nothing is known (for instance an empty
//! list), and elements whose types cannot be unified are an error.

mod error;
pub(crate) mod json;
mod msgpack;
mod number;

use std::collections::BTreeMap;

pub use error::{DecodeError, EncodeError};
pub use number::{Number, ParseNumberError};

use crate::path::{AttributePath, PathStep};
use crate::types::Type;

/// A Terraform value, possibly null or unknown at any depth.
#[derive(Clone, Debug)]
pub enum Value {
    /// Null (of whatever type the schema says).
    Null,
    /// Not known until apply; the refinements narrow what it may become.
    Unknown(Refinements),
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// A list.
    List(Vec<Value>),
    /// A set; elements keep the order in which they were received, and equality ignores order.
    Set(Vec<Value>),
    /// A tuple.
    Tuple(Vec<Value>),
    /// A map.
    Map(BTreeMap<String, Value>),
    /// An object.
    Object(BTreeMap<String, Value>),
}

/// What Terraform knows about an unknown value (cty "refinements": not null, string prefix,
/// number or length bounds).
///
/// The refinements are kept verbatim, as the msgpack map Terraform sent, so that they can be sent
/// back unchanged. `Refinements::default()` is a plain unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Refinements {
    /// The msgpack map of refinements (extension type 12's payload); empty for none.
    payload: Vec<u8>,
}

/// Refinement key: whether the value is null.
const REFINE_NULLNESS: u8 = 1;
/// Refinement key: a known prefix of a string.
const REFINE_STRING_PREFIX: u8 = 2;
/// Refinement key: the least number of elements of a collection.
const REFINE_LENGTH_MIN: u8 = 5;
/// Refinement key: the greatest number of elements of a collection.
const REFINE_LENGTH_MAX: u8 = 6;

impl Refinements {
    /// No refinements: a plain unknown.
    pub fn none() -> Self {
        Refinements::default()
    }

    /// Refinements from the msgpack payload of an extension-12 unknown (kept verbatim).
    pub fn from_msgpack(payload: Vec<u8>) -> Self {
        Refinements { payload }
    }

    /// The refinements saying only that the value will not be null.
    pub fn not_null() -> Self {
        Refinements::none().with_not_null()
    }

    /// These refinements, plus: the value will not be null.
    pub fn with_not_null(self) -> Self {
        self.with_entry(REFINE_NULLNESS, vec![0xc2])
    }

    /// These refinements, plus: the string will start with `prefix`.
    pub fn with_string_prefix(self, prefix: &str) -> Self {
        self.with_entry(REFINE_STRING_PREFIX, msgpack::str_bytes(prefix))
    }

    /// These refinements, plus: the collection will have at least `min` and at most `max`
    /// elements (either bound may be left open).
    pub fn with_length_bounds(self, min: Option<i64>, max: Option<i64>) -> Self {
        let mut r = self;
        if let Some(min) = min {
            r = r.with_entry(REFINE_LENGTH_MIN, msgpack::int_bytes(min));
        }
        if let Some(max) = max {
            r = r.with_entry(REFINE_LENGTH_MAX, msgpack::int_bytes(max));
        }
        r
    }

    /// Sets refinement `key` to the msgpack `value`, keeping the others (entries are written in
    /// key order). Unreadable payloads are replaced.
    fn with_entry(self, key: u8, value: Vec<u8>) -> Self {
        let mut entries = msgpack::refinement_entries(&self.payload).unwrap_or_default();
        entries.retain(|(k, _)| *k != i64::from(key));
        entries.push((i64::from(key), value));
        entries.sort_by_key(|(k, _)| *k);
        Refinements {
            payload: msgpack::write_refinements(&entries),
        }
    }

    /// The msgpack payload, empty for a plain unknown.
    pub fn as_msgpack(&self) -> &[u8] {
        &self.payload
    }

    /// Whether there are no refinements.
    pub fn is_empty(&self) -> bool {
        self.payload.is_empty()
    }

    /// Whether Terraform promised the value will not be null.
    pub fn is_not_null(&self) -> bool {
        msgpack::refinement_entry(&self.payload, REFINE_NULLNESS).and_then(msgpack::read_bool)
            == Some(false)
    }

    /// The known prefix of an unknown string, if Terraform sent one.
    pub fn string_prefix(&self) -> Option<String> {
        msgpack::refinement_entry(&self.payload, REFINE_STRING_PREFIX).and_then(msgpack::read_str)
    }

    /// The known bounds on an unknown collection's length (`None` where open).
    pub fn length_bounds(&self) -> (Option<i64>, Option<i64>) {
        let bound = |key| msgpack::refinement_entry(&self.payload, key).and_then(msgpack::read_int);
        (bound(REFINE_LENGTH_MIN), bound(REFINE_LENGTH_MAX))
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Unknown(a), Value::Unknown(b)) => a == b,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::List(a), Value::List(b)) | (Value::Tuple(a), Value::Tuple(b)) => a == b,
            (Value::Set(a), Value::Set(b)) => same_elements(a, b),
            (Value::Map(a), Value::Map(b)) | (Value::Object(a), Value::Object(b)) => a == b,
            _ => false,
        }
    }
}

/// Whether two sets hold the same elements, in any order.
fn same_elements(a: &[Value], b: &[Value]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    // Sets usually come back in the order they were sent, which makes this quick.
    if a == b {
        return true;
    }
    let mut used = vec![false; b.len()];
    a.iter().all(|x| {
        let found = b.iter().enumerate().find(|(i, y)| !used[*i] && x == *y);
        match found {
            Some((i, _)) => {
                used[i] = true;
                true
            }
            None => false,
        }
    })
}

impl Value {
    /// A plain unknown value.
    pub fn unknown() -> Value {
        Value::Unknown(Refinements::default())
    }

    /// Whether the value is null.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether the value itself is unknown (its elements are not looked at).
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown(_))
    }

    /// Whether no unknown appears anywhere inside the value.
    pub fn is_fully_known(&self) -> bool {
        match self {
            Value::Unknown(_) => false,
            Value::Null | Value::Bool(_) | Value::Number(_) | Value::String(_) => true,
            Value::List(es) | Value::Set(es) | Value::Tuple(es) => {
                es.iter().all(Value::is_fully_known)
            }
            Value::Map(m) | Value::Object(m) => m.values().all(Value::is_fully_known),
        }
    }

    /// The string, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number as an `i64`, if this is an integer number in range.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number()?.as_i64()
    }

    /// The elements of a list, set or tuple.
    pub fn as_elements(&self) -> Option<&[Value]> {
        match self {
            Value::List(es) | Value::Set(es) | Value::Tuple(es) => Some(es),
            _ => None,
        }
    }

    /// The entries of a map or the attributes of an object.
    pub fn as_map(&self) -> Option<&BTreeMap<String, Value>> {
        match self {
            Value::Map(m) | Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// An object attribute (or map entry) by name.
    pub fn get(&self, attr: &str) -> Option<&Value> {
        self.as_map()?.get(attr)
    }

    /// An object attribute (or map entry) by name, mutably.
    pub fn get_mut(&mut self, attr: &str) -> Option<&mut Value> {
        match self {
            Value::Map(m) | Value::Object(m) => m.get_mut(attr),
            _ => None,
        }
    }

    /// The part of the value at `path`. Attribute steps select object attributes, key steps map
    /// entries, index steps list, tuple or set elements (sets by their position as received).
    pub fn at(&self, path: &AttributePath) -> Option<&Value> {
        path.steps().iter().try_fold(self, |v, step| v.step(step))
    }

    /// The part of the value at `path`, mutably.
    pub fn at_mut(&mut self, path: &AttributePath) -> Option<&mut Value> {
        path.steps()
            .iter()
            .try_fold(self, |v, step| v.step_mut(step))
    }

    fn step(&self, step: &PathStep) -> Option<&Value> {
        match (self, step) {
            (Value::Object(m), PathStep::Attribute(name))
            | (Value::Map(m), PathStep::Key(name)) => m.get(name),
            (Value::List(es) | Value::Tuple(es) | Value::Set(es), PathStep::Index(i)) => {
                es.get(usize::try_from(*i).ok()?)
            }
            _ => None,
        }
    }

    fn step_mut(&mut self, step: &PathStep) -> Option<&mut Value> {
        match (self, step) {
            (Value::Object(m), PathStep::Attribute(name))
            | (Value::Map(m), PathStep::Key(name)) => m.get_mut(name),
            (Value::List(es) | Value::Tuple(es) | Value::Set(es), PathStep::Index(i)) => {
                es.get_mut(usize::try_from(*i).ok()?)
            }
            _ => None,
        }
    }

    /// The null value of `ty` (always [`Value::Null`]; kept for symmetry with
    /// [`Value::unknown_for`]).
    pub fn null_for(_ty: &Type) -> Value {
        Value::Null
    }

    /// The plain unknown value of `ty`.
    pub fn unknown_for(_ty: &Type) -> Value {
        Value::unknown()
    }

    /// Decodes Terraform's msgpack encoding of a value of type `ty`.
    pub fn from_msgpack(bytes: &[u8], ty: &Type) -> Result<Value, DecodeError> {
        msgpack::decode(bytes, ty)
    }

    /// Encodes the value as Terraform's msgpack for type `ty`.
    pub fn to_msgpack(&self, ty: &Type) -> Result<Vec<u8>, EncodeError> {
        msgpack::encode(self, ty)
    }

    /// Decodes the JSON form Terraform keeps in state. JSON has no unknowns.
    pub fn from_json(bytes: &[u8], ty: &Type) -> Result<Value, DecodeError> {
        json::decode(bytes, ty, false)
    }

    /// Like [`Value::from_json`], but object attributes that the type does not have are dropped
    /// instead of being an error (for state written by an older schema).
    pub fn from_json_ignoring_extra_attributes(
        bytes: &[u8],
        ty: &Type,
    ) -> Result<Value, DecodeError> {
        json::decode(bytes, ty, true)
    }

    /// Encodes the value in the JSON form Terraform keeps in state; unknown values are an error.
    pub fn to_json(&self, ty: &Type) -> Result<Vec<u8>, EncodeError> {
        json::encode(self, ty)
    }

    /// The type a value is given when it is encoded under [`Type::Dynamic`] (see the module
    /// documentation for the rule). Null and unknown give `dynamic`.
    pub fn infer_type(&self) -> Result<Type, EncodeError> {
        let mut path = AttributePath::new();
        infer_type(self, &mut path)
    }

    /// The value reshaped to exactly what decoding it as `ty` would give: lists, sets and tuples
    /// become the variant `ty` names, maps and objects likewise, every attribute of an object
    /// type is present (null when missing), and a set holds each fully known element once, as
    /// Terraform keeps it. Values that do not fit `ty` are an error, as in [`Value::to_msgpack`].
    ///
    /// Useful before comparing a value built by hand with one decoded from Terraform.
    pub fn conform(self, ty: &Type) -> Result<Value, EncodeError> {
        let mut path = AttributePath::new();
        conform(self, ty, &mut path)
    }
}

fn conform(value: Value, ty: &Type, path: &mut AttributePath) -> Result<Value, EncodeError> {
    let elements =
        |es: Vec<Value>, types: &mut dyn Iterator<Item = &Type>, path: &mut AttributePath| {
            es.into_iter()
                .enumerate()
                .zip(types)
                .map(|((i, e), t)| {
                    path.push(PathStep::Index(i as i64));
                    let e = conform(e, t, path);
                    path.pop();
                    e
                })
                .collect::<Result<Vec<_>, _>>()
        };
    match (ty, value) {
        (_, v @ (Value::Null | Value::Unknown(_))) | (Type::Dynamic, v) => Ok(v),
        (Type::Bool, v @ Value::Bool(_))
        | (Type::Number, v @ Value::Number(_))
        | (Type::String, v @ Value::String(_)) => Ok(v),
        (Type::List(e), Value::List(es) | Value::Set(es) | Value::Tuple(es)) => Ok(Value::List(
            elements(es, &mut std::iter::repeat(&**e), path)?,
        )),
        (Type::Set(e), Value::List(es) | Value::Set(es) | Value::Tuple(es)) => {
            let es = elements(es, &mut std::iter::repeat(&**e), path)?;
            // Terraform's sets hold each known element once; unknown ones cannot be compared.
            let mut unique: Vec<Value> = Vec::with_capacity(es.len());
            for e in es {
                if !(e.is_fully_known() && unique.contains(&e)) {
                    unique.push(e);
                }
            }
            Ok(Value::Set(unique))
        }
        (Type::Tuple(types), Value::List(es) | Value::Set(es) | Value::Tuple(es))
            if types.len() == es.len() =>
        {
            Ok(Value::Tuple(elements(es, &mut types.iter(), path)?))
        }
        (Type::Map(e), Value::Map(entries) | Value::Object(entries)) => {
            let mut out = BTreeMap::new();
            for (k, v) in entries {
                path.push(PathStep::Key(k.clone()));
                out.insert(k, conform(v, e, path)?);
                path.pop();
            }
            Ok(Value::Map(out))
        }
        (Type::Object { attributes, .. }, Value::Object(mut entries) | Value::Map(mut entries)) => {
            if let Some(extra) = entries.keys().find(|k| !attributes.contains_key(*k)) {
                return Err(EncodeError::at(
                    path,
                    format!("attribute {extra:?} is not part of type {ty}"),
                ));
            }
            let mut out = BTreeMap::new();
            for (name, t) in attributes {
                let v = entries.remove(name).unwrap_or(Value::Null);
                path.push(PathStep::Attribute(name.clone()));
                out.insert(name.clone(), conform(v, t, path)?);
                path.pop();
            }
            Ok(Value::Object(out))
        }
        (_, v) => Err(EncodeError::at(
            path,
            format!("{} value does not fit type {ty}", msgpack::kind(&v)),
        )),
    }
}

fn infer_type(value: &Value, path: &mut AttributePath) -> Result<Type, EncodeError> {
    let unify_all = |es: &mut dyn Iterator<Item = (PathStep, &Value)>, path: &mut AttributePath| {
        let mut ty = Type::Dynamic;
        for (step, e) in es {
            path.push(step);
            let t = infer_type(e, path)?;
            ty = unify(&ty, &t).ok_or_else(|| {
                EncodeError::at(
                    path,
                    format!("element of type {t} does not fit the other elements ({ty})"),
                )
            })?;
            path.pop();
        }
        Ok::<Type, EncodeError>(ty)
    };
    Ok(match value {
        Value::Null | Value::Unknown(_) => Type::Dynamic,
        Value::Bool(_) => Type::Bool,
        Value::Number(_) => Type::Number,
        Value::String(_) => Type::String,
        Value::List(es) => Type::list(unify_all(&mut indexed(es), path)?),
        Value::Set(es) => Type::set(unify_all(&mut indexed(es), path)?),
        Value::Map(m) => Type::map(unify_all(
            &mut m.iter().map(|(k, v)| (PathStep::Key(k.clone()), v)),
            path,
        )?),
        Value::Tuple(es) => {
            let mut types = Vec::with_capacity(es.len());
            for (i, e) in es.iter().enumerate() {
                path.push(PathStep::Index(i as i64));
                types.push(infer_type(e, path)?);
                path.pop();
            }
            Type::Tuple(types)
        }
        Value::Object(m) => {
            let mut attributes = BTreeMap::new();
            for (k, v) in m {
                path.push(PathStep::Attribute(k.clone()));
                attributes.insert(k.clone(), infer_type(v, path)?);
                path.pop();
            }
            Type::Object {
                attributes,
                optional: Default::default(),
            }
        }
    })
}

fn indexed(es: &[Value]) -> impl Iterator<Item = (PathStep, &Value)> {
    es.iter()
        .enumerate()
        .map(|(i, e)| (PathStep::Index(i as i64), e))
}

/// The most specific type both `a` and `b` fit, where `dynamic` fits anything.
fn unify(a: &Type, b: &Type) -> Option<Type> {
    match (a, b) {
        (Type::Dynamic, t) | (t, Type::Dynamic) => Some(t.clone()),
        (Type::List(x), Type::List(y)) => Some(Type::list(unify(x, y)?)),
        (Type::Set(x), Type::Set(y)) => Some(Type::set(unify(x, y)?)),
        (Type::Map(x), Type::Map(y)) => Some(Type::map(unify(x, y)?)),
        (Type::Tuple(xs), Type::Tuple(ys)) if xs.len() == ys.len() => Some(Type::Tuple(
            xs.iter()
                .zip(ys)
                .map(|(x, y)| unify(x, y))
                .collect::<Option<_>>()?,
        )),
        (Type::Object { attributes: xs, .. }, Type::Object { attributes: ys, .. })
            if xs.len() == ys.len() && xs.keys().eq(ys.keys()) =>
        {
            let attributes = xs
                .iter()
                .zip(ys.values())
                .map(|((k, x), y)| Some((k.clone(), unify(x, y)?)))
                .collect::<Option<_>>()?;
            Some(Type::Object {
                attributes,
                optional: Default::default(),
            })
        }
        (x, y) if x == y => Some(x.clone()),
        _ => None,
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Number(Number::from_i64(n))
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Self {
        Value::Number(n)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(entries: &[(&str, Value)]) -> Value {
        Value::Object(
            entries
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn set_equality_ignores_order() {
        let a = Value::Set(vec!["x".into(), "y".into(), "x".into()]);
        let b = Value::Set(vec!["x".into(), "x".into(), "y".into()]);
        let c = Value::Set(vec!["x".into(), "y".into(), "y".into()]);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(
            Value::List(vec!["x".into(), "y".into()]),
            Value::List(vec!["y".into(), "x".into()])
        );
    }

    #[test]
    fn paths() {
        let mut v = obj(&[(
            "rule",
            Value::List(vec![obj(&[
                ("values", "a: 1".into()),
                (
                    "tags",
                    Value::Map([("team".to_string(), "x".into())].into()),
                ),
            ])]),
        )]);
        let p = AttributePath::root("rule").index(0).attr("values");
        assert_eq!(v.at(&p).and_then(Value::as_str), Some("a: 1"));
        assert_eq!(
            v.at(&AttributePath::root("rule")
                .index(0)
                .attr("tags")
                .key("team")),
            Some(&"x".into())
        );
        assert_eq!(v.at(&AttributePath::root("rule").index(1)), None);
        *v.at_mut(&p).unwrap() = Value::Null;
        assert!(v.at(&p).unwrap().is_null());
    }

    #[test]
    fn known_ness() {
        let v = Value::List(vec![Value::Null, Value::unknown()]);
        assert!(!v.is_fully_known());
        assert!(!v.is_unknown());
        assert!(Value::from(Some("a")).is_fully_known());
        assert!(Value::from(None::<&str>).is_null());
    }

    #[test]
    fn type_inference() {
        let cases: Vec<(&str, Value, Result<Type, ()>)> = vec![
            ("string", "a".into(), Ok(Type::String)),
            (
                "empty list",
                Value::List(vec![]),
                Ok(Type::list(Type::Dynamic)),
            ),
            (
                "list with null",
                Value::List(vec![Value::Null, 1.into()]),
                Ok(Type::list(Type::Number)),
            ),
            (
                "list of objects unified",
                Value::List(vec![obj(&[("a", Value::Null)]), obj(&[("a", true.into())])]),
                Ok(Type::list(Type::object([("a", Type::Bool)]))),
            ),
            (
                "mixed list",
                Value::List(vec![1.into(), "a".into()]),
                Err(()),
            ),
            (
                "tuple",
                Value::Tuple(vec![1.into(), "a".into()]),
                Ok(Type::tuple(vec![Type::Number, Type::String])),
            ),
            (
                "map",
                Value::Map([("k".to_string(), Value::Set(vec![]))].into()),
                Ok(Type::map(Type::set(Type::Dynamic))),
            ),
        ];
        for (name, value, want) in cases {
            assert_eq!(value.infer_type().map_err(|_| ()), want, "{name}");
        }
    }

    #[test]
    fn conform_reshapes_to_the_type() {
        let ty = Type::object([
            ("s", Type::set(Type::String)),
            ("o", Type::object([("a", Type::Bool)])),
        ]);
        let loose = obj(&[("s", Value::List(vec!["x".into()]))]);
        let want = obj(&[("s", Value::Set(vec!["x".into()])), ("o", Value::Null)]);
        let conformed = loose.conform(&ty).unwrap();
        assert_eq!(conformed, want);
        assert_eq!(
            Value::from_msgpack(&conformed.to_msgpack(&ty).unwrap(), &ty).unwrap(),
            conformed
        );
        let err = obj(&[("o", obj(&[("a", "no".into())]))])
            .conform(&ty)
            .unwrap_err();
        assert_eq!(err.to_string(), "o.a: string value does not fit type bool");
        assert!(
            Value::Tuple(vec![1.into()])
                .conform(&Type::tuple(vec![]))
                .is_err()
        );
        let dupes = Value::List(vec![
            "a".into(),
            Value::unknown(),
            "a".into(),
            Value::unknown(),
        ]);
        let set = dupes.conform(&Type::set(Type::String)).unwrap();
        assert_eq!(set.as_elements().map(<[Value]>::len), Some(3));
    }

    #[test]
    fn refinements() {
        let r = Refinements::not_null();
        assert!(r.is_not_null());
        assert_eq!(r.string_prefix(), None);
        // {1: false, 2: "ab"}
        let r = Refinements::from_msgpack(vec![0x82, 0x01, 0xc2, 0x02, 0xa2, b'a', b'b']);
        assert!(r.is_not_null());
        assert_eq!(r.string_prefix().as_deref(), Some("ab"));
        assert!(!Refinements::none().is_not_null());
        // Builders keep what is there and write entries in key order.
        let r = Refinements::none()
            .with_length_bounds(Some(1), None)
            .with_not_null()
            .with_length_bounds(None, Some(3));
        assert_eq!(r.as_msgpack(), [0x83, 0x01, 0xc2, 0x05, 0x01, 0x06, 0x03]);
        assert_eq!(r.length_bounds(), (Some(1), Some(3)));
        let r = Refinements::not_null().with_string_prefix("ab");
        assert_eq!(r.as_msgpack(), [0x82, 0x01, 0xc2, 0x02, 0xa2, b'a', b'b']);
        assert_eq!(r.string_prefix().as_deref(), Some("ab"));
        assert_eq!(Refinements::none().length_bounds(), (None, None));
    }
}
