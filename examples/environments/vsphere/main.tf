# A cluster on VMware vSphere: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

data "palette_cloud_account" "vsphere" {
  name        = "vsphere-dev"
  environment = "vsphere"
}

resource "palette_cluster_profile" "vsphere_stack" {
  name        = "vsphere-stack"
  type        = "infra"
  environment = "vsphere"

  pack {
    name = "ubuntu-vsphere"
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
    name = "csi-vsphere-csi"
    tag  = "3.7.0"
  }
}

resource "palette_cluster" "vsphere" {
  name             = "vsphere-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.vsphere.id

  vsphere {
    datacenter      = "dc1"
    folder          = "clusters"
    compute_cluster = "cl1"
    datastore       = "ds1"
    network         = "vm-network"
  }

  cluster_profile {
    id = palette_cluster_profile.vsphere_stack.id
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
    cpu          = 8
    memory_mb    = 16384
    disk_size_gb = 80
  }
}
