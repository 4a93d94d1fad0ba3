//! The deployment simulator: a cluster's progress is data, not a running task.
//!
//! Creating a cluster stores a [`Deployment`]: absolute times at which it leaves `Pending`,
//! each node comes up, it becomes `Running`, and each pack of the stack (in layer order: kernel,
//! os, k8s, cni, csi, then add-ons) starts installing, is installed and becomes ready. Every read
//! evaluates that plan against the clock, so progress needs no background task and a restart on
//! the same database resumes exactly where the clock says the cluster is.
//!
//! A day-2 change ([`Deployment::replan`]) keeps the plan of every unchanged pack and schedules
//! only the changed ones, again in layer order, after whatever is still installing. Pool
//! resizes add or remove nodes. A pack marked to fail goes to `Error` when it would have been
//! installed, and the layers after it stay `WaitingForOtherLayers` until a later change.
//!
//! Pack conditions, in order: `WaitingForOtherLayers`, `ReadyForInstall` (installing),
//! `Installed` (settling), `Ready`; `status` is `"True"` only for `Ready`. A failed pack shows
//! `Error` with the failure in `message`.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::ids::{rfc3339, stable_uid};

mod rollout;
pub mod schedule;

pub use rollout::{Change, Held, Repave, RepaveReason, Rollout};

/// Simulated durations at time scale 1.0, in milliseconds.
mod durations {
    pub(super) const PENDING: f64 = 5_000.0;
    pub(super) const CONTROL_PLANE_NODE: f64 = 40_000.0;
    pub(super) const CONTROL_PLANE_STAGGER: f64 = 10_000.0;
    pub(super) const WORKER_NODE: f64 = 25_000.0;
    pub(super) const WORKER_STAGGER: f64 = 5_000.0;
    pub(super) const NODE_REMOVAL: f64 = 15_000.0;
    pub(super) const DELETE: f64 = 20_000.0;
    /// How long a cluster must have been deleting before `forceDelete=true` is accepted: 15
    /// minutes, as Palette documents it (like every duration here, scaled by `--time-scale`).
    pub(super) const FORCE_DELETE_AFTER: f64 = 15.0 * 60_000.0;
    pub(super) const SETTLE_FRACTION: f64 = 0.3;
    /// How long the agent takes to download a profile change before it applies it.
    pub(super) const DOWNLOAD: f64 = 2_000.0;

    /// How long installing a pack of `layer` takes.
    pub(super) fn install(layer: &str) -> f64 {
        match layer {
            "kernel" => 10_000.0,
            "os" => 20_000.0,
            "k8s" => 30_000.0,
            "cni" | "csi" => 15_000.0,
            _ => 20_000.0,
        }
    }
}

/// A force delete asked for before Palette allows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForceTooEarly {
    /// How long until it is allowed; `None` when the cluster is not deleting yet.
    pub wait_ms: Option<i64>,
    /// How long a cluster must have been deleting first, at the current time scale.
    pub after_ms: i64,
}

/// The position of a layer in the stack; add-ons (and anything unknown) come last.
pub fn layer_rank(layer: &str) -> u8 {
    match layer {
        "kernel" => 0,
        "os" => 1,
        "k8s" => 2,
        "cni" => 3,
        "csi" => 4,
        _ => 5,
    }
}

/// A pack the cluster should run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DesiredPack {
    /// Pack name.
    pub name: String,
    /// Layer (`os`, `k8s`, `cni`, `csi`, `addon`, ...).
    pub layer: String,
    /// Pack type (`spectro`, `helm`, `manifest`, `oci`).
    pub pack_type: String,
    /// Tag (version).
    pub tag: String,
    /// The profile the pack comes from.
    pub profile_uid: String,
    /// A digest of everything that, when changed, needs a reinstall (tag, values, manifests).
    pub fingerprint: String,
}

/// A machine pool the cluster should have.
#[derive(Debug, Clone, PartialEq)]
pub struct DesiredPool {
    /// Pool name.
    pub name: String,
    /// Whether it runs the control plane.
    pub control_plane: bool,
    /// Number of nodes.
    pub size: u32,
    /// The pool settings whose change replaces its nodes (instance type, disk, ...), as the
    /// API has them.
    pub shape: Value,
    /// Why the cloud cannot make the pool's machines (a placement the cloud does not have, which
    /// Palette passes on without checking): its nodes never come up.
    pub failure: Option<String>,
}

/// When a node that cannot be made comes up: never (far enough from `i64::MAX` that adding a
/// duration to it cannot overflow).
pub const NEVER: i64 = i64::MAX / 4;

/// The stored plan of a cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    /// When the cluster was created.
    pub created_at: i64,
    /// When it leaves `Pending`.
    pub provisioning_at: i64,
    /// When every initial node is up and it becomes `Running`.
    pub running_at: i64,
    /// When deletion was asked for.
    pub deleting_at: Option<i64>,
    /// When deletion completes.
    pub deleted_at: Option<i64>,
    /// Machine pools and their nodes.
    pub pools: Vec<PoolPlan>,
    /// Packs in stack order.
    pub packs: Vec<PackPlan>,
    /// Events that happened before the last replan.
    pub history: Vec<EventRecord>,
    /// Events of the current plan at or before this time are already in `history`.
    pub events_after: i64,
    /// When the profile set last changed (`spcApply.lastModifiedTime`).
    pub spc_modified_at: i64,
    /// How many times the plan was made.
    pub generation: u32,
    /// How day-2 changes reach the nodes: downloads, changes held for a person, repaves.
    #[serde(default)]
    pub rollout: Rollout,
}

/// One machine pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PoolPlan {
    /// Pool name.
    pub name: String,
    /// Whether it runs the control plane.
    pub control_plane: bool,
    /// Its nodes, including those being removed.
    pub nodes: Vec<NodePlan>,
    /// The settings the nodes were made with ([`DesiredPool::shape`]).
    #[serde(default)]
    pub shape: Value,
    /// Why its machines cannot be made ([`DesiredPool::failure`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
}

impl PoolPlan {
    /// Why the pool's machines cannot be made, as the cluster's condition and event say it.
    fn failure_message(&self) -> Option<String> {
        let why = self.failure.as_ref()?;
        Some(format!(
            "machines of pool {} cannot be created: {why}",
            self.name
        ))
    }
}

/// One node (machine).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NodePlan {
    /// Machine uid.
    pub uid: String,
    /// Machine name.
    pub name: String,
    /// When it was asked for.
    pub created_at: i64,
    /// When it is running.
    pub up_at: i64,
    /// When its removal started.
    pub removing_at: Option<i64>,
    /// When it is gone.
    pub gone_at: Option<i64>,
    /// The last maintenance action asked for (`cordon` or `uncordon`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maintenance: Option<String>,
}

/// One pack's schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackPlan {
    /// Pack name.
    pub name: String,
    /// Layer.
    pub layer: String,
    /// Pack type.
    pub pack_type: String,
    /// Tag.
    pub tag: String,
    /// Source profile uid.
    pub profile_uid: String,
    /// The fingerprint it was planned with.
    pub fingerprint: String,
    /// When installation starts; `None` while blocked by a failed lower layer.
    pub start_at: Option<i64>,
    /// How long installing takes.
    pub install_ms: i64,
    /// How long it settles after installing before it is ready.
    pub settle_ms: i64,
    /// The failure it meets when installed, if any.
    pub error: Option<String>,
}

/// An event that already happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EventRecord {
    /// When.
    pub at: i64,
    /// Short machine-readable reason.
    pub reason: String,
    /// What happened.
    pub message: String,
    /// `Normal` or `Warning`.
    pub severity: String,
}

/// What a pack is doing at some moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackPhase {
    /// Blocked on lower layers.
    Waiting,
    /// Installing.
    Installing,
    /// Installed, not yet ready.
    Installed,
    /// Ready.
    Ready,
    /// Failed.
    Error,
}

impl PackPhase {
    /// The condition `type` the API reports.
    pub fn condition_type(self) -> &'static str {
        match self {
            PackPhase::Waiting => "WaitingForOtherLayers",
            PackPhase::Installing => "ReadyForInstall",
            PackPhase::Installed => "Installed",
            PackPhase::Ready => "Ready",
            PackPhase::Error => "Error",
        }
    }
}

fn scaled(ms: f64, scale: f64) -> i64 {
    (ms * scale).round() as i64
}

fn failure_message(pack: &DesiredPack) -> String {
    format!(
        "failed to install pack {} {} (layer {}): helm release did not become ready: context deadline exceeded",
        pack.name, pack.tag, pack.layer
    )
}

impl PackPlan {
    fn installed_at(&self) -> Option<i64> {
        self.start_at.map(|s| s + self.install_ms)
    }

    fn ready_at(&self) -> Option<i64> {
        self.installed_at().map(|i| i + self.settle_ms)
    }

    /// The phase at `now`.
    pub fn phase(&self, now: i64) -> PackPhase {
        let Some(start) = self.start_at else {
            return PackPhase::Waiting;
        };
        let installed = start + self.install_ms;
        if now < start {
            PackPhase::Waiting
        } else if now < installed {
            PackPhase::Installing
        } else if self.error.is_some() {
            PackPhase::Error
        } else if now < installed + self.settle_ms {
            PackPhase::Installed
        } else {
            PackPhase::Ready
        }
    }

    fn schedule(pack: &DesiredPack, start: Option<i64>, scale: f64, fail: bool) -> Self {
        let install = scaled(durations::install(&pack.layer), scale);
        Self {
            name: pack.name.clone(),
            layer: pack.layer.clone(),
            pack_type: pack.pack_type.clone(),
            tag: pack.tag.clone(),
            profile_uid: pack.profile_uid.clone(),
            fingerprint: pack.fingerprint.clone(),
            start_at: start,
            install_ms: install,
            settle_ms: (install as f64 * durations::SETTLE_FRACTION).round() as i64,
            error: fail.then(|| failure_message(pack)),
        }
    }
}

impl NodePlan {
    fn new(cluster_uid: &str, pool: &str, index: usize, created_at: i64, up_at: i64) -> Self {
        let uid = stable_uid(&format!(
            "machine/{cluster_uid}/{pool}/{index}/{created_at}"
        ));
        Self {
            name: format!("{pool}-{}", &uid[..5]),
            uid,
            created_at,
            up_at,
            removing_at: None,
            gone_at: None,
            maintenance: None,
        }
    }

    /// The machine state at `now`: `Pending`, `Provisioning`, `Running`, `Deleting`, `Deleted`.
    pub fn state(&self, now: i64) -> &'static str {
        match (self.removing_at, self.gone_at) {
            (_, Some(gone)) if now >= gone => "Deleted",
            (Some(removing), _) if now >= removing => "Deleting",
            _ if now >= self.up_at => "Running",
            _ if now > self.created_at => "Provisioning",
            _ => "Pending",
        }
    }

    fn counts(&self, now: i64) -> bool {
        self.gone_at.is_none_or(|gone| now < gone)
    }
}

fn sorted(packs: &[DesiredPack]) -> Vec<DesiredPack> {
    let mut packs = packs.to_vec();
    packs.sort_by_key(|p| layer_rank(&p.layer));
    packs
}

impl Deployment {
    /// The plan of a new cluster created at `now`.
    pub fn create(
        cluster_uid: &str,
        now: i64,
        scale: f64,
        pools: &[DesiredPool],
        packs: &[DesiredPack],
        fail_pack: Option<&str>,
    ) -> Self {
        let provisioning_at = now + scaled(durations::PENDING, scale);
        let mut plans = Vec::new();
        let mut first_cp_up = provisioning_at + scaled(durations::CONTROL_PLANE_NODE, scale);
        let mut ordered: Vec<&DesiredPool> = pools.iter().collect();
        ordered.sort_by_key(|p| !p.control_plane);
        let mut worker_index = 0;
        for pool in ordered {
            let mut nodes = Vec::new();
            for i in 0..pool.size as usize {
                let up = if pool.control_plane {
                    provisioning_at
                        + scaled(
                            durations::CONTROL_PLANE_NODE
                                + durations::CONTROL_PLANE_STAGGER * i as f64,
                            scale,
                        )
                } else {
                    first_cp_up
                        + scaled(
                            durations::WORKER_NODE
                                + durations::WORKER_STAGGER * (i + worker_index) as f64,
                            scale,
                        )
                };
                let up = if pool.failure.is_some() { NEVER } else { up };
                nodes.push(NodePlan::new(cluster_uid, &pool.name, i, now, up));
            }
            if pool.control_plane {
                if let Some(first) = nodes.iter().map(|n| n.up_at).min() {
                    first_cp_up = first_cp_up.min(first);
                }
            } else {
                worker_index += 1;
            }
            plans.push(PoolPlan {
                name: pool.name.clone(),
                control_plane: pool.control_plane,
                nodes,
                shape: pool.shape.clone(),
                failure: pool.failure.clone(),
            });
        }
        let running_at = plans
            .iter()
            .flat_map(|p| p.nodes.iter().map(|n| n.up_at))
            .max()
            .unwrap_or(provisioning_at)
            .max(provisioning_at);
        let mut deployment = Self {
            created_at: now,
            provisioning_at,
            running_at,
            deleting_at: None,
            deleted_at: None,
            pools: plans,
            packs: Vec::new(),
            history: Vec::new(),
            events_after: now - 1,
            spc_modified_at: now,
            generation: 1,
            rollout: Rollout::default(),
        };
        // A cluster whose machines cannot be made never runs, and installs nothing.
        let mut cursor = (running_at < NEVER).then_some(running_at);
        for pack in sorted(packs) {
            let fail = fail_pack == Some(pack.name.as_str());
            let plan = PackPlan::schedule(&pack, cursor, scale, fail);
            cursor = if fail { None } else { plan.ready_at() };
            deployment.packs.push(plan);
        }
        deployment
    }

    /// Applies a day-2 change at `now`: pools grow or shrink at once; a change that replaces
    /// nodes or waits to be applied is held (see [`rollout`](self::rollout)); otherwise
    /// unchanged packs keep their schedule and changed and new ones install in layer order, after
    /// the agent has downloaded a profile change.
    #[allow(clippy::too_many_arguments)]
    pub fn replan(
        &mut self,
        cluster_uid: &str,
        now: i64,
        scale: f64,
        pools: &[DesiredPool],
        packs: &[DesiredPack],
        fail_pack: Option<&str>,
        change: &Change,
    ) {
        let past = self.events(now, "");
        self.history = past;
        self.events_after = now;
        self.generation += 1;
        if change.profiles_changed {
            self.spc_modified_at = now;
            self.rollout.action_type = Some(change.action_type().to_owned());
        }
        let reshaped = self.resize_pools(cluster_uid, now, scale, pools);
        let Some(roll) = self.gate(now, packs, fail_pack, reshaped, change) else {
            return;
        };
        let download = if change.profiles_changed {
            scaled(durations::DOWNLOAD, scale) + change.extra_download_ms
        } else {
            0
        };
        self.apply_change(
            cluster_uid,
            now,
            scale,
            Some(packs),
            fail_pack,
            &roll,
            download,
        );
    }

    /// Grows or shrinks each pool to its size; returns the pools whose shape changed, with
    /// the keys that changed.
    fn resize_pools(
        &mut self,
        cluster_uid: &str,
        now: i64,
        scale: f64,
        pools: &[DesiredPool],
    ) -> Vec<(String, Vec<String>)> {
        let mut reshaped = Vec::new();
        let mut new_pools = Vec::new();
        for pool in pools {
            let mut plan = self
                .pools
                .iter()
                .find(|p| p.name == pool.name)
                .cloned()
                .unwrap_or(PoolPlan {
                    name: pool.name.clone(),
                    control_plane: pool.control_plane,
                    nodes: Vec::new(),
                    shape: pool.shape.clone(),
                    failure: None,
                });
            let changed = rollout::changed_keys(&plan.shape, &pool.shape);
            if !changed.is_empty() {
                reshaped.push((pool.name.clone(), changed));
            }
            plan.shape = pool.shape.clone();
            plan.failure = pool.failure.clone();
            plan.nodes.retain(|n| n.counts(now));
            let live: Vec<usize> = (0..plan.nodes.len())
                .filter(|i| plan.nodes[*i].removing_at.is_none())
                .collect();
            let want = pool.size as usize;
            if live.len() < want {
                let base = now.max(self.provisioning_at);
                for k in 0..(want - live.len()) {
                    let index = plan.nodes.len();
                    let up = if plan.failure.is_some() {
                        NEVER
                    } else {
                        base + scaled(
                            durations::WORKER_NODE + durations::WORKER_STAGGER * k as f64,
                            scale,
                        )
                    };
                    plan.nodes
                        .push(NodePlan::new(cluster_uid, &pool.name, index, now, up));
                }
            } else {
                for &i in live.iter().rev().take(live.len() - want) {
                    plan.nodes[i].removing_at = Some(now);
                    plan.nodes[i].gone_at = Some(now + scaled(durations::NODE_REMOVAL, scale));
                }
            }
            new_pools.push(plan);
        }
        self.pools = new_pools;
        reshaped
    }

    /// Replaces every live node of `pool`: each new node comes up, then the old one it
    /// replaces goes.
    fn roll_pool(&mut self, cluster_uid: &str, pool: &str, now: i64, scale: f64) {
        let Some(plan) = self.pools.iter_mut().find(|p| p.name == pool) else {
            return;
        };
        let node_ms = if plan.control_plane {
            durations::CONTROL_PLANE_NODE
        } else {
            durations::WORKER_NODE
        };
        let live: Vec<usize> = (0..plan.nodes.len())
            .filter(|i| plan.nodes[*i].removing_at.is_none() && plan.nodes[*i].counts(now))
            .collect();
        for (k, i) in live.into_iter().enumerate() {
            // A replacement the cloud cannot make never comes up, so the node it would replace
            // stays.
            let up = if plan.failure.is_some() {
                NEVER
            } else {
                now + scaled(node_ms + durations::WORKER_STAGGER * k as f64, scale)
            };
            let index = plan.nodes.len();
            plan.nodes
                .push(NodePlan::new(cluster_uid, &plan.name, index, now, up));
            plan.nodes[i].removing_at = Some(up);
            plan.nodes[i].gone_at = Some(up + scaled(durations::NODE_REMOVAL, scale));
        }
    }

    /// Rolls the `roll` pools and, with `packs`, schedules the stack: unchanged packs keep
    /// their schedule, the others install in layer order from `now + download_ms` (the packs
    /// as they were show until then).
    #[allow(clippy::too_many_arguments)]
    fn apply_change(
        &mut self,
        cluster_uid: &str,
        now: i64,
        scale: f64,
        packs: Option<&[DesiredPack]>,
        fail_pack: Option<&str>,
        roll: &[String],
        download_ms: i64,
    ) {
        for pool in roll {
            self.roll_pool(cluster_uid, pool, now, scale);
        }
        let Some(packs) = packs else {
            return;
        };
        if download_ms > 0 {
            self.rollout.previous = self.visible_packs(now).to_vec();
            self.rollout.downloading_until = now + download_ms;
        }
        let mut cursor = Some((now + download_ms).max(self.running_at));
        let mut kept = Vec::new();
        for pack in sorted(packs) {
            let old = self
                .packs
                .iter()
                .find(|p| p.name == pack.name && p.profile_uid == pack.profile_uid)
                .or_else(|| self.packs.iter().find(|p| p.name == pack.name));
            let unchanged = old.filter(|o| {
                o.fingerprint == pack.fingerprint && o.error.is_none() && o.start_at.is_some()
            });
            match unchanged {
                Some(old) => {
                    let mut old = old.clone();
                    old.profile_uid = pack.profile_uid.clone();
                    if let (Some(c), Some(ready)) = (cursor, old.ready_at()) {
                        cursor = Some(c.max(ready));
                    }
                    kept.push(old);
                }
                None => {
                    let fail = fail_pack == Some(pack.name.as_str());
                    let plan = PackPlan::schedule(&pack, cursor, scale, fail);
                    cursor = if fail { None } else { plan.ready_at() };
                    kept.push(plan);
                }
            }
        }
        self.packs = kept;
    }

    /// The packs the status shows at `now`: those that ran before a profile change until the
    /// agent has downloaded it.
    pub fn visible_packs(&self, now: i64) -> &[PackPlan] {
        if now < self.rollout.downloading_until {
            &self.rollout.previous
        } else {
            &self.packs
        }
    }

    /// Makes the not-yet-ready pack `name` fail; later layers stop waiting for nothing.
    /// Returns whether anything changed.
    pub fn inject_failure(&mut self, name: &str, now: i64) -> bool {
        let Some(index) = self.packs.iter().position(|p| {
            p.name == name && p.error.is_none() && p.ready_at().is_none_or(|r| r > now)
        }) else {
            return false;
        };
        let message = failure_message(&DesiredPack {
            name: self.packs[index].name.clone(),
            layer: self.packs[index].layer.clone(),
            pack_type: self.packs[index].pack_type.clone(),
            tag: self.packs[index].tag.clone(),
            profile_uid: self.packs[index].profile_uid.clone(),
            fingerprint: String::new(),
        });
        let pack = &mut self.packs[index];
        pack.error = Some(message);
        if let Some(start) = pack.start_at
            && start + pack.install_ms < now
        {
            pack.install_ms = now - start;
        }
        let start = pack.start_at;
        for later in self.packs.iter_mut().skip(index + 1) {
            if later
                .start_at
                .is_none_or(|s| start.is_none_or(|f| s >= f) && s > now)
            {
                later.start_at = None;
            }
        }
        true
    }

    /// Starts deletion at `now`; a forced deletion completes at once.
    pub fn delete(
        &mut self,
        now: i64,
        scale: f64,
        force: bool,
        stuck: bool,
    ) -> Result<(), ForceTooEarly> {
        if force {
            let allowed_at = self
                .deleting_at
                .map(|since| since + scaled(durations::FORCE_DELETE_AFTER, scale));
            match allowed_at {
                Some(at) if now >= at => {}
                _ => {
                    return Err(ForceTooEarly {
                        wait_ms: allowed_at.map(|at| at - now),
                        after_ms: scaled(durations::FORCE_DELETE_AFTER, scale),
                    });
                }
            }
            self.deleted_at = Some(self.deleted_at.map_or(now, |d| d.min(now)));
            return Ok(());
        }
        if self.deleting_at.is_none() {
            self.deleting_at = Some(now);
        }
        // A cluster held by the `stuck_delete` fault stays Deleting until it is forced.
        if !stuck {
            let done = now + scaled(durations::DELETE, scale);
            self.deleted_at = Some(self.deleted_at.map_or(done, |d| d.min(done)));
        }
        Ok(())
    }

    /// The cluster state at `now`.
    pub fn state(&self, now: i64) -> &'static str {
        match (self.deleting_at, self.deleted_at) {
            (_, Some(deleted)) if now >= deleted => "Deleted",
            (Some(deleting), _) if now >= deleting => "Deleting",
            _ if now < self.provisioning_at => "Pending",
            _ if now < self.running_at => "Provisioning",
            _ => "Running",
        }
    }

    /// Whether every pack is ready and every node is up.
    pub fn settled(&self, now: i64) -> bool {
        self.visible_packs(now)
            .iter()
            .all(|p| p.phase(now) == PackPhase::Ready)
            && self.nodes_ready(now, None)
    }

    fn nodes_ready(&self, now: i64, control_plane: Option<bool>) -> bool {
        self.pools
            .iter()
            .filter(|p| control_plane.is_none_or(|cp| p.control_plane == cp))
            .flat_map(|p| p.nodes.iter())
            .filter(|n| n.removing_at.is_none())
            .all(|n| now >= n.up_at)
    }

    /// The overview health: `Healthy`, `UnHealthy` or `Unknown`.
    pub fn health(&self, now: i64) -> &'static str {
        match self.state(now) {
            "Running" if self.settled(now) => "Healthy",
            "Running" => "UnHealthy",
            _ => "Unknown",
        }
    }

    /// `status.packs`: one `v1ClusterPackStatus` per pack, in stack order.
    pub fn pack_statuses(&self, now: i64) -> Vec<Value> {
        self.visible_packs(now)
            .iter()
            .map(|p| {
                let phase = p.phase(now);
                let since = match phase {
                    PackPhase::Waiting => self.events_after.max(self.created_at),
                    PackPhase::Installing => p.start_at.unwrap_or(now),
                    PackPhase::Installed | PackPhase::Error => p.installed_at().unwrap_or(now),
                    PackPhase::Ready => p.ready_at().unwrap_or(now),
                };
                let message = match phase {
                    PackPhase::Waiting => {
                        format!("waiting for the layers below {} to be ready", p.layer)
                    }
                    PackPhase::Installing => format!("installing {} {}", p.name, p.tag),
                    PackPhase::Installed => format!(
                        "{} {} is installed; waiting for it to be ready",
                        p.name, p.tag
                    ),
                    PackPhase::Ready => format!("{} {} is ready", p.name, p.tag),
                    PackPhase::Error => p.error.clone().unwrap_or_default(),
                };
                let mut status = json!({
                    "name": p.name,
                    "type": p.pack_type,
                    "version": p.tag,
                    "profileUid": p.profile_uid,
                    "condition": {
                        "type": phase.condition_type(),
                        "status": if phase == PackPhase::Ready { "True" } else { "False" },
                        "reason": phase.condition_type(),
                        "message": message,
                        "lastProbeTime": rfc3339(now),
                        "lastTransitionTime": rfc3339(since),
                    },
                    "manifests": [],
                    "services": [],
                });
                if let Some(start) = p.start_at.filter(|s| now >= *s) {
                    status["startTime"] = json!(rfc3339(start));
                }
                if phase == PackPhase::Ready || phase == PackPhase::Error {
                    let end = if phase == PackPhase::Ready {
                        p.ready_at()
                    } else {
                        p.installed_at()
                    };
                    status["endTime"] = json!(rfc3339(end.unwrap_or(now)));
                }
                status
            })
            .collect()
    }

    /// `status.conditions`: control-plane and worker readiness once provisioning started.
    pub fn conditions(&self, now: i64) -> Vec<Value> {
        if now < self.provisioning_at {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (kind, cp) in [("ControlPlaneReady", true), ("WorkerNodesReady", false)] {
            if !self.pools.iter().any(|p| p.control_plane == cp) {
                continue;
            }
            let ready = self.nodes_ready(now, Some(cp));
            let failure = self
                .pools
                .iter()
                .filter(|p| p.control_plane == cp)
                .find_map(PoolPlan::failure_message);
            let since = self
                .pools
                .iter()
                .filter(|p| p.control_plane == cp)
                .flat_map(|p| p.nodes.iter())
                .map(|n| if ready { n.up_at } else { n.created_at })
                .filter(|t| *t <= now)
                .max()
                .unwrap_or(self.provisioning_at);
            let (reason, message) = match failure {
                Some(message) if !ready => ("MachineProvisioningFailed", message),
                _ if ready => ("NodesReady", "all nodes are running".to_owned()),
                _ => (
                    "NodesProvisioning",
                    "nodes are being provisioned".to_owned(),
                ),
            };
            out.push(json!({
                "type": kind,
                "status": if ready { "True" } else { "False" },
                "reason": reason,
                "message": message,
                "lastProbeTime": rfc3339(now),
                "lastTransitionTime": rfc3339(since),
            }));
        }
        out
    }

    /// Every event up to `now` (after `events_after`, plus the history), oldest first.
    /// `name` is used in messages.
    pub fn events(&self, now: i64, name: &str) -> Vec<EventRecord> {
        let mut out = self.history.clone();
        let mut push = |at: i64, reason: &str, message: String, warning: bool| {
            if at <= now && at > self.events_after {
                out.push(EventRecord {
                    at,
                    reason: reason.to_owned(),
                    message,
                    severity: if warning { "Warning" } else { "Normal" }.to_owned(),
                });
            }
        };
        let cluster = if name.is_empty() {
            "cluster".to_owned()
        } else {
            format!("cluster {name}")
        };
        push(
            self.created_at,
            "Created",
            format!("{cluster} was created"),
            false,
        );
        push(
            self.provisioning_at,
            "Provisioning",
            format!("{cluster} is provisioning its machines"),
            false,
        );
        for pool in &self.pools {
            if let (Some(message), Some(first)) = (pool.failure_message(), pool.nodes.first()) {
                push(first.created_at, "MachineProvisioningFailed", message, true);
            }
            for node in &pool.nodes {
                push(
                    node.created_at,
                    "MachineCreating",
                    format!(
                        "machine {} of pool {} is being created",
                        node.name, pool.name
                    ),
                    false,
                );
                push(
                    node.up_at,
                    "MachineRunning",
                    format!("machine {} of pool {} is running", node.name, pool.name),
                    false,
                );
                if let Some(at) = node.removing_at {
                    push(
                        at,
                        "MachineDeleting",
                        format!(
                            "machine {} of pool {} is being deleted",
                            node.name, pool.name
                        ),
                        false,
                    );
                }
                if let Some(at) = node.gone_at {
                    push(
                        at,
                        "MachineDeleted",
                        format!("machine {} of pool {} is deleted", node.name, pool.name),
                        false,
                    );
                }
            }
        }
        push(
            self.running_at,
            "Running",
            format!("{cluster} is running"),
            false,
        );
        for pack in &self.packs {
            if let Some(start) = pack.start_at {
                push(
                    start,
                    "PackInstalling",
                    format!(
                        "installing pack {} {} (layer {})",
                        pack.name, pack.tag, pack.layer
                    ),
                    false,
                );
                let installed = start + pack.install_ms;
                match &pack.error {
                    Some(error) => push(installed, "PackInstallFailed", error.clone(), true),
                    None => {
                        push(
                            installed,
                            "PackInstalled",
                            format!("pack {} {} is installed", pack.name, pack.tag),
                            false,
                        );
                        push(
                            installed + pack.settle_ms,
                            "PackReady",
                            format!("pack {} {} is ready", pack.name, pack.tag),
                            false,
                        );
                    }
                }
            }
        }
        if let Some(at) = self.deleting_at {
            push(at, "Deleting", format!("{cluster} is being deleted"), false);
        }
        if let Some(at) = self.deleted_at {
            push(at, "Deleted", format!("{cluster} is deleted"), false);
        }
        out.sort_by_key(|e| e.at);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack(name: &str, layer: &str, fingerprint: &str) -> DesiredPack {
        DesiredPack {
            name: name.into(),
            layer: layer.into(),
            pack_type: "spectro".into(),
            tag: "1.0.0".into(),
            profile_uid: "p".into(),
            fingerprint: fingerprint.into(),
        }
    }

    fn stack() -> Vec<DesiredPack> {
        vec![
            pack("hello", "addon", "a"),
            pack("csi-aws-ebs", "csi", "a"),
            pack("ubuntu-aws", "os", "a"),
            pack("cni-calico", "cni", "a"),
            pack("kubernetes", "k8s", "a"),
        ]
    }

    fn pools(workers: u32) -> Vec<DesiredPool> {
        vec![
            DesiredPool {
                name: "cp".into(),
                control_plane: true,
                size: 1,
                shape: json!({"instanceType": "m5.large"}),
                failure: None,
            },
            DesiredPool {
                name: "workers".into(),
                control_plane: false,
                size: workers,
                shape: json!({"instanceType": "m5.large"}),
                failure: None,
            },
        ]
    }

    #[test]
    fn a_pool_the_cloud_cannot_make_never_comes_up_and_says_why() {
        let mut wanted = pools(2);
        wanted[1].failure = Some("no subnet 'vlan-99'".into());
        let d = Deployment::create("c", 0, 1.0, &wanted, &stack(), None);
        let later = 10 * 60 * 60 * 1000;
        assert_eq!(d.state(later), "Provisioning");
        assert!(d.visible_packs(later).iter().all(|p| p.start_at.is_none()));
        let conditions = d.conditions(later);
        assert_eq!(conditions[0]["status"], "True", "{conditions:?}");
        assert_eq!(conditions[1]["status"], "False");
        assert_eq!(conditions[1]["reason"], "MachineProvisioningFailed");
        assert!(
            conditions[1]["message"]
                .as_str()
                .unwrap()
                .contains("pool workers cannot be created: no subnet 'vlan-99'")
        );
        assert!(
            d.events(later, "c")
                .iter()
                .any(|e| e.reason == "MachineProvisioningFailed" && e.severity == "Warning")
        );
    }

    #[test]
    fn layers_install_in_order_after_running() {
        let d = Deployment::create("c", 0, 1.0, &pools(2), &stack(), None);
        assert_eq!(d.state(0), "Pending");
        assert_eq!(d.state(d.provisioning_at), "Provisioning");
        assert_eq!(d.state(d.running_at), "Running");
        let order: Vec<&str> = d.packs.iter().map(|p| p.layer.as_str()).collect();
        assert_eq!(order, ["os", "k8s", "cni", "csi", "addon"]);
        for pair in d.packs.windows(2) {
            assert!(pair[0].ready_at().unwrap() <= pair[1].start_at.unwrap());
        }
        assert_eq!(d.packs[0].start_at, Some(d.running_at));
        assert_eq!(d.health(d.running_at), "UnHealthy");
        let end = d.packs.last().unwrap().ready_at().unwrap();
        assert_eq!(d.health(end), "Healthy");
        let minutes = end as f64 / 60_000.0;
        assert!(
            (2.0..6.0).contains(&minutes),
            "a cluster takes a few minutes, not {minutes}"
        );
    }

    #[test]
    fn a_failing_pack_blocks_the_layers_above() {
        let d = Deployment::create("c", 0, 1.0, &pools(1), &stack(), Some("cni-calico"));
        let far = 10_000_000;
        let phases: Vec<PackPhase> = d.packs.iter().map(|p| p.phase(far)).collect();
        assert_eq!(
            phases,
            [
                PackPhase::Ready,
                PackPhase::Ready,
                PackPhase::Error,
                PackPhase::Waiting,
                PackPhase::Waiting
            ]
        );
        assert_eq!(d.health(far), "UnHealthy");
        assert!(
            d.events(far, "x")
                .iter()
                .any(|e| e.reason == "PackInstallFailed")
        );
    }

    #[test]
    fn replan_touches_only_changed_layers() {
        let mut d = Deployment::create("c", 0, 1.0, &pools(1), &stack(), None);
        let now = 10_000_000;
        let before = d.packs.clone();
        let mut changed = stack();
        changed[0].fingerprint = "b".into();
        d.replan("c", now, 1.0, &pools(3), &changed, None, &profiles());
        let downloaded = now + durations::DOWNLOAD as i64;
        assert_eq!(
            d.visible_packs(now),
            before,
            "the old stack shows while downloading"
        );
        assert!(!d.can_be_applied(now) && d.can_be_applied(downloaded));
        for (old, new) in before.iter().zip(&d.packs) {
            if new.name == "hello" {
                assert_eq!(new.start_at, Some(downloaded));
                assert_eq!(new.phase(downloaded), PackPhase::Installing);
            } else {
                assert_eq!(old, new, "{} was untouched", new.name);
            }
        }
        let workers = d.pools.iter().find(|p| p.name == "workers").unwrap();
        assert_eq!(workers.nodes.len(), 3);
        assert_eq!(d.conditions(now)[1]["status"], "False");
        assert!(
            d.events(now, "").iter().any(|e| e.reason == "PackReady"),
            "history kept"
        );
        d.replan(
            "c",
            now + 1,
            1.0,
            &pools(1),
            &changed,
            None,
            &Change::default(),
        );
        let workers = d.pools.iter().find(|p| p.name == "workers").unwrap();
        assert_eq!(
            workers
                .nodes
                .iter()
                .filter(|n| n.removing_at.is_none())
                .count(),
            1
        );
    }

    fn profiles() -> Change {
        Change {
            profiles_changed: true,
            ..Change::default()
        }
    }

    fn live_nodes(d: &Deployment, pool: &str, now: i64) -> Vec<String> {
        let pool = d.pools.iter().find(|p| p.name == pool).unwrap();
        pool.nodes
            .iter()
            .filter(|n| n.state(now) == "Running")
            .map(|n| n.uid.clone())
            .collect()
    }

    #[test]
    fn a_kubernetes_change_waits_for_approval_then_replaces_every_node() {
        let mut d = Deployment::create("c", 0, 1.0, &pools(2), &stack(), None);
        let now = 10_000_000;
        let before = live_nodes(&d, "workers", now);
        let mut upgraded = stack();
        upgraded[4].tag = "1.31.0".into();
        upgraded[4].fingerprint = "b".into();
        let change = Change {
            approval_required: true,
            ..profiles()
        };
        d.replan("c", now, 1.0, &pools(2), &upgraded, None, &change);
        let repave = d.rollout.repave.clone().unwrap();
        assert_eq!(repave.state, "Pending");
        assert!(
            repave.reasons[0].message.contains("kubernetes"),
            "{repave:?}"
        );
        let later = now + 600_000;
        assert_eq!(d.packs[1].tag, "1.0.0", "nothing moves until approved");
        assert_eq!(live_nodes(&d, "workers", later), before);
        assert!(d.approve_repave("c", later, 1.0));
        assert_eq!(d.rollout.repave.as_ref().unwrap().state, "Approved");
        assert_eq!(d.packs[1].tag, "1.31.0");
        let done = later + 600_000;
        let after = live_nodes(&d, "workers", done);
        assert_eq!(after.len(), 2);
        assert!(
            after.iter().all(|n| !before.contains(n)),
            "every worker replaced"
        );
        assert_eq!(d.health(done), "Healthy");
        assert!(
            d.approve_repave("c", done, 1.0),
            "approving again is a no-op"
        );
    }

    #[test]
    fn an_instance_type_change_is_a_repave_and_a_resize_is_not() {
        let mut d = Deployment::create("c", 0, 1.0, &pools(1), &stack(), None);
        let change = Change {
            approval_required: true,
            ..Change::default()
        };
        d.replan("c", 10_000_000, 1.0, &pools(2), &stack(), None, &change);
        assert!(d.rollout.repave.is_none());
        let mut bigger = pools(2);
        bigger[1].shape = json!({"instanceType": "m5.xlarge"});
        d.replan("c", 10_000_001, 1.0, &bigger, &stack(), None, &change);
        let repave = d.rollout.repave.clone().unwrap();
        assert!(repave.reasons[0].message.contains("workers: instanceType"));
        assert_eq!(d.rollout.held.as_ref().unwrap().roll, ["workers"]);
    }

    /// Pools updated one after another while a repave is pending: the approval asked for
    /// covers every one of them, and a later change with no repave of its own (a resize) does
    /// not release what waits.
    #[test]
    fn a_pending_repave_gathers_the_reasons_of_later_changes() {
        let mut d = Deployment::create("c", 0, 1.0, &pools(2), &stack(), None);
        let change = Change {
            approval_required: true,
            ..Change::default()
        };
        let mut moved = pools(2);
        moved[0].shape = json!({"instanceType": "m5.large", "placements": [{"datastore": "ds2"}]});
        d.replan("c", 10_000_000, 1.0, &moved, &stack(), None, &change);
        moved[1].shape = json!({"instanceType": "m5.large", "placements": [{"datastore": "ds2"}]});
        d.replan("c", 10_000_001, 1.0, &moved, &stack(), None, &change);
        moved[1].size = 3;
        d.replan("c", 10_000_002, 1.0, &moved, &stack(), None, &change);
        let repave = d.rollout.repave.clone().unwrap();
        assert_eq!(repave.state, "Pending");
        assert_eq!(repave.since, 10_000_000, "pending since the first change");
        let messages: Vec<&str> = repave.reasons.iter().map(|r| r.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains(&format!("{}: placements", moved[0].name)));
        assert!(messages[1].contains(&format!("{}: placements", moved[1].name)));
        let held = d.rollout.held.as_ref().unwrap();
        assert!(held.awaits_approval);
        assert_eq!(held.roll.len(), 2, "{:?}", held.roll);
    }

    #[test]
    fn a_change_to_install_later_waits_for_the_apply() {
        let mut d = Deployment::create("c", 0, 1.0, &pools(1), &stack(), None);
        let now = 10_000_000;
        let mut changed = stack();
        changed[0].fingerprint = "b".into();
        let change = Change {
            install_later: true,
            ..profiles()
        };
        d.replan("c", now, 1.0, &pools(1), &changed, None, &change);
        assert!(!d.can_be_applied(now + 600_000));
        assert_eq!(
            d.rollout.action_type.as_deref(),
            Some("DownloadAndInstallLater")
        );
        d.apply_now("c", now + 600_000, 1.0);
        assert!(d.can_be_applied(now + 600_000));
        let hello = d.packs.iter().find(|p| p.name == "hello").unwrap();
        assert_eq!(hello.start_at, Some(now + 600_000));
    }

    #[test]
    fn injected_failure_and_recovery() {
        let mut d = Deployment::create("c", 0, 1.0, &pools(1), &stack(), None);
        assert!(d.inject_failure("hello", d.running_at));
        assert!(!d.inject_failure("ubuntu-aws", 10_000_000), "already ready");
        let far = 10_000_000;
        assert_eq!(d.packs[4].phase(far), PackPhase::Error);
        d.replan("c", far, 1.0, &pools(1), &stack(), None, &profiles());
        assert_eq!(
            d.packs[4].phase(far * 2),
            PackPhase::Ready,
            "a replan retries the failed pack"
        );
    }

    #[test]
    fn deletion_completes() {
        let mut d = Deployment::create("c", 0, 0.01, &pools(1), &stack(), None);
        d.delete(100, 0.01, false, false).unwrap();
        assert_eq!(d.state(100), "Deleting");
        assert_eq!(d.state(100 + 200), "Deleted");
    }

    #[test]
    fn a_force_delete_waits_until_the_cluster_has_been_deleting_long_enough() {
        let mut d = Deployment::create("c", 0, 0.01, &pools(1), &stack(), None);
        // Not deleting yet: refused.
        let early = d.delete(50, 0.01, true, false).unwrap_err();
        assert_eq!(early.wait_ms, None);
        assert_eq!(early.after_ms, 9_000);
        // Held in Deleting by the fault: it never finishes by itself.
        d.delete(100, 0.01, false, true).unwrap();
        assert_eq!(d.state(1_000_000), "Deleting");
        assert_eq!(
            d.delete(5_000, 0.01, true, true).unwrap_err().wait_ms,
            Some(4_100)
        );
        d.delete(9_100, 0.01, true, true).unwrap();
        assert_eq!(d.state(9_100), "Deleted");
    }
}
