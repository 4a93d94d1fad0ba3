//! The real `terraform` binary against the `echo_provider` example, through a `dev_overrides`
//! CLI configuration: plan, apply, an empty second plan, update and replacement, import, a state
//! upgrade from version 0, destroy, exact numbers, a 3 MB string, and Ctrl-C during a slow
//! create. With Terraform 1.12 or later also resource identity (in `show -json`, import by
//! identity), and with 1.14 or later `terraform query` (with `-generate-config-out`) and an
//! action invoked with `-invoke`.
//!
//! Terraform is `TF_ACC_TERRAFORM_PATH`, `terraform` on `PATH`, or the one `cargo xtask terraform`
//! installed under `.tools/`; without any, each test prints why and passes, and so do the tests
//! of features the Terraform found is too old for. The example binary is
//! built with `cargo build -p tfplugin --example echo_provider` into this test's target directory
//! (a no-op when it is up to date).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// The provider's source address, as the example announces it.
const SOURCE: &str = "registry.terraform.io/example/echo";

/// 2^70: exactly representable as a binary float, but not as an `i64`.
const BIG: &str = "1180591620717411303424";

fn find_terraform() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("TF_ACC_TERRAFORM_PATH") {
        return Some(PathBuf::from(path));
    }
    let on_path = std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join("terraform"))
        .find(|p| p.is_file());
    if on_path.is_some() {
        return on_path;
    }
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools");
    std::fs::read_dir(tools)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path().join("terraform"))
        .find(|p| p.is_file())
}

/// The `(major, minor)` version of the Terraform at `path`.
fn terraform_version(path: &Path) -> Option<(u32, u32)> {
    let out = Command::new(path)
        .args(["version", "-json"])
        .env("CHECKPOINT_DISABLE", "1")
        .output()
        .ok()?;
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    let version = json["terraform_version"].as_str()?;
    let mut parts = version.split('.').map(|p| p.parse::<u32>().ok());
    Some((parts.next()??, parts.next()??))
}

/// Builds the example once per test process and returns its path.
fn provider_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        // This test runs from <target>/<profile>/deps/; the example lands in <target>/debug/examples.
        let exe = std::env::current_exe().expect("test executable path");
        let target = exe
            .ancestors()
            .nth(3)
            .expect("the test executable lives in <target>/<profile>/deps")
            .to_path_buf();
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "-p",
                "tfplugin",
                "--example",
                "echo_provider",
            ])
            .arg("--manifest-path")
            .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", &target)
            .status()
            .expect("run cargo build for the echo example");
        assert!(status.success(), "building the echo example failed");
        let binary = target.join("debug/examples/echo_provider");
        assert!(
            binary.is_file(),
            "no example binary at {}",
            binary.display()
        );
        binary
    })
}

/// A scratch Terraform setup: a working directory, a CLI configuration overriding the echo
/// provider, and the directory where the provider keeps its objects.
struct Scratch {
    root: PathBuf,
    terraform: PathBuf,
    plugin: PathBuf,
    /// Held for the whole test: the tests run one at a time, so the timing checks are not
    /// disturbed by several Terraform runs competing for the CPU.
    _turn: std::sync::MutexGuard<'static, ()>,
}

impl Scratch {
    /// A fresh setup, or `None` (after saying why) when there is no terraform.
    fn new(label: &str) -> Option<Scratch> {
        let Some(terraform) = find_terraform() else {
            eprintln!("skipping: no terraform found (TF_ACC_TERRAFORM_PATH, PATH or .tools/)");
            return None;
        };
        static TURN: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let turn = TURN
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let root = std::env::temp_dir().join(format!(
            "tfplugin-echo-{label}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&root);
        for dir in ["bin", "work", "store", "home"] {
            std::fs::create_dir_all(root.join(dir)).unwrap();
        }
        // Each setup gets its own copy, so a test can tell its own provider processes apart.
        let plugin = root.join("bin/terraform-provider-echo");
        std::fs::copy(provider_binary(), &plugin).unwrap();
        std::fs::write(
            root.join("terraformrc"),
            format!(
                "provider_installation {{\n  dev_overrides {{\n    \"{SOURCE}\" = \"{}\"\n  }}\n  direct {{}}\n}}\n",
                root.join("bin").display()
            ),
        )
        .unwrap();
        Some(Scratch {
            root,
            terraform,
            plugin,
            _turn: turn,
        })
    }

    /// A fresh setup when the Terraform found is at least `major.minor`; `None` (after saying
    /// why) otherwise.
    fn at_least(label: &str, major: u32, minor: u32) -> Option<Scratch> {
        let tf = Scratch::new(label)?;
        match terraform_version(&tf.terraform) {
            Some(v) if v >= (major, minor) => Some(tf),
            found => {
                eprintln!(
                    "skipping: needs terraform {major}.{minor} or later, found {found:?} at {} \
                     (set TF_ACC_TERRAFORM_PATH)",
                    tf.terraform.display()
                );
                None
            }
        }
    }

    fn work(&self) -> PathBuf {
        self.root.join("work")
    }

    fn store(&self) -> PathBuf {
        self.root.join("store")
    }

    /// Writes `main.tf`: the provider block and `body`.
    fn config(&self, body: &str) {
        let text = format!(
            "terraform {{\n  required_providers {{\n    echo = {{ source = \"{SOURCE}\" }}\n  }}\n}}\n\
             provider \"echo\" {{\n  directory = \"{}\"\n}}\n{body}\n",
            self.store().display()
        );
        std::fs::write(self.work().join("main.tf"), text).unwrap();
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(&self.terraform);
        cmd.current_dir(self.work()).args(args);
        for (key, _) in std::env::vars_os() {
            let key = key.to_string_lossy();
            if key.starts_with("TF_") || key.starts_with("PLUGIN_") {
                cmd.env_remove(key.as_ref());
            }
        }
        cmd.env("TF_CLI_CONFIG_FILE", self.root.join("terraformrc"))
            .env("HOME", self.root.join("home"))
            .env("TF_IN_AUTOMATION", "1")
            .env("CHECKPOINT_DISABLE", "1")
            .env("NO_COLOR", "1");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.push("-no-color");
        self.command(&all).output().expect("run terraform")
    }

    /// Runs terraform and returns its stdout, failing the test when it fails.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "terraform {args:?} failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }

    /// `terraform plan -detailed-exitcode`: 0 for no changes, 2 for changes.
    fn plan_code(&self, extra: &[&str]) -> (i32, String) {
        let mut args = vec!["plan", "-detailed-exitcode"];
        args.extend_from_slice(extra);
        let out = self.run(&args);
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    /// The resources of the state as `terraform show -json` reports them.
    fn state_json(&self) -> serde_json::Value {
        let text = self.ok(&["show", "-json"]);
        serde_json::from_str(&text).expect("terraform show -json output")
    }

    /// The attribute values of resource `address` in the state.
    fn attributes(&self, address: &str) -> serde_json::Value {
        self.resource(address)["values"].clone()
    }

    /// Resource `address` as `terraform show -json` reports it.
    fn resource(&self, address: &str) -> serde_json::Value {
        let state = self.state_json();
        let resources = state["values"]["root_module"]["resources"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        resources
            .into_iter()
            .find(|r| r["address"] == address)
            .unwrap_or_else(|| panic!("{address} not in state: {state}"))
    }

    /// Runs terraform and returns its stdout and stderr together, whether it failed or not.
    fn output(&self, args: &[&str]) -> (bool, String) {
        let out = self.run(args);
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    }

    /// The ids of the objects the provider currently keeps.
    fn stored_objects(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.store())
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| {
                e.file_name()
                    .to_string_lossy()
                    .trim_end_matches(".json")
                    .to_string()
            })
            .collect();
        names.sort();
        names
    }

    /// Process ids running this setup's copy of the provider.
    fn provider_pids(&self) -> Vec<u32> {
        let Ok(entries) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|e| {
                let pid: u32 = e.file_name().to_str()?.parse().ok()?;
                let exe = std::fs::read_link(e.path().join("exe")).ok()?;
                (exe == self.plugin).then_some(pid)
            })
            .collect()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.root);
        }
    }
}

const THING: &str = r#"
resource "echo_thing" "a" {
  name     = "first"
  zone     = "z1"
  size     = 1.5
  numbers  = [1.5, -0.25]
  tags     = { team = "x" }
  labels   = ["b", "a"]
  token    = "not-for-logs"
  password = ephemeral.echo_secret.s.value
  settings = { mode = "fast" }
  rule {
    port = 80
  }
  rule {
    port     = 443
    protocol = "udp"
  }
}

ephemeral "echo_secret" "s" {
  length = 6
}

data "echo_text" "t" {
  input = "hello"
}

output "upper" { value = data.echo_text.t.upper }
output "reversed" { value = provider::echo::reverse("abc") }
output "joined" { value = provider::echo::concat("-", "a", "b", "c") }
"#;

#[test]
fn lifecycle_plan_apply_update_replace_destroy() {
    let Some(tf) = Scratch::new("lifecycle") else {
        return;
    };
    tf.config(THING);

    let plan = tf.ok(&["plan"]);
    assert!(plan.contains("echo_thing.a will be created"), "{plan}");
    assert!(
        plan.contains("id             = (known after apply)"),
        "{plan}"
    );
    assert!(
        plan.contains("protocol = \"tcp\""),
        "the nested block default is planned: {plan}"
    );
    assert!(
        plan.contains("replicas       = 1"),
        "the attribute default is planned: {plan}"
    );

    let apply = tf.ok(&["apply", "-auto-approve"]);
    assert!(
        apply.contains("Apply complete! Resources: 1 added"),
        "{apply}"
    );
    assert!(apply.contains("upper = \"HELLO\""), "data source: {apply}");
    assert!(apply.contains("reversed = \"cba\""), "function: {apply}");
    assert!(
        apply.contains("joined = \"a-b-c\""),
        "variadic function: {apply}"
    );

    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 0, "the second plan must be empty:\n{text}");

    let attrs = tf.attributes("echo_thing.a");
    let id = attrs["id"].as_str().unwrap().to_string();
    assert_eq!(tf.stored_objects(), vec![id.clone()]);
    assert_eq!(attrs["revision"], 1);
    assert_eq!(
        attrs["password"],
        serde_json::Value::Null,
        "write-only never stored"
    );
    assert_eq!(
        attrs["password_given"], true,
        "the write-only value reached create"
    );
    assert_eq!(attrs["settings"]["effective"], "fast");
    assert_eq!(attrs["rule"][0]["protocol"], "tcp");
    let state_file = std::fs::read_to_string(tf.work().join("terraform.tfstate")).unwrap();
    assert!(
        !state_file.contains("ssssss"),
        "the ephemeral password is not in the state file"
    );

    // An in-place update keeps the id (use_state_for_unknown) and bumps the revision.
    tf.config(&THING.replace("name     = \"first\"", "name     = \"second\""));
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("updated in-place"), "{text}");
    assert!(
        text.contains("revision       = 1 -> (known after apply)"),
        "{text}"
    );
    tf.ok(&["apply", "-auto-approve"]);
    let attrs = tf.attributes("echo_thing.a");
    assert_eq!(attrs["id"], id.as_str());
    assert_eq!(attrs["revision"], 2);
    assert_eq!(tf.plan_code(&[]).0, 0);

    // Changing the zone replaces the object.
    tf.config(
        &THING
            .replace("name     = \"first\"", "name     = \"second\"")
            .replace("\"z1\"", "\"z2\""),
    );
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("must be replaced"), "{text}");
    assert!(text.contains("# forces replacement"), "{text}");
    tf.ok(&["apply", "-auto-approve"]);
    let new_id = tf.attributes("echo_thing.a")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_ne!(new_id, id);
    assert_eq!(tf.stored_objects(), vec![new_id]);

    // An object deleted behind Terraform's back is planned again.
    std::fs::remove_dir_all(tf.store()).unwrap();
    std::fs::create_dir_all(tf.store()).unwrap();
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("echo_thing.a will be created"), "{text}");
    tf.ok(&["apply", "-auto-approve"]);

    let destroy = tf.ok(&["destroy", "-auto-approve"]);
    assert!(
        destroy.contains("Destroy complete! Resources: 1 destroyed"),
        "{destroy}"
    );
    assert!(tf.stored_objects().is_empty());
}

#[test]
fn validators_report_attribute_errors() {
    let Some(tf) = Scratch::new("validate") else {
        return;
    };
    tf.config(
        r#"
resource "echo_thing" "a" {
  name     = ""
  replicas = 500
  settings = { mode = "reckless" }
}
"#,
    );
    let out = tf.run(&["validate"]);
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("Invalid Attribute Value Length"), "{text}");
    assert!(text.contains("whole number between 1 and 100"), "{text}");
    assert!(
        text.contains("value must be one of: `fast`, `safe`"),
        "{text}"
    );
}

#[test]
fn numbers_survive_apply_exactly() {
    let Some(tf) = Scratch::new("numbers") else {
        return;
    };
    tf.config(&format!(
        "resource \"echo_thing\" \"n\" {{\n  name = \"n\"\n  size = {BIG}\n  numbers = [1.5, -0.25, {BIG}]\n}}\n"
    ));
    tf.ok(&["apply", "-auto-approve"]);
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 0, "numbers must not drift:\n{text}");
    let state_file = std::fs::read_to_string(tf.work().join("terraform.tfstate")).unwrap();
    assert!(
        state_file.contains(BIG),
        "2^70 is stored exactly: {state_file}"
    );
    let attrs = tf.attributes("echo_thing.n");
    assert_eq!(attrs["numbers"][0].to_string(), "1.5");
    assert_eq!(attrs["numbers"][1].to_string(), "-0.25");
}

#[test]
fn large_string_attribute() {
    let Some(tf) = Scratch::new("large") else {
        return;
    };
    let payload: String = (0..3 * 1024 * 1024)
        .map(|i| (b'a' + (i % 26) as u8) as char)
        .collect();
    std::fs::write(tf.work().join("payload.txt"), &payload).unwrap();
    tf.config(
        "resource \"echo_thing\" \"big\" {\n  name = \"big\"\n  payload = file(\"${path.module}/payload.txt\")\n}\n",
    );
    tf.ok(&["apply", "-auto-approve"]);
    assert_eq!(tf.plan_code(&[]).0, 0);
    let attrs = tf.attributes("echo_thing.big");
    assert_eq!(attrs["payload"].as_str().map(str::len), Some(payload.len()));
}

#[test]
fn import_by_id() {
    let Some(tf) = Scratch::new("import") else {
        return;
    };
    let body = "resource \"echo_thing\" \"a\" {\n  name = \"imported\"\n  zone = \"z9\"\n  rule {\n    port = 22\n  }\n}\n";
    tf.config(body);
    tf.ok(&["apply", "-auto-approve"]);
    let id = tf.attributes("echo_thing.a")["id"]
        .as_str()
        .unwrap()
        .to_string();
    tf.ok(&["state", "rm", "echo_thing.a"]);
    assert_eq!(
        tf.plan_code(&[]).0,
        2,
        "forgotten: terraform wants to create it again"
    );

    let out = tf.ok(&["import", "echo_thing.a", &id]);
    assert!(out.contains("Import successful"), "{out}");
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(
        code, 0,
        "the imported object matches the configuration:\n{text}"
    );
    let attrs = tf.attributes("echo_thing.a");
    assert_eq!(attrs["name"], "imported");
    assert_eq!(attrs["rule"][0]["port"], 22);

    tf.config(&format!(
        "{body}\nresource \"echo_slow\" \"s\" {{\n  seconds = 0\n}}\n"
    ));
    let out = tf.run(&["import", "echo_slow.s", "anything"]);
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(text.contains("Resource Import Not Implemented"), "{text}");
}

#[test]
fn state_upgrade_from_version_0() {
    let Some(tf) = Scratch::new("upgrade") else {
        return;
    };
    tf.config(
        "resource \"echo_thing\" \"old\" {\n  name = \"old\"\n  zone = \"z1\"\n  size = 2.5\n}\n",
    );
    tf.ok(&["apply", "-auto-approve"]);
    let id = tf.attributes("echo_thing.old")["id"]
        .as_str()
        .unwrap()
        .to_string();

    // Rewrite the state as version 0 of the provider wrote it: `size_text`, no newer attributes.
    let path = tf.work().join("terraform.tfstate");
    let mut state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let instance = &mut state["resources"][0]["instances"][0];
    instance["schema_version"] = 0.into();
    instance["attributes"] = serde_json::json!({
        "id": id, "name": "old", "zone": "z1", "size_text": "2.5"
    });
    state["serial"] = (state["serial"].as_i64().unwrap() + 1).into();
    std::fs::write(&path, serde_json::to_string_pretty(&state).unwrap()).unwrap();

    // Without refreshing, the plan compares the configuration with the upgraded state alone.
    let (code, text) = tf.plan_code(&["-refresh=false"]);
    assert_eq!(
        code, 0,
        "the upgraded state matches the configuration:\n{text}"
    );
    tf.ok(&["apply", "-auto-approve", "-refresh=false"]);
    let attrs = tf.attributes("echo_thing.old");
    assert_eq!(attrs["size"].to_string(), "2.5");
    assert_eq!(attrs["replicas"], 1);
    let stored: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(stored["resources"][0]["instances"][0]["schema_version"], 1);
}

#[test]
fn interrupt_during_slow_create_stops_quickly() {
    let Some(tf) = Scratch::new("sigint") else {
        return;
    };
    tf.config("resource \"echo_slow\" \"s\" {\n  seconds = 30\n}\n");
    let mut child = tf
        .command(&["apply", "-auto-approve", "-no-color"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start terraform apply");
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let started = Instant::now();
    let mut seen = Vec::new();
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(30).saturating_sub(started.elapsed()))
            .unwrap_or_else(|_| panic!("terraform never started creating: {seen:?}"));
        let creating = line.contains("echo_slow.s: Creating...");
        seen.push(line);
        if creating {
            break;
        }
    }
    // Let the provider enter its wait.
    std::thread::sleep(Duration::from_millis(500));
    assert!(!tf.provider_pids().is_empty(), "the provider is running");

    let interrupted = Instant::now();
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if interrupted.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("terraform did not stop within 10 s of Ctrl-C");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = interrupted.elapsed();
    while let Ok(line) = rx.recv_timeout(Duration::from_millis(200)) {
        seen.push(line);
    }
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    let text = seen.join("\n") + "\n" + &stderr;
    assert!(!exit.success(), "{text}");
    assert!(
        took < Duration::from_secs(2),
        "terraform took {took:?} to stop:\n{text}"
    );
    assert!(
        text.contains("Creation Cancelled"),
        "a clear diagnostic:\n{text}"
    );
    assert!(
        text.contains("terraform asked the provider to stop"),
        "{text}"
    );

    // The provider process exits too.
    let deadline = Instant::now() + Duration::from_secs(2);
    while !tf.provider_pids().is_empty() {
        assert!(Instant::now() < deadline, "the provider is still running");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Three objects to list, import and generate configuration for.
const THREE: &str = r#"
resource "echo_thing" "a1" {
  name   = "alpha-1"
  zone   = "z1"
  size   = 2.5
  tags   = { team = "x" }
  labels = ["l1"]
  rule {
    port = 22
  }
}

resource "echo_thing" "a2" {
  name     = "alpha-2"
  replicas = 3
  settings = { mode = "fast" }
  rule {
    port     = 53
    protocol = "udp"
  }
}

resource "echo_thing" "b1" {
  name = "beta-1"
}
"#;

/// The ids of `addresses` in the state.
fn ids(tf: &Scratch, addresses: &[&str]) -> Vec<String> {
    addresses
        .iter()
        .map(|a| tf.attributes(a)["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn identity_in_state_and_import_by_identity() {
    let Some(tf) = Scratch::at_least("identity", 1, 12) else {
        return;
    };
    let body = "resource \"echo_thing\" \"a\" {\n  name = \"by-identity\"\n  zone = \"z3\"\n  rule {\n    port = 8080\n  }\n}\n";
    tf.config(body);
    tf.ok(&["apply", "-auto-approve"]);
    let shown = tf.resource("echo_thing.a");
    let id = shown["values"]["id"].as_str().unwrap().to_string();
    assert_eq!(
        shown["identity"],
        serde_json::json!({ "id": id }),
        "the identity is in the state: {shown}"
    );
    assert_eq!(shown["identity_schema_version"], 0, "{shown}");
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 0, "a refresh keeps the identity:\n{text}");

    tf.ok(&["state", "rm", "echo_thing.a"]);
    tf.config(&format!(
        "{body}\nimport {{\n  to       = echo_thing.a\n  identity = {{ id = \"{id}\" }}\n}}\n"
    ));
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("echo_thing.a: Preparing import... [identity=id=")
            || text.contains("will be imported"),
        "{text}"
    );
    assert!(
        text.contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."),
        "import only:\n{text}"
    );
    tf.ok(&["apply", "-auto-approve"]);
    let shown = tf.resource("echo_thing.a");
    assert_eq!(
        shown["identity"],
        serde_json::json!({ "id": id }),
        "{shown}"
    );
    assert_eq!(shown["values"]["rule"][0]["port"], 8080);
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 0, "nothing left to do after the import:\n{text}");
}

#[test]
fn query_lists_objects_and_generates_config() {
    let Some(tf) = Scratch::at_least("query", 1, 14) else {
        return;
    };
    tf.config(THREE);
    tf.ok(&["apply", "-auto-approve"]);
    let [a1, a2, b1] = <[String; 3]>::try_from(ids(
        &tf,
        &["echo_thing.a1", "echo_thing.a2", "echo_thing.b1"],
    ))
    .unwrap();

    let query = |prefix: &str, limit: u32| {
        std::fs::write(
            tf.work().join("search.tfquery.hcl"),
            format!(
                "list \"echo_thing\" \"all\" {{\n  provider = echo\n  limit    = {limit}\n  config {{\n    name_prefix = \"{prefix}\"\n  }}\n}}\n"
            ),
        )
        .unwrap();
    };
    query("alpha", 10);
    let out = tf.ok(&["query"]);
    assert!(out.contains("list.echo_thing.all"), "{out}");
    for (id, name) in [(&a1, "alpha-1"), (&a2, "alpha-2")] {
        let line = out
            .lines()
            .find(|l| l.contains(id.as_str()))
            .unwrap_or_else(|| panic!("{id} not listed:\n{out}"));
        assert!(line.contains(name), "the display name is shown: {line}");
    }
    assert!(!out.contains(b1.as_str()), "the prefix filters: {out}");

    query("", 2);
    let out = tf.ok(&["query"]);
    let listed = [&a1, &a2, &b1]
        .iter()
        .filter(|id| out.contains(id.as_str()))
        .count();
    assert_eq!(listed, 2, "the limit is honoured:\n{out}");

    // Forget the objects, then let the query write their configuration with import blocks.
    for address in ["echo_thing.a1", "echo_thing.a2", "echo_thing.b1"] {
        tf.ok(&["state", "rm", address]);
    }
    tf.config("");
    query("alpha", 10);
    tf.ok(&["query", "-generate-config-out=generated.tf"]);
    let generated = std::fs::read_to_string(tf.work().join("generated.tf")).unwrap();
    assert!(generated.contains("import {"), "{generated}");
    assert!(generated.contains(&format!("id = \"{a1}\"")), "{generated}");
    assert!(
        !generated.contains("revision"),
        "computed-only attributes are left out:\n{generated}"
    );
    assert!(
        !generated.contains("password_given"),
        "computed-only attributes are left out:\n{generated}"
    );
    assert_eq!(
        generated.matches("replicas").count(),
        1,
        "a default is left out, another value kept:\n{generated}"
    );
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 2, "{text}\n{generated}");
    assert!(
        text.contains("Plan: 2 to import, 0 to add, 0 to change, 0 to destroy."),
        "the generated configuration plans as imports only:\n{text}\n{generated}"
    );
    tf.ok(&["apply", "-auto-approve"]);
    let (code, text) = tf.plan_code(&[]);
    assert_eq!(code, 0, "{text}\n{generated}");
}

#[test]
fn action_invoke_reports_progress() {
    let Some(tf) = Scratch::at_least("action", 1, 14) else {
        return;
    };
    tf.config(
        "action \"echo_countdown\" \"launch\" {\n  config {\n    from    = 3\n    message = \"go\"\n  }\n}\n",
    );
    let out = tf.ok(&[
        "apply",
        "-auto-approve",
        "-invoke=action.echo_countdown.launch",
    ]);
    let progress: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("Action action.echo_countdown.launch"))
        .collect();
    assert_eq!(progress.len(), 4, "three steps and the message:\n{out}");
    for (line, want) in progress
        .iter()
        .zip(["T-minus 3", "T-minus 2", "T-minus 1", "go"])
    {
        assert!(
            line.ends_with(want),
            "{line:?} should end with {want:?}:\n{out}"
        );
    }
    assert!(
        out.contains("Action complete: action.echo_countdown.launch"),
        "{out}"
    );

    // A configuration the schema rejects fails before anything is invoked.
    tf.config("action \"echo_countdown\" \"launch\" {\n  config {\n    from = 50\n  }\n}\n");
    let (ok, text) = tf.output(&[
        "apply",
        "-auto-approve",
        "-invoke=action.echo_countdown.launch",
    ]);
    assert!(!ok, "{text}");
    assert!(text.contains("whole number between 1 and 10"), "{text}");
    assert!(!text.contains("T-minus"), "{text}");
}
