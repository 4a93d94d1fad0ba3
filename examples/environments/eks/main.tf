# A production cluster on AWS EKS: an infra profile with the environment's own OS, Kubernetes,
# CNI and CSI packs, and the cluster built from it in an existing VPC, its API reachable
# privately and from one public range, node groups over three availability zones, one with a
# launch template, and a Fargate profile for the system pods.
# AWS EKS runs the control plane itself, so every pool is a worker pool.

data "palette_cloud_account" "eks" {
  name        = "aws-dev"
  environment = "eks"
}

resource "palette_cluster_profile" "eks_stack" {
  name        = "eks-stack"
  type        = "infra"
  environment = "eks"

  pack {
    name = "amazon-linux-eks"
    tag  = "1.0.0"
  }
  pack {
    name = "kubernetes-eks"
    tag  = "1.29"
  }
  pack {
    name = "cni-aws-vpc-eks"
    tag  = "1.0"
  }
  pack {
    name = "csi-aws-ebs"
    tag  = "1.41.0"
  }
}

locals {
  # The private subnets of the account's `prod-usw2` VPC, one per availability zone.
  eks_private_subnets = {
    "us-west-2a" = "subnet-0a110000000000001"
    "us-west-2b" = "subnet-0a120000000000002"
    "us-west-2c" = "subnet-0a130000000000003"
  }
}

resource "palette_cluster" "eks" {
  name             = "eks-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.eks.id

  eks {
    region = "us-west-2"
    vpc_id = "vpc-0a2b3c4d5e6f70812"

    # Endpoint access and its CIDRs change in place; the region, VPC, key pair and encryption
    # key are fixed once the cluster exists (changing them replaces it).
    endpoint_access     = "private_and_public"
    public_access_cidrs = ["203.0.113.0/24"]

    # The control plane's network interfaces go in the VPC's private subnets of three zones
    # (checked at plan against the account's VPCs); fixed once the cluster exists.
    az_subnets = local.eks_private_subnets

    # Pods of kube-system labelled for Fargate run there; profiles change in place.
    fargate_profile {
      name            = "system"
      subnets         = values(local.eks_private_subnets)
      additional_tags = { team = "platform" }
      selector {
        namespace = "kube-system"
        labels    = { "compute" = "fargate" }
      }
    }
  }

  cluster_profile {
    id = palette_cluster_profile.eks_stack.id
  }

  machine_pool {
    name          = "system"
    count         = 2
    instance_type = "t3.large"
    ami_type      = "AL2023_x86_64_STANDARD"
    az_subnets    = local.eks_private_subnets
  }
  machine_pool {
    name          = "workers"
    count         = 3
    min           = 2
    max           = 9
    instance_type = "m5.xlarge"
    capacity_type = "spot"
    az_subnets    = local.eks_private_subnets

    # The node group's launch template: a gp3 root volume and the VPC's node group.
    eks_launch_template {
      root_volume_type           = "gp3"
      root_volume_iops           = 3000
      root_volume_throughput     = 125
      additional_security_groups = ["sg-0a2b000000000001a"]
    }
  }
}
