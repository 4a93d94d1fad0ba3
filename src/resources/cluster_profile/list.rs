//! `list "palette_cluster_profile"` for `terraform query`: the profiles of a project (or of the
//! tenant) by name, one result per name (a profile's versions share it; an import by name takes
//! the newest), filtered by name pattern and environment. Palette's profile filter (scope and
//! environment on the server) answers 50 versions a page; every page is read, since the newest
//! version of a name can be on any of them. With `-generate-config-out` each profile is read as
//! an import by name reads it.

use std::collections::BTreeMap;

use palette_api::models::{
    ClusterProfileFilterSpec, ClusterProfileScope, ClusterProfilesFilterSpec,
};
use palette_stack::name_pattern::NamePattern;
use palette_stack::version::ProfileVersion;
use tfplugin::list::{ListRequest, ListResult, ListResults};
use tfplugin::{Attribute, Block, Context, ListResource, Schema, Value, ValueExt, async_trait};

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::listing::{
    context_attribute, context_of, name_attribute, read_as_import, scoped,
};

const SUMMARY: &str = "List Cluster Profiles Error";

/// The list resource `palette_cluster_profile`.
pub(crate) struct ClusterProfileList;

#[async_trait]
impl ListResource for ClusterProfileList {
    fn type_name(&self) -> &str {
        "cluster_profile"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description("Lists cluster profiles for `terraform query` (Terraform 1.14 and later), one result per name at its newest version, each by its identity (`name`, `context`); an import by that identity takes the newest version.")
                .attribute(name_attribute("web-*"))
                .attribute(Attribute::string("environment").optional().description(
                    "Only profiles for this cloud type (`aws`, `edge-native`, `all` for add-on \
                     profiles that fit every environment, ...), as Palette names it.",
                ))
                .attribute(context_attribute()),
        )
    }

    async fn list(&self, ctx: &Context, req: ListRequest, results: &mut ListResults) {
        let context = context_of(&req.config);
        let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await
        {
            Ok(connected) => connected,
            Err(diag) => return results.diagnostics.push(diag),
        };
        let environment = req.config.get_str("environment");
        let filter = ClusterProfilesFilterSpec {
            filter: Some(ClusterProfileFilterSpec {
                scope: Some(if context == "tenant" {
                    ClusterProfileScope::Tenant
                } else {
                    ClusterProfileScope::Project
                }),
                environment: environment.map(|e| vec![e.to_string()]),
                ..Default::default()
            }),
            sort: None,
        };
        let all = match ctx
            .run(data.client.filter_cluster_profiles(&scope, &filter))
            .await
        {
            Err(why) => {
                return results
                    .diagnostics
                    .error(SUMMARY, format!("Listing profiles was interrupted: {why}."));
            }
            Ok(Err(err)) => {
                return results.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "listing cluster profiles",
                    &err,
                ));
            }
            Ok(Ok(all)) => all,
        };
        let pattern = req.config.get_str("name").map(NamePattern::new);
        // The newest version of each name that matches.
        let mut newest: BTreeMap<String, String> = BTreeMap::new();
        for profile in all {
            let Some(name) = profile.metadata.and_then(|m| m.name) else {
                continue;
            };
            if pattern.as_ref().is_some_and(|p| !p.matches(&name)) {
                continue;
            }
            let version = profile
                .spec_summary
                .and_then(|s| s.version)
                .unwrap_or_default();
            let newer = newest
                .get(&name)
                .is_none_or(|known| newer_version(&version, known));
            if newer {
                newest.insert(name, version);
            }
        }
        for (name, version) in newest {
            let mut identity = Value::Object(BTreeMap::new());
            identity.set("name", name.clone());
            identity.set("context", context.clone());
            let mut result = ListResult::new(identity, format!("{name} {version}"));
            if req.include_resource {
                let resource = super::ClusterProfileResource;
                match read_as_import(&resource, ctx, &req.provider_data, scoped(&context, &name))
                    .await
                {
                    Ok(Some(state)) => result = result.with_resource(state),
                    Ok(None) => continue,
                    Err(diags) => result.diagnostics = diags,
                }
            }
            results.send(result).await;
        }
    }
}

/// Whether version `a` is newer than `b` (dotted numbers; text that is not one sorts first).
fn newer_version(a: &str, b: &str) -> bool {
    match (ProfileVersion::parse(a), ProfileVersion::parse(b)) {
        (Ok(a), Ok(b)) => a > b,
        (Ok(_), Err(_)) => true,
        _ => false,
    }
}
