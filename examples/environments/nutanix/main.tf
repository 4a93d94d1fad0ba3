# A cluster on Nutanix: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

data "palette_cloud_account" "nutanix" {
  name        = "nutanix-dev"
  environment = "nutanix"
}

resource "palette_cluster_profile" "nutanix_stack" {
  name        = "nutanix-stack"
  type        = "infra"
  environment = "nutanix"

  pack {
    name = "generic-byoi"
    tag  = "1.0.0"
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
    name = "nutanix-csi"
    tag  = "2.6.6"
  }
}

resource "palette_cluster" "nutanix" {
  name             = "nutanix-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.nutanix.id

  nutanix {
    prism_central_endpoint = "pc.example.com"
    prism_element_cluster  = "pe-1"
    subnet                 = "vlan-10"
    control_plane_endpoint = "10.0.0.5"
  }

  cluster_profile {
    id = palette_cluster_profile.nutanix_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 1
    cpu           = 4
    memory_mb     = 8192
    disk_size_gb  = 60
  }
  machine_pool {
    name         = "workers"
    count        = 2
    cpu          = 4
    memory_mb    = 8192
    disk_size_gb = 60
  }
}
