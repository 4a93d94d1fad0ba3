# A cluster on Azure: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

data "palette_cloud_account" "azure" {
  name        = "azure-dev"
  environment = "azure"
}

resource "palette_cluster_profile" "azure_stack" {
  name        = "azure-stack"
  type        = "infra"
  environment = "azure"

  pack {
    name = "ubuntu-azure"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes"
    tag  = "1.33.10"
  }
  pack {
    name = "cni-calico-azure"
    tag  = "3.31.4"
  }
  pack {
    name = "csi-azure"
    tag  = "1.33.4"
  }
}

resource "palette_cluster" "azure" {
  name             = "azure-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.azure.id

  # Placed in the platform team's existing virtual network, one subnet per role.
  azure {
    subscription_id                     = "00000000-0000-0000-0000-000000000000"
    location                            = "eastus"
    ssh_key                             = "ssh-ed25519 AAAAC3Nza... ops@example.com"
    resource_group                      = "azure-demo-rg"
    vnet_name                           = "platform-vnet"
    vnet_resource_group                 = "network-rg"
    control_plane_subnet_name           = "k8s-control-plane"
    control_plane_subnet_security_group = "k8s-control-plane-nsg"
    worker_subnet_name                  = "k8s-workers"
    worker_subnet_security_group        = "k8s-workers-nsg"

    # The API server behind an internal load balancer, on a fixed address of the control
    # plane's subnet, named in a private DNS zone.
    api_server_private_dns_zone           = "k8s.internal.example.com"
    api_server_private_dns_resource_group = "network-rg"
    api_server_static_ip                  = "10.10.1.10"
  }

  cluster_profile {
    id = palette_cluster_profile.azure_stack.id
  }

  machine_pool {
    name                 = "cp"
    control_plane        = true
    count                = 3
    instance_type        = "Standard_D4s_v3"
    azs                  = ["1", "2", "3"]
    storage_account_type = "Premium_LRS"
  }
  machine_pool {
    name                 = "workers"
    count                = 3
    instance_type        = "Standard_D8s_v3"
    azs                  = ["1", "2", "3"]
    disk_size_gb         = 128
    storage_account_type = "Premium_LRS"
  }
}
