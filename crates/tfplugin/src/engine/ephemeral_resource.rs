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
