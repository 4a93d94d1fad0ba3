//! The `terraform-provider-palette` plugin binary.
//!
//! Terraform starts it and speaks plugin protocol 6 to it; run by hand it explains that. With
//! `--debug` it serves on its own and prints the `TF_REATTACH_PROVIDERS` value to paste into the
//! shell that runs Terraform.

mod actions;
mod data_sources;
mod diagnostics;
mod environments;
mod ephemeral;
mod functions;
mod memo;
mod provider;
mod provider_data;
mod resolve;
mod resources;
mod wait;

use std::process::ExitCode;

use tfplugin::{ProviderServer, ServeOptions};

/// The program's name: the FIPS build is a provider of its own name.
const NAME: &str = if tfplugin::fips::ENABLED {
    "terraform-provider-palette-fips"
} else {
    "terraform-provider-palette"
};

const USAGE: &str = "\
terraform-provider-palette: the Terraform provider for Spectro Cloud Palette

Terraform starts this program itself; you do not need to run it.

Usage:
  terraform-provider-palette            serve Terraform (only when Terraform starts it)
  terraform-provider-palette --debug    serve for a debugger: prints TF_REATTACH_PROVIDERS to paste
  terraform-provider-palette --version  print the version, and whether this is the FIPS build
";

fn main() -> ExitCode {
    let mut debug = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--debug" | "-debug" => debug = true,
            "--version" | "-version" | "version" => {
                println!("{NAME} {}", env!("CARGO_PKG_VERSION"));
                println!("{}", tfplugin::fips::describe());
                return ExitCode::SUCCESS;
            }
            "--help" | "-h" | "-help" | "help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("{NAME}: unknown argument {other:?}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if !debug {
        // Run by hand: explain what this program is and exit 1, as go-plugin plugins do.
        tfplugin::serve::exit_unless_launched_by_terraform();
    }
    tfplugin::logging::init();

    let runtime = match runtime().build() {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("{NAME}: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let options = ServeOptions::new(provider::ADDRESS).with_debug(debug);
    let server = ProviderServer::new(provider::PaletteProvider);
    let result = runtime.block_on(tfplugin::serve(options, server));
    // Terraform kills a provider that has not exited 2 s after Shutdown: never let a stuck
    // blocking task hold the process open past that.
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{NAME}: {err}");
            ExitCode::FAILURE
        }
    }
}

/// The most worker threads the runtime starts. The provider waits on Terraform and the API far
/// more than it computes (about 0.1 ms of CPU per resource in a plan), so more workers only
/// cost memory: each one adds about 40 KiB of resident stack and heap, and tokio would otherwise
/// start one per core.
const MAX_WORKER_THREADS: usize = 4;

/// The runtime's builder: multi-threaded with at most [`MAX_WORKER_THREADS`] workers, unless
/// `TOKIO_WORKER_THREADS` asks for another number (tokio reads it when none is set here).
fn runtime() -> tokio::runtime::Builder {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder.enable_all();
    if std::env::var_os("TOKIO_WORKER_THREADS").is_none() {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        builder.worker_threads(cores.min(MAX_WORKER_THREADS));
    }
    builder
}
