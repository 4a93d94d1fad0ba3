output "id" {
  description = "The pack's id, `CLUSTER_UID/prometheus-operator`."
  value       = palette_pack.prometheus.id
}

output "state" {
  description = "Condition of the monitoring layer on the cluster (Ready once deployed)."
  value       = palette_pack.prometheus.state
}

output "profile_id" {
  description = "Uid of the add-on profile that carries the pack."
  value       = palette_pack.prometheus.profile_id
}
