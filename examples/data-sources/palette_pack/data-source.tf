# The newest Kubernetes pack for AWS, and a pinned Calico version.
data "palette_pack" "kubernetes" {
  name        = "kubernetes"
  environment = "aws"
}

data "palette_pack" "calico" {
  name          = "cni-calico"
  tag           = "3.31.4"
  registry_name = "Public Repo"
}

output "kubernetes_versions_on_offer" {
  value = data.palette_pack.kubernetes.tags
}

output "calico_default_values" {
  value = data.palette_pack.calico.values
}
