//! The schema pieces both pack resources declare the same way.

use tfplugin::validator::one_of;
use tfplugin::{Attribute, Block};

/// The schema of a `manifest` block.
pub(crate) fn manifest_block() -> Block {
    Block::new()
        .description("A Kubernetes manifest carried by a pack of type `manifest`.")
        .attribute(
            Attribute::string("name")
                .required()
                .description("Name of the manifest, unique within its pack."),
        )
        .attribute(
            Attribute::string("content")
                .optional()
                .computed()
                .description(
                    "The manifest (YAML, one or more documents); required. Compared by meaning: \
                     key order, quoting, comments and whitespace make no difference.",
                ),
        )
        .attribute(
            Attribute::string("uid")
                .computed()
                .description("Uid Palette gave the manifest."),
        )
}

/// The `registry_uid` attribute.
pub(crate) fn registry_uid_attribute() -> Attribute {
    Attribute::string("registry_uid")
        .optional()
        .computed()
        .description(
            "Registry the pack comes from, by uid; computed from `registry_name` when not set.",
        )
}

/// The `type` attribute.
pub(crate) fn type_attribute() -> Attribute {
    Attribute::string("type")
        .optional()
        .default("spectro")
        .validator(one_of(["spectro", "helm", "oci", "manifest"]))
        .description(
            "Kind of pack: `spectro` (default), `helm`, `oci` or `manifest` (raw Kubernetes \
             manifests given in `manifest` blocks).",
        )
}

/// The `uid` attribute.
pub(crate) fn uid_attribute() -> Attribute {
    Attribute::string("uid")
        .computed()
        .description("Uid of this version of the pack in its registry, known at plan.")
}
