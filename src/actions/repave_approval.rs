//! `palette_cluster_repave_approval`: approves the repave a cluster holds for approval
//! (`PATCH .../repave/approve`), after saying what was pending (`GET .../repave/status`):
//! which pools and why. With nothing pending it fails, saying so, and approves nothing.

use palette_api::models::SpectroClusterRepaveReason;
use tfplugin::action::{InvokeRequest, InvokeResponse};
use tfplugin::async_trait;
use tfplugin::resource::{ValidateConfigRequest, ValidateConfigResponse};
use tfplugin::{Action, AttributePath, Block, Context, Schema, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;

const SUMMARY: &str = "Repave Approval Error";

pub(super) struct RepaveApproval;

/// The pools a reason names: a pool change names its pool (`machine pool NAME: ...`), a pack
/// that builds the nodes replaces every pool.
pub(super) fn pools_of(reasons: &[SpectroClusterRepaveReason]) -> String {
    let mut named: Vec<String> = Vec::new();
    let mut every = false;
    for reason in reasons {
        let message = reason.message.as_deref().unwrap_or_default();
        match reason.code.as_deref() {
            Some("MachinePoolChanged") => {
                if let Some(pool) = message
                    .strip_prefix("machine pool ")
                    .and_then(|rest| rest.split_once(':'))
                    .map(|(pool, _)| pool.to_string())
                    && !named.contains(&pool)
                {
                    named.push(pool);
                }
            }
            _ => every = true,
        }
    }
    if every {
        "every pool".into()
    } else if named.is_empty() {
        "the pools Palette names below".into()
    } else {
        format!("pool {}", named.join(", "))
    }
}

#[async_trait]
impl Action for RepaveApproval {
    fn type_name(&self) -> &str {
        "cluster_repave_approval"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Approves the repave a cluster holds for approval (a change that replaces \
                     nodes, with `repave_approval = \"manual\"` or made outside Terraform), after \
                     reporting which pools it replaces and why. Fails when none is pending.",
                )
                .attribute(super::cluster_id_attribute())
                .attribute(super::context_attribute()),
        )
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        super::check_cluster_id(&req.config, &mut resp.diagnostics);
    }

    async fn invoke(&self, ctx: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
        let config = &req.config;
        let uid = config.get_str("cluster_id").unwrap_or_default().to_string();
        let context = config.get_str("context").unwrap_or("project");
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let repave = match super::call(
            ctx,
            data.client.get_cluster_repave(&scope, &uid),
            SUMMARY,
            &format!("reading the repave status of cluster {uid}"),
            "reading the repave status",
        )
        .await
        {
            Ok(answer) => answer,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let state = repave
            .status
            .as_ref()
            .and_then(|s| s.state.clone())
            .unwrap_or_default();
        let reasons = repave
            .spec
            .as_ref()
            .and_then(|s| s.reasons.clone())
            .unwrap_or_default();
        if state != "Pending" {
            return resp.diagnostics.attribute_error(
                AttributePath::root("cluster_id"),
                "No Repave Pending",
                format!(
                    "Cluster {uid} has no repave waiting for approval (its repave state is {}), so \
                     nothing was approved. A repave is held when a change replaces nodes (a \
                     kernel, OS or Kubernetes pack, or a pool setting the nodes are made with).",
                    if state.is_empty() { "empty" } else { &state }
                ),
            );
        }
        let since = repave
            .status
            .as_ref()
            .and_then(|s| s.repave_transition_time.clone())
            .unwrap_or_default();
        resp.progress(format!(
            "repave of cluster {uid} pending since {since}: it replaces the nodes of {}",
            pools_of(&reasons)
        ));
        for reason in &reasons {
            resp.progress(format!(
                "because {} ({})",
                reason.message.as_deref().unwrap_or("no reason given"),
                reason.code.as_deref().unwrap_or("no code")
            ));
        }
        match ctx
            .run(data.client.approve_cluster_repave(&scope, &uid))
            .await
        {
            Ok(Ok(())) => {}
            Ok(Err(err)) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("approving the repave of cluster {uid}"),
                    &err,
                ));
            }
            Err(_) => {
                return resp
                    .diagnostics
                    .push(diagnostics::interrupted(SUMMARY, "approving the repave"));
            }
        }
        let after = match ctx.run(data.client.get_cluster_repave(&scope, &uid)).await {
            Ok(Ok(repave)) => repave.status.and_then(|s| s.state).unwrap_or_default(),
            _ => String::new(),
        };
        resp.progress(format!(
            "approved: the repave of cluster {uid} is {}; Palette now replaces the nodes, a new \
             node up before each old one goes",
            if after.is_empty() { "approved" } else { &after }
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(code: &str, message: &str) -> SpectroClusterRepaveReason {
        SpectroClusterRepaveReason {
            code: Some(code.into()),
            message: Some(message.into()),
            pack: None,
        }
    }

    #[test]
    fn pools_come_from_the_reasons() {
        assert_eq!(
            pools_of(&[
                reason(
                    "MachinePoolChanged",
                    "machine pool workers: instanceType changed"
                ),
                reason(
                    "MachinePoolChanged",
                    "machine pool gpu: instanceType changed"
                ),
            ]),
            "pool workers, gpu"
        );
        assert_eq!(
            pools_of(&[
                reason(
                    "MachinePoolChanged",
                    "machine pool workers: instanceType changed"
                ),
                reason("PackChanged", "pack kubernetes changes"),
            ]),
            "every pool"
        );
    }
}
