# A production cluster on Tencent TKE: an infra profile with the environment's own OS,
# Kubernetes, CNI and CSI packs, and the cluster built from it in an existing VPC, its API
# reachable from the VPC through a private endpoint and from one office range publicly, with
# node pools spread over two availability zones.
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
    region      = "ap-guangzhou"
    vpc_id      = "vpc-2x7lhtse"
    ssh_key_ids = ["skey-3glfot13"]

    # The endpoints change in place; the region, VPC and SSH keys are fixed once the cluster
    # exists (changing them replaces it).
    public_access       = true
    public_access_cidrs = ["203.0.113.0/24"]
    private_access      = true
    endpoint_subnet_id  = "subnet-2qfyfvv8"
  }

  cluster_profile {
    id = palette_cluster_profile.tke_stack.id
  }

  machine_pool {
    name          = "system"
    count         = 2
    instance_type = "S5.MEDIUM4"
    azs           = ["ap-guangzhou-3", "ap-guangzhou-4"]
  }
  machine_pool {
    name          = "workers"
    count         = 3
    min           = 2
    max           = 6
    instance_type = "S5.LARGE8"
    disk_size_gb  = 100
    azs           = ["ap-guangzhou-3", "ap-guangzhou-4"]
  }
}
