# A production cluster on Canonical MAAS bare metal: an infra profile with the environment's own
# OS, Kubernetes, CNI and CSI packs, and the cluster built from it, spread over three zones. The
# control plane takes machines from the default pool; the workers take NVMe machines tagged for
# them from the bare-metal pool.

data "palette_cloud_account" "maas" {
  name        = "maas-dev"
  environment = "maas"
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
}
