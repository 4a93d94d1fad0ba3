//! The domain rules of a layered stack, free of Terraform and of the Palette client.
//!
//! - [`values`]: pack values and manifests as YAML compared by meaning, not by text.
//! - [`layers`]: which packs a profile of each type may hold, and in which order.
//! - [`environment_names`]: the twelve environments, their HCL keys and API cloud types.
//! - [`version`]: profile version strings (`MAJOR.MINOR.PATCH`) and which is newest.
//!
//! Everything here takes plain strings and slices, so it is unit-testable and fuzzable.

pub(crate) mod environment_names;
pub(crate) mod layers;
pub(crate) mod values;
pub(crate) mod version;
