//! The schema, built from the kind table: one block per kind, each secret write-only with its
//! `_wo_version` companion (`kind_table::kind_attributes`).

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema};

use super::kinds::{AccountKind, KINDS};
use crate::resources::kind_table::kind_attributes;

fn kind_block(kind: &AccountKind) -> Block {
    let mut block = kind_attributes(
        Block::new().description(format!(
            "An account for {}. Exactly one kind of block is set; changing the kind replaces \
             the account.",
            kind.display
        )),
        kind,
    );
    if kind.gateway {
        block = block.attribute(
            Attribute::string("private_cloud_gateway_id")
                .optional()
                .description(
                    "Uid of the private cloud gateway Palette reaches this cloud through; \
                     changing it replaces the account.",
                )
                .plan_modifier(requires_replace()),
        );
    }
    block
}

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    let mut block =
        Block::new()
            .description(
                "A cloud account: the credentials Palette deploys clusters with. Secrets are \
             write-only attributes, so they never reach state; each has a `_wo_version` companion \
             to rotate it.",
            )
            .attribute(
                Attribute::string("id")
                    .computed()
                    .description("Uid of the account.")
                    .plan_modifier(use_state_for_unknown()),
            )
            .attribute(Attribute::string("name").required().description(
                "Name of the account, unique per kind in its scope; renames in place.",
            ))
            .attribute(
                Attribute::string("context")
                    .optional()
                    .default("project")
                    .validator(one_of(["project", "tenant"]))
                    .description(
                        "Where the account lives: `project` (the provider's project, default) or \
                     `tenant` (shared by every project). Changing it replaces the account.",
                    )
                    .plan_modifier(requires_replace()),
            )
            .attribute(
                Attribute::string("state")
                    .computed()
                    .description("The account's state as Palette reports it (`Running`, ...).")
                    .plan_modifier(use_state_for_unknown()),
            );
    for kind in KINDS {
        block = block.block(NestedBlock::new(
            kind.block,
            Nesting::Single,
            kind_block(kind),
        ));
    }
    Schema::new(0, block)
}
