//! The resource's schema: name, public key, context and the uid.

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::{length_between, one_of};
use tfplugin::{Attribute, Block, Schema};

use super::checks::public_key_form;

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    Schema::new(
        0,
        Block::new()
            .description(
                "An SSH key kept in Palette (a user asset), for clusters to put on their nodes. \
                 vSphere, MAAS and Edge clusters take the key itself in `ssh_keys` \
                 (`[palette_ssh_key.ops.public_key]`), Azure and AKS clusters in `ssh_key`. \
                 `ssh_key_name` (AWS, EKS, OpenStack) names a key pair of the cloud account's \
                 region: it takes `palette_ssh_key.ops.name` where a key pair of that name \
                 exists there. Either reference also makes the cluster wait for the key.",
            )
            .attribute(
                Attribute::string("id")
                    .computed()
                    .plan_modifier(use_state_for_unknown())
                    .description("Uid of the SSH key."),
            )
            .attribute(
                Attribute::string("name")
                    .required()
                    .validator(length_between(1, 256))
                    .description(
                        "Name of the SSH key, unique in its context. A change renames the key \
                         in place.",
                    ),
            )
            .attribute(
                Attribute::string("public_key")
                    .required()
                    .validator(public_key_form())
                    .description(
                        "The public key: one OpenSSH line, `TYPE KEY [COMMENT]`, of type \
                         `ssh-rsa`, `ssh-ed25519` or `ecdsa-sha2-nistp256/384/521` (as in a \
                         `.pub` file; `file(\"~/.ssh/id_ed25519.pub\")` works as it is). \
                         Compared by meaning: surrounding white space, a trailing newline and \
                         the spacing between the fields make no difference. A change updates \
                         the key in place.",
                    ),
            )
            .attribute(
                Attribute::string("context")
                    .optional()
                    .default("project")
                    .validator(one_of(["project", "tenant"]))
                    .plan_modifier(requires_replace())
                    .description(
                        "Where the key lives: `project` (the provider's project, default) or \
                         `tenant` (seen by all projects). Changing it makes a new key.",
                    ),
            ),
    )
}
