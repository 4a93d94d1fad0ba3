//! Test tooling shared by the workspace's tests and the fuzz targets. Nothing here ships.
//!
//! - [`conformance`]: checks JSON against the official Palette API spec, for the client's and
//!   the emulator's tests alike.
//! - [`fuzz_checks`]: the bodies of the cargo-fuzz targets with their seed inputs; the fuzz
//!   package (`fuzz/`) runs them under libFuzzer, the acceptance tests for a bounded time on
//!   stable Rust.
//!
//! Its dependencies are kept to what the fuzz build can afford under the sanitizer: the pure
//! `palette-stack`, `tfplugin`'s value codecs without its server, and `serde_json`.

pub mod conformance;
pub mod fuzz_checks;
