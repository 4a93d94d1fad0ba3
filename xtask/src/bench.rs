//! `cargo xtask bench [--quick] [--only N,...]`: the provider's performance against its baselines.
//!
//! One run builds the release binaries, starts a private emulator (in memory, loopback only),
//! installs the provider into a filesystem mirror behind a small `/usr/bin/time` wrapper (so each
//! plugin process reports its peak memory), and measures seven scenarios, each next to its
//! baseline and in alternating rounds so that a busy machine slows both sides alike:
//!
//! 1. `terraform plan -refresh=false` of N new `palette_cluster_profile` against N
//!    `terraform_data` (the cost of the provider and its framework per resource);
//! 2. a refreshing `terraform plan` of existing profiles and clusters with the documented rate
//!    limits on: API requests per resource, and wall time against the floor the limits allow;
//! 3. the time from the emulator marking a cluster healthy to `terraform apply` returning;
//! 4. plugin start to go-plugin handshake line, and the plugin's peak memory;
//! 5. the emulator's GET throughput on loopback without rate limits;
//! 6. a refreshing `terraform plan` of clusters that each carry all four policies (namespace,
//!    role binding, backup and scan policy) with the rate limits on: requests per cluster
//!    against the budget of 3, and wall time against the floor;
//! 7. `terraform query` (Terraform 1.15 from the shim) over N clusters and N profiles: requests per
//!    listed object, wall time against the rate-limit floor, the plugin's peak memory.
//!
//! The results go between two markers in `BENCHMARKS.md`; text outside them (the analysis) is
//! kept. `--only 2,5` runs only those scenarios (`--only 6` the policy refresh alone, about a
//! minute once the release binaries are built) and replaces only their sections between the
//! markers, so one scenario can be rerun after a change without the others' eleven minutes. The
//! task is not part of `test` or `ci`.

use std::fmt::Write as _;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use anyhow::{Context, bail};
use serde_json::Value;

use crate::terraform::{self, Terraform};
use crate::util::{self, cargo, project_root, section, target_dir};

/// The key the benchmark's emulator accepts; it guards a loopback simulation only.
const API_KEY: &str = "bench-local-key";
/// What the emulator prints once it accepts connections.
const LISTENING: &str = "palette-emulator listening on ";
/// The go-plugin cookie Terraform sets for its plugins.
const MAGIC_COOKIE: &str = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
/// Where the generated results start and end in `BENCHMARKS.md`.
const BEGIN: &str =
    "<!-- bench:begin (written by `cargo xtask bench`; edit outside the markers) -->";
const END: &str = "<!-- bench:end -->";

/// How big and how often, for a full or a `--quick` run.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    quick: bool,
    rounds: usize,
    plan_n: usize,
    refresh_profiles: usize,
    refresh_clusters: usize,
    policy_clusters: usize,
    handshakes: usize,
    load_secs: u64,
    load_connections: usize,
    query_n: usize,
}

impl Sizes {
    fn new(quick: bool) -> Sizes {
        if quick {
            Sizes {
                quick,
                rounds: 2,
                plan_n: 100,
                refresh_profiles: 100,
                refresh_clusters: 20,
                policy_clusters: 20,
                handshakes: 10,
                load_secs: 3,
                load_connections: 4,
                query_n: 100,
            }
        } else {
            Sizes {
                quick,
                rounds: 5,
                plan_n: 500,
                refresh_profiles: 500,
                refresh_clusters: 100,
                policy_clusters: 100,
                handshakes: 20,
                load_secs: 5,
                load_connections: 4,
                query_n: 1000,
            }
        }
    }
}

/// The scenarios a run measures: all seven, or those `--only` names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Selection(Vec<u8>);

impl Selection {
    const ALL: [u8; 7] = [1, 2, 3, 4, 5, 6, 7];

    /// Reads `--only 1,2` or `--only=1,2` (and `--quick`) from the arguments; anything else is an
    /// error.
    fn parse(args: &[String]) -> anyhow::Result<(bool, Selection)> {
        let mut quick = false;
        let mut only: Option<String> = None;
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            if arg == "--quick" {
                quick = true;
            } else if arg == "--only" {
                only = Some(
                    rest.next()
                        .context("`--only` needs a list such as `2` or `1,2`")?
                        .clone(),
                );
            } else if let Some(list) = arg.strip_prefix("--only=") {
                only = Some(list.to_string());
            } else {
                bail!("unexpected argument `{arg}` (expected `--quick` or `--only N,...`)");
            }
        }
        let Some(list) = only else {
            return Ok((quick, Selection(Self::ALL.to_vec())));
        };
        let mut chosen = Vec::new();
        for item in list.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            match item.parse::<u8>() {
                Ok(n) if Self::ALL.contains(&n) => {
                    if !chosen.contains(&n) {
                        chosen.push(n);
                    }
                }
                _ => bail!("`--only` takes scenario numbers 1 to 7, not `{item}`"),
            }
        }
        if chosen.is_empty() {
            bail!("`--only` needs at least one scenario number");
        }
        chosen.sort_unstable();
        Ok((quick, Selection(chosen)))
    }

    fn has(&self, n: u8) -> bool {
        self.0.contains(&n)
    }

    fn is_all(&self) -> bool {
        self.0 == Self::ALL
    }

    fn flag(&self) -> String {
        if self.is_all() {
            String::new()
        } else {
            let list: Vec<String> = self.0.iter().map(u8::to_string).collect();
            format!(" --only {}", list.join(","))
        }
    }
}

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    let (quick, only) = Selection::parse(args)?;
    let sizes = Sizes::new(quick);
    let started = Instant::now();
    let load_start = load_average();
    let tf = terraform::ensure_any()?;

    section("build the release binaries");
    util::run(
        cargo()
            .args([
                "build",
                "--release",
                "--package",
                "terraform-provider-palette",
            ])
            .args(["--package", "palette-emulator", "--bins"]),
    )?;
    let release = target_dir().join("release");

    let work = target_dir().join("bench");
    if work.exists() {
        fs::remove_dir_all(&work).with_context(|| format!("removing {}", work.display()))?;
    }
    fs::create_dir_all(&work)?;

    section("emulator");
    let emulator = Emulator::start(&release.join("palette-emulator"), &work)?;
    eprintln!("emulator at {}", emulator.url);

    section("install the provider into the mirror");
    let env = BenchEnv::install(
        &tf,
        &work,
        &release.join("terraform-provider-palette"),
        &emulator,
    )?;

    let mut report = Report::default();
    let mut sections: Vec<(u8, String)> = Vec::new();
    let mut take = |n: u8, report: &mut Report| {
        sections.push((n, std::mem::take(&mut report.body)));
    };
    if only.has(1) {
        section("1. plan of new resources");
        plan_new(&env, &emulator, sizes, &mut report)?;
        take(1, &mut report);
    }
    let mut profile_uid = None;
    if only.has(2) || only.has(5) {
        section("2. refreshing plan under the rate limits");
        let (dir, uid) = refresh_fixtures(&env, &emulator, sizes)?;
        profile_uid = uid;
        if only.has(2) {
            refresh_plan(&env, &emulator, sizes, &dir, &mut report)?;
            take(2, &mut report);
        }
    }
    if only.has(3) {
        section("3. apply latency");
        apply_latency(&env, &emulator, sizes, &mut report)?;
        take(3, &mut report);
    }
    if only.has(4) {
        section("4. plugin start and memory");
        handshake(
            &release.join("terraform-provider-palette"),
            &work,
            sizes,
            &mut report,
        )?;
        memory(&env, &mut report);
        take(4, &mut report);
    }
    if only.has(5) {
        section("5. emulator throughput");
        throughput(&emulator, profile_uid.as_deref(), sizes, &mut report)?;
        take(5, &mut report);
    }
    if only.has(6) {
        section("6. refreshing plan of clusters with all four policies");
        policy_refresh(&env, &emulator, sizes, &mut report)?;
        take(6, &mut report);
    }
    if only.has(7) {
        section("7. terraform query");
        // `terraform query` needs Terraform 1.14 or later: the shim's.
        let newer = terraform::ensure_shim()?;
        let query_work = work.join("query-terraform");
        fs::create_dir_all(&query_work)?;
        let env = BenchEnv::install(
            &newer,
            &query_work,
            &release.join("terraform-provider-palette"),
            &emulator,
        )?;
        query(&env, &emulator, sizes, &mut report)?;
        take(7, &mut report);
    }

    let load_end = load_average();
    let took = started.elapsed();
    let header = machine_header(&tf, sizes, &only, &load_start, &load_end, took)?;
    let provenance = format!(
        "_This section is from `cargo xtask bench{}{}` ({} rounds, took {:.0} s) at commit {}, {}; \
         load average start {load_start}, end {load_end}. The run table above describes the other sections._",
        if sizes.quick { " --quick" } else { "" },
        only.flag(),
        sizes.rounds,
        took.as_secs_f64(),
        git_commit(),
        utc_now(),
    );
    write_results(
        &project_root().join("BENCHMARKS.md"),
        &header,
        &provenance,
        &sections,
        only.is_all(),
    )?;
    section("summary");
    eprintln!("{}", report.summary.join("\n"));
    eprintln!("results written to BENCHMARKS.md");
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The emulator.

/// The benchmark's own emulator; killed when dropped.
struct Emulator {
    child: Child,
    addr: SocketAddr,
    url: String,
    project_uid: String,
}

impl Drop for Emulator {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Emulator {
    fn start(binary: &Path, work: &Path) -> anyhow::Result<Emulator> {
        let log_path = work.join("emulator.log");
        let log = fs::File::create(&log_path)?;
        let mut cmd = Command::new(binary);
        cmd.args(["--listen", "127.0.0.1:0", "--api-key", API_KEY])
            .args(["--time-scale", "0.001"])
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log);
        eprintln!("$ {}", util::display(&cmd));
        let mut child = cmd.spawn().context("starting palette-emulator")?;
        let deadline = Instant::now() + Duration::from_secs(30);
        let url = loop {
            let text = fs::read_to_string(&log_path).unwrap_or_default();
            if let Some(url) = text.lines().find_map(|l| {
                l.find(LISTENING)
                    .map(|at| l[at + LISTENING.len()..].trim().to_string())
            }) {
                break url;
            }
            if let Some(status) = child.try_wait()? {
                bail!("palette-emulator exited ({status}) before it listened:\n{text}");
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                let _ = child.wait();
                bail!("palette-emulator did not listen within 30s:\n{text}");
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let addr: SocketAddr = url
            .strip_prefix("http://")
            .and_then(|a| a.parse().ok())
            .with_context(|| format!("the emulator's address {url:?} is not http://IP:PORT"))?;
        if !addr.ip().is_loopback() {
            bail!("the emulator listens on {addr}, not on loopback");
        }
        let mut emulator = Emulator {
            child,
            addr,
            url,
            project_uid: String::new(),
        };
        let projects = emulator.json("GET", "/v1/dashboard/projects/metadata", None, false)?;
        emulator.project_uid = find_uid_by_name(&projects, "Default")
            .context("the emulator has no project called Default")?;
        Ok(emulator)
    }

    /// One request on a fresh connection; returns the status and the body.
    fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        in_project: bool,
    ) -> anyhow::Result<(u16, Vec<u8>)> {
        let stream = TcpStream::connect_timeout(&self.addr, Duration::from_secs(5))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        let mut headers = vec![("ApiKey", API_KEY)];
        if in_project {
            headers.push(("ProjectUid", self.project_uid.as_str()));
        }
        let mut writer = stream.try_clone()?;
        writer.write_all(&http_request(
            method,
            path,
            &headers,
            body.unwrap_or(""),
            false,
        ))?;
        read_response(&mut BufReader::new(stream))
    }

    /// A request whose answer must be 2xx JSON (or empty).
    fn json(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        in_project: bool,
    ) -> anyhow::Result<Value> {
        let (status, bytes) = self.request(method, path, body, in_project)?;
        if !(200..300).contains(&status) {
            bail!(
                "{method} {path}: status {status}: {}",
                String::from_utf8_lossy(&bytes)
            );
        }
        if bytes.is_empty() {
            return Ok(Value::Null);
        }
        serde_json::from_slice(&bytes).with_context(|| format!("{method} {path}: not JSON"))
    }

    fn settings(&self, rate_limit: bool, time_scale: f64) -> anyhow::Result<()> {
        let body = serde_json::json!({"rate_limit": rate_limit, "time_scale": time_scale});
        self.json(
            "PUT",
            "/__emulator/settings",
            Some(&body.to_string()),
            false,
        )?;
        Ok(())
    }

    /// Zeroes the counters and refills every rate-limit bucket.
    fn reset_stats(&self) -> anyhow::Result<()> {
        self.json("POST", "/__emulator/stats/reset", None, false)?;
        Ok(())
    }

    fn stats(&self) -> anyhow::Result<Value> {
        self.json("GET", "/__emulator/stats", None, false)
    }
}

/// The `uid` of the first object whose `metadata.name` (or `name`) is `name`, anywhere in `v`.
fn find_uid_by_name(v: &Value, name: &str) -> Option<String> {
    match v {
        Value::Object(map) => {
            let own_name = map
                .get("metadata")
                .and_then(|m| m.get("name"))
                .or_else(|| map.get("name"));
            if own_name.and_then(Value::as_str) == Some(name) {
                let uid = map
                    .get("metadata")
                    .and_then(|m| m.get("uid"))
                    .or_else(|| map.get("uid"))
                    .and_then(Value::as_str);
                if let Some(uid) = uid {
                    return Some(uid.to_string());
                }
            }
            map.values().find_map(|v| find_uid_by_name(v, name))
        }
        Value::Array(items) => items.iter().find_map(|v| find_uid_by_name(v, name)),
        _ => None,
    }
}

/// An HTTP/1.1 request, with `Connection: close` unless `keep_alive`.
fn http_request(
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
    keep_alive: bool,
) -> Vec<u8> {
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (name, value) in headers {
        let _ = write!(text, "{name}: {value}\r\n");
    }
    if !body.is_empty() {
        let _ = write!(
            text,
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        );
    } else if method != "GET" {
        text.push_str("Content-Length: 0\r\n");
    }
    if !keep_alive {
        text.push_str("Connection: close\r\n");
    }
    text.push_str("\r\n");
    text.push_str(body);
    text.into_bytes()
}

/// Reads one HTTP/1.1 response (with a `Content-Length` or chunked body).
fn read_response(reader: &mut impl BufRead) -> anyhow::Result<(u16, Vec<u8>)> {
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        bail!("the connection closed before a response");
    }
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .with_context(|| format!("bad status line {line:?}"))?;
    let mut length = None;
    let mut chunked = false;
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            bail!("the connection closed inside the headers");
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse::<usize>().ok();
            } else if name.eq_ignore_ascii_case("transfer-encoding")
                && value.eq_ignore_ascii_case("chunked")
            {
                chunked = true;
            }
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            line.clear();
            reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .with_context(|| format!("bad chunk size {line:?}"))?;
            let start = body.len();
            body.resize(start + size, 0);
            reader.read_exact(&mut body[start..])?;
            line.clear();
            reader.read_line(&mut line)?;
            if size == 0 {
                break;
            }
        }
    } else if let Some(length) = length {
        body.resize(length, 0);
        reader.read_exact(&mut body)?;
    } else if status != 204 && status != 304 {
        reader.read_to_end(&mut body)?;
    }
    Ok((status, body))
}

// ---------------------------------------------------------------------------------------------
// Terraform and the provider mirror.

/// Terraform, the mirror's CLI configuration, and where plugin processes leave their peak memory.
struct BenchEnv {
    tf: Terraform,
    cli_config: PathBuf,
    rss_dir: PathBuf,
    work: PathBuf,
    url: String,
    /// Whether the mirror's provider runs under `/usr/bin/time` (else peak memory is unmeasured).
    measures_memory: bool,
}

impl BenchEnv {
    fn install(
        tf: &Terraform,
        work: &Path,
        binary: &Path,
        emulator: &Emulator,
    ) -> anyhow::Result<BenchEnv> {
        let version = util::provider_version()?;
        let mirror = work.join("mirror");
        let target = mirror
            .join("registry.terraform.io/palette-rs/palette")
            .join(&version)
            .join(util::terraform_platform());
        fs::create_dir_all(&target)?;
        let rss_dir = work.join("rss");
        fs::create_dir_all(&rss_dir)?;
        let real = work.join("bin/terraform-provider-palette");
        fs::create_dir_all(real.parent().expect("a parent"))?;
        fs::copy(binary, &real)?;
        let installed = target.join(format!("terraform-provider-palette_v{version}"));
        let time = Path::new("/usr/bin/time");
        let measures_memory = util::is_executable(time);
        if measures_memory {
            // `exec` keeps the pid, so Terraform's signals reach `time`, which passes them on.
            let script = format!(
                "#!/bin/sh\n# Written by `cargo xtask bench`: the provider under /usr/bin/time.\nexec /usr/bin/time -f '%M %U %S' -o '{}/rss.'$$ '{}' \"$@\"\n",
                rss_dir.display(),
                real.display()
            );
            fs::write(&installed, script)?;
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                fs::set_permissions(&installed, fs::Permissions::from_mode(0o755))?;
            }
        } else {
            eprintln!("no /usr/bin/time: the plugin's peak memory is not measured");
            fs::copy(&real, &installed)?;
        }
        let cli_config = work.join("terraform.tfrc");
        fs::write(
            &cli_config,
            format!(
                "provider_installation {{\n  filesystem_mirror {{\n    path    = \"{}\"\n    include = [\"registry.terraform.io/palette-rs/palette\"]\n  }}\n  direct {{\n    exclude = [\"registry.terraform.io/palette-rs/palette\"]\n  }}\n}}\n",
                mirror.display()
            ),
        )?;
        Ok(BenchEnv {
            tf: tf.clone(),
            cli_config,
            rss_dir,
            work: work.to_path_buf(),
            url: emulator.url.clone(),
            measures_memory,
        })
    }

    fn terraform(&self, dir: &Path) -> Command {
        let mut cmd = Command::new(&self.tf.path);
        cmd.current_dir(dir)
            .stdin(Stdio::null())
            .env("TF_CLI_CONFIG_FILE", &self.cli_config)
            .env("CHECKPOINT_DISABLE", "1")
            .env("TF_IN_AUTOMATION", "1")
            .env("PALETTE_HOST", &self.url)
            .env("PALETTE_API_KEY", API_KEY)
            .env("PALETTE_PROJECT", "Default")
            .env_remove("TF_LOG")
            .env_remove("TF_LOG_PROVIDER");
        cmd
    }

    /// A directory under the work dir holding `main.tf`, initialised.
    fn config_dir(&self, name: &str, main_tf: &str) -> anyhow::Result<PathBuf> {
        let dir = self.work.join(name);
        fs::create_dir_all(&dir)?;
        fs::write(dir.join("main.tf"), main_tf)?;
        let run = self.timed(&dir, &["init", "-input=false", "-no-color"], "init")?;
        if !run.ok() {
            bail!(
                "terraform init in {} failed:\n{}",
                dir.display(),
                run.tail()
            );
        }
        Ok(dir)
    }

    /// Runs Terraform in `dir`, output to `dir/<log>.log`, and times it.
    fn timed(&self, dir: &Path, args: &[&str], log: &str) -> anyhow::Result<Run> {
        let log_path = dir.join(format!("{log}.log"));
        let out = fs::File::create(&log_path)?;
        let time_path = dir.join(format!("{log}.time"));
        let mut cmd = if self.measures_memory {
            // Terraform under `/usr/bin/time`: user + system CPU of Terraform and every plugin it
            // started and reaped, which a busy machine does not inflate as it does wall time.
            let cmd = self.terraform(dir);
            let program = cmd.get_program().to_owned();
            let mut timed = Command::new("/usr/bin/time");
            timed
                .args(["-f", "%U %S", "-o"])
                .arg(&time_path)
                .arg(program);
            for (key, value) in cmd.get_envs() {
                match value {
                    Some(value) => timed.env(key, value),
                    None => timed.env_remove(key),
                };
            }
            timed.current_dir(dir).stdin(Stdio::null());
            timed
        } else {
            self.terraform(dir)
        };
        cmd.args(args).stdout(out.try_clone()?).stderr(out);
        let start = Instant::now();
        let status = cmd
            .status()
            .with_context(|| format!("running {}", util::display(&cmd)))?;
        let elapsed = start.elapsed();
        let ended = SystemTime::now();
        let cpu = fs::read_to_string(&time_path)
            .ok()
            .and_then(|t| t.lines().rev().find_map(cpu_seconds));
        Ok(Run {
            elapsed,
            ended,
            cpu,
            code: status.code(),
            output: fs::read_to_string(&log_path).unwrap_or_default(),
        })
    }

    /// Peak RSS (KiB) and CPU seconds of every plugin process that has exited since the last
    /// call, and clears them.
    fn take_plugins(&self) -> Vec<(u64, f64)> {
        let mut all = Vec::new();
        if let Ok(entries) = fs::read_dir(&self.rss_dir) {
            for entry in entries.filter_map(Result::ok) {
                let text = fs::read_to_string(entry.path()).unwrap_or_default();
                if let Some(found) = text.lines().rev().find_map(|l| {
                    let (kib, cpu) = l.trim().split_once(' ')?;
                    Some((kib.parse::<u64>().ok()?, cpu_seconds(cpu)?))
                }) {
                    all.push(found);
                }
                let _ = fs::remove_file(entry.path());
            }
        }
        all
    }
}

/// The sum of the numbers in `"USER SYS"`, as `/usr/bin/time -f "%U %S"` writes them.
fn cpu_seconds(line: &str) -> Option<f64> {
    let mut parts = line.split_whitespace().map(|p| p.parse::<f64>().ok());
    let (user, sys) = (parts.next()??, parts.next()??);
    parts.next().is_none().then_some(user + sys)
}

/// One finished Terraform command.
struct Run {
    elapsed: Duration,
    ended: SystemTime,
    /// User + system CPU seconds of Terraform and its plugins, when `/usr/bin/time` measured it.
    cpu: Option<f64>,
    code: Option<i32>,
    output: String,
}

impl Run {
    fn ok(&self) -> bool {
        self.code == Some(0)
    }
    fn tail(&self) -> String {
        let lines: Vec<&str> = self.output.lines().collect();
        lines[lines.len().saturating_sub(40)..].join("\n")
    }
}

const PROVIDER_HEADER: &str = r#"terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}
"#;

fn profiles_tf(n: usize) -> String {
    format!(
        r#"{PROVIDER_HEADER}
resource "palette_cluster_profile" "p" {{
  count       = {n}
  name        = "bench-plan-${{count.index}}"
  version     = "1.0.0"
  type        = "add-on"
  environment = "all"

  pack {{
    name = "cert-manager"
    tag  = "1.21.1"
  }}
}}
"#
    )
}

fn terraform_data_tf(n: usize) -> String {
    format!(
        r#"resource "terraform_data" "p" {{
  count = {n}
  input = {{
    name        = "bench-plan-${{count.index}}"
    version     = "1.0.0"
    type        = "add-on"
    environment = "all"
    pack        = [{{ name = "cert-manager", tag = "1.21.1" }}]
  }}
}}
"#
    )
}

/// An AWS infra profile named `infra_name`, used by every cluster of the configuration.
fn infra_profile(infra_name: &str) -> String {
    format!(
        r#"
data "palette_cloud_account" "aws" {{
  name = "aws-dev"
}}

resource "palette_cluster_profile" "infra" {{
  name        = "{infra_name}"
  version     = "1.0.0"
  type        = "infra"
  environment = "aws"

  pack {{
    name = "ubuntu-aws"
    tag  = "22.04"
  }}
  pack {{
    name = "kubernetes"
    tag  = "1.33.10"
  }}
  pack {{
    name = "cni-calico"
    tag  = "3.31.4"
  }}
  pack {{
    name = "csi-aws-ebs"
    tag  = "1.59.0"
  }}
}}
"#
    )
}

fn cluster_tf(resource: &str, count: Option<usize>, name: &str) -> String {
    let count = count
        .map(|c| format!("  count            = {c}\n"))
        .unwrap_or_default();
    format!(
        r#"
resource "palette_cluster" "{resource}" {{
{count}  name             = "{name}"
  cloud_account_id = data.palette_cloud_account.aws.id

  aws {{
    region = "us-east-1"
  }}

  cluster_profile {{
    id = palette_cluster_profile.infra.id
  }}

  machine_pool {{
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m5.large"
  }}
}}
"#
    )
}

/// `profiles` profiles in all (one infra, the rest add-on) and `clusters` clusters.
fn refresh_tf(profiles: usize, clusters: usize) -> String {
    let addons = profiles.saturating_sub(1);
    format!(
        r#"{PROVIDER_HEADER}{}
resource "palette_cluster_profile" "addon" {{
  count       = {addons}
  name        = "bench-refresh-${{count.index}}"
  version     = "1.0.0"
  type        = "add-on"
  environment = "all"

  pack {{
    name = "cert-manager"
    tag  = "1.21.1"
  }}
}}
{}
output "profile_uid" {{
  value = palette_cluster_profile.infra.id
}}
"#,
        infra_profile("bench-refresh-infra"),
        cluster_tf("c", Some(clusters), "bench-refresh-${count.index}"),
    )
}

/// `clusters` clusters, each with a namespace, a role binding, a backup and a scan policy.
fn policy_tf(clusters: usize) -> String {
    let cluster = cluster_tf("c", Some(clusters), "bench-policy-${count.index}");
    let policies = r#"
  namespace {
    name       = "team-a"
    cpu_cores  = 2
    memory_mib = 4096
  }

  rbac_binding {
    type      = "ClusterRoleBinding"
    role_name = "view"
    subject {
      type = "Group"
      name = "devs"
    }
  }

  backup_policy {
    backup_storage_location_id = palette_backup_storage_location.bench.id
    prefix                     = "nightly"
    schedule                   = "0 1 * * *"
    expiry_in_hours            = 72
  }

  scan_policy {
    configuration_scan_schedule = "0 2 * * SUN"
  }
}
"#;
    let cluster = cluster
        .trim_end()
        .strip_suffix('}')
        .map(|head| format!("{head}{policies}"))
        .unwrap_or(cluster);
    format!(
        r#"{PROVIDER_HEADER}{}
resource "palette_backup_storage_location" "bench" {{
  name = "bench-backups"
  s3 {{
    bucket_name     = "bench"
    region          = "us-east-1"
    credential_type = "sts"
    arn             = "arn:aws:iam::123456789012:role/bench"
    external_id     = "bench"
  }}
}}
{cluster}"#,
        infra_profile("bench-policy-infra"),
    )
}

/// `n` profiles (one infra, the rest add-on) and `n` clusters for the query scenario.
fn query_tf(n: usize) -> String {
    format!(
        r#"{PROVIDER_HEADER}{}
resource "palette_cluster_profile" "addon" {{
  count       = {}
  name        = "bench-query-${{count.index}}"
  version     = "1.0.0"
  type        = "add-on"
  environment = "all"

  pack {{
    name = "cert-manager"
    tag  = "1.21.1"
  }}
}}
{}"#,
        infra_profile("bench-query-infra"),
        n.saturating_sub(1),
        cluster_tf("c", Some(n), "bench-query-${count.index}"),
    )
}

/// The list blocks of the query scenario: every `bench-query-*` cluster and profile.
fn query_blocks(n: usize) -> String {
    format!(
        "list \"palette_cluster\" \"all\" {{\n  provider = palette\n  limit    = {n}\n  config {{\n    name = \"bench-query-*\"\n  }}\n}}\n\n\
         list \"palette_cluster_profile\" \"all\" {{\n  provider = palette\n  limit    = {n}\n  config {{\n    name = \"bench-query-*\"\n  }}\n}}\n"
    )
}

fn latency_tf(round: usize) -> String {
    format!(
        r#"{PROVIDER_HEADER}{}{}
output "cluster_uid" {{
  value = palette_cluster.c.id
}}
"#,
        infra_profile(&format!("bench-latency-infra-{round}")),
        cluster_tf("c", None, &format!("bench-latency-{round}")),
    )
}

// ---------------------------------------------------------------------------------------------
// The scenarios.

/// The markdown the scenarios write, and a one-line verdict per goal.
#[derive(Default)]
struct Report {
    body: String,
    summary: Vec<String>,
    /// Peak RSS (KiB) per plugin process during the new-resource plans.
    plan_rss: Vec<u64>,
    /// Peak anonymous and file-backed RSS (KiB) of the plugin during one extra, untimed plan.
    plan_split: Option<(u64, u64)>,
    refresh_rss: Vec<u64>,
}

impl Report {
    fn line(&mut self, text: impl AsRef<str>) {
        self.body.push_str(text.as_ref());
        self.body.push('\n');
    }
    fn verdict(&mut self, goal: &str, met: bool, detail: String) {
        let word = if met { "MET" } else { "MISSED" };
        self.line(format!("\n**Goal {goal}: {word}** ({detail})\n"));
        self.summary.push(format!("{word:<6} {goal}: {detail}"));
    }
}

fn plan_new(
    env: &BenchEnv,
    emulator: &Emulator,
    sizes: Sizes,
    report: &mut Report,
) -> anyhow::Result<()> {
    let n = sizes.plan_n;
    emulator.settings(false, 0.001)?;
    let baseline = env.config_dir("plan-terraform-data", &terraform_data_tf(n))?;
    let candidate = env.config_dir("plan-profiles", &profiles_tf(n))?;
    env.take_plugins();
    let args = ["plan", "-refresh=false", "-input=false", "-no-color"];
    let (mut base_times, mut cand_times, mut ratios, mut requests) =
        (vec![], vec![], vec![], vec![]);
    let (mut base_cpu, mut cand_cpu, mut plugin_cpu) = (vec![], vec![], vec![]);
    for round in 0..sizes.rounds {
        let base = env.timed(&baseline, &args, "plan")?;
        if !base.ok() {
            bail!("baseline plan failed:\n{}", base.tail());
        }
        emulator.reset_stats()?;
        let cand = env.timed(&candidate, &args, "plan")?;
        if !cand.ok() {
            bail!("profile plan failed:\n{}", cand.tail());
        }
        let stats = emulator.stats()?;
        let plugins = env.take_plugins();
        report.plan_rss.extend(plugins.iter().map(|p| p.0));
        let (b, c) = (base.elapsed.as_secs_f64(), cand.elapsed.as_secs_f64());
        eprintln!("round {round}: terraform_data {b:.2}s, palette_cluster_profile {c:.2}s");
        base_times.push(b);
        cand_times.push(c);
        ratios.push(c / b);
        requests.push(stats["requests_total"].as_f64().unwrap_or(0.0));
        base_cpu.push(base.cpu.unwrap_or(f64::NAN));
        cand_cpu.push(cand.cpu.unwrap_or(f64::NAN));
        plugin_cpu.push(plugins.iter().map(|p| p.1).sum::<f64>());
    }
    // One more plan, untimed, while a sampler reads the plugin's memory split from /proc.
    let sampler = ProcSampler::start(env.work.join("bin/terraform-provider-palette"));
    let extra = env.timed(&candidate, &args, "plan-sampled")?;
    report.plan_split = sampler.finish();
    env.take_plugins();
    if !extra.ok() {
        bail!("profile plan failed:\n{}", extra.tail());
    }
    let ratio = median(&cand_times) / median(&base_times);
    let cpu_ratio = median(&cand_cpu) / median(&base_cpu);
    report.line(format!(
        "## 1. Plan of {n} new resources\n\n`terraform plan -refresh=false` in an initialised directory without state, \
         {n} `palette_cluster_profile` (one cert-manager pack each, unique names) against {n} `terraform_data` \
         with the same attributes; rounds alternate baseline and candidate; rate limits off. Wall time is the \
         goal's measure; CPU (user + system of Terraform and the plugins it reaped, from `/usr/bin/time`) is \
         shown too because the machine is shared and CPU time is what load does not inflate.\n"
    ));
    report.line("| round | terraform_data wall (s) | profiles wall (s) | wall ratio | terraform_data CPU (s) | profiles CPU (s) | of which the plugin (s) | CPU ratio | API requests during the plan |");
    report.line("|---|---|---|---|---|---|---|---|---|");
    for i in 0..base_times.len() {
        report.line(format!(
            "| {} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {:.2} | {} |",
            i + 1,
            base_times[i],
            cand_times[i],
            ratios[i],
            base_cpu[i],
            cand_cpu[i],
            plugin_cpu[i],
            cand_cpu[i] / base_cpu[i],
            requests[i]
        ));
    }
    report.line(format!(
        "| **median** | **{:.2}** | **{:.2}** | **{ratio:.2}** (median of ratios {:.2}) | {:.2} | {:.2} | {:.2} | **{cpu_ratio:.2}** | |",
        median(&base_times),
        median(&cand_times),
        median(&ratios),
        median(&base_cpu),
        median(&cand_cpu),
        median(&plugin_cpu),
    ));
    report.verdict(
        "plan ratio ≤ 1.3",
        ratio <= 1.3,
        format!("wall {ratio:.2}× the terraform_data plan; CPU {cpu_ratio:.2}×"),
    );
    Ok(())
}

/// Creates the profiles and clusters of scenario 2 (rate limits off); returns their directory
/// and the uid of one profile, for the throughput test.
fn refresh_fixtures(
    env: &BenchEnv,
    emulator: &Emulator,
    sizes: Sizes,
) -> anyhow::Result<(PathBuf, Option<String>)> {
    let (p, c) = (sizes.refresh_profiles, sizes.refresh_clusters);
    emulator.settings(false, 0.001)?;
    let dir = env.config_dir("refresh", &refresh_tf(p, c))?;
    eprintln!("creating {p} profiles and {c} clusters (rate limits off, time scale 0.001)");
    let apply = env.timed(
        &dir,
        &["apply", "-input=false", "-auto-approve", "-no-color"],
        "apply",
    )?;
    if !apply.ok() {
        bail!("creating the refresh fixtures failed:\n{}", apply.tail());
    }
    eprintln!("created in {:.1}s", apply.elapsed.as_secs_f64());
    env.take_plugins();
    let uid = output_raw(env, &dir, "profile_uid").ok();
    Ok((dir, uid))
}

/// Times refreshing plans of the fixtures in `dir` with the limits on.
fn refresh_plan(
    env: &BenchEnv,
    emulator: &Emulator,
    sizes: Sizes,
    dir: &Path,
    report: &mut Report,
) -> anyhow::Result<()> {
    let (p, c) = (sizes.refresh_profiles, sizes.refresh_clusters);
    let resources = (p + c) as f64;
    emulator.settings(true, 0.001)?;
    let args = ["plan", "-input=false", "-no-color", "-detailed-exitcode"];
    report.line(format!(
        "\n## 2. Refreshing plan of {p} profiles and {c} clusters, rate limits on\n\n\
         Created first by one `terraform apply` (rate limits off, time scale 0.001); then each round resets \
         the emulator's counters and refills its rate-limit buckets and times `terraform plan` (which \
         refreshes every resource) with the documented limits on. Floor = max over rate-limit prefixes of \
         requests on the prefix / its rate; the burst (five seconds of tokens per bucket, full at the start \
         of each round) lets a run beat that floor, so the floor net of the burst is shown too.\n"
    ));
    report.line("| round | wall (s) | requests | per resource | floor (s) | floor net of burst (s) | wall / floor | 429s (throttled_total) | exit |");
    report.line("|---|---|---|---|---|---|---|---|---|");
    let (mut walls, mut per_resource, mut floors, mut over_floor) =
        (vec![], vec![], vec![], vec![]);
    let mut throttled_all = 0.0;
    let mut clean = true;
    let mut by_prefix_last = Vec::new();
    let mut last_stats = Value::Null;
    for round in 0..sizes.rounds {
        emulator.reset_stats()?;
        let run = env.timed(dir, &args, "plan")?;
        let stats = emulator.stats()?;
        report
            .refresh_rss
            .extend(env.take_plugins().iter().map(|p| p.0));
        let total = stats["requests_total"].as_f64().unwrap_or(0.0);
        let throttled = stats["throttled_total"].as_f64().unwrap_or(0.0);
        let prefixes = requests_by_prefix(&stats);
        let floor = prefixes
            .iter()
            .map(|(_, n, rate)| n / rate)
            .fold(0.0, f64::max);
        let floor_burst = prefixes
            .iter()
            .map(|(_, n, rate)| (n - rate * 5.0).max(0.0) / rate)
            .fold(0.0, f64::max);
        let wall = run.elapsed.as_secs_f64();
        let lower = run.output.to_lowercase();
        let errors = lower.contains("error")
            || lower.contains("too many requests")
            || lower.contains("toomanyrequests")
            || lower.contains("rate limit");
        let code = run.code.map_or("signal".to_string(), |c| c.to_string());
        if run.code != Some(0) || errors {
            clean = false;
            eprintln!("refresh plan round {round} exit {code}:\n{}", run.tail());
        }
        eprintln!(
            "round {round}: {wall:.2}s, {total} requests, floor {floor:.2}s, {throttled} throttled, exit {code}"
        );
        report.line(format!(
            "| {} | {wall:.2} | {total} | {:.2} | {floor:.2} | {floor_burst:.2} | {:.2} | {throttled} | {code} |",
            round + 1,
            total / resources,
            wall / floor.max(1e-9),
        ));
        walls.push(wall);
        per_resource.push(total / resources);
        floors.push(floor);
        over_floor.push(wall / floor.max(1e-9));
        throttled_all += throttled;
        by_prefix_last = prefixes;
        last_stats = stats;
    }
    let requests_per = median(&per_resource);
    let ratio = median(&over_floor);
    report.line(format!(
        "| **median** | **{:.2}** | | **{requests_per:.2}** | {:.2} | | **{ratio:.2}** | {throttled_all} in all | |",
        median(&walls),
        median(&floors),
    ));
    report.line("\nRequests by rate-limit prefix in the last round:\n");
    report.line("| prefix | requests | rate (req/s) | seconds at that rate |");
    report.line("|---|---|---|---|");
    for (prefix, n, rate) in &by_prefix_last {
        report.line(format!("| {prefix} | {n} | {rate} | {:.2} |", n / rate));
    }
    report.line("\nRequests by route in the last round:\n");
    report.line("| route | requests |");
    report.line("|---|---|");
    if let Some(routes) = last_stats["requests_by_route"].as_object() {
        let mut routes: Vec<(&String, f64)> = routes
            .iter()
            .map(|(r, n)| (r, n.as_f64().unwrap_or(0.0)))
            .collect();
        routes.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (route, n) in routes {
            report.line(format!("| `{route}` | {n} |"));
        }
    }
    report.verdict(
        "API requests per resource ≤ 1.2",
        requests_per <= 1.2,
        format!("{requests_per:.2} per resource"),
    );
    report.verdict(
        "refresh wall time within 1.2× the rate-limit floor",
        ratio <= 1.2,
        format!("{ratio:.2}× the floor"),
    );
    report.verdict(
        "no 429 surfaced",
        clean,
        format!(
            "exit codes 0 (no changes) and no error text: {}; the emulator throttled {throttled_all} requests over all rounds, retried by the provider",
            if clean { "yes" } else { "no" }
        ),
    );
    Ok(())
}

/// Scenario 6: creates `policy_clusters` clusters carrying all four policies (rate limits off),
/// then times refreshing plans of them with the limits on.
fn policy_refresh(
    env: &BenchEnv,
    emulator: &Emulator,
    sizes: Sizes,
    report: &mut Report,
) -> anyhow::Result<()> {
    let c = sizes.policy_clusters;
    emulator.settings(false, 0.001)?;
    let dir = env.config_dir("policies", &policy_tf(c))?;
    eprintln!("creating {c} clusters with all four policies (rate limits off, time scale 0.001)");
    let apply = env.timed(
        &dir,
        &["apply", "-input=false", "-auto-approve", "-no-color"],
        "apply",
    )?;
    if !apply.ok() {
        bail!("creating the policy fixtures failed:\n{}", apply.tail());
    }
    eprintln!("created in {:.1}s", apply.elapsed.as_secs_f64());
    env.take_plugins();
    emulator.settings(true, 0.001)?;
    let args = ["plan", "-input=false", "-no-color", "-detailed-exitcode"];
    report.line(format!(
        "\n## 6. Refreshing plan of {c} clusters carrying all four policies, rate limits on\n\n\
         Each cluster has a `namespace`, an `rbac_binding`, a `backup_policy` and a `scan_policy` \
         (with one infra profile and one backup storage location beside them), created first by one \
         `terraform apply` (rate limits off, time scale 0.001); then each round resets the emulator's \
         counters and times `terraform plan` with the documented limits on. Per cluster = all requests \
         of the plan / {c} (the profile's and the location's refresh included). The floor is counted as \
         in scenario 2.\n"
    ));
    report.line("| round | wall (s) | requests | per cluster | floor (s) | floor net of burst (s) | wall / floor | 429s (throttled_total) | exit |");
    report.line("|---|---|---|---|---|---|---|---|---|");
    let (mut walls, mut per_cluster, mut floors, mut over_floor) = (vec![], vec![], vec![], vec![]);
    let mut throttled_all = 0.0;
    let mut clean = true;
    let mut last_stats = Value::Null;
    for round in 0..sizes.rounds {
        emulator.reset_stats()?;
        let run = env.timed(&dir, &args, "plan")?;
        let stats = emulator.stats()?;
        env.take_plugins();
        let total = stats["requests_total"].as_f64().unwrap_or(0.0);
        let throttled = stats["throttled_total"].as_f64().unwrap_or(0.0);
        let prefixes = requests_by_prefix(&stats);
        let floor = prefixes
            .iter()
            .map(|(_, n, rate)| n / rate)
            .fold(0.0, f64::max);
        let floor_burst = prefixes
            .iter()
            .map(|(_, n, rate)| (n - rate * 5.0).max(0.0) / rate)
            .fold(0.0, f64::max);
        let wall = run.elapsed.as_secs_f64();
        let code = run.code.map_or("signal".to_string(), |c| c.to_string());
        if run.code != Some(0) || run.output.to_lowercase().contains("error") {
            clean = false;
            eprintln!("policy refresh round {round} exit {code}:\n{}", run.tail());
        }
        eprintln!(
            "round {round}: {wall:.2}s, {total} requests, floor {floor:.2}s, {throttled} throttled, exit {code}"
        );
        report.line(format!(
            "| {} | {wall:.2} | {total} | {:.2} | {floor:.2} | {floor_burst:.2} | {:.2} | {throttled} | {code} |",
            round + 1,
            total / c as f64,
            wall / floor.max(1e-9),
        ));
        walls.push(wall);
        per_cluster.push(total / c as f64);
        floors.push(floor);
        over_floor.push(wall / floor.max(1e-9));
        throttled_all += throttled;
        last_stats = stats;
    }
    let requests_per = median(&per_cluster);
    let ratio = median(&over_floor);
    report.line(format!(
        "| **median** | **{:.2}** | | **{requests_per:.2}** | {:.2} | | **{ratio:.2}** | {throttled_all} in all | |",
        median(&walls),
        median(&floors),
    ));
    report.line("\nRequests by route in the last round:\n");
    report.line("| route | requests | per cluster |");
    report.line("|---|---|---|");
    if let Some(routes) = last_stats["requests_by_route"].as_object() {
        let mut routes: Vec<(&String, f64)> = routes
            .iter()
            .map(|(r, n)| (r, n.as_f64().unwrap_or(0.0)))
            .collect();
        routes.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (route, n) in routes {
            report.line(format!("| `{route}` | {n} | {:.2} |", n / c as f64));
        }
    }
    report.verdict(
        "refresh of a cluster with all four policies ≤ 3 API requests",
        requests_per <= 3.0,
        format!("{requests_per:.2} per cluster"),
    );
    report.verdict(
        "policy refresh wall time within 1.2× the rate-limit floor",
        ratio <= 1.2,
        format!("{ratio:.2}× the floor"),
    );
    report.verdict(
        "policy refresh plans no change and surfaces no 429",
        clean,
        format!(
            "exit codes 0 and no error text: {}",
            if clean { "yes" } else { "no" }
        ),
    );
    Ok(())
}

/// `(prefix, requests, rate)` for every rate-limit prefix the stats show requests on.
fn requests_by_prefix(stats: &Value) -> Vec<(String, f64, f64)> {
    let mut out: Vec<(String, f64, f64)> = Vec::new();
    if let Some(routes) = stats["requests_by_route"].as_object() {
        for (route, count) in routes {
            let path = route.split_once(' ').map_or(route.as_str(), |(_, p)| p);
            let (prefix, rate) = rate_class(path);
            let n = count.as_f64().unwrap_or(0.0);
            match out.iter_mut().find(|(p, _, _)| p == prefix) {
                Some(entry) => entry.1 += n,
                None => out.push((prefix.to_string(), n, rate)),
            }
        }
    }
    out.sort_by(|a, b| (b.1 / b.2).total_cmp(&(a.1 / a.2)));
    out
}

/// The documented rate-limit bucket of a path and its rate (requests per second): 50 on the
/// heavy prefixes, 10 on cluster assets and everything else.
fn rate_class(path: &str) -> (&'static str, f64) {
    let mut parts = path.trim_start_matches('/').split('/').skip(1);
    let (first, second, third) = (
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
        parts.next().unwrap_or(""),
    );
    match (first, second, third) {
        ("spectroclusters", _, "assets") => ("spectroclusters/assets", 10.0),
        ("spectroclusters", _, _) => ("spectroclusters", 50.0),
        ("clusterprofiles", _, _) => ("clusterprofiles", 50.0),
        ("cloudconfigs", _, _) => ("cloudconfigs", 50.0),
        ("events", "components", _) => ("events/components", 50.0),
        ("dashboard", "spectroclusters", _) => ("dashboard/spectroclusters", 10.0),
        ("dashboard", "clusterprofiles", _) => ("dashboard/clusterprofiles", 10.0),
        ("dashboard", "projects", _) => ("dashboard/projects", 10.0),
        ("dashboard", _, _) => ("dashboard", 10.0),
        ("events", _, _) => ("events", 10.0),
        ("packs", _, _) => ("packs", 10.0),
        ("registries", _, _) => ("registries", 10.0),
        ("cloudaccounts", _, _) => ("cloudaccounts", 10.0),
        ("edgehosts", _, _) => ("edgehosts", 10.0),
        ("projects", _, _) => ("projects", 10.0),
        ("users", _, _) => ("users", 10.0),
        _ => ("other", 10.0),
    }
}

fn output_raw(env: &BenchEnv, dir: &Path, name: &str) -> anyhow::Result<String> {
    let mut cmd = env.terraform(dir);
    cmd.args(["output", "-raw", name]);
    Ok(util::read(&mut cmd)?.trim().to_string())
}

fn apply_latency(
    env: &BenchEnv,
    emulator: &Emulator,
    sizes: Sizes,
    report: &mut Report,
) -> anyhow::Result<()> {
    // At 0.01 a ten-minute deployment takes about six seconds: long enough for the provider's
    // poll interval to grow, as it would against Palette.
    let scale = 0.01;
    emulator.settings(false, scale)?;
    report.line(format!(
        "\n## 3. Apply latency\n\nOne AWS cluster (one infra profile, one control-plane node) per round, \
         `wait_for = \"healthy\"`, emulator time scale {scale}, rate limits off. Healthy = the latest of the \
         cluster's `Running`, `MachineRunning` and `PackReady` events (the emulator's own timestamps, \
         millisecond precision); latency = `terraform apply` exit (measured by the harness) − healthy.\n"
    ));
    report.line("| round | apply (s) | healthy → apply returned (ms) |");
    report.line("|---|---|---|");
    let mut latencies = Vec::new();
    for round in 0..sizes.rounds {
        let dir = env.config_dir(&format!("latency-{round}"), &latency_tf(round))?;
        let run = env.timed(
            &dir,
            &["apply", "-input=false", "-auto-approve", "-no-color"],
            "apply",
        )?;
        if !run.ok() {
            bail!("latency apply failed:\n{}", run.tail());
        }
        let uid = output_raw(env, &dir, "cluster_uid")?;
        let events = emulator.json(
            "GET",
            &format!("/v1/events/components/spectrocluster/{uid}"),
            None,
            true,
        )?;
        let healthy = healthy_at_ms(&events).context("no Running or PackReady events")?;
        let ended = run.ended.duration_since(UNIX_EPOCH)?.as_millis() as i64;
        let latency = (ended - healthy) as f64;
        eprintln!(
            "round {round}: apply {:.2}s, healthy → return {latency} ms",
            run.elapsed.as_secs_f64()
        );
        report.line(format!(
            "| {} | {:.2} | {latency:.0} |",
            round + 1,
            run.elapsed.as_secs_f64()
        ));
        latencies.push(latency);
    }
    let med = median(&latencies);
    let max = latencies.iter().copied().fold(0.0, f64::max);
    report.line(format!("| **median** | | **{med:.0}** (max {max:.0}) |"));
    report.verdict(
        "apply returns < 1 s after healthy",
        med < 1000.0,
        format!("median {med:.0} ms, max {max:.0} ms"),
    );
    Ok(())
}

/// The moment (ms since the epoch) the last node or pack of the creation became ready.
fn healthy_at_ms(events: &Value) -> Option<i64> {
    let items = events["items"].as_array()?;
    items
        .iter()
        .filter(|e| {
            matches!(
                e["reason"].as_str(),
                Some("Running" | "MachineRunning" | "PackReady")
            )
        })
        .filter_map(|e| parse_rfc3339_ms(e["metadata"]["creationTimestamp"].as_str()?))
        .max()
}

/// Milliseconds since the epoch of a UTC `YYYY-MM-DDTHH:MM:SS[.fff]Z` timestamp.
fn parse_rfc3339_ms(text: &str) -> Option<i64> {
    let text = text.strip_suffix('Z')?;
    let (date, time) = text.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (d.next()??, d.next()??, d.next()??);
    let (hms, frac) = time.split_once('.').unwrap_or((time, "0"));
    let mut t = hms.split(':').map(|p| p.parse::<i64>().ok());
    let (h, m, s) = (t.next()??, t.next()??, t.next()??);
    let millis: i64 = format!("{frac:0<3}")[..3].parse().ok()?;
    // Days from the civil date (proleptic Gregorian), the inverse of the usual algorithm.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(((days * 86_400 + h * 3600 + m * 60 + s) * 1000) + millis)
}

fn handshake(binary: &Path, work: &Path, sizes: Sizes, report: &mut Report) -> anyhow::Result<()> {
    let cert = client_cert(work);
    let cert = &cert;
    let plugin = move |tls: bool| {
        let mut cmd = Command::new(binary);
        cmd.env("TF_PLUGIN_MAGIC_COOKIE", MAGIC_COOKIE)
            .env("PLUGIN_PROTOCOL_VERSIONS", "6")
            .env("PLUGIN_MIN_PORT", "10000")
            .env("PLUGIN_MAX_PORT", "25000");
        match (cert, tls) {
            (Some(pem), true) => cmd.env("PLUGIN_CLIENT_CERT", pem),
            _ => cmd.env("TF_DISABLE_PLUGIN_TLS", "1"),
        };
        cmd
    };
    // The cost of starting any process on this machine right now: `echo` printing a line.
    let echo = || {
        let mut cmd = Command::new("/bin/echo");
        cmd.arg("1|6|tcp|127.0.0.1:1|grpc|");
        cmd
    };
    let mut rows = Vec::new();
    let mut variants: Vec<(&str, MakeCommand<'_>)> = vec![
        (
            "`/bin/echo` (process start on this machine)",
            Box::new(echo),
        ),
        (
            "provider, TLS off (`TF_DISABLE_PLUGIN_TLS=1`)",
            Box::new(move || plugin(false)),
        ),
    ];
    if cert.is_some() {
        variants.push((
            "provider, AutoMTLS (as Terraform starts it)",
            Box::new(move || plugin(true)),
        ));
    }
    let mut goal = f64::NAN;
    for (name, make) in &variants {
        let mut times = Vec::new();
        // Alternating would mix the variants' caches no better than this; each gets one warm-up.
        for i in 0..=sizes.handshakes {
            let ms = first_line_ms(make())?;
            if i > 0 {
                times.push(ms);
            }
        }
        let med = median(&times);
        goal = med;
        rows.push(format!(
            "| {name} | {} | {med:.1} | {:.1} | {:.1} |",
            times.len(),
            times.iter().copied().fold(f64::MAX, f64::min),
            times.iter().copied().fold(0.0, f64::max),
        ));
    }
    let tls = if cert.is_some() {
        "The goal's figure is the AutoMTLS row: PLUGIN_CLIENT_CERT is a fresh ECDSA P-521/SHA-512 CA certificate made with openssl (what Terraform sends), so the plugin makes its own key and certificate at start, as under Terraform"
    } else {
        "No openssl: TLS is skipped with TF_DISABLE_PLUGIN_TLS=1, so key generation is not counted"
    };
    report.line(format!(
        "\n## 4. Plugin start and memory\n\nStart of the release binary to its go-plugin handshake line on stdout \
         (`1|6|unix or tcp|ADDRESS|grpc|CERT`), with the environment Terraform sets (magic cookie, protocol 6, port range); one \
         unmeasured warm-up start each. {tls}.\n\n| started | starts | median (ms) | min (ms) | max (ms) |\n|---|---|---|---|---|\n{}",
        rows.join("\n")
    ));
    report.verdict(
        "handshake < 10 ms",
        goal < 10.0,
        format!("median {goal:.1} ms"),
    );
    Ok(())
}

/// Builds a fresh command for each start.
type MakeCommand<'a> = Box<dyn Fn() -> Command + 'a>;

/// Milliseconds from spawning `cmd` to its first line on stdout; the process is then killed.
fn first_line_ms(mut cmd: Command) -> anyhow::Result<f64> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .with_context(|| format!("starting {}", util::display(&cmd)))?;
    let mut line = String::new();
    let read = BufReader::new(child.stdout.take().expect("piped")).read_line(&mut line);
    let elapsed = start.elapsed();
    let _ = child.kill();
    let _ = child.wait();
    read?;
    if !line.starts_with("1|6|") {
        bail!("unexpected handshake line {line:?}");
    }
    Ok(elapsed.as_secs_f64() * 1000.0)
}

/// A PEM client certificate from `openssl`, if it is installed.
fn client_cert(work: &Path) -> Option<String> {
    util::which("openssl")?;
    let (key, cert) = (work.join("client.key"), work.join("client.pem"));
    let status = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-521",
        ])
        .args([
            "-sha512",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    if !status.success() {
        return None;
    }
    fs::read_to_string(&cert).ok()
}

fn memory(env: &BenchEnv, report: &mut Report) {
    if !env.measures_memory {
        report.line("\nPeak memory: not measured (no /usr/bin/time).");
        report
            .summary
            .push("n/a    plugin peak memory: no /usr/bin/time".into());
        return;
    }
    if report.plan_rss.is_empty() {
        report.line("\nPeak memory: not measured (scenario 1 was not part of this run).");
        report
            .summary
            .push("n/a    plugin peak memory: scenario 1 not run".into());
        return;
    }
    let mib = |kib: u64| kib as f64 / 1024.0;
    let plan_max = report.plan_rss.iter().copied().max().unwrap_or(0);
    let refresh_max = report.refresh_rss.iter().copied().max().unwrap_or(0);
    report.line(format!(
        "\nPeak resident memory of each provider process (the mirror's provider is a script that `exec`s \
         `/usr/bin/time -f %M` on the release binary; Terraform starts several plugin processes per command):\n\n\
         | during | plugin processes | max RSS (MiB) | all (MiB) |\n|---|---|---|---|\n\
         | the new-resource plans (scenario 1) | {} | {:.1} | {} |\n\
         | the refreshing plans (scenario 2) | {} | {:.1} | {} |",
        report.plan_rss.len(),
        mib(plan_max),
        rss_list(&report.plan_rss),
        report.refresh_rss.len(),
        mib(refresh_max),
        rss_list(&report.refresh_rss),
    ));
    if let Some((anon, file)) = report.plan_split {
        report.line(format!(
            "\nWhat that memory is, sampled from `/proc/<pid>/status` every 20 ms during one extra plan of new \
             profiles: peak `RssAnon` (heap, stacks) {:.1} MiB, peak `RssFile` (pages of the binary and shared \
             libraries, clean and shared with the page cache) {:.1} MiB.",
            mib(anon),
            mib(file)
        ));
    }
    report.verdict(
        "plugin peak memory < 15 MiB during the plan of new profiles",
        plan_max > 0 && mib(plan_max) < 15.0,
        format!("{:.1} MiB", mib(plan_max)),
    );
}

/// `terraform query` (Terraform 1.14 and later) over `sizes.query_n` clusters and as many
/// profiles, made first by one apply: requests per listed object, wall time against the
/// rate-limit floor, and the plugin's peak memory.
fn query(
    env: &BenchEnv,
    emulator: &Emulator,
    sizes: Sizes,
    report: &mut Report,
) -> anyhow::Result<()> {
    let n = sizes.query_n;
    emulator.settings(false, 0.001)?;
    let dir = env.config_dir("query", &query_tf(n))?;
    eprintln!("creating {n} profiles and {n} clusters (rate limits off, time scale 0.001)");
    let apply = env.timed(
        &dir,
        &[
            "apply",
            "-input=false",
            "-auto-approve",
            "-no-color",
            "-parallelism=20",
        ],
        "apply",
    )?;
    if !apply.ok() {
        bail!("creating the query fixtures failed:\n{}", apply.tail());
    }
    env.take_plugins();
    fs::write(dir.join("all.tfquery.hcl"), query_blocks(n))?;
    emulator.settings(true, 0.001)?;
    report.line(format!(
        "\n## 7. `terraform query` over {n} clusters and {n} profiles, rate limits on\n\n\
         Made first by one `terraform apply` (rate limits off). Each round resets the emulator's counters \
         and buckets and times `terraform query` (Terraform {}) with two list blocks, every \
         `bench-query-*` cluster and every `bench-query-*` profile (`limit = {n}` each). Listed = result \
         lines printed. Floor = max over rate-limit prefixes of requests / rate, as in section 2.\n",
        env.tf.version
    ));
    report.line("| round | wall (s) | requests | listed | requests per listed | floor (s) | wall / floor | plugin peak RSS (MiB) | exit |");
    report.line("|---|---|---|---|---|---|---|---|---|");
    let (mut walls, mut per_listed, mut ratios, mut peaks) = (vec![], vec![], vec![], vec![]);
    let mut complete = true;
    let mut last_prefixes = Vec::new();
    for round in 0..sizes.rounds {
        emulator.reset_stats()?;
        let run = env.timed(&dir, &["query", "-no-color"], "query")?;
        let stats = emulator.stats()?;
        let peak = env.take_plugins().iter().map(|p| p.0).max().unwrap_or(0);
        let total = stats["requests_total"].as_f64().unwrap_or(0.0);
        let listed = run
            .output
            .lines()
            .filter(|l| l.starts_with("list.palette_cluster"))
            .count();
        let prefixes = requests_by_prefix(&stats);
        let floor = prefixes
            .iter()
            .map(|(_, n, rate)| n / rate)
            .fold(0.0, f64::max);
        let wall = run.elapsed.as_secs_f64();
        let code = run.code.map_or("signal".to_string(), |c| c.to_string());
        if !run.ok() || listed != 2 * n {
            complete = false;
            eprintln!(
                "query round {round}: exit {code}, {listed} listed:\n{}",
                run.tail()
            );
        }
        let per = total / (listed.max(1) as f64);
        let mib = peak as f64 / 1024.0;
        eprintln!(
            "round {round}: {wall:.2}s, {total} requests, {listed} listed, floor {floor:.2}s, exit {code}"
        );
        report.line(format!(
            "| {} | {wall:.2} | {total} | {listed} | {per:.3} | {floor:.2} | {:.2} | {mib:.1} | {code} |",
            round + 1,
            wall / floor.max(1e-9),
        ));
        walls.push(wall);
        per_listed.push(per);
        ratios.push(wall / floor.max(1e-9));
        peaks.push(mib);
        last_prefixes = prefixes;
    }
    let per = median(&per_listed);
    let ratio = median(&ratios);
    let peak = peaks.iter().copied().fold(0.0, f64::max);
    report.line(format!(
        "| **median** | **{:.2}** | | | **{per:.3}** | | **{ratio:.2}** | max {peak:.1} | |",
        median(&walls)
    ));
    report.line("\nRequests by rate-limit prefix in the last round:\n");
    report.line("| prefix | requests | rate (req/s) | seconds at that rate |");
    report.line("|---|---|---|---|");
    for (prefix, count, rate) in &last_prefixes {
        report.line(format!(
            "| {prefix} | {count} | {rate} | {:.2} |",
            count / rate
        ));
    }
    report.verdict(
        "terraform query lists every object",
        complete,
        format!("{} of {} listed in every round", 2 * n, 2 * n),
    );
    report.verdict(
        "requests per listed object ≤ 0.1",
        per <= 0.1,
        format!("{per:.3} per object"),
    );
    report.verdict(
        "query wall time within 1.2× the rate-limit floor",
        ratio <= 1.2,
        format!("{ratio:.2}× the floor"),
    );
    report.line(format!(
        "\nPlugin peak memory during the queries: {peak:.1} MiB (every plugin process Terraform started)."
    ));
    emulator.settings(false, 0.001)?;
    Ok(())
}

fn rss_list(kib: &[u64]) -> String {
    let mut sorted = kib.to_vec();
    sorted.sort_unstable();
    sorted
        .iter()
        .map(|k| format!("{:.1}", *k as f64 / 1024.0))
        .collect::<Vec<_>>()
        .join(", ")
}

fn throughput(
    emulator: &Emulator,
    profile_uid: Option<&str>,
    sizes: Sizes,
    report: &mut Report,
) -> anyhow::Result<()> {
    emulator.settings(false, 1.0)?;
    let (path, what) = match profile_uid {
        Some(uid) => (
            format!("/v1/clusterprofiles/{uid}"),
            "`GET /v1/clusterprofiles/{uid}` of a four-pack infra profile, in a project",
        ),
        None => (
            "/v1/dashboard/projects/metadata".to_string(),
            "`GET /v1/dashboard/projects/metadata`",
        ),
    };
    let read = load(emulator, "GET", &path, "", sizes)?;
    // Writes pass the spec checks (the body against `v1ProfileMetaEntity`) and the store.
    let write = match profile_uid {
        Some(uid) => Some(load(
            emulator,
            "PATCH",
            &format!("/v1/clusterprofiles/{uid}/metadata"),
            r#"{"metadata":{"name":"bench-refresh-infra","labels":{"bench":"write"}}}"#,
            sizes,
        )?),
        None => None,
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let mut table = format!(
        "\n## 5. Emulator throughput\n\n{what}, and beside it a write that passes the spec checks \
         (`PATCH /v1/clusterprofiles/{{uid}}/metadata`), rate limits off, {} keep-alive HTTP/1.1 \
         connections from threads in the harness (on the same two cores as the emulator), {} s \
         each on 127.0.0.1.\n\n\
         | request | 200/204 responses | other responses | requests/s | emulator CPU per request (µs) | requests/s if the emulator had every core ({cores}) |\n\
         |---|---|---|---|---|---|",
        sizes.load_connections, sizes.load_secs,
    );
    for (name, run) in [
        ("GET", Some(&read)),
        ("PATCH (validated write)", write.as_ref()),
    ] {
        let Some(run) = run else { continue };
        let _ = write!(
            table,
            "\n| {name} | {} | {} | {:.0} | {:.0} | {:.0} |",
            run.ok,
            run.failed,
            run.rate(),
            run.cpu_per_request_us,
            cores / run.cpu_per_request_us * 1e6,
        );
    }
    report.line(table);
    report.verdict(
        "emulator ≥ 2,000 GET/s",
        read.rate() >= 2000.0 && read.failed == 0,
        format!("{:.0} requests/s, {} non-200", read.rate(), read.failed),
    );
    if let Some(write) = &write {
        report.verdict(
            "every validated write succeeds",
            write.failed == 0 && write.ok > 0,
            format!("{:.0} writes/s, {} failed", write.rate(), write.failed),
        );
    }
    Ok(())
}

/// What one load run measured.
struct LoadRun {
    ok: u64,
    failed: u64,
    secs: f64,
    cpu_per_request_us: f64,
}

impl LoadRun {
    fn rate(&self) -> f64 {
        self.ok as f64 / self.secs
    }
}

/// Sends `method path` with `body` over `sizes.load_connections` keep-alive connections for
/// `sizes.load_secs` and counts 2xx answers against the rest.
fn load(
    emulator: &Emulator,
    method: &str,
    path: &str,
    body: &str,
    sizes: Sizes,
) -> anyhow::Result<LoadRun> {
    // One request by hand first, so a wrong path fails loudly instead of counting errors.
    let (status, _) = emulator.request(method, path, (!body.is_empty()).then_some(body), true)?;
    if !(200..300).contains(&status) {
        bail!("{method} {path}: status {status}");
    }
    let stop = Arc::new(AtomicBool::new(false));
    let ok = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let headers = [
        ("ApiKey", API_KEY),
        ("ProjectUid", emulator.project_uid.as_str()),
    ];
    let request = Arc::new(http_request(method, path, &headers, body, true));
    let addr = emulator.addr;
    let mut threads = Vec::new();
    let cpu_before = process_cpu_seconds(emulator.child.id());
    let start = Instant::now();
    for _ in 0..sizes.load_connections {
        let (stop, ok, failed, request) =
            (stop.clone(), ok.clone(), failed.clone(), request.clone());
        threads.push(std::thread::spawn(move || -> anyhow::Result<()> {
            let stream = TcpStream::connect(addr)?;
            stream.set_nodelay(true)?;
            stream.set_read_timeout(Some(Duration::from_secs(10)))?;
            let mut writer = stream.try_clone()?;
            let mut reader = BufReader::new(stream);
            while !stop.load(Ordering::Relaxed) {
                writer.write_all(&request)?;
                let (status, _) = read_response(&mut reader)?;
                if (200..300).contains(&status) {
                    &ok
                } else {
                    &failed
                }
                .fetch_add(1, Ordering::Relaxed);
            }
            Ok(())
        }));
    }
    std::thread::sleep(Duration::from_secs(sizes.load_secs));
    stop.store(true, Ordering::Relaxed);
    for thread in threads {
        thread
            .join()
            .map_err(|_| anyhow::anyhow!("a load thread panicked"))??;
    }
    let secs = start.elapsed().as_secs_f64();
    let cpu_after = process_cpu_seconds(emulator.child.id());
    let (ok, failed) = (ok.load(Ordering::Relaxed), failed.load(Ordering::Relaxed));
    let cpu_per_request_us = match (cpu_before, cpu_after) {
        (Some(before), Some(after)) if ok + failed > 0 => {
            (after - before) / (ok + failed) as f64 * 1e6
        }
        _ => f64::NAN,
    };
    Ok(LoadRun {
        ok,
        failed,
        secs,
        cpu_per_request_us,
    })
}

/// Samples the peak `RssAnon` and `RssFile` of every running process of one binary.
struct ProcSampler {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<(u64, u64)>,
}

impl ProcSampler {
    fn start(binary: PathBuf) -> ProcSampler {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let (mut anon, mut file) = (0, 0);
            while !flag.load(Ordering::Relaxed) {
                for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
                    let dir = entry.path();
                    if fs::read_link(dir.join("exe")).ok().as_deref() != Some(binary.as_path()) {
                        continue;
                    }
                    let status = fs::read_to_string(dir.join("status")).unwrap_or_default();
                    anon = anon.max(status_kib(&status, "RssAnon:"));
                    file = file.max(status_kib(&status, "RssFile:"));
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            (anon, file)
        });
        ProcSampler { stop, thread }
    }

    fn finish(self) -> Option<(u64, u64)> {
        self.stop.store(true, Ordering::Relaxed);
        let found = self.thread.join().ok()?;
        (found != (0, 0)).then_some(found)
    }
}

/// The value in kB of one `/proc/<pid>/status` field.
fn status_kib(status: &str, field: &str) -> u64 {
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// User + system CPU seconds of process `pid` so far, from `/proc/<pid>/stat` (100 ticks/s).
fn process_cpu_seconds(pid: u32) -> Option<f64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace();
    // After the command come state (3), ..., utime (14) and stime (15).
    let utime: f64 = fields.nth(11)?.parse().ok()?;
    let stime: f64 = fields.next()?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

// ---------------------------------------------------------------------------------------------
// The report.

fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    }
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .map(|t| t.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn machine_header(
    tf: &Terraform,
    sizes: Sizes,
    only: &Selection,
    load_start: &str,
    load_end: &str,
    took: Duration,
) -> anyhow::Result<String> {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| {
            l.strip_prefix("model name")
                .map(|r| r.trim_start_matches([' ', '\t', ':']))
        })
        .unwrap_or("unknown")
        .to_string();
    let meminfo = fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|r| r.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or("unknown".to_string(), |kib| {
            format!("{:.1} GiB", kib / 1024.0 / 1024.0)
        });
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rustc = util::read(Command::new("rustc").arg("-V"))
        .unwrap_or_default()
        .trim()
        .to_string();
    let date = utc_now();
    let commit = git_commit();
    Ok(format!(
        "## Run\n\n| | |\n|---|---|\n| command | `cargo xtask bench{}{}` ({} rounds per scenario, took {:.0} s) |\n\
         | date | {date} |\n| commit | {commit} |\n| machine | {cores} CPUs (nproc), {mem}, {cpu} |\n\
         | Terraform | {} |\n| rustc | {rustc} |\n| load average (1, 5, 15 min) | start {load_start}; end {load_end} |\n",
        if sizes.quick { " --quick" } else { "" },
        only.flag(),
        sizes.rounds,
        took.as_secs_f64(),
        tf.version,
    ))
}

/// The date and time now, in UTC, to the minute.
fn utc_now() -> String {
    util::read(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The short hash of the checked-out commit.
fn git_commit() -> String {
    util::read(Command::new("git").args(["rev-parse", "--short", "HEAD"]))
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// Writes the results between the markers of `path` (or appends them, with the markers). A run
/// of every scenario replaces the whole block; a `--only` run replaces only the sections of the
/// scenarios it measured (adding any that are missing, in order), marks each with `provenance`,
/// and keeps the header and the other sections of the earlier run.
fn write_results(
    path: &Path,
    header: &str,
    provenance: &str,
    sections: &[(u8, String)],
    all: bool,
) -> anyhow::Result<()> {
    let old = fs::read_to_string(path).unwrap_or_else(|_| "# Benchmarks\n\n".to_string());
    let existing = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if b < e => Some((b, e)),
        _ => None,
    };
    let results = match existing {
        Some((b, e)) if !all => {
            let mut chunks = split_sections(&old[b + BEGIN.len()..e]);
            for (n, text) in sections {
                let text = text.trim_matches('\n');
                let marked = match text.split_once('\n') {
                    Some((heading, rest)) => format!("{heading}\n\n{provenance}\n{rest}"),
                    None => format!("{text}\n\n{provenance}"),
                };
                match chunks.iter_mut().find(|(key, _)| *key == Some(*n)) {
                    Some(chunk) => chunk.1 = marked,
                    None => {
                        let at = chunks
                            .iter()
                            .position(|(key, _)| key.is_some_and(|k| k > *n))
                            .unwrap_or(chunks.len());
                        chunks.insert(at, (Some(*n), marked));
                    }
                }
            }
            let texts: Vec<&str> = chunks.iter().map(|(_, t)| t.as_str()).collect();
            texts.join("\n\n")
        }
        _ => {
            let mut text = header.trim_matches('\n').to_string();
            for (_, body) in sections {
                text.push_str("\n\n");
                text.push_str(body.trim_matches('\n'));
            }
            text
        }
    };
    let block = format!("{BEGIN}\n{results}\n\n{END}");
    let new = match existing {
        Some((b, e)) => format!("{}{block}{}", &old[..b], &old[e + END.len()..]),
        None => format!("{}\n\n{block}\n", old.trim_end()),
    };
    fs::write(path, new).with_context(|| format!("writing {}", path.display()))
}

/// The `## ` sections of a results block, each with its scenario number (`None` for the run
/// header and anything unnumbered), trimmed of surrounding blank lines.
fn split_sections(block: &str) -> Vec<(Option<u8>, String)> {
    let mut chunks: Vec<(Option<u8>, String)> = Vec::new();
    for line in block.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            let number = title
                .split_once('.')
                .and_then(|(n, _)| n.trim().parse::<u8>().ok());
            chunks.push((number, String::new()));
        } else if chunks.is_empty() {
            if line.trim().is_empty() {
                continue;
            }
            chunks.push((None, String::new()));
        }
        let chunk = &mut chunks.last_mut().expect("pushed above").1;
        chunk.push_str(line);
        chunk.push('\n');
    }
    for chunk in &mut chunks {
        chunk.1 = chunk.1.trim_matches('\n').to_string();
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_emulator_timestamps() {
        assert_eq!(parse_rfc3339_ms("1970-01-01T00:00:00.000Z"), Some(0));
        assert_eq!(
            parse_rfc3339_ms("2026-11-24T06:10:11.123Z"),
            Some(1_795_500_611_123)
        );
        assert_eq!(
            parse_rfc3339_ms("2000-03-01T00:00:01Z"),
            Some(951_868_801_000)
        );
        assert_eq!(parse_rfc3339_ms("garbage"), None);
    }

    #[test]
    fn reads_content_length_and_chunked_responses() {
        let plain = b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhelloNEXT";
        let mut reader = BufReader::new(&plain[..]);
        assert_eq!(
            read_response(&mut reader).unwrap(),
            (200, b"hello".to_vec())
        );
        let chunked = b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        let mut reader = BufReader::new(&chunked[..]);
        assert_eq!(
            read_response(&mut reader).unwrap(),
            (404, b"abcde".to_vec())
        );
    }

    #[test]
    fn rate_classes_follow_the_documented_limits() {
        assert_eq!(
            rate_class("/v1/clusterprofiles/{uid}"),
            ("clusterprofiles", 50.0)
        );
        assert_eq!(
            rate_class("/v1/spectroclusters/{uid}/assets/kubeconfig"),
            ("spectroclusters/assets", 10.0)
        );
        assert_eq!(rate_class("/v1/packs/{uid}"), ("packs", 10.0));
        assert_eq!(
            rate_class("/v1/dashboard/spectroclusters/search"),
            ("dashboard/spectroclusters", 10.0)
        );
    }

    #[test]
    fn the_floor_is_the_slowest_prefix() {
        let stats = serde_json::json!({"requests_by_route": {
            "GET /v1/clusterprofiles/{uid}": 100,
            "GET /v1/packs/{uid}": 40,
            "POST /v1/clusterprofiles": 50,
        }});
        let prefixes = requests_by_prefix(&stats);
        assert_eq!(prefixes[0], ("packs".to_string(), 40.0, 10.0));
        assert_eq!(prefixes[1], ("clusterprofiles".to_string(), 150.0, 50.0));
    }

    #[test]
    fn results_replace_only_the_marked_block() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("BENCHMARKS.md");
        let first = [
            (1, "## 1. One\n\nfirst one".to_string()),
            (2, "\n## 2. Two\n\nfirst two".to_string()),
        ];
        write_results(&path, "## Run\n\nrun one", "", &first, true).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}\n## Analysis\nkept\n")).unwrap();

        // A partial run replaces its own section only and says where it came from.
        let second = [(2, "\n## 2. Two\n\nsecond two".to_string())];
        write_results(&path, "## Run\n\nrun two", "_(partial)_", &second, false).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("run one") && !text.contains("run two"),
            "{text}"
        );
        assert!(
            text.contains("first one") && !text.contains("first two"),
            "{text}"
        );
        assert!(
            text.contains("## 2. Two\n\n_(partial)_\n\nsecond two"),
            "{text}"
        );
        assert!(text.contains("## Analysis\nkept"), "{text}");

        // A missing section is inserted in order.
        let third = [(3, "## 3. Three\n\nthird".to_string())];
        write_results(&path, "", "_(p)_", &third, false).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let (two, three) = (text.find("## 2.").unwrap(), text.find("## 3.").unwrap());
        assert!(two < three && three < text.find(END).unwrap(), "{text}");

        // A full run replaces everything between the markers.
        write_results(&path, "## Run\n\nrun four", "", &second, true).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.contains("run four") && !text.contains("first one"),
            "{text}"
        );
        assert!(
            !text.contains("_(partial)_") && !text.contains("third"),
            "{text}"
        );
        assert!(text.contains("## Analysis\nkept"), "{text}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn only_selects_scenarios() {
        let args = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (quick, all) = Selection::parse(&args(&[])).unwrap();
        assert!(!quick && all.is_all() && all.flag().is_empty());
        let (quick, two) = Selection::parse(&args(&["--quick", "--only", "2"])).unwrap();
        assert!(quick && two.has(2) && !two.has(1));
        assert_eq!(two.flag(), " --only 2");
        let (_, some) = Selection::parse(&args(&["--only=5,2,2"])).unwrap();
        assert_eq!(some, Selection(vec![2, 5]));
        assert!(Selection::parse(&args(&["--only", "8"])).is_err());
        assert!(Selection::parse(&args(&["--only"])).is_err());
        assert!(Selection::parse(&args(&["--fast"])).is_err());
    }

    #[test]
    fn healthy_is_the_last_ready_event() {
        let events = serde_json::json!({"items": [
            {"reason": "Running", "metadata": {"creationTimestamp": "1970-01-01T00:00:01.000Z"}},
            {"reason": "PackReady", "metadata": {"creationTimestamp": "1970-01-01T00:00:03.500Z"}},
            {"reason": "Deleting", "metadata": {"creationTimestamp": "1970-01-01T00:00:09.000Z"}},
        ]});
        assert_eq!(healthy_at_ms(&events), Some(3500));
    }
}
