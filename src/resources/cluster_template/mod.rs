//! The `palette_cluster_template` resource: a Palette cluster template, the profiles (and the
//! values of their variables) that clusters are launched from.
//!
//! Name, description, tags and the profiles change in place (`PATCH .../metadata`, `PUT
//! .../profiles`); the environment (Palette's cloud type) and the context replace the template,
//! as Palette has no endpoint that changes them. The profiles are checked at plan against
//! Palette with reads only (`checks`). Template policies are not managed: the provider has no
//! resource for Palette's maintenance policies yet.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{Context, Resource, Schema, async_trait};

use crate::provider_data::PaletteData;

mod apply;
pub(crate) mod checks;
mod model;
mod read;
mod schema;

/// `palette_cluster_template`.
#[derive(Debug, Default)]
pub(crate) struct ClusterTemplateResource;

#[async_trait]
impl Resource for ClusterTemplateResource {
    fn type_name(&self) -> &str {
        "cluster_template"
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
        let Some(data) = req.provider_data.get::<PaletteData>() else {
            return;
        };
        checks::check_with_api(data, &req.config, &mut resp.diagnostics).await;
    }

    async fn create(&self, _ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        apply::create(req, resp).await;
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        read::read(req, resp).await;
    }

    async fn update(&self, _ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        apply::update(req, resp).await;
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
        read::import_state(req, resp).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_attributes_are_all_described() {
        for attribute in schema::schema_v0().block.attributes {
            assert!(!attribute.description.is_empty(), "{}", attribute.name);
        }
    }
}
