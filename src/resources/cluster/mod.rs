//! `palette_cluster`: a layered stack deployed on one environment, waited for layer by layer,
//! and changed in place on day 2.
//!
//! # Lifecycle
//!
//! - **Plan** checks what can be checked without writing: exactly one environment block, the
//!   pools against that environment (sizing fields, a control-plane pool, `count` within
//!   `min..max`), then with read-only API calls that the cloud account exists and belongs to the
//!   environment and that the profiles make a complete stack (one infra or full profile).
//! - **Create** posts the cluster and records its uid in state at once, so an interrupted or
//!   failed wait never orphans it. It then waits per `wait_for` within `timeouts.create`.
//!   A layer in `Error` or a timeout fails the apply: the cluster stays in state, tainted, and
//!   the next apply replaces it. An interrupted apply (Ctrl-C) only warns: the cluster stays in
//!   state untainted, marked in private state as still being created, and the next plan shows
//!   an in-place update that resumes the wait instead of creating another cluster. The same
//!   mark makes a tainted cluster resume its wait once `terraform untaint` is run on it. A day-2
//!   wait cut short (interrupted or past `timeouts.update`) is marked the same way, so the next
//!   apply waits again. A refresh that finds the goal already reached drops the mark.
//! - **Read** follows drift: a pool resized, added or removed outside Terraform, a profile
//!   detached, pack values changed; a cluster that is gone is removed from state. The order of
//!   pools and profiles is the configuration's.
//! - **Update** (day 2): metadata, profile version bumps (`replaceWithProfile`), pack value
//!   overrides and variables, add-on profiles added or removed, worker pools added, resized,
//!   reordered or removed (pools are identified by name; an AKS pool's `is_system_node_pool`
//!   too), and the environment settings the
//!   environment lists as updatable (`Environment::updatable`, sent as one
//!   `PUT .../clusterConfig`); each followed by the layer-by-layer wait within
//!   `timeouts.update`. Every other environment field replaces the cluster, and so does a
//!   control-plane pool that is new by name or a pool's `control_plane` flipped: Palette keeps
//!   the control plane a cluster was created with.
//! - **Delete** waits until the cluster is gone within `timeouts.delete`; `force_delete` asks
//!   Palette to force it and says so in a warning.
//! - **Import** takes the uid or the name, optionally prefixed with `tenant/`.

use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::{Context, Diagnostic, Diagnostics, Resource, Schema, Value, ValueExt, async_trait};
use tokio::time::Instant;

use crate::diagnostics;
use crate::environments::ClusterSpec;
use crate::provider_data::PaletteData;
use crate::resources::timeouts;
use crate::wait::{Expect, Goal, WaitError};
use palette_stack::import_id::{ClusterTarget, parse_cluster_import_id};

mod checks;
mod delete;
mod list;
mod model;
mod network;
mod nodes;
mod plan;
mod policies;
mod read;
mod schema;
mod settings;
mod template;
#[cfg(test)]
mod tests;
mod update;
mod waiting;

use checks::{check_config, check_with_api};
use model::{Model, ProfileModel};
use plan::{keep_equivalent_text, new_control_planes, restore_unchanged_computed};
use read::{cloud_config_id, empty_state, read_for_refresh, read_remote, refresh, set_progress};
use schema::schema_v0;
use update::{apply_changes, resolve_edge_hosts};
use waiting::{finish, reached, wait_diagnostic};

pub(crate) use checks::declared_variables;
pub(crate) use list::ClusterList;
pub(crate) use read::{layer_type, layers_value};

/// The private-state key marking a cluster whose wait was cut short (interrupted, or timed out
/// on update): `"create"` or `"update"`. The next plan then shows an in-place update whose apply
/// resumes the wait.
const WAIT_PENDING: &str = "wait_pending";

/// Default timeouts.
const DEFAULT_TIMEOUTS: timeouts::Defaults = timeouts::Defaults {
    create: "60m",
    update: "60m",
    delete: "30m",
};

/// The name prefix of the carrier profiles `palette_pack` attaches; they belong to that
/// resource, not to the cluster's `cluster_profile` list.
const PACK_CARRIER_PREFIX: &str = "tf-pack-";

/// The `palette_cluster` resource.
pub(crate) struct ClusterResource;

/// After a create or update: the time zone Palette chose when the configuration left it unset
/// (unknown in the plan), or null when the cluster could not be read.
fn settle_settings(state: &mut Value, cluster: Option<&palette_api::models::SpectroCluster>) {
    if !state.get("cluster_timezone").is_some_and(Value::is_unknown) {
        return;
    }
    let zone = cluster
        .and_then(|c| c.spec.as_ref())
        .and_then(|s| s.cluster_config.as_ref())
        .and_then(|c| c.timezone.clone())
        .filter(|z| !z.is_empty());
    state.set(
        "cluster_timezone",
        zone.map(Value::from).unwrap_or(Value::Null),
    );
}

#[async_trait]
impl Resource for ClusterResource {
    fn type_name(&self) -> &str {
        "cluster"
    }

    fn schema(&self) -> Schema {
        schema_v0()
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        check_config(&req.config, &mut resp.diagnostics);
    }

    async fn modify_plan(
        &self,
        _ctx: &Context,
        req: ModifyPlanRequest,
        resp: &mut ModifyPlanResponse,
    ) {
        if req.plan.is_null() {
            if req.state.get_bool("force_delete") == Some(true) {
                resp.diagnostics.warning(
                    "Cluster Will Be Force Deleted",
                    format!(
                        "`force_delete` is set, so if cluster {:?} is still deleting after \
                         `force_delete_delay` ({}), the provider asks Palette to force the deletion. \
                         Cloud resources Palette cannot clean up are then left for you to remove by \
                         hand.",
                        req.state.get_str("name").unwrap_or_default(),
                        req.state
                            .get_str("force_delete_delay")
                            .unwrap_or(delete::DEFAULT_FORCE_DELETE_DELAY)
                    ),
                );
            }
            return;
        }
        keep_equivalent_text(&req.state, &mut resp.plan);
        settings::keep_unmanaged(&req.config, &req.state, &mut resp.plan);
        restore_unchanged_computed(&req.state, &mut resp.plan);
        nodes::check_plan(&req.state, &resp.plan, &mut resp.diagnostics);
        settings::check_change(&req.state, &resp.plan, &mut resp.diagnostics);
        plan::check_fixed_pool_fields(&req.state, &resp.plan, &mut resp.diagnostics);
        resp.requires_replace
            .extend(new_control_planes(&req.state, &resp.plan));
        resp.requires_replace
            .extend(template::replacement(&req.state, &resp.plan));
        // Resume an unfinished create: the computed results are not known until the wait ends.
        if !req.state.is_null() && req.private.get(WAIT_PENDING).is_some() {
            for name in ["state", "health", "layers", "kubeconfig"] {
                resp.plan.set(name, Value::unknown());
            }
        }
        let Some(data) = req.provider_data.get::<PaletteData>() else {
            return;
        };
        check_with_api(data, &req.config, &mut resp.diagnostics).await;
    }

    async fn create(&self, ctx: &Context, req: CreateRequest, resp: &mut CreateResponse) {
        const SUMMARY: &str = "Create Cluster Error";
        let started = Instant::now();
        let model = match Model::from_value(&req.plan) {
            Ok(model) => model,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let (data, scope) =
            match PaletteData::connect(&req.provider_data, &model.context, SUMMARY).await {
                Ok(connected) => connected,
                Err(diag) => return resp.diagnostics.push(diag),
            };
        let mut pools = model.pools.clone();
        if let Err(err) = resolve_edge_hosts(&data.client, &scope, &mut pools).await {
            return resp.diagnostics.push(diagnostics::api_error(
                SUMMARY,
                "listing edge hosts",
                &err,
            ));
        }
        let body = model.env.create_body(&ClusterSpec {
            metadata: model.metadata(),
            cloud_account_uid: model.cloud_account_id.clone(),
            profiles: match &model.template {
                Some(template) => template.entities(),
                None => model.profiles.iter().map(ProfileModel::entity).collect(),
            },
            block: &model.block,
            pools: &pools,
        });
        let body = body.with_template(model.template.as_ref().map(|t| t.reference()));
        let custom_cloud = body.is_custom_cloud();
        let body = body.with_settings(&palette_api::ClusterSettings {
            resources: policies::create_entity(&req.plan),
            policies: policies::create_policies(&req.plan),
            ..model.settings.create(custom_cloud)
        });
        let policies_later = !body.takes_policies();
        let uid = match ctx
            .run(data.client.create_cluster_idempotent(&scope, &body))
            .await
        {
            Err(why) => {
                return resp.diagnostics.error(
                    SUMMARY,
                    format!(
                        "Creating cluster {:?} was interrupted ({why}) before Palette answered. If Palette \
                         created it, import it with `terraform import` by its name.",
                        model.name
                    ),
                );
            }
            Ok(Err(err)) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("creating cluster {:?}", model.name),
                    &err,
                ));
            }
            Ok(Ok(uid)) => uid,
        };
        // From here on the state is saved whatever happens, so nothing is orphaned.
        resp.state.set("id", uid.clone());
        resp.state.set("cloud_config_id", "");
        set_progress(&mut resp.state, None, "");
        resp.private.set(WAIT_PENDING, serde_json::json!("create"));
        tracing::info!(cluster = %model.name, uid = %uid, "created cluster {:?} ({uid})", model.name);
        if policies_later {
            // This environment's create body takes no policies: they follow the create.
            let set = async {
                if let Some(backup) = &model.backup {
                    data.client
                        .set_cluster_backup(&scope, &uid, backup, true)
                        .await?;
                }
                if let Some(scan) = &model.scan {
                    data.client
                        .set_cluster_scan(&scope, &uid, scan, true)
                        .await?;
                }
                Ok::<(), palette_api::Error>(())
            };
            let failed = match ctx.run(set).await {
                Err(why) => Some(diagnostics::interrupted(
                    SUMMARY,
                    &format!("setting the backup and scan policies ({why})"),
                )),
                Ok(Err(err)) => Some(diagnostics::api_error(
                    SUMMARY,
                    "setting the backup and scan policies",
                    &err,
                )),
                Ok(Ok(())) => None,
            };
            if let Some(diag) = failed {
                // The cluster exists; the next plan shows the policies as still to set.
                resp.state.set("backup_policy", Value::Null);
                resp.state.set("scan_policy", Value::Null);
                resp.diagnostics.push(diag);
            }
        }
        // The settings the create body has no place for follow it.
        let carried = model.settings.carried_by_create(custom_cloud);
        if model.settings != carried {
            let applied = model
                .settings
                .apply(&data.client, &scope, &uid, &model.name, &carried);
            if let Err(diag) = ctx.run(applied).await.unwrap_or_else(|why| {
                Err(Diagnostic::error(
                    SUMMARY,
                    format!("Setting the cluster settings a create does not carry was interrupted ({why})."),
                ))
            }) {
                // The cluster exists; the state says what Palette has.
                settings::Settings::write_unapplied(&carried, &mut resp.state);
                resp.diagnostics.push(diag);
            }
        }

        let waited = finish(
            ctx,
            data,
            &scope,
            &uid,
            &model,
            started,
            model.timeouts.create,
            &Expect::default(),
        )
        .await;
        let config_id = cloud_config_id(&waited.cluster);
        resp.state.set("cloud_config_id", config_id);
        settle_settings(&mut resp.state, waited.cluster.as_ref());
        set_progress(
            &mut resp.state,
            waited.snapshot.as_ref(),
            &waited.kubeconfig,
        );
        match waited.error {
            None => {
                resp.private.remove(WAIT_PENDING);
            }
            Some(err) => resp.diagnostics.push(wait_diagnostic(
                "Create",
                &model.name,
                &uid,
                &err,
                model.timeouts.create,
            )),
        }
    }

    async fn read(&self, ctx: &Context, req: ReadRequest, resp: &mut ReadResponse) {
        const SUMMARY: &str = "Read Cluster Error";
        let Some(uid) = req.state.get_str("id").map(str::to_string) else {
            return resp.remove();
        };
        let context = req
            .state
            .get_str("context")
            .unwrap_or("project")
            .to_string();
        let (data, scope) = match PaletteData::connect(&req.provider_data, &context, SUMMARY).await
        {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let remote = match ctx
            .run(read_for_refresh(data, &scope, &uid, &req.state))
            .await
        {
            Err(why) => {
                return resp.diagnostics.error(
                    SUMMARY,
                    format!("Reading cluster {uid} was interrupted: {why}."),
                );
            }
            Ok(Err(err)) if err.is_not_found() => return resp.remove(),
            Ok(Err(err)) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("reading cluster {uid}"),
                    &err,
                ));
            }
            Ok(Ok(None)) => return resp.remove(),
            Ok(Ok(Some(remote))) => remote,
        };
        let mut warnings = Diagnostics::new();
        refresh(&mut resp.state, &remote, &mut warnings);
        resp.diagnostics.extend(warnings);
        // An unfinished create that has since finished by itself needs no resumed wait.
        if req.private.get(WAIT_PENDING).is_some() {
            let goal = Goal::from_wait_for(req.state.get_str("wait_for").unwrap_or("healthy"));
            if reached(&remote.snapshot, goal) {
                resp.private.remove(WAIT_PENDING);
            }
        }
    }

    async fn update(&self, ctx: &Context, req: UpdateRequest, resp: &mut UpdateResponse) {
        const SUMMARY: &str = "Update Cluster Error";
        let started = Instant::now();
        let (new, old) = match (Model::from_value(&req.plan), Model::from_value(&req.state)) {
            (Ok(new), Ok(old)) => (new, old),
            (Err(diag), _) | (_, Err(diag)) => return resp.diagnostics.push(diag),
        };
        let uid = req.state.get_str("id").unwrap_or_default().to_string();
        let config_uid = req
            .state
            .get_str("cloud_config_id")
            .unwrap_or_default()
            .to_string();
        resp.state.set("id", uid.clone());
        resp.state.set("cloud_config_id", config_uid.clone());
        let (data, scope) =
            match PaletteData::connect(&req.provider_data, &new.context, SUMMARY).await {
                Ok(connected) => connected,
                Err(diag) => {
                    set_progress(&mut resp.state, None, "");
                    return resp.diagnostics.push(diag);
                }
            };
        let _guard = data.lock_cluster(&uid).await;
        let changed = match ctx
            .run(apply_changes(
                &data.client,
                &scope,
                &uid,
                &config_uid,
                &old,
                &new,
            ))
            .await
        {
            Err(why) => Err(Diagnostic::error(
                SUMMARY,
                format!(
                    "Updating cluster {:?} was interrupted ({why}); run apply again to finish.",
                    new.name
                ),
            )),
            Ok(result) => result,
        };
        let expect = match changed {
            Ok(expect) => expect,
            Err(diag) => {
                // The changes made so far are in Palette; refresh what the state can say.
                if let Ok(Ok(Some(remote))) = ctx.run(read_remote(&data.client, &scope, &uid)).await
                {
                    set_progress(&mut resp.state, Some(&remote.snapshot), &remote.kubeconfig);
                } else {
                    set_progress(&mut resp.state, None, "");
                }
                return resp.diagnostics.push(diag);
            }
        };
        let pending = req.private.get(WAIT_PENDING) == Some(&serde_json::json!("create"));
        let limit = if pending {
            new.timeouts.create.max(new.timeouts.update)
        } else {
            new.timeouts.update
        };
        if new.apply_setting == settings::INSTALL_LATER && new.profiles != old.profiles {
            resp.diagnostics.warning(
                "Profile Change Awaits Apply",
                format!(
                    "The profile change to cluster {:?} was sent with `apply_setting = \"{}\"`: \
                     Palette downloads it and installs it when someone applies it on the cluster \
                     in Palette. Until then the cluster runs its layers as they were; `layers` \
                     shows them.",
                    new.name,
                    settings::INSTALL_LATER
                ),
            );
        }
        let waited = finish(ctx, data, &scope, &uid, &new, started, limit, &expect).await;
        settle_settings(&mut resp.state, waited.cluster.as_ref());
        set_progress(
            &mut resp.state,
            waited.snapshot.as_ref(),
            &waited.kubeconfig,
        );
        match waited.error {
            None => {
                resp.private.remove(WAIT_PENDING);
            }
            Some(err) => {
                let action = if pending { "Create" } else { "Update" };
                if matches!(
                    err,
                    WaitError::Interrupted { .. } | WaitError::TimedOut { .. }
                ) {
                    resp.private
                        .set(WAIT_PENDING, serde_json::json!(action.to_lowercase()));
                } else {
                    resp.private.remove(WAIT_PENDING);
                }
                resp.diagnostics
                    .push(wait_diagnostic(action, &new.name, &uid, &err, limit));
            }
        }
    }

    async fn delete(&self, ctx: &Context, req: DeleteRequest, resp: &mut DeleteResponse) {
        delete::delete(ctx, req, resp).await;
    }

    async fn import_state(
        &self,
        ctx: &Context,
        req: ImportStateRequest,
        resp: &mut ImportStateResponse,
    ) {
        const SUMMARY: &str = "Import Cluster Error";
        let id = match parse_cluster_import_id(&req.id) {
            Ok(id) => id,
            Err(err) => {
                return resp.diagnostics.error(
                    "Invalid Import ID",
                    format!(
                        "The import ID of a palette_cluster names one cluster: {err}. Examples: \
                         `prod-eks` (by name), `tenant/shared-edge`, or the cluster's uid."
                    ),
                );
            }
        };
        let context = id.scope.context();
        let uid = match id.target {
            ClusterTarget::Uid(uid) => uid,
            ClusterTarget::Name(name) => {
                let (data, scope) =
                    match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
                        Ok(connected) => connected,
                        Err(diag) => return resp.diagnostics.push(diag),
                    };
                match data.find_cluster_uid(ctx, &scope, &name, SUMMARY).await {
                    Ok(Some(uid)) => uid,
                    Ok(None) => {
                        return resp.diagnostics.error(
                            SUMMARY,
                            format!("No live cluster is named {name:?} in the {context} scope. Check the name, or import by uid."),
                        );
                    }
                    Err(diag) => return resp.diagnostics.push(diag),
                }
            }
        };
        resp.state = empty_state();
        resp.state.set("id", uid);
        resp.state.set("context", context);
        resp.state.set("wait_for", "healthy");
        resp.state.set("force_delete", false);
        resp.state
            .set("force_delete_delay", delete::DEFAULT_FORCE_DELETE_DELAY);
        resp.state.set("repave_approval", "automatic");
        resp.state.set("apply_setting", settings::INSTALL_NOW);
    }
}
