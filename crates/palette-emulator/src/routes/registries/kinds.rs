//! The four kinds of registry the routes serve (pack, Helm, basic OCI, ECR): the models their
//! bodies are read and written through, where their secrets sit, and the stored document of
//! one registry.
//!
//! A stored registry keeps its `spec` as the body gave it, secrets included (a registry needs
//! them to sync); reads render it without them.

use axum::body::Bytes;
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Map, Value, json};

use crate::error::{ApiError, ApiResult};
use crate::routes::common::meta_input;
use crate::store::{Record, SYSTEM};
use crate::wire;

/// A create or update body, whatever the kind's model.
#[derive(Debug, Default)]
pub(super) struct Input {
    /// The caller-settable part of `metadata`.
    pub(super) metadata: m::ObjectMetaInputEntity,
    /// `spec` as the kind's model writes it (secrets included).
    pub(super) spec: Map<String, Value>,
}

/// One kind of registry.
pub(super) struct RegistryKind {
    /// The registry in a sentence: `pack registry`.
    pub(super) label: &'static str,
    /// The kind `/v1/registries/metadata` reports: `pack`, `helm` or `oci`.
    pub(super) kind: &'static str,
    /// For OCI registries, `basic` or `ecr`.
    pub(super) oci_type: Option<&'static str>,
    /// The type of the packs it serves.
    pub(super) pack_type: &'static str,
    /// The `kind` of its read model.
    pub(super) model_kind: &'static str,
    /// The key of its sync status under `status`.
    pub(super) status_key: &'static str,
    /// The key of its privacy flag in `spec`, if it has one.
    pub(super) private_key: Option<&'static str>,
    /// JSON pointers, within `spec`, of the secrets never returned.
    pub(super) secrets: &'static [&'static str],
    pub(super) parse_create: fn(&Bytes) -> ApiResult<Input>,
    pub(super) parse_update: fn(&Bytes) -> ApiResult<Input>,
    /// Writes one registry (a 200 through the read model).
    pub(super) respond: fn(Value) -> ApiResult<Response>,
    /// Passes one registry through the read model.
    pub(super) through: fn(Value) -> ApiResult<Value>,
}

/// Secrets of a registry whose credentials are `auth` (`v1RegistryAuth`).
const AUTH_SECRETS: &[&str] = &["/auth/password", "/auth/token", "/auth/tls/key"];

pub(super) const PACK: RegistryKind = RegistryKind {
    label: "pack registry",
    kind: "pack",
    oci_type: None,
    pack_type: "spectro",
    model_kind: "PackRegistry",
    status_key: "packSyncStatus",
    private_key: Some("private"),
    secrets: AUTH_SECRETS,
    parse_create: pack_input,
    parse_update: pack_input,
    respond: wire::ok::<m::PackRegistry>,
    through: wire::through::<m::PackRegistry>,
};

pub(super) const HELM: RegistryKind = RegistryKind {
    label: "helm registry",
    kind: "helm",
    oci_type: None,
    pack_type: "helm",
    model_kind: "HelmRegistry",
    status_key: "helmSyncStatus",
    private_key: Some("isPrivate"),
    secrets: AUTH_SECRETS,
    parse_create: helm_create_input,
    parse_update: helm_input,
    respond: wire::ok::<m::HelmRegistry>,
    through: wire::through::<m::HelmRegistry>,
};

pub(super) const OCI_BASIC: RegistryKind = RegistryKind {
    label: "basic oci registry",
    kind: "oci",
    oci_type: Some("basic"),
    pack_type: "oci",
    model_kind: "BasicOciRegistry",
    status_key: "syncStatus",
    private_key: None,
    secrets: AUTH_SECRETS,
    parse_create: basic_input,
    parse_update: basic_input,
    respond: wire::ok::<m::BasicOciRegistry>,
    through: wire::through::<m::BasicOciRegistry>,
};

pub(super) const OCI_ECR: RegistryKind = RegistryKind {
    label: "ecr registry",
    kind: "oci",
    oci_type: Some("ecr"),
    pack_type: "oci",
    model_kind: "EcrRegistry",
    status_key: "syncStatus",
    private_key: Some("isPrivate"),
    secrets: &[
        "/credentials/secretKey",
        "/credentials/secretToken",
        "/tls/key",
    ],
    parse_create: ecr_input,
    parse_update: ecr_input,
    respond: wire::ok::<m::EcrRegistry>,
    through: wire::through::<m::EcrRegistry>,
};

/// The JSON object a model's `spec` writes.
fn spec_object(spec: Option<impl serde::Serialize>) -> ApiResult<Map<String, Value>> {
    Ok(match spec.map(serde_json::to_value).transpose()? {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    })
}

fn input(metadata: Option<m::ObjectMeta>, spec: Map<String, Value>) -> Input {
    Input {
        metadata: metadata.map(meta_input).unwrap_or_default(),
        spec,
    }
}

fn pack_input(body: &Bytes) -> ApiResult<Input> {
    let r: m::PackRegistry = wire::body(body)?;
    Ok(input(r.metadata, spec_object(r.spec)?))
}

fn helm_create_input(body: &Bytes) -> ApiResult<Input> {
    let r: m::HelmRegistryEntity = wire::body(body)?;
    let mut spec = spec_object(r.spec)?;
    spec.remove("createOption");
    Ok(input(r.metadata, spec))
}

fn helm_input(body: &Bytes) -> ApiResult<Input> {
    let r: m::HelmRegistry = wire::body(body)?;
    Ok(input(r.metadata, spec_object(r.spec)?))
}

fn basic_input(body: &Bytes) -> ApiResult<Input> {
    let r: m::BasicOciRegistry = wire::body(body)?;
    Ok(input(r.metadata, spec_object(r.spec)?))
}

fn ecr_input(body: &Bytes) -> ApiResult<Input> {
    let r: m::EcrRegistry = wire::body(body)?;
    Ok(input(r.metadata, spec_object(r.spec)?))
}

impl RegistryKind {
    /// Whether `record` is a registry of this kind.
    pub(super) fn owns(&self, record: &Record) -> bool {
        record.doc["kind"] == self.kind && self.oci_type.is_none_or(|t| oci_type_of(record) == t)
    }

    /// Checks what Palette requires of a registry's `spec` beyond the spec's schema: an
    /// endpoint, and credentials that fit the kind of authentication chosen.
    pub(super) fn check_spec(&self, spec: &Value) -> ApiResult<()> {
        wire::required(spec, "/endpoint")?;
        if self.oci_type == Some("ecr") {
            let private = spec["isPrivate"].as_bool().unwrap_or(false);
            let credentials = &spec["credentials"];
            if credentials.is_null() {
                return match private {
                    true => Err(ApiError::bad_request(
                        "InvalidRequest",
                        "spec.credentials is required for a private ecr registry",
                    )),
                    false => Ok(()),
                };
            }
            return match wire::str_at(credentials, "/credentialType").unwrap_or("secret") {
                "secret" => {
                    wire::required(spec, "/credentials/accessKey")?;
                    wire::required(spec, "/credentials/secretKey").map(|_| ())
                }
                "sts" => wire::required(spec, "/credentials/sts/arn").map(|_| ()),
                other => Err(ApiError::bad_request(
                    "InvalidRequest",
                    format!("spec.credentials.credentialType '{other}' is not secret or sts"),
                )),
            };
        }
        match wire::str_at(spec, "/auth/type").unwrap_or("noAuth") {
            "basic" => {
                wire::required(spec, "/auth/username")?;
                wire::required(spec, "/auth/password").map(|_| ())
            }
            "token" => wire::required(spec, "/auth/token").map(|_| ()),
            _ => Ok(()),
        }
    }

    /// Whether `spec` marks the registry private.
    pub(super) fn is_private(&self, spec: &Value) -> bool {
        self.private_key
            .and_then(|key| spec[key].as_bool())
            .unwrap_or(false)
    }

    /// `spec` with the stored secrets it leaves out put back, as the console keeps them when an
    /// update does not repeat them.
    pub(super) fn merge_secrets(&self, mut spec: Value, stored: &Value) -> Value {
        for pointer in self.secrets {
            let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
            if wire::str_at(&spec, pointer).is_some() {
                continue;
            }
            let (Some(old), Some(parent)) = (stored.pointer(pointer), spec.pointer_mut(parent))
            else {
                continue;
            };
            if let Some(object) = parent.as_object_mut() {
                object.insert(key.to_owned(), old.clone());
            }
        }
        spec
    }

    /// The registry as its read model has it, without secrets.
    pub(super) fn render(&self, record: &Record, sync: Value) -> ApiResult<Value> {
        let d = &record.doc;
        let scope = d["scope"].as_str().unwrap_or("tenant");
        let mut spec = d.get("spec").cloned().unwrap_or_else(|| seeded_spec(d));
        for pointer in self.secrets {
            let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
            if let Some(object) = spec.pointer_mut(parent).and_then(Value::as_object_mut) {
                object.remove(key);
            }
        }
        spec["name"] = json!(record.name);
        spec["registryUid"] = json!(record.uid);
        spec["scope"] = json!(scope);
        let metadata = d.get("metadata").cloned().unwrap_or_else(|| {
            json!({
                "name": record.name, "uid": record.uid, "annotations": {"scope": scope},
                "creationTimestamp": d["creationTimestamp"],
                "lastModifiedTimestamp": d["creationTimestamp"],
            })
        });
        let mut status = Map::new();
        status.insert(self.status_key.to_owned(), sync);
        (self.through)(json!({
            "apiVersion": "v1",
            "kind": self.model_kind,
            "metadata": metadata,
            "spec": spec,
            "status": status,
        }))
    }
}

/// `basic` or `ecr` for an OCI registry (a seeded one is basic).
pub(super) fn oci_type_of(record: &Record) -> &str {
    record.doc["registryType"].as_str().unwrap_or("basic")
}

/// The kind of a stored registry record.
pub(super) fn kind_of(record: &Record) -> &'static RegistryKind {
    match (record.doc["kind"].as_str(), oci_type_of(record)) {
        (Some("helm"), _) => &HELM,
        (Some("oci"), "ecr") => &OCI_ECR,
        (Some("oci"), _) => &OCI_BASIC,
        _ => &PACK,
    }
}

/// The `spec` of a seeded registry, which was stored without one.
fn seeded_spec(doc: &Value) -> Value {
    json!({
        "endpoint": doc["endpoint"], "auth": {"type": "noAuth"},
        "private": doc["isPrivate"], "isPrivate": doc["isPrivate"],
        "providerType": if doc["packType"] == "oci" { "helm" } else { "pack" },
        "containsSpectroManifest": true,
    })
}

/// Whether the registry belongs to the system (seeded), which a tenant cannot change.
pub(super) fn is_system(record: &Record) -> bool {
    record.project == SYSTEM
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, spec: Value) -> Record {
        Record {
            kind: crate::store::Kind::Registry,
            uid: "u1".into(),
            project: String::new(),
            name: "r1".into(),
            doc: json!({"kind": kind, "scope": "tenant", "spec": spec}),
        }
    }

    #[test]
    fn reads_never_show_secrets() {
        let spec = json!({"endpoint": "https://e", "auth": {"type": "basic", "username": "u",
            "password": "pw-1", "tls": {"key": "k-1", "ca": "ca"}}});
        let shown = HELM.render(&record("helm", spec), json!({})).unwrap();
        assert_eq!(shown["spec"]["auth"]["username"], "u");
        assert_eq!(shown["spec"]["auth"]["tls"]["ca"], "ca");
        let text = shown.to_string();
        assert!(!text.contains("pw-1") && !text.contains("k-1"), "{text}");
        let ecr = json!({"endpoint": "e", "isPrivate": true,
            "credentials": {"accessKey": "AKIA", "secretKey": "s-2"}});
        let shown = OCI_ECR.render(&record("oci", ecr), json!({})).unwrap();
        assert_eq!(shown["spec"]["credentials"]["accessKey"], "AKIA");
        assert!(!shown.to_string().contains("s-2"));
    }

    #[test]
    fn an_update_keeps_the_secrets_it_leaves_out() {
        let stored = json!({"auth": {"type": "basic", "username": "u", "password": "old"}});
        let update = json!({"auth": {"type": "basic", "username": "v"}});
        let merged = PACK.merge_secrets(update, &stored);
        assert_eq!(merged["auth"]["password"], "old");
        assert_eq!(merged["auth"]["username"], "v");
        let rotated = json!({"auth": {"type": "basic", "username": "v", "password": "new"}});
        assert_eq!(
            PACK.merge_secrets(rotated, &stored)["auth"]["password"],
            "new"
        );
    }

    #[test]
    fn credentials_must_fit_the_authentication() {
        let cases = [
            (
                &PACK,
                json!({"endpoint": "e", "auth": {"type": "noAuth"}}),
                true,
            ),
            (&PACK, json!({"endpoint": "", "auth": {}}), false),
            (
                &HELM,
                json!({"endpoint": "e", "auth": {"type": "basic", "username": "u"}}),
                false,
            ),
            (&OCI_ECR, json!({"endpoint": "e", "isPrivate": true}), false),
            (&OCI_ECR, json!({"endpoint": "e", "isPrivate": false}), true),
            (
                &OCI_ECR,
                json!({"endpoint": "e", "isPrivate": true,
                "credentials": {"credentialType": "sts", "sts": {"arn": "a"}}}),
                true,
            ),
            (
                &OCI_ECR,
                json!({"endpoint": "e", "isPrivate": true,
                "credentials": {"accessKey": "a"}}),
                false,
            ),
        ];
        for (i, (kind, spec, ok)) in cases.into_iter().enumerate() {
            assert_eq!(kind.check_spec(&spec).is_ok(), ok, "case {i}: {spec}");
        }
    }
}
