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
//! - The framework providers implement: [`provider`], [`resource`] (with its [`identity`]),
//!   [`data_source`], [`ephemeral`], [`function`], [`list`] and [`action`] (traits plus request
//!   and response types), [`context`],
//!   [`validator`] and [`plan_modifier`]. [`server::ProviderServer`] turns a [`Provider`] into the
//!   tfplugin6 gRPC service; inside it, `convert` translates between wire and native types and
//!   `engine` holds the native logic (planning rules, apply checks, state upgrades), one file per
//!   RPC, mirrored by one file per RPC in `server`.
//!
//! Without the default `server` feature only the value codecs build ([`value`], [`types`] and
//! [`path`], needing nothing but `rmp`): the fuzz targets link that alone, because the gRPC and
//! TLS stack takes minutes to compile under the sanitizer.
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

#[cfg(feature = "server")]
pub mod action;
#[cfg(feature = "server")]
pub mod context;
#[cfg(feature = "server")]
mod convert;
#[cfg(feature = "server")]
pub mod data_source;
#[cfg(feature = "server")]
pub mod diag;
#[cfg(feature = "server")]
mod engine;
#[cfg(feature = "server")]
pub mod ephemeral;
#[cfg(feature = "server")]
pub mod fips;
#[cfg(feature = "server")]
pub mod function;
#[cfg(feature = "server")]
mod generated;
#[cfg(feature = "server")]
pub mod identity;
#[cfg(feature = "server")]
pub mod list;
#[cfg(feature = "server")]
pub mod logging;
pub mod path;
#[cfg(feature = "server")]
pub mod plan_modifier;
#[cfg(feature = "server")]
pub mod provider;
#[cfg(feature = "server")]
pub mod resource;
#[cfg(feature = "server")]
pub mod schema;
#[cfg(feature = "server")]
pub mod serve;
#[cfg(feature = "server")]
pub mod server;
pub mod types;
#[cfg(feature = "server")]
pub mod validator;
pub mod value;

#[cfg(feature = "server")]
pub use action::Action;
#[cfg(feature = "server")]
pub use async_trait::async_trait;
#[cfg(feature = "server")]
pub use context::{Cancelled, Context};
#[cfg(feature = "server")]
pub use data_source::DataSource;
#[cfg(feature = "server")]
pub use diag::{Diagnostic, Diagnostics, Severity};
#[cfg(feature = "server")]
pub use ephemeral::EphemeralResource;
#[cfg(feature = "server")]
pub use function::Function;
#[cfg(feature = "server")]
pub use identity::{IdentityAttribute, IdentitySchema};
#[cfg(feature = "server")]
pub use list::ListResource;
pub use path::{AttributePath, PathStep};
#[cfg(feature = "server")]
pub use provider::{Provider, ProviderData};
#[cfg(feature = "server")]
pub use resource::{PrivateState, Resource, ValueExt};
#[cfg(feature = "server")]
pub use schema::{Attribute, Block, NestedBlock, Nesting, Schema};
#[cfg(feature = "server")]
pub use serve::{ServeOptions, serve};
#[cfg(feature = "server")]
pub use server::ProviderServer;
pub use types::Type;
pub use value::{Number, Value};

/// The wire types and gRPC services, generated from `proto/` by `cargo xtask codegen`.
///
/// [`tfplugin6`](proto::tfplugin6) is the Terraform plugin protocol (package `tfplugin6`, service
/// `Provider`); [`plugin`](proto::plugin) holds go-plugin's controller, stdio and broker services.
#[cfg(feature = "server")]
pub mod proto {
    pub use crate::generated::{plugin, tfplugin6};
}
