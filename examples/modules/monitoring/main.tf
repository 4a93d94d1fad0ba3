# Adds monitoring to any cluster: the prometheus-operator pack as a layer of its own, with
# values built from a few variables. Removing the module removes that layer and nothing else.

terraform {
  required_providers {
    palette = {
      source = "palette-rs/palette"
    }
  }
}

locals {
  base_values = yamlencode({
    prometheus = {
      prometheusSpec = {
        retention = var.retention
      }
    }
    grafana = {
      enabled = var.grafana_enabled
    }
  })
  values = var.extra_values == "" ? local.base_values : provider::palette::merge_values(local.base_values, var.extra_values)
}

resource "palette_pack" "prometheus" {
  cluster_id    = var.cluster_id
  name          = "prometheus-operator"
  tag           = var.prometheus_version
  registry_name = "Public Repo"
  values        = local.values
}
