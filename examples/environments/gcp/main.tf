# A cluster on Google Cloud: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

data "palette_cloud_account" "gcp" {
  name        = "gcp-dev"
  environment = "gcp"
}

resource "palette_cluster_profile" "gcp_stack" {
  name        = "gcp-stack"
  type        = "infra"
  environment = "gcp"

  pack {
    name = "ubuntu-gcp"
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
    name = "csi-gcp-driver"
    tag  = "1.25.2"
  }
}

resource "palette_cluster" "gcp" {
  name             = "gcp-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.gcp.id

  # In the shared VPC network, each pool in its own subnetwork.
  gcp {
    project = "acme-platform"
    region  = "us-central1"
    network = "platform-vpc"
  }

  cluster_profile {
    id = palette_cluster_profile.gcp_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 3
    instance_type = "n2-standard-4"
    azs           = ["us-central1-a", "us-central1-b", "us-central1-c"]
    subnetwork    = "k8s-control-plane"
  }
  machine_pool {
    name          = "workers"
    count         = 3
    instance_type = "n2-standard-8"
    disk_size_gb  = 100
    azs           = ["us-central1-a", "us-central1-b", "us-central1-c"]
    subnetwork    = "k8s-workers"
  }
}
