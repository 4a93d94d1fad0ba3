//! Opening, renewing and closing ephemeral resources.

use std::time::SystemTime;

use crate::ephemeral::{
    CloseRequest, CloseResponse, EphemeralResource, OpenRequest, OpenResponse, RenewRequest,
    RenewResponse,
};
use crate::provider::ProviderData;
use crate::resource::{ClientCapabilities, Deferred, PrivateState};
use crate::{Context, Diagnostics, Schema, Value};

use super::plan_resource_change::deferral;
use super::{computed_to_unknown, ensure_known};

/// The native result of an open.
#[derive(Clone, Debug)]
pub(crate) struct OpenResult {
    /// The produced value.
    pub(crate) result: Value,
    /// Data for renew and close.
    pub(crate) private: PrivateState,
    /// When to renew.
    pub(crate) renew_at: Option<SystemTime>,
    /// Problems found.
    pub(crate) diagnostics: Diagnostics,
    /// A deferral, when the resource asked for one.
    pub(crate) deferred: Option<Deferred>,
}

/// Opens one ephemeral resource instance.
pub(crate) async fn open_ephemeral_resource(
    ctx: &Context,
    resource: &dyn EphemeralResource,
    schema: &Schema,
    config: Value,
    provider_data: ProviderData,
    caps: ClientCapabilities,
) -> OpenResult {
    let mut result = config.clone();
    computed_to_unknown(&schema.block, &config, &mut result);
    let mut resp = OpenResponse {
        result,
        private: PrivateState::new(),
        renew_at: None,
        diagnostics: Diagnostics::new(),
        deferred: None,
    };
    let req = OpenRequest {
        config,
        provider_data,
        client_capabilities: caps,
    };
    resource.open(ctx, req, &mut resp).await;
    let mut diagnostics = resp.diagnostics;
    let deferred = deferral(resp.deferred, caps, &mut diagnostics);
    let mut result = resp.result;
    if diagnostics.has_errors() || deferred.is_some() {
        super::null_unknowns(&mut result);
    } else {
        ensure_known(&mut result, "ephemeral result", &mut diagnostics);
    }
    OpenResult {
        result,
        private: resp.private,
        renew_at: resp.renew_at,
        diagnostics,
        deferred,
    }
}

/// Renews one ephemeral resource instance.
pub(crate) async fn renew_ephemeral_resource(
    ctx: &Context,
    resource: &dyn EphemeralResource,
    private: PrivateState,
    provider_data: ProviderData,
) -> RenewResponse {
    let mut resp = RenewResponse {
        private: private.clone(),
        renew_at: None,
        diagnostics: Diagnostics::new(),
    };
    resource
        .renew(
            ctx,
            RenewRequest {
                private,
                provider_data,
            },
            &mut resp,
        )
        .await;
    resp
}

/// Closes one ephemeral resource instance.
pub(crate) async fn close_ephemeral_resource(
    ctx: &Context,
    resource: &dyn EphemeralResource,
    private: PrivateState,
    provider_data: ProviderData,
) -> Diagnostics {
    let mut resp = CloseResponse::default();
    resource
        .close(
            ctx,
            CloseRequest {
                private,
                provider_data,
            },
            &mut resp,
        )
        .await;
    resp.diagnostics
}

#[cfg(test)]
mod tests {
    use async_trait::async_trait;

    use super::*;
    use crate::engine::test_support::obj;
    use crate::resource::ValueExt;
    use crate::schema::{Attribute, Block};

    /// Opens a value of `length` characters, remembering the length for renew and close.
    struct Token;

    #[async_trait]
    impl EphemeralResource for Token {
        fn type_name(&self) -> &str {
            "token"
        }
        fn schema(&self) -> Schema {
            Schema::new(
                0,
                Block::new()
                    .attribute(Attribute::int64("length").required())
                    .attribute(Attribute::string("value").computed()),
            )
        }
        async fn open(&self, _: &Context, req: OpenRequest, resp: &mut OpenResponse) {
            assert!(resp.result.get("value").is_some_and(Value::is_unknown));
            let length = req.config.get_i64("length").unwrap_or(0);
            if length > 0 {
                resp.result.set("value", "t".repeat(length as usize));
            }
            resp.private.set("length", serde_json::json!(length));
            resp.renew_at = Some(SystemTime::UNIX_EPOCH);
        }
        async fn renew(&self, _: &Context, req: RenewRequest, resp: &mut RenewResponse) {
            let renewed = req
                .private
                .get("renewed")
                .and_then(|v| v.as_i64())
                .unwrap_or(0);
            resp.private.set("renewed", serde_json::json!(renewed + 1));
        }
        async fn close(&self, _: &Context, req: CloseRequest, resp: &mut CloseResponse) {
            if req.private.get("length").is_none() {
                resp.diagnostics.error("Nothing To Close", "");
            }
        }
    }

    #[tokio::test]
    async fn open_renew_close() {
        let ctx = Context::new();
        let schema = Token.schema();
        let open = |length: i64| {
            let config = obj([("length", Value::from(length)), ("value", Value::Null)]);
            open_ephemeral_resource(
                &ctx,
                &Token,
                &schema,
                config,
                ProviderData::default(),
                ClientCapabilities::default(),
            )
        };
        let opened = open(3).await;
        assert!(opened.diagnostics.is_empty(), "{:?}", opened.diagnostics);
        assert_eq!(opened.result.get_str("value"), Some("ttt"));
        assert_eq!(opened.renew_at, Some(SystemTime::UNIX_EPOCH));

        let renewed = renew_ephemeral_resource(
            &ctx,
            &Token,
            opened.private.clone(),
            ProviderData::default(),
        )
        .await;
        assert_eq!(renewed.private.get("renewed"), Some(&serde_json::json!(1)));
        assert_eq!(
            renewed.private.get("length"),
            Some(&serde_json::json!(3)),
            "private data carries over"
        );

        assert!(
            close_ephemeral_resource(&ctx, &Token, renewed.private, ProviderData::default())
                .await
                .is_empty()
        );
        assert!(
            close_ephemeral_resource(&ctx, &Token, PrivateState::new(), ProviderData::default())
                .await
                .has_errors()
        );

        let unfinished = open(0).await;
        assert!(
            unfinished.diagnostics.has_errors(),
            "a computed value left unknown"
        );
        assert!(unfinished.result.is_fully_known());
    }
}
