//! The `palette_pack` resource: one pack deployed as a layer on an existing cluster, with a
//! lifecycle of its own.
//!
//! Palette deploys packs only through cluster profiles, so the resource owns a *carrier*: an
//! add-on profile holding just this pack, named `tf-pack-<pack>-<cluster uid>` (the
//! `palette_cluster` resource leaves profiles with that prefix alone). Create makes and publishes
//! the carrier, attaches it with `PATCH /v1/spectroclusters/{uid}/profiles` (which adds only that
//! profile) and waits for the layer; update rewrites the carrier in place and applies it again;
//! delete detaches it, waits until the layer is gone and deletes the carrier. Writes to one
//! cluster are serialised ([`PaletteData::lock_cluster`]), so several packs on one cluster apply
//! in parallel without losing one another's changes. Each wait is bounded by `timeouts`
//! (`create`, `update`, `delete`; 30 minutes each by default), and a change of `timeouts`
//! alone is saved to the state without touching Palette.
//!
//! The plan is exact, as for profiles: the pack is resolved while planning (`uid` and `layer`
//! known), values and manifests are compared by meaning, and the cluster is read to refuse a
//! core-layer pack, a pack made for another environment and a name already on the stack.
//!
//! [`PaletteData::lock_cluster`]: crate::provider_data::PaletteData::lock_cluster

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{Context, Resource, Schema, async_trait};

use crate::resources::timeouts;

mod apply;
mod carrier;
mod checks;
mod import;
mod model;
mod plan;
mod read;
mod schema;
#[cfg(test)]
mod tests;
mod waiting;

/// The name prefix of carrier profiles (the cluster resource knows it too).
const CARRIER_PREFIX: &str = "tf-pack-";
/// The one version of a carrier profile.
const CARRIER_VERSION: &str = "1.0.0";
/// How long a create, update or delete may wait for the layer, unless `timeouts` says.
const DEFAULT_TIMEOUTS: timeouts::Defaults = timeouts::Defaults {
    create: "30m",
    update: "30m",
    delete: "30m",
};
/// The label that marks a carrier profile.
const CARRIER_LABEL: &str = "palette-terraform-pack";

/// `palette_pack`.
#[derive(Debug, Default)]
pub(crate) struct PackResource;

#[async_trait]
impl Resource for PackResource {
    fn type_name(&self) -> &str {
        "pack"
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
        plan::plan_pack(&req, resp).await;
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
        import::import_state(req, resp).await;
    }
}
