//! `list "palette_cluster"` for `terraform query` (Terraform 1.14 and later): the live clusters
//! of a project (or of the tenant), filtered by name pattern, tags and environment.
//!
//! The filters go to Palette's cluster search, which is read one page (50 clusters) at a time,
//! each page only when Terraform wants more results: a `limit` costs only the pages it needs.
//! A name pattern narrows the search as far as the search can (equal, begins with, contains)
//! and is then matched exactly. With `include_resource` (what `-generate-config-out` asks for),
//! each listed cluster is read as an import reads it, so the generated configuration plans
//! import-only and then empty.

use std::collections::BTreeMap;

use palette_api::models::{
    SearchFilterBoolCondition, SearchFilterCondition, SearchFilterConjunctionOperator,
    SearchFilterGroup, SearchFilterItem, SearchFilterPropertyType, SearchFilterSpec,
    SearchFilterStringCondition, SearchFilterStringConditionMatch, SearchFilterStringOperator,
    SearchFilterSummarySpec,
};
use palette_stack::name_pattern::{Hint, NamePattern};
use tfplugin::list::{ListRequest, ListResult, ListResults};
use tfplugin::validator::one_of;
use tfplugin::{
    Attribute, Block, Context, ListResource, Schema, Type, Value, ValueExt, async_trait,
};

use crate::diagnostics;
use crate::environments;
use crate::provider_data::PaletteData;

use crate::resources::listing::{
    context_attribute, context_of, name_attribute, next_page, read_as_import, scoped,
};

const SUMMARY: &str = "List Clusters Error";

/// The list resource `palette_cluster`.
pub(crate) struct ClusterList;

#[async_trait]
impl ListResource for ClusterList {
    fn type_name(&self) -> &str {
        "cluster"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description("Lists live clusters for `terraform query` (Terraform 1.14 and later), each by its identity (`id`, `context`). Every filter set must hold; with none, every live cluster of the project. `-generate-config-out` writes configuration that plans import-only, then empty.")
                .attribute(name_attribute("prod-*"))
                .attribute(Attribute::map("tags", Type::String).optional().description(
                    "Tags every listed cluster carries: `key = \"value\"`, or `key = \"\"` for a \
                     tag without a value.",
                ))
                .attribute(
                    Attribute::string("environment")
                        .optional()
                        .validator(one_of(environments::ALL.iter().map(|e| e.key())))
                        .description("Only clusters of this environment (`aws`, `eks`, ...)."),
                )
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
        let pattern = req.config.get_str("name").map(NamePattern::new);
        let filter = search_filter(&req.config, pattern.as_ref());
        let mut pages = match data.client.search_cluster_pages(&scope, &filter) {
            Ok(pages) => pages,
            Err(err) => {
                return results.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "searching clusters",
                    &err,
                ));
            }
        };
        loop {
            let what = "searching clusters";
            let Some(page) =
                next_page(ctx, &mut pages, SUMMARY, what, &mut results.diagnostics).await
            else {
                return;
            };
            for summary in page {
                let Some(meta) = summary.metadata else {
                    continue;
                };
                let (Some(uid), Some(name)) = (meta.uid, meta.name) else {
                    continue;
                };
                if pattern.as_ref().is_some_and(|p| !p.matches(&name)) {
                    continue;
                }
                let mut identity = Value::Object(BTreeMap::new());
                identity.set("id", uid.clone());
                identity.set("context", context.clone());
                let mut result = ListResult::new(identity, name);
                if req.include_resource {
                    let id = scoped(&context, &uid);
                    let resource = super::ClusterResource;
                    match read_as_import(&resource, ctx, &req.provider_data, id).await {
                        Ok(Some(state)) => result = result.with_resource(state),
                        // Deleted since the search: not listed.
                        Ok(None) => continue,
                        Err(diags) => result.diagnostics = diags,
                    }
                }
                results.send(result).await;
            }
        }
    }
}

/// The search for the configured filters: live clusters, narrowed by the name pattern's hint,
/// the environment and each tag. Unknown and null filters are left out.
fn search_filter(config: &Value, pattern: Option<&NamePattern>) -> SearchFilterSummarySpec {
    let string = |property: &str, operator, value: String| SearchFilterItem {
        property: Some(property.to_string()),
        type_: Some(SearchFilterPropertyType::String),
        condition: Some(SearchFilterCondition {
            string: Some(SearchFilterStringCondition {
                operator: Some(operator),
                negation: Some(false),
                ignore_case: Some(false),
                match_: Some(SearchFilterStringConditionMatch {
                    conjunction: Some(SearchFilterConjunctionOperator::Or),
                    values: Some(vec![value]),
                }),
            }),
            ..Default::default()
        }),
    };
    let mut filters = vec![SearchFilterItem {
        property: Some("isDeleted".to_string()),
        type_: Some(SearchFilterPropertyType::Bool),
        condition: Some(SearchFilterCondition {
            bool: Some(SearchFilterBoolCondition { value: Some(false) }),
            ..Default::default()
        }),
    }];
    match pattern.map(NamePattern::hint) {
        Some(Hint::Equals(name)) => {
            filters.push(string("clusterName", SearchFilterStringOperator::Eq, name))
        }
        Some(Hint::BeginsWith(prefix)) => filters.push(string(
            "clusterName",
            SearchFilterStringOperator::BeginsWith,
            prefix,
        )),
        Some(Hint::Contains(part)) => filters.push(string(
            "clusterName",
            SearchFilterStringOperator::Contains,
            part,
        )),
        Some(Hint::Any) | None => {}
    }
    // The search names environments by cloud type (`edge-native` for `edge_native`).
    if let Some(env) = config.get_str("environment").and_then(environments::by_key) {
        filters.push(string(
            "environment",
            SearchFilterStringOperator::Eq,
            env.api_cloud_type().as_str().to_string(),
        ));
    }
    if let Some(tags) = config.get("tags").and_then(Value::as_map) {
        for (key, value) in tags {
            let Some(value) = value.as_str() else {
                continue;
            };
            let tag = if value.is_empty() {
                key.clone()
            } else {
                format!("{key}:{value}")
            };
            filters.push(string("tags", SearchFilterStringOperator::Eq, tag));
        }
    }
    SearchFilterSummarySpec {
        filter: Some(SearchFilterSpec {
            conjunction: Some(SearchFilterConjunctionOperator::And),
            filter_groups: Some(vec![SearchFilterGroup {
                conjunction: Some(SearchFilterConjunctionOperator::And),
                filters: Some(filters),
            }]),
        }),
        sort: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(pairs: &[(&str, Value)]) -> Value {
        let mut value = Value::Object(BTreeMap::new());
        for name in ["name", "tags", "environment", "context"] {
            value.set(name, Value::Null);
        }
        for (k, v) in pairs {
            value.set(k, v.clone());
        }
        value
    }

    #[test]
    fn filters_become_one_search() {
        let tags = Value::Map(BTreeMap::from([
            ("team".to_string(), Value::from("web")),
            ("pci".to_string(), Value::from("")),
        ]));
        let config = config(&[
            ("environment", Value::from("eks")),
            ("tags", tags),
            ("name", Value::from("prod-*")),
        ]);
        let pattern = NamePattern::new("prod-*");
        let json = serde_json::to_value(search_filter(&config, Some(&pattern))).unwrap();
        let filters = json["filter"]["filterGroups"][0]["filters"]
            .as_array()
            .unwrap();
        let described: Vec<String> = filters
            .iter()
            .map(|f| {
                format!(
                    "{} {} {}",
                    f["property"].as_str().unwrap(),
                    f["condition"]["string"]["operator"]
                        .as_str()
                        .unwrap_or("bool"),
                    f["condition"]["string"]["match"]["values"][0]
                        .as_str()
                        .unwrap_or("")
                )
            })
            .collect();
        assert_eq!(
            described,
            [
                "isDeleted bool ",
                "clusterName beginsWith prod-",
                "environment eq eks",
                "tags eq pci",
                "tags eq team:web",
            ]
        );
    }
}
