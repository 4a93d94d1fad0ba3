//! Conversions between the wire types of `proto::tfplugin6` and the native types.
//!
//! The server decodes each request here before calling the engine and encodes the engine's
//! result here; nothing else touches both worlds. Decoding failures become diagnostics (the
//! value did not match the schema Terraform was given), never transport errors.

mod capabilities;
mod diagnostic;
mod function;
mod value;

pub(crate) use capabilities::{client_capabilities, deferred, timestamp};
pub(crate) use diagnostic::{attribute_path_to_proto, diagnostics};
pub(crate) use function::function_to_proto;
pub(crate) use value::{decode, decode_optional, encode, private_from_proto};
