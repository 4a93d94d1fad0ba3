# A production cluster on VMware vSphere, reached through the data centre's private cloud gateway:
# an infra profile with the environment's own OS, Kubernetes, CNI and CSI packs, and the cluster
# built from it. Nodes take static IPs from an IP pool on the gateway; the control plane and the
# workers run in compute cluster cl1, and a batch pool is placed in cl2 on its own datastore.

data "palette_cloud_account" "vsphere" {
  name        = "vsphere-dev"
  environment = "vsphere"
}

# The gateway the vSphere account reaches vCenter through; the IP pool lives on it.
data "palette_private_cloud_gateway" "vsphere_dc1" {
  name = "pcg-dc1"
}

# Static addresses for the cluster's nodes (the control-plane VIP stays outside the range).
resource "palette_ip_pool" "vsphere_prod" {
  private_cloud_gateway_id = data.palette_private_cloud_gateway.vsphere_dc1.id
  name                     = "dc1-prod-nodes"
  network_type             = "range"
  ip_start_range           = "10.10.2.20"
  ip_end_range             = "10.10.2.99"
  prefix                   = 24
  gateway                  = "10.10.2.1"
  nameserver_addresses     = ["10.10.0.53"]
  nameserver_search_suffix = ["prod.dc1.example.com"]
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
  name             = "vsphere-prod"
  tags             = { env = "prod", site = "dc1" }
  cloud_account_id = data.palette_cloud_account.vsphere.id

  # Every pool's defaults: a pool without `placement` goes here. Changing one moves the pools
  # that take it in place (Palette repaves their nodes); the datacenter and folder are fixed.
  vsphere {
    datacenter      = "dc1"
    folder          = "prod"
    compute_cluster = "cl1"
    datastore       = "ds1"
    resource_pool   = "prod"
    network         = "prod-net"
    static_ip       = true
    ip_pool_id      = palette_ip_pool.vsphere_prod.id
    network_type    = "VIP"
    vip             = "10.10.2.10"
    ntp_servers     = ["ntp1.dc1.example.com", "ntp2.dc1.example.com"]

    # The datacenter's folder of golden node images, kept apart from the VMs (checked at plan).
    image_template_folder = "templates"
  }

  cluster_profile {
    id = palette_cluster_profile.vsphere_stack.id
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
    count        = 3
    cpu          = 8
    memory_mb    = 16384
    disk_size_gb = 80
  }
  # Batch jobs run in the second compute cluster, on its own datastore and resource pool; the
  # network and the IP pool are the block's.
  machine_pool {
    name         = "batch"
    count        = 2
    cpu          = 16
    memory_mb    = 32768
    disk_size_gb = 120
    labels       = { workload = "batch" }

    placement {
      compute_cluster = "cl2"
      datastore       = "ds2"
      resource_pool   = "batch"
    }
  }
}
