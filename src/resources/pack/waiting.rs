//! Attaching the carrier to the cluster and detaching it, each followed by the wait for the
//! layer, and what the state says after the wait.

use std::time::Duration;

use palette_api::Scope;
use palette_api::models::{
    SpectroClusterProfileEntity, SpectroClusterProfiles, SpectroClusterProfilesDeleteEntity,
};
use tfplugin::{Context, Diagnostic, Diagnostics, Value, ValueExt};
use tokio::time::Instant;

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::resources::pack_shared::{clear_unknowns, fill_from_stored, read_back, stored_pack};
use crate::wait::{LayerGoal, RepaveApproval, Snapshot, SpcMark, WaitError, Waiter};

use super::read::{attached, cluster_name, get_cluster};

/// The pack's layer on one cluster, carried by profile `profile_uid`.
pub(super) struct Deployment<'a> {
    pub(super) data: &'a PaletteData,
    pub(super) scope: &'a Scope,
    pub(super) cluster_uid: &'a str,
    pub(super) profile_uid: &'a str,
    pub(super) pack: &'a str,
    /// How long the wait may take, counted from the start of the operation.
    pub(super) limit: Duration,
}

impl Deployment<'_> {
    /// A waiter on the cluster, named `display` in messages.
    fn waiter<'w>(&'w self, display: &'w str, started: Instant) -> Waiter<'w> {
        Waiter {
            client: &self.data.client,
            scope: self.scope,
            uid: self.cluster_uid,
            name: display,
            limit: self.limit,
            started,
            repave: RepaveApproval::default(),
        }
    }

    /// Attaches (or re-applies) the carrier to the cluster, named `display`, and waits until
    /// the layer is ready at `version`, under the cluster's write lock.
    pub(super) async fn attach_and_wait(
        &self,
        ctx: &Context,
        display: &str,
        version: Option<&str>,
        started: Instant,
    ) -> Result<Snapshot, Diagnostic> {
        let (pack, profile_uid) = (self.pack, self.profile_uid);
        let _guard = self.data.lock_cluster(self.cluster_uid).await;
        let body = SpectroClusterProfiles {
            profiles: vec![SpectroClusterProfileEntity {
                uid: Some(profile_uid.to_owned()),
                ..SpectroClusterProfileEntity::default()
            }],
            spc_apply_settings: None,
        };
        // Palette's mark of the change before this one, so the wait can tell when it is applied.
        let mark = match ctx
            .run(
                self.data
                    .client
                    .get_cluster_spc_apply(self.scope, self.cluster_uid),
            )
            .await
        {
            Err(why) => {
                return Err(diagnostics::interrupted(
                    "Pack Deployment Interrupted",
                    &format!("reading the apply state of cluster {display:?} ({why})"),
                ));
            }
            Ok(Err(err)) => {
                return Err(diagnostics::api_error(
                    "Deploy Pack Error",
                    &format!("reading the apply state of cluster {display:?}"),
                    &err,
                ));
            }
            Ok(Ok(apply)) => SpcMark::of(&apply),
        };
        let patch =
            self.data
                .client
                .patch_cluster_profiles(self.scope, self.cluster_uid, &body, true);
        match ctx.run(patch).await {
            Err(why) => {
                return Err(diagnostics::interrupted(
                    "Pack Deployment Interrupted",
                    &format!("attaching pack {pack:?} to cluster {display:?} ({why})"),
                ));
            }
            Ok(Err(err)) => {
                return Err(diagnostics::api_error(
                    "Deploy Pack Error",
                    &format!(
                        "attaching pack {pack:?} (profile {profile_uid}) to cluster {display:?}"
                    ),
                    &err,
                ));
            }
            Ok(Ok(())) => {}
        }
        self.waiter(display, started)
            .until_layer(
                ctx,
                profile_uid,
                pack,
                version,
                LayerGoal::Ready,
                Some(&mark),
            )
            .await
            .map_err(|err| wait_diagnostic(err, pack, display, "deploying"))
    }

    /// Detaches the carrier from the cluster and waits until the layer is gone. A cluster that
    /// is gone, or no longer has the carrier, means the layer is gone.
    pub(super) async fn detach_and_wait(&self, ctx: &Context) -> Result<(), Diagnostic> {
        let (data, scope, pack) = (self.data, self.scope, self.pack);
        let (cluster_uid, profile_uid) = (self.cluster_uid, self.profile_uid);
        let started = Instant::now();
        let _guard = data.lock_cluster(cluster_uid).await;
        let cluster = match get_cluster(&data.client, scope, cluster_uid).await {
            Ok(Some(cluster)) => cluster,
            Ok(None) => return Ok(()),
            Err(err) => {
                return Err(diagnostics::api_error(
                    "Delete Pack Error",
                    &format!("reading cluster {cluster_uid}"),
                    &err,
                ));
            }
        };
        let display = cluster_name(&cluster);
        let is_attached = attached(&cluster)
            .iter()
            .any(|t| t.uid.as_deref() == Some(profile_uid));
        if is_attached {
            let body = SpectroClusterProfilesDeleteEntity {
                profile_uids: Some(vec![profile_uid.to_owned()]),
            };
            let detach = data
                .client
                .delete_cluster_profiles(scope, cluster_uid, &body);
            match ctx.run(detach).await {
                Err(why) => {
                    return Err(diagnostics::interrupted(
                        "Pack Removal Interrupted",
                        &format!("removing pack {pack:?} from cluster {display:?} ({why})"),
                    ));
                }
                Ok(Err(err)) if err.is_not_found() => {}
                Ok(Err(err)) => {
                    return Err(diagnostics::api_error(
                        "Delete Pack Error",
                        &format!(
                            "removing pack {pack:?} (profile {profile_uid}) from cluster \
                             {display:?}"
                        ),
                        &err,
                    ));
                }
                Ok(Ok(())) => {}
            }
        }
        match self
            .waiter(&display, started)
            .until_layer(ctx, profile_uid, pack, None, LayerGoal::Gone, None)
            .await
        {
            Ok(_) | Err(WaitError::Gone) => Ok(()),
            Err(err) => Err(wait_diagnostic(err, pack, &display, "removing")),
        }
    }

    /// After create or update: the layer's state, what only Palette knew (manifest uids,
    /// anything the plan could not resolve), and the diagnostics of a failure.
    pub(super) async fn finish(
        &self,
        result: Result<Snapshot, Diagnostic>,
        state: &mut Value,
        diags: &mut Diagnostics,
        summary: &str,
    ) {
        let layer_state = match &result {
            Ok(snapshot) => snapshot
                .layers
                .iter()
                .find(|l| l.profile_uid == self.profile_uid && l.name == self.pack)
                .map(|l| l.state.clone())
                .unwrap_or_else(|| "Pending".to_owned()),
            Err(_) => "Error".to_owned(),
        };
        state.set("state", layer_state);
        if let Err(diag) = result {
            diags.push(diag);
        }
        let what = format!("the carrier profile {}", self.profile_uid);
        let client = &self.data.client;
        if let Some(profile) = read_back(
            client,
            self.scope,
            self.profile_uid,
            state,
            &what,
            summary,
            diags,
        )
        .await
        {
            fill_from_stored(state, stored_pack(&profile, self.pack));
        }
        clear_unknowns(state);
    }
}

/// The diagnostic for a wait that did not reach its goal.
fn wait_diagnostic(err: WaitError, pack: &str, cluster: &str, doing: &str) -> Diagnostic {
    match &err {
        WaitError::LayerFailed { layer, .. } => Diagnostic::error(
            "Pack Deployment Failed",
            format!(
                "{}Layer {} (pack {} {}) failed on cluster {cluster:?}: {}. The pack stays in \
                 the state; fix the failed layer (its values, or the cluster) and apply again.",
                if layer.name == pack {
                    String::new()
                } else {
                    format!("Pack {pack:?} waits for a layer below it that failed. ")
                },
                layer.layer,
                layer.name,
                layer.version,
                if layer.message.is_empty() {
                    "Palette gave no message"
                } else {
                    &layer.message
                }
            ),
        ),
        WaitError::Interrupted { .. } => diagnostics::interrupted(
            "Pack Deployment Interrupted",
            &format!("{doing} pack {pack:?} on cluster {cluster:?}"),
        ),
        WaitError::Gone => Diagnostic::error(
            "Cluster Gone",
            format!("Cluster {cluster:?} was deleted while {doing} pack {pack:?}."),
        ),
        WaitError::Api(api) => diagnostics::api_error(
            "Pack Wait Error",
            &format!("waiting while {doing} pack {pack:?} on cluster {cluster:?}"),
            api,
        ),
        _ => Diagnostic::error(
            "Pack Wait Error",
            format!("While {doing} pack {pack:?} on cluster {cluster:?}, the wait {err}."),
        ),
    }
}
