//! Cloud accounts: `/v1/cloudaccounts/{aws,azure,gcp,vsphere,maas,openstack,tencent}`, custom
//! clouds under `/v1/cloudaccounts/cloudTypes/{cloudType}` (Nutanix), and the summary list.
//!
//! Secrets (`secretKey`, `clientSecret`, `password`, `apiKey`, `jsonCredentials`, custom
//! credentials whose key names a secret) are stored but never returned. An account in use by a
//! cluster cannot be deleted (409 naming the clusters).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use palette_api::models as m;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use super::common::{
    Query, find, meta_input, name_filter, new_metadata, public, update_metadata, visible,
};
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::paging::Page;
use crate::state::AppState;
use crate::store::{Kind, Op, Record};
use crate::{ids, wire};

type Parse = fn(&Bytes) -> ApiResult<AccountBody>;
type Render = fn(Value) -> ApiResult<Value>;
type Respond = fn(Value) -> ApiResult<Response>;

/// An account body, whatever the cloud's model.
#[derive(Debug, Default)]
struct AccountBody {
    /// The caller-settable part of `metadata`, if given.
    metadata: Option<m::ObjectMetaInputEntity>,
    /// `spec` as the cloud's model writes it, if given. The routes check it by field name
    /// across every cloud's model (`CloudKind::required`, `secrets`), and an update merges it
    /// with the stored secrets it leaves out, so it stays JSON.
    spec: Option<Map<String, Value>>,
}

/// An account model (`v1*Account`, `v1GcpAccountEntity`, `v1CustomAccountEntity`).
trait AccountModel: DeserializeOwned {
    fn into_body(self) -> ApiResult<AccountBody>;
}

/// Reads an account body as the model `M`.
fn account<M: AccountModel>(body: &Bytes) -> ApiResult<AccountBody> {
    wire::body::<M>(body)?.into_body()
}

/// The JSON object a model's `spec` writes.
fn spec_object(spec: Option<impl serde::Serialize>) -> ApiResult<Option<Map<String, Value>>> {
    Ok(match spec.map(serde_json::to_value).transpose()? {
        Some(Value::Object(map)) => Some(map),
        _ => None,
    })
}

macro_rules! account_models {
    ($($ty:ty),* $(,)?) => {$(
        impl AccountModel for $ty {
            fn into_body(self) -> ApiResult<AccountBody> {
                Ok(AccountBody {
                    metadata: self.metadata.map(meta_input),
                    spec: spec_object(self.spec)?,
                })
            }
        }
    )*};
}

account_models!(
    m::AwsAccount,
    m::AzureAccount,
    m::GcpAccountEntity,
    m::VsphereAccount,
    m::MaasAccount,
    m::OpenStackAccount,
    m::TencentAccount,
);

impl AccountModel for m::CustomAccountEntity {
    fn into_body(self) -> ApiResult<AccountBody> {
        Ok(AccountBody {
            metadata: self.metadata,
            spec: spec_object(self.spec)?,
        })
    }
}

/// One family of cloud accounts and the models its routes use.
struct CloudKind {
    /// Path segment and stored cloud name.
    path: &'static str,
    parse: Parse,
    render: Render,
    /// Writes a page of accounts (a 200 through the list model).
    render_list: Respond,
    /// Fields of `spec` a create or update must carry. The spec requires most of them too, but
    /// only in a `spec` that is given, and not in a `PATCH` (which the spec does not define for
    /// most clouds), so they are checked here.
    required: &'static [&'static str],
    /// Fields of `spec` never returned.
    secrets: &'static [&'static str],
}

const KINDS: &[CloudKind] = &[
    CloudKind {
        path: "aws",
        parse: account::<m::AwsAccount>,
        render: wire::through::<m::AwsAccount>,
        render_list: wire::ok::<m::AwsAccounts>,
        required: &[],
        secrets: &["secretKey", "secretToken"],
    },
    CloudKind {
        path: "azure",
        parse: account::<m::AzureAccount>,
        render: wire::through::<m::AzureAccount>,
        render_list: wire::ok::<m::AzureAccounts>,
        required: &["clientId", "clientSecret", "tenantId"],
        secrets: &["clientSecret"],
    },
    CloudKind {
        path: "gcp",
        parse: account::<m::GcpAccountEntity>,
        render: wire::through::<m::GcpAccount>,
        render_list: wire::ok::<m::GcpAccounts>,
        required: &["jsonCredentials"],
        secrets: &["jsonCredentials"],
    },
    CloudKind {
        path: "vsphere",
        parse: account::<m::VsphereAccount>,
        render: wire::through::<m::VsphereAccount>,
        render_list: wire::ok::<m::VsphereAccounts>,
        required: &["vcenterServer", "username", "password"],
        secrets: &["password"],
    },
    CloudKind {
        path: "maas",
        parse: account::<m::MaasAccount>,
        render: wire::through::<m::MaasAccount>,
        render_list: wire::ok::<m::MaasAccounts>,
        required: &["apiEndpoint", "apiKey"],
        secrets: &["apiKey"],
    },
    CloudKind {
        path: "openstack",
        parse: account::<m::OpenStackAccount>,
        render: wire::through::<m::OpenStackAccount>,
        render_list: wire::ok::<m::OpenStackAccounts>,
        required: &["identityEndpoint", "username", "password"],
        secrets: &["password"],
    },
    CloudKind {
        path: "tencent",
        parse: account::<m::TencentAccount>,
        render: wire::through::<m::TencentAccount>,
        render_list: wire::ok::<m::TencentAccounts>,
        required: &["secretId", "secretKey"],
        secrets: &["secretKey"],
    },
];

const CUSTOM: CloudKind = CloudKind {
    path: "cloudTypes",
    parse: account::<m::CustomAccountEntity>,
    render: wire::through::<m::CustomAccount>,
    render_list: wire::ok::<m::CustomAccounts>,
    required: &[],
    secrets: &[],
};

/// The stored document of an account (also used by the seed).
pub fn account_doc(
    cloud: &str,
    name: &str,
    uid: &str,
    owner: &str,
    spec: Value,
    now: &str,
) -> Value {
    let scope = if owner.is_empty() {
        "tenant"
    } else {
        "project"
    };
    let mut annotations = json!({"scope": scope});
    if !owner.is_empty() {
        annotations["projectUid"] = json!(owner);
    }
    json!({
        "apiVersion": "v1",
        "kind": cloud,
        "metadata": {
            "name": name, "uid": uid, "annotations": annotations, "labels": {},
            "creationTimestamp": now, "lastModifiedTimestamp": now,
        },
        "spec": spec,
        "status": {"state": "Running"},
        "_emu": {"cloud": cloud},
    })
}

/// The cloud name stored with an account.
pub fn cloud_of(record: &Record) -> &str {
    record
        .doc
        .pointer("/_emu/cloud")
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// The account routes.
pub fn router() -> Router<AppState> {
    let mut router = Router::new()
        .route("/v1/cloudaccounts/summary", get(summary))
        .route("/v1/dashboard/cloudaccounts/metadata", get(metadata));
    for kind in KINDS {
        let list_path = format!("/v1/cloudaccounts/{}", kind.path);
        let item_path = format!("/v1/cloudaccounts/{}/{{uid}}", kind.path);
        router = router
            .route(
                &list_path,
                get(move |s: State<AppState>, c: Ctx, q: Query| {
                    list(kind, kind.path.to_owned(), s, c, q)
                })
                .post(move |s: State<AppState>, c: Ctx, b: Bytes| {
                    create(kind, kind.path.to_owned(), s, c, b)
                }),
            )
            .route(
                &item_path,
                get(move |s: State<AppState>, c: Ctx, Path(uid): Path<String>| {
                    read(kind, kind.path.to_owned(), s, c, uid)
                })
                .put(
                    move |s: State<AppState>, c: Ctx, Path(uid): Path<String>, b: Bytes| {
                        update(kind, kind.path.to_owned(), s, c, uid, b)
                    },
                )
                .patch(
                    move |s: State<AppState>, c: Ctx, Path(uid): Path<String>, b: Bytes| {
                        update(kind, kind.path.to_owned(), s, c, uid, b)
                    },
                )
                .delete(
                    move |s: State<AppState>, c: Ctx, Path(uid): Path<String>| {
                        delete(kind.path.to_owned(), s, c, uid)
                    },
                ),
            );
    }
    router
        .route(
            "/v1/cloudaccounts/cloudTypes/{cloudType}",
            get(
                |s: State<AppState>, c: Ctx, Path(cloud): Path<String>, q: Query| {
                    list(&CUSTOM, cloud, s, c, q)
                },
            )
            .post(
                |s: State<AppState>, c: Ctx, Path(cloud): Path<String>, b: Bytes| {
                    create(&CUSTOM, cloud, s, c, b)
                },
            ),
        )
        .route(
            "/v1/cloudaccounts/cloudTypes/{cloudType}/{uid}",
            get(
                |s: State<AppState>, c: Ctx, Path((cloud, uid)): Path<(String, String)>| {
                    read(&CUSTOM, cloud, s, c, uid)
                },
            )
            .put(
                |s: State<AppState>,
                 c: Ctx,
                 Path((cloud, uid)): Path<(String, String)>,
                 b: Bytes| { update(&CUSTOM, cloud, s, c, uid, b) },
            )
            .delete(
                |s: State<AppState>, c: Ctx, Path((cloud, uid)): Path<(String, String)>| {
                    delete(cloud, s, c, uid)
                },
            ),
        )
}

fn render(kind: &CloudKind, record: &Record) -> ApiResult<Value> {
    let mut doc = public(record.doc.clone());
    if let Some(spec) = doc.get_mut("spec").and_then(Value::as_object_mut) {
        for secret in kind.secrets {
            spec.remove(*secret);
        }
        if let Some(creds) = spec.get_mut("credentials").and_then(Value::as_object_mut) {
            for (key, value) in creds.iter_mut() {
                let upper = key.to_ascii_uppercase();
                if ["PASSWORD", "SECRET", "TOKEN", "KEY"]
                    .iter()
                    .any(|s| upper.contains(s))
                {
                    *value = json!("");
                }
            }
        }
    }
    (kind.render)(doc)
}

/// Checks an account's `spec`: after an update's merge with the stored secrets, so on JSON.
fn check_spec(kind: &CloudKind, cloud: &str, spec: &Value) -> ApiResult<()> {
    for field in kind.required {
        wire::required(spec, &format!("/{field}")).map_err(|_| {
            ApiError::bad_request(
                "InvalidRequest",
                format!("spec.{field} is required for a {cloud} account"),
            )
        })?;
    }
    if cloud == "aws" {
        check_aws_credentials(spec, "spec")?;
    }
    if kind.path == "cloudTypes"
        && spec
            .get("credentials")
            .and_then(Value::as_object)
            .is_none_or(|c| c.is_empty())
    {
        return Err(ApiError::bad_request(
            "InvalidRequest",
            "spec.credentials is required",
        ));
    }
    Ok(())
}

/// Checks AWS credentials (`v1AwsCloudAccount`, here at the dotted path `at`) by their type:
/// an access key pair for `secret` (the default), a role ARN for `sts`. Backup locations on S3
/// carry the same credentials.
pub fn check_aws_credentials(credentials: &Value, at: &str) -> ApiResult<()> {
    let missing = |field: &str, why: &str| {
        ApiError::bad_request(
            "InvalidRequest",
            format!("{at}.{field} is required for {why} credentials"),
        )
    };
    match wire::str_at(credentials, "/credentialType").unwrap_or("secret") {
        "secret" => {
            for field in ["accessKey", "secretKey"] {
                wire::str_at(credentials, &format!("/{field}"))
                    .ok_or_else(|| missing(field, "secret"))?;
            }
        }
        "sts" => {
            wire::str_at(credentials, "/sts/arn").ok_or_else(|| missing("sts.arn", "sts"))?;
        }
        "pod-identity" => {}
        other => {
            return Err(ApiError::bad_request(
                "InvalidRequest",
                format!("{at}.credentialType '{other}' is not one of secret, sts, pod-identity"),
            ));
        }
    }
    Ok(())
}

async fn list(
    kind: &'static CloudKind,
    cloud: String,
    State(state): State<AppState>,
    ctx: Ctx,
    q: Query,
) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let mut items = Vec::new();
    for record in visible(&state, &ctx, Kind::CloudAccount)? {
        if cloud_of(&record) == cloud && name_filter(&q, &record.name) {
            items.push(render(kind, &record)?);
        }
    }
    (kind.render_list)(page.apply(items))
}

async fn create(
    kind: &'static CloudKind,
    cloud: String,
    State(state): State<AppState>,
    ctx: Ctx,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (kind.parse)(&body)?;
    let meta = input.metadata.unwrap_or_default();
    let name = wire::require(meta.name.as_deref(), "metadata.name")?.to_owned();
    let spec = Value::Object(input.spec.unwrap_or_default());
    check_spec(kind, &cloud, &spec)?;
    let _guard = state.write_guard();
    let owner = ctx.owner();
    let clash = state
        .store()
        .list(Kind::CloudAccount)?
        .into_iter()
        .any(|r| r.project == owner && r.name == name && cloud_of(&r) == cloud);
    if clash {
        return Err(ApiError::conflict(
            "CloudAccountAlreadyExists",
            format!("a {cloud} cloud account named '{name}' already exists"),
        ));
    }
    let uid = ids::new_uid();
    let mut doc = account_doc(&cloud, &name, &uid, &owner, spec, &ids::now_rfc3339());
    doc["metadata"] = new_metadata(&ctx, &state, &uid, &meta);
    state.store().put(Record {
        kind: Kind::CloudAccount,
        uid: uid.clone(),
        project: owner,
        name,
        doc,
    })?;
    Ok(wire::created(&uid))
}

fn find_account(state: &AppState, ctx: &Ctx, cloud: &str, uid: &str) -> ApiResult<Record> {
    let record = find(state, ctx, Kind::CloudAccount, uid, "cloud account")?;
    if cloud_of(&record) != cloud {
        return Err(ApiError::not_found(&format!("{cloud} cloud account"), uid));
    }
    Ok(record)
}

async fn read(
    kind: &'static CloudKind,
    cloud: String,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
) -> ApiResult<Response> {
    let record = find_account(&state, &ctx, &cloud, &uid)?;
    Ok(axum::Json(render(kind, &record)?).into_response())
}

async fn update(
    kind: &'static CloudKind,
    cloud: String,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
    body: Bytes,
) -> ApiResult<Response> {
    let input = (kind.parse)(&body)?;
    let _guard = state.write_guard();
    let mut record = find_account(&state, &ctx, &cloud, &uid)?;
    if let Some(spec) = input.spec {
        // Secrets left out of an update keep their stored value, as the console does.
        let mut merged = Value::Object(spec);
        for secret in kind.secrets {
            if wire::str_at(&merged, &format!("/{secret}")).is_none()
                && let Some(old) = record.doc.pointer(&format!("/spec/{secret}"))
            {
                merged[*secret] = old.clone();
            }
        }
        check_spec(kind, &cloud, &merged)?;
        record.doc["spec"] = merged;
    }
    if let Some(meta) = &input.metadata {
        if let Some(name) = wire::given(meta.name.as_deref())
            && name != record.name
        {
            let clash = state
                .store()
                .list(Kind::CloudAccount)?
                .into_iter()
                .any(|r| r.project == record.project && r.name == name && cloud_of(&r) == cloud);
            if clash {
                return Err(ApiError::conflict(
                    "CloudAccountAlreadyExists",
                    format!("a {cloud} cloud account named '{name}' already exists"),
                ));
            }
        }
        update_metadata(&mut record.doc["metadata"], meta);
        if let Some(name) = wire::given(meta.name.as_deref()) {
            record.name = name.to_owned();
        }
    }
    state.store().put(record)?;
    Ok(wire::no_content())
}

async fn delete(
    cloud: String,
    State(state): State<AppState>,
    ctx: Ctx,
    uid: String,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let record = find_account(&state, &ctx, &cloud, &uid)?;
    let users = super::clusters::clusters_using_account(&state, &uid)?;
    if !users.is_empty() {
        return Err(ApiError::conflict(
            "CloudAccountInUse",
            format!(
                "cloud account '{}' is in use by clusters: {}",
                record.name,
                users.join(", ")
            ),
        ));
    }
    state
        .store()
        .apply(vec![Op::Delete(Kind::CloudAccount, uid)])?;
    Ok(wire::no_content())
}

async fn summary(State(state): State<AppState>, ctx: Ctx, q: Query) -> ApiResult<Response> {
    let page = Page::from_query(&q)?;
    let items: Vec<Value> = visible(&state, &ctx, Kind::CloudAccount)?
        .into_iter()
        .filter(|r| name_filter(&q, &r.name))
        .map(|r| {
            let account_id = u64::from_str_radix(&r.uid[..12.min(r.uid.len())], 16).unwrap_or(0)
                % 1_000_000_000_000;
            json!({
                "kind": cloud_of(&r),
                "metadata": public(r.doc.clone())["metadata"].clone(),
                "specSummary": {"accountId": format!("{account_id:012}")},
                "status": r.doc.get("status").cloned().unwrap_or(json!({})),
            })
        })
        .collect();
    wire::ok::<m::CloudAccountsSummary>(page.apply(items))
}

/// `GET /v1/dashboard/cloudaccounts/metadata[?environment=CLOUD]`: every account in scope, its
/// cloud type as `kind` (`v1CloudAccountsMetadata`, not paged).
async fn metadata(State(state): State<AppState>, ctx: Ctx, q: Query) -> ApiResult<Response> {
    let environment = q.get("environment").map(String::as_str);
    let items: Vec<Value> = visible(&state, &ctx, Kind::CloudAccount)?
        .into_iter()
        .filter(|r| environment.is_none_or(|e| e == cloud_of(r)))
        .map(|r| {
            json!({
                "kind": cloud_of(&r),
                "metadata": public(r.doc.clone())["metadata"].clone(),
            })
        })
        .collect();
    wire::ok::<m::CloudAccountsMetadata>(json!({ "items": items }))
}
