//! Azure AKS: managed Kubernetes on Azure, deployed with Azure cloud accounts. The API uses the
//! Azure models with the managed pool config set.

use tfplugin::{Attribute, AttributePath, Diagnostics, Value, ValueExt};

use super::{
    CloudConfigState, ClusterSpec, Environment, Pool, Sizing, SizingField, azure, optional,
    optional_bool, optional_string, required, required_string, to_json,
};
use palette_stack::environment_names::Environment as Name;

/// Azure AKS.
pub(crate) struct Aks;

const SIZING: &[Sizing] = &[
    required(SizingField::Count),
    required(SizingField::InstanceType),
    optional(SizingField::DiskSizeGb),
    optional(SizingField::Azs),
    optional(SizingField::SystemNodePool),
    optional(SizingField::StorageAccountType),
    optional(SizingField::OsType),
];

impl Environment for Aks {
    fn name(&self) -> Name {
        Name::Aks
    }

    fn account_environment(&self) -> Option<Name> {
        Some(Name::Azure)
    }

    fn managed_control_plane(&self) -> bool {
        true
    }

    fn attributes(&self) -> Vec<Attribute> {
        vec![
            required_string("subscription_id", "Azure subscription the cluster goes in."),
            required_string("location", "Azure region, e.g. `eastus`."),
            required_string("ssh_key", "Public SSH key put on the nodes."),
            required_string("resource_group", "Resource group of the AKS cluster."),
            optional_string("vnet_name", "Existing virtual network to use."),
            optional_string(
                "vnet_resource_group",
                "Resource group of the existing virtual network.",
            ),
            optional_string("vnet_cidr_block", "Address space of the virtual network."),
            optional_bool(
                "private_cluster",
                "Whether the API server has a private endpoint only.",
            ),
        ]
        .into_iter()
        .chain(azure::subnet_attributes("worker", "nodes"))
        .collect()
    }

    fn check(&self, block: &Value, path: &AttributePath, _pools: &[Pool], diags: &mut Diagnostics) {
        azure::check_network(block, path, &["worker"], diags);
    }

    fn sizing(&self) -> &'static [Sizing] {
        SIZING
    }

    /// AKS runs its system pods (CoreDNS, metrics-server) on system node pools and refuses a
    /// cluster without one (`v1AzureMachinePoolCloudConfigEntity.isSystemNodePool`), and a system
    /// pool cannot be empty.
    fn check_pool_list(&self, pools: &[Value], diags: &mut Diagnostics) {
        // A pool unknown as a whole (a `dynamic` block at validate) may yet be a system pool.
        let flag = |pool: &Value| match pool {
            Value::Unknown(_) => Value::unknown(),
            pool => pool
                .get("is_system_node_pool")
                .cloned()
                .unwrap_or(Value::Null),
        };
        let mut system_pools = 0;
        for (index, pool) in pools.iter().enumerate() {
            check_windows(pool, index, diags);
            if flag(pool).as_bool() != Some(true) {
                continue;
            }
            system_pools += 1;
            if pool.get_i64("count") == Some(0) {
                diags.attribute_error(
                    AttributePath::root("machine_pool")
                        .index(index as i64)
                        .attr("count"),
                    "Empty System Node Pool",
                    "An AKS system node pool needs at least one node.",
                );
            }
        }
        let all_known = pools.iter().all(|p| !flag(p).is_unknown());
        if system_pools == 0 && all_known && !pools.is_empty() {
            // Terraform shows an attribute's line, not a block list's: point at the first
            // pool's flag, where the fix can go.
            diags.attribute_error(
                AttributePath::root("machine_pool")
                    .index(0)
                    .attr("is_system_node_pool"),
                "Missing System Node Pool",
                "An AKS cluster needs at least one machine pool with `is_system_node_pool = true`: \
                 AKS runs the cluster's system pods (CoreDNS, metrics-server) there and refuses a \
                 cluster without one.",
            );
        }
    }

    fn create_body(&self, spec: &ClusterSpec<'_>) -> palette_api::ClusterCreate {
        azure::create_body(spec, true)
    }

    /// AKS sets a node pool's OS and OS disk when it makes the pool and cannot change them.
    fn fixed_pool_fields(&self) -> &'static [SizingField] {
        &[SizingField::OsType, SizingField::StorageAccountType]
    }

    fn pool_body(&self, _block: &Value, pool: &Pool) -> Result<serde_json::Value, String> {
        to_json(&azure::pool_entity(pool, true))
    }

    fn read_cloud_config(&self, body: serde_json::Value) -> Result<CloudConfigState, String> {
        let mut state = azure::read_cloud_config(body)?;
        for name in [
            "storage_account_name",
            "container_name",
            "control_plane_subnet_name",
            "control_plane_subnet_cidr",
            "control_plane_subnet_security_group",
        ] {
            state.block.remove(name);
        }
        Ok(state)
    }
}

/// A Windows pool (AKS's rules for Windows node pools): not a system pool (system pools run
/// Linux), and a name of 1 to 6 lowercase letters and digits starting with a letter. Unknown
/// values are checked once known.
fn check_windows(pool: &Value, index: usize, diags: &mut Diagnostics) {
    if pool.get_str("os_type") != Some("Windows") {
        return;
    }
    let path = AttributePath::root("machine_pool").index(index as i64);
    if pool.get_bool("is_system_node_pool") == Some(true) {
        diags.attribute_error(
            path.clone().attr("is_system_node_pool"),
            "Windows System Node Pool",
            "AKS runs its system pods on Linux: a system node pool cannot be a Windows pool. \
             Keep a Linux system pool and make this one a user pool.",
        );
    }
    if let Some(name) = pool.get_str("name") {
        let mut chars = name.chars();
        let valid = (1..=6).contains(&name.len())
            && chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
        if !valid {
            diags.attribute_error(
                path.attr("name"),
                "Invalid Windows Pool Name",
                format!(
                    "{name:?} cannot name an AKS Windows node pool: AKS takes 1 to 6 lowercase \
                     letters and digits, starting with a letter."
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(name: &str, os: Value, system: Value) -> Value {
        Value::Object(
            [
                ("name", Value::from(name)),
                ("count", 1.into()),
                ("os_type", os),
                ("is_system_node_pool", system),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
        )
    }

    #[test]
    fn windows_pools_follow_aks_rules() {
        let sys = || pool("system", Value::Null, true.into());
        let cases: Vec<(&str, Value, Vec<&str>)> = vec![
            (
                "a windows user pool",
                pool("win1", "Windows".into(), Value::Null),
                vec![],
            ),
            (
                "a linux pool may be long",
                pool("linuxworkers", "Linux".into(), Value::Null),
                vec![],
            ),
            (
                "a windows system pool",
                pool("win", "Windows".into(), true.into()),
                vec!["machine_pool[1].is_system_node_pool"],
            ),
            (
                "a long windows name",
                pool("windows", "Windows".into(), Value::Null),
                vec!["machine_pool[1].name"],
            ),
            (
                "a name starting with a digit",
                pool("1win", "Windows".into(), Value::Null),
                vec!["machine_pool[1].name"],
            ),
            (
                "an unknown OS waits",
                pool("windows", Value::unknown(), true.into()),
                vec![],
            ),
        ];
        for (name, extra, want) in cases {
            let mut diags = Diagnostics::new();
            Aks.check_pool_list(&[sys(), extra], &mut diags);
            let got: Vec<String> = diags
                .iter()
                .map(|d| d.attribute.as_ref().unwrap().to_string())
                .collect();
            assert_eq!(got, want, "{name}: {diags:?}");
        }
    }

    /// The OS and OS disk go to AKS (`managedPoolConfig.osType`, `osDisk.managedDisk`) and
    /// read back the same.
    #[test]
    fn os_and_disk_round_trip() {
        let sent = Pool {
            name: "win".into(),
            count: Some(1),
            instance_type: Some("Standard_D4s_v3".into()),
            os_type: Some("Windows".into()),
            storage_account_type: Some("Premium_LRS".into()),
            ..Default::default()
        };
        let body = Aks.pool_body(&Value::Null, &sent).unwrap();
        assert_eq!(body["managedPoolConfig"]["osType"], "Windows");
        assert_eq!(
            body["cloudConfig"]["osDisk"]["managedDisk"]["storageAccountType"],
            "Premium_LRS"
        );
        let mut stored = body["poolConfig"].clone();
        stored["isControlPlane"] = false.into();
        stored["osType"] = "Windows".into();
        stored["osDisk"] = body["cloudConfig"]["osDisk"].clone();
        let read = Aks
            .read_cloud_config(serde_json::json!({"spec": {"machinePoolConfig": [stored]}}))
            .unwrap();
        assert_eq!(read.pools[0].os_type.as_deref(), Some("Windows"));
        assert_eq!(
            read.pools[0].storage_account_type.as_deref(),
            Some("Premium_LRS")
        );
    }
}
