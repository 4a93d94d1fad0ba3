# A layered stack on two environments: the AWS account, chart registry and backup location it
# needs, an infra profile per environment (OS, Kubernetes, CNI, CSI), a shared add-on profile
# with a chart from that registry, a cluster on AWS (backed up nightly and scanned weekly) and
# one on Edge, and a monitoring layer added to the AWS cluster on its own.

terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

provider "palette" {}

# The account's secret key is write-only: Palette gets it, state and plan never do. Give it with
# TF_VAR_aws_secret_access_key (the default only lets the quickstart run on the emulator).
variable "aws_secret_access_key" {
  type      = string
  sensitive = true
  ephemeral = true
  default   = "emulator-secret-access-key"
}

resource "palette_cloud_account" "aws" {
  name = "quickstart-aws"

  aws {
    access_key            = "AKIAQUICKSTART000001"
    secret_key            = var.aws_secret_access_key
    secret_key_wo_version = 1
  }
}

# Where the AWS cluster's backups go: an S3 bucket Palette reaches through a role.
resource "palette_backup_storage_location" "backups" {
  name = "quickstart-backups"

  s3 {
    bucket_name     = "quickstart-backups"
    region          = "us-east-1"
    credential_type = "sts"
    arn             = "arn:aws:iam::123456789012:role/palette-backups"
    external_id     = "quickstart"
  }
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

# The team's own chart registry: creating it waits until Palette has synced it, so the
# essentials profile below can take a chart from it in the same apply.
resource "palette_registry" "charts" {
  name     = "quickstart-charts"
  type     = "helm"
  endpoint = "https://charts.example.com"
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
  pack {
    name         = "podinfo"
    tag          = "6.7.1"
    type         = "helm"
    registry_uid = palette_registry.charts.id
  }
}

resource "palette_cluster" "aws" {
  name             = "quickstart-aws"
  tags             = { env = "demo" }
  cloud_account_id = palette_cloud_account.aws.id

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

  backup_policy {
    backup_storage_location_id = palette_backup_storage_location.backups.id
    prefix                     = "quickstart"
    schedule                   = "0 1 * * *"
    expiry_in_hours            = 72
  }
  scan_policy {
    configuration_scan_schedule = "0 2 * * SUN"
    conformance_scan_schedule   = "0 3 1 * *"
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
