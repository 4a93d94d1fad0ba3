//! The schema of `palette_ip_pool`.

use tfplugin::plan_modifier::{requires_replace, use_state_for_unknown};
use tfplugin::validator::{at_least, at_most, length_between, one_of};
use tfplugin::{Attribute, Block, Schema, Type};

/// Version 0.
pub(super) fn schema_v0() -> Schema {
    Schema::new(
        0,
        Block::new()
            .description(
                "A private cloud gateway's IP pool: the static addresses the gateway gives the \
                 nodes of vSphere and MAAS clusters. A pool is a range (`network_type = \
                 \"range\"`: `ip_start_range` to `ip_end_range`) or a subnet (`\"subnet\"`: \
                 `subnet_cidr`), with the network's `prefix` and `gateway`; the addresses are \
                 checked at plan. Everything changes in place but the gateway, which replaces \
                 the pool.",
            )
            .attribute(
                Attribute::string("id")
                    .computed()
                    .plan_modifier(use_state_for_unknown())
                    .description("Uid of the pool."),
            )
            .attribute(
                Attribute::string("private_cloud_gateway_id")
                    .required()
                    .plan_modifier(requires_replace())
                    .description(
                        "Uid of the gateway (a vSphere or MAAS one), such as \
                         `data.palette_private_cloud_gateway.dc1.id`. Changing it replaces the \
                         pool.",
                    ),
            )
            .attribute(
                Attribute::string("name")
                    .required()
                    .validator(length_between(1, 253))
                    .description("Name of the pool, unique on its gateway."),
            )
            .attribute(
                Attribute::string("network_type")
                    .required()
                    .validator(one_of(["range", "subnet"]))
                    .description("`range` (a first and a last address) or `subnet` (a CIDR)."),
            )
            .attribute(
                Attribute::string("ip_start_range")
                    .optional()
                    .description("First address of a `range` pool."),
            )
            .attribute(
                Attribute::string("ip_end_range")
                    .optional()
                    .description("Last address of a `range` pool, not before the first."),
            )
            .attribute(
                Attribute::string("subnet_cidr")
                    .optional()
                    .description("The subnet of a `subnet` pool, such as `10.10.0.0/24`."),
            )
            .attribute(
                Attribute::int64("prefix")
                    .required()
                    .validator(at_least(1))
                    .validator(at_most(128))
                    .description("Prefix length of the network (at most 32 for IPv4)."),
            )
            .attribute(
                Attribute::string("gateway")
                    .required()
                    .description("The network's gateway address, inside the pool's network."),
            )
            .attribute(
                Attribute::list("nameserver_addresses", Type::String)
                    .optional()
                    .description("DNS servers the nodes use."),
            )
            .attribute(
                Attribute::list("nameserver_search_suffix", Type::String)
                    .optional()
                    .description("DNS search domains the nodes use."),
            )
            .attribute(
                Attribute::bool("restrict_to_single_cluster")
                    .optional()
                    .computed()
                    .default(false)
                    .description(
                        "Whether one cluster at a time may draw from the pool (default false).",
                    ),
            ),
    )
}
