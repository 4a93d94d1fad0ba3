//! Per-pool placement (vSphere): a `machine_pool`'s `placement` blocks, each a compute cluster,
//! resource pool, datastore, storage policy, network and IP pool the pool's nodes go to
//! (`v1VsphereMachinePoolCloudConfigEntity.placements`).
//!
//! The environment block carries the same fields under the same names: they are the cluster-wide
//! defaults. A pool without `placement` is placed by them; a field a `placement` leaves out takes
//! the block's value. The canonical form, which refresh and import write: a pool placed exactly
//! by the defaults reads back without `placement`, and a field equal to the block's reads back
//! null unless the prior state set it.

use std::collections::BTreeMap;

use tfplugin::{
    Attribute, AttributePath, Block, Diagnostics, NestedBlock, Nesting, Value, ValueExt,
};

use super::Environment;
use super::values::opt_str;

/// The block name in `machine_pool`.
pub(crate) const BLOCK: &str = "placement";

/// The placement fields, as named both in a `placement` block and in the environment block.
pub(crate) const FIELDS: [&str; 7] = [
    "compute_cluster",
    "resource_pool",
    "datastore",
    "storage_policy",
    "network",
    "ip_pool_id",
    "image_template_folder",
];

/// The block's defaults that change in place, through the pool updates of the pools that take
/// them. Not `image_template_folder`: the block's value is also the cluster's own placement
/// (`clusterConfig.placement.imageTemplateFolder`), which Palette keeps once the cluster is
/// made, so changing it there replaces the cluster (a pool's own changes in place).
pub(crate) const THROUGH_POOLS: [&str; 6] = [
    "compute_cluster",
    "resource_pool",
    "datastore",
    "storage_policy",
    "network",
    "ip_pool_id",
];

/// Where one pool's nodes go; `None` is "the block's value" (in a `placement` block) or
/// "none" (as sent or reported).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Placement(pub(crate) BTreeMap<&'static str, String>);

impl Placement {
    /// A `placement` element, or the environment block's defaults (unknown reads as absent).
    pub(crate) fn from_value(value: &Value) -> Placement {
        Placement(
            FIELDS
                .iter()
                .filter_map(|f| {
                    value
                        .get_str(f)
                        .filter(|v| !v.is_empty())
                        .map(|v| (*f, v.to_string()))
                })
                .collect(),
        )
    }

    /// The value of `field`.
    pub(crate) fn get(&self, field: &str) -> Option<&str> {
        self.0.get(field).map(String::as_str)
    }

    /// Sets `field` (an empty value is none).
    pub(crate) fn with(mut self, field: &'static str, value: Option<String>) -> Placement {
        match value.filter(|v| !v.is_empty()) {
            Some(v) => self.0.insert(field, v),
            None => self.0.remove(field),
        };
        self
    }

    /// This placement over `defaults`: each field it leaves out takes the default's.
    pub(crate) fn over(&self, defaults: &Placement) -> Placement {
        let mut out = defaults.clone();
        out.0.extend(self.0.iter().map(|(k, v)| (*k, v.clone())));
        out
    }

    fn to_value(&self) -> Value {
        Value::Object(
            FIELDS
                .iter()
                .map(|f| (f.to_string(), opt_str(&self.0.get(f).cloned())))
                .collect(),
        )
    }
}

/// The placements a pool is sent with: its own over `defaults`, or the defaults alone.
pub(crate) fn effective(own: &[Placement], defaults: &Placement) -> Vec<Placement> {
    if own.is_empty() {
        return vec![defaults.clone()];
    }
    own.iter().map(|p| p.over(defaults)).collect()
}

/// A pool's `placement` list as state writes it, from the placements Palette `reported` (full
/// values), the block's `defaults` and the `prior` elements (none on import, or where the
/// configuration had none): see the module's canonical form.
pub(crate) fn canonical(reported: &[Placement], defaults: &Placement, prior: &[Value]) -> Value {
    if reported.is_empty() || (prior.is_empty() && reported == std::slice::from_ref(defaults)) {
        return Value::List(Vec::new());
    }
    Value::List(
        reported
            .iter()
            .enumerate()
            .map(|(i, placement)| {
                let prior = prior.get(i).unwrap_or(&Value::Null);
                let mut out = Placement::default();
                for field in FIELDS {
                    let value = placement.get(field);
                    let set_before = prior.get(field).is_some_and(|v| !v.is_null());
                    if set_before || value != defaults.get(field) {
                        out = out.with(field, value.map(str::to_string));
                    }
                }
                out.to_value()
            })
            .collect(),
    )
}

/// The `placement` block of `machine_pool`.
pub(crate) fn block() -> NestedBlock {
    let string = |name: &str, what: &str| Attribute::string(name).optional().description(what);
    let block = Block::new()
        .description(
            "Where the pool's nodes go, over the environment block's cluster-wide defaults (vSphere \
             only: refused at plan elsewhere). Each field left out takes the `vsphere` block's \
             value of the same name; a pool without `placement` is placed by the block alone. \
             Several blocks spread the pool over several placements. Read back in a canonical \
             form: a pool placed exactly by the block's values reads back without `placement`, \
             and a field equal to the block's reads back unset unless the configuration sets it. \
             Changes in place (Palette repaves the pool's nodes into the new placement).",
        )
        .attribute(string(
            "compute_cluster",
            "vSphere compute cluster the pool's nodes run on.",
        ))
        .attribute(string(
            "resource_pool",
            "Resource pool of that compute cluster.",
        ))
        .attribute(string("datastore", "Datastore for the node disks."))
        .attribute(string(
            "storage_policy",
            "Storage policy for the node disks.",
        ))
        .attribute(string("network", "Port group the nodes attach to."))
        .attribute(string(
            "ip_pool_id",
            "Uid of the `palette_ip_pool` the nodes take static IPs from (with `static_ip = true` \
             only), on the cloud account's private cloud gateway.",
        ))
        .attribute(string(
            "image_template_folder",
            "Folder of the datacenter the pool's node image templates are kept in (checked at \
             plan against the folders the gateway sees).",
        ));
    NestedBlock::new(BLOCK, Nesting::List, block)
}

/// A pool's `placement` elements as configured (an unknown list reads as none).
pub(crate) fn of_pool(pool: &Value) -> Vec<Placement> {
    pool.get(BLOCK)
        .and_then(Value::as_elements)
        .unwrap_or_default()
        .iter()
        .map(Placement::from_value)
        .collect()
}

/// `placement` set on a pool of an environment that places pools cluster-wide only.
pub(crate) fn check_taken(
    env: &dyn Environment,
    pool: &Value,
    base: &AttributePath,
    diags: &mut Diagnostics,
) {
    if env.takes_placement() {
        return;
    }
    if pool
        .get(BLOCK)
        .and_then(Value::as_elements)
        .is_some_and(|e| !e.is_empty())
    {
        diags.attribute_error(
            base.clone().attr(BLOCK),
            "Unsupported Machine Pool Field",
            format!(
                "{} machine pools take no `placement` block (only vSphere pools are placed one by \
                 one); remove it from this pool.",
                env.display_name()
            ),
        );
    }
}

/// Static IPs on vSphere: with `static_ip = true` every placement needs an IP pool (its own
/// `ip_pool_id` or the block's), and without it none may name one. Unknown values wait.
pub(crate) fn check_static_ip(
    block: &Value,
    path: &AttributePath,
    pools: &[Value],
    diags: &mut Diagnostics,
) {
    let static_ip = block.get("static_ip").unwrap_or(&Value::Null);
    if static_ip.is_unknown() {
        return;
    }
    let static_ip = static_ip.as_bool() == Some(true);
    let block_pool = block.get("ip_pool_id").unwrap_or(&Value::Null);
    let pool_path = |i: usize| AttributePath::root("machine_pool").index(i as i64);
    if !static_ip {
        let refuse = |at: AttributePath, diags: &mut Diagnostics| {
            diags.attribute_error(
                at,
                "IP Pool Without Static IPs",
                "`ip_pool_id` gives the nodes static IPs from an IP pool, which needs \
                 `static_ip = true` in the `vsphere` block; set it, or remove `ip_pool_id` \
                 (the nodes then take DHCP addresses).",
            )
        };
        if !block_pool.is_null() && !block_pool.is_unknown() {
            refuse(path.clone().attr("ip_pool_id"), diags);
        }
        for (i, pool) in pools.iter().enumerate() {
            for (j, placement) in pool.get_elements(BLOCK).iter().enumerate() {
                let id = placement.get("ip_pool_id").unwrap_or(&Value::Null);
                if !id.is_null() && !id.is_unknown() {
                    refuse(
                        pool_path(i).attr(BLOCK).index(j as i64).attr("ip_pool_id"),
                        diags,
                    );
                }
            }
        }
        return;
    }
    if !block_pool.is_null() {
        // Set, or unknown until apply: every placement has one.
        return;
    }
    for (i, pool) in pools.iter().enumerate() {
        if pool.is_unknown() || pool.get(BLOCK).is_some_and(Value::is_unknown) {
            continue;
        }
        let name = pool.get_str("name").unwrap_or_default();
        let placements = pool.get_elements(BLOCK);
        if placements.is_empty() {
            diags.attribute_error(
                path.clone().attr("static_ip"),
                "Missing IP Pool",
                format!(
                    "`static_ip = true`, but pool {name:?} has no IP pool to take its nodes' \
                     addresses from: set `ip_pool_id` in this block (every pool's default), or \
                     in a `placement` block of the pool."
                ),
            );
            continue;
        }
        for (j, placement) in placements.iter().enumerate() {
            if placement.is_unknown() {
                continue;
            }
            if placement.get("ip_pool_id").is_none_or(Value::is_null) {
                diags.attribute_error(
                    pool_path(i).attr(BLOCK).index(j as i64).attr("ip_pool_id"),
                    "Missing IP Pool",
                    format!(
                        "`static_ip = true`, but this placement of pool {name:?} has no IP pool \
                         to take its nodes' addresses from: set `ip_pool_id` here or in the \
                         `vsphere` block."
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placement(fields: &[(&'static str, &str)]) -> Placement {
        fields.iter().fold(Placement::default(), |p, (k, v)| {
            p.with(k, Some(v.to_string()))
        })
    }

    #[test]
    fn canonical_placements_leave_out_the_defaults() {
        let defaults = placement(&[
            ("compute_cluster", "cl1"),
            ("datastore", "ds1"),
            ("network", "vm-network"),
        ]);
        // A pool placed by the defaults reads back without a placement.
        assert_eq!(
            canonical(std::slice::from_ref(&defaults), &defaults, &[]),
            Value::List(vec![])
        );
        // Another compute cluster: only what differs.
        let other = placement(&[
            ("compute_cluster", "cl2"),
            ("datastore", "ds1"),
            ("network", "vm-network"),
        ]);
        let read = canonical(std::slice::from_ref(&other), &defaults, &[]);
        let element = &read.as_elements().unwrap()[0];
        assert_eq!(element.get_str("compute_cluster"), Some("cl2"));
        assert!(element.get("datastore").unwrap().is_null());
        assert_eq!(Placement::from_value(element).over(&defaults), other);
        // A field the configuration sets stays set, even to the default.
        let prior = placement(&[("compute_cluster", "cl2"), ("datastore", "ds1")]).to_value();
        let read = canonical(&[other], &defaults, &[prior]);
        assert_eq!(
            read.as_elements().unwrap()[0].get_str("datastore"),
            Some("ds1")
        );
        // A configured placement equal to the defaults stays.
        let prior = placement(&[("compute_cluster", "cl1")]).to_value();
        let read = canonical(std::slice::from_ref(&defaults), &defaults, &[prior]);
        assert_eq!(read.as_elements().unwrap().len(), 1);
    }

    #[test]
    fn effective_placements_take_the_defaults() {
        let defaults = placement(&[("compute_cluster", "cl1"), ("datastore", "ds1")]);
        assert_eq!(effective(&[], &defaults), vec![defaults.clone()]);
        let own = placement(&[("datastore", "ds2")]);
        assert_eq!(
            effective(&[own], &defaults),
            vec![placement(&[
                ("compute_cluster", "cl1"),
                ("datastore", "ds2")
            ])]
        );
    }
}
