//! `cargo xtask release` packages the provider as the Terraform registry expects, and Terraform
//! installs the archive it made from the mirror it wrote, with no network, then plans with it.

use std::path::Path;
use std::process::Command;

use crate::support::temp::TempDir;
use crate::support::terraform::terraform_binary;
use crate::support::{Emulator, TestEnv, workspace_root};

const NAME: &str = "terraform-provider-palette";

/// Terraform's name for this machine's platform, as in `linux_amd64`.
fn platform() -> String {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        other => other,
    };
    format!("{}_{arch}", std::env::consts::OS)
}

fn terraform(
    dir: &Path,
    cli_config: &Path,
    env: &[(&'static str, String)],
    args: &[&str],
) -> String {
    let out = Command::new(terraform_binary())
        .current_dir(dir)
        .args(args)
        .env("TF_CLI_CONFIG_FILE", cli_config)
        .env("TF_IN_AUTOMATION", "1")
        .env("CHECKPOINT_DISABLE", "1")
        .env_remove("TF_PLUGIN_CACHE_DIR")
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .expect("terraform runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "terraform {args:?} failed:\n{text}");
    text
}

#[test]
fn release_archive_installs_from_the_mirror_and_plans() {
    let version = env!("CARGO_PKG_VERSION");
    let dist = TempDir::new("release");
    let status = Command::new(env!("CARGO"))
        .current_dir(workspace_root())
        .args([
            "run",
            "-q",
            "-p",
            "xtask",
            "--",
            "release",
            "--profile",
            "dev",
            "--out",
        ])
        .arg(dist.path())
        .status()
        .expect("cargo xtask release runs");
    assert!(status.success(), "cargo xtask release failed");

    // The registry's names and files.
    let archive = format!("{NAME}_{version}_{}.zip", platform());
    assert!(dist.path().join(&archive).is_file(), "no {archive}");
    let manifest =
        std::fs::read_to_string(dist.path().join(format!("{NAME}_{version}_manifest.json")))
            .expect("the manifest");
    let ours = std::fs::read_to_string(workspace_root().join("registry-manifest.json")).unwrap();
    assert_eq!(manifest, ours);
    assert!(manifest.contains("\"6.0\""), "protocol 6.0: {manifest}");
    let sums = std::fs::read_to_string(dist.path().join(format!("{NAME}_{version}_SHA256SUMS")))
        .expect("SHA256SUMS");
    assert!(
        sums.lines()
            .any(|l| l.ends_with(&format!("  {archive}")) && l.len() == 64 + 2 + archive.len()),
        "{sums}"
    );

    // Terraform installs that archive from the mirror, offline, and plans with it.
    let emu = Emulator::start();
    let work = TempDir::new("release-work");
    let cli_config = work.path().join("cli.tfrc");
    std::fs::write(
        &cli_config,
        format!(
            "provider_installation {{\n  filesystem_mirror {{\n    path    = \"{}\"\n    include = \
             [\"registry.terraform.io/palette-rs/palette\"]\n  }}\n  direct {{\n    exclude = \
             [\"registry.terraform.io/palette-rs/palette\"]\n  }}\n}}\n",
            dist.path().join("mirror").display()
        ),
    )
    .unwrap();
    std::fs::write(
        work.path().join("main.tf"),
        format!(
            "terraform {{\n  required_providers {{\n    palette = {{\n      source  = \
             \"palette-rs/palette\"\n      version = \"{version}\"\n    }}\n  }}\n}}\n\n\
             provider \"palette\" {{}}\n\ndata \"palette_registry\" \"public\" {{\n  name = \
             \"Public Repo\"\n}}\n\noutput \"registry\" {{\n  value = \
             data.palette_registry.public.id\n}}\n"
        ),
    )
    .unwrap();
    let env = emu.provider_env();
    let init = terraform(
        work.path(),
        &cli_config,
        &env,
        &["init", "-no-color", "-input=false"],
    );
    assert!(
        init.contains(&format!("Installed palette-rs/palette v{version}")),
        "{init}"
    );
    let lock = std::fs::read_to_string(work.path().join(".terraform.lock.hcl")).unwrap();
    assert!(
        lock.contains(&format!("version     = \"{version}\"")),
        "{lock}"
    );
    let plan = terraform(
        work.path(),
        &cli_config,
        &env,
        &["plan", "-no-color", "-input=false"],
    );
    assert!(
        plan.contains("registry = \""),
        "the data source was not read: {plan}"
    );
}
