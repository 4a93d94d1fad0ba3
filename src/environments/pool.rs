//! The machine-pool model every environment shares: the sizing fields and the lifecycle fields
//! an environment picks from, the [`Pool`] read from the `machine_pool` block or the API, the
//! pool part of every machine-pool entity, and the plan-time check of a pool list against an
//! environment.

use std::collections::BTreeMap;

use palette_api::models::{MachinePoolConfigEntity, MachinePoolProperties, Taint, UpdateStrategy};
use tfplugin::{AttributePath, Diagnostics, Value, ValueExt};

use super::Environment;
use super::aws_network::AwsPoolNetwork;
use super::values::{
    get_string, get_string_map, get_strings, opt_bool, opt_i64, opt_list, opt_str,
};

/// A machine-pool field that differs between environments: the sizing part of the flat
/// `machine_pool` superset, and pool roles only one environment has (AKS system pools).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SizingField {
    /// `count`.
    Count,
    /// `instance_type`.
    InstanceType,
    /// `disk_size_gb`.
    DiskSizeGb,
    /// `azs`.
    Azs,
    /// `capacity_type`.
    CapacityType,
    /// `max_price`.
    MaxPrice,
    /// `cpu`.
    Cpu,
    /// `memory_mb`.
    MemoryMb,
    /// `resource_pool`.
    ResourcePool,
    /// `edge_hosts`.
    EdgeHosts,
    /// `is_system_node_pool`.
    SystemNodePool,
    // AWS and EKS networking (`aws_network`).
    /// `az_subnets`.
    AzSubnets,
    /// `additional_security_groups`.
    AdditionalSecurityGroups,
    /// `ami_type`.
    AmiType,
    /// `eks_launch_template` (a block).
    EksLaunchTemplate,
    // Disks, OS and placement of one environment's pools.
    /// `arch_type` (Edge: `machinePoolProperties.archType`).
    ArchType,
    /// `storage_account_type` (Azure, AKS: `osDisk.managedDisk.storageAccountType`).
    StorageAccountType,
    /// `os_type` (AKS: `managedPoolConfig.osType`).
    OsType,
    /// `subnetwork` (GCP: `cloudConfig.subnet`).
    Subnetwork,
    /// `node_tags` (MAAS machine tags).
    NodeTags,
    /// `host_resource_group_arn` (AWS: `cloudConfig.hostResourceGroupArn`).
    HostResourceGroupArn,
    /// `license_configuration_arns` (AWS: `cloudConfig.licenseConfigurationArns`).
    LicenseConfigurationArns,
    /// `subnet_id` (OpenStack: `cloudConfig.subnet.id`).
    SubnetId,
    /// `use_lxd_vm` (MAAS: `cloudConfig.useLxdVm`).
    UseLxdVm,
    /// `network` (MAAS, a block: `cloudConfig.network`).
    MaasNetwork,
}

impl SizingField {
    /// Every sizing field.
    pub(crate) const ALL: [SizingField; 25] = [
        SizingField::Count,
        SizingField::InstanceType,
        SizingField::DiskSizeGb,
        SizingField::Azs,
        SizingField::CapacityType,
        SizingField::MaxPrice,
        SizingField::Cpu,
        SizingField::MemoryMb,
        SizingField::ResourcePool,
        SizingField::EdgeHosts,
        SizingField::SystemNodePool,
        SizingField::AzSubnets,
        SizingField::AdditionalSecurityGroups,
        SizingField::AmiType,
        SizingField::EksLaunchTemplate,
        SizingField::ArchType,
        SizingField::StorageAccountType,
        SizingField::OsType,
        SizingField::Subnetwork,
        SizingField::NodeTags,
        SizingField::HostResourceGroupArn,
        SizingField::LicenseConfigurationArns,
        SizingField::SubnetId,
        SizingField::UseLxdVm,
        SizingField::MaasNetwork,
    ];

    /// Whether Palette reporting none of the field means the pool has none: the refresh then
    /// clears a value set before (removed outside Terraform), so the plan shows the drift. The
    /// other fields keep a value Palette leaves out of its report (a default it does not echo).
    pub(crate) fn none_when_unreported(self) -> bool {
        matches!(
            self,
            SizingField::AzSubnets
                | SizingField::AdditionalSecurityGroups
                | SizingField::HostResourceGroupArn
                | SizingField::LicenseConfigurationArns
                | SizingField::SubnetId
                | SizingField::MaasNetwork
        )
    }

    /// The attribute name in the `machine_pool` block.
    pub(crate) fn attr(self) -> &'static str {
        match self {
            SizingField::Count => "count",
            SizingField::InstanceType => "instance_type",
            SizingField::DiskSizeGb => "disk_size_gb",
            SizingField::Azs => "azs",
            SizingField::CapacityType => "capacity_type",
            SizingField::MaxPrice => "max_price",
            SizingField::Cpu => "cpu",
            SizingField::MemoryMb => "memory_mb",
            SizingField::ResourcePool => "resource_pool",
            SizingField::EdgeHosts => "edge_hosts",
            SizingField::SystemNodePool => "is_system_node_pool",
            SizingField::AzSubnets => "az_subnets",
            SizingField::AdditionalSecurityGroups => "additional_security_groups",
            SizingField::AmiType => "ami_type",
            SizingField::EksLaunchTemplate => "eks_launch_template",
            SizingField::ArchType => "arch_type",
            SizingField::StorageAccountType => "storage_account_type",
            SizingField::OsType => "os_type",
            SizingField::Subnetwork => "subnetwork",
            SizingField::NodeTags => "node_tags",
            SizingField::HostResourceGroupArn => "host_resource_group_arn",
            SizingField::LicenseConfigurationArns => "license_configuration_arns",
            SizingField::SubnetId => "subnet_id",
            SizingField::UseLxdVm => "use_lxd_vm",
            SizingField::MaasNetwork => "network",
        }
    }
}

/// A per-pool lifecycle field: how the pool rolls out a change, and what its nodes carry.
/// An environment takes those its pool models both take (`poolConfig`) and report back (the
/// cloud config's `machinePoolConfig`); the others are refused at plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LifecycleField {
    /// `update_strategy` (`updateStrategy.type`).
    UpdateStrategy,
    /// `node_repave_interval` (`nodeRepaveInterval`).
    NodeRepaveInterval,
    /// `additional_annotations` (`additionalAnnotations`).
    AdditionalAnnotations,
    /// `skip_k8s_upgrade` (`skipK8sUpgrade`: `enabled` or `disabled`).
    SkipK8sUpgrade,
    /// `override_kubeadm_configuration` (`overrideKubeadmConfiguration`: YAML with
    /// `kubeletExtraArgs`, `preKubeadmCommands` and `postKubeadmCommands`).
    OverrideKubeadmConfiguration,
}

impl LifecycleField {
    /// Every lifecycle field.
    pub(crate) const ALL: [LifecycleField; 5] = [
        LifecycleField::UpdateStrategy,
        LifecycleField::NodeRepaveInterval,
        LifecycleField::AdditionalAnnotations,
        LifecycleField::SkipK8sUpgrade,
        LifecycleField::OverrideKubeadmConfiguration,
    ];

    /// The fields most environments' pool models take (`skip_k8s_upgrade` only some).
    pub(crate) const COMMON: [LifecycleField; 4] = [
        LifecycleField::UpdateStrategy,
        LifecycleField::NodeRepaveInterval,
        LifecycleField::AdditionalAnnotations,
        LifecycleField::OverrideKubeadmConfiguration,
    ];

    /// The attribute name in the `machine_pool` block.
    pub(crate) fn attr(self) -> &'static str {
        match self {
            LifecycleField::UpdateStrategy => "update_strategy",
            LifecycleField::NodeRepaveInterval => "node_repave_interval",
            LifecycleField::AdditionalAnnotations => "additional_annotations",
            LifecycleField::SkipK8sUpgrade => "skip_k8s_upgrade",
            LifecycleField::OverrideKubeadmConfiguration => "override_kubeadm_configuration",
        }
    }

    /// Whether `value` of this field means what leaving it out means: Palette's default
    /// strategy (`RollingUpdateScaleOut`, what an empty type is), no repave wait (0), no
    /// annotations.
    pub(crate) fn means_default(self, value: &Value) -> bool {
        match self {
            _ if value.is_null() => true,
            LifecycleField::UpdateStrategy => value.as_str() == Some(DEFAULT_UPDATE_STRATEGY),
            LifecycleField::NodeRepaveInterval => value.as_i64() == Some(0),
            LifecycleField::AdditionalAnnotations => value.as_map().is_some_and(|m| m.is_empty()),
            LifecycleField::SkipK8sUpgrade => value.as_bool() == Some(false),
            LifecycleField::OverrideKubeadmConfiguration => value.as_str() == Some(""),
        }
    }
}

/// The update strategy Palette applies when a pool names none (`v1UpdateStrategy.type`: a new
/// node first, then an old one removed).
pub(crate) const DEFAULT_UPDATE_STRATEGY: &str = "RollingUpdateScaleOut";

/// The update strategies a pool may name. `OverrideScaling` (user-set surge and unavailability)
/// is left out: Palette implements it for CloudStack only, which this provider does not deploy.
pub(crate) const UPDATE_STRATEGIES: [&str; 2] = [DEFAULT_UPDATE_STRATEGY, "RollingUpdateScaleIn"];

/// A sizing field an environment takes, and whether every pool must set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sizing {
    /// The field.
    pub(crate) field: SizingField,
    /// Whether a pool must set it.
    pub(crate) required: bool,
}

/// A sizing field every pool must set.
pub(crate) const fn required(field: SizingField) -> Sizing {
    Sizing {
        field,
        required: true,
    }
}

/// A sizing field a pool may set.
pub(crate) const fn optional(field: SizingField) -> Sizing {
    Sizing {
        field,
        required: false,
    }
}

/// One machine pool: the `machine_pool` block as plain Rust, and what the API reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Pool {
    /// The pool's name, its identity.
    pub(crate) name: String,
    /// Whether it runs the control plane.
    pub(crate) control_plane: bool,
    /// Whether a control-plane pool also takes workloads.
    pub(crate) control_plane_as_worker: bool,
    /// Number of nodes.
    pub(crate) count: Option<i64>,
    /// Autoscaling minimum.
    pub(crate) min: Option<i64>,
    /// Autoscaling maximum.
    pub(crate) max: Option<i64>,
    /// Instance type or flavor.
    pub(crate) instance_type: Option<String>,
    /// Root disk size in GB.
    pub(crate) disk_size_gb: Option<i64>,
    /// Availability zones.
    pub(crate) azs: Option<Vec<String>>,
    /// `on-demand` or `spot`.
    pub(crate) capacity_type: Option<String>,
    /// Spot maximum price.
    pub(crate) max_price: Option<String>,
    /// Virtual CPUs per node.
    pub(crate) cpu: Option<i64>,
    /// Memory per node in MiB.
    pub(crate) memory_mb: Option<i64>,
    /// MAAS resource pool.
    pub(crate) resource_pool: Option<String>,
    /// Edge hosts, by uid or name as configured (names are resolved to uids before a write).
    pub(crate) edge_hosts: Option<Vec<String>>,
    /// Whether the pool is an AKS system node pool.
    pub(crate) system_node_pool: Option<bool>,
    /// Data-centre placement: MAAS machine tags, vSphere per-pool placements.
    pub(crate) node_tags: Option<Vec<String>>,
    /// vSphere placements as configured or reported (see `placement`).
    pub(crate) placements: Vec<super::placement::Placement>,
    /// Extra Kubernetes node labels.
    pub(crate) labels: BTreeMap<String, String>,
    /// Kubernetes node taints.
    pub(crate) taints: Vec<PoolTaint>,
    /// How the pool rolls out a change (`RollingUpdateScaleOut`, `RollingUpdateScaleIn`).
    pub(crate) update_strategy: Option<String>,
    /// Seconds a new node must be Ready before the next one is repaved.
    pub(crate) node_repave_interval: Option<i64>,
    /// Extra Kubernetes node annotations.
    pub(crate) annotations: BTreeMap<String, String>,
    /// Whether the pool's nodes keep their Kubernetes version when the cluster's is upgraded.
    pub(crate) skip_k8s_upgrade: Option<bool>,
    /// Kubeadm settings of the pool's nodes (YAML), over the Kubernetes layer's.
    pub(crate) override_kubeadm_configuration: Option<String>,
    /// AWS and EKS: subnets, security groups, AMI type, launch template.
    pub(crate) network: AwsPoolNetwork,
    // Disks, OS and placement of one environment's pools (see [`SizingField`]).
    /// Edge: `amd64` or `arm64`.
    pub(crate) arch_type: Option<String>,
    /// Azure, AKS: the OS disk's storage account type.
    pub(crate) storage_account_type: Option<String>,
    /// AKS: `Linux` or `Windows`.
    pub(crate) os_type: Option<String>,
    /// GCP: the subnetwork the pool's instances go in.
    pub(crate) subnetwork: Option<String>,
    /// AWS: the host resource group of dedicated hosts the nodes go on.
    pub(crate) host_resource_group_arn: Option<String>,
    /// AWS: the license configurations of the host resource group's instances.
    pub(crate) license_configuration_arns: Option<Vec<String>>,
    /// OpenStack: the subnet (of the cluster's network) the pool's nodes go in.
    pub(crate) subnet_id: Option<String>,
    /// MAAS: whether the pool's machines are LXD virtual machines MAAS makes on demand.
    pub(crate) use_lxd_vm: Option<bool>,
    /// MAAS: the network the pool's machines are in, and how they get addresses.
    pub(crate) maas_network: Option<MaasNetwork>,
    /// Edge: the `edge_host` blocks, one per entry of `edge_hosts` in the same order, when the
    /// pool is written with them rather than with the `edge_hosts` list; as read back, every
    /// host's settings.
    pub(crate) edge_host: Option<Vec<EdgeHost>>,
}

/// One edge host of a pool with its network settings (an `edge_host` block).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct EdgeHost {
    /// Uid or name, as written (a uid as read back).
    pub(crate) host: String,
    /// Static IPv4 address.
    pub(crate) static_ip: Option<String>,
    /// Subnet mask, dotted.
    pub(crate) subnet_mask: Option<String>,
    /// Default gateway.
    pub(crate) default_gateway: Option<String>,
    /// DNS servers.
    pub(crate) dns_servers: Option<Vec<String>>,
    /// Network interface.
    pub(crate) nic_name: Option<String>,
    /// `primary` or `secondary` in a two-node cluster.
    pub(crate) two_node_role: Option<String>,
}

/// The network of a MAAS pool's machines (a `network` block).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MaasNetwork {
    /// The MAAS network the machines are in.
    pub(crate) network_name: String,
    /// The `palette_ip_pool` (on the account's gateway) static addresses come from.
    pub(crate) parent_pool_uid: Option<String>,
    /// Static addresses instead of DHCP.
    pub(crate) static_ip: bool,
}

impl MaasNetwork {
    /// A `network` block (unknown values read as absent).
    pub(crate) fn from_value(value: &Value) -> MaasNetwork {
        MaasNetwork {
            network_name: value
                .get_str("network_name")
                .unwrap_or_default()
                .to_string(),
            parent_pool_uid: get_string(value, "parent_pool_uid"),
            static_ip: value.get_bool("static_ip").unwrap_or(false),
        }
    }

    /// The `network` block.
    pub(crate) fn to_value(&self) -> Value {
        Value::Object(BTreeMap::from([
            (
                "network_name".to_string(),
                Value::from(self.network_name.clone()),
            ),
            (
                "parent_pool_uid".to_string(),
                opt_str(&self.parent_pool_uid),
            ),
            ("static_ip".to_string(), Value::from(self.static_ip)),
        ]))
    }
}

/// A node taint of a pool.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PoolTaint {
    /// Taint key.
    pub(crate) key: String,
    /// Taint value.
    pub(crate) value: String,
    /// `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
    pub(crate) effect: String,
}

impl Pool {
    /// Reads one element of the `machine_pool` list (unknown values read as absent).
    pub(crate) fn from_value(value: &Value) -> Pool {
        Pool {
            name: value.get_str("name").unwrap_or_default().to_string(),
            control_plane: value.get_bool("control_plane").unwrap_or(false),
            control_plane_as_worker: value.get_bool("control_plane_as_worker").unwrap_or(false),
            count: value.get_i64("count"),
            min: value.get_i64("min"),
            max: value.get_i64("max"),
            instance_type: get_string(value, "instance_type"),
            disk_size_gb: value.get_i64("disk_size_gb"),
            azs: get_strings(value, "azs"),
            capacity_type: get_string(value, "capacity_type"),
            max_price: get_string(value, "max_price"),
            cpu: value.get_i64("cpu"),
            memory_mb: value.get_i64("memory_mb"),
            resource_pool: get_string(value, "resource_pool"),
            edge_hosts: get_strings(value, "edge_hosts"),
            system_node_pool: value.get_bool("is_system_node_pool"),
            node_tags: get_strings(value, "node_tags"),
            placements: super::placement::of_pool(value),
            labels: get_string_map(value, "labels").unwrap_or_default(),
            taints: value
                .get("taints")
                .and_then(Value::as_elements)
                .unwrap_or_default()
                .iter()
                .map(|t| PoolTaint {
                    key: t.get_str("key").unwrap_or_default().to_string(),
                    value: t.get_str("value").unwrap_or_default().to_string(),
                    effect: t.get_str("effect").unwrap_or_default().to_string(),
                })
                .collect(),
            update_strategy: get_string(value, "update_strategy"),
            node_repave_interval: value.get_i64("node_repave_interval"),
            annotations: get_string_map(value, "additional_annotations").unwrap_or_default(),
            skip_k8s_upgrade: value.get_bool("skip_k8s_upgrade"),
            override_kubeadm_configuration: get_string(value, "override_kubeadm_configuration"),
            network: AwsPoolNetwork::from_value(value),
            arch_type: get_string(value, "arch_type"),
            storage_account_type: get_string(value, "storage_account_type"),
            os_type: get_string(value, "os_type"),
            subnetwork: get_string(value, "subnetwork"),
            host_resource_group_arn: get_string(value, "host_resource_group_arn"),
            license_configuration_arns: get_strings(value, "license_configuration_arns"),
            subnet_id: get_string(value, "subnet_id"),
            use_lxd_vm: value.get_bool("use_lxd_vm"),
            maas_network: value
                .get("network")
                .filter(|n| !n.is_null() && !n.is_unknown())
                .map(MaasNetwork::from_value),
            edge_host: None,
        }
        .with_edge_host_blocks(value)
    }

    /// A pool written with `edge_host` blocks lists their hosts as its `edge_hosts`, so sizing,
    /// name resolution and the host checks read one list either way.
    fn with_edge_host_blocks(mut self, value: &Value) -> Pool {
        let blocks = value.get_elements("edge_host");
        if blocks.is_empty() {
            return self;
        }
        let hosts: Vec<EdgeHost> = blocks
            .iter()
            .map(|b| EdgeHost {
                host: b.get_str("host").unwrap_or_default().to_string(),
                static_ip: get_string(b, "static_ip"),
                subnet_mask: get_string(b, "subnet_mask"),
                default_gateway: get_string(b, "default_gateway"),
                dns_servers: get_strings(b, "dns_servers"),
                nic_name: get_string(b, "nic_name"),
                two_node_role: get_string(b, "two_node_role"),
            })
            .collect();
        self.edge_hosts = Some(hosts.iter().map(|h| h.host.clone()).collect());
        self.edge_host = Some(hosts);
        self
    }

    /// The number of nodes: `count`, or the number of edge hosts.
    pub(crate) fn size(&self) -> i64 {
        match (&self.count, &self.edge_hosts) {
            (Some(count), _) => *count,
            (None, Some(hosts)) => hosts.len() as i64,
            (None, None) => 0,
        }
    }

    /// The value of a sizing field as a Terraform value.
    pub(crate) fn sizing_value(&self, field: SizingField) -> Value {
        match field {
            SizingField::Count => opt_i64(self.count),
            SizingField::InstanceType => opt_str(&self.instance_type),
            SizingField::DiskSizeGb => opt_i64(self.disk_size_gb),
            SizingField::Azs => opt_list(&self.azs),
            SizingField::CapacityType => opt_str(&self.capacity_type),
            SizingField::MaxPrice => opt_str(&self.max_price),
            SizingField::Cpu => opt_i64(self.cpu),
            SizingField::MemoryMb => opt_i64(self.memory_mb),
            SizingField::ResourcePool => opt_str(&self.resource_pool),
            SizingField::EdgeHosts => opt_list(&self.edge_hosts),
            SizingField::SystemNodePool => opt_bool(self.system_node_pool),
            SizingField::AzSubnets
            | SizingField::AdditionalSecurityGroups
            | SizingField::AmiType
            | SizingField::EksLaunchTemplate => self.network.value(field),
            SizingField::ArchType => opt_str(&self.arch_type),
            SizingField::StorageAccountType => opt_str(&self.storage_account_type),
            SizingField::OsType => opt_str(&self.os_type),
            SizingField::Subnetwork => opt_str(&self.subnetwork),
            SizingField::NodeTags => opt_list(&self.node_tags),
            SizingField::HostResourceGroupArn => opt_str(&self.host_resource_group_arn),
            SizingField::LicenseConfigurationArns => opt_list(&self.license_configuration_arns),
            SizingField::SubnetId => opt_str(&self.subnet_id),
            SizingField::UseLxdVm => opt_bool(self.use_lxd_vm),
            SizingField::MaasNetwork => self
                .maas_network
                .as_ref()
                .map_or(Value::Null, MaasNetwork::to_value),
        }
    }

    /// The value of a lifecycle field as a Terraform value (no annotations read as null).
    pub(crate) fn lifecycle_value(&self, field: LifecycleField) -> Value {
        match field {
            LifecycleField::UpdateStrategy => opt_str(&self.update_strategy),
            LifecycleField::NodeRepaveInterval => opt_i64(self.node_repave_interval),
            LifecycleField::AdditionalAnnotations => string_map_value(&self.annotations),
            LifecycleField::SkipK8sUpgrade => opt_bool(self.skip_k8s_upgrade),
            LifecycleField::OverrideKubeadmConfiguration => {
                opt_str(&self.override_kubeadm_configuration)
            }
        }
    }

    /// The API's node labels: `control-plane` or `worker`.
    fn role_labels(&self) -> Vec<String> {
        vec![
            if self.control_plane {
                "control-plane"
            } else {
                "worker"
            }
            .to_string(),
        ]
    }

    /// The API's taints.
    pub(crate) fn api_taints(&self) -> Option<Vec<Taint>> {
        if self.taints.is_empty() {
            return None;
        }
        Some(
            self.taints
                .iter()
                .map(|t| Taint {
                    key: Some(t.key.clone()),
                    value: Some(t.value.clone()),
                    effect: Some(t.effect.clone()),
                    time_added: None,
                })
                .collect(),
        )
    }

    /// The pool part every environment's machine-pool entity shares.
    pub(crate) fn pool_config(&self) -> MachinePoolConfigEntity {
        let size = self.size();
        MachinePoolConfigEntity {
            name: self.name.clone(),
            size: size as i32,
            min_size: Some(self.min.unwrap_or(size) as i32),
            max_size: Some(self.max.unwrap_or(size) as i32),
            is_control_plane: Some(self.control_plane),
            use_control_plane_as_worker: Some(self.control_plane_as_worker),
            labels: self.role_labels(),
            additional_labels: (!self.labels.is_empty()).then(|| self.labels.clone()),
            taints: self.api_taints(),
            update_strategy: self.update_strategy.clone().map(|type_| UpdateStrategy {
                type_: Some(type_),
                ..Default::default()
            }),
            node_repave_interval: self.node_repave_interval.map(|s| s as i32),
            additional_annotations: (!self.annotations.is_empty())
                .then(|| self.annotations.clone()),
            skip_k8s_upgrade: self
                .skip_k8s_upgrade
                .map(|skip| if skip { "enabled" } else { "disabled" }.to_string()),
            override_kubeadm_configuration: self.override_kubeadm_configuration.clone(),
            machine_pool_properties: self.arch_type.clone().map(|arch| MachinePoolProperties {
                arch_type: Some(arch),
            }),
            ..Default::default()
        }
    }
}

/// The common fields of a pool as the API reports it (each environment's `v1*MachinePoolConfig`
/// read model), for [`pool_from_api`]. A field an environment's read model lacks stays `None`.
#[derive(Debug, Clone, Default)]
pub(crate) struct ApiPool {
    /// `name`.
    pub(crate) name: Option<String>,
    /// `isControlPlane`.
    pub(crate) is_control_plane: Option<bool>,
    /// `useControlPlaneAsWorker`.
    pub(crate) control_plane_as_worker: Option<bool>,
    /// `size`.
    pub(crate) size: Option<i32>,
    /// `minSize`.
    pub(crate) min: Option<i32>,
    /// `maxSize`.
    pub(crate) max: Option<i32>,
    /// `additionalLabels`.
    pub(crate) labels: Option<BTreeMap<String, String>>,
    /// `taints`.
    pub(crate) taints: Option<Vec<Taint>>,
    /// `updateStrategy`.
    pub(crate) update_strategy: Option<UpdateStrategy>,
    /// `nodeRepaveInterval`.
    pub(crate) node_repave_interval: Option<i32>,
    /// `additionalAnnotations`.
    pub(crate) annotations: Option<BTreeMap<String, String>>,
    /// `skipK8sUpgrade`: `enabled` or `disabled`.
    pub(crate) skip_k8s_upgrade: Option<String>,
    /// `overrideKubeadmConfiguration`.
    pub(crate) override_kubeadm_configuration: Option<String>,
}

/// The common fields of a pool the API reports; environments add their sizing fields. An
/// update strategy without a type (or an empty one) reads as none, as Palette takes it.
pub(crate) fn pool_from_api(api: ApiPool) -> Pool {
    Pool {
        name: api.name.unwrap_or_default(),
        control_plane: api.is_control_plane.unwrap_or(false),
        control_plane_as_worker: api.control_plane_as_worker.unwrap_or(false),
        count: api.size.map(i64::from),
        min: api.min.map(i64::from),
        max: api.max.map(i64::from),
        labels: api.labels.unwrap_or_default(),
        taints: api
            .taints
            .unwrap_or_default()
            .into_iter()
            .map(|t| PoolTaint {
                key: t.key.unwrap_or_default(),
                value: t.value.unwrap_or_default(),
                effect: t.effect.unwrap_or_default(),
            })
            .collect(),
        update_strategy: api
            .update_strategy
            .and_then(|s| s.type_)
            .filter(|t| !t.is_empty()),
        node_repave_interval: api.node_repave_interval.map(i64::from),
        annotations: api.annotations.unwrap_or_default(),
        skip_k8s_upgrade: match api.skip_k8s_upgrade.as_deref() {
            Some("enabled") => Some(true),
            Some("disabled") => Some(false),
            _ => None,
        },
        override_kubeadm_configuration: api
            .override_kubeadm_configuration
            .filter(|c| !c.is_empty()),
        ..Default::default()
    }
}

/// Checks the machine pools against an environment: sizing and lifecycle fields it does not
/// take, required ones left out, and a repave interval where Palette does not repave, each
/// reported at `machine_pool[i].<field>`. Unknown values are left unchecked; null is absent.
pub(crate) fn check_pools(env: &dyn Environment, pools: &[Value], diags: &mut Diagnostics) {
    let taken = env.sizing();
    let offered = taken
        .iter()
        .map(|s| format!("`{}`", s.field.attr()))
        .collect::<Vec<_>>()
        .join(", ");
    for (index, pool) in pools.iter().enumerate() {
        // A pool from a `dynamic` block may be unknown as a whole until plan.
        if pool.is_unknown() {
            continue;
        }
        let base = AttributePath::root("machine_pool").index(index as i64);
        for field in SizingField::ALL {
            let value = pool.get(field.attr()).unwrap_or(&Value::Null);
            match taken.iter().find(|s| s.field == field) {
                // An unknown value (a module variable, say) may still turn out null.
                _ if value.is_unknown() => {}
                None if !value.is_null() => diags.attribute_error(
                    base.clone().attr(field.attr()),
                    "Unsupported Machine Pool Field",
                    format!(
                        "{} machine pools do not take `{}`; remove it from this pool. {} pools \
                         are sized with: {offered}.",
                        env.display_name(),
                        field.attr(),
                        env.display_name()
                    ),
                ),
                Some(sizing) if sizing.required && value.is_null() => diags.attribute_error(
                    base.clone().attr(field.attr()),
                    "Missing Machine Pool Field",
                    format!(
                        "{} machine pools need `{}`; set it on this pool.",
                        env.display_name(),
                        field.attr()
                    ),
                ),
                _ => {}
            }
        }
        if !env.autoscales() {
            for bound in ["min", "max"] {
                // An unknown value (a module variable, say) may still turn out null.
                if pool
                    .get(bound)
                    .is_some_and(|v| !v.is_null() && !v.is_unknown())
                {
                    diags.attribute_error(
                        base.clone().attr(bound),
                        format!("No Autoscaling On {}", env.display_name()),
                        format!(
                            "Palette's {} pools take a size (`count`) but no autoscaling range, \
                             so `{bound}` would never reach Palette; remove it.",
                            env.display_name()
                        ),
                    );
                }
            }
        }
        // `edge_host` blocks are Edge's other form of `edge_hosts`.
        let hosts_taken = taken.iter().any(|s| s.field == SizingField::EdgeHosts);
        if !hosts_taken && !pool.get_elements("edge_host").is_empty() {
            diags.attribute_error(
                base.clone().attr("edge_host").index(0).attr("host"),
                "Unsupported Machine Pool Field",
                format!(
                    "{} machine pools do not take `edge_host` blocks (Edge pools only); remove \
                     them from this pool. {} pools are sized with: {offered}.",
                    env.display_name(),
                    env.display_name()
                ),
            );
        }
        check_lifecycle(env, pool, &base, diags);
        super::placement::check_taken(env, pool, &base, diags);
    }
    env.check_pool_list(pools, diags);
}

/// One pool's lifecycle fields: each one set must be one the environment takes, and
/// `node_repave_interval` above 0 only on a worker pool of a cluster that runs its own control
/// plane (Palette repaves only those: `v1MachinePoolConfigEntity.nodeRepaveInterval`).
fn check_lifecycle(
    env: &dyn Environment,
    pool: &Value,
    base: &AttributePath,
    diags: &mut Diagnostics,
) {
    let taken = env.lifecycle();
    for field in LifecycleField::ALL {
        let value = pool.get(field.attr()).unwrap_or(&Value::Null);
        if value.is_unknown() || value.is_null() || taken.contains(&field) {
            continue;
        }
        diags.attribute_error(
            base.clone().attr(field.attr()),
            "Unsupported Machine Pool Field",
            format!(
                "{} machine pools do not take `{}`: Palette's {} machine-pool API does not both \
                 take it and report it back. Remove it from this pool.",
                env.display_name(),
                field.attr(),
                env.display_name()
            ),
        );
    }
    if pool.get_bool("skip_k8s_upgrade") == Some(true)
        && pool.get_bool("control_plane") == Some(true)
    {
        diags.attribute_error(
            base.clone().attr("skip_k8s_upgrade"),
            "Skip Upgrade Not Applicable",
            "`skip_k8s_upgrade` keeps a worker pool on its Kubernetes version; the control plane \
             always takes the cluster's. Remove it from this pool.",
        );
    }
    if let Some(yaml) = pool.get_str("override_kubeadm_configuration") {
        let path = base.clone().attr("override_kubeadm_configuration");
        if pool.get_bool("control_plane") == Some(true) {
            diags.attribute_error(
                path,
                "Kubeadm Override Not Applicable",
                "`override_kubeadm_configuration` overrides the kubeadm settings of a worker \
                 pool's nodes; Palette takes it on worker pools only. Set the control plane's in \
                 the Kubernetes layer's values instead.",
            );
        } else if let Err(problem) = palette_stack::kubeadm::check_override(yaml) {
            diags.attribute_error(path, "Invalid Kubeadm Override", problem);
        }
    }
    if !taken.contains(&LifecycleField::NodeRepaveInterval) {
        return;
    }
    let Some(interval) = pool.get_i64("node_repave_interval").filter(|i| *i > 0) else {
        return;
    };
    let path = base.clone().attr("node_repave_interval");
    if env.managed_control_plane() {
        diags.attribute_error(
            path,
            "Node Repave Interval Not Applicable",
            format!(
                "{} runs the Kubernetes control plane itself, and Palette applies \
                 `node_repave_interval` only to worker pools of clusters that run their own; \
                 remove it from this pool (or set it to 0).",
                env.display_name()
            ),
        );
    } else if pool.get_bool("control_plane") == Some(true) {
        diags.attribute_error(
            path,
            "Node Repave Interval Not Applicable",
            format!(
                "`node_repave_interval = {interval}` is set on a control-plane pool; Palette \
                 applies it only to worker pools. Remove it from this pool (or set it to 0)."
            ),
        );
    }
}

/// A pool as a `machine_pool` element, for import: every attribute, absent ones null.
pub(crate) fn pool_to_value(pool: &Pool) -> Value {
    let mut out = BTreeMap::new();
    out.insert("name".to_string(), Value::from(pool.name.clone()));
    out.insert("control_plane".to_string(), Value::from(pool.control_plane));
    out.insert(
        "control_plane_as_worker".to_string(),
        Value::from(pool.control_plane_as_worker),
    );
    out.insert("min".to_string(), opt_i64(pool.min));
    out.insert("max".to_string(), opt_i64(pool.max));
    for field in SizingField::ALL {
        out.insert(field.attr().to_string(), pool.sizing_value(field));
    }
    out.insert("labels".to_string(), string_map_value(&pool.labels));
    out.insert("taints".to_string(), taints_value(&pool.taints));
    out.insert("node".to_string(), Value::List(Vec::new()));
    out.insert(super::placement::BLOCK.to_string(), Value::List(Vec::new()));
    for field in LifecycleField::ALL {
        out.insert(field.attr().to_string(), pool.lifecycle_value(field));
    }
    // Edge hosts with network settings read as `edge_host` blocks, others as the plain list.
    let blocks = pool
        .edge_host
        .as_ref()
        .filter(|hosts| hosts.iter().any(EdgeHost::has_settings));
    out.insert(
        "edge_host".to_string(),
        blocks.map_or(Value::List(Vec::new()), |h| edge_host_value(h)),
    );
    if blocks.is_some() {
        out.insert("edge_hosts".to_string(), Value::Null);
    }
    Value::Object(out)
}

impl EdgeHost {
    /// Whether the host carries any setting beyond its identity.
    pub(crate) fn has_settings(&self) -> bool {
        self.static_ip.is_some()
            || self.subnet_mask.is_some()
            || self.default_gateway.is_some()
            || self.dns_servers.is_some()
            || self.nic_name.is_some()
            || self.two_node_role.is_some()
    }

    /// The host as an `edge_host` block.
    pub(crate) fn to_value(&self) -> Value {
        Value::Object(BTreeMap::from([
            ("host".to_string(), Value::from(self.host.clone())),
            ("static_ip".to_string(), opt_str(&self.static_ip)),
            ("subnet_mask".to_string(), opt_str(&self.subnet_mask)),
            (
                "default_gateway".to_string(),
                opt_str(&self.default_gateway),
            ),
            ("dns_servers".to_string(), opt_list(&self.dns_servers)),
            ("nic_name".to_string(), opt_str(&self.nic_name)),
            ("two_node_role".to_string(), opt_str(&self.two_node_role)),
        ]))
    }
}

/// The `edge_host` blocks of a pool.
pub(crate) fn edge_host_value(hosts: &[EdgeHost]) -> Value {
    Value::List(hosts.iter().map(EdgeHost::to_value).collect())
}

/// A map of strings as a Terraform map; an empty one is null.
fn string_map_value(map: &BTreeMap<String, String>) -> Value {
    if map.is_empty() {
        return Value::Null;
    }
    Value::Map(
        map.iter()
            .map(|(k, v)| (k.clone(), Value::from(v.clone())))
            .collect(),
    )
}

/// The `taints` list of a pool.
pub(crate) fn taints_value(taints: &[PoolTaint]) -> Value {
    Value::List(
        taints
            .iter()
            .map(|t| {
                Value::Object(BTreeMap::from([
                    ("key".to_string(), Value::from(t.key.clone())),
                    ("value".to_string(), Value::from(t.value.clone())),
                    ("effect".to_string(), Value::from(t.effect.clone())),
                ]))
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::environments::by_key;

    fn pool(fields: &[(&str, Value)]) -> Value {
        let mut map = BTreeMap::new();
        for attr in [
            "name",
            "control_plane",
            "count",
            "instance_type",
            "cpu",
            "memory_mb",
            "disk_size_gb",
            "edge_hosts",
            "update_strategy",
            "node_repave_interval",
            "additional_annotations",
        ] {
            map.insert(attr.to_string(), Value::Null);
        }
        for (k, v) in fields {
            map.insert(k.to_string(), v.clone());
        }
        Value::Object(map)
    }

    #[test]
    fn pool_checks_name_the_attribute_path() {
        let cases: Vec<(&str, &str, Value, Vec<&str>)> = vec![
            (
                "aws ok",
                "aws",
                pool(&[("count", 1.into()), ("instance_type", "m5.large".into())]),
                vec![],
            ),
            (
                "aws cpu refused",
                "aws",
                pool(&[
                    ("count", 1.into()),
                    ("instance_type", "m5.large".into()),
                    ("cpu", 2.into()),
                ]),
                vec!["machine_pool[0].cpu"],
            ),
            (
                "vsphere needs memory",
                "vsphere",
                pool(&[
                    ("count", 1.into()),
                    ("cpu", 2.into()),
                    ("disk_size_gb", 40.into()),
                ]),
                vec!["machine_pool[0].memory_mb"],
            ),
            (
                "edge refuses count and needs hosts",
                "edge_native",
                pool(&[("count", 1.into())]),
                vec!["machine_pool[0].count", "machine_pool[0].edge_hosts"],
            ),
            (
                "unknown counts as set",
                "aws",
                pool(&[
                    ("count", Value::unknown()),
                    ("instance_type", Value::unknown()),
                ]),
                vec![],
            ),
        ];
        for (name, key, pool, want) in cases {
            let mut diags = Diagnostics::new();
            check_pools(by_key(key).unwrap(), &[pool], &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn aks_needs_a_system_pool() {
        let aks_pool = |system: Value, count: i64| {
            let mut pool = pool(&[
                ("count", count.into()),
                ("instance_type", "Standard_D4s_v3".into()),
            ]);
            pool.set("is_system_node_pool", system);
            pool
        };
        let cases: Vec<(&str, &str, Vec<Value>, Vec<&str>)> = vec![
            (
                "one system pool",
                "aks",
                vec![aks_pool(Value::Null, 1), aks_pool(true.into(), 1)],
                vec![],
            ),
            (
                "no system pool",
                "aks",
                vec![aks_pool(Value::Null, 1), aks_pool(false.into(), 2)],
                vec!["machine_pool[0].is_system_node_pool"],
            ),
            (
                "an unknown flag may be true",
                "aks",
                vec![aks_pool(Value::unknown(), 1)],
                vec![],
            ),
            (
                "an empty system pool",
                "aks",
                vec![aks_pool(true.into(), 0)],
                vec!["machine_pool[0].count"],
            ),
            (
                "other environments refuse the flag",
                "azure",
                vec![aks_pool(true.into(), 1)],
                vec!["machine_pool[0].is_system_node_pool"],
            ),
        ];
        for (name, key, pools, want) in cases {
            let mut diags = Diagnostics::new();
            check_pools(by_key(key).unwrap(), &pools, &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn aks_pools_carry_the_system_flag() {
        let aks = by_key("aks").unwrap();
        let system = Pool {
            name: "system".into(),
            count: Some(1),
            system_node_pool: Some(true),
            ..Default::default()
        };
        let body = aks.pool_body(&Value::Null, &system).unwrap();
        assert_eq!(body["cloudConfig"]["isSystemNodePool"], true);
        assert_eq!(body["managedPoolConfig"]["isSystemNodePool"], true);
        let user = Pool {
            system_node_pool: None,
            ..system
        };
        let body = aks.pool_body(&Value::Null, &user).unwrap();
        assert_eq!(body["cloudConfig"]["isSystemNodePool"], false);
        let azure = by_key("azure")
            .unwrap()
            .pool_body(&Value::Null, &user)
            .unwrap();
        assert!(azure["cloudConfig"].get("isSystemNodePool").is_none());
        assert!(azure.get("managedPoolConfig").is_none());
    }

    #[test]
    fn pool_config_defaults_min_and_max_to_the_size() {
        let pool = Pool {
            name: "w".into(),
            count: Some(3),
            ..Default::default()
        };
        let config = pool.pool_config();
        assert_eq!(
            (config.size, config.min_size, config.max_size),
            (3, Some(3), Some(3))
        );
        assert_eq!(config.labels, ["worker"]);
        let edge = Pool {
            name: "cp".into(),
            control_plane: true,
            edge_hosts: Some(vec!["a".into(), "b".into()]),
            ..Default::default()
        };
        assert_eq!(edge.pool_config().size, 2);
        assert_eq!(edge.pool_config().labels, ["control-plane"]);
    }

    /// A pool each environment's sizing checks accept, with `fields` set on top.
    fn sized(key: &str, fields: &[(&str, Value)]) -> Value {
        let mut sizing: Vec<(&str, Value)> = match key {
            "nutanix" | "vsphere" => vec![
                ("count", 1.into()),
                ("cpu", 2.into()),
                ("memory_mb", 4096.into()),
                ("disk_size_gb", 40.into()),
            ],
            "edge_native" => vec![("edge_hosts", Value::List(vec!["host-1".into()]))],
            _ => vec![("count", 1.into()), ("instance_type", "m5.large".into())],
        };
        sizing.push(("name", "p".into()));
        sizing.extend(fields.iter().cloned());
        pool(&sizing)
    }

    fn annotations() -> Value {
        Value::Map(BTreeMap::from([("team".to_string(), Value::from("infra"))]))
    }

    #[test]
    fn lifecycle_checks_name_the_attribute_path() {
        let cp = || ("control_plane", Value::from(true));
        let worker = || ("control_plane", Value::from(false));
        let repave = |v: Value| ("node_repave_interval", v);
        let strategy = |v: &str| ("update_strategy", Value::from(v));
        let all = || {
            vec![
                strategy("RollingUpdateScaleIn"),
                repave(30.into()),
                ("additional_annotations", annotations()),
            ]
        };
        type Fields<'a> = Vec<(&'a str, Value)>;
        let cases: Vec<(&str, &str, Fields, Vec<&str>)> = vec![
            (
                "aws worker takes all three",
                "aws",
                [vec![worker()], all()].concat(),
                vec![],
            ),
            ("edge worker takes all three", "edge_native", all(), vec![]),
            (
                "a control-plane pool refuses a repave interval",
                "aws",
                vec![cp(), repave(30.into())],
                vec!["machine_pool[0].node_repave_interval"],
            ),
            (
                "a control-plane pool takes 0",
                "vsphere",
                vec![cp(), repave(0.into())],
                vec![],
            ),
            (
                "a control-plane pool takes a strategy and annotations",
                "edge_native",
                vec![
                    cp(),
                    strategy("RollingUpdateScaleIn"),
                    ("additional_annotations", annotations()),
                ],
                vec![],
            ),
            (
                "an unknown role may be a worker",
                "aws",
                vec![("control_plane", Value::unknown()), repave(30.into())],
                vec![],
            ),
            (
                "an unknown interval may be 0",
                "aws",
                vec![cp(), repave(Value::unknown())],
                vec![],
            ),
            (
                "null is absent",
                "aws",
                vec![cp(), repave(Value::Null)],
                vec![],
            ),
            (
                "a managed control plane refuses a repave interval",
                "eks",
                vec![repave(60.into())],
                vec!["machine_pool[0].node_repave_interval"],
            ),
            (
                "a managed control plane takes 0",
                "gke",
                vec![repave(0.into())],
                vec![],
            ),
            (
                "a managed control plane waits for an unknown interval",
                "tke",
                vec![repave(Value::unknown())],
                vec![],
            ),
            (
                "a managed control plane takes a strategy and annotations",
                "eks",
                vec![
                    strategy("RollingUpdateScaleOut"),
                    ("additional_annotations", annotations()),
                ],
                vec![],
            ),
            (
                "tke refuses annotations",
                "tke",
                vec![
                    strategy("RollingUpdateScaleIn"),
                    ("additional_annotations", annotations()),
                ],
                vec!["machine_pool[0].additional_annotations"],
            ),
            (
                "tke waits for unknown annotations",
                "tke",
                vec![("additional_annotations", Value::unknown())],
                vec![],
            ),
            (
                "nutanix refuses all three",
                "nutanix",
                [vec![worker()], all()].concat(),
                vec![
                    "machine_pool[0].update_strategy",
                    "machine_pool[0].node_repave_interval",
                    "machine_pool[0].additional_annotations",
                ],
            ),
            (
                "nutanix refuses a 0 interval too: its pools cannot send one",
                "nutanix",
                vec![repave(0.into())],
                vec!["machine_pool[0].node_repave_interval"],
            ),
            (
                "nutanix waits for unknowns and takes nulls",
                "nutanix",
                vec![
                    ("update_strategy", Value::unknown()),
                    repave(Value::Null),
                    ("additional_annotations", Value::unknown()),
                ],
                vec![],
            ),
        ];
        for (name, key, fields, want) in cases {
            let mut diags = Diagnostics::new();
            check_pools(by_key(key).unwrap(), &[sized(key, &fields)], &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}: {diags:?}");
        }
    }

    /// A pool entity as the cloud config stores it: `poolConfig` with `cloudConfig` merged in
    /// (an edge pool's hosts under `hosts`, a Nutanix pool's values as they are).
    fn stored(body: &serde_json::Value) -> serde_json::Value {
        let mut flat = body["poolConfig"].as_object().cloned().unwrap_or_default();
        for (k, v) in body["cloudConfig"].as_object().into_iter().flatten() {
            if k == "edgeHosts" {
                let hosts: Vec<serde_json::Value> = v
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|h| serde_json::json!({"hostUid": h["hostUid"], "hostAddress": ""}))
                    .collect();
                flat.insert("hosts".into(), hosts.into());
            } else {
                flat.insert(k.clone(), v.clone());
            }
        }
        serde_json::Value::Object(flat)
    }

    /// What each environment writes of the lifecycle fields it takes, it reads back the same;
    /// a pool leaving them out reads back without them.
    #[test]
    fn lifecycle_fields_round_trip_through_the_cloud_config() {
        for env in crate::environments::ALL {
            let taken = env.lifecycle();
            let base = Pool::from_value(&sized(env.key(), &[]));
            let mut full = base.clone();
            if taken.contains(&LifecycleField::UpdateStrategy) {
                full.update_strategy = Some("RollingUpdateScaleIn".into());
            }
            if taken.contains(&LifecycleField::NodeRepaveInterval) {
                full.node_repave_interval = Some(if env.managed_control_plane() { 0 } else { 90 });
            }
            if taken.contains(&LifecycleField::AdditionalAnnotations) {
                full.annotations = BTreeMap::from([("team".into(), "infra".into())]);
            }
            for pool in [&base, &full] {
                let body = env.pool_body(&Value::Null, pool).unwrap();
                let config = serde_json::json!({"spec": {"machinePoolConfig": [stored(&body)]}});
                let read = env.read_cloud_config(config).unwrap();
                let back = &read.pools[0];
                for field in LifecycleField::ALL {
                    assert_eq!(
                        back.lifecycle_value(field),
                        pool.lifecycle_value(field),
                        "{}.{}",
                        env.key(),
                        field.attr()
                    );
                }
            }
        }
    }

    #[test]
    fn lifecycle_fields_are_written_into_the_pool_config() {
        let pool = Pool {
            name: "w".into(),
            count: Some(2),
            instance_type: Some("m5.large".into()),
            update_strategy: Some("RollingUpdateScaleIn".into()),
            node_repave_interval: Some(120),
            annotations: BTreeMap::from([("team".into(), "infra".into())]),
            ..Default::default()
        };
        let body = by_key("aws")
            .unwrap()
            .pool_body(&Value::Null, &pool)
            .unwrap();
        assert_eq!(
            body["poolConfig"]["updateStrategy"],
            serde_json::json!({"type": "RollingUpdateScaleIn"})
        );
        assert_eq!(body["poolConfig"]["nodeRepaveInterval"], 120);
        assert_eq!(
            body["poolConfig"]["additionalAnnotations"],
            serde_json::json!({"team": "infra"})
        );
        let plain = Pool {
            update_strategy: None,
            node_repave_interval: None,
            annotations: BTreeMap::new(),
            ..pool.clone()
        };
        let body = by_key("aws")
            .unwrap()
            .pool_body(&Value::Null, &plain)
            .unwrap();
        for key in [
            "updateStrategy",
            "nodeRepaveInterval",
            "additionalAnnotations",
        ] {
            assert!(body["poolConfig"].get(key).is_none(), "{key}");
        }
        // Nutanix pools have no place for them.
        let nutanix = by_key("nutanix")
            .unwrap()
            .pool_body(&Value::Null, &pool)
            .unwrap();
        for key in [
            "updateStrategy",
            "nodeRepaveInterval",
            "additionalAnnotations",
        ] {
            assert!(nutanix["poolConfig"].get(key).is_none(), "{key}");
        }
    }

    #[test]
    fn an_empty_update_strategy_reads_as_none() {
        let read = |strategy: Option<UpdateStrategy>| {
            pool_from_api(ApiPool {
                update_strategy: strategy,
                ..Default::default()
            })
            .update_strategy
        };
        assert_eq!(read(None), None);
        assert_eq!(read(Some(UpdateStrategy::default())), None);
        let typed = |t: &str| {
            Some(UpdateStrategy {
                type_: Some(t.into()),
                ..Default::default()
            })
        };
        assert_eq!(read(typed("")), None);
        assert_eq!(
            read(typed("RollingUpdateScaleIn")).as_deref(),
            Some("RollingUpdateScaleIn")
        );
        let pool = pool_from_api(ApiPool {
            node_repave_interval: Some(0),
            annotations: Some(BTreeMap::new()),
            ..Default::default()
        });
        assert_eq!(pool.node_repave_interval, Some(0), "a reported 0 is kept");
        assert!(
            pool.lifecycle_value(LifecycleField::AdditionalAnnotations)
                .is_null()
        );
    }

    /// Which lifecycle fields an environment takes follows the spec: those both its pool entity's
    /// `poolConfig` and its read model name; and what it sends fits the entity.
    #[test]
    fn lifecycle_fields_follow_the_pool_models() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let Some(spec) = palette_test_support::conformance::Spec::load(root) else {
            eprintln!("the API spec is not there; skipping");
            return;
        };
        let models = [
            ("aws", "Aws"),
            ("azure", "Azure"),
            ("gcp", "Gcp"),
            ("tke", "Tencent"),
            ("eks", "Eks"),
            ("aks", "Azure"),
            ("gke", "Gcp"),
            ("vsphere", "Vsphere"),
            ("nutanix", "Custom"),
            ("openstack", "OpenStack"),
            ("maas", "Maas"),
            ("edge_native", "EdgeNative"),
        ];
        assert_eq!(
            models.map(|m| m.0).to_vec(),
            crate::environments::ALL
                .iter()
                .map(|env| env.key())
                .collect::<Vec<_>>(),
            "a pool model per environment"
        );
        let api_key = |field: LifecycleField| match field {
            LifecycleField::UpdateStrategy => "updateStrategy",
            LifecycleField::NodeRepaveInterval => "nodeRepaveInterval",
            LifecycleField::AdditionalAnnotations => "additionalAnnotations",
            LifecycleField::SkipK8sUpgrade => "skipK8sUpgrade",
            LifecycleField::OverrideKubeadmConfiguration => "overrideKubeadmConfiguration",
        };
        for (key, model) in models {
            let env = by_key(key).unwrap();
            let entity = format!("v1{model}MachinePoolConfigEntity");
            let names = |address: &str, field: LifecycleField| {
                spec.schema(address)
                    .and_then(|s| s.get("properties"))
                    .is_some_and(|p| p.get(api_key(field)).is_some())
            };
            let mut pool = Pool::from_value(&sized(key, &[]));
            for field in LifecycleField::ALL {
                let both = names(&format!("{entity}.poolConfig"), field)
                    && names(&format!("v1{model}MachinePoolConfig"), field);
                assert_eq!(
                    env.lifecycle().contains(&field),
                    both,
                    "{key}.{}",
                    field.attr()
                );
                match field {
                    _ if !both => {}
                    LifecycleField::UpdateStrategy => {
                        pool.update_strategy = Some("RollingUpdateScaleIn".into())
                    }
                    LifecycleField::NodeRepaveInterval => pool.node_repave_interval = Some(30),
                    LifecycleField::AdditionalAnnotations => {
                        pool.annotations = BTreeMap::from([("a".into(), "b".into())])
                    }
                    LifecycleField::SkipK8sUpgrade => pool.skip_k8s_upgrade = Some(true),
                    LifecycleField::OverrideKubeadmConfiguration => {
                        pool.override_kubeadm_configuration =
                            Some("kubeletExtraArgs:\n  max-pods: \"110\"\n".into())
                    }
                }
            }
            let body = env.pool_body(&Value::Null, &pool).unwrap();
            assert_eq!(spec.check(&body, &entity), Vec::<String>::new(), "{key}");
        }
    }
}
