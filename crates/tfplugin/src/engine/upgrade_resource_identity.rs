//! Upgrading a stored identity to the resource's current identity version.

use crate::identity::IdentitySchema;
use crate::resource::{Resource, UpgradeIdentityRequest, UpgradeIdentityResponse};
use crate::{Context, Diagnostics, Value};

/// Upgrades the identity `raw` (JSON) stored at `version`: one at the current version is only
/// decoded; an older one goes through [`Resource::upgrade_identity`]. Returns the identity
/// (`None` when there is none) and the diagnostics.
pub(crate) async fn upgrade_resource_identity(
    ctx: &Context,
    resource: &dyn Resource,
    identity: Option<&IdentitySchema>,
    version: i64,
    raw: Vec<u8>,
) -> (Option<Value>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let Some(schema) = identity else {
        diags.error(
            "Resource Has No Identity",
            "Terraform asked to upgrade the identity of a resource type that has no identity. \
             This is a bug in Terraform or in the provider, which should be reported.",
        );
        return (None, diags);
    };
    if version == schema.version {
        return match Value::from_json(&raw, &schema.value_type()) {
            Ok(v) => (
                super::identity::finish(identity, v, true, &mut diags),
                diags,
            ),
            Err(e) => {
                diags.error(
                    "Unable to Read Resource Identity",
                    format!(
                        "The stored identity does not match the identity schema at version \
                         {version}. This is a bug in the provider, which should be reported in \
                         the provider's own issue tracker.\n\nOriginal Error: {e}"
                    ),
                );
                (None, diags)
            }
        };
    }
    if version > schema.version {
        diags.error(
            "Unable to Upgrade Resource Identity",
            format!(
                "The identity was stored at identity version {version}, newer than this \
                 provider's {}: it was written by a newer version of the provider, which must be \
                 used again.",
                schema.version
            ),
        );
        return (None, diags);
    }
    let mut resp = UpgradeIdentityResponse {
        identity: schema.null_value(),
        diagnostics: Diagnostics::new(),
    };
    let req = UpgradeIdentityRequest {
        version,
        identity: raw,
    };
    resource.upgrade_identity(ctx, req, &mut resp).await;
    diags.extend(resp.diagnostics);
    if diags.has_errors() {
        return (None, diags);
    }
    let upgraded = super::identity::finish(identity, resp.identity, true, &mut diags);
    (upgraded, diags)
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::ValueExt;
    use crate::engine::test_support::obj;
    use crate::identity::IdentityAttribute;
    use crate::resource::{
        CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ReadRequest, ReadResponse,
        UpdateRequest, UpdateResponse,
    };
    use crate::{Attribute, Block, Schema};

    /// Identity version 2 has `name`; version 1 called it `ident`. `upgrades` picks whether it
    /// overrides the default upgrader.
    struct Named {
        upgrades: bool,
    }

    #[async_trait]
    impl Resource for Named {
        fn type_name(&self) -> &str {
            "named"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new().attribute(Attribute::string("name").required()),
            )
        }
        fn identity_schema(&self) -> Option<IdentitySchema> {
            Some(
                IdentitySchema::new(2)
                    .attribute(IdentityAttribute::string("name").required_for_import()),
            )
        }
        async fn upgrade_identity(
            &self,
            _: &Context,
            req: UpgradeIdentityRequest,
            resp: &mut UpgradeIdentityResponse,
        ) {
            if !self.upgrades {
                return resp.diagnostics.error("No Upgrade", "");
            }
            let old: serde_json::Value = serde_json::from_slice(&req.identity).unwrap();
            resp.identity
                .set("name", old["ident"].as_str().map(str::to_string));
        }
        async fn create(&self, _: &Context, _: CreateRequest, _: &mut CreateResponse) {}
        async fn read(&self, _: &Context, _: ReadRequest, _: &mut ReadResponse) {}
        async fn update(&self, _: &Context, _: UpdateRequest, _: &mut UpdateResponse) {}
        async fn delete(&self, _: &Context, _: DeleteRequest, _: &mut DeleteResponse) {}
    }

    #[tokio::test]
    async fn cases() {
        let ctx = Context::new();
        let r = Named { upgrades: true };
        let id = r.identity_schema();
        let want = Some(obj([("name", Value::from("a"))]));

        let (got, diags) =
            upgrade_resource_identity(&ctx, &r, id.as_ref(), 2, br#"{"name":"a"}"#.to_vec()).await;
        assert_eq!(got, want, "the current version is accepted as is");
        assert!(diags.is_empty());

        let (got, diags) =
            upgrade_resource_identity(&ctx, &r, id.as_ref(), 1, br#"{"ident":"a"}"#.to_vec()).await;
        assert_eq!(got, want, "an older version goes through the upgrader");
        assert!(diags.is_empty(), "{diags:?}");

        let refusing = Named { upgrades: false };
        let (got, diags) =
            upgrade_resource_identity(&ctx, &refusing, id.as_ref(), 1, b"{}".to_vec()).await;
        assert_eq!(got, None);
        assert!(diags.has_errors());

        for (version, raw) in [(3, br#"{"name":"a"}"#.to_vec()), (2, b"[1]".to_vec())] {
            let (got, diags) = upgrade_resource_identity(&ctx, &r, id.as_ref(), version, raw).await;
            assert_eq!(got, None, "version {version}");
            assert!(diags.has_errors(), "version {version}");
        }
        let (_, diags) = upgrade_resource_identity(&ctx, &r, None, 0, b"{}".to_vec()).await;
        assert_eq!(
            diags.iter().next().unwrap().summary,
            "Resource Has No Identity"
        );
    }
}
