//! The resource's schema: the pack, the cluster it goes on, and what Palette reports back.

use tfplugin::plan_modifier::requires_replace;
use tfplugin::validator::{length_between, one_of};
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema};

use super::DEFAULT_TIMEOUTS;
use crate::resources::pack_shared::{
    manifest_block, registry_uid_attribute, type_attribute, uid_attribute,
};

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    Schema::new(
        0,
        Block::new()
            .description(
                "One pack deployed as an add-on layer on a running cluster, created, updated \
                 and removed on its own without touching the rest of the cluster's stack. \
                 The provider carries it in an add-on cluster profile of its own (see \
                 `profile_id`), attached to the cluster.",
            )
            .attribute(
                Attribute::string("id")
                    .computed()
                    .description("`CLUSTER_UID/PACK_NAME`, also the import ID."),
            )
            .attribute(
                Attribute::string("cluster_id")
                    .required()
                    .plan_modifier(requires_replace())
                    .description(
                        "Uid of the cluster the pack is deployed on. Changing it moves the \
                         pack to another cluster (removed here, deployed there).",
                    ),
            )
            .attribute(
                Attribute::string("name")
                    .required()
                    .validator(length_between(1, 128))
                    .plan_modifier(requires_replace())
                    .description(
                        "Name of the pack, such as `prometheus-operator`; unique in the \
                         cluster's stack. Changing it replaces the layer.",
                    ),
            )
            .attribute(Attribute::string("tag").optional().computed().description(
                "Version of the pack, such as `83.5.0`. Required unless `type` is `manifest`. \
                 A change upgrades the layer in place.",
            ))
            .attribute(
                Attribute::string("registry_name")
                    .optional()
                    .computed()
                    .description(
                        "Registry the pack comes from, by name. When neither this nor \
                         `registry_uid` is set, `Public Repo`.",
                    ),
            )
            .attribute(registry_uid_attribute())
            .attribute(type_attribute())
            .attribute(
                Attribute::string("values")
                    .optional()
                    .computed()
                    .description(
                        "The pack's values (YAML). Compared by meaning: key order, quoting, \
                         comments and whitespace make no difference. When left out, the \
                         pack's defaults. A change redeploys this layer only.",
                    ),
            )
            .attribute(
                Attribute::string("context")
                    .optional()
                    .default("project")
                    .validator(one_of(["project", "tenant"]))
                    .plan_modifier(requires_replace())
                    .description(
                        "Where the cluster and the carrier profile live: `project` (the \
                         provider's project, default) or `tenant`.",
                    ),
            )
            .attribute(uid_attribute())
            .attribute(
                Attribute::string("layer")
                    .computed()
                    .description("Layer the pack fills (always `addon`), known at plan."),
            )
            .attribute(Attribute::string("state").computed().description(
                "Condition of the layer on the cluster as last read: `Ready`, or \
                 `WaitingForOtherLayers`, `ReadyForInstall`, `Installed`, `Error`, `Pending`.",
            ))
            .attribute(Attribute::string("profile_id").computed().description(
                "Uid of the add-on cluster profile that carries the pack (named \
                 `tf-pack-<pack>-<cluster uid>`); owned by this resource.",
            ))
            .block(NestedBlock::new(
                "manifest",
                Nesting::List,
                manifest_block(),
            ))
            .block(DEFAULT_TIMEOUTS.block(
                "Create, including the wait for the layer",
                "Update, including the wait for the layer",
                "Delete, until the layer is gone",
            )),
    )
}
