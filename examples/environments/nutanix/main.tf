# A production cluster on Nutanix: an infra profile with the environment's own OS, Kubernetes,
# CNI and CSI packs, and the cluster built from it on one Prism Element cluster, with three
# control-plane nodes, two workers and the data centre's place on Palette's map. (Palette's
# Nutanix pools take a size but no autoscaling range.)

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
  name             = "nutanix-prod"
  tags             = { env = "prod", site = "dc2" }
  cloud_account_id = data.palette_cloud_account.nutanix.id

  nutanix {
    prism_central_endpoint = "pc.example.com"
    prism_central_port     = 9440
    prism_element_cluster  = "pe-1"
    subnet                 = "vlan-10"
    control_plane_endpoint = "10.0.0.5"
    image                  = "ubuntu-22.04-k8s"
  }

  # Where the data centre is; it changes in place.
  location {
    latitude     = 52.3676
    longitude    = 4.9041
    country_code = "NL"
    country_name = "Netherlands"
  }

  cluster_profile {
    id = palette_cluster_profile.nutanix_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 3
    cpu           = 4
    memory_mb     = 8192
    disk_size_gb  = 60
  }
  machine_pool {
    name         = "workers"
    count        = 2
    cpu          = 8
    memory_mb    = 16384
    disk_size_gb = 100
  }
}
