//! The domain rules of a layered stack, free of Terraform and of the Palette client.
//!
//! - [`cidr`]: CIDR blocks, their family, network form and containment.
//! - [`values`]: pack values and manifests as YAML compared by meaning, not by text.
//! - [`layers`]: which packs a profile of each type may hold, and in which order.
//! - [`aws_arn`]: the AWS ARNs a machine pool names (host resource groups, license configurations).
//! - [`environment_names`]: the twelve environments, their HCL keys and API cloud types.
//! - [`version`]: profile version strings (`MAJOR.MINOR.PATCH`) and which is newest.
//! - [`import_id`]: what `terraform import` may name for each resource, parsed.
//! - [`variables`]: whether a profile variable's value fits its format and regex.
//! - [`schedule`]: the forms of a cluster's day-2 settings (cron, RFC 3339 time, time zone).
//! - [`ssh_key`]: OpenSSH public key lines, their form and their comparison by meaning.
//!
//! Everything here takes plain strings and slices, so it is unit-testable and fuzzable: the
//! fuzz targets link this crate alone, without the gRPC and TLS stack the provider carries.

pub mod aws_arn;
pub mod cidr;
pub mod environment_names;
pub mod import_id;
pub mod ip_pool;
pub mod kubeadm;
pub mod layers;
pub mod name_pattern;
pub mod schedule;
pub mod ssh_key;
pub mod values;
pub mod variables;
pub mod version;
