//! The `palette_registry` data source: a pack, Helm or OCI registry by name.

use tfplugin::data_source::{ReadRequest, ReadResponse};
use tfplugin::{Attribute, AttributePath, Block, Context, DataSource, Schema, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;

/// `palette_registry`.
#[derive(Debug, Default)]
pub(crate) struct RegistryDataSource;

#[tfplugin::async_trait]
impl DataSource for RegistryDataSource {
    fn type_name(&self) -> &str {
        "registry"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description("Looks up a pack, Helm or OCI registry by name.")
                .attribute(
                    Attribute::string("name")
                        .required()
                        .description("Name of the registry, such as `Public Repo`."),
                )
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Uid of the registry."),
                )
                .attribute(Attribute::string("type").computed().description(
                    "Kind of registry as Palette reports it, such as `pack`, `helm` or `oci`.",
                ))
                .attribute(Attribute::string("scope").computed().description(
                    "Where the registry is defined: `system`, `tenant` or `project`.",
                )),
        )
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        let (data, scope) = match PaletteData::connect(
            &req.provider_data,
            "project",
            "Read Registry Error",
        )
        .await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let name = req.config.get_str("name").unwrap_or_default();
        match data.resolver.registry_by_name(&scope, name).await {
            Ok(registry) => {
                resp.state.set("id", registry.uid.unwrap_or_default());
                resp.state.set("type", registry.kind.unwrap_or_default());
                resp.state.set("scope", registry.scope.unwrap_or_default());
            }
            Err(crate::resolve::ResolveError::Api(err)) => resp.diagnostics.push(
                diagnostics::api_error("Read Registry Error", "listing registries", &err),
            ),
            Err(err) => resp.diagnostics.attribute_error(
                AttributePath::root("name"),
                "Unknown Registry",
                format!("{err}."),
            ),
        }
    }
}
