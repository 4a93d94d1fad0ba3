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
//!   overrides and variables, add-on profiles added or removed, pools added, resized or
//!   removed; each followed by the layer-by-layer wait within `timeouts.update`.
//! - **Delete** waits until the cluster is gone within `timeouts.delete`; `force_delete` asks
//!   Palette to force it and says so in a warning.
//! - **Import** takes the uid or the name, optionally prefixed with `tenant/`.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use palette_api::models::{
    ManifestRefUpdateEntity, ObjectMeta, ObjectMetaInputEntity, ObjectMetaInputEntitySchema,
    PackValuesEntity, SpectroCluster, SpectroClusterProfileEntity, SpectroClusterProfiles,
    SpectroClusterProfilesDeleteEntity, SpectroClusterVariable, SpectroClusterVariableUpdateEntity,
};
use palette_api::{Client, KubeconfigKind, Scope};
use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::resource::{
    CreateRequest, CreateResponse, DeleteRequest, DeleteResponse, ImportStateRequest,
    ImportStateResponse, ModifyPlanRequest, ModifyPlanResponse, ReadRequest, ReadResponse,
    UpdateRequest, UpdateResponse, ValidateConfigRequest, ValidateConfigResponse,
};
use tfplugin::validator::{one_of, regex_matches};
use tfplugin::{
    Attribute, AttributePath, Block, Context, Diagnostic, Diagnostics, NestedBlock, Nesting,
    Resource, Schema, Type, Value, ValueExt, async_trait,
};
use tokio::time::Instant;

use crate::diagnostics;
use crate::environments::{self, CloudConfigState, ClusterSpec, Environment, Pool};
use crate::import_id::{ClusterTarget, parse_cluster_import_id};
use crate::provider_data::PaletteData;
use crate::stack::environment_names::{Environment as Name, Scope as ProfileScope};
use crate::stack::layers::{ProfileInfo, ProfileType, check_cluster_stack};
use crate::stack::values;
use crate::wait::{self, Expect, Goal, Snapshot, WaitError, Waiter};

/// The private-state key marking a cluster whose wait was cut short (interrupted, or timed out
/// on update): `"create"` or `"update"`. The next plan then shows an in-place update whose apply
/// resumes the wait.
const WAIT_PENDING: &str = "wait_pending";

/// Default timeouts, as Terraform duration strings.
const DEFAULT_CREATE: &str = "60m";
const DEFAULT_UPDATE: &str = "60m";
const DEFAULT_DELETE: &str = "30m";

/// The name prefix of the carrier profiles `palette_pack` attaches; they belong to that
/// resource, not to the cluster's `cluster_profile` list.
const PACK_CARRIER_PREFIX: &str = "tf-pack-";

/// The `palette_cluster` resource.
pub(crate) struct ClusterResource;

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
                        "`force_delete` is set, so destroying cluster {:?} asks Palette to force the \
                         deletion. Cloud resources Palette cannot clean up are then left for you to \
                         remove by hand.",
                        req.state.get_str("name").unwrap_or_default()
                    ),
                );
            }
            return;
        }
        keep_equivalent_text(&req.state, &mut resp.plan);
        restore_unchanged_computed(&req.state, &mut resp.plan);
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
        let data = match req.provider_data.require::<PaletteData>() {
            Ok(data) => data,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let model = match Model::from_value(&req.plan) {
            Ok(model) => model,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let scope = match data.scope(&model.context).await {
            Ok(scope) => scope,
            Err(err) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "resolving the project",
                    &err,
                ));
            }
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
            profiles: model.profiles.iter().map(ProfileModel::entity).collect(),
            block: &model.block,
            pools: &pools,
        });
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
        let data = match req.provider_data.require::<PaletteData>() {
            Ok(data) => data,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let Some(uid) = req.state.get_str("id").map(str::to_string) else {
            return resp.remove();
        };
        let context = req
            .state
            .get_str("context")
            .unwrap_or("project")
            .to_string();
        let scope = match data.scope(&context).await {
            Ok(scope) => scope,
            Err(err) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "resolving the project",
                    &err,
                ));
            }
        };
        let remote = match ctx.run(read_remote(&data.client, &scope, &uid)).await {
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
        let data = match req.provider_data.require::<PaletteData>() {
            Ok(data) => data,
            Err(diag) => return resp.diagnostics.push(diag),
        };
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
        let scope = match data.scope(&new.context).await {
            Ok(scope) => scope,
            Err(err) => {
                set_progress(&mut resp.state, None, "");
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "resolving the project",
                    &err,
                ));
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
        let waited = finish(ctx, data, &scope, &uid, &new, started, limit, &expect).await;
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
        const SUMMARY: &str = "Delete Cluster Error";
        let started = Instant::now();
        let data = match req.provider_data.require::<PaletteData>() {
            Ok(data) => data,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let Some(uid) = req.state.get_str("id").map(str::to_string) else {
            return;
        };
        let name = req.state.get_str("name").unwrap_or_default().to_string();
        let context = req
            .state
            .get_str("context")
            .unwrap_or("project")
            .to_string();
        let force = req.state.get_bool("force_delete").unwrap_or(false);
        let limit = timeouts_of(&req.state)
            .map(|t| t.delete)
            .unwrap_or(Duration::from_secs(30 * 60));
        let scope = match data.scope(&context).await {
            Ok(scope) => scope,
            Err(err) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    "resolving the project",
                    &err,
                ));
            }
        };
        let _guard = data.lock_cluster(&uid).await;
        match ctx
            .run(data.client.delete_cluster(&scope, &uid, force))
            .await
        {
            Err(why) => {
                return resp.diagnostics.error(
                    SUMMARY,
                    format!("Deleting cluster {name:?} ({uid}) was interrupted ({why}); it stays in state. Run destroy again."),
                );
            }
            Ok(Err(err)) if err.is_not_found() => return,
            Ok(Err(err)) => {
                return resp.diagnostics.push(diagnostics::api_error(
                    SUMMARY,
                    &format!("deleting cluster {name:?} ({uid})"),
                    &err,
                ));
            }
            Ok(Ok(())) => {}
        }
        if force {
            resp.diagnostics.warning(
                "Cluster Force Deleted",
                format!(
                    "Cluster {name:?} ({uid}) was deleted with forceDelete=true. Palette removes it \
                     without waiting for its cloud resources to be cleaned up; check the cloud \
                     account for anything left behind."
                ),
            );
        }
        let waiter = Waiter {
            client: &data.client,
            scope: &scope,
            uid: &uid,
            name: &name,
            limit,
            started,
        };
        match waiter.until_deleted(ctx).await {
            Ok(()) | Err(WaitError::Gone) => {}
            Err(err) => {
                let mut diag = wait_diagnostic("Delete", &name, &uid, &err, limit);
                if matches!(err, WaitError::TimedOut { .. }) && !force {
                    diag.detail.push_str(
                        "\n\nIf the cluster is stuck deleting, set `force_delete = true`, apply, and destroy again.",
                    );
                }
                resp.diagnostics.push(diag);
            }
        }
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
                    SUMMARY,
                    format!(
                        "The import identifier is not one `palette_cluster` understands: {err}."
                    ),
                );
            }
        };
        let context = id.scope.context();
        let uid = match id.target {
            ClusterTarget::Uid(uid) => uid,
            ClusterTarget::Name(name) => {
                let data = match req.provider_data.require::<PaletteData>() {
                    Ok(data) => data,
                    Err(diag) => return resp.diagnostics.push(diag),
                };
                let scope = match data.scope(context).await {
                    Ok(scope) => scope,
                    Err(err) => {
                        return resp.diagnostics.push(diagnostics::api_error(
                            SUMMARY,
                            "resolving the project",
                            &err,
                        ));
                    }
                };
                match ctx
                    .run(data.client.find_cluster_by_name(&scope, &name))
                    .await
                {
                    Ok(Ok(Some(uid))) => uid,
                    Ok(Ok(None)) => {
                        return resp.diagnostics.error(
                            SUMMARY,
                            format!("No live cluster is named {name:?} in the {context} scope. Check the name, or import by uid."),
                        );
                    }
                    Ok(Err(err)) => {
                        return resp.diagnostics.push(diagnostics::api_error(
                            SUMMARY,
                            &format!("looking up cluster {name:?}"),
                            &err,
                        ));
                    }
                    Err(why) => {
                        return resp
                            .diagnostics
                            .error(SUMMARY, format!("The lookup was interrupted: {why}."));
                    }
                }
            }
        };
        resp.state = empty_state();
        resp.state.set("id", uid);
        resp.state.set("context", context);
        resp.state.set("wait_for", "healthy");
        resp.state.set("force_delete", false);
    }
}

/// The schema, version 0.
fn schema_v0() -> Schema {
    let layer = layer_type();
    let manifest = Block::new()
        .description("A per-cluster override of one manifest of the pack.")
        .attribute(
            Attribute::string("name")
                .required()
                .description("Name of the manifest in the profile's pack."),
        )
        .attribute(
            Attribute::string("content")
                .required()
                .description("The manifest's YAML for this cluster."),
        );
    let pack = Block::new()
        .description("A per-cluster override of one pack of the profile, by pack name.")
        .attribute(Attribute::string("name").required().description("Name of the pack in the profile."))
        .attribute(Attribute::string("tag").optional().description("The pack's tag; must be the tag the profile has."))
        .attribute(
            Attribute::string("values")
                .optional()
                .description("The pack's values (YAML) for this cluster; compared by meaning, so reformatting is no change."),
        )
        .block(NestedBlock::new("manifest", Nesting::List, manifest));
    let profile = Block::new()
        .description(
            "A cluster profile deployed on the cluster, in order. One infra or full profile provides the \
             core layers; add-on profiles add the rest. Changing `id` to another version of the same profile \
             upgrades the cluster in place.",
        )
        .attribute(Attribute::string("id").required().description("Uid of the profile version to deploy."))
        .attribute(
            Attribute::map("variables", Type::String)
                .optional()
                .description("Values of the profile's variables for this cluster."),
        )
        .block(NestedBlock::new("pack", Nesting::List, pack));
    let timeouts = Block::new()
        .description(
            "How long each operation may wait, as durations such as `60m`, `1h30m` or `90s`.",
        )
        .attribute(
            Attribute::string("create")
                .optional()
                .description("Create, including the wait (default `60m`)."),
        )
        .attribute(
            Attribute::string("update")
                .optional()
                .description("Day-2 update, including the wait (default `60m`)."),
        )
        .attribute(
            Attribute::string("delete")
                .optional()
                .description("Delete, until the cluster is gone (default `30m`)."),
        );

    let mut block = Block::new()
        .description(
            "A Kubernetes cluster deployed from cluster profiles on one environment, waited for layer by \
             layer, and changed in place on day 2 (profile upgrades, values, variables, add-on profiles, \
             machine pools).",
        )
        .attribute(
            Attribute::string("id").computed().description("Uid of the cluster.").plan_modifier(use_state_for_unknown()),
        )
        .attribute(
            Attribute::string("name")
                .required()
                .description("Cluster name: lowercase letters, digits and `-`. Changing it replaces the cluster.")
                .validator(regex_matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", "must be lowercase letters, digits and '-', not starting or ending with '-'"))
                .plan_modifier(requires_replace()),
        )
        .attribute(
            Attribute::string("context")
                .optional()
                .default("project")
                .validator(one_of(["project", "tenant"]))
                .description("Where the cluster lives: `project` (the provider's project, default) or `tenant`.")
                .plan_modifier(requires_replace()),
        )
        .attribute(Attribute::string("description").optional().description("Free-text description."))
        .attribute(Attribute::map("tags", Type::String).optional().description("Tags (labels) on the cluster."))
        .attribute(
            Attribute::string("cloud_account_id")
                .optional()
                .description(
                    "Uid of the cloud account to deploy with; required on every environment but `edge_native`. \
                     EKS takes AWS accounts, AKS Azure accounts, GKE GCP accounts. Changing it replaces the cluster.",
                )
                .plan_modifier(requires_replace()),
        )
        .attribute(
            Attribute::string("wait_for")
                .optional()
                .default("healthy")
                .validator(one_of(["healthy", "running", "none"]))
                .description(
                    "What create and update wait for: `healthy` (default: every layer ready and the cluster \
                     healthy), `running` (nodes up; layers may still be installing) or `none`.",
                ),
        )
        .attribute(
            Attribute::bool("force_delete")
                .optional()
                .default(false)
                .description("Ask Palette to force the deletion (cloud resources may be left behind)."),
        )
        .attribute(Attribute::string("state").computed().description("Cluster state (`Pending`, `Provisioning`, `Running`, ...)."))
        .attribute(Attribute::string("health").computed().description("Cluster health (`Healthy`, ...); empty until reported."))
        .attribute(
            Attribute::string("cloud_config_id")
                .computed()
                .description("Uid of the cluster's cloud config.")
                .plan_modifier(use_state_for_unknown()),
        )
        .attribute(
            Attribute::string("kubeconfig")
                .computed()
                .sensitive()
                .description("The cluster's client kubeconfig, when `store_kubeconfig` is true (empty otherwise, and until the cluster runs). Prefer the ephemeral `palette_kubeconfig`, which never enters state."),
        )
        .attribute(
            Attribute::bool("store_kubeconfig")
                .optional()
                .description("Keep the cluster's client kubeconfig in state, as `kubeconfig` (sensitive). Off by default: a kubeconfig is a credential, and the ephemeral `palette_kubeconfig` feeds other providers without storing it."),
        )
        .attribute(
            Attribute::list("layers", layer)
                .computed()
                .description("Every deployed pack in stack order: `name`, `layer`, `version`, `state` (the pack's condition) and `message`."),
        );
    for env_block in environments::environment_blocks() {
        block = block.block(env_block);
    }
    block = block
        .block(NestedBlock::new("cluster_profile", Nesting::List, profile).min_items(1))
        .block(environments::machine_pool_block())
        .block(NestedBlock::new("timeouts", Nesting::Single, timeouts));
    Schema::new(0, block)
}

/// Operation timeouts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Timeouts {
    create: Duration,
    update: Duration,
    delete: Duration,
}

/// Reads `timeouts` (defaults for unset ones); an error names the attribute.
fn timeouts_of(value: &Value) -> Result<Timeouts, (AttributePath, String)> {
    let block = value.get("timeouts").cloned().unwrap_or(Value::Null);
    let one = |name: &str, default: &str| {
        let text = block.get_str(name).unwrap_or(default);
        wait::parse_duration(text).map_err(|e| (AttributePath::root("timeouts").attr(name), e))
    };
    Ok(Timeouts {
        create: one("create", DEFAULT_CREATE)?,
        update: one("update", DEFAULT_UPDATE)?,
        delete: one("delete", DEFAULT_DELETE)?,
    })
}

/// One `cluster_profile` element.
#[derive(Debug, Clone, PartialEq)]
struct ProfileModel {
    id: String,
    variables: Option<BTreeMap<String, String>>,
    packs: Vec<PackOverride>,
}

/// One `cluster_profile.pack` element.
#[derive(Debug, Clone, PartialEq)]
struct PackOverride {
    name: String,
    tag: Option<String>,
    values: Option<String>,
    manifests: Vec<(String, String)>,
}

impl ProfileModel {
    fn from_value(value: &Value) -> ProfileModel {
        ProfileModel {
            id: value.get_str("id").unwrap_or_default().to_string(),
            variables: environments::get_string_map(value, "variables"),
            packs: elements(value, "pack")
                .iter()
                .map(|p| PackOverride {
                    name: p.get_str("name").unwrap_or_default().to_string(),
                    tag: environments::get_string(p, "tag"),
                    values: environments::get_string(p, "values"),
                    manifests: elements(p, "manifest")
                        .iter()
                        .map(|m| {
                            (
                                m.get_str("name").unwrap_or_default().to_string(),
                                m.get_str("content").unwrap_or_default().to_string(),
                            )
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The API entity attaching this profile.
    fn entity(&self) -> SpectroClusterProfileEntity {
        let pack_values: Vec<PackValuesEntity> = self
            .packs
            .iter()
            .map(|p| PackValuesEntity {
                name: p.name.clone(),
                tag: p.tag.clone(),
                values: p.values.clone(),
                manifests: (!p.manifests.is_empty()).then(|| {
                    p.manifests
                        .iter()
                        .map(|(name, content)| ManifestRefUpdateEntity {
                            name: name.clone(),
                            content: Some(content.clone()),
                            uid: None,
                        })
                        .collect()
                }),
                type_: None,
            })
            .collect();
        SpectroClusterProfileEntity {
            uid: Some(self.id.clone()),
            pack_values: (!pack_values.is_empty()).then_some(pack_values),
            variables: self.api_variables(),
            replace_with_profile: None,
        }
    }

    fn api_variables(&self) -> Option<Vec<SpectroClusterVariable>> {
        self.variables.as_ref().map(|vars| {
            vars.iter()
                .map(|(name, value)| SpectroClusterVariable {
                    name: name.clone(),
                    value: Some(value.clone()),
                })
                .collect()
        })
    }

    /// Whether the pack overrides mean the same as `other`'s (values compared by meaning).
    fn same_packs(&self, other: &ProfileModel) -> bool {
        self.packs.len() == other.packs.len()
            && self.packs.iter().zip(&other.packs).all(|(a, b)| {
                a.name == b.name
                    && a.tag == b.tag
                    && a.manifests.len() == b.manifests.len()
                    && a.manifests
                        .iter()
                        .zip(&b.manifests)
                        .all(|(x, y)| x.0 == y.0 && values::equivalent(&x.1, &y.1))
                    && match (&a.values, &b.values) {
                        (Some(x), Some(y)) => values::equivalent(x, y),
                        (None, None) => true,
                        _ => false,
                    }
            })
    }
}

/// The cluster's configuration as plain Rust.
struct Model {
    name: String,
    context: String,
    description: Option<String>,
    tags: Option<BTreeMap<String, String>>,
    cloud_account_id: Option<String>,
    env: &'static dyn Environment,
    block: Value,
    profiles: Vec<ProfileModel>,
    pools: Vec<Pool>,
    wait_for: String,
    timeouts: Timeouts,
}

impl Model {
    fn from_value(value: &Value) -> Result<Model, Diagnostic> {
        let Some((env, block)) = environment_of(value) else {
            return Err(Diagnostic::error(
                "Missing Environment Block",
                format!(
                    "Exactly one environment block is needed: one of {}.",
                    environment_keys()
                ),
            ));
        };
        let timeouts = timeouts_of(value)
            .map_err(|(path, e)| Diagnostic::error("Invalid Timeout", e).with_attribute(path))?;
        Ok(Model {
            name: value.get_str("name").unwrap_or_default().to_string(),
            context: value.get_str("context").unwrap_or("project").to_string(),
            description: environments::get_string(value, "description"),
            tags: environments::get_string_map(value, "tags"),
            cloud_account_id: environments::get_string(value, "cloud_account_id"),
            env,
            block: block.clone(),
            profiles: elements(value, "cluster_profile")
                .iter()
                .map(ProfileModel::from_value)
                .collect(),
            pools: elements(value, "machine_pool")
                .iter()
                .map(Pool::from_value)
                .collect(),
            wait_for: value.get_str("wait_for").unwrap_or("healthy").to_string(),
            timeouts,
        })
    }

    fn metadata(&self) -> ObjectMeta {
        ObjectMeta {
            name: Some(self.name.clone()),
            labels: self.tags.clone().filter(|t| !t.is_empty()),
            annotations: self
                .description
                .clone()
                .filter(|d| !d.is_empty())
                .map(|d| BTreeMap::from([("description".to_string(), d)])),
            ..Default::default()
        }
    }
}

/// The environment block that is set, and its value.
fn environment_of(value: &Value) -> Option<(&'static dyn Environment, &Value)> {
    environments::ALL.iter().find_map(|env| {
        let block = value.get(env.key())?;
        (!block.is_null()).then_some((*env, block))
    })
}

fn environment_keys() -> String {
    environments::ALL
        .iter()
        .map(|e| format!("`{}`", e.key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The elements of a list attribute or block (empty when null or unknown).
fn elements<'a>(value: &'a Value, name: &str) -> &'a [Value] {
    value
        .get(name)
        .and_then(Value::as_elements)
        .unwrap_or_default()
}

/// Checks of the configuration alone (no API): environment block, pools, timeouts.
fn check_config(config: &Value, diags: &mut Diagnostics) {
    let set: Vec<&'static dyn Environment> = environments::ALL
        .iter()
        .copied()
        .filter(|env| config.get(env.key()).is_some_and(|b| !b.is_null()))
        .collect();
    let env = match set.as_slice() {
        [] => {
            diags.error(
                "Missing Environment Block",
                format!(
                    "A cluster is deployed on exactly one environment; add one environment block: {}.",
                    environment_keys()
                ),
            );
            None
        }
        [one] => Some(*one),
        [first, rest @ ..] => {
            for other in rest {
                diags.attribute_error(
                    AttributePath::root(other.key()),
                    "Conflicting Environment Blocks",
                    format!(
                        "A cluster is deployed on exactly one environment, but both `{}` and `{}` are set. \
                         Keep one of them.",
                        first.key(),
                        other.key()
                    ),
                );
            }
            None
        }
    };
    if let Err((path, message)) = timeouts_of(config) {
        diags.attribute_error(path, "Invalid Timeout", format!("{message}."));
    }
    let Some(env) = env else { return };

    let account = config.get("cloud_account_id").unwrap_or(&Value::Null);
    match env.account_environment() {
        None if !account.is_null() => diags.attribute_error(
            AttributePath::root("cloud_account_id"),
            "Unexpected Cloud Account",
            format!("{} clusters take no cloud account; remove `cloud_account_id`.", env.display_name()),
        ),
        Some(kind) if account.is_null() => diags.attribute_error(
            AttributePath::root("cloud_account_id"),
            "Missing Cloud Account",
            format!(
                "{} clusters deploy with a {} cloud account; set `cloud_account_id` (for example from the \
                 `palette_cloud_account` data source).",
                env.display_name(),
                kind.display_name()
            ),
        ),
        _ => {}
    }

    let Some(pool_values) = config.get("machine_pool").and_then(Value::as_elements) else {
        return;
    };
    environments::check_pools(env, pool_values, diags);
    let mut names = BTreeSet::new();
    let mut control_planes = 0;
    let mut all_known = true;
    for (index, pool) in pool_values.iter().enumerate() {
        let path = AttributePath::root("machine_pool").index(index as i64);
        if let Some(name) = pool.get_str("name")
            && !names.insert(name.to_string())
        {
            diags.attribute_error(
                path.clone().attr("name"),
                "Duplicate Machine Pool",
                format!("Two machine pools are named {name:?}; pool names identify pools and must be unique."),
            );
        }
        match pool.get("control_plane") {
            Some(Value::Bool(true)) => {
                control_planes += 1;
                if env.managed_control_plane() {
                    diags.attribute_error(
                        path.clone().attr("control_plane"),
                        "Managed Control Plane",
                        format!(
                            "{} runs the Kubernetes control plane itself, so its machine pools are workers \
                             only. Remove `control_plane` from this pool.",
                            env.display_name()
                        ),
                    );
                }
            }
            Some(v) if v.is_unknown() => all_known = false,
            _ => {}
        }
        let count = pool.get_i64("count");
        for (bound, value) in [("min", pool.get_i64("min")), ("max", pool.get_i64("max"))] {
            if let (Some(count), Some(limit)) = (count, value) {
                let outside = if bound == "min" {
                    count < limit
                } else {
                    count > limit
                };
                if outside {
                    diags.attribute_error(
                        path.clone().attr("count"),
                        "Pool Size Out Of Range",
                        format!(
                            "Pool {:?} has count = {count}, outside its autoscaling range min = {} .. max = {}.",
                            pool.get_str("name").unwrap_or_default(),
                            pool.get_i64("min").map(|v| v.to_string()).unwrap_or_else(|| "count".into()),
                            pool.get_i64("max").map(|v| v.to_string()).unwrap_or_else(|| "count".into()),
                        ),
                    );
                }
            }
        }
        if let (Some(min), Some(max)) = (pool.get_i64("min"), pool.get_i64("max"))
            && min > max
        {
            diags.attribute_error(
                path.clone().attr("min"),
                "Pool Size Out Of Range",
                format!("min = {min} is above max = {max}."),
            );
        }
        if pool.get_bool("control_plane") == Some(true) && count == Some(0) {
            diags.attribute_error(
                path.attr("count"),
                "Empty Control Plane",
                "A control-plane pool needs at least one node.",
            );
        }
    }
    if control_planes == 0
        && all_known
        && !env.managed_control_plane()
        && pool_values
            .iter()
            .all(|p| p.is_fully_known() || p.get("control_plane").is_some_and(|v| !v.is_unknown()))
    {
        // Terraform can show an attribute's line but not a whole block list's: point at the
        // first pool's `control_plane`, where the fix goes.
        diags.attribute_error(
            AttributePath::root("machine_pool")
                .index(0)
                .attr("control_plane"),
            "Missing Control-Plane Pool",
            format!(
                "A {} cluster needs a machine pool with `control_plane = true` to run Kubernetes.",
                env.display_name()
            ),
        );
    }
    if let Some(block) = config.get(env.key()) {
        let pools: Vec<Pool> = pool_values.iter().map(Pool::from_value).collect();
        env.check(block, &AttributePath::root(env.key()), &pools, diags);
    }
}

/// Plan-time checks that read the API (no writes): the cloud account and the profiles.
async fn check_with_api(data: &PaletteData, config: &Value, diags: &mut Diagnostics) {
    let Some((env, _)) = environment_of(config) else {
        return;
    };
    let context = config.get_str("context").unwrap_or("project");
    let Ok(scope) = data.scope(context).await else {
        return;
    };

    if let (Some(account), Some(kind)) = (
        config.get_str("cloud_account_id"),
        env.account_environment(),
    ) {
        match data.client.list_cloud_account_summaries(&scope, None).await {
            Ok(accounts) => {
                let found = accounts
                    .iter()
                    .find(|a| a.metadata.as_ref().and_then(|m| m.uid.as_deref()) == Some(account));
                match found {
                    None => diags.attribute_error(
                        AttributePath::root("cloud_account_id"),
                        "Unknown Cloud Account",
                        format!("No cloud account has uid {account:?} in the {context} scope."),
                    ),
                    Some(found) => {
                        let account_env = found.kind.as_deref().and_then(account_environment);
                        if account_env != Some(kind) {
                            let name = found
                                .metadata
                                .as_ref()
                                .and_then(|m| m.name.clone())
                                .unwrap_or_default();
                            diags.attribute_error(
                                AttributePath::root("cloud_account_id"),
                                "Wrong Cloud Account",
                                format!(
                                    "Cloud account {name:?} is a {} account, but {} clusters deploy with {} \
                                     accounts.",
                                    found.kind.as_deref().unwrap_or("unknown"),
                                    env.display_name(),
                                    kind.display_name()
                                ),
                            );
                        }
                    }
                }
            }
            Err(err) => diags.push(
                diagnostics::api_error("Plan Cluster Error", "listing cloud accounts", &err)
                    .with_attribute(AttributePath::root("cloud_account_id")),
            ),
        }
    }

    check_edge_hosts(data, &scope, config, diags).await;

    let profiles = elements(config, "cluster_profile");
    let mut infos: Vec<(String, ProfileType, ProfileScope, Vec<String>, usize)> = Vec::new();
    let mut all_known = true;
    for (index, profile) in profiles.iter().enumerate() {
        let path = AttributePath::root("cluster_profile")
            .index(index as i64)
            .attr("id");
        let Some(id) = profile.get_str("id") else {
            all_known = false;
            continue;
        };
        match data.client.get_cluster_profile(&scope, id).await {
            Ok(found) => {
                let name = found
                    .metadata
                    .as_ref()
                    .and_then(|m| m.name.clone())
                    .unwrap_or_else(|| id.to_string());
                let template = found
                    .spec
                    .as_ref()
                    .and_then(|s| s.published.clone().or_else(|| s.draft.clone()));
                let template = template.unwrap_or_default();
                let Ok(kind) = ProfileType::from_api(template.type_.as_deref().unwrap_or("add-on"))
                else {
                    all_known = false;
                    continue;
                };
                let scope_of =
                    ProfileScope::from_cloud_type(template.cloud_type.as_deref().unwrap_or("all"))
                        .unwrap_or(ProfileScope::All);
                let packs = template
                    .packs
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| p.name)
                    .collect();
                for over in elements(profile, "pack") {
                    if let Some(pack) = over.get_str("name")
                        && !template_has_pack(&found, pack)
                    {
                        diags.attribute_error(
                            path.clone().attr("pack"),
                            "Unknown Pack Override",
                            format!("Profile {name:?} has no pack named {pack:?}; overrides name packs of the profile."),
                        );
                    }
                }
                infos.push((name, kind, scope_of, packs, index));
            }
            Err(err) if err.is_not_found() => {
                all_known = false;
                diags.attribute_error(
                    path,
                    "Unknown Cluster Profile",
                    format!("No cluster profile has uid {id:?} in the {context} scope."),
                );
            }
            Err(err) => {
                all_known = false;
                diags.push(
                    diagnostics::api_error(
                        "Plan Cluster Error",
                        &format!("reading cluster profile {id}"),
                        &err,
                    )
                    .with_attribute(path),
                );
            }
        }
    }
    let infos_ref: Vec<ProfileInfo<'_>> = infos
        .iter()
        .map(|(name, kind, scope_of, packs, index)| ProfileInfo {
            name,
            profile_type: *kind,
            environment: *scope_of,
            pack_names: packs,
            index: *index,
        })
        .collect();
    for issue in check_cluster_stack(env.name(), &infos_ref) {
        match issue.index {
            Some(index) => diags.attribute_error(
                AttributePath::root("cluster_profile")
                    .index(index as i64)
                    .attr("id"),
                "Invalid Cluster Stack",
                format!("{}.", upper_first(&issue.message)),
            ),
            // Only complete when every profile was read: an unknown id may be the core profile.
            None if all_known => diags.attribute_error(
                AttributePath::root("cluster_profile").index(0).attr("id"),
                "Missing Infrastructure Profile",
                format!(
                    "{}. Add-on profiles alone cannot make a cluster.",
                    upper_first(&issue.message)
                ),
            ),
            None => {}
        }
    }
}

/// Checks that every edge host a pool lists exists (by uid or name).
async fn check_edge_hosts(
    data: &PaletteData,
    scope: &Scope,
    config: &Value,
    diags: &mut Diagnostics,
) {
    let pools = elements(config, "machine_pool");
    let listed: Vec<(usize, Vec<String>)> = pools
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, environments::get_strings(p, "edge_hosts")?)))
        .collect();
    if listed.is_empty() {
        return;
    }
    let hosts = match data
        .client
        .list_edge_hosts_metadata(scope, None, false)
        .await
    {
        Ok(hosts) => hosts,
        Err(err) => {
            return diags.push(diagnostics::api_error(
                "Plan Cluster Error",
                "listing edge hosts",
                &err,
            ));
        }
    };
    for (index, names) in listed {
        for host in names {
            let known = hosts.iter().any(|m| {
                m.uid.as_deref() == Some(host.as_str()) || m.name.as_deref() == Some(host.as_str())
            });
            if !known {
                let mut offered: Vec<String> =
                    hosts.iter().filter_map(|m| m.name.clone()).collect();
                offered.sort();
                diags.attribute_error(
                    AttributePath::root("machine_pool")
                        .index(index as i64)
                        .attr("edge_hosts"),
                    "Unknown Edge Host",
                    format!(
                        "No edge host has uid or name {host:?}. Registered edge hosts: {}.",
                        if offered.is_empty() {
                            "none".to_string()
                        } else {
                            offered.join(", ")
                        }
                    ),
                );
            }
        }
    }
}

fn template_has_pack(profile: &palette_api::models::ClusterProfile, pack: &str) -> bool {
    profile
        .spec
        .iter()
        .flat_map(|s| s.published.iter().chain(s.draft.iter()))
        .flat_map(|t| t.packs.iter().flatten())
        .any(|p| p.name == pack)
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The environment of a cloud account `kind` (`tencent` is TKE's).
fn account_environment(kind: &str) -> Option<Name> {
    match kind {
        "tencent" => Some(Name::Tke),
        other => Name::from_cloud_type(other),
    }
}

/// What a create or update saw at the end of its wait.
struct Waited {
    cluster: Option<SpectroCluster>,
    snapshot: Option<Snapshot>,
    kubeconfig: String,
    error: Option<WaitError>,
}

/// Waits per `wait_for`, then reads the cluster's final view (state, layers, kubeconfig).
#[allow(clippy::too_many_arguments)]
async fn finish(
    ctx: &Context,
    data: &PaletteData,
    scope: &Scope,
    uid: &str,
    model: &Model,
    started: Instant,
    limit: Duration,
    expect: &Expect,
) -> Waited {
    let waiter = Waiter {
        client: &data.client,
        scope,
        uid,
        name: &model.name,
        limit,
        started,
    };
    let (snapshot, error) = match Goal::from_wait_for(&model.wait_for) {
        Some(goal) => match waiter.until(ctx, goal, expect).await {
            Ok(snapshot) => (Some(snapshot), None),
            Err(err) => {
                let last = match &err {
                    WaitError::LayerFailed { last, .. } | WaitError::ClusterFailed { last } => {
                        Some((**last).clone())
                    }
                    WaitError::TimedOut { last, .. } | WaitError::Interrupted { last } => {
                        last.as_deref().cloned()
                    }
                    _ => None,
                };
                (last, Some(err))
            }
        },
        None => (None, None),
    };
    // A final read fills in what the wait did not (always for wait_for = "none"). It is skipped
    // after an interruption, which must return at once.
    let interrupted = matches!(error, Some(WaitError::Interrupted { .. }));
    let mut kubeconfig = String::new();
    let mut cluster = snapshot.as_ref().map(|s| s.cluster.clone());
    let mut snapshot = snapshot;
    if !interrupted
        && let Ok(Ok(Some(remote))) = ctx.run(read_remote(&data.client, scope, uid)).await
    {
        kubeconfig = remote.kubeconfig.clone();
        cluster = Some(remote.cluster.clone());
        if snapshot.is_none() || error.is_none() {
            snapshot = Some(remote.snapshot.clone());
        }
    }
    Waited {
        cluster,
        snapshot,
        kubeconfig,
        error,
    }
}

/// Whether a snapshot already satisfies `goal` (`None`: nothing to wait for).
fn reached(snapshot: &Snapshot, goal: Option<Goal>) -> bool {
    match goal {
        None => true,
        Some(Goal::Running) => snapshot.state == "Running",
        Some(Goal::Healthy) => {
            snapshot.state == "Running"
                && snapshot.layers.iter().all(|l| l.ready)
                && snapshot.health.as_deref() == Some("Healthy")
        }
    }
}

/// The diagnostic of a wait that did not reach its goal.
fn wait_diagnostic(
    action: &str,
    name: &str,
    uid: &str,
    err: &WaitError,
    limit: Duration,
) -> Diagnostic {
    match err {
        WaitError::LayerFailed { layer, last } => Diagnostic::error(
            format!("Cluster Layer Failed: {}", layer.name),
            format!(
                "{action} of cluster {name:?} ({uid}) failed: layer {} (pack {} {}) went to Error: {}\n\n\
                 The cluster stays in state; Terraform marks it tainted, so the next apply replaces it. \
                 Fix the pack's values or version first.\n\nLast seen: {}",
                layer.layer,
                layer.name,
                layer.version,
                if layer.message.is_empty() {
                    "no message from Palette"
                } else {
                    &layer.message
                },
                last.summary()
            ),
        ),
        WaitError::ClusterFailed { last } => Diagnostic::error(
            "Cluster Failed",
            format!(
                "{action} of cluster {name:?} ({uid}) failed: {}.\n\nThe cluster stays in state; the next \
                 apply replaces it.",
                last.summary()
            ),
        ),
        WaitError::TimedOut { .. } => Diagnostic::error(
            format!("Cluster {action} Timed Out"),
            format!(
                "Cluster {name:?} ({uid}) did not finish within {} ({err}).\n\nThe cluster stays in \
                 state{}. Raise `timeouts.{}` if it is just slow.",
                wait::format_duration(limit),
                if action == "Create" {
                    "; Terraform marks it tainted, so the next apply replaces it. To keep it and resume \
                     waiting instead, run `terraform untaint` on it before the next apply"
                } else {
                    "; the next apply waits for it again"
                },
                action.to_lowercase()
            ),
        ),
        WaitError::Interrupted { .. } => Diagnostic::warning(
            format!("Cluster {action} Interrupted"),
            format!(
                "Terraform was interrupted while waiting for cluster {name:?} ({uid}); {err}.\n\nThe cluster \
                 exists and stays in state. The next apply resumes the wait (an in-place update) instead \
                 of creating another cluster."
            ),
        ),
        WaitError::Gone => Diagnostic::error(
            format!("{action} Cluster Error"),
            format!(
                "Cluster {name:?} ({uid}) disappeared or started deleting while Terraform waited for it."
            ),
        ),
        WaitError::Api(api) => diagnostics::api_error(
            &format!("{action} Cluster Error"),
            &format!("waiting for cluster {name:?} ({uid})"),
            api,
        ),
    }
}

/// Everything read about a cluster for a refresh.
#[derive(Clone)]
struct Remote {
    cluster: SpectroCluster,
    snapshot: Snapshot,
    env: Option<&'static dyn Environment>,
    cloud_config: Option<CloudConfigState>,
    variables: BTreeMap<String, BTreeMap<String, String>>,
    kubeconfig: String,
}

/// Reads the cluster, its cloud config, variables, health and kubeconfig; `None` when the
/// cluster is deleted.
async fn read_remote(
    client: &Client,
    scope: &Scope,
    uid: &str,
) -> Result<Option<Remote>, palette_api::Error> {
    let cluster = client.get_cluster(scope, uid).await?;
    let mut snapshot = Snapshot::of(cluster.clone(), None);
    if snapshot.state == "Deleted" {
        return Ok(None);
    }
    let spec = cluster.spec.clone().unwrap_or_default();
    let env = spec
        .cloud_type
        .as_deref()
        .and_then(environments::by_cloud_type);
    let config_uid = spec.cloud_config_ref.as_ref().and_then(|r| r.uid.clone());
    let cloud_config = match (env, config_uid) {
        (Some(env), Some(config_uid)) => {
            match client
                .get_cloud_config::<serde_json::Value>(scope, &env.api_cloud_type(), &config_uid)
                .await
            {
                Ok(body) => env.read_cloud_config(body).ok(),
                Err(err) if err.is_not_found() => None,
                Err(err) => return Err(err),
            }
        }
        _ => None,
    };
    let variables = match client.get_cluster_variables(scope, uid).await {
        Ok(list) => list
            .into_iter()
            .map(|v| {
                let vars = v
                    .variables
                    .unwrap_or_default()
                    .into_iter()
                    .map(|var| (var.name, var.value.unwrap_or_default()))
                    .collect();
                (v.profile_uid, vars)
            })
            .collect(),
        Err(err) if err.is_not_found() => BTreeMap::new(),
        Err(err) => return Err(err),
    };
    match client.get_cluster_overview(scope, uid).await {
        Ok(overview) => snapshot.health = wait::health_of(&overview),
        Err(err) if err.is_not_found() => {}
        Err(err) => return Err(err),
    }
    let kubeconfig = if snapshot.state == "Running" {
        client
            .get_kubeconfig(scope, uid, KubeconfigKind::Client)
            .await?
            .unwrap_or_default()
    } else {
        String::new()
    };
    Ok(Some(Remote {
        cluster,
        snapshot,
        env,
        cloud_config,
        variables,
        kubeconfig,
    }))
}

/// The cluster's cloud config uid.
fn cloud_config_id(cluster: &Option<SpectroCluster>) -> String {
    cluster
        .as_ref()
        .and_then(|c| c.spec.as_ref())
        .and_then(|s| s.cloud_config_ref.as_ref())
        .and_then(|r| r.uid.clone())
        .unwrap_or_default()
}

/// Sets the computed progress attributes (`state`, `health`, `layers`, `kubeconfig`).
fn set_progress(state: &mut Value, snapshot: Option<&Snapshot>, kubeconfig: &str) {
    match snapshot {
        Some(s) => {
            state.set("state", s.state.clone());
            state.set("health", s.health.clone().unwrap_or_default());
            state.set("layers", layers_value(s));
        }
        None => {
            if state.get_str("state").is_none() {
                state.set("state", "Pending");
            }
            if state.get_str("health").is_none() {
                state.set("health", "");
            }
            if state
                .get("layers")
                .is_none_or(|l| l.as_elements().is_none())
            {
                state.set("layers", Value::List(Vec::new()));
            }
        }
    }
    // The kubeconfig enters state only when asked for: the ephemeral `palette_kubeconfig`
    // hands it to other providers without storing it anywhere.
    let stored = if state.get_bool("store_kubeconfig") == Some(true) {
        kubeconfig.to_string()
    } else {
        String::new()
    };
    state.set("kubeconfig", stored);
}

/// The type of one element of `layers`, shared with the `palette_cluster` data source.
pub(crate) fn layer_type() -> Type {
    Type::object([
        ("name", Type::String),
        ("layer", Type::String),
        ("version", Type::String),
        ("state", Type::String),
        ("message", Type::String),
    ])
}

/// The `layers` value of a cluster: every deployed pack in stack order.
pub(crate) fn layers_value(snapshot: &Snapshot) -> Value {
    Value::List(
        snapshot
            .layers
            .iter()
            .map(|l| {
                object([
                    ("name", Value::from(l.name.clone())),
                    ("layer", Value::from(l.layer.clone())),
                    ("version", Value::from(l.version.clone())),
                    ("state", Value::from(l.state.clone())),
                    ("message", Value::from(l.message.clone())),
                ])
            })
            .collect(),
    )
}

fn object<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// A state object with every attribute null and every list block empty (for import).
fn empty_state() -> Value {
    null_object(&schema_v0().block)
}

fn null_object(block: &Block) -> Value {
    let mut out = BTreeMap::new();
    for attribute in &block.attributes {
        out.insert(attribute.name.clone(), Value::Null);
    }
    for nested in &block.blocks {
        let empty = match nested.nesting {
            Nesting::List | Nesting::Set => Value::List(Vec::new()),
            Nesting::Map => Value::Map(BTreeMap::new()),
            Nesting::Single | Nesting::Group => Value::Null,
        };
        out.insert(nested.type_name.clone(), empty);
    }
    Value::Object(out)
}

/// Refreshes a state from what Palette reports. Fields the state leaves null stay null unless
/// the state is an import (no name yet), which takes everything Palette reports.
fn refresh(state: &mut Value, remote: &Remote, warnings: &mut Diagnostics) {
    let importing = state.get_str("name").is_none();
    let meta = remote.cluster.metadata.clone().unwrap_or_default();
    if let Some(name) = meta.name.clone() {
        state.set("name", name);
    }
    // Tags and description.
    let labels = meta.labels.clone().unwrap_or_default();
    let prior_tags = state.get("tags").cloned().unwrap_or(Value::Null);
    let tags = if labels.is_empty() {
        if prior_tags.as_map().is_some_and(|m| m.is_empty()) {
            prior_tags
        } else {
            Value::Null
        }
    } else {
        Value::Map(
            labels
                .into_iter()
                .map(|(k, v)| (k, Value::from(v)))
                .collect(),
        )
    };
    state.set("tags", tags);
    let description = meta
        .annotations
        .as_ref()
        .and_then(|a| a.get("description"))
        .cloned()
        .filter(|d| !d.is_empty());
    let prior_description = state.get("description").cloned().unwrap_or(Value::Null);
    state.set(
        "description",
        match description {
            Some(d) => Value::from(d),
            None if prior_description.as_str() == Some("") => prior_description,
            None => Value::Null,
        },
    );

    // The environment block, the account and the pools.
    let Some(env) = remote.env else {
        warnings.warning(
            "Unknown Cluster Environment",
            format!(
                "Palette reports cloud type {:?} for this cluster, which this provider does not manage; \
                 only its status is refreshed.",
                remote.cluster.spec.as_ref().and_then(|s| s.cloud_type.clone()).unwrap_or_default()
            ),
        );
        refresh_computed(state, remote);
        return;
    };
    if let Some(config) = &remote.cloud_config {
        refresh_block(state, env, config, importing);
        if importing || state.get_str("cloud_account_id").is_some() {
            state.set(
                "cloud_account_id",
                environments::opt_str(&config.account_uid),
            );
        }
        refresh_pools(state, env, config, importing);
    }
    refresh_profiles(state, remote, importing);
    refresh_computed(state, remote);
}

fn refresh_computed(state: &mut Value, remote: &Remote) {
    state.set(
        "cloud_config_id",
        cloud_config_id(&Some(remote.cluster.clone())),
    );
    set_progress(state, Some(&remote.snapshot), &remote.kubeconfig);
}

fn refresh_block(
    state: &mut Value,
    env: &dyn Environment,
    config: &CloudConfigState,
    importing: bool,
) {
    let prior = state.get(env.key()).cloned().unwrap_or(Value::Null);
    let mut block = match prior {
        Value::Object(map) => map,
        _ if importing => env
            .attributes()
            .into_iter()
            .map(|a| (a.name, Value::Null))
            .collect(),
        _ => return,
    };
    for attribute in env.attributes() {
        let Some(reported) = config.block.get(attribute.name.as_str()) else {
            continue;
        };
        let slot = block.entry(attribute.name.clone()).or_insert(Value::Null);
        if importing || !slot.is_null() {
            *slot = reported.clone();
        }
    }
    state.set(env.key(), Value::Object(block));
}

fn refresh_pools(
    state: &mut Value,
    env: &dyn Environment,
    config: &CloudConfigState,
    importing: bool,
) {
    let reported = &config.pools;
    let prior: Vec<Value> = elements(state, "machine_pool").to_vec();
    let mut out = Vec::new();
    for pool in &prior {
        let name = pool.get_str("name").unwrap_or_default();
        let Some(api) = reported.iter().find(|p| p.name == name) else {
            // Removed outside Terraform: the plan adds it back.
            continue;
        };
        let mut pool = pool.clone();
        let sizing = env.sizing();
        for field in environments::SizingField::ALL {
            let taken = sizing.iter().any(|s| s.field == field);
            let mut value = api.sizing_value(field);
            if field == environments::SizingField::EdgeHosts
                && let (Some(hosts), Some(prior)) = (
                    &api.edge_hosts,
                    environments::get_strings(&pool, "edge_hosts"),
                )
            {
                // Keep a host written by name as its name.
                let named: Vec<String> = hosts
                    .iter()
                    .map(|uid| match config.host_names.get(uid) {
                        Some(name) if !prior.contains(uid) && prior.contains(name) => name.clone(),
                        _ => uid.clone(),
                    })
                    .collect();
                value = environments::opt_list(&Some(named));
            }
            let prior_set = pool.get(field.attr()).is_some_and(|v| !v.is_null());
            let always = matches!(
                field,
                environments::SizingField::Count | environments::SizingField::EdgeHosts
            );
            if taken && !value.is_null() && (prior_set || always) {
                pool.set(field.attr(), value);
            }
        }
        for (field, value) in [("min", api.min), ("max", api.max)] {
            if pool.get(field).is_some_and(|v| !v.is_null())
                && let Some(value) = value
            {
                pool.set(field, value);
            }
        }
        if !env.managed_control_plane() {
            pool.set("control_plane", api.control_plane);
            if pool.get_bool("control_plane") == Some(true) {
                pool.set("control_plane_as_worker", api.control_plane_as_worker);
            }
        }
        let prior_labels = pool.get("labels").cloned().unwrap_or(Value::Null);
        pool.set(
            "labels",
            if api.labels.is_empty() {
                if prior_labels.as_map().is_some_and(|m| m.is_empty()) {
                    prior_labels
                } else {
                    Value::Null
                }
            } else {
                Value::Map(
                    api.labels
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::from(v.clone())))
                        .collect(),
                )
            },
        );
        pool.set("taints", environments::taints_value(&api.taints));
        out.push(pool);
    }
    // Pools added outside Terraform show as drift (the plan removes them); an import takes all.
    for api in reported {
        if !out
            .iter()
            .any(|p| p.get_str("name") == Some(api.name.as_str()))
        {
            let mut pool = api.clone();
            // An autoscaling range equal to the size is what leaving min and max out means.
            if pool.min == pool.count {
                pool.min = None;
            }
            if pool.max == pool.count {
                pool.max = None;
            }
            if !importing {
                // Only the identity and size: enough for the plan to show what it removes.
                pool = Pool {
                    min: None,
                    max: None,
                    ..pool
                };
            }
            let mut value = environments::pool_to_value(&pool);
            if !env
                .sizing()
                .iter()
                .any(|s| s.field == environments::SizingField::Count)
            {
                value.set("count", Value::Null);
            }
            for field in environments::SizingField::ALL {
                if !env.sizing().iter().any(|s| s.field == field) {
                    value.set(field.attr(), Value::Null);
                }
            }
            out.push(value);
        }
    }
    state.set("machine_pool", Value::List(out));
}

fn refresh_profiles(state: &mut Value, remote: &Remote, importing: bool) {
    let templates = remote
        .cluster
        .spec
        .as_ref()
        .and_then(|s| s.cluster_profile_templates.clone())
        .unwrap_or_default();
    let prior: Vec<Value> = elements(state, "cluster_profile").to_vec();
    let mut out = Vec::new();
    for profile in &prior {
        let id = profile.get_str("id").unwrap_or_default();
        let Some(template) = templates.iter().find(|t| t.uid.as_deref() == Some(id)) else {
            // Detached outside Terraform: the plan attaches it again.
            continue;
        };
        let mut profile = profile.clone();
        let packs: Vec<Value> = elements(&profile, "pack")
            .iter()
            .map(|pack| {
                let mut pack = pack.clone();
                let name = pack.get_str("name").unwrap_or_default().to_string();
                if let Some(api) = template.packs.iter().flatten().find(|p| p.name == name) {
                    if pack.get_str("tag").is_some()
                        && let Some(tag) = &api.tag
                    {
                        pack.set("tag", tag.clone());
                    }
                    if let (Some(mine), Some(theirs)) =
                        (pack.get_str("values").map(str::to_string), &api.values)
                        && !values::equivalent(&mine, theirs)
                    {
                        pack.set("values", theirs.clone());
                    }
                    // NOTE(next): manifest overrides are not read back: the profile template's
                    // `PackRef.manifests` are references without content.
                }
                pack
            })
            .collect();
        profile.set("pack", Value::List(packs));
        if let Some(mine) = profile.get("variables").and_then(Value::as_map).cloned()
            && let Some(theirs) = remote.variables.get(id)
        {
            let refreshed: BTreeMap<String, Value> = mine
                .into_iter()
                .map(|(k, v)| {
                    let value = theirs.get(&k).map(|t| Value::from(t.clone())).unwrap_or(v);
                    (k, value)
                })
                .collect();
            profile.set("variables", Value::Map(refreshed));
        }
        out.push(profile);
    }
    if importing {
        for template in &templates {
            let uid = template.uid.clone().unwrap_or_default();
            if template
                .name
                .as_deref()
                .is_some_and(|n| n.starts_with(PACK_CARRIER_PREFIX))
            {
                continue;
            }
            out.push(object([
                ("id", Value::from(uid)),
                ("variables", Value::Null),
                ("pack", Value::List(Vec::new())),
            ]));
        }
    }
    state.set("cluster_profile", Value::List(out));
}

/// Applies a day-2 change; returns what the wait must then see.
async fn apply_changes(
    client: &Client,
    scope: &Scope,
    uid: &str,
    config_uid: &str,
    old: &Model,
    new: &Model,
) -> Result<Expect, Diagnostic> {
    const SUMMARY: &str = "Update Cluster Error";
    let fail =
        |what: String| move |err: palette_api::Error| diagnostics::api_error(SUMMARY, &what, &err);

    // Metadata: tags and description.
    if old.tags != new.tags || old.description != new.description {
        let meta = new.metadata();
        let body = ObjectMetaInputEntitySchema {
            metadata: ObjectMetaInputEntity {
                name: meta.name,
                labels: Some(meta.labels.unwrap_or_default()),
                annotations: Some(meta.annotations.unwrap_or_else(|| {
                    BTreeMap::from([("description".to_string(), String::new())])
                })),
            },
        };
        client
            .patch_cluster_metadata(scope, uid, &body)
            .await
            .map_err(fail(format!(
                "updating the tags and description of cluster {:?}",
                new.name
            )))?;
    }

    // Profiles: version bumps replace the old uid, changed overrides re-apply, removed add-ons go.
    let old_ids: Vec<&str> = old.profiles.iter().map(|p| p.id.as_str()).collect();
    let new_ids: Vec<&str> = new.profiles.iter().map(|p| p.id.as_str()).collect();
    let removed: Vec<&str> = old_ids
        .iter()
        .copied()
        .filter(|id| !new_ids.contains(id))
        .collect();
    let added: Vec<&ProfileModel> = new
        .profiles
        .iter()
        .filter(|p| !old_ids.contains(&p.id.as_str()))
        .collect();
    let mut replaced: BTreeSet<String> = BTreeSet::new();
    let mut entries = Vec::new();
    if !added.is_empty() {
        let cluster = client
            .get_cluster(scope, uid)
            .await
            .map_err(fail(format!("reading cluster {:?}", new.name)))?;
        let attached: Vec<(String, String, String)> = cluster
            .spec
            .and_then(|s| s.cluster_profile_templates)
            .unwrap_or_default()
            .into_iter()
            .map(|t| {
                (
                    t.uid.unwrap_or_default(),
                    t.name.unwrap_or_default(),
                    t.type_.unwrap_or_default(),
                )
            })
            .collect();
        for profile in &added {
            let found = client
                .get_cluster_profile(scope, &profile.id)
                .await
                .map_err(fail(format!("reading cluster profile {}", profile.id)))?;
            let name = found
                .metadata
                .as_ref()
                .and_then(|m| m.name.clone())
                .unwrap_or_default();
            let kind = found
                .spec
                .as_ref()
                .and_then(|s| s.published.as_ref().or(s.draft.as_ref()))
                .and_then(|t| t.type_.clone())
                .unwrap_or_default();
            let core = |t: &str| t == "cluster" || t == "infra";
            let replaces = attached
                .iter()
                .filter(|(id, _, _)| removed.contains(&id.as_str()) && !replaced.contains(id))
                .find(|(_, n, t)| *n == name || (core(&kind) && core(t)))
                .map(|(id, _, _)| id.clone());
            let mut entity = profile.entity();
            if let Some(old_id) = replaces {
                tracing::info!(cluster = %new.name, "replacing profile {old_id} with {} ({name})", profile.id);
                replaced.insert(old_id.clone());
                entity.replace_with_profile = Some(old_id);
            }
            entries.push(entity);
        }
    }
    let mut variable_updates = Vec::new();
    for profile in &new.profiles {
        let Some(before) = old.profiles.iter().find(|p| p.id == profile.id) else {
            continue;
        };
        if !profile.same_packs(before) {
            entries.push(profile.entity());
        } else if profile.variables != before.variables {
            variable_updates.push(SpectroClusterVariableUpdateEntity {
                profile_uid: profile.id.clone(),
                variables: profile.api_variables(),
            });
        }
    }
    if !entries.is_empty() {
        let body = SpectroClusterProfiles {
            profiles: entries,
            spc_apply_settings: None,
        };
        client
            .patch_cluster_profiles(scope, uid, &body, true)
            .await
            .map_err(fail(format!(
                "updating the profiles of cluster {:?}",
                new.name
            )))?;
    }
    if !variable_updates.is_empty() {
        client
            .patch_cluster_variables(scope, uid, &variable_updates)
            .await
            .map_err(fail(format!(
                "updating the profile variables of cluster {:?}",
                new.name
            )))?;
    }
    let detach: Vec<String> = removed
        .iter()
        .filter(|id| !replaced.contains(**id))
        .map(|id| id.to_string())
        .collect();
    if !detach.is_empty() {
        let body = SpectroClusterProfilesDeleteEntity {
            profile_uids: Some(detach.clone()),
        };
        match client.delete_cluster_profiles(scope, uid, &body).await {
            Ok(()) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => {
                return Err(fail(format!(
                    "removing profiles from cluster {:?}",
                    new.name
                ))(err));
            }
        }
    }

    // Machine pools: add, then update, then remove, so the cluster never runs short.
    // NOTE(next): the wait after a resize relies on the cluster's health and state; it does not
    // count the pool's machines (`GET .../machinePools/{name}/machines`).
    let cloud = new.env.api_cloud_type();
    let mut resolved = new.pools.clone();
    resolve_edge_hosts(client, scope, &mut resolved)
        .await
        .map_err(fail("listing edge hosts".to_string()))?;
    for (pool, send) in new.pools.iter().zip(&resolved) {
        let before = old.pools.iter().find(|p| p.name == pool.name);
        if before == Some(pool) {
            continue;
        }
        let body = new.env.pool_body(&new.block, send).map_err(|e| {
            Diagnostic::error(SUMMARY, format!("Machine pool {:?}: {e}.", pool.name))
        })?;
        let result = match before {
            None => client
                .create_machine_pool(scope, &cloud, config_uid, &body)
                .await
                .map(|_| ()),
            Some(_) => {
                client
                    .update_machine_pool(scope, &cloud, config_uid, &pool.name, &body)
                    .await
            }
        };
        result.map_err(fail(format!(
            "updating machine pool {:?} of cluster {:?}",
            pool.name, new.name
        )))?;
    }
    for pool in &old.pools {
        if !new.pools.iter().any(|p| p.name == pool.name) {
            match client
                .delete_machine_pool(scope, &cloud, config_uid, &pool.name)
                .await
            {
                Ok(()) => {}
                Err(err) if err.is_not_found() => {}
                Err(err) => {
                    return Err(fail(format!(
                        "removing machine pool {:?} of cluster {:?}",
                        pool.name, new.name
                    ))(err));
                }
            }
        }
    }
    Ok(Expect {
        present: new.profiles.iter().map(|p| p.id.clone()).collect(),
        absent: removed.iter().map(|id| id.to_string()).collect(),
    })
}

/// Turns edge host names into uids: a pool may list hosts by either.
async fn resolve_edge_hosts(
    client: &Client,
    scope: &Scope,
    pools: &mut [Pool],
) -> Result<(), palette_api::Error> {
    if pools.iter().all(|p| p.edge_hosts.is_none()) {
        return Ok(());
    }
    let hosts = client.list_edge_hosts_metadata(scope, None, false).await?;
    for host in pools
        .iter_mut()
        .flat_map(|p| p.edge_hosts.iter_mut().flatten())
    {
        if hosts
            .iter()
            .any(|m| m.uid.as_deref() == Some(host.as_str()))
        {
            continue;
        }
        if let Some(uid) = hosts
            .iter()
            .find(|m| m.name.as_deref() == Some(host.as_str()))
            .and_then(|m| m.uid.clone())
        {
            *host = uid;
        }
    }
    Ok(())
}

/// Plans the prior text of pack values and manifests whose configured text means the same
/// (YAML compared by meaning), so reformatting a values file is no change. Terraform accepts
/// a planned value equal to the prior state in place of an equivalent configured one.
fn keep_equivalent_text(state: &Value, plan: &mut Value) {
    if state.is_null() {
        return;
    }
    let prior_profiles = elements(state, "cluster_profile").to_vec();
    let Some(Value::List(profiles)) = plan.get_mut("cluster_profile") else {
        return;
    };
    for (profile, prior) in profiles.iter_mut().zip(&prior_profiles) {
        if profile.get_str("id").is_none() || profile.get_str("id") != prior.get_str("id") {
            continue;
        }
        let prior_packs = elements(prior, "pack").to_vec();
        let Some(Value::List(packs)) = profile.get_mut("pack") else {
            continue;
        };
        for (pack, prior_pack) in packs.iter_mut().zip(&prior_packs) {
            if pack.get_str("name").is_none() || pack.get_str("name") != prior_pack.get_str("name")
            {
                continue;
            }
            keep_if_equivalent(pack, prior_pack, "values");
            let prior_manifests = elements(prior_pack, "manifest").to_vec();
            let Some(Value::List(manifests)) = pack.get_mut("manifest") else {
                continue;
            };
            for (manifest, prior_manifest) in manifests.iter_mut().zip(&prior_manifests) {
                if manifest.get_str("name") == prior_manifest.get_str("name") {
                    keep_if_equivalent(manifest, prior_manifest, "content");
                }
            }
        }
    }
}

/// When the plan equals the prior state but for computed results the engine made unknown
/// (because the configured text differed before [`keep_equivalent_text`]), plans no change.
fn restore_unchanged_computed(state: &Value, plan: &mut Value) {
    if state.is_null() {
        return;
    }
    let mut candidate = plan.clone();
    for name in ["state", "health", "layers", "kubeconfig", "cloud_config_id"] {
        if candidate.get(name).is_some_and(Value::is_unknown) {
            candidate.set(name, state.get(name).cloned().unwrap_or(Value::Null));
        }
    }
    if candidate == *state {
        *plan = candidate;
    }
}

fn keep_if_equivalent(planned: &mut Value, prior: &Value, attr: &str) {
    if let (Some(mine), Some(theirs)) = (planned.get_str(attr), prior.get_str(attr))
        && mine != theirs
        && values::equivalent(mine, theirs)
    {
        let theirs = theirs.to_string();
        planned.set(attr, theirs);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base_config(
        env_key: &str,
        env_block: Value,
        pools: Vec<Value>,
        account: Option<&str>,
    ) -> Value {
        let mut config = null_object(&schema_v0().block);
        config.set("name", "c1");
        config.set("context", "project");
        config.set("wait_for", "healthy");
        config.set("force_delete", false);
        config.set(
            "cloud_account_id",
            account.map(Value::from).unwrap_or(Value::Null),
        );
        config.set(env_key, env_block);
        config.set("machine_pool", Value::List(pools));
        config
    }

    fn pool(fields: &[(&str, Value)]) -> Value {
        let mut value = null_object(&environments::machine_pool_block().block);
        value.set("control_plane", false);
        value.set("control_plane_as_worker", false);
        for (k, v) in fields {
            value.set(k, v.clone());
        }
        value
    }

    fn aws_block() -> Value {
        let mut block = null_object(&Block {
            attributes: environments::by_key("aws").unwrap().attributes(),
            ..Block::new()
        });
        block.set("region", "us-east-1");
        block
    }

    fn paths(diags: &Diagnostics) -> Vec<String> {
        diags
            .iter()
            .map(|d| {
                d.attribute
                    .as_ref()
                    .map(|p| p.to_string())
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn config_checks_name_the_attribute_at_fault() {
        let cp = || {
            pool(&[
                ("name", "cp".into()),
                ("control_plane", true.into()),
                ("count", 1.into()),
                ("instance_type", "m5.large".into()),
            ])
        };
        let worker = |count: i64| {
            pool(&[
                ("name", "w".into()),
                ("count", count.into()),
                ("min", 1.into()),
                ("max", 3.into()),
                ("instance_type", "m5.large".into()),
            ])
        };
        let cases: Vec<(&str, Value, Vec<&str>)> = vec![
            (
                "valid",
                base_config("aws", aws_block(), vec![cp(), worker(2)], Some("acc")),
                vec![],
            ),
            (
                "no control plane",
                base_config("aws", aws_block(), vec![worker(2)], Some("acc")),
                vec!["machine_pool[0].control_plane"],
            ),
            (
                "count above max",
                base_config("aws", aws_block(), vec![cp(), worker(5)], Some("acc")),
                vec!["machine_pool[1].count"],
            ),
            (
                "count below min",
                base_config("aws", aws_block(), vec![cp(), worker(0)], Some("acc")),
                vec!["machine_pool[1].count"],
            ),
            (
                "missing account",
                base_config("aws", aws_block(), vec![cp()], None),
                vec!["cloud_account_id"],
            ),
            (
                "sizing field of another environment",
                base_config(
                    "aws",
                    aws_block(),
                    vec![pool(&[
                        ("name", "cp".into()),
                        ("control_plane", true.into()),
                        ("count", 1.into()),
                        ("instance_type", "m5.large".into()),
                        ("cpu", 4.into()),
                    ])],
                    Some("acc"),
                ),
                vec!["machine_pool[0].cpu"],
            ),
            (
                "managed control plane refused",
                base_config("eks", aws_block(), vec![cp()], Some("acc")),
                vec!["machine_pool[0].control_plane"],
            ),
        ];
        for (name, config, want) in cases {
            let mut diags = Diagnostics::new();
            check_config(&config, &mut diags);
            assert_eq!(paths(&diags), want, "{name}: {diags:?}");
        }
    }

    #[test]
    fn environment_block_count_is_checked() {
        let mut none = base_config("aws", Value::Null, vec![], Some("acc"));
        none.set("aws", Value::Null);
        let mut diags = Diagnostics::new();
        check_config(&none, &mut diags);
        assert_eq!(
            diags.iter().next().map(|d| d.summary.as_str()),
            Some("Missing Environment Block")
        );

        let mut two = base_config("aws", aws_block(), vec![], Some("acc"));
        two.set("gcp", aws_block());
        let mut diags = Diagnostics::new();
        check_config(&two, &mut diags);
        assert_eq!(paths(&diags), ["gcp"]);
    }

    #[test]
    fn timeouts_parse_with_defaults() {
        let mut config = base_config("aws", aws_block(), vec![], Some("acc"));
        assert_eq!(
            timeouts_of(&config).unwrap().create,
            Duration::from_secs(3600)
        );
        config.set(
            "timeouts",
            object([
                ("create", Value::from("2s")),
                ("update", Value::Null),
                ("delete", Value::from("bad")),
            ]),
        );
        let (path, _) = timeouts_of(&config).unwrap_err();
        assert_eq!(path.to_string(), "timeouts.delete");
    }

    #[test]
    fn pack_overrides_compare_values_by_meaning() {
        let a = ProfileModel {
            id: "p".into(),
            variables: None,
            packs: vec![PackOverride {
                name: "k8s".into(),
                tag: None,
                values: Some("a: 1\nb: [1, 2]\n".into()),
                manifests: vec![],
            }],
        };
        let mut b = a.clone();
        b.packs[0].values = Some("b:\n  - 1\n  - 2\na: 1".into());
        assert!(a.same_packs(&b));
        b.packs[0].values = Some("a: 2".into());
        assert!(!a.same_packs(&b));
        let entity = a.entity();
        assert_eq!(entity.uid.as_deref(), Some("p"));
        assert_eq!(entity.pack_values.unwrap()[0].name, "k8s");
        assert!(entity.variables.is_none());
    }

    #[test]
    fn equivalent_values_text_plans_no_change() {
        let profile = |id: &str, values: &str| {
            let pack = object([
                ("name", Value::from("nginx")),
                ("tag", Value::Null),
                ("values", Value::from(values)),
                ("manifest", Value::List(Vec::new())),
            ]);
            object([
                ("id", Value::from(id)),
                ("variables", Value::Null),
                ("pack", Value::List(vec![pack])),
            ])
        };
        let with = |p: Value| {
            let mut v = null_object(&schema_v0().block);
            v.set("cluster_profile", Value::List(vec![p]));
            v
        };
        let values_of = |v: &Value| {
            v.at(&AttributePath::root("cluster_profile")
                .index(0)
                .attr("pack")
                .index(0)
                .attr("values"))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let state = with(profile("p1", "a: 1\nb: [x, y]\n"));
        let cases = [
            (
                "same meaning",
                "p1",
                "b:\n  - x\n  - y\na: 1",
                "a: 1\nb: [x, y]\n",
            ),
            ("other meaning", "p1", "a: 2", "a: 2"),
            ("other profile", "p2", "b: [x, y]\na: 1", "b: [x, y]\na: 1"),
        ];
        for (name, id, text, want) in cases {
            let mut plan = with(profile(id, text));
            keep_equivalent_text(&state, &mut plan);
            assert_eq!(values_of(&plan).as_deref(), Some(want), "{name}");
        }
    }

    #[test]
    fn refreshed_pools_keep_config_order_and_names() {
        let env = environments::by_key("edge_native").unwrap();
        let prior = |name: &str, hosts: &[&str]| {
            let mut p = pool(&[("name", name.into())]);
            p.set(
                "edge_hosts",
                Value::List(hosts.iter().map(|h| Value::from(*h)).collect()),
            );
            p.set("taints", Value::List(Vec::new()));
            p
        };
        let mut state = null_object(&schema_v0().block);
        state.set(
            "machine_pool",
            Value::List(vec![
                prior("workers", &["edge-host-2"]),
                prior("gone", &["edge-host-4"]),
                prior("cp", &["uid-1"]),
            ]),
        );
        let api = |name: &str, hosts: &[&str], cp: bool| Pool {
            name: name.into(),
            control_plane: cp,
            edge_hosts: Some(hosts.iter().map(|h| h.to_string()).collect()),
            ..Default::default()
        };
        let config = CloudConfigState {
            pools: vec![
                api("cp", &["uid-1"], true),
                api("workers", &["uid-2", "uid-3"], false),
                api("extra", &["uid-5"], false),
            ],
            host_names: BTreeMap::from([
                ("uid-1".to_string(), "edge-host-1".to_string()),
                ("uid-2".to_string(), "edge-host-2".to_string()),
                ("uid-3".to_string(), "edge-host-3".to_string()),
            ]),
            ..Default::default()
        };
        refresh_pools(&mut state, env, &config, false);
        let pools = elements(&state, "machine_pool");
        let names: Vec<&str> = pools.iter().map(|p| p.get_str("name").unwrap()).collect();
        assert_eq!(
            names,
            ["workers", "cp", "extra"],
            "config order, removed pool dropped, new pool last"
        );
        let hosts = |i: usize| environments::get_strings(&pools[i], "edge_hosts").unwrap();
        assert_eq!(
            hosts(0),
            ["edge-host-2", "uid-3"],
            "a host written by name stays a name"
        );
        assert_eq!(hosts(1), ["uid-1"], "a host written by uid stays a uid");
        assert_eq!(pools[1].get_bool("control_plane"), Some(true));
        assert!(
            pools[0].get("count").is_some_and(Value::is_null),
            "edge pools have no count"
        );
    }

    #[test]
    fn schema_attributes_are_all_described() {
        fn walk(block: &Block, at: &str) {
            for attribute in &block.attributes {
                assert!(!attribute.description.is_empty(), "{at}.{}", attribute.name);
            }
            for nested in &block.blocks {
                walk(&nested.block, &format!("{at}.{}", nested.type_name));
            }
        }
        walk(&schema_v0().block, "palette_cluster");
    }
}
