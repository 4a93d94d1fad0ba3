//! `palette_cluster` data source: looks a cluster up by name or uid and reports its state,
//! health and kubeconfig.

use palette_api::KubeconfigKind;
use tfplugin::data_source::{ReadRequest, ReadResponse};
use tfplugin::validator::{exactly_one_of, one_of};
use tfplugin::{
    Attribute, AttributePath, Block, Context, DataSource, Schema, ValueExt, async_trait,
};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::wait::{self, Snapshot};

/// The `palette_cluster` data source.
pub(crate) struct ClusterDataSource;

#[async_trait]
impl DataSource for ClusterDataSource {
    fn type_name(&self) -> &str {
        "cluster"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description("Looks up a cluster by `name` or `id` and reports its state, health and kubeconfig.")
                .attribute(
                    Attribute::string("id")
                        .optional()
                        .computed()
                        .description("Uid of the cluster; set it or `name`.")
                        .validator(exactly_one_of(["id", "name"])),
                )
                .attribute(Attribute::string("name").optional().computed().description("Name of the cluster; set it or `id`."))
                .attribute(
                    Attribute::string("context")
                        .optional()
                        .validator(one_of(["project", "tenant"]))
                        .description("Where to look: `project` (default) or `tenant`."),
                )
                .attribute(Attribute::string("environment").computed().description("The environment the cluster runs on (`aws`, `edge_native`, ...)."))
                .attribute(Attribute::string("state").computed().description("Cluster state (`Provisioning`, `Running`, ...)."))
                .attribute(Attribute::string("health").computed().description("Cluster health (`Healthy`, ...); empty until reported."))
                .attribute(Attribute::string("cloud_config_id").computed().description("Uid of the cluster's cloud config."))
                .attribute(
                    Attribute::list("layers", crate::resources::cluster::layer_type())
                        .computed()
                        .description(
                            "Every pack deployed on the cluster, in stack order, whoever deployed \
                             it (profiles attached by `palette_cluster` or `palette_pack`): \
                             `name`, `layer`, `version`, `state` and `message`.",
                        ),
                )
                .attribute(Attribute::bool("store_kubeconfig").optional().description(
                    "Read the cluster's client kubeconfig into `kubeconfig` (sensitive), which \
                     puts it in state. Off by default: the ephemeral `palette_kubeconfig` hands a \
                     kubeconfig to other providers without storing it.",
                ))
                .attribute(
                    Attribute::string("kubeconfig")
                        .computed()
                        .sensitive()
                        .description("The client kubeconfig when `store_kubeconfig` is true (empty otherwise, and until the cluster runs). The ephemeral `palette_kubeconfig` keeps it out of state."),
                ),
        )
    }

    async fn read(&self, ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Cluster Error";
        let context = req.config.get_str("context").unwrap_or("project");
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let uid = match (req.config.get_str("id"), req.config.get_str("name")) {
            (Some(uid), _) => uid.to_string(),
            (None, Some(name)) => match data.find_cluster_uid(ctx, &scope, name, SUMMARY).await {
                Ok(Some(uid)) => uid,
                Ok(None) => {
                    return resp.diagnostics.attribute_error(
                        AttributePath::root("name"),
                        "Unknown Cluster",
                        format!("No live cluster is named {name:?} in the {context} scope."),
                    );
                }
                Err(diag) => return resp.diagnostics.push(diag),
            },
            (None, None) => return resp.diagnostics.error(SUMMARY, "Set `name` or `id`."),
        };
        let cluster = match ctx.run(data.client.get_cluster(&scope, &uid)).await {
            Ok(Ok(cluster)) => cluster,
            Ok(Err(err)) if err.is_not_found() => {
                return resp.diagnostics.attribute_error(
                    AttributePath::root("id"),
                    "Unknown Cluster",
                    format!("No cluster has uid {uid:?} in the {context} scope."),
                );
            }
            Ok(Err(err)) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("reading cluster {uid}"),
                    &err,
                ));
            }
            Err(why) => {
                return resp
                    .diagnostics
                    .error(SUMMARY, format!("The read was interrupted: {why}."));
            }
        };
        let mut snapshot = Snapshot::of(cluster, None);
        if let Ok(Ok(overview)) = ctx
            .run(data.client.get_cluster_overview(&scope, &uid))
            .await
        {
            snapshot.health = wait::health_of(&overview);
        }
        let wanted = req.config.get_bool("store_kubeconfig") == Some(true);
        let kubeconfig = if wanted && snapshot.state == "Running" {
            match ctx
                .run(
                    data.client
                        .get_kubeconfig(&scope, &uid, KubeconfigKind::Client),
                )
                .await
            {
                Ok(Ok(k)) => k.unwrap_or_default(),
                Ok(Err(err)) => {
                    return resp.diagnostics.push(diagnostics::api_error(
                        SUMMARY,
                        &format!("downloading the kubeconfig of cluster {uid}"),
                        &err,
                    ));
                }
                Err(why) => {
                    return resp
                        .diagnostics
                        .error(SUMMARY, format!("The read was interrupted: {why}."));
                }
            }
        } else {
            String::new()
        };
        let spec = snapshot.cluster.spec.clone().unwrap_or_default();
        let environment = spec
            .cloud_type
            .as_deref()
            .and_then(crate::environments::by_cloud_type)
            .map(|e| e.key().to_string())
            .or(spec.cloud_type.clone())
            .unwrap_or_default();
        let name = snapshot
            .cluster
            .metadata
            .as_ref()
            .and_then(|m| m.name.clone())
            .unwrap_or_default();
        resp.state.set("id", uid);
        resp.state.set("name", name);
        resp.state.set("environment", environment);
        resp.state.set("state", snapshot.state.clone());
        resp.state.set(
            "layers",
            crate::resources::cluster::layers_value(&snapshot, None),
        );
        resp.state
            .set("health", snapshot.health.clone().unwrap_or_default());
        resp.state.set(
            "cloud_config_id",
            spec.cloud_config_ref
                .and_then(|r| r.uid)
                .unwrap_or_default(),
        );
        resp.state.set("kubeconfig", kubeconfig);
    }
}
