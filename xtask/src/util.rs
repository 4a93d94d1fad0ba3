//! Small helpers shared by the tasks: where the workspace is, running commands, and finding
//! programs on `PATH`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

/// The directory holding the workspace's `Cargo.toml`.
///
/// `cargo run` sets `CARGO_MANIFEST_DIR` for the running task too; that value wins over the
/// one compiled in, so a checkout whose target directory is shared with another checkout still
/// works on its own files.
pub(crate) fn project_root() -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest_dir
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// Cargo's target directory: `CARGO_TARGET_DIR`, or `target/` in the workspace.
pub(crate) fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => project_root().join(dir),
        None => project_root().join("target"),
    }
}

/// Whether `flag` is among `args`.
pub(crate) fn has_flag(args: &[String], flag: &str) -> bool {
    args.iter().any(|a| a == flag)
}

/// Fails on any argument that is not one of `allowed`.
pub(crate) fn expect_flags(args: &[String], allowed: &[&str]) -> anyhow::Result<()> {
    match args.iter().find(|a| !allowed.contains(&a.as_str())) {
        Some(unknown) => bail!("unexpected argument `{unknown}` (expected one of {allowed:?})"),
        None => Ok(()),
    }
}

/// A `cargo` command, using the same cargo that runs this task.
pub(crate) fn cargo() -> Command {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(project_root());
    cmd
}

/// Builds every binary of the workspace (provider, emulator, xtask) in the dev profile, or in
/// the release profile when `release` is set.
///
/// Every task builds the same set, so that cargo resolves dependency features once: building
/// one package alone unifies features differently and compiles most dependencies a second time,
/// which doubles both the build time and the disk a clean CI run needs.
pub(crate) fn build_bins(release: bool) -> anyhow::Result<()> {
    let mut cmd = cargo();
    cmd.args(["build", "--workspace", "--bins"]);
    if release {
        cmd.arg("--release");
    }
    run(&mut cmd)
}

/// Runs `cmd` with inherited standard streams and fails unless it exits with status 0.
pub(crate) fn run(cmd: &mut Command) -> anyhow::Result<()> {
    let shown = display(cmd);
    eprintln!("$ {shown}");
    let status = cmd
        .status()
        .with_context(|| format!("starting `{shown}`"))?;
    if !status.success() {
        bail!("`{shown}` failed ({status})");
    }
    Ok(())
}

/// Runs `cmd` and returns its standard output, failing unless it exits with status 0.
pub(crate) fn read(cmd: &mut Command) -> anyhow::Result<String> {
    let shown = display(cmd);
    let out = cmd
        .output()
        .with_context(|| format!("starting `{shown}`"))?;
    if !out.status.success() {
        bail!(
            "`{shown}` failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The command line of `cmd`, for messages.
pub(crate) fn display(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// The first executable file called `name` in the directories of `PATH`.
pub(crate) fn which(name: impl AsRef<OsStr>) -> Option<PathBuf> {
    let name = name.as_ref();
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

/// Whether `path` is a regular file that someone may execute (any regular file on Windows,
/// where the release workflow builds the provider with these tasks).
pub(crate) fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    path.is_file()
}

/// Prints a section header, so long logs (CI's above all) are easy to scan.
pub(crate) fn section(title: &str) {
    eprintln!("\n==== {title} ====");
}

/// The version of the root package, `terraform-provider-palette`, from its `Cargo.toml`.
pub(crate) fn provider_version() -> anyhow::Result<String> {
    let manifest = project_root().join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .with_context(|| format!("reading {}", manifest.display()))?;
    let mut in_package = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package && let Some(rest) = line.strip_prefix("version") {
            let value = rest.trim_start().trim_start_matches('=').trim();
            return Ok(value.trim_matches('"').to_string());
        }
    }
    bail!(
        "no `version` in the [package] table of {}",
        manifest.display()
    )
}

/// Terraform's name for the platform this runs on, as in `linux_amd64`.
pub(crate) fn terraform_platform() -> String {
    let arch = match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "386",
        other => other,
    };
    format!("{}_{arch}", std::env::consts::OS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_version_is_read_from_the_root_manifest() {
        let version = provider_version().unwrap();
        assert!(
            version.split('.').count() == 3 && version.split('.').all(|p| p.parse::<u32>().is_ok()),
            "not a semantic version: {version:?}"
        );
    }

    #[test]
    fn platform_names_follow_terraform() {
        let platform = terraform_platform();
        assert!(platform.contains('_'), "{platform}");
        assert!(!platform.contains("x86_64"), "{platform}");
    }
}
