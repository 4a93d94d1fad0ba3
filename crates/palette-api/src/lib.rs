//! Palette REST API (v1): wire models shared with the emulator, and a client.
//!
//! # Structure
//!
//! * [`models`]: serde wire types, one module per API resource, named after the spec's
//!   definitions without the `v1` prefix.
//! * [`Client`] ([`client`]): one per process, cheap to clone. It sends the `ApiKey` header,
//!   takes a [`Scope`] per call, paces requests per resource prefix ([`rate_limit`]), retries
//!   what is safe to retry ([`retry`]) within a caller's deadline, and never logs secrets.
//! * [`endpoints`]: typed calls (`client.get_cluster_profile(&scope, uid)`), one module per
//!   resource, plus [`CloudType`] and [`ClusterCreate`].
//! * [`Error`] ([`error`]): what a call fails with; [`Error::is_not_found`] drives "gone".
//! * With the `fips` feature, the client's TLS runs on aws-lc's FIPS module with FIPS-approved
//!   algorithms only, and refuses `insecure` (`src/tls.rs`).
//!
//! This crate knows nothing of Terraform.
//!
//! # Example
//!
//! ```no_run
//! # async fn demo() -> Result<(), palette_api::Error> {
//! use palette_api::{Client, ClientConfig};
//!
//! let client = Client::new(ClientConfig::new("http://127.0.0.1:7070", "my-key"))?;
//! let scope = client.project_scope("Default").await?;
//! let profile = client.get_cluster_profile(&scope, "5ee9c5adc172449eeb9c30cf").await?;
//! println!("{:?}", profile.metadata.and_then(|m| m.name));
//! # Ok(())
//! # }
//! ```

// `Error` carries the API's whole error body (code, message, ref, details) and the request it
// answers; it only travels on the failure path of network calls, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod client;
pub mod endpoints;
pub mod error;
// Every model names the spec definition it mirrors in its doc comment; its fields are that
// definition's JSON keys, documented by the spec, so fields alone carry no doc of their own.
#[allow(missing_docs)]
pub mod models;
pub mod rate_limit;
pub mod retry;
mod tls;

pub use client::{Client, ClientConfig, Pages, Scope};
pub use endpoints::{
    CloudAccountKind, CloudType, ClusterCreate, ClusterQuery, ClusterSettings, KubeconfigKind,
    Location, LocationKind, RegistryKind,
};
pub use error::Error;
pub use rate_limit::RateLimits;
pub use retry::RetryPolicy;
