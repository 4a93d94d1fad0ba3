# A production cluster on Canonical MAAS bare metal: an infra profile with the environment's own
# OS, Kubernetes, CNI and CSI packs, and the cluster built from it, spread over three zones. The
# control plane takes machines from the default pool; the workers take NVMe machines tagged for
# them from the bare-metal pool; small services run on LXD virtual machines MAAS makes on demand,
# with static addresses from an IP pool on the MAAS gateway.

data "palette_cloud_account" "maas" {
  name        = "maas-dev"
  environment = "maas"
}

# The gateway the MAAS account reaches MAAS through; the services' IP pool lives on it.
data "palette_private_cloud_gateway" "maas" {
  name = "pcg-maas"
}

resource "palette_ip_pool" "maas_services" {
  private_cloud_gateway_id = data.palette_private_cloud_gateway.maas.id
  name                     = "maas-services"
  network_type             = "range"
  ip_start_range           = "10.10.3.20"
  ip_end_range             = "10.10.3.99"
  prefix                   = 24
  gateway                  = "10.10.3.1"
}

resource "palette_cluster_profile" "maas_stack" {
  name        = "maas-stack"
  type        = "infra"
  environment = "maas"

  pack {
    name = "ubuntu-maas"
    tag  = "22.04"
  }
  pack {
    name = "kubernetes"
    tag  = "1.33.10"
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "csi-maas-volume"
    tag  = "1.0.0"
  }
}

resource "palette_cluster" "maas" {
  name             = "maas-prod"
  tags             = { env = "prod", site = "maas" }
  cloud_account_id = data.palette_cloud_account.maas.id

  maas {
    domain      = "maas.example.com"
    ntp_servers = ["ntp.maas.example.com"]
  }

  cluster_profile {
    id = palette_cluster_profile.maas_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 3
    resource_pool = "default"
    azs           = ["az1", "az2", "az3"]
    cpu           = 4
    memory_mb     = 16384
  }
  machine_pool {
    name          = "workers"
    count         = 3
    resource_pool = "bare-metal"
    azs           = ["az1", "az2", "az3"]
    node_tags     = ["nvme", "rack-a"]
    cpu           = 16
    memory_mb     = 65536
    disk_size_gb  = 500
  }
  # Ingress and small services on LXD virtual machines instead of whole machines, in the
  # services network with static addresses from the IP pool; both change in place.
  machine_pool {
    name          = "services"
    count         = 2
    resource_pool = "default"
    cpu           = 4
    memory_mb     = 8192
    use_lxd_vm    = true
    network {
      network_name    = "services"
      parent_pool_uid = palette_ip_pool.maas_services.id
      static_ip       = true
    }
  }
}
