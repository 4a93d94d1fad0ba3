//! `cargo xtask demo`, `down` and `emulator`: the provider end to end on one machine.
//!
//! `demo` builds both binaries, starts `palette-emulator` in the background (state, pid, address
//! and log under `.demo/`), installs the provider into a local filesystem mirror as a registry
//! would lay it out, and runs `terraform init` and `terraform apply` on `examples/quickstart/`
//! with the `PALETTE_*` variables pointing at the emulator. Running it again reuses the running
//! emulator. `down` destroys what was applied and stops the emulator.

use std::fs::{self, OpenOptions};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use crate::terraform::{self, Terraform};
use crate::util::{self, project_root, section, target_dir};

/// The key the demo's emulator accepts. It guards nothing but a local simulation.
const DEMO_API_KEY: &str = "demo-local-key";
/// The port the demo prefers, so the address stays the same from run to run.
const DEMO_PORT: u16 = 7070;
/// The simulated-time factor: a cluster that takes ten minutes in Palette takes one here.
const DEMO_TIME_SCALE: &str = "0.1";
/// The project the quickstart deploys into; the emulator seeds it.
const DEMO_PROJECT: &str = "Default";
/// What the emulator prints first once it accepts connections.
const LISTENING: &str = "palette-emulator listening on ";

/// Moves the demo's files (and its Terraform working directory, a copy of the quickstart) to
/// another folder, and lets the emulator pick a free port: for tests running the demo beside a
/// developer's own.
const DEMO_DIR_ENV: &str = "PALETTE_DEMO_DIR";

/// Where the demo keeps its files.
struct DemoDir {
    root: PathBuf,
    isolated: bool,
}

impl DemoDir {
    fn new() -> anyhow::Result<DemoDir> {
        let isolated = std::env::var_os(DEMO_DIR_ENV).is_some();
        let root = std::env::var_os(DEMO_DIR_ENV)
            .map(PathBuf::from)
            .unwrap_or_else(|| project_root().join(".demo"));
        fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
        Ok(DemoDir { root, isolated })
    }

    /// Where Terraform runs: `examples/quickstart/` itself, or a copy of it in an isolated demo.
    fn work_dir(&self, quickstart: &Path) -> anyhow::Result<PathBuf> {
        if !self.isolated {
            return Ok(quickstart.to_path_buf());
        }
        let work = self.root.join("quickstart");
        copy_config(quickstart, &work)?;
        Ok(work)
    }
    fn pid(&self) -> PathBuf {
        self.root.join("emulator.pid")
    }
    fn url(&self) -> PathBuf {
        self.root.join("emulator.url")
    }
    fn log(&self) -> PathBuf {
        self.root.join("emulator.log")
    }
    fn db(&self) -> PathBuf {
        self.root.join("emulator.db")
    }
    fn mirror(&self) -> PathBuf {
        self.root.join("mirror")
    }
    fn cli_config(&self) -> PathBuf {
        self.root.join("terraform.tfrc")
    }
}

pub(crate) fn demo(args: &[String]) -> anyhow::Result<()> {
    util::expect_flags(args, &["--release"])?;
    let release = util::has_flag(args, "--release");
    let dir = DemoDir::new()?;
    let quickstart = dir.work_dir(&quickstart_dir()?)?;
    let tf = terraform::ensure_any()?;

    section("build the provider and the emulator");
    util::build_bins(release)?;
    let profile_dir = target_dir().join(if release { "release" } else { "debug" });

    section("emulator");
    let url = ensure_emulator(&dir, &profile_dir.join("palette-emulator"))?;

    section("install the provider into the local mirror");
    let version = util::provider_version()?;
    install_into_mirror(
        &dir,
        &profile_dir.join("terraform-provider-palette"),
        &version,
    )?;

    section(&format!("terraform init ({})", quickstart.display()));
    // A rebuilt binary keeps its version but not its checksum, which the lock file of the
    // previous run would reject. The lock file here is the demo's own (git ignores it).
    let lock_file = quickstart.join(".terraform.lock.hcl");
    if lock_file.exists() {
        fs::remove_file(&lock_file).with_context(|| format!("removing {}", lock_file.display()))?;
    }
    run_terraform(terraform_cmd(&tf, &dir, &quickstart, &url).args(["init", "-input=false"]))?;

    section("terraform apply");
    run_terraform(terraform_cmd(&tf, &dir, &quickstart, &url).args([
        "apply",
        "-input=false",
        "-auto-approve",
    ]))?;

    section("done");
    eprintln!(
        "The emulator keeps running at {url} (log: {}).\n\
         To use Terraform by hand, in {}:\n  \
         export TF_CLI_CONFIG_FILE={} PALETTE_HOST={url} PALETTE_API_KEY={DEMO_API_KEY} PALETTE_PROJECT={DEMO_PROJECT}\n\
         `cargo xtask down` destroys the quickstart and stops the emulator.",
        dir.log().display(),
        quickstart.display(),
        dir.cli_config().display(),
    );
    Ok(())
}

pub(crate) fn down(args: &[String]) -> anyhow::Result<()> {
    util::expect_flags(args, &[])?;
    let dir = DemoDir::new()?;
    let quickstart = dir.work_dir(&project_root().join("examples/quickstart"))?;
    let state = quickstart.join("terraform.tfstate");
    if state.is_file() && dir.cli_config().is_file() {
        let tf = terraform::ensure_any()?;
        let url = match running_emulator(&dir) {
            Some((_, url)) => url,
            None => {
                section("emulator (restarted for the destroy)");
                util::build_bins(false)?;
                ensure_emulator(&dir, &target_dir().join("debug/palette-emulator"))?
            }
        };
        section("terraform destroy");
        run_terraform(terraform_cmd(&tf, &dir, &quickstart, &url).args([
            "destroy",
            "-input=false",
            "-auto-approve",
        ]))?;
    } else {
        eprintln!("nothing applied by `cargo xtask demo`; nothing to destroy");
    }

    section("stop the emulator");
    match running_emulator(&dir) {
        Some((pid, url)) => {
            stop(pid)?;
            eprintln!("stopped the emulator (pid {pid}) at {url}");
        }
        None => eprintln!("no demo emulator is running"),
    }
    let _ = fs::remove_file(dir.pid());
    let _ = fs::remove_file(dir.url());
    Ok(())
}

/// `cargo xtask emulator [ARGS...]`: builds and runs the emulator in the foreground.
pub(crate) fn emulator(args: &[String]) -> anyhow::Result<()> {
    util::build_bins(false)?;
    let dir = DemoDir::new()?;
    let mut cmd = Command::new(target_dir().join("debug/palette-emulator"));
    if args.is_empty() {
        cmd.arg("--listen")
            .arg(format!("127.0.0.1:{DEMO_PORT}"))
            .arg("--db")
            .arg(dir.db())
            .args(["--api-key", DEMO_API_KEY]);
        eprintln!("API key for this emulator: {DEMO_API_KEY}");
    } else {
        cmd.args(args);
    }
    let status = cmd
        .status()
        .with_context(|| format!("running {}", util::display(&cmd)))?;
    if !status.success() {
        bail!("palette-emulator exited with {status}");
    }
    Ok(())
}

/// Copies a configuration's files (`*.tf` and the folders beside them, such as `values/`), and
/// nothing Terraform wrote (state, `.terraform/`, the lock file).
fn copy_config(from: &Path, to: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let path = entry?.path();
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if name.starts_with('.') || name.starts_with("terraform.tfstate") {
            continue;
        }
        if path.is_dir() {
            copy_config(&path, &to.join(&name))?;
        } else if path
            .extension()
            .is_some_and(|e| e == "tf" || e == "yaml" || e == "yml")
        {
            fs::copy(&path, to.join(&name))?;
        }
    }
    Ok(())
}

/// `examples/quickstart/`, which must hold a Terraform configuration.
fn quickstart_dir() -> anyhow::Result<PathBuf> {
    let dir = project_root().join("examples/quickstart");
    let has_config = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .any(|e| e.path().extension().is_some_and(|x| x == "tf"))
        })
        .unwrap_or(false);
    if !has_config {
        bail!(
            "{} has no Terraform configuration (*.tf) yet, so there is nothing to demo: \
             the quickstart is written together with the provider's resources",
            dir.display()
        );
    }
    Ok(dir)
}

/// A Terraform command for the quickstart, configured for the demo's emulator and mirror.
fn terraform_cmd(tf: &Terraform, dir: &DemoDir, quickstart: &Path, url: &str) -> Command {
    let mut cmd = Command::new(&tf.path);
    cmd.current_dir(quickstart)
        .stdin(Stdio::null())
        .env("TF_CLI_CONFIG_FILE", dir.cli_config())
        .env("CHECKPOINT_DISABLE", "1")
        .env("PALETTE_HOST", url)
        .env("PALETTE_API_KEY", DEMO_API_KEY)
        .env("PALETTE_PROJECT", DEMO_PROJECT);
    // The provider's own progress (layers deploying, waits) at INFO, unless the caller chose.
    if std::env::var_os("TF_LOG").is_none() && std::env::var_os("TF_LOG_PROVIDER").is_none() {
        cmd.env("TF_LOG_PROVIDER", "INFO");
    }
    cmd
}

/// Lines Terraform's plugin client logs about every plugin process at INFO and above, which say
/// nothing about the provider's progress (the "scanning stdout" error is harmless and printed
/// each time a plugin exits).
const PLUGIN_CLIENT_NOISE: &[&str] = &[
    "provider: configuring client automatic mTLS",
    "provider: plugin process exited",
    "provider: error encountered while scanning stdout",
];

/// Runs a Terraform command, passing its stderr through without the plugin client's noise.
fn run_terraform(cmd: &mut Command) -> anyhow::Result<()> {
    let shown = util::display(cmd);
    eprintln!("$ {shown}");
    let mut child = cmd
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting `{shown}`"))?;
    let stderr = child.stderr.take().expect("stderr is piped");
    for line in BufReader::new(stderr).lines() {
        let line = line?;
        if !PLUGIN_CLIENT_NOISE.iter().any(|noise| line.contains(noise)) {
            eprintln!("{line}");
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// The pid and URL of the demo's emulator, if it is still running and answering.
fn running_emulator(dir: &DemoDir) -> Option<(u32, String)> {
    let pid: u32 = fs::read_to_string(dir.pid()).ok()?.trim().parse().ok()?;
    let cmdline = fs::read(format!("/proc/{pid}/cmdline")).ok()?;
    if !String::from_utf8_lossy(&cmdline).contains("palette-emulator") {
        return None;
    }
    let url = fs::read_to_string(dir.url()).ok()?.trim().to_string();
    let addr: SocketAddr = url.strip_prefix("http://")?.parse().ok()?;
    TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    Some((pid, url))
}

/// Reuses the demo's emulator if it runs, else starts one in the background; returns its URL.
fn ensure_emulator(dir: &DemoDir, binary: &Path) -> anyhow::Result<String> {
    if let Some((pid, url)) = running_emulator(dir) {
        eprintln!("reusing the emulator (pid {pid}) at {url}");
        return Ok(url);
    }
    if !util::is_executable(binary) {
        bail!("no emulator binary at {}", binary.display());
    }
    let listen = if !dir.isolated && TcpListener::bind(("127.0.0.1", DEMO_PORT)).is_ok() {
        format!("127.0.0.1:{DEMO_PORT}")
    } else {
        eprintln!("port {DEMO_PORT} is taken; letting the emulator pick a free one");
        "127.0.0.1:0".to_string()
    };

    let mut log = OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.log())
        .with_context(|| format!("opening {}", dir.log().display()))?;
    let start_offset = log.seek(SeekFrom::End(0))?;
    let mut cmd = Command::new(binary);
    cmd.arg("--listen")
        .arg(&listen)
        .arg("--db")
        .arg(dir.db())
        .args(["--api-key", DEMO_API_KEY, "--time-scale", DEMO_TIME_SCALE])
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    // Its own process group, so a Ctrl-C meant for this command leaves the emulator running.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    eprintln!("$ {}", util::display(&cmd));
    let mut child = cmd.spawn().context("starting palette-emulator")?;

    let deadline = Instant::now() + Duration::from_secs(30);
    let url = loop {
        if let Some(url) = listening_url(&dir.log(), start_offset)? {
            break url;
        }
        if let Some(status) = child.try_wait()? {
            bail!(
                "palette-emulator exited ({status}) before it listened; its log:\n{}",
                log_tail(&dir.log(), start_offset)
            );
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            bail!(
                "palette-emulator did not print `{LISTENING}<url>` within 30s; its log:\n{}",
                log_tail(&dir.log(), start_offset)
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    fs::write(dir.pid(), format!("{}\n", child.id()))?;
    fs::write(dir.url(), format!("{url}\n"))?;
    eprintln!(
        "started the emulator (pid {}) at {url}; log in {}",
        child.id(),
        dir.log().display()
    );
    Ok(url)
}

/// The URL from the emulator's `listening on` line, if it has appeared after `offset`.
fn listening_url(log: &Path, offset: u64) -> anyhow::Result<Option<String>> {
    let text = read_from(log, offset)?;
    Ok(text.lines().find_map(|line| {
        line.find(LISTENING)
            .map(|at| line[at + LISTENING.len()..].trim().to_string())
    }))
}

fn read_from(path: &Path, offset: u64) -> anyhow::Result<String> {
    let mut file = fs::File::open(path)?;
    file.seek(SeekFrom::Start(offset))?;
    let mut text = String::new();
    file.read_to_string(&mut text)?;
    Ok(text)
}

/// The last lines the emulator logged since `offset`, for error messages.
fn log_tail(log: &Path, offset: u64) -> String {
    let text = read_from(log, offset).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

/// Copies the provider where a filesystem mirror keeps it and writes the CLI configuration
/// that installs `palette-rs/palette` from there and everything else from the registry.
fn install_into_mirror(dir: &DemoDir, binary: &Path, version: &str) -> anyhow::Result<()> {
    let target = dir
        .mirror()
        .join("registry.terraform.io/palette-rs/palette")
        .join(version)
        .join(util::terraform_platform());
    fs::create_dir_all(&target)?;
    let installed = target.join(format!("terraform-provider-palette_v{version}"));
    fs::copy(binary, &installed)
        .with_context(|| format!("copying {} to {}", binary.display(), installed.display()))?;
    fs::write(dir.cli_config(), mirror_cli_config(&dir.mirror()))?;
    eprintln!("installed {}", installed.display());
    Ok(())
}

fn mirror_cli_config(mirror: &Path) -> String {
    format!(
        r#"# Written by `cargo xtask demo`: palette-rs/palette from the local mirror, the rest as usual.
provider_installation {{
  filesystem_mirror {{
    path    = "{}"
    include = ["registry.terraform.io/palette-rs/palette"]
  }}
  direct {{
    exclude = ["registry.terraform.io/palette-rs/palette"]
  }}
}}
"#,
        mirror.display()
    )
}

/// Stops the process `pid`: SIGINT (the emulator shuts down cleanly on it), then SIGKILL if it
/// is still there after ten seconds.
fn stop(pid: u32) -> anyhow::Result<()> {
    util::run(Command::new("kill").args(["-INT", &pid.to_string()]))?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while Path::new(&format!("/proc/{pid}")).exists() && !is_zombie(pid) {
        if Instant::now() > deadline {
            util::run(Command::new("kill").args(["-KILL", &pid.to_string()]))?;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

fn is_zombie(pid: u32) -> bool {
    fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            s.rsplit(')')
                .next()
                .is_some_and(|rest| rest.trim_start().starts_with('Z'))
        })
        .unwrap_or(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_url_in_the_log() {
        let dir = std::env::temp_dir().join(format!("xtask-demo-test-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let log = dir.join("emulator.log");
        fs::write(
            &log,
            "old run\npalette-emulator listening on http://127.0.0.1:1111\nnew run\n",
        )
        .unwrap();
        let offset = "old run\npalette-emulator listening on http://127.0.0.1:1111\n".len() as u64;
        assert_eq!(listening_url(&log, offset).unwrap(), None);
        fs::write(
            &log,
            "old run\npalette-emulator listening on http://127.0.0.1:1111\nnew run\npalette-emulator listening on http://127.0.0.1:7070\n",
        )
        .unwrap();
        assert_eq!(
            listening_url(&log, offset).unwrap().as_deref(),
            Some("http://127.0.0.1:7070")
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_mirror_config_routes_only_our_provider_to_the_mirror() {
        let config = mirror_cli_config(Path::new("/x/.demo/mirror"));
        assert!(config.contains("path    = \"/x/.demo/mirror\""));
        assert_eq!(
            config
                .matches("\"registry.terraform.io/palette-rs/palette\"")
                .count(),
            2
        );
    }
}
