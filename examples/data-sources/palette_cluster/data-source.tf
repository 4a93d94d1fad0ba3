# Read a cluster that another configuration manages: its state, health and kubeconfig.
data "palette_cluster" "prod" {
  id = palette_cluster.prod.id
}

output "prod_health" {
  value = "${data.palette_cluster.prod.state} / ${data.palette_cluster.prod.health}"
}
