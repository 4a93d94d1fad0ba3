//! `palette_backup_storage_location`: where Palette writes cluster backups, one block per
//! location kind (S3 or an S3-compatible store, MinIO, Google Cloud Storage, Azure), every
//! secret a write-only attribute that never reaches state.
//!
//! # Lifecycle
//!
//! - **Plan** checks one kind block, each kind's required fields and secrets (null, not
//!   unknown), S3's credential rules, that an endpoint is an http(s) URL and that a service
//!   account key is JSON. A change of kind or `context` replaces the location; everything else
//!   changes in place.
//! - **Create / update** send the whole location; secrets come from the configuration
//!   (write-only values are only there). A secret is sent again when its `_wo_version` changes,
//!   or with any other change (the configuration holds it on every apply). When `is_default` is
//!   set and Palette's answer shows the location is not the default, the default switch
//!   (`PATCH .../default`) makes it so.
//! - **Read** follows every non-secret field, the name and the default flag; secrets are never
//!   read (Palette does not return them), so their versions stay as they were.
//! - **Import** takes `KIND/UID` or `KIND/NAME`, optionally `tenant/`-prefixed.

mod api;
mod kinds;
mod model;
mod schema;

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{
    AttributePath, Context, Diagnostics, Resource, Schema, Value, ValueExt, async_trait,
};

use crate::provider_data::PaletteData;
use crate::resources::kind_table::{
    Failure, Noun, aws_credentials_needed, check_needed, connect, kind_change, one_kind, run,
};
use kinds::{KINDS, LocationKind};
use model::{body, empty_block, is_default, kind_of, set_from_doc};
use palette_api::{Client, Scope};
use palette_stack::import_id::{ClusterTarget, parse_location_import_id};

/// The `palette_backup_storage_location` resource.
pub(crate) struct BackupStorageLocationResource;

/// How diagnostics name a location.
const NOUN: Noun = Noun {
    title: "Location",
    text: "backup storage location",
};

/// Plan checks of the configuration: one kind, its required fields and secrets, S3's
/// credential rules, the endpoint and the service account key.
fn check_config(config: &Value, diags: &mut Diagnostics) {
    let Some((kind, block)) = one_kind(KINDS, config, &NOUN, diags) else {
        return;
    };
    let also = if kind.block == "s3" {
        aws_credentials_needed(block)
    } else {
        &[]
    };
    check_needed(kind, block, also, &NOUN, diags);
    let path = |attr: &str| AttributePath::root(kind.block).attr(attr);
    if let Some(url) = block.get_str("s3_url")
        && !is_endpoint(url)
    {
        diags.attribute_error(
            path("s3_url"),
            "Invalid Endpoint URL",
            format!(
                "`s3_url` is {url:?}; it must be an http or https URL with a host, such as \
                 `https://minio.example.com:9000`."
            ),
        );
    }
    if let Some(key) = block.get_str("json_credentials")
        && let Err(err) = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(key)
    {
        // The detail names where the text stops being a JSON object, never the text.
        diags.attribute_error(
            path("json_credentials"),
            "Invalid JSON Credentials",
            format!(
                "`json_credentials` must be a service account key, a JSON object (such as \
                 `file(\"sa.json\")`), but is not one at line {}, column {}.",
                err.line(),
                err.column()
            ),
        );
    }
}

/// Whether `url` is an http(s) URL with a host.
fn is_endpoint(url: &str) -> bool {
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !host.starts_with(':') && !url.chars().any(char::is_whitespace)
}

/// Makes the location its scope's default unless Palette already reports it so (it may take
/// the flag from the body, or only from the default switch).
async fn ensure_default(
    ctx: &Context,
    client: &Client,
    scope: &Scope,
    kind: &LocationKind,
    uid: &str,
    summary: &str,
) -> Result<(), Failure> {
    let what = format!("reading backup storage location {uid}");
    let doc = run(
        ctx,
        summary,
        &what,
        &NOUN,
        api::read(client, scope, kind, uid),
    )
    .await?;
    if is_default(&doc) {
        return Ok(());
    }
    let what = format!("making backup storage location {uid} the default");
    run(
        ctx,
        summary,
        &what,
        &NOUN,
        api::make_default(client, scope, kind, uid),
    )
    .await
}

#[async_trait]
impl Resource for BackupStorageLocationResource {
    fn type_name(&self) -> &str {
        "backup_storage_location"
    }

    fn schema(&self) -> Schema {
        schema::schema_v0()
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        check_config(&req.config, &mut resp.diagnostics);
    }

    async fn modify_plan(
        &self,
        _ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        if req.state.is_null() || resp.plan.is_null() {
            return;
        }
        if let Some(path) = kind_change(KINDS, &req.state, &resp.plan) {
            resp.requires_replace.push(path);
        }
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        const SUMMARY: &str = "Create Backup Storage Location Error";
        let Some((kind, _)) = kind_of(&req.plan) else {
            return resp
                .diagnostics
                .error(SUMMARY, "No location kind block is set.");
        };
        let name = req.plan.get_str("name").unwrap_or_default().to_string();
        let (data, scope) = match connect(&req.provider_data, &req.plan, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let what = format!("creating {} backup storage location {name:?}", kind.block);
        let sent = body(kind, &req.plan, &req.config);
        let created = run(
            ctx,
            SUMMARY,
            &what,
            &NOUN,
            api::create(&data.client, &scope, kind, sent),
        )
        .await;
        let uid = match created {
            Ok(uid) => uid,
            Err(failure) => return resp.diagnostics.push(failure.diagnostic()),
        };
        tracing::info!(location = %name, uid = %uid, "created {} backup storage location", kind.block);
        resp.state.set("id", uid.clone());
        if req.plan.get_bool("is_default") == Some(true)
            && let Err(failure) =
                ensure_default(ctx, &data.client, &scope, kind, &uid, SUMMARY).await
        {
            resp.diagnostics.push(failure.diagnostic());
        }
    }

    async fn read(&self, ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Backup Storage Location Error";
        let (Some(uid), Some((kind, _))) = (req.state.get_str("id"), kind_of(&req.state)) else {
            return resp.remove();
        };
        let uid = uid.to_string();
        let (data, scope) = match connect(&req.provider_data, &req.state, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let what = format!("reading backup storage location {uid}");
        let read = api::read(&data.client, &scope, kind, &uid);
        match run(ctx, SUMMARY, &what, &NOUN, read).await {
            Ok(doc) => set_from_doc(&mut resp.state, kind, &doc),
            Err(Failure::NotFound(_)) => resp.remove(),
            Err(failure) => resp.diagnostics.push(failure.diagnostic()),
        }
    }

    async fn update(&self, ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        const SUMMARY: &str = "Update Backup Storage Location Error";
        let Some((kind, _)) = kind_of(&req.plan) else {
            return resp
                .diagnostics
                .error(SUMMARY, "No location kind block is set.");
        };
        let uid = req.state.get_str("id").unwrap_or_default().to_string();
        resp.state.set("id", uid.clone());
        let (data, scope) = match connect(&req.provider_data, &req.plan, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let name = req.plan.get_str("name").unwrap_or_default();
        let what = format!("updating {} backup storage location {name:?}", kind.block);
        let sent = body(kind, &req.plan, &req.config);
        let updated = api::update(&data.client, &scope, kind, &uid, sent);
        if let Err(failure) = run(ctx, SUMMARY, &what, &NOUN, updated).await {
            return resp.diagnostics.push(failure.diagnostic());
        }
        if req.plan.get_bool("is_default") == Some(true)
            && let Err(failure) =
                ensure_default(ctx, &data.client, &scope, kind, &uid, SUMMARY).await
        {
            resp.diagnostics.push(failure.diagnostic());
        }
    }

    async fn delete(&self, ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        const SUMMARY: &str = "Delete Backup Storage Location Error";
        let Some(uid) = req.state.get_str("id") else {
            return;
        };
        let (data, scope) = match connect(&req.provider_data, &req.state, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let name = req.state.get_str("name").unwrap_or_default();
        let what = format!("deleting backup storage location {name:?}");
        let deleted = api::delete(&data.client, &scope, uid);
        match run(ctx, SUMMARY, &what, &NOUN, deleted).await {
            Ok(()) | Err(Failure::NotFound(_)) => {}
            Err(failure) => resp.diagnostics.push(failure.diagnostic()),
        }
    }

    async fn import_state(
        &self,
        ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        const SUMMARY: &str = "Import Backup Storage Location Error";
        let blocks: Vec<&str> = KINDS.iter().map(|k| k.block).collect();
        let id = match parse_location_import_id(&req.id, &blocks) {
            Ok(id) => id,
            Err(err) => {
                return resp.diagnostics.error(
                    "Invalid Import ID",
                    format!(
                        "The import ID of a palette_backup_storage_location names its kind and \
                         the location: {err}. Examples: `s3/backups`, `tenant/azure/dr`, or \
                         `gcp/` and the uid."
                    ),
                );
            }
        };
        let Some(kind) = kinds::by_block(&id.kind) else {
            return;
        };
        let context = id.scope.context();
        let uid = match id.target {
            ClusterTarget::Uid(uid) => uid,
            ClusterTarget::Name(name) => {
                let (data, scope) =
                    match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
                        Ok(connected) => connected,
                        Err(diag) => return resp.diagnostics.push(diag),
                    };
                let what = format!("looking up backup storage location {name:?}");
                let found = api::find(&data.client, &scope, kind, &name);
                match run(ctx, SUMMARY, &what, &NOUN, found).await {
                    Ok(Some(uid)) => uid,
                    Ok(None) => {
                        return resp.diagnostics.error(
                            SUMMARY,
                            format!(
                                "No {} backup storage location is named {name:?} in the \
                                 {context} scope. Check the name and the kind, or import by \
                                 uid.",
                                kind.block
                            ),
                        );
                    }
                    Err(failure) => return resp.diagnostics.push(failure.diagnostic()),
                }
            }
        };
        resp.state.set("id", uid);
        resp.state.set("context", context);
        resp.state.set(kind.block, empty_block(kind));
    }
}

/// Its identity: kind, uid and context.
pub(super) fn identity() -> crate::resources::identity::IdentityRules {
    crate::resources::identity::IdentityRules {
        attributes: crate::resources::kind_table::IDENTITY,
        of_state: |state| crate::resources::kind_table::identity_of(KINDS, state),
        import_id: crate::resources::kind_table::identity_import_id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::kind_table::config_of;

    fn config(blocks: &[(&str, &[(&str, Value)])]) -> Value {
        config_of(KINDS, blocks)
    }

    fn problems(config: &Value) -> Vec<String> {
        let mut diags = Diagnostics::new();
        check_config(config, &mut diags);
        diags
            .iter()
            .map(|d| match &d.attribute {
                Some(path) => format!("{}: {path}", d.summary),
                None => d.summary.clone(),
            })
            .collect()
    }

    #[test]
    fn checks_tell_null_from_unknown() {
        let cases: Vec<(&str, Value, Vec<&str>)> = vec![
            ("no kind", config(&[]), vec!["Missing Location Kind"]),
            (
                "two kinds",
                config(&[("gcp", &[]), ("azure", &[])]),
                vec!["Conflicting Location Kinds: azure"],
            ),
            (
                "s3 keys without the secret",
                config(&[(
                    "s3",
                    &[
                        ("bucket_name", "b".into()),
                        ("region", "r".into()),
                        ("access_key", "a".into()),
                    ],
                )]),
                vec!["Missing Location Field: s3.secret_key"],
            ),
            (
                "s3 role without its arn",
                config(&[(
                    "s3",
                    &[
                        ("bucket_name", "b".into()),
                        ("region", Value::unknown()),
                        ("credential_type", "sts".into()),
                    ],
                )]),
                vec!["Missing Location Field: s3.arn"],
            ),
            (
                "unknown values wait",
                config(&[(
                    "minio",
                    &[
                        ("bucket_name", Value::unknown()),
                        ("region", Value::unknown()),
                        ("s3_url", Value::unknown()),
                        ("access_key", Value::unknown()),
                        ("secret_key", Value::unknown()),
                    ],
                )]),
                vec![],
            ),
            (
                "an unknown block waits",
                {
                    let mut c = config(&[]);
                    c.set("azure", Value::unknown());
                    c
                },
                vec![],
            ),
            (
                "minio endpoint not a URL",
                config(&[(
                    "minio",
                    &[
                        ("bucket_name", "b".into()),
                        ("region", "r".into()),
                        ("s3_url", "minio.local:9000".into()),
                        ("access_key", "a".into()),
                        ("secret_key", "s".into()),
                    ],
                )]),
                vec!["Invalid Endpoint URL: minio.s3_url"],
            ),
            (
                "gcp key not JSON",
                config(&[(
                    "gcp",
                    &[
                        ("bucket_name", "b".into()),
                        ("json_credentials", "sa.json".into()),
                    ],
                )]),
                vec!["Invalid JSON Credentials: gcp.json_credentials"],
            ),
            (
                "azure without its ids",
                config(&[(
                    "azure",
                    &[
                        ("container_name", "c".into()),
                        ("storage_account_name", "s".into()),
                        ("resource_group", "g".into()),
                        ("tenant_id", "t".into()),
                        ("client_id", "c".into()),
                        ("client_secret", "x".into()),
                    ],
                )]),
                vec!["Missing Location Field: azure.subscription_id"],
            ),
        ];
        for (what, config, want) in cases {
            assert_eq!(problems(&config), want, "{what}");
        }
    }

    #[test]
    fn endpoints_are_http_urls_with_a_host() {
        for (url, ok) in [
            ("https://s3.example.com", true),
            ("http://10.0.0.5:9000/", true),
            ("https://", false),
            ("https://:9000", false),
            ("s3.example.com", false),
            ("ftp://s3.example.com", false),
            ("https://s3 .example.com", false),
        ] {
            assert_eq!(is_endpoint(url), ok, "{url}");
        }
    }

    #[test]
    fn a_bad_key_is_reported_without_its_text() {
        let secret = "not-json-but-very-secret";
        let mut diags = Diagnostics::new();
        check_config(
            &config(&[(
                "gcp",
                &[
                    ("bucket_name", "b".into()),
                    ("json_credentials", secret.into()),
                ],
            )]),
            &mut diags,
        );
        let shown: Vec<String> = diags.iter().map(|d| format!("{d:?}")).collect();
        assert_eq!(shown.len(), 1);
        assert!(!shown[0].contains(secret), "{shown:?}");
    }
}
