# A cluster on AWS: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.

data "palette_cloud_account" "aws" {
  name        = "aws-dev"
  environment = "aws"
}

resource "palette_cluster_profile" "aws_stack" {
  name        = "aws-stack"
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
    tag  = "1.59.0"
  }
}

resource "palette_cluster" "aws" {
  name             = "aws-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.aws.id

  aws {
    region       = "us-east-1"
    ssh_key_name = "ops"
  }

  cluster_profile {
    id = palette_cluster_profile.aws_stack.id
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
