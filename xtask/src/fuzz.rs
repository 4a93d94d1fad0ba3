//! `cargo xtask fuzz`: coverage-guided runs of the cargo-fuzz targets in `fuzz/`, on stable Rust.
//!
//! cargo-fuzz passes rustc a few nightly-only `-Z` flags (sanitizer, coverage counters);
//! `RUSTC_BOOTSTRAP=1` lets the stable compiler accept them, and the stable toolchain ships the
//! AddressSanitizer runtime, so the targets build with ASan and libFuzzer's coverage feedback.
//! cargo-fuzz itself is installed with `cargo install --locked` into cargo's bin directory when
//! it is missing (once per machine). The fuzz package is not in the workspace and builds in
//! `fuzz/target`; each target's corpus is `fuzz/corpus/<target>` (git-ignored), which the
//! target seeds itself on start from the seeds in
//! `crates/test-support/src/fuzz_checks.rs`.
//!
//! A crash, a leak, a hang over [`INPUT_TIMEOUT_SECONDS`] or an out-of-memory fails the run and
//! prints the reproducer under `fuzz/artifacts/<target>/`. `cargo xtask test` runs [`bounded`]
//! after the cargo tests, and counts each target as one test: a fixed number of inputs per
//! target ([`BOUNDED_RUNS`]) from a fixed seed on a fresh corpus, so it explores the same inputs
//! on a fast machine as on a slow one.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Instant;

use anyhow::{Context, bail};

use crate::util::{self, cargo, project_root, section};

/// The targets, in the order they run.
pub(crate) const TARGETS: [&str; 3] = ["value_decoding", "yaml_values", "import_ids"];

/// The cargo-fuzz release installed when none is found.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// How many inputs each target runs in `cargo xtask test` (and so in CI), in [`TARGETS`]'
/// order: chosen so that each takes 30 to 45 s on the 2-core development machine under ASan.
/// A count, not a time, so a faster or slower machine runs exactly the same inputs.
const BOUNDED_RUNS: [u64; 3] = [1_500_000, 240_000, 2_000_000];

/// The safety net of a bounded run: a target still running after this many seconds stops
/// there, which is reported (it explored fewer inputs than CI means to) but does not fail.
const BOUNDED_CAP_SECONDS: u64 = 120;

/// An input that runs longer than this counts as a hang, which fails the run.
const INPUT_TIMEOUT_SECONDS: u64 = 10;

/// The libFuzzer seed of the bounded runs: fixed, so CI explores the same inputs each time (on
/// a fresh corpus) and a crash there is one that a developer can reproduce.
const BOUNDED_SEED: u64 = 20_261_124;

/// What a run is asked for.
struct Options {
    targets: Vec<String>,
    /// The time each target runs (libFuzzer's `-max_total_time`); with `runs`, a cap.
    seconds: u64,
    /// How many inputs each target runs (libFuzzer's `-runs`), in `targets`' order; empty to
    /// run for `seconds`.
    runs: Vec<u64>,
    /// Where the corpora are: `fuzz/corpus` for campaigns that keep growing it.
    corpus_dir: PathBuf,
    sanitizer: String,
    /// libFuzzer's `-seed`; none for a random one.
    seed: Option<u64>,
}

/// What one target's run measured.
#[derive(Debug, Default, PartialEq)]
struct Figures {
    execs: u64,
    exec_per_sec: u64,
    coverage: u64,
    features: u64,
    corpus: u64,
    peak_rss_mb: u64,
    reproducer: Option<String>,
}

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    if args == ["--bounded"] {
        let (_, failed) = bounded();
        if failed > 0 {
            bail!("{failed} fuzz target(s) failed: reproducers above");
        }
        return Ok(());
    }
    let mut options = Options {
        targets: Vec::new(),
        seconds: 60,
        runs: Vec::new(),
        corpus_dir: project_root().join("fuzz/corpus"),
        sanitizer: "address".to_string(),
        seed: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                let value = args.next().context("`--seconds` needs a number")?;
                options.seconds = value
                    .parse()
                    .with_context(|| format!("`--seconds {value}` is not a number"))?;
            }
            "--sanitizer" => {
                let value = args.next().context("`--sanitizer` needs a name")?;
                options.sanitizer.clone_from(value);
            }
            "--seed" => {
                let value = args.next().context("`--seed` needs a number")?;
                options.seed = Some(
                    value
                        .parse()
                        .with_context(|| format!("`--seed {value}` is not a number"))?,
                );
            }
            name if TARGETS.contains(&name) => options.targets.push(name.to_string()),
            other => bail!(
                "unexpected argument `{other}` (expected --bounded alone, or --seconds N, --sanitizer NAME, --seed N or a target: {})",
                TARGETS.join(", ")
            ),
        }
    }
    if options.targets.is_empty() {
        options.targets = TARGETS.iter().map(|t| t.to_string()).collect();
    }
    let failed = run(&options)?;
    if failed > 0 {
        bail!("{failed} fuzz target(s) failed: reproducers above");
    }
    Ok(())
}

/// The bounded run of every target that `cargo xtask test` makes: ASan, [`BOUNDED_RUNS`] inputs
/// per target in one process (capped at [`BOUNDED_CAP_SECONDS`]), libFuzzer seed
/// `PALETTE_FUZZ_SEED` (default [`BOUNDED_SEED`]; `random` for a new one each run), each target
/// starting from its seeds in a fresh corpus under `fuzz/target/bounded-corpus` (the campaign
/// corpus in `fuzz/corpus` would make the inputs depend on earlier runs). Returns how many
/// targets passed and failed; a setup failure (cargo-fuzz cannot be installed, the build fails)
/// fails them all.
pub(crate) fn bounded() -> (u64, u64) {
    let corpus_dir = project_root().join("fuzz/target/bounded-corpus");
    if corpus_dir.exists()
        && let Err(err) = std::fs::remove_dir_all(&corpus_dir)
    {
        eprintln!("error: fuzz: removing {}: {err}", corpus_dir.display());
        return (0, TARGETS.len() as u64);
    }
    let seed = match std::env::var("PALETTE_FUZZ_SEED").ok().as_deref() {
        Some("random") => None,
        Some(text) => Some(text.parse().unwrap_or(BOUNDED_SEED)),
        None => Some(BOUNDED_SEED),
    };
    let options = Options {
        targets: TARGETS.iter().map(|t| t.to_string()).collect(),
        seconds: BOUNDED_CAP_SECONDS,
        runs: BOUNDED_RUNS.to_vec(),
        corpus_dir,
        sanitizer: "address".to_string(),
        seed,
    };
    let total = TARGETS.len() as u64;
    match run(&options) {
        Ok(failed) => (total - failed, failed),
        Err(err) => {
            eprintln!("error: fuzz: {err:#}");
            (0, total)
        }
    }
}

/// Installs cargo-fuzz if needed, builds every target, runs each asked for and prints a summary.
/// Returns the number of targets that failed.
fn run(options: &Options) -> anyhow::Result<u64> {
    let started = Instant::now();
    section("cargo-fuzz");
    ensure_cargo_fuzz()?;
    let installed = started.elapsed();

    section(&format!("build the fuzz targets ({})", options.sanitizer));
    let build_started = Instant::now();
    util::run(&mut cargo_fuzz("build", &options.sanitizer))?;
    let built = build_started.elapsed();

    let mut results = Vec::new();
    for (index, target) in options.targets.iter().enumerate() {
        let runs = options.runs.get(index).copied();
        match runs {
            Some(runs) => section(&format!(
                "fuzz {target} for {runs} inputs (at most {} s)",
                options.seconds
            )),
            None => section(&format!("fuzz {target} for {} s", options.seconds)),
        }
        let run_started = Instant::now();
        let figures = run_target(target, runs, options)?;
        results.push((target, runs, run_started.elapsed(), figures));
    }

    section("fuzz summary");
    eprintln!(
        "cargo-fuzz ready in {:.1}s, targets built in {:.1}s ({} sanitizer)",
        installed.as_secs_f64(),
        built.as_secs_f64(),
        options.sanitizer
    );
    let mut failed = 0;
    for (target, runs, took, figures) in &results {
        let status = if figures.reproducer.is_some() {
            failed += 1;
            "FAILED"
        } else {
            "ok"
        };
        eprintln!(
            "{target:<15} {status:<6} {:>6.1}s  {} execs ({}/s), cov {}, ft {}, corpus {}, peak rss {} MB",
            took.as_secs_f64(),
            figures.execs,
            figures.exec_per_sec,
            figures.coverage,
            figures.features,
            figures.corpus,
            figures.peak_rss_mb
        );
        if let Some(runs) = runs
            && figures.reproducer.is_none()
            && figures.execs < *runs
        {
            // Not a failure: the inputs that ran passed, but fewer ran than the step means to.
            eprintln!(
                "    note: the {} s cap stopped {target} after {} of its {runs} inputs (a slow or loaded machine)",
                options.seconds, figures.execs
            );
        }
        if let Some(path) = &figures.reproducer {
            eprintln!(
                "    reproducer: {path}\n    replay: RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz \
                 --target-dir fuzz/target -s {} {target} {path}",
                options.sanitizer
            );
        }
    }
    eprintln!("fuzz total {:.1}s", started.elapsed().as_secs_f64());
    Ok(failed)
}

/// Makes `cargo fuzz` available: the one on `PATH` (or in cargo's bin directory), else installs
/// the pinned release there.
fn ensure_cargo_fuzz() -> anyhow::Result<()> {
    if let Ok(version) = util::read(cargo().args(["fuzz", "--version"])) {
        eprintln!("{}", version.trim());
        return Ok(());
    }
    eprintln!("cargo-fuzz is missing: installing {CARGO_FUZZ_VERSION}");
    util::run(cargo().args([
        "install",
        "cargo-fuzz",
        "--locked",
        "--version",
        CARGO_FUZZ_VERSION,
    ]))?;
    let version = util::read(cargo().args(["fuzz", "--version"]))
        .context("cargo-fuzz was installed but `cargo fuzz` does not run (is cargo's bin directory on PATH?)")?;
    eprintln!("{}", version.trim());
    Ok(())
}

/// `cargo fuzz <subcommand>` for the fuzz package: release build with debug assertions (so an
/// integer overflow is a crash), its own target directory, stable rustc taking `-Z` flags.
fn cargo_fuzz(subcommand: &str, sanitizer: &str) -> Command {
    let mut cmd = cargo();
    cmd.args(["fuzz", subcommand, "--fuzz-dir", "fuzz"])
        .args(["--target-dir", "fuzz/target", "--debug-assertions"])
        .args(["--sanitizer", sanitizer])
        .env("RUSTC_BOOTSTRAP", "1")
        // The workspace's settings are not the fuzz package's.
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS");
    cmd
}

/// Runs one target for `runs` inputs (at most `options.seconds`) or, without `runs`, for
/// `options.seconds`, in one process, echoing libFuzzer's output without its per-input progress
/// lines, and reads its final figures.
fn run_target(target: &str, runs: Option<u64>, options: &Options) -> anyhow::Result<Figures> {
    let corpus = options.corpus_dir.join(target);
    let mut cmd = cargo_fuzz("run", &options.sanitizer);
    cmd.arg(target)
        .arg(&corpus)
        .arg("--")
        .arg(format!("-max_total_time={}", options.seconds))
        .args(runs.map(|runs| format!("-runs={runs}")))
        .arg(format!("-timeout={INPUT_TIMEOUT_SECONDS}"))
        .args(["-max_len=4096", "-print_final_stats=1"])
        .args(options.seed.map(|seed| format!("-seed={seed}")))
        .env("PALETTE_FUZZ_SEED_DIR", &corpus)
        .env("RUST_BACKTRACE", "1");
    let shown = util::display(&cmd);
    eprintln!("$ {shown}");
    let mut child = cmd
        .stdout(Stdio::inherit())
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("starting `{shown}`"))?;
    let stderr = child.stderr.take().expect("stderr is piped");
    let mut figures = Figures::default();
    let mut progress = 0_u64;
    for line in BufReader::new(stderr).lines() {
        let line = line?;
        // Lines come in order, so the last one read (`DONE`, or the last progress line before
        // a crash) holds the final figures.
        read_figure(&line, &mut figures);
        if is_progress(&line) {
            progress += 1;
        } else {
            eprintln!("{line}");
        }
    }
    eprintln!("({progress} progress lines not shown)");
    let status = child.wait()?;
    if !status.success() && figures.reproducer.is_none() {
        // libFuzzer names the input it wrote; without that, point at the artifacts directory.
        figures.reproducer = Some(newest_artifact(target).unwrap_or_else(|| {
            format!("none written ({status}); see fuzz/artifacts/{target}/ and the output above")
        }));
    }
    Ok(figures)
}

/// libFuzzer's lines for each new, reduced or periodic input (`#1234 NEW cov: ...`) and the
/// newly covered functions it lists under them (`\tNEW_FUNC[1/1]: ...`).
fn is_progress(line: &str) -> bool {
    if line.starts_with("\tNEW_FUNC") || line.starts_with("\tNEW_PC") {
        return true;
    }
    let Some(rest) = line.strip_prefix('#') else {
        return false;
    };
    let mut words = rest.split_whitespace();
    words.next().is_some_and(|n| n.parse::<u64>().is_ok())
        && words
            .next()
            .is_some_and(|kind| matches!(kind, "NEW" | "REDUCE" | "pulse" | "RELOAD"))
}

/// Reads the figures a line of libFuzzer output holds into `figures`.
fn read_figure(line: &str, figures: &mut Figures) {
    let number = |text: &str| text.trim().parse::<u64>().ok();
    if let Some(rest) = line.strip_prefix("stat::") {
        let Some((name, value)) = rest.split_once(':') else {
            return;
        };
        let Some(value) = number(value) else {
            return;
        };
        match name {
            "number_of_executed_units" => figures.execs = value,
            "average_exec_per_sec" => figures.exec_per_sec = value,
            "peak_rss_mb" => figures.peak_rss_mb = value,
            _ => {}
        }
    } else if let Some(path) = line
        .split_once("Test unit written to ")
        .map(|(_, path)| path.trim())
    {
        figures.reproducer = Some(path.to_string());
    } else if line.starts_with('#') {
        let words: Vec<&str> = line.split_whitespace().collect();
        for pair in words.windows(2) {
            match pair[0] {
                "cov:" => figures.coverage = number(pair[1]).unwrap_or(figures.coverage),
                "ft:" => figures.features = number(pair[1]).unwrap_or(figures.features),
                "corp:" => {
                    let count = pair[1].split('/').next().unwrap_or_default();
                    figures.corpus = number(count).unwrap_or(figures.corpus);
                }
                _ => {}
            }
        }
    }
}

/// The most recently written file in `fuzz/artifacts/<target>/`.
fn newest_artifact(target: &str) -> Option<String> {
    let dir: PathBuf = project_root().join("fuzz/artifacts").join(target);
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| Some((entry.metadata().ok()?.modified().ok()?, entry.path())))
        .max()
        .map(|(_, path)| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_libfuzzer_figures() {
        let mut figures = Figures::default();
        for line in [
            "#1648196\tDONE   cov: 596 ft: 1565 corp: 584/24Kb lim: 4096 exec/s: 35830 rss: 531Mb",
            "stat::number_of_executed_units: 1648196",
            "stat::average_exec_per_sec:     35830",
            "stat::peak_rss_mb:              531",
            "INFO: Seed: 1234",
        ] {
            read_figure(line, &mut figures);
        }
        assert_eq!(
            figures,
            Figures {
                execs: 1_648_196,
                exec_per_sec: 35_830,
                coverage: 596,
                features: 1565,
                corpus: 584,
                peak_rss_mb: 531,
                reproducer: None,
            }
        );
        read_figure(
            "artifact_prefix='fuzz/artifacts/x/'; Test unit written to fuzz/artifacts/x/crash-ab12",
            &mut figures,
        );
        assert_eq!(
            figures.reproducer.as_deref(),
            Some("fuzz/artifacts/x/crash-ab12")
        );
    }

    #[test]
    fn progress_lines_are_told_apart() {
        assert!(is_progress(
            "#49932\tNEW    cov: 4277 ft: 14808 corp: 1699/48Kb lim: 49 exec/s: 4539"
        ));
        assert!(is_progress("#65536\tpulse  cov: 4277 ft: 14808"));
        assert!(is_progress(
            "\tNEW_FUNC[1/1]: 0x5609285beb40 in <alloc::raw_vec::RawVec<usize>>::grow_one"
        ));
        assert!(!is_progress("#1648196\tDONE   cov: 596 ft: 1565"));
        assert!(!is_progress(
            "#0 0x561db4234801 in __sanitizer_print_stack_trace"
        ));
        assert!(!is_progress("INFO: Seed: 1234"));
    }
}
