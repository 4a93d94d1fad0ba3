//! The `palette_cluster_profile` resource: one version of a layered stack template.
//!
//! The plan is exact: every pack is resolved against its registry while planning (uid and layer
//! are known before apply), the layer rules and environments are checked, and YAML values and
//! manifests are compared by meaning, so a plan keeps the text already in state whenever the
//! configuration says the same thing differently. Apply then stores the planned values as they
//! are, so the state after apply always equals the plan.
//!
//! A `version` change clones the current version into a new one and moves the resource there;
//! the old version stays in Palette for the clusters pinned to it.
//!
//! Create records the new version's uid as soon as Palette answers, then publishes it. When
//! Terraform cancels (Ctrl-C), create stops at the next API call and fails: a version Palette
//! made stays in state, tainted, and the next apply replaces it.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{AttributePath, Context, Resource, Schema, async_trait};

mod apply;
mod checks;
mod import;
mod list;
mod model;
mod plan;
mod read;
mod schema;
#[cfg(test)]
mod tests;

pub(crate) use list::ClusterProfileList;
pub(crate) use read::read_profile;

/// `palette_cluster_profile`.
#[derive(Debug, Default)]
pub(crate) struct ClusterProfileResource;

/// The path of pack `index`.
fn pack_path(index: usize) -> AttributePath {
    AttributePath::root("pack").index(index as i64)
}

#[async_trait]
impl Resource for ClusterProfileResource {
    fn type_name(&self) -> &str {
        "cluster_profile"
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
        plan::plan_profile(&req, resp).await;
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

    async fn delete(&self, _ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        apply::delete(req, resp).await;
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
