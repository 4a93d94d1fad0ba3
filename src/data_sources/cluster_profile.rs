//! The `palette_cluster_profile` data source: one version of a cluster profile, by name.

use std::collections::BTreeMap;

use tfplugin::data_source::{ReadRequest, ReadResponse};
use tfplugin::validator::one_of;
use tfplugin::{
    Attribute, AttributePath, Block, Context, DataSource, Schema, Type, Value, ValueExt,
};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::cluster_profile::read_profile;

/// `palette_cluster_profile`.
#[derive(Debug, Default)]
pub(crate) struct ClusterProfileDataSource;

/// The attributes of one element of `pack`.
const PACK_ATTRIBUTES: [&str; 7] = [
    "name",
    "tag",
    "uid",
    "layer",
    "type",
    "values",
    "registry_uid",
];

fn manifest_type() -> Type {
    Type::object([
        ("name", Type::String),
        ("content", Type::String),
        ("uid", Type::String),
    ])
}

fn pack_type() -> Type {
    let mut attributes: Vec<(&str, Type)> =
        PACK_ATTRIBUTES.iter().map(|a| (*a, Type::String)).collect();
    attributes.push(("manifest", Type::list(manifest_type())));
    Type::object(attributes)
}

#[tfplugin::async_trait]
impl DataSource for ClusterProfileDataSource {
    fn type_name(&self) -> &str {
        "cluster_profile"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Looks up one version of a cluster profile by name (the newest version when \
                     `version` is left out), with its packs in stack order.",
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .description("Name of the profile."),
                )
                .attribute(Attribute::string("version").optional().computed().description(
                    "Version to look up, `MAJOR.MINOR.PATCH`. When left out, the newest version.",
                ))
                .attribute(
                    Attribute::string("context")
                        .optional()
                        .computed()
                        .validator(one_of(["project", "tenant"]))
                        .description(
                            "Where to look: `project` (the provider's project, default) or \
                             `tenant`.",
                        ),
                )
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Uid of this version of the profile."),
                )
                .attribute(
                    Attribute::string("type")
                        .computed()
                        .description("Kind of profile: `full`, `infra` or `add-on`."),
                )
                .attribute(Attribute::string("environment").computed().description(
                    "Environment the profile is for (an environment key, or `all`).",
                ))
                .attribute(
                    Attribute::string("description")
                        .computed()
                        .description("Description of the profile."),
                )
                .attribute(
                    Attribute::map("tags", Type::String)
                        .computed()
                        .description("Tags (Palette labels) of the profile."),
                )
                .attribute(Attribute::of_type("pack", Type::list(pack_type())).computed().description(
                    "The packs in stack order, each with `name`, `tag`, `uid`, `layer`, `type`, \
                     `values`, `registry_uid` and `manifest` (`name`, `content`, `uid`).",
                )),
        )
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Cluster Profile Error";
        let config = &req.config;
        let name = config.get_str("name").unwrap_or_default().to_owned();
        let version = config.get_str("version").map(str::to_owned);
        let context = config.get_str("context").unwrap_or("project").to_owned();
        let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let uid = match data
            .client
            .find_cluster_profile(&scope, &name, version.as_deref())
            .await
        {
            Ok(Some(uid)) => uid,
            Ok(None) => {
                let (path, what) = match &version {
                    Some(v) => (AttributePath::root("version"), format!(" at version {v}")),
                    None => (AttributePath::root("name"), String::new()),
                };
                resp.diagnostics.attribute_error(
                    path,
                    "Cluster Profile Not Found",
                    format!(
                        "There is no cluster profile named {name:?}{what} in the {context} scope."
                    ),
                );
                return;
            }
            Err(err) => {
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("looking up cluster profile {name:?}"),
                    &err,
                ));
                return;
            }
        };
        let profile = match read_profile(&data.client, None, &scope, &uid, &Value::Null).await {
            Ok(Some(profile)) => profile,
            Ok(None) => {
                resp.diagnostics.attribute_error(
                    AttributePath::root("name"),
                    "Cluster Profile Not Found",
                    format!("Cluster profile {name:?} ({uid}) has no template yet."),
                );
                return;
            }
            Err(err) => {
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("reading cluster profile {name:?}"),
                    &err,
                ));
                return;
            }
        };
        let state = &mut resp.state;
        state.set("context", context);
        for attr in ["id", "version", "type", "environment", "description"] {
            state.set(attr, profile.get(attr).cloned().unwrap_or(Value::Null));
        }
        let tags = profile
            .get("tags")
            .filter(|t| !t.is_null())
            .cloned()
            .unwrap_or_else(|| Value::Map(BTreeMap::new()));
        state.set("tags", tags);
        let packs: Vec<Value> = profile
            .get("pack")
            .and_then(Value::as_elements)
            .unwrap_or_default()
            .iter()
            .map(|p| {
                let mut out = Value::Object(BTreeMap::new());
                for attr in PACK_ATTRIBUTES {
                    out.set(attr, p.get(attr).cloned().unwrap_or(Value::Null));
                }
                out.set(
                    "manifest",
                    p.get("manifest")
                        .cloned()
                        .unwrap_or_else(|| Value::List(Vec::new())),
                );
                out
            })
            .collect();
        state.set("pack", Value::List(packs));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_is_described() {
        let schema = ClusterProfileDataSource.schema();
        for attribute in &schema.block.attributes {
            assert!(
                !attribute.description.is_empty(),
                "{} has no description",
                attribute.name
            );
        }
        let names: Vec<&str> = schema
            .block
            .attributes
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        for wanted in ["id", "type", "environment", "version", "pack"] {
            assert!(names.contains(&wanted), "{wanted} is missing");
        }
    }
}
