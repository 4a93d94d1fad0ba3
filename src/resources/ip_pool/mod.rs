//! The `palette_ip_pool` resource: a private cloud gateway's pool of static addresses
//! (`/v1/overlords/{vsphere|maas}/{uid}/pools`), at tenant level like its gateway.
//!
//! The pool's path names the gateway's cloud, read from the gateway itself on each call. Palette
//! has no read of one pool: a read lists the gateway's pools and picks this one by uid, so a pool
//! deleted outside Terraform (or with its gateway) is planned again. Import by
//! `GATEWAY_UID/POOL_UID` or `GATEWAY_UID/POOL_NAME`.

mod model;
mod schema;

use palette_api::{Client, Scope};
use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ReadRequest, ReadResponse, UpdateRequest, UpdateResponse,
    ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{Context, Diagnostic, Resource, Schema, ValueExt, async_trait};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use palette_stack::import_id::is_uid;

/// `palette_ip_pool`.
#[derive(Debug, Default)]
pub(crate) struct IpPoolResource;

/// Why a pool's gateway could not be reached.
enum Unreached {
    /// The gateway is gone (and its pools with it).
    Gone(Diagnostic),
    /// Anything else.
    Failed(Diagnostic),
}

impl Unreached {
    fn diagnostic(self) -> Diagnostic {
        match self {
            Unreached::Gone(diag) | Unreached::Failed(diag) => diag,
        }
    }
}

/// The cloud of gateway `uid` as its pool paths name it (`vsphere` or `maas`).
async fn gateway_cloud(
    client: &Client,
    scope: &Scope,
    uid: &str,
    summary: &str,
) -> Result<String, Unreached> {
    let gateway =
        client.get_gateway(scope, uid).await.map_err(|err| {
            if err.is_not_found() {
                Unreached::Gone(Diagnostic::error(
                "Private Cloud Gateway Not Found",
                format!(
                    "There is no private cloud gateway {uid:?}; look it up by name with the \
                     `palette_private_cloud_gateway` data source."
                ),
            )
            .with_attribute(tfplugin::AttributePath::root("private_cloud_gateway_id")))
            } else {
                Unreached::Failed(diagnostics::api_error(
                    summary,
                    &format!("reading private cloud gateway {uid}"),
                    &err,
                ))
            }
        })?;
    match gateway.kind.as_deref() {
        Some(cloud @ ("vsphere" | "maas")) => Ok(cloud.to_string()),
        other => Err(Unreached::Failed(Diagnostic::error(
            "IP Pools Not Offered",
            format!(
                "Private cloud gateway {uid} serves {:?}; Palette keeps IP pools on vSphere and \
                 MAAS gateways only.",
                other.unwrap_or("an unknown cloud")
            ),
        )
        .with_attribute(tfplugin::AttributePath::root("private_cloud_gateway_id")))),
    }
}

/// Connects in tenant scope (gateways and their pools belong to the tenant) and reads the
/// gateway's cloud.
async fn connect<'a>(
    provider_data: &'a tfplugin::ProviderData,
    gateway: &str,
    summary: &str,
) -> Result<(&'a PaletteData, Scope, String), Unreached> {
    let (data, scope) = PaletteData::connect(provider_data, "tenant", summary)
        .await
        .map_err(Unreached::Failed)?;
    let cloud = gateway_cloud(&data.client, &scope, gateway, summary).await?;
    Ok((data, scope, cloud))
}

/// The pools of `gateway`, or the diagnostic of the failed list.
async fn list_pools(
    data: &PaletteData,
    scope: &Scope,
    cloud: &str,
    gateway: &str,
    summary: &str,
) -> Result<Vec<palette_api::models::IpPoolEntity>, Diagnostic> {
    data.client
        .list_ip_pools(scope, cloud, gateway)
        .await
        .map_err(|err| {
            diagnostics::api_error(
                summary,
                &format!("listing the IP pools of gateway {gateway}"),
                &err,
            )
        })
}

#[async_trait]
impl Resource for IpPoolResource {
    fn type_name(&self) -> &str {
        "ip_pool"
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
        model::check_addresses(&req.config, &mut resp.diagnostics);
    }

    async fn create(&self, _ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        const SUMMARY: &str = "Create IP Pool Error";
        let gateway = req
            .plan
            .get_str("private_cloud_gateway_id")
            .unwrap_or_default();
        let (data, scope, cloud) = match connect(&req.provider_data, gateway, SUMMARY).await {
            Ok(connected) => connected,
            Err(unreached) => return resp.diagnostics.push(unreached.diagnostic()),
        };
        let body = model::body(&req.plan);
        match data
            .client
            .create_ip_pool(&scope, &cloud, gateway, &body)
            .await
        {
            Ok(uid) => resp.state.set("id", uid),
            Err(err) => {
                let name = req.plan.get_str("name").unwrap_or_default();
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("creating IP pool {name:?} on gateway {gateway}"),
                    &err,
                ));
                resp.state = tfplugin::Value::Null;
            }
        }
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read IP Pool Error";
        let (Some(uid), Some(gateway)) = (
            req.state.get_str("id"),
            req.state.get_str("private_cloud_gateway_id"),
        ) else {
            return resp.remove();
        };
        let (data, scope, cloud) = match connect(&req.provider_data, gateway, SUMMARY).await {
            Ok(connected) => connected,
            Err(Unreached::Gone(_)) => return resp.remove(),
            Err(Unreached::Failed(diag)) => return resp.diagnostics.push(diag),
        };
        let pools = match list_pools(data, &scope, &cloud, gateway, SUMMARY).await {
            Ok(pools) => pools,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        match pools
            .iter()
            .find(|p| p.metadata.as_ref().and_then(|m| m.uid.as_deref()) == Some(uid))
        {
            Some(pool) => model::apply_read(&mut resp.state, pool),
            None => resp.remove(),
        }
    }

    async fn update(&self, _ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        const SUMMARY: &str = "Update IP Pool Error";
        let uid = req.state.get_str("id").unwrap_or_default();
        let gateway = req
            .plan
            .get_str("private_cloud_gateway_id")
            .unwrap_or_default();
        let (data, scope, cloud) = match connect(&req.provider_data, gateway, SUMMARY).await {
            Ok(connected) => connected,
            Err(unreached) => return resp.diagnostics.push(unreached.diagnostic()),
        };
        let body = model::body(&req.plan);
        if let Err(err) = data
            .client
            .update_ip_pool(&scope, &cloud, gateway, uid, &body)
            .await
        {
            resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!("updating IP pool {uid} of gateway {gateway}"),
                &err,
            ));
        }
    }

    async fn delete(&self, _ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        const SUMMARY: &str = "Delete IP Pool Error";
        let uid = req.state.get_str("id").unwrap_or_default();
        let gateway = req
            .state
            .get_str("private_cloud_gateway_id")
            .unwrap_or_default();
        let (data, scope, cloud) = match connect(&req.provider_data, gateway, SUMMARY).await {
            Ok(connected) => connected,
            // The gateway is gone, and its pools with it.
            Err(Unreached::Gone(_)) => return,
            Err(Unreached::Failed(diag)) => return resp.diagnostics.push(diag),
        };
        match data
            .client
            .delete_ip_pool(&scope, &cloud, gateway, uid)
            .await
        {
            Ok(()) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!("deleting IP pool {uid} of gateway {gateway}"),
                &err,
            )),
        }
    }

    /// `GATEWAY_UID/POOL_UID` or `GATEWAY_UID/POOL_NAME`.
    async fn import_state(
        &self,
        _ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        const SUMMARY: &str = "Import IP Pool Error";
        let Some((gateway, pool)) = req
            .id
            .trim()
            .split_once('/')
            .filter(|(g, p)| is_uid(g) && !p.is_empty())
        else {
            return resp.diagnostics.error(
                "Invalid Import ID",
                format!(
                    "The import ID of a palette_ip_pool is GATEWAY_UID/POOL_UID or \
                     GATEWAY_UID/POOL_NAME, not {:?}.",
                    req.id
                ),
            );
        };
        let uid = if is_uid(pool) {
            pool.to_string()
        } else {
            let (data, scope, cloud) = match connect(&req.provider_data, gateway, SUMMARY).await {
                Ok(connected) => connected,
                Err(unreached) => return resp.diagnostics.push(unreached.diagnostic()),
            };
            let pools = match list_pools(data, &scope, &cloud, gateway, SUMMARY).await {
                Ok(pools) => pools,
                Err(diag) => return resp.diagnostics.push(diag),
            };
            match pools
                .iter()
                .filter_map(|p| p.metadata.as_ref())
                .find(|m| m.name.as_deref() == Some(pool))
                .and_then(|m| m.uid.clone())
            {
                Some(uid) => uid,
                None => {
                    return resp.diagnostics.error(
                        "IP Pool Not Found",
                        format!("Gateway {gateway} has no IP pool named {pool:?}."),
                    );
                }
            }
        };
        resp.state.set("id", uid);
        resp.state
            .set("private_cloud_gateway_id", gateway.to_string());
    }
}
