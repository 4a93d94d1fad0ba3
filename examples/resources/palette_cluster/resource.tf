# An AWS cluster built from the `base` infra profile and the shared `addons` profile (see the
# palette_cluster_profile example), with a per-cluster override of the Kubernetes pack's values.
data "palette_cloud_account" "aws" {
  name = "aws-dev"
}

resource "palette_cluster" "prod" {
  name             = "prod-east"
  description      = "Production, us-east-1"
  tags             = { env = "prod" }
  cloud_account_id = data.palette_cloud_account.aws.id

  aws {
    region       = "us-east-1"
    ssh_key_name = "ops"
  }

  cluster_profile {
    id = palette_cluster_profile.base.id

    pack {
      name   = "kubernetes"
      values = <<-EOT
        pack:
          podCIDR: "172.16.0.0/16"
      EOT
    }
  }
  cluster_profile {
    id = palette_cluster_profile.addons.id
  }

  machine_pool {
    name          = "cp"
    control_plane = true
    count         = 1
    instance_type = "m5.large"
  }
  machine_pool {
    name          = "workers"
    count         = 3
    min           = 2
    max           = 6
    instance_type = "m5.xlarge"
    labels        = { workload = "general" }
  }

  # Wait until every layer is ready and the cluster reports Healthy (the default). Each layer's
  # progress shows in the log (TF_LOG=INFO), and `layers` lists the deployed stack afterwards.
  wait_for = "healthy"
  timeouts {
    create = "60m"
    delete = "30m"
  }
}
