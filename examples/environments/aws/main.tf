# A production cluster on AWS: an infra profile with the environment's own OS, Kubernetes, CNI
# and CSI packs, and the cluster built from it in an existing VPC, with its control plane and
# workers spread over the private subnets of three availability zones, and a pool on dedicated
# hosts for per-core licensed software.

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

    # An existing VPC (the account's `prod-use1`): the pools name its subnets per zone. The
    # region, VPC and key pair are fixed once the cluster exists (changing them replaces it).
    vpc_id           = "vpc-0e1a2b3c4d5e6f701"
    control_plane_lb = "internal"
  }

  cluster_profile {
    id = palette_cluster_profile.aws_stack.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 3
    instance_type = "m5.large"
    az_subnets = {
      "us-east-1a" = "subnet-0e110000000000001"
      "us-east-1b" = "subnet-0e120000000000002"
      "us-east-1c" = "subnet-0e130000000000003"
    }
  }
  machine_pool {
    name          = "workers"
    count         = 3
    min           = 2
    max           = 6
    instance_type = "m5.xlarge"
    disk_size_gb  = 100
    az_subnets = {
      "us-east-1a" = "subnet-0e110000000000001"
      "us-east-1b" = "subnet-0e120000000000002"
      "us-east-1c" = "subnet-0e130000000000003"
    }
    # The VPC's node and monitoring groups, beside Palette's own; they change in place.
    additional_security_groups = ["sg-0e1a000000000001a", "sg-0e1a000000000002b"]
  }
  # Software licensed per physical core (bring your own license) runs on the account's
  # dedicated hosts: the pool's nodes go on the hosts of a host resource group, counted against
  # its License Manager configuration. Both change in place; only these workloads land here.
  machine_pool {
    name                    = "licensed"
    count                   = 2
    instance_type           = "m5.2xlarge"
    capacity_type           = "host-resource-group"
    host_resource_group_arn = "arn:aws:resource-groups:us-east-1:123456789012:group/prod-dedicated-hosts"
    license_configuration_arns = [
      "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    ]
    az_subnets = {
      "us-east-1a" = "subnet-0e110000000000001"
    }
    taints {
      key    = "licensing"
      value  = "byol"
      effect = "NoSchedule"
    }
  }
}
