//! Day-2 settings of a cluster with endpoints of their own (agent upgrades, OS patching, the
//! time zone, the free-form metadata, the cluster as a host of virtual clusters), the one only a
//! create sets (worker pools updated in parallel), and the two that say how the provider takes a change through Palette's gates
//! (`repave_approval`, `apply_setting`): their schema, plan checks, writes and read-back.

use palette_api::models::{
    ClusterLocation, GeolocationLatlong, HostClusterConfig, HostClusterEndpoint,
    HostClusterEndpointConfig, IngressConfig, LoadBalancerConfig, OsPatchConfig, SpectroCluster,
    UPGRADE_FORBIDDEN_ANNOTATION,
};
use palette_api::{Client, ClusterSettings, Scope};
use palette_stack::cidr::Cidr;
use palette_stack::schedule::{check_cron, check_rfc3339, check_timezone};
use tfplugin::plan_modifier::use_state_for_unknown;
use tfplugin::validator::one_of;
use tfplugin::{
    Attribute, AttributePath, Block, Diagnostic, Diagnostics, NestedBlock, Nesting, Type, Value,
    ValueExt,
};

use crate::diagnostics;
use crate::environments::Environment;
use crate::wait::RepaveApproval;

/// `repave_approval` as the wait takes it.
pub(super) fn repave_approval_of(value: &Value) -> RepaveApproval {
    match value.get_str("repave_approval") {
        Some("manual") => RepaveApproval::Manual,
        _ => RepaveApproval::Automatic,
    }
}

/// `apply_setting` values: Palette's `spcApplySettings.actionType`.
pub(super) const INSTALL_NOW: &str = "DownloadAndInstall";
pub(super) const INSTALL_LATER: &str = "DownloadAndInstallLater";

/// The settings as plain Rust.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Settings {
    pub(super) pause_agent_upgrades: bool,
    pub(super) os_patch_on_boot: bool,
    pub(super) os_patch_schedule: Option<String>,
    pub(super) os_patch_after: Option<String>,
    /// `None` when the configuration leaves it to Palette.
    pub(super) timezone: Option<String>,
    /// Free-form metadata kept on the cluster.
    pub(super) meta_attribute: Option<String>,
    /// Whether worker pools are updated in parallel (set by a create only).
    pub(super) parallel_pools: bool,
    /// The cluster as a host of virtual clusters.
    pub(super) host: Option<HostSettings>,
    /// Where the cluster is (data-centre environments).
    pub(super) location: Option<Location>,
    /// HyperShift: the deployment type and the host cluster (MAAS; set by a create only).
    pub(super) hyper_shift: Option<(String, Option<String>)>,
}

/// The environments whose clusters people place on Palette's map themselves; a cloud's are
/// placed by their region.
const LOCATED: [&str; 5] = ["vsphere", "maas", "edge_native", "openstack", "nutanix"];

/// The `location` block: a point and the names Palette's map shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Location {
    pub(super) latitude: f64,
    pub(super) longitude: f64,
    pub(super) country_code: Option<String>,
    pub(super) country_name: Option<String>,
    pub(super) region_code: Option<String>,
    pub(super) region_name: Option<String>,
}

impl Location {
    fn from_value(block: &Value) -> Option<Location> {
        if block.is_null() || block.is_unknown() {
            return None;
        }
        let number = |name| {
            block
                .get(name)
                .and_then(Value::as_number)
                .map(|n| n.as_f64())
                .unwrap_or(0.0)
        };
        let text = |name| block.get_str(name).map(str::to_string);
        Some(Location {
            latitude: number("latitude"),
            longitude: number("longitude"),
            country_code: text("country_code"),
            country_name: text("country_name"),
            region_code: text("region_code"),
            region_name: text("region_name"),
        })
    }

    /// The API's form; an empty location clears it.
    fn entity(location: Option<&Location>) -> ClusterLocation {
        let Some(l) = location else {
            return ClusterLocation::default();
        };
        ClusterLocation {
            country_code: l.country_code.clone(),
            country_name: l.country_name.clone(),
            region_code: l.region_code.clone(),
            region_name: l.region_name.clone(),
            geo_loc: Some(GeolocationLatlong {
                latitude: Some(l.latitude),
                longitude: Some(l.longitude),
            }),
        }
    }

    /// What Palette reports, as the block reads it (`None` when it reports no point).
    fn read(location: Option<&ClusterLocation>) -> Option<Location> {
        let location = location?;
        let point = location.geo_loc.clone()?;
        let text = |t: &Option<String>| t.clone().filter(|t| !t.is_empty());
        Some(Location {
            latitude: point.latitude.unwrap_or_default(),
            longitude: point.longitude.unwrap_or_default(),
            country_code: text(&location.country_code),
            country_name: text(&location.country_name),
            region_code: text(&location.region_code),
            region_name: text(&location.region_name),
        })
    }

    fn to_value(location: Option<&Location>) -> Value {
        let Some(l) = location else {
            return Value::Null;
        };
        // The decimal people write (and Terraform generates) for the float Palette reports.
        let number = |n: f64| {
            tfplugin::Number::from_f64_shortest(n)
                .map(Value::from)
                .unwrap_or(Value::Null)
        };
        let text = |t: &Option<String>| t.clone().map(Value::from).unwrap_or(Value::Null);
        Value::Object(std::collections::BTreeMap::from([
            ("latitude".to_string(), number(l.latitude)),
            ("longitude".to_string(), number(l.longitude)),
            ("country_code".to_string(), text(&l.country_code)),
            ("country_name".to_string(), text(&l.country_name)),
            ("region_code".to_string(), text(&l.region_code)),
            ("region_name".to_string(), text(&l.region_name)),
        ]))
    }
}

/// The `host_config` block: the cluster hosts virtual clusters, whose API servers are exposed
/// through an ingress or a load balancer.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct HostSettings {
    /// `Ingress` or `LoadBalancer`.
    pub(super) endpoint_type: String,
    pub(super) ingress_host: Option<String>,
    pub(super) external_traffic_policy: Option<String>,
    pub(super) source_ranges: Vec<String>,
}

impl HostSettings {
    fn from_value(block: &Value) -> Option<HostSettings> {
        if block.is_null() {
            return None;
        }
        Some(HostSettings {
            endpoint_type: block
                .get_str("host_endpoint_type")
                .unwrap_or("Ingress")
                .to_string(),
            ingress_host: block.get_str("ingress_host").map(str::to_string),
            external_traffic_policy: block.get_str("external_traffic_policy").map(str::to_string),
            source_ranges: block
                .get("load_balancer_source_ranges")
                .and_then(Value::as_elements)
                .map(|l| {
                    l.iter()
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
        })
    }

    /// The API's form; `None` is "not a host cluster".
    fn entity(host: Option<&HostSettings>) -> HostClusterConfig {
        let Some(host) = host else {
            return HostClusterConfig {
                is_host_cluster: Some(false),
                ..Default::default()
            };
        };
        let ingress = host.endpoint_type == "Ingress";
        HostClusterConfig {
            is_host_cluster: Some(true),
            cluster_endpoint: Some(HostClusterEndpoint {
                type_: Some(host.endpoint_type.clone()),
                config: Some(HostClusterEndpointConfig {
                    ingress_config: ingress.then(|| IngressConfig {
                        host: host.ingress_host.clone(),
                        port: None,
                    }),
                    load_balancer_config: (!ingress).then(|| LoadBalancerConfig {
                        external_traffic_policy: host.external_traffic_policy.clone(),
                        load_balancer_source_ranges: (!host.source_ranges.is_empty())
                            .then(|| host.source_ranges.clone()),
                        external_ips: None,
                    }),
                }),
            }),
            ..Default::default()
        }
    }

    /// What Palette reports, as the block reads it (`None` when the cluster hosts none).
    fn read(config: Option<&HostClusterConfig>) -> Option<HostSettings> {
        let config = config.filter(|c| c.is_host_cluster == Some(true))?;
        let endpoint = config.cluster_endpoint.clone().unwrap_or_default();
        let inner = endpoint.config.unwrap_or_default();
        let lb = inner.load_balancer_config.unwrap_or_default();
        Some(HostSettings {
            endpoint_type: endpoint.type_.unwrap_or_else(|| "Ingress".to_string()),
            ingress_host: inner
                .ingress_config
                .and_then(|i| i.host)
                .filter(|h| !h.is_empty()),
            external_traffic_policy: lb.external_traffic_policy.filter(|p| !p.is_empty()),
            source_ranges: lb.load_balancer_source_ranges.unwrap_or_default(),
        })
    }

    fn to_value(host: Option<&HostSettings>) -> Value {
        let Some(host) = host else {
            return Value::Null;
        };
        let text = |s: &Option<String>| s.clone().map(Value::from).unwrap_or(Value::Null);
        Value::Object(std::collections::BTreeMap::from([
            (
                "host_endpoint_type".to_string(),
                Value::from(host.endpoint_type.clone()),
            ),
            ("ingress_host".to_string(), text(&host.ingress_host)),
            (
                "external_traffic_policy".to_string(),
                text(&host.external_traffic_policy),
            ),
            (
                "load_balancer_source_ranges".to_string(),
                if host.source_ranges.is_empty() {
                    Value::Null
                } else {
                    Value::List(
                        host.source_ranges
                            .iter()
                            .cloned()
                            .map(Value::from)
                            .collect(),
                    )
                },
            ),
        ]))
    }
}

impl Settings {
    pub(super) fn from_value(value: &Value) -> Settings {
        Settings {
            pause_agent_upgrades: value.get_bool("pause_agent_upgrades").unwrap_or(false),
            os_patch_on_boot: value.get_bool("os_patch_on_boot").unwrap_or(false),
            os_patch_schedule: value.get_str("os_patch_schedule").map(str::to_string),
            os_patch_after: value.get_str("os_patch_after").map(str::to_string),
            timezone: value.get_str("cluster_timezone").map(str::to_string),
            meta_attribute: value.get_str("cluster_meta_attribute").map(str::to_string),
            parallel_pools: value
                .get_bool("update_worker_pools_in_parallel")
                .unwrap_or(false),
            host: value.get("host_config").and_then(HostSettings::from_value),
            location: value.get("location").and_then(Location::from_value),
            hyper_shift: value
                .get("hyper_shift_config")
                .and_then(|b| Some((b.get_str("cluster_deployment_type")?.to_string(), b)))
                .map(|(kind, b)| (kind, b.get_str("host_cluster_uid").map(str::to_string))),
        }
    }

    fn os_patch(&self) -> OsPatchConfig {
        OsPatchConfig {
            on_demand_patch_after: self.os_patch_after.clone(),
            patch_on_boot: Some(self.os_patch_on_boot),
            reboot_if_required: None,
            schedule: Some(self.os_patch_schedule.clone().unwrap_or_default()),
        }
    }

    fn patches(&self) -> bool {
        self.os_patch_on_boot || self.os_patch_schedule.is_some() || self.os_patch_after.is_some()
    }

    /// What goes in the create body's `clusterConfig`. A custom cloud's (Nutanix) body has no
    /// place for the metadata or the host configuration (they follow the create, see
    /// [`Settings::carried_by_create`]), nor for parallel pool updates (refused at plan).
    pub(super) fn create(&self, custom_cloud: bool) -> ClusterSettings {
        ClusterSettings {
            timezone: self.timezone.clone(),
            os_patch: self.patches().then(|| self.os_patch()),
            resources: None,
            policies: None,
            meta_attribute: if custom_cloud {
                None
            } else {
                self.meta_attribute.clone()
            },
            update_worker_pools_in_parallel: (!custom_cloud && self.parallel_pools).then_some(true),
            host_cluster: if custom_cloud {
                None
            } else {
                self.host.as_ref().map(|h| HostSettings::entity(Some(h)))
            },
            location: self.location.as_ref().map(|l| Location::entity(Some(l))),
            hyper_shift: self.hyper_shift.clone().map(|(kind, host)| {
                palette_api::models::HyperShiftConfig {
                    cluster_deployment_type: Some(kind),
                    host_cluster_uid: host,
                }
            }),
        }
    }

    /// The settings a create body carries, as [`Settings::apply`] compares them: what is left
    /// (the agent upgrades always, and the metadata and host configuration on a custom cloud)
    /// is sent by an `apply` against this once the cluster exists.
    pub(super) fn carried_by_create(&self, custom_cloud: bool) -> Settings {
        Settings {
            pause_agent_upgrades: false,
            meta_attribute: if custom_cloud {
                None
            } else {
                self.meta_attribute.clone()
            },
            host: if custom_cloud {
                None
            } else {
                self.host.clone()
            },
            ..self.clone()
        }
    }

    /// Writes into `state` the settings an `apply` after the create left as `carried` has them,
    /// when that apply failed: the state then says what Palette has.
    pub(super) fn write_unapplied(carried: &Settings, state: &mut Value) {
        state.set("pause_agent_upgrades", carried.pause_agent_upgrades);
        state.set(
            "cluster_meta_attribute",
            carried
                .meta_attribute
                .clone()
                .map(Value::from)
                .unwrap_or(Value::Null),
        );
        state.set("host_config", HostSettings::to_value(carried.host.as_ref()));
    }

    /// Sends what changed from `old`. Each call is its own endpoint, so a failure names it.
    pub(super) async fn apply(
        &self,
        client: &Client,
        scope: &Scope,
        uid: &str,
        name: &str,
        old: &Settings,
    ) -> Result<(), Diagnostic> {
        let fail = |what: &str| {
            let what = format!("{what} of cluster {name:?}");
            move |err: palette_api::Error| {
                diagnostics::api_error("Update Cluster Error", &what, &err)
            }
        };
        if self.pause_agent_upgrades != old.pause_agent_upgrades {
            client
                .set_cluster_agent_upgrades(scope, uid, self.pause_agent_upgrades)
                .await
                .map_err(fail("setting the agent upgrades"))?;
        }
        let patch_changed = self.os_patch_on_boot != old.os_patch_on_boot
            || self.os_patch_schedule != old.os_patch_schedule
            || self.os_patch_after != old.os_patch_after;
        if patch_changed {
            client
                .patch_cluster_os_patch(scope, uid, &self.os_patch())
                .await
                .map_err(fail("setting the OS patching"))?;
        }
        if let Some(zone) = &self.timezone
            && self.timezone != old.timezone
        {
            client
                .patch_cluster_timezone(scope, uid, zone)
                .await
                .map_err(fail("setting the time zone"))?;
        }
        if self.meta_attribute != old.meta_attribute {
            client
                .patch_cluster_meta_attribute(
                    scope,
                    uid,
                    self.meta_attribute.as_deref().unwrap_or_default(),
                )
                .await
                .map_err(fail("setting the cluster metadata"))?;
        }
        if self.location != old.location {
            client
                .put_cluster_location(scope, uid, &Location::entity(self.location.as_ref()))
                .await
                .map_err(fail("setting the location"))?;
        }
        if self.host != old.host {
            client
                .patch_cluster_host_config(scope, uid, &HostSettings::entity(self.host.as_ref()))
                .await
                .map_err(fail("setting the host cluster configuration"))?;
        }
        Ok(())
    }
}

/// The schema's attributes for these settings.
pub(super) fn attributes() -> Vec<Attribute> {
    vec![
        Attribute::string("repave_approval")
            .optional()
            .default("automatic")
            .validator(one_of(["automatic", "manual"]))
            .description(
                "Who approves a change that replaces nodes (a new OS or Kubernetes layer, its \
                 values, a pool's instance type, ...) when Palette holds it for review: \
                 `automatic` (default: applying the plan is the approval; the provider approves \
                 the pending repave and logs why it was needed) or `manual` (the provider waits \
                 for someone to approve it in Palette, saying at once in the log which pools are \
                 repaved and why, and at the update timeout in the error). Not read from Palette: \
                 it is how this provider acts.",
            ),
        Attribute::string("apply_setting")
            .optional()
            .default(INSTALL_NOW)
            .validator(one_of([INSTALL_NOW, INSTALL_LATER]))
            .description(
                "How Palette applies a profile change: `DownloadAndInstall` (default: at once; \
                 the update waits until Palette reports the change applied and its layers ready) \
                 or `DownloadAndInstallLater` (the cluster downloads it and installs it when \
                 someone applies it in Palette; the update then returns with a warning and the \
                 layers stay as they were). Palette keeps it per change, not per cluster, so it \
                 is not read back.",
            ),
        Attribute::bool("pause_agent_upgrades")
            .optional()
            .default(false)
            .description(
                "Pause the upgrades of the Palette agent on the cluster (Palette's `lock`); in \
                 place. Read from the cluster's `spectroComponentsUpgradeForbidden` annotation.",
            ),
        Attribute::bool("os_patch_on_boot")
            .optional()
            .default(false)
            .description(
                "Patch the nodes' OS with the latest security updates when they first boot; in \
                 place. Not on Edge, where Palette ignores OS patch settings.",
            ),
        Attribute::string("os_patch_schedule")
            .optional()
            .description(
                "When to patch the nodes' OS, as a five-field cron expression such as \
                 `0 2 * * SUN`; in place. Not on Edge.",
            ),
        Attribute::string("os_patch_after").optional().description(
            "Patch the nodes' OS once, after this RFC 3339 time (such as \
                 `2026-12-31T23:00:00Z`); in place. Not on Edge.",
        ),
        Attribute::string("cluster_timezone")
            .optional()
            .computed()
            .plan_modifier(use_state_for_unknown())
            .description(
                "The cluster's time zone, an IANA name such as `Europe/Paris` (schedules run in \
                 it); in place. Left to Palette when unset.",
            ),
        Attribute::string("cluster_meta_attribute")
            .optional()
            .description(
                "Free-form metadata Palette keeps on the cluster for other tools to read (often \
             JSON); in place.",
            ),
        Attribute::bool("update_worker_pools_in_parallel")
            .optional()
            .default(false)
            .description(
                "Roll a change out to every worker pool at once instead of one pool after \
                 another. Set when the cluster is made: Palette has no endpoint that changes it \
                 on a running cluster, so a change is refused at plan (replace the cluster with \
                 `terraform apply -replace` if that is what you want). Not on Nutanix, whose \
                 create body has no place for it.",
            ),
    ]
}

/// The blocks of these settings: `host_config`.
pub(super) fn blocks() -> Vec<NestedBlock> {
    let host = Block::new()
        .description(
            "Makes the cluster a host of Palette virtual clusters, and says how their API \
             servers are exposed; in place (removing the block stops it hosting them).",
        )
        .attribute(
            Attribute::string("host_endpoint_type")
                .optional()
                .default("Ingress")
                .validator(one_of(["Ingress", "LoadBalancer"]))
                .description("`Ingress` (default) or `LoadBalancer`."),
        )
        .attribute(Attribute::string("ingress_host").optional().description(
            "The ingress host name under which the virtual clusters' API servers are reached \
             (`Ingress` only).",
        ))
        .attribute(
            Attribute::string("external_traffic_policy")
                .optional()
                .validator(one_of(["Cluster", "Local"]))
                .description(
                    "The load balancer services' `externalTrafficPolicy`: `Cluster` or `Local` \
                     (`LoadBalancer` only).",
                ),
        )
        .attribute(
            Attribute::list("load_balancer_source_ranges", Type::String)
                .optional()
                .description("CIDRs allowed to reach the load balancers (`LoadBalancer` only)."),
        );
    let number = |name: &str, description: &str| {
        Attribute::number(name)
            .required()
            .description(description.to_string())
    };
    let text = |name: &str, description: &str| {
        Attribute::string(name)
            .optional()
            .description(description.to_string())
    };
    let location = Block::new()
        .description(
            "Where the cluster is, shown on Palette's map (the official `location_config`); in \
             place. Only on vSphere, MAAS, Edge, OpenStack and Nutanix: Palette places a cloud \
             cluster by its region.",
        )
        .attribute(number("latitude", "Latitude, from -90 to 90."))
        .attribute(number("longitude", "Longitude, from -180 to 180."))
        .attribute(text("country_code", "Country code, such as `US`."))
        .attribute(text("country_name", "Country name."))
        .attribute(text("region_code", "Region code, such as `CA`."))
        .attribute(text("region_name", "Region name."));
    let hyper_shift = Block::new()
        .description(
            "HyperShift on MAAS (refused at plan elsewhere): `hypershift` makes the cluster a \
             HyperShift management cluster, which hosts the control planes of OpenShift \
             clusters; `openshift` makes it an OpenShift cluster whose control plane is hosted \
             by the management cluster `host_cluster_uid` (required then, and refused with \
             `hypershift`; checked at plan to be a HyperShift management cluster where it \
             exists). Set when the cluster is made (Palette's create body only): a change \
             replaces the cluster. Read back for drift and import.",
        )
        .attribute(
            Attribute::string("cluster_deployment_type")
                .required()
                .validator(one_of(["hypershift", "openshift"]))
                .plan_modifier(tfplugin::plan_modifier::requires_replace())
                .description(
                    "`hypershift` (a management cluster) or `openshift` (a hosted control plane).",
                ),
        )
        .attribute(
            Attribute::string("host_cluster_uid")
                .optional()
                .plan_modifier(tfplugin::plan_modifier::requires_replace())
                .description(
                    "Uid of the HyperShift management cluster (a `palette_cluster` with \
                     `cluster_deployment_type = \"hypershift\"`) hosting this cluster's control \
                     plane; with `openshift` only.",
                ),
        );
    vec![
        NestedBlock::new("hyper_shift_config", Nesting::Single, hyper_shift),
        NestedBlock::new("host_config", Nesting::Single, host),
        NestedBlock::new("location", Nesting::Single, location),
    ]
}

/// Plan checks: the forms of the schedule, the time and the zone, and OS patching on Edge.
/// Unknown values wait.
pub(super) fn check(config: &Value, env: Option<&dyn Environment>, diags: &mut Diagnostics) {
    type Check = fn(&str) -> Result<(), String>;
    let checks: [(&str, Check, &str); 3] = [
        ("os_patch_schedule", check_cron, "Invalid OS Patch Schedule"),
        ("os_patch_after", check_rfc3339, "Invalid OS Patch Time"),
        ("cluster_timezone", check_timezone, "Invalid Time Zone"),
    ];
    for (name, check, summary) in checks {
        if let Some(Err(err)) = config.get_str(name).map(check) {
            diags.attribute_error(AttributePath::root(name), summary, format!("{err}."));
        }
    }
    check_host(config, diags);
    check_location(config, env, diags);
    check_hyper_shift(config, env, diags);
    let Some(env) = env else { return };
    if env.key() == "nutanix" && config.get_bool("update_worker_pools_in_parallel") == Some(true) {
        diags.attribute_error(
            AttributePath::root("update_worker_pools_in_parallel"),
            "Parallel Pool Updates Not On Nutanix",
            "Palette's create body for Nutanix clusters (a custom cloud) has no place for \
             `update_worker_pools_in_parallel`, and no endpoint sets it later; remove it.",
        );
    }
    if env.key() != "edge_native" {
        return;
    }
    for name in ["os_patch_on_boot", "os_patch_schedule", "os_patch_after"] {
        let set = match config.get(name) {
            None | Some(Value::Null) => false,
            Some(v) if v.is_unknown() => false,
            Some(v) => v.as_bool() != Some(false),
        };
        if set {
            diags.attribute_error(
                AttributePath::root(name),
                "OS Patching Not On Edge",
                format!(
                    "Palette ignores OS patch settings on Edge clusters (the OS comes with the \
                     Edge host's image, updated by the OS layer), so `{name}` would never take \
                     effect; remove it."
                ),
            );
        }
    }
}

/// The `host_config` fields that belong to the other endpoint type. Unknown values wait.
fn check_host(config: &Value, diags: &mut Diagnostics) {
    let Some(host) = config
        .get("host_config")
        .filter(|h| !h.is_null() && !h.is_unknown())
    else {
        return;
    };
    let kind = match host.get("host_endpoint_type") {
        None | Some(Value::Null) => "Ingress",
        Some(v) => match v.as_str() {
            Some(kind) => kind,
            None => return,
        },
    };
    let others: &[&str] = if kind == "Ingress" {
        &["external_traffic_policy", "load_balancer_source_ranges"]
    } else {
        &["ingress_host"]
    };
    for name in others {
        if host
            .get(name)
            .is_some_and(|v| !v.is_null() && !v.is_unknown())
        {
            diags.attribute_error(
                AttributePath::root("host_config").attr(*name),
                "Setting Of The Other Endpoint Type",
                format!(
                    "`{name}` does not apply to `host_endpoint_type = \"{kind}\"`: Palette reads \
                     `ingress_host` for `Ingress` only, and `external_traffic_policy` and \
                     `load_balancer_source_ranges` for `LoadBalancer` only."
                ),
            );
        }
    }
    for (i, range) in host
        .get("load_balancer_source_ranges")
        .and_then(Value::as_elements)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        if let Some(text) = range.as_str()
            && Cidr::parse(text).is_none()
        {
            diags.attribute_error(
                AttributePath::root("host_config")
                    .attr("load_balancer_source_ranges")
                    .index(i as i64),
                "Invalid CIDR",
                format!("{text:?} is not a CIDR block such as `10.0.0.0/16`."),
            );
        }
    }
}

/// A location's point is on the globe, and only the data-centre environments take one. Unknown
/// values wait.
fn check_location(config: &Value, env: Option<&dyn Environment>, diags: &mut Diagnostics) {
    // A `dynamic` block not known yet may still come out empty: it waits.
    let Some(block) = config
        .get("location")
        .filter(|b| !b.is_null() && !b.is_unknown())
    else {
        return;
    };
    if let Some(env) = env
        && !LOCATED.contains(&env.key())
    {
        diags.attribute_error(
            AttributePath::root("location"),
            "Location Of A Cloud Cluster",
            format!(
                "Palette places {} clusters on its map by their region, so `location` has no \
                 effect there; remove it (it is for vSphere, MAAS, Edge, OpenStack and Nutanix).",
                env.display_name()
            ),
        );
        return;
    }
    for (name, limit) in [("latitude", 90.0), ("longitude", 180.0)] {
        if let Some(n) = block.get(name).and_then(Value::as_number)
            && n.as_f64().abs() > limit
        {
            diags.attribute_error(
                AttributePath::root("location").attr(name),
                "Invalid Location",
                format!("The {name} must be from -{limit} to {limit}."),
            );
        }
    }
}

/// `hyper_shift_config`: MAAS only (`v1HyperShiftConfig`), and a host cluster exactly with
/// `openshift`. Unknown values wait.
fn check_hyper_shift(config: &Value, env: Option<&dyn Environment>, diags: &mut Diagnostics) {
    let Some(block) = config
        .get("hyper_shift_config")
        .filter(|b| !b.is_null() && !b.is_unknown())
    else {
        return;
    };
    let at = AttributePath::root("hyper_shift_config");
    if let Some(env) = env.filter(|e| e.key() != "maas") {
        diags.attribute_error(
            at.clone().attr("cluster_deployment_type"),
            "HyperShift Only On MAAS",
            format!(
                "Palette takes a HyperShift configuration on MAAS clusters only, not on {}; \
                 remove `hyper_shift_config`.",
                env.display_name()
            ),
        );
        return;
    }
    let kind = block.get("cluster_deployment_type").unwrap_or(&Value::Null);
    let host = block.get("host_cluster_uid").unwrap_or(&Value::Null);
    if kind.is_unknown() || host.is_unknown() {
        return;
    }
    match (kind.as_str(), host.is_null()) {
        (Some("openshift"), true) => diags.attribute_error(
            at.attr("cluster_deployment_type"),
            "Missing Host Cluster",
            "An `openshift` cluster's control plane is hosted by a HyperShift management \
             cluster: set `host_cluster_uid` to its uid.",
        ),
        (Some("hypershift"), false) => diags.attribute_error(
            at.attr("host_cluster_uid"),
            "Host Cluster Of A Management Cluster",
            "A `hypershift` management cluster runs its own control plane and hosts others'; \
             `host_cluster_uid` is for `openshift` clusters. Remove it.",
        ),
        _ => {}
    }
}

/// A change Palette cannot make on a running cluster, refused at plan rather than replacing
/// it: `update_worker_pools_in_parallel` is set by the create body only.
pub(super) fn check_change(state: &Value, plan: &Value, diags: &mut Diagnostics) {
    if state.is_null() || plan.is_null() {
        return;
    }
    let name = "update_worker_pools_in_parallel";
    let (Some(old), Some(new)) = (state.get_bool(name), plan.get_bool(name)) else {
        return;
    };
    if old != new {
        diags.attribute_error(
            AttributePath::root(name),
            "Set When The Cluster Is Made",
            format!(
                "Palette takes `{name}` only when a cluster is made and has no endpoint that \
                 changes it on a running cluster, so it stays {old}. Put it back, or replace the \
                 cluster on purpose with `terraform apply -replace`."
            ),
        );
    }
}

/// A setting the configuration leaves to Palette (`cluster_timezone` unset) plans as what
/// Palette has, not as unknown: nothing is sent for it, so nothing changes.
pub(super) fn keep_unmanaged(config: &Value, state: &Value, plan: &mut Value) {
    if state.is_null() || plan.is_null() {
        return;
    }
    if config.get("cluster_timezone").is_none_or(Value::is_null) {
        let prior = state
            .get("cluster_timezone")
            .cloned()
            .unwrap_or(Value::Null);
        plan.set("cluster_timezone", prior);
    }
}

/// Whether two RFC 3339 texts name the same instant as Palette writes them back (`Z` or
/// `+00:00`, with or without zero fractions).
fn same_instant(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        let s = s.replace("+00:00", "Z");
        match s.split_once('.') {
            Some((whole, rest)) if rest.trim_end_matches('Z').bytes().all(|b| b == b'0') => {
                format!("{whole}Z")
            }
            _ => s,
        }
    };
    norm(a) == norm(b)
}

/// Writes the settings Palette reports into `state`, keeping the state's text where it means
/// the same. `repave_approval` and `apply_setting` are not Palette's; an import sets their
/// defaults.
pub(super) fn refresh(
    state: &mut Value,
    cluster: &SpectroCluster,
    env: Option<&dyn Environment>,
    importing: bool,
) {
    let paused = cluster
        .metadata
        .as_ref()
        .and_then(|m| m.annotations.as_ref())
        .and_then(|a| a.get(UPGRADE_FORBIDDEN_ANNOTATION))
        .is_some_and(|v| v == "true");
    state.set("pause_agent_upgrades", paused);
    let config = cluster.spec.as_ref().and_then(|s| s.cluster_config.clone());
    let patch = config
        .as_ref()
        .and_then(|c| c.machine_management_config.clone())
        .and_then(|m| m.os_patch_config)
        .unwrap_or_default();
    state.set("os_patch_on_boot", patch.patch_on_boot.unwrap_or(false));
    state.set(
        "os_patch_schedule",
        patch
            .schedule
            .filter(|s| !s.is_empty())
            .map(Value::from)
            .unwrap_or(Value::Null),
    );
    let prior_after = state.get_str("os_patch_after").map(str::to_string);
    let after = patch.on_demand_patch_after.filter(|s| !s.is_empty());
    state.set(
        "os_patch_after",
        match (after, prior_after) {
            (Some(read), Some(prior)) if same_instant(&read, &prior) => Value::from(prior),
            (read, _) => read.map(Value::from).unwrap_or(Value::Null),
        },
    );
    state.set(
        "cluster_meta_attribute",
        config
            .as_ref()
            .and_then(|c| c.cluster_meta_attribute.clone())
            .filter(|m| !m.is_empty())
            .map(Value::from)
            .unwrap_or(Value::Null),
    );
    state.set(
        "update_worker_pools_in_parallel",
        config
            .as_ref()
            .and_then(|c| c.update_worker_pools_in_parallel)
            .unwrap_or(false),
    );
    let hyper_shift = config
        .as_ref()
        .and_then(|c| c.hyper_shift_config.clone())
        .and_then(|h| {
            let kind = h.cluster_deployment_type.filter(|k| !k.is_empty())?;
            Some(Value::Object(std::collections::BTreeMap::from([
                ("cluster_deployment_type".to_string(), Value::from(kind)),
                (
                    "host_cluster_uid".to_string(),
                    h.host_cluster_uid
                        .filter(|u| !u.is_empty())
                        .map(Value::from)
                        .unwrap_or(Value::Null),
                ),
            ])))
        });
    state.set("hyper_shift_config", hyper_shift.unwrap_or(Value::Null));
    let host = HostSettings::read(config.as_ref().and_then(|c| c.host_cluster_config.as_ref()));
    state.set("host_config", HostSettings::to_value(host.as_ref()));
    // A location is read where the configuration has one, and on import where people set one
    // (a cloud cluster's is Palette's, from its region).
    let located = env.is_some_and(|e| LOCATED.contains(&e.key()));
    if state.get("location").is_some_and(|l| !l.is_null()) || (importing && located) {
        let reported = cluster.status.as_ref().and_then(|s| s.location.as_ref());
        let read = Location::read(reported);
        let mut value = Location::to_value(read.as_ref());
        // The configuration's number for a coordinate that means the same stays as written.
        if let (Some(read), Some(prior)) = (read, state.get("location").cloned()) {
            for (name, reported) in [("latitude", read.latitude), ("longitude", read.longitude)] {
                if let Some(kept) = prior.get(name).filter(|v| {
                    v.as_number()
                        .is_some_and(|n| (n.as_f64() - reported).abs() < 1e-9)
                }) {
                    value.set(name, kept.clone());
                }
            }
        }
        state.set("location", value);
    }
    let zone = config.and_then(|c| c.timezone).filter(|z| !z.is_empty());
    state.set(
        "cluster_timezone",
        zone.map(Value::from).unwrap_or(Value::Null),
    );
    // Not Palette's: an import (or a state written before they existed) takes the defaults.
    for (name, default) in [
        ("repave_approval", "automatic"),
        ("apply_setting", INSTALL_NOW),
    ] {
        if importing || state.get(name).is_none_or(Value::is_null) {
            state.set(name, default);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn config(pairs: &[(&str, Value)]) -> Value {
        let mut map = BTreeMap::new();
        for name in [
            "os_patch_on_boot",
            "os_patch_schedule",
            "os_patch_after",
            "cluster_timezone",
        ] {
            map.insert(name.to_string(), Value::Null);
        }
        for (k, v) in pairs {
            map.insert(k.to_string(), v.clone());
        }
        Value::Object(map)
    }

    fn paths(config: &Value, env: &str) -> Vec<String> {
        let mut diags = Diagnostics::new();
        check(config, crate::environments::by_key(env), &mut diags);
        diags
            .iter()
            .map(|d| d.attribute.as_ref().unwrap().to_string())
            .collect()
    }

    #[test]
    fn hyper_shift_checks_tell_null_unknown_and_known_apart() {
        let hs = |kind: Value, host: Value| {
            config(&[(
                "hyper_shift_config",
                Value::Object(BTreeMap::from([
                    ("cluster_deployment_type".to_string(), kind),
                    ("host_cluster_uid".to_string(), host),
                ])),
            )])
        };
        let at = |f: &str| vec![format!("hyper_shift_config.{f}")];
        assert!(paths(&hs("hypershift".into(), Value::Null), "maas").is_empty());
        assert!(paths(&hs("openshift".into(), "h".into()), "maas").is_empty());
        assert_eq!(
            paths(&hs("openshift".into(), Value::Null), "maas"),
            at("cluster_deployment_type")
        );
        assert_eq!(
            paths(&hs("hypershift".into(), "h".into()), "maas"),
            at("host_cluster_uid")
        );
        assert!(
            paths(&hs("openshift".into(), Value::unknown()), "maas").is_empty(),
            "a host made in the same apply waits"
        );
        assert!(paths(&hs(Value::unknown(), "h".into()), "maas").is_empty());
        assert_eq!(
            paths(&hs("hypershift".into(), Value::Null), "aws"),
            at("cluster_deployment_type")
        );
        assert!(paths(&config(&[("hyper_shift_config", Value::unknown())]), "aws").is_empty());
    }

    #[test]
    fn checks_point_at_the_attribute_and_wait_for_unknowns() {
        let good = config(&[
            ("os_patch_schedule", "0 2 * * SUN".into()),
            ("os_patch_after", "2026-12-31T23:00:00Z".into()),
            ("cluster_timezone", "Europe/Paris".into()),
        ]);
        assert!(paths(&good, "aws").is_empty());
        let bad = config(&[
            ("os_patch_schedule", "daily".into()),
            ("os_patch_after", "tomorrow".into()),
            ("cluster_timezone", "Paris".into()),
        ]);
        assert_eq!(
            paths(&bad, "aws"),
            ["os_patch_schedule", "os_patch_after", "cluster_timezone"]
        );
        let unknown = config(&[
            ("os_patch_schedule", Value::unknown()),
            ("os_patch_on_boot", Value::unknown()),
            ("cluster_timezone", Value::unknown()),
        ]);
        assert!(paths(&unknown, "edge_native").is_empty());
        let edge = config(&[
            ("os_patch_on_boot", true.into()),
            ("os_patch_schedule", "0 2 * * *".into()),
        ]);
        assert_eq!(
            paths(&edge, "edge_native"),
            ["os_patch_on_boot", "os_patch_schedule"]
        );
        let off = config(&[("os_patch_on_boot", false.into())]);
        assert!(paths(&off, "edge_native").is_empty(), "the default is fine");
    }

    use crate::resources::kind_table::obj as host;

    #[test]
    fn host_config_checks_wait_for_unknowns_and_name_the_field() {
        let ranges = |r: &[&str]| Value::List(r.iter().map(|s| Value::from(*s)).collect());
        // The endpoint type defaults to Ingress, which takes no load balancer setting.
        let ingress = config(&[(
            "host_config",
            host(&[("external_traffic_policy", "Local".into())]),
        )]);
        assert_eq!(
            paths(&ingress, "aws"),
            ["host_config.external_traffic_policy"]
        );
        let lb = config(&[(
            "host_config",
            host(&[
                ("host_endpoint_type", "LoadBalancer".into()),
                ("ingress_host", "a.example.com".into()),
                (
                    "load_balancer_source_ranges",
                    ranges(&["10.0.0.0/8", "nope"]),
                ),
            ]),
        )]);
        assert_eq!(
            paths(&lb, "aws"),
            [
                "host_config.ingress_host",
                "host_config.load_balancer_source_ranges[1]"
            ]
        );
        // An endpoint type from a variable is not known yet: nothing is judged.
        let unknown = config(&[(
            "host_config",
            host(&[
                ("host_endpoint_type", Value::unknown()),
                ("ingress_host", "a.example.com".into()),
                ("external_traffic_policy", "Local".into()),
            ]),
        )]);
        assert!(paths(&unknown, "aws").is_empty());
        let parallel = config(&[("update_worker_pools_in_parallel", true.into())]);
        assert_eq!(
            paths(&parallel, "nutanix"),
            ["update_worker_pools_in_parallel"]
        );
        assert!(paths(&parallel, "aws").is_empty());
    }

    #[test]
    fn a_location_is_on_the_globe_and_only_where_people_place_clusters() {
        let at = |lat: f64, lon: f64| {
            config(&[(
                "location",
                host(&[
                    ("latitude", tfplugin::Number::from_f64(lat).unwrap().into()),
                    ("longitude", tfplugin::Number::from_f64(lon).unwrap().into()),
                ]),
            )])
        };
        assert!(paths(&at(48.8, 2.3), "vsphere").is_empty());
        assert_eq!(
            paths(&at(91.0, 181.0), "edge_native"),
            ["location.latitude", "location.longitude"]
        );
        assert_eq!(paths(&at(48.8, 2.3), "aws"), ["location"]);
        let later = config(&[("location", Value::unknown())]);
        assert!(paths(&later, "maas").is_empty());
        assert!(
            paths(&later, "aws").is_empty(),
            "an unknown block may be empty"
        );
    }

    #[test]
    fn a_parallel_pool_setting_is_not_changed_on_a_running_cluster() {
        let change = |old: Value, new: Value| {
            let mut diags = Diagnostics::new();
            let state = config(&[("update_worker_pools_in_parallel", old)]);
            let plan = config(&[("update_worker_pools_in_parallel", new)]);
            check_change(&state, &plan, &mut diags);
            diags.len()
        };
        assert_eq!(change(false.into(), true.into()), 1);
        assert_eq!(change(true.into(), true.into()), 0);
        assert_eq!(change(false.into(), Value::unknown()), 0);
        let mut diags = Diagnostics::new();
        let plan = config(&[("update_worker_pools_in_parallel", true.into())]);
        check_change(&Value::Null, &plan, &mut diags);
        assert!(diags.is_empty(), "a create sets it");
    }

    #[test]
    fn the_same_instant_reads_back_as_written() {
        assert!(same_instant(
            "2026-12-31T23:00:00Z",
            "2026-12-31T23:00:00.000Z"
        ));
        assert!(same_instant(
            "2026-12-31T23:00:00+00:00",
            "2026-12-31T23:00:00Z"
        ));
        assert!(!same_instant(
            "2026-12-31T23:00:00Z",
            "2026-12-31T23:00:01Z"
        ));
    }
}
