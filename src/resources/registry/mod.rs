//! The `palette_registry` resource: a pack, Helm or OCI (basic or Amazon ECR) registry Palette
//! takes packs from.
//!
//! One resource for every kind, chosen by `type` (and `oci_provider` for OCI): the kinds share
//! their settings (endpoint, privacy, TLS) and differ in their credentials, which the plan
//! checks against the kind. Registries live at tenant level; every call runs in tenant scope.
//!
//! Secrets (`password`, ECR's `secret_key`) are write-only: read from the configuration in
//! create and update, sent to Palette, never in plan, state or logs. Each has a `_wo_version`;
//! changing it is an in-place update that sends the secret again. After an import the version
//! is null, so a configuration that sets it plans one update that sends the secret.
//!
//! Create and update wait for Palette's sync of the registry (bounded by `timeouts`), so a
//! cluster profile in the same apply that names `registry_uid = palette_registry.x.id` finds
//! its packs; each write also drops what the pack resolver keeps about registries.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{Context, Resource, Schema, async_trait};

use crate::resources::timeouts;

mod api;
mod apply;
mod checks;
mod model;
mod plan;
mod read;
mod schema;
mod waiting;
mod wire;

/// How long a create or update may wait for the sync, and a delete take, unless `timeouts` says.
const DEFAULT_TIMEOUTS: timeouts::Defaults = timeouts::Defaults {
    create: "20m",
    update: "20m",
    delete: "10m",
};

/// `palette_registry`.
#[derive(Debug, Default)]
pub(crate) struct RegistryResource;

#[async_trait]
impl Resource for RegistryResource {
    fn type_name(&self) -> &str {
        "registry"
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
        checks::check_config(&req.config, &mut resp.diagnostics);
    }

    async fn modify_plan(
        &self,
        _ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        if req.plan.is_null() {
            return;
        }
        plan::plan_registry(&req, resp);
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        apply::create(ctx, req, resp).await;
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        read::read(req, resp).await;
    }

    async fn update(&self, ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        apply::update(ctx, req, resp).await;
    }

    async fn delete(&self, ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        apply::delete(ctx, req, resp).await;
    }

    async fn import_state(
        &self,
        _ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        read::import_state(req, resp).await;
    }
}
