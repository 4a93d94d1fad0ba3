//! The value codecs of `tfplugin` (`types.rs`, `path.rs` and `value/`), included by path.
//!
//! These modules depend on nothing else in `tfplugin` but each other and `rmp`, so the fuzz
//! targets reach the very code the provider runs while building only that. The re-exports
//! match `tfplugin`'s, so `fuzz/src/checks.rs` compiles against either crate.

#![allow(dead_code, unreachable_pub, clippy::all)]

#[path = "../../../crates/tfplugin/src/path.rs"]
pub mod path;

#[path = "../../../crates/tfplugin/src/types.rs"]
pub mod types;

#[path = "../../../crates/tfplugin/src/value/mod.rs"]
pub mod value;

pub use path::{AttributePath, PathStep};
pub use types::Type;
pub use value::{Number, Value};
