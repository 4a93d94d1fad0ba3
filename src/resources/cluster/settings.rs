//! Day-2 settings of a cluster with endpoints of their own (agent upgrades, OS patching, the
//! time zone), and the two that say how the provider takes a change through Palette's gates
//! (`repave_approval`, `apply_setting`): their schema, plan checks, writes and read-back.

use palette_api::models::{OsPatchConfig, SpectroCluster, UPGRADE_FORBIDDEN_ANNOTATION};
use palette_api::{Client, ClusterSettings, Scope};
use palette_stack::schedule::{check_cron, check_rfc3339, check_timezone};
use tfplugin::plan_modifier::use_state_for_unknown;
use tfplugin::validator::one_of;
use tfplugin::{Attribute, AttributePath, Diagnostic, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::environments::Environment;
use crate::wait::RepaveApproval;

/// `repave_approval` as the wait takes it.
pub(super) fn repave_approval_of(value: &Value) -> RepaveApproval {
    match value.get_str("repave_approval") {
        Some("manual") => RepaveApproval::Manual,
        _ => RepaveApproval::Automatic,
    }
}

/// `apply_setting` values: Palette's `spcApplySettings.actionType`.
pub(super) const INSTALL_NOW: &str = "DownloadAndInstall";
pub(super) const INSTALL_LATER: &str = "DownloadAndInstallLater";

/// The settings as plain Rust.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Settings {
    pub(super) pause_agent_upgrades: bool,
    pub(super) os_patch_on_boot: bool,
    pub(super) os_patch_schedule: Option<String>,
    pub(super) os_patch_after: Option<String>,
    /// `None` when the configuration leaves it to Palette.
    pub(super) timezone: Option<String>,
}

impl Settings {
    pub(super) fn from_value(value: &Value) -> Settings {
        Settings {
            pause_agent_upgrades: value.get_bool("pause_agent_upgrades").unwrap_or(false),
            os_patch_on_boot: value.get_bool("os_patch_on_boot").unwrap_or(false),
            os_patch_schedule: value.get_str("os_patch_schedule").map(str::to_string),
            os_patch_after: value.get_str("os_patch_after").map(str::to_string),
            timezone: value.get_str("cluster_timezone").map(str::to_string),
        }
    }

    fn os_patch(&self) -> OsPatchConfig {
        OsPatchConfig {
            on_demand_patch_after: self.os_patch_after.clone(),
            patch_on_boot: Some(self.os_patch_on_boot),
            reboot_if_required: None,
            schedule: Some(self.os_patch_schedule.clone().unwrap_or_default()),
        }
    }

    fn patches(&self) -> bool {
        self.os_patch_on_boot || self.os_patch_schedule.is_some() || self.os_patch_after.is_some()
    }

    /// What goes in the create body's `clusterConfig`.
    pub(super) fn create(&self) -> ClusterSettings {
        ClusterSettings {
            timezone: self.timezone.clone(),
            os_patch: self.patches().then(|| self.os_patch()),
            resources: None,
            policies: None,
        }
    }

    /// Sends what changed from `old`. Each call is its own endpoint, so a failure names it.
    pub(super) async fn apply(
        &self,
        client: &Client,
        scope: &Scope,
        uid: &str,
        name: &str,
        old: &Settings,
    ) -> Result<(), Diagnostic> {
        let fail = |what: &str| {
            let what = format!("{what} of cluster {name:?}");
            move |err: palette_api::Error| {
                diagnostics::api_error("Update Cluster Error", &what, &err)
            }
        };
        if self.pause_agent_upgrades != old.pause_agent_upgrades {
            client
                .set_cluster_agent_upgrades(scope, uid, self.pause_agent_upgrades)
                .await
                .map_err(fail("setting the agent upgrades"))?;
        }
        let patch_changed = self.os_patch_on_boot != old.os_patch_on_boot
            || self.os_patch_schedule != old.os_patch_schedule
            || self.os_patch_after != old.os_patch_after;
        if patch_changed {
            client
                .patch_cluster_os_patch(scope, uid, &self.os_patch())
                .await
                .map_err(fail("setting the OS patching"))?;
        }
        if let Some(zone) = &self.timezone
            && self.timezone != old.timezone
        {
            client
                .patch_cluster_timezone(scope, uid, zone)
                .await
                .map_err(fail("setting the time zone"))?;
        }
        Ok(())
    }
}

/// The schema's attributes for these settings.
pub(super) fn attributes() -> Vec<Attribute> {
    vec![
        Attribute::string("repave_approval")
            .optional()
            .default("automatic")
            .validator(one_of(["automatic", "manual"]))
            .description(
                "Who approves a change that replaces nodes (a new OS or Kubernetes layer, its \
                 values, a pool's instance type, ...) when Palette holds it for review: \
                 `automatic` (default: applying the plan is the approval; the provider approves \
                 the pending repave and logs why it was needed) or `manual` (the provider waits \
                 for someone to approve it in Palette, saying at once in the log which pools are \
                 repaved and why, and at the update timeout in the error). Not read from Palette: \
                 it is how this provider acts.",
            ),
        Attribute::string("apply_setting")
            .optional()
            .default(INSTALL_NOW)
            .validator(one_of([INSTALL_NOW, INSTALL_LATER]))
            .description(
                "How Palette applies a profile change: `DownloadAndInstall` (default: at once; \
                 the update waits until Palette reports the change applied and its layers ready) \
                 or `DownloadAndInstallLater` (the cluster downloads it and installs it when \
                 someone applies it in Palette; the update then returns with a warning and the \
                 layers stay as they were). Palette keeps it per change, not per cluster, so it \
                 is not read back.",
            ),
        Attribute::bool("pause_agent_upgrades")
            .optional()
            .default(false)
            .description(
                "Pause the upgrades of the Palette agent on the cluster (Palette's `lock`); in \
                 place. Read from the cluster's `spectroComponentsUpgradeForbidden` annotation.",
            ),
        Attribute::bool("os_patch_on_boot")
            .optional()
            .default(false)
            .description(
                "Patch the nodes' OS with the latest security updates when they first boot; in \
                 place. Not on Edge, where Palette ignores OS patch settings.",
            ),
        Attribute::string("os_patch_schedule")
            .optional()
            .description(
                "When to patch the nodes' OS, as a five-field cron expression such as \
                 `0 2 * * SUN`; in place. Not on Edge.",
            ),
        Attribute::string("os_patch_after").optional().description(
            "Patch the nodes' OS once, after this RFC 3339 time (such as \
                 `2026-12-31T23:00:00Z`); in place. Not on Edge.",
        ),
        Attribute::string("cluster_timezone")
            .optional()
            .computed()
            .plan_modifier(use_state_for_unknown())
            .description(
                "The cluster's time zone, an IANA name such as `Europe/Paris` (schedules run in \
                 it); in place. Left to Palette when unset.",
            ),
    ]
}

/// Plan checks: the forms of the schedule, the time and the zone, and OS patching on Edge.
/// Unknown values wait.
pub(super) fn check(config: &Value, env: Option<&dyn Environment>, diags: &mut Diagnostics) {
    type Check = fn(&str) -> Result<(), String>;
    let checks: [(&str, Check, &str); 3] = [
        ("os_patch_schedule", check_cron, "Invalid OS Patch Schedule"),
        ("os_patch_after", check_rfc3339, "Invalid OS Patch Time"),
        ("cluster_timezone", check_timezone, "Invalid Time Zone"),
    ];
    for (name, check, summary) in checks {
        if let Some(Err(err)) = config.get_str(name).map(check) {
            diags.attribute_error(AttributePath::root(name), summary, format!("{err}."));
        }
    }
    let Some(env) = env else { return };
    if env.key() != "edge_native" {
        return;
    }
    for name in ["os_patch_on_boot", "os_patch_schedule", "os_patch_after"] {
        let set = match config.get(name) {
            None | Some(Value::Null) => false,
            Some(v) if v.is_unknown() => false,
            Some(v) => v.as_bool() != Some(false),
        };
        if set {
            diags.attribute_error(
                AttributePath::root(name),
                "OS Patching Not On Edge",
                format!(
                    "Palette ignores OS patch settings on Edge clusters (the OS comes with the \
                     Edge host's image, updated by the OS layer), so `{name}` would never take \
                     effect; remove it."
                ),
            );
        }
    }
}

/// A setting the configuration leaves to Palette (`cluster_timezone` unset) plans as what
/// Palette has, not as unknown: nothing is sent for it, so nothing changes.
pub(super) fn keep_unmanaged(config: &Value, state: &Value, plan: &mut Value) {
    if state.is_null() || plan.is_null() {
        return;
    }
    if config.get("cluster_timezone").is_none_or(Value::is_null) {
        let prior = state
            .get("cluster_timezone")
            .cloned()
            .unwrap_or(Value::Null);
        plan.set("cluster_timezone", prior);
    }
}

/// Whether two RFC 3339 texts name the same instant as Palette writes them back (`Z` or
/// `+00:00`, with or without zero fractions).
fn same_instant(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.replace("+00:00", "Z");
        match s.split_once('.') {
            Some((whole, rest)) if rest.trim_end_matches('Z').bytes().all(|b| b == b'0') => {
                format!("{whole}Z")
            }
            _ => s,
        }
    };
    norm(a) == norm(b)
}

/// Writes the settings Palette reports into `state`, keeping the state's text where it means
/// the same. `repave_approval` and `apply_setting` are not Palette's; an import sets their
/// defaults.
pub(super) fn refresh(state: &mut Value, cluster: &SpectroCluster, importing: bool) {
    let paused = cluster
        .metadata
        .as_ref()
        .and_then(|m| m.annotations.as_ref())
        .and_then(|a| a.get(UPGRADE_FORBIDDEN_ANNOTATION))
        .is_some_and(|v| v == "true");
    state.set("pause_agent_upgrades", paused);
    let config = cluster.spec.as_ref().and_then(|s| s.cluster_config.clone());
    let patch = config
        .as_ref()
        .and_then(|c| c.machine_management_config.clone())
        .and_then(|m| m.os_patch_config)
        .unwrap_or_default();
    state.set("os_patch_on_boot", patch.patch_on_boot.unwrap_or(false));
    state.set(
        "os_patch_schedule",
        patch
            .schedule
            .filter(|s| !s.is_empty())
            .map(Value::from)
            .unwrap_or(Value::Null),
    );
    let prior_after = state.get_str("os_patch_after").map(str::to_string);
    let after = patch.on_demand_patch_after.filter(|s| !s.is_empty());
    state.set(
        "os_patch_after",
        match (after, prior_after) {
            (Some(read), Some(prior)) if same_instant(&read, &prior) => Value::from(prior),
            (read, _) => read.map(Value::from).unwrap_or(Value::Null),
        },
    );
    let zone = config.and_then(|c| c.timezone).filter(|z| !z.is_empty());
    state.set(
        "cluster_timezone",
        zone.map(Value::from).unwrap_or(Value::Null),
    );
    // Not Palette's: an import (or a state written before they existed) takes the defaults.
    for (name, default) in [
        ("repave_approval", "automatic"),
        ("apply_setting", INSTALL_NOW),
    ] {
        if importing || state.get(name).is_none_or(Value::is_null) {
            state.set(name, default);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn config(pairs: &[(&str, Value)]) -> Value {
        let mut map = BTreeMap::new();
        for name in [
            "os_patch_on_boot",
            "os_patch_schedule",
            "os_patch_after",
            "cluster_timezone",
        ] {
            map.insert(name.to_string(), Value::Null);
        }
        for (k, v) in pairs {
            map.insert(k.to_string(), v.clone());
        }
        Value::Object(map)
    }

    fn paths(config: &Value, env: &str) -> Vec<String> {
        let mut diags = Diagnostics::new();
        check(config, crate::environments::by_key(env), &mut diags);
        diags
            .iter()
            .map(|d| d.attribute.as_ref().unwrap().to_string())
            .collect()
    }

    #[test]
    fn checks_point_at_the_attribute_and_wait_for_unknowns() {
        let good = config(&[
            ("os_patch_schedule", "0 2 * * SUN".into()),
            ("os_patch_after", "2026-12-31T23:00:00Z".into()),
            ("cluster_timezone", "Europe/Paris".into()),
        ]);
        assert!(paths(&good, "aws").is_empty());
        let bad = config(&[
            ("os_patch_schedule", "daily".into()),
            ("os_patch_after", "tomorrow".into()),
            ("cluster_timezone", "Paris".into()),
        ]);
        assert_eq!(
            paths(&bad, "aws"),
            ["os_patch_schedule", "os_patch_after", "cluster_timezone"]
        );
        let unknown = config(&[
            ("os_patch_schedule", Value::unknown()),
            ("os_patch_on_boot", Value::unknown()),
            ("cluster_timezone", Value::unknown()),
        ]);
        assert!(paths(&unknown, "edge_native").is_empty());
        let edge = config(&[
            ("os_patch_on_boot", true.into()),
            ("os_patch_schedule", "0 2 * * *".into()),
        ]);
        assert_eq!(
            paths(&edge, "edge_native"),
            ["os_patch_on_boot", "os_patch_schedule"]
        );
        let off = config(&[("os_patch_on_boot", false.into())]);
        assert!(paths(&off, "edge_native").is_empty(), "the default is fine");
    }

    #[test]
    fn the_same_instant_reads_back_as_written() {
        assert!(same_instant(
            "2026-12-31T23:00:00Z",
            "2026-12-31T23:00:00.000Z"
        ));
        assert!(same_instant(
            "2026-12-31T23:00:00+00:00",
            "2026-12-31T23:00:00Z"
        ));
        assert!(!same_instant(
            "2026-12-31T23:00:00Z",
            "2026-12-31T23:00:01Z"
        ));
    }
}
