//! The schema, built from the kind table: one block per kind, each secret write-only with its
//! `_wo_version` companion.

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::one_of;
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema, Type, Value};

use super::kinds::{AccountKind, FieldType, KINDS};

/// The attribute of a field or secret of type `ty`.
fn attribute(name: &str, ty: FieldType) -> Attribute {
    match ty {
        FieldType::Str => Attribute::string(name),
        FieldType::Bool => Attribute::bool(name),
        FieldType::List => Attribute::list(name, Type::String),
        FieldType::Map => Attribute::map(name, Type::String),
    }
}

/// The `_wo_version` companion of a secret.
pub(super) fn version_attr(secret: &str) -> String {
    format!("{secret}_wo_version")
}

fn kind_block(kind: &AccountKind) -> Block {
    let mut block = Block::new().description(format!(
        "An account for {}. Exactly one kind of block is set; changing the kind replaces the \
         account.",
        kind.display
    ));
    for field in kind.fields {
        let mut attr = attribute(field.attr, field.ty)
            .optional()
            .description(if field.required {
                format!("{} Required.", field.description)
            } else {
                field.description.to_string()
            });
        if let Some(default) = field.default {
            attr = match field.ty {
                FieldType::Bool => attr.default(Value::from(default == "true")),
                _ => attr.default(default),
            };
        }
        if !field.one_of.is_empty() {
            attr = attr.validator(one_of(field.one_of.iter().copied()));
        }
        block = block.attribute(attr);
    }
    for secret in kind.secrets {
        block = block
            .attribute(
                attribute(secret.attr, secret.ty)
                    .optional()
                    .sensitive()
                    .write_only()
                    .description(format!(
                        "{} Write-only: sent to Palette, never stored in state or plan, and \
                         never read back (Palette does not return it). Needs Terraform 1.11 or \
                         later. Sent again only when `{}` changes.{}",
                        secret.description,
                        version_attr(secret.attr),
                        if secret.required { " Required." } else { "" }
                    )),
            )
            .attribute(
                Attribute::int64(version_attr(secret.attr))
                    .optional()
                    .description(format!(
                        "Any number; change it to send `{}` again (to rotate it). An import leaves \
                     it unset, so a configuration that sets it plans one in-place update, which \
                     sends the secret.",
                        secret.attr
                    )),
            );
    }
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
