variable "name" {
  description = "Cluster name: lowercase letters, digits and `-`."
  type        = string
}

variable "environment" {
  description = "Where the cluster runs: aws, azure, gcp, tke, eks, aks, gke, vsphere, nutanix, openstack, maas or edge_native."
  type        = string

  validation {
    condition     = contains(["aws", "azure", "gcp", "tke", "eks", "aks", "gke", "vsphere", "nutanix", "openstack", "maas", "edge_native"], var.environment)
    error_message = "environment must be one of aws, azure, gcp, tke, eks, aks, gke, vsphere, nutanix, openstack, maas or edge_native."
  }
}

variable "cloud_account_id" {
  description = "Uid of the cloud account to deploy with; null on edge_native, which takes none."
  type        = string
  default     = null
}

variable "profile_ids" {
  description = "Cluster profile uids to deploy, in order: an infra (or full) profile first, then add-ons."
  type        = list(string)
}

variable "settings" {
  description = "The environment block's fields, by name (for example { region = \"us-east-1\" } on aws). Fields the environment does not take are ignored."
  type        = any
  default     = {}
}

variable "machine_pools" {
  description = "Machine pools, identified by name. Set the sizing fields the environment takes."
  type = list(object({
    name                = string
    control_plane       = optional(bool, false)
    count               = optional(number)
    instance_type       = optional(string)
    disk_size_gb        = optional(number)
    azs                 = optional(list(string))
    capacity_type       = optional(string)
    cpu                 = optional(number)
    memory_mb           = optional(number)
    resource_pool       = optional(string)
    edge_hosts          = optional(list(string))
    is_system_node_pool = optional(bool)
    labels              = optional(map(string))
  }))
}

variable "tags" {
  description = "Tags on the cluster."
  type        = map(string)
  default     = {}
}
