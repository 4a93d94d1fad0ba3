//! The `palette_cloud_account` data source: a cloud account by name, optionally of one environment.

use tfplugin::data_source::{ReadRequest, ReadResponse};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, AttributePath, Block, Context, DataSource, Schema, ValueExt};

use crate::diagnostics;
use crate::environments;
use crate::provider_data::PaletteData;
use palette_stack::environment_names::{ALL, Environment};

/// `palette_cloud_account`.
#[derive(Debug, Default)]
pub(crate) struct CloudAccountDataSource;

/// The environment whose cloud accounts a cluster of `environment` uses, as the environment
/// itself says (EKS runs on AWS accounts); `None` when its clusters take no account.
fn account_environment_for(environment: Environment) -> Option<Environment> {
    environments::by_key(environment.key())?.account_environment()
}

#[tfplugin::async_trait]
impl DataSource for CloudAccountDataSource {
    fn type_name(&self) -> &str {
        "cloud_account"
    }

    fn schema(&self) -> Schema {
        let environments: Vec<&str> = ALL
            .iter()
            .filter(|e| account_environment_for(**e).is_some())
            .map(|e| e.key())
            .collect();
        Schema::new(
            0,
            Block::new()
                .description(
                    "Looks up a cloud account by name. Accounts hold the credentials Palette \
                     deploys with; clusters refer to them by `id`.",
                )
                .attribute(
                    Attribute::string("name")
                        .required()
                        .description("Name of the cloud account, such as `aws-dev`."),
                )
                .attribute(
                    Attribute::string("environment")
                        .optional()
                        .computed()
                        .validator(one_of(environments))
                        .description(
                            "Only consider accounts usable by this environment (`eks` finds AWS \
                             accounts, `aks` Azure ones, `gke` GCP ones). Set it when accounts of \
                             several clouds share a name. When left out it is the account's own \
                             environment.",
                        ),
                )
                .attribute(
                    Attribute::string("context")
                        .optional()
                        .validator(one_of(["project", "tenant"]))
                        .description(
                            "Where to look: `project` (the default; also sees tenant accounts) or \
                             `tenant`.",
                        ),
                )
                .attribute(
                    Attribute::string("id")
                        .computed()
                        .description("Uid of the cloud account."),
                ),
        )
    }

    async fn read(&self, _ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Cloud Account Error";
        let name = req.config.get_str("name").unwrap_or_default();
        let wanted = req
            .config
            .get_str("environment")
            .and_then(Environment::from_key)
            .and_then(account_environment_for);
        let context = req.config.get_str("context").unwrap_or("project");
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let accounts = match data.client.list_cloud_account_summaries(&scope, None).await {
            Ok(accounts) => accounts,
            Err(err) => {
                resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "listing cloud accounts",
                    &err,
                ));
                return;
            }
        };
        let named: Vec<(String, Option<Environment>)> = accounts
            .iter()
            .filter_map(|a| {
                let meta = a.metadata.as_ref()?;
                (meta.name.as_deref() == Some(name)).then(|| {
                    (
                        meta.uid.clone().unwrap_or_default(),
                        a.kind.as_deref().and_then(Environment::from_account_kind),
                    )
                })
            })
            .collect();
        let matching: Vec<&(String, Option<Environment>)> = named
            .iter()
            .filter(|(_, env)| wanted.is_none() || *env == wanted)
            .collect();
        match matching.as_slice() {
            [(uid, env)] => {
                resp.state.set("id", uid.clone());
                if req.config.get_str("environment").is_none() {
                    resp.state
                        .set("environment", env.map(|e| e.key()).unwrap_or_default());
                }
            }
            [] => {
                let detail = if named.is_empty() {
                    let mut names: Vec<String> = accounts
                        .iter()
                        .filter_map(|a| a.metadata.as_ref()?.name.clone())
                        .collect();
                    names.sort();
                    format!(
                        "No cloud account is named {name:?}. Accounts on offer: {}.",
                        if names.is_empty() {
                            "none".to_string()
                        } else {
                            names.join(", ")
                        }
                    )
                } else {
                    format!(
                        "Cloud account {name:?} exists, but not for environment {:?}.",
                        req.config.get_str("environment").unwrap_or_default()
                    )
                };
                resp.diagnostics.attribute_error(
                    AttributePath::root("name"),
                    "Unknown Cloud Account",
                    detail,
                );
            }
            several => {
                let kinds: Vec<&str> = several
                    .iter()
                    .map(|(_, env)| env.map(|e| e.key()).unwrap_or("unknown"))
                    .collect();
                resp.diagnostics.attribute_error(
                    AttributePath::root("environment"),
                    "Ambiguous Cloud Account",
                    format!(
                        "{} cloud accounts are named {name:?} (environments: {}). Set \
                         `environment` to choose one.",
                        several.len(),
                        kinds.join(", ")
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn managed_kubernetes_uses_its_clouds_accounts() {
        let cases = [
            (Environment::Eks, Some(Environment::Aws)),
            (Environment::Aks, Some(Environment::Azure)),
            (Environment::Gke, Some(Environment::Gcp)),
            (Environment::Tke, Some(Environment::Tke)),
            (Environment::EdgeNative, None),
            (Environment::Nutanix, Some(Environment::Nutanix)),
        ];
        for (environment, want) in cases {
            assert_eq!(account_environment_for(environment), want, "{environment}");
        }
    }
}
