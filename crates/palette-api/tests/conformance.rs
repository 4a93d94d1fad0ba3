//! Conformance of the wire models with the official spec: every model round-trips a value that
//! fills every field its spec definition names, writes only keys the spec names with the spec's
//! JSON types, and has exactly the spec's required fields as non-`Option` fields.
//!
//! The spec is read from `../shared/reference/` relative to the workspace root; when it is
//! absent the tests print a message and pass without checking.

use std::path::Path;

use palette_api::models;
use palette_test_support::conformance::Spec;
use serde_json::Value;

/// One model under test: its Rust name, its spec address and two type-erased operations.
struct Case {
    rust: &'static str,
    address: &'static str,
    round_trip: fn(Value) -> Result<Value, String>,
    default_json: fn() -> Value,
}

macro_rules! cases {
    ($(($ty:ty, $addr:literal)),* $(,)?) => {
        vec![$(Case {
            rust: stringify!($ty),
            address: $addr,
            round_trip: |v| {
                let typed: $ty = serde_json::from_value(v).map_err(|e| e.to_string())?;
                serde_json::to_value(&typed).map_err(|e| e.to_string())
            },
            default_json: || serde_json::to_value(<$ty>::default()).expect("a default model serializes"),
        }),*]
    };
}

/// Every model, Rust type to spec definition (inline objects as `v1Owner.field`).
fn cases() -> Vec<Case> {
    cases![
        (models::AADProfile, "v1AADProfile"),
        (models::ClusterTemplateEntity, "v1ClusterTemplateEntity"),
        (
            models::ClusterTemplateEntitySpec,
            "v1ClusterTemplateEntitySpec"
        ),
        (models::PolicyRef, "v1PolicyRef"),
        (models::ClusterTemplateProfile, "v1ClusterTemplateProfile"),
        (models::ClusterTemplateVariable, "v1ClusterTemplateVariable"),
        (models::ClusterVariableValue, "v1ClusterVariableValue"),
        (models::ClusterTemplate, "v1ClusterTemplate"),
        (models::ClusterTemplateSpec, "v1ClusterTemplateSpec"),
        (models::ClusterTemplateSpcRef, "v1ClusterTemplateSpcRef"),
        (models::ClusterTemplateStatus, "v1ClusterTemplateStatus"),
        (
            models::ClusterTemplateProfilesUpdateEntity,
            "v1ClusterTemplateProfilesUpdateEntity"
        ),
        (
            models::ClusterTemplatePoliciesUpdateEntity,
            "v1ClusterTemplatePoliciesUpdateEntity"
        ),
        (
            models::ClusterTemplateVariablesUpdateEntity,
            "v1ClusterTemplateVariablesUpdateEntity"
        ),
        (
            models::ClusterTemplateProfileVariable,
            "v1ClusterTemplateProfileVariable"
        ),
        (models::APIEndpoint, "v1APIEndpoint"),
        (
            models::ClusterMetaAttributeEntity,
            "v1ClusterMetaAttributeEntity"
        ),
        (models::HostClusterConfigEntity, "v1HostClusterConfigEntity"),
        (models::HostClusterConfig, "v1HostClusterConfig"),
        (models::HostClusterEndpoint, "v1HostClusterEndpoint"),
        (
            models::HostClusterEndpointConfig,
            "v1HostClusterEndpointConfig"
        ),
        (models::IngressConfig, "v1IngressConfig"),
        (models::GpuConfig, "v1GpuConfig"),
        (models::MachineCertificates, "v1MachineCertificates"),
        (models::MachineCertificate, "v1MachineCertificate"),
        (models::CertificateAuthority, "v1CertificateAuthority"),
        (models::Certificate, "v1Certificate"),
        (models::ClusterLocation, "v1ClusterLocation"),
        (models::GeolocationLatlong, "v1GeolocationLatlong"),
        (
            models::SpectroClusterLocationInputEntity,
            "v1SpectroClusterLocationInputEntity"
        ),
        (models::LoadBalancerConfig, "v1LoadBalancerConfig"),
        (models::APIServerAccessProfile, "v1APIServerAccessProfile"),
        (models::AclMeta, "v1AclMeta"),
        (models::AwsAMI, "v1AwsAMI"),
        (models::AwsAccount, "v1AwsAccount"),
        (models::AwsAccounts, "v1AwsAccounts"),
        (models::AwsAmiReference, "v1AwsAmiReference"),
        (models::AwsCloudAccount, "v1AwsCloudAccount"),
        (
            models::AwsCloudClusterConfigEntity,
            "v1AwsCloudClusterConfigEntity"
        ),
        (models::AwsCloudConfig, "v1AwsCloudConfig"),
        (models::AwsCloudConfigSpec, "v1AwsCloudConfigSpec"),
        (models::AwsCloudConfigStatus, "v1AwsCloudConfigStatus"),
        (models::AwsClusterConfig, "v1AwsClusterConfig"),
        (models::AwsHybridMachinePool, "v1AwsHybridMachinePool"),
        (models::AwsLaunchTemplate, "v1AwsLaunchTemplate"),
        (models::AwsMachine, "v1AwsMachine"),
        (
            models::AwsMachinePoolCloudConfigEntity,
            "v1AwsMachinePoolCloudConfigEntity"
        ),
        (models::AwsMachinePoolConfig, "v1AwsMachinePoolConfig"),
        (
            models::AwsMachinePoolConfigEntity,
            "v1AwsMachinePoolConfigEntity"
        ),
        (models::AwsMachineSpec, "v1AwsMachineSpec"),
        (models::AwsMachines, "v1AwsMachines"),
        (models::AwsNic, "v1AwsNic"),
        (
            models::AwsPodIdentityCredentials,
            "v1AwsPodIdentityCredentials"
        ),
        (models::AwsResourceFilter, "v1AwsResourceFilter"),
        (models::AwsResourceReference, "v1AwsResourceReference"),
        (models::AwsRootVolume, "v1AwsRootVolume"),
        (models::AwsSecretSpec, "v1AwsSecretSpec"),
        (models::AwsSecretTlsConfig, "v1AwsSecretTlsConfig"),
        (models::AwsStsCredentials, "v1AwsStsCredentials"),
        (models::AwsSubnetEntity, "v1AwsSubnetEntity"),
        (models::AwsSubnet, "v1AwsSubnet"),
        (models::AwsVpc, "v1AwsVpc"),
        (models::AwsVpcs, "v1AwsVpcs"),
        (models::AwsSecuritygroup, "v1AwsSecuritygroup"),
        (models::AwsSecurityGroups, "v1AwsSecurityGroups"),
        (models::AzureAccount, "v1AzureAccount"),
        (models::AzureAccounts, "v1AzureAccounts"),
        (models::AzureCloudAccount, "v1AzureCloudAccount"),
        (
            models::AzureCloudClusterConfigEntity,
            "v1AzureCloudClusterConfigEntity"
        ),
        (models::AzureCloudConfig, "v1AzureCloudConfig"),
        (models::AzureCloudConfigSpec, "v1AzureCloudConfigSpec"),
        (models::AzureCloudConfigStatus, "v1AzureCloudConfigStatus"),
        (models::AzureClusterConfig, "v1AzureClusterConfig"),
        (models::AzureImage, "v1AzureImage"),
        (models::AzureMachine, "v1AzureMachine"),
        (
            models::AzureMachinePoolCloudConfigEntity,
            "v1AzureMachinePoolCloudConfigEntity"
        ),
        (models::AzureMachinePoolConfig, "v1AzureMachinePoolConfig"),
        (
            models::AzureMachinePoolConfigEntity,
            "v1AzureMachinePoolConfigEntity"
        ),
        (models::AzureMachineSpec, "v1AzureMachineSpec"),
        (
            models::AzureMachineSpecAvailabilityZone,
            "v1AzureMachineSpecAvailabilityZone"
        ),
        (models::AzureMachineSpecImage, "v1AzureMachineSpecImage"),
        (models::AzureMachines, "v1AzureMachines"),
        (
            models::AzureManagedMachinePoolConfig,
            "v1AzureManagedMachinePoolConfig"
        ),
        (models::AzureNic, "v1AzureNic"),
        (models::AzureOSDisk, "v1AzureOSDisk"),
        (models::AzureSecretTlsConfig, "v1AzureSecretTlsConfig"),
        (models::AzureVHDImage, "v1AzureVHDImage"),
        (models::CloudAccountMeta, "v1CloudAccountMeta"),
        (models::CloudAccountSettings, "v1CloudAccountSettings"),
        (models::CloudAccountStatus, "v1CloudAccountStatus"),
        (models::CloudAccountSummary, "v1CloudAccountSummary"),
        (
            models::CloudAccountSummarySpecSummary,
            "v1CloudAccountSummary.specSummary"
        ),
        (models::CloudAccountsSummary, "v1CloudAccountsSummary"),
        (models::CloudConfigMeta, "v1CloudConfigMeta"),
        (models::CloudCost, "v1CloudCost"),
        (models::CloudMachineStatus, "v1CloudMachineStatus"),
        (models::ClusterCondition, "v1ClusterCondition"),
        (models::ClusterConfig, "v1ClusterConfig"),
        (models::ClusterConfigEntity, "v1ClusterConfigEntity"),
        (models::ClusterConfigResponse, "v1ClusterConfigResponse"),
        (models::ClusterMetaSpecLocation, "v1ClusterMetaSpecLocation"),
        (
            models::ClusterNotificationStatus,
            "v1ClusterNotificationStatus"
        ),
        (
            models::ClusterPackManifestStatus,
            "v1ClusterPackManifestStatus"
        ),
        (models::ClusterPackStatus, "v1ClusterPackStatus"),
        (models::ClusterProfile, "v1ClusterProfile"),
        (
            models::ClusterProfileCloneEntity,
            "v1ClusterProfileCloneEntity"
        ),
        (
            models::ClusterProfileCloneMetaInputEntity,
            "v1ClusterProfileCloneMetaInputEntity"
        ),
        (
            models::ClusterProfileCloneTarget,
            "v1ClusterProfileCloneTarget"
        ),
        (models::ClusterProfileEntity, "v1ClusterProfileEntity"),
        (
            models::ClusterProfileEntitySpec,
            "v1ClusterProfileEntity.spec"
        ),
        (
            models::ClusterProfileFilterSpec,
            "v1ClusterProfileFilterSpec"
        ),
        (models::ClusterProfileFips, "v1ClusterProfileFips"),
        (models::ClusterProfileMetadata, "v1ClusterProfileMetadata"),
        (
            models::ClusterProfileMetadataSpec,
            "v1ClusterProfileMetadata.spec"
        ),
        (
            models::ClusterProfilePackSummary,
            "v1ClusterProfilePackSummary"
        ),
        (
            models::ClusterProfilePacksEntity,
            "v1ClusterProfilePacksEntity"
        ),
        (models::ClusterProfileSortSpec, "v1ClusterProfileSortSpec"),
        (models::ClusterProfileSpec, "v1ClusterProfileSpec"),
        (
            models::ClusterProfileSpecEntity,
            "v1ClusterProfileSpecEntity"
        ),
        (models::ClusterProfileStatus, "v1ClusterProfileStatus"),
        (
            models::ClusterProfileStatusSummary,
            "v1ClusterProfileStatusSummary"
        ),
        (models::ClusterProfileSummary, "v1ClusterProfileSummary"),
        (
            models::ClusterProfileSummarySpecSummary,
            "v1ClusterProfileSummary.specSummary"
        ),
        (models::ClusterProfileTemplate, "v1ClusterProfileTemplate"),
        (
            models::ClusterProfileTemplateDraft,
            "v1ClusterProfileTemplateDraft"
        ),
        (
            models::ClusterProfileTemplateMeta,
            "v1ClusterProfileTemplateMeta"
        ),
        (
            models::ClusterProfileTemplateSummary,
            "v1ClusterProfileTemplateSummary"
        ),
        (
            models::ClusterProfileTemplateUpdate,
            "v1ClusterProfileTemplateUpdate"
        ),
        (
            models::ClusterProfileUpdateEntity,
            "v1ClusterProfileUpdateEntity"
        ),
        (
            models::ClusterProfileUpdateEntitySpec,
            "v1ClusterProfileUpdateEntity.spec"
        ),
        (models::ClusterProfileVersion, "v1ClusterProfileVersion"),
        (
            models::ClusterProfilesFilterSpec,
            "v1ClusterProfilesFilterSpec"
        ),
        (models::ClusterProfilesMetadata, "v1ClusterProfilesMetadata"),
        (models::ClusterProfilesSummary, "v1ClusterProfilesSummary"),
        (models::ClusterRepaveStatus, "v1ClusterRepaveStatus"),
        (models::ClusterTemplateRef, "v1ClusterTemplateRef"),
        (models::ComputeMetrics, "v1ComputeMetrics"),
        (models::ControlPlaneEndPoint, "v1ControlPlaneEndPoint"),
        (models::CustomAccount, "v1CustomAccount"),
        (models::CustomAccountEntity, "v1CustomAccountEntity"),
        (models::CustomAccounts, "v1CustomAccounts"),
        (models::CustomCloudAccount, "v1CustomCloudAccount"),
        (
            models::CustomCloudClusterConfigEntity,
            "v1CustomCloudClusterConfigEntity"
        ),
        (models::CustomCloudConfig, "v1CustomCloudConfig"),
        (models::CustomCloudConfigSpec, "v1CustomCloudConfigSpec"),
        (models::CustomClusterConfig, "v1CustomClusterConfig"),
        (
            models::CustomClusterConfigEntity,
            "v1CustomClusterConfigEntity"
        ),
        (models::CustomInstanceType, "v1CustomInstanceType"),
        (models::CustomMachine, "v1CustomMachine"),
        (
            models::CustomMachinePoolBaseConfigEntity,
            "v1CustomMachinePoolBaseConfigEntity"
        ),
        (
            models::CustomMachinePoolCloudConfigEntity,
            "v1CustomMachinePoolCloudConfigEntity"
        ),
        (models::CustomMachinePoolConfig, "v1CustomMachinePoolConfig"),
        (
            models::CustomMachinePoolConfigEntity,
            "v1CustomMachinePoolConfigEntity"
        ),
        (models::CustomMachineSpec, "v1CustomMachineSpec"),
        (models::CustomMachines, "v1CustomMachines"),
        (models::CustomNic, "v1CustomNic"),
        (models::EdgeClusterObjectEntity, "v1EdgeClusterObjectEntity"),
        (models::EdgeHost, "v1EdgeHost"),
        (models::EdgeHostDevice, "v1EdgeHostDevice"),
        (models::EdgeHostDeviceSpec, "v1EdgeHostDeviceSpec"),
        (models::EdgeHostDeviceStatus, "v1EdgeHostDeviceStatus"),
        (models::EdgeHostHealth, "v1EdgeHostHealth"),
        (models::EdgeHostIdentity, "v1EdgeHostIdentity"),
        (models::EdgeHostMeta, "v1EdgeHostMeta"),
        (models::EdgeHostNetwork, "v1EdgeHostNetwork"),
        (models::EdgeHostProperties, "v1EdgeHostProperties"),
        (models::EdgeHostSSHSecret, "v1EdgeHostSSHSecret"),
        (models::EdgeHostSpecHost, "v1EdgeHostSpecHost"),
        (models::EdgeHostStoragePool, "v1EdgeHostStoragePool"),
        (models::EdgeHostsMeta, "v1EdgeHostsMeta"),
        (models::EdgeHostsMetadata, "v1EdgeHostsMetadata"),
        (models::EdgeHostsMetadataSpec, "v1EdgeHostsMetadataSpec"),
        (models::EdgeHostsMetadataStatus, "v1EdgeHostsMetadataStatus"),
        (models::EdgeHostsSearchSummary, "v1EdgeHostsSearchSummary"),
        (
            models::EdgeNativeCloudClusterConfigEntity,
            "v1EdgeNativeCloudClusterConfigEntity"
        ),
        (models::EdgeNativeCloudConfig, "v1EdgeNativeCloudConfig"),
        (
            models::EdgeNativeCloudConfigSpec,
            "v1EdgeNativeCloudConfigSpec"
        ),
        (
            models::EdgeNativeCloudConfigStatus,
            "v1EdgeNativeCloudConfigStatus"
        ),
        (models::EdgeNativeClusterConfig, "v1EdgeNativeClusterConfig"),
        (
            models::EdgeNativeControlPlaneEndPoint,
            "v1EdgeNativeControlPlaneEndPoint"
        ),
        (models::EdgeNativeHost, "v1EdgeNativeHost"),
        (models::EdgeNativeInstanceType, "v1EdgeNativeInstanceType"),
        (models::EdgeNativeMachine, "v1EdgeNativeMachine"),
        (
            models::EdgeNativeMachinePoolCloudConfigEntity,
            "v1EdgeNativeMachinePoolCloudConfigEntity"
        ),
        (
            models::EdgeNativeMachinePoolConfig,
            "v1EdgeNativeMachinePoolConfig"
        ),
        (
            models::EdgeNativeMachinePoolConfigEntity,
            "v1EdgeNativeMachinePoolConfigEntity"
        ),
        (
            models::EdgeNativeMachinePoolHostEntity,
            "v1EdgeNativeMachinePoolHostEntity"
        ),
        (models::EdgeNativeMachineSpec, "v1EdgeNativeMachineSpec"),
        (models::EdgeNativeMachines, "v1EdgeNativeMachines"),
        (models::EdgeNativeNic, "v1EdgeNativeNic"),
        (
            models::EdgeNativeOverlayNetworkConfiguration,
            "v1EdgeNativeOverlayNetworkConfiguration"
        ),
        (models::EksAddon, "v1EksAddon"),
        (
            models::EksCloudClusterConfigEntity,
            "v1EksCloudClusterConfigEntity"
        ),
        (models::EksCloudConfig, "v1EksCloudConfig"),
        (models::EksCloudConfigSpec, "v1EksCloudConfigSpec"),
        (models::EksClusterConfig, "v1EksClusterConfig"),
        (
            models::EksClusterConfigEndpointAccess,
            "v1EksClusterConfigEndpointAccess"
        ),
        (
            models::EksMachineCloudConfigEntity,
            "v1EksMachineCloudConfigEntity"
        ),
        (models::EksMachinePoolConfig, "v1EksMachinePoolConfig"),
        (
            models::EksMachinePoolConfigEntity,
            "v1EksMachinePoolConfigEntity"
        ),
        (models::EksSubnetEntity, "v1EksSubnetEntity"),
        (models::EncryptionConfig, "v1EncryptionConfig"),
        (models::Event, "v1Event"),
        (models::EventRelatedObject, "v1EventRelatedObject"),
        (models::EventSource, "v1EventSource"),
        (models::Events, "v1Events"),
        (models::FargateProfile, "v1FargateProfile"),
        (models::EksFargateProfiles, "v1EksFargateProfiles"),
        (models::FargateSelector, "v1FargateSelector"),
        (models::FilterArray, "v1FilterArray"),
        (models::FilterString, "v1FilterString"),
        (models::FilterVersionString, "v1FilterVersionString"),
        (models::GcpAccount, "v1GcpAccount"),
        (models::GcpAccountEntity, "v1GcpAccountEntity"),
        (models::GcpAccountEntitySpec, "v1GcpAccountEntitySpec"),
        (models::GcpAccountSpec, "v1GcpAccountSpec"),
        (models::GcpAccounts, "v1GcpAccounts"),
        (
            models::GcpCloudClusterConfigEntity,
            "v1GcpCloudClusterConfigEntity"
        ),
        (models::GcpCloudConfig, "v1GcpCloudConfig"),
        (models::GcpCloudConfigSpec, "v1GcpCloudConfigSpec"),
        (models::GcpCloudConfigStatus, "v1GcpCloudConfigStatus"),
        (models::GcpClusterConfig, "v1GcpClusterConfig"),
        (models::GcpImage, "v1GcpImage"),
        (models::GcpMachine, "v1GcpMachine"),
        (
            models::GcpMachinePoolCloudConfigEntity,
            "v1GcpMachinePoolCloudConfigEntity"
        ),
        (models::GcpMachinePoolConfig, "v1GcpMachinePoolConfig"),
        (
            models::GcpMachinePoolConfigEntity,
            "v1GcpMachinePoolConfigEntity"
        ),
        (models::GcpMachineSpec, "v1GcpMachineSpec"),
        (models::GcpMachines, "v1GcpMachines"),
        (models::GcpManagedClusterConfig, "v1GcpManagedClusterConfig"),
        (models::GcpNic, "v1GcpNic"),
        (models::GcpSubnetEntity, "v1GcpSubnetEntity"),
        (models::GenericInstanceType, "v1GenericInstanceType"),
        (
            models::HostClusterConfigResponse,
            "v1HostClusterConfigResponse"
        ),
        (models::HybridClusterMeta, "v1HybridClusterMeta"),
        (models::HyperShiftConfig, "v1HyperShiftConfig"),
        (models::IPPool, "v1IPPool"),
        (models::InfraLBConfig, "v1InfraLBConfig"),
        (models::InstanceConfig, "v1InstanceConfig"),
        (models::KubeMeta, "v1KubeMeta"),
        (models::ListMetaData, "v1ListMetaData"),
        (models::LoadBalancerService, "v1LoadBalancerService"),
        (models::LoadBalancerSpec, "v1LoadBalancerSpec"),
        (models::MaasAccount, "v1MaasAccount"),
        (models::MaasAccounts, "v1MaasAccounts"),
        (models::MaasCloudAccount, "v1MaasCloudAccount"),
        (
            models::MaasCloudClusterConfigEntity,
            "v1MaasCloudClusterConfigEntity"
        ),
        (models::MaasCloudConfig, "v1MaasCloudConfig"),
        (models::MaasCloudConfigSpec, "v1MaasCloudConfigSpec"),
        (models::MaasCloudConfigStatus, "v1MaasCloudConfigStatus"),
        (models::MaasClusterConfig, "v1MaasClusterConfig"),
        (models::MaasImage, "v1MaasImage"),
        (models::MaasInstanceType, "v1MaasInstanceType"),
        (models::MaasMachine, "v1MaasMachine"),
        (
            models::MaasMachinePoolCloudConfigEntity,
            "v1MaasMachinePoolCloudConfigEntity"
        ),
        (models::MaasMachinePoolConfig, "v1MaasMachinePoolConfig"),
        (
            models::MaasMachinePoolConfigEntity,
            "v1MaasMachinePoolConfigEntity"
        ),
        (models::MaasMachineSpec, "v1MaasMachineSpec"),
        (models::MaasMachines, "v1MaasMachines"),
        (models::MaasNetworkConfig, "v1MaasNetworkConfig"),
        (models::MaasNetworkConfigEntity, "v1MaasNetworkConfigEntity"),
        (models::MaasNic, "v1MaasNic"),
        (models::MachineAddress, "v1MachineAddress"),
        (models::MachineHealth, "v1MachineHealth"),
        (
            models::MachineHealthCheckConfig,
            "v1MachineHealthCheckConfig"
        ),
        (models::MachineHealthCondition, "v1MachineHealthCondition"),
        (models::MachineMaintenance, "v1MachineMaintenance"),
        (models::Overlord, "v1Overlord"),
        (models::Overlords, "v1Overlords"),
        (models::OverloadSpec, "v1OverloadSpec"),
        (models::OverloadStatus, "v1OverloadStatus"),
        (models::VsphereDatacenters, "v1VsphereDatacenters"),
        (models::VsphereDatacenter, "v1VsphereDatacenter"),
        (
            models::VsphereComputeClusterResources,
            "v1VsphereComputeClusterResources"
        ),
        (models::VsphereComputeCluster, "v1VsphereComputeCluster"),
        (models::MaasZones, "v1MaasZones"),
        (models::MaasZone, "v1MaasZone"),
        (models::MaasTags, "v1MaasTags"),
        (models::MaasTag, "v1MaasTag"),
        (models::IpPoolInputEntity, "v1IpPoolInputEntity"),
        (models::IpPoolEntity, "v1IpPoolEntity"),
        (models::IpPoolStatus, "v1IpPoolStatus"),
        (models::IpPools, "v1IpPools"),
        (
            models::MachineMaintenanceStatus,
            "v1MachineMaintenanceStatus"
        ),
        (models::MachineManagementConfig, "v1MachineManagementConfig"),
        (models::MachineMetadata, "v1MachineMetadata"),
        (models::MachinePoolConfigEntity, "v1MachinePoolConfigEntity"),
        (models::MachinePoolMeta, "v1MachinePoolMeta"),
        (models::MachinePoolProperties, "v1MachinePoolProperties"),
        (models::ManagedDisk, "v1ManagedDisk"),
        (models::ManifestData, "v1ManifestData"),
        (models::ManifestEntities, "v1ManifestEntities"),
        (models::ManifestEntity, "v1ManifestEntity"),
        (models::ManifestInputEntity, "v1ManifestInputEntity"),
        (models::ManifestRefUpdateEntity, "v1ManifestRefUpdateEntity"),
        (models::ManifestSpec, "v1ManifestSpec"),
        (models::Nameserver, "v1Nameserver"),
        (models::Nic, "v1Nic"),
        (models::ObjectEntity, "v1ObjectEntity"),
        (models::ObjectMeta, "v1ObjectMeta"),
        (models::ObjectMetaInputEntity, "v1ObjectMetaInputEntity"),
        (
            models::ObjectMetaInputEntitySchema,
            "v1ObjectMetaInputEntitySchema"
        ),
        (models::ObjectReference, "v1ObjectReference"),
        (models::ObjectResReference, "v1ObjectResReference"),
        (models::OpenStackAccount, "v1OpenStackAccount"),
        (models::OpenStackAccounts, "v1OpenStackAccounts"),
        (models::OpenStackCloudAccount, "v1OpenStackCloudAccount"),
        (
            models::OpenStackCloudClusterConfigEntity,
            "v1OpenStackCloudClusterConfigEntity"
        ),
        (models::OpenStackCloudConfig, "v1OpenStackCloudConfig"),
        (
            models::OpenStackCloudConfigSpec,
            "v1OpenStackCloudConfigSpec"
        ),
        (
            models::OpenStackCloudConfigStatus,
            "v1OpenStackCloudConfigStatus"
        ),
        (models::OpenStackClusterConfig, "v1OpenStackClusterConfig"),
        (models::OpenStackMachine, "v1OpenStackMachine"),
        (
            models::OpenStackMachinePoolCloudConfigEntity,
            "v1OpenStackMachinePoolCloudConfigEntity"
        ),
        (
            models::OpenStackMachinePoolConfig,
            "v1OpenStackMachinePoolConfig"
        ),
        (
            models::OpenStackMachinePoolConfigEntity,
            "v1OpenStackMachinePoolConfigEntity"
        ),
        (models::OpenStackMachineSpec, "v1OpenStackMachineSpec"),
        (models::OpenStackMachines, "v1OpenStackMachines"),
        (models::OpenStackNic, "v1OpenStackNic"),
        (models::OpenStackResource, "v1OpenStackResource"),
        (models::OpenstackFlavorConfig, "v1OpenstackFlavorConfig"),
        (models::OsPatchConfig, "v1OsPatchConfig"),
        (models::PackDependencyMeta, "v1PackDependencyMeta"),
        (models::PackFilterSpec, "v1PackFilterSpec"),
        (models::PackManifestEntity, "v1PackManifestEntity"),
        (
            models::PackManifestUpdateEntity,
            "v1PackManifestUpdateEntity"
        ),
        (models::PackMetadata, "v1PackMetadata"),
        (models::PackMetadataList, "v1PackMetadataList"),
        (models::PackMetadataSpec, "v1PackMetadataSpec"),
        (models::PackPreset, "v1PackPreset"),
        (models::PackRef, "v1PackRef"),
        (models::PackRefSummary, "v1PackRefSummary"),
        (models::PackRegistries, "v1PackRegistries"),
        (models::PackRegistry, "v1PackRegistry"),
        (models::PackRegistrySpec, "v1PackRegistrySpec"),
        (models::PackRegistryStatus, "v1PackRegistryStatus"),
        (models::PackSchema, "v1PackSchema"),
        (models::PackSortSpec, "v1PackSortSpec"),
        (models::PackSummaries, "v1PackSummaries"),
        (models::PackSummary, "v1PackSummary"),
        (models::PackSummarySpec, "v1PackSummarySpec"),
        (models::PackTagEntity, "v1PackTagEntity"),
        (models::PackTags, "v1PackTags"),
        (models::PackUidValues, "v1PackUidValues"),
        (models::PackValuesEntity, "v1PackValuesEntity"),
        (models::PacksFilterSpec, "v1PacksFilterSpec"),
        (models::Pool, "v1Pool"),
        (models::ProfileMetaEntity, "v1ProfileMetaEntity"),
        (models::ProfileStatus, "v1ProfileStatus"),
        (models::ProfileTemplateSummary, "v1ProfileTemplateSummary"),
        (models::ProjectMeta, "v1ProjectMeta"),
        (models::ProjectMetadata, "v1ProjectMetadata"),
        (
            models::ProjectResourceReference,
            "v1ProjectResourceReference"
        ),
        (models::ProjectsMetadata, "v1ProjectsMetadata"),
        (models::RegistriesMetadata, "v1RegistriesMetadata"),
        (models::RegistryAuth, "v1RegistryAuth"),
        (models::RegistryMetadata, "v1RegistryMetadata"),
        (models::RegistryPackMetadata, "v1RegistryPackMetadata"),
        (models::RegistrySyncStatus, "v1RegistrySyncStatus"),
        (models::RelatedObject, "v1RelatedObject"),
        (models::ResourceCost, "v1ResourceCost"),
        (models::ResourceReference, "v1ResourceReference"),
        (
            models::SearchFilterBoolCondition,
            "v1SearchFilterBoolCondition"
        ),
        (models::SearchFilterCondition, "v1SearchFilterCondition"),
        (
            models::SearchFilterDateCondition,
            "v1SearchFilterDateCondition"
        ),
        (
            models::SearchFilterDateConditionMatch,
            "v1SearchFilterDateConditionMatch"
        ),
        (
            models::SearchFilterFloatCondition,
            "v1SearchFilterFloatCondition"
        ),
        (
            models::SearchFilterFloatConditionMatch,
            "v1SearchFilterFloatConditionMatch"
        ),
        (models::SearchFilterGroup, "v1SearchFilterGroup"),
        (
            models::SearchFilterIntegerCondition,
            "v1SearchFilterIntegerCondition"
        ),
        (
            models::SearchFilterIntegerConditionMatch,
            "v1SearchFilterIntegerConditionMatch"
        ),
        (models::SearchFilterItem, "v1SearchFilterItem"),
        (
            models::SearchFilterKeyValueCondition,
            "v1SearchFilterKeyValueCondition"
        ),
        (
            models::SearchFilterKeyValueConditionMatch,
            "v1SearchFilterKeyValueConditionMatch"
        ),
        (models::SearchFilterSortSpec, "v1SearchFilterSortSpec"),
        (models::SearchFilterSpec, "v1SearchFilterSpec"),
        (
            models::SearchFilterStringCondition,
            "v1SearchFilterStringCondition"
        ),
        (
            models::SearchFilterStringConditionMatch,
            "v1SearchFilterStringConditionMatch"
        ),
        (models::SearchFilterSummarySpec, "v1SearchFilterSummarySpec"),
        (models::ServicePort, "v1ServicePort"),
        (models::ServiceSpec, "v1ServiceSpec"),
        (models::SpcApply, "v1SpcApply"),
        (models::SpcApplySettings, "v1SpcApplySettings"),
        (models::SpectroAwsClusterEntity, "v1SpectroAwsClusterEntity"),
        (
            models::SpectroAwsClusterEntitySpec,
            "v1SpectroAwsClusterEntity.spec"
        ),
        (
            models::SpectroAzureClusterEntity,
            "v1SpectroAzureClusterEntity"
        ),
        (
            models::SpectroAzureClusterEntitySpec,
            "v1SpectroAzureClusterEntity.spec"
        ),
        (models::SpectroCluster, "v1SpectroCluster"),
        (
            models::SpectroClusterAddOnService,
            "v1SpectroClusterAddOnService"
        ),
        (
            models::SpectroClusterAddOnServiceSummary,
            "v1SpectroClusterAddOnServiceSummary"
        ),
        (
            models::SpectroClusterHealthCondition,
            "v1SpectroClusterHealthCondition"
        ),
        (
            models::SpectroClusterHealthStatus,
            "v1SpectroClusterHealthStatus"
        ),
        (models::SpectroClusterMetrics, "v1SpectroClusterMetrics"),
        (models::SpectroClusterProfile, "v1SpectroClusterProfile"),
        (
            models::SpectroClusterProfileEntity,
            "v1SpectroClusterProfileEntity"
        ),
        (
            models::SpectroClusterProfileList,
            "v1SpectroClusterProfileList"
        ),
        (
            models::SpectroClusterProfileSpec,
            "v1SpectroClusterProfileSpec"
        ),
        (models::SpectroClusterProfiles, "v1SpectroClusterProfiles"),
        (
            models::SpectroClusterProfilesDeleteEntity,
            "v1SpectroClusterProfilesDeleteEntity"
        ),
        (models::SpectroClusterSpec, "v1SpectroClusterSpec"),
        (models::SpectroClusterState, "v1SpectroClusterState"),
        (models::SpectroClusterStatus, "v1SpectroClusterStatus"),
        (
            models::SpectroClusterStatusEntity,
            "v1SpectroClusterStatusEntity"
        ),
        (models::SpectroClusterSummary, "v1SpectroClusterSummary"),
        (
            models::SpectroClusterSummarySpecSummary,
            "v1SpectroClusterSummary.specSummary"
        ),
        (
            models::SpectroClusterSummaryStatus,
            "v1SpectroClusterSummary.status"
        ),
        (
            models::SpectroClusterTemplateRef,
            "v1SpectroClusterTemplateRef"
        ),
        (
            models::SpectroClusterUidStatusSummary,
            "v1SpectroClusterUidStatusSummary"
        ),
        (
            models::SpectroClusterUidSummary,
            "v1SpectroClusterUidSummary"
        ),
        (
            models::SpectroClusterUidSummarySpec,
            "v1SpectroClusterUidSummary.spec"
        ),
        (models::SpectroClusterVariable, "v1SpectroClusterVariable"),
        (
            models::SpectroClusterVariableResponse,
            "v1SpectroClusterVariableResponse"
        ),
        (
            models::SpectroClusterVariableUpdateEntity,
            "v1SpectroClusterVariableUpdateEntity"
        ),
        (models::SpectroClusterVariables, "v1SpectroClusterVariables"),
        (models::SpectroClustersSummary, "v1SpectroClustersSummary"),
        (
            models::SpectroCustomClusterEntity,
            "v1SpectroCustomClusterEntity"
        ),
        (
            models::SpectroCustomClusterEntitySpec,
            "v1SpectroCustomClusterEntity.spec"
        ),
        (
            models::SpectroEdgeNativeClusterEntity,
            "v1SpectroEdgeNativeClusterEntity"
        ),
        (
            models::SpectroEdgeNativeClusterEntitySpec,
            "v1SpectroEdgeNativeClusterEntity.spec"
        ),
        (models::SpectroEksClusterEntity, "v1SpectroEksClusterEntity"),
        (
            models::SpectroEksClusterEntitySpec,
            "v1SpectroEksClusterEntity.spec"
        ),
        (models::SpectroGcpClusterEntity, "v1SpectroGcpClusterEntity"),
        (
            models::SpectroGcpClusterEntitySpec,
            "v1SpectroGcpClusterEntity.spec"
        ),
        (
            models::SpectroMaasClusterEntity,
            "v1SpectroMaasClusterEntity"
        ),
        (
            models::SpectroMaasClusterEntitySpec,
            "v1SpectroMaasClusterEntity.spec"
        ),
        (
            models::SpectroOpenStackClusterEntity,
            "v1SpectroOpenStackClusterEntity"
        ),
        (
            models::SpectroOpenStackClusterEntitySpec,
            "v1SpectroOpenStackClusterEntity.spec"
        ),
        (
            models::SpectroTencentClusterEntity,
            "v1SpectroTencentClusterEntity"
        ),
        (
            models::SpectroTencentClusterEntitySpec,
            "v1SpectroTencentClusterEntity.spec"
        ),
        (
            models::SpectroVsphereClusterEntity,
            "v1SpectroVsphereClusterEntity"
        ),
        (
            models::SpectroVsphereClusterEntitySpec,
            "v1SpectroVsphereClusterEntity.spec"
        ),
        (models::SpotMarketOptions, "v1SpotMarketOptions"),
        (models::SpotVMOptions, "v1SpotVMOptions"),
        (models::Subnet, "v1Subnet"),
        (models::Taint, "v1Taint"),
        (models::TencentAccount, "v1TencentAccount"),
        (models::TencentAccounts, "v1TencentAccounts"),
        (models::TencentCloudAccount, "v1TencentCloudAccount"),
        (
            models::TencentCloudClusterConfigEntity,
            "v1TencentCloudClusterConfigEntity"
        ),
        (models::TencentCloudConfig, "v1TencentCloudConfig"),
        (models::TencentCloudConfigSpec, "v1TencentCloudConfigSpec"),
        (models::TencentClusterConfig, "v1TencentClusterConfig"),
        (models::TencentMachine, "v1TencentMachine"),
        (
            models::TencentMachinePoolCloudConfigEntity,
            "v1TencentMachinePoolCloudConfigEntity"
        ),
        (
            models::TencentMachinePoolConfig,
            "v1TencentMachinePoolConfig"
        ),
        (
            models::TencentMachinePoolConfigEntity,
            "v1TencentMachinePoolConfigEntity"
        ),
        (models::TencentMachineSpec, "v1TencentMachineSpec"),
        (models::TencentMachines, "v1TencentMachines"),
        (models::TencentNic, "v1TencentNic"),
        (models::TkeEndpointAccess, "v1TkeEndpointAccess"),
        (models::TlsConfiguration, "v1TlsConfiguration"),
        (models::Uid, "v1Uid"),
        (models::UserAssetsLocation, "v1UserAssetsLocation"),
        (models::UserAssetsLocationAzure, "v1UserAssetsLocationAzure"),
        (
            models::UserAssetsLocationAzureSpec,
            "v1UserAssetsLocationAzureSpec"
        ),
        (models::UserAssetsLocationGcp, "v1UserAssetsLocationGcp"),
        (
            models::UserAssetsLocationGcpSpec,
            "v1UserAssetsLocationGcpSpec"
        ),
        (models::UserAssetsLocationS3, "v1UserAssetsLocationS3"),
        (
            models::UserAssetsLocationS3Spec,
            "v1UserAssetsLocationS3Spec"
        ),
        (models::UserAssetsLocationSpec, "v1UserAssetsLocationSpec"),
        (models::UserAssetsLocations, "v1UserAssetsLocations"),
        (models::S3StorageConfig, "v1S3StorageConfig"),
        (models::GcpStorageConfig, "v1GcpStorageConfig"),
        (models::AzureStorageConfig, "v1AzureStorageConfig"),
        // The spec names it `v1.AzureAccountEntitySpec`, which an address cannot spell.
        (
            models::AzureAccountEntitySpec,
            "v1AzureStorageConfig.credentials"
        ),
        (models::UpdateStrategy, "v1UpdateStrategy"),
        (models::Upgrades, "v1Upgrades"),
        (models::UserAssetSsh, "v1UserAssetSsh"),
        (models::UserAssetSshEntity, "v1UserAssetSshEntity"),
        (models::UserAssetSshSpec, "v1UserAssetSshSpec"),
        (models::UserAssetsSsh, "v1UserAssetsSsh"),
        (models::Variable, "v1Variable"),
        (models::VariableNames, "v1VariableNames"),
        (models::VariableOption, "v1VariableOption"),
        (models::Variables, "v1Variables"),
        (models::VsphereAccount, "v1VsphereAccount"),
        (models::VsphereAccounts, "v1VsphereAccounts"),
        (models::VsphereCloudAccount, "v1VsphereCloudAccount"),
        (
            models::VsphereCloudClusterConfigEntity,
            "v1VsphereCloudClusterConfigEntity"
        ),
        (models::VsphereCloudConfig, "v1VsphereCloudConfig"),
        (models::VsphereCloudConfigSpec, "v1VsphereCloudConfigSpec"),
        (
            models::VsphereCloudConfigStatus,
            "v1VsphereCloudConfigStatus"
        ),
        (models::VsphereClusterConfig, "v1VsphereClusterConfig"),
        (
            models::VsphereClusterConfigEntity,
            "v1VsphereClusterConfigEntity"
        ),
        (models::VsphereImage, "v1VsphereImage"),
        (models::VsphereInstanceType, "v1VsphereInstanceType"),
        (models::VsphereMachine, "v1VsphereMachine"),
        (
            models::VsphereMachinePoolCloudConfigEntity,
            "v1VsphereMachinePoolCloudConfigEntity"
        ),
        (
            models::VsphereMachinePoolConfig,
            "v1VsphereMachinePoolConfig"
        ),
        (
            models::VsphereMachinePoolConfigEntity,
            "v1VsphereMachinePoolConfigEntity"
        ),
        (models::VsphereMachineSpec, "v1VsphereMachineSpec"),
        (models::VsphereMachines, "v1VsphereMachines"),
        (models::VsphereNetworkConfig, "v1VsphereNetworkConfig"),
        (
            models::VsphereNetworkConfigEntity,
            "v1VsphereNetworkConfigEntity"
        ),
        (models::VsphereNic, "v1VsphereNic"),
        (models::VspherePlacementConfig, "v1VspherePlacementConfig"),
        (
            models::VspherePlacementConfigEntity,
            "v1VspherePlacementConfigEntity"
        ),
    ]
}

/// The request and response bodies of the routes in the contract (`/work/coord/palette-api.md`).
const ROUTE_MODELS: &[&str] = &[
    "v1ProjectsMetadata",
    "v1RegistriesMetadata",
    "v1PackRegistries",
    "v1PackRegistry",
    "v1PackSummaries",
    "v1PacksFilterSpec",
    "v1PackMetadataList",
    "v1PackTagEntity",
    "v1ClusterProfileEntity",
    "v1ClusterProfile",
    "v1ClusterProfileUpdateEntity",
    "v1ProfileMetaEntity",
    "v1ClusterProfileCloneEntity",
    "v1Variables",
    "v1VariableNames",
    "v1ManifestEntities",
    "v1ClusterProfilesMetadata",
    "v1ClusterProfilesFilterSpec",
    "v1ClusterProfilesSummary",
    "v1CloudAccountsSummary",
    "v1AwsAccounts",
    "v1AwsAccount",
    "v1AzureAccounts",
    "v1AzureAccount",
    "v1GcpAccounts",
    "v1GcpAccountEntity",
    "v1GcpAccount",
    "v1VsphereAccounts",
    "v1VsphereAccount",
    "v1MaasAccounts",
    "v1MaasAccount",
    "v1OpenStackAccounts",
    "v1OpenStackAccount",
    "v1TencentAccounts",
    "v1TencentAccount",
    "v1CustomAccounts",
    "v1CustomAccountEntity",
    "v1CustomAccount",
    "v1SpectroAwsClusterEntity",
    "v1SpectroAzureClusterEntity",
    "v1SpectroGcpClusterEntity",
    "v1SpectroTencentClusterEntity",
    "v1SpectroEksClusterEntity",
    "v1SpectroVsphereClusterEntity",
    "v1SpectroOpenStackClusterEntity",
    "v1SpectroMaasClusterEntity",
    "v1SpectroEdgeNativeClusterEntity",
    "v1SpectroCustomClusterEntity",
    "v1SpectroCluster",
    "v1SpectroClusterStatusEntity",
    "v1SpectroClusterUidSummary",
    "v1SearchFilterSummarySpec",
    "v1SpectroClustersSummary",
    "v1SpectroClusterProfileList",
    "v1SpectroClusterProfiles",
    "v1SpectroClusterProfilesDeleteEntity",
    "v1SpectroClusterVariables",
    "v1SpectroClusterVariableUpdateEntity",
    "v1ObjectMetaInputEntitySchema",
    "v1Uid",
    "v1ListMetaData",
    "v1AwsCloudConfig",
    "v1AwsCloudClusterConfigEntity",
    "v1AwsMachinePoolConfigEntity",
    "v1AwsMachines",
    "v1AzureCloudConfig",
    "v1AzureCloudClusterConfigEntity",
    "v1AzureMachinePoolConfigEntity",
    "v1AzureMachines",
    "v1GcpCloudConfig",
    "v1GcpCloudClusterConfigEntity",
    "v1GcpMachinePoolConfigEntity",
    "v1GcpMachines",
    "v1TencentCloudConfig",
    "v1TencentCloudClusterConfigEntity",
    "v1TencentMachinePoolConfigEntity",
    "v1TencentMachines",
    "v1EksCloudConfig",
    "v1EksCloudClusterConfigEntity",
    "v1EksMachinePoolConfigEntity",
    "v1VsphereCloudConfig",
    "v1VsphereCloudClusterConfigEntity",
    "v1VsphereMachinePoolConfigEntity",
    "v1VsphereMachines",
    "v1OpenStackCloudConfig",
    "v1OpenStackCloudClusterConfigEntity",
    "v1OpenStackMachinePoolConfigEntity",
    "v1OpenStackMachines",
    "v1MaasCloudConfig",
    "v1MaasCloudClusterConfigEntity",
    "v1MaasMachinePoolConfigEntity",
    "v1MaasMachines",
    "v1EdgeNativeCloudConfig",
    "v1EdgeNativeCloudClusterConfigEntity",
    "v1EdgeNativeMachinePoolConfigEntity",
    "v1EdgeNativeMachines",
    "v1CustomCloudConfig",
    "v1CustomCloudClusterConfigEntity",
    "v1CustomMachinePoolConfigEntity",
    "v1CustomMachines",
    "v1Events",
    "v1EdgeHostDevice",
    "v1EdgeHostsMeta",
    "v1EdgeHostsSearchSummary",
    "v1UserAssetsSsh",
    "v1UserAssetSshEntity",
    "v1UserAssetSsh",
    "v1UserAssetsLocations",
    "v1UserAssetsLocationS3",
    "v1UserAssetsLocationGcp",
    "v1UserAssetsLocationAzure",
    "v1ClusterTemplateEntity",
    "v1ClusterTemplate",
    "v1ClusterTemplateProfilesUpdateEntity",
    "v1ClusterTemplatePoliciesUpdateEntity",
    "v1ClusterTemplateVariablesUpdateEntity",
];

fn spec() -> Option<Spec> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let spec = Spec::load(&root);
    if spec.is_none() {
        eprintln!(
            "skipping: the reference spec is not at {}",
            root.join(palette_test_support::conformance::SPEC_RELATIVE_PATH)
                .display()
        );
    }
    spec
}

/// Lists where two JSON values differ, by path.
fn diff(path: &str, want: &Value, got: &Value, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                match g.get(k) {
                    Some(gv) => diff(&format!("{path}.{k}"), wv, gv, out),
                    None => out.push(format!("{path}.{k}: dropped")),
                }
            }
            for k in g.keys().filter(|k| !w.contains_key(*k)) {
                out.push(format!("{path}.{k}: added"));
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                diff(&format!("{path}[{i}]"), wv, gv, out);
            }
        }
        (w, g) if w == g => {}
        (w, g) => out.push(format!("{path}: {w} became {g}")),
    }
}

#[test]
fn every_model_round_trips_every_spec_field() {
    let Some(spec) = spec() else { return };
    let mut failures = Vec::new();
    for case in cases() {
        let Some(sample) = spec.sample(case.address) else {
            failures.push(format!("{}: no spec schema {}", case.rust, case.address));
            continue;
        };
        match (case.round_trip)(sample.clone()) {
            Err(e) => failures.push(format!(
                "{} ({}): does not read the spec sample: {e}",
                case.rust, case.address
            )),
            Ok(back) => {
                let mut d = Vec::new();
                diff("$", &sample, &back, &mut d);
                d.extend(spec.check(&back, case.address));
                failures.extend(
                    d.into_iter()
                        .map(|p| format!("{} ({}): {p}", case.rust, case.address)),
                );
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn required_fields_are_exactly_the_non_option_fields() {
    let Some(spec) = spec() else { return };
    let mut failures = Vec::new();
    for case in cases() {
        let written = (case.default_json)();
        let Value::Object(map) = &written else {
            failures.push(format!("{}: does not serialize to an object", case.rust));
            continue;
        };
        let mut written_keys: Vec<&str> = map.keys().map(String::as_str).collect();
        written_keys.sort_unstable();
        let mut required = spec.required(case.address);
        required.sort_unstable();
        if written_keys != required {
            failures.push(format!(
                "{} ({}): always writes {written_keys:?}, spec requires {required:?}",
                case.rust, case.address
            ));
        }
        for problem in spec.check(&written, case.address) {
            failures.push(format!(
                "{} ({}) default: {problem}",
                case.rust, case.address
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_route_body_has_a_model() {
    let addresses: Vec<&str> = cases().iter().map(|c| c.address).collect();
    let missing: Vec<&&str> = ROUTE_MODELS
        .iter()
        .filter(|m| !addresses.contains(*m))
        .collect();
    assert!(
        missing.is_empty(),
        "route bodies without a model: {missing:?}"
    );
}

#[test]
fn account_secrets_stay_out_of_debug_output() {
    let account = models::AwsCloudAccount {
        access_key: Some("AKIAEXAMPLEKEY".to_owned()),
        secret_key: Some("very-secret-value".to_owned()),
        ..Default::default()
    };
    let shown = format!("{account:?}");
    assert!(!shown.contains("very-secret-value"), "{shown}");
    assert!(!shown.contains("AKIAEXAMPLEKEY"), "{shown}");
    assert!(shown.contains("<redacted>"), "{shown}");
    let custom = models::CustomCloudAccount {
        credentials: [("password".to_owned(), "hunter2".to_owned())]
            .into_iter()
            .collect(),
    };
    assert!(!format!("{custom:?}").contains("hunter2"));
}
