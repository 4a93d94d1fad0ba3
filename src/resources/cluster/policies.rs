//! The cluster's policies: namespaces (with CPU and memory quotas), RBAC role bindings, the
//! backup policy and the compliance-scan policy: their blocks, plan checks, the API entities,
//! and the read-back. Each binding block is one role binding; Palette keeps each as its own RBAC
//! entry, so the order reads back as written.

use std::collections::BTreeMap;

use palette_api::models::{
    ClusterBackup, ClusterBackupConfig, ClusterComplianceScan, ClusterComplianceScheduleConfig,
    ClusterFeatureSchedule, ClusterNamespaceResource, ClusterNamespaceResourceAllocation,
    ClusterNamespaceResourceInputEntity, ClusterNamespaceSpec, ClusterRbac, ClusterRbacBinding,
    ClusterRbacInputEntity, ClusterRbacSpec, ClusterRbacSubject, ClusterResourcesEntity,
    ClusterRoleRef, ComplianceScanSchedule, GpuConfig, ResourceMeta, SpectroClusterPolicies,
};
use palette_stack::schedule::check_cron;
use tfplugin::validator::{at_least, one_of, regex_matches};
use tfplugin::value::Number;
use tfplugin::{
    Attribute, AttributePath, Block, Diagnostics, NestedBlock, Nesting, Value, ValueExt,
};

/// A Kubernetes namespace name: a DNS-1123 label.
const DNS_LABEL: &str = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";

/// The `namespace` and `rbac_binding` blocks.
pub(super) fn blocks() -> Vec<NestedBlock> {
    let namespace = Block::new()
        .description("A namespace Palette creates on the cluster, with optional quotas; in place.")
        .attribute(
            Attribute::string("name")
                .required()
                .validator(regex_matches(
                    DNS_LABEL,
                    "must be a DNS-1123 label: lowercase letters, digits and '-', at most 63, starting and ending with a letter or digit",
                ))
                .description("The namespace's name."),
        )
        .attribute(
            Attribute::number("cpu_cores")
                .optional()
                .description("CPU quota, in cores (above 0; fractions allowed)."),
        )
        .attribute(
            Attribute::int64("memory_mib")
                .optional()
                .validator(at_least(1))
                .description("Memory quota, in MiB."),
        )
        .attribute(
            Attribute::int64("gpu_limit")
                .optional()
                .validator(at_least(0))
                .description(
                    "GPU quota: how many GPUs the namespace's pods may request (NVIDIA's, the \
                     only GPUs Palette supports).",
                ),
        );
    let subject = Block::new()
        .description("Who the binding grants the role to.")
        .attribute(
            Attribute::string("type")
                .required()
                .validator(one_of(["User", "Group", "ServiceAccount"]))
                .description("`User`, `Group` or `ServiceAccount`."),
        )
        .attribute(
            Attribute::string("name")
                .required()
                .description("The subject's name."),
        )
        .attribute(
            Attribute::string("namespace")
                .optional()
                .description("The service account's namespace (service accounts only)."),
        );
    let binding = Block::new()
        .description("A role binding Palette keeps on the cluster; in place.")
        .attribute(
            Attribute::string("type")
                .required()
                .validator(one_of(["ClusterRoleBinding", "RoleBinding"]))
                .description(
                    "`ClusterRoleBinding` (cluster-wide) or `RoleBinding` (in `namespace`).",
                ),
        )
        .attribute(
            Attribute::string("namespace")
                .optional()
                .description("Where a `RoleBinding` binds; not for a `ClusterRoleBinding`."),
        )
        .attribute(
            Attribute::string("role_kind")
                .optional()
                .default("ClusterRole")
                .validator(one_of(["ClusterRole", "Role"]))
                .description(
                    "`ClusterRole` (default) or `Role`; a `ClusterRoleBinding` binds only a \
                     `ClusterRole`.",
                ),
        )
        .attribute(
            Attribute::string("role_name")
                .required()
                .description("The role's name, such as `view`."),
        )
        .block(NestedBlock::new("subject", Nesting::List, subject).min_items(1));
    vec![
        NestedBlock::new("namespace", Nesting::List, namespace),
        NestedBlock::new("rbac_binding", Nesting::List, binding),
        NestedBlock::new("backup_policy", Nesting::Single, backup_block()),
        NestedBlock::new("scan_policy", Nesting::Single, scan_block()),
    ]
}

/// The scans of `scan_policy`: attribute, API driver, what it is.
const SCANS: [(&str, &str, &str); 3] = [
    (
        "configuration_scan_schedule",
        "kubeBench",
        "the configuration scan (kube-bench: the CIS benchmark)",
    ),
    (
        "penetration_scan_schedule",
        "kubeHunter",
        "the penetration scan (kube-hunter)",
    ),
    (
        "conformance_scan_schedule",
        "sonobuoy",
        "the conformance scan (Sonobuoy)",
    ),
];

fn backup_block() -> Block {
    Block::new()
        .description("Scheduled backups of the cluster; in place, and removed with the block.")
        .attribute(
            Attribute::string("backup_storage_location_id")
                .required()
                .description("Uid of the backup storage location (`palette_backup_storage_location`)."),
        )
        .attribute(Attribute::string("prefix").required().description("Prefix of the backups' names."))
        .attribute(
            Attribute::string("schedule")
                .required()
                .description("When to back up, as a five-field cron expression such as `0 1 * * *`."),
        )
        .attribute(
            Attribute::int64("expiry_in_hours")
                .required()
                .validator(at_least(1))
                .description("How long a backup is kept, in hours."),
        )
        .attribute(
            Attribute::bool("include_disks")
                .optional()
                .default(true)
                .description("Snapshot the persistent volumes too (default true)."),
        )
        .attribute(
            Attribute::string("include_cluster_resources")
                .optional()
                .default("Always")
                .validator(one_of(["Always", "Auto", "Never"]))
                .description(
                    "Which cluster-wide resources a backup takes: `Always` (default: all of them; the backup restores only on this cluster), `Auto` (only the persistent volumes of the namespaces backed up) or `Never`.",
                ),
        )
        .attribute(
            Attribute::list("namespaces", tfplugin::Type::String)
                .optional()
                .description("The namespaces to back up; every namespace when left out."),
        )
}

fn scan_block() -> Block {
    let mut block = Block::new().description(
        "Scheduled compliance scans of the cluster; set at least one; in place. Removing the \
         block turns every scan off.",
    );
    for (attr, _, what) in SCANS {
        block = block.attribute(Attribute::string(attr).optional().description(format!(
            "When to run {what}, as a five-field cron expression."
        )));
    }
    block
}

/// Plan checks that span attributes: unique namespaces, positive CPU quotas, the binding rules
/// Kubernetes applies. Unknown values wait.
pub(super) fn check(config: &Value, diags: &mut Diagnostics) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, ns) in config.get_elements("namespace").iter().enumerate() {
        let at = AttributePath::root("namespace").index(i as i64);
        if let Some(name) = ns.get_str("name") {
            if seen.contains(&name) {
                diags.attribute_error(
                    at.clone().attr("name"),
                    "Duplicate Namespace",
                    format!("Namespace {name:?} is given twice."),
                );
            }
            seen.push(name);
        }
        if ns
            .get("cpu_cores")
            .and_then(Value::as_number)
            .is_some_and(|n| n.as_f64() <= 0.0)
        {
            diags.attribute_error(
                at.attr("cpu_cores"),
                "Invalid CPU Quota",
                "A CPU quota must be above 0 cores.",
            );
        }
    }
    for (i, binding) in config.get_elements("rbac_binding").iter().enumerate() {
        check_binding(
            binding,
            AttributePath::root("rbac_binding").index(i as i64),
            diags,
        );
    }
    let cron = |block: &str, attr: &str, value: Option<&Value>, diags: &mut Diagnostics| {
        if let Some(Err(err)) = value.and_then(Value::as_str).map(check_cron) {
            diags.attribute_error(
                AttributePath::root(block).attr(attr),
                "Invalid Schedule",
                format!("{err}."),
            );
        }
    };
    if let Some(backup) = config
        .get("backup_policy")
        .filter(|b| !b.is_unknown() && !b.is_null())
    {
        cron("backup_policy", "schedule", backup.get("schedule"), diags);
    }
    if let Some(scan) = config
        .get("scan_policy")
        .filter(|b| !b.is_unknown() && !b.is_null())
    {
        for (attr, _, _) in SCANS {
            cron("scan_policy", attr, scan.get(attr), diags);
        }
        if SCANS
            .iter()
            .all(|(attr, _, _)| scan.get(attr).is_none_or(Value::is_null))
        {
            diags.attribute_error(
                AttributePath::root("scan_policy"),
                "Empty Scan Policy",
                "A scan policy schedules at least one scan: set `configuration_scan_schedule`, \
                 `penetration_scan_schedule` or `conformance_scan_schedule`, or remove the block.",
            );
        }
    }
}

fn schedule(text: Option<&str>) -> Option<ClusterFeatureSchedule> {
    text.map(|t| ClusterFeatureSchedule {
        scheduled_run_time: Some(t.to_owned()),
    })
}

/// The backup policy as the API takes it.
pub(super) fn backup_entity(value: &Value) -> Option<ClusterBackupConfig> {
    let b = value.get("backup_policy").filter(|b| !b.is_null())?;
    Some(ClusterBackupConfig {
        backup_location_uid: b.get_str("backup_storage_location_id").map(str::to_owned),
        backup_prefix: b.get_str("prefix").map(str::to_owned),
        duration_in_hours: b.get_i64("expiry_in_hours"),
        include_all_disks: Some(b.get_bool("include_disks").unwrap_or(true)),
        include_cluster_resource_mode: Some(
            b.get_str("include_cluster_resources")
                .unwrap_or("Always")
                .to_owned(),
        ),
        namespaces: b.get("namespaces").and_then(Value::as_elements).map(|ns| {
            ns.iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        }),
        schedule: schedule(b.get_str("schedule")),
        ..Default::default()
    })
}

/// The scan policy as the API takes it.
pub(super) fn scan_entity(value: &Value) -> Option<ClusterComplianceScheduleConfig> {
    let s = value.get("scan_policy").filter(|s| !s.is_null())?;
    let driver = |attr: &str| {
        s.get_str(attr).map(|t| ComplianceScanSchedule {
            schedule: schedule(Some(t)),
        })
    };
    Some(ClusterComplianceScheduleConfig {
        kube_bench: driver(SCANS[0].0),
        kube_hunter: driver(SCANS[1].0),
        sonobuoy: driver(SCANS[2].0),
    })
}

/// Both policies for a create body, or `None` when the configuration has neither.
pub(super) fn create_policies(value: &Value) -> Option<SpectroClusterPolicies> {
    let (backup, scan) = (backup_entity(value), scan_entity(value));
    (backup.is_some() || scan.is_some()).then_some(SpectroClusterPolicies {
        backup_policy: backup,
        scan_policy: scan,
    })
}

/// The `backup_policy` block from what Palette reports (null without one).
pub(super) fn backup_value(backup: Option<&ClusterBackup>) -> Value {
    let Some(config) = backup
        .and_then(|b| b.spec.as_ref())
        .and_then(|s| s.config.as_ref())
    else {
        return Value::Null;
    };
    object(vec![
        (
            "backup_storage_location_id",
            opt(config.backup_location_uid.as_deref()),
        ),
        ("prefix", opt(config.backup_prefix.as_deref())),
        (
            "schedule",
            opt(config
                .schedule
                .as_ref()
                .and_then(|s| s.scheduled_run_time.as_deref())),
        ),
        (
            "expiry_in_hours",
            config.duration_in_hours.map_or(Value::Null, Value::from),
        ),
        (
            "include_disks",
            Value::from(config.include_all_disks.unwrap_or(true)),
        ),
        (
            "include_cluster_resources",
            Value::from(
                config
                    .include_cluster_resource_mode
                    .clone()
                    .unwrap_or_else(|| "Always".to_owned()),
            ),
        ),
        (
            "namespaces",
            config
                .namespaces
                .as_ref()
                .filter(|n| !n.is_empty())
                .map_or(Value::Null, |ns| {
                    Value::List(ns.iter().map(|n| Value::from(n.clone())).collect())
                }),
        ),
    ])
}

/// The `scan_policy` block from what Palette reports (null without one, or with every scan
/// off).
pub(super) fn scan_value(scan: Option<&ClusterComplianceScan>) -> Value {
    let drivers = scan
        .and_then(|s| s.spec.as_ref())
        .and_then(|s| s.driver_spec.clone())
        .unwrap_or_default();
    let values: Vec<(&str, Value)> = SCANS
        .iter()
        .map(|(attr, driver, _)| {
            let text = drivers
                .get(*driver)
                .and_then(|d| d.config.as_ref())
                .and_then(|c| c.schedule.as_ref())
                .and_then(|s| s.scheduled_run_time.as_deref());
            (*attr, opt(text))
        })
        .collect();
    if values.iter().all(|(_, v)| v.is_null()) {
        return Value::Null;
    }
    object(values)
}

fn check_binding(binding: &Value, at: AttributePath, diags: &mut Diagnostics) {
    let namespace = binding.get("namespace").unwrap_or(&Value::Null);
    match binding.get_str("type") {
        Some("ClusterRoleBinding") => {
            if binding.get_str("role_kind") == Some("Role") {
                diags.attribute_error(
                    at.clone().attr("role_kind"),
                    "Role Kind Not Bindable",
                    "A ClusterRoleBinding binds a ClusterRole: a Role exists only inside its \
                     namespace. Use a RoleBinding with `namespace`, or a ClusterRole.",
                );
            }
            if !namespace.is_null() && !namespace.is_unknown() {
                diags.attribute_error(
                    at.clone().attr("namespace"),
                    "Namespace Not Allowed",
                    "A ClusterRoleBinding is cluster-wide and has no namespace; remove it, or \
                     use a RoleBinding.",
                );
            }
        }
        Some("RoleBinding") if namespace.is_null() => diags.attribute_error(
            at.clone().attr("namespace"),
            "Missing Namespace",
            "A RoleBinding binds in one namespace; set `namespace`.",
        ),
        _ => {}
    }
    for (j, subject) in binding.get_elements("subject").iter().enumerate() {
        if subject.get_str("type") == Some("ServiceAccount")
            && subject.get("namespace").is_none_or(Value::is_null)
        {
            diags.attribute_error(
                at.clone().attr("subject").index(j as i64).attr("namespace"),
                "Missing Namespace",
                "A service account lives in a namespace; set the subject's `namespace`.",
            );
        }
    }
}

fn opt(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |v| Value::from(v.to_owned()))
}

/// The namespaces as the API takes them.
pub(super) fn namespace_entities(value: &Value) -> Vec<ClusterNamespaceResourceInputEntity> {
    value
        .get_elements("namespace")
        .iter()
        .map(|ns| {
            let cpu = ns
                .get("cpu_cores")
                .and_then(Value::as_number)
                .map(Number::as_f64);
            let memory = ns.get_i64("memory_mib").map(|m| m as f64);
            let gpu = ns.get_i64("gpu_limit").map(|limit| GpuConfig {
                limit: Some(limit.clamp(0, i64::from(i32::MAX)) as i32),
                provider: Some("nvidia".to_owned()),
            });
            ClusterNamespaceResourceInputEntity {
                metadata: Some(ResourceMeta {
                    name: ns.get_str("name").map(str::to_owned),
                }),
                spec: Some(ClusterNamespaceSpec {
                    is_regex: false,
                    resource_allocation: (cpu.is_some() || memory.is_some() || gpu.is_some())
                        .then_some(ClusterNamespaceResourceAllocation {
                            cpu_cores: cpu,
                            memory_mi_b: memory,
                            gpu_config: gpu,
                        }),
                    related_object: None,
                }),
            }
        })
        .collect()
}

/// The role bindings as the API takes them: one RBAC entry per binding.
pub(super) fn rbac_entities(value: &Value) -> Vec<ClusterRbacInputEntity> {
    value
        .get_elements("rbac_binding")
        .iter()
        .map(|b| {
            let subjects = b
                .get_elements("subject")
                .iter()
                .map(|s| ClusterRbacSubject {
                    name: s.get_str("name").map(str::to_owned),
                    namespace: s.get_str("namespace").map(str::to_owned),
                    type_: s.get_str("type").map(str::to_owned),
                })
                .collect();
            ClusterRbacInputEntity {
                metadata: None,
                spec: Some(ClusterRbacSpec {
                    bindings: Some(vec![ClusterRbacBinding {
                        namespace: b.get_str("namespace").map(str::to_owned),
                        role: Some(ClusterRoleRef {
                            kind: Some(b.get_str("role_kind").unwrap_or("ClusterRole").to_owned()),
                            name: b.get_str("role_name").map(str::to_owned),
                        }),
                        subjects: Some(subjects),
                        type_: b.get_str("type").map(str::to_owned),
                    }]),
                    is_system: None,
                    related_object: None,
                }),
            }
        })
        .collect()
}

/// What a create body carries for both, or `None` when the configuration has neither.
pub(super) fn create_entity(value: &Value) -> Option<ClusterResourcesEntity> {
    let namespaces = namespace_entities(value);
    let rbacs = rbac_entities(value);
    (!namespaces.is_empty() || !rbacs.is_empty()).then(|| ClusterResourcesEntity {
        namespaces: (!namespaces.is_empty()).then_some(namespaces),
        rbacs: (!rbacs.is_empty()).then_some(rbacs),
    })
}

fn object(pairs: Vec<(&str, Value)>) -> Value {
    Value::Object(
        pairs
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect::<BTreeMap<_, _>>(),
    )
}

/// The `namespace` list from what Palette reports.
pub(super) fn namespaces_value(items: &[ClusterNamespaceResource]) -> Value {
    Value::List(
        items
            .iter()
            .map(|ns| {
                let allocation = ns
                    .spec
                    .as_ref()
                    .and_then(|s| s.resource_allocation.clone())
                    .unwrap_or_default();
                let gpu = allocation.gpu_config.clone();
                object(vec![
                    (
                        "name",
                        opt(ns.metadata.as_ref().and_then(|m| m.name.as_deref())),
                    ),
                    (
                        "cpu_cores",
                        allocation
                            .cpu_cores
                            .and_then(Number::from_f64_shortest)
                            .map_or(Value::Null, Value::from),
                    ),
                    (
                        "memory_mib",
                        allocation
                            .memory_mi_b
                            .map_or(Value::Null, |m| Value::from(m.round() as i64)),
                    ),
                    (
                        "gpu_limit",
                        gpu.as_ref()
                            .and_then(|g| g.limit)
                            .map_or(Value::Null, |l| Value::from(i64::from(l))),
                    ),
                ])
            })
            .collect(),
    )
}

/// The `rbac_binding` list from what Palette reports: each entry's bindings in order; system
/// bindings Palette makes itself are not the configuration's.
pub(super) fn rbacs_value(items: &[ClusterRbac]) -> Value {
    Value::List(
        items
            .iter()
            .filter_map(|r| r.spec.as_ref())
            .filter(|s| s.is_system != Some(true))
            .flat_map(|s| s.bindings.iter().flatten())
            .map(|b| {
                let role = b.role.clone().unwrap_or_default();
                let subjects = b
                    .subjects
                    .iter()
                    .flatten()
                    .map(|s| {
                        object(vec![
                            ("type", opt(s.type_.as_deref())),
                            ("name", opt(s.name.as_deref())),
                            (
                                "namespace",
                                opt(s.namespace.as_deref().filter(|n| !n.is_empty())),
                            ),
                        ])
                    })
                    .collect();
                object(vec![
                    ("type", opt(b.type_.as_deref())),
                    (
                        "namespace",
                        opt(b.namespace.as_deref().filter(|n| !n.is_empty())),
                    ),
                    ("role_kind", opt(role.kind.as_deref())),
                    ("role_name", opt(role.name.as_deref())),
                    ("subject", Value::List(subjects)),
                ])
            })
            .collect(),
    )
}
