output "id" {
  description = "Uid of the cluster."
  value       = palette_cluster.this.id
}

output "state" {
  description = "The cluster's state (`Running` once deployed)."
  value       = palette_cluster.this.state
}

output "health" {
  description = "The cluster's health (`Healthy` once every layer is ready)."
  value       = palette_cluster.this.health
}

output "layers" {
  description = "Every deployed pack in stack order."
  value       = palette_cluster.this.layers
}
