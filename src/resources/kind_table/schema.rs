//! A kind's attributes: one per field, and per secret a write-only attribute with its
//! `_wo_version` companion.

use tfplugin::validator::one_of;
use tfplugin::{Attribute, Block, Type, Value};

use super::{FieldType, Kind};

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
pub(crate) fn version_attr(secret: &str) -> String {
    format!("{secret}_wo_version")
}

/// `block` with the attributes of `kind`'s fields and secrets added.
pub(crate) fn kind_attributes(mut block: Block, kind: &impl Kind) -> Block {
    for field in kind.fields() {
        let mut attr = attribute(field.attr, field.ty)
            .optional()
            .description(if field.required {
                format!("{} Required.", field.description)
            } else {
                field.description.to_string()
            });
        if field.sensitive {
            attr = attr.sensitive();
        }
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
    for secret in kind.secrets() {
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
    block
}
