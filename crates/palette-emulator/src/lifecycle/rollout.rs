//! How a day-2 change reaches the nodes, and the gates a person holds it at.
//!
//! - **Download.** A profile change is first downloaded by the cluster's agent: until it is,
//!   `status.spcApply.canBeApplied` is false and `status.packs` still shows the stack as it ran
//!   before, every layer `Ready`, which is what a real cluster reports after a values-only change.
//!   A client that ends its wait on the layers alone returns before the change is applied.
//! - **Apply later.** A profile change sent with `spcApplySettings.actionType =
//!   DownloadAndInstallLater` is held until `POST .../status/spcApply`.
//! - **Repave approval.** A change that replaces nodes (a pack of the kernel, OS or Kubernetes
//!   layer changes, or a pool setting the nodes are made with, such as the instance type) is held
//!   with `status.repave.state = Pending` and its reasons (`GET .../repave/status`) until `PATCH
//!   .../repave/approve`; then the pools roll, one new node up before each old one goes.
//!
//! Palette documents no per-cluster switch for the approval gate; the emulator holds every
//! repave (`PUT /__emulator/settings {"repave_approval": false}` turns the gate off), so a
//! client that ignores the gate waits forever here as it would on a tenant that asks for
//! approval.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Deployment, DesiredPack, EventRecord, layer_rank};

/// What a day-2 write asks of the rollout.
#[derive(Debug, Clone, Default)]
pub struct Change {
    /// The attached profiles (or their values, variables or overrides) changed.
    pub profiles_changed: bool,
    /// The change was sent with `DownloadAndInstallLater`.
    pub install_later: bool,
    /// A change that replaces nodes waits for approval.
    pub approval_required: bool,
    /// Extra download time, in real milliseconds (the `apply_delay_ms` fault).
    pub extra_download_ms: i64,
}

impl Change {
    /// `spcApply.actionType` for this change.
    pub fn action_type(&self) -> &'static str {
        if self.install_later {
            "DownloadAndInstallLater"
        } else {
            "DownloadAndInstall"
        }
    }
}

/// The rollout state a cluster keeps.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Rollout {
    /// `spcApply.actionType` of the last profile change.
    pub action_type: Option<String>,
    /// Until when the last profile change downloads.
    pub downloading_until: i64,
    /// The packs as they ran before that change, shown while it downloads.
    pub previous: Vec<super::PackPlan>,
    /// A change waiting for a person.
    pub held: Option<Held>,
    /// The last repave: pending, or approved.
    pub repave: Option<Repave>,
}

/// A change held until someone applies or approves it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Held {
    /// The packs the change deploys; `None` when it changes pools only.
    pub packs: Option<Vec<DesiredPack>>,
    /// The pack set to fail when it installs.
    pub fail_pack: Option<String>,
    /// The pools whose nodes it replaces.
    pub roll: Vec<String>,
    /// It waits for `POST .../status/spcApply`.
    pub awaits_apply: bool,
    /// It waits for `PATCH .../repave/approve`.
    pub awaits_approval: bool,
}

/// A repave and why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Repave {
    /// `Pending` or `Approved`.
    pub state: String,
    /// Why the nodes are replaced.
    pub reasons: Vec<RepaveReason>,
    /// When the state last changed.
    pub since: i64,
}

/// One reason for a repave (`v1SpectroClusterRepaveReason`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RepaveReason {
    /// `PackChanged` or `MachinePoolChanged`.
    pub code: String,
    /// What changes, and what it replaces.
    pub message: String,
}

/// The keys whose values differ between two pool shapes; none when `old` is unset (a new
/// pool, or a plan stored before shapes were kept).
pub(super) fn changed_keys(old: &Value, new: &Value) -> Vec<String> {
    let (Some(old), Some(new)) = (old.as_object(), new.as_object()) else {
        return Vec::new();
    };
    let mut keys: Vec<String> = old
        .keys()
        .chain(new.keys())
        .filter(|k| old.get(*k) != new.get(*k))
        .cloned()
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

impl Deployment {
    /// Decides whether a change is held. Returns the pools to roll now, or `None` when the
    /// change waits (for an apply, or for a repave approval).
    pub(super) fn gate(
        &mut self,
        now: i64,
        packs: &[DesiredPack],
        fail_pack: Option<&str>,
        reshaped: Vec<(String, Vec<String>)>,
        change: &Change,
    ) -> Option<Vec<String>> {
        let held_before = self.rollout.held.take();
        let profile_change =
            change.profiles_changed || held_before.as_ref().is_some_and(|h| h.packs.is_some());
        let mut reasons: Vec<RepaveReason> = reshaped
            .iter()
            .map(|(pool, keys)| RepaveReason {
                code: "MachinePoolChanged".to_owned(),
                message: format!(
                    "machine pool {pool}: {} changed, so its nodes are replaced",
                    keys.join(", ")
                ),
            })
            .collect();
        let mut roll: Vec<String> = held_before
            .as_ref()
            .map(|h| h.roll.clone())
            .unwrap_or_default();
        roll.extend(reshaped.into_iter().map(|(pool, _)| pool));
        if profile_change {
            let packs_reasons = self.replacing_packs(packs);
            if !packs_reasons.is_empty() {
                roll = self.pools.iter().map(|p| p.name.clone()).collect();
            }
            reasons.extend(packs_reasons);
        }
        roll.sort();
        roll.dedup();
        // A repave still pending keeps its reasons: a change after it (the next pool's
        // update) adds to what the approval is asked for, and does not release what it held.
        if let Some(pending) = self
            .rollout
            .repave
            .as_ref()
            .filter(|r| r.state == "Pending")
        {
            let earlier: Vec<RepaveReason> = pending
                .reasons
                .iter()
                .filter(|r| !reasons.contains(r))
                .cloned()
                .collect();
            reasons.splice(0..0, earlier);
        }
        let awaits_approval = change.approval_required && !reasons.is_empty();
        let awaits_apply = if change.profiles_changed {
            change.install_later
        } else {
            held_before.as_ref().is_some_and(|h| h.awaits_apply)
        };
        if !(awaits_approval || awaits_apply) {
            return Some(roll);
        }
        if awaits_approval {
            let already = self
                .rollout
                .repave
                .as_ref()
                .filter(|r| r.state == "Pending")
                .map(|r| r.since);
            if already.is_none() {
                self.history.push(EventRecord {
                    at: now,
                    reason: "RepavePending".to_owned(),
                    message: format!(
                        "the change replaces nodes and waits for approval: {}",
                        reasons
                            .iter()
                            .map(|r| r.message.as_str())
                            .collect::<Vec<_>>()
                            .join("; ")
                    ),
                    severity: "Warning".to_owned(),
                });
            }
            self.rollout.repave = Some(Repave {
                state: "Pending".to_owned(),
                reasons,
                since: already.unwrap_or(now),
            });
        }
        self.rollout.held = Some(Held {
            packs: profile_change.then(|| packs.to_vec()),
            fail_pack: fail_pack.map(str::to_owned),
            roll,
            awaits_apply,
            awaits_approval,
        });
        None
    }

    /// The reasons a stack of `packs` replaces nodes: a kernel, OS or Kubernetes pack that is
    /// new or changed.
    fn replacing_packs(&self, packs: &[DesiredPack]) -> Vec<RepaveReason> {
        packs
            .iter()
            .filter(|p| layer_rank(&p.layer) <= layer_rank("k8s"))
            .filter_map(|p| {
                let running = self.packs.iter().find(|r| r.name == p.name);
                let message = match running {
                    Some(r) if r.fingerprint == p.fingerprint => return None,
                    Some(r) if r.tag != p.tag => format!(
                        "pack {} (layer {}) changes from {} to {}, so every node is replaced",
                        p.name, p.layer, r.tag, p.tag
                    ),
                    Some(_) => format!(
                        "the values of pack {} {} (layer {}) change, so every node is replaced",
                        p.name, p.tag, p.layer
                    ),
                    None => format!(
                        "pack {} {} (layer {}) is new, so every node is replaced",
                        p.name, p.tag, p.layer
                    ),
                };
                Some(RepaveReason {
                    code: "PackChanged".to_owned(),
                    message,
                })
            })
            .collect()
    }

    /// `spcApply.canBeApplied` at `now`: the change is downloaded and not waiting to be applied.
    pub fn can_be_applied(&self, now: i64) -> bool {
        now >= self.rollout.downloading_until
            && !self.rollout.held.as_ref().is_some_and(|h| h.awaits_apply)
    }

    /// `PATCH .../repave/approve`. Returns `false` when the cluster never had a repave to
    /// approve; approving an approved one again changes nothing.
    pub fn approve_repave(&mut self, cluster_uid: &str, now: i64, scale: f64) -> bool {
        let Some(repave) = self.rollout.repave.as_mut() else {
            return false;
        };
        if repave.state == "Pending" {
            repave.state = "Approved".to_owned();
            repave.since = now;
            self.history.push(EventRecord {
                at: now,
                reason: "RepaveApproved".to_owned(),
                message: "the repave was approved; the nodes are being replaced".to_owned(),
                severity: "Normal".to_owned(),
            });
            if let Some(held) = self.rollout.held.as_mut() {
                held.awaits_approval = false;
            }
            self.release(cluster_uid, now, scale);
        }
        true
    }

    /// `POST .../status/spcApply`: a change downloaded to install later is applied now.
    pub fn apply_now(&mut self, cluster_uid: &str, now: i64, scale: f64) {
        if let Some(held) = self.rollout.held.as_mut() {
            held.awaits_apply = false;
        }
        self.release(cluster_uid, now, scale);
    }

    /// Carries out a held change once nobody holds it any more.
    fn release(&mut self, cluster_uid: &str, now: i64, scale: f64) {
        if self
            .rollout
            .held
            .as_ref()
            .is_none_or(|h| h.awaits_apply || h.awaits_approval)
        {
            return;
        }
        let Some(held) = self.rollout.held.take() else {
            return;
        };
        let past = self.events(now, "");
        self.history = past;
        self.events_after = now;
        self.generation += 1;
        self.apply_change(
            cluster_uid,
            now,
            scale,
            held.packs.as_deref(),
            held.fail_pack.as_deref(),
            &held.roll,
            0,
        );
    }
}
