//! Configuring the provider.

use crate::provider::{ConfigureRequest, ConfigureResponse, Provider};
use crate::resource::ClientCapabilities;
use crate::{Context, Diagnostics, Value};

use super::plan_resource_change::deferral;

/// Runs [`Provider::configure`]; the server stores the resulting provider data.
pub(crate) async fn configure_provider<P: Provider + ?Sized>(
    ctx: &Context,
    provider: &P,
    config: Value,
    terraform_version: String,
    caps: ClientCapabilities,
) -> ConfigureResponse {
    let mut resp = ConfigureResponse::default();
    let req = ConfigureRequest {
        config,
        terraform_version,
        client_capabilities: caps,
    };
    provider.configure(ctx, req, &mut resp).await;
    let mut diagnostics = Diagnostics::new();
    diagnostics.extend(std::mem::take(&mut resp.diagnostics));
    resp.deferred = deferral(resp.deferred, caps, &mut diagnostics);
    resp.diagnostics = diagnostics;
    resp
}
