# A cluster template for the AWS fleet: the `base` infra profile and the shared `addons` profile
# (see the palette_cluster_profile example), with the add-ons' `tier` fixed for every cluster
# launched from it.
resource "palette_cluster_template" "fleet" {
  name        = "aws-fleet"
  description = "Every AWS edge-of-region cluster."
  tags        = { team = "platform" }
  environment = "aws"

  cluster_profile {
    id = palette_cluster_profile.base.id
  }
  cluster_profile {
    id        = palette_cluster_profile.addons.id
    variables = { tier = "premium" }
  }
}

# A cluster launched from the template: the template gives its profiles; the cluster gives the
# variables the template leaves to each cluster (here the add-ons' `domain`).
data "palette_cloud_account" "fleet" {
  name = "aws-dev"
}

resource "palette_cluster" "fleet_east" {
  name             = "fleet-east"
  cloud_account_id = data.palette_cloud_account.fleet.id

  aws {
    region = "us-east-1"
  }

  cluster_template {
    id = palette_cluster_template.fleet.id
    cluster_profile {
      id        = palette_cluster_profile.addons.id
      variables = { domain = "east.example.com" }
    }
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
    instance_type = "m5.large"
  }
}
