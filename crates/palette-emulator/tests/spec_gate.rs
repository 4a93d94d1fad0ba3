//! The mutation test of the emulator's spec checks: for every operation of the spec that the
//! emulator serves and that takes a body, a body that satisfies the spec passes the checks, and
//! each mutation of it (one required field removed, or one enum field set outside its enum) is
//! refused with 400, naming the field. An operation the emulator does not serve answers 501
//! whatever its body, and is counted apart.

mod support;

use palette_emulator::spec::{Facts, Schema};
use reqwest::Method;
use serde_json::{Map, Value, json};
use support::Emu;

/// How deep a sample follows required fields (definitions refer to each other).
const MAX_DEPTH: usize = 24;

/// One step into a JSON value.
#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// A change to a valid body that the spec refuses, and the field the refusal must name.
#[derive(Debug, Clone)]
struct Mutation {
    at: Vec<Step>,
    remove: bool,
    field: String,
}

/// The definition a schema is, followed through references.
fn resolve<'a>(facts: &'a Facts, mut schema: &'a Schema) -> &'a Schema {
    for _ in 0..MAX_DEPTH {
        match schema
            .reference
            .as_deref()
            .and_then(|r| facts.definition(r))
        {
            Some(def) => schema = def,
            None => break,
        }
    }
    schema
}

fn dotted(at: &[Step]) -> String {
    let mut out = String::new();
    for step in at {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// A value satisfying `schema`: required properties and enum-typed properties filled, one
/// item per array. Records the mutations that must be refused.
fn sample(
    facts: &Facts,
    schema: &Schema,
    at: &mut Vec<Step>,
    mutations: &mut Vec<Mutation>,
) -> Value {
    let schema = resolve(facts, schema);
    if at.len() > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(values) = &schema.values {
        if values.first().is_some_and(Value::is_string) {
            mutations.push(Mutation {
                at: at.clone(),
                remove: false,
                field: dotted(at),
            });
        }
        return values.first().cloned().unwrap_or(Value::Null);
    }
    let kind = schema
        .kind
        .as_ref()
        .and_then(|k| k.names().first().cloned())
        .unwrap_or_else(|| "object".to_string());
    match kind.as_str() {
        "array" => match &schema.items {
            Some(item) => {
                at.push(Step::Index(0));
                let one = sample(facts, item, at, mutations);
                at.pop();
                json!([one])
            }
            None => json!([]),
        },
        "string" if schema.format.as_deref() == Some("date-time") => json!("2024-01-01T00:00:00Z"),
        // Strings with a meaning the emulator checks get a valid sample of that meaning.
        "string" if matches!(at.last(), Some(Step::Key(k)) if k == "timezone") => json!("UTC"),
        "string" => json!("x"),
        "integer" | "number" => json!(1),
        "boolean" => json!(true),
        _ => {
            let mut map = Map::new();
            for part in &schema.all_of {
                if let Value::Object(extra) = sample(facts, part, at, mutations) {
                    map.extend(extra);
                }
            }
            for (name, prop) in &schema.properties {
                let required = schema.required.contains(name);
                let is_enum = resolve(facts, prop).values.is_some();
                if !required && !is_enum {
                    continue;
                }
                at.push(Step::Key(name.clone()));
                if required {
                    mutations.push(Mutation {
                        at: at.clone(),
                        remove: true,
                        field: dotted(at),
                    });
                }
                let value = sample(facts, prop, at, mutations);
                at.pop();
                map.insert(name.clone(), value);
            }
            Value::Object(map)
        }
    }
}

/// `body` with `mutation` applied.
fn mutate(body: &Value, mutation: &Mutation) -> Value {
    let mut out = body.clone();
    let (last, parents) = mutation.at.split_last().expect("a mutation names a field");
    let mut cursor = &mut out;
    for step in parents {
        cursor = match step {
            Step::Key(k) => &mut cursor[k.as_str()],
            Step::Index(i) => &mut cursor[*i],
        };
    }
    match (last, mutation.remove) {
        (Step::Key(k), true) => {
            cursor.as_object_mut().expect("an object").remove(k);
        }
        (Step::Key(k), false) => cursor[k.as_str()] = json!("not-a-listed-value"),
        (Step::Index(i), _) => cursor[*i] = json!("not-a-listed-value"),
    }
    out
}

fn concrete(template: &str) -> String {
    template
        .split('/')
        .map(|part| {
            if part.starts_with('{') {
                "5f0e7b2c9d1a4b3c8e7f6a5b"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Operations whose body Palette needs more of than the spec requires (a backup policy without
/// its location, prefix, schedule and expiry is meaningless, an on-demand backup without its
/// location, name and expiry too, and an on-demand scan that switches no scan on does nothing):
/// their spec-minimal sample is refused by the emulator's own checks, and only the mutations are
/// checked.
const STRICTER_THAN_SPEC: &[&str] = &[
    "POST /v1/spectroclusters/{uid}/features/backup",
    "PUT /v1/spectroclusters/{uid}/features/backup",
    "POST /v1/spectroclusters/{uid}/features/backup/onDemand",
    "POST /v1/spectroclusters/{uid}/features/complianceScan/onDemand",
];

#[tokio::test]
async fn every_served_operation_refuses_each_missing_required_field_and_bad_enum() {
    let emu = Emu::start().await;
    let facts = Facts::get();
    let mut served = Vec::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    for op in facts.operations() {
        let Some(schema) = &op.body else {
            continue;
        };
        let method = Method::from_bytes(op.method.as_bytes()).expect("a method");
        let path = concrete(&op.path);
        let mut mutations = Vec::new();
        let body = sample(facts, schema, &mut Vec::new(), &mut mutations);
        let valid = emu.call(method.clone(), &path, Some(body.clone())).await;
        if valid.status == 501 || valid.status == 405 {
            continue;
        }
        served.push(format!("{} {}", op.method, op.path));
        let stricter = STRICTER_THAN_SPEC.contains(&format!("{} {}", op.method, op.path).as_str());
        if valid.status == 400 && valid.body["details"]["field"].is_string() && !stricter {
            failures.push(format!(
                "{} {}: the valid sample was refused: {}",
                op.method, op.path, valid.text
            ));
            continue;
        }
        for mutation in &mutations {
            let reply = emu
                .call(method.clone(), &path, Some(mutate(&body, mutation)))
                .await;
            checked += 1;
            if reply.status != 400 || reply.body["details"]["field"] != mutation.field.as_str() {
                failures.push(format!(
                    "{} {}: {} {}: answered {} {}",
                    op.method,
                    op.path,
                    if mutation.remove {
                        "without"
                    } else {
                        "bad enum at"
                    },
                    mutation.field,
                    reply.status,
                    reply.text
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The emulator's writes, at least, are all among the operations checked.
    for route in [
        "POST /v1/clusterprofiles",
        "PUT /v1/clusterprofiles/{uid}",
        "POST /v1/spectroclusters/aws",
        "POST /v1/spectroclusters/edge-native",
        "PATCH /v1/spectroclusters/{uid}/profiles",
        "POST /v1/dashboard/spectroclusters/search",
        "POST /v1/cloudaccounts/aws",
        "POST /v1/users/assets/sshkeys",
        "PUT /v1/users/assets/sshkeys/{uid}",
        "POST /v1/registries/pack",
        "PUT /v1/registries/helm/{uid}",
        "POST /v1/registries/oci/basic",
        "PUT /v1/registries/oci/{uid}/ecr",
        "POST /v1/users/assets/locations/s3",
        "PUT /v1/users/assets/locations/azure/{uid}",
    ] {
        assert!(
            served.contains(&route.to_string()),
            "{route} was not checked: {served:?}"
        );
    }
    eprintln!(
        "{} served operations with a body, {checked} mutations refused",
        served.len()
    );
    assert!(checked >= 40, "only {checked} mutations were checked");
}
