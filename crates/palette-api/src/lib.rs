//! Palette REST API (v1): wire models shared with the emulator, and a client.
//!
//! # Structure
//!
//! * [`models`]: serde wire types, one module per API resource, named after the spec's
//!   definitions without the `v1` prefix.
//!
//! This crate knows nothing of Terraform.

pub mod conformance;
pub mod models;
