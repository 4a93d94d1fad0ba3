//! Create, update (metadata and profiles in place) and delete of one template.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, UpdateRequest, UpdateResponse,
};
use tfplugin::{Diagnostic, Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::PaletteData;

use super::model::{TemplatePlan, apply_read};

/// The diagnostic for a name another template of the scope already has.
fn name_taken(plan: &TemplatePlan, err: &palette_api::Error) -> Diagnostic {
    Diagnostic::error(
        "Cluster Template Name Taken",
        format!(
            "A cluster template named {name:?} already exists in the {context} scope. Import it \
             with `terraform import <address> UID`, or choose another name.\n\nOriginal Error: \
             {err}",
            name = plan.name,
            context = plan.context,
        ),
    )
}

/// The `create` handler: creates the template, then reads it back.
pub(super) async fn create(req: CreateRequest, resp: &mut CreateResponse) {
    const SUMMARY: &str = "Create Cluster Template Error";
    let plan = TemplatePlan::from_value(&req.plan);
    let fail = |resp: &mut CreateResponse, diag: Diagnostic| {
        resp.diagnostics.push(diag);
        resp.state = Value::Null;
    };
    let (data, scope) = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await
    {
        Ok(connected) => connected,
        Err(diag) => return fail(resp, diag),
    };
    let uid = match data
        .client
        .create_cluster_template(&scope, &plan.create_entity())
        .await
    {
        Ok(uid) => uid,
        Err(err) if err.is_conflict() => return fail(resp, name_taken(&plan, &err)),
        Err(err) => {
            let what = format!("creating cluster template {:?}", plan.name);
            return fail(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
    };
    resp.state.set("id", uid.clone());
    match data.client.get_cluster_template(&scope, &uid).await {
        Ok(template) => apply_read(&mut resp.state, &template),
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("reading cluster template {uid} back"),
            &err,
        )),
    }
}

/// The `update` handler: the metadata (`PATCH .../metadata`) and the profiles with their
/// variables (`PUT .../profiles`), each only when it changed.
pub(super) async fn update(req: UpdateRequest, resp: &mut UpdateResponse) {
    const SUMMARY: &str = "Update Cluster Template Error";
    let plan = TemplatePlan::from_value(&req.plan);
    let prior = TemplatePlan::from_value(&req.state);
    let uid = req.state.get_str("id").unwrap_or_default().to_owned();
    let (data, scope) = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await
    {
        Ok(connected) => connected,
        Err(diag) => {
            resp.diagnostics.push(diag);
            resp.state = req.state.clone();
            return;
        }
    };
    let mut failed = None;
    if plan.metadata_differs(&prior) {
        match data
            .client
            .patch_cluster_template_metadata(&scope, &uid, &plan.metadata_body())
            .await
        {
            Ok(()) => {}
            Err(err) if err.is_conflict() => failed = Some(name_taken(&plan, &err)),
            Err(err) => {
                failed = Some(diagnostics::api_error(
                    SUMMARY,
                    &format!("updating the metadata of cluster template {:?}", plan.name),
                    &err,
                ));
            }
        }
    }
    if failed.is_none()
        && plan.profiles != prior.profiles
        && let Err(err) = data
            .client
            .put_cluster_template_profiles(&scope, &uid, &plan.profiles_body())
            .await
    {
        failed = Some(diagnostics::api_error(
            SUMMARY,
            &format!("updating the profiles of cluster template {:?}", plan.name),
            &err,
        ));
    }
    // What was written is read back, so the state says what Palette holds; after a failed
    // write the prior state stands where the read fails, and the write's error is the one told.
    let failed_write = failed.is_some();
    if let Some(diag) = failed {
        resp.diagnostics.push(diag);
        resp.state = req.state.clone();
    }
    match data.client.get_cluster_template(&scope, &uid).await {
        Ok(template) => apply_read(&mut resp.state, &template),
        Err(_) if failed_write => {}
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("reading cluster template {uid} back"),
            &err,
        )),
    }
}

/// The `delete` handler; a template already gone is deleted. Palette keeps a template that
/// clusters were launched from: the error names them.
pub(super) async fn delete(req: DeleteRequest, resp: &mut DeleteResponse) {
    const SUMMARY: &str = "Delete Cluster Template Error";
    let state = TemplatePlan::from_value(&req.state);
    let Some(uid) = req.state.get_str("id") else {
        return;
    };
    let (data, scope) =
        match PaletteData::connect(&req.provider_data, &state.context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
    match data.client.delete_cluster_template(&scope, uid).await {
        Ok(()) => {}
        Err(err) if err.is_not_found() => {}
        Err(err) if err.is_conflict() => resp.diagnostics.error(
            SUMMARY,
            format!(
                "Cluster template {:?} is still in use: delete the clusters launched from it \
                 first (in the same configuration, Terraform does so when they reference the \
                 template's `id`).\n\nOriginal Error: {err}",
                state.name
            ),
        ),
        Err(err) => resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("deleting cluster template {:?}", state.name),
            &err,
        )),
    }
}
