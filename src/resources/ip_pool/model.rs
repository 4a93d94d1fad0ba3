//! The pool as the API takes it, the state it reads back, and the plan checks of its addresses.

use palette_api::models::{
    IpPoolEntity, IpPoolInputEntity, IpPoolInputEntitySpec, Nameserver, ObjectMeta, Pool,
};
use palette_stack::ip_pool::{PoolInput, check};
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use crate::environments::{get_string, get_strings, opt_list, opt_str};

/// The attribute of each address field of [`palette_stack::ip_pool`].
fn attribute(field: &str) -> &'static str {
    match field {
        "start" => "ip_start_range",
        "end" => "ip_end_range",
        "subnet" => "subnet_cidr",
        "prefix" => "prefix",
        _ => "gateway",
    }
}

/// Checks the addresses of a configuration or plan; unknown values wait, null is absent.
pub(super) fn check_addresses(config: &Value, diags: &mut Diagnostics) {
    // Known set, known null, or unknown (which may still turn out null).
    let set = |name: &str| match config.get(name) {
        Some(v) if v.is_unknown() => None,
        Some(v) => Some(!v.is_null()),
        None => Some(false),
    };
    let pool = PoolInput {
        network_type: config.get_str("network_type"),
        start: config.get_str("ip_start_range"),
        end: config.get_str("ip_end_range"),
        subnet: config.get_str("subnet_cidr"),
        prefix: config.get_i64("prefix"),
        gateway: config.get_str("gateway"),
        set: [
            set("ip_start_range"),
            set("ip_end_range"),
            set("subnet_cidr"),
        ],
    };
    // Whether a type is known decides which fields it needs: wait while it is unknown.
    let pool = if config.get("network_type").is_some_and(Value::is_unknown) {
        PoolInput {
            network_type: None,
            ..pool
        }
    } else {
        pool
    };
    for problem in check(&pool) {
        diags.attribute_error(
            AttributePath::root(attribute(problem.field)),
            "Invalid IP Pool",
            problem.message,
        );
    }
}

/// The body of a create or update, from the plan.
pub(super) fn body(plan: &Value) -> IpPoolInputEntity {
    let range = plan.get_str("network_type") == Some("range");
    let addresses = get_strings(plan, "nameserver_addresses");
    let search = get_strings(plan, "nameserver_search_suffix");
    IpPoolInputEntity {
        metadata: Some(ObjectMeta {
            name: get_string(plan, "name"),
            ..Default::default()
        }),
        spec: Some(IpPoolInputEntitySpec {
            pool: Pool {
                start: range.then(|| get_string(plan, "ip_start_range")).flatten(),
                end: range.then(|| get_string(plan, "ip_end_range")).flatten(),
                subnet: (!range).then(|| get_string(plan, "subnet_cidr")).flatten(),
                prefix: plan.get_i64("prefix").map(|p| p as i32),
                gateway: get_string(plan, "gateway"),
                nameserver: (addresses.is_some() || search.is_some())
                    .then_some(Nameserver { addresses, search }),
            },
            restrict_to_single_cluster: plan.get_bool("restrict_to_single_cluster"),
        }),
    }
}

/// Sets what Palette reports of `pool` on `state` (a prior state or an import's). An empty
/// nameserver list reads as the state's (null or empty), so neither is drift.
pub(super) fn apply_read(state: &mut Value, pool: &IpPoolEntity) {
    let meta = pool.metadata.clone().unwrap_or_default();
    let spec = pool.spec.clone().unwrap_or_default();
    let addresses = spec.pool.clone().unwrap_or_default();
    if let Some(name) = meta.name {
        state.set("name", name);
    }
    let subnet = addresses.subnet.filter(|s| !s.is_empty());
    state.set(
        "network_type",
        if subnet.is_some() { "subnet" } else { "range" },
    );
    state.set(
        "ip_start_range",
        opt_str(&addresses.start.filter(|s| !s.is_empty())),
    );
    state.set(
        "ip_end_range",
        opt_str(&addresses.end.filter(|s| !s.is_empty())),
    );
    state.set("subnet_cidr", opt_str(&subnet));
    state.set(
        "prefix",
        addresses
            .prefix
            .map_or(Value::Null, |p| Value::from(i64::from(p))),
    );
    state.set("gateway", opt_str(&addresses.gateway));
    let nameserver = addresses.nameserver.unwrap_or_default();
    for (attr, reported) in [
        ("nameserver_addresses", nameserver.addresses),
        ("nameserver_search_suffix", nameserver.search),
    ] {
        let reported = reported.filter(|list| !list.is_empty());
        let prior_empty = state
            .get(attr)
            .is_none_or(|v| v.is_null() || v.as_elements().is_some_and(|e| e.is_empty()));
        if reported.is_some() || !prior_empty {
            state.set(attr, opt_list(&reported));
        }
    }
    state.set(
        "restrict_to_single_cluster",
        spec.restrict_to_single_cluster.unwrap_or(false),
    );
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn plan(pairs: &[(&str, Value)]) -> Value {
        let mut value = Value::Object(BTreeMap::new());
        for (k, v) in pairs {
            value.set(k, v.clone());
        }
        value
    }

    #[test]
    fn a_range_pool_round_trips_through_the_api() {
        let planned = plan(&[
            ("name", "dc1-nodes".into()),
            ("network_type", "range".into()),
            ("ip_start_range", "10.10.1.10".into()),
            ("ip_end_range", "10.10.1.50".into()),
            ("subnet_cidr", Value::Null),
            ("prefix", 24i64.into()),
            ("gateway", "10.10.1.1".into()),
            (
                "nameserver_addresses",
                Value::List(vec!["10.10.0.53".into()]),
            ),
            ("nameserver_search_suffix", Value::Null),
            ("restrict_to_single_cluster", false.into()),
        ]);
        let sent = body(&planned);
        let read = IpPoolEntity {
            metadata: sent.metadata.clone(),
            spec: Some(palette_api::models::IpPoolEntitySpec {
                pool: sent.spec.as_ref().map(|s| s.pool.clone()),
                private_gateway_uid: Some("g".into()),
                restrict_to_single_cluster: Some(false),
            }),
            status: None,
        };
        let mut state = planned.clone();
        apply_read(&mut state, &read);
        assert_eq!(state, planned);
    }
}
