//! Terraform plugin protocol 6 for Rust providers.
//!
//! This crate knows nothing of any particular provider's domain: it speaks the go-plugin handshake
//! and tfplugin6 over gRPC, and offers a small framework on which resources are written as plain
//! Rust.
