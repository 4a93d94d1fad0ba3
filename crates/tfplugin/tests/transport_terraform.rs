//! Real Terraform against the probe plugin: the handshake, AutoMTLS with Terraform's own P-521
//! client certificate, Terraform parsing our hclog lines, stdout noise after the handshake, and a
//! clean exit on shutdown.
//!
//! Terraform is `TF_ACC_TERRAFORM_PATH`, `terraform` on `PATH`, or the one `cargo xtask terraform`
//! installed under `.tools/`; without any, the tests say so and pass.

mod transport_common;

use std::path::{Path, PathBuf};
use std::process::Command;

use transport_common::{PROBE, TempDir};

const SOURCE: &str = "registry.terraform.io/tfplugin/probe";

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
    // The one `cargo xtask terraform` installs.
    let tools = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools");
    std::fs::read_dir(tools)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path().join("terraform"))
        .find(|p| p.is_file())
}

/// `terraform` with the caller's environment minus anything of Terraform's or go-plugin's.
fn terraform_command(terraform: &Path, work: &Path, home: &Path) -> Command {
    let mut cmd = Command::new(terraform);
    cmd.current_dir(work);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if key.starts_with("TF_") || key.starts_with("PLUGIN_") {
            cmd.env_remove(key.as_ref());
        }
    }
    cmd.env("HOME", home)
        .env("TF_IN_AUTOMATION", "1")
        .env("CHECKPOINT_DISABLE", "1");
    cmd
}

/// A plugin directory holding `terraform-provider-probe`, a wrapper that starts the probe with
/// `--stdout-noise` (as a provider that prints to stdout by mistake would).
fn plugin_dir(root: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = root.join("plugins");
    std::fs::create_dir_all(&dir).unwrap();
    let wrapper = dir.join("terraform-provider-probe");
    std::fs::write(
        &wrapper,
        format!("#!/bin/sh\nexec '{PROBE}' --stdout-noise \"$@\"\n"),
    )
    .unwrap();
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

/// A working directory whose configuration needs the probe provider.
fn work_dir(root: &Path) -> PathBuf {
    let work = root.join("work");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::write(
        work.join("main.tf"),
        format!(
            "terraform {{\n  required_providers {{\n    probe = {{ source = \"{SOURCE}\" }}\n  }}\n}}\n\nprovider \"probe\" {{}}\n"
        ),
    )
    .unwrap();
    work
}

/// Runs `terraform validate` with debug logging to `log_path`, asserts that it succeeded and
/// returns the log.
fn validate(mut cmd: Command, log_path: &Path) -> String {
    let output = cmd
        .args(["validate", "-no-color"])
        .env("TF_LOG", "DEBUG")
        .env("TF_LOG_PATH", log_path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let log = std::fs::read_to_string(log_path).unwrap_or_default();
    assert!(
        output.status.success() && stdout.contains("The configuration is valid"),
        "terraform validate failed\nstdout:\n{stdout}\nstderr:\n{stderr}\nlog:\n{log}"
    );
    log
}

#[test]
fn terraform_validates_through_automtls_and_reads_our_logs() {
    let Some(terraform) = find_terraform() else {
        eprintln!("no terraform (TF_ACC_TERRAFORM_PATH, PATH, .tools/); skipping");
        return;
    };
    let root = TempDir::new("tf");
    let plugins = plugin_dir(root.path());
    let sockets = root.path().join("sock");
    std::fs::create_dir_all(&sockets).unwrap();
    let work = work_dir(root.path());
    std::fs::write(
        root.path().join("cli.tfrc"),
        format!(
            "provider_installation {{\n  dev_overrides {{\n    \"{SOURCE}\" = \"{}\"\n  }}\n  direct {{}}\n}}\n",
            plugins.display()
        ),
    )
    .unwrap();
    let log_path = root.path().join("terraform.log");

    let mut cmd = terraform_command(&terraform, &work, root.path());
    cmd.env("TF_CLI_CONFIG_FILE", root.path().join("cli.tfrc"))
        // Inherited by the plugin, so we can check that its socket is gone afterwards.
        .env("PLUGIN_UNIX_SOCKET_DIR", &sockets);
    let log = validate(cmd, &log_path);

    // Our debug line came through Terraform's hclog parser (so no raw JSON in its log), and it
    // says the channel was TLS: Terraform's AutoMTLS client certificate was accepted.
    let listening: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("plugin server listening"))
        .collect();
    assert!(!listening.is_empty(), "no provider log line in:\n{log}");
    for line in &listening {
        assert!(
            line.contains("[DEBUG]"),
            "not parsed as an hclog entry: {line}"
        );
        assert!(line.contains("tls=true"), "AutoMTLS was not used: {line}");
        assert!(!line.contains("\"@message\""), "raw JSON: {line}");
    }
    // The span field of the schema RPC reached Terraform's log too.
    assert!(
        log.lines()
            .any(|l| l.contains("probe schema requested") && l.contains("tf_rpc=GetProviderSchema")),
        "no span fields in:\n{log}"
    );
    // The probe printed to stdout after the handshake, and Terraform carried on regardless.
    assert!(log.contains("printed noise to stdout"), "{log}");
    // Every plugin start ended with a graceful exit that removed its socket.
    assert!(
        !log.contains("signal: killed"),
        "a plugin had to be killed:\n{log}"
    );
    let left: Vec<_> = std::fs::read_dir(&sockets).unwrap().collect();
    assert!(left.is_empty(), "sockets left behind: {left:?}");
}

#[test]
fn terraform_attaches_to_a_debug_mode_provider() {
    let Some(terraform) = find_terraform() else {
        eprintln!("no terraform (TF_ACC_TERRAFORM_PATH, PATH, .tools/); skipping");
        return;
    };
    let root = TempDir::new("tfdbg");
    let work = work_dir(root.path());
    let mut plugin = transport_common::Launch {
        cookie: false,
        protocol_versions: None,
        socket_dir: Some(root.path().to_path_buf()),
        args: vec!["--debug".to_string()],
        ..transport_common::Launch::default()
    }
    .start();
    let line = plugin
        .wait_stdout_line(
            |l| l.contains("TF_REATTACH_PROVIDERS="),
            std::time::Duration::from_secs(5),
        )
        .expect("a reattach line");
    let reattach = line.split('\'').nth(1).unwrap().to_string();

    let log_path = root.path().join("terraform.log");
    let mut cmd = terraform_command(&terraform, &work, root.path());
    cmd.env("TF_REATTACH_PROVIDERS", &reattach);
    let log = validate(cmd, &log_path);
    assert!(
        log.contains(r#"is overridden as an "unmanaged provider""#),
        "terraform did not reattach:\n{log}"
    );

    // Test: true means Terraform leaves the provider running; Ctrl-C stops it.
    assert!(
        plugin.child.try_wait().unwrap().is_none(),
        "the debug provider was stopped"
    );
    plugin.signal("INT");
    let status = plugin
        .wait_exit(std::time::Duration::from_secs(3))
        .expect("Ctrl-C stops debug mode");
    assert!(status.success(), "{status:?}");
}
