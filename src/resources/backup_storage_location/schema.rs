//! The schema, built from the kind table: one block per kind, each secret write-only with its
//! `_wo_version` companion (`kind_table::kind_attributes`).

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::{length_between, one_of};
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema};

use super::kinds::KINDS;
use crate::resources::kind_table::kind_attributes;

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    let mut block = Block::new()
        .description(
            "A backup storage location: where Palette writes the backups of the clusters whose \
             backup policy names it. Secrets are write-only attributes, so they never reach \
             state; each has a `_wo_version` companion to rotate it.",
        )
        .attribute(
            Attribute::string("id")
                .computed()
                .description("Uid of the location.")
                .plan_modifier(use_state_for_unknown()),
        )
        .attribute(
            Attribute::string("name")
                .required()
                .validator(length_between(1, 256))
                .description("Name of the location, unique in its scope; renames in place."),
        )
        .attribute(
            Attribute::string("context")
                .optional()
                .default("project")
                .validator(one_of(["project", "tenant"]))
                .description(
                    "Where the location lives: `project` (the provider's project, default) or \
                     `tenant` (shared by every project). Changing it replaces the location.",
                )
                .plan_modifier(requires_replace()),
        )
        .attribute(
            Attribute::bool("is_default")
                .optional()
                .default(false)
                .description(
                    "Whether this is the scope's default location (default `false`), where \
                     backups go when a policy names none. Palette keeps one default per scope, so making another \
                     location the default clears it here (the next plan shows it); set it on \
                     one location of a scope only.",
                ),
        );
    for kind in KINDS {
        block = block.block(NestedBlock::new(
            kind.block,
            Nesting::Single,
            kind_attributes(
                Block::new().description(format!(
                    "Backups go to {}. Exactly one kind of block is set; changing the kind \
                     replaces the location.",
                    kind.display
                )),
                kind,
            ),
        ));
    }
    Schema::new(0, block)
}
