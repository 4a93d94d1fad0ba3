//! `cargo xtask release` packages the provider as the Terraform registry expects: Terraform
//! installs the archive it made from the mirror it wrote, with no network, then plans with it;
//! the `linux_arm64` archive, cross-built with Debian's toolchain, runs under `qemu-aarch64` as
//! Terraform's provider through a plan, an apply and a destroy; and `--sign` makes a detached
//! signature of SHA256SUMS that `gpg --verify` accepts.

use std::path::Path;
use std::process::Command;

use crate::support::temp::TempDir;
use crate::support::terraform::terraform_binary;
use crate::support::{Emulator, Plan, Terraform, TestEnv, workspace_root};

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

/// Runs `cargo xtask release --profile dev --out OUT ARGS...` with `env` added, and panics
/// unless it succeeds.
pub(crate) fn xtask_release(out: &Path, args: &[&str], env: &[(&str, &Path)]) {
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
        ])
        .args(args)
        .arg("--out")
        .arg(out)
        .envs(env.iter().copied())
        .status()
        .expect("cargo xtask release runs");
    assert!(status.success(), "cargo xtask release {args:?} failed");
}

/// The `SHA256SUMS` file of a release in `dist`.
pub(crate) fn sums(dist: &Path) -> String {
    let version = env!("CARGO_PKG_VERSION");
    std::fs::read_to_string(dist.join(format!("{NAME}_{version}_SHA256SUMS"))).expect("SHA256SUMS")
}

#[test]
fn release_archive_installs_from_the_mirror_and_plans() {
    let version = env!("CARGO_PKG_VERSION");
    let dist = TempDir::new("release");
    // This machine's platform alone: the arm64 one has a test of its own.
    xtask_release(dist.path(), &["--platform", &platform()], &[]);

    // The registry's names and files.
    let archive = format!("{NAME}_{version}_{}.zip", platform());
    assert!(dist.path().join(&archive).is_file(), "no {archive}");
    let manifest =
        std::fs::read_to_string(dist.path().join(format!("{NAME}_{version}_manifest.json")))
            .expect("the manifest");
    let ours = std::fs::read_to_string(workspace_root().join("registry-manifest.json")).unwrap();
    assert_eq!(manifest, ours);
    assert!(manifest.contains("\"6.0\""), "protocol 6.0: {manifest}");
    let sums = sums(dist.path());
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

/// The `linux_arm64` archive, run for real: Terraform starts a one-line wrapper as the provider,
/// which runs the arm64 binary from the archive under `qemu-aarch64`. The go-plugin handshake
/// with AutoMTLS, a plan, an apply and a destroy of an SSH key (with a data source read beside
/// it) against the emulator, which runs natively, all go through it.
///
/// `-L` points qemu at the cross toolchain's loader; `LD_LIBRARY_PATH` (set for the guest only,
/// by `-E`) makes that loader take the C library beside it rather than the multiarch
/// `libc6:arm64` that the arm64 standard library's package brings: the two are different builds
/// of glibc, and with the second the provider hangs when it starts its first thread.
///
/// `cargo xtask test` skips it (`ARM64_TEST` in `xtask/src/test.rs`, counted as skipped) on a
/// machine without the arm64 cross toolchain or `qemu-user`; `cargo xtask ci` installs both.
#[test]
fn linux_arm64_archive_runs_under_qemu_and_plans_applies_and_destroys() {
    let version = env!("CARGO_PKG_VERSION");
    let dist = TempDir::new("release-arm64");
    xtask_release(dist.path(), &["--platform", "linux_arm64"], &[]);
    let archive = dist
        .path()
        .join(format!("{NAME}_{version}_linux_arm64.zip"));
    assert!(
        sums(dist.path()).contains(&format!("  {NAME}_{version}_linux_arm64.zip\n")),
        "SHA256SUMS lacks the arm64 archive"
    );

    // The binary, as Terraform would unpack it, and the wrapper Terraform starts in its place.
    let bin = TempDir::new("arm64-provider");
    let unpacked = bin.path().join("arm64");
    let status = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])",
        ])
        .arg(&archive)
        .arg(&unpacked)
        .status()
        .expect("python3 runs");
    assert!(status.success(), "unpacking {}", archive.display());
    let binary = unpacked.join(format!("{NAME}_v{version}"));
    let elf = std::fs::read(&binary).expect("the archive holds the binary");
    assert!(elf.starts_with(b"\x7fELF\x02\x01"), "not a 64-bit ELF file");
    assert_eq!(
        u16::from_le_bytes([elf[18], elf[19]]),
        183,
        "not an aarch64 binary"
    );
    let wrapper = bin.path().join("wrapper").join(NAME);
    std::fs::create_dir_all(wrapper.parent().unwrap()).unwrap();
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec qemu-aarch64 -L /usr/aarch64-linux-gnu -E \
             LD_LIBRARY_PATH=/usr/aarch64-linux-gnu/lib {} \"$@\"\n",
            binary.display()
        ),
    )
    .unwrap();
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
        // Python's extractall drops the mode; Terraform's installer keeps it.
        std::fs::set_permissions(&binary, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    let emu = Emulator::start();
    let tf = Terraform::with_provider(&emu, &wrapper);
    tf.write_config(
        r#"
terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}

data "palette_registry" "public" {
  name = "Public Repo"
}

resource "palette_ssh_key" "arm64" {
  name       = "arm64-under-qemu"
  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMKJSdz1evm8ReB4WIn1PgCfWLPNiBMF7lJSIDqmyhxq ops@example.com"
}

output "registry" {
  value = data.palette_registry.public.id
}
"#,
    );
    tf.init();
    assert_eq!(tf.plan(), Plan::Changes);
    let applied = tf.apply();
    assert!(
        applied
            .stdout
            .contains("Apply complete! Resources: 1 added"),
        "{}",
        applied.stdout
    );
    let key = tf.resource_values("palette_ssh_key.arm64");
    let uid = key["id"].as_str().expect("an id").to_string();
    tf.assert_empty_plan();

    // Terraform ran the wrapper, over the plugin protocol with its own client certificate.
    let log = tf.log();
    assert!(
        log.contains(&format!("path={}", wrapper.display())),
        "Terraform did not start the wrapper"
    );
    assert!(
        log.contains("configuring client automatic mTLS"),
        "no AutoMTLS in the handshake"
    );

    let destroyed = tf.destroy();
    assert!(
        destroyed
            .stdout
            .contains("Destroy complete! Resources: 1 destroyed"),
        "{}",
        destroyed.stdout
    );
    let project = emu.project_uid(crate::support::emulator::PROJECT);
    let gone = emu.project_request(
        &project,
        "GET",
        &format!("/v1/users/assets/sshkeys/{uid}"),
        None,
    );
    assert_eq!(gone.status, 404, "the key outlived destroy: {}", gone.body);
}

/// `--sign KEY` with a throwaway RSA key (the registry takes RSA and DSA keys) in a temporary
/// `GNUPGHOME`: the binary detached signature `…_SHA256SUMS.sig` verifies, and stops verifying
/// once the checksums change.
#[test]
fn release_sign_makes_a_detached_signature_of_the_checksums() {
    let version = env!("CARGO_PKG_VERSION");
    let home = TempDir::new("gnupg");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let gpg = |args: &[&str]| {
        Command::new("gpg")
            .env("GNUPGHOME", home.path())
            .args(["--batch", "--no-tty"])
            .args(args)
            .output()
            .expect("gpg runs")
    };
    let user = "Release Test <release-test@example.invalid>";
    let made = gpg(&[
        "--passphrase",
        "",
        "--quick-generate-key",
        user,
        "rsa2048",
        "sign",
        "1d",
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    let dist = TempDir::new("release-signed");
    xtask_release(
        dist.path(),
        &[
            "--platform",
            &platform(),
            "--sign",
            "release-test@example.invalid",
        ],
        &[("GNUPGHOME", home.path())],
    );
    let sums = dist.path().join(format!("{NAME}_{version}_SHA256SUMS"));
    let signature = dist.path().join(format!("{NAME}_{version}_SHA256SUMS.sig"));
    let bytes = std::fs::read(&signature).expect("the signature file");
    // A binary OpenPGP signature packet, not ASCII armor.
    assert!(bytes[0] & 0x80 != 0, "not a binary OpenPGP packet");
    let verify = |sums: &Path| {
        gpg(&[
            "--verify",
            signature.to_str().unwrap(),
            sums.to_str().unwrap(),
        ])
    };
    let good = verify(&sums);
    let said = String::from_utf8_lossy(&good.stderr).into_owned();
    assert!(good.status.success(), "{said}");
    assert!(
        said.contains("Good signature from \"Release Test"),
        "{said}"
    );

    let tampered = dist.path().join("tampered");
    let mut text = std::fs::read_to_string(&sums).unwrap();
    text.push_str(&format!("{}  extra.zip\n", "0".repeat(64)));
    std::fs::write(&tampered, text).unwrap();
    assert!(
        !verify(&tampered).status.success(),
        "a changed file verified"
    );
    let _ = Command::new("gpgconf")
        .env("GNUPGHOME", home.path())
        .args(["--kill", "gpg-agent"])
        .status();
}
