//! `cargo xtask ci`: every check CI makes, in order, stopping at the first failure.
//!
//! `.ci/run` installs what a fresh machine lacks and then calls this, so a developer can run
//! the same checks locally.

use std::time::{Duration, Instant};

use anyhow::Context;

use crate::util::{self, cargo, section};

pub(crate) fn task(args: &[String]) -> anyhow::Result<()> {
    util::expect_flags(args, &[])?;
    let mut timings: Vec<(&str, Duration)> = Vec::new();
    let mut step = |name: &'static str, f: &dyn Fn() -> anyhow::Result<()>| {
        section(name);
        let start = Instant::now();
        let result = f().with_context(|| format!("ci step `{name}`"));
        timings.push((name, start.elapsed()));
        result
    };

    let result = (|| {
        step("lock file is current", &|| {
            util::run(cargo().args(["fetch", "--locked"]))
        })?;
        step("format", &|| {
            util::run(cargo().args(["fmt", "--all", "--", "--check"]))
        })?;
        step("clippy", &|| {
            util::run(
                cargo()
                    .args(["clippy", "--workspace", "--all-targets", "--locked"])
                    .args(["--", "-D", "warnings"]),
            )
        })?;
        // Tasks that other parts of the project add; run in check mode when they exist.
        for name in ["codegen", "docs"] {
            if let Some(task) = crate::find(name) {
                step(task.name, &|| (task.run)(&["--check".to_string()]))?;
            }
        }
        step("tidy", &|| crate::tidy::task(&[]))?;
        step("test", &|| crate::test::task(&[]))
    })();

    section("ci timings");
    for (name, took) in &timings {
        eprintln!("{:>8.1}s  {name}", took.as_secs_f64());
    }
    result
}
