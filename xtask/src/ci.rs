//! `cargo xtask ci`: every check CI makes, in order.
//!
//! The last step, `test`, also runs the bounded cargo-fuzz runs (see `fuzz.rs`).
//!
//! Every step runs even when an earlier one failed, so one log shows every problem (a stale
//! doc page does not hide a failing test); the task fails at the end if any step did. `.ci/run`
//! installs what a fresh machine lacks and then calls this, so a developer can run the same
//! checks locally. The one exception is the `release` step: it installs Debian's arm64 cross
//! toolchain and qemu-user through `cargo xtask release --install-deps`, as a developer would
//! (and CMake and Go for the FIPS build, when `.ci/run` did not install them).

use std::time::{Duration, Instant};

use anyhow::bail;

use crate::release;
use crate::util::{self, cargo, section, target_dir};

/// One check: its name and what it runs.
type Step<'a> = (&'a str, Box<dyn Fn() -> anyhow::Result<()> + 'a>);

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    util::expect_flags(args, &[])?;
    let mut steps: Vec<Step> = vec![
        (
            "lock file is current",
            Box::new(|| util::run(cargo().args(["fetch", "--locked"]))),
        ),
        (
            // The fuzz package has a lock file of its own, which a dependency added to a crate
            // it links (palette-stack, test-support) changes too.
            "lock file is current (fuzz package)",
            Box::new(|| {
                util::run(cargo().args(["fetch", "--locked", "--manifest-path", "fuzz/Cargo.toml"]))
            }),
        ),
        (
            "format",
            Box::new(|| util::run(cargo().args(["fmt", "--all", "--", "--check"]))),
        ),
        (
            // The fuzz package is a workspace of its own, so `--all` above does not reach it.
            "format (fuzz package)",
            Box::new(|| {
                util::run(cargo().args([
                    "fmt",
                    "--all",
                    "--manifest-path",
                    "fuzz/Cargo.toml",
                    "--",
                    "--check",
                ]))
            }),
        ),
        (
            "clippy",
            Box::new(|| {
                util::run(
                    cargo()
                        .args(["clippy", "--workspace", "--all-targets", "--locked"])
                        .args(["--", "-D", "warnings"]),
                )
            }),
        ),
    ];
    // Tasks that other parts of the project add; run in check mode when they exist.
    for name in ["codegen", "docs"] {
        if let Some(task) = crate::find(name) {
            steps.push((
                task.name,
                Box::new(move || (task.run)(&["--check".to_string()])),
            ));
        }
    }
    steps.push((
        // Both Linux archives as a fresh machine makes them, installing Debian's arm64 cross
        // toolchain and qemu-user first, and the FIPS build's linux_amd64 archive (in its own
        // target directory, target/fips); the acceptance tests that run the arm64 one under
        // qemu and the FIPS one over TLS reuse these builds.
        "release (linux_amd64, linux_arm64, linux_amd64 FIPS)",
        Box::new(release_both_linux_platforms),
    ));
    steps.push((
        // The code only the FIPS build compiles (`#[cfg(feature = "fips")]`), in the FIPS
        // build's target directory, where the release step built its dependencies' build
        // scripts (aws-lc-fips-sys's CMake build among them).
        "clippy (fips feature)",
        Box::new(clippy_fips),
    ));
    steps.push(("tidy", Box::new(|| crate::tidy::task(&[]))));
    steps.push(("test", Box::new(|| crate::test::task(&[]))));

    let mut results: Vec<(&str, Duration, Option<String>)> = Vec::new();
    for (name, run) in &steps {
        section(name);
        let start = Instant::now();
        let error = run().err().map(|e| format!("{e:#}"));
        if let Some(error) = &error {
            eprintln!("error: ci step `{name}`: {error}");
        }
        results.push((name, start.elapsed(), error));
    }

    section("ci summary");
    for (name, took, error) in &results {
        let status = if error.is_some() { "FAILED" } else { "ok" };
        eprintln!("{:>8.1}s  {status:<6}  {name}", took.as_secs_f64());
    }
    let failed: Vec<&str> = results
        .iter()
        .filter(|(_, _, e)| e.is_some())
        .map(|(name, _, _)| *name)
        .collect();
    if !failed.is_empty() {
        bail!("failed steps: {}", failed.join(", "));
    }
    Ok(())
}

/// `cargo xtask release --profile dev --fips --install-deps` into `target/ci-release/`, after
/// installing qemu-user for the arm64 test when it is missing (x86_64 Linux only).
fn release_both_linux_platforms() -> anyhow::Result<()> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        eprintln!("not an x86_64 Linux machine: no linux_arm64 cross build or FIPS build here");
        return Ok(());
    }
    if util::which("qemu-aarch64").is_none() {
        release::install_debian_packages(release::ARM64_RUN_PACKAGES)?;
    }
    let out = target_dir().join("ci-release");
    let args = ["--profile", "dev", "--fips", "--install-deps", "--out"].map(String::from);
    release::task(&[&args[..], &[out.display().to_string()]].concat())
}

/// Clippy over the crates with a `fips` feature, with it, in the FIPS build's target directory
/// (x86_64 Linux only, where CI makes the FIPS build).
fn clippy_fips() -> anyhow::Result<()> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        eprintln!("not an x86_64 Linux machine: no FIPS build here");
        return Ok(());
    }
    util::run(
        cargo()
            .env("CARGO_TARGET_DIR", release::fips_target_dir())
            .args(["clippy", "--locked", "--features", "fips"])
            .args(FIPS_PACKAGES.iter().flat_map(|p| ["--package", p]))
            .args(["--lib", "--bins", "--", "-D", "warnings"]),
    )
}

/// The packages with a `fips` feature.
const FIPS_PACKAGES: &[&str] = &["terraform-provider-palette", "tfplugin", "palette-api"];
