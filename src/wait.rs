//! Waiting for a cluster, layer by layer: until it runs, until every layer is ready and the
//! cluster is healthy, or until it is gone.
//!
//! The loop polls `GET /v1/spectroclusters/{uid}` (and the dashboard overview for health once
//! every layer is ready). It starts polling at once, with a short interval that grows while
//! nothing changes ([`MIN_INTERVAL`] up to [`MAX_INTERVAL`]) and drops back when something moves,
//! so a fast API (the emulator) is followed closely and a slow one is not hammered. Every change
//! of the cluster state or of a layer is logged at INFO (layer, pack, version, state, how many of
//! the layers are ready), which `TF_LOG=INFO` shows while Terraform says "Still creating...".
//!
//! A layer whose condition is `Error` ends the wait with that layer's name and message. The
//! call's [`Context`] ends it too: Terraform's stop request (Ctrl-C) within one poll's HTTP call,
//! and the caller's deadline (the resource's `timeouts`) to the second.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use palette_api::models::{SpcApply, SpectroCluster, SpectroClusterUidSummary};
use palette_api::{Client, Scope};
use tfplugin::{Cancelled, Context};
use tokio::time::Instant;

use palette_stack::layers::Layer;

/// The first (and shortest) poll interval.
pub(crate) const MIN_INTERVAL: Duration = Duration::from_millis(250);
/// The longest poll interval.
pub(crate) const MAX_INTERVAL: Duration = Duration::from_secs(5);

/// What "done" means for a wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Goal {
    /// The cluster state is `Running` (its nodes are up; layers may still be installing).
    Running,
    /// `Running`, every layer `Ready`, and the cluster `Healthy`.
    Healthy,
}

impl Goal {
    /// The goal named by `wait_for`; `None` for `"none"` (or anything else).
    pub(crate) fn from_wait_for(text: &str) -> Option<Goal> {
        match text {
            "running" => Some(Goal::Running),
            "healthy" => Some(Goal::Healthy),
            _ => None,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Goal::Running => "running",
            Goal::Healthy => "healthy with every layer ready",
        }
    }
}

/// What "done" means for a wait on one layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LayerGoal {
    /// The layer's condition is `Ready` with status `True`.
    Ready,
    /// The layer no longer shows in the cluster's status.
    Gone,
}

impl LayerGoal {
    fn describe(self) -> &'static str {
        match self {
            LayerGoal::Ready => "ready",
            LayerGoal::Gone => "removed",
        }
    }
}

/// What a wait expects of the attached profiles, so a wait right after a day-2 change does not
/// end on the stack as it was before the change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Expect {
    /// Profiles whose packs must show in the cluster's layers.
    pub(crate) present: Vec<String>,
    /// Profiles whose packs must be gone from the cluster's layers.
    pub(crate) absent: Vec<String>,
    /// With a profile change: Palette's mark of the last change before it. The layers count
    /// only once Palette reports a newer change downloaded and applied (`status.spcApply`):
    /// until then it still reports the layers as they were, every one `Ready`.
    pub(crate) applied_after: Option<SpcMark>,
}

/// Palette's mark of a cluster's last profile change: `status.spcApply`'s hash and time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct SpcMark {
    /// `spcHash`.
    pub(crate) hash: Option<String>,
    /// `lastModifiedTime`.
    pub(crate) modified: Option<String>,
}

impl SpcMark {
    /// The mark of a read `spcApply`.
    pub(crate) fn of(apply: &SpcApply) -> SpcMark {
        SpcMark {
            hash: apply.spc_hash.clone(),
            modified: apply.last_modified_time.clone(),
        }
    }

    /// Whether `cluster` reports a change newer than this mark, downloaded and free to apply.
    /// A cluster that reports no `spcApply` cannot tell, and counts as applied.
    fn applied_in(&self, cluster: &SpectroCluster) -> bool {
        let Some(apply) = cluster.status.as_ref().and_then(|s| s.spc_apply.as_ref()) else {
            return true;
        };
        apply.can_be_applied == Some(true) && SpcMark::of(apply) != *self
    }
}

/// Who approves a change that replaces nodes when Palette holds it for review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum RepaveApproval {
    /// Applying the plan is the approval: the wait approves the repave.
    #[default]
    Automatic,
    /// A person approves it in Palette; the wait says so and waits.
    Manual,
}

/// One deployed pack, as the wait sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LayerStatus {
    /// Pack name.
    pub(crate) name: String,
    /// Layer (`os`, `k8s`, `cni`, `csi`, `addon`).
    pub(crate) layer: String,
    /// Pack version (tag).
    pub(crate) version: String,
    /// The condition type (`WaitingForOtherLayers`, `ReadyForInstall`, `Installed`, `Ready`,
    /// `Error`), or `Pending` before the agent reports one.
    pub(crate) state: String,
    /// The condition's message.
    pub(crate) message: String,
    /// The profile the pack comes from.
    pub(crate) profile_uid: String,
    /// `Ready` with status `True`.
    pub(crate) ready: bool,
}

impl LayerStatus {
    fn failed(&self) -> bool {
        self.state == "Error"
    }
}

/// What one poll saw.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Snapshot {
    /// The cluster as read.
    pub(crate) cluster: SpectroCluster,
    /// `status.state`.
    pub(crate) state: String,
    /// The overview's health state, when it was read.
    pub(crate) health: Option<String>,
    /// The deployed packs in stack order.
    pub(crate) layers: Vec<LayerStatus>,
    /// Why the cluster's nodes are to be replaced, while the repave waits for a person's
    /// approval (`repave_approval = "manual"`).
    pub(crate) repave_pending: Option<Vec<String>>,
    /// The cluster's conditions that report a failure (`status` `False` and a reason naming a
    /// failure or an error), as `TYPE: message`: machines the cloud cannot make, say, which
    /// Palette keeps retrying while the cluster stays `Provisioning`.
    pub(crate) failing: Vec<String>,
}

/// The failing conditions of `cluster` (see [`Snapshot::failing`]).
fn failing_conditions(cluster: &SpectroCluster) -> Vec<String> {
    cluster
        .status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .into_iter()
        .flatten()
        .filter(|c| {
            let reason = c.reason.as_deref().unwrap_or("").to_ascii_lowercase();
            c.status == "False" && (reason.contains("fail") || reason.contains("error"))
        })
        .map(|c| match c.message.as_deref().filter(|m| !m.is_empty()) {
            Some(message) => format!("{}: {message}", c.type_),
            None => format!("{}: {}", c.type_, c.reason.as_deref().unwrap_or("")),
        })
        .collect()
}

impl Snapshot {
    /// Builds the view of one read cluster.
    pub(crate) fn of(cluster: SpectroCluster, health: Option<String>) -> Snapshot {
        let state = cluster
            .status
            .as_ref()
            .and_then(|s| s.state.clone())
            .unwrap_or_else(|| "Pending".to_string());
        let layers = layers_of(&cluster);
        let failing = failing_conditions(&cluster);
        Snapshot {
            cluster,
            state,
            health,
            layers,
            repave_pending: None,
            failing,
        }
    }

    /// How many layers are ready.
    pub(crate) fn ready_count(&self) -> usize {
        self.layers.iter().filter(|l| l.ready).count()
    }

    /// A one-line summary for messages: state and each layer's condition.
    pub(crate) fn summary(&self) -> String {
        let mut out = format!("cluster state {}", self.state);
        if let Some(health) = &self.health {
            out.push_str(&format!(", health {health}"));
        }
        if !self.layers.is_empty() {
            let layers: Vec<String> = self
                .layers
                .iter()
                .map(|l| format!("{} {} {}: {}", l.layer, l.name, l.version, l.state))
                .collect();
            out.push_str(&format!(
                "; layers ({} of {} ready): {}",
                self.ready_count(),
                self.layers.len(),
                layers.join(", ")
            ));
        }
        if !self.failing.is_empty() {
            out.push_str(&format!("; failing: {}", self.failing.join("; ")));
        }
        out
    }
}

/// The deployed packs of a cluster in stack order (layer, then the order the API lists them).
pub(crate) fn layers_of(cluster: &SpectroCluster) -> Vec<LayerStatus> {
    // The pack status carries no layer; the attached profiles' templates do.
    let mut layer_of: BTreeMap<(String, String), String> = BTreeMap::new();
    for template in cluster
        .spec
        .iter()
        .flat_map(|s| s.cluster_profile_templates.iter().flatten())
    {
        let profile = template.uid.clone().unwrap_or_default();
        for pack in template.packs.iter().flatten() {
            layer_of.insert(
                (profile.clone(), pack.name.clone()),
                pack.layer.as_str().to_string(),
            );
        }
    }
    let mut layers: Vec<LayerStatus> = cluster
        .status
        .iter()
        .flat_map(|s| s.packs.iter().flatten())
        .map(|pack| {
            let name = pack.name.clone().unwrap_or_default();
            let profile_uid = pack.profile_uid.clone().unwrap_or_default();
            let layer = layer_of
                .get(&(profile_uid.clone(), name.clone()))
                .or_else(|| {
                    layer_of
                        .iter()
                        .find(|((_, n), _)| *n == name)
                        .map(|(_, l)| l)
                })
                .cloned()
                .unwrap_or_else(|| "addon".to_string());
            let condition = pack.condition.clone().unwrap_or_default();
            let state = if condition.type_.is_empty() {
                "Pending".to_string()
            } else {
                condition.type_.clone()
            };
            LayerStatus {
                ready: condition.type_ == "Ready" && condition.status == "True",
                name,
                layer,
                version: pack.version.clone().unwrap_or_default(),
                state,
                message: condition.message.unwrap_or_default(),
                profile_uid,
            }
        })
        .collect();
    layers.sort_by_key(|l| Layer::from_api(&l.layer).unwrap_or(Layer::Addon));
    layers
}

/// Why a wait ended without reaching its goal.
#[derive(Debug)]
pub(crate) enum WaitError {
    /// A layer went to `Error`.
    LayerFailed {
        /// The failed layer.
        layer: LayerStatus,
        /// Everything seen on the last poll.
        last: Box<Snapshot>,
    },
    /// The cluster itself reports a failure state.
    ClusterFailed {
        /// Everything seen on the last poll.
        last: Box<Snapshot>,
    },
    /// The cluster is gone (404, or `Deleted`).
    Gone,
    /// The deadline passed.
    TimedOut {
        /// How long the wait was allowed.
        limit: Duration,
        /// The last poll, if any succeeded.
        last: Option<Box<Snapshot>>,
    },
    /// Terraform asked the provider to stop.
    Interrupted {
        /// The last poll, if any succeeded.
        last: Option<Box<Snapshot>>,
    },
    /// The API failed (after the client's own retries).
    Api(palette_api::Error),
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let last = |s: &Option<Box<Snapshot>>| {
            s.as_ref()
                .map(|s| s.summary())
                .unwrap_or_else(|| "no status read yet".to_string())
        };
        match self {
            WaitError::LayerFailed { layer, .. } => write!(
                f,
                "layer {} (pack {} {}) failed: {}",
                layer.layer,
                layer.name,
                layer.version,
                if layer.message.is_empty() {
                    "no message from Palette"
                } else {
                    &layer.message
                }
            ),
            WaitError::ClusterFailed { last } => {
                write!(f, "the cluster failed: {}", last.summary())
            }
            WaitError::Gone => f.write_str("the cluster no longer exists"),
            WaitError::TimedOut {
                limit,
                last: snapshot,
            } => {
                write!(
                    f,
                    "gave up after {}; last seen: {}",
                    format_duration(*limit),
                    last(snapshot)
                )
            }
            WaitError::Interrupted { last: snapshot } => {
                write!(f, "interrupted; last seen: {}", last(snapshot))
            }
            WaitError::Api(err) => write!(f, "{err}"),
        }
    }
}

/// One wait on one cluster.
pub(crate) struct Waiter<'a> {
    /// The API client.
    pub(crate) client: &'a Client,
    /// The cluster's scope.
    pub(crate) scope: &'a Scope,
    /// The cluster's uid.
    pub(crate) uid: &'a str,
    /// The cluster's name, for log lines.
    pub(crate) name: &'a str,
    /// How long the wait may take in all.
    pub(crate) limit: Duration,
    /// When the wait started (the deadline is `started + limit`).
    pub(crate) started: Instant,
    /// Who approves a repave the cluster waits for.
    pub(crate) repave: RepaveApproval,
}

impl Waiter<'_> {
    fn context(&self, ctx: &Context) -> Context {
        ctx.clone().with_deadline(self.started + self.limit)
    }

    fn stopped(&self, why: Cancelled, last: Option<Snapshot>) -> WaitError {
        let last = last.map(Box::new);
        match why {
            Cancelled::Stopped => WaitError::Interrupted { last },
            Cancelled::DeadlineExceeded => WaitError::TimedOut {
                limit: self.limit,
                last,
            },
        }
    }

    /// Polls until the cluster reaches `goal` with the `expect`ed profiles, logging each change.
    pub(crate) async fn until(
        &self,
        ctx: &Context,
        goal: Goal,
        expect: &Expect,
    ) -> Result<Snapshot, WaitError> {
        let ctx = self.context(ctx);
        let mut interval = MIN_INTERVAL;
        let mut last: Option<Snapshot> = None;
        let mut repave_reported = false;
        tracing::info!(
            cluster = self.name,
            uid = self.uid,
            "waiting for cluster {:?} to be {}",
            self.name,
            goal.describe()
        );
        loop {
            let cluster = match ctx.run(self.client.get_cluster(self.scope, self.uid)).await {
                Err(why) => return Err(self.stopped(why, last)),
                Ok(Err(err)) if err.is_not_found() => return Err(WaitError::Gone),
                Ok(Err(err)) => return Err(WaitError::Api(err)),
                Ok(Ok(cluster)) => cluster,
            };
            let mut snapshot = Snapshot::of(cluster, last.as_ref().and_then(|s| s.health.clone()));
            if matches!(snapshot.state.as_str(), "Deleting" | "Deleted") {
                return Err(WaitError::Gone);
            }
            // Until Palette reports the change applied, the layers are the ones from before it:
            // a layer that failed then is not this change's failure.
            let applied = expect
                .applied_after
                .as_ref()
                .is_none_or(|mark| mark.applied_in(&snapshot.cluster));
            if applied && let Some(layer) = snapshot.layers.iter().find(|l| l.failed()).cloned() {
                self.log_changes(last.as_ref(), &snapshot);
                return Err(WaitError::LayerFailed {
                    layer,
                    last: Box::new(snapshot),
                });
            }
            if matches!(snapshot.state.as_str(), "Failed" | "Error") {
                self.log_changes(last.as_ref(), &snapshot);
                return Err(WaitError::ClusterFailed {
                    last: Box::new(snapshot),
                });
            }
            let repave_pending = repave_state(&snapshot.cluster) == Some("Pending");
            if repave_pending
                && let Err(err) = self
                    .on_pending_repave(&ctx, &mut snapshot, &mut repave_reported)
                    .await
            {
                return Err(err);
            }
            let running = snapshot.state == "Running";
            let stack_done = !repave_pending
                && applied
                && snapshot.layers.iter().all(|l| l.ready)
                && expect
                    .present
                    .iter()
                    .all(|p| snapshot.layers.iter().any(|l| &l.profile_uid == p))
                && !snapshot
                    .layers
                    .iter()
                    .any(|l| expect.absent.contains(&l.profile_uid));
            if goal == Goal::Healthy && running && stack_done {
                match ctx
                    .run(self.client.get_cluster_overview(self.scope, self.uid))
                    .await
                {
                    Err(why) => return Err(self.stopped(why, Some(snapshot))),
                    Ok(Err(err)) if err.is_not_found() => return Err(WaitError::Gone),
                    Ok(Err(err)) => return Err(WaitError::Api(err)),
                    Ok(Ok(overview)) => snapshot.health = health_of(&overview),
                }
            }
            let moved = self.log_changes(last.as_ref(), &snapshot);
            let done = match goal {
                Goal::Running => running,
                Goal::Healthy => {
                    running && stack_done && snapshot.health.as_deref() == Some("Healthy")
                }
            };
            if done {
                tracing::info!(
                    cluster = self.name,
                    uid = self.uid,
                    "cluster {:?} is {} ({} of {} layers ready)",
                    self.name,
                    goal.describe(),
                    snapshot.ready_count(),
                    snapshot.layers.len()
                );
                return Ok(snapshot);
            }
            interval = next_interval(interval, moved);
            last = Some(snapshot);
            if let Err(why) = ctx.sleep(interval).await {
                return Err(self.stopped(why, last));
            }
        }
    }

    /// A repave held for review: approved at once (`automatic`), or reported once, by name and
    /// with its reasons, as waiting for a person (`manual`), who may approve it at any time.
    async fn on_pending_repave(
        &self,
        ctx: &Context,
        snapshot: &mut Snapshot,
        reported: &mut bool,
    ) -> Result<(), WaitError> {
        let reasons = match ctx
            .run(self.client.get_cluster_repave(self.scope, self.uid))
            .await
        {
            Err(why) => return Err(self.stopped(why, Some(snapshot.clone()))),
            Ok(Err(err)) => return Err(WaitError::Api(err)),
            Ok(Ok(repave)) => repave
                .spec
                .and_then(|s| s.reasons)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|r| r.message.or(r.code))
                .collect::<Vec<_>>(),
        };
        let why = if reasons.is_empty() {
            "Palette gave no reason".to_string()
        } else {
            reasons.join("; ")
        };
        match self.repave {
            RepaveApproval::Automatic => {
                tracing::info!(
                    cluster = self.name,
                    uid = self.uid,
                    "cluster {:?}: approving the repave Palette holds for review \
                     (repave_approval = \"automatic\"): {why}",
                    self.name
                );
                match ctx
                    .run(self.client.approve_cluster_repave(self.scope, self.uid))
                    .await
                {
                    Err(why) => return Err(self.stopped(why, Some(snapshot.clone()))),
                    Ok(Err(err)) => return Err(WaitError::Api(err)),
                    Ok(Ok(())) => {}
                }
            }
            RepaveApproval::Manual => {
                if !*reported {
                    tracing::warn!(
                        cluster = self.name,
                        uid = self.uid,
                        "cluster {:?} waits for someone to approve a repave in Palette: {why}. \
                         Approve it on the cluster in Palette (or PATCH \
                         /v1/spectroclusters/{}/repave/approve); this apply waits for it until \
                         its timeout",
                        self.name,
                        self.uid
                    );
                    *reported = true;
                }
                snapshot.repave_pending = Some(reasons);
            }
        }
        Ok(())
    }

    /// Polls until the cluster is gone (404 or `Deleted`).
    pub(crate) async fn until_deleted(&self, ctx: &Context) -> Result<(), WaitError> {
        let ctx = self.context(ctx);
        let mut interval = MIN_INTERVAL;
        let mut last: Option<Snapshot> = None;
        loop {
            let cluster = match ctx.run(self.client.get_cluster(self.scope, self.uid)).await {
                Err(why) => return Err(self.stopped(why, last)),
                Ok(Err(err)) if err.is_not_found() => return Ok(()),
                Ok(Err(err)) => return Err(WaitError::Api(err)),
                Ok(Ok(cluster)) => cluster,
            };
            let snapshot = Snapshot::of(cluster, None);
            if snapshot.state == "Deleted" {
                tracing::info!(
                    cluster = self.name,
                    uid = self.uid,
                    "cluster {:?} is deleted",
                    self.name
                );
                return Ok(());
            }
            let moved = self.log_changes(last.as_ref(), &snapshot);
            interval = next_interval(interval, moved);
            last = Some(snapshot);
            if let Err(why) = ctx.sleep(interval).await {
                return Err(self.stopped(why, last));
            }
        }
    }

    /// Polls until one layer (pack `pack` of profile `profile_uid`) reaches `goal`, logging each
    /// change of that layer. Only that layer decides, except that a layer waiting behind another
    /// layer in `Error` ends the wait with that other layer. The cluster's own state is not waited for (a day-2 layer goes onto a running
    /// cluster). With `version`, a `Ready` layer counts only at that version (so an upgrade is
    /// not mistaken for done while the old version still reports), and with `applied_after` only
    /// once Palette reports the change applied (a values-only change shows the old layer
    /// `Ready` until then). Used by `palette_pack`;
    /// [`Waiter::until`] is unchanged.
    pub(crate) async fn until_layer(
        &self,
        ctx: &Context,
        profile_uid: &str,
        pack: &str,
        version: Option<&str>,
        goal: LayerGoal,
        applied_after: Option<&SpcMark>,
    ) -> Result<Snapshot, WaitError> {
        let ctx = self.context(ctx);
        let mut interval = MIN_INTERVAL;
        let mut last: Option<Snapshot> = None;
        tracing::info!(
            cluster = self.name,
            uid = self.uid,
            pack,
            "waiting for layer {pack:?} of cluster {:?} to be {}",
            self.name,
            goal.describe()
        );
        loop {
            let cluster = match ctx.run(self.client.get_cluster(self.scope, self.uid)).await {
                Err(why) => return Err(self.stopped(why, last)),
                Ok(Err(err)) if err.is_not_found() => return Err(WaitError::Gone),
                Ok(Err(err)) => return Err(WaitError::Api(err)),
                Ok(Ok(cluster)) => cluster,
            };
            let snapshot = Snapshot::of(cluster, None);
            if matches!(snapshot.state.as_str(), "Deleting" | "Deleted") {
                return Err(WaitError::Gone);
            }
            let layer = snapshot
                .layers
                .iter()
                .find(|l| l.profile_uid == profile_uid && l.name == pack)
                .cloned();
            let before = last.as_ref().map(|before| {
                before
                    .layers
                    .iter()
                    .find(|l| l.profile_uid == profile_uid && l.name == pack)
            });
            // Only this layer is logged: the rest of the stack is not being changed.
            let moved = before.is_none_or(|b| b != layer.as_ref());
            if moved && let Some(layer) = &layer {
                let message = if layer.message.is_empty() {
                    String::new()
                } else {
                    format!(": {}", layer.message)
                };
                tracing::info!(
                    cluster = self.name,
                    uid = self.uid,
                    layer = %layer.layer,
                    pack = %layer.name,
                    version = %layer.version,
                    state = %layer.state,
                    "cluster {:?}: layer {} {} {} is {}{message}",
                    self.name,
                    layer.layer,
                    layer.name,
                    layer.version,
                    layer.state,
                );
            }
            // Until Palette reports the change applied, the layers are the ones from before it.
            let applied = applied_after.is_none_or(|m| m.applied_in(&snapshot.cluster));
            match (goal, layer) {
                _ if !applied => {}
                (LayerGoal::Ready, Some(layer)) if layer.failed() => {
                    return Err(WaitError::LayerFailed {
                        layer,
                        last: Box::new(snapshot),
                    });
                }
                // Waiting behind a layer that failed: it would wait forever.
                (LayerGoal::Ready, Some(layer))
                    if layer.state == "WaitingForOtherLayers"
                        && snapshot.layers.iter().any(LayerStatus::failed) =>
                {
                    let blocker = snapshot
                        .layers
                        .iter()
                        .find(|l| l.failed())
                        .cloned()
                        .unwrap_or(layer);
                    return Err(WaitError::LayerFailed {
                        layer: blocker,
                        last: Box::new(snapshot),
                    });
                }
                (LayerGoal::Ready, Some(layer))
                    if layer.ready && version.is_none_or(|v| v == layer.version) =>
                {
                    tracing::info!(
                        cluster = self.name,
                        uid = self.uid,
                        pack,
                        "layer {} {pack} {} of cluster {:?} is ready",
                        layer.layer,
                        layer.version,
                        self.name
                    );
                    return Ok(snapshot);
                }
                (LayerGoal::Gone, None) => {
                    tracing::info!(
                        cluster = self.name,
                        uid = self.uid,
                        pack,
                        "layer {pack:?} is gone from cluster {:?}",
                        self.name
                    );
                    return Ok(snapshot);
                }
                _ => {}
            }
            interval = next_interval(interval, moved);
            last = Some(snapshot);
            if let Err(why) = ctx.sleep(interval).await {
                return Err(self.stopped(why, last));
            }
        }
    }

    /// Logs what changed since the previous poll; whether anything did.
    fn log_changes(&self, before: Option<&Snapshot>, now: &Snapshot) -> bool {
        let mut moved = false;
        if before.map(|b| &b.state) != Some(&now.state) {
            moved = true;
            tracing::info!(cluster = self.name, uid = self.uid, state = %now.state, "cluster {:?}: state {}", self.name, now.state);
        }
        if before.and_then(|b| b.health.as_ref()) != now.health.as_ref()
            && let Some(health) = &now.health
        {
            moved = true;
            tracing::info!(
                cluster = self.name,
                uid = self.uid,
                "cluster {:?}: health {health}",
                self.name
            );
        }
        // A failure Palette keeps retrying needs a person, so it is said at once.
        for failing in &now.failing {
            if before.is_none_or(|b| !b.failing.contains(failing)) {
                moved = true;
                tracing::warn!(
                    cluster = self.name,
                    uid = self.uid,
                    "cluster {:?}: {failing}; Palette keeps retrying, but this needs fixing in the \
                     configuration or the cloud",
                    self.name
                );
            }
        }
        let total = now.layers.len();
        let ready = now.ready_count();
        for layer in &now.layers {
            let previous = before.and_then(|b| {
                b.layers
                    .iter()
                    .find(|l| l.name == layer.name && l.profile_uid == layer.profile_uid)
            });
            if previous.map(|p| (&p.state, &p.version)) == Some((&layer.state, &layer.version)) {
                continue;
            }
            moved = true;
            let message = if layer.message.is_empty() {
                String::new()
            } else {
                format!(": {}", layer.message)
            };
            tracing::info!(
                cluster = self.name,
                uid = self.uid,
                layer = %layer.layer,
                pack = %layer.name,
                version = %layer.version,
                state = %layer.state,
                "cluster {:?}: layer {} {} {} is {}{message} ({ready} of {total} layers ready)",
                self.name,
                layer.layer,
                layer.name,
                layer.version,
                layer.state,
            );
        }
        moved
    }
}

/// `status.repave.state`.
pub(crate) fn repave_state(cluster: &SpectroCluster) -> Option<&str> {
    cluster
        .status
        .as_ref()
        .and_then(|s| s.repave.as_ref())
        .and_then(|r| r.state.as_deref())
}

/// The overview's health state.
pub(crate) fn health_of(overview: &SpectroClusterUidSummary) -> Option<String> {
    overview
        .status
        .as_ref()
        .and_then(|s| s.health.as_ref())
        .and_then(|h| h.state.clone())
}

/// The next poll interval: back to a short one when something moved, else half again longer.
pub(crate) fn next_interval(current: Duration, moved: bool) -> Duration {
    if moved {
        MIN_INTERVAL
    } else {
        (current * 3 / 2).min(MAX_INTERVAL)
    }
}

/// Parses a Terraform duration string (`"60m"`, `"1h30m"`, `"90s"`, `"1.5h"`).
pub(crate) fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the duration is empty".to_string());
    }
    let mut total = 0f64;
    let mut rest = text;
    while !rest.is_empty() {
        let number_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if number_len == 0 {
            return Err(format!(
                "{text:?} is not a duration such as \"60m\", \"1h30m\" or \"90s\""
            ));
        }
        let number: f64 = rest[..number_len]
            .parse()
            .map_err(|_| format!("{text:?} has a malformed number"))?;
        rest = &rest[number_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let seconds = match &rest[..unit_len] {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 0.001,
            "" => return Err(format!("{text:?} needs a unit (h, m, s or ms)")),
            other => {
                return Err(format!(
                    "{text:?} has an unknown unit {other:?}; use h, m, s or ms"
                ));
            }
        };
        rest = &rest[unit_len..];
        total += number * seconds;
    }
    Ok(Duration::from_secs_f64(total))
}

/// A duration for messages (`1h30m`, `45s`).
pub(crate) fn format_duration(duration: Duration) -> String {
    let secs = duration.as_secs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        if out.is_empty() && duration.subsec_millis() > 0 && secs == 0 {
            return format!("{}ms", duration.as_millis());
        }
        out.push_str(&format!("{s}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use palette_api::models::{
        ClusterCondition, ClusterPackStatus, ClusterProfileTemplate, PackLayer, PackRef,
        SpectroClusterSpec, SpectroClusterStatus,
    };

    use super::*;

    #[test]
    fn durations() {
        let cases = [
            ("60m", Some(3600)),
            ("1h30m", Some(5400)),
            ("90s", Some(90)),
            ("1.5h", Some(5400)),
            ("2h0m5s", Some(7205)),
            ("", None),
            ("10", None),
            ("5d", None),
            ("m", None),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_duration(text).ok().map(|d| d.as_secs()),
                want,
                "{text:?}"
            );
        }
        assert_eq!(parse_duration("250ms").unwrap(), Duration::from_millis(250));
        assert_eq!(format_duration(Duration::from_secs(5400)), "1h30m");
        assert_eq!(format_duration(Duration::from_secs(45)), "45s");
        assert_eq!(format_duration(Duration::from_millis(300)), "300ms");
    }

    #[test]
    fn interval_grows_while_idle_and_resets_on_progress() {
        let mut interval = MIN_INTERVAL;
        for _ in 0..20 {
            interval = next_interval(interval, false);
        }
        assert_eq!(interval, MAX_INTERVAL);
        assert_eq!(next_interval(interval, true), MIN_INTERVAL);
        assert!(next_interval(MIN_INTERVAL, false) > MIN_INTERVAL);
    }

    fn pack(name: &str, profile: &str, kind: &str, status: &str) -> ClusterPackStatus {
        ClusterPackStatus {
            name: Some(name.into()),
            profile_uid: Some(profile.into()),
            version: Some("1.0".into()),
            condition: Some(ClusterCondition {
                type_: kind.into(),
                status: status.into(),
                message: Some(format!("{name} says {kind}")),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn template(uid: &str, packs: &[(&str, PackLayer)]) -> ClusterProfileTemplate {
        ClusterProfileTemplate {
            uid: Some(uid.into()),
            packs: Some(
                packs
                    .iter()
                    .map(|(name, layer)| PackRef {
                        name: name.to_string(),
                        layer: *layer,
                        ..Default::default()
                    })
                    .collect(),
            ),
            ..Default::default()
        }
    }

    #[test]
    fn layers_come_in_stack_order_with_their_layer_and_readiness() {
        let cluster = SpectroCluster {
            spec: Some(SpectroClusterSpec {
                cluster_profile_templates: Some(vec![
                    template("addon", &[("prometheus", PackLayer::Addon)]),
                    template(
                        "infra",
                        &[
                            ("ubuntu", PackLayer::Os),
                            ("kubernetes", PackLayer::K8s),
                            ("calico", PackLayer::Cni),
                        ],
                    ),
                ]),
                ..Default::default()
            }),
            status: Some(SpectroClusterStatus {
                state: Some("Running".into()),
                packs: Some(vec![
                    pack("prometheus", "addon", "Error", "False"),
                    pack("calico", "infra", "Installed", "False"),
                    pack("ubuntu", "infra", "Ready", "True"),
                    pack("kubernetes", "infra", "Ready", "True"),
                ]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let snapshot = Snapshot::of(cluster, None);
        let order: Vec<(&str, &str, bool)> = snapshot
            .layers
            .iter()
            .map(|l| (l.layer.as_str(), l.name.as_str(), l.ready))
            .collect();
        assert_eq!(
            order,
            [
                ("os", "ubuntu", true),
                ("k8s", "kubernetes", true),
                ("cni", "calico", false),
                ("addon", "prometheus", false)
            ]
        );
        assert_eq!(snapshot.ready_count(), 2);
        assert!(snapshot.layers[3].failed());
        let err = WaitError::LayerFailed {
            layer: snapshot.layers[3].clone(),
            last: Box::new(snapshot.clone()),
        };
        assert_eq!(
            err.to_string(),
            "layer addon (pack prometheus 1.0) failed: prometheus says Error"
        );
        assert!(
            snapshot.summary().contains("2 of 4 ready"),
            "{}",
            snapshot.summary()
        );
    }

    #[test]
    fn failing_conditions_are_named_in_the_summary() {
        let condition = |kind: &str, status: &str, reason: &str, message: &str| ClusterCondition {
            type_: kind.into(),
            status: status.into(),
            reason: Some(reason.into()),
            message: Some(message.into()),
            ..Default::default()
        };
        let cluster = SpectroCluster {
            status: Some(SpectroClusterStatus {
                state: Some("Provisioning".into()),
                conditions: Some(vec![
                    condition(
                        "ControlPlaneReady",
                        "True",
                        "NodesReady",
                        "all nodes are running",
                    ),
                    condition(
                        "WorkerNodesReady",
                        "False",
                        "NodesProvisioning",
                        "in progress",
                    ),
                    condition(
                        "WorkerNodesReady",
                        "False",
                        "MachineProvisioningFailed",
                        "no subnet 'vlan-99'",
                    ),
                ]),
                ..Default::default()
            }),
            ..Default::default()
        };
        let snapshot = Snapshot::of(cluster, None);
        assert_eq!(snapshot.failing, ["WorkerNodesReady: no subnet 'vlan-99'"]);
        assert_eq!(
            snapshot.summary(),
            "cluster state Provisioning; failing: WorkerNodesReady: no subnet 'vlan-99'"
        );
    }

    /// A server that accepts connections and never answers, so every call hangs.
    async fn silent_server() -> (String, tokio::task::JoinHandle<()>) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let mut open = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                open.push(socket);
            }
        });
        (url, task)
    }

    async fn hanging_wait(
        limit: Duration,
        cancel_after: Option<Duration>,
    ) -> (WaitError, Duration) {
        let (url, server) = silent_server().await;
        let client = Client::new(palette_api::ClientConfig::new(url, "key")).unwrap();
        let scope = Scope::Tenant;
        let ctx = Context::new();
        if let Some(after) = cancel_after {
            let ctx = ctx.clone();
            tokio::spawn(async move {
                tokio::time::sleep(after).await;
                ctx.cancel();
            });
        }
        let started = Instant::now();
        let waiter = Waiter {
            client: &client,
            scope: &scope,
            uid: "c1",
            name: "c1",
            limit,
            started,
            repave: RepaveApproval::Automatic,
        };
        let err = waiter
            .until(&ctx, Goal::Healthy, &Expect::default())
            .await
            .unwrap_err();
        server.abort();
        (err, started.elapsed())
    }

    #[tokio::test]
    async fn a_stop_ends_the_wait_at_once_even_mid_request() {
        let (err, took) =
            hanging_wait(Duration::from_secs(600), Some(Duration::from_millis(200))).await;
        assert!(matches!(err, WaitError::Interrupted { .. }), "{err}");
        assert!(took < Duration::from_secs(2), "took {took:?}");
    }

    #[tokio::test]
    async fn the_deadline_ends_the_wait_to_the_second() {
        let (err, took) = hanging_wait(Duration::from_millis(300), None).await;
        assert!(matches!(err, WaitError::TimedOut { .. }), "{err}");
        assert!(
            took >= Duration::from_millis(300) && took < Duration::from_secs(1),
            "took {took:?}"
        );
    }
}
