//! Terraform plugin protocol 6 for Rust providers.
//!
//! This crate knows nothing of any particular provider's domain: it speaks the go-plugin handshake
//! and tfplugin6 over gRPC, and offers a small framework on which resources are written as plain
//! Rust.
//!
//! # Structure
//!
//! - The wire: [`proto`] (generated), [`mod@serve`] (handshake, listener, TLS, go-plugin services)
//!   and [`logging`].
//! - Values: [`value`], [`types`], [`path`], [`diag`] and [`schema`].
//! - The framework providers implement: [`provider`], [`resource`], [`data_source`],
//!   [`ephemeral`] and [`function`] (traits plus request and response types), [`context`],
//!   [`validator`] and [`plan_modifier`]. [`server::ProviderServer`] turns a [`Provider`] into the
//!   tfplugin6 gRPC service; inside it, `convert` translates between wire and native types and
//!   `engine` holds the native logic (planning rules, apply checks, state upgrades), one file per
//!   RPC, mirrored by one file per RPC in `server`.
//!
//! ```no_run
//! use tfplugin::provider::{ConfigureRequest, ConfigureResponse};
//! use tfplugin::{Context, Provider, ProviderServer, ServeOptions, async_trait};
//!
//! struct Example;
//!
//! #[async_trait]
//! impl Provider for Example {
//!     fn type_name(&self) -> &str {
//!         "example"
//!     }
//!     async fn configure(&self, _: &Context, _: ConfigureRequest, _: &mut ConfigureResponse) {}
//! }
//!
//! # async fn run() -> Result<(), tfplugin::serve::ServeError> {
//! let opts = ServeOptions::new("registry.terraform.io/acme/example");
//! tfplugin::serve(opts, ProviderServer::new(Example)).await
//! # }
//! ```

pub mod context;
mod convert;
pub mod data_source;
pub mod diag;
mod engine;
pub mod ephemeral;
pub mod function;
mod generated;
pub mod logging;
pub mod path;
pub mod plan_modifier;
pub mod provider;
pub mod resource;
pub mod schema;
pub mod serve;
pub mod server;
pub mod types;
pub mod validator;
pub mod value;

pub use async_trait::async_trait;
pub use context::{Cancelled, Context};
pub use data_source::DataSource;
pub use diag::{Diagnostic, Diagnostics, Severity};
pub use ephemeral::EphemeralResource;
pub use function::Function;
pub use path::{AttributePath, PathStep};
pub use provider::{Provider, ProviderData};
pub use resource::{PrivateState, Resource, ValueExt};
pub use schema::{Attribute, Block, NestedBlock, Nesting, Schema};
pub use serve::{ServeOptions, serve};
pub use server::ProviderServer;
pub use types::Type;
pub use value::{Number, Value};

/// The wire types and gRPC services, generated from `proto/` by `cargo xtask codegen`.
///
/// [`tfplugin6`](proto::tfplugin6) is the Terraform plugin protocol (package `tfplugin6`, service
/// `Provider`); [`plugin`](proto::plugin) holds go-plugin's controller, stdio and broker services.
pub mod proto {
    pub use crate::generated::{plugin, tfplugin6};
}
