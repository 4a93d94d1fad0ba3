//! A `palette-emulator` process per test, on a free loopback port with its own SQLite file.
//!
//! The emulator prints `palette-emulator listening on http://127.0.0.1:PORT` as its first line
//! on stdout (`https://` when [`Emulator::start_tls`] gave it a certificate); everything after
//! that, and all of stderr, goes to `emulator.log` in the test's directory. The process is killed
//! when the [`Emulator`] is dropped.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use tokio_rustls::rustls;

use super::TestEnv;
use crate::support::http;
use crate::support::temp::TempDir;
use crate::support::tls::PrivateCa;

/// The key every test emulator accepts.
pub(crate) const API_KEY: &str = "acc-test-key";
/// The project the provider is pointed at; the emulator seeds it.
pub(crate) const PROJECT: &str = "Default";
/// The start of the emulator's first stdout line.
const LISTENING: &str = "palette-emulator listening on ";
/// How long the emulator may take to start listening.
const START_TIMEOUT: Duration = Duration::from_secs(30);

/// A running emulator.
pub(crate) struct Emulator {
    child: Child,
    url: String,
    log: PathBuf,
    /// The flags after the harness's own, kept for [`Emulator::restart`].
    extra: Vec<String>,
    /// Whether the test sends requests that break the spec on purpose.
    expects_violations: bool,
    /// For an emulator serving HTTPS: how the harness's own requests trust it.
    tls: Option<Arc<rustls::ClientConfig>>,
    // Dropped last, after the process is gone.
    dir: TempDir,
}

impl Emulator {
    /// Starts an emulator with the test defaults: no rate limits, time scaled by
    /// `TF_ACC_TIME_SCALE` (default `0.01`).
    pub(crate) fn start() -> Emulator {
        Emulator::start_with(&["--no-rate-limit"])
    }

    /// Starts an emulator with `extra` flags after the harness's own.
    pub(crate) fn start_with(extra: &[&str]) -> Emulator {
        let extra: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        Emulator::start_in(TempDir::new("emulator"), extra, None)
    }

    /// Starts an emulator with the test defaults that serves HTTPS with a server certificate
    /// of `ca` (`--tls-cert`, `--tls-key`), as a self-hosted Palette behind a private CA does:
    /// only a client given `ca`'s certificate trusts it.
    pub(crate) fn start_tls(ca: &PrivateCa) -> Emulator {
        let dir = TempDir::new("emulator");
        let (cert, key) = ca.write_server_files(dir.path());
        let extra = vec![
            "--no-rate-limit".to_string(),
            "--tls-cert".to_string(),
            cert.display().to_string(),
            "--tls-key".to_string(),
            key.display().to_string(),
        ];
        let emulator = Emulator::start_in(dir, extra, Some(ca.client_config()));
        assert!(
            emulator.url.starts_with("https://"),
            "an emulator given --tls-cert serves {}",
            emulator.url
        );
        emulator
    }

    fn start_in(
        dir: TempDir,
        extra: Vec<String>,
        tls: Option<Arc<rustls::ClientConfig>>,
    ) -> Emulator {
        let log = dir.path().join("emulator.log");
        let (child, url) = spawn(dir.path(), &log, "127.0.0.1:0", &extra);
        Emulator {
            child,
            url,
            log,
            extra,
            expects_violations: false,
            tls,
            dir,
        }
    }

    /// For a test that sends requests breaking the API spec on purpose: the emulator's
    /// refusals of them do not fail it.
    pub(crate) fn expect_spec_violations(&mut self) {
        self.expects_violations = true;
    }

    /// Kills the emulator, leaves it down for `down`, and starts it again on the same address,
    /// database file and flags, as a crash and restart of the server would (clients keep the
    /// same URL).
    pub(crate) fn restart(&mut self, down: Duration) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::thread::sleep(down);
        let listen = self
            .url
            .split_once("://")
            .map_or("", |(_, a)| a)
            .to_string();
        let (child, url) = spawn(self.dir.path(), &self.log, &listen, &self.extra);
        assert_eq!(url, self.url, "the restarted emulator moved");
        self.child = child;
    }
    /// The base URL, as in `http://127.0.0.1:PORT` (`https://` for [`Emulator::start_tls`]).
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Everything the emulator logged so far.
    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends one request with the test API key and returns the response.
    pub(crate) fn request(&self, method: &str, path: &str, body: Option<&str>) -> http::Response {
        let headers = [("ApiKey", API_KEY)];
        http::request_over(&self.url, self.tls.as_ref(), method, path, &headers, body)
            .unwrap_or_else(|e| panic!("{method} {path} on the emulator: {e}"))
    }

    /// The uid of project `name`, as the test API key sees it.
    pub(crate) fn project_uid(&self, name: &str) -> String {
        let response = self.request("GET", "/v1/dashboard/projects/metadata", None);
        let projects: serde_json::Value =
            serde_json::from_str(&response.body).unwrap_or(serde_json::Value::Null);
        projects["items"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["metadata"]["name"] == name)
            .and_then(|p| p["metadata"]["uid"].as_str())
            .unwrap_or_else(|| panic!("no project {name:?} in {}", response.body))
            .to_string()
    }

    /// Sends one request in the scope of project `project_uid` (the `ProjectUid` header; plain
    /// [`Emulator::request`] is tenant-scoped) with the test API key.
    pub(crate) fn project_request(
        &self,
        project_uid: &str,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> http::Response {
        let headers = [("ApiKey", API_KEY), ("ProjectUid", project_uid)];
        http::request_over(&self.url, self.tls.as_ref(), method, path, &headers, body)
            .unwrap_or_else(|e| panic!("{method} {path} in project {project_uid}: {e}"))
    }

    /// The request counters (`GET /__emulator/stats`).
    pub(crate) fn stats(&self) -> Stats {
        let response = self.request("GET", "/__emulator/stats", None);
        assert_eq!(
            response.status, 200,
            "GET /__emulator/stats: {}",
            response.body
        );
        Stats::parse(&response.body)
    }

    /// Zeroes the request counters (`POST /__emulator/stats/reset`).
    pub(crate) fn reset_stats(&self) {
        let response = self.request("POST", "/__emulator/stats/reset", None);
        assert!(
            (200..300).contains(&response.status),
            "POST /__emulator/stats/reset: {} {}",
            response.status,
            response.body
        );
    }

    /// Sets injected faults (`PUT /__emulator/faults`); `"{}"` clears them.
    pub(crate) fn set_faults(&self, json: &str) {
        let response = self.request("PUT", "/__emulator/faults", Some(json));
        assert!(
            (200..300).contains(&response.status),
            "PUT /__emulator/faults: {} {}",
            response.status,
            response.body
        );
    }

    /// Runs `f` and panics if the provider sent any write request meanwhile.
    pub(crate) fn assert_no_writes<T>(&self, what: &str, f: impl FnOnce() -> T) -> T {
        self.reset_stats();
        let result = f();
        let writes = self.stats().writes();
        assert!(
            writes.is_empty(),
            "{what} sent write requests to the emulator: {writes:?}"
        );
        result
    }
}

impl TestEnv for Emulator {
    fn name(&self) -> &'static str {
        "emulator"
    }

    fn provider_env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("PALETTE_HOST", self.url.clone()),
            ("PALETTE_API_KEY", API_KEY.to_string()),
            ("PALETTE_PROJECT", PROJECT.to_string()),
        ]
    }

    fn emulator(&self) -> Option<&Emulator> {
        Some(self)
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        // Every request the provider sent must have passed the spec's checks: a violation fails
        // the test (unless it expected them), and the counts are added to the suite's tally.
        let checked = (!std::thread::panicking())
            .then(|| self.request("GET", "/__emulator/stats", None))
            .filter(|r| r.status == 200)
            .and_then(|r| serde_json::from_str::<serde_json::Value>(&r.body).ok());
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!(
                "emulator log ({}):\n{}",
                self.dir.path().display(),
                tail(&self.log)
            );
        }
        if let Some(stats) = checked {
            let validated = stats["validated_total"].as_u64().unwrap_or(0);
            let violations = stats["violations_total"].as_u64().unwrap_or(0);
            tally_spec_checks(
                validated,
                if self.expects_violations {
                    0
                } else {
                    violations
                },
            );
            if violations > 0 && !self.expects_violations {
                panic!(
                    "the emulator refused {violations} request(s) that break the API spec:\n{}",
                    stats["violations"]
                );
            }
        }
    }
}

/// The file the suite's spec-check counts are appended to, one `validated violations` line per
/// emulator; `cargo xtask test` sums it.
pub(crate) const SPEC_TALLY: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/spec-checks.log");

fn tally_spec_checks(validated: u64, violations: u64) {
    use std::io::Write as _;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(SPEC_TALLY);
    if let Ok(mut file) = file {
        let _ = writeln!(file, "{validated} {violations}");
    }
}

/// The emulator's request counters.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stats {
    pub(crate) requests_total: u64,
    /// `"METHOD /path/template"` to count.
    pub(crate) requests_by_route: BTreeMap<String, u64>,
    pub(crate) throttled_total: u64,
    pub(crate) faults_injected_total: u64,
}

impl Stats {
    /// Reads the JSON of `GET /__emulator/stats`.
    pub(crate) fn parse(json: &str) -> Stats {
        let value: serde_json::Value = serde_json::from_str(json)
            .unwrap_or_else(|e| panic!("stats are not JSON ({e}): {json}"));
        let count = |field: &str| {
            value[field]
                .as_u64()
                .unwrap_or_else(|| panic!("stats have no numeric `{field}`: {json}"))
        };
        let routes = value["requests_by_route"]
            .as_object()
            .unwrap_or_else(|| panic!("stats have no `requests_by_route` object: {json}"))
            .iter()
            .map(|(route, n)| (route.clone(), n.as_u64().unwrap_or(0)))
            .collect();
        Stats {
            requests_total: count("requests_total"),
            requests_by_route: routes,
            throttled_total: count("throttled_total"),
            faults_injected_total: count("faults_injected_total"),
        }
    }

    /// Routes that change state, with their counts: every method but GET and HEAD, except
    /// the API's read-only searches (`POST .../search`) and the emulator's own endpoints.
    pub(crate) fn writes(&self) -> BTreeMap<String, u64> {
        self.requests_by_route
            .iter()
            .filter(|(route, n)| **n > 0 && is_write(route))
            .map(|(route, n)| (route.clone(), *n))
            .collect()
    }

    /// How many requests hit `route` (`"METHOD /path/template"`).
    pub(crate) fn count(&self, route: &str) -> u64 {
        self.requests_by_route.get(route).copied().unwrap_or(0)
    }
}

fn is_write(route: &str) -> bool {
    let (method, path) = route.split_once(' ').unwrap_or((route, ""));
    !matches!(method, "GET" | "HEAD")
        && !path.starts_with("/__emulator/")
        && !path.trim_end_matches('/').ends_with("/search")
}

/// Starts the emulator binary listening on `listen` with its database in `dir`, appending its
/// output to `log`; returns the process and the URL it printed.
fn spawn(dir: &Path, log: &Path, listen: &str, extra: &[String]) -> (Child, String) {
    let binary = binary();
    let log_file = OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("opening emulator.log");
    let time_scale = std::env::var("TF_ACC_TIME_SCALE").unwrap_or_else(|_| "0.01".into());
    let mut child = Command::new(&binary)
        .arg("--listen")
        .arg(listen)
        .arg("--db")
        .arg(dir.join("emulator.db"))
        .args(["--api-key", API_KEY, "--time-scale", &time_scale])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log_file.try_clone().expect("sharing emulator.log"))
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", binary.display()));

    // Read the first line on a thread so a silent emulator cannot hang the test, then
    // keep copying stdout into the log so the pipe never fills.
    let stdout = child.stdout.take().expect("stdout is piped");
    let (first_line, got_first_line) = mpsc::channel();
    let log_path = log.to_path_buf();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = first_line.send(lines.next().and_then(Result::ok));
        let mut out = OpenOptions::new().append(true).open(&log_path).ok();
        for line in lines.map_while(Result::ok) {
            if let Some(out) = out.as_mut() {
                let _ = writeln!(out, "{line}");
            }
        }
    });

    let line = match got_first_line.recv_timeout(START_TIMEOUT) {
        Ok(Some(line)) => line,
        Ok(None) => {
            let status = child.wait().ok();
            panic!(
                "palette-emulator exited ({status:?}) before printing its address; log:\n{}",
                tail(log)
            );
        }
        Err(_) => {
            let _ = child.kill();
            panic!(
                "palette-emulator printed nothing within {START_TIMEOUT:?}; log:\n{}",
                tail(log)
            );
        }
    };
    let Some(url) = line.strip_prefix(LISTENING).map(|u| u.trim().to_string()) else {
        let _ = child.kill();
        panic!(
            "palette-emulator's first line should be `{LISTENING}http://HOST:PORT`, got {line:?}"
        );
    };
    (child, url)
}

/// The emulator binary: `PALETTE_EMULATOR_BIN`, else next to this test's build output.
fn binary() -> PathBuf {
    if let Some(path) = std::env::var_os("PALETTE_EMULATOR_BIN") {
        let path = PathBuf::from(path);
        assert!(
            path.is_file(),
            "PALETTE_EMULATOR_BIN={} is not a file; build it with `cargo build -p palette-emulator`",
            path.display()
        );
        return path;
    }
    // This test runs as target/<profile>/deps/acceptance-<hash>; binaries sit one level up.
    let exe = std::env::current_exe().expect("the test's own path");
    let candidate = exe
        .parent()
        .and_then(Path::parent)
        .map(|dir| dir.join("palette-emulator"))
        .expect("the test binary lives in target/<profile>/deps");
    assert!(
        candidate.is_file(),
        "no palette-emulator binary at {}: build it with `cargo build -p palette-emulator` \
         (`cargo xtask test` does) or set PALETTE_EMULATOR_BIN",
        candidate.display()
    );
    candidate
}

/// The last lines of a log file.
fn tail(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(40)..].join("\n")
}

#[test]
fn stats_count_writes_but_not_reads_searches_or_admin_calls() {
    let stats = Stats::parse(
        r#"{"requests_total": 9, "throttled_total": 0, "faults_injected_total": 0,
            "requests_by_route": {
              "GET /v1/clusterprofiles/{uid}": 4,
              "POST /v1/dashboard/spectroclusters/search": 2,
              "POST /__emulator/stats/reset": 1,
              "PUT /v1/clusterprofiles/{uid}": 1,
              "DELETE /v1/spectroclusters/{uid}": 1,
              "PATCH /v1/clusterprofiles/{uid}/metadata": 0
            }}"#,
    );
    assert_eq!(stats.requests_total, 9);
    assert_eq!(stats.count("GET /v1/clusterprofiles/{uid}"), 4);
    let writes: Vec<String> = stats.writes().into_keys().collect();
    assert_eq!(
        writes,
        [
            "DELETE /v1/spectroclusters/{uid}",
            "PUT /v1/clusterprofiles/{uid}"
        ]
    );
}
