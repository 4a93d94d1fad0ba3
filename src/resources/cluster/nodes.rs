//! Node maintenance: the `node` blocks of a machine pool, each cordoning or uncordoning one
//! machine (`PUT /v1/cloudconfigs/{cloudType}/{config}/machinePools/{pool}/machines/{machine}/maintenance`).
//!
//! Machines exist only once a pool runs, and a repave replaces them, so a `node` names a machine
//! of a pool the cluster already has. A refresh lists the machines only of pools whose state
//! carries `node` blocks (one request per such pool); an import lists every pool's and takes the
//! cordoned machines. A `node` removed from the configuration whose machine was cordoned is
//! uncordoned: leaving a node out means leaving it in service.

use std::collections::BTreeMap;

use palette_api::models::{CloudMachineStatus, ObjectMeta};
use palette_api::{Client, Scope};
use serde::Deserialize;
use tfplugin::{AttributePath, Diagnostic, Diagnostics, Value, ValueExt};

use crate::diagnostics;
use crate::environments::Environment;

/// The block name inside `machine_pool`.
pub(super) const BLOCK: &str = "node";

/// One `node` block: a machine uid and the action it is kept in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Node {
    pub(super) id: String,
    pub(super) action: String,
}

/// The `node` blocks of every pool, by pool name (unknown values read as absent).
pub(super) fn of(value: &Value) -> BTreeMap<String, Vec<Node>> {
    value
        .get_elements("machine_pool")
        .iter()
        .filter_map(|pool| {
            let name = pool.get_str("name")?.to_string();
            let nodes = pool
                .get_elements(BLOCK)
                .iter()
                .filter_map(|n| {
                    Some(Node {
                        id: n.get_str("node_id")?.to_string(),
                        action: n.get_str("action")?.to_string(),
                    })
                })
                .collect();
            Some((name, nodes))
        })
        .collect()
}

/// Plan checks that need the prior state: a `node` only in a pool the cluster already runs
/// (machines are made by the apply that makes the pool, so their uids cannot be written before),
/// and each machine once per pool. Unknown pool names and node ids wait.
pub(super) fn check_plan(state: &Value, plan: &Value, diags: &mut Diagnostics) {
    let prior: Vec<&str> = state
        .get_elements("machine_pool")
        .iter()
        .filter_map(|p| p.get_str("name"))
        .collect();
    for (i, pool) in plan.get_elements("machine_pool").iter().enumerate() {
        let nodes = pool.get_elements(BLOCK);
        if nodes.is_empty() {
            continue;
        }
        let base = AttributePath::root("machine_pool").index(i as i64);
        let Some(name) = pool.get_str("name") else {
            continue;
        };
        if !prior.contains(&name) {
            diags.attribute_error(
                base.clone().attr(BLOCK),
                "Node Maintenance Before The Pool Runs",
                format!(
                    "Machine pool {name:?} is created by this apply, so its machines do not exist \
                     yet and no `node` can name one. Apply without the `node` blocks first, then \
                     add them with the machine uids Palette reports."
                ),
            );
            continue;
        }
        let mut seen = Vec::new();
        for (j, node) in nodes.iter().enumerate() {
            let Some(id) = node.get_str("node_id") else {
                continue;
            };
            if seen.contains(&id) {
                diags.attribute_error(
                    base.clone().attr(BLOCK).index(j as i64).attr("node_id"),
                    "Duplicate Node",
                    format!(
                        "Machine {id:?} appears twice in pool {name:?}; give each machine one \
                         `node` block."
                    ),
                );
            }
            seen.push(id);
        }
    }
}

/// The machine fields maintenance needs (every environment's `*Machine` model has them).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct Machine {
    metadata: Option<ObjectMeta>,
    status: Option<CloudMachineStatus>,
}

/// A machine's uid and the last maintenance action Palette reports for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reported {
    pub(super) id: String,
    pub(super) action: Option<String>,
}

/// Lists the machines of `pools`, with their maintenance action; a pool that is gone reads as
/// none.
pub(super) async fn read(
    client: &Client,
    scope: &Scope,
    env: &dyn Environment,
    config_uid: &str,
    pools: &[String],
) -> Result<BTreeMap<String, Vec<Reported>>, palette_api::Error> {
    let cloud = env.api_cloud_type();
    let mut out = BTreeMap::new();
    for pool in pools {
        let machines = match client
            .list_machines::<Machine>(scope, &cloud, config_uid, pool)
            .await
        {
            Ok(machines) => machines,
            Err(err) if err.is_not_found() => Vec::new(),
            Err(err) => return Err(err),
        };
        let reported = machines
            .into_iter()
            .filter_map(|m| {
                Some(Reported {
                    id: m.metadata?.uid?,
                    action: m
                        .status
                        .and_then(|s| s.maintenance_status)
                        .and_then(|s| s.action)
                        .filter(|a| !a.is_empty()),
                })
            })
            .collect();
        out.insert(pool.clone(), reported);
    }
    Ok(out)
}

/// The pools a refresh of `prior` lists machines for: those whose state has `node` blocks, or
/// every reported pool on import.
pub(super) fn pools_to_read(prior: &Value, reported: &[String], importing: bool) -> Vec<String> {
    if importing {
        return reported.to_vec();
    }
    prior
        .get_elements("machine_pool")
        .iter()
        .filter(|p| !p.get_elements(BLOCK).is_empty())
        .filter_map(|p| p.get_str("name").map(str::to_string))
        .collect()
}

/// A pool's `node` blocks as Palette reports them: the prior ones in their order, each with the
/// action its machine reports (dropped when the machine is gone or has none), then any other
/// cordoned machine, by uid, so a cordon made outside Terraform shows as drift.
pub(super) fn refreshed(prior: &[Value], reported: &[Reported]) -> Value {
    let mut out = Vec::new();
    let mut listed = Vec::new();
    for node in prior {
        let Some(id) = node.get_str("node_id") else {
            continue;
        };
        if let Some(action) = reported
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.action.as_deref())
        {
            out.push(node_value(id, action));
            listed.push(id.to_string());
        }
    }
    let mut cordoned: Vec<&Reported> = reported
        .iter()
        .filter(|m| m.action.as_deref() == Some("cordon") && !listed.contains(&m.id))
        .collect();
    cordoned.sort_by(|a, b| a.id.cmp(&b.id));
    out.extend(cordoned.into_iter().map(|m| node_value(&m.id, "cordon")));
    Value::List(out)
}

fn node_value(id: &str, action: &str) -> Value {
    super::read::object([
        ("node_id", Value::from(id.to_string())),
        ("action", Value::from(action.to_string())),
    ])
}

/// Applies the planned maintenance: each `node` whose action is new or changed is sent, and a
/// cordoned machine whose `node` was removed is uncordoned. Pools the plan removes are skipped.
pub(super) async fn apply(
    client: &Client,
    scope: &Scope,
    env: &dyn Environment,
    config_uid: &str,
    cluster: &str,
    old: &BTreeMap<String, Vec<Node>>,
    new: &BTreeMap<String, Vec<Node>>,
) -> Result<(), Diagnostic> {
    let cloud = env.api_cloud_type();
    let none = Vec::new();
    for (pool, nodes) in new {
        let before = old.get(pool).unwrap_or(&none);
        let mut sends: Vec<(&str, &str)> = nodes
            .iter()
            .filter(|n| !before.contains(n))
            .map(|n| (n.id.as_str(), n.action.as_str()))
            .collect();
        sends.extend(
            before
                .iter()
                .filter(|b| b.action == "cordon" && !nodes.iter().any(|n| n.id == b.id))
                .map(|b| (b.id.as_str(), "uncordon")),
        );
        for (id, action) in sends {
            tracing::info!(cluster, pool = %pool, machine = id, "node maintenance: {action}");
            client
                .set_machine_maintenance(scope, &cloud, config_uid, pool, id, action)
                .await
                .map_err(|err| {
                    let what = format!("{action}ing machine {id:?} of pool {pool:?}");
                    let mut diag = diagnostics::api_error("Node Maintenance Error", &what, &err);
                    if err.is_not_found() {
                        diag = Diagnostic::error(
                            "Node Not In Pool",
                            format!(
                                "Machine {id:?} is not a running machine of pool {pool:?} of \
                                 cluster {cluster:?}: a repave or a resize may have replaced it. \
                                 Palette lists the pool's machines at `GET \
                                 .../machinePools/{pool}/machines`; name one of those."
                            ),
                        );
                    }
                    diag
                })?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(id: &str, action: Option<&str>) -> Reported {
        Reported {
            id: id.into(),
            action: action.map(str::to_string),
        }
    }

    #[test]
    fn a_refresh_keeps_the_order_and_shows_cordons_made_elsewhere() {
        let prior = vec![node_value("m2", "cordon"), node_value("m1", "uncordon")];
        let machines = [
            reported("m1", Some("uncordon")),
            reported("m2", Some("uncordon")),
            reported("m3", None),
            reported("m4", Some("cordon")),
        ];
        assert_eq!(
            refreshed(&prior, &machines),
            Value::List(vec![
                node_value("m2", "uncordon"),
                node_value("m1", "uncordon"),
                node_value("m4", "cordon"),
            ])
        );
        // A machine a repave replaced is gone from the state.
        assert_eq!(
            refreshed(&prior, &[reported("m9", None)]),
            Value::List(vec![])
        );
    }

    #[test]
    fn new_pools_cannot_name_machines_and_a_machine_is_named_once() {
        let pool = |name: &str, ids: &[&str]| {
            super::super::read::object([
                ("name", Value::from(name.to_string())),
                (
                    BLOCK,
                    Value::List(ids.iter().map(|id| node_value(id, "cordon")).collect()),
                ),
            ])
        };
        let state =
            super::super::read::object([("machine_pool", Value::List(vec![pool("workers", &[])]))]);
        let plan = super::super::read::object([(
            "machine_pool",
            Value::List(vec![pool("workers", &["a", "a"]), pool("more", &["b"])]),
        )]);
        let mut diags = Diagnostics::default();
        check_plan(&state, &plan, &mut diags);
        let summaries: Vec<_> = diags.iter().map(|d| d.summary.clone()).collect();
        assert_eq!(
            summaries,
            ["Duplicate Node", "Node Maintenance Before The Pool Runs"]
        );
        let mut diags = Diagnostics::default();
        check_plan(&Value::Null, &plan, &mut diags);
        assert_eq!(diags.iter().count(), 2, "a create names no machine");
    }
}
