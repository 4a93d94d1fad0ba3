# Shared defaults for every cluster's kubernetes pack, with one cluster's overrides on top.
locals {
  kubernetes_values = provider::palette::merge_values(
    <<-EOT
    pack:
      podCIDR: "192.168.0.0/16"
    kubeadmconfig:
      apiServer:
        extraArgs:
          audit-log-maxage: "30"
    EOT
    ,
    <<-EOT
    kubeadmconfig:
      apiServer:
        extraArgs:
          audit-log-maxage: "90"   # this cluster keeps audit logs longer
    EOT
  )
}

output "kubernetes_values" {
  value = local.kubernetes_values
}
