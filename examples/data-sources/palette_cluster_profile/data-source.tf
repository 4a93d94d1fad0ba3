# The newest version of a profile, and its packs in stack order.
data "palette_cluster_profile" "base" {
  name = palette_cluster_profile.base.name
}

# One version of a tenant profile.
data "palette_cluster_profile" "addons" {
  name    = palette_cluster_profile.addons.name
  version = "1.0.0"
  context = "tenant"
}

output "base_layers" {
  value = { for p in data.palette_cluster_profile.base.pack : p.layer => "${p.name}:${p.tag}" }
}

output "addons_id" {
  value = data.palette_cluster_profile.addons.id
}
