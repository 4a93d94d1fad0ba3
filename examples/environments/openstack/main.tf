# A production cluster on OpenStack: an infra profile with the environment's own OS, Kubernetes,
# CNI and CSI packs, and the cluster built from it in the project's existing network, three
# control-plane nodes and autoscaled workers over two availability zones.

data "palette_cloud_account" "openstack" {
  name        = "openstack-dev"
  environment = "openstack"
}

resource "palette_cluster_profile" "openstack_stack" {
  name        = "openstack-stack"
  type        = "infra"
  environment = "openstack"

  pack {
    name = "ubuntu-openstack"
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
    name = "csi-openstack-cinder"
    tag  = "1.22"
  }
}

resource "palette_cluster" "openstack" {
  name             = "openstack-prod"
  tags             = { env = "prod" }
  cloud_account_id = data.palette_cloud_account.openstack.id

  openstack {
    region       = "RegionOne"
    domain       = "Default"
    project      = "platform"
    ssh_key_name = "ops"

    # The project's existing network and the subnet the nodes go in (or `node_cidr` for a
    # network Palette makes, not both: checked at plan). Fixed once the cluster exists.
    network_id      = "6f3a1c2e-4b5d-4e6f-8a7b-9c0d1e2f3a4b"
    subnet_id       = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e"
    dns_nameservers = ["10.0.0.2", "10.0.0.3"]
  }

  cluster_profile {
    id = palette_cluster_profile.openstack_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 3
    instance_type = "m1.large"
    azs           = ["nova-a", "nova-b"]
  }
  machine_pool {
    name          = "workers"
    count         = 2
    min           = 1
    max           = 6
    instance_type = "m1.xlarge"
    disk_size_gb  = 80
    azs           = ["nova-a", "nova-b"]
  }
  # Storage nodes in the network's storage subnet, next to the Ceph cluster they serve (a
  # subnet of `network_id`, checked at plan); it changes in place.
  machine_pool {
    name          = "storage"
    count         = 3
    instance_type = "m1.xlarge"
    disk_size_gb  = 200
    subnet_id     = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"
    taints {
      key    = "dedicated"
      value  = "storage"
      effect = "NoSchedule"
    }
  }
}
