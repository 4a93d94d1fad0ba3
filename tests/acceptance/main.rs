//! Acceptance tests: the real `terraform` binary drives the provider built for this run,
//! against a fresh `palette-emulator` per test (or a real tenant with `TF_ACC_LIVE=1`).
//!
//! One module per Terraform type, named like its folder in `src/resources/` (`cluster_profile.rs`
//! tests `palette_cluster_profile`), plus modules by theme (`modules`, `reliability`, `secrets`,
//! `release`, `fips`, `demo`, `examples`, `bad_input`) and `harness.rs`, which checks the wiring
//! itself. The harness lives in `tests/support/`; its module docs list the variables it reads,
//! and every emulator it starts fails its test on a request that breaks the API spec.

#[path = "../support/mod.rs"]
mod support;

mod actions;
mod backup_storage_location;
mod bad_input;
mod cloud_account;
mod cluster;
mod cluster_profile;
mod cluster_template;
mod day2;
mod demo;
mod examples;
mod fips;
mod harness;
mod hosts_and_disks;
mod identity;
mod ip_pool;
mod modules;
mod networks;
mod pack;
mod placement;
mod policies;
mod query;
mod registry;
mod release;
mod reliability;
mod secrets;
mod ssh_key;
