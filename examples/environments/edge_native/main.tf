# A cluster on Edge: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and a two-node high-availability cluster built from it on a site's registered edge
# hosts: two amd64 control-plane hosts (one primary, one secondary) and two arm64 workers, each
# host on a static address of the site network.

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
  tags = { env = "demo", site = "store-0042" }

  edge_native {
    ssh_keys            = ["ssh-ed25519 AAAAC3Nza... ops@example.com"]
    vip                 = "10.20.0.50"
    ntp_servers         = ["10.20.0.2", "time.cloudflare.com"]
    overlay_cidr_range  = "100.64.192.0/23"
    is_two_node_cluster = true
  }

  # The store's place on Palette's map; it changes in place.
  location {
    latitude     = 37.7749
    longitude    = -122.4194
    country_code = "US"
    country_name = "United States"
    region_code  = "CA"
    region_name  = "California"
  }

  cluster_profile {
    id = palette_cluster_profile.edge_native_stack.id
  }

  machine_pool {
    name                    = "cp"
    control_plane           = true
    control_plane_as_worker = true

    edge_host {
      host            = "edge-host-2"
      static_ip       = "10.20.0.12"
      subnet_mask     = "255.255.255.0"
      default_gateway = "10.20.0.1"
      dns_servers     = ["10.20.0.2", "1.1.1.1"]
      nic_name        = "eth0"
      two_node_role   = "primary"
    }
    edge_host {
      host            = "edge-host-3"
      static_ip       = "10.20.0.13"
      subnet_mask     = "255.255.255.0"
      default_gateway = "10.20.0.1"
      dns_servers     = ["10.20.0.2", "1.1.1.1"]
      nic_name        = "eth0"
      two_node_role   = "secondary"
    }
  }
  machine_pool {
    name      = "workers"
    arch_type = "arm64"

    edge_host {
      host            = "edge-host-5"
      static_ip       = "10.20.0.15"
      subnet_mask     = "255.255.255.0"
      default_gateway = "10.20.0.1"
      dns_servers     = ["10.20.0.2"]
    }
    edge_host {
      host            = "edge-host-6"
      static_ip       = "10.20.0.16"
      subnet_mask     = "255.255.255.0"
      default_gateway = "10.20.0.1"
      dns_servers     = ["10.20.0.2"]
    }
  }
}
