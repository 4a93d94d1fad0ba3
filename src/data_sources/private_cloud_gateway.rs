//! The `palette_private_cloud_gateway` data source: a private cloud gateway by name, the link
//! between Palette and a data centre (vSphere, MAAS, OpenStack). Cloud accounts of those clouds
//! name it (`private_cloud_gateway_id`), and `palette_ip_pool` holds the static addresses it
//! gives out.

use tfplugin::data_source::{ReadRequest, ReadResponse};
use tfplugin::{Attribute, AttributePath, Block, Context, DataSource, Schema, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;

/// `palette_private_cloud_gateway`.
#[derive(Debug, Default)]
pub(crate) struct PrivateCloudGatewayDataSource;

#[tfplugin::async_trait]
impl DataSource for PrivateCloudGatewayDataSource {
    fn type_name(&self) -> &str {
        "private_cloud_gateway"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Looks up a private cloud gateway by name. Gateways belong to the tenant; a \
                     data-centre cloud account names one (`private_cloud_gateway_id`), and \
                     `palette_ip_pool` holds the static addresses it gives out.",
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .description("Name of the gateway, as Palette shows it."),
                )
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Uid of the gateway."),
                )
                .attribute(Attribute::string("cloud_type").computed().description(
                    "The cloud it serves: `vsphere`, `maas`, `openstack`, ...; `palette_ip_pool` \
                     takes `vsphere` and `maas` gateways.",
                ))
                .attribute(
                    Attribute::string("state")
                        .computed()
                        .description("Its state as Palette reports it, such as `Running`."),
                )
                .attribute(
                    Attribute::bool("ready")
                        .computed()
                        .description("Whether Palette reports the gateway ready."),
                ),
        )
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Private Cloud Gateway Error";
        let name = req.config.get_str("name").unwrap_or_default();
        let (data, scope) = match PaletteData::connect(&req.provider_data, "tenant", SUMMARY).await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let all = match data.client.list_gateways(&scope, None).await {
            Ok(all) => all,
            Err(err) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "listing private cloud gateways",
                    &err,
                ));
            }
        };
        let name_of =
            |g: &palette_api::models::Overlord| g.metadata.as_ref().and_then(|m| m.name.clone());
        let Some(gateway) = all.iter().find(|g| name_of(g).as_deref() == Some(name)) else {
            let mut names: Vec<String> = all.iter().filter_map(name_of).collect();
            names.sort();
            resp.diagnostics.attribute_error(
                AttributePath::root("name"),
                "Private Cloud Gateway Not Found",
                format!(
                    "No private cloud gateway is named {name:?}. Gateways: {}.",
                    if names.is_empty() {
                        "none".to_string()
                    } else {
                        names.join(", ")
                    }
                ),
            );
            return;
        };
        let status = gateway.status.clone().unwrap_or_default();
        resp.state.set(
            "id",
            gateway
                .metadata
                .as_ref()
                .and_then(|m| m.uid.clone())
                .unwrap_or_default(),
        );
        resp.state
            .set("cloud_type", gateway.kind.clone().unwrap_or_default());
        resp.state.set("state", status.state.unwrap_or_default());
        resp.state.set("ready", status.is_ready.unwrap_or(false));
    }
}
