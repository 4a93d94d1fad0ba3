//! A cluster's namespaces and RBAC role bindings: given at create in
//! `clusterConfig.resources`, then `GET`/`PUT .../config/namespaces` and `.../config/rbacs`.
//!
//! Both are kept on the cluster record (`_emu.namespaces`, `_emu.rbacs`) as Palette renders
//! them, with uids; `spec.clusterConfig.resources` holds references to them, as on Palette. What
//! Kubernetes would refuse is refused: a namespace name that is not a DNS-1123 label (unless
//! `isRegex`), a quota that is not above zero, a `ClusterRoleBinding` to a `Role` (which has no
//! cluster scope) or in a namespace, a `RoleBinding` without its namespace, a service-account
//! subject without its namespace, a binding without subjects.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::Response;
use palette_api::models as m;
use serde_json::{Value, json};

use super::delete::refuse_if_deleting;
use super::records::find_cluster;
use crate::context::Ctx;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::{ids, wire};

fn refuse(field: String, message: String) -> ApiError {
    ApiError::bad_request("InvalidRequest", message).with_details(json!({ "field": field }))
}

/// Whether `name` is a DNS-1123 label, as Kubernetes names namespaces.
fn dns_label(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !name.starts_with('-')
        && !name.ends_with('-')
}

/// Checks and renders namespaces (`v1ClusterNamespaceResource`), `at` naming the list.
pub(super) fn namespaces(
    input: &[m::ClusterNamespaceResourceInputEntity],
    at: &str,
) -> ApiResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::new();
    for (i, ns) in input.iter().enumerate() {
        let name = ns
            .metadata
            .as_ref()
            .and_then(|m| wire::given(m.name.as_deref()))
            .ok_or_else(|| {
                refuse(
                    format!("{at}[{i}].metadata.name"),
                    "a namespace needs a name".into(),
                )
            })?;
        let spec = ns.spec.clone().unwrap_or_default();
        if !spec.is_regex && !dns_label(name) {
            return Err(refuse(
                format!("{at}[{i}].metadata.name"),
                format!(
                    "namespace name '{name}' is not a DNS-1123 label (lowercase letters, digits \
                     and '-', at most 63, starting and ending with a letter or digit)"
                ),
            ));
        }
        let allocation = spec.resource_allocation.clone().unwrap_or_default();
        for (key, value) in [
            ("cpuCores", allocation.cpu_cores),
            ("memoryMiB", allocation.memory_mi_b),
        ] {
            if value.is_some_and(|v| v <= 0.0) {
                return Err(refuse(
                    format!("{at}[{i}].spec.resourceAllocation.{key}"),
                    format!("namespace '{name}': {key} must be above 0"),
                ));
            }
        }
        if let Some(gpu) = &allocation.gpu_config {
            if gpu.limit.is_some_and(|l| l < -1) {
                return Err(refuse(
                    format!("{at}[{i}].spec.resourceAllocation.gpuConfig.limit"),
                    format!("namespace '{name}': the GPU limit must be -1 or more"),
                ));
            }
            if gpu.provider.as_deref().is_some_and(|p| p != "nvidia") {
                return Err(refuse(
                    format!("{at}[{i}].spec.resourceAllocation.gpuConfig.provider"),
                    format!("namespace '{name}': the only GPU provider is nvidia"),
                ));
            }
        }
        if out.iter().any(|n| n["metadata"]["name"] == name) {
            return Err(refuse(
                format!("{at}[{i}].metadata.name"),
                format!("namespace '{name}' is given twice"),
            ));
        }
        out.push(json!({
            "metadata": {"name": name, "uid": ids::new_uid()},
            "spec": spec,
            "status": {},
        }));
    }
    Ok(out)
}

/// Checks one binding.
fn check_binding(binding: &m::ClusterRbacBinding, at: &str) -> ApiResult<()> {
    let kind = binding.type_.as_deref().unwrap_or("");
    let role = binding.role.clone().unwrap_or_default();
    let role_kind = role.kind.as_deref().unwrap_or("");
    let namespace = wire::given(binding.namespace.as_deref());
    if wire::given(role.name.as_deref()).is_none() {
        return Err(refuse(
            format!("{at}.role.name"),
            "a binding needs a role name".into(),
        ));
    }
    match kind {
        "ClusterRoleBinding" if role_kind != "ClusterRole" => {
            return Err(refuse(
                format!("{at}.role.kind"),
                format!(
                    "a ClusterRoleBinding binds a ClusterRole, not a {role_kind} (a Role exists \
                     only in its namespace)"
                ),
            ));
        }
        "ClusterRoleBinding" if namespace.is_some() => {
            return Err(refuse(
                format!("{at}.namespace"),
                "a ClusterRoleBinding has no namespace".into(),
            ));
        }
        "RoleBinding" if namespace.is_none() => {
            return Err(refuse(
                format!("{at}.namespace"),
                "a RoleBinding needs the namespace it binds in".into(),
            ));
        }
        "RoleBinding" | "ClusterRoleBinding" => {}
        _ => {
            return Err(refuse(
                format!("{at}.type"),
                "type must be RoleBinding or ClusterRoleBinding".into(),
            ));
        }
    }
    let subjects = binding.subjects.clone().unwrap_or_default();
    if subjects.is_empty() {
        return Err(refuse(
            format!("{at}.subjects"),
            "a binding needs at least one subject".into(),
        ));
    }
    for (j, subject) in subjects.iter().enumerate() {
        if wire::given(subject.name.as_deref()).is_none() {
            return Err(refuse(
                format!("{at}.subjects[{j}].name"),
                "a subject needs a name".into(),
            ));
        }
        if subject.type_.as_deref() == Some("ServiceAccount")
            && wire::given(subject.namespace.as_deref()).is_none()
        {
            return Err(refuse(
                format!("{at}.subjects[{j}].namespace"),
                "a service account subject needs its namespace".into(),
            ));
        }
    }
    Ok(())
}

/// Checks and renders role bindings (`v1ClusterRbac`), `at` naming the list.
pub(super) fn rbacs(input: &[m::ClusterRbacInputEntity], at: &str) -> ApiResult<Vec<Value>> {
    let mut out = Vec::new();
    for (i, rbac) in input.iter().enumerate() {
        let spec = rbac.spec.clone().unwrap_or_default();
        for (j, binding) in spec.bindings.iter().flatten().enumerate() {
            check_binding(binding, &format!("{at}[{i}].spec.bindings[{j}]"))?;
        }
        let name = rbac
            .metadata
            .as_ref()
            .and_then(|m| wire::given(m.name.as_deref()))
            .map(str::to_owned)
            .unwrap_or_else(|| format!("rbac-{i}"));
        out.push(json!({
            "metadata": {"name": name, "uid": ids::new_uid()},
            "spec": spec,
            "status": {},
        }));
    }
    Ok(out)
}

/// Takes `resources` out of a create body's `clusterConfig`: the namespaces and role bindings,
/// checked and rendered, with references to them left in its place.
pub(super) fn take_from_create(config: &mut Value) -> ApiResult<(Vec<Value>, Vec<Value>)> {
    let given = config
        .as_object_mut()
        .and_then(|c| c.remove("resources"))
        .unwrap_or(Value::Null);
    if given.is_null() {
        return Ok((Vec::new(), Vec::new()));
    }
    let entity: m::ClusterResourcesEntity = wire::fit(given)?;
    let at = "spec.clusterConfig.resources";
    let ns = namespaces(
        &entity.namespaces.unwrap_or_default(),
        &format!("{at}.namespaces"),
    )?;
    let rb = rbacs(&entity.rbacs.unwrap_or_default(), &format!("{at}.rbacs"))?;
    config["resources"] = references(&ns, &rb);
    Ok((ns, rb))
}

/// The references `spec.clusterConfig.resources` holds.
pub(super) fn references(namespaces: &[Value], rbacs: &[Value]) -> Value {
    let refs = |items: &[Value], kind: &str| -> Vec<Value> {
        items
            .iter()
            .map(|i| json!({"kind": kind, "name": i["metadata"]["name"], "uid": i["metadata"]["uid"]}))
            .collect()
    };
    json!({"namespaces": refs(namespaces, "namespace"), "rbacs": refs(rbacs, "rbac")})
}

pub(super) async fn get_namespaces(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let items = record.doc["_emu"]["namespaces"].clone();
    wire::ok::<m::ClusterNamespaceResources>(
        json!({"items": items.as_array().cloned().unwrap_or_default()}),
    )
}

pub(super) async fn get_rbacs(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
) -> ApiResult<Response> {
    let (record, _) = find_cluster(&state, &ctx, &uid)?;
    let items = record.doc["_emu"]["rbacs"].clone();
    wire::ok::<m::ClusterRbacs>(json!({"items": items.as_array().cloned().unwrap_or_default()}))
}

/// Replaces one of the two lists (`key`) and the references to both.
fn replace(
    state: &AppState,
    ctx: &Ctx,
    uid: &str,
    key: &str,
    items: Vec<Value>,
) -> ApiResult<Response> {
    let _guard = state.write_guard();
    let (mut record, deployment) = find_cluster(state, ctx, uid)?;
    refuse_if_deleting(&deployment, &record.name)?;
    record.doc["_emu"][key] = json!(items);
    let namespaces = wire::array_at(&record.doc, "/_emu/namespaces").to_vec();
    let rbacs = wire::array_at(&record.doc, "/_emu/rbacs").to_vec();
    record.doc["spec"]["clusterConfig"]["resources"] = references(&namespaces, &rbacs);
    record.doc["metadata"]["lastModifiedTimestamp"] = json!(ids::now_rfc3339());
    state.store().put(record)?;
    Ok(wire::no_content())
}

pub(super) async fn put_namespaces(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterNamespaceResourcesUpdateEntity = wire::body(&body)?;
    let items = namespaces(&input.namespaces.unwrap_or_default(), "namespaces")?;
    replace(&state, &ctx, &uid, "namespaces", items)
}

pub(super) async fn put_rbacs(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(uid): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let input: m::ClusterRbacResourcesUpdateEntity = wire::body(&body)?;
    let items = rbacs(&input.rbacs.unwrap_or_default(), "rbacs")?;
    replace(&state, &ctx, &uid, "rbacs", items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn binding(kind: &str, role_kind: &str, namespace: Option<&str>) -> m::ClusterRbacBinding {
        m::ClusterRbacBinding {
            namespace: namespace.map(str::to_owned),
            role: Some(m::ClusterRoleRef {
                kind: Some(role_kind.into()),
                name: Some("view".into()),
            }),
            subjects: Some(vec![m::ClusterRbacSubject {
                name: Some("team".into()),
                namespace: None,
                type_: Some("Group".into()),
            }]),
            type_: Some(kind.into()),
        }
    }

    #[test]
    fn bindings_kubernetes_refuses_are_refused() {
        assert!(check_binding(&binding("ClusterRoleBinding", "ClusterRole", None), "b").is_ok());
        assert!(check_binding(&binding("RoleBinding", "Role", Some("apps")), "b").is_ok());
        assert!(check_binding(&binding("RoleBinding", "ClusterRole", Some("apps")), "b").is_ok());
        assert!(check_binding(&binding("ClusterRoleBinding", "Role", None), "b").is_err());
        assert!(
            check_binding(
                &binding("ClusterRoleBinding", "ClusterRole", Some("x")),
                "b"
            )
            .is_err()
        );
        assert!(check_binding(&binding("RoleBinding", "Role", None), "b").is_err());
    }

    #[test]
    fn namespace_names_are_dns_labels() {
        assert!(dns_label("team-a") && dns_label("a1"));
        assert!(!dns_label("Team") && !dns_label("-a") && !dns_label("a_b") && !dns_label(""));
    }
}
