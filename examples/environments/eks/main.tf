# A cluster on AWS EKS: an infra profile with the environment's own OS, Kubernetes, CNI and
# CSI packs, and the cluster built from it with two machine pools.
# AWS EKS runs the control plane itself, so both pools are worker pools.

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

resource "palette_cluster" "eks" {
  name             = "eks-demo"
  tags             = { env = "demo" }
  cloud_account_id = data.palette_cloud_account.eks.id

  eks {
    region = "us-west-2"

    # Endpoint access and its CIDRs change in place; the region, VPC, key pair and encryption
    # key are fixed once the cluster exists (changing them replaces it).
    endpoint_access     = "private_and_public"
    public_access_cidrs = ["203.0.113.0/24"]
  }

  cluster_profile {
    id = palette_cluster_profile.eks_stack.id
  }

  machine_pool {
    name          = "system"
    count         = 1
    instance_type = "t3.large"
  }
  machine_pool {
    name          = "workers"
    count         = 2
    instance_type = "t3.large"
    capacity_type = "spot"
  }
}
