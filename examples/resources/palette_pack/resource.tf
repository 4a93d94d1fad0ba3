# Prometheus deployed on a running cluster as a layer of its own: created, upgraded and removed
# without touching the rest of the cluster's stack.
resource "palette_pack" "monitoring" {
  cluster_id    = palette_cluster.prod.id
  name          = "prometheus-operator"
  tag           = "83.5.0"
  registry_name = "Public Repo"
  values        = <<-YAML
    prometheus:
      prometheusSpec:
        retention: 15d
    grafana:
      enabled: true
  YAML
}

# Raw Kubernetes manifests, as a layer.
resource "palette_pack" "namespaces" {
  cluster_id = palette_cluster.prod.id
  name       = "team-namespaces"
  type       = "manifest"

  manifest {
    name    = "namespaces"
    content = <<-YAML
      apiVersion: v1
      kind: Namespace
      metadata:
        name: team-a
    YAML
  }
}
