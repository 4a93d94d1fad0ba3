//! The fuzz targets' bodies and the provider code they reach.
//!
//! The provider is a binary crate, so its pure modules are included by path rather than
//! linked: `stack` (YAML values by meaning, layer rules, versions) and `import_id`. The targets
//! in `fuzz_targets/` call [`checks`]; the acceptance tests include the same files to run the
//! targets on stable Rust.

#![allow(dead_code, unreachable_pub, clippy::all)]

#[path = "../../src/stack/mod.rs"]
pub mod stack;

#[path = "../../src/import_id.rs"]
pub mod import_id;

pub mod checks;
