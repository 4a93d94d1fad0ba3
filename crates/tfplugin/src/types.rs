//! Terraform's value types (cty types) and their JSON encoding.
//!
//! The JSON form is the one Terraform uses on the wire and in state: `"string"`,
//! `["list","string"]`, `["object",{"a":"string"}]`, `["object",{"a":"string"},["a"]]` (with
//! optional attributes), `["tuple",["string","number"]]` and `"dynamic"`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::value::DecodeError;
use crate::value::json::{self, Json};

/// A Terraform value type.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    /// `bool`.
    Bool,
    /// `number`: arbitrary-precision decimal.
    Number,
    /// `string`.
    String,
    /// `dynamic` (cty's `DynamicPseudoType`): any type, decided by the value.
    Dynamic,
    /// `list(T)`.
    List(Box<Type>),
    /// `set(T)`.
    Set(Box<Type>),
    /// `map(T)`, keyed by strings.
    Map(Box<Type>),
    /// `tuple([T1, T2, …])`.
    Tuple(Vec<Type>),
    /// `object({name = T, …})`; `optional` names the attributes that may be omitted in
    /// configuration (only meaningful for type constraints).
    Object {
        /// Attribute types by name.
        attributes: BTreeMap<String, Type>,
        /// Names of optional attributes (a subset of `attributes`).
        optional: BTreeSet<String>,
    },
}

impl Type {
    /// `list(element)`.
    pub fn list(element: Type) -> Type {
        Type::List(Box::new(element))
    }

    /// `set(element)`.
    pub fn set(element: Type) -> Type {
        Type::Set(Box::new(element))
    }

    /// `map(element)`.
    pub fn map(element: Type) -> Type {
        Type::Map(Box::new(element))
    }

    /// `tuple([elements…])`.
    pub fn tuple(elements: Vec<Type>) -> Type {
        Type::Tuple(elements)
    }

    /// An object type with no optional attributes.
    pub fn object<I, K>(attributes: I) -> Type
    where
        I: IntoIterator<Item = (K, Type)>,
        K: Into<String>,
    {
        Type::Object {
            attributes: attributes.into_iter().map(|(k, t)| (k.into(), t)).collect(),
            optional: BTreeSet::new(),
        }
    }

    /// An object type in which the attributes named in `optional` may be omitted.
    pub fn object_with_optional<I, K, O, S>(attributes: I, optional: O) -> Type
    where
        I: IntoIterator<Item = (K, Type)>,
        K: Into<String>,
        O: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Type::Object {
            attributes: attributes.into_iter().map(|(k, t)| (k.into(), t)).collect(),
            optional: optional.into_iter().map(Into::into).collect(),
        }
    }

    /// The element type of a list, set or map.
    pub fn element_type(&self) -> Option<&Type> {
        match self {
            Type::List(e) | Type::Set(e) | Type::Map(e) => Some(e),
            _ => None,
        }
    }

    /// The type of object attribute `name`.
    pub fn attribute_type(&self, name: &str) -> Option<&Type> {
        match self {
            Type::Object { attributes, .. } => attributes.get(name),
            _ => None,
        }
    }

    /// Whether `dynamic` appears anywhere in the type.
    pub fn has_dynamic(&self) -> bool {
        match self {
            Type::Dynamic => true,
            Type::Bool | Type::Number | Type::String => false,
            Type::List(e) | Type::Set(e) | Type::Map(e) => e.has_dynamic(),
            Type::Tuple(es) => es.iter().any(Type::has_dynamic),
            Type::Object { attributes, .. } => attributes.values().any(Type::has_dynamic),
        }
    }

    /// The same type with every optional-attribute marker removed, at every depth.
    pub fn without_optional(&self) -> Type {
        match self {
            Type::Bool | Type::Number | Type::String | Type::Dynamic => self.clone(),
            Type::List(e) => Type::list(e.without_optional()),
            Type::Set(e) => Type::set(e.without_optional()),
            Type::Map(e) => Type::map(e.without_optional()),
            Type::Tuple(es) => Type::Tuple(es.iter().map(Type::without_optional).collect()),
            Type::Object { attributes, .. } => Type::Object {
                attributes: attributes
                    .iter()
                    .map(|(k, t)| (k.clone(), t.without_optional()))
                    .collect(),
                optional: BTreeSet::new(),
            },
        }
    }

    /// The compact JSON encoding of the type, as Terraform writes it.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_json(&mut out);
        out
    }

    pub(crate) fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Type::Bool => out.extend_from_slice(b"\"bool\""),
            Type::Number => out.extend_from_slice(b"\"number\""),
            Type::String => out.extend_from_slice(b"\"string\""),
            Type::Dynamic => out.extend_from_slice(b"\"dynamic\""),
            Type::List(e) => write_wrapped(out, "list", e),
            Type::Set(e) => write_wrapped(out, "set", e),
            Type::Map(e) => write_wrapped(out, "map", e),
            Type::Tuple(es) => {
                out.extend_from_slice(b"[\"tuple\",[");
                for (i, e) in es.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    e.write_json(out);
                }
                out.extend_from_slice(b"]]");
            }
            Type::Object {
                attributes,
                optional,
            } => {
                out.extend_from_slice(b"[\"object\",{");
                for (i, (name, t)) in attributes.iter().enumerate() {
                    if i > 0 {
                        out.push(b',');
                    }
                    json::write_string(out, name);
                    out.push(b':');
                    t.write_json(out);
                }
                out.push(b'}');
                if !optional.is_empty() {
                    out.extend_from_slice(b",[");
                    for (i, name) in optional.iter().enumerate() {
                        if i > 0 {
                            out.push(b',');
                        }
                        json::write_string(out, name);
                    }
                    out.push(b']');
                }
                out.push(b']');
            }
        }
    }

    /// Parses the JSON encoding of a type.
    pub fn from_json(bytes: &[u8]) -> Result<Type, DecodeError> {
        let tree = json::parse(bytes)?;
        Type::from_json_tree(&tree)
    }

    pub(crate) fn from_json_tree(tree: &Json) -> Result<Type, DecodeError> {
        let err = |msg: &str| DecodeError::new(format!("invalid type: {msg}"));
        match tree {
            Json::String(name) => match name.as_str() {
                "bool" => Ok(Type::Bool),
                "number" => Ok(Type::Number),
                "string" => Ok(Type::String),
                "dynamic" => Ok(Type::Dynamic),
                other => Err(err(&format!("unknown primitive type {other:?}"))),
            },
            Json::Array(items) => {
                let Some(Json::String(kind)) = items.first() else {
                    return Err(err("a complex type must start with its kind"));
                };
                match (kind.as_str(), &items[1..]) {
                    ("list", [e]) => Ok(Type::list(Type::from_json_tree(e)?)),
                    ("set", [e]) => Ok(Type::set(Type::from_json_tree(e)?)),
                    ("map", [e]) => Ok(Type::map(Type::from_json_tree(e)?)),
                    ("tuple", [Json::Array(es)]) => Ok(Type::Tuple(
                        es.iter()
                            .map(Type::from_json_tree)
                            .collect::<Result<_, _>>()?,
                    )),
                    ("object", [Json::Object(attrs), rest @ ..]) if rest.len() <= 1 => {
                        let mut attributes = BTreeMap::new();
                        for (name, t) in attrs {
                            attributes.insert(name.clone(), Type::from_json_tree(t)?);
                        }
                        let mut optional = BTreeSet::new();
                        if let Some(list) = rest.first() {
                            let Json::Array(names) = list else {
                                return Err(err("optional attributes must be an array"));
                            };
                            for name in names {
                                let Json::String(name) = name else {
                                    return Err(err("optional attribute names must be strings"));
                                };
                                if !attributes.contains_key(name) {
                                    return Err(err(&format!(
                                        "optional attribute {name:?} is not an attribute"
                                    )));
                                }
                                optional.insert(name.clone());
                            }
                        }
                        Ok(Type::Object {
                            attributes,
                            optional,
                        })
                    }
                    (other, _) => Err(err(&format!("malformed {other:?} type"))),
                }
            }
            _ => Err(err("expected a string or an array")),
        }
    }
}

fn write_wrapped(out: &mut Vec<u8>, kind: &str, element: &Type) {
    out.extend_from_slice(b"[\"");
    out.extend_from_slice(kind.as_bytes());
    out.extend_from_slice(b"\",");
    element.write_json(out);
    out.push(b']');
}

impl fmt::Display for Type {
    /// The type in Terraform's type-constraint syntax, like `list(object({name=string}))`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Bool => f.write_str("bool"),
            Type::Number => f.write_str("number"),
            Type::String => f.write_str("string"),
            Type::Dynamic => f.write_str("dynamic"),
            Type::List(e) => write!(f, "list({e})"),
            Type::Set(e) => write!(f, "set({e})"),
            Type::Map(e) => write!(f, "map({e})"),
            Type::Tuple(es) => {
                f.write_str("tuple([")?;
                for (i, e) in es.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{e}")?;
                }
                f.write_str("])")
            }
            Type::Object {
                attributes,
                optional,
            } => {
                f.write_str("object({")?;
                for (i, (name, t)) in attributes.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    if optional.contains(name) {
                        write!(f, "{name}=optional({t})")?;
                    } else {
                        write!(f, "{name}={t}")?;
                    }
                }
                f.write_str("})")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_encoding() {
        let cases: Vec<(&str, Type, &str)> = vec![
            ("string", Type::String, r#""string""#),
            ("dynamic", Type::Dynamic, r#""dynamic""#),
            ("list", Type::list(Type::String), r#"["list","string"]"#),
            (
                "set of maps",
                Type::set(Type::map(Type::Bool)),
                r#"["set",["map","bool"]]"#,
            ),
            (
                "tuple",
                Type::tuple(vec![Type::String, Type::Number]),
                r#"["tuple",["string","number"]]"#,
            ),
            ("empty tuple", Type::tuple(vec![]), r#"["tuple",[]]"#),
            (
                "object",
                Type::object([("b", Type::Number), ("a", Type::String)]),
                r#"["object",{"a":"string","b":"number"}]"#,
            ),
            (
                "object with optional",
                Type::object_with_optional([("a", Type::String), ("b", Type::Number)], ["b"]),
                r#"["object",{"a":"string","b":"number"},["b"]]"#,
            ),
        ];
        for (name, ty, want) in cases {
            assert_eq!(String::from_utf8(ty.to_json()).unwrap(), want, "{name}");
            assert_eq!(Type::from_json(want.as_bytes()).unwrap(), ty, "{name}");
        }
    }

    #[test]
    fn json_rejects() {
        for bad in [
            r#""strin""#,
            r#"["list"]"#,
            r#"["object",{"a":"string"},["b"]]"#,
            "42",
            r#"["tuple","string"]"#,
        ] {
            assert!(Type::from_json(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn display() {
        let t = Type::list(Type::object_with_optional([("a", Type::String)], ["a"]));
        assert_eq!(t.to_string(), "list(object({a=optional(string)}))");
        assert_eq!(t.without_optional().to_string(), "list(object({a=string}))");
    }
}
