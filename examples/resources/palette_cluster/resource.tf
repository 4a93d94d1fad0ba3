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

  # Day 2 through Palette's gates: applying a plan approves the repave a change needs (the
  # default), OS patches go on a schedule, and agent upgrades wait for a maintenance window.
  repave_approval      = "automatic"
  os_patch_schedule    = "0 3 * * SUN"
  cluster_timezone     = "America/New_York"
  pause_agent_upgrades = false

  # Policies: team namespaces with quotas, who may do what, nightly backups (to the location in
  # the palette_backup_storage_location example) and compliance scans.
  namespace {
    name       = "payments"
    cpu_cores  = 4
    memory_mib = 8192
  }
  rbac_binding {
    type      = "RoleBinding"
    namespace = "payments"
    role_name = "edit"
    subject {
      type = "Group"
      name = "payments-developers"
    }
  }
  rbac_binding {
    type      = "ClusterRoleBinding"
    role_name = "view"
    subject {
      type = "Group"
      name = "sre"
    }
  }
  backup_policy {
    backup_storage_location_id = palette_backup_storage_location.s3.id
    prefix                     = "prod-east"
    schedule                   = "0 1 * * *"
    expiry_in_hours            = 168
  }
  scan_policy {
    configuration_scan_schedule = "0 2 * * SAT"
    conformance_scan_schedule   = "0 4 1 * *"
  }

  # Wait until every layer is ready and the cluster reports Healthy (the default). Each layer's
  # progress shows in the log (TF_LOG=INFO), and `layers` lists the deployed stack afterwards.
  wait_for = "healthy"
  timeouts {
    create = "60m"
    delete = "30m"
  }
}
