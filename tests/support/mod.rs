//! The acceptance test harness: real `terraform` against the provider we just built.
//!
//! - [`env`] picks where the provider talks to: a fresh `palette-emulator` per test on
//!   `127.0.0.1:0` (the default), or a real Palette tenant when `TF_ACC_LIVE=1`.
//! - [`terraform::Terraform`] runs Terraform in a temporary directory with a CLI configuration
//!   whose `dev_overrides` point at the freshly built provider, and keeps the output and the
//!   `TF_LOG` file for assertions.
//! - [`emulator::Stats`] reads the emulator's request counters, so a test can assert that a
//!   plan sent no write request.
//! - [`tls`] makes a private CA for an emulator that serves HTTPS ([`Emulator::start_tls`]), and
//!   TLS servers that offer only the algorithms a test picks.
//!
//! Variables the harness reads:
//!
//! | variable | meaning |
//! |---|---|
//! | `TF_ACC_TERRAFORM_PATH` | the Terraform binary (default: `terraform` on `PATH`, then the one `cargo xtask terraform` installs) |
//! | `PALETTE_EMULATOR_BIN` | the emulator binary (default: `palette-emulator` next to this test's build output) |
//! | `TF_ACC_LIVE=1` + `PALETTE_HOST`, `PALETTE_API_KEY`, `PALETTE_PROJECT` | run against a real tenant |
//! | `TF_ACC_LOG` | Terraform's log level for the log file (default `DEBUG`) |
//! | `TF_ACC_KEEP=1` | keep every test directory (failed tests always keep theirs) |
//! | `TF_ACC_TIME_SCALE` | the emulator's `--time-scale` (default `0.01`) |
//! | `TF_ACC_COMMAND_TIMEOUT` | seconds one Terraform command may run before it is killed (default 300) |

// Each acceptance test uses only part of the harness.
#![allow(dead_code, unused_imports)]

pub(crate) mod env;
pub(crate) mod http;
pub(crate) mod temp;
pub(crate) mod terraform;
pub(crate) mod tls;

pub(crate) use env::emulator::{self, Emulator};
pub(crate) use env::{TestEnv, live_env, test_env};
pub(crate) use terraform::{Plan, Terraform, terraform_at_least};

use std::path::PathBuf;

/// The workspace root (this package's directory).
pub(crate) fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The provider binary cargo built for this test run.
pub(crate) fn provider_binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_terraform-provider-palette"))
}
