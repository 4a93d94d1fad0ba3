# A cluster on Azure AKS: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.
# Azure AKS runs the control plane itself, so both pools are worker pools. AKS needs at least
# one system node pool, for the cluster's system pods (CoreDNS, metrics-server); changing which
# pools are system pools is an in-place update.

data "palette_cloud_account" "aks" {
  name        = "azure-dev"
  environment = "aks"
}

resource "palette_cluster_profile" "aks_stack" {
  name        = "aks-stack"
  type        = "infra"
  environment = "aks"

  pack {
    name = "ubuntu-aks"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes-aks"
    tag  = "1.29"
  }
  pack {
    name = "cni-azure"
    tag  = "1.4.0"
  }
  pack {
    name = "csi-azure"
    tag  = "1.33.4"
  }
}

resource "palette_cluster" "aks" {
  name             = "aks-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.aks.id

  aks {
    subscription_id = "00000000-0000-0000-0000-000000000000"
    location        = "eastus"
    ssh_key         = "ssh-ed25519 AAAAC3Nza... ops@example.com"
    resource_group  = "platform-rg"

    # Nodes in the platform team's existing virtual network.
    vnet_name                    = "platform-vnet"
    vnet_resource_group          = "network-rg"
    worker_subnet_name           = "aks-nodes"
    worker_subnet_security_group = "aks-nodes-nsg"
  }

  cluster_profile {
    id = palette_cluster_profile.aks_stack.id
  }

  machine_pool {
    name                 = "system"
    is_system_node_pool  = true
    count                = 3
    instance_type        = "Standard_D4s_v3"
    storage_account_type = "Premium_LRS"
  }
  machine_pool {
    name                 = "workers"
    count                = 3
    instance_type        = "Standard_D8s_v3"
    disk_size_gb         = 128
    storage_account_type = "Premium_LRS"
  }
  # Windows Server nodes for the .NET Framework services: a user pool (AKS runs its system pods
  # on Linux), named in at most 6 characters as AKS requires of Windows pools.
  machine_pool {
    name                 = "win"
    os_type              = "Windows"
    count                = 2
    instance_type        = "Standard_D8s_v3"
    storage_account_type = "StandardSSD_LRS"

    taints {
      key    = "os"
      value  = "windows"
      effect = "NoSchedule"
    }
  }
}
