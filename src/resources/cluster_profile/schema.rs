//! The resource's schema: the profile, its packs in stack order, and its variables.

use tfplugin::plan_modifier::requires_replace;
use tfplugin::validator::{length_between, one_of};
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema, Type};

use crate::resources::pack_shared::{
    manifest_block, registry_uid_attribute, type_attribute, uid_attribute,
};
use palette_stack::environment_names;
use palette_stack::version::DEFAULT_VERSION;

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    Schema::new(
        0,
        Block::new()
            .description(
                "A cluster profile: one version of a layered stack (os, Kubernetes, network, \
                 storage, add-ons) that clusters are built from. Changing `version` makes a \
                 new version and leaves the old one to the clusters that use it. Destroy \
                 deletes only the version in state (`id`): versions that earlier `version` \
                 changes left behind stay in Palette, and a version a cluster still uses is \
                 not deleted (destroy fails and names the clusters).",
            )
            .attribute(
                Attribute::string("id")
                    .computed()
                    .description("Uid of this version of the profile."),
            )
            .attribute(
                Attribute::string("name")
                    .required()
                    .validator(length_between(1, 256))
                    .plan_modifier(requires_replace())
                    .description(
                        "Name of the profile; its versions share it. Changing it makes a new \
                         profile.",
                    ),
            )
            .attribute(
                Attribute::string("version")
                    .optional()
                    .default(DEFAULT_VERSION)
                    .description(
                        "Version, `MAJOR.MINOR.PATCH` (default `1.0.0`). A change clones this \
                         version into the new one and moves the resource there; the old \
                         version is left untouched in Palette and leaves Terraform's state, so \
                         no later destroy deletes it (see [Versions and \
                         destroy](#versions-and-destroy)).",
                    ),
            )
            .attribute(
                Attribute::string("description")
                    .optional()
                    .description("Description of the profile."),
            )
            .attribute(
                Attribute::map("tags", Type::String)
                    .optional()
                    .description("Tags (Palette labels) of the profile."),
            )
            .attribute(
                Attribute::string("context")
                    .optional()
                    .default("project")
                    .validator(one_of(["project", "tenant"]))
                    .plan_modifier(requires_replace())
                    .description(
                        "Where the profile lives: `project` (the provider's project, default) \
                         or `tenant` (shared by all projects). Changing it makes a new profile.",
                    ),
            )
            .attribute(
                Attribute::string("type")
                    .optional()
                    .default("add-on")
                    .validator(one_of(["full", "infra", "add-on"]))
                    .plan_modifier(requires_replace())
                    .description(
                        "Kind of profile: `full` (core layers and add-ons), `infra` (os, k8s, \
                         cni and csi only) or `add-on` (default). Changing it makes a new \
                         profile.",
                    ),
            )
            .attribute(
                Attribute::string("environment")
                    .optional()
                    .default("all")
                    .validator(one_of(environment_values()))
                    .plan_modifier(requires_replace())
                    .description(format!(
                        "Environment the profile is for: one of {}, or `all` (default, add-on \
                         profiles only). Changing it makes a new profile.",
                        environment_names::all_keys()
                    )),
            )
            .block(NestedBlock::new("pack", Nesting::List, pack_block()).min_items(1))
            .block(NestedBlock::new(
                "variable",
                Nesting::List,
                variable_block(),
            )),
    )
}

/// The schema of one `pack` block.
fn pack_block() -> Block {
    Block::new()
        .description("One layer of the stack. Packs are listed in stack order.")
        .attribute(
            Attribute::string("name")
                .required()
                .validator(length_between(1, 256))
                .description("Name of the pack, such as `kubernetes` or `cni-calico`; unique in the profile."),
        )
        .attribute(Attribute::string("tag").optional().computed().description(
            "Version of the pack, such as `1.32.10`. Required unless `type` is `manifest` \
             (Palette gives manifest packs a version of its own).",
        ))
        .attribute(
            Attribute::string("registry_name")
                .optional()
                .computed()
                .description(
                    "Registry the pack comes from, by name. When neither this nor `registry_uid` \
                     is set, `Public Repo`. When both are set they must name the same registry.",
                ),
        )
        .attribute(registry_uid_attribute())
        .attribute(type_attribute())
        .attribute(
            Attribute::string("values")
                .optional()
                .computed()
                .description(
                    "The pack's values (YAML). Compared by meaning: key order, quoting, comments \
                     and whitespace make no difference. When left out, the pack's defaults.",
                ),
        )
        .attribute(uid_attribute())
        .attribute(Attribute::string("layer").computed().description(
            "Layer the pack fills: `os`, `k8s`, `cni`, `csi` or `addon`, known at plan.",
        ))
        .block(NestedBlock::new("manifest", Nesting::List, manifest_block()))
}

/// The schema of one `variable` block.
fn variable_block() -> Block {
    Block::new()
        .description("A profile variable, usable in pack values as `{{ .spectro.var.NAME }}`.")
        .attribute(
            Attribute::string("name")
                .required()
                .description("Name of the variable, unique in the profile."),
        )
        .attribute(
            Attribute::string("display_name")
                .optional()
                .description("Name shown in Palette's UI."),
        )
        .attribute(
            Attribute::string("description")
                .optional()
                .description("What the variable is for."),
        )
        .attribute(
            Attribute::string("format")
                .optional()
                .default("string")
                .validator(one_of([
                    "string", "number", "boolean", "ipv4", "ipv4cidr", "ipv6", "version", "base64",
                ]))
                .description(
                    "Format of the value: `string` (default), `number`, `boolean`, `ipv4`, \
                     `ipv4cidr`, `ipv6`, `version` or `base64`.",
                ),
        )
        .attribute(
            Attribute::string("default_value")
                .optional()
                .description("Value used when a cluster gives none."),
        )
        .attribute(
            Attribute::string("regex")
                .optional()
                .description("Regular expression a value must match."),
        )
        .attribute(
            Attribute::bool("required")
                .optional()
                .default(false)
                .description("Whether a cluster must give a value (default false)."),
        )
        .attribute(
            Attribute::bool("immutable")
                .optional()
                .default(false)
                .description("Whether a cluster may not change the value (default false)."),
        )
        .attribute(
            Attribute::bool("hidden")
                .optional()
                .default(false)
                .description("Whether the variable is hidden from clusters (default false)."),
        )
        .attribute(
            Attribute::bool("sensitive")
                .optional()
                .default(false)
                .description("Whether Palette masks the value (default false); a cluster gives it in `sensitive_variables`, which Terraform never shows."),
        )
        .attribute(
            Attribute::string("input_type")
                .optional()
                .default("text")
                .validator(one_of(["text", "dropdown", "multiline"]))
                .description(
                    "How Palette's UI asks for it: `text` (default), `dropdown` (choices in \
                     `option` blocks) or `multiline`.",
                ),
        )
        .block(NestedBlock::new("option", Nesting::List, option_block()))
}

/// The schema of one `option` block of a dropdown variable.
fn option_block() -> Block {
    Block::new()
        .description("A choice offered by a `dropdown` variable.")
        .attribute(
            Attribute::string("value")
                .required()
                .description("The value the choice gives the variable."),
        )
        .attribute(
            Attribute::string("label")
                .optional()
                .description("Text shown for the choice."),
        )
        .attribute(
            Attribute::string("description")
                .optional()
                .description("Tooltip of the choice."),
        )
        .attribute(
            Attribute::bool("default")
                .optional()
                .default(false)
                .description("Whether the choice is selected by default (default false)."),
        )
}

/// The environment values accepted by `environment`.
fn environment_values() -> Vec<&'static str> {
    let mut all = vec!["all"];
    all.extend(environment_names::ALL.iter().map(|e| e.key()));
    all
}
