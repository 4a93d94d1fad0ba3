# A cluster on Google GKE: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.
# Google GKE runs the control plane itself, so both pools are worker pools.

data "palette_cloud_account" "gke" {
  name        = "gcp-dev"
  environment = "gke"
}

resource "palette_cluster_profile" "gke_stack" {
  name        = "gke-stack"
  type        = "infra"
  environment = "gke"

  pack {
    name = "cos-gke"
    tag  = "1.0.0"
  }
  pack {
    name = "kubernetes-gke"
    tag  = "1.29"
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "gke-csi-gcp-driver"
    tag  = "1.0.0"
  }
}

resource "palette_cluster" "gke" {
  name             = "gke-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.gke.id

  gke {
    project = "acme-platform"
    region  = "us-central1"
    network = "platform-vpc"
  }

  cluster_profile {
    id = palette_cluster_profile.gke_stack.id
  }

  machine_pool {
    name          = "system"
    count         = 1
    instance_type = "e2-standard-4"
  }
  machine_pool {
    name          = "workers"
    count         = 2
    instance_type = "e2-standard-4"
  }
}
