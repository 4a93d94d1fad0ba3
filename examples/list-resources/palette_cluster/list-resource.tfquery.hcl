# List the production EKS clusters of the provider's project; `terraform query
# -generate-config-out=clusters.tf` then writes a resource and an import block for each.
list "palette_cluster" "prod_eks" {
  provider = palette
  limit    = 200

  config {
    name        = "prod-*"
    environment = "eks"
    tags = {
      team = "platform"
    }
  }
}
