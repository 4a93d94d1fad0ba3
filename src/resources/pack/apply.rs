//! Create, update and delete: the carrier written, attached or detached, and the layer waited
//! for.

use std::time::Duration;

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, UpdateRequest, UpdateResponse,
};
use tfplugin::{AttributePath, Context, Diagnostic, Value, ValueExt};
use tokio::time::Instant;

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::pack_shared::clear_unknowns;

use super::DEFAULT_TIMEOUTS;
use super::carrier::{create_carrier, publish, update_carrier};
use super::model::PackPlan;
use super::read::{cluster_name, get_cluster};
use super::waiting::Deployment;
use crate::resources::timeouts::only_timeouts_change;

/// The `create` handler: makes and publishes the carrier, attaches it and waits for the layer.
pub(super) async fn create(ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
    const SUMMARY: &str = "Create Pack Error";
    let fail = |resp: &mut CreateResponse, diag: Diagnostic| {
        resp.diagnostics.push(diag);
        resp.state = Value::Null;
    };
    let plan = match PackPlan::from_value(&req.plan) {
        Ok(plan) => plan,
        Err(diag) => return fail(resp, diag),
    };
    let (cluster_uid, name) = (plan.cluster_uid.as_str(), plan.name());
    let started = Instant::now();
    let (data, scope) = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await
    {
        Ok(connected) => connected,
        Err(diag) => return fail(resp, diag),
    };
    let cluster = match get_cluster(&data.client, &scope, cluster_uid).await {
        Ok(Some(cluster)) => cluster,
        Ok(None) => {
            let diag = Diagnostic::error(
                SUMMARY,
                format!(
                    "Cluster {cluster_uid} does not exist (or was deleted): a pack can only be \
                     deployed on an existing cluster."
                ),
            );
            return fail(resp, diag.with_attribute(AttributePath::root("cluster_id")));
        }
        Err(err) => {
            let what = format!("reading cluster {cluster_uid}");
            return fail(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
    };
    let display = cluster_name(&cluster);
    let carrier = plan.carrier_name();
    let profile_uid = match create_carrier(&data.client, &scope, &carrier, &plan).await {
        Ok(uid) => uid,
        Err(err) => {
            let what = format!("creating the carrier profile {carrier:?} of pack {name:?}");
            return fail(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
    };
    // Recorded at once, so a failure from here on leaves the carrier in state (tainted)
    // and the next apply or destroy cleans it up.
    resp.state.set("id", plan.id());
    resp.state.set("profile_id", profile_uid.clone());
    if let Err(err) = publish(&data.client, &scope, &profile_uid).await {
        resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("publishing the carrier profile {carrier:?}"),
            &err,
        ));
        resp.state.set("state", "Pending");
        clear_unknowns(&mut resp.state);
        return;
    }
    let deployment = Deployment {
        data,
        scope: &scope,
        cluster_uid,
        profile_uid: &profile_uid,
        pack: name,
        limit: plan.timeouts.create,
    };
    let result = deployment
        .attach_and_wait(ctx, &display, plan.waited_version(), started)
        .await;
    deployment
        .finish(result, &mut resp.state, &mut resp.diagnostics, SUMMARY)
        .await;
}

/// The `update` handler: rewrites and republishes the carrier, applies it again and waits.
pub(super) async fn update(ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
    const SUMMARY: &str = "Update Pack Error";
    let prior = &req.state;
    if only_timeouts_change(prior, &req.plan) {
        resp.state = req.plan.clone();
        return;
    }
    let plan = match PackPlan::from_value(&req.plan) {
        Ok(plan) => plan,
        Err(diag) => {
            resp.diagnostics.push(diag);
            resp.state = prior.clone();
            return;
        }
    };
    let started = Instant::now();
    let (cluster_uid, name) = (plan.cluster_uid.as_str(), plan.name());
    let profile_uid = prior.get_str("profile_id").unwrap_or_default().to_owned();
    resp.state.set("profile_id", profile_uid.clone());
    let fail_prior = |resp: &mut UpdateResponse, diag: Diagnostic| {
        resp.diagnostics.push(diag);
        resp.state = prior.clone();
    };
    let (data, scope) = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await
    {
        Ok(connected) => connected,
        Err(diag) => return fail_prior(resp, diag),
    };
    let display = match get_cluster(&data.client, &scope, cluster_uid).await {
        Ok(Some(cluster)) => cluster_name(&cluster),
        Ok(None) => {
            let diag = Diagnostic::error(
                SUMMARY,
                format!(
                    "Cluster {cluster_uid} no longer exists, so pack {name:?} cannot be updated \
                     on it. Run `terraform apply -refresh-only` (or plan again) to drop the pack \
                     from the state."
                ),
            );
            return fail_prior(resp, diag);
        }
        Err(err) => {
            let what = format!("reading cluster {cluster_uid}");
            return fail_prior(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
    };
    let what = format!("updating the carrier profile {profile_uid} of pack {name:?}");
    if let Err(err) = update_carrier(&data.client, &scope, &profile_uid, &plan).await {
        return fail_prior(resp, diagnostics::api_error(SUMMARY, &what, &err));
    }
    if let Err(err) = publish(&data.client, &scope, &profile_uid).await {
        return fail_prior(resp, diagnostics::api_error(SUMMARY, &what, &err));
    }
    let deployment = Deployment {
        data,
        scope: &scope,
        cluster_uid,
        profile_uid: &profile_uid,
        pack: name,
        limit: plan.timeouts.update,
    };
    let result = deployment
        .attach_and_wait(ctx, &display, plan.waited_version(), started)
        .await;
    deployment
        .finish(result, &mut resp.state, &mut resp.diagnostics, SUMMARY)
        .await;
}

/// The `delete` handler: detaches the carrier, waits until the layer is gone, deletes the
/// carrier.
pub(super) async fn delete(ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
    const SUMMARY: &str = "Delete Pack Error";
    let state = &req.state;
    let Some(profile_uid) = state.get_str("profile_id").filter(|s| !s.is_empty()) else {
        return;
    };
    let cluster_uid = state.get_str("cluster_id").unwrap_or_default();
    let name = state.get_str("name").unwrap_or_default();
    let context = state.get_str("context").unwrap_or("project");
    let limit = DEFAULT_TIMEOUTS
        .read(state)
        .map_or(Duration::from_secs(30 * 60), |t| t.delete);
    let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    let deployment = Deployment {
        data,
        scope: &scope,
        cluster_uid,
        profile_uid,
        pack: name,
        limit,
    };
    if let Err(diag) = deployment.detach_and_wait(ctx).await {
        resp.diagnostics.push(diag);
        return;
    }
    match data
        .client
        .delete_cluster_profile(&scope, profile_uid)
        .await
    {
        Ok(()) => {}
        Err(err) if err.is_not_found() => {}
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!(
                "deleting the carrier profile {profile_uid} of pack {name:?} (the layer is \
                 already removed from the cluster)"
            ),
            &err,
        )),
    }
}
