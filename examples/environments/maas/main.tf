# A cluster on Canonical MAAS: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

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
  name             = "maas-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.maas.id

  maas {
    domain = "maas.example.com"
  }

  cluster_profile {
    id = palette_cluster_profile.maas_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 1
    resource_pool = "default"
  }
  machine_pool {
    name          = "workers"
    count         = 2
    resource_pool = "default"
    cpu           = 8
  }
}
