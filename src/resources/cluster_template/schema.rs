//! The resource's schema: name, description, tags, context, environment, and the profiles
//! with the values the template gives their variables.

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::{length_between, one_of};
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema, Type};

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    let profile = Block::new()
        .description(
            "A cluster profile version of the template, in stack order: exactly one infra or full \
             profile, and any add-on profiles. Adding, removing or reordering profiles, or \
             changing one's `id` (another version), changes the template in place; Palette rolls \
             the change out to the clusters launched from it at their next upgrade window (the \
             template's maintenance policy), so a running cluster keeps its stack until then.",
        )
        .attribute(Attribute::string("id").required().description(
            "Uid of the profile version. Checked at plan: the profile exists in the \
                     template's context and is of the template's `environment` (or of every \
                     environment, as add-on profiles can be).",
        ))
        .attribute(
            Attribute::map("variables", Type::String)
                .optional()
                .description(
                    "Values the template gives the profile's variables, the same for every \
                     cluster launched from it (Palette's `assignStrategy = \"all\"`). Each must \
                     be a variable the profile declares (checked at plan). Variables left out \
                     here take their value from each cluster's `cluster_template` block, or the \
                     profile's default. A change is made in place.",
                ),
        );
    Schema::new(
        0,
        Block::new()
            .description(
                "A Palette cluster template: the cluster profiles (and the values of their \
                 variables) that clusters are launched from, kept in one place. A \
                 `palette_cluster` names it in its `cluster_template` block instead of \
                 `cluster_profile` blocks. Template policies (maintenance policies) are not \
                 managed here.",
            )
            .attribute(
                Attribute::string("id")
                    .computed()
                    .plan_modifier(use_state_for_unknown())
                    .description("Uid of the cluster template."),
            )
            .attribute(
                Attribute::string("name")
                    .required()
                    .validator(length_between(1, 256))
                    .description(
                        "Name of the template, unique in its context. A change renames the \
                         template in place.",
                    ),
            )
            .attribute(
                Attribute::string("description")
                    .optional()
                    .description("Description of the template. Changes in place."),
            )
            .attribute(
                Attribute::map("tags", Type::String)
                    .optional()
                    .description("Tags (labels) on the template. Change in place."),
            )
            .attribute(
                Attribute::string("context")
                    .optional()
                    .default("project")
                    .validator(one_of(["project", "tenant"]))
                    .plan_modifier(requires_replace())
                    .description(
                        "Where the template lives: `project` (the provider's project, default) \
                         or `tenant`. Changing it makes a new template.",
                    ),
            )
            .attribute(
                Attribute::string("environment")
                    .required()
                    .validator(one_of(
                        palette_stack::environment_names::ALL.map(|name| name.key()),
                    ))
                    .plan_modifier(requires_replace())
                    .description(
                        "The environment clusters launched from the template deploy on (Palette's \
                         cloud type): `aws`, `eks`, `azure`, `aks`, `gcp`, `gke`, `vsphere`, \
                         `maas`, `edge_native`, `openstack`, `tke` or `nutanix`. Palette has no \
                         endpoint that changes it, so a change makes a new template.",
                    ),
            )
            .block(NestedBlock::new("cluster_profile", Nesting::List, profile).min_items(1)),
    )
}
