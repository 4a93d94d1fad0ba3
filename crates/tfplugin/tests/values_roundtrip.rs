//! Round-trip properties of the value codecs: any value of any type survives msgpack (with nulls
//! and unknowns) and JSON (with nulls) unchanged, and re-encoding gives the same bytes; plus the
//! explicit cases that broke earlier Rust providers (fractional and huge numbers, big strings,
//! refined unknowns, dynamic values).

use std::collections::BTreeMap;

use proptest::prelude::*;
use tfplugin::value::Refinements;
use tfplugin::{Number, Type, Value};

/// Types without `dynamic` anywhere, up to a few levels deep.
fn static_type() -> impl Strategy<Value = Type> {
    nested_types(prop_oneof![Just(Type::Bool), Just(Type::Number), Just(Type::String)].boxed())
}

/// Any type, `dynamic` included at any depth.
fn any_type() -> impl Strategy<Value = Type> {
    nested_types(
        prop_oneof![
            Just(Type::Bool),
            Just(Type::Number),
            Just(Type::String),
            Just(Type::Dynamic)
        ]
        .boxed(),
    )
}

/// Collections, tuples and objects built from `leaf` types, a few levels deep.
fn nested_types(leaf: BoxedStrategy<Type>) -> impl Strategy<Value = Type> {
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            inner.clone().prop_map(Type::list),
            inner.clone().prop_map(Type::set),
            inner.clone().prop_map(Type::map),
            prop::collection::vec(inner.clone(), 0..4).prop_map(Type::tuple),
            prop::collection::btree_map("[a-z_]{1,6}", inner, 0..4).prop_map(|attributes| {
                Type::Object {
                    attributes,
                    optional: Default::default(),
                }
            }),
        ]
    })
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from_i64),
        any::<u64>().prop_map(Number::from_u64),
        any::<f64>().prop_filter_map("finite", Number::from_f64),
        "-?[0-9]{1,40}(\\.[0-9]{1,40})?(e-?[0-9]{1,3})?".prop_map(|s| s.parse::<Number>().unwrap()),
    ]
}

fn refinements() -> impl Strategy<Value = Refinements> {
    prop_oneof![
        Just(Refinements::none()),
        Just(Refinements::not_null()),
        // {1: false, 2: "<prefix>"}: not null, with a known string prefix.
        "[a-z]{1,8}".prop_map(|prefix| {
            let mut payload = vec![0x82, 0x01, 0xc2, 0x02, 0xa0 | prefix.len() as u8];
            payload.extend_from_slice(prefix.as_bytes());
            Refinements::from_msgpack(payload)
        }),
    ]
}

/// Values conforming to `ty`; nulls everywhere, unknowns only when `unknowns` is set.
fn value_of(ty: &Type, unknowns: bool) -> BoxedStrategy<Value> {
    let known: BoxedStrategy<Value> = match ty {
        Type::Bool => any::<bool>().prop_map(Value::Bool).boxed(),
        Type::Number => number().prop_map(Value::Number).boxed(),
        Type::String => any::<String>().prop_map(Value::String).boxed(),
        Type::Dynamic => static_type()
            .prop_flat_map(move |t| value_of(&t, unknowns))
            .boxed(),
        Type::List(e) => prop::collection::vec(value_of(e, unknowns), 0..4)
            .prop_map(Value::List)
            .boxed(),
        Type::Set(e) => prop::collection::vec(value_of(e, unknowns), 0..4)
            .prop_map(Value::Set)
            .boxed(),
        Type::Map(e) => prop::collection::btree_map(any::<String>(), value_of(e, unknowns), 0..4)
            .prop_map(Value::Map)
            .boxed(),
        Type::Tuple(types) => {
            let parts: Vec<BoxedStrategy<Value>> =
                types.iter().map(|t| value_of(t, unknowns)).collect();
            parts.prop_map(Value::Tuple).boxed()
        }
        Type::Object { attributes, .. } => {
            let parts: Vec<BoxedStrategy<(String, Value)>> = attributes
                .iter()
                .map(|(name, t)| {
                    let name = name.clone();
                    value_of(t, unknowns)
                        .prop_map(move |v| (name.clone(), v))
                        .boxed()
                })
                .collect();
            parts
                .prop_map(|entries| Value::Object(entries.into_iter().collect()))
                .boxed()
        }
    };
    if unknowns {
        prop_oneof![1 => Just(Value::Null), 1 => refinements().prop_map(Value::Unknown), 6 => known]
            .boxed()
    } else {
        prop_oneof![1 => Just(Value::Null), 6 => known].boxed()
    }
}

fn typed_value(unknowns: bool) -> impl Strategy<Value = (Type, Value)> {
    any_type().prop_flat_map(move |t| {
        let values = value_of(&t, unknowns);
        (Just(t), values)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn msgpack_round_trips((ty, value) in typed_value(true)) {
        let bytes = value.to_msgpack(&ty).unwrap();
        let back = Value::from_msgpack(&bytes, &ty).unwrap();
        prop_assert_eq!(&back, &value);
        prop_assert_eq!(back.to_msgpack(&ty).unwrap(), bytes);
    }

    #[test]
    fn json_round_trips((ty, value) in typed_value(false)) {
        let bytes = value.to_json(&ty).unwrap();
        let back = Value::from_json(&bytes, &ty).unwrap();
        prop_assert_eq!(&back, &value);
        prop_assert_eq!(back.to_json(&ty).unwrap(), bytes);
    }

    #[test]
    fn msgpack_and_json_agree((ty, value) in typed_value(false)) {
        let via_msgpack = Value::from_msgpack(&value.to_msgpack(&ty).unwrap(), &ty).unwrap();
        let via_json = Value::from_json(&via_msgpack.to_json(&ty).unwrap(), &ty).unwrap();
        prop_assert_eq!(via_json, value);
    }

    #[test]
    fn conform_undoes_loose_shapes((ty, value) in typed_value(true)) {
        let value = value.conform(&ty).unwrap();
        prop_assert_eq!(loosen(value.clone(), &ty).conform(&ty).unwrap(), value);
    }

    #[test]
    fn types_round_trip(ty in any_type()) {
        prop_assert_eq!(Type::from_json(&ty.to_json()).unwrap(), ty);
    }

    #[test]
    fn numbers_round_trip_as_text(n in number()) {
        prop_assert_eq!(n.to_string().parse::<Number>().unwrap(), n);
    }

    #[test]
    fn garbage_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64), ty in any_type()) {
        let _ = Value::from_msgpack(&bytes, &ty);
        let _ = Value::from_json(&bytes, &ty);
    }
}

/// The value as a careless provider might build it: sets and tuples as lists, objects as maps
/// without their null attributes. Values under `dynamic` are left alone, since there the shape is
/// all that tells the type.
fn loosen(value: Value, ty: &Type) -> Value {
    match (value, ty) {
        (v, Type::Dynamic) => v,
        (Value::List(es) | Value::Set(es) | Value::Tuple(es), Type::Tuple(types)) => Value::List(
            es.into_iter()
                .zip(types)
                .map(|(e, t)| loosen(e, t))
                .collect(),
        ),
        (Value::List(es) | Value::Set(es), Type::List(t) | Type::Set(t)) => {
            Value::List(es.into_iter().map(|e| loosen(e, t)).collect())
        }
        (Value::Object(m), Type::Object { attributes, .. }) => Value::Map(
            m.into_iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| {
                    let v = loosen(v, &attributes[&k]);
                    (k, v)
                })
                .collect(),
        ),
        (Value::Map(m), Type::Map(t)) => {
            Value::Map(m.into_iter().map(|(k, v)| (k, loosen(v, t))).collect())
        }
        (other, _) => other,
    }
}

fn num(text: &str) -> Value {
    Value::Number(text.parse().unwrap())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn numbers_survive_both_codecs_exactly() {
    let cases = [
        ("one and a half", "1.5", "cb3ff8000000000000", "1.5"),
        ("negative quarter", "-0.25", "cbbfd0000000000000", "-0.25"),
        (
            "two to the seventy, as text like go-cty",
            "1180591620717411303424",
            "b631313830353931363230373137343131333033343234",
            "1180591620717411303424",
        ),
        ("a tenth, not a float", "0.1", "a3302e31", "0.1"),
        ("negative zero is zero", "-0", "00", "0"),
        (
            "largest i64",
            "9223372036854775807",
            "cf7fffffffffffffff",
            "9223372036854775807",
        ),
    ];
    for (name, text, want_msgpack, want_json) in cases {
        let value = num(text);
        let bytes = value.to_msgpack(&Type::Number).unwrap();
        assert_eq!(hex(&bytes), want_msgpack, "{name}");
        assert_eq!(
            Value::from_msgpack(&bytes, &Type::Number).unwrap(),
            value,
            "{name}"
        );
        let json = value.to_json(&Type::Number).unwrap();
        assert_eq!(
            String::from_utf8(json.clone()).unwrap(),
            want_json,
            "{name}"
        );
        assert_eq!(
            Value::from_json(&json, &Type::Number).unwrap(),
            value,
            "{name}"
        );
    }
}

#[test]
fn negative_zero_float_decodes_to_zero() {
    let bytes = [0xcb, 0x80, 0, 0, 0, 0, 0, 0, 0];
    let value = Value::from_msgpack(&bytes, &Type::Number).unwrap();
    assert_eq!(value, num("0"));
    assert_eq!(value.to_msgpack(&Type::Number).unwrap(), [0x00]);
}

#[test]
fn huge_decimals_travel_as_text() {
    let huge = format!("1{}", "0".repeat(400));
    for (name, text) in [
        ("1e400", "1e400"),
        (
            "huge negative fraction",
            "-1234567890123456789012345.000000000000000000001",
        ),
    ] {
        let value = num(text);
        let bytes = value.to_msgpack(&Type::Number).unwrap();
        // A string marker: the number did not fit i64 or f64 exactly.
        assert!(
            matches!(bytes[0], 0xa0..=0xbf | 0xd9 | 0xda),
            "{name}: {:02x}",
            bytes[0]
        );
        assert_eq!(
            Value::from_msgpack(&bytes, &Type::Number).unwrap(),
            value,
            "{name}"
        );
        assert_eq!(
            Value::from_json(&value.to_json(&Type::Number).unwrap(), &Type::Number).unwrap(),
            value,
            "{name}"
        );
    }
    assert_eq!(num("1e400").as_number().unwrap().to_string(), huge);
    assert_eq!(num("1e400").as_number().unwrap().as_f64(), f64::INFINITY);
}

#[test]
fn three_megabyte_string() {
    let big: String = "0123456789abcdef".repeat(3 * 1024 * 1024 / 16);
    let ty = Type::object([("content", Type::String)]);
    let value = Value::Object(BTreeMap::from([(
        "content".to_string(),
        Value::String(big.clone()),
    )]));
    let bytes = value.to_msgpack(&ty).unwrap();
    assert!(bytes.len() > 3 * 1024 * 1024);
    assert_eq!(Value::from_msgpack(&bytes, &ty).unwrap(), value);
    let json = value.to_json(&ty).unwrap();
    assert_eq!(
        Value::from_json(&json, &ty)
            .unwrap()
            .get("content")
            .and_then(Value::as_str),
        Some(big.as_str())
    );
}

#[test]
fn refined_unknowns_are_preserved() {
    let cases: Vec<(&str, Vec<u8>, Type)> = vec![
        // ext8, type 12, payload {1: false}: definitely not null.
        (
            "not null",
            vec![0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc2],
            Type::String,
        ),
        // ext8, type 12, payload {1: false, 2: "ab"}: not null, prefix "ab".
        (
            "prefix",
            vec![0xc7, 0x07, 0x0c, 0x82, 0x01, 0xc2, 0x02, 0xa2, b'a', b'b'],
            Type::String,
        ),
        // ext8, type 12, payload {5: 1, 6: 3}: a list of one to three elements.
        (
            "length bounds",
            vec![0xc7, 0x05, 0x0c, 0x82, 0x05, 0x01, 0x06, 0x03],
            Type::list(Type::String),
        ),
    ];
    for (name, bytes, ty) in cases {
        let value = Value::from_msgpack(&bytes, &ty).unwrap();
        let Value::Unknown(refinements) = &value else {
            panic!("{name}: not unknown: {value:?}")
        };
        assert!(!refinements.is_empty(), "{name}");
        assert_eq!(value.to_msgpack(&ty).unwrap(), bytes, "{name}");
    }
    let prefixed = Value::from_msgpack(
        &[0xc7, 0x07, 0x0c, 0x82, 0x01, 0xc2, 0x02, 0xa2, b'a', b'b'],
        &Type::String,
    )
    .unwrap();
    let Value::Unknown(r) = prefixed else {
        unreachable!()
    };
    assert!(r.is_not_null());
    assert_eq!(r.string_prefix().as_deref(), Some("ab"));
}

#[test]
fn plain_unknowns() {
    // cty writes fixext1 type 0 with one zero byte; a zero-length ext8 is accepted too.
    for (name, bytes) in [
        ("fixext1", vec![0xd4, 0x00, 0x00]),
        ("empty ext8", vec![0xc7, 0x00, 0x00]),
    ] {
        let value = Value::from_msgpack(&bytes, &Type::Number).unwrap();
        assert_eq!(value, Value::unknown(), "{name}");
        assert_eq!(
            value.to_msgpack(&Type::Number).unwrap(),
            [0xd4, 0x00, 0x00],
            "{name}"
        );
    }
}

#[test]
fn dynamic_values() {
    let ty = Type::object([("any", Type::Dynamic)]);
    let obj = |v: Value| Value::Object(BTreeMap::from([("any".to_string(), v)]));
    let cases: Vec<(&str, Value, &str)> = vec![
        (
            "string",
            "x".into(),
            r#"{"any":{"value":"x","type":"string"}}"#,
        ),
        ("null", Value::Null, r#"{"any":null}"#),
        (
            "list of objects",
            Value::List(vec![Value::Object(BTreeMap::from([(
                "n".to_string(),
                num("1.5"),
            )]))]),
            r#"{"any":{"value":[{"n":1.5}],"type":["list",["object",{"n":"number"}]]}}"#,
        ),
        (
            "tuple",
            Value::Tuple(vec![true.into(), "a".into()]),
            r#"{"any":{"value":[true,"a"],"type":["tuple",["bool","string"]]}}"#,
        ),
    ];
    for (name, inner, want_json) in cases {
        let value = obj(inner);
        let json = value.to_json(&ty).unwrap();
        assert_eq!(
            String::from_utf8(json.clone()).unwrap(),
            want_json,
            "{name}"
        );
        assert_eq!(Value::from_json(&json, &ty).unwrap(), value, "{name}");
        let bytes = value.to_msgpack(&ty).unwrap();
        assert_eq!(Value::from_msgpack(&bytes, &ty).unwrap(), value, "{name}");
    }

    // The wire form is [type JSON as bytes, value]; a str-encoded type is read as well.
    let bin = [
        0x92, 0xc4, 0x08, b'"', b's', b't', b'r', b'i', b'n', b'g', b'"', 0xa1, b'x',
    ];
    let str_form = [
        0x92, 0xa8, b'"', b's', b't', b'r', b'i', b'n', b'g', b'"', 0xa1, b'x',
    ];
    assert_eq!(
        Value::String("x".into())
            .to_msgpack(&Type::Dynamic)
            .unwrap(),
        bin
    );
    assert_eq!(
        Value::from_msgpack(&str_form, &Type::Dynamic).unwrap(),
        Value::from("x")
    );
    // Unknown and null are written bare under dynamic.
    assert_eq!(
        Value::unknown().to_msgpack(&Type::Dynamic).unwrap(),
        [0xd4, 0, 0]
    );
    assert_eq!(Value::Null.to_msgpack(&Type::Dynamic).unwrap(), [0xc0]);
    // Elements whose types cannot be unified cannot be encoded under dynamic.
    assert!(
        Value::List(vec![num("1"), "a".into()])
            .to_msgpack(&Type::Dynamic)
            .is_err()
    );
}
