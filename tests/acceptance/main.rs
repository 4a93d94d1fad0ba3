//! Acceptance tests: the real `terraform` binary drives the provider built for this run,
//! against a fresh `palette-emulator` per test (or a real tenant with `TF_ACC_LIVE=1`).
//!
//! One module per Terraform type, named like its source file (`cluster_profile.rs` tests
//! `palette_cluster_profile`), plus `harness.rs`, which checks the wiring itself. The harness
//! lives in `tests/support/`; its module docs list the variables it reads.

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod cluster;
mod cluster_profile;
mod demo;
mod examples;
mod harness;
mod modules;
// The provider's pure modules and the fuzz targets' bodies (fuzz/src/checks.rs), included by
// path for the bounded stable fuzz runner in reliability.rs (the provider is a binary crate).
#[path = "../../fuzz/src/checks.rs"]
mod fuzz_checks;
#[allow(dead_code, unreachable_pub)]
#[path = "../../src/import_id.rs"]
mod import_id;
mod pack;
mod release;
mod reliability;
mod secrets;
#[allow(dead_code, unreachable_pub)]
#[path = "../../src/stack/mod.rs"]
mod stack;
