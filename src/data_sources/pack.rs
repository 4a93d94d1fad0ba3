//! The `palette_pack` data source: one version of a pack in a registry, with its default values.

use tfplugin::data_source::{ReadRequest, ReadResponse};
use tfplugin::validator::conflicts_with;
use tfplugin::{
    Attribute, AttributePath, Block, Context, DataSource, Schema, Type, Value, ValueExt,
};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resolve::{ResolveError, pack_version_key};
use palette_stack::environment_names::Scope as EnvScope;

/// `palette_pack`.
#[derive(Debug, Default)]
pub(crate) struct PackDataSource;

#[tfplugin::async_trait]
impl DataSource for PackDataSource {
    fn type_name(&self) -> &str {
        "pack"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Looks up a pack (one layer of a stack) in a registry: its uid, layer and \
                     default values, and every tag on offer.",
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .description("Name of the pack, such as `kubernetes` or `cni-calico`."),
                )
                .attribute(Attribute::string("tag").optional().computed().description(
                    "Version of the pack. When left out, the newest version on offer.",
                ))
                .attribute(
                    Attribute::string("registry_name")
                        .optional()
                        .validator(conflicts_with(["registry_uid"]))
                        .description("Registry to look in, by name. Defaults to `Public Repo`."),
                )
                .attribute(
                    Attribute::string("registry_uid")
                        .optional()
                        .computed()
                        .description(
                            "Registry to look in, by uid. Conflicts with `registry_name`.",
                        ),
                )
                .attribute(Attribute::string("environment").optional().description(
                    "When set, the pack must be made for this environment (or for all).",
                ))
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Uid of this version of the pack."),
                )
                .attribute(Attribute::string("layer").computed().description(
                    "Layer the pack installs in: `os`, `k8s`, `cni`, `csi` or `addon`.",
                ))
                .attribute(
                    Attribute::string("type")
                        .computed()
                        .description("Pack type: `spectro`, `helm`, `oci` or `manifest`."),
                )
                .attribute(
                    Attribute::string("values")
                        .computed()
                        .description("The pack's default values (YAML)."),
                )
                .attribute(
                    Attribute::list("environments", Type::String)
                        .computed()
                        .description("Environments the pack is made for (`all` for any)."),
                )
                .attribute(
                    Attribute::list("tags", Type::String)
                        .computed()
                        .description("Every tag (version) of the pack on offer, oldest first."),
                ),
        )
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Pack Error";
        let (data, scope) = match PaletteData::connect(&req.provider_data, "project", SUMMARY).await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let config = &req.config;
        let name = config.get_str("name").unwrap_or_default();
        let registry_uid = match data
            .resolver
            .registry_uid(
                &scope,
                config.get_str("registry_uid"),
                config.get_str("registry_name"),
            )
            .await
        {
            Ok(uid) => uid,
            Err(err) => {
                report(resp, err, AttributePath::root("registry_name"));
                return;
            }
        };
        let label = crate::resolve::registry_label(
            config.get_str("registry_uid"),
            config.get_str("registry_name"),
        );
        let resolved = match data
            .resolver
            .resolve(&scope, name, config.get_str("tag"), &registry_uid, &label)
            .await
        {
            Ok(resolved) => resolved,
            Err(err @ ResolveError::UnknownTag { .. }) => {
                report(resp, err, AttributePath::root("tag"));
                return;
            }
            Err(err) => {
                report(resp, err, AttributePath::root("name"));
                return;
            }
        };
        if let Some(environment) = config.get_str("environment") {
            match EnvScope::from_key(environment) {
                Err(err) => {
                    resp.diagnostics.attribute_error(
                        AttributePath::root("environment"),
                        "Unknown Environment",
                        format!("{err}."),
                    );
                    return;
                }
                Ok(EnvScope::Only(env))
                    if !resolved
                        .cloud_types
                        .iter()
                        .any(|c| c == "all" || c == env.cloud_type()) =>
                {
                    resp.diagnostics.attribute_error(
                        AttributePath::root("environment"),
                        "Pack Not Made For This Environment",
                        format!(
                            "Pack {name:?} is made for {}, not for {environment}.",
                            resolved.cloud_types.join(", ")
                        ),
                    );
                    return;
                }
                Ok(_) => {}
            }
        }
        let entity = match data.resolver.pack_tags(&scope, name, &registry_uid).await {
            Ok(entity) => entity,
            Err(err) => {
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "listing the pack's versions",
                    &err,
                ));
                return;
            }
        };
        let mut tags: Vec<String> = entity
            .as_ref()
            .and_then(|e| e.tags.as_ref())
            .map(|t| t.iter().filter_map(|t| t.version.clone()).collect())
            .unwrap_or_default();
        tags.sort_by(|a, b| pack_version_key(a).cmp(&pack_version_key(b)));
        tags.dedup();
        // A pack's type follows the kind of registry that serves it; a registry the pack
        // registries list does not name is Palette's own, which serves `spectro` packs.
        let pack_type = match data
            .resolver
            .served_pack_type(&scope, &resolved.registry_uid)
            .await
        {
            Ok(served) => served.map_or("spectro", |(served, _)| served),
            Err(err) => {
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "reading the pack's registry",
                    &err,
                ));
                return;
            }
        };
        let state = &mut resp.state;
        state.set("tag", resolved.tag.clone());
        state.set("registry_uid", registry_uid.clone());
        state.set("id", resolved.uid.clone());
        state.set("layer", resolved.layer.as_str());
        state.set("type", pack_type);
        state.set("values", resolved.default_values.clone());
        state.set(
            "environments",
            Value::List(
                resolved
                    .cloud_types
                    .iter()
                    .map(|c| Value::from(c.as_str()))
                    .collect(),
            ),
        );
        state.set(
            "tags",
            Value::List(tags.into_iter().map(Value::from).collect()),
        );
    }
}

fn report(resp: &mut ReadResponse, err: ResolveError, path: AttributePath) {
    match err {
        ResolveError::Api(err) => resp.diagnostics.push(diagnostics::api_error(
            "Read Pack Error",
            "looking up the pack",
            &err,
        )),
        ResolveError::UnknownRegistry { .. } => {
            resp.diagnostics
                .attribute_error(path, "Unknown Registry", format!("{err}."))
        }
        ResolveError::UnknownPack { .. } => {
            resp.diagnostics
                .attribute_error(path, "Unknown Pack", format!("{err}."))
        }
        ResolveError::UnknownTag { .. } => {
            resp.diagnostics
                .attribute_error(path, "Unknown Pack Tag", format!("{err}."))
        }
    }
}
