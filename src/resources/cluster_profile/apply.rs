//! Create, update and delete of one profile version.

use palette_api::Client;
use palette_api::Scope;
use palette_api::models::{ClusterProfileCloneEntity, ClusterProfileCloneMetaInputEntity};
use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, UpdateRequest, UpdateResponse,
};
use tfplugin::{Context, Diagnostic, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::provider_data::{PaletteData, scoped_key};
use crate::resources::pack_shared::{
    clear_unknowns, fill_from_stored, read_back, stored_pack, template_of,
};

use super::model::ProfilePlan;

/// The `create` handler: creates the version as a draft, records its uid, publishes it. When
/// Terraform cancels (StopProvider), it stops at the next API call: before Palette answered the
/// create, nothing is in state; after, the new version is (tainted, so the next apply replaces
/// it, as after a failed publish).
pub(super) async fn create(ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
    const SUMMARY: &str = "Create Cluster Profile Error";
    let plan = ProfilePlan::from_value(&req.plan);
    let (name, version) = (&plan.name, &plan.version);
    let fail = |resp: &mut CreateResponse, diag: Diagnostic| {
        resp.diagnostics.push(diag);
        resp.state = Value::Null;
    };
    let (data, scope) = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await
    {
        Ok(connected) => connected,
        Err(diag) => return fail(resp, diag),
    };
    let entity = plan.create_entity();
    let created = ctx
        .run(
            data.client
                .create_cluster_profile_idempotent(&scope, &entity, false),
        )
        .await;
    let uid = match created {
        Ok(Ok(uid)) => uid,
        Err(why) => {
            let diag = Diagnostic::error(
                SUMMARY,
                format!(
                    "Creating cluster profile {name:?} version {version} was interrupted ({why}) \
                     before Palette answered. If Palette created it, import it with `terraform \
                     import <address> {prefix}{name}@{version}`.",
                    prefix = plan.import_prefix()
                ),
            );
            return fail(resp, diag);
        }
        Ok(Err(err)) if err.is_conflict() => {
            let diag = Diagnostic::error(
                "Cluster Profile Version Exists",
                format!(
                    "Cluster profile {name:?} version {version} already exists in Palette, made \
                     outside this configuration. Import it with `terraform import <address> \
                     {prefix}{name}@{version}`, or choose another version.\n\nOriginal Error: \
                     {err}",
                    prefix = plan.import_prefix()
                ),
            );
            return fail(resp, diag);
        }
        Ok(Err(err)) => {
            let what = format!("creating cluster profile {name:?} version {version}");
            return fail(resp, diagnostics::api_error(SUMMARY, &what, &err));
        }
    };
    // Recorded before publishing, so a failure leaves the new profile in state.
    resp.state.set("id", uid.clone());
    let publishing = format!("publishing cluster profile {name:?} version {version}");
    match ctx
        .run(data.client.publish_cluster_profile(&scope, &uid))
        .await
    {
        Ok(Ok(())) => {}
        Ok(Err(err)) => {
            resp.diagnostics
                .push(diagnostics::api_error(SUMMARY, &publishing, &err));
        }
        Err(why) => {
            resp.diagnostics.push(diagnostics::interrupted(
                SUMMARY,
                &format!("{publishing} ({why})"),
            ));
            clear_unknowns(&mut resp.state);
            return;
        }
    }
    fill_from_palette(
        ctx,
        &data.client,
        &scope,
        &uid,
        &mut resp.state,
        &mut resp.diagnostics,
        SUMMARY,
    )
    .await;
}

/// The `update` handler: moves to a clone when the version changes, then writes the version
/// and publishes it.
pub(super) async fn update(ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
    const SUMMARY: &str = "Update Cluster Profile Error";
    let plan = ProfilePlan::from_value(&req.plan);
    let prior = &req.state;
    let old_uid = prior.get_str("id").unwrap_or_default().to_owned();
    let (data, scope) = match PaletteData::connect(&req.provider_data, &plan.context, SUMMARY).await
    {
        Ok(connected) => connected,
        Err(diag) => {
            resp.diagnostics.push(diag);
            resp.state = prior.clone();
            return;
        }
    };
    // A cluster planned later in this command must not check against the old content.
    data.lookups.profiles.forget(&scoped_key(&scope, &old_uid));
    let uid = match move_to_version(&data.client, &scope, &old_uid, prior, &plan).await {
        Ok(uid) => uid,
        Err(err) => {
            let what = format!(
                "cloning cluster profile {:?} version {} into version {}",
                plan.name,
                prior.get_str("version").unwrap_or_default(),
                plan.version
            );
            resp.diagnostics
                .push(diagnostics::api_error(SUMMARY, &what, &err));
            resp.state = prior.clone();
            return;
        }
    };
    // From here on the resource is the (possibly new) version `uid`.
    resp.state.set("id", uid.clone());
    let variables_change = uid != old_uid || req.plan.get("variable") != prior.get("variable");
    if let Err(err) = write_version(&data.client, &scope, &uid, &plan, variables_change).await {
        let what = format!(
            "updating cluster profile {:?} version {}",
            plan.name, plan.version
        );
        resp.diagnostics
            .push(diagnostics::api_error(SUMMARY, &what, &err));
        // After a failure the state is the prior one moved to `uid`: the next refresh reads
        // what that version holds, and the next plan shows what is left to do.
        let mut failed_state = prior.clone();
        failed_state.set("id", uid);
        failed_state.set("version", plan.version.clone());
        resp.state = failed_state;
        return;
    }
    fill_from_palette(
        ctx,
        &data.client,
        &scope,
        &uid,
        &mut resp.state,
        &mut resp.diagnostics,
        SUMMARY,
    )
    .await;
}

/// The version the resource is after a change of `version`: a clone of `old_uid` at the new
/// version (found again when an earlier, interrupted attempt made it); else `old_uid`.
async fn move_to_version(
    client: &Client,
    scope: &Scope,
    old_uid: &str,
    prior: &Value,
    plan: &ProfilePlan,
) -> Result<String, palette_api::Error> {
    if prior.get_str("version") == Some(plan.version.as_str()) {
        return Ok(old_uid.to_owned());
    }
    let clone = ClusterProfileCloneEntity {
        metadata: Some(ClusterProfileCloneMetaInputEntity {
            name: plan.name.clone(),
            target: None,
            version: Some(plan.version.clone()),
        }),
    };
    client
        .clone_cluster_profile_idempotent(scope, old_uid, &clone)
        .await
}

/// Writes the planned profile into version `uid` and publishes it: the variables first when
/// they change (Palette checks the packs' references to them), then the packs, then the
/// metadata.
async fn write_version(
    client: &Client,
    scope: &Scope,
    uid: &str,
    plan: &ProfilePlan,
    variables_change: bool,
) -> Result<(), palette_api::Error> {
    if variables_change {
        client
            .put_cluster_profile_variables(scope, uid, &plan.variables_entity())
            .await?;
    }
    let current = client.get_cluster_profile(scope, uid).await?;
    let update = plan.update_entity(template_of(&current));
    client.update_cluster_profile(scope, uid, &update).await?;
    client
        .patch_cluster_profile_metadata(scope, uid, &plan.meta_entity())
        .await?;
    client.publish_cluster_profile(scope, uid).await
}

/// After a create or update, sets what only Palette knows (manifest uids, and anything the plan
/// could not resolve) from the profile as stored, leaving every planned value as it is; what
/// stays unknown becomes null. An interrupted read-back only warns: the profile is written, and
/// the next refresh reads what it would have.
async fn fill_from_palette(
    ctx: &Context,
    client: &Client,
    scope: &Scope,
    uid: &str,
    state: &mut Value,
    diags: &mut Diagnostics,
    summary: &str,
) {
    let what = format!("cluster profile {uid}");
    match ctx
        .run(read_back(client, scope, uid, state, &what, summary, diags))
        .await
    {
        Ok(Some(profile)) => {
            let mut packs = state.get_elements("pack").to_vec();
            for pack in &mut packs {
                let name = pack.get_str("name").unwrap_or_default().to_owned();
                fill_from_stored(pack, stored_pack(&profile, &name));
            }
            state.set("pack", Value::List(packs));
        }
        Ok(None) => {}
        Err(why) => diags.warning(
            "Cluster Profile Read Back Interrupted",
            format!(
                "Cluster profile {uid} is written, but reading back what only Palette knows \
                 (manifest uids) was interrupted ({why}). The next refresh reads it."
            ),
        ),
    }
    clear_unknowns(state);
}

/// The `delete` handler. A version some cluster still uses cannot be deleted: the error names
/// those clusters.
pub(super) async fn delete(req: DeleteRequest, resp: &mut DeleteResponse) {
    const SUMMARY: &str = "Delete Cluster Profile Error";
    let state = &req.state;
    let Some(uid) = state.get_str("id") else {
        return;
    };
    let name = state.get_str("name").unwrap_or_default();
    let version = state.get_str("version").unwrap_or_default();
    let (data, scope) = match PaletteData::connect(
        &req.provider_data,
        state.get_str("context").unwrap_or("project"),
        SUMMARY,
    )
    .await
    {
        Ok(connected) => connected,
        Err(diag) => return resp.diagnostics.push(diag),
    };
    data.lookups.profiles.forget(&scoped_key(&scope, uid));
    let err = match data.client.delete_cluster_profile(&scope, uid).await {
        Ok(()) => return,
        Err(err) if err.is_not_found() => return,
        Err(err) => err,
    };
    let users: Vec<String> = match data.client.get_cluster_profile(&scope, uid).await {
        Ok(profile) => profile
            .status
            .and_then(|s| s.in_use_clusters)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|c| c.name)
            .collect(),
        Err(_) => Vec::new(),
    };
    if users.is_empty() {
        resp.diagnostics.push(diagnostics::api_error(
            SUMMARY,
            &format!("deleting cluster profile {name:?} version {version}"),
            &err,
        ));
    } else {
        resp.diagnostics.push(Diagnostic::error(
            "Cluster Profile In Use",
            format!(
                "Cluster profile {name:?} version {version} is used by these clusters: {}. \
                 Palette deletes a profile version only when no cluster uses it: move those \
                 clusters to another version (or delete them) first.\n\nOriginal Error: {err}",
                users.join(", ")
            ),
        ));
    }
}
