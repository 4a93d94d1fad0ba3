# A cluster on OpenStack: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

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
  name             = "openstack-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.openstack.id

  openstack {
    region       = "RegionOne"
    domain       = "Default"
    project      = "platform"
    ssh_key_name = "ops"
  }

  cluster_profile {
    id = palette_cluster_profile.openstack_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m1.large"
  }
  machine_pool {
    name          = "workers"
    count         = 2
    instance_type = "m1.large"
  }
}
