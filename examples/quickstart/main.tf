# A layered stack on two environments: an infra profile per environment (OS, Kubernetes, CNI,
# CSI), a shared add-on profile, a cluster on AWS and one on Edge, and a monitoring layer added to
# the AWS cluster on its own.

terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}

data "palette_cloud_account" "aws" {
  name = "aws-dev"
}

resource "palette_cluster_profile" "aws_base" {
  name        = "quickstart-aws-base"
  version     = "1.0.0"
  description = "Ubuntu, Kubernetes, Calico and EBS on AWS"
  type        = "infra"
  environment = "aws"
  tags        = { team = "platform" }

  pack {
    name = "ubuntu-aws"
    tag  = "22.04"
  }
  pack {
    name   = "kubernetes"
    tag    = "1.33.10"
    values = file("${path.module}/values/kubernetes.yaml")
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "csi-aws-ebs"
    tag  = "1.59.0"
  }
}

resource "palette_cluster_profile" "edge_base" {
  name        = "quickstart-edge-base"
  version     = "1.0.0"
  description = "EdgeForge image, K3s, Calico and Piraeus at the edge"
  type        = "infra"
  environment = "edge_native"

  pack {
    name = "edge-native-byoi"
    tag  = "2.1.0"
  }
  pack {
    name = "edge-k3s"
    tag  = "1.34.9"
  }
  pack {
    name = "cni-calico"
    tag  = "3.31.4"
  }
  pack {
    name = "piraeus-operator"
    tag  = "2.10.8"
  }
}

resource "palette_cluster_profile" "essentials" {
  name        = "quickstart-essentials"
  version     = "1.0.0"
  description = "Certificates and ingress for every cluster"
  type        = "add-on"
  environment = "all"

  pack {
    name = "cert-manager"
    tag  = "1.21.1"
  }
  pack {
    name = "nginx"
    tag  = "1.10.0"
  }
}

resource "palette_cluster" "aws" {
  name             = "quickstart-aws"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.aws.id

  aws {
    region       = "us-east-1"
    ssh_key_name = "quickstart"
  }

  cluster_profile {
    id = palette_cluster_profile.aws_base.id
  }
  cluster_profile {
    id = palette_cluster_profile.essentials.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m5.large"
  }
  machine_pool {
    name          = "workers"
    count         = 2
    instance_type = "m5.xlarge"
  }
}

resource "palette_cluster" "edge" {
  name = "quickstart-edge"
  tags = { env = "demo" }

  edge_native {
    vip = "10.10.0.10"
  }

  cluster_profile {
    id = palette_cluster_profile.edge_base.id
  }
  cluster_profile {
    id = palette_cluster_profile.essentials.id
  }

  machine_pool {
    name                    = "edge"
    control_plane           = true
    control_plane_as_worker = true
    edge_hosts              = ["edge-host-1"]
  }
}

resource "palette_pack" "monitoring" {
  cluster_id = palette_cluster.aws.id
  name       = "prometheus-operator"
  tag        = "83.5.0"
  values     = file("${path.module}/values/prometheus.yaml")
}

# The stacks as deployed once everything above is applied, the monitoring layer included.
data "palette_cluster" "stack" {
  for_each = {
    aws  = palette_cluster.aws.id
    edge = palette_cluster.edge.id
  }
  id         = each.value
  depends_on = [palette_pack.monitoring]
}

output "clusters" {
  value = {
    for key, c in data.palette_cluster.stack : c.name => {
      id     = c.id
      state  = c.state
      health = c.health
      layers = [for l in c.layers : "${l.layer}/${l.name}@${l.version}: ${l.state}"]
    }
  }
}

output "monitoring_layer" {
  value = "${palette_pack.monitoring.name} (${palette_pack.monitoring.layer}): ${palette_pack.monitoring.state}"
}
