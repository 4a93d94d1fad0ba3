# What the test runs need before a cluster: an infra profile per environment under test, and the
# AWS cloud account (seeded as `aws-dev` in palette-emulator; name your own on a real Palette).

terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

variable "aws_account" {
  type    = string
  default = "aws-dev"
}

resource "palette_cluster_profile" "edge" {
  name        = "module-test-edge"
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

resource "palette_cluster_profile" "aws" {
  name        = "module-test-aws"
  type        = "infra"
  environment = "aws"

  pack {
    name = "ubuntu-aws"
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
    name = "csi-aws-ebs"
    tag  = "1.41.0"
  }
}

data "palette_cloud_account" "aws" {
  name = var.aws_account
}

output "edge_profile_id" {
  value = palette_cluster_profile.edge.id
}

output "aws_profile_id" {
  value = palette_cluster_profile.aws.id
}

output "aws_account_id" {
  value = data.palette_cloud_account.aws.id
}
