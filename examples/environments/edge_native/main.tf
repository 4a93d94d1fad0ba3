# A cluster on Edge: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

resource "palette_cluster_profile" "edge_native_stack" {
  name        = "edge-native-stack"
  type        = "infra"
  environment = "edge_native"

  pack {
    name = "edge-native-byoi"
    tag  = "2.0.0"
  }
  pack {
    name = "edge-k8s"
    tag  = "1.35.6"
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "piraeus-operator"
    tag  = "2.10.7"
  }
}

resource "palette_cluster" "edge_native" {
  name = "edge-native-demo"
  tags = { env = "demo" }

  edge_native {
    ssh_keys = ["ssh-ed25519 AAAAC3Nza... ops@example.com"]
    vip      = "10.10.0.20"
  }

  cluster_profile {
    id = palette_cluster_profile.edge_native_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    edge_hosts    = ["edge-host-4"]
  }
  machine_pool {
    name       = "workers"
    edge_hosts = ["edge-host-5", "edge-host-6"]
  }
}
