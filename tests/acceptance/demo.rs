//! The README's main job, `cargo xtask demo`, end to end: it builds the provider and the
//! emulator, starts the emulator, installs the provider into a local mirror and applies the
//! quickstart, showing each layer's progress and the outputs; run again, it changes nothing;
//! `cargo xtask down` destroys the stack and stops the emulator. The demo runs in a folder of
//! its own (`PALETTE_DEMO_DIR`), beside any demo a developer has running.

use std::process::Command;

use crate::support::temp::TempDir;
use crate::support::terraform::terraform_binary;
use crate::support::workspace_root;

fn xtask(dir: &TempDir, task: &str) -> (bool, String) {
    let bin_dir = terraform_binary()
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    let path = std::env::join_paths(std::iter::once(bin_dir).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("a PATH");
    let out = Command::new(env!("CARGO"))
        .current_dir(workspace_root())
        .args(["run", "-q", "-p", "xtask", "--", task])
        .env("PALETTE_DEMO_DIR", dir.path())
        .env("PATH", path)
        .env_remove("TF_CLI_CONFIG_FILE")
        .env_remove("TF_LOG")
        .output()
        .expect("cargo xtask runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn the_main_job_deploys_the_quickstart_and_cleans_up() {
    let dir = TempDir::new("demo");
    let (ok, first) = xtask(&dir, "demo");
    assert!(ok, "cargo xtask demo failed:\n{first}");
    assert!(
        first.contains("Apply complete! Resources: 9 added"),
        "{first}"
    );
    // Per-layer progress, as it deploys.
    assert!(
        first.contains("layer os ubuntu-aws 22.04 is Ready")
            && first.contains("layer addon prometheus-operator 83.5.0 is Ready"),
        "no per-layer progress:\n{first}"
    );
    // The outputs at the end: both stacks healthy, the monitoring layer on the AWS one.
    assert!(
        first.contains("\"addon/prometheus-operator@83.5.0: Ready\""),
        "{first}"
    );
    assert!(
        first.contains("monitoring_layer = \"prometheus-operator (addon): Ready\""),
        "{first}"
    );
    assert_eq!(
        first.matches("\"health\" = \"Healthy\"").count(),
        2,
        "{first}"
    );

    let (ok, second) = xtask(&dir, "demo");
    assert!(ok, "the second cargo xtask demo failed:\n{second}");
    assert!(second.contains("reusing the emulator"), "{second}");
    assert!(
        second.contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed"),
        "{second}"
    );

    let (ok, down) = xtask(&dir, "down");
    assert!(ok, "cargo xtask down failed:\n{down}");
    assert!(
        down.contains("Destroy complete! Resources: 9 destroyed"),
        "{down}"
    );
    assert!(down.contains("stopped the emulator"), "{down}");
}
