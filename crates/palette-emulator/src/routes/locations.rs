//! Backup storage locations: `/v1/users/assets/locations` (every type, listed), one path per
//! type (`s3`, `minio`, `gcp`, `azure`) to create, read and replace, the default switch
//! (`PATCH .../{type}/{uid}/default`) and delete (`DELETE .../{uid}`, and `.../s3/{uid}`).
//!
//! Locations live in the caller's scope (a project or the tenant), with names unique in it
//! across types (409). Secrets (`secretKey`, `secretToken`, `jsonCredentials`, `clientSecret`
//! under `spec.config.credentials`) are stored but never returned, and an update that leaves
//! one out keeps the stored one. One location per scope is the default: making one the default
//! clears the flag on the others. A location a live cluster's backup policy names cannot be
//! deleted (409 naming the clusters).
//!
//! Other routes reach a location through [`find_location`] (such as a backup policy checking
//! the location it names) and [`type_of`].

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, patch, post};
use palette_api::models as m;
use serde_json::{Map, Value, json};

use super::common::{find, new_metadata, public, update_metadata, visible};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

/// A location body, whatever the type's model.
struct LocationBody {
    metadata: Option<m::ObjectMetaInputEntity>,
    /// `spec` as the model writes it: checked by field across the types, and merged with the
    /// stored secrets an update leaves out, so it stays JSON.
    spec: Option<Map<String, Value>>,
}

/// One type of location and what its routes check.
struct LocationType {
    /// The path segment, stored as the location's type.
    path: &'static str,
    parse: fn(&Bytes) -> ApiResult<LocationBody>,
    render: fn(Value) -> ApiResult<Value>,
    /// Fields of `spec.config` a location of this type needs, as JSON pointers.
    required: &'static [&'static str],
    /// Fields of `spec.config` never returned, as JSON pointers.
    secrets: &'static [&'static str],
}

/// A location model (`v1UserAssetsLocationS3`, `...Gcp`, `...Azure`).
trait LocationModel: serde::de::DeserializeOwned {
    fn into_body(self) -> ApiResult<LocationBody>;
}

macro_rules! location_models {
    ($($model:ty),* $(,)?) => {$(
        impl LocationModel for $model {
            fn into_body(self) -> ApiResult<LocationBody> {
                let spec = match self.spec.map(serde_json::to_value).transpose()? {
                    Some(Value::Object(map)) => Some(map),
                    _ => None,
                };
                Ok(LocationBody { metadata: self.metadata, spec })
            }
        }
    )*};
}

location_models!(
    m::UserAssetsLocationS3,
    m::UserAssetsLocationGcp,
    m::UserAssetsLocationAzure,
);

/// Reads a location body as the model `M`.
fn parse<M: LocationModel>(body: &Bytes) -> ApiResult<LocationBody> {
    wire::body::<M>(body)?.into_body()
}

const S3_SECRETS: &[&str] = &["/credentials/secretKey", "/credentials/secretToken"];

const TYPES: &[LocationType] = &[
    LocationType {
        path: "s3",
        parse: parse::<m::UserAssetsLocationS3>,
        render: wire::through::<m::UserAssetsLocationS3>,
        required: &["/bucketName", "/region"],
        secrets: S3_SECRETS,
    },
    LocationType {
        path: "minio",
        parse: parse::<m::UserAssetsLocationS3>,
        render: wire::through::<m::UserAssetsLocationS3>,
        required: &[
            "/bucketName",
            "/region",
            "/s3Url",
            "/credentials/accessKey",
            "/credentials/secretKey",
        ],
        secrets: S3_SECRETS,
    },
    LocationType {
        path: "gcp",
        parse: parse::<m::UserAssetsLocationGcp>,
        render: wire::through::<m::UserAssetsLocationGcp>,
        required: &["/bucketName", "/credentials/jsonCredentials"],
        secrets: &["/credentials/jsonCredentials"],
    },
    LocationType {
        path: "azure",
        parse: parse::<m::UserAssetsLocationAzure>,
        render: wire::through::<m::UserAssetsLocationAzure>,
        required: &[
            "/containerName",
            "/storageName",
            "/resourceGroup",
            "/credentials/subscriptionId",
            "/credentials/tenantId",
            "/credentials/clientId",
            "/credentials/clientSecret",
        ],
        secrets: &["/credentials/clientSecret"],
    },
];

/// The location routes.
pub fn router() -> Router<AppState> {
    let mut router = Router::new()
        .route("/v1/users/assets/locations", get(list))
        .route(
            "/v1/users/assets/locations/{uid}",
            delete(|s: State<AppState>, c: Ctx, Path(uid): Path<String>| remove(None, s, c, uid)),
        )
        .route(
            "/v1/users/assets/locations/{type}/{uid}/default",
            patch(
                |s: State<AppState>, c: Ctx, Path((ty, uid)): Path<(String, String)>| {
                    make_default(ty, s, c, uid)
                },
            ),
        );
    for ty in TYPES {
        let item =
            get(move |s: State<AppState>, c: Ctx, Path(uid): Path<String>| read(ty, s, c, uid))
                .put(
                    move |s: State<AppState>, c: Ctx, Path(uid): Path<String>, b: Bytes| {
                        update(ty, s, c, uid, b)
                    },
                );
        // Only S3 has a delete of its own; every type has the generic one.
        let item = if ty.path == "s3" {
            item.delete(move |s: State<AppState>, c: Ctx, Path(uid): Path<String>| {
                remove(Some(ty), s, c, uid)
            })
        } else {
            item
        };
        router = router
            .route(
                &format!("/v1/users/assets/locations/{}", ty.path),
                post(move |s: State<AppState>, c: Ctx, b: Bytes| create(ty, s, c, b)),
            )
            .route(
                &format!("/v1/users/assets/locations/{}/{{uid}}", ty.path),
                item,
            );
    }
    router
}

/// The location `uid` if it exists and the caller's scope sees it, else 404. For routes that
/// refer to a location, such as a cluster's backup policy.
pub fn find_location(state: &AppState, ctx: &Ctx, uid: &str) -> ApiResult<Record> {
    find(state, ctx, Kind::Location, uid, "backup location")
}

/// The type of a stored location (`s3`, `minio`, `gcp`, `azure`).
pub fn type_of(record: &Record) -> &str {
    record
        .doc
        .pointer("/_emu/type")
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// The location `uid` of type `ty`, else 404.
fn find_typed(state: &AppState, ctx: &Ctx, ty: &str, uid: &str) -> ApiResult<Record> {
    let record = find_location(state, ctx, uid)?;
    if type_of(&record) != ty {
        return Err(ApiError::not_found(&format!("{ty} backup location"), uid));
    }
    Ok(record)
}

fn render(ty: &LocationType, record: &Record) -> ApiResult<Value> {
    let mut doc = public(record.doc.clone());
    if let Some(config) = doc.pointer_mut("/spec/config") {
        for secret in ty.secrets {
            remove_at(config, secret);
        }
    }
    (ty.render)(doc)
}

/// Removes the value at `pointer` of `doc`, if any.
fn remove_at(doc: &mut Value, pointer: &str) {
    let Some((parent, key)) = pointer.rsplit_once('/') else {
        return;
    };
    if let Some(map) = doc.pointer_mut(parent).and_then(Value::as_object_mut) {
        map.remove(key);
    }
}

/// Sets `value` at `pointer` of `doc`, making the objects on the way.
fn set_at(doc: &mut Value, pointer: &str, value: Value) {
    let mut at = doc;
    let mut parts = pointer.trim_start_matches('/').split('/').peekable();
    while let Some(part) = parts.next() {
        if !at.is_object() {
            *at = json!({});
        }
        let map = at.as_object_mut().expect("an object");
        if parts.peek().is_none() {
            map.insert(part.to_owned(), value);
            return;
        }
        at = map.entry(part.to_owned()).or_insert_with(|| json!({}));
    }
}

/// Checks a location's `spec`: after an update's merge with the stored secrets, so on JSON.
fn check_spec(ty: &LocationType, spec: &Value) -> ApiResult<()> {
    let config = spec.get("config").unwrap_or(&Value::Null);
    for field in ty.required {
        if wire::str_at(config, field).is_none() {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!(
                    "spec.config{} is required for a {} backup location",
                    field.replace('/', "."),
                    ty.path
                ),
            ));
        }
    }
    if ty.path == "s3" {
        let credentials = config.get("credentials").unwrap_or(&Value::Null);
        super::cloud_accounts::check_aws_credentials(credentials, "spec.config.credentials")?;
    }
    if ty.path == "minio"
        && wire::str_at(config, "/credentials/credentialType").is_some_and(|t| t != "secret")
    {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "spec.config.credentials.credentialType of a minio backup location must be secret",
        ));
    }
    Ok(())
}

/// A 409 when another location in `owner`'s scope is called `name`.
fn check_name_free(state: &AppState, owner: &str, name: &str, except: &str) -> ApiResult<()> {
    let clash = state
        .store()
        .list(Kind::Location)?
        .into_iter()
        .any(|r| r.project == owner && r.name == name && r.uid != except);
    if clash {
        return Err(ApiError::conflict(
            "BackupLocationAlreadyExists",
            format!("a backup location named '{name}' already exists"),
        ));
    }
    Ok(())
}

/// The writes that clear the default flag of every other location in `owner`'s scope.
fn clear_other_defaults(state: &AppState, owner: &str, except: &str) -> ApiResult<Vec<Op>> {
    Ok(state
        .store()
        .list(Kind::Location)?
        .into_iter()
        .filter(|r| r.project == owner && r.uid != except)
        .filter(|r| r.doc.pointer("/spec/isDefault") == Some(&json!(true)))
        .map(|mut r| {
            r.doc["spec"]["isDefault"] = json!(false);
            Op::Put(r)
        })
        .collect())
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> ApiResult<Response> {
    let items: Vec<Value> = visible(&state, &ctx, Kind::Location)?
        .into_iter()
        .map(|r| {
            let ty = type_of(&r).to_owned();
            let mut spec = json!({
                "isDefault": r.doc.pointer("/spec/isDefault").cloned().unwrap_or(json!(false)),
                "type": ty,
            });
            // `v1LocationType` lists no azure.
            if ty != "azure" {
                spec["storage"] = json!(ty);
            }
            json!({"metadata": public(r.doc)["metadata"].clone(), "spec": spec})
        })
        .collect();
    wire::ok::<m::UserAssetsLocations>(json!({ "items": items }))
}

async fn create(
    ty: &'static LocationType,
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (ty.parse)(&body)?;
    let meta = input.metadata.unwrap_or_default();
    let name = wire::require(meta.name.as_deref(), "metadata.name")?.to_owned();
    let mut spec = Value::Object(input.spec.unwrap_or_default());
    check_spec(ty, &spec)?;
    spec["type"] = json!(ty.path);
    let is_default = spec["isDefault"].as_bool().unwrap_or(false);
    spec["isDefault"] = json!(is_default);
    let _guard = state.write_guard();
    let owner = ctx.owner();
    check_name_free(&state, &owner, &name, "")?;
    let uid = ids::new_uid();
    let mut ops = if is_default {
        clear_other_defaults(&state, &owner, &uid)?
    } else {
        Vec::new()
    };
    ops.push(Op::Put(Record {
        kind: Kind::Location,
        uid: uid.clone(),
        project: owner,
        name,
        doc: json!({
            "metadata": new_metadata(&ctx, &state, &uid, &meta),
            "spec": spec,
            "_emu": {"type": ty.path},
        }),
    }));
    state.store().apply(ops)?;
    Ok(wire::created(&uid))
}

async fn read(
    ty: &'static LocationType,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
) -> ApiResult<Response> {
    let record = find_typed(&state, &ctx, ty.path, &uid)?;
    Ok(axum::Json(render(ty, &record)?).into_response())
}

async fn update(
    ty: &'static LocationType,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (ty.parse)(&body)?;
    let _guard = state.write_guard();
    let mut record = find_typed(&state, &ctx, ty.path, &uid)?;
    let mut ops = Vec::new();
    if let Some(spec) = input.spec {
        let mut merged = Value::Object(spec);
        // Secrets left out of an update keep their stored value, as the console does.
        for secret in ty.secrets {
            let pointer = format!("/config{secret}");
            if wire::str_at(&merged, &pointer).is_none()
                && let Some(old) = record.doc.pointer(&format!("/spec{pointer}"))
            {
                set_at(&mut merged, &pointer, old.clone());
            }
        }
        check_spec(ty, &merged)?;
        merged["type"] = json!(ty.path);
        let was_default = record.doc.pointer("/spec/isDefault") == Some(&json!(true));
        let is_default = merged["isDefault"].as_bool().unwrap_or(was_default);
        merged["isDefault"] = json!(is_default);
        if is_default {
            ops = clear_other_defaults(&state, &record.project, &uid)?;
        }
        record.doc["spec"] = merged;
    }
    if let Some(meta) = &input.metadata {
        if let Some(name) = wire::given(meta.name.as_deref()) {
            check_name_free(&state, &record.project, name, &uid)?;
            record.name = name.to_owned();
        }
        update_metadata(&mut record.doc["metadata"], meta);
    } else {
        record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    }
    ops.push(Op::Put(record));
    state.store().apply(ops)?;
    Ok(wire::no_content())
}

async fn make_default(
    ty: String,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let mut record = find_typed(&state, &ctx, &ty, &uid)?;
    let mut ops = clear_other_defaults(&state, &record.project, &uid)?;
    record.doc["spec"]["isDefault"] = json!(true);
    ops.push(Op::Put(record));
    state.store().apply(ops)?;
    Ok(wire::no_content())
}

async fn remove(
    ty: Option<&'static LocationType>,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let record = match ty {
        Some(ty) => find_typed(&state, &ctx, ty.path, &uid)?,
        None => find_location(&state, &ctx, &uid)?,
    };
    let users = super::clusters::clusters_using_location(&state, &uid)?;
    if !users.is_empty() {
        return Err(ApiError::conflict(
            "BackupLocationInUse",
            format!(
                "backup location '{}' is in use by the backup policy of clusters: {}",
                record.name,
                users.join(", ")
            ),
        ));
    }
    state.store().apply(vec![Op::Delete(Kind::Location, uid)])?;
    Ok(wire::no_content())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_set_and_removed_at_pointers() {
        let mut doc = json!({"config": {"bucketName": "b"}});
        set_at(&mut doc, "/config/credentials/secretKey", json!("s"));
        assert_eq!(doc["config"]["credentials"]["secretKey"], "s");
        remove_at(&mut doc, "/config/credentials/secretKey");
        assert_eq!(
            doc,
            json!({"config": {"bucketName": "b", "credentials": {}}})
        );
        remove_at(&mut doc, "/config/missing/key");
    }

    #[test]
    fn each_type_needs_its_fields_and_s3_its_credentials_by_type() {
        let by = |path: &str| TYPES.iter().find(|t| t.path == path).unwrap();
        let s3 = json!({"config": {"bucketName": "b", "region": "r",
            "credentials": {"credentialType": "sts", "sts": {"arn": "arn:aws:iam::1:role/x"}}}});
        assert!(check_spec(by("s3"), &s3).is_ok());
        let keys = json!({"config": {"bucketName": "b", "region": "r",
            "credentials": {"accessKey": "a"}}});
        let err = check_spec(by("s3"), &keys).unwrap_err();
        assert!(err.message.contains("secretKey"), "{}", err.message);
        let azure = json!({"config": {"containerName": "c", "storageName": "s",
            "resourceGroup": "g", "credentials": {"tenantId": "t", "clientId": "c",
            "clientSecret": "x"}}});
        let err = check_spec(by("azure"), &azure).unwrap_err();
        assert!(err.message.contains("subscriptionId"), "{}", err.message);
    }
}
