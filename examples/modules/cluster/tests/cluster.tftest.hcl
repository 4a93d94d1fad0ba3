# `terraform test` for the module, against palette-emulator (or a real Palette: the provider
# reads PALETTE_HOST, PALETTE_API_KEY and PALETTE_PROJECT). Each run applies a cluster through
# the module on the environment its variables name; `terraform test` destroys everything after.

run "setup" {
  module {
    source = "./tests/setup"
  }
}

run "edge" {
  variables {
    name        = "module-test-edge"
    environment = "edge_native"
    profile_ids = [run.setup.edge_profile_id]
    settings = {
      ssh_keys = ["ssh-ed25519 AAAAC3Nza... ops@example.com"]
    }
    machine_pools = [
      { name = "cp", control_plane = true, edge_hosts = ["edge-host-1"] },
      { name = "workers", edge_hosts = ["edge-host-2"] },
    ]
  }

  assert {
    condition     = output.health == "Healthy" && output.state == "Running"
    error_message = "the edge cluster is not healthy"
  }
  assert {
    condition     = [for l in output.layers : l.layer] == ["os", "k8s", "cni", "csi"]
    error_message = "the edge cluster's layers are not in stack order"
  }
}

run "aws" {
  variables {
    name             = "module-test-aws"
    environment      = "aws"
    cloud_account_id = run.setup.aws_account_id
    profile_ids      = [run.setup.aws_profile_id]
    settings = {
      region = "us-east-1"
    }
    machine_pools = [
      { name = "cp", control_plane = true, count = 1, instance_type = "m5.large" },
      { name = "workers", count = 2, instance_type = "m5.large" },
    ]
  }

  assert {
    condition     = output.health == "Healthy"
    error_message = "the aws cluster is not healthy"
  }
}

run "unknown_environment" {
  command = plan

  variables {
    name          = "module-test-bad"
    environment   = "mars"
    profile_ids   = [run.setup.aws_profile_id]
    machine_pools = [{ name = "cp", control_plane = true, count = 1 }]
  }

  expect_failures = [var.environment]
}
