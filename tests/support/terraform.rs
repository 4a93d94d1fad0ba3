//! Runs the real `terraform` binary against the provider built for this test run.
//!
//! Each [`Terraform`] owns a temporary working directory with `main.tf`, a CLI configuration
//! whose `dev_overrides` make `palette-rs/palette` resolve to the freshly built binary (also
//! linked into a local filesystem mirror, so `terraform init` works offline), and a
//! `terraform.log` that collects `TF_LOG` output of every command. Commands run with
//! `-no-color` and no input. Methods named after a command panic when it fails, with its
//! output and the log's tail; `try_*` variants return the [`Output`] for tests that expect an
//! error.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::support::temp::TempDir;
use crate::support::{TestEnv, provider_binary, workspace_root};

/// Provider-related variables that must never leak from the developer's shell into a test.
const SCRUBBED_ENV: &[&str] = &[
    "PALETTE_HOST",
    "PALETTE_API_KEY",
    "PALETTE_PROJECT",
    "SPECTROCLOUD_HOST",
    "SPECTROCLOUD_APIKEY",
    "SPECTROCLOUD_PROJECT",
    "TF_CLI_CONFIG_FILE",
    "TF_LOG",
    "TF_LOG_PATH",
    "TF_LOG_PROVIDER",
    "TF_LOG_CORE",
    "TF_DATA_DIR",
    "TF_WORKSPACE",
    "TF_PLUGIN_CACHE_DIR",
];

/// A Terraform working directory bound to one [`TestEnv`].
pub(crate) struct Terraform {
    binary: PathBuf,
    env: Vec<(&'static str, String)>,
    /// The executable Terraform starts as the provider.
    provider: PathBuf,
    dir: TempDir,
}

/// The outcome of `terraform plan -detailed-exitcode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plan {
    NoChanges,
    Changes,
}

/// What one command printed and how it ended.
#[derive(Debug)]
pub(crate) struct Output {
    pub(crate) command: String,
    pub(crate) code: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Terraform {
    /// Sets an environment variable for every command run here (after the harness's own, so
    /// `TF_LOG` set here wins).
    pub(crate) fn set_env(&mut self, key: &'static str, value: &str) {
        self.env.push((key, value.to_string()));
    }

    /// The state file's text (empty when there is none).
    pub(crate) fn state_text(&self) -> String {
        std::fs::read_to_string(self.work_dir().join("terraform.tfstate")).unwrap_or_default()
    }

    /// A working directory whose provider talks to `env`.
    pub(crate) fn new(env: &dyn TestEnv) -> Terraform {
        Terraform::with_env(env.provider_env())
    }

    /// A working directory with no provider target: for configurations that use only
    /// Terraform's built-in resources.
    pub(crate) fn without_provider() -> Terraform {
        Terraform::with_env(Vec::new())
    }

    /// A working directory whose provider talks to `env` and is the executable `provider`,
    /// which must be called `terraform-provider-palette`, instead of the binary built for this
    /// run: a wrapper that runs another platform's build under an emulator, say.
    pub(crate) fn with_provider(env: &dyn TestEnv, provider: &Path) -> Terraform {
        assert_eq!(
            provider.file_name().and_then(|n| n.to_str()),
            Some("terraform-provider-palette"),
            "dev_overrides look for the provider by this name"
        );
        Terraform::with_env_and_provider(env.provider_env(), provider.to_path_buf())
    }

    /// A working directory whose provider talks to `env` and is installed by `terraform init`
    /// from `mirror`, a release's `mirror/` (`cargo xtask release`), as an air-gapped user's
    /// would be: no `dev_overrides`, so the provider is the one the configuration's `source`
    /// names (`palette-rs/palette` or `palette-rs/palette-fips`), and the lock file records it.
    pub(crate) fn from_mirror(env: &dyn TestEnv, mirror: &Path) -> Terraform {
        let dir = TempDir::new("terraform");
        std::fs::write(dir.path().join("cli.tfrc"), mirror_cli_config(mirror))
            .expect("writing cli.tfrc");
        std::fs::create_dir_all(dir.path().join("work")).expect("creating work/");
        Terraform {
            binary: terraform_binary(),
            env: env.provider_env(),
            provider: mirror.to_path_buf(),
            dir,
        }
    }

    fn with_env(env: Vec<(&'static str, String)>) -> Terraform {
        Terraform::with_env_and_provider(env, provider_binary())
    }

    fn with_env_and_provider(env: Vec<(&'static str, String)>, provider: PathBuf) -> Terraform {
        let dir = TempDir::new("terraform");
        let mirror = dir.path().join("mirror");
        link_into_mirror(&provider, &mirror);
        let provider_dir = provider
            .parent()
            .expect("the provider binary lives in a directory");
        std::fs::write(
            dir.path().join("cli.tfrc"),
            cli_config(provider_dir, &mirror),
        )
        .expect("writing cli.tfrc");
        std::fs::create_dir_all(dir.path().join("work")).expect("creating work/");
        Terraform {
            binary: terraform_binary(),
            env,
            provider,
            dir,
        }
    }

    /// The directory Terraform runs in (holding `main.tf` and the state).
    pub(crate) fn work_dir(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    /// Replaces `main.tf`.
    pub(crate) fn write_config(&self, main_tf: &str) {
        self.write_file("main.tf", main_tf);
    }

    /// Writes a file next to `main.tf` (values files, extra `.tf` files).
    pub(crate) fn write_file(&self, name: &str, contents: &str) {
        let path = self.work_dir().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("creating the file's directory");
        }
        std::fs::write(&path, contents).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    }

    /// Runs `terraform ARGS` and returns its output, whatever the exit code.
    pub(crate) fn run(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new(&self.binary);
        cmd.current_dir(self.work_dir()).args(args);
        for name in SCRUBBED_ENV {
            cmd.env_remove(name);
        }
        let log_level = std::env::var("TF_ACC_LOG").unwrap_or_else(|_| "DEBUG".into());
        cmd.env("TF_CLI_CONFIG_FILE", self.dir.path().join("cli.tfrc"))
            .env("TF_LOG", log_level)
            .env("TF_LOG_PATH", self.log_path())
            .env("TF_IN_AUTOMATION", "1")
            .env("TF_INPUT", "0")
            .env("CHECKPOINT_DISABLE", "1")
            .envs(self.env.iter().map(|(k, v)| (*k, v.as_str())));
        let command = format!("terraform {}", args.join(" "));
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("starting {}: {e}", self.binary.display()));
        let stdout = drain(child.stdout.take().expect("stdout is piped"));
        let stderr = drain(child.stderr.take().expect("stderr is piped"));
        // A provider that waits forever must fail the test, not hang the whole run.
        let limit = command_timeout();
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("waiting for terraform") {
                break Some(status);
            }
            if started.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut stderr = stderr.join().unwrap_or_default();
        if status.is_none() {
            stderr.push_str(&format!(
                "\n[harness] `{command}` was killed after {limit:?} (TF_ACC_COMMAND_TIMEOUT)\n"
            ));
        }
        Output {
            command,
            code: status.and_then(|s| s.code()),
            stdout: stdout.join().unwrap_or_default(),
            stderr,
        }
    }

    /// Runs a command that must succeed.
    pub(crate) fn run_ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        if out.code != Some(0) {
            self.fail(&out, "failed");
        }
        out
    }

    /// `terraform init`.
    pub(crate) fn init(&self) -> Output {
        self.run_ok(&["init", "-no-color", "-input=false"])
    }

    /// `terraform plan -detailed-exitcode`: whether anything would change.
    pub(crate) fn plan(&self) -> Plan {
        let out = self.try_plan();
        match out.code {
            Some(0) => Plan::NoChanges,
            Some(2) => Plan::Changes,
            _ => self.fail(&out, "failed"),
        }
    }

    /// `terraform plan -detailed-exitcode`, returning the output as it is.
    pub(crate) fn try_plan(&self) -> Output {
        self.run(&["plan", "-no-color", "-input=false", "-detailed-exitcode"])
    }

    /// Panics unless a plan shows no changes (after an apply or an import, say).
    pub(crate) fn assert_empty_plan(&self) {
        let out = self.try_plan();
        match out.code {
            Some(0) => {}
            Some(2) => self.fail(&out, "planned changes where none were expected"),
            _ => self.fail(&out, "failed"),
        }
    }

    /// Panics if a refreshing plan reports anything changed outside Terraform (its JSON's
    /// `resource_drift`): after a converged apply, nothing may have moved.
    pub(crate) fn assert_no_drift(&self) {
        self.run_ok(&["plan", "-no-color", "-input=false", "-out=drift.tfplan"]);
        let out = self.run_ok(&["show", "-json", "drift.tfplan"]);
        let plan: serde_json::Value =
            serde_json::from_str(&out.stdout).expect("terraform show -json prints JSON");
        let drift: Vec<String> = plan["resource_drift"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|d| format!("{} {}", d["address"], d["change"]["actions"]))
            .collect();
        assert!(
            drift.is_empty(),
            "the plan reports changes outside Terraform: {drift:?}"
        );
    }

    /// `terraform apply -auto-approve`.
    pub(crate) fn apply(&self) -> Output {
        self.run_ok(&["apply", "-no-color", "-input=false", "-auto-approve"])
    }

    /// `terraform apply -auto-approve`, returning the output as it is.
    pub(crate) fn try_apply(&self) -> Output {
        self.run(&["apply", "-no-color", "-input=false", "-auto-approve"])
    }

    /// `terraform destroy -auto-approve`.
    pub(crate) fn destroy(&self) -> Output {
        self.run_ok(&["destroy", "-no-color", "-input=false", "-auto-approve"])
    }

    /// `terraform import ADDRESS ID`.
    pub(crate) fn import(&self, address: &str, id: &str) -> Output {
        self.run_ok(&["import", "-no-color", "-input=false", address, id])
    }

    /// `terraform show -json`: the state as JSON.
    pub(crate) fn show_json(&self) -> serde_json::Value {
        let out = self.run_ok(&["show", "-no-color", "-json"]);
        serde_json::from_str(&out.stdout)
            .unwrap_or_else(|e| panic!("terraform show -json is not JSON ({e}): {}", out.stdout))
    }

    /// The `values` of the resource at `address` in `terraform show -json`.
    pub(crate) fn resource_values(&self, address: &str) -> serde_json::Value {
        let state = self.show_json();
        state["values"]["root_module"]["resources"]
            .as_array()
            .and_then(|all| all.iter().find(|r| r["address"] == address))
            .map(|r| r["values"].clone())
            .unwrap_or_else(|| panic!("{address} is not in the state: {state}"))
    }

    /// `terraform state list`.
    pub(crate) fn state_list(&self) -> Vec<String> {
        let out = self.run_ok(&["state", "list"]);
        out.stdout.lines().map(str::to_string).collect()
    }

    /// `terraform state show ADDRESS`.
    pub(crate) fn state_show(&self, address: &str) -> String {
        self.run_ok(&["state", "show", "-no-color", address]).stdout
    }

    /// Everything Terraform logged (`TF_LOG`) in this directory so far.
    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("terraform.log")
    }

    /// Panics with everything needed to see why a command went wrong.
    fn fail(&self, out: &Output, what: &str) -> ! {
        let log = self.log();
        let tail: Vec<&str> = log.lines().collect();
        let tail = tail[tail.len().saturating_sub(60)..].join("\n");
        let hint = if out.stderr.contains("Failed to load plugin schemas")
            || out.stderr.contains("Plugin did not respond")
            || out.stderr.contains("plugin exited before we could connect")
        {
            format!(
                "\nhint: the provider at {} did not serve the plugin protocol",
                self.provider.display()
            )
        } else {
            String::new()
        };
        panic!(
            "`{}` {what} (exit code {:?}) in {}{hint}\n--- stdout\n{}\n--- stderr\n{}\n--- last lines of terraform.log\n{tail}",
            out.command,
            out.code,
            self.work_dir().display(),
            out.stdout,
            out.stderr,
        );
    }
}

impl Output {
    /// Whether the command exited with status 0.
    pub(crate) fn success(&self) -> bool {
        self.code == Some(0)
    }

    /// Panics unless the command failed with an error matching `pattern` (a regex).
    ///
    /// Terraform draws diagnostics in a box and wraps them, so the match runs on the output
    /// with the box drawing removed and all whitespace collapsed to single spaces.
    pub(crate) fn expect_error(&self, pattern: &str) -> &Output {
        let re = regex::Regex::new(pattern)
            .unwrap_or_else(|e| panic!("bad expect_error pattern {pattern:?}: {e}"));
        let text = flatten(&format!("{}\n{}", self.stdout, self.stderr));
        assert!(
            !self.success(),
            "`{}` succeeded, expected an error matching {pattern:?}\n--- stdout\n{}",
            self.command,
            self.stdout
        );
        assert!(
            re.is_match(&text),
            "`{}` failed, but not with an error matching {pattern:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.command,
            self.stdout,
            self.stderr
        );
        self
    }
}

/// The CLI configuration: `dev_overrides` run the freshly built provider for every command,
/// and a filesystem mirror holding the same binary lets `terraform init` succeed offline (with
/// overrides alone, some Terraform versions still ask the registry during init).
fn cli_config(provider_dir: &Path, mirror: &Path) -> String {
    format!(
        r#"provider_installation {{
  dev_overrides {{
    "registry.terraform.io/palette-rs/palette" = "{}"
  }}
  filesystem_mirror {{
    path    = "{}"
    include = ["registry.terraform.io/palette-rs/palette"]
  }}
  direct {{
    exclude = ["registry.terraform.io/palette-rs/palette"]
  }}
}}
"#,
        provider_dir.display(),
        mirror.display()
    )
}

/// The CLI configuration of [`Terraform::from_mirror`]: every `palette-rs` provider from
/// `mirror`, nothing from the network.
fn mirror_cli_config(mirror: &Path) -> String {
    format!(
        r#"provider_installation {{
  filesystem_mirror {{
    path    = "{}"
    include = ["registry.terraform.io/palette-rs/*"]
  }}
  direct {{
    exclude = ["registry.terraform.io/palette-rs/*"]
  }}
}}
"#,
        mirror.display()
    )
}

/// Lays `provider` out in `mirror` as a registry would unpack it, as a symbolic link.
fn link_into_mirror(provider: &Path, mirror: &Path) {
    let version = env!("CARGO_PKG_VERSION");
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    let platform = format!("{}_{arch}", std::env::consts::OS);
    let dir = mirror
        .join("registry.terraform.io/palette-rs/palette")
        .join(version)
        .join(platform);
    std::fs::create_dir_all(&dir).expect("creating the provider mirror");
    std::os::unix::fs::symlink(
        provider,
        dir.join(format!("terraform-provider-palette_v{version}")),
    )
    .expect("linking the provider into the mirror");
}

/// How long one Terraform command may run: `TF_ACC_COMMAND_TIMEOUT` seconds, default 300.
fn command_timeout() -> Duration {
    let secs = std::env::var("TF_ACC_COMMAND_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    Duration::from_secs(secs)
}

/// Reads a pipe to its end on a thread, so neither pipe can fill up and block Terraform.
fn drain(mut pipe: impl Read + Send + 'static) -> JoinHandle<String> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// Terraform's output without box drawing, with whitespace runs collapsed.
fn flatten(text: &str) -> String {
    text.replace(['│', '╷', '╵'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Terraform to run: `TF_ACC_TERRAFORM_PATH`, `terraform` on `PATH`, or the one
/// `cargo xtask terraform` installed under `.tools/`.
pub(crate) fn terraform_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("TF_ACC_TERRAFORM_PATH") {
        return PathBuf::from(path);
    }
    if let Some(path) = std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("terraform"))
        .find(|p| p.is_file())
    {
        return path;
    }
    let tools = workspace_root().join(".tools");
    if let Some(shim) = std::fs::read_dir(&tools)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path().join("terraform"))
        .find(|p| is_shim(p))
    {
        return shim;
    }
    panic!(
        "no Terraform found: set TF_ACC_TERRAFORM_PATH, put `terraform` on PATH, or run \
         `cargo xtask terraform` (which `cargo xtask test` does) to install one into .tools/"
    );
}

/// The version of the Terraform the tests run (`terraform version -json`), as (major, minor);
/// `None` when it does not say. Asked once per test binary.
pub(crate) fn terraform_version() -> Option<(u32, u32)> {
    static VERSION: std::sync::OnceLock<Option<(u32, u32)>> = std::sync::OnceLock::new();
    *VERSION.get_or_init(|| {
        let out = Command::new(terraform_binary())
            .args(["version", "-json"])
            .env("CHECKPOINT_DISABLE", "1")
            .output()
            .ok()?;
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        let mut parts = json["terraform_version"].as_str()?.split('.');
        Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
    })
}

/// Whether a test that needs Terraform `major.minor` or later runs: `false` (after printing
/// why) only when the Terraform in use is known to be older. One whose version cannot be read
/// runs, and fails on its own terms.
pub(crate) fn terraform_at_least(major: u32, minor: u32, what: &str) -> bool {
    match terraform_version() {
        Some(found) if found < (major, minor) => {
            eprintln!(
                "skipping {what}: it needs Terraform {major}.{minor} or later, and the one in use \
                 ({}) is {}.{} (set TF_ACC_TERRAFORM_PATH to a newer one)",
                terraform_binary().display(),
                found.0,
                found.1
            );
            false
        }
        _ => true,
    }
}

fn is_shim(path: &Path) -> bool {
    path.is_file()
        && path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|n| n.to_string_lossy().starts_with("terraform-"))
}

#[test]
fn flattening_removes_terraform_box_drawing() {
    let stderr =
        "╷\n│ Error: Create Cluster\n│ Profile Error\n│ \n│   with palette_cluster_profile.x,\n╵\n";
    assert_eq!(
        flatten(stderr),
        "Error: Create Cluster Profile Error with palette_cluster_profile.x,"
    );
}
