//! The resource's schema: the registry, where it is, how Palette signs in to it (secrets
//! write-only, each with a `_wo_version` that rotates it), and its OCI particulars.

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::{at_least, length_between, one_of};
use tfplugin::{Attribute, Block, Schema};

use super::DEFAULT_TIMEOUTS;
use super::model::{PROVIDER_TYPES, TYPES};

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    let block = Block::new()
        .description(
            "A registry Palette takes packs from: a pack registry, a Helm chart registry, or an \
             OCI registry (basic authentication, or Amazon ECR). Registries live at tenant level \
             and every project sees them. Create and update wait until Palette has synced the \
             registry, so a cluster profile in the same configuration can use its packs (give \
             the pack `registry_uid = palette_registry.<name>.id`). Secrets are write-only: they \
             are sent to Palette and never stored in the plan or state; change their \
             `_wo_version` to send a new one.",
        )
        .attribute(
            Attribute::string("id")
                .computed()
                .plan_modifier(use_state_for_unknown())
                .description("Uid of the registry."),
        )
        .attribute(
            Attribute::string("name")
                .required()
                .validator(length_between(1, 256))
                .plan_modifier(requires_replace())
                .description(
                    "Name of the registry, unique among registries of its type. Palette cannot \
                     rename a registry: changing it makes a new one.",
                ),
        )
        .attribute(
            Attribute::string("type")
                .required()
                .validator(one_of(TYPES.iter().copied()))
                .plan_modifier(requires_replace())
                .description(
                    "Kind of registry: `pack` (Palette packs), `helm` (Helm charts) or `oci` \
                     (an OCI registry, see `oci_provider`). Changing it makes a new registry.",
                ),
        )
        .attribute(
            Attribute::string("oci_provider")
                .optional()
                .computed()
                .validator(one_of(["basic", "ecr"]))
                .description(
                    "For `type = \"oci\"`: how Palette reaches it, `basic` (default: any OCI \
                     registry, with a username and password or none) or `ecr` (Amazon ECR, with \
                     AWS keys or a role). Only for OCI registries. Changing it makes a new \
                     registry.",
                ),
        )
        .attribute(Attribute::string("endpoint").required().description(
            "URL of the registry, such as `https://charts.example.com` or \
                     `oci://harbor.example.com`.",
        ))
        .attribute(
            Attribute::bool("is_private")
                .optional()
                .default(false)
                .description(
                    "Whether the registry is private (default `false`). Pack, Helm and ECR \
                     registries only: a basic OCI registry has no such setting.",
                ),
        )
        .attribute(
            Attribute::string("provider_type")
                .optional()
                .computed()
                .validator(one_of(PROVIDER_TYPES.iter().copied()))
                .description(
                    "For OCI registries: what they hold, `helm` charts (default), Palette `pack`s \
                     or `zarf` packages.",
                ),
        )
        .attribute(
            Attribute::string("base_path")
                .optional()
                .validator(length_between(1, 1024))
                .description(
                    "For basic OCI registries: the API base path under the endpoint, which some \
                     registries (such as JFrog Artifactory) need.",
                ),
        )
        .attribute(
            Attribute::string("base_content_path")
                .optional()
                .validator(length_between(1, 1024))
                .description(
                    "For OCI registries: the path (namespace) under the endpoint that holds the \
                     content, such as `charts`.",
                ),
        );
    let block = credentials(block);
    let block = tls(block)
        .attribute(
            Attribute::string("scope")
                .computed()
                .plan_modifier(use_state_for_unknown())
                .description("Where the registry is defined: `tenant`."),
        )
        .block(DEFAULT_TIMEOUTS.block(
            "How long a create may wait for the first sync",
            "How long an update may wait for the sync that follows it",
            "How long a delete may take",
        ));
    Schema::new(0, block)
}

/// The credentials: a username and write-only password for pack, Helm and basic OCI
/// registries; AWS keys (the secret write-only) or a role for ECR.
fn credentials(block: Block) -> Block {
    block
        .attribute(
            Attribute::string("username")
                .optional()
                .validator(length_between(1, 65536))
                .description(
                    "Username Palette signs in with (pack, Helm and basic OCI registries); needs \
             `password`. Leave both out for a registry open to all.",
                ),
        )
        .attribute(secret(
            "password",
            "Password of `username`. Write-only: sent to Palette, never stored in the plan or \
             state; set `password_wo_version` and change it to send a new password.",
        ))
        .attribute(version("password_wo_version", "password"))
        .attribute(
            Attribute::string("access_key")
                .optional()
                .validator(length_between(1, 65536))
                .description(
                    "For ECR: the AWS access key id Palette signs in with; needs `secret_key`.",
                ),
        )
        .attribute(secret(
            "secret_key",
            "For ECR: the AWS secret access key of `access_key`. Write-only: sent to Palette, \
             never stored in the plan or state; set `secret_key_wo_version` and change it to send \
             a new key.",
        ))
        .attribute(version("secret_key_wo_version", "secret_key"))
        .attribute(
            Attribute::string("role_arn")
                .optional()
                .validator(length_between(1, 65536))
                .description(
                    "For ECR, instead of keys: the ARN of an IAM role Palette assumes (STS).",
                ),
        )
        .attribute(
            Attribute::string("external_id")
                .optional()
                .validator(length_between(1, 65536))
                .description(
                    "For ECR with `role_arn`: the external id the role's trust policy requires.",
                ),
        )
}

/// TLS settings Palette uses to reach the registry.
fn tls(block: Block) -> Block {
    block
        .attribute(
            Attribute::string("ca_certificate")
                .optional()
                .validator(length_between(1, 65536))
                .description(
                    "PEM certificate of the authority that signed the registry's certificate, when \
             it is not a public one.",
                ),
        )
        .attribute(
            Attribute::bool("insecure_skip_verify")
                .optional()
                .default(false)
                .description(
                    "Skip verifying the registry's TLS certificate (default `false`); for tests \
                     only.",
                ),
        )
}

/// A write-only secret attribute.
fn secret(name: &str, description: &str) -> Attribute {
    Attribute::string(name)
        .optional()
        .sensitive()
        .write_only()
        .description(description)
}

/// The `_wo_version` companion of write-only secret `secret`.
fn version(name: &str, secret: &str) -> Attribute {
    Attribute::int64(name)
        .optional()
        .validator(at_least(0))
        .description(format!(
            "Version of `{secret}`, any number you choose. Palette is sent `{secret}` on create, \
             and again whenever this number changes (an in-place update); with the same \
             number, a changed `{secret}` is not sent. Null after an import: setting it then \
             plans one update that sends the secret."
        ))
}
