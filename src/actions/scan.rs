//! `palette_cluster_scan`: runs compliance scans of a cluster now
//! (`POST .../features/complianceScan/onDemand`), follows them in the scan logs
//! (`GET .../complianceScan/logs/drivers`, by the request's uid) and summarises each report.
//!
//! A scan that fails is an error; findings (failed checks, vulnerabilities, failed conformance
//! tests) are warnings, or errors with `fail_on_findings = true`.

use std::time::Duration;

use palette_api::models::{ClusterComplianceOnDemandConfig, ClusterScanLog, ComplianceScanRun};
use serde_json::Value as Json;
use tfplugin::action::{InvokeRequest, InvokeResponse};
use tfplugin::async_trait;
use tfplugin::resource::{ValidateConfigRequest, ValidateConfigResponse};
use tfplugin::{Action, Attribute, AttributePath, Block, Context, Schema, Type, Value, ValueExt};
use tokio::time::Instant;

use crate::diagnostics;
use crate::provider_data::PaletteData;
use crate::wait;

const SUMMARY: &str = "Cluster Scan Error";
const DEFAULT_TIMEOUT: &str = "60m";

/// The scans: the name in the configuration, the API's driver, how it is shown.
const KINDS: [(&str, &str, &str); 3] = [
    (
        "configuration",
        "kubeBench",
        "configuration scan (kube-bench)",
    ),
    (
        "penetration",
        "kubeHunter",
        "penetration scan (kube-hunter)",
    ),
    ("conformance", "sonobuoy", "conformance scan (Sonobuoy)"),
];

pub(super) struct ClusterScan;

#[async_trait]
impl Action for ClusterScan {
    fn type_name(&self) -> &str {
        "cluster_scan"
    }

    fn schema(&self) -> Schema {
        Schema::new(
            0,
            Block::new()
                .description(
                    "Runs compliance scans of a cluster now, shows their progress, and summarises \
                     each report: the configuration scan (kube-bench, the CIS benchmark), the \
                     penetration scan (kube-hunter) and the conformance scan (Sonobuoy).",
                )
                .attribute(super::cluster_id_attribute())
                .attribute(super::context_attribute())
                .attribute(
                    Attribute::list("scans", Type::String)
                        .required()
                        .description(
                            "The scans to run: any of `configuration`, `penetration` and \
                             `conformance`, each once.",
                        ),
                )
                .attribute(Attribute::bool("fail_on_findings").optional().description(
                    "Whether findings (failed checks, vulnerabilities, failed conformance tests) \
                     fail the action; by default they are warnings.",
                ))
                .attribute(super::timeout_attribute(
                    DEFAULT_TIMEOUT,
                    "every scan to finish",
                )),
        )
    }

    async fn validate_config(
        &self,
        _ctx: &Context,
        req: ValidateConfigRequest,
        resp: &mut ValidateConfigResponse,
    ) {
        let config = &req.config;
        super::check_cluster_id(config, &mut resp.diagnostics);
        super::check_timeout(config, &mut resp.diagnostics);
        let Some(scans) = config.get("scans").and_then(Value::as_elements) else {
            return;
        };
        if scans.is_empty() {
            resp.diagnostics.attribute_error(
                AttributePath::root("scans"),
                "No Scan Chosen",
                "Name at least one scan: `configuration`, `penetration` or `conformance`.",
            );
        }
        let mut seen: Vec<&str> = Vec::new();
        for (i, scan) in scans.iter().enumerate() {
            let at = AttributePath::root("scans").index(i as i64);
            let Some(name) = scan.as_str() else { continue };
            if !KINDS.iter().any(|(k, _, _)| *k == name) {
                resp.diagnostics.attribute_error(
                    at,
                    "Unknown Scan",
                    format!(
                        "{name:?} is not a scan Palette runs: use `configuration` (kube-bench), \
                         `penetration` (kube-hunter) or `conformance` (Sonobuoy)."
                    ),
                );
            } else if seen.contains(&name) {
                resp.diagnostics.attribute_error(
                    at,
                    "Duplicate Scan",
                    format!("{name:?} is named twice; each scan runs once."),
                );
            } else {
                seen.push(name);
            }
        }
    }

    async fn invoke(&self, ctx: &Context, req: InvokeRequest, resp: &mut InvokeResponse) {
        let config = &req.config;
        let uid = config.get_str("cluster_id").unwrap_or_default().to_string();
        let context = config.get_str("context").unwrap_or("project");
        let strict = config.get_bool("fail_on_findings") == Some(true);
        let timeout = super::timeout_of(config, DEFAULT_TIMEOUT);
        let chosen: Vec<&(&str, &str, &str)> = KINDS
            .iter()
            .filter(|(k, _, _)| {
                config
                    .get_elements("scans")
                    .iter()
                    .any(|s| s.as_str() == Some(k))
            })
            .collect();
        let (data, scope) = match PaletteData::connect(&req.provider_data, context, SUMMARY).await {
            Ok(connected) => connected,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        let run = || {
            Some(ComplianceScanRun {
                run_scan: Some(true),
            })
        };
        let mut body = ClusterComplianceOnDemandConfig::default();
        for (_, driver, _) in &chosen {
            match *driver {
                "kubeBench" => body.kube_bench = run(),
                "kubeHunter" => body.kube_hunter = run(),
                _ => body.sonobuoy = run(),
            }
        }
        let names: Vec<&str> = chosen.iter().map(|(_, _, what)| *what).collect();
        let request = match super::call(
            ctx,
            data.client.scan_cluster_now(&scope, &uid, &body),
            SUMMARY,
            &format!("starting the scans of cluster {uid}"),
            "starting the scans",
        )
        .await
        {
            Ok(answer) => answer,
            Err(diag) => return resp.diagnostics.push(diag),
        };
        resp.progress(format!(
            "started the {} of cluster {uid} (request {request})",
            names.join(", ")
        ));
        let started = Instant::now();
        let mut interval = wait::MIN_INTERVAL;
        let mut last: Vec<Option<String>> = vec![None; chosen.len()];
        let mut heartbeat = Instant::now();
        loop {
            let logs = match super::call(
                ctx,
                data.client.get_cluster_scan_logs(&scope, &uid),
                SUMMARY,
                &format!("reading the scans of cluster {uid}"),
                "waiting for the scans",
            )
            .await
            {
                Ok(answer) => answer,
                Err(diag) => return resp.diagnostics.push(diag),
            };
            let mut moved = false;
            let mut finished = 0;
            for (i, (_, driver, what)) in chosen.iter().enumerate() {
                let list = match *driver {
                    "kubeBench" => &logs.kube_bench_logs,
                    "kubeHunter" => &logs.kube_hunter_logs,
                    _ => &logs.sonobuoy_logs,
                };
                let log = list.iter().flatten().find(|l| {
                    l.status.as_ref().and_then(|s| s.request_uid.as_deref()) == Some(&request)
                });
                let state = log
                    .and_then(|l| l.status.as_ref())
                    .and_then(|s| s.state.clone())
                    .unwrap_or_else(|| "Pending".to_string());
                let terminal = is_terminal(&state);
                if terminal {
                    finished += 1;
                }
                if last[i].as_deref() == Some(state.as_str()) {
                    continue;
                }
                moved = true;
                last[i] = Some(state.clone());
                match log.filter(|_| terminal) {
                    Some(log) => self.report(what, driver, log, strict, resp),
                    None => resp.progress(format!("{what}: {state}")),
                }
            }
            if finished == chosen.len() {
                break;
            }
            if started.elapsed() >= timeout {
                let waiting: Vec<&str> = chosen
                    .iter()
                    .zip(&last)
                    .filter(|(_, s)| !s.as_deref().is_some_and(is_terminal))
                    .map(|((_, _, what), _)| *what)
                    .collect();
                resp.diagnostics.error(
                    "Cluster Scan Timed Out",
                    format!(
                        "After {}, the {} of cluster {uid} had not finished. They keep running in \
                         Palette (request {request}); raise `timeout` to wait longer.",
                        super::short(started.elapsed()),
                        waiting.join(", ")
                    ),
                );
                return;
            }
            if heartbeat.elapsed() >= Duration::from_secs(30) {
                heartbeat = Instant::now();
                resp.progress(format!(
                    "still scanning after {}",
                    super::short(started.elapsed())
                ));
            }
            interval = wait::next_interval(interval, moved);
            if ctx.sleep(interval).await.is_err() {
                return resp
                    .diagnostics
                    .push(diagnostics::interrupted(SUMMARY, "waiting for the scans"));
            }
        }
        let failed = resp.diagnostics.has_errors();
        resp.progress(format!(
            "{} of cluster {uid} finished in {}{}",
            names.join(", "),
            super::short(started.elapsed()),
            if failed { ", with errors" } else { "" }
        ));
    }
}

fn is_terminal(state: &str) -> bool {
    matches!(state, "Completed" | "Failed" | "Error")
}

fn count(report: &Json, key: &str) -> i64 {
    report.get(key).and_then(Json::as_i64).unwrap_or(0)
}

/// One driver's findings, summed over its reports: (summary line, findings found, details).
pub(super) fn summarise(driver: &str, log: &ClusterScanLog) -> (String, bool, Vec<String>) {
    let reports: Vec<&Json> = log
        .status
        .as_ref()
        .and_then(|s| s.reports.as_ref())
        .map(|r| r.values().collect())
        .unwrap_or_default();
    let logs = |r: &&Json| -> Vec<Json> {
        r.get("logs")
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let text = |v: &Json, key: &str| v.get(key).and_then(Json::as_str).unwrap_or("").to_string();
    match driver {
        "kubeBench" => {
            let (mut pass, mut fail, mut warn) = (0, 0, 0);
            let mut details = Vec::new();
            for r in &reports {
                pass += count(r, "pass");
                fail += count(r, "fail");
                warn += count(r, "warn");
                for l in logs(r) {
                    if text(&l, "state") == "FAIL" {
                        details.push(format!(
                            "{} {}",
                            text(&l, "testId"),
                            text(&l, "description")
                        ));
                    }
                }
            }
            (
                format!("{pass} passed, {fail} failed, {warn} warnings"),
                fail > 0,
                details,
            )
        }
        "kubeHunter" => {
            let (mut high, mut medium, mut low) = (0, 0, 0);
            let mut details = Vec::new();
            for r in &reports {
                let v = r.get("vulnerabilites").cloned().unwrap_or_default();
                high += count(&v, "high");
                medium += count(&v, "medium");
                low += count(&v, "low");
                for l in logs(r) {
                    details.push(format!(
                        "{} {} ({})",
                        text(&l, "testId"),
                        text(&l, "vulnerability"),
                        text(&l, "severity")
                    ));
                }
            }
            (
                format!("vulnerabilities: {high} high, {medium} medium, {low} low"),
                high + medium + low > 0,
                details,
            )
        }
        _ => {
            let (mut pass, mut fail, mut total) = (0, 0, 0);
            let mut details = Vec::new();
            for r in &reports {
                pass += count(r, "pass");
                fail += count(r, "fail");
                total += count(r, "total");
                if count(r, "fail") > 0 {
                    details.push(format!(
                        "plugin {}: {} failed",
                        text(r, "plugin"),
                        count(r, "fail")
                    ));
                }
            }
            (
                format!("{pass} of {total} tests passed, {fail} failed"),
                fail > 0,
                details,
            )
        }
    }
}

impl ClusterScan {
    /// Reports a finished scan: its summary as progress, its failure or findings as
    /// diagnostics.
    fn report(
        &self,
        what: &str,
        driver: &str,
        log: &ClusterScanLog,
        strict: bool,
        resp: &mut InvokeResponse,
    ) {
        let status = log.status.clone().unwrap_or_default();
        let state = status.state.clone().unwrap_or_default();
        if state != "Completed" {
            resp.progress(format!("{what}: {state}"));
            resp.diagnostics.error(
                "Cluster Scan Failed",
                format!(
                    "The {what} ended {state}: {}. See the scan's logs in Palette.",
                    status.message.unwrap_or_else(|| "no message".into())
                ),
            );
            return;
        }
        let (line, findings, details) = summarise(driver, log);
        resp.progress(format!("{what} completed: {line}"));
        if findings {
            let detail = format!(
                "The {what} found: {line}.\n{}",
                details
                    .iter()
                    .map(|d| format!("- {d}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            );
            if strict {
                resp.diagnostics.error("Cluster Scan Findings", detail);
            } else {
                resp.diagnostics.warning("Cluster Scan Findings", detail);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{object, refused_at};
    use super::*;

    fn config(scans: &[&str]) -> Value {
        object(&[
            ("cluster_id", Value::from("c1".to_string())),
            (
                "scans",
                Value::List(scans.iter().map(|s| Value::from(s.to_string())).collect()),
            ),
        ])
    }

    #[tokio::test]
    async fn bad_scans_are_refused_at_their_index() {
        assert!(
            refused_at(&ClusterScan, config(&["configuration", "conformance"]))
                .await
                .is_empty()
        );
        assert_eq!(
            refused_at(
                &ClusterScan,
                config(&["configuration", "kube-bench", "configuration"])
            )
            .await,
            ["scans[1]", "scans[2]"]
        );
        assert_eq!(refused_at(&ClusterScan, config(&[])).await, ["scans"]);
    }

    #[test]
    fn reports_are_summed() {
        let log: ClusterScanLog = serde_json::from_value(serde_json::json!({
            "status": {"state": "Completed", "reports": {
                "master": {"pass": 10, "fail": 1, "warn": 2, "logs": [{"testId": "1.1", "state": "FAIL", "description": "d"}]},
                "node": {"pass": 5, "fail": 0, "warn": 1},
            }}
        }))
        .unwrap();
        let (line, findings, details) = summarise("kubeBench", &log);
        assert_eq!(line, "15 passed, 1 failed, 3 warnings");
        assert!(findings);
        assert_eq!(details, ["1.1 d"]);
    }
}
