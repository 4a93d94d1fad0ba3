# One cluster on whichever environment the caller names: one `dynamic` block per environment,
# switched on by `var.environment`. The provider checks each block once its values are known, so
# the module validates with every input unknown and plans as soon as they are set.

terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

resource "palette_cluster" "this" {
  name             = var.name
  tags             = var.tags
  cloud_account_id = var.cloud_account_id

  dynamic "aws" {
    for_each = var.environment == "aws" ? [var.settings] : []
    content {
      region       = try(aws.value.region, null)
      ssh_key_name = try(aws.value.ssh_key_name, null)
      vpc_id       = try(aws.value.vpc_id, null)
    }
  }

  dynamic "azure" {
    for_each = var.environment == "azure" ? [var.settings] : []
    content {
      subscription_id = try(azure.value.subscription_id, null)
      location        = try(azure.value.location, null)
      ssh_key         = try(azure.value.ssh_key, null)
      resource_group  = try(azure.value.resource_group, null)
    }
  }

  dynamic "gcp" {
    for_each = var.environment == "gcp" ? [var.settings] : []
    content {
      project = try(gcp.value.project, null)
      region  = try(gcp.value.region, null)
      network = try(gcp.value.network, null)
    }
  }

  dynamic "tke" {
    for_each = var.environment == "tke" ? [var.settings] : []
    content {
      region      = try(tke.value.region, null)
      ssh_key_ids = try(tke.value.ssh_key_ids, null)
      vpc_id      = try(tke.value.vpc_id, null)
    }
  }

  dynamic "eks" {
    for_each = var.environment == "eks" ? [var.settings] : []
    content {
      region               = try(eks.value.region, null)
      ssh_key_name         = try(eks.value.ssh_key_name, null)
      vpc_id               = try(eks.value.vpc_id, null)
      endpoint_access      = try(eks.value.endpoint_access, null)
      public_access_cidrs  = try(eks.value.public_access_cidrs, null)
      private_access_cidrs = try(eks.value.private_access_cidrs, null)
    }
  }

  dynamic "aks" {
    for_each = var.environment == "aks" ? [var.settings] : []
    content {
      subscription_id = try(aks.value.subscription_id, null)
      location        = try(aks.value.location, null)
      ssh_key         = try(aks.value.ssh_key, null)
      resource_group  = try(aks.value.resource_group, null)
    }
  }

  dynamic "gke" {
    for_each = var.environment == "gke" ? [var.settings] : []
    content {
      project = try(gke.value.project, null)
      region  = try(gke.value.region, null)
      network = try(gke.value.network, null)
    }
  }

  dynamic "vsphere" {
    for_each = var.environment == "vsphere" ? [var.settings] : []
    content {
      datacenter      = try(vsphere.value.datacenter, null)
      folder          = try(vsphere.value.folder, null)
      compute_cluster = try(vsphere.value.compute_cluster, null)
      datastore       = try(vsphere.value.datastore, null)
      network         = try(vsphere.value.network, null)
      resource_pool   = try(vsphere.value.resource_pool, null)
      ssh_keys        = try(vsphere.value.ssh_keys, null)
      ntp_servers     = try(vsphere.value.ntp_servers, null)
    }
  }

  dynamic "nutanix" {
    for_each = var.environment == "nutanix" ? [var.settings] : []
    content {
      prism_central_endpoint = try(nutanix.value.prism_central_endpoint, null)
      prism_element_cluster  = try(nutanix.value.prism_element_cluster, null)
      subnet                 = try(nutanix.value.subnet, null)
      control_plane_endpoint = try(nutanix.value.control_plane_endpoint, null)
      image                  = try(nutanix.value.image, null)
    }
  }

  dynamic "openstack" {
    for_each = var.environment == "openstack" ? [var.settings] : []
    content {
      region       = try(openstack.value.region, null)
      domain       = try(openstack.value.domain, null)
      project      = try(openstack.value.project, null)
      ssh_key_name = try(openstack.value.ssh_key_name, null)
      network_id   = try(openstack.value.network_id, null)
      subnet_id    = try(openstack.value.subnet_id, null)
    }
  }

  dynamic "maas" {
    for_each = var.environment == "maas" ? [var.settings] : []
    content {
      domain      = try(maas.value.domain, null)
      ssh_keys    = try(maas.value.ssh_keys, null)
      ntp_servers = try(maas.value.ntp_servers, null)
    }
  }

  dynamic "edge_native" {
    for_each = var.environment == "edge_native" ? [var.settings] : []
    content {
      ssh_keys    = try(edge_native.value.ssh_keys, null)
      ntp_servers = try(edge_native.value.ntp_servers, null)
      vip         = try(edge_native.value.vip, null)
    }
  }

  dynamic "cluster_profile" {
    for_each = var.profile_ids
    content {
      id = cluster_profile.value
    }
  }

  dynamic "machine_pool" {
    for_each = var.machine_pools
    content {
      name                = machine_pool.value.name
      control_plane       = machine_pool.value.control_plane
      count               = machine_pool.value.count
      instance_type       = machine_pool.value.instance_type
      disk_size_gb        = machine_pool.value.disk_size_gb
      azs                 = machine_pool.value.azs
      capacity_type       = machine_pool.value.capacity_type
      cpu                 = machine_pool.value.cpu
      memory_mb           = machine_pool.value.memory_mb
      resource_pool       = machine_pool.value.resource_pool
      edge_hosts          = machine_pool.value.edge_hosts
      is_system_node_pool = machine_pool.value.is_system_node_pool
      labels              = machine_pool.value.labels
    }
  }
}
