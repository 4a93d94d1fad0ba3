# List the tenant's shared profiles, one result per name at its newest version.
list "palette_cluster_profile" "shared" {
  provider = palette

  config {
    name    = "base-*"
    context = "tenant"
  }
}
