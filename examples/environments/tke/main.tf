# A cluster on Tencent TKE: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.
# Tencent TKE runs the control plane itself, so both pools are worker pools.

data "palette_cloud_account" "tke" {
  name        = "tke-dev"
  environment = "tke"
}

resource "palette_cluster_profile" "tke_stack" {
  name        = "tke-stack"
  type        = "infra"
  environment = "tke"

  pack {
    name = "ubuntu-tke"
    tag  = "18.04"
  }
  pack {
    name = "kubernetes-tke"
    tag  = "1.24.4"
  }
  pack {
    name = "cni-tke-global-router"
    tag  = "1.0"
  }
  pack {
    name = "csi-tke"
    tag  = "1.0"
  }
}

resource "palette_cluster" "tke" {
  name             = "tke-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.tke.id

  tke {
    region = "ap-guangzhou"
  }

  cluster_profile {
    id = palette_cluster_profile.tke_stack.id
  }

  machine_pool {
    name          = "system"
    count         = 1
    instance_type = "S5.MEDIUM4"
  }
  machine_pool {
    name          = "workers"
    count         = 2
    instance_type = "S5.MEDIUM4"
  }
}
