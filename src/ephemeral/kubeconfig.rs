//! `palette_kubeconfig`: a cluster's kubeconfig for the length of one Terraform run, so it can
//! configure another provider without ever entering state or plan.

use palette_api::KubeconfigKind;
use tfplugin::ephemeral::{OpenRequest, OpenResponse};
use tfplugin::validator::one_of;
use tfplugin::{
    Attribute, AttributePath, Block, Context, EphemeralResource, Schema, ValueExt, async_trait,
};

use crate::diagnostics;
use crate::provider_data::PaletteData;

/// The `palette_kubeconfig` ephemeral resource.
pub(crate) struct KubeconfigEphemeral;

#[async_trait]
impl EphemeralResource for KubeconfigEphemeral {
    fn type_name(&self) -> &str {
        "kubeconfig"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "The kubeconfig of a running cluster, for the length of one run: feed it to the \
                     kubernetes or helm provider without it ever entering state.",
                )
                .attribute(Attribute::string("cluster_id").required().description("Uid of the cluster."))
                .attribute(
                    Attribute::bool("admin")
                        .optional()
                        .description("Whether to get the admin kubeconfig instead of the client one (default `false`)."),
                )
                .attribute(
                    Attribute::string("context")
                        .optional()
                        .validator(one_of(["project", "tenant"]))
                        .description("Where the cluster lives: `project` (default) or `tenant`."),
                )
                .attribute(Attribute::string("content").computed().sensitive().description("The kubeconfig YAML.")),
        )
    }

    async fn open(&self, ctx: &Context, req: OpenRequest, resp: &mut OpenResponse) {
        const SUMMARY: &str = "Open Kubeconfig Error";
        let Some(uid) = req.config.get_str("cluster_id").map(str::to_string) else {
            return resp.diagnostics.attribute_error(
                AttributePath::root("cluster_id"),
                SUMMARY,
                "`cluster_id` must be known.",
            );
        };
        let context = req.config.get_str("context").unwrap_or("project");
        let kind = if req.config.get_bool("admin") == Some(true) {
            KubeconfigKind::Admin
        } else {
            KubeconfigKind::Client
        };
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        match ctx.run(data.client.get_kubeconfig(&scope, &uid, kind)).await {
            Ok(Ok(Some(content))) => resp.result.set("content", content),
            Ok(Ok(None)) => resp.diagnostics.attribute_error(
                AttributePath::root("cluster_id"),
                "Kubeconfig Not Available",
                format!(
                    "Cluster {uid} has no kubeconfig yet: it is not running. Make this depend on the \
                     `palette_cluster` resource (which waits until the cluster is ready) or try again later."
                ),
            ),
            Ok(Err(err)) => resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                &format!("downloading the kubeconfig of cluster {uid}"),
                &err,
            )),
            Err(why) => resp.diagnostics.error(SUMMARY, format!("The download was interrupted: {why}.")),
        }
    }
}
