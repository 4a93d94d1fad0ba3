//! The resource's schema: the environment blocks, pools, profiles and timeouts.

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::{one_of, regex_matches};
use tfplugin::{Attribute, Block, NestedBlock, Nesting, Schema, Type};

use crate::environments;

use super::DEFAULT_TIMEOUTS;
use super::read::layer_type;

/// The schema, version 0.
pub(super) fn schema_v0() -> Schema {
    let layer = layer_type();
    let profile = profile_block();
    let mut block = Block::new()
        .description(
            "A Kubernetes cluster deployed from cluster profiles (its own `cluster_profile` blocks, or \
             a `palette_cluster_template` named in `cluster_template`) on one environment, waited for layer by \
             layer, and changed in place on day 2 (profile upgrades, values, variables, add-on profiles, \
             machine pools, and the environment settings Palette can change on a running cluster, such \
             as EKS endpoint access; each environment attribute's description says whether it changes \
             in place or replaces the cluster).",
        )
        .attribute(
            Attribute::string("id").computed().description("Uid of the cluster.").plan_modifier(use_state_for_unknown()),
        )
        .attribute(
            Attribute::string("name")
                .required()
                .description("Cluster name: lowercase letters, digits and `-`. Changing it replaces the cluster.")
                .validator(regex_matches("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", "must be lowercase letters, digits and '-', not starting or ending with '-'"))
                .plan_modifier(requires_replace()),
        )
        .attribute(
            Attribute::string("context")
                .optional()
                .default("project")
                .validator(one_of(["project", "tenant"]))
                .description("Where the cluster lives: `project` (the provider's project, default) or `tenant`.")
                .plan_modifier(requires_replace()),
        )
        .attribute(Attribute::string("description").optional().description("Free-text description."))
        .attribute(Attribute::map("tags", Type::String).optional().description("Tags (labels) on the cluster."))
        .attribute(
            Attribute::string("cloud_account_id")
                .optional()
                .description(environments::cloud_account_description())
                .plan_modifier(requires_replace()),
        )
        .attribute(
            Attribute::string("wait_for")
                .optional()
                .default("healthy")
                .validator(one_of(["healthy", "running", "none"]))
                .description(
                    "What create and update wait for: `healthy` (default: every layer ready and the cluster \
                     healthy), `running` (nodes up; layers may still be installing) or `none`.",
                ),
        )
        .attribute(
            Attribute::bool("force_delete")
                .optional()
                .default(false)
                .description(
                    "On destroy, force the deletion if the cluster is still deleting after \
                     `force_delete_delay` (cloud resources may be left behind). A normal delete \
                     always comes first: Palette allows a force delete only after a cluster has \
                     been deleting for 15 minutes.",
                ),
        )
        .attribute(
            Attribute::string("force_delete_delay")
                .optional()
                .default(super::delete::DEFAULT_FORCE_DELETE_DELAY)
                .description(
                    "How long a deleting cluster is waited for before it is force deleted, as a \
                     duration such as `20m` (default `20m`; Palette refuses a force delete before \
                     15 minutes in Deleting, and the provider asks again until it is allowed). \
                     Must not exceed `timeouts.delete`.",
                ),
        )
        .attribute(Attribute::string("state").computed().description("Cluster state (`Pending`, `Provisioning`, `Running`, ...)."))
        .attribute(Attribute::string("health").computed().description("Cluster health (`Healthy`, ...); empty until reported."))
        .attribute(
            Attribute::string("cloud_config_id")
                .computed()
                .description("Uid of the cluster's cloud config.")
                .plan_modifier(use_state_for_unknown()),
        )
        .attribute(
            Attribute::string("kubeconfig")
                .computed()
                .sensitive()
                .description("The cluster's client kubeconfig, when `store_kubeconfig` is true (empty otherwise, and until the cluster runs). Prefer the ephemeral `palette_kubeconfig`, which never enters state."),
        )
        .attribute(
            Attribute::bool("store_kubeconfig")
                .optional()
                .description("Keep the cluster's client kubeconfig in state, as `kubeconfig` (sensitive). Off by default: a kubeconfig is a credential, and the ephemeral `palette_kubeconfig` feeds other providers without storing it."),
        )
        .attribute(
            Attribute::list("layers", layer)
                .computed()
                .description("Every pack of the profiles in `cluster_profile`, in stack order: `name`, `layer`, `version`, `state` (the pack's condition) and `message`. Packs that `palette_pack` or profiles attached elsewhere deploy are not listed (see their own resources, or the `palette_cluster` data source, which lists every layer)."),
        );
    for attribute in super::settings::attributes() {
        block = block.attribute(attribute);
    }
    for settings in super::settings::blocks() {
        block = block.block(settings);
    }
    for policy in super::policies::blocks() {
        block = block.block(policy);
    }
    for env_block in environments::environment_blocks() {
        block = block.block(env_block);
    }
    block = block
        .block(NestedBlock::new("cluster_profile", Nesting::List, profile))
        .block(NestedBlock::new("cluster_template", Nesting::List, template_block()).max_items(1))
        .block(environments::machine_pool_block())
        .block(DEFAULT_TIMEOUTS.block(
            "Create, including the wait",
            "Day-2 update, including the wait",
            "Delete, until the cluster is gone",
        ));
    Schema::new(0, block)
}

/// The `cluster_template` block: the template the cluster is launched from, and the values the
/// cluster gives its profiles' variables.
fn template_block() -> Block {
    let profile = Block::new()
        .description(
            "The values this cluster gives the variables of one of the template's profiles. \
             Only profiles whose variables the cluster sets need a block.",
        )
        .attribute(
            Attribute::string("id")
                .required()
                .description("Uid of a profile of the template (checked at plan)."),
        )
        .attribute(
            Attribute::map("variables", Type::String)
                .optional()
                .description(
                    "Values of the profile's variables for this cluster, over the template's \
                     (checked at plan against the variables the profile declares). A variable \
                     the profile declares `sensitive` goes in `sensitive_variables` instead. A \
                     change is made in place, through Palette's template variables API.",
                ),
        )
        .attribute(
            Attribute::map("sensitive_variables", Type::String)
                .optional()
                .sensitive()
                .description(
                    "Values of the profile's sensitive variables for this cluster: never shown \
                     in plan output or logs. An import leaves them in Palette (not in state).",
                ),
        );
    Block::new()
        .description(
            "Launch the cluster from a `palette_cluster_template` instead of `cluster_profile` \
             blocks (exactly one of the two, checked at plan): the template gives the profiles, \
             deployed layer by layer as attached profiles are. Not on TKE, whose create API \
             takes no template.",
        )
        .attribute(Attribute::string("id").required().description(
            "Uid of the cluster template, of the cluster's environment (checked at plan). \
             Palette has no endpoint that moves a running cluster to another template, or \
             detaches it from one, so changing it (or switching between `cluster_template` and \
             `cluster_profile`) replaces the cluster.",
        ))
        .block(NestedBlock::new("cluster_profile", Nesting::List, profile))
}

/// One `cluster_profile` block: the profile version, its variables and its pack overrides.
fn profile_block() -> Block {
    let manifest = Block::new()
        .description("A per-cluster override of one manifest of the pack.")
        .attribute(
            Attribute::string("name")
                .required()
                .description("Name of the manifest in the profile's pack."),
        )
        .attribute(
            Attribute::string("content")
                .required()
                .description("The manifest's YAML for this cluster."),
        );
    let pack = Block::new()
        .description("A per-cluster override of one pack of the profile, by pack name.")
        .attribute(Attribute::string("name").required().description("Name of the pack in the profile."))
        .attribute(Attribute::string("tag").optional().description("The pack's tag; must be the tag the profile has."))
        .attribute(
            Attribute::string("values")
                .optional()
                .description("The pack's values (YAML) for this cluster; compared by meaning, so reformatting is no change."),
        )
        .block(NestedBlock::new("manifest", Nesting::List, manifest));
    Block::new()
        .description(
            "A cluster profile deployed on the cluster, in order. One infra or full profile provides the \
             core layers; add-on profiles add the rest. Changing `id` to another version of the same profile \
             upgrades the cluster in place.",
        )
        .attribute(Attribute::string("id").required().description("Uid of the profile version to deploy."))
        .attribute(
            Attribute::map("variables", Type::String)
                .optional()
                .description(
                    "Values of the profile's variables for this cluster. A variable the profile \
                     declares `sensitive` goes in `sensitive_variables` instead (refused here at \
                     plan).",
                ),
        )
        .attribute(
            Attribute::map("sensitive_variables", Type::String)
                .optional()
                .sensitive()
                .description(
                    "Values of the profile's sensitive variables for this cluster: never shown in \
                     plan output or logs. An import leaves them in Palette (not in state), so a \
                     configuration that gives them plans one in-place update after an import.",
                ),
        )
        .block(NestedBlock::new("pack", Nesting::List, pack))
}
