//! Terraform plugin protocol 6 for Rust providers.
//!
//! This crate knows nothing of any particular provider's domain: it speaks the go-plugin handshake
//! and tfplugin6 over gRPC, and offers a small framework on which resources are written as plain
//! Rust.

pub mod context;
pub mod diag;
mod generated;
pub mod logging;
pub mod path;
pub mod plan_modifier;
pub mod schema;
pub mod serve;
pub mod types;
pub mod validator;
pub mod value;

pub use context::{Cancelled, Context};
pub use diag::{Diagnostic, Diagnostics, Severity};
pub use path::{AttributePath, PathStep};
pub use schema::{Attribute, Block, NestedBlock, Nesting, Schema};
pub use serve::{ServeOptions, serve};
pub use types::Type;
pub use value::{Number, Value};

/// The wire types and gRPC services, generated from `proto/` by `cargo xtask codegen`.
///
/// [`tfplugin6`](proto::tfplugin6) is the Terraform plugin protocol (package `tfplugin6`, service
/// `Provider`); [`plugin`](proto::plugin) holds go-plugin's controller, stdio and broker services.
pub mod proto {
    pub use crate::generated::{plugin, tfplugin6};
}
