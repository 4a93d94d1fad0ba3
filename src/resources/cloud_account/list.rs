//! `list "palette_cloud_account"` for `terraform query`: the cloud accounts of a project (or of
//! the tenant), filtered by name pattern and kind, from Palette's account summary read one page
//! at a time, each only when Terraform wants more results. With `-generate-config-out` each
//! account is read as an import reads it; its secrets are write-only, so the configuration
//! written needs them (and their `_wo_version`) added before it plans.

use std::collections::BTreeMap;

use palette_stack::name_pattern::NamePattern;
use tfplugin::list::{ListRequest, ListResult, ListResults};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Block, Context, ListResource, Schema, Value, ValueExt, async_trait};

use crate::provider_data::PaletteData;
use crate::resources::listing::{
    context_attribute, context_of, name_attribute, next_page, read_as_import, scoped,
};

use super::kinds::{KINDS, Segment};

const SUMMARY: &str = "List Cloud Accounts Error";

/// The list resource `palette_cloud_account`.
pub(crate) struct CloudAccountList;

/// The block of the kind whose cloud type Palette reports as `cloud_type`.
fn block_of(cloud_type: &str) -> Option<&'static str> {
    KINDS
        .iter()
        .find(|k| match k.segment {
            Segment::Builtin(s) | Segment::Custom(s) => s == cloud_type,
        })
        .map(|k| k.block)
}

#[async_trait]
impl ListResource for CloudAccountList {
    fn type_name(&self) -> &str {
        "cloud_account"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description("Lists cloud accounts for `terraform query` (Terraform 1.14 and later), each by its identity (`kind`, `id`, `context`). Generated configuration needs the account's write-only secrets added before it plans.")
                .attribute(name_attribute("aws-*"))
                .attribute(
                    Attribute::string("kind")
                        .optional()
                        .validator(one_of(KINDS.iter().map(|k| k.block)))
                        .description("Only accounts of this kind, named as its block (`aws`, `vsphere`, ...)."),
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
        let wanted = req.config.get_str("kind");
        let mut pages = data.client.cloud_account_summary_pages(&scope);
        loop {
            let what = "listing cloud accounts";
            let Some(page) =
                next_page(ctx, &mut pages, SUMMARY, what, &mut results.diagnostics).await
            else {
                return;
            };
            for account in page {
                let Some(block) = account.kind.as_deref().and_then(block_of) else {
                    continue;
                };
                let Some(meta) = account.metadata else {
                    continue;
                };
                let (Some(uid), Some(name)) = (meta.uid, meta.name) else {
                    continue;
                };
                if wanted.is_some_and(|w| w != block)
                    || pattern.as_ref().is_some_and(|p| !p.matches(&name))
                {
                    continue;
                }
                let mut identity = Value::Object(BTreeMap::new());
                identity.set("kind", block);
                identity.set("id", uid.clone());
                identity.set("context", context.clone());
                let mut result = ListResult::new(identity, name);
                if req.include_resource {
                    let id = scoped(&context, &format!("{block}/{uid}"));
                    match read_as_import(&super::CloudAccountResource, ctx, &req.provider_data, id)
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
}
