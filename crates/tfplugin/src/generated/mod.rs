//! Committed output of `cargo xtask codegen` for the definitions in `proto/`.
//!
//! Nothing here is written by hand: edit the `.proto` files and regenerate. The public path to
//! these modules is [`crate::proto`].
#![allow(
    missing_docs,
    unreachable_pub,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    rustdoc::all
)]

#[rustfmt::skip]
pub mod plugin;
#[rustfmt::skip]
pub mod tfplugin6;
